//! Code units: the element types the engine reads and writes.
//!
//! CPython stores a `str` as one fixed-width unit per code point (PEP 393:
//! 1, 2 or 4 bytes, the smallest that fits its widest character). The engine
//! is generic over that width so the Python layer can hand it the string's
//! own buffer and get back a buffer of the same width, without decoding to
//! UTF-8 and back. Rust callers use `char`.

/// One code point stored in a fixed-width unit.
pub trait CodeUnit: Copy + Send + Sync + 'static {
    /// The largest code point the unit holds.
    const MAX: u32;
    /// The code point (lone surrogates included, for `u16`/`u32`).
    fn get(self) -> u32;
    /// A unit holding `c`; `c` must be at most `MAX` (the engine checks).
    fn put(c: u32) -> Self;
}

impl CodeUnit for u8 {
    const MAX: u32 = 0xFF;
    #[inline(always)]
    fn get(self) -> u32 {
        u32::from(self)
    }
    #[inline(always)]
    fn put(c: u32) -> u8 {
        c as u8
    }
}

impl CodeUnit for u16 {
    const MAX: u32 = 0xFFFF;
    #[inline(always)]
    fn get(self) -> u32 {
        u32::from(self)
    }
    #[inline(always)]
    fn put(c: u32) -> u16 {
        c as u16
    }
}

impl CodeUnit for u32 {
    const MAX: u32 = u32::MAX;
    #[inline(always)]
    fn get(self) -> u32 {
        self
    }
    #[inline(always)]
    fn put(c: u32) -> u32 {
        c
    }
}

impl CodeUnit for char {
    const MAX: u32 = 0x10FFFF;
    #[inline(always)]
    fn get(self) -> u32 {
        u32::from(self)
    }
    #[inline(always)]
    fn put(c: u32) -> char {
        // The engine only writes scalar values to `char` output: everything
        // it writes is either read from `char` input or produced by the table.
        char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER)
    }
}
