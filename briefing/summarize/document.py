"""Summarising one document: split each section into sentences, budget, pick, keep order."""

from __future__ import annotations

from briefing.errors import InputError
from briefing.model import Document, DocumentDigest, Section, SectionDigest
from briefing.summarize.language import Language, get_language
from briefing.summarize.options import SummaryOptions, budgets, document_budget
from briefing.summarize.registry import SUMMARIZERS
from briefing.summarize.sentences import sort_section

MAX_SENTENCE_CHARS = 3000


def split_sentences(section: Section, language: Language) -> list[str]:
    """The section's sentences, paragraph by paragraph, so none crosses a paragraph or heading.

    Only sentences: bylines, captions, table cells, list intros, code and fragments are
    left out (``sentences.py`` says what is not a sentence), so no algorithm can pick
    them and "kept / total" counts sentences only. A "sentence" longer than
    ``MAX_SENTENCE_CHARS`` is a run of text without sentence punctuation (a pasted
    table, a minified line), not something a reader wants in a briefing, so it is left
    out too.
    """
    key = (section, language)
    found = _SPLIT.get(key)
    if found is None:  # remembered: "the day in brief" splits each item's sections again
        if len(_SPLIT) > 4096:  # about a day of sections: few documents are kept alive
            _SPLIT.clear()
        found = _SPLIT[key] = tuple(
            s.text
            for s in sort_section(section, language)
            if not s.kind and len(s.text) <= MAX_SENTENCE_CHARS
        )
    return list(found)


_SPLIT: dict[tuple[Section, Language], tuple[str, ...]] = {}


def summarize_document(document: Document, options: SummaryOptions | None = None) -> DocumentDigest:
    """Pick each section's key sentences; picks keep document order and the source's wording."""
    options = options or SummaryOptions()
    language = get_language(options.language)
    sentences = [split_sentences(section, language) for section in document.sections]
    if document.sections and not any(sentences):
        raise InputError(
            f"{document.source}: no sentences to summarise (only headings, labels, table "
            f"cells or code; or text without sentence punctuation, in runs over "
            f"{MAX_SENTENCE_CHARS} characters)"
        )
    lengths = [len(s) for s in sentences]
    counts = budgets(lengths, options)
    algorithm = SUMMARIZERS[options.algorithm]
    choose = algorithm.picker(language, options.reference_impl)
    total = document_budget(lengths, options) if algorithm.pools_budget else None
    if total is None:
        chosen = choose(document, sentences, counts, language)
    else:
        chosen = choose(document, sentences, counts, language, total=total)
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
