"""The one multi-document picker behind story summaries and the day in brief: what several
items repeat first, every item its turn, nothing a caller rules out, what was sent last."""

from briefing.assemble.multidoc import pick
from briefing.summarize.language import get_language

ENGLISH = get_language("english")

FLOOD = [
    "The river burst its banks at Millford on Saturday and flooded two hundred homes.",
    "A local bakery handed out free bread to volunteers who filled sandbags all night.",
]
FLOOD_AGAIN = [
    "Two hundred homes in Millford were flooded when the river burst its banks on Saturday.",
    "The mayor thanked the fire brigade for its work through the night in the town.",
]
SCHOOL = [
    "The flooded primary school in Millford will stay closed for the rest of the week.",
    "Pupils will take their lessons in the town hall from Monday until the school dries.",
]


def test_what_several_items_repeat_is_picked_first():
    first = pick([FLOOD, FLOOD_AGAIN, SCHOOL], ["", "", ""], ENGLISH, 1)[0]
    assert "burst its banks" in first.sentence


def test_every_item_has_its_turn_before_any_has_a_second_even_beside_an_empty_item():
    picks = pick([FLOOD, [], FLOOD_AGAIN, SCHOOL], ["", "", "", ""], ENGLISH, 4)
    items = [p.item for p in picks]
    assert sorted(items[:3]) == [0, 2, 3]
    assert len(picks) == 4  # an item with nothing to offer does not stop the second round


def test_a_sentence_the_caller_rules_out_is_never_picked_even_when_nothing_else_is_left():
    allowed = [[False, True], [True, True], [True, True]]
    picks = pick([FLOOD, FLOOD_AGAIN, SCHOOL], ["", "", ""], ENGLISH, 6, allowed=allowed)
    assert FLOOD[0] not in {p.sentence for p in picks}
    assert len(picks) == 5


def test_what_was_sent_in_an_earlier_briefing_comes_after_what_is_new():
    fresh = pick([FLOOD, FLOOD_AGAIN], ["", ""], ENGLISH, 1)[0].sentence
    again = pick([FLOOD, FLOOD_AGAIN], ["", ""], ENGLISH, 1, memory=[fresh])[0].sentence
    assert "burst its banks" in fresh and "burst its banks" not in again


def test_each_pick_names_the_item_it_comes_from():
    items = [FLOOD, FLOOD_AGAIN, SCHOOL]
    for p in pick(items, ["", "", ""], ENGLISH, 6):
        assert p.sentence in items[p.item]


def test_a_sentence_written_twice_is_picked_once():
    # A pull quote repeats a sentence of its article; a syndicated line recurs in two items.
    quoted = FLOOD + [FLOOD[0]]
    picks = pick([quoted, [FLOOD[0]], SCHOOL], ["", "", ""], ENGLISH, 7)
    sentences = [p.sentence for p in picks]
    assert len(sentences) == len(set(sentences)) == 4
