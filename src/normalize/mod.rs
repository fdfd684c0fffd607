//! Arabic text normalization with offsets back to the original.
//!
//! A [`Normalizer`] is an immutable, cheaply cloned option set compiled into
//! one action per code point. [`Normalizer::normalize`] folds a text in one
//! pass; [`Normalizer::normalize_with_alignment`] also returns an
//! [`Alignment`] that maps any span of the output back to the original and
//! the other way, in character (Python `str`) indices.
//!
//! ```
//! use _furat::normalize::{Normalizer, Profile};
//!
//! let search = Normalizer::from_profile(Profile::Search);
//! assert_eq!(search.normalize("مَدِينَةُ الحَسَكَة"), "مدينه الحسكه");
//! let (out, al) = search.normalize_with_alignment("في  الحَسَكَة");
//! assert_eq!(out, "في الحسكه");
//! assert_eq!(al.to_original(3, 9), Some((4, 13)));
//! ```
//!
//! The pipeline per pass: NFC where the text is not NFC already (option
//! `nfc`), then the table. A deletion can bring together characters that
//! compose (ا, a deleted ZWSP, U+0654), so when the output is not NFC the
//! pass repeats on it (at most a few times); that makes `normalize`
//! idempotent for every option set.

mod alignment;
mod chars;
mod engine;
mod nfc;
mod options;
mod table;
mod units;

pub use alignment::Alignment;
pub use options::{Alef, Diacritics, OPTION_NAMES, OptionValue, Options, Profile, Whitespace};
pub use units::CodeUnit;

use alignment::AlignmentBuilder;
use rustc_hash::FxHashMap;
use std::fmt;
use std::sync::{Arc, LazyLock, Mutex};
use table::Table;

/// How many times a text is re-run when a pass leaves it non-NFC. Real text
/// needs one pass, and a second only where a deletion brought composable
/// characters together; each later pass only composes or reorders, so the
/// loop ends long before this bound (the property tests check idempotence).
const MAX_PASSES: usize = 8;

struct Inner {
    options: Options,
    table: Table,
}

/// An immutable, thread-safe normalizer. Cloning is cheap (an `Arc`);
/// normalizers with equal options share one compiled table.
#[derive(Clone)]
pub struct Normalizer {
    inner: Arc<Inner>,
}

/// Compiled tables by option set: building one costs a few milliseconds.
static CACHE: LazyLock<Mutex<FxHashMap<Options, Arc<Inner>>>> =
    LazyLock::new(|| Mutex::new(FxHashMap::default()));
const CACHE_LIMIT: usize = 64;

/// The result of normalizing code units.
pub struct Normalized<T> {
    /// The output, or `None` when it equals the input (so a caller can hand
    /// back the input itself).
    pub text: Option<Vec<T>>,
    /// Set instead of `text` in the one case where the output does not fit
    /// the input's width (see [`Normalizer::normalize_units`]).
    pub wide: Option<Vec<u32>>,
    /// Present when asked for.
    pub alignment: Option<Alignment>,
}

/// What [`Normalizer::normalize_into`] did; the output itself went to the
/// caller's buffer.
pub struct Outcome {
    /// Whether the output differs from the input. When it does not, the
    /// buffer still holds a copy of the input.
    pub changed: bool,
    /// Set in the one case where the output does not fit the input's width;
    /// the buffer's new contents are then meaningless.
    pub wide: Option<Vec<u32>>,
    /// Present when asked for.
    pub alignment: Option<Alignment>,
}

impl Normalizer {
    /// A normalizer for `options`.
    pub fn new(options: Options) -> Normalizer {
        let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(inner) = cache.get(&options) {
            return Normalizer {
                inner: Arc::clone(inner),
            };
        }
        let inner = Arc::new(Inner {
            options,
            table: Table::build(&options),
        });
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(options, Arc::clone(&inner));
        Normalizer { inner }
    }

    /// A normalizer with a profile's options.
    pub fn from_profile(profile: Profile) -> Normalizer {
        Normalizer::new(Options::profile(profile))
    }

    /// The options in effect.
    pub fn options(&self) -> &Options {
        &self.inner.options
    }

    /// Normalizes a text.
    pub fn normalize(&self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        match self.normalize_units(&chars, false).text {
            Some(out) => out.into_iter().collect(),
            None => text.to_owned(),
        }
    }

    /// Normalizes a text and returns the alignment between the output and
    /// `text`, in character indices.
    pub fn normalize_with_alignment(&self, text: &str) -> (String, Alignment) {
        let chars: Vec<char> = text.chars().collect();
        let (out, al) = self.normalize_chars(&chars);
        (out.into_iter().collect(), al)
    }

    /// Normalizes characters and returns the output with its alignment; the
    /// form the other engines use, since its indices are `str` indices.
    pub fn normalize_chars(&self, chars: &[char]) -> (Vec<char>, Alignment) {
        let res = self.normalize_units(chars, true);
        let al = res
            .alignment
            .unwrap_or_else(|| Alignment::identity(chars.len()));
        (res.text.unwrap_or_else(|| chars.to_vec()), al)
    }

    /// Normalizes fixed-width code units (a PEP 393 buffer, or `char`s).
    ///
    /// For `u8` and `u16` input the output fits the same width, since no
    /// operation maps a character to a wider one; should that ever not hold,
    /// the result comes back in `wide` (as `u32`) rather than truncated.
    pub fn normalize_units<T: CodeUnit>(&self, input: &[T], aligned: bool) -> Normalized<T> {
        let mut out = Vec::new();
        let res = self.normalize_into(input, &mut out, aligned);
        Normalized {
            text: (res.changed && res.wide.is_none()).then_some(out),
            wide: res.wide,
            alignment: res.alignment,
        }
    }

    /// Normalizes fixed-width code units, appending the output to `out`
    /// (which callers reuse, to spare an allocation per text).
    pub fn normalize_into<T: CodeUnit>(
        &self,
        input: &[T],
        out: &mut Vec<T>,
        aligned: bool,
    ) -> Outcome {
        if aligned {
            self.passes::<T, true>(input, out)
        } else {
            self.passes::<T, false>(input, out)
        }
    }

    fn passes<T: CodeUnit, const ALIGN: bool>(&self, input: &[T], out: &mut Vec<T>) -> Outcome {
        let opts = &self.inner.options;
        let table = &self.inner.table;
        let ws = opts.whitespace;
        let base = out.len();
        let mut al = AlignmentBuilder::new();
        // One pass that checks NFC on the fly: on NFC text (nearly all text)
        // that is all there is to do.
        let mut st = engine::run::<T, ALIGN>(table, ws, input, out, &mut al, opts.nfc);
        let mut changed = st.changed;
        let mut alignment = None;
        if st.needs_nfc {
            // Compose the few segments that need it, then map.
            out.truncate(base);
            al = AlignmentBuilder::new();
            let patches = nfc::find_patches(input);
            if patches.is_empty() {
                st = engine::run::<T, ALIGN>(table, ws, input, out, &mut al, false);
                changed = st.changed;
                if ALIGN {
                    alignment = Some(al.finish(input.len(), out.len() - base));
                }
            } else {
                let mut nb = AlignmentBuilder::new();
                let composed = nfc::apply(input, &patches, ALIGN.then_some(&mut nb));
                st = engine::run::<T, ALIGN>(table, ws, &composed, out, &mut al, false);
                changed = true;
                if ALIGN {
                    let nfc_al = nb.finish(input.len(), composed.len());
                    alignment = Some(nfc_al.then(&al.finish(composed.len(), out.len() - base)));
                }
            }
        } else if ALIGN {
            alignment = Some(al.finish(input.len(), out.len() - base));
        }
        // A deletion or replacement may have brought together characters
        // that compose (ا, deleted ZWSP, U+0654): NFC again and re-map, so
        // that `normalize` is idempotent.
        let mut pass = 1;
        while opts.nfc && st.recheck_nfc && !st.overflow && pass < MAX_PASSES {
            let patches = nfc::find_patches(&out[base..]);
            if patches.is_empty() {
                break;
            }
            let mut nb = AlignmentBuilder::new();
            let composed = nfc::apply(&out[base..], &patches, ALIGN.then_some(&mut nb));
            out.truncate(base);
            let mut step = AlignmentBuilder::new();
            st = engine::run::<T, ALIGN>(table, ws, &composed, out, &mut step, false);
            changed = true;
            if ALIGN {
                let step = nb
                    .finish(
                        alignment.as_ref().map_or(0, Alignment::normalized_len),
                        composed.len(),
                    )
                    .then(&step.finish(composed.len(), out.len() - base));
                alignment = alignment.map(|a| a.then(&step));
            }
            pass += 1;
        }
        if st.overflow {
            out.truncate(base);
            return self.widened::<T, ALIGN>(input);
        }
        Outcome {
            changed,
            wide: None,
            alignment,
        }
    }

    /// The path for output that does not fit `T`: redone in `u32`.
    fn widened<T: CodeUnit, const ALIGN: bool>(&self, input: &[T]) -> Outcome {
        let wide: Vec<u32> = input.iter().map(|u| u.get()).collect();
        let mut out = Vec::new();
        let res = self.passes::<u32, ALIGN>(&wide, &mut out);
        Outcome {
            changed: true,
            wide: Some(if res.changed { out } else { wide }),
            alignment: res.alignment,
        }
    }

    /// Normalizes many texts, in parallel on `threads` threads, in order.
    pub fn normalize_batch(&self, texts: &[&str], threads: usize) -> Vec<String> {
        crate::parallel::map(texts, threads, |t| self.normalize(t))
    }
}

impl PartialEq for Normalizer {
    fn eq(&self, other: &Normalizer) -> bool {
        self.inner.options == other.inner.options
    }
}

impl Eq for Normalizer {}

impl fmt::Debug for Normalizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Normalizer")
            .field("options", &self.inner.options)
            .finish()
    }
}

#[cfg(test)]
mod tests;
