"""``briefing eval DATASET``: ROUGE of algorithms against human-written summaries."""

from __future__ import annotations

import argparse
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
        "algorithm. Needs the optional extra: pip install 'briefing[eval]'.",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "dataset",
        type=Path,
        metavar="DATASET",
        help='JSON Lines: {"id", "title", "sections": [{"heading", "text"}], "reference"}',
    )
    parser.add_argument(
        "-a",
        "--algorithm",
        dest="algorithms",
        action="extend",
        type=_algorithms,
        metavar="NAME",
        help="algorithm(s) to measure, repeatable or comma-separated (default: all)",
    )
    parser.add_argument(
        "--mode",
        choices=("sections", "whole"),
        default="sections",
        help="sections: budget shared across sections by length, as briefings do "
        "(default); whole: all sections merged into one",
    )
    parser.add_argument(
        "--limit", type=common.natural, metavar="N", help="only the first N documents"
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

    from briefing.evaluate import evaluate, format_table, read_dataset
    from briefing.summarize import SUMMARIZERS, SummaryOptions
    from briefing.summarize.language import normalize_language

    language = normalize_language(args.language)
    algorithms = list(dict.fromkeys(args.algorithms or SUMMARIZERS.names()))
    for name in algorithms:
        SummaryOptions(algorithm=name)  # an unknown name fails before any work
    examples = read_dataset(args.dataset, args.limit)
    advance = None
    if sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=len(examples) * len(algorithms), unit="doc", file=sys.stderr, leave=False)

        def advance(name: str) -> None:
            bar.set_description(name)
            bar.update(1)

    try:
        results = evaluate(examples, algorithms, args.mode, language, progress=advance)
    finally:
        if advance:
            bar.close()
    if args.json:
        print(json.dumps([dataclasses.asdict(r) for r in results], indent=2))
    else:
        print(
            f"{args.dataset}: {len(examples)} documents, mode {args.mode}, "
            "ROUGE F1 at the reference's length"
        )
        print(format_table(results))
    return EXIT_OK
