"""Markdown -> one self-contained HTML page, its stylesheet inlined so it needs nothing else."""

from __future__ import annotations

from pathlib import Path

from briefing.compose.markdown import render_template, source_of
from briefing.model import Briefing

PAGE_TEMPLATE = "page.html.j2"
STYLESHEET = "briefing.css"
#: ``toc`` gives every heading an id; ``sane_lists`` keeps bullet and numbered lists apart;
#: ``md_in_html`` reads the Markdown inside a story's ``<details markdown="1">``.
MARKDOWN_EXTENSIONS = ("toc", "sane_lists", "md_in_html")

_LANGUAGE_CODES = {
    "czech": "cs",
    "english": "en",
    "french": "fr",
    "german": "de",
    "italian": "it",
    "portuguese": "pt",
    "spanish": "es",
    "swedish": "sv",
}


def markdown_to_html(markdown_text: str, briefing: Briefing, templates: Path | None = None) -> str:
    """The Markdown briefing as one HTML page (``page.html.j2``) with ``briefing.css`` inlined."""
    import markdown
    from markupsafe import Markup

    body = markdown.markdown(markdown_text, extensions=list(MARKDOWN_EXTENSIONS))
    languages = {d.language for d in briefing.documents}
    lang = _LANGUAGE_CODES.get(languages.pop(), "") if len(languages) == 1 else ""
    return render_template(
        PAGE_TEMPLATE,
        templates,
        html=True,
        briefing=briefing,
        body=Markup(body),
        css=Markup(source_of(STYLESHEET, templates)),
        lang=lang,
    )
