"""Dask integration: furat's batch calls over a ``dask.bag`` of texts or a
``dask.dataframe`` column, one call per partition.

>>> import dask.bag as db, furat.dask
>>> bag = db.from_sequence(["دَيْرُ الزُّوْر", "الحَسَكَة"], npartitions=2)
>>> furat.dask.normalize(bag).compute()
['دير الزور', 'الحسكه']
>>> rows = furat.dask.process(furat.dask.read_records(paths))      # the CLI's rows
>>> articles, places = furat.dask.process(ddf["text"])             # two dask DataFrames

The same code runs on a laptop's threads, a ``LocalCluster`` or a
multi-machine ``dask.distributed`` cluster: what travels to the workers is
a furat ``Normalizer`` (or task), which pickles, and the partition function,
a module-level function of this module. The workers need furat installed.

Each partition is one batch call. Dask already runs one task per core, so
the batch calls default to ``threads=1``: more would oversubscribe the
cores. Pass ``threads=None`` for all cores per call (a cluster with one
thread per worker process).

Dask is an optional dependency (``pip install 'furat[dask]'``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import dask.bag as db
import dask.dataframe as dd
import pandas as pd

from furat._columns import apply_batch
from furat._furat import InputTypeError, Normalizer
from furat._tasks import ItemError, ProcessTask, Task, run_isolating

if TYPE_CHECKING:
    from furat._furat import Cleaner, ProfileName
    from furat.pandas import ProcessFrames

__all__ = ["map_texts", "normalize", "process", "read_records"]


def _normalize_partition(texts: Any, normalizer: Normalizer, threads: int | None) -> list[Any]:
    values = list(texts)
    return apply_batch(values, None, "furat.dask.normalize", lambda t: normalizer.normalize_batch(t, threads=threads))


def _normalize_series(part: pd.Series, normalizer: Normalizer, threads: int | None) -> pd.Series:
    out = apply_batch(
        part.tolist(), part.index, "furat.dask.normalize", lambda t: normalizer.normalize_batch(t, threads=threads)
    )
    dtype = part.dtype if isinstance(part.dtype, pd.StringDtype) else object
    return pd.Series(out, index=part.index, name=part.name, dtype=dtype)


def normalize(
    texts: db.Bag | dd.Series, profile: ProfileName = "search", *, threads: int | None = 1, **options: Any
) -> db.Bag | dd.Series:
    """Every text of a Bag, or of a dask DataFrame column, normalized (see
    ``furat.Normalizer``); a collection of the same kind, lazily."""
    normalizer = Normalizer(profile, **options)
    if isinstance(texts, db.Bag):
        bag: db.Bag = texts.map_partitions(_normalize_partition, normalizer, threads)  # type: ignore[no-untyped-call]
        return bag
    if isinstance(texts, dd.Series):
        meta = texts._meta
        series: dd.Series = texts.map_partitions(  # type: ignore[no-untyped-call]
            _normalize_series, normalizer, threads, meta=meta
        )
        return series
    raise InputTypeError(f"furat.dask.normalize: expected a dask Bag or Series, got {type(texts).__name__}")


def _task_partition(texts: Any, task: Task) -> list[Any]:
    values = list(texts)
    if any(isinstance(v, dict) for v in values):
        return _records_partition(values, task)
    what = f"furat.dask.map_texts({task.name})"
    results = apply_batch(values, None, what, lambda t: run_isolating(task, t, [None] * len(t)))
    return [{"error": r.message} if isinstance(r, ItemError) else r for r in results]


def _records_partition(records: list[Any], task: Task) -> list[dict[str, Any]]:
    """The rows the CLI writes for these records (``read_records`` dicts):
    ``{"id", "source", <fields>}`` or ``{"id", "source", "error"}``."""
    from furat.cli.records import Doc, Raw
    from furat.cli.runner import run_batch

    docs: list[Any] = []
    for i, r in enumerate(records):
        if not isinstance(r, dict) or "id" not in r or "source" not in r:
            raise InputTypeError(f"furat.dask.map_texts({task.name}): item {i}: expected a record dict of read_records")
        docs.append(Doc(r["id"], r["source"], r.get("text"), r.get("site"), r.get("error"), r.get("extra")))
    def as_doc(item: Doc | Raw) -> Doc:
        assert isinstance(item, Doc)
        return item

    rows: list[dict[str, Any]] = run_batch(task, lambda rows: rows, as_doc, docs).payload
    return rows


def _task_frame_partition(part: pd.Series, task: Task) -> pd.DataFrame:
    from furat.pandas import task_frame

    return task_frame(part, task, f"furat.dask.map_texts({task.name})")


def map_texts(texts: db.Bag | dd.Series, task: Task) -> db.Bag | dd.DataFrame:
    """A task over every text, one batch call per partition.

    For a Bag of texts: a Bag of the task's result dicts (``{"error": ...}``
    for a text the engine rejected, None for a missing text), one per text.
    For a Bag of records (``read_records``): the rows the command line
    writes, ``{"id", "source", <fields>}`` or ``{"id", "source", "error"}``,
    every record accounted for. For a dask DataFrame column: a dask
    DataFrame of the task's fields, indexed like the column (an engine
    error raises, naming the row).

    The tasks are those of ``furat._tasks``: ``NormalizeTask``,
    ``CleanTask``, ``PlacesTask``, ``ProcessTask`` (all picklable).
    """
    if isinstance(texts, dd.Series):
        meta = pd.DataFrame({f: pd.Series(dtype=object) for f in task.fields})
        frame: dd.DataFrame = texts.map_partitions(  # type: ignore[no-untyped-call]
            _task_frame_partition, task, meta=meta
        )
        return frame
    if isinstance(texts, db.Bag):
        bag: db.Bag = texts.map_partitions(_task_partition, task)  # type: ignore[no-untyped-call]
        return bag
    raise InputTypeError(f"furat.dask.map_texts: expected a dask Bag or Series, got {type(texts).__name__}")


def _process_frames(part: pd.Series, cleaner: Cleaner | None, threads: int | None) -> ProcessFrames:
    import furat.pandas  # noqa: F401  (registers Series.furat on the worker)

    frames: ProcessFrames = part.furat.process(cleaner=cleaner, threads=threads)
    return frames


def process(
    texts: db.Bag | dd.Series, *, cleaner: Cleaner | None = None, threads: int | None = 1
) -> db.Bag | ProcessFrames:
    """``furat.process`` over every text, one batch call per partition (a
    ``Cleaner`` if given: its site templates apply).

    * A Bag of texts gives a Bag of dicts, one per text: ``title``,
      ``body``, ``meta``, ``places`` (the flat records of
      ``Match.to_record()``), or ``{"error": ...}``; None for a missing
      text.
    * A Bag of records (``read_records``) gives the command line's rows,
      ``{"id", "source", "title", "body", "meta", "places"}`` or
      ``{"id", "source", "error"}``; each record's site picks the
      cleaner's templates.
    * A dask DataFrame column gives ``(articles, places)``, two dask
      DataFrames as ``Series.furat.process()`` returns them in pandas (one
      row per text; one row per mention, indexed by its text's label),
      built from one pass: compute them together (``dask.compute(articles,
      places)``) to run it once.
    """
    task = ProcessTask(threads=threads, cleaner=cleaner)
    if isinstance(texts, db.Bag):
        bag: db.Bag = texts.map_partitions(_task_partition, task)  # type: ignore[no-untyped-call]
        return bag
    if isinstance(texts, dd.Series):
        import dask
        from furat.pandas import ProcessFrames, articles_frame, mentions_frame

        index = texts._meta.index
        articles_meta = articles_frame(index, [], [])
        articles_meta["n_places"] = pd.Series(dtype="int64")
        places_meta = mentions_frame(index, [], [], with_part=True)
        parts = [
            dask.delayed(_process_frames)(p, cleaner, threads)  # type: ignore[attr-defined]
            for p in texts.to_delayed()  # type: ignore[no-untyped-call]
        ]
        articles = dd.from_delayed([p[0] for p in parts], meta=articles_meta, verify_meta=False)
        places = dd.from_delayed([p[1] for p in parts], meta=places_meta, verify_meta=False)
        return ProcessFrames(articles, places)
    raise InputTypeError(f"furat.dask.process: expected a dask Bag or Series, got {type(texts).__name__}")


def _read_file(path: str, options: Any) -> list[dict[str, Any]]:
    # Imported here: the CLI's readers are only needed on the workers.
    from furat.cli.inputs import ByteCounter, expand
    from furat.cli.records import Doc
    from furat.cli.readers import read_input

    docs: list[Doc] = []
    for item in expand([path]):
        docs.extend([item] if isinstance(item, Doc) else read_input(item, options, ByteCounter()))
    return [d._asdict() for d in docs]


def read_records(
    paths: list[str],
    *,
    input_format: str = "auto",
    text_field: str = "text",
    id_field: str = "id",
    site_field: str = "site",
    encoding: str = "utf-8",
) -> db.Bag:
    """A Bag of the records of plain-text, JSONL and WET files (gzipped or
    not), one partition per path, read by the workers with the CLI's
    readers: dicts of ``id``, ``source``, ``text``, ``site``, ``error``.

    Every record is there, damaged ones with their ``error`` (and no text),
    exactly as ``furat`` on the command line reads them. The paths must be
    readable by the workers (a local disk for a LocalCluster, a shared file
    system for a multi-machine cluster); a directory or glob pattern is
    expanded on the worker that reads it.
    """
    from furat.cli.readers import ReadOptions

    options = ReadOptions(input_format, text_field, id_field, site_field, encoding)
    bag: db.Bag = db.from_sequence(paths, npartitions=max(len(paths), 1)).map(  # type: ignore[no-untyped-call]
        _read_file, options
    )
    return bag.flatten()  # type: ignore[no-untyped-call,no-any-return]

