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
    highlights = day_in_brief(digests, ENGLISH, 5, documents)
    assert len(highlights) == 5
    assert sorted(h.document for h in highlights[:3]) == [0, 1, 2]
    for h in highlights:
        assert h.sentence in STORIES[digests[h.document].title]


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
