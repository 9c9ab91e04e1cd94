"""Summarising: which sentences of each section to keep, by which algorithm.

``summarize_document(document, options)`` is the stage's one entry; ``SUMMARIZERS`` is the
registry of algorithms and ``SummaryOptions`` says how much to keep.
"""

from briefing.summarize.document import MAX_SENTENCE_CHARS, split_sentences, summarize_document
from briefing.summarize.options import (
    DEFAULT_ALGORITHM,
    DEFAULT_LANGUAGE,
    DEFAULT_SENTENCES,
    SummaryOptions,
    budgets,
)
from briefing.summarize.registry import SUMMARIZERS, Algorithm, DocumentPicker

__all__ = [
    "DEFAULT_ALGORITHM",
    "DEFAULT_LANGUAGE",
    "DEFAULT_SENTENCES",
    "MAX_SENTENCE_CHARS",
    "SUMMARIZERS",
    "Algorithm",
    "DocumentPicker",
    "SummaryOptions",
    "budgets",
    "split_sentences",
    "summarize_document",
]
