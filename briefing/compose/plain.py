"""A whole briefing as plain text: the alternative part of the mail, for clients that show
no HTML and for people who prefer text. Same parts, same order as the page."""

from __future__ import annotations

import textwrap

from briefing.model import Briefing

WIDTH = 76


def briefing_text(briefing: Briefing) -> str:
    """The briefing as wrapped plain text, with each item's link written out."""
    documents = briefing.documents
    lines = [briefing.title, "=" * min(len(briefing.title), WIDTH), briefing.date, ""]
    if briefing.note:
        lines += [briefing.note, ""]
    if briefing.failures:
        lines.append("Not read today:")
        lines += _bullets(f"{f.source}: {f.reason}" for f in briefing.failures)
        lines.append("")
    if briefing.highlights:
        lines += _heading("The day in brief")
        lines += _bullets(h.sentence for h in briefing.highlights)
        lines.append("")
    if briefing.watch:
        lines += _heading("On your watch list")
        lines += _bullets(
            f"{m.interest}: {m.sentence} ({documents[m.document].title})" for m in briefing.watch
        )
        lines.append("")
    for number, document in enumerate(documents, 1):
        lines += _heading(f"{number}. {document.title}")
        details = [document.link or document.source, document.author, document.date]
        details += [f"via {', '.join(document.sources)}" if document.sources else ""]
        if document.updated_since:
            details.append(f"updated since the briefing of {document.updated_since}")
        lines.append(" · ".join(d for d in details if d))
        for section in document.sections:
            if not section.sentences:
                continue
            lines.append("")
            if section.heading:
                lines.append(section.heading)
            lines += _bullets(section.sentences)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _heading(text: str) -> list[str]:
    return [text, "-" * min(len(text), WIDTH), ""]


def _bullets(texts) -> list[str]:
    return [
        textwrap.fill(" ".join(str(t).split()), WIDTH, initial_indent="* ", subsequent_indent="  ")
        for t in texts
    ]
