"""The same story syndicated with small edits appears once, with all its sources.

Near-duplicates are found by exact word shingling: two items are the same story when the
Jaccard similarity of their sets of word 5-grams is at least ``THRESHOLD``. A day's volume
(hundreds of items) makes the exact pairwise comparison cheap, so no sketching is needed.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

THRESHOLD = 0.8
SHINGLE = 5
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> frozenset[int]:
    """Hashes of the text's word ``size``-grams, lower-cased, punctuation ignored."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return frozenset({hash(tuple(words))}) if words else frozenset()
    return frozenset(hash(tuple(words[i : i + size])) for i in range(len(words) - size + 1))


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)  # the union's size, without building it


def group_near_duplicates(texts: Sequence[str], threshold: float = THRESHOLD) -> list[list[int]]:
    """Group indices of texts that are near-duplicates; each group keeps its first index first."""
    sets = [shingles(t) for t in texts]
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _candidates(sets, threshold):
        if root(i) != root(j) and jaccard(sets[i], sets[j]) >= threshold:
            parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(texts)):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def _candidates(sets: list[frozenset], threshold: float) -> list[tuple[int, int]]:
    """The pairs ``(i, j)``, ``i < j``, that may be similar enough, in order.

    Prefix filtering, exact: with each set's shingles in one order (rarest in the day
    first), two sets whose Jaccard similarity reaches ``threshold`` share a shingle among
    the first ``len - floor(threshold * len) + 1`` of each. So a day's hundreds of items
    are compared in pairs only when they share a rare phrase, not all with all.
    """
    if threshold <= 0:
        return [(i, j) for i in range(len(sets)) for j in range(i + 1, len(sets))]
    frequency = Counter(shingle for s in sets for shingle in s)
    holders: dict[int, list[int]] = {}
    pairs: set[tuple[int, int]] = set()
    for j, s in enumerate(sets):
        length = len(s) - math.floor(threshold * len(s)) + 1
        shared = [x for x in s if frequency[x] > 1]
        if len(s) - len(shared) >= length:
            continue  # its prefix holds only shingles no other item has
        shared.sort(key=lambda x: (frequency[x], x))
        for shingle in shared[: length - (len(s) - len(shared))]:
            pairs.update((i, j) for i in holders.get(shingle, ()))
            holders.setdefault(shingle, []).append(j)
    return sorted(pairs)
