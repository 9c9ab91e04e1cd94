"""Measured summary quality: ROUGE of each algorithm against human summaries, at their length.

A dataset is JSON Lines, one document a line: ``{"id", "title", "sections": [{"heading",
"text"}], "reference"}``. Each document is summarised with as many sentences as its reference
has (clamped to 1..10), so that algorithms are compared at equal length, and scored with
Google's ``rouge-score`` (stemming on, one sentence a line for ROUGE-Lsum). ``rouge-score`` is
the optional extra ``briefing[eval]`` and is imported only here, only when scoring.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import InputError, UsageError
from briefing.model import Document, Section
from briefing.summarize import SummaryOptions, summarize_document
from briefing.summarize.language import get_language

MODES = ("sections", "whole")
MIN_SENTENCES, MAX_SENTENCES = 1, 10
ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")


@dataclass(frozen=True)
class Example:
    """A document and the human summary it is measured against."""

    id: str
    document: Document
    reference: str


@dataclass(frozen=True)
class Result:
    """One algorithm's mean ROUGE F1 (x100) over a dataset, and the seconds spent summarising."""

    algorithm: str
    mode: str
    documents: int
    rouge1: float
    rouge2: float
    rougeLsum: float
    seconds: float


def read_dataset(path: str | Path, limit: int | None = None) -> list[Example]:
    """The first ``limit`` documents of a JSON Lines dataset; a bad line is an InputError."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read the dataset: {exc.strerror}") from None
    examples = []
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if limit is not None and len(examples) >= limit:
                    break
                if line.strip():
                    examples.append(_example(line, f"{path}:{number}"))
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not UTF-8 text ({exc.reason})") from None
    if not examples and limit != 0:
        raise InputError(f"{path}: no documents in the dataset")
    return examples


def _example(line: str, where: str) -> Example:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg}, column {exc.colno})") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object, got {type(record).__name__}")
    title, reference, sections = (
        record.get("title", ""),
        record.get("reference"),
        record.get("sections"),
    )
    if not isinstance(reference, str) or not reference.strip():
        raise InputError(f"{where}: 'reference' must be a non-empty string")
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
    return Example(str(record.get("id", where)), document, reference)


def merged(document: Document) -> Document:
    """The document as one section without heading ("whole" mode): all paragraphs, in order."""
    paragraphs = tuple(p for section in document.sections for p in section.paragraphs)
    return Document(document.title, document.source, document.format, (Section("", 0, paragraphs),))


def summary_length(reference: str, language: str = "english") -> int:
    """How many sentences to pick: the reference's own count, clamped to 1..10."""
    count = sum(len(get_language(language).to_sentences(p)) for p in reference.split("\n\n"))
    return max(MIN_SENTENCES, min(MAX_SENTENCES, count))


def summarize_example(
    example: Example, algorithm: str, mode: str, language: str = "english"
) -> list[str]:
    """The algorithm's summary of the example, at the reference's length, as sentences."""
    if mode not in MODES:
        raise UsageError(f"unknown mode {mode!r}; choose one of: {', '.join(MODES)}")
    document = example.document if mode == "sections" else merged(example.document)
    options = SummaryOptions(
        algorithm=algorithm,
        language=language,
        max_sentences=summary_length(example.reference, language),
    )
    digest = summarize_document(document, options)
    return [s for section in digest.sections for s in section.sentences]


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
    english = get_language(language)
    target = "\n".join(s for p in reference.split("\n\n") for s in english.to_sentences(p))
    scores = scorer.score(target, "\n".join(summary))
    return {name: 100 * scores[name].fmeasure for name in ROUGE_TYPES}


def evaluate(
    examples: Sequence[Example],
    algorithms: Iterable[str],
    mode: str = "sections",
    language: str = "english",
    progress: Callable[[str], None] | None = None,
) -> list[Result]:
    """Mean ROUGE of each algorithm over the examples; ``progress`` is told of each document."""
    scorer = rouge_scorer()
    results = []
    for algorithm in algorithms:
        SummaryOptions(algorithm=algorithm)  # an unknown name fails before any work
        totals = dict.fromkeys(ROUGE_TYPES, 0.0)
        seconds = 0.0
        for example in examples:
            start = time.perf_counter()
            summary = summarize_example(example, algorithm, mode, language)
            seconds += time.perf_counter() - start
            for name, value in score(scorer, summary, example.reference, language).items():
                totals[name] += value
            if progress:
                progress(algorithm)
        n = max(1, len(examples))
        results.append(
            Result(
                algorithm, mode, len(examples), *(totals[name] / n for name in ROUGE_TYPES), seconds
            )
        )
    return results


def format_table(results: Sequence[Result]) -> str:
    """The results as a Markdown table, readable in a terminal and pasteable into docs."""
    lines = [
        "| algorithm | mode | docs | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | seconds |",
        "|---|---|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        lines.append(
            f"| {r.algorithm} | {r.mode} | {r.documents} | {r.rouge1:.2f} | {r.rouge2:.2f} "
            f"| {r.rougeLsum:.2f} | {r.seconds:.1f} |"
        )
    return "\n".join(lines)
