//! One call from a scraped page to its article and the places it mentions.
//!
//! [`process_chars`] cleans the page with the boilerplate stripper
//! ([`crate::boilerplate`], optionally with the site's templates), then finds
//! places ([`crate::gazetteer`]) in the headline and the body *as one
//! document*: the title line and the content lines, each trimmed as
//! `Article::title` and `Article::body` trim them, joined with `\n`, which is
//! exactly `title + "\n" + body` in Python terms.
//!
//! Why one document, and why only the article:
//!
//! * the gazetteer weighs evidence across the whole text it is given (an
//!   ambiguous village name counts when a place of the same governorate is
//!   named elsewhere), so the headline and every paragraph must be seen
//!   together, not line by line;
//! * boilerplate must never lend evidence nor yield a mention: a menu entry
//!   "دير الزور", a related headline about Raqqa or a ticker would otherwise
//!   geotag an article that is about neither.
//!
//! The document is a copy of those slices of the page; each mention found
//! in it is mapped back to the page ([`Document::to_page`]), so spans index
//! the caller's text (in `char`s, which are Python `str` indices) and the
//! surface is the page's own characters. A line break separates the slices
//! and the gazetteer never lets a multi-word name run across one, so a
//! mention always lies inside one slice; each says whether that slice is
//! the title or the body.
//!
//! ```
//! use _furat::boilerplate::Options;
//! use _furat::gazetteer::Gazetteer;
//! use _furat::process::{Part, process};
//!
//! let page = "الرئيسية\nقصف على بلدة هجين - موقع المثال\n\
//!             قال مصدر محلي إن القصف استهدف بلدة هجين في ريف دير الزور الشرقي.\n\
//!             مقالات ذات صلة\nتعزيزات إلى الرقة";
//! let out = process(page, &Options::default(), &Gazetteer::builtin());
//! let found: Vec<(&str, Part)> = out.places.iter().map(|m| (m.found.text.as_str(), m.part)).collect();
//! assert_eq!(found, [("هجين", Part::Title), ("هجين", Part::Body), ("دير الزور", Part::Body)]);
//! // الرقة is in a related headline: boilerplate, not a mention.
//! ```

use crate::boilerplate::{self, Article, Label, Options, SiteTemplates};
use crate::gazetteer::{Gazetteer, Match};
use std::fmt;

/// Where in the article a mention lies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// The headline line.
    Title,
    /// A content line (a paragraph or a subheading).
    Body,
}

impl Part {
    /// The part's name, as Python spells it.
    pub fn name(self) -> &'static str {
        match self {
            Part::Title => "title",
            Part::Body => "body",
        }
    }

    /// Parses a part name.
    pub fn parse(name: &str) -> Option<Part> {
        match name {
            "title" => Some(Part::Title),
            "body" => Some(Part::Body),
            _ => None,
        }
    }
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A place mention of a processed page.
#[derive(Clone, Debug)]
pub struct Mention {
    /// The match, its span (`start`, `end`) in the page's characters and
    /// its surface the page's own characters there.
    pub found: Match,
    /// The title or the body.
    pub part: Part,
}

/// A processed page: the cleaned article and the places of its title and
/// body, in page order.
#[derive(Clone, Debug, Default)]
pub struct Processed {
    /// The cleaned article (line spans index the page).
    pub article: Article,
    /// The mentions, in page order.
    pub places: Vec<Mention>,
}

/// One slice of the page in the document.
#[derive(Clone, Copy, Debug)]
struct Segment {
    /// Where the slice starts in the document.
    doc_start: usize,
    /// Where it starts in the page.
    page_start: usize,
    len: usize,
    part: Part,
}

/// The article's text as the gazetteer sees it: the trimmed title line and
/// content lines of the page, joined with `\n`, and where each came from.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// The text: `title + "\n" + body` (either alone when the other is
    /// missing).
    pub chars: Vec<char>,
    segments: Vec<Segment>,
}

impl Document {
    /// The document of a cleaned page.
    pub fn new(page: &[char], article: &Article) -> Document {
        let slices = article.lines.iter().filter_map(|l| {
            let part = match l.label {
                Label::Title => Part::Title,
                Label::Content => Part::Body,
                _ => return None,
            };
            let (s, e) = boilerplate::trim_range(&page[l.start..l.end]);
            Some((l.start + s, e - s, part))
        });
        let mut doc = Document::default();
        // The title first, wherever its line is: `title + "\n" + body`.
        let title = article.title_index().map(|i| &article.lines[i]);
        let (titles, bodies): (Vec<_>, Vec<_>) = slices.partition(|s| s.2 == Part::Title);
        debug_assert!(titles.len() <= usize::from(title.is_some()));
        for (page_start, len, part) in titles.into_iter().take(1).chain(bodies) {
            if !doc.segments.is_empty() {
                doc.chars.push('\n');
            }
            doc.segments.push(Segment {
                doc_start: doc.chars.len(),
                page_start,
                len,
                part,
            });
            doc.chars
                .extend_from_slice(&page[page_start..page_start + len]);
        }
        doc
    }

    /// Maps a span of the document to the page, with the part it lies in;
    /// `None` for a span that is not inside one slice.
    pub fn to_page(&self, start: usize, end: usize) -> Option<(usize, usize, Part)> {
        // The last segment starting at or before `start`.
        let i = self
            .segments
            .partition_point(|s| s.doc_start <= start)
            .checked_sub(1)?;
        let s = &self.segments[i];
        (end >= start && end <= s.doc_start + s.len).then(|| {
            let offset = s.page_start - s.doc_start;
            (start + offset, end + offset, s.part)
        })
    }
}

/// The places of a cleaned page's title and body, spans in the page.
pub fn places_in(page: &[char], article: &Article, gazetteer: &Gazetteer) -> Vec<Mention> {
    let doc = Document::new(page, article);
    if doc.chars.is_empty() {
        return Vec::new();
    }
    gazetteer
        .find_chars(&doc.chars)
        .into_iter()
        .filter_map(|mut m| {
            // Always inside one slice (see the module docs); a mention that
            // were not would be dropped rather than given a wrong span.
            let (start, end, part) = doc.to_page(m.start, m.end)?;
            m.start = start;
            m.end = end;
            Some(Mention { found: m, part })
        })
        .collect()
}

/// Cleans a page given as characters (with its site's templates, if any)
/// and finds the places of its title and body.
pub fn process_chars(
    page: &[char],
    options: &Options,
    templates: Option<&SiteTemplates>,
    gazetteer: &Gazetteer,
) -> Processed {
    let article = boilerplate::clean_chars(page, options, templates);
    let places = places_in(page, &article, gazetteer);
    Processed { article, places }
}

/// Cleans a page and finds the places of its title and body.
pub fn process(text: &str, options: &Options, gazetteer: &Gazetteer) -> Processed {
    let chars: Vec<char> = text.chars().collect();
    process_chars(&chars, options, None, gazetteer)
}

/// Processes many pages in parallel on `threads` threads, keeping order.
pub fn process_batch(
    texts: &[&str],
    options: &Options,
    gazetteer: &Gazetteer,
    threads: usize,
) -> Vec<Processed> {
    crate::parallel::map(texts, threads, |t| process(t, options, gazetteer))
}

#[cfg(test)]
mod tests;
