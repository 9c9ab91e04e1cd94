"""SumBasic with one vector update per step instead of re-rating every sentence in Python.

sumy's SumBasicSummarizer takes sentences greedily by the mean probability of their words,
squaring the probabilities of the words it has taken; each step re-averages every remaining
sentence in Python. Here the sentences' probability sums are a vector, a step changes only
the sums of sentences sharing a word with the sentence taken, and the loop stops once the
best ``sentences_count`` are settled (see ``GreedyRatings``).

Parity: every sum carries a bound on its rounding error; when the best mean is not clear
of the others by that bound, the candidates are re-averaged exactly as sumy does (same
word order, same ``sum``), and the first of the highest is taken, as sumy's strict ``>``
does. sumy's quirks are kept: a word repeated in a taken sentence is squared once per
occurrence, and repeated sentences share one rating.
"""

from __future__ import annotations

import numpy as np
from sumy.summarizers.sum_basic import SumBasicSummarizer

from ._common import FastStemming, GreedyRatings, column_entries, content_terms, count_matrix

# Relative rounding error allowed per word added into a sum (a few machine epsilons).
_ROUNDING = 4e-15


class FastSumBasicSummarizer(FastStemming, SumBasicSummarizer):
    """sumy's SumBasicSummarizer, picking the same sentences in a fraction of the time."""

    def __call__(self, document, sentences_count):
        sentences = document.sentences
        greedy = GreedyRatings(sentences, sentences_count)
        if sentences and not greedy.done:
            _Greedy(self, sentences).run(greedy)
        return self._get_best_sentences(document.sentences, sentences_count, greedy.final())


class _Greedy:
    def __init__(self, summarizer: SumBasicSummarizer, sentences):
        self.summarizer = summarizer
        self.sentences = sentences
        self.contents = content_terms(summarizer, sentences, summarizer.stop_words)
        counts, self.ids = count_matrix(self.contents)
        # sumy's document probabilities, as a dict in its order (for exact re-averaging)
        # and as a vector.
        all_words = [w for c in self.contents for w in c]
        freq = summarizer._compute_word_freq(all_words)
        self.word_freq = {w: count / len(all_words) for w, count in freq.items()}
        self.p = np.zeros(len(self.ids))
        for word, freq in self.word_freq.items():
            self.p[self.ids[word]] = freq
        self.counts = counts
        self.by_word = counts.tocsc()
        self.by_word.sort_indices()
        self.lengths = np.asarray([len(c) for c in self.contents], dtype=float)
        self.divisor = np.maximum(self.lengths, 1.0)
        self.sums = counts @ self.p
        self.fresh_error = _ROUNDING * (1.0 + self.lengths)
        self.error = self.fresh_error * self.sums
        groups: dict[tuple, int] = {}
        self.group = np.asarray([groups.setdefault(tuple(c), len(groups)) for c in self.contents])

    def run(self, greedy: GreedyRatings) -> None:
        self.alive = np.ones(len(self.sentences), dtype=bool)
        for _ in range(len(self.sentences)):
            if not self.sums[self.alive].any() and not self.error[self.alive].any():
                # Every word left has probability 0 (squared into underflow): each step
                # now changes nothing, and sumy takes the rest in document order.
                for i in np.flatnonzero(self.alive).tolist():
                    greedy.remove(self.sentences[i])
                    if greedy.done:
                        return
                return
            best = self.best()
            self.alive[best] = False
            greedy.remove(self.sentences[best])
            if greedy.done:
                return
            self.step(best)

    def best(self) -> int:
        while True:
            low = np.where(self.alive, (self.sums - self.error) / self.divisor, -np.inf)
            high = np.where(self.alive, (self.sums + self.error) / self.divisor, -np.inf)
            near = np.flatnonzero(high >= low.max())
            if len(near) == 1:
                return int(near[0])
            stale = self.error[near] > self.fresh_error[near] * self.sums[near]
            if not stale.any():
                return self.settle(near)
            rows = near[stale]
            self.sums[rows] = self.counts[rows] @ self.p
            self.error[rows] = self.fresh_error[rows] * self.sums[rows]

    def settle(self, near) -> int:
        """Which of nearly tied sentences sumy takes: the first with the exactly highest mean."""
        groups = self.group[near]
        if (groups == groups[0]).all():  # the same words in the same order: the same mean
            return int(near[0])
        average = self.summarizer._compute_average_probability_of_words
        exact: dict[int, float] = {}
        for i, group in zip(near.tolist(), groups.tolist()):
            if group not in exact:
                exact[group] = average(self.word_freq, self.contents[i])
        highest = max(exact.values())
        return next(i for i, g in zip(near.tolist(), groups.tolist()) if exact[g] == highest)

    def step(self, taken: int) -> None:
        """Square the taken sentence's word probabilities (sumy's order) and update the sums."""
        words = self.contents[taken]
        if not words:
            return
        before = {w: self.word_freq[w] for w in words}
        self.summarizer._update_tf(self.word_freq, words)
        cols = np.asarray([self.ids[w] for w in before])
        old = self.p[cols]
        new = np.asarray([self.word_freq[w] for w in before])
        self.p[cols] = new
        rows, c, k = column_entries(self.by_word, cols)
        n = len(self.sentences)
        removed = np.bincount(rows, c * old[k], n)
        change = np.bincount(rows, c * (new[k] - old[k]), n)
        self.error += self.fresh_error * (self.sums + removed) * (removed > 0)
        self.sums += change
