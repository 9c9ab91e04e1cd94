"""The ``briefing`` command: output on stdout, one-line errors, exit codes.

Most tests call the command in this process (the ``cli`` fixture); those where the process
is the point (standard input in a pipe, the installed script's exit codes, ``python -m``,
what a fresh interpreter imports) start a real one.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BRIEFING = shutil.which("briefing", path=str(Path(sys.executable).parent)) or "briefing"


def run(*args, stdin=None):
    """The installed ``briefing`` script, in a process of its own."""
    return subprocess.run([BRIEFING, *map(str, args)], input=stdin, capture_output=True, text=True)


def test_summarize_prints_title_lede_and_each_heading_separately(cli, data_dir):
    result = cli("summarize", data_dir / "harbour-plaintext.txt")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Port of Eastfield reopens its north quay")
    heading_lines = [line for line in lines if line.startswith("## ")]
    assert [line.split("  (")[0] for line in heading_lines] == [
        "## Will the Queues Finally Shrink?",
        "## Fees: A Promise to Cut Them",
        "## Workers Return to the North Side",
        "## What Comes Next",
    ]
    bullets = [line for line in lines if line.startswith("  • ")]
    assert len(bullets) == 2 + 2 + 2 + 2 + 2
    assert not any("Shrink? During" in line or "Them The port" in line for line in lines)


def test_summarize_reads_stdin_in_a_pipe(data_dir):
    text = (data_dir / "harbour-plaintext.txt").read_text()
    result = run("summarize", "-", "--format", "json", "-n", "1", stdin=text)
    assert result.returncode == 0, result.stderr
    digest = json.loads(result.stdout)
    assert digest["title"].startswith("Port of Eastfield")
    assert digest["source"] == "<stdin>"
    assert digest["sections"][0]["heading"] == ""
    assert [len(s["sentences"]) for s in digest["sections"]] == [1, 1, 1, 1, 1]
    assert digest["sections"][1] == {
        "heading": "Will the Queues Finally Shrink?",
        "level": 2,
        "sentences": digest["sections"][1]["sentences"],
        "total_sentences": 4,
    }


def test_input_format_can_be_forced(cli, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("<h1>Title</h1><h2>Part</h2><p>One sentence. Two sentences.</p>")
    result = cli("summarize", page, "--input-format", "html", "--format", "json")
    assert result.returncode == 0, result.stderr
    sections = json.loads(result.stdout)["sections"]
    assert [(s["heading"], s["sentences"]) for s in sections] == [
        ("Part", ["One sentence.", "Two sentences."])
    ]


def test_algorithms_lists_each_one_on_a_line(cli):
    result = cli("algorithms")
    assert result.returncode == 0
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert names == [
        "lsa",
        "lexrank",
        "textrank",
        "luhn",
        "edmundson",
        "sumbasic",
        "kl",
        "reduction",
        "lead",
        "auto",
    ]


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["summarize", "missing.txt"], 1, "missing.txt: no such file"),
        (["summarize", "x.txt", "--algorithm", "magic"], 2, "unknown algorithm 'magic'"),
        (["summarize", "x.txt", "-n", "2", "-r", "0.5"], 2, "not allowed with argument"),
        (["summarize", "x.txt", "-r", "2"], 2, "at most 1"),
        (["summarize", "x.txt", "--language", "klingon"], 2, "unsupported language"),
        (["build", "x.txt", "--date", "2026-13-01"], 2, "invalid date"),
        (["build", "x.txt", "--to", "docx"], 2, "unknown output docx"),
        (["frobnicate"], 2, "invalid choice"),
    ],
)
def test_errors_are_one_line_with_a_documented_exit_code(cli, tmp_path, args, code, message):
    (tmp_path / "x.txt").write_text("Title\n\nA sentence here. Another one.\n")
    result = cli(*args, cwd=tmp_path)
    assert result.returncode == code
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("briefing: error: ")
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_binary_input_is_refused_without_a_traceback(tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00")
    result = run("summarize", tmp_path / "image.txt")
    assert result.returncode == 1
    assert "not a text file" in result.stderr
    assert "Traceback" not in result.stderr


def test_help_lists_exit_codes_and_version_answers(cli):
    usage = cli("--help")
    assert usage.returncode == 0
    assert "exit codes:" in usage.stdout and "usage error" in usage.stdout
    assert cli("summarize", "--help").returncode == 0
    version = run("--version")  # the installed script, in its own process
    assert version.returncode == 0 and version.stdout.startswith("briefing ")


def test_help_does_not_import_heavy_libraries():
    code = (
        "import sys; from briefing.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('sumy', 'numpy', 'weasyprint', 'nltk', 'trafilatura', 'jinja2')"
        " if m in sys.modules]\n"
        "print('HEAVY', heavy, file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "HEAVY []" in result.stderr


def test_python_dash_m_runs_the_same_command(data_dir):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "briefing",
            "summarize",
            data_dir / "harbour-plaintext.txt",
            "-n",
            "1",
        ],
        capture_output=True,
        text=True,
        env={**os.environ},
    )
    assert result.returncode == 0
    assert "## What Comes Next" in result.stdout
