"""Bytes -> text: the encodings a document may come in, and a clear error for the rest.

Text and Markdown must be UTF-8 (a BOM is fine) or UTF-16 with a BOM. An HTML page says
its own encoding, and is decoded as a browser does: the HTTP charset, then a byte order
mark, then ``<meta charset>`` or ``http-equiv``, then the XML declaration, then UTF-8
(windows-1252 when the bytes are not UTF-8 and nothing was declared).
"""

from __future__ import annotations

import codecs
import re

from briefing.errors import InputError

#: How far into a page its ``<meta charset>`` is looked for (browsers look at 1024 bytes;
#: real pages put a long ``<head>`` first).
META_SCAN_BYTES = 8192
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)""", re.IGNORECASE)
#: Labels that the web reads as windows-1252 (the WHATWG Encoding standard).
_WINDOWS_1252 = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "ascii", "us-ascii"})
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


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
    return _without_nul(text, source)


def decode_html(data: bytes, source: str, declared: str = "") -> str:
    """Decode a web page by the first encoding it declares (``declared``: the HTTP charset)."""
    for where, label in (("http", declared), ("bom", _bom(data)), *_in_page(data)):
        encoding = _codec(label, in_page=where == "page")
        if encoding:
            return _without_nul(data.decode(encoding, errors="replace"), source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return _without_nul(text, source)


def declared_charset(content_type: str) -> str:
    """The ``charset`` parameter of a ``Content-Type`` header, or ""."""
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip().lower() == "charset":
            return value.strip("\"' ").lower()
    return ""


def _bom(data: bytes) -> str:
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), "")


def _in_page(data: bytes) -> list[tuple[str, str]]:
    """The page's ``<meta>`` charset and its XML declaration's encoding ("" when absent)."""
    head = data[:META_SCAN_BYTES]
    found = (_META_CHARSET.search(head), _XML_ENCODING.match(head))
    return [("page", m.group(1).decode("ascii", "replace") if m else "") for m in found]


def _codec(label: str, *, in_page: bool = False) -> str:
    """Python's codec for an encoding label, or "" for an unknown one.

    Latin-1 and ASCII labels mean windows-1252 on the web; a page that is readable as
    ASCII cannot be UTF-16, so a ``<meta>`` claiming UTF-16 means UTF-8 (as browsers do).
    """
    label = label.strip().lower()
    if not label:
        return ""
    if label in _WINDOWS_1252:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return ""
    if name == "utf-8" or (in_page and name.startswith(("utf-16", "utf-32"))):
        return "utf-8-sig"
    return name


def _without_nul(text: str, source: str) -> str:
    if "\x00" in text:
        raise InputError(f"{source}: not a text file (it contains NUL characters)")
    return text
