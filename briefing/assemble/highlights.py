""" "The day in brief": the few sentences that matter most across all of a day's items.

Candidates are the sentences each item's summary kept. A sentence matters when it is
similar (TF-IDF cosine) to what the *other* items say (what the day is about), when it is
central to its own item (what the item is about), and when it opens its item (where news
and reports state their point). Maximal marginal relevance then picks them one by one,
each penalised by its similarity to those already picked, and at most one per item until
every item has had its turn, so the list does not repeat itself.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from briefing.model import DocumentDigest, Highlight
from briefing.summarize.language import Language
from briefing.summarize.vectors import TfIdf, content_terms

#: Weight of importance against redundancy in maximal marginal relevance.
MMR_LAMBDA = 0.7
#: Weight of an item's opening sentences (1 for the first, 1/2 for the second, ...).
LEAD_WEIGHT = 0.3


def day_in_brief(
    digests: Sequence[DocumentDigest], language: Language, count: int = 5
) -> tuple[Highlight, ...]:
    """Pick ``count`` (3 to 7) highlights across documents, in order of importance."""
    import numpy as np

    candidates = [
        (sentence, index)
        for index, digest in enumerate(digests)
        for section in digest.sections
        for sentence in section.sentences
    ]
    if not candidates:
        return ()
    similarity = TfIdf([content_terms(s, language) for s, _ in candidates]).similarities()
    owners = np.array([index for _, index in candidates])
    same = owners[:, None] == owners[None, :]
    # What the day is about: similarity to the other items' picks ...
    across = (similarity * ~same).sum(axis=1) / max(1, len(digests) - 1)
    # ... and what the item is about: similarity to the rest of its own picks.
    within = (similarity * same).sum(axis=1) - 1.0
    within /= np.maximum(1, same.sum(axis=1) - 1)
    # An item's first sentences usually state its point (news leads, report openings).
    seen_before = Counter()
    lead = np.zeros(len(candidates))
    for i, (_, owner) in enumerate(candidates):
        lead[i] = 1.0 / (1 + seen_before[owner])
        seen_before[owner] += 1
    score = across + within + LEAD_WEIGHT * lead
    chosen: list[int] = []
    used: set[int] = set()
    wanted = min(count, len(candidates))
    while len(chosen) < wanted:
        best, best_value = -1, -math.inf
        for i in range(len(candidates)):
            if i in chosen or (len(used) < len(digests) and owners[i] in used):
                continue
            redundancy = max((similarity[i, j] for j in chosen), default=0.0)
            value = MMR_LAMBDA * score[i] - (1 - MMR_LAMBDA) * redundancy
            if value > best_value:
                best, best_value = i, value
        if best < 0:
            break
        chosen.append(best)
        used.add(int(owners[best]))
    return tuple(Highlight(candidates[i][0], candidates[i][1]) for i in chosen)
