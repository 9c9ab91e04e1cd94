"""Briefing -> Markdown through Jinja2 templates that a user can override one by one, by name.

In ``briefing.md.j2`` every ``{{ value }}`` is escaped for Markdown on output (the way HTML
templates autoescape), so text from documents can never become markup; ``|safe`` marks
what the template itself means as markup. ``page.html.j2`` uses Jinja's HTML autoescaping.
"""

from __future__ import annotations

import os
import re
import traceback
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote, urlsplit

from briefing.errors import RenderError, UsageError
from briefing.model import Briefing, DocumentDigest, SectionDigest

MARKDOWN_TEMPLATE = "briefing.md.j2"

#: Control characters (C0, DEL and C1: ESC and CSI start terminal escape sequences).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_ALWAYS = re.compile(r"([\\`*\[\]])")
# "_" emphasises only at a word's edge; inside snake_case_words it is plain text.
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
# A "<" opens a tag, comment or autolink only when something other than a space follows.
_TAG_OPEN = re.compile(r"<(?=\S)")
# What starts a block when it opens a line: heading, quote, list item, rule.
_LEADING = re.compile(r"^(?:[#>+-]|(\d+)(?=[.)](?:\s|$)))")
_TRAILING_HASHES = re.compile(r"#+$")


def templates_dirs(override: Path | None) -> list[Path]:
    """Where templates are looked up by name: ``override`` first, then the built-in ones."""
    dirs = []
    if override is not None:
        override = Path(override)
        if not override.is_dir():
            raise UsageError(f"templates folder {override} not found; give a folder of templates")
        dirs.append(override)
    package = Path(__file__).parent.parent
    packaged = package / "templates"  # installed from a wheel
    dirs.append(packaged if packaged.is_dir() else package.parent / "templates")
    return dirs


def compose_markdown(briefing: Briefing, templates: Path | None = None) -> str:
    """The briefing as Markdown, from ``briefing.md.j2``."""
    return render_template(MARKDOWN_TEMPLATE, templates, briefing=briefing)


def escape_markdown(text: object) -> str:
    """``text`` as Markdown that shows exactly that text, on one line, and nothing else.

    Whitespace (line breaks too) collapses to single spaces. Only what could start markup
    is escaped, so the ``.md`` file stays readable: ``R&D`` and ``3.5`` are left alone.
    """
    text = " ".join(_CONTROL.sub("", str(text)).split())
    text = _ENTITY.sub("&amp;", text)
    text = _TAG_OPEN.sub("&lt;", text)
    text = _UNDERSCORE.sub(r"\\_", _ALWAYS.sub(r"\\\1", text))
    text = _TRAILING_HASHES.sub(lambda m: "\\#" * len(m[0]), text)
    return _LEADING.sub(lambda m: m[1] + "\\" if m[1] else "\\" + m[0], text)


def markdown_link(text: str, url: str) -> str:
    """``[text](url)`` when ``url`` is an http(s) URL, else just the escaped text."""
    parts = urlsplit(url.strip()) if url else None
    if not parts or parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return escape_markdown(text)
    href = quote(url.strip(), safe="-.~:/?#@!$&+,;=%")
    return f"[{escape_markdown(text) or escape_markdown(url)}]({href})"


def long_date(date: str, today: str = "") -> str:
    """``2026-11-24`` as "24 November" (with the year when it is not ``today``'s year)."""
    import datetime as dt

    try:
        day = dt.date.fromisoformat(date)
    except (TypeError, ValueError):
        return date
    month = (
        "January February March April May June July August September October November December"
    ).split()[day.month - 1]
    same_year = today[:4] == date[:4]
    return f"{day.day} {month}" if same_year else f"{day.day} {month} {day.year}"


def heading_level(section: SectionDigest, document: DocumentDigest) -> int:
    """HTML heading level of a section: 3 for the document's top level, down to 6."""
    base = min((s.level for s in document.sections if s.heading), default=section.level)
    return max(3, min(6, 3 + section.level - base))


def story_layout(briefing: Briefing) -> tuple[dict, dict]:
    """Where each shown story goes: ``(first document index -> story, document index ->
    its story)`` for stories of several items or continuing an earlier day's."""
    story_at, folded = {}, {}
    for story in briefing.stories:
        if len(story.documents) > 1 or story.since:
            story_at[story.documents[0]] = story
            folded.update(dict.fromkeys(story.documents, story))
    return story_at, folded


def environment(templates: Path | None, *, html: bool):
    """A Jinja2 environment over the template search path, set up for Markdown or HTML.

    One is kept per folder and what the folder holds: it keeps its compiled templates,
    reloading any that changed, and a template added to the folder makes a new one."""
    listing = ()
    if templates is not None:
        try:
            listing = tuple(sorted(os.listdir(templates)))
        except OSError:
            pass  # templates_dirs says what is wrong with the folder
    return _environment(templates, html, listing)


@lru_cache(maxsize=8)
def _environment(templates: Path | None, html: bool, listing: tuple[str, ...]):
    import jinja2
    from markupsafe import Markup

    def finalize(value):
        if isinstance(value, Markup) or html:
            return value
        return escape_markdown(value)

    from jinja2.sandbox import ImmutableSandboxedEnvironment

    # Templates are code from a folder the operator names: the sandbox keeps them to
    # reading the briefing (no attributes such as __globals__, no mutating methods).
    env = ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader([str(d) for d in templates_dirs(templates)]),
        undefined=jinja2.StrictUndefined,
        autoescape=html,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["at"] = lambda indices, items: [items[i] for i in indices]
    env.filters["md"] = lambda value: Markup(escape_markdown(value))
    env.filters["long_date"] = long_date
    env.globals.update(
        story_layout=story_layout,
        link=lambda text, url: Markup(markdown_link(text, url)),
        heading_level=heading_level,
        hashes=lambda n: Markup("#" * n),
    )
    return env


def render_template(name: str, templates: Path | None, *, html: bool = False, **context) -> str:
    """Render template ``name``; any template error becomes a one-line RenderError."""
    import jinja2

    env = environment(templates, html=html)
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateNotFound as exc:
        where = ", ".join(str(d) for d in templates_dirs(templates))
        raise RenderError(f"template {exc.name} not found in {where}") from None
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(
            f"template {exc.name or name}, line {exc.lineno}: {exc.message}"
        ) from None
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError, LookupError) as exc:
        raise RenderError(f"template {_where(exc, templates, name)}: {exc}") from None


def load_templates(templates: Path | None, names: dict[str, bool]) -> None:
    """Compile templates (``{name: html}``) before they are needed: a daily run does it
    while it waits for pages. A template that fails is left for rendering to report."""
    import jinja2

    for name, html in names.items():
        try:
            environment(templates, html=html).get_template(name)
        except (jinja2.TemplateError, UsageError, OSError):
            continue  # rendering it raises the one-line RenderError


def source_of(name: str, templates: Path | None) -> str:
    """The text of a non-template asset (``briefing.css``) found on the template search path."""
    for folder in templates_dirs(templates):
        path = folder / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise RenderError(f"{name} not found in {', '.join(str(d) for d in templates_dirs(templates))}")


def _where(exc: BaseException, templates: Path | None, name: str) -> str:
    """``"<template>, line N"`` of the deepest template frame in the traceback.

    Jinja rewrites tracebacks so that a template's frames carry its file name and line.
    """
    folders = [str(d) for d in templates_dirs(templates)]
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.startswith(tuple(folders)) and frame.lineno:
            return f"{Path(frame.filename).name}, line {frame.lineno}"
    return name
