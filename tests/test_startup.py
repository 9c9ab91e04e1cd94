"""A command pays only for what it uses: the libraries left out of a fresh process.

Importing nltk (its package ``__init__`` loads most of nltk) and sumy took more than half of
``briefing summarize``; the default summary needs neither, and ``--help`` needs none of the
heavy libraries. Each case runs in a new interpreter, since a test process has them all.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

SCRIPT = r"""
import json, sys
{action}
loaded = sorted({{name.split(".")[0] for name in sys.modules}})
print(json.dumps(loaded))
"""


def _loaded_after(action: str) -> set[str]:
    code = SCRIPT.format(action=action)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_default_summary_imports_neither_nltk_nor_sumy(data_dir):
    loaded = _loaded_after(
        "import briefing\n"
        f"digest = briefing.summarize({str(data_dir / 'harbour-plaintext.txt')!r})\n"
        "assert digest.algorithm == 'auto' and all(s.sentences for s in digest.sections)"
    )
    assert "briefing" in loaded and "punkt" in loaded
    assert {"nltk", "sumy"} & loaded == set()


def test_summarize_command_imports_neither_nltk_nor_sumy(data_dir):
    loaded = _loaded_after(
        "from briefing.cli import main\n"
        f"assert main(['summarize', {str(data_dir / 'harbour-plaintext.txt')!r}]) == 0"
    )
    assert {"nltk", "sumy"} & loaded == set()


def test_a_sumy_algorithm_still_gets_sumys_stemmer(data_dir):
    loaded = _loaded_after(
        "import briefing\n"
        f"briefing.summarize({str(data_dir / 'harbour-plaintext.txt')!r}, "
        "briefing.SummaryOptions(algorithm='lexrank'))\n"
        "from briefing.summarize.language import get_language\n"
        "from sumy.nlp.stemmers import Stemmer\n"
        "assert isinstance(get_language('english').stemmer, Stemmer)\n"
        "assert 'scipy.stats' not in sys.modules  # nltk imported without it"
    )
    assert {"nltk", "sumy"} <= loaded


@pytest.mark.parametrize("argv", [["--help"], ["summarize", "--help"]])
def test_help_imports_no_heavy_library(argv):
    loaded = _loaded_after(
        f"from briefing.cli import main\ntry:\n    main({argv!r})\nexcept SystemExit:\n    pass"
    )
    heavy = {"numpy", "scipy", "sumy", "nltk", "punkt", "weasyprint", "trafilatura", "httpx"}
    assert "briefing" in loaded
    assert heavy & loaded == set()
