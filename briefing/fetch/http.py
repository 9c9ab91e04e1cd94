"""Fetching pages and feeds over HTTP: one client, with timeouts, a size cap and only http(s).

Everything the tool downloads goes through ``fetch``: a page for ``briefing summarize URL``,
a feed and its items' pages in a daily run. Nothing else in the package opens a socket.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from contextlib import ExitStack
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from briefing._version import __version__
from briefing.errors import InputError
from briefing.fetch.addresses import (
    AddressError,
    RefusedAddress,
    ResolveTimeout,
    Trust,
    origin,
    resolve,
)
from briefing.fetch.encodings import ACCEPT, EncodingError, decoded
from briefing.limits import DEFAULT_TIMEOUT, MAX_INPUT_BYTES

USER_AGENT = f"briefing/{__version__} (document summariser; +https://pypi.org/project/briefing/)"
MAX_REDIRECTS = 5


class FetchError(InputError):
    """A URL could not be fetched: bad scheme, timeout, HTTP error, too large."""


class RefusedError(FetchError):
    """A URL learnt from fetched content leads to an address the policy refuses."""


class StatusError(FetchError):
    """The server answered with an error status; ``retry_after`` is its Retry-After header
    (as sent, '' when none), which a 429 or 503 may carry."""

    def __init__(self, message: str, status: int, retry_after: str = ""):
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


@dataclass(frozen=True)
class Response:
    """What was fetched: the final URL (after redirects), its content type and body; the
    status (304 when a conditional request found no change: the body is then empty) and
    the validators to send back next time (``ETag``, ``Last-Modified``)."""

    url: str
    content_type: str
    body: bytes
    status: int = 200
    etag: str = ""
    last_modified: str = ""


def decode_page(response: Response) -> str:
    """Text of a fetched text or Markdown file, by its HTTP charset, BOM, or UTF-8.

    Else windows-1252. Web pages are decoded by ``briefing.read.decode_html`` instead,
    which also reads the charset a page declares in itself.
    """
    charset = ""
    for part in response.content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset":
            charset = value.strip("\"' ").lower()
    body = response.body
    bom = "utf-8-sig" if body.startswith(b"\xef\xbb\xbf") else ""
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):
        bom = "utf-16"
    for encoding in filter(None, (charset, bom, "utf-8")):
        try:
            return body.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return body.decode("cp1252", errors="replace")


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def check_url(url: str) -> None:
    """Refuse anything but an absolute http(s) URL with a host."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url}: only http and https URLs can be fetched")


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = MAX_INPUT_BYTES,
    trust: Trust | None = None,
    deadline: float | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """GET ``url``, following at most ``MAX_REDIRECTS`` redirects, each to http(s) only.

    ``trust`` says which origins the operator wrote (default: ``url``'s own); any other URL,
    a redirect's included, may only reach public addresses. The request, redirects and
    all, ends within ``timeout`` seconds, or at ``deadline`` (``time.monotonic``) if sooner.
    ``headers`` adds request headers or replaces ours (``User-Agent``, ``If-None-Match``).
    """
    import httpcore
    import httpx

    from briefing.fetch.transport import Deadline, PinnedBackend

    check_url(url)
    sent = _request_headers(headers or {})
    trust = trust if trust is not None else Trust.of([url])
    clock = Deadline.start(timeout, deadline)
    backend = PinnedBackend(clock)
    first = url
    try:
        with ExitStack() as stack:
            pools = {}  # plain and TLS: only an https URL needs the CA bundle loaded
            for _ in range(MAX_REDIRECTS + 1):
                target = httpx.URL(url)
                where = url if url == first else f"{first}: redirected to {url}"
                _pin(backend, url, where, trust, clock)
                tls = target.scheme == "https"
                if tls not in pools:
                    pools[tls] = stack.enter_context(
                        httpcore.ConnectionPool(
                            ssl_context=_ssl_context() if tls else None,
                            network_backend=backend,
                            retries=0,
                        )
                    )
                with pools[tls].stream(
                    "GET",
                    httpcore.URL(
                        scheme=target.raw_scheme,
                        host=target.raw_host,
                        port=target.port,
                        target=target.raw_path,
                    ),
                    headers=[(b"Host", target.netloc), *sent],
                    extensions={
                        "timeout": dict.fromkeys(("connect", "read", "write", "pool"), timeout)
                    },
                ) as response:
                    headers = _headers(response.headers)
                    location = headers.get("location", "")
                    if response.status in (301, 302, 303, 307, 308) and location:
                        url = str(target.join(location))
                        check_url(url)
                        continue
                    if response.status >= 400:
                        reason = response.extensions.get("reason_phrase", b"").decode("latin-1")
                        raise StatusError(
                            f"{url}: HTTP {response.status} {reason}".rstrip(),
                            response.status,
                            headers.get("retry-after", ""),
                        )
                    kind = headers.get("content-type", "")
                    if response.status == 304:
                        return Response(str(target), kind, b"", 304, *_validators(headers))
                    body = _read_capped(response, headers, url, max_bytes, clock)
                    return Response(str(target), kind, body, 200, *_validators(headers))
            raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")
    except httpcore.TimeoutException:
        raise FetchError(f"{url}: {clock.why()}") from None
    except httpx.InvalidURL as exc:
        raise FetchError(f"{url}: {exc}") from None
    except (httpcore.NetworkError, httpcore.ProtocolError, httpcore.UnsupportedProtocol) as exc:
        raise FetchError(f"{url}: {exc.__class__.__name__}: {exc}") from None


def _ssl_context():
    """One TLS context for every request: loading the CA bundle costs tens of milliseconds
    (and as many times over when requests in threads all ask for the first one at once)."""
    with _SSL_LOCK:
        return _new_ssl_context()


_SSL_LOCK = threading.Lock()


@cache
def _new_ssl_context():
    import httpx

    return httpx.create_ssl_context(trust_env=False)


def _request_headers(extra: Mapping[str, str]) -> list[tuple[bytes, bytes]]:
    """Our headers with ``extra`` added, or put in place of ours of the same name."""
    headers = {"user-agent": ("User-Agent", USER_AGENT), "accept": ("Accept", "*/*")}
    headers["accept-encoding"] = ("Accept-Encoding", ACCEPT)
    for name, value in extra.items():
        if any(c in value for c in "\r\n\0"):
            raise FetchError(f"request header {name} holds a line break")
        headers[name.lower()] = (name, value)
    return [(name.encode("latin-1"), value.encode("latin-1")) for name, value in headers.values()]


def _validators(headers: dict[str, str]) -> tuple[str, str]:
    """The ETag and Last-Modified to send back, unless too long to be honest ones."""
    return tuple(
        value if len(value) <= 512 and value.isprintable() else ""
        for value in (headers.get("etag", ""), headers.get("last-modified", ""))
    )


def _pin(backend, url: str, where: str, trust: Trust, clock) -> None:
    """Resolve ``url``'s host, check its addresses against the policy, pin them for connecting."""
    try:
        infos = resolve(url, trust, clock.left())
    except RefusedAddress as exc:
        raise RefusedError(f"{where}: {exc}") from None
    except ResolveTimeout:
        raise FetchError(f"{url}: {clock.why()}") from None
    except AddressError as exc:
        raise FetchError(f"{url}: {exc}") from None
    _, host, port = origin(url)
    backend.pin(host, port, infos)


def _headers(raw: list[tuple[bytes, bytes]]) -> dict[str, str]:
    """Response headers by lower-case name; repeated ones joined with commas."""
    headers: dict[str, str] = {}
    for name, value in raw:
        key, text = name.decode("latin-1").lower(), value.decode("latin-1").strip()
        headers[key] = f"{headers[key]}, {text}" if key in headers else text
    return headers


def _read_capped(response, headers: dict, url: str, max_bytes: int, clock) -> bytes:
    """Read and decode the body, stopping at the size cap (counted on the decoded bytes, a
    bounded piece at a time) or when the request outlives its deadline."""
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(
            f"{url}: response of {int(declared)} bytes is over the {max_bytes}-byte cap"
        )

    def raw():
        size = 0
        for chunk in response.iter_stream():
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(f"{url}: response is over the {max_bytes}-byte cap")
            yield chunk

    body = bytearray()
    try:
        for piece in decoded(raw(), headers.get("content-encoding", "")):
            if clock.left() <= 0:
                raise FetchError(f"{url}: {clock.why()}")
            body += piece
            if len(body) > max_bytes:
                raise FetchError(f"{url}: response is over the {max_bytes}-byte cap (decoded)")
    except EncodingError as exc:
        raise FetchError(f"{url}: {exc}") from None
    return bytes(body)
