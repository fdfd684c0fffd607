//! Reading and writing CPython strings in place (PEP 393).
//!
//! A `str` is stored as one 1-, 2- or 4-byte unit per code point. Reading
//! that buffer directly, instead of encoding to UTF-8 and decoding back,
//! is what lets a normalizer beat the UTF-8 round trip at the boundary
//! (about 300 MB/s for a big string, measured in the research notes). It
//! needs CPython's non-limited API, which is why furat ships one wheel per
//! CPython version rather than an abi3 wheel.

use super::errors::type_error;
use crate::normalize::CodeUnit;
use pyo3::Borrowed;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};

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
pub(crate) fn units<'a>(s: &'a Bound<'_, PyString>) -> PyResult<Units<'a>> {
    let op = s.as_ptr();
    // SAFETY: `op` is a live `str` (the `Bound` proves it); on 3.10/3.11 a
    // legacy string is made ready first; the data pointer and length
    // describe `length` units of `kind` bytes each, owned by the object.
    unsafe {
        // A no-op from 3.12 on; before, legacy strings (built by the
        // deprecated Py_UNICODE API) may need it, and it may fail (memory).
        if ffi::PyUnicode_READY(op) != 0 {
            return Err(PyErr::fetch(s.py()));
        }
        let len = ffi::PyUnicode_GET_LENGTH(op) as usize;
        let data = ffi::PyUnicode_DATA(op);
        Ok(match ffi::PyUnicode_KIND(op) {
            ffi::PyUnicode_1BYTE_KIND => {
                Units::U8(std::slice::from_raw_parts(data as *const u8, len))
            }
            ffi::PyUnicode_2BYTE_KIND => {
                Units::U16(std::slice::from_raw_parts(data as *const u16, len))
            }
            _ => Units::U32(std::slice::from_raw_parts(data as *const u32, len)),
        })
    }
}

/// As [`units`], with a lifetime the caller chooses.
///
/// # Safety
/// The caller must keep a strong reference to `s` for as long as it uses the
/// result (a batch keeps its chunk's strings until the chunk is consumed).
pub(crate) unsafe fn units_unbound<'a>(s: &Bound<'_, PyString>) -> PyResult<Units<'a>> {
    let u = units(s)?;
    // SAFETY: the buffer belongs to the string object, which never moves
    // and lives as long as the caller's strong reference, per the contract.
    Ok(unsafe { std::mem::transmute::<Units<'_>, Units<'a>>(u) })
}

/// The items of a batch argument, as a tuple: a tuple is used as it is, a
/// list is snapshotted (one C-level copy of its item pointers, so that
/// another thread changing the list while the batch runs without the GIL
/// cannot free a string a worker is reading), any other iterable is
/// collected.
pub(crate) struct StrSeq<'py> {
    items: Bound<'py, PyTuple>,
}

impl<'py> StrSeq<'py> {
    /// `obj` as a batch of texts; a bare `str` is refused (it is almost
    /// always a mistake for a list).
    pub(crate) fn new(obj: &Bound<'py, PyAny>, name: &str) -> PyResult<StrSeq<'py>> {
        if obj.is_instance_of::<PyString>() {
            return Err(type_error(name, "a sequence of str, not a single str", obj));
        }
        let items = if let Ok(t) = obj.cast::<PyTuple>() {
            t.clone()
        } else if let Ok(l) = obj.cast::<PyList>() {
            l.to_tuple()
        } else {
            let iter = obj
                .try_iter()
                .map_err(|_| type_error(name, "a sequence of str", obj))?;
            PyTuple::new(obj.py(), iter.collect::<PyResult<Vec<_>>>()?)?
        };
        Ok(StrSeq { items })
    }

    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }

    /// Item `i` (`i < len`) as a `str`, borrowed from the snapshot, or
    /// furat's `TypeError` naming `name[i]`.
    pub(crate) fn get_str<'a>(
        &'a self,
        i: usize,
        name: &str,
    ) -> PyResult<Borrowed<'a, 'py, PyString>> {
        let item = self.items.get_borrowed_item(i)?;
        item.cast::<PyString>()
            .map_err(|_| type_error(&format!("{name}[{i}]"), "str", &item.to_owned()))
    }
}

/// A new `str` holding `data`, in CPython's canonical form (the narrowest
/// kind that fits its widest character, ASCII flagged).
///
/// Faster than `PyUnicode_FromKindAndData`, which scans the whole buffer
/// for its widest character: here the scan stops at the first character
/// that needs the buffer's own width, which in Arabic text is within the
/// first few characters.
pub(crate) fn new_str<'py, T: UnitKind>(
    py: Python<'py>,
    data: &[T],
) -> PyResult<Bound<'py, PyString>> {
    let maxchar = T::max_char(data);
    let len = data.len() as ffi::Py_ssize_t;
    // SAFETY: `PyUnicode_New` returns a new, uninitialised string of `len`
    // units of the kind `maxchar` selects, or NULL with an error set; its
    // buffer is then filled completely, every unit at most `maxchar`,
    // before the object is handed to anyone.
    unsafe {
        let ptr = ffi::PyUnicode_New(len, maxchar);
        let obj = Bound::from_owned_ptr_or_err(py, ptr)?;
        let dst = ffi::PyUnicode_DATA(ptr);
        match ffi::PyUnicode_KIND(ptr) {
            ffi::PyUnicode_1BYTE_KIND => T::write_u8(data, dst.cast::<u8>()),
            ffi::PyUnicode_2BYTE_KIND => T::write_u16(data, dst.cast::<u16>()),
            _ => T::write_u32(data, dst.cast::<u32>()),
        }
        Ok(obj.cast_into_unchecked::<PyString>())
    }
}

/// The code-unit types of PEP 393 buffers, and how to write them into a
/// string of any (narrower or equal) kind.
pub(crate) trait UnitKind: Copy + CodeUnit {
    /// The `maxchar` to create a string for `data` with: 0x7F, 0xFF,
    /// 0xFFFF or 0x10FFFF.
    fn max_char(data: &[Self]) -> u32;
    /// Copies `data` into a buffer of `data.len()` units.
    ///
    /// # Safety
    /// `dst` must be valid for `data.len()` writes, and every unit of
    /// `data` must fit the destination width.
    unsafe fn write_u8(data: &[Self], dst: *mut u8) {
        for (k, u) in data.iter().enumerate() {
            // SAFETY: in bounds by the caller's contract.
            unsafe { *dst.add(k) = u.get() as u8 };
        }
    }
    /// As [`UnitKind::write_u8`], for a 2-byte buffer.
    ///
    /// # Safety
    /// As for `write_u8`.
    unsafe fn write_u16(data: &[Self], dst: *mut u16) {
        for (k, u) in data.iter().enumerate() {
            // SAFETY: in bounds by the caller's contract.
            unsafe { *dst.add(k) = u.get() as u16 };
        }
    }
    /// As [`UnitKind::write_u8`], for a 4-byte buffer.
    ///
    /// # Safety
    /// As for `write_u8`.
    unsafe fn write_u32(data: &[Self], dst: *mut u32) {
        for (k, u) in data.iter().enumerate() {
            // SAFETY: in bounds by the caller's contract.
            unsafe { *dst.add(k) = u.get() };
        }
    }
}

fn latin1_max(data: impl Iterator<Item = u32> + Clone) -> u32 {
    if data.clone().all(|c| c < 0x80) {
        0x7F
    } else {
        0xFF
    }
}

impl UnitKind for u8 {
    fn max_char(data: &[u8]) -> u32 {
        if data.is_ascii() { 0x7F } else { 0xFF }
    }
    unsafe fn write_u8(data: &[u8], dst: *mut u8) {
        // SAFETY: the caller's contract; the buffers do not overlap (the
        // destination is a new string).
        unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), dst, data.len()) };
    }
}

impl UnitKind for u16 {
    fn max_char(data: &[u16]) -> u32 {
        if data.iter().any(|&u| u >= 0x100) {
            0xFFFF
        } else {
            latin1_max(data.iter().map(|&u| u32::from(u)))
        }
    }
    unsafe fn write_u16(data: &[u16], dst: *mut u16) {
        // SAFETY: as for `u8`.
        unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), dst, data.len()) };
    }
}

impl UnitKind for u32 {
    fn max_char(data: &[u32]) -> u32 {
        if data.iter().any(|&u| u >= 0x10000) {
            0x10FFFF
        } else if data.iter().any(|&u| u >= 0x100) {
            0xFFFF
        } else {
            latin1_max(data.iter().copied())
        }
    }
    unsafe fn write_u32(data: &[u32], dst: *mut u32) {
        // SAFETY: as for `u8`.
        unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), dst, data.len()) };
    }
}

/// `obj` as a `str`, or furat's `TypeError` naming `what`.
pub(crate) fn expect_str<'a, 'py>(
    obj: &'a Bound<'py, PyAny>,
    what: &str,
) -> PyResult<&'a Bound<'py, PyString>> {
    obj.cast::<PyString>()
        .map_err(|_| type_error(what, "str", obj))
}

/// The items of a sequence or iterable of `str`, with a `TypeError` naming
/// the first item that is not one (`"texts[3]: expected str, got int"`).
/// A bare `str` is refused: it is almost always a mistake for a list.
#[allow(dead_code)] // for the other engines' batch calls
pub(crate) fn str_items<'py>(
    obj: &Bound<'py, PyAny>,
    name: &str,
) -> PyResult<Vec<Bound<'py, PyString>>> {
    let seq = StrSeq::new(obj, name)?;
    (0..seq.len())
        .map(|i| seq.get_str(i, name).map(|s| s.to_owned()))
        .collect()
}

/// The characters of a string's units. A lone surrogate (not a `char`)
/// becomes U+FFFD, one for one, so offsets still index the Python `str`.
pub(crate) fn chars_of(u: Units<'_>) -> Vec<char> {
    fn conv<T: Copy + Into<u32>>(s: &[T]) -> Vec<char> {
        s.iter()
            .map(|&c| char::from_u32(c.into()).unwrap_or('\u{FFFD}'))
            .collect()
    }
    match u {
        Units::U8(s) => s.iter().map(|&b| char::from(b)).collect(),
        Units::U16(s) => conv(s),
        Units::U32(s) => conv(s),
    }
}
