"""Reading: bytes from a file, stdin or a URL -> a Document, by the format's registered reader.

The format is ``--input-format`` when given, else the file's extension (for a URL: its
content type, then its extension), else what the content shows (``sniff``), else plain
text. A feed is refused with a pointer to ``briefing run``. HTML is decoded by the
encoding it declares, everything else must be UTF-8 or UTF-16 with a BOM (``decode``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from briefing.errors import InputError, TooLargeError
from briefing.limits import DEFAULT_TIMEOUT, MAX_INPUT_BYTES
from briefing.model import Document
from briefing.read import sniff
from briefing.read.byline import with_byline
from briefing.read.decode import declared_charset, decode, decode_html
from briefing.read.registry import READERS, reader_for_extension, reader_for_media_type

__all__ = [
    "MAX_INPUT_BYTES",
    "READERS",
    "decode",
    "decode_html",
    "format_for",
    "from_bytes",
    "has_text",
    "load",
    "parse",
    "read_response",
    "require_text",
]


def format_for(source: str, override: str | None = None) -> str:
    """The format to read ``source`` with: the override, else by extension, else plain text."""
    if override:
        return READERS[override].name  # an unknown name raises a UsageError listing the known
    reader = reader_for_extension(Path(source).suffix)
    return reader.name if reader else "text"


def parse(text: str, source: str, format: str, *, title: str = "") -> Document:
    """Read already-decoded text in the given format; ``title`` is used when it has none.

    A document nested deeper than a parser's recursion can follow (thousands of nested
    lists or quotes) is refused with an InputError, never a RecursionError that would end
    a whole daily run. A byline near the top gives the author and date when the reader
    found none.
    """
    reader = READERS[format]
    try:
        document = with_byline(reader.read(text, source))
    except RecursionError:
        raise InputError(f"{source}: nested too deeply to read as {reader.name}") from None
    if not document.title:
        document = _with_title(document, title or _fallback_title(source))
    return document


def load(
    source: str,
    format: str | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    *,
    title: str = "",
    timeout: float = DEFAULT_TIMEOUT,
    **fetching,
) -> Document:
    """Read a file, an http(s) URL, or ``-`` for stdin into a Document with some text.

    ``title`` is the title to give a document that names none (a feed item's title, say);
    ``timeout`` bounds a download, and ``fetching`` passes ``trust`` and ``deadline`` on
    to ``briefing.fetch.http.fetch``.
    """
    from briefing.fetch.http import is_url

    if is_url(source):
        limits = dict(max_bytes=max_bytes, timeout=timeout, **fetching)
        return load_url(source, format, title=title, **limits)
    # An unknown format, or a broken plugin claiming the extension, fails before any read.
    format_for("" if source == "-" else source, format)
    if source == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        name = "<stdin>"
    else:
        name = source
        try:
            with open(source, "rb") as handle:
                data = handle.read(max_bytes + 1)
        except FileNotFoundError:
            raise InputError(f"{source}: no such file") from None
        except IsADirectoryError:
            raise InputError(f"{source}: is a directory, not a document") from None
        except PermissionError:
            raise InputError(f"{source}: permission denied") from None
        except OSError as exc:
            raise InputError(f"{source}: cannot read ({os.strerror(exc.errno or 0)})") from None
    return from_bytes(data, name, format, max_bytes=max_bytes, title=title)


def from_bytes(
    data: bytes,
    name: str,
    format: str | None = None,
    *,
    max_bytes: int = MAX_INPUT_BYTES,
    title: str = "",
) -> Document:
    """A file's (or stdin's) bytes as a Document with some text: the size cap, the format
    (asked for, else the name's extension, else what the content shows), the decoding
    (HTML by its declared charset) and the reader; every local read ends here."""
    if len(data) > max_bytes:
        raise TooLargeError(f"{name}: larger than the {max_bytes / 1048576:g} MB input limit")
    if format:
        fmt = format_for(name, format)
    else:
        by_extension = reader_for_extension(Path(name).suffix)
        fmt = by_extension.name if by_extension else _sniffed(data, name)
    text = decode_html(data, name) if fmt == "html" else decode(data, name)
    return require_text(parse(text, name, fmt, title=title))


def load_url(url: str, format: str | None = None, *, title: str = "", **limits) -> Document:
    """Fetch a web page (or a text file on the web) and read it (see ``read_response``)."""
    from briefing.fetch.http import fetch

    return read_response(url, fetch(url, **limits), format, title=title)


def read_response(url: str, response, format: str | None = None, *, title: str = "") -> Document:
    """Read a page already fetched (a ``briefing.fetch.http.Response``) from ``url``.

    The format is the one asked for, else the content type's (``text/plain`` only with a
    known extension: servers send Markdown as plain text), else the URL's extension, else
    what the content shows, else plain text.
    """
    from briefing.fetch.http import decode_page

    media_type = response.content_type.split(";")[0].strip().lower()
    if format:
        fmt = format_for(url, format)
    elif media_type in sniff.FEED_MEDIA_TYPES:
        sniff.refuse_feed(url)
    else:
        by_type = reader_for_media_type(response.content_type)
        by_path = reader_for_extension(Path(url.split("?")[0].split("#")[0]).suffix)
        if by_type is not None and by_type.name != "text":
            fmt = by_type.name
        elif by_path is not None:
            fmt = by_path.name
        else:
            fmt = _sniffed(response.body, url)
    if fmt == "html":
        text = decode_html(response.body, url, declared_charset(response.content_type))
    else:
        text = decode_page(response)
    return require_text(parse(text, url, fmt, title=title))


def _sniffed(data: bytes, name: str) -> str:
    """The format the content shows, else plain text; a feed is refused."""
    return sniff.sniff_format(sniff.sample(data), name) or "text"


def has_text(document: Document) -> bool:
    """Whether any section has text under it (a document of only headings has none)."""
    return any(section.paragraphs for section in document.sections)


def require_text(document: Document) -> Document:
    """The document, or an InputError when it has no text to summarise."""
    if not has_text(document):
        raise InputError(f"{document.source}: no text to summarise")
    return document


def _fallback_title(source: str) -> str:
    if source.startswith("<"):
        return "Untitled"
    return Path(source).stem.replace("_", " ").replace("-", " ").strip() or "Untitled"


def _with_title(document: Document, title: str) -> Document:
    from dataclasses import replace

    return replace(document, title=title)
