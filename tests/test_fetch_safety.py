"""Fetching from strangers: a feed cannot reach the host's own services, blow up memory with
a compressed bomb, or hold a run past its deadline.

A "hostile" site (the feed's own) and an "internal service" on another 127.0.0.1 port that
serves a fake token stand in for the attacker and for what it is after.
"""

import subprocess
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from webserver import Site, page, rss

from briefing.cli import main
from briefing.fetch.http import FetchError, RefusedError, fetch

TOKEN = "TOKEN-7f3a9c1e-internal-admin-secret"
ADMIN = page(
    "Admin console",
    f"The service account token is {TOKEN}. Keep it secret. Never share it.",
    "Rotate it monthly. Only administrators may read this page.",
)
GOOD = {
    "/news/port.html": page(
        "Port reopens north quay",
        "The north quay of the port reopened on Tuesday after fourteen months of repairs. "
        "The first container ship will dock on Friday.",
        "The repairs cost 48 million euros. The port authority will halve the fee rise.",
    ),
    "/news/rail.html": page(
        "Night trains return to the coast line",
        "A night train will run between the capital and the coast from March. "
        "Tickets go on sale next week.",
        "The line was closed for three years. Local hotels welcomed the news.",
    ),
}
DATE = "2026-11-24"


@pytest.fixture
def internal():
    """The internal service: on 127.0.0.1 like the feed, but on a port of its own."""
    with Site() as site:
        site.add("/admin", ADMIN)
        yield site


@pytest.fixture
def hostile():
    with Site() as site:
        for path, body in GOOD.items():
            site.add(path, body)
        yield site


def hosts_file_name() -> str:
    """A name the hosts file gives to a loopback address (other than localhost if it can)."""
    names = []
    for line in Path("/etc/hosts").read_text().splitlines():
        fields = line.split("#")[0].split()
        if len(fields) > 1 and fields[0].startswith("127."):
            names += fields[1:]
    return next((n for n in names if n != "localhost"), "localhost")


def spellings(port: int) -> list[str]:
    """The internal service's admin page, spelt every way a resolver accepts."""
    hosts = [
        "127.0.0.1",
        "localhost",
        "LocalHost",
        hosts_file_name(),
        "2130706433",  # decimal
        "0x7f000001",  # hex
        "017700000001",  # octal
        "0x7f.1",  # hex, short
        "127.1",  # short
        "0",  # 0.0.0.0 reaches the host itself on Linux
        "[::1]",
        "[::ffff:127.0.0.1]",  # IPv4-mapped
        "[::ffff:7f00:1]",  # the same, in hex
        "[::127.0.0.1]",  # IPv4-compatible
    ]
    return [f"http://{host}:{port}/admin" for host in hosts]


def write_config(tmp_path: Path, feed: str, extra: str = "") -> Path:
    config = tmp_path / "briefing.toml"
    config.write_text(
        f"""
title = "Safety test"
formats = ["md"]
{extra}
[summary]
sentences = 1

[[sources]]
name = "Stranger's feed"
feed = "{feed}"
max_items = 50
"""
    )
    return config


def run(config: Path, capsys) -> tuple[int, str]:
    code = main(["run", "--config", str(config), "--date", DATE, "-j", "1"])
    return code, capsys.readouterr().err


def every_output(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_a_feed_linking_to_internal_addresses_fetches_none_and_briefs_the_rest(
    tmp_path, capsys, hostile, internal
):
    port = internal.server.server_address[1]
    hostile.add("/moved", f"http://127.0.0.1:{port}/admin".encode(), status=302)
    bad = [*spellings(port), hostile.base + "/moved"]
    links = [("Port", "/news/port.html"), ("Rail", "/news/rail.html")]
    feed_items = rss(hostile.base, links).replace(
        b"</channel>",
        b"".join(
            f"<item><title>Admin {n}</title><link>{url}</link>"
            "<description>The feed's own words about the admin page. They stand in for "
            "the page when it cannot be fetched, but not when it is refused.</description>"
            "</item>".encode()
            for n, url in enumerate(bad)
        )
        + b"</channel>",
    )
    feed = hostile.add("/feed.xml", feed_items, content_type="application/rss+xml")
    code, err = run(write_config(tmp_path, feed), capsys)

    assert code == 3, err
    assert internal.hits == []  # the internal service never saw a request
    for url in bad:
        warning = next((line for line in err.splitlines() if url in line), "")
        assert "refused" in warning, f"{url} was not refused:\n{err}"
    assert "loopback" in err and "unspecified" in err
    assert TOKEN.encode() not in every_output(tmp_path)
    md = (tmp_path / "output" / DATE / "briefing.md").read_text()
    assert "Port reopens north quay" in md and "Night trains return" in md
    assert "The feed's own words" not in md and "Admin" not in md


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/",
        "http://172.16.5.4/",
        "http://192.168.1.1:8080/",
        "http://100.64.0.1/",  # carrier-grade NAT
        "http://169.254.169.254/latest/meta-data/",  # cloud metadata
        "http://2852039166/latest/meta-data/",  # the same, decimal
        "http://0xa9fea9fe/",  # the same, hex
        "http://[fe80::1]/",
        "http://[fc00::1]/",
        "http://[fd00:ec2::254]/",
        "http://224.0.0.1/",
        "http://[ff02::1]/",
        "http://[::]/",
        "http://[::ffff:10.0.0.1]/",
        "http://[::ffff:169.254.169.254]/",
        "http://[64:ff9b::a9fe:a9fe]/",  # NAT64
        "http://[2002:a9fe:a9fe::]/",  # 6to4
        "http://240.0.0.1/",  # reserved
    ],
)
def test_every_non_public_address_is_refused_in_any_spelling(url):
    """Checked without connecting anywhere: the policy runs on the resolver's answer."""
    from briefing.fetch.addresses import RefusedAddress, Trust, resolve

    with pytest.raises(RefusedAddress, match="refused: .* address"):
        resolve(url, Trust(), 5.0)


def test_public_addresses_pass_the_policy():
    from briefing.fetch.addresses import Trust, resolve

    for url in ("http://93.184.215.14/", "https://[2606:4700::6810:84e5]/", "http://8.8.8.8"):
        assert resolve(url, Trust(), 5.0)  # resolved (not connected to) and allowed


def test_a_redirect_from_the_operators_url_to_an_internal_address_is_refused(hostile, internal):
    hostile.add("/moved", (internal.base + "/admin").encode(), status=302)
    with pytest.raises(RefusedError, match="loopback"):
        fetch(hostile.base + "/moved")
    assert internal.hits == []
    hostile.add("/here", b"/news/port.html", status=301)  # the same origin: followed
    assert fetch(hostile.base + "/here").url == hostile.base + "/news/port.html"


def test_urls_the_operator_wrote_and_their_origin_are_trusted(tmp_path, capsys, internal, hostile):
    """A feed served on 127.0.0.1 for testing works, links on its origin too, and so does
    a page the operator listed on an internal address; a link to another origin does not."""
    internal.add("/report.html", GOOD["/news/rail.html"])
    items = [("Rail", "/report.html")]
    feed = rss(internal.base, items).replace(
        b"</channel>",
        f"<item><title>Elsewhere</title><link>{hostile.base}/news/port.html</link></item>"
        "</channel>".encode(),
    )
    internal.add("/feed.xml", feed)
    port = internal.server.server_address[1]
    config = write_config(tmp_path, internal.base + "/feed.xml")
    config.write_text(
        config.read_text()
        + f'[[sources]]\nname = "Pages"\nurls = ["http://localhost:{port}/admin"]\n'
    )
    code, err = run(config, capsys)
    assert code == 3, err
    assert "/report.html" in internal.hits and "/admin" in internal.hits
    assert f"{hostile.base}/news/port.html: refused" in err and hostile.hits == []
    md = (tmp_path / "output" / DATE / "briefing.md").read_text()
    assert "Night trains return" in md and "Admin console" in md


def test_allow_private_addresses_lifts_the_policy(tmp_path, capsys, hostile, internal):
    feed = hostile.add(
        "/feed.xml",
        rss(hostile.base, [("Port", "/news/port.html")]).replace(
            b"</channel>",
            f"<item><title>Admin</title><link>{internal.base}/admin</link></item></channel>".encode(),
        ),
        content_type="application/rss+xml",
    )
    code, err = run(write_config(tmp_path, feed, "allow_private_addresses = true"), capsys)
    assert code == 0, err
    assert internal.hits == ["/admin"]
    assert "Admin console" in (tmp_path / "output" / DATE / "briefing.md").read_text()


def test_a_name_is_looked_up_once_and_connected_to_at_the_address_checked(hostile, monkeypatch):
    """DNS rebinding: a second lookup would give another address; none is made."""
    import socket

    from briefing.fetch.addresses import Trust

    real, answers = socket.getaddrinfo, []

    def rebinding(host, port, *args, **kwargs):
        if host != "rebind.invalid":
            return real(host, port, *args, **kwargs)
        answers.append(host)
        first = len(answers) == 1
        return real("127.0.0.1" if first else "127.0.0.2", port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    url = hostile.base.replace("127.0.0.1", "rebind.invalid") + "/news/port.html"
    response = fetch(url, trust=Trust(allow_private=True))
    assert b"Port reopens north quay" in response.body
    assert answers == ["rebind.invalid"]


# Bounded decoding ----------------------------------------------------------------------

GIB = 1 << 30
ZEROS = bytes(1 << 20)


def _gzip_of_zeros(size: int) -> bytes:
    """A gzip member of ``size`` zero bytes, built from one compressed megabyte repeated."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    segment = deflate.compress(ZEROS) + deflate.flush(zlib.Z_FULL_FLUSH)
    end = deflate.flush()
    crc = 0
    for _ in range(size // len(ZEROS)):
        crc = zlib.crc32(ZEROS, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = crc.to_bytes(4, "little") + (size % (1 << 32)).to_bytes(4, "little")
    return header + segment * (size // len(ZEROS)) + end + trailer


def _bomb(encoding: str) -> bytes:
    if encoding == "br":
        import brotli

        compressor = brotli.Compressor(quality=1)
        return b"".join(compressor.process(ZEROS) for _ in range(1024)) + compressor.finish()
    if encoding == "zstd":
        import zstandard

        compressor = zstandard.ZstdCompressor(level=3).compressobj()
        return b"".join(compressor.compress(ZEROS) for _ in range(1024)) + compressor.flush()
    if encoding == "gzip, gzip":
        return zlib.compress(_gzip_of_zeros(GIB), 9, wbits=31)
    return _gzip_of_zeros(GIB)


def _small(encoding: str, data: bytes) -> bytes:
    if encoding == "br":
        import brotli

        return brotli.compress(data)
    if encoding == "zstd":
        import zstandard

        return zstandard.ZstdCompressor().compress(data)
    for _ in encoding.split(","):
        data = zlib.compress(data, 9, wbits=31)
    return data


class RawSite:
    """A server whose routes set any header: path -> (headers, body), or a trickle."""

    def __init__(self):
        self.routes: dict[str, tuple[dict, bytes]] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                if self.path == "/trickle":
                    self.send_response(200)
                    try:
                        for n in range(40):  # one header line every 0.2 s, 8 s in all
                            self.send_header(f"X-Slow-{n}", "y")
                            self.flush_headers()
                            time.sleep(0.2)
                        self.send_header("Content-Type", "text/html")
                        self.end_headers()
                        self.wfile.write(GOOD["/news/port.html"])
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                    return
                headers, body = site.routes[self.path]
                self.send_response(200)
                for name, value in {"Content-Length": str(len(body)), **headers}.items():
                    self.send_header(name, value)
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def raw_site():
    site = RawSite()
    yield site
    site.close()


PEAK = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30))  # a failing run must not sink the machine
from briefing.fetch.http import FetchError, fetch
fetch(sys.argv[1])  # warm up: the same encoding, small
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    fetch(sys.argv[2])
    print("fetched")
except FetchError as exc:
    print(exc)
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
"""


@pytest.mark.parametrize("encoding", ["br", "zstd", "gzip, gzip"])
def test_a_compressed_bomb_is_refused_with_bounded_memory(raw_site, encoding):
    """1 GiB of zeros in a few kilobytes; refused at the size cap, memory grows < 100 MB.
    (A single gzip layer expands at most ~1000-fold per read; bench/fetch_bombs.py has it.)"""
    pytest.importorskip({"br": "brotli", "zstd": "zstandard"}.get(encoding, "zlib"))
    headers = {"Content-Type": "text/html", "Content-Encoding": encoding}
    raw_site.routes["/small"] = (headers, _small(encoding, GOOD["/news/port.html"]))
    raw_site.routes["/bomb"] = (headers, _bomb(encoding))
    result = subprocess.run(
        [sys.executable, "-c", PEAK, raw_site.base + "/small", raw_site.base + "/bomb"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    message, grown_mb = result.stdout.splitlines()
    assert "over the 20971520-byte cap" in message
    assert int(grown_mb) < 100, f"peak memory grew by {grown_mb} MB"


def test_pages_decode_whole_and_an_encoding_that_cannot_be_decoded_is_a_clear_failure(
    raw_site,
):
    import random

    rng = random.Random(7)
    text = b"".join(
        rng.randbytes(rng.randint(1, 4000))
        if rng.random() < 0.5
        else bytes(rng.randint(1, 200_000))
        for _ in range(40)
    )  # a few MB, some of it incompressible: decoded in many bounded pieces
    for encoding in ("gzip", "deflate", "br", "zstd", "gzip, br"):
        if encoding == "deflate":
            body = zlib.compress(text)
        elif encoding == "gzip, br":
            body = _small("br", zlib.compress(text, wbits=31))
        else:
            body = _small(encoding, text)
        path = "/" + encoding.replace(", ", "-")
        raw_site.routes[path] = ({"Content-Encoding": encoding}, body)
        assert fetch(raw_site.base + path).body == text, encoding
    raw_site.routes["/odd"] = ({"Content-Encoding": "compress"}, b"\x1f\x9d\x90binary")
    with pytest.raises(FetchError, match=r"cannot be decoded \(compress\)"):
        fetch(raw_site.base + "/odd")
    raw_site.routes["/stacked"] = ({"Content-Encoding": "gzip, gzip, gzip"}, b"x")
    with pytest.raises(FetchError, match="3 stacked content encodings"):
        fetch(raw_site.base + "/stacked")
    raw_site.routes["/broken"] = ({"Content-Encoding": "br"}, b"\xff\xff\xff not brotli")
    with pytest.raises(FetchError, match="corrupt brotli content"):
        fetch(raw_site.base + "/broken")


# Deadlines ---------------------------------------------------------------------------


def test_a_header_trickle_is_cut_at_the_deadline(raw_site):
    start = time.monotonic()
    with pytest.raises(FetchError, match="timed out after 1 s"):
        fetch(raw_site.base + "/trickle", timeout=1)
    assert time.monotonic() - start < 3  # the server would take 8 s


def test_run_timeout_writes_the_briefing_with_the_finished_items(tmp_path, capsys, hostile):
    hostile.add("/news/slow.html", GOOD["/news/rail.html"])
    hostile.delay["/news/slow.html"] = 10
    feed = hostile.add(
        "/feed.xml",
        rss(
            hostile.base,
            [("Port", "/news/port.html"), ("Slow", "/news/slow.html"), ("Rail", "/news/rail.html")],
        ),
        content_type="application/rss+xml",
    )
    start = time.monotonic()
    # one request at a time, so that the third item is not yet started when time runs out
    settings = "run_timeout = 4\nmax_connections_per_host = 1"
    code, err = run(write_config(tmp_path, feed, settings), capsys)
    assert time.monotonic() - start < 8
    assert code == 3, err
    assert "/news/slow.html: not finished when the run's time (run_timeout) ran out" in err
    assert "/news/rail.html: not read: the run's 4 s (run_timeout) had run out" in err
    md = (tmp_path / "output" / DATE / "briefing.md").read_text()
    assert "Port reopens north quay" in md and "Night trains" not in md


@pytest.mark.parametrize(
    "value, reason",
    [
        ("0", "must be above 0"),
        ("-5", "must be above 0"),
        ("nan", "must be a finite number"),
        ("inf", "must be a finite number"),
        ('"soon"', "must be a number"),
    ],
)
def test_a_bad_run_timeout_is_refused_at_load(tmp_path, capsys, value, reason):
    config = write_config(tmp_path, "http://127.0.0.1:9/feed.xml", f"run_timeout = {value}")
    code, err = run(config, capsys)
    assert code == 2
    assert f"{config}:4: 'run_timeout' {reason}" in err
