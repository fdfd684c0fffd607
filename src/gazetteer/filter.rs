//! A filter on where a trie walk can succeed: the first token of every key.
//!
//! A walk from position `s` can only end in a candidate if the run of token
//! characters (word characters that are not separators) starting at `s` is
//! exactly the first token of some key, that is the key's longest prefix of
//! token characters. Why: the walk matches the key's token characters one
//! for one; what follows them in the key is either nothing (then the
//! candidate must end at a word end, so the text's run ends there too), a
//! separator (which only a separator in the text matches) or another
//! non-word character (which only that character matches). Either way the
//! text's run ends where the key's first token does.
//!
//! Most words of a news text are the first token of no place name, so the
//! scanner hashes each word as it reads it (a multiplication a character)
//! and walks the trie only where this bitmap says it may succeed. A false
//! positive costs one walk; there are no false negatives.

use super::class::{Classes, TOKEN};

/// One step of the hash of a run, from its first character to its last.
#[inline(always)]
pub(crate) fn step(h: u64, c: u32) -> u64 {
    (h.rotate_left(11) ^ u64::from(c)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The hash of an empty run.
pub(crate) const SEED: u64 = 0x2545_F491_4F6C_DD1D;

/// A bitmap of the hashes of every key's first token.
#[derive(Debug, Default)]
pub(crate) struct FirstTokens {
    bits: Vec<u64>,
    /// The bit of a hash is its top `64 - shift` bits.
    shift: u32,
}

impl FirstTokens {
    /// The filter of `keys`: 8 to 16 bits per key, which is 16 to 32 per
    /// distinct first token (keys share them: دير الزور, ديرالزور...), so
    /// that a word that starts no key passes about one time in twenty, and
    /// the bitmap stays small enough to stay in the cache (64 KB for the
    /// built-in gazetteer).
    pub(crate) fn build<K: AsRef<[char]>>(keys: &[K]) -> FirstTokens {
        let classes = Classes::get();
        let log2 = (keys.len().max(1) * 8).next_power_of_two().trailing_zeros();
        let log2 = log2.clamp(6, 24);
        let mut f = FirstTokens {
            bits: vec![0; 1 << (log2 - 6)],
            shift: 64 - log2,
        };
        for k in keys {
            let k = k.as_ref();
            let h = k
                .iter()
                .take_while(|&&c| classes.of(c as u32) & TOKEN != 0)
                .fold(SEED, |h, &c| step(h, c as u32));
            let b = f.bit(h);
            f.bits[b >> 6] |= 1 << (b & 63);
        }
        f
    }

    #[inline(always)]
    fn bit(&self, h: u64) -> usize {
        (h >> self.shift) as usize
    }

    /// Whether a run with hash `h` may be the first token of a key.
    #[inline(always)]
    pub(crate) fn may_start(&self, h: u64) -> bool {
        let b = self.bit(h);
        self.bits[b >> 6] >> (b & 63) & 1 != 0
    }
}
