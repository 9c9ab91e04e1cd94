"""``briefing build FILE...``: one briefing of several documents, written as files."""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing.cli import common
from briefing.errors import EXIT_OK


def add(commands, epilog: str) -> None:
    from briefing.assemble import DEFAULT_TITLE
    from briefing.publish import DEFAULT_OUTPUTS, DEFAULT_PAGE_SIZE

    parser = commands.add_parser(
        "build",
        help="write a briefing of several documents as Markdown, HTML and PDF",
        description="Summarise documents into one briefing and write it to "
        "OUTPUT/<date>/briefing.{md,html,pdf}; prints the paths written.",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "sources", metavar="FILE", nargs="+", help="documents (.txt, .md, .html), URLs, or -"
    )
    parser.add_argument(
        "-o",
        "--output-dir",
        type=Path,
        default=Path("output"),
        metavar="DIR",
        help="where to write (default: output); files go in a sub-folder per date",
    )
    parser.add_argument(
        "--title", default=DEFAULT_TITLE, help=f"the briefing's title (default: {DEFAULT_TITLE})"
    )
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="the briefing's date (default: today)")
    parser.add_argument(
        "--to",
        default=",".join(DEFAULT_OUTPUTS),
        metavar="LIST",
        help="comma-separated outputs among md, html, pdf, json (default: md, html, pdf; see "
        "'briefing algorithms --all' for more)",
    )
    parser.add_argument(
        "--templates",
        type=Path,
        metavar="DIR",
        help="folder of templates overriding the built-in ones by name",
    )
    parser.add_argument(
        "--page-size",
        default=DEFAULT_PAGE_SIZE,
        metavar="SIZE",
        help="PDF page size: A4, A5, Letter, Legal..., optionally 'landscape' "
        f"(default: {DEFAULT_PAGE_SIZE})",
    )
    parser.add_argument(
        "--highlights",
        type=common.number(int, lambda n: n == 0 or 3 <= n <= 7, "0, or 3 to 7"),
        default=0,
        metavar="N",
        help="open with 'the day in brief': the N (3-7) key sentences across the documents "
        "(default: 0, none)",
    )
    parser.add_argument(
        "--merge-duplicates",
        action="store_true",
        help="brief near-copies of one story (80%% of word 5-grams shared) once",
    )
    parser.add_argument(
        "--stories",
        action="store_true",
        help="group documents about the same event into one story, with one summary "
        "across them (see 'briefing stories')",
    )
    common.parallel_options(parser)
    common.summary_options(parser)
    common.input_options(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from briefing import pipeline
    from briefing.publish.outputs import check_outputs

    outputs = check_outputs(args.to.split(","))
    paths = pipeline.build(
        args.sources,
        common.options_from(args),
        out_dir=args.output_dir,
        title=args.title,
        date=args.date,
        outputs=outputs,
        templates=args.templates,
        page_size=args.page_size,
        format=args.input_format,
        max_input_bytes=common.max_input_bytes(args),
        jobs=args.jobs,
        executor=args.executor,
        scheduler=args.scheduler,
        highlights=args.highlights,
        merge_duplicates=args.merge_duplicates,
        stories=args.stories,
    )
    for path in paths:
        print(path)
    return EXIT_OK
