"""A full disk, a file-size limit, a read-only folder or a kill never loses the last briefing.

Builds and runs are made in this process (``briefing.cli.main``), except where the process
is the point: a file-size limit set on that process alone, and processes killed half-way.
"""

import os
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

BRIEFING = str(Path(sys.executable).parent / "briefing")


def build_args(out, *sources, date="2026-11-24", to="md,html") -> list[str]:
    """The arguments of ``briefing build`` writing ``sources`` to ``out``."""
    return ["build", *map(str, sources), "-o", str(out), "--date", date, "--to", to, "-j", "1"]


def build(out, *sources, preexec_fn=None, **options):
    """``briefing build`` in a process of its own (``preexec_fn`` limits that process only)."""
    return subprocess.run(
        [BRIEFING, *build_args(out, *sources, **options)],
        capture_output=True,
        text=True,
        preexec_fn=preexec_fn,
    )


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MB tmpfs (needs root; skipped where mounting is not allowed)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True
    )
    if result.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path, leave: int) -> None:
    """Fill the file system of ``folder`` until about ``leave`` bytes are free."""
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    with open(folder / "filler", "wb") as handle:
        try:
            handle.write(b"\0" * max(0, free - leave))
        except OSError:
            pass


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_full_disk_fails_clearly_and_keeps_the_previous_briefing(small_disk, data_dir, cli):
    out = small_disk / "output"
    assert cli(*build_args(out, data_dir / "notes-wrapped.txt")).returncode == 0
    before = snapshot(out)
    fill(small_disk, leave=4096)
    result = cli(*build_args(out, data_dir / "harbour-plaintext.txt"))
    assert result.returncode == 1
    assert "No space left on device" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert snapshot(out) == before


def test_a_file_size_limit_fails_clearly_and_keeps_the_previous_briefing(tmp_path, data_dir, cli):
    out = tmp_path / "output"
    assert cli(*build_args(out, data_dir / "notes-wrapped.txt", to="md")).returncode == 0
    before = snapshot(out)

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))

    result = build(
        out, data_dir / "harbour-plaintext.txt", "--ratio", "1", to="md", preexec_fn=limit
    )
    assert result.returncode == 1
    assert "File too large" in result.stderr
    assert snapshot(out) == before


def test_a_read_only_output_folder_fails_clearly_and_keeps_the_previous_briefing(
    small_disk, data_dir, cli
):
    out = small_disk / "output"
    assert cli(*build_args(out, data_dir / "notes-wrapped.txt")).returncode == 0
    before = snapshot(out)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    try:
        result = cli(*build_args(out, data_dir / "harbour-plaintext.txt"))
        assert result.returncode == 1
        assert "Read-only file system" in result.stderr
        assert snapshot(out) == before
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)


def test_a_daily_run_on_a_full_disk_keeps_latest_and_the_database(
    small_disk, tmp_path, data_dir, cli
):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_bytes((data_dir / "notes-wrapped.txt").read_bytes())
    config = tmp_path / "briefing.toml"
    config.write_text(
        f'formats = ["md", "html"]\noutput_dir = "{small_disk}/output"\n'
        f'[[sources]]\nname = "r"\npath = "{reports}"\n'
    )
    run = ["run", "--config", str(config), "-j", "1"]
    assert cli(*run, "--date", "2026-11-24").returncode == 0
    latest = (small_disk / "output" / "latest.md").read_bytes()
    (reports / "b.txt").write_bytes((data_dir / "harbour-plaintext.txt").read_bytes())
    fill(small_disk, leave=2048)
    result = cli(*run, "--date", "2026-11-25")
    assert result.returncode == 1
    assert "No space left on device" in result.stderr or "bytes free on its disk" in result.stderr
    assert (small_disk / "output" / "latest.md").read_bytes() == latest
    (small_disk / "filler").unlink()
    with sqlite3.connect(small_disk / "output" / "briefing.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM items").fetchone() == (1,)
    again = cli(*run, "--date", "2026-11-25")
    assert again.returncode == 0, again.stderr
    assert "Port of Eastfield" in (small_disk / "output" / "latest.md").read_text()


def forked_build(args: list[str]) -> int:
    """Start ``briefing build`` in a child process forked from this one; return its pid.

    The child already has every library loaded, so its time goes to the build itself
    (summarising, rendering, writing) instead of to imports: kills at random moments of
    its life land where files are written, not while Python starts.
    """
    pid = os.fork()
    if pid == 0:  # the child: build, then leave at once, whatever happens
        code = 70
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            sys.stdout = sys.stderr = open(os.devnull, "w")
            from briefing.cli import main

            code = main(args)
        finally:
            os._exit(code)
    return pid


def wait_for_a_new_temporary_file(folder: Path, pid: int, deadline: float = 60) -> bool:
    """Wait until a ``.tmp`` file not there before appears in ``folder`` (the build has begun
    writing): True; or until the process ``pid`` has ended (it is then reaped): False."""
    before = set(os.listdir(folder))
    give_up = time.monotonic() + deadline
    while time.monotonic() < give_up:
        if any(n.endswith(".tmp") and n not in before for n in os.listdir(folder)):
            return True
        if os.waitpid(pid, os.WNOHANG) != (0, 0):
            return False
        time.sleep(0.0005)
    return True


def test_killing_a_build_at_any_moment_leaves_old_or_new_files_never_a_mix(tmp_path, data_dir, cli):
    out = tmp_path / "output"
    first = cli(*build_args(out, data_dir / "notes-wrapped.txt", to="md,html,pdf"))
    assert first.returncode == 0, first.stderr
    old = snapshot(out)
    # The same build, left to finish: what "new" is, and how long a build lives.
    started = time.monotonic()
    args = build_args(tmp_path / "ref", data_dir / "harbour-plaintext.txt", to="md,html,pdf")
    finished = forked_build(args)
    assert os.waitpid(finished, 0)[1] == 0
    lifetime = time.monotonic() - started
    new = snapshot(tmp_path / "ref")
    assert set(new) == set(old)
    assert new["2026-11-24/briefing.md"] != old["2026-11-24/briefing.md"]
    rng = random.Random(7)
    for kill in range(6):
        pid = forked_build(build_args(out, data_dir / "harbour-plaintext.txt", to="md,html,pdf"))
        running = True
        if kill % 2:
            # While it writes: its temporary files are being filled, flushed or renamed.
            running = wait_for_a_new_temporary_file(out / "2026-11-24", pid)
            time.sleep(rng.uniform(0, 0.05))
        else:
            time.sleep(rng.uniform(0, lifetime))  # any moment of its life
        if running:  # (a process that ended is a zombie until reaped: killing it is harmless)
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        for name, data in snapshot(out).items():
            if name.endswith(".tmp"):
                continue  # a temporary file a killed process could not remove
            if name.endswith(".pdf"):
                assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
            else:
                assert data in (old[name], new.get(name)), name
