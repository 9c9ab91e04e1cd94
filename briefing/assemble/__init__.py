"""Assembling a day's digests into one briefing: near-duplicates merged, "the day in brief"."""

#: The title of a briefing made without one (here so that the CLI's help needs no more).
DEFAULT_TITLE = "Briefing"
