//! The Python exception hierarchy and the one mapping from core errors.
//!
//! Every furat exception derives from `furat.FuratError`, and also from the
//! built-in exception users already catch (orjson's habit): a bad option is
//! a `ValueError`, a non-`str` input a `TypeError`, an unreadable file an
//! `OSError`.
//!
//! ```text
//! FuratError(Exception)
//! ├── OptionError(FuratError, ValueError)     unknown profile, option or value
//! ├── InputError(FuratError, ValueError)      input that cannot be processed
//! ├── InputTypeError(FuratError, TypeError)   input of the wrong type
//! ├── DataError(FuratError, ValueError)       malformed CSV, records, saved state
//! └── FileError(FuratError, OSError)          a file that cannot be read or written
//! ```

use crate::error::{Error, ErrorKind};
use pyo3::exceptions::{PyException, PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyTuple, PyType};
use pyo3::{PyTypeInfo, ffi};
use std::ffi::CStr;

struct ExceptionType {
    name: &'static CStr,
    attr: &'static str,
    doc: &'static CStr,
    cell: PyOnceLock<Py<PyType>>,
}

macro_rules! exception {
    ($static:ident, $attr:literal, $doc:literal) => {
        static $static: ExceptionType = ExceptionType {
            name: match CStr::from_bytes_with_nul(concat!("furat.", $attr, "\0").as_bytes()) {
                Ok(c) => c,
                Err(_) => panic!("bad name"),
            },
            attr: $attr,
            doc: match CStr::from_bytes_with_nul(concat!($doc, "\0").as_bytes()) {
                Ok(c) => c,
                Err(_) => panic!("bad doc"),
            },
            cell: PyOnceLock::new(),
        };
    };
}

exception!(
    FURAT_ERROR,
    "FuratError",
    "Base class of every error furat raises."
);
exception!(
    OPTION_ERROR,
    "OptionError",
    "An unknown profile, option or option value."
);
exception!(INPUT_ERROR, "InputError", "Input that cannot be processed.");
exception!(
    INPUT_TYPE_ERROR,
    "InputTypeError",
    "Input of the wrong type (not a str, ...)."
);
exception!(
    DATA_ERROR,
    "DataError",
    "A malformed data file, record or saved state."
);
exception!(
    FILE_ERROR,
    "FileError",
    "A file that cannot be read or written."
);

impl ExceptionType {
    fn get<'py>(&self, py: Python<'py>) -> &Bound<'py, PyType> {
        self.cell
            .get_or_try_init(py, || -> PyResult<Py<PyType>> {
                let bases: Bound<'_, PyTuple> = if std::ptr::eq(self, &FURAT_ERROR) {
                    PyTuple::new(py, [PyException::type_object(py)])?
                } else {
                    let builtin = if std::ptr::eq(self, &INPUT_TYPE_ERROR) {
                        PyTypeError::type_object(py)
                    } else if std::ptr::eq(self, &FILE_ERROR) {
                        PyOSError::type_object(py)
                    } else {
                        PyValueError::type_object(py)
                    };
                    PyTuple::new(py, [FURAT_ERROR.get(py).clone(), builtin])?
                };
                // SAFETY: valid C strings and a tuple of exception types;
                // the call returns a new reference or NULL with an error set.
                let ptr = unsafe {
                    ffi::PyErr_NewExceptionWithDoc(
                        self.name.as_ptr(),
                        self.doc.as_ptr(),
                        bases.as_ptr(),
                        std::ptr::null_mut(),
                    )
                };
                // SAFETY: `ptr` is a new reference to a type, or NULL.
                let obj = unsafe { Bound::from_owned_ptr_or_err(py, ptr)? };
                Ok(obj.cast_into::<PyType>()?.unbind())
            })
            .map(|t| t.bind(py))
            .expect("creating furat's exception types cannot fail")
    }

    fn err(&self, message: impl Into<String>) -> PyErr {
        let message = message.into();
        Python::attach(|py| PyErr::from_type(self.get(py).clone(), message))
    }
}

/// Adds the exception classes to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    for e in [
        &FURAT_ERROR,
        &OPTION_ERROR,
        &INPUT_ERROR,
        &INPUT_TYPE_ERROR,
        &DATA_ERROR,
        &FILE_ERROR,
    ] {
        m.add(e.attr, e.get(py))?;
    }
    Ok(())
}

/// A wrapper that lets `?` turn a core [`Error`] into the right exception.
pub(crate) struct PyFuratError(pub(crate) Error);

impl From<Error> for PyFuratError {
    fn from(e: Error) -> PyFuratError {
        PyFuratError(e)
    }
}

impl From<PyFuratError> for PyErr {
    fn from(e: PyFuratError) -> PyErr {
        to_pyerr(&e.0)
    }
}

/// The one mapping from core error kinds to exception classes.
pub(crate) fn to_pyerr(e: &Error) -> PyErr {
    let class = match e.kind() {
        ErrorKind::InvalidOption => &OPTION_ERROR,
        ErrorKind::InvalidInput => &INPUT_ERROR,
        ErrorKind::InvalidData => &DATA_ERROR,
        ErrorKind::Io => &FILE_ERROR,
    };
    class.err(e.message())
}

/// A `TypeError` (furat's `InputTypeError`) naming what was expected and
/// what came: `"texts[3]: expected str, got NoneType"`.
pub(crate) fn type_error(what: &str, expected: &str, got: &Bound<'_, PyAny>) -> PyErr {
    let got = got
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into());
    INPUT_TYPE_ERROR.err(format!("{what}: expected {expected}, got {got}"))
}

/// An `InputError` with a message.
pub(crate) fn input_error(message: impl Into<String>) -> PyErr {
    INPUT_ERROR.err(message)
}

/// An `OptionError` with a message.
pub(crate) fn option_error(message: impl Into<String>) -> PyErr {
    OPTION_ERROR.err(message)
}

/// A `DataError` with a message.
pub(crate) fn data_error(message: impl Into<String>) -> PyErr {
    DATA_ERROR.err(message)
}
