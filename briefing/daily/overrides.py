"""Summary options that a config's ``[summary]`` table, a source or a command-line flag sets,
each over the level above it."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from briefing.summarize import SummaryOptions


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
