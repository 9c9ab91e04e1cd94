"""Sentences as TF-IDF vectors: what ``auto`` and "the day in brief" measure similarity with.

Terms are stemmed content words (stop words out), each distinct word stemmed once; rows
are unit TF-IDF vectors with smoothed idf, ``log((n + 1) / (df + 1)) + 1``, kept sparse.
"""

from __future__ import annotations

from briefing.summarize.language import Language


def content_terms(text: str, language: Language) -> list[str]:
    """Stemmed content words: what two sentences must share to be about the same thing.

    Remembered per sentence: "the day in brief" weighs again every sentence that ``auto``
    weighed while summarising its item (in a daily run, while pages were on their way)."""
    key = (text, language)
    terms = _TERMS.get(key)
    if terms is None:
        if len(_TERMS) > 50_000:
            _TERMS.clear()
        stem, stop = language.stem, language.stop_words
        words = (w.lower() for w in language.to_words(text))
        terms = _TERMS[key] = tuple(_stem(stem, w) for w in words if w not in stop)
    return list(terms)


_TERMS: dict[tuple[str, Language], tuple[str, ...]] = {}


_STEMS: dict[tuple[int, str], str] = {}


def _stem(stemmer, word: str) -> str:
    key = (id(stemmer), word)
    stem = _STEMS.get(key)
    if stem is None:
        if len(_STEMS) > 200_000:
            _STEMS.clear()
        stem = _STEMS[key] = stemmer(word)
    return stem


class TfIdf:
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

    def similarities(self):
        """The dense matrix of every sentence's cosine to every other (and 1 to itself)."""
        from scipy import sparse

        unit = sparse.csr_matrix((self.weights, (self.rows, self.cols)), shape=(self.n, self.width))
        return (unit @ unit.T).toarray()
