//! `furat.Gazetteer`, `furat.Place` and `furat.Match`.

use super::errors::{PyFuratError, type_error};
use super::text::{Units, expect_str, str_items, units};
use crate::gazetteer::{Gazetteer, Match, Place, Record};
use crate::parallel;
use crate::process::Part;
use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use std::sync::Arc;

/// Texts at least this long are matched with the GIL released.
const DETACH_MIN_LEN: usize = 1 << 14;
/// Batches run in chunks of this many texts, with Ctrl-C checked between.
const BATCH_CHUNK: usize = 4096;

fn to_chars(u: Units<'_>) -> Vec<char> {
    fn conv<T: Copy + Into<u32>>(s: &[T]) -> Vec<char> {
        s.iter()
            .map(|&c| char::from_u32(c.into()).unwrap_or('\u{fffd}'))
            .collect()
    }
    match u {
        Units::U8(s) => s.iter().map(|&b| b as char).collect(),
        Units::U16(s) => conv(s),
        Units::U32(s) => conv(s),
    }
}

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
}

/// A place of the gazetteer: an OCHA unit or community (P-code), or one of
/// furat's regions (FR...), neighbourhoods (FN...) and sites (FS...).
#[pyclass(module = "furat", name = "Place", frozen)]
pub(crate) struct PyPlace {
    pub(crate) inner: Arc<Place>,
}

/// A place mention in a text.
#[pyclass(module = "furat", name = "Match", frozen)]
pub(crate) struct PyMatch {
    inner: Match,
    /// The part of the article (`furat.process`); None from `find`.
    part: Option<Part>,
}

impl PyMatch {
    /// A mention of `furat.process`, in the title or the body.
    pub(crate) fn with_part(inner: Match, part: Option<Part>) -> PyMatch {
        PyMatch { inner, part }
    }
}

/// A score as Python shows it: the f32 rounded to 4 places (0.95, not
/// 0.949999988).
pub(crate) fn py_score(s: f32) -> f64 {
    (f64::from(s) * 1e4).round() / 1e4
}

/// A str literal as Python's repr writes it (single quotes).
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// Equality of what a Place shows (its matching flags are the gazetteer's
/// business and do not survive `to_dict`).
fn same_place(a: &Place, b: &Place) -> bool {
    a.id == b.id
        && a.level == b.level
        && a.name_ar == b.name_ar
        && a.name_en == b.name_en
        && a.names
            .iter()
            .map(|n| &n.text)
            .eq(b.names.iter().map(|n| &n.text))
        && a.admin == b.admin
        && a.lat == b.lat
        && a.lon == b.lon
}

fn place_dict<'py>(py: Python<'py>, p: &Place) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("pcode", &p.id)?;
    d.set_item("level", p.level.name())?;
    d.set_item("name_ar", &p.name_ar)?;
    d.set_item("name_en", &p.name_en)?;
    let names: Vec<&str> = p.names.iter().map(|n| n.text.as_str()).collect();
    d.set_item("names", names)?;
    for l in 1..=3 {
        let a = p.admin(l);
        d.set_item(format!("admin{l}"), a.map(|a| a.id.as_str()))?;
        d.set_item(
            format!("admin{l}_name_en"),
            a.and_then(|a| a.name_en.as_deref()),
        )?;
        d.set_item(
            format!("admin{l}_name_ar"),
            a.and_then(|a| a.name_ar.as_deref()),
        )?;
    }
    d.set_item("lat", p.lat)?;
    d.set_item("lon", p.lon)?;
    Ok(d)
}

/// A record from a dict (the keys of `Place.to_dict()` or of the CSV).
fn record_from(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Record> {
    if let Ok(p) = obj.cast::<PyPlace>() {
        return Ok(place_record(&p.get().inner));
    }
    let d = obj
        .cast::<PyDict>()
        .map_err(|_| type_error(what, "dict (or Place)", obj))?;
    let text = |keys: &[&str]| -> PyResult<String> {
        for k in keys {
            if let Some(v) = d.get_item(k)? {
                if v.is_none() {
                    return Ok(String::new());
                }
                return v
                    .extract::<String>()
                    .map_err(|_| type_error(&format!("{what}[{k:?}]"), "str", &v));
            }
        }
        Ok(String::new())
    };
    let number = |k: &str| -> PyResult<Option<f64>> {
        match d.get_item(k)? {
            Some(v) if !v.is_none() => v
                .extract::<f64>()
                .map(Some)
                .map_err(|_| type_error(&format!("{what}[{k:?}]"), "float", &v)),
            _ => Ok(None),
        }
    };
    let names = match d.get_item("names")? {
        None => Vec::new(),
        Some(v) if v.is_none() => Vec::new(),
        Some(v) if v.is_instance_of::<PyString>() => v
            .extract::<String>()?
            .split('|')
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect(),
        Some(v) => {
            let items = str_items(&v, &format!("{what}[\"names\"]"))?;
            items.iter().map(|s| s.to_string()).collect()
        }
    };
    Ok(Record {
        id: text(&["pcode", "id"])?,
        level: text(&["level"])?,
        name_ar: text(&["name_ar"])?,
        name_en: text(&["name_en"])?,
        names,
        admin: [text(&["admin1"])?, text(&["admin2"])?, text(&["admin3"])?],
        lat: number("lat")?,
        lon: number("lon")?,
        prior: number("prior")?.unwrap_or(0.0) as f32,
    })
}

fn place_record(p: &Place) -> Record {
    Record {
        id: p.id.clone(),
        level: p.level.name().to_owned(),
        name_ar: p.name_ar.clone(),
        name_en: p.name_en.clone(),
        names: p.names.iter().map(|n| n.text.clone()).collect(),
        admin: [1, 2, 3].map(|l| p.admin_id(l).unwrap_or("").to_owned()),
        lat: p.lat,
        lon: p.lon,
        prior: p.prior,
    }
}

fn matches_to_py(py: Python<'_>, found: Vec<Match>) -> PyResult<Bound<'_, PyList>> {
    let items: Vec<PyMatch> = found
        .into_iter()
        .map(|m| PyMatch::with_part(m, None))
        .collect();
    let list = PyList::empty(py);
    for m in items {
        list.append(Bound::new(py, m)?)?;
    }
    Ok(list)
}

#[pymethods]
impl PyGazetteer {
    /// The built-in gazetteer: every Syrian governorate, district,
    /// sub-district and community (OCHA P-codes), with the names news
    /// writes, and furat's regions, neighbourhoods and sites. Built once per
    /// process (in a few tens of milliseconds), then shared.
    #[staticmethod]
    fn default() -> PyGazetteer {
        PyGazetteer {
            inner: Gazetteer::builtin(),
            origin: Origin::Builtin,
        }
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
        Ok(PyGazetteer {
            inner,
            origin: Origin::Records,
        })
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
        Ok(PyGazetteer {
            inner,
            origin: Origin::Records,
        })
    }

    #[staticmethod]
    #[pyo3(signature = (text, source = "pickled gazetteer"))]
    fn _from_csv_text(text: &str, source: &str) -> PyResult<PyGazetteer> {
        let inner = Gazetteer::from_csv_str(text, source).map_err(PyFuratError)?;
        Ok(PyGazetteer {
            inner,
            origin: Origin::Csv(text.to_owned()),
        })
    }

    /// Finds the places a text mentions.
    ///
    /// Returns:
    ///     list[Match], in text order, spans in ``str`` indices of ``text``.
    fn find<'py>(&self, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
        let py = text.py();
        let s = expect_str(text, "text")?;
        let u = units(s)?;
        let found = if u.len() >= DETACH_MIN_LEN {
            py.detach(|| self.inner.find_chars(&to_chars(u)))
        } else {
            self.inner.find_chars(&to_chars(u))
        };
        matches_to_py(py, found)
    }

    /// Finds the places in many texts, in parallel with the GIL released,
    /// keeping their order.
    ///
    /// Args:
    ///     texts: a sequence (or iterable) of str.
    ///     threads: worker threads; default: all cores, or
    ///         ``FURAT_NUM_THREADS``.
    ///
    /// Returns:
    ///     list[list[Match]], one list per text.
    #[pyo3(signature = (texts, *, threads = None))]
    fn find_batch<'py>(
        &self,
        texts: &Bound<'py, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let py = texts.py();
        let items = str_items(texts, "texts")?;
        let threads = parallel::resolve_threads(threads);
        let out = PyList::empty(py);
        for chunk in items.chunks(BATCH_CHUNK) {
            let inputs: Vec<Units<'_>> = chunk.iter().map(units).collect::<PyResult<_>>()?;
            let g = &self.inner;
            let results =
                py.detach(|| parallel::map(&inputs, threads, |u| g.find_chars(&to_chars(*u))));
            for found in results {
                out.append(matches_to_py(py, found)?)?;
            }
            py.check_signals()?;
        }
        Ok(out)
    }

    /// The place with this P-code (or furat id), or None.
    fn get(&self, pcode: &str) -> Option<PyPlace> {
        self.inner.get(pcode).map(|p| PyPlace {
            inner: Arc::clone(p),
        })
    }

    fn __getitem__(&self, pcode: &str) -> PyResult<PyPlace> {
        self.get(pcode)
            .ok_or_else(|| PyKeyError::new_err(pcode.to_owned()))
    }

    fn __contains__(&self, pcode: &str) -> bool {
        self.inner.get(pcode).is_some()
    }

    /// The places that have this name, in any of its forms (ديرالزور,
    /// Deir Ezzor): higher levels and better-known places first.
    fn search(&self, name: &str) -> Vec<PyPlace> {
        self.inner
            .search(name)
            .into_iter()
            .map(|p| PyPlace { inner: p })
            .collect()
    }

    /// Every place, in source order.
    fn places(&self) -> Vec<PyPlace> {
        self.inner
            .places()
            .iter()
            .map(|p| PyPlace {
                inner: Arc::clone(p),
            })
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

#[pymethods]
impl PyPlace {
    /// The id: OCHA P-code (SY08, C4360) or furat's own (FR/FN/FS...).
    #[getter]
    fn pcode(&self) -> &str {
        &self.inner.id
    }

    /// governorate, district, subdistrict, community, neighbourhood, site or
    /// region.
    #[getter]
    fn level(&self) -> &'static str {
        self.inner.level.name()
    }

    #[getter]
    fn name_ar(&self) -> &str {
        &self.inner.name_ar
    }

    #[getter]
    fn name_en(&self) -> &str {
        &self.inner.name_en
    }

    /// Every name the matcher knows, Arabic and Latin.
    #[getter]
    fn names(&self) -> Vec<&str> {
        self.inner.names.iter().map(|n| n.text.as_str()).collect()
    }

    /// The English names only (name_en first).
    #[getter]
    fn names_en(&self) -> Vec<&str> {
        self.inner.names_en()
    }

    #[getter]
    fn admin1(&self) -> Option<&str> {
        self.inner.admin_id(1)
    }

    #[getter]
    fn admin2(&self) -> Option<&str> {
        self.inner.admin_id(2)
    }

    #[getter]
    fn admin3(&self) -> Option<&str> {
        self.inner.admin_id(3)
    }

    #[getter]
    fn admin1_name_en(&self) -> Option<&str> {
        self.inner.admin(1).and_then(|a| a.name_en.as_deref())
    }

    #[getter]
    fn admin1_name_ar(&self) -> Option<&str> {
        self.inner.admin(1).and_then(|a| a.name_ar.as_deref())
    }

    #[getter]
    fn admin2_name_en(&self) -> Option<&str> {
        self.inner.admin(2).and_then(|a| a.name_en.as_deref())
    }

    #[getter]
    fn admin2_name_ar(&self) -> Option<&str> {
        self.inner.admin(2).and_then(|a| a.name_ar.as_deref())
    }

    #[getter]
    fn admin3_name_en(&self) -> Option<&str> {
        self.inner.admin(3).and_then(|a| a.name_en.as_deref())
    }

    #[getter]
    fn admin3_name_ar(&self) -> Option<&str> {
        self.inner.admin(3).and_then(|a| a.name_ar.as_deref())
    }

    #[getter]
    fn lat(&self) -> Option<f64> {
        self.inner.lat
    }

    #[getter]
    fn lon(&self) -> Option<f64> {
        self.inner.lon
    }

    /// A plain dict (JSON-ready); ``Place.from_dict`` rebuilds it.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        place_dict(py, &self.inner)
    }

    /// A Place from ``to_dict()`` output.
    #[staticmethod]
    fn from_dict(d: &Bound<'_, PyAny>) -> PyResult<PyPlace> {
        let rec = record_from(d, "from_dict()")?;
        let names = [1, 2, 3].map(|l| {
            let en = d
                .get_item(format!("admin{l}_name_en"))
                .ok()
                .and_then(|v| v.extract::<String>().ok());
            let ar = d
                .get_item(format!("admin{l}_name_ar"))
                .ok()
                .and_then(|v| v.extract::<String>().ok());
            (en, ar)
        });
        let g = Gazetteer::from_records(vec![rec]).map_err(PyFuratError)?;
        let mut p: Place = (*g.places()[0]).clone();
        for (k, (en, ar)) in names.into_iter().enumerate() {
            if let Some(a) = p.admin[k].as_mut() {
                a.name_en = en;
                a.name_ar = ar;
            }
        }
        Ok(PyPlace { inner: Arc::new(p) })
    }

    fn __repr__(&self) -> String {
        let p = &self.inner;
        format!(
            "Place({}, {}, {}, {})",
            quoted(&p.id),
            quoted(p.level.name()),
            quoted(&p.name_en),
            quoted(&p.name_ar)
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyPlace>()
            .is_ok_and(|o| same_place(&o.get().inner, &self.inner))
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.inner.id.hash(&mut h);
        self.inner.name_en.hash(&mut h);
        h.finish()
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let ctor = py.get_type::<PyPlace>().getattr("from_dict")?;
        PyTuple::new(
            py,
            [ctor, PyTuple::new(py, [self.to_dict(py)?])?.into_any()],
        )
    }
}

#[pymethods]
impl PyMatch {
    /// Start of the name in the text (``str`` index), after any proclitic.
    #[getter]
    fn start(&self) -> usize {
        self.inner.start
    }

    /// End of the name (exclusive).
    #[getter]
    fn end(&self) -> usize {
        self.inner.end
    }

    /// The name as written: ``text[start:end]``.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    /// The proclitics glued before the name (و, ب, وب, ل for للحسكة...),
    /// normalized; "" when none.
    #[getter]
    fn proclitic(&self) -> &'static str {
        self.inner.proclitic
    }

    #[getter]
    fn place(&self) -> PyPlace {
        PyPlace {
            inner: Arc::clone(&self.inner.place),
        }
    }

    /// 1.0 for a name that is never a common word; the evidence score (0.6
    /// to 1.0) for one that is.
    #[getter]
    fn score(&self) -> f64 {
        py_score(self.inner.score)
    }

    /// Other places with the same name, best first.
    #[getter]
    fn alternatives(&self) -> Vec<PyPlace> {
        self.inner
            .alternatives
            .iter()
            .map(|p| PyPlace {
                inner: Arc::clone(p),
            })
            .collect()
    }

    /// Where the mention lies in a processed article: "title" or "body";
    /// None for a match of ``Gazetteer.find``.
    #[getter]
    fn part(&self) -> Option<&'static str> {
        self.part.map(Part::name)
    }

    /// A flat, JSON-ready record, one row of a table: ``start``, ``end``,
    /// ``surface``, ``part``, ``proclitic``, ``score``, ``pcode``,
    /// ``level``, ``name_en``, ``name_ar``, ``governorate`` (the admin1
    /// P-code) with ``governorate_en``/``governorate_ar``, ``lat``, ``lon``,
    /// ``alternatives`` (P-codes). What ``Article.to_dict()`` and the
    /// command line write for each mention.
    fn to_record<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        super::process::mention_record(py, &self.inner, self.part)
    }

    /// A plain dict (JSON-ready): the span, the place as a dict, the
    /// alternatives as dicts, and the part (None from ``find``);
    /// ``Match.from_dict`` rebuilds the match.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.inner.start)?;
        d.set_item("end", self.inner.end)?;
        d.set_item("text", &self.inner.text)?;
        d.set_item("proclitic", self.inner.proclitic)?;
        d.set_item("score", py_score(self.inner.score))?;
        d.set_item("place", place_dict(py, &self.inner.place)?)?;
        let alts: Vec<Bound<'py, PyDict>> = self
            .inner
            .alternatives
            .iter()
            .map(|p| place_dict(py, p))
            .collect::<PyResult<_>>()?;
        d.set_item("alternatives", alts)?;
        d.set_item("part", self.part.map(Part::name))?;
        Ok(d)
    }

    /// A Match from ``to_dict()`` output.
    #[staticmethod]
    fn from_dict(d: &Bound<'_, PyAny>) -> PyResult<PyMatch> {
        let d = d
            .cast::<PyDict>()
            .map_err(|_| type_error("from_dict()", "dict", d))?;
        let get = |k: &str| -> PyResult<Bound<'_, PyAny>> {
            d.get_item(k)?
                .ok_or_else(|| PyKeyError::new_err(format!("Match.from_dict(): missing {k:?}")))
        };
        let place = PyPlace::from_dict(&get("place")?)?.inner;
        let mut alternatives = Vec::new();
        for a in get("alternatives")?.try_iter()? {
            alternatives.push(PyPlace::from_dict(&a?)?.inner);
        }
        let proclitic: String = get("proclitic")?.extract()?;
        let proclitic = crate::gazetteer::proclitic_str(&proclitic)
            .ok_or_else(|| super::errors::input_error(format!("not a proclitic: {proclitic:?}")))?;
        // Optional: dicts written before matches had a part have none.
        let part = match d.get_item("part")? {
            Some(p) if !p.is_none() => {
                let name: String = p.extract()?;
                Some(Part::parse(&name).ok_or_else(|| {
                    super::errors::input_error(format!(
                        "part must be \"title\", \"body\" or None, got {name:?}"
                    ))
                })?)
            }
            _ => None,
        };
        Ok(PyMatch {
            part,
            inner: Match {
                start: get("start")?.extract()?,
                end: get("end")?.extract()?,
                text: get("text")?.extract()?,
                proclitic,
                place,
                score: get("score")?.extract::<f64>()? as f32,
                alternatives,
            },
        })
    }

    fn __repr__(&self) -> String {
        let m = &self.inner;
        format!(
            "<Match {} [{}:{}] {} {} ({}){}{}{}>",
            quoted(&m.text),
            m.start,
            m.end,
            m.place.id,
            m.place.name_en,
            m.place.level.name(),
            if m.proclitic.is_empty() {
                String::new()
            } else {
                format!(" proclitic={}", quoted(m.proclitic))
            },
            if m.score < 1.0 {
                format!(" score={:.2}", m.score)
            } else {
                String::new()
            },
            self.part.map(|p| format!(" in {p}")).unwrap_or_default()
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyMatch>().is_ok_and(|o| {
            let (a, b) = (&o.get().inner, &self.inner);
            o.get().part == self.part
                && a.start == b.start
                && a.end == b.end
                && a.text == b.text
                && a.proclitic == b.proclitic
                && same_place(&a.place, &b.place)
                && a.score == b.score
                && a.alternatives.len() == b.alternatives.len()
                && a.alternatives
                    .iter()
                    .zip(&b.alternatives)
                    .all(|(x, y)| same_place(x, y))
        })
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let ctor = py.get_type::<PyMatch>().getattr("from_dict")?;
        PyTuple::new(
            py,
            [ctor, PyTuple::new(py, [self.to_dict(py)?])?.into_any()],
        )
    }
}
