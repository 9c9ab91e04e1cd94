"""LexRank with a sparse similarity matrix instead of sumy's n² Python cosine loop.

sumy's LexRankSummarizer computes the idf-modified cosine of every pair of sentences in
Python and counts each term's document frequency by scanning every sentence (quadratic
twice over). Here the sentences are rows of a sparse tf-idf matrix, the cosines of the
pairs that share a term come from one sparse product, and the power method runs on the
sparse 0/1 graph.

Parity: tf, idf and the threshold test follow sumy's formulas; idf is taken with
``math.log`` like sumy's, and a pair whose cosine is within 1e-9 of the threshold is
recomputed with sumy's own ``cosine_similarity`` so that the graph has the same edges. The
power method repeats sumy's steps (its normalisation, its stopping test, its division by
zero when no sentence is linked, which warns as sumy's does). Only the order of additions
differs, so scores agree to about 1e-15.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy
from scipy import sparse
from sumy.summarizers.lex_rank import LexRankSummarizer

from ._common import FastStemming, content_terms, count_matrix

_NEAR = 1e-9


class FastLexRankSummarizer(FastStemming, LexRankSummarizer):
    """sumy's LexRankSummarizer, picking the same sentences in a fraction of the time."""

    def __call__(self, document, sentences_count):
        self._ensure_dependencies_installed()
        sentences_words = content_terms(self, document.sentences, self._stop_words)
        if not sentences_words:
            return ()
        graph = self._graph(sentences_words)
        scores = self._power_method(graph, self.epsilon)
        ratings = dict(zip(document.sentences, scores))
        return self._get_best_sentences(document.sentences, sentences_count, ratings)

    def _graph(self, sentences_words):
        """The 0/1 matrix of sumy's ``_create_matrix`` before it divides rows by degree."""
        n = len(sentences_words)
        counts, vocabulary = count_matrix(sentences_words)
        # tf: count over the sentence's highest count (sumy's _compute_tf).
        rows = numpy.repeat(numpy.arange(n), numpy.diff(counts.indptr))
        row_max = numpy.zeros(n)
        numpy.maximum.at(row_max, rows, counts.data)
        tf = counts.data / row_max[rows]
        # idf: log(n / (1 + sentences with the term)), with math.log as sumy does.
        df = numpy.bincount(counts.indices, minlength=len(vocabulary))
        idf_values = [math.log(n / (1 + d)) for d in df.tolist()]
        weights = tf * numpy.asarray(idf_values)[counts.indices]
        norms = numpy.sqrt(numpy.bincount(rows, weights * weights, minlength=n))
        # Rows scaled to unit length, so one product gives every cosine; a sentence with
        # no weight keeps a zero row (sumy's similarity 0).
        scale = numpy.divide(1.0, norms, out=numpy.zeros(n), where=norms > 0)
        unit = sparse.csr_matrix(
            (weights * scale[rows], counts.indices, counts.indptr), shape=counts.shape
        )
        cosines = unit @ unit.T
        edge = cosines.data > self.threshold
        near = numpy.flatnonzero(
            (cosines.data > self.threshold - _NEAR) & (cosines.data < self.threshold + _NEAR)
        )
        if len(near):
            near_rows = numpy.searchsorted(cosines.indptr, near, side="right") - 1
            edge[near] = self._exact_edges(
                sentences_words, near_rows, cosines.indices[near], vocabulary, idf_values
            )
        kept = numpy.flatnonzero(edge)
        return sparse.csr_matrix(
            (
                numpy.ones(len(kept)),
                cosines.indices[kept],
                numpy.searchsorted(kept, cosines.indptr),
            ),
            shape=(n, n),
        )

    def _exact_edges(self, sentences_words, rows, cols, vocabulary, idf_values):
        """sumy's own threshold test for the given pairs, with sumy's tf and idf dicts."""
        idf_metrics = {term: idf_values[k] for term, k in vocabulary.items()}
        tf_metrics = {}
        for k in set(rows.tolist()) | set(cols.tolist()):
            terms = Counter(sentences_words[k])
            max_tf = self._find_tf_max(terms)
            tf_metrics[k] = {term: tf / max_tf for term, tf in terms.items()}
        return [
            self.cosine_similarity(
                sentences_words[r], sentences_words[c], tf_metrics[r], tf_metrics[c], idf_metrics
            )
            > self.threshold
            for r, c in zip(rows.tolist(), cols.tolist())
        ]

    @staticmethod
    def _power_method(graph, epsilon):
        """sumy's ``power_method`` on the graph with each row divided by its degree."""
        n = graph.shape[0]
        degrees = numpy.asarray(graph.sum(axis=1)).ravel()
        degrees[degrees == 0] = 1
        share = 1.0 / degrees  # sumy's matrix entry: 1.0 / degree of its row
        transposed = graph.T.tocsr()
        p_vector = numpy.array([1.0 / n] * n)
        lambda_val = 1.0
        while lambda_val > epsilon:
            next_p = transposed @ (share * p_vector)
            next_p /= numpy.linalg.norm(next_p)
            lambda_val = numpy.linalg.norm(numpy.subtract(next_p, p_vector))
            p_vector = next_p
        return p_vector
