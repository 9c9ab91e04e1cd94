"""The daily config is checked whole when it is loaded: every bad value is refused with its
file, line and key, the same way on a quiet day as on a busy one."""

import pytest

from briefing.cli import main
from briefing.daily.config import ConfigError, load_config

HEAD = 'title = "Morning"\n'


def config_with(tmp_path, top: str = "", source: str = "", summary: str = "") -> tuple:
    """A config with ``top`` settings, a [summary] table and two sources, the second
    carrying ``source``; returns its path and the line numbers of the three snippets."""
    (tmp_path / "reports").mkdir(exist_ok=True)
    parts = [
        HEAD + top + "\n",
        "[summary]\n# the summary options\n" + summary + "\n",
        '[[sources]]\nname = "First"\npath = "reports"\n\n',
        '[[sources]]\nname = "Second"\nfeed = "http://127.0.0.1:9/feed.xml"\n' + source + "\n",
    ]
    text = "".join(parts)
    path = tmp_path / "briefing.toml"
    path.write_text(text)
    top_line = HEAD.count("\n") + 1
    summary_line = "".join(parts[:1]).count("\n") + 3
    source_line = "".join(parts[:3]).count("\n") + 4
    return path, top_line, summary_line, source_line


BAD_VALUES = [
    # (where, snippet, key, words in the message)
    ("top", "timeout = nan", "timeout", "must be a finite number"),
    ("top", "timeout = inf", "timeout", "must be a finite number"),
    ("top", "timeout = 0", "timeout", "must be between 0.1 and 3600"),
    ("top", "timeout = -3", "timeout", "must be between 0.1 and 3600"),
    ("top", 'timeout = "20"', "timeout", "must be a number"),
    ("top", "max_bytes = -5", "max_bytes", "must be above 0"),
    ("top", "max_bytes = 0", "max_bytes", "must be above 0"),
    ("top", "keep_days = 99999999", "keep_days", "must be between 1 and 36500"),
    ("top", "keep_days = 0", "keep_days", "must be between 1 and 36500"),
    ("top", "highlights = 100", "highlights", "must be between 3 and 7"),
    ("top", 'page_size = "B99"', "page_size", "invalid page size 'B99'"),
    ("top", 'formats = ["md", "docx"]', "formats", "unknown output docx"),
    ("top", 'templates = "no-such-folder"', "templates", "must be a folder of templates"),
    ("top", 'ouput_dir = "out"', "ouput_dir", "did you mean 'output_dir'?"),
    ("top", 'algorithm = "lexrnk"', "algorithm", "unknown algorithm 'lexrnk'"),
    ("summary", 'algorithm = "lexrnk"', "algorithm", "unknown algorithm 'lexrnk'"),
    ("summary", 'language = "klingon"', "language", "unsupported language 'klingon'"),
    ("summary", "ratio = 2.0", "ratio", "must be above 0 and at most 1"),
    ("summary", "max_sentences = -1", "max_sentences", "must be 0 or more"),
    ("summary", "ratoi = 0.5", "ratoi", "did you mean 'ratio'?"),
    ("source", 'pth = "reports"', "pth", "did you mean 'path'?"),
    ("source", 'algorithm = "nope"', "algorithm", "unknown algorithm 'nope'"),
    ("source", 'language = "klingon"', "language", "unsupported language 'klingon'"),
    ("source", "ratio = 0", "ratio", "must be above 0 and at most 1"),
    ("source", "max_items = 0", "max_items", "must be above 0"),
    ("source", "follow_symlinks = true", "follow_symlinks", "applies only to a 'path' source"),
    ("source", 'urls = ["http://127.0.0.1:9/a"]', "urls", "needs exactly one of path, urls"),
]


@pytest.mark.parametrize(
    "where, snippet, key, words", BAD_VALUES, ids=[f"{w}:{s}" for w, s, _, _ in BAD_VALUES]
)
def test_each_bad_value_is_refused_at_load_with_file_line_and_key(
    tmp_path, where, snippet, key, words
):
    path, top, summary, source = config_with(tmp_path, **{where: snippet})
    line = {"top": top, "summary": summary, "source": source}[where]
    with pytest.raises(ConfigError) as error:
        load_config(path)
    message = str(error.value)
    assert message.startswith(f"{path}:{line}: '{key}' "), message
    assert words in message


def test_a_summary_table_after_the_sources_is_reported_at_its_own_line(tmp_path):
    (tmp_path / "reports").mkdir()
    path = tmp_path / "briefing.toml"
    path.write_text('[[sources]]\npath = "reports"\nratio = 0.5\n\n[summary]\nratio = 5\n')
    with pytest.raises(ConfigError, match=r"briefing.toml:6: 'ratio' the ratio must be above 0"):
        load_config(path)


def test_follow_symlinks_must_be_true_or_false(tmp_path):
    (tmp_path / "reports").mkdir()
    path = tmp_path / "briefing.toml"
    path.write_text('[[sources]]\npath = "reports"\nfollow_symlinks = "yes"\n')
    with pytest.raises(ConfigError, match=r":3: 'follow_symlinks' must be true or false"):
        load_config(path)
    path.write_text('[[sources]]\npath = "reports"\nfollow_symlinks = true\n')
    assert load_config(path).sources[0].follow_symlinks is True


def test_a_bad_config_fails_the_same_way_on_a_quiet_day(tmp_path, capsys):
    path = tmp_path / "briefing.toml"
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "note.md").write_text("# Note\n\nSales rose. Costs fell.\n")
    text = 'formats = ["md"]\n[[sources]]\nname = "First"\npath = "reports"\n'
    path.write_text(HEAD + text)
    assert main(["run", "--config", str(path), "--date", "2026-11-24", "-j", "1"]) == 0
    # The next day brings nothing new, and a typo in the source's language.
    path.write_text(HEAD + text + 'language = "englsh"\n')
    capsys.readouterr()
    assert main(["run", "--config", str(path), "--date", "2026-11-25", "-j", "1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"briefing: error: {path}:6: 'language' unsupported language")
    assert not (tmp_path / "output" / "2026-11-25").exists()


def test_an_output_folder_that_cannot_be_made_is_a_one_line_error(tmp_path, capsys):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "note.md").write_text("# Note\n\nSales rose. Costs fell.\n")
    (tmp_path / "a-file").write_text("not a folder")
    path = tmp_path / "briefing.toml"
    path.write_text('output_dir = "a-file/briefings"\n[[sources]]\npath = "reports"\n')
    assert main(["run", "--config", str(path), "-j", "1"]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"briefing: error: cannot use the output folder {tmp_path / 'a-file' / 'briefings'}: "
        "Not a directory\n"
    )
