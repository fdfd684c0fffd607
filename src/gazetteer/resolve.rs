//! From candidates to mentions: evidence for ambiguous names, the choice
//! among overlapping candidates, and the choice among places that share a
//! name.
//!
//! 1. Anchors: candidates with a name that is never a common word (and not
//!    in a negative context) are accepted as they are.
//! 2. Every other candidate is scored: a base by how common its name is
//!    ([`Ambiguity`]), plus evidence: a cue word before it (مدينة, قرية,
//!    ريف, "village of"), an admin unit of its own after it (X بريف دير
//!    الزور), coordination with an accepted place (منبج والطبقة والرقة), a
//!    place of the same district or governorate elsewhere in the text, a
//!    capital letter (Latin). A negative context (قناة الجزيرة, الطبقة
//!    السياسية) or a person-name prefix (عبد, أبو) rules it out. Accepted
//!    candidates feed the evidence of the others, twice over, so lists
//!    accept from their unambiguous members outwards.
//! 3. Among accepted candidates, leftmost-longest wins (after the evidence,
//!    never before).
//! 4. Among the places sharing the chosen name: the level a cue points at,
//!    the places of the same district or governorate in the text, how well
//!    known the place is, the higher admin level. The others are kept as
//!    alternatives.

use super::class::{Classes, WORD};
use super::place::{Ambiguity, Level, Place};
use super::rules::{Cue, CueKind, Rules};
use super::scan::{CLITICS, Candidate};
use super::{Hit, Inner, KeyEntry};
use crate::normalize::{Alignment, CodeUnit};
use rustc_hash::{FxHashMap, FxHashSet};

/// Scores at or above this are mentions.
pub(crate) const ACCEPT: f32 = 0.6;
/// The highest score a name that is also a common word gets, however much
/// evidence it has: 1.0 stays the mark of an unambiguous name.
const AMBIGUOUS_MAX: f32 = 0.95;

/// The text a resolver works on: the normalized text and the original, in
/// code units of any width.
struct Doc<'a, N, O> {
    g: &'a Inner,
    rules: &'static Rules,
    classes: Classes,
    norm: &'a [N],
    orig: &'a [O],
    al: &'a Alignment,
}

/// A candidate accepted so far, with the place chosen for context.
#[derive(Clone, Copy)]
struct Accepted {
    cand: usize,
    place: u32,
}

/// What the words around a candidate say, computed once per candidate.
#[derive(Clone, Copy, Default)]
struct Ctx {
    /// The cue word before it.
    cue: Option<&'static Cue>,
    /// An English cue after it ("Hajin town").
    cue_after: bool,
    /// A negative context of its name.
    negative: bool,
    /// A person-name prefix before it (عبد, أبو).
    person: bool,
    /// Latin: its first letter is a capital.
    capital: bool,
}

fn base(a: Ambiguity) -> f32 {
    match a {
        Ambiguity::None => 1.0,
        Ambiguity::Weak => 0.45,
        Ambiguity::Strong => 0.2,
        Ambiguity::Cue => 0.0,
    }
}

/// Whether unit `u` is the character `c`.
#[inline(always)]
fn is<U: CodeUnit>(u: U, c: char) -> bool {
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
    fn forms(word: &[N]) -> impl Iterator<Item = &[N]> + '_ {
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
    fn context(&self, c: &Candidate, buf: &mut String) -> Ctx {
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
    fn original(&self, c: &Candidate) -> (usize, usize) {
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
    fn coordinated(&self, left_end: usize, right_word_start: usize, right_clitic: u8) -> bool {
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

    fn place(&self, id: u32) -> &'a Place {
        &self.g.places[id as usize]
    }

    /// Whether `q` is an admin unit of `p`, or a place of `p`'s governorate.
    fn contains(&self, q: &Place, p: &Place) -> bool {
        (1..=3).any(|l| p.admin_id(l) == Some(q.id.as_str()))
            || (q.level <= Level::District
                && q.admin_id(1).is_some()
                && q.admin_id(1) == p.admin_id(1))
    }
}

/// `units` as a `str` in `buf`, for a map lookup without allocating.
fn fill<'b, U: CodeUnit>(buf: &'b mut String, units: &[U]) -> &'b str {
    buf.clear();
    buf.extend(
        units
            .iter()
            .map(|u| char::from_u32(u.get()).unwrap_or(char::REPLACEMENT_CHARACTER)),
    );
    buf.as_str()
}

/// The entries of a key that can stand for this candidate (the alef-elided
/// form needs the proclitic ل; some glued forms are words of their own).
fn usable<'e>(
    entries: &'e [KeyEntry],
    c: &Candidate,
) -> impl Iterator<Item = (usize, &'e KeyEntry)> + 'e {
    let clitic = CLITICS[c.clitic as usize];
    let lam_ok = clitic.ends_with('ل');
    let bit = 1u16 << c.clitic;
    entries
        .iter()
        .enumerate()
        .filter(move |(_, e)| (!e.lam_elided || lam_ok) && e.no_clitic & bit == 0)
}

/// Resolves candidates (sorted by start) into mentions, appended to `out`
/// in text order (positions still normalized ones), their alternatives to
/// `alternatives`.
pub(crate) fn resolve<N: CodeUnit, O: CodeUnit>(
    g: &Inner,
    norm: &[N],
    orig: &[O],
    al: &Alignment,
    cands: &[Candidate],
    out: &mut Vec<Hit>,
    alternatives: &mut Vec<u32>,
) {
    let doc = Doc {
        g,
        rules: Rules::get(),
        classes: Classes::get(),
        norm,
        orig,
        al,
    };
    let n = cands.len();
    // A multi-word name may not run across a line break of the original.
    let broken: Vec<bool> = cands
        .iter()
        .map(|c| {
            norm[c.start as usize..c.end as usize]
                .iter()
                .any(|&u| is(u, ' '))
                && {
                    let (s, e) = doc.original(c);
                    orig[s..e].iter().any(|&u| {
                        is(u, '\n') || is(u, '\r') || is(u, '\u{2028}') || is(u, '\u{2029}')
                    })
                }
        })
        .collect();
    let mut buf = String::new();
    let ctxs: Vec<Ctx> = cands.iter().map(|c| doc.context(c, &mut buf)).collect();
    // 1. anchors
    let mut accepted: Vec<Accepted> = Vec::new();
    let mut is_accepted = vec![false; n];
    let mut anchor_admin1: FxHashSet<&str> = FxHashSet::default();
    let mut anchor_admin2: FxHashSet<&str> = FxHashSet::default();
    for (i, c) in cands.iter().enumerate() {
        if broken[i] {
            continue;
        }
        let entries = g.entries(c.key);
        let best = usable(entries, c)
            .filter(|(_, e)| e.ambiguity == Ambiguity::None)
            .max_by(|a, b| {
                static_rank(&doc, a.1)
                    .total_cmp(&static_rank(&doc, b.1))
                    .then(b.0.cmp(&a.0))
            });
        if let Some((_, e)) = best {
            if ctxs[i].negative {
                continue;
            }
            accepted.push(Accepted {
                cand: i,
                place: e.place,
            });
            is_accepted[i] = true;
            let places: Vec<&Place> = usable(entries, c)
                .filter(|(_, e)| e.ambiguity == Ambiguity::None)
                .map(|(_, e)| doc.place(e.place))
                .collect();
            // Context only from anchors whose governorate is certain.
            if places
                .iter()
                .all(|p| p.admin_id(1) == places[0].admin_id(1))
            {
                if let Some(a) = places[0].admin_id(1) {
                    anchor_admin1.insert(a);
                }
                if places
                    .iter()
                    .all(|p| p.admin_id(2) == places[0].admin_id(2))
                {
                    if let Some(a) = places[0].admin_id(2) {
                        anchor_admin2.insert(a);
                    }
                }
            }
        }
    }
    // 2. evidence, twice (lists accept outwards from their anchors)
    // Candidates that no evidence can save are dropped at once: a common
    // word with no cue, nothing accepted next to it and (for a rarer word)
    // no context in the text.
    let mut hopeless = vec![false; n];
    for round in 0..3 {
        let mut changed = false;
        accepted.sort_by_key(|a| cands[a.cand].start);
        for (i, c) in cands.iter().enumerate() {
            if is_accepted[i] || broken[i] || hopeless[i] {
                continue;
            }
            let entries = g.entries(c.key);
            let mut best: Option<(usize, f32)> = None;
            for (k, e) in usable(entries, c) {
                let s = evidence(
                    &doc,
                    c,
                    i,
                    &ctxs[i],
                    e,
                    &accepted,
                    cands,
                    &anchor_admin1,
                    &anchor_admin2,
                );
                if best.is_none_or(|(_, b)| s > b) {
                    best = Some((k, s));
                }
            }
            if ctxs[i].negative || best.is_none() {
                hopeless[i] = true;
            }
            if let Some((k, s)) = best {
                if s >= ACCEPT {
                    accepted.push(Accepted {
                        cand: i,
                        place: entries[k].place,
                    });
                    is_accepted[i] = true;
                    changed = true;
                }
            }
        }
        if !changed || round == 2 {
            break;
        }
    }
    // 3. leftmost-longest among the accepted
    let mut order: Vec<usize> = accepted.iter().map(|a| a.cand).collect();
    order.sort_by(|&a, &b| {
        cands[a]
            .start
            .cmp(&cands[b].start)
            .then(cands[b].end.cmp(&cands[a].end))
    });
    let mut chosen: Vec<usize> = Vec::new();
    let mut last_end = 0u32;
    for i in order {
        if cands[i].start >= last_end {
            chosen.push(i);
            last_end = cands[i].end;
        }
    }
    // 4. the place, by rank with the other mentions as context
    // How many mentions name each district and governorate, and what each
    // mention contributes itself (a mention is no context for itself).
    let mut place_of: Vec<u32> = vec![0; n];
    for a in &accepted {
        place_of[a.cand] = a.place;
    }
    let mut count1: FxHashMap<&str, u32> = FxHashMap::default();
    let mut count2: FxHashMap<&str, u32> = FxHashMap::default();
    for &i in &chosen {
        let p = doc.place(place_of[i]);
        if let Some(x) = p.admin_id(1) {
            *count1.entry(x).or_default() += 1;
        }
        if let Some(x) = p.admin_id(2) {
            *count2.entry(x).or_default() += 1;
        }
    }
    for &i in &chosen {
        let c = &cands[i];
        let entries = g.entries(c.key);
        let cue = ctxs[i].cue;
        let own = doc.place(place_of[i]);
        let others = |counts: &FxHashMap<&str, u32>, a: &str, level: usize| -> bool {
            let mine = u32::from(own.admin_id(level) == Some(a));
            counts.get(a).is_some_and(|&k| k > mine)
        };
        let rank = |e: &KeyEntry, score: f32| -> f32 {
            let p = doc.place(e.place);
            let mut r = static_rank(&doc, e) + score;
            if let Some(cue) = cue {
                if let Some(k) = cue.levels.iter().position(|l| *l == p.level) {
                    r += 10.0 - 2.0 * k as f32;
                }
            }
            if p.admin_id(2).is_some_and(|a| others(&count2, a, 2)) {
                r += 4.0;
            } else if p.admin_id(1).is_some_and(|a| others(&count1, a, 1)) {
                r += 2.0;
            }
            r
        };
        let mut ranked: Vec<(f32, f32, u32)> = Vec::new();
        for (_, e) in usable(entries, c) {
            let s = if is_accepted[i] && e.ambiguity == Ambiguity::None && !ctxs[i].negative {
                1.0
            } else {
                evidence(
                    &doc,
                    c,
                    i,
                    &ctxs[i],
                    e,
                    &accepted,
                    cands,
                    &anchor_admin1,
                    &anchor_admin2,
                )
            };
            if let Some(r) = ranked.iter_mut().find(|r| r.2 == e.place) {
                if s > r.1 {
                    *r = (rank(e, s), s, e.place);
                }
            } else {
                ranked.push((rank(e, s), s, e.place));
            }
        }
        ranked.sort_by(|a, b| {
            let pa = a.1 >= ACCEPT;
            let pb = b.1 >= ACCEPT;
            pb.cmp(&pa).then(b.0.total_cmp(&a.0)).then(a.2.cmp(&b.2))
        });
        let Some(&(_, score, place)) = ranked.first() else {
            continue;
        };
        let first_alt = alternatives.len();
        alternatives.extend(ranked[1..].iter().map(|r| r.2));
        let score = if score >= 1.0 && !unambiguous(entries, place) {
            AMBIGUOUS_MAX
        } else {
            score.min(1.0)
        };
        out.push(Hit {
            start: c.start as usize,
            end: c.end as usize,
            clitic: c.clitic,
            place,
            score,
            alternatives: first_alt as u32..alternatives.len() as u32,
        });
    }
}

/// Whether the name of this key is never a common word for `place`.
fn unambiguous(entries: &[KeyEntry], place: u32) -> bool {
    entries
        .iter()
        .any(|e| e.place == place && e.ambiguity == Ambiguity::None)
}

/// A rank from the place alone: how well known, how high a level.
fn static_rank<N: CodeUnit, O: CodeUnit>(doc: &Doc<'_, N, O>, e: &KeyEntry) -> f32 {
    let p = doc.place(e.place);
    p.prior / 10.0 + p.level.rank() * 0.5
}

/// The evidence score of one entry of a candidate.
#[allow(clippy::too_many_arguments)]
fn evidence<N: CodeUnit, O: CodeUnit>(
    doc: &Doc<'_, N, O>,
    c: &Candidate,
    index: usize,
    ctx: &Ctx,
    e: &KeyEntry,
    accepted: &[Accepted],
    cands: &[Candidate],
    admin1: &FxHashSet<&str>,
    admin2: &FxHashSet<&str>,
) -> f32 {
    let amb = e.ambiguity;
    if ctx.negative || (ctx.person && amb != Ambiguity::None) {
        return 0.0;
    }
    if amb == Ambiguity::None {
        return 1.0;
    }
    let mut score = base(amb);
    let latin = doc.g.keys[c.key as usize].latin;
    if latin {
        if !ctx.capital {
            return 0.0; // a lowercase common word is the word
        }
        score += 0.2;
    }
    match ctx.cue {
        Some(cue) if cue.kind != CueKind::Direction => score = score.max(0.0) + 0.6,
        Some(_) if amb != Ambiguity::Cue => score += 0.25,
        _ => {}
    }
    if latin && ctx.cue_after {
        score += 0.6;
    }
    if amb == Ambiguity::Cue {
        return if score >= ACCEPT { score } else { 0.0 };
    }
    let p = doc.place(e.place);
    // coordination with an accepted neighbour, and an admin unit after it
    let pos = accepted.partition_point(|a| cands[a.cand].start < c.start);
    let (ws, en) = (c.word_start as usize, c.end as usize);
    let mut coord = false;
    if let Some(prev) = accepted[..pos]
        .iter()
        .rev()
        .find(|a| cands[a.cand].end as usize <= ws)
    {
        let pc = &cands[prev.cand];
        coord |= doc.coordinated(pc.end as usize, ws, c.clitic);
    }
    if let Some(next) = accepted[pos..]
        .iter()
        .find(|a| cands[a.cand].start as usize >= en && a.cand != index)
    {
        let nc = &cands[next.cand];
        coord |= doc.coordinated(en, nc.word_start as usize, nc.clitic);
        match admin_follows(doc, en, nc.word_start as usize) {
            Link::Strong if doc.contains(doc.place(next.place), p) => score += 0.6,
            Link::Weak if doc.contains(doc.place(next.place), p) => score += 0.25,
            _ => {}
        }
    }
    if coord {
        score += 0.45;
    }
    // a place of the same district or governorate elsewhere in the text:
    // evidence for a rarer word, never for an everyday one (a village
    // called جديدة in a text about its governorate is still "new")
    if amb == Ambiguity::Weak {
        if p.admin_id(2).is_some_and(|a| admin2.contains(a)) {
            score += 0.3;
        } else if p.admin_id(1).is_some_and(|a| admin1.contains(a)) {
            score += 0.2;
        }
    }
    score
}

/// How the text between a place and the next place links them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Link {
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
fn admin_follows<N: CodeUnit, O: CodeUnit>(doc: &Doc<'_, N, O>, from: usize, to: usize) -> Link {
    if to < from || to - from > 40 {
        return Link::None;
    }
    let mut i = from;
    let mut words = 0;
    let mut strong = false;
    let mut buf = String::new();
    while i < to {
        let ch = doc.norm[i];
        if is(ch, ' ') || is(ch, ',') {
            i += 1;
            continue;
        }
        match doc.word_after(i) {
            Some((w, end)) if end <= to => {
                let Some(f) =
                    Doc::<N, O>::forms(w).find(|f| doc.rules.linking.contains(fill(&mut buf, f)))
                else {
                    return Link::None;
                };
                strong |= !matches!(fill(&mut buf, f), "في" | "in" | "the" | "of");
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
