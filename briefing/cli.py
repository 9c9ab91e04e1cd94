"""The ``briefing`` command: arguments in, library calls, one-line errors and exit codes out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .errors import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, BriefingError
from .language import LANGUAGES
from .readers import FORMATS
from .summarizers import DEFAULT_ALGORITHM, DEFAULT_SENTENCES, SUMMARIZERS

EXIT_CODES = f"""\
exit codes:
  {EXIT_OK}  success
  {EXIT_FAILURE}  input or processing error (unreadable document, rendering or writing failed)
  {EXIT_USAGE}  usage error (bad option or argument)"""


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.run(args)
    except BriefingError as exc:
        _error(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        # The reader of our stdout went away (`| head`): not an error worth a message.
        sys.stderr.close()
        return EXIT_OK


def _error(message: str) -> None:
    print(f"briefing: error: {message}", file=sys.stderr)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (and exit 2), not the whole usage block."""

    def error(self, message: str):
        _error(f"{message} (see '{self.prog} --help')")
        raise SystemExit(EXIT_USAGE)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="briefing",
        description="Turn documents into short, faithful briefings: the key sentences of "
        "each section, as text, Markdown, JSON, HTML or PDF.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    commands = parser.add_subparsers(
        title="commands", metavar="COMMAND", dest="command", parser_class=_Parser
    )

    summarize = commands.add_parser(
        "summarize",
        help="print the key sentences of one document to stdout",
        description="Print the key sentences of each section of one document. "
        "Use - to read standard input.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    summarize.add_argument("source", metavar="FILE", help="a .txt, .md or .html file, or - for stdin")
    summarize.add_argument(
        "--format",
        choices=("text", "markdown", "json"),
        default="text",
        help="output format (default: text); json is a stable interface for scripts",
    )
    summarize.add_argument(
        "--templates", type=Path, metavar="DIR", help="folder of templates overriding the built-in ones"
    )
    _summary_options(summarize)
    summarize.set_defaults(run=_run_summarize)

    build = commands.add_parser(
        "build",
        help="write a briefing of several documents as Markdown, HTML and PDF",
        description="Summarise documents into one briefing and write it to "
        "OUTPUT/<date>/briefing.{md,html,pdf}; prints the paths written.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    build.add_argument("sources", metavar="FILE", nargs="+", help="documents (.txt, .md, .html) or -")
    build.add_argument("-o", "--output-dir", type=Path, default=Path("output"), metavar="DIR",
                       help="where to write (default: output); files go in a sub-folder per date")
    build.add_argument("--title", default="Briefing", help="the briefing's title (default: Briefing)")
    build.add_argument("--date", metavar="YYYY-MM-DD", help="the briefing's date (default: today)")
    build.add_argument("--to", default="md,html,pdf", metavar="LIST",
                       help="comma-separated outputs among md, html, pdf (default: all three)")
    build.add_argument("--templates", type=Path, metavar="DIR",
                       help="folder of templates overriding the built-in ones by name")
    build.add_argument("--page-size", default="A4", metavar="SIZE",
                       help="PDF page size: A4, A5, Letter, Legal..., optionally 'landscape' (default: A4)")
    _summary_options(build)
    build.set_defaults(run=_run_build)

    algorithms = commands.add_parser("algorithms", help="list the summarisation algorithms")
    algorithms.set_defaults(run=_run_algorithms)
    return parser


def _summary_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("summary options")
    group.add_argument("-a", "--algorithm", choices=list(SUMMARIZERS), default=DEFAULT_ALGORITHM,
                       metavar="NAME", help=f"how sentences are chosen (default: {DEFAULT_ALGORITHM}; "
                       "see 'briefing algorithms')")
    length = group.add_mutually_exclusive_group()
    length.add_argument("-n", "--sentences", type=_natural, metavar="N",
                        help=f"sentences to keep per section (default: {DEFAULT_SENTENCES})")
    length.add_argument("-r", "--ratio", type=_ratio, metavar="R",
                        help="fraction of each section's sentences to keep, 0 < R <= 1")
    group.add_argument("-m", "--max-sentences", type=_natural, metavar="M",
                       help="at most M sentences per document, shared out across sections by length")
    group.add_argument("-l", "--language", default="english", metavar="LANG",
                       help=f"document language (default: english): {', '.join(LANGUAGES)}")
    group.add_argument("--reference-impl", action="store_true",
                       help="use sumy's own (slower) implementation instead of the fast one")
    group.add_argument("--input-format", "--from", dest="input_format", choices=FORMATS,
                       help="read documents as this format instead of guessing from the extension "
                       "(stdin is read as text unless told)")


def _natural(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected 0 or more, got {number}")
    return number


def _ratio(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {value!r}") from None
    if not 0.0 < number <= 1.0:
        raise argparse.ArgumentTypeError(f"expected a fraction above 0 and at most 1, got {value}")
    return number


def _options(args):
    from .summarizers import SummaryOptions

    return SummaryOptions(
        algorithm=args.algorithm,
        language=args.language,
        sentences=args.sentences,
        ratio=args.ratio,
        max_sentences=args.max_sentences,
        reference_impl=args.reference_impl,
    )


def _run_summarize(args) -> int:
    from .api import summarize

    options = _options(args)
    digest = summarize(args.source, options, format=args.input_format)
    if args.format == "json":
        from .output import digest_json

        text = digest_json(digest)
    elif args.format == "markdown":
        from .api import check_date
        from .compose import compose_markdown
        from .model import Briefing

        text = compose_markdown(Briefing(digest.title, check_date(None), (digest,)), args.templates)
    else:
        from .output import digest_text

        text = digest_text(digest)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()
    return EXIT_OK


def _run_build(args) -> int:
    from .api import build, check_outputs

    outputs = check_outputs(args.to.split(","))
    paths = build(
        args.sources,
        _options(args),
        out_dir=args.output_dir,
        title=args.title,
        date=args.date,
        outputs=outputs,
        templates=args.templates,
        page_size=args.page_size,
        format=args.input_format,
    )
    for path in paths:
        print(path)
    return EXIT_OK


def _run_algorithms(args) -> int:
    width = max(len(name) for name in SUMMARIZERS)
    for algorithm in SUMMARIZERS.values():
        default = " (default)" if algorithm.name == DEFAULT_ALGORITHM else ""
        print(f"{algorithm.name:<{width}}  {algorithm.summary}{default}")
    return EXIT_OK
