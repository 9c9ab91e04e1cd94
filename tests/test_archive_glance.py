"""The archive stays cheap as briefings pile up: the page and the feed read each date's
glance, not its whole record; a missing or stale glance never shows wrong data; the feed
carries the newest month."""

import datetime as dt
import os
from pathlib import Path

import feedparser
import lxml.html

from briefing.model import Briefing, DocumentDigest, Failure, Highlight, SectionDigest
from briefing.publish.archive import kept, rebuild
from briefing.publish.feed import FEED_ENTRIES
from briefing.publish.records import GLANCE, record_path, write_record
from briefing.publish.write import write_atomic


def item(n: int, date: str) -> DocumentDigest:
    section = SectionDigest("", 0, (f"The ferry ran {n} extra crossings on {date}.",), 4)
    return DocumentDigest(
        f"Ferry report {n}", f"report-{n}.md", "markdown", "auto", "english", (section,)
    )


def briefing(date: str, items: int = 2, lead: str = "The harbour ferry ran late.") -> Briefing:
    documents = tuple(item(n, date) for n in range(items))
    highlights = (Highlight(lead, 0), Highlight("Boats left every forty minutes.", 1))
    failures = (Failure("Gone", "HTTP 404"), Failure("Gone", "HTTP 404 again"))
    return Briefing("Ferry briefing", date, documents, highlights, failures=failures)


def publish(out: Path, b: Briefing) -> None:
    """What a daily run leaves in a dated folder: the record (and glance) and a page."""
    write_record(out, b)
    (out / b.date / "briefing.html").write_text(f"<h1>{b.title}</h1>\n")


def built(out: Path) -> tuple[bytes, bytes]:
    rebuild(out, title="Ferry briefing")
    return (out / "index.html").read_bytes(), (out / "feed.xml").read_bytes()


def test_folders_without_a_glance_show_the_same_and_get_one(tmp_path):
    for day in ("2026-11-24", "2026-11-25", "2026-11-26"):
        publish(tmp_path, briefing(day))
    with_glances = built(tmp_path)
    page = lxml.html.fromstring(with_glances[0])
    newest = page.xpath("//main/ol/li")[0]
    assert newest.xpath("string(.//blockquote)") == "The harbour ferry ran late."
    meta = newest.xpath("string(.//p[@class='meta'])")
    assert "2 items" in meta and "not read: Gone" in meta and meta.count("Gone") == 1

    for glance in tmp_path.glob(f"*/{GLANCE}"):  # folders an older version wrote
        glance.unlink()
    assert built(tmp_path) == with_glances
    assert len(list(tmp_path.glob(f"*/{GLANCE}"))) == 3  # the next run reads no record


def test_a_record_rewritten_after_its_glance_is_shown_as_it_now_is(tmp_path):
    publish(tmp_path, briefing("2026-11-26", items=2, lead="The ferry ran late."))
    from briefing.compose.json import briefing_json

    # A run killed between writing the record and its glance (or an older version
    # rewriting the record): the glance left behind is of the earlier briefing.
    later = briefing("2026-11-26", items=5, lead="The ferry was cancelled.")
    path = record_path(tmp_path, "2026-11-26")
    write_atomic(path, briefing_json(later).encode())
    os.utime(path, ns=(path.stat().st_mtime_ns + 10**9,) * 2)  # a coarse-clock filesystem
    page = lxml.html.fromstring(built(tmp_path)[0])
    assert page.xpath("string(//blockquote)") == "The ferry was cancelled."
    assert "5 items" in page.xpath("string(//p[@class='meta'])")


def test_the_feed_carries_the_newest_month_and_the_page_every_briefing(tmp_path):
    start = dt.date(2026, 10, 1)
    dates = [(start + dt.timedelta(days=n)).isoformat() for n in range(FEED_ENTRIES + 5)]
    for date in dates:
        publish(tmp_path, briefing(date))
    page, feed = built(tmp_path)
    listed = lxml.html.fromstring(page).xpath("//main/ol/li//time/@datetime")
    assert listed == dates[::-1]
    entries = feedparser.parse(feed).entries
    assert FEED_ENTRIES == 30
    assert [e.title for e in entries] == [f"Ferry briefing · {d}" for d in dates[::-1][:30]]


def test_a_custom_archive_template_can_still_read_the_whole_briefing(tmp_path):
    publish(tmp_path, briefing("2026-11-26", items=3))
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "archive.html.j2").write_text(
        "{% for e in entries %}{{ e.date }}: "
        "{{ e.briefing.documents|map(attribute='title')|join(', ') }}\n{% endfor %}"
    )
    rebuild(tmp_path, title="Ferry briefing", templates=templates)
    assert (tmp_path / "index.html").read_text().strip() == (
        "2026-11-26: Ferry report 0, Ferry report 1, Ferry report 2"
    )
    [entry] = kept(tmp_path)
    assert entry.glance.items == 3 and entry.glance.failed == ("Gone",)
