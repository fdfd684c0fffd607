//! The headline: which line it is, which lines repeat it, and the site
//! name its line may carry ("headline - Site", "Site | headline").
//!
//! A text dump often holds the page's `<title>` (with the site's name) and
//! the article's h1 (without it): the same headline twice. Lines are indexed
//! by hash and by the hash of their headline part, so finding repeats is a
//! lookup and long pages stay linear.

use super::features::{Doc, Info, next_nonblank, prev_nonblank};
use super::{Kind, text};
use rustc_hash::FxHashMap;

/// Spans (character offsets in the text) of a headline line's parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TitleSplit {
    /// The headline without the site name.
    pub(crate) title: (usize, usize),
    /// The site name.
    pub(crate) site: (usize, usize),
}

/// Separators between a headline and a site name.
#[inline]
pub(crate) fn is_separator(c: char) -> bool {
    SEPARATORS.contains(&c)
}

const SEPARATORS: [char; 8] = ['-', '–', '—', '|', '｜', '·', '»', '~'];

/// The separators as a [`text::Key::chars_mask`]: a line whose mask has
/// none of these bits has no separator.
pub(crate) const SEPARATOR_MASK: u64 = {
    let mut m = 0u64;
    let mut i = 0;
    while i < SEPARATORS.len() {
        m |= 1 << (SEPARATORS[i] as u32 & 63);
        i += 1;
    }
    m
};

pub(crate) fn is_candidate(l: &Info, consumed: bool) -> bool {
    l.headline_like()
        && !consumed
        && (l.words >= 3 || l.words == 2 && l.key.text.chars().count() >= 12)
}

/// Lines that are the same headline as another line, one of them with a
/// site suffix.
pub(crate) fn headline_twins(lines: &[Info], prefix: &[Option<u64>]) -> Vec<bool> {
    let mut twins = vec![false; lines.len()];
    if prefix.iter().all(Option::is_none) {
        return twins;
    }
    let mut by_hash: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for (i, l) in lines.iter().enumerate() {
        if !l.blank {
            by_hash.entry(l.hash).or_default().push(i);
        }
    }
    for (i, p) in prefix.iter().enumerate() {
        if let Some(others) = p.and_then(|p| by_hash.get(&p)) {
            twins[i] = true;
            for &j in others {
                twins[j] = true;
            }
        }
    }
    twins
}

/// Lines by hash and by the hash of their headline part: every "which
/// lines repeat this one" question is a lookup, not a scan, so pages of
/// tens of thousands of lines stay linear.
pub(crate) struct Index {
    by_hash: FxHashMap<u64, Vec<usize>>,
    by_prefix: FxHashMap<u64, Vec<usize>>,
}

impl Index {
    pub(crate) fn new(lines: &[Info], prefix: &[Option<u64>]) -> Index {
        let mut by_hash: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        let mut by_prefix: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        for (i, l) in lines.iter().enumerate() {
            if l.blank {
                continue;
            }
            by_hash.entry(l.hash).or_default().push(i);
            if let Some(p) = prefix[i] {
                by_prefix.entry(p).or_default().push(i);
            }
        }
        Index { by_hash, by_prefix }
    }

    fn hashed(&self, h: u64) -> &[usize] {
        self.by_hash.get(&h).map_or(&[], Vec::as_slice)
    }

    fn prefixed(&self, h: u64) -> &[usize] {
        self.by_prefix.get(&h).map_or(&[], Vec::as_slice)
    }

    /// Whether a line other than `not` has the hash `h`.
    pub(crate) fn other_with(&self, h: u64, not: usize) -> bool {
        self.hashed(h).iter().any(|&j| j != not)
    }
}

/// The lines that repeat headline `t`, with or without a site suffix;
/// `limit` stops early (to ask only whether there are any).
pub(crate) fn same_headline(
    lines: &[Info],
    prefix: &[Option<u64>],
    index: &Index,
    t: usize,
    limit: usize,
) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let mut candidates: Vec<usize> = Vec::new();
    if let Some(p) = prefix[t] {
        candidates.extend(index.hashed(p));
        candidates.extend(index.prefixed(p));
    }
    candidates.extend(index.prefixed(lines[t].hash));
    for j in candidates {
        if j != t && !out.contains(&j) {
            out.push(j);
            if out.len() >= limit {
                return out;
            }
        }
    }
    // Exact repeats, except a twin right next to it (a caption): at most
    // two repeats can be next to it, so three tries decide whether any is
    // not.
    let tries = if limit == 1 { 3 } else { usize::MAX };
    for &j in index
        .hashed(lines[t].hash)
        .iter()
        .filter(|&&j| j != t)
        .take(tries)
    {
        if !adjacent(lines, t, j) && !out.contains(&j) {
            out.push(j);
            if out.len() >= limit {
                return out;
            }
        }
    }
    out.sort_unstable();
    out
}

/// The headline, and its subtitle when it has one (a headline-like line
/// between it and the byline).
pub(crate) fn choose_title(
    doc: &Doc<'_>,
    first_body: usize,
    dup_of: &[Option<usize>],
    consumed: &[Option<(usize, Kind)>],
    prefix: &[Option<u64>],
    index: &Index,
) -> (Option<usize>, Option<usize>) {
    let lines = &doc.lines;
    let cands: Vec<usize> = (0..first_body)
        .filter(|&i| is_candidate(&lines[i], consumed[i].is_some()) || dup_of[i].is_some())
        .collect();
    // 1. The page title and the h1: the same headline twice, one of them
    //    with a site suffix, or repeated further down.
    for &i in &cands {
        if dup_of[i].is_none()
            && is_candidate(&lines[i], false)
            && recurs_as_headline(doc, i)
            && !same_headline(lines, prefix, index, i, 1).is_empty()
        {
            return (Some(i), None);
        }
    }
    let cands: Vec<usize> = cands.into_iter().filter(|&i| dup_of[i].is_none()).collect();
    // 2. A headline with a site suffix: the page's <title>.
    if let Some(&i) = cands
        .iter()
        .find(|&&i| site_suffix(doc, i, &[], index).is_some())
    {
        return (Some(i), None);
    }
    // 3. A headline followed by its meta lines, perhaps with the author's
    //    bare name first.
    let is_meta = |j: usize| {
        lines[j].chrome.as_ref().is_some_and(|c| {
            matches!(
                c.kind,
                Kind::Date
                    | Kind::Byline
                    | Kind::Source
                    | Kind::Dateline
                    | Kind::ReadingTime
                    | Kind::Counter
                    | Kind::Share
            )
        })
    };
    let next_line = |i: usize| next_nonblank(lines, i + 1);
    // A bare name, or a place and a name ("القامشلي (شمال شرقي سوريا): كمال
    // الحسين"): a byline without a "by", not a headline or a subtitle.
    let bylineish = |i: usize| {
        is_name_like(&lines[i])
            || lines[i].function_words == 0
                && lines[i].words <= 7
                && super::meta::place_and_name(doc, i).is_some_and(|(_, _, quoted)| !quoted)
    };
    let meta_follows = |i: usize| match next_line(i) {
        Some(j) if is_meta(j) => true,
        Some(j) if bylineish(j) => next_line(j).is_some_and(is_meta),
        _ => false,
    };
    // "الشروق أونلاين" over the date bar is the masthead, not a headline.
    let outlet = |i: usize| {
        lines[i].words <= 3 && lines[i].key.iter().any(|w| doc.lex.words.media.contains(w))
    };
    let followed: Vec<usize> = cands
        .iter()
        .copied()
        .filter(|&i| !outlet(i) && meta_follows(i))
        .collect();
    if let Some(&i) = followed
        .iter()
        .rev()
        .find(|&&i| !bylineish(i))
        .or(followed.last())
    {
        // A headline, its subtitle, then the byline: the subtitle is the
        // line followed by meta, the headline the one right above it, first
        // after the chrome (a menu, a section label).
        let prev = |i: usize| prev_nonblank(lines, i);
        let headline = prev(i).filter(|&p| {
            i - p <= 2
                && lines[i].words >= 4
                && !bylineish(i)
                && lines[p].words >= 4
                && cands.contains(&p)
                // "عاجل: ..." above the headline is a ticker.
                && !super::meta::is_interface_word(doc, lines[p].key.word(0))
                && prev(p).is_none_or(|q| {
                    lines[q].chrome.is_some() || lines[q].words < 4 || !cands.contains(&q)
                })
        });
        return match headline {
            Some(p) => (Some(p), Some(i)),
            None => (Some(i), None),
        };
    }
    // 4. The last headline-like line before the body, of four words or
    //    more if there is one: shorter ones are labels and names ("Situation
    //    Report", "Policy Analysis").
    let long = cands.iter().rev().find(|&&i| lines[i].words >= 4);
    (long.or(cands.last()).copied(), None)
}

/// The shape of a headline that recurs (the page title and the h1): four
/// words or more in its headline part. A section or site name recurs too
/// (a menu item and the label above the headline, "دير الزور 24" and
/// "دير الزور 24 - خاص"), but it is a name of two or three words.
fn recurs_as_headline(doc: &Doc<'_>, i: usize) -> bool {
    let l = &doc.lines[i];
    if l.words < 4 {
        return false;
    }
    if !l.titled {
        return true;
    }
    split_at_separator(doc.text(i)).is_none_or(|(head, _)| {
        head.split(|c| c.is_whitespace())
            .filter(|w| w.iter().any(|c| c.is_alphanumeric()))
            .count()
            >= 4
    })
}

/// Two to four words, no function word, verb or digit: a person's name.
pub(crate) fn is_name_like(l: &Info) -> bool {
    (2..=4).contains(&l.words)
        && l.chrome.is_none()
        && l.function_words == 0
        && l.verbs == 0
        && !l.key.text.bytes().any(|b| b.is_ascii_digit())
}

pub(crate) fn adjacent(lines: &[Info], i: usize, j: usize) -> bool {
    let (a, b) = (i.min(j), i.max(j));
    (a + 1..b).all(|k| lines[k].blank)
}

pub(crate) fn hash_of(chars: &[char]) -> u64 {
    super::features::line_hash(&text::Key::new(&text::fold(chars)).text)
}

/// Splits "headline - Site" at its last separator: (headline, site), both
/// trimmed, when both sides have words and the site side is short. Two
/// longer forms too: "headline | Section | Site" (the section goes with
/// the site) and "headline - Site: a tagline" (the site is the part
/// before the colon).
pub(crate) fn split_at_separator(chars: &[char]) -> Option<(&[char], &[char])> {
    let n = chars.len();
    let spaced = |k: usize| {
        is_separator(chars[k])
            && chars[k - 1].is_whitespace()
            && chars.get(k + 1).is_some_and(|c| c.is_whitespace())
    };
    let pos = (1..n.saturating_sub(1)).rev().find(|&k| spaced(k))?;
    // "Download Report (PDF | 1.21 MB)": a separator inside brackets
    // splits no site off.
    let open = chars[..pos].iter().filter(|&&c| c == '(').count();
    if open > chars[..pos].iter().filter(|&&c| c == ')').count() {
        return None;
    }
    let mut head = text::trim_chars(&chars[..pos]);
    let mut tail = text::trim_chars(&chars[pos + 1..]);
    let words = |s: &[char]| {
        s.split(|c| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .count()
    };
    let mut tw = words(tail);
    let hw = words(head);
    if hw < 3 {
        return None;
    }
    if !((1..=5).contains(&tw) && tail.len() <= 40) {
        // "Al-Monitor: Independent, trusted coverage of the Middle East".
        if tw > 15 {
            return None;
        }
        let colon = tail.iter().position(|&c| c == ':')?;
        let site = text::trim_chars(&tail[..colon]);
        let site_words = words(site);
        if !(1..=3).contains(&site_words) || site.len() > 25 || words(&tail[colon + 1..]) > 12 {
            return None;
        }
        tail = site;
        tw = site_words;
    } else if tw < hw && matches!(chars[pos], '|' | '｜') {
        // "headline | أخبار | الجزيرة نت": a short section before the site.
        if let Some(q) = (1..head.len().saturating_sub(1)).rev().find(|&k| {
            matches!(head[k], '|' | '｜')
                && head[k - 1].is_whitespace()
                && head[k + 1].is_whitespace()
        }) {
            let section = text::trim_chars(&head[q + 1..]);
            let rest = text::trim_chars(&head[..q]);
            if (1..=2).contains(&words(section)) && words(rest) >= 3.max(tw + 1) {
                head = rest;
                return Some((head, tail));
            }
        }
    }
    (tw < hw).then_some((head, tail))
}

/// Where `inner`, a subslice of `outer`, starts in it.
pub(crate) fn offset_in(outer: &[char], inner: &[char]) -> usize {
    (inner.as_ptr() as usize - outer.as_ptr() as usize) / std::mem::size_of::<char>()
}

/// The headline's site suffix, when there is evidence it is one: the
/// headline recurs without it, it is in the other script, it names an
/// outlet, it is the caller's site name, it stands alone on another line, it
/// follows a pipe, or it is name-shaped at the end of the page's first line.
pub(crate) fn site_suffix(
    doc: &Doc<'_>,
    t: usize,
    group: &[usize],
    index: &Index,
) -> Option<TitleSplit> {
    let chars = doc.text(t);
    let (head, tail) = split_at_separator(chars)?;
    let head_hash = hash_of(head);
    let tail_key = text::Key::new(&text::fold(tail));
    let tail_hash = super::features::line_hash(&tail_key.text);
    let script = |s: &[char]| {
        let ar = s.iter().filter(|&&c| text::is_arabic_letter(c)).count();
        let lat = s
            .iter()
            .filter(|c| c.is_alphabetic() && !text::is_arabic_letter(**c))
            .count();
        ar >= lat
    };
    // The page's first line is its <title> in a text dump, and there a
    // short capitalised or function-word-free tail is the site's name.
    let first_line = doc.lines.iter().position(|l| !l.blank) == Some(t);
    let name_shaped = tail_key.len() <= 4
        && if script(tail) {
            tail_key
                .iter()
                .all(|w| !doc.lex.words.function_ar.contains(w))
        } else {
            tail.split(|c| c.is_whitespace())
                .filter(|w| !w.is_empty())
                .all(|w| w[0].is_uppercase() || !w[0].is_alphabetic())
        };
    let evidence = doc.site_name == Some(tail_hash)
        || first_line && name_shaped
        || group.iter().any(|&j| doc.lines[j].hash == head_hash)
        || script(head) != script(tail)
        || tail_key.iter().any(|w| doc.lex.words.media.contains(w))
        || index.other_with(tail_hash, t)
        || chars[head.len()..offset_in(chars, tail)]
            .iter()
            .any(|&c| c == '|' || c == '｜');
    if !evidence {
        return None;
    }
    let tstart = doc.lines[t].tstart;
    let site_start = tstart + offset_in(chars, tail);
    Some(TitleSplit {
        title: (tstart, tstart + head.len()),
        site: (site_start, site_start + tail.len()),
    })
}

/// "Site | headline": a short site name before the first separator, when
/// it names an outlet, stands alone on another line, is in the other
/// script or is the caller's site name (a pipe alone is no evidence here:
/// "عاجل | ..." is a kicker, not a site).
pub(crate) fn site_prefix(doc: &Doc<'_>, t: usize, index: &Index) -> Option<TitleSplit> {
    let chars = doc.text(t);
    let pos = (1..chars.len().saturating_sub(1)).find(|&k| {
        is_separator(chars[k]) && chars[k - 1].is_whitespace() && chars[k + 1].is_whitespace()
    })?;
    let head = text::trim_chars(&chars[..pos]);
    let tail = text::trim_chars(&chars[pos + 1..]);
    let head_key = text::Key::new(&text::fold(head));
    let tail_words = tail
        .split(|c| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .count();
    if !(1..=4).contains(&head_key.len()) || head.len() > 30 || tail_words < 3 {
        return None;
    }
    let head_hash = super::features::line_hash(&head_key.text);
    let script = |s: &[char]| {
        s.iter().filter(|&&c| text::is_arabic_letter(c)).count()
            >= s.iter()
                .filter(|c| c.is_alphabetic() && !text::is_arabic_letter(**c))
                .count()
    };
    let evidence = doc.site_name == Some(head_hash)
        || head_key.iter().any(|w| doc.lex.words.media.contains(w))
        || script(head) != script(tail)
        || index.other_with(head_hash, t);
    if !evidence || doc.lex.lookup(&head_key, &text::fold(head), None).is_some() {
        return None;
    }
    let tstart = doc.lines[t].tstart;
    Some(TitleSplit {
        title: (tstart + chars.len() - tail.len(), tstart + chars.len()),
        site: (tstart, tstart + head.len()),
    })
}
