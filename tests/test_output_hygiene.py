"""What reaches the terminal and the briefing: no control characters from documents, the
feed's title for an item whose page failed, and templates kept to the sandbox."""

import json
import re

import pytest
from webserver import Site

from briefing.cli import main

#: Control characters a terminal acts on: C0 (ESC, BEL, CR...), DEL and C1 (CSI...).
RAW_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
HOSTILE = (
    "Report \x1b]0;owned\x07 of the week\n\n"
    "The port \x1b[2J reopened on Tuesday after repairs. Ships \x9b31m will dock on Friday.\r"
    "Waiting times should fall below a day. The fee rise was halved.\n"
)


@pytest.mark.parametrize("format", ["text", "markdown", "json"])
def test_control_characters_from_a_document_never_reach_the_terminal(tmp_path, capsys, format):
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    assert main(["summarize", str(path), "--format", format, "-n", "2"]) == 0
    out = capsys.readouterr().out
    assert not RAW_CONTROL.search(out), repr(out)
    assert "reopened on Tuesday" in out and "will dock on Friday" in out
    if format == "json":  # escaped, not lost: a script still gets the document's text
        assert "\x1b[2J" in json.loads(out)["sections"][0]["sentences"][0]


def test_control_characters_in_warnings_show_as_escapes(tmp_path, capsys):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "empty\x1b[31m\r.md").write_text("")
    (reports / "note.md").write_text("# Note\n\nSales rose by a tenth. Costs fell.\n")
    config = tmp_path / "briefing.toml"
    config.write_text(f'formats = ["md"]\n[[sources]]\nname = "R\\u001b[8m"\npath = "{reports}"\n')
    assert main(["run", "--config", str(config), "--date", "2026-11-24", "-j", "1"]) == 3
    err = capsys.readouterr().err
    assert not RAW_CONTROL.search(err), repr(err)
    assert "empty\\x1b[31m\\r.md: no text to summarise" in err


def test_an_item_whose_page_fails_is_titled_with_its_feed_title(tmp_path, capsys):
    with Site() as site:
        items = "".join(
            f"<item><title>{title}</title><link>{site.base}{link}</link>"
            f"<description>{text}</description></item>"
            for title, link, text in (
                (
                    "Harbour strike ends after nine days",
                    "/news/404",
                    "Dock workers voted to return on Monday. Ships queue outside the port.",
                ),
                (
                    "Library hours extended",
                    "/news/library.html",
                    "The library opens late.",
                ),
            )
        )
        site.add(
            "/feed.xml",
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
            f"<link>{site.base}/</link><description>d</description>{items}</channel></rss>".encode(),
            content_type="application/rss+xml",
        )
        site.add(
            "/news/library.html",
            b"<html><body><p>The city library will open until nine in the evening. "
            b"Weekend hours stay the same.</p></body></html>",
        )
        config = tmp_path / "briefing.toml"
        config.write_text(f'formats = ["md"]\n[[sources]]\nfeed = "{site.base}/feed.xml"\n')
        code = main(["run", "--config", str(config), "--date", "2026-11-24", "-j", "1"])
    assert code == 0, capsys.readouterr().err
    md = (tmp_path / "output" / "2026-11-24" / "briefing.md").read_text()
    assert "Harbour strike ends after nine days" in md  # the page failed: the feed's text
    assert "Library hours extended" in md  # the page names no title: the feed's
    assert "\n## 404" not in md and "[404]" not in md


def document(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# Note\n\nSales rose by a tenth. Costs fell.\n")
    return path


@pytest.mark.parametrize(
    "expression",
    [
        "cycler.__init__.__globals__.os.system('touch ' ~ marker)",
        "lipsum.__globals__['os'].system('touch ' ~ marker)",
        "briefing.__class__.__init__.__globals__['__builtins__']['open'](marker, 'w')",
        "joiner.__init__.__globals__.os.popen('touch ' ~ marker).read()",
    ],
)
def test_a_template_cannot_run_commands_or_touch_files(tmp_path, capsys, expression):
    templates = tmp_path / "templates"
    templates.mkdir()
    marker = tmp_path / "owned"
    (templates / "briefing.md.j2").write_text(
        f"{{% set marker = '{marker}' %}}# {{{{ briefing.title }}}}\n{{{{ {expression} }}}}\n"
    )
    args = ["build", str(document(tmp_path)), "-o", str(tmp_path / "out")]
    assert main([*args, "--templates", str(templates), "--to", "md"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("briefing: error: template briefing.md.j2, line 2: ")
    assert "unsafe" in err and len(err.splitlines()) == 1
    assert not marker.exists()
    assert not (tmp_path / "out").exists()


def test_an_ordinary_template_still_works_in_the_sandbox(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "briefing.md.j2").write_text(
        "# {{ briefing.title|upper }}\n{% for d in briefing.documents %}"
        "{{ hashes(2) }} {{ loop.index }}. {{ d.title }} ({{ d.sections|length }})\n"
        "{% for s in d.sections %}{{ s.sentences|join(' ') }}\n{% endfor %}{% endfor %}"
    )
    args = ["build", str(document(tmp_path)), "-o", str(tmp_path / "out"), "--date"]
    code = main([*args, "2026-11-24", "--templates", str(templates), "--to", "md"])
    assert code == 0
    md = (tmp_path / "out" / "2026-11-24" / "briefing.md").read_text()
    assert md.startswith("# BRIEFING\n## 1. Note (1)\nSales rose by a tenth.")
