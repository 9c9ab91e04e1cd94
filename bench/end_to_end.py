"""End-to-end speed and memory: `briefing build` of N documents (summaries + PDF).

    .venv/bin/python bench/end_to_end.py --documents 300

Writes N documents (txt, md and html, made by shuffling the paragraphs of the project's
example and test documents, so each is different), runs the installed `briefing build`
on them with every output, and prints documents per second and the peak memory of the
whole process tree (the command and its worker processes, sampled from /proc). Also
times `briefing --help` and `briefing summarize` on a small file (CLI start-up).
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BRIEFING = str(Path(sys.executable).parent / "briefing")
BASES = sorted(
    [p for p in (ROOT / "examples").glob("*.*") if p.suffix in (".txt", ".md", ".html")]
    + sorted((ROOT / "examples" / "site").glob("*.html"))
    + sorted((ROOT / "tests" / "data").glob("*.txt"))
)


def make_documents(folder: Path, count: int, seed: int = 3) -> list[Path]:
    """``count`` documents: the bases with paragraphs shuffled within each block of text."""
    rng = random.Random(seed)
    paths = []
    for i in range(count):
        base = BASES[i % len(BASES)]
        lines = base.read_text().splitlines()
        body = lines[1:]
        # Shuffle runs of ordinary text lines; keep headings and markup lines in place.
        movable = [
            n
            for n, line in enumerate(body)
            if len(line) > 60 and not line.lstrip().startswith("<h")
        ]
        texts = [body[n] for n in movable]
        rng.shuffle(texts)
        for n, text in zip(movable, texts):
            body[n] = text
        path = folder / f"{i:03d}-{base.name}"
        path.write_text("\n".join([lines[0], *body]) + "\n")
        paths.append(path)
    return paths


def tree_rss(pid: int) -> int:
    """Resident memory (bytes) of a process and all its descendants."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) * 1024
        stack.extend(int(c) for c in children)
    return total


def run_measured(command: list[str]) -> tuple[float, int, int]:
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss(process.pid))
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    if process.returncode:
        print(process.stderr.read().decode(), file=sys.stderr)
    return seconds, peak, process.returncode


def best_of(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return sorted(times)[len(times) // 2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=None, help="passed to briefing build -j")
    parser.add_argument("--algorithm", default=None)
    args = parser.parse_args()
    print(
        f"$ python bench/end_to_end.py --documents {args.documents}"
        + (f" --jobs {args.jobs}" if args.jobs else "")
        + (f" --algorithm {args.algorithm}" if args.algorithm else "")
    )
    work = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    try:
        (work / "in").mkdir()
        paths = make_documents(work / "in", args.documents)
        words = sum(len(p.read_text().split()) for p in paths)
        command = [
            BRIEFING,
            "build",
            *map(str, paths),
            "-o",
            str(work / "out"),
            "--to",
            "md,html,pdf",
        ]
        if args.jobs:
            command += ["-j", str(args.jobs)]
        if args.algorithm:
            command += ["-a", args.algorithm]
        seconds, peak, code = run_measured(command)
        pdf = next((work / "out").rglob("briefing.pdf"), None)
        print(f"documents: {len(paths)} ({words} words); exit code {code}")
        print(
            f"build (summaries + md + html + pdf): {seconds:.1f} s, "
            f"{len(paths) / seconds:.1f} documents/s, peak memory {peak / 2**20:.0f} MiB"
            f" (process tree), PDF {pdf.stat().st_size // 1024 if pdf else 0} KiB"
        )
        small = str(ROOT / "tests" / "data" / "harbour-plaintext.txt")
        print(f"briefing --help: {best_of([BRIEFING, '--help'], 7) * 1000:.0f} ms (median of 7)")
        print(
            f"briefing summarize (small file): {best_of([BRIEFING, 'summarize', small], 5) * 1000:.0f} ms"
            " (median of 5)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
