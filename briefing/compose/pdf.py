"""HTML page -> PDF with weasyprint, loading nothing from files or the network.

weasyprint gets a URL fetcher that refuses every URL and a base URL under the reserved
``.invalid`` domain: an ``<img>``, ``url()`` or ``@import`` in a template renders as if
missing instead of reading a local file or reaching a server.
"""

from __future__ import annotations

import logging
import re

from briefing.errors import UsageError

log = logging.getLogger("briefing")

#: Where relative URLs would point: a reserved name that never resolves (RFC 2606).
BASE_URL = "https://briefing.invalid/"
#: CSS ``@page`` size keywords (CSS Paged Media 3) and orientations.
PAGE_SIZES = ("A5", "A4", "A3", "B5", "B4", "JIS-B5", "JIS-B4", "Letter", "Legal", "Ledger")
ORIENTATIONS = ("portrait", "landscape")
_LENGTH = re.compile(r"^\d+(?:\.\d+)?(?:mm|cm|in|pt|pc|px|q)$", re.IGNORECASE)


def page_size_css(page_size: str) -> str:
    """``page_size`` as a CSS ``@page size`` value: a named size and/or orientation, or lengths.

    ``A4``, ``letter landscape``, ``A5 portrait``, ``landscape``, ``210mm 297mm``, ``6in``.
    """
    words = page_size.split()
    names = {s.lower(): s for s in PAGE_SIZES}
    keywords = [w.lower() for w in words]
    sizes = [names[k] for k in keywords if k in names]
    turns = [k for k in keywords if k in ORIENTATIONS]
    if words and len(sizes) + len(turns) == len(words) and len(sizes) <= 1 and len(turns) <= 1:
        return " ".join(sizes + turns)
    if 1 <= len(words) <= 2 and all(_LENGTH.match(w) for w in words):
        if all(float(re.match(r"[\d.]+", w)[0]) > 0 for w in words):
            return " ".join(w.lower() for w in words)
    raise UsageError(
        f"invalid page size {page_size!r}; use {', '.join(PAGE_SIZES)}, optionally with "
        "'landscape', or a width and height such as '210mm 297mm'"
    )


def html_to_pdf(html: str, page_size: str = "A4") -> bytes:
    """Render the HTML page to PDF bytes on pages of ``page_size`` (default A4)."""
    size = page_size_css(page_size)

    import weasyprint

    fetcher = refusing_url_fetcher()
    page = weasyprint.CSS(
        string=f"@page {{ size: {size} }}", base_url=BASE_URL, url_fetcher=fetcher
    )
    document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[page])


def refusing_url_fetcher():
    """A weasyprint URL fetcher that loads nothing; ``.refused`` lists what was asked for."""
    try:
        from weasyprint.urls import URLFetcher as base
    except ImportError:  # weasyprint < 66 takes any callable
        base = object

    class RefusingURLFetcher(base):
        _fail_on_errors = False  # a refused image is left out; the PDF is still made

        def __init__(self):
            self.refused: list[str] = []

        def fetch(self, url, headers=None):
            self.refused.append(url)
            log.warning(
                "not loading %s: briefings load nothing from files or the network", url[:200]
            )
            raise ValueError(f"refused to load {url[:200]}")

        def open(self, url, data=None, timeout=None):
            return self.fetch(getattr(url, "full_url", url))

        def __call__(self, url):
            return self.fetch(url)

    return RefusingURLFetcher()
