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

#[test]
fn nfc_check_paths() {
    let clean = Normalizer::from_profile(Profile::Clean);
    // A "maybe" character that composes with nothing: the pass stops, the
    // scan finds nothing to compose, the text comes back unchanged.
    let units: Vec<u16> = "ه\u{0654}".encode_utf16().collect();
    assert!(clean.normalize_units(&units, false).text.is_none());
    // Out-of-order marks are reordered; in-order marks are left alone.
    assert_eq!(clean.normalize("ب\u{0651}\u{064E}"), "ب\u{064E}\u{0651}");
    let ordered: Vec<u16> = "ب\u{064E}\u{0651}".encode_utf16().collect();
    assert!(clean.normalize_units(&ordered, true).text.is_none());
    // A deletion brings a composable pair together: the output is checked
    // again and composed, with one block from the original.
    let (out, al) = clean.normalize_with_alignment("xا\u{200B}\u{0654}y");
    assert_eq!(out, "xأy");
    assert_eq!(al.to_original(1, 2), Some((1, 4)));
    assert_eq!(al.to_original(2, 3), Some((4, 5)));
}

#[test]
fn lone_space_fast_path_keeps_collapsing_right() {
    let n = search();
    assert_eq!(n.normalize("a b  c \u{064E} d\u{00A0}e "), "a b c d e");
    let (out, al) = n.normalize_with_alignment("ab cd  ef");
    assert_eq!(out, "ab cd ef");
    assert_eq!(al.to_original(5, 6), Some((5, 7)));
    assert_eq!(al.to_original(6, 8), Some((7, 9)));
}
