//! From a name to the keys the matcher looks for in normalized text.
//!
//! A key is a name after the `search` profile, with every run of separators
//! (space, hyphen, apostrophe) written as one space, which the scanner
//! matches against any run of separators in the text. Variants are made here
//! once, at build time, so the scan stays a plain trie walk:
//!
//! * Arabic: the name with its spaces dropped (ديرالزور, البوكمال from
//!   البو كمال, عينالعرب), and for names that start with ال the form with the
//!   alef elided (لحسكه), which only matches after the proclitic ل (للحسكة).
//! * Latin: article variants of every article-like token (ez, al, el, ar, as,
//!   ash, ad...: Deir ez-Zor, Deir al-Zor, Deir el-Zor, Deir Zor is curated),
//!   a leading article dropped (Raqqa for Ar-Raqqa), separators optional
//!   (Deirezzor, Deir Ezzor, Al-Bukamal / Albukamal).

use super::class::is_separator;
use crate::normalize::Normalizer;

/// The character a separator run becomes in a key.
pub(crate) const SEP: char = ' ';

/// Latin tokens that are (assimilated) forms of the Arabic article.
const ARTICLES: [&str; 17] = [
    "al", "el", "ar", "as", "ash", "ad", "at", "az", "an", "ath", "adh", "ez", "es", "et", "ed",
    "er", "en",
];

/// Spellings of the common words of Syrian place names that transliterations
/// write interchangeably (تل: Tal, Tall, Tel, Tell; عين: Ain, Ayn, Ein; دير:
/// Deir, Dayr, Dair): a Latin name with one of them also gets the others.
const WORD_SPELLINGS: [&[&str]; 6] = [
    &["tal", "tall", "tel", "tell"],
    &["ain", "ayn", "ein"],
    &["deir", "dayr", "dair"],
    &["jabal", "jebel", "jabel"],
    &["khirbet", "khirbat", "kherbet"],
    &["beit", "bayt", "bait"],
];

/// At most this many keys per name (bounds the 2^n separator variants).
const MAX_VARIANTS: usize = 32;

/// A key and whether it is the alef-elided form (valid only after ل).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Key {
    pub(crate) chars: Vec<char>,
    pub(crate) lam_elided: bool,
    pub(crate) latin: bool,
}

/// Splits normalized text into tokens at separator runs.
fn tokens(norm: &[char]) -> Vec<Vec<char>> {
    norm.split(|c| is_separator(*c))
        .filter(|t| !t.is_empty())
        .map(<[char]>::to_vec)
        .collect()
}

/// Joins tokens with a separator between each pair, except after the
/// tokens marked in `glued_after`.
fn join(tokens: &[Vec<char>], glued_after: &[bool]) -> Vec<char> {
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 && !glued_after[i - 1] {
            out.push(SEP);
        }
        out.extend_from_slice(t);
    }
    out
}

/// The separator variants of a token list: spaced, fully glued, and each
/// gap glued alone (ديرالزور; Deir Ezzor has the article glued).
fn glue_variants(toks: &[Vec<char>], out: &mut Vec<Vec<char>>) {
    let gaps = toks.len().saturating_sub(1);
    let mut glued = vec![false; gaps];
    out.push(join(toks, &glued));
    if gaps == 0 {
        return;
    }
    out.push(join(toks, &vec![true; gaps]));
    if gaps > 1 {
        for g in 0..gaps {
            glued.iter_mut().for_each(|x| *x = false);
            glued[g] = true;
            out.push(join(toks, &glued));
        }
    }
}

/// The keys of one name.
pub(crate) fn keys(name: &str, normalizer: &Normalizer) -> Vec<Key> {
    let chars: Vec<char> = name.chars().collect();
    let norm = normalizer
        .normalize_units(&chars, false)
        .text
        .unwrap_or(chars);
    let toks = tokens(&norm);
    if toks.is_empty() {
        return Vec::new();
    }
    let arabic = norm.iter().any(|c| super::place::is_arabic(*c));
    let mut forms: Vec<Vec<char>> = Vec::new();
    if arabic {
        glue_variants(&toks, &mut forms);
    } else {
        let mut lists = article_variants(&toks);
        // News adds the article to names written without it (al-Hassakeh).
        if toks.len() == 1 && toks[0].len() >= 4 {
            for art in [['a', 'l'], ['e', 'l']] {
                let mut v = vec![art.to_vec()];
                v.extend(toks.iter().cloned());
                lists.push(v);
            }
        }
        // Other spellings of a token, one token at a time, after the
        // article variants (which come first under MAX_VARIANTS).
        let spelled: Vec<Vec<Vec<char>>> = lists
            .iter()
            .take(2)
            .flat_map(|toks| spelling_variants(toks))
            .collect();
        for toks in lists.into_iter().chain(spelled) {
            glue_variants(&toks, &mut forms);
        }
    }
    let mut out: Vec<Key> = Vec::new();
    for f in forms {
        if out.len() >= MAX_VARIANTS {
            break;
        }
        // Too short to mean anything on its own (a bare "bab"), or only the
        // generic word of a name ("Tal" of Al-Tal is the "tal" of every "Tal
        // X"; دير alone is never a place either, but no Arabic name is it).
        if f.iter().filter(|c| !is_separator(**c)).count() < 3 || is_generic_word(&f) {
            continue;
        }
        if arabic && f.len() > 3 && f[0] == 'ا' && f[1] == 'ل' {
            out.push(Key {
                chars: f[1..].to_vec(),
                lam_elided: true,
                latin: false,
            });
        }
        out.push(Key {
            chars: f,
            lam_elided: false,
            latin: !arabic,
        });
    }
    out.sort_by(|a, b| a.chars.cmp(&b.chars).then(a.lam_elided.cmp(&b.lam_elided)));
    out.dedup();
    out
}

/// Whether token `t` is one of `words`.
fn is_one_of(t: &[char], words: &[&str]) -> bool {
    words.iter().any(|w| w.chars().eq(t.iter().copied()))
}

/// The spellings of [`WORD_SPELLINGS`] that token `t` is one of.
fn spelling_class(t: &[char]) -> Option<&'static [&'static str]> {
    WORD_SPELLINGS.iter().copied().find(|c| is_one_of(t, c))
}

/// Whether a key is a single generic word of [`WORD_SPELLINGS`].
fn is_generic_word(key: &[char]) -> bool {
    spelling_class(key).is_some()
}

/// The token lists with one token respelled by [`WORD_SPELLINGS`].
fn spelling_variants(toks: &[Vec<char>]) -> Vec<Vec<Vec<char>>> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let Some(class) = spelling_class(t) else {
            continue;
        };
        for w in class.iter().filter(|w| !is_one_of(t, &[w])) {
            let mut v = toks.to_vec();
            v[i] = w.chars().collect();
            out.push(v);
        }
    }
    out
}

fn is_article(t: &[char]) -> bool {
    is_one_of(t, &ARTICLES)
}

/// Assimilated articles that are also English words: kept as the first
/// token of a key, "At-Tabqah" would match "fighting at Tabqah" with "at"
/// in the span (Latin keys match case-insensitively), so a leading one is
/// only replaced (al, el) or dropped.
const ENGLISH_WORD_ARTICLES: [&str; 3] = ["at", "as", "an"];

/// Token lists with each article token (one that has a token after it)
/// kept or replaced by al / el; a leading article may also be dropped
/// (Raqqa for Ar-Raqqa).
fn article_variants(toks: &[Vec<char>]) -> Vec<Vec<Vec<char>>> {
    let mut out: Vec<Vec<Vec<char>>> = vec![Vec::new()];
    for (i, t) in toks.iter().enumerate() {
        let article = i + 1 < toks.len() && is_article(t);
        let mut next = Vec::new();
        for prefix in &out {
            if article {
                let keep = i > 0 || !is_one_of(t, &ENGLISH_WORD_ARTICLES);
                let own = keep.then(|| t.clone());
                for alt in own.into_iter().chain([vec!['a', 'l'], vec!['e', 'l']]) {
                    let mut p = prefix.clone();
                    p.push(alt);
                    if !next.contains(&p) {
                        next.push(p);
                    }
                }
                if i == 0 {
                    next.push(prefix.clone()); // dropped
                }
            } else {
                let mut p = prefix.clone();
                p.push(t.clone());
                next.push(p);
            }
        }
        out = next;
        if out.len() > 8 {
            out.truncate(8);
        }
    }
    out.retain(|v| !v.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Profile;

    fn key_strings(name: &str) -> Vec<String> {
        let n = Normalizer::from_profile(Profile::Search);
        keys(name, &n)
            .into_iter()
            .map(|k| {
                format!(
                    "{}{}",
                    if k.lam_elided { "*" } else { "" },
                    k.chars.iter().collect::<String>()
                )
            })
            .collect()
    }

    #[test]
    fn arabic_variants() {
        let k = key_strings("دير الزّور");
        assert!(k.contains(&"دير الزور".to_owned()));
        assert!(k.contains(&"ديرالزور".to_owned()));
        let mut k = key_strings("الحسكة");
        k.sort();
        assert_eq!(k, vec!["*لحسكه", "الحسكه"]);
    }

    #[test]
    fn latin_variants() {
        let k = key_strings("Deir ez-Zor");
        for want in [
            "deir ez zor",
            "deirezzor",
            "deir ezzor",
            "deir al zor",
            "deir el zor",
        ] {
            assert!(k.contains(&want.to_owned()), "{want} not in {k:?}");
        }
        let k = key_strings("Ar-Raqqa");
        for want in ["ar raqqa", "raqqa", "al raqqa", "alraqqa", "arraqqa"] {
            assert!(k.contains(&want.to_owned()), "{want} not in {k:?}");
        }
    }

    #[test]
    fn respelled_toponym_words() {
        let k = key_strings("Tell Abiad");
        for want in ["tell abiad", "tal abiad", "tel abiad", "tall abiad"] {
            assert!(k.contains(&want.to_owned()), "{want} not in {k:?}");
        }
        let k = key_strings("Ras al-Ain");
        for want in ["ras al ain", "ras al ayn", "ras el ein"] {
            assert!(k.contains(&want.to_owned()), "{want} not in {k:?}");
        }
        // only whole tokens: "Tallaa" is not respelled
        assert!(!key_strings("Tallaa").iter().any(|k| k.starts_with("tel")));
        // a leading article that is an English word is replaced, not kept
        let k = key_strings("At-Tabqah");
        assert!(
            k.contains(&"tabqah".to_owned()) && k.contains(&"al tabqah".to_owned()),
            "{k:?}"
        );
        assert!(!k.contains(&"at tabqah".to_owned()), "{k:?}");
        // the generic word alone is no key ("Tal Nasri" is not Al-Tal)
        let k = key_strings("Al-Tal");
        assert!(k.contains(&"al tal".to_owned()), "{k:?}");
        assert!(!k.contains(&"tal".to_owned()), "{k:?}");
    }
}
