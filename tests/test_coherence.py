"""Picks that lean on the sentence before: spotted, and never shown without it."""

from dataclasses import replace

import pytest

from briefing.model import Document, Section
from briefing.summarize import SummaryOptions, split_sentences, summarize_document
from briefing.summarize.auto import WEIGHTS, choose
from briefing.summarize.coherence import cut_off, leans_back
from briefing.summarize.language import get_language

ENGLISH = get_language("english")


@pytest.mark.parametrize(
    "sentence, leans",
    [
        ("However, freight volumes fell in October.", True),
        ("These results held in every region.", True),
        ("It was the first loss in a decade.", True),
        ("She joined the company in 2019.", True),
        ("Their union agreed to the new shifts.", True),
        ('"We carried more freight than ever," she said on the results call.', True),
        ("This paper presents a new tagger.", False),
        ("Northwind carried more freight than ever.", False),
        ("Theory predicts the opposite.", False),
        ("The company said it would hire.", False),
    ],
)
def test_openers_that_lean_back_are_recognised(sentence, leans):
    assert leans_back(sentence) == leans


def test_cut_off_names_picks_missing_what_they_lean_on():
    section = [
        "Marta Lindqvist runs Northwind's rail division.",
        "Rail revenue fell 4 percent after a line closure.",
        '"We carried more freight than ever," she said on the results call.',
        "However, costs rose faster than revenue.",
    ]
    assert cut_off(section, [1, 3]) == [3]  # "However" needs sentence 2
    assert cut_off(section, [0, 2]) == [2]  # "she" is named in sentence 1
    assert cut_off(section, [1, 2, 3]) == []
    assert cut_off(section, [0]) == []  # a section's first sentence has nothing before it


RESULTS_LEDE = "The quarterly report was published on Tuesday morning in Oslo."
RESULTS = Document(
    "Northwind carried more freight than ever",
    "<test>",
    "text",
    (
        Section(
            "",
            0,
            (
                "The quarterly report was published on Tuesday morning in Oslo. "
                "Marta Lindqvist, head of the rail division, presented the figures. "
                '"Northwind carried more freight than ever," she said on the results call. '
                "Analysts asked about the closed line near Bergen.",
            ),
        ),
    ),
)


def picks(document, total, weights=WEIGHTS):
    sentences = [split_sentences(s, ENGLISH) for s in document.sections]
    chosen = choose(document, sentences, [total], ENGLISH, total=total, weights=weights)
    return [sentences[0][i] for i in chosen[0]]


QUOTE = '"Northwind carried more freight than ever," she said on the results call.'
SPEAKER = "Marta Lindqvist, head of the rail division, presented the figures."
CARELESS = replace(WEIGHTS, coherent=False)


def test_a_quote_comes_with_the_sentence_that_names_its_speaker():
    assert picks(RESULTS, 2, CARELESS) == [RESULTS_LEDE, QUOTE]  # "she" unexplained
    assert picks(RESULTS, 3) == [RESULTS_LEDE, SPEAKER, QUOTE]


def test_without_room_for_its_antecedent_the_quote_yields():
    assert picks(RESULTS, 1, CARELESS) == [QUOTE]
    assert picks(RESULTS, 1) == [RESULTS_LEDE]
    assert QUOTE not in picks(RESULTS, 2)


def test_summaries_of_a_daily_size_cut_nothing_off():
    digest = summarize_document(RESULTS, SummaryOptions(max_sentences=3))
    kept = list(digest.sections[0].sentences)
    every = split_sentences(RESULTS.sections[0], ENGLISH)
    assert cut_off(every, [every.index(s) for s in kept]) == []
