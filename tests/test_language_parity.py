"""Our copies of nltk's Treebank tokenizer and English stemmer give nltk's answers.

``treebank.py`` and ``snowball_english.py`` exist so that the default summary never imports
nltk; they must not change a single token or stem, or ``auto`` would pick differently and
sumy's algorithms (which read words through ``Language.to_words``) would see other words.
The text is real writing present wherever the project is installed: the docstrings of a
dozen stdlib modules (read from their source), Python's LICENSE.txt, the project's own
documents, and the words of the Punkt English model (word types of its training corpus).
"""

from __future__ import annotations

import ast
import sysconfig
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.stem.snowball import EnglishStemmer
from nltk.tokenize.treebank import TreebankWordTokenizer

from briefing.summarize import snowball_english, treebank
from briefing.summarize.language import LANGUAGES, get_language

ROOT = Path(__file__).resolve().parent.parent
STDLIB = Path(sysconfig.get_paths()["stdlib"])
MODULES = ("argparse.py", "difflib.py", "email/message.py", "logging/__init__.py", "pickle.py")
MODULES += ("shutil.py", "subprocess.py", "textwrap.py", "unittest/case.py", "zipfile.py")


@cache
def paragraphs() -> list[str]:
    """Paragraphs of real English: docstrings, a licence, the project's documents."""
    texts = []
    for name in MODULES:
        tree = ast.parse((STDLIB / name).read_text(encoding="utf-8"))
        kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
        texts += [ast.get_docstring(n) or "" for n in ast.walk(tree) if isinstance(n, kinds)]
    texts.append((STDLIB / "LICENSE.txt").read_text(encoding="utf-8"))
    local = [*(ROOT / "tests" / "data").iterdir(), *(ROOT / "examples").rglob("*"), ROOT / "docs"]
    for path in local:
        for file in path.rglob("*") if path.is_dir() else [path]:
            if file.suffix in (".txt", ".md", ".html"):
                texts.append(file.read_text(encoding="utf-8", errors="replace"))
    return [p for text in texts for p in text.split("\n\n") if p.strip()]


def test_treebank_tokens_are_nltks_on_real_text():
    nltk_tokenizer = TreebankWordTokenizer()
    texts = paragraphs()
    assert len(texts) > 1000
    differing = [p for p in texts if treebank.tokenize(p) != nltk_tokenizer.tokenize(p)]
    assert differing == []


# Letters, digits and every character one of the Treebank rules looks at.
_TRICKY = st.text(alphabet="aAnNtTsSlLvVeE dmy0 9.,:;!?'\"`()[]{}<>-—–@#$%&’“”\n", max_size=60)


@settings(max_examples=300, deadline=None)
@given(_TRICKY)
def test_treebank_tokens_are_nltks_on_any_punctuation(text):
    assert treebank.tokenize(text) == TreebankWordTokenizer().tokenize(text)


@cache
def english_words() -> list[str]:
    """Every word of the real text above, plus the Punkt English model's word types."""
    import punkt

    model = punkt.load_model("english")
    words = {w for p in paragraphs() for w in treebank.tokenize(p)}
    words |= set(model.ortho_context) | set(model.sent_starters) | set(model.abbrev_types)
    return sorted(words)


def test_english_stems_are_nltks_on_real_words():
    nltk_stemmer = EnglishStemmer()
    words = english_words()
    assert len(words) > 20_000
    differing = [w for w in words if snowball_english.stem(w) != nltk_stemmer.stem(w)]
    assert differing == []


@pytest.mark.parametrize(
    "word",
    ["proceeding", "skies", "generously", "communism", "hopping", "hoped", "’tis", "yelling"],
)
def test_english_stems_of_special_cases_are_nltks(word):
    assert snowball_english.stem(word) == EnglishStemmer().stem(word)


@pytest.mark.parametrize("language", LANGUAGES)
def test_stop_words_are_sumys_own_list(language):
    from sumy.utils import get_stop_words

    assert get_language(language).stop_words == get_stop_words(language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_fast_stems_are_those_sumys_algorithms_are_given(language):
    tools = get_language(language)
    words = ["houses", "running", "générations", "Häuser", "nationalism", "bästa", "cantando"]
    assert [tools.stem(w) for w in words] == [tools.stemmer(w) for w in words]
