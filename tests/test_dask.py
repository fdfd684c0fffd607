"""Dask: furat's batch calls over a Bag and a dask DataFrame column, on a
real distributed cluster of two worker processes, equal to one process."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

import furat

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402

import furat.dask  # noqa: E402

ARTICLES = [p.read_text(encoding="utf-8") for p in sorted(Path(__file__).parent.parent.glob("examples/articles/*.txt"))]
# A corpus: every line of the sample articles, with a few missing values.
CORPUS: list[str | None] = [line for text in ARTICLES for line in text.split("\n")] * 4
CORPUS[7] = None


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    ) as cluster, distributed.Client(cluster) as c:
        yield c


def expected() -> list[str | None]:
    return [None if t is None else furat.normalize(t) for t in CORPUS]


@pytest.mark.slow
def test_bag_on_a_cluster_equals_one_process(client: distributed.Client) -> None:
    bag = db.from_sequence(CORPUS, npartitions=8)
    with distributed.get_task_stream(client) as stream:
        out = furat.dask.normalize(bag).compute()
    assert out == expected()
    # Both worker processes did some of the work.
    assert len({task["worker"] for task in stream.data}) == 2


@pytest.mark.slow
def test_dataframe_column_on_a_cluster(client: distributed.Client) -> None:
    pdf = pd.DataFrame({"id": range(len(CORPUS)), "text": CORPUS})
    ddf = dd.from_pandas(pdf, npartitions=6)
    ddf["norm"] = furat.dask.normalize(ddf["text"], "search", teh_marbuta=False)
    out = ddf.compute()
    n = furat.Normalizer("search", teh_marbuta=False)
    assert [None if pd.isna(v) else v for v in out["norm"]] == [None if t is None else n.normalize(t) for t in CORPUS]
    assert out["id"].tolist() == list(range(len(CORPUS)))


def test_local_scheduler_and_bad_input() -> None:
    bag = db.from_sequence(["أ", "ة"], npartitions=2)
    assert furat.dask.normalize(bag, threads=None).compute(scheduler="sync") == ["ا", "ه"]
    with pytest.raises(furat.InputTypeError, match="expected a dask Bag or Series"):
        furat.dask.normalize(["not", "dask"])  # type: ignore[arg-type]
    with pytest.raises(furat.InputTypeError, match="item 1: expected str, got int"):
        furat.dask.normalize(db.from_sequence(["a", 1], npartitions=1)).compute(scheduler="sync")


def test_map_texts_runs_a_task_per_partition() -> None:
    import taskdoubles

    bag = db.from_sequence(["a", "BOOM", None], npartitions=1)
    assert furat.dask.map_texts(bag, taskdoubles.Upper()).compute(scheduler="sync") == [
        {"text": "A", "site": None},
        {"error": "ValueError: boom"},
        None,
    ]


def test_what_crosses_processes_pickles() -> None:
    from furat._tasks import ItemError, NormalizeTask

    n = furat.Normalizer("clean", digits=True)
    assert pickle.loads(pickle.dumps(n)) == n
    _, al = n.normalize_with_offsets("٣  أ")
    assert pickle.loads(pickle.dumps(al)) == al
    t = pickle.loads(pickle.dumps(NormalizeTask("camel", threads=1)))
    assert t.normalizer == furat.Normalizer("camel")
    assert pickle.loads(pickle.dumps(ItemError("x"))) == ItemError("x")


def test_read_records_from_wet_and_jsonl(tmp_path: Path) -> None:
    import wetfiles

    wet = tmp_path / "cc.warc.wet.gz"
    first = wetfiles.record("دَيْر", uri="https://www.a.sy/1")
    wet.write_bytes(wetfiles.gzip_members([wetfiles.warcinfo(), first, wetfiles.record(b"\xff", uri="u:2")]))
    jsonl = tmp_path / "d.jsonl"
    jsonl.write_text('{"id": "j", "text": "أ"}\n', encoding="utf-8")
    bag = furat.dask.read_records([str(wet), str(jsonl)])
    got = bag.compute(scheduler="sync")
    assert [(r["id"], r["site"], r["error"]) for r in got] == [
        ("https://www.a.sy/1", "a.sy", None),
        ("u:2", None, "invalid UTF-8 at byte 0"),
        ("j", None, None),
    ]
    docs = bag.filter(lambda r: r["error"] is None)
    pairs = db.zip(docs.pluck("id"), furat.dask.normalize(docs.pluck("text")))
    assert pairs.compute(scheduler="sync") == [("https://www.a.sy/1", "دير"), ("j", "ا")]


def test_map_texts_over_a_dataframe_column() -> None:
    import taskdoubles

    pdf = pd.DataFrame({"text": ["a", None, "c"]}, index=[5, 6, 7])
    ddf = dd.from_pandas(pdf, npartitions=2)
    out = furat.dask.map_texts(ddf["text"], taskdoubles.Upper()).compute(scheduler="sync")
    assert list(out.columns) == ["text", "site"]
    assert out.index.tolist() == [5, 6, 7]
    assert out.loc[5, "text"] == "A" and out.loc[7, "text"] == "C" and pd.isna(out.loc[6, "text"])
