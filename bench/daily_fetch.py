"""Daily runs against slow loopback news sites: concurrent fetching, and conditional requests.

    PYTHONPATH=$PWD .venv/bin/python bench/daily_fetch.py [--before /path/to/old/checkout]

1. One feed of 60 items whose pages each take 0.3 s to answer: the first run one request at
   a time (``max_connections = 1``) and with the default limits, each into a fresh output
   folder and database; their Markdown briefings must be byte-identical. With ``--before``,
   the same run by the code in that checkout (the "today" of issue 16).
2. Ten feeds of 30 items on three servers (three ports: three hosts), pages 0.3 s each:
   the first run, with the peak memory of the whole process tree; then the next day's run,
   when nothing is new: every feed must be answered 304, the server having seen the
   validators.

Each run is the installed ``briefing run`` in a subprocess (timed from start to exit), with
``formats = ["md"]`` unless ``--formats`` says otherwise, and the code's bytecode compiled
first, as an installed package has it (``PYTHONDONTWRITEBYTECODE`` would otherwise make
every run compile the modules it imports). Also prints the most requests each server was
answering at once, and where the first run's time goes: before the first page is asked
for, waiting for pages (at least ``items / per-host limit x 0.3 s``), and after the last
answer (summarising the last items, assembling, writing, exiting).
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]

from busysite import BusySite, add_feed  # noqa: E402
from end_to_end import BRIEFING, tree_rss  # noqa: E402

FIRST, NEXT = "2026-11-24", "2026-11-25"


def write_config(folder: Path, feeds: list[str], formats: str, extra: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    sources = "".join(
        f'\n[[sources]]\nname = "Feed {n}"\nfeed = "{url}"\nmax_items = 60\n'
        for n, url in enumerate(feeds)
    )
    config = folder / "briefing.toml"
    config.write_text(f"formats = [{formats}]\n{extra}\n[summary]\nsentences = 2\n{sources}")
    return config


STARTED: list[float] = []  # time.monotonic() when the last run started (the sites' clock)


def run(config: Path, date: str, pythonpath: str | None = None) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (the run and its worker processes) and peak memory."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    command = [BRIEFING, "run", "--config", str(config), "--date", date, "--quiet"]
    STARTED[:] = [time.monotonic()]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        peak = max(peak, tree_rss(process.pid))
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    process.returncode = code  # reaped above
    if code:
        raise SystemExit(f"briefing run exited with {code}: {process.stderr.read().decode()}")
    return seconds, usage.ru_utime + usage.ru_stime, peak


def breakdown(site: BusySite, seconds: float, per_host: int, latency: float) -> str:
    """Where a first run's seconds went, from the times the site saw its requests."""
    pages = sorted(r.at - STARTED[0] for r in site.requests if r.path.endswith(".html"))
    floor = -(-len(pages) // per_host) * latency
    waiting = pages[-1] + latency - pages[0]
    return (
        f"   where the time went: {pages[0]:.2f} s until the first page was asked for, "
        f"{waiting:.2f} s until the last answer (at least {floor:.1f} s at {per_host} per "
        f"host), {seconds - pages[-1] - latency:.2f} s after it"
    )


def reset(*sites: BusySite) -> None:
    for site in sites:
        site.requests.clear()
        site.statuses.clear()
        site.peak = 0


def one_feed(work: Path, formats: str, before: str | None, per_host: int | None) -> None:
    print("\n1. One feed, 60 items, pages answering in 0.3 s")
    with BusySite(latency=0.3) as site:
        feed = add_feed(site, "city", 60)
        before_s = None
        if before:
            old = write_config(work / "before", [feed], formats)
            before_s, cpu, _ = run(old, FIRST, before)
            print(
                f"   before (code in {before}): {before_s:5.1f} s (CPU {cpu:4.1f} s), at most {site.peak} at once"
            )
            reset(site)
        sequential = write_config(
            work / "sequential",
            [feed],
            formats,
            "max_connections = 1\nmax_connections_per_host = 1",
        )
        one_s, cpu, _ = run(sequential, FIRST)
        print(
            f"   one request at a time:       {one_s:5.1f} s (CPU {cpu:4.1f} s), at most {site.peak} at once"
        )
        reset(site)
        default = write_config(work / "default", [feed], formats)
        many_s, cpu, _ = run(default, FIRST)
        print(
            f"   default limits (16, 4/host): {many_s:5.1f} s (CPU {cpu:4.1f} s), at most {site.peak} at once"
        )
        print(breakdown(site, many_s, 4, 0.3))
        same = (work / "sequential/output" / FIRST / "briefing.md").read_bytes() == (
            work / "default/output" / FIRST / "briefing.md"
        ).read_bytes()
        than_before = f", {before_s / many_s:.1f}x faster than before" if before_s else ""
        print(
            f"   {one_s / many_s:.1f}x faster than one at a time{than_before}; "
            f"Markdown briefings byte-identical: {same}"
        )
        if per_host:
            reset(site)
            extra = f"max_connections_per_host = {per_host}"
            more_s, cpu, _ = run(write_config(work / "more", [feed], formats, extra), FIRST)
            print(
                f"   {per_host} per host instead of 4:     {more_s:5.1f} s (CPU {cpu:4.1f} s), "
                f"at most {site.peak} at once"
            )


def three_hosts(work: Path, formats: str) -> None:
    print("\n2. Ten feeds of 30 items on three hosts, pages answering in 0.3 s")
    with BusySite(latency=0.3) as a, BusySite(latency=0.3) as b, BusySite(latency=0.3) as c:
        sites = [a, b, c]
        feeds = [add_feed(sites[n % 3], f"feed{n}", 30, seed=n) for n in range(10)]
        config = write_config(work / "hosts", feeds, formats)
        seconds, cpu, peak = run(config, FIRST)
        items = sum(len(s.answered(200)) for s in sites) - len(feeds)
        print(
            f"   first run: {seconds:.1f} s (CPU {cpu:.1f} s) for {items} pages, peak memory "
            f"{peak / 2**20:.0f} MiB (process tree); at most "
            f"{', '.join(str(s.peak) for s in sites)} at once on the three hosts"
        )
        reset(*sites)
        seconds, cpu, _ = run(config, NEXT)
        feed_paths = [f"/feed{n}.xml" for n in range(10)]
        asked = [r for s in sites for r in s.requests if r.path in feed_paths]
        with_tags = sum("if-none-match" in r.headers for r in asked)
        not_modified = sum(p in feed_paths for s in sites for p in s.answered(304))
        print(
            f"   next day, nothing new: {seconds:.2f} s (CPU {cpu:.2f} s); {len(asked)} feed requests, "
            f"{with_tags} with If-None-Match, {not_modified} answered 304"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", help="a checkout of the code to compare with (PYTHONPATH)")
    parser.add_argument("--formats", default='"md"', help='TOML list items, e.g. \'"md", "pdf"\'')
    parser.add_argument("--per-host", type=int, help="also run 1. with this per-host limit")
    args = parser.parse_args()
    print(
        "$ python bench/daily_fetch.py"
        + (f" --before {args.before}" if args.before else "")
        + (f" --per-host {args.per_host}" if args.per_host else "")
    )
    print(f"{os.cpu_count()} CPUs, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    for code in filter(None, (HERE.parent, args.before)):
        compileall.compile_dir(Path(code) / "briefing", quiet=1)
    work = Path(tempfile.mkdtemp(prefix="briefing-fetch-"))
    try:
        one_feed(work, args.formats, args.before, args.per_host)
        three_hosts(work, args.formats)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
