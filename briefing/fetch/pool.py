"""Many requests at once, politely: a few to each host, a few more in all, each through
``fetch`` (address policy, size caps and deadlines apply to every one).

``Fetcher.submit`` queues a request and returns a ``Job`` at once; threads run the requests
(``fetch`` is blocking), at most ``per_host`` at a time on one origin and ``connections``
in all, earliest submitted first. Results are taken with ``Job.result()`` in whatever order
the caller likes (a daily run takes them in its sources' order, so the briefing does not
depend on which server answered first). Answers waiting to be taken are kept under
``MAX_WAITING_BYTES``, so hostile pages cannot pile up in memory.

Conditional requests: given a ``store`` (``validators(url)``, ``stored(url)``,
``put(url, response)``), each request sends back the ``ETag`` and ``Last-Modified`` its
URL last came with, and a 304 returns the stored copy with ``status`` 304. A 429 or 503
with ``Retry-After`` holds every request to that host until then, and is tried again,
if that time comes before the run's deadline.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, replace

from briefing.fetch.addresses import origin
from briefing.fetch.http import FetchError, Response, StatusError, fetch
from briefing.fetch.polite import Robots, retry_delay
from briefing.limits import DEFAULT_CONNECTIONS, DEFAULT_CONNECTIONS_PER_HOST, DEFAULT_TIMEOUT

#: Tries of one request that a 429 or 503 with Retry-After may cost.
MAX_TRIES = 3
#: Bytes of answers that may wait to be taken before fetching slows to what is taken: a
#: run takes its items in order, so the answers of later sources (on other hosts) wait.
MAX_WAITING_BYTES = 256 * 1024 * 1024


class Expired(FetchError):
    """The run's deadline passed before this request could start."""


@dataclass(frozen=True)
class Limits:
    """Requests at once, in all and to one origin (scheme, host, port)."""

    connections: int = DEFAULT_CONNECTIONS
    per_host: int = DEFAULT_CONNECTIONS_PER_HOST


class Job:
    """One queued request; ``result()`` waits for its Response or raises its FetchError."""

    def __init__(self, fetcher: Fetcher, url: str, page: bool, number: int):
        self.url = url
        self.page = page
        self.number = number  # order of submission
        self.future: Future = Future()
        self.state = "queued"  # -> running -> done -> taken; or "dropped"
        self.size = 0  # bytes of its answer while it waits to be taken
        self.wanted = False  # a caller waits for it: it starts whatever is waiting
        self._fetcher = fetcher
        try:
            self.host = origin(url)
        except ValueError:
            self.host = ("", url, 0)  # fetch refuses it with its own message

    def done(self) -> bool:
        return self.future.done()

    def want(self) -> None:
        """Say a caller waits for this one now: it starts even when answers not yet taken
        fill the memory allowed."""
        if not self.future.done():
            self._fetcher._want(self)

    def result(self) -> Response:
        self.want()
        try:
            return self.future.result()
        finally:
            self._fetcher._taken(self)

    def discard(self) -> None:
        """Say the answer will not be taken (its request is skipped if not yet started)."""
        self._fetcher._taken(self, drop=True)


class Fetcher:
    """A pool of fetching threads with per-host and total limits; close it when done."""

    def __init__(
        self,
        limits: Limits = Limits(),
        *,
        request: dict | None = None,
        headers: dict[str, str] | None = None,
        store=None,
        robots: bool = False,
        report: Callable[[str], None] = lambda outcome: None,
    ):
        self.limits = limits
        self.request = dict(request or {})  # fetch's limits: timeout, max_bytes, trust, deadline
        self.headers = dict(headers or {})
        self.store = store
        self.report = report  # called with "ok", "unchanged" or "failed" after each request
        self.robots = Robots(self._robots_txt) if robots else None
        self._lock = threading.Lock()
        self._queues: dict[tuple, deque[Job]] = {}
        self._busy: dict[tuple, int] = {}
        self._running = 0
        self._held = 0  # bytes of answers not yet taken
        self._submitted = 0
        self._not_before: dict[tuple, float] = {}
        # One daemon thread per request under way (``_pump`` keeps to the limits): a run
        # stopped by Ctrl-C or SIGTERM ends at once, not when its slowest request does.
        self._threads: set[threading.Thread] = set()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, kind, exc, traceback) -> None:
        # Interrupted (KeyboardInterrupt, SIGTERM): no waiting for the requests under way.
        self.close(wait=kind is None or issubclass(kind, Exception))

    def close(self, wait: bool = True) -> None:
        """Drop what has not started; wait for the requests under way (each ends by its
        deadline), unless told not to."""
        with self._lock:
            for job in (j for queue in self._queues.values() for j in queue):
                job.state = "dropped"
                job.future.cancel()
            self._queues.clear()
            threads = list(self._threads)
        for thread in threads if wait else ():
            thread.join()

    def submit(self, url: str, *, page: bool = False) -> Job:
        """Queue a GET of ``url``; ``page`` marks an item's page (robots.txt is asked)."""
        with self._lock:
            job = Job(self, url, page, self._submitted)
            self._submitted += 1
            self._queues.setdefault(job.host, deque()).append(job)
            self._pump()
        return job

    def _pump(self) -> None:
        """Start what the limits allow, earliest submitted first (called with the lock held).

        While the answers not yet taken hold ``MAX_WAITING_BYTES``, only a request someone
        waits for starts: a caller taking answers in submission order always gets the next.
        """
        while self._running < self.limits.connections:
            heads = [
                queue[0]
                for host, queue in self._queues.items()
                if queue and self._busy.get(host, 0) < self.limits.per_host
            ]
            heads = [job for job in heads if self._held < MAX_WAITING_BYTES or job.wanted]
            if not heads:
                return
            job = min(heads, key=lambda j: j.number)
            self._queues[job.host].popleft()
            job.state = "running"
            self._busy[job.host] = self._busy.get(job.host, 0) + 1
            self._running += 1
            thread = threading.Thread(
                target=self._run, args=(job,), name="briefing-fetch", daemon=True
            )
            self._threads.add(thread)
            thread.start()

    def _run(self, job: Job) -> None:
        try:
            response = self._get(job)
        except FetchError as exc:
            self.report("failed")
            job.future.set_exception(exc)
        except Exception as exc:  # a library's bug on hostile input: that item fails
            self.report("failed")
            job.future.set_exception(FetchError(f"{job.url}: {exc.__class__.__name__}: {exc}"))
        else:
            self.report("unchanged" if response.status == 304 else "ok")
            with self._lock:
                if job.state == "running":
                    job.size = len(response.body)
                    self._held += job.size
            job.future.set_result(response)
        finally:
            with self._lock:
                self._threads.discard(threading.current_thread())
                self._busy[job.host] -= 1
                self._running -= 1
                if job.state == "running":
                    job.state = "done"
                self._pump()

    def _want(self, job: Job) -> None:
        with self._lock:
            job.wanted = True
            self._pump()

    def _taken(self, job: Job, drop: bool = False) -> None:
        with self._lock:
            if job.state == "queued":
                if not drop:
                    return
                self._queues[job.host].remove(job)
                job.future.cancel()
            self._held -= job.size
            job.size = 0
            job.state = "dropped" if drop else "taken"
            self._pump()

    def _get(self, job: Job) -> Response:
        """The request itself: deadline, robots.txt, validators, Retry-After."""
        self._check_time(job.url)
        if job.page and self.robots:
            self.robots.check(job.url)
        headers = dict(self.headers)
        known = self.store.validators(job.url) if self.store else None
        if known:
            etag, modified = known
            headers.update({"If-None-Match": etag} if etag else {})
            headers.update({"If-Modified-Since": modified} if modified else {})
        for attempt in range(1, MAX_TRIES + 1):
            self._wait_for(job.host, job.url)
            try:
                response = fetch(job.url, headers=headers, **self.request)
                break
            except StatusError as exc:
                if exc.status not in (429, 503) or attempt == MAX_TRIES:
                    raise
                self._hold(job.host, exc)
        if response.status == 304:
            stored = self.store.stored(job.url) if known else None
            if stored is None:
                raise FetchError(f"{job.url}: HTTP 304 Not Modified, but no copy is kept")
            return replace(stored, status=304)
        if self.store:
            self.store.put(job.url, response)
        return response

    def _check_time(self, url: str) -> None:
        deadline = self.request.get("deadline")
        if deadline is not None and time.monotonic() >= deadline:
            raise Expired(f"{url}: not started before the run's time (run_timeout) ran out")

    def _hold(self, host: tuple, exc: StatusError) -> None:
        """Keep every request to ``host`` waiting as long as its Retry-After asks, or give
        up on this one (re-raising) when it asks nothing readable or past the deadline."""
        delay = retry_delay(exc.retry_after)
        if delay is None:
            raise exc
        until = time.monotonic() + delay
        deadline = self.request.get("deadline")
        if deadline is None:  # no run around it: wait no longer than a request may take
            deadline = time.monotonic() + self.request.get("timeout", DEFAULT_TIMEOUT)
        if until >= deadline:
            raise StatusError(
                f"{exc}; its Retry-After ({delay:g} s) ends after the run's time (run_timeout)",
                exc.status,
                exc.retry_after,
            ) from None
        with self._lock:
            self._not_before[host] = max(self._not_before.get(host, 0.0), until)

    def _wait_for(self, host: tuple, url: str) -> None:
        while (left := self._not_before.get(host, 0.0) - time.monotonic()) > 0:
            time.sleep(min(left, 1.0))
            self._check_time(url)

    def _robots_txt(self, url: str, max_bytes: int) -> Response:
        request = {
            **self.request,
            "max_bytes": min(max_bytes, self.request.get("max_bytes", max_bytes)),
        }
        self._wait_for(origin(url), url)
        return fetch(url, headers=self.headers, **request)
