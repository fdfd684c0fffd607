//! `furat.Normalizer`, `furat.Alignment` and `furat.normalize`.

use super::errors::{PyFuratError, input_error, option_error, type_error};
use super::text::{Units, expect_str, new_str, str_items, units};
use crate::normalize::{Alignment, CodeUnit, Normalized, Normalizer, OptionValue, Options, Profile};
use crate::parallel;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyString, PyTuple};
use std::sync::Arc;

/// Strings at least this long are normalized with the GIL released; below
/// it, releasing costs more than it frees.
const DETACH_MIN_LEN: usize = 1 << 16;
/// Batches are processed in chunks of this many items so that Ctrl-C is
/// noticed between chunks.
const BATCH_CHUNK: usize = 8192;

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
            let name: String = k.extract().map_err(|_| option_error("option names must be str"))?;
            set_option(&mut opts, &name, &v)?;
        }
    }
    Ok(opts)
}

fn set_option(opts: &mut Options, name: &str, v: &Bound<'_, PyAny>) -> PyResult<()> {
    let switch = Options::is_switch(name).map_err(PyFuratError)?;
    if switch {
        let b = v.cast::<PyBool>().map_err(|_| type_error(name, "bool", v))?;
        opts.set_bool(name, b.is_true()).map_err(PyFuratError)?;
    } else {
        let s: String = v.extract().map_err(|_| type_error(name, "str", v))?;
        opts.set_mode(name, &s).map_err(PyFuratError)?;
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
            let diff: Vec<_> =
                items.iter().zip(base).filter(|(a, b)| a.1 != b.1).map(|(a, _)| a.clone()).collect();
            (p, diff)
        })
        .min_by_key(|(_, d)| d.len())
        .unwrap_or((Profile::None, items))
}

/// A normalized string as a Python object: the input itself when nothing
/// changed.
fn output<'py, T: CodeUnit + super::text::UnitKind>(
    py: Python<'py>,
    input: &Bound<'py, PyString>,
    res: &Normalized<T>,
) -> PyResult<Bound<'py, PyString>> {
    match (&res.text, &res.wide) {
        (Some(t), _) => new_str(py, t),
        (None, Some(w)) => new_str(py, w),
        (None, None) => Ok(input.clone()),
    }
}

enum AnyNormalized {
    U8(Normalized<u8>),
    U16(Normalized<u16>),
    U32(Normalized<u32>),
}

fn run(n: &Normalizer, u: Units<'_>, aligned: bool) -> AnyNormalized {
    match u {
        Units::U8(s) => AnyNormalized::U8(n.normalize_units(s, aligned)),
        Units::U16(s) => AnyNormalized::U16(n.normalize_units(s, aligned)),
        Units::U32(s) => AnyNormalized::U32(n.normalize_units(s, aligned)),
    }
}

impl AnyNormalized {
    fn to_py<'py>(
        &self,
        py: Python<'py>,
        input: &Bound<'py, PyString>,
    ) -> PyResult<Bound<'py, PyString>> {
        match self {
            AnyNormalized::U8(r) => output(py, input, r),
            AnyNormalized::U16(r) => output(py, input, r),
            AnyNormalized::U32(r) => output(py, input, r),
        }
    }

    fn take_alignment(self, len: usize) -> Alignment {
        let al = match self {
            AnyNormalized::U8(r) => r.alignment,
            AnyNormalized::U16(r) => r.alignment,
            AnyNormalized::U32(r) => r.alignment,
        };
        al.unwrap_or_else(|| Alignment::identity(len))
    }
}

/// Normalizes one string, with the GIL released when it is long.
fn normalize_one<'py>(
    py: Python<'py>,
    n: &Normalizer,
    s: &Bound<'py, PyString>,
    aligned: bool,
) -> PyResult<(Bound<'py, PyString>, AnyNormalized)> {
    let u = units(s);
    let res = if u.len() >= DETACH_MIN_LEN { py.detach(|| run(n, u, aligned)) } else { run(n, u, aligned) };
    Ok((res.to_py(py, s)?, res))
}

/// Normalizes many strings in parallel with the GIL released, in order.
pub(crate) fn normalize_many<'py>(
    py: Python<'py>,
    n: &Normalizer,
    items: &[Bound<'py, PyString>],
    threads: Option<usize>,
) -> PyResult<Vec<Bound<'py, PyString>>> {
    let threads = parallel::resolve_threads(threads);
    let mut out = Vec::with_capacity(items.len());
    for chunk in items.chunks(BATCH_CHUNK) {
        let inputs: Vec<Units<'_>> = chunk.iter().map(units).collect();
        let results = py.detach(|| parallel::map(&inputs, threads, |u| run(n, *u, false)));
        for (s, r) in chunk.iter().zip(&results) {
            out.push(r.to_py(py, s)?);
        }
        py.check_signals()?;
    }
    Ok(out)
}

#[pymethods]
impl PyNormalizer {
    #[new]
    #[pyo3(signature = (profile = "search", **options))]
    fn new(profile: &str, options: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        Ok(PyNormalizer { inner: Normalizer::new(build_options(profile, options)?) })
    }

    /// Normalizes one text.
    ///
    /// Args:
    ///     text: the text (a str; anything else raises TypeError).
    ///
    /// Returns:
    ///     The normalized text; the same object when nothing changed.
    fn normalize<'py>(&self, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyString>> {
        let s = expect_str(text, "text")?;
        Ok(normalize_one(text.py(), &self.inner, s, false)?.0)
    }

    /// Normalizes many texts in parallel, keeping their order.
    ///
    /// Args:
    ///     texts: a sequence (or iterable) of str.
    ///     threads: worker threads; default: all cores, or
    ///         ``FURAT_NUM_THREADS``.
    ///
    /// Returns:
    ///     list[str], one per input.
    ///
    /// Raises:
    ///     InputTypeError: naming the index of the first item that is not a
    ///         str (a TypeError).
    #[pyo3(signature = (texts, *, threads = None))]
    fn normalize_batch<'py>(
        &self,
        texts: &Bound<'py, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Vec<Bound<'py, PyString>>> {
        let items = str_items(texts, "texts")?;
        normalize_many(texts.py(), &self.inner, &items, threads)
    }

    /// Normalizes one text and returns the alignment back to it.
    ///
    /// Returns:
    ///     (normalized, Alignment): ``alignment.to_original(i, j)`` is the
    ///     span of ``text`` that ``normalized[i:j]`` came from.
    fn normalize_with_offsets<'py>(
        &self,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<(Bound<'py, PyString>, PyAlignment)> {
        let s = expect_str(text, "text")?;
        let (out, res) = normalize_one(text.py(), &self.inner, s, true)?;
        let al = res.take_alignment(units(s).len());
        Ok((out, PyAlignment { inner: Arc::new(al) }))
    }

    /// The effective value of every option, in a fixed order.
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
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.options(py)
    }

    /// Rebuilds a normalizer from ``to_dict()`` output. Missing options take
    /// the values of the ``"none"`` profile, unless the dict has a
    /// ``"profile"`` key to start from.
    #[staticmethod]
    fn from_dict(d: &Bound<'_, PyAny>) -> PyResult<Self> {
        let d = d.cast::<PyDict>().map_err(|_| type_error("from_dict()", "dict", d))?;
        let profile: String = match d.get_item("profile")? {
            Some(p) => p.extract().map_err(|_| type_error("profile", "str", &p))?,
            None => "none".to_owned(),
        };
        let overrides = d.copy()?;
        if overrides.contains("profile")? {
            overrides.del_item("profile")?;
        }
        Ok(PyNormalizer { inner: Normalizer::new(build_options(&profile, Some(&overrides))?) })
    }

    fn __repr__(&self) -> String {
        let (p, diff) = nearest_profile(self.inner.options());
        let mut s = format!("Normalizer({:?}", p.name());
        for (k, v) in diff {
            match v {
                OptionValue::Bool(b) => s.push_str(&format!(", {k}={}", if b { "True" } else { "False" })),
                OptionValue::Mode(m) => s.push_str(&format!(", {k}={m:?}")),
            }
        }
        s.push(')');
        s
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyNormalizer>().is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.inner.options().hash(&mut h);
        h.finish()
    }

    /// Pickling: `Normalizer("none", **options)`.
    fn __getnewargs_ex__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyTuple>, Bound<'py, PyDict>)> {
        Ok((PyTuple::new(py, ["none"])?, self.options(py)?))
    }
}

/// Maps spans between a normalized text and its original, in ``str``
/// indices. Returned by ``Normalizer.normalize_with_offsets``.
#[pyclass(module = "furat", name = "Alignment", frozen)]
#[derive(Clone)]
pub(crate) struct PyAlignment {
    pub(crate) inner: Arc<Alignment>,
}

fn check_span(start: isize, end: isize, len: usize, side: &str) -> PyResult<(usize, usize)> {
    if start < 0 || end < start || end as usize > len {
        return Err(pyo3::exceptions::PyIndexError::new_err(format!(
            "span ({start}, {end}) is not within the {side} text of length {len} \
             (0 <= start <= end <= {len})"
        )));
    }
    Ok((start as usize, end as usize))
}

#[pymethods]
impl PyAlignment {
    /// The span of the original text that ``normalized[start:end]`` came
    /// from. Deleted characters at the edges are left out; a character that
    /// expanded (ﷺ) or a run that collapsed is taken whole.
    fn to_original(&self, start: isize, end: isize) -> PyResult<(usize, usize)> {
        let (s, e) = check_span(start, end, self.inner.normalized_len(), "normalized")?;
        self.inner.to_original(s, e).ok_or_else(|| input_error("span out of range"))
    }

    /// The span of the normalized text that ``original[start:end]`` became;
    /// deleted text maps to an empty span.
    fn to_normalized(&self, start: isize, end: isize) -> PyResult<(usize, usize)> {
        let (s, e) = check_span(start, end, self.inner.original_len(), "original")?;
        self.inner.to_normalized(s, e).ok_or_else(|| input_error("span out of range"))
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

    fn __repr__(&self) -> String {
        format!(
            "<Alignment original_length={} normalized_length={} blocks={}>",
            self.inner.original_len(),
            self.inner.normalized_len(),
            self.inner.block_count()
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyAlignment>().is_ok_and(|o| *o.get().inner == *self.inner)
    }

    /// Pickling: ``Alignment._from_blocks(original_length, normalized_length, blocks)``.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let ctor = py.get_type::<PyAlignment>().getattr("_from_blocks")?;
        let args = (self.inner.original_len(), self.inner.normalized_len(), self.inner.blocks());
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
        Ok(PyAlignment { inner: Arc::new(al) })
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
pub(crate) fn normalize<'py>(text: &Bound<'py, PyAny>, profile: &str) -> PyResult<Bound<'py, PyString>> {
    let n = Normalizer::from_profile(Profile::parse(profile).map_err(PyFuratError)?);
    let s = expect_str(text, "text")?;
    Ok(normalize_one(text.py(), &n, s, false)?.0)
}
