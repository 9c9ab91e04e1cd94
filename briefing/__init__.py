"""briefing: turn documents into short, faithful briefings (library API).

>>> import briefing
>>> digest = briefing.summarize("article.txt")                    # doctest: +SKIP
>>> paths = briefing.build(["a.txt", "b.md"], out_dir="output")   # doctest: +SKIP

Nothing heavy is imported here: sumy, numpy and weasyprint load when a summary or a PDF
is made, so ``briefing --help`` stays instant.
"""

from .api import build, make_briefing, read, render_briefing, summarize
from .errors import BriefingError, InputError, RenderError, UsageError
from .model import Briefing, Document, DocumentDigest, Section, SectionDigest
from .summarizers import SUMMARIZERS, SummaryOptions

__version__ = "0.1.0"

__all__ = [
    "SUMMARIZERS",
    "Briefing",
    "BriefingError",
    "Document",
    "DocumentDigest",
    "InputError",
    "RenderError",
    "Section",
    "SectionDigest",
    "SummaryOptions",
    "UsageError",
    "build",
    "make_briefing",
    "read",
    "render_briefing",
    "summarize",
]
