"""What each part of ``auto`` adds (ablation, per half), and how fast it is on 5,000 sentences.

    python bench/quality.py ablation /work/shared/eval/scisummnet.jsonl [--limit N] [--mode whole]
    python bench/quality.py speed

``ablation`` summarises every document of a dataset (sections mode, at the reference's
length, as ``briefing eval`` does) with ``auto`` and with ``auto`` minus one part at a time,
and prints ROUGE F1 and the share of picks cut from the sentence they lean on, for the
file's first half (where the weights were chosen), its second half and all of it. Each
document is split and vectorised once for all variants. Needs ``pip install 'briefing[eval]'``.

``speed`` times ``auto`` on 5,000 sentences of real text (bench/summarizers.py's texts), in
one section and in 25, with and without the tokenizing every algorithm shares.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from briefing.evaluate import (  # noqa: E402
    FIRST,
    SECOND,
    Scored,
    by_half,
    merged,
    read_dataset,
    rouge_scorer,
    score,
    summary_length,
)
from briefing.summarize import auto, split_sentences  # noqa: E402
from briefing.summarize.coherence import cut_off  # noqa: E402
from briefing.summarize.language import get_language  # noqa: E402
from briefing.summarize.options import SummaryOptions, budgets  # noqa: E402
from briefing.summarize.vectors import TfIdf, content_terms  # noqa: E402

FULL = auto.WEIGHTS
#: (name, weights, whether the document budget is pooled).
VARIANTS = (
    ("auto", FULL, True),
    ("- coherence (antecedent brought or pick passed over)", replace(FULL, coherent=False), True),
    ("- centrality across sections", replace(FULL, across=0.0), True),
    ("- centrality within long sections", replace(FULL, within=0.0), True),
    ("- place of the section", replace(FULL, section_place=0.0), True),
    ("- heading names", replace(FULL, heading=0.0), True),
    ("- title", replace(FULL, title=0.0), True),
    ("- near-copy rule", replace(FULL, duplicate=2.0), True),
    ("- document budget (by-length share per section)", FULL, False),
    (
        "position only (+ fragments, near-copies, coherence)",
        replace(FULL, across=0, within=0, section_place=0, heading=0, title=0),
        True,
    ),
)


def ablation(path: Path, limit: int | None, mode: str = "sections") -> None:
    english = get_language("english")
    scorer = rouge_scorer()
    examples = [e for e in read_dataset(path, limit) if e.reference.strip()]
    scored: dict[str, list[Scored]] = {name: [] for name, _, _ in VARIANTS}
    for example in examples:
        document = example.document if mode == "sections" else merged(example.document)
        sentences = [split_sentences(section, english) for section in document.sections]
        flat = [s for section in sentences for s in section]
        total = min(summary_length(example.reference), len(flat))
        counts = budgets([len(s) for s in sentences], SummaryOptions(max_sentences=total))
        vectors = TfIdf([content_terms(s, english) for s in flat])
        for name, weights, pooled in VARIANTS:
            start = time.perf_counter()
            ranked = auto.scores(document, sentences, vectors, english, weights)
            need = None if pooled else [min(c, len(s)) for c, s in zip(counts, sentences)]
            wanted = total if pooled else sum(need)
            picks = auto.pick(sentences, vectors, ranked, need, wanted, weights)
            seconds = time.perf_counter() - start
            summary = [sentences[k][i] for k, section in enumerate(picks) for i in section]
            cut = sum(len(cut_off(sentences[k], section)) for k, section in enumerate(picks))
            rouge = score(scorer, summary, example.reference)
            scored[name].append(Scored(example.second_half, rouge, len(summary), cut, seconds))
    print(f"{path.name}: {len(examples)} documents, auto and auto minus one part ({mode} mode)")
    print("| variant | R1 first half | R1 second half | R1 all | R2 all | cut off % |")
    print("|---|--:|--:|--:|--:|--:|")
    for name, _, _ in VARIANTS:
        halves = {r.half: r for r in by_half(name, "sections", scored[name])}
        every = halves.get("all") or next(iter(halves.values()))
        cells = [f"{halves[h].rouge1:.2f}" if h in halves else "-" for h in (FIRST, SECOND)]
        print(
            f"| {name} | {' | '.join(cells)} | {every.rouge1:.2f} | {every.rouge2:.2f} "
            f"| {every.cut_off:.1f} |"
        )


def speed() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from summarizers import licence_sentences, stdlib_sentences

    from briefing.model import Document, Section

    english = get_language("english")
    from briefing.summarize import vectors

    print(
        "| text | sections | distinct sentences | tokenizing (s) "
        "| auto without tokenizing (s) | auto in all (s) |"
    )
    print("|---|--:|--:|--:|--:|--:|")
    for label, source in (("licence", licence_sentences), ("stdlib", stdlib_sentences)):
        base = source(english)
        sentences = (base * (5000 // len(base) + 1))[:5000]
        for parts in (1, 25):
            size = 5000 // parts
            sections = [sentences[i : i + size] for i in range(0, 5000, size)]
            document = Document(
                "Terms and conditions of the licence",
                "<bench>",
                "text",
                tuple(Section(f"Part {k + 1}" if parts > 1 else "", 1, ()) for k in range(parts)),
            )
            best = [float("inf")] * 3
            for _ in range(3):
                vectors._TERMS.clear()  # each repetition tokenizes afresh, as a new day would
                auto_terms = auto.content_terms
                start = time.perf_counter()
                terms = [content_terms(s, english) for s in sentences]
                tokenized = time.perf_counter()
                cached = dict(zip(sentences, terms))
                auto.content_terms = lambda s, language, c=cached, f=auto_terms: (
                    c.get(s) or f(s, language)
                )
                try:
                    auto.choose(document, sections, [5] * parts, english, total=5)
                finally:
                    auto.content_terms = auto_terms
                done = time.perf_counter()
                times = (tokenized - start, done - tokenized, done - start)
                best = [min(a, b) for a, b in zip(best, times)]
            distinct = len(set(sentences))
            print(
                f"| {label} | {parts} | {distinct:,} | {best[0]:.3f} | {best[1]:.3f} "
                f"| {best[2]:.3f} |"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("ablation", help="auto minus one part at a time, per half")
    run.add_argument("dataset", type=Path)
    run.add_argument("--limit", type=int, help="only the first N documents")
    run.add_argument("--mode", choices=("sections", "whole"), default="sections")
    commands.add_parser("speed", help="auto on 5,000 sentences")
    args = parser.parse_args()
    if args.command == "ablation":
        ablation(args.dataset, args.limit, args.mode)
    else:
        speed()


if __name__ == "__main__":
    main()
