"""A briefing's stories as plain text, for ``briefing stories`` on a terminal or in a pipe."""

from __future__ import annotations

from briefing.model import Briefing


def stories_text(briefing: Briefing) -> str:
    """Each story: its title and count of reports, its summary (each sentence with the
    number of the report it is from), then its reports, numbered, with where they live."""
    documents = briefing.documents
    grouped = sum(len(s.documents) > 1 for s in briefing.stories)
    lines = [
        f"{len(briefing.stories)} stories from {len(documents)} documents "
        f"({grouped} of several reports)",
        "",
    ]
    for number, story in enumerate(briefing.stories, start=1):
        count = len(story.documents)
        since = f", continuing since {story.since}" if story.since else ""
        lines.append(f"{number}. {story.title} ({count} report{'' if count == 1 else 's'}{since})")
        place = {index: n for n, index in enumerate(story.documents, start=1)}
        lines += [f"   • {s.sentence} [{place[s.document]}]" for s in story.sentences]
        for n, index in enumerate(story.documents, start=1):
            document = documents[index]
            lines.append(f"   [{n}] {document.title} — {document.link or document.source}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
