//! `Article.to_json()`: the JSON text of `Article.to_dict()`, written in one
//! pass from the page's own code units, with no dict built on the way (the
//! command line writes millions of these).

use super::PyArticle;
use crate::json::{push_int, push_key, push_opt_str, push_str, push_units, push_units_raw};
use crate::normalize::CodeUnit;
use crate::py::process::{MentionFields, push_mention_json};
use crate::py::text::{Units, units};
use pyo3::prelude::*;
use pyo3::types::PyString;

impl PyArticle {
    pub(super) fn json(&self, py: Python<'_>, lines: bool) -> PyResult<String> {
        match units(self.text.bind(py))? {
            Units::U8(page) => self.json_of(py, page, lines),
            Units::U16(page) => self.json_of(py, page, lines),
            Units::U32(page) => self.json_of(py, page, lines),
        }
    }

    fn json_of<T: CodeUnit>(&self, py: Python<'_>, page: &[T], lines: bool) -> PyResult<String> {
        let mut out = String::with_capacity(page.len() * 2 + 256);
        out.push('{');
        let mut first = true;
        if let Some(id) = &self.id {
            push_key(&mut out, "id", true);
            first = false;
            let id = id.bind(py);
            match id.cast::<PyString>() {
                Ok(s) => match units(s)? {
                    Units::U8(u) => push_units(&mut out, u),
                    Units::U16(u) => push_units(&mut out, u),
                    Units::U32(u) => push_units(&mut out, u),
                },
                // An int (the only other id `process` accepts), in decimal.
                Err(_) => out.push_str(id.str()?.to_str()?),
            }
        }
        push_key(&mut out, "title", first);
        push_opt_str(&mut out, self.inner.title.as_deref());
        push_key(&mut out, "body", false);
        out.push('"');
        for (k, &(start, end)) in self.inner.body_spans.iter().enumerate() {
            if k > 0 {
                out.push_str("\\n");
            }
            push_units_raw(&mut out, &page[start..end]);
        }
        out.push('"');
        push_key(&mut out, "meta", false);
        out.push('{');
        for (k, (name, value)) in self.inner.article.meta.fields().into_iter().enumerate() {
            push_key(&mut out, name, k == 0);
            push_opt_str(&mut out, value);
        }
        out.push('}');
        if let Some(places) = &self.places {
            push_key(&mut out, "places", false);
            out.push('[');
            for (k, m) in places.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                push_mention_json(&mut out, &MentionFields::of(&m.found, Some(m.part)));
            }
            out.push(']');
        }
        if lines {
            push_key(&mut out, "lines", false);
            out.push('[');
            for (i, l) in self.inner.article.lines.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push('{');
                push_key(&mut out, "index", true);
                push_int(&mut out, i);
                push_key(&mut out, "text", false);
                push_units(&mut out, &page[l.start..l.end]);
                push_key(&mut out, "label", false);
                push_str(&mut out, l.label.name());
                push_key(&mut out, "kind", false);
                push_str(&mut out, l.kind.name());
                push_key(&mut out, "reason", false);
                push_str(&mut out, &l.reason);
                push_key(&mut out, "start", false);
                push_int(&mut out, l.start);
                push_key(&mut out, "end", false);
                push_int(&mut out, l.end);
                out.push('}');
            }
            out.push(']');
        }
        out.push('}');
        Ok(out)
    }
}
