"""Piped documents and downloads without a useful content type are read by what they are:
HTML and Markdown are recognised from their content; a feed is refused, naming `briefing run`."""

import io
import json
import sys

import pytest
from webserver import Site, rss

from briefing.cli import main

PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head><title>Harbour news</title></head>
<body>
<nav><a href="/">Home</a></nav>
<h1>Harbour reopens</h1>
<p>The north quay reopened on Tuesday after a long repair. Ships can dock again.</p>
<h2>Fees</h2>
<p>Fees will fall in April. The union is satisfied.</p>
</body>
</html>
"""

NOTES = """\
# Harbour notes

The north quay reopened on Tuesday. Ships can dock again.

```sh
berth book --ship "Morning Star"
```

## Fees

- Fees will fall in April.
- The union is [satisfied](https://example.org/union).
"""


def summarize_stdin(monkeypatch, capsys, data: bytes, *args: str):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code = main(["summarize", "-", "--format", "json", "-n", "5", *args])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if code == 0 else None), err


def picks(digest) -> list[str]:
    return [s for section in digest["sections"] for s in section["sentences"]]


def test_piped_html_is_read_as_a_page_not_as_text(monkeypatch, capsys):
    code, digest, err = summarize_stdin(monkeypatch, capsys, PAGE.encode())
    assert code == 0, err
    assert digest["format"] == "html"
    assert digest["title"] == "Harbour reopens"
    assert [s["heading"] for s in digest["sections"]] == ["", "Fees"]
    assert not any("<" in s for s in picks(digest))


def test_piped_markdown_gets_its_headings_and_no_code_block(monkeypatch, capsys):
    code, digest, err = summarize_stdin(monkeypatch, capsys, NOTES.encode())
    assert code == 0, err
    assert digest["format"] == "markdown"
    assert digest["title"] == "Harbour notes"
    assert [s["heading"] for s in digest["sections"]] == ["", "Fees"]
    assert picks(digest) == [
        "The north quay reopened on Tuesday.",
        "Ships can dock again.",
        "Fees will fall in April.",
        "The union is satisfied.",
    ]


def test_input_format_still_wins_over_what_the_content_shows(monkeypatch, capsys):
    code, digest, err = summarize_stdin(monkeypatch, capsys, NOTES.encode(), "--from", "text")
    assert code == 0, err
    assert digest["format"] == "text"


def test_a_piped_feed_is_refused_with_one_line_naming_briefing_run(monkeypatch, capsys):
    feed = rss("http://127.0.0.1", [("Quay reopens", "/a.html")])
    code, _, err = summarize_stdin(monkeypatch, capsys, feed)
    assert code == 1
    assert err.count("\n") == 1
    assert err.startswith("briefing: error: <stdin>: this is an RSS/Atom feed")
    assert "briefing run" in err


@pytest.mark.parametrize(
    "content_type", ["application/octet-stream", "", "text/plain; charset=utf-8"]
)
def test_a_download_without_a_useful_content_type_is_read_by_its_content(content_type, capsys):
    with Site() as site:
        notes = site.add("/notes", NOTES.encode(), content_type=content_type)
        page = site.add("/page", PAGE.encode(), content_type=content_type)
        feed = site.add("/feed", rss(site.base, [("A", "/a")]), content_type="application/xml")
        assert main(["summarize", notes, "--format", "json"]) == 0
        assert json.loads(capsys.readouterr().out)["format"] == "markdown"
        assert main(["summarize", page, "--format", "json"]) == 0
        assert json.loads(capsys.readouterr().out)["title"] == "Harbour reopens"
        assert main(["summarize", feed]) == 1
        assert "briefing run" in capsys.readouterr().err


def test_a_file_without_a_known_extension_is_read_by_its_content(tmp_path, capsys):
    (tmp_path / "saved-page").write_text(PAGE)
    (tmp_path / "feed.xml").write_bytes(rss("http://127.0.0.1", [("A", "/a")]))
    assert main(["summarize", str(tmp_path / "saved-page"), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["format"] == "html"
    assert main(["build", str(tmp_path / "feed.xml"), "-o", str(tmp_path / "out")]) == 1
    assert "briefing run" in capsys.readouterr().err
