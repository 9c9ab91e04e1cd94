"""Plugins are looked up only when no built-in does the job.

A reader plugin is installed for real: a module and a ``.dist-info`` folder with an
``entry_points.txt`` on ``sys.path``, which ``importlib.metadata`` finds as it finds any
installed package. Reading a ``.txt`` file must neither scan them (it costs start-up time)
nor fail because one of them is broken.
"""

from __future__ import annotations

import sys

import pytest

from briefing.plugins import PluginError
from briefing.read import load
from briefing.read.registry import READERS

PLUGIN = """
from briefing.model import Document, Section
from briefing.read.registry import Reader


def read(text, source):
    title, _, body = text.partition("\\n")
    return Document(title.strip("= "), source, "rst", (Section("", 0, (body.strip(),)),))


READER = Reader("rst", "reStructuredText (test plugin)", (".rst",), read)
"""


@pytest.fixture
def installed(tmp_path, monkeypatch):
    """Install a package whose entry points name ``value`` (a reader, or a broken one)."""

    def install(value: str):
        (tmp_path / "briefing_rst_plugin.py").write_text(PLUGIN, encoding="utf-8")
        info = tmp_path / "briefing_rst_plugin-1.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text("Name: briefing-rst-plugin\nVersion: 1.0\n")
        (info / "entry_points.txt").write_text(f"[briefing.readers]\nrst = {value}\n")
        monkeypatch.syspath_prepend(str(tmp_path))
        READERS.refresh()

    yield install
    sys.modules.pop("briefing_rst_plugin", None)
    READERS.refresh()


def test_a_plugin_reader_reads_files_with_its_extension(installed, tmp_path):
    installed("briefing_rst_plugin:READER")
    path = tmp_path / "notes.rst"
    path.write_text("Harbour notes\n=============\nThe ferry runs again on Monday.\n")
    document = load(str(path))
    assert (document.title, document.format) == ("Harbour notes", "rst")


def test_a_broken_plugin_does_not_stop_reading_a_text_file(installed, tmp_path):
    installed("briefing_rst_plugin:MISSING")
    path = tmp_path / "notes.txt"
    path.write_text("Harbour notes\n\nThe ferry runs again on Monday.\n")
    assert load(str(path)).format == "text"
    with pytest.raises(PluginError, match="'rst'.*failed to load"):
        load(str(tmp_path / "notes.rst"))
