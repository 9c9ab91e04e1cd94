"""Sections from HTML by its tags alone: ``h1``-``h6`` headings, text from ``p``, ``li``, ``blockquote``.

This is the reader for short, clean HTML (and for Markdown once rendered to HTML); a saved
web page full of menus and teasers goes through trafilatura first (see ``html.py``).
"""

from __future__ import annotations

import re

from briefing.errors import InputError
from briefing.model import Document, Section

HEADINGS = {f"h{n}": n for n in range(1, 7)}
BLOCKS = frozenset({"p", "li", "blockquote", "dd", "dt"})
#: Subtrees that are never read: page furniture, code, tables, media and forms.
DROPPED = frozenset(
    "script style nav header footer aside noscript template pre table figure img svg "
    "form button select textarea iframe object video audio canvas math head".split()
)
_SPACE = re.compile(r"\s+")
#: An XHTML page's ``<?xml ... encoding="..."?>`` line: the text is decoded already, and
#: lxml refuses a decoded string that still declares an encoding.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def strip_xml_declaration(text: str) -> str:
    return _XML_DECLARATION.sub("", text, count=1)


def parse_html(text: str):
    """Parse HTML leniently with lxml; return the root element or raise InputError."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        return lxml.html.document_fromstring(strip_xml_declaration(text))
    except (ParserError, ValueError) as exc:
        raise InputError(f"cannot parse HTML: {exc}") from None


def read(text: str, source: str, *, format: str = "html") -> Document:
    """Read sections from the tags of an HTML document (or rendered Markdown)."""
    text = strip_xml_declaration(text)
    if not text.strip():
        return Document(title="", source=source, format=format, sections=())
    root = parse_html(text)
    page_title = _clean(root.findtext(".//title") or "")
    return from_blocks(list(iter_blocks(root)), source, format=format, title=page_title)


def iter_blocks(element):
    """Yield ``(level, text)`` in document order: level 1-6 for headings, 0 for text blocks.

    A block's text is its own text and its inline children's, not that of blocks nested
    in it (those are yielded on their own), so nothing is read twice.
    """
    tag = element.tag if isinstance(element.tag, str) else ""
    tag = tag.lower()
    if tag in DROPPED:
        return
    if tag in HEADINGS or tag in BLOCKS:
        parts, nested = [element.text or ""], []
        for child in element:
            if _contains_block(child):
                nested.append(child)
            else:
                parts.append(_inline_text(child))
            parts.append(child.tail or "")
        text = _clean("".join(parts))
        if text:
            yield HEADINGS.get(tag, 0), text
        for child in nested:
            yield from iter_blocks(child)
        return
    for child in element:
        yield from iter_blocks(child)


def from_blocks(blocks, source: str, *, format: str, title: str = "") -> Document:
    """Group ``(level, text)`` blocks into sections; a leading ``h1`` becomes the title.

    The leading ``h1`` is the title unless the next heading is an ``h1`` too: then the
    document uses ``h1`` for its sections, and the title comes from ``<title>`` (or the
    caller's fallback). An ``h1`` elsewhere is the title only when the page has no other.
    """
    depths = [depth for depth, _ in blocks if depth]
    if blocks and blocks[0][0] == 1 and (len(depths) == 1 or depths[1] != 1):
        title, blocks = blocks[0][1], blocks[1:]
    elif not title and depths.count(1) == 1:
        title = next(text for depth, text in blocks if depth == 1)
    sections: list[Section] = []
    heading, level, paragraphs = "", 0, []
    for depth, text in blocks:
        if depth:
            if heading or paragraphs:
                sections.append(Section(heading, level, tuple(paragraphs)))
            heading, level, paragraphs = text, depth, []
        else:
            paragraphs.append(text)
    if heading or paragraphs:
        sections.append(Section(heading, level, tuple(paragraphs)))
    return Document(title=title, source=source, format=format, sections=tuple(sections))


def _contains_block(element) -> bool:
    for node in element.iter():
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag in BLOCKS or tag in HEADINGS:
            return True
    return False


def _inline_text(element) -> str:
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag in DROPPED and tag not in ("img",):
        return ""
    if tag == "br":
        return " "
    parts = [element.text or ""]
    for child in element:
        parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()
