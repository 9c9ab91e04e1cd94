"""A briefing as one JSON object, and back: ``dataclasses.asdict`` of the model, so the
documented shape and the code cannot drift apart."""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing

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
    if dataclasses.is_dataclass(kind):
        if not isinstance(value, dict):
            raise TypeError(f"expected an object for {kind.__name__}, got {value!r}")
        hints = _fields(kind)
        return kind(**{k: _load(hints[k], v) for k, v in value.items() if k in hints})
    origin = typing.get_origin(kind)
    if origin is tuple:
        (item, *_) = typing.get_args(kind)
        return tuple(_load(item, v) for v in value)
    if origin in (typing.Union, types.UnionType):
        return value
    if kind in (str, int, float, bool) and not isinstance(value, kind):
        raise TypeError(f"expected {kind.__name__}, got {value!r}")
    return value


@functools.cache
def _fields(kind) -> dict:
    """A dataclass's field names and their types (evaluating the annotations is the slow
    part of loading, and an archive loads thousands of objects of a dozen classes)."""
    hints = typing.get_type_hints(kind)
    return {f.name: hints[f.name] for f in dataclasses.fields(kind)}
