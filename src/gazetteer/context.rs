//! What the words around a candidate say: the cue word before it, a
//! negative context, a person-name prefix, a capital; whether two mentions
//! are coordinated (منبج والطبقة) and whether the words between a place and
//! the next one put the first inside the second (X بريف دير الزور).
//!
//! Everything here reads the normalized text (code units of any width)
//! around a candidate; nothing depends on which of the places sharing a
//! name is meant, so the resolver asks once per candidate.

use super::class::{Classes, WORD};
use super::place::Level;
use super::rules::{Cue, CueKind, Rules};
use super::scan::{CLITICS, Candidate};
use super::{Inner, NO_UNIT};
use crate::normalize::{Alignment, CodeUnit};

/// The text a resolver works on: the normalized text and the original, in
/// code units of any width.
pub(crate) struct Doc<'a, N, O> {
    pub(crate) g: &'a Inner,
    pub(crate) rules: &'static Rules,
    pub(crate) classes: Classes,
    pub(crate) norm: &'a [N],
    pub(crate) orig: &'a [O],
    pub(crate) al: &'a Alignment,
}

/// What the words around a candidate say, computed once per candidate.
#[derive(Clone, Copy, Default)]
pub(crate) struct Ctx {
    /// The cue word before it.
    pub(crate) cue: Option<&'static Cue>,
    /// An English cue after it ("Hajin town").
    pub(crate) cue_after: bool,
    /// A negative context of its name.
    pub(crate) negative: bool,
    /// A person-name prefix before it (عبد, أبو).
    pub(crate) person: bool,
    /// Latin: its first letter is a capital.
    pub(crate) capital: bool,
}

/// Whether unit `u` is the character `c`.
#[inline(always)]
pub(crate) fn is<U: CodeUnit>(u: U, c: char) -> bool {
    u.get() == c as u32
}

impl<'a, N: CodeUnit, O: CodeUnit> Doc<'a, N, O> {
    #[inline(always)]
    fn is_word(&self, u: N) -> bool {
        self.classes.of(u.get()) & WORD != 0
    }

    /// The word that ends right before `pos` (only spaces between).
    fn word_before(&self, pos: usize) -> Option<&'a [N]> {
        let t = self.norm;
        let mut i = pos;
        while i > 0 && is(t[i - 1], ' ') {
            i -= 1;
        }
        if i == 0 || !self.is_word(t[i - 1]) {
            return None;
        }
        let mut j = i;
        while j > 0 && self.is_word(t[j - 1]) {
            j -= 1;
        }
        Some(&t[j..i])
    }

    /// The word that starts right after `pos` (only spaces between), with
    /// its end.
    fn word_after(&self, pos: usize) -> Option<(&'a [N], usize)> {
        let t = self.norm;
        let mut i = pos;
        while i < t.len() && is(t[i], ' ') {
            i += 1;
        }
        if i == t.len() || !self.is_word(t[i]) {
            return None;
        }
        let mut j = i;
        while j < t.len() && self.is_word(t[j]) {
            j += 1;
        }
        Some((&t[i..j], j))
    }

    /// `word` and its forms without proclitics (بمدينة → مدينة).
    pub(crate) fn forms(word: &[N]) -> impl Iterator<Item = &[N]> + '_ {
        let mut cut = [0usize, usize::MAX, usize::MAX];
        if let Some(&c) = word.first() {
            if is(c, 'و') || is(c, 'ف') {
                cut[1] = 1;
                if word
                    .get(1)
                    .is_some_and(|&d| is(d, 'ب') || is(d, 'ل') || is(d, 'ك'))
                {
                    cut[2] = 2;
                }
            } else if is(c, 'ب') || is(c, 'ل') || is(c, 'ك') {
                cut[1] = 1;
            }
        }
        cut.into_iter()
            .filter(move |&k| k != usize::MAX && word.len() > k + 1)
            .map(move |k| &word[k..])
    }

    /// The context of a candidate.
    pub(crate) fn context(&self, c: &Candidate, buf: &mut String) -> Ctx {
        let before = self.word_before(c.word_start as usize);
        let after = self.word_after(c.end as usize).map(|(w, _)| w);
        let mut ctx = Ctx {
            cue: self.cue_before(c, buf),
            ..Ctx::default()
        };
        if let Some(neg) = self.g.keys[c.key as usize].negative {
            if let Some(w) = before {
                ctx.negative |= Self::forms(w).any(|f| neg.before.contains(fill(buf, f)));
            }
            if let Some(w) = after {
                ctx.negative |= neg.after.contains(fill(buf, w));
            }
        }
        if c.clitic == 0 {
            if let Some(w) = before {
                ctx.person = self.rules.person.contains(fill(buf, w));
            }
        }
        if self.g.keys[c.key as usize].latin {
            let (s, _) = self.original(c);
            ctx.capital = self
                .orig
                .get(s)
                .and_then(|u| char::from_u32(u.get()))
                .is_some_and(char::is_uppercase);
            ctx.cue_after = after.is_some_and(|w| self.rules.after.contains_key(fill(buf, w)));
        }
        ctx
    }

    /// The original span of a candidate.
    pub(crate) fn original(&self, c: &Candidate) -> (usize, usize) {
        self.al
            .to_original(c.start as usize, c.end as usize)
            .unwrap_or((0, 0))
    }

    /// The cue word before a candidate, if any ("the village of X" too).
    fn cue_before(&self, c: &Candidate, buf: &mut String) -> Option<&'static Cue> {
        let w = self.word_before(c.word_start as usize)?;
        for f in Self::forms(w) {
            if let Some(cue) = self.rules.before.get(fill(buf, f)) {
                return Some(cue);
            }
        }
        if w.len() == 2 && is(w[0], 'o') && is(w[1], 'f') {
            let start = self.word_start_before(c.word_start as usize)?;
            let w2 = self.word_before(start)?;
            return self
                .rules
                .before
                .get(fill(buf, w2))
                .filter(|c| c.kind != CueKind::Direction);
        }
        None
    }

    /// Where the word before `pos` starts.
    fn word_start_before(&self, pos: usize) -> Option<usize> {
        let w = self.word_before(pos)?;
        let t = self.norm;
        let mut i = pos;
        while i > 0 && is(t[i - 1], ' ') {
            i -= 1;
        }
        Some(i - w.len())
    }

    /// Whether the gap between two spans is a coordination: spaces, commas
    /// and at most one "و" / "and" / "or" (or the و glued to the second).
    pub(crate) fn coordinated(
        &self,
        left_end: usize,
        right_word_start: usize,
        right_clitic: u8,
    ) -> bool {
        if left_end > right_word_start {
            return false;
        }
        let gap = &self.norm[left_end..right_word_start];
        if gap.len() > 8 {
            return false;
        }
        let mut words = [' '; 8];
        let mut k = 0;
        for &c in gap.iter().filter(|c| !is(**c, ' ')) {
            words[k] = char::from_u32(c.get()).unwrap_or(char::REPLACEMENT_CHARACTER);
            k += 1;
        }
        let words: String = words[..k].iter().collect();
        let glued_wa = CLITICS[right_clitic as usize].starts_with('و');
        match words.as_str() {
            "" => glued_wa,
            "," => true,
            "و" | "and" | "or" | "او" | ",و" | ",and" => true,
            _ => false,
        }
    }

    /// Whether place `q` is an admin unit of place `p`, or a place of `p`'s
    /// governorate.
    pub(crate) fn contains(&self, q: u32, p: u32) -> bool {
        let g = self.g;
        let (q, p) = (q as usize, p as usize);
        let own = g.unit_of[q];
        (own != NO_UNIT && g.units[p].contains(&own))
            || (g.places[q].level <= Level::District
                && g.units[q][0] != NO_UNIT
                && g.units[q][0] == g.units[p][0])
    }
}

/// `units` as a `str` in `buf`, for a map lookup without allocating.
pub(crate) fn fill<'b, U: CodeUnit>(buf: &'b mut String, units: &[U]) -> &'b str {
    buf.clear();
    buf.extend(
        units
            .iter()
            .map(|u| char::from_u32(u.get()).unwrap_or(char::REPLACEMENT_CHARACTER)),
    );
    buf.as_str()
}

/// How the text between a place and the next place links them.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Link {
    /// Not a link.
    None,
    /// Only "في", "in" or a comma (X في دير الزور): the first may be any
    /// word that happens to precede a place.
    Weak,
    /// A word that puts the first inside the second: ريف, محافظة, بادية,
    /// شرق ... (X بريف دير الزور, X east of Raqqa).
    Strong,
}

/// Whether the text between `from` and `to` only links a place to the admin
/// unit after it: في, ريف, محافظة, شرق, commas (X بريف دير الزور, Hajin, Deir
/// ez-Zor).
pub(crate) fn admin_follows<N: CodeUnit, O: CodeUnit>(
    doc: &Doc<'_, N, O>,
    from: usize,
    to: usize,
    buf: &mut String,
) -> Link {
    if to < from || to - from > 40 {
        return Link::None;
    }
    let mut i = from;
    let mut words = 0;
    let mut strong = false;
    while i < to {
        let ch = doc.norm[i];
        if is(ch, ' ') || is(ch, ',') {
            i += 1;
            continue;
        }
        match doc.word_after(i) {
            Some((w, end)) if end <= to => {
                let Some(f) =
                    Doc::<N, O>::forms(w).find(|f| doc.rules.linking.contains(fill(buf, f)))
                else {
                    return Link::None;
                };
                strong |= !matches!(fill(buf, f), "في" | "in" | "the" | "of");
                words += 1;
                if words > 4 {
                    return Link::None;
                }
                i = end;
            }
            _ => return Link::None,
        }
    }
    if strong {
        Link::Strong
    } else if words > 0 || doc.norm[from..to].iter().any(|&u| is(u, ',')) {
        Link::Weak
    } else {
        Link::None
    }
}
