"""Start-up against another checkout: same picks on whole datasets, and whole-process times.

``picks`` summarises every document of each dataset with this tree and with ``--old`` (each
in its own process, the tree first on ``PYTHONPATH``) and counts the documents whose picks
differ: at the default budget (what ``briefing summarize`` keeps) and at the evaluation
budget (the reference's length, as ``briefing eval`` measures). ``times`` runs commands
with each tree in turn (A B A B ...) and prints the median wall time of each, and the ratio.

    python bench/startup.py picks --old /tmp/base data/cnndm-dev.jsonl data/scisummnet.jsonl
    python bench/startup.py times --old /tmp/base --article article.txt -n 11
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def digests(datasets: list[str], algorithms: list[str]) -> None:
    """Print one JSON line per document and algorithm: a hash of the sentences picked."""
    from briefing.evaluate import SummaryOptions, _example, summarize_document, summarize_example

    for dataset in datasets:
        for number, line in enumerate(Path(dataset).read_text(encoding="utf-8").splitlines()):
            # A document without a reference (one in ScisummNet) gets the one-sentence budget.
            record = json.loads(line)
            record["reference"] = record.get("reference") or "-"
            example = _example(json.dumps(record), f"{dataset}:{number + 1}")
            for algorithm in algorithms:
                digest = summarize_document(example.document, SummaryOptions(algorithm=algorithm))
                default = [list(section.sentences) for section in digest.sections]
                evaluation = summarize_example(example, algorithm, "sections")
                print(
                    json.dumps(
                        {
                            "id": f"{Path(dataset).name}:{example.id}:{algorithm}",
                            "default": _hash(default),
                            "eval": _hash(evaluation),
                        }
                    )
                )


def _hash(value) -> str:
    return hashlib.sha256(json.dumps(value).encode()).hexdigest()


def _run_digests(tree: Path, datasets: list[str], algorithms: list[str]) -> dict[str, dict]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    command = [sys.executable, __file__, "_digests", "-a", ",".join(algorithms), *datasets]
    out = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    return {row["id"]: row for row in map(json.loads, out.splitlines())}


def picks(args) -> None:
    algorithms = args.algorithms.split(",")
    started = time.perf_counter()
    new = _run_digests(ROOT, args.datasets, algorithms)
    old = _run_digests(args.old, args.datasets, algorithms)
    print(f"this tree ({ROOT}) against {args.old}; {time.perf_counter() - started:.0f} s")
    print(
        "| dataset | algorithm | documents | differing (default budget) | differing (eval budget) |"
    )
    print("|---|---|--:|--:|--:|")
    for dataset in args.datasets:
        for algorithm in algorithms:
            ids = [
                i
                for i in new
                if i.startswith(f"{Path(dataset).name}:") and i.endswith(f":{algorithm}")
            ]
            missing = sum(i not in old for i in ids)
            differ = {
                budget: sum(i in old and new[i][budget] != old[i][budget] for i in ids)
                for budget in ("default", "eval")
            }
            note = f" ({missing} missing from --old)" if missing else ""
            print(
                f"| {Path(dataset).name} | {algorithm} | {len(ids)}{note} | {differ['default']} "
                f"| {differ['eval']} |"
            )


def times(args) -> None:
    """Median whole-process wall and CPU time of each command with each tree, run alternately.

    CPU time (user + system, from ``getrusage``) moves less than wall time on a busy machine.
    """
    commands = {
        "--help": ["--help"],
        "summarize": ["summarize", str(args.article.resolve())],
        "summarize -a lexrank": ["summarize", "-a", "lexrank", str(args.article.resolve())],
    }
    trees = {"new": ROOT, "old": args.old}
    wall: dict[tuple[str, str], list[float]] = {}
    cpu: dict[tuple[str, str], list[float]] = {}
    for label, argv in commands.items():
        for run in range(args.runs + 1):  # the first round warms the caches, not counted
            for name, tree in trees.items():
                env = {**os.environ, "PYTHONPATH": str(tree)}
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                subprocess.run(  # -P: the tree on PYTHONPATH, not a briefing/ in the cwd
                    [sys.executable, "-P", "-m", "briefing", *argv],
                    env=env,
                    stdout=subprocess.DEVNULL,
                    check=True,
                )
                elapsed = time.perf_counter() - start
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                if run:
                    wall.setdefault((label, name), []).append(elapsed)
                    cpu.setdefault((label, name), []).append(
                        after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
                    )
    print(f"median of {args.runs} runs each, alternating; load average {os.getloadavg()[0]:.1f}")
    print("| command | old wall s | new wall s | old / new | old CPU s | new CPU s | old / new |")
    print("|---|--:|--:|--:|--:|--:|--:|")
    for label in commands:
        old, new = (statistics.median(wall[label, name]) for name in ("old", "new"))
        old_cpu, new_cpu = (statistics.median(cpu[label, name]) for name in ("old", "new"))
        print(
            f"| briefing {label} | {old:.3f} | {new:.3f} | {old / new:.1f}x "
            f"| {old_cpu:.3f} | {new_cpu:.3f} | {old_cpu / new_cpu:.1f}x |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("picks", help="count documents whose picks differ")
    p.add_argument("datasets", nargs="+")
    p.add_argument("--old", type=Path, required=True, help="the other checkout")
    p.add_argument("-a", "--algorithms", default="auto", help="comma-separated")
    p.set_defaults(run=picks)
    t = commands.add_parser("times", help="whole-process times, old against new")
    t.add_argument("--old", type=Path, required=True, help="the other checkout")
    t.add_argument("--article", type=Path, required=True, help="a document of ~1,000 words")
    t.add_argument("-n", "--runs", type=int, default=7)
    t.set_defaults(run=times)
    d = commands.add_parser("_digests")  # the worker: runs under the tree on PYTHONPATH
    d.add_argument("datasets", nargs="+")
    d.add_argument("-a", "--algorithms", default="auto")
    args = parser.parse_args()
    if args.command == "_digests":
        digests(args.datasets, args.algorithms.split(","))
    else:
        args.run(args)


if __name__ == "__main__":
    main()
