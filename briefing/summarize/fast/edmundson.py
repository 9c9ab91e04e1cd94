"""Edmundson with each word stemmed once.

sumy's EdmundsonSummarizer is linear in the document, but its cue, title and location
methods each stem every word of every sentence again (a Snowball stem costs
microseconds); 5,000 sentences took 1.9 s.

Parity: the ratings are sumy's own code, given a memoised stemmer (stemming is a pure
function of the word), so they are identical.
"""

from __future__ import annotations

from sumy.summarizers.edmundson import EdmundsonSummarizer

from ._common import FastStemming


class FastEdmundsonSummarizer(FastStemming, EdmundsonSummarizer):
    """sumy's EdmundsonSummarizer, picking the same sentences in a fraction of the time."""
