//! Place matching: every Syrian place in Arabic and English text, as
//! P-coded places with spans in the original text.
//!
//! A [`Gazetteer`] is an immutable, cheaply cloned (`Arc`) set of places and
//! a trie of their names' keys. [`Gazetteer::find_chars`] normalizes the text
//! with the `search` profile (keeping the alignment), finds candidates at
//! word starts and after proclitics ([`scan`]), weighs the evidence for
//! names that are also common words and picks among overlapping candidates
//! and among places sharing a name ([`resolve`]), and maps the spans back to
//! the original text.
//!
//! ```
//! use _furat::gazetteer::Gazetteer;
//!
//! let g = Gazetteer::builtin();
//! let text = "قصف على الحَسَكَة وبريف ديرالزور";
//! let found = g.find(text);
//! assert_eq!(found[0].text, "الحَسَكَة");
//! assert_eq!(found[0].place.id, "SY08");
//! assert_eq!(found[1].text, "ديرالزور");
//! ```
//!
//! The built-in gazetteer is `data/gazetteer/places.csv`, built from the
//! OCHA and GeoNames sources and furat's curated lists by
//! `scripts/build_gazetteer.py`, and embedded here.

mod class;
mod context;
mod csv;
mod filter;
mod keys;
mod place;
mod records;
mod resolve;
mod rules;
mod scan;
mod table;
mod trie;

pub use place::{Admin, Ambiguity, Level, Name, Place, Record};

use crate::error::{Error, Result};
use crate::normalize::{CodeUnit, Normalizer, Profile};
use filter::FirstTokens;
use rustc_hash::FxHashMap;
use std::any::Any;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::{Arc, OnceLock};
use trie::Trie;

/// The built-in gazetteer's data (see the module docs).
pub const BUILTIN_CSV: &str = include_str!("../../data/gazetteer/places.csv");

/// The built-in gazetteer's key table, precomputed (see `table.rs`).
const BUILTIN_KEYS: &[u8] = include_bytes!("../../data/gazetteer/keys.bin");

/// The attribution and licences of the built-in data.
pub const ATTRIBUTION: &str = include_str!("../../data/ATTRIBUTION.md");

/// One place a key stands for, with the flags of the name it came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct KeyEntry {
    pub(crate) place: u32,
    pub(crate) ambiguity: Ambiguity,
    /// The key is the alef-elided form of an ال name (only after ل).
    pub(crate) lam_elided: bool,
    /// Bit i set: not after proclitic `scan::CLITICS[i]`.
    pub(crate) no_clitic: u16,
}

/// What a trie value points at.
#[derive(Clone, Debug, Default)]
pub(crate) struct KeyInfo {
    /// Its entries are `Inner::entries[first..first + count]`.
    first: u32,
    count: u32,
    pub(crate) latin: bool,
    /// The negative contexts of the name this key spells, if any.
    pub(crate) negative: Option<&'static rules::Negative>,
}

/// No admin unit (see [`Inner::units`]).
pub(crate) const NO_UNIT: u32 = u32::MAX;

pub(crate) struct Inner {
    pub(crate) places: Vec<Arc<Place>>,
    /// Each place's admin units (governorate, district, sub-district) as
    /// small numbers, one per distinct admin id, so that the resolver
    /// compares and counts them without hashing strings; [`NO_UNIT`] where
    /// there is none.
    pub(crate) units: Vec<[u32; 3]>,
    /// Each place's own id as such a number, if any place lies in it.
    pub(crate) unit_of: Vec<u32>,
    by_id: FxHashMap<String, u32>,
    trie: Trie,
    first: FirstTokens,
    pub(crate) keys: Vec<KeyInfo>,
    entries: Vec<KeyEntry>,
    normalizer: Normalizer,
}

impl Inner {
    /// The matcher of `places` from their key table.
    fn new(
        places: Vec<Arc<Place>>,
        by_id: FxHashMap<String, u32>,
        table: table::KeyTable,
        normalizer: Normalizer,
    ) -> Inner {
        // The negative contexts of a name go to its key, and to its
        // alef-elided key (لحسكه for الحسكه).
        let mut negative: Vec<Option<&'static rules::Negative>> = vec![None; table.len()];
        for (name, v) in &rules::Rules::get().negative {
            let chars: Vec<char> = name.chars().collect();
            if let Some(k) = table.position(&chars) {
                if !table.entries[table.firsts[k] as usize].lam_elided {
                    negative[k] = Some(v);
                }
            }
            if chars.first() == Some(&'ا') {
                if let Some(k) = table.position(&chars[1..]) {
                    if table.entries[table.firsts[k] as usize].lam_elided {
                        negative[k] = Some(v);
                    }
                }
            }
        }
        let keys = (0..table.len())
            .map(|k| {
                let (first, end) = (table.firsts[k], table.firsts[k + 1]);
                KeyInfo {
                    first,
                    count: end - first,
                    latin: table.latin[k],
                    negative: negative[k],
                }
            })
            .collect();
        let mut unit_ids: FxHashMap<&str, u32> = FxHashMap::default();
        let units: Vec<[u32; 3]> = places
            .iter()
            .map(|p| {
                [1, 2, 3].map(|l| match p.admin_id(l) {
                    Some(a) => {
                        let next = unit_ids.len() as u32;
                        *unit_ids.entry(a).or_insert(next)
                    }
                    None => NO_UNIT,
                })
            })
            .collect();
        let unit_of = places
            .iter()
            .map(|p| unit_ids.get(p.id.as_str()).copied().unwrap_or(NO_UNIT))
            .collect();
        let key_chars: Vec<&[char]> = table.keys().collect();
        Inner {
            units,
            unit_of,
            places,
            by_id,
            trie: Trie::build(&key_chars),
            first: FirstTokens::build(&key_chars),
            keys,
            entries: table.entries,
            normalizer,
        }
    }

    /// Candidates, then mentions (in normalized positions) into `out`.
    fn scan_resolve<N: CodeUnit, O: CodeUnit>(
        &self,
        norm: &[N],
        orig: &[O],
        al: &crate::normalize::Alignment,
        cands: &mut Vec<scan::Candidate>,
        scratch: &mut resolve::Scratch,
        out: &mut Hits,
    ) {
        scan::scan(&self.trie, &self.first, norm, cands);
        if !cands.is_empty() {
            resolve::resolve(
                self,
                norm,
                orig,
                al,
                cands,
                scratch,
                &mut out.hits,
                &mut out.alternatives,
            );
        }
    }

    /// The places a key stands for.
    #[inline]
    pub(crate) fn entries(&self, key: u32) -> &[KeyEntry] {
        let k = &self.keys[key as usize];
        &self.entries[k.first as usize..(k.first + k.count) as usize]
    }
}

/// An immutable, thread-safe gazetteer. Cloning is cheap.
#[derive(Clone)]
pub struct Gazetteer {
    inner: Arc<Inner>,
}

/// A place mention as plain indices, what [`Gazetteer::find_units`] finds:
/// a batch worker returns it without allocating per mention or touching a
/// reference count shared with other threads.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Start of the name in the original text (code-unit index: a `str`
    /// index), after any proclitic.
    pub start: usize,
    /// End of the name in the original text (exclusive).
    pub end: usize,
    /// Index of the proclitic in the proclitic table ([`Hit::proclitic`]).
    clitic: u8,
    /// The place chosen: an index into [`Gazetteer::places`].
    pub place: u32,
    /// How sure, as in [`Match::score`].
    pub score: f32,
    /// The other places that share the name, best first: a range of
    /// [`Hits::alternatives`] (indices into [`Gazetteer::places`]).
    pub alternatives: Range<u32>,
}

impl Hit {
    /// The proclitic sequence glued before the name, as in
    /// [`Match::proclitic`].
    pub fn proclitic(&self) -> &'static str {
        scan::CLITICS[self.clitic as usize]
    }
}

/// The mentions [`Gazetteer::find_units`] found, in one or more texts, with
/// their alternatives packed in one vector.
#[derive(Clone, Debug, Default)]
pub struct Hits {
    /// The mentions, in text order (texts one after the other).
    pub hits: Vec<Hit>,
    /// The alternatives of every mention (see [`Hit::alternatives`]).
    pub alternatives: Vec<u32>,
}

impl Hits {
    /// Empties both vectors, keeping their memory.
    pub fn clear(&mut self) {
        self.hits.clear();
        self.alternatives.clear();
    }

    /// The alternatives of `hit`, as place indices.
    pub fn alternatives_of(&self, hit: &Hit) -> &[u32] {
        &self.alternatives[hit.alternatives.start as usize..hit.alternatives.end as usize]
    }
}

/// Buffers a thread reuses from one text to the next: the normalized text
/// (one vector per code-unit width) and the candidates.
#[derive(Default)]
struct Scratch {
    u8s: Vec<u8>,
    u16s: Vec<u16>,
    u32s: Vec<u32>,
    chars: Vec<char>,
    cands: Vec<scan::Candidate>,
    resolve: resolve::Scratch,
}

/// Buffers above this many elements are freed after use, so that one huge
/// text does not pin its size in memory for the thread's lifetime.
const SCRATCH_KEEP: usize = 1 << 22;

impl Scratch {
    /// The normalization buffer for units of type `T`.
    fn buffer<T: CodeUnit>(&mut self) -> Option<&mut Vec<T>> {
        let Scratch {
            u8s,
            u16s,
            u32s,
            chars,
            ..
        } = self;
        let any: [&mut dyn Any; 4] = [u8s, u16s, u32s, chars];
        any.into_iter().find_map(|b| b.downcast_mut::<Vec<T>>())
    }

    fn trim(&mut self) {
        fn trim<T>(v: &mut Vec<T>) {
            if v.capacity() > SCRATCH_KEEP {
                *v = Vec::new();
            }
        }
        trim(&mut self.u8s);
        trim(&mut self.u16s);
        trim(&mut self.u32s);
        trim(&mut self.chars);
        trim(&mut self.cands);
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// A place mention.
#[derive(Clone, Debug)]
pub struct Match {
    /// Start of the name in the original text (char index), after any
    /// proclitic.
    pub start: usize,
    /// End of the name in the original text (char index, exclusive).
    pub end: usize,
    /// The name as written in the text (`text[start..end]`).
    pub text: String,
    /// The proclitic sequence glued before the name, normalized ("" if
    /// none): و, ف, ب, ل, ك, وب, ول, وك, فب, فل, فك. For للحسكة it is ل (the
    /// span starts at the article's ل).
    pub proclitic: &'static str,
    /// The place chosen.
    pub place: Arc<Place>,
    /// How sure: 1.0 for a name that is never a common word; the evidence
    /// score (0.6 to 1.0) for one that is.
    pub score: f32,
    /// The other places that share the name, best first.
    pub alternatives: Vec<Arc<Place>>,
}

impl Gazetteer {
    /// The built-in gazetteer (built once per process, then shared).
    pub fn builtin() -> Gazetteer {
        static BUILTIN: OnceLock<Gazetteer> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                Gazetteer::from_csv_with(BUILTIN_CSV, "built-in places.csv", Some(BUILTIN_KEYS))
                    .expect("the built-in gazetteer is valid (tested)")
            })
            .clone()
    }

    /// A gazetteer from CSV text; `source` names the file in errors.
    ///
    /// Columns (by name, in any order): `id` (or `pcode`), and at least one
    /// of `name_ar`, `name_en`, `names` (|-separated, each name optionally
    /// with flags: `الطبقة~strong`); optional `level`, `admin1`..`admin3`
    /// (or `admin1_pcode`..), `lat`, `lon`, `prior`. Other columns are
    /// ignored.
    pub fn from_csv_str(text: &str, source: &str) -> Result<Gazetteer> {
        Gazetteer::from_csv_with(text, source, None)
    }

    /// As [`Gazetteer::from_csv_str`], with the precomputed key table of
    /// the built-in data.
    fn from_csv_with(text: &str, source: &str, builtin: Option<&[u8]>) -> Result<Gazetteer> {
        let (lines, records): (Vec<usize>, Vec<Record>) =
            csv::read_records(text, source)?.into_iter().unzip();
        let loc = |i: usize| format!("{source}, line {}", lines[i]);
        Gazetteer::build(records, &loc, builtin)
    }

    /// A gazetteer from a CSV file.
    pub fn from_csv_path(path: &std::path::Path) -> Result<Gazetteer> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::io(format!("cannot read {}: {e}", path.display())))?;
        Gazetteer::from_csv_str(&text, &path.display().to_string())
    }

    /// A gazetteer from records; errors name the record by its index.
    pub fn from_records(records: Vec<Record>) -> Result<Gazetteer> {
        Gazetteer::build(records, &|i| format!("records[{i}]"), None)
    }

    /// Builds a gazetteer; `builtin` is the precomputed key table, for the
    /// built-in data only.
    fn build(
        records: Vec<Record>,
        loc: &dyn Fn(usize) -> String,
        builtin: Option<&[u8]>,
    ) -> Result<Gazetteer> {
        let normalizer = Normalizer::from_profile(Profile::Search);
        let records::Places { places, by_id } = records::places(records, loc)?;
        let table = match builtin {
            Some(bytes) => {
                table::KeyTable::decode(bytes, table::fingerprint(BUILTIN_CSV), places.len())
            }
            None => None,
        }
        .unwrap_or_else(|| table::KeyTable::from_places(&places, &normalizer));
        Ok(Gazetteer {
            inner: Arc::new(Inner::new(places, by_id, table, normalizer)),
        })
    }

    /// The number of places.
    pub fn len(&self) -> usize {
        self.inner.places.len()
    }

    /// Whether the gazetteer has no place.
    pub fn is_empty(&self) -> bool {
        self.inner.places.is_empty()
    }

    /// Every place, in the order of the source.
    pub fn places(&self) -> &[Arc<Place>] {
        &self.inner.places
    }

    /// The index in [`Gazetteer::places`] of the place with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.inner.by_id.get(id.trim()).map(|&i| i as usize)
    }

    /// The place with this id.
    pub fn get(&self, id: &str) -> Option<&Arc<Place>> {
        self.inner
            .by_id
            .get(id.trim())
            .map(|&i| &self.inner.places[i as usize])
    }

    /// The places with this name (any of its forms: ديرالزور, Deir Ezzor),
    /// higher levels and better-known places first.
    pub fn search(&self, name: &str) -> Vec<Arc<Place>> {
        let mut found: Vec<u32> = Vec::new();
        for k in keys::keys(name, &self.inner.normalizer) {
            if k.lam_elided {
                continue;
            }
            let mut node = Some(Trie::ROOT);
            for &c in &k.chars {
                node = node.and_then(|n| self.inner.trie.step(n, c as u32));
            }
            if let Some(v) = node.and_then(|n| self.inner.trie.value(n)) {
                for e in self.inner.entries(v) {
                    if !e.lam_elided && !found.contains(&e.place) {
                        found.push(e.place);
                    }
                }
            }
        }
        let places = &self.inner.places;
        found.sort_by(|&a, &b| {
            let (pa, pb) = (&places[a as usize], &places[b as usize]);
            pa.level
                .cmp(&pb.level)
                .then(pb.prior.total_cmp(&pa.prior))
                .then(a.cmp(&b))
        });
        found
            .into_iter()
            .map(|i| Arc::clone(&places[i as usize]))
            .collect()
    }

    /// Finds the places in a text.
    pub fn find(&self, text: &str) -> Vec<Match> {
        let chars: Vec<char> = text.chars().collect();
        self.find_chars(&chars)
    }

    /// Finds the places in a text given as chars; spans are char indices.
    pub fn find_chars(&self, text: &[char]) -> Vec<Match> {
        let mut hits = Hits::default();
        self.find_units(text, &mut hits);
        self.matches(text, &hits)
    }

    /// The [`Match`]es of `hits`, found in `text`.
    fn matches(&self, text: &[char], hits: &Hits) -> Vec<Match> {
        let places = &self.inner.places;
        hits.hits
            .iter()
            .map(|h| Match {
                start: h.start,
                end: h.end,
                text: text[h.start..h.end].iter().collect(),
                proclitic: h.proclitic(),
                place: Arc::clone(&places[h.place as usize]),
                score: h.score,
                alternatives: hits
                    .alternatives_of(h)
                    .iter()
                    .map(|&i| Arc::clone(&places[i as usize]))
                    .collect(),
            })
            .collect()
    }

    /// Finds the places in a text given as code units of any width (one
    /// unit per code point: a CPython string's own buffer, or `char`s), and
    /// appends them to `out`. Spans are unit indices.
    ///
    /// The text's length must fit in a `u32` (offsets are stored in 32
    /// bits); longer texts find nothing.
    pub fn find_units<T: CodeUnit>(&self, text: &[T], out: &mut Hits) {
        if text.is_empty() || u32::try_from(text.len()).is_err() {
            return;
        }
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => {
                self.find_with(text, &mut scratch, out);
                scratch.trim();
            }
            // Only if a caller re-entered from inside a find (it cannot).
            Err(_) => self.find_with(text, &mut Scratch::default(), out),
        });
    }

    fn find_with<T: CodeUnit>(&self, text: &[T], scratch: &mut Scratch, out: &mut Hits) {
        let g = &*self.inner;
        let mut cands = std::mem::take(&mut scratch.cands);
        cands.clear();
        let mut rs = std::mem::take(&mut scratch.resolve);
        let mut local = Vec::new();
        let norm = scratch.buffer::<T>().unwrap_or(&mut local);
        norm.clear();
        let res = g.normalizer.normalize_into(text, norm, true);
        let al = res
            .alignment
            .unwrap_or_else(|| crate::normalize::Alignment::identity(text.len()));
        let first = out.hits.len();
        match &res.wide {
            // The output does not fit the input's width (see
            // `Normalizer::normalize_units`): scan the wide copy.
            Some(wide) => g.scan_resolve(wide, text, &al, &mut cands, &mut rs, out),
            // Changed or not, the buffer holds the normalized text.
            None => g.scan_resolve(norm, text, &al, &mut cands, &mut rs, out),
        }
        // From normalized positions to the original text's.
        let mut kept = first;
        for k in first..out.hits.len() {
            let h = out.hits[k].clone();
            if let Some((start, mut end)) = al.to_original(h.start, h.end) {
                // The alignment is tight; the vowel marks on the last letter
                // belong to the name (دَيْرِ الزُّوْرِ).
                while end < text.len() && is_trailing_mark(text[end].get()) {
                    end += 1;
                }
                out.hits[kept] = Hit { start, end, ..h };
                kept += 1;
            }
        }
        out.hits.truncate(kept);
        scratch.cands = cands;
        scratch.resolve = rs;
    }

    /// Finds the places in many texts, on `threads` threads, in order.
    pub fn find_batch(&self, texts: &[&[char]], threads: usize) -> Vec<Vec<Match>> {
        crate::parallel::map(texts, threads, |t| self.find_chars(t))
    }

    /// The gazetteer as CSV text that [`Gazetteer::from_csv_str`] reads back
    /// into an equal gazetteer (what pickling uses).
    pub fn to_csv_string(&self) -> String {
        fn field(s: &str) -> String {
            if s.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", s.replace('"', "\"\""))
            } else {
                s.to_owned()
            }
        }
        let mut out =
            String::from("id,level,name_ar,name_en,admin1,admin2,admin3,lat,lon,prior,names\n");
        for p in self.places() {
            let names: Vec<String> = p
                .names
                .iter()
                .map(|n| {
                    let mut s = n.text.clone();
                    if n.ambiguity != Ambiguity::None || !n.no_clitic.is_empty() {
                        s.push('~');
                        s.push_str(n.ambiguity.name());
                    }
                    if !n.no_clitic.is_empty() {
                        s.push_str("~noclitic=");
                        s.push_str(&n.no_clitic.join(","));
                    }
                    s
                })
                .collect();
            let num = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
            let row = [
                field(&p.id),
                p.level.name().to_owned(),
                field(&p.name_ar),
                field(&p.name_en),
                field(p.admin_id(1).unwrap_or("")),
                field(p.admin_id(2).unwrap_or("")),
                field(p.admin_id(3).unwrap_or("")),
                num(p.lat),
                num(p.lon),
                p.prior.to_string(),
                field(&names.join("|")),
            ];
            out.push_str(&row.join(","));
            out.push('\n');
        }
        out
    }

    /// Size of the matcher: (trie nodes, keys, heap bytes of the trie).
    pub fn stats(&self) -> (usize, usize, usize) {
        (
            self.inner.trie.len(),
            self.inner.keys.len(),
            self.inner.trie.heap_bytes(),
        )
    }
}

/// Marks that the `search` profile deletes and that belong to the letter
/// before them: harakat, Quranic marks, combining diacritics, tatweel.
fn is_trailing_mark(u: u32) -> bool {
    matches!(u, 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0640 | 0x0300..=0x036F)
}

/// The static proclitic string equal to `s` (for rebuilding a [`Match`]).
pub fn proclitic_str(s: &str) -> Option<&'static str> {
    scan::clitic_index(s).map(|i| scan::CLITICS[i])
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Gazetteer({} places)", self.len())
    }
}

#[cfg(test)]
mod tests;
