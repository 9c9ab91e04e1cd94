"""Stories across days, in the state database: what each run briefed of each story.

``stories`` holds one row per story (when it was first briefed, its first title);
``story_runs`` one row per story and run that briefed it: the story's signature that day
(for matching tomorrow's stories) and the sentences sent of it (its summary and its items'
own summaries), so that a continuing story's summary can prefer what is new. Rows are
written in the run's own transaction (``State.finish_run``); a re-run of a date replaces
that date's rows, as it does for items.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from briefing.assemble.storybuild import Earlier, Told

STORY_SCHEMA = """
CREATE TABLE IF NOT EXISTS stories (
    id INTEGER PRIMARY KEY,
    since TEXT NOT NULL,
    title TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS story_runs (
    story_id INTEGER NOT NULL REFERENCES stories(id),
    run_id INTEGER NOT NULL REFERENCES runs(id),
    title TEXT NOT NULL,
    signature TEXT NOT NULL,
    sent TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS story_runs_run ON story_runs(run_id);
"""

#: Stories of the runs of this many days before a run's date can be continued by it.
STORY_DAYS = 7


@dataclass(frozen=True)
class StoryRecord:
    """A story as a run briefed it: the earlier story it continues (its id) or None for a
    new one, its title, its signature and the sentences sent of it."""

    continues: int | None
    title: str
    signature: Mapping[str, float]
    sent: tuple[str, ...]


def records(told: Told) -> list[StoryRecord]:
    """What to remember of a briefing's stories."""
    return [
        StoryRecord(key, story.title, signature, sent)
        for story, signature, key, sent in zip(
            told.stories, told.signatures, told.continues, told.sent
        )
    ]


def record(db: sqlite3.Connection, run_id: int, stories: Iterable[StoryRecord]) -> None:
    """Insert a run's stories (inside the caller's transaction); new ones start on its date."""
    stories = list(stories)
    if not stories:
        return
    (date,) = db.execute("SELECT date FROM runs WHERE id = ?", (run_id,)).fetchone()
    for story in stories:
        story_id = story.continues
        if story_id is None:
            story_id = db.execute(
                "INSERT INTO stories (since, title) VALUES (?, ?)", (date, story.title)
            ).lastrowid
        db.execute(
            "INSERT INTO story_runs (story_id, run_id, title, signature, sent) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                story_id,
                run_id,
                story.title,
                json.dumps(dict(story.signature), ensure_ascii=False),
                json.dumps(list(story.sent), ensure_ascii=False),
            ),
        )


def forget_reruns(db: sqlite3.Connection, run_id: int) -> None:
    """Drop what earlier runs of this run's date recorded (inside the caller's
    transaction), and the stories that were only theirs."""
    db.execute(
        "DELETE FROM story_runs WHERE run_id IN (SELECT id FROM runs WHERE id != ? AND "
        "date = (SELECT date FROM runs WHERE id = ?))",
        (run_id, run_id),
    )
    db.execute("DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM story_runs)")


def earlier(query: Callable[[str, tuple], list[tuple]], since: str, before: str) -> list[Earlier]:
    """The stories briefed by runs dated ``since`` <= d < ``before``: each with its latest
    signature and every sentence sent of it before ``before``."""
    rows = query(
        "SELECT stories.id, stories.since, story_runs.signature, story_runs.sent, runs.date "
        "FROM story_runs JOIN stories ON stories.id = story_runs.story_id "
        "JOIN runs ON runs.id = story_runs.run_id WHERE runs.date < ? "
        "AND story_runs.story_id IN (SELECT story_id FROM story_runs JOIN runs ON "
        "runs.id = story_runs.run_id WHERE runs.date >= ? AND runs.date < ?) "
        "ORDER BY runs.date, runs.id",
        (before, since, before),
    )
    found: dict[int, Earlier] = {}
    for story_id, first, signature, sent, _ in rows:
        before_sent = found[story_id].sent if story_id in found else ()
        found[story_id] = Earlier(
            story_id, first, json.loads(signature), before_sent + tuple(json.loads(sent))
        )
    return list(found.values())
