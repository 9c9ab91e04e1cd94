"""Which sentences to keep: the summarizer registry, per-section budgets, and ``summarize_document``.

Every algorithm is looked up by name in ``SUMMARIZERS`` (the CLI's choices, ``briefing
algorithms`` and the docs all read it). sumy is imported only when a summary is made.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .errors import InputError, UsageError
from .language import Language, get_language
from .model import Document, DocumentDigest, Section, SectionDigest

DEFAULT_ALGORITHM = "auto"
DEFAULT_SENTENCES = 2
MAX_SENTENCE_CHARS = 3000

# Hedges and fillers that Edmundson's cue method counts against a sentence.
_STIGMA_WORDS = ("hardly", "perhaps", "impossible", "maybe", "arguably", "somewhat", "anyway")


@dataclass(frozen=True)
class Algorithm:
    """A named way of choosing sentences.

    ``sumy_class`` (``module:Class``) is sumy's reference implementation, rating one section
    at a time. ``fast_class``, when set, is a drop-in subclass of it that picks the same
    sentences faster; it is used unless ``SummaryOptions.reference_impl`` asks for sumy's.
    ``document_picker`` (``module:function``, a ``DocumentPicker``) chooses across a whole
    document at once instead. With none of them the algorithm is the lead baseline.
    """

    name: str
    summary: str
    sumy_class: str = ""
    fast_class: str = ""
    document_picker: str = ""


SUMMARIZERS: dict[str, Algorithm] = {
    a.name: a
    for a in (
        Algorithm(
            "lsa",
            "latent semantic analysis: sentences that cover the main topics",
            "sumy.summarizers.lsa:LsaSummarizer",
            fast_class="briefing.fast.lsa:FastLsaSummarizer",
        ),
        Algorithm(
            "lexrank",
            "graph centrality over TF-IDF similarity (LexRank)",
            "sumy.summarizers.lex_rank:LexRankSummarizer",
            fast_class="briefing.fast.lexrank:FastLexRankSummarizer",
        ),
        Algorithm(
            "textrank",
            "PageRank over word-overlap similarity (TextRank)",
            "sumy.summarizers.text_rank:TextRankSummarizer",
            fast_class="briefing.fast.textrank:FastTextRankSummarizer",
        ),
        Algorithm(
            "luhn",
            "sentences with clusters of the section's significant words (Luhn)",
            "sumy.summarizers.luhn:LuhnSummarizer",
            fast_class="briefing.fast.luhn:FastLuhnSummarizer",
        ),
        Algorithm(
            "edmundson",
            "cue, title and location: title and heading words as bonus",
            "sumy.summarizers.edmundson:EdmundsonSummarizer",
            fast_class="briefing.fast.edmundson:FastEdmundsonSummarizer",
        ),
        Algorithm(
            "sumbasic",
            "sentences made of the most frequent words (SumBasic)",
            "sumy.summarizers.sum_basic:SumBasicSummarizer",
            fast_class="briefing.fast.sumbasic:FastSumBasicSummarizer",
        ),
        Algorithm(
            "kl",
            "greedy minimum KL divergence to the section's word distribution",
            "sumy.summarizers.kl:KLSummarizer",
            fast_class="briefing.fast.kl:FastKLSummarizer",
        ),
        Algorithm(
            "reduction",
            "graph reduction by sentence similarity (TextRank-like)",
            "sumy.summarizers.reduction:ReductionSummarizer",
            fast_class="briefing.fast.reduction:FastReductionSummarizer",
        ),
        Algorithm("lead", "baseline: the first sentences of each section"),
        Algorithm(
            "auto",
            "each section's opening, steered by the title, without repeats or fragments",
            document_picker="briefing.auto:choose",
        ),
    )
}


@dataclass(frozen=True)
class SummaryOptions:
    """How much to keep and how to choose it.

    ``sentences`` is a per-section count, ``ratio`` a per-section fraction (they exclude
    each other); ``max_sentences`` caps the whole document, shared out across sections in
    proportion to their length. With none of the three, ``DEFAULT_SENTENCES`` per section.
    """

    algorithm: str = DEFAULT_ALGORITHM
    language: str = "english"
    sentences: int | None = None
    ratio: float | None = None
    max_sentences: int | None = None
    reference_impl: bool = False

    def __post_init__(self) -> None:
        if self.algorithm not in SUMMARIZERS:
            raise UsageError(
                f"unknown algorithm {self.algorithm!r}; choose one of: {', '.join(SUMMARIZERS)}"
            )
        if self.sentences is not None and self.ratio is not None:
            raise UsageError("give either a sentence count or a ratio, not both")
        if self.sentences is not None and self.sentences < 0:
            raise UsageError("the sentence count must be 0 or more")
        if self.ratio is not None and not 0.0 < self.ratio <= 1.0:
            raise UsageError("the ratio must be above 0 and at most 1")
        if self.max_sentences is not None and self.max_sentences < 0:
            raise UsageError("the maximum sentence count must be 0 or more")


def budgets(lengths: Sequence[int], options: SummaryOptions) -> list[int]:
    """How many sentences to keep from each section, given each section's sentence count."""
    if options.ratio is not None:
        per = [min(n, max(1, math.floor(n * options.ratio + 0.5))) if n else 0 for n in lengths]
    elif options.sentences is not None or options.max_sentences is None:
        count = DEFAULT_SENTENCES if options.sentences is None else options.sentences
        per = [min(n, count) for n in lengths]
    else:
        per = list(lengths)
    if options.max_sentences is not None:
        share = _share_out(options.max_sentences, lengths)
        per = [min(a, b) for a, b in zip(per, share)]
    return per


def _share_out(total: int, lengths: Sequence[int]) -> list[int]:
    """Split ``total`` across sections in proportion to their length (largest remainder)."""
    whole = sum(lengths)
    if total >= whole:
        return list(lengths)
    quotas = [total * n / whole for n in lengths]
    share = [math.floor(q) for q in quotas]
    by_remainder = sorted(range(len(lengths)), key=lambda i: (-(quotas[i] - share[i]), i))
    for i in by_remainder[: total - sum(share)]:
        share[i] += 1
    return share


def split_sentences(section: Section, language: Language) -> list[str]:
    """The section's sentences, paragraph by paragraph, so none crosses a paragraph or heading.

    A "sentence" longer than ``MAX_SENTENCE_CHARS`` is a run of text without sentence
    punctuation (a pasted table, a minified line), not something a reader wants in a
    briefing, so it is left out.
    """
    return [
        s
        for paragraph in section.paragraphs
        for s in language.to_sentences(paragraph)
        if len(s) <= MAX_SENTENCE_CHARS
    ]


def summarize_document(document: Document, options: SummaryOptions | None = None) -> DocumentDigest:
    """Pick each section's key sentences; picks keep document order and the source's wording."""
    options = options or SummaryOptions()
    language = get_language(options.language)
    sentences = [split_sentences(section, language) for section in document.sections]
    if document.sections and not any(sentences):
        raise InputError(
            f"{document.source}: no sentences to summarise (text without sentence punctuation, "
            f"or sentences over {MAX_SENTENCE_CHARS} characters)"
        )
    counts = budgets([len(s) for s in sentences], options)
    choose = document_picker(options, language)
    chosen = choose(document, sentences, counts, language)
    digests = tuple(
        SectionDigest(
            section.heading,
            section.level,
            _unique(section_sentences[i] for i in sorted(indices)),
            len(section_sentences),
        )
        for section, section_sentences, indices in zip(document.sections, sentences, chosen)
    )
    return DocumentDigest(
        title=document.title,
        source=document.source,
        format=document.format,
        algorithm=options.algorithm,
        language=language.language,
        sections=digests,
        total_words=sum(len(s.split()) for section in sentences for s in section),
        link="" if document.source.startswith("<") else document.source,
        author=document.author,
        date=document.date,
        site=document.site,
    )


def _unique(sentences) -> tuple[str, ...]:
    seen: set[str] = set()
    return tuple(s for s in sentences if not (s in seen or seen.add(s)))


#: ``(section, its sentences, how many to keep, document title) -> indices to keep``.
SectionPicker = Callable[[Section, list[str], int, str], list[int]]
#: ``(document, sentences per section, budget per section, language) -> indices per section``.
DocumentPicker = Callable[[Document, list[list[str]], list[int], Language], list[list[int]]]


def document_picker(options: SummaryOptions, language: Language) -> DocumentPicker:
    """The function that chooses sentences for the options' algorithm."""
    algorithm = SUMMARIZERS[options.algorithm]
    if algorithm.document_picker:
        return _load(algorithm.document_picker)
    pick = section_picker(algorithm, language, reference_impl=options.reference_impl)

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


def section_picker(
    algorithm: Algorithm, language: Language, *, reference_impl: bool = False
) -> SectionPicker:
    """A function choosing ``count`` sentences of one section with the given algorithm."""
    if not algorithm.sumy_class:
        return lambda section, sentences, count, title: list(range(count))
    use_fast = algorithm.fast_class and not reference_impl
    summarizer_class = _load(algorithm.fast_class if use_fast else algorithm.sumy_class)

    def pick(section: Section, sentences: list[str], count: int, title: str) -> list[int]:
        summarizer = summarizer_class(language.stemmer)
        summarizer.stop_words = language.stop_words
        if algorithm.name == "edmundson":
            _configure_edmundson(summarizer, language, f"{title} {section.heading}")
        document = _sumy_document(section, sentences, language)
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

    return pick


def _load(dotted: str):
    """Import ``module:attribute`` (heavy modules load only when an algorithm is used)."""
    import importlib

    module_name, attribute = dotted.split(":")
    return getattr(importlib.import_module(module_name), attribute)


def _configure_edmundson(summarizer, language: Language, bonus_text: str) -> None:
    bonus = [w for w in language.to_words(bonus_text) if w.lower() not in language.stop_words]
    summarizer.null_words = language.stop_words
    summarizer.stigma_words = _STIGMA_WORDS
    if bonus:
        summarizer.bonus_words = bonus
    else:  # nothing to reward: rate by title and location only
        summarizer._cue_weight = 0.0


def _sumy_document(section: Section, sentences: list[str], language: Language):
    """A sumy document of one section: its heading (as a heading) and its sentences."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    body = [Sentence(s, language) for s in sentences]
    if section.heading:
        body.insert(0, Sentence(section.heading, language, is_heading=True))
    return ObjectDocumentModel([Paragraph(body)])
