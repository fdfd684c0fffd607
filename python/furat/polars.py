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

Polars is an optional dependency (``pip install 'furat[polars]'``);
``import furat`` does not import it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import polars as pl

from furat._furat import InputTypeError, Normalizer
from furat._tasks import CleanTask, ItemError, PlacesTask, Task

if TYPE_CHECKING:
    from furat._furat import ProfileName

__all__ = ["CLEAN_DTYPE", "FuratExpr", "FuratSeries", "PLACES_DTYPE"]

# The result types are spelled out: inferring them from the values fails
# whenever the first value has a null where later ones have text.
_PLACE_DTYPE = pl.Struct(
    {
        "pcode": pl.String,
        "level": pl.String,
        "name_ar": pl.String,
        "name_en": pl.String,
        "names": pl.List(pl.String),
        **{f"admin{i}{part}": pl.String for i in (1, 2, 3) for part in ("", "_name_en", "_name_ar")},
        "lat": pl.Float64,
        "lon": pl.Float64,
    }
)
#: One List of place mentions per text (``Match.to_dict()`` as a Struct).
PLACES_DTYPE = pl.List(
    pl.Struct(
        {
            "start": pl.Int64,
            "end": pl.Int64,
            "text": pl.String,
            "proclitic": pl.String,
            "score": pl.Float64,
            "place": _PLACE_DTYPE,
            "alternatives": pl.List(_PLACE_DTYPE),
        }
    )
)
_META_FIELDS = ("title", "date", "updated", "author", "source", "site", "dateline")
#: One Struct of title, body and meta per text.
CLEAN_DTYPE = pl.Struct(
    {"title": pl.String, "body": pl.String, "meta": pl.Struct({k: pl.String for k in _META_FIELDS})}
)


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

    def clean(self) -> pl.Expr:
        """A Struct of ``title``, ``body``, ``meta`` per text (``furat.clean``)."""
        fn = _TaskBatch(CleanTask(), "furat.clean", CLEAN_DTYPE)
        return self._expr.map_batches(fn, return_dtype=CLEAN_DTYPE, is_elementwise=True)

    def places(self) -> pl.Expr:
        """A List of place-mention Structs per text (``Gazetteer.find``)."""
        fn = _TaskBatch(PlacesTask(), "furat.places", PLACES_DTYPE, field="places")
        return self._expr.map_batches(fn, return_dtype=PLACES_DTYPE, is_elementwise=True)


@pl.api.register_series_namespace("furat")
class FuratSeries:
    """``Series.furat``: the same methods, on a Series."""

    def __init__(self, series: pl.Series) -> None:
        self._s = series

    def normalize(self, profile: ProfileName = "search", *, threads: int | None = None, **options: Any) -> pl.Series:
        """Each text normalized (see ``furat.Normalizer``)."""
        return _NormalizeBatch(Normalizer(profile, **options), threads)(self._s)
