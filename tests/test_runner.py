"""The CLI's runner: batches, bounded memory, order, isolation of failures,
and a worker process that dies."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import pytest
import taskdoubles

from furat._tasks import CleanTask, EngineUnavailable, ItemError, NormalizeTask, ProcessTask, run_isolating
from furat.cli.progress import Progress
from furat.cli.records import Doc
from furat.cli.runner import RunOptions, run
from furat.cli.writers import JsonlEncoder, Writer


class MemoryWriter(Writer):
    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self.writes = 0

    def write(self, payload: Any) -> None:
        self.writes += 1
        self.rows.extend(json.loads(line) for line in payload.decode().splitlines())

    def close(self, commit: bool) -> None:
        pass


def docs(n: int, special: dict[int, str] | None = None) -> list[Doc]:
    special = special or {}
    return [Doc(id=str(i), source=f"src:{i}", text=special.get(i, f"text {i}"), site=f"s{i % 3}") for i in range(n)]


@pytest.mark.parametrize(("jobs", "parallel"), [(1, "processes"), (2, "threads"), (2, "engine"), (2, "processes")])
def test_order_and_accounting(jobs: int, parallel: str) -> None:
    inputs = [*docs(100), Doc(id="bad", source="src:bad", error="empty text")]
    w = MemoryWriter()
    s = run(taskdoubles.Upper(), inputs, w, JsonlEncoder(), RunOptions(jobs, parallel, batch_size=7))
    assert [r["id"] for r in w.rows] == [d.id for d in inputs]
    assert w.rows[5] == {"id": "5", "source": "src:5", "text": "TEXT 5", "site": "s2"}
    assert w.rows[-1] == {"id": "bad", "source": "src:bad", "error": "empty text"}
    assert (s.read, s.written, s.failed) == (101, 100, 1)
    assert s.errors == [("src:bad", "empty text")]


def test_memory_is_bounded_by_the_batches_in_flight() -> None:
    pulled = 0

    def source() -> Iterator[Doc]:
        nonlocal pulled
        for d in docs(5000):
            pulled += 1
            yield d

    ahead: list[int] = []

    class Watching(MemoryWriter):
        def write(self, payload: Any) -> None:
            super().write(payload)
            ahead.append(pulled - len(self.rows))

    w = Watching()
    run(taskdoubles.Upper(), source(), w, JsonlEncoder(), RunOptions(2, "threads", batch_size=10))
    assert len(w.rows) == 5000
    # At most 2 * jobs + 1 batches in flight, plus the one being formed.
    assert max(ahead) <= (2 * 2 + 2) * 10


def test_batches_split_on_characters_too() -> None:
    big = [Doc(id=str(i), source="s", text="x" * 1000) for i in range(10)]
    w = MemoryWriter()
    run(taskdoubles.Upper(), big, w, JsonlEncoder(), RunOptions(1, batch_size=100, batch_chars=2500))
    assert w.writes == 4  # 3 + 3 + 3 + 1 documents


def test_an_engine_failure_costs_only_its_document() -> None:
    inputs = docs(20, {3: "BOOM", 11: "xBOOMx"})
    w = MemoryWriter()
    s = run(taskdoubles.Upper(), inputs, w, JsonlEncoder(), RunOptions(1, batch_size=8))
    errors = {r["id"]: r["error"] for r in w.rows if "error" in r}
    assert errors == {"3": "ValueError: boom", "11": "ValueError: boom"}
    assert (s.written, s.failed) == (18, 2)


def test_run_isolating_direct() -> None:
    assert run_isolating(taskdoubles.Upper(), ["a", "BOOM", "c"], [None] * 3) == [
        {"text": "A", "site": None},
        ItemError("ValueError: boom"),
        {"text": "C", "site": None},
    ]


def test_a_dead_worker_process_costs_its_batches_not_the_run() -> None:
    inputs = docs(60, {12: "DIE"})
    w = MemoryWriter()
    s = run(taskdoubles.Upper(), inputs, w, JsonlEncoder(), RunOptions(2, "processes", batch_size=5))
    assert [r["id"] for r in w.rows] == [d.id for d in inputs]
    died = [r for r in w.rows if "error" in r]
    reason = "internal error: the worker process running this batch died"
    assert {"id": "12", "source": "src:12", "error": reason} in died
    # The batches after the crash ran in a new pool.
    assert "error" not in w.rows[-1]
    assert s.read == 60 and s.written + s.failed == 60


def test_places_are_counted() -> None:
    w = MemoryWriter()
    s = run(taskdoubles.WithPlaces(), docs(10), w, JsonlEncoder(), RunOptions(1))
    assert s.places == 20
    assert w.rows[0]["places"] == [{"surface": "text"}, {"surface": "0"}]


def test_normalize_task_pickles_and_runs() -> None:
    import pickle

    t = pickle.loads(pickle.dumps(NormalizeTask("clean", threads=1, digits=True)))
    assert t.run(["٣  أ"], [None]) == [{"text": "3 أ"}]
    assert t.threads == 1


def test_a_build_without_the_engine_refuses_the_task(monkeypatch: pytest.MonkeyPatch) -> None:
    import furat

    monkeypatch.delattr(furat._furat, "process_batch")
    with pytest.raises(EngineUnavailable, match="process is not available in this build of furat"):
        ProcessTask()


def test_process_task_runs_the_engine_and_counts_places() -> None:
    import furat

    texts = ["قصف على دير الزور وريف الحسكة", "لا شيء هنا"]
    task = ProcessTask(threads=1)
    results = task.run(texts, ["a.sy", None])
    assert results == [furat.process(t).to_dict(lines=False) for t in texts]
    assert [task.count_places(r) for r in results if isinstance(r, dict)] == [2, 0]
    w = MemoryWriter()
    s = run(task, [Doc(str(i), f"src:{i}", t) for i, t in enumerate(texts * 5)], w, JsonlEncoder(), RunOptions(2))
    assert s.places == 10 and s.written == 10
    assert [r["places"] for r in w.rows] == [r["places"] for r in results] * 5


@pytest.mark.parametrize("task_class", [ProcessTask, CleanTask])
@pytest.mark.parametrize("jobs", [1, 2])
def test_encoded_rows_are_the_rows_of_dicts(task_class: type[ProcessTask | CleanTask], jobs: int) -> None:
    # JSONL from the engine's own JSON text (``encoded``) and from dicts:
    # the same rows, keys in the same order, errors and kept fields included.
    texts = ["قصف على دير الزور وريف الحسكة\nقال مصدر \"محلي\" إن القصف طال الحسكة", "", "Raqqa\n\u00a0\n\ud800 x"]
    records = [
        Doc(id=str(i), source=f"src:{i}", text=t or None, error=None if t else "empty text", extra={"k": i})
        for i, t in enumerate(texts * 4)
    ]
    out = []
    for encoded in (False, True):
        task = task_class(threads=1)
        task.encoded = encoded
        w = MemoryWriter()
        summary = run(task, records, w, JsonlEncoder(), RunOptions(jobs, "processes" if jobs > 1 else "threads"))
        out.append((summary.written, summary.failed, summary.places, [json.dumps(r) for r in w.rows]))
    assert out[0] == out[1]
    assert out[1][:2] == (8, 4)


def test_progress_render() -> None:
    p = Progress(io.StringIO(), "furat normalize", enabled=True)
    line = p.render(12345, 2, 3_500_000, 10.0)
    assert "12,345 docs, 2 failed, 3.5MB, 1.2k docs/s, 00:10" in line
    p.total_bytes = 7_000_000
    assert "[" in p.render(1, 0, 3_500_000, 1.0) and " 50% " in p.render(1, 0, 3_500_000, 1.0)
    off = Progress(io.StringIO(), "x", enabled=False)
    off.update(1, 0, 0, force=True)
    assert off.stream.getvalue() == ""  # type: ignore[attr-defined]
