"""furat.process / process_batch / Cleaner.process (issue 5): the cleaned
article plus the places of its title and body, spans in the page."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import furat

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "articles").glob("*.txt"))]
HELDOUT = [
    json.loads(line)["text"]
    for line in (ROOT / "testdata" / "boilerplate" / "heldout.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]
#: Every page the project has: the samples and the held-out boilerplate pages
#: (other sites' templates, Arabic and English, CRLF, empty pages).
PAGES = SAMPLES + HELDOUT
G = furat.Gazetteer.default()

RECORD_KEYS = [
    "start", "end", "surface", "part", "proclitic", "score", "pcode", "level", "name_en", "name_ar",
    "governorate", "governorate_en", "governorate_ar", "lat", "lon", "alternatives",
]  # fmt: skip


def document(a: furat.Article) -> str:
    """What the matcher is run on: the title and the body as one text."""
    if a.title is None:
        return a.body
    return a.title + "\n" + a.body if any(label == "content" for label in a.labels) else a.title


def key(m: furat.Match) -> tuple[Any, ...]:
    return (m.text, m.proclitic, m.place.pcode, m.score, [p.pcode for p in m.alternatives])


@pytest.mark.parametrize("page", range(len(PAGES)))
def test_spans_index_the_page_and_lie_in_title_or_body_lines(page: int) -> None:
    text = PAGES[page]
    a = furat.process(text)
    assert a.places is not None
    lines = a.lines
    for m in a.places:
        assert text[m.start : m.end] == m.text
        [line] = [ln for ln in lines if ln.start <= m.start and m.end <= ln.end]
        assert line.label == {"title": "title", "body": "content"}[m.part], (m, line)
    assert [m.start for m in a.places] == sorted(m.start for m in a.places)


@pytest.mark.parametrize("page", range(len(PAGES)))
def test_process_is_clean_plus_places_on_the_same_lines(page: int) -> None:
    text = PAGES[page]
    a = furat.process(text)
    c = furat.clean(text)
    # The article is clean()'s, to the last line and metadata field.
    assert (a.title, a.body, a.meta, a.lines) == (c.title, c.body, c.meta, c.lines)
    # The places are the matcher's over the title and body as one text.
    assert [key(m) for m in a.places or []] == [key(m) for m in G.find(document(c))]


def test_the_samples_have_places_and_boilerplate_gives_none() -> None:
    articles = furat.process_batch(SAMPLES)
    assert sum(len(a.places or []) for a in articles) > 20
    assert {m.part for a in articles for m in a.places or []} == {"title", "body"}
    # Somewhere a place is named only in boilerplate (a dateline, a related
    # headline, a date line): the raw page has more mentions than the article.
    raw = sum(len(G.find(t)) for t in SAMPLES)
    assert raw > sum(len(a.places or []) for a in articles)


def test_boilerplate_is_no_evidence() -> None:
    # هجين is also a word: alone it needs evidence, and a place of its
    # governorate in the same text is evidence.
    alone = "وصلت التعزيزات إلى هجين صباح اليوم"
    assert G.find(alone) == []
    assert [m.text for m in G.find(alone + "\nتعزيزات في دير الزور")] == ["هجين", "دير الزور"]
    body = "قال ناشطون إن التعزيزات وصلت إلى هجين صباح اليوم وسط استنفار كبير لعناصر الفرقة المنتشرة هناك منذ أشهر."
    page = f"خبر عاجل\nوصول تعزيزات جديدة - موقع المثال\n{body}\nمقالات ذات صلة\nاشتباكات في دير الزور"
    a = furat.process(page)
    assert a.lines[4].label == "boilerplate" and a.lines[2].label == "content"
    assert a.places == []
    # The same paragraph, with the governorate in the article: a mention.
    page2 = page.replace("مقالات ذات صلة\n", "") .replace("اشتباكات في دير الزور", "")
    page2 = page2.replace(body, body + " وتقع البلدة في ريف دير الزور الشرقي.")
    assert [m.text for m in furat.process(page2).places or []] == ["هجين", "دير الزور"]


def test_clean_results_have_no_places() -> None:
    c = furat.clean(SAMPLES[1])
    assert c.places is None and c.id is None
    assert "places" not in c.to_dict() and "id" not in c.to_dict()
    assert c != furat.process(SAMPLES[1])
    assert "places=" not in repr(c) and "places=" in repr(furat.process(SAMPLES[1]))


def test_to_dict_is_json_ready_with_flat_place_records() -> None:
    a = furat.process(SAMPLES[1], id="doc-1")
    d = a.to_dict(lines=False)
    assert list(d) == ["id", "title", "body", "meta", "places"]
    assert d["id"] == "doc-1" and d["title"] == a.title and d["body"] == a.body and d["meta"] == a.meta
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    assert "lines" in a.to_dict() and len(a.to_dict()["lines"]) == len(a.lines)
    assert len(d["places"]) == len(a.places or [])
    for r, m in zip(d["places"], a.places or [], strict=True):
        assert list(r) == RECORD_KEYS
        assert r == m.to_record()
        assert (r["start"], r["end"], r["surface"], r["part"]) == (m.start, m.end, m.text, m.part)
        assert SAMPLES[1][r["start"] : r["end"]] == r["surface"]
        p = m.place
        assert (r["pcode"], r["level"], r["name_en"], r["name_ar"]) == (p.pcode, p.level, p.name_en, p.name_ar)
        assert (r["governorate"], r["governorate_en"], r["governorate_ar"]) == (
            p.admin1,
            p.admin1_name_en,
            p.admin1_name_ar,
        )
        assert (r["lat"], r["lon"], r["score"]) == (p.lat, p.lon, m.score)
        assert r["alternatives"] == [q.pcode for q in m.alternatives]
    gov = [r for r in d["places"] if r["level"] == "governorate"]
    assert gov and all(r["governorate"] == r["pcode"] for r in gov)


def test_ids_are_str_or_int() -> None:
    assert furat.process("x", id=7).to_dict()["id"] == 7
    assert [a.id for a in furat.process_batch(["a", "b"], ids=["x", None])] == ["x", None]
    with pytest.raises(furat.InputTypeError, match=r"^id: expected str, int or None, got float$"):
        furat.process("x", id=1.5)  # type: ignore[arg-type]
    with pytest.raises(furat.InputTypeError, match=r"ids\[1\]: expected str, int or None, got bool"):
        furat.process_batch(["a", "b"], ids=["x", True])
    with pytest.raises(furat.InputError, match="ids has 1 items but texts has 2"):
        furat.process_batch(["a", "b"], ids=["x"])


def test_batch_equals_one_by_one_in_order() -> None:
    pages = PAGES * 3
    ids = list(range(len(pages)))
    one = [furat.process(t, id=i) for i, t in enumerate(pages)]
    for threads in (1, 2, None):
        assert furat.process_batch(pages, ids=ids, threads=threads) == one
    # Any iterable; an empty batch.
    assert furat.process_batch(iter(PAGES[:2])) == [furat.process(t) for t in PAGES[:2]]
    assert furat.process_batch([]) == []


def test_batch_errors_name_the_item() -> None:
    with pytest.raises(furat.InputTypeError, match=r"texts\[2\]: expected str, got NoneType"):
        furat.process_batch(["a", "b", None])  # type: ignore[list-item]
    with pytest.raises(furat.InputTypeError, match="not a single str"):
        furat.process_batch("a text")
    with pytest.raises(furat.InputTypeError, match=r"^text: expected str, got bytes$"):
        furat.process(b"x")  # type: ignore[arg-type]
    with pytest.raises(furat.OptionError, match="threads must be at least 1"):
        furat.process_batch(["a"], threads=0)
    with pytest.raises(furat.InputError, match="sites has 1 items but texts has 2"):
        furat.process_batch(["a", "b"], sites=["x"])
    with pytest.raises(furat.OptionError, match="reference"):
        furat.process("a", reference="not a date")


def test_awkward_pages() -> None:
    for text in ["", " ", "\n\n", "\r\n", "الحسكة", "\ud800 الحسكة \udfff", "دير الزور\r\nقال مصدر إن القصف طال دير الزور.\r"]:
        a = furat.process(text)
        assert a.places is not None
        for m in a.places:
            assert text[m.start : m.end] == m.text


def test_cleaner_templates_apply_to_process() -> None:
    # A paragraph on every page of the site (an "about the region" blurb):
    # content on one page, template across the site.
    promo = "وتشهد مدينة الرقة منذ أشهر توترا أمنيا متصاعدا بين الفصائل المحلية والقوات المسيطرة على المنطقة."
    pages = [
        f"عنوان الخبر رقم {i} عن الحسكة\n"
        f"قال مصدر محلي إن دورية جابت شوارع الحسكة في اليوم {i} وسط انتشار أمني واسع في الأحياء الشرقية للمدينة.\n"
        f"{promo}"
        for i in range(6)
    ]
    sites = ["a.sy"] * 6
    cleaner = furat.Cleaner.fit(pages, sites=sites)
    plain = furat.process(pages[0])
    assert "الرقة" in [m.text for m in plain.places or []]
    templated = cleaner.process(pages[0], site="a.sy")
    assert "الرقة" not in [m.text for m in templated.places or []]
    assert templated.lines[-1].kind == "template"
    # Another site has no templates: as furat.process.
    assert cleaner.process(pages[0], site="b.sy") == plain
    batch = cleaner.process_batch(pages, sites, ids=list("abcdef"), threads=2)
    assert batch == [cleaner.process(p, site=s, id=i) for p, s, i in zip(pages, sites, "abcdef", strict=True)]
    assert [a.title for a in batch] == [a.title for a in cleaner.clean_batch(pages, sites)]


def test_pickling_keeps_everything() -> None:
    a = furat.process(SAMPLES[3], id="s3")
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        b = pickle.loads(pickle.dumps(a, protocol))
        assert b == a and b.id == "s3" and b.places == a.places
        assert b.to_dict() == a.to_dict()
    places = a.places
    assert places is not None
    assert pickle.loads(pickle.dumps(places)) == places
    assert type(pickle.loads(pickle.dumps(places))) is furat.MatchList
    m = places[0]
    assert pickle.loads(pickle.dumps(m)) == m and pickle.loads(pickle.dumps(m)).part == m.part
    assert furat.Match.from_dict(m.to_dict()) == m
    c = furat.clean(SAMPLES[3])
    assert pickle.loads(pickle.dumps(c)) == c and pickle.loads(pickle.dumps(c)).places is None


def test_bad_pickle_state_is_a_data_error() -> None:
    a = furat.process("قصف على الحسكة")
    ctor, (text, lines, meta, places, ident) = a.__reduce__()
    assert places
    bad_span = [(0, 99, *places[0][2:])]
    with pytest.raises(furat.DataError, match="outside the text"):
        ctor(text, lines, meta, bad_span, ident)
    bad_place = [(*places[0][:6], "NOPE", [])]
    with pytest.raises(furat.DataError, match='unknown place "NOPE"'):
        ctor(text, lines, meta, bad_place, ident)
    with pytest.raises(furat.DataError, match="unknown part"):
        ctor(text, lines, meta, [(*places[0][:5], "footer", *places[0][6:])], ident)


def test_match_part_repr_and_dict() -> None:
    found = G.find("قصف على الحسكة")
    assert found[0].part is None and found[0].to_dict()["part"] is None and " in " not in repr(found[0])
    assert found[0].to_record()["part"] is None
    m = (furat.process("قصف على الحسكة").places or [])[0]
    assert m.part in ("title", "body") and repr(m).endswith(f" in {m.part}>")
    assert m != found[0]  # the part differs
    d = m.to_dict()
    d["part"] = "footer"
    with pytest.raises(furat.InputError, match="part must be"):
        furat.Match.from_dict(d)
    del d["part"]
    assert furat.Match.from_dict(d).part is None  # dicts from before parts existed


def test_matchlist_is_a_list_with_records() -> None:
    places = furat.process(SAMPLES[2]).places
    assert isinstance(places, list) and isinstance(places, furat.MatchList)
    assert places.to_records() == [m.to_record() for m in places]
    wrapped = furat.MatchList(G.find("في الحسكة ودير الزور"))
    assert [m.text for m in wrapped] == ["الحسكة", "دير الزور"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["الحسكة", "دير الزور", "قال", "مصدر", "\n", "الرقة", " ", "Deir ez-Zor", "،", "هجين"]), max_size=60))
def test_spans_hold_on_generated_pages(words: list[str]) -> None:
    text = " ".join(words)
    a = furat.process(text)
    for m in a.places or []:
        assert text[m.start : m.end] == m.text
    assert [key(m) for m in a.places or []] == [key(m) for m in G.find(document(a))]


def same_json(a: furat.Article, lines: bool) -> None:
    text = a.to_json(lines=lines)
    assert json.loads(text) == a.to_dict(lines=lines)
    # The same keys in the same order, floats stay floats (1.0, not 1): a
    # table read back has the same columns and types.
    assert json.dumps(json.loads(text)) == json.dumps(a.to_dict(lines=lines))


@pytest.mark.parametrize("page", range(len(PAGES)))
def test_to_json_is_to_dict_as_json(page: int) -> None:
    a = furat.process(PAGES[page], id=f"p{page}")
    same_json(a, lines=True)
    same_json(a, lines=False)
    same_json(furat.clean(PAGES[page]), lines=True)


def test_to_json_escapes_what_json_needs() -> None:
    page = 'عنوان "الحسكة" \\ \x01\t\u2028 😀 \ud800 end\nفي الحسكة قال مصدر "محلي" إن الوضع هادئ\x7f\r\n'
    for id in ("a\"b\\\n\ud800", 12, 2**70, None):
        a = furat.process(page, id=id)
        text = a.to_json()
        assert "\n" not in text  # one JSON line, whatever the page holds
        same_json(a, lines=True)
    assert json.loads(furat.process("", id=-5).to_json())["id"] == -5


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, blacklist_categories=()), max_size=80), st.sampled_from(["", "\nفي دير الزور\n", "Raqqa\n"]))
def test_to_json_round_trips_any_text(junk: str, tail: str) -> None:
    a = furat.process(junk + tail + junk)
    same_json(a, lines=True)
