"""What counts as a sentence: the lines of a page that are not, and are never picked or counted.

Readers keep a page's text blocks (paragraphs, list items, table cells, quotes) and Punkt
splits them into "sentences"; some of those are not sentences a briefing can show. Each
rule below reads only the text (a sentence, and whether it is its block's whole text),
so it works the same for web pages, Markdown and plain text:

- ``byline``: "By Tomas Lind, 24 November 2026", "Posted on ... by ...", a line that is
  only a date ("April 21, 2022"), a place dateline alone ("WASHINGTON —"), a quote's
  attribution line ("— Kyle Hughes, Writer");
- ``credit``: photo credits and figure or table captions ("Photo: Reuters", "Figure 2:
  ...", "Scroll down for video");
- ``furniture``: share, follow, subscribe, advertisement, "read more", "click the link
  below", copyright and cookie lines; a short block that ends in a call to sign up or that
  holds the site's advertising disclosure, as a whole;
- ``intro``: a sentence ending in ``:``, which leads into a list, a table or code that a
  briefing does not show next to it ("Your Dockerfile might then look like this:");
- ``code``: a line of code or a formula;
- ``link``: breadcrumbs ("Home > News > World"), and titles standing alone (related links,
  book titles, a heading set as text): a line in title case without final punctuation;
- ``reference``: footnotes and bare links ("↑ 1.0 Wonderbook", "[5]", "https://...");
- ``cell``: a block without a letter ("10", "$4.99", "1.");
- ``fragment``: fewer than ``MIN_WORDS`` words without final punctuation ("Option",
  "Value", "home page", "Posted on").

A short sentence that ends like one stays: "England and Wales.", "No.", "Powers said.".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.model import Section
from briefing.read.byline import read_byline, read_date

#: A line with fewer words and no final punctuation is a fragment (the issue's definition).
MIN_WORDS = 4
#: A title standing alone has at most this many words, and this share of them capitalised.
MAX_TITLE_WORDS = 16
TITLE_SHARE = 0.8
#: Bylines, credits and furniture ("Share this article") are short lines; a longer line
#: that starts the same way is text ("Share files and folders, copy and paste ...").
MAX_FURNITURE_WORDS = 16

KINDS = (
    "byline",
    "credit",
    "furniture",
    "intro",
    "code",
    "link",
    "reference",
    "cell",
    "fragment",
)

_FINAL = re.compile(r"""[.!?…](?:\s?["'”’»)\]])*$""")
_LETTER = re.compile(r"[^\W\d_]")
_ALNUM = re.compile(r"[^\W_]")
_NUMBERED_INTRO = re.compile(r":\s+\d+\.$")  # "My favourites are: 1." (the list glued on)
_AND_MORE = re.compile(r"^(?:and|&)\s+(?:much|many|lots)\s+more\W*$", re.IGNORECASE)
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_MINOR = frozenset(
    "a an and as at but by for from in into nor of on onto or over per the to up via vs with "
    "de la le du des der die das und von van".split()
)
#: A quote's attribution starts with a long dash (a hyphen starts a list item) and has no
#: final stop, or ends with its date: "— Kyle Hughes, Writer", "— Jo Roe (@jo) 7 May 2018".
_DASH_LEAD = re.compile(r"^\s*(?:[—–―]|--)\s*\S")
_ENDS_WITH_YEAR = re.compile(r"\b(?:19|20)\d\d(?:\s+\S{1,3})?$")
_CAPS_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]+(?:\([^)]*\))?\s*(?:[—–]|--?)$")
_CREDIT = re.compile(
    r"""^(?:
        (?:photo(?:graph)?s?|images?|pictures?|illustrations?|graphics?|video|credits?|source)
            (?:\s+credits?)?\s*(?::|by\b|/|\|)
      | [\w-]+\s+videos?\s*:  # an embedded video's caption: "Instructional video: ..."
      | (?:figure|fig\.|table|tab\.|chart|graph|map|plate|exhibit)\s*[0-9IVX]+(?:\.\d+)*[a-z]?
            (?:\s*[:|]|\.?\s*$|\.\s)
      | (?:getty\s+images|ap\s+photo|reuters|afp|epa|shutterstock|istock|alamy)\b[^.]{0,40}$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
#: "Scroll down for video": a credit when short; news datasets flatten it into the photo
#: caption and the text after it, a piece that ``is_weak`` (below) says reads poorly.
_SCROLL = re.compile(r"^scroll\s+down\s+for\b", re.IGNORECASE)
#: Never a sentence, however long: a pointer to a link ("... click on the link below: Title").
_LINK_BELOW = re.compile(r"\bthe\s+links?\s+below\b", re.IGNORECASE)
_CREDIT_TAIL = re.compile(
    r"(?:\[src\]|\((?:photo|image|picture|credit)s?\b[^)]*\)|"
    r"[/|]\s*(?:getty\s+images|ap|reuters|afp|epa|shutterstock|istock|alamy)\b.*)\s*$",
    re.IGNORECASE,
)
_FURNITURE = re.compile(
    r"""^(?:
        advertisements?|advertising|sponsored(?:\s+content)?|promoted|paid\s+(?:post|content)|ad
      | (?:share|tweet|pin|e-?mail|print|save|like|comment)(?:\s+(?:this|the))?
            (?:\s+(?:article|story|post|page|video|recipe|link))?
            (?:\s+(?:on|via|with|to)\s+[\w ]{1,30})?
      | (?:follow|like|find|join|connect\s+with)\s+(?:us|me|\S+(?:\s+\S+){0,3})\s+on\s+
            (?:facebook|twitter|x|instagram|linkedin|youtube|tiktok|whatsapp|pinterest|threads)\b.*
      | (?:subscribe|sign\s+up|register|join|get)\b.{0,80}\b(?:newsletters?|inbox|alerts|mailing\s+list|
            subscriptions?|free\s+trial|updates)\b.*
      | (?:read|learn|find\s+out|see|view|discover|show)\s+more(?:\s+(?:about|at|on|from|here|in|of)\b.*|\W*)
      | (?:continue\s+reading|read\s+(?:next|the\s+full\s+(?:story|article))|click\s+here|tap\s+here)\b.*
      | (?:related|recommended|more\s+from|more\s+stories|most\s+(?:read|popular)|you\s+may\s+also\s+like|
            see\s+also|also\s+read|further\s+reading|read\s+next|up\s+next)(?:\s+[\w'’-]+){0,4}\s*[:»›>]?
      | (?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4})).*
      | .*\ball\s+rights\s+reserved\b.*
      | .*\b(?:we\s+use\s+cookies|(?:this|our)\s+(?:web)?site\s+uses\s+cookies|accept\s+(?:all\s+)?cookies)\b.*
      | (?:send|e-?mail|message|contact|write\s+to|call|text)\s+us\b.*
      | .*\b(?:tickets|more\s+info(?:rmation)?|details)\b.{0,20}\bat\s*:?\s*\S+\.[a-z]{2,}\.?
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
#: A short block that ends in a call to sign up is a prompt as a whole: "Do you want to be
#: informed of our actions? Sign up here".
_CALL_TO_ACTION = re.compile(
    r"^(?:sign\s+up|subscribe|register|join\s+(?:us|now)|donate)"
    r"(?:\s+(?:here|now|today|for\s+free|below))*\s*[.!]?$",
    re.IGNORECASE,
)
#: The site's own advertising disclosure, a block of its own, whatever its sentences say.
_DISCLOSURE = re.compile(
    r"\b(?:advertis(?:er|ing)|affiliate)\s+disclosure\b"
    r"|\bwe\s+(?:may\s+)?(?:receive|earn|get)\s+(?:a\s+)?(?:small\s+)?(?:compensation|commissions?)\b"
    r"|\b(?:this|our)\s+(?:post|article|page|site)\s+(?:may\s+)?contains?\s+affiliate\s+links\b",
    re.IGNORECASE,
)
#: Blocks of at most this many pieces are read as a whole by the two rules above.
MAX_BLOCK_PIECES = 3
_BREADCRUMB = re.compile(r"^[^>»›]{1,40}(?:\s[>»›/|]\s[^>»›]{1,60}){2,}$")
_REFERENCE = re.compile(
    r"^(?:↑|\^|\*+\s*[—–]\s|\[\d+\]\s*$|(?:https?://|www\.)\S+$|\S*pic\.twitter\.com/\S*$|(?:#\w+)+\S*$)"
)
_CODE_START = re.compile(
    r"""^(?:\$\s|>>>\s|\#!|\#include\b|import\s+[\w.]+\s*;?$|from\s+[\w.]+\s+import\b
        |[A-Za-z_][\w.\[\]'"]*\s*[-+*/]?=\s*\S|def\s+\w+\s*\(|class\s+\w+\s*[(:{]|function\s*\w*\s*\(|(?:var|let|const)\s+\w+\s*=
        |(?:public|private|static)\s+\w+|return\b|(?:if|for|while)\s*\(|[{}]
        |<\?php|</?[a-z][a-z0-9]*(?:\s[^>]*)?>
        |(?:curl|wget|sudo|apt-get|apt|brew|docker|kubectl|pip3?|npm|npx|yarn|git|cargo)\s+\S)""",
    re.VERBOSE,
)
_CODE_SIGNS = re.compile(r"[{}\[\]();=<>$\\|&*_`^~#@]")


@dataclass(frozen=True)
class Sentence:
    """A piece of a section as Punkt split it, and what it is: ``kind`` is "" for a sentence."""

    text: str
    kind: str


def sort_section(section: Section, language) -> list[Sentence]:
    """Every piece of the section's paragraphs, in order, each with its kind."""
    out = []
    for paragraph in section.paragraphs:
        pieces = language.to_sentences(paragraph)
        if _is_prompt(pieces):
            out.extend(Sentence(piece, "furniture") for piece in pieces)
            continue
        whole = len(pieces) == 1
        out.extend(Sentence(piece, kind_of(piece, whole=whole)) for piece in pieces)
    return out


def _is_prompt(pieces: tuple[str, ...]) -> bool:
    """A short block that is a sign-up prompt or the site's advertising disclosure."""
    if not pieces or len(pieces) > MAX_BLOCK_PIECES:
        return False
    if len(pieces) > 1 and _CALL_TO_ACTION.match(pieces[-1]):
        return all(len(p.split()) <= MAX_FURNITURE_WORDS for p in pieces)
    return any(_DISCLOSURE.search(p) for p in pieces)


def kind_of(sentence: str, *, whole: bool = True) -> str:
    """The kind of line ``sentence`` is (one of ``KINDS``), or "" when it is a sentence.

    ``whole`` says whether it is all of its block's text: bylines and datelines stand
    alone, while the other kinds are read anywhere (Punkt leaves a title that ends a
    paragraph as its last piece, without final punctuation).
    """
    text = sentence.strip()
    if not _LETTER.search(text):
        return "reference" if _REFERENCE.match(text) else "cell"
    if text.endswith(":") or _NUMBERED_INTRO.search(text):
        return "intro"
    if _REFERENCE.match(text):
        return "reference"
    final = bool(_FINAL.search(text))
    short = len(text.split()) <= MAX_FURNITURE_WORDS
    if final and not short:  # most sentences: only a pointer to links below can be furniture
        return "furniture" if _LINK_BELOW.search(text) else ""
    words = _words(text)
    if whole and short and _is_byline(text, final):
        return "byline"
    if short and (_SCROLL.match(text) or _CREDIT.match(text) or _CREDIT_TAIL.search(text)):
        return "credit"
    if _LINK_BELOW.search(text) or short and _FURNITURE.match(text):
        return "furniture"
    if _is_code(text, final):
        return "code"
    if not final and (short and _BREADCRUMB.match(text) or _is_title(words)):
        return "link"
    if len(words) < MIN_WORDS and not final or _AND_MORE.match(text):
        return "fragment"  # is_weak's count, without final stop; "And much more…"
    return ""


def is_weak(sentence: str) -> bool:
    """A sentence by the rules above that reads poorly out of context, for pickers to take last.

    Fewer than ``MIN_WORDS`` words (the fragment rule's count: without final punctuation
    such a line is no sentence at all; with it, "Powers said." says little on its own), or
    a caption run flattened behind "Scroll down for video" (news datasets do this).
    """
    return len(_words(sentence)) < MIN_WORDS or bool(_SCROLL.match(sentence))


def _words(text: str) -> list[str]:
    """The words of a line, not counting a note in brackets ("macOS Catalina (when
    released)" has two); a word's first letter or digit is a letter ("10.13.x" is none)."""
    text = _BRACKETED.sub(" ", text)
    return [w for w in text.split() if (m := _ALNUM.search(w)) and not m.group().isdigit()]


def _is_byline(text: str, final: bool) -> bool:
    if read_byline(text) or read_date(text) or _CAPS_DATELINE.match(text):
        return True
    if not _DASH_LEAD.match(text):
        return False
    return not final or bool(_ENDS_WITH_YEAR.search(text))


def _is_title(words: list[str]) -> bool:
    """A line in title case (related links, book titles, a heading set as text)."""
    if not MIN_WORDS <= len(words) <= MAX_TITLE_WORDS:
        return False
    significant = [w.strip("\"'“”‘’([") for w in words]
    significant = [w for w in significant if w and w.lower() not in _MINOR]
    if len(significant) < 2:
        return False
    capitals = sum(w[0].isupper() or w[0].isdigit() for w in significant)
    return capitals >= TITLE_SHARE * len(significant)


def _is_code(text: str, final: bool) -> bool:
    """A line of code or a formula: no final stop, and it starts like code or is dense with signs."""
    if final:
        return False
    if _CODE_START.match(text) or (text.endswith(("{", ";")) and re.search(r"[=(){}]", text)):
        return True
    signs = len(_CODE_SIGNS.findall(text))
    letters = len(_LETTER.findall(text))
    return signs >= 4 and signs > 0.15 * (letters + signs)
