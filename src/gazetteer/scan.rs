//! Finding candidate mentions in normalized text.
//!
//! A mention starts at a word start, or right after a proclitic sequence at
//! a word start (و ف then ب ل ك: والحسكة, بدير الزور, وبالرقة, للحسكة), and
//! ends at a word end. So the scanner walks the trie only from those
//! positions: a name glued to anything else (مدير for دير, السورية for a
//! village سوري) is never even looked at. Every key that ends at a word end
//! along the walk is a candidate: overlapping candidates are all kept, and
//! the resolver picks among them after evidence is weighed (filtering a
//! leftmost-longest pass afterwards would let a rejected long candidate
//! shadow a good short one).

use super::keys::{SEP, is_separator, is_word_char};
use super::trie::Trie;

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

#[inline]
fn first_clitic(c: char) -> bool {
    matches!(c, 'و' | 'ف')
}

#[inline]
fn second_clitic(c: char) -> bool {
    matches!(c, 'ب' | 'ل' | 'ك')
}

#[inline]
fn clitic_id(a: char, b: Option<char>) -> u8 {
    let s: &str = match (a, b) {
        ('و', None) => "و",
        ('ف', None) => "ف",
        ('ب', None) => "ب",
        ('ل', None) => "ل",
        ('ك', None) => "ك",
        ('و', Some('ب')) => "وب",
        ('و', Some('ل')) => "ول",
        ('و', Some('ك')) => "وك",
        ('ف', Some('ب')) => "فب",
        ('ف', Some('ل')) => "فل",
        ('ف', Some('ك')) => "فك",
        _ => return 0,
    };
    clitic_index(s).unwrap_or(0) as u8
}

/// Every candidate in `text` (normalized chars), in order of start.
pub(crate) fn scan(trie: &Trie, text: &[char], out: &mut Vec<Candidate>) {
    let n = text.len();
    let mut prev_word = false;
    for i in 0..n {
        let c = text[i];
        let word = is_word_char(c);
        if word && !prev_word {
            walk(trie, text, i, i, 0, out);
            if first_clitic(c) && i + 1 < n {
                walk(trie, text, i, i + 1, clitic_id(c, None), out);
                let d = text[i + 1];
                if second_clitic(d) && i + 2 < n {
                    walk(trie, text, i, i + 2, clitic_id(c, Some(d)), out);
                }
            } else if second_clitic(c) && i + 1 < n {
                walk(trie, text, i, i + 1, clitic_id(c, None), out);
            }
        }
        prev_word = word;
    }
}

/// Walks the trie from `start`, recording every key that ends at a word end.
#[inline(always)]
fn walk(
    trie: &Trie,
    text: &[char],
    word_start: usize,
    start: usize,
    clitic: u8,
    out: &mut Vec<Candidate>,
) {
    let n = text.len();
    if start >= n || !is_word_char(text[start]) {
        return;
    }
    let mut node = Trie::ROOT;
    let mut j = start;
    while j < n {
        let c = text[j];
        if is_separator(c) {
            let mut k = j + 1;
            while k < n && is_separator(text[k]) {
                k += 1;
            }
            match trie.step(node, SEP) {
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
            if j == n || !is_word_char(text[j]) {
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
