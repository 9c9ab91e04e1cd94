"""``briefing cron``: a crontab line that runs the configured briefing every day."""

from __future__ import annotations

import re
import shlex
import sys

from briefing.cli import common
from briefing.errors import EXIT_OK


def add(commands, epilog: str) -> None:
    parser = commands.add_parser("cron", help="print a crontab line that runs the briefing daily")
    common.config_option(parser)
    parser.add_argument(
        "--at", default="06:30", metavar="HH:MM", help="time of day (default: 06:30)"
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    import shutil

    from briefing.daily.config import load_config, require_sources
    from briefing.errors import UsageError

    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", args.at)
    if not match:
        raise UsageError(f"invalid time {args.at!r}; use HH:MM")
    config_path = args.config.resolve()
    config = require_sources(load_config(config_path))  # no line for a config that cannot run
    command = shutil.which("briefing") or f"{sys.executable} -m briefing"
    log_file = config.output_dir.resolve() / "briefing.log"
    folder, path = shlex.quote(str(config_path.parent)), shlex.quote(str(config_path))
    print(
        f"{int(match.group(2))} {int(match.group(1))} * * * cd {folder} && {command} run "
        f"--config {path} --quiet --log-file {shlex.quote(str(log_file))}"
    )
    return EXIT_OK
