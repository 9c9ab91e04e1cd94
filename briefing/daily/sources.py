"""Gathering a daily run's items from its sources: files, URL lists and RSS/Atom feeds.

Every item is read by the same ``briefing.read`` as ``briefing summarize`` (a feed
item's page goes through the HTML reader). Items briefed before are skipped: by URL or
path with the same content, or by the same content from anywhere. A source or an item
that fails is reported and the others go on, whatever the failure: one of the tool's own
errors, or an exception no one expected (a RecursionError, a MemoryError, a library's
bug). Only a broken state database stops the run, since nothing can be judged new then.
Feeds and pages are fetched concurrently (``fetching``), and items are taken in the
config's order all the same.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from briefing.daily.config import Config, Source
from briefing.daily.progress import Progress, as_progress
from briefing.daily.state import State, StateError
from briefing.errors import BriefingError
from briefing.fetch.addresses import Trust
from briefing.model import Document, Failure

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
    respect (``fetching()``: limits, the address policy, the run's deadline). ``fetcher``
    runs the run's requests (``feeds``: each feed's, asked for first); ``summaries`` takes
    each item, to summarise while the run waits for answers (``meanwhile``)."""

    config: Config
    seen: Seen
    gathered: Gathered
    trust: Trust | None = None
    deadline: float | None = None  # time.monotonic() when run_timeout runs out
    progress: Progress = field(default_factory=Progress)
    summaries: object | None = None  # briefing.summarize.early.EarlySummaries
    fetcher: object | None = None  # briefing.fetch.pool.Fetcher, while gathering
    feeds: dict = field(default_factory=dict)
    #: Work for later stages that can be done early, each once, when nothing is to summarise.
    chores: list[Callable[[], object]] = field(default_factory=list)

    def meanwhile(self) -> bool:
        """Do one piece of work while waiting for an answer; False when there is none."""
        if self.summaries is not None and self.summaries.work():
            return True
        if self.chores:
            self.chores.pop(0)()
            return True
        return False

    def taken(self, source: Source, item: Item) -> None:
        """An item is in: hand it over to be summarised early."""
        if self.summaries is not None:
            self.summaries.add(item.document, self.config.options_for(source))
            self.progress.to_summarise(1)

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
    config: Config,
    seen: Seen,
    progress: Progress | Callable[[str], None] | None = None,
    summaries=None,
    chores: Iterable[Callable[[], object]] = (),
) -> Gathered:
    """Read every source's new items; failures are collected, never raised.

    Every source is started first (its feed asked for, its pages queued), then its items
    are taken, source by source in the config's order. ``summaries`` (an EarlySummaries)
    gets each item as it comes; ``chores`` are done while waiting, if there is time.
    """
    from briefing.daily.fetching import fetching
    from briefing.daily.kinds import SOURCE_KINDS

    operator_urls = [u for s in config.sources for u in _targets(s)]
    trust = Trust.of(operator_urls, config.allow_private_addresses)
    deadline = time.monotonic() + config.run_timeout
    progress = as_progress(progress)
    context = Context(config, seen, Gathered(), trust, deadline, progress, summaries)
    context.chores.extend(chores)
    with fetching(context):
        started = []
        for source in config.sources:
            progress(source.name)
            if context.out_of_time(source, (_targets(source) or (source.name,))[0]):
                continue
            try:
                started.append((source, SOURCE_KINDS[source.kind].items(source, context)))
            except StateError:
                raise
            except Exception as exc:  # reported in its turn, below
                started.append((source, exc))
        for source, items in started:
            _take(context, source, items)
    return context.gathered


def _take(context: Context, source: Source, items) -> None:
    """Take one source's items (or report why it failed)."""
    try:
        if isinstance(items, Exception):
            raise items
        for item in items:
            context.gathered.items.append(item)
            context.taken(source, item)
    except StateError:
        raise
    except Exception as exc:  # one source's failure, reported; the run goes on
        context.gathered.failed(source.name, describe(exc))
        log.warning("source %r failed: %s", source.name, describe(exc))


class _OutOfTime(BriefingError):
    def __init__(self, seconds: float):
        super().__init__(f"not read: the run's {seconds:g} s (run_timeout) had run out")


def _targets(source: Source) -> tuple[str, ...]:
    return (source.target,) if isinstance(source.target, str) else tuple(source.target)


def url_items(source: Source, context: Context) -> Iterator[Item]:
    """Each listed page not briefed before (fetched now, taken in the list's order)."""
    from briefing.daily.fetching import Page, page_items

    return page_items(source, context, [Page(url) for url in source.urls[: source.max_items]])


def feed_items(source: Source, context: Context) -> Iterator[Item]:
    """Each new entry of a feed: its page, read; or, when that fails, the feed's own text.
    The feed is fetched (and its pages queued) when this is called."""
    from briefing.daily.fetching import feed_pages, page_items

    return page_items(source, context, feed_pages(source, context))
