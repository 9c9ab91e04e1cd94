"""Memory across days: an SQLite database of every item briefed and every run.

A daily run asks it which items are new, and records what it briefed only after the
briefing files are in place, in one transaction: a run that dies half-way leaves the
record of what was sent as it was, and the next run does the work again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

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
"""


#: The message of a run found "running" by a later run: its process never finished it.
ABANDONED = "never finished: killed, or the machine stopped"


class StateError(BriefingError):
    """The state database cannot be opened, read or written, or is empty or damaged."""


@dataclass(frozen=True)
class Run:
    """One row of ``briefing history``."""

    id: int
    date: str
    started: str
    ended: str
    status: str
    items: int
    failed_sources: int
    outputs: str
    message: str


@dataclass(frozen=True)
class BriefedItem:
    """An item as recorded: which source, where it lives, its content hash and title."""

    source: str
    location: str
    hash: str
    title: str


class State:
    """The database; open it with ``State.open(path)`` and close it (or use ``with``)."""

    def __init__(self, connection: sqlite3.Connection, path: Path):
        self._db = connection
        self.path = path

    @classmethod
    def open(cls, path: Path) -> State:
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
            raise StateError(
                f"{path}: cannot open the state database: {_explain(exc, path)}"
            ) from None
        except OSError as exc:
            raise StateError(f"{path}: cannot open the state database: {exc.strerror}") from None
        try:
            _check(connection, path)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.executescript(SCHEMA)
        except sqlite3.Error as exc:
            connection.close()
            raise _damaged(path, _explain(exc, path)) from None
        except StateError:
            connection.close()
            raise
        return cls(connection, path)

    def __enter__(self) -> State:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def seen_location(self, location: str, since: str, before: str) -> set[str]:
        """Content hashes briefed for this URL or path in runs dated ``since`` <= d < ``before``."""
        rows = self._query(
            "SELECT items.hash FROM items JOIN runs ON runs.id = items.run_id "
            "WHERE location = ? AND runs.date >= ? AND runs.date < ?",
            (location, since, before),
        )
        return {row[0] for row in rows}

    def seen_hash(self, digest: str, since: str, before: str) -> bool:
        """Whether this exact content was briefed (from any source) in runs in that window."""
        rows = self._query(
            "SELECT 1 FROM items JOIN runs ON runs.id = items.run_id "
            "WHERE hash = ? AND runs.date >= ? AND runs.date < ? LIMIT 1",
            (digest, since, before),
        )
        return bool(rows)

    def mark_abandoned(self) -> int:
        """Mark runs still "running" as "killed" and return how many: under the run lock no
        such run is alive (its process was killed, or the machine stopped)."""
        with self._write():
            cursor = self._db.execute(
                "UPDATE runs SET status = 'killed', message = ? WHERE status = 'running'",
                (ABANDONED,),
            )
        return cursor.rowcount

    def start_run(self, date: str, started: str) -> int:
        with self._write():
            cursor = self._db.execute(
                "INSERT INTO runs (date, started, status) VALUES (?, ?, 'running')", (date, started)
            )
        return cursor.lastrowid

    def finish_run(
        self,
        run_id: int,
        *,
        ended: str,
        status: str,
        items: Iterable[BriefedItem] = (),
        failed_sources: int = 0,
        outputs: Iterable[str] = (),
        message: str = "",
    ) -> None:
        """Record the run's end and what it briefed, all in one transaction.

        When the run wrote a briefing (``outputs``), items recorded by earlier runs of the
        same date are dropped: a re-run replaces that date's briefing, and so its record.
        """
        items, outputs = list(items), list(outputs)
        with self._write():
            if outputs:
                self._db.execute(
                    "DELETE FROM items WHERE run_id IN (SELECT id FROM runs WHERE id != ? AND "
                    "date = (SELECT date FROM runs WHERE id = ?))",
                    (run_id, run_id),
                )
            self._db.executemany(
                "INSERT INTO items (source, location, hash, title, first_seen, run_id) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(i.source, i.location, i.hash, i.title, ended, run_id) for i in items],
            )
            self._db.execute(
                "UPDATE runs SET ended = ?, status = ?, items = ?, failed_sources = ?, "
                "outputs = ?, message = ? WHERE id = ?",
                (
                    ended,
                    status,
                    len({i.hash for i in items}),
                    failed_sources,
                    "\n".join(map(str, outputs)),
                    message,
                    run_id,
                ),
            )

    def runs(self, limit: int = 20) -> list[Run]:
        rows = self._query(
            "SELECT id, date, started, COALESCE(ended, ''), status, items, failed_sources, "
            "outputs, message FROM runs ORDER BY id DESC LIMIT ?",
            (limit,),
        )
        return [Run(*row) for row in rows]

    def _query(self, sql: str, params: tuple) -> list[tuple]:
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StateError(
                f"{self.path}: cannot read the state database: {_explain(exc, self.path)}"
            ) from None

    @contextmanager
    def _write(self):
        """One write transaction: all of it is committed, or none of it."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
            yield
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise StateError(
                f"{self.path}: cannot write the state database: {_explain(exc, self.path)}"
            ) from None
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise


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
            connection.executescript(SCHEMA)
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


def _explain(exc: sqlite3.Error, path: Path) -> str:
    """SQLite's message, plus the likely cause when its disk is full ("disk I/O error")."""
    import shutil

    if not any(word in str(exc) for word in ("disk", "full", "I/O")):
        return str(exc)
    try:
        free = shutil.disk_usage(Path(path).parent).free
    except OSError:
        return str(exc)
    return f"{exc} (only {free} bytes free on its disk)" if free < 1024 * 1024 else str(exc)
