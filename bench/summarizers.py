"""Summarizer speed: sumy's classes against briefing's fast ones, on 200 to 5,000 sentences.

    .venv/bin/python bench/summarizers.py --max-reference-seconds 300

Builds one section of N sentences of real text (by default Python's LICENSE.txt repeated
until long enough, as the issue measured it; ``--text stdlib`` takes distinct sentences
from the docstrings of the standard library instead), and summarises the whole of it to 5
sentences with every algorithm's sumy class and its fast class, set up as
``section_picker`` sets them up. Sentences are tokenized before the clock starts: both
sides share that work (language.py's), and it is reported on its own line.

sumy runs once per size; the fast class runs three times (cold stem cache each time) and
the best time counts. A sumy run expected to take longer than ``--max-reference-seconds``
(estimated from its growth between the last two sizes measured) is skipped and shown as
``skipped (est. X s)``. "same picks" compares the two sides' choices: ``yes``, ``ties``
(they differ only among sentences that sumy rates equal to the cut-off), or ``NO``.
"""

from __future__ import annotations

import argparse
import ast
import math
import os
import platform
import shlex
import sys
import sysconfig
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# One BLAS thread unless told otherwise: on a busy machine OpenBLAS's threads spin against
# each other and sumy's small SVDs take seconds instead of milliseconds. (Set before numpy
# is first imported; briefing.summarize.fast imports it.)
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from briefing.model import Section  # noqa: E402
from briefing.summarize import SUMMARIZERS, split_sentences  # noqa: E402
from briefing.summarize.fast import _common  # noqa: E402
from briefing.summarize.language import get_language  # noqa: E402
from briefing.summarize.sumy_adapter import sumy_document  # noqa: E402

STDLIB = Path(sysconfig.get_paths()["stdlib"])
COUNT = 5
TIE = 1e-9


def licence_sentences(language) -> list[str]:
    text = (STDLIB / "LICENSE.txt").read_text(encoding="utf-8")
    section = Section("", 0, tuple(p for p in text.split("\n\n") if p.strip()))
    return split_sentences(section, language)


def stdlib_sentences(language) -> list[str]:
    """Distinct sentences from the docstrings of the standard library's modules."""
    kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    seen: dict[str, None] = {}
    for path in sorted(STDLIB.glob("*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, kinds) and (doc := ast.get_docstring(node)):
                paragraphs = tuple(" ".join(p.split()) for p in doc.split("\n\n") if p.strip())
                for sentence in split_sentences(Section("", 0, paragraphs), language):
                    seen.setdefault(sentence)
    return list(seen)


def sentences_of(pool: list[str], n: int) -> list[str]:
    return [pool[i % len(pool)] for i in range(n)]


def run(cls, name, document, language):
    """``(seconds, picked indices, ratings)`` of one whole-document summary."""
    heading = Section("Terms and conditions", 1, ())
    summarizer = SUMMARIZERS[name].sumy.make(cls, language, "", heading)
    recorded = []
    best = summarizer._get_best_sentences

    def recording(sentences, count, rating, *args, **kwargs):
        rate = rating.__getitem__ if isinstance(rating, dict) else rating
        recorded.extend(rate(s, *args, **kwargs) for s in sentences)
        position = iter(recorded)
        return best(sentences, count, lambda s: next(position))

    summarizer._get_best_sentences = recording
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        start = time.perf_counter()
        picked = summarizer(document, COUNT)
        seconds = time.perf_counter() - start
    index = {id(s): i for i, s in enumerate(document.sentences)}
    return seconds, sorted(index[id(s)] for s in picked), recorded


def same_picks(reference, fast) -> str:
    _, want, ratings = reference
    _, have, _ = fast
    if want == have:
        return "yes"
    scale = max([abs(r) for r in ratings if math.isfinite(r)] + [1e-300])
    cut_off = min(ratings[i] for i in want)
    if all(abs(ratings[i] - cut_off) <= TIE * scale for i in set(want) ^ set(have)):
        return "ties"
    return "NO"


def times(ratio: float) -> str:
    return f"{ratio:.0f}x" if ratio >= 10 else f"{ratio:.1f}x"


def estimate(measured: list[tuple[int, float]], n: int) -> float:
    """Time at ``n`` sentences, from the growth between the last two sizes measured."""
    (n1, t1), (n2, t2) = measured[-2:] if len(measured) > 1 else [(1, 0.0), measured[-1]]
    power = math.log(t2 / t1) / math.log(n2 / n1) if t1 > 0 and t2 > t1 else 2.0
    return t2 * (n / n2) ** max(power, 1.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,500,1000,2000,5000")
    parser.add_argument("--max-reference-seconds", type=float, default=300.0)
    parser.add_argument("--text", choices=("licence", "stdlib"), default="licence")
    parser.add_argument(
        "--algorithms",
        default=",".join(name for name, a in SUMMARIZERS.items() if a.sumy and a.sumy.fast),
    )
    parser.add_argument("--fast-runs", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    names = args.algorithms.split(",")

    import numpy
    import scipy
    import sumy

    print("$", shlex.join(sys.orig_argv))
    print(
        f"Python {platform.python_version()}, sumy {sumy.__version__}, numpy {numpy.__version__}, "
        f"scipy {scipy.__version__}; {os.cpu_count()} CPUs, load average "
        f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}, "
        f"OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']}"
    )
    language = get_language("english")
    pool = licence_sentences(language) if args.text == "licence" else stdlib_sentences(language)
    print(
        f"text: {args.text}, {len(pool)} distinct sentences, repeated as needed; "
        f"whole-document summary of {COUNT} sentences\n"
    )

    documents = {}
    for n in sizes:
        document = sumy_document(
            Section("Terms and conditions", 1, ()), sentences_of(pool, n), language
        )
        start = time.perf_counter()
        words = len(document.words)  # tokenize every sentence (and the heading) first
        print(
            f"tokenizing {n:,} sentences ({words:,} words): {time.perf_counter() - start:.2f} s, not timed below"
        )
        documents[n] = document
    print()

    widths = (10, 9, 22, 7, 8, 10)
    titles = ("algorithm", "sentences", "sumy s", "fast s", "ratio", "same picks")
    print("| " + " | ".join(t.ljust(w) for t, w in zip(titles, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for name in names:
        algorithm = SUMMARIZERS[name]
        reference = algorithm.sumy.summarizer_class(reference_impl=True)
        fast = algorithm.sumy.summarizer_class()
        measured: list[tuple[int, float]] = []
        for n in sizes:
            document = documents[n]
            fast_runs = []
            for _ in range(args.fast_runs):
                _common._STEMS.clear()
                fast_runs.append(run(fast, name, document, language))
            fast_result = min(fast_runs, key=lambda r: r[0])
            expected = estimate(measured, n) if measured else 0.0
            if expected > args.max_reference_seconds:
                sumy_cell = f"skipped (est. {expected:.0f} s)"
                ratio = "~" + times(expected / fast_result[0])
                picks = "-"
            else:
                ref_result = run(reference, name, document, language)
                measured.append((n, ref_result[0]))
                sumy_cell = f"{ref_result[0]:.3f}"
                ratio = times(ref_result[0] / fast_result[0])
                picks = same_picks(ref_result, fast_result)
            print(
                f"| {name:<10} | {n:>9,} | {sumy_cell:>22} | {fast_result[0]:>7.3f} | "
                f"{ratio:>8} | {picks:<10} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
