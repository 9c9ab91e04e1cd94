"""Markdown: ATX and setext headings at every level; paragraphs, lists and quotes are text.

The ``markdown`` package does the parsing (so inline markup such as ``**bold**`` or
``[a link](url)`` comes out as its plain words), then the tag reader groups the blocks.
Code blocks, tables and images are not summarised.
"""

from __future__ import annotations

from briefing.model import Document
from briefing.read import htmltags


def read(text: str, source: str) -> Document:
    import markdown

    html = markdown.markdown(text, extensions=["fenced_code", "tables"])
    if not html.strip():
        return Document(title="", source=source, format="markdown", sections=())
    root = htmltags.parse_html(f"<html><body>{html}</body></html>")
    return htmltags.from_blocks(list(htmltags.iter_blocks(root)), source, format="markdown")
