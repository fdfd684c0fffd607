"""Differential tests: furat against CAMeL Tools and PyArabic, used as
oracles only (test dependencies, never runtime ones).

* The ``camel`` profile must equal CAMeL Tools'
  ``dediac_ar(normalize_alef_maksura_ar(normalize_teh_marbuta_ar(normalize_alef_ar(text))))``
  exactly: on every BMP code point, alone and in context, and on generated
  strings.
* PyArabic must agree with the matching furat options on the domain they
  share. Its documented quirks are excluded and written down here:

  - ``normalize_alef`` also turns ى (U+0649) and the dagger alef (U+0670)
    into ا (pyarabic#39; furat keeps ى for ``alef_maksura`` and deletes the
    dagger alef with the diacritics), and it first rewrites the pairs
    U+0670 U+0649 / U+0649 U+0670 to ى: texts holding either are left out.
  - ``strip_tashkeel`` deletes U+064B-0652 but not the dagger alef U+0670,
    which furat's ``basic`` diacritics (CAMeL's set) delete: texts holding
    U+0670 are left out.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from strategies import arabic_text

import furat

camel_dediac = pytest.importorskip("camel_tools.utils.dediac")
camel_norm = pytest.importorskip("camel_tools.utils.normalize")
araby = pytest.importorskip("pyarabic.araby")

CAMEL = furat.Normalizer("camel")
SETTINGS = settings(max_examples=500, deadline=None)


def camel_chain(s: str) -> str:
    return camel_dediac.dediac_ar(
        camel_norm.normalize_alef_maksura_ar(camel_norm.normalize_teh_marbuta_ar(camel_norm.normalize_alef_ar(s)))
    )


def test_camel_on_every_bmp_code_point() -> None:
    chars = [chr(c) for c in range(0x10000)]  # lone surrogates included
    assert [CAMEL.normalize(c) for c in chars] == [camel_chain(c) for c in chars]
    in_context = [f"ب{c}ب" for c in chars]
    assert CAMEL.normalize_batch(in_context) == [camel_chain(s) for s in in_context]
    everything = "".join(chars)
    assert CAMEL.normalize(everything) == camel_chain(everything)


def test_camel_on_astral_planes() -> None:
    text = "".join(chr(c) for c in range(0x10000, 0x110000, 7))
    assert CAMEL.normalize(text) == camel_chain(text)


@SETTINGS
@given(text=arabic_text)
def test_camel_on_generated_text(text: str) -> None:
    assert CAMEL.normalize(text) == camel_chain(text)


TASHKEEL = furat.Normalizer("none", diacritics="basic")
TATWEEL = furat.Normalizer("none", tatweel=True)
TEH = furat.Normalizer("none", teh_marbuta=True)
ALEF = furat.Normalizer("none", alef="basic")


@SETTINGS
@given(text=arabic_text)
def test_pyarabic_strip_tashkeel(text: str) -> None:
    if "\u0670" in text:
        return  # quirk: strip_tashkeel keeps the dagger alef
    assert TASHKEEL.normalize(text) == araby.strip_tashkeel(text)


@SETTINGS
@given(text=arabic_text)
def test_pyarabic_strip_tatweel(text: str) -> None:
    assert TATWEEL.normalize(text) == araby.strip_tatweel(text)


@SETTINGS
@given(text=arabic_text)
def test_pyarabic_normalize_teh(text: str) -> None:
    assert TEH.normalize(text) == araby.normalize_teh(text)


@SETTINGS
@given(text=arabic_text)
def test_pyarabic_normalize_alef(text: str) -> None:
    if "\u0649" in text or "\u0670" in text:
        return  # quirk: normalize_alef folds ى and the dagger alef into ا
    assert ALEF.normalize(text) == araby.normalize_alef(text)


def test_pyarabic_quirks_are_real() -> None:
    """The exclusions above are PyArabic's behaviour, not furat's."""
    assert araby.normalize_alef("إلى") == "الا"
    assert ALEF.normalize("إلى") == "الى"
    assert araby.strip_tashkeel("هٰذَا") == "هٰذا"
    assert TASHKEEL.normalize("هٰذَا") == "هذا"


def test_pyarabic_on_every_arabic_code_point() -> None:
    chars = [chr(c) for c in range(0x0600, 0x0700)] + [chr(c) for c in range(0x0750, 0x0780)]
    chars = [c for c in chars if c not in "\u0649\u0670"]
    for name, ours, theirs in [
        ("strip_tatweel", TATWEEL, araby.strip_tatweel),
        ("normalize_teh", TEH, araby.normalize_teh),
        ("normalize_alef", ALEF, araby.normalize_alef),
        ("strip_tashkeel", TASHKEEL, araby.strip_tashkeel),
    ]:
        for c in chars:
            s = f"ب{c}ب"
            assert ours.normalize(s) == theirs(s), (name, hex(ord(c)))
