"""Summarising in parallel gives exactly the briefing that one process gives."""

import pytest

from briefing.read import load
from briefing.summarize import SummaryOptions
from briefing.summarize.parallel import summarize_many


@pytest.fixture
def documents(data_dir):
    paths = sorted(str(p) for p in data_dir.glob("*.txt"))
    return paths * 3


def test_a_local_process_pool_gives_the_same_digests_in_order(documents):
    options = SummaryOptions(algorithm="lexrank", sentences=1)
    one = summarize_many(documents, options, jobs=1)
    two = summarize_many(documents, options, jobs=2)
    assert two == one
    assert [d.source for d in two] == documents


def test_per_document_options_are_kept(documents):
    options = [SummaryOptions(sentences=1), SummaryOptions(sentences=2)] * 3
    digests = summarize_many(documents, options, jobs=2)
    assert [max(len(s.sentences) for s in d.sections) for d in digests] == [1, 2] * 3


def test_a_dask_cluster_of_two_workers_gives_the_same_digests(documents):
    distributed = pytest.importorskip("distributed")
    import dask

    options = SummaryOptions(algorithm="textrank", sentences=1)
    local = summarize_many(documents, options, jobs=1)
    # Workers are fresh interpreters, as on another machine: they import briefing themselves.
    # "forkserver" starts them from one clean server process, quicker than "spawn" starts each.
    with dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"}):
        cluster = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        )
    with cluster:
        remote = summarize_many(
            documents, options, executor="dask", scheduler=cluster.scheduler_address
        )
    assert remote == local


def test_dask_without_a_scheduler_is_a_usage_error(documents):
    from briefing.errors import UsageError

    with pytest.raises(UsageError, match="needs --scheduler"):
        summarize_many(documents[:1], SummaryOptions(), executor="dask")


def test_documents_already_read_are_accepted(data_dir):
    document = load(str(data_dir / "harbour-plaintext.txt"))
    (digest,) = summarize_many([document], SummaryOptions(sentences=1), jobs=2)
    assert digest.title == document.title


def test_a_daily_run_left_with_a_few_items_summarises_them_without_starting_workers(
    documents, monkeypatch
):
    from briefing.summarize import parallel
    from briefing.summarize.early import FEW, EarlySummaries

    pools = []
    real = parallel._on_local_pool
    monkeypatch.setattr(parallel, "_on_local_pool", lambda *args: pools.append(1) or real(*args))
    options = SummaryOptions(sentences=1)
    docs = [load(path) for path in documents]
    few = EarlySummaries(jobs=2).digests(docs[:FEW], [options] * FEW)
    assert pools == [] and [d.source for d in few] == documents[:FEW]
    many = EarlySummaries(jobs=2).digests(docs, [options] * len(docs))
    assert len(docs) > FEW and pools == [1]
    assert many[:FEW] == few
