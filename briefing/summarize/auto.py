"""``auto``, the default: each section's opening sentences, steered by the title, without repeats.

Measured on news and on scientific papers (docs/quality.md), the lead baseline beats every
sumy algorithm: writers put the point first, in a story and in each section. So ``auto``
starts from position and lets content move a pick only where the document says what matters:

- a position prior ``exp(-i / POSITION_DECAY)`` for the i-th sentence of its section (1, 0.37,
  0.14, ...): the opening wins unless something clearly better comes later;
- plus ``TITLE_WEIGHT`` times the sentence's cosine to the document's title (TF-IDF over
  the document's sentences, stemmed, stop words out): a sentence sharing half its weight with
  the title is worth as much as a section's opening;
- a near-copy of a sentence already picked, in any section (cosine above
  ``DUPLICATE_SIMILARITY``: a photo caption repeating the lede, a conclusion repeating the
  introduction), and a sentence that reads poorly out of context (``sentences.is_weak``:
  fewer than ``MIN_WORDS`` words, "Powers said."; a caption run behind "Scroll down for
  video") are taken only when their section has nothing else.

Fragments, captions, bylines and the like never reach it: ``split_sentences`` leaves them
out for every algorithm (``sentences.py``), with the same word count: under ``MIN_WORDS``
words a line is no sentence without final punctuation, and a weak one with it.

Sentences are picked greedily, best first, from sections whose budget is not yet spent, so
each section gets exactly its budget. Unsupervised, no model, a few sparse numpy passes.
"""

from __future__ import annotations

from briefing.model import Document
from briefing.summarize.language import Language
from briefing.summarize.sentences import is_weak
from briefing.summarize.vectors import TfIdf, content_terms

#: Scale of the position prior, in sentences.
POSITION_DECAY = 1.0
#: Weight of the cosine to the title, against a position prior of 1 for a section's opening.
TITLE_WEIGHT = 2.0
#: Cosine above which a sentence counts as a near-copy of one already picked.
DUPLICATE_SIMILARITY = 0.5
#: What a weak sentence or a near-copy loses: more than any sentence can score, so it comes last.
LAST_RESORT = 10.0


def choose(
    document: Document, sentences: list[list[str]], counts: list[int], language: Language
) -> list[list[int]]:
    """A ``DocumentPicker``: exactly ``min(count, len)`` indices per section, in order."""
    import numpy as np

    owner = np.array([k for k, section in enumerate(sentences) for _ in section], dtype=int)
    position = np.array([i for section in sentences for i in range(len(section))], dtype=int)
    flat = [s for section in sentences for s in section]
    need = [min(count, len(section)) for count, section in zip(counts, sentences)]
    if not any(need):
        return [[] for _ in sentences]

    vectors = TfIdf([content_terms(s, language) for s in flat])
    score = np.exp(-position / POSITION_DECAY)
    score += TITLE_WEIGHT * vectors.cosine_to(
        vectors.vector(content_terms(document.title, language))
    )
    score -= LAST_RESORT * np.array([is_weak(s) for s in flat])

    picks: list[list[int]] = [[] for _ in sentences]
    open_ = np.array([need[k] > 0 for k in owner])
    similarity = np.zeros(len(flat))  # to the closest sentence picked so far
    for _ in range(sum(need)):
        gain = np.where(similarity > DUPLICATE_SIMILARITY, score - LAST_RESORT, score)
        j = int(np.argmax(np.where(open_, gain, -np.inf)))
        section = owner[j]
        picks[section].append(int(position[j]))
        open_[j] = False
        if len(picks[section]) == need[section]:
            open_[owner == section] = False
        similarity = np.maximum(similarity, vectors.cosine_to_row(j))
    return [sorted(p) for p in picks]
