//! `furat.Place` and `furat.Match`: the values the gazetteer returns.

use super::errors::{PyFuratError, type_error};
use super::text::str_items;
use crate::gazetteer::{Gazetteer, Match, Place, Record};
use crate::process::Part;
use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};
use std::sync::Arc;

/// A place of the gazetteer: an OCHA unit or community (P-code), or one of
/// furat's regions (FR...), neighbourhoods (FN...) and sites (FS...).
#[pyclass(module = "furat", name = "Place", frozen)]
pub(crate) struct PyPlace {
    pub(crate) inner: Arc<Place>,
}

/// A place mention in a text.
///
/// Its `Place` objects are shared with every other match of the same place
/// (the gazetteer keeps one per place), and it holds references only to
/// those and to a `str`, neither of which refers to anything: no reference
/// cycle can pass through a Match, so it needs no garbage-collector
/// support.
#[pyclass(module = "furat", name = "Match", frozen)]
pub(crate) struct PyMatch {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: Py<PyString>,
    pub(crate) proclitic: &'static str,
    pub(crate) place: Py<PyPlace>,
    pub(crate) score: f32,
    pub(crate) alternatives: Vec<Py<PyPlace>>,
    /// The part of the article (`furat.process`); None from `find`.
    pub(crate) part: Option<Part>,
}

impl PyMatch {
    /// A mention of `furat.process` (in the title or the body) as a Match
    /// object. Its Place objects are its own: articles are built without
    /// a `furat.Gazetteer` at hand.
    pub(crate) fn from_found(py: Python<'_>, m: &Match, part: Option<Part>) -> PyResult<PyMatch> {
        let place = |p: &Arc<Place>| {
            Py::new(
                py,
                PyPlace {
                    inner: Arc::clone(p),
                },
            )
        };
        Ok(PyMatch {
            start: m.start,
            end: m.end,
            text: PyString::new(py, &m.text).unbind(),
            proclitic: m.proclitic,
            place: place(&m.place)?,
            score: m.score,
            alternatives: m.alternatives.iter().map(place).collect::<PyResult<_>>()?,
            part,
        })
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
pub(crate) fn record_from(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Record> {
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
        self.start
    }

    /// End of the name (exclusive).
    #[getter]
    fn end(&self) -> usize {
        self.end
    }

    /// The name as written: ``text[start:end]``.
    #[getter]
    fn text(&self, py: Python<'_>) -> Py<PyString> {
        self.text.clone_ref(py)
    }

    /// The proclitics glued before the name (و, ب, وب, ل for للحسكة...),
    /// normalized; "" when none.
    #[getter]
    fn proclitic(&self) -> &'static str {
        self.proclitic
    }

    #[getter]
    fn place(&self, py: Python<'_>) -> Py<PyPlace> {
        self.place.clone_ref(py)
    }

    /// 1.0 for a name that is never a common word; the evidence score (0.6
    /// to 1.0) for one that is.
    #[getter]
    fn score(&self) -> f64 {
        py_score(self.score)
    }

    /// Other places with the same name, best first.
    #[getter]
    fn alternatives(&self, py: Python<'_>) -> Vec<Py<PyPlace>> {
        self.alternatives.iter().map(|p| p.clone_ref(py)).collect()
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
        super::process::mention_record(
            py,
            &super::process::MentionFields {
                start: self.start,
                end: self.end,
                surface: self.text.bind(py).to_str()?,
                part: self.part,
                proclitic: self.proclitic,
                score: self.score,
                place: &self.place.get().inner,
                alternatives: self
                    .alternatives
                    .iter()
                    .map(|a| a.get().inner.id.as_str())
                    .collect(),
            },
        )
    }

    /// A plain dict (JSON-ready): the span, the place as a dict, the
    /// alternatives as dicts, and the part (None from ``find``);
    /// ``Match.from_dict`` rebuilds the match.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("text", self.text.bind(py))?;
        d.set_item("proclitic", self.proclitic)?;
        d.set_item("score", py_score(self.score))?;
        d.set_item("place", place_dict(py, &self.place.get().inner)?)?;
        let alts: Vec<Bound<'py, PyDict>> = self
            .alternatives
            .iter()
            .map(|p| place_dict(py, &p.get().inner))
            .collect::<PyResult<_>>()?;
        d.set_item("alternatives", alts)?;
        d.set_item("part", self.part.map(Part::name))?;
        Ok(d)
    }

    /// A Match from ``to_dict()`` output.
    #[staticmethod]
    fn from_dict(d: &Bound<'_, PyAny>) -> PyResult<PyMatch> {
        let py = d.py();
        let d = d
            .cast::<PyDict>()
            .map_err(|_| type_error("from_dict()", "dict", d))?;
        let get = |k: &str| -> PyResult<Bound<'_, PyAny>> {
            d.get_item(k)?
                .ok_or_else(|| PyKeyError::new_err(format!("Match.from_dict(): missing {k:?}")))
        };
        let place = Py::new(py, PyPlace::from_dict(&get("place")?)?)?;
        let mut alternatives = Vec::new();
        for a in get("alternatives")?.try_iter()? {
            alternatives.push(Py::new(py, PyPlace::from_dict(&a?)?)?);
        }
        let proclitic: String = get("proclitic")?.extract()?;
        let proclitic = crate::gazetteer::proclitic_str(&proclitic)
            .ok_or_else(|| super::errors::input_error(format!("not a proclitic: {proclitic:?}")))?;
        let text: String = get("text")?.extract()?;
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
            start: get("start")?.extract()?,
            end: get("end")?.extract()?,
            text: PyString::new(py, &text).unbind(),
            proclitic,
            place,
            score: get("score")?.extract::<f64>()? as f32,
            alternatives,
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let p = &self.place.get().inner;
        Ok(format!(
            "<Match {} [{}:{}] {} {} ({}){}{}{}>",
            quoted(self.text.bind(py).to_str()?),
            self.start,
            self.end,
            p.id,
            p.name_en,
            p.level.name(),
            if self.proclitic.is_empty() {
                String::new()
            } else {
                format!(" proclitic={}", quoted(self.proclitic))
            },
            if self.score < 1.0 {
                format!(" score={:.2}", self.score)
            } else {
                String::new()
            },
            self.part.map(|p| format!(" in {p}")).unwrap_or_default()
        ))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(o) = other.cast::<PyMatch>() else {
            return Ok(false);
        };
        let (a, b) = (o.get(), self);
        let py = other.py();
        Ok(a.part == b.part
            && a.start == b.start
            && a.end == b.end
            && a.text.bind(py).to_str()? == b.text.bind(py).to_str()?
            && a.proclitic == b.proclitic
            && same_place(&a.place.get().inner, &b.place.get().inner)
            && a.score == b.score
            && a.alternatives.len() == b.alternatives.len()
            && a.alternatives
                .iter()
                .zip(&b.alternatives)
                .all(|(x, y)| same_place(&x.get().inner, &y.get().inner)))
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let ctor = py.get_type::<PyMatch>().getattr("from_dict")?;
        PyTuple::new(
            py,
            [ctor, PyTuple::new(py, [self.to_dict(py)?])?.into_any()],
        )
    }
}
