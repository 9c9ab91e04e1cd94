"""What the fast summarizers share: memoised stemming, sentence-term matrices, greedy ratings.

sumy stems every word afresh (a Snowball stem costs microseconds, and a long document has
a hundred thousand words) and keeps sentences as Python lists; here each distinct word is
stemmed once and sentences become rows of a sparse matrix for numpy and scipy.
"""

from __future__ import annotations

import weakref

import numpy as np
from scipy import sparse

#: Stems already computed, per stemmer object (a language's stemmer is shared by every
#: summarizer made for it, one per section); cleared when it grows past _MAX_STEMS.
_STEMS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_MAX_STEMS = 200_000


def _stems_of(stemmer, kind: str) -> dict:
    try:
        stems = _STEMS.setdefault(stemmer, {}).setdefault(kind, {})
    except TypeError:  # cannot be weakly referenced (a bound method): keep to this summarizer
        return {}
    if len(stems) > _MAX_STEMS:
        stems.clear()
    return stems


class MemoStemmer:
    """A stemmer that remembers its answers (a stemmer is a pure function of the word)."""

    def __init__(self, stemmer):
        self._stemmer = stemmer
        self._stems = _stems_of(stemmer, "stem")

    def __call__(self, word):
        try:
            return self._stems[word]
        except KeyError:
            stem = self._stems[word] = self._stemmer(word)
            return stem


class FastStemming:
    """Mixin for a sumy summarizer: the same constructor, with stemming done once per word."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._word_stems = _stems_of(self._stemmer, "word")
        self._stemmer = MemoStemmer(self._stemmer)

    def stem_word(self, word):
        try:
            return self._word_stems[word]
        except KeyError:
            stem = self._word_stems[word] = super().stem_word(word)
            return stem


def content_terms(summarizer, sentences, stop_words) -> list[list[str]]:
    """Each sentence's terms as sumy's ``_to_words_set`` makes them: lower-cased, minus stop
    words, stemmed (a list, in order, with repeats)."""
    terms: dict[str, str | None] = {}
    rows = []
    for sentence in sentences:
        row = []
        for word in sentence.words:
            try:
                term = terms[word]
            except KeyError:
                normal = summarizer.normalize_word(word)
                term = terms[word] = None if normal in stop_words else summarizer.stem_word(normal)
            if term is not None:
                row.append(term)
        rows.append(row)
    return rows


def count_matrix(rows: list[list[str]], vocabulary: dict[str, int] | None = None):
    """``(counts, vocabulary)``: a CSR matrix, one row per sentence and one column per term,
    holding how often each term occurs in each sentence (indices sorted, no duplicates)."""
    vocabulary = {} if vocabulary is None else vocabulary
    ids = [vocabulary.setdefault(term, len(vocabulary)) for row in rows for term in row]
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum([len(row) for row in rows], out=indptr[1:])
    counts = sparse.csr_matrix(
        (np.ones(len(ids)), np.asarray(ids, dtype=np.int64), indptr),
        shape=(len(rows), len(vocabulary)),
    )
    counts.sum_duplicates()
    return counts, vocabulary


def row_blocks(matrix, entries: int = 1 << 19):
    """``(rows, span)`` for consecutive blocks of a CSR matrix's rows, about ``entries``
    entries each: each entry's row, and the slice of ``data``/``indices`` it covers.

    Work on a similarity matrix of millions of entries goes block by block, so temporary
    arrays stay small and are reused instead of freshly mapped (and page-faulted) each time.
    """
    indptr = matrix.indptr
    n = matrix.shape[0]
    start = 0
    while start < n:
        end = int(np.searchsorted(indptr, indptr[start] + entries, side="right"))
        end = min(max(end - 1, start + 1), n)
        rows = np.repeat(np.arange(start, end), np.diff(indptr[start : end + 1]))
        yield rows, slice(int(indptr[start]), int(indptr[end]))
        start = end


def column_entries(csc, columns):
    """``(rows, values, which)``: the entries of the given columns of a CSC matrix, with the
    position in ``columns`` that each entry belongs to."""
    starts = csc.indptr[columns]
    lengths = csc.indptr[columns + 1] - starts
    total = int(lengths.sum())
    # Positions starts[k] .. starts[k] + lengths[k] - 1 for every k, as one vector.
    positions = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
    which = np.repeat(np.arange(len(columns)), lengths)
    return csc.indices[positions], csc.data[positions], which


class GreedyRatings:
    """sumy's ratings for greedy methods (KL-Sum, SumBasic), and when the top ones are settled.

    sumy rates the sentence removed in step k as ``-len(ratings)``, in a dict keyed by
    Sentence, which hashes by text: a repeated sentence shares one key, so removing a later
    copy overwrites the rating of all copies (and can tie them with another sentence). To
    pick the same sentences, the picks may be taken only once every sentence that can be
    among the best ``count`` has its final rating: a text's rating is final when its last
    copy is removed, and any rating given later is at most ``-len(ratings)``.
    """

    def __init__(self, sentences, count):
        self._sentences = sentences
        self._copies: dict = {}
        for sentence in sentences:
            self._copies[sentence] = self._copies.get(sentence, 0) + 1
        self._left = dict(self._copies)
        self.ratings: dict = {}
        self._settled = 0  # sentences whose text has its final rating
        self._settled_at_floor = 0  # ... of which rated -len(ratings), tying later ones
        # sumy's ItemsCount: a number is a slice end; a negative one or "10%" needs all ratings.
        number = int(count) if isinstance(count, (int, float)) else -1
        self._count = number if number >= 0 else None

    @property
    def done(self) -> bool:
        """Whether the best ``count`` sentences are known (never, for a ``"10%"`` count)."""
        return self._count is not None and self._settled - self._settled_at_floor >= self._count

    def remove(self, sentence) -> None:
        """Record the next sentence the greedy method takes, as sumy does."""
        ratings = self.ratings
        value = -len(ratings)
        if sentence not in ratings:
            self._settled_at_floor = 0  # every rating given so far is now above the floor
        ratings[sentence] = value
        self._left[sentence] -= 1
        if not self._left[sentence]:
            self._settled += self._copies[sentence]
            if value == -len(ratings):
                self._settled_at_floor += self._copies[sentence]

    def final(self) -> dict:
        """Ratings for every sentence: the settled ones, and minus infinity for the rest."""
        unsettled = float("-inf")
        return {s: self.ratings[s] if not self._left[s] else unsettled for s in self._sentences}
