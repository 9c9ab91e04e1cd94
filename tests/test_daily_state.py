"""Memory across days: the runs and the items briefed, what counts as seen in a window of
dates, and a record written all at once or not at all."""

import sqlite3

import pytest

from briefing.daily.state import BriefedItem, State, StateError

PORT = BriefedItem("News", "https://x.org/port", "hash-port", "Port reopens")
RAIL = BriefedItem("News", "https://x.org/rail", "hash-rail", "Night trains")
NOTE = BriefedItem("Reports", "/reports/note.md", "hash-note", "Quarterly note")


@pytest.fixture
def state(tmp_path):
    with State.open(tmp_path / "output" / "briefing.sqlite3") as state:
        yield state


def brief(state: State, date: str, *items: BriefedItem, outputs=("briefing.md",), **fields):
    run = state.start_run(date, f"{date}T06:00:00+00:00")
    state.finish_run(
        run,
        ended=f"{date}T06:02:00+00:00",
        status=fields.pop("status", "ok"),
        items=items,
        outputs=outputs,
        **fields,
    )
    return run


def test_opening_creates_the_database_and_its_folder(tmp_path):
    path = tmp_path / "new" / "folder" / "state.sqlite3"
    with State.open(path) as state:
        assert state.runs() == []
    assert path.is_file()
    with State.open(path) as again:  # opening an existing database keeps it
        brief(again, "2026-11-24", PORT)
    with State.open(path) as third:
        assert [r.date for r in third.runs()] == ["2026-11-24"]


def test_a_database_that_cannot_be_opened_is_a_clear_error(tmp_path):
    folder = tmp_path / "is-a-folder"
    folder.mkdir()
    with pytest.raises(StateError, match=rf"^{folder}: cannot open the state database"):
        State.open(folder)
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StateError, match=rf"^{garbage}: the state database is damaged"):
        State.open(garbage)


def test_runs_are_listed_newest_first_with_what_they_did(state):
    brief(state, "2026-11-23", NOTE)
    brief(
        state,
        "2026-11-24",
        PORT,
        RAIL,
        BriefedItem("Other feed", PORT.location, PORT.hash, PORT.title),  # one story, two sources
        outputs=("out/2026-11-24/briefing.md", "out/2026-11-24/briefing.html"),
        status="partial",
        failed_sources=1,
        message="source 'Broken': HTTP 404",
    )
    unfinished = state.start_run("2026-11-25", "2026-11-25T06:00:00+00:00")
    newest, partial, first = state.runs()
    assert (newest.id, newest.status, newest.ended, newest.items) == (unfinished, "running", "", 0)
    assert (partial.date, partial.status, partial.items, partial.failed_sources) == (
        "2026-11-24",
        "partial",
        2,  # distinct stories, not rows
        1,
    )
    assert partial.outputs.splitlines() == [
        "out/2026-11-24/briefing.md",
        "out/2026-11-24/briefing.html",
    ]
    assert partial.message == "source 'Broken': HTTP 404"
    assert partial.started == "2026-11-24T06:00:00+00:00"
    assert partial.ended == "2026-11-24T06:02:00+00:00"
    assert first.date == "2026-11-23" and first.items == 1
    assert [r.date for r in state.runs(limit=2)] == ["2026-11-25", "2026-11-24"]


def test_seen_location_gives_the_hashes_briefed_there_within_the_dates(state):
    brief(state, "2026-11-20", PORT)
    brief(state, "2026-11-24", BriefedItem("News", PORT.location, "hash-port-2", PORT.title))
    assert state.seen_location(PORT.location, "", "2026-11-25") == {"hash-port", "hash-port-2"}
    # the window is since <= date < before
    assert state.seen_location(PORT.location, "", "2026-11-24") == {"hash-port"}
    assert state.seen_location(PORT.location, "2026-11-21", "2026-11-25") == {"hash-port-2"}
    assert state.seen_location(PORT.location, "2026-11-25", "2026-11-30") == set()
    assert state.seen_location(RAIL.location, "", "2026-11-30") == set()


def test_seen_hash_finds_the_same_content_from_any_source_within_the_dates(state):
    brief(state, "2026-11-24", PORT)
    assert state.seen_hash(PORT.hash, "", "2026-11-25")
    assert not state.seen_hash(PORT.hash, "", "2026-11-24")  # a re-run of that date: not seen
    assert not state.seen_hash(PORT.hash, "2026-11-25", "2026-11-30")
    assert not state.seen_hash(RAIL.hash, "", "2026-11-30")


def test_a_rerun_of_a_date_replaces_that_dates_record(state):
    brief(state, "2026-11-23", NOTE)
    brief(state, "2026-11-24", PORT, RAIL)
    brief(state, "2026-11-24", RAIL)
    assert not state.seen_hash(PORT.hash, "", "2026-11-30")
    assert state.seen_hash(RAIL.hash, "", "2026-11-30")
    assert state.seen_hash(NOTE.hash, "", "2026-11-30")  # other dates are kept


def test_a_run_that_wrote_nothing_keeps_the_dates_earlier_record(state):
    brief(state, "2026-11-24", PORT)
    brief(state, "2026-11-24", outputs=(), status="empty")  # --skip-empty: no briefing written
    assert state.seen_hash(PORT.hash, "", "2026-11-30")


def test_a_record_that_fails_half_way_is_not_written_at_all(state, tmp_path):
    run = state.start_run("2026-11-24", "2026-11-24T06:00:00+00:00")
    broken = BriefedItem("News", "https://x.org/broken", "hash-broken", None)  # NOT NULL title
    with pytest.raises(StateError, match="cannot write the state database"):
        state.finish_run(run, ended="x", status="ok", items=[PORT, broken], outputs=["a.md"])
    assert not state.seen_hash(PORT.hash, "", "2026-11-30")
    [record] = state.runs()
    assert record.status == "running"  # the run's end was not recorded either
    with sqlite3.connect(tmp_path / "output" / "briefing.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM items").fetchone() == (0,)
