"""``briefing history``: the recent daily runs and their mail, from the state database."""

from __future__ import annotations

import sys

from briefing.cli import common
from briefing.errors import EXIT_OK

HEADER = f"{'run':>4}  {'date':<10}  {'started':<8}  {'ended':<8}  {'status':<11}  items  failed  {'mail':<7}  message"
#: Where a message's continuation lines start (under "message").
INDENT = " " * HEADER.index("message")


def add(commands, epilog: str) -> None:
    parser = commands.add_parser(
        "history",
        help="list recent daily runs",
        description="The recent daily runs, newest first: date, times, status, items "
        "briefed, sources that failed, whether the briefing was mailed, and every message.",
    )
    common.config_option(parser)
    parser.add_argument(
        "-n",
        "--limit",
        type=common.natural,
        default=10,
        metavar="N",
        help="how many runs to show (default: 10)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help='print {"runs": [...], "deliveries": [...]} for scripts (see the README)',
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    import dataclasses
    import json

    from briefing.daily.config import load_config
    from briefing.daily.state import State

    config = load_config(args.config)
    runs, deliveries = [], []
    if config.database_path.exists():
        with State.open(config.database_path) as state:
            runs = state.runs(args.limit)
            dates = {run.date for run in runs}
            deliveries = [d for d in state.deliveries(10_000) if d.date in dates]
    if args.json:
        data = {
            "runs": [dataclasses.asdict(r) for r in runs],
            "deliveries": [dataclasses.asdict(d) for d in deliveries],
        }
        common.write_stdout(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not runs:
        print("no runs yet", file=sys.stderr)
        return EXIT_OK
    from briefing.compose.text import escape_controls

    mail = {d.date: d for d in deliveries}
    print(HEADER)
    for run in runs:
        sent = mail.get(run.date)
        lines = [part for part in run.message.split("; source ") if part]
        lines = [lines[0], *(f"source {part}" for part in lines[1:])] if lines else [""]
        if sent and sent.status != "sent" and sent.message:
            lines.append(f"mail: {sent.message}")
        print(
            f"{run.id:>4}  {run.date:<10}  {run.started[11:19]:<8}  "
            f"{run.ended[11:19] or '--:--:--':<8}  {run.status:<11}  {run.items:>5}  "
            f"{run.failed_sources:>6}  {sent.status if sent else '-':<7}  "
            f"{escape_controls(lines[0])}".rstrip()
        )
        for line in lines[1:]:
            print(INDENT + escape_controls(line))
    return EXIT_OK
