//! furat: Arabic news to clean, normalized text and geotagged Syrian places.
//!
//! The crate has two layers:
//!
//! * the core modules ([`normalize`], the engines built on it, and
//!   [`process`], which runs them together), plain
//!   Rust that knows nothing of Python and is tested with `cargo test`;
//! * `py`, the thin PyO3 layer compiled only with the `python` feature, which
//!   maturin turns on when it builds the `furat._furat` extension.
//!
//! Offsets in the public API are counted in Unicode scalar values (Rust
//! `char`s), which are exactly Python `str` indices.

pub mod boilerplate;
pub mod error;
pub mod gazetteer;
pub mod json;
pub mod normalize;
pub mod parallel;
pub mod process;

#[cfg(feature = "python")]
mod py;

pub use error::{Error, Result};

#[cfg(test)]
mod oibits {
    //! Every public type must be shareable across threads and unwind-safe, so
    //! that batch calls can run it on worker threads.
    use std::panic::{RefUnwindSafe, UnwindSafe};

    fn assert_all<T: Send + Sync + UnwindSafe + RefUnwindSafe>() {}

    #[test]
    fn public_types_are_thread_safe() {
        assert_all::<crate::Error>();
        assert_all::<crate::normalize::Normalizer>();
        assert_all::<crate::normalize::Options>();
        assert_all::<crate::normalize::Alignment>();
        assert_all::<crate::gazetteer::Gazetteer>();
        assert_all::<crate::gazetteer::Match>();
        assert_all::<crate::boilerplate::Article>();
        assert_all::<crate::boilerplate::Templates>();
        assert_all::<crate::process::Processed>();
        assert_all::<crate::process::Document>();
    }
}
