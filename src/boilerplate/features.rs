//! Per-line features and chrome detection.
//!
//! Every line gets a shape (words, letters by script, clitic-aware function
//! words, reporting verbs, final punctuation, commas) and, when it is page
//! chrome, a kind with a reason. Chrome comes from data (the lexicon, the
//! line-shape patterns, month names) and from a few shape rules that hold
//! across sites: date lines, user-name bylines, datelines, captions with a
//! date or a photo credit, short interface text in the other script.
//!
//! Final punctuation is a soft signal: Arabic headlines and subheadings
//! have none, but neither do many body lines (a paragraph cut by the
//! scraper, one without a period); a line is prose when it is long and
//! dense in function words, whatever its end.

use super::dates::{self, DateTime, Found};
use super::lexicon::{CLITIC, FUNCTION, HAS_FIRST, LEXICON_DATA, Lexicon, Role, VERB};
use super::templates::SiteTemplates;
use super::text::{self, Key};
use super::{Kind, Options};
use std::borrow::Cow;

/// How a line ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum End {
    /// `.` or `…` (quotes after it ignored).
    Period,
    /// `?` or `!`.
    Question,
    /// `:`.
    Colon,
    /// Anything else.
    Other,
}

/// Why a line is chrome.
#[derive(Clone, Debug)]
pub(crate) struct Chrome {
    pub(crate) kind: Kind,
    pub(crate) role: Role,
    /// Borrowed from the lexicon or a literal where it can be: most pages
    /// have dozens of chrome lines, and formatting each reason was a tenth
    /// of the cleaning time.
    pub(crate) reason: Cow<'static, str>,
    /// Words at the start of the line that belong to the marker ("المصدر",
    /// "by"); the rest is the value (a source, an author).
    pub(crate) lead_words: usize,
}

/// How much a line reads like article prose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Prose {
    /// Not prose.
    No,
    /// A short sentence: prose if it sits by the body.
    Weak,
    /// A paragraph: anchors the body.
    Anchor,
}

/// One line and what is known about it.
#[derive(Debug)]
pub(crate) struct Info {
    /// The line's span in the text (line break excluded).
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The span without surrounding whitespace.
    pub(crate) tstart: usize,
    pub(crate) tend: usize,
    pub(crate) blank: bool,
    pub(crate) key: Key,
    /// [`line_hash`] of the key: in-document duplicates and site templates.
    pub(crate) hash: u64,
    pub(crate) words: usize,
    pub(crate) function_words: usize,
    pub(crate) verbs: usize,
    pub(crate) arabic_letters: usize,
    pub(crate) latin_letters: usize,
    pub(crate) end_mark: End,
    pub(crate) commas: usize,
    /// Starts with a conjunction or preposition clitic on a function word or
    /// verb (وقال, وفي, فإن): a continuation of prose.
    pub(crate) continues: bool,
    pub(crate) chrome: Option<Chrome>,
    /// Splits as "headline - Site" (a separator, a short tail).
    pub(crate) titled: bool,
    /// A word of the line starts a `has` phrase of the lexicon.
    pub(crate) has_first: bool,
    /// A date on a date-like line.
    pub(crate) date: Option<Found>,
    pub(crate) prose: Prose,
    /// Template statistics: (pages of the site with this line, pages).
    pub(crate) template: Option<(u32, u32)>,
}

impl Info {
    /// Not chrome, not blank, no anchor: the shape of a headline, a
    /// subheading or a related-article link.
    pub(crate) fn headline_like(&self) -> bool {
        !self.blank
            && self.chrome.is_none()
            && self.prose < Prose::Anchor
            && (1..=30).contains(&self.words)
            && !matches!(self.end_mark, End::Period | End::Colon)
    }

    /// Arabic letters dominate the line.
    pub(crate) fn is_arabic(&self) -> bool {
        self.arabic_letters >= self.latin_letters
    }
}

/// A page's lines, analysed.
pub(crate) struct Doc<'a> {
    pub(crate) chars: &'a [char],
    pub(crate) lines: Vec<Info>,
    pub(crate) lex: &'static Lexicon,
    /// [`line_hash`] of the caller's site name, if given.
    pub(crate) site_name: Option<u64>,
}

impl Doc<'_> {
    /// The trimmed characters of line `i`.
    pub(crate) fn text(&self, i: usize) -> &[char] {
        &self.chars[self.lines[i].tstart..self.lines[i].tend]
    }

    /// The trimmed text of line `i` as a string.
    pub(crate) fn string(&self, i: usize) -> String {
        self.text(i).iter().collect()
    }
}

/// The first line at or after `from` that is not blank.
pub(crate) fn next_nonblank(lines: &[Info], from: usize) -> Option<usize> {
    (from..lines.len()).find(|&j| !lines[j].blank)
}

/// The last line before `before` that is not blank.
pub(crate) fn prev_nonblank(lines: &[Info], before: usize) -> Option<usize> {
    (0..before).rev().find(|&j| !lines[j].blank)
}

/// A 64-bit hash of a line key, eight bytes at a time (the FxHash step,
/// then a final avalanche). furat's own code, so it never changes under a
/// dependency update: saved template statistics stay valid.
pub(crate) fn line_hash(s: &str) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let bytes = s.as_bytes();
    let mut h: u64 = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(26) ^ w).wrapping_mul(K);
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h.rotate_left(26) ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    // Avalanche (the murmur3 finalizer), so every input bit reaches the low
    // bits a hash table uses.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Analyses every line of a page.
pub(crate) fn analyse<'a>(
    chars: &'a [char],
    options: &Options,
    templates: Option<&SiteTemplates>,
) -> Doc<'a> {
    let lex = &*LEXICON_DATA;
    let spans = text::split_lines(chars);
    // One fold for the whole page (cheaper than one call per line): the
    // fold keeps every line break and works character by character, so the
    // folded page has the same lines, in order.
    let folded_page = text::fold_page(chars);
    let fspans = text::split_lines(&folded_page);
    let per_line = fspans.len() != spans.len(); // never expected; stay safe
    let mut lines = Vec::with_capacity(spans.len());
    let (mut ar, mut lat) = (0usize, 0usize);
    let mut folds: Vec<std::borrow::Cow<'_, [char]>> = Vec::with_capacity(spans.len());
    for (n, (start, end)) in spans.into_iter().enumerate() {
        let (ts, te) = text::trim_range(&chars[start..end]);
        let (tstart, tend) = (start + ts, start + te);
        let folded: std::borrow::Cow<'_, [char]> = if per_line {
            text::fold(&chars[tstart..tend]).into()
        } else {
            let (fs, fe) = fspans[n];
            text::trim_chars(&folded_page[fs..fe]).into()
        };
        let key = Key::new(&folded);
        let info = shape(start, end, tstart, tend, &folded, key, lex);
        ar += info.arabic_letters;
        lat += info.latin_letters;
        lines.push(info);
        folds.push(folded);
    }
    let arabic = ar >= lat;
    let first = lines.iter().position(|l| !l.blank);
    for (i, (info, folded)) in lines.iter_mut().zip(&folds).enumerate() {
        if info.blank {
            continue;
        }
        if let Some(t) = templates {
            info.template = t.get(info.hash);
        }
        let orig = &chars[info.tstart..info.tend];
        classify(
            info,
            orig,
            folded,
            lex,
            arabic,
            options.reference,
            first == Some(i),
        );
    }
    dash_captions_that_are_titles(&mut lines, chars);
    let site_name = options
        .site_name
        .as_deref()
        .map(|s| line_hash(&Key::of_phrase(s).text));
    Doc {
        chars,
        lines,
        lex,
        site_name,
    }
}

fn shape(
    start: usize,
    end: usize,
    tstart: usize,
    tend: usize,
    folded: &[char],
    key: Key,
    lex: &Lexicon,
) -> Info {
    let blank = folded.is_empty();
    let (arabic_letters, latin_letters, commas) = (key.arabic, key.latin, key.commas);
    let mut function_words = 0;
    let mut verbs = 0;
    let mut continues = false;
    // The first words tell whether a line is prose as well as all of them
    // (the thresholds are 2-3 function words): long paragraphs are only
    // sampled, which halves the cost of this, the hottest loop. Whether a
    // word starts a `has` phrase is asked of every word the phrases can
    // reach, in the same lookup.
    const SAMPLE_WORDS: usize = 48;
    let sampled = key.len().min(SAMPLE_WORDS);
    let reach = if key.len() <= lex.max_words_any() {
        key.len()
    } else {
        sampled
    };
    let mut has_first = false;
    for (i, w) in key.iter().take(reach).enumerate() {
        let bits = lex.word_bits(w);
        has_first |= bits & HAS_FIRST != 0;
        if i >= SAMPLE_WORDS {
            continue;
        }
        let (f, v) = (bits & FUNCTION != 0, bits & VERB != 0);
        function_words += usize::from(f);
        verbs += usize::from(v);
        if i == 0 {
            continues = bits & CLITIC != 0 && (f || v);
        }
    }
    // "headline - Site!": the site name's punctuation is not the line's.
    let split = if key.len() <= 30 && key.chars_mask & super::headline::SEPARATOR_MASK != 0 {
        super::headline::split_at_separator(folded)
    } else {
        None
    };
    let titled = split.is_some();
    let end_mark = match split {
        Some((head, _)) => end_mark(head),
        None => end_mark(folded),
    };
    let hash = line_hash(&key.text);
    let words = key.len();
    // Scale the sample's counts to the whole line.
    if sampled < words {
        function_words = function_words * words / sampled;
        verbs = verbs * words / sampled;
    }
    let mut info = Info {
        start,
        end,
        tstart,
        tend,
        blank,
        hash,
        words,
        function_words,
        verbs,
        arabic_letters,
        latin_letters,
        end_mark,
        commas,
        continues,
        chrome: None,
        titled,
        has_first,
        date: None,
        prose: Prose::No,
        template: None,
        key,
    };
    info.prose = prose(&info);
    // "headline | Site": the shape of a page title, not of a sentence; with
    // a site's tagline after it, however long.
    let tagline = split.is_some_and(|(_, site)| {
        super::headline::offset_in(folded, site) + site.len() < folded.len()
    });
    if titled && (info.prose == Prose::Weak || tagline && info.prose == Prose::Anchor) {
        info.prose = Prose::No;
    }
    info
}

fn end_mark(folded: &[char]) -> End {
    let mut it = folded
        .iter()
        .rev()
        .skip_while(|c| matches!(c, '"' | '\'' | ' '));
    match it.next() {
        Some('.' | '…') => End::Period,
        Some('?' | '!') => End::Question,
        Some(':') => End::Colon,
        _ => End::Other,
    }
}

fn prose(l: &Info) -> Prose {
    if l.blank || l.words == 0 {
        return Prose::No;
    }
    let sentence_end =
        matches!(l.end_mark, End::Period) || l.end_mark == End::Question && l.words >= 12;
    // Reporting verbs (قال, أضاف, said) are as good a sign of prose as
    // function words.
    let density = (l.function_words + l.verbs) * 100 / l.words;
    if l.is_arabic() {
        let anchor = l.words >= 10
            && l.function_words >= 2
            && (sentence_end || l.words >= 18 || l.commas >= 1)
            || l.words >= 25 && l.function_words >= 3;
        if anchor {
            return Prose::Anchor;
        }
    } else if l.words >= 10 && density >= 15 && (sentence_end || l.words >= 20) {
        return Prose::Anchor;
    }
    if l.words >= 5
        && l.function_words + l.verbs >= 1
        && (sentence_end || l.continues || density >= 20 && l.commas >= 1)
    {
        return Prose::Weak;
    }
    Prose::No
}

fn chrome(kind: Kind, reason: impl Into<Cow<'static, str>>) -> Option<Chrome> {
    Some(Chrome {
        kind,
        role: Role::Line,
        reason: reason.into(),
        lead_words: 0,
    })
}

fn classify(
    info: &mut Info,
    orig: &[char],
    folded: &[char],
    lex: &'static Lexicon,
    arabic_doc: bool,
    reference: Option<DateTime>,
    first_line: bool,
) {
    if info.key.text.is_empty() {
        info.chrome = chrome(Kind::Separator, "symbols only");
        return;
    }
    // "بواسطة NAME | DATE | TIME | 3 تعليقات" is a byline, however many
    // pipes it has.
    if info.words <= 25 && !lex.byline_first_words.contains(info.key.word(0)) && is_breadcrumb(orig)
    {
        info.chrome = chrome(
            Kind::Menu,
            "short items between separators (a breadcrumb or menu row)",
        );
        return;
    }
    if let Some(hit) = lex.lookup(&info.key, folded, Some(info.has_first)) {
        let e = hit.entry;
        let reason = if hit.edits == 0 {
            Cow::Borrowed(e.reason.as_str())
        } else {
            Cow::Owned(format!(
                "≈ \"{}\" ({} edit{}) ({})",
                e.phrase,
                hit.edits,
                if hit.edits > 1 { "s" } else { "" },
                e.kind
            ))
        };
        let lead = if matches!(
            e.how,
            super::lexicon::Match::Head | super::lexicon::Match::Start
        ) {
            e.words
        } else {
            0
        };
        info.chrome = Some(Chrome {
            kind: e.kind,
            role: e.role,
            reason,
            lead_words: lead,
        });
        // A byline or source line may carry the date too.
        if matches!(e.kind, Kind::Byline | Kind::Source) && dates::possible(folded, &info.key) {
            info.date = dates::find(folded, lex, reference).filter(|d| d.others <= 4);
        }
        return;
    }
    let date_possible =
        info.words <= 16 && info.prose < Prose::Anchor && dates::possible(folded, &info.key);
    if date_possible {
        if let Some(d) = dates::find(folded, lex, reference) {
            // "نُشر في 5 ذو الحجة 1444 هـ بواسطة سامي الفراتي", "Posted on
            // March 3, 2024 by admin": a date, then a byline word and a name
            // to the end. (Only a line with a date and other words is asked.)
            let marker = (d.value.is_some() && (1..=6).contains(&d.others))
                .then(|| {
                    (1..info.words.saturating_sub(1))
                        .rev()
                        .take(4)
                        .find(|&k| lex.byline_first_words.contains(info.key.word(k)))
                })
                .flatten();
            if let Some(k) = marker {
                let off = word_offset(folded, k);
                if let Some(d) = dates::find(&folded[..off], lex, reference)
                    .filter(|d| d.value.is_some() && d.others <= 2)
                {
                    info.date = Some(d);
                    info.chrome = Some(Chrome {
                        kind: Kind::Byline,
                        role: Role::Line,
                        reason: Cow::Borrowed("a date, then a byline word and a name"),
                        lead_words: k + 1,
                    });
                    return;
                }
            }
            // "اليوم السابع" (a newspaper) is no "today": a relative word
            // without a number stands alone or with date words only.
            let bare_relative = d.relative && !info.key.text.bytes().any(|b| b.is_ascii_digit());
            if d.others <= 2 && !(bare_relative && d.others > 0) {
                info.date = Some(d);
                let what = if d.relative {
                    "a relative date and little else"
                } else {
                    "a date and little else"
                };
                info.chrome = chrome(Kind::Date, what);
                return;
            }
        }
    }
    // "كتب محمد شعبان الخميس، 01 فبراير 2024": a byline word, a name and
    // a date on one line (with a Hijri date and a comment count it runs
    // to 17 words and more).
    if info.words <= 20
        && lex.byline_first_words.contains(info.key.word(0))
        && dates::possible(folded, &info.key)
    {
        // "بواسطة NAME | DATE | TIME | 3 تعليقات": the fields after the name
        // are asked alone when the whole line has too many other words.
        let fields = || {
            let bar = folded.iter().position(|&c| c == '|')?;
            dates::find(&folded[bar + 1..], lex, reference)
                .filter(|d| d.others <= 3 && d.value.is_some())
        };
        if let Some(d) = dates::find(folded, lex, reference)
            .filter(|d| d.others <= 5 && d.value.is_some())
            .or_else(fields)
        {
            info.date = Some(d);
            info.chrome = Some(Chrome {
                kind: Kind::Byline,
                role: Role::Line,
                reason: format!("a byline (\"{}\") with the date", info.key.word(0)).into(),
                lead_words: 1,
            });
            return;
        }
    }
    // Every pattern has a digit unless the line is very short.
    let patterns_apply = info.words <= 4 || info.key.text.bytes().any(|b| b.is_ascii_digit());
    if let Some((kind, i)) = patterns_apply.then(|| lex.pattern(&info.key)).flatten() {
        info.chrome = chrome(kind, lex.pattern_reason(i));
        return;
    }
    if let Some(c) = dateline(info, orig, lex) {
        info.chrome = Some(c);
        return;
    }
    if let Some(c) = caption(info, folded, lex, reference, first_line) {
        info.chrome = Some(c);
        return;
    }
    // CMS account names are written in lower case; "Kurdistan24" is a
    // site's name.
    if info.arabic_letters == 0
        && info.words == 1
        && is_user_name(&info.key.text)
        && !orig.iter().any(|c| c.is_uppercase())
    {
        info.chrome = chrome(Kind::Byline, "a user name alone on a line");
        return;
    }
    if arabic_doc && info.arabic_letters == 0 && info.latin_letters > 0 && info.words <= 4 {
        info.chrome = chrome(Kind::Ui, "short Latin-script text on an Arabic page");
        return;
    }
    if let Some((pages, total)) = info.template {
        info.chrome = chrome(
            Kind::Template,
            format!("recurs on {pages} of {total} pages of the site"),
        );
    }
}

/// "الرئيسية » أخبار سوريا » دير الزور", "Home | News | Syria": three or
/// more short items between separators. Checked on the original text, where
/// » and › are still themselves.
fn is_breadcrumb(orig: &[char]) -> bool {
    // » and « differ in one bit; ‹ and › are neighbours. Five comparisons
    // without a branch, summed rather than counted with a filter, so that
    // the count vectorizes: this runs on every character of most lines.
    let is_sep = |c: &char| {
        let u = *c as u32;
        (u | 0x10) == 0xBB || u.wrapping_sub(0x2039) < 2 || u == 0x3E || u == 0x7C || u == 0x2F
    };
    if orig.iter().map(|c| u32::from(is_sep(c))).sum::<u32>() < 2 {
        return false;
    }
    // « opens a quotation in Arabic ("لـ«الدفاع الوطني»"), never a
    // breadcrumb: on a line that has one, « and » quote and do not
    // separate. (Asked only of the few lines with two separators.)
    let quotes = orig.contains(&'«');
    let is_sep = |c: &char| is_sep(c) && !(quotes && (*c as u32 | 0x10) == 0xBB);
    if quotes && orig.iter().filter(|c| is_sep(c)).count() < 2 {
        return false;
    }
    let items: Vec<&[char]> = orig.split(is_sep).collect();
    items.len() >= 3
        && items.iter().all(|item| {
            // Items are words: "18/02/2024" is a date, not a path.
            let words = item
                .split(|c| c.is_whitespace())
                .filter(|w| w.iter().any(|c| c.is_alphabetic()))
                .count();
            (1..=5).contains(&words)
        })
}

/// The offset in folded characters where word `k` (0-based) of the line's
/// key starts, or the line's length.
fn word_offset(folded: &[char], k: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (i, &c) in folded.iter().enumerate() {
        let w = text::is_word_char(c);
        if w && !in_word {
            if words == k {
                return i;
            }
            words += 1;
        }
        in_word = w;
    }
    folded.len()
}

/// "editor4", "admindiaa", "user_12": CMS account names used as bylines.
fn is_user_name(w: &str) -> bool {
    const PREFIXES: [&str; 7] = [
        "admin",
        "editor",
        "author",
        "user",
        "staff",
        "writer",
        "webmaster",
    ];
    w.len() >= 4
        && w.chars().all(|c| c.is_ascii_alphanumeric())
        && (w.chars().any(|c| c.is_ascii_digit()) || PREFIXES.iter().any(|p| w.starts_with(p)))
}

/// "الحسكة – خاص", "دير الزور - خاص", "بيروت (رويترز)": a place of one to
/// three words, then a dateline tag after a separator or in brackets.
fn dateline(info: &Info, orig: &[char], lex: &Lexicon) -> Option<Chrome> {
    let orig_has_bracket = orig.contains(&'(');
    let n = info.words;
    if !(2..=6).contains(&n) {
        return None;
    }
    // The tag: dateline words (خاص, وكالات), or an outlet's name of up to
    // three words ("القامشلي – نورث برس").
    let is_tag = |p: usize| {
        (p..n).all(|i| lex.words.dateline.contains(info.key.word(i)))
            || n - p <= 3 && (p..n).any(|i| lex.words.media.contains(info.key.word(i)))
    };
    let by_words = |p: usize| (p..n).all(|i| lex.words.dateline.contains(info.key.word(i)));
    // The tag starts at the separator: "دير الزور - عنب بلدي" is a place of
    // two words, not "دير" and a tag "الزور عنب بلدي". An outlet's name
    // needs a separator between spaces ("Al-Monitor" is one name, "بلدي
    // نيوز" alone too); dateline words may be glued ("دير الزور-سانا") or
    // come in brackets ("بيروت (رويترز)").
    let spaced = || {
        orig.windows(3).any(|w| {
            w[0].is_whitespace() && matches!(w[1], '-' | '–' | '—' | '|') && w[2].is_whitespace()
        })
    };
    // "دمشق - «الخليج»": an outlet's name in guillemets after a spaced dash.
    let quoted = |p: usize| {
        n - p <= 3
            && info.key.sep_at == Some(p)
            && spaced()
            && orig.last() == Some(&'»')
            && orig
                .iter()
                .rposition(|&c| matches!(c, '-' | '–' | '—'))
                .is_some_and(|d| orig[d + 1..].iter().find(|c| !c.is_whitespace()) == Some(&'«'))
    };
    let Some(place) = (1..=3).find(|&p| {
        p < n
            && (is_tag(p)
                && (info.key.sep_at == Some(p) && (by_words(p) || spaced())
                    || by_words(p) && orig_has_bracket)
                || quoted(p))
    }) else {
        return outlet_then_place(info, lex, spaced());
    };
    // A place names no outlet and has no number: "تلفزيون سوريا - خاص" is
    // the outlet's own credit, "دير الزور 24 - خاص" a site's.
    let outlet = (0..place).any(|i| lex.words.media.contains(info.key.word(i)));
    let number = (0..place).any(|i| info.key.word(i).bytes().any(|b| b.is_ascii_digit()));
    if outlet || number {
        return Some(Chrome {
            kind: Kind::Source,
            role: Role::Line,
            reason: Cow::Borrowed("an outlet's own credit (an outlet, then a dateline tag)"),
            lead_words: 0,
        });
    }
    Some(Chrome {
        kind: Kind::Dateline,
        role: Role::Line,
        reason: Cow::Borrowed("a place and a dateline tag"),
        lead_words: place,
    })
}

/// The reason of [`outlet_then_place`]: the place is after the dash.
pub(crate) const OUTLET_THEN_PLACE: &str = "an outlet, a dash and a place";

/// "عنب بلدي – دير الزور", "سكاي نيوز عربية - أبوظبي": an outlet's name
/// of at most three words, a spaced dash, and a place of one to three
/// words (no outlet, function word, verb or digit).
fn outlet_then_place(info: &Info, lex: &Lexicon, spaced: bool) -> Option<Chrome> {
    let n = info.words;
    let p = info
        .key
        .sep_at
        .filter(|&p| (1..=3).contains(&p) && n - p <= 3)?;
    if !spaced || !(0..p).any(|i| lex.words.media.contains(info.key.word(i))) {
        return None;
    }
    let plain = (p..n).all(|i| {
        let w = info.key.word(i);
        !lex.words.media.contains(w)
            && lex.word_bits(w) & (FUNCTION | VERB) == 0
            && !lex.words.function_en.contains(w)
            && !w.bytes().any(|b| b.is_ascii_digit())
            && !is_interface_word(lex, w)
    });
    plain.then_some(Chrome {
        kind: Kind::Dateline,
        role: Role::Line,
        reason: Cow::Borrowed(OUTLET_THEN_PLACE),
        lead_words: 0,
    })
}

/// A word that is a whole-line phrase of the lexicon by itself ("سياسة",
/// "أخبار"): a section, not a place.
fn is_interface_word(lex: &Lexicon, w: &str) -> bool {
    let chars: Vec<char> = w.chars().collect();
    lex.lookup(&Key::new(&chars), &chars, None)
        .is_some_and(|h| h.edits == 0 && h.entry.how == super::lexicon::Match::Line)
}

const DASH_CAPTION: &str = "ends with a photo agency after a dash";

/// "headline - Reuters" below a cookie banner or a skip link, with the
/// headline again on a line of its own (the h1): the page's <title>, not a
/// caption. Only pages with such a caption pay for the lookup.
fn dash_captions_that_are_titles(lines: &mut [Info], chars: &[char]) {
    let is_dash_caption = |l: &Info| l.chrome.as_ref().is_some_and(|c| c.reason == DASH_CAPTION);
    if !lines.iter().any(is_dash_caption) {
        return;
    }
    let hashes: rustc_hash::FxHashSet<u64> =
        lines.iter().filter(|l| !l.blank).map(|l| l.hash).collect();
    for l in lines.iter_mut().filter(|l| is_dash_caption(l)) {
        let orig = &chars[l.tstart..l.tend];
        let Some(dash) = orig.iter().rposition(|&c| matches!(c, '-' | '–' | '—')) else {
            continue;
        };
        if hashes.contains(&super::headline::hash_of(text::trim_chars(&orig[..dash]))) {
            l.chrome = None;
        }
    }
}

/// A caption: ends with a bracketed credit (an agency, "أرشيف", a social
/// network) or carries a date and ends with a bracket, and is not a
/// sentence.
fn caption(
    info: &Info,
    folded: &[char],
    lex: &Lexicon,
    reference: Option<DateTime>,
    first_line: bool,
) -> Option<Chrome> {
    if info.words > 40 || info.end_mark == End::Period {
        return None;
    }
    // "عناصر من قوات سوريا الديمقراطية في ريف دير الزور - AFP": a photo
    // agency after a dash. The page's first line is its <title>, where
    // "headline - Reuters" names the site.
    if first_line || folded.last() != Some(&')') {
        const DASHES: u64 =
            1 << ('-' as u32 & 63) | 1 << ('–' as u32 & 63) | 1 << ('—' as u32 & 63);
        let credited = !first_line
            && info.words >= 4
            && info.key.chars_mask & DASHES != 0
            && lex.words.credit.contains(info.key.word(info.words - 1))
            && folded
                .iter()
                .rposition(|&c| matches!(c, '-' | '–' | '—'))
                .is_some_and(|t| {
                    t > 0 && folded[t - 1] == ' ' && folded.get(t + 1) == Some(&' ') && {
                        let k = Key::new(&folded[t + 1..]);
                        (1..=2).contains(&k.len()) && k.iter().all(|w| lex.words.credit.contains(w))
                    }
                });
        return credited.then_some(Chrome {
            kind: Kind::Caption,
            role: Role::Line,
            reason: Cow::Borrowed(DASH_CAPTION),
            lead_words: 0,
        });
    }
    let open = folded.iter().rposition(|&c| c == '(')?;
    let inner = Key::new(&folded[open + 1..folded.len() - 1]);
    if inner.len() == 0 || inner.len() > 5 || open == 0 {
        return None;
    }
    if inner
        .iter()
        .any(|w| lex.words.credit.contains(w) || lex.words.media.contains(w))
    {
        return chrome(Kind::Caption, "ends with a photo credit");
    }
    let before = &folded[..open];
    if before.iter().any(|c| c.is_ascii_digit())
        && dates::find(before, lex, reference).is_some_and(|d| d.value.is_some() && !d.relative)
    {
        return chrome(
            Kind::Caption,
            "a description with a date and a credit in brackets",
        );
    }
    None
}
