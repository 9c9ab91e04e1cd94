"""A briefing as one JSON object, and back: ``dataclasses.asdict`` of the model, so the
documented shape and the code cannot drift apart."""

from __future__ import annotations

import dataclasses
import functools
import json
import typing
from collections.abc import Callable

from briefing.errors import InputError
from briefing.model import Briefing


def briefing_json(briefing: Briefing) -> str:
    """The whole briefing (documents, sections, picks, highlights, failures, watch list)."""
    return json.dumps(dataclasses.asdict(briefing), ensure_ascii=False, indent=2) + "\n"


def briefing_from_json(text: str | bytes) -> Briefing:
    """The Briefing a ``briefing_json`` text stands for; keys it does not know are ignored,
    keys it lacks take their defaults (so older files still load)."""
    try:
        return _load(Briefing, json.loads(text))
    except (ValueError, TypeError, KeyError) as exc:
        raise InputError(f"not a briefing in JSON: {exc}") from None


def _load(kind, value):
    """``value`` (parsed JSON) as an instance of the type ``kind``, recursively."""
    return _loader(kind)(value)


@functools.cache
def _loader(kind) -> Callable[[object], object]:
    """What turns parsed JSON into a ``kind``, worked out once per type: an archive loads
    thousands of objects of a dozen classes at every run."""
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        fields = {f.name: hints[f.name] for f in dataclasses.fields(kind)}

        def load_dataclass(value):
            if not isinstance(value, dict):
                raise TypeError(f"expected an object for {kind.__name__}, got {value!r}")
            return kind(**{k: _loader(fields[k])(v) for k, v in value.items() if k in fields})

        return load_dataclass
    origin = typing.get_origin(kind)
    if origin is tuple:
        (item, *_) = typing.get_args(kind)

        def load_tuple(value):
            load = _loader(item)
            return tuple(load(v) for v in value)

        return load_tuple
    if kind in (str, int, float, bool) and origin is None:

        def load_plain(value):
            if not isinstance(value, kind):
                raise TypeError(f"expected {kind.__name__}, got {value!r}")
            return value

        return load_plain
    return _as_is  # unions (str | None), dicts, Any


def _as_is(value):
    return value
