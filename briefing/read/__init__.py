"""Reading: bytes from a file, stdin or a URL -> a Document, by the format's registered reader.

The format is ``--input-format`` when given, else the file's extension, else (for stdin
and URLs) what the content or its content type says, else plain text.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from briefing.errors import InputError, TooLargeError
from briefing.limits import DEFAULT_TIMEOUT, MAX_INPUT_BYTES
from briefing.model import Document
from briefing.read.byline import with_byline
from briefing.read.decode import decode
from briefing.read.registry import READERS, reader_for_extension

__all__ = [
    "MAX_INPUT_BYTES",
    "READERS",
    "decode",
    "format_for",
    "has_text",
    "load",
    "parse",
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

    A byline near the top gives the author and date when the reader found none.
    """
    document = with_byline(READERS[format].read(text, source))
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
) -> Document:
    """Read a file, an http(s) URL, or ``-`` for stdin into a Document with some text.

    ``title`` is the title to give a document that names none (a feed item's title, say);
    ``timeout`` bounds a download.
    """
    from briefing.fetch.http import is_url

    if is_url(source):
        return load_url(source, format, max_bytes=max_bytes, timeout=timeout, title=title)
    fmt = format_for("" if source == "-" else source, format)
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
    if len(data) > max_bytes:
        raise TooLargeError(f"{name}: larger than the {max_bytes / 1048576:g} MB input limit")
    return require_text(parse(decode(data, name), name, fmt, title=title))


def load_url(url: str, format: str | None = None, *, title: str = "", **limits) -> Document:
    """Fetch a web page (or a text file on the web) and read it; HTML unless told otherwise."""
    from briefing.fetch.http import decode_page, fetch

    response = fetch(url, **limits)
    if format is None:
        by_path = reader_for_extension(Path(url.split("?")[0]).suffix)
        is_plain = response.content_type.startswith(("text/plain", "text/markdown"))
        format = by_path.name if is_plain and by_path else "html"
    return require_text(parse(decode_page(response), url, format_for(url, format), title=title))


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
