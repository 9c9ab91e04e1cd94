"""Stories: a day's items about the same event, grouped, conservatively.

Two items are alike when their words and their names agree (``storyvectors``: TF-IDF
cosines of content words and of entities, mixed by ``entity_weight``). Items are then
grouped bottom-up (``storycluster``): the two closest groups merge while they are close
enough, "close" being measured between whole groups, so a group cannot grow by a chain of
look-alikes. With ``linkage="centroid"`` (the default) two groups merge when the cosine of
their summed vectors reaches ``threshold`` and their mean similarity is at least
``floor``; with ``"average"``, when their mean similarity reaches ``threshold``. Then an
item left on its own joins the group whose centroid it is closest to, when that cosine
reaches ``attach`` and it shares ``min_shared_names`` names with the group's items taken
together: a report that names the mayor and another the port is still about the same
collapse when it reads like the story as a whole.

What keeps it conservative: two items that share fewer than ``min_shared_names`` names
count as unrelated (times ``unshared``), since reports of one event name the same people
and places, and two rulings of one court share only the court; an item with fewer than
``min_words`` content words (a teaser, a cookie notice) stays single, since it says too
little to tell which event it is about; items dated more than ``max_days_apart`` days
apart are never grouped (their similarity counts as -1). Single items stay single.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.assemble.storycluster import agglomerate, attach_singles
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
    attach: float = 0.16


DEFAULT_GROUPING = Grouping()


@dataclass(frozen=True)
class _Views:
    """What grouping computes once per day: which items say enough, their names, and their
    unit vectors (words and entities side by side, weighted so that a dot product of two
    rows is the pair's similarity before the gates)."""

    long_enough: list[bool]
    named: list[set[str]]
    vectors: object  # scipy CSR matrix, one row per item


def _views(items: Sequence[StoryItem], language: Language, grouping: Grouping) -> _Views:
    from scipy import sparse

    text = [words(item.text, language) for item in items]
    title = [words(item.title, language) for item in items]
    texts = [f"{item.title}.\n{item.text}" for item in items]
    word_vectors = unit_tfidf([Counter(t * grouping.title_weight + b) for t, b in zip(title, text)])
    blocks = [word_vectors * math.sqrt(1 - grouping.entity_weight)]
    if grouping.entity_weight:
        bags = unit_tfidf([Counter(entities(t, language)) for t in texts], sublinear=True)
        blocks.append(bags * math.sqrt(grouping.entity_weight))
    return _Views(
        [len(t) >= grouping.min_words for t in text],
        [set(names(t, language)) for t in texts] if grouping.min_shared_names else [],
        sparse.hstack(blocks).tocsr(),
    )


def similarities(
    items: Sequence[StoryItem], language: Language, grouping: Grouping = DEFAULT_GROUPING
) -> list[tuple[int, int, float]]:
    """The similarity of each pair of items that may belong together, ``(i, j, value)``
    with ``i < j``; every other pair counts as 0."""
    return _similarities(items, _views(items, language, grouping), grouping)


def _similarities(items, views: _Views, grouping: Grouping) -> list[tuple[int, int, float]]:
    import numpy as np

    long_enough, named = views.long_enough, views.named
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
    value = _dots(views.vectors, first, second)
    if grouping.min_shared_names:
        # Two reports of one event name the same people and places, not only the same
        # institution: without enough names in common, a pair counts for less.
        few = [shared_names(named[i], named[j]) < grouping.min_shared_names for i, j in candidates]
        value = np.where(few, value * grouping.unshared, value)
    days = [_day(item.date) for item in items]
    if grouping.max_days_apart is not None and any(days):
        apart = [_apart(days[i], days[j], grouping) for i, j in candidates]
        value = np.where(apart, -1.0, value)
    return [(i, j, float(v)) for (i, j), v in zip(candidates, value) if v]


def group_stories(
    items: Sequence[StoryItem], language: Language, grouping: Grouping = DEFAULT_GROUPING
) -> list[list[int]]:
    """Indices of the items, grouped by story; each group in order, groups by first index."""
    if not items:
        return []
    views = _views(items, language, grouping)
    groups = cluster(len(items), _similarities(items, views, grouping), grouping)
    if not grouping.attach:
        return groups
    days = [_day(item.date) for item in items]

    def related(i: int, group: list[int]) -> bool:
        if any(_apart(days[i], days[j], grouping) for j in group):
            return False
        if not grouping.min_shared_names:
            return True
        together = set().union(*(views.named[j] for j in group))
        return shared_names(views.named[i], together) >= grouping.min_shared_names

    return attach_singles(groups, views.vectors, views.long_enough, related, grouping.attach)


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


def _apart(a: dt.date | None, b: dt.date | None, grouping: Grouping) -> bool:
    """Both dated, and further apart than grouping allows."""
    days = grouping.max_days_apart
    return bool(days is not None and a and b and abs((a - b).days) > days)


def _day(date: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date[:10]) if date else None
    except ValueError:
        return None
