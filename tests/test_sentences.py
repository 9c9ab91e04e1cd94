"""Only sentences are picked and counted: bylines, captions, table cells, list intros, code out."""

from pathlib import Path

import pytest

from briefing.errors import InputError
from briefing.model import Document, Section
from briefing.read import load, parse
from briefing.read.byline import read_byline, read_date
from briefing.summarize import SUMMARIZERS, SummaryOptions, summarize_document
from briefing.summarize.sentences import kind_of

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

#: The sentences of tests/data/ferry-timetable.html, the only lines a reader should be shown.
FERRY_SENTENCES = [
    "Night ferries will run again between Eastfield and Northport from April, after a gap "
    "of three winters.",
    "The harbour board approved the new timetable on Monday by seven votes to two.",
    "Boats will leave every ninety minutes until the last sailing.",
    "Tickets bought for a day crossing stay valid at night.",
    "England and Wales.",
    "The data is updated every night at two.",
]


def picks(digest):
    return [s for section in digest.sections for s in section.sentences]


def test_a_page_with_byline_caption_table_and_code_shows_only_its_sentences(data_dir):
    document = load(str(data_dir / "ferry-timetable.html"))
    digest = summarize_document(document)
    assert picks(digest) == FERRY_SENTENCES
    assert (digest.kept_sentences, digest.total_sentences) == (6, 6)
    assert digest.total_words == sum(len(s.split()) for s in FERRY_SENTENCES)
    assert (digest.author, digest.date) == ("Ana Berg", "2026-03-03")


@pytest.mark.parametrize("algorithm", SUMMARIZERS.names())
def test_no_algorithm_picks_a_line_that_is_not_a_sentence(data_dir, algorithm):
    document = load(str(data_dir / "ferry-timetable.html"))
    digest = summarize_document(document, SummaryOptions(algorithm=algorithm, ratio=1.0))
    assert picks(digest) == FERRY_SENTENCES


def test_a_byline_gives_the_author_and_date_and_is_not_a_sentence():
    text = (
        "Ferries return\n\nBy Jane Roe, 4 May 2026\n\n"
        "Night ferries will run again from April. The board approved it on Monday.\n"
    )
    document = parse(text, "ferries.txt", "text")
    assert (document.author, document.date) == ("Jane Roe", "2026-05-04")
    digest = summarize_document(document)
    assert picks(digest) == [
        "Night ferries will run again from April.",
        "The board approved it on Monday.",
    ]
    assert digest.total_sentences == 2


def test_a_byline_does_not_replace_the_author_a_page_names():
    document = Document(
        "Ferries",
        "<test>",
        "html",
        (Section("", 0, ("By Jane Roe, 4 May 2026", "Night ferries will run again.")),),
        author="Ana Berg",
    )
    from briefing.read.byline import with_byline

    assert (with_byline(document).author, with_byline(document).date) == ("Ana Berg", "2026-05-04")


def test_a_short_real_sentence_stays():
    text = "# Case notes\n\n## Setting:\n\nEngland and Wales.\n\n## Outcome\n\nThe appeal failed.\n"
    digest = summarize_document(parse(text, "notes.md", "markdown"))
    assert picks(digest) == ["England and Wales.", "The appeal failed."]


def test_a_list_intro_is_never_picked_nor_counted():
    text = (
        "# Deploying\n\nYou build the image once and run it anywhere. "
        "Your Dockerfile might then look like this:\n\n"
        "```\nFROM python:3.11\nRUN pip install briefing\n```\n\n"
        "The image is about 80 MB.\n"
    )
    digest = summarize_document(parse(text, "deploy.md", "markdown"), SummaryOptions(ratio=1.0))
    assert picks(digest) == [
        "You build the image once and run it anywhere.",
        "The image is about 80 MB.",
    ]
    assert digest.total_sentences == 2


def test_a_code_line_is_never_picked():
    text = (
        "Install notes\n\nThe tool installs with pip from the package index.\n\n"
        "$ pip install briefing\n\nx = fetch_timetable(day)\n\n"
        "It needs Python 3.11 or newer.\n"
    )
    digest = summarize_document(parse(text, "install.txt", "text"), SummaryOptions(ratio=1.0))
    assert picks(digest) == [
        "The tool installs with pip from the package index.",
        "It needs Python 3.11 or newer.",
    ]


def test_a_document_of_labels_and_cells_only_has_nothing_to_summarise():
    document = Document("Prices", "<test>", "html", (Section("", 0, ("Option", "Value", "10")),))
    with pytest.raises(InputError, match="no sentences to summarise"):
        summarize_document(document)


def test_the_daily_example_never_picks_its_byline():
    digest = summarize_document(load(str(EXAMPLES / "site" / "library-hours.html")))
    assert not any("Tomas Lind" in s for s in picks(digest))
    assert digest.author == "Tomas Lind"


@pytest.mark.parametrize(
    "line, kind",
    [
        ("By Tomas Lind, 24 November 2026", "byline"),
        ("April 21, 2022", "byline"),
        ("WASHINGTON —", "byline"),
        ("— Kyle Hughes, Writer", "byline"),
        ("Photo: Eastfield Harbour Board", "credit"),
        ("Table 2: Results on the test set.", "credit"),
        ("Instructional video: This video shows the ferry leaving the quay.", "credit"),
        ("Share this article", "furniture"),
        ("Sign up for our free newsletter", "furniture"),
        ("Your Dockerfile might then look like this:", "intro"),
        ("My favourite novels are: 1.", "intro"),
        ("score(a) = max_b sim(a, b)", "code"),
        ("Home > News > World", "link"),
        ("Harbour Board Approves New Fares", "link"),
        ("↑ 1.0 1.1 Book of Spells", "reference"),
        ("** — Night sailings are not available on this route.", "reference"),
        ("10", "cell"),
        ("Option", "fragment"),
        ("macOS Catalina 10.15 (when released)", "fragment"),
        ("And much more…", "fragment"),
    ],
)
def test_lines_that_are_not_sentences(line, kind):
    assert kind_of(line) == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "England and Wales.",
        "No.",
        "Powers said.",
        "By Monday, the council had voted.",
        "Figure 3.1 is an overview of our model.",
        "Related work has shown that parsing helps.",
        "(c) Such an approach is compatible with dynamic programming.",
        "- For the survey, the firm interviewed 1,324 chief executives in 2004.",
        "Meanwhile he finished seventh in a time of 31:41.",
        "Share files and folders, and drag and drop them between Mac and Windows.",
        "Not a pair . '",
        "* Buy the tickets at the quay before the night ferry leaves.",
        "And many more people came to the harbour that night.",
        "Our video team filmed the harbour at night.",
    ],
)
def test_sentences_stay_sentences(sentence):
    assert kind_of(sentence) == ""


def test_bylines_and_dates_are_read_as_metadata():
    assert read_byline("By Tomas Lind, 24 November 2026").author == "Tomas Lind"
    assert read_byline("Posted on March 3, 2020 by Jane Roe").date == "2020-03-03"
    assert read_byline("By Monday, the council had voted.") is None
    assert read_date("September 2017") == "2017-09"
    assert read_date("May") == ""


def test_a_numbered_list_item_keeps_its_number_and_is_picked_whole():
    html = (
        "<html><head><title>Riddles for a rainy day</title></head><body><main>"
        "<h1>Riddles for a rainy day</h1>"
        "<p>Our readers sent these riddles in, and the children at the library voted for "
        "their favourites.</p>"
        "<p><b>36. What has keys but cannot open a single lock?</b><br>A piano!</p>"
        "<p><b>37. What did one volcano say to the other?</b></p><p>I lava you!</p>"
        "<p>iv. The harbour cat always sits where the sun is warmest.</p>"
        "</main></body></html>"
    )
    digest = summarize_document(parse(html, "riddles.html", "html"), SummaryOptions(ratio=1.0))
    shown = picks(digest)
    assert "37. What did one volcano say to the other?" in shown
    assert "36. What has keys but cannot open a single lock?" in shown
    assert "iv. The harbour cat always sits where the sun is warmest." in shown
    assert not any(s in {"36.", "37.", "iv."} for s in shown)


def test_a_sign_up_prompt_and_an_advertising_disclosure_are_never_picked():
    text = (
        "# Night ferries\n\n"
        "Night ferries will run again between Eastfield and Northport from April. "
        "The harbour board approved the timetable on Monday.\n\n"
        "Do you want to hear about our next campaign? Sign up here\n\n"
        "We review every ferry line ourselves, and operators do not influence our picks. "
        "We may receive compensation if you book with partners we recommend. "
        "Read our advertiser disclosure for more info.\n\n"
        "Tickets bought for a day crossing stay valid at night. Join us, said the captain, "
        "and sign up here for the crew.\n"
    )
    digest = summarize_document(parse(text, "ferries.md", "markdown"), SummaryOptions(ratio=1.0))
    assert picks(digest) == [
        "Night ferries will run again between Eastfield and Northport from April.",
        "The harbour board approved the timetable on Monday.",
        "Tickets bought for a day crossing stay valid at night.",
        "Join us, said the captain, and sign up here for the crew.",
    ]
    assert digest.total_sentences == 4
