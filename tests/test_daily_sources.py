"""Gathering a day's items: folders, globs, URL lists and feeds (from a real local server),
failures reported without stopping the others, and what was briefed before left out."""

import os
from dataclasses import replace
from pathlib import Path

import pytest
from webserver import Site, page

from briefing.daily.config import Config, Source
from briefing.daily.sources import Seen, content_hash, gather
from briefing.daily.state import BriefedItem, State
from briefing.model import Document, Section

PORT = page(
    "Port reopens north quay",
    "The north quay reopened on Tuesday after fourteen months of repairs. "
    "The first container ship will dock on Friday.",
    "The repairs cost 48 million euros. Fees will rise less than planned.",
)
RAIL = page(
    "Night trains return",
    "A night train will run between the capital and the coast from March. "
    "Tickets go on sale next week.",
    "The line was closed for three years. Hotels welcomed the news.",
)


def feed(base: str, entries: list[tuple[str, str, str]]) -> bytes:
    """RSS with (title, path, description) entries."""
    items = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link>"
        f"<description>{description}</description>"
        f"<pubDate>Tue, 24 Nov 2026 06:00:00 GMT</pubDate></item>"
        for title, path, description in entries
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Example</title>'
        f"<link>{base}/</link><description>News</description>{items}</channel></rss>"
    ).encode()


def note(folder: Path, name: str, text: str, age_days: float = 0) -> Path:
    """A document in ``folder``, last modified ``age_days`` ago."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    when = path.stat().st_mtime - age_days * 86400
    os.utime(path, (when, when))
    return path


def config(*sources: Source, **settings) -> Config:
    return Config(sources=sources, **settings)


def everything(date: str = "2026-11-24") -> Seen:
    """Nothing counts as briefed before (``--all``)."""
    return Seen(None, date)


@pytest.fixture
def site():
    with Site() as site:
        yield site


@pytest.fixture
def reports(tmp_path) -> Path:
    folder = tmp_path / "reports"
    note(folder, "oldest.txt", "Old note\n\nThe old plan was kept. Nobody asked.\n", age_days=3)
    note(folder, "middle.md", "# Middle note\n\nThe budget rose. Costs fell.\n", age_days=2)
    note(folder, "newest.html", "<h1>New note</h1><p>The vote passed. Work starts soon.</p>", 1)
    note(folder, "picture.png", "not a document", age_days=0)
    note(folder, "data.csv", "a,b\n1,2\n", age_days=0)
    (folder / "archive").mkdir()
    note(folder / "archive", "kept.md", "# Archived\n\nIt was archived. It stays there.\n", 5)
    return folder


def test_a_folder_gives_its_documents_newest_first_and_nothing_else(reports):
    gathered = gather(config(Source("Reports", "files", str(reports))), everything())
    assert gathered.failures == []
    assert [Path(i.location).name for i in gathered.items] == [
        "newest.html",
        "middle.md",
        "oldest.txt",
    ]
    assert [i.document.title for i in gathered.items] == ["New note", "Middle note", "Old note"]
    assert {i.source for i in gathered.items} == {"Reports"}
    assert all(i.hash == content_hash(i.document) for i in gathered.items)
    assert all(Path(i.location).is_absolute() for i in gathered.items)


def test_max_items_keeps_the_newest(reports):
    source = Source("Reports", "files", str(reports), max_items=2)
    gathered = gather(config(source), everything())
    assert [Path(i.location).name for i in gathered.items] == ["newest.html", "middle.md"]


def test_a_glob_picks_the_files_it_matches_in_subfolders_too(reports):
    source = Source("Notes", "files", str(reports / "**" / "*.md"))
    gathered = gather(config(source), everything())
    assert [Path(i.location).name for i in gathered.items] == ["middle.md", "kept.md"]


def test_a_glob_that_matches_nothing_is_a_failed_source_not_a_quiet_day(reports):
    gathered = gather(config(Source("Notes", "files", str(reports / "*.rst"))), everything())
    assert gathered.items == []
    assert gathered.failures == [f"source 'Notes': {reports / '*.rst'}: matches no files"]


def test_a_missing_folder_fails_its_source_and_the_others_go_on(tmp_path, reports):
    sources = (
        Source("Typo", "files", str(tmp_path / "reprots")),
        Source("Gone", "files", str(tmp_path / "gone" / "*.md")),
        Source("Reports", "files", str(reports)),
    )
    gathered = gather(config(*sources), everything())
    assert gathered.failed_sources == {"Typo", "Gone"}
    assert gathered.failures == [
        f"source 'Typo': {tmp_path / 'reprots'}: no such folder or file",
        f"source 'Gone': {tmp_path / 'gone'}: no such folder",
    ]
    assert len(gathered.items) == 3


def test_an_unreadable_file_is_reported_and_the_rest_of_its_folder_is_read(reports):
    broken = reports / "broken.txt"
    broken.write_bytes(bytes(range(256)) * 4)
    gathered = gather(config(Source("Reports", "files", str(reports))), everything())
    assert gathered.failed_sources == {"Reports"}
    [failure] = gathered.failures
    assert failure.startswith(f"source 'Reports': {broken}: ") and "not a text file" in failure
    assert len(gathered.items) == 3


def test_a_url_list_gives_each_page_and_reports_the_ones_that_fail(site):
    urls = (
        site.add("/port.html", PORT),
        site.base + "/missing.html",
        site.add("/rail.html", RAIL),
        site.add("/later.html", PORT.replace(b"north", b"south")),
    )
    source = Source("Reading list", "urls", urls, max_items=3)
    gathered = gather(config(source), everything())
    assert [i.location for i in gathered.items] == [urls[0], urls[2]]
    assert [i.document.title for i in gathered.items] == [
        "Port reopens north quay",
        "Night trains return",
    ]
    assert gathered.failures == [f"source 'Reading list': {urls[1]}: HTTP 404 Not Found"]
    assert "/later.html" not in site.hits  # beyond max_items: not even fetched


def test_a_feed_gives_each_entrys_page_or_else_the_feeds_own_text(site):
    site.add("/port.html", PORT)
    site.add(
        "/feed.xml",
        feed(
            site.base,
            [
                ("Port", "/port.html", "Short teaser."),
                (
                    "Council vote",
                    "/council.html",  # 404: the feed's own text is used instead
                    "&lt;p&gt;The council passed the budget on Monday. "
                    "Roads get less money.&lt;/p&gt;",
                ),
                ("Lost", "/lost.html", ""),  # 404 and nothing in the feed: a failure
            ],
        ),
        content_type="application/rss+xml",
    )
    source = Source("News", "feed", site.base + "/feed.xml")
    gathered = gather(config(source), everything())
    port, council = gathered.items
    assert port.location == site.base + "/port.html" and port.published == "2026-11-24"
    assert "The north quay reopened on Tuesday" in str(port.document.sections)
    assert "Short teaser." not in str(port.document.sections)
    assert council.document.title == "Council vote"
    assert "The council passed the budget on Monday." in str(council.document.sections)
    assert gathered.failures == [f"source 'News': {site.base}/lost.html: HTTP 404 Not Found"]


def test_a_feed_that_is_not_a_feed_fails_its_source(site):
    site.add("/feed.xml", b"<rss><channel><item><title>broken", content_type="application/rss+xml")
    gathered = gather(config(Source("News", "feed", site.base + "/feed.xml")), everything())
    assert gathered.items == [] and gathered.failed_sources == {"News"}
    assert "malformed feed" in gathered.failures[0]


def test_the_same_text_hashes_alike_wherever_it_comes_from():
    words = Document("T", "a.txt", "text", (Section("Head", 2, ("One  two\nthree.",)),))
    moved = replace(words, source="https://x.org/b", format="html", title="Other")
    rewrapped = replace(words, sections=(Section("Head", 2, ("One two three.",)),))
    edited = replace(words, sections=(Section("Head", 2, ("One two four.",)),))
    assert content_hash(words) == content_hash(moved) == content_hash(rewrapped)
    assert content_hash(edited) != content_hash(words)


def record(state: State, date: str, gathered) -> None:
    """Remember the gathered items as briefed by a run of ``date``."""
    run = state.start_run(date, f"{date}T06:00:00")
    items = [BriefedItem(i.source, i.location, i.hash, i.document.title) for i in gathered.items]
    state.finish_run(run, ended=f"{date}T06:01:00", status="ok", items=items, outputs=["x.md"])


def test_what_was_briefed_on_an_earlier_day_is_not_new(tmp_path, reports, site):
    url = site.add("/port.html", PORT)
    cfg = config(Source("Reports", "files", str(reports)), Source("List", "urls", (url,)))
    with State.open(tmp_path / "state.sqlite3") as state:
        first = gather(cfg, Seen(state, "2026-11-24"))
        assert len(first.items) == 4
        record(state, "2026-11-24", first)
        hits = len(site.hits)

        assert gather(cfg, Seen(state, "2026-11-25")).items == []
        assert len(site.hits) == hits  # a page briefed before is not fetched again

        # An edited file is new; a copy of a briefed file under another name is not.
        note(reports, "middle.md", "# Middle note\n\nThe budget rose again. Costs fell.\n")
        (reports / "copy.txt").write_bytes((reports / "oldest.txt").read_bytes())
        again = gather(cfg, Seen(state, "2026-11-25"))
        assert [Path(i.location).name for i in again.items] == ["middle.md"]


def test_a_rerun_of_the_same_date_and_since_bring_items_back(tmp_path, reports):
    cfg = config(Source("Reports", "files", str(reports)))
    with State.open(tmp_path / "state.sqlite3") as state:
        record(state, "2026-11-24", gather(cfg, Seen(state, "2026-11-24")))
        # Re-running a date: its own items are not "briefed before", so it comes out the same.
        assert len(gather(cfg, Seen(state, "2026-11-24")).items) == 3
        # --since: items briefed before that date count as new again.
        assert len(gather(cfg, Seen(state, "2026-11-26", since="2026-11-25")).items) == 3
        assert gather(cfg, Seen(state, "2026-11-26", since="2026-11-24")).items == []
        # --all: nothing counts as briefed.
        assert len(gather(cfg, Seen(None, "2026-11-26")).items) == 3


def test_progress_hears_of_each_source_in_order(reports, site):
    names = []
    cfg = config(
        Source("Reports", "files", str(reports)),
        Source("List", "urls", (site.add("/p.html", PORT),)),
    )
    gather(cfg, everything(), names.append)
    assert names == ["Reports", "List"]
