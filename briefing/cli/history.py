"""``briefing history``: the recent daily runs, from the state database."""

from __future__ import annotations

import sys

from briefing.cli import common
from briefing.errors import EXIT_OK


def add(commands, epilog: str) -> None:
    parser = commands.add_parser("history", help="list recent daily runs")
    common.config_option(parser)
    parser.add_argument(
        "-n",
        "--limit",
        type=common.natural,
        default=10,
        metavar="N",
        help="how many runs to show (default: 10)",
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    from briefing.daily.config import load_config
    from briefing.daily.state import State

    config = load_config(args.config)
    if not config.database_path.exists():
        print("no runs yet", file=sys.stderr)
        return EXIT_OK
    from briefing.compose.text import escape_controls

    with State.open(config.database_path) as state:
        runs = state.runs(args.limit)
    for run in runs:
        ended = run.ended[11:19] if run.ended else "--:--:--"
        print(
            f"{run.id:>4}  {run.date}  {run.started[11:19]}-{ended}  {run.status:<11} "
            f"{run.items:>3} items  {run.failed_sources} failed  {escape_controls(run.message)[:60]}"
        )
    return EXIT_OK
