"""``briefing init``: a commented example config to start from."""

from __future__ import annotations

from briefing.cli import common
from briefing.errors import EXIT_OK


def add(commands, epilog: str) -> None:
    parser = commands.add_parser("init", help="write a commented example config file")
    common.config_option(parser)
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    parser.set_defaults(run=run)


def run(args) -> int:
    from importlib.resources import files

    from briefing.errors import UsageError
    from briefing.publish.write import write_atomic

    if args.config.exists() and not args.force:
        raise UsageError(f"{args.config} already exists (use --force to overwrite it)")
    write_atomic(args.config, files("briefing.daily").joinpath("example.toml").read_bytes())
    print(args.config)
    return EXIT_OK
