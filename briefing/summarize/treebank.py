"""Penn Treebank word tokens, the same as nltk's ``TreebankWordTokenizer().tokenize``.

Why a copy: importing any nltk module runs nltk's package ``__init__``, which loads most of
nltk (about 0.2 s, half of ``briefing summarize``'s run), while this tokenizer is a dozen
regular expressions. ``tests/test_language_parity.py`` checks that it gives nltk's tokens on
real text, so sumy's algorithms, which read words through ``Language.to_words``, still see
what they saw with nltk's class.

Adapted from NLTK 3.10 ``nltk/tokenize/treebank.py`` and ``destructive.py`` (Copyright (C)
2001-2026 NLTK Project; authors Edward Loper, Michael Heilman, Tom Aarsen; Apache License,
Version 2.0), itself a port of Robert McIntyre's ``tokenizer.sed``. Changes: the stdlib
``re`` in place of nltk's ``redos`` wrapper (same patterns; the input is one sentence of at
most a few thousand characters), and only the default options (no parenthesis conversion).
"""

from __future__ import annotations

import re

_STARTING_QUOTES = (
    (re.compile(r"^\""), r"``"),
    (re.compile(r"(``)"), r" \1 "),
    (re.compile(r"([ \(\[{<])(\"|\'{2})"), r"\1 `` "),
)
_PUNCTUATION = (
    (re.compile(r"([:,])([^\d])"), r" \1 \2"),
    (re.compile(r"([:,])$"), r" \1 "),
    (re.compile(r"\.\.\."), r" ... "),
    (re.compile(r"[;@#$%&]"), r" \g<0> "),
    (re.compile(r'([^\.])(\.)([\]\)}>"\']*)\s*$'), r"\1 \2\3 "),  # the final period
    (re.compile(r"[?!]"), r" \g<0> "),
    (re.compile(r"([^'])' "), r"\1 ' "),
)
_PARENS_BRACKETS = (re.compile(r"[\]\[\(\)\{\}\<\>]"), r" \g<0> ")
_DOUBLE_DASHES = (re.compile(r"--"), r" -- ")
_ENDING_QUOTES = (
    (re.compile(r"''"), " '' "),
    (re.compile(r'"'), " '' "),
    (re.compile(r"([^' ])('[sS]|'[mM]|'[dD]|') "), r"\1 \2 "),
    (re.compile(r"([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) "), r"\1 \2 "),
)
# Robert MacIntyre's contractions ("cannot" -> "can not", "'tis" -> "'t is").
_CONTRACTIONS = tuple(
    re.compile(pattern)
    for pattern in (
        r"(?i)\b(can)(?#X)(not)\b",
        r"(?i)\b(d)(?#X)('ye)\b",
        r"(?i)\b(gim)(?#X)(me)\b",
        r"(?i)\b(gon)(?#X)(na)\b",
        r"(?i)\b(got)(?#X)(ta)\b",
        r"(?i)\b(lem)(?#X)(me)\b",
        r"(?i)\b(more)(?#X)('n)\b",
        r"(?i)\b(wan)(?#X)(na)(?=\s)",
        r"(?i) ('t)(?#X)(is)\b",
        r"(?i) ('t)(?#X)(was)\b",
    )
)


def tokenize(text: str) -> list[str]:
    """The Treebank tokens of ``text``: contractions split, punctuation apart."""
    for regexp, substitution in _STARTING_QUOTES + _PUNCTUATION:
        text = regexp.sub(substitution, text)
    for regexp, substitution in (_PARENS_BRACKETS, _DOUBLE_DASHES):
        text = regexp.sub(substitution, text)
    text = " " + text + " "
    for regexp, substitution in _ENDING_QUOTES:
        text = regexp.sub(substitution, text)
    for regexp in _CONTRACTIONS:
        text = regexp.sub(r" \1 \2 ", text)
    return text.split()
