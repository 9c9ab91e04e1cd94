"""HTML and PDF: a self-contained page, a PDF with outline, header and page size, and no loading."""

import http.server
import io
import re
import threading
from functools import cache

import pypdf
import pytest

from briefing.compose.html import markdown_to_html
from briefing.compose.markdown import compose_markdown
from briefing.compose.pdf import html_to_pdf, refusing_url_fetcher
from briefing.errors import UsageError
from briefing.model import Briefing, DocumentDigest, SectionDigest

SENTENCE = "Freight volumes rose again in the quarter, led by the ports."


def digest(title: str, sections: int = 3, sentences: int = 2, **fields) -> DocumentDigest:
    return DocumentDigest(
        title=title,
        source=f"{title.lower().replace(' ', '-')}.txt",
        format="text",
        algorithm="lexrank",
        language="english",
        sections=tuple(
            SectionDigest(f"{title} part {n}", 2, (SENTENCE,) * sentences, sentences * 2)
            for n in range(1, sections + 1)
        ),
        **fields,
    )


def briefing(*documents: DocumentDigest, title: str = "Morning Briefing") -> Briefing:
    return Briefing(
        title, "2026-10-22", documents or (digest("Quarterly Report"), digest("Council Decision"))
    )


def html_of(b: Briefing, templates=None) -> str:
    return markdown_to_html(compose_markdown(b, templates), b, templates)


def pdf_of(b: Briefing, page_size: str = "A4", templates=None) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(html_to_pdf(html_of(b, templates), page_size)))


@cache
def sample_pdf(page_size: str) -> bytes:
    """The PDF of the sample ``briefing()``, rendered once per page size for every test."""
    return html_to_pdf(html_of(briefing()), page_size)


def text_of(reader: pypdf.PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def outline_titles(outline) -> list[str]:
    titles = []
    for item in outline:
        titles += outline_titles(item) if isinstance(item, list) else [item.title]
    return titles


def test_html_is_one_self_contained_page_for_phones_and_desktops():
    html = html_of(briefing())
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert re.search(r"<style>.*@page.*</style>", html, re.DOTALL)
    assert "<title>Morning Briefing · 2026-10-22</title>" in html
    assert not re.search(r"<link|<script|<img|\bsrc=|@import|url\(", html)


def test_html_head_escapes_the_title():
    html = html_of(briefing(title='</title><script>alert("x")</script>'))
    assert "<script>" not in html
    assert "&lt;/title&gt;&lt;script&gt;" in html


def test_pdf_text_holds_title_headings_and_sentences():
    text = text_of(pypdf.PdfReader(io.BytesIO(sample_pdf("A4"))))
    for expected in ("Morning Briefing", "Quarterly Report", "Council Decision part 3", SENTENCE):
        assert expected in text


def test_pdf_outline_lists_the_documents_and_their_sections():
    titles = outline_titles(pypdf.PdfReader(io.BytesIO(sample_pdf("A4"))).outline)
    assert titles[0] == "Morning Briefing"
    assert "Quarterly Report" in titles and "Council Decision" in titles
    assert "Quarterly Report part 1" in titles


def test_pdf_pages_after_the_first_carry_title_date_and_page_number():
    reader = pdf_of(briefing(*(digest(f"Report {n}", sections=6, sentences=4) for n in range(4))))
    pages = len(reader.pages)
    assert pages >= 3
    first, second = reader.pages[0].extract_text(), reader.pages[1].extract_text()
    assert "Morning Briefing · 2026-10-22" in second
    assert f"2 / {pages}" in second and f"1 / {pages}" in first
    assert "Morning Briefing · 2026-10-22" not in first  # the title itself heads page one


def test_document_markup_shows_as_text_in_the_pdf():
    nasty = "<script>alert(1)</script> {{ 7*7 }} *not emphasis* [not](a-link) &amp;"
    doc = DocumentDigest(
        nasty,
        "x.txt",
        "text",
        "lexrank",
        "english",
        (SectionDigest("# not a heading", 2, (nasty,), 3),),
    )
    text = "".join(text_of(pdf_of(briefing(doc))).split())
    assert "".join(nasty.split()) in text
    assert "#notaheading" in text


@pytest.mark.parametrize(
    ("size", "width", "height"),
    [
        ("A4", 595.3, 841.9),
        ("Letter", 612, 792),
        ("letter", 612, 792),
        ("A5", 419.5, 595.3),
        ("A4 landscape", 841.9, 595.3),
        ("landscape Letter", 792, 612),
        ("210mm 99mm", 595.3, 280.6),
    ],
)
def test_pdf_pages_have_the_asked_for_size(size, width, height):
    box = pypdf.PdfReader(io.BytesIO(sample_pdf(size))).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((width, height), abs=0.2)


@pytest.mark.parametrize(
    "size",
    [
        "A9",
        "huge",
        "A4 A5",
        "landscape portrait",
        "0mm",
        "-1in",
        "",
        "A4; background: red",
        "10furlongs",
    ],
)
def test_an_unknown_page_size_is_a_usage_error(size):
    with pytest.raises(UsageError, match="page size"):
        html_to_pdf(html_of(briefing()), size)


class RecordingHandler(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 (the name http.server calls)
        self.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/css" if self.path.endswith(".css") else "image/png")
        self.end_headers()
        self.wfile.write(
            b"body::before { content: 'FETCHED' }" if self.path.endswith(".css") else b""
        )

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    """A local HTTP server that records every request it gets."""
    handler = type("Handler", (RecordingHandler,), {"requests": []})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", handler.requests
    httpd.shutdown()
    httpd.server_close()


def loading_page(url: str) -> str:
    return f"""<html><head>
<link rel="stylesheet" href="{url}/linked.css">
<link rel="attachment" href="{url}/attached.bin">
<style>@import url("{url}/imported.css"); body {{ background: url("{url}/bg.png") }}
@font-face {{ font-family: Remote; src: url("{url}/font.woff") }}
p {{ font-family: Remote }}</style>
</head><body><p>Hello</p><img src="{url}/img.png"><img src="relative.png"></body></html>"""


def test_the_check_can_see_a_load(server):
    """The default weasyprint fetcher does contact the server, so the tests below mean something."""
    import weasyprint

    url, requests = server
    weasyprint.HTML(string=loading_page(url)).write_pdf()
    assert requests


def test_pdf_loads_nothing_from_the_network(server):
    url, requests = server
    pdf = pypdf.PdfReader(io.BytesIO(html_to_pdf(loading_page(url))))
    assert requests == []
    assert "FETCHED" not in text_of(pdf)


def test_templates_cannot_make_the_pdf_load_anything(server, tmp_path):
    url, requests = server
    (tmp_path / "page.html.j2").write_text(
        f'<html><body><img src="{url}/logo.png"><img src="file:///etc/passwd">'
        "{{ body }}</body></html>",
        encoding="utf-8",
    )
    (tmp_path / "briefing.css").write_text(
        f'body {{ background: url("{url}/bg.png") }}', encoding="utf-8"
    )
    doc = digest("Images", sentences=1)
    doc = DocumentDigest(
        doc.title,
        doc.source,
        doc.format,
        doc.algorithm,
        doc.language,
        (SectionDigest("", 0, (f'<img src="{url}/in-text.png"> ![x]({url}/md.png)',), 1),),
    )
    text = text_of(pdf_of(briefing(doc), templates=tmp_path))
    assert requests == []
    assert "<img src=" in text  # the document's own tag is text, not an image


def test_pdf_reads_no_local_files(tmp_path):
    leak = tmp_path / "leak.css"
    leak.write_text("body::after { content: 'LEAKED' }", encoding="utf-8")
    html = f"""<html><head><link rel="stylesheet" href="{leak.as_uri()}">
<link rel="attachment" href="file:///etc/passwd">
<style>@import url("{leak.as_uri()}");</style></head>
<body><p>Hello</p><img src="file:///etc/passwd"><object data="file:///etc/passwd"></object></body></html>"""
    data = html_to_pdf(html)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert "Hello" in text_of(reader)
    assert "LEAKED" not in text_of(reader)
    assert not reader.attachments
    assert b"root:" not in data


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:9/",
        "https://example.com/x.png",
        "data:text/css,body{}",
        "ftp://example.com/x",
    ],
)
def test_the_url_fetcher_refuses_every_url(url):
    fetcher = refusing_url_fetcher()
    with pytest.raises(ValueError):
        fetcher(url)
    assert fetcher.refused == [url]
