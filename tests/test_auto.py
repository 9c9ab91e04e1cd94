"""``auto``, the default picker: budgets kept, real sentences in order, openings, no repeats."""

import pytest

from briefing.model import Document, Section
from briefing.summarize import (
    DEFAULT_ALGORITHM,
    SummaryOptions,
    split_sentences,
    summarize_document,
)
from briefing.summarize.auto import choose
from briefing.summarize.language import get_language

ENGLISH = get_language("english")

QUAY = Section(
    "",
    0,
    (
        "The port of Eastfield reopened its north quay on Monday after a two-week closure. "
        "Scroll down for video. "
        "Ships had waited an average of three days for a berth while the quay was repaired. "
        "Freight agents said the delays added about 400 euros to the cost of every container. "
        "The harbour master thanked the divers who inspected the quay walls at night.",
    ),
)
FEES = Section(
    "Fees",
    2,
    (
        "The port of Eastfield reopened its north quay on Monday after the closure. "
        "Berth fees will fall by a fifth from June, the port authority said. "
        "Table 2. "
        "Shipping lines had asked for lower fees since the spring.",
    ),
)
WORKERS = Section(
    "Workers",
    2,
    (
        "Dock workers return to the north side this week. "
        "Their union agreed to new night shifts for the summer months.",
    ),
)
DOCUMENT = Document(
    "Port of Eastfield reopens its north quay", "<test>", "text", (QUAY, FEES, WORKERS)
)


def sentences_of(document):
    return [split_sentences(section, ENGLISH) for section in document.sections]


@pytest.mark.parametrize(
    "counts", [[0, 0, 0], [1, 1, 1], [2, 1, 0], [3, 2, 2], [9, 9, 9], [0, 4, 1]]
)
def test_exactly_the_budget_of_each_section_in_order(counts):
    sentences = sentences_of(DOCUMENT)
    picks = choose(DOCUMENT, sentences, counts, ENGLISH)
    assert [len(p) for p in picks] == [min(c, len(s)) for c, s in zip(counts, sentences)]
    for p, s in zip(picks, sentences):
        assert p == sorted(set(p))
        assert all(0 <= i < len(s) for i in p)


def test_news_keeps_its_opening_and_never_sees_a_credit_line():
    document = Document("", "<test>", "text", (QUAY,))
    sentences = sentences_of(document)[0]
    assert "Scroll down for video." not in sentences
    assert len(sentences) == 4
    assert choose(document, sentences_of(document), [3], ENGLISH) == [[0, 1, 2]]


def test_a_short_sentence_comes_after_longer_ones():
    section = Section(
        "",
        0,
        (
            "The ferry left at dawn with forty passengers. Nobody knew. "
            "The crossing took four hours in heavy rain.",
        ),
    )
    document = Document("Ferry", "<test>", "text", (section,))
    assert choose(document, sentences_of(document), [2], ENGLISH) == [[0, 2]]


def test_no_sentence_repeats_one_picked_in_another_section():
    def openings(algorithm):
        digest = summarize_document(DOCUMENT, SummaryOptions(algorithm=algorithm, sentences=1))
        picked = [s for section in digest.sections for s in section.sentences]
        assert len(picked) == 3
        return sum(s.startswith("The port of Eastfield reopened its north quay") for s in picked)

    assert openings("lead") == 2  # the lede, and its near-copy opening "Fees"
    assert openings("auto") == 1


def test_picks_are_source_sentences_in_document_order():
    digest = summarize_document(DOCUMENT, SummaryOptions(algorithm="auto", max_sentences=5))
    source = [s for section in sentences_of(DOCUMENT) for s in section]
    picked = [s for section in digest.sections for s in section.sentences]
    assert len(picked) == 5
    positions = [source.index(s) for s in picked]
    assert positions == sorted(positions)
    assert "Table 2." not in picked and "Scroll down for video." not in picked


def test_a_short_sentence_is_still_taken_when_nothing_else_is_left():
    document = Document("T", "<test>", "text", (Section("Notes", 1, ("Powers said. It rained.",)),))
    assert choose(document, sentences_of(document), [2], ENGLISH) == [[0, 1]]


def test_sentences_without_content_words_do_not_break_it():
    document = Document("", "<test>", "text", (Section("", 0, ("It is. Is it? 42. 17.",)),))
    assert choose(document, sentences_of(document), [2], ENGLISH) == [[0, 1]]


def test_auto_is_the_default():
    assert DEFAULT_ALGORITHM == "auto"
    assert SummaryOptions().algorithm == "auto"
