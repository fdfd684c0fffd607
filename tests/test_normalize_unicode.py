"""The normalizer's character data checked against the running Python's
Unicode database, so that a mistake in a table (or a new Unicode version)
shows up as a failing test, not as a silent wrong answer."""

from __future__ import annotations

import unicodedata

import furat

ARABIC_BLOCKS = [(0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x089F), (0x08A0, 0x08FF), (0x10EC0, 0x10EFF)]
SMALL_LETTERS = {0x06E5, 0x06E6}  # ARABIC SMALL WAW/YEH: modifier letters, deleted like the dagger alef
VISIBLE_NON_MARKS = {0x06DD, 0x06DE, 0x06E9}  # end of ayah, ۞, ۩: kept


def _chars(blocks: list[tuple[int, int]]) -> list[str]:
    return [chr(c) for lo, hi in blocks for c in range(lo, hi + 1)]


def test_diacritics_all_deletes_exactly_the_arabic_marks() -> None:
    n = furat.Normalizer("none", diacritics="all")
    for ch in _chars(ARABIC_BLOCKS):
        cat = unicodedata.category(ch)
        deleted = n.normalize(f"ب{ch}ب") == "بب"
        if cat in ("Mn", "Mc", "Me"):
            assert deleted, f"U+{ord(ch):04X} {unicodedata.name(ch, '?')} is a mark but is kept"
        elif deleted:
            # Small letters that act as marks, or code points this Python's
            # Unicode does not know yet (furat's tables are Unicode 16).
            assert ord(ch) in SMALL_LETTERS or cat == "Cn", f"U+{ord(ch):04X} {unicodedata.name(ch, '?')} deleted"
    for cp in VISIBLE_NON_MARKS:
        assert n.normalize(chr(cp)) == chr(cp)


def test_basic_diacritics_are_camel_set() -> None:
    n = furat.Normalizer("none", diacritics="basic")
    deleted = {c for c in range(0x0600, 0x0700) if n.normalize(chr(c)) == ""}
    assert deleted == set(range(0x064B, 0x0653)) | {0x0670}


def test_presentation_forms_are_folded_losslessly() -> None:
    n = furat.Normalizer("none", presentation_forms=True)
    for ch in _chars([(0xFB50, 0xFDFF), (0xFE70, 0xFEFF)]):
        out = n.normalize(ch)
        decomposed = unicodedata.normalize("NFKD", ch)
        if ch == "\ufeff":
            assert out == ch  # the BOM is for `invisibles`
        elif decomposed != ch:
            # Isolated forms of marks drop their rendering space.
            if decomposed.startswith(" ") and len(decomposed) > 1 and unicodedata.combining(decomposed[1]):
                decomposed = decomposed[1:]
            assert out == unicodedata.normalize("NFC", decomposed), f"U+{ord(ch):04X}"
        elif unicodedata.category(ch) != "Cn" and 0xFD40 <= ord(ch) <= 0xFDFF and "LIGATURE" in unicodedata.name(
            ch, ""
        ):
            # Ligatures without a decomposition are expanded from their names.
            assert len(out) > 3 and all("\u0621" <= c <= "\u064a" or c == " " for c in out), f"U+{ord(ch):04X}"
        else:
            assert out == ch, f"U+{ord(ch):04X} has no decomposition and must pass through"


def test_nothing_is_silently_deleted() -> None:
    """Under ``search`` a character disappears only if it is a mark,
    tatweel, an invisible or format control, or whitespace."""
    n = furat.Normalizer("search")
    for c in range(0x10000):
        ch = chr(c)
        if n.normalize(f"a{ch}a") == "aa":
            cat = unicodedata.category(ch)
            marks_only = all(unicodedata.combining(x) or x in " \u0640" for x in unicodedata.normalize("NFKD", ch))
            ok = cat in ("Mn", "Me", "Cf", "Cn", "Zs") or ch == "\u0640" or c in SMALL_LETTERS or ch.isspace()
            ok = ok or marks_only  # presentation forms of marks and tatweel (ﱞ, ﹰ, ﳲ)
            assert ok, f"U+{c:04X} {unicodedata.name(ch, '?')} ({cat}) deleted"


def test_invisibles_never_become_letters_or_spaces() -> None:
    n = furat.Normalizer("clean")
    for c in [0x061C, 0x200B, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF, 0x00AD]:
        assert n.normalize(f"ب{chr(c)}ت") == "بت", f"U+{c:04X}"


def test_lowercase_matches_python() -> None:
    """``lowercase`` is ``str.lower`` per character, plus ß ẞ → ss, ς → σ,
    ſ → s (Python's final-sigma rule needs context; furat folds σ/ς)."""
    n = furat.Normalizer("none", lowercase=True)
    special = {"ß": "ss", "ẞ": "ss", "ς": "σ", "ſ": "s", "Σ": "σ"}
    for c in range(0x20000):
        ch = chr(c)
        if 0xD800 <= c <= 0xDFFF:
            continue
        want = special.get(ch, ch.lower())
        got = n.normalize(ch)
        if got != want:
            # A letter newer than this Python's Unicode database.
            assert unicodedata.category(ch) == "Cn" or unicodedata.category(want[0]) == "Cn", (
                f"U+{c:04X}: {got!r} != {want!r}"
            )


def test_digits_map_every_arabic_digit() -> None:
    n = furat.Normalizer("none", digits=True)
    for c in [*range(0x0660, 0x066A), *range(0x06F0, 0x06FA)]:
        assert n.normalize(chr(c)) == str(unicodedata.digit(chr(c)))
