"""Sentence splitting and word tokens work offline, with no nltk_data anywhere."""

import json
import os
import subprocess
import sys

import pytest

from briefing.errors import UsageError
from briefing.summarize.language import LANGUAGES, get_language, normalize_language

OFFLINE_SCRIPT = r"""
import json, socket, sys
def refuse(*args, **kwargs):
    raise OSError("network disabled in this test")
socket.socket.connect = refuse
socket.create_connection = refuse
import nltk
try:
    nltk.data.find("tokenizers/punkt_tab/english/")
    found = True
except LookupError:
    found = False
import briefing
digest = briefing.summarize(sys.argv[1], briefing.SummaryOptions(algorithm="lexrank", sentences=1))
print(json.dumps({"punkt_data_found": found,
                  "sections": [list(s.sentences) for s in digest.sections]}))
"""


def test_summarizes_with_nltk_data_pointing_at_an_empty_folder(tmp_path, data_dir):
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    env = {**os.environ, "NLTK_DATA": str(empty), "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", OFFLINE_SCRIPT, str(data_dir / "harbour-plaintext.txt")],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    out = json.loads(result.stdout)
    assert out["punkt_data_found"] is False
    assert len(out["sections"]) == 5
    assert all(len(picks) == 1 for picks in out["sections"])


def test_punkt_keeps_abbreviations_and_quotes_inside_sentences():
    english = get_language("english")
    text = "Dr. Smith flew to Washington, D.C. on Monday. “He couldn’t have been nicer.” She left."
    assert english.to_sentences(text) == (
        "Dr. Smith flew to Washington, D.C. on Monday.",
        "“He couldn’t have been nicer.”",
        "She left.",
    )


def test_sentences_are_the_source_text_with_whitespace_normalised():
    english = get_language("english")
    assert english.to_sentences("One  sentence\nwrapped here.   Two.") == (
        "One sentence wrapped here.",
        "Two.",
    )


def test_words_are_treebank_tokens_without_punctuation_or_numbers():
    assert get_language("english").to_words("The port's 3 cranes, rebuilt in 2024.") == (
        "The",
        "port",
        "cranes",
        "rebuilt",
        "in",
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_supported_language_splits_and_stems(language):
    tools = get_language(language)
    assert len(tools.to_sentences("Erste Zeile hier. Second line there.")) == 2
    assert tools.stop_words
    assert tools.stemmer("houses")


def test_language_codes_and_unknown_languages():
    assert normalize_language("EN") == "english"
    assert normalize_language("de") == "german"
    with pytest.raises(UsageError, match="unsupported language 'klingon'"):
        normalize_language("klingon")


def test_a_list_number_that_punkt_splits_off_stays_with_its_item():
    english = get_language("english")
    text = "1. Preheat the oven. 2. Mix the flour and sugar. iv. Bake it. (b) Let it cool."
    assert english.to_sentences(text) == (
        "1. Preheat the oven.",
        "2. Mix the flour and sugar.",
        "iv. Bake it.",
        "(b) Let it cool.",
    )
    assert english.to_sentences("The fares rose in 2019. 37. What did one volcano say?") == (
        "The fares rose in 2019.",
        "37. What did one volcano say?",
    )
    assert english.to_sentences("My favourites are: 1.") == ("My favourites are: 1.",)
    assert english.to_sentences("Mild. The weather stays warm.") == (
        "Mild.",
        "The weather stays warm.",
    )
