"""One error family, so the CLI can turn any failure into one line and a documented exit code."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
#: ``run``: the briefing was written, but some sources or items failed.
EXIT_PARTIAL = 3
#: ``run``: another run holds the lock.
EXIT_LOCKED = 4
#: ``run`` and ``send``: the briefing was written but could not be delivered by mail.
EXIT_UNDELIVERED = 5
#: Ctrl-C (128 + SIGINT, as shells report it).
EXIT_INTERRUPTED = 130
#: ``run``: stopped by SIGTERM (128 + 15), handled like Ctrl-C.
EXIT_TERMINATED = 143


class BriefingError(Exception):
    """Base of every error the tool raises on purpose; ``exit_code`` is what the CLI returns."""

    exit_code = EXIT_FAILURE


class UsageError(BriefingError):
    """The command line or options asked for something that cannot be done (exit 2)."""

    exit_code = EXIT_USAGE


class InputError(BriefingError):
    """A document could not be read: missing, not text, not decodable, empty (exit 1)."""


class RenderError(BriefingError):
    """A briefing could not be composed, rendered or written (exit 1)."""


class TooLargeError(InputError):
    """A document or download is over the size limit; the CLI says which option raises it."""


class DeliveryError(BriefingError):
    """A briefing could not be mailed: refused login, unreachable host, rejected recipient
    (exit 5; its files are written and stay)."""

    exit_code = EXIT_UNDELIVERED
