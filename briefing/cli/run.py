"""``briefing run``: today's briefing from the config's sources, under cron or by hand."""

from __future__ import annotations

import argparse
import signal
from pathlib import Path

from briefing.cli import common
from briefing.errors import EXIT_TERMINATED


def add(commands, epilog: str) -> None:
    parser = commands.add_parser(
        "run",
        help="make today's briefing from the sources in the config file",
        description="One complete daily run: read the config's sources, brief what is new "
        "since the last run, write OUTPUT/<date>/briefing.* and OUTPUT/latest.*, and "
        "remember what was sent. Prints only the paths written. Summary options given "
        "here override the config's.",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    common.config_option(parser)
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="the briefing's date (default: today)")
    new = parser.add_mutually_exclusive_group()
    new.add_argument(
        "--since", metavar="YYYY-MM-DD", help="treat items briefed before this date as new again"
    )
    new.add_argument(
        "--all",
        dest="all_items",
        action="store_true",
        help="brief every item, whether briefed before or not",
    )
    parser.add_argument(
        "--skip-empty",
        action="store_true",
        help="on a day with nothing new, write nothing (default: a short 'nothing new' briefing)",
    )
    parser.add_argument(
        "--log-file", type=Path, metavar="FILE", help="also append messages to FILE"
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=common.positive,
        metavar="N",
        help="processes summarising items at once (default: one per core)",
    )
    verbosity = parser.add_mutually_exclusive_group()
    verbosity.add_argument("-q", "--quiet", action="store_true", help="errors only on stderr")
    verbosity.add_argument("-v", "--verbose", action="store_true", help="say what is being done")
    common.summary_options(parser, defaults=False)
    parser.set_defaults(run=run, too_large_hint="raise max_bytes in the config")


class Terminated(KeyboardInterrupt):
    """SIGTERM (from cron, systemd or ``kill``), handled like Ctrl-C: the run stops, writes
    no partial files, and is recorded as interrupted."""


def _terminate(signum, frame) -> None:
    raise Terminated(f"terminated by {signal.Signals(signum).name}")


def run(args) -> int:
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return _run(args)
    except Terminated as exc:
        common.error(f"{exc}; the run is recorded as interrupted")
        return EXIT_TERMINATED
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run(args) -> int:
    import logging
    from dataclasses import replace

    from briefing.daily.config import SummaryOverrides, load_config, require_sources
    from briefing.daily.logs import setup_logging
    from briefing.daily.progress import progress_bars
    from briefing.daily.run import run_daily

    setup_logging(quiet=args.quiet, verbose=args.verbose, log_file=args.log_file)
    config = require_sources(load_config(args.config))
    flags = SummaryOverrides(
        args.algorithm, args.language, args.sentences, args.ratio, args.max_sentences
    )
    config = replace(config, summary=flags.apply(config.summary))
    with progress_bars() as progress:
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
    log = logging.getLogger("briefing")
    if result.empty:
        log.info(
            "nothing new today: %s",
            "no briefing written" if not result.outputs else "wrote a 'nothing new' briefing",
        )
    return result.exit_code
