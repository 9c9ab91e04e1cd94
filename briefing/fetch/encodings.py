"""Decoding a response's ``Content-Encoding`` a bounded piece at a time, so bombs stay small.

httpx decodes a whole network read at once: 6 KB of brotli can become gigabytes before any
size cap is looked at. Here every decoder hands out at most ``PIECE`` bytes per step, however
much its input expands, so the caller's cap on the decoded size holds while streaming. We ask
servers only for ``ACCEPT`` (zlib, in the standard library); brotli and zstd, if a server
sends them anyway, are decoded when their package can do so boundedly (brotli >= 1.2,
zstandard), and any other encoding is refused, never passed on as if it were the page.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Iterator

#: What requests say they accept: encodings decoded with a bounded output in any install.
ACCEPT = "gzip, deflate"
#: Largest piece a decoder is asked for at once (brotli may hand out a little more).
PIECE = 64 * 1024
#: Most encodings stacked on one response ("gzip, gzip, ..." multiplies a bomb).
MAX_LAYERS = 2
#: Largest zstd window a frame may ask for (RFC 9659 caps HTTP's at 8 MB).
ZSTD_WINDOW = 8 * 1024 * 1024


class EncodingError(ValueError):
    """The body is in an encoding that cannot be decoded (safely), or is corrupt."""


def decoded(chunks: Iterable[bytes], content_encoding: str) -> Iterator[bytes]:
    """The body's bytes, decoded from every coding ``content_encoding`` lists (the last
    applied is undone first), in pieces of at most ``PIECE`` bytes."""
    names = [n.strip().lower() for n in content_encoding.split(",")]
    names = [n for n in names if n and n != "identity"]
    if len(names) > MAX_LAYERS:
        raise EncodingError(f"{len(names)} stacked content encodings ({content_encoding})")
    stream: Iterator[bytes] = iter(chunks)
    for name in reversed(names):
        decoder = DECODERS.get(name)
        if decoder is None:
            raise EncodingError(f"sent in an encoding that cannot be decoded ({name})")
        stream = decoder(stream)
    return stream


def _gzip(chunks: Iterator[bytes]) -> Iterator[bytes]:
    return _zlib(chunks, 16 + zlib.MAX_WBITS, "gzip")


def _deflate(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """HTTP 'deflate' is meant to be zlib-wrapped, but some servers send raw deflate."""
    head = b""
    for chunk in chunks:
        head += chunk
        if len(head) >= 2:
            break
    wrapped = len(head) >= 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0
    yield from _zlib(
        _prepend(head, chunks), zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS, "deflate"
    )


def _zlib(chunks: Iterator[bytes], wbits: int, name: str) -> Iterator[bytes]:
    inflater = zlib.decompressobj(wbits)
    try:
        for chunk in chunks:
            data = chunk
            while data:
                if inflater.eof:  # gzip allows another member; anything else after is ignored
                    if wbits < 16 or not data.startswith(b"\x1f\x8b"):
                        return
                    inflater = zlib.decompressobj(wbits)
                piece = inflater.decompress(data, PIECE)
                data = inflater.unused_data if inflater.eof else inflater.unconsumed_tail
                while piece:
                    yield piece
                    if data or inflater.eof or len(piece) < PIECE:
                        break
                    piece = inflater.decompress(b"", PIECE)  # output still waiting inside
    except zlib.error as exc:
        raise EncodingError(f"corrupt {name} content ({exc})") from None


def _brotli(chunks: Iterator[bytes]) -> Iterator[bytes]:
    try:
        import brotli
    except ImportError:
        raise EncodingError("sent in brotli (br), which cannot be decoded here") from None
    version = tuple(int(p) for p in brotli.__version__.split(".")[:2] if p.isdigit())
    if version < (1, 2):  # before 1.2 brotli cannot bound its output
        raise EncodingError(
            f"sent in brotli (br), which brotli {brotli.__version__} cannot decode safely"
        )
    decompressor = brotli.Decompressor()

    def drain(more: Callable[[], bool]) -> Iterator[bytes]:
        while more():
            piece = decompressor.process(b"", output_buffer_limit=PIECE)
            if not piece:
                return
            yield piece

    try:
        for chunk in chunks:
            piece = decompressor.process(chunk, output_buffer_limit=PIECE)
            if piece:
                yield piece
            # more input only once it asks for it; at the end, what it still holds
            yield from drain(lambda: not decompressor.can_accept_more_data())
        yield from drain(lambda: not decompressor.is_finished())
    except brotli.error as exc:
        raise EncodingError(f"corrupt brotli content ({exc})") from None


def _zstd(chunks: Iterator[bytes]) -> Iterator[bytes]:
    try:
        import zstandard
    except ImportError:
        raise EncodingError("sent in zstd, which cannot be decoded here") from None
    decompressor = zstandard.ZstdDecompressor(max_window_size=ZSTD_WINDOW)
    source = _Reader(chunks)
    try:
        with decompressor.stream_reader(source, read_across_frames=True) as reader:
            while piece := reader.read(PIECE):
                yield piece
    except zstandard.ZstdError as exc:
        raise EncodingError(f"corrupt or oversized zstd content ({exc})") from None


class _Reader:
    """A file-like ``read`` over an iterator of chunks, for zstandard's stream reader."""

    def __init__(self, chunks: Iterator[bytes]):
        self._chunks = chunks
        self._left = b""

    def read(self, size: int = -1) -> bytes:
        while not self._left:
            chunk = next(self._chunks, None)
            if chunk is None:
                return b""
            self._left = chunk
        size = len(self._left) if size is None or size < 0 else size
        piece, self._left = self._left[:size], self._left[size:]
        return piece


def _prepend(head: bytes, chunks: Iterator[bytes]) -> Iterator[bytes]:
    if head:
        yield head
    yield from chunks


DECODERS: dict[str, Callable[[Iterator[bytes]], Iterator[bytes]]] = {
    "gzip": _gzip,
    "x-gzip": _gzip,
    "deflate": _deflate,
    "br": _brotli,
    "zstd": _zstd,
}
