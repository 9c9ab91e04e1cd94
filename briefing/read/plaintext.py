"""Plain text as people paste it: a title line, a lede, then headings standing alone on a line.

No library finds headings in unmarked text, so this is a small set of layout rules:

- A *heading* is one short line (at most ``MAX_HEADING_WORDS`` words) that starts a
  paragraph, starts with a capital letter or a digit, and does not end like a sentence
  (``.``, ``,``, ``;``, ``:``, or a closing quote). A line ending in ``?`` or ``!`` counts
  when it is in title case, or when a short question stands alone between blank lines
  with paragraphs around it ("What happens to the roads?"); a one-line question inside
  the running text is not a heading. ALL-CAPS lines and numbered lines (``2 Related
  Work``, ``3.1 Data``) are headings too; a numbered heading's depth follows its number.
- What papers and tables leave on a line of their own is text, never a heading: formula
  lines (``score(a) = max ...``), placeholders (``EQUATION``), table rows (numbers, ``|``,
  tabs), figure and table labels (``Table 2: Results``), lone numbers, garbled symbols.
- A line break ends a paragraph when the line ends a sentence, or when either side is a
  heading or a blank line, or, in text that is not hard-wrapped, when the line is shorter
  or longer than a wrapped line would be (``MIN_WRAP``, ``WRAP_WIDTH``); otherwise it is a
  hard wrap inside a paragraph and is joined.
- The first line is the title when the text is written one paragraph per line, or when
  it stands alone (followed by a blank line) and does not end with a period; in
  hard-wrapped prose it is just text.
"""

from __future__ import annotations

import re

from briefing.model import Document, Section

MAX_HEADING_WORDS = 14
MAX_HEADING_CHARS = 120
#: A first line this long or shorter, without a final stop, is the title of unwrapped text.
MAX_TITLE_WORDS = 30
#: A question in sentence case is a heading only when it stands alone and is this short.
MAX_QUESTION_WORDS = 12
#: Text wrapped at a fixed width wraps between 40 and 100 characters; in text that is not
#: hard-wrapped, a line shorter or longer than that is a paragraph of its own.
MIN_WRAP, WRAP_WIDTH = 40, 100

_SENTENCE_END = re.compile(r"""([.!?…:]["'”’»)\]]*|[a-z][.!?]\d{1,2})$""")
_NOT_HEADING_END = re.compile(r"""([.,;]|[.!?,;]["'”’»)\]]+)$""")
_QUOTE_START = re.compile(r"""^["'“‘„«(\[-]""")
_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+\S")
#: Formula characters, table separators, a footnote mark after a sentence's last word
#: ("determiners.9"), and two sentences on one line.
_NOT_A_TITLE = re.compile(r"[=<>≤≥≈∑∏√∈±×÷^{}|\\\t]|[a-z]\.\d{1,2}$|[a-z]{2}\. [A-Z]")
_LABEL = re.compile(
    r"^(fig(ure)?|tab(le)?|algorithm|listing|chart|plate|exhibit|eq(uation)?)\.?\s*[\dIVX]+\b",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(
    r"^[\[<(]?(equation|formula|math|figure|table|image|graphic|img|display)[\]>)]?$"
    r"|^@x\w+\d+$",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^[-+(]?\d[\d.,%)]*$")
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
        starts_paragraph = (
            not previous
            or previous_was_heading
            or _SENTENCE_END.search(previous)
            or (not wrapped and not MIN_WRAP < len(previous) <= WRAP_WIDTH)
        )
        following = lines[i + 1] if i + 1 < len(lines) else None
        alone = _stands_alone(lines, i) and bool(paragraphs or current)
        if starts_paragraph and _is_heading_here(line, following, wrapped, alone):
            depth = heading_level(line, alone)
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


def _stands_alone(lines: list[str], i: int) -> bool:
    """Whether line ``i`` has a blank line on each side and a paragraph after it."""
    if i == 0 or lines[i - 1] or i + 2 >= len(lines) or lines[i + 1]:
        return False
    after = next((line for line in lines[i + 2 :] if line), "")
    return bool(_SENTENCE_END.search(after)) or len(after.split()) > MAX_HEADING_WORDS


def _is_heading_here(line: str, following: str | None, wrapped: bool, alone: bool) -> bool:
    """Whether a line that starts a paragraph is a heading, given the line after it.

    ``following`` is None at the end of the text (trailing blank lines are already gone),
    where a short line is the last words of the text, not a heading. A line before one
    that starts in lower case is the start of a wrapped sentence, unless the text is not
    hard-wrapped and the line is shorter than a wrapped line would be: then it ends its
    paragraph whatever follows ("7 Experiments" before a line of formula). ``alone``: the
    line stands between blank lines, after text and before a paragraph.
    """
    if following is None or not heading_level(line, alone):
        return False
    if following[:1].islower() and (wrapped or MIN_WRAP < len(line) <= WRAP_WIDTH):
        return False  # the line is the start of a wrapped sentence
    if wrapped and following and not _is_strong_heading(line):
        return False  # in wrapped prose a plain heading stands between blank lines
    return True


def _is_strong_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(_NUMBERED.match(line)) or all(c.isupper() for c in letters)


def heading_level(line: str, alone: bool = False) -> int:
    """Return the heading depth of a standalone line (2 for a plain heading), or 0 if it is text.

    ``alone``: the line stands between blank lines with paragraphs around it, where a
    short question in sentence case is a heading too.
    """
    words = line.split()
    if len(words) > MAX_HEADING_WORDS or len(line) > MAX_HEADING_CHARS:
        return 0
    if _QUOTE_START.match(line) or _NOT_HEADING_END.search(line) or _is_not_a_title(line):
        return 0
    if not (line[0].isupper() or line[0].isdigit()):
        return 0
    letters = [c for c in line if c.isalpha()]
    all_caps = len(letters) > 1 and all(c.isupper() for c in letters)
    if line.endswith(":") and not all_caps:
        return 0  # "We compare the following baselines:" leads into a list
    numbered = _NUMBERED.match(line)
    if numbered:
        rest = line[numbered.end(1) :].lstrip(". ")
        if not rest[:1].isupper():
            return 0  # "3 is max 0", "2 for each document d": a formula or a list item
        return 1 + numbered.group(1).count(".") + 1
    if all_caps:
        return 2
    if line.endswith(("?", "!")) and not _is_title_case(words):
        return 2 if alone and len(words) <= MAX_QUESTION_WORDS else 0
    return 2


def _is_not_a_title(line: str) -> bool:
    """Formula lines, table rows, labels, placeholders, numbers and garbled symbols."""
    if _NOT_A_TITLE.search(line) or _LABEL.match(line) or _PLACEHOLDER.match(line):
        return True
    words = line.split()
    if not any(sum(c.isalpha() for c in word) >= 2 for word in words):
        return True  # "242", "x y": no word of two letters
    numbers = sum(bool(_NUMBER.match(word)) for word in words[1:])
    if numbers >= 2 and numbers * 3 > len(words):
        return True  # a table row: "SemMatch 53.29 49.11 54.67"
    if sum(len(word) == 1 for word in words) * 2 > len(words):
        return True  # "1 g z z hence i d 7"
    if line.count("?") > 1 or line.endswith(" ?") or line.count("(") > line.count(")"):
        return True  # "GEM(?) ? ?T", "Multinomial(?": characters lost in extraction
    numbered = _NUMBERED.match(line)
    visible = [c for c in line[numbered.end(1) if numbered else 0 :] if not c.isspace()]
    return sum(c.isalpha() for c in visible) < 0.6 * len(visible)


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
    # A long title with no final stop, in text written one paragraph per line.
    words = len(lines[0].split())
    return words <= MAX_TITLE_WORDS and not _is_hard_wrapped(lines) and lines[0][-1].isalnum()


def _is_hard_wrapped(lines: list[str]) -> bool:
    """True when most line breaks fall mid-sentence, as in text wrapped at a fixed width."""
    breaks = [a for a, b in zip(lines, lines[1:]) if a and b]
    if not breaks:
        return False
    mid_sentence = sum(1 for a in breaks if not _SENTENCE_END.search(a) and len(a) > MIN_WRAP)
    return mid_sentence > len(breaks) / 2
