"""The state database's file: created whole, checked at open, never silently reset.

An empty file or a damaged database is an error that says how to recover, so that a day's
run never quietly forgets what was briefed (and briefs everything again).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from briefing.daily.storystate import STORY_SCHEMA
from briefing.errors import BriefingError

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    started TEXT NOT NULL,
    ended TEXT,
    status TEXT NOT NULL,
    items INTEGER NOT NULL DEFAULT 0,
    failed_sources INTEGER NOT NULL DEFAULT 0,
    outputs TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS items (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    location TEXT NOT NULL,
    hash TEXT NOT NULL,
    title TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    run_id INTEGER NOT NULL REFERENCES runs(id)
);
CREATE INDEX IF NOT EXISTS items_location ON items(location);
CREATE INDEX IF NOT EXISTS items_hash ON items(hash);
CREATE TABLE IF NOT EXISTS deliveries (
    date TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_attempt TEXT NOT NULL DEFAULT '',
    pending TEXT NOT NULL DEFAULT '',
    message_id TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL DEFAULT ''
);
"""


class StateError(BriefingError):
    """The state database cannot be opened, read or written, or is empty or damaged."""


def connect(path: Path) -> sqlite3.Connection:
    """Open the database, creating it if there is none; refuse one that is empty or damaged.

    An existing database is never reset: an empty file or a damaged one is an error that
    says how to recover, so that a day's run never silently forgets what was briefed.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            _create(path)
        elif path.is_file() and path.stat().st_size == 0:
            raise StateError(
                f"{path}: the state database is empty (0 bytes), so the record of what was "
                f"briefed is gone; restore it from a backup, or delete it to start afresh "
                f"(every item will then count as new)"
            )
        connection = sqlite3.connect(path, timeout=30, isolation_level=None)
    except sqlite3.Error as exc:
        raise StateError(f"{path}: cannot open the state database: {explain(exc, path)}") from None
    except OSError as exc:
        raise StateError(f"{path}: cannot open the state database: {exc.strerror}") from None
    try:
        _check(connection, path)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.executescript(SCHEMA + STORY_SCHEMA)
    except sqlite3.Error as exc:
        connection.close()
        raise _damaged(path, explain(exc, path)) from None
    except StateError:
        connection.close()
        raise
    return connection


def _create(path: Path) -> None:
    """A new, empty database at ``path``, made aside and linked into place whole, so that a
    run killed while creating it leaves no empty file behind (an empty file is an error)."""
    import os

    staged = path.with_name(f".{path.name}.{os.getpid()}.new")
    staged.unlink(missing_ok=True)
    try:
        connection = sqlite3.connect(staged, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.executescript(SCHEMA + STORY_SCHEMA)
        finally:
            connection.close()
        try:
            os.link(staged, path)
        except FileExistsError:
            pass  # another process created it meanwhile: use theirs
    finally:
        staged.unlink(missing_ok=True)


def _check(connection: sqlite3.Connection, path: Path) -> None:
    """Raise StateError unless the database is whole and is a briefing state database."""
    problems = [row[0] for row in connection.execute("PRAGMA quick_check").fetchall()]
    if problems != ["ok"]:
        raise _damaged(path, "; ".join(problems[:3]))
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    missing = [name for name in ("runs", "items") if name not in tables]
    if missing:
        raise _damaged(path, f"it has no {missing[0]!r} table: not a briefing state database")


def _damaged(path: Path, reason: str) -> StateError:
    return StateError(
        f"{path}: the state database is damaged ({reason}); restore it from a backup, or move "
        f"it aside to start afresh (every item will then count as new); "
        f"'sqlite3 {path} .recover' may save its records"
    )


def explain(exc: sqlite3.Error, path: Path) -> str:
    """SQLite's message, plus the likely cause when its disk is full ("disk I/O error")."""
    import shutil

    if not any(word in str(exc) for word in ("disk", "full", "I/O")):
        return str(exc)
    try:
        free = shutil.disk_usage(Path(path).parent).free
    except OSError:
        return str(exc)
    return f"{exc} (only {free} bytes free on its disk)" if free < 1024 * 1024 else str(exc)
