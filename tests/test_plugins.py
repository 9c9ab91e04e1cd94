"""A separate package adds a reader and an output through entry points, used end to end."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

BRIEFING = str(Path(sys.executable).parent / "briefing")

PLUGIN = '''
"""A tiny briefing plugin: reStructuredText-ish documents in, a plain-text briefing out."""

from briefing.model import Document, Section
from briefing.publish.outputs import Output
from briefing.read.registry import Reader


def read_rst(text, source):
    lines = text.splitlines()
    title, sections, heading, paragraphs, block = "", [], "", [], []
    i = 0
    while i < len(lines):
        line = lines[i]
        under = lines[i + 1] if i + 1 < len(lines) else ""
        if line.strip() and under and set(under) <= set("=-~") and len(under) >= len(line):
            if block:
                paragraphs.append(" ".join(block))
                block = []
            if not title:
                title = line.strip()
            else:
                if paragraphs:
                    sections.append(Section(heading, 2 if heading else 0, tuple(paragraphs)))
                heading, paragraphs = line.strip(), []
            i += 2
            continue
        if line.strip():
            block.append(line.strip())
        elif block:
            paragraphs.append(" ".join(block))
            block = []
        i += 1
    if block:
        paragraphs.append(" ".join(block))
    if paragraphs:
        sections.append(Section(heading, 2 if heading else 0, tuple(paragraphs)))
    return Document(title, source, "rst", tuple(sections))


def plain_text(rendering):
    briefing = rendering.briefing
    lines = [f"{briefing.title.upper()} ({briefing.date})"]
    for document in briefing.documents:
        lines.append(f"* {document.title}")
        for section in document.sections:
            lines += [f"  - {s}" for s in section.sentences]
    return ("\\n".join(lines) + "\\n").encode()


READER = Reader("rst", "reStructuredText-style titles", (".rst",), read_rst, ("text/x-rst",))
OUTPUT = Output("txt", "txt", "the briefing as plain text", plain_text)
'''

PYPROJECT = """
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "briefing-demo-plugin"
version = "1.0"

[project.entry-points."briefing.readers"]
rst = "briefing_demo_plugin:READER"

[project.entry-points."briefing.outputs"]
txt = "briefing_demo_plugin:OUTPUT"
"""

DOCUMENT = """\
Harbour works finish early
==========================

The north quay reopened on Tuesday, three weeks ahead of plan. The first ship docks on Friday.

What it cost
------------

The repairs cost 48 million euros. The port authority paid two thirds of it.
"""


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory) -> Path:
    """The plugin, really installed (built by its own build backend) into a folder."""
    root = tmp_path_factory.mktemp("plugin")
    package = root / "src" / "briefing_demo_plugin"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(textwrap.dedent(PLUGIN))
    (root / "src" / "pyproject.toml").write_text(PYPROJECT)
    site = root / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(site),
            str(root / "src"),
        ],
        check=True,
        capture_output=True,
    )
    assert list(site.glob("briefing_demo_plugin-1.0.dist-info/entry_points.txt"))
    return site


def briefing(site: Path, *args, cwd: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH", "")])),
    }
    return subprocess.run([BRIEFING, *args], capture_output=True, text=True, cwd=cwd, env=env)


def test_a_plugins_reader_and_output_are_used_end_to_end(plugin_site, tmp_path):
    (tmp_path / "harbour.rst").write_text(DOCUMENT)
    result = briefing(
        plugin_site,
        "build",
        "harbour.rst",
        "--to",
        "md,txt",
        "--date",
        "2026-11-26",
        "--title",
        "Port news",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "output" / "2026-11-26" / "briefing.txt").read_text()
    assert text.startswith("PORT NEWS (2026-11-26)")
    assert "* Harbour works finish early" in text
    assert "  - The repairs cost 48 million euros." in text
    markdown = (tmp_path / "output" / "2026-11-26" / "briefing.md").read_text()
    assert "What it cost" in markdown  # the reader's section heading reached the briefing


def test_plugins_are_listed_and_their_names_accepted(plugin_site, tmp_path):
    listed = briefing(plugin_site, "algorithms", "--all", cwd=tmp_path)
    assert listed.returncode == 0
    assert "rst" in listed.stdout and "the briefing as plain text" in listed.stdout
    (tmp_path / "notes.txt").write_text(DOCUMENT)
    forced = briefing(plugin_site, "summarize", "notes.txt", "--input-format", "rst", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert forced.stdout.startswith("Harbour works finish early\n")
    assert "## What it cost" in forced.stdout


def test_without_the_plugin_its_names_are_refused_in_one_line(tmp_path):
    (tmp_path / "harbour.rst").write_text(DOCUMENT)
    result = subprocess.run(
        [BRIEFING, "build", "harbour.rst", "--to", "txt"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert (
        result.stderr == "briefing: error: unknown output txt; choose from: md, html, pdf, json\n"
    )


def test_a_broken_plugin_is_named_not_a_traceback(tmp_path):
    site = tmp_path / "site"
    dist = site / "broken_plugin-0.1.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-plugin\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[briefing.outputs]\nodt = broken_plugin:OUTPUT\n")
    (site / "broken_plugin.py").write_text("raise ImportError('needs odfpy')\n")
    (tmp_path / "a.txt").write_text("Title\n\nA first sentence here. A second one too.\n")
    result = briefing(site, "build", "a.txt", "--to", "odt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "plugin 'odt' (broken_plugin:OUTPUT) in briefing.outputs failed to load" in result.stderr
    assert "needs odfpy" in result.stderr
