"""TextRank with a sparse word-overlap matrix instead of sumy's n² Python loop.

sumy's TextRankSummarizer rates every pair of sentences in Python (``list.count`` per
word) and runs the power method on a dense n×n matrix. The overlaps (the number of
common words, counted with repeats) are one sparse product of the sentence-term count
matrix; the dense damping term is a constant and is added to the product separately.

Parity: each pair's weight is computed as sumy does, ``overlap / (log len1 + log len2)``
with ``math.log``, or the overlap itself when both sentences are one word long, so the
weights are identical; the row normalisation (with sumy's 1e-7), damping and stopping
test follow sumy's. Only the order of additions differs, so scores agree to about 1e-15.
"""

from __future__ import annotations

import math

import numpy
from sumy.summarizers.text_rank import TextRankSummarizer

from ._common import FastStemming, content_terms, count_matrix, row_blocks


class FastTextRankSummarizer(FastStemming, TextRankSummarizer):
    """sumy's TextRankSummarizer, picking the same sentences in a fraction of the time."""

    def __call__(self, document, sentences_count):
        self._ensure_dependencies_installed()
        if not document.sentences:
            return ()
        ratings = self.rate_sentences(document)
        return self._get_best_sentences(document.sentences, sentences_count, ratings)

    def rate_sentences(self, document):
        weights, divisors = self._weights(document)
        ranks = self._power_method(weights, divisors, self.epsilon, self.damping)
        return {sent: rank for sent, rank in zip(document.sentences, ranks)}

    def _weights(self, document):
        """sumy's weight matrix before row normalisation (symmetric), and its row divisors."""
        words = content_terms(self, document.sentences, self._stop_words)
        counts, _ = count_matrix(words)
        overlaps = counts @ counts.T  # common words, counted with repeats
        log_lengths = numpy.asarray([math.log(len(w)) if w else 0.0 for w in words])
        for rows, span in row_blocks(overlaps):
            norm = log_lengths[rows] + log_lengths[overlaps.indices[span]]
            # sumy: overlap / norm, or the overlap when norm is 0 (two one-word sentences).
            norm[norm == 0.0] = 1.0
            overlaps.data[span] /= norm
        row_sums = overlaps @ numpy.ones(overlaps.shape[0])
        return overlaps, row_sums + self._ZERO_DIVISION_PREVENTION

    @staticmethod
    def _power_method(weights, divisors, epsilon, damping):
        """sumy's ``power_method`` on ``(1 - damping) / n + damping * weights / divisors``.

        Column j of the row-normalised matrix is row j of ``weights`` (which is symmetric)
        over each row's divisor, so no transpose is needed.
        """
        n = weights.shape[0]
        teleport = (1.0 - damping) / n
        p_vector = numpy.array([1.0 / n] * n)
        lambda_val = 1.0
        while lambda_val > epsilon:
            next_p = teleport * p_vector.sum() + damping * (weights @ (p_vector / divisors))
            lambda_val = numpy.linalg.norm(numpy.subtract(next_p, p_vector))
            p_vector = next_p
        return p_vector
