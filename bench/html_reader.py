"""How much main text each HTML reader keeps, and how much boilerplate it lets through.

Usage: python bench/html_reader.py [WEBPAGES_DIR] [--sweep] [--misses]

WEBPAGES_DIR holds saved pages and an ``index.json`` listing, per page, snippets of its main
text (``with``) and of its boilerplate (``without``); it defaults to
``../shared/eval/webpages`` next to the repository. The data is read where it lies and is
never copied into the repository.

A reader's text is what a briefing at ratio 1.0 would show: the document title, every
heading, and every sentence of every section. A snippet counts as found when its
normalised form (``re.sub(r"\\W+", " ", s).strip().lower()``) is in the normalised text.
"kept" is the share of ``with`` snippets found, "leaked" the share of ``without`` snippets
found; each over all snippets (the primary figure, the one the targets use) and as a mean
of per-page shares. Each figure is given for all pages, for the even-numbered pages (where
the reader's constants were chosen) and for the odd-numbered ones (held out).
``--sweep`` measures the briefing reader under other trafilatura options, on each half.

"kept, sentences" (column ``sent.``) is "kept" over the main-text snippets that stand in a
sentence: every snippet was labelled by hand, as what a reader would call the line it
stands in, with the guide of ``bench/non_sentences.py`` (``ok`` for a sentence; ``title``,
``cell``, ``fragment``, ``intro``, ``code``... for lines that are not, which a briefing
never picks; ``item`` for a list item that is a phrase). The labels are stored as hashes in
``bench/data/main_text_labels.tsv``, so the repository holds no text of the pages. Headings
set as text count as ``title`` even where the reader finds them as headings.
``--misses`` lists, per page, the main-text snippets the briefing reader misses and the
boilerplate snippets it leaks, with their labels.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from briefing.errors import BriefingError  # noqa: E402
from briefing.read import html as html_reader  # noqa: E402
from briefing.read import htmltags  # noqa: E402
from briefing.summarize import SummaryOptions, summarize_document  # noqa: E402
from briefing.summarize.language import get_language  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from non_sentences import key as label_key  # noqa: E402  (hashes as the labels there)
from non_sentences import read_labels as _read_labels  # noqa: E402

DEFAULT_DIR = next(
    (p / "shared" / "eval" / "webpages" for p in REPO.parents if (p / "shared" / "eval").is_dir()),
    Path("shared/eval/webpages"),
)
TARGET_KEPT, TARGET_LEAKED = 0.97, 0.06
LABELS = REPO / "bench" / "data" / "main_text_labels.tsv"
#: trafilatura options tried by ``--sweep``, each on top of ``html_reader.OPTIONS``.
SWEEP = {
    "as shipped": {},
    "favor_precision off": {"favor_precision": False},
    "favor_recall": {"favor_precision": False, "favor_recall": True},
    "no tables": {"include_tables": False},
}


def normalise(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def briefing_text(document) -> str:
    """Title, headings and picked sentences of the document summarised at ``--ratio 1.0``."""
    try:
        digest = summarize_document(document, SummaryOptions(algorithm="lead", ratio=1.0))
    except BriefingError:  # no sentences at all: the briefing would be an error
        return "\n".join([document.title, *(s.heading for s in document.sections)])
    parts = [digest.title]
    for section in digest.sections:
        parts.append(section.heading)
        parts.extend(section.sentences)
    return "\n".join(parts)


def trafilatura_text(html: str, source: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def reader_text(document) -> str:
    """Title, headings and every block of the document, before the summarize stage."""
    blocks = [p for section in document.sections for p in section.paragraphs]
    return "\n".join([document.title, *(s.heading for s in document.sections), *blocks])


READERS = {
    "tags only (htmltags)": lambda html, source: briefing_text(htmltags.read(html, source)),
    "trafilatura extract()": trafilatura_text,
    "html reader, all its text": lambda html, source: reader_text(html_reader.read(html, source)),
    "briefing html reader": lambda html, source: briefing_text(html_reader.read(html, source)),
}


def measure(reader, pages: list[tuple[dict, str]], labels: dict[str, str]) -> dict:
    """Snippet counts over all pages, per-page shares, and the seconds taken to read."""
    kept = leaked = n_with = n_without = kept_ok = n_ok = 0
    page_kept, page_leaked, seconds = [], [], 0.0
    first, html = pages[0]
    reader(html, first["file"])  # warm up, so that one-off imports are not timed
    for entry, html in pages:
        start = time.perf_counter()
        text = reader(html, entry["file"])
        seconds += time.perf_counter() - start
        text = normalise(text)
        found_with = sum(normalise(s) in text for s in entry["with"])
        found_without = sum(normalise(s) in text for s in entry["without"])
        sentences = [s for s in entry["with"] if labels.get(label_key(entry["file"], s)) == "ok"]
        kept_ok += sum(normalise(s) in text for s in sentences)
        n_ok += len(sentences)
        kept, n_with = kept + found_with, n_with + len(entry["with"])
        leaked, n_without = leaked + found_without, n_without + len(entry["without"])
        page_kept.append(found_with / len(entry["with"]))
        if entry["without"]:
            page_leaked.append(found_without / len(entry["without"]))
    return {
        "kept": kept / n_with,
        "sentences": kept_ok / max(1, n_ok),
        "leaked": leaked / n_without,
        "kept_pages": sum(page_kept) / len(page_kept),
        "leaked_pages": sum(page_leaked) / len(page_leaked),
        "seconds": seconds,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("webpages", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--sweep", action="store_true", help="try other trafilatura options")
    parser.add_argument("--misses", action="store_true", help="list missed and leaked snippets")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)  # trafilatura logs a warning per page it gives up on
    index = json.loads((args.webpages / "index.json").read_text(encoding="utf-8"))
    pages = [(e, (args.webpages / e["file"]).read_text(encoding="utf-8")) for e in index]
    halves = {"all": pages, "even": pages[0::2], "odd": pages[1::2]}
    n_with = sum(len(e["with"]) for e in index)
    n_without = sum(len(e["without"]) for e in index)
    print(f"{len(pages)} pages, {n_with} main-text snippets, {n_without} boilerplate snippets")
    labels = _read_labels(LABELS)
    by_label = Counter(labels.get(label_key(e["file"], s), "?") for e in index for s in e["with"])
    print("main-text snippets by hand label:", dict(by_label.most_common()))
    print(f"targets (over all snippets): kept >= {TARGET_KEPT}, leaked <= {TARGET_LEAKED}\n")
    get_language("english")  # load the sentence model before timing
    if args.misses:
        return list_misses(index, pages, labels)
    header = f"{'reader':<28}{'pages':<6}{'kept':>7}{'sent.':>7}{'leaked':>8}{'kept/pg':>9}"
    header += f"{'leak/pg':>9}"
    print(header + f"{'seconds':>9}")
    print("-" * (len(header) + 9))
    readers = READERS
    if args.sweep:
        readers = {name: _with_options(options) for name, options in SWEEP.items()}
    for name, reader in readers.items():
        for half, part in halves.items():
            r = measure(reader, part, labels)
            print(
                f"{name if half == 'all' else '':<28}{half:<6}{r['kept']:>7.3f}"
                f"{r['sentences']:>7.3f}{r['leaked']:>8.3f}"
                f"{r['kept_pages']:>9.3f}{r['leaked_pages']:>9.3f}{r['seconds']:>9.2f}"
            )
    print("\nkept/leaked: share of all snippets (the targets); sent.: kept over the snippets that")
    print("stand in a sentence (hand labels); kept/pg, leak/pg: mean of per-page")
    print("shares; seconds: reading the pages after one warm-up page (imports not counted);")
    print("even: pages 0, 2, 4... (constants chosen there); odd: pages 1, 3, 5... (held out)")
    return 0


def list_misses(index: list[dict], pages: list[tuple[dict, str]], labels: dict[str, str]) -> int:
    """Per page (numbered as in index.json), what the briefing reader misses and leaks."""
    for number, (entry, html) in enumerate(pages):
        text = normalise(briefing_text(html_reader.read(html, entry["file"])))
        half = "even" if number % 2 == 0 else "odd"
        for snippet in entry["with"]:
            if normalise(snippet) not in text:
                label = labels.get(label_key(entry["file"], snippet), "?")
                print(
                    f"{number:>2} {half:<4} missed [{label}] {entry['file'][:30]:<30} {snippet!r}"
                )
        for snippet in entry["without"]:
            if normalise(snippet) in text:
                print(f"{number:>2} {half:<4} leaked {entry['file'][:30]:<30} {snippet!r}")
    return 0


def _with_options(options: dict):
    def reader(html: str, source: str) -> str:
        saved = dict(html_reader.OPTIONS)
        html_reader.OPTIONS.update(options)
        try:
            return briefing_text(html_reader.read(html, source))
        finally:
            html_reader.OPTIONS.clear()
            html_reader.OPTIONS.update(saved)

    return reader


if __name__ == "__main__":
    sys.exit(main())
