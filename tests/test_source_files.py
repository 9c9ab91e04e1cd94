"""The files of a ``path`` source: no links out of the folder, no FIFOs, devices or kernel
files, no loops, and a misspelt folder or an empty glob is a failed source, not a quiet day."""

import os
import signal
import sqlite3

from dailyrun import GOOD, folder_source, run_cli, write_config


def test_links_out_of_the_folder_fifos_and_kernel_files_are_not_read(tmp_path, capsys):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "good.md").write_text(GOOD)
    (reports / "alias.md").symlink_to("good.md")  # inside the folder: read (once, by content)
    secret = tmp_path / "private" / "secret.md"
    secret.parent.mkdir()
    secret.write_text("# Salaries\n\nThe director earns nine million a year. Nobody knows.\n")
    (reports / "secret.md").symlink_to(secret)
    (reports / "passwd.txt").symlink_to("/etc/passwd")
    (reports / "status.txt").symlink_to("/proc/self/status")
    os.mkfifo(reports / "pipe.md")
    config = write_config(tmp_path, folder_source(reports))

    def run(date):
        def hung(signum, frame):
            raise TimeoutError("the run blocked (on the FIFO?)")

        previous = signal.signal(signal.SIGALRM, hung)
        signal.alarm(60)
        try:
            code = run_cli(config, "--date", date)
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)
        return code, capsys.readouterr().err

    code, err = run("2026-11-24")
    assert code == 0, err
    md = (tmp_path / "output" / "2026-11-24" / "briefing.md").read_text()
    assert "Quarterly note" in md
    assert "Salaries" not in md and "root:" not in md and "VmRSS" not in md
    assert "secret.md skipped: a link to" in err
    assert "follow_symlinks = true" in err
    assert "pipe.md skipped: a FIFO" in err

    config.write_text(config.read_text() + "follow_symlinks = true\n")
    code, err = run("2026-11-25")
    md = (tmp_path / "output" / "2026-11-25" / "briefing.md").read_text()
    assert "Salaries" in md  # the operator asked for it
    assert "VmRSS" not in md and "status.txt skipped: a kernel file" in err
    assert "pipe.md skipped: a FIFO" in err


def test_a_misspelt_folder_or_a_glob_matching_nothing_is_a_failed_source(tmp_path, capsys):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "good.md").write_text(GOOD)
    config = write_config(
        tmp_path,
        folder_source(reports)
        + folder_source(tmp_path / "reprots", "Typo")
        + folder_source(reports / "*.rst", "Glob"),
    )
    assert run_cli(config, "--date", "2026-11-24") == 3
    err = capsys.readouterr().err
    assert f"source 'Typo' failed: {tmp_path / 'reprots'}: no such folder or file" in err
    assert f"source 'Glob' failed: {reports / '*.rst'}: matches no files" in err
    assert "Quarterly note" in (tmp_path / "output" / "latest.md").read_text()

    alone = write_config(tmp_path, folder_source(tmp_path / "reprots", "Typo"))
    assert run_cli(alone, "--date", "2026-11-25") == 1
    assert "every source failed" in capsys.readouterr().err


def test_a_glob_does_not_loop_through_a_link_to_its_own_folder(tmp_path, capsys):
    reports = tmp_path / "reports"
    (reports / "sub").mkdir(parents=True)
    (reports / "sub" / "good.md").write_text(GOOD)
    (reports / "sub" / "loop").symlink_to("..")
    config = write_config(tmp_path, folder_source(reports / "**" / "*.md"))
    assert run_cli(config, "--date", "2026-11-24") == 0
    assert "Quarterly note" in (tmp_path / "output" / "latest.md").read_text()
    with sqlite3.connect(tmp_path / "output" / "briefing.sqlite3") as db:
        assert db.execute("SELECT location FROM items").fetchall() == [
            (str(reports / "sub" / "good.md"),)
        ]
