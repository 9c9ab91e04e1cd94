"""The library API: everything the command line does, callable from Python."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from pathlib import Path

from .errors import UsageError
from .model import Briefing, Document, DocumentDigest
from .summarizers import SummaryOptions, summarize_document

OUTPUTS = ("md", "html", "pdf")
DEFAULT_TITLE = "Briefing"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def read(source: str, format: str | None = None, max_bytes: int | None = None) -> Document:
    """Read a path, an http(s) URL or ``-`` (stdin) into a Document; the format follows the
    extension unless given. Inputs over ``max_bytes`` (default 20 MB) are refused."""
    from .readers import MAX_INPUT_BYTES, load

    return load(source, format, max_bytes or MAX_INPUT_BYTES)


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
) -> Briefing:
    """Read and summarise every source into one Briefing (nothing is written).

    ``jobs`` processes summarise in parallel (``None``: one per core); ``executor="dask"``
    sends the documents to the Dask scheduler at ``scheduler`` instead.
    """
    from .executors import summarize_many

    date = check_date(date)
    digests = summarize_many(
        list(sources),
        options or SummaryOptions(),
        format=format,
        max_input_bytes=max_input_bytes,
        jobs=jobs,
        executor=executor,
        scheduler=scheduler,
    )
    return Briefing(title=title, date=date, documents=tuple(digests))


def render_briefing(
    briefing: Briefing,
    outputs: Iterable[str] = OUTPUTS,
    *,
    templates: Path | None = None,
    page_size: str = "A4",
) -> dict[str, bytes]:
    """Render a Briefing to the asked-for outputs in memory: ``{"md": b"...", ...}``."""
    from .compose import compose_markdown

    outputs = check_outputs(outputs)
    markdown_text = compose_markdown(briefing, templates)
    rendered = {"md": markdown_text.encode("utf-8")}
    if "html" in outputs or "pdf" in outputs:
        from .render import html_to_pdf, markdown_to_html

        html = markdown_to_html(markdown_text, briefing, templates)
        rendered["html"] = html.encode("utf-8")
        if "pdf" in outputs:
            rendered["pdf"] = html_to_pdf(html, page_size)
    return {kind: rendered[kind] for kind in outputs}


def build(
    sources: Iterable[str | Document],
    options: SummaryOptions | None = None,
    *,
    out_dir: str | Path = "output",
    title: str = DEFAULT_TITLE,
    date: str | None = None,
    outputs: Iterable[str] = OUTPUTS,
    templates: Path | None = None,
    page_size: str = "A4",
    format: str | None = None,
    max_input_bytes: int | None = None,
    jobs: int | None = 1,
    executor: str = "local",
    scheduler: str | None = None,
) -> list[Path]:
    """Summarise ``sources`` and write ``out_dir/<date>/briefing.<ext>``; return the paths.

    Everything is rendered before anything is written, and each file is replaced in one
    rename, so a failure leaves the previous briefing of that date as it was.
    """
    from .write import write_all_atomic

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
    )
    rendered = render_briefing(briefing, outputs, templates=templates, page_size=page_size)
    folder = Path(out_dir) / briefing.date
    files = {folder / f"briefing.{kind}": data for kind, data in rendered.items()}
    write_all_atomic(files)
    return list(files)


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


def check_outputs(outputs: Iterable[str]) -> tuple[str, ...]:
    """Validate output kinds (``md``, ``html``, ``pdf``), keeping their canonical order."""
    wanted = {o.strip().lower() for o in outputs if o.strip()}
    unknown = wanted - set(OUTPUTS)
    if unknown or not wanted:
        raise UsageError(
            f"unknown output {', '.join(sorted(unknown)) or '(none)'}; choose from: {', '.join(OUTPUTS)}"
        )
    return tuple(o for o in OUTPUTS if o in wanted)
