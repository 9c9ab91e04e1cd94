"""An Atom feed (RFC 4287) of the newest briefings: one entry per date, linking its page and
PDF, with "the day in brief" as the entry's summary, for people who read in a feed reader.

It carries the newest ``FEED_ENTRIES`` briefings, not every kept one: a feed reader keeps
the entries it has seen, so a month covers a reader who polls even monthly, while the
feed that every reader fetches (often hourly) stays a few dozen kilobytes however long
briefings are kept; the archive page lists them all.

Links are relative to the feed (``2026-11-24/briefing.html``) unless a ``base_url`` says
where the output folder is published; ids are stable across rebuilds either way. The XML
is built with the standard library's ElementTree, which escapes every value (feedgen 1.0
drops the ``rel`` and ``type`` of entry links, python-feedgen issue 135).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from briefing.publish.archive import FEED, INDEX, Archived

ATOM = "http://www.w3.org/2005/Atom"
_TYPES = {"html": "text/html", "pdf": "application/pdf", "md": "text/markdown"}
_EPOCH = "1970-01-01T00:00:00+00:00"

#: Entries in the feed: a month of daily briefings.
FEED_ENTRIES = 30


def summary_of(entry: Archived) -> str:
    """The day in brief as text (one sentence a line), or the briefing's note."""
    glance = entry.glance
    if glance.highlights:
        return "\n".join(f"• {sentence}" for sentence in glance.highlights)
    return glance.note or f"{glance.items} item{'' if glance.items == 1 else 's'}"


def atom_feed(entries: Sequence[Archived], *, title: str, base_url: str = "") -> bytes:
    """The feed as UTF-8 XML: the first ``FEED_ENTRIES`` of ``entries`` (newest first)."""
    import xml.etree.ElementTree as ET

    entries = entries[:FEED_ENTRIES]

    def add(parent, tag: str, text: str | None = None, **attributes):
        element = ET.SubElement(parent, tag, {k: v for k, v in attributes.items() if v})
        element.text = text
        return element

    home = base_url or title
    feed = ET.Element("feed", {"xmlns": ATOM})
    add(feed, "id", base_url + FEED if base_url else _urn(home))
    add(feed, "title", title)
    add(feed, "updated", max((e.written for e in entries), default=_EPOCH))
    add(add(feed, "author"), "name", title)
    add(feed, "link", href=base_url + INDEX, rel="alternate", type="text/html")
    if base_url:
        add(feed, "link", href=base_url + FEED, rel="self", type="application/atom+xml")
    add(feed, "generator", "briefing")
    for entry in entries:
        item = add(feed, "entry")
        add(item, "id", _urn(f"{home}/{entry.date}"))
        add(item, "title", f"{entry.glance.title} · {entry.date}")
        add(item, "published", f"{entry.date}T00:00:00+00:00")
        add(item, "updated", entry.written)
        alternate = next((o for o in ("html", "pdf", "md") if entry.href(o)), "")
        for output in ("html", "pdf", "md"):
            if entry.href(output):
                rel = "alternate" if output == alternate else "related"
                href = entry.href(output, base_url)
                add(item, "link", href=href, rel=rel, type=_TYPES[output], title=output.upper())
        add(item, "summary", summary_of(entry), type="text")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _urn(name: str) -> str:
    """A stable ``urn:uuid:`` for a name (Atom ids must be absolute IRIs)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"briefing:{name}").urn
