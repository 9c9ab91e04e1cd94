""" "The day in brief": the few sentences that matter most across a day's items.

The shared multi-document picker (``multidoc``, also behind a story's summary) over every
sentence of the day's items (or, without the documents, over the items' picks), with the
reader-facing rules of a line read at the top of the briefing, out of its item:

- a whole sentence: 5 to 60 words, ending in ``.``, ``!`` or ``?``, no caption or "Scroll
  down" line;
- it reads alone: it does not lean on the sentence before ("However, ...", "She said ...");
- lifting it out leaves its item readable: a sentence the item's summary kept is not a
  highlight when the item's next pick leans on it (the item does not repeat its highlights
  word for word, it says its key point is above);
- one item each before any item has a second.

The highlights are shown item by item, in the order the items were first picked, each
item's in its own order. A day of one item has no day in brief: the item itself follows.
Measured in docs/quality.md ("The day in brief").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from briefing.assemble.multidoc import DEFAULT_SETTINGS, PickSettings, pick
from briefing.model import Document, DocumentDigest, Highlight
from briefing.summarize.auto import is_fragment
from briefing.summarize.coherence import leans_back
from briefing.summarize.language import Language

#: The story summary's weights, but for two, chosen on the development halves
#: (``bench/daybrief.py choose``, docs/quality.md). ``title`` 0: a day's items are about
#: different events, so their titles pooled name no one point (a story's titles do).
#: ``min_words`` 12: a highlight is read alone, out of its item; a short sentence leans on
#: its context more often (on the development halves, both together: +0.4 and +0.6 R1).
BRIEF_SETTINGS = replace(DEFAULT_SETTINGS, title=0.0, min_words=12)
#: A highlight is read at a glance; longer "sentences" are mostly captions run into the text.
MAX_WORDS = 60
#: A highlight is a whole sentence: it ends in terminal punctuation (closing quotes allowed).
_ENDS_A_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*$")


def day_in_brief(
    digests: Sequence[DocumentDigest],
    language: Language,
    count: int = 5,
    documents: Sequence[Document] | None = None,
    settings: PickSettings = BRIEF_SETTINGS,
) -> tuple[Highlight, ...]:
    """Pick ``count`` highlights across the digests: the items by importance, each item's
    highlights together and in document order.

    ``documents`` (one per digest, in the same order) let the picker weigh and offer every
    sentence of the day, not only the picks; without them the picks stand for their items.
    """
    from briefing.summarize.document import split_sentences

    if len(digests) < 2:
        return ()
    pools: list[list[str]] = []
    allowed: list[list[bool]] = []
    for index, digest in enumerate(digests):
        picks = [s for section in digest.sections for s in section.sentences]
        every = (
            [s for sec in documents[index].sections for s in split_sentences(sec, language)]
            if documents is not None
            else []
        )
        known = set(every)
        pool = every + [s for s in dict.fromkeys(picks) if s not in known]
        leaned_on = {
            s
            for section in digest.sections
            for s, after in zip(section.sentences, section.sentences[1:])
            if leans_back(after)
        }
        pools.append(pool)
        allowed.append([reads_alone(s) and s not in leaned_on for s in pool])
    titles = [d.title for d in digests]
    chosen = pick(pools, titles, language, count, settings=settings, allowed=allowed)
    # Items in the order they were first picked; an item's highlights together, in its order.
    first: dict[int, int] = {}
    for p in chosen:
        first.setdefault(p.item, len(first))
    place = {(k, s): i for k, pool in enumerate(pools) for i, s in reversed(list(enumerate(pool)))}
    chosen.sort(key=lambda p: (first[p.item], place[(p.item, p.sentence)]))
    return tuple(Highlight(p.sentence, p.item) for p in chosen)


def reads_alone(sentence: str) -> bool:
    """Whether a sentence can be a highlight: whole, short enough to read at a glance, not
    a caption, not leaning on the sentence before."""
    return bool(
        _ENDS_A_SENTENCE.search(sentence)
        and not is_fragment(sentence)
        and len(sentence.split()) <= MAX_WORDS
        and not leans_back(sentence)
    )
