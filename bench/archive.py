"""The archive rebuild (index.html and feed.xml) that every daily run does, over a year.

    .venv/bin/python bench/archive.py [--days 365] [--items 300] [--reference /work/main]

Writes ``--days`` dated folders, each with a record of ``--items`` realistic items (built
from the model's types: three sections of picked sentences per item, five highlights,
a failed source) and its md/html files, into a temporary folder. Then times ``rebuild()``
(best of 3, after one warm-up) in a fresh process per checkout, on the same folders:
the ``--reference`` checkout (reads every record), this one (reads the glances), and this
one again on folders whose glances were removed (as an older version left them: the first
rebuild reads the records and writes the glances, the next ones do not). Last, it checks
that both checkouts made the same page, and the same feed entries for the ones this one
keeps.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
WORDS = (
    "the port authority said on tuesday that the north quay would reopen after fourteen "
    "months of repairs costing forty eight million euros while the council weighed a fee "
    "rise and the regional board approved a tram extension reaching the harbour in 2029"
).split()


def sentence(seed: int, length: int = 22) -> str:
    words = [WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(length)]
    return " ".join(words).capitalize() + "."


def make(out: Path, days: int, items: int) -> None:
    """Write the dated folders with this checkout's code (records and glances)."""
    import datetime as dt

    from briefing.model import Briefing, DocumentDigest, Failure, Highlight, SectionDigest
    from briefing.publish.records import write_record

    start = dt.date(2026, 11, 26) - dt.timedelta(days=days - 1)
    for day in range(days):
        date = (start + dt.timedelta(days=day)).isoformat()
        documents = tuple(
            DocumentDigest(
                title=f"Item {n} of {date}: " + sentence(n, 8)[:-1],
                source=f"https://news.example.org/{date}/{n}.html",
                format="html",
                algorithm="auto",
                language="english",
                sections=tuple(
                    SectionDigest(
                        f"Part {s}" if s else "",
                        2 if s else 0,
                        tuple(sentence(day + n + s + k) for k in range(2)),
                        12,
                    )
                    for s in range(3)
                ),
                site="news.example.org",
                total_words=900,
                link=f"https://news.example.org/{date}/{n}.html",
                sources=("Harbour news",),
            )
            for n in range(items)
        )
        highlights = tuple(Highlight(sentence(day + k), k) for k in range(5))
        failures = (Failure("Gone", "https://gone.example.org/: HTTP 404"),)
        briefing = Briefing("Harbour", date, documents, highlights, failures=failures)
        write_record(out, briefing)
        (out / date / "briefing.md").write_text("# Harbour\n")
        (out / date / "briefing.html").write_text("<h1>Harbour</h1>\n")


def time_rebuild(code: str, out: str, save: str) -> None:
    """In a child process: time rebuild() with the code of ``code``; keep the files it made."""
    sys.path.insert(0, code)
    from briefing.publish.archive import rebuild

    first = time.perf_counter()
    rebuild(Path(out), title="Harbour")
    first = time.perf_counter() - first
    times = []
    for _ in range(3):
        start = time.perf_counter()
        rebuild(Path(out), title="Harbour")
        times.append(time.perf_counter() - start)
    for name in ("index.html", "feed.xml"):
        Path(save, name).write_bytes(Path(out, name).read_bytes())
    print(json.dumps({"first": first, "best": min(times)}))


def child(code: Path, out: Path, save: Path) -> dict:
    save.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, __file__, "--child", str(code), str(out), str(save)]
    env = {**os.environ, "PYTHONPATH": str(code)}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout)


def feed_entries(path: Path) -> list[str]:
    import xml.etree.ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    entries = list(ET.parse(path).getroot().iter(f"{atom}entry"))
    for entry in entries:
        entry.tail = None  # the last one's indentation differs
    return [ET.tostring(entry, encoding="unicode") for entry in entries]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--reference", type=Path, default=Path("/work/main"))
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        time_rebuild(*args.child)
        return
    sys.path.insert(0, str(HERE))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp, "output")
        start = time.perf_counter()
        make(out, args.days, args.items)
        records = sum(p.stat().st_size for p in out.glob("*/.briefing.json"))
        print(
            f"{args.days} dated folders of {args.items} items, records {records / 1e6:.0f} MB "
            f"in all, written in {time.perf_counter() - start:.1f} s"
        )
        before = child(args.reference, out, Path(tmp, "before"))
        after = child(HERE, out, Path(tmp, "after"))
        for glance in out.glob("*/.glance.json"):
            glance.unlink()
        healed = child(HERE, out, Path(tmp, "healed"))
        print(f"rebuild(), {args.reference} (every record): {before['best']:.3f} s")
        print(f"rebuild(), this checkout (glances):     {after['best']:.3f} s")
        print(
            f"rebuild(), this checkout, no glances yet: first {healed['first']:.3f} s "
            f"(reads the records, writes the glances), then {healed['best']:.3f} s"
        )
        same_page = Path(tmp, "before", "index.html").read_bytes() == (
            Path(tmp, "after", "index.html").read_bytes()
        )
        old, new = (feed_entries(Path(tmp, run, "feed.xml")) for run in ("before", "after"))
        sizes = [Path(tmp, run, "feed.xml").stat().st_size / 1e3 for run in ("before", "after")]
        print(f"index.html identical: {'yes' if same_page else 'NO'}")
        print(
            f"feed.xml: {len(old)} entries ({sizes[0]:.0f} kB) -> {len(new)} ({sizes[1]:.0f} kB); "
            f"the kept entries identical: {'yes' if old[: len(new)] == new else 'NO'}"
        )


if __name__ == "__main__":
    main()
