"""Heading precision and recall of the readers, on papers rendered in the forms people publish.

Usage: python bench/structure.py [PAPERS.jsonl] [--start 0] [--stop 150] [--tools DIR]

Each paper of a JSON Lines file of sectioned papers (default: ScisummNet in the shared eval
folder; data read where it lies, never copied into the repository) is rendered as:

- ``bare``: ``<h1>``, ``<h2>``-``<h4>`` and ``<p>`` straight under ``<body>``;
- ``site``: the same in ``<main><article>`` between a header with a menu, a sidebar with
  "Related articles" and "Share this", a comments section and a footer;
- ``anchors``: an mdBook-like page (a chapter list, a menu bar whose ``<h1>`` is the book's
  name) with headings wrapped in their own link, or followed by a ``¶`` or preceded by
  a ``#`` permalink;
- ``sections``: every heading an ``<h1>``, its level given by ``<section>`` nesting;
- ``mkdocs`` and ``sphinx``: sites built by the real generators (default themes), when
  ``mkdocs`` / ``sphinx-build`` are found next to this Python, on PATH or in ``--tools``;
- ``markdown``; ``text``: one paragraph a line with no blank lines, as in the shared sample
  ``news-plaintext-headings.txt``; ``text+blank``: blank lines between blocks.

and read back with the project's reader for that format. Gold headings are the paper's
section headings, less the extraction's noise: a trailing period is dropped ("Related
Work." -> "Related Work"), and a "heading" with no word of two letters or of more than 12
words ("2.", a table row) is merged into the section before. A heading's gold level is 2,
plus one per dot of its number ("3.1 Data" -> 3). Precision and recall compare heading
texts (normalised as in html_reader.py), micro-averaged; "levels" is the share of found
headings at their gold level, "titles" the share of papers whose title was read as such.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import re
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from structure_forms import FORMS, GENERATED, Paper, build_site  # noqa: E402

from briefing.read import parse  # noqa: E402

DEFAULT_PAPERS = Path("/work/shared/eval/scisummnet.jsonl")
TARGET = 0.95
_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)\.?\s")


def normalise(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def load_papers(path: Path, start: int, stop: int) -> list[Paper]:
    from briefing.summarize.language import get_language

    language = get_language("english")
    papers = []
    with path.open(encoding="utf-8") as handle:
        for i, line in enumerate(handle):
            if start <= i < stop:
                papers.append(clean(json.loads(line), language, random.Random(i)))
    return papers


def clean(record: dict, language, rng: random.Random) -> Paper:
    """The paper with gold headings and levels, its text cut into paragraphs."""
    sections: list[tuple[str, int, list[str]]] = []
    previous = 1
    for section in record["sections"]:
        heading = section["heading"].strip().rstrip(".").strip()
        paragraphs = paragraphs_of(section["text"], language, rng)
        words = heading.split()
        if not re.search(r"[A-Za-z]{2}", heading) or len(words) > 12:
            if sections:
                sections[-1][2].extend(paragraphs)
                continue
            heading = ""
        number = _NUMBER.match(heading)
        level = 2 + number.group(1).count(".") if number else 2
        level = min(level, previous + 1, 6) if heading else 0
        previous = level or previous
        sections.append((heading, level, paragraphs))
    return Paper(record["id"], record["title"].strip(), [tuple(s) for s in sections])


def paragraphs_of(text: str, language, rng: random.Random) -> list[str]:
    """Paragraphs of one to five sentences; a sentence ending in ':' ends its paragraph."""
    paragraphs, current = [], []
    size = rng.randint(1, 5)
    for sentence in language.to_sentences(text):
        current.append(sentence)
        if len(current) >= size or sentence.endswith(":"):
            paragraphs.append(" ".join(current))
            current, size = [], rng.randint(1, 5)
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def score(papers: list[Paper], documents: list) -> dict:
    found = gold = matched = same_level = titles = 0
    for paper, document in zip(papers, documents):
        if document is None:
            continue
        truth = [(normalise(h), level) for h, level, _ in paper.sections if h]
        read = [(normalise(s.heading), s.level) for s in document.sections if s.heading]
        found, gold = found + len(read), gold + len(truth)
        common = Counter(h for h, _ in truth) & Counter(h for h, _ in read)
        matched += sum(common.values())
        levels = Counter(truth) & Counter(read)
        same_level += sum(levels.values())
        titles += normalise(document.title) == normalise(paper.title)
    return {
        "precision": matched / found if found else 0.0,
        "recall": matched / gold if gold else 0.0,
        "levels": same_level / matched if matched else 0.0,
        "titles": titles / len(papers),
        "headings": gold,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("papers", nargs="?", type=Path, default=DEFAULT_PAPERS)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--stop", type=int, default=150)
    parser.add_argument("--tools", type=Path, help="folder holding mkdocs / sphinx-build")
    parser.add_argument("--forms", help="comma-separated forms to measure (default: all)")
    parser.add_argument("--show", type=int, default=0, help="print N misses per form")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    papers = load_papers(args.papers, args.start, args.stop)
    names = args.forms.split(",") if args.forms else [*FORMS, *GENERATED]
    print(f"{len(papers)} papers ({args.papers.name} {args.start}-{args.stop - 1}); ", end="")
    print(f"target: precision and recall >= {TARGET}\n")
    header = f"{'form':<12}{'reader':<10}{'headings':>9}{'precision':>11}{'recall':>8}"
    print(header + f"{'levels':>8}{'titles':>8}")
    print("-" * (len(header) + 16))
    with tempfile.TemporaryDirectory() as scratch:
        for name in names:
            if name in GENERATED:
                tool = find_tool(GENERATED[name].command, args.tools)
                if tool is None:
                    print(f"{name:<12}skipped: {GENERATED[name].command} not found (--tools)")
                    continue
                texts = build_site(name, tool, papers, Path(scratch) / name)
                fmt = "html"
            else:
                fmt, render = FORMS[name]
                texts = [render(paper) for paper in papers]
            documents = [
                parse(t, f"{p.id}.{fmt}", fmt) if t else None for p, t in zip(papers, texts)
            ]
            r = score(papers, documents)
            print(
                f"{name:<12}{fmt:<10}{r['headings']:>9}{r['precision']:>11.3f}{r['recall']:>8.3f}"
                f"{r['levels']:>8.3f}{r['titles']:>8.3f}"
            )
            if args.show:
                show_misses(papers, documents, args.show)
    return 0


def find_tool(command: str, folder: Path | None) -> str | None:
    for candidate in (folder, Path(sys.executable).parent):
        if candidate and (candidate / command).exists():
            return str(candidate / command)
    return shutil.which(command)


def show_misses(papers, documents, limit: int) -> None:
    shown = 0
    for paper, document in zip(papers, documents):
        if document is None or shown >= limit:
            continue
        truth = {normalise(h) for h, _, _ in paper.sections if h}
        read = {normalise(s.heading) for s in document.sections if s.heading}
        for h in sorted(truth - read)[:3]:
            print(f"    missed  {paper.id}: {h[:70]}")
            shown += 1
        for h in sorted(read - truth)[:3]:
            print(f"    extra   {paper.id}: {h[:70]}")
            shown += 1


if __name__ == "__main__":
    sys.exit(main())
