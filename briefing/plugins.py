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
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from briefing.errors import UsageError

T = TypeVar("T")

GROUPS = ("briefing.readers", "briefing.summarizers", "briefing.outputs", "briefing.sources")


class PluginError(UsageError):
    """An installed plugin could not be loaded or is not a record of its kind (exit 2)."""


class Registry(Generic[T]):
    """Records of one kind by name: the built-in ones first, then those of installed plugins."""

    def __init__(self, group: str, kind: type[T], builtins: tuple[T, ...], what: str):
        self.group = group
        self.kind = kind
        self.what = what
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
            self._plugins = {}
            for record in _load_group(self.group, self.kind):
                self._plugins.setdefault(record.name, record)
        return self._plugins

    def refresh(self) -> None:
        """Forget the plugins found so far (after installing one in a running process)."""
        self._plugins = None


def _load_group(group: str, kind: type) -> Iterator:
    from importlib.metadata import entry_points

    for entry in entry_points(group=group):
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
        yield record
