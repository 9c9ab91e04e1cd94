"""The reader registry: every input format, with its file extensions and media types.

``--input-format``'s choices, the format guessed from a file's extension or a response's
content type, and the README's table all come from here. A package adds a format with an
entry point in the group ``briefing.readers`` naming a ``Reader``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from briefing.model import Document
from briefing.plugins import Registry


@dataclass(frozen=True)
class Reader:
    """An input format: ``read(text, source) -> Document`` over already-decoded text.

    ``sniff(text) -> bool``, when given, recognises the format from the content (for
    standard input and for downloads whose content type says nothing useful).
    """

    name: str
    summary: str
    extensions: tuple[str, ...]
    read: Callable[[str, str], Document]
    media_types: tuple[str, ...] = ()
    sniff: Callable[[str], bool] | None = None


def _plaintext(text: str, source: str) -> Document:
    from briefing.read.plaintext import read

    return read(text, source)


def _markdown(text: str, source: str) -> Document:
    from briefing.read.guards import check_markdown_depth, defuse_brackets
    from briefing.read.markdown import read

    check_markdown_depth(text, source)
    text = defuse_brackets(text)

    return read(text, source)


def _html(text: str, source: str) -> Document:
    from briefing.read.html import read

    return read(text, source)


def _is_markdown(text: str) -> bool:
    from briefing.read.sniff import is_markdown

    return is_markdown(text)


def _is_html(text: str) -> bool:
    from briefing.read.sniff import is_html

    return is_html(text)


_BUILTIN = (
    Reader(
        "text",
        "title line, lede, headings on their own line",
        (".txt", ".text"),
        _plaintext,
        ("text/plain",),
    ),
    Reader(
        "markdown",
        "headings at every level, paragraphs, lists, quotes",
        (".md", ".markdown"),
        _markdown,
        ("text/markdown", "text/x-markdown"),
        _is_markdown,
    ),
    Reader(
        "html",
        "the page's main content (trafilatura), its headings, title, author, date",
        (".html", ".htm", ".xhtml"),
        _html,
        ("text/html", "application/xhtml+xml"),
        _is_html,
    ),
)

READERS: Registry[Reader] = Registry(
    "briefing.readers",
    Reader,
    _BUILTIN,
    "format",
    claims=lambda reader: (
        *(f"the file extension {e.lower()}" for e in reader.extensions),
        *(f"the media type {t}" for t in reader.media_types),
    ),
)


def reader_for_extension(suffix: str) -> Reader | None:
    """The reader of a file extension (``.md``), or None when no reader claims it."""
    suffix = suffix.lower()
    return READERS.find(lambda reader: suffix in reader.extensions)


def reader_for_media_type(content_type: str) -> Reader | None:
    """The reader of an HTTP content type (``text/html; charset=...``), or None."""
    media_type = content_type.split(";")[0].strip().lower()
    return READERS.find(lambda reader: media_type in reader.media_types)
