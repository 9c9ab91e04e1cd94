"""What several commands share: the one-line-error parser, number checks, option groups."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing.errors import EXIT_USAGE
from briefing.limits import MAX_INPUT_BYTES


def error(message: str) -> None:
    from briefing.compose.text import escape_controls

    print(f"briefing: error: {escape_controls(message)}", file=sys.stderr)


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (and exit 2), not the whole usage block;
    a misspelt command gets the nearest one suggested."""

    def error(self, message: str):
        if "invalid choice:" in message and self._subparsers is not None:
            import difflib

            wrong = message.split("invalid choice:", 1)[1].split("'")[1]
            names = [
                name
                for action in self._subparsers._group_actions
                for name in getattr(action, "choices", None) or ()
            ]
            close = difflib.get_close_matches(wrong, names, n=1, cutoff=0.6)
            if close:
                message = f"unknown command {wrong!r}; did you mean {close[0]!r}?"
        error(f"{message} (see '{self.prog} --help')")
        raise SystemExit(EXIT_USAGE)


def number(convert, accept, expected: str):
    """An argparse type: ``convert`` the text, then check it with ``accept``."""

    def parse(value: str):
        try:
            result = convert(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {expected}, got {value!r}") from None
        if not accept(result):
            raise argparse.ArgumentTypeError(f"expected {expected}, got {value}")
        return result

    return parse


natural = number(int, lambda n: n >= 0, "a whole number, 0 or more")
positive = number(int, lambda n: n >= 1, "a whole number, 1 or more")
positive_float = number(float, lambda x: 0 < x < float("inf"), "a number above 0")
ratio = number(float, lambda x: 0.0 < x <= 1.0, "a fraction above 0 and at most 1")


def summary_options(parser: argparse.ArgumentParser, *, defaults: bool = True) -> None:
    """``-a -n -r -m -l``: with ``defaults`` False (``run``) an unset flag keeps the config's."""
    from briefing.summarize.language import LANGUAGES
    from briefing.summarize.options import (
        DEFAULT_ALGORITHM,
        DEFAULT_LANGUAGE,
        DEFAULT_SENTENCES,
    )

    group = parser.add_argument_group("summary options")
    group.add_argument(
        "-a",
        "--algorithm",
        default=DEFAULT_ALGORITHM if defaults else None,
        metavar="NAME",
        help=f"how sentences are chosen (default: {DEFAULT_ALGORITHM}; see 'briefing algorithms')",
    )
    length = group.add_mutually_exclusive_group()
    length.add_argument(
        "-n",
        "--sentences",
        type=natural,
        metavar="N",
        help=f"sentences to keep per section (default: {DEFAULT_SENTENCES})",
    )
    length.add_argument(
        "-r",
        "--ratio",
        type=ratio,
        metavar="R",
        help="fraction of each section's sentences to keep, 0 < R <= 1",
    )
    group.add_argument(
        "-m",
        "--max-sentences",
        type=natural,
        metavar="M",
        help="at most M sentences per document: auto picks them anywhere in it, the other "
        "algorithms share them across sections by length (daily runs: 5 unless set)",
    )
    group.add_argument(
        "-l",
        "--language",
        default=DEFAULT_LANGUAGE if defaults else None,
        metavar="LANG",
        help=f"document language (default: {DEFAULT_LANGUAGE}): {', '.join(LANGUAGES)}",
    )


def input_options(parser: argparse.ArgumentParser) -> None:
    """How documents given on the command line are read."""
    group = parser.add_argument_group("input options")
    group.add_argument(
        "--max-input-mb",
        type=positive_float,
        default=MAX_INPUT_BYTES / 1048576,
        metavar="MB",
        help=f"refuse documents larger than this (default: {MAX_INPUT_BYTES / 1048576:g})",
    )
    group.add_argument(
        "--reference-impl",
        action="store_true",
        help="use sumy's own (slower) implementation instead of the fast one",
    )
    group.add_argument(
        "--input-format",
        "--from",
        dest="input_format",
        metavar="FORMAT",
        help="read documents as this format (text, markdown, html, or a plugin's) instead of "
        "guessing from the extension or content",
    )
    parser.set_defaults(too_large_hint="raise it with --max-input-mb")


def options_from(args):
    """The SummaryOptions the flags ask for (checked: a bad algorithm or language fails here)."""
    from briefing.summarize.options import SummaryOptions

    return SummaryOptions(
        algorithm=args.algorithm,
        language=args.language,
        sentences=args.sentences,
        ratio=args.ratio,
        max_sentences=args.max_sentences,
        reference_impl=getattr(args, "reference_impl", False),
    )


def max_input_bytes(args) -> int:
    return int(args.max_input_mb * 1024 * 1024)


def config_option(parser: argparse.ArgumentParser) -> None:
    from briefing.daily import DEFAULT_CONFIG

    parser.add_argument(
        "-c",
        "--config",
        type=Path,
        default=Path(DEFAULT_CONFIG),
        metavar="PATH",
        help=f"config file (default: {DEFAULT_CONFIG})",
    )


def parallel_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("parallel summarising")
    group.add_argument(
        "-j",
        "--jobs",
        type=positive,
        metavar="N",
        help="processes summarising documents at once (default: one per core)",
    )
    group.add_argument(
        "--executor",
        choices=("local", "dask"),
        default="local",
        help="local processes (default), or an existing Dask cluster",
    )
    group.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="the Dask scheduler, e.g. tcp://HOST:8786 (with --executor dask)",
    )


def write_stdout(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()
