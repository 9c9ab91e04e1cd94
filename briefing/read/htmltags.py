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
#: Elements whose headings rank below the heading of the section around them.
SECTIONING = frozenset({"section", "article"})
#: Subtrees that are never read: page furniture, code, tables, media and forms.
DROPPED = frozenset(
    "script style nav header footer aside noscript template pre table figure img svg "
    "form button select textarea iframe object video audio canvas math head".split()
)
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w")
_PERMALINK_MARKS = "¶§🔗 "
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


def iter_blocks(element, levels: SectionLevels | None = None, *, links: bool = True):
    """Yield ``(level, text)`` in document order: level 1-6 for headings, 0 for text blocks.

    A block's text is its own text and its inline children's, not that of blocks nested
    in it (those are yielded on their own), so nothing is read twice. A heading's level
    follows ``<section>`` nesting (see ``SectionLevels``) and its text leaves out
    permalink symbols (see ``heading_text``). ``links=False`` leaves out blocks that are
    nothing but a link: the entries of menus and tables of contents.
    """
    levels = levels if levels is not None else SectionLevels()
    tag = tag_of(element)
    if tag in DROPPED:
        return
    if tag in HEADINGS:
        text = heading_text(element)
        if text:
            yield levels.level_of(tag), text
        return
    if tag in BLOCKS:
        parts, nested, linked = [element.text or ""], [], []
        for child in element:
            if _contains_block(child):
                nested.append(child)
            else:
                parts.append(_inline_text(child))
                if tag_of(child) == "a":
                    linked.append(parts[-1])
            parts.append(child.tail or "")
        text = _clean("".join(parts))
        if text and (links or text != _clean(" ".join(linked))):
            yield 0, text
        for child in nested:
            yield from iter_blocks(child, levels, links=links)
        return
    opened = levels.enter(tag)
    for child in element:
        yield from iter_blocks(child, levels, links=links)
    if opened:
        levels.leave()


class SectionLevels:
    """Heading levels that follow ``<section>``/``<article>`` nesting as well as the tag.

    A heading is at least one level deeper than the heading of the section around its own
    section: ``<article><h1>A</h1><section><h1>B</h1>`` makes B a level 2 heading, as a
    browser shows it. Pages that number their headings by tag (Sphinx, MkDocs) keep them.
    """

    def __init__(self) -> None:
        self._open: list[int] = []  # per open <section>: the level of its heading, or 0

    def enter(self, tag: str) -> bool:
        """Note an element being entered; True when it opens a section (call ``leave``)."""
        if tag in SECTIONING:
            self._open.append(0)
            return True
        return False

    def leave(self) -> None:
        self._open.pop()

    def level_of(self, tag: str) -> int:
        outer = next((level for level in reversed(self._open[:-1]) if level), 0)
        level = min(6, max(HEADINGS[tag], outer + 1))
        if self._open and not self._open[-1]:
            self._open[-1] = level
        return level


def heading_text(element) -> str:
    """A heading's words without its permalink: ``<a href="#x">¶</a>``, ``#``, ``§``, an icon.

    Documentation generators put a link to the heading inside it (Sphinx's ``¶``, MkDocs'
    ``¶``, GitHub's icon); mdBook wraps the whole title in the link, which stays.
    """
    parts = [element.text or ""]
    for child in element:
        text = _inline_text(child)
        if tag_of(child) != "a" or _WORD.search(text):
            parts.append(text)
        parts.append(child.tail or "")
    return _clean("".join(parts)).rstrip(_PERMALINK_MARKS).strip()


def tag_of(element) -> str:
    """An element's tag in lower case; "" for comments and processing instructions."""
    return element.tag.lower() if isinstance(element.tag, str) else ""


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
        tag = tag_of(node)
        if tag in BLOCKS or tag in HEADINGS:
            return True
    return False


def _inline_text(element) -> str:
    tag = tag_of(element)
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
