//! Canonical composition (NFC), done only where the text needs it.
//!
//! Nearly all news text is already NFC, so a quick scan looks for the few
//! places that are not (a combining sequence out of canonical order, a
//! character that composes with the one before it, like ا + U+0654) and
//! only those short segments are recomposed. Each recomposed segment is one
//! block of the alignment.

use super::alignment::AlignmentBuilder;
use super::units::CodeUnit;
use std::sync::LazyLock;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// One bit per BMP code point: set when the character is not a "safe
/// starter" (combining class 0 and NFC quick check Yes).
static SENSITIVE_BMP: LazyLock<Box<[u64]>> = LazyLock::new(|| {
    let mut bits = vec![0u64; 0x10000 / 64].into_boxed_slice();
    for c in 0..0x10000u32 {
        if let Some(ch) = char::from_u32(c) {
            if !is_safe_starter(ch) {
                bits[(c / 64) as usize] |= 1 << (c % 64);
            }
        }
    }
    bits
});

fn is_safe_starter(ch: char) -> bool {
    canonical_combining_class(ch) == 0 && is_nfc_quick(std::iter::once(ch)) == IsNormalized::Yes
}

/// Whether `c` may take part in a composition or reordering.
#[inline(always)]
pub(crate) fn is_sensitive(c: u32) -> bool {
    if c < 0x300 {
        return false; // nothing below U+0300 composes with what precedes it
    }
    if c < 0x10000 {
        return SENSITIVE_BMP[(c / 64) as usize] & (1 << (c % 64)) != 0;
    }
    char::from_u32(c).is_some_and(|ch| !is_safe_starter(ch))
}

/// A segment `start..end` of the input and its NFC form.
pub(crate) struct Patch {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) chars: Vec<u32>,
}

/// The segments of `input` that NFC changes; empty when it is NFC already.
pub(crate) fn find_patches<T: CodeUnit>(input: &[T]) -> Vec<Patch> {
    let mut patches = Vec::new();
    if T::MAX <= 0xFF {
        return patches; // Latin-1 text is always NFC
    }
    let n = input.len();
    let mut last_starter = 0usize; // start of the current combining sequence
    let mut last_ccc = 0u8;
    let mut i = 0;
    while i < n {
        let c = input[i].get();
        if !is_sensitive(c) {
            last_starter = i;
            last_ccc = 0;
            i += 1;
            continue;
        }
        let Some(ch) = char::from_u32(c) else {
            last_starter = i + 1;
            last_ccc = 0;
            i += 1;
            continue;
        };
        let ccc = canonical_combining_class(ch);
        let qc_yes = is_nfc_quick(std::iter::once(ch)) == IsNormalized::Yes;
        if qc_yes && (ccc == 0 || ccc >= last_ccc) {
            if ccc == 0 {
                last_starter = i;
            }
            last_ccc = ccc;
            i += 1;
            continue;
        }
        // Recompose from the start of this combining sequence to the next
        // safe starter: nothing after that can interact with it.
        let mut start = last_starter.min(i);
        if char::from_u32(input[start].get()).is_none() {
            // A lone surrogate starts the sequence: it composes with
            // nothing, so only the marks after it are reordered.
            start += 1;
        }
        let mut end = i + 1;
        while end < n && is_sensitive(input[end].get()) {
            end += 1;
        }
        let segment: String = input[start..end]
            .iter()
            .filter_map(|u| char::from_u32(u.get()))
            .collect();
        if segment.chars().count() == end - start {
            let composed: Vec<u32> = segment.nfc().map(u32::from).collect();
            let same = composed.len() == end - start
                && composed
                    .iter()
                    .zip(&input[start..end])
                    .all(|(a, b)| *a == b.get());
            if !same {
                patches.push(Patch {
                    start,
                    end,
                    chars: composed,
                });
            }
        }
        i = end;
        last_starter = end;
        last_ccc = 0;
    }
    patches
}

/// Applies the patches, recording each as one block when `align` is given.
pub(crate) fn apply<T: CodeUnit>(
    input: &[T],
    patches: &[Patch],
    mut align: Option<&mut AlignmentBuilder>,
) -> Vec<T> {
    let mut out = Vec::with_capacity(input.len());
    let mut pos = 0;
    for p in patches {
        out.extend_from_slice(&input[pos..p.start]);
        if let Some(al) = align.as_deref_mut() {
            al.block(p.start, p.end - p.start, out.len(), p.chars.len());
        }
        // NFC of BMP text stays in the BMP, and Latin-1 never gets here, so
        // every composed character fits the unit.
        out.extend(p.chars.iter().map(|&c| T::put(c)));
        pos = p.end;
    }
    out.extend_from_slice(&input[pos..]);
    out
}
