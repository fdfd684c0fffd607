//! `furat.Gazetteer`: finding places, one text or a batch.
//!
//! The matcher reads the `str`'s own PEP 393 buffer (no copy into `char`s)
//! and returns plain indices ([`Hits`]); Python objects are built from them
//! holding the GIL. Every match of a place shares one `Place` object, made
//! on first use and kept by the gazetteer, so a mention costs one `Match`
//! and one `str` (its text). Batches run on the pipeline of `batch.rs`:
//! workers match while the calling thread builds the results of finished
//! chunks.

use super::batch::{BATCH_CHUNK_ITEMS, chunk_bounds, chunk_units, pipeline};
use super::errors::{PyFuratError, input_error, type_error};
use super::normalize::threads_arg;
use super::place::{PyMatch, PyPlace, record_from};
use super::text::{StrSeq, Units, expect_str, new_str, units};
use crate::gazetteer::{Gazetteer, Hits};
use crate::normalize::CodeUnit;
use crate::parallel;
use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyTuple};
use pyo3::{Py, ffi};
use std::sync::Arc;

/// Texts at least this long are matched with the GIL released.
const DETACH_MIN_LEN: usize = 1 << 14;

/// The longest text the matcher takes: its offsets are 32-bit.
const MAX_LEN: usize = u32::MAX as usize;

/// Where a gazetteer came from: how it pickles.
#[derive(Clone)]
enum Origin {
    Builtin,
    Csv(String),
    Records,
}

/// A set of places and the matcher that finds them in text. Immutable,
/// thread-safe and picklable.
///
/// Example:
///     >>> g = furat.Gazetteer.default()
///     >>> [(m.text, m.place.pcode) for m in g.find("قصف على بلدة هجين بريف دير الزور")]
///     [('هجين', 'C5175'), ('دير الزور', 'SY09')]
#[pyclass(module = "furat", name = "Gazetteer", frozen)]
pub(crate) struct PyGazetteer {
    pub(crate) inner: Gazetteer,
    origin: Origin,
    /// One `Place` object per place, made on first use. `Place` objects
    /// refer to nothing, so this holds no reference cycle.
    place_objs: Box<[PyOnceLock<Py<PyPlace>>]>,
}

impl PyGazetteer {
    fn new(inner: Gazetteer, origin: Origin) -> PyGazetteer {
        let place_objs = (0..inner.len()).map(|_| PyOnceLock::new()).collect();
        PyGazetteer {
            inner,
            origin,
            place_objs,
        }
    }

    /// The `Place` object of place `i` (shared by every caller).
    fn place_obj(&self, py: Python<'_>, i: usize) -> PyResult<Py<PyPlace>> {
        let obj = self.place_objs[i].get_or_try_init(py, || {
            Py::new(
                py,
                PyPlace {
                    inner: Arc::clone(&self.inner.places()[i]),
                },
            )
        })?;
        Ok(obj.clone_ref(py))
    }

    /// The list of `Match`es of `hits` (found in `text`).
    fn matches<'py, T: super::text::UnitKind>(
        &self,
        py: Python<'py>,
        text: &[T],
        hits: &Hits,
        range: std::ops::Range<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        // SAFETY: `PyList_New` returns a new list or NULL with an error
        // set; every slot is filled below before the list is used (a list
        // freed early on an error accepts NULL slots).
        let list = unsafe {
            Bound::from_owned_ptr_or_err(py, ffi::PyList_New(range.len() as ffi::Py_ssize_t))?
                .cast_into_unchecked::<PyList>()
        };
        for (k, h) in hits.hits[range].iter().enumerate() {
            let m = PyMatch {
                start: h.start,
                end: h.end,
                text: new_str(py, &text[h.start..h.end])?.unbind(),
                proclitic: h.proclitic(),
                place: self.place_obj(py, h.place as usize)?,
                score: h.score,
                alternatives: hits
                    .alternatives_of(h)
                    .iter()
                    .map(|&i| self.place_obj(py, i as usize))
                    .collect::<PyResult<_>>()?,
                part: None,
            };
            let obj = Bound::new(py, m)?;
            // A Match refers only to a str and to Place objects, which refer
            // to nothing: it can never be part of a reference cycle, so the
            // garbage collector has nothing to look for in it. Untracked,
            // the collections that a batch's allocations trigger stay short.
            // SAFETY: `obj` is a live, tracked object of a GC type; CPython
            // untracks it again, harmlessly, when it is freed.
            unsafe { ffi::PyObject_GC_UnTrack(obj.as_ptr().cast()) };
            // SAFETY: `k` is in range and its slot is empty; SET_ITEM steals
            // the new reference.
            unsafe { ffi::PyList_SET_ITEM(list.as_ptr(), k as ffi::Py_ssize_t, obj.into_ptr()) };
        }
        Ok(list)
    }

    /// `matches` for units of any width.
    fn matches_units<'py>(
        &self,
        py: Python<'py>,
        text: Units<'_>,
        hits: &Hits,
        range: std::ops::Range<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        match text {
            Units::U8(t) => self.matches(py, t, hits, range),
            Units::U16(t) => self.matches(py, t, hits, range),
            Units::U32(t) => self.matches(py, t, hits, range),
        }
    }
}

/// Finds the places in units of any width.
fn find_units(g: &Gazetteer, text: Units<'_>, out: &mut Hits) {
    fn go<T: CodeUnit>(g: &Gazetteer, t: &[T], out: &mut Hits) {
        g.find_units(t, out);
    }
    match text {
        Units::U8(t) => go(g, t, out),
        Units::U16(t) => go(g, t, out),
        Units::U32(t) => go(g, t, out),
    }
}

fn check_len(u: &Units<'_>, what: &str) -> PyResult<()> {
    if u.len() > MAX_LEN {
        return Err(input_error(format!(
            "{what}: a text of {} characters is too long to match places in (at most \
             {MAX_LEN}); split it",
            u.len()
        )));
    }
    Ok(())
}

/// What a batch worker returns for a chunk: its texts' hits, one after the
/// other, and where each text's end.
struct ChunkHits {
    hits: Hits,
    ends: Vec<usize>,
}

#[pymethods]
impl PyGazetteer {
    /// The built-in gazetteer: every Syrian governorate, district,
    /// sub-district and community (OCHA P-codes), with the names news
    /// writes, and furat's regions, neighbourhoods and sites. Built once per
    /// process (in a few tens of milliseconds), then shared: every call
    /// returns the same object.
    #[staticmethod]
    fn default(py: Python<'_>) -> PyResult<Py<PyGazetteer>> {
        static DEFAULT: PyOnceLock<Py<PyGazetteer>> = PyOnceLock::new();
        let g = DEFAULT.get_or_try_init(py, || {
            Py::new(py, PyGazetteer::new(Gazetteer::builtin(), Origin::Builtin))
        })?;
        Ok(g.clone_ref(py))
    }

    /// A gazetteer from a CSV file of your own.
    ///
    /// Columns, by name: ``id`` (or ``pcode``); at least one of
    /// ``name_ar``, ``name_en``, ``names`` (``|``-separated; a name may carry
    /// a flag, ``الطبقة~strong``: none, weak, strong or cue); optional
    /// ``level``, ``admin1``..``admin3``, ``lat``, ``lon``, ``prior``.
    ///
    /// Raises:
    ///     DataError: naming the file, line and column of a malformed row,
    ///         a duplicate id, or a place with no name.
    ///     FileError: the file cannot be read.
    #[staticmethod]
    fn from_csv(path: &Bound<'_, PyAny>) -> PyResult<PyGazetteer> {
        let os = path.py().import("os")?;
        let p: String = os
            .call_method1("fspath", (path,))
            .and_then(|p| p.extract())
            .map_err(|_| type_error("path", "str or os.PathLike", path))?;
        let text = std::fs::read_to_string(&p)
            .map_err(|e| PyFuratError(crate::Error::io(format!("cannot read {p}: {e}"))))?;
        let inner = Gazetteer::from_csv_str(&text, &p).map_err(PyFuratError)?;
        Ok(PyGazetteer::new(inner, Origin::Records))
    }

    /// A gazetteer from records: dicts with the keys of ``Place.to_dict()``
    /// (``pcode`` or ``id``, ``name_ar``, ``name_en``, ``names``, ``level``,
    /// ``admin1``.., ``lat``, ``lon``), or Place objects.
    ///
    /// Raises:
    ///     DataError: naming the record's index (``records[3]: ...``).
    #[staticmethod]
    fn from_records(records: &Bound<'_, PyAny>) -> PyResult<PyGazetteer> {
        let iter = records
            .try_iter()
            .map_err(|_| type_error("records", "an iterable of dict", records))?;
        let mut out = Vec::new();
        for (i, item) in iter.enumerate() {
            out.push(record_from(&item?, &format!("records[{i}]"))?);
        }
        let inner = Gazetteer::from_records(out).map_err(PyFuratError)?;
        Ok(PyGazetteer::new(inner, Origin::Records))
    }

    #[staticmethod]
    #[pyo3(signature = (text, source = "pickled gazetteer"))]
    fn _from_csv_text(text: &str, source: &str) -> PyResult<PyGazetteer> {
        let inner = Gazetteer::from_csv_str(text, source).map_err(PyFuratError)?;
        Ok(PyGazetteer::new(inner, Origin::Csv(text.to_owned())))
    }

    /// Finds the places a text mentions.
    ///
    /// Returns:
    ///     list[Match], in text order, spans in ``str`` indices of ``text``.
    ///
    /// Raises:
    ///     InputTypeError: ``text`` is not a str.
    ///     InputError: ``text`` is longer than 2**32 - 1 characters.
    fn find<'py>(&self, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
        let py = text.py();
        let s = expect_str(text, "text")?;
        let u = units(s)?;
        check_len(&u, "text")?;
        let mut hits = Hits::default();
        if u.len() >= DETACH_MIN_LEN {
            py.detach(|| find_units(&self.inner, u, &mut hits));
        } else {
            find_units(&self.inner, u, &mut hits);
        }
        self.matches_units(py, u, &hits, 0..hits.hits.len())
    }

    /// Finds the places in many texts, in parallel with the GIL released,
    /// keeping their order.
    ///
    /// Args:
    ///     texts: a sequence (or iterable) of str.
    ///     threads: threads to use; default: all cores, or
    ///         ``FURAT_NUM_THREADS``.
    ///
    /// Returns:
    ///     list[list[Match]], one list per text.
    ///
    /// Raises:
    ///     InputTypeError: an item is not a str (naming its index), or
    ///         ``texts`` is a single str.
    ///     OptionError: ``threads`` is not a positive int or None.
    #[pyo3(signature = (texts, *, threads = None))]
    fn find_batch<'py>(
        &self,
        texts: &Bound<'py, PyAny>,
        threads: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let py = texts.py();
        let threads = parallel::resolve_threads(threads_arg(threads)?);
        let texts = StrSeq::new(texts, "texts")?;
        let bounds = chunk_bounds(&texts, BATCH_CHUNK_ITEMS)?;
        // SAFETY: as in `matches`: filled in order below, NULL slots are
        // accepted if the list is freed on an error.
        let list = unsafe {
            Bound::from_owned_ptr_or_err(py, ffi::PyList_New(texts.len() as ffi::Py_ssize_t))?
                .cast_into_unchecked::<PyList>()
        };
        let g = &self.inner;
        pipeline(
            py,
            bounds.len() - 1,
            threads,
            |k| {
                let range = bounds[k]..bounds[k + 1];
                // SAFETY: `texts` outlives the pipeline.
                let inputs = unsafe { chunk_units(&texts, &bounds, k)? };
                for (i, u) in range.zip(&inputs) {
                    check_len(u, &format!("texts[{i}]"))?;
                }
                Ok(((), inputs))
            },
            |inputs| {
                let mut out = ChunkHits {
                    hits: Hits::default(),
                    ends: Vec::with_capacity(inputs.len()),
                };
                for &u in inputs {
                    find_units(g, u, &mut out.hits);
                    out.ends.push(out.hits.hits.len());
                }
                out
            },
            |k, (), c| {
                let mut from = 0;
                for (j, &end) in c.ends.iter().enumerate() {
                    let i = bounds[k] + j;
                    let s = texts.get_str(i, "texts")?;
                    let found = self.matches_units(py, units(&s)?, &c.hits, from..end)?;
                    from = end;
                    // SAFETY: `i < len`; the slot is empty; SET_ITEM steals
                    // the new reference.
                    unsafe {
                        ffi::PyList_SET_ITEM(list.as_ptr(), i as ffi::Py_ssize_t, found.into_ptr())
                    };
                }
                Ok(())
            },
        )?;
        Ok(list)
    }

    /// The place with this P-code (or furat id), or None.
    fn get(&self, py: Python<'_>, pcode: &str) -> PyResult<Option<Py<PyPlace>>> {
        self.inner
            .position(pcode)
            .map(|i| self.place_obj(py, i))
            .transpose()
    }

    fn __getitem__(&self, py: Python<'_>, pcode: &str) -> PyResult<Py<PyPlace>> {
        self.get(py, pcode)?
            .ok_or_else(|| PyKeyError::new_err(pcode.to_owned()))
    }

    fn __contains__(&self, pcode: &str) -> bool {
        self.inner.get(pcode).is_some()
    }

    /// The places that have this name, in any of its forms (ديرالزور,
    /// Deir Ezzor): higher levels and better-known places first.
    fn search(&self, py: Python<'_>, name: &str) -> PyResult<Vec<Py<PyPlace>>> {
        self.inner
            .search(name)
            .iter()
            .filter_map(|p| self.inner.position(&p.id))
            .map(|i| self.place_obj(py, i))
            .collect()
    }

    /// Every place, in source order.
    fn places(&self, py: Python<'_>) -> PyResult<Vec<Py<PyPlace>>> {
        (0..self.inner.len())
            .map(|i| self.place_obj(py, i))
            .collect()
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __repr__(&self) -> String {
        match self.origin {
            Origin::Builtin => format!("<Gazetteer built-in, {} places>", self.inner.len()),
            _ => format!("<Gazetteer {} places>", self.inner.len()),
        }
    }

    /// Sources, attribution and licences of the built-in data.
    #[staticmethod]
    fn attribution() -> &'static str {
        crate::gazetteer::ATTRIBUTION
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        let cls = py.get_type::<PyGazetteer>();
        match &this.origin {
            Origin::Builtin => {
                PyTuple::new(py, [cls.getattr("default")?, PyTuple::empty(py).into_any()])
            }
            Origin::Csv(text) => PyTuple::new(
                py,
                [
                    cls.getattr("_from_csv_text")?,
                    PyTuple::new(py, [text.as_str()])?.into_any(),
                ],
            ),
            Origin::Records => {
                let text = this.inner.to_csv_string();
                PyTuple::new(
                    py,
                    [
                        cls.getattr("_from_csv_text")?,
                        PyTuple::new(py, [text])?.into_any(),
                    ],
                )
            }
        }
    }
}
