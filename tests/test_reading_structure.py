"""HTML keeps its author's sections: every heading of the article, at its level, and no
heading of the page around it (menus, sidebars, comments)."""

import pytest

from briefing.read import load
from briefing.read.html import read

ARRIVALS = [
    ("", 0),
    ("Booking a berth", 2),
    ("Required details", 3),
    ("Changing a booking", 3),
    ("Arrival", 2),
    ("Pilotage", 3),
    ("Mooring", 3),
    ("Fees", 2),
    ("Departure", 2),
    ("Complaints", 2),
]


def outline(document):
    return [(s.heading, s.level) for s in document.sections]


@pytest.fixture
def generated(data_dir):
    return data_dir / "generated"


def test_mkdocs_page_gives_every_heading_at_its_level_and_none_of_its_menus(generated):
    document = load(str(generated / "mkdocs-berth-booking.html"))
    assert document.title == "Berth booking"
    assert outline(document) == ARRIVALS
    lede = document.sections[0].paragraphs
    assert lede[0].startswith("Every ship that calls at Eastfield books a berth")
    assert "Search" not in lede and "Berth booking" not in lede  # the navbar and its contents


def test_mdbook_page_reads_linked_headings_and_not_the_book_name_in_the_menu_bar(generated):
    document = load(str(generated / "mdbook-style-arrivals.html"))
    assert document.title == "Arrivals and departures"
    assert outline(document) == ARRIVALS
    assert all("Harbour Handbook" not in s.heading for s in document.sections)


def test_sphinx_page_keeps_sections_whose_ids_look_like_boilerplate(generated):
    document = load(str(generated / "sphinx-quay-maintenance.html"))
    assert document.title == "Quay maintenance"
    assert outline(document) == [
        ("", 0),
        ("Inspections", 2),
        ("Above the waterline", 3),
        ("Hidden costs", 2),  # <section id="hidden-costs">
        ("Related projects", 2),  # <section id="related-projects">
    ]
    assert document.sections[3].paragraphs[0].startswith("Repairs below the waterline")


SITES = ["the outer buoy", "the north quay", "the fish dock", "the old slipway", "the ferry berth"]
WHAT = ["temperature", "salinity", "turbidity", "oxygen", "current speed", "wave height"]


def long_page(sections: int) -> str:
    """A report written as bare h1/h2/h3/p, every paragraph different, as people write them."""
    parts = ["<html><head><title>Survey</title></head><body><h1>Spring survey</h1>"]
    for n in range(1, sections + 1):
        site, what = SITES[n % 5], WHAT[n % 6]
        parts.append(f"<h2>{n} Station {n}</h2>")
        for k in range(1, 4):
            parts.append(
                f"<p>Station {n} lies {k * n} metres from {site}. On visit {k} the crew measured "
                f"{what} at {n + k} depths and found it {'higher' if k % 2 else 'lower'} than in "
                f"the autumn survey. The readings were checked against sensor {n * 10 + k}.</p>"
            )
        parts.append(f"<h3>{n}.1 Notes on station {n}</h3>")
        parts.append(
            f"<p>The {what} sensor at station {n} was cleaned after visit {n % 3 + 1}.</p>"
        )
    return "".join(parts) + "</body></html>"


def test_page_of_only_headings_and_paragraphs_keeps_every_heading_at_any_length():
    page = long_page(16)
    assert len(page) > 10000  # twice the size below which the old tag reader stepped in
    document = read(page, "survey.html")
    assert document.title == "Spring survey"
    expected = []
    for n in range(1, 17):
        expected += [(f"{n} Station {n}", 2), (f"{n}.1 Notes on station {n}", 3)]
    assert outline(document) == expected
    assert all(section.paragraphs for section in document.sections)


ARTICLE = """\
<html><head><title>Quay reopens</title></head><body>
<header><a href="/">Eastfield Courier</a><nav><ul><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>North quay reopens after two years of work</h1>
<p>The north quay at Eastfield reopened on Monday after two years of rebuilding, and the first
cargo ship tied up there before noon.</p>
<p>The harbour master said the new piles would last for at least sixty years if they are
inspected as planned.</p>
<h2><a href="#cost">What it cost</a></h2>
<p>The work cost forty million pounds, a quarter more than planned, because the old piles had
to be pulled out one by one.</p>
<p>The council paid half of the cost and the port authority paid the rest from its reserves.</p>
<h2>What comes next<a class="headerlink" href="#next">¶</a></h2>
<p>The south quay will be rebuilt from 2027 with the same design and the same contractor.</p>
<p>Work there is expected to take eighteen months, as the south quay is shorter.</p>
</article>
<section class="comments"><h2>Comments</h2><p>Be the first to comment on this story.</p>
</section>
</main>
<aside><h2>Related articles</h2><ul><li><a href="/a">Ferry fares rise in spring</a></li>
<li><a href="/b">Fishing fleet shrinks again</a></li></ul>
<h2>Share this</h2><ul><li><a href="/s/mail">Email</a></li></ul></aside>
<footer><h2>About us</h2><p><a href="/about">Contact</a> | <a href="/privacy">Privacy</a></p>
</footer></body></html>
"""


def test_boilerplate_headings_of_the_page_around_the_article_stay_out():
    document = read(ARTICLE, "quay.html")
    assert document.title == "North quay reopens after two years of work"
    assert outline(document) == [("", 0), ("What it cost", 2), ("What comes next", 2)]
    text = " ".join(p for s in document.sections for p in s.paragraphs)
    assert "Be the first to comment" not in text
    assert "Ferry fares" not in text


def test_headings_nested_in_sections_take_their_depth_from_the_nesting():
    page = (
        "<html><body><article><h1>Harbour guide</h1><p>Intro to the harbour for visitors.</p>"
        "<section><h1>Getting there</h1><p>Take the coast road to the harbour.</p>"
        "<section><h1>By bus</h1><p>The number 7 bus stops at the harbour gate.</p></section>"
        "</section><section><h1>Where to eat</h1><p>The fish shop on the quay opens at noon.</p>"
        "</section></article></body></html>"
    )
    document = read(page, "guide.html")
    assert document.title == "Harbour guide"
    assert outline(document) == [("", 0), ("Getting there", 2), ("By bus", 3), ("Where to eat", 2)]
