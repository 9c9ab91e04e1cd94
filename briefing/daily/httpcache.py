"""What the servers said last time: each feed's and page's ``ETag`` and ``Last-Modified``,
with the body they came with (and, for a feed, its entries), in the state database (table
``http_cache``).

The validators are sent back (``If-None-Match``, ``If-Modified-Since``); a 304 answer
then costs nothing and the body kept here stands in for the download, so a re-run of a
date, or an item that failed to read yesterday, still has its content. Only answers
that carry a validator are kept, compressed; rows not used for ``KEEP_DAYS`` are removed
at the end of each run. The cache is a saving, not a record: if its table cannot be read
or written, the run warns once and goes on fetching everything in full.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
import zlib
from pathlib import Path

from briefing.fetch.http import Response

log = logging.getLogger("briefing")

#: Days a kept answer stays unused before it is removed.
KEEP_DAYS = 7

SCHEMA = """
CREATE TABLE IF NOT EXISTS http_cache (
    url TEXT PRIMARY KEY,
    etag TEXT NOT NULL,
    last_modified TEXT NOT NULL,
    final_url TEXT NOT NULL,
    content_type TEXT NOT NULL,
    body BLOB NOT NULL,
    used REAL NOT NULL,
    parsed TEXT NOT NULL DEFAULT ''
);
"""


class HttpCache:
    """The ``http_cache`` table, through a connection of its own that the fetching threads
    share (one at a time)."""

    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        try:
            self._db = sqlite3.connect(
                path, timeout=30, isolation_level=None, check_same_thread=False
            )
            self._db.execute("PRAGMA journal_mode=WAL")  # as the state's own connection
            self._db.execute("PRAGMA synchronous=NORMAL")  # a kept answer may be lost, no more
            self._db.executescript(SCHEMA)
        except sqlite3.Error as exc:
            self._fail(exc)

    def __enter__(self) -> HttpCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def validators(self, url: str) -> tuple[str, str] | None:
        """(ETag, Last-Modified) kept for ``url``, or None."""
        row = self._one("SELECT etag, last_modified FROM http_cache WHERE url = ?", (url,))
        return (row[0], row[1]) if row else None

    def stored(self, url: str) -> Response | None:
        """The answer kept for ``url`` (after a 304), marked as used today."""
        row = self._one(
            "SELECT final_url, content_type, body, etag, last_modified FROM http_cache "
            "WHERE url = ?",
            (url,),
        )
        if not row:
            return None
        try:
            body = zlib.decompress(row[2])
        except zlib.error as exc:
            log.warning("%s: the kept copy of %s is damaged (%s)", self.path, url, exc)
            return None
        self._write("UPDATE http_cache SET used = ? WHERE url = ?", (time.time(), url))
        return Response(row[0], row[1], body, 200, row[3], row[4])

    def put(self, url: str, response: Response) -> None:
        """Keep an answer that has a validator (forget the URL's old one if it has none)."""
        if not (response.etag or response.last_modified):
            self._write("DELETE FROM http_cache WHERE url = ?", (url,))
            return
        row = (
            url,
            response.etag,
            response.last_modified,
            response.url,
            response.content_type,
            zlib.compress(response.body, 6),
            time.time(),
        )
        self._write("INSERT OR REPLACE INTO http_cache VALUES (?, ?, ?, ?, ?, ?, ?, '')", row)

    def parsed(self, url: str) -> str:
        """What the caller made of the kept answer (``keep_parsed``), or ''."""
        row = self._one("SELECT parsed FROM http_cache WHERE url = ?", (url,))
        return row[0] if row else ""

    def keep_parsed(self, url: str, text: str) -> None:
        """Keep what the caller made of the answer (a feed's entries), until it changes."""
        self._write("UPDATE http_cache SET parsed = ? WHERE url = ?", (text, url))

    def prune(self, days: float = KEEP_DAYS) -> None:
        """Remove answers not used for ``days``."""
        self._write("DELETE FROM http_cache WHERE used < ?", (time.time() - days * 86400,))

    def _one(self, sql: str, params: tuple):
        with self._lock:
            if self._db is None:
                return None
            try:
                return self._db.execute(sql, params).fetchone()
            except sqlite3.Error as exc:
                self._fail(exc)
                return None

    def _write(self, sql: str, params: tuple) -> None:
        with self._lock:
            if self._db is None:
                return
            try:
                self._db.execute(sql, params)
            except sqlite3.Error as exc:
                self._fail(exc)

    def _fail(self, exc: sqlite3.Error) -> None:
        """Warn once and stop using the cache (called with the lock held, or at opening)."""
        log.warning(
            "%s: cannot use the table of kept answers (%s); fetching in full", self.path, exc
        )
        if self._db is not None:
            self._db.close()
        self._db = None
