"""The files of a ``path`` source: which ones it may read, and reading them without surprises.

A source folder is the operator's, but what lands in it may not be: a symbolic link to
``/etc/passwd``, a FIFO that blocks the run forever on ``open``, a device, a ``/proc``
file. Only regular files on real file systems are read, and (unless the source sets
``follow_symlinks = true``) only those whose real path stays inside the source's folder.
Each file is opened without following a last-component link and without blocking, and
checked again on the open descriptor, so a file swapped after the listing is caught too.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from briefing.errors import BriefingError, InputError
from briefing.model import Document
from briefing.read import from_bytes
from briefing.read.registry import reader_for_extension

log = logging.getLogger("briefing")

#: File systems whose files are the kernel's, not documents (``/proc``, ``/sys``, ``/dev``...).
PSEUDO_FILESYSTEMS = frozenset(
    "proc sysfs devtmpfs devpts debugfs securityfs tracefs cgroup cgroup2 configfs pstore "
    "bpf efivarfs fusectl binfmt_misc mqueue hugetlbfs autofs rpc_pipefs nsfs selinuxfs".split()
)
_MAGIC = re.compile(r"[*?[]")


class Skipped(Exception):
    """A file the source does not read (a link out of its folder, a FIFO...): why, in words."""


def file_items(source, context) -> Iterator:
    """The newest files of a folder (those a reader claims), of one file, or of a glob."""
    root, candidates = list_files(source.path)
    admitted = []
    for path in candidates:
        try:
            admitted.append((path, admit(path, root, source.follow_symlinks)))
        except Skipped as why:
            log.warning("source %r: %s skipped: %s", source.name, path, why)
    admitted.sort(key=lambda entry: (-entry[1].st_mtime, str(entry[0])))
    for path, _ in admitted[: source.max_items]:
        document = context.attempt(
            source,
            str(path),
            lambda path=path: read_file(
                path, root, source.follow_symlinks, context.config.max_bytes
            ),
        )
        if document is None:
            continue
        if item := context.accept(source, str(path.resolve()), document):
            yield item


def list_files(target: str) -> tuple[Path, list[Path]]:
    """The folder a ``path`` source may read from, and the files it names there.

    A folder gives its files with a reader's extension; a glob (``reports/**/*.md``) the
    files it matches under the folder before its first wildcard (``**`` does not descend
    into linked folders). Hidden files (``.name``) are left out, as the shell does. A
    folder or file that does not exist, or a glob that matches nothing, is an error: a
    misspelt path must not read as a quiet day.
    """
    path = Path(target)
    if not _MAGIC.search(target):
        if path.is_dir():
            try:
                names = sorted(path.iterdir())
            except OSError as exc:
                raise BriefingError(f"{path}: cannot list the folder ({exc.strerror})") from None
            return path, [
                p for p in names if not p.name.startswith(".") and reader_for_extension(p.suffix)
            ]
        if path.is_file() or path.is_symlink() or path.exists():
            return path.parent, [path]
        raise BriefingError(f"{path}: no such folder or file")
    parts = path.parts
    first = next(i for i, part in enumerate(parts) if _MAGIC.search(part))
    root = Path(*parts[:first]) if first else Path(".")
    if not root.is_dir():
        raise BriefingError(f"{root}: no such folder")
    pattern = str(Path(*parts[first:]))
    matches = sorted(
        p
        for p in root.glob(pattern)
        if not any(part.startswith(".") for part in p.relative_to(root).parts)
    )
    files = [p for p in matches if not p.is_dir()]
    if not files:
        raise BriefingError(f"{target}: matches no files")
    return root, files


def admit(path: Path, root: Path, follow_symlinks: bool) -> os.stat_result:
    """The file's status if the source may read it; else raise Skipped saying why."""
    try:
        real = path.resolve(strict=True)
        status = real.stat()
    except OSError as exc:
        raise Skipped(f"cannot be read ({exc.strerror or exc})") from None
    if not follow_symlinks and not real.is_relative_to(root.resolve()):
        raise Skipped(
            f"a link to {real}, outside {root} (set follow_symlinks = true in this source "
            "to read it)"
        )
    _check_kind(status)
    return status


def read_file(path: Path, root: Path, follow_symlinks: bool, max_bytes: int) -> Document:
    """Read one admitted file into a Document, refusing anything that changed since."""
    admit(path, root, follow_symlinks)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path.resolve(strict=True), flags | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    with os.fdopen(fd, "rb") as handle:
        try:
            _check_kind(os.fstat(fd))
        except Skipped as why:
            raise InputError(f"{path}: not read: {why}") from None
        data = handle.read(max_bytes + 1)
    return from_bytes(data, str(path), max_bytes=max_bytes)


def _check_kind(status: os.stat_result) -> None:
    if not stat.S_ISREG(status.st_mode):
        kind = (
            "a FIFO"
            if stat.S_ISFIFO(status.st_mode)
            else "a device"
            if stat.S_ISCHR(status.st_mode) or stat.S_ISBLK(status.st_mode)
            else "a socket"
            if stat.S_ISSOCK(status.st_mode)
            else "not a regular file"
        )
        raise Skipped(kind)
    if status.st_dev in pseudo_devices():
        raise Skipped("a kernel file (/proc, /sys or the like), not a document")


@functools.cache
def pseudo_devices() -> frozenset[int]:
    """Device numbers of the mounted pseudo file systems (empty where there is no /proc)."""
    devices = set()
    try:
        with open("/proc/self/mounts", encoding="utf-8", errors="replace") as mounts:
            lines = mounts.read().splitlines()
    except OSError:
        return frozenset()
    for line in lines:
        fields = line.split()
        if len(fields) < 3 or fields[2] not in PSEUDO_FILESYSTEMS:
            continue
        mount_point = re.sub(r"\\([0-7]{3})", lambda m: chr(int(m[1], 8)), fields[1])
        try:
            devices.add(os.stat(mount_point).st_dev)
        except OSError:
            continue
    return frozenset(devices)
