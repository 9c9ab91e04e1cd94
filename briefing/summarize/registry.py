"""The summarizer registry: every way of choosing sentences, by name.

The CLI's ``--algorithm`` check, ``briefing algorithms``, the config checks and ``briefing
eval`` all read ``SUMMARIZERS``. A package adds an algorithm with an entry point in the
group ``briefing.summarizers`` naming an ``Algorithm``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from briefing.model import Document
from briefing.plugins import Registry
from briefing.summarize.language import Language
from briefing.summarize.sumy_adapter import SumyClasses, edmundson_set_up

#: ``(document, sentences per section, budget per section, language) -> indices per section``;
#: a picker whose ``Algorithm.pools_budget`` is set also takes ``total=`` (see there).
DocumentPicker = Callable[[Document, list[list[str]], list[int], Language], list[list[int]]]


@dataclass(frozen=True)
class Algorithm:
    """A named way of choosing sentences.

    ``make_picker(language, reference_impl)`` returns the ``DocumentPicker`` that chooses,
    for every section, at most its budget of sentence indices; it imports what it needs
    when called, so naming an algorithm costs nothing. ``sumy`` is set for sumy's algorithms
    (their reference and fast classes), for tools that compare the two. With
    ``pools_budget``, the picker ranks the whole document: when the options give only a
    document budget (``max_sentences``), it is called with ``total=`` that budget and may
    place the sentences in any section.
    """

    name: str
    summary: str
    make_picker: Callable[[Language, bool], DocumentPicker]
    sumy: SumyClasses | None = None
    pools_budget: bool = False

    def picker(self, language: Language, reference_impl: bool = False) -> DocumentPicker:
        return self.make_picker(language, reference_impl)


def _sumy(name: str, summary: str, reference: str, fast: str, **kwargs) -> Algorithm:
    classes = SumyClasses(reference, fast, **kwargs)
    return Algorithm(name, summary, classes.picker, classes)


def _lead(language: Language, reference_impl: bool = False) -> DocumentPicker:
    def choose(document, sentences, counts, language):
        return [list(range(min(count, len(s)))) for s, count in zip(sentences, counts)]

    return choose


def _auto(language: Language, reference_impl: bool = False) -> DocumentPicker:
    from briefing.summarize.auto import choose

    return choose


_BUILTIN = (
    _sumy(
        "lsa",
        "latent semantic analysis: sentences that cover the main topics",
        "sumy.summarizers.lsa:LsaSummarizer",
        "briefing.summarize.fast.lsa:FastLsaSummarizer",
    ),
    _sumy(
        "lexrank",
        "graph centrality over TF-IDF similarity (LexRank)",
        "sumy.summarizers.lex_rank:LexRankSummarizer",
        "briefing.summarize.fast.lexrank:FastLexRankSummarizer",
    ),
    _sumy(
        "textrank",
        "PageRank over word-overlap similarity (TextRank)",
        "sumy.summarizers.text_rank:TextRankSummarizer",
        "briefing.summarize.fast.textrank:FastTextRankSummarizer",
    ),
    _sumy(
        "luhn",
        "sentences with clusters of the section's significant words (Luhn)",
        "sumy.summarizers.luhn:LuhnSummarizer",
        "briefing.summarize.fast.luhn:FastLuhnSummarizer",
    ),
    _sumy(
        "edmundson",
        "cue, title and location: title and heading words as bonus",
        "sumy.summarizers.edmundson:EdmundsonSummarizer",
        "briefing.summarize.fast.edmundson:FastEdmundsonSummarizer",
        set_up=edmundson_set_up,
    ),
    _sumy(
        "sumbasic",
        "sentences made of the most frequent words (SumBasic)",
        "sumy.summarizers.sum_basic:SumBasicSummarizer",
        "briefing.summarize.fast.sumbasic:FastSumBasicSummarizer",
    ),
    _sumy(
        "kl",
        "greedy minimum KL divergence to the section's word distribution",
        "sumy.summarizers.kl:KLSummarizer",
        "briefing.summarize.fast.kl:FastKLSummarizer",
    ),
    _sumy(
        "reduction",
        "graph reduction by sentence similarity (TextRank-like)",
        "sumy.summarizers.reduction:ReductionSummarizer",
        "briefing.summarize.fast.reduction:FastReductionSummarizer",
    ),
    Algorithm("lead", "baseline: the first sentences of each section", _lead),
    Algorithm(
        "auto",
        "position, title and section-aware centrality, without repeats, fragments or "
        "sentences cut from their antecedent",
        _auto,
        pools_budget=True,
    ),
)

SUMMARIZERS: Registry[Algorithm] = Registry(
    "briefing.summarizers", Algorithm, _BUILTIN, "algorithm"
)
