"""What a run shows while it works: on a terminal, one bar for fetching (with how many
requests failed and how many found nothing changed) and one for summarising; under cron
(stderr not a terminal), nothing beyond the log."""

from __future__ import annotations

import logging
import sys
import threading
from contextlib import contextmanager

log = logging.getLogger("briefing")


class Progress:
    """Progress that shows nothing; called with a source's name, it logs it at INFO (shown
    with ``-v``, kept in ``--log-file``). Fetching threads may call ``fetched``."""

    def __call__(self, name: str) -> None:
        log.info("reading %s", name)

    def to_fetch(self, count: int = 1) -> None:
        """``count`` more requests were queued."""

    def fetched(self, outcome: str) -> None:
        """A request ended: ``"ok"``, ``"unchanged"`` (304) or ``"failed"``."""

    def to_summarise(self, count: int = 1) -> None:
        """``count`` more items wait to be summarised."""

    def summarised(self, count: int = 1) -> None:
        """``count`` more items were summarised."""


class _Named(Progress):
    """A plain callable taking a source's name (what ``run_daily`` took before bars)."""

    def __init__(self, callback):
        self._callback = callback

    def __call__(self, name: str) -> None:
        self._callback(name)


class Bars(Progress):
    """Two tqdm bars on a terminal: fetching, and summarising."""

    def __init__(self, stream):
        from tqdm import tqdm

        tqdm.monitor_interval = 0  # no monitor thread: a run forks worker processes
        options = dict(total=0, file=stream, leave=False)
        self._fetching = tqdm(desc="fetching", unit="req", position=0, **options)
        self._summarising = tqdm(desc="summarising", unit="item", position=1, **options)
        self._counts = {"failed": 0, "unchanged": 0}
        self._lock = threading.Lock()

    def __call__(self, name: str) -> None:
        pass

    @property
    def counts(self) -> dict[str, int]:
        """Requests that failed, and that found nothing changed, so far."""
        return dict(self._counts)

    def to_fetch(self, count: int = 1) -> None:
        self._grow(self._fetching, count)

    def fetched(self, outcome: str) -> None:
        with self._lock:
            if outcome in self._counts:
                self._counts[outcome] += 1
            self._fetching.set_postfix(self._counts, refresh=False)
            self._fetching.update(1)

    def to_summarise(self, count: int = 1) -> None:
        self._grow(self._summarising, count)

    def summarised(self, count: int = 1) -> None:
        with self._lock:
            self._summarising.update(count)

    def close(self) -> None:
        self._summarising.close()
        self._fetching.close()

    def _grow(self, bar, count: int) -> None:
        with self._lock:
            bar.total += count
            bar.refresh()


def as_progress(progress) -> Progress:
    """A Progress from what a caller passed: a Progress, a callable taking a source's name,
    or None."""
    if isinstance(progress, Progress):
        return progress
    return _Named(progress) if callable(progress) else Progress()


@contextmanager
def progress_bars(stream=None):
    """Bars when ``stream`` (default stderr) is a terminal; otherwise a silent Progress."""
    stream = stream or sys.stderr
    if not stream.isatty():
        yield Progress()
        return
    bars = Bars(stream)
    try:
        yield bars
    finally:
        bars.close()
