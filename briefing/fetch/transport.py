"""The sockets under ``fetch``: connect only to checked addresses, and never past a deadline.

httpcore (the engine under httpx) opens connections through a network backend. This one
connects only to the addresses that ``addresses.resolve`` returned and the policy passed for
that host and port ("pinned"), so a name cannot resolve to one address when checked and to
another when connected. Every connect, read and write it hands out waits at most until the
request's deadline, so a server trickling headers one line a second is cut off on time, not
only one whose body is slow. (Imported by ``fetch`` when it runs, so httpcore loads late.)
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpcore


@dataclass(frozen=True)
class Deadline:
    """When a request must be over (``time.monotonic``); ``by_run`` when the run's ceiling
    (``run_timeout``) comes before the request's own ``timeout``."""

    at: float
    timeout: float
    by_run: bool = False

    @classmethod
    def start(cls, timeout: float, run_deadline: float | None = None) -> Deadline:
        own = time.monotonic() + timeout
        if run_deadline is not None and run_deadline < own:
            return cls(run_deadline, timeout, by_run=True)
        return cls(own, timeout)

    def left(self) -> float:
        return self.at - time.monotonic()

    def why(self) -> str:
        if self.by_run:
            return "not finished when the run's time (run_timeout) ran out"
        return f"timed out after {self.timeout:g} s"

    def wait(self, timeout: float | None, expired: type[Exception]) -> float:
        """How long one socket operation may wait: its own timeout, cut to what is left."""
        left = self.left()
        if left <= 0:
            raise expired(self.why())
        return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write ends by the deadline."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: Deadline):
        self._stream = stream
        self._deadline = deadline

    def read(self, max_bytes, timeout=None):
        return self._stream.read(max_bytes, self._deadline.wait(timeout, httpcore.ReadTimeout))

    def write(self, buffer, timeout=None):
        self._stream.write(buffer, self._deadline.wait(timeout, httpcore.WriteTimeout))

    def close(self):
        self._stream.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None):
        wait = self._deadline.wait(timeout, httpcore.ConnectTimeout)
        tls = self._stream.start_tls(ssl_context, server_hostname, wait)
        return DeadlineStream(tls, self._deadline)

    def get_extra_info(self, info):
        return self._stream.get_extra_info(info)


class PinnedBackend(httpcore.NetworkBackend):
    """Connects to a host and port only at the addresses ``pin`` gave for them."""

    def __init__(self, deadline: Deadline):
        self._deadline = deadline
        self._pins: dict[tuple[str, int], list[tuple]] = {}
        self._sockets = httpcore.SyncBackend()

    def pin(self, host: str, port: int, infos: list[tuple]) -> None:
        self._pins[(host, port)] = infos

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        infos = self._pins.get((host, port))
        if not infos:  # fetch resolves and checks every request first: this guards a bug
            raise httpcore.ConnectError(f"{host}:{port} was not resolved and checked")
        failure: Exception | None = None
        for *_, sockaddr in infos:
            wait = self._deadline.wait(timeout, httpcore.ConnectTimeout)
            try:
                # sockaddr[0] is a literal address: no second lookup happens here
                stream = self._sockets.connect_tcp(
                    sockaddr[0], port, wait, local_address, socket_options
                )
            except httpcore.ConnectError as exc:
                failure = exc
                continue
            return DeadlineStream(stream, self._deadline)
        raise failure or httpcore.ConnectError(f"{host}:{port}: no address")

    def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise httpcore.ConnectError("only TCP connections are made")

    def sleep(self, seconds):
        time.sleep(max(min(seconds, self._deadline.left()), 0))
