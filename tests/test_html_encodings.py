"""Web pages are decoded as a browser decodes them: HTTP charset, BOM, <meta charset>, XML
declaration, UTF-8. Text files keep their rule: UTF-8 or UTF-16 with a BOM, else a clear error."""

import pytest
from webserver import Site

from briefing.errors import InputError
from briefing.read import load

GREEK = "Το λιμάνι άνοιξε ξανά. Τα πλοία δένουν στη βόρεια αποβάθρα από τη Δευτέρα."


def greek_page(head: str) -> bytes:
    return (
        f"<!DOCTYPE html><html lang='el'><head>{head}<title>Λιμάνι</title></head><body>"
        f"<h1>Το λιμάνι</h1><p>{GREEK}</p></body></html>"
    ).encode("iso-8859-7")


def text_of(document) -> str:
    return " ".join(p for s in document.sections for p in s.paragraphs)


def test_a_page_in_greek_with_only_a_meta_charset_is_read_in_greek(tmp_path):
    path = tmp_path / "limani.html"
    path.write_bytes(greek_page('<meta charset="ISO-8859-7">'))
    document = load(str(path))
    assert document.title == "Το λιμάνι"
    assert text_of(document) == GREEK


def test_a_saved_windows_1252_page_is_read_not_refused(tmp_path):
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        "<title>Café</title></head><body><h1>Café on the quay</h1>"
        "<p>The café “Harbour Light” opens at 7 – and closes at dusk.</p></body></html>"
    )
    path = tmp_path / "cafe.html"
    path.write_bytes(page.encode("cp1252"))
    document = load(str(path))
    assert document.title == "Café on the quay"
    assert text_of(document) == "The café “Harbour Light” opens at 7 – and closes at dusk."


def test_an_xml_declaration_names_the_encoding_of_an_xhtml_page(tmp_path):
    page = greek_page("").replace(
        b"<!DOCTYPE html>", b'<?xml version="1.0" encoding="iso-8859-7"?>'
    )
    path = tmp_path / "limani.xhtml"
    path.write_bytes(page)
    assert text_of(load(str(path))) == GREEK


def test_the_http_charset_wins_over_the_page_and_the_page_over_utf8():
    with Site() as site:
        declared = site.add(
            "/declared.html",
            greek_page('<meta charset="utf-8">'),
            content_type="text/html; charset=iso-8859-7",
        )
        in_page = site.add(
            "/in-page.html", greek_page('<meta charset="iso-8859-7">'), content_type="text/html"
        )
        assert text_of(load(declared)) == GREEK
        assert text_of(load(in_page)) == GREEK


def test_a_text_file_that_is_not_utf8_is_still_refused_with_a_clear_error(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_bytes("Café notes\n\nThe café opens at seven.\n".encode("cp1252"))
    with pytest.raises(InputError, match="not valid UTF-8 text .*convert it to UTF-8 first"):
        load(str(path))
