//! Site templates: lines that recur across many pages of one site.
//!
//! CCNet removes every line seen twice in a shard; that also deletes agency
//! paragraphs that several sites syndicate. Here counts are kept per site
//! (the caller says which page is from which site, e.g. its host), each
//! page counts a line once, and a line is template only when it recurs on
//! at least `min_pages` pages and a `min_share` of the site's pages. Lines
//! that read as paragraphs need far more (`prose_share`): a site may reuse a
//! background paragraph in a few articles without it becoming chrome.
//! Pages of one site with the same paragraphs (one article crawled several
//! times) count once, so an article's own headline and subheadings never
//! become its site's template.
//!
//! Lines are keyed by the 64-bit hash of their folded key (furat's own
//! `line_hash`, so it never changes with a dependency), so
//! spelling variants of one template line count together; only hashes that
//! pass the thresholds are kept, so the state stays small.

use super::Options;
use super::features::{self, Prose};
use crate::error::{Error, Result};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;

/// Thresholds of template learning.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TemplateParams {
    /// A template line is on at least this many pages of its site.
    pub min_pages: u32,
    /// ... and on at least this share of them.
    pub min_share: f64,
    /// A paragraph-like line needs this share of the site's pages.
    pub prose_share: f64,
}

impl Default for TemplateParams {
    fn default() -> Self {
        TemplateParams {
            min_pages: 3,
            min_share: 0.05,
            prose_share: 0.5,
        }
    }
}

impl TemplateParams {
    fn check(&self) -> Result<()> {
        if self.min_pages < 2 {
            return Err(Error::invalid_option("min_pages must be at least 2"));
        }
        for (name, v) in [
            ("min_share", self.min_share),
            ("prose_share", self.prose_share),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return Err(Error::invalid_option(format!(
                    "{name} must be between 0 and 1, got {v}"
                )));
            }
        }
        Ok(())
    }
}

/// The template lines of one site.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SiteTemplates {
    pages: u32,
    lines: FxHashMap<u64, u32>,
}

impl SiteTemplates {
    /// (pages with the line, pages of the site) for a template line.
    pub(crate) fn get(&self, hash: u64) -> Option<(u32, u32)> {
        self.lines.get(&hash).map(|&c| (c, self.pages))
    }

    /// Pages the site was learned from.
    pub fn pages(&self) -> u32 {
        self.pages
    }

    /// Number of template lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// No template lines.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

/// Learned site templates: immutable once built.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Templates {
    params: TemplateParams,
    sites: BTreeMap<String, SiteTemplates>,
}

const MAGIC: &[u8; 8] = b"FURATBP\0";
/// Version of the saved format; `from_bytes` refuses others.
pub(crate) const FORMAT_VERSION: u32 = 1;

impl Templates {
    /// Learns templates from pages; `sites[i]` names the site of `texts[i]`
    /// (all pages are one site when `sites` is `None`).
    pub fn fit(
        texts: &[&str],
        sites: Option<&[&str]>,
        params: TemplateParams,
        threads: usize,
    ) -> Result<Templates> {
        params.check()?;
        if let Some(s) = sites {
            if s.len() != texts.len() {
                return Err(Error::invalid_input(format!(
                    "sites has {} items but texts has {}; give one site per text",
                    s.len(),
                    texts.len()
                )));
            }
        }
        let per_page: Vec<(u64, Vec<(u64, bool)>)> =
            crate::parallel::map(texts, threads, |t| page_lines(t));
        // Per site: pages, and per line hash (pages with it, reads as prose).
        type Counts = (u32, FxHashMap<u64, (u32, bool)>);
        let mut counts: BTreeMap<&str, Counts> = BTreeMap::new();
        // A crawl often holds one article several times; its headline and
        // subheadings must not become "template" by repetition, so a site's
        // pages with the same main paragraph count once.
        let mut seen: FxHashSet<(&str, u64)> = FxHashSet::default();
        for (i, (fingerprint, lines)) in per_page.iter().enumerate() {
            let site = sites.map_or("", |s| s[i]);
            let entry = counts.entry(site).or_default();
            if !seen.insert((site, *fingerprint)) {
                continue;
            }
            entry.0 += 1;
            for &(h, prose) in lines {
                let c = entry.1.entry(h).or_insert((0, false));
                c.0 += 1;
                c.1 |= prose;
            }
        }
        let mut out = Templates {
            params,
            sites: BTreeMap::new(),
        };
        for (site, (pages, lines)) in counts {
            let keep = |&(count, prose): &(u32, bool)| {
                let share = count as f64 / pages as f64;
                count >= params.min_pages
                    && share >= params.min_share
                    && (!prose || share >= params.prose_share)
            };
            let lines: FxHashMap<u64, u32> = lines
                .into_iter()
                .filter(|(_, c)| keep(c))
                .map(|(h, c)| (h, c.0))
                .collect();
            out.sites
                .insert(site.to_owned(), SiteTemplates { pages, lines });
        }
        Ok(out)
    }

    /// The thresholds used.
    pub fn params(&self) -> TemplateParams {
        self.params
    }

    /// The templates of a site.
    pub fn site(&self, site: &str) -> Option<&SiteTemplates> {
        self.sites.get(site)
    }

    /// The sites, in order, with their templates.
    pub fn sites(&self) -> impl Iterator<Item = (&str, &SiteTemplates)> {
        self.sites.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Cleans a page of `site` (no templates when the site is unknown).
    pub fn clean(&self, text: &str, site: &str, options: &Options) -> super::Article {
        let chars: Vec<char> = text.chars().collect();
        super::clean_chars(&chars, options, self.site(site))
    }

    /// The saved form: magic, version, thresholds, then per site its name,
    /// pages and (hash, count) pairs, then a checksum of all of it.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        b.extend_from_slice(&self.params.min_pages.to_le_bytes());
        b.extend_from_slice(&self.params.min_share.to_le_bytes());
        b.extend_from_slice(&self.params.prose_share.to_le_bytes());
        b.extend_from_slice(&(self.sites.len() as u32).to_le_bytes());
        for (name, site) in &self.sites {
            b.extend_from_slice(&(name.len() as u32).to_le_bytes());
            b.extend_from_slice(name.as_bytes());
            b.extend_from_slice(&site.pages.to_le_bytes());
            let mut lines: Vec<(u64, u32)> = site.lines.iter().map(|(&h, &c)| (h, c)).collect();
            lines.sort_unstable();
            b.extend_from_slice(&(lines.len() as u32).to_le_bytes());
            for (h, c) in lines {
                b.extend_from_slice(&h.to_le_bytes());
                b.extend_from_slice(&c.to_le_bytes());
            }
        }
        let sum = checksum(&b);
        b.extend_from_slice(&sum.to_le_bytes());
        b
    }

    /// Reads [`Templates::to_bytes`] output; anything else is an
    /// `InvalidData` error that says what is wrong.
    pub fn from_bytes(b: &[u8]) -> Result<Templates> {
        let bad =
            |what: &str| Error::invalid_data(format!("not a valid furat Cleaner state: {what}"));
        if b.len() < MAGIC.len() + 12 || &b[..8] != MAGIC {
            return Err(bad("missing the FURATBP header"));
        }
        let (body, tail) = b.split_at(b.len() - 8);
        let stored = u64::from_le_bytes(tail.try_into().map_err(|_| bad("truncated"))?);
        let mut r = Reader { b: body, pos: 8 };
        let version = r.u32().ok_or_else(|| bad("truncated"))?;
        if version != FORMAT_VERSION {
            return Err(Error::invalid_data(format!(
                "Cleaner state has format version {version}; this furat reads version {FORMAT_VERSION}"
            )));
        }
        if checksum(body) != stored {
            return Err(bad("checksum mismatch (the file is corrupt or truncated)"));
        }
        let parse = || -> Option<Templates> {
            let mut r = Reader { b: body, pos: 12 };
            let params = TemplateParams {
                min_pages: r.u32()?,
                min_share: r.f64()?,
                prose_share: r.f64()?,
            };
            let n_sites = r.u32()? as usize;
            let mut sites = BTreeMap::new();
            for _ in 0..n_sites {
                let len = r.u32()? as usize;
                let name = std::str::from_utf8(r.take(len)?).ok()?.to_owned();
                let pages = r.u32()?;
                let n = r.u32()? as usize;
                if n > r.remaining() / 12 {
                    return None;
                }
                let mut lines = FxHashMap::default();
                lines.reserve(n);
                for _ in 0..n {
                    let h = r.u64()?;
                    lines.insert(h, r.u32()?);
                }
                sites.insert(name, SiteTemplates { pages, lines });
            }
            (r.remaining() == 0).then_some(Templates { params, sites })
        };
        let t = parse().ok_or_else(|| bad("malformed contents"))?;
        t.params.check().map_err(|e| bad(e.message()))?;
        Ok(t)
    }

    /// Writes the saved form to a file.
    pub fn save(&self, path: &std::path::Path) -> Result<()> {
        std::fs::write(path, self.to_bytes())
            .map_err(|e| Error::io(format!("cannot write {}: {e}", path.display())))
    }

    /// Reads a file written by [`Templates::save`].
    pub fn load(path: &std::path::Path) -> Result<Templates> {
        let b = std::fs::read(path)
            .map_err(|e| Error::io(format!("cannot read {}: {e}", path.display())))?;
        Templates::from_bytes(&b)
            .map_err(|e| Error::invalid_data(format!("{}: {}", path.display(), e.message())))
    }
}

/// A page's fingerprint and its distinct non-blank lines: (hash, reads as a
/// paragraph).
fn page_lines(text: &str) -> (u64, Vec<(u64, bool)>) {
    let chars: Vec<char> = text.chars().collect();
    let doc = features::analyse(&chars, &Options::default(), None);
    let mut seen = FxHashSet::default();
    let lines: Vec<(u64, bool)> = doc
        .lines
        .iter()
        .filter(|l| !l.blank && seen.insert(l.hash))
        .map(|l| (l.hash, l.prose == Prose::Anchor || l.words >= 25))
        .collect();
    // The page's fingerprint: its paragraphs together (all its lines when
    // it has none). A re-crawl of an article has the same paragraphs around
    // other chrome; another article of the site shares at most some.
    let mut fingerprint = lines
        .iter()
        .filter(|l| l.1)
        .fold(0u64, |h, l| h.wrapping_add(l.0));
    if fingerprint == 0 {
        fingerprint = lines.iter().fold(0u64, |h, l| h.wrapping_add(l.0));
    }
    (fingerprint, lines)
}

fn checksum(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &x in b {
        h ^= x as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.b.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn f64(&mut self) -> Option<f64> {
        Some(f64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn remaining(&self) -> usize {
        self.b.len() - self.pos
    }
}
