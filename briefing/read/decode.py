"""Bytes -> text: the encodings a document may come in, and a clear error for the rest."""

from __future__ import annotations

import codecs

from briefing.errors import InputError


def decode(data: bytes, source: str) -> str:
    """Decode UTF-8 (with or without a BOM) or BOM-marked UTF-16; refuse anything else."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
        if b"\x00" in data[:8192]:
            raise InputError(f"{source}: not a text file (it contains NUL bytes)")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{source}: not valid {encoding.removesuffix('-sig').upper()} text "
            f"(byte {exc.start}); convert it to UTF-8 first"
        ) from None
    if "\x00" in text:
        raise InputError(f"{source}: not a text file (it contains NUL characters)")
    return text
