"""LSA without the dense term-by-sentence matrix, its Python fill loop, or the SVD.

sumy's LsaSummarizer fills a dense words×sentences matrix in a Python double loop, runs a
full SVD and rates sentence j as ``sqrt(sum_i sigma_i**2 * v_ij**2)`` over the first
``max(MIN_DIMENSIONS, int(len(sigma) * REDUCTION_RATIO))`` dimensions. sumy's ratio is
1/1, so every dimension is kept, and then the rating is exactly the length of column j of
the matrix (A = U S V^T with U's columns orthonormal, so ``||S V^T e_j|| = ||A e_j||``).
This computes that length from the sentence's own words: every other cell of a non-empty
column holds the smoothing value 0.4.

Parity: sumy's ratings carry the SVD's rounding (about 1e-15 relative), so sentences whose
columns have the same length tie in exact arithmetic and sumy orders them by noise; here
they keep document order. If the reduction ratio is ever lowered, this falls back to the
SVD on the same matrix, built with numpy.
"""

from __future__ import annotations

import math
from warnings import warn

import numpy
from sumy.summarizers.lsa import LsaSummarizer

from ._common import FastStemming

_SMOOTH = 0.4  # sumy's _compute_term_frequency default


class FastLsaSummarizer(FastStemming, LsaSummarizer):
    """sumy's LsaSummarizer, picking the same sentences in a fraction of the time."""

    def __call__(self, document, sentences_count):
        self._ensure_dependecies_installed()
        dictionary = self._create_dictionary(document)
        if not dictionary:  # empty document
            return ()
        sentences = document.sentences
        words_count, sentences_count_ = len(dictionary), len(sentences)
        if words_count < sentences_count_:
            message = (
                "Number of words (%d) is lower than number of sentences (%d). "
                "LSA algorithm may not work properly."
            )
            warn(message % (words_count, sentences_count_), stacklevel=2)

        rows, cols, counts = self._counts(sentences, dictionary)
        dimensions = max(
            LsaSummarizer.MIN_DIMENSIONS,
            int(min(words_count, sentences_count_) * LsaSummarizer.REDUCTION_RATIO),
        )
        if dimensions >= min(words_count, sentences_count_):
            ranks = self._column_lengths(cols, counts, words_count, sentences_count_)
        else:
            matrix = numpy.zeros((words_count, sentences_count_))
            matrix[rows, cols] = counts
            matrix = self._smoothed(matrix)
            _u, sigma, v = numpy.linalg.svd(matrix, full_matrices=False)
            ranks = self._compute_ranks(sigma, v)
        ranks = iter(ranks)
        return self._get_best_sentences(sentences, sentences_count, lambda s: next(ranks))

    def _counts(self, sentences, dictionary):
        """sumy's ``_create_matrix`` as (word row, sentence column, count) triples.

        Like sumy, every word of the sentence is stemmed and looked up, stop words
        included: a stop word whose stem equals a dictionary stem counts.
        """
        cells: dict[tuple[int, int], int] = {}
        for col, sentence in enumerate(sentences):
            for word in map(self.stem_word, sentence.words):
                row = dictionary.get(word)
                if row is not None:
                    cells[row, col] = cells.get((row, col), 0) + 1
        rows = numpy.asarray([r for r, _ in cells], dtype=numpy.int64)
        cols = numpy.asarray([c for _, c in cells], dtype=numpy.int64)
        return rows, cols, numpy.asarray(list(cells.values()), dtype=float)

    @staticmethod
    def _smoothed(matrix):
        """sumy's ``_compute_term_frequency``: 0.4 + 0.6 * count / column max, in non-empty columns."""
        column_max = matrix.max(axis=0)
        filled = column_max != 0
        matrix[:, filled] = _SMOOTH + (1.0 - _SMOOTH) * (matrix[:, filled] / column_max[filled])
        return matrix

    @staticmethod
    def _column_lengths(cols, counts, words_count, sentences_count):
        """The length of each column of sumy's smoothed matrix, from its non-zero cells."""
        column_max = numpy.zeros(sentences_count)
        numpy.maximum.at(column_max, cols, counts)
        values = _SMOOTH + (1.0 - _SMOOTH) * (counts / column_max[cols])
        squares = numpy.bincount(cols, values * values, minlength=sentences_count).astype(float)
        cells = numpy.bincount(cols, minlength=sentences_count)
        squares += (words_count - cells) * (_SMOOTH * _SMOOTH)
        squares[cells == 0] = 0.0  # an empty column stays zero
        return [math.sqrt(s) for s in squares.tolist()]
