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

use super::features::{Doc, Info, Prose, next_nonblank, prev_nonblank};
use super::headline::{
    Index, TitleSplit, adjacent, choose_title, hash_of, headline_twins, is_name_like,
    same_headline, site_prefix, site_suffix, split_at_separator,
};
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
    /// A section page of teasers: no article, no headline, no date.
    pub(crate) listing: bool,
}

/// Decides every line of a page.
pub(crate) fn decide(doc: &Doc<'_>) -> Labels {
    let lines = &doc.lines;
    let n = lines.len();
    let dup_of = duplicates(lines);
    let (consumed, list_chrome) = lists(lines);
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
    let body = best_body(
        lines,
        &dup_of,
        &consumed,
        &list_chrome,
        &twins,
        &author_again,
    );
    // A section page: every teaser ends with the same "read more" link, so
    // the "body" is only the first teaser. Such a page has no article.
    let listing = body.is_some_and(|(_, e)| teaser_before_read_more(lines, e));
    let body = if listing { None } else { body };
    let first_body = body.map_or(n, |b| b.0);
    let index = Index::new(lines, &prefix);
    let (title, subtitle) = if listing {
        (None, None)
    } else {
        choose_title(doc, first_body, &dup_of, &consumed, &prefix, &index)
    };
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
    if let Some(d) = subtitle {
        out[d] = (
            Label::Content,
            Kind::Subheading,
            Cow::Borrowed("the subtitle under the headline"),
        );
    }
    name_lines(doc, &mut out, title, &group, split, first_body);
    standfirst(doc, &mut out, title, &group, first_body);
    signature(doc, &mut out, body);
    Labels {
        lines: out,
        title,
        split,
        body,
        listing,
    }
}

/// The line after the body is a list header ("اقرأ المزيد »", "Read
/// more") that recurs at least twice more on the page: a section page's
/// teaser link, not the end of an article.
fn teaser_before_read_more(lines: &[Info], last: usize) -> bool {
    let Some(j) = next_nonblank(lines, last + 1) else {
        return false;
    };
    let l = &lines[j];
    let header = l
        .chrome
        .as_ref()
        .is_some_and(|c| c.kind == Kind::Related && c.role == Role::List);
    header
        && lines[j + 1..]
            .iter()
            .filter(|m| m.hash == l.hash)
            .take(2)
            .count()
            == 2
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

/// The lines taken by list headers: (header line, kind); and the chrome
/// lines between a header and its last item (numbering, dates), which cost
/// the body nothing beyond the list's own cost.
fn lists(lines: &[Info]) -> (Vec<Option<(usize, Kind)>>, Vec<bool>) {
    let mut out = vec![None; lines.len()];
    let mut inside = vec![false; lines.len()];
    let mut chrome_in_list: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(c) = lines[i].chrome.as_ref() else {
            i += 1;
            continue;
        };
        // Only a bare header opens a list; "اقرأ أيضاً: <headline>" is an
        // item on its own.
        let bare = c.lead_words == 0 || lines[i].words == c.lead_words;
        if c.role != Role::List || !bare || in_cookie_banner(lines, i) {
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
                    // The list's own chrome ("list 1 of 4", a date under an
                    // item): part of the list if an item follows.
                    chrome_in_list.push(j);
                    j += 1;
                    continue;
                }
                break; // another header or the end
            }
            if !l.headline_like() && !long_headline(l) {
                break;
            }
            // An item right before a paragraph may be the body's subheading
            // (the body has resumed), unless a wider gap than between the
            // items separates it from that paragraph.
            let next = next_nonblank(lines, j + 1);
            let next_is_paragraph =
                next.is_some_and(|k| lines[k].prose == Prose::Anchor && !long_headline(&lines[k]));
            let gap_after = next.map_or(0, |k| k - j - 1);
            if taken > 0 && next_is_paragraph && gap_after <= widest_gap {
                break;
            }
            out[j] = Some((i, c.kind));
            for k in chrome_in_list.drain(..) {
                inside[k] = true;
            }
            taken += 1;
            j += 1;
        }
        chrome_in_list.clear();
        i = j.max(i + 1);
    }
    (out, inside)
}

/// A related headline of 18 words or more reads as a paragraph by its
/// length alone; under a list header, a line without a comma or a final
/// punctuation mark, of at most 24 words, is still an item.
fn long_headline(l: &Info) -> bool {
    l.prose == Prose::Anchor
        && l.chrome.is_none()
        && l.commas == 0
        && l.words <= 24
        && l.end_mark == super::features::End::Other
}

/// A "Read more" / "اقرأ المزيد" link of a cookie banner: the notice is on
/// one of the two lines before it (its "accept" button may sit between).
fn in_cookie_banner(lines: &[Info], i: usize) -> bool {
    (0..i).rev().filter(|&j| !lines[j].blank).take(2).any(|j| {
        lines[j]
            .chrome
            .as_ref()
            .is_some_and(|c| c.kind == Kind::Cookie)
    })
}

/// The body: the contiguous run of lines with the best total score.
fn best_body(
    lines: &[Info],
    dup_of: &[Option<usize>],
    consumed: &[Option<(usize, Kind)>],
    list_chrome: &[bool],
    twins: &[bool],
    author_again: &[bool],
) -> Option<(usize, usize)> {
    let score = |i: usize| -> i64 {
        let l = &lines[i];
        if l.blank || list_chrome[i] {
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
        return (Label::Boilerplate, c.kind, c.reason.clone());
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
    let twin = next_nonblank(&doc.lines, i + 1).is_some_and(|j| dup_of[j] == Some(i));
    if twin && l.prose < Prose::Anchor {
        return (
            Label::Boilerplate,
            Kind::Caption,
            Cow::Borrowed("twice in a row (an image's alt text and caption)"),
        );
    }
    // "Sami Khalil" between a standfirst and the date: a bare byline,
    // not a subheading.
    if in_body && is_name_like(l) && l.prose == Prose::No && next_to_date(doc, i) {
        return (
            Label::Boilerplate,
            Kind::Byline,
            Cow::Borrowed("a name next to the date"),
        );
    }
    // "نساء يملأن عبوات ... بمدينة الحسكة – نورث برس" between paragraphs:
    // a photo credited to an outlet after a dash (the headline, which has
    // the same shape, was chosen before the body).
    if in_body && l.titled && l.prose < Prose::Anchor && credited_to_outlet(doc, i) {
        return (
            Label::Boilerplate,
            Kind::Caption,
            Cow::Borrowed("ends with an outlet's name after a dash, inside the body"),
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

/// The line before or after line `i` (blank lines skipped) is a date line.
fn next_to_date(doc: &Doc<'_>, i: usize) -> bool {
    let prev = prev_nonblank(&doc.lines, i);
    let next = next_nonblank(&doc.lines, i + 1);
    [prev, next].into_iter().flatten().any(|j| {
        doc.lines[j]
            .chrome
            .as_ref()
            .is_some_and(|c| c.kind == Kind::Date)
    })
}

/// Names the short name lines around the headline: the site's name before
/// it (or equal to its suffix), a credited outlet after it.
fn name_lines(
    doc: &Doc<'_>,
    out: &mut [(Label, Kind, Cow<'static, str>)],
    title: Option<usize>,
    group: &[usize],
    split: Option<TitleSplit>,
    first_body: usize,
) {
    let suffix_hash = split.map(|sp| hash_of(&doc.chars[sp.site.0..sp.site.1]));
    let neighbour_is_date = |i: usize| next_to_date(doc, i);
    // Under the headline means under its last repeat: between the page's
    // <title> and the h1 lie the masthead and the menu.
    let below = title.map(|t| {
        group
            .iter()
            .copied()
            .filter(|&g| g < first_body)
            .fold(t, usize::max)
    });
    // "المدن - عرب وعالم": a site and a section, not a person.
    let spaced_separator = |i: usize| {
        doc.text(i)
            .windows(3)
            .any(|w| w[0] == ' ' && super::headline::is_separator(w[1]) && w[2] == ' ')
    };
    for (i, l) in doc.lines.iter().enumerate() {
        if i >= first_body || l.blank || !matches!(out[i].1, Kind::Header | Kind::Ui) || l.words > 7
        {
            continue;
        }
        // "القامشلي (شمال شرقي سوريا): كمال الحسين", "قامشلو- دلال سيدو",
        // "ريم العلي – الحسكة" next to the date: a place and a name, the
        // place not a line of its own elsewhere (a site name, "المدن -
        // عرب وعالم") nor an interface word.
        if title.is_some_and(|t| i > t) && neighbour_is_date(i) && l.function_words == 0 {
            if let Some((place, name, false)) = super::meta::place_and_name(doc, i) {
                let h = hash_of(&place.chars().collect::<Vec<char>>());
                let standalone = doc.lines.iter().any(|m| m.hash == h);
                let interface = place
                    .split_whitespace()
                    .chain(name.split_whitespace())
                    .any(|w| super::meta::is_interface_word(doc, &text::Key::of_phrase(w).text));
                let outlet = l.key.iter().any(|w| doc.lex.words.media.contains(w));
                if !standalone && !interface && !outlet {
                    out[i] = (
                        Label::Boilerplate,
                        Kind::Byline,
                        Cow::Borrowed("a place and a name next to the date, under the headline"),
                    );
                    continue;
                }
            }
        }
        if l.words > 4 {
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
        // An outlet: a media word ("نيوز", "News"), or a news agency's name
        // alone ("AFP", "Reuters": a word both a photo credit and a
        // dateline tag).
        let w = &doc.lex.words;
        let outlet = l.key.iter().any(|k| w.media.contains(k))
            || l.words <= 2
                && l.key
                    .iter()
                    .all(|k| w.credit.contains(k) && w.dateline.contains(k));
        // "ريم الأحمد" between the headline and the date: a name without
        // a "by", as many templates print it.
        if !outlet
            && is_name_like(l)
            && title.is_some_and(|t| i > t)
            && neighbour_is_date(i)
            && !spaced_separator(i)
        {
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
            Some(t) if i > t && below.is_some_and(|b| i < b) => continue,
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

/// "لؤي العبد الله" on its own line right after the last paragraph, then
/// page chrome (a follow prompt, tags): the author's signature, as agencies
/// sign a dispatch. Only on a dispatch (a dateline line before the body)
/// without another byline, and only when chrome follows (a tag list
/// without its header would have more names).
fn signature(
    doc: &Doc<'_>,
    out: &mut [(Label, Kind, Cow<'static, str>)],
    body: Option<(usize, usize)>,
) {
    let Some((_, last)) = body else {
        return;
    };
    if out.iter().any(|o| o.1 == Kind::Byline) {
        return;
    }
    // A dispatch: the page has a dateline line ("دير الزور-سانا") before
    // the body. Elsewhere a short line after the article is as likely a
    // category as a name.
    let first_body = body.map_or(0, |b| b.0);
    if !out[..first_body].iter().any(|o| o.1 == Kind::Dateline) {
        return;
    }
    let lines = &doc.lines;
    let Some(j) = next_nonblank(lines, last + 1) else {
        return;
    };
    let chrome_after = next_nonblank(lines, j + 1).is_some_and(|k| lines[k].chrome.is_some());
    // Letters and spaces only: "#دير_الزور #البصيرة" is a hashtag row.
    let plain = doc
        .text(j)
        .iter()
        .all(|&c| c.is_alphabetic() || c.is_whitespace() || matches!(c, '.' | '-' | '\''))
        && !glued(doc.text(j));
    if out[j].1 == Kind::Footer
        && plain
        && is_name_like(&lines[j])
        && !lines[j]
            .key
            .iter()
            .any(|w| super::meta::is_interface_word(doc, w))
        && chrome_after
        && !lines[j].key.iter().any(|w| doc.lex.words.media.contains(w))
    {
        out[j] = (
            Label::Boilerplate,
            Kind::Byline,
            Cow::Borrowed("a name alone right after the article: its signature"),
        );
    }
}

/// A sentence right under the headline (its last repeat before the body),
/// with the article's meta lines (byline, date, dateline) still to come
/// before the body: the standfirst, content.
fn standfirst(
    doc: &Doc<'_>,
    out: &mut [(Label, Kind, Cow<'static, str>)],
    title: Option<usize>,
    group: &[usize],
    first_body: usize,
) {
    let Some(t) = title else {
        return;
    };
    let below = group
        .iter()
        .copied()
        .filter(|&g| g < first_body)
        .fold(t, usize::max);
    let lines = &doc.lines;
    let Some(j) = next_nonblank(lines, below + 1).filter(|&j| j < first_body) else {
        return;
    };
    let l = &lines[j];
    let meta_after = (j + 1..first_body).any(|k| {
        lines[k].chrome.as_ref().is_some_and(|c| {
            matches!(
                c.kind,
                Kind::Date | Kind::Byline | Kind::Dateline | Kind::Source
            )
        })
    });
    // A caption under the headline ends with its credit in brackets.
    let credited = doc.text(j).last() == Some(&')');
    if out[j].1 == Kind::Header
        && l.chrome.is_none()
        && l.words >= 8
        && l.function_words + l.verbs >= 1
        && !credited
        && meta_after
    {
        out[j] = (
            Label::Content,
            Kind::Subheading,
            Cow::Borrowed("the standfirst under the headline, above its meta lines"),
        );
    }
}

/// Arabic words glued together, as a tag row loses its spaces
/// ("سورياالكوليراالأمم المتحدة", "الذاتيةنهر"): a ة or ى inside a word,
/// or an alef before the article "ال" inside a word.
fn glued(chars: &[char]) -> bool {
    chars.split(|c| c.is_whitespace()).any(|w| {
        let n = w.len();
        w.iter()
            .enumerate()
            .any(|(k, &c)| matches!(c, 'ة' | 'ى') && k + 1 < n && w[k + 1].is_alphabetic())
            || w.windows(3)
                .skip(1)
                .any(|t| t[0] == 'ا' && t[1] == 'ا' && t[2] == 'ل')
    })
}

/// The part after the line's last separator names an outlet or a photo
/// agency ("– نورث برس", "- AFP").
fn credited_to_outlet(doc: &Doc<'_>, i: usize) -> bool {
    split_at_separator(doc.text(i)).is_some_and(|(_, tail)| {
        let key = text::Key::new(&text::fold(tail));
        (1..=3).contains(&key.len())
            && key
                .iter()
                .any(|w| doc.lex.words.media.contains(w) || doc.lex.words.credit.contains(w))
    })
}
