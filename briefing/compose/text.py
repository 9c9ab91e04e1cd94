"""Plain-text and JSON forms of a digest, for ``briefing summarize`` on a terminal or in a pipe.

Text from documents is hostile: an ESC (``\\x1b``) or a CSI (``\\x9b``) in a page would
start a terminal escape sequence (move the cursor, retitle the window, rewrite what was
printed), and a carriage return would hide the start of a line. No control character
from a document reaches the terminal: the text form drops them, the JSON form escapes
them, and messages (warnings, errors) show them as visible ``\\x1b`` escapes.
"""

from __future__ import annotations

import dataclasses
import json
import re

from briefing.model import DocumentDigest

#: C0 and C1 control characters (and DEL), line breaks and tabs included.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: Those that JSON leaves as they are (it escapes only those below 0x20).
_JSON_UNESCAPED = re.compile(r"[\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` on one line, without control characters: whitespace runs become one space."""
    return " ".join(_CONTROL.sub(lambda m: " " if m[0].isspace() else "", text).split())


def escape_controls(text: str) -> str:
    """``text`` with each control character shown as an escape (``\\x1b``, ``\\n``), for
    one-line messages that quote a file name, a URL or a document's words."""
    return _CONTROL.sub(lambda m: repr(m[0])[1:-1], text)


def digest_json(digest: DocumentDigest) -> str:
    """The documented JSON interface: ``dataclasses.asdict`` of the digest, so they cannot drift."""
    text = json.dumps(dataclasses.asdict(digest), ensure_ascii=False, indent=2)
    return _JSON_UNESCAPED.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def digest_text(digest: DocumentDigest) -> str:
    """Readable plain text: the title, then each section's heading and its picks as bullets."""
    title = printable(digest.title)
    lines = [title, "=" * min(len(title), 72)]
    meta = " · ".join(printable(x) for x in (digest.source, digest.author, digest.date) if x)
    lines += [meta, f"{digest.kept_sentences} of {digest.total_sentences} sentences kept", ""]
    base = min((s.level for s in digest.sections if s.heading), default=1)
    for section in digest.sections:
        if not section.sentences:
            continue
        if section.heading:
            marks = "#" * min(6, 2 + section.level - base)
            lines.append(
                f"{marks} {printable(section.heading)}  "
                f"({len(section.sentences)}/{section.total_sentences})"
            )
        lines += [f"  • {printable(sentence)}" for sentence in section.sentences]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
