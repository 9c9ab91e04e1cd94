"""Summarising many documents at once: in this process, across local cores, or on Dask.

Only the summarising stage is spread out; composing and rendering stay local, and the PDF
is rendered once per briefing. A local worker reads its documents itself (reading HTML
with trafilatura costs as much as summarising it); a Dask cluster gets documents already
read here, since its workers may not see this machine's files.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from briefing.errors import BriefingError, UsageError
from briefing.model import Document, DocumentDigest
from briefing.summarize.options import SummaryOptions

EXECUTORS = ("local", "dask")


@dataclass(frozen=True)
class Failure:
    """A document that could not be summarised (``keep_going``), in place of its digest."""

    source: str
    message: str


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def summarize_many(
    sources: Sequence[str | Document],
    options: SummaryOptions | Sequence[SummaryOptions],
    *,
    format: str | None = None,
    max_input_bytes: int | None = None,
    jobs: int | None = None,
    executor: str = "local",
    scheduler: str | None = None,
    keep_going: bool = False,
    on_done: Callable[[int], None] | None = None,
) -> list[DocumentDigest | Failure]:
    """Digests of ``sources`` (paths, URLs, ``-`` or Documents), in the order given.

    ``options`` is one SummaryOptions for all, or one per source; ``format`` and
    ``max_input_bytes`` apply to the sources that are still to be read. With
    ``keep_going``, a document that fails in any way (an error of the tool's, a
    RecursionError, a library's bug) gives a Failure in its place and the others go on.
    ``on_done(n)`` is told as digests (or Failures) come in (a progress bar).
    """
    counted = [0]

    def done(count: int) -> None:
        counted[0] += count
        if on_done is not None:
            on_done(count)

    reading = dict(format=format, max_bytes=max_input_bytes)
    work = partial(_summarize_or_fail if keep_going else summarize_one, **reading)
    if isinstance(options, SummaryOptions):
        options = [options] * len(sources)
    if executor not in EXECUTORS:
        raise UsageError(f"unknown executor {executor!r}; choose one of: {', '.join(EXECUTORS)}")
    if executor == "dask":
        documents = [_read(source, **reading) for source in sources]
        digests = _on_dask(documents, options, scheduler, work)
        done(len(digests))
        return digests
    if scheduler:
        raise UsageError("--scheduler needs --executor dask")
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    # Standard input can only be read once, here.
    sources = [_read(s, **reading) if s == "-" else s for s in sources]
    if jobs == 1 or len(sources) < 2:
        digests = []
        for source, option in zip(sources, options):
            digests.append(work(source, option))
            done(1)
        return digests
    from concurrent.futures.process import BrokenProcessPool

    try:
        return _on_local_pool(sources, options, work, min(jobs, len(sources)), done)
    except BrokenProcessPool:
        if not keep_going:
            raise
        # A worker died (a crash in a C library, the out-of-memory killer): summarise each
        # document in a process of its own, so that only the one that kills it fails.
        digests = []
        for number, (source, option) in enumerate(zip(sources, options)):
            digests.append(_alone(source, option, work))
            if number >= counted[0]:  # not already counted before the pool broke
                done(1)
        return digests


def summarize_one(
    source: str | Document,
    options: SummaryOptions,
    format: str | None = None,
    max_bytes: int | None = None,
) -> DocumentDigest:
    """Read (if need be) and summarise one document; what each worker runs."""
    from briefing.summarize.document import summarize_document

    return summarize_document(_read(source, format, max_bytes), options)


def _summarize_or_fail(
    source: str | Document,
    options: SummaryOptions,
    format: str | None = None,
    max_bytes: int | None = None,
) -> DocumentDigest | Failure:
    """``summarize_one``, or a Failure saying why (a worker runs this with ``keep_going``)."""
    name = source.source if isinstance(source, Document) else source
    try:
        return summarize_one(source, options, format, max_bytes)
    except Exception as exc:  # one document fails, reported by the caller
        if isinstance(exc, BriefingError):
            message = str(exc)
        else:
            message = f"unexpected {exc.__class__.__name__}{f': {exc}' if str(exc) else ''}"
        return Failure(name, message if message.startswith(name) else f"{name}: {message}")


def _alone(source: str | Document, options: SummaryOptions, work) -> DocumentDigest | Failure:
    from concurrent.futures.process import BrokenProcessPool

    try:
        return _on_local_pool([source], [options], work, 1, lambda count: None)[0]
    except BrokenProcessPool:
        name = source.source if isinstance(source, Document) else source
        return Failure(name, f"{name}: the process summarising it died (a crash, or out of memory)")


def _read(source: str | Document, format: str | None, max_bytes: int | None) -> Document:
    if isinstance(source, Document):
        return source
    from briefing.read import MAX_INPUT_BYTES, load

    return load(source, format, max_bytes or MAX_INPUT_BYTES)


def read_all(
    sources: Sequence[str | Document], format: str | None = None, max_bytes: int | None = None
) -> list[Document]:
    """Every source read here, in order (Documents pass through)."""
    return [_read(source, format, max_bytes) for source in sources]


def _on_local_pool(sources, options, work, jobs: int, done) -> list[DocumentDigest | Failure]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # "fork" shares the already-imported modules with the workers; elsewhere, "spawn".
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "fork":
        _warm_up(options)
    chunk = max(1, len(sources) // (jobs * 4))
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_default_sigterm
    ) as pool:
        digests = []
        for digest in pool.map(work, sources, options, chunksize=chunk):
            digests.append(digest)
            done(1)
        return digests


def _warm_up(options) -> None:
    """Load the language tools and pickers once here, so forked workers share them instead
    of each importing and building them again."""
    from briefing.summarize.language import get_language
    from briefing.summarize.registry import SUMMARIZERS

    for option in {(o.language, o.algorithm, o.reference_impl) for o in options}:
        language = get_language(option[0])
        SUMMARIZERS[option[1]].picker(language, option[2])


def _default_sigterm() -> None:
    """A worker dies quietly on SIGTERM, whatever handler it inherited from ``briefing run``."""
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _on_dask(documents: list[Document], options: SummaryOptions, scheduler: str | None, work):
    try:
        from distributed import Client
    except ImportError:
        raise UsageError(
            "the dask executor needs dask.distributed: pip install 'briefing[dask]'"
        ) from None
    if not scheduler:
        raise UsageError("--executor dask needs --scheduler tcp://HOST:8786")
    try:
        client = Client(scheduler, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    with client:
        futures = client.map(work, documents, options, pure=False)
        return client.gather(futures)
