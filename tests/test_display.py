"""Notebook display (Article and MatchList HTML) and the folium map:
untrusted page text never becomes markup."""

from __future__ import annotations

import html
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import furat

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "articles").glob("*.txt"))]

#: A page whose every line tries to inject markup, around real mentions.
HOSTILE = (
    '<script>alert("menu")</script> الرئيسية\n'
    "قصف على <b>الحسكة</b> ودير الزور - <img src=x onerror=alert(1)>\n"
    'قال مصدر محلي إن القصف "استهدف" مواقع في الحسكة <script>alert(2)</script> & دير الزور، وأسفر عن أضرار كبيرة في المنازل.\n'
    "مقالات ذات صلة\n"
    '<a href="javascript:alert(3)">الرقة</a>'
)


class Tags(HTMLParser):
    """Collects start tags, attributes and text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.marks: list[tuple[str, str | None]] = []
        self._in_mark: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "mark":
            self._in_mark = dict(attrs).get("title")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._in_mark = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_mark is not None:
            self.marks.append((data, self._in_mark))


def parse(markup: str) -> Tags:
    p = Tags()
    p.feed(markup)
    p.close()
    return p


ALLOWED_TAGS = {"style", "div", "b", "span", "i", "table", "thead", "tbody", "tr", "th", "td", "mark", "code"}


def test_article_html_escapes_the_page_and_highlights_places() -> None:
    a = furat.process(HOSTILE)
    places = a.places
    assert places, "the hostile page still has mentions in its title and body"
    markup = a._repr_html_()
    parsed = parse(markup)
    # Only furat's own tags: nothing from the page became markup.
    assert {t for t, _ in parsed.tags} <= ALLOWED_TAGS
    assert all(not k.startswith("on") and k != "href" for _, attrs in parsed.tags for k in attrs)
    # ...and the page's text is all there, as text.
    shown = "".join(parsed.text)
    for line in a.lines:
        assert line.text.strip() in shown
    # One <mark> per mention, around exactly its surface, hover naming the
    # place, its level, P-code and governorate.
    assert [text for text, _ in parsed.marks] == [m.text for m in places]
    for (_, hover), m in zip(parsed.marks, places, strict=True):
        assert hover is not None
        assert m.place.name_en in hover and m.place.level in hover and m.place.pcode in hover
        if m.place.level != "governorate" and m.place.admin1_name_en:
            assert m.place.admin1_name_en in hover
    # Boilerplate lines are greyed.
    assert 'color:#6b7280' in markup


def test_clean_article_html_has_no_marks() -> None:
    markup = furat.clean(HOSTILE)._repr_html_()
    assert "<mark" not in markup and "<script>" not in markup


def test_every_sample_marks_every_mention() -> None:
    for text in SAMPLES:
        a = furat.process(text, id="<i>id</i>")
        markup = a._repr_html_()
        parsed = parse(markup)
        assert [t for t, _ in parsed.marks] == [m.text for m in a.places or []]
        assert "<i>id</i>" not in markup and "&lt;i&gt;id&lt;/i&gt;" in markup


def test_matchlist_html_is_a_table() -> None:
    places = furat.process(HOSTILE).places
    assert places
    markup = places._repr_html_()
    parsed = parse(markup)
    assert {t for t, _ in parsed.tags} <= ALLOWED_TAGS
    rows = [attrs for t, attrs in parsed.tags if t == "tr"][1:]
    assert len(rows) == len(places)
    for m in places:
        assert html.escape(m.place.pcode) in markup and m.text in "".join(parsed.text)
    assert furat.MatchList()._repr_html_() == "<i>no place mentions</i>"


def test_importing_furat_loads_no_display_or_map_dependency() -> None:
    code = (
        "import sys, furat; furat.process('في الحسكة').places; "
        "print(sorted(m for m in ('pandas', 'polars', 'folium', 'furat._display') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# -------------------------------------------------------------------- map


def test_places_map_one_circle_per_place_sized_by_count(tmp_path: Path) -> None:
    folium = pytest.importorskip("folium")
    articles = furat.process_batch(SAMPLES)
    fmap = furat.plot.places_map(articles)
    assert isinstance(fmap, folium.Map)
    circles = [c for c in fmap._children.values() if isinstance(c, folium.CircleMarker)]
    counts = furat.plot.place_counts(articles)
    located = [c for c in counts if c.place.lat is not None]
    assert len(circles) == len(located) > 3
    # The most mentioned place has the largest circle; equal counts, equal sizes.
    by_place = {(c.location[0], c.location[1]): c.options["radius"] for c in circles}
    radius = [by_place[(c.place.lat, c.place.lon)] for c in located]
    assert radius == sorted(radius, reverse=True)
    assert sum(c.count for c in counts) == sum(len(a.places or []) for a in articles)
    assert fmap.furat_skipped == [c.place.pcode for c in counts if c.place.lat is None]
    page = tmp_path / "map.html"
    fmap.save(str(page))
    assert "Deir-ez-Zor" in page.read_text(encoding="utf-8")


def test_places_map_accepts_matches_and_nested_lists() -> None:
    pytest.importorskip("folium")
    g = furat.Gazetteer.default()
    found = g.find_batch(["في الحسكة", "في الحسكة ودير الزور"])
    counts = furat.plot.place_counts(found)
    assert [(c.place.pcode, c.count) for c in counts] == [("SY08", 2), ("SY09", 1)]
    assert furat.plot.place_counts(found[1][0]) == furat.plot.place_counts([found[1][0]])
    empty = furat.plot.places_map([])
    assert empty.location == list(furat.plot.EASTERN_SYRIA)


def test_places_map_refuses_what_it_cannot_draw() -> None:
    with pytest.raises(ValueError, match="use furat.process"):
        furat.plot.places_map(furat.clean("في الحسكة"))
    with pytest.raises(TypeError, match="got str"):
        furat.plot.places_map(["في الحسكة"])
    with pytest.raises(TypeError, match="got int"):
        furat.plot.places_map(3)


def test_places_map_without_folium_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "folium", None)  # an import of folium now fails
    with pytest.raises(ModuleNotFoundError, match=r"pip install 'furat\[map\]'"):
        furat.plot.places_map(furat.process("في الحسكة"))
