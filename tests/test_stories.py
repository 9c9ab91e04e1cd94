"""Stories: reports of one event grouped and summarised once; other events and singles apart;
a story that goes on the next day marked as continuing, its summary preferring what is new."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from webserver import Site, page, rss

from briefing import pipeline
from briefing.assemble.multidoc import pick
from briefing.assemble.stories import StoryItem, group_stories
from briefing.cli import main
from briefing.summarize.document import split_sentences
from briefing.summarize.language import get_language

STORIES = Path(__file__).parent / "data" / "stories"
CRANE_A, CRANE_B = STORIES / "crane-harbour-times.md", STORIES / "crane-coast-post.md"
FISHING, RENT = STORIES / "ruling-fishing-quotas.md", STORIES / "ruling-rent-cap.md"
LIBRARY, FOLLOW_UP = STORIES / "library-old-town.md", STORIES / "crane-followup.md"
DAY_ONE = [CRANE_A, FISHING, CRANE_B, RENT, LIBRARY]
#: Three reports of a ferry aground: the brief names neither the ship nor the island, only
#: the mayor (as the first report does) and the captain (as the second does).
FERRY = [STORIES / f"ferry-{name}.md" for name in ("island-news", "coast-daily", "weekly-brief")]
FISHING_WIRE = STORIES / "ruling-fishing-quotas-wire.md"
#: The follow-up repeats this sentence of the first day's report word for word.
RETOLD = (
    "A forty-metre container crane collapsed at the North Quay of the Port of Elmstead on "
    "Tuesday morning, injuring two dock workers."
)


def items(paths) -> list[StoryItem]:
    documents = [pipeline.read(str(p)) for p in paths]
    return [
        StoryItem(d.title, "\n".join(p for s in d.sections for p in s.paragraphs))
        for d in documents
    ]


@pytest.fixture(scope="module")
def english():
    return get_language("english")


def test_two_outlets_reporting_one_event_become_one_story(english):
    assert [0, 2] in group_stories(items(DAY_ONE), english)


def test_two_different_court_rulings_on_the_same_day_stay_apart(english):
    groups = group_stories(items(DAY_ONE), english)
    assert [1] in groups and [3] in groups


def test_an_item_about_nothing_else_stays_a_story_of_its_own(english):
    assert group_stories(items(DAY_ONE), english) == [[0, 2], [1], [3], [4]]


def test_a_report_that_reads_like_the_whole_story_joins_it_though_it_names_little(english):
    groups = group_stories(items([*DAY_ONE, *FERRY]), english)
    assert [5, 6, 7] in groups
    assert [0, 2] in groups and [1] in groups and [3] in groups and [4] in groups


def test_a_ruling_does_not_join_the_story_of_another_ruling_of_the_same_court(english):
    groups = group_stories(items([*DAY_ONE, FISHING_WIRE, *FERRY]), english)
    assert [1, 5] in groups and [3] in groups


def test_items_days_apart_are_not_grouped_even_when_alike(english):
    first, second = items([CRANE_A, CRANE_B])
    dated = [
        StoryItem(first.title, first.text, "2026-11-24"),
        StoryItem(second.title, second.text, "2026-12-09"),
    ]
    assert group_stories(dated, english) == [[0], [1]]


def test_a_story_is_summarised_once_across_its_reports_each_sentence_naming_its_report():
    briefing = pipeline.make_briefing([str(p) for p in DAY_ONE], stories=True, date="2026-11-24")
    crane = briefing.stories[0]
    assert len(briefing.stories) == 4 and len(crane.documents) == 2
    quoted = {briefing.documents[s.document].source for s in crane.sentences}
    assert quoted == {str(CRANE_A), str(CRANE_B)}  # both outlets are quoted
    for picked in crane.sentences:
        assert picked.document in crane.documents
        assert picked.sentence in CRANE_A.read_text() + CRANE_B.read_text()
    assert all(not s.sentences for s in briefing.stories[1:])  # singles keep their own digest


def test_the_day_in_brief_takes_one_sentence_per_story():
    briefing = pipeline.make_briefing(
        [str(p) for p in DAY_ONE], stories=True, highlights=5, date="2026-11-24"
    )
    story_of = {i: n for n, s in enumerate(briefing.stories) for i in s.documents}
    picked = [story_of[h.document] for h in briefing.highlights]
    assert len(picked) == 4 and sorted(picked) == [0, 1, 2, 3]


def test_the_html_folds_each_reports_summary_and_the_pdf_lists_sources_only(tmp_path):
    from pypdf import PdfReader

    paths = pipeline.build(
        [str(p) for p in DAY_ONE],
        out_dir=tmp_path,
        date="2026-11-24",
        outputs=["html", "pdf"],
        stories=True,
    )
    html = paths[0].read_text()
    folded = html.split('<details class="story-items">')[1].split("</details>")[0]
    assert "<summary>Each report's own summary</summary>" in folded
    assert "The crane toppled onto an empty berth" in folded  # an item's own pick, folded
    pdf = " ".join(page.extract_text() for page in PdfReader(paths[1]).pages)
    pdf = " ".join(pdf.split())
    assert "SOURCES" in pdf and "Port of Elmstead: crane falls on North Quay" in pdf
    assert "Each report's own summary" not in pdf


def test_briefing_stories_prints_each_story_with_its_reports(capsys):
    assert main(["stories", *map(str, DAY_ONE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("4 stories from 5 documents (1 of several reports)")
    crane = out.split("\n\n")[1]
    assert "(2 reports)" in crane and str(CRANE_A) in crane and str(CRANE_B) in crane
    assert "Norberg" not in crane and "Elm Bay" not in crane


def test_briefing_stories_json_lists_stories_with_their_documents(capsys):
    assert main(["stories", "--format", "json", *map(str, DAY_ONE)]) == 0
    briefing = json.loads(capsys.readouterr().out)
    crane = briefing["stories"][0]
    sources = {briefing["documents"][i]["source"] for i in crane["documents"]}
    assert sources == {str(CRANE_A), str(CRANE_B)}
    assert all(s["document"] in crane["documents"] for s in crane["sentences"])
    assert sorted(i for s in briefing["stories"] for i in s["documents"]) == [0, 1, 2, 3, 4]


def test_briefing_stories_on_a_missing_file_is_a_one_line_error(capsys, tmp_path):
    assert main(["stories", str(tmp_path / "gone.md")]) == 1
    assert capsys.readouterr().err.startswith("briefing: error: ")


def test_build_with_stories_writes_them_into_the_json_briefing(tmp_path, capsys):
    argv = ["build", *map(str, DAY_ONE), "--stories", "--to", "json", "-o", str(tmp_path)]
    assert main(argv) == 0
    path = Path(capsys.readouterr().out.strip())
    stories = json.loads(path.read_text())["stories"]
    assert [len(s["documents"]) for s in stories] == [2, 1, 1, 1]


# -- the daily run: two feeds, two days --------------------------------------------------


def serve(site: Site, path: Path) -> str:
    """The fixture as an article page on the test server; returns its path."""
    title, *paragraphs = [p.strip() for p in path.read_text().split("\n\n") if p.strip()]
    route = f"/news/{path.stem}.html"
    site.add(route, page(title.lstrip("# "), *paragraphs))
    return route


def feed(site: Site, name: str, paths: list[Path]) -> None:
    entries = [(p.stem, serve(site, p)) for p in paths]
    site.add(f"/{name}.xml", rss(site.base, entries), content_type="application/rss+xml")


@pytest.fixture
def daily(tmp_path):
    with Site() as site:
        config = tmp_path / "briefing.toml"
        config.write_text(
            f"""
title = "Harbour briefing"
formats = ["md", "html", "json"]
stories = true
highlights = 3

[[sources]]
name = "Harbour Times"
feed = "{site.base}/times.xml"

[[sources]]
name = "Coast Post"
feed = "{site.base}/post.xml"
"""
        )
        yield site, config, tmp_path / "output"


def test_a_daily_run_groups_two_feeds_reports_of_one_event(daily):
    site, config, out = daily
    feed(site, "times", [CRANE_A, FISHING])
    feed(site, "post", [CRANE_B, RENT, LIBRARY])
    assert main(["run", "--config", str(config), "--date", "2026-11-24"]) == 0
    briefing = json.loads((out / "2026-11-24" / "briefing.json").read_text())
    sizes = sorted(len(s["documents"]) for s in briefing["stories"])
    assert sizes == [1, 1, 1, 2]
    crane = next(s for s in briefing["stories"] if len(s["documents"]) == 2)
    carried = {briefing["documents"][i]["sources"][0] for i in crane["documents"]}
    assert carried == {"Harbour Times", "Coast Post"}
    md = (out / "2026-11-24" / "briefing.md").read_text()
    assert "— [Harbour Times](#document-" in md and "— [Coast Post](#document-" in md


def test_a_continuing_story_is_marked_and_prefers_what_was_not_sent(daily, english):
    site, config, out = daily
    feed(site, "times", [CRANE_A, FISHING])
    feed(site, "post", [CRANE_B, RENT, LIBRARY])
    assert main(["run", "--config", str(config), "--date", "2026-11-24"]) == 0
    day_one = (out / "2026-11-24" / "briefing.md").read_text()
    assert RETOLD in day_one  # sent on the first day

    feed(site, "times", [CRANE_A, FISHING, FOLLOW_UP])
    assert main(["run", "--config", str(config), "--date", "2026-11-25"]) == 0
    briefing = json.loads((out / "2026-11-25" / "briefing.json").read_text())
    (story,) = briefing["stories"]
    assert story["since"] == "2026-11-24"
    picked = [s["sentence"] for s in story["sentences"]]
    assert picked and RETOLD not in picked
    # Without the memory of the first day, the retold sentence would lead the summary.
    document = pipeline.read(str(FOLLOW_UP))
    sentences = [s for sec in document.sections for s in split_sentences(sec, english)]
    fresh = pick([sentences], [document.title], english, len(picked))
    assert RETOLD in [p.sentence for p in fresh]
    md = (out / "2026-11-25" / "briefing.md").read_text()
    assert "<strong>continuing</strong> since 24 November" in md

    # A re-run of the second day gives the same briefing, and remembers the story once.
    assert main(["run", "--config", str(config), "--date", "2026-11-25"]) == 0
    assert (out / "2026-11-25" / "briefing.md").read_text() == md
    with sqlite3.connect(out / "briefing.sqlite3") as db:
        stories = db.execute("SELECT since FROM stories ORDER BY id").fetchall()
        runs = db.execute(
            "SELECT COUNT(*) FROM story_runs JOIN runs ON runs.id = run_id "
            "WHERE runs.date = '2026-11-25'"
        ).fetchone()
    assert stories == [("2026-11-24",)] * 4 and runs == (1,)
