"""Readers turn bytes into a Document; one module per format, chosen by extension or ``--input-format``."""

from __future__ import annotations

import codecs
import os
import sys
from pathlib import Path

from ..errors import InputError, UsageError
from ..model import Document

#: format name -> module path of its reader (imported only when used).
READERS = {
    "text": "briefing.readers.plaintext",
    "markdown": "briefing.readers.markdown",
    "html": "briefing.readers.html",
}
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
FORMATS = tuple(READERS)
#: Largest document read by default (``--max-input-mb`` changes it): bigger files are
#: refused at once rather than summarised for minutes.
MAX_INPUT_BYTES = 20 * 1024 * 1024


def format_for(source: str, override: str | None = None) -> str:
    """The format to read ``source`` with: the override, else by extension, else plain text."""
    if override:
        if override not in READERS:
            raise UsageError(f"unknown format {override!r}; choose one of: {', '.join(FORMATS)}")
        return override
    return EXTENSIONS.get(Path(source).suffix.lower(), "text")


def decode(data: bytes, source: str) -> str:
    """Decode UTF-8 (with or without a BOM) or BOM-marked UTF-16; refuse anything else."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
        if b"\x00" in data[:8192]:
            raise InputError(f"{source}: not a text file (it contains NUL bytes)")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{source}: not valid {encoding.removesuffix('-sig').upper()} text "
            f"(byte {exc.start}); convert it to UTF-8 first"
        ) from None
    if "\x00" in text:
        raise InputError(f"{source}: not a text file (it contains NUL characters)")
    return text


def parse(text: str, source: str, format: str) -> Document:
    """Read already-decoded text in the given format."""
    import importlib

    module = importlib.import_module(READERS[format])
    document = module.read(text, source)
    if not document.title:
        document = _with_title(document, _fallback_title(source))
    return document


def load(source: str, format: str | None = None, max_bytes: int = MAX_INPUT_BYTES) -> Document:
    """Read a file, an http(s) URL, or ``-`` for stdin into a Document."""
    from ..web import is_url

    if is_url(source):
        return load_url(source, format, max_bytes=max_bytes)
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
        raise InputError(
            f"{name}: larger than the {max_bytes / 1048576:g} MB limit (raise it with --max-input-mb)"
        )
    return _with_text(parse(decode(data, name), name, fmt))


def load_url(url: str, format: str | None = None, **limits) -> Document:
    """Fetch a web page (or a text file on the web) and read it; HTML unless told otherwise."""
    from ..web import decode_page, fetch

    response = fetch(url, **limits)
    if format is None:
        path_format = EXTENSIONS.get(Path(url.split("?")[0]).suffix.lower())
        is_plain = response.content_type.startswith(("text/plain", "text/markdown"))
        format = path_format if is_plain and path_format else "html"
    return _with_text(parse(decode_page(response), url, format_for(url, format)))


def has_text(document: Document) -> bool:
    """Whether any section has text under it (a document of only headings has none)."""
    return any(section.paragraphs for section in document.sections)


def _with_text(document: Document) -> Document:
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
