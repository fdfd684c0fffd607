"""What the pandas, Polars and Dask helpers share: pulling the texts out of
a column (missing values kept missing, anything else that is not a str an
error naming its row), and putting results back in place."""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

from furat._furat import InputTypeError

T = TypeVar("T")


def is_missing(value: object) -> bool:
    """None, NaN, pandas' NA and NaT: a missing value, not a text."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    # pd.NA and pd.NaT without importing pandas.
    return type(value).__name__ in ("NAType", "NaTType")


def split_texts(values: Sequence[object], labels: Sequence[Hashable] | None, what: str) -> tuple[list[int], list[str]]:
    """The positions and the texts of the values that are not missing.

    Raises InputTypeError for a value that is neither a str nor missing,
    naming its row label (or position) and its type.
    """
    positions: list[int] = []
    texts: list[str] = []
    for i, v in enumerate(values):
        if isinstance(v, str):
            positions.append(i)
            texts.append(v)
        elif not is_missing(v):
            row = f"row {labels[i]!r}" if labels is not None else f"item {i}"
            raise InputTypeError(f"{what}: {row}: expected str, got {type(v).__name__}")
    return positions, texts


def apply_batch(
    values: Sequence[object],
    labels: Sequence[Hashable] | None,
    what: str,
    batch: Callable[[list[str]], Sequence[T]],
    missing: Any = None,
) -> list[T | Any]:
    """``batch`` applied to the texts among ``values``; each missing value
    gives ``missing``. One call of ``batch`` for the whole column."""
    positions, texts = split_texts(values, labels, what)
    if len(positions) == len(values):
        return list(batch(texts))
    out: list[T | Any] = [missing] * len(values)
    for i, r in zip(positions, batch(texts), strict=True):
        out[i] = r
    return out
