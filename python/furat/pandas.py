"""pandas integration: ``import furat.pandas`` registers ``Series.furat``.

>>> import pandas as pd, furat.pandas
>>> pd.Series(["دَيْرُ الزُّوْر", None]).furat.normalize().tolist()
['دير الزور', None]
>>> articles, places = df["text"].furat.process()   # one row per text, one per mention

Each method makes one batch call for the whole Series (the GIL released,
all cores unless ``threads`` says otherwise) and returns flat tables:

* ``normalize()``: a Series, same index, name and string dtype;
* ``clean()``: one row per text: ``title``, ``body`` and the metadata as
  ``meta_title``, ``meta_date``, ``meta_updated``, ``meta_author``,
  ``meta_source``, ``meta_site``, ``meta_dateline``;
* ``places()``: one row per place mention, indexed by the label of its
  row: ``start``, ``end``, ``surface``, ``proclitic``, ``score``,
  ``pcode``, ``level``, ``name_en``, ``name_ar``, ``governorate`` (P-code),
  ``governorate_en``, ``governorate_ar``, ``lat``, ``lon``,
  ``alternatives`` (the P-codes of the other places of that name, joined
  with ``|``: every cell a scalar, so the tables go to Parquet, CSV and
  Dask unchanged); ``places(clean=True)`` finds them in the
  title and body only (``furat.process``) and adds ``part``;
* ``process()``: both tables from one pass, ``(articles, places)``: the
  ``clean()`` columns plus ``n_places``, and the ``places(clean=True)``
  rows.

Missing values (None, NaN, NA) stay missing (a missing text has a row of
missing values in ``clean()`` and no mentions); any other value that is not
a str raises ``furat.InputTypeError`` naming its row.

pandas is an optional dependency (``pip install 'furat[pandas]'``);
``import furat`` does not import it.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any, NamedTuple

import pandas as pd

from furat._columns import apply_batch, split_texts
from furat._furat import Normalizer
from furat._tasks import CleanTask, ItemError, PlacesTask, ProcessTask, Task

if TYPE_CHECKING:
    from furat._furat import Cleaner, ProfileName

__all__ = [
    "ARTICLE_COLUMNS",
    "FuratSeriesAccessor",
    "META_FIELDS",
    "ProcessFrames",
    "mention_columns",
]

#: The metadata fields of an article, in order.
META_FIELDS = ("title", "date", "updated", "author", "source", "site", "dateline")
#: The columns of ``clean()``.
ARTICLE_COLUMNS = ("title", "body", *(f"meta_{k}" for k in META_FIELDS))
#: The columns of a mention record (``Match.to_record()``), in order.
_MENTION_COLUMNS = (
    "start", "end", "surface", "part", "proclitic", "score", "pcode", "level", "name_en", "name_ar",
    "governorate", "governorate_en", "governorate_ar", "lat", "lon", "alternatives",
)  # fmt: skip
_MENTION_DTYPES = {"start": "int64", "end": "int64", "score": "float64", "lat": "float64", "lon": "float64"}


def mention_columns(*, with_part: bool) -> tuple[str, ...]:
    """The columns of a mentions table; ``part`` only for mentions of
    ``furat.process`` (title or body)."""
    return _MENTION_COLUMNS if with_part else tuple(c for c in _MENTION_COLUMNS if c != "part")


class ProcessFrames(NamedTuple):
    """What ``Series.furat.process()`` returns: two flat tables from one
    pass, joined by the Series' index."""

    #: One row per text: ``title``, ``body``, ``meta_*``, ``n_places``.
    articles: pd.DataFrame
    #: One row per place mention, indexed by its text's label.
    places: pd.DataFrame


@pd.api.extensions.register_series_accessor("furat")
class FuratSeriesAccessor:
    """``Series.furat``: furat's engines over a Series of texts."""

    def __init__(self, series: pd.Series) -> None:
        self._s = series

    def _result_dtype(self) -> Any:
        dtype = self._s.dtype
        return dtype if isinstance(dtype, pd.StringDtype) else object

    def normalize(self, profile: ProfileName = "search", *, threads: int | None = None, **options: Any) -> pd.Series:
        """Each text normalized (see ``furat.Normalizer`` for the profiles
        and options); same index, name and string dtype."""
        n = Normalizer(profile, **options)
        s = self._s
        out = apply_batch(
            s.tolist(), s.index, "Series.furat.normalize", lambda texts: n.normalize_batch(texts, threads=threads)
        )
        return pd.Series(out, index=s.index, name=s.name, dtype=self._result_dtype())

    def clean(self, *, cleaner: Cleaner | None = None, threads: int | None = None) -> pd.DataFrame:
        """One row per text: ``title``, ``body``, ``meta_title``,
        ``meta_date``, ... (``furat.clean``; a ``Cleaner``'s templates if
        given, all texts as one site)."""
        positions, rows = _run(self._s, CleanTask(threads=threads, cleaner=cleaner), "Series.furat.clean")
        return articles_frame(self._s.index, positions, rows)

    def places(self, *, clean: bool = False, threads: int | None = None) -> pd.DataFrame:
        """One row per place mention, indexed by the label of its row.

        Args:
            clean: find the places of the title and body only (boilerplate
                stripped first, ``furat.process``), with a ``part`` column;
                by default, of the whole text (``Gazetteer.find``).
            threads: engine threads (default: all cores).
        """
        task: Task = ProcessTask(threads=threads) if clean else PlacesTask(threads=threads)
        positions, rows = _run(self._s, task, "Series.furat.places")
        return mentions_frame(self._s.index, positions, rows, with_part=clean)

    def process(self, *, cleaner: Cleaner | None = None, threads: int | None = None) -> ProcessFrames:
        """``furat.process`` on every text: ``(articles, places)``, the
        ``clean()`` table with ``n_places``, and the ``places(clean=True)``
        table, from one pass."""
        positions, rows = _run(self._s, ProcessTask(threads=threads, cleaner=cleaner), "Series.furat.process")
        articles = articles_frame(self._s.index, positions, rows)
        counts = pd.Series([len(r["places"]) for r in rows], index=self._s.index[positions], dtype="int64")
        articles["n_places"] = counts.reindex(self._s.index, fill_value=0)
        return ProcessFrames(articles, mentions_frame(self._s.index, positions, rows, with_part=True))


def _run(s: pd.Series, task: Task, what: str) -> tuple[list[int], list[dict[str, Any]]]:
    """The task over the texts of ``s``: the positions of the texts (missing
    values skipped) and their results; an engine failure raises, naming
    the row."""
    positions, texts = split_texts(s.tolist(), s.index, what)
    results = task.run(texts, [None] * len(texts))
    rows: list[dict[str, Any]] = []
    for pos, r in zip(positions, results, strict=True):
        if isinstance(r, ItemError):
            raise ValueError(f"{what}: row {s.index[pos]!r}: {r.message}")
        assert isinstance(r, dict)  # the task is not ``encoded``
        rows.append(r)
    return positions, rows


def articles_frame(index: pd.Index, positions: list[int], rows: list[dict[str, Any]]) -> pd.DataFrame:
    """One row per label of ``index``: ``title``, ``body`` and ``meta_*``
    of each result (rows of missing values for the positions without one)."""
    records = []
    for r in rows:
        meta = r.get("meta") or {}
        records.append([r.get("title"), r.get("body"), *(meta.get(k) for k in META_FIELDS)])
    frame = pd.DataFrame(records, columns=list(ARTICLE_COLUMNS), index=index[positions], dtype=object)
    return frame.reindex(index)


def mentions_frame(
    index: pd.Index, positions: list[int], rows: list[dict[str, Any]], *, with_part: bool
) -> pd.DataFrame:
    """One row per mention record of each result's ``places``, indexed by
    the label of the row it came from."""
    columns = mention_columns(with_part=with_part)
    labels: list[Hashable] = []
    records: list[list[Any]] = []
    for pos, r in zip(positions, rows, strict=True):
        for m in r.get("places") or []:
            labels.append(index[pos])
            records.append([m.get(c) if c != "alternatives" else "|".join(m.get(c) or ()) for c in columns])
    frame = pd.DataFrame(records, columns=list(columns), index=pd.Index(labels, name=index.name, dtype=index.dtype))
    return frame.astype({c: t for c, t in _MENTION_DTYPES.items()} | {c: object for c in columns if c not in _MENTION_DTYPES})


def task_frame(s: pd.Series, task: Task, what: str) -> pd.DataFrame:
    """A DataFrame of any task's fields, one row per row of ``s`` (missing
    texts give missing fields)."""
    positions, rows = _run(s, task, what)
    frame = pd.DataFrame(rows, columns=list(task.fields), index=s.index[positions])
    return frame.reindex(s.index)
