//! `furat.Normalizer`, `furat.Alignment` and `furat.normalize`.

use super::batch::{BATCH_CHUNK_ITEMS, chunk_bounds, chunk_units, pipeline};
use super::errors::{PyFuratError, input_error, option_error, type_error};
use super::text::{StrSeq, UnitKind, Units, expect_str, new_str, units};
use crate::normalize::{Alignment, CodeUnit, Normalizer, OptionValue, Options, Profile};
use crate::parallel;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyList, PyString, PyTuple};
use std::cell::RefCell;
use std::sync::{Arc, Mutex, OnceLock};

/// Strings at least this long are normalized with the GIL released; below
/// it, releasing costs more than it frees.
const DETACH_MIN_LEN: usize = 1 << 16;

/// An immutable, thread-safe, picklable Arabic normalizer.
///
/// Args:
///     profile: "search" (aggressive, for indexing and matching), "clean"
///         (conservative repair), "camel" (CAMeL Tools' light chain) or
///         "none" (identity). Defaults to "search".
///     **options: overrides of single options, by name, e.g.
///         ``teh_marbuta=False`` or ``diacritics="keep_shadda"``.
///
/// Example:
///     >>> import furat
///     >>> n = furat.Normalizer("search", teh_marbuta=False)
///     >>> n.normalize("الحَسَكَة")
///     'الحسكة'
#[pyclass(module = "furat", name = "Normalizer", frozen)]
pub(crate) struct PyNormalizer {
    pub(crate) inner: Normalizer,
}

/// Builds options from a profile name and keyword overrides.
fn build_options(profile: &str, overrides: Option<&Bound<'_, PyDict>>) -> PyResult<Options> {
    let mut opts = Options::profile(Profile::parse(profile).map_err(PyFuratError)?);
    if let Some(d) = overrides {
        for (k, v) in d.iter() {
            let name: String = k
                .extract()
                .map_err(|_| option_error("option names must be str"))?;
            if name == "profile" {
                return Err(option_error(
                    "\"profile\" is the first argument, not an option",
                ));
            }
            set_option(&mut opts, &name, &v)?;
        }
    }
    Ok(opts)
}

fn set_option(opts: &mut Options, name: &str, v: &Bound<'_, PyAny>) -> PyResult<()> {
    let type_name = || {
        v.get_type()
            .name()
            .map_or_else(|_| "?".to_owned(), |n| n.to_string())
    };
    if Options::is_switch(name).map_err(PyFuratError)? {
        // Only a real bool: `digits=1` or `digits="no"` is refused rather
        // than guessed.
        let b = v.cast::<PyBool>().map_err(|_| {
            option_error(format!("option {name:?} takes a bool, got {}", type_name()))
        })?;
        opts.set_bool(name, b.is_true()).map_err(PyFuratError)?;
    } else {
        let s = v.cast::<PyString>().map_err(|_| {
            option_error(format!("option {name:?} takes a str, got {}", type_name()))
        })?;
        opts.set_mode(name, s.to_str()?).map_err(PyFuratError)?;
    }
    Ok(())
}

fn option_to_py<'py>(py: Python<'py>, v: &OptionValue) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        OptionValue::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        OptionValue::Mode(m) => PyString::new(py, m).into_any(),
    })
}

/// The profile closest to `opts` (fewest differing options), and the
/// differences: what `__repr__` prints.
fn nearest_profile(opts: &Options) -> (Profile, Vec<(&'static str, OptionValue)>) {
    let items = opts.items();
    Profile::ALL
        .into_iter()
        .map(|p| {
            let base = Options::profile(p).items();
            let diff: Vec<_> = items
                .iter()
                .zip(base)
                .filter(|(a, b)| a.1 != b.1)
                .map(|(a, _)| a.clone())
                .collect();
            (p, diff)
        })
        .min_by_key(|(_, d)| d.len())
        .unwrap_or((Profile::None, items))
}

/// Scratch output buffers, one per thread and unit width, reused from call
/// to call: a call on a paragraph then allocates nothing but its result.
/// Buffers that grew past `SCRATCH_KEEP` units are released after use, so
/// one huge text does not pin its memory to the thread.
trait Scratch: UnitKind + Send {
    fn with_scratch<R>(f: impl FnOnce(&mut Vec<Self>) -> R) -> R;
}

const SCRATCH_KEEP: usize = 1 << 20;

macro_rules! scratch {
    ($t:ty, $name:ident) => {
        thread_local! {
            static $name: RefCell<Vec<$t>> = const { RefCell::new(Vec::new()) };
        }
        impl Scratch for $t {
            fn with_scratch<R>(f: impl FnOnce(&mut Vec<$t>) -> R) -> R {
                $name.with(|cell| match cell.try_borrow_mut() {
                    Ok(mut buf) => {
                        buf.clear();
                        let r = f(&mut buf);
                        if buf.capacity() > SCRATCH_KEEP {
                            *buf = Vec::new();
                        }
                        r
                    }
                    // Re-entered on this thread (cannot happen today: no
                    // Python code runs while a buffer is in use): a fresh one.
                    Err(_) => f(&mut Vec::new()),
                })
            }
        }
    };
}
scratch!(u8, SCRATCH_U8);
scratch!(u16, SCRATCH_U16);
scratch!(u32, SCRATCH_U32);

/// The result for an input that did not change: the input itself, unless it
/// is an instance of a `str` subclass (a plain `str` comes back, as from
/// `str` methods).
fn unchanged<'py, T: UnitKind>(
    input: &Bound<'py, PyString>,
    data: &[T],
) -> PyResult<Bound<'py, PyString>> {
    if input.is_exact_instance_of::<PyString>() {
        Ok(input.clone())
    } else {
        new_str(input.py(), data)
    }
}

/// Normalizes one string of unit type `T`, with the GIL released when it is
/// long; returns the result and, when asked, the alignment.
fn normalize_units<'py, T: Scratch>(
    n: &Normalizer,
    s: &Bound<'py, PyString>,
    data: &[T],
    aligned: bool,
) -> PyResult<(Bound<'py, PyString>, Option<Alignment>)> {
    let py = s.py();
    T::with_scratch(|buf| {
        let res = if data.len() >= DETACH_MIN_LEN {
            py.detach(|| n.normalize_into(data, buf, aligned))
        } else {
            n.normalize_into(data, buf, aligned)
        };
        let out = match (&res.wide, res.changed) {
            (Some(wide), _) => new_str(py, wide)?,
            (None, true) => new_str(py, &buf[..])?,
            (None, false) => unchanged(s, data)?,
        };
        Ok((out, res.alignment))
    })
}

/// The most characters an alignment can index (its positions are `u32`).
const ALIGNMENT_MAX_LEN: usize = u32::MAX as usize;

/// Normalizes one string.
fn normalize_one<'py>(
    n: &Normalizer,
    s: &Bound<'py, PyString>,
    aligned: bool,
) -> PyResult<(Bound<'py, PyString>, Option<Alignment>)> {
    let u = units(s)?;
    if aligned && u.len() > ALIGNMENT_MAX_LEN {
        return Err(input_error(format!(
            "text of {} characters is too long for offsets (at most {ALIGNMENT_MAX_LEN})",
            u.len()
        )));
    }
    let (out, al) = match u {
        Units::U8(d) => normalize_units(n, s, d, aligned)?,
        Units::U16(d) => normalize_units(n, s, d, aligned)?,
        Units::U32(d) => normalize_units(n, s, d, aligned)?,
    };
    if aligned && out.len()? > ALIGNMENT_MAX_LEN {
        return Err(input_error(
            "normalized text is too long for offsets (more than 2**32 - 1 characters)",
        ));
    }
    Ok((out, al))
}

/// Where one item's output is in a chunk's buffers.
enum Slot {
    Same,
    U8(usize, usize),
    U16(usize, usize),
    U32(usize, usize),
    Wide(Vec<u32>),
}

/// The outputs of one chunk, packed: one buffer per width.
#[derive(Default)]
struct ChunkOut {
    /// The pool the buffers go back to (see `ChunkPools`).
    owner: usize,
    u8s: Vec<u8>,
    u16s: Vec<u16>,
    u32s: Vec<u32>,
    slots: Vec<Slot>,
}

fn put<T: CodeUnit>(
    n: &Normalizer,
    data: &[T],
    buf: &mut Vec<T>,
    wrap: fn(usize, usize) -> Slot,
) -> Slot {
    let start = buf.len();
    let res = n.normalize_into(data, buf, false);
    match (res.wide, res.changed) {
        (Some(w), _) => {
            buf.truncate(start);
            Slot::Wide(w)
        }
        (None, true) => wrap(start, buf.len()),
        (None, false) => {
            buf.truncate(start);
            Slot::Same
        }
    }
}

/// Chunk buffers are recycled: a chunk's output is a few hundred KB, which
/// fresh from the allocator would cost page faults on every chunk. Each
/// thread gets its own buffers back (one pool per thread: the caller's,
/// then each worker's): a buffer last written on another core would cost a
/// cache-line transfer per 64 bytes written, which measured slower than
/// the work itself.
struct ChunkPools(Vec<Mutex<Vec<ChunkOut>>>);

impl ChunkPools {
    fn new(threads: usize) -> ChunkPools {
        ChunkPools((0..=threads).map(|_| Mutex::new(Vec::new())).collect())
    }

    /// The pool of the current thread: 0 for the caller, 1 + i for worker i.
    fn index(&self) -> usize {
        rayon::current_thread_index().map_or(0, |i| (i + 1).min(self.0.len() - 1))
    }

    fn take(&self) -> ChunkOut {
        let owner = self.index();
        let mut c = self.0[owner]
            .lock()
            .ok()
            .and_then(|mut p| p.pop())
            .unwrap_or_default();
        c.owner = owner;
        c
    }

    fn give_back(&self, c: ChunkOut) {
        if let Some(Ok(mut p)) = self.0.get(c.owner).map(Mutex::lock) {
            p.push(c);
        }
    }
}

fn normalize_chunk(n: &Normalizer, inputs: &[Units<'_>], pools: &ChunkPools) -> ChunkOut {
    let mut c = pools.take();
    c.u8s.clear();
    c.u16s.clear();
    c.u32s.clear();
    c.slots.clear();
    c.slots.reserve(inputs.len());
    for u in inputs {
        let slot = match *u {
            Units::U8(d) => put(n, d, &mut c.u8s, Slot::U8),
            Units::U16(d) => put(n, d, &mut c.u16s, Slot::U16),
            Units::U32(d) => put(n, d, &mut c.u32s, Slot::U32),
        };
        c.slots.push(slot);
    }
    c
}

/// Normalizes many strings in parallel, in order: see `batch.rs` for how
/// reading the inputs, the work and building the results overlap.
pub(crate) fn normalize_many<'py>(
    py: Python<'py>,
    n: &Normalizer,
    texts: &StrSeq<'py>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
    let len = texts.len();
    let threads = parallel::resolve_threads(threads);
    // The result list, filled in place as chunks are consumed. Until then
    // its slots are NULL, which a list being freed (on an error) accepts.
    // SAFETY: `PyList_New` returns a new list or NULL with an error set.
    let list =
        unsafe { Bound::from_owned_ptr_or_err(py, ffi::PyList_New(len as ffi::Py_ssize_t))? };
    let list = list.cast_into::<PyList>()?;
    let bounds = chunk_bounds(texts, BATCH_CHUNK_ITEMS)?;
    let pool = ChunkPools::new(threads);
    pipeline(
        py,
        bounds.len() - 1,
        threads,
        |k| {
            // SAFETY: `texts` outlives the pipeline.
            let inputs = unsafe { chunk_units(texts, &bounds, k)? };
            Ok(((), inputs))
        },
        |inputs| normalize_chunk(n, inputs, &pool),
        |k, (), c| {
            for (j, slot) in c.slots.iter().enumerate() {
                let i = bounds[k] + j;
                let obj = match slot {
                    Slot::U8(a, b) => new_str(py, &c.u8s[*a..*b])?,
                    Slot::U16(a, b) => new_str(py, &c.u16s[*a..*b])?,
                    Slot::U32(a, b) => new_str(py, &c.u32s[*a..*b])?,
                    Slot::Wide(w) => new_str(py, w)?,
                    Slot::Same => {
                        let s = texts.get_str(i, "texts")?;
                        match units(&s)? {
                            Units::U8(d) => unchanged(&s, d)?,
                            Units::U16(d) => unchanged(&s, d)?,
                            Units::U32(d) => unchanged(&s, d)?,
                        }
                    }
                };
                // SAFETY: `i < len`; the slot is empty; SET_ITEM steals the
                // new reference.
                unsafe {
                    ffi::PyList_SET_ITEM(list.as_ptr(), i as ffi::Py_ssize_t, obj.into_ptr())
                };
            }
            pool.give_back(c);
            Ok(())
        },
    )?;
    Ok(list)
}

/// The `threads` argument of batch calls: `None`, or an int of at least 1.
pub(crate) fn threads_arg(threads: Option<&Bound<'_, PyAny>>) -> PyResult<Option<usize>> {
    let Some(t) = threads else { return Ok(None) };
    if t.is_none() {
        return Ok(None);
    }
    if t.is_instance_of::<PyBool>() {
        return Err(option_error(
            "threads must be an int of at least 1 or None, not a bool",
        ));
    }
    match t.extract::<i64>() {
        Ok(n) if n >= 1 => Ok(Some(usize::try_from(n).unwrap_or(usize::MAX))),
        Ok(n) => Err(option_error(format!(
            "threads must be at least 1 (or None for all cores), got {n}"
        ))),
        Err(_) => Err(option_error(format!(
            "threads must be an int of at least 1 or None, got {}",
            t.get_type()
                .name()
                .map_or_else(|_| "?".to_owned(), |n| n.to_string())
        ))),
    }
}

/// The normalizers of the named profiles, built once.
fn profile_normalizer(profile: &str) -> PyResult<&'static Normalizer> {
    // Each built on first use only: a table costs a few milliseconds.
    static PROFILES: [OnceLock<Normalizer>; 4] = [const { OnceLock::new() }; 4];
    let p = Profile::parse(profile).map_err(PyFuratError)?;
    let i = Profile::ALL.iter().position(|q| *q == p).unwrap_or(0);
    Ok(PROFILES[i].get_or_init(|| Normalizer::from_profile(p)))
}

#[pymethods]
impl PyNormalizer {
    #[new]
    #[pyo3(signature = (profile = None, **options), text_signature = "(profile='search', **options)")]
    fn new(
        profile: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let profile = match profile {
            None => "search",
            Some(p) => p
                .cast::<PyString>()
                .map_err(|_| {
                    option_error("profile must be a str: 'search', 'clean', 'camel' or 'none'")
                })?
                .to_str()?,
        };
        Ok(PyNormalizer {
            inner: Normalizer::new(build_options(profile, options)?),
        })
    }

    /// Normalizes one text.
    ///
    /// Args:
    ///     text: the text (a str; anything else raises InputTypeError, a
    ///         TypeError). Lone surrogates pass through unchanged.
    ///
    /// Returns:
    ///     The normalized text; the very same object when nothing changed.
    ///
    /// Example:
    ///     >>> furat.Normalizer("search").normalize("دَيْرُ الزُّوْر")
    ///     'دير الزور'
    fn normalize<'py>(&self, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyString>> {
        let s = expect_str(text, "text")?;
        Ok(normalize_one(&self.inner, s, false)?.0)
    }

    /// Normalizes many texts in parallel, keeping their order.
    ///
    /// The work runs with the GIL released, on all cores unless limited by
    /// ``threads`` or the ``FURAT_NUM_THREADS`` environment variable.
    ///
    /// Args:
    ///     texts: a sequence (or any iterable) of str; a single str is
    ///         refused (it is almost always a mistake for a list).
    ///     threads: the number of threads (at least 1); default: all
    ///         cores, or ``FURAT_NUM_THREADS``.
    ///
    /// Returns:
    ///     list[str], one per input, in input order.
    ///
    /// Raises:
    ///     InputTypeError: naming the index of the first item that is not a
    ///         str (a TypeError).
    ///     OptionError: for a bad ``threads``.
    ///
    /// Example:
    ///     >>> furat.Normalizer("search").normalize_batch(["أَحْمَد", "ة"])
    ///     ['احمد', 'ه']
    #[pyo3(signature = (texts, *, threads = None))]
    fn normalize_batch<'py>(
        &self,
        texts: &Bound<'py, PyAny>,
        threads: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let threads = threads_arg(threads)?;
        let items = StrSeq::new(texts, "texts")?;
        normalize_many(texts.py(), &self.inner, &items, threads)
    }

    /// Normalizes one text and returns the alignment back to it.
    ///
    /// Args:
    ///     text: the text (a str).
    ///
    /// Returns:
    ///     (normalized, Alignment): ``alignment.to_original(i, j)`` is the
    ///     span of ``text`` that ``normalized[i:j]`` came from, and
    ///     ``alignment.to_normalized(i, j)`` the other way.
    ///
    /// Example:
    ///     >>> out, al = furat.Normalizer("search").normalize_with_offsets("في  الحَسَكَة")
    ///     >>> out, al.to_original(3, 9)
    ///     ('في الحسكه', (4, 13))
    fn normalize_with_offsets<'py>(
        &self,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<(Bound<'py, PyString>, PyAlignment)> {
        let s = expect_str(text, "text")?;
        let (out, al) = normalize_one(&self.inner, s, true)?;
        let al = al.unwrap_or_else(|| Alignment::identity(s.len().unwrap_or(0)));
        Ok((
            out,
            PyAlignment {
                inner: Arc::new(al),
            },
        ))
    }

    /// The effective value of every option, in a fixed order (a new dict).
    #[getter]
    fn options<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (k, v) in self.inner.options().items() {
            d.set_item(k, option_to_py(py, &v)?)?;
        }
        Ok(d)
    }

    /// The profile these options equal, or None for a custom set.
    #[getter]
    fn profile(&self) -> Option<&'static str> {
        self.inner.options().matching_profile().map(Profile::name)
    }

    /// Every option as a plain dict (JSON-ready); ``Normalizer.from_dict``
    /// rebuilds an equal normalizer.
    ///
    /// Example:
    ///     >>> furat.Normalizer("search").to_dict()["teh_marbuta"]
    ///     True
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.options(py)
    }

    /// Rebuilds a normalizer from ``to_dict()`` output.
    ///
    /// Options missing from the dict take the values of the ``"none"``
    /// profile, or of the profile named by a ``"profile"`` key.
    ///
    /// Raises:
    ///     OptionError: for an unknown option, value or profile.
    #[staticmethod]
    fn from_dict(d: &Bound<'_, PyAny>) -> PyResult<Self> {
        let d = d
            .cast::<PyDict>()
            .map_err(|_| type_error("from_dict()", "dict", d))?;
        let overrides = d.copy()?;
        let profile = match overrides.get_item("profile")? {
            Some(p) => {
                overrides.del_item("profile")?;
                p.cast_into::<PyString>()
                    .map_err(|_| option_error("\"profile\" must be a str"))?
                    .to_str()?
                    .to_owned()
            }
            None => "none".to_owned(),
        };
        Ok(PyNormalizer {
            inner: Normalizer::new(build_options(&profile, Some(&overrides))?),
        })
    }

    /// ``Normalizer('search', teh_marbuta=False)``: the nearest profile and
    /// the options that differ from it; ``eval(repr(n)) == n``.
    fn __repr__(&self) -> String {
        let (p, diff) = nearest_profile(self.inner.options());
        let mut s = format!("Normalizer('{}'", p.name());
        for (k, v) in diff {
            match v {
                OptionValue::Bool(b) => {
                    s.push_str(&format!(", {k}={}", if b { "True" } else { "False" }))
                }
                OptionValue::Mode(m) => s.push_str(&format!(", {k}='{m}'")),
            }
        }
        s.push(')');
        s
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyNormalizer>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.inner.options().hash(&mut h);
        h.finish()
    }

    /// Pickling (every protocol): ``Normalizer.from_dict(self.to_dict())``.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let ctor = py.get_type::<PyNormalizer>().getattr("from_dict")?;
        let args = PyTuple::new(py, [self.to_dict(py)?])?;
        PyTuple::new(py, [ctor, args.into_any()])
    }
}

/// Maps spans between a normalized text and its original, in ``str``
/// indices. Returned by ``Normalizer.normalize_with_offsets``.
#[pyclass(module = "furat", name = "Alignment", frozen)]
#[derive(Clone)]
pub(crate) struct PyAlignment {
    pub(crate) inner: Arc<Alignment>,
}

/// A span argument, checked: `0 <= start <= end <= len`, else an
/// `InputError` that says which.
fn check_span(start: i64, end: i64, len: usize, side: &str) -> PyResult<(usize, usize)> {
    let ok = 0 <= start && start <= end && usize::try_from(end).is_ok_and(|e| e <= len);
    if !ok {
        return Err(input_error(format!(
            "span ({start}, {end}) is not within the {side} text of length {len} \
             (need 0 <= start <= end <= {len})"
        )));
    }
    Ok((start as usize, end as usize))
}

#[pymethods]
impl PyAlignment {
    /// The span of the original text that ``normalized[start:end]`` came
    /// from.
    ///
    /// Deleted characters at the edges are left out; a character that
    /// expanded (ﷺ) or a run that collapsed is taken whole. An empty span
    /// maps to an empty span.
    ///
    /// Args:
    ///     start, end: a span of the normalized text, ``0 <= start <= end
    ///         <= normalized_length`` (else InputError).
    ///
    /// Returns:
    ///     (start, end) in the original text.
    ///
    /// Example:
    ///     >>> out, al = furat.Normalizer("search").normalize_with_offsets("دَيْر")
    ///     >>> al.to_original(0, 3)
    ///     (0, 5)
    fn to_original(&self, start: i64, end: i64) -> PyResult<(usize, usize)> {
        let (s, e) = check_span(start, end, self.inner.normalized_len(), "normalized")?;
        self.inner
            .to_original(s, e)
            .ok_or_else(|| input_error("span out of range"))
    }

    /// The span of the normalized text that ``original[start:end]`` became.
    ///
    /// Deleted text maps to an empty span; a span that cuts into a
    /// collapsed run or an expansion takes it whole.
    ///
    /// Args:
    ///     start, end: a span of the original text, ``0 <= start <= end <=
    ///         original_length`` (else InputError).
    ///
    /// Returns:
    ///     (start, end) in the normalized text.
    fn to_normalized(&self, start: i64, end: i64) -> PyResult<(usize, usize)> {
        let (s, e) = check_span(start, end, self.inner.original_len(), "original")?;
        self.inner
            .to_normalized(s, e)
            .ok_or_else(|| input_error("span out of range"))
    }

    /// Length of the original text.
    #[getter]
    fn original_length(&self) -> usize {
        self.inner.original_len()
    }

    /// Length of the normalized text.
    #[getter]
    fn normalized_length(&self) -> usize {
        self.inner.normalized_len()
    }

    /// The stored blocks: (original_start, original_length,
    /// normalized_start, normalized_length) for every place where the texts
    /// do not advance one for one.
    fn blocks(&self) -> Vec<(usize, usize, usize, usize)> {
        self.inner.blocks()
    }

    /// ``{"original_length", "normalized_length", "blocks"}``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("original_length", self.inner.original_len())?;
        d.set_item("normalized_length", self.inner.normalized_len())?;
        d.set_item("blocks", self.inner.blocks())?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Alignment original_length={} normalized_length={} blocks={}>",
            self.inner.original_len(),
            self.inner.normalized_len(),
            self.inner.block_count()
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyAlignment>()
            .is_ok_and(|o| *o.get().inner == *self.inner)
    }

    /// Pickling: ``Alignment._from_blocks(original_length, normalized_length, blocks)``.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let ctor = py.get_type::<PyAlignment>().getattr("_from_blocks")?;
        let args = (
            self.inner.original_len(),
            self.inner.normalized_len(),
            self.inner.blocks(),
        );
        PyTuple::new(py, [ctor, args.into_pyobject(py)?.into_any()])
    }

    #[staticmethod]
    fn _from_blocks(
        original_length: usize,
        normalized_length: usize,
        blocks: Vec<(usize, usize, usize, usize)>,
    ) -> PyResult<Self> {
        let al = Alignment::from_blocks(original_length, normalized_length, &blocks)
            .map_err(PyFuratError)?;
        Ok(PyAlignment {
            inner: Arc::new(al),
        })
    }
}

/// Normalizes a text with a named profile.
///
/// Args:
///     text: the text.
///     profile: "search" (default), "clean", "camel" or "none".
///
/// Example:
///     >>> furat.normalize("دَيْر الزُّوْر")
///     'دير الزور'
#[pyfunction]
#[pyo3(signature = (text, profile = "search"))]
pub(crate) fn normalize<'py>(
    text: &Bound<'py, PyAny>,
    profile: &str,
) -> PyResult<Bound<'py, PyString>> {
    let n = profile_normalizer(profile)?;
    let s = expect_str(text, "text")?;
    Ok(normalize_one(n, s, false)?.0)
}
