//! Lines, folding and keys.
//!
//! A page is split into lines at `\n`, `\r\n` and a lone `\r` (Python's
//! universal newlines): for the usual `\n` and `\r\n` files the lines are
//! exactly `text.split("\n")` with a final `\r` treated as part of the
//! break, and old lone-CR files still come apart into lines.
//!
//! Each line is folded with the normalizer's "search" profile (so أ/ا,
//! ة/ه, ى/ي, tatweel, vowel marks, digit scripts and case stop mattering)
//! and reduced to a *key*: its words (runs of letters and digits) joined by
//! one space. Lexicon phrases go through the same two steps, so a phrase
//! matches a line whenever a reader would say they are the same words.

use crate::normalize::{Normalizer, Options, Profile, Whitespace};
use std::sync::LazyLock;

/// The "search" profile without its NFC step, built once.
///
/// NFC only matters here for decomposed sequences such as ا + U+0654, and
/// the fold already removes the mark and folds the composed letter to the
/// same base (أ → ا, ؤ → و, ئ → ي), so the key is the same either way. The
/// NFC scan was a seventh of the cleaning time.
pub(crate) static SEARCH: LazyLock<Normalizer> = LazyLock::new(|| {
    Normalizer::new(Options {
        nfc: false,
        ..Options::profile(Profile::Search)
    })
});

/// The spans (start, end) of the lines of `chars`, line breaks excluded.
pub(crate) fn split_lines(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    while let Some(i) = next_break(chars, start) {
        out.push((start, i));
        let crlf = chars[i] == '\r' && chars.get(i + 1) == Some(&'\n');
        start = i + 1 + usize::from(crlf);
    }
    out.push((start, chars.len()));
    out
}

/// The index of the first `\n` or `\r` at or after `from`.
fn next_break(chars: &[char], from: usize) -> Option<usize> {
    const BLOCK: usize = 16;
    let is_break = |c: char| c == '\n' || c == '\r';
    // Whole blocks first, tested without a branch per character (the OR
    // of the comparisons vectorizes): lines run to dozens of characters,
    // and this scan runs twice over every page.
    let mut i = from;
    while let Some(block) = chars.get(i..i + BLOCK) {
        if block.iter().fold(false, |any, &c| any | is_break(c)) {
            break;
        }
        i += BLOCK;
    }
    chars[i..].iter().position(|&c| is_break(c)).map(|p| i + p)
}

/// `chars` without leading and trailing whitespace (NBSP included) and
/// invisible format characters.
pub(crate) fn trim_chars(chars: &[char]) -> &[char] {
    let (start, end) = trim_range(chars);
    &chars[start..end]
}

/// The range of `chars` that [`trim_chars`] keeps.
pub(crate) fn trim_range(chars: &[char]) -> (usize, usize) {
    let is_pad = |c: &char| c.is_whitespace() || is_invisible(*c);
    let start = chars.iter().position(|c| !is_pad(c)).unwrap_or(chars.len());
    let end = chars
        .iter()
        .rposition(|c| !is_pad(c))
        .map_or(start, |e| e + 1);
    (start, end)
}

/// Zero-width and bidi format characters, which pad lines in scraped text.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}' | '\u{FEFF}' | '\u{00AD}' | '\u{061C}' | '\u{180E}')
}

/// [`SEARCH`] with whitespace mapped one for one instead of collapsed, so
/// that line breaks survive: for folding a whole page at once.
static SEARCH_PAGE: LazyLock<Normalizer> = LazyLock::new(|| {
    Normalizer::new(Options {
        whitespace: Whitespace::Spaces,
        ..*SEARCH.options()
    })
});

/// Folds a whole page, keeping its line breaks (lines are then trimmed of
/// the spaces that [`fold`] would have collapsed).
pub(crate) fn fold_page(chars: &[char]) -> Vec<char> {
    match SEARCH_PAGE.normalize_units(chars, false).text {
        Some(out) => out,
        None => chars.to_vec(),
    }
}

/// Folds a line with the "search" profile (without NFC, see [`SEARCH`]).
pub(crate) fn fold(chars: &[char]) -> Vec<char> {
    match SEARCH.normalize_units(chars, false).text {
        Some(out) => out,
        None => chars.to_vec(),
    }
}

/// A folded line reduced to words.
#[derive(Debug, Default)]
pub(crate) struct Key {
    /// The words joined with single spaces.
    pub(crate) text: String,
    /// Byte ranges of the words in `text`.
    pub(crate) words: Vec<(u32, u32)>,
    /// Arabic letters, other letters below U+0250 (Latin), commas and
    /// semicolons: counted while the key is built, to spare another pass.
    pub(crate) arabic: usize,
    pub(crate) latin: usize,
    pub(crate) commas: usize,
    /// How many words precede the first separator (`:`, `|`, `-`, `–`, `/`, `..`),
    /// when the line has one after at least one word.
    pub(crate) sep_at: Option<usize>,
    /// Every character of the folded line, as a set of 64 bits (the code
    /// point modulo 64): a line can only contain a string whose characters
    /// are all in it, which rules most lines out for the symbol phrases
    /// (©) and for headline separators at the cost of one OR a character.
    pub(crate) chars_mask: u64,
}

impl Key {
    /// The key of folded characters.
    pub(crate) fn new(folded: &[char]) -> Key {
        // Built as bytes: every character pushed is a whole UTF-8 sequence,
        // and the two cases that make up nearly all text (ASCII, Arabic
        // letters) are encoded inline rather than through `String::push`.
        let mut text: Vec<u8> = Vec::with_capacity(folded.len() * 2 + 2);
        let mut key = Key {
            words: Vec::with_capacity(folded.len() / 4 + 1),
            ..Key::default()
        };
        let mut in_word = false;
        let mut word_start = 0u32;
        let mut chars_mask = 0u64;
        for (i, &c) in folded.iter().enumerate() {
            let u = c as u32;
            chars_mask |= 1 << (u & 63);
            // One classification per character: ASCII, Arabic letter, or
            // (rarely) anything else through the Unicode tables.
            let word = if u < 0x80 {
                let b = u as u8;
                key.latin += usize::from(b.is_ascii_alphabetic());
                key.commas += usize::from(b == b',' || b == b';');
                b.is_ascii_alphanumeric()
            } else if is_arabic_letter(c) {
                key.arabic += 1;
                true
            } else {
                let alpha = c.is_alphanumeric();
                key.latin += usize::from(u < 0x0250 && alpha);
                alpha
            };
            if word {
                if !in_word {
                    if !text.is_empty() {
                        text.push(b' ');
                    }
                    word_start = text.len() as u32;
                    in_word = true;
                }
                if u < 0x80 {
                    text.push(u as u8);
                } else if u < 0x800 {
                    text.extend_from_slice(&[0xC0 | (u >> 6) as u8, 0x80 | (u & 0x3F) as u8]);
                } else {
                    text.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
            } else {
                if in_word {
                    key.words.push((word_start, text.len() as u32));
                    in_word = false;
                }
                // ".." (and "…", folded to "...") separate like a colon:
                // "إقرأ أيضا.. العراق يعلن".
                if key.sep_at.is_none()
                    && !key.words.is_empty()
                    && (matches!(c, ':' | '|' | '-' | '/')
                        || c == '.' && folded.get(i + 1) == Some(&'.'))
                {
                    key.sep_at = Some(key.words.len());
                }
            }
        }
        if in_word {
            key.words.push((word_start, text.len() as u32));
        }
        key.chars_mask = chars_mask;
        // SAFETY: `text` holds only whole UTF-8 sequences: ASCII bytes,
        // two-byte sequences of code points below U+0800 encoded above, and
        // `char::encode_utf8` output. (Validating them again cost a tenth
        // of the cleaning time.)
        key.text = unsafe { String::from_utf8_unchecked(text) };
        key
    }

    /// The key of a phrase written in a data file.
    pub(crate) fn of_phrase(phrase: &str) -> Key {
        let chars: Vec<char> = phrase.chars().collect();
        Key::new(&fold(&chars))
    }

    /// The `i`th word.
    pub(crate) fn word(&self, i: usize) -> &str {
        let (s, e) = self.words[i];
        &self.text[s as usize..e as usize]
    }

    /// The words.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        self.words
            .iter()
            .map(|&(s, e)| &self.text[s as usize..e as usize])
    }

    /// Number of words.
    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }
}

/// Letters and digits make words; after folding, marks are gone. ASCII
/// and the Arabic letters are answered without the Unicode tables, which
/// are slow for non-ASCII characters and would dominate the run time.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if is_arabic_letter(c) {
        true
    } else {
        c.is_alphanumeric()
    }
}

/// Arabic letters (the base block and its supplements).
#[inline]
pub(crate) fn is_arabic_letter(c: char) -> bool {
    // The common cases first: below the block (ASCII), then the base
    // letters; this runs on every character of every page.
    let u = c as u32;
    if u < 0x0620 {
        return false;
    }
    if u <= 0x064A {
        return true;
    }
    u <= 0x08C9
        && matches!(u, 0x066E..=0x06D3 | 0x06FA..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08C9)
}

/// Characters that belong to a word in the *original* text: letters,
/// digits, combining marks, tatweel and joiners. Used to walk the original
/// line word by word in step with its key.
pub(crate) fn is_original_word_char(c: char) -> bool {
    is_word_char(c)
        || matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
            | '\u{06D6}'..='\u{06ED}' | '\u{0640}' | '\u{200C}' | '\u{200D}')
}

/// The character offset in `chars` just past its first `n` words (as the
/// key counts them), or `None` when it has fewer.
pub(crate) fn offset_after_words(chars: &[char], n: usize) -> Option<usize> {
    if n == 0 {
        return Some(0);
    }
    let mut seen = 0;
    let mut in_word = false;
    for (i, &c) in chars.iter().enumerate() {
        let w = is_original_word_char(c);
        if in_word && !w {
            seen += 1;
            if seen == n {
                return Some(i);
            }
        }
        in_word = w;
    }
    if in_word && seen + 1 == n {
        Some(chars.len())
    } else {
        None
    }
}

/// `chars` without leading and trailing punctuation, symbols and spaces.
pub(crate) fn trim_punct(chars: &[char]) -> &[char] {
    let keep = |c: &char| {
        is_original_word_char(*c) || matches!(c, '(' | ')' | '«' | '»' | '"' | '“' | '”')
    };
    let start = chars.iter().position(&keep).unwrap_or(chars.len());
    let end = chars.iter().rposition(keep).map_or(start, |e| e + 1);
    let mut s = &chars[start..end];
    // Brackets and quotes only survive when they are balanced inside.
    while let (Some(&f), Some(&l)) = (s.first(), s.last()) {
        let pair = matches!((f, l), ('(', ')') | ('«', '»') | ('"', '"') | ('“', '”'));
        let lone_open = matches!(f, '(' | '«' | '“') && !s[1..].iter().any(|&c| closes(f, c));
        let lone_close =
            matches!(l, ')' | '»' | '”') && !s[..s.len() - 1].iter().any(|&c| closes(c, l));
        if pair && s.len() >= 2 && !s[1..s.len() - 1].iter().any(|&c| c == f || c == l) {
            s = &s[1..s.len() - 1];
        } else if lone_open || f == '"' && s[1..].iter().all(|&c| c != '"') {
            s = &s[1..];
        } else if lone_close || l == '"' && s[..s.len() - 1].iter().all(|&c| c != '"') {
            s = &s[..s.len() - 1];
        } else {
            break;
        }
        s = trim_chars(s);
    }
    s
}

fn closes(open: char, close: char) -> bool {
    matches!((open, close), ('(', ')') | ('«', '»') | ('“', '”'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn splits_like_universal_newlines() {
        assert_eq!(split_lines(&chars("")), vec![(0, 0)]);
        assert_eq!(split_lines(&chars("a\nb")), vec![(0, 1), (2, 3)]);
        assert_eq!(
            split_lines(&chars("a\r\nb\r\n")),
            vec![(0, 1), (3, 4), (6, 6)]
        );
        assert_eq!(split_lines(&chars("a\rb\r")), vec![(0, 1), (2, 3), (4, 4)]);
        assert_eq!(split_lines(&chars("a\n\nb")), vec![(0, 1), (2, 2), (3, 4)]);
    }

    #[test]
    fn decomposed_hamza_gives_the_same_key() {
        assert_eq!(
            Key::of_phrase("اقرأ أيضا").text,
            Key::of_phrase("اقرا\u{0654} ا\u{0654}يضا").text
        );
    }

    #[test]
    fn keys_fold_spelling_and_punctuation() {
        let k = Key::of_phrase("قد يعجبك أيضاً!");
        assert_eq!(k.text, "قد يعجبك ايضا");
        assert_eq!(k.len(), 3);
        let k = Key::of_phrase("المصدر: رصد");
        assert_eq!(k.text, "المصدر رصد");
        assert_eq!(k.sep_at, Some(1));
        assert_eq!(Key::of_phrase("٢٤ كانونُ الثاني").text, "24 كانون الثاني");
        assert_eq!(Key::of_phrase("+A").text, "a");
    }

    #[test]
    fn walks_original_words() {
        let c = chars("المصدرُ: رَصد");
        assert_eq!(offset_after_words(&c, 1), Some(7));
        assert_eq!(offset_after_words(&c, 2), Some(c.len()));
        assert_eq!(offset_after_words(&c, 3), None);
    }

    #[test]
    fn trims_punctuation_but_keeps_balanced_brackets() {
        let t = |s: &str| trim_punct(&chars(s)).iter().collect::<String>();
        assert_eq!(t(": رصد."), "رصد");
        assert_eq!(t("(قسد)"), "قسد");
        assert_eq!(t("عنب بلدي (خاص)"), "عنب بلدي (خاص)");
        assert_eq!(t("\"بلدي نيوز"), "بلدي نيوز");
    }
}
