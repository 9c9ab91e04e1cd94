"""Bylines and datelines: who wrote a document and when, read from the lines that say so.

A page or a pasted article often states its author and date in a line of its own ("By
Tomas Lind, 24 November 2026", "Posted on March 3, 2020 by Jane Roe", "April 21, 2022").
Such a line is not a sentence to summarise (``briefing.summarize.sentences`` leaves it out)
but it is the document's metadata: ``with_byline`` copies it into ``author`` and ``date``
when the reader found none. Dates become ISO (``2026-11-24``, or ``2017-09`` for a month)
when they can be read; month and weekday names are English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from briefing.model import Document, Section

#: How many blocks (headings and paragraphs) from the top a byline is looked for in.
TOP_BLOCKS = 8
#: A byline or a date line has at most this many words.
MAX_WORDS = 16

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs "
    "fri sat sun".split()
)
#: Words a date line may hold besides numbers, months and weekdays.
_DATE_WORDS = frozenset(
    "updated published posted last modified on at date the of ago hour hours minute minutes min "
    "mins day days week weeks month months year years yesterday today am pm a.m p.m gmt utc bst "
    "cet cest est edt et pt pst pdt ct cst cdt mt ist jst aest read reading time".split()
)
#: Name particles that stay lower case ("Ludwig van Beethoven", "Ana de la Cruz").
_PARTICLES = frozenset("and de da di del della der den du la le van von bin al y e".split())
#: Lower-case words a byline may carry after the name ("staff writer", "for the Guardian").
_ROLE_WORDS = frozenset(
    "staff writer writers reporter reporters correspondent correspondents editor editors senior "
    "contributing contributor columnist special to for the at in and with additional reporting "
    "photographer photos photo by news desk team".split()
)
_BY = re.compile(
    r"^(?:(?:written|words|story|text|reported|reporting|posted|published|photos?)\s+)?by\s+(.+)$",
    re.IGNORECASE,
)
_POSTED = re.compile(
    r"^(?:(?:last\s+)?(?:updated|published|posted|modified)|date)\s*(?:on\b|:)?\s*(.+?)"
    r"(?:\s+by\s+(.+))?$",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_MAYBE_BYLINE = re.compile(r"\bby\b|^(?:last|updated|published|posted|modified|date)\b", re.I)
_DATE_BY = re.compile(r"^(.+?)\s*[|·•–—-]?\s+by\s+(.+)$", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*(?:[,|·•]|\s[-–—]\s|\s[-–—]$|^[-–—]\s)\s*")
_INITIAL = re.compile(r"^[A-Z]\.$")
_TIME = re.compile(r"^\d{1,2}[:.]\d{2}(?:[ap]\.?m\.?)?$", re.IGNORECASE)
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_NUMERIC = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")


@dataclass(frozen=True)
class Byline:
    """What a byline line says: the author ("" when it names none) and the date ("" when none)."""

    author: str
    date: str


def read_date(text: str) -> str:
    """The date a line consists of, as ISO where possible; "" when the line is not only a date.

    "24 November 2026", "Nov. 24, 2026, 10:30 a.m. ET", "Updated: 2020-02-24",
    "Monday 24/11/2026", "September 2017" and "Nov. 24" (as written: no year) are dates;
    "24 November 2026 was cold", "May" and "2020" are not.
    """
    if not _DIGIT.search(text):  # a date has a day or a year
        return ""
    words = [w.lower().rstrip(".,") for w in re.split(r"[\s,]+", text.strip()) if w]
    words = [w for w in words if w and w not in {"-", "–", "—", "|", "·", ":"}]
    if not words or len(words) > MAX_WORDS:
        return ""
    day = month = year = 0
    for word in words:
        word = word.strip(":()")
        if word in MONTHS:
            month = month or MONTHS[word]
        elif word in WEEKDAYS or word in _DATE_WORDS or _TIME.match(word) or not word:
            continue
        elif iso := _ISO.match(word):
            year, month, day = (int(g) for g in iso.groups())
        elif numeric := _NUMERIC.match(word):
            day, month, year = (int(g) for g in numeric.groups())  # day first, as in most places
        elif re.fullmatch(r"(19|20)\d\d", word):
            year = year or int(word)
        elif re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", word):
            day = day or int(re.match(r"\d+", word).group())
        else:
            return ""
    if not (month and (day or year)):
        return ""
    return _iso(year, month, day) or text.strip()


def read_byline(text: str) -> Byline | None:
    """The author and date of a byline line, or None when the line is something else.

    "By Tomas Lind, 24 November 2026", "Written by Ana de la Cruz and Li Wei | Staff
    writers", "Posted on March 3, 2020 by Jane Roe", "Updated 24 Nov 2026" are bylines;
    "By Monday, the council had voted." is a sentence.
    """
    text = text.strip()
    if not text or len(text.split()) > MAX_WORDS or text.endswith(("!", "?", ":")):
        return None
    if not _MAYBE_BYLINE.search(text):
        return None
    if match := _BY.match(text):
        return _by_part(match.group(1))
    if match := _POSTED.match(text):
        date = read_date(match.group(1))
        author = _name(match.group(2) or "") if match.group(2) else ""
        if date and (author or not match.group(2)):
            return Byline(author, date)
        return None
    if match := _DATE_BY.match(text):
        date, author = read_date(match.group(1)), _name(match.group(2))
        if date and author:
            return Byline(author, date)
    return None


def _by_part(rest: str) -> Byline | None:
    """``rest`` is what follows "by": a name, then dates, roles or places, separated."""
    parts = [p for p in _SEPARATORS.split(rest.strip().rstrip(".")) if p]
    if not parts:
        return None
    head = re.split(r"\s+(?:on|at)\s+", parts[0], maxsplit=1)
    author = _name(head[0])
    if not author:
        return None
    date = ""
    for part in head[1:] + parts[1:]:
        if found := read_date(part):
            date = date or found
        elif not _is_role_or_place(part):
            return None
    return Byline(author, date)


def _name(text: str) -> str:
    """``text`` when it reads as a person's or a desk's name ("Jane Roe", "J. K. Rowling")."""
    text = text.strip().rstrip(".")
    words = text.split()
    if not 1 <= len(words) <= 8:
        return ""
    capitalised = 0
    for word in words:
        bare = word.strip("()\"'“”")
        if bare.lower() in _PARTICLES or _INITIAL.match(bare):
            continue
        if not bare[:1].isupper() or not any(c.isalpha() for c in bare):
            return ""
        if bare.lower() in MONTHS or bare.lower() in WEEKDAYS:
            return ""
        capitalised += 1
    return text if capitalised else ""


def _is_role_or_place(part: str) -> bool:
    """A byline's tail: "Staff writer", "Health Correspondent", "for The Times", "London"."""
    words = [w.strip("()\"'“”.") for w in part.split()]
    return bool(words) and all(
        w.lower() in _ROLE_WORDS or w[:1].isupper() or w.startswith("@") for w in words if w
    )


def _iso(year: int, month: int, day: int) -> str:
    if not year or not 1 <= month <= 12:
        return ""
    if not day:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= 31:
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}"


def with_byline(document: Document) -> Document:
    """The document with ``author`` and ``date`` filled from a byline near its top, if missing.

    A heading that is only a byline or a date (plain text gives a short line standing alone
    the benefit of the doubt) is not a heading: its text joins the section before it.
    """
    found_author, found_date = "", ""
    blocks = 0
    for section in document.sections:
        for text in (section.heading, *section.paragraphs):
            if not text or blocks >= TOP_BLOCKS:
                continue
            blocks += 1
            byline = read_byline(text)
            date = byline.date if byline else read_date(text)
            found_author = found_author or (byline.author if byline else "")
            if re.match(r"\d{4}-\d\d", date):  # a date with its year, not "Monday 3 May"
                found_date = found_date or date
    sections = _without_byline_headings(document.sections)
    if not (found_author or found_date) and sections == document.sections:
        return document
    return replace(
        document,
        sections=sections,
        author=document.author or found_author,
        date=document.date or found_date,
    )


def _without_byline_headings(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    out: list[Section] = []
    for section in sections[:TOP_BLOCKS]:
        heading = section.heading
        if heading and (read_byline(heading) or read_date(heading)):
            paragraphs = (heading, *section.paragraphs)
            if out:
                previous = out.pop()
                out.append(replace(previous, paragraphs=previous.paragraphs + paragraphs))
            else:
                out.append(Section("", 0, paragraphs))
        else:
            out.append(section)
    return tuple(out) + sections[TOP_BLOCKS:]
