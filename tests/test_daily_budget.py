"""A readable daily briefing: five sentences an item, no empty sections, no highlight twice."""

import re

from briefing.daily.config import DEFAULT_ITEM_SENTENCES, load_config
from briefing.daily.run import run_daily

SECTIONS = {
    "Summary": [
        "The harbour trust will rebuild the old grain pier by the end of next year.",
        "The new pier will take cruise ships of up to three hundred metres.",
        "The trust expects two hundred more cruise calls a year once it opens.",
    ],
    "Funding": [
        "The rebuild costs ninety million euros.",
        "The port pays half of it from its reserves.",
        "A regional fund lends the other half over thirty years.",
        "Interest on the loan is fixed at two percent.",
        "The first payments fall due in four years.",
        "Berth fees for cruise ships will rise by a tenth to cover the loan.",
    ],
    "Works": [
        "Divers surveyed the old pier piles in the spring.",
        "Most of the timber piles are rotten below the waterline.",
        "Contractors will drive steel piles from a floating crane.",
        "Pile driving is allowed only on weekdays between eight and six.",
        "The quay road closes to cars during the works.",
        "A shuttle bus links the car park and the ferry terminal.",
        "Noise screens will shield the houses on the harbour front.",
    ],
    "History": [
        "The grain pier was built in 1911.",
        "It last took grain ships in the 1970s.",
        "Anglers and a rowing club have used it since.",
        "The rowing club moves to the north basin during the works.",
    ],
    "Next steps": [
        "The trust will choose a contractor in March.",
        "Residents can comment on the plans until the end of January.",
    ],
}


def long_report() -> str:
    body = "\n\n".join(f"## {h}\n\n" + " ".join(s) for h, s in SECTIONS.items())
    return "# Harbour trust to rebuild the grain pier\n\n" + body + "\n"


def short_note(title: str, sentences: list[str]) -> str:
    return f"# {title}\n\n" + " ".join(sentences) + "\n"


def day(tmp_path, files: dict[str, str], summary: str = "", source: str = "") -> str:
    reports = tmp_path / "reports"
    reports.mkdir(parents=True)
    for name, text in files.items():
        (reports / name).write_text(text, encoding="utf-8")
    config = tmp_path / "briefing.toml"
    config.write_text(
        f'formats = ["md"]\n[summary]\n{summary}\n'
        f'[[sources]]\nname = "Reports"\npath = "{reports}"\n{source}\n',
        encoding="utf-8",
    )
    result = run_daily(load_config(config), date="2026-11-20", jobs=1)
    assert result.exit_code == 0
    return (tmp_path / "output" / "2026-11-20" / "briefing.md").read_text(encoding="utf-8")


def bullets(markdown: str, title: str) -> list[str]:
    """The sentences shown under one item (the day in brief's are above the items)."""
    part = markdown.split(f"</a>{title}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^- (.*)$", part, re.MULTILINE)


def test_a_long_item_gets_five_sentences_by_default(tmp_path):
    markdown = day(tmp_path, {"pier.md": long_report()})
    assert DEFAULT_ITEM_SENTENCES == 5
    total = sum(len(s) for s in SECTIONS.values())
    assert f"5 of {total} sentences kept" in markdown
    assert len(bullets(markdown, "Harbour trust to rebuild the grain pier")) == 5


def test_sections_that_get_no_sentence_are_not_listed(tmp_path):
    markdown = day(tmp_path, {"pier.md": long_report()})
    shown = re.findall(r"^#{3,6} (.*)$", markdown, re.MULTILINE)
    assert 0 < len(shown) < len(SECTIONS)
    for heading in SECTIONS:
        listed = heading in shown
        section = markdown.split(f" {heading}\n", 1)[1].split("\n#", 1)[0] if listed else ""
        assert not listed or re.search(r"^- ", section, re.MULTILINE), heading


def test_max_sentences_in_summary_and_per_source_override_the_item_budget(tmp_path):
    three = day(tmp_path / "a", {"pier.md": long_report()}, summary="max_sentences = 3")
    assert len(bullets(three, "Harbour trust to rebuild the grain pier")) == 3
    seven = day(
        tmp_path / "b",
        {"pier.md": long_report()},
        summary="max_sentences = 3",
        source="max_sentences = 7",
    )
    assert len(bullets(seven, "Harbour trust to rebuild the grain pier")) == 7


def test_a_highlight_is_not_repeated_in_its_item(tmp_path):
    files = {
        "pier.md": long_report(),
        "ferry.md": short_note(
            "Ferry fares rise in the new year",
            [
                "Ferry fares to the islands rise by five percent in January.",
                "Season tickets for islanders keep their price.",
                "The ferry company blames the cost of fuel.",
            ],
        ),
    }
    markdown = day(tmp_path, files)
    brief = markdown.split('## <a id="day-in-brief"></a>The day in brief\n', 1)[1]
    highlights = re.findall(r"^- (.*?)<small>", brief.split("\n## ", 1)[0], re.MULTILINE)
    assert len(highlights) >= 2
    for highlight in highlights:
        assert markdown.count(highlight) == 1, highlight
    # Each item says where its key point went instead.
    assert len(re.findall(r"key points? (?:is|are) in \[The day in brief\]", markdown)) == 2


def test_a_one_item_day_has_no_day_in_brief(tmp_path):
    markdown = day(tmp_path, {"pier.md": long_report()})
    assert "The day in brief" not in markdown
    assert len(bullets(markdown, "Harbour trust to rebuild the grain pier")) == 5
