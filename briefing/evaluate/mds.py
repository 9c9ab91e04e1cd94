"""``briefing eval`` on clusters of documents: "the day in brief" as multi-document summarisation.

A cluster file is JSON Lines, one cluster a line: ``{"id", "documents": [{"title", "text"}],
"references": ["...", ...]}`` (or a single ``"reference"``); a cluster stands for one day's
items about one event. As in a dataset of documents, a blank line in ``text`` separates
paragraphs (single line breaks are spaces, as in hard-wrapped text). Each system writes as many
sentences as the references have on average, clamped to 3..7, and ROUGE F1 is averaged over
the cluster's references. The systems:

- ``brief``: the daily run's path: each document summarised by ``auto`` at the daily
  per-item budget, then ``assemble.highlights.day_in_brief`` over them;
- ``lead``: the documents' first sentences in turn (first of each, then second of each, ...);
- any other algorithm: run over all the cluster's sentences pooled as one text.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import InputError, UsageError
from briefing.evaluate import (
    Result,
    Scored,
    by_half,
    json_record,
    read_lines,
    reference_sentences,
    rouge_scorer,
    score,
)
from briefing.model import Document, Section
from briefing.summarize import SummaryOptions, split_sentences, summarize_document
from briefing.summarize.language import get_language

MODE = "mds"
BRIEF = "brief"
ALGORITHMS = ("lead", "lexrank", "textrank", BRIEF)
MIN_HIGHLIGHTS, MAX_HIGHLIGHTS = 3, 7


@dataclass(frozen=True)
class Cluster:
    """One day's documents about one event, and the summaries people wrote of them."""

    id: str
    documents: tuple[Document, ...]
    references: tuple[str, ...]
    second_half: bool = False


def is_cluster_file(path: str | Path) -> bool:
    """Whether the file's first record is a cluster (it has ``documents``)."""
    import json

    try:
        with Path(path).open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    return isinstance(record, dict) and "documents" in record
    except (OSError, UnicodeDecodeError, ValueError):
        return False  # reading it as documents reports the problem
    return False


def read_clusters(path: str | Path, limit: int | None = None) -> list[Cluster]:
    """The first ``limit`` clusters of a JSON Lines file; a bad line is an InputError."""
    return read_lines(path, limit, _cluster)


def _cluster(line: str, where: str, second_half: bool) -> Cluster:
    record = json_record(line, where)
    references = record.get("references", [record.get("reference")])
    if not (
        isinstance(references, list)
        and references
        and all(isinstance(r, str) and r.strip() for r in references)
    ):
        raise InputError(f"{where}: 'references' must be a non-empty list of non-empty strings")
    documents = record.get("documents")
    if not isinstance(documents, list) or not documents:
        raise InputError(f"{where}: 'documents' must be a non-empty list")
    parsed = []
    for i, doc in enumerate(documents, start=1):
        if not (
            isinstance(doc, dict)
            and isinstance(doc.get("text"), str)
            and isinstance(doc.get("title", ""), str)
        ):
            raise InputError(f"{where}: document {i} must be an object with a 'text' string")
        paragraphs = tuple(p.strip() for p in doc["text"].split("\n\n") if p.strip())
        title = doc.get("title", "").strip()
        parsed.append(Document(title, f"{where}#{i}", "text", (Section("", 0, paragraphs),)))
    return Cluster(str(record.get("id", where)), tuple(parsed), tuple(references), second_half)


def cluster_length(references: Sequence[str], language: str = "english") -> int:
    """Sentences to write: the references' mean sentence count, clamped to 3..7."""
    mean = statistics.mean(len(reference_sentences(r, language)) for r in references)
    return max(MIN_HIGHLIGHTS, min(MAX_HIGHLIGHTS, round(mean)))


def summarize_cluster(cluster: Cluster, algorithm: str, language: str = "english") -> list[str]:
    """The system's summary of the cluster, at the references' length, as sentences."""
    count = cluster_length(cluster.references, language)
    tools = get_language(language)
    if algorithm == BRIEF:
        from briefing.assemble.highlights import day_in_brief
        from briefing.daily.config import DEFAULT_ITEM_SENTENCES

        options = SummaryOptions(language=language, max_sentences=DEFAULT_ITEM_SENTENCES)
        digests, documents = [], []
        for document in cluster.documents:
            try:
                digests.append(summarize_document(document, options))
            except InputError:
                continue  # no sentences: a daily run reports the item and leaves it out
            documents.append(document)
        highlights = day_in_brief(digests, tools, count, documents)
        return [h.sentence for h in highlights]
    if algorithm == "lead":
        sentences = [
            [s for section in d.sections for s in split_sentences(section, tools)]
            for d in cluster.documents
        ]
        turns = (
            doc[i] for i in range(max(map(len, sentences))) for doc in sentences if i < len(doc)
        )
        return list(turns)[:count]
    paragraphs = tuple(p for d in cluster.documents for s in d.sections for p in s.paragraphs)
    pooled = Document("", cluster.id, "text", (Section("", 0, paragraphs),))
    options = SummaryOptions(algorithm=algorithm, language=language, max_sentences=count)
    digest = summarize_document(pooled, options)
    return [s for section in digest.sections for s in section.sentences]


def check_algorithms(algorithms: Iterable[str]) -> None:
    """A UsageError for an unknown name (``brief`` is known here)."""
    for name in algorithms:
        if name != BRIEF:
            SummaryOptions(algorithm=name)


def evaluate_clusters(
    clusters: Sequence[Cluster],
    algorithms: Iterable[str] = ALGORITHMS,
    language: str = "english",
    progress: Callable[[str], None] | None = None,
) -> list[Result]:
    """Mean ROUGE of each system over the clusters, per half (``cut_off`` is not measured)."""
    algorithms = list(algorithms)
    check_algorithms(algorithms)
    if not clusters:
        raise UsageError("no clusters to measure")
    scorer = rouge_scorer()
    results = []
    for algorithm in algorithms:
        scored = []
        for cluster in clusters:
            start = time.perf_counter()
            summary = summarize_cluster(cluster, algorithm, language)
            seconds = time.perf_counter() - start
            each = [score(scorer, summary, r, language) for r in cluster.references]
            rouge = {k: statistics.mean(s[k] for s in each) for k in each[0]}
            scored.append(Scored(cluster.second_half, rouge, len(summary), 0, seconds))
            if progress:
                progress(algorithm)
        results.extend(by_half(algorithm, MODE, scored))
    return results
