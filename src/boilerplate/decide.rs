//! From line features to labels: lists, the body, the headline.
//!
//! * **Lists.** A bare list header ("مقالات ذات صلة", "الوسوم", "Read
//!   more") takes the headline-like lines after it. The first one always
//!   (a single "اقرأ أيضاً" link), later ones unless a paragraph follows
//!   right after them, no further than the items are from each other (then
//!   the body has resumed and the line is its subheading).
//! * **Body.** Every line gets a score: paragraphs up (more for longer
//!   ones), short sentences a little up, headline-like lines a little down,
//!   chrome down, list headers further down, end-of-article markers (a
//!   comment form) a wall. The body is the contiguous run of lines with the
//!   highest total (Kadane): subheadings between paragraphs cost less than
//!   the paragraphs around them bring, so they stay, while chrome and
//!   headline lists at the edges stay out. Inside the body, chrome lines are
//!   still boilerplate.
//! * **Headline.** Among the headline-like lines before the body: one that
//!   recurs with or without a site suffix (the page title and the h1), else
//!   one with an evident site suffix, else the last one followed by a meta
//!   line (date, byline, source), else the last one before the body.

use super::features::{Doc, Info, Prose};
use super::lexicon::Role;
use super::text;
use super::{Kind, Label};
use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// The decision for a page.
#[derive(Debug, Default)]
pub(crate) struct Labels {
    /// (label, kind, reason) per line.
    pub(crate) lines: Vec<(Label, Kind, Cow<'static, str>)>,
    /// The headline's line.
    pub(crate) title: Option<usize>,
    /// The headline's own text and its site name, when its line carries
    /// both ("headline - Site", "Site | headline").
    pub(crate) split: Option<TitleSplit>,
    /// First and last line of the body.
    pub(crate) body: Option<(usize, usize)>,
}

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
fn is_separator(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '|' | '｜' | '·' | '»' | '~')
}

/// Decides every line of a page.
pub(crate) fn decide(doc: &Doc<'_>) -> Labels {
    let lines = &doc.lines;
    let n = lines.len();
    let dup_of = duplicates(lines);
    let consumed = lists(lines);
    // Hashes of "headline - Site" lines without their suffix, and the lines
    // that are one headline with and without a suffix (a page title and its
    // h1): those read as headlines even when they look like a sentence.
    let prefix: Vec<Option<u64>> = (0..n)
        .map(|i| {
            let l = &lines[i];
            if !l.titled {
                return None;
            }
            split_at_separator(doc.text(i)).map(|(head, _)| hash_of(head))
        })
        .collect();
    let twins = headline_twins(lines, &prefix);
    let author_again = author_repeats(doc);
    let body = best_body(lines, &dup_of, &consumed, &twins, &author_again);
    let first_body = body.map_or(n, |b| b.0);
    let index = Index::new(lines, &prefix);
    let title = choose_title(doc, first_body, &dup_of, &consumed, &prefix, &index);
    let group = title.map_or(vec![], |t| {
        same_headline(lines, &prefix, &index, t, usize::MAX)
    });
    let split = title
        .and_then(|t| site_suffix(doc, t, &group, &index).or_else(|| site_prefix(doc, t, &index)));

    let mut out = Vec::with_capacity(n);
    for (i, l) in lines.iter().enumerate() {
        let in_body = body.is_some_and(|(s, e)| (s..=e).contains(&i));
        out.push(label_line(
            doc,
            i,
            l,
            in_body,
            first_body,
            title,
            &group,
            &dup_of,
            &consumed,
            &author_again,
        ));
    }
    name_lines(doc, &mut out, title, split, first_body);
    Labels {
        lines: out,
        title,
        split,
        body,
    }
}

/// For each line, the earlier line it repeats (three words or more).
fn duplicates(lines: &[Info]) -> Vec<Option<usize>> {
    let mut first: FxHashMap<u64, usize> = FxHashMap::default();
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if l.blank || l.words < 3 {
                return None;
            }
            let f = *first.entry(l.hash).or_insert(i);
            (f != i).then_some(f)
        })
        .collect()
}

/// The lines taken by list headers: (header line, kind).
fn lists(lines: &[Info]) -> Vec<Option<(usize, Kind)>> {
    let mut out = vec![None; lines.len()];
    let next_nonblank = |from: usize| (from..lines.len()).find(|&j| !lines[j].blank);
    let mut i = 0;
    while i < lines.len() {
        let Some(c) = lines[i].chrome.as_ref() else {
            i += 1;
            continue;
        };
        // Only a bare header opens a list; "اقرأ أيضاً: <headline>" is an
        // item on its own.
        let bare = c.lead_words == 0 || lines[i].words == c.lead_words;
        if c.role != Role::List || !bare {
            i += 1;
            continue;
        }
        let mut taken = 0;
        // The widest run of blank lines between two items so far: a wider
        // gap before a paragraph sets the list apart from the body.
        let mut widest_gap = 0;
        let mut gap = 0;
        let mut j = i + 1;
        while j < lines.len() {
            let l = &lines[j];
            if l.blank {
                gap += 1;
                j += 1;
                continue;
            }
            if taken > 0 {
                widest_gap = widest_gap.max(gap);
            }
            gap = 0;
            if let Some(c2) = &l.chrome {
                if c2.role == Role::Line {
                    j += 1;
                    continue;
                }
                break; // another header or the end
            }
            if !l.headline_like() {
                break;
            }
            // An item right before a paragraph may be the body's subheading
            // (the body has resumed), unless a wider gap than between the
            // items separates it from that paragraph.
            let next = next_nonblank(j + 1);
            let next_is_paragraph = next.is_some_and(|k| lines[k].prose == Prose::Anchor);
            let gap_after = next.map_or(0, |k| k - j - 1);
            if taken > 0 && next_is_paragraph && gap_after <= widest_gap {
                break;
            }
            out[j] = Some((i, c.kind));
            taken += 1;
            j += 1;
        }
        i = j.max(i + 1);
    }
    out
}

/// The body: the contiguous run of lines with the best total score.
fn best_body(
    lines: &[Info],
    dup_of: &[Option<usize>],
    consumed: &[Option<(usize, Kind)>],
    twins: &[bool],
    author_again: &[bool],
) -> Option<(usize, usize)> {
    let score = |i: usize| -> i64 {
        let l = &lines[i];
        if l.blank {
            return 0;
        }
        if let Some(c) = &l.chrome {
            return match c.role {
                Role::End => -1000,
                Role::List => -6,
                Role::Line => -3,
            };
        }
        if author_again[i] {
            return -1000; // the author's name again: the bio, the end
        }
        if consumed[i].is_some() || dup_of[i].is_some() {
            return -3;
        }
        if twins[i] {
            return -1;
        }
        match l.prose {
            Prose::Anchor => 4 + l.words.min(60) as i64 / 3,
            Prose::Weak => 1,
            Prose::No => -1,
        }
    };
    let (mut best, mut best_span) = (0i64, None);
    let (mut run, mut run_start) = (0i64, 0usize);
    for i in 0..lines.len() {
        let s = score(i);
        if run <= 0 {
            if s <= 0 {
                continue;
            }
            run = 0;
            run_start = i;
        }
        run += s;
        if run > best {
            best = run;
            best_span = Some((run_start, i));
        }
    }
    // A body is at least one paragraph, or two short sentences.
    best_span.filter(|&(s, e)| {
        let anchors = (s..=e)
            .filter(|&i| lines[i].chrome.is_none() && lines[i].prose == Prose::Anchor)
            .count();
        anchors >= 1 || best >= 2
    })
}

fn is_candidate(l: &Info, consumed: bool) -> bool {
    l.headline_like()
        && !consumed
        && (l.words >= 3 || l.words == 2 && l.key.text.chars().count() >= 12)
}

/// The headline and the lines that repeat it.
/// Lines that repeat the name of a byline further down (an opinion piece
/// signed again above the author's bio): the article is over there.
fn author_repeats(doc: &Doc<'_>) -> Vec<bool> {
    let lines = &doc.lines;
    let mut names = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        // A few bylines are plenty (and keep a page of thousands linear).
        if names.len() >= 8 {
            break;
        }
        if let Some(c) = l.chrome.as_ref().filter(|c| c.kind == Kind::Byline) {
            let chars = doc.text(i);
            if let Some(off) = text::offset_after_words(chars, c.lead_words) {
                let name = text::Key::new(&text::fold(&chars[off..]));
                if (2..=4).contains(&name.len()) {
                    names.push((i, super::features::line_hash(&name.text)));
                }
            }
        }
    }
    lines
        .iter()
        .enumerate()
        .map(|(j, l)| l.chrome.is_none() && names.iter().any(|&(i, h)| j > i + 1 && l.hash == h))
        .collect()
}

/// Lines that are the same headline as another line, one of them with a
/// site suffix.
fn headline_twins(lines: &[Info], prefix: &[Option<u64>]) -> Vec<bool> {
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
    fn new(lines: &[Info], prefix: &[Option<u64>]) -> Index {
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
fn same_headline(
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

/// The headline.
fn choose_title(
    doc: &Doc<'_>,
    first_body: usize,
    dup_of: &[Option<usize>],
    consumed: &[Option<(usize, Kind)>],
    prefix: &[Option<u64>],
    index: &Index,
) -> Option<usize> {
    let lines = &doc.lines;
    let cands: Vec<usize> = (0..first_body)
        .filter(|&i| is_candidate(&lines[i], consumed[i].is_some()) || dup_of[i].is_some())
        .collect();
    // 1. The page title and the h1: the same headline twice, one of them
    //    with a site suffix, or repeated further down.
    for &i in &cands {
        if dup_of[i].is_none()
            && is_candidate(&lines[i], false)
            && !same_headline(lines, prefix, index, i, 1).is_empty()
        {
            return Some(i);
        }
    }
    let cands: Vec<usize> = cands.into_iter().filter(|&i| dup_of[i].is_none()).collect();
    // 2. A headline with a site suffix: the page's <title>.
    if let Some(&i) = cands
        .iter()
        .find(|&&i| site_suffix(doc, i, &[], index).is_some())
    {
        return Some(i);
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
    let next_line = |i: usize| (i + 1..lines.len()).find(|&j| !lines[j].blank);
    let meta_follows = |i: usize| match next_line(i) {
        Some(j) if is_meta(j) => true,
        Some(j) if is_name_like(&lines[j]) => next_line(j).is_some_and(is_meta),
        _ => false,
    };
    let followed: Vec<usize> = cands.iter().copied().filter(|&i| meta_follows(i)).collect();
    if let Some(&i) = followed
        .iter()
        .rev()
        .find(|&&i| !is_name_like(&lines[i]))
        .or(followed.last())
    {
        return Some(i);
    }
    // 4. The last headline-like line before the body.
    cands.last().copied()
}

/// Two to four words, no function word, verb or digit: a person's name.
pub(crate) fn is_name_like(l: &Info) -> bool {
    (2..=4).contains(&l.words)
        && l.chrome.is_none()
        && l.function_words == 0
        && l.verbs == 0
        && !l.key.text.bytes().any(|b| b.is_ascii_digit())
}

fn adjacent(lines: &[Info], i: usize, j: usize) -> bool {
    let (a, b) = (i.min(j), i.max(j));
    (a + 1..b).all(|k| lines[k].blank)
}

fn hash_of(chars: &[char]) -> u64 {
    super::features::line_hash(&text::Key::new(&text::fold(chars)).text)
}

/// Splits "headline - Site" at its last separator: (headline, site), both
/// trimmed, when both sides have words and the site side is short.
pub(crate) fn split_at_separator(chars: &[char]) -> Option<(&[char], &[char])> {
    let n = chars.len();
    let pos = (1..n.saturating_sub(1)).rev().find(|&k| {
        is_separator(chars[k])
            && chars[k - 1].is_whitespace()
            && chars.get(k + 1).is_some_and(|c| c.is_whitespace())
    })?;
    let head = text::trim_chars(&chars[..pos]);
    let tail = text::trim_chars(&chars[pos + 1..]);
    let words = |s: &[char]| {
        s.split(|c| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .count()
    };
    let (hw, tw) = (words(head), words(tail));
    (hw >= 3 && (1..=5).contains(&tw) && tail.len() <= 40 && tw < hw).then_some((head, tail))
}

/// The headline's site suffix, when there is evidence it is one: the
/// headline recurs without it, it is in the other script, it names an
/// outlet, it is the caller's site name, it stands alone on another line, it
/// follows a pipe, or it is name-shaped at the end of the page's first line.
fn site_suffix(doc: &Doc<'_>, t: usize, group: &[usize], index: &Index) -> Option<TitleSplit> {
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
        || chars[head.len()..chars.len() - tail.len()]
            .iter()
            .any(|&c| c == '|' || c == '｜');
    if !evidence {
        return None;
    }
    let tstart = doc.lines[t].tstart;
    Some(TitleSplit {
        title: (tstart, tstart + head.len()),
        site: (tstart + chars.len() - tail.len(), tstart + chars.len()),
    })
}

/// "Site | headline": a short site name before the first separator, when
/// it names an outlet, stands alone on another line, is in the other
/// script or is the caller's site name (a pipe alone is no evidence here:
/// "عاجل | ..." is a kicker, not a site).
fn site_prefix(doc: &Doc<'_>, t: usize, index: &Index) -> Option<TitleSplit> {
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
    if !evidence || doc.lex.lookup(&head_key, &text::fold(head)).is_some() {
        return None;
    }
    let tstart = doc.lines[t].tstart;
    Some(TitleSplit {
        title: (tstart + chars.len() - tail.len(), tstart + chars.len()),
        site: (tstart, tstart + head.len()),
    })
}

#[allow(clippy::too_many_arguments)]
fn label_line(
    doc: &Doc<'_>,
    i: usize,
    l: &Info,
    in_body: bool,
    first_body: usize,
    title: Option<usize>,
    group: &[usize],
    dup_of: &[Option<usize>],
    consumed: &[Option<(usize, Kind)>],
    author_again: &[bool],
) -> (Label, Kind, Cow<'static, str>) {
    if l.blank {
        return (
            Label::Blank,
            Kind::Blank,
            Cow::Borrowed("empty or whitespace only"),
        );
    }
    if title == Some(i) {
        return (Label::Title, Kind::Title, Cow::Borrowed("the headline"));
    }
    if let Some(c) = &l.chrome {
        return (Label::Boilerplate, c.kind, Cow::Owned(c.reason.clone()));
    }
    if author_again[i] {
        return (
            Label::Boilerplate,
            Kind::Byline,
            Cow::Borrowed("the author's name again, after the article"),
        );
    }
    if let Some((h, kind)) = consumed[i] {
        return (
            Label::Boilerplate,
            kind,
            Cow::Owned(format!("under the list header on line {}", h + 1)),
        );
    }
    if group.contains(&i) || dup_of[i].is_some_and(|d| Some(d) == title) {
        return (
            Label::Boilerplate,
            Kind::Duplicate,
            Cow::Borrowed("repeats the headline"),
        );
    }
    if let Some(d) = dup_of[i] {
        let what = if adjacent(&doc.lines, d, i) {
            "twice in a row (an image's alt text and caption)"
        } else {
            "a repeat"
        };
        let kind = if adjacent(&doc.lines, d, i) {
            Kind::Caption
        } else {
            Kind::Duplicate
        };
        return (
            Label::Boilerplate,
            kind,
            Cow::Owned(format!("{what} of line {}", d + 1)),
        );
    }
    // The first of two identical lines in a row is a caption as well.
    let twin = (i + 1..doc.lines.len())
        .find(|&j| !doc.lines[j].blank)
        .is_some_and(|j| dup_of[j] == Some(i));
    if twin && l.prose < Prose::Anchor {
        return (
            Label::Boilerplate,
            Kind::Caption,
            Cow::Borrowed("twice in a row (an image's alt text and caption)"),
        );
    }
    if in_body {
        return if l.prose > Prose::No || l.end_mark == super::features::End::Period || l.words > 30
        {
            (
                Label::Content,
                Kind::Paragraph,
                Cow::Borrowed("prose in the article body"),
            )
        } else {
            (
                Label::Content,
                Kind::Subheading,
                Cow::Borrowed("a short line inside the article body"),
            )
        };
    }
    if i < first_body {
        (
            Label::Boilerplate,
            Kind::Header,
            Cow::Borrowed("before the article body"),
        )
    } else {
        (
            Label::Boilerplate,
            Kind::Footer,
            Cow::Borrowed("after the article body"),
        )
    }
}

/// Names the short name lines around the headline: the site's name before
/// it (or equal to its suffix), a credited outlet after it.
fn name_lines(
    doc: &Doc<'_>,
    out: &mut [(Label, Kind, Cow<'static, str>)],
    title: Option<usize>,
    split: Option<TitleSplit>,
    first_body: usize,
) {
    let suffix_hash = split.map(|sp| hash_of(&doc.chars[sp.site.0..sp.site.1]));
    let neighbour_is_date = |i: usize| {
        let prev = (0..i).rev().find(|&j| !doc.lines[j].blank);
        let next = (i + 1..doc.lines.len()).find(|&j| !doc.lines[j].blank);
        [prev, next].into_iter().flatten().any(|j| {
            doc.lines[j]
                .chrome
                .as_ref()
                .is_some_and(|c| c.kind == Kind::Date)
        })
    };
    for (i, l) in doc.lines.iter().enumerate() {
        if i >= first_body || l.blank || !matches!(out[i].1, Kind::Header | Kind::Ui) || l.words > 4
        {
            continue;
        }
        if suffix_hash == Some(l.hash) {
            out[i] = (
                Label::Boilerplate,
                Kind::SiteName,
                Cow::Borrowed("the site name of the headline's suffix"),
            );
            continue;
        }
        let outlet = l.key.iter().any(|w| doc.lex.words.media.contains(w));
        // "ريم الأحمد" between the headline and the date: a name without
        // a "by", as many templates print it.
        if !outlet && is_name_like(l) && title.is_some_and(|t| i > t) && neighbour_is_date(i) {
            out[i] = (
                Label::Boilerplate,
                Kind::Byline,
                Cow::Borrowed("a name next to the date, under the headline"),
            );
            continue;
        }
        if !outlet || l.prose > Prose::No {
            continue;
        }
        out[i] = match title {
            Some(t) if i > t => (
                Label::Boilerplate,
                Kind::Source,
                Cow::Borrowed("an outlet's name under the headline"),
            ),
            _ => (
                Label::Boilerplate,
                Kind::SiteName,
                Cow::Borrowed("an outlet's name above the headline"),
            ),
        };
    }
}
