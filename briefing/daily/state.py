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

from briefing.daily.database import StateError, connect, explain
from briefing.daily.storystate import StoryRecord, earlier, forget_reruns, record

#: The message of a run found "running" by a later run: its process never finished it.
ABANDONED = "never finished: killed, or the machine stopped"


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
class Delivery:
    """Whether the briefing of a date was mailed: ``status`` is ``sent``, ``failed`` or
    ``partial`` (some recipients refused); ``pending`` are the addresses still to send to."""

    date: str
    status: str
    attempts: int
    last_attempt: str
    pending: tuple[str, ...]
    message_id: str
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
        """Open the database, creating it if there is none; refuse one that is empty or damaged."""
        return cls(connect(Path(path)), Path(path))

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
        stories: Iterable[StoryRecord] = (),
    ) -> None:
        """Record the run's end and what it briefed (items, stories), all in one transaction.

        When the run wrote a briefing (``outputs``), items and stories recorded by earlier
        runs of the same date are dropped: a re-run replaces that date's briefing, and so
        its record.
        """
        items, outputs = list(items), list(outputs)
        with self._write():
            if outputs:
                self._db.execute(
                    "DELETE FROM items WHERE run_id IN (SELECT id FROM runs WHERE id != ? AND "
                    "date = (SELECT date FROM runs WHERE id = ?))",
                    (run_id, run_id),
                )
                forget_reruns(self._db, run_id)
            record(self._db, run_id, stories)
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

    def earlier_stories(self, since: str, before: str):
        """Stories briefed by runs dated ``since`` <= d < ``before`` (``storystate``)."""
        return earlier(self._query, since, before)

    def last_briefed(self, location: str, since: str, before: str) -> str:
        """The date of the latest run that briefed this URL or path in that window, or ""."""
        rows = self._query(
            "SELECT MAX(runs.date) FROM items JOIN runs ON runs.id = items.run_id "
            "WHERE location = ? AND runs.date >= ? AND runs.date < ?",
            (location, since, before),
        )
        return (rows[0][0] if rows else None) or ""

    def record_delivery(
        self, date: str, *, status: str, attempted: str, pending=(), message_id="", message=""
    ) -> None:
        """Record one attempt to mail the briefing of ``date`` (counting attempts)."""
        with self._write():
            self._db.execute(
                "INSERT INTO deliveries (date, status, attempts, last_attempt, pending, "
                "message_id, message) VALUES (?, ?, 1, ?, ?, ?, ?) ON CONFLICT(date) DO UPDATE "
                "SET status = excluded.status, attempts = attempts + 1, last_attempt = "
                "excluded.last_attempt, pending = excluded.pending, message_id = "
                "excluded.message_id, message = excluded.message",
                (date, status, attempted, "\n".join(pending), message_id, message),
            )

    def delivery(self, date: str) -> Delivery | None:
        """The mail record of one date, if it was ever mailed."""
        return next((d for d in self.deliveries(1, date=date)), None)

    def deliveries(
        self, limit: int = 20, *, undelivered: bool = False, date: str = "%"
    ) -> list[Delivery]:
        """Mail records, newest date first (with ``undelivered``, only those not sent)."""
        rows = self._query(
            "SELECT date, status, attempts, last_attempt, pending, message_id, message "
            "FROM deliveries WHERE status != ? AND date LIKE ? ORDER BY date DESC LIMIT ?",
            ("sent" if undelivered else "", date, limit),
        )
        return [
            Delivery(*row[:4], tuple(filter(None, row[4].split("\n"))), *row[5:]) for row in rows
        ]

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
                f"{self.path}: cannot read the state database: {explain(exc, self.path)}"
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
                f"{self.path}: cannot write the state database: {explain(exc, self.path)}"
            ) from None
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise
