"""Summarising: which sentences of each section to keep, by which algorithm.

``summarize_document(document, options)`` is the stage's one entry; ``SUMMARIZERS`` is the
registry of algorithms and ``SummaryOptions`` says how much to keep. Names load on first
use (as in ``briefing/__init__.py``), so the CLI can read the defaults and the languages
for its help without loading the summarizers.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "DEFAULT_ALGORITHM": "briefing.summarize.options",
    "DEFAULT_LANGUAGE": "briefing.summarize.options",
    "DEFAULT_SENTENCES": "briefing.summarize.options",
    "SummaryOptions": "briefing.summarize.options",
    "budgets": "briefing.summarize.options",
    "MAX_SENTENCE_CHARS": "briefing.summarize.document",
    "split_sentences": "briefing.summarize.document",
    "summarize_document": "briefing.summarize.document",
    "SUMMARIZERS": "briefing.summarize.registry",
    "Algorithm": "briefing.summarize.registry",
    "DocumentPicker": "briefing.summarize.registry",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'briefing.summarize' has no attribute {name!r}")
