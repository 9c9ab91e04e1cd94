"""How many of the sentences a briefing picks are not sentences (bylines, table cells, list intros...).

Usage: python bench/non_sentences.py [--pages DIR] [--labels FILE] [-a NAME,...] [--unlabeled]
   or: PYTHONPATH=/path/to/older/checkout python bench/non_sentences.py   (figures before)

Every algorithm summarises, with default settings (2 sentences a section), the saved web
pages of the development set (``shared/eval/webpages``, listed in its ``index.json``) and the
project's examples (``examples/*.txt|md|html``, ``examples/site/*.html``). Each pick is looked
up in hand-made labels and counted as a sentence or a non-sentence.

Why hand labels, and not rules: the filter that keeps non-sentences out
(``briefing/summarize/sentences.py``) is a set of rules over the text; measuring it with
rules would measure the rules against themselves. So every pick of every algorithm, before
the filter existed, was read in its page (its section, its block, the block after it) and
labelled by hand; picks that appeared once the filter was in were labelled the same way
(``--unlabeled`` lists picks without a label). The labels say what a reader would call the
line, whatever the filter does with it. The guide used:

- ``ok``: a sentence of the text, including short ones ("No.", "Powers said."), questions,
  instructions and sentences missing their final stop;
- ``item`` (reported, not counted): a list item of four words or more that is a phrase, not
  a sentence ("Advanced charting and trading options", "1 large or 1200 g whole chicken"),
  which the issue's definition of a fragment (fewer than four words) leaves in;
- non-sentences, counted: ``byline`` (bylines, attribution lines, "Posted on"), ``dateline``
  (a date or a place standing alone), ``credit`` (photo credits, captions), ``furniture``
  (share, follow, subscribe, "read more", "click the link below", notices), ``intro`` (a
  sentence ending in ``:`` that leads into a list or code), ``cell`` (table cells, data
  values), ``code``, ``title`` (titles and link texts standing alone, headings set as text),
  ``reference`` (footnotes, bare links), ``fragment`` (fewer than four words without final
  punctuation, or a broken piece of a sentence).

The labels live in ``bench/data/non_sentence_labels.tsv`` as a hash of "file TAB sentence"
and the label, so the repository holds no text of the development pages.

Besides the share of non-sentences among picks, the script prints what the filter catches
on these pages (by kind, with examples), the labelled sentences it drops (real sentences
lost), and the labelled non-sentences that still get picked (what it lets through). Pages
with an even index in ``index.json`` were used to choose the filter's constants; the
figures are given for both halves.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if not os.environ.get("PYTHONPATH"):  # else measure the code PYTHONPATH names (code from before)
    sys.path.insert(0, str(REPO))

from briefing import SUMMARIZERS, SummaryOptions  # noqa: E402

try:  # the public API's read and summarize, in this layout and in the one from before
    from briefing.pipeline import read, summarize
except ImportError:
    from briefing.api import read, summarize

try:  # absent in the code from before the filter, which this script also measures
    from briefing.summarize.language import get_language
    from briefing.summarize.sentences import sort_section
except ImportError:
    sort_section = None

LABELS = REPO / "bench" / "data" / "non_sentence_labels.tsv"
NOT_COUNTED = ("ok", "item")
TARGET = 0.01


def default_pages() -> Path:
    for parent in REPO.parents:
        candidate = parent / "shared" / "eval" / "webpages"
        if candidate.is_dir():
            return candidate
    return REPO.parent / "shared" / "eval" / "webpages"


def key(name: str, sentence: str) -> str:
    return hashlib.sha1(f"{name}\t{sentence}".encode()).hexdigest()[:16]


def read_labels(path: Path) -> dict[str, str]:
    labels = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                digest, label = line.split("\t")[:2]
                labels[digest] = label
    return labels


def documents(pages: Path) -> list[tuple[str, str, object]]:
    """``(name, half, document)`` for the pages (half "even"/"odd") and the examples."""
    index = json.loads((pages / "index.json").read_text(encoding="utf-8"))
    out = []
    for i, entry in enumerate(index):
        out.append((entry["file"], "even" if i % 2 == 0 else "odd", pages / entry["file"]))
    examples = REPO / "examples"
    for pattern in ("*.txt", "*.md", "*.html", "site/*.html"):
        for path in sorted(examples.glob(pattern)):
            out.append((str(path.relative_to(REPO)), "examples", path))
    return [(name, half, read(str(path))) for name, half, path in out]


def picks(docs, algorithm: str):
    """``(name, half, sentence)`` for every sentence the algorithm picks, default settings."""
    options = SummaryOptions(algorithm=algorithm)
    for name, half, document in docs:
        digest = summarize(document, options)
        for section in digest.sections:
            for sentence in section.sentences:
                yield name, half, sentence


def share(bad: int, total: int) -> str:
    return f"{bad:>3}/{total:<4} {100 * bad / max(1, total):5.1f}%"


def report_picks(docs, algorithms, labels) -> dict[str, Counter]:
    halves = ("even", "odd", "examples")
    print(
        f"{'algorithm':<10} {'all':>15} {'even pages':>15} {'odd pages':>15} {'examples':>15}"
        f" {'items':>6} {'unlabeled':>9}"
    )
    unlabeled: dict[tuple[str, str], set[str]] = defaultdict(set)
    let_through: dict[tuple[str, str], set[str]] = defaultdict(set)
    categories: dict[str, Counter] = {}
    for algorithm in algorithms:
        total, bad, items = Counter(), Counter(), 0
        categories[algorithm] = Counter()
        for name, half, sentence in picks(docs, algorithm):
            label = labels.get(key(name, sentence))
            total[half] += 1
            if label is None:
                unlabeled[(name, sentence)].add(algorithm)
                continue
            categories[algorithm][label] += 1
            items += label == "item"
            if label not in NOT_COUNTED:
                bad[half] += 1
                let_through[(name, sentence)].add(f"{label}:{algorithm}")
        cells = [share(sum(bad.values()), sum(total.values()))]
        cells += [share(bad[h], total[h]) for h in halves]
        print(
            f"{algorithm:<10} {' '.join(f'{c:>15}' for c in cells)} {items:>6} "
            f"{sum(1 for v in unlabeled.values() if algorithm in v):>9}"
        )
    print(f"\ntarget: non-sentences <= {TARGET:.0%} of picks; items are list items of 4+ words,")
    print("reported but not counted; unlabeled picks are not counted either (see --unlabeled)")
    print("\nlabels of the default algorithm's picks:", dict(categories[algorithms[0]]))
    print(f"\nWhat gets through: labelled non-sentences still picked ({len(let_through)})")
    for (name, sentence), tags in sorted(let_through.items()):
        labels_seen = sorted({t.split(":")[0] for t in tags})
        print(f"  [{','.join(labels_seen)}; {len(tags)} alg.] {name[:28]:<28} {sentence[:110]}")
    return unlabeled


def report_filter(docs, labels, shown: int) -> None:
    """What the filter drops on these pages, by kind; and its agreement with the labels."""
    if sort_section is None:
        print("\n(no filter in this code: briefing.summarize.sentences is missing)")
        return
    english = get_language("english")
    dropped: dict[str, list[tuple[str, str]]] = defaultdict(list)
    agreement = {h: Counter() for h in ("even", "odd", "examples")}
    lost = []
    for name, half, document in docs:
        for section in document.sections:
            for piece in sort_section(section, english):
                if piece.kind:
                    dropped[piece.kind].append((name, piece.text))
                label = labels.get(key(name, piece.text))
                if label is None:
                    continue
                truth = label if label in NOT_COUNTED else "non"
                verdict = "dropped" if piece.kind else "kept"
                agreement[half][(truth, verdict)] += 1
                if piece.kind and label == "ok":
                    lost.append((name, piece.kind, piece.text))
    print("\nWhat the filter catches on these pages (every piece, not only picks):")
    for kind, pieces in sorted(dropped.items(), key=lambda kv: -len(kv[1])):
        distinct = list(dict.fromkeys(text for _, text in pieces))
        print(
            f"  {kind:<10} {len(pieces):>4} pieces, e.g.: "
            + " | ".join(t[:60] for t in distinct[:shown])
        )
    print("\nAgreement with the labels (labelled pieces, i.e. picks of some algorithm):")
    print(
        f"  {'half':<9} {'non-sentences dropped':>22} {'sentences kept':>20} {'items dropped':>15}"
    )
    for half, c in agreement.items():
        non = c[("non", "dropped")] + c[("non", "kept")]
        ok = c[("ok", "dropped")] + c[("ok", "kept")]
        items = c[("item", "dropped")] + c[("item", "kept")]
        print(
            f"  {half:<9} {c[('non', 'dropped')]:>12}/{non:<4} ({c[('non', 'dropped')] / max(1, non):.2f})"
            f" {c[('ok', 'kept')]:>9}/{ok:<4} ({c[('ok', 'kept')] / max(1, ok):.3f})"
            f" {c[('item', 'dropped')]:>10}/{items:<4}"
        )
    print(f"\nSentences (labelled ok) that the filter drops ({len(lost)}):")
    for name, kind, text in lost:
        print(f"  [{kind}] {name[:28]:<28} {text[:110]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=default_pages())
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument(
        "-a", "--algorithms", default="auto," + ",".join(n for n in SUMMARIZERS if n != "auto")
    )
    parser.add_argument("--examples", type=int, default=4, help="examples shown per kind")
    parser.add_argument(
        "--unlabeled",
        action="store_true",
        help="print the unlabelled picks as 'hash TAB ? TAB file TAB sentence'",
    )
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)  # trafilatura warns about pages it finds thin
    labels = read_labels(args.labels)
    docs = documents(args.pages)
    algorithms = [a.strip() for a in args.algorithms.split(",") if a.strip()]
    print(
        f"{len(docs)} documents, {len(labels)} labelled sentences, algorithms: "
        f"{', '.join(algorithms)}\n"
    )
    unlabeled = report_picks(docs, algorithms, labels)
    report_filter(docs, labels, args.examples)
    if args.unlabeled:
        print(f"\nUnlabelled picks ({len(unlabeled)}):")
        for name, sentence in sorted(unlabeled):
            print(f"{key(name, sentence)}\t?\t{name}\t{sentence}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
