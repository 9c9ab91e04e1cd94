"""Picking sentences: every algorithm, budgets, order, and fidelity to the source."""

import pytest

from briefing.errors import UsageError
from briefing.model import Document, Section
from briefing.read import load
from briefing.summarize import SUMMARIZERS, SummaryOptions, budgets, summarize_document
from briefing.summarize.language import get_language


@pytest.fixture
def harbour(data_dir):
    return load(str(data_dir / "harbour-plaintext.txt"))


def all_sentences(document):
    english = get_language("english")
    return [s for sec in document.sections for p in sec.paragraphs for s in english.to_sentences(p)]


@pytest.mark.parametrize("algorithm", list(SUMMARIZERS))
def test_every_algorithm_picks_source_sentences_in_order_within_budget(harbour, algorithm):
    digest = summarize_document(harbour, SummaryOptions(algorithm=algorithm, sentences=1))
    source = all_sentences(harbour)
    assert [s.heading for s in digest.sections] == [s.heading for s in harbour.sections]
    for section in digest.sections:
        assert len(section.sentences) == min(1, section.total_sentences)
    picks = [s for section in digest.sections for s in section.sentences]
    positions = [source.index(p) for p in picks]  # raises if a pick is not a source sentence
    assert positions == sorted(positions)
    headings = {s.heading for s in harbour.sections}
    assert not headings & set(picks)


def test_lead_takes_the_first_sentences(harbour):
    digest = summarize_document(harbour, SummaryOptions(algorithm="lead", sentences=2))
    assert digest.sections[1].sentences == (
        "During the closure, ships waited an average of three days for a berth.",
        "Freight agents say the delays added about 400 euros to the cost of every container.",
    )


def test_section_within_budget_is_kept_whole(harbour):
    digest = summarize_document(harbour, SummaryOptions(sentences=5))
    last = digest.sections[-1]
    assert last.heading == "What Comes Next"
    assert last.total_sentences == 2
    assert len(last.sentences) == 2


def test_ratio_keeps_a_share_of_each_section_and_at_least_one(harbour):
    digest = summarize_document(harbour, SummaryOptions(ratio=0.5))
    for section in digest.sections:
        expected = max(1, int(section.total_sentences * 0.5 + 0.5))
        assert len(section.sentences) == expected
    full = summarize_document(harbour, SummaryOptions(ratio=1.0))
    assert [p for s in full.sections for p in s.sentences] == all_sentences(harbour)


def test_max_sentences_is_shared_out_by_section_length(harbour):
    digest = summarize_document(harbour, SummaryOptions(max_sentences=5))
    kept = [len(s.sentences) for s in digest.sections]
    assert sum(kept) == 5
    totals = [s.total_sentences for s in digest.sections]
    assert kept[totals.index(max(totals))] == max(kept)


def test_budget_arithmetic():
    assert budgets([4, 2, 0], SummaryOptions(sentences=3)) == [3, 2, 0]
    assert budgets([10, 5, 5], SummaryOptions(max_sentences=4)) == [2, 1, 1]
    assert budgets([10, 5, 5], SummaryOptions(max_sentences=40)) == [10, 5, 5]
    assert budgets([10, 5, 5], SummaryOptions(sentences=1, max_sentences=2)) == [1, 1, 0]
    assert budgets([3, 1], SummaryOptions()) == [2, 1]


def test_edmundson_rewards_the_heading_words():
    section = Section(
        "Berth fees",
        2,
        (
            "The weather was grey all week. Berth fees will fall by half in April. "
            "Gulls gathered on the old crane.",
        ),
    )
    document = Document("Port news", "x", "text", (section,))
    digest = summarize_document(document, SummaryOptions(algorithm="edmundson", sentences=1))
    assert digest.sections[0].sentences == ("Berth fees will fall by half in April.",)


def test_repeated_sentences_are_not_picked_twice():
    section = Section("", 0, ("Same words here. Same words here. Other words there. More.",))
    digest = summarize_document(
        Document("t", "x", "text", (section,)), SummaryOptions(algorithm="lead", sentences=2)
    )
    assert digest.sections[0].sentences == ("Same words here.",)


def test_options_are_checked():
    with pytest.raises(UsageError, match="unknown algorithm 'magic'"):
        SummaryOptions(algorithm="magic")
    with pytest.raises(UsageError, match="either a sentence count or a ratio"):
        SummaryOptions(sentences=2, ratio=0.5)
    with pytest.raises(UsageError, match="ratio"):
        SummaryOptions(ratio=1.5)
