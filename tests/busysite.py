"""A slow, busy news site on 127.0.0.1 that keeps a record: every request's headers, how many
requests it was answering at once, and which it answered 304 (for the concurrency tests and
``bench/daily_fetch.py``)."""

from __future__ import annotations

import hashlib
import random
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from webserver import page, rss

LAST_MODIFIED = "Tue, 24 Nov 2026 05:00:00 GMT"


@dataclass(frozen=True)
class Request:
    """One request as the server saw it: path, headers (lower-case names), when it came."""

    path: str
    headers: dict
    at: float


class Meter:
    """Requests being answered at once, across the sites that share it."""

    def __init__(self):
        self.active = 0
        self.peak = 0
        self.lock = threading.Lock()

    def change(self, by: int) -> None:
        with self.lock:
            self.active += by
            self.peak = max(self.peak, self.active)


class BusySite:
    """Routes: path -> body. Each page (``.html``) takes ``latency`` seconds to answer
    (``delay[path]`` if set); ``busy[path]`` answers that path with 429
    (``Retry-After: retry_after``) that many times first."""

    def __init__(self, latency: float = 0.0, validators: bool = True, meter: Meter | None = None):
        self.routes: dict[str, tuple[bytes, str]] = {}
        self.latency = latency
        self.delay: dict[str, float] = {}
        self.meter = meter or Meter()
        self.validators = validators
        self.busy: dict[str, int] = {}
        self.retry_after = "1"
        self.requests: list[Request] = []
        self.statuses: list[tuple[str, int]] = []
        self.active = 0
        self.peak = 0
        self._lock = threading.Lock()
        self.server = _Server(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> BusySite:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def add(self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8") -> str:
        self.routes[path] = (body, content_type)
        return self.base + path

    def seen(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]

    def answered(self, status: int) -> list[str]:
        return [path for path, code in self.statuses if code == status]

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path
        with self._lock:
            self.requests.append(
                Request(path, {k.lower(): v for k, v in handler.headers.items()}, time.monotonic())
            )
            self.active += 1
            self.peak = max(self.peak, self.active)
            busy = self.busy.get(path, 0)
            if busy:
                self.busy[path] = busy - 1
        self.meter.change(+1)
        try:
            if path.endswith(".html"):
                time.sleep(self.delay.get(path, self.latency))
        finally:
            # counted as answered before the answer goes out: a client that has read it
            # may ask again before this thread runs on
            self.meter.change(-1)
            with self._lock:
                self.active -= 1
        if busy:
            return self._send(handler, 429, b"slow down", {"Retry-After": self.retry_after})
        if path not in self.routes:
            return self._send(handler, 404, b"not found", {})
        body, content_type = self.routes[path]
        tag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        headers = {"Content-Type": content_type}
        if self.validators:
            headers.update(ETag=tag, **{"Last-Modified": LAST_MODIFIED})
            asked = handler.headers.get("If-None-Match")
            since = handler.headers.get("If-Modified-Since")
            if asked == tag or (asked is None and since == LAST_MODIFIED):
                return self._send(handler, 304, b"", headers)
        self._send(handler, 200, body, headers)

    def _send(self, handler, status: int, body: bytes, headers: dict) -> None:
        with self._lock:
            self.statuses.append((handler.path, status))
        handler.send_response(status)
        for name, value in headers.items():
            handler.send_header(name, value)
        if status != 304:
            handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        try:
            handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's naming)
                site._answer(self)

            def log_message(self, *args):
                pass

        return Handler


class _Server(ThreadingHTTPServer):
    request_queue_size = 128  # many clients at once must not wait on the listen backlog


# Made-up news, so that every page is different and nothing is merged as a near-duplicate.
_WHO = "council mayor union port board school hospital library court operator university".split()
_DID = "approved delayed opened closed funded reviewed doubled halved announced rejected".split()
_WHAT = "budget tram line bridge clinic timetable contract harbour plan tender park".split()
_WHEN = "on Monday|on Tuesday|last week|this spring|in March|after a long debate".split("|")
_WHY = "costs rose|residents asked|a report found|the vote was close|demand grew".split("|")


def sentence(rng: random.Random) -> str:
    return (
        f"The {rng.choice(_WHO)} {rng.choice(_DID)} the {rng.choice(_WHAT)} "
        f"{rng.choice(_WHEN)} because {rng.choice(_WHY)}, and {rng.randint(2, 9999)} people "
        f"in district {rng.randint(1, 99)} will notice it by {rng.choice(_WHEN).split()[-1]}."
    )


def news_page(title: str, seed: int, paragraphs: int = 6) -> bytes:
    """An article page with a menu and a footer around a few paragraphs of made-up news."""
    rng = random.Random(seed)
    return page(title, *(" ".join(sentence(rng) for _ in range(4)) for _ in range(paragraphs)))


#: The feed of a busy site is a plain RSS feed of its pages.
news_feed = rss


def add_feed(site: BusySite, name: str, count: int, seed: int = 0) -> str:
    """A feed at ``/<name>.xml`` of ``count`` new pages; its URL."""
    items = [(f"{name} story {n}", f"/{name}/{n}.html") for n in range(count)]
    for n, (title, path) in enumerate(items):
        site.add(path, news_page(title, seed * 100_000 + n))
    return site.add(f"/{name}.xml", news_feed(site.base, items), "application/rss+xml")
