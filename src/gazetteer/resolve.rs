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
//!
//! What the text says around a candidate (`context.rs`) is read once per
//! candidate, and only when needed; what depends on the accepted mentions
//! (coordination, an admin unit after it) once per candidate and round;
//! only the place-specific part of the evidence is computed per place. The
//! working vectors live in a [`Scratch`] that a thread reuses from one
//! text to the next: a paragraph with a candidate allocates nothing.

use super::context::{Ctx, Doc, Link, admin_follows, is};
use super::place::{Ambiguity, Level};
use super::rules::{CueKind, Rules};
use super::scan::{CLITICS, Candidate};
use super::{Hit, Inner, KeyEntry, NO_UNIT};
use crate::normalize::{Alignment, CodeUnit};

/// Scores at or above this are mentions.
pub(crate) const ACCEPT: f32 = 0.6;
/// The highest score a name that is also a common word gets, however much
/// evidence it has: 1.0 stays the mark of an unambiguous name.
const AMBIGUOUS_MAX: f32 = 0.95;

/// A candidate accepted so far, with the place chosen for context.
#[derive(Clone, Copy)]
struct Accepted {
    cand: usize,
    place: u32,
    /// Its evidence score (1.0 for an anchor): decides between two accepted
    /// candidates that overlap without one containing the other.
    score: f32,
}

/// What the accepted mentions next to a candidate say, whichever place it
/// stands for.
#[derive(Clone, Copy)]
struct Around {
    /// Coordinated with the accepted mention before or after it.
    coord: bool,
    /// The link to the next accepted mention, and that mention's place.
    next: Option<(Link, u32)>,
}

/// The working vectors of [`resolve`], reused from one text to the next.
#[derive(Default)]
pub(crate) struct Scratch {
    broken: Vec<bool>,
    ctxs: Vec<Option<Ctx>>,
    accepted: Vec<Accepted>,
    is_accepted: Vec<bool>,
    hopeless: Vec<bool>,
    order: Vec<usize>,
    chosen: Vec<usize>,
    place_of: Vec<u32>,
    /// Districts and governorates of the anchors whose unit is certain.
    admin1: Vec<u32>,
    admin2: Vec<u32>,
    /// Mentions per district and governorate among the chosen.
    count1: Vec<(u32, u32)>,
    count2: Vec<(u32, u32)>,
    ranked: Vec<(f32, f32, u32)>,
    buf: String,
}

fn base(a: Ambiguity) -> f32 {
    match a {
        Ambiguity::None => 1.0,
        Ambiguity::Weak => 0.45,
        Ambiguity::Strong => 0.2,
        Ambiguity::Cue => 0.0,
    }
}

/// The entries of a key that can stand for this candidate (the alef-elided
/// form needs the proclitic ل; some glued forms are words of their own).
fn usable<'e>(
    entries: &'e [KeyEntry],
    c: &Candidate,
) -> impl Iterator<Item = (usize, &'e KeyEntry)> + Clone + 'e {
    let clitic = CLITICS[c.clitic as usize];
    let lam_ok = clitic.ends_with('ل');
    let bit = 1u16 << c.clitic;
    entries
        .iter()
        .enumerate()
        .filter(move |(_, e)| (!e.lam_elided || lam_ok) && e.no_clitic & bit == 0)
}

fn reset<T: Clone>(v: &mut Vec<T>, n: usize, value: T) {
    v.clear();
    v.resize(n, value);
}

/// Adds `x` to a small set.
fn insert(set: &mut Vec<u32>, x: u32) {
    if !set.contains(&x) {
        set.push(x);
    }
}

/// Counts `x` in a small multiset.
fn count(counts: &mut Vec<(u32, u32)>, x: u32) {
    match counts.iter_mut().find(|c| c.0 == x) {
        Some(c) => c.1 += 1,
        None => counts.push((x, 1)),
    }
}

/// The context of candidate `i`, read on first use.
fn ctx<N: CodeUnit, O: CodeUnit>(
    doc: &Doc<'_, N, O>,
    s: &mut Scratch,
    cands: &[Candidate],
    i: usize,
) -> Ctx {
    if let Some(c) = s.ctxs[i] {
        return c;
    }
    let c = doc.context(&cands[i], &mut s.buf);
    s.ctxs[i] = Some(c);
    c
}

/// Whether candidate `i` is in a negative context of its name (read only
/// for names that have any).
fn negative<N: CodeUnit, O: CodeUnit>(
    doc: &Doc<'_, N, O>,
    s: &mut Scratch,
    cands: &[Candidate],
    i: usize,
) -> bool {
    doc.g.keys[cands[i].key as usize].negative.is_some() && ctx(doc, s, cands, i).negative
}

/// Resolves candidates (sorted by start) into mentions, appended to `out`
/// in text order (positions still normalized ones), their alternatives to
/// `alternatives`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn resolve<N: CodeUnit, O: CodeUnit>(
    g: &Inner,
    norm: &[N],
    orig: &[O],
    al: &Alignment,
    cands: &[Candidate],
    s: &mut Scratch,
    out: &mut Vec<Hit>,
    alternatives: &mut Vec<u32>,
) {
    let doc = Doc {
        g,
        rules: Rules::get(),
        classes: super::class::Classes::get(),
        norm,
        orig,
        al,
    };
    let n = cands.len();
    // A multi-word name may not run across a line break of the original.
    s.broken.clear();
    s.broken.extend(cands.iter().map(|c| {
        norm[c.start as usize..c.end as usize]
            .iter()
            .any(|&u| is(u, ' '))
            && {
                let (a, b) = doc.original(c);
                orig[a..b]
                    .iter()
                    .any(|&u| is(u, '\n') || is(u, '\r') || is(u, '\u{2028}') || is(u, '\u{2029}'))
            }
    }));
    reset(&mut s.ctxs, n, None);
    // 1. anchors
    s.accepted.clear();
    reset(&mut s.is_accepted, n, false);
    s.admin1.clear();
    s.admin2.clear();
    for (i, c) in cands.iter().enumerate() {
        if s.broken[i] {
            continue;
        }
        let entries = g.entries(c.key);
        let best = usable(entries, c)
            .filter(|(_, e)| e.ambiguity == Ambiguity::None)
            .max_by(|a, b| {
                static_rank(g, a.1)
                    .total_cmp(&static_rank(g, b.1))
                    .then(b.0.cmp(&a.0))
            });
        if let Some((_, e)) = best {
            if negative(&doc, s, cands, i) {
                continue;
            }
            s.accepted.push(Accepted {
                cand: i,
                place: e.place,
                score: 1.0,
            });
            s.is_accepted[i] = true;
            // Context only from anchors whose governorate is certain (the
            // same for every place the name stands for).
            let units = |e: &KeyEntry| g.units[e.place as usize];
            let mut same = usable(entries, c).filter(|(_, e)| e.ambiguity == Ambiguity::None);
            let first = same.clone().next().map_or([NO_UNIT; 3], |(_, e)| units(e));
            if same.clone().all(|(_, e)| units(e)[0] == first[0]) {
                if first[0] != NO_UNIT {
                    insert(&mut s.admin1, first[0]);
                }
                if same.all(|(_, e)| units(e)[1] == first[1]) && first[1] != NO_UNIT {
                    insert(&mut s.admin2, first[1]);
                }
            }
        }
    }
    // 2. evidence, twice (lists accept outwards from their anchors)
    // Candidates that no evidence can save are dropped at once: a common
    // word with no cue, nothing accepted next to it and (for a rarer word)
    // no context in the text.
    reset(&mut s.hopeless, n, false);
    for round in 0..3 {
        let mut changed = false;
        s.accepted.sort_by_key(|a| cands[a.cand].start);
        for (i, c) in cands.iter().enumerate() {
            if s.is_accepted[i] || s.broken[i] || s.hopeless[i] {
                continue;
            }
            let entries = g.entries(c.key);
            let cx = ctx(&doc, s, cands, i);
            let mut around = None;
            let mut best: Option<(usize, f32)> = None;
            for (k, e) in usable(entries, c) {
                let sc = evidence(&doc, s, c, i, &cx, e, &mut around, cands);
                if best.is_none_or(|(_, b)| sc > b) {
                    best = Some((k, sc));
                }
            }
            if cx.negative || best.is_none() {
                s.hopeless[i] = true;
            }
            if let Some((k, sc)) = best {
                if sc >= ACCEPT {
                    s.accepted.push(Accepted {
                        cand: i,
                        place: entries[k].place,
                        score: sc,
                    });
                    s.is_accepted[i] = true;
                    changed = true;
                }
            }
        }
        if !changed || round == 2 {
            break;
        }
    }
    // 3. leftmost-longest among the accepted; but of two that overlap
    // without one containing the other, the better evidenced wins ("eastern
    // Deir ez-Zor": the Idleb village "Eastern Deir", a calque that needs a
    // capital, loses to the unambiguous Deir ez-Zor it runs into).
    s.order.clear();
    s.order.extend(0..s.accepted.len());
    let accepted = &s.accepted;
    s.order.sort_by(|&a, &b| {
        let (a, b) = (&cands[accepted[a].cand], &cands[accepted[b].cand]);
        a.start.cmp(&b.start).then(b.end.cmp(&a.end))
    });
    s.chosen.clear();
    let mut last: Option<(u32, f32)> = None; // end and score of the last chosen
    for &k in &s.order {
        let Accepted { cand: i, score, .. } = accepted[k];
        match last {
            Some((end, _)) if cands[i].start >= end => {}
            None => {}
            Some((end, prev)) if cands[i].end > end && score > prev => {
                s.chosen.pop();
            }
            Some(_) => continue,
        }
        s.chosen.push(i);
        last = Some((cands[i].end, score));
    }
    // 4. the place, by rank with the other mentions as context
    // How many mentions name each district and governorate, and what each
    // mention contributes itself (a mention is no context for itself).
    reset(&mut s.place_of, n, 0);
    for a in &s.accepted {
        s.place_of[a.cand] = a.place;
    }
    s.count1.clear();
    s.count2.clear();
    for &i in &s.chosen {
        let units = g.units[s.place_of[i] as usize];
        if units[0] != NO_UNIT {
            count(&mut s.count1, units[0]);
        }
        if units[1] != NO_UNIT {
            count(&mut s.count2, units[1]);
        }
    }
    for k in 0..s.chosen.len() {
        let i = s.chosen[k];
        let c = &cands[i];
        let entries = g.entries(c.key);
        let cx = ctx(&doc, s, cands, i);
        let own = g.units[s.place_of[i] as usize];
        let mut around = None;
        s.ranked.clear();
        for (_, e) in usable(entries, c) {
            let sc = if s.is_accepted[i] && e.ambiguity == Ambiguity::None && !cx.negative {
                1.0
            } else {
                evidence(&doc, s, c, i, &cx, e, &mut around, cands)
            };
            let r = rank(g, s, &cx, own, e, sc);
            if let Some(x) = s.ranked.iter_mut().find(|x| x.2 == e.place) {
                if sc > x.1 {
                    *x = (r, sc, e.place);
                }
            } else {
                s.ranked.push((r, sc, e.place));
            }
        }
        s.ranked.sort_by(|a, b| {
            let pa = a.1 >= ACCEPT;
            let pb = b.1 >= ACCEPT;
            pb.cmp(&pa).then(b.0.total_cmp(&a.0)).then(a.2.cmp(&b.2))
        });
        let Some(&(_, score, place)) = s.ranked.first() else {
            continue;
        };
        let first_alt = alternatives.len();
        alternatives.extend(s.ranked[1..].iter().map(|r| r.2));
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

/// The rank of one place of a chosen mention: its evidence, the level its
/// cue points at, other mentions of its district or governorate (besides
/// the mention's own place, `own`), how well known it is.
fn rank(g: &Inner, s: &Scratch, cx: &Ctx, own: [u32; 3], e: &KeyEntry, score: f32) -> f32 {
    let p = &g.places[e.place as usize];
    let units = g.units[e.place as usize];
    let others = |counts: &[(u32, u32)], a: u32, level: usize| -> bool {
        let mine = u32::from(own[level] == a);
        counts.iter().any(|&(x, k)| x == a && k > mine)
    };
    // Evidence beyond certainty counts for nothing (a cue gives a weak
    // name 1.05), and a name that needs no evidence is the place's own: a
    // village only also called so (دردارة for الدردارة, made by the build)
    // wins only where the text names its district and not the other's.
    let own_name = if e.ambiguity == Ambiguity::None {
        2.5
    } else {
        0.0
    };
    let mut r = static_rank(g, e) + score.min(1.0) + own_name;
    if let Some(cue) = cx.cue {
        if let Some(k) = cue.levels.iter().position(|l| *l == p.level) {
            r += 10.0 - 2.0 * k as f32;
        }
    }
    if units[1] != NO_UNIT && others(&s.count2, units[1], 1) {
        r += 4.0;
    } else if units[0] != NO_UNIT && others(&s.count1, units[0], 0) {
        r += 2.0;
    }
    r
}

/// Whether the name of this key is never a common word for `place`.
fn unambiguous(entries: &[KeyEntry], place: u32) -> bool {
    entries
        .iter()
        .any(|e| e.place == place && e.ambiguity == Ambiguity::None)
}

/// A rank from the place alone: how well known, how high a level.
fn static_rank(g: &Inner, e: &KeyEntry) -> f32 {
    let p = &g.places[e.place as usize];
    p.prior / 10.0 + p.level.rank() * 0.5
}

/// The accepted mentions around candidate `c` (number `index`).
fn around<N: CodeUnit, O: CodeUnit>(
    doc: &Doc<'_, N, O>,
    s: &mut Scratch,
    c: &Candidate,
    index: usize,
    cands: &[Candidate],
) -> Around {
    let accepted = &s.accepted;
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
    let mut next = None;
    if let Some(a) = accepted[pos..]
        .iter()
        .find(|a| cands[a.cand].start as usize >= en && a.cand != index)
    {
        let nc = &cands[a.cand];
        coord |= doc.coordinated(en, nc.word_start as usize, nc.clitic);
        let place = a.place;
        let mut link = admin_follows(doc, en, nc.word_start as usize, &mut s.buf);
        // "الحميدية بدير الزور": the preposition ب glued to the next place
        // says, as في does, that this one lies in it.
        if matches!(link, Link::None)
            && CLITICS[nc.clitic as usize] == "ب"
            && doc.norm[en..nc.word_start as usize]
                .iter()
                .all(|&u| is(u, ' '))
        {
            link = Link::Weak;
        }
        next = Some((link, place));
    }
    Around { coord, next }
}

/// The evidence score of one entry of a candidate. `around` is filled on
/// first need and kept for the candidate's other entries.
#[allow(clippy::too_many_arguments)]
fn evidence<N: CodeUnit, O: CodeUnit>(
    doc: &Doc<'_, N, O>,
    s: &mut Scratch,
    c: &Candidate,
    index: usize,
    cx: &Ctx,
    e: &KeyEntry,
    around_cache: &mut Option<Around>,
    cands: &[Candidate],
) -> f32 {
    let amb = e.ambiguity;
    if cx.negative || (cx.person && amb != Ambiguity::None) {
        return 0.0;
    }
    if amb == Ambiguity::None {
        return 1.0;
    }
    let mut score = base(amb);
    let latin = doc.g.keys[c.key as usize].latin;
    if latin {
        if !cx.capital {
            return 0.0; // a lowercase common word is the word
        }
        // Little evidence: in English every name is capitalised, and the
        // common words among place names are mostly given names and
        // surnames (Omar, Assad, Salam).
        score += 0.1;
    }
    match cx.cue {
        Some(cue) if cue.kind != CueKind::Direction => score = score.max(0.0) + 0.6,
        Some(_) if amb != Ambiguity::Cue => score += 0.25,
        _ => {}
    }
    if latin && cx.cue_after {
        score += 0.6;
    }
    if amb == Ambiguity::Cue {
        return if score >= ACCEPT { score } else { 0.0 };
    }
    // coordination with an accepted neighbour, and an admin unit after it
    let ar = match *around_cache {
        Some(a) => a,
        None => {
            let a = around(doc, s, c, index, cands);
            *around_cache = Some(a);
            a
        }
    };
    if let Some((link, next)) = ar.next {
        match link {
            // An everyday word before "in the countryside of X" is mostly
            // the word ("مدرسة جديدة في ريف الحسكة": a new school): for it,
            // the admin unit after is not enough on its own.
            Link::Strong if doc.contains(next, e.place) && amb == Ambiguity::Strong => {
                score += 0.35;
            }
            Link::Strong if doc.contains(next, e.place) => score += 0.6,
            Link::Weak if doc.contains(next, e.place) => score += 0.25,
            _ => {}
        }
    }
    if ar.coord {
        score += 0.45;
    }
    // a place of the same district or governorate elsewhere in the text:
    // evidence for a rarer word, never for an everyday one (a village
    // called جديدة in a text about its governorate is still "new")
    if amb == Ambiguity::Weak {
        let units = doc.g.units[e.place as usize];
        if units[1] != NO_UNIT && s.admin2.contains(&units[1]) {
            score += 0.3;
        } else if units[0] != NO_UNIT && s.admin1.contains(&units[0]) {
            // A governorate is hundreds of villages: its mention alone does
            // not make a rarer word (مظلوم, عشائر) one of them, but it does
            // make it one of its few towns (الميادين, الطبقة).
            let p = &doc.g.places[e.place as usize];
            score += if p.level == Level::Community && p.prior < 40.0 {
                0.1
            } else {
                0.2
            };
        }
    }
    score
}
