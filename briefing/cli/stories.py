"""``briefing stories FILE...``: the documents grouped by event, each story summarised."""

from __future__ import annotations

import argparse

from briefing.cli import common
from briefing.errors import EXIT_OK


def add(commands, epilog: str) -> None:
    parser = commands.add_parser(
        "stories",
        help="group documents about the same event into stories and print them",
        description="Group the documents into stories (reports of the same event) and print "
        "each story: its key sentences across its reports, then the reports. Nothing is "
        "written; 'build --stories' writes a briefing of stories.",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "sources", metavar="FILE", nargs="+", help="documents (.txt, .md, .html), URLs, or -"
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="output format (default: text); json is the whole briefing, its stories "
        "listing their documents by index",
    )
    common.summary_options(parser)
    common.input_options(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from briefing import pipeline

    briefing = pipeline.make_briefing(
        args.sources,
        common.options_from(args),
        title="Stories",
        format=args.input_format,
        max_input_bytes=common.max_input_bytes(args),
        merge_duplicates=True,
        stories=True,
    )
    if args.format == "json":
        from briefing.compose.json import briefing_json

        common.write_stdout(briefing_json(briefing))
    else:
        from briefing.compose.storytext import stories_text

        common.write_stdout(stories_text(briefing))
    return EXIT_OK
