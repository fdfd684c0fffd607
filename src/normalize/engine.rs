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
use super::table::{self, Table, BREAK, DELETE, KEEP, MAP1, MAPN, SPACE, YEH};
use super::units::CodeUnit;

/// What one pass produced.
pub(crate) struct Pass<T> {
    pub(crate) out: Vec<T>,
    pub(crate) changed: bool,
    /// A produced character did not fit `T` (never happens for CPython's
    /// canonical string kinds; the caller retries with `u32`).
    pub(crate) overflow: bool,
}

struct Writer<T> {
    out: Vec<T>,
    changed: bool,
    overflow: bool,
}

impl<T: CodeUnit> Writer<T> {
    #[inline(always)]
    fn push(&mut self, c: u32) {
        if c > T::MAX {
            self.overflow = true;
        }
        self.out.push(T::put(c));
    }

    #[inline(always)]
    fn last_is(&self, c: u32) -> bool {
        self.out.last().is_some_and(|u| u.get() == c)
    }
}

/// Runs one pass of `table` over `input`.
pub(crate) fn run<T: CodeUnit, const ALIGN: bool>(
    table: &Table,
    whitespace: Whitespace,
    input: &[T],
    align: &mut AlignmentBuilder,
) -> Pass<T> {
    let n = input.len();
    let mut w = Writer { out: Vec::with_capacity(n + n / 16), changed: false, overflow: false };
    // Start of a pending whitespace region (spaces, and anything deleted
    // after them), written as one space when a visible character follows.
    let mut pending: Option<usize> = None;
    let lines = whitespace == Whitespace::Lines;
    let mut i = 0;

    macro_rules! flush {
        ($at:expr) => {
            if let Some(p) = pending.take() {
                let len = $at - p;
                if len != 1 || input[p].get() != 0x20 {
                    w.changed = true;
                    if ALIGN && len != 1 {
                        align.block(p, len, w.out.len(), 1);
                    }
                }
                w.push(0x20);
            }
        };
    }

    while i < n {
        let c = input[i].get();
        let a = table.get(c);
        match table::tag(a) {
            KEEP => {
                let start = i;
                i += 1;
                while i < n && table.get(input[i].get()) == 0 {
                    i += 1;
                }
                flush!(start);
                w.out.extend_from_slice(&input[start..i]);
            }
            DELETE => {
                w.changed = true;
                if ALIGN && pending.is_none() {
                    align.block(i, 1, w.out.len(), 0);
                }
                i += 1;
            }
            MAP1 => {
                flush!(i);
                w.changed = true;
                w.push(table::payload(a));
                i += 1;
            }
            MAPN => {
                flush!(i);
                w.changed = true;
                let exp = table.expansion(a);
                if ALIGN {
                    align.block(i, 1, w.out.len(), exp.len());
                }
                for &x in exp {
                    w.push(x);
                }
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
                } else if w.out.is_empty() || (lines && w.last_is(0x0A)) {
                    w.changed = true; // leading whitespace of the text or line
                    if ALIGN {
                        align.block(start, i - start, w.out.len(), 0);
                    }
                } else {
                    pending = Some(start);
                }
            }
            BREAK => {
                if let Some(p) = pending.take() {
                    w.changed = true; // trailing whitespace of the line
                    if ALIGN {
                        align.block(p, i - p, w.out.len(), 0);
                    }
                }
                if c == 0x0D && i + 1 < n && input[i + 1].get() == 0x0A {
                    if ALIGN {
                        align.block(i, 2, w.out.len(), 1);
                    }
                    w.changed = true;
                    i += 2;
                } else {
                    w.changed |= c != 0x0A;
                    i += 1;
                }
                w.push(0x0A);
            }
            YEH => {
                flush!(i);
                w.changed = true;
                let medial = next_is_letter(table, input, i + 1);
                w.push(if medial { chars::YEH } else { chars::ALEF_MAKSURA });
                i += 1;
            }
            _ => unreachable!("unknown action tag"),
        }
    }
    if let Some(p) = pending.take() {
        w.changed = true; // trailing whitespace of the text
        if ALIGN {
            align.block(p, n - p, w.out.len(), 0);
        }
    }
    Pass { out: w.out, changed: w.changed, overflow: w.overflow }
}

/// Whether the next character that is not deleted, a mark, tatweel or a
/// joiner is a letter of the Arabic script: a Farsi yeh before it is
/// medial, not final.
fn next_is_letter<T: CodeUnit>(table: &Table, input: &[T], from: usize) -> bool {
    for u in &input[from..] {
        let c = u.get();
        if table::tag(table.get(c)) == DELETE
            || c == chars::TATWEEL
            || chars::is_joiner(c)
            || chars::in_ranges(c, chars::MARKS_ALL)
        {
            continue;
        }
        return chars::is_arabic_letter(c);
    }
    false
}
