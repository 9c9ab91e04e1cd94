"""The source-kind registry: what a ``[[sources]]`` table can point at, and how it is read.

Each kind is selected by its key in the table (``path = ...``, ``urls = [...]``,
``feed = ...``). A package adds a kind with an entry point in the group
``briefing.sources`` naming a ``SourceKind``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from briefing.plugins import Registry


def _any(target):
    return target


def _http_urls(target):
    from briefing.fetch.http import is_url

    urls = (target,) if isinstance(target, str) else target
    bad = [u for u in urls if not is_url(u)]
    if bad or not urls:
        raise ValueError(f"must be http(s) URLs, not {bad[0] if bad else 'an empty list'!r}")
    return target


@dataclass(frozen=True)
class SourceKind:
    """A kind of source.

    ``items(source, context)`` yields the source's new items (``briefing.daily.sources.Item``),
    reporting failed items through ``context.failed``; it raises a ``BriefingError`` when the
    whole source fails. ``target_type`` is the TOML type of the key's value (``str`` or
    ``tuple[str, ...]``), ``is_path`` makes it relative to the config file, and ``check``
    refuses a bad value at load with a ``ValueError``.
    """

    name: str
    key: str
    summary: str
    items: Callable
    target_type: object = str
    is_path: bool = False
    check: Callable = field(default=_any)


def _files(source, context):
    from briefing.daily.files import file_items

    return file_items(source, context)


def _urls(source, context):
    from briefing.daily.sources import url_items

    return url_items(source, context)


def _feed(source, context):
    from briefing.daily.sources import feed_items

    return feed_items(source, context)


_BUILTIN = (
    SourceKind(
        "files", "path", "a folder or glob of .txt, .md and .html files", _files, is_path=True
    ),
    SourceKind("urls", "urls", "a list of web pages", _urls, tuple[str, ...], check=_http_urls),
    SourceKind(
        "feed", "feed", "an RSS or Atom feed; each item's page is read", _feed, check=_http_urls
    ),
)

SOURCE_KINDS: Registry[SourceKind] = Registry(
    "briefing.sources",
    SourceKind,
    _BUILTIN,
    "source kind",
    claims=lambda kind: (f"the key {kind.key!r}",),
)
