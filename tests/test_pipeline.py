"""One pipeline for `build` and `run`: the day in brief and duplicate merging in `build`, one
file-name rule, flags over config values through the same objects."""

from pathlib import Path

import pytest

from briefing import pipeline
from briefing.cli import main
from briefing.daily.config import SummaryOverrides, load_config
from briefing.errors import UsageError
from briefing.summarize import SummaryOptions

PORT = """Port reopens north quay

The north quay of the port reopened on Tuesday after fourteen months of repairs. The first
container ship will dock on Friday. Waiting times for lorries should fall below a day.

The repairs cost 48 million euros. The port authority will halve the planned fee rise.
"""
# The same story, syndicated with a new last line.
PORT_COPY = PORT.replace(
    "will halve the planned fee rise.", "will halve the planned fee rise, it said on Monday."
)
RAIL = """Night trains return to the coast line

A night train will run between the capital and the coast from March. Tickets go on sale next
week. The operator expects full trains at weekends.

The line was closed for three years. Local hotels welcomed the news of the return.
"""


@pytest.fixture
def documents(tmp_path) -> list[str]:
    paths = []
    for name, text in (("port.txt", PORT), ("port-copy.txt", PORT_COPY), ("rail.txt", RAIL)):
        (tmp_path / name).write_text(text)
        paths.append(str(tmp_path / name))
    return paths


def test_build_can_open_with_the_day_in_brief_linking_each_item(documents, tmp_path):
    paths = pipeline.build(
        documents[::2], out_dir=tmp_path / "out", date="2026-11-26", outputs=["md"], highlights=3
    )
    assert paths == [tmp_path / "out" / "2026-11-26" / "briefing.md"]
    markdown = paths[0].read_text()
    brief = markdown.split("The day in brief", 1)[1].split("\n## ", 1)[0]
    assert "(#document-1)" in brief and "(#document-2)" in brief


def test_build_without_highlights_has_no_day_in_brief(documents, tmp_path):
    briefing = pipeline.make_briefing(documents[::2], date="2026-11-26")
    assert briefing.highlights == ()
    markdown = pipeline.render_briefing(briefing, ["md"])["md"].decode()
    assert "The day in brief" not in markdown


def test_build_merges_near_duplicates_only_when_asked(documents):
    separate = pipeline.make_briefing(documents, date="2026-11-26")
    merged = pipeline.make_briefing(documents, date="2026-11-26", merge_duplicates=True)
    assert [d.title for d in separate.documents].count("Port reopens north quay") == 2
    assert [d.title for d in merged.documents] == [
        "Port reopens north quay",
        "Night trains return to the coast line",
    ]


def test_merged_entries_credit_every_source_that_carried_them(documents):
    from briefing.read import load

    entries = [
        pipeline.Entry(load(path), SummaryOptions(sentences=1), (name,), "2026-11-24")
        for path, name in zip(documents, ("Gazette", "Herald", "Rail news"))
    ]
    digests, groups = pipeline.summarize_entries(entries, merge_duplicates=True)
    assert groups == [[0, 1], [2]]
    assert digests[0].sources == ("Gazette", "Herald")
    assert digests[1].sources == ("Rail news",)
    assert digests[0].date == "2026-11-24"  # the feed's date, as the text names none
    assert all(len(section.sentences) <= 1 for section in digests[0].sections)


def test_publish_names_dated_files_and_latest_in_one_place(documents, tmp_path):
    briefing = pipeline.make_briefing(documents[:1], date="2026-11-25")
    dated = pipeline.publish(briefing, tmp_path, outputs=["md", "html"], latest=True)
    assert dated == [
        tmp_path / "2026-11-25" / "briefing.md",
        tmp_path / "2026-11-25" / "briefing.html",
    ]
    assert (tmp_path / "latest.md").read_bytes() == dated[0].read_bytes()
    assert (tmp_path / "latest.html").read_bytes() == dated[1].read_bytes()


def test_a_bad_output_or_page_size_fails_before_anything_is_read_or_written(tmp_path):
    with pytest.raises(UsageError, match="unknown output docx"):
        pipeline.build(["missing.txt"], out_dir=tmp_path, outputs=["md", "docx"])
    briefing = pipeline.assemble([], date="2026-11-26")
    with pytest.raises(UsageError, match="invalid page size"):
        pipeline.publish(briefing, tmp_path, outputs=["md"], page_size="A11")
    assert list(tmp_path.iterdir()) == []


def test_source_settings_override_the_config_and_flags_override_both(tmp_path):
    config_path = tmp_path / "briefing.toml"
    config_path.write_text(
        '[summary]\nratio = 0.5\nalgorithm = "lead"\n\n'
        '[[sources]]\nname = "a"\npath = "."\nsentences = 1\n\n'
        '[[sources]]\nname = "b"\npath = "."\n'
    )
    config = load_config(config_path)
    a, b = config.sources
    # A count set by the source replaces the config's ratio (the two exclude each other).
    assert config.options_for(a) == SummaryOptions("lead", sentences=1, max_sentences=5)
    assert config.options_for(b) == SummaryOptions("lead", ratio=0.5, max_sentences=5)
    flags = SummaryOverrides(algorithm="textrank", max_sentences=4)
    summary = flags.apply(config.summary)
    assert summary == SummaryOptions("textrank", ratio=0.5, max_sentences=4)


def test_the_summary_of_a_run_follows_the_flag_not_the_file(tmp_path, capsys):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "rail.txt").write_text(RAIL)
    config = tmp_path / "briefing.toml"
    config.write_text(
        'formats = ["md"]\nhighlights = 3\n[summary]\nsentences = 2\nalgorithm = "lead"\n'
        '[[sources]]\nname = "Docs"\npath = "docs"\n'
    )
    assert main(["run", "--config", str(config), "--date", "2026-11-25", "-q"]) == 0
    two = Path(capsys.readouterr().out.split()[0]).read_text()
    assert (
        main(["run", "--config", str(config), "--date", "2026-11-26", "--all", "-n", "1", "-q"])
        == 0
    )
    one = Path(capsys.readouterr().out.split()[0]).read_text()
    assert "Tickets go on sale next week." in two
    assert "Tickets go on sale next week." not in one
    assert "A night train will run between the capital and the coast from March." in one
