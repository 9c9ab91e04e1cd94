"""Shared fixtures: the project's own example documents under tests/data/, and the CLI
called in this process (as the console script calls it) for tests about what the command
prints and returns, where starting a new process would prove nothing more."""

import logging
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    return DATA


@dataclass(frozen=True)
class Result:
    """What the command did: like ``subprocess.CompletedProcess``, so tests read the same."""

    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys, monkeypatch):
    """``cli("summarize", path, cwd=folder)``: run ``briefing.cli.main`` in this process and
    return its exit code and what it wrote to stdout and stderr.

    Usage errors leave argparse through ``SystemExit``, as ``--help`` and ``--version`` do;
    the console script turns that into the exit code, and so does this. A warning logged
    where no handler is set goes to stderr, as in a process of its own (pytest's log
    capture would otherwise take it). The ``briefing`` logger is put back afterwards, so no
    handler a daily run sets up outlives its test.
    """
    from briefing.cli import main

    logger = logging.getLogger("briefing")
    saved = (logger.handlers[:], logger.level, logger.propagate)

    def call(*args, cwd=None) -> Result:
        capsys.readouterr()  # drop anything printed before the command
        if not logger.handlers:
            logger.addHandler(logging.lastResort)
        with monkeypatch.context() as patch:
            if cwd is not None:
                patch.chdir(cwd)
            try:
                code = main([os.fspath(a) for a in args])
            except SystemExit as stop:
                code = stop.code if isinstance(stop.code, int) else 0 if stop.code is None else 1
        out, err = capsys.readouterr()
        return Result(code, out, err)

    yield call
    for handler in logger.handlers:
        if handler not in saved[0] and handler is not logging.lastResort:
            handler.close()
    logger.handlers[:], logger.level, logger.propagate = saved[0], saved[1], saved[2]
