"""What two items about one event share: distinctive words, and names, places and figures.

Stories are grouped on two views of each item. *Words*: the stemmed content words of its
title and text, as TF-IDF (idf over the day's items, so what every item says weighs
little). *Entities*: the capitalised names in running text ("Harbour Board", "Kenya"),
with each word of a many-word name counted too (so "Trump" meets "Donald Trump"), plus
numbers with their units ("48 million", "14 months", "6.1 magnitude") and years; weighted
the same way, with sublinear term frequency so one name repeated does not drown the rest.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from briefing.summarize.language import Language

_LETTERS = re.compile(r"[^\W\d_]+")
#: Capital letters of the supported languages (Latin-1 and Czech).
_UPPER = "A-ZÀ-ÖØ-ÞČĎĚŇŘŠŤŮŽ"
_CAPITALISED = rf"(?:(?:[{_UPPER}]\.){{2,}}|[{_UPPER}][\w'’-]*)"
#: A capitalised word (or initials, "U.S."), and runs of them on one line, joined by
#: spaces or a few lower-case particles ("Port of Elmstead").
_NAME = re.compile(
    rf"(?<![\w'’.]){_CAPITALISED}(?:[ \t]+(?:(?:of|de|la|van|von|der|al|bin|the)[ \t]+)?{_CAPITALISED})*"
)
#: Capitalised in English yet no names: they say when, not who or where.
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december".split()
)
#: What comes right before a sentence's first word: its capital says nothing.
_OPENING = re.compile(r"(?:^|[.!?:]['\"”’)]*\s+|\n\s*|[\"“‘(—-]\s*)$")
_NUMBER = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)(?:\s*(%|[^\W\d_]+))?")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_STEMS: dict[str, dict[str, str]] = {}


def words(text: str, language: Language, limit: int | None = None) -> list[str]:
    """Stemmed content words, lower-cased, stop words out; the first ``limit`` words only."""
    found = [w.lower() for w in _LETTERS.findall(text)]
    if limit is not None:
        found = found[:limit]
    stop, stems = language.stop_words, _STEMS.setdefault(language.language, {})
    if len(stems) > 200_000:
        stems.clear()
    out = []
    for word in found:
        if len(word) > 1 and word not in stop:
            stem = stems.get(word)
            if stem is None:
                stem = stems[word] = language.stemmer(word)
            out.append(stem)
    return out


def names(text: str, language: Language) -> list[str]:
    """The names in running text, lower-cased: runs of capitalised words, less a sentence's
    first word when it is an ordinary word ("The", or one also written in lower case)."""
    stop = language.stop_words
    lower_words = set(re.findall(r"(?<![\w'’])[a-z][\w'’-]*", text))
    found = []
    for match in _NAME.finditer(text):
        parts = match[0].split()
        start = match.start()
        opening = start == 0 or _OPENING.search(text[max(0, start - 4) : start])
        if opening and (parts[0].lower() in stop or parts[0].lower() in lower_words):
            parts = parts[1:]
        while parts and parts[0].lower() in stop:
            parts = parts[1:]
        name = " ".join(parts).lower().rstrip(".")
        if name and name not in _CALENDAR:
            found.append(name)
    return found


def entities(text: str, language: Language) -> list[str]:
    """Names, each word of a many-word name, figures with units, and years."""
    stop = language.stop_words
    found = []
    for name in names(text, language):
        found.append(name)
        parts = name.split()
        if len(parts) > 1:
            found.extend(p for p in parts if p not in stop and p not in _CALENDAR)
    for match in _NUMBER.finditer(text):
        number, unit = match[1].replace(",", ""), (match[2] or "").lower()
        if _YEAR.match(number):
            found.append(number)
        elif unit and unit not in stop:
            found.append(f"{number} {unit}")
    return found


def shared_names(a: set[str], b: set[str]) -> int:
    """How many names two items share, a surname alone ("Falk") matching the full name
    ("Ingrid Falk"), and a shared full name counted once, not again for its last word."""
    phrases = a & b
    last = {name.split()[-1] for name in a} & {name.split()[-1] for name in b}
    return len(phrases) + len(last - {name.split()[-1] for name in phrases})


def unit_tfidf(counts: Sequence[Counter], sublinear: bool = False):
    """Rows of unit TF-IDF vectors (a scipy CSR matrix) with idf over these rows."""
    import numpy as np
    from scipy import sparse

    df = Counter(term for row in counts for term in row)
    n = len(counts)
    columns = {term: i for i, term in enumerate(df)}
    idf = {term: math.log((n + 1) / (k + 1)) + 1 for term, k in df.items()}
    data, rows, cols = [], [], []
    for r, row in enumerate(counts):
        for term, k in row.items():
            tf = 1 + math.log(k) if sublinear else k
            data.append(tf * idf[term])
            rows.append(r)
            cols.append(columns[term])
    matrix = sparse.csr_matrix((data, (rows, cols)), shape=(n, max(1, len(columns))))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    return sparse.diags(1 / np.where(norms == 0, 1, norms)) @ matrix
