"""Fetching pages and feeds over HTTP: one client, with timeouts, a size cap and only http(s).

Everything the tool downloads goes through ``fetch``: a page for ``briefing summarize URL``,
a feed and its items' pages in a daily run. Nothing else in the package opens a socket.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from briefing._version import __version__
from briefing.errors import InputError
from briefing.limits import DEFAULT_TIMEOUT, MAX_INPUT_BYTES

USER_AGENT = f"briefing/{__version__} (document summariser; +https://pypi.org/project/briefing/)"
MAX_REDIRECTS = 5


class FetchError(InputError):
    """A URL could not be fetched: bad scheme, timeout, HTTP error, too large."""


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
    url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = MAX_INPUT_BYTES
) -> Response:
    """GET ``url``, following at most ``MAX_REDIRECTS`` redirects, each to http(s) only."""
    import httpx

    check_url(url)
    deadline = time.monotonic() + 3 * timeout  # connect + wait + a slow trickle, all told
    try:
        with httpx.Client(
            headers={"User-Agent": USER_AGENT},
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            trust_env=False,
        ) as client:
            for _ in range(MAX_REDIRECTS + 1):
                with client.stream("GET", url) as response:
                    if response.is_redirect:
                        target = str(response.url.join(response.headers.get("location", "")))
                        check_url(target)
                        url = target
                        continue
                    if response.status_code >= 400:
                        raise FetchError(
                            f"{url}: HTTP {response.status_code} {response.reason_phrase}"
                        )
                    body = _read_capped(response, url, max_bytes, deadline)
                    return Response(
                        str(response.url), response.headers.get("content-type", ""), body
                    )
            raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")
    except httpx.TimeoutException:
        raise FetchError(f"{url}: timed out after {timeout:g} s") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: {exc.__class__.__name__}: {exc}") from None


def _read_capped(response, url: str, max_bytes: int, deadline: float) -> bytes:
    """Read the body, stopping at the size cap or when the whole request outlives its time."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(
            f"{url}: response of {int(declared)} bytes is over the {max_bytes}-byte cap"
        )
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        if time.monotonic() > deadline:
            raise FetchError(f"{url}: download took longer than allowed")
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url}: response is over the {max_bytes}-byte cap")
        chunks.append(chunk)
    return b"".join(chunks)
