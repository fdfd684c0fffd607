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


def test_pandas_clean_frame_flattens_meta() -> None:
    page = "قصف على ريف دير الزور - موقع\n24 كانون الثاني 2024\nقال مصدر محلي إن القصف استهدف مواقع في ريف دير الزور الشرقي.\nاترك تعليقاً"
    frame = pd.Series([page, None], index=[7, 8]).furat.clean()
    assert frame.index.tolist() == [7, 8]
    assert list(frame.columns) == list(furat.pandas.ARTICLE_COLUMNS)
    assert frame.loc[7, "meta_title"] == "قصف على ريف دير الزور"
    assert frame.loc[7, "meta_date"] == "2024-01-24"
    assert frame.loc[7, "body"].startswith("قال مصدر محلي")
    assert frame.loc[8].isna().all()
    # Each row is clean()'s article, field by field.
    for label, text in zip(range(len(ARTICLES)), ARTICLES, strict=True):
        row = pd.Series(ARTICLES).furat.clean().loc[label]
        a = furat.clean(text)
        assert (row["title"], row["body"]) == (a.title, a.body)
        assert {k: row[f"meta_{k}"] for k in a.meta} == a.meta


MENTION_COLUMNS = [
    "start", "end", "surface", "proclitic", "score", "pcode", "level", "name_en", "name_ar",
    "governorate", "governorate_en", "governorate_ar", "lat", "lon", "alternatives",
]  # fmt: skip


def test_pandas_places_one_flat_row_per_mention() -> None:
    s = pd.Series(["في الحسكة ودير الزور", None, "لا شيء", "قرب البوكمال"], index=["x", "y", "z", "w"], name="text")
    s.index.name = "doc"
    frame = s.furat.places()
    assert list(frame.columns) == MENTION_COLUMNS
    assert frame.index.tolist() == ["x", "x", "w"] and frame.index.name == "doc"
    assert frame["surface"].tolist() == ["الحسكة", "دير الزور", "البوكمال"]
    g = furat.Gazetteer.default()
    found = [m for t in s.dropna() for m in g.find(t)]
    assert frame["pcode"].tolist() == [m.place.pcode for m in found]
    assert frame["governorate_en"].tolist() == [m.place.admin1_name_en for m in found]
    assert frame["governorate_en"].tolist() == ["Al-Hasakeh", "Deir-ez-Zor", "Deir-ez-Zor"]
    assert frame["start"].dtype == "int64" and frame["lat"].dtype == "float64"
    # Every cell is a scalar (alternatives: P-codes joined with "|").
    assert all(not isinstance(v, (dict, list)) for v in frame.to_numpy().ravel())
    assert frame["alternatives"].tolist() == ["|".join(p.pcode for p in m.alternatives) for m in found]
    for label, m in zip(frame.index, frame.itertuples(), strict=True):
        assert s[label][m.start : m.end] == m.surface
    empty = pd.Series(["لا شيء"]).furat.places()
    assert list(empty.columns) == MENTION_COLUMNS and len(empty) == 0


def test_pandas_places_clean_looks_in_title_and_body_only() -> None:
    s = pd.Series(ARTICLES)
    raw = s.furat.places()
    clean = s.furat.places(clean=True)
    assert list(clean.columns) == [*MENTION_COLUMNS[:3], "part", *MENTION_COLUMNS[3:]]
    assert set(clean["part"]) == {"title", "body"}
    assert len(clean) < len(raw)
    for i, text in enumerate(ARTICLES):
        mine = clean.loc[[i]] if i in clean.index else clean.iloc[:0]
        assert mine["pcode"].tolist() == [m.place.pcode for m in furat.process(text).places or []]


def test_pandas_process_gives_articles_and_places_from_one_pass() -> None:
    s = pd.Series([*ARTICLES, None], index=[f"a{i}" for i in range(len(ARTICLES) + 1)])
    articles, places = s.furat.process()
    assert articles.index.equals(s.index) and list(articles.columns) == [*furat.pandas.ARTICLE_COLUMNS, "n_places"]
    assert articles["n_places"].tolist() == [len(furat.process(t).places or []) for t in ARTICLES] + [0]
    assert articles.loc["a1", "title"] == furat.process(ARTICLES[1]).title
    assert pd.isna(articles.loc[f"a{len(ARTICLES)}", "title"])
    assert places.equals(s.furat.places(clean=True))
    assert places.index.value_counts().to_dict() == {k: v for k, v in articles["n_places"].items() if v}
    # The tables join: mentions per governorate, with each article's date.
    joined = places.join(articles[["meta_date"]])
    assert len(joined) == len(places)


def test_pandas_process_with_a_cleaner() -> None:
    cleaner = furat.Cleaner.fit(ARTICLES * 3)
    articles, places = pd.Series(ARTICLES).furat.process(cleaner=cleaner)
    assert articles["title"].tolist() == [a.title for a in cleaner.process_batch(ARTICLES)]
    assert len(places) == sum(len(a.places or []) for a in cleaner.process_batch(ARTICLES))


def test_matchlist_to_pandas() -> None:
    a = furat.process(ARTICLES[2])
    frame = (a.places or furat.MatchList()).to_pandas()
    assert frame["surface"].tolist() == [m.text for m in a.places or []]
    assert "part" in frame.columns


def test_pandas_task_frame_shapes_results() -> None:
    """Any task's results as a frame (a test double stands in for the
    engines: the wiring is under test)."""
    import taskdoubles

    from furat.pandas import task_frame

    s = pd.Series(["a b", None, "c"], index=[10, 20, 30])
    frame = task_frame(s, taskdoubles.Upper(), "t")
    assert frame.index.tolist() == [10, 20, 30] and frame["text"].tolist()[::2] == ["A B", "C"]
    assert pd.isna(frame.loc[20, "text"])


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


def test_polars_clean_places_and_process() -> None:
    df = pl.DataFrame({"text": ["في الحسكة ودير الزور", None]})
    out = df.select(pl.col("text").furat.places().alias("p"))
    assert out["p"].dtype == furat.polars.PLACES_DTYPE
    first = out["p"].to_list()[0]
    assert [m["surface"] for m in first] == ["الحسكة", "دير الزور"]
    assert [m["pcode"] for m in first] == ["SY08", "SY09"] and first[0]["part"] is None
    rows = out.explode("p").unnest("p").drop_nulls("pcode")
    assert rows["governorate_en"].to_list() == ["Al-Hasakeh", "Deir-ez-Zor"]
    cleaned = df.select(pl.col("text").furat.clean().alias("c"))["c"].to_list()
    assert cleaned[0]["meta"]["title"] == "في الحسكة ودير الزور" and cleaned[1] is None


def test_polars_process_matches_furat_process() -> None:
    lf = pl.LazyFrame({"id": list(range(len(ARTICLES))), "text": ARTICLES})
    out = lf.select("id", pl.col("text").furat.process().alias("a")).collect()
    assert out["a"].dtype == furat.polars.PROCESS_DTYPE
    for row, text in zip(out["a"].to_list(), ARTICLES, strict=True):
        expected = furat.process(text).to_dict(lines=False)
        assert row["title"] == expected["title"] and row["body"] == expected["body"]
        assert row["meta"] == expected["meta"]
        assert row["places"] == expected["places"]
    mentions = out.select("id", pl.col("a").struct.field("places")).explode("places").unnest("places")
    assert set(mentions.drop_nulls("part")["part"].to_list()) == {"title", "body"}
    clean_places = lf.select(pl.col("text").furat.places(clean=True)).collect()["text"].to_list()
    assert clean_places == [r["places"] for r in out["a"].to_list()]
