"""The one multi-document picker: the key sentences across several items about a day or a story.

Used by a story's summary (``storybuild``) and by "the day in brief" (``highlights``). Items
repeat one another; what they repeat is what they are about. So a sentence matters when it
is close (TF-IDF cosine) to what the *other* items say (support across items), close to what
its own item says (central to it), and close to the items' titles. Each item counts as the
normalised sum of its sentences' unit vectors, so a long item weighs no more than a short
one. Sentences under ``min_words`` words (fragments, captions) or over ``max_words``
(run-ons, lists glued together) are taken only when nothing else is left. Maximal marginal
relevance then picks sentences one by one, each penalised by its similarity to those already
picked, and at most one per item until each item with a candidate has had its turn, so the
summary neither repeats itself nor hangs on one outlet. (A position prior, as in ``auto``,
lost on the development data: across items, support finds the point better than position.)

Continuing stories: ``memory`` holds the sentences sent in earlier briefings. A candidate
whose cosine to the closest of them exceeds ``repeat`` loses up to ``novelty`` (all of it at
cosine 1), so what was already sent comes last and the summary prefers what is new.

Everything is computed on sparse TF-IDF cells (no sentence-by-term or sentence-by-sentence
matrix), so a day of hundreds of items costs memory in proportion to its words.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.summarize.language import Language

#: What a sentence outside the preferred lengths loses: more than any score, so it is taken
#: only when the others run out.
LAST_RESORT = 10.0


@dataclass(frozen=True)
class PickSettings:
    """Weights of the picker; chosen on development data (docs/stories.md, docs/quality.md)."""

    support: float = 1.0
    own: float = 1.0
    title: float = 0.25
    mmr_lambda: float = 0.6
    min_words: int = 8
    max_words: int = 50
    novelty: float = 1.0
    repeat: float = 0.5
    one_per_item: bool = True


DEFAULT_SETTINGS = PickSettings()


@dataclass(frozen=True)
class Pick:
    """A picked sentence and the item (its index among the items given) it is from."""

    sentence: str
    item: int


def pick(
    items: Sequence[Sequence[str]],
    titles: Sequence[str],
    language: Language,
    count: int,
    memory: Sequence[str] = (),
    settings: PickSettings = DEFAULT_SETTINGS,
    *,
    allowed: Sequence[Sequence[bool]] | None = None,
) -> list[Pick]:
    """``count`` sentences across ``items`` (each a list of its sentences, in order), in order
    of importance; sentences in ``memory`` (already sent) count against a candidate.

    Every sentence of every item is scored (it says what its item is about); ``allowed`` (a
    flag per sentence, in the same order) says which may be picked at all.
    """
    import numpy as np

    from briefing.summarize.vectors import TfIdf, content_terms

    flat = [s for sentences in items for s in sentences]
    if not flat or count <= 0:
        return []
    owner = np.array([k for k, sentences in enumerate(items) for _ in sentences], dtype=int)
    vectors = TfIdf([content_terms(s, language) for s in flat])
    support, own = _item_cosines(vectors, owner, len(items))
    title = vectors.cosine_to(
        vectors.vector([t for x in titles for t in content_terms(x, language)])
    )
    score = settings.support * support + settings.own * own + settings.title * title
    length = np.array([len(s.split()) for s in flat])
    late = (length < settings.min_words) | (length > settings.max_words)
    score = np.where(late, score - LAST_RESORT, score)
    if memory:
        closest = np.zeros(len(flat))
        for sentence in memory:
            closest = np.maximum(
                closest, vectors.cosine_to(vectors.vector(content_terms(sentence, language)))
            )
        score -= (
            settings.novelty * np.maximum(0.0, closest - settings.repeat) / (1 - settings.repeat)
        )
    open_ = np.ones(len(flat), dtype=bool) if allowed is None else _flags(allowed)
    offered: set[str] = set()  # a sentence written twice (a pull quote, a syndicated line)
    for i, sentence in enumerate(flat):  # is offered once: its first allowed place
        if open_[i]:
            open_[i] = sentence not in offered
            offered.add(sentence)
    with_candidates = len(set(owner[open_].tolist()))
    chosen: list[int] = []
    closest = np.zeros(len(flat))  # similarity to the closest pick so far
    while len(chosen) < min(count, int(open_.sum())):
        value = settings.mmr_lambda * score - (1 - settings.mmr_lambda) * closest
        value[~open_] = -math.inf
        value[chosen] = -math.inf
        if settings.one_per_item:
            used = set(owner[chosen].tolist())
            if len(used) < with_candidates:
                value[np.isin(owner, list(used))] = -math.inf
        best = int(np.argmax(value))
        chosen.append(best)
        closest = np.maximum(closest, vectors.cosine_to_row(best))
    return [Pick(flat[i], int(owner[i])) for i in chosen]


def _flags(per_item: Sequence[Sequence[bool]]):
    import numpy as np

    return np.array([bool(f) for flags in per_item for f in flags], dtype=bool)


def _item_cosines(vectors, owner, items: int):
    """Each sentence's mean cosine to the *other* items, and its cosine to its own item.

    An item is the normalised sum of its sentences' unit vectors. Only two dot products per
    sentence are needed (with its own item, and with the sum of all items), so they are
    summed over the TF-IDF cells directly: no sentence-by-item matrix.
    """
    import numpy as np

    n = vectors.n
    cell_owner = owner[vectors.rows]
    # Each item's sum, at the terms its own sentences use: one value per (item, term).
    _, at = np.unique(cell_owner * vectors.width + vectors.cols, return_inverse=True)
    item_sum = np.bincount(at, weights=vectors.weights)
    first = np.zeros(len(item_sum), dtype=int)
    first[at] = np.arange(len(at))
    norms = np.sqrt(np.bincount(cell_owner[first], weights=item_sum**2, minlength=items))
    unit = item_sum / np.where(norms == 0, 1, norms)[cell_owner[first]]
    own = np.bincount(vectors.rows, weights=vectors.weights * unit[at], minlength=n)
    every = np.bincount(vectors.cols[first], weights=unit, minlength=vectors.width)
    to_all = np.bincount(vectors.rows, weights=vectors.weights * every[vectors.cols], minlength=n)
    if items < 2:
        return own, own
    return (to_all - own) / (items - 1), own
