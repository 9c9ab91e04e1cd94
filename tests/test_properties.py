"""Property-based tests: for any text, the readers and the summariser behave."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.errors import BriefingError
from briefing.read import READERS, parse
from briefing.summarize import SUMMARIZERS, SummaryOptions, summarize_document

# Text with the characters that matter to the readers: headings, markup, punctuation.
ALPHABET = st.sampled_from(
    list("abcdefghij ABCDEFG\n\n\n...?!:;,\"'“”#*-_=<>/[]()`{}&1234567890\t")
    + ["é", "ß", "—", "\ufeff"]
)
TEXT = st.text(ALPHABET, max_size=600) | st.text(max_size=300)
WORDS = st.lists(
    st.sampled_from("the port quay ship fee vote council tram night library Riverside".split()),
    min_size=3,
    max_size=12,
).map(lambda ws: " ".join(ws).capitalize() + ".")
PROSE = st.lists(WORDS, min_size=1, max_size=25).map(" ".join)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("format", READERS.builtin_names())
@SETTINGS
@given(text=TEXT)
def test_readers_never_raise_anything_but_the_tools_own_errors(format, text):
    try:
        document = parse(text, "x", format)
    except BriefingError:
        return
    for section in document.sections:
        assert isinstance(section.heading, str) and section.level >= 0
        assert all(isinstance(p, str) and p.strip() for p in section.paragraphs)


@SETTINGS
@given(text=TEXT, count=st.integers(0, 4))
def test_plain_text_summaries_pick_only_source_sentences_within_budget(text, count):
    try:
        document = parse(text, "x", "text")
        digest = summarize_document(document, SummaryOptions(algorithm="lead", sentences=count))
    except BriefingError:
        return
    source = squash(text)
    for section in digest.sections:
        assert len(section.sentences) <= count
        for sentence in section.sentences:
            assert sentence in source


@SETTINGS
@given(
    sections=st.lists(
        st.tuples(st.sampled_from(["Quay", "Fees", "Night Trams", ""]), PROSE),
        min_size=1,
        max_size=5,
    ),
    algorithm=st.sampled_from(sorted(SUMMARIZERS)),
    budget=st.one_of(
        st.integers(1, 3).map(lambda n: {"sentences": n}),
        st.integers(1, 6).map(lambda n: {"max_sentences": n}),
        st.floats(0.1, 1.0).map(lambda r: {"ratio": r}),
    ),
)
def test_every_algorithm_respects_the_budget_and_document_order(sections, algorithm, budget):
    text = "Title line\n" + "".join(f"{h}\n{p}\n" if h else f"{p}\n" for h, p in sections)
    document = parse(text, "x", "text")
    digest = summarize_document(document, SummaryOptions(algorithm=algorithm, **budget))
    source = squash(text)
    positions = []
    for section in digest.sections:
        assert len(section.sentences) <= section.total_sentences
        if "sentences" in budget:
            assert len(section.sentences) <= budget["sentences"]
        for sentence in section.sentences:
            positions.append(source.index(sentence, positions[-1] if positions else 0))
    if "max_sentences" in budget:
        assert digest.kept_sentences <= budget["max_sentences"]
    assert positions == sorted(positions)
