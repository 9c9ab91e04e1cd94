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
  introduction), and a fragment unreadable out of context (under ``MIN_WORDS`` words, a figure
  or table caption, "Scroll down for video") are taken only when their section has nothing else.

Sentences are picked greedily, best first, from sections whose budget is not yet spent, so
each section gets exactly its budget. Unsupervised, no model, a few sparse numpy passes.
"""

from __future__ import annotations

import re

from .language import Language
from .model import Document

#: Scale of the position prior, in sentences.
POSITION_DECAY = 1.0
#: Weight of the cosine to the title, against a position prior of 1 for a section's opening.
TITLE_WEIGHT = 2.0
#: Cosine above which a sentence counts as a near-copy of one already picked.
DUPLICATE_SIMILARITY = 0.5
#: Sentences with fewer words are fragments: "Table 2.", "More to follow."
MIN_WORDS = 5
#: What a fragment or a near-copy loses: more than any sentence can score, so it comes last.
LAST_RESORT = 10.0

_FRAGMENT = re.compile(r"^\s*(?:(?:figure|fig\.|table)\s*\d|scroll down for)", re.IGNORECASE)


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

    vectors = _TfIdf([_terms(s, language) for s in flat])
    score = np.exp(-position / POSITION_DECAY)
    score += TITLE_WEIGHT * vectors.cosine_to(vectors.vector(_terms(document.title, language)))
    score -= LAST_RESORT * np.array([_fragment(s) for s in flat])

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


def _fragment(sentence: str) -> bool:
    return len(sentence.split()) < MIN_WORDS or bool(_FRAGMENT.match(sentence))


def _terms(text: str, language: Language) -> list[str]:
    """Stemmed content words: what two sentences must share to be about the same thing."""
    stem, stop = language.stemmer, language.stop_words
    words = (w.lower() for w in language.to_words(text))
    return [_stem(stem, w) for w in words if w not in stop]


_STEMS: dict[tuple[int, str], str] = {}


def _stem(stemmer, word: str) -> str:
    key = (id(stemmer), word)
    stem = _STEMS.get(key)
    if stem is None:
        if len(_STEMS) > 200_000:
            _STEMS.clear()
        stem = _STEMS[key] = stemmer(word)
    return stem


class _TfIdf:
    """Unit TF-IDF rows of the document's sentences, kept sparse: one (row, column, weight) a cell."""

    def __init__(self, sentences: list[list[str]]):
        import numpy as np

        self.vocabulary: dict[str, int] = {}
        rows = [row for row, terms in enumerate(sentences) for _ in terms]
        cols = [
            self.vocabulary.setdefault(t, len(self.vocabulary))
            for terms in sentences
            for t in terms
        ]
        self.n, self.width = len(sentences), max(1, len(self.vocabulary))
        cells, tf = np.unique(
            np.array(rows, dtype=np.int64) * self.width + np.array(cols, dtype=np.int64),
            return_counts=True,
        )
        self.rows, self.cols = cells // self.width, cells % self.width
        self.idf = np.log((self.n + 1) / (np.bincount(self.cols, minlength=self.width) + 1)) + 1
        weights = tf * self.idf[self.cols]
        norms = np.sqrt(np.bincount(self.rows, weights=weights**2, minlength=self.n))
        self.weights = weights / np.where(norms == 0, 1, norms)[self.rows]
        self.starts = np.searchsorted(self.rows, np.arange(self.n + 1))  # cells are row-major

    def vector(self, terms: list[str]):
        """A unit TF-IDF vector over the document's vocabulary (unknown words are dropped)."""
        import numpy as np

        v = np.zeros(self.width)
        for term in terms:
            column = self.vocabulary.get(term)
            if column is not None:
                v[column] += self.idf[column]
        norm = np.linalg.norm(v)
        return v / norm if norm else v

    def cosine_to(self, v):
        """Each sentence's cosine to the unit vector ``v``."""
        import numpy as np

        return np.bincount(self.rows, weights=self.weights * v[self.cols], minlength=self.n)

    def cosine_to_row(self, row: int):
        """Each sentence's cosine to sentence ``row``."""
        import numpy as np

        cells = slice(self.starts[row], self.starts[row + 1])
        v = np.zeros(self.width)
        v[self.cols[cells]] = self.weights[cells]
        return self.cosine_to(v)
