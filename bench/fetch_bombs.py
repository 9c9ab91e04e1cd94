"""Peak memory of ``fetch`` against decompression bombs (1 GiB of zeros in a few KB), and
the time it takes to refuse them; each bomb in a fresh subprocess, served on 127.0.0.1.

    PYTHONPATH=$PWD python bench/fetch_bombs.py
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from test_fetch_safety import GOOD, PEAK, RawSite, _bomb, _small  # noqa: E402

ENCODINGS = ["br", "zstd", "gzip", "gzip, gzip", "deflate"]


def main() -> None:
    site = RawSite()
    try:
        print(f"{'encoding':12} {'bomb bytes':>10} {'peak growth':>12} {'seconds':>8}  outcome")
        for encoding in ENCODINGS:
            bomb = _bomb(encoding)
            if encoding == "deflate":  # raw zlib stream of the same zeros
                bomb = _bomb("gzip")[10:-8]
            small = _small("gzip", GOOD["/news/port.html"]) if encoding == "deflate" else None
            headers = {"Content-Type": "text/html", "Content-Encoding": encoding}
            site.routes["/small"] = (
                {**headers, "Content-Encoding": "gzip"} if small else headers,
                small or _small(encoding, GOOD["/news/port.html"]),
            )
            site.routes["/bomb"] = (headers, bomb)
            start = time.monotonic()
            result = subprocess.run(
                [sys.executable, "-c", PEAK, site.base + "/small", site.base + "/bomb"],
                capture_output=True,
                text=True,
            )
            seconds = time.monotonic() - start
            lines = result.stdout.splitlines() or [result.stderr.strip().splitlines()[-1], "?"]
            outcome, grown = lines[0], lines[-1]
            print(
                f"{encoding:12} {len(bomb):>10} {grown + ' MB':>12} {seconds:>8.2f}  {outcome[-60:]}"
            )
    finally:
        site.close()


if __name__ == "__main__":
    main()
