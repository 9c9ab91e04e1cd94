"""A full disk, a file-size limit, a read-only folder or a kill never loses the last briefing."""

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


def build(out, *sources, date="2026-11-24", to="md,html", preexec_fn=None):
    return subprocess.run(
        [
            BRIEFING,
            "build",
            *map(str, sources),
            "-o",
            str(out),
            "--date",
            date,
            "--to",
            to,
            "-j",
            "1",
        ],
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


def test_a_full_disk_fails_clearly_and_keeps_the_previous_briefing(small_disk, data_dir):
    out = small_disk / "output"
    assert build(out, data_dir / "notes-wrapped.txt").returncode == 0
    before = snapshot(out)
    fill(small_disk, leave=4096)
    result = build(out, data_dir / "harbour-plaintext.txt")
    assert result.returncode == 1
    assert "No space left on device" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert snapshot(out) == before


def test_a_file_size_limit_fails_clearly_and_keeps_the_previous_briefing(tmp_path, data_dir):
    out = tmp_path / "output"
    assert build(out, data_dir / "notes-wrapped.txt", to="md").returncode == 0
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
    small_disk, data_dir
):
    out = small_disk / "output"
    assert build(out, data_dir / "notes-wrapped.txt").returncode == 0
    before = snapshot(out)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    try:
        result = build(out, data_dir / "harbour-plaintext.txt")
        assert result.returncode == 1
        assert "Read-only file system" in result.stderr
        assert snapshot(out) == before
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)


def test_a_daily_run_on_a_full_disk_keeps_latest_and_the_database(small_disk, tmp_path, data_dir):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_bytes((data_dir / "notes-wrapped.txt").read_bytes())
    config = tmp_path / "briefing.toml"
    config.write_text(
        f'formats = ["md", "html"]\noutput_dir = "{small_disk}/output"\n'
        f'[[sources]]\nname = "r"\npath = "{reports}"\n'
    )
    run = [BRIEFING, "run", "--config", str(config), "-j", "1"]
    assert subprocess.run([*run, "--date", "2026-11-24"], capture_output=True).returncode == 0
    latest = (small_disk / "output" / "latest.md").read_bytes()
    (reports / "b.txt").write_bytes((data_dir / "harbour-plaintext.txt").read_bytes())
    fill(small_disk, leave=2048)
    result = subprocess.run([*run, "--date", "2026-11-25"], capture_output=True, text=True)
    assert result.returncode == 1
    assert "No space left on device" in result.stderr or "bytes free on its disk" in result.stderr
    assert (small_disk / "output" / "latest.md").read_bytes() == latest
    (small_disk / "filler").unlink()
    with sqlite3.connect(small_disk / "output" / "briefing.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM items").fetchone() == (1,)
    again = subprocess.run([*run, "--date", "2026-11-25"], capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert "Port of Eastfield" in (small_disk / "output" / "latest.md").read_text()


def test_killing_a_build_at_any_moment_leaves_old_or_new_files_never_a_mix(tmp_path, data_dir):
    out = tmp_path / "output"
    first = build(out, data_dir / "notes-wrapped.txt", to="md,html,pdf")
    assert first.returncode == 0, first.stderr
    old = snapshot(out)
    finished = subprocess.run(
        [
            BRIEFING,
            "build",
            str(data_dir / "harbour-plaintext.txt"),
            "-o",
            str(tmp_path / "ref"),
            "--date",
            "2026-11-24",
            "--to",
            "md,html",
            "-j",
            "1",
        ],
        capture_output=True,
    )
    assert finished.returncode == 0
    new = {k: v for k, v in snapshot(tmp_path / "ref").items()}
    rng = random.Random(7)
    for _ in range(6):
        process = subprocess.Popen(
            [
                BRIEFING,
                "build",
                str(data_dir / "harbour-plaintext.txt"),
                "-o",
                str(out),
                "--date",
                "2026-11-24",
                "--to",
                "md,html,pdf",
                "-j",
                "1",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.2, 2.5))
        process.send_signal(signal.SIGKILL)
        process.wait()
        for name, data in snapshot(out).items():
            if name.endswith(".tmp"):
                continue  # a temporary file a killed process could not remove
            if name.endswith(".pdf"):
                assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
            else:
                assert data in (old[name], new.get(name)), name
