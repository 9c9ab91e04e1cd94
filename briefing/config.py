"""The daily run's settings: a TOML file (``briefing.toml``) read into typed dataclasses.

Defaults live in the dataclasses; the file overrides them; command-line flags override the
file. A mistake in the file is reported with the file, the line and the key.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields
from pathlib import Path

from .errors import UsageError

DEFAULT_CONFIG = "briefing.toml"


class ConfigError(UsageError):
    """The config file is missing, not TOML, or has a wrong key or value (exit 2)."""


@dataclass(frozen=True)
class Source:
    """Where items come from: files (``path``: a folder or a glob), ``urls``, or a ``feed``."""

    name: str
    kind: str  # "files", "urls" or "feed"
    path: str = ""
    urls: tuple[str, ...] = ()
    feed: str = ""
    max_items: int = 50
    language: str | None = None
    algorithm: str | None = None
    sentences: int | None = None
    ratio: float | None = None
    max_sentences: int | None = None


@dataclass(frozen=True)
class Config:
    """Everything a daily run needs; relative paths are relative to the config file's folder."""

    sources: tuple[Source, ...] = ()
    title: str = "Daily briefing"
    output_dir: Path = Path("output")
    database: Path | None = None  # default: <output_dir>/briefing.sqlite3
    formats: tuple[str, ...] = ("md", "html", "pdf")
    page_size: str = "A4"
    keep_days: int | None = None
    highlights: int = 5
    timeout: float = 20.0
    max_bytes: int = 10 * 1024 * 1024
    language: str = "english"
    algorithm: str | None = None
    sentences: int | None = None
    ratio: float | None = None
    max_sentences: int | None = None
    templates: Path | None = None
    path: Path | None = field(default=None, compare=False)

    @property
    def database_path(self) -> Path:
        return self.database or self.output_dir / "briefing.sqlite3"


_TOP = {f.name: f for f in fields(Config)}
_SOURCE = {f.name: f for f in fields(Source)}
_TYPES = {
    "title": str,
    "output_dir": str,
    "database": str,
    "formats": list,
    "page_size": str,
    "keep_days": int,
    "highlights": int,
    "timeout": (int, float),
    "max_bytes": int,
    "language": str,
    "algorithm": str,
    "sentences": int,
    "ratio": (int, float),
    "max_sentences": int,
    "templates": str,
    "name": str,
    "path": str,
    "urls": list,
    "feed": str,
    "max_items": int,
}


def load_config(path: str | Path) -> Config:
    """Read and check a config file; raise ConfigError naming file, line and key."""
    import tomllib

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: no such config file (create one with 'briefing init')"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    return parse_config(data, text, path)


def parse_config(data: dict, text: str, path: Path) -> Config:
    """Turn parsed TOML into a Config, checking every key and value."""
    where = _Locator(text, path)
    raw_sources = data.pop("sources", [])
    if not isinstance(raw_sources, list) or not all(isinstance(s, dict) for s in raw_sources):
        raise where.error("sources", "must be an array of tables: [[sources]]")
    summary = data.pop("summary", {})
    if not isinstance(summary, dict):
        raise where.error("summary", "must be a table: [summary]")
    top: dict = {}
    for key, value in {**data, **summary}.items():
        if key not in _TOP or key in ("sources", "path"):
            raise where.error(key, f"unknown setting (known: {', '.join(_known_top())})")
        top[key] = _check(where, key, value)
    base = path.parent
    for key in ("output_dir", "database", "templates"):
        if key in top:
            top[key] = _under(base, top[key])
    if "output_dir" not in top:
        top["output_dir"] = _under(base, "output")
    if "formats" in top:
        top["formats"] = tuple(top["formats"])
        bad = [f for f in top["formats"] if f not in ("md", "html", "pdf")]
        if bad or not top["formats"]:
            raise where.error("formats", 'must list some of "md", "html", "pdf"')
    if top.get("keep_days") is not None and top["keep_days"] < 1:
        raise where.error("keep_days", "must be 1 or more")
    if not 3 <= top.get("highlights", 5) <= 7:
        raise where.error("highlights", "must be between 3 and 7")
    sources = tuple(_source(where, i, raw, base) for i, raw in enumerate(raw_sources))
    names = [s.name for s in sources]
    for name in names:
        if names.count(name) > 1:
            raise where.error("name", f"two sources are named {name!r}")
    return Config(sources=sources, path=path, **top)


def _source(where: _Locator, index: int, raw: dict, base: Path) -> Source:
    kinds = [k for k in ("path", "urls", "feed") if k in raw]
    if len(kinds) != 1:
        raise where.error(
            "sources", f"source {index + 1} needs exactly one of path, urls, feed", index
        )
    values: dict = {}
    for key, value in raw.items():
        if key not in _SOURCE or key == "kind":
            raise where.error(
                key, f"unknown source setting (known: {', '.join(_known_source())})", index
            )
        values[key] = _check(where, key, value, index)
    kind = {"path": "files", "urls": "urls", "feed": "feed"}[kinds[0]]
    if kind == "files":
        values["path"] = str(_under(base, values["path"]))
    if kind == "urls":
        values["urls"] = tuple(values["urls"])
        if not all(isinstance(u, str) for u in values["urls"]):
            raise where.error("urls", "must be a list of strings", index)
    if values.get("max_items", 1) < 1:
        raise where.error("max_items", "must be 1 or more", index)
    default_name = values.get("feed") or values.get("path") or f"source {index + 1}"
    values.setdefault("name", default_name)
    return Source(kind=kind, **values)


def _under(base: Path, path: str | Path) -> Path:
    """``path`` relative to the config file's folder, tidied (``examples/../output`` -> ``output``)."""
    return Path(os.path.normpath(base / Path(path).expanduser()))


def _check(where: _Locator, key: str, value, index: int | None = None):
    expected = _TYPES.get(key, str)
    if isinstance(value, bool) or not isinstance(value, expected):
        names = expected if isinstance(expected, tuple) else (expected,)
        wanted = " or ".join(
            {str: "a string", int: "a whole number", float: "a number", list: "a list"}[t]
            for t in names
        )
        raise where.error(key, f"must be {wanted}, not {value!r}", index)
    return value


def _known_top() -> list[str]:
    return [k for k in _TOP if k not in ("sources", "path")]


def _known_source() -> list[str]:
    return [k for k in _SOURCE if k != "kind"]


class _Locator:
    """Finds the line a key is on, so errors can say ``briefing.toml:12: key 'x' ...``."""

    def __init__(self, text: str, path: Path):
        self.lines = text.splitlines()
        self.path = path

    def error(self, key: str, message: str, source_index: int | None = None) -> ConfigError:
        line = self._line(key, source_index)
        at = f"{self.path}:{line}" if line else str(self.path)
        return ConfigError(f"{at}: {key!r} {message}")

    def _line(self, key: str, source_index: int | None) -> int | None:
        start = 0
        if source_index is not None:
            headers = [
                i
                for i, line in enumerate(self.lines)
                if re.match(r"\s*\[\[\s*sources\s*\]\]", line)
            ]
            if source_index < len(headers):
                start = headers[source_index]
        pattern = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=|^\s*\[+\s*{re.escape(key)}\s*\]+")
        for number in range(start, len(self.lines)):
            if pattern.match(self.lines[number]):
                return number + 1
        return start + 1 if source_index is not None else None
