"""What the daily-run tests share: two small documents, a config writer, an in-process run."""

import sqlite3
from pathlib import Path

from briefing.cli import main

GOOD = "# Quarterly note\n\nSales rose by a tenth in the quarter. Costs fell slightly.\n"
OTHER = "# Harbour works\n\nThe north quay reopened on Tuesday. Ships dock again on Friday.\n"


def write_config(tmp_path: Path, sources: str, extra: str = "") -> Path:
    config = tmp_path / "briefing.toml"
    config.write_text(f'formats = ["md"]\n{extra}\n[summary]\nsentences = 1\n\n{sources}')
    return config


def folder_source(path: Path, name: str = "Reports", more: str = "") -> str:
    return f'[[sources]]\nname = "{name}"\npath = "{path}"\n{more}\n'


def run_cli(config: Path, *args: str) -> int:
    return main(["run", "--config", str(config), "-j", "1", *args])


def statuses(db: Path) -> list[str]:
    with sqlite3.connect(db) as connection:
        return [row[0] for row in connection.execute("SELECT status FROM runs ORDER BY id")]
