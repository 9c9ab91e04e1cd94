"""Messages for people and for cron: warnings and errors on stderr, optionally a log file
(progress bars, only on a terminal, are ``progress.py``'s)."""

from __future__ import annotations

import logging
import sys
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
