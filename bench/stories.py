"""Stories: grouping (B-cubed), story summaries (ROUGE), updates (DUC 2007), speed.

    .venv/bin/python bench/stories.py grouping          # per-mix table, both halves
    .venv/bin/python bench/stories.py choose            # the settings grid, development half only
    .venv/bin/python bench/stories.py summaries         # story summaries vs lead/LexRank/TextRank
    .venv/bin/python bench/stories.py updates           # DUC 2007 update: days A, B, C
    .venv/bin/python bench/stories.py novelty           # does ROUGE there reward what is new?
    .venv/bin/python bench/stories.py speed             # grouping 300 items, time and memory

Data: ``/work/shared/eval/mds`` (``--data``), never committed. Halves: the first 5 of the 10
DUC 2007 topics and the first 50 of the 100 Multi-News clusters are the development half,
on which the settings were chosen (``choose``); the other half is held out. A "mix" puts
the documents of many clusters into one day: the DUC topics (sets A, B and C together,
the truth being the topic), or 20 random Multi-News clusters (seeds 0-9), shuffled.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.assemble.stories import (  # noqa: E402
    DEFAULT_GROUPING,
    Grouping,
    StoryItem,
    cluster,
    group_stories,
    similarities,
)
from briefing.summarize.language import get_language  # noqa: E402

DATA = Path("/work/shared/eval/mds")
SEEDS = range(10)
PER_MIX = 20


def load(data: Path, name: str) -> list[dict]:
    with (data / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def topic(cluster_row: dict) -> str:
    return cluster_row["id"].split("_")[1][:6]


def duc_mix(rows: list[dict], topics: list[str]):
    docs = [(d, topic(r)) for r in rows if topic(r) in topics for d in r["documents"]]
    return [item(d) for d, _ in docs], [t for _, t in docs]


def news_mix(rows: list[dict], seed: int):
    rng = random.Random(seed)
    docs = [(d, r["id"]) for r in rng.sample(rows, PER_MIX) for d in r["documents"]]
    rng.shuffle(docs)
    return [item(d) for d, _ in docs], [c for _, c in docs]


def item(document: dict) -> StoryItem:
    # One day: the documents' own dates (months or years apart in DUC) are left out.
    return StoryItem(document.get("title") or "", document["text"])


def mixes(data: Path, half: int):
    """(name, items, true labels) of one half's mixes."""
    duc, news = load(data, "duc2007-update.jsonl"), load(data, "multinews-dev.jsonl")
    topics = sorted({topic(r) for r in duc})
    chosen = topics[:5] if half == 0 else topics[5:]
    out = [(f"duc-{'dev' if half == 0 else 'held'}", *duc_mix(duc, chosen))]
    pool = news[:50] if half == 0 else news[50:]
    for seed in SEEDS:
        out.append((f"mn-{'dev' if half == 0 else 'held'}-{seed}", *news_mix(pool, seed)))
    return out


def bcubed(predicted: list[list[int]], labels: list[str]) -> tuple[float, float, float, int]:
    """B-cubed precision, recall, F1, and the number of groups that mix two true clusters."""
    group_of = {i: g for g, members in enumerate(predicted) for i in members}
    sizes = Counter(labels)
    precision = recall = 0.0
    for i, label in enumerate(labels):
        members = predicted[group_of[i]]
        same = sum(labels[j] == label for j in members)
        precision += same / len(members)
        recall += same / sizes[label]
    precision, recall = precision / len(labels), recall / len(labels)
    false = sum(len({labels[j] for j in members}) > 1 for members in predicted)
    return precision, recall, 2 * precision * recall / (precision + recall), false


def dense(n: int, pairs):
    import numpy as np

    matrix = np.eye(n)
    for i, j, value in pairs:
        matrix[i, j] = matrix[j, i] = value
    return matrix


def oracle(similarity, labels: list[str], link: float = 0.05) -> list[list[int]]:
    """The best a grouping of what the text shows can do: true clusters, split where an item
    shares less than ``link`` cosine with every item of its cluster (junk pages, teasers)."""
    n = len(labels)
    parent = list(range(n))

    def root(i):
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j in itertools.combinations(range(n), 2):
        if labels[i] == labels[j] and similarity[i, j] >= link:
            parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def ceiling(items, labels: list[str], language) -> list[list[int]]:
    """Every item long enough to be grouped (``min_words`` content words) in its true
    cluster, the shorter ones (teasers, archive and tweet notices) each alone: what a
    grouping that keeps short items single can at best reach."""
    from briefing.assemble.storyvectors import words

    groups: dict[str, list[int]] = {}
    alone = []
    for i, (it, label) in enumerate(zip(items, labels)):
        if len(words(it.text, language)) >= DEFAULT_GROUPING.min_words:
            groups.setdefault(label, []).append(i)
        else:
            alone.append([i])
    return list(groups.values()) + alone


def baseline(items, language) -> list:
    """Plain TF-IDF cosine of whole texts (no entities, titles once, no short-item rule)."""
    plain = Grouping(
        entity_weight=0.0, linkage="average", min_words=0, title_weight=1, min_shared_names=0
    )
    return similarities(items, language, plain)


def cmd_grouping(args) -> None:
    language = get_language("english")
    print(
        "| mix | items | clusters | precision | recall | B-cubed F1 | false merges | "
        "F1 without joining singles | baseline F1 (t=0.15) | baseline false merges | oracle F1 | ceiling F1 |"
    )
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    for half in (0, 1):
        scores = []
        for name, items, labels in mixes(args.data, half):
            p, r, f, false = bcubed(group_stories(items, language), labels)
            pairs_only = cluster(len(items), similarities(items, language), DEFAULT_GROUPING)
            pf = bcubed(pairs_only, labels)[2]
            plain = baseline(items, language)
            bp = bcubed(
                cluster(len(items), plain, Grouping(linkage="average", threshold=0.15)), labels
            )
            of = bcubed(oracle(dense(len(items), plain), labels), labels)[2]
            cf = bcubed(ceiling(items, labels, language), labels)[2]
            scores.append((name, f, false, bp[2], bp[3], pf, cf))
            print(
                f"| {name} | {len(items)} | {len(set(labels))} | {p:.3f} | {r:.3f} | {f:.3f} "
                f"| {false} | {pf:.3f} | {bp[2]:.3f} | {bp[3]} | {of:.3f} | {cf:.3f} |"
            )
        for kind in ("duc", "mn"):
            rows = [s for s in scores if s[0].startswith(kind)]
            f = [s[1] for s in rows]
            print(
                f"| **{kind} {'dev' if half == 0 else 'held-out'}: mean / worst** | | | | | "
                f"**{sum(f) / len(f):.3f} / {min(f):.3f}** | {sum(s[2] for s in rows)} | "
                f"{sum(s[5] for s in rows) / len(rows):.3f} / {min(s[5] for s in rows):.3f} | "
                f"{sum(s[3] for s in rows) / len(rows):.3f} / {min(s[3] for s in rows):.3f} "
                f"| {sum(s[4] for s in rows)} | | "
                f"{sum(s[6] for s in rows) / len(rows):.3f} / {min(s[6] for s in rows):.3f} |"
            )
    duc = load(args.data, "duc2007-update.jsonl")
    items, labels = duc_mix(duc, sorted({topic(r) for r in duc}))
    p, r, f, false = bcubed(group_stories(items, language), labels)
    print(
        f"| duc-all (10 topics, 30 sets; half of it is dev) | {len(items)} | 10 | {p:.3f} | "
        f"{r:.3f} | {f:.3f} | {false} | | | | | |"
    )


GRID = {
    "entity_weight": (0.0, 0.3, 0.5),
    "linkage": ("average", "centroid"),
    "threshold": (0.08, 0.1, 0.12, 0.15, 0.2),
    "floor": (0.04, 0.06, 0.08),
    "min_words": (0, 30, 40),
    "title_weight": (1, 2),
    "min_shared_names": (0, 1, 2),
    "unshared": (0.0, 0.5),
    "attach": (0.0, 0.14, 0.16, 0.18, 0.2),
}


def grouped(items, views, grouping: Grouping) -> list[list[int]]:
    """``group_stories`` over views computed once (the choice runs many settings)."""
    from briefing.assemble import stories
    from briefing.assemble.storycluster import attach_singles
    from briefing.assemble.storyvectors import shared_names

    groups = cluster(len(items), stories._similarities(items, views, grouping), grouping)
    if not grouping.attach:
        return groups

    def related(i, group):
        if not grouping.min_shared_names:
            return True
        together = set().union(*(views.named[j] for j in group))
        return shared_names(views.named[i], together) >= grouping.min_shared_names

    return attach_singles(groups, views.vectors, views.long_enough, related, grouping.attach)


def cmd_choose(args) -> None:
    """Every setting in GRID (less those ``--fix`` excludes) on the development half only;
    best by the worse of DUC's F0.5 and Multi-News' mean F0.5 (to 0.01), then by fewer
    false merges, then mean F1. The whole grid takes long: fix some settings."""
    from briefing.assemble.stories import _views

    language = get_language("english")
    dev = mixes(args.data, 0)
    results = []
    cache = {}
    fixed = dict(f.split("=") for f in args.fix)
    for values in itertools.product(*GRID.values()):
        grouping = Grouping(**dict(zip(GRID, values)))
        if any(str(getattr(grouping, k)) != v for k, v in fixed.items()):
            continue
        if grouping.linkage == "average" and grouping.floor != GRID["floor"][0]:
            continue
        if grouping.min_shared_names == 0 and grouping.unshared != GRID["unshared"][0]:
            continue
        key = (grouping.entity_weight, grouping.min_words, grouping.title_weight)
        if key not in cache:
            cache[key] = [_views(items, language, grouping) for _, items, _ in dev]
        scores = [
            bcubed(grouped(items, views, grouping), labels)
            for views, (_, items, labels) in zip(cache[key], dev)
        ]
        duc = scores[0][2]
        news = sum(s[2] for s in scores[1:]) / len(scores[1:])
        false = sum(s[3] for s in scores)
        duc_half = f_beta(*scores[0][:2])
        news_half = sum(f_beta(*s[:2]) for s in scores[1:]) / len(scores[1:])
        results.append((min(duc_half, news_half), -false, duc, news, grouping))
    # Differences under 0.005 are noise on 11 mixes: among those, fewer false merges win,
    # then the higher mean F1.
    results.sort(key=lambda r: (round(r[0], 2), r[1], r[2] + r[3]), reverse=True)
    print("| worst of F0.5 | DUC dev F1 | Multi-News dev mean F1 | false merges | settings |")
    print("|--:|--:|--:|--:|---|")
    for best, false, duc, news, grouping in results[: args.top]:
        settings = {k: getattr(grouping, k) for k in GRID}
        print(f"| {best:.3f} | {duc:.3f} | {news:.3f} | {-false} | {settings} |")


def f_beta(precision: float, recall: float, beta: float = 0.5) -> float:
    """B-cubed F with precision weighted ``1/beta`` times recall: a false merge costs more
    than a missed one (the issue's rule), so settings are chosen on F0.5."""
    b2 = beta * beta
    return (1 + b2) * precision * recall / (b2 * precision + recall)


def cmd_speed(args) -> None:
    import resource

    language = get_language("english")
    news = load(args.data, "multinews-dev.jsonl")
    duc = load(args.data, "duc2007-update.jsonl")
    pool = [item(d) for r in duc for d in r["documents"]] + [
        item(d) for r in news for d in r["documents"]
    ]
    for n in (100, 300, 600):
        items = pool[:n]
        from briefing.assemble.stories import group_stories

        group_stories(items[:5], language)  # warm: imports, stemmer
        start = time.perf_counter()
        groups = group_stories(items, language)
        seconds = time.perf_counter() - start
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        words = sum(len(i.text.split()) for i in items)
        print(
            f"| {n} items | {words} words | {seconds:.2f} s | {len(groups)} stories | "
            f"peak RSS {rss:.0f} MB |"
        )


# -- story summaries ---------------------------------------------------------------------


def sentences_of(document: dict, language) -> list[str]:
    # As the readers do: paragraphs at blank lines, Punkt within each.
    return [s for p in document["text"].split("\n\n") for s in language.to_sentences(p)]


def budget(references: list[str], language) -> int:
    """The references' sentence count (their mean, rounded), clamped to 3..7."""
    counts = [
        sum(len(language.to_sentences(p)) for p in r.split("\n") if p.strip()) for r in references
    ]
    return max(3, min(7, round(sum(counts) / len(counts))))


def rouge(scorer, summary: list[str], references: list[str]) -> tuple[float, float, float]:
    """ROUGE-1/2/Lsum F1 x100, averaged over the references."""
    from briefing.evaluate import score

    values = [score(scorer, summary, r) for r in references]
    return tuple(sum(v[k] for v in values) / len(values) for k in ("rouge1", "rouge2", "rougeLsum"))


def lead(items: list[list[str]], count: int) -> list[str]:
    """Round-robin first sentences: each item's first, then each item's second, ..."""
    out = []
    for position in range(max(map(len, items), default=0)):
        for sentences in items:
            if position < len(sentences) and len(out) < count:
                out.append(sentences[position])
    return out


def pooled(algorithm: str, items: list[list[str]], count: int, language) -> list[str]:
    from briefing.model import Document, Section
    from briefing.summarize.registry import SUMMARIZERS

    pool = [s for sentences in items for s in sentences]
    document = Document("", "<pool>", "text", (Section("", 0, tuple(pool)),))
    picked = SUMMARIZERS[algorithm].picker(language)(document, [pool], [count], language)[0]
    return [pool[i] for i in sorted(picked)]


def ours(items, titles, count, language, memory=(), settings=None) -> list[str]:
    from briefing.assemble.multidoc import DEFAULT_SETTINGS, pick

    picks = pick(items, titles, language, count, memory, settings or DEFAULT_SETTINGS)
    return [p.sentence for p in picks]


def summary_sets(data: Path, half: int | None):
    """(name, clusters) of the two sets, by half (None: all)."""
    duc, news = load(data, "duc2007-update.jsonl"), load(data, "multinews-dev.jsonl")
    topics = sorted({topic(r) for r in duc})
    if half is not None:
        keep = set(topics[:5] if half == 0 else topics[5:])
        duc = [r for r in duc if topic(r) in keep]
        news = news[:50] if half == 0 else news[50:]
    return [("duc2007-update", duc), ("multinews-dev", news)]


def prepare(rows, language):
    out = []
    for r in rows:
        items = [sentences_of(d, language) for d in r["documents"]]
        items = [i for i in items if i]
        titles = [d.get("title") or "" for d in r["documents"]]
        out.append((items, titles, budget(r["references"], language), r["references"]))
    return out


def cmd_summaries(args) -> None:
    from briefing.evaluate import rouge_scorer

    language = get_language("english")
    scorer = rouge_scorer()
    methods = {
        "lead (round-robin)": lambda i, t, c: lead(i, c),
        "LexRank (pooled)": lambda i, t, c: pooled("lexrank", i, c, language),
        "TextRank (pooled)": lambda i, t, c: pooled("textrank", i, c, language),
        "stories": lambda i, t, c: ours(i, t, c, language),
    }
    print("| set | half | clusters | " + " | ".join(methods) + " | stories - best baseline |")
    print("|---|---|--:|" + "--:|" * (len(methods) + 1))
    for half, label in ((0, "dev"), (1, "held-out"), (None, "all")):
        for name, rows in summary_sets(args.data, half):
            prepared = prepare(rows, language)
            r1 = {}
            for method, run in methods.items():
                values = [rouge(scorer, run(i, t, c), refs) for i, t, c, refs in prepared]
                r1[method] = [sum(v[k] for v in values) / len(values) for k in range(3)]
            best = max(v[0] for m, v in r1.items() if m != "stories")
            cells = " | ".join(f"{v[0]:.2f} / {v[1]:.2f} / {v[2]:.2f}" for v in r1.values())
            print(f"| {name} | {label} | {len(rows)} | {cells} | {r1['stories'][0] - best:+.2f} |")


# -- updates -----------------------------------------------------------------------------


def sent_on_a_day(
    items, titles, count, language, memory, settings=None
) -> tuple[list[str], list[str]]:
    """What a daily briefing sends of one story: its summary, and each item's own summary
    (the default summarizer and budget), folded under it."""
    from briefing.model import Document, Section
    from briefing.summarize import summarize_document

    summary = ours(items, titles, count, language, memory, settings)
    folded = []
    for sentences, title in zip(items, titles):
        digest = summarize_document(
            Document(title, "<item>", "text", (Section("", 0, tuple(sentences)),))
        )
        folded += [s for section in digest.sections for s in section.sentences]
    return summary, folded


def update_days(data: Path, half: int | None):
    """Per topic, its sets A, B, C (the days), each as (items, titles, budget, references)."""
    language = get_language("english")
    duc = load(data, "duc2007-update.jsonl")
    topics = sorted({topic(r) for r in duc})
    if half is not None:
        topics = topics[:5] if half == 0 else topics[5:]
    days = {t: {} for t in topics}
    for r in duc:
        if topic(r) in days:
            days[topic(r)][r["update_set"]] = prepare([r], language)[0]
    return [(t, [days[t][k] for k in "ABC"]) for t in topics]


def repeats(summary: list[str], memory: list[str], language, at: float = 0.5) -> int:
    """How many of the summary's sentences say again what was sent (cosine >= ``at``)."""
    from briefing.summarize.vectors import TfIdf, content_terms

    if not memory or not summary:
        return 0
    terms = [content_terms(s, language) for s in summary + memory]
    vectors = TfIdf(terms).similarities()
    return int((vectors[: len(summary), len(summary) :].max(axis=1) >= at).sum())


def cmd_updates(args) -> None:
    """Days A, B, C of every topic of a half at once: each day's stories are matched against
    the earlier days' (by signature, as a daily run does), and summarised with the memory of
    the story they were matched to; scored against that day's references."""
    from briefing.assemble.storymatch import match, signatures
    from briefing.evaluate import rouge_scorer

    language = get_language("english")
    scorer = rouge_scorer()
    print(
        "| half | day | topics | matched right / wrong / new | without memory (R1 / R2 / "
        "RLsum) | with memory | R1 gain | repeats without / with |"
    )
    print("|---|---|--:|--:|--:|--:|--:|--:|")
    for half, label in ((0, "dev"), (1, "held-out"), (None, "all")):
        topics = update_days(args.data, half)
        stored: list[tuple[str, dict]] = []  # (topic, latest signature)
        memory: dict[str, list[str]] = {}
        for day in range(3):
            today = [(t, days[day]) for t, days in topics]
            texts = [" ".join(s) for _, (items, *_) in today for s in items]
            spans, start = [], 0
            for _, (items, *_) in today:
                spans.append(list(range(start, start + len(items))))
                start += len(items)
            signs = signatures(texts, spans, language)
            found = match(signs, [sig for _, sig in stored]) if stored else [None] * len(today)
            right = wrong = new = 0
            plain_scores, memory_scores, plain_repeats, memory_repeats = [], [], 0, 0
            sent_today = {}
            for (t, (items, titles, count, refs)), j in zip(today, found):
                earlier_topic = stored[j][0] if j is not None else None
                right += earlier_topic == t
                wrong += earlier_topic is not None and earlier_topic != t
                new += earlier_topic is None
                remembered = memory.get(earlier_topic, []) if earlier_topic else []
                summary, folded = sent_on_a_day(items, titles, count, language, remembered)
                if day:
                    plain = ours(items, titles, count, language)
                    plain_scores.append(rouge(scorer, plain, refs))
                    memory_scores.append(rouge(scorer, summary, refs))
                    truth = memory.get(t, [])
                    plain_repeats += repeats(plain, truth, language)
                    memory_repeats += repeats(summary, truth, language)
                sent_today[t] = summary + folded
            for t, sentences in sent_today.items():
                memory.setdefault(t, []).extend(sentences)
            stored = [(t, sig) for (t, _), sig in zip(today, signs)] + [
                (t, sig) for t, sig in stored if t not in {x for x, _ in today}
            ]
            if not day:
                continue
            a = [sum(v[k] for v in plain_scores) / len(plain_scores) for k in range(3)]
            b = [sum(v[k] for v in memory_scores) / len(memory_scores) for k in range(3)]
            print(
                f"| {label} | {day + 1} ({'ABC'[day]}) | {len(today)} | {right} / {wrong} / {new} "
                f"| {a[0]:.2f} / {a[1]:.2f} / {a[2]:.2f} | {b[0]:.2f} / {b[1]:.2f} / {b[2]:.2f} "
                f"| {b[0] - a[0]:+.2f} | {plain_repeats} / {memory_repeats} |"
            )


def cmd_novelty(args) -> None:
    """Does ROUGE on the update references reward what is new? Per topic and day (B, C):
    the Spearman correlation, over the day's candidate sentences (8-50 words), between a
    sentence's closest cosine to what was sent and the share of its words found in the
    day's references; and the coefficient of that closeness in a least-squares fit of the
    share on (centrality, closeness)."""
    import numpy as np
    from scipy.stats import spearmanr

    from briefing.summarize.vectors import TfIdf, content_terms

    language = get_language("english")
    print("| topic | day | Spearman(closeness, overlap) | coefficient with centrality held |")
    print("|---|---|--:|--:|")
    for topic_id, days in update_days(args.data, None):
        memory: list[str] = []
        for day, (items, titles, count, refs) in enumerate(days, start=1):
            summary, folded = sent_on_a_day(items, titles, count, language, memory)
            if day > 1:
                pool = [s for sentences in items for s in sentences if 8 <= len(s.split()) <= 50]
                terms = [content_terms(s, language) for s in pool]
                vectors = TfIdf(terms)
                unit = np.array([vectors.vector(t) for t in terms])
                sent = np.array([vectors.vector(content_terms(m, language)) for m in memory])
                closeness = (unit @ sent.T).max(axis=1)
                centroid = unit.sum(axis=0)
                centrality = unit @ (centroid / np.linalg.norm(centroid))
                wanted = {t for r in refs for t in content_terms(r, language)}
                overlap = np.array([len(set(t) & wanted) / max(1, len(set(t))) for t in terms])
                fit = np.linalg.lstsq(
                    np.c_[np.ones(len(pool)), centrality, closeness], overlap, rcond=None
                )[0]
                rho = spearmanr(closeness, overlap)[0]
                print(f"| {topic_id} | {'ABC'[day - 1]} | {rho:.2f} | {fit[2]:+.3f} |")
            memory += summary + folded


SUMMARY_GRID = {
    "own": (0.0, 0.25, 0.5, 1.0),
    "title": (0.0, 0.25, 0.5, 1.0),
    "mmr_lambda": (0.5, 0.6, 0.7, 0.8, 0.9),
    "min_words": (4, 6, 8, 10),
    "max_words": (30, 40, 50, 60, 80),
    "one_per_item": (True, False),
}


def cmd_choose_summary(args) -> None:
    """Coordinate ascent over SUMMARY_GRID on the development half only: the objective is
    the worse of the two sets' margins (R1 of stories minus the best baseline's R1)."""
    from briefing.assemble.multidoc import DEFAULT_SETTINGS
    from briefing.evaluate import rouge_scorer

    language = get_language("english")
    scorer = rouge_scorer()
    sets = [(name, prepare(rows, language)) for name, rows in summary_sets(args.data, 0)]
    best_baseline = {}
    for name, prepared in sets:
        values = []
        for run in (
            lambda i, c: lead(i, c),
            lambda i, c: pooled("lexrank", i, c, language),
            lambda i, c: pooled("textrank", i, c, language),
        ):
            r1 = [rouge(scorer, run(i, c), refs)[0] for i, t, c, refs in prepared]
            values.append(sum(r1) / len(r1))
        best_baseline[name] = max(values)
    print("best baselines (dev):", best_baseline)

    def objective(settings):
        margins = {}
        for name, prepared in sets:
            r1 = [
                rouge(scorer, ours(i, t, c, language, (), settings), refs)[0]
                for i, t, c, refs in prepared
            ]
            margins[name] = sum(r1) / len(r1) - best_baseline[name]
        return min(margins.values()), margins

    current = DEFAULT_SETTINGS
    value, margins = objective(current)
    print(f"start {value:+.2f} {margins}")
    for _ in range(args.rounds):
        improved = False
        for key, options in SUMMARY_GRID.items():
            for option in options:
                if getattr(current, key) == option:
                    continue
                candidate = replace(current, **{key: option})
                v, m = objective(candidate)
                if v > value + 0.01:
                    current, value, margins, improved = candidate, v, m, True
                    print(f"{key}={option}: {v:+.2f} {m}", flush=True)
        if not improved:
            break
    print("chosen:", current)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("grouping").set_defaults(run=cmd_grouping)
    choose = sub.add_parser("choose")
    choose.add_argument("--top", type=int, default=15)
    choose.add_argument(
        "--fix", nargs="*", default=[], metavar="KEY=VALUE", help="only settings with these values"
    )
    choose.set_defaults(run=cmd_choose)
    sub.add_parser("speed").set_defaults(run=cmd_speed)
    sub.add_parser("summaries").set_defaults(run=cmd_summaries)
    sub.add_parser("updates").set_defaults(run=cmd_updates)
    sub.add_parser("novelty").set_defaults(run=cmd_novelty)
    choose_summary = sub.add_parser("choose-summary")
    choose_summary.add_argument("--rounds", type=int, default=3)
    choose_summary.set_defaults(run=cmd_choose_summary)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
