"""A separate package adds a reader and an output through entry points, used end to end."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from webserver import Site, page, rss

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


def install(root: Path, module: str, code: str, pyproject: str) -> Path:
    """A plugin package, really installed (built by its own build backend) into a folder."""
    package = root / "src" / module
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(textwrap.dedent(code))
    (root / "src" / "pyproject.toml").write_text(pyproject)
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
    assert list(site.glob(f"{module}-1.0.dist-info/entry_points.txt"))
    return site


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory) -> Path:
    return install(tmp_path_factory.mktemp("plugin"), "briefing_demo_plugin", PLUGIN, PYPROJECT)


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


def test_a_malformed_plugin_record_is_named_not_a_traceback(tmp_path):
    site = tmp_path / "site"
    dist = site / "odd_reader-0.1.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: odd-reader\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[briefing.readers]\nodd = odd_reader:READER\n")
    (site / "odd_reader.py").write_text(
        "from briefing.read.registry import Reader\n"
        "READER = Reader('odd', 'no extensions given', None, lambda text, source: None)\n"
    )
    result = briefing(site, "algorithms", "--all", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "plugin format 'odd' of odd-reader 0.1 is malformed: TypeError" in result.stderr


CLASH = '''
"""A plugin that reaches for what built-ins have: the config key ``feed``, the file
extension ``.md``, the reader name ``markdown``."""

from briefing.daily.kinds import SourceKind
from briefing.publish.outputs import Output
from briefing.read.registry import Reader


def items(source, context):
    raise RuntimeError("the plugin's feed reader ran")


def read(text, source):
    raise RuntimeError("the plugin's markdown reader ran")


KIND = SourceKind("rss", "feed", "feeds, read by the plugin", items)
READER = Reader("markdown", "Markdown, read by the plugin", (".mdown",), read)
OUTPUT = Output("markdown", "md", "Markdown, written by the plugin", lambda r: b"plugin")
'''

CLASH_PYPROJECT = PYPROJECT.replace("briefing-demo-plugin", "briefing-clash-plugin").split(
    "[project.entry-points"
)[0] + (
    '[project.entry-points."briefing.sources"]\nrss = "briefing_clash_plugin:KIND"\n'
    '[project.entry-points."briefing.readers"]\nmarkdown = "briefing_clash_plugin:READER"\n'
    '[project.entry-points."briefing.outputs"]\nmarkdown = "briefing_clash_plugin:OUTPUT"\n'
)

LEFT_OUT = (
    "plugin source kind 'rss' of briefing-clash-plugin 1.0 left out: the key 'feed' already "
    "belongs to the built-in source kind 'feed' (built-ins win, then the first plugin found); "
    "uninstall briefing-clash-plugin or ask its author to change it"
)


@pytest.fixture(scope="module")
def clash_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("clash")
    return install(root, "briefing_clash_plugin", CLASH, CLASH_PYPROJECT)


def test_a_plugin_cannot_take_a_built_in_name_key_or_extension(clash_site, tmp_path):
    listed = briefing(clash_site, "algorithms", "--all", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert "by the plugin" not in listed.stdout
    warnings = listed.stderr.splitlines()
    assert len(warnings) == 3, listed.stderr
    assert LEFT_OUT in warnings
    assert any(
        "format 'markdown' of briefing-clash-plugin 1.0 left out: the name 'markdown'" in w
        for w in warnings
    )
    assert any(
        "output 'markdown' of briefing-clash-plugin 1.0 left out: the file extension .md" in w
        for w in warnings
    )


def test_a_daily_feed_source_is_read_by_the_built_in_kind_with_a_clashing_plugin(
    clash_site, tmp_path
):
    with Site() as site:
        site.add(
            "/port.html",
            page(
                "Port reopens its north quay",
                "The north quay reopened on Tuesday after fourteen months of repairs.",
                "The first container ship will dock on Friday.",
            ),
        )
        site.add("/feed.xml", rss(site.base, [("Port", "/port.html")]), "application/rss+xml")
        config = tmp_path / "briefing.toml"
        config.write_text(
            'title = "Port news"\nformats = ["md"]\n'
            f'[[sources]]\nname = "Port feed"\nfeed = "{site.base}/feed.xml"\n'
        )
        result = briefing(
            clash_site, "run", "--config", str(config), "--date", "2026-11-24", cwd=tmp_path
        )
    assert result.returncode == 0, result.stderr
    assert LEFT_OUT in result.stderr
    markdown = (tmp_path / "output" / "2026-11-24" / "briefing.md").read_text()
    assert "The north quay reopened on Tuesday" in markdown


def test_of_two_plugins_with_one_name_the_first_found_is_used_and_the_other_named(tmp_path):
    site = tmp_path / "site"
    for package, text in (("first", "FIRST"), ("second", "SECOND")):
        dist = site / f"{package}_txt-1.0.dist-info"
        dist.mkdir(parents=True)
        (dist / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {package}-txt\nVersion: 1.0\n"
        )
        (dist / "entry_points.txt").write_text(f"[briefing.outputs]\ntxt = {package}_txt:OUTPUT\n")
        (site / f"{package}_txt.py").write_text(
            "from briefing.publish.outputs import Output\n"
            f"OUTPUT = Output('txt', 'txt', 'text', lambda rendering: b'{text}')\n"
        )
    (tmp_path / "a.txt").write_text("Title\n\nA first sentence here. A second one too.\n")
    result = briefing(site, "build", "a.txt", "--to", "txt", "--date", "2026-11-26", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = (tmp_path / "output" / "2026-11-26" / "briefing.txt").read_text()
    [used, other] = ("first", "second") if written == "FIRST" else ("second", "first")
    assert result.stderr == (
        f"plugin output 'txt' of {other}-txt 1.0 left out: the name 'txt' already belongs to "
        f"the output 'txt' of {used}-txt 1.0 (built-ins win, then the first plugin found); "
        f"uninstall {other}-txt or ask its author to change it\n"
    )
