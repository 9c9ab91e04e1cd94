"""The fast summarizers pick the sentences sumy's pick, on real text of many sizes.

The corpus is real writing present wherever the project is installed: Python's own
LICENSE.txt and the docstrings of a dozen stdlib modules (read from their source, not
imported), plus the project's test and example documents, each split into sections by
the project's readers (1 to about 180 sentences). sumy runs once per section; its
ratings give its picks for every budget and show where its own scores tie at the cut-off
(LSA's equal column lengths, ordered by SVD rounding noise, for instance): there either
pick is sumy's answer, so such differences are counted and printed, not failed.
"""

from __future__ import annotations

import ast
import math
import sysconfig
import warnings
from functools import cache
from pathlib import Path

import pytest
from sumy.summarizers._summarizer import AbstractSummarizer

from briefing.model import Section
from briefing.read import load, parse
from briefing.summarize import SUMMARIZERS, split_sentences
from briefing.summarize.language import get_language
from briefing.summarize.sumy_adapter import sumy_document

ROOT = Path(__file__).resolve().parent.parent
STDLIB = Path(sysconfig.get_paths()["stdlib"])
STDLIB_MODULES = (
    "argparse.py",
    "collections/__init__.py",
    "difflib.py",
    "email/message.py",
    "json/__init__.py",
    "logging/__init__.py",
    "pickle.py",
    "shutil.py",
    "subprocess.py",
    "textwrap.py",
    "unittest/case.py",
    "zipfile.py",
)
FAST = [name for name, algorithm in SUMMARIZERS.items() if algorithm.sumy and algorithm.sumy.fast]
BUDGETS = (1, 2, 3, 5, 8, 13)
#: Ratings closer than this (relative to the section's largest) are ties.
TIE = 1e-9

english = get_language("english")


def _docstrings(path: Path) -> str:
    """Every docstring of a Python source file, as paragraphs of plain text."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return "\n\n".join(
        doc
        for node in ast.walk(tree)
        if isinstance(node, kinds)
        if (doc := ast.get_docstring(node))
    )


@cache
def corpus() -> list[tuple[str, Section, list[str]]]:
    """``(document title, section, its sentences)`` for every non-empty section."""
    documents = []
    licence = STDLIB / "LICENSE.txt"
    if licence.exists():
        documents.append(parse(licence.read_text(encoding="utf-8"), str(licence), "text"))
    for name in STDLIB_MODULES:
        if (STDLIB / name).exists():
            documents.append(parse(_docstrings(STDLIB / name), name, "text"))
    local = [*(ROOT / "tests" / "data").iterdir(), *(ROOT / "examples").rglob("*")]
    for path in sorted(local):
        if path.suffix in (".txt", ".md", ".html"):
            documents.append(load(str(path)))
    sections = [
        (document.title, section, split_sentences(section, english))
        for document in documents
        for section in document.sections
    ]
    sections = [s for s in sections if s[2]]
    # Repeated text: sumy keys ratings by sentence text, so copies share one rating.
    repeated = [s for _, _, sentences in sections[:40] for s in sentences][:90] * 2
    sections.append(("Repeated", Section("Terms and conditions", 1, ()), repeated))
    return sections


def _summarizer(cls, name: str, title: str, section: Section):
    """A summarizer set up exactly as the product sets it up for this section."""
    return SUMMARIZERS[name].sumy.make(cls, english, title, section)


def _run(summarizer, document, count):
    """``(picked indices, rating of every sentence)``, or ``None`` if sumy's RuntimeWarning
    (LexRank with no linked sentences) stops it, as ``sumy_adapter.run`` makes it."""
    recorded = []

    def recording(sentences, count, rating, *args, **kwargs):
        rate = rating.__getitem__ if isinstance(rating, dict) else rating
        recorded.extend(rate(s, *args, **kwargs) for s in sentences)
        return _best(sentences, count, recorded)

    summarizer._get_best_sentences = recording
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        warnings.simplefilter("ignore", UserWarning)
        try:
            picked = summarizer(document, count)
        except RuntimeWarning:
            return None
    index = {id(s): i for i, s in enumerate(document.sentences)}
    return [index[id(s)] for s in picked], recorded


def _best(sentences, count, ratings):
    """sumy's own ``_get_best_sentences`` over ratings given by position."""
    position = iter(ratings)
    return AbstractSummarizer._get_best_sentences(sentences, count, lambda s: next(position))


def _indices(document, picked) -> list[int]:
    index = {id(s): i for i, s in enumerate(document.sentences)}
    return [index[id(s)] for s in picked]


def _tie_only(ratings, expected, got) -> bool:
    """Whether every sentence picked by one side only is rated like the cut-off by sumy."""
    finite = [abs(r) for r in ratings if math.isfinite(r)]
    tolerance = TIE * max(finite + [1e-300])
    cut_off = min(ratings[i] for i in expected)
    return all(abs(ratings[i] - cut_off) <= tolerance for i in set(expected) ^ set(got))


def _compare(name: str, sections, budgets=BUDGETS):
    """Run sumy's and the fast summarizer on each section: ``(picks compared, tie-only
    differences, real differences)``; also checks the fast ratings against sumy's."""
    algorithm = SUMMARIZERS[name]
    reference = algorithm.sumy.summarizer_class(reference_impl=True)
    fast = algorithm.sumy.summarizer_class()
    compared, ties, mismatches = 0, 0, []
    for title, section, sentences in sections:
        document = sumy_document(section, sentences, english)
        expected = _run(_summarizer(reference, name, title, section), document, 1)
        got = _run(_summarizer(fast, name, title, section), document, "100%")
        assert (expected is None) == (got is None), f"{name}: only one warned on {sentences}"
        if expected is None:
            continue
        ratings, fast_ratings = expected[1], got[1]
        scale = max([abs(r) for r in ratings] + [1e-300])
        assert all(abs(a - b) <= TIE * scale for a, b in zip(ratings, fast_ratings)), name
        for budget in budgets:
            if budget >= len(sentences):
                continue
            want = _indices(document, _best(document.sentences, budget, ratings))
            have = _indices(document, _summarizer(fast, name, title, section)(document, budget))
            compared += 1
            if want != have:
                if _tie_only(ratings, want, have):
                    ties += 1
                else:
                    mismatches.append((section.heading, budget, want, have))
    return compared, ties, mismatches


def _report(capsys, name, compared, ties, mismatches):
    with capsys.disabled():
        print(
            f"\nparity {name}: {compared} picks compared, {ties} differ only where sumy's "
            f"scores tie, {len(mismatches)} real differences"
        )
    assert not mismatches, mismatches[:3]


def test_corpus_is_real_text_of_many_sizes():
    sizes = [len(sentences) for _, _, sentences in corpus()]
    assert len(sizes) > 100
    assert min(sizes) == 1
    assert max(sizes) > 150


def _compare_on_corpus(name: str):
    """``_compare`` on the corpus, or the exception it raised (for its own test to raise)."""
    try:
        return _compare(name, corpus())
    except Exception as exc:  # handed back, and raised by the test it belongs to
        return exc


@pytest.fixture(scope="module")
def comparisons(request) -> dict:
    """``_compare`` on the corpus for each algorithm the session tests, two at a time.

    Each comparison is independent and costs seconds of sumy's own (slow) arithmetic, so
    they run in two processes forked from this one (the corpus already read), the slowest
    first; the tests then only report and check what came back.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    names = [
        item.callspec.params["name"]
        for item in request.session.items
        if getattr(item, "originalname", "") == "test_fast_summarizer_picks_what_sumy_picks"
    ]
    names.sort(key=lambda name: name not in ("kl", "lsa"))  # the slowest first
    corpus()
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        return dict(zip(names, pool.map(_compare_on_corpus, names)))


@pytest.mark.parametrize("name", FAST)
def test_fast_summarizer_picks_what_sumy_picks(name, capsys, comparisons):
    if isinstance(comparisons[name], Exception):
        raise comparisons[name]
    _report(capsys, name, *comparisons[name])


DEGENERATE = [
    ["A single sentence stands alone."],
    ["Ships wait for berths.", "Cranes lift containers."],  # no shared word: LexRank warns
    ["It is what it is.", "12 34.", "Is it?", "The ports reopened in May."],
    ["Berth fees rose.", "Berth fees rose.", "Berth fees rose.", "Cranes were idle."],
    ["Yes.", "No.", "Yes.", "Maybe.", "No."],
    ["The the the.", "Port port port port.", "A port, a berth and a port.", "Berth."],
]


@pytest.mark.parametrize("name", FAST)
def test_degenerate_sections_behave_like_sumy(name, capsys):
    sections = [("Harbour", Section("Harbour fees", 2, ()), s) for s in DEGENERATE]
    sections.append(("", Section("", 0, ()), DEGENERATE[2]))  # no heading, no title words
    _report(capsys, f"{name} (degenerate sections)", *_compare(name, sections, (1, 2, 3)))


def test_exact_tie_breaks_agree_with_sumy(monkeypatch, capsys):
    """The paths that settle near-ties with sumy's own arithmetic, forced on every step."""
    import briefing.summarize.fast.kl
    import briefing.summarize.fast.lexrank
    import briefing.summarize.fast.sumbasic

    monkeypatch.setattr(briefing.summarize.fast.kl, "_NEAR", 1e6)
    monkeypatch.setattr(briefing.summarize.fast.sumbasic, "_ROUNDING", 1e-2)
    monkeypatch.setattr(briefing.summarize.fast.lexrank, "_NEAR", 1.0)
    sections = [s for s in corpus() if 5 <= len(s[2]) <= 30][:12]
    for name in ("kl", "sumbasic", "lexrank"):
        _report(capsys, f"{name} (exact tie-breaks forced)", *_compare(name, sections))


def test_lsa_with_fewer_dimensions_uses_sumys_svd(monkeypatch, capsys):
    from sumy.summarizers.lsa import LsaSummarizer

    monkeypatch.setattr(LsaSummarizer, "REDUCTION_RATIO", 1 / 2)
    sections = [s for s in corpus() if 10 <= len(s[2]) <= 40][:10]
    _report(capsys, "lsa (half the dimensions)", *_compare("lsa", sections))
