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


TIDES = Document(
    "Tide gauges",
    "<test>",
    "text",
    (
        Section(
            "1 Introduction",
            1,
            (
                "Coastal towns have kept paper records since the last century. "
                "We measure sea level rise with cheap pressure sensors on harbour walls.",
            ),
        ),
        Section(
            "2 Sensors",
            1,
            (
                "Each pressure sensor on a harbour wall logs the sea level every minute. "
                "A sensor costs forty euros. "
                "Batteries last a year. "
                "The sensors send their readings by radio. "
                "Gulls sometimes sit on the masts. "
                "Divers fix the sensors to the harbour walls with steel bands.",
            ),
        ),
        Section(
            "3 Results",
            1,
            (
                "Over two years the sensors measured a sea level rise of four millimetres. "
                "Cheap pressure sensors agree with the national tide gauges within a millimetre.",
            ),
        ),
        Section("4 Conclusion", 1, ("Cheap sensors can measure sea level rise.",)),
    ),
)


def test_a_document_budget_goes_where_the_point_is_not_by_section_length():
    def per_section(algorithm):
        digest = summarize_document(TIDES, SummaryOptions(algorithm=algorithm, max_sentences=3))
        return [len(s.sentences) for s in digest.sections]

    # By length, the long "Sensors" section gets two of the three sentences ...
    assert per_section("lead") == [1, 2, 0, 0]
    # ... auto takes the introduction and the results, which state the point; the
    # conclusion repeats the introduction, so it is left out as a near-copy.
    assert per_section("auto") == [2, 0, 1, 0]


def test_the_introduction_sentence_the_body_develops_beats_its_opening():
    digest = summarize_document(TIDES, SummaryOptions(max_sentences=1))
    [picked] = [s for section in digest.sections for s in section.sentences]
    assert picked == "We measure sea level rise with cheap pressure sensors on harbour walls."


def test_a_per_section_count_is_kept_exactly():
    digest = summarize_document(TIDES, SummaryOptions(sentences=1))
    assert [len(s.sentences) for s in digest.sections] == [1, 1, 1, 1]


def test_centrality_credits_the_end_nearer_a_boundary():
    import numpy as np

    from briefing.summarize.centrality import (
        across_sections,
        boundary_distance,
        within_sections,
    )
    from briefing.summarize.vectors import TfIdf, content_terms

    assert list(boundary_distance(np.arange(5), 5)) == [0, 1, 2, 1, 0]
    flat = [s for section in sentences_of(TIDES) for s in section]
    vectors = TfIdf([content_terms(s, ENGLISH) for s in flat])
    owner = np.array([k for k, sec in enumerate(sentences_of(TIDES)) for _ in sec])
    position = np.array([i for sec in sentences_of(TIDES) for i in range(len(sec))])
    size = np.bincount(owner)[owner]
    within = within_sections(vectors, owner, position, size)
    # "Each pressure sensor on a harbour wall ..." opens "Sensors" and is echoed by its
    # last sentence: both lie at a boundary, so both are credited; the middle ones are not.
    sensors = np.flatnonzero(owner == 1)
    assert within[sensors[0]] > 0 and within[sensors[-1]] > 0
    assert within[sensors[0]] > within[sensors[2]]
    across = across_sections(vectors, owner, 4)
    assert across.max() == 1.0
    # The introduction's second sentence is what the middle sections develop.
    assert across[1] == across[owner == 0].max() and across[1] > across[0]
    assert across_sections(vectors, np.zeros(len(flat), dtype=int), 1).tolist() == [0.0] * len(flat)
