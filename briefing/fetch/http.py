"""Fetching pages and feeds over HTTP: one client, with timeouts, a size cap and only http(s).

Everything the tool downloads goes through ``fetch``: a page for ``briefing summarize URL``,
a feed and its items' pages in a daily run. Nothing else in the package opens a socket.
"""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class Response:
    """What was fetched: the final URL (after redirects), its content type and body."""

    url: str
    content_type: str
    body: bytes


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
) -> Response:
    """GET ``url``, following at most ``MAX_REDIRECTS`` redirects, each to http(s) only.

    ``trust`` says which origins the operator wrote (default: ``url``'s own); any other URL,
    a redirect's included, may only reach public addresses. The request, redirects and
    all, ends within ``timeout`` seconds, or at ``deadline`` (``time.monotonic``) if sooner.
    """
    import httpcore
    import httpx

    from briefing.fetch.transport import Deadline, PinnedBackend

    check_url(url)
    trust = trust if trust is not None else Trust.of([url])
    clock = Deadline.start(timeout, deadline)
    backend = PinnedBackend(clock)
    first = url
    try:
        with httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            network_backend=backend,
            retries=0,
        ) as pool:
            for _ in range(MAX_REDIRECTS + 1):
                target = httpx.URL(url)
                where = url if url == first else f"{first}: redirected to {url}"
                _pin(backend, url, where, trust, clock)
                with pool.stream(
                    "GET",
                    httpcore.URL(
                        scheme=target.raw_scheme,
                        host=target.raw_host,
                        port=target.port,
                        target=target.raw_path,
                    ),
                    headers=[
                        (b"Host", target.netloc),
                        (b"User-Agent", USER_AGENT.encode()),
                        (b"Accept", b"*/*"),
                        (b"Accept-Encoding", ACCEPT.encode()),
                    ],
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
                        raise FetchError(f"{url}: HTTP {response.status} {reason}".rstrip())
                    body = _read_capped(response, headers, url, max_bytes, clock)
                    return Response(str(target), headers.get("content-type", ""), body)
            raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")
    except httpcore.TimeoutException:
        raise FetchError(f"{url}: {clock.why()}") from None
    except httpx.InvalidURL as exc:
        raise FetchError(f"{url}: {exc}") from None
    except (httpcore.NetworkError, httpcore.ProtocolError, httpcore.UnsupportedProtocol) as exc:
        raise FetchError(f"{url}: {exc.__class__.__name__}: {exc}") from None


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
