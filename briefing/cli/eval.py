"""``briefing eval DATASET``: ROUGE of algorithms against human-written summaries."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from briefing.cli import common
from briefing.errors import EXIT_OK


def _algorithms(value: str) -> list[str]:
    names = [name.strip() for name in value.split(",") if name.strip()]
    if not names:
        raise argparse.ArgumentTypeError(f"expected algorithm names, got {value!r}")
    return names


def add(commands, epilog: str) -> None:
    from briefing.summarize.language import LANGUAGES

    parser = commands.add_parser(
        "eval",
        help="measure summary quality (ROUGE) against human-written summaries",
        description="Summarise each document of a JSON Lines dataset at its reference's length "
        "(its sentence count, 1 to 10) and print mean ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 per "
        "algorithm, for the file's first half, its second half and all of it (auto's weights "
        "were chosen on the first half of each development set). A file of clusters "
        '({"documents": [...], "references": [...]}) is measured in mds mode: the day in brief '
        "(brief) against lead, LexRank and TextRank over the pooled sentences. Needs the "
        "optional extra: pip install 'briefing[eval]'.",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "dataset",
        type=Path,
        metavar="DATASET",
        help='JSON Lines: {"id", "title", "sections": [{"heading", "text"}], "reference"}, '
        'or clusters: {"id", "documents": [{"title", "text"}], "references": [...]}',
    )
    parser.add_argument(
        "-a",
        "--algorithm",
        dest="algorithms",
        action="extend",
        type=_algorithms,
        metavar="NAME",
        help="algorithm(s) to measure, repeatable or comma-separated (default: all; for "
        "clusters: lead, lexrank, textrank and brief, the day in brief)",
    )
    parser.add_argument(
        "--mode",
        choices=("sections", "whole", "mds"),
        help="sections: the document's budget, as briefings spend it (default); whole: all "
        "sections merged into one; mds: clusters of documents (the default for them)",
    )
    parser.add_argument(
        "--limit", type=common.natural, metavar="N", help="only the first N documents (clusters)"
    )
    parser.add_argument(
        "-l",
        "--language",
        default="english",
        metavar="LANG",
        help=f"documents' language (default: english): {', '.join(LANGUAGES)}",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(run=run)


def run(args) -> int:
    import dataclasses
    import json

    from briefing.errors import UsageError
    from briefing.evaluate import format_table
    from briefing.evaluate.mds import is_cluster_file
    from briefing.summarize.language import normalize_language

    language = normalize_language(args.language)
    clusters = is_cluster_file(args.dataset)
    mode = args.mode or ("mds" if clusters else "sections")
    if (mode == "mds") != clusters:
        raise UsageError(
            f"{args.dataset}: mode {mode} needs a file of "
            f"{'clusters' if mode == 'mds' else 'documents'}; this one has "
            f"{'clusters' if clusters else 'documents'}"
        )
    measure = _clusters if clusters else _documents
    items, results, what = measure(args, language)
    if args.json:
        print(json.dumps([dataclasses.asdict(r) for r in results], indent=2))
    else:
        print(
            f"{args.dataset}: {len(items)} {what}, mode {mode}, ROUGE F1 at the reference's "
            "length, per half of the file (auto's weights were chosen on first halves)"
        )
        print(format_table(results))
    return EXIT_OK


def _documents(args, language):
    from briefing.evaluate import evaluate, read_dataset
    from briefing.summarize import SUMMARIZERS, SummaryOptions

    algorithms = list(dict.fromkeys(args.algorithms or SUMMARIZERS.names()))
    for name in algorithms:
        SummaryOptions(algorithm=name)  # an unknown name fails before any work
    examples = read_dataset(args.dataset, args.limit)
    scored = [e for e in examples if e.reference.strip()]
    with _progress(len(scored) * len(algorithms)) as advance:
        results = evaluate(examples, algorithms, args.mode or "sections", language, advance)
    unscored = len(examples) - len(scored)
    what = "documents" + (f" ({unscored} without a reference, not scored)" if unscored else "")
    return examples, results, what


def _clusters(args, language):
    from briefing.evaluate.mds import ALGORITHMS, check_algorithms, evaluate_clusters, read_clusters

    algorithms = list(dict.fromkeys(args.algorithms or ALGORITHMS))
    check_algorithms(algorithms)
    clusters = read_clusters(args.dataset, args.limit)
    with _progress(len(clusters) * len(algorithms)) as advance:
        results = evaluate_clusters(clusters, algorithms, language, advance)
    return clusters, results, "clusters"


@contextlib.contextmanager
def _progress(total: int):
    """A progress bar on a terminal (``advance(name)`` per item), nothing otherwise."""
    if not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm

    bar = tqdm(total=total, unit="doc", file=sys.stderr, leave=False)

    def advance(name: str) -> None:
        bar.set_description(name)
        bar.update(1)

    try:
        yield advance
    finally:
        bar.close()
