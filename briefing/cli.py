"""The ``briefing`` command: arguments in, library calls, one-line errors and exit codes out."""

from __future__ import annotations

import argparse
import os
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
  {EXIT_FAILURE}  input or processing error (unreadable document, rendering or writing failed;
     for 'run': no briefing written)
  {EXIT_USAGE}  usage error (bad option or argument, bad config file)
  3  'run' only: briefing written, but some sources failed
  4  'run' only: another run holds the lock"""


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
    except Exception as exc:  # a bug: still one line, unless BRIEFING_DEBUG asks for more
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        _error(
            f"internal error: {exc.__class__.__name__}: {exc} (set BRIEFING_DEBUG=1 for details)"
        )
        return EXIT_FAILURE


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
    summarize.add_argument(
        "source", metavar="FILE", help="a .txt, .md or .html file, or - for stdin"
    )
    summarize.add_argument(
        "--format",
        choices=("text", "markdown", "json"),
        default="text",
        help="output format (default: text); json is a stable interface for scripts",
    )
    summarize.add_argument(
        "--templates",
        type=Path,
        metavar="DIR",
        help="folder of templates overriding the built-in ones",
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
    build.add_argument(
        "sources", metavar="FILE", nargs="+", help="documents (.txt, .md, .html) or -"
    )
    build.add_argument(
        "-o",
        "--output-dir",
        type=Path,
        default=Path("output"),
        metavar="DIR",
        help="where to write (default: output); files go in a sub-folder per date",
    )
    build.add_argument(
        "--title", default="Briefing", help="the briefing's title (default: Briefing)"
    )
    build.add_argument("--date", metavar="YYYY-MM-DD", help="the briefing's date (default: today)")
    build.add_argument(
        "--to",
        default="md,html,pdf",
        metavar="LIST",
        help="comma-separated outputs among md, html, pdf (default: all three)",
    )
    build.add_argument(
        "--templates",
        type=Path,
        metavar="DIR",
        help="folder of templates overriding the built-in ones by name",
    )
    build.add_argument(
        "--page-size",
        default="A4",
        metavar="SIZE",
        help="PDF page size: A4, A5, Letter, Legal..., optionally 'landscape' (default: A4)",
    )
    _parallel_options(build)
    _summary_options(build)
    build.set_defaults(run=_run_build)

    algorithms = commands.add_parser("algorithms", help="list the summarisation algorithms")
    algorithms.set_defaults(run=_run_algorithms)
    _add_daily_commands(commands)
    _add_eval_command(commands)
    return parser


def _summary_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("summary options")
    group.add_argument(
        "-a",
        "--algorithm",
        choices=list(SUMMARIZERS),
        default=DEFAULT_ALGORITHM,
        metavar="NAME",
        help=f"how sentences are chosen (default: {DEFAULT_ALGORITHM}; see 'briefing algorithms')",
    )
    length = group.add_mutually_exclusive_group()
    length.add_argument(
        "-n",
        "--sentences",
        type=_natural,
        metavar="N",
        help=f"sentences to keep per section (default: {DEFAULT_SENTENCES})",
    )
    length.add_argument(
        "-r",
        "--ratio",
        type=_ratio,
        metavar="R",
        help="fraction of each section's sentences to keep, 0 < R <= 1",
    )
    group.add_argument(
        "-m",
        "--max-sentences",
        type=_natural,
        metavar="M",
        help="at most M sentences per document, shared out across sections by length",
    )
    group.add_argument(
        "-l",
        "--language",
        default="english",
        metavar="LANG",
        help=f"document language (default: english): {', '.join(LANGUAGES)}",
    )
    group.add_argument(
        "--max-input-mb",
        type=_positive_float,
        default=20,
        metavar="MB",
        help="refuse documents larger than this (default: 20)",
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
        choices=FORMATS,
        help="read documents as this format instead of guessing from the extension "
        "(stdin is read as text unless told)",
    )


def _parallel_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("parallel summarising")
    group.add_argument(
        "-j",
        "--jobs",
        type=_natural,
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


def _number(convert, accept, expected: str):
    """An argparse type: ``convert`` the text, then check it with ``accept``."""

    def parse(value: str):
        try:
            number = convert(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {expected}, got {value!r}") from None
        if not accept(number):
            raise argparse.ArgumentTypeError(f"expected {expected}, got {value}")
        return number

    return parse


_natural = _number(int, lambda n: n >= 0, "a whole number, 0 or more")
_positive_float = _number(float, lambda x: x > 0, "a number above 0")
_ratio = _number(float, lambda x: 0.0 < x <= 1.0, "a fraction above 0 and at most 1")


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
    digest = summarize(
        args.source,
        options,
        format=args.input_format,
        max_input_bytes=int(args.max_input_mb * 1024 * 1024),
    )
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
        max_input_bytes=int(args.max_input_mb * 1024 * 1024),
        jobs=args.jobs,
        executor=args.executor,
        scheduler=args.scheduler,
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


def _add_daily_commands(commands) -> None:
    """``run``, ``init``, ``history`` and ``cron``: the unattended daily briefing."""
    run = commands.add_parser(
        "run",
        help="make today's briefing from the sources in the config file",
        description="One complete daily run: read the config's sources, brief what is new "
        "since the last run, write OUTPUT/<date>/briefing.* and OUTPUT/latest.*, and "
        "remember what was sent. Prints only the paths written.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _config_option(run)
    run.add_argument("--date", metavar="YYYY-MM-DD", help="the briefing's date (default: today)")
    new = run.add_mutually_exclusive_group()
    new.add_argument(
        "--since", metavar="YYYY-MM-DD", help="treat items briefed before this date as new again"
    )
    new.add_argument(
        "--all",
        dest="all_items",
        action="store_true",
        help="brief every item, whether briefed before or not",
    )
    run.add_argument(
        "--skip-empty",
        action="store_true",
        help="on a day with nothing new, write nothing (default: a short 'nothing new' briefing)",
    )
    run.add_argument("--log-file", type=Path, metavar="FILE", help="also append messages to FILE")
    run.add_argument(
        "-j",
        "--jobs",
        type=_natural,
        metavar="N",
        help="processes summarising items at once (default: one per core)",
    )
    verbosity = run.add_mutually_exclusive_group()
    verbosity.add_argument("-q", "--quiet", action="store_true", help="errors only on stderr")
    verbosity.add_argument("-v", "--verbose", action="store_true", help="say what is being done")
    run.set_defaults(run=_run_daily)

    init = commands.add_parser("init", help="write a commented example config file")
    _config_option(init)
    init.add_argument("--force", action="store_true", help="overwrite an existing file")
    init.set_defaults(run=_run_init)

    history = commands.add_parser("history", help="list recent daily runs")
    _config_option(history)
    history.add_argument(
        "-n",
        "--limit",
        type=_natural,
        default=10,
        metavar="N",
        help="how many runs to show (default: 10)",
    )
    history.set_defaults(run=_run_history)

    cron = commands.add_parser("cron", help="print a crontab line that runs the briefing daily")
    _config_option(cron)
    cron.add_argument("--at", default="06:30", metavar="HH:MM", help="time of day (default: 06:30)")
    cron.set_defaults(run=_run_cron)


def _config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-c",
        "--config",
        type=Path,
        default=Path("briefing.toml"),
        metavar="PATH",
        help="config file (default: briefing.toml)",
    )


def _run_daily(args) -> int:
    from .config import load_config
    from .daily import run_daily
    from .logs import progress_reporter, setup_logging

    setup_logging(quiet=args.quiet, verbose=args.verbose, log_file=args.log_file)
    config = load_config(args.config)
    if not config.sources:
        from .config import ConfigError

        raise ConfigError(f"{args.config}: no [[sources]] to read")
    with progress_reporter(len(config.sources)) as progress:
        result = run_daily(
            config,
            date=args.date,
            since=args.since,
            all_items=args.all_items,
            skip_empty=args.skip_empty,
            progress=progress,
            jobs=args.jobs,
        )
    for path in result.outputs:
        print(path)
    import logging

    log = logging.getLogger("briefing")
    for failure in result.failures:
        log.warning("%s", failure)
    if result.empty:
        log.info(
            "nothing new today: %s",
            "no briefing written" if not result.outputs else "wrote a 'nothing new' briefing",
        )
    return result.exit_code


def _run_init(args) -> int:
    from importlib.resources import files

    from .errors import UsageError
    from .write import write_atomic

    if args.config.exists() and not args.force:
        raise UsageError(f"{args.config} already exists (use --force to overwrite it)")
    write_atomic(args.config, files("briefing").joinpath("example.toml").read_bytes())
    print(args.config)
    return EXIT_OK


def _run_history(args) -> int:
    from .config import load_config
    from .state import State

    config = load_config(args.config)
    if not config.database_path.exists():
        print("no runs yet", file=sys.stderr)
        return EXIT_OK
    with State.open(config.database_path) as state:
        runs = state.runs(args.limit)
    for run in runs:
        ended = run.ended[11:19] if run.ended else "--:--:--"
        print(
            f"{run.id:>4}  {run.date}  {run.started[11:19]}-{ended}  {run.status:<8} "
            f"{run.items:>3} items  {run.failed_sources} failed  {run.message[:60]}"
        )
    return EXIT_OK


def _run_cron(args) -> int:
    import re
    import shutil

    from .errors import UsageError

    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", args.at)
    if not match:
        raise UsageError(f"invalid time {args.at!r}; use HH:MM")
    config = args.config.resolve()
    command = shutil.which("briefing") or f"{sys.executable} -m briefing"
    log_file = config.parent / "output" / "briefing.log"
    print(
        f"{int(match.group(2))} {int(match.group(1))} * * * cd {config.parent} && {command} run "
        f"--config {config} --quiet --log-file {log_file}"
    )
    return EXIT_OK


def _add_eval_command(commands) -> None:
    """``eval``: ROUGE of algorithms against a dataset of documents with human summaries."""
    from .evaluate import MODES

    def algorithms(value: str) -> list[str]:
        names = [name.strip() for name in value.split(",") if name.strip()]
        unknown = [name for name in names if name not in SUMMARIZERS]
        if unknown or not names:
            raise argparse.ArgumentTypeError(
                f"unknown algorithm {', '.join(unknown) or repr(value)}; "
                f"choose from: {', '.join(SUMMARIZERS)}"
            )
        return names

    evaluate = commands.add_parser(
        "eval",
        help="measure summary quality (ROUGE) against human-written summaries",
        description="Summarise each document of a JSON Lines dataset at its reference's length "
        "(its sentence count, 1 to 10) and print mean ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 per "
        "algorithm. Needs the optional extra: pip install 'briefing[eval]'.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    evaluate.add_argument(
        "dataset",
        type=Path,
        metavar="DATASET",
        help='JSON Lines: {"id", "title", "sections": [{"heading", "text"}], "reference"}',
    )
    evaluate.add_argument(
        "-a",
        "--algorithm",
        dest="algorithms",
        action="extend",
        type=algorithms,
        metavar="NAME",
        help="algorithm(s) to measure, repeatable or comma-separated (default: all)",
    )
    evaluate.add_argument(
        "--mode",
        choices=MODES,
        default="sections",
        help="sections: budget shared across sections by length, as briefings do "
        "(default); whole: all sections merged into one",
    )
    evaluate.add_argument("--limit", type=_natural, metavar="N", help="only the first N documents")
    evaluate.add_argument(
        "-l",
        "--language",
        default="english",
        metavar="LANG",
        help=f"documents' language (default: english): {', '.join(LANGUAGES)}",
    )
    evaluate.add_argument("--json", action="store_true", help="print JSON instead of a table")
    evaluate.set_defaults(run=_run_eval)


def _run_eval(args) -> int:
    import dataclasses
    import json

    from .evaluate import evaluate, format_table, read_dataset
    from .language import normalize_language

    language = normalize_language(args.language)
    algorithms = list(dict.fromkeys(args.algorithms or SUMMARIZERS))
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
