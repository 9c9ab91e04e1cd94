"""One registry shape for every extension point: built-in records plus entry-point plugins.

A reader, a summarizer, an output and a source kind are each one frozen record with a
``name``. The built-in ones are listed in their stage's module; a separate package adds
its own by declaring an entry point in the group of that extension point, e.g. in its
``pyproject.toml``::

    [project.entry-points."briefing.readers"]
    rst = "briefing_rst:READER"

The entry point names the record itself (or a function returning it). Plugins are looked
up only when a name is not built in or the whole list is asked for, so a command that uses
only built-ins never scans the installed packages.

Built-ins win: a plugin record that would take what a built-in one has (its name, or what
else selects it: a source kind's config key, an output's file extension, a reader's
extensions and media types) is left out, with a one-line warning naming the package it
comes from, so that installing a package never changes silently what a config or a file
name means. Between two plugins, the first found keeps it, and the second is named.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

from briefing.errors import UsageError

T = TypeVar("T")

log = logging.getLogger("briefing")

GROUPS = ("briefing.readers", "briefing.summarizers", "briefing.outputs", "briefing.sources")


class PluginError(UsageError):
    """An installed plugin could not be loaded or is not a record of its kind (exit 2)."""


class Registry(Generic[T]):
    """Records of one kind by name: the built-in ones first, then those of installed plugins."""

    def __init__(
        self,
        group: str,
        kind: type[T],
        builtins: tuple[T, ...],
        what: str,
        claims: Callable[[T], Iterable[str]] = lambda record: (),
    ):
        """``claims(record)`` describes what selects a record besides its name (such as
        ``"the key 'feed'"``): no two records may share one."""
        self.group = group
        self.kind = kind
        self.what = what
        self._claims = claims
        self._builtin = {record.name: record for record in builtins}
        self._plugins: dict[str, T] | None = None

    def __contains__(self, name: object) -> bool:
        return name in self._builtin or name in self.plugins()

    def __getitem__(self, name: str) -> T:
        record = self._builtin.get(name) or self.plugins().get(name)
        if record is None:
            raise UsageError(f"unknown {self.what} {name!r}; choose one of: {', '.join(self)}")
        return record

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())

    def __len__(self) -> int:
        return len(self.names())

    def get(self, name: str, default: T | None = None) -> T | None:
        return self._builtin.get(name) or self.plugins().get(name, default)

    def names(self) -> list[str]:
        return [*self._builtin, *(n for n in self.plugins() if n not in self._builtin)]

    def values(self) -> list[T]:
        return [self[name] for name in self.names()]

    def items(self) -> list[tuple[str, T]]:
        return [(name, self[name]) for name in self.names()]

    def find(self, accept: Callable[[T], bool]) -> T | None:
        """The first record ``accept`` takes, built-ins first: plugins are scanned only if
        no built-in is taken (so reading a ``.txt`` file never lists the installed packages)."""
        for record in self._builtin.values():
            if accept(record):
                return record
        for name, record in self.plugins().items():
            if name not in self._builtin and accept(record):
                return record
        return None

    def builtin_names(self) -> list[str]:
        return list(self._builtin)

    def plugins(self) -> dict[str, T]:
        """Records from installed packages' entry points (loaded once per process)."""
        if self._plugins is None:
            owners = {
                claim: f"the built-in {self.what} {record.name!r}"
                for record in self._builtin.values()
                for claim in self._all_claims(record)
            }
            found: dict[str, T] = {}  # kept only once every plugin has loaded
            for package, record in _load_group(self.group, self.kind):
                try:
                    claims = self._all_claims(record)
                except Exception as exc:  # a malformed record is named, not a traceback
                    raise PluginError(
                        f"plugin {self.what} {getattr(record, 'name', '?')!r} of {package} is "
                        f"malformed: {exc.__class__.__name__}: {exc}"
                    ) from None
                taken = next((claim for claim in claims if claim in owners), None)
                if taken is None:
                    found[record.name] = record
                    owners.update(
                        (c, f"the {self.what} {record.name!r} of {package}") for c in claims
                    )
                    continue
                log.warning(
                    "plugin %s %r of %s left out: %s already belongs to %s (built-ins win, then "
                    "the first plugin found); uninstall %s or ask its author to change it",
                    self.what, record.name, package, taken, owners[taken], package.split()[0],
                )  # fmt: skip
            self._plugins = found
        return self._plugins

    def _all_claims(self, record: T) -> list[str]:
        return [f"the name {record.name!r}", *self._claims(record)]

    def refresh(self) -> None:
        """Forget the plugins found so far (after installing one in a running process)."""
        self._plugins = None


def _load_group(group: str, kind: type) -> Iterator[tuple[str, object]]:
    """Each entry point's record, with the package it comes from (``name version``)."""
    from importlib.metadata import entry_points

    for entry in entry_points(group=group):
        dist = entry.dist
        named = dist is not None and dist.name
        package = f"{dist.name} {dist.version}" if named else entry.value.split(":")[0]
        try:
            record = entry.load()
            if not isinstance(record, kind) and isinstance(record, Callable):
                record = record()
        except Exception as exc:  # a broken plugin is named, not a traceback
            raise PluginError(
                f"plugin {entry.name!r} ({entry.value}) in {group} failed to load: "
                f"{exc.__class__.__name__}: {exc}"
            ) from None
        if not isinstance(record, kind):
            raise PluginError(
                f"plugin {entry.name!r} ({entry.value}) in {group} is not a {kind.__name__}"
            )
        yield package, record
