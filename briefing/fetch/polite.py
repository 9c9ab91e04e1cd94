"""Being a good guest on other people's servers: a User-Agent that says who is asking and
where to reach them, ``Retry-After`` read as the server meant it, and ``robots.txt``.

``robots.txt`` is fetched through ``fetch`` like everything else (address policy, caps,
deadlines), once per host per run, and read by ``urllib.robotparser``. Following RFC 9309,
a missing one (404 and other 4xx) allows everything, and one that cannot be had (a
server error, a timeout, a refused address, 401/403) allows nothing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit

from briefing._version import __version__
from briefing.fetch.addresses import origin
from briefing.fetch.http import USER_AGENT, FetchError, Response, StatusError

#: The name sites address us by in robots.txt (``User-agent: briefing``).
ROBOTS_AGENT = "briefing"
#: Largest robots.txt read (RFC 9309 asks crawlers to read at least 500 KiB).
MAX_ROBOTS_BYTES = 512 * 1024


class RobotsError(FetchError):
    """robots.txt forbids a page, or could not be read (and so forbids it)."""


def user_agent(contact: str = "") -> str:
    """``briefing/<version>`` with the operator's contact URL, if the config gives one."""
    if not contact:
        return USER_AGENT
    return f"briefing/{__version__} (document summariser; +{contact})"


def check_contact(value: str) -> None:
    """A contact must be an http(s) or mailto: URL that can stand in a header as it is."""
    scheme = value.partition(":")[0].lower()
    if scheme not in ("http", "https", "mailto") or not value.partition(":")[2].strip("/"):
        raise ValueError(f"must be an http(s) or mailto: URL, not {value!r}")
    if len(value) > 300 or not value.isascii() or not value.isprintable() or " " in value:
        raise ValueError(f"must be a URL of printable ASCII without spaces, not {value!r}")


def retry_delay(value: str, now: float | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks us to wait (delay-seconds or an HTTP date), or
    None when it says nothing we can read."""
    from email.utils import parsedate_to_datetime  # only after a 429 or 503

    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(when.timestamp() - (time.time() if now is None else now), 0.0)


class Robots:
    """The robots.txt rules of each origin, fetched on first need and kept for the run.

    ``get(url, max_bytes)`` fetches (the caller's ``fetch`` with its limits); requests for
    pages of an origin whose robots.txt is being fetched wait for it.
    """

    def __init__(self, get: Callable[[str, int], Response], agent: str = ROBOTS_AGENT):
        self._get = get
        self._agent = agent
        self._rules: dict[tuple, object] = {}
        self._locks: dict[tuple, threading.Lock] = {}
        self._lock = threading.Lock()

    def check(self, url: str) -> None:
        """Return if robots.txt lets us fetch ``url``; raise RobotsError if not."""
        key = origin(url)
        with self._lock:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self._rules:
                self._rules[key] = self._fetch(key)
        rules = self._rules[key]
        where = f"{key[0]}://{urlsplit(url).netloc}/robots.txt"
        if isinstance(rules, str):
            raise RobotsError(f"{url}: not fetched: {where} could not be read ({rules})")
        if not rules.can_fetch(self._agent, url):
            raise RobotsError(f"{url}: not fetched: {where} disallows it")

    def _fetch(self, key: tuple):
        """The parsed rules, or why there are none (a string: nothing may be fetched)."""
        from urllib.robotparser import RobotFileParser

        scheme, host, port = key
        name = f"[{host}]" if ":" in host else host
        parser = RobotFileParser()
        try:
            response = self._get(f"{scheme}://{name}:{port}/robots.txt", MAX_ROBOTS_BYTES)
        except StatusError as exc:
            if 400 <= exc.status < 500 and exc.status not in (401, 403, 429):
                parser.parse([])  # no robots.txt: everything is allowed
                return parser
            return f"HTTP {exc.status}"
        except FetchError as exc:
            return str(exc).rpartition(": ")[2] or exc.__class__.__name__
        parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
        return parser
