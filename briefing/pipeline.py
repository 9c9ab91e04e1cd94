"""The one path from documents to files: read -> summarize -> assemble -> publish.

``briefing build`` and ``briefing run`` both go through here; a daily run only adds what
comes before (gathering new items from its sources) and after (remembering what was sent).
Each stage is a function over plain frozen data, so a caller can stop after any of them:
``summarize`` for one digest, ``make_briefing`` for a ``Briefing`` in memory,
``render_briefing`` for bytes, ``build`` for files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from briefing.assemble import DEFAULT_TITLE
from briefing.dates import check_date
from briefing.model import Briefing, Document, DocumentDigest, Story
from briefing.publish import DEFAULT_PAGE_SIZE
from briefing.publish.outputs import DEFAULT_OUTPUTS, check_outputs, render_outputs
from briefing.read import MAX_INPUT_BYTES, load
from briefing.summarize import DEFAULT_LANGUAGE, SummaryOptions, summarize_document


@dataclass(frozen=True)
class Entry:
    """A document on its way into a briefing, with how to summarise it and who carried it."""

    document: Document
    options: SummaryOptions
    #: Names of the sources that carried it (a daily run's feeds); shown with its digest.
    sources: tuple[str, ...] = ()
    #: Its publication date, when the document itself does not say.
    published: str = ""


# -- read --------------------------------------------------------------------------------


def read(source: str, format: str | None = None, max_bytes: int | None = None) -> Document:
    """Read a path, an http(s) URL or ``-`` (stdin) into a Document; the format follows the
    extension (or the content) unless given. Inputs over ``max_bytes`` are refused."""
    return load(source, format, max_bytes or MAX_INPUT_BYTES)


# -- summarize ---------------------------------------------------------------------------


def summarize(
    source: str | Document,
    options: SummaryOptions | None = None,
    *,
    format: str | None = None,
    max_input_bytes: int | None = None,
) -> DocumentDigest:
    """Summarise one document (a path, URL, ``-``, or a Document already read)."""
    document = source if isinstance(source, Document) else read(source, format, max_input_bytes)
    return summarize_document(document, options)


def summarize_entries(
    entries: Sequence[Entry],
    *,
    merge_duplicates: bool = False,
    jobs: int | None = 1,
    executor: str = "local",
    scheduler: str | None = None,
    on_failure: Callable[[list[int], str], None] | None = None,
    digests_of: Callable[..., list] | None = None,
) -> tuple[list[DocumentDigest], list[list[int]]]:
    """Digests of the entries, and which entries each digest stands for.

    With ``merge_duplicates``, near-copies (the same story syndicated with small edits) are
    summarised once, from the first of them, crediting every source that carried them.
    With ``on_failure``, an entry that cannot be summarised is left out and reported as
    ``on_failure(its group of entries, message)``; without it, the first failure is raised.
    ``digests_of(documents, options, keep_going=...)``, when given, makes the digests
    instead of ``summarize_many`` (a daily run's ``EarlySummaries``, which made some already).
    """
    from briefing.summarize.parallel import Failure, summarize_many

    if merge_duplicates:
        from briefing.assemble.dedup import group_near_duplicates

        groups = group_near_duplicates([_text(e.document) for e in entries])
    else:
        groups = [[i] for i in range(len(entries))]
    firsts = [entries[group[0]] for group in groups]
    documents, options = [e.document for e in firsts], [e.options for e in firsts]
    keep_going = on_failure is not None
    if digests_of is not None:
        digests = digests_of(documents, options, keep_going=keep_going)
    else:
        digests = summarize_many(
            documents,
            options,
            jobs=jobs,
            executor=executor,
            scheduler=scheduler,
            keep_going=keep_going,
        )
    for digest, group in zip(digests, groups):
        if isinstance(digest, Failure):
            on_failure(group, digest.message)
    kept = [(d, g) for d, g in zip(digests, groups) if not isinstance(d, Failure)]
    digests = [
        replace(
            digest,
            sources=tuple(dict.fromkeys(s for i in group for s in entries[i].sources)),
            date=digest.date or entries[group[0]].published,
        )
        for digest, group in kept
    ]
    return digests, [group for _, group in kept]


def _text(document: Document) -> str:
    return " ".join(p for section in document.sections for p in section.paragraphs)


# -- assemble ----------------------------------------------------------------------------


def assemble(
    digests: Sequence[DocumentDigest],
    *,
    title: str = DEFAULT_TITLE,
    date: str | None = None,
    highlights: int = 0,
    language: str = DEFAULT_LANGUAGE,
    note: str = "",
    stories: Sequence[Story] = (),
    documents: Sequence[Document] | None = None,
) -> Briefing:
    """The Briefing of these digests: with ``highlights`` > 0, "the day in brief" on top
    (one sentence per story when the digests are grouped into ``stories``).

    ``documents`` (one per digest) let the day in brief weigh all of the day's sentences.
    """
    picked = ()
    if highlights and digests:
        from briefing.summarize.language import get_language

        if stories:
            from briefing.assemble.storybuild import story_highlights

            picked = story_highlights(digests, stories, get_language(language), highlights)
        else:
            from briefing.assemble.highlights import day_in_brief

            picked = day_in_brief(digests, get_language(language), highlights, documents)
    return Briefing(title, check_date(date), tuple(digests), picked, note, stories=tuple(stories))


def make_briefing(
    sources: Iterable[str | Document],
    options: SummaryOptions | None = None,
    *,
    title: str = DEFAULT_TITLE,
    date: str | None = None,
    format: str | None = None,
    max_input_bytes: int | None = None,
    jobs: int | None = 1,
    executor: str = "local",
    scheduler: str | None = None,
    highlights: int = 0,
    merge_duplicates: bool = False,
    stories: bool = False,
) -> Briefing:
    """Read and summarise every source into one Briefing (nothing is written).

    ``jobs`` processes summarise in parallel (``None``: one per core); ``executor="dask"``
    sends the documents to the Dask scheduler at ``scheduler`` instead. With ``stories``,
    documents about the same event are grouped into one story with one summary.
    """
    from briefing.summarize.parallel import read_all

    date = check_date(date)
    options = options or SummaryOptions()
    sources = list(sources)
    told = None
    if not merge_duplicates and not highlights and not stories and executor == "local":
        # Workers read their own documents: reading HTML costs as much as summarising it.
        from briefing.summarize.parallel import summarize_many

        digests = summarize_many(
            sources, options, format=format, max_input_bytes=max_input_bytes, jobs=jobs
        )
        documents = None
    else:
        documents = read_all(sources, format, max_input_bytes)
        entries = [Entry(d, options) for d in documents]
        digests, groups = summarize_entries(
            entries,
            merge_duplicates=merge_duplicates,
            jobs=jobs,
            executor=executor,
            scheduler=scheduler,
        )
        documents = [documents[group[0]] for group in groups]
        if stories:
            from briefing.assemble.storybuild import tell_stories
            from briefing.summarize.language import get_language

            told = tell_stories(documents, digests, get_language(options.language))
            digests = [digests[i] for i in told.order]
            documents = [documents[i] for i in told.order]
    return assemble(
        digests,
        title=title,
        date=date,
        highlights=highlights,
        language=options.language,
        stories=told.stories if told else (),
        documents=documents,
    )


# -- publish -----------------------------------------------------------------------------


def render_briefing(
    briefing: Briefing,
    outputs: Iterable[str] = DEFAULT_OUTPUTS,
    *,
    templates: Path | None = None,
    page_size: str = DEFAULT_PAGE_SIZE,
) -> dict[str, bytes]:
    """Render a Briefing to the asked-for outputs in memory: ``{"md": b"...", ...}``."""
    return render_outputs(briefing, outputs, templates=templates, page_size=page_size)


def publish(
    briefing: Briefing,
    out_dir: str | Path,
    *,
    outputs: Iterable[str] = DEFAULT_OUTPUTS,
    templates: Path | None = None,
    page_size: str = DEFAULT_PAGE_SIZE,
    latest: bool = False,
) -> list[Path]:
    """Write ``out_dir/<date>/briefing.<ext>`` (and with ``latest``, ``out_dir/latest.<ext>``).

    Everything is rendered before anything is written, and each file is replaced in one
    rename, so a failure leaves the previous briefing of that date as it was. Returns the
    dated paths.
    """
    from briefing.publish.files import dated_path, latest_path
    from briefing.publish.write import write_all_atomic

    rendered = render_briefing(briefing, outputs, templates=templates, page_size=page_size)
    out_dir = Path(out_dir)
    files = {dated_path(out_dir, briefing.date, name): data for name, data in rendered.items()}
    dated = list(files)
    if latest:
        files.update({latest_path(out_dir, name): data for name, data in rendered.items()})
    write_all_atomic(files)
    return dated


def build(
    sources: Iterable[str | Document],
    options: SummaryOptions | None = None,
    *,
    out_dir: str | Path = "output",
    title: str = DEFAULT_TITLE,
    date: str | None = None,
    outputs: Iterable[str] = DEFAULT_OUTPUTS,
    templates: Path | None = None,
    page_size: str = DEFAULT_PAGE_SIZE,
    format: str | None = None,
    max_input_bytes: int | None = None,
    jobs: int | None = 1,
    executor: str = "local",
    scheduler: str | None = None,
    highlights: int = 0,
    merge_duplicates: bool = False,
    stories: bool = False,
) -> list[Path]:
    """Summarise ``sources`` and write ``out_dir/<date>/briefing.<ext>``; return the paths."""
    outputs = check_outputs(outputs)
    briefing = make_briefing(
        sources,
        options,
        title=title,
        date=date,
        format=format,
        max_input_bytes=max_input_bytes,
        jobs=jobs,
        executor=executor,
        scheduler=scheduler,
        highlights=highlights,
        merge_duplicates=merge_duplicates,
        stories=stories,
    )
    return publish(briefing, out_dir, outputs=outputs, templates=templates, page_size=page_size)
