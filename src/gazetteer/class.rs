//! What the scanner and the resolver need to know about a character of
//! normalized text, in one table lookup.
//!
//! The definitions are [`is_word_char`] and [`is_separator`]; the table is
//! built from them (so the two cannot disagree) for every code point below
//! U+0800, which covers ASCII, Latin, the Arabic block and its supplement:
//! nearly every character of the news furat reads. Above it the functions
//! are called. Code units that are no character (lone surrogates, which
//! CPython strings may hold) are in no class.

use std::sync::LazyLock;

/// A letter or digit: what a name must not be glued to.
pub(crate) const WORD: u8 = 1;
/// A separator inside names (space, hyphen, apostrophe...).
pub(crate) const SEP: u8 = 2;
/// A word character that is not a separator: what the first token of a
/// key is made of (see `filter.rs`).
pub(crate) const TOKEN: u8 = 4;
/// A proclitic that may come first: و ف.
pub(crate) const CLITIC1: u8 = 8;
/// A proclitic that may come first or second: ب ل ك.
pub(crate) const CLITIC2: u8 = 16;

/// Code points below this are classified by table.
const TABLE_LEN: usize = 0x800;

static TABLE: LazyLock<[u8; TABLE_LEN]> = LazyLock::new(|| {
    let mut t = [0u8; TABLE_LEN];
    for (u, slot) in t.iter_mut().enumerate() {
        *slot = compute(u as u32);
    }
    t
});

/// The class table: fetch it once per text, then call [`Classes::of`].
#[derive(Clone, Copy)]
pub(crate) struct Classes(&'static [u8; TABLE_LEN]);

impl Classes {
    #[inline]
    pub(crate) fn get() -> Classes {
        Classes(&TABLE)
    }

    /// The class bits of code point `u`.
    #[inline(always)]
    pub(crate) fn of(self, u: u32) -> u8 {
        match self.0.get(u as usize) {
            Some(&c) => c,
            None => compute(u),
        }
    }
}

fn compute(u: u32) -> u8 {
    let Some(c) = char::from_u32(u) else {
        return 0;
    };
    let mut k = 0;
    if is_word_char(c) {
        k |= WORD;
    }
    if is_separator(c) {
        k |= SEP;
    }
    if k == WORD {
        k |= TOKEN;
    }
    if matches!(c, 'و' | 'ف') {
        k |= CLITIC1;
    }
    if matches!(c, 'ب' | 'ل' | 'ك') {
        k |= CLITIC2;
    }
    k
}

/// Separators inside names: a run of them in the text matches one
/// separator of a key (`keys::SEP`).
#[inline]
pub(crate) fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '-' | '\'' | '`' | '_' | '\u{2bf}' | '\u{2be}' | '\u{2019}' | '\u{2018}'
    )
}

/// Letters and digits: what a name must not be glued to.
///
/// The Arabic block is decided by ranges (its letters and digits; its
/// punctuation ، ؛ ؟ and marks are not word characters).
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return c.is_ascii_alphanumeric();
    }
    if (0x0600..=0x06FF).contains(&u) {
        return matches!(u, 0x0620..=0x063F | 0x0641..=0x064A | 0x0660..=0x0669 | 0x066E..=0x066F
            | 0x0671..=0x06D3 | 0x06D5 | 0x06EE..=0x06FC | 0x06FF);
    }
    c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_agrees_with_the_definitions() {
        let t = Classes::get();
        for u in (0..0x3_0000u32).chain([0xD800, 0xDFFF, 0x10_FFFF, 0x11_0000]) {
            assert_eq!(t.of(u), compute(u), "U+{u:04X}");
            if let Some(c) = char::from_u32(u) {
                assert_eq!(t.of(u) & WORD != 0, is_word_char(c));
                assert_eq!(t.of(u) & SEP != 0, is_separator(c));
            }
        }
        assert_eq!(t.of('و' as u32), WORD | TOKEN | CLITIC1);
        assert_eq!(t.of('ل' as u32), WORD | TOKEN | CLITIC2);
        // A separator that is also a letter (U+02BF) is no token character.
        assert_eq!(t.of(0x2BF), WORD | SEP);
        assert_eq!(t.of(0xD800), 0);
    }
}
