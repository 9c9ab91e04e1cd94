"""Assembling a day's digests into one briefing: near-duplicates merged, "the day in brief"."""
