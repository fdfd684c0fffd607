//! The data behind the rules: interface phrases, line-shape patterns, word
//! classes and month names, embedded from `data/boilerplate/` and compiled
//! once.
//!
//! Rules are data: adding a site's "اقرأ أيضاً" variant or a newsletter
//! prompt is a line in `lexicon.tsv`, not code. Phrases are folded exactly
//! as page lines are (see `text.rs`), so they are written once, the way a
//! reader would write them.
//!
//! Matching is by words: a line's key is its words joined by single spaces
//! and every phrase must sit on word boundaries, so a phrase can only start
//! at a word that starts some phrase. One table answers, per word form,
//! both whether it is a function word or verb (clitics included) and
//! whether a phrase starts with it: the per-line pass looks each word up
//! once, and the few lines with a phrase start are then checked phrase by
//! phrase.

use super::Kind;
use super::fuzzy;
use super::text::Key;
use regex::{Regex, RegexSet};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

const LEXICON: &str = include_str!("../../data/boilerplate/lexicon.tsv");
const PATTERNS: &str = include_str!("../../data/boilerplate/patterns.tsv");
const WORDS: &str = include_str!("../../data/boilerplate/words.tsv");
const MONTHS: &str = include_str!("../../data/boilerplate/months.tsv");

/// Lines longer than this (in characters of their key) are never matched
/// fuzzily: interface phrases are short.
const FUZZY_MAX_CHARS: usize = 40;

/// How a phrase must sit in a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Match {
    /// The whole line (typos tolerated).
    Line,
    /// The line starts with it, then a separator (or nothing).
    Head,
    /// The line starts with it.
    Start,
    /// Anywhere, as whole words.
    Has,
    /// The folded line contains the string.
    Sym,
}

/// What a phrase says about the lines around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// Only this line.
    Line,
    /// A list header: headline-like lines after it belong to it.
    List,
    /// The article is over.
    End,
}

/// One lexicon entry.
#[derive(Debug)]
pub(crate) struct Entry {
    pub(crate) kind: Kind,
    pub(crate) how: Match,
    pub(crate) role: Role,
    pub(crate) max_words: usize,
    /// The phrase as written in the data file.
    pub(crate) phrase: String,
    /// Its key.
    pub(crate) key: String,
    key_chars: Vec<char>,
    /// [`fuzzy::char_mask`] of the key: most lines are ruled out for a
    /// typo-tolerant entry by their letters alone.
    mask: u64,
    /// Its number of words.
    pub(crate) words: usize,
    /// The reason a line matched without typos gets: `is "..." (kind)`,
    /// `starts with "..." (kind)` or `contains "..." (kind)`.
    pub(crate) reason: String,
}

/// A lexicon match on a line.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit<'a> {
    pub(crate) entry: &'a Entry,
    /// Edits needed (fuzzy matches only).
    pub(crate) edits: usize,
}

/// Word classes of `words.tsv`.
#[derive(Default)]
pub(crate) struct Words {
    pub(crate) function_ar: FxHashSet<String>,
    pub(crate) function_en: FxHashSet<String>,
    pub(crate) verb_ar: FxHashSet<String>,
    pub(crate) verb_en: FxHashSet<String>,
    pub(crate) media: FxHashSet<String>,
    pub(crate) credit: FxHashSet<String>,
    pub(crate) dateline: FxHashSet<String>,
    pub(crate) weekday: FxHashSet<String>,
    pub(crate) date_filler: FxHashSet<String>,
    pub(crate) updated: FxHashSet<String>,
    /// Job titles after an author's name (مراسل, correspondent).
    pub(crate) role: FxHashSet<String>,
    /// Labels of the original publication date ("Originally published"):
    /// the date they mark wins over a posting date.
    pub(crate) original: FxHashSet<String>,
    /// function_* and verb_* merged: word → FUNCTION | VERB bits, so that
    /// the per-word test of every line is one lookup.
    pub(crate) prose_words: FxHashMap<String, u8>,
    /// The longest word (in bytes) in `prose_words`.
    pub(crate) prose_word_max: usize,
}

/// A function word.
pub(crate) const FUNCTION: u8 = 1;
/// A reporting verb.
pub(crate) const VERB: u8 = 2;
/// [`FUNCTION`] or [`VERB`] only after a clitic was stripped (وفي, فإن).
pub(crate) const CLITIC: u8 = 4;
/// A `has` phrase starts with this word.
pub(crate) const HAS_FIRST: u8 = 8;

impl Words {
    /// The class of a word form, clitic-aware: the word itself, then
    /// without a leading و/ف, then without a leading ب/ل/ك as well (each
    /// strip leaving more than one letter). Used to build the word table,
    /// which holds the answer for every form this can accept.
    fn classify(&self, w: &str) -> u8 {
        let test = |w: &str| self.prose_words.get(w).copied().unwrap_or(0);
        let bits = test(w);
        if bits != 0 {
            return bits;
        }
        let mut rest = w;
        for prefixes in [&['و', 'ف'][..], &['ب', 'ل', 'ك'][..]] {
            if let Some(c) = rest.chars().next() {
                if prefixes.contains(&c) && rest.len() > 2 * c.len_utf8() {
                    rest = &rest[c.len_utf8()..];
                    let bits = test(rest);
                    if bits != 0 {
                        return bits | CLITIC;
                    }
                }
            }
        }
        0
    }

    fn merge(&mut self) {
        for (set, bit) in [
            (&self.function_ar, FUNCTION),
            (&self.function_en, FUNCTION),
            (&self.verb_ar, VERB),
            (&self.verb_en, VERB),
        ] {
            for w in set {
                *self.prose_words.entry(w.clone()).or_insert(0) |= bit;
            }
        }
        self.prose_word_max = self.prose_words.keys().map(String::len).max().unwrap_or(0);
    }
}

/// A month: Gregorian or Hijri, and its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Month {
    pub(crate) hijri: bool,
    pub(crate) number: u8,
}

/// Everything compiled.
pub(crate) struct Lexicon {
    pub(crate) entries: Vec<Entry>,
    exact: FxHashMap<String, usize>,
    /// The longest whole-line phrase, in words.
    exact_max_words: usize,
    /// Whole-line entries that tolerate typos, by (words, characters).
    fuzzy: FxHashMap<(usize, usize), Vec<usize>>,
    /// Head and start phrases by their first word: one lookup of a line's
    /// first word finds the few that can start it.
    start_by_first_word: FxHashMap<String, Vec<usize>>,
    /// Phrases matched anywhere, by their first word.
    has_by_first_word: FxHashMap<String, Vec<usize>>,
    /// Every word form that is a function word or verb (with its clitics,
    /// as [`Words::classify`] accepts them) or starts a `has` phrase:
    /// [`FUNCTION`] | [`VERB`] | [`CLITIC`] | [`HAS_FIRST`].
    word_bits: FxHashMap<String, u8>,
    /// The longest form in `word_bits`, in bytes.
    word_bits_max: usize,
    /// No head/start/has entry applies to a longer line.
    ac_max_words: usize,
    sym: Vec<usize>,
    patterns: Vec<(Kind, usize, Regex)>,
    /// "counter pattern", "reading time pattern"...: the reason of each.
    pattern_reasons: Vec<String>,
    pattern_set: RegexSet,
    pattern_max_words: usize,
    pub(crate) words: Words,
    /// Month names by key (one or two words).
    pub(crate) months: FxHashMap<String, Month>,
    /// One-word byline markers (كتب, بقلم, by): a line that starts with one
    /// and carries a date is a byline.
    pub(crate) byline_first_words: FxHashSet<String>,
    /// First words of two-word month names (كانون, تشرين, ربيع...).
    pub(crate) month_first_words: FxHashSet<String>,
}

/// The lexicon, compiled on first use.
pub(crate) static LEXICON_DATA: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::build()
        .unwrap_or_else(|e| panic!("furat's embedded boilerplate data is malformed: {e}"))
});

fn data_lines(src: &str) -> impl Iterator<Item = (usize, &str)> {
    src.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    /// Parses and compiles the embedded data; errors name the file and line.
    pub(crate) fn build() -> Result<Lexicon, String> {
        let mut entries = Vec::new();
        for (n, line) in data_lines(LEXICON) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [kind, how, role, max_words, phrase] = cols[..] else {
                return Err(format!("lexicon.tsv:{n}: expected 5 tab-separated columns"));
            };
            let kind =
                Kind::parse(kind).ok_or(format!("lexicon.tsv:{n}: unknown kind {kind:?}"))?;
            let how = match how {
                "line" => Match::Line,
                "head" => Match::Head,
                "start" => Match::Start,
                "has" => Match::Has,
                "sym" => Match::Sym,
                _ => return Err(format!("lexicon.tsv:{n}: unknown match {how:?}")),
            };
            let role = match role {
                "-" => Role::Line,
                "list" => Role::List,
                "end" => Role::End,
                _ => return Err(format!("lexicon.tsv:{n}: unknown role {role:?}")),
            };
            let max_words: usize = max_words
                .parse()
                .map_err(|_| format!("lexicon.tsv:{n}: bad max_words"))?;
            let max_words = match (max_words, how) {
                (0, Match::Has | Match::Sym) => 40,
                (0, _) => 12,
                (m, _) => m,
            };
            let (key, words) = if how == Match::Sym {
                let folded: String = super::text::fold(&phrase.chars().collect::<Vec<_>>())
                    .into_iter()
                    .collect();
                (folded, 0)
            } else {
                let k = Key::of_phrase(phrase);
                let w = k.len();
                (k.text, w)
            };
            if key.is_empty() {
                return Err(format!("lexicon.tsv:{n}: phrase {phrase:?} has no words"));
            }
            let verb = match how {
                Match::Line => "is",
                Match::Head | Match::Start => "starts with",
                Match::Has | Match::Sym => "contains",
            };
            entries.push(Entry {
                reason: format!("{verb} \"{phrase}\" ({kind})"),
                kind,
                how,
                role,
                max_words,
                phrase: phrase.to_owned(),
                key_chars: key.chars().collect(),
                mask: fuzzy::char_mask(key.chars()),
                key,
                words,
            });
        }
        let mut exact = FxHashMap::default();
        let mut fuzzy_ids: FxHashMap<(usize, usize), Vec<usize>> = FxHashMap::default();
        let mut start_by_first_word: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let mut has_by_first_word: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let mut sym = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            match e.how {
                Match::Line => {
                    // The first entry for a key wins; later ones are
                    // redundant (the tests keep the file free of them).
                    exact.entry(e.key.clone()).or_insert(i);
                    if fuzzy::budget(e.key_chars.len()) > 0 {
                        fuzzy_ids
                            .entry((e.words, e.key_chars.len()))
                            .or_default()
                            .push(i);
                    }
                }
                Match::Sym => sym.push(i),
                Match::Head | Match::Start => {
                    let first = e.key.split(' ').next().unwrap_or_default().to_owned();
                    start_by_first_word.entry(first).or_default().push(i);
                }
                Match::Has => {
                    let first = e.key.split(' ').next().unwrap_or_default().to_owned();
                    has_by_first_word.entry(first).or_default().push(i);
                }
            }
        }
        let exact_max_words = exact
            .values()
            .map(|&i: &usize| entries[i].words)
            .max()
            .unwrap_or(0);
        let ac_max_words = start_by_first_word
            .values()
            .flatten()
            .chain(has_by_first_word.values().flatten())
            .map(|&i| entries[i].max_words)
            .max()
            .unwrap_or(0);

        let mut patterns = Vec::new();
        for (n, line) in data_lines(PATTERNS) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [kind, max_words, re] = cols[..] else {
                return Err(format!(
                    "patterns.tsv:{n}: expected 3 tab-separated columns"
                ));
            };
            let kind =
                Kind::parse(kind).ok_or(format!("patterns.tsv:{n}: unknown kind {kind:?}"))?;
            let max_words: usize = max_words
                .parse()
                .map_err(|_| format!("patterns.tsv:{n}: bad max_words"))?;
            let re =
                Regex::new(&fold_arabic_runs(re)).map_err(|e| format!("patterns.tsv:{n}: {e}"))?;
            patterns.push((kind, max_words, re));
        }
        let pattern_set = RegexSet::new(patterns.iter().map(|p| p.2.as_str()))
            .map_err(|e| format!("patterns.tsv: {e}"))?;
        let pattern_max_words = patterns.iter().map(|p| p.1).max().unwrap_or(0);
        let pattern_reasons = patterns
            .iter()
            .map(|p| format!("{} pattern", p.0.name().replace('_', " ")))
            .collect();

        let mut words = Words::default();
        for (n, line) in data_lines(WORDS) {
            let (class, list) = line
                .split_once('\t')
                .ok_or(format!("words.tsv:{n}: no tab"))?;
            let set = match class {
                "function_ar" => &mut words.function_ar,
                "function_en" => &mut words.function_en,
                "verb_ar" => &mut words.verb_ar,
                "verb_en" => &mut words.verb_en,
                "media" => &mut words.media,
                "credit" => &mut words.credit,
                "dateline" => &mut words.dateline,
                "weekday" => &mut words.weekday,
                "date_filler" => &mut words.date_filler,
                "updated" => &mut words.updated,
                "role" => &mut words.role,
                "original" => &mut words.original,
                _ => return Err(format!("words.tsv:{n}: unknown class {class:?}")),
            };
            for w in list.split_whitespace() {
                // A written word may fold to several key words (أ.ف.ب).
                for k in Key::of_phrase(w).iter() {
                    set.insert(k.to_owned());
                }
            }
        }

        words.merge();
        // Every form a prose word can take on a page: itself and with each
        // clitic sequence in front. `classify` gives each its answer (a
        // form may also be a word of its own, which then wins).
        let mut word_bits: FxHashMap<String, u8> = FxHashMap::default();
        let prefixes = [
            "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك",
        ];
        for w in words.prose_words.keys() {
            for p in prefixes {
                let form = format!("{p}{w}");
                let bits = words.classify(&form);
                if bits != 0 {
                    word_bits.insert(form, bits);
                }
            }
        }
        for first in has_by_first_word.keys() {
            *word_bits.entry(first.clone()).or_insert(0) |= HAS_FIRST;
        }
        let word_bits_max = word_bits.keys().map(String::len).max().unwrap_or(0);

        let mut months = FxHashMap::default();
        let mut month_first_words = FxHashSet::default();
        for (n, line) in data_lines(MONTHS) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 3 {
                return Err(format!("months.tsv:{n}: expected calendar, number, names"));
            }
            let hijri = match cols[0] {
                "g" => false,
                "h" => true,
                c => return Err(format!("months.tsv:{n}: unknown calendar {c:?}")),
            };
            let number: u8 = cols[1]
                .parse()
                .map_err(|_| format!("months.tsv:{n}: bad number"))?;
            if !(1..=12).contains(&number) {
                return Err(format!("months.tsv:{n}: month {number} out of range"));
            }
            for name in &cols[2..] {
                let k = Key::of_phrase(name);
                if k.len() == 0 || k.len() > 2 {
                    return Err(format!("months.tsv:{n}: month names have one or two words"));
                }
                if k.len() == 2 {
                    month_first_words.insert(k.word(0).to_owned());
                }
                months.insert(k.text, Month { hijri, number });
            }
        }

        let byline_first_words = entries
            .iter()
            .filter(|e| {
                e.kind == Kind::Byline
                    && e.words == 1
                    && matches!(e.how, Match::Head | Match::Start)
            })
            .map(|e| e.key.clone())
            .collect();
        Ok(Lexicon {
            byline_first_words,
            entries,
            exact,
            exact_max_words,
            fuzzy: fuzzy_ids,
            start_by_first_word,
            has_by_first_word,
            word_bits,
            word_bits_max,
            ac_max_words,
            sym,
            patterns,
            pattern_reasons,
            pattern_set,
            pattern_max_words,
            words,
            months,
            month_first_words,
        })
    }

    /// No head, start or has phrase applies to a line of more words.
    pub(crate) fn max_words_any(&self) -> usize {
        self.ac_max_words
    }

    /// The [`FUNCTION`] | [`VERB`] | [`CLITIC`] | [`HAS_FIRST`] bits of a
    /// word of a key.
    #[inline]
    pub(crate) fn word_bits(&self, w: &str) -> u8 {
        if w.len() > self.word_bits_max {
            return 0;
        }
        self.word_bits.get(w).copied().unwrap_or(0)
    }

    /// The best lexicon match for a line, if any: whole-line matches first,
    /// then heads, starts, phrases inside, symbols; the longest phrase
    /// within each. `has_first` says whether a word of the line starts a
    /// `has` phrase (from [`Lexicon::word_bits`]), or `None` when not known.
    /// `key` is the key of `folded` (its `chars_mask` filters the symbols).
    pub(crate) fn lookup(
        &self,
        key: &Key,
        folded: &[char],
        has_first: Option<bool>,
    ) -> Option<Hit<'_>> {
        if key.text.is_empty() {
            return None;
        }
        let n = key.len();
        if n <= self.exact_max_words {
            if let Some(&i) = self.exact.get(&key.text) {
                return Some(Hit {
                    entry: &self.entries[i],
                    edits: 0,
                });
            }
        }
        let text = key.text.as_bytes();
        let mut best: Option<&Entry> = None;
        if n <= self.ac_max_words {
            // Head and start phrases: the longest of each kind wins, heads
            // before starts, the first listed among equals.
            for &i in self
                .start_by_first_word
                .get(key.word(0))
                .map_or(&[][..], Vec::as_slice)
            {
                let e = &self.entries[i];
                let t = e.key.len();
                let bounded = t == text.len() || text.get(t) == Some(&b' ');
                // "Author, ريم حداد": a comma after the label separates too
                // (asked only of the few lines that start with a head).
                let ok = match e.how {
                    Match::Head => {
                        n == e.words
                            || key.sep_at == Some(e.words)
                            || key.commas > 0 && comma_after(folded, e.words)
                    }
                    _ => true,
                };
                if bounded
                    && n <= e.max_words
                    && ok
                    && key.text.starts_with(e.key.as_str())
                    && best.is_none_or(|b| {
                        (e.how, std::cmp::Reverse(e.words)) < (b.how, std::cmp::Reverse(b.words))
                    })
                {
                    best = Some(e);
                }
            }
            // Phrases anywhere (only when no head or start matched, which
            // would win): the longest, the one ending first among equals.
            if best.is_none() && has_first != Some(false) {
                best = self.has_phrase(key);
            }
        }
        if let Some(e) = best {
            return Some(Hit { entry: e, edits: 0 });
        }
        if n <= 25 {
            for &i in &self.sym {
                let e = &self.entries[i];
                // Every character of the symbol phrase must be on the line:
                // the first one alone is no filter ("(c) 20" starts with a
                // bit that ب shares).
                if key.chars_mask & e.mask == e.mask && contains(folded, &e.key_chars) {
                    return Some(Hit { entry: e, edits: 0 });
                }
            }
        }
        self.fuzzy_line(key)
    }

    /// The best `has` phrase in a line: the one with most words, and among
    /// those the one that ends first.
    fn has_phrase(&self, key: &Key) -> Option<&Entry> {
        let text = key.text.as_bytes();
        let n = key.len();
        let mut best: Option<(&Entry, usize)> = None;
        for (p, &(s, _)) in key.words.iter().enumerate() {
            let w = key.word(p);
            if self.word_bits(w) & HAS_FIRST == 0 {
                continue;
            }
            for &i in self.has_by_first_word.get(w).map_or(&[][..], Vec::as_slice) {
                let e = &self.entries[i];
                let end = s as usize + e.key.len();
                if n <= e.max_words
                    && (end == text.len() || text.get(end) == Some(&b' '))
                    && text[s as usize..].starts_with(e.key.as_bytes())
                    && best.is_none_or(|(b, b_end)| {
                        (std::cmp::Reverse(e.words), end) < (std::cmp::Reverse(b.words), b_end)
                    })
                {
                    best = Some((e, end));
                }
            }
        }
        best.map(|b| b.0)
    }

    /// A whole-line entry within its typo budget of the line.
    fn fuzzy_line(&self, key: &Key) -> Option<Hit<'_>> {
        // Only short lines (a key of at most FUZZY_MAX_CHARS characters,
        // so at most four bytes each) are candidates.
        if key.text.len() < 6 || key.text.len() > 4 * FUZZY_MAX_CHARS {
            return None;
        }
        let mut buf = ['\0'; FUZZY_MAX_CHARS];
        let mut n = 0;
        for c in key.text.chars() {
            if n == FUZZY_MAX_CHARS {
                return None;
            }
            buf[n] = c;
            n += 1;
        }
        if n < 6 {
            return None;
        }
        let chars = &buf[..n];
        let mask = fuzzy::char_mask(chars.iter().copied());
        let mut best: Option<Hit<'_>> = None;
        // Words must line up (a typo inside a word, not a word more), and
        // the lengths differ by at most the largest budget.
        for len in n.saturating_sub(2)..=n + 2 {
            for &i in self
                .fuzzy
                .get(&(key.len(), len))
                .map_or(&[][..], Vec::as_slice)
            {
                let e = &self.entries[i];
                let budget = fuzzy::budget(e.key_chars.len());
                if fuzzy::mask_edits_exceed(mask, e.mask, budget) {
                    continue;
                }
                if let Some(d) = fuzzy::within(chars, &e.key_chars, budget) {
                    if best.is_none_or(|b| d < b.edits) {
                        best = Some(Hit { entry: e, edits: d });
                    }
                }
            }
        }
        best
    }

    /// The reason given for a line that matches pattern `i`.
    pub(crate) fn pattern_reason(&'static self, i: usize) -> &'static str {
        &self.pattern_reasons[i]
    }

    /// The kind of the first line-shape pattern the key matches.
    pub(crate) fn pattern(&self, key: &Key) -> Option<(Kind, usize)> {
        if key.len() > self.pattern_max_words || key.text.is_empty() {
            return None;
        }
        let m = self.pattern_set.matches(&key.text);
        m.iter()
            .find(|&i| key.len() <= self.patterns[i].1)
            .map(|i| (self.patterns[i].0, i))
    }
}

/// Folds the Arabic words of a regular expression as page lines are folded
/// (دقائق → دقايق, القراءة → القراءه), leaving its syntax alone.
fn fold_arabic_runs(re: &str) -> String {
    let chars: Vec<char> = re.chars().collect();
    let mut out = String::with_capacity(re.len());
    let mut i = 0;
    while i < chars.len() {
        if super::text::is_original_word_char(chars[i]) && !chars[i].is_ascii() {
            let s = i;
            while i < chars.len()
                && super::text::is_original_word_char(chars[i])
                && !chars[i].is_ascii()
            {
                i += 1;
            }
            out.extend(super::text::fold(&chars[s..i]));
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

fn contains(hay: &[char], needle: &[char]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return false;
    };
    // Compare only where the first character matches.
    (0..hay.len().saturating_sub(rest.len()))
        .any(|i| hay[i] == first && hay[i + 1..].starts_with(rest))
}

/// The first character after the `n`th word of a folded line, spaces
/// skipped, is a comma.
fn comma_after(folded: &[char], n: usize) -> bool {
    super::text::offset_after_words(folded, n).is_some_and(|o| {
        folded[o..]
            .iter()
            .find(|c| !c.is_whitespace())
            .is_some_and(|&c| c == ',' || c == '،')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(line: &str) -> Option<(Kind, Role, usize)> {
        let chars: Vec<char> = line.chars().collect();
        let folded = super::super::text::fold(&chars);
        let key = Key::new(&folded);
        LEXICON_DATA
            .lookup(&key, &folded, None)
            .map(|h| (h.entry.kind, h.entry.role, h.edits))
    }

    #[test]
    fn data_compiles_without_duplicates() {
        let lex = Lexicon::build().unwrap();
        let mut seen = FxHashMap::default();
        for e in &lex.entries {
            if let Some(prev) = seen.insert((e.how, e.key.clone()), e.kind) {
                panic!("{:?} listed twice ({prev} and {})", e.phrase, e.kind);
            }
        }
        assert!(lex.months.len() > 80);
    }

    #[test]
    fn matches_whole_lines_heads_and_phrases() {
        assert_eq!(hit("مقالات ذات صلة"), Some((Kind::Related, Role::List, 0)));
        assert_eq!(hit("اقرأ أيضاً:"), Some((Kind::Related, Role::List, 0)));
        assert_eq!(hit("المصدر: رصد"), Some((Kind::Source, Role::Line, 0)));
        assert_eq!(
            hit("Privacy & Cookies Policy").map(|h| h.0),
            Some(Kind::Cookie)
        );
        assert_eq!(hit("© 2024 عنب بلدي").map(|h| h.0), Some(Kind::Copyright));
        assert_eq!(hit("حجم الخط").map(|h| h.0), Some(Kind::Ui));
        assert_eq!(hit("-A").map(|h| h.0), Some(Kind::Ui));
        // A head needs its separator: prose that starts with the word is not chrome.
        assert_eq!(hit("المصدر الذي فضل عدم الكشف عن اسمه قال"), None);
    }

    #[test]
    fn tolerates_typos_in_long_phrases_only() {
        assert_eq!(hit("قد يعحبك أيضاً"), Some((Kind::Related, Role::List, 1)));
        assert_eq!(hit("اترك تعليقأ"), Some((Kind::CommentForm, Role::End, 0)));
        assert_eq!(hit("شاركت"), None);
    }

    #[test]
    fn patterns_match_counters_and_reading_times() {
        let k = |s: &str| Key::of_phrase(s);
        assert_eq!(
            LEXICON_DATA.pattern(&k("١٬٢٣٤ مشاهدة")).map(|p| p.0),
            Some(Kind::Counter)
        );
        assert_eq!(
            LEXICON_DATA.pattern(&k("5 min read")).map(|p| p.0),
            Some(Kind::ReadingTime)
        );
        assert_eq!(
            LEXICON_DATA
                .pattern(&k("مدة القراءة: 3 دقائق"))
                .map(|p| p.0),
            Some(Kind::ReadingTime)
        );
        assert_eq!(LEXICON_DATA.pattern(&k("قتل 3 أشخاص")), None);
    }
}
