"""How much main text each HTML reader keeps, and how much boilerplate it lets through.

Usage: python bench/html_reader.py [WEBPAGES_DIR] [--sweep]

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
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from briefing.errors import BriefingError  # noqa: E402
from briefing.read import html as html_reader  # noqa: E402
from briefing.read import htmltags  # noqa: E402
from briefing.summarize import SummaryOptions, summarize_document  # noqa: E402
from briefing.summarize.language import get_language  # noqa: E402

DEFAULT_DIR = next(
    (p / "shared" / "eval" / "webpages" for p in REPO.parents if (p / "shared" / "eval").is_dir()),
    Path("shared/eval/webpages"),
)
TARGET_KEPT, TARGET_LEAKED = 0.97, 0.06
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


READERS = {
    "tags only (htmltags)": lambda html, source: briefing_text(htmltags.read(html, source)),
    "trafilatura extract()": trafilatura_text,
    "briefing html reader": lambda html, source: briefing_text(html_reader.read(html, source)),
}


def measure(reader, pages: list[tuple[dict, str]]) -> dict:
    """Snippet counts over all pages, per-page shares, and the seconds taken to read."""
    kept = leaked = n_with = n_without = 0
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
        kept, n_with = kept + found_with, n_with + len(entry["with"])
        leaked, n_without = leaked + found_without, n_without + len(entry["without"])
        page_kept.append(found_with / len(entry["with"]))
        if entry["without"]:
            page_leaked.append(found_without / len(entry["without"]))
    return {
        "kept": kept / n_with,
        "leaked": leaked / n_without,
        "kept_pages": sum(page_kept) / len(page_kept),
        "leaked_pages": sum(page_leaked) / len(page_leaked),
        "seconds": seconds,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("webpages", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--sweep", action="store_true", help="try other trafilatura options")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)  # trafilatura logs a warning per page it gives up on
    index = json.loads((args.webpages / "index.json").read_text(encoding="utf-8"))
    pages = [(e, (args.webpages / e["file"]).read_text(encoding="utf-8")) for e in index]
    halves = {"all": pages, "even": pages[0::2], "odd": pages[1::2]}
    n_with = sum(len(e["with"]) for e in index)
    n_without = sum(len(e["without"]) for e in index)
    print(f"{len(pages)} pages, {n_with} main-text snippets, {n_without} boilerplate snippets")
    print(f"targets (over all snippets): kept >= {TARGET_KEPT}, leaked <= {TARGET_LEAKED}\n")
    get_language("english")  # load the sentence model before timing
    header = f"{'reader':<28}{'pages':<6}{'kept':>7}{'leaked':>8}{'kept/pg':>9}{'leak/pg':>9}"
    print(header + f"{'seconds':>9}")
    print("-" * (len(header) + 9))
    readers = READERS
    if args.sweep:
        readers = {name: _with_options(options) for name, options in SWEEP.items()}
    for name, reader in readers.items():
        for half, part in halves.items():
            r = measure(reader, part)
            print(
                f"{name if half == 'all' else '':<28}{half:<6}{r['kept']:>7.3f}{r['leaked']:>8.3f}"
                f"{r['kept_pages']:>9.3f}{r['leaked_pages']:>9.3f}{r['seconds']:>9.2f}"
            )
    print("\nkept/leaked: share of all snippets (the targets); kept/pg, leak/pg: mean of per-page")
    print("shares; seconds: reading the pages after one warm-up page (imports not counted);")
    print("even: pages 0, 2, 4... (constants chosen there); odd: pages 1, 3, 5... (held out)")
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
