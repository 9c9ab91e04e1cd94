"""Guards run on Markdown before the parser sees it: two shapes of text it handles badly.

Nesting. Python-Markdown parses nested lists and block quotes by recursion, and lxml keeps
about 255 levels of the HTML it makes: a text nested hundreds of levels deep costs
seconds, then loses its deepest text or exhausts Python's recursion limit. Nothing written
for people nests like that, so such a text is refused at once.

Brackets. From every ``[`` Python-Markdown looks for the end of a link, in time that grows
with the square of their number in a paragraph (10,000 take over a minute, found by
``bench/fuzz_readers.py``). In a paragraph with more than ``MAX_BRACKETS`` of them, they are
escaped (``\\[``), which shows the same text and starts no link.
"""

from __future__ import annotations

import re

from briefing.errors import InputError

#: Deepest nesting of lists and quotes read; a real document rarely goes past 5.
MAX_MARKDOWN_NESTING = 100
#: Most ``[`` in one paragraph parsed as possible links (a paragraph with 100 links is rare).
MAX_BRACKETS = 100

_INDENT = re.compile(r"[ \t]*")
_BLANK_LINE = re.compile(r"(\n[ \t]*\n)")
_BRACKET = re.compile(r"(?<!\\)\[")
#: A block-quote marker, or a list marker followed by a space.
_MARKER = re.compile(r"(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]))[ \t]*")


def markdown_depth(text: str, stop: int = MAX_MARKDOWN_NESTING) -> int:
    """The deepest nesting of list items and quotes in ``text`` (counting stops past ``stop``).

    A line's depth is its markers (``>``, ``-``, ``1.``) plus its indentation in steps of
    four columns, counted only on lines that carry a marker: an indented line alone is
    code or a continuation, not a new level.
    """
    deepest = 0
    for line in text.splitlines():
        indent = _INDENT.match(line).group()
        markers, position = 0, len(indent)
        while markers <= stop and (marker := _MARKER.match(line, position)):
            markers, position = markers + 1, marker.end()
        if markers:
            deepest = max(deepest, markers + len(indent.expandtabs(4)) // 4)
        if deepest > stop:
            break
    return deepest


def check_markdown_depth(text: str, source: str) -> None:
    """Raise an InputError when ``text`` nests deeper than ``MAX_MARKDOWN_NESTING``."""
    depth = markdown_depth(text)
    if depth > MAX_MARKDOWN_NESTING:
        raise InputError(
            f"{source}: lists or quotes nested more than {MAX_MARKDOWN_NESTING} levels deep; "
            "not read"
        )


def defuse_brackets(text: str) -> str:
    """``text`` with every ``[`` escaped in paragraphs that hold more than ``MAX_BRACKETS``."""
    if text.count("[") <= MAX_BRACKETS:
        return text
    return "".join(
        _BRACKET.sub(r"\\[", part) if part.count("[") > MAX_BRACKETS else part
        for part in _BLANK_LINE.split(text)
    )
