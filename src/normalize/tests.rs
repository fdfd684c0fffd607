//! Unit tests of the normalizer; the shared case table is exercised by
//! `tests/normalize_cases.rs` and by pytest.

use super::*;

fn search() -> Normalizer {
    Normalizer::from_profile(Profile::Search)
}

#[test]
fn search_folds_letters_and_marks() {
    assert_eq!(search().normalize("مَدِينَةُ الحَسَكَة"), "مدينه الحسكه");
    assert_eq!(search().normalize("أإآٱ"), "اااا");
    assert_eq!(search().normalize("مؤتمر سئل"), "موتمر سيل");
    assert_eq!(search().normalize("على"), "علي");
}

#[test]
fn whitespace_collapse_and_trim() {
    let n = search();
    assert_eq!(n.normalize("  a \u{00A0}\t b\n\nc  "), "a b c");
    assert_eq!(n.normalize("a \u{064E} b"), "a b");
    assert_eq!(n.normalize(""), "");
    assert_eq!(n.normalize("   "), "");
}

#[test]
fn lines_keep_line_count() {
    let n = Normalizer::from_profile(Profile::Clean);
    assert_eq!(n.normalize(" a  b \r\n\r\n c \rd\u{2028}"), "a b\n\nc\nd\n");
}

#[test]
fn nfc_composes_before_folding() {
    let mut o = Options::profile(Profile::None);
    o.nfc = true;
    assert_eq!(Normalizer::new(o).normalize("\u{0627}\u{0654}"), "\u{0623}");
    assert_eq!(search().normalize("\u{0627}\u{0654}"), "\u{0627}");
}

#[test]
fn presentation_forms_are_lossless() {
    let clean = Normalizer::from_profile(Profile::Clean);
    assert_eq!(clean.normalize("\u{FEF7}"), "\u{0644}\u{0623}");
    assert_eq!(clean.normalize("\u{FDFA}"), "صلى الله عليه وسلم");
    assert_eq!(search().normalize("\u{FEF7}"), "\u{0644}\u{0627}");
}

#[test]
fn alignment_maps_back() {
    let (out, al) = search().normalize_with_alignment("في  الحَسَكَة");
    assert_eq!(out, "في الحسكه");
    assert_eq!(al.to_original(3, 9), Some((4, 13)));
    assert_eq!(al.to_original(2, 3), Some((2, 4)));
    assert_eq!(al.to_normalized(4, 13), Some((3, 9)));
}

#[test]
fn expansion_alignment() {
    let (out, al) = search().normalize_with_alignment("x\u{FDFA}y");
    assert_eq!(out.chars().count(), 2 + 18);
    assert_eq!(al.to_original(1, 19), Some((1, 2)));
    assert_eq!(al.to_original(5, 6), Some((1, 2)));
    assert_eq!(al.to_original(19, 20), Some((2, 3)));
}

#[test]
fn farsi_yeh_final_and_medial() {
    let mut o = Options::profile(Profile::None);
    o.persian = true;
    let n = Normalizer::new(o);
    assert_eq!(n.normalize("کی"), "كى");
    assert_eq!(n.normalize("یک"), "يك");
    o.alef_maksura = true;
    assert_eq!(Normalizer::new(o).normalize("کی یک"), "كي يك");
}

#[test]
fn unchanged_text_is_reported_unchanged() {
    let chars: Vec<char> = "abc".chars().collect();
    assert!(search().normalize_units(&chars, false).text.is_none());
    let u16s: Vec<u16> = "دير".encode_utf16().collect();
    assert!(search().normalize_units(&u16s, true).text.is_none());
}

#[test]
fn lone_surrogates_pass_through() {
    let units: Vec<u16> = vec![0xD800, 0x0628, 0x064E, 0xDC00];
    let out = search().normalize_units(&units, true);
    assert_eq!(out.text.unwrap(), vec![0xD800, 0x0628, 0xDC00]);
}
