"""Plain, frozen data that flows between the stages: read -> summarize -> assemble -> compose."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Section:
    """A heading and the text under it, as read from a document.

    ``heading`` is ``""`` for the lede (the text before the first heading).
    ``level`` is the heading's depth in the source (1 for ``#``/``h1``); the lede has 0.
    ``paragraphs`` are blocks of running text; a sentence never crosses two of them,
    so a heading can never be glued to the sentence after it.
    """

    heading: str
    level: int
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Document:
    """A document as a reader understood it: its title, where it came from, its sections."""

    title: str
    source: str
    format: str
    sections: tuple[Section, ...]
    author: str = ""
    date: str = ""
    site: str = ""


@dataclass(frozen=True)
class SectionDigest:
    """The sentences picked from one section, in document order."""

    heading: str
    level: int
    sentences: tuple[str, ...]
    total_sentences: int


@dataclass(frozen=True)
class DocumentDigest:
    """A summarised document: what the JSON output and the templates receive per document."""

    title: str
    source: str
    format: str
    algorithm: str
    language: str
    sections: tuple[SectionDigest, ...]
    author: str = ""
    date: str = ""
    site: str = ""
    #: Words in all the document's sentences, for the reading time a briefing saves.
    total_words: int = 0
    #: Where a reader can open the original (a URL, or a file path); "" when unknown.
    link: str = ""
    #: Names of the sources it came from (a daily run lists every feed that carried it).
    sources: tuple[str, ...] = ()
    #: When it is an update (its file or page changed since it was briefed): the date of
    #: that earlier briefing; else "".
    updated_since: str = ""

    @property
    def kept_words(self) -> int:
        return sum(len(s.split()) for section in self.sections for s in section.sentences)

    @property
    def minutes_saved(self) -> int:
        """Reading time saved at 230 words a minute, rounded to whole minutes."""
        return max(0, round((self.total_words - self.kept_words) / 230))

    @property
    def kept_sentences(self) -> int:
        return sum(len(s.sentences) for s in self.sections)

    @property
    def total_sentences(self) -> int:
        return sum(s.total_sentences for s in self.sections)


@dataclass(frozen=True)
class Highlight:
    """One of "the day in brief" sentences, and which document (by index) it comes from."""

    sentence: str
    document: int


@dataclass(frozen=True)
class Failure:
    """A source (or one of its items) that could not be read today, and why, in one line."""

    source: str
    reason: str


@dataclass(frozen=True)
class WatchMatch:
    """An interest (a word or phrase the reader follows) found in a document (by index),
    with the first sentence of the document that mentions it."""

    interest: str
    sentence: str
    document: int


@dataclass(frozen=True)
class StorySentence:
    """A sentence of a story's summary and the document (by index) it is quoted from."""

    sentence: str
    document: int


@dataclass(frozen=True)
class Story:
    """Items about one event, grouped: their documents (by index, in the order shown), the
    story's own summary across them, and, when it continues a story of an earlier
    briefing, the date that story was first briefed (``since``)."""

    title: str
    documents: tuple[int, ...]
    sentences: tuple[StorySentence, ...] = ()
    since: str = ""


@dataclass(frozen=True)
class Briefing:
    """Everything a briefing shows: its title and date and one digest per document.

    ``highlights`` are the day's most important sentences across documents (daily runs);
    ``note`` is a line shown when there is something to say instead, such as "nothing new";
    ``failures`` are the sources that failed today; ``watch`` is "on your watch list";
    ``stories`` group the documents by event (when asked for), every document in one story.
    """

    title: str
    date: str
    documents: tuple[DocumentDigest, ...] = field(default_factory=tuple)
    highlights: tuple[Highlight, ...] = ()
    note: str = ""
    failures: tuple[Failure, ...] = ()
    watch: tuple[WatchMatch, ...] = ()
    stories: tuple[Story, ...] = ()
