//! The key table: every distinct key, sorted, with the places it stands
//! for. Everything the matcher looks up is built from it (the trie, the
//! first-token filter, the flags of each key).
//!
//! Making it means normalizing every name and spelling out its variants
//! (some 76,000 keys for the built-in gazetteer), which was most of the
//! time it took to build. So the built-in gazetteer ships its table
//! precomputed (`data/gazetteer/keys.bin`, a compact binary form written by
//! [`KeyTable::encode`]) and reads it back in a few milliseconds. It is
//! only used when it was made from the very `places.csv` compiled in (its
//! fingerprint says so); otherwise the table is made from the names, as for
//! any user's gazetteer. A test checks that the shipped file equals what the
//! current code and normalizer make (`make gazetteer-table` rewrites it),
//! so the two cannot drift apart.

use super::KeyEntry;
use super::keys;
use super::place::{Ambiguity, Place};
use super::scan;
use crate::normalize::Normalizer;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// The distinct keys of a gazetteer, sorted, and their entries.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct KeyTable {
    /// Every key's characters, one after the other, in sorted order.
    chars: Vec<char>,
    /// Key `k` is `chars[ends[k - 1]..ends[k]]` (`0` for `k == 0`).
    ends: Vec<u32>,
    /// Whether key `k` is a Latin name's.
    pub(crate) latin: Vec<bool>,
    /// Key `k`'s entries are `entries[firsts[k]..firsts[k + 1]]`.
    pub(crate) firsts: Vec<u32>,
    pub(crate) entries: Vec<KeyEntry>,
}

impl KeyTable {
    /// The number of keys.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The characters of key `k`.
    pub(crate) fn key(&self, k: usize) -> &[char] {
        let start = if k == 0 { 0 } else { self.ends[k - 1] as usize };
        &self.chars[start..self.ends[k] as usize]
    }

    /// The index of the key `chars`, if there is one.
    pub(crate) fn position(&self, chars: &[char]) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.key(mid).cmp(chars) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// Every key, in order.
    pub(crate) fn keys(&self) -> impl ExactSizeIterator<Item = &[char]> + '_ {
        (0..self.len()).map(|k| self.key(k))
    }

    /// The table of `places`' names: every name normalized and spelled out
    /// in its variants (`keys.rs`), equal keys merged.
    pub(crate) fn from_places(places: &[Arc<Place>], normalizer: &Normalizer) -> KeyTable {
        /// One key of one name of one place, before keys are merged.
        struct RawKey {
            start: u32,
            len: u32,
            entry: KeyEntry,
            latin: bool,
        }
        // Every variant of every name, in one arena.
        let mut arena: Vec<char> = Vec::new();
        let mut raw: Vec<RawKey> = Vec::new();
        // Admin units share their names with their centre towns: each name
        // is turned into keys once.
        let mut by_name: FxHashMap<&str, Vec<keys::Key>> = FxHashMap::default();
        for (pi, p) in places.iter().enumerate() {
            for name in &p.names {
                let mut no_clitic = 0u16;
                for c in &name.no_clitic {
                    if let Some(i) = scan::clitic_index(&normalizer.normalize(c)) {
                        no_clitic |= 1 << i;
                    }
                }
                let name_keys = by_name
                    .entry(name.text.as_str())
                    .or_insert_with(|| keys::keys(&name.text, normalizer));
                for k in name_keys.iter() {
                    raw.push(RawKey {
                        start: arena.len() as u32,
                        len: k.chars.len() as u32,
                        entry: KeyEntry {
                            place: pi as u32,
                            ambiguity: name.ambiguity,
                            lam_elided: k.lam_elided,
                            no_clitic,
                        },
                        latin: k.latin,
                    });
                    arena.extend_from_slice(&k.chars);
                }
            }
        }
        let text = |r: &RawKey| &arena[r.start as usize..(r.start + r.len) as usize];
        // Distinct keys, in first-seen order.
        let mut index: FxHashMap<&[char], u32> = FxHashMap::default();
        let mut key_of: Vec<u32> = Vec::with_capacity(raw.len());
        let mut distinct: Vec<&[char]> = Vec::new();
        let mut latin: Vec<bool> = Vec::new();
        for r in &raw {
            let chars = text(r);
            let id = *index.entry(chars).or_insert_with(|| {
                distinct.push(chars);
                latin.push(r.latin);
                (distinct.len() - 1) as u32
            });
            key_of.push(id);
        }
        // Entries grouped by key (a counting sort, stable: an entry's place
        // in its group is a tie-break in the resolver).
        let mut count = vec![0u32; distinct.len() + 1];
        for &k in &key_of {
            count[k as usize + 1] += 1;
        }
        for i in 1..count.len() {
            count[i] += count[i - 1];
        }
        let mut slots = count.clone();
        let mut grouped: Vec<KeyEntry> = Vec::with_capacity(raw.len());
        grouped.resize(raw.len(), KeyEntry::default());
        for (r, &k) in raw.iter().zip(&key_of) {
            grouped[slots[k as usize] as usize] = r.entry;
            slots[k as usize] += 1;
        }
        // Keys in sorted order (what the trie is built from), each with its
        // entries merged per place.
        let mut table = KeyTable::default();
        table.firsts.push(0);
        for k in sorted_order(&distinct) {
            let k = k as usize;
            table.chars.extend_from_slice(distinct[k]);
            table.ends.push(table.chars.len() as u32);
            table.latin.push(latin[k]);
            let first = table.entries.len();
            for e in &grouped[count[k] as usize..count[k + 1] as usize] {
                match table.entries[first..]
                    .iter_mut()
                    .find(|x| x.place == e.place && x.lam_elided == e.lam_elided)
                {
                    Some(x) => {
                        x.ambiguity = x.ambiguity.min(e.ambiguity);
                        x.no_clitic &= e.no_clitic;
                    }
                    None => table.entries.push(*e),
                }
            }
            table.firsts.push(table.entries.len() as u32);
        }
        table
    }

    /// The table in its compact binary form, marked with `fingerprint` (of
    /// the data it was made from). Only the test that writes and checks the
    /// shipped table needs it.
    #[cfg(test)]
    pub(crate) fn encode(&self, fingerprint: u64) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.chars.len() + self.entries.len() * 3);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&fingerprint.to_le_bytes());
        put(&mut out, self.len() as u32);
        let mut prev: &[char] = &[];
        for k in 0..self.len() {
            let key = self.key(k);
            // Front coding: sorted keys share long prefixes.
            let shared = prev.iter().zip(key).take_while(|(a, b)| a == b).count();
            put(&mut out, shared as u32);
            put(&mut out, (key.len() - shared) as u32);
            for &c in &key[shared..] {
                put(&mut out, c as u32);
            }
            let entries = &self.entries[self.firsts[k] as usize..self.firsts[k + 1] as usize];
            put(
                &mut out,
                entries.len() as u32 * 2 + u32::from(self.latin[k]),
            );
            for e in entries {
                put(&mut out, e.place);
                let flags = e.ambiguity as u32
                    | u32::from(e.lam_elided) << 2
                    | u32::from(e.no_clitic != 0) << 3;
                out.push(flags as u8);
                if e.no_clitic != 0 {
                    put(&mut out, u32::from(e.no_clitic));
                }
            }
            prev = key;
        }
        out
    }

    /// Reads back [`KeyTable::encode`]'s output, if it carries
    /// `fingerprint` and is well formed for a gazetteer of `places` places
    /// (anything else gives `None`, and the caller makes the table anew).
    pub(crate) fn decode(bytes: &[u8], fingerprint: u64, places: usize) -> Option<KeyTable> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let (fp, rest) = rest.split_first_chunk::<8>()?;
        if u64::from_le_bytes(*fp) != fingerprint {
            return None;
        }
        let mut r = Reader { bytes: rest };
        let n = r.get()? as usize;
        let mut t = KeyTable {
            chars: Vec::with_capacity(n * 12),
            ends: Vec::with_capacity(n),
            latin: Vec::with_capacity(n),
            firsts: Vec::with_capacity(n + 1),
            entries: Vec::with_capacity(n * 3 / 2),
        };
        t.firsts.push(0);
        let mut prev_start = 0usize;
        for _ in 0..n {
            let shared = r.get()? as usize;
            let more = r.get()? as usize;
            let start = t.chars.len();
            if shared > start - prev_start || more == 0 {
                return None;
            }
            t.chars.extend_from_within(prev_start..prev_start + shared);
            for _ in 0..more {
                t.chars.push(char::from_u32(r.get()?)?);
            }
            t.ends.push(u32::try_from(t.chars.len()).ok()?);
            prev_start = start;
            let head = r.get()?;
            t.latin.push(head & 1 == 1);
            for _ in 0..head / 2 {
                let place = r.get()?;
                let flags = r.byte()?;
                if place as usize >= places || flags >> 4 != 0 {
                    return None;
                }
                let no_clitic = if flags & 8 != 0 {
                    u16::try_from(r.get()?).ok()?
                } else {
                    0
                };
                t.entries.push(KeyEntry {
                    place,
                    ambiguity: Ambiguity::ALL[(flags & 3) as usize],
                    lam_elided: flags & 4 != 0,
                    no_clitic,
                });
            }
            if t.entries.len() == *t.firsts.last()? as usize {
                return None; // a key with no entry
            }
            t.firsts.push(u32::try_from(t.entries.len()).ok()?);
        }
        // Sorted and distinct, or the trie would not be what was encoded.
        if !r.bytes.is_empty() || !(1..t.len()).all(|k| t.key(k - 1) < t.key(k)) {
            return None;
        }
        Some(t)
    }
}

/// The start of an encoded table (and its format's version).
const MAGIC: &[u8; 8] = b"FURATK01";

/// A fingerprint of the data a table is made from (FNV-1a over 8-byte
/// words): stable across platforms and builds, unlike `std`'s hashers.
pub(crate) fn fingerprint(data: &str) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    let mut words = data.as_bytes().chunks_exact(8);
    for w in &mut words {
        let w: [u8; 8] = w.try_into().unwrap_or_default();
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(0x0000_0100_0000_01B3);
    }
    for &b in words.remainder() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3);
    }
    h ^ data.len() as u64
}

/// `keys` in sorted order (as indices). Sorted by the first four
/// characters packed in an integer, then by the whole key within runs that
/// share them: integer compares do most of the work.
fn sorted_order(keys: &[&[char]]) -> Vec<u32> {
    let prefix = |k: &[char]| -> u128 {
        (0..4).fold(0u128, |acc, i| {
            acc << 32 | k.get(i).map_or(0, |&c| c as u128)
        })
    };
    let mut packed: Vec<(u128, u32)> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| (prefix(k), i as u32))
        .collect();
    packed.sort_unstable();
    let mut order: Vec<u32> = packed.iter().map(|p| p.1).collect();
    let mut i = 0;
    while i < packed.len() {
        let mut j = i + 1;
        while j < packed.len() && packed[j].0 == packed[i].0 {
            j += 1;
        }
        if j - i > 1 {
            order[i..j].sort_unstable_by(|&a, &b| keys[a as usize].cmp(keys[b as usize]));
        }
        i = j;
    }
    order
}

/// Appends `v` as a LEB128 varint.
#[cfg(test)]
fn put(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(b)
    }

    /// A LEB128 varint of at most 32 bits.
    fn get(&mut self) -> Option<u32> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            v |= u32::from(b & 0x7F).checked_shl(shift)?;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;

    #[test]
    fn encode_decode_round_trip() {
        let csv = "id,name_ar,name_en,names\n\
                   A,الحسكة,Al-Hasakah,ورد~weak~noclitic=و\n\
                   B,دير الزور,Deir ez-Zor,\n\
                   C,حسكة,Hasakah,الحسكة~strong\n";
        let g = Gazetteer::from_csv_str(csv, "t.csv").unwrap();
        let n = Normalizer::from_profile(crate::normalize::Profile::Search);
        let t = KeyTable::from_places(g.places(), &n);
        assert!(t.len() > 10);
        assert!((1..t.len()).all(|k| t.key(k - 1) < t.key(k)));
        let bytes = t.encode(42);
        assert_eq!(KeyTable::decode(&bytes, 42, 3), Some(t));
        // Another fingerprint, too few places, any damage: not used.
        assert_eq!(KeyTable::decode(&bytes, 43, 3), None);
        assert_eq!(KeyTable::decode(&bytes, 42, 2), None);
        for cut in [0, 9, 16, bytes.len() / 2, bytes.len() - 1] {
            assert_eq!(KeyTable::decode(&bytes[..cut], 42, 3), None, "{cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(KeyTable::decode(&longer, 42, 3), None);
    }

    #[test]
    fn fingerprints_differ() {
        assert_ne!(fingerprint("id,name\nA,x\n"), fingerprint("id,name\nA,y\n"));
        assert_ne!(fingerprint(""), fingerprint("\0"));
    }
}
