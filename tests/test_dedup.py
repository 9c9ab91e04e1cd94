"""Near-duplicates: the same story syndicated with small edits is one group; different
stories, even on the same subject, stay apart; groups come in the order of their first item."""

import random

from briefing.assemble.dedup import THRESHOLD, group_near_duplicates, jaccard, shingles

PORT = (
    "The north quay of the port reopened on Tuesday after fourteen months of repairs. "
    "The first container ship will dock on Friday, and the port authority expects waiting "
    "times to fall below a day by the end of the month. The repairs cost 48 million euros, "
    "a third more than planned, because the old sea wall had to be rebuilt from its "
    "foundations. Dock workers who moved to the south side during the works will return "
    "next week. The authority will halve the fee rise it announced for April, its director "
    "said, so that shipping lines do not move to the rival port up the coast."
)
# The same story as another site ran it: a dateline, one word changed, other punctuation.
PORT_SYNDICATED = (
    "EASTFIELD (Reuters) - " + PORT.replace("Tuesday", "TUESDAY").replace("rival", "competing")
).replace(", and the port", " - and the port")
# The same subject, told differently: shares words and names, not sentences.
PORT_FOLLOW_UP = (
    "Shipping lines welcomed the reopening of the north quay at the port on Wednesday. "
    "Two carriers said they would return to Eastfield from the rival port up the coast, "
    "citing lower fees and shorter waiting times. The port authority said container traffic "
    "could reach its old level by summer. Unions asked for more staff on the night shift, "
    "saying the works had left the south side short of crane drivers."
)
RAIL = (
    "A night train will run between the capital and the coast from March, the operator "
    "said on Monday. Tickets go on sale next week and the operator expects full trains at "
    "weekends. The line was closed for three years after a landslide near the river crossing "
    "damaged the track, and local hotels have long asked for it to reopen."
)


def test_a_syndicated_copy_with_small_edits_is_grouped_with_the_original():
    assert group_near_duplicates([PORT, PORT_SYNDICATED]) == [[0, 1]]


def test_different_stories_stay_apart_even_on_the_same_subject():
    assert group_near_duplicates([PORT, PORT_FOLLOW_UP, RAIL]) == [[0], [1], [2]]


def test_groups_come_in_the_order_of_their_first_item_and_keep_it_first():
    texts = [RAIL, PORT_FOLLOW_UP, PORT_SYNDICATED, RAIL.upper(), PORT]
    assert group_near_duplicates(texts) == [[0, 3], [1], [2, 4]]


def test_copies_of_copies_form_one_group():
    # Each copy changes one more word of the one before: neighbours are near-duplicates, but
    # the first and the last differ more than the threshold allows on their own.
    words = PORT.split()
    chain = [PORT]
    for position in range(0, 60, 12):
        words = words[:position] + ["altered"] + words[position + 1 :]
        chain.append(" ".join(words))
    assert jaccard(shingles(chain[0]), shingles(chain[-1])) < THRESHOLD
    assert all(jaccard(shingles(a), shingles(b)) >= THRESHOLD for a, b in zip(chain, chain[1:]))
    assert group_near_duplicates(chain) == [list(range(len(chain)))]


def test_case_and_punctuation_do_not_matter_but_words_do():
    assert jaccard(shingles(PORT), shingles(PORT.upper().replace(",", ";"))) == 1.0
    assert jaccard(shingles(PORT), shingles(RAIL)) == 0.0
    half = PORT[: len(PORT) // 2]
    assert 0.3 < jaccard(shingles(PORT), shingles(half)) < 0.8  # a fragment is not a copy


def test_short_and_empty_texts():
    assert group_near_duplicates(["Budget passed.", "budget PASSED!", "Budget failed."]) == [
        [0, 1],
        [2],
    ]
    assert group_near_duplicates(["", "", "   "]) == [[0], [1], [2]]  # nothing to compare
    assert group_near_duplicates([]) == []


def test_the_threshold_decides_how_close_is_the_same():
    # Distinct stories by default; the same only with a threshold low enough.
    half = PORT[: len(PORT) // 2]
    assert group_near_duplicates([PORT, half]) == [[0], [1]]
    assert group_near_duplicates([PORT, half], threshold=0.3) == [[0, 1]]


def _every_pair(texts: list[str], threshold: float) -> list[list[int]]:
    """Grouping by comparing every pair: what the faster search must always agree with."""
    sets = [shingles(t) for t in texts]
    group = list(range(len(texts)))
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            if jaccard(sets[i], sets[j]) >= threshold:
                old, new = group[j], group[i]
                group = [new if g == old else g for g in group]
    found: dict[int, list[int]] = {}
    for i, g in enumerate(group):
        found.setdefault(g, []).append(i)
    return sorted(found.values(), key=lambda g: g[0])


def test_a_days_many_items_are_grouped_exactly_as_comparing_every_pair():
    rng = random.Random(7)
    stories = [PORT, PORT_FOLLOW_UP, RAIL, PORT[:300], RAIL + " " + PORT_FOLLOW_UP]
    texts = []
    for _ in range(60):  # copies with a few words changed, near and past the threshold
        words = rng.choice(stories).split()
        for _ in range(rng.randint(0, 12)):
            words[rng.randrange(len(words))] = rng.choice(["quay", "said", "the", "Eastfield"])
        texts.append(" ".join(words))
    for threshold in (0.5, THRESHOLD, 0.9, 1.0):
        assert group_near_duplicates(texts, threshold) == _every_pair(texts, threshold)
    assert 1 < len(group_near_duplicates(texts)) < len(texts)
