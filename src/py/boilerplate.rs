//! `furat.clean`, `furat.clean_batch`, `furat.Article`, `furat.Line` and
//! `furat.Cleaner`.

mod json;

use super::errors::{PyFuratError, input_error, option_error, type_error};
use super::text::{Units, expect_str, str_items, units};
use crate::boilerplate::{self, DateTime, Label, Options, TemplateParams, Templates};
use crate::parallel;
use crate::process::Mention;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple, PyType};
use std::path::PathBuf;
use std::sync::Arc;

/// Pages at least this long are cleaned with the GIL released.
const DETACH_MIN_LEN: usize = 1 << 15;
/// Batches run in chunks of this many pages, so Ctrl-C is noticed.
const BATCH_CHUNK: usize = 2048;

/// A cleaned page, built off the GIL. The page's text stays the caller's
/// Python string (`PyArticle::text`); nothing here copies it.
pub(crate) struct Cleaned {
    article: boilerplate::Article,
    title: Option<String>,
    /// The content lines' spans without surrounding whitespace: the body is
    /// joined from the Python string on first access.
    body_spans: Vec<(usize, usize)>,
}

fn units_to_chars(u: Units<'_>) -> Vec<char> {
    let conv = |x: u32| char::from_u32(x).unwrap_or('\u{FFFD}');
    match u {
        Units::U8(s) => s.iter().map(|&b| b as char).collect(),
        Units::U16(s) => s.iter().map(|&x| conv(x as u32)).collect(),
        Units::U32(s) => s.iter().map(|&x| conv(x)).collect(),
    }
}

pub(crate) fn build(chars: &[char], article: boilerplate::Article) -> Cleaned {
    let title = article.title_index().map(|i| {
        let l = &article.lines[i];
        boilerplate::trim(&chars[l.start..l.end]).iter().collect()
    });
    let body_spans = article
        .content_lines()
        .map(|l| {
            let (s, e) = boilerplate::trim_range(&chars[l.start..l.end]);
            (l.start + s, l.start + e)
        })
        .collect();
    Cleaned {
        article,
        title,
        body_spans,
    }
}

fn clean_units(
    u: Units<'_>,
    options: &Options,
    templates: Option<&boilerplate::SiteTemplates>,
) -> Cleaned {
    let chars = units_to_chars(u);
    let article = boilerplate::clean_chars(&chars, options, templates);
    build(&chars, article)
}

/// The time relative dates count back from: a `datetime.datetime`, a
/// `datetime.date`, or an ISO 8601 string.
fn reference_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<DateTime>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s.to_str()?;
        return DateTime::parse_iso(s).map(Some).ok_or_else(|| {
            option_error(format!(
                "reference: {s:?} is not an ISO 8601 date or date-time (YYYY-MM-DD[THH:MM[:SS]])"
            ))
        });
    }
    let part = |name: &str| -> PyResult<Option<i64>> {
        match obj.getattr(name) {
            Ok(v) => Ok(Some(v.extract()?)),
            Err(_) => Ok(None),
        }
    };
    let (Some(y), Some(m), Some(d)) = (part("year")?, part("month")?, part("day")?) else {
        return Err(type_error(
            "reference",
            "datetime, date or ISO 8601 str",
            obj,
        ));
    };
    let date = DateTime::date(y as i32, m as u8, d as u8)
        .ok_or_else(|| option_error("reference: not a valid date"))?;
    Ok(Some(
        match (part("hour")?, part("minute")?, part("second")?) {
            (Some(h), Some(mi), s) => date
                .at(h as u8, mi as u8, s.map(|s| s as u8))
                .unwrap_or(date),
            _ => date,
        },
    ))
}

pub(crate) fn options(
    reference: Option<&Bound<'_, PyAny>>,
    site_name: Option<String>,
) -> PyResult<Options> {
    Ok(Options {
        reference: reference_arg(reference)?,
        site_name,
    })
}

/// Cleans one page, with the GIL released when it is long.
fn clean_one(
    py: Python<'_>,
    s: &Bound<'_, PyString>,
    opts: &Options,
    templates: Option<&boilerplate::SiteTemplates>,
) -> PyResult<PyArticle> {
    let u = units(s)?;
    let c = if u.len() >= DETACH_MIN_LEN {
        py.detach(|| clean_units(u, opts, templates))
    } else {
        clean_units(u, opts, templates)
    };
    Ok(PyArticle::new(s, c))
}

/// Cleans many pages in parallel with the GIL released, in order.
fn clean_many<'py, F>(
    py: Python<'py>,
    items: &[Bound<'py, PyString>],
    threads: Option<usize>,
    per_item: F,
) -> PyResult<Vec<PyArticle>>
where
    F: Fn(usize, Units<'_>) -> Cleaned + Sync + Send,
{
    let threads = parallel::resolve_threads(threads);
    let mut out = Vec::with_capacity(items.len());
    for (c, chunk) in items.chunks(BATCH_CHUNK).enumerate() {
        let inputs: Vec<(usize, Units<'_>)> = chunk
            .iter()
            .enumerate()
            .map(|(i, s)| units(s).map(|u| (c * BATCH_CHUNK + i, u)))
            .collect::<PyResult<_>>()?;
        let results = py.detach(|| parallel::map(&inputs, threads, |(i, u)| per_item(*i, *u)));
        out.extend(
            results
                .into_iter()
                .zip(chunk)
                .map(|(r, s)| PyArticle::new(s, r)),
        );
        py.check_signals()?;
    }
    Ok(out)
}

/// One line of a cleaned page.
///
/// Attributes:
///     index: the line's number (0-based) in ``text.split("\n")``.
///     text: the line as on the page (a final ``\r`` excluded).
///     label: "title", "content", "boilerplate" or "blank".
///     kind: finer: "paragraph", "subheading", "byline", "date", "related",
///         "cookie", ... (see ``furat.LINE_KINDS``).
///     reason: a short human-readable why.
///     start, end: the line's span in the page, in str indices.
#[pyclass(module = "furat", name = "Line", frozen)]
pub(crate) struct PyLine {
    #[pyo3(get)]
    index: usize,
    #[pyo3(get)]
    text: Py<PyString>,
    #[pyo3(get)]
    label: &'static str,
    #[pyo3(get)]
    kind: &'static str,
    #[pyo3(get)]
    reason: String,
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
}

fn label_name(s: &str) -> PyResult<&'static str> {
    Label::parse(s).map(Label::name).ok_or_else(|| {
        input_error(format!(
            "unknown label {s:?}; expected \"title\", \"content\", \"boilerplate\" or \"blank\""
        ))
    })
}

fn kind_name(s: &str) -> PyResult<&'static str> {
    boilerplate::Kind::parse(s)
        .map(boilerplate::Kind::name)
        .ok_or_else(|| input_error(format!("unknown line kind {s:?}")))
}

#[pymethods]
impl PyLine {
    #[new]
    fn new(
        index: usize,
        text: Bound<'_, PyString>,
        label: &str,
        kind: &str,
        reason: String,
        start: usize,
        end: usize,
    ) -> PyResult<Self> {
        if end < start {
            return Err(input_error(format!(
                "end ({end}) is before start ({start})"
            )));
        }
        Ok(PyLine {
            index,
            text: text.unbind(),
            label: label_name(label)?,
            kind: kind_name(kind)?,
            reason,
            start,
            end,
        })
    }

    /// The line as a plain dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("index", self.index)?;
        d.set_item("text", self.text.bind(py))?;
        d.set_item("label", self.label)?;
        d.set_item("kind", self.kind)?;
        d.set_item("reason", &self.reason)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let full = self.text.bind(py).to_string_lossy().into_owned();
        let mut t: String = full.chars().take(50).collect();
        if full.chars().count() > 50 {
            t.push('…');
        }
        format!(
            "Line({}, {t:?}, {:?}, {:?}, start={}, end={})",
            self.index, self.label, self.kind, self.start, self.end
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(o) = other.cast::<PyLine>() else {
            return Ok(false);
        };
        let o = o.get();
        let same = (o.index, o.label, o.kind, &o.reason, o.start, o.end)
            == (
                self.index,
                self.label,
                self.kind,
                &self.reason,
                self.start,
                self.end,
            );
        Ok(same
            && o.text
                .bind(other.py())
                .as_any()
                .eq(self.text.bind(other.py()))?)
    }

    #[allow(clippy::type_complexity)]
    fn __getnewargs__(
        &self,
        py: Python<'_>,
    ) -> (
        usize,
        Py<PyString>,
        &'static str,
        &'static str,
        String,
        usize,
        usize,
    ) {
        (
            self.index,
            self.text.clone_ref(py),
            self.label,
            self.kind,
            self.reason.clone(),
            self.start,
            self.end,
        )
    }
}

/// A cleaned page: the headline, the body, one ``Line`` per line, and
/// metadata. Returned by ``furat.clean`` and ``Cleaner.clean``.
///
/// Attributes:
///     text: the page as given.
///     title: the headline line as on the page (None when there is none).
///     body: the content lines (paragraphs and subheadings), trimmed and
///         joined with "\n"; the headline is not in it.
///     lines: one ``Line`` per line of ``text.split("\n")`` (a ``\r``
///         before the ``\n`` is part of the break; a lone ``\r`` breaks a
///         line too).
///     meta: dict with "title" (without the site suffix), "date" and
///         "updated" (ISO 8601), "author", "source", "site", "dateline";
///         None where the page does not say.
///     places: for ``furat.process`` results, the place mentions of the
///         title and body (a ``MatchList``); None for ``clean`` results,
///         where places were not looked for.
///     id: the id given to ``furat.process``, or None.
#[pyclass(module = "furat", name = "Article", frozen)]
pub(crate) struct PyArticle {
    /// The page as given (a `str` cannot form reference cycles, so no GC
    /// support is needed for holding it).
    text: Py<PyString>,
    inner: Arc<Cleaned>,
    /// The body, joined on first access (many pipelines never ask).
    body: PyOnceLock<Py<PyString>>,
    /// The place mentions (`furat.process`); None for `clean` results.
    places: Option<Arc<[Mention]>>,
    /// The id given to `furat.process`: a `str` or an `int`, which cannot
    /// form reference cycles (no GC support needed for holding it).
    id: Option<Py<PyAny>>,
}

impl PyArticle {
    pub(crate) fn new(text: &Bound<'_, PyString>, cleaned: Cleaned) -> PyArticle {
        PyArticle {
            text: text.clone().unbind(),
            inner: Arc::new(cleaned),
            body: PyOnceLock::new(),
            places: None,
            id: None,
        }
    }

    /// The article of `furat.process`: with its mentions and id.
    pub(crate) fn with_places(mut self, places: Vec<Mention>, id: Option<Py<PyAny>>) -> PyArticle {
        self.places = Some(places.into());
        self.id = id;
        self
    }
}

/// `s[start:end]` of a Python string (lone surrogates and all).
fn substring<'py>(s: &Bound<'py, PyString>, start: usize, end: usize) -> PyResult<Py<PyString>> {
    // SAFETY: `s` is a live str; PyUnicode_Substring returns a new
    // reference or NULL with an exception set.
    let sub = unsafe {
        let ptr = pyo3::ffi::PyUnicode_Substring(s.as_ptr(), start as isize, end as isize);
        Bound::from_owned_ptr_or_err(s.py(), ptr)?.cast_into_unchecked::<PyString>()
    };
    Ok(sub.unbind())
}

impl PyArticle {
    fn line_objects(&self, py: Python<'_>) -> PyResult<Vec<PyLine>> {
        let text = self.text.bind(py);
        self.inner
            .article
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                Ok(PyLine {
                    index: i,
                    text: substring(text, l.start, l.end)?,
                    label: l.label.name(),
                    kind: l.kind.name(),
                    reason: l.reason.to_string(),
                    start: l.start,
                    end: l.end,
                })
            })
            .collect()
    }

    fn meta_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (k, v) in self.inner.article.meta.fields() {
            d.set_item(k, v)?;
        }
        Ok(d)
    }
}

#[pymethods]
impl PyArticle {
    /// The page as given.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        self.text.bind(py).clone()
    }

    /// The headline line as on the page, or None.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.inner.title.as_deref()
    }

    /// The content lines (trimmed) joined with "\n".
    #[getter]
    fn body<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        let body = self
            .body
            .get_or_try_init(py, || -> PyResult<Py<PyString>> {
                let text = self.text.bind(py);
                let parts = self
                    .inner
                    .body_spans
                    .iter()
                    .map(|&(s, e)| substring(text, s, e))
                    .collect::<PyResult<Vec<_>>>()?;
                let joined = PyString::new(py, "\n").call_method1("join", (parts,))?;
                Ok(joined.cast_into::<PyString>()?.unbind())
            })?;
        Ok(body.bind(py).clone())
    }

    /// One ``Line`` per line of the page (a new list on each access).
    #[getter]
    fn lines<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.line_objects(py)?)
    }

    /// The labels of the lines, in order: what the evaluation scores.
    #[getter]
    fn labels(&self) -> Vec<&'static str> {
        self.inner
            .article
            .lines
            .iter()
            .map(|l| l.label.name())
            .collect()
    }

    /// The metadata (a new dict on each access).
    #[getter]
    fn meta<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.meta_dict(py)
    }

    /// The place mentions of the title and body, in page order, each with
    /// its span in ``text`` and its ``part`` (a new ``MatchList`` on each
    /// access); None for ``clean`` results, where places were not looked
    /// for.
    #[getter]
    fn places<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.places
            .as_deref()
            .map(|p| super::process::places_list(py, p))
            .transpose()
    }

    /// The id given to ``furat.process`` (a str or an int), or None.
    #[getter]
    fn id(&self, py: Python<'_>) -> Option<Py<PyAny>> {
        self.id.as_ref().map(|i| i.clone_ref(py))
    }

    /// The article as plain, JSON-ready data: ``id`` (when given),
    /// ``title``, ``body``, ``meta``, ``places`` (``process`` results: one
    /// flat record per mention, see ``Match.to_record``) and, unless
    /// ``lines=False``, ``lines``.
    #[pyo3(signature = (*, lines = true))]
    fn to_dict<'py>(&self, py: Python<'py>, lines: bool) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        if let Some(id) = &self.id {
            d.set_item("id", id.bind(py))?;
        }
        d.set_item("title", self.title())?;
        d.set_item("body", self.body(py)?)?;
        d.set_item("meta", self.meta_dict(py)?)?;
        if let Some(places) = &self.places {
            d.set_item("places", super::process::records(py, places)?)?;
        }
        if lines {
            let list = PyList::empty(py);
            for l in self.line_objects(py)? {
                list.append(l.to_dict(py)?)?;
            }
            d.set_item("lines", list)?;
        }
        Ok(d)
    }

    /// ``to_dict()`` as JSON text, written directly (several times faster
    /// than ``json.dumps(a.to_dict())``, to which ``json.loads`` of it is
    /// equal): one line, compact, non-ASCII text as it is
    /// (``ensure_ascii=False``), lone surrogates escaped. ``as_bytes=True``
    /// gives it UTF-8 encoded, ready to write to a file.
    #[pyo3(signature = (*, lines = true, as_bytes = false))]
    fn to_json<'py>(
        &self,
        py: Python<'py>,
        lines: bool,
        as_bytes: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let json = self.json(py, lines)?;
        Ok(if as_bytes {
            PyBytes::new(py, json.as_bytes()).into_any()
        } else {
            PyString::new(py, &json).into_any()
        })
    }

    fn __repr__(&self) -> String {
        let c = &self.inner;
        let count = |label: Label| c.article.lines.iter().filter(|l| l.label == label).count();
        let mut title: String = c
            .article
            .meta
            .title
            .as_deref()
            .unwrap_or("")
            .chars()
            .take(60)
            .collect();
        if c.article
            .meta
            .title
            .as_deref()
            .is_some_and(|t| t.chars().count() > 60)
        {
            title.push('…');
        }
        format!(
            "<Article title={title:?} lines={} content={} boilerplate={}{}>",
            c.article.lines.len(),
            count(Label::Content),
            count(Label::Boilerplate),
            self.places
                .as_ref()
                .map(|p| format!(" places={}", p.len()))
                .unwrap_or_default()
        )
    }

    /// The notebook display: the lines coloured by label (furat._display).
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        slf.py()
            .import("furat._display")?
            .getattr("article_html")?
            .call1((slf,))?
            .extract()
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyArticle>().is_ok_and(|o| {
            let o = o.get();
            let py = other.py();
            o.inner.article == self.inner.article
                && o.text
                    .bind(py)
                    .as_any()
                    .eq(self.text.bind(py))
                    .unwrap_or(false)
                && match (&o.places, &self.places) {
                    (None, None) => true,
                    (Some(a), Some(b)) => super::process::same_places(a, b),
                    _ => false,
                }
                && match (&o.id, &self.id) {
                    (None, None) => true,
                    (Some(a), Some(b)) => a.bind(py).eq(b.bind(py)).unwrap_or(false),
                    _ => false,
                }
        })
    }

    /// Pickling: ``Article._from_state(text, lines, meta, places, id)``.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let ctor = py.get_type::<PyArticle>().getattr("_from_state")?;
        let lines: Vec<(&str, &str, &str, usize, usize)> = self
            .inner
            .article
            .lines
            .iter()
            .map(|l| {
                (
                    l.label.name(),
                    l.kind.name(),
                    l.reason.as_ref(),
                    l.start,
                    l.end,
                )
            })
            .collect();
        let places = self
            .places
            .as_deref()
            .map(|p| super::process::places_state(py, p))
            .transpose()?;
        let id = self.id.as_ref().map(|i| i.clone_ref(py));
        let args = (self.text.bind(py), lines, self.meta_dict(py)?, places, id);
        PyTuple::new(py, [ctor, args.into_pyobject(py)?.into_any()])
    }

    #[staticmethod]
    #[allow(clippy::type_complexity)]
    #[pyo3(signature = (text, lines, meta, places = None, id = None))]
    fn _from_state(
        text: &Bound<'_, PyString>,
        lines: Vec<(String, String, String, usize, usize)>,
        meta: &Bound<'_, PyDict>,
        places: Option<&Bound<'_, PyAny>>,
        id: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        // Lossy: a lone surrogate becomes one U+FFFD, so offsets still hold.
        let chars: Vec<char> = text.to_string_lossy().chars().collect();
        let n = chars.len();
        let mut out = Vec::with_capacity(lines.len());
        for (label, kind, reason, start, end) in lines {
            if start > end || end > n {
                return Err(super::errors::data_error(format!(
                    "line span ({start}, {end}) is outside the text"
                )));
            }
            out.push(boilerplate::Line {
                start,
                end,
                label: Label::parse(&label)
                    .ok_or_else(|| super::errors::data_error(format!("unknown label {label:?}")))?,
                kind: boilerplate::Kind::parse(&kind)
                    .ok_or_else(|| super::errors::data_error(format!("unknown kind {kind:?}")))?,
                reason: reason.into(),
            });
        }
        let get = |k: &str| -> PyResult<Option<String>> {
            match meta.get_item(k)? {
                Some(v) if !v.is_none() => Ok(Some(v.extract()?)),
                _ => Ok(None),
            }
        };
        let meta = boilerplate::Meta {
            title: get("title")?,
            date: get("date")?,
            updated: get("updated")?,
            author: get("author")?,
            source: get("source")?,
            site: get("site")?,
            dateline: get("dateline")?,
        };
        let article = build(&chars, boilerplate::Article { lines: out, meta });
        let mut a = PyArticle::new(text, article);
        if let Some(p) = places.filter(|p| !p.is_none()) {
            a = a.with_places(super::process::places_from_state(p, n)?, None);
        }
        a.id = id.filter(|i| !i.is_none()).map(|i| i.clone().unbind());
        Ok(a)
    }
}

/// Cleans a scraped news page (plain text): finds the headline, the body
/// and the metadata, and labels every line with a reason.
///
/// Args:
///     text: the page (a str).
///     reference: the time relative dates ("منذ 3 ساعات", "yesterday")
///         count back from: a datetime, a date or an ISO 8601 str.
///     site_name: the site's name if known; a headline suffix equal to it
///         is split off.
///
/// Returns:
///     Article.
///
/// Example:
///     >>> a = furat.clean(page)
///     >>> a.title, a.meta["date"]
///     >>> print(a.body)
#[pyfunction]
#[pyo3(signature = (text, *, reference = None, site_name = None))]
pub(crate) fn clean(
    text: &Bound<'_, PyAny>,
    reference: Option<&Bound<'_, PyAny>>,
    site_name: Option<String>,
) -> PyResult<PyArticle> {
    let s = expect_str(text, "text")?;
    let opts = options(reference, site_name)?;
    clean_one(text.py(), s, &opts, None)
}

/// Cleans many pages in parallel (GIL released, all cores), in order.
///
/// Args:
///     texts: a sequence (or iterable) of str.
///     reference: as for ``clean``, for every page.
///     threads: worker threads; default: all cores, or ``FURAT_NUM_THREADS``.
///
/// Returns:
///     list[Article], one per input.
///
/// Raises:
///     InputTypeError: naming the index of the first item that is not a str.
#[pyfunction]
#[pyo3(signature = (texts, *, reference = None, threads = None))]
pub(crate) fn clean_batch(
    texts: &Bound<'_, PyAny>,
    reference: Option<&Bound<'_, PyAny>>,
    threads: Option<usize>,
) -> PyResult<Vec<PyArticle>> {
    let items = str_items(texts, "texts")?;
    let opts = options(reference, None)?;
    clean_many(texts.py(), &items, threads, |_, u| {
        clean_units(u, &opts, None)
    })
}

/// A cleaner that also strips each site's template lines: lines that recur
/// on many pages of one site (menus, footers, the site's own prompts). A
/// paragraph that several sites syndicate is not template.
///
/// ``Cleaner()`` knows no templates (it cleans like ``furat.clean``);
/// ``Cleaner.fit(texts, sites)`` learns them. Immutable, thread-safe and
/// picklable; ``save``/``load`` keep the learned state in a versioned file.
///
/// Example:
///     >>> cleaner = furat.Cleaner.fit(df.text, sites=df.host)
///     >>> articles = cleaner.clean_batch(df.text, sites=df.host)
#[pyclass(module = "furat", name = "Cleaner", frozen)]
pub(crate) struct PyCleaner {
    inner: Arc<Templates>,
}

pub(crate) fn site_items<'py>(
    obj: Option<&Bound<'py, PyAny>>,
    n: usize,
) -> PyResult<Option<Vec<String>>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if obj.is_instance_of::<PyString>() {
        return Err(type_error(
            "sites",
            "a sequence of str or None, not a single str",
            obj,
        ));
    }
    let iter = obj
        .try_iter()
        .map_err(|_| type_error("sites", "a sequence of str or None", obj))?;
    // A missing site (None) is the site of a fit without sites: "".
    let mut out = Vec::with_capacity(n);
    for (i, item) in iter.enumerate() {
        let item = item?;
        if item.is_none() {
            out.push(String::new());
        } else if let Ok(s) = item.cast::<PyString>() {
            out.push(s.to_str()?.to_owned());
        } else {
            return Err(type_error(&format!("sites[{i}]"), "str or None", &item));
        }
    }
    if out.len() != n {
        return Err(input_error(format!(
            "sites has {} items but texts has {n}; give one site per text",
            out.len()
        )));
    }
    Ok(Some(out))
}

#[pymethods]
impl PyCleaner {
    #[new]
    fn new() -> Self {
        PyCleaner {
            inner: Arc::new(Templates::default()),
        }
    }

    /// Learns site templates from pages.
    ///
    /// Args:
    ///     texts: the pages (a sequence of str).
    ///     sites: one site name per page (e.g. its host); None: all pages
    ///         are one site.
    ///     min_pages: a template line is on at least this many pages of
    ///         its site (default 3) ...
    ///     min_share: ... and on at least this share of them (default 0.05).
    ///     prose_share: a paragraph-like line must be on this share of the
    ///         site's pages to count (default 0.5).
    ///     threads: worker threads.
    ///
    /// Returns:
    ///     Cleaner.
    #[classmethod]
    #[pyo3(signature = (texts, sites = None, *, min_pages = 3, min_share = 0.05, prose_share = 0.5, threads = None))]
    fn fit(
        _cls: &Bound<'_, PyType>,
        texts: &Bound<'_, PyAny>,
        sites: Option<&Bound<'_, PyAny>>,
        min_pages: u32,
        min_share: f64,
        prose_share: f64,
        threads: Option<usize>,
    ) -> PyResult<Self> {
        let py = texts.py();
        let items = str_items(texts, "texts")?;
        let sites = site_items(sites, items.len())?;
        let texts: Vec<String> = items
            .iter()
            .map(|s| Ok(s.to_str()?.to_owned()))
            .collect::<PyResult<_>>()?;
        let params = TemplateParams {
            min_pages,
            min_share,
            prose_share,
        };
        let threads = parallel::resolve_threads(threads);
        let t = py.detach(|| {
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            let site_refs: Option<Vec<&str>> = sites
                .as_ref()
                .map(|s| s.iter().map(String::as_str).collect());
            Templates::fit(&refs, site_refs.as_deref(), params, threads)
        });
        Ok(PyCleaner {
            inner: Arc::new(t.map_err(PyFuratError)?),
        })
    }

    /// Cleans one page of ``site`` (None: the site of a fit without sites).
    #[pyo3(signature = (text, *, site = None, reference = None))]
    fn clean(
        &self,
        text: &Bound<'_, PyAny>,
        site: Option<&str>,
        reference: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyArticle> {
        let s = expect_str(text, "text")?;
        let opts = options(reference, None)?;
        clean_one(text.py(), s, &opts, self.inner.site(site.unwrap_or("")))
    }

    /// Cleans many pages in parallel, in order; ``sites`` gives one site per
    /// page (None: the site of a fit without sites).
    #[pyo3(signature = (texts, sites = None, *, reference = None, threads = None))]
    fn clean_batch(
        &self,
        texts: &Bound<'_, PyAny>,
        sites: Option<&Bound<'_, PyAny>>,
        reference: Option<&Bound<'_, PyAny>>,
        threads: Option<usize>,
    ) -> PyResult<Vec<PyArticle>> {
        let items = str_items(texts, "texts")?;
        let sites = site_items(sites, items.len())?;
        let opts = options(reference, None)?;
        let t = &self.inner;
        clean_many(texts.py(), &items, threads, |i, u| {
            let site = sites.as_ref().map_or("", |s| s[i].as_str());
            clean_units(u, &opts, t.site(site))
        })
    }

    /// Cleans one page of ``site`` (its templates stripped) and finds the
    /// places of its title and body: ``furat.process`` with this cleaner's
    /// templates.
    #[pyo3(signature = (text, *, site = None, id = None, reference = None))]
    fn process(
        &self,
        text: &Bound<'_, PyAny>,
        site: Option<&str>,
        id: Option<&Bound<'_, PyAny>>,
        reference: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyArticle> {
        let opts = options(reference, None)?;
        let templates = self.inner.site(site.unwrap_or(""));
        super::process::process_one(text, &opts, templates, id)
    }

    /// ``process`` for many pages in parallel (GIL released), in order;
    /// ``sites`` gives one site per page, ``ids`` one id per page.
    #[pyo3(signature = (texts, sites = None, *, ids = None, reference = None, threads = None))]
    fn process_batch<'py>(
        &self,
        texts: &Bound<'py, PyAny>,
        sites: Option<&Bound<'py, PyAny>>,
        ids: Option<&Bound<'py, PyAny>>,
        reference: Option<&Bound<'py, PyAny>>,
        threads: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let opts = options(reference, None)?;
        super::process::process_many(texts, sites, ids, &opts, Some(&self.inner), threads)
    }

    /// The learned sites: ``{site: {"pages": n, "template_lines": m}}``.
    #[getter]
    fn sites<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (name, s) in self.inner.sites() {
            let e = PyDict::new(py);
            e.set_item("pages", s.pages())?;
            e.set_item("template_lines", s.len())?;
            d.set_item(name, e)?;
        }
        Ok(d)
    }

    /// The learned state as bytes (the format ``save`` writes).
    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.inner.to_bytes())
    }

    /// A cleaner from ``to_bytes()`` output; DataError when it is not one.
    #[staticmethod]
    fn from_bytes(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        let b = data
            .cast::<PyBytes>()
            .map_err(|_| type_error("data", "bytes", data))?;
        Ok(PyCleaner {
            inner: Arc::new(Templates::from_bytes(b.as_bytes()).map_err(PyFuratError)?),
        })
    }

    /// Saves the learned state to a file (a versioned binary format).
    fn save(&self, path: PathBuf) -> PyResult<()> {
        self.inner.save(&path).map_err(|e| PyFuratError(e).into())
    }

    /// Loads a cleaner saved with ``save``: FileError when the file cannot
    /// be read, DataError when it is not a valid state.
    #[staticmethod]
    fn load(path: PathBuf) -> PyResult<Self> {
        Ok(PyCleaner {
            inner: Arc::new(Templates::load(&path).map_err(PyFuratError)?),
        })
    }

    fn __repr__(&self) -> String {
        let sites: Vec<_> = self.inner.sites().collect();
        let pages: u32 = sites.iter().map(|s| s.1.pages()).sum();
        let lines: usize = sites.iter().map(|s| s.1.len()).sum();
        format!(
            "<Cleaner sites={} pages={pages} template_lines={lines}>",
            sites.len()
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyCleaner>()
            .is_ok_and(|o| *o.get().inner == *self.inner)
    }

    /// Pickling: ``Cleaner.from_bytes(state)``.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let ctor = py.get_type::<PyCleaner>().getattr("from_bytes")?;
        let args = PyTuple::new(py, [self.to_bytes(py)])?;
        PyTuple::new(py, [ctor, args.into_any()])
    }
}

/// Module attributes of this engine: ``LINE_KINDS`` and ``LINE_LABELS``.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let kinds: Vec<&str> = boilerplate::Kind::ALL.iter().map(|k| k.name()).collect();
    m.add("LINE_KINDS", PyTuple::new(m.py(), kinds)?)?;
    m.add(
        "LINE_LABELS",
        PyTuple::new(m.py(), ["title", "content", "boilerplate", "blank"])?,
    )?;
    Ok(())
}
