"""``briefing algorithms``: the summarizers (and, on request, readers, outputs, source kinds)."""

from __future__ import annotations

from briefing.errors import EXIT_OK


def add(commands, epilog: str) -> None:
    parser = commands.add_parser(
        "algorithms",
        help="list the summarisation algorithms (and other extension points)",
        description="List the summarisation algorithms, built-in and from installed plugins.",
    )
    parser.add_argument(
        "--all",
        action="store_true",
        help="also list the input formats, outputs and source kinds",
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    from briefing.summarize import DEFAULT_ALGORITHM, SUMMARIZERS

    _table(
        [
            (a.name, a.summary + (" (default)" if a.name == DEFAULT_ALGORITHM else ""))
            for a in SUMMARIZERS.values()
        ]
    )
    if args.all:
        from briefing.daily.kinds import SOURCE_KINDS
        from briefing.publish.outputs import OUTPUTS
        from briefing.read.registry import READERS

        print("\ninput formats:")
        _table([(r.name, f"{r.summary} ({', '.join(r.extensions)})") for r in READERS.values()])
        print("\noutputs:")
        _table([(o.name, o.summary) for o in OUTPUTS.values()])
        print("\nsource kinds ([[sources]] key):")
        _table([(f"{k.name} ({k.key})", k.summary) for k in SOURCE_KINDS.values()])
    return EXIT_OK


def _table(rows: list[tuple[str, str]]) -> None:
    width = max(len(name) for name, _ in rows)
    for name, text in rows:
        print(f"{name:<{width}}  {text}")
