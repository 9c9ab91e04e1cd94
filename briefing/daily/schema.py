"""Checking TOML against typed dataclasses: the field types are the schema, once.

A field's type says what TOML value it takes (``str``, ``int``, ``float``, ``bool``,
``Path``, ``tuple[str, ...]``, ``X | None``); its metadata may add a ``check`` (a function
that raises ``ValueError`` with the reason) and ``help``. Every error names the file, the
line and the key, so the person editing the file goes straight to it.
"""

from __future__ import annotations

import difflib
import math
import os
import re
import types
import typing
from dataclasses import Field, field, fields
from pathlib import Path

from briefing.errors import UsageError


def setting(default, check=None, help: str = ""):
    """A dataclass field with a ``check`` (raising ValueError) and ``help`` for the schema."""
    return field(default=default, metadata={"check": check, "help": help})


def positive(value) -> None:
    if not value > 0:
        raise ValueError(f"must be above 0, not {value!r}")


def between(low, high):
    """A check that a value (when set) lies in ``low..high``."""

    def check(value) -> None:
        if value is not None and not low <= value <= high:
            raise ValueError(f"must be between {low} and {high}, not {value!r}")

    return check


class ConfigError(UsageError):
    """The config file is missing, not TOML, or has a wrong key or value (exit 2)."""


def schema(cls) -> dict[str, tuple[Field, object]]:
    """``{name: (field, resolved type)}`` of a dataclass's public fields."""
    hints = typing.get_type_hints(cls)
    return {f.name: (f, hints[f.name]) for f in fields(cls) if not f.name.startswith("_")}


def convert(value, kind, key: str):
    """``value`` as a ``kind``, or a ValueError that says what was expected."""
    optional = False
    if isinstance(kind, types.UnionType) or typing.get_origin(kind) is typing.Union:
        args = [a for a in typing.get_args(kind) if a is not type(None)]
        optional, kind = True, args[0]
    if optional and value is None:
        return None
    if kind is bool:
        if not isinstance(value, bool):
            raise ValueError(f"must be true or false, not {value!r}")
        return value
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"must be a whole number, not {value!r}")
        return value
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"must be a number, not {value!r}")
        if not math.isfinite(value):
            raise ValueError(f"must be a finite number, not {value!r}")
        return float(value)
    if kind is str or kind is Path:
        if not isinstance(value, str):
            raise ValueError(f"must be a string, not {value!r}")
        return value
    if typing.get_origin(kind) is tuple:
        item = typing.get_args(kind)[0]
        if not isinstance(value, list):
            raise ValueError(f"must be a list, not {value!r}")
        return tuple(convert(v, item, key) for v in value)
    raise TypeError(f"no TOML conversion for {kind!r} ({key})")  # a bug in a schema


def under(base: Path, path: str | Path) -> Path:
    """``path`` relative to the config file's folder, tidied (``examples/../output`` -> ``output``)."""
    return Path(os.path.normpath(base / Path(path).expanduser()))


def unknown_key(key: str, known) -> str:
    """'unknown setting' with the nearest known key, if one is close."""
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"unknown setting ({hint}known: {', '.join(known)})"


class Locator:
    """Finds the line of a key (in the top level, a table, or the n-th ``[[sources]]``)."""

    def __init__(self, text: str, path: Path):
        self.lines = text.splitlines()
        self.path = path
        # Which [[sources]] table each line belongs to (None: the top level or a [table]).
        self.owner: list[int | None] = []
        self.blocks: list[int] = []
        current = None
        for number, line in enumerate(self.lines):
            if re.match(r"\s*\[\[\s*sources\s*\]\]", line):
                current = len(self.blocks)
                self.blocks.append(number)
            elif re.match(r"\s*\[[^\[]", line):
                current = None  # a [table] ends the [[sources]] table before it
            self.owner.append(current)

    def error(self, key: str, message: str, source: int | None = None) -> ConfigError:
        line = self.line(key, source)
        at = f"{self.path}:{line}" if line else str(self.path)
        return ConfigError(f"{at}: {key!r} {message}")

    def line(self, key: str, source: int | None = None) -> int | None:
        pattern = re.compile(
            rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=|^\s*\[+\s*{re.escape(key)}\s*\]+"
        )
        for number, line in enumerate(self.lines):
            if self.owner[number] == source and pattern.match(line):
                return number + 1
        if source is not None and source < len(self.blocks):
            return self.blocks[source] + 1  # the source's own [[sources]] line
        return None
