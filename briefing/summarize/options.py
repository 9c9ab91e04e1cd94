"""How much of a document to keep: ``SummaryOptions`` and the per-section budgets they give."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.errors import UsageError

DEFAULT_ALGORITHM = "auto"
DEFAULT_LANGUAGE = "english"
DEFAULT_SENTENCES = 2


@dataclass(frozen=True)
class SummaryOptions:
    """How much to keep and how to choose it; checked when made, so a bad value fails early.

    ``sentences`` is a per-section count, ``ratio`` a per-section fraction (they exclude
    each other); ``max_sentences`` caps the whole document, shared out across sections in
    proportion to their length. With none of the three, ``DEFAULT_SENTENCES`` per section.
    ``language`` is normalised (``en`` -> ``english``).
    """

    algorithm: str = DEFAULT_ALGORITHM
    language: str = DEFAULT_LANGUAGE
    sentences: int | None = None
    ratio: float | None = None
    max_sentences: int | None = None
    reference_impl: bool = False

    def __post_init__(self) -> None:
        from briefing.summarize.language import normalize_language
        from briefing.summarize.registry import SUMMARIZERS

        SUMMARIZERS[self.algorithm]  # an unknown name raises a UsageError listing the known
        object.__setattr__(self, "language", normalize_language(self.language))
        if self.sentences is not None and self.ratio is not None:
            raise UsageError("give either a sentence count or a ratio, not both")
        if self.sentences is not None and (isinstance(self.sentences, bool) or self.sentences < 0):
            raise UsageError("the sentence count must be 0 or more")
        if self.ratio is not None and not 0.0 < self.ratio <= 1.0:  # NaN fails too
            raise UsageError("the ratio must be above 0 and at most 1")
        if self.max_sentences is not None and self.max_sentences < 0:
            raise UsageError("the maximum sentence count must be 0 or more")


def budgets(lengths: Sequence[int], options: SummaryOptions) -> list[int]:
    """How many sentences to keep from each section, given each section's sentence count."""
    if options.ratio is not None:
        per = [min(n, max(1, math.floor(n * options.ratio + 0.5))) if n else 0 for n in lengths]
    elif options.sentences is not None or options.max_sentences is None:
        count = DEFAULT_SENTENCES if options.sentences is None else options.sentences
        per = [min(n, count) for n in lengths]
    else:
        per = list(lengths)
    if options.max_sentences is not None:
        share = share_out(options.max_sentences, lengths)
        per = [min(a, b) for a, b in zip(per, share)]
    return per


def document_budget(lengths: Sequence[int], options: SummaryOptions) -> int | None:
    """The document's whole budget when only ``max_sentences`` limits it, else ``None``.

    An algorithm that ranks the whole document (``Algorithm.pools_budget``) may then place
    these sentences in any section instead of following the by-length share.
    """
    if options.max_sentences is None or options.sentences is not None or options.ratio is not None:
        return None
    return min(options.max_sentences, sum(lengths))


def share_out(total: int, lengths: Sequence[int]) -> list[int]:
    """Split ``total`` across sections in proportion to their length (largest remainder)."""
    whole = sum(lengths)
    if total >= whole:
        return list(lengths)
    quotas = [total * n / whole for n in lengths]
    share = [math.floor(q) for q in quotas]
    by_remainder = sorted(range(len(lengths)), key=lambda i: (-(quotas[i] - share[i]), i))
    for i in by_remainder[: total - sum(share)]:
        share[i] += 1
    return share
