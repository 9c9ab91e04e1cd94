"""Sentences that lean on the one before: "She said ...", "However, ...", "These results ...".

Quoted alone, such a sentence leaves the reader asking who "she" is or what "however"
contrasts with: its referent is in the sentence before. ``leans_back`` spots them by their
opening words (English): a pronoun, a demonstrative, a connective, or a quotation closed by
"..., she said". ``cut_off`` says which picks miss the sentence they lean on; ``auto`` uses
it to bring that sentence along or pass the pick over, ``briefing eval`` to count them.
"""

from __future__ import annotations

import re

_QUOTES = "\"'“”‘’«»"
_PERSONS = r"he|she|they|him|her|them|his|hers|their|theirs"
_OPENERS = (
    _PERSONS + r"|it|its|this|that|these|those|such|however|but|and|or|so|also|moreover|"
    r"furthermore|additionally|in addition|therefore|thus|hence|consequently|as a result|"
    r"meanwhile|instead|still|yet|besides|then|nevertheless|nonetheless|similarly|likewise|"
    r"otherwise|in contrast|by contrast|on the other hand|conversely|indeed|in fact|"
    r"the latter|the former|both|neither"
)
#: "This paper ..." names its referent: the text itself.
_SELF = r"(?:this|these)\s+(?:paper|work|article|study|report|section|chapter|thesis|note|letter)\b"
_OPENER = re.compile(rf"^[{_QUOTES}(\s]*(?!{_SELF})(?:{_OPENERS})\b", re.IGNORECASE)
# '"We carried more freight," she said': a quotation attributed to a pronoun.
_SAID = re.compile(rf"^[{_QUOTES}].*?[,.?!…]\s*[{_QUOTES}]\s*(?:{_PERSONS})\s+\w+", re.IGNORECASE)


def leans_back(sentence: str) -> bool:
    """Whether the sentence needs the one before it to make sense."""
    return bool(_OPENER.match(sentence) or _SAID.match(sentence))


def cut_off(sentences: list[str], picked) -> list[int]:
    """Picks of one section (indices into ``sentences``) whose previous sentence was not picked
    although they lean on it."""
    picked = set(picked)
    return [i for i in sorted(picked) if i > 0 and i - 1 not in picked and leans_back(sentences[i])]
