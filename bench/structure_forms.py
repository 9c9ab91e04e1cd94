"""The forms bench/structure.py renders a paper in: hand-written HTML, Markdown, plain text,
and sites built by real generators (MkDocs, Sphinx)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from html import escape
from pathlib import Path


@dataclass(frozen=True)
class Paper:
    """A paper as the bench renders it: sections of ``(heading, gold level, paragraphs)``."""

    id: str
    title: str
    sections: list[tuple[str, int, list[str]]]


def _slug(text: str) -> str:
    return re.sub(r"\W+", "-", text.lower()).strip("-") or "section"


def _body(paper: Paper, heading) -> str:
    parts = []
    for i, (title, level, paragraphs) in enumerate(paper.sections):
        if title:
            parts.append(heading(i, title, level))
        parts.extend(f"<p>{escape(p)}</p>" for p in paragraphs)
    return "\n".join(parts)


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def bare(paper: Paper) -> str:
    body = _body(paper, lambda i, t, level: f"<h{level}>{escape(t)}</h{level}>")
    return _page(paper.title, f"<h1>{escape(paper.title)}</h1>\n{body}")


MENU = "".join(
    f'<li><a href="/{_slug(x)}/">{x}</a></li>'
    for x in ("Home", "Proceedings", "Authors", "Search", "About")
)


def site(paper: Paper) -> str:
    body = _body(paper, lambda i, t, level: f"<h{level}>{escape(t)}</h{level}>")
    related = "".join(
        f'<li><a href="/p/{n}">{escape(t)}</a></li>'
        for n, t in enumerate(
            (
                "Parsing with a thousand rules",
                "Notes on tagging speed",
                "A corpus of questions",
            )
        )
    )
    return _page(
        paper.title,
        f'<header class="site-header"><a class="logo" href="/">Proceedings Online</a>'
        f'<nav aria-label="Main"><ul>{MENU}</ul></nav></header>\n'
        f'<div class="layout"><aside class="toc"><h2>Browse</h2><ul>{MENU}</ul></aside>\n'
        f'<main><article><h1 class="entry-title">{escape(paper.title)}</h1>\n{body}\n'
        "</article>\n"
        f'<section class="comments"><h2>Comments</h2><p>No comments yet.</p>'
        "<form><label>Your comment <textarea></textarea></label><button>Post</button></form>"
        "</section></main>\n"
        f'<aside class="sidebar"><h2>Related articles</h2><ul>{related}</ul>'
        '<h2>Share this</h2><ul><li><a href="#">Email</a></li><li><a href="#">Mastodon</a>'
        "</li></ul></aside></div>\n"
        '<footer><h2>About this site</h2><p><a href="/about">Contact</a> | '
        '<a href="/privacy">Privacy</a> | © 2026 Proceedings Online</p></footer>',
    )


def anchors(paper: Paper) -> str:
    """An mdBook-like page: heading links of three kinds, a menu bar with the book's name."""

    def heading(i: int, title: str, level: int) -> str:
        slug, text = _slug(title), escape(title)
        if i % 3 == 0:
            return f'<h{level} id="{slug}"><a class="header" href="#{slug}">{text}</a></h{level}>'
        if i % 3 == 1:
            link = f'<a class="headerlink" href="#{slug}" title="Link to this heading">¶</a>'
            return f'<h{level} id="{slug}">{text}{link}</h{level}>'
        return f'<h{level} id="{slug}"><a class="anchor" href="#{slug}">#</a> {text}</h{level}>'

    chapters = "".join(
        f'<li class="chapter-item"><a href="ch{n}.html"><strong>{n}.</strong> Chapter {n}</a></li>'
        for n in range(1, 9)
    )
    top = f'<h1 id="{_slug(paper.title)}"><a class="header" href="#top">{escape(paper.title)}</a></h1>'
    return _page(
        paper.title,
        f'<nav id="sidebar" class="sidebar"><div class="sidebar-scrollbox"><ol class="chapter">'
        f"{chapters}</ol></div></nav>\n"
        '<div id="page-wrapper" class="page-wrapper"><div class="page">'
        '<div id="menu-bar" class="menu-bar"><div class="left-buttons">'
        '<button id="sidebar-toggle" class="icon-button" title="Toggle Table of Contents">'
        '<i class="fa fa-bars"></i></button></div>'
        '<h1 class="menu-title">Proceedings of the Workshop</h1>'
        '<div class="right-buttons"><a href="print.html" title="Print this book">'
        '<i class="fa fa-print"></i></a></div></div>\n'
        f'<div id="content" class="content"><main>\n{top}\n'
        f"{_body(paper, heading)}\n</main>"
        '<nav class="nav-wrapper" aria-label="Page navigation"><a rel="prev" href="ch1.html" '
        'class="mobile-nav-chapters previous" title="Previous chapter">‹</a></nav>'
        "</div></div></div>",
    )


def sections(paper: Paper) -> str:
    """Every heading an ``<h1>``; its level comes from ``<section>`` nesting."""
    parts, depth = [f"<article><h1>{escape(paper.title)}</h1>"], 1
    for title, level, paragraphs in paper.sections:
        if title:
            while depth >= level:
                parts.append("</section>")
                depth -= 1
            while depth < level:
                parts.append("<section>")
                depth += 1
            parts.append(f"<h1>{escape(title)}</h1>")
        parts.extend(f"<p>{escape(p)}</p>" for p in paragraphs)
    parts.append("</section>" * (depth - 1) + "</article>")
    return _page(paper.title, "\n".join(parts))


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", escape(text, quote=False))


def markdown(paper: Paper) -> str:
    lines = [f"# {_md(paper.title)}", ""]
    for title, level, paragraphs in paper.sections:
        if title:
            lines += ["#" * level + " " + _md(title), ""]
        for p in paragraphs:
            lines += [_md(p), ""]
    return "\n".join(lines)


def text(paper: Paper, blank: bool = False) -> str:
    lines = [paper.title]
    for title, _, paragraphs in paper.sections:
        lines += [title] if title else []
        lines += paragraphs
    return ("\n\n" if blank else "\n").join(lines) + "\n"


FORMS = {
    "bare": ("html", bare),
    "site": ("html", site),
    "anchors": ("html", anchors),
    "sections": ("html", sections),
    "markdown": ("markdown", markdown),
    "text": ("text", text),
    "text+blank": ("text", lambda paper: text(paper, blank=True)),
}


@dataclass(frozen=True)
class Generator:
    command: str


GENERATED = {"mkdocs": Generator("mkdocs"), "sphinx": Generator("sphinx-build")}


def build_site(name: str, tool: str, papers: list[Paper], folder: Path) -> list[str]:
    """Build one site holding every paper as a page; return each paper's HTML ("" if none)."""
    source = folder / "src"
    (source / "docs").mkdir(parents=True)
    if name == "mkdocs":
        (source / "mkdocs.yml").write_text("site_name: Proceedings\nuse_directory_urls: false\n")
        (source / "docs" / "index.md").write_text("# Proceedings\n\nThe papers.\n")
        for paper in papers:
            (source / "docs" / f"{paper.id}.md").write_text(markdown(paper), encoding="utf-8")
        command = [tool, "build", "-q", "-f", str(source / "mkdocs.yml"), "-d", str(folder / "out")]
    else:
        docs = source / "docs"
        (docs / "conf.py").write_text("project = 'Proceedings'\nhtml_theme = 'alabaster'\n")
        toc = "\n".join(f"   {p.id}" for p in papers)
        (docs / "index.rst").write_text(f"Proceedings\n===========\n\n.. toctree::\n\n{toc}\n")
        for paper in papers:
            (docs / f"{paper.id}.rst").write_text(restructured(paper), encoding="utf-8")
        command = [tool, "-q", "-Q", "-b", "html", str(docs), str(folder / "out")]
    subprocess.run(command, check=True, capture_output=True)
    pages = []
    for paper in papers:
        page = folder / "out" / f"{paper.id}.html"
        pages.append(page.read_text(encoding="utf-8") if page.exists() else "")
    return pages


_RST_ADORNMENTS = {1: "#", 2: "=", 3: "-", 4: "~", 5: "^", 6: '"'}
_RST_SPECIAL = re.compile(r"([^\w\s])|(_)")


def _rst(text: str) -> str:
    return _RST_SPECIAL.sub(lambda m: "\\" + m.group(0), text)


def restructured(paper: Paper) -> str:
    title = _rst(paper.title)
    lines = ["#" * len(title), title, "#" * len(title), ""]
    for heading, level, paragraphs in paper.sections:
        if heading:
            escaped = _rst(heading)
            lines += [escaped, _RST_ADORNMENTS[level] * len(escaped), ""]
        for p in paragraphs:
            lines += [_rst(p), ""]
    return "\n".join(lines)
