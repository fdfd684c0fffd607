"""furat.clean / clean_batch / Article / Line / Cleaner (issue 4)."""

from __future__ import annotations

import datetime
import importlib.util
import json
import pickle
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import furat

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "dev" / "boilerplate.jsonl"


def _load_script(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HELDOUT = _load_script("boilerplate_testdata").load_all()


def _score(records: list[dict]) -> tuple[float, list[str]]:  # type: ignore[type-arg]
    """Content-line F1 (as ../shared/eval/score.py computes it) and every miss."""
    tp = npred = ngold = 0
    misses = []
    for r in records:
        article = furat.clean(r["text"], reference=r.get("reference"))
        pred = article.labels
        assert len(pred) == len(r["labels"]), r["id"]
        for i, (g, p) in enumerate(zip(r["labels"], pred)):
            if g == "blank":
                continue
            ngold += g == "content"
            npred += p == "content"
            tp += g == "content" and p == "content"
            if g != p:
                misses.append(f"{r['id']} line {i}: gold {g}, got {p} ({article.lines[i].reason})")
        for key, value in r["meta"].items():
            got = article.meta.get(key)
            if " ".join(str(got).split()) != " ".join(value.split()):
                misses.append(f"{r['id']} meta {key}: gold {value!r}, got {got!r}")
    p = tp / npred if npred else 1.0
    rec = tp / ngold if ngold else 1.0
    return (2 * p * rec / (p + rec) if p + rec else 0.0), misses


# ------------------------------------------------------------------ quality


def test_heldout_pages_meet_the_targets() -> None:
    assert len(HELDOUT) >= 16
    f1, misses = _score(HELDOUT)
    assert f1 >= 0.98, misses
    titles = [m for m in misses if "gold title" in m or "meta title" in m]
    assert not titles, titles
    assert not [m for m in misses if " meta " in m], misses


@pytest.mark.skipif(not DEV.exists(), reason="the shared sample articles are not beside the repo")
def test_sample_articles_meet_the_targets() -> None:
    records = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
    f1, misses = _score(records)
    assert f1 >= 0.98, misses
    assert not misses, misses


def test_heldout_jsonl_is_built_from_the_pages() -> None:
    path = ROOT / "testdata" / "boilerplate" / "heldout.jsonl"
    stored = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    assert stored == HELDOUT, "run scripts/boilerplate_testdata.py"


# ------------------------------------------------------------- line model


PAGE = (
    "الرئيسية\n"
    "قصف على ريف دير الزور الشرقي - موقع المثال\n"
    "24 كانون الثاني 2024\n"
    "قال مصدر محلي إن القصف استهدف مواقع في ريف دير الزور الشرقي، وأسفر عن أضرار مادية.\n"
    "تفاصيل جديدة\n"
    "وأضاف المصدر أن فرق الدفاع المدني وصلت إلى المكان بعد ساعة من القصف، وعملت على إخماد الحرائق.\n"
    "مقالات ذات صلة\n"
    "عنوان آخر لا علاقة له بالخبر"
)


def test_clean_returns_headline_body_lines_and_meta() -> None:
    a = furat.clean(PAGE)
    assert a.title == "قصف على ريف دير الزور الشرقي - موقع المثال"
    assert a.meta["title"] == "قصف على ريف دير الزور الشرقي"
    assert a.meta["site"] == "موقع المثال"
    assert a.meta["date"] == "2024-01-24"
    assert a.labels == ["boilerplate", "title", "boilerplate", "content", "content", "content", "boilerplate", "boilerplate"]
    assert [line.kind for line in a.lines][3:7] == ["paragraph", "subheading", "paragraph", "related"]
    assert a.body.split("\n") == PAGE.split("\n")[3:6]
    assert a.text == PAGE
    assert all(isinstance(line.reason, str) and line.reason for line in a.lines)
    assert set(a.meta) == {"title", "date", "updated", "author", "source", "site", "dateline"}


def test_lines_map_back_to_the_text() -> None:
    a = furat.clean(PAGE)
    pieces = PAGE.split("\n")
    assert len(a.lines) == len(pieces)
    for i, line in enumerate(a.lines):
        assert line.index == i
        assert line.text == pieces[i] == PAGE[line.start : line.end]


def test_crlf_and_lone_cr_line_endings() -> None:
    crlf = PAGE.replace("\n", "\r\n")
    a = furat.clean(crlf)
    assert a.labels == furat.clean(PAGE).labels
    assert len(a.lines) == len(crlf.split("\n"))
    assert all("\r" not in line.text for line in a.lines)
    assert all(crlf[line.start : line.end] == line.text for line in a.lines)
    # Old Mac files: a lone CR breaks lines too (universal newlines).
    cr = PAGE.replace("\n", "\r")
    assert furat.clean(cr).labels == furat.clean(PAGE).labels


def test_empty_blank_and_bodiless_pages() -> None:
    assert furat.clean("").labels == ["blank"]
    assert furat.clean("").title is None
    assert furat.clean("").body == ""
    a = furat.clean("\u00a0\n \t\n\u200b")
    assert a.labels == ["blank", "blank", "blank"]
    no_body = furat.clean("الرئيسية\nبالفيديو: لحظة سقوط قذيفة على سوق الميادين\n18/02/2024\nشارك")
    assert no_body.body == ""
    assert no_body.meta["title"] == "بالفيديو: لحظة سقوط قذيفة على سوق الميادين"
    assert no_body.meta["date"] == "2024-02-18"


def test_dates_only_from_meta_lines_not_body_prose() -> None:
    page = (
        "هجوم على حافلة في بادية دير الزور\n"
        "وأشار إلى أن آخر عملية نفذها التنظيم كانت في كانون الثاني 2022، عندما هاجم سجن غويران في الحسكة.\n"
    )
    assert furat.clean(page).meta["date"] is None


def test_relative_dates_use_the_reference() -> None:
    page = "افتتاح معبر جديد في ريف الرقة الغربي\nمنذ 3 ساعات\n" + PAGE.split("\n")[3]
    assert furat.clean(page).meta["date"] is None
    ref = datetime.datetime(2024, 4, 10, 18, 0)
    assert furat.clean(page, reference=ref).meta["date"] == "2024-04-10T15:00"
    assert furat.clean(page, reference="2024-04-10T18:00").meta["date"] == "2024-04-10T15:00"
    assert furat.clean(page, reference=datetime.date(2024, 4, 10)).meta["date"] == "2024-04-10"
    with pytest.raises(furat.OptionError, match="ISO 8601"):
        furat.clean(page, reference="yesterday")
    with pytest.raises(TypeError, match="reference"):
        furat.clean(page, reference=3)  # type: ignore[arg-type]


def test_site_name_argument_splits_the_suffix() -> None:
    page = "الرئيسية\nقصف على ريف دير الزور الشرقي - الفرات اليوم\n" + PAGE.split("\n")[3]
    assert furat.clean(page).meta["title"] == "قصف على ريف دير الزور الشرقي - الفرات اليوم"
    a = furat.clean(page, site_name="الفرات اليوم")
    assert a.meta["title"] == "قصف على ريف دير الزور الشرقي"
    assert a.meta["site"] == "الفرات اليوم"


def test_first_line_title_suffix() -> None:
    # A text dump's first line is the page <title>: "headline - Site".
    page = "Deir ez-Zor tribes call for talks after week of clashes - The New Arab\n" + PAGE.split("\n")[3]
    a = furat.clean(page)
    assert (a.meta["title"], a.meta["site"]) == ("Deir ez-Zor tribes call for talks after week of clashes", "The New Arab")


def test_site_name_before_the_headline() -> None:
    page = "عنب بلدي | انقطاع المياه عن أحياء في مدينة دير الزور\n" + PAGE.split("\n")[3]
    a = furat.clean(page)
    assert (a.meta["title"], a.meta["site"]) == ("انقطاع المياه عن أحياء في مدينة دير الزور", "عنب بلدي")
    kicker = "عاجل | انفجار عبوة ناسفة في مدينة البصيرة\n" + PAGE.split("\n")[3]
    assert furat.clean(kicker).meta["title"] == "عاجل | انفجار عبوة ناسفة في مدينة البصيرة"


def test_typo_in_chrome_is_tolerated_by_design() -> None:
    page = PAGE.replace("مقالات ذات صلة", "مقالات ذات صلت")
    a = furat.clean(page)
    assert a.lines[6].kind == "related"
    assert "edit" in a.lines[6].reason


def test_english_page() -> None:
    page = (
        "US strikes Iran-backed groups in eastern Syria | Reuters\n"
        "By Jane Doe\n"
        "January 24, 2024 1:05 PM\n"
        "BEIRUT, Jan 24 (Reuters) - U.S. forces struck two facilities used by Iran-backed groups in eastern Syria on Wednesday, the Pentagon said.\n"
        "The strikes hit a weapons storage site near the town of Al Bukamal, according to a statement from U.S. Central Command.\n"
        "Leave a comment\n"
        "This is a comment that reads like prose and is long enough to look like a paragraph, but it is not.\n"
    )
    a = furat.clean(page)
    assert a.labels == ["title", "boilerplate", "boilerplate", "content", "content", "boilerplate", "boilerplate", "blank"]
    assert a.meta["site"] == "Reuters"
    assert a.meta["author"] == "Jane Doe"
    assert a.meta["date"] == "2024-01-24T13:05"
    assert a.meta["dateline"] == "BEIRUT"


def test_long_consent_banner_is_not_the_body() -> None:
    banner = (
        "We value your privacy. We and our partners store and/or access information on a device, such as "
        "unique IDs in cookies to process personal data. You may accept or manage your choices by clicking "
        "below, including your right to object where legitimate interest is used, or at any time in the "
        "privacy policy page. These choices will be signaled to our partners and will not affect browsing "
        "data. We and our partners process data to provide: Use precise geolocation data. Actively scan "
        "device characteristics for identification. Personalised ads and content, ad and content measurement."
    )
    page = (
        f"{banner}\nHome\nNews\nSyria: Clashes in Deir ez-Zor leave at least nine dead\nFebruary 2, 2024\n"
        "At least nine people have been killed in clashes between Kurdish-led forces and tribal fighters in "
        "eastern Syria, a monitoring group says.\n"
        "The fighting broke out on Thursday night in the town of Dhiban, on the eastern bank of the Euphrates.\n"
    )
    a = furat.clean(page)
    assert a.labels[:6] == ["boilerplate", "boilerplate", "boilerplate", "title", "boilerplate", "content"]
    assert a.lines[0].kind == "cookie"


# ------------------------------------------------------------- the objects


def test_to_dict_is_json_ready() -> None:
    d = furat.clean(PAGE).to_dict()
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    assert set(d) == {"title", "body", "meta", "lines"}
    assert d["lines"][1] == {
        "index": 1,
        "text": PAGE.split("\n")[1],
        "label": "title",
        "kind": "title",
        "reason": "the headline",
        "start": len(PAGE.split("\n")[0]) + 1,
        "end": len(PAGE.split("\n")[0]) + 1 + len(PAGE.split("\n")[1]),
    }


def test_pickle_and_equality() -> None:
    a = furat.clean(PAGE)
    b = pickle.loads(pickle.dumps(a))
    assert b == a and b.to_dict() == a.to_dict()
    line = a.lines[3]
    assert pickle.loads(pickle.dumps(line)) == line
    assert a != furat.clean(PAGE + "\n")


def test_from_state_rejects_bad_state() -> None:
    with pytest.raises(furat.DataError, match="outside the text"):
        furat.Article._from_state("abc", [("content", "paragraph", "x", 0, 9)], {})
    with pytest.raises(furat.DataError, match="unknown label"):
        furat.Article._from_state("abc", [("bogus", "paragraph", "x", 0, 1)], {})


def test_repr_and_html() -> None:
    a = furat.clean(PAGE.replace("مقالات ذات صلة", "<script>x</script>"))
    assert repr(a).startswith("<Article title=")
    assert repr(a.lines[1]).startswith("Line(1, ")
    html = a._repr_html_()
    assert 'dir="auto"' in html and "<script>" not in html and "&lt;script&gt;" in html
    assert html.count("<tr") == len(a.lines)
    assert "LINE_KINDS" in dir(furat) and "related" in furat.LINE_KINDS
    assert {line.kind for line in a.lines} <= set(furat.LINE_KINDS)


def test_line_constructor_validates() -> None:
    line = furat.Line(0, "x", "content", "paragraph", "why", 0, 1)
    assert line.to_dict()["label"] == "content"
    with pytest.raises(furat.InputError, match="unknown label"):
        furat.Line(0, "x", "nope", "paragraph", "why", 0, 1)  # type: ignore[arg-type]
    with pytest.raises(furat.InputError, match="kind"):
        furat.Line(0, "x", "content", "nope", "why", 0, 1)


# ------------------------------------------------------------------ batches


def test_batch_keeps_order_and_matches_single_calls() -> None:
    texts = [r["text"] for r in HELDOUT] * 5
    singles = [furat.clean(t) for t in texts]
    assert furat.clean_batch(texts) == singles
    assert furat.clean_batch(texts, threads=1) == singles
    assert furat.clean_batch(iter(texts[:3]), threads=2) == singles[:3]
    assert furat.clean_batch([]) == []


def test_batch_names_the_bad_item() -> None:
    with pytest.raises(TypeError, match=r"texts\[1\]: expected str, got int"):
        furat.clean_batch(["a", 3])
    with pytest.raises(furat.InputTypeError, match="not a single str"):
        furat.clean_batch("a single page")
    with pytest.raises(TypeError, match="text: expected str, got NoneType"):
        furat.clean(None)  # type: ignore[arg-type]


def test_threads_share_the_engine() -> None:
    texts = [r["text"] for r in HELDOUT]
    expected = furat.clean_batch(texts, threads=1)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(5):
                assert furat.clean_batch(texts, threads=2) == expected
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    workers = [threading.Thread(target=work) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert not errors


@pytest.mark.parametrize(
    "line",
    ["عنوان قصير للخبر رقم {i} هنا", "by someone{i} x", "خبر رقم {i} - موقع المثال", "قال مصدر إن الحادثة {i} وقعت في ريف دير الزور، وأسفرت عن أضرار."],
)
def test_long_pages_stay_linear(line: str) -> None:
    import time

    small = "\n".join(line.format(i=i) for i in range(2_000))
    big = "\n".join(line.format(i=i) for i in range(40_000))
    t = time.perf_counter()
    furat.clean(small)
    t_small = time.perf_counter() - t
    t = time.perf_counter()
    a = furat.clean(big)
    t_big = time.perf_counter() - t
    assert len(a.lines) == 40_000
    # 20 times the lines: linear is ~20x; quadratic would be ~400x.
    assert t_big < max(60 * t_small, 3.0), (t_small, t_big)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab دير الزور،.:|-–»\n\u00a0\u200b0123456789()©")), max_size=300))
def test_any_text_gives_one_line_per_piece(text: str) -> None:
    a = furat.clean(text)
    pieces = text.split("\n")
    assert len(a.lines) == len(pieces)
    for line, piece in zip(a.lines, pieces):
        assert line.text == piece == text[line.start : line.end]
        assert line.label in furat.LINE_LABELS and line.kind in furat.LINE_KINDS
    assert a.labels.count("title") <= 1


# ---------------------------------------------------------------- templates


def _site_pages(site: str, n: int) -> list[str]:
    chrome_top = f"شبكة {site} الإخبارية\nأخبار الجزيرة السورية\nنشرة {site} المسائية"
    chrome_end = f"حمّل تطبيق {site} على هاتفك\nفريق تحرير {site} يرحب بمقترحاتكم"
    pages = []
    for i in range(n):
        pages.append(
            f"{chrome_top}\nعنوان الخبر رقم {i} عن ريف دير الزور الشرقي\n"
            f"قال مصدر محلي إن الحادثة رقم {i} وقعت في ريف دير الزور الشرقي، وأسفرت عن أضرار مادية كبيرة.\n"
            f"مساحة إعلانية لشبكة {site}\n"
            f"ولمتابعة المزيد من أخبار المنطقة، يمكنكم زيارة موقع {site} ومتابعة صفحاته على وسائل التواصل.\n"
            f"وأضاف المصدر أن فرق الدفاع المدني وصلت إلى المكان رقم {i} بعد ساعة، وعملت على إخماد الحرائق.\n"
            f"{chrome_end}"
        )
    return pages


SYNDICATED = "وذكرت وكالة الأنباء أن الأمم المتحدة أرسلت قافلة مساعدات إلى مخيم الهول، تضم مواد غذائية وطبية لآلاف العائلات."


def test_cleaner_learns_site_templates() -> None:
    pages = _site_pages("الفرات", 10)
    plain = furat.clean(pages[0])
    cleaner = furat.Cleaner.fit(pages, sites=["alfurat.example"] * 10)
    assert cleaner.sites == {"alfurat.example": {"pages": 10, "template_lines": 7}}
    a = cleaner.clean(pages[0], site="alfurat.example")
    kinds = [line.kind for line in a.lines]
    assert kinds.count("template") >= 2
    # What only the templates catch: site chrome between the paragraphs.
    assert "مساحة إعلانية" in plain.body and "ولمتابعة المزيد" in plain.body
    assert a.body.count("\n") == 1 and "مساحة إعلانية" not in a.body and "ولمتابعة" not in a.body
    assert a.lines[5].reason == "recurs on 10 of 10 pages of the site"
    assert cleaner.clean(pages[0], site="other.example") == plain
    assert cleaner.clean_batch(pages, sites=["alfurat.example"] * 10)[0] == a


def test_a_page_crawled_twice_is_not_its_own_template() -> None:
    pages = _site_pages("الفرات", 6)
    again = pages + [pages[0]] * 5  # one article fetched six times
    cleaner = furat.Cleaner.fit(again, sites=["a"] * len(again))
    assert cleaner.sites["a"]["pages"] == 6
    a = cleaner.clean(pages[0], site="a")
    assert a.title == "عنوان الخبر رقم 0 عن ريف دير الزور الشرقي"


def test_syndicated_paragraphs_are_not_template() -> None:
    pages, sites = [], []
    for s in range(6):
        page = _site_pages(f"موقع{s}", 1)[0].replace("\nوأضاف", f"\n{SYNDICATED}\nوأضاف")
        pages.append(page)
        sites.append(f"site{s}.example")
    cleaner = furat.Cleaner.fit(pages, sites=sites, min_pages=2)
    a = cleaner.clean(pages[0], site="site0.example")
    assert SYNDICATED in a.body


def test_cleaner_state_pickles_saves_and_loads(tmp_path: Path) -> None:
    cleaner = furat.Cleaner.fit(_site_pages("الفرات", 6), sites=["a"] * 6)
    assert pickle.loads(pickle.dumps(cleaner)) == cleaner
    assert furat.Cleaner.from_bytes(cleaner.to_bytes()) == cleaner
    path = tmp_path / "cleaner.bin"
    cleaner.save(path)
    assert furat.Cleaner.load(path) == cleaner
    assert furat.Cleaner.load(str(path)) == cleaner
    assert repr(cleaner) == "<Cleaner sites=1 pages=6 template_lines=7>"
    assert furat.Cleaner() == furat.Cleaner()


def test_cleaner_rejects_corrupt_state(tmp_path: Path) -> None:
    data = bytearray(furat.Cleaner.fit(_site_pages("الفرات", 6)).to_bytes())
    data[-12] ^= 0xFF
    path = tmp_path / "bad.bin"
    path.write_bytes(bytes(data))
    with pytest.raises(furat.DataError, match="checksum"):
        furat.Cleaner.load(path)
    with pytest.raises(furat.DataError, match="FURATBP"):
        furat.Cleaner.from_bytes(b"not a cleaner")
    future = bytearray(furat.Cleaner().to_bytes())
    future[8] = 99
    with pytest.raises(furat.DataError, match="format version 99"):
        furat.Cleaner.from_bytes(bytes(future))
    with pytest.raises(furat.FileError):
        furat.Cleaner.load(tmp_path / "missing.bin")
    with pytest.raises(TypeError, match="bytes"):
        furat.Cleaner.from_bytes("text")  # type: ignore[arg-type]


def test_cleaner_argument_errors() -> None:
    with pytest.raises(furat.InputError, match="one site per text"):
        furat.Cleaner.fit(["a", "b"], sites=["x"])
    with pytest.raises(TypeError, match=r"sites\[1\]: expected str or None, got int"):
        furat.Cleaner.fit(["a", "b"], sites=["x", 3])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="not a single str"):
        furat.Cleaner.fit(["a", "b"], sites="xy")
    # None is a page of unknown site, cleaned without templates.
    got = furat.Cleaner.fit(["a", "b"], sites=["x", None]).clean_batch([PAGE, PAGE], sites=[None, "x"])
    assert got[0] == got[1] == furat.clean(PAGE)
    with pytest.raises(furat.OptionError, match="min_pages"):
        furat.Cleaner.fit(["a"], min_pages=1)
    with pytest.raises(furat.OptionError, match="min_share"):
        furat.Cleaner.fit(["a"], min_share=2.0)


def test_lone_surrogates_pass_through() -> None:
    page = "عنوان\ud800 الخبر الأول\n" + PAGE
    a = furat.clean(page)
    assert a.lines[0].text == "عنوان\ud800 الخبر الأول"
    assert a.text is page
    assert pickle.loads(pickle.dumps(a)) == a
    assert furat.clean_batch([page])[0] == a
