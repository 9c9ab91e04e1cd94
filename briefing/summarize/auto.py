"""``auto``, the default: where a sentence stands, what it shares with the title, how central it is.

Each sentence gets one score, a sum of signals any document carries (weights in ``Weights``,
chosen on one half of each development set, docs/quality.md):

- **position** in its section, ``exp(-i)`` (1, 0.37, 0.14, ...): writers put the point first;
- **title**: twice its TF-IDF cosine to the document's title;
- **centrality across sections** (``centrality.across_sections``): what the introduction or the
  conclusion says that the other sections develop; zero for a one-section document;
- **centrality within its section** (``centrality.within_sections``), counted only in long
  sections (from 20 sentences, in full from 100): in a news story the opening beats the
  most-repeated sentence, in a long text without headings it does not;
- **place of its section**: the first and last sections (introduction, conclusion) over the
  middle ones; and **the heading's name**: Introduction, Conclusion, Summary, Discussion up,
  Acknowledgements, References, Appendix down;
- fragments ("Table 2.", "Scroll down for video") and near-copies of a sentence already
  picked (cosine above 0.5) come last.

Sentences are then picked greedily, best first. Given a whole-document budget (``total``),
they may come from any section; otherwise each section gets exactly its budget. A sentence
that leans on the one before ("She said ...", "However, ...") is taken together with that
sentence when the budget allows, and otherwise yields to the other candidates
(``coherence``). Unsupervised, no model: sparse numpy passes over the document's own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.model import Document
from briefing.summarize.coherence import leans_back
from briefing.summarize.language import Language
from briefing.summarize.sentences import is_weak
from briefing.summarize.vectors import TfIdf, content_terms

#: What a fragment, a near-copy or a sentence cut from its antecedent loses: more than any
#: sentence can score, so it comes last.
LAST_RESORT = 100.0

_FRAGMENT = re.compile(r"^\s*(?:(?:figure|fig\.|table)\s*\d|scroll down for)", re.IGNORECASE)
_KEY_HEADING = re.compile(r"introduc|conclu|summary|discussion|abstract|overview|background", re.I)
_BACK_MATTER = re.compile(
    r"acknowledg|reference|bibliograph|appendix|related work|previous work|further reading|"
    r"see also",
    re.I,
)


@dataclass(frozen=True)
class Weights:
    """The weight of each signal; ``WEIGHTS`` is what ``auto`` uses, the others are ablations."""

    position_decay: float = 1.0
    title: float = 2.0
    across: float = 3.0
    within: float = 1.0
    #: Section lengths (sentences) over which centrality within the section fades in.
    within_from: int = 20
    within_full: int = 100
    section_place: float = 0.5
    heading: float = 1.0
    #: Cosine above which a sentence counts as a near-copy of one already picked.
    duplicate: float = 0.5
    coherent: bool = True


WEIGHTS = Weights()


def choose(
    document: Document,
    sentences: list[list[str]],
    counts: list[int],
    language: Language,
    total: int | None = None,
    weights: Weights = WEIGHTS,
) -> list[list[int]]:
    """A ``DocumentPicker``: per section, sorted indices of the picked sentences.

    Without ``total``, exactly ``min(count, len)`` per section; with it, ``total`` sentences
    (at most all of them) from wherever they score best.
    """
    flat = [s for section in sentences for s in section]
    if total is None:
        need = [min(count, len(section)) for count, section in zip(counts, sentences)]
        wanted = sum(need)
    else:
        need, wanted = None, min(total, len(flat))
    if not wanted:
        return [[] for _ in sentences]
    vectors = TfIdf([content_terms(s, language) for s in flat])
    score = scores(document, sentences, vectors, language, weights)
    return pick(sentences, vectors, score, need, wanted, weights)


def scores(document: Document, sentences, vectors: TfIdf, language: Language, weights=WEIGHTS):
    """Each sentence's score (flat, in document order): the weighted sum of the signals."""
    import numpy as np

    from briefing.summarize.centrality import (
        across_sections,
        boundary_distance,
        within_sections,
    )

    owner = np.array([k for k, section in enumerate(sentences) for _ in section], dtype=int)
    position = np.array([i for section in sentences for i in range(len(section))], dtype=int)
    size = np.array([len(sentences[k]) for k in owner], dtype=int)
    score = np.exp(-position / weights.position_decay)
    if weights.title and document.title:
        title = vectors.vector(content_terms(document.title, language))
        score += weights.title * vectors.cosine_to(title)
    if weights.across:
        score += weights.across * across_sections(vectors, owner, len(sentences))
    if weights.within:
        fade = np.clip(
            (size - weights.within_from) / (weights.within_full - weights.within_from), 0, 1
        )
        if fade.any():
            score += weights.within * fade * within_sections(vectors, owner, position, size)
    place = np.exp(-boundary_distance(np.arange(len(sentences)), len(sentences)))
    score += weights.section_place * place[owner]
    kind = np.array([_heading_kind(section.heading) for section in document.sections] or [0.0])
    score += weights.heading * kind[owner]
    score -= LAST_RESORT * np.array([is_fragment(s) for section in sentences for s in section])
    return score


def pick(sentences, vectors: TfIdf, score, need, wanted: int, weights: Weights = WEIGHTS):
    """Greedy, best first: near-copies last; a sentence leaning back comes with its antecedent.

    ``need`` is the exact count per section, or ``None`` to take ``wanted`` from anywhere.
    """
    import numpy as np

    owner = np.array([k for k, section in enumerate(sentences) for _ in section], dtype=int)
    position = np.array([i for section in sentences for i in range(len(section))], dtype=int)
    leaning = np.array([leans_back(s) for section in sentences for s in section], dtype=bool)
    leaning &= position > 0  # the first sentence of a section has nothing before it
    n = len(owner)
    picked = np.zeros(n, dtype=bool)
    left = np.array(need if need is not None else [])  # per section, when budgets are fixed
    similarity = np.zeros(n)  # to the closest sentence picked so far
    taken = 0
    while taken < wanted:
        room = left[owner] if need is not None else np.full(n, wanted - taken)
        gain = np.where(similarity > weights.duplicate, score - LAST_RESORT, score)
        value = np.where(~picked & (room > 0), gain, -np.inf)
        pair = np.zeros(n, dtype=bool)
        if weights.coherent:
            cut = leaning & ~picked & ~np.roll(picked, 1)  # the sentence before is not picked
            # Bring the antecedent along if there is room and it does not lean back itself.
            pair = cut & (room >= 2) & ~np.roll(cut, 1)
            together = np.minimum(gain, np.roll(gain, 1))
            value = np.where(cut, np.where(pair, together, value - LAST_RESORT), value)
        j = int(np.argmax(value))
        if value[j] == -np.inf:
            break
        for i in (j - 1, j) if pair[j] else (j,):
            picked[i] = True
            taken += 1
            if need is not None:
                left[owner[i]] -= 1
            similarity = np.maximum(similarity, vectors.cosine_to_row(i))
    return [sorted(int(i) for i in position[(owner == k) & picked]) for k in range(len(sentences))]


def _heading_kind(heading: str) -> float:
    """+1 for a heading that announces the point (Introduction, Conclusion), -1 for back matter."""
    if _BACK_MATTER.search(heading):
        return -1.0
    return 1.0 if _KEY_HEADING.search(heading) else 0.0


def is_fragment(sentence: str) -> bool:
    """Too short, or a caption or page furniture: unreadable out of context."""
    return is_weak(sentence) or bool(_FRAGMENT.match(sentence))
