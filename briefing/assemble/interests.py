"""Interests: the words and phrases a reader follows (``interests = ["tariffs", "north quay"]``).

An item mentions an interest when its title or text holds the phrase as whole words, in
any case and across line breaks. Such items come first within their source, and the
briefing lists each mention, "on your watch list", with the first sentence that has it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from briefing.model import Document, WatchMatch


@lru_cache(maxsize=256)
def pattern(interest: str) -> re.Pattern:
    """``north quay`` matches "North Quay" and "north\\nquay", not "northern quays"."""
    words = r"\s+".join(re.escape(word) for word in interest.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def _text(document: Document) -> str:
    return "\n".join(p for s in document.sections for p in (s.heading, *s.paragraphs))


def mentions(document: Document, interests: Sequence[str]) -> tuple[str, ...]:
    """The interests that ``document`` mentions, in the order given."""
    text = f"{document.title}\n{_text(document)}"
    return tuple(i for i in interests if i.strip() and pattern(i).search(text))


def watch_list(
    documents: Sequence[Document], interests: Sequence[Sequence[str]], language: str
) -> tuple[WatchMatch, ...]:
    """Each (interest, document) mention, interest by interest in the order first given;
    ``interests[i]`` are those followed for ``documents[i]``. The sentence is the first
    one of the document that has the phrase (its title if only the title has it)."""
    from briefing.summarize.document import split_sentences
    from briefing.summarize.language import get_language

    order = list(dict.fromkeys(i for wanted in interests for i in wanted if i.strip()))
    found = {
        index: mentions(document, wanted)
        for index, (document, wanted) in enumerate(zip(documents, interests))
    }
    matches = []
    tools = None
    for interest in order:
        for index, document in enumerate(documents):
            if interest not in found[index]:
                continue
            tools = tools or get_language(language)
            sentences = (
                s for section in document.sections for s in split_sentences(section, tools)
            )
            sentence = next((s for s in sentences if pattern(interest).search(s)), document.title)
            matches.append(WatchMatch(interest, " ".join(sentence.split()), index))
    return tuple(matches)
