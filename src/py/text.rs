//! Reading and writing CPython strings in place (PEP 393).
//!
//! A `str` is stored as one 1-, 2- or 4-byte unit per code point. Reading
//! that buffer directly, instead of encoding to UTF-8 and decoding back,
//! is what lets a normalizer beat the UTF-8 round trip at the boundary
//! (about 300 MB/s for a big string, measured in the research notes). It
//! needs CPython's non-limited API, which is why furat ships one wheel per
//! CPython version rather than an abi3 wheel.

use super::errors::type_error;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::PyString;

/// The code units of a Python `str`, borrowed from the string object.
#[derive(Clone, Copy)]
pub(crate) enum Units<'a> {
    U8(&'a [u8]),
    U16(&'a [u16]),
    U32(&'a [u32]),
}

impl Units<'_> {
    pub(crate) fn len(&self) -> usize {
        match self {
            Units::U8(s) => s.len(),
            Units::U16(s) => s.len(),
            Units::U32(s) => s.len(),
        }
    }
}

/// The units of `s`, valid while `s` is alive.
///
/// Strings are immutable and never move, so the returned slice may be read
/// from other threads while the caller keeps a reference to `s`.
pub(crate) fn units<'a>(s: &'a Bound<'_, PyString>) -> Units<'a> {
    let op = s.as_ptr();
    // SAFETY: `op` is a live `str` (the `Bound` proves it); on 3.10/3.11 a
    // legacy string is made ready first; the data pointer and length
    // describe `length` units of `kind` bytes each, owned by the object.
    unsafe {
        // A no-op from 3.12 on; before, legacy strings may need it.
        if ffi::PyUnicode_READY(op) != 0 {
            ffi::PyErr_Clear();
            return Units::U8(&[]);
        }
        let len = ffi::PyUnicode_GET_LENGTH(op) as usize;
        let data = ffi::PyUnicode_DATA(op);
        match ffi::PyUnicode_KIND(op) {
            ffi::PyUnicode_1BYTE_KIND => Units::U8(std::slice::from_raw_parts(data as *const u8, len)),
            ffi::PyUnicode_2BYTE_KIND => {
                Units::U16(std::slice::from_raw_parts(data as *const u16, len))
            }
            _ => Units::U32(std::slice::from_raw_parts(data as *const u32, len)),
        }
    }
}

/// A new `str` from code units of one width (any width is accepted; CPython
/// picks the canonical kind).
pub(crate) fn new_str<'py, T: UnitKind>(py: Python<'py>, data: &[T]) -> PyResult<Bound<'py, PyString>> {
    // SAFETY: the buffer holds `len` units of `T::KIND` bytes; CPython
    // copies it and returns a new reference or NULL with an error set.
    unsafe {
        let ptr = ffi::PyUnicode_FromKindAndData(
            T::KIND as std::os::raw::c_int,
            data.as_ptr().cast(),
            data.len() as ffi::Py_ssize_t,
        );
        Ok(Bound::from_owned_ptr_or_err(py, ptr)?.cast_into_unchecked::<PyString>())
    }
}

/// The PEP 393 kind of a unit type.
pub(crate) trait UnitKind: Copy {
    const KIND: u32;
}
impl UnitKind for u8 {
    const KIND: u32 = ffi::PyUnicode_1BYTE_KIND;
}
impl UnitKind for u16 {
    const KIND: u32 = ffi::PyUnicode_2BYTE_KIND;
}
impl UnitKind for u32 {
    const KIND: u32 = ffi::PyUnicode_4BYTE_KIND;
}

/// `obj` as a `str`, or furat's `TypeError` naming `what`.
pub(crate) fn expect_str<'a, 'py>(
    obj: &'a Bound<'py, PyAny>,
    what: &str,
) -> PyResult<&'a Bound<'py, PyString>> {
    obj.cast::<PyString>().map_err(|_| type_error(what, "str", obj))
}

/// The items of a sequence or iterable of `str`, with a `TypeError` naming
/// the first item that is not one (`"texts[3]: expected str, got int"`).
/// A bare `str` is refused: it is almost always a mistake for a list.
pub(crate) fn str_items<'py>(
    obj: &Bound<'py, PyAny>,
    name: &str,
) -> PyResult<Vec<Bound<'py, PyString>>> {
    if obj.is_instance_of::<PyString>() {
        return Err(type_error(name, "a sequence of str, not a single str", obj));
    }
    let iter = obj.try_iter().map_err(|_| type_error(name, "a sequence of str", obj))?;
    let mut out = Vec::with_capacity(obj.len().unwrap_or(0));
    for (i, item) in iter.enumerate() {
        let item = item?;
        match item.cast_into::<PyString>() {
            Ok(s) => out.push(s),
            Err(e) => return Err(type_error(&format!("{name}[{i}]"), "str", e.into_inner().as_any())),
        }
    }
    Ok(out)
}
