"""The day in brief's weights on the development halves, and what its readability rules cost.

    .venv/bin/python bench/daybrief.py choose     # coordinate ascent, first halves only
    .venv/bin/python bench/daybrief.py rules      # each readability rule left out, first halves
    .venv/bin/python bench/daybrief.py reading    # the highlights checked as a reader would, all
    .venv/bin/python bench/daybrief.py speed      # a day of every Multi-News article as an item
    .venv/bin/python bench/daybrief.py mixed      # days of five unrelated events, first halves

The protocol of ``briefing eval`` on ``/work/shared/eval/mds`` (``--data``): each cluster's
documents summarised by ``auto`` at the daily budget, then ``day_in_brief`` at the
references' length (3..7); R1 F1 averaged over the references. The objective is the worse
of the two sets' margins over the best of lead/LexRank/TextRank, on the files' first halves
(where weights may be chosen); the second halves are never read here.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from briefing.assemble import highlights  # noqa: E402
from briefing.daily.config import DEFAULT_ITEM_SENTENCES  # noqa: E402
from briefing.errors import InputError  # noqa: E402
from briefing.evaluate import rouge_scorer, score  # noqa: E402
from briefing.evaluate.mds import cluster_length, read_clusters, summarize_cluster  # noqa: E402
from briefing.summarize import SummaryOptions, summarize_document  # noqa: E402
from briefing.summarize.language import get_language  # noqa: E402

DATA = Path("/work/shared/eval/mds")
SETS = ("duc2007-update", "multinews-dev")
GRID = {
    "own": (0.5, 1.0, 1.5),  # not 0: on a real day the items are unrelated (docs/quality.md)
    "title": (0.0, 0.25, 0.5),
    "mmr_lambda": (0.5, 0.6, 0.7),
    "min_words": (6, 8, 10, 12),
    "max_words": (40, 50, 60),
}


def development(data: Path, everything: bool = False):
    """Per set: (cluster, documents, digests, length) of the first half's clusters (with
    ``everything``, of all clusters: only for checks that choose nothing)."""
    options = SummaryOptions(max_sentences=DEFAULT_ITEM_SENTENCES)
    out = {}
    for name in SETS:
        rows = []
        for cluster in read_clusters(data / f"{name}.jsonl"):
            if cluster.second_half and not everything:
                continue
            documents, digests = [], []
            for document in cluster.documents:
                try:
                    digests.append(summarize_document(document, options))
                except InputError:
                    continue
                documents.append(document)
            rows.append((cluster, documents, digests, cluster_length(cluster.references)))
        out[name] = rows
    return out


def r1(scorer, summary, references) -> float:
    return statistics.mean(score(scorer, summary, r)["rouge1"] for r in references)


def margins(sets, scorer, best, settings=highlights.BRIEF_SETTINGS, rules=highlights.reads_alone):
    """Each set's mean R1 of the day in brief minus its best baseline."""
    english = get_language("english")
    saved = highlights.reads_alone
    highlights.reads_alone = rules
    try:
        return {
            name: statistics.mean(
                r1(
                    scorer,
                    [h.sentence for h in highlights.day_in_brief(g, english, n, d, settings)],
                    c.references,
                )
                for c, d, g, n in rows
            )
            - best[name]
            for name, rows in sets.items()
        }
    finally:
        highlights.reads_alone = saved


def baselines(sets, scorer):
    return {
        name: max(
            statistics.mean(r1(scorer, summarize_cluster(c, a), c.references) for c, *_ in rows)
            for a in ("lead", "lexrank", "textrank")
        )
        for name, rows in sets.items()
    }


def cmd_choose(args) -> None:
    scorer = rouge_scorer()
    sets = development(args.data)
    best = baselines(sets, scorer)
    print("best baselines, first halves:", {k: round(v, 2) for k, v in best.items()})

    def objective(settings):
        found = margins(sets, scorer, best, settings)
        print(f"  {settings}: " + ", ".join(f"{k} {v:+.2f}" for k, v in found.items()), flush=True)
        return min(found.values())

    current = highlights.DEFAULT_SETTINGS  # start from the story summary's weights
    value = objective(current)
    for _ in range(args.rounds):
        improved = False
        for key, options in GRID.items():
            for option in options:
                if getattr(current, key) == option:
                    continue
                candidate = replace(current, **{key: option})
                v = objective(candidate)
                if v > value + 0.01:
                    current, value, improved = candidate, v, True
                    print(f"-> {key}={option}: {v:+.2f}", flush=True)
        if not improved:
            break
    print("chosen:", current)


def cmd_rules(args) -> None:
    """R1 margin on the first halves with the rules as they are, and with one left out."""
    from briefing.summarize.auto import is_fragment
    from briefing.summarize.coherence import leans_back

    scorer = rouge_scorer()
    sets = development(args.data)
    best = baselines(sets, scorer)
    variants = {
        "all rules": highlights.reads_alone,
        "- whole sentence (terminal punctuation)": lambda s: (
            not is_fragment(s) and len(s.split()) <= highlights.MAX_WORDS and not leans_back(s)
        ),
        "- no pronoun/connective opener": lambda s: (
            bool(highlights._ENDS_A_SENTENCE.search(s))
            and not is_fragment(s)
            and len(s.split()) <= highlights.MAX_WORDS
        ),
        "no rule": lambda s: True,
    }
    print("| rules | " + " | ".join(SETS) + " |\n|---|--:|--:|")
    for name, rule in variants.items():
        found = margins(sets, scorer, best, rules=rule)
        print(f"| {name} | " + " | ".join(f"{found[s]:+.2f}" for s in SETS) + " |", flush=True)


def cmd_reading(args) -> None:
    """Every highlight of every cluster, checked against the rules a reader would notice."""
    from briefing.summarize.coherence import leans_back

    english = get_language("english")
    counts = dict.fromkeys(
        (
            "highlights",
            "leans on the sentence before",
            "not a whole sentence",
            "over 60 words",
            "leaves a pick leaning on it",
            "two from one item before all had one",
            "from the item's own picks",
        ),
        0,
    )
    for rows in development(args.data, everything=True).values():
        for _, documents, digests, n in rows:
            picked = highlights.day_in_brief(digests, english, n, documents)
            items = {h.document for h in picked}
            counts["two from one item before all had one"] += len(items) < min(
                len(picked), len(digests)
            )
            for h in picked:
                kept = [s for sec in digests[h.document].sections for s in sec.sentences]
                counts["highlights"] += 1
                counts["leans on the sentence before"] += leans_back(h.sentence)
                counts["not a whole sentence"] += not highlights._ENDS_A_SENTENCE.search(h.sentence)
                counts["over 60 words"] += len(h.sentence.split()) > highlights.MAX_WORDS
                counts["from the item's own picks"] += h.sentence in kept
                counts["leaves a pick leaning on it"] += any(
                    a == h.sentence and leans_back(b) for a, b in zip(kept, kept[1:])
                )
    for name, value in counts.items():
        print(f"| {name} | {value} |")


def cmd_speed(args) -> None:
    """Every Multi-News article as one item of a single day: time and peak memory."""
    import resource
    import time

    english = get_language("english")
    rows = development(args.data, everything=True)["multinews-dev"]
    documents = [d for _, docs, _, _ in rows for d in docs]
    digests = [g for _, _, gs, _ in rows for g in gs]
    start = time.perf_counter()
    picked = highlights.day_in_brief(digests, english, 7, documents)
    seconds = time.perf_counter() - start
    sentences = sum(len(s.sentences) for g in digests for s in g.sections)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{len(documents)} items ({sentences} picks): {len(picked)} highlights in "
        f"{seconds:.2f} s, peak RSS {rss:.0f} MB"
    )


def mixed_days(sets):
    """Days of five events each, from the first halves: Multi-News clusters five at a time;
    DUC's five development topics on each of their days A, B, C. A day's k-th reference is
    its events' k-th references put together."""
    days = []
    news = sets["multinews-dev"]
    for start in range(0, len(news) - 4, 5):
        days.append(news[start : start + 5])
    duc = sets["duc2007-update"]
    for letter in "ABC":
        days.append([row for row in duc if row[0].id.endswith(f"-{letter}")])
    out = []
    for rows in days:
        documents = [d for _, docs, _, _ in rows for d in docs]
        digests = [g for _, _, gs, _ in rows for g in gs]
        width = min(len(c.references) for c, *_ in rows)
        references = ["\n\n".join(c.references[k] for c, *_ in rows) for k in range(width)]
        out.append((documents, digests, references))
    return out


def cmd_mixed(args) -> None:
    """The day in brief on days of unrelated events (as a real day is), 7 highlights, scored
    against the events' references together: weights that matter only there show here."""
    from briefing.evaluate.mds import Cluster

    english = get_language("english")
    scorer = rouge_scorer()
    days = mixed_days(development(args.data))
    systems = {
        "brief (chosen weights)": highlights.BRIEF_SETTINGS,
        "brief, own item 0": replace(highlights.BRIEF_SETTINGS, own=0.0),
        "brief, own item 0.5": replace(highlights.BRIEF_SETTINGS, own=0.5),
        "brief, the story summary's weights": highlights.DEFAULT_SETTINGS,
    }
    print(f"{len(days)} days of 5 events, 7 highlights\n| system | R1 | events covered |")
    print("|---|--:|--:|")
    for name in ("lead", "lexrank"):
        values = []
        for documents, _, references in days:
            cluster = Cluster("day", tuple(documents), tuple(references))
            summary = summarize_cluster_at(cluster, name, 7)
            values.append(r1(scorer, summary, references))
        print(f"| {name} | {statistics.mean(values):.2f} | |")
    for name, settings in systems.items():
        values, covered = [], []
        for documents, digests, references in days:
            picked = highlights.day_in_brief(digests, english, 7, documents, settings)
            values.append(r1(scorer, [h.sentence for h in picked], references))
            covered.append(len({documents[h.document].source.split("#")[0] for h in picked}))
        print(f"| {name} | {statistics.mean(values):.2f} | {statistics.mean(covered):.1f} |")


def summarize_cluster_at(cluster, algorithm: str, count: int):
    """A baseline's summary of a day at ``count`` sentences (not the references' length)."""
    from briefing.evaluate import mds

    saved = mds.cluster_length
    mds.cluster_length = lambda references, language="english": count
    try:
        return summarize_cluster(cluster, algorithm)
    finally:
        mds.cluster_length = saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    sub = parser.add_subparsers(dest="command", required=True)
    choose = sub.add_parser("choose")
    choose.add_argument("--rounds", type=int, default=3)
    choose.set_defaults(run=cmd_choose)
    sub.add_parser("rules").set_defaults(run=cmd_rules)
    sub.add_parser("reading").set_defaults(run=cmd_reading)
    sub.add_parser("speed").set_defaults(run=cmd_speed)
    sub.add_parser("mixed").set_defaults(run=cmd_mixed)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
