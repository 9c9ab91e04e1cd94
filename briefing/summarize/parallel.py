"""Summarising many documents at once: in this process, across local cores, or on Dask.

Only the summarising stage is spread out; composing and rendering stay local, and the PDF
is rendered once per briefing. A local worker reads its documents itself (reading HTML
with trafilatura costs as much as summarising it); a Dask cluster gets documents already
read here, since its workers may not see this machine's files.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from briefing.errors import UsageError
from briefing.model import Document, DocumentDigest
from briefing.summarize.options import SummaryOptions

EXECUTORS = ("local", "dask")


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
    on_done: Callable[[int], None] | None = None,
) -> list[DocumentDigest]:
    """Digests of ``sources`` (paths, URLs, ``-`` or Documents), in the order given.

    ``options`` is one SummaryOptions for all, or one per source; ``format`` and
    ``max_input_bytes`` apply to the sources that are still to be read. ``on_done(n)`` is
    told as digests come in (a progress bar).
    """
    done = on_done or (lambda count: None)
    reading = dict(format=format, max_bytes=max_input_bytes)
    if isinstance(options, SummaryOptions):
        options = [options] * len(sources)
    if executor not in EXECUTORS:
        raise UsageError(f"unknown executor {executor!r}; choose one of: {', '.join(EXECUTORS)}")
    if executor == "dask":
        documents = [_read(source, **reading) for source in sources]
        digests = _on_dask(documents, options, scheduler)
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
            digests.append(summarize_one(source, option, **reading))
            done(1)
        return digests
    return _on_local_pool(sources, options, reading, min(jobs, len(sources)), done)


def summarize_one(
    source: str | Document,
    options: SummaryOptions,
    format: str | None = None,
    max_bytes: int | None = None,
) -> DocumentDigest:
    """Read (if need be) and summarise one document; what each worker runs."""
    from briefing.summarize.document import summarize_document

    return summarize_document(_read(source, format, max_bytes), options)


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


def _on_local_pool(sources, options, reading: dict, jobs: int, done) -> list[DocumentDigest]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    # "fork" shares the already-imported modules with the workers; elsewhere, "spawn".
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    chunk = max(1, len(sources) // (jobs * 4))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        digests = []
        for digest in pool.map(
            partial(summarize_one, **reading), sources, options, chunksize=chunk
        ):
            digests.append(digest)
            done(1)
        return digests


def _on_dask(documents: list[Document], options: SummaryOptions, scheduler: str | None):
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
        futures = client.map(summarize_one, documents, options, pure=False)
        return client.gather(futures)
