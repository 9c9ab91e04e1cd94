"""``briefing summarize FILE``: one document's key sentences on stdout, as text, Markdown or JSON."""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing.cli import common
from briefing.errors import EXIT_OK


def add(commands, epilog: str) -> None:
    parser = commands.add_parser(
        "summarize",
        aliases=["summarise"],
        help="print the key sentences of one document to stdout",
        description="Print the key sentences of each section of one document. "
        "Use - to read standard input.",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "source", metavar="FILE", help="a .txt, .md or .html file, an http(s) URL, or - for stdin"
    )
    parser.add_argument(
        "--format",
        choices=("text", "markdown", "json"),
        default="text",
        help="output format (default: text); json is a stable interface for scripts",
    )
    parser.add_argument(
        "--templates",
        type=Path,
        metavar="DIR",
        help="folder of templates overriding the built-in ones",
    )
    common.summary_options(parser)
    common.input_options(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from briefing import pipeline

    options = common.options_from(args)
    digest = pipeline.summarize(
        args.source,
        options,
        format=args.input_format,
        max_input_bytes=common.max_input_bytes(args),
    )
    if args.format == "json":
        from briefing.compose.text import digest_json

        text = digest_json(digest)
    elif args.format == "markdown":
        from briefing.compose.markdown import compose_markdown

        briefing = pipeline.assemble([digest], title=digest.title)
        text = compose_markdown(briefing, args.templates)
    else:
        from briefing.compose.text import digest_text

        text = digest_text(digest)
    common.write_stdout(text)
    return EXIT_OK
