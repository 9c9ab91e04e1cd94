"""One bad item never sinks a daily run: whatever fails while reading or summarising one
item (nesting 800 levels deep, a plugin's bug, a RecursionError, a worker killed) fails
that item alone, with a warning and exit 3, and the briefing is written with the others."""

import sys
import time

import pytest
from dailyrun import GOOD, OTHER, folder_source, run_cli, write_config

from briefing.cli import main


def test_a_markdown_item_nested_800_levels_deep_fails_alone(tmp_path, capsys):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "deep.md").write_text(
        "".join("    " * i + f"- item {i} of the list.\n" for i in range(800))
    )
    (reports / "deep.html").write_text(
        "<html><body><h1>Deep page</h1><p>The top of the page is read. It says little.</p>"
        + "".join(f"<div><blockquote><ul><li>Level {i} text. " for i in range(20000))
    )
    (reports / "good.md").write_text(GOOD)
    config = write_config(tmp_path, folder_source(reports))
    started = time.monotonic()
    assert run_cli(config, "--date", "2026-11-24") == 3
    assert time.monotonic() - started < 30
    err = capsys.readouterr().err
    assert "deep.md: lists or quotes nested more than 100 levels deep" in err
    md = (tmp_path / "output" / "2026-11-24" / "briefing.md").read_text()
    assert "Quarterly note" in md and "item 1 of the list" not in md
    assert "Deep page" in md  # HTML: lxml keeps the first 255 levels, and the run goes on


def test_a_document_that_exhausts_the_recursion_limit_is_an_input_error():
    """The guard around every reader: Python-Markdown really recursing past the limit (a
    small limit stands in for a deep call stack) is a one-line InputError, not a crash."""
    from briefing.errors import InputError
    from briefing.read import parse

    text = "".join("    " * i + f"- item {i}.\n" for i in range(60))
    assert parse(text, "nested.md", "markdown").sections  # fine with the normal limit
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(120)
    try:
        with pytest.raises(InputError, match="nested.md: nested too deeply to read"):
            parse(text, "nested.md", "markdown")
    finally:
        sys.setrecursionlimit(limit)


def test_a_paragraph_of_ten_thousand_brackets_is_read_in_bounded_time():
    """Python-Markdown's link search is quadratic in the brackets of a paragraph (a fuzzing
    find): 10,000 took over a minute. The text comes out the same, links elsewhere work."""
    from briefing.read import parse

    text = (
        "# Brackets\n\nSee [the report](http://example.org/r) for more. It is short.\n\n"
        + "Opening [x]( "
        + "[x](" * 10_000
        + " closing.\n"
    )
    started = time.monotonic()
    document = parse(text, "brackets.md", "markdown")
    assert time.monotonic() - started < 5
    paragraphs = document.sections[0].paragraphs
    assert paragraphs[0] == "See the report for more. It is short."
    assert paragraphs[1] == "Opening [x]( " + "[x](" * 10_000 + " closing."


PLUGIN = '''
"""Plugins with the kinds of bug a third-party package can have."""
from briefing.model import Document, Section
from briefing.read.registry import Reader
from briefing.summarize.registry import Algorithm


def read_rst(text, source):
    lines = text.splitlines()
    title = lines[0] if set(lines[1]) == {"="} else ""  # IndexError on a one-line file
    return Document(title, source, "rst", (Section("", 0, tuple(lines[2:])),))


def alternate(indices):  # one stack frame per two sentences: RecursionError on long texts
    return indices[:1] + alternate(indices[2:]) if indices else []


def make_picker(language, reference_impl=False):
    def choose(document, sentences, counts, language):
        return [alternate(list(range(len(s))))[:c] for s, c in zip(sentences, counts)]
    return choose


def make_killed_picker(language, reference_impl=False):
    def choose(document, sentences, counts, language):
        if "Crash" in document.title:  # the process dies, as the out-of-memory killer does it
            import os, signal
            os.kill(os.getpid(), signal.SIGKILL)
        return [list(range(min(c, len(s)))) for s, c in zip(sentences, counts)]
    return choose


READER = Reader("rst", "reStructuredText", (".rst",), read_rst)
ALGORITHM = Algorithm("alternate", "every other sentence", make_picker)
CRASHING = Algorithm("crashing", "the first sentences", make_killed_picker)
'''


@pytest.fixture
def buggy_plugins(tmp_path, monkeypatch):
    """A real installed plugin package (a dist-info with entry points) on sys.path."""
    from briefing.read.registry import READERS
    from briefing.summarize.registry import SUMMARIZERS

    site = tmp_path / "site"
    (site / "briefing_buggy-0.1.dist-info").mkdir(parents=True)
    (site / "briefing_buggy.py").write_text(PLUGIN)
    (site / "briefing_buggy-0.1.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: briefing-buggy\nVersion: 0.1\n"
    )
    (site / "briefing_buggy-0.1.dist-info" / "entry_points.txt").write_text(
        "[briefing.readers]\nrst = briefing_buggy:READER\n\n"
        "[briefing.summarizers]\nalternate = briefing_buggy:ALGORITHM\n"
        "crashing = briefing_buggy:CRASHING\n"
    )
    monkeypatch.syspath_prepend(str(site))
    READERS.refresh(), SUMMARIZERS.refresh()
    yield
    monkeypatch.undo()
    sys.modules.pop("briefing_buggy", None)
    READERS.refresh(), SUMMARIZERS.refresh()


def test_items_a_plugin_fails_on_or_crashes_on_fail_alone(tmp_path, buggy_plugins, capsys):
    docs, long, crashing = tmp_path / "docs", tmp_path / "long", tmp_path / "crashing"
    docs.mkdir(), long.mkdir(), crashing.mkdir()
    (crashing / "crash.md").write_text("# Crash course\n\nIt kills its process. Sadly.\n")
    (crashing / "fine.md").write_text("# Train times\n\nTrains run hourly. Fares are flat.\n")
    (docs / "one-line.rst").write_text("Just one line of text here.\n")
    (docs / "minutes.rst").write_text(
        "Board minutes\n=============\nThe board approved the budget. The vote was close.\n"
    )
    (docs / "note.md").write_text(GOOD)
    (long / "long.md").write_text(
        "# A long report\n\n" + " ".join(f"Finding {n} was noted." for n in range(3000)) + "\n"
    )
    (long / "short.md").write_text(OTHER)
    config = write_config(
        tmp_path,
        folder_source(docs, "Docs")
        + folder_source(long, "Long", 'algorithm = "alternate"\nsentences = 2')
        + folder_source(crashing, "Crashing", 'algorithm = "crashing"'),
    )
    assert main(["run", "--config", str(config), "--date", "2026-11-24", "-j", "2"]) == 3
    err = capsys.readouterr().err
    assert "one-line.rst: unexpected IndexError" in err
    assert "long.md: unexpected RecursionError" in err
    assert "crash.md: the process summarising it died" in err
    assert "Traceback" not in err
    md = (tmp_path / "output" / "2026-11-24" / "briefing.md").read_text()
    for title in ("Board minutes", "Quarterly note", "Harbour works", "Train times"):
        assert title in md
    assert "A long report" not in md and "Crash course" not in md


def test_an_item_without_sentences_fails_alone_in_the_process_pool(tmp_path, capsys):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "table-dump.txt").write_text(" ".join(["cell"] * 1500) + "\n")
    (reports / "good.md").write_text(GOOD)
    (reports / "other.md").write_text(OTHER)
    config = write_config(tmp_path, folder_source(reports))
    assert main(["run", "--config", str(config), "--date", "2026-11-24", "-j", "2"]) == 3
    assert "table-dump.txt: no sentences to summarise" in capsys.readouterr().err
    md = (tmp_path / "output" / "2026-11-24" / "briefing.md").read_text()
    assert "Quarterly note" in md and "Harbour works" in md


def test_an_item_that_fails_while_summarised_early_fails_alone(tmp_path, capsys):
    """While a slow page is awaited, the items already in are summarised early; one that
    cannot be summarised fails alone there too, and the briefing has the others."""
    from webserver import Site, page, rss

    with Site() as site:
        site.add("/news/dump.txt", (" ".join(["cell"] * 1500) + "\n").encode(), "text/plain")
        site.add("/news/port.html", page("Harbour works", OTHER.split("\n\n")[1]))
        site.add(
            "/news/slow.html",
            page("Night trains return", "A night train will run from March. Tickets sell."),
        )
        site.delay["/news/slow.html"] = 1.5
        items = [("Dump", "/news/dump.txt"), ("Port", "/news/port.html")]
        feed = rss(site.base, [*items, ("Trains", "/news/slow.html")])
        site.add("/feed.xml", feed, "application/rss+xml")
        config = write_config(
            tmp_path, f'[[sources]]\nname = "Feed"\nfeed = "{site.base}/feed.xml"\n'
        )
        assert run_cli(config, "--date", "2026-11-24") == 3
    err = capsys.readouterr().err
    assert "dump.txt: no sentences to summarise" in err and "Traceback" not in err
    md = (tmp_path / "output" / "2026-11-24" / "briefing.md").read_text()
    assert "Harbour works" in md and "Night trains return" in md
    assert "cell cell" not in md


def test_early_summaries_give_a_failure_in_place_of_an_item_that_cannot_be_summarised():
    from briefing.errors import BriefingError
    from briefing.read import parse
    from briefing.summarize import SummaryOptions
    from briefing.summarize.early import EarlySummaries
    from briefing.summarize.parallel import Failure

    good = parse(GOOD, "good.md", "markdown")
    dump = parse(" ".join(["cell"] * 1500) + "\n", "dump.txt", "text")
    options = [SummaryOptions(sentences=1)] * 2
    early = EarlySummaries(jobs=1)
    early.add(dump, options[0])
    early.add(good, options[1])
    assert early.work() and early.work() and not early.work()
    failure, digest = early.digests([dump, good], options, keep_going=True)
    assert isinstance(failure, Failure)
    assert failure.message.startswith("dump.txt: no sentences to summarise")
    assert digest.title == "Quarterly note"
    with pytest.raises(BriefingError, match="no sentences to summarise"):
        early.digests([dump, good], options)
