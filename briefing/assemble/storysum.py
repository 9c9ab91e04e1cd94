"""One summary per story: the key sentences across its items, each from the item it names.

A story's items repeat one another; what they repeat is what the story is about. So a
sentence matters when it is close (TF-IDF cosine) to what the *other* items say (support
across items), close to what its own item says (central to it), and close to the items'
titles. Sentences under ``min_words`` words (fragments, captions) or over ``max_words``
(run-ons, lists glued together) are taken only when nothing else is left. Maximal marginal
relevance then picks sentences one by one, each penalised by its similarity to those
already picked, and at most one per item until each item has had its turn, so the summary
neither repeats itself nor hangs on one outlet. (A position prior, as in ``auto``, lost
on the development data: across items, support finds the point better than position.)

Continuing stories: ``memory`` holds the sentences sent in earlier briefings of the story
(its summaries and its items' own summaries). A candidate whose cosine to the closest of
them exceeds ``repeat`` loses up to ``novelty`` (all of it at cosine 1), so what was
already sent comes last and the summary prefers what is new. This picker is separate
from "the day in brief", which chooses among items rather than within a story.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.summarize.language import Language
from briefing.summarize.vectors import TfIdf, content_terms


@dataclass(frozen=True)
class StorySettings:
    """Weights of the story summary; chosen on development data (docs/stories.md)."""

    support: float = 1.0
    own: float = 1.0
    title: float = 0.25
    mmr_lambda: float = 0.6
    min_words: int = 8
    max_words: int = 50
    novelty: float = 1.0
    repeat: float = 0.5
    one_per_item: bool = True


DEFAULT_SETTINGS = StorySettings()


@dataclass(frozen=True)
class Pick:
    """A sentence of the story's summary and the item (its index in the story) it is from."""

    sentence: str
    item: int


def summarize_story(
    items: Sequence[Sequence[str]],
    titles: Sequence[str],
    language: Language,
    count: int,
    memory: Sequence[str] = (),
    settings: StorySettings = DEFAULT_SETTINGS,
) -> list[Pick]:
    """``count`` sentences across ``items`` (each a list of its sentences, in order), in
    order of importance; sentences in ``memory`` (already sent) count against a candidate."""
    import numpy as np

    candidates = [(s, k) for k, sentences in enumerate(items) for s in sentences]
    if not candidates or count <= 0:
        return []
    terms = [content_terms(s, language) for s, _ in candidates]
    vectors = TfIdf(terms)
    n = len(candidates)
    owner = np.array([k for _, k in candidates])
    unit = _rows(vectors, n)
    item_vectors = np.zeros((len(items), unit.shape[1]))
    np.add.at(item_vectors, owner, unit)
    norms = np.linalg.norm(item_vectors, axis=1, keepdims=True)
    item_vectors /= np.where(norms == 0, 1, norms)
    by_item = unit @ item_vectors.T  # each sentence's cosine to each item
    own = by_item[np.arange(n), owner]
    if len(items) > 1:
        support = (by_item.sum(axis=1) - own) / (len(items) - 1)
    else:
        support = own
    title = unit @ vectors.vector([t for x in titles for t in content_terms(x, language)])
    score = settings.support * support + settings.own * own + settings.title * title
    length = np.array([len(s.split()) for s, _ in candidates])
    score = np.where(
        (length < settings.min_words) | (length > settings.max_words), score - 10.0, score
    )
    if memory:
        sent = np.array([vectors.vector(content_terms(s, language)) for s in memory])
        closest = (unit @ sent.T).max(axis=1)
        score -= (
            settings.novelty * np.maximum(0.0, closest - settings.repeat) / (1 - settings.repeat)
        )
    similarity = unit @ unit.T
    chosen: list[int] = []
    closest = np.zeros(n)
    wanted = min(count, n)
    while len(chosen) < wanted:
        value = settings.mmr_lambda * score - (1 - settings.mmr_lambda) * closest
        value[chosen] = -math.inf
        if settings.one_per_item:
            used = set(owner[chosen].tolist())
            if len(used) < len(items):
                value[np.isin(owner, list(used))] = -math.inf
        best = int(np.argmax(value))
        if value[best] == -math.inf:
            break
        chosen.append(best)
        closest = np.maximum(closest, similarity[best])
    return [Pick(candidates[i][0], candidates[i][1]) for i in chosen]


def _rows(vectors: TfIdf, n: int):
    """The first ``n`` unit TF-IDF rows as a dense array."""
    import numpy as np

    dense = np.zeros((n, vectors.width))
    keep = vectors.rows < n
    dense[vectors.rows[keep], vectors.cols[keep]] = vectors.weights[keep]
    return dense
