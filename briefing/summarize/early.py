"""Summarising while the network keeps a daily run waiting.

Items are handed over as they are read (``add``); whenever the run would otherwise wait
for an answer, it summarises one (``work``). At the end, ``digests`` returns every digest
asked for: those made already, and the rest made then, across worker processes as
``summarize_many`` does. A digest is the same whenever it is made, so the briefing does
not depend on how much was done early.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence

from briefing.model import Document, DocumentDigest
from briefing.summarize.options import SummaryOptions
from briefing.summarize.parallel import Failure

#: Items left to summarise at the end that are done here rather than by worker processes.
FEW = 4


class EarlySummaries:
    """Digests made ahead of time, keyed by the document object they were made from."""

    def __init__(self, jobs: int | None = None, on_done: Callable[[int], None] | None = None):
        self.jobs = jobs
        self._on_done = on_done or (lambda count: None)
        self._queue: deque[tuple[Document, SummaryOptions]] = deque()
        self._made: dict[int, tuple[Document, SummaryOptions, DocumentDigest | Failure]] = {}

    def add(self, document: Document, options: SummaryOptions) -> None:
        """A document to summarise when there is time."""
        self._queue.append((document, options))

    def work(self) -> bool:
        """Summarise one waiting document; False when none waits."""
        from briefing.summarize.parallel import _summarize_or_fail

        if not self._queue:
            return False
        document, options = self._queue.popleft()
        # Any failure is kept as a Failure: that item alone fails, reported by ``digests``.
        self._made[id(document)] = (document, options, _summarize_or_fail(document, options))
        self._on_done(1)
        return True

    def digests(
        self,
        documents: Sequence[Document],
        options: Sequence[SummaryOptions],
        *,
        keep_going: bool = False,
    ) -> list[DocumentDigest | Failure]:
        """The digest of each document with its options, in order; with ``keep_going``, a
        Failure in place of each one that could not be summarised (else the first raises)."""
        from briefing.summarize.parallel import summarize_many

        found: list[DocumentDigest | Failure | None] = []
        for document, option in zip(documents, options):
            made = self._made.get(id(document))
            usable = made and made[0] is document and made[1] == option
            if usable and isinstance(made[2], Failure) and not keep_going:
                usable = False  # made again below, which raises its error
            found.append(made[2] if usable else None)
        missing = [i for i, digest in enumerate(found) if digest is None]
        if missing:
            rest = summarize_many(
                [documents[i] for i in missing],
                [options[i] for i in missing],
                # the last few items (read after the last wait): not worth starting workers
                jobs=1 if len(missing) <= FEW else self.jobs,
                keep_going=keep_going,
                on_done=self._on_done,
            )
            for i, digest in zip(missing, rest):
                found[i] = digest
        return found
