//! Metadata from the labelled lines.
//!
//! Only chrome lines speak: the headline, date lines, bylines, source
//! lines, datelines, name lines. A year in body prose ("في كانون الثاني
//! 2022") is never the publication date; that is exactly the mistake that
//! makes htmldate return 2022-01-01 for a 2023 article (research notes).
//! Header lines are preferred to footer lines, and footer lines to meta
//! lines inside the body.

use super::decide::Labels;
use super::features::{Doc, End};
use super::text;
use super::{Kind, Label, Meta, Options};

/// Extracts the metadata of a decided page.
pub(crate) fn extract(doc: &Doc<'_>, labels: &Labels, options: &Options) -> Meta {
    let mut meta = Meta::default();
    let n = doc.lines.len();
    let first_body = labels.body.map_or(n, |b| b.0);
    // Header lines first, then footer, then the rest.
    let order: Vec<usize> = {
        let last_body = labels.body.map_or(n, |b| b.1);
        let mut v: Vec<usize> = (0..first_body).collect();
        v.extend(last_body + 1..n);
        v.extend(first_body..(last_body + 1).min(n));
        v
    };

    if let Some(t) = labels.title {
        let chars = doc.text(t);
        meta.title = Some(match labels.split {
            Some(sp) => text::trim_chars(&doc.chars[sp.title.0..sp.title.1])
                .iter()
                .collect(),
            None => chars.iter().collect(),
        });
        if let Some(sp) = labels.split {
            meta.site = Some(doc.chars[sp.site.0..sp.site.1].iter().collect());
        }
    }
    for &i in &order {
        let (label, kind, _) = &labels.lines[i];
        if *label != Label::Boilerplate {
            continue;
        }
        let l = &doc.lines[i];
        match kind {
            Kind::SiteName if meta.site.is_none() => meta.site = Some(doc.string(i)),
            Kind::Byline if meta.author.is_none() => meta.author = value(doc, i),
            Kind::Source if meta.source.is_none() => meta.source = value(doc, i),
            Kind::Dateline if meta.dateline.is_none() => {
                let lead = l.chrome.as_ref().map_or(0, |c| c.lead_words);
                let chars = doc.text(i);
                let end = text::offset_after_words(chars, lead).unwrap_or(chars.len());
                let place: String = text::trim_punct(&chars[..end]).iter().collect();
                meta.dateline = (!place.is_empty()).then_some(place);
            }
            _ => {}
        }
        if let Some(d) = l.date {
            if let Some(v) = d.value {
                if d.updated && meta.updated.is_none() {
                    meta.updated = Some(v.to_string());
                } else if !d.updated && meta.date.is_none() {
                    meta.date = Some(v.to_string());
                }
            }
            if let Some(u) = d.update.filter(|_| meta.updated.is_none()) {
                meta.updated = Some(u.to_string());
            }
        }
    }
    if meta.date.is_none() {
        meta.date = meta.updated.clone();
    }
    if meta.dateline.is_none() {
        meta.dateline = paragraph_dateline(doc, labels);
    }
    if meta.site.is_none() {
        meta.site = options.site_name.clone();
    }
    meta
}

/// The value after a marker ("المصدر: رصد" → "رصد", "by admindiaa" →
/// "admindiaa"); a date after the value is cut off.
fn value(doc: &Doc<'_>, i: usize) -> Option<String> {
    let l = &doc.lines[i];
    let lead = l.chrome.as_ref().map_or(0, |c| c.lead_words);
    let chars = doc.text(i);
    let start = text::offset_after_words(chars, lead)?;
    let mut rest = text::trim_punct(&chars[start..]);
    if l.date.is_some() {
        // The name ends at a separator, a digit or a weekday name.
        let mut cut = rest
            .iter()
            .position(|&c| matches!(c, '|' | '-' | '–' | '—' | '،' | ',' | '/') || c.is_numeric());
        let mut k = 0;
        while k < rest.len() {
            if !text::is_original_word_char(rest[k]) {
                k += 1;
                continue;
            }
            let start = k;
            while k < rest.len() && text::is_original_word_char(rest[k]) {
                k += 1;
            }
            let w = text::Key::new(&text::fold(&rest[start..k]));
            if w.len() == 1 && doc.lex.words.weekday.contains(w.word(0)) {
                cut = Some(cut.map_or(start, |c| c.min(start)));
                break;
            }
        }
        if let Some(cut) = cut {
            rest = text::trim_punct(&rest[..cut]);
        }
    }
    (!rest.is_empty()).then(|| rest.iter().collect())
}

/// "دير الزور – خاص: قال ..." or "BEIRUT (Reuters) - ...": the dateline
/// at the start of the first paragraph.
fn paragraph_dateline(doc: &Doc<'_>, labels: &Labels) -> Option<String> {
    let i = labels.lines.iter().position(|l| l.0 == Label::Content)?;
    let l = &doc.lines[i];
    if l.end_mark == End::Colon || l.words < 5 {
        return None;
    }
    // The tag stands right after the separator ("دير الزور – خاص:") or
    // right before it ("بيروت (رويترز) -").
    let sep = l.key.sep_at?;
    let place = (1..=3).find(|&k| {
        k < l.words && (sep == k || sep == k + 1) && doc.lex.words.dateline.contains(l.key.word(k))
    })?;
    let chars = doc.text(i);
    let mut end = text::offset_after_words(chars, place)?;
    // "BEIRUT, Jan 24 (Reuters)": the place ends at the first comma.
    if let Some(comma) = chars[..end].iter().position(|&c| c == ',' || c == '،') {
        end = comma;
    }
    let p: String = text::trim_punct(&chars[..end]).iter().collect();
    (!p.is_empty()).then_some(p)
}
