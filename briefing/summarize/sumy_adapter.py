"""sumy's summarizers as document pickers: each section rated on its own, as sumy does.

Each algorithm names sumy's reference class and, where there is one, the fast drop-in
subclass in ``fast/`` that picks the same sentences; both load only when a summary is made.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass, field

from briefing.model import Section
from briefing.summarize.language import Language, import_nltk

# Hedges and fillers that Edmundson's cue method counts against a sentence.
STIGMA_WORDS = ("hardly", "perhaps", "impossible", "maybe", "arguably", "somewhat", "anyway")


def plain_set_up(summarizer_class, language: Language, bonus_text: str):
    """A sumy summarizer with the language's stemmer and stop words."""
    summarizer = summarizer_class(language.stemmer)
    summarizer.stop_words = language.stop_words
    return summarizer


def edmundson_set_up(summarizer_class, language: Language, bonus_text: str):
    """Edmundson rewards the title's and heading's words; with none, title and location only."""
    bonus = [w for w in language.to_words(bonus_text) if w.lower() not in language.stop_words]
    summarizer = summarizer_class(language.stemmer, cue_weight=1.0 if bonus else 0.0)
    summarizer.stop_words = language.stop_words
    summarizer.null_words = language.stop_words
    summarizer.stigma_words = STIGMA_WORDS
    if bonus:
        summarizer.bonus_words = bonus
    return summarizer


@dataclass(frozen=True)
class SumyClasses:
    """Where a sumy algorithm lives (``module:Class``) and how one is set up for a section."""

    reference: str
    fast: str = ""
    set_up: Callable = field(default=plain_set_up)

    def summarizer_class(self, reference_impl: bool = False):
        import_nltk()  # sumy imports nltk: first, without the scipy.stats it would import
        return load(self.fast if self.fast and not reference_impl else self.reference)

    def make(self, summarizer_class, language: Language, title: str, section: Section):
        """A summarizer of ``summarizer_class`` ready for ``section`` of a document titled ``title``."""
        return self.set_up(summarizer_class, language, f"{title} {section.heading}")

    def picker(self, language: Language, reference_impl: bool = False):
        """A DocumentPicker that runs this sumy algorithm on each section in turn."""
        summarizer_class = self.summarizer_class(reference_impl)

        def pick(section: Section, sentences: list[str], count: int, title: str) -> list[int]:
            summarizer = self.make(summarizer_class, language, title, section)
            return run(summarizer, sumy_document(section, sentences, language), count)

        return per_section(pick)


def run(summarizer, document, count: int) -> list[int]:
    """Indices of the sentences ``summarizer`` picks from a sumy ``document``."""
    index = {id(s): i for i, s in enumerate(document.sentences)}
    with warnings.catch_warnings():
        # sumy's LexRank divides by a zero norm when no two sentences share a word; its
        # ratings are then NaN and its picks arbitrary, so the section falls back to its lead.
        warnings.simplefilter("error", RuntimeWarning)
        # sumy's LSA warns when a section has fewer words than sentences; it still works.
        warnings.simplefilter("ignore", UserWarning)
        try:
            picked = summarizer(document, count)
        except RuntimeWarning:
            return list(range(count))
    return [index[id(s)] for s in picked]


def per_section(pick):
    """A DocumentPicker from a section picker: whole sections kept, empty budgets skipped."""

    def choose(document, sentences, counts, language):
        return [
            list(range(len(s)))
            if count >= len(s)
            else pick(section, s, count, document.title)
            if count
            else []
            for section, s, count in zip(document.sections, sentences, counts)
        ]

    return choose


def sumy_document(section: Section, sentences: list[str], language: Language):
    """A sumy document of one section: its heading (as a heading) and its sentences."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    body = [Sentence(s, language) for s in sentences]
    if section.heading:
        body.insert(0, Sentence(section.heading, language, is_heading=True))
    return ObjectDocumentModel([Paragraph(body)])


def load(dotted: str):
    """Import ``module:attribute`` (heavy modules load only when an algorithm is used)."""
    import importlib

    module_name, attribute = dotted.split(":")
    return getattr(importlib.import_module(module_name), attribute)
