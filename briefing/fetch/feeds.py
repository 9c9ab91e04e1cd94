"""RSS and Atom feeds, fetched through ``briefing.fetch.http.fetch`` and parsed by feedparser."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.fetch.http import FetchError, Response, fetch


@dataclass(frozen=True)
class Entry:
    """One feed entry: its link (the page to read), title, date and any text the feed carries."""

    link: str
    title: str
    published: str
    content: str


def read_feed(url: str, **limits) -> list[Entry]:
    """Fetch and parse a feed; a feed that is not a feed raises FetchError."""
    return parse_feed(url, fetch(url, **limits))


def parse_feed(url: str, response: Response) -> list[Entry]:
    """The entries of a fetched feed (with http(s) links); FetchError if it is no feed."""
    import feedparser

    parsed = feedparser.parse(response.body, response_headers={"content-location": response.url})
    entries = []
    for raw in parsed.entries:
        link = raw.get("link", "")
        if not link.lower().startswith(("http://", "https://")):
            continue
        content = raw.get("content", [{}])[0].get("value", "") or raw.get("summary", "")
        published = raw.get("published_parsed") or raw.get("updated_parsed")
        date = (
            f"{published.tm_year:04d}-{published.tm_mon:02d}-{published.tm_mday:02d}"
            if published
            else ""
        )
        entries.append(Entry(link, raw.get("title", ""), date, content))
    if parsed.bozo and not entries:
        reason = getattr(parsed, "bozo_exception", None) or "no items with links"
        raise FetchError(f"{url}: malformed feed ({reason})")
    return entries
