"""The day in brief: across items, one item per highlight first, real sentences only."""

from briefing.assemble.highlights import day_in_brief
from briefing.model import Document, DocumentDigest, Section, SectionDigest
from briefing.summarize.language import get_language

ENGLISH = get_language("english")

STORIES = {
    "Storm closes the coast road": [
        "A winter storm closed the coast road on Sunday night.",
        "Waves threw rocks onto the road near the lighthouse.",
        "PHOTO: AP",
        "The storm also cut power to two villages",
    ],
    "Villages without power after storm": [
        "Two coastal villages spent the night without power after the storm.",
        "Engineers restored the lines by Monday noon.",
        "The storm closed the coast road as well.",
    ],
    "Bakery wins regional prize": [
        "A village bakery won the regional prize for its rye bread.",
        "The baker learnt the recipe from her grandmother.",
    ],
}


def digests_and_documents():
    documents, digests = [], []
    for title, sentences in STORIES.items():
        documents.append(Document(title, f"<{title}>", "text", (Section("", 0, tuple(sentences)),)))
        digests.append(
            DocumentDigest(
                title,
                f"<{title}>",
                "text",
                "auto",
                "english",
                (SectionDigest("", 0, tuple(sentences), len(sentences)),),
            )
        )
    return digests, documents


def test_every_item_has_a_highlight_before_any_has_two():
    digests, documents = digests_and_documents()
    assert sorted(h.document for h in day_in_brief(digests, ENGLISH, 3, documents)) == [0, 1, 2]
    highlights = day_in_brief(digests, ENGLISH, 5, documents)
    assert len(highlights) == 5 and {h.document for h in highlights} == {0, 1, 2}
    # Shown item by item, each item's highlights in its own order.
    order = [h.document for h in highlights]
    assert order == sorted(order, key=order.index)
    for k in {0, 1, 2}:
        mine = [h.sentence for h in highlights if h.document == k]
        story = STORIES[digests[k].title]
        assert mine == sorted(mine, key=story.index)


def test_what_several_items_share_comes_first():
    digests, documents = digests_and_documents()
    first = day_in_brief(digests, ENGLISH, 3, documents)[0]
    assert first.document in (0, 1)  # the storm, told by two items, before the bakery
    assert "storm" in first.sentence


def test_captions_and_unfinished_lines_are_never_highlights():
    digests, documents = digests_and_documents()
    picked = {h.sentence for h in day_in_brief(digests, ENGLISH, 7, documents)}
    assert "PHOTO: AP" not in picked
    assert "The storm also cut power to two villages" not in picked
    assert len(picked) == 7


def test_a_one_item_day_has_no_day_in_brief():
    digests, documents = digests_and_documents()
    assert day_in_brief(digests[:1], ENGLISH, 5, documents[:1]) == ()


def test_without_documents_the_picks_stand_for_their_items():
    digests, _ = digests_and_documents()
    highlights = day_in_brief(digests, ENGLISH, 3)
    assert sorted(h.document for h in highlights) == [0, 1, 2]


def test_a_highlight_reads_alone_and_leaves_its_item_readable():
    digests, documents = digests_and_documents()
    ferry = [
        "The island ferry will stop running for a month from January for repairs.",
        "However, a replacement boat will carry foot passengers twice a day.",
        "The ferry company apologised to islanders for the short notice.",
    ]
    digests.append(
        DocumentDigest(
            "Ferry repairs",
            "<ferry>",
            "text",
            "auto",
            "english",
            (SectionDigest("", 0, tuple(ferry), 3),),
        )
    )
    documents.append(Document("Ferry repairs", "<ferry>", "text", (Section("", 0, tuple(ferry)),)))
    picked = {h.sentence for h in day_in_brief(digests, ENGLISH, 7, documents) if h.document == 3}
    assert picked == {ferry[2]}  # "However" leans on ferry[0], so neither is lifted


def test_a_highlight_may_be_a_sentence_its_item_did_not_pick():
    digests, documents = digests_and_documents()
    # Each item kept only its first sentence; the day in brief wants five.
    digests = [
        DocumentDigest(
            d.title,
            d.source,
            d.format,
            d.algorithm,
            d.language,
            (SectionDigest("", 0, d.sections[0].sentences[:1], d.total_sentences),),
        )
        for d in digests
    ]
    kept = {d.sections[0].sentences[0] for d in digests}
    highlights = {h.sentence for h in day_in_brief(digests, ENGLISH, 5, documents)}
    assert len(highlights) == 5 and highlights - kept
    assert "PHOTO: AP" not in highlights


def test_a_day_in_brief_of_many_items_takes_each_item_from_its_own_sentences():
    stories = {
        f"Item {k}": [
            f"The council of town {k} approved a new budget for its {k} schools on Monday.",
            f"Parents in town {k} had asked for smaller classes and longer opening hours.",
        ]
        for k in range(40)
    }
    documents = [
        Document(t, f"<{t}>", "text", (Section("", 0, tuple(s)),)) for t, s in stories.items()
    ]
    digests = [
        DocumentDigest(
            t, f"<{t}>", "text", "auto", "english", (SectionDigest("", 0, tuple(s[:1]), 2),)
        )
        for t, s in stories.items()
    ]
    highlights = day_in_brief(digests, ENGLISH, 7, documents)
    assert len({h.document for h in highlights}) == 7
    for h in highlights:
        assert h.sentence in stories[f"Item {h.document}"]
