"""Where a published briefing lives: ``<out>/<date>/briefing.<ext>`` and ``<out>/latest.<ext>``.

The one place that names output files, so ``build``, ``run``, retention and the tests agree.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from briefing.publish.outputs import OUTPUTS

STEM = "briefing"


def dated_path(out_dir: Path, date: str, output: str) -> Path:
    return Path(out_dir) / date / f"{STEM}.{OUTPUTS[output].extension}"


def latest_path(out_dir: Path, output: str) -> Path:
    return Path(out_dir) / f"latest.{OUTPUTS[output].extension}"


def is_date(name: str) -> bool:
    """Whether a folder name is a briefing's date (``YYYY-MM-DD``)."""
    try:
        return dt.date.fromisoformat(name).isoformat() == name
    except ValueError:
        return False


def dated_folders(out_dir: Path) -> list[Path]:
    """The dated folders under ``out_dir``, oldest first."""
    if not Path(out_dir).is_dir():
        return []
    return sorted(p for p in Path(out_dir).iterdir() if p.is_dir() and is_date(p.name))


def prune(out_dir: Path, today: str, keep_days: int) -> list[Path]:
    """Remove dated folders older than ``keep_days`` before ``today`` (never ``latest.*``)."""
    cutoff = (dt.date.fromisoformat(today) - dt.timedelta(days=keep_days)).isoformat()
    removed = [folder for folder in dated_folders(out_dir) if folder.name < cutoff]
    for folder in removed:
        shutil.rmtree(folder, ignore_errors=True)
    return removed
