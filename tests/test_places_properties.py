"""Property tests of the place matcher on generated text: place names and
their pieces, proclitics, cue words and separators mixed into the
normalizer's hard strings (marks, tatweel, presentation forms, every kind of
whitespace, emoji, lone surrogates: every CPython string width)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import PIECES

import furat

G = furat.Gazetteer.default()
FAST = settings(
    max_examples=int(os.environ.get("FURAT_HYPOTHESIS_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

NAMES = [
    "دير الزور", "ديرالزور", "الحسكة", "الحسكه", "البوكمال", "البو كمال", "هجين", "الميادين", "الطبقة",
    "الجزيرة", "معيزيلة", "جديدة", "رميلان", "قامشلو", "Deir ez-Zor", "deir ezzor", "Hajin", "Raqqa",
    "al-Bukamal", "Al-Hasakah",
]
GLUE = ["و", "ف", "ب", "ل", "وب", "ول", "فل", "ك", "ال", "م", "ي"]
CUES = ["مدينة", "قرية", "بلدة", "ريف", "بادية", "قناة", "في", "من", "و", "،", "village of", "near"]

place_text = st.lists(
    st.one_of(
        PIECES,
        st.sampled_from(NAMES),
        st.sampled_from(NAMES).map(lambda n: n[: len(n) // 2]),
        st.tuples(st.sampled_from(GLUE), st.sampled_from(NAMES)).map("".join),
        st.sampled_from(CUES),
        st.sampled_from([" ", " ", "  ", "-", "\n", "ـ", "\u064e"]),
    ),
    max_size=40,
).map("".join)


@FAST
@given(text=place_text)
def test_spans_are_the_text_and_do_not_overlap(text: str) -> None:
    found = G.find(text)
    end = 0
    for m in found:
        assert end <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert 0.6 <= m.score <= 1.0
        assert m.place not in m.alternatives
        end = m.end


@FAST
@given(texts=st.lists(place_text, max_size=8), threads=st.sampled_from([1, 2]))
def test_batch_equals_one_call_per_text(texts: list[str], threads: int) -> None:
    assert G.find_batch(texts, threads=threads) == [G.find(t) for t in texts]


@FAST
@given(text=place_text, kind=st.sampled_from(["", "é", "😀"]))
def test_string_width_changes_no_mention(text: str, kind: str) -> None:
    # A character that widens the string's storage, after a line break
    # (which no name spans), changes none of the mentions before it.
    wide = G.find(text + "\n" + kind)
    assert [(m.start, m.end, m.place.pcode) for m in wide] == [
        (m.start, m.end, m.place.pcode) for m in G.find(text + "\n")
    ]
