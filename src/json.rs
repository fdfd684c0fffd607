//! JSON text as Python's `json.dumps(..., ensure_ascii=False)` writes it:
//! the pieces furat's records are made of (strings of any code-unit width,
//! integers, floats, null), so that a record can be written in one pass
//! without building Python dicts first and encoding them again.
//!
//! Strings: `"` and `\` escaped, control characters as `\n`, `\r`, `\t`,
//! `\b`, `\f` or `\u00XX`, everything else as it is but lone surrogates,
//! which UTF-8 cannot hold: they are written `\udXXX`, which `json.loads`
//! reads back as the same lone surrogate. Floats as Python's `repr` would
//! read them back (the shortest text that round-trips, with a `.0` on
//! whole numbers so they stay floats), and `NaN`/`Infinity` as Python
//! writes them.

use crate::normalize::CodeUnit;
use std::fmt::Write;

/// Appends `s` as a JSON string.
pub fn push_str(out: &mut String, s: &str) {
    // SAFETY: `s` is UTF-8 and is appended in pieces cut before or after an
    // ASCII byte; the escapes are ASCII: `out` stays UTF-8.
    let bytes = unsafe { out.as_mut_vec() };
    bytes.reserve(s.len() + 2);
    bytes.push(b'"');
    let mut plain = 0;
    for (i, b) in s.bytes().enumerate() {
        if b == b'"' || b == b'\\' || b < 0x20 {
            bytes.extend_from_slice(&s.as_bytes()[plain..i]);
            push_escape(bytes, u32::from(b));
            plain = i + 1;
        }
    }
    bytes.extend_from_slice(&s.as_bytes()[plain..]);
    bytes.push(b'"');
}

/// Appends the code units `units` (a Python `str`'s PEP 393 buffer or a
/// slice of it) as a JSON string.
pub fn push_units<T: CodeUnit>(out: &mut String, units: &[T]) {
    out.push('"');
    push_units_raw(out, units);
    out.push('"');
}

/// The inside of a JSON string: `units` escaped, without the quotes (for a
/// string written in pieces). Encodes UTF-8 itself: the command line writes
/// every page's body through here.
pub fn push_units_raw<T: CodeUnit>(out: &mut String, units: &[T]) {
    // SAFETY: only whole UTF-8 encodings of scalar values (surrogates are
    // escaped instead) and ASCII escapes are appended: `out` stays UTF-8.
    let bytes = unsafe { out.as_mut_vec() };
    bytes.reserve(units.len() * 2);
    for &u in units {
        let c = u.get();
        match c {
            0x22 | 0x5C | 0..0x20 | 0xD800..0xE000 => push_escape(bytes, c),
            0x20..0x80 => bytes.push(c as u8),
            // Arabic and most other scripts of the news: two bytes.
            0x80..0x800 => {
                bytes.extend_from_slice(&[0xC0 | (c >> 6) as u8, 0x80 | (c & 0x3F) as u8])
            }
            0x800..0x10000 => bytes.extend_from_slice(&[
                0xE0 | (c >> 12) as u8,
                0x80 | ((c >> 6) & 0x3F) as u8,
                0x80 | (c & 0x3F) as u8,
            ]),
            _ => bytes.extend_from_slice(&[
                0xF0 | (c >> 18) as u8,
                0x80 | ((c >> 12) & 0x3F) as u8,
                0x80 | ((c >> 6) & 0x3F) as u8,
                0x80 | (c & 0x3F) as u8,
            ]),
        }
    }
}

/// The escape of `c`: `"`, `\`, a control character or a lone surrogate
/// (all at most U+FFFF).
fn push_escape(bytes: &mut Vec<u8>, c: u32) {
    let short = match c {
        0x22 => b'"',
        0x5C => b'\\',
        0x0A => b'n',
        0x0D => b'r',
        0x09 => b't',
        0x08 => b'b',
        0x0C => b'f',
        _ => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            let hex = |shift: u32| HEX[((c >> shift) & 0xF) as usize];
            bytes.extend_from_slice(&[b'\\', b'u', hex(12), hex(8), hex(4), hex(0)]);
            return;
        }
    };
    bytes.extend_from_slice(&[b'\\', short]);
}

/// Appends `s` as a JSON string, or `null`.
pub fn push_opt_str(out: &mut String, s: Option<&str>) {
    match s {
        Some(s) => push_str(out, s),
        None => out.push_str("null"),
    }
}

/// Appends a float as Python writes it (`1.0`, `36.487`, `NaN`).
pub fn push_f64(out: &mut String, x: f64) {
    if x.is_nan() {
        out.push_str("NaN");
    } else if x.is_infinite() {
        out.push_str(if x > 0.0 { "Infinity" } else { "-Infinity" });
    } else {
        // Debug is the shortest round-trip text, with ".0" on whole numbers.
        let _ = write!(out, "{x:?}");
    }
}

/// Appends a float, or `null`.
pub fn push_opt_f64(out: &mut String, x: Option<f64>) {
    match x {
        Some(x) => push_f64(out, x),
        None => out.push_str("null"),
    }
}

/// Appends an integer.
pub fn push_int(out: &mut String, n: impl std::fmt::Display) {
    let _ = write!(out, "{n}");
}

/// Appends `"key":`, the start of an object member; `first` says whether
/// a comma goes before it.
pub fn push_key(out: &mut String, key: &str, first: bool) {
    if !first {
        out.push(',');
    }
    push_str(out, key);
    out.push(':');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(f: impl FnOnce(&mut String)) -> String {
        let mut out = String::new();
        f(&mut out);
        out
    }

    #[test]
    fn strings_escape_what_json_requires_and_nothing_else() {
        assert_eq!(
            s(|o| push_str(o, "دير \"الزور\"\n\\")),
            r#""دير \"الزور\"\n\\""#
        );
        assert_eq!(
            s(|o| push_str(o, "\u{1}\u{7f}\u{2028}")),
            "\"\\u0001\u{7f}\u{2028}\""
        );
        assert_eq!(s(|o| push_str(o, "\t\r\u{8}\u{c}")), r#""\t\r\b\f""#);
    }

    #[test]
    fn units_of_every_width_and_lone_surrogates() {
        let wide: Vec<u32> = "a\u{1F600}\"".chars().map(|c| c as u32).collect();
        assert_eq!(s(|o| push_units(o, &wide)), "\"a\u{1F600}\\\"\"");
        let utf16_lone: Vec<u16> = vec![0x62, 0xD800, 0x0A];
        assert_eq!(s(|o| push_units(o, &utf16_lone)), r#""b\ud800\n""#);
        let latin1: Vec<u8> = vec![0xE9, 0x01];
        assert_eq!(s(|o| push_units(o, &latin1)), "\"é\\u0001\"");
    }

    #[test]
    fn floats_stay_floats() {
        assert_eq!(s(|o| push_f64(o, 1.0)), "1.0");
        assert_eq!(s(|o| push_f64(o, 36.487)), "36.487");
        assert_eq!(s(|o| push_f64(o, -0.5)), "-0.5");
        assert_eq!(s(|o| push_f64(o, f64::NAN)), "NaN");
        assert_eq!(s(|o| push_opt_f64(o, None)), "null");
    }
}
