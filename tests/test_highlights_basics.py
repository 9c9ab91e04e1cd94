""" "The day in brief": a few sentences across the day's items, every item first having its
turn, none repeated, as many as asked for when there are enough, the same every time."""

import pytest

from briefing.assemble.highlights import day_in_brief
from briefing.model import DocumentDigest, SectionDigest
from briefing.summarize.language import get_language

ENGLISH = get_language("english")

ITEMS = {
    "Dock workers strike": [
        "Dock workers at the port of Eastfield went on strike on Monday over night shifts.",
        "The strike stopped all container traffic at the port.",
        "The union said the strike would last until Friday.",
    ],
    "Port strike hits shops": [
        "Shops near the port ran short of fresh food as the dock strike went on.",
        "Traders said the strike at the port cost them a third of their sales.",
    ],
    "Night trains return": [
        "A night train will run between the capital and the coast from March.",
        "Tickets go on sale next week.",
        "The line was closed for three years after a landslide.",
    ],
    "Library keeps its hours": [
        "The central library will keep its opening hours despite the budget cuts.",
        "Volunteers will run the Sunday reading club.",
    ],
}


def digest(title: str, sentences: list[str]) -> DocumentDigest:
    return DocumentDigest(
        title=title,
        source=f"{title}.html",
        format="html",
        algorithm="auto",
        language="english",
        sections=(SectionDigest("", 0, tuple(sentences), len(sentences) + 2),),
    )


def day() -> list[DocumentDigest]:
    return [digest(title, sentences) for title, sentences in ITEMS.items()]


def test_every_item_has_its_turn_before_any_item_has_a_second():
    highlights = day_in_brief(day(), ENGLISH, 6)
    assert len(highlights) == 6
    # Highlights are shown item by item; one each came first, so all four items are there.
    assert {h.document for h in highlights} == {0, 1, 2, 3}


def test_each_highlight_is_a_sentence_of_the_item_it_names_and_none_repeats():
    digests = day()
    highlights = day_in_brief(digests, ENGLISH, 7)
    for highlight in highlights:
        assert highlight.sentence in digests[highlight.document].sections[0].sentences
    assert len({h.sentence for h in highlights}) == len(highlights) == 7


@pytest.mark.parametrize("count", [3, 5, 7])
def test_as_many_highlights_as_asked_for_when_there_are_enough(count):
    assert len(day_in_brief(day(), ENGLISH, count)) == count


def test_fewer_candidates_than_asked_for_gives_each_of_them_once():
    digests = [
        digest("One", ["The port reopened on Tuesday."]),
        digest("Two", ["Port fees fell by a tenth this year."]),
    ]
    highlights = day_in_brief(digests, ENGLISH, 5)
    assert sorted((h.document, h.sentence) for h in highlights) == [
        (0, "The port reopened on Tuesday."),
        (1, "Port fees fell by a tenth this year."),
    ]


def test_no_items_or_no_sentences_give_no_highlights():
    assert day_in_brief([], ENGLISH, 5) == ()
    assert day_in_brief([digest("Empty", [])], ENGLISH, 5) == ()


def test_the_same_items_give_the_same_highlights_every_time():
    first = day_in_brief(day(), ENGLISH, 5)
    assert day_in_brief(day(), ENGLISH, 5) == first
    assert day_in_brief(tuple(day()), ENGLISH, 5) == first


def test_a_sentence_an_item_repeats_is_one_highlight_not_two():
    from briefing.model import Document, Section

    quote = ITEMS["Dock workers strike"][0]
    strike = ITEMS["Dock workers strike"][1:] + [quote]  # a pull quote at the end
    documents = [
        Document("Dock workers strike", "a.html", "html", (Section("", 0, (quote, *strike)),)),
        Document(
            "Night trains return",
            "b.html",
            "html",
            (Section("", 0, (ITEMS["Night trains return"][0],)),),
        ),
    ]
    digests = [
        digest("Dock workers strike", [quote]),
        digest("Night trains return", ITEMS["Night trains return"][:1]),
    ]
    highlights = day_in_brief(digests, ENGLISH, 5, documents)
    sentences = [h.sentence for h in highlights]
    assert sentences.count(quote) == 1
    assert len(sentences) == len(set(sentences))
