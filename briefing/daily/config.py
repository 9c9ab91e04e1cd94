"""The daily run's settings: ``briefing.toml`` read into typed dataclasses, checked whole at load.

Defaults live in the dataclasses below (and the constants they name); the file overrides
them; command-line flags override the file, through ``dataclasses.replace`` on the same
objects. Every value is checked when the file is loaded, sources' summary options
included, so a bad config fails the same way on a quiet day as on a busy one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from briefing.daily.schema import ConfigError, Locator, convert, schema, unknown_key
from briefing.errors import UsageError
from briefing.limits import DEFAULT_TIMEOUT, MAX_INPUT_BYTES
from briefing.pipeline import DEFAULT_PAGE_SIZE
from briefing.publish.outputs import DEFAULT_OUTPUTS
from briefing.summarize import SummaryOptions

DEFAULT_CONFIG = "briefing.toml"
DEFAULT_TITLE = "Daily briefing"
DEFAULT_HIGHLIGHTS = 5
#: Sentences an item gets in a daily briefing, shared across its sections by ``auto`` (or
#: by their length, for the other algorithms): about a minute of reading, so that a day of
#: 30 items stays a short read. ``max_sentences`` in ``[summary]`` or a source overrides it.
DEFAULT_ITEM_SENTENCES = 5
DAILY_SUMMARY = SummaryOptions(max_sentences=DEFAULT_ITEM_SENTENCES)
MAX_KEEP_DAYS = 36_500

__all__ = ["DEFAULT_CONFIG", "Config", "ConfigError", "Source", "SummaryOverrides", "load_config"]


def _positive(value) -> None:
    if not value > 0:
        raise ValueError(f"must be above 0, not {value!r}")


def _between(low, high):
    def check(value) -> None:
        if value is not None and not low <= value <= high:
            raise ValueError(f"must be between {low} and {high}, not {value!r}")

    return check


def _setting(default, check=None, help: str = ""):
    return field(default=default, metadata={"check": check, "help": help})


@dataclass(frozen=True)
class SummaryOverrides:
    """Summary options a ``[summary]`` table or a source sets; ``None`` keeps what is above."""

    algorithm: str | None = None
    language: str | None = None
    sentences: int | None = None
    ratio: float | None = None
    max_sentences: int | None = None

    def apply(self, base: SummaryOptions) -> SummaryOptions:
        """``base`` with these set; a count set here replaces a ratio above, and vice versa."""
        changes = {f.name: getattr(self, f.name) for f in fields(self)}
        changes = {k: v for k, v in changes.items() if v is not None}
        if "sentences" in changes:
            changes.setdefault("ratio", None)
        if "ratio" in changes:
            changes.setdefault("sentences", None)
        return replace(base, **changes)


@dataclass(frozen=True)
class Source:
    """Where items come from: ``kind`` names a source kind (files, urls, feed, or a plugin's),
    and ``target`` is what its key says (a path or glob, URLs, a feed URL)."""

    name: str
    kind: str
    target: str | tuple[str, ...]
    max_items: int = _setting(50, _positive)
    summary: SummaryOverrides = SummaryOverrides()

    @property
    def path(self) -> str:
        return self.target if self.kind == "files" else ""

    @property
    def urls(self) -> tuple[str, ...]:
        return self.target if self.kind == "urls" else ()

    @property
    def feed(self) -> str:
        return self.target if self.kind == "feed" else ""


@dataclass(frozen=True)
class Config:
    """Everything a daily run needs; relative paths are relative to the config file's folder."""

    sources: tuple[Source, ...] = ()
    title: str = DEFAULT_TITLE
    output_dir: Path = Path("output")
    database: Path | None = None  # default: <output_dir>/briefing.sqlite3
    formats: tuple[str, ...] = DEFAULT_OUTPUTS
    page_size: str = DEFAULT_PAGE_SIZE
    keep_days: int | None = _setting(None, _between(1, MAX_KEEP_DAYS))
    highlights: int = _setting(DEFAULT_HIGHLIGHTS, _between(3, 7))
    timeout: float = _setting(DEFAULT_TIMEOUT, _between(0.1, 3600))
    max_bytes: int = _setting(MAX_INPUT_BYTES, _positive)
    templates: Path | None = None
    summary: SummaryOptions = DAILY_SUMMARY
    path: Path | None = field(default=None, compare=False)

    @property
    def database_path(self) -> Path:
        return self.database or self.output_dir / "briefing.sqlite3"

    @property
    def language(self) -> str:
        return self.summary.language

    def options_for(self, source: Source) -> SummaryOptions:
        """The summary options of one source: its own settings over the config's."""
        return source.summary.apply(self.summary)


#: Keys of the top level that are not settings of their own.
_STRUCTURE = ("sources", "summary", "path")


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
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a folder, not a config file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    return parse_config(data, text, path)


def parse_config(data: dict, text: str, path: Path) -> Config:
    """Turn parsed TOML into a Config, checking every key and value."""
    where = Locator(text, path)
    data = dict(data)
    raw_sources = data.pop("sources", [])
    if not isinstance(raw_sources, list) or not all(isinstance(s, dict) for s in raw_sources):
        raise where.error("sources", "must be an array of tables: [[sources]]")
    raw_summary = data.pop("summary", {})
    if not isinstance(raw_summary, dict):
        raise where.error("summary", "must be a table: [summary]")
    top_schema = {k: v for k, v in schema(Config).items() if k not in _STRUCTURE}
    summary_keys = list(schema(SummaryOverrides))
    # Summary options may also stand at the top level, as in earlier versions.
    for key in [k for k in data if k in summary_keys]:
        raw_summary.setdefault(key, data.pop(key))
    values = _fields(where, data, top_schema, [*top_schema, "summary", "sources"])
    base = path.parent
    for key in ("output_dir", "database", "templates"):
        if values.get(key) is not None:
            values[key] = _under(base, values[key])
    values.setdefault("output_dir", _under(base, "output"))
    _check_with(where, "formats", values, _formats)
    _check_with(where, "page_size", values, _page_size)
    _check_with(where, "templates", values, _templates)
    overrides = _summary(where, raw_summary, None)
    try:
        summary = overrides.apply(DAILY_SUMMARY)
    except UsageError as exc:
        raise where.error(_culprit(exc, raw_summary), str(exc)) from None
    config = Config(path=path, summary=summary, **values)
    sources = tuple(_source(where, i, raw, base, config) for i, raw in enumerate(raw_sources))
    names = [s.name for s in sources]
    for index, name in enumerate(names):
        if names.index(name) != index:
            raise where.error("name", f"two sources are named {name!r}", index)
    return replace(config, sources=sources)


def require_sources(config: Config) -> Config:
    """The config, or a ConfigError when it has no ``[[sources]]`` (nothing to brief)."""
    if not config.sources:
        raise ConfigError(f"{config.path}: no [[sources]] to read; add at least one")
    return config


def _fields(where: Locator, raw: dict, spec: dict, known, source: int | None = None) -> dict:
    """Convert and check each key of ``raw`` against ``spec`` (name -> (field, type))."""
    values = {}
    for key, value in raw.items():
        if key not in spec:
            raise where.error(key, unknown_key(key, known), source)
        dataclass_field, kind = spec[key]
        try:
            value = convert(value, kind, key)
            check = dataclass_field.metadata.get("check")
            if check:
                check(value)
        except ValueError as exc:
            raise where.error(key, str(exc), source) from None
        values[key] = value
    return values


def _summary(where: Locator, raw: dict, source: int | None) -> SummaryOverrides:
    spec = schema(SummaryOverrides)
    return SummaryOverrides(**_fields(where, raw, spec, list(spec), source))


def _source(where: Locator, index: int, raw: dict, base: Path, config: Config) -> Source:
    from briefing.daily.kinds import SOURCE_KINDS

    kinds = {kind.key: kind for kind in SOURCE_KINDS.values()}
    own = {k: v for k, v in schema(Source).items() if k in ("name", "max_items")}
    summary_keys = list(schema(SummaryOverrides))
    known = [*own, *kinds, *summary_keys]
    for key in raw:
        if key not in known:
            raise where.error(key, unknown_key(key, known), index)
    chosen = [key for key in raw if key in kinds]
    if len(chosen) != 1:
        raise where.error(
            chosen[1] if len(chosen) > 1 else "sources",
            f"needs exactly one of {', '.join(kinds)}",
            index,
        )
    kind = kinds[chosen[0]]
    try:
        target = convert(raw[kind.key], kind.target_type, kind.key)
        target = kind.check(target)
    except ValueError as exc:
        raise where.error(kind.key, str(exc), index) from None
    if kind.is_path:
        target = str(_under(base, target))
    values = _fields(where, {k: v for k, v in raw.items() if k in own}, own, known, index)
    overrides = _summary(where, {k: v for k, v in raw.items() if k in summary_keys}, index)
    try:
        overrides.apply(config.summary)
    except UsageError as exc:
        raise where.error(_culprit(exc, raw), str(exc), index) from None
    default_name = raw[kind.key] if isinstance(raw[kind.key], str) else f"source {index + 1}"
    values.setdefault("name", default_name)
    return Source(kind=kind.name, target=target, summary=overrides, **values)


def _culprit(exc: UsageError, raw: dict) -> str:
    """The key a summary-option error is about (for its line number)."""
    message = str(exc)
    for key, words in (
        ("algorithm", "algorithm"),
        ("language", "language"),
        ("ratio", "ratio"),
        ("max_sentences", "maximum sentence"),
        ("sentences", "sentence count"),
    ):
        if key in raw and words in message:
            return key
    return next(iter(raw), "summary")


def _check_with(where: Locator, key: str, values: dict, check) -> None:
    if key in values and values[key] is not None:
        try:
            values[key] = check(values[key])
        except (UsageError, ValueError) as exc:
            raise where.error(key, str(exc)) from None


def _formats(formats: tuple[str, ...]) -> tuple[str, ...]:
    from briefing.publish.outputs import check_outputs

    return check_outputs(formats)


def _page_size(page_size: str) -> str:
    from briefing.compose.pdf import page_size_css

    page_size_css(page_size)
    return page_size


def _templates(folder: Path) -> Path:
    if not folder.is_dir():
        raise ValueError(f"must be a folder of templates; {folder} is not one")
    return folder


def _under(base: Path, path: str | Path) -> Path:
    """``path`` relative to the config file's folder, tidied (``examples/../output`` -> ``output``)."""
    return Path(os.path.normpath(base / Path(path).expanduser()))
