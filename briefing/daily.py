"""One complete, unattended daily run: gather, summarise, compose, write, remember.

The order is what makes it safe under cron. Everything is rendered in memory first; the
dated files are then each written to a temporary file and renamed into place, then the
``latest`` copies; only after that does the state database record what was briefed, in
one transaction. A crash at any point leaves yesterday's briefing and the record of what
was sent intact, and the next run does the work again.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from dataclasses import dataclass, replace
from pathlib import Path

from .config import Config, Source
from .errors import BriefingError
from .lock import run_lock
from .model import Briefing, DocumentDigest
from .sources import Gathered, Item, Seen, gather
from .state import BriefedItem, State
from .summarizers import SummaryOptions

log = logging.getLogger("briefing")

EXIT_PARTIAL = 3
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
    from .api import check_date

    date = check_date(date)
    output_dir = Path(config.output_dir)
    with run_lock(output_dir), State.open(config.database_path) as state:
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
    groups = _merge_duplicates(gathered.items)
    digests = _summarize(groups, config, jobs)
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
    briefing = _compose(config, date, digests)
    outputs = _write(config, date, briefing)
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


def _merge_duplicates(items: list[Item]) -> list[list[Item]]:
    """Group items that are the same story (same content, or near-duplicates)."""
    from .dedup import group_near_duplicates

    texts = [" ".join(p for s in i.document.sections for p in s.paragraphs) for i in items]
    return [[items[i] for i in group] for group in group_near_duplicates(texts)]


def _summarize(
    groups: list[list[Item]], config: Config, jobs: int | None
) -> tuple[DocumentDigest, ...]:
    """Summarise the first item of each group, in parallel, crediting every source."""
    from .executors import summarize_many

    by_name = {s.name: s for s in config.sources}
    firsts = [group[0] for group in groups]
    options = [_options(config, by_name[item.source]) for item in firsts]
    digests = summarize_many([i.document for i in firsts], options, jobs=jobs)
    return tuple(
        replace(
            d,
            sources=tuple(dict.fromkeys(i.source for i in group)),
            date=d.date or group[0].published,
        )
        for d, group in zip(digests, groups)
    )


def _options(config: Config, source: Source) -> SummaryOptions:
    """Per-source settings override the config's, which override the defaults."""

    def pick(key):
        value = getattr(source, key)
        return value if value is not None else getattr(config, key)

    sentences, ratio = pick("sentences"), pick("ratio")
    if source.ratio is not None:
        sentences = None
    elif source.sentences is not None:
        ratio = None
    elif sentences is not None and ratio is not None:
        ratio = None
    algorithm = pick("algorithm")
    options = dict(
        language=pick("language"),
        sentences=sentences,
        ratio=ratio,
        max_sentences=pick("max_sentences"),
    )
    if algorithm:
        options["algorithm"] = algorithm
    return SummaryOptions(**options)


def _compose(config: Config, date: str, digests: tuple[DocumentDigest, ...]) -> Briefing:
    from .highlights import day_in_brief
    from .language import get_language

    order = {source.name: n for n, source in enumerate(config.sources)}
    digests = tuple(
        sorted(digests, key=lambda d: order.get(d.sources[0], len(order)) if d.sources else 0)
    )
    highlights = (
        day_in_brief(digests, get_language(config.language), config.highlights) if digests else ()
    )
    note = "" if digests else NOTHING_NEW
    return Briefing(config.title, date, digests, highlights, note)


def _write(config: Config, date: str, briefing: Briefing) -> list[Path]:
    """Write the dated files and, for the newest date, ``latest.*``: all of them or none."""
    from .api import render_briefing
    from .write import write_all_atomic

    rendered = render_briefing(
        briefing, config.formats, templates=config.templates, page_size=config.page_size
    )
    output_dir = Path(config.output_dir)
    files = {output_dir / date / f"briefing.{kind}": data for kind, data in rendered.items()}
    dated = list(files)
    if date >= _newest_date(output_dir, date):
        files.update({output_dir / f"latest.{kind}": data for kind, data in rendered.items()})
    write_all_atomic(files)
    return dated


def _newest_date(output_dir: Path, default: str) -> str:
    dates = [p.name for p in output_dir.iterdir() if p.is_dir() and _is_date(p.name)]
    return max(dates, default=default)


def _prune(config: Config, date: str) -> None:
    """Remove dated folders older than ``keep_days`` before ``date``; never ``latest``."""
    if not config.keep_days:
        return
    cutoff = (dt.date.fromisoformat(date) - dt.timedelta(days=config.keep_days)).isoformat()
    for folder in Path(config.output_dir).iterdir():
        if folder.is_dir() and _is_date(folder.name) and folder.name < cutoff:
            shutil.rmtree(folder, ignore_errors=True)
            log.info("removed %s (older than %d days)", folder, config.keep_days)


def _is_date(name: str) -> bool:
    try:
        return dt.date.fromisoformat(name).isoformat() == name
    except ValueError:
        return False


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


__all__ = ["EXIT_PARTIAL", "Gathered", "RunResult", "run_daily"]
