"""Held-out check of summary quality: ROUGE on slices of a dataset, and on each half of a slice.

``briefing eval`` measures the first N documents; this measures any range, split in two, to
see whether a change that helps on the half it was tuned on also helps on the other half and
on documents never looked at. Needs ``pip install 'briefing[eval]'``. Example:

    python bench/quality.py /work/shared/eval/scisummnet.jsonl --start 150 --stop 450 -a lead,auto
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.evaluate import MODES, evaluate, format_table, read_dataset  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("-a", "--algorithms", default="lead,auto", help="comma-separated")
    parser.add_argument("--mode", choices=MODES, default="sections")
    parser.add_argument("--start", type=int, default=0, help="first document (0-based)")
    parser.add_argument("--stop", type=int, help="one past the last document (default: all)")
    args = parser.parse_args()

    examples = read_dataset(args.dataset, args.stop)[args.start :]
    half = len(examples) // 2
    stop = args.start + len(examples)
    algorithms = args.algorithms.split(",")
    for label, part in (
        (f"documents {args.start}-{stop - 1}", examples),
        (f"first half, {args.start}-{args.start + half - 1}", examples[:half]),
        (f"second half, {args.start + half}-{stop - 1}", examples[half:]),
    ):
        print(f"{args.dataset.name}, {label}, mode {args.mode}")
        print(format_table(evaluate(part, algorithms, args.mode)))
        print()


if __name__ == "__main__":
    main()
