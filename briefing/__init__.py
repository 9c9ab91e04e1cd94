"""briefing: turn documents into short, faithful briefings (library API).

>>> import briefing
>>> digest = briefing.summarize("article.txt")                    # doctest: +SKIP
>>> paths = briefing.build(["a.txt", "b.md"], out_dir="output")   # doctest: +SKIP

The stages are ``briefing.pipeline``'s functions; the data between them are the frozen
dataclasses of ``briefing.model``. Names load on first use, so importing ``briefing`` (or
running ``briefing --help``) costs next to nothing.
"""

from __future__ import annotations

import importlib

from briefing._version import __version__

_EXPORTS = {
    "build": "briefing.pipeline",
    "make_briefing": "briefing.pipeline",
    "publish": "briefing.pipeline",
    "read": "briefing.pipeline",
    "render_briefing": "briefing.pipeline",
    "summarize": "briefing.pipeline",
    "BriefingError": "briefing.errors",
    "InputError": "briefing.errors",
    "RenderError": "briefing.errors",
    "UsageError": "briefing.errors",
    "Briefing": "briefing.model",
    "Document": "briefing.model",
    "DocumentDigest": "briefing.model",
    "Section": "briefing.model",
    "SectionDigest": "briefing.model",
    "SUMMARIZERS": "briefing.summarize",
    "SummaryOptions": "briefing.summarize",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'briefing' has no attribute {name!r}")
