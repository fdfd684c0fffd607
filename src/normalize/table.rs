//! Options compiled into one action per code point.
//!
//! The engine does one table lookup per input character. Each entry says
//! what to do with that character, with every option already applied to
//! whatever it produces (ﻷ → لأ → لا under `alef`), so one pass is enough and
//! the output is a fixed point of the table. Characters whose treatment
//! depends on their neighbours (whitespace runs, Farsi yeh) get a tag the
//! engine resolves.

use super::chars::{self, in_ranges};
use super::options::{Alef, Diacritics, Options, Whitespace};
use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;

/// An action, packed in a `u32`: a tag in the top three bits, two NFC
/// flags below it, a payload in the low bits.
pub(crate) type Action = u32;

const TAG_SHIFT: u32 = 29;
pub(crate) const KEEP: u32 = 0;
pub(crate) const DELETE: u32 = 1;
/// Replace by one character (the low 21 bits).
pub(crate) const MAP1: u32 = 2;
/// Replace by `len` (bits 22-26) characters at `offset` (bits 0-21) in the pool.
pub(crate) const MAPN: u32 = 3;
/// Horizontal whitespace (and line breaks under `collapse`): collapsed.
pub(crate) const SPACE: u32 = 4;
/// A line break under `lines`.
pub(crate) const BREAK: u32 = 5;
/// Farsi yeh with `alef_maksura` off: ي before a letter, ى at a word end.
pub(crate) const YEH: u32 = 6;

/// With `nfc` on: the character's NFC quick check is not "yes" (it may
/// compose with what precedes it, like U+0654, or never survives NFC).
/// The engine stops and lets the caller run NFC first.
pub(crate) const NFC_MAYBE: u32 = 1 << 28;
/// With `nfc` on: a combining mark (class > 0) whose quick check is "yes";
/// only its order among the marks before it can make a text non-NFC.
pub(crate) const NFC_MARK: u32 = 1 << 27;
pub(crate) const NFC_FLAGS: u32 = NFC_MAYBE | NFC_MARK;

const PAYLOAD_MASK: u32 = (1 << 27) - 1;
const MAPN_LEN_SHIFT: u32 = 22;
const MAPN_OFFSET_MASK: u32 = (1 << MAPN_LEN_SHIFT) - 1;

#[inline(always)]
pub(crate) fn tag(a: Action) -> u32 {
    a >> TAG_SHIFT
}

#[inline(always)]
pub(crate) fn payload(a: Action) -> u32 {
    a & PAYLOAD_MASK
}

const fn make(tag: u32, payload: u32) -> Action {
    (tag << TAG_SHIFT) | payload
}

/// What one option step does to one character, before closure.
enum Step {
    Keep,
    Delete,
    Chars(Vec<u32>),
    Space,
    Break,
    Yeh,
}

/// The compiled table of one option set.
pub(crate) struct Table {
    /// One action per BMP code point; a fixed-size array, so that a lookup
    /// by a `u8` or `u16` unit needs no bounds check.
    bmp: Box<[Action; 0x10000]>,
    /// Actions of the few astral code points that change (lowercase letters
    /// of astral scripts, Arabic Extended-C marks).
    astral: FxHashMap<u32, Action>,
    /// Replacement strings of `MAPN` actions.
    pool: Vec<u32>,
}

impl Table {
    pub(crate) fn build(opts: &Options) -> Table {
        let mut builder = Builder {
            opts: *opts,
            pool: Vec::new(),
            interned: FxHashMap::default(),
        };
        let nfc = opts.nfc;
        let flags = |c: u32| if nfc { nfc_flags(c) } else { 0 };
        let bmp: Vec<Action> = (0..=0xFFFFu32)
            .map(|c| builder.action(c) | flags(c))
            .collect();
        let bmp: Box<[Action; 0x10000]> = bmp.into_boxed_slice().try_into().expect("65536 actions");
        let mut astral = FxHashMap::default();
        // Astral code points that any option changes (lowercase letters,
        // Arabic Extended-C marks) or that NFC must look at all lie in
        // plane 1 and in the CJK compatibility supplement (the unit test
        // `astral_ranges_cover_every_change` checks the other planes).
        for c in ASTRAL_RANGES.iter().flat_map(|r| r.clone()) {
            let a = builder.action(c) | flags(c);
            if a != make(KEEP, 0) {
                astral.insert(c, a);
            }
        }
        Table {
            bmp,
            astral,
            pool: builder.pool,
        }
    }

    /// The action for `c` (any `u32`; lone surrogates and values past
    /// U+10FFFF are kept).
    #[inline(always)]
    pub(crate) fn get(&self, c: u32) -> Action {
        if c < 0x10000 {
            self.bmp[c as usize]
        } else {
            self.get_astral(c)
        }
    }

    #[cold]
    #[inline(never)]
    fn get_astral(&self, c: u32) -> Action {
        self.astral.get(&c).copied().unwrap_or(0)
    }

    /// The replacement characters of a `MAPN` action.
    #[inline(always)]
    pub(crate) fn expansion(&self, a: Action) -> &[u32] {
        let offset = (a & MAPN_OFFSET_MASK) as usize;
        let len = ((a >> MAPN_LEN_SHIFT) & 0x1F) as usize;
        &self.pool[offset..offset + len]
    }

    /// Whether any character of the output of `a` (a `MAP1` or `MAPN`
    /// action) may take part in NFC composition or reordering.
    #[inline]
    pub(crate) fn output_is_nfc_sensitive(&self, a: Action) -> bool {
        match tag(a) {
            MAP1 => self.get(payload(a)) & NFC_FLAGS != 0,
            MAPN => self
                .expansion(a)
                .iter()
                .any(|&x| self.get(x) & NFC_FLAGS != 0),
            _ => false,
        }
    }
}

/// The astral code points the table stores actions for.
const ASTRAL_RANGES: [std::ops::RangeInclusive<u32>; 2] = [0x10000..=0x1FFFF, 0x2F800..=0x2FA1F];

/// The NFC flags of `c` (see [`NFC_MAYBE`], [`NFC_MARK`]).
fn nfc_flags(c: u32) -> u32 {
    let Some(ch) = char::from_u32(c) else {
        return 0;
    };
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::{IsNormalized, is_nfc_quick};
    if is_nfc_quick(std::iter::once(ch)) != IsNormalized::Yes {
        NFC_MAYBE
    } else if canonical_combining_class(ch) != 0 {
        NFC_MARK
    } else {
        0
    }
}

struct Builder {
    opts: Options,
    pool: Vec<u32>,
    interned: FxHashMap<Vec<u32>, Action>,
}

fn chars_of(s: &str) -> Vec<u32> {
    s.chars().map(u32::from).collect()
}

impl Builder {
    fn step(&self, c: u32) -> Step {
        let o = &self.opts;
        if o.presentation_forms && chars::is_presentation_form(c) {
            if c >= 0xFD40 {
                if let Some((_, s)) = chars::LIGATURES.iter().find(|(k, _)| *k == c) {
                    return Step::Chars(chars_of(s));
                }
            }
            if let Some(out) = presentation_form(c) {
                // The initial and medial forms of Farsi yeh say where they
                // stand: they are the medial letter ي, whatever follows.
                if o.persian && (c == 0xFBFE || c == 0xFBFF) {
                    return Step::Chars(vec![chars::YEH]);
                }
                return Step::Chars(out);
            }
        }
        if o.persian {
            if c == chars::FARSI_YEH {
                return if o.alef_maksura {
                    Step::Chars(vec![chars::YEH])
                } else {
                    Step::Yeh
                };
            }
            if (0x0620..=0x06FF).contains(&c) {
                if let Some((_, s)) = chars::PERSIAN.iter().find(|(k, _)| *k == c) {
                    return Step::Chars(chars_of(s));
                }
            }
        }
        match o.alef {
            Alef::Keep => {}
            Alef::Basic if chars::ALEF_BASIC.contains(&c) => return Step::Chars(vec![chars::ALEF]),
            Alef::All if chars::ALEF_BASIC.contains(&c) || chars::ALEF_EXTRA.contains(&c) => {
                return Step::Chars(vec![chars::ALEF]);
            }
            _ => {}
        }
        if o.hamza {
            if let Some((_, to)) = chars::HAMZA_CARRIERS.iter().find(|(k, _)| *k == c) {
                return Step::Chars(vec![*to]);
            }
        }
        if o.alef_maksura && c == chars::ALEF_MAKSURA {
            return Step::Chars(vec![chars::YEH]);
        }
        if o.teh_marbuta && c == chars::TEH_MARBUTA {
            return Step::Chars(vec![chars::HEH]);
        }
        let is_mark = match o.diacritics {
            Diacritics::Keep => false,
            Diacritics::Basic => in_ranges(c, chars::MARKS_BASIC),
            Diacritics::All => in_ranges(c, chars::MARKS_ALL),
            Diacritics::KeepShadda => c != chars::SHADDA && in_ranges(c, chars::MARKS_ALL),
        };
        if is_mark || (o.tatweel && c == chars::TATWEEL) {
            return Step::Delete;
        }
        if (o.invisibles && chars::is_invisible(c)) || (o.joiners && chars::is_joiner(c)) {
            return Step::Delete;
        }
        let mapped = (if o.digits { chars::digit(c) } else { None })
            .or_else(|| {
                if o.punctuation {
                    chars::punctuation(c)
                } else {
                    None
                }
            })
            .or_else(|| if o.quotes { chars::quote(c) } else { None });
        if let Some(s) = mapped {
            return Step::Chars(chars_of(s));
        }
        match o.whitespace {
            Whitespace::Keep => {}
            Whitespace::Spaces if chars::is_horizontal_space(c) && c != 0x20 => {
                return Step::Chars(vec![0x20]);
            }
            Whitespace::Spaces => {}
            Whitespace::Lines if chars::is_horizontal_space(c) => return Step::Space,
            Whitespace::Lines if chars::is_line_break(c) => return Step::Break,
            Whitespace::Lines => {}
            Whitespace::Collapse if chars::is_horizontal_space(c) || chars::is_line_break(c) => {
                return Step::Space;
            }
            Whitespace::Collapse => {}
        }
        if o.lowercase {
            if let Some(s) = lowercase(c) {
                return Step::Chars(s);
            }
        }
        Step::Keep
    }

    /// Applies `step` to `c` and to everything it produces, until nothing
    /// changes. Context tags inside an expansion resolve within it.
    fn closure(&self, c: u32, depth: u32) -> Vec<u32> {
        match self.step(c) {
            Step::Keep => vec![c],
            Step::Delete => vec![],
            Step::Space | Step::Break => vec![c],
            Step::Yeh => vec![chars::ALEF_MAKSURA],
            Step::Chars(out) if depth < 8 => {
                let mut res = Vec::with_capacity(out.len());
                for (i, &x) in out.iter().enumerate() {
                    if x == c {
                        res.push(x);
                        continue;
                    }
                    match self.step(x) {
                        // Literal spaces inside a ligature's expansion stay.
                        Step::Space | Step::Break => res.push(x),
                        Step::Yeh => {
                            let medial =
                                out.get(i + 1).is_some_and(|n| chars::is_arabic_letter(*n));
                            res.push(if medial {
                                chars::YEH
                            } else {
                                chars::ALEF_MAKSURA
                            });
                        }
                        _ => res.extend(self.closure(x, depth + 1)),
                    }
                }
                res
            }
            Step::Chars(out) => out,
        }
    }

    fn action(&mut self, c: u32) -> Action {
        match self.step(c) {
            Step::Space => return make(SPACE, 0),
            Step::Break => return make(BREAK, 0),
            Step::Yeh => return make(YEH, 0),
            Step::Keep => return make(KEEP, 0),
            _ => {}
        }
        let out = self.closure(c, 0);
        match out.as_slice() {
            [] => make(DELETE, 0),
            [x] if *x == c => make(KEEP, 0),
            [x] => make(MAP1, *x),
            _ => self.intern(out),
        }
    }

    fn intern(&mut self, out: Vec<u32>) -> Action {
        if let Some(a) = self.interned.get(&out) {
            return *a;
        }
        // No expansion comes near 31 characters (ﷺ gives 18, ﷽ 22); the
        // unit test `expansions_fit` checks it.
        let len = out.len().min(31) as u32;
        let offset = self.pool.len() as u32;
        self.pool.extend_from_slice(&out[..len as usize]);
        let a = make(MAPN, (len << MAPN_LEN_SHIFT) | offset);
        self.interned.insert(out, a);
        a
    }
}

/// The letters a presentation form draws: its compatibility decomposition,
/// recomposed (NFC), so that ﻷ gives ل + أ rather than ل + ا + U+0654 and
/// the output is already canonical. `None` when `c` has no decomposition.
fn presentation_form(c: u32) -> Option<Vec<u32>> {
    let ch = char::from_u32(c)?;
    let mut decomposed = String::new();
    unicode_normalization::char::decompose_compatible(ch, |d| decomposed.push(d));
    if decomposed.is_empty() || decomposed.chars().eq(std::iter::once(ch)) {
        return None;
    }
    // Isolated forms of marks (ﹰ, and the shadda ligatures ﱞ-ﱣ) decompose to
    // SPACE + marks; the space is a rendering device that lets the mark
    // stand alone, not text, and left in it would collapse or double with
    // the spaces around it.
    let mut chars = decomposed.chars();
    if decomposed.starts_with(' ')
        && chars
            .nth(1)
            .is_some_and(unicode_normalization::char::is_combining_mark)
    {
        decomposed.remove(0);
    }
    Some(decomposed.nfc().map(u32::from).collect())
}

/// Lowercase with the few full case folds search needs: ß ẞ → ss, ς → σ,
/// ſ → s. `None` when the character does not change.
fn lowercase(c: u32) -> Option<Vec<u32>> {
    match c {
        0xDF | 0x1E9E => return Some(vec![0x73, 0x73]),
        0x3C2 => return Some(vec![0x3C3]),
        0x17F => return Some(vec![0x73]),
        _ => {}
    }
    let ch = char::from_u32(c)?;
    let mut lower = ch.to_lowercase();
    if lower.len() == 1 && lower.clone().next() == Some(ch) {
        return None;
    }
    Some(lower.by_ref().map(u32::from).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::options::Profile;

    fn every_option_on() -> Options {
        let mut o = Options::profile(Profile::Search);
        o.diacritics = Diacritics::All;
        o
    }

    #[test]
    fn astral_ranges_cover_every_change() {
        let builder = Builder {
            opts: every_option_on(),
            pool: Vec::new(),
            interned: FxHashMap::default(),
        };
        for c in (0x10000..=0x10FFFFu32).filter(|c| !ASTRAL_RANGES.iter().any(|r| r.contains(c))) {
            assert!(
                matches!(builder.step(c), Step::Keep),
                "U+{c:04X} changes but is not stored"
            );
            assert_eq!(
                nfc_flags(c),
                0,
                "U+{c:04X} matters to NFC but is not stored"
            );
        }
    }

    #[test]
    fn expansions_fit() {
        let mut builder = Builder {
            opts: every_option_on(),
            pool: Vec::new(),
            interned: FxHashMap::default(),
        };
        for c in 0..=0x1FFFFu32 {
            assert!(
                builder.closure(c, 0).len() <= 31,
                "U+{c:04X} expands too far"
            );
            let _ = builder.action(c);
        }
        assert!(builder.pool.len() < (1 << MAPN_LEN_SHIFT));
    }
}
