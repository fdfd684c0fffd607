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

/// Levenshtein distance between `a` and `b` if it is at most `max`.
pub(crate) fn within(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    if max == 0 {
        return (a == b).then_some(0);
    }
    // Two rows of the classic table (on the stack for the short lines this
    // is used on); a row whose minimum exceeds `max` ends the search early.
    const STACK: usize = 64;
    let (mut prev_buf, mut cur_buf) = ([0usize; STACK], [0usize; STACK]);
    let (mut prev_vec, mut cur_vec);
    let (mut prev, mut cur): (&mut [usize], &mut [usize]) = if b.len() < STACK {
        (&mut prev_buf[..=b.len()], &mut cur_buf[..=b.len()])
    } else {
        prev_vec = vec![0; b.len() + 1];
        cur_vec = vec![0; b.len() + 1];
        (&mut prev_vec[..], &mut cur_vec[..])
    };
    for (j, p) in prev.iter_mut().enumerate() {
        *p = j;
    }
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= max).then_some(d)
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

    #[test]
    fn budgets_grow_with_length() {
        assert_eq!(budget(4), 0);
        assert_eq!(budget(8), 1);
        assert_eq!(budget(20), 2);
    }
}
