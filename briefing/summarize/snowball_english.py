"""The English Snowball stem of a word, the same as nltk's ``EnglishStemmer().stem``.

Why a copy: ``auto`` stems every word of the document, and importing nltk's stemmer runs
nltk's package ``__init__`` (about 0.2 s, half of ``briefing summarize``'s run). The stems
must be nltk's, not those of a newer Snowball release (the ``snowballstemmer`` package
differs from nltk on about 1 word in 80 of real English: "added" is "add" there, "ad"
here), so that ``auto`` picks what it always picked and its terms match those sumy's
algorithms stem with nltk. ``tests/test_language_parity.py`` checks the two agree on real text.

Adapted from NLTK 3.10 ``nltk/stem/snowball.py`` (``EnglishStemmer``; Copyright (C)
2001-2026 NLTK Project; author Peter Michael Stahl, revisions Peter Ljunglof; algorithm by
Martin Porter; Apache License, Version 2.0). Changes: a function instead of a class, the
repeated updates of the regions R1 and R2 written once (``_cut``, ``_swap``), no stop-word
option; every branch and its order are nltk's, quirks included.
"""

from __future__ import annotations

_VOWELS = "aeiouy"
_DOUBLE_CONSONANTS = ("bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt")
_LI_ENDING = "cdeghkmnrt"
_STEP0 = ("'s'", "'s", "'")
_STEP1A = ("sses", "ied", "ies", "us", "ss", "s")
_STEP1B = ("eedly", "ingly", "edly", "eed", "ing", "ed")
_STEP2 = (
    *("ization", "ational", "fulness", "ousness", "iveness", "tional", "biliti", "lessli"),
    *("entli", "ation", "alism", "aliti", "ousli", "iviti", "fulli", "enci", "anci", "abli"),
    *("izer", "ator", "alli", "bli", "ogi", "li"),
)
_STEP3 = ("ational", "tional", "alize", "icate", "iciti", "ative", "ical", "ness", "ful")
_STEP4 = (
    *("ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti"),
    *("ous", "ive", "ize", "ion", "al", "er", "ic"),
)
#: Step 2's replacements: (new ending, R1 when too short, R2 when too short).
_STEP2_SWAPS = {
    **dict.fromkeys(("izer", "ization"), ("ize", "", "")),
    **dict.fromkeys(("ational", "ation", "ator"), ("ate", "", "e")),
    **dict.fromkeys(("alism", "aliti", "alli"), ("al", "", "")),
    **dict.fromkeys(("ousli", "ousness"), ("ous", "", "")),
    **dict.fromkeys(("iveness", "iviti"), ("ive", "", "e")),
    **dict.fromkeys(("biliti", "bli"), ("ble", "", "")),
}
_SPECIAL_WORDS = {
    **{"skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie"},
    **{"idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli"},
    **{"singly": "singl", "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas"},
    **{"cosmos": "cosmos", "bias": "bias", "andes": "andes", "inning": "inning"},
    **{"innings": "inning", "outing": "outing", "outings": "outing", "canning": "canning"},
    **{"cannings": "canning", "herring": "herring", "herrings": "herring"},
    **{"earring": "earring", "earrings": "earring"},
    **{w: "proceed" for w in ("proceed", "proceeds", "proceeded", "proceeding")},
    **{w: "exceed" for w in ("exceed", "exceeds", "exceeded", "exceeding")},
    **{w: "succeed" for w in ("succeed", "succeeds", "succeeded", "succeeding")},
}


def _cut(n: int, *parts: str) -> tuple[str, ...]:
    """Drop the last ``n`` characters of the word and of its regions."""
    return tuple(part[:-n] for part in parts)


def _swap(region: str, n: int, new: str, short: str = "") -> str:
    """Replace a region's last ``n`` characters by ``new``; ``short`` if it has fewer."""
    return region[:-n] + new if len(region) >= n else short


def _regions(word: str) -> tuple[str, str]:
    """R1 (after the first non-vowel that follows a vowel) and R2 (the same within R1)."""
    if word.startswith(("gener", "commun", "arsen")):
        r1 = word[5:] if word.startswith(("gener", "arsen")) else word[6:]
    else:
        r1 = _after_vowel_consonant(word)
    return r1, _after_vowel_consonant(r1)


def _after_vowel_consonant(text: str) -> str:
    for i in range(1, len(text)):
        if text[i] not in _VOWELS and text[i - 1] in _VOWELS:
            return text[i + 1 :]
    return ""


def stem(word: str) -> str:
    """The stem of ``word`` (lower-cased first), exactly as nltk's English Snowball stemmer."""
    word = word.lower()
    if len(word) <= 2:
        return word
    if word in _SPECIAL_WORDS:
        return _SPECIAL_WORDS[word]
    word = word.replace("\u2019", "'").replace("\u2018", "'").replace("\u201b", "'")
    if word.startswith("'"):
        word = word[1:]
    if word.startswith("y"):
        word = "Y" + word[1:]
    chars = list(word)
    for i in range(1, len(chars)):
        if chars[i - 1] in _VOWELS and chars[i] == "y":
            chars[i] = "Y"
    word = "".join(chars)
    r1, r2 = _regions(word)

    for suffix in _STEP0:
        if word.endswith(suffix):
            word, r1, r2 = _cut(len(suffix), word, r1, r2)
            break

    for suffix in _STEP1A:
        if word.endswith(suffix):
            if suffix == "sses":
                word, r1, r2 = _cut(2, word, r1, r2)
            elif suffix in ("ied", "ies"):
                n = 2 if len(word[: -len(suffix)]) > 1 else 1
                word, r1, r2 = _cut(n, word, r1, r2)
            elif suffix == "s" and any(letter in _VOWELS for letter in word[:-2]):
                word, r1, r2 = _cut(1, word, r1, r2)
            break

    for suffix in _STEP1B:
        if word.endswith(suffix):
            n = len(suffix)
            if suffix in ("eed", "eedly"):
                if r1.endswith(suffix):
                    word = word[:-n] + "ee"
                    r1, r2 = _swap(r1, n, "ee"), _swap(r2, n, "ee")
            elif any(letter in _VOWELS for letter in word[:-n]):
                word, r1, r2 = _cut(n, word, r1, r2)
                if word.endswith(("at", "bl", "iz")):
                    word, r1 = word + "e", r1 + "e"
                    if len(word) > 5 or len(r1) >= 3:
                        r2 = r2 + "e"
                elif word.endswith(_DOUBLE_CONSONANTS):
                    word, r1, r2 = _cut(1, word, r1, r2)
                elif _short_syllable(word, r1):
                    word = word + "e"
                    if len(r1) > 0:
                        r1 = r1 + "e"
                    if len(r2) > 0:
                        r2 = r2 + "e"
            break

    # Step 1c
    if len(word) > 2 and word[-1] in "yY" and word[-2] not in _VOWELS:
        word, r1, r2 = word[:-1] + "i", _swap(r1, 1, "i"), _swap(r2, 1, "i")

    for suffix in _STEP2:
        if word.endswith(suffix):
            if r1.endswith(suffix):
                word, r1, r2 = _step2(suffix, word, r1, r2)
            break

    for suffix in _STEP3:
        if word.endswith(suffix):
            if r1.endswith(suffix):
                word, r1, r2 = _step3(suffix, word, r1, r2)
            break

    for suffix in _STEP4:
        if word.endswith(suffix):
            if r2.endswith(suffix):
                if suffix != "ion":
                    word, r1, r2 = _cut(len(suffix), word, r1, r2)
                elif word[-4] in "st":
                    word, r1, r2 = _cut(3, word, r1, r2)
            break

    # Step 5
    if r2.endswith("l") and word[-2] == "l":
        word = word[:-1]
    elif r2.endswith("e"):
        word = word[:-1]
    elif r1.endswith("e"):
        if len(word) >= 4 and (
            word[-2] in _VOWELS
            or word[-2] in "wxY"
            or word[-3] not in _VOWELS
            or word[-4] in _VOWELS
        ):
            word = word[:-1]
    return word.replace("Y", "y")


def _short_syllable(word: str, r1: str) -> bool:
    """Step 1b's test for a word ending in a short syllable (so "hop" becomes "hope")."""
    return (
        r1 == ""
        and len(word) >= 3
        and word[-1] not in _VOWELS
        and word[-1] not in "wxY"
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    ) or (r1 == "" and len(word) == 2 and word[0] in _VOWELS and word[1] not in _VOWELS)


def _step2(suffix: str, word: str, r1: str, r2: str) -> tuple[str, str, str]:
    n = len(suffix)
    if suffix in ("tional", "entli", "fulli", "lessli"):
        return _cut(2, word, r1, r2)
    if suffix in ("enci", "anci", "abli"):
        return word[:-1] + "e", _swap(r1, 1, "e"), _swap(r2, 1, "e")
    if suffix in _STEP2_SWAPS:
        new, short1, short2 = _STEP2_SWAPS[suffix]
        return word[:-n] + new, _swap(r1, n, new, short1), _swap(r2, n, new, short2)
    if suffix == "fulness":
        return _cut(4, word, r1, r2)
    if suffix == "ogi" and word[-4] == "l":
        return _cut(1, word, r1, r2)
    if suffix == "li" and word[-3] in _LI_ENDING:
        return _cut(2, word, r1, r2)
    return word, r1, r2


def _step3(suffix: str, word: str, r1: str, r2: str) -> tuple[str, str, str]:
    n = len(suffix)
    if suffix == "tional":
        return _cut(2, word, r1, r2)
    if suffix == "ational":
        return word[:-n] + "ate", _swap(r1, n, "ate"), _swap(r2, n, "ate")
    if suffix == "alize":
        return _cut(3, word, r1, r2)
    if suffix in ("icate", "iciti", "ical"):
        return word[:-n] + "ic", _swap(r1, n, "ic"), _swap(r2, n, "ic")
    if suffix in ("ful", "ness"):
        return _cut(n, word, r1, r2)
    if suffix == "ative" and r2.endswith(suffix):
        return _cut(5, word, r1, r2)
    return word, r1, r2
