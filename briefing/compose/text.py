"""Plain-text and JSON forms of a digest, for ``briefing summarize`` on a terminal or in a pipe."""

from __future__ import annotations

import dataclasses
import json

from briefing.model import DocumentDigest


def digest_json(digest: DocumentDigest) -> str:
    """The documented JSON interface: ``dataclasses.asdict`` of the digest, so they cannot drift."""
    return json.dumps(dataclasses.asdict(digest), ensure_ascii=False, indent=2)


def digest_text(digest: DocumentDigest) -> str:
    """Readable plain text: the title, then each section's heading and its picks as bullets."""
    lines = [digest.title, "=" * min(len(digest.title), 72)]
    meta = " · ".join(x for x in (digest.source, digest.author, digest.date) if x)
    lines += [meta, f"{digest.kept_sentences} of {digest.total_sentences} sentences kept", ""]
    base = min((s.level for s in digest.sections if s.heading), default=1)
    for section in digest.sections:
        if not section.sentences:
            continue
        if section.heading:
            marks = "#" * min(6, 2 + section.level - base)
            lines.append(
                f"{marks} {section.heading}  ({len(section.sentences)}/{section.total_sentences})"
            )
        lines += [f"  • {sentence}" for sentence in section.sentences]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
