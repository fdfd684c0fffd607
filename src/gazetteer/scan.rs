//! Finding candidate mentions in normalized text.
//!
//! A mention starts at a word start, or right after a proclitic sequence at
//! a word start (و ف then ب ل ك: والحسكة, بدير الزور, وبالرقة, للحسكة), and
//! ends at a word end. So the scanner walks the trie only from those
//! positions: a name glued to anything else (مدير for دير, السورية for a
//! village سوري) is never even looked at. And it walks only where the
//! word (without its proclitics) is the first token of some key, which a
//! hash of the word tells at the cost of reading it once ([`FirstTokens`]).
//! Every key that ends at a word end along the walk is a candidate:
//! overlapping candidates are all kept, and the resolver picks among them
//! after evidence is weighed (filtering a leftmost-longest pass afterwards
//! would let a rejected long candidate shadow a good short one).
//!
//! The text is code units of any width (a CPython string's own buffer, or
//! `char`s): one unit is one code point, so positions are `str` indices.

use super::class::{CLITIC1, CLITIC2, Classes, SEP, TOKEN, WORD};
use super::filter::{self, FirstTokens};
use super::keys;
use super::trie::Trie;
use crate::normalize::CodeUnit;

/// The proclitic sequences, by index (0: none). Verb prefixes (س) are not
/// here: they never come before a place name.
pub(crate) const CLITICS: [&str; 12] = [
    "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك",
];

/// The index of a proclitic sequence in [`CLITICS`].
pub(crate) fn clitic_index(s: &str) -> Option<usize> {
    CLITICS.iter().position(|c| *c == s)
}

/// A key found at a word boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// Where the proclitics (if any) start, in normalized chars.
    pub(crate) word_start: u32,
    /// Where the name starts.
    pub(crate) start: u32,
    /// Where the name ends.
    pub(crate) end: u32,
    /// Index into [`CLITICS`].
    pub(crate) clitic: u8,
    /// Index of the key in the gazetteer's key table.
    pub(crate) key: u32,
}

/// The index in [`CLITICS`] of the proclitic `a` (and `b` after it).
#[inline]
fn clitic_id(a: u32, b: Option<u32>) -> u8 {
    const WAW: u32 = 'و' as u32;
    const FA: u32 = 'ف' as u32;
    const BA: u32 = 'ب' as u32;
    const LAM: u32 = 'ل' as u32;
    const KAF: u32 = 'ك' as u32;
    match (a, b) {
        (WAW, None) => 1,
        (FA, None) => 2,
        (BA, None) => 3,
        (LAM, None) => 4,
        (KAF, None) => 5,
        (WAW, Some(BA)) => 6,
        (WAW, Some(LAM)) => 7,
        (WAW, Some(KAF)) => 8,
        (FA, Some(BA)) => 9,
        (FA, Some(LAM)) => 10,
        (FA, Some(KAF)) => 11,
        _ => 0,
    }
}

/// Every candidate in `text` (normalized), in order of start.
pub(crate) fn scan<T: CodeUnit>(
    trie: &Trie,
    first: &FirstTokens,
    text: &[T],
    out: &mut Vec<Candidate>,
) {
    let classes = Classes::get();
    let n = text.len();
    let token = |k: usize| -> Option<u32> {
        let u = text.get(k)?.get();
        (classes.of(u) & TOKEN != 0).then_some(u)
    };
    let mut i = 0;
    while i < n {
        let c = text[i].get();
        let class = classes.of(c);
        if class & WORD == 0 {
            i += 1;
            continue;
        }
        // A word starts at `i`. Walks may start at `i` and after its
        // proclitics (و ف, then ب ل ك), each only where the run of token
        // characters from there is the first token of a key. The runs all
        // end at the same place, so their hashes are computed side by side
        // (independent multiplications) in one pass over the word.
        let mut end = i;
        if class & TOKEN != 0 {
            let mut h = [filter::step(filter::SEED, c), filter::SEED, filter::SEED];
            // How many runs: 1, or 2 with a proclitic, 3 with two.
            let mut runs = 1;
            let mut second = 0;
            end = i + 1;
            if let Some(u) = token(end) {
                h[0] = filter::step(h[0], u);
                if class & (CLITIC1 | CLITIC2) != 0 {
                    h[1] = filter::step(h[1], u);
                    runs = 2;
                    if class & CLITIC1 != 0 && classes.of(u) & CLITIC2 != 0 {
                        runs = 3;
                        second = u;
                    }
                }
                end += 1;
                match runs {
                    1 => {
                        while let Some(u) = token(end) {
                            h[0] = filter::step(h[0], u);
                            end += 1;
                        }
                    }
                    2 => {
                        while let Some(u) = token(end) {
                            h[0] = filter::step(h[0], u);
                            h[1] = filter::step(h[1], u);
                            end += 1;
                        }
                    }
                    _ => {
                        while let Some(u) = token(end) {
                            h[0] = filter::step(h[0], u);
                            h[1] = filter::step(h[1], u);
                            h[2] = filter::step(h[2], u);
                            end += 1;
                        }
                    }
                }
            }
            if first.may_start(h[0]) {
                walk(trie, classes, text, i, i, 0, out);
            }
            if runs >= 2 && first.may_start(h[1]) {
                walk(trie, classes, text, i, i + 1, clitic_id(c, None), out);
            }
            // The third run is empty when the word is just the two
            // proclitics.
            if runs == 3 && i + 2 < end && first.may_start(h[2]) {
                walk(
                    trie,
                    classes,
                    text,
                    i,
                    i + 2,
                    clitic_id(c, Some(second)),
                    out,
                );
            }
        }
        // The next word starts after a character that is not a word
        // character.
        i = end.max(i + 1);
        while i < n && classes.of(text[i].get()) & WORD != 0 {
            i += 1;
        }
    }
}

/// Walks the trie from `start`, recording every key that ends at a word end.
#[inline(always)]
fn walk<T: CodeUnit>(
    trie: &Trie,
    classes: Classes,
    text: &[T],
    word_start: usize,
    start: usize,
    clitic: u8,
    out: &mut Vec<Candidate>,
) {
    let n = text.len();
    let mut node = Trie::ROOT;
    let mut j = start;
    while j < n {
        let c = text[j].get();
        if classes.of(c) & SEP != 0 {
            let mut k = j + 1;
            while k < n && classes.of(text[k].get()) & SEP != 0 {
                k += 1;
            }
            match trie.step(node, keys::SEP as u32) {
                Some(next) if k < n => {
                    node = next;
                    j = k;
                    continue;
                }
                _ => return,
            }
        }
        match trie.step(node, c) {
            Some(next) => node = next,
            None => return,
        }
        j += 1;
        if let Some(key) = trie.value(node) {
            if j == n || classes.of(text[j].get()) & WORD == 0 {
                out.push(Candidate {
                    word_start: word_start as u32,
                    start: start as u32,
                    end: j as u32,
                    clitic,
                    key,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;
    use crate::normalize::{Normalizer, Profile};

    /// The scan without the first-token filter: a walk from every word
    /// start and after every proclitic sequence (how the scanner worked
    /// before it had the filter).
    fn unfiltered(trie: &Trie, text: &[char], out: &mut Vec<Candidate>) {
        let classes = Classes::get();
        let class = |k: usize| classes.of(text[k] as u32);
        let n = text.len();
        let mut prev_word = false;
        for i in 0..n {
            let c = text[i] as u32;
            let word = class(i) & WORD != 0;
            if word && !prev_word {
                let mut go = |start: usize, clitic: u8| {
                    if start < n && class(start) & WORD != 0 {
                        walk(trie, classes, text, i, start, clitic, out);
                    }
                };
                go(i, 0);
                if class(i) & CLITIC1 != 0 && i + 1 < n {
                    go(i + 1, clitic_id(c, None));
                    let d = text[i + 1] as u32;
                    if class(i + 1) & CLITIC2 != 0 && i + 2 < n {
                        go(i + 2, clitic_id(c, Some(d)));
                    }
                } else if class(i) & CLITIC2 != 0 && i + 1 < n {
                    go(i + 1, clitic_id(c, None));
                }
            }
            prev_word = word;
        }
    }

    /// A cheap deterministic generator (xorshift).
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    #[test]
    fn the_filter_loses_no_candidate() {
        // Texts made of keys (the built-in gazetteer's), pieces of keys,
        // proclitics, separators that are letters (U+02BF), punctuation and
        // digits glued on: every candidate the unfiltered scan finds, the
        // filtered one finds too, and nothing else.
        let g = Gazetteer::builtin();
        let inner = &*g.inner;
        let n = Normalizer::from_profile(Profile::Search);
        let keys: Vec<Vec<char>> = ["دير الزور", "الحسكة", "Deir ez-Zor", "al-Bukamal", "هجين"]
            .iter()
            .map(|s| n.normalize(s).chars().collect())
            .collect();
        let glue = [
            "", " ", "  ", "و", "ول", "فب", "ب", "ل", "ال", "-", "\u{2bf}", "،", ".", "1", "x",
            "ي", "ة", " و", "\u{64e}",
        ];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut found = 0;
        for _ in 0..3000 {
            let mut text: Vec<char> = Vec::new();
            for _ in 0..1 + rng.below(8) {
                text.extend(glue[rng.below(glue.len())].chars());
                let k = &keys[rng.below(keys.len())];
                let (a, b) = (
                    rng.below(3).min(k.len()),
                    k.len() - rng.below(3).min(k.len()),
                );
                text.extend_from_slice(if a < b && rng.below(4) == 0 {
                    &k[a..b]
                } else {
                    k
                });
                text.extend(glue[rng.below(glue.len())].chars());
            }
            let (mut want, mut got) = (Vec::new(), Vec::new());
            unfiltered(&inner.trie, &text, &mut want);
            scan(&inner.trie, &inner.first, &text, &mut got);
            want.sort_by_key(|c| (c.start, c.end, c.word_start, c.clitic));
            got.sort_by_key(|c| (c.start, c.end, c.word_start, c.clitic));
            assert_eq!(got, want, "{}", text.iter().collect::<String>());
            found += got.len();
        }
        assert!(found > 3000, "{found}");
    }
}
