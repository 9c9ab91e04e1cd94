"""The daily run's config file: typed settings, checked whole at load, errors that point at
the file, the line and the key, and per-source summary options over the config's."""

from pathlib import Path

import pytest

from briefing.daily.config import (
    Config,
    ConfigError,
    SummaryOverrides,
    load_config,
    require_sources,
)
from briefing.summarize import SummaryOptions

SOURCE = '[[sources]]\nname = "Reports"\npath = "reports"\n'


def write(folder: Path, text: str) -> Path:
    path = folder / "briefing.toml"
    path.write_text(text, encoding="utf-8")
    return path


def error_of(folder: Path, text: str) -> str:
    """The one-line error loading ``text`` gives."""
    path = write(folder, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    ("text", "line", "key", "reason"),
    [
        # wrong TOML types, one per kind of setting
        ("title = 5\n" + SOURCE, 1, "title", "must be a string, not 5"),
        ('\nkeep_days = "ten"\n' + SOURCE, 2, "keep_days", "must be a whole number, not 'ten'"),
        ("keep_days = true\n" + SOURCE, 1, "keep_days", "must be a whole number, not True"),
        ("keep_days = 2.5\n" + SOURCE, 1, "keep_days", "must be a whole number, not 2.5"),
        ('timeout = "fast"\n' + SOURCE, 1, "timeout", "must be a number, not 'fast'"),
        ("timeout = inf\n" + SOURCE, 1, "timeout", "must be a finite number"),
        ('formats = "md"\n' + SOURCE, 1, "formats", "must be a list, not 'md'"),
        ("formats = [1]\n" + SOURCE, 1, "formats", "must be a string, not 1"),
        ("output_dir = 7\n" + SOURCE, 1, "output_dir", "must be a string, not 7"),
        # values of the right type, out of range or unknown
        ("keep_days = 0\n" + SOURCE, 1, "keep_days", "must be between 1 and 36500, not 0"),
        ("highlights = 9\n" + SOURCE, 1, "highlights", "must be between 3 and 7, not 9"),
        ("timeout = 0\n" + SOURCE, 1, "timeout", "must be between 0.1 and 3600"),
        ("max_bytes = -1\n" + SOURCE, 1, "max_bytes", "must be above 0, not -1"),
        ('formats = ["md", "docx"]\n' + SOURCE, 1, "formats", "docx"),
        ('page_size = "A9"\n' + SOURCE, 1, "page_size", "invalid page size 'A9'"),
        ('templates = "nowhere"\n' + SOURCE, 1, "templates", "must be a folder of templates"),
        # in a [[sources]] table: the line in that table, not the same key elsewhere
        (SOURCE + 'max_items = "ten"\n', 4, "max_items", "must be a whole number, not 'ten'"),
        (SOURCE + "max_items = 0\n", 4, "max_items", "must be above 0, not 0"),
        (
            SOURCE + "\n" + SOURCE.replace("Reports", "Other") + "max_items = 0\n",
            8,
            "max_items",
            "above 0",
        ),
        ('[[sources]]\nname = "Web"\nurls = ["ftp://example.org/a"]\n', 3, "urls", "http(s) URLs"),
        ('[[sources]]\nname = "Web"\nurls = []\n', 3, "urls", "not 'an empty list'"),
        ('[[sources]]\nname = "News"\nfeed = "example.org/feed"\n', 3, "feed", "http(s) URLs"),
        (
            '[[sources]]\nname = "Both"\npath = "a"\nfeed = "https://x.org/f"\n',
            4,
            "feed",
            "needs exactly one of path, urls, feed",
        ),
        ('[[sources]]\nname = "None"\n', 1, "sources", "needs exactly one of path, urls, feed"),
        (SOURCE + SOURCE, 5, "name", "two sources are named 'Reports'"),
        ('sources = "reports"\n', 1, "sources", "must be an array of tables"),
        ("summary = 3\n" + SOURCE, 1, "summary", "must be a table"),
    ],
)
def test_a_bad_value_is_reported_with_file_line_and_key(tmp_path, text, line, key, reason):
    message = error_of(tmp_path, text)
    assert message.startswith(f"{tmp_path / 'briefing.toml'}:{line}: {key!r} ")
    assert reason in message


@pytest.mark.parametrize(
    ("text", "line", "key", "suggestion"),
    [
        ('titel = "Morning"\n' + SOURCE, 1, "titel", "did you mean 'title'?"),
        ("[summary]\nsentense = 2\n" + SOURCE, 2, "sentense", "did you mean 'sentences'?"),
        (SOURCE + "max_item = 3\n", 4, "max_item", "did you mean 'max_items'?"),
        (SOURCE + "feeds = 'https://x.org/f'\n", 4, "feeds", "did you mean 'feed'?"),
    ],
)
def test_an_unknown_key_suggests_the_nearest_known_one(tmp_path, text, line, key, suggestion):
    message = error_of(tmp_path, text)
    assert message.startswith(f"{tmp_path / 'briefing.toml'}:{line}: {key!r} unknown setting")
    assert suggestion in message and "known: " in message


def test_an_unknown_key_with_nothing_close_lists_the_known_ones_only(tmp_path):
    message = error_of(tmp_path, "colour = 'blue'\n" + SOURCE)
    assert message.startswith(f"{tmp_path / 'briefing.toml'}:1: 'colour' unknown setting (known: ")
    assert "did you mean" not in message
    assert all(key in message for key in ("title", "keep_days", "summary", "sources"))


@pytest.mark.parametrize(
    ("summary", "key", "reason"),
    [
        ('algorithm = "magic"', "algorithm", "unknown algorithm 'magic'"),
        ('language = "klingon"', "language", "unsupported language 'klingon'"),
        ("ratio = 2.0", "ratio", "the ratio must be above 0 and at most 1"),
        ("sentences = -1", "sentences", "the sentence count must be 0 or more"),
        ("max_sentences = -3", "max_sentences", "the maximum sentence count must be 0 or more"),
    ],
)
def test_bad_summary_options_fail_at_load_before_any_source_is_read(tmp_path, summary, key, reason):
    # The source's folder does not exist: only checking at load can find the mistake.
    at_top = f"[summary]\n{summary}\n\n" + SOURCE.replace("reports", "missing")
    message = error_of(tmp_path, at_top)
    assert message.startswith(f"{tmp_path / 'briefing.toml'}:2: {key!r} ")
    assert reason in message
    # ... and the same option set on one source points at that source's line.
    in_source = SOURCE.replace("reports", "missing") + summary + "\n"
    message = error_of(tmp_path, in_source)
    assert message.startswith(f"{tmp_path / 'briefing.toml'}:4: {key!r} ")
    assert reason in message


def test_a_summary_table_after_the_sources_is_still_located(tmp_path):
    message = error_of(tmp_path, SOURCE + '\n[summary]\nalgorithm = "magic"\n')
    assert message.startswith(f"{tmp_path / 'briefing.toml'}:6: 'algorithm' ")


def test_a_count_and_a_ratio_together_are_refused(tmp_path):
    message = error_of(tmp_path, "[summary]\nsentences = 2\nratio = 0.5\n" + SOURCE)
    assert message.startswith(f"{tmp_path / 'briefing.toml'}:")
    assert "either a sentence count or a ratio" in message


def test_missing_unreadable_and_malformed_files_name_the_file(tmp_path):
    with pytest.raises(ConfigError, match="no such config file.*briefing init"):
        load_config(tmp_path / "absent.toml")
    with pytest.raises(ConfigError, match="is a folder, not a config file"):
        load_config(tmp_path)
    path = write(tmp_path, 'title = "unclosed\n')
    with pytest.raises(ConfigError, match=rf"^{path}: ") as caught:
        load_config(path)
    assert "line 1" in str(caught.value)
    path.write_bytes(b"title = '\xff'\n")
    with pytest.raises(ConfigError, match="cannot read config"):
        load_config(path)


def test_a_config_without_sources_loads_but_cannot_run(tmp_path):
    config = load_config(write(tmp_path, 'title = "Quiet"\n'))
    assert config.sources == () and config.title == "Quiet"
    with pytest.raises(ConfigError, match=r"no \[\[sources\]\] to read"):
        require_sources(config)


def test_unset_settings_keep_their_defaults_and_paths_are_relative_to_the_file(tmp_path):
    config = load_config(write(tmp_path, SOURCE))
    defaults = Config()
    assert config.title == defaults.title and config.formats == defaults.formats
    assert config.keep_days is None and config.highlights == defaults.highlights
    # a daily run keeps each item to five sentences unless told otherwise
    assert config.summary == SummaryOptions(max_sentences=5)
    assert config.output_dir == tmp_path / "output"
    assert config.database_path == tmp_path / "output" / "briefing.sqlite3"
    assert config.sources[0].path == str(tmp_path / "reports")
    assert config.sources[0].kind == "files" and config.sources[0].max_items == 50
    tidy = load_config(
        write(tmp_path, 'output_dir = "examples/../out"\ndatabase = "state/db.sqlite3"\n' + SOURCE)
    )
    assert tidy.output_dir == tmp_path / "out"
    assert tidy.database_path == tmp_path / "state" / "db.sqlite3"


def test_a_source_is_named_after_its_target_when_unnamed(tmp_path):
    config = load_config(
        write(
            tmp_path,
            '[[sources]]\nfeed = "https://example.org/feed.xml"\n'
            '[[sources]]\nurls = ["https://example.org/a"]\n',
        )
    )
    assert [s.name for s in config.sources] == ["https://example.org/feed.xml", "source 2"]
    assert config.sources[0].feed == "https://example.org/feed.xml"
    assert config.sources[1].urls == ("https://example.org/a",)


def test_each_source_gets_its_own_options_over_the_configs(tmp_path):
    config = load_config(
        write(
            tmp_path,
            """
[summary]
algorithm = "lead"
sentences = 3
language = "de"

[[sources]]
name = "Shares"
path = "a"
ratio = 0.5

[[sources]]
name = "Other algorithm"
path = "b"
algorithm = "lsa"
max_sentences = 4

[[sources]]
name = "Plain"
path = "c"
language = "en"
""",
        )
    )
    shares, other, plain = config.sources
    base = SummaryOptions(algorithm="lead", sentences=3, language="german", max_sentences=5)
    assert config.summary == base
    # a ratio on the source replaces the config's count (they exclude each other)
    assert config.options_for(shares) == SummaryOptions(
        algorithm="lead", ratio=0.5, language="german", max_sentences=5
    )
    assert config.options_for(other) == SummaryOptions(
        algorithm="lsa", sentences=3, max_sentences=4, language="german"
    )
    assert config.options_for(plain) == SummaryOptions(
        algorithm="lead", sentences=3, language="english", max_sentences=5
    )


def test_summary_options_at_the_top_level_are_still_read(tmp_path):
    config = load_config(write(tmp_path, 'sentences = 1\nalgorithm = "lead"\n' + SOURCE))
    assert config.summary == SummaryOptions(algorithm="lead", sentences=1, max_sentences=5)


def test_flags_override_the_config_and_a_count_replaces_a_ratio():
    base = SummaryOptions(algorithm="lead", ratio=0.3, max_sentences=5)
    assert SummaryOverrides().apply(base) == base
    assert SummaryOverrides(sentences=2).apply(base) == SummaryOptions(
        algorithm="lead", sentences=2, max_sentences=5
    )
    counted = SummaryOptions(sentences=4)
    assert SummaryOverrides(ratio=0.5, language="fr").apply(counted) == SummaryOptions(
        ratio=0.5, language="french"
    )
