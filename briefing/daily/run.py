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
from dataclasses import dataclass
from pathlib import Path

from briefing import pipeline
from briefing.daily.config import Config
from briefing.daily.lock import run_lock
from briefing.daily.sources import Gathered, Item, Seen, gather
from briefing.daily.state import BriefedItem, State
from briefing.errors import EXIT_PARTIAL, BriefingError
from briefing.model import DocumentDigest

log = logging.getLogger("briefing")

NOTHING_NEW = "Nothing new since the last briefing."


@dataclass(frozen=True)
class RunResult:
    """What a run did: the files it wrote (none for a skipped empty day) and what failed."""

    date: str
    outputs: tuple[Path, ...]
    items: int
    failures: tuple[str, ...]
    empty: bool

    @property
    def exit_code(self) -> int:
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
        run_id = state.start_run(date, _now())
        try:
            result = _run(config, state, run_id, date, since, all_items, skip_empty, progress, jobs)
        except BaseException as exc:
            message = str(exc) or exc.__class__.__name__
            state.finish_run(run_id, ended=_now(), status="failed", message=message)
            raise
    return result


def _run(config, state, run_id, date, since, all_items, skip_empty, progress, jobs) -> RunResult:
    seen = Seen(None if all_items else state, date, since)
    gathered = gather(config, seen, progress or (lambda name: log.info("reading %s", name)))
    if (
        gathered.failures
        and not gathered.items
        and len(gathered.failed_sources) == len(config.sources)
    ):
        raise BriefingError(
            f"no briefing written: every source failed ({'; '.join(gathered.failures)})"
        )
    digests, groups = _summarize(config, gathered, jobs)
    failures = tuple(gathered.failures)
    if not digests and skip_empty:
        log.warning("nothing new since the last briefing: no briefing written (--skip-empty)")
        state.finish_run(
            run_id,
            ended=_now(),
            status="empty",
            failed_sources=len(gathered.failed_sources),
            message="nothing new; skipped",
        )
        return RunResult(date, (), 0, failures, True)
    briefing = pipeline.assemble(
        digests,
        title=config.title,
        date=date,
        highlights=config.highlights,
        language=config.language,
        note="" if digests else NOTHING_NEW,
        documents=[group[0].document for group in groups],
    )
    outputs = pipeline.publish(
        briefing,
        config.output_dir,
        outputs=config.formats,
        templates=config.templates,
        page_size=config.page_size,
        latest=True,
    )
    _prune(config, date)
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
    )
    if not digests:
        log.warning("nothing new since the last briefing: wrote a short 'nothing new' briefing")
    return RunResult(date, tuple(outputs), len(digests), failures, not digests)


def _summarize(
    config: Config, gathered: Gathered, jobs: int | None
) -> tuple[list[DocumentDigest], list[list[Item]]]:
    """Digests of the new items, near-duplicates merged, in the order of the config's sources."""
    by_name = {source.name: source for source in config.sources}
    entries = [
        pipeline.Entry(
            item.document, config.options_for(by_name[item.source]), (item.source,), item.published
        )
        for item in gathered.items
    ]
    digests, groups = pipeline.summarize_entries(entries, merge_duplicates=True, jobs=jobs)
    order = {name: n for n, name in enumerate(by_name)}
    ranked = sorted(
        range(len(digests)), key=lambda i: order.get(gathered.items[groups[i][0]].source, 0)
    )
    return (
        [digests[i] for i in ranked],
        [[gathered.items[j] for j in groups[i]] for i in ranked],
    )


def _prune(config: Config, date: str) -> None:
    """Remove dated folders older than ``keep_days`` before ``date``; never ``latest``."""
    if not config.keep_days:
        return
    from briefing.publish.files import prune

    for folder in prune(Path(config.output_dir), date, config.keep_days):
        log.info("removed %s (older than %d days)", folder, config.keep_days)


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


__all__ = ["EXIT_PARTIAL", "RunResult", "run_daily"]
