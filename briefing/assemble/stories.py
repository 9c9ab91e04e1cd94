"""Stories: a day's items about the same event, grouped, conservatively.

Two items are alike when their words and their names agree (``storyvectors``: TF-IDF
cosines of content words and of entities, mixed by ``entity_weight``). Items are then
grouped bottom-up (``storycluster``): the two closest groups merge while they are close
enough, "close" being measured between whole groups, so a group cannot grow by a chain of
look-alikes. With ``linkage="centroid"`` (the default) two groups merge when the cosine of
their summed vectors reaches ``threshold`` and their mean similarity is at least
``floor``; with ``"average"``, when their mean similarity reaches ``threshold``.

What keeps it conservative: two items that share fewer than ``min_shared_names`` names
count as unrelated (times ``unshared``), since reports of one event name the same people
and places, and two rulings of one court share only the court; an item with fewer than
``min_words`` content words (a teaser, a cookie notice) stays single, since it says too
little to tell which event it is about; items dated more than ``max_days_apart`` days
apart are never grouped (their similarity counts as -1). Single items stay single.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.assemble.storycluster import agglomerate
from briefing.assemble.storyvectors import entities, names, shared_names, unit_tfidf, words
from briefing.summarize.language import Language


@dataclass(frozen=True)
class StoryItem:
    """What grouping reads of an item: its title, its text and its date (YYYY-MM-DD...)."""

    title: str
    text: str
    date: str = ""


@dataclass(frozen=True)
class Grouping:
    """The grouping's settings; the defaults were chosen on development data (docs/stories.md)."""

    entity_weight: float = 0.3
    linkage: str = "centroid"
    threshold: float = 0.2
    floor: float = 0.04
    min_words: int = 30
    title_weight: int = 1
    max_days_apart: int = 2
    min_shared_names: int = 2
    unshared: float = 0.0


DEFAULT_GROUPING = Grouping()


def similarities(
    items: Sequence[StoryItem], language: Language, grouping: Grouping = DEFAULT_GROUPING
) -> list[tuple[int, int, float]]:
    """The similarity of each pair of items that may belong together, ``(i, j, value)``
    with ``i < j``; every other pair counts as 0."""
    import numpy as np

    text = [words(item.text, language) for item in items]
    title = [words(item.title, language) for item in items]
    texts = [f"{item.title}.\n{item.text}" for item in items]
    long_enough = [len(t) >= grouping.min_words for t in text]
    named = [set(names(t, language)) for t in texts] if grouping.min_shared_names else []
    if grouping.min_shared_names and not grouping.unshared:
        keys = [n | {name.split()[-1] for name in n} for n in named]
        candidates = _sharing(keys, long_enough)  # no name in common: similarity 0 anyway
    else:
        candidates = [(i, j) for i in range(len(items)) for j in range(i + 1, len(items))]
        candidates = [(i, j) for i, j in candidates if long_enough[i] and long_enough[j]]
    if not candidates:
        return []
    first = np.array([i for i, _ in candidates])
    second = np.array([j for _, j in candidates])
    word_vectors = unit_tfidf([Counter(t * grouping.title_weight + b) for t, b in zip(title, text)])
    value = (1 - grouping.entity_weight) * _dots(word_vectors, first, second)
    if grouping.entity_weight:
        bags = unit_tfidf([Counter(entities(t, language)) for t in texts], sublinear=True)
        value += grouping.entity_weight * _dots(bags, first, second)
    if grouping.min_shared_names:
        # Two reports of one event name the same people and places, not only the same
        # institution: without enough names in common, a pair counts for less.
        few = [shared_names(named[i], named[j]) < grouping.min_shared_names for i, j in candidates]
        value = np.where(few, value * grouping.unshared, value)
    days = [_day(item.date) for item in items]
    if grouping.max_days_apart is not None and any(days):
        apart = [
            bool(days[i] and days[j] and abs((days[i] - days[j]).days) > grouping.max_days_apart)
            for i, j in candidates
        ]
        value = np.where(apart, -1.0, value)
    return [(i, j, float(v)) for (i, j), v in zip(candidates, value) if v]


def group_stories(
    items: Sequence[StoryItem], language: Language, grouping: Grouping = DEFAULT_GROUPING
) -> list[list[int]]:
    """Indices of the items, grouped by story; each group in order, groups by first index."""
    if not items:
        return []
    return cluster(len(items), similarities(items, language, grouping), grouping)


def cluster(n: int, pairs, grouping: Grouping = DEFAULT_GROUPING) -> list[list[int]]:
    """Agglomerative grouping of ``n`` items over their pair similarities (``storycluster``)."""
    return agglomerate(n, pairs, grouping.linkage, grouping.threshold, grouping.floor)


def _sharing(keys: list[set[str]], allowed: list[bool]) -> list[tuple[int, int]]:
    """Pairs of allowed items with at least one key in common (by an inverted index)."""
    holders: dict[str, list[int]] = {}
    for i, item_keys in enumerate(keys):
        if allowed[i]:
            for key in item_keys:
                holders.setdefault(key, []).append(i)
    pairs = {
        (a, b) for group in holders.values() for x, a in enumerate(group) for b in group[x + 1 :]
    }
    return sorted(pairs)


def _dots(matrix, first, second):
    """Row-by-row dot products of ``matrix[first]`` and ``matrix[second]`` (sparse rows)."""
    import numpy as np

    out = np.zeros(len(first))
    for start in range(0, len(first), 2_000):
        rows = slice(start, start + 2_000)
        out[rows] = np.asarray(
            matrix[first[rows]].multiply(matrix[second[rows]]).sum(axis=1)
        ).ravel()
    return out


def _day(date: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date[:10]) if date else None
    except ValueError:
        return None
