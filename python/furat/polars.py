"""Polars integration: ``import furat.polars`` registers the ``furat``
namespace on expressions and Series.

>>> import polars as pl, furat.polars
>>> df = pl.DataFrame({"text": ["دَيْرُ الزُّوْر", None]})
>>> df.select(pl.col("text").furat.normalize())["text"].to_list()
['دير الزور', None]

The expressions run furat's batch calls through ``map_batches``: one call
per column chunk, the GIL released, elementwise (so they work in
``select``, ``with_columns``, ``group_by`` contexts and the streaming
engine). Nulls stay null. A column that is not of String type raises
``furat.InputTypeError``.

* ``normalize()``: String;
* ``clean()``: a Struct of ``title``, ``body``, ``meta`` (``CLEAN_DTYPE``;
  ``.struct.unnest()`` flattens it);
* ``places()``: a List of mention Structs (``PLACES_DTYPE``, the fields of
  ``Match.to_record()``; ``.explode()`` then ``.struct.unnest()`` gives one
  row per mention); ``places(clean=True)`` looks in the title and body only
  and fills ``part``;
* ``process()``: a Struct of ``title``, ``body``, ``meta``, ``places``
  (``PROCESS_DTYPE``).

Polars is an optional dependency (``pip install 'furat[polars]'``);
``import furat`` does not import it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import polars as pl

from furat._furat import InputTypeError, Normalizer
from furat._tasks import CleanTask, ItemError, PlacesTask, ProcessTask, Task

if TYPE_CHECKING:
    from furat._furat import ProfileName

__all__ = ["CLEAN_DTYPE", "FuratExpr", "FuratSeries", "MENTION_DTYPE", "PLACES_DTYPE", "PROCESS_DTYPE"]

# The result types are spelled out: inferring them from the values fails
# whenever the first value has a null where later ones have text.

#: One place mention: the fields of ``Match.to_record()``.
MENTION_DTYPE = pl.Struct(
    {
        "start": pl.Int64,
        "end": pl.Int64,
        "surface": pl.String,
        "part": pl.String,
        "proclitic": pl.String,
        "score": pl.Float64,
        "pcode": pl.String,
        "level": pl.String,
        "name_en": pl.String,
        "name_ar": pl.String,
        "governorate": pl.String,
        "governorate_en": pl.String,
        "governorate_ar": pl.String,
        "lat": pl.Float64,
        "lon": pl.Float64,
        "alternatives": pl.List(pl.String),
    }
)
#: The place mentions of one text.
PLACES_DTYPE = pl.List(MENTION_DTYPE)
_META_FIELDS = ("title", "date", "updated", "author", "source", "site", "dateline")
_META_DTYPE = pl.Struct({k: pl.String for k in _META_FIELDS})
#: One Struct of title, body and meta per text.
CLEAN_DTYPE = pl.Struct({"title": pl.String, "body": pl.String, "meta": _META_DTYPE})
#: One Struct of title, body, meta and places per text.
PROCESS_DTYPE = pl.Struct({"title": pl.String, "body": pl.String, "meta": _META_DTYPE, "places": PLACES_DTYPE})


class _NormalizeBatch:
    """The batch function behind ``normalize``: picklable, so that
    expressions using it can be shipped to other processes."""

    def __init__(self, normalizer: Normalizer, threads: int | None) -> None:
        self.normalizer = normalizer
        self.threads = threads

    def __call__(self, s: pl.Series) -> pl.Series:
        if s.dtype == pl.Null:
            return pl.Series(s.name, [None] * len(s), dtype=pl.String)
        if s.dtype != pl.String:
            raise InputTypeError(f"furat.normalize: column {s.name!r}: expected String, got {s.dtype}")
        values: list[str | None] = s.to_list()
        if s.null_count() == 0:
            out = self.normalizer.normalize_batch(values, threads=self.threads)  # type: ignore[arg-type]
            return pl.Series(s.name, out, dtype=pl.String)
        texts = iter(self.normalizer.normalize_batch([v for v in values if v is not None], threads=self.threads))
        return pl.Series(s.name, [None if v is None else next(texts) for v in values], dtype=pl.String)


class _TaskBatch:
    """A task over a String Series: one struct (the task's fields), or one
    field of it, per text; nulls stay null."""

    def __init__(self, task: Task, what: str, dtype: pl.DataType, field: str | None = None) -> None:
        self.task = task
        self.what = what
        self.dtype = dtype
        self.field = field

    def __call__(self, s: pl.Series) -> pl.Series:
        if s.dtype not in (pl.String, pl.Null):
            raise InputTypeError(f"{self.what}: column {s.name!r}: expected String, got {s.dtype}")
        values = s.to_list()
        texts = [v for v in values if v is not None]
        results = iter(self.task.run(texts, [None] * len(texts)))
        out: list[Any] = []
        for v in values:
            if v is None:
                out.append(None)
                continue
            r = next(results)
            if isinstance(r, ItemError):
                raise ValueError(f"{self.what}: column {s.name!r}: {r.message}")
            assert isinstance(r, dict)  # the task is not ``encoded``
            out.append(r[self.field] if self.field else r)
        return pl.Series(s.name, out, dtype=self.dtype)


@pl.api.register_expr_namespace("furat")
class FuratExpr:
    """``pl.col(...).furat``: furat's engines as Polars expressions."""

    def __init__(self, expr: pl.Expr) -> None:
        self._expr = expr

    def normalize(self, profile: ProfileName = "search", *, threads: int | None = None, **options: Any) -> pl.Expr:
        """Each text normalized (see ``furat.Normalizer``)."""
        fn = _NormalizeBatch(Normalizer(profile, **options), threads)
        return self._expr.map_batches(fn, return_dtype=pl.String, is_elementwise=True)

    def clean(self, *, threads: int | None = None) -> pl.Expr:
        """A Struct of ``title``, ``body``, ``meta`` per text (``furat.clean``)."""
        fn = _TaskBatch(CleanTask(threads=threads), "furat.clean", CLEAN_DTYPE)
        return self._expr.map_batches(fn, return_dtype=CLEAN_DTYPE, is_elementwise=True)

    def places(self, *, clean: bool = False, threads: int | None = None) -> pl.Expr:
        """A List of place-mention Structs per text: of the whole text
        (``Gazetteer.find``), or with ``clean=True`` of its title and body
        only (``furat.process``), ``part`` filled."""
        task: Task = ProcessTask(threads=threads) if clean else PlacesTask(threads=threads)
        fn = _TaskBatch(task, "furat.places", PLACES_DTYPE, field="places")
        return self._expr.map_batches(fn, return_dtype=PLACES_DTYPE, is_elementwise=True)

    def process(self, *, threads: int | None = None) -> pl.Expr:
        """A Struct of ``title``, ``body``, ``meta`` and ``places`` per text
        (``furat.process``)."""
        fn = _TaskBatch(ProcessTask(threads=threads), "furat.process", PROCESS_DTYPE)
        return self._expr.map_batches(fn, return_dtype=PROCESS_DTYPE, is_elementwise=True)


@pl.api.register_series_namespace("furat")
class FuratSeries:
    """``Series.furat``: the same methods, on a Series."""

    def __init__(self, series: pl.Series) -> None:
        self._s = series

    def normalize(self, profile: ProfileName = "search", *, threads: int | None = None, **options: Any) -> pl.Series:
        """Each text normalized (see ``furat.Normalizer``)."""
        return _NormalizeBatch(Normalizer(profile, **options), threads)(self._s)
