"""Continuing stories: does one of today's stories go on with a story of an earlier day?

A story is remembered by its *signature*: the ``SIGNATURE_TERMS`` heaviest of its content
words and names, weighted TF-IDF over the day's items (names marked with ``@``, so a name
and a word spelt alike stay apart), as a unit vector. Today's story continues an earlier
one when the cosine of their signatures reaches ``MATCH_THRESHOLD``; each earlier story is
continued by at most one of today's, the closest pair first.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

from briefing.assemble.storyvectors import entities, words
from briefing.summarize.language import Language

SIGNATURE_TERMS = 60
#: On the development days (DUC 2007 topics, sets A -> B -> C), a story and its own
#: continuation scored 0.25 to 0.62, two different topics at most 0.05: halfway.
MATCH_THRESHOLD = 0.15


def signatures(
    texts: Sequence[str], stories: Sequence[Sequence[int]], language: Language
) -> list[dict[str, float]]:
    """One signature per story (``stories``: indices into ``texts``, the day's items)."""
    bags = [
        Counter(words(t, language)) + Counter("@" + e for e in entities(t, language)) for t in texts
    ]
    df = Counter(term for bag in bags for term in bag)
    n = len(texts)
    out = []
    for members in stories:
        total = Counter()
        for i in members:
            total.update(bags[i])
        weights = {
            term: (1 + math.log(k)) * (math.log((n + 1) / (df[term] + 1)) + 1)
            for term, k in total.items()
        }
        top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:SIGNATURE_TERMS]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        out.append({term: round(w / norm, 4) for term, w in top})
    return out


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(term, 0.0) for term, w in a.items())


def match(
    today: Sequence[Mapping[str, float]],
    earlier: Sequence[Mapping[str, float]],
    threshold: float = MATCH_THRESHOLD,
) -> list[int | None]:
    """For each of today's signatures, the index of the earlier one it continues, or None."""
    pairs = sorted(
        ((cosine(t, e), i, j) for i, t in enumerate(today) for j, e in enumerate(earlier)),
        reverse=True,
    )
    found: list[int | None] = [None] * len(today)
    taken: set[int] = set()
    for value, i, j in pairs:
        if value < threshold:
            break
        if found[i] is None and j not in taken:
            found[i] = j
            taken.add(j)
    return found
