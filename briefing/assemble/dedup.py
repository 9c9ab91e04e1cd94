"""The same story syndicated with small edits appears once, with all its sources.

Near-duplicates are found by exact word shingling: two items are the same story when the
Jaccard similarity of their sets of word 5-grams is at least ``THRESHOLD``. A day's volume
(hundreds of items) makes the exact pairwise comparison cheap, so no sketching is needed.
"""

from __future__ import annotations

import re
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

    sizes = [len(s) for s in sets]
    for i in range(len(sets)):
        for j in range(i + 1, len(sets)):
            # Jaccard is at most the smaller set's size over the larger's: most pairs of a
            # day's items are ruled out by their sizes alone.
            low, high = sorted((sizes[i], sizes[j]))
            if high and low / high < threshold:
                continue
            if root(i) != root(j) and jaccard(sets[i], sets[j]) >= threshold:
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(texts)):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])
