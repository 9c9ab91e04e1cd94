"""``briefing send``: mail one daily briefing (again), by the config's ``[mail]`` table."""

from __future__ import annotations

import argparse

from briefing.cli import common
from briefing.errors import EXIT_OK


def add(commands, epilog: str) -> None:
    parser = commands.add_parser(
        "send",
        help="mail a daily briefing (again) to the config's recipients",
        description="Mail the briefing of one date, already written by 'briefing run', to "
        "every recipient in the config's [mail] table, whether it was mailed before or not. "
        "Exits 5 when the mail cannot be delivered.",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    common.config_option(parser)
    parser.add_argument(
        "--date", metavar="YYYY-MM-DD", help="which briefing (default: the newest one written)"
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    from pathlib import Path

    from briefing.daily.config import load_config
    from briefing.daily.delivery import deliver
    from briefing.daily.lock import run_lock
    from briefing.daily.state import State
    from briefing.errors import DeliveryError, InputError, UsageError
    from briefing.pipeline import check_date
    from briefing.publish.archive import kept

    config = load_config(args.config)
    if config.mail is None:
        raise UsageError(f"{config.path}: no [mail] table; add one to mail briefings")
    out = Path(config.output_dir)
    date = check_date(args.date) if args.date else None
    if date is None:
        newest = next(iter(kept(out)), None)
        if newest is None:
            raise InputError(f"no briefing in {out} yet; make one with 'briefing run'")
        date = newest.date
    with run_lock(out), State.open(config.database_path) as state:
        problem = deliver(config, state, date)
    if problem:
        raise DeliveryError(f"{date}: mail not delivered: {problem}")
    print(f"mailed the briefing of {date} to {', '.join(config.mail.to)}")
    return EXIT_OK
