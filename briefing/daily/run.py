"""One complete, unattended daily run: gather, then the pipeline, then remember.

The order is what makes it safe under cron. The pipeline renders everything in memory
first and writes the dated files and ``latest.*`` all at once (temporary files renamed into
place); only after that does the state database record what was briefed, in one
transaction. A crash at any point leaves yesterday's briefing and the record of what was
sent intact, and the next run does the work again.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, replace
from pathlib import Path

from briefing import pipeline
from briefing.daily import delivery, stories
from briefing.daily.config import Config
from briefing.daily.lock import run_lock
from briefing.daily.progress import as_progress
from briefing.daily.sources import Gathered, Item, Seen, gather
from briefing.daily.state import BriefedItem, State
from briefing.errors import EXIT_PARTIAL, EXIT_UNDELIVERED, BriefingError
from briefing.model import DocumentDigest
from briefing.summarize.early import EarlySummaries

log = logging.getLogger("briefing")

NOTHING_NEW = "Nothing new since the last briefing."


class NothingRead(BriefingError):
    """Every source failed, so no briefing was written (exit 1)."""

    def __init__(self, message: str, failed_sources: int):
        super().__init__(message)
        self.failed_sources = failed_sources


@dataclass(frozen=True)
class RunResult:
    """What a run did: the files it wrote (none for a skipped empty day) and what failed."""

    date: str
    outputs: tuple[Path, ...]
    items: int
    failures: tuple[str, ...]
    empty: bool
    #: Why mail was not delivered (today's, or a retried earlier one); () when it was.
    undelivered: tuple[str, ...] = ()

    @property
    def exit_code(self) -> int:
        if self.undelivered:
            return EXIT_UNDELIVERED
        return EXIT_PARTIAL if self.failures else 0


def run_daily(
    config: Config,
    *,
    date: str | None = None,
    since: str | None = None,
    all_items: bool = False,
    skip_empty: bool = False,
    progress=None,
    jobs: int | None = None,
) -> RunResult:
    """Run the day's briefing for ``date`` (default today) under the run lock."""
    date = pipeline.check_date(date)
    if since is not None:
        since = pipeline.check_date(since)
    with run_lock(Path(config.output_dir)), State.open(config.database_path) as state:
        if abandoned := state.mark_abandoned():
            log.warning(
                "%d earlier run(s) never finished (killed, or the machine stopped); "
                "marked 'killed' in the history",
                abandoned,
            )
        run_id = state.start_run(date, _now())
        try:
            result = _run(config, state, run_id, date, since, all_items, skip_empty, progress, jobs)
        except BaseException as exc:
            # Ctrl-C, and SIGTERM (which `briefing run` turns into the same), is "interrupted".
            interrupted = isinstance(exc, KeyboardInterrupt)
            message = str(exc) or ("interrupted" if interrupted else exc.__class__.__name__)
            status = "interrupted" if interrupted else "failed"
            failed = getattr(exc, "failed_sources", 0)
            state.finish_run(
                run_id, ended=_now(), status=status, failed_sources=failed, message=message
            )
            raise
    return result


def _run(config, state, run_id, date, since, all_items, skip_empty, progress, jobs) -> RunResult:
    seen = Seen(None if all_items else state, date, since)
    progress = as_progress(progress)
    summaries = EarlySummaries(jobs, on_done=progress.summarised)
    gathered = gather(config, seen, progress, summaries, chores=[lambda: _prepare(config)])
    if (
        gathered.failures
        and not gathered.items
        and len(gathered.failed_sources) == len(config.sources)
    ):
        # Each failure was a warning already; the error names the sources, not the reasons again.
        failed = sorted(gathered.failed_sources)
        message = f"no briefing written: every source failed ({', '.join(failed)})"
        raise NothingRead(message, len(failed))
    digests, groups = _summarize(config, gathered, jobs, summaries)
    digests, groups, told = stories.tell(config, seen.state, date, digests, groups)
    failures = tuple(gathered.failures)
    quiet = NOTHING_NEW if not failures else f"Nothing to brief: {len(failures)} item(s) failed."
    if not digests and skip_empty:
        log.warning("nothing new since the last briefing: no briefing written (--skip-empty)")
        state.finish_run(
            run_id,
            ended=_now(),
            status="empty",
            failed_sources=len(gathered.failed_sources),
            message="nothing new; skipped",
        )
        undelivered = delivery.after_run(config, state, None)
        return RunResult(date, (), 0, failures, True, undelivered)
    briefing = pipeline.assemble(
        digests,
        title=config.title,
        date=date,
        highlights=config.highlights,
        language=config.language,
        note="" if digests else quiet,
        stories=told.stories if told else (),
        documents=[group[0].document for group in groups],
    )
    briefing = replace(briefing, failures=tuple(gathered.problems), watch=_watch(config, groups))
    outputs = pipeline.publish(
        briefing,
        config.output_dir,
        outputs=config.formats,
        templates=config.templates,
        page_size=config.page_size,
        latest=True,
    )
    _prune(config, date)
    delivery.update_archive(config, briefing)
    status = "partial" if failures else ("empty" if not digests else "ok")
    state.finish_run(
        run_id,
        ended=_now(),
        status=status,
        items=[
            BriefedItem(i.source, i.location, i.hash, i.document.title) for g in groups for i in g
        ],
        failed_sources=len(gathered.failed_sources),
        outputs=outputs,
        message="; ".join(failures),
        stories=stories.records(told) if told else (),
    )
    if not digests and not failures:
        log.warning("nothing new since the last briefing: wrote a short 'nothing new' briefing")
    undelivered = delivery.after_run(config, state, briefing)
    return RunResult(date, tuple(outputs), len(digests), failures, not digests, undelivered)


def _prepare(config: Config) -> None:
    """Compile the templates the run will render (done while it waits for pages)."""
    from briefing.compose.html import PAGE_TEMPLATE
    from briefing.compose.markdown import MARKDOWN_TEMPLATE, load_templates
    from briefing.publish.archive import ARCHIVE_TEMPLATE

    names = {MARKDOWN_TEMPLATE: False, ARCHIVE_TEMPLATE: True}
    if {"html", "pdf"} & set(config.formats):
        names[PAGE_TEMPLATE] = True
    load_templates(config.templates, names)


def _summarize(
    config: Config, gathered: Gathered, jobs: int | None, summaries: EarlySummaries | None = None
) -> tuple[list[DocumentDigest], list[list[Item]]]:
    """Digests of the new items, near-duplicates merged, in the order of the config's sources
    (within a source, items that mention an interest first)."""
    by_name = {source.name: source for source in config.sources}
    entries = [
        pipeline.Entry(
            item.document, config.options_for(by_name[item.source]), (item.source,), item.published
        )
        for item in gathered.items
    ]

    def failed(group: list[int], message: str) -> None:
        """An item that could not be summarised fails alone, like one that could not be read."""
        name = gathered.items[group[0]].source
        gathered.failed(name, message)
        log.warning("source %r: %s", name, message)

    digests, groups = pipeline.summarize_entries(
        entries,
        merge_duplicates=True,
        jobs=jobs,
        on_failure=failed,
        digests_of=summaries and summaries.digests,
    )
    order = {name: n for n, name in enumerate(by_name)}

    def rank(i: int) -> tuple[int, bool]:
        from briefing.assemble.interests import mentions

        first = gathered.items[groups[i][0]]
        return order.get(first.source, 0), not mentions(first.document, _interests(config, first))

    ranked = sorted(range(len(digests)), key=rank)
    return (
        [
            replace(digests[i], updated_since=gathered.items[groups[i][0]].updated_since)
            for i in ranked
        ],
        [[gathered.items[j] for j in groups[i]] for i in ranked],
    )


def _interests(config: Config, item: Item) -> tuple[str, ...]:
    """What the reader follows in this item: the config's interests and its source's."""
    source = next((s for s in config.sources if s.name == item.source), None)
    return tuple(dict.fromkeys((*config.interests, *(source.interests if source else ()))))


def _watch(config: Config, groups: list[list[Item]]):
    """The watch list: each mention of an interest in the day's items."""
    from briefing.assemble.interests import watch_list

    wanted = [_interests(config, group[0]) for group in groups]
    if not any(wanted):
        return ()
    return watch_list([group[0].document for group in groups], wanted, config.language)


def _prune(config: Config, date: str) -> None:
    """Remove dated folders older than ``keep_days`` before ``date``; never ``latest``.

    A run dated in the future counts from today, so that ``--date 2099-01-01`` cannot
    remove every real briefing."""
    if not config.keep_days:
        return
    from briefing.publish.files import prune

    date = min(date, dt.date.today().isoformat())
    for folder in prune(Path(config.output_dir), date, config.keep_days):
        log.info("removed %s (older than %d days)", folder, config.keep_days)


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


__all__ = ["EXIT_PARTIAL", "RunResult", "run_daily"]
