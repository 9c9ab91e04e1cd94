"""Gathering a daily run's items from its sources: files, URL lists and RSS/Atom feeds.

Every item is read by the same ``briefing.read.load`` as ``briefing summarize`` (a feed
item's page goes through the HTML reader). Items briefed before are skipped: by URL or
path with the same content, or by the same content from anywhere. A source or an item
that fails is reported and the others go on, whatever the failure: one of the tool's own
errors, or an exception no one expected (a RecursionError, a MemoryError, a library's
bug). Only a broken state database stops the run, since nothing can be judged new then.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from briefing.daily.config import Config, Source
from briefing.daily.state import State, StateError
from briefing.errors import BriefingError
from briefing.fetch.addresses import Trust
from briefing.model import Document, Failure
from briefing.read import load, parse, require_text

log = logging.getLogger("briefing")


@dataclass(frozen=True)
class Item:
    """A new item for today's briefing: its document, where it lives and its content hash."""

    source: str
    location: str
    hash: str
    document: Document
    published: str = ""
    #: When its content changed since it was last briefed: the date of that briefing.
    updated_since: str = ""


@dataclass
class Gathered:
    """What the sources gave: new items, and one message per source or item that failed
    (``problems``: the same, as the briefing shows them)."""

    items: list[Item] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    failed_sources: set[str] = field(default_factory=set)
    problems: list[Failure] = field(default_factory=list)

    def failed(self, source: str, message: str) -> None:
        self.failures.append(f"source {source!r}: {message}")
        self.failed_sources.add(source)
        self.problems.append(Failure(source, message))


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

    def last_briefed(self, location: str) -> str:
        if not self.state:
            return ""
        return self.state.last_briefed(location, self.since or "", self.before)


@dataclass
class Context:
    """What a source kind's ``items`` function gets besides its source: the config, what
    was seen before, where to report an item that failed, and what every download must
    respect (``fetching()``: limits, the address policy, the run's deadline)."""

    config: Config
    seen: Seen
    gathered: Gathered
    trust: Trust | None = None
    deadline: float | None = None  # time.monotonic() when run_timeout runs out

    def fetching(self) -> dict:
        """The limits and the address policy of every download of this run."""
        config = self.config
        return dict(
            max_bytes=config.max_bytes,
            timeout=config.timeout,
            trust=self.trust,
            deadline=self.deadline,
        )

    def out_of_time(self, source: Source, location: str) -> bool:
        """True (and the item reported as failed) once the run's ``run_timeout`` has passed."""
        if self.deadline is None or time.monotonic() < self.deadline:
            return False
        self.failed(source, location, _OutOfTime(self.config.run_timeout))
        return True

    def failed(self, source: Source, location: str, exc: Exception) -> None:
        """Report one item that could not be read; the source goes on with the next."""
        message = describe(exc)
        message = message if message.startswith(location) else f"{location}: {message}"
        self.gathered.failed(source.name, message)
        log.warning("source %r: %s", source.name, message)

    def attempt(self, source: Source, location: str, read: Callable[[], Document]):
        """``read()``'s Document, or None once its failure is reported: any exception
        fails this one item, never the source or the run."""
        try:
            return read()
        except StateError:
            raise
        except Exception as exc:  # isolation is the point: reported, not hidden
            self.failed(source, location, exc)
            return None

    def accept(self, source: Source, location: str, document: Document, published: str = ""):
        """The Item for a document, or None when this content was briefed before."""
        digest = content_hash(document)
        before = self.seen.location(location)
        if digest in before or self.seen.content(digest):
            return None
        updated = self.seen.last_briefed(location) if before else ""
        return Item(source.name, location, digest, document, published, updated)


def describe(exc: BaseException) -> str:
    """One line for a failure: the tool's own message, or what the unexpected exception was."""
    if isinstance(exc, BriefingError):
        return str(exc)
    detail = f": {exc}" if str(exc) else ""
    return f"unexpected {exc.__class__.__name__}{detail}"


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

    operator_urls = [u for s in config.sources for u in _targets(s)]
    trust = Trust.of(operator_urls, config.allow_private_addresses)
    deadline = time.monotonic() + config.run_timeout
    context = Context(config, seen, Gathered(), trust, deadline)
    for source in config.sources:
        progress(source.name)
        if context.out_of_time(source, (_targets(source) or (source.name,))[0]):
            continue
        try:
            for item in SOURCE_KINDS[source.kind].items(source, context):
                context.gathered.items.append(item)
        except StateError:
            raise
        except Exception as exc:  # one source's failure, reported; the run goes on
            context.gathered.failed(source.name, describe(exc))
            log.warning("source %r failed: %s", source.name, describe(exc))
    return context.gathered


class _OutOfTime(BriefingError):
    def __init__(self, seconds: float):
        super().__init__(f"not read: the run's {seconds:g} s (run_timeout) had run out")


def _targets(source: Source) -> tuple[str, ...]:
    return (source.target,) if isinstance(source.target, str) else tuple(source.target)


def url_items(source: Source, context: Context) -> Iterator[Item]:
    """Each listed page not briefed before."""
    for url in source.urls[: source.max_items]:
        if context.seen.location(url):
            continue  # briefed before: not fetched again
        if context.out_of_time(source, url):
            continue
        document = context.attempt(source, url, lambda url=url: load(url, **context.fetching()))
        if document is None:
            continue
        if item := context.accept(source, url, document):
            yield item


def feed_items(source: Source, context: Context) -> Iterator[Item]:
    """Each new entry of a feed: its page, read; or, when that fails, the feed's own text."""
    from briefing.fetch.feeds import read_feed

    limits = context.fetching()
    for entry in read_feed(source.feed, **limits)[: source.max_items]:
        if context.seen.location(entry.link):
            continue
        if context.out_of_time(source, entry.link):
            continue
        document = context.attempt(
            source, entry.link, lambda entry=entry: _page_or_feed_text(entry, limits, context)
        )
        if document is None:
            continue
        if item := context.accept(source, entry.link, document, entry.published):
            yield item


def _page_or_feed_text(entry, limits: dict, context: Context) -> Document:
    """The entry's page, read; or when that fails, the feed's own text for it (if any).

    A refused link or the run's end fails the item: the feed's text is no stand-in then.
    Either way a document that names no title of its own gets the feed item's title.
    """
    from briefing.fetch.http import RefusedError

    try:
        return load(entry.link, title=entry.title, **limits)
    except StateError:
        raise
    except Exception as exc:  # the feed's own text is the fallback for any other failure
        late = context.deadline is not None and time.monotonic() >= context.deadline
        if not entry.content or isinstance(exc, RefusedError) or late:
            raise
        reason = describe(exc)
        reason = reason if reason.startswith(entry.link) else f"{entry.link}: {reason}"
        log.warning("%s; using the feed's own text instead", reason)
        # A feed's text is HTML, or plain text with no tag at all.
        format = "html" if re.search(r"<[A-Za-z!/]", entry.content) else "text"
        return require_text(parse(entry.content, entry.link, format, title=entry.title))
