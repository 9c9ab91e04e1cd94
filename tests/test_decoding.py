"""Reading files: UTF-8 with or without BOM, BOM-marked UTF-16; clear errors for the rest."""

import pytest

from briefing.errors import InputError
from briefing.read import load


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffTitle\n\nSome text here. More text.\n".encode())
    assert load(str(path)).title == "Title"


def test_utf16_with_bom_is_accepted(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("Title\n\nSome text here. More text.\n".encode("utf-16"))
    assert load(str(path)).sections[0].paragraphs == ("Some text here. More text.",)


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
        (b"caf\xe9 au lait, tr\xe8s bien\n", "not valid UTF-8"),
        (b"   \n\n \t\n", "no text to summarise"),
        (b"", "no text to summarise"),
    ],
)
def test_unreadable_input_gets_a_clear_error_naming_the_file(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        load(str(path))
    assert str(path) in str(caught.value)
    assert reason in str(caught.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load(str(tmp_path / "missing.txt"))
    with pytest.raises(InputError, match="is a directory"):
        load(str(tmp_path))
