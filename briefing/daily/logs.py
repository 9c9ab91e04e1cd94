"""Messages for people and for cron: warnings and errors on stderr, optionally a log file,
and a progress bar only when stderr is a terminal."""

from __future__ import annotations

import logging
import sys
from contextlib import contextmanager
from pathlib import Path


class _Printable(logging.Formatter):
    """A formatter that shows control characters (from file names, URLs, documents) as
    visible escapes, so a message can neither drive the terminal nor fake a log line."""

    def format(self, record: logging.LogRecord) -> str:
        from briefing.compose.text import escape_controls

        return escape_controls(super().format(record))


def setup_logging(
    *, quiet: bool = False, verbose: bool = False, log_file: Path | None = None
) -> None:
    """stderr gets warnings (errors only with ``quiet``, progress notes with ``verbose``)."""
    logger = logging.getLogger("briefing")
    logger.setLevel(logging.DEBUG)
    logger.handlers.clear()
    logger.propagate = False
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.ERROR if quiet else logging.INFO if verbose else logging.WARNING)
    console.setFormatter(_Printable("briefing: %(levelname)s: %(message)s"))
    logger.addHandler(console)
    if log_file:
        try:
            log_file.parent.mkdir(parents=True, exist_ok=True)
            handler = logging.FileHandler(log_file, encoding="utf-8")
        except OSError as exc:
            from briefing.errors import UsageError

            raise UsageError(f"{log_file}: cannot open log file: {exc.strerror}") from None
        handler.setLevel(logging.INFO)
        handler.setFormatter(_Printable("%(asctime)s %(levelname)s %(message)s"))
        logger.addHandler(handler)


@contextmanager
def progress_reporter(total: int):
    """A callable advancing a progress bar over sources; a no-op when stderr is not a tty."""
    if not sys.stderr.isatty():
        yield lambda name: logging.getLogger("briefing").info("reading %s", name)
        return
    from tqdm import tqdm

    with tqdm(total=total, unit="source", file=sys.stderr, leave=False) as bar:

        def advance(name: str) -> None:
            bar.set_description(name[:30])
            bar.update(1)

        yield advance
