//! The one error type of the core.
//!
//! Opaque on purpose (aho-corasick's habit, and regex's regret): callers see
//! a [`ErrorKind`] through [`Error::kind`] and a message, never the fields, so
//! new detail can be added without breaking anyone. The PyO3 layer maps each
//! kind to one exception class of the `furat.FuratError` hierarchy.

use std::fmt;

/// The result type of the core.
pub type Result<T> = std::result::Result<T, Error>;

/// What went wrong, coarsely: one variant per exception class in Python.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An option name, option value or profile that does not exist.
    InvalidOption,
    /// Input text that cannot be processed (empty where text is required...).
    InvalidInput,
    /// A malformed data file or record: a user's gazetteer CSV, a saved model.
    InvalidData,
    /// A file that could not be read or written.
    Io,
}

/// An error of the furat core.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
        }
    }

    /// An unknown option, option value or profile.
    pub fn invalid_option(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidOption, message)
    }

    /// Input text that cannot be processed.
    pub fn invalid_input(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidInput, message)
    }

    /// A malformed data file or record.
    pub fn invalid_data(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidData, message)
    }

    /// A file that could not be read or written.
    pub fn io(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Io, message)
    }

    /// The kind of this error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message, lowercase and without a final period.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Error {
        Error::io(err.to_string())
    }
}
