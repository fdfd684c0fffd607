"""The pandas accessor and the Polars namespaces."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import furat

pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")
import furat.pandas  # noqa: E402  (registers Series.furat)
import furat.polars  # noqa: E402  (registers the furat namespaces)

ARTICLES = [p.read_text(encoding="utf-8") for p in sorted(Path(__file__).parent.parent.glob("examples/articles/*.txt"))]


def test_importing_furat_loads_neither() -> None:
    code = "import sys, furat; print('pandas' in sys.modules, 'polars' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# ------------------------------------------------------------------ pandas


def test_pandas_normalize_keeps_index_name_and_dtype() -> None:
    s = pd.Series(ARTICLES, index=[f"doc{i}" for i in range(len(ARTICLES))], name="text")
    out = s.furat.normalize()
    assert out.index.equals(s.index) and out.name == "text" and out.dtype == s.dtype
    assert out.tolist() == [furat.normalize(t) for t in ARTICLES]


def test_pandas_options_and_threads() -> None:
    s = pd.Series(["في  الحَسَكَة ٣"])
    assert s.furat.normalize("search", teh_marbuta=False, threads=1)[0] == "في الحسكة 3"
    assert s.furat.normalize("clean")[0] == "في الحَسَكَة ٣"


def test_pandas_missing_values_stay_missing() -> None:
    s = pd.Series(["أ", None, float("nan"), "ة"], dtype=object)
    out = s.furat.normalize()
    assert out[0] == "ا" and out[3] == "ه"
    assert out[1] is None and out[2] is None
    sd = pd.Series(["أ", None], dtype="string")
    outd = sd.furat.normalize()
    assert str(outd.dtype) == "string" and outd[0] == "ا" and outd[1] is pd.NA


def test_pandas_non_str_names_the_row() -> None:
    s = pd.Series(["a", 3.5, b"x"], index=["x", "y", "z"])
    with pytest.raises(furat.InputTypeError, match=r"Series.furat.normalize: row 'y': expected str, got float"):
        s.furat.normalize()


def test_pandas_empty_series() -> None:
    assert pd.Series([], dtype=object).furat.normalize().tolist() == []


def test_pandas_clean_frame() -> None:
    page = "قصف على ريف دير الزور - موقع\n24 كانون الثاني 2024\nقال مصدر محلي إن القصف استهدف مواقع في ريف دير الزور الشرقي.\nاترك تعليقاً"
    frame = pd.Series([page, None], index=[7, 8]).furat.clean()
    assert frame.index.tolist() == [7, 8]
    assert frame.loc[7, "meta"]["title"] == "قصف على ريف دير الزور"
    assert frame.loc[7, "body"].startswith("قال مصدر محلي")
    assert pd.isna(frame.loc[8, "title"])


def test_pandas_places_one_row_per_mention() -> None:
    s = pd.Series(["في الحسكة ودير الزور", None, "لا شيء"], index=["x", "y", "z"])
    frame = s.furat.places()
    assert frame.index.tolist() == ["x", "x"]
    assert frame["text"].tolist() == ["الحسكة", "دير الزور"]
    assert [p["pcode"] for p in frame["place"]] == ["SY08", "SY09"]


def test_pandas_task_frames_shape_results() -> None:
    """The frames clean() and places() will return, shaped from a test double
    of the engines (the wiring, not the engines)."""
    import taskdoubles

    from furat.pandas import mentions_frame, task_frame

    s = pd.Series(["a b", None, "c"], index=[10, 20, 30])
    frame = task_frame(s, taskdoubles.Upper(), "t")
    assert frame.index.tolist() == [10, 20, 30] and frame["text"].tolist()[::2] == ["A B", "C"]
    assert pd.isna(frame.loc[20, "text"])
    mentions = mentions_frame(s, taskdoubles.WithPlaces(), "t")
    assert mentions.index.tolist() == [10, 10, 30] and mentions["surface"].tolist() == ["a", "b", "c"]


# ------------------------------------------------------------------ Polars


def test_polars_expression() -> None:
    df = pl.DataFrame({"id": list(range(len(ARTICLES))), "text": ARTICLES})
    out = df.with_columns(norm=pl.col("text").furat.normalize())
    assert out["norm"].to_list() == [furat.normalize(t) for t in ARTICLES]
    assert out["norm"].dtype == pl.String


def test_polars_nulls_options_and_lazy() -> None:
    lf = pl.LazyFrame({"text": ["في  الحَسَكَة", None, "٣"]})
    out = lf.select(pl.col("text").furat.normalize("search", teh_marbuta=False)).collect()
    assert out["text"].to_list() == ["في الحسكة", None, "3"]
    streaming = lf.select(pl.col("text").furat.normalize()).collect(engine="streaming")
    assert streaming["text"].to_list() == ["في الحسكه", None, "3"]


def test_polars_group_by_context() -> None:
    df = pl.DataFrame({"g": [1, 1, 2], "text": ["أ", "إ", "آ"]})
    out = df.group_by("g", maintain_order=True).agg(pl.col("text").furat.normalize())
    assert out["text"].to_list() == [["ا", "ا"], ["ا"]]


def test_polars_series_namespace_and_all_null() -> None:
    assert pl.Series("t", ["أ"]).furat.normalize().to_list() == ["ا"]
    assert pl.Series("t", [None, None]).furat.normalize().to_list() == [None, None]


def test_polars_rejects_non_string_columns() -> None:
    with pytest.raises(furat.InputTypeError, match="expected String, got Int64"):
        pl.DataFrame({"n": [1, 2]}).select(pl.col("n").furat.normalize())


def test_polars_clean_and_places() -> None:
    df = pl.DataFrame({"text": ["في الحسكة ودير الزور", None]})
    out = df.select(pl.col("text").furat.places().alias("p"))
    first = out["p"].to_list()[0]
    assert [m["text"] for m in first] == ["الحسكة", "دير الزور"]
    cleaned = df.select(pl.col("text").furat.clean().alias("c"))["c"].to_list()
    assert cleaned[0]["meta"]["title"] == "في الحسكة ودير الزور" and cleaned[1] is None
