//! `furat.process`, `furat.process_batch` (and the `Cleaner.process*`
//! methods, which call in here): a page cleaned and the places of its title
//! and body found in one call (`crate::process`), as a `furat.Article`
//! with `places`.
//!
//! Also what a processed `Article` needs of its mentions: `Match` objects
//! in a `MatchList`, the flat records of `to_dict`, pickle state and
//! equality. The mentions stay Rust values until asked for: a pipeline that
//! only writes `to_dict()` never builds a `Match` object.

use super::batch::{chunk_bounds, chunk_units, pipeline};
use super::boilerplate::{Cleaned, PyArticle, build as build_cleaned, site_items};
use super::errors::{data_error, input_error, type_error};
use super::normalize::threads_arg;
use super::place::{PyMatch, py_score};
use super::text::{StrSeq, Units, chars_of, expect_str, units};
use crate::boilerplate::{Options, SiteTemplates, Templates};
use crate::gazetteer::{Gazetteer, Match, Place};
use crate::parallel;
use crate::process::{Mention, Part, process_chars};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyInt, PyList, PyString, PyTuple, PyType};

/// Pages at least this long are processed with the GIL released.
const DETACH_MIN_LEN: usize = 1 << 13;
/// A batch chunk closes at this many pages (or `chunk_bounds`' code units):
/// small enough that a batch of a few long pages still spreads over the
/// threads, large enough that handing chunks around costs nothing next to
/// the work (a sample article takes about half a millisecond).
const CHUNK_PAGES: usize = 16;

/// The cleaned page and its mentions, built off the GIL.
type Done = (Cleaned, Vec<Mention>);

fn process_units(
    u: Units<'_>,
    options: &Options,
    templates: Option<&SiteTemplates>,
    gazetteer: &Gazetteer,
) -> Done {
    let chars = chars_of(u);
    let p = process_chars(&chars, options, templates, gazetteer);
    (build_cleaned(&chars, p.article), p.places)
}

/// The id of a processed page: a `str` or an `int` (neither can hold a
/// reference cycle, so an `Article` needs no GC support to keep it).
fn id_arg(obj: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<Py<PyAny>>> {
    match obj {
        None => Ok(None),
        Some(o) if o.is_none() => Ok(None),
        Some(o)
            if o.is_instance_of::<PyString>()
                || (o.is_instance_of::<PyInt>() && !o.is_instance_of::<PyBool>()) =>
        {
            Ok(Some(o.clone().unbind()))
        }
        Some(o) => Err(type_error(what, "str, int or None", o)),
    }
}

/// One id per page (all None when `ids` is None).
fn ids_arg(obj: Option<&Bound<'_, PyAny>>, n: usize) -> PyResult<Vec<Option<Py<PyAny>>>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok((0..n).map(|_| None).collect());
    };
    if obj.is_instance_of::<PyString>() {
        return Err(type_error(
            "ids",
            "a sequence of str, int or None, not a single str",
            obj,
        ));
    }
    let iter = obj
        .try_iter()
        .map_err(|_| type_error("ids", "a sequence of str, int or None", obj))?;
    let mut out = Vec::with_capacity(n);
    for (i, item) in iter.enumerate() {
        out.push(id_arg(Some(&item?), &format!("ids[{i}]"))?);
    }
    if out.len() != n {
        return Err(input_error(format!(
            "ids has {} items but texts has {n}; give one id per text",
            out.len()
        )));
    }
    Ok(out)
}

/// Processes one page, with the GIL released when it is long.
pub(crate) fn process_one(
    text: &Bound<'_, PyAny>,
    options: &Options,
    templates: Option<&SiteTemplates>,
    id: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyArticle> {
    let py = text.py();
    let s = expect_str(text, "text")?;
    let id = id_arg(id, "id")?;
    let g = Gazetteer::builtin();
    let u = units(s)?;
    let (cleaned, places) = if u.len() >= DETACH_MIN_LEN {
        py.detach(|| process_units(u, options, templates, &g))
    } else {
        process_units(u, options, templates, &g)
    };
    Ok(PyArticle::new(s, cleaned).with_places(places, id))
}

/// Processes many pages in parallel with the GIL released, in order: the
/// pipeline of `batch.rs` builds the `Article` objects of finished chunks
/// while the workers process later ones. `templates` (a `Cleaner`'s) are
/// looked up by each page's site.
pub(crate) fn process_many<'py>(
    texts: &Bound<'py, PyAny>,
    sites: Option<&Bound<'py, PyAny>>,
    ids: Option<&Bound<'py, PyAny>>,
    options: &Options,
    templates: Option<&Templates>,
    threads: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let py = texts.py();
    let seq = StrSeq::new(texts, "texts")?;
    let n = seq.len();
    // Every argument is checked before any work starts.
    let bounds = chunk_bounds(&seq, CHUNK_PAGES)?;
    let sites = site_items(sites, n)?;
    let mut ids = ids_arg(ids, n)?;
    let threads = parallel::resolve_threads(threads_arg(threads)?);
    let g = Gazetteer::builtin();
    let site_templates = |i: usize| -> Option<&SiteTemplates> {
        let t = templates?;
        t.site(sites.as_ref().map_or("", |s| s[i].as_str()))
    };
    let out = PyList::empty(py);
    pipeline(
        py,
        bounds.len() - 1,
        threads,
        |k| {
            // SAFETY: `seq` outlives the pipeline.
            let units = unsafe { chunk_units(&seq, &bounds, k)? };
            let inputs: Vec<(usize, Units<'_>)> = (bounds[k]..).zip(units).collect();
            Ok(((), inputs))
        },
        |inputs| {
            inputs
                .iter()
                .map(|&(i, u)| process_units(u, options, site_templates(i), &g))
                .collect::<Vec<Done>>()
        },
        |k, (), done| {
            for (j, (cleaned, places)) in done.into_iter().enumerate() {
                let i = bounds[k] + j;
                let s = seq.get_str(i, "texts")?;
                let article = PyArticle::new(&s, cleaned).with_places(places, ids[i].take());
                out.append(Bound::new(py, article)?)?;
            }
            Ok(())
        },
    )?;
    Ok(out)
}

/// Cleans a scraped news page and finds the places its title and body
/// mention, in one call: ``furat.clean`` plus the place matcher run over
/// the headline and the content lines as one text (so a place of the same
/// governorate anywhere in the article is evidence, and nothing in the
/// boilerplate is).
///
/// Args:
///     text: the page (a str).
///     site: the page's site (its host). Only a ``Cleaner``'s templates
///         use it (``Cleaner.process``); here it is accepted so that the
///         two calls have one shape, and has no effect.
///     id: an id (str or int) the article keeps, for ``to_dict()``.
///     reference: the time relative dates count back from (as for
///         ``clean``).
///     site_name: the site's name if known (as for ``clean``).
///
/// Returns:
///     Article: as ``clean`` returns it, plus ``places``, a ``MatchList``
///     of the mentions in page order, each with its span in ``text`` and
///     its ``part``, "title" or "body".
///
/// Example:
///     >>> a = furat.process(page)
///     >>> [(m.text, m.place.pcode, m.part) for m in a.places]
///     >>> a.to_dict()["places"][0]["governorate_en"]
#[pyfunction]
#[pyo3(signature = (text, *, site = None, id = None, reference = None, site_name = None))]
pub(crate) fn process(
    text: &Bound<'_, PyAny>,
    site: Option<&str>,
    id: Option<&Bound<'_, PyAny>>,
    reference: Option<&Bound<'_, PyAny>>,
    site_name: Option<String>,
) -> PyResult<PyArticle> {
    let _ = site;
    let opts = super::boilerplate::options(reference, site_name)?;
    process_one(text, &opts, None, id)
}

/// Processes many pages in parallel (GIL released, all cores), in order.
///
/// Args:
///     texts: a sequence (or iterable) of str.
///     sites: one site per page, or None (no effect without a
///         ``Cleaner``; see ``process``).
///     ids: one id (str, int or None) per page, or None.
///     reference: as for ``clean``, for every page.
///     threads: worker threads; default: all cores, or ``FURAT_NUM_THREADS``.
///
/// Returns:
///     list[Article], one per page, each with ``places``.
///
/// Raises:
///     InputTypeError: naming the index of the first item that is not a str.
#[pyfunction]
#[pyo3(signature = (texts, *, sites = None, ids = None, reference = None, threads = None))]
pub(crate) fn process_batch<'py>(
    texts: &Bound<'py, PyAny>,
    sites: Option<&Bound<'py, PyAny>>,
    ids: Option<&Bound<'py, PyAny>>,
    reference: Option<&Bound<'py, PyAny>>,
    threads: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let opts = super::boilerplate::options(reference, None)?;
    process_many(texts, sites, ids, &opts, None, threads)
}

/// The mentions as a `furat.MatchList` of `Match` objects.
pub(crate) fn places_list<'py>(py: Python<'py>, places: &[Mention]) -> PyResult<Bound<'py, PyAny>> {
    static MATCH_LIST: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let cls = MATCH_LIST.import(py, "furat._matches", "MatchList")?;
    let items = places
        .iter()
        .map(|m| Bound::new(py, PyMatch::from_found(py, &m.found, Some(m.part))?))
        .collect::<PyResult<Vec<_>>>()?;
    cls.call1((PyList::new(py, items)?,))
}

/// What a mention record shows, from a core `Match` or a `Match` object.
pub(crate) struct MentionFields<'a> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) surface: &'a str,
    pub(crate) part: Option<Part>,
    pub(crate) proclitic: &'static str,
    pub(crate) score: f32,
    pub(crate) place: &'a Place,
    /// The alternatives' P-codes.
    pub(crate) alternatives: Vec<&'a str>,
}

impl<'a> MentionFields<'a> {
    pub(crate) fn of(m: &'a Match, part: Option<Part>) -> MentionFields<'a> {
        MentionFields {
            start: m.start,
            end: m.end,
            surface: &m.text,
            part,
            proclitic: m.proclitic,
            score: m.score,
            place: &m.place,
            alternatives: m.alternatives.iter().map(|a| a.id.as_str()).collect(),
        }
    }
}

/// The flat, JSON-ready record of a mention (`Match.to_record()`, and the
/// items of `Article.to_dict()["places"]`): one level, scalars only but the
/// alternatives' P-codes, so that it is a row of a table as it is.
pub(crate) fn mention_record<'py>(
    py: Python<'py>,
    m: &MentionFields<'_>,
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    let p = m.place;
    let gov = p.admin(1);
    d.set_item(intern!(py, "start"), m.start)?;
    d.set_item(intern!(py, "end"), m.end)?;
    d.set_item(intern!(py, "surface"), m.surface)?;
    d.set_item(intern!(py, "part"), m.part.map(Part::name))?;
    d.set_item(intern!(py, "proclitic"), m.proclitic)?;
    d.set_item(intern!(py, "score"), py_score(m.score))?;
    d.set_item(intern!(py, "pcode"), &p.id)?;
    d.set_item(intern!(py, "level"), p.level.name())?;
    d.set_item(intern!(py, "name_en"), &p.name_en)?;
    d.set_item(intern!(py, "name_ar"), &p.name_ar)?;
    d.set_item(intern!(py, "governorate"), gov.map(|a| a.id.as_str()))?;
    d.set_item(
        intern!(py, "governorate_en"),
        gov.and_then(|a| a.name_en.as_deref()),
    )?;
    d.set_item(
        intern!(py, "governorate_ar"),
        gov.and_then(|a| a.name_ar.as_deref()),
    )?;
    d.set_item(intern!(py, "lat"), p.lat)?;
    d.set_item(intern!(py, "lon"), p.lon)?;
    d.set_item(intern!(py, "alternatives"), &m.alternatives)?;
    Ok(d)
}

/// The record of `mention_record`, as JSON text (`Article.to_json()`).
pub(crate) fn push_mention_json(out: &mut String, m: &MentionFields<'_>) {
    use crate::json::{push_f64, push_int, push_key, push_opt_f64, push_opt_str, push_str};
    let p = m.place;
    let gov = p.admin(1);
    out.push('{');
    push_key(out, "start", true);
    push_int(out, m.start);
    push_key(out, "end", false);
    push_int(out, m.end);
    push_key(out, "surface", false);
    push_str(out, m.surface);
    push_key(out, "part", false);
    push_opt_str(out, m.part.map(Part::name));
    push_key(out, "proclitic", false);
    push_str(out, m.proclitic);
    push_key(out, "score", false);
    push_f64(out, py_score(m.score));
    push_key(out, "pcode", false);
    push_str(out, &p.id);
    push_key(out, "level", false);
    push_str(out, p.level.name());
    push_key(out, "name_en", false);
    push_str(out, &p.name_en);
    push_key(out, "name_ar", false);
    push_str(out, &p.name_ar);
    push_key(out, "governorate", false);
    push_opt_str(out, gov.map(|a| a.id.as_str()));
    push_key(out, "governorate_en", false);
    push_opt_str(out, gov.and_then(|a| a.name_en.as_deref()));
    push_key(out, "governorate_ar", false);
    push_opt_str(out, gov.and_then(|a| a.name_ar.as_deref()));
    push_key(out, "lat", false);
    push_opt_f64(out, p.lat);
    push_key(out, "lon", false);
    push_opt_f64(out, p.lon);
    push_key(out, "alternatives", false);
    out.push('[');
    for (k, a) in m.alternatives.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        push_str(out, a);
    }
    out.push_str("]}");
}

/// The records of an article's mentions.
pub(crate) fn records<'py>(py: Python<'py>, places: &[Mention]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for m in places {
        list.append(mention_record(
            py,
            &MentionFields::of(&m.found, Some(m.part)),
        )?)?;
    }
    Ok(list)
}

/// Pickle state of the mentions: plain tuples, places by P-code (they are
/// the built-in gazetteer's, which every furat process has).
pub(crate) fn places_state<'py>(
    py: Python<'py>,
    places: &[Mention],
) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for m in places {
        let f = &m.found;
        let alternatives: Vec<&str> = f.alternatives.iter().map(|a| a.id.as_str()).collect();
        let item = (
            f.start,
            f.end,
            f.text.as_str(),
            f.proclitic,
            // Exact: an f32 widens to f64 and narrows back unchanged.
            f64::from(f.score),
            m.part.name(),
            f.place.id.as_str(),
            alternatives,
        );
        list.append(item.into_pyobject(py)?)?;
    }
    Ok(list)
}

/// The mentions from `places_state` output; DataError when it is not that
/// (a span outside the text, an unknown P-code, part or proclitic).
pub(crate) fn places_from_state(
    state: &Bound<'_, PyAny>,
    text_len: usize,
) -> PyResult<Vec<Mention>> {
    let g = Gazetteer::builtin();
    let place = |id: &str| {
        g.get(id)
            .cloned()
            .ok_or_else(|| data_error(format!("unknown place {id:?} in a pickled article")))
    };
    let mut out = Vec::new();
    for item in state.try_iter()? {
        let item = item?;
        let t = item
            .cast::<PyTuple>()
            .map_err(|_| data_error("a pickled mention is not a tuple"))?;
        #[allow(clippy::type_complexity)]
        let (start, end, text, proclitic, score, part, pcode, alternatives): (
            usize,
            usize,
            String,
            String,
            f64,
            String,
            String,
            Vec<String>,
        ) = t
            .extract()
            .map_err(|e| data_error(format!("a pickled mention is malformed: {e}")))?;
        if start > end || end > text_len {
            return Err(data_error(format!(
                "mention span ({start}, {end}) is outside the text"
            )));
        }
        let part =
            Part::parse(&part).ok_or_else(|| data_error(format!("unknown part {part:?}")))?;
        let proclitic = crate::gazetteer::proclitic_str(&proclitic)
            .ok_or_else(|| data_error(format!("not a proclitic: {proclitic:?}")))?;
        out.push(Mention {
            found: Match {
                start,
                end,
                text,
                proclitic,
                place: place(&pcode)?,
                score: score as f32,
                alternatives: alternatives
                    .iter()
                    .map(|a| place(a))
                    .collect::<PyResult<_>>()?,
            },
            part,
        });
    }
    Ok(out)
}

/// Whether two articles' mentions are the same.
pub(crate) fn same_places(a: &[Mention], b: &[Mention]) -> bool {
    let key = |m: &Mention| {
        let f = &m.found;
        (
            f.start,
            f.end,
            f.proclitic,
            f.score.to_bits(),
            m.part,
            f.place.id.clone(),
        )
    };
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            key(x) == key(y)
                && x.found.text == y.found.text
                && x.found.alternatives.iter().map(|p| &p.id).eq(y
                    .found
                    .alternatives
                    .iter()
                    .map(|p| &p.id))
        })
}
