"""The Markdown briefing: its layout (golden files), escaping of document text, and templates.

Refresh the golden files after a deliberate template change, then review the diff:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_compose.py -k golden
"""

import os
import re
from pathlib import Path

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.compose.html import markdown_to_html
from briefing.compose.markdown import compose_markdown, escape_markdown, templates_dirs
from briefing.errors import RenderError, UsageError
from briefing.model import Briefing, DocumentDigest, Highlight, SectionDigest

GOLDEN = Path(__file__).parent / "golden"


def quarterly() -> DocumentDigest:
    return DocumentDigest(
        title="Northwind Freight: Third-Quarter Results",
        source="examples/northwind-q3-results.txt",
        format="text",
        algorithm="lexrank",
        language="english",
        sections=(
            SectionDigest("", 0, ("Revenue rose 9 percent to 212 million euros.",), 3),
            SectionDigest(
                "Revenue by Segment",
                2,
                ("Road freight grew 6 percent.", "Warehousing grew 18 percent."),
                6,
            ),
            SectionDigest("Rail", 3, ("Rail revenue fell 4 percent after a line closure.",), 3),
            SectionDigest("Costs", 2, (), 4),
            SectionDigest(
                "Will Margins Hold?", 2, ("Guidance was kept at 830 to 850 million.",), 2
            ),
        ),
        author="Marta Lindqvist",
        date="2026-10-21",
        total_words=700,
    )


def council() -> DocumentDigest:
    return DocumentDigest(
        title="Council Approves Bus Lanes on Harbour Road",
        source="https://news.example/council/bus-lanes",
        format="html",
        algorithm="lexrank",
        language="english",
        sections=(
            SectionDigest(
                "", 0, ("The council voted 9 to 4 for bus lanes.", "Work starts in March."), 5
            ),
        ),
        site="Harbourside City News",
        link="https://news.example/council/bus-lanes",
        sources=("City news", "Transport feed"),
        total_words=380,
    )


def sample_briefing() -> Briefing:
    return Briefing(
        title="Morning Briefing",
        date="2026-10-22",
        documents=(quarterly(), council()),
        highlights=(
            Highlight("Work starts in March.", 1),
            Highlight("Road freight grew 6 percent.", 0),
        ),
    )


def document(text: str, **fields) -> DocumentDigest:
    """One document with ``text`` everywhere a document's own text can appear."""
    return DocumentDigest(
        title=text,
        source=text,
        format="text",
        algorithm="lexrank",
        language="english",
        sections=(SectionDigest("", 0, (text,), 2), SectionDigest(text, 2, (text, "Plain."), 3)),
        author=text,
        **fields,
    )


def page(briefing: Briefing, templates: Path | None = None):
    html = markdown_to_html(compose_markdown(briefing, templates), briefing, templates)
    return lxml.html.fromstring(html)


@pytest.mark.parametrize("name", ["briefing", "nothing-new"])
def test_markdown_matches_golden_file(name):
    briefing = {
        "briefing": sample_briefing(),
        "nothing-new": Briefing(
            "Morning Briefing", "2026-10-23", note="Nothing new since the last briefing."
        ),
    }[name]
    markdown = compose_markdown(briefing)
    golden = GOLDEN / f"{name}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(markdown, encoding="utf-8")
    assert markdown == golden.read_text(encoding="utf-8"), (
        "the Markdown changed; if on purpose: UPDATE_GOLDEN=1 pytest tests/test_compose.py -k golden"  # noqa: E501
    )


def test_section_headings_keep_their_relative_depth():
    sections = tuple(
        SectionDigest(f"Level {n}", n, (f"Sentence {n}.",), 1) for n in (2, 3, 4, 5, 6)
    )
    digest = DocumentDigest(
        "Deep",
        "deep.md",
        "markdown",
        "lexrank",
        "english",
        (SectionDigest("", 0, ("Lede.",), 1),) + sections,
    )
    markdown = compose_markdown(Briefing("Title", "2026-01-01", (digest,)))
    headings = re.findall(r"^(#+) (.*)$", markdown, re.MULTILINE)
    assert headings[0] == ("#", "Title")
    assert headings[-5:] == [
        ("###", "Level 2"),
        ("####", "Level 3"),
        ("#####", "Level 4"),
        ("######", "Level 5"),
        ("######", "Level 6"),
    ]
    assert "Lede." in markdown  # the lede shows its sentences under no heading of its own


def test_sections_without_picks_are_left_out_and_counts_are_shown():
    markdown = compose_markdown(sample_briefing())
    assert "Costs" not in markdown
    assert "2 of 6 sentences" in markdown  # Revenue by Segment
    assert "5 of 18 sentences kept" in markdown  # the quarterly report as a whole
    assert "7 of 23 sentences kept" in markdown  # the whole briefing


def test_contents_and_highlights_link_to_documents_in_the_page():
    root = page(sample_briefing())
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    links = [a.get("href") for a in root.iter("a") if a.get("href", "").startswith("#")]
    assert links.count("#document-1") == 2 and links.count("#document-2") == 2
    assert all(link[1:] in ids for link in links)
    contents = root.xpath("//h2[@id='contents']/following-sibling::ol[1]/li/a/text()")
    assert contents == [quarterly().title, council().title]


NASTY = [
    "*emph* **strong** _under_ __dunder__ 2 * 3",
    "# Not a heading",
    "[link](http://evil.example) and [ref]: http://evil.example",
    "![img](http://evil.example/x.png)",
    "`code` and ``more``",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "&amp; &lt; &#60; &copy; R&D",
    "1. not a list",
    "2) not a list either",
    "- not a bullet",
    "+ not a bullet",
    "* not a bullet",
    "> not a quote",
    "{{ 7*7 }} {% if true %}yes{% endif %} {# comment #}",
    "---",
    "***",
    "Line one\nline two\n\n# heading\n    indented",
    "trailing hashes ##",
    "C# and F#",
    r"back\slash \* and \\",
    "<http://autolink.example> <me@example.com>",
    "[TOC]",
    "<!-- comment --> <![CDATA[x]]>",
    "snake_case_name, _leading and trailing_",
    "a | table | row",
    "\x02wzxhzdk:0\x03 placeholder",
]


def expected_text(text: str) -> str:
    """What a reader should see: the same text on one line, control characters dropped."""
    return " ".join(re.sub(r"[\x00-\x08\x0e-\x1f\x7f]", "", text).split())


def structure(root) -> list[str]:
    return [e.tag for e in root.find(".//main").iter()]


PLAIN = structure(page(Briefing("plain", "2026-01-01", (document("plain"),))))


def assert_shows_as_text(text: str) -> None:
    root = page(Briefing(text, "2026-01-01", (document(text),)))
    shown = expected_text(text)
    main = root.find(".//main")
    assert main.find("h1").text_content() == shown
    assert main.findall("h2")[-1].text_content() == shown
    assert main.find("h3").text_content() == shown
    assert [li.text_content() for li in main.findall("ul/li")][:2] == [shown, shown]
    meta = main.xpath("h2[last()]/following-sibling::p[1]/small")[0].text_content()
    assert meta.startswith(f"{shown} · {shown} · ")  # source, then author
    assert structure(root) == PLAIN  # no element but the template's own


@pytest.mark.parametrize("text", NASTY)
def test_document_text_never_becomes_markup(text):
    assert_shows_as_text(text)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.text(
        alphabet=st.sampled_from(list("*_`#[]()!<>&;/\\-+=.1)|{}:\"' \nab%")), min_size=1
    ).filter(expected_text)
)
def test_any_markdown_punctuation_round_trips(text):
    assert_shows_as_text(text)


def test_markdown_stays_readable():
    assert escape_markdown("R&D rose 3.5% in Q3, per snake_case_names.") == (
        "R&D rose 3.5% in Q3, per snake_case_names."
    )
    assert escape_markdown("1. *Big* <b>news</b>") == r"1\. \*Big\* &lt;b>news&lt;/b>"


def test_only_http_links_become_links():
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,<b>x</b>"):
        root = page(Briefing("T", "2026-01-01", (document("Doc", link=bad),)))
        assert not [
            a for a in root.iter("a") if a.get("href") and not a.get("href").startswith("#")
        ]
    root = page(Briefing("T", "2026-01-01", (document("Doc", link='https://x.example/a b)"<i>'),)))
    (href,) = [a.get("href") for a in root.iter("a") if a.get("href", "").startswith("http")]
    assert href == "https://x.example/a%20b%29%22%3Ci%3E"


def test_templates_dirs_puts_the_override_first(tmp_path):
    dirs = templates_dirs(tmp_path)
    assert dirs[0] == tmp_path
    assert (dirs[1] / "briefing.md.j2").is_file() and (dirs[1] / "page.html.j2").is_file()
    assert templates_dirs(None) == dirs[1:]


def test_missing_templates_folder_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="templates folder"):
        compose_markdown(sample_briefing(), tmp_path / "nowhere")


def test_a_template_overrides_its_namesake_only(tmp_path):
    (tmp_path / "briefing.md.j2").write_text(
        "# {{ briefing.title }} (custom)\n\n"
        "{% for d in briefing.documents %}- {{ d.title }}\n{% endfor %}",
        encoding="utf-8",
    )
    briefing = sample_briefing()
    markdown = compose_markdown(briefing, tmp_path)
    assert markdown.startswith("# Morning Briefing (custom)\n")
    html = markdown_to_html(markdown, briefing, tmp_path)
    assert '<meta name="viewport"' in html  # page.html.j2 and briefing.css: still the package's
    assert "@page" in html


def test_the_stylesheet_can_be_overridden_alone(tmp_path):
    (tmp_path / "briefing.css").write_text("body { color: rebeccapurple }", encoding="utf-8")
    briefing = sample_briefing()
    html = markdown_to_html(compose_markdown(briefing, tmp_path), briefing, tmp_path)
    assert "rebeccapurple" in html and "@page" not in html


@pytest.mark.parametrize(
    ("template", "message"),
    [
        (
            "# {{ briefing.title }}\n\n{{ briefing.no_such_field }}\n",
            r"briefing\.md\.j2, line 3: .*no_such_field",
        ),
        ("# title\n{% for x in %}\n", r"briefing\.md\.j2, line 2: "),
        ("{% include 'missing.j2' %}\n", r"template missing\.j2 not found"),
    ],
)
def test_template_errors_name_the_template_and_line(tmp_path, template, message):
    (tmp_path / "briefing.md.j2").write_text(template, encoding="utf-8")
    with pytest.raises(RenderError, match=message) as caught:
        compose_markdown(sample_briefing(), tmp_path)
    assert "\n" not in str(caught.value)
