"""Writing output files so that a reader never sees a half-written one, nor a mixed set.

Every file is first written in full to a temporary file in its own folder and flushed to
disk; only when all of them are written are they renamed over their targets. A failure
while writing (a full disk, a read-only folder) therefore replaces nothing, and a crash
leaves each file either old or new, never cut short.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from briefing.errors import RenderError


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one rename; on failure the old file is untouched."""
    write_all_atomic({Path(path): data})


def write_all_atomic(files: Mapping[Path, bytes]) -> None:
    """Write every file, or (if any write fails) none of them."""
    staged: list[tuple[str, Path]] = []
    current = None
    try:
        for current, data in files.items():
            staged.append((_stage(Path(current), data), Path(current)))
        for tmp, current in staged:
            os.replace(tmp, current)
    except OSError as exc:
        raise RenderError(f"cannot write {current}: {exc.strerror or exc}") from None
    finally:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)


def _stage(path: Path, data: bytes) -> str:
    """Write ``data`` to a flushed temporary file next to ``path``; return its name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp
