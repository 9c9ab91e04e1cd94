"""What a document is, from its first characters: HTML, Markdown, or a feed (not a document).

Used where nothing else says: standard input, files with no known extension, and
downloads whose content type is missing or generic. ``--input-format`` always wins.
The readers' ``sniff`` functions (see ``registry``) are the ones here.
"""

from __future__ import annotations

import re

from briefing.errors import InputError

#: Characters looked at: enough for a page's head or a Markdown file's first screens.
SAMPLE_CHARS = 16384
#: Media types of feeds, which ``briefing run`` reads and ``summarize``/``build`` do not.
FEED_MEDIA_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json"}
)

_PROLOGUE = re.compile(r"\A(?:\ufeff|\s+|<\?xml[^>]*\?>|<!--.*?-->)*", re.DOTALL)
#: The tags that the WHATWG MIME sniffing standard takes as the start of an HTML page.
_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|script|iframe|h1|div|font|table|a|style|title|b|br|p)"
    r"[\s>/]",
    re.IGNORECASE,
)
_FEED_START = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_MARKDOWN_STRONG = (
    re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE),  # ATX heading
    re.compile(r"^ {0,3}(?:```|~~~)", re.MULTILINE),  # fenced code
    re.compile(r"^ {0,3}\S[^\n]*\n {0,3}(?:=+|-+)[ \t]*$", re.MULTILINE),  # setext heading
    re.compile(r"\[[^\]\n]+\]\([^)\s]+\)"),  # inline link
)
_MARKDOWN_WEAK = (
    re.compile(r"^ {0,3}(?:[-*+]|\d+[.)])[ \t]+\S", re.MULTILINE),  # list item
    re.compile(r"(\*\*|__)\S[^\n]*?\S\1"),  # strong emphasis
    re.compile(r"^ {0,3}>[ \t]", re.MULTILINE),  # block quote
    re.compile(r"`[^`\n]+`"),  # inline code
)


def sample(data: bytes) -> str:
    """The start of a document as text, good enough to sniff whatever its encoding."""
    head = data[: SAMPLE_CHARS * 2]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="replace")[:SAMPLE_CHARS]
    return head.decode("utf-8", errors="replace")[:SAMPLE_CHARS]


def _start(text: str) -> str:
    return text[_PROLOGUE.match(text).end() :]


def is_html(text: str) -> bool:
    """An HTML page: it starts (after blanks, comments, an XML declaration) with an HTML tag."""
    start = _start(text)
    return bool(_HTML_START.match(start)) or "<html" in start[:1024].lower()


def is_feed(text: str) -> bool:
    """An RSS or Atom document: its first element is ``rss``, ``feed`` or ``rdf:RDF``."""
    return bool(_FEED_START.match(_start(text)))


def is_markdown(text: str) -> bool:
    """Markdown: two of its marks, one of them unmistakable (a ``#`` heading, a fence, a
    setext underline, a ``[link](url)``), or two ``#`` headings.

    Plain text shares the weak marks (lists, quotes) and a page of HTML is never Markdown.
    """
    if text.lstrip().startswith("<"):
        return False
    strong = [len(pattern.findall(text)) for pattern in _MARKDOWN_STRONG]
    weak = sum(bool(pattern.search(text)) for pattern in _MARKDOWN_WEAK)
    return strong[0] >= 2 or (any(strong) and sum(map(bool, strong)) + weak >= 2)


def refuse_feed(source: str) -> None:
    """Raise the one-line error for a feed given where a document is expected."""
    raise InputError(
        f"{source}: this is an RSS/Atom feed, not a document; add it to a config as a "
        "feed source (feed = URL) and use `briefing run`"
    )


def sniff_format(text: str, source: str) -> str | None:
    """The format the content shows (a reader's name), None when it shows none.

    A feed is refused here with ``refuse_feed``: it is a list of documents, read by
    ``briefing run``.
    """
    from briefing.read.registry import READERS

    if is_feed(text):
        refuse_feed(source)
    for reader in READERS.values():
        if reader.sniff is not None and reader.sniff(text):
            return reader.name
    return None
