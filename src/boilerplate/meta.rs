//! Metadata from the labelled lines.
//!
//! Only chrome lines speak: the headline, date lines, bylines, source
//! lines, datelines, name lines. A year in body prose ("في كانون الثاني
//! 2022") is never the publication date; that is exactly the mistake that
//! makes htmldate return 2022-01-01 for a 2023 article (research notes).
//! Header lines are preferred to footer lines, and footer lines to meta
//! lines inside the body.

use super::decide::Labels;
use super::features::{Doc, End, next_nonblank, prev_nonblank};
use super::lexicon::{FUNCTION, VERB};
use super::text;
use super::{Kind, Label, Meta, Options};

/// Extracts the metadata of a decided page.
pub(crate) fn extract(doc: &Doc<'_>, labels: &Labels, options: &Options) -> Meta {
    let mut meta = Meta::default();
    let n = doc.lines.len();
    if labels.listing {
        // A section page: its dates and names are its teasers'.
        meta.site = doc
            .lines
            .iter()
            .zip(&labels.lines)
            .position(|(_, o)| o.1 == Kind::SiteName)
            .map(|i| doc.string(i))
            .or_else(|| options.site_name.clone());
        return meta;
    }
    let first_body = labels.body.map_or(n, |b| b.0);
    // Header lines first, those under the headline before those above it
    // (a date bar with today's date tops many templates; the article's own
    // date, byline and dateline sit under its headline), then footer, then
    // the rest.
    let order: Vec<usize> = {
        let last_body = labels.body.map_or(n, |b| b.1);
        let t = labels.title.filter(|&t| t < first_body).unwrap_or(0);
        let mut v: Vec<usize> = (t..first_body).collect();
        v.extend(0..t);
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
    let mut original: Option<String> = None;
    let mut guessed_source: Option<String> = None;
    for &i in &order {
        let (label, kind, _) = &labels.lines[i];
        if *label != Label::Boilerplate {
            continue;
        }
        let l = &doc.lines[i];
        match kind {
            Kind::SiteName if meta.site.is_none() => meta.site = Some(doc.string(i)),
            Kind::Byline if meta.author.is_none() => {
                // "دير الزور/ روناهي حسن", "القامشلي (سوريا): كمال شيخو": a
                // place, then the name.
                match place_and_name(doc, i) {
                    Some((place, name, quoted)) => {
                        // "بيروت: «الشرق الأوسط»": a quoted name is the
                        // outlet's, not a person's.
                        if !quoted {
                            meta.author = Some(name);
                        } else if meta.source.is_none() {
                            meta.source = Some(name);
                        }
                        if meta.dateline.is_none() {
                            meta.dateline = Some(place);
                        }
                    }
                    None => {
                        meta.author =
                            value(doc, i).map(|v| without_role(doc, without_byline_word(doc, v)))
                    }
                }
            }
            // An outlet's name under the headline is a guess; a "Source"
            // label's value wins over it.
            // "أحمد زكريا |22.08.2023 - محدث : 22.08.2023": the name before
            // the date on a date line in the header.
            Kind::Date if meta.author.is_none() && i < first_body => {
                meta.author = name_before_date(doc, i);
            }
            Kind::Source if l.chrome.is_none() && guessed_source.is_none() => {
                guessed_source = value(doc, i);
            }
            Kind::Source if l.chrome.is_none() => {}
            Kind::Source if meta.source.is_none() => {
                meta.source = value(doc, i).or_else(|| value_below(doc, labels, i))
            }
            Kind::Dateline if meta.dateline.is_none() => {
                let lead = l.chrome.as_ref().map_or(0, |c| c.lead_words);
                let chars = doc.text(i);
                let reversed = l
                    .chrome
                    .as_ref()
                    .is_some_and(|c| c.reason == super::features::OUTLET_THEN_PLACE);
                let place = if reversed {
                    let dash = chars.iter().rposition(|&c| matches!(c, '-' | '–' | '—'));
                    text::trim_punct(&chars[dash.map_or(0, |d| d + 1)..])
                } else {
                    let end = text::offset_after_words(chars, lead).unwrap_or(chars.len());
                    text::trim_punct(&chars[..end])
                };
                let place: String = place.iter().collect();
                meta.dateline = (!place.is_empty()).then_some(place);
            }
            _ => {}
        }
        if let Some(d) = l.date {
            if let Some(v) = d.value {
                if original.is_none() && !d.updated && is_original(doc, i) {
                    original = Some(v.to_string());
                }
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
    if meta.source.is_none() {
        meta.source = guessed_source;
    }
    if original.is_some() {
        meta.date = original;
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

/// "Source" alone on its line, the value on the next ("OCHA"): a short
/// line that is no chrome.
fn value_below(doc: &Doc<'_>, labels: &Labels, i: usize) -> Option<String> {
    let l = &doc.lines[i];
    if l.chrome.as_ref().is_none_or(|c| c.lead_words != l.words) {
        return None;
    }
    let j = next_nonblank(&doc.lines, i + 1)?;
    let next = &doc.lines[j];
    (next.chrome.is_none()
        && labels.lines[j].0 == Label::Boilerplate
        && (1..=4).contains(&next.words)
        && next.function_words == 0
        && next.verbs == 0)
        .then(|| doc.string(j))
}

/// The date on line `i` is marked as the original publication date, on
/// its line or on the line above ("Originally published" / "13 Feb 2024").
fn is_original(doc: &Doc<'_>, i: usize) -> bool {
    let marked = |j: usize| {
        let l = &doc.lines[j];
        l.words <= 16 && l.key.iter().any(|w| doc.lex.words.original.contains(w))
    };
    marked(i) || prev_nonblank(&doc.lines, i).is_some_and(marked)
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

fn word_count(chars: &[char]) -> usize {
    chars
        .split(|c| c.is_whitespace())
        .filter(|w| w.iter().any(|c| c.is_alphanumeric()))
        .count()
}

/// A bare byline (no marker word) of a place of one to three words, "/" or
/// ":", and a name of two to four: (place, name, whether the name is
/// quoted). A bracket after the place (the country) is left out.
pub(crate) fn place_and_name(doc: &Doc<'_>, i: usize) -> Option<(String, String, bool)> {
    let l = &doc.lines[i];
    if l.chrome.as_ref().is_some_and(|c| c.lead_words > 0) || l.date.is_some() {
        return None;
    }
    let chars = doc.text(i);
    let slash = chars.iter().position(|&c| c == '/' || c == ':');
    // "قامشلو- دلال سيدو", "ريم العلي – الحسكة": a dash, either order;
    // a place of one word beside a name of two or more tells which is
    // which, else the place comes first.
    let dash = || {
        chars
            .iter()
            .position(|&c| matches!(c, '-' | '–' | '—'))
            .filter(|&d| d > 0 && (chars[d - 1] == ' ' || chars.get(d + 1) == Some(&' ')))
    };
    let (k, dashed) = match slash {
        Some(k) => (k, false),
        None => (dash()?, true),
    };
    let mut place = &chars[..k];
    if let Some(b) = place.iter().position(|&c| c == '(') {
        place = &place[..b];
    }
    let mut place = text::trim_punct(place);
    let raw = text::trim_chars(&chars[k + 1..]);
    let quoted = raw.first().is_some_and(|c| matches!(c, '«' | '"' | '“'));
    let mut name = text::trim_punct(raw);
    if dashed && word_count(name) == 1 && (2..=4).contains(&word_count(place)) {
        std::mem::swap(&mut place, &mut name);
    }
    let digits = |s: &[char]| s.iter().any(|c| c.is_numeric());
    ((1..=3).contains(&word_count(place))
        && (2..=4).contains(&word_count(name))
        && !(dashed && (digits(place) || digits(name))))
    .then(|| (place.iter().collect(), name.iter().collect(), quoted))
}

/// The two to four words before a pipe that opens a date line, when they
/// are a name: no digit, function word, verb, weekday or date word.
fn name_before_date(doc: &Doc<'_>, i: usize) -> Option<String> {
    if doc.lines[i].date.is_none_or(|d| d.others < 2) {
        return None;
    }
    let chars = doc.text(i);
    let bar = chars.iter().position(|&c| c == '|')?;
    let name = text::trim_punct(&chars[..bar]);
    let key = text::Key::new(&text::fold(name));
    let w = &doc.lex.words;
    let plain = key.iter().all(|k| {
        doc.lex.word_bits(k) & (FUNCTION | VERB) == 0
            && !w.function_en.contains(k)
            && !w.weekday.contains(k)
            && !w.date_filler.contains(k)
            && !w.media.contains(k)
            && !k.bytes().any(|b| b.is_ascii_digit())
    });
    ((2..=4).contains(&key.len()) && plain).then(|| name.iter().collect())
}

/// "كتبت هبة سعيد" without its byline word ("wrote", in the feminine),
/// when a bare name line carries one: the name is the two to four words
/// after it.
fn without_byline_word(doc: &Doc<'_>, value: String) -> String {
    let chars: Vec<char> = value.chars().collect();
    let Some(sp) = chars.iter().position(|c| c.is_whitespace()) else {
        return value;
    };
    let first = text::Key::new(&text::fold(&chars[..sp]));
    let rest = text::trim_chars(&chars[sp..]);
    if first.len() == 1
        && doc.lex.byline_first_words.contains(first.word(0))
        && (2..=4).contains(&word_count(rest))
    {
        return rest.iter().collect();
    }
    value
}

/// An author's name without a job title after it: "عبدالحليم سليمان
/// مراسل" → "عبدالحليم سليمان", "Hana Ibrahim, Field Coordinator" →
/// "Hana Ibrahim" (the `role` words of words.tsv).
fn without_role(doc: &Doc<'_>, value: String) -> String {
    let chars: Vec<char> = value.chars().collect();
    let is_role = |w: &[char]| {
        let k = text::Key::new(&text::fold(w));
        k.len() == 1 && doc.lex.words.role.contains(k.word(0))
    };
    // After a comma: the part from the comma on, if it has a role word.
    if let Some(c) = chars.iter().position(|&c| c == ',' || c == '،') {
        let rest = &chars[c + 1..];
        if word_count(&chars[..c]) >= 2 && rest.split(|c| c.is_whitespace()).any(is_role) {
            return text::trim_punct(&chars[..c]).iter().collect();
        }
    }
    // Role words at the end, while two words of the name stay.
    let mut end = chars.len();
    loop {
        let head = text::trim_chars(&chars[..end]);
        let Some(sp) = head.iter().rposition(|c| c.is_whitespace()) else {
            break;
        };
        if word_count(&head[..sp]) < 2 || !is_role(&head[sp + 1..]) {
            break;
        }
        end = sp;
    }
    text::trim_punct(&chars[..end]).iter().collect()
}

/// "دير الزور – خاص: قال ..." or "BEIRUT (Reuters) - ...": the dateline
/// at the start of the first paragraph.
fn paragraph_dateline(doc: &Doc<'_>, labels: &Labels) -> Option<String> {
    let (first_body, _) = labels.body?;
    let i = (first_body..labels.lines.len()).find(|&i| labels.lines[i].0 == Label::Content)?;
    let l = &doc.lines[i];
    if l.end_mark == End::Colon || l.words < 5 {
        return None;
    }
    // The tag stands right after the separator ("دير الزور – خاص:") or
    // right before it ("بيروت (رويترز) -").
    let Some(sep) = l.key.sep_at else {
        return caps_dateline(doc.text(i));
    };
    let chars = doc.text(i);
    // "QAMISHLI, Syria, March 6 (Reuters) -": the tag may come after a
    // country and a date when a comma ends the place.
    let tagged = (1..=6).find(|&k| {
        k < l.words && (sep == k || sep == k + 1) && doc.lex.words.dateline.contains(l.key.word(k))
    });
    let Some(place) = tagged else {
        return dashed_dateline(doc, i).or_else(|| caps_dateline(doc.text(i)));
    };
    let mut end = text::offset_after_words(chars, place)?;
    // "BEIRUT, Jan 24 (Reuters)": the place ends at the first comma.
    if let Some(comma) = chars[..end].iter().position(|&c| c == ',' || c == '،') {
        end = comma;
    }
    let p = text::trim_punct(&chars[..end]);
    (!p.is_empty() && word_count(p) <= 3).then(|| p.iter().collect())
}

/// "AMMAN — When ...", "ERBIL (Kurdistan24) – The ...", "HASAKAH, Syria:
/// For ...": an English paragraph that opens with a place in capitals (one
/// to three words), then perhaps a country after a comma and an outlet in
/// brackets, then a dash or a colon, within the first 60 characters.
fn caps_dateline(chars: &[char]) -> Option<String> {
    let head = &chars[..chars.len().min(60)];
    // A spaced dash ("DEIR EZ-ZOR —" has a hyphen of its own) or a colon.
    let sep = (1..head.len()).find(|&k| {
        head[k] == ':' || matches!(head[k], '-' | '–' | '—') && head[k - 1].is_whitespace()
    })?;
    // The place: capitals up to a comma, a bracket or the separator.
    let end = head[..sep]
        .iter()
        .position(|&c| matches!(c, ',' | '('))
        .unwrap_or(sep);
    let place = text::trim_chars(&head[..end]);
    let words: Vec<&[char]> = place
        .split(|c| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let caps = |w: &&[char]| {
        w.iter().filter(|c| c.is_alphabetic()).count() >= 2
            && w.iter()
                .all(|&c| c.is_ascii_uppercase() || matches!(c, '-' | '\'' | '.'))
    };
    let letters = place.iter().filter(|c| c.is_alphabetic()).count();
    if !(1..=3).contains(&words.len()) || !words.iter().all(caps) || letters < 3 {
        return None;
    }
    // Between the place and the separator: ", Syria", "(AFP)", nothing
    // else of length.
    if word_count(&head[end..sep]) > 4 {
        return None;
    }
    Some(place.iter().collect())
}

/// "الحسكة- قُتل 4 مدنيين...", "دمشق - أعلنت ...": a paragraph that opens
/// with a place of one or two words and a dash. The place is a name: no
/// function word or reporting verb (clitics included), no digit, no outlet.
fn dashed_dateline(doc: &Doc<'_>, i: usize) -> Option<String> {
    let l = &doc.lines[i];
    let place = l.key.sep_at.filter(|p| (1..=2).contains(p))?;
    if l.words < 10 || l.is_arabic() && l.prose != super::features::Prose::Anchor {
        return None;
    }
    let chars = doc.text(i);
    let end = text::offset_after_words(chars, place)?;
    let dash = chars[end..].iter().position(|c| !c.is_whitespace())? + end;
    if !matches!(chars[dash], '-' | '–' | '—')
        || !chars.get(dash + 1).is_some_and(|c| c.is_whitespace())
    {
        return None;
    }
    let words = (0..place).map(|k| l.key.word(k));
    let lex = doc.lex;
    let name = words.clone().all(|w| {
        lex.word_bits(w) & (FUNCTION | VERB) == 0
            && !lex.words.function_en.contains(w)
            && !lex.words.media.contains(w)
            && !w.bytes().any(|b| b.is_ascii_digit())
    });
    // "عاجل - ..." is a kicker; "محمد - وهو اسم مستعار - ..." an aside
    // between two dashes.
    let aside = chars[dash + 1..]
        .iter()
        .take(60)
        .any(|c| matches!(c, '-' | '–' | '—'));
    if !name || aside || (0..place).any(|k| is_interface_word(doc, l.key.word(k))) {
        return None;
    }
    let p = text::trim_punct(&chars[..end]);
    (!p.is_empty()).then(|| p.iter().collect())
}

/// A word that is by itself a whole-line phrase of the lexicon ("عاجل",
/// "أخبار"): interface text, not a name.
pub(crate) fn is_interface_word(doc: &Doc<'_>, w: &str) -> bool {
    let chars: Vec<char> = w.chars().collect();
    let key = text::Key::new(&chars);
    doc.lex
        .lookup(&key, &chars, None)
        .is_some_and(|h| h.edits == 0 && h.entry.how == super::lexicon::Match::Line)
}
