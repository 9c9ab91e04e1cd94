"""What a daily run leaves besides the briefing: the archive page, the Atom feed, the JSON
briefing; and what the briefing now says: failed sources, updates, the watch list."""

import json
import os
import re
from pathlib import Path

import feedparser
import lxml.html
import pytest
from webserver import Site

from briefing.cli import main

ROOT = Path(__file__).resolve().parent.parent

DAYS = {
    "2026-11-24": (
        "harbour.md",
        "# Port reopens its north quay\n\nThe north quay of the port reopened on Tuesday after "
        "fourteen months of repairs. The first container ship will dock on Friday.\n\n## Costs\n\n"
        "The repairs cost 48 million euros. The port authority will halve the fee rise.\n",
    ),
    "2026-11-25": (
        "budget.md",
        "# Council passes a smaller budget\n\nThe city council passed the budget on Monday by a "
        "narrow vote. Spending on roads falls by a tenth. Libraries keep their hours.\n",
    ),
    "2026-11-26": (
        "trams.md",
        "# Tram line to the north quay approved\n\nThe regional board approved the tram "
        "extension on Wednesday. Trams will reach the north quay in 2029. Tariffs on the "
        "line will match the city's.\n\n## Money\n\nThe line costs 310 million euros.\n",
    ),
}


SECOND = {
    "2026-11-24": "# Ferry keeps its winter timetable\n\nThe harbour ferry keeps its winter "
    "timetable this week. Boats leave every forty minutes from the east pier.\n",
    "2026-11-25": "# Museum opens a maritime wing\n\nThe city museum opened a maritime wing "
    "on Tuesday. It shows ship models, charts and a restored lighthouse lens.\n",
    "2026-11-26": "# School choir wins a regional prize\n\nThe harbour school choir won the "
    "regional prize on Wednesday. Forty pupils sang three songs in the final round.\n",
}


def configure(folder: Path, extra: str = "", formats: str = '["md", "html"]') -> Path:
    (folder / "reports").mkdir(exist_ok=True)
    config = folder / "briefing.toml"
    config.write_text(
        f'title = "Quay briefing"\nformats = {formats}\n{extra}\n'
        f'[[sources]]\nname = "Reports"\npath = "{folder / "reports"}"\n'
    )
    return config


def run_days(config: Path, folder: Path, days=DAYS, second: bool = True) -> None:
    for date, (name, text) in days.items():
        (folder / "reports" / name).write_text(text)
        # A second item each day: a day of one item has no day in brief.
        if second and date in SECOND:
            (folder / "reports" / f"second-{date}.md").write_text(SECOND[date])
        assert main(["run", "--config", str(config), "--date", date]) == 0


def record(folder: Path, date: str) -> dict:
    return json.loads((folder / "output" / date / ".briefing.json").read_text())


def test_the_archive_page_lists_every_kept_briefing_newest_first(tmp_path):
    config = configure(tmp_path, formats='["md", "html", "pdf"]')
    run_days(config, tmp_path)
    page = (tmp_path / "output" / "index.html").read_text()
    tree = lxml.html.fromstring(page)
    entries = tree.xpath("//main/ol/li")
    assert [li.xpath(".//time/@datetime")[0] for li in entries] == sorted(DAYS, reverse=True)
    newest = entries[0]
    assert newest.xpath("string(.//h2)") == "Thursday 26 November 2026"
    assert "2 items" in newest.xpath("string(.//p[@class='meta'])")
    first_highlight = record(tmp_path, "2026-11-26")["highlights"][0]["sentence"]
    assert newest.xpath("string(.//blockquote)") == first_highlight
    assert newest.xpath(".//p[@class='links']/a/@href") == [
        "2026-11-26/briefing.html",
        "2026-11-26/briefing.pdf",
    ]
    for href in tree.xpath("//a/@href"):
        assert (tmp_path / "output" / href).is_file()
    # Self-contained and made for phones too
    assert not tree.xpath("//link[@rel='stylesheet'] | //script | //img")
    assert tree.xpath("//meta[@name='viewport']/@content") == [
        "width=device-width, initial-scale=1"
    ]


def test_the_feed_has_one_entry_per_day_with_links_and_the_day_in_brief(tmp_path):
    config = configure(tmp_path)
    run_days(config, tmp_path)
    feed = feedparser.parse((tmp_path / "output" / "feed.xml").read_bytes())
    assert not feed.bozo and feed.version == "atom10"
    assert feed.feed.title == "Quay briefing"
    assert [e.title for e in feed.entries] == [
        f"Quay briefing · {d}" for d in sorted(DAYS, reverse=True)
    ]
    newest = feed.entries[0]
    assert [(link.rel, link.href) for link in newest.links] == [
        ("alternate", "2026-11-26/briefing.html"),
        ("related", "2026-11-26/briefing.md"),
    ]
    highlights = [h["sentence"] for h in record(tmp_path, "2026-11-26")["highlights"]]
    assert newest.summary == "\n".join(f"• {h}" for h in highlights)
    assert len({e.id for e in feed.entries}) == 3

    # With base_url, links are absolute, and ids do not change from one rebuild to the next
    config.write_text('base_url = "https://example.org/quay"\n' + config.read_text())
    assert main(["run", "--config", str(config), "--date", "2026-11-26"]) == 0
    again = feedparser.parse((tmp_path / "output" / "feed.xml").read_bytes())
    assert again.entries[0].link == "https://example.org/quay/2026-11-26/briefing.html"
    assert again.feed.id == "https://example.org/quay/feed.xml"


def test_retention_removes_archive_and_feed_entries_with_their_folders(tmp_path):
    config = configure(tmp_path, extra="keep_days = 1")
    # Dates in the past: retention never counts from a date later than today.
    run_days(config, tmp_path, {"2026-11-20": DAYS["2026-11-24"], "2026-11-21": DAYS["2026-11-25"]})
    run_days(config, tmp_path, {"2026-11-23": DAYS["2026-11-26"]})
    assert not (tmp_path / "output" / "2026-11-20").exists()
    page = (tmp_path / "output" / "index.html").read_text()
    assert "2026-11-23" in page and "2026-11-20" not in page and "2026-11-21" not in page
    feed = feedparser.parse((tmp_path / "output" / "feed.xml").read_bytes())
    assert [e.title for e in feed.entries] == ["Quay briefing · 2026-11-23"]


@pytest.fixture
def site():
    with Site() as site:
        site.add("/bad.xml", b"<rss><channel><item><title>broken", "application/rss+xml")
        yield site


def test_failed_sources_are_on_the_page_in_history_and_warned_once(tmp_path, site, capsys):
    config = configure(tmp_path, formats='["md", "html", "json"]')
    (tmp_path / "reports" / "harbour.md").write_text(DAYS["2026-11-24"][1])
    broken = f'\n[[sources]]\nname = "Broken feed"\nfeed = "{site.base}/bad.xml"\n'
    gone = f'\n[[sources]]\nname = "Gone"\nurls = ["{site.base}/gone.html"]\n'
    config.write_text(config.read_text() + broken + gone)
    assert main(["run", "--config", str(config), "--date", "2026-11-24"]) == 3
    err = capsys.readouterr().err
    assert err.count("Broken feed") == 1 and err.count("gone.html") == 1, err
    md = (tmp_path / "output" / "2026-11-24" / "briefing.md").read_text()
    assert re.search(r"Not read today: Broken feed —\s\S+/bad\.xml: malformed feed", md)
    assert re.search(r"Not read today: Gone —\shttp://127\.0\.0\.1:\d+/gone\.html: HTTP 404", md)
    data = json.loads((tmp_path / "output" / "2026-11-24" / "briefing.json").read_text())
    assert [f["source"] for f in data["failures"]] == ["Broken feed", "Gone"]

    # Every source failing: no briefing, each reason once, and history counts them
    config.write_text(
        config.read_text().replace(f'path = "{tmp_path / "reports"}"', 'path = "nowhere/*.md"')
    )
    assert main(["run", "--config", str(config), "--date", "2026-11-25"]) == 1
    err = capsys.readouterr().err
    assert err.count("malformed feed") == 1 and err.count("HTTP 404") == 1, err
    assert "every source failed (Broken feed, Gone, Reports)" in err
    assert main(["history", "--config", str(config)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == "run date started ended status items failed mail message".split()
    failed_run = lines[1].split()
    assert failed_run[1:2] + failed_run[4:7] == ["2026-11-25", "failed", "0", "3"]
    assert "Broken feed, Gone, Reports" in lines[1]
    assert any("source 'Gone':" in line and "HTTP 404 Not Found" in line for line in lines[2:])
    assert main(["history", "--config", str(config), "--json"]) == 0
    history = json.loads(capsys.readouterr().out)
    assert [r["status"] for r in history["runs"]] == ["failed", "partial"]
    assert [r["failed_sources"] for r in history["runs"]] == [3, 2]
    assert history["deliveries"] == []


def test_items_that_mention_an_interest_come_first_and_make_the_watch_list(tmp_path):
    config = configure(tmp_path, extra='interests = ["north quay"]', formats='["md", "json"]')
    config.write_text(config.read_text() + 'interests = ["tariffs"]\n')
    for age, (name, text) in enumerate(DAYS.values()):
        (tmp_path / "reports" / name).write_text(text)
        os.utime(tmp_path / "reports" / name, (1e9 + age, 1e9 + age))
    os.utime(tmp_path / "reports" / "budget.md", (2e9, 2e9))  # the newest: first by date
    assert main(["run", "--config", str(config), "--date", "2026-11-24"]) == 0
    data = record(tmp_path, "2026-11-24")
    titles = [d["title"] for d in data["documents"]]
    assert titles[-1] == "Council passes a smaller budget"
    watch = [(m["interest"], titles[m["document"]], m["sentence"]) for m in data["watch"]]
    assert watch == [
        (
            "north quay",
            "Tram line to the north quay approved",
            "Trams will reach the north quay in 2029.",
        ),
        (
            "north quay",
            "Port reopens its north quay",
            "The north quay of the port reopened on Tuesday after fourteen months of repairs.",
        ),
        (
            "tariffs",
            "Tram line to the north quay approved",
            "Tariffs on the line will match the city's.",
        ),
    ]
    md = (tmp_path / "output" / "2026-11-24" / "briefing.md").read_text()
    part = md.split("## On your watch list", 1)[1].split("## Contents", 1)[0]
    assert "- **north quay**: Trams will reach the north quay in 2029." in part
    assert "[Tram line to the north quay approved](#document-1)" in part


def test_an_edited_file_is_marked_updated_with_the_date_it_was_last_briefed(tmp_path):
    config = configure(tmp_path)
    run_days(config, tmp_path, {"2026-11-24": DAYS["2026-11-24"]}, second=False)
    name, text = DAYS["2026-11-24"]
    edited = text.replace("on Friday", "on Saturday, a day late")
    run_days(config, tmp_path, {"2026-11-25": (name, edited)}, second=False)
    [document] = record(tmp_path, "2026-11-25")["documents"]
    assert document["updated_since"] == "2026-11-24"
    md = (tmp_path / "output" / "2026-11-25" / "briefing.md").read_text()
    assert "**updated** since the briefing of 2026-11-24" in md.replace("<strong>", "**").replace(
        "</strong>", "**"
    )
    assert record(tmp_path, "2026-11-24")["documents"][0]["updated_since"] == ""


def shape(value):
    """The keys and value types of a JSON value (a list's shape is its first item's)."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return type(value).__name__


def test_the_json_briefing_has_the_shape_the_readme_documents(tmp_path, site):
    readme = (ROOT / "README.md").read_text()
    section = readme.split("### JSON briefing", 1)[1]
    documented = json.loads(re.search(r"```json\n(.*?)\n```", section, re.S)[1])
    config = configure(tmp_path, extra='interests = ["north quay"]', formats='["json"]')
    config.write_text(
        config.read_text() + f'\n[[sources]]\nname = "Gone"\nurls = ["{site.base}/gone.html"]\n'
    )
    for name, text in DAYS.values():
        (tmp_path / "reports" / name).write_text(text)
    assert main(["run", "--config", str(config), "--date", "2026-11-24"]) == 3
    written = json.loads((tmp_path / "output" / "2026-11-24" / "briefing.json").read_text())
    assert (
        written["documents"] and written["highlights"] and written["failures"] and written["watch"]
    )
    assert shape(written) == shape(documented)
