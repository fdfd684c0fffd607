//! The single pass that applies a compiled table to a text.
//!
//! Unchanged runs are copied as slices; everything else is one table
//! lookup per character. Whitespace collapsing is a small state machine: a
//! run of spaces becomes *pending* and is written as one space only when a
//! visible character follows, so leading and trailing whitespace (and
//! whitespace next to deleted characters) never leaves a double space.
//! With `ALIGN`, length-changing edits are recorded as alignment blocks;
//! without it that bookkeeping compiles away.

use super::alignment::AlignmentBuilder;
use super::chars;
use super::options::Whitespace;
use super::table::{
    self, BREAK, DELETE, KEEP, MAP1, MAPN, NFC_FLAGS, NFC_MAYBE, SPACE, Table, YEH,
};
use super::units::CodeUnit;
use unicode_normalization::char::canonical_combining_class;

/// What one pass found out. The output itself is appended to the caller's
/// buffer.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Status {
    /// The output differs from the input.
    pub(crate) changed: bool,
    /// A produced character did not fit `T` (never happens for CPython's
    /// canonical string kinds; the caller retries with `u32`).
    pub(crate) overflow: bool,
    /// Asked to check NFC, the pass met a character that may not be NFC
    /// (NFC quick check "maybe"/"no", or marks out of canonical order) and
    /// stopped: the output is incomplete, the caller runs NFC first.
    pub(crate) needs_nfc: bool,
    /// An edit may have left the output non-NFC: an NFC-sensitive character
    /// was written after something before it in its combining sequence was
    /// deleted or replaced (ا, deleted ZWSP, U+0654), or a replacement
    /// wrote one. The caller checks the output and reruns if needed.
    pub(crate) recheck_nfc: bool,
}

struct Writer<'a, T> {
    out: &'a mut Vec<T>,
    /// Where this pass's output starts in `out`.
    base: usize,
    changed: bool,
    overflow: bool,
}

impl<T: CodeUnit> Writer<'_, T> {
    #[inline(always)]
    fn push(&mut self, c: u32) {
        if c > T::MAX {
            self.overflow = true;
        }
        self.out.push(T::put(c));
    }

    /// Length of this pass's output so far.
    #[inline(always)]
    fn len(&self) -> usize {
        self.out.len() - self.base
    }

    #[inline(always)]
    fn last_is(&self, c: u32) -> bool {
        self.len() > 0 && self.out.last().is_some_and(|u| u.get() == c)
    }
}

/// Runs one pass of `table` over `input`, appending the output to `out`.
///
/// With `check_nfc`, the pass verifies on the fly that the input is NFC
/// (the table flags the few characters that matter) and stops at the first
/// doubt, so NFC costs nothing on text that is NFC already.
pub(crate) fn run<T: CodeUnit, const ALIGN: bool>(
    table: &Table,
    whitespace: Whitespace,
    input: &[T],
    out: &mut Vec<T>,
    align: &mut AlignmentBuilder,
    check_nfc: bool,
) -> Status {
    let n = input.len();
    let base = out.len();
    out.reserve(n + n / 16 + 8);
    let mut w = Writer {
        out,
        base,
        changed: false,
        overflow: false,
    };
    // Start of a pending whitespace region (spaces, and anything deleted
    // after them), written as one space when a visible character follows.
    let mut pending: Option<usize> = None;
    let lines = whitespace == Whitespace::Lines;
    // Since the last unchanged starter written, something was edited: an
    // NFC-sensitive character written now may compose or reorder with
    // different neighbours than it had in the input.
    let mut edited = false;
    let mut recheck = false;
    // Canonical-order check of the input: the class of the last mark and
    // the index just after it.
    let mut last_ccc = 0u8;
    let mut last_mark_end = usize::MAX;
    let mut i = 0;

    macro_rules! flush {
        ($at:expr) => {
            if let Some(p) = pending.take() {
                let len = $at - p;
                if len != 1 || input[p].get() != 0x20 {
                    w.changed = true;
                    if ALIGN && len != 1 {
                        align.block(p, len, w.len(), 1);
                    }
                }
                w.push(0x20);
            }
        };
    }

    while i < n {
        let c = input[i].get();
        let mut a = table.get(c);
        let mut sensitive = false;
        if a & NFC_FLAGS != 0 {
            if check_nfc {
                if a & NFC_MAYBE != 0 {
                    return Status {
                        needs_nfc: true,
                        ..Status::default()
                    };
                }
                let ccc = char::from_u32(c).map_or(0, canonical_combining_class);
                let prev = if last_mark_end == i { last_ccc } else { 0 };
                if ccc < prev {
                    return Status {
                        needs_nfc: true,
                        ..Status::default()
                    };
                }
                last_ccc = ccc;
                last_mark_end = i + 1;
            }
            sensitive = true;
            a &= !NFC_FLAGS;
            if edited && table::tag(a) != DELETE {
                recheck = true;
            }
        }
        match table::tag(a) {
            KEEP => {
                let start = i;
                i += 1;
                loop {
                    // Four lookups per branch: an edit comes every 15-30
                    // characters in news text, so most blocks of four pass.
                    while i + 4 <= n {
                        let q = &input[i..i + 4];
                        let any = table.get(q[0].get())
                            | table.get(q[1].get())
                            | table.get(q[2].get())
                            | table.get(q[3].get());
                        if any != 0 {
                            break;
                        }
                        i += 4;
                    }
                    while i < n && table.get(input[i].get()) == 0 {
                        i += 1;
                    }
                    // A lone space between kept characters stays as it is:
                    // no need to leave the run for it.
                    if i + 1 < n && input[i].get() == 0x20 && table.get(input[i + 1].get()) == 0 {
                        i += 2;
                        continue;
                    }
                    break;
                }
                flush!(start);
                w.out.extend_from_slice(&input[start..i]);
                // The last character written is an unchanged starter, unless
                // the run is one mark long.
                edited = edited && sensitive && i == start + 1;
            }
            DELETE => {
                w.changed = true;
                if ALIGN && pending.is_none() {
                    align.block(i, 1, w.len(), 0);
                }
                edited = true;
                i += 1;
            }
            MAP1 => {
                flush!(i);
                w.changed = true;
                w.push(table::payload(a));
                recheck |= table.output_is_nfc_sensitive(a);
                edited = true;
                i += 1;
            }
            MAPN => {
                flush!(i);
                w.changed = true;
                let exp = table.expansion(a);
                if ALIGN {
                    align.block(i, 1, w.len(), exp.len());
                }
                for &x in exp {
                    w.push(x);
                }
                recheck |= table.output_is_nfc_sensitive(a);
                edited = true;
                i += 1;
            }
            SPACE => {
                let start = i;
                i += 1;
                while i < n && table::tag(table.get(input[i].get())) == SPACE {
                    i += 1;
                }
                if pending.is_some() {
                    w.changed = true; // the region grows
                } else if w.len() == 0 || (lines && w.last_is(0x0A)) {
                    w.changed = true; // leading whitespace of the text or line
                    if ALIGN {
                        align.block(start, i - start, w.len(), 0);
                    }
                } else {
                    pending = Some(start);
                }
                edited = true;
            }
            BREAK => {
                if let Some(p) = pending.take() {
                    w.changed = true; // trailing whitespace of the line
                    if ALIGN {
                        align.block(p, i - p, w.len(), 0);
                    }
                }
                if c == 0x0D && i + 1 < n && input[i + 1].get() == 0x0A {
                    if ALIGN {
                        align.block(i, 2, w.len(), 1);
                    }
                    w.changed = true;
                    i += 2;
                } else {
                    w.changed |= c != 0x0A;
                    i += 1;
                }
                w.push(0x0A);
                edited = true;
            }
            YEH => {
                flush!(i);
                w.changed = true;
                let medial = next_is_letter(table, input, i + 1);
                w.push(if medial {
                    chars::YEH
                } else {
                    chars::ALEF_MAKSURA
                });
                edited = true;
                i += 1;
            }
            _ => unreachable!("unknown action tag"),
        }
    }
    if let Some(p) = pending.take() {
        w.changed = true; // trailing whitespace of the text
        if ALIGN {
            align.block(p, n - p, w.len(), 0);
        }
    }
    Status {
        changed: w.changed,
        overflow: w.overflow,
        needs_nfc: false,
        recheck_nfc: recheck,
    }
}

/// Whether the Farsi yeh before `from` stands inside a word: the next
/// character that leaves a trace in the output, looked up in the table, is
/// a letter of the Arabic script. Marks, tatweel and joiners, kept or not,
/// are skipped (they sit inside a word); deleted characters are skipped.
fn next_is_letter<T: CodeUnit>(table: &Table, input: &[T], from: usize) -> bool {
    for u in &input[from..] {
        let c = u.get();
        if c == chars::TATWEEL || chars::is_joiner(c) || chars::in_ranges(c, chars::MARKS_ALL) {
            continue;
        }
        let a = table.get(c);
        return match table::tag(a) {
            DELETE => continue,
            KEEP => chars::is_arabic_letter(c),
            MAP1 => chars::is_arabic_letter(table::payload(a)),
            MAPN => table
                .expansion(a)
                .first()
                .is_some_and(|&x| chars::is_arabic_letter(x)),
            YEH => true,
            _ => false, // whitespace
        };
    }
    false
}
