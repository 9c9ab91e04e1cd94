"""A daily run's stories: today's items grouped by event and matched against the stories
of the last ``STORY_DAYS`` days, so that a continuing story is marked and says what is new.
"""

from __future__ import annotations

import datetime as dt

from briefing.daily.storystate import STORY_DAYS, records
from briefing.model import DocumentDigest


def tell(config, state, date: str, digests: list[DocumentDigest], groups: list[list]):
    """``(digests, groups, told)`` in the order shown, stories grouped (``told`` is None
    when the config does not ask for stories); ``state`` None (``--all``) remembers nothing."""
    if not config.stories or not digests:
        return digests, groups, None
    from briefing.assemble.storybuild import tell_stories
    from briefing.summarize.language import get_language

    since = (dt.date.fromisoformat(date) - dt.timedelta(days=STORY_DAYS)).isoformat()
    earlier = state.earlier_stories(since, date) if state else []
    told = tell_stories(
        [group[0].document for group in groups],
        digests,
        get_language(config.language),
        dates=[group[0].published or digest.date for group, digest in zip(groups, digests)],
        earlier=earlier,
    )
    return [digests[i] for i in told.order], [groups[i] for i in told.order], told


__all__ = ["records", "tell"]
