"""The daily run's settings: ``briefing.toml`` read into typed dataclasses, checked whole at load.

Defaults live in the dataclasses below (and the constants they name); the file overrides
them; command-line flags override the file, through ``dataclasses.replace`` on the same
objects. Every value is checked when the file is loaded, sources' summary options
included, so a bad config fails the same way on a quiet day as on a busy one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from briefing.daily import DEFAULT_CONFIG
from briefing.daily.mailconfig import MailSettings, check_base_url, check_interests, parse_mail
from briefing.daily.overrides import SummaryOverrides
from briefing.daily.schema import (
    ConfigError,
    Locator,
    between,
    convert,
    positive,
    schema,
    setting,
    under,
    unknown_key,
)
from briefing.errors import UsageError
from briefing.fetch.polite import check_contact
from briefing.limits import (
    DEFAULT_CONNECTIONS,
    DEFAULT_CONNECTIONS_PER_HOST,
    DEFAULT_RUN_TIMEOUT,
    DEFAULT_TIMEOUT,
    MAX_INPUT_BYTES,
)
from briefing.publish import DEFAULT_OUTPUTS, DEFAULT_PAGE_SIZE
from briefing.summarize import SummaryOptions

DEFAULT_TITLE = "Daily briefing"
DEFAULT_HIGHLIGHTS = 5
#: Sentences an item gets in a daily briefing, shared across its sections by ``auto`` (or
#: by their length, for the other algorithms): about a minute of reading, so that a day of
#: 30 items stays a short read. ``max_sentences`` in ``[summary]`` or a source overrides it.
DEFAULT_ITEM_SENTENCES = 5
DAILY_SUMMARY = SummaryOptions(max_sentences=DEFAULT_ITEM_SENTENCES)
MAX_KEEP_DAYS = 36_500

__all__ = ["DEFAULT_CONFIG", "Config", "ConfigError", "Source", "SummaryOverrides", "load_config"]


@dataclass(frozen=True)
class Source:
    """Where items come from: ``kind`` names a source kind (files, urls, feed, or a plugin's),
    and ``target`` is what its key says (a path or glob, URLs, a feed URL)."""

    name: str
    kind: str
    target: str | tuple[str, ...]
    max_items: int = setting(50, positive)
    interests: tuple[str, ...] = setting((), check_interests)
    follow_symlinks: bool = setting(False, help="read links to files outside the folder")
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
    keep_days: int | None = setting(None, between(1, MAX_KEEP_DAYS))
    highlights: int = setting(DEFAULT_HIGHLIGHTS, between(3, 7))
    timeout: float = setting(DEFAULT_TIMEOUT, between(0.1, 3600))
    max_bytes: int = setting(MAX_INPUT_BYTES, positive)
    run_timeout: float = setting(
        DEFAULT_RUN_TIMEOUT, positive, "seconds the run may spend reading its sources"
    )
    allow_private_addresses: bool = setting(
        False, help="let links from feeds and redirects reach loopback and private addresses"
    )
    max_connections: int = setting(DEFAULT_CONNECTIONS, between(1, 256), "requests at once")
    max_connections_per_host: int = setting(
        DEFAULT_CONNECTIONS_PER_HOST, between(1, 64), "requests at once to one host"
    )
    contact: str = setting("", check_contact, "URL in the User-Agent for site owners")
    respect_robots: bool = setting(False, help="ask robots.txt before fetching item pages")
    templates: Path | None = None
    interests: tuple[str, ...] = setting((), check_interests)
    stories: bool = setting(False, help="group items about the same event into stories")
    base_url: str = setting("", check_base_url)  # where output_dir is published (feed links)
    mail: MailSettings | None = None
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
_STRUCTURE = ("sources", "summary", "path", "mail")


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
    raw_mail, raw_summary = data.pop("mail", None), data.pop("summary", {})
    if not isinstance(raw_summary, dict):
        raise where.error("summary", "must be a table: [summary]")
    top_schema = {k: v for k, v in schema(Config).items() if k not in _STRUCTURE}
    summary_keys = list(schema(SummaryOverrides))
    # Summary options may also stand at the top level, as in earlier versions.
    for key in [k for k in data if k in summary_keys]:
        raw_summary.setdefault(key, data.pop(key))
    values = _fields(where, data, top_schema, [*top_schema, "summary", "sources", "mail"])
    base = path.parent
    for key in ("output_dir", "database", "templates"):
        if values.get(key) is not None:
            values[key] = under(base, values[key])
    values.setdefault("output_dir", under(base, "output"))
    _check_with(where, "formats", values, _formats)
    _check_with(where, "page_size", values, _page_size)
    _check_with(where, "templates", values, _templates)
    overrides = _summary(where, raw_summary, None)
    try:
        summary = overrides.apply(DAILY_SUMMARY)
    except UsageError as exc:
        raise where.error(_culprit(exc, raw_summary), str(exc)) from None
    values["mail"] = parse_mail(where, raw_mail, base)
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
    own = {k: v for k, v in schema(Source).items() if k not in ("kind", "target", "summary")}
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
        target = str(under(base, target))
    elif "follow_symlinks" in raw:
        raise where.error("follow_symlinks", "applies only to a 'path' source", index)
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
