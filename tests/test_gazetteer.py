"""furat.Gazetteer, Place and Match: the Python surface."""

from __future__ import annotations

import copy
import pickle
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import furat

G = furat.Gazetteer.default()
TEXT = "قصف على بلدة هجين بريف دير الزور، ووصلت تعزيزات للحسكة والرقة"


def test_default_is_shared_and_large() -> None:
    assert len(G) > 7900
    assert furat.Gazetteer.default() is G
    assert "C4360" in G and "nope" not in G
    assert repr(G).startswith("<Gazetteer built-in")


def test_find_spans_proclitics_and_places() -> None:
    found = G.find(TEXT)
    assert [(m.text, m.proclitic) for m in found] == [
        ("هجين", ""),
        ("دير الزور", ""),
        ("لحسكة", "ل"),
        ("الرقة", "و"),
    ]
    for m in found:
        assert TEXT[m.start : m.end] == m.text
        assert 0.6 <= m.score <= 1.0
    hajin = found[0]
    assert hajin.place.pcode in ("C5175", "SY090201")
    assert hajin.score < 1.0  # هجين is also "hybrid": it needed its cue
    assert found[1].score == 1.0


def test_place_fields() -> None:
    p = G.get("C4360")
    assert p is not None
    assert (p.pcode, p.level, p.name_ar, p.name_en) == ("C4360", "community", "الحسكة", "Al-Hasakeh")
    assert (p.admin1, p.admin2, p.admin3) == ("SY08", "SY0800", "SY080000")
    assert p.admin1_name_en == "Al-Hasakeh" and p.admin1_name_ar == "الحسكة"
    assert p.lat is not None and 36 < p.lat < 37 and p.lon is not None and 40 < p.lon < 41
    assert "Hasakah" in p.names and "Hasakah" in p.names_en and "الحسكة" not in p.names_en
    assert G.get("nope") is None
    with pytest.raises(KeyError):
        G["nope"]
    region = G["FR001"]
    assert region.level == "region" and region.admin1 is None


def test_place_objects_are_shared() -> None:
    # One Place object per place and gazetteer, whichever call returns it.
    first, again = G.find(TEXT), G.find_batch([TEXT])[0]
    assert all(a.place is b.place for a, b in zip(first, again))
    assert G["C4360"] is G.get("C4360")
    assert any(p is G["C4360"] for p in G.search("الحسكة"))
    assert G.places()[0] is G.get(G.places()[0].pcode)
    m = G.find("قرية معيزيلة")[0]
    assert all(a is b for a, b in zip(m.alternatives, G.find("قرية معيزيلة")[0].alternatives))


def test_every_string_kind_gives_the_same_mentions() -> None:
    # CPython stores a str in 1, 2 or 4 bytes a character; the matcher reads
    # each in place. The same sentence, widened by what it is glued to:
    base = "Clashes in Deir ez-Zor and Raqqa"
    for prefix in ["", "café ", "قصف على الحسكة و", "😀 ", "\ud800"]:
        text = prefix + base
        found = G.find(text)
        assert [m.text for m in found][-2:] == ["Deir ez-Zor", "Raqqa"], (prefix, found)
        for m in found:
            assert text[m.start : m.end] == m.text
        assert G.find_batch([text]) == [found]


def test_alternatives_list_places_sharing_the_name() -> None:
    (m,) = G.find("قرية معيزيلة في بادية الرقة")[:1]
    assert m.place.pcode == "C5742"
    alts = {p.pcode for p in m.alternatives}
    assert {"C5090", "C5171"} <= alts


def test_search() -> None:
    assert [p.pcode for p in G.search("ديرالزور")][:2] == ["SY09", "SY0901"]
    assert "C5167" in [p.pcode for p in G.search("Albukamal")]
    assert G.search("no such place") == []


def test_to_dict_and_reprs() -> None:
    m = G.find("في الحسكة")[0]
    d = m.to_dict()
    assert d["text"] == "الحسكة" and d["place"]["pcode"] == m.place.pcode
    assert {a["pcode"] for a in d["alternatives"]} == {p.pcode for p in m.alternatives}
    assert furat.Match.from_dict(d) == m
    assert furat.Place.from_dict(m.place.to_dict()) == m.place
    assert "الحسكة" in repr(m) and m.place.pcode in repr(m)
    assert repr(G["C4360"]) == "Place('C4360', 'community', 'Al-Hasakeh', 'الحسكة')"


def test_pickle_round_trips() -> None:
    m = G.find(TEXT)[1]
    assert pickle.loads(pickle.dumps(m)) == m
    assert pickle.loads(pickle.dumps(m.place)) == m.place
    assert copy.deepcopy(m) == m
    g2 = pickle.loads(pickle.dumps(G))
    assert len(g2) == len(G) and repr(g2) == repr(G)
    small = furat.Gazetteer.from_records([{"pcode": "X1", "name_ar": "الحسكة", "names": ["Hsk~weak"]}])
    small2 = pickle.loads(pickle.dumps(small))
    assert [(x.text, x.place.pcode) for x in small2.find("في الحسكة")] == [("الحسكة", "X1")]
    assert small2["X1"].names == ["الحسكة", "Hsk"]


def test_find_batch_keeps_order_and_matches_find() -> None:
    texts = [TEXT, "", "no places here", "Clashes in Deir ez-Zor"] * 50
    batch = G.find_batch(texts)
    assert len(batch) == len(texts)
    for t, found in zip(texts, batch):
        assert found == G.find(t)
    assert G.find_batch(texts, threads=1) == batch
    assert G.find_batch(iter(texts[:3])) == batch[:3]


@pytest.mark.parametrize("bad", [None, 3, b"bytes"])
def test_find_rejects_non_str(bad: object) -> None:
    with pytest.raises(furat.InputTypeError, match="text: expected str"):
        G.find(bad)  # type: ignore[arg-type]


def test_find_batch_names_the_bad_item() -> None:
    with pytest.raises(TypeError, match=r"texts\[2\]: expected str, got int"):
        G.find_batch(["a", "b", 3])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="not a single str"):
        G.find_batch("a str")


@pytest.mark.parametrize("threads", [0, -1, True, "2", 1.5])
def test_find_batch_rejects_bad_threads(threads: object) -> None:
    with pytest.raises(furat.OptionError, match="threads"):
        G.find_batch([TEXT], threads=threads)  # type: ignore[arg-type]


def test_find_batch_of_many_texts_on_threads() -> None:
    # Many chunks (a chunk is 256 texts), long and short texts mixed, every
    # thread count: the same as one find per text.
    texts = [TEXT[: i % len(TEXT)] + " ودير الزور" * (i % 3) for i in range(1500)]
    expected = [G.find(t) for t in texts]
    for threads in (1, 2, 3):
        assert G.find_batch(texts, threads=threads) == expected
    assert G.find_batch([]) == []


def test_threads_share_one_gazetteer() -> None:
    texts = [TEXT * (i % 5 + 1) for i in range(64)]
    expected = [G.find(t) for t in texts]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(G.find, texts)) == expected


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "places.csv"
    p.write_text(text, encoding="utf-8")
    return p


def test_from_csv(tmp_path: Path) -> None:
    p = write(
        tmp_path,
        "id,level,name_ar,name_en,names,admin1,lat,lon\n"
        "G1,governorate,الحسكة,Hasakah,,G1,36.5,40.7\n"
        'V1,village,جديدة,Jdideh,"جديدة~strong|Jdeideh",G1,,\n',
    )
    g = furat.Gazetteer.from_csv(p)
    assert len(g) == 2 and g["V1"].level == "community" and g["V1"].admin1_name_en == "Hasakah"
    assert [m.place.pcode for m in g.find("مرحلة جديدة في الحسكة")] == ["G1"]
    assert [m.place.pcode for m in g.find("قرية جديدة")] == ["V1"]
    assert furat.Gazetteer.from_csv(str(p))["G1"].lat == 36.5


def test_from_csv_reads_the_ocha_source_columns(tmp_path: Path) -> None:
    p = write(
        tmp_path,
        "pcode,level,name_ar,name_en,alt_names,admin1_pcode,lat,lon\n"
        "C1,community,رميلان,Rmelan,Rumeilan|Rimelan,SY08,37.0,41.9\n",
    )
    g = furat.Gazetteer.from_csv(p)
    assert [m.text for m in g.find("In Rumeilan and رميلان")] == ["Rumeilan", "رميلان"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("id,name_en\nA,x\nA,y\n", r"places\.csv, line 3: duplicate id \"A\" \(first at .*places\.csv, line 2\)"),
        ("id,name_en,name_ar\nA,,\n", r"places\.csv, line 2: place \"A\" has no name"),
        ("id,name_en,lat\nA,x,north\n", r"places\.csv, line 2, column 'lat': \"north\" is not a number"),
        ("id,name_en\nA,x,extra\n", r"places\.csv, line 2: 3 fields where the header has 2"),
        ("name_en\nx\n", r"places\.csv, line 1: no 'id'"),
        ("id,name_en,level\nA,x,planet\n", r"line 2, column 'level': unknown level \"planet\""),
        ("id,names\nA,x~sometimes\n", r"line 2, column 'names': unknown name flag"),
        ("id,name_en\nA,\"open\n", r"line 2: a quoted field is never closed"),
        ("", r"the file is empty"),
    ],
)
def test_from_csv_errors_name_file_line_and_column(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(furat.DataError, match=message):
        furat.Gazetteer.from_csv(write(tmp_path, content))


def test_from_csv_missing_file(tmp_path: Path) -> None:
    with pytest.raises(furat.FileError, match="cannot read"):
        furat.Gazetteer.from_csv(tmp_path / "missing.csv")
    with pytest.raises(TypeError):
        furat.Gazetteer.from_csv(3)  # type: ignore[arg-type]


def test_from_records_errors_name_the_index() -> None:
    with pytest.raises(furat.DataError, match=r"records\[1\]: duplicate id \"A\" \(first at records\[0\]\)"):
        furat.Gazetteer.from_records([{"id": "A", "name_en": "x"}, {"pcode": "A", "name_en": "y"}])
    with pytest.raises(furat.DataError, match=r"records\[0\]: place \"B\" has no name"):
        furat.Gazetteer.from_records([{"id": "B"}])
    with pytest.raises(TypeError, match=r"records\[0\]: expected dict"):
        furat.Gazetteer.from_records(["not a dict"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"records\[0\]\[\"lat\"\]: expected float"):
        furat.Gazetteer.from_records([{"id": "A", "name_en": "x", "lat": "north"}])


def test_from_records_accepts_places() -> None:
    g = furat.Gazetteer.from_records([G["C4360"], G["SY08"]])
    assert len(g) == 2
    assert g["C4360"].admin1_name_en == "Al-Hasakeh"


def test_attribution_ships() -> None:
    text = furat.Gazetteer.attribution()
    assert "OCHA" in text and "GeoNames" in text and "CC BY" in text
