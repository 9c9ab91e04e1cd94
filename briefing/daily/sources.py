"""Gathering a daily run's items from its sources: files, URL lists and RSS/Atom feeds.

Every item is read by the same ``briefing.read.load`` as ``briefing summarize`` (a feed
item's page goes through the HTML reader). Items briefed before are skipped: by URL or
path with the same content, or by the same content from anywhere. A source or an item
that fails is reported and the others go on.
"""

from __future__ import annotations

import glob
import hashlib
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from briefing.daily.config import Config, Source
from briefing.daily.state import State
from briefing.errors import BriefingError
from briefing.model import Document
from briefing.read import load, parse, require_text
from briefing.read.registry import reader_for_extension

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


@dataclass
class Context:
    """What a source kind's ``items`` function gets besides its source: the config, what
    was seen before, and where to report an item that failed."""

    config: Config
    seen: Seen
    gathered: Gathered

    def failed(self, source: Source, location: str, exc: Exception) -> None:
        """Report one item that could not be read; the source goes on with the next."""
        message = str(exc) if str(exc).startswith(location) else f"{location}: {exc}"
        self.gathered.failures.append(f"source {source.name!r}: {message}")
        self.gathered.failed_sources.add(source.name)
        log.warning("source %r: %s", source.name, message)

    def accept(self, source: Source, location: str, document: Document, published: str = ""):
        """The Item for a document, or None when this content was briefed before."""
        digest = content_hash(document)
        if digest in self.seen.location(location) or self.seen.content(digest):
            return None
        return Item(source.name, location, digest, document, published)


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
    from briefing.daily.kinds import SOURCE_KINDS

    context = Context(config, seen, Gathered())
    for source in config.sources:
        progress(source.name)
        try:
            for item in SOURCE_KINDS[source.kind].items(source, context):
                context.gathered.items.append(item)
        except BriefingError as exc:
            context.gathered.failures.append(f"source {source.name!r}: {exc}")
            context.gathered.failed_sources.add(source.name)
            log.warning("source %r failed: %s", source.name, exc)
    return context.gathered


def file_items(source: Source, context: Context) -> Iterator[Item]:
    """The newest files of a folder (those a reader claims) or of a glob, newest first."""
    pattern = Path(source.path)
    if pattern.is_dir():
        paths = [p for p in pattern.iterdir() if reader_for_extension(p.suffix) and p.is_file()]
    else:
        paths = [Path(p) for p in glob.glob(str(pattern), recursive=True) if Path(p).is_file()]
        if not paths and not pattern.parent.is_dir():
            raise BriefingError(f"{pattern.parent}: no such folder")
        if not paths and not glob.has_magic(str(pattern)):
            raise BriefingError(f"{pattern}: no such file or folder")  # not a glob, and gone
    paths.sort(key=lambda p: (-p.stat().st_mtime, str(p)))
    for path in paths[: source.max_items]:
        try:
            document = load(str(path), max_bytes=context.config.max_bytes)
        except BriefingError as exc:
            context.failed(source, str(path), exc)
            continue
        if item := context.accept(source, str(path.resolve()), document):
            yield item


def url_items(source: Source, context: Context) -> Iterator[Item]:
    """Each listed page not briefed before."""
    config = context.config
    for url in source.urls[: source.max_items]:
        if context.seen.location(url):
            continue  # briefed before: not fetched again
        try:
            document = load(url, max_bytes=config.max_bytes, timeout=config.timeout)
        except BriefingError as exc:
            context.failed(source, url, exc)
            continue
        if item := context.accept(source, url, document):
            yield item


def feed_items(source: Source, context: Context) -> Iterator[Item]:
    """Each new entry of a feed: its page, read; or, when that fails, the feed's own text."""
    from briefing.fetch.feeds import read_feed

    config = context.config
    limits = dict(max_bytes=config.max_bytes, timeout=config.timeout)
    for entry in read_feed(source.feed, **limits)[: source.max_items]:
        if context.seen.location(entry.link):
            continue
        try:
            document = load(entry.link, title=entry.title, **limits)
        except BriefingError as exc:
            if not entry.content:
                context.failed(source, entry.link, exc)
                continue
            log.warning("%s: %s; using the feed's own text instead", entry.link, exc)
            try:
                document = require_text(parse(entry.content, entry.link, "html", title=entry.title))
            except BriefingError as exc:
                context.failed(source, entry.link, exc)
                continue
        if item := context.accept(source, entry.link, document, entry.published):
            yield item
