"""Fast daily runs: requests in parallel within per-host and total limits, the briefing the
same as with one connection, validators sent back (a 304 is "no change"), Retry-After
honoured, robots.txt respected when asked, a User-Agent with a contact, progress bars only
on a terminal. Every server here is real, on 127.0.0.1, and keeps a record of what it saw."""

import datetime as dt
import fcntl
import os
import pty
import struct
import termios
import threading
import time
from pathlib import Path

import pytest
from busysite import LAST_MODIFIED, BusySite, Meter, add_feed, news_feed, news_page

from briefing.cli import main
from briefing.daily.config import load_config
from briefing.daily.logs import setup_logging
from briefing.daily.progress import progress_bars
from briefing.daily.run import run_daily
from briefing.fetch.polite import retry_delay

DAY, NEXT_DAY = "2026-11-24", "2026-11-25"


def write_config(folder: Path, feeds: list[str], extra: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    sources = "".join(
        f'\n[[sources]]\nname = "Feed {n}"\nfeed = "{url}"\n' for n, url in enumerate(feeds)
    )
    config = folder / "briefing.toml"
    config.write_text(f'formats = ["md"]\n{extra}\n[summary]\nsentences = 1\n{sources}')
    return config


def run(config: Path, capsys, date: str = DAY) -> tuple[int, str]:
    code = main(["run", "--config", str(config), "--date", date, "-j", "1"])
    return code, capsys.readouterr().err


def briefing_md(config: Path, date: str = DAY) -> bytes:
    return (config.parent / "output" / date / "briefing.md").read_bytes()


def test_no_host_gets_more_than_its_limit_and_the_run_no_more_than_its_total(tmp_path, capsys):
    meter = Meter()
    with BusySite(0.15, meter=meter) as one, BusySite(0.15, meter=meter) as two:
        feeds = [add_feed(one, "a", 10), add_feed(two, "b", 10, seed=1)]
        settings = "max_connections = 3\nmax_connections_per_host = 2"
        code, err = run(write_config(tmp_path, feeds, settings), capsys)
    assert code == 0, err
    assert one.peak == two.peak == 2  # the limit, reached and never passed
    assert meter.peak == 3
    assert len(one.answered(200)) == len(two.answered(200)) == 11  # the feed and its pages


def test_the_briefing_is_the_same_with_one_connection_whatever_order_answers_come_in(
    tmp_path, capsys
):
    with BusySite(0.02) as site:
        feeds = [add_feed(site, "city", 8), add_feed(site, "port", 5, seed=2)]
        for n in range(0, 8, 2):  # early items answer last
            site.delay[f"/city/{n}.html"] = 0.4
        one = write_config(tmp_path / "one", feeds, "max_connections = 1")
        many = write_config(tmp_path / "many", feeds)
        assert run(one, capsys)[0] == 0
        assert site.peak == 1
        site.peak = 0
        assert run(many, capsys)[0] == 0
        assert site.peak == 4
    assert briefing_md(one) == briefing_md(many)
    headings = [
        line
        for line in briefing_md(many).decode().splitlines()
        if "</a>" in line and 'id="document-' in line
    ]
    titles = [heading.partition("</a>")[2] for heading in headings]
    assert titles == [f"city story {n}" for n in range(8)] + [f"port story {n}" for n in range(5)]


def test_validators_are_sent_back_and_a_304_counts_as_no_change(tmp_path, capsys):
    with BusySite() as site:
        feed = add_feed(site, "city", 3)
        config = write_config(tmp_path, [feed])
        assert run(config, capsys)[0] == 0
        first = briefing_md(config)
        tag = site.seen("/city.xml")[0]
        assert "if-none-match" not in tag.headers
        site.requests.clear()

        code, err = run(config, capsys, NEXT_DAY)
        assert code == 0, err  # nothing new, and nothing failed
        (asked,) = site.seen("/city.xml")
        assert asked.headers["if-none-match"].startswith('"')
        assert asked.headers["if-modified-since"] == LAST_MODIFIED
        assert site.answered(304) == ["/city.xml"]
        assert [r.path for r in site.requests] == ["/city.xml"]  # briefed pages not asked for
        assert "Nothing new" in briefing_md(config, NEXT_DAY).decode()

        site.requests.clear()
        site.statuses.clear()
        assert run(config, capsys)[0] == 0  # the first day again: its pages, unchanged
        assert len(site.answered(304)) == 4 and not site.answered(200)
        assert briefing_md(config) == first  # made from the copies kept in the database


def test_a_changed_feed_is_downloaded_again_and_its_new_item_briefed(tmp_path, capsys):
    with BusySite() as site:
        feed = add_feed(site, "city", 2)
        config = write_config(tmp_path, [feed])
        assert run(config, capsys)[0] == 0
        site.add("/city/new.html", news_page("city late story", 99))
        items = [(f"city story {n}", f"/city/{n}.html") for n in range(2)]
        items.insert(0, ("city late story", "/city/new.html"))
        site.add("/city.xml", news_feed(site.base, items), "application/rss+xml")
        assert run(config, capsys, NEXT_DAY)[0] == 0
    assert site.answered(304) == [] and site.seen("/city/new.html")
    assert "city late story" in briefing_md(config, NEXT_DAY).decode()


def test_retry_after_holds_the_host_and_the_request_is_tried_again(tmp_path, capsys):
    with BusySite(0.2) as site:
        feed = add_feed(site, "city", 3)
        site.busy["/city/0.html"] = 1
        site.retry_after = "1"
        site.delay["/city/1.html"] = 0.5  # frees its place after the 429 came
        code, err = run(write_config(tmp_path, [feed], "max_connections_per_host = 2"), capsys)
    assert code == 0, err
    first, second = site.seen("/city/0.html")
    assert second.at - first.at >= 1.2
    (third,) = site.seen("/city/2.html")
    assert third.at - first.at >= 1.2  # the whole host waited, though a place was free
    assert "city story 0" in briefing_md(tmp_path / "briefing.toml").decode()


def test_a_retry_after_past_the_runs_deadline_fails_the_item_at_once(tmp_path, capsys):
    with BusySite() as site:
        feed = add_feed(site, "city", 2)
        site.busy["/city/1.html"] = 5
        site.retry_after = "3600"
        start = time.monotonic()
        code, err = run(write_config(tmp_path, [feed], "run_timeout = 60"), capsys)
    assert time.monotonic() - start < 30 and code == 3
    assert "/city/1.html: HTTP 429" in err and "Retry-After (3600 s) ends after" in err
    assert len(site.seen("/city/1.html")) == 1


def test_retry_after_may_be_a_date():
    now = dt.datetime(2026, 11, 24, 6, 0, tzinfo=dt.UTC).timestamp()
    assert retry_delay("Tue, 24 Nov 2026 06:00:30 GMT", now=now) == 30.0
    assert retry_delay("120") == 120.0
    assert retry_delay("soon") is None


ROBOTS = b"User-agent: *\nDisallow: /nothing-here/\n\nUser-agent: briefing\nDisallow: /city/1\n"


def test_robots_txt_is_asked_once_per_host_and_obeyed_when_asked(tmp_path, capsys):
    with BusySite() as site:
        feed = add_feed(site, "city", 3)
        site.add("/robots.txt", ROBOTS, "text/plain")
        code, err = run(write_config(tmp_path / "polite", [feed], "respect_robots = true"), capsys)
        assert code == 3
        assert "/city/1.html: not fetched: " in err and "robots.txt disallows it" in err
        assert not site.seen("/city/1.html") and len(site.seen("/robots.txt")) == 1
        assert len(site.seen("/city/0.html")) == len(site.seen("/city/2.html")) == 1
        site.requests.clear()
        assert run(write_config(tmp_path / "default", [feed]), capsys)[0] == 0
        assert site.seen("/city/1.html") and not site.seen("/robots.txt")


def test_a_robots_txt_that_cannot_be_read_forbids_and_a_missing_one_allows(tmp_path, capsys):
    with BusySite() as site:
        feed = add_feed(site, "city", 2)
        site.busy["/robots.txt"] = 1  # 429: the server could not say
        code, err = run(write_config(tmp_path / "a", [feed], "respect_robots = true"), capsys)
        assert code == 1 and "robots.txt could not be read (HTTP 429)" in err
        assert not site.seen("/city/0.html")
        code, err = run(write_config(tmp_path / "b", [feed], "respect_robots = true"), capsys)
        assert code == 0, err  # now 404: no rules
        assert site.seen("/city/0.html")


def test_every_request_names_briefing_and_the_operators_contact(tmp_path, capsys):
    contact = "https://example.org/about-our-briefing"
    with BusySite() as site:
        feed = add_feed(site, "city", 2)
        config = write_config(tmp_path, [feed], f'contact = "{contact}"')
        assert run(config, capsys)[0] == 0
    (agent,) = {r.headers["user-agent"] for r in site.requests}
    assert agent.startswith("briefing/") and agent.endswith(f"+{contact})")


@pytest.mark.parametrize(
    "setting, message",
    [
        ('contact = "javascript:alert(1)"', "'contact' must be an http(s) or mailto: URL"),
        ('contact = "https://a.example/\\r\\nX-Evil: 1"', "'contact' must be a URL of printable"),
        ("max_connections = 0", "'max_connections' must be between 1 and 256"),
        ("max_connections_per_host = 100", "'max_connections_per_host' must be between 1"),
        ('respect_robots = "yes"', "'respect_robots' must be true or false"),
    ],
)
def test_bad_politeness_settings_are_refused_at_load(tmp_path, capsys, setting, message):
    config = write_config(tmp_path, ["http://127.0.0.1:9/feed.xml"], setting)
    code, err = run(config, capsys)
    assert code == 2
    assert f"{config}:2: {message}" in err


def test_progress_bars_on_a_terminal_count_unchanged_and_failed(tmp_path):
    setup_logging(quiet=True)
    with BusySite() as site:
        feed = add_feed(site, "city", 3)
        config = load_config(write_config(tmp_path, [feed, site.base + "/gone.xml"]))
        run_daily(config, date=DAY, jobs=1)
        master, child = pty.openpty()
        fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
        screen = bytearray()
        reader = threading.Thread(target=_drain, args=(master, screen), daemon=True)
        reader.start()
        with open(child, "w", closefd=True) as terminal:
            with progress_bars(terminal) as bars:
                run_daily(config, date=NEXT_DAY, jobs=1, progress=bars)
            counts = bars.counts
            for _ in range(50):  # what is still unread is lost when the terminal closes
                if b"summarising" in screen:
                    break
                time.sleep(0.05)
        reader.join(5)
    assert counts == {"failed": 1, "unchanged": 1}
    assert b"fetching" in screen and b"summarising" in screen


def test_under_cron_a_run_prints_nothing_but_warnings(tmp_path, capsys):
    with BusySite() as site:
        feed = add_feed(site, "city", 2)
        code, err = run(write_config(tmp_path, [feed]), capsys)
    assert code == 0 and err == ""


def _drain(fd: int, into: bytearray) -> None:
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            return
        if not chunk:
            return
        into += chunk


def test_answers_taken_in_order_all_come_even_when_waiting_ones_fill_the_memory_allowed(
    monkeypatch,
):
    from briefing.fetch import pool

    monkeypatch.setattr(pool, "MAX_WAITING_BYTES", 1)  # one answer waiting fills it
    with BusySite(0.05) as one, BusySite(0.05) as two:
        urls, bodies = [], []
        for n in range(6):
            for site in (two, one):  # taken in an order the other host's answers wait for
                body = news_page(f"story {n}", n)
                urls.append(site.add(f"/{n}.html", body))
                bodies.append(body)
        with pool.Fetcher(pool.Limits(connections=4, per_host=2)) as fetcher:
            jobs = [fetcher.submit(url) for url in urls]
            assert [job.result().body for job in jobs] == bodies
    assert one.peak <= 2 and two.peak <= 2
