"""Dask: furat's batch calls over a Bag and a dask DataFrame column, on a
real distributed cluster of two worker processes, equal to one process."""

from __future__ import annotations

import json
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
import furat.pandas  # noqa: E402  (registers Series.furat)

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


ROOT = Path(__file__).parent.parent
#: Pages to process: the samples and the held-out boilerplate pages, twice.
PAGES: list[str | None] = [
    *ARTICLES,
    *(json.loads(line)["text"] for line in (ROOT / "testdata/boilerplate/heldout.jsonl").read_text("utf-8").splitlines()),
] * 2
PAGES[3] = None


@pytest.mark.slow
def test_process_bag_on_a_cluster_equals_one_process(client: distributed.Client) -> None:
    bag = db.from_sequence(PAGES, npartitions=6)
    with distributed.get_task_stream(client) as stream:
        out = furat.dask.process(bag).compute()
    assert len({task["worker"] for task in stream.data}) == 2
    expected = [None if t is None else furat.process(t).to_dict(lines=False) for t in PAGES]
    assert out == expected
    assert sum(len(r["places"]) for r in out if r) > 50


@pytest.mark.slow
def test_process_records_on_a_cluster_equals_the_command_line(client: distributed.Client, tmp_path: Path) -> None:
    import wetfiles

    from furat.cli import main

    root = tmp_path / "corpus"
    root.mkdir()
    for i, text in enumerate(ARTICLES):
        (root / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    (root / "bad.txt").write_bytes(b"\xff\xfe broken")
    wet = tmp_path / "cc.warc.wet.gz"
    wet.write_bytes(
        wetfiles.gzip_members(
            [
                wetfiles.warcinfo(),
                wetfiles.record(ARTICLES[1], uri="https://www.a.sy/1"),
                wetfiles.record(b"\xff", uri="https://b.sy/2"),
                wetfiles.record(ARTICLES[2], uri="https://a.sy/3"),
            ]
        )
    )
    paths = [str(p) for p in sorted(root.iterdir())] + [str(wet)]
    rows = furat.dask.process(furat.dask.read_records(paths)).compute()
    out = tmp_path / "cli.jsonl"
    assert main(["process", *paths, "-o", str(out), "-q", "-j", "1"]) == 1
    cli_rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows == cli_rows
    assert len(rows) == len(ARTICLES) + 1 + 3  # every record accounted for
    assert [r["error"] for r in rows if "error" in r] == ["invalid UTF-8 at byte 0"] * 2


@pytest.mark.slow
def test_process_dataframe_column_on_a_cluster(client: distributed.Client) -> None:
    pdf = pd.DataFrame({"text": PAGES}, index=[f"p{i:03d}" for i in range(len(PAGES))])
    ddf = dd.from_pandas(pdf, npartitions=5)
    articles, places = furat.dask.process(ddf["text"])
    got_articles, got_places = dask.compute(articles, places)
    want_articles, want_places = pdf["text"].furat.process()
    # Dask may store strings as Arrow strings (missing as NA): equal
    # values, not dtypes.
    def plain(frame: pd.DataFrame) -> pd.DataFrame:
        frame = frame.astype(object)
        frame.index = frame.index.astype(object)
        return frame.where(frame.notna(), None)

    pd.testing.assert_frame_equal(plain(got_articles), plain(want_articles))
    pd.testing.assert_frame_equal(plain(got_places), plain(want_places))
    assert len(got_places) > 50 and list(got_places.columns) == list(want_places.columns)


def test_what_crosses_processes_pickles() -> None:
    from furat._tasks import CleanTask, ItemError, NormalizeTask, PlacesTask, ProcessTask

    cleaner = furat.Cleaner.fit(ARTICLES * 3)
    for task in (ProcessTask(threads=1, cleaner=cleaner), ProcessTask(), CleanTask(cleaner=cleaner), PlacesTask()):
        again = pickle.loads(pickle.dumps(task))
        assert again.run(ARTICLES, [None] * len(ARTICLES)) == task.run(ARTICLES, [None] * len(ARTICLES))
    a = furat.process(ARTICLES[1], id="x")
    assert pickle.loads(pickle.dumps(a)) == a
    assert pickle.loads(pickle.dumps(a.places)) == a.places

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
