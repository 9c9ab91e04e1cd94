"""The archive of kept briefings: ``<out>/index.html`` (newest first) and ``<out>/feed.xml``.

Both are rebuilt from the dated folders on disk, so retention (which removes folders)
removes their entries too, and nothing can list a briefing that is gone. Each daily
briefing leaves its data next to its files (``briefing.publish.records``): the page and the
feed read only its glance (title, items, the day in brief), so a run's rebuild stays cheap
however many briefings are kept; the whole record is read when a template asks for it.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path

from briefing.model import Briefing
from briefing.publish.files import dated_folders, dated_path
from briefing.publish.outputs import OUTPUTS
from briefing.publish.records import Glance, read_glance, read_record, record_path

INDEX = "index.html"
FEED = "feed.xml"
ARCHIVE_TEMPLATE = "archive.html.j2"


@dataclass(frozen=True)
class Archived:
    """One kept briefing as the archive page and the feed show it."""

    date: str
    glance: Glance
    #: ``(output name, path relative to the output folder)`` of each file it has.
    files: tuple[tuple[str, str], ...]
    #: When its files were last written (UTC, ISO 8601): the feed entry's ``updated``.
    written: str
    out_dir: Path = field(default=Path("."), repr=False, compare=False)

    @functools.cached_property
    def briefing(self) -> Briefing:
        """The whole briefing, read from its record only if a (custom) template asks."""
        return read_record(self.out_dir, self.date) or Briefing(self.glance.title, self.date)

    @property
    def long_date(self) -> str:
        """``Thursday 26 November 2026``: what a reader scanning the archive looks for."""
        day = dt.date.fromisoformat(self.date)
        return f"{day:%A} {day.day} {day:%B %Y}"

    def href(self, output: str, base_url: str = "") -> str:
        """The link to one of its files (``""`` if it has none), under ``base_url`` if any."""
        path = dict(self.files).get(output, "")
        return base_url + path if path else ""


def kept(out_dir: Path, title: str = "Briefing") -> list[Archived]:
    """Every dated folder that holds a briefing, newest first. A folder without a record
    (written by ``build`` or an older version) is listed with its date and files only."""
    found = []
    for folder in reversed(dated_folders(out_dir)):
        date = folder.name
        files = tuple(
            (name, f"{date}/{dated_path(out_dir, date, name).name}")
            for name in OUTPUTS.names()
            if dated_path(out_dir, date, name).is_file()
        )
        if not files:
            continue
        glance = read_glance(out_dir, date) or Glance(title)
        record = record_path(out_dir, date)
        paths = [record, *(Path(out_dir) / f for _, f in files)]
        newest = max(p.stat().st_mtime for p in paths if p.exists())
        written = dt.datetime.fromtimestamp(newest, dt.UTC).isoformat(timespec="seconds")
        found.append(Archived(date, glance, files, written, Path(out_dir)))
    return found


def rebuild(
    out_dir: Path, *, title: str, base_url: str = "", templates: Path | None = None
) -> list[Path]:
    """Write ``index.html`` and ``feed.xml`` for the kept briefings, both at once."""
    from briefing.compose.markdown import render_template
    from briefing.publish.feed import atom_feed
    from briefing.publish.write import write_all_atomic

    out_dir = Path(out_dir)
    entries = kept(out_dir, title)
    page = render_template(
        ARCHIVE_TEMPLATE,
        templates,
        html=True,
        title=title,
        entries=entries,
        feed=FEED,
    )
    feed = atom_feed(entries, title=title, base_url=base_url)
    paths = {out_dir / INDEX: page.encode("utf-8"), out_dir / FEED: feed}
    write_all_atomic(paths)
    return list(paths)
