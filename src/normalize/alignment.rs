//! Offsets between a normalized text and the original it came from.
//!
//! Most characters map one to one (ة → ه included), so the alignment only
//! stores the places where that is not true: a *block* is a stretch of the
//! original that became a stretch of the output as a whole (a deleted run
//! of diacritics, a collapsed run of whitespace, ﷺ expanded to 18 letters,
//! ا + U+0654 composed to أ). Between blocks the two texts advance together.
//! A lookup is a binary search over the blocks: sparse anchors cost a few
//! percent of the normalizer's speed where a dense per-character map costs
//! most of it.
//!
//! Positions are character (code point) indices: Python `str` indices.

use std::fmt;

/// One stretch of the original that maps to one stretch of the output as a
/// whole. Either side may be empty (a deletion has `norm_len == 0`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Block {
    pub(crate) orig: u32,
    pub(crate) norm: u32,
    pub(crate) orig_len: u32,
    pub(crate) norm_len: u32,
}

impl Block {
    fn orig_end(&self) -> u32 {
        self.orig + self.orig_len
    }
    fn norm_end(&self) -> u32 {
        self.norm + self.norm_len
    }
}

/// Maps spans between a normalized text and its original.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Alignment {
    blocks: Vec<Block>,
    orig_len: usize,
    norm_len: usize,
}

/// Which side of the alignment a position is on.
#[derive(Clone, Copy)]
enum Side {
    Orig,
    Norm,
}

impl Alignment {
    /// The identity alignment of a text of `len` characters.
    pub fn identity(len: usize) -> Alignment {
        Alignment {
            blocks: Vec::new(),
            orig_len: len,
            norm_len: len,
        }
    }

    /// Length of the original text, in characters.
    pub fn original_len(&self) -> usize {
        self.orig_len
    }

    /// Length of the normalized text, in characters.
    pub fn normalized_len(&self) -> usize {
        self.norm_len
    }

    /// Whether every character maps one to one.
    pub fn is_identity(&self) -> bool {
        self.blocks.is_empty()
    }

    /// The number of stored blocks (a measure of the alignment's size).
    pub fn block_count(&self) -> usize {
        self.blocks.len()
    }

    /// Maps the span `start..end` of the normalized text to the span of the
    /// original it came from. The result is tight: characters deleted at the
    /// span's edges are left out; a block cut by the span is taken whole.
    /// An empty span maps to an empty span. `None` when the span is out of
    /// range or reversed.
    pub fn to_original(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        self.map(Side::Norm, start, end)
    }

    /// Maps the span `start..end` of the original text to the span of the
    /// normalized text it became; deleted text maps to an empty span.
    pub fn to_normalized(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        self.map(Side::Orig, start, end)
    }

    fn map(&self, from: Side, start: usize, end: usize) -> Option<(usize, usize)> {
        let len = match from {
            Side::Orig => self.orig_len,
            Side::Norm => self.norm_len,
        };
        if start > end || end > len {
            return None;
        }
        let s = self.map_start(from, start as u32);
        if start == end {
            return Some((s, s));
        }
        let e = self.map_end(from, end as u32);
        Some((s, e.max(s)))
    }

    /// (position on `from`, block start on `from`, block len on `from`,
    /// block start on the other side, block len on the other side)
    #[inline]
    fn sides(b: &Block, from: Side) -> (u32, u32, u32, u32) {
        match from {
            Side::Orig => (b.orig, b.orig_len, b.norm, b.norm_len),
            Side::Norm => (b.norm, b.norm_len, b.orig, b.orig_len),
        }
    }

    /// Index of the first block that does not end at or before `p`: blocks
    /// before it lie wholly before the character at `p`.
    fn first_not_before(&self, from: Side, p: u32) -> usize {
        self.blocks.partition_point(|b| {
            let (s, l, _, _) = Alignment::sides(b, from);
            s + l <= p
        })
    }

    /// The shift (other − from) after the blocks before index `k`.
    fn shift_before(&self, from: Side, k: usize) -> i64 {
        match k.checked_sub(1).map(|i| &self.blocks[i]) {
            None => 0,
            Some(b) => {
                let (s, l, os, ol) = Alignment::sides(b, from);
                i64::from(os + ol) - i64::from(s + l)
            }
        }
    }

    /// Where the character at `p` (or the end, `p == len`) starts on the
    /// other side.
    fn map_start(&self, from: Side, p: u32) -> usize {
        let k = self.first_not_before(from, p);
        if let Some(b) = self.blocks.get(k) {
            let (s, l, os, _) = Alignment::sides(b, from);
            if s <= p && p < s + l {
                return os as usize;
            }
        }
        (i64::from(p) + self.shift_before(from, k)) as usize
    }

    /// Where the character at `p - 1` ends on the other side (`p > 0`).
    fn map_end(&self, from: Side, p: u32) -> usize {
        let last = p - 1;
        let k = self.first_not_before(from, last);
        if let Some(b) = self.blocks.get(k) {
            let (s, l, os, ol) = Alignment::sides(b, from);
            if s <= last && last < s + l {
                return (os + ol) as usize;
            }
        }
        (i64::from(last) + self.shift_before(from, k) + 1) as usize
    }

    /// The alignment of `second ∘ self`: `self` maps an original to a middle
    /// text, `second` maps that middle text to the final one.
    pub fn then(&self, second: &Alignment) -> Alignment {
        debug_assert_eq!(self.norm_len, second.orig_len);
        if self.is_identity() {
            return Alignment {
                orig_len: self.orig_len,
                ..second.clone()
            };
        }
        if second.is_identity() {
            return Alignment {
                norm_len: second.norm_len,
                ..self.clone()
            };
        }
        let mut out = AlignmentBuilder::new();
        for c in clusters(self, second) {
            if c.y0 == c.y1 {
                // a deletion of `self`, not inside any block of `second`
                let z = second.map_start(Side::Orig, c.y0);
                out.block(c.x_del.0 as usize, c.x_del.1 as usize, z, 0);
            } else {
                let x0 = self.map_start(Side::Norm, c.y0);
                let x1 = self.map_end(Side::Norm, c.y1);
                let z0 = second.map_start(Side::Orig, c.y0);
                let z1 = second.map_end(Side::Orig, c.y1);
                out.block(x0, x1 - x0, z0, z1 - z0);
            }
        }
        out.finish(self.orig_len, second.norm_len)
    }

    /// Rebuilds an alignment from [`Alignment::blocks`] output (unpickling),
    /// checking that the blocks are ordered and within the lengths.
    pub fn from_blocks(
        orig_len: usize,
        norm_len: usize,
        blocks: &[(usize, usize, usize, usize)],
    ) -> crate::Result<Alignment> {
        let mut out = Vec::with_capacity(blocks.len());
        let (mut o, mut n) = (0usize, 0usize);
        for &(orig, ol, norm, nl) in blocks {
            let fits = orig >= o && norm >= n && orig - o == norm - n;
            if !fits
                || orig + ol > orig_len
                || norm + nl > norm_len
                || u32::try_from(orig + ol).is_err()
            {
                return Err(crate::Error::invalid_data(format!(
                    "alignment block ({orig}, {ol}, {norm}, {nl}) is out of order or out of range"
                )));
            }
            out.push(Block {
                orig: orig as u32,
                norm: norm as u32,
                orig_len: ol as u32,
                norm_len: nl as u32,
            });
            o = orig + ol;
            n = norm + nl;
        }
        if orig_len - o != norm_len - n {
            return Err(crate::Error::invalid_data(
                "alignment lengths do not match its blocks",
            ));
        }
        Ok(Alignment {
            blocks: out,
            orig_len,
            norm_len,
        })
    }

    /// The blocks, for tests and debugging: (orig, orig_len, norm, norm_len).
    pub fn blocks(&self) -> Vec<(usize, usize, usize, usize)> {
        self.blocks
            .iter()
            .map(|b| {
                (
                    b.orig as usize,
                    b.orig_len as usize,
                    b.norm as usize,
                    b.norm_len as usize,
                )
            })
            .collect()
    }
}

impl fmt::Display for Alignment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Alignment(original_len={}, normalized_len={}, blocks={})",
            self.orig_len,
            self.norm_len,
            self.blocks.len()
        )
    }
}

/// Records blocks while the engine writes its output.
#[derive(Default)]
pub(crate) struct AlignmentBuilder {
    blocks: Vec<Block>,
}

impl AlignmentBuilder {
    pub(crate) fn new() -> AlignmentBuilder {
        AlignmentBuilder { blocks: Vec::new() }
    }

    /// Records that `orig_len` characters at `orig` became `norm_len`
    /// characters at `norm`, as a whole. Consecutive deletions merge.
    #[inline]
    pub(crate) fn block(&mut self, orig: usize, orig_len: usize, norm: usize, norm_len: usize) {
        let (orig, orig_len, norm, norm_len) =
            (orig as u32, orig_len as u32, norm as u32, norm_len as u32);
        if norm_len == 0 {
            if let Some(last) = self.blocks.last_mut() {
                if last.norm_len == 0 && last.orig_end() == orig && last.norm == norm {
                    last.orig_len += orig_len;
                    return;
                }
            }
        }
        if orig_len == 0 && norm_len == 0 {
            return;
        }
        self.blocks.push(Block {
            orig,
            norm,
            orig_len,
            norm_len,
        });
    }

    pub(crate) fn finish(self, orig_len: usize, norm_len: usize) -> Alignment {
        Alignment {
            blocks: self.blocks,
            orig_len,
            norm_len,
        }
    }
}

/// A stretch of the middle text (Y) that must map as a whole: the union of
/// overlapping blocks of both alignments, or a lone deletion of the first.
struct Cluster {
    y0: u32,
    y1: u32,
    /// For a lone deletion (`y0 == y1`): its range on X (start, len).
    x_del: (u32, u32),
}

/// The clusters of `first` (X → Y) and `second` (Y → Z), in order.
///
/// Blocks of `first` are ranges of Y (their output side), blocks of
/// `second` are ranges of Y (their input side). Ranges that share a
/// character of Y merge; a deletion of `first` (an empty range at `y`)
/// merges into a block of `second` that strictly contains `y`, and stands
/// alone otherwise. Outside clusters both alignments are the identity, so
/// their composition is too.
fn clusters(first: &Alignment, second: &Alignment) -> Vec<Cluster> {
    // (y0, y1, x_del) for every block on Y, sorted by start; an empty range
    // sorts before a non-empty one at the same start.
    let mut ranges: Vec<(u32, u32, (u32, u32))> = first
        .blocks
        .iter()
        .map(|b| (b.norm, b.norm_end(), (b.orig, b.orig_len)))
        .chain(second.blocks.iter().map(|b| (b.orig, b.orig_end(), (0, 0))))
        .collect();
    ranges.sort_by_key(|&(y0, y1, _)| (y0, y1 != y0));
    let mut out: Vec<Cluster> = Vec::with_capacity(ranges.len());
    for (y0, y1, x_del) in ranges {
        if let Some(last) = out.last_mut() {
            let overlaps = if y0 == y1 {
                last.y0 < y0 && y0 < last.y1
            } else {
                last.y0 != last.y1 && y0 < last.y1
            };
            if overlaps {
                last.y1 = last.y1.max(y1);
                continue;
            }
        }
        out.push(Cluster { y0, y1, x_del });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn al(blocks: &[(u32, u32, u32, u32)], orig_len: usize, norm_len: usize) -> Alignment {
        Alignment {
            blocks: blocks
                .iter()
                .map(|&(orig, orig_len, norm, norm_len)| Block {
                    orig,
                    orig_len,
                    norm,
                    norm_len,
                })
                .collect(),
            orig_len,
            norm_len,
        }
    }

    #[test]
    fn deletion_is_left_out_at_edges() {
        // "ab_c" -> "abc": the '_' at 2 deleted
        let a = al(&[(2, 1, 2, 0)], 4, 3);
        assert_eq!(a.to_original(0, 2), Some((0, 2)));
        assert_eq!(a.to_original(2, 3), Some((3, 4)));
        assert_eq!(a.to_original(1, 3), Some((1, 4)));
        assert_eq!(a.to_normalized(2, 3), Some((2, 2)));
        assert_eq!(a.to_normalized(0, 4), Some((0, 3)));
        assert_eq!(a.to_original(3, 3), Some((4, 4)));
        assert_eq!(a.to_original(0, 4), None);
    }

    #[test]
    fn expansion_is_taken_whole() {
        // "a…b" -> "a...b"
        let a = al(&[(1, 1, 1, 3)], 3, 5);
        assert_eq!(a.to_original(2, 3), Some((1, 2)));
        assert_eq!(a.to_original(4, 5), Some((2, 3)));
        assert_eq!(a.to_normalized(1, 2), Some((1, 4)));
    }

    #[test]
    fn compose_deletion_then_collapse() {
        // X = "a ِ  b" (a, space, kasra, space, space, b) → Y deletes kasra:
        // "a   b" → Z collapses: "a b"
        let first = al(&[(2, 1, 2, 0)], 6, 5);
        let second = al(&[(1, 3, 1, 1)], 5, 3);
        let c = first.then(&second);
        assert_eq!(c.to_original(0, 1), Some((0, 1)));
        assert_eq!(c.to_original(2, 3), Some((5, 6)));
        assert_eq!(c.to_original(1, 2), Some((1, 5)));
        assert_eq!(c.normalized_len(), 3);
        assert_eq!(c.original_len(), 6);
    }
}
