"""A briefing's date: today, or a real ``YYYY-MM-DD`` date given by the user."""

from __future__ import annotations

import datetime as _dt
import re

from briefing.errors import UsageError

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_date(date: str | None) -> str:
    """Today's date, or ``date`` if it is a real YYYY-MM-DD date."""
    if date is None:
        return _dt.date.today().isoformat()
    try:
        if not _DATE.match(date):
            raise ValueError
        return _dt.date.fromisoformat(date).isoformat()
    except ValueError:
        raise UsageError(f"invalid date {date!r}; use YYYY-MM-DD") from None
