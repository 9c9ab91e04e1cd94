"""The unattended daily run: sources, memory across days, atomic outputs, lock, exit codes.

Runs are made in this process (``briefing.cli.main``), except where another process is
the point: two runs at once (the lock), a run killed half-way, and a re-run of a date that
must give the same briefing in a new process (as cron starts it the next time).
"""

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from webserver import Site, page, rss

BRIEFING = str(Path(sys.executable).parent / "briefing")

STORIES = {
    "/news/port.html": page(
        "Port reopens north quay",
        "The north quay of the port reopened on Tuesday after fourteen months of repairs. "
        "The first container ship will dock on Friday. Waiting times should fall below a day.",
        "The repairs cost 48 million euros. The port authority will halve the fee rise in April.",
    ),
    "/news/rail.html": page(
        "Night trains return to the coast line",
        "A night train will run between the capital and the coast from March. "
        "Tickets go on sale next week. The operator expects full trains at weekends.",
        "The line was closed for three years. Local hotels welcomed the news.",
        heading="The timetable",
    ),
    "/news/budget.html": page(
        "Council passes a smaller budget",
        "The city council passed next year's budget on Monday by a narrow vote. "
        "Spending on roads falls by a tenth. Libraries keep their opening hours.",
        "The opposition called the cuts short-sighted. The mayor said the budget was balanced.",
        heading="The vote",
    ),
}


def config_text(feed_url: str, folder: Path, extra: str = "") -> str:
    return f"""
title = "Morning test briefing"
formats = ["md", "html"]
keep_days = 3
{extra}
[summary]
sentences = 1

[[sources]]
name = "Local reports"
path = "{folder}"

[[sources]]
name = "Example feed"
feed = "{feed_url}"
max_items = 10
"""


@pytest.fixture
def site():
    with Site() as site:
        for path, body in STORIES.items():
            site.add(path, body)
        yield site


@pytest.fixture
def setup(tmp_path, site):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "quarter.md").write_text(
        "# Quarterly note\n\nSales rose by a tenth. Costs fell.\n\n## Outlook\n\n"
        "We expect a calm quarter. Two shops will open in spring.\n"
    )
    feed = site.add(
        "/feed.xml",
        rss(site.base, [("Port", "/news/port.html")]),
        content_type="application/rss+xml",
    )
    config = tmp_path / "briefing.toml"
    config.write_text(config_text(feed, reports))
    return tmp_path, config, site


@pytest.fixture
def run(cli):
    """``run(config, *flags)``: ``briefing run --config CONFIG FLAGS``, in this process."""
    return lambda config, *args: cli("run", "--config", config, *args)


def start(config, *args) -> subprocess.Popen:
    """``briefing run`` in a process of its own, left running."""
    return subprocess.Popen(
        [BRIEFING, "run", "--config", str(config), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def items_in(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT source, location FROM items ORDER BY id").fetchall()


def test_two_days_in_a_row_the_second_briefs_only_new_items(setup, run):
    folder, config, site = setup
    first = run(config, "--date", "2026-11-24")
    assert first.returncode == 0, first.stderr
    out = folder / "output"
    assert first.stdout.split() == [
        str(out / "2026-11-24" / "briefing.md"),
        str(out / "2026-11-24" / "briefing.html"),
    ]
    day1 = (out / "2026-11-24" / "briefing.md").read_text()
    assert "Quarterly note" in day1 and "Port reopens north quay" in day1
    assert "The day in brief" in day1
    assert (out / "latest.md").read_text() == day1

    site.add(
        "/feed.xml",
        rss(site.base, [("Port", "/news/port.html"), ("Rail", "/news/rail.html")]),
        content_type="application/rss+xml",
    )
    second = run(config, "--date", "2026-11-25")
    assert second.returncode == 0, second.stderr
    day2 = (out / "2026-11-25" / "briefing.md").read_text()
    assert "Night trains return to the coast line" in day2
    assert "Port reopens north quay" not in day2
    assert "Quarterly note" not in day2
    assert (out / "latest.md").read_text() == day2
    assert len(items_in(out / "briefing.sqlite3")) == 3


def test_an_edited_file_counts_as_new_and_a_rerun_of_a_date_is_idempotent(setup, run):
    folder, config, site = setup
    assert run(config, "--date", "2026-11-24").returncode == 0
    first = (folder / "output" / "2026-11-24" / "briefing.md").read_text()
    # The re-run in a process of its own, as cron would start it (its own hash seed too).
    rerun = start(config, "--date", "2026-11-24")
    assert rerun.communicate(timeout=120) and rerun.returncode == 0
    assert (folder / "output" / "2026-11-24" / "briefing.md").read_text() == first
    (folder / "reports" / "quarter.md").write_text(
        "# Quarterly note\n\nSales rose by a fifth. Costs fell sharply.\n"
    )
    again = run(config, "--date", "2026-11-25")
    day2 = (folder / "output" / "2026-11-25" / "briefing.md").read_text()
    assert again.returncode == 0
    assert "Sales rose by a fifth." in day2
    assert "Port reopens" not in day2


def test_an_empty_day_says_nothing_new_or_with_skip_empty_writes_nothing(setup, run):
    folder, config, site = setup
    assert run(config, "--date", "2026-11-24").returncode == 0
    empty = run(config, "--date", "2026-11-25")
    assert empty.returncode == 0
    assert "Nothing new" in (folder / "output" / "2026-11-25" / "briefing.md").read_text()
    assert empty.stdout.split() == [
        str(folder / "output" / "2026-11-25" / "briefing.md"),
        str(folder / "output" / "2026-11-25" / "briefing.html"),
    ]
    assert "nothing new" in empty.stderr and "no briefing written" not in empty.stderr
    skipped = run(config, "--date", "2026-11-26", "--skip-empty")
    assert skipped.returncode == 0 and skipped.stdout == ""
    assert not (folder / "output" / "2026-11-26").exists()
    # One warning says why nothing was written, so a quiet day is not mistaken for a failure.
    assert skipped.stderr.count("\n") == 1 and "no briefing written" in skipped.stderr


def test_failing_sources_are_reported_and_the_run_goes_on_with_exit_3(setup, run):
    folder, config, site = setup
    site.add("/bad.xml", b"<rss><channel><item><title>broken", content_type="application/rss+xml")
    text = (
        config.read_text()
        + f"""
[[sources]]
name = "Broken feed"
feed = "{site.base}/bad.xml"

[[sources]]
name = "Gone"
urls = ["{site.base}/news/gone.html", "{site.base}/news/budget.html"]
"""
    )
    config.write_text(text)
    result = run(config, "--date", "2026-11-24")
    assert result.returncode == 3
    assert "Broken feed" in result.stderr and "HTTP 404" in result.stderr
    md = (folder / "output" / "2026-11-24" / "briefing.md").read_text()
    assert "Council passes a smaller budget" in md and "Port reopens" in md


def test_the_same_article_from_two_sources_appears_once_with_both(setup, run):
    folder, config, site = setup
    text = (
        config.read_text()
        + f"""
[[sources]]
name = "Reading list"
urls = ["{site.base}/news/port.html"]
"""
    )
    config.write_text(text)
    assert run(config, "--date", "2026-11-24").returncode == 0
    md = (folder / "output" / "2026-11-24" / "briefing.md").read_text()
    assert md.count("The first container ship will dock on Friday.") <= 2  # item + day in brief
    assert "Example feed" in md and "Reading list" in md


def test_retention_removes_old_dated_folders_but_never_latest(setup, run):
    folder, config, site = setup
    for day in ("2026-11-01", "2026-11-20", "2026-11-24"):
        assert run(config, "--date", day, "--all").returncode == 0
    out = folder / "output"
    assert not (out / "2026-11-01").exists() and not (out / "2026-11-20").exists()
    assert (out / "2026-11-24").is_dir() and (out / "latest.md").is_file()


def test_a_second_concurrent_run_exits_at_once_with_the_lock_code(setup, run):
    folder, config, site = setup
    import briefing.daily.run  # noqa: F401  (loaded now: the second run must reach the lock at once)

    # The first run holds the lock while it waits for a slow page; the second (in this
    # process) must give up at once rather than wait or run alongside it.
    site.delay["/news/port.html"] = 2
    first = start(config, "--date", "2026-11-24", "-j", "1")  # one process: quicker to finish
    try:
        deadline = time.time() + 10
        while "/news/port.html" not in site.hits and time.time() < deadline:
            time.sleep(0.05)
        started = time.time()
        second = run(config, "--date", "2026-11-24")
        assert time.time() - started < 3
        assert second.returncode == 4
        assert "another briefing run is in progress" in second.stderr
    finally:
        assert first.wait(timeout=60) == 0


def test_a_killed_run_leaves_yesterday_whole_and_the_next_run_completes(setup, run):
    folder, config, site = setup
    assert run(config, "--date", "2026-11-24").returncode == 0
    out = folder / "output"
    yesterday = (out / "latest.md").read_bytes()
    records = items_in(out / "briefing.sqlite3")

    site.add(
        "/feed.xml",
        rss(site.base, [("Rail", "/news/rail.html")]),
        content_type="application/rss+xml",
    )
    site.delay["/news/rail.html"] = 30
    victim = start(config, "--date", "2026-11-25")
    deadline = time.time() + 10
    while "/news/rail.html" not in site.hits and time.time() < deadline:
        time.sleep(0.05)
    assert "/news/rail.html" in site.hits  # killed in the middle of its run, not before
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    assert (out / "latest.md").read_bytes() == yesterday
    assert items_in(out / "briefing.sqlite3") == records
    assert not (out / "2026-11-25").exists()

    site.delay.pop("/news/rail.html")
    again = run(config, "--date", "2026-11-25")
    assert again.returncode == 0, again.stderr
    assert "Night trains" in (out / "latest.md").read_text()
    assert not [p for p in out.rglob("*.tmp")]


def test_history_lists_runs_and_config_errors_name_file_line_and_key(setup, tmp_path, run, cli):
    folder, config, site = setup
    assert run(config, "--date", "2026-11-24").returncode == 0
    history = cli("history", "--config", config)
    assert history.returncode == 0
    assert "2026-11-24" in history.stdout and "ok" in history.stdout

    bad = tmp_path / "bad.toml"
    bad.write_text('title = "x"\n\n[[sources]]\nname = "a"\npath = "."\nmax_items = "ten"\n')
    result = run(bad)
    assert result.returncode == 2
    assert f"{bad}:6: 'max_items' must be a whole number" in result.stderr


def test_init_writes_an_example_config_that_loads(tmp_path, cli):
    target = tmp_path / "briefing.toml"
    result = cli("init", "--config", target)
    assert result.returncode == 0 and target.is_file()
    assert result.stdout == f"{target}\n"
    again = cli("init", "--config", target)
    assert again.returncode == 2 and "already exists" in again.stderr
    from briefing.daily.config import load_config

    assert load_config(target).sources[0].name == "Reports"


def test_cron_prints_a_crontab_line_logging_under_the_configs_output_dir(tmp_path, cli):
    config = tmp_path / "b.toml"
    cron = ["cron", "--config", str(config), "--at", "07:05"]
    # The installed script, in its own process: a usage error is exit code 2.
    missing = subprocess.run([BRIEFING, *cron], capture_output=True, text=True)
    assert missing.returncode == 2 and "no such config file" in missing.stderr
    assert missing.stdout == ""
    config.write_text('output_dir = "briefings"\n[[sources]]\npath = "."\n')
    result = cli(*cron)
    assert result.returncode == 0
    assert result.stdout.startswith("5 7 * * * ")
    assert "run --config" in result.stdout and "--quiet" in result.stdout
    assert f"--log-file {tmp_path / 'briefings' / 'briefing.log'}" in result.stdout
