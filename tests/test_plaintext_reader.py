"""Plain text as people paste it: title line, lede, headings on their own lines."""

from briefing.read import load, parse
from briefing.read.plaintext import read


def headings(document):
    return [(s.heading, s.level) for s in document.sections]


def test_pasted_article_splits_into_title_lede_and_headed_sections(data_dir):
    document = load(str(data_dir / "harbour-plaintext.txt"))
    assert document.title.startswith("Port of Eastfield reopens its north quay")
    assert headings(document) == [
        ("", 0),
        ("Will the Queues Finally Shrink?", 2),
        ("Fees: A Promise to Cut Them", 2),
        ("Workers Return to the North Side", 2),
        ("What Comes Next", 2),
    ]
    lede = document.sections[0]
    assert lede.paragraphs[0].startswith("EASTFIELD — The north quay")


def test_heading_is_never_glued_to_the_sentence_after_it(data_dir):
    document = load(str(data_dir / "harbour-plaintext.txt"))
    for section in document.sections:
        for paragraph in section.paragraphs:
            assert section.heading not in paragraph or not section.heading
    fees = document.sections[2]
    assert fees.paragraphs[0].startswith("The port authority raised berth fees")


def test_one_line_sentences_and_quotes_stay_text(data_dir):
    document = load(str(data_dir / "harbour-plaintext.txt"))
    workers = document.sections[3]
    assert "The union said it was satisfied." in workers.paragraphs
    assert "“It was a long year.”" in workers.paragraphs


def test_numbered_headings_keep_their_depth_in_wrapped_text(data_dir):
    document = load(str(data_dir / "notes-wrapped.txt"))
    assert headings(document) == [
        ("1 Introduction", 2),
        ("2 Related Work", 2),
        ("2.1 Queue Models", 3),
        ("3 DATA AND METHOD", 2),
    ]
    # hard-wrapped lines are joined back into one paragraph
    assert document.sections[0].paragraphs == (
        "Small harbours handle a growing share of regional freight, yet little is known "
        "about how long ships wait for a berth. This note measures waiting times at three "
        "ports over two years.",
    )


def test_all_caps_and_blank_line_headings():
    text = (
        "Annual Review\n\nThe year was busy. We grew.\n\nHIGHLIGHTS\n\nSales rose by a tenth. "
        "Costs fell.\n\nLooking ahead\n\nWe plan two new shops.\n"
    )
    document = read(text, "x.txt")
    assert document.title == "Annual Review"
    assert headings(document) == [("", 0), ("HIGHLIGHTS", 2), ("Looking ahead", 2)]


def test_a_one_line_question_in_the_text_is_not_a_heading():
    text = "Title here\nFirst line of text.\nBut will it last?\nNobody knows yet.\n"
    document = read(text, "x.txt")
    assert headings(document) == [("", 0)]
    assert "But will it last?" in document.sections[0].paragraphs


def test_single_paragraph_without_title_is_the_lede():
    document = parse("Just one sentence here. And another one.", "<stdin>", "text")
    assert document.title == "Untitled"
    assert document.sections[0].paragraphs == ("Just one sentence here. And another one.",)


def test_hard_wrapped_prose_keeps_its_first_line():
    text = (
        "The committee met on a cold morning and agreed, after a long\n"
        "debate that went on well past noon, to close the old bridge for\n"
        "repairs over the summer months while the new one is finished.\n"
        "Traffic will go round by the ring road until then, the mayor said.\n"
    )
    document = read(text, "x.txt")
    assert document.title == ""
    assert document.sections[0].paragraphs[0].startswith("The committee met on a cold morning")
