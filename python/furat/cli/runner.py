"""Runs a job over a stream of records: bounded batches, bounded work in
flight, results written in input order, every record accounted for.

Three ways to use several cores (``--parallel``):

* ``threads`` (the default): worker threads, each running one batch through
  the engine's GIL-free batch call and encoding its rows, while the main
  thread reads and writes. No start-up cost, nothing copied between
  processes; it scales with the share of the work the engine does.
* ``processes``: worker processes run the engine *and* encode the rows; the
  main process reads and writes. Python-side work runs in parallel too, but
  every text crosses a pipe twice and the workers take ~0.2 s to start.
* ``engine``: one batch at a time in the main thread, the engine's batch
  call using ``jobs`` threads.

``benchmarks/bench_cli.py`` measures the three.

Memory is bounded: at most ``2 * jobs + 1`` batches exist at once, each of
at most ``batch_size`` documents and ``batch_chars`` characters, whatever
the number of documents.
"""

from __future__ import annotations

import itertools
import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import BrokenExecutor, Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from furat._tasks import EncodedFields, ItemError, Task, run_isolating
from furat.cli.records import Doc, Raw
from furat.cli.writers import EncodedRow, Encoder, Row, Writer

#: Turns a framed record into a document (``readers.Parser``): runs in the
#: workers.
Parse = Callable[[Doc | Raw], Doc]

PARALLEL_MODES = ("threads", "processes", "engine")
#: Errors quoted in the summary; the output has them all.
MAX_QUOTED_ERRORS = 5


@dataclass
class Outcome:
    """What one batch produced: encoded rows and their counts."""

    payload: Any
    written: int = 0
    failed: int = 0
    places: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Summary:
    read: int = 0
    written: int = 0
    failed: int = 0
    places: int = 0
    seconds: float = 0.0
    errors: list[tuple[str, str]] = field(default_factory=list)

    def add(self, o: Outcome) -> None:
        self.written += o.written
        self.failed += o.failed
        self.places += o.places
        room = MAX_QUOTED_ERRORS - len(self.errors)
        if room > 0:
            self.errors.extend(o.errors[:room])


def run_batch(task: Task, encode: Encoder, parse: Parse, items: list[Doc | Raw]) -> Outcome:
    """Parses the records of a batch, runs the task on its documents and
    encodes one row per record: the job's fields, or the error of a record
    that failed."""
    docs = [parse(item) for item in items]
    todo = [i for i, d in enumerate(docs) if d.error is None]
    texts = [docs[i].text or "" for i in todo]
    sites = [docs[i].site for i in todo]
    results: list[dict[str, Any] | EncodedFields | ItemError | None] = [None] * len(docs)
    if todo:
        for i, result in zip(todo, run_isolating(task, texts, sites), strict=True):
            results[i] = result
    rows: list[Row] = []
    outcome = Outcome(payload=None)
    for d, r in zip(docs, results, strict=True):
        error = d.error if r is None else r.message if isinstance(r, ItemError) else None
        if error is not None:
            rows.append({"id": d.id, "source": d.source, **(d.extra or {}), "error": error})
            outcome.failed += 1
            if len(outcome.errors) < MAX_QUOTED_ERRORS:
                outcome.errors.append((d.source, error))
        else:
            assert r is not None and not isinstance(r, ItemError)
            head = {"id": d.id, "source": d.source, **(d.extra or {})}
            rows.append(EncodedRow(head, r.json) if isinstance(r, EncodedFields) else {**head, **r})
            outcome.written += 1
            outcome.places += task.count_places(r)
    outcome.payload = encode(rows)
    return outcome


def batches(items: Iterable[Doc | Raw], size: int, max_chars: int) -> Iterator[list[Doc | Raw]]:
    """Batches of at most ``size`` records and about ``max_chars``
    characters (or bytes, before parsing)."""
    batch: list[Doc | Raw] = []
    chars = 0
    for item in items:
        batch.append(item)
        chars += len(item.data) if isinstance(item, Raw) else len(item.text or "")
        if len(batch) >= size or chars >= max_chars:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


# Worker-process state: the task and encoder are sent once, when the
# worker starts, not with every batch.
_worker: tuple[Task, Encoder, Parse] | None = None


def _init_worker(task: Task, encode: Encoder, parse: Parse) -> None:
    global _worker
    _worker = (task, encode, parse)
    # Ctrl-C is the main process's to handle: it stops submitting, lets the
    # batches in flight finish and discards the partial output.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_in_worker(items: list[Doc | Raw]) -> Outcome:
    assert _worker is not None, "worker not initialized"
    return run_batch(*_worker, items)


class _Inline(Executor):
    """Runs each batch when it is submitted, in the calling thread."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        f: Future[Any] = Future()
        try:
            f.set_result(fn(*args, **kwargs))
        except BaseException as e:  # delivered through the future
            f.set_exception(e)
        return f


@dataclass
class RunOptions:
    jobs: int = 1
    parallel: str = "threads"
    batch_size: int = 256
    batch_chars: int = 4_000_000


def _executor(
    task: Task, encode: Encoder, parse: Parse, options: RunOptions
) -> tuple[Executor, Callable[[list[Doc | Raw]], Any]]:
    if options.jobs <= 1 or options.parallel == "engine":
        return _Inline(), lambda items: run_batch(task, encode, parse, items)
    if options.parallel == "threads":
        pool = ThreadPoolExecutor(options.jobs, thread_name_prefix="furat-batch")
        return pool, lambda items: run_batch(task, encode, parse, items)
    # spawn, not fork: forking a process that has threads (the engine's pool,
    # the progress estimate) is unsafe, and spawn behaves the same on every OS.
    pool2 = ProcessPoolExecutor(
        options.jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker,
        initargs=(task, encode, parse),
    )
    return pool2, _run_in_worker


def _as_doc(item: Doc | Raw) -> Doc:
    if isinstance(item, Raw):
        raise TypeError("run() got framed records but no parser")
    return item


def run(
    task: Task,
    items: Iterable[Doc | Raw],
    writer: Writer,
    encode: Encoder,
    options: RunOptions,
    on_progress: Callable[[Summary], None] = lambda s: None,
    parse: Parse = _as_doc,
) -> Summary:
    """Runs ``task`` over the records, writing every row in input order."""
    summary = Summary()
    start = time.monotonic()
    stream = batches(items, options.batch_size, options.batch_chars)
    # Look ahead one batch: a run that fits in one batch runs inline, with no
    # workers to start (which costs more than the run).
    head = list(itertools.islice(stream, 2))
    pool, submit_fn = _executor(task, encode, parse, options if len(head) > 1 else RunOptions(jobs=1))
    stream = itertools.chain(head, stream)
    # Each batch in flight, with the future of its outcome and its pool.
    in_flight: deque[tuple[list[Doc | Raw], Future[Outcome], Executor]] = deque()
    limit = 2 * max(options.jobs, 1) + 1

    def collect() -> None:
        nonlocal pool
        batch, future, its_pool = in_flight.popleft()
        try:
            outcome = future.result()
        except (KeyboardInterrupt, SystemExit):
            raise
        except BrokenExecutor:
            # A worker process died (killed, out of memory, a crash in
            # native code). Its batches become error rows, and a new pool
            # takes the batches that follow.
            if its_pool is pool:
                pool.shutdown(wait=False, cancel_futures=True)
                pool, _ = _executor(task, encode, parse, options)
            outcome = run_batch_failed(encode, batch, "internal error: the worker process running this batch died")
        except Exception as e:  # a failed batch still yields its rows
            outcome = run_batch_failed(encode, batch, f"internal error: {type(e).__name__}: {e}")
        writer.write(outcome.payload)
        summary.add(outcome)
        on_progress(summary)

    def submit(batch: list[Doc | Raw]) -> None:
        nonlocal pool
        try:
            future = pool.submit(submit_fn, batch)
        except BrokenExecutor:
            pool.shutdown(wait=False, cancel_futures=True)
            pool, _ = _executor(task, encode, parse, options)
            future = pool.submit(submit_fn, batch)
        in_flight.append((batch, future, pool))

    try:
        for batch in stream:
            summary.read += len(batch)
            submit(batch)
            while len(in_flight) >= limit or (in_flight and in_flight[0][1].done()):
                collect()
        while in_flight:
            collect()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        summary.seconds = time.monotonic() - start
    return summary


def run_batch_failed(encode: Encoder, items: list[Doc | Raw], error: str) -> Outcome:
    """The rows of a batch whose worker failed: every record an error row
    (a record that had failed already keeps its own error)."""
    pairs = [(item, item.error if isinstance(item, Doc) and item.error else error) for item in items]
    return Outcome(
        payload=encode([{"id": item.id, "source": item.source, "error": e} for item, e in pairs]),
        failed=len(items),
        errors=[(item.source, e) for item, e in pairs[:MAX_QUOTED_ERRORS]],
    )
