"""The page's own headings, placed among the content trafilatura chose.

trafilatura decides which text is the article, but its XML drops many headings: those
wrapped in a link (mdBook), those of documentation themes (Sphinx, MkDocs), most of a
long page's. So the headings come from the page's DOM instead. The page's visible text
is flattened into one normalised string; each content block trafilatura returned is found
in it, and so is each heading. A heading is kept when content follows it within its
scope (before the next heading of the same or a higher rank) with little else between:
a menu's or a sidebar's heading has links under it, which trafilatura left out, and a
site's name in the page header has the menu between it and the article.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from briefing.read.htmltags import HEADINGS, SectionLevels, heading_text, tag_of

#: At most this many characters of other text (a byline, a date, share buttons) may stand
#: between a heading and the first content under it. Chosen on the even-numbered pages of
#: the web page set and the structure bench's papers (see docs/reading.md).
MAX_GAP = 200
#: ...and the box a heading stands in, when it closes before the content, may hold at most
#: this many characters besides headings (a stray ``#``, say).
MAX_BOX_TEXT = 3
#: A block shorter than this (normalised) is placed only when found within ``MAX_GAP``
#: characters of the block before it: "10" or "Yes" is found in too many places of a page.
MIN_ANCHOR_CHARS = 20
#: Headings of page furniture rather than of the article, compared after normalising.
BOILERPLATE_HEADINGS = re.compile(
    r"((related|recommended|popular|trending|latest|top|more) (stories|articles|posts|news"
    r"|reading|videos|links|content)|related|more from [\w ]+|you (may|might) also like"
    r"|(\d+ )?comments?( \d+)?|leave a (comment|reply)|share( this( article| story| post"
    r"| page)?)?|follow us|subscribe( to [\w ]+)?|newsletters?|sign up( for [\w ]+)?"
    r"|advertisement|sponsored( content)?|tags|categories|about the author|read (more|next)"
    r"|see also|what to read next|in this section|navigation|main menu|menu|search"
    r"|(table of )?contents|on this page)"
)
_UNREAD = frozenset({"script", "style", "noscript", "template", "head", "svg", "math"})
#: Headings in these are never the article's.
_FURNITURE = frozenset({"nav", "aside", "footer", "form", "menu", "dialog"})
_INLINE = frozenset(
    "a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span strong sub "
    "sup time u var wbr".split()
)
_NON_WORD = re.compile(r"\W+")


def normalise(text: str) -> str:
    """Lower case, runs of non-word characters as one space: how blocks are compared."""
    return _NON_WORD.sub(" ", text.lower())


@dataclass(frozen=True)
class PageHeading:
    """A heading of the page: where its text stands in the normalised page text."""

    start: int
    end: int
    level: int
    text: str
    furniture: bool
    #: The elements around the heading, innermost first, as indices into ``PageText.spans``.
    ancestors: tuple[int, ...]


@dataclass(frozen=True)
class PageText:
    """A page's visible text, normalised, and its headings in document order."""

    text: str
    headings: tuple[PageHeading, ...]
    #: ``(start, end)`` in ``text`` of the elements that hold a heading.
    spans: tuple[tuple[int, int], ...]


def page_text(root) -> PageText:
    """Flatten the visible text of a parsed page, noting where each heading stands."""
    pieces: list[str] = []
    headings: list[PageHeading] = []
    spans: list[list[int]] = []
    open_elements: list[int] = []  # indices into spans, outermost first
    length = 0

    def add(raw: str) -> None:
        nonlocal length
        piece = normalise(raw)
        if pieces and pieces[-1].endswith(" ") and piece.startswith(" "):
            piece = piece[1:]
        if piece:
            pieces.append(piece)
            length += len(piece)

    def walk(element, levels: SectionLevels, furniture: bool) -> None:
        tag = tag_of(element)
        if tag in _UNREAD or not tag:
            return
        block = tag not in _INLINE
        if block:
            add(" ")
        if tag in HEADINGS:
            text = heading_text(element)
            start = length
            add(text)
            if text:
                level = levels.level_of(tag)
                ancestors = tuple(reversed(open_elements))
                headings.append(PageHeading(start, length, level, text, furniture, ancestors))
            add(" ")
            return
        furniture = furniture or tag in _FURNITURE
        opened = levels.enter(tag)
        open_elements.append(len(spans))
        spans.append([length, length])
        add(element.text or "")
        for child in element:
            walk(child, levels, furniture)
            add(child.tail or "")
        if block:
            add(" ")
        spans[open_elements.pop()][1] = length
        if opened:
            levels.leave()

    body = root.find("body")
    walk(body if body is not None else root, SectionLevels(), False)
    return PageText("".join(pieces), tuple(headings), tuple((a, b) for a, b in spans))


def place_headings(blocks: list[tuple[int, str]], root) -> list[tuple[int, str]]:
    """trafilatura's ``(level, text)`` blocks with the page's headings where they stand.

    A trafilatura heading found among the page's headings takes the page's level (and
    keeps its own text when the page's holds more, such as a score in a ``span``); one not
    found stays where trafilatura put it. Blocks not found in the page text keep their
    order and sit after the block before them.
    """
    page = page_text(root)
    placed: list[tuple[int, int, str]] = []  # (offset in the page, level, text)
    anchors: list[int] = []
    confirmed: dict[PageHeading, str] = {}
    cursor = offset = 0
    for level, text in blocks:
        key = normalise(text).strip()
        found, end = _locate(page.text, key, cursor)
        if found is not None and len(key) < MIN_ANCHOR_CHARS and found - cursor > MAX_GAP:
            found = None  # a short text found far away is likely another occurrence
        heading = None
        if level:
            heading = _heading_at(page, found) or _heading_named(page, key, cursor)
        if heading is not None:
            same = normalise(heading.text).strip() == key
            confirmed[heading] = heading.text if same else text
            cursor = heading.end
            continue
        if found is not None:
            offset, cursor = found, end
            anchors.append(found)
        placed.append((offset, level, text))
    kept = [
        h for i, h in enumerate(page.headings) if h in confirmed or _heads_content(i, page, anchors)
    ]
    result: list[tuple[int, str]] = []
    pending = iter(kept)
    heading = next(pending, None)
    for offset, level, text in placed:
        while heading is not None and heading.start <= offset:
            result.append((heading.level, confirmed.get(heading, heading.text)))
            heading = next(pending, None)
        result.append((level, text))
    return result


def _heading_named(page: PageText, key: str, cursor: int) -> PageHeading | None:
    """The first of the page's headings with this normalised text, after ``cursor`` if any."""
    named = [h for h in page.headings if normalise(h.text).strip() == key]
    return next((h for h in named if h.start >= cursor), named[0] if named else None)


def _heading_at(page: PageText, offset: int | None) -> PageHeading | None:
    if offset is None:
        return None
    index = bisect.bisect_right([h.start for h in page.headings], offset) - 1
    if index >= 0 and page.headings[index].start <= offset < page.headings[index].end:
        return page.headings[index]
    return None


def _locate(text: str, key: str, cursor: int) -> tuple[int | None, int]:
    """Where a block's normalised text starts and ends in the page text, from ``cursor``.

    When the whole block is not there (trafilatura joins or trims some inline text), its
    first or its last words are looked for instead. ``(None, cursor)`` when not found.
    """
    head, tail = key[:60].rsplit(" ", 1)[0], key[-60:].split(" ", 1)[-1]
    for probe in (key, head, tail):
        if probe and len(probe) >= min(len(key), MIN_ANCHOR_CHARS):
            found = text.find(probe, cursor)
            if found >= 0:
                start = found if probe is not tail else max(cursor, found - len(key) + len(tail))
                return start, max(found + len(probe), start + len(key))
    return None, cursor


def _heads_content(index: int, page: PageText, anchors: list[int]) -> bool:
    """Whether content follows the heading within its scope, and the heading is its title.

    Content must come before the next heading of the same or a higher rank, with at most
    ``MAX_GAP`` characters of other text between. And the heading must not be the title
    of a box that closes before the content: a newsletter box's heading with its sign-up
    link, an author card's name with its links.
    """
    heading = page.headings[index]
    if heading.furniture:
        return False
    scope_end = len(page.text)
    for later in page.headings[index + 1 :]:
        if later.level <= heading.level:
            scope_end = later.start
            break
    position = bisect.bisect_left(anchors, heading.end)
    if position == len(anchors) or anchors[position] >= scope_end:
        return False
    first = anchors[position]
    if _other_text(page, heading.end, first) > MAX_GAP:
        return False
    box = None
    for ancestor in heading.ancestors:
        if page.spans[ancestor][1] > first:
            break
        box = page.spans[ancestor]
    return box is None or _other_text(page, *box) <= MAX_BOX_TEXT


def _other_text(page: PageText, start: int, end: int) -> int:
    """Characters of text between two offsets that are not in a heading."""
    inside = sum(
        min(h.end, end) - max(h.start, start)
        for h in page.headings
        if h.end > start and h.start < end
    )
    return max(0, end - start - inside - 2)


def without_boilerplate(blocks: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The blocks less the page furniture's headings ("Related articles", "Comments") and
    everything under them, up to the next heading of the same or a higher rank."""
    kept, dropping = [], 0  # dropping: the level of the heading being left out, or 0
    for level, text in blocks:
        if level and dropping and level <= dropping:
            dropping = 0
        if level and not dropping and BOILERPLATE_HEADINGS.fullmatch(normalise(text).strip()):
            dropping = level
        if not dropping:
            kept.append((level, text))
    return kept
