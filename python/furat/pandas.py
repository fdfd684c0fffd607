"""pandas integration: ``import furat.pandas`` registers ``Series.furat``.

>>> import pandas as pd, furat.pandas
>>> pd.Series(["دَيْرُ الزُّوْر", None]).furat.normalize().tolist()
['دير الزور', None]

Each method makes one batch call for the whole Series (the GIL released,
all cores unless ``threads`` says otherwise) and returns a result indexed
like the Series. Missing values (None, NaN, NA) stay missing; any other
value that is not a str raises ``furat.InputTypeError`` naming its row.

pandas is an optional dependency (``pip install 'furat[pandas]'``);
``import furat`` does not import it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from furat._columns import apply_batch, split_texts
from furat._furat import Normalizer
from furat._tasks import CleanTask, ItemError, PlacesTask, Task

if TYPE_CHECKING:
    from furat._furat import ProfileName

__all__ = ["FuratSeriesAccessor"]


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

    def clean(self) -> pd.DataFrame:
        """One row per text: ``title``, ``body``, ``meta`` (issue 4)."""
        # EXTENSION POINT (issue 4): CleanTask raises EngineUnavailable until
        # the boilerplate stripper is in the native module.
        return task_frame(self._s, CleanTask(), "Series.furat.clean")

    def places(self) -> pd.DataFrame:
        """One row per place mention, indexed by the row it was found in
        (issue 3)."""
        # EXTENSION POINT (issue 3): PlacesTask raises EngineUnavailable until
        # the place matcher is in the native module.
        return mentions_frame(self._s, PlacesTask(), "Series.furat.places")


def _run(s: pd.Series, task: Task, what: str) -> tuple[list[int], list[dict[str, Any]]]:
    positions, texts = split_texts(s.tolist(), s.index, what)
    results = task.run(texts, [None] * len(texts))
    rows: list[dict[str, Any]] = []
    for pos, r in zip(positions, results, strict=True):
        if isinstance(r, ItemError):
            raise ValueError(f"{what}: row {s.index[pos]!r}: {r.message}")
        rows.append(r)
    return positions, rows


def task_frame(s: pd.Series, task: Task, what: str) -> pd.DataFrame:
    """A DataFrame of the task's fields, one row per row of ``s`` (missing
    texts give missing fields)."""
    positions, rows = _run(s, task, what)
    frame = pd.DataFrame(rows, columns=list(task.fields), index=s.index[positions])
    return frame.reindex(s.index)


def mentions_frame(s: pd.Series, task: Task, what: str) -> pd.DataFrame:
    """One row per element of each result's ``places`` list, indexed by the
    label of the row it came from."""
    positions, rows = _run(s, task, what)
    labels: list[Any] = []
    mentions: list[dict[str, Any]] = []
    for pos, r in zip(positions, rows, strict=True):
        for m in r.get("places") or []:
            labels.append(s.index[pos])
            mentions.append(m)
    return pd.DataFrame(mentions, index=pd.Index(labels, name=s.index.name))
