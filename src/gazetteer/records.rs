//! From records (CSV rows or a user's list) to places: validation, names
//! and flags, and the names of each place's admin units.
//!
//! The built-in gazetteer has 8,000 records and 17,000 names, so this runs
//! at every start-up: strings are moved out of the records rather than
//! copied, and an error's location ("places.csv, line 12") is only
//! formatted when there is an error.

use super::place::{Admin, Level, Name, Place, Record, is_arabic};
use crate::error::{Error, Result};
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// Places, and their indices by id.
pub(crate) struct Places {
    pub(crate) places: Vec<Arc<Place>>,
    pub(crate) by_id: FxHashMap<String, u32>,
}

/// The places of `records`. `loc(i)` names record `i` in error messages.
pub(crate) fn places(records: Vec<Record>, loc: &dyn Fn(usize) -> String) -> Result<Places> {
    let mut by_id: FxHashMap<String, u32> = FxHashMap::default();
    by_id.reserve(records.len());
    let mut drafts: Vec<(Place, [String; 3])> = Vec::with_capacity(records.len());
    for (i, r) in records.into_iter().enumerate() {
        let id = trimmed(r.id);
        if id.is_empty() {
            return Err(Error::invalid_data(format!("{}: the id is empty", loc(i))));
        }
        if let Some(&j) = by_id.get(&id) {
            return Err(Error::invalid_data(format!(
                "{}: duplicate id {id:?} (first at {})",
                loc(i),
                loc(j as usize)
            )));
        }
        let level = Level::parse(&r.level)
            .map_err(|e| Error::invalid_data(format!("{}, column 'level': {e}", loc(i))))?;
        let (name_ar, name_en) = (trimmed(r.name_ar), trimmed(r.name_en));
        let mut names: Vec<Name> = Vec::with_capacity(2 + r.names.len());
        for text in [&name_ar, &name_en] {
            if !text.is_empty() {
                names.push(Name::plain(text.as_str()));
            }
        }
        for item in r.names {
            let n = if item.contains('~') {
                Name::parse(&item)
                    .map_err(|e| Error::invalid_data(format!("{}, column 'names': {e}", loc(i))))?
            } else {
                Name::plain(trimmed(item))
            };
            if n.text.is_empty() {
                continue;
            }
            // A flagged duplicate of name_ar/name_en carries the flags.
            if let Some(have) = names.iter_mut().find(|h| h.text == n.text) {
                *have = n;
            } else {
                names.push(n);
            }
        }
        if names.is_empty() {
            return Err(Error::invalid_data(format!(
                "{}: place {id:?} has no name (name_ar, name_en and names are empty)",
                loc(i)
            )));
        }
        for (col, v, limit) in [("lat", r.lat, 90.0), ("lon", r.lon, 180.0)] {
            if let Some(v) = v {
                if v.abs() > limit {
                    return Err(Error::invalid_data(format!(
                        "{}, column '{col}': {v} is out of range",
                        loc(i)
                    )));
                }
            }
        }
        let name_ar = if name_ar.is_empty() {
            names_of_script(&names, true)
        } else {
            name_ar
        };
        let name_en = if name_en.is_empty() {
            names_of_script(&names, false)
        } else {
            name_en
        };
        by_id.insert(id.clone(), drafts.len() as u32);
        drafts.push((
            Place {
                id,
                level,
                name_ar,
                name_en,
                names,
                admin: [None, None, None],
                lat: r.lat,
                lon: r.lon,
                prior: r.prior,
            },
            r.admin,
        ));
    }
    // Each place's admin units, with their names when the gazetteer has
    // them.
    let admins: Vec<[Option<Admin>; 3]> = drafts
        .iter()
        .map(|(_, ids)| {
            let mut out: [Option<Admin>; 3] = [None, None, None];
            for (k, a) in ids.iter().enumerate() {
                let a = a.trim();
                if a.is_empty() {
                    continue;
                }
                let unit = by_id.get(a).map(|&j| &drafts[j as usize].0);
                out[k] = Some(Admin {
                    id: a.to_owned(),
                    name_en: unit.map(|u| u.name_en.clone()),
                    name_ar: unit.map(|u| u.name_ar.clone()),
                });
            }
            out
        })
        .collect();
    let places = drafts
        .into_iter()
        .zip(admins)
        .map(|((mut p, _), admin)| {
            p.admin = admin;
            Arc::new(p)
        })
        .collect();
    Ok(Places { places, by_id })
}

/// `s` without surrounding whitespace, reusing its buffer when it has none.
fn trimmed(s: String) -> String {
    let t = s.trim();
    if t.len() == s.len() { s } else { t.to_owned() }
}

/// The first name in (or not in) Arabic script, for a place given only a
/// `names` list.
fn names_of_script(names: &[Name], arabic: bool) -> String {
    names
        .iter()
        .find(|n| n.text.chars().any(is_arabic) == arabic)
        .map(|n| n.text.clone())
        .unwrap_or_default()
}
