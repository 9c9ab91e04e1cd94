"""A briefing's stories: the day's documents grouped by event, each group summarised once.

``tell_stories`` groups the documents (``stories``), matches each group against the stories
of earlier briefings (``storymatch``), summarises every story of two or more items, and
every story that continues an earlier one, across its items with the memory of what was
already sent (``multidoc``), and says in which order the digests are shown: each story's
items together, stories in the order of their first item. ``story_highlights`` makes "the
day in brief" take one sentence per story.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from briefing.assemble.multidoc import pick
from briefing.assemble.stories import DEFAULT_GROUPING, Grouping, StoryItem, group_stories
from briefing.assemble.storymatch import match, signatures
from briefing.model import Document, DocumentDigest, Highlight, SectionDigest, Story, StorySentence
from briefing.summarize.language import Language

#: Sentences in a story's summary: one more than it has items, at most this many.
MAX_STORY_SENTENCES = 5


@dataclass(frozen=True)
class Earlier:
    """A story of an earlier briefing: its key in the state, when it was first briefed,
    its latest signature, and every sentence the briefings sent of it."""

    key: int
    since: str
    signature: Mapping[str, float]
    sent: tuple[str, ...] = ()


@dataclass(frozen=True)
class Told:
    """What ``tell_stories`` found: the digests' order (original indices), the stories (their
    ``documents`` index that order), and for remembering them: each story's signature,
    the key of the earlier story it continues (or None), and the sentences it sent."""

    order: tuple[int, ...]
    stories: tuple[Story, ...]
    signatures: tuple[Mapping[str, float], ...]
    continues: tuple[int | None, ...]
    sent: tuple[tuple[str, ...], ...]


def tell_stories(
    documents: Sequence[Document],
    digests: Sequence[DocumentDigest],
    language: Language,
    *,
    dates: Sequence[str] = (),
    earlier: Sequence[Earlier] = (),
    grouping: Grouping = DEFAULT_GROUPING,
) -> Told:
    """Group, match and summarise; ``documents[i]`` is what ``digests[i]`` summarises."""
    from briefing.summarize.document import split_sentences

    dates = list(dates) or [d.date for d in digests]
    texts = [_text(d) for d in documents]
    items = [StoryItem(d.title, t, date) for d, t, date in zip(documents, texts, dates)]
    groups = group_stories(items, language, grouping)
    signs = signatures([f"{d.title}\n{t}" for d, t in zip(documents, texts)], groups, language)
    found = match(signs, [e.signature for e in earlier]) if earlier else [None] * len(groups)
    order = [i for group in groups for i in group]
    position = {original: shown for shown, original in enumerate(order)}
    stories, sent = [], []
    for group, j in zip(groups, found):
        before = earlier[j] if j is not None else None
        shown = tuple(position[i] for i in group)
        title = documents[group[0]].title
        picks = ()
        if len(group) > 1 or before:
            sentences = [
                [s for sec in documents[i].sections for s in split_sentences(sec, language)]
                for i in group
            ]
            count = min(MAX_STORY_SENTENCES, len(group) + 1)
            memory = before.sent if before else ()
            chosen = pick(sentences, [documents[i].title for i in group], language, count, memory)
            picks = tuple(StorySentence(p.sentence, shown[p.item]) for p in chosen)
            if chosen:
                title = documents[group[chosen[0].item]].title
        stories.append(
            Story(title or digests[group[0]].title, shown, picks, before.since if before else "")
        )
        folded = [s for i in group for section in digests[i].sections for s in section.sentences]
        sent.append(tuple(p.sentence for p in picks) + tuple(folded))
    return Told(
        tuple(order),
        tuple(stories),
        tuple(signs),
        tuple(earlier[j].key if j is not None else None for j in found),
        tuple(sent),
    )


def story_highlights(
    digests: Sequence[DocumentDigest], stories: Sequence[Story], language: Language, count: int
) -> tuple[Highlight, ...]:
    """ "The day in brief" with at most one sentence per story: a story of several items
    offers its summary's sentences, a single item its own picks."""
    from briefing.assemble.highlights import day_in_brief

    standins, sources = [], []
    for story in stories:
        if story.sentences:
            section = SectionDigest("", 0, tuple(s.sentence for s in story.sentences), 0)
            standin = replace(digests[story.documents[0]], title=story.title, sections=(section,))
            sources.append({s.sentence: s.document for s in story.sentences})
        else:
            standin = digests[story.documents[0]]
            sources.append({})
        standins.append(standin)
    picked = day_in_brief(standins, language, min(count, len(standins)))
    return tuple(
        Highlight(h.sentence, sources[h.document].get(h.sentence, stories[h.document].documents[0]))
        for h in picked
    )


def _text(document: Document) -> str:
    return "\n".join(p for section in document.sections for p in section.paragraphs)
