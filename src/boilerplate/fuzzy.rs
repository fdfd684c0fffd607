//! Bounded edit distance, for interface phrases with typos.
//!
//! Chrome is typed by hand once per site template and copied to every page,
//! so a typo in it ("قد يعحبك أيضاً" for "قد يعجبك أيضاً") repeats on
//! thousands of pages. The lexicon tolerates one edit in phrases of six or
//! more letters and two in fourteen or more, which is far from any other
//! entry and from ordinary short lines.

/// The edits a phrase of `len` characters tolerates.
pub(crate) fn budget(len: usize) -> usize {
    match len {
        0..=5 => 0,
        6..=13 => 1,
        _ => 2,
    }
}

/// The characters of a string as a set of 64 bits (the code point modulo
/// 64: the Arabic letters U+0621-U+064A fall on distinct bits).
pub(crate) fn char_mask(chars: impl Iterator<Item = char>) -> u64 {
    chars.fold(0, |m, c| m | 1 << (c as u32 & 63))
}

/// A lower bound on the edits between two strings from their
/// [`char_mask`]s: every character of one that the other lacks takes an
/// edit (a substitution or an insertion or deletion). Characters sharing a
/// bit can only hide a difference, never invent one, so the bound holds.
/// (The lexicon asks [`mask_edits_exceed`]; this is its definition.)
#[cfg(test)]
pub(crate) fn mask_edits(a: u64, b: u64) -> usize {
    (a & !b).count_ones().max((b & !a).count_ones()) as usize
}

/// Whether [`mask_edits`] exceeds `max`, without counting every bit: the
/// budgets are at most two, and without the POPCNT instruction (not in the
/// baseline x86-64 the wheels target) a full count is a dozen operations.
/// Clearing the lowest set bit `max` times leaves a bit exactly when more
/// than `max` were set.
pub(crate) fn mask_edits_exceed(a: u64, b: u64, max: usize) -> bool {
    let more_than = |mut x: u64| {
        for _ in 0..max {
            x &= x.wrapping_sub(1);
        }
        x != 0
    };
    more_than(a & !b) || more_than(b & !a)
}

/// Levenshtein distance between `a` and `b` if it is at most `max`.
///
/// Only the diagonal band `|i - j| <= max` of the classic table is
/// computed (Ukkonen): a cell outside it is more than `max` anyway, so it
/// stands as `max + 1`, and every cell inside comes out as
/// `min(true distance, max + 1)`. With budgets of one or two edits that is
/// three to five cells per row instead of the whole row.
pub(crate) fn within(a: &[char], b: &[char], max: usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > max {
        return None;
    }
    if max == 0 {
        return (a == b).then_some(0);
    }
    // No distance exceeds the longer length, so neither need the budget;
    // cells hold at most `max + 1` (clamped), so narrow ones will do.
    let max = max.min(n.max(m));
    let Ok(inf) = u32::try_from(max + 1) else {
        return None;
    };
    // Two rows (on the stack for the short lines this is used on).
    const STACK: usize = 64;
    let (mut prev_buf, mut cur_buf) = ([0u32; STACK], [0u32; STACK]);
    let (mut prev_vec, mut cur_vec);
    let (mut prev, mut cur): (&mut [u32], &mut [u32]) = if m < STACK {
        (&mut prev_buf[..=m], &mut cur_buf[..=m])
    } else {
        prev_vec = vec![0u32; m + 1];
        cur_vec = vec![0u32; m + 1];
        (&mut prev_vec[..], &mut cur_vec[..])
    };
    for (j, p) in prev.iter_mut().enumerate() {
        *p = (j as u32).min(inf);
    }
    for i in 1..=n {
        let ca = a[i - 1];
        let lo = i.saturating_sub(max);
        let hi = (i + max).min(m);
        let mut row_min;
        if lo == 0 {
            cur[0] = i as u32;
            row_min = i as u32;
        } else {
            cur[lo - 1] = inf;
            row_min = inf;
        }
        for j in lo.max(1)..=hi {
            let sub = prev[j - 1] + u32::from(ca != b[j - 1]);
            let v = sub.min(prev[j] + 1).min(cur[j - 1] + 1).min(inf);
            cur[j] = v;
            row_min = row_min.min(v);
        }
        // The next row reads one cell further right: outside this band.
        if hi < m {
            cur[hi + 1] = inf;
        }
        if row_min >= inf {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[m];
    (d < inf).then_some(d as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn distances() {
        assert_eq!(within(&c("قد يعحبك ايضا"), &c("قد يعجبك ايضا"), 1), Some(1));
        assert_eq!(within(&c("kitten"), &c("sitting"), 3), Some(3));
        assert_eq!(within(&c("kitten"), &c("sitting"), 2), None);
        assert_eq!(within(&c(""), &c("ab"), 2), Some(2));
        assert_eq!(within(&c("abc"), &c("abc"), 0), Some(0));
        assert_eq!(within(&c("abc"), &c("abd"), 0), None);
    }

    /// The whole table, for comparison.
    fn full(a: &[char], b: &[char]) -> usize {
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for (i, &ca) in a.iter().enumerate() {
            let mut cur = vec![i + 1; b.len() + 1];
            for (j, &cb) in b.iter().enumerate() {
                cur[j + 1] = (prev[j] + usize::from(ca != cb))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1);
            }
            prev = cur;
        }
        prev[b.len()]
    }

    #[test]
    fn band_agrees_with_the_whole_table() {
        // Short strings over a three-letter alphabet, so that distances of
        // every size come up; a fixed xorshift keeps the test reproducible.
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..20_000 {
            let (la, lb) = (next() % 9, next() % 9);
            let a: Vec<char> = (0..la)
                .map(|_| ['ا', 'ب', 'ت'][(next() % 3) as usize])
                .collect();
            let b: Vec<char> = (0..lb)
                .map(|_| ['ا', 'ب', 'ت'][(next() % 3) as usize])
                .collect();
            let d = full(&a, &b);
            for max in 0..5 {
                assert_eq!(
                    within(&a, &b, max),
                    (d <= max).then_some(d),
                    "{a:?} {b:?} {max}"
                );
            }
            assert_eq!(within(&a, &b, usize::MAX), Some(d));
        }
    }

    #[test]
    fn masks_bound_the_distance() {
        let pairs = [
            ("قد يعحبك ايضا", "قد يعجبك ايضا"),
            ("kitten", "sitting"),
            ("abc", "xyz"),
        ];
        for (a, b) in pairs {
            let d = full(&c(a), &c(b));
            assert!(mask_edits(char_mask(a.chars()), char_mask(b.chars())) <= d);
        }
        assert_eq!(
            mask_edits(char_mask("abc".chars()), char_mask("xyz".chars())),
            3
        );
    }

    #[test]
    fn exceeding_agrees_with_the_count() {
        let masks = [0, 1, 0b1011, 0b1100, u64::MAX, 1 << 63 | 1, 0xF0F0];
        for a in masks {
            for b in masks {
                for max in 0..=3 {
                    assert_eq!(mask_edits_exceed(a, b, max), mask_edits(a, b) > max);
                }
            }
        }
    }

    #[test]
    fn budgets_grow_with_length() {
        assert_eq!(budget(4), 0);
        assert_eq!(budget(8), 1);
        assert_eq!(budget(20), 2);
    }
}
