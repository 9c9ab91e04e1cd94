"""Web pages: the article's sections and metadata, never the menus, banners, footers or scripts."""

import socket
import subprocess
import sys

import pytest

from briefing.errors import InputError
from briefing.read import load
from briefing.read.html import read

CLEAN_PAGE = """\
<!DOCTYPE html>
<html><head><title>Upper meadow</title>
<style>p { color: STYLE-TEXT-NEVER-READ; }</style></head>
<body>
<h1>Field report: the upper meadow</h1>
<p>We walked the upper meadow on Tuesday and counted the orchids along the fence line.
There were more than last spring, mostly on the south-facing slope.</p>
<p>The stream had dropped by a hand's width since the last visit.</p>
<h2>Birds</h2>
<p>Two pairs of stonechats were nesting near the gate.</p>
<ul><li>Stonechat, two pairs</li><li>Skylark, one singing</li></ul>
<script>document.title = "SCRIPT-TEXT-NEVER-READ";</script>
<h2>Next steps</h2>
<h3>Fencing</h3>
<p>The broken post near the stile needs replacing before the sheep come back.</p>
<blockquote>Leave the gate as you found it.</blockquote>
</body></html>
"""

BOILERPLATE = (
    "cookies",
    "Accept all",
    "Subscribe today",
    "Sport",
    "Most read",
    "Bakery on Mill Lane",
    "footbridge",
    "Copyright",
    "Privacy policy",
)


@pytest.fixture
def article(data_dir):
    return read((data_dir / "library-article.html").read_text(encoding="utf-8"), "article.html")


def all_text(document) -> str:
    parts = [document.title]
    for section in document.sections:
        parts.append(section.heading)
        parts.extend(section.paragraphs)
    return "\n".join(parts)


def test_article_page_gives_its_sections_with_their_heading_levels(article):
    assert [(s.heading, s.level) for s in article.sections] == [
        ("", 0),
        ("A building with a long past", 2),
        ("Keeping the old beams", 3),
        ("Light from the north", 3),
        ("What readers can expect", 2),
    ]
    assert [len(s.paragraphs) for s in article.sections] == [2, 1, 1, 1, 3]
    assert article.sections[0].paragraphs[0].startswith("The Millbrook public library opened")
    assert article.sections[4].paragraphs[1] == (
        "We wanted a room where anyone can sit down and read for as long as they like, "
        "without having to buy anything."
    )


def test_article_page_fills_title_author_date_and_site(article):
    assert article.format == "html"
    assert article.title == "Millbrook library opens its new reading hall"
    assert article.author == "Dana Whitfield"
    assert article.date == "2024-03-05"
    assert article.site == "The Millbrook Courier"


def test_article_page_leaves_out_menus_cookie_notice_teasers_and_footer(article):
    text = all_text(article)
    for boilerplate in BOILERPLATE:
        assert boilerplate not in text


def test_short_clean_page_is_read_by_its_tags_with_every_heading_and_list_item():
    document = read(CLEAN_PAGE, "meadow.html")
    assert document.title == "Field report: the upper meadow"
    assert [(s.heading, s.level, s.paragraphs) for s in document.sections] == [
        (
            "",
            0,
            (
                "We walked the upper meadow on Tuesday and counted the orchids along the "
                "fence line. There were more than last spring, mostly on the south-facing slope.",
                "The stream had dropped by a hand's width since the last visit.",
            ),
        ),
        (
            "Birds",
            2,
            (
                "Two pairs of stonechats were nesting near the gate.",
                "Stonechat, two pairs",
                "Skylark, one singing",
            ),
        ),
        ("Next steps", 2, ()),
        (
            "Fencing",
            3,
            (
                "The broken post near the stile needs replacing before the sheep come back.",
                "Leave the gate as you found it.",
            ),
        ),
    ]


def test_script_and_style_content_never_appears(article):
    for document in (article, read(CLEAN_PAGE, "meadow.html")):
        text = all_text(document)
        assert "SCRIPT-TEXT-NEVER-READ" not in text
        assert "STYLE-TEXT-NEVER-READ" not in text
        assert "dataLayer" not in text


def test_reading_a_page_never_opens_a_connection(data_dir, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the HTML reader tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    page = (data_dir / "library-article.html").read_text(encoding="utf-8")
    page = page.replace(
        "</head>", '<link rel="canonical" href="https://courier.example/library">\n</head>'
    )
    assert read(page, "https://courier.example/library").author == "Dana Whitfield"
    assert read(CLEAN_PAGE, "meadow.html").sections


def test_importing_the_reader_does_not_import_trafilatura():
    code = "import sys, briefing.read.html; print('trafilatura' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_html_file_is_read_by_extension(tmp_path):
    path = tmp_path / "meadow.htm"
    path.write_text(CLEAN_PAGE, encoding="utf-8")
    document = load(str(path))
    assert document.format == "html"
    assert document.title == "Field report: the upper meadow"
    assert document.sections[1].heading == "Birds"


def test_page_with_only_furniture_has_no_text_to_summarise(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text(
        "<html><body><nav><ul><li><a href='/'>Home</a></li></ul></nav>"
        "<footer><p>All rights reserved.</p></footer></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="no text to summarise"):
        load(str(path))


def test_empty_page_has_no_sections():
    assert read("  \n", "empty.html").sections == ()


def test_xhtml_page_with_an_xml_declaration_is_read():
    page = '<?xml version="1.0" encoding="UTF-8"?>\n' + CLEAN_PAGE.replace(
        "<html>", '<html xmlns="http://www.w3.org/1999/xhtml">'
    )
    document = read(page, "meadow.xhtml")
    assert document.title == "Field report: the upper meadow"
    assert [s.heading for s in document.sections] == ["", "Birds", "Next steps", "Fencing"]
