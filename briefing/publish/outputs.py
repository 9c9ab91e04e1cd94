"""The output registry: each kind of file a briefing can be published as, and how it is made.

Renderings build on each other (Markdown -> HTML -> PDF), so each is made at most once per
briefing, and only when an output asks for it. A package adds an output with an entry
point in the group ``briefing.outputs`` naming an ``Output``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from briefing.errors import UsageError
from briefing.model import Briefing
from briefing.plugins import Registry
from briefing.publish import DEFAULT_OUTPUTS, DEFAULT_PAGE_SIZE


class Rendering:
    """One briefing's renderings, each made on first use: what every ``Output`` reads."""

    def __init__(
        self, briefing: Briefing, templates: Path | None = None, page_size: str = DEFAULT_PAGE_SIZE
    ):
        self.briefing = briefing
        self.templates = templates
        self.page_size = page_size

    @cached_property
    def markdown(self) -> str:
        from briefing.compose.markdown import compose_markdown

        return compose_markdown(self.briefing, self.templates)

    @cached_property
    def html(self) -> str:
        from briefing.compose.html import markdown_to_html

        return markdown_to_html(self.markdown, self.briefing, self.templates)

    @cached_property
    def pdf(self) -> bytes:
        from briefing.compose.pdf import html_to_pdf

        return html_to_pdf(self.html, self.page_size)


@dataclass(frozen=True)
class Output:
    """A kind of file: its name (as in ``--to`` and ``formats``), extension and maker."""

    name: str
    extension: str
    summary: str
    render: Callable[[Rendering], bytes]


def _json(rendering: Rendering) -> bytes:
    from briefing.compose.json import briefing_json

    return briefing_json(rendering.briefing).encode("utf-8")


_BUILTIN = (
    Output("md", "md", "the briefing as Markdown", lambda r: r.markdown.encode("utf-8")),
    Output("html", "html", "one self-contained HTML page", lambda r: r.html.encode("utf-8")),
    Output("pdf", "pdf", "a PDF with bookmarks and page numbers", lambda r: r.pdf),
    Output("json", "json", "the whole briefing as one JSON object, for scripts", _json),
)

OUTPUTS: Registry[Output] = Registry(
    "briefing.outputs",
    Output,
    _BUILTIN,
    "output",
    claims=lambda output: (f"the file extension .{output.extension}",),
)


def check_outputs(outputs: Iterable[str]) -> tuple[str, ...]:
    """Validate output names, without repeats; built-in ones in their canonical order first."""
    wanted = list(dict.fromkeys(o.strip().lower() for o in outputs if o.strip()))
    unknown = [o for o in wanted if o not in OUTPUTS]
    if unknown or not wanted:
        raise UsageError(
            f"unknown output {', '.join(unknown) or '(none)'}; choose from: {', '.join(OUTPUTS)}"
        )
    return tuple(o for o in OUTPUTS.names() if o in wanted)


def render_outputs(
    briefing: Briefing,
    outputs: Iterable[str] = DEFAULT_OUTPUTS,
    *,
    templates: Path | None = None,
    page_size: str = DEFAULT_PAGE_SIZE,
) -> dict[str, bytes]:
    """Render a Briefing to the asked-for outputs in memory: ``{"md": b"...", ...}``."""
    from briefing.compose.pdf import page_size_css

    page_size_css(page_size)  # a bad size fails before anything is rendered
    rendering = Rendering(briefing, templates, page_size)
    return {name: OUTPUTS[name].render(rendering) for name in check_outputs(outputs)}
