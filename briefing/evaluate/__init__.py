"""Measured summary quality: ROUGE of each algorithm against human summaries, at their length.

A dataset is JSON Lines, one document a line: ``{"id", "title", "sections": [{"heading",
"text"}], "reference"}``. Each document is summarised with as many sentences as its reference
has (clamped to 1..10), so that algorithms are compared at equal length, and scored with
Google's ``rouge-score`` (stemming on, one sentence a line for ROUGE-Lsum). ``rouge-score`` is
the optional extra ``briefing[eval]`` and is imported only here, only when scoring.

Every figure comes per half of the file: ``auto``'s weights were chosen on the first half of
each development set, so its second half is held out, and a gain that shows only on the
first half is fitted, not learnt. A document whose reference is empty is not scored.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import InputError, UsageError
from briefing.model import Document, Section
from briefing.summarize import SummaryOptions, split_sentences, summarize_document
from briefing.summarize.language import get_language

MODES = ("sections", "whole")
MIN_SENTENCES, MAX_SENTENCES = 1, 10
ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")
FIRST, SECOND, ALL = "first half", "second half", "all"


@dataclass(frozen=True)
class Example:
    """A document and the human summary it is measured against; ``second_half`` tells where
    it stands in its file (the second half is the one no parameter was chosen on)."""

    id: str
    document: Document
    reference: str
    second_half: bool = False


@dataclass(frozen=True)
class Result:
    """One algorithm's mean ROUGE F1 (x100) over one half of a dataset (or all of it), the
    share of picks cut from the sentence they lean on (%, ``coherence.cut_off``), and the
    seconds spent summarising."""

    algorithm: str
    mode: str
    half: str
    documents: int
    rouge1: float
    rouge2: float
    rougeLsum: float
    cut_off: float
    seconds: float


@dataclass(frozen=True)
class Scored:
    """One summary's scores, before they are averaged into a ``Result``."""

    second_half: bool
    rouge: dict[str, float]
    picks: int
    cut: int
    seconds: float


def read_lines(path: str | Path, limit: int | None, parse: Callable[[str, str, bool], object]):
    """``parse(line, "file:line", second_half)`` of the first ``limit`` records of a JSON Lines
    file; halves are taken over the whole file, so ``limit`` does not move them."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as handle:
            lines = [(n, line) for n, line in enumerate(handle, start=1) if line.strip()]
    except OSError as exc:
        raise InputError(f"{path}: cannot read the dataset: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc.reason})") from None
    if not lines:
        raise InputError(f"{path}: no documents in the dataset")
    half = len(lines) // 2
    return [
        parse(line, f"{path}:{number}", position >= half)
        for position, (number, line) in enumerate(lines[:limit])
    ]


def read_dataset(path: str | Path, limit: int | None = None) -> list[Example]:
    """The first ``limit`` documents of a JSON Lines dataset; a bad line is an InputError."""
    return read_lines(path, limit, _example)


def json_record(line: str, where: str) -> dict:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg}, column {exc.colno})") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object, got {type(record).__name__}")
    return record


def _example(line: str, where: str, second_half: bool) -> Example:
    record = json_record(line, where)
    title, reference, sections = (
        record.get("title", ""),
        record.get("reference"),
        record.get("sections"),
    )
    if not isinstance(reference, str):
        raise InputError(f"{where}: 'reference' must be a string")
    if not isinstance(title, str):
        raise InputError(f"{where}: 'title' must be a string")
    if not isinstance(sections, list) or not sections:
        raise InputError(f"{where}: 'sections' must be a non-empty list")
    parsed = []
    for i, section in enumerate(sections, start=1):
        if not (
            isinstance(section, dict)
            and isinstance(section.get("heading", ""), str)
            and isinstance(section.get("text"), str)
        ):
            raise InputError(f"{where}: section {i} must be an object with a 'text' string")
        heading = section.get("heading", "").strip()
        paragraphs = tuple(p.strip() for p in section["text"].split("\n\n") if p.strip())
        parsed.append(Section(heading, 1 if heading else 0, paragraphs))
    document = Document(title=title.strip(), source=where, format="text", sections=tuple(parsed))
    return Example(str(record.get("id", where)), document, reference, second_half)


def merged(document: Document) -> Document:
    """The document as one section without heading ("whole" mode): all paragraphs, in order."""
    paragraphs = tuple(p for section in document.sections for p in section.paragraphs)
    return Document(document.title, document.source, document.format, (Section("", 0, paragraphs),))


def reference_sentences(reference: str, language: str = "english") -> list[str]:
    """The reference's sentences, paragraph by paragraph, with briefing's own splitter."""
    tools = get_language(language)
    return [s for p in reference.split("\n\n") for s in tools.to_sentences(p)]


def summary_length(reference: str, language: str = "english") -> int:
    """How many sentences to pick: the reference's own count, clamped to 1..10."""
    count = len(reference_sentences(reference, language))
    return max(MIN_SENTENCES, min(MAX_SENTENCES, count))


def summarize_example(
    example: Example, algorithm: str, mode: str, language: str = "english"
) -> list[str]:
    """The algorithm's summary of the example, at the reference's length, as sentences."""
    return [s for _, picks in _summarize(example, algorithm, mode, language) for s in picks]


def _summarize(example: Example, algorithm: str, mode: str, language: str):
    """(all sentences, picked sentences) of each section of the example's summary."""
    if mode not in MODES:
        raise UsageError(f"unknown mode {mode!r}; choose one of: {', '.join(MODES)}")
    document = example.document if mode == "sections" else merged(example.document)
    options = SummaryOptions(
        algorithm=algorithm,
        language=language,
        max_sentences=summary_length(example.reference, language),
    )
    digest = summarize_document(document, options)
    tools = get_language(language)
    return [
        (split_sentences(section, tools), list(kept.sentences))
        for section, kept in zip(document.sections, digest.sections)
    ]


def rouge_scorer():
    """Google's ROUGE scorer with stemming, or a UsageError saying how to install it."""
    try:
        from rouge_score.rouge_scorer import RougeScorer
    except ImportError:
        raise UsageError(
            "evaluation needs the rouge-score package: pip install 'briefing[eval]'"
        ) from None
    return RougeScorer(list(ROUGE_TYPES), use_stemmer=True)


def score(
    scorer, summary: Sequence[str], reference: str, language: str = "english"
) -> dict[str, float]:
    """ROUGE F1 x100 of one summary; sentences one a line so that ROUGE-Lsum sees them."""
    target = "\n".join(reference_sentences(reference, language))
    scores = scorer.score(target, "\n".join(summary))
    return {name: 100 * scores[name].fmeasure for name in ROUGE_TYPES}


def evaluate(
    examples: Sequence[Example],
    algorithms: Iterable[str],
    mode: str = "sections",
    language: str = "english",
    progress: Callable[[str], None] | None = None,
) -> list[Result]:
    """Mean ROUGE of each algorithm over the examples, per half; ``progress`` is told of each
    document."""
    from briefing.summarize.coherence import cut_off

    scorer = rouge_scorer()
    results = []
    for algorithm in algorithms:
        SummaryOptions(algorithm=algorithm)  # an unknown name fails before any work
        scored = []
        for example in examples:
            if example.reference.strip():
                start = time.perf_counter()
                sections = _summarize(example, algorithm, mode, language)
                seconds = time.perf_counter() - start
                summary = [s for _, picks in sections for s in picks]
                cut = sum(
                    len(cut_off(every, [i for i, s in enumerate(every) if s in picks]))
                    for every, picks in sections
                )
                rouge = score(scorer, summary, example.reference, language)
                scored.append(Scored(example.second_half, rouge, len(summary), cut, seconds))
            if progress:
                progress(algorithm)
        results.extend(by_half(algorithm, mode, scored))
    return results


def by_half(algorithm: str, mode: str, scored: Sequence[Scored]) -> list[Result]:
    """Means over the first half, the second half, and (when both have some) all."""
    parts = [(FIRST, [s for s in scored if not s.second_half])]
    parts.append((SECOND, [s for s in scored if s.second_half]))
    if all(part for _, part in parts):
        parts.append((ALL, list(scored)))
    results = []
    for half, part in parts:
        if not part:
            continue
        n = len(part)
        mean = {name: sum(s.rouge[name] for s in part) / n for name in ROUGE_TYPES}
        picks = sum(s.picks for s in part)
        cut = 100 * sum(s.cut for s in part) / picks if picks else 0.0
        seconds = sum(s.seconds for s in part)
        results.append(Result(algorithm, mode, half, n, *mean.values(), cut, seconds))
    return results


def format_table(results: Sequence[Result]) -> str:
    """The results as a Markdown table, readable in a terminal and pasteable into docs."""
    lines = [
        "| algorithm | mode | half | docs | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | cut off % | seconds |",
        "|---|---|---|--:|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        lines.append(
            f"| {r.algorithm} | {r.mode} | {r.half} | {r.documents} | {r.rouge1:.2f} "
            f"| {r.rouge2:.2f} | {r.rougeLsum:.2f} | {r.cut_off:.1f} | {r.seconds:.1f} |"
        )
    return "\n".join(lines)
