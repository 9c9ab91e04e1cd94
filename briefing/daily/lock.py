"""One daily run at a time: an exclusive ``flock`` on a file in the output folder.

The kernel drops the lock when its process dies, however it dies, so a lock left by a
killed run never blocks the next one; the file itself may stay and means nothing.
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path

from briefing.errors import EXIT_LOCKED, BriefingError


class LockedError(BriefingError):
    """Another run holds the lock (exit 4)."""

    exit_code = EXIT_LOCKED


@contextmanager
def run_lock(folder: Path):
    """Hold the run lock of ``folder`` for the duration of the block, or raise LockedError."""
    path = folder / ".briefing.lock"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(path, "a+")
    except OSError as exc:
        raise BriefingError(f"cannot use the output folder {folder}: {exc.strerror}") from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            pid = handle.read().strip()
            holder = f"pid {pid}" if pid else "another process"
            raise LockedError(
                f"another briefing run is in progress ({holder}, lock {path}); try again later"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield path
    finally:
        handle.close()
