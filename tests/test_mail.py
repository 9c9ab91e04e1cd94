"""Mail: a daily run mails its briefing to a real SMTP server (STARTTLS, AUTH) started here;
a send that fails leaves the files, exits 5 and is retried once by the next run."""

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from smtpserver import PASSWORD, MailServer, free_port

from briefing.cli import main

BRIEFING = str(Path(sys.executable).parent / "briefing")

HARBOUR = """# Port reopens its north quay

The north quay of the port reopened on Tuesday after fourteen months of repairs. The first
container ship will dock on Friday. Waiting times for lorries should fall below a day.

## Costs

The repairs cost 48 million euros. The port authority will halve the planned fee rise in
April. Shipping lines welcomed the decision on Wednesday.
"""

COUNCIL = """# Council passes a smaller budget

The city council passed next year's budget on Monday by a narrow vote. Spending on roads
falls by a tenth. Libraries keep their opening hours.

## Reactions

The opposition called the cuts short-sighted. The mayor said the budget was balanced.
"""


def write_config(folder: Path, server: MailServer, *, formats='["md", "html"]', mail="", to=None):
    text = f'title = "Harbour briefing"\nformats = {formats}\n'
    text += f'\n[[sources]]\nname = "Reports"\npath = "{folder / "reports"}"\n'
    text += server.config(extra=mail, **({"to": to} if to else {}))
    path = folder / "briefing.toml"
    path.write_text(text)
    return path


@pytest.fixture
def reports(tmp_path):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "harbour.md").write_text(HARBOUR)
    return tmp_path


@pytest.fixture
def server(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_TEST_SMTP", PASSWORD)
    with MailServer(tmp_path) as server:
        yield server


def new_report(folder: Path, name: str, text: str) -> None:
    (folder / "reports" / name).write_text(text)


def deliveries(folder: Path) -> list[tuple]:
    with sqlite3.connect(folder / "output" / "briefing.sqlite3") as db:
        return db.execute("SELECT date, status, attempts FROM deliveries ORDER BY date").fetchall()


def test_a_run_mails_html_with_inlined_styles_text_and_the_pdf_over_starttls(reports, server):
    config = write_config(reports, server, formats='["md", "html", "pdf"]')
    assert main(["run", "--config", str(config), "--date", "2026-11-24"]) == 0
    assert server.logins == ["briefing:ok"]
    [mail] = server.received
    assert mail.sender == "briefing@example.org" and mail.recipients == ["reader@example.org"]
    message = mail.message
    assert message["Subject"] == "Harbour briefing · 2026-11-24"
    assert message["To"] == "reader@example.org"
    assert re.fullmatch(r"<briefing-2026-11-24\.[0-9a-f]{12}@example\.org>", message["Message-ID"])
    assert message["Date"] and message["Auto-Submitted"] == "auto-generated"
    assert message["List-Id"] == '"Harbour briefing" <harbour-briefing.example.org>'
    assert message.get_content_type() == "multipart/mixed"
    alternative, attachment = message.iter_parts()
    assert alternative.get_content_type() == "multipart/alternative"
    text, html = alternative.iter_parts()
    assert text.get_content_type() == "text/plain" and html.get_content_type() == "text/html"
    assert "Port reopens its north quay" in text.get_content()
    assert "The first container ship will dock on Friday." in text.get_content()
    page = html.get_content()
    # Styles are in the elements themselves, with CSS variables resolved
    assert re.search(r'<h1 [^>]*style="[^"]*font-weight: 700', page)
    assert re.search(r'<small [^>]*style="[^"]*color: #6a6f76', page)
    assert "var(--" not in page.split("</head>")[1]
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "briefing-2026-11-24.pdf"
    written = reports / "output" / "2026-11-24" / "briefing.pdf"
    assert attachment.get_content() == written.read_bytes()
    assert deliveries(reports) == [("2026-11-24", "sent", 1)]


def test_a_refused_login_exits_5_keeps_the_files_and_the_next_run_retries_once(
    reports, server, monkeypatch, capsys
):
    config = write_config(reports, server, mail='attach = ["md"]')
    monkeypatch.setenv("BRIEFING_TEST_SMTP", "wrong")
    assert main(["run", "--config", str(config), "--date", "2026-11-24"]) == 5
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    assert "mail not delivered" in err and "login refused for briefing: 535" in err
    first = reports / "output" / "2026-11-24" / "briefing.md"
    assert first.is_file() and "north quay" in first.read_text()
    assert deliveries(reports) == [("2026-11-24", "failed", 1)]

    # Still refused the next day: today's and the retry of yesterday's both fail; exit 5
    new_report(reports, "council.md", COUNCIL)
    assert main(["run", "--config", str(config), "--date", "2026-11-25"]) == 5
    assert deliveries(reports) == [("2026-11-24", "failed", 2), ("2026-11-25", "failed", 1)]
    assert "after one retry" in capsys.readouterr().err

    # Fixed: the next run mails its own and retries 11-25 (its first retry), not 11-24 again
    monkeypatch.setenv("BRIEFING_TEST_SMTP", PASSWORD)
    new_report(reports, "third.md", HARBOUR.replace("north quay", "south quay"))
    assert main(["run", "--config", str(config), "--date", "2026-11-26"]) == 0
    subjects = sorted(m.message["Subject"] for m in server.received)
    assert subjects == ["Harbour briefing · 2026-11-25", "Harbour briefing · 2026-11-26"]
    assert deliveries(reports)[0] == ("2026-11-24", "failed", 2)

    # 11-24 only goes out when asked for
    assert main(["send", "--config", str(config), "--date", "2026-11-24"]) == 0
    assert "mailed the briefing of 2026-11-24" in capsys.readouterr().out
    assert server.received[-1].message["Subject"] == "Harbour briefing · 2026-11-24"
    assert server.received[-1].message.get_content_type() == "multipart/mixed"
    assert deliveries(reports)[0] == ("2026-11-24", "sent", 3)


def test_an_unreachable_mail_server_exits_5_with_one_line_and_the_briefing_written(reports, server):
    config = write_config(reports, server, mail='attach = ["md"]')
    config.write_text(config.read_text().replace(f"port = {server.port}", f"port = {free_port()}"))
    env = {**os.environ, "BRIEFING_TEST_SMTP": PASSWORD}
    result = subprocess.run(
        [BRIEFING, "run", "--config", str(config), "--date", "2026-11-24"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 5, result.stderr
    [line] = result.stderr.strip().splitlines()
    assert "cannot reach the mail server 127.0.0.1:" in line and "refused" in line
    assert result.stdout.split() == [
        str(reports / "output" / "2026-11-24" / "briefing.md"),
        str(reports / "output" / "2026-11-24" / "briefing.html"),
    ]
    sent = subprocess.run(
        [BRIEFING, "send", "--config", str(config)], capture_output=True, text=True, env=env
    )
    assert sent.returncode == 5 and sent.stderr.startswith("briefing: error: 2026-11-24: mail")


def test_a_refused_recipient_is_reported_and_only_it_is_retried(reports, server, capsys):
    to = ("reader@example.org", "gone@example.org")
    config = write_config(reports, server, mail='attach = ["md"]', to=to)
    server.refuse.add("gone@example.org")
    assert main(["run", "--config", str(config), "--date", "2026-11-24"]) == 5
    assert "gone@example.org (550 5.1.1 no such mailbox here)" in capsys.readouterr().err
    assert [m.recipients for m in server.received] == [["reader@example.org"]]
    assert deliveries(reports) == [("2026-11-24", "partial", 1)]
    server.refuse.clear()
    new_report(reports, "council.md", COUNCIL)
    assert main(["run", "--config", str(config), "--date", "2026-11-25"]) == 0
    retried = [m for m in server.received if m.message["X-Briefing-Date"] == "2026-11-24"]
    assert [m.recipients for m in retried] == [["reader@example.org"], ["gone@example.org"]]


def test_a_nothing_new_day_mails_nothing_unless_send_empty(reports, server, capsys):
    config = write_config(reports, server, mail='attach = ["md"]')
    assert main(["run", "--config", str(config), "--date", "2026-11-24"]) == 0
    assert main(["run", "--config", str(config), "--date", "2026-11-25"]) == 0
    assert len(server.received) == 1
    config.write_text(config.read_text() + "send_empty = true\n")
    assert main(["run", "--config", str(config), "--date", "2026-11-26"]) == 0
    assert server.received[-1].message["Subject"] == "Harbour briefing · 2026-11-26"
    assert "Nothing new" in server.received[-1].message.get_body(("plain",)).get_content()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('password = "hunter2"', ":9: [mail] 'password' must not be in the config file"),
        ('security = "tls"', ":9: [mail] 'security' must be one of starttls, ssl, none"),
        ('subject = "{title.upper}"', ":9: [mail] 'subject' may use {title}, {date}, {items}"),
        ('attach = ["docx"]', ":9: [mail] 'attach' names no output: 'docx'"),
        ("prot = 25", ":9: [mail] 'prot' unknown setting (did you mean 'port'?"),
    ],
)
def test_mail_settings_are_checked_at_load_with_file_line_and_key(tmp_path, capsys, line, expected):
    config = tmp_path / "briefing.toml"
    config.write_text(
        '[[sources]]\npath = "."\n\n[mail]\nto = ["a@example.org"]\nfrom = "b@example.org"\n'
        f'user = "me"\npassword_env = "X"\n{line}\n'
    )
    assert main(["send", "--config", str(config)]) == 2
    assert f"briefing: error: {config}{expected}" in capsys.readouterr().err
