"""Gathering a daily run's items from its sources: files, URL lists and RSS/Atom feeds.

Each item is read into a Document with the same readers as ``briefing summarize`` (a
feed item's page goes through the HTML reader, trafilatura). Items briefed before are
skipped: by URL or path with the same content, or by the same content from anywhere.
A source that fails is reported and the others go on.
"""

from __future__ import annotations

import glob
import hashlib
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config, Source
from .errors import BriefingError
from .model import Document
from .readers import EXTENSIONS, decode, format_for, has_text, parse
from .state import State

log = logging.getLogger("briefing")


@dataclass(frozen=True)
class Item:
    """A new item for today's briefing: its document, where it lives and its content hash."""

    source: str
    location: str
    hash: str
    document: Document
    published: str = ""


@dataclass
class Gathered:
    """What the sources gave: new items, and one message per source or item that failed."""

    items: list[Item] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    failed_sources: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Seen:
    """What counts as already briefed: items of runs dated from ``since`` up to (not
    including) ``before``, the run's own date, so that re-running a date gives the same
    briefing; with no state (``--all``), nothing."""

    state: State | None
    before: str
    since: str | None = None

    def location(self, location: str) -> set[str]:
        if not self.state:
            return set()
        return self.state.seen_location(location, self.since or "", self.before)

    def content(self, digest: str) -> bool:
        return bool(self.state) and self.state.seen_hash(digest, self.since or "", self.before)


def content_hash(document: Document) -> str:
    """A hash of the document's text (not its markup), so the same article hashes alike."""
    text = "\n".join(
        p for section in document.sections for p in (section.heading, *section.paragraphs)
    )
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


def gather(
    config: Config, seen: Seen, progress: Callable[[str], None] = lambda _: None
) -> Gathered:
    """Read every source's new items; failures are collected, never raised."""
    result = Gathered()
    for source in config.sources:
        progress(source.name)
        try:
            for item in _items(source, config, seen, result):
                result.items.append(item)
        except BriefingError as exc:
            result.failures.append(f"source {source.name!r}: {exc}")
            result.failed_sources.add(source.name)
            log.warning("source %r failed: %s", source.name, exc)
    return result


def _items(source: Source, config: Config, seen: Seen, result: Gathered) -> Iterator[Item]:
    readers = {"files": _file_items, "urls": _url_items, "feed": _feed_items}
    yield from readers[source.kind](source, config, seen, result)


def _accept(source: Source, location: str, document: Document, seen: Seen, published: str = ""):
    """The Item for a document, or None when this content was briefed before."""
    digest = content_hash(document)
    if digest in seen.location(location) or seen.content(digest):
        return None
    return Item(source.name, location, digest, document, published)


def _file_items(source: Source, config: Config, seen: Seen, result: Gathered) -> Iterator[Item]:
    pattern = Path(source.path)
    if pattern.is_dir():
        paths = [p for p in pattern.iterdir() if p.suffix.lower() in EXTENSIONS and p.is_file()]
    else:
        paths = [Path(p) for p in glob.glob(str(pattern), recursive=True) if Path(p).is_file()]
        if not paths and not pattern.parent.is_dir():
            raise BriefingError(f"{pattern.parent}: no such folder")
    paths.sort(key=lambda p: (-p.stat().st_mtime, str(p)))
    for path in paths[: source.max_items]:
        try:
            if path.stat().st_size > config.max_bytes:
                raise BriefingError(f"{path}: larger than max_bytes ({config.max_bytes} bytes)")
            document = parse(decode(path.read_bytes(), str(path)), str(path), format_for(str(path)))
        except (BriefingError, OSError) as exc:
            _item_failed(result, source, str(path), exc)
            continue
        if has_text(document) and (item := _accept(source, str(path.resolve()), document, seen)):
            yield item


def _url_items(source: Source, config: Config, seen: Seen, result: Gathered) -> Iterator[Item]:
    from .readers import load_url

    for url in source.urls[: source.max_items]:
        if seen.location(url):
            continue  # briefed before: not fetched again
        try:
            document = load_url(url, timeout=config.timeout, max_bytes=config.max_bytes)
        except BriefingError as exc:
            _item_failed(result, source, url, exc)
            continue
        if item := _accept(source, url, document, seen):
            yield item


def _feed_items(source: Source, config: Config, seen: Seen, result: Gathered) -> Iterator[Item]:
    from .feeds import read_feed
    from .readers import load_url

    for entry in read_feed(source.feed, timeout=config.timeout, max_bytes=config.max_bytes)[
        : source.max_items
    ]:
        if seen.location(entry.link):
            continue
        try:
            document = load_url(entry.link, timeout=config.timeout, max_bytes=config.max_bytes)
        except BriefingError as exc:
            if not entry.content:
                _item_failed(result, source, entry.link, exc)
                continue
            log.warning("%s: %s; using the feed's own text instead", entry.link, exc)
            document = parse(entry.content, entry.link, "html")
        if not document.title or document.title == "Untitled":
            from dataclasses import replace

            document = replace(document, title=entry.title or document.title)
        if has_text(document) and (
            item := _accept(source, entry.link, document, seen, entry.published)
        ):
            yield item


def _item_failed(result: Gathered, source: Source, location: str, exc: Exception) -> None:
    message = str(exc) if str(exc).startswith(location) else f"{location}: {exc}"
    result.failures.append(f"source {source.name!r}: {message}")
    result.failed_sources.add(source.name)
    log.warning("source %r: %s", source.name, message)
