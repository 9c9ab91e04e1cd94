"""Plain text: what papers and tables leave on a line of their own is text, never a heading;
a short question standing alone between paragraphs is a heading."""

from briefing.read.plaintext import read


def headings(text: str) -> list[str]:
    return [s.heading for s in read(text, "paper.txt").sections if s.heading]


PAPER = """\
Ranking Answers by Overlap

1 Introduction

Question answering systems return many candidate answers, and most of them are wrong. We rank the candidates by how much of the question they cover.

We compare the following baselines:

The first baseline takes the most frequent answer. The second takes the answer nearest to the question words.

2 Scoring

Each answer a is scored against every passage b that mentions it, and the best passage counts:

score(a) = max_b overlap(a, b) / |a|

EQUATION

The score is zero for an answer that no passage mentions. It is one when a passage holds every word of the answer.

Table 2: Accuracy of the three rankers

Ranker | Top 1 | Top 5

Overlap 41.2 63.5 70.1

3

Figure 1

The overlap ranker beats both baselines on every question type. The gain is largest on questions about places.

3 Conclusion

Overlap is a cheap and strong signal for ranking answers.
"""


def test_formulas_placeholders_table_rows_labels_numbers_and_colon_lines_are_text():
    assert headings(PAPER) == ["1 Introduction", "2 Scoring", "3 Conclusion"]
    scoring = read(PAPER, "paper.txt").sections[1]
    assert "score(a) = max_b overlap(a, b) / |a|" in scoring.paragraphs
    assert "EQUATION" in scoring.paragraphs


NEWS = """\
Ring road closes for six weeks

The ring road between the harbour and the station closes on Monday for resurfacing. The council says the work will take six weeks if the weather holds.

What happens to the roads?

Traffic will be sent along Mill Lane and the coast road. Buses keep their routes but leave five minutes earlier.

Who pays for the work?

The county pays two thirds and the town the rest. The contract went to a firm from Dunmore.
"""


def test_a_short_question_standing_alone_between_paragraphs_is_a_heading():
    document = read(NEWS, "news.txt")
    assert document.title == "Ring road closes for six weeks"
    assert [(s.heading, s.level) for s in document.sections] == [
        ("", 0),
        ("What happens to the roads?", 2),
        ("Who pays for the work?", 2),
    ]
    assert document.sections[1].paragraphs[0].startswith("Traffic will be sent")


def test_a_question_inside_a_paragraph_run_stays_text():
    text = (
        "Ring road closes\n\nThe road closes on Monday. Drivers are not pleased.\n"
        "What happens to the roads?\nNobody at the council would say.\n"
    )
    document = read(text, "news.txt")
    assert headings(text) == []
    assert "What happens to the roads?" in " ".join(document.sections[0].paragraphs)


def test_a_question_that_ends_the_text_is_not_a_heading():
    text = "Ring road closes\n\nThe road closes on Monday for six weeks.\n\nWhat happens next?\n"
    assert headings(text) == []


def test_one_paragraph_a_line_keeps_a_heading_after_a_paragraph_ending_in_a_page_number():
    text = (
        "Harbour Traffic in the Winter Months and What It Means for the Small Ports of the Coast\n"
        "Ships wait longer for a berth in winter than in summer, as storms close the outer "
        "channel for days at a time and the queue at the buoy grows. 12\n"
        "Related Work\n"
        "Earlier studies counted ships but not the hours they waited at the outer buoy.\n"
        "This note measures those hours for three ports over two winters.\n"
        "Data\n"
        "The harbour offices keep a log of every ship that asks for a berth.\n"
        "We read the logs of 2023 and 2024 and matched each request to its arrival.\n"
    )
    document = read(text, "paper.txt")
    assert document.title.startswith("Harbour Traffic in the Winter Months")
    assert headings(text) == ["Related Work", "Data"]
    assert document.sections[0].paragraphs[0].endswith("the queue at the buoy grows. 12")


def test_one_paragraph_a_line_keeps_a_short_heading_before_a_line_in_lower_case():
    text = (
        "Counting Ships at the Outer Buoy\n"
        "Ships wait longer for a berth in winter than in summer, as storms close the outer "
        "channel for days at a time.\n"
        "We measure those hours for three ports over two winters and compare them.\n"
        "7 Experiments\n"
        "w(s) = hours waited by ship s, summed over every request it made to the harbour office.\n"
        "The harbour offices keep a log of every ship that asks for a berth.\n"
        "Results\n"
        "Waits doubled in the two stormiest months.\n"
    )
    assert headings(text) == ["7 Experiments", "Results"]


def test_hard_wrapped_text_joins_a_short_line_with_the_lower_case_line_after_it():
    text = (
        "Ships wait longer for a berth in winter than in summer, as storms close\n"
        "the outer channel for days at a time and the queue at the buoy grows\n"
        "longer with every passing storm. The harbour offices keep a log of every\n"
        "Ship Registry\n"
        "entry and every request for a berth, which we read for two winters.\n"
    )
    assert headings(text) == []
