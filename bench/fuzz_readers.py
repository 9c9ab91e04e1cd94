"""Fuzz the readers and the summariser for a fixed time and report what escaped.

    .venv/bin/python bench/fuzz_readers.py --seconds 300

Mutation fuzzing: the project's own test and example documents are spliced, repeated,
cut and sprinkled with markup, control characters, nesting thousands of levels deep and
random bytes, then read with a random reader and summarised with a random algorithm.
Anything other than a BriefingError that escapes, a budget overrun, or a case slower than
--slow seconds is reported. (The property tests in
tests/test_properties.py cover the same ground with Hypothesis in CI, with few examples.)
Not part of CI: it runs as long as asked.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.errors import BriefingError  # noqa: E402
from briefing.read import READERS, decode, parse  # noqa: E402
from briefing.summarize import SUMMARIZERS, SummaryOptions, summarize_document  # noqa: E402

SEEDS = [p.read_bytes() for p in (ROOT / "tests" / "data").iterdir() if p.is_file()]
SEEDS += [p.read_bytes() for p in (ROOT / "examples").rglob("*") if p.is_file()]
MARKUP = [
    "<",
    ">",
    "</",
    "<p>",
    "<h2>",
    "</h1>",
    "<li>",
    "<!--",
    "-->",
    "<![CDATA[",
    "&amp;",
    "&#",
    ";",
    "#",
    "##",
    "\n",
    "\n\n",
    "```",
    "|",
    "---",
    "===",
    "*",
    "_",
    "[",
    "](",
    "!",
    "?",
    ".",
    "“",
    "”",
    "\ufeff",
    "\x00",
    "\r",
    "\u2028",
    "<script>",
    "<?xml ?>",
    "\x1b[2J",
    "\x9b31m",
]
NESTING = ["> ", "- ", "1. ", "    - ", "\n    ", "<div>", "<ul><li>", "<blockquote>", "<b>", "["]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """Splice, repeat, delete and insert bytes and markup into a real document."""
    data = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        op = rng.random()
        at = rng.randint(0, len(data)) if data else 0
        if op < 0.3:
            data[at:at] = rng.choice(MARKUP).encode()
        elif op < 0.35:
            # Deep nesting: quotes, lists, indented lists, HTML blocks, up to thousands deep.
            data[at:at] = rng.choice(NESTING).encode() * rng.randint(1, 3000)
        elif op < 0.5 and data:
            del data[at : at + rng.randint(1, 200)]
        elif op < 0.7 and data:
            chunk = data[at : at + rng.randint(1, 500)]
            data[at:at] = chunk * rng.randint(1, 50)
        elif op < 0.85:
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 30)))
        else:
            other = rng.choice(SEEDS)
            start = rng.randint(0, len(other))
            data[at:at] = other[start : start + rng.randint(1, 2000)]
    return bytes(data)


def one_case(data: bytes, fmt: str, algorithm: str) -> str:
    try:
        document = parse(decode(data, "fuzz"), "fuzz", fmt)
        digest = summarize_document(document, SummaryOptions(algorithm=algorithm, sentences=2))
    except BriefingError:
        return "error"
    for section in digest.sections:
        assert len(section.sentences) <= 2
    return "ok" if digest.sections else "empty"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--slow", type=float, default=5.0, help="report cases slower than this")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print(f"$ python bench/fuzz_readers.py --seconds {args.seconds:g} --seed {args.seed}")
    outcomes, crashes, slow = Counter(), [], []
    deadline = time.monotonic() + args.seconds
    cases = 0
    while time.monotonic() < deadline:
        data = mutate(rng.choice(SEEDS), rng)
        fmt = rng.choice(READERS.builtin_names())
        algorithm = rng.choice(sorted(SUMMARIZERS))
        started = time.monotonic()
        try:
            outcomes[one_case(data, fmt, algorithm)] += 1
        except Exception as exc:  # the point of the exercise: anything that escapes
            crashes.append((fmt, algorithm, repr(exc)[:200], traceback.format_exc(limit=3)))
        took = time.monotonic() - started
        if took > args.slow:
            slow.append((fmt, algorithm, len(data), round(took, 1)))
        cases += 1
    print(f"{cases} cases in {args.seconds:g} s: {dict(outcomes)}")
    print(f"escaped exceptions: {len(crashes)}; slower than {args.slow:g} s: {len(slow)}")
    for fmt, algorithm, what, trace in crashes[:10]:
        print(f"- {fmt}/{algorithm}: {what}\n{trace}")
    for case in slow[:10]:
        print(f"- slow: {case}")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
