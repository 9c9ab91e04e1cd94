"""A daily run under signals and with a broken memory: SIGTERM, a killed run, an emptied or
damaged state database, and ``latest.*`` after a run dated in the future."""

import datetime as dt
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from dailyrun import GOOD, OTHER, folder_source, run_cli, statuses, write_config
from webserver import Site, page, rss

from briefing.cli import main

BRIEFING = str(Path(sys.executable).parent / "briefing")


@pytest.fixture
def slow_site(tmp_path):
    """A feed whose second-day item takes 30 s to answer, and a config reading it."""
    with Site() as site:
        site.add("/news/port.html", page("Port reopens north quay", OTHER.split("\n\n")[1]))
        site.add(
            "/news/rail.html",
            page("Night trains return", "A night train will run from March. Tickets sell."),
        )
        site.add("/feed.xml", rss(site.base, [("Port", "/news/port.html")]), "application/rss+xml")
        config = write_config(
            tmp_path, f'[[sources]]\nname = "Feed"\nfeed = "{site.base}/feed.xml"\n'
        )
        assert run_cli(config, "--date", "2026-11-24") == 0
        site.add(
            "/feed.xml",
            rss(site.base, [("Port", "/news/port.html"), ("Rail", "/news/rail.html")]),
            "application/rss+xml",
        )
        site.delay["/news/rail.html"] = 30
        yield site, config


def start_and_wait_for(site: Site, config: Path, path: str) -> subprocess.Popen:
    process = subprocess.Popen(
        [BRIEFING, "run", "--config", str(config), "--date", "2026-11-25"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.time() + 20
    while path not in site.hits and time.time() < deadline:
        time.sleep(0.05)
    assert path in site.hits
    return process


def test_sigterm_mid_run_says_so_in_one_line_and_is_recorded_as_interrupted(slow_site, tmp_path):
    site, config = slow_site
    out = tmp_path / "output"
    yesterday = (out / "latest.md").read_bytes()
    process = start_and_wait_for(site, config, "/news/rail.html")
    process.send_signal(signal.SIGTERM)
    stdout, stderr = process.communicate(timeout=20)
    assert process.returncode == 128 + signal.SIGTERM
    assert stderr.splitlines() == [
        "briefing: error: terminated by SIGTERM; the run is recorded as interrupted"
    ]
    assert stdout == ""
    assert (out / "latest.md").read_bytes() == yesterday
    assert not (out / "2026-11-25").exists()
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp") or ".new" in p.name]
    assert statuses(out / "briefing.sqlite3") == ["ok", "interrupted"]
    history = subprocess.run(
        [BRIEFING, "history", "--config", str(config)], capture_output=True, text=True
    )
    assert "interrupted" in history.stdout.splitlines()[1]  # under the header


def test_a_killed_run_is_marked_killed_by_the_next_run(slow_site, tmp_path, capsys):
    site, config = slow_site
    process = start_and_wait_for(site, config, "/news/rail.html")
    process.kill()
    process.communicate()
    db = tmp_path / "output" / "briefing.sqlite3"
    assert statuses(db) == ["ok", "running"]
    site.delay.pop("/news/rail.html")
    capsys.readouterr()
    assert run_cli(config, "--date", "2026-11-25") == 0
    assert "1 earlier run(s) never finished" in capsys.readouterr().err
    assert statuses(db) == ["ok", "killed", "ok"]


@pytest.fixture
def briefed(tmp_path):
    """One run done: a config, its output folder, and its state database."""
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "good.md").write_text(GOOD)
    config = write_config(tmp_path, folder_source(reports))
    assert run_cli(config, "--date", "2026-11-24") == 0
    (reports / "other.md").write_text(OTHER)
    out = tmp_path / "output"
    return config, out, out / "briefing.sqlite3"


def test_an_emptied_state_database_is_an_error_not_a_fresh_start(briefed, capsys):
    config, out, db = briefed
    db.write_bytes(b"")
    capsys.readouterr()
    assert run_cli(config, "--date", "2026-11-25") == 1
    err = capsys.readouterr().err
    assert err.startswith(f"briefing: error: {db}: the state database is empty (0 bytes)")
    assert "restore it from a backup, or delete it to start afresh" in err
    assert db.stat().st_size == 0 and not (out / "2026-11-25").exists()
    assert main(["history", "--config", str(config)]) == 1


def corrupt_page(db: Path, table: str) -> None:
    """Overwrite the root page of ``table`` (or index) with garbage, as a bad disk would."""
    with sqlite3.connect(db) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()[0]
    connection.close()
    with open(db, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xab" * page_size)


@pytest.mark.parametrize("damage", ["index page", "header"])
def test_a_damaged_state_database_is_an_error_that_says_so(briefed, capsys, damage):
    config, out, db = briefed
    if damage == "header":
        with open(db, "r+b") as handle:
            handle.write(b"garbage" * 20)
    else:
        corrupt_page(db, "items_location")
    capsys.readouterr()
    assert run_cli(config, "--date", "2026-11-25") == 1
    err = capsys.readouterr().err
    assert err.startswith(f"briefing: error: {db}: the state database is damaged (")
    assert "restore it from a backup" in err and ".recover" in err
    assert "every source failed" not in err and len(err.splitlines()) == 1
    assert not (out / "2026-11-25").exists()


def test_latest_holds_the_most_recent_runs_briefing_and_a_future_date_prunes_nothing(
    tmp_path,
):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "good.md").write_text(GOOD)
    config = write_config(tmp_path, folder_source(reports), extra="keep_days = 3")
    out = tmp_path / "output"
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    assert run_cli(config, "--date", yesterday) == 0
    assert run_cli(config, "--date", "2099-01-01", "--all") == 0
    assert (out / yesterday / "briefing.md").is_file()
    assert (out / "latest.md").read_text() == (out / "2099-01-01" / "briefing.md").read_text()
    (reports / "other.md").write_text(OTHER)
    assert run_cli(config) == 0
    today = out / dt.date.today().isoformat() / "briefing.md"
    assert (out / "latest.md").read_text() == today.read_text()
    assert "Harbour works" in today.read_text()
