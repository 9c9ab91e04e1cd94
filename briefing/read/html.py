"""Web pages: the article's sections without the menus, cookie notices, teasers and footers.

trafilatura finds the main content and returns it as XML (``<p>``, ``<list><item>``,
``<quote>``, ``<table><row><cell>``, some ``<head>``) with the page's title, author, date
and site name; this module turns that XML into text blocks. Where trafilatura finds too
little on a clean page (see ``_too_little``), the tag reader's blocks are the content
instead. Either way the headings come from the page itself, placed among that content
by ``outline``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefing.model import Document
from briefing.read import htmltags, outline

#: Options measured on real saved pages with ``bench/html_reader.py``: ``favor_precision``
#: leaves out teasers and link lists that the default lets through, and loses no article
#: text there; comments are not the article. Tables stay: real pages put article text in
#: them. ``deduplicate`` stays off: its cache lives as long as the process, so a page read
#: a second time would lose its text. Dates come from the page's markup only: htmldate's
#: extensive search guesses from the running text and costs seconds loading dateparser.
OPTIONS = dict(
    favor_precision=True,
    include_comments=False,
    include_tables=True,
    date_extraction_params={"original_date": True, "extensive_search": False},
)

#: A page is short when the tag reader finds at most this many characters of text.
SHORT_PAGE = 5000
#: ...and clean when the tag reader reads at least this share of its visible text
#: (menus and teasers in ``div``/``span`` fall outside it) and at most ``MAX_LINK_SHARE``
#: of that visible text is link text (menus and teasers are links).
MIN_READ_SHARE = 0.9
MAX_LINK_SHARE = 0.1

#: trafilatura's elements that hold text, and those that only hold other elements.
#: Anything else at block level (``code``, ``graphic``) is not prose and is not read.
_BLOCKS = frozenset({"p", "item", "quote", "cell", "head"})
_CONTAINERS = frozenset({"list", "table", "row", "div"})
_INVISIBLE = "ancestor::script or ancestor::style or ancestor::noscript or ancestor::template"
_SPACE = re.compile(r"\s+")


def read(text: str, source: str) -> Document:
    """Read a web page's main content, with its title, author, date and site name."""
    text = htmltags.strip_xml_declaration(text)
    if not text.strip():
        return Document(title="", source=source, format="html", sections=())
    root = htmltags.parse_html(text)
    tag_blocks = list(htmltags.iter_blocks(root, links=False))
    title = _clean(root.findtext(".//title") or "")
    extraction = _extract(_without_heading_ids(text, root))
    blocks = list(_xml_blocks(extraction.body)) if extraction is not None else []
    if _too_little(blocks, tag_blocks, root):
        blocks = [block for block in tag_blocks if not block[0]]
    elif extraction.title:
        title = extraction.title
    blocks = outline.without_boilerplate(outline.place_headings(blocks, root))
    document = htmltags.from_blocks(blocks, source, format="html", title=title)
    if extraction is None:
        return document
    return replace(
        document,
        author=extraction.author or "",
        date=extraction.date or "",
        site=extraction.sitename or "",
    )


def _without_heading_ids(text: str, root) -> str:
    """The page without the ids that documentation generators derive from heading text.

    Sphinx wraps each section in ``<section id="related-work">``, and trafilatura drops
    any block whose id holds "related", "hidden", "author", "nav"... as boilerplate, so
    a paper's "Related Work" or a chapter on "Hidden Markov models" would vanish. An id
    spelled from the heading the element starts with says nothing about boilerplate: it
    is removed before extraction (the page is passed on as it is when it has none).
    """
    paths = []
    for heading in root.xpath("//h1|//h2|//h3|//h4|//h5|//h6"):
        parent = heading.getparent()
        key = _letters(parent.get("id", "")) if parent is not None else ""
        if len(key) > 2 and key in _letters(htmltags.heading_text(heading)):
            paths.append(root.getroottree().getpath(parent))
    if not paths:
        return text
    import copy

    import lxml.html

    page = copy.deepcopy(root)
    for path in paths:
        for element in page.getroottree().xpath(path):
            element.attrib.pop("id", None)
    return lxml.html.tostring(page, encoding="unicode")


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def _extract(text: str):
    """trafilatura's result (metadata, and the content as XML in ``.body``), or None.

    Only the given string is parsed; trafilatura fetches nothing when given HTML.
    """
    import trafilatura

    result = trafilatura.bare_extraction(text, with_metadata=True, **OPTIONS)
    if result is None or result.body is None:
        return None
    return result


def _too_little(blocks, tag_blocks, root) -> bool:
    """Whether to read the page by its tags instead of trafilatura's extraction.

    trafilatura is tuned for pages full of boilerplate: on a short clean document it
    keeps the paragraphs but drops headings and list items. So the tag reader is used
    when trafilatura found nothing, or when the page is short (``SHORT_PAGE``), clean
    (nearly all visible text is in the blocks the tag reader reads, little of it links)
    and trafilatura's reading holds less text than the tag reader's. Real web pages fail
    the cleanliness test, and there the tag reader would let menus and teasers through.
    """
    extracted = sum(len(text) for _, text in blocks)
    tagged = sum(len(text) for _, text in tag_blocks)
    if extracted == 0:
        return True
    if tagged > SHORT_PAGE or extracted >= tagged:
        return False
    visible = _text_length(root.xpath(f"//body//text()[not({_INVISIBLE})]"))
    links = _text_length(root.xpath(f"//body//a//text()[not({_INVISIBLE})]"))
    return tagged >= MIN_READ_SHARE * visible and links <= MAX_LINK_SHARE * visible


def _text_length(strings) -> int:
    return len(_clean(" ".join(strings)))


def _xml_blocks(element):
    """Yield ``(level, text)`` from trafilatura's XML, as ``htmltags.iter_blocks`` does for HTML.

    A heading keeps its level from ``rend="hN"`` (2 when it has none); paragraphs, list
    items, quotes and table cells are text blocks, each read once.
    """
    for child in element:
        if child.tag == "head":
            rend = child.get("rend", "")
            level = int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 2
            text = _clean("".join(child.itertext()))
            if text:
                yield level, text
        elif child.tag in _BLOCKS:
            text = _clean(_own_text(child))
            if text:
                yield 0, text
            yield from _xml_blocks(child)
        elif child.tag in _CONTAINERS:
            yield from _xml_blocks(child)


def _own_text(element) -> str:
    """An element's text with its inline children's, leaving out nested blocks and images."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append(" ")
        elif child.tag not in _BLOCKS and child.tag not in _CONTAINERS and child.tag != "graphic":
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts)


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()
