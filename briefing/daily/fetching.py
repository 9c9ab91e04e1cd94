"""A daily run's downloads, concurrently, with results taken in the sources' own order.

One ``Fetcher`` serves the whole run (``max_connections`` requests at once in all,
``max_connections_per_host`` to one host; the address policy, size caps and deadlines of
``fetch`` apply to each). Every feed is asked for first; then each source queues its
pages; then items are read in the config's order, each when its answer is in. So the
briefing is the same whichever server answers first, and reading and summarising go on
while later pages are still on their way. Validators of feeds and pages are kept in the
state database (``httpcache``) and sent back.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass

from briefing._version import __version__
from briefing.fetch.http import RefusedError
from briefing.fetch.polite import user_agent
from briefing.fetch.pool import Expired, Fetcher, Job, Limits
from briefing.model import Document

log = logging.getLogger("briefing")


@dataclass(frozen=True)
class Page:
    """An item's page to fetch, and what its feed said of it (``content`` stands in for the
    page when that cannot be fetched)."""

    link: str
    title: str = ""
    published: str = ""
    content: str = ""


@contextmanager
def fetching(context) -> Iterator[Fetcher]:
    """The run's Fetcher on ``context.fetcher``, with every feed of the config already asked
    for; closed (and old kept answers pruned) at the end."""
    from briefing.daily.httpcache import HttpCache

    config = context.config
    state = context.seen.state
    cache = HttpCache(state.path) if state is not None else None
    progress = context.progress
    fetcher = Fetcher(
        Limits(config.max_connections, config.max_connections_per_host),
        request=context.fetching(),
        headers={"User-Agent": user_agent(config.contact)},
        store=cache,
        robots=config.respect_robots,
        report=progress.fetched,
    )
    try:
        with fetcher:
            context.fetcher = fetcher
            for source in config.sources:
                if source.feed and source.feed not in context.feeds:
                    context.feeds[source.feed] = fetcher.submit(source.feed)
                    progress.to_fetch(1)
            yield fetcher
    finally:
        context.fetcher = None
        if cache is not None:
            cache.prune()
            cache.close()


def feed_pages(source, context) -> list[Page]:
    """The pages of a feed's newest entries (at most ``max_items``); raises a BriefingError
    when the feed cannot be fetched or is no feed."""
    from briefing.fetch.feeds import parse_feed

    job = context.feeds.get(source.feed)
    if job is None:
        job = context.feeds[source.feed] = context.fetcher.submit(source.feed)
        context.progress.to_fetch(1)
    response = job.result()
    cache = context.fetcher.store
    pages = _kept_pages(cache.parsed(source.feed)) if cache and response.status == 304 else None
    if pages is None:
        entries = parse_feed(source.feed, response)
        pages = [Page(e.link, e.title, e.published, e.content) for e in entries]
        if cache and (response.etag or response.last_modified):
            kept = {"version": __version__, "pages": [asdict(page) for page in pages]}
            cache.keep_parsed(source.feed, json.dumps(kept))
    return pages[: source.max_items]


def _kept_pages(text: str) -> list[Page] | None:
    """A feed's pages as kept with its last answer (unchanged since: no parsing again), or
    None when none were kept by this version."""
    try:
        kept = json.loads(text) if text else {}
        if kept.get("version") != __version__:
            return None
        return [Page(**page) for page in kept["pages"]]
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def page_items(source, context, pages: list[Page]) -> Iterator:
    """Queue the pages not briefed before now; the returned iterator yields their items
    in order, each once its page is in and read."""
    pages = [page for page in pages if not context.seen.location(page.link)]
    jobs = [context.fetcher.submit(page.link, page=True) for page in pages]
    context.progress.to_fetch(len(jobs))
    return _items(source, context, pages, jobs)


def _items(source, context, pages: list[Page], jobs: list[Job]) -> Iterator:
    try:
        for page, job in zip(pages, jobs):
            job.want()
            while not job.done() and context.meanwhile():
                pass
            document = _read(source, context, page, job)
            if document is not None:
                item = context.accept(source, page.link, document, page.published)
                if item is not None:
                    yield item
    finally:
        for job in jobs:
            job.discard()


def _read(source, context, page: Page, job: Job) -> Document | None:
    """The page's document; or, when it fails, the feed's own text; or None (reported).

    Any failure fails this one item, never the source or the run (only a broken state
    database is raised). A refused link or the run's end fails the item: the feed's text
    is no stand-in then.
    """
    from briefing.daily.sources import describe
    from briefing.daily.state import StateError
    from briefing.read import parse, read_response, require_text

    try:
        return read_response(page.link, job.result(), title=page.title)
    except StateError:
        raise
    except Expired as exc:
        if not context.out_of_time(source, page.link):  # it reports the item as not read
            context.failed(source, page.link, exc)
        return None
    except Exception as exc:  # the feed's own text is the fallback for any other failure
        late = context.deadline is not None and time.monotonic() >= context.deadline
        if not page.content or isinstance(exc, RefusedError) or late:
            context.failed(source, page.link, exc)
            return None
        reason = describe(exc)
        reason = reason if reason.startswith(page.link) else f"{page.link}: {reason}"
        log.warning("%s; using the feed's own text instead", reason)
    # A feed's text is HTML, or plain text with no tag at all.
    format = "html" if re.search(r"<[A-Za-z!/]", page.content) else "text"
    return context.attempt(
        source,
        page.link,
        lambda: require_text(parse(page.content, page.link, format, title=page.title)),
    )
