""" "The day in brief": the few sentences that matter most across a day's items.

A small multi-document summary. Candidates are the sentences each item's summary kept
(what the reader will find below) that read on their own: 5 to 60 words, ending in ``.``,
``!`` or ``?``, no caption or "Scroll down" line, not leaning on the sentence before
("However, ...", "She said ...") nor leaned on by the item's next pick, so that lifting it
out of its item leaves the item readable (``coherence``); the items' other sentences are
taken only when these run out. Each is scored against
*all* the sentences of the day's items (TF-IDF cosine, every sentence of every item, when
the documents are given):

- what the day is about: its mean similarity to the *other* items' sentences;
- what its item is about: its mean similarity to the rest of its own item, at half weight;

each scaled to at most 1 and added. Maximal marginal relevance then picks them one by one,
each penalised by its similarity to those already picked, and at most one per item until
every item with a candidate has had its turn. They are shown item by item, in the order
the items were first picked, each item's in its own order. A day of one item has no day
in brief: the item itself follows. Measured in docs/quality.md ("The day in brief").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.model import Document, DocumentDigest, Highlight
from briefing.summarize.auto import is_fragment
from briefing.summarize.coherence import leans_back
from briefing.summarize.language import Language

#: Weight of importance against redundancy in maximal marginal relevance.
MMR_LAMBDA = 0.7
#: Weight of what the item is about against what the day is about: the candidates are the
#: items' picks, which already carry their item's point, so the day counts double.
OWN_ITEM = 0.5
#: What a sentence the item did not pick loses: it is taken only when the picks run out.
SPARE = 10.0
#: A highlight is read at a glance; longer "sentences" are mostly captions run into the text.
MAX_WORDS = 60
#: A highlight is a whole sentence: it ends in terminal punctuation (closing quotes allowed).
_ENDS_A_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*$")


def day_in_brief(
    digests: Sequence[DocumentDigest],
    language: Language,
    count: int = 5,
    documents: Sequence[Document] | None = None,
) -> tuple[Highlight, ...]:
    """Pick ``count`` highlights across the digests: the items by importance, each item's
    highlights together and in document order.

    ``documents`` (one per digest, in the same order) lets the scores weigh every sentence
    of the day, not only the picks; without them the picks stand for their documents.
    """
    import numpy as np

    from briefing.summarize.document import split_sentences
    from briefing.summarize.vectors import TfIdf, content_terms

    if len(digests) < 2:
        return ()
    pools: list[list[str]] = []
    for index, digest in enumerate(digests):
        picks = [s for section in digest.sections for s in section.sentences]
        every = (
            [s for sec in documents[index].sections for s in split_sentences(sec, language)]
            if documents is not None
            else []
        )
        known = set(every)
        pools.append(every + [s for s in dict.fromkeys(picks) if s not in known])
    flat = [s for pool in pools for s in pool]
    owner = np.array([k for k, pool in enumerate(pools) for _ in pool], dtype=int)
    row = {(int(k), s): i for i, (k, s) in enumerate(zip(owner, flat))}
    # The items' picks first; the items' other sentences only when the picks run out.
    picked = [
        row[(k, s)]
        for k, digest in enumerate(digests)
        for section in digest.sections
        for s in _standalone(section.sentences)
    ]
    kept = [{s for section in digest.sections for s in section.sentences} for digest in digests]
    spare = [
        row[(k, s)]
        for k, pool in enumerate(pools)
        for s in _standalone(pool, lifted=False)
        if s not in kept[k]
    ]
    candidates = list(dict.fromkeys(picked + spare))
    if not candidates:
        return ()
    later = np.zeros(len(flat))
    later[spare] = SPARE
    vectors = TfIdf([content_terms(s, language) for s in flat])
    score = _importance(vectors, owner, len(pools)) - later
    chosen: list[int] = []
    items_with_candidates = {int(owner[i]) for i in candidates}
    closest = np.zeros(len(flat))  # similarity to the closest highlight so far
    while len(chosen) < min(count, len(candidates)):
        used = {int(owner[i]) for i in chosen}
        first_round = len(used) < len(items_with_candidates)
        best, best_value = -1, -np.inf
        for i in candidates:
            if i in chosen or (first_round and int(owner[i]) in used):
                continue
            value = MMR_LAMBDA * score[i] - (1 - MMR_LAMBDA) * closest[i]
            if value > best_value:
                best, best_value = i, value
        chosen.append(best)
        closest = np.maximum(closest, vectors.cosine_to_row(best))
    # Items in the order they were first picked; an item's highlights together, in its order.
    first = {}
    for i in chosen:
        first.setdefault(int(owner[i]), len(first))
    chosen.sort(key=lambda i: (first[int(owner[i])], i))
    return tuple(Highlight(flat[i], int(owner[i])) for i in chosen)


def _standalone(sentences: Sequence[str], lifted: bool = True) -> list[str]:
    """Sentences that read alone: whole, not leaning on the one before. With ``lifted`` (an
    item's picks, which a highlight leaves), also not leaned on by the next pick, so that
    the item stays readable without it."""
    return [
        s
        for i, s in enumerate(sentences)
        if _ENDS_A_SENTENCE.search(s)
        and not is_fragment(s)
        and len(s.split()) <= MAX_WORDS
        and not leans_back(s)
        and not (lifted and i + 1 < len(sentences) and leans_back(sentences[i + 1]))
    ]


def _importance(vectors, owner, items: int):
    """Mean similarity to the other items' sentences, plus to the rest of its own item.

    Only two dot products per sentence are needed (with its own item's mean, and with the
    sum of all items' means), so they are summed over the TF-IDF cells directly: no
    sentence-by-item matrix, which on a day of hundreds of items would be large.
    """
    import numpy as np

    n = vectors.n
    members = np.bincount(owner, minlength=items)
    cell_owner = owner[vectors.rows]
    share = vectors.weights / members[cell_owner]  # each cell's part of its item's mean
    # Each item's mean, at the terms its own sentences use: one value per (item, term).
    _, at = np.unique(cell_owner * vectors.width + vectors.cols, return_inverse=True)
    item_mean = np.bincount(at, weights=share)
    to_own = np.bincount(vectors.rows, weights=vectors.weights * item_mean[at], minlength=n)
    all_means = np.bincount(vectors.cols, weights=share, minlength=vectors.width)
    to_all = np.bincount(
        vectors.rows, weights=vectors.weights * all_means[vectors.cols], minlength=n
    )
    self_similarity = np.bincount(vectors.rows, weights=vectors.weights**2, minlength=n)
    own = to_own - self_similarity / members[owner]
    others = (to_all - to_own) / max(1, items - 1)
    return _scaled(others) + OWN_ITEM * _scaled(own)


def _scaled(score):
    top = score.max() if len(score) else 0.0
    return score / top if top > 0 else score
