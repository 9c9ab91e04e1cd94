"""Plain text as people paste it: a title line, a lede, then headings standing alone on a line.

No library finds headings in unmarked text, so this is a small set of layout rules:

- A *heading* is one short line (at most ``MAX_HEADING_WORDS`` words) that starts a
  paragraph, starts with a capital letter or a digit, and does not end like a sentence
  (``.``, ``,``, ``;``, or a closing quote). A line ending in ``?`` or ``!`` counts only when
  it is in title case, so a one-line question in the text is not taken for a heading.
  ALL-CAPS lines and numbered lines (``2 Related Work``, ``3.1 Data``) are headings too;
  a numbered heading's depth follows its number.
- A line break ends a paragraph when the line ends a sentence, or when either side is a
  heading or a blank line; otherwise it is a hard wrap inside a paragraph and is joined.
- The first line is the title when the text is written one paragraph per line, or when
  it stands alone (followed by a blank line) and does not end with a period; in
  hard-wrapped prose it is just text.
"""

from __future__ import annotations

import re

from briefing.model import Document, Section

MAX_HEADING_WORDS = 14
MAX_HEADING_CHARS = 120

_SENTENCE_END = re.compile(r"""[.!?…:]["'”’»)\]]*$""")
_NOT_HEADING_END = re.compile(r"""([.,;]|[.!?,;]["'”’»)\]]+)$""")
_QUOTE_START = re.compile(r"""^["'“‘„«(\[-]""")
_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+\S")
_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on onto or over per the to up via vs with".split()
)


def read(text: str, source: str) -> Document:
    """Split plain text into a title and sections (the lede first, with heading ``""``)."""
    lines = [line.strip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    start = next((i for i, line in enumerate(lines) if line), len(lines))
    lines = lines[start:]

    title = ""
    if len(lines) > 1 and _first_line_is_title(lines):
        title, lines = lines[0], lines[1:]

    sections: list[Section] = []
    heading, level, paragraphs, current = "", 0, [], []

    def end_paragraph() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    def end_section() -> None:
        end_paragraph()
        if heading or paragraphs:
            sections.append(Section(heading, level, tuple(paragraphs)))

    wrapped = _is_hard_wrapped(lines)
    previous = ""  # "" stands for a blank line or the start of the text
    previous_was_heading = False
    for i, line in enumerate(lines):
        if not line:
            end_paragraph()
            previous, previous_was_heading = "", False
            continue
        starts_paragraph = not previous or previous_was_heading or _SENTENCE_END.search(previous)
        following = lines[i + 1] if i + 1 < len(lines) else None
        if starts_paragraph and _is_heading_here(line, following, wrapped):
            depth = heading_level(line)
            end_section()
            heading, level, paragraphs = line, depth, []
            previous, previous_was_heading = line, True
            continue
        if starts_paragraph:
            end_paragraph()
        current.append(line)
        previous, previous_was_heading = line, False
    end_section()
    return Document(title=title, source=source, format="text", sections=tuple(sections))


def _is_heading_here(line: str, following: str | None, wrapped: bool) -> bool:
    """Whether a line that starts a paragraph is a heading, given the line after it.

    ``following`` is None at the end of the text (trailing blank lines are already gone),
    where a short line is the last words of the text, not a heading.
    """
    if following is None or not heading_level(line):
        return False
    if following[:1].islower():
        return False  # the line is the start of a wrapped sentence
    if wrapped and following and not _is_strong_heading(line):
        return False  # in wrapped prose a plain heading stands between blank lines
    return True


def _is_strong_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(_NUMBERED.match(line)) or all(c.isupper() for c in letters)


def heading_level(line: str) -> int:
    """Return the heading depth of a standalone line (2 for a plain heading), or 0 if it is text."""
    words = line.split()
    if len(words) > MAX_HEADING_WORDS or len(line) > MAX_HEADING_CHARS:
        return 0
    if _QUOTE_START.match(line) or _NOT_HEADING_END.search(line):
        return 0
    if not (line[0].isupper() or line[0].isdigit()):
        return 0
    numbered = _NUMBERED.match(line)
    if numbered:
        if not any(c.isalpha() for c in line[numbered.end(1) :]):
            return 0  # a bare number or a date is not a heading
        return 1 + numbered.group(1).count(".") + 1
    letters = [c for c in line if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        return 2
    if line.endswith(("?", "!")) and not _is_title_case(words):
        return 0
    return 2


def _is_title_case(words: list[str]) -> bool:
    content = [w for w in words if w[:1].isalpha() and w.lower() not in _SMALL_WORDS]
    return bool(content) and sum(w[0].isupper() for w in content) >= 0.75 * len(content)


def _first_line_is_title(lines: list[str]) -> bool:
    """The first line is a title unless it is a numbered heading or starts a wrapped paragraph."""
    if _NUMBERED.match(lines[0]) and heading_level(lines[0]):
        return False
    if not lines[1]:
        # Standing alone: a title, unless it reads as a sentence (a one-line lede).
        return not lines[0].endswith(".") or bool(heading_level(lines[0]))
    if _SENTENCE_END.search(lines[0]) or heading_level(lines[0]):
        return not _is_hard_wrapped(lines)
    return False


def _is_hard_wrapped(lines: list[str]) -> bool:
    """True when most line breaks fall mid-sentence, as in text wrapped at a fixed width."""
    breaks = [a for a, b in zip(lines, lines[1:]) if a and b]
    if not breaks:
        return False
    mid_sentence = sum(1 for a in breaks if not _SENTENCE_END.search(a) and len(a) > 40)
    return mid_sentence > len(breaks) / 2
