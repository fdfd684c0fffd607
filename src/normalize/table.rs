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

/// An action, packed in a `u32`: a tag in the top three bits, a payload below.
pub(crate) type Action = u32;

const TAG_SHIFT: u32 = 29;
pub(crate) const KEEP: u32 = 0;
pub(crate) const DELETE: u32 = 1;
/// Replace by one character (the low 21 bits).
pub(crate) const MAP1: u32 = 2;
/// Replace by `len` (bits 24-28) characters at `offset` (bits 0-23) in the pool.
pub(crate) const MAPN: u32 = 3;
/// Horizontal whitespace (and line breaks under `collapse`): collapsed.
pub(crate) const SPACE: u32 = 4;
/// A line break under `lines`.
pub(crate) const BREAK: u32 = 5;
/// Farsi yeh with `alef_maksura` off: ي before a letter, ى at a word end.
pub(crate) const YEH: u32 = 6;

#[inline(always)]
pub(crate) fn tag(a: Action) -> u32 {
    a >> TAG_SHIFT
}

#[inline(always)]
pub(crate) fn payload(a: Action) -> u32 {
    a & ((1 << TAG_SHIFT) - 1)
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
    /// One action per BMP code point.
    bmp: Box<[Action]>,
    /// Actions of the few astral code points that change (lowercase letters
    /// of astral scripts, Arabic Extended-C marks).
    astral: FxHashMap<u32, Action>,
    /// Replacement strings of `MAPN` actions.
    pool: Vec<u32>,
}

impl Table {
    pub(crate) fn build(opts: &Options) -> Table {
        let mut builder = Builder { opts: *opts, pool: Vec::new(), interned: FxHashMap::default() };
        let bmp: Box<[Action]> = (0..=0xFFFFu32).map(|c| builder.action(c)).collect();
        let mut astral = FxHashMap::default();
        for c in (0x10000..=0x1FFFFu32).chain(0xE0000..=0xE007F) {
            let a = builder.action(c);
            if a != make(KEEP, 0) {
                astral.insert(c, a);
            }
        }
        Table { bmp, astral, pool: builder.pool }
    }

    /// The action for `c` (any `u32`; lone surrogates and values past
    /// U+10FFFF are kept).
    #[inline(always)]
    pub(crate) fn get(&self, c: u32) -> Action {
        match self.bmp.get(c as usize) {
            Some(a) => *a,
            None => self.astral.get(&c).copied().unwrap_or(0),
        }
    }

    /// The replacement characters of a `MAPN` action.
    #[inline(always)]
    pub(crate) fn expansion(&self, a: Action) -> &[u32] {
        let p = payload(a);
        let (offset, len) = ((p & 0xFF_FFFF) as usize, (p >> 24) as usize);
        &self.pool[offset..offset + len]
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
            if let Some((_, s)) = chars::LIGATURES.iter().find(|(k, _)| *k == c) {
                return Step::Chars(chars_of(s));
            }
            if let Some(ch) = char::from_u32(c) {
                let mut out = Vec::new();
                unicode_normalization::char::decompose_compatible(ch, |d| out.push(u32::from(d)));
                if out != [c] && !out.is_empty() {
                    // Isolated forms of marks decompose to SPACE + mark; the
                    // space is a rendering device, not text.
                    if out.len() == 2 && out[0] == 0x20 {
                        out.remove(0);
                    }
                    return Step::Chars(out);
                }
            }
        }
        if o.persian {
            if c == chars::FARSI_YEH {
                return if o.alef_maksura { Step::Chars(vec![chars::YEH]) } else { Step::Yeh };
            }
            if let Some((_, s)) = chars::PERSIAN.iter().find(|(k, _)| *k == c) {
                return Step::Chars(chars_of(s));
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
            .or_else(|| if o.punctuation { chars::punctuation(c) } else { None })
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
                            let medial = out.get(i + 1).is_some_and(|n| chars::is_arabic_letter(*n));
                            res.push(if medial { chars::YEH } else { chars::ALEF_MAKSURA });
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
        let len = out.len().min(31) as u32;
        let offset = self.pool.len() as u32;
        self.pool.extend_from_slice(&out[..len as usize]);
        let a = make(MAPN, (len << 24) | offset);
        self.interned.insert(out, a);
        a
    }
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
