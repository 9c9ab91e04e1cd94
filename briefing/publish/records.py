"""Each daily briefing's data beside its files: the whole record, and a glance at it.

``<date>/.briefing.json`` is the JSON briefing, from which ``briefing send`` composes the
mail. ``<date>/.glance.json`` holds only what the archive page and the feed show (title,
number of items, the day in brief, the note, the sources not read): a few hundred bytes
instead of a few hundred kilobytes, so that rebuilding the archive at every run does not
parse a year of records. A glance names the size and modification time of the record it
was made from; one that does not match its record (a run killed between the two writes, a
record written by an older version) is not trusted: the record is read, and the glance
written again for the next run.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from briefing.errors import InputError, RenderError
from briefing.model import Briefing

RECORD = ".briefing.json"
GLANCE = ".glance.json"

log = logging.getLogger("briefing")


@dataclass(frozen=True)
class Glance:
    """A briefing as the archive page and the feed show it."""

    title: str
    #: How many items (documents) it has.
    items: int = 0
    #: The day in brief, one sentence each.
    highlights: tuple[str, ...] = ()
    note: str = ""
    #: The sources not read that day, each once, in the order the briefing lists them.
    failed: tuple[str, ...] = ()

    @classmethod
    def of(cls, briefing: Briefing) -> Glance:
        return cls(
            briefing.title,
            len(briefing.documents),
            tuple(h.sentence for h in briefing.highlights),
            briefing.note,
            tuple(dict.fromkeys(f.source for f in briefing.failures)),
        )


def record_path(out_dir: Path, date: str) -> Path:
    return Path(out_dir) / date / RECORD


def glance_path(out_dir: Path, date: str) -> Path:
    return Path(out_dir) / date / GLANCE


def write_record(out_dir: Path, briefing: Briefing) -> Path:
    """Keep the briefing's data beside its files (for the archive, the feed and mail)."""
    from briefing.compose.json import briefing_json
    from briefing.publish.write import write_atomic

    path = record_path(out_dir, briefing.date)
    write_atomic(path, briefing_json(briefing).encode("utf-8"))
    _write_glance(out_dir, briefing.date, Glance.of(briefing), _stamp(path.stat()))
    return path


def read_record(out_dir: Path, date: str) -> Briefing | None:
    """The briefing of ``date`` as written, or None when there is no readable record."""
    from briefing.compose.json import briefing_from_json

    try:
        return briefing_from_json(record_path(out_dir, date).read_bytes())
    except (OSError, InputError):
        return None


def read_glance(out_dir: Path, date: str) -> Glance | None:
    """What the archive shows of the briefing of ``date``, None when it has no readable
    record. From its glance if that matches the record, else from the record itself."""
    try:
        stamp = _stamp(record_path(out_dir, date).stat())  # before reading: a race only
    except OSError:  # leaves a glance that does not match, never a wrong one trusted
        return None
    glance = _load_glance(glance_path(out_dir, date), stamp)
    if glance is not None:
        return glance
    briefing = read_record(out_dir, date)
    if briefing is None:
        return None
    glance = Glance.of(briefing)
    try:
        _write_glance(out_dir, date, glance, stamp)
    except RenderError as exc:  # a read-only archive is still listed, read in full each time
        log.debug("cannot keep the glance of %s: %s", date, exc)
    return glance


def _stamp(stat: os.stat_result) -> list[int]:
    return [stat.st_size, stat.st_mtime_ns]


def _write_glance(out_dir: Path, date: str, glance: Glance, stamp: list[int]) -> None:
    from briefing.publish.write import write_atomic

    data = {"record": stamp, "glance": asdict(glance)}
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    write_atomic(glance_path(out_dir, date), text.encode("utf-8"))


def _load_glance(path: Path, stamp: list[int]) -> Glance | None:
    """The glance in ``path`` if it was made from the record of ``stamp``, else None."""
    try:
        data = json.loads(path.read_bytes())
        if data["record"] != stamp:
            return None
        fields = data["glance"]
        return Glance(
            str(fields["title"]),
            int(fields["items"]),
            tuple(str(s) for s in fields["highlights"]),
            str(fields["note"]),
            tuple(str(s) for s in fields["failed"]),
        )
    except (OSError, ValueError, TypeError, KeyError):
        return None
