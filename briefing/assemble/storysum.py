"""One summary per story: the key sentences across its items, each from the item it names.

The shared multi-document picker (``multidoc``, also behind "the day in brief") with the
story's weights; ``memory`` holds what earlier briefings sent of a continuing story, so
the summary prefers what is new. Measured in docs/stories.md ("Story summaries").
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.assemble.multidoc import DEFAULT_SETTINGS, Pick, PickSettings, pick
from briefing.summarize.language import Language

#: The story summary's weights are the shared picker's (``bench/stories.py choose-summary``).
StorySettings = PickSettings

__all__ = ["DEFAULT_SETTINGS", "Pick", "StorySettings", "summarize_story"]


def summarize_story(
    items: Sequence[Sequence[str]],
    titles: Sequence[str],
    language: Language,
    count: int,
    memory: Sequence[str] = (),
    settings: PickSettings = DEFAULT_SETTINGS,
) -> list[Pick]:
    """``count`` sentences across ``items`` (each a list of its sentences, in order), in
    order of importance; sentences in ``memory`` (already sent) count against a candidate."""
    return pick(items, titles, language, count, memory, settings)
