//! Boilerplate stripping for plain-text news pages, Arabic first.
//!
//! [`clean`] takes the text of a scraped page (a Common Crawl WET record, a
//! crawler dump, a copy-paste) and labels every line `title`, `content`,
//! `boilerplate` or `blank`, with a kind (paragraph, subheading, byline,
//! date, related, cookie, ...) and a short reason, and extracts metadata
//! (title without the site suffix, date, author, source, site, dateline).
//!
//! ```
//! use _furat::boilerplate::{clean, Label, Options};
//!
//! let page = "الرئيسية\nقصف على دير الزور - موقع المثال\n24 كانون الثاني 2024\n\
//!             قال مصدر محلي إن القصف استهدف مواقع في ريف دير الزور الشرقي، وأسفر عن أضرار.\n\
//!             مقالات ذات صلة\nعنوان آخر لا علاقة له بالخبر";
//! let article = clean(page, &Options::default());
//! assert_eq!(article.title(page).as_deref(), Some("قصف على دير الزور - موقع المثال"));
//! assert_eq!(article.meta.title.as_deref(), Some("قصف على دير الزور"));
//! assert_eq!(article.meta.date.as_deref(), Some("2024-01-24"));
//! assert_eq!(article.lines[3].label, Label::Content);
//! assert_eq!(article.lines[5].label, Label::Boilerplate);
//! ```
//!
//! The pipeline (DESIGN.md, "Boilerplate", has the reasoning):
//!
//! 1. `text.rs`: lines split at `\n`, `\r\n` or a lone `\r`; each line folded
//!    with the normalizer's "search" profile and reduced to a key of words.
//! 2. `features.rs`: per-line shape (words, script, clitic-aware function
//!    word count, final punctuation, commas) and chrome detection from data:
//!    the lexicon of interface phrases (exact, typo-tolerant), line-shape
//!    patterns, dates, bylines, datelines, captions.
//! 3. `decide.rs`: the body is the best-scoring contiguous run of lines
//!    (prose scores up, chrome and list headers down), so short subheadings
//!    between paragraphs stay and chrome at the edges goes; related lists
//!    after their header are consumed; `headline.rs` finds the headline
//!    before the body and splits its site name off.
//! 4. `meta.rs`: metadata from the header and footer zones and meta-like
//!    lines only, never from body prose.
//! 5. `templates.rs`: optionally, lines that recur across pages of one site.

mod dates;
mod decide;
mod features;
mod fuzzy;
mod headline;
mod lexicon;
mod meta;
mod templates;
mod text;

pub use dates::DateTime;
pub use templates::{SiteTemplates, TemplateParams, Templates};

use std::borrow::Cow;
use std::fmt;

/// What a line is, coarsely: the four labels the evaluation scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Label {
    /// The headline.
    Title,
    /// Article text: paragraphs and subheadings.
    Content,
    /// Everything else that is not blank.
    Boilerplate,
    /// Empty or whitespace-only (NBSP, zero-width characters...).
    Blank,
}

impl Label {
    /// The label's name, as Python spells it.
    pub fn name(self) -> &'static str {
        match self {
            Label::Title => "title",
            Label::Content => "content",
            Label::Boilerplate => "boilerplate",
            Label::Blank => "blank",
        }
    }

    /// Parses a label name.
    pub fn parse(name: &str) -> Option<Label> {
        [
            Label::Title,
            Label::Content,
            Label::Boilerplate,
            Label::Blank,
        ]
        .into_iter()
        .find(|l| l.name() == name)
    }
}

macro_rules! kinds {
    ($($variant:ident => $name:literal, $doc:literal;)*) => {
        /// What a line is, finely.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Kind {
            $(#[doc = $doc] $variant,)*
        }

        impl Kind {
            /// Every kind.
            pub const ALL: &'static [Kind] = &[$(Kind::$variant,)*];

            /// The kind's name, as Python and the lexicon spell it.
            pub fn name(self) -> &'static str {
                match self { $(Kind::$variant => $name,)* }
            }

            /// Parses a kind name.
            pub fn parse(name: &str) -> Option<Kind> {
                match name { $($name => Some(Kind::$variant),)* _ => None }
            }
        }
    };
}

kinds! {
    Title => "title", "The headline.";
    Paragraph => "paragraph", "A paragraph of the article.";
    Subheading => "subheading", "A short line between paragraphs.";
    Blank => "blank", "An empty or whitespace-only line.";
    SiteName => "site_name", "The name of the site (masthead, logo text).";
    Byline => "byline", "The author line.";
    Source => "source", "A credited source (المصدر: ..., an agency name).";
    Date => "date", "A publication or update time.";
    Dateline => "dateline", "Place and origin before the story (الحسكة – خاص).";
    Caption => "caption", "An image caption or photo credit.";
    Related => "related", "A related-articles header or one of its headlines.";
    Share => "share", "Share and print buttons.";
    Tags => "tags", "Tags, keywords, categories.";
    Menu => "menu", "Navigation: menus, breadcrumbs, footer links.";
    CommentForm => "comment_form", "Comment headers and forms.";
    Cookie => "cookie", "Cookie and privacy notices.";
    Copyright => "copyright", "Copyright lines.";
    Disclaimer => "disclaimer", "Editorial disclaimers (the views are the author's...).";
    Newsletter => "newsletter", "Newsletter sign-up prompts.";
    Social => "social", "Follow-us and Telegram/WhatsApp prompts.";
    Counter => "counter", "View, comment and share counters.";
    ReadingTime => "reading_time", "Reading-time notes.";
    Ad => "ad", "Advertisement labels.";
    Ui => "ui", "Other page widgets (font size, live, icons).";
    Separator => "separator", "A line of symbols only.";
    Duplicate => "duplicate", "A repeat of an earlier line (the headline again...).";
    Template => "template", "A line that recurs on many pages of the site.";
    Header => "header", "Another short line before the article.";
    Footer => "footer", "Another line after the article.";
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One line of the page, as a span of the original text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// Character (Python `str`) offset of the line's first character.
    pub start: usize,
    /// Character offset just past the line's last character; the line
    /// break (`\n`, `\r\n` or `\r`) is not part of the line.
    pub end: usize,
    /// The coarse label.
    pub label: Label,
    /// The fine kind.
    pub kind: Kind,
    /// A short human-readable why.
    pub reason: Cow<'static, str>,
}

/// Metadata found on the page. Every field is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// The headline without the site suffix.
    pub title: Option<String>,
    /// The publication time, ISO 8601 (`2024-01-24`, `2024-01-24T13:01`).
    pub date: Option<String>,
    /// The last update time, when the page gives one apart.
    pub updated: Option<String>,
    /// The author.
    pub author: Option<String>,
    /// The credited source (an agency, another outlet).
    pub source: Option<String>,
    /// The site's name.
    pub site: Option<String>,
    /// The place of the dateline.
    pub dateline: Option<String>,
}

impl Meta {
    /// The fields in a fixed order, with their names.
    pub fn fields(&self) -> [(&'static str, Option<&str>); 7] {
        [
            ("title", self.title.as_deref()),
            ("date", self.date.as_deref()),
            ("updated", self.updated.as_deref()),
            ("author", self.author.as_deref()),
            ("source", self.source.as_deref()),
            ("site", self.site.as_deref()),
            ("dateline", self.dateline.as_deref()),
        ]
    }
}

/// A cleaned page: one [`Line`] per line of the input, and metadata.
///
/// The text is not stored: spans index the caller's text, so a place
/// matcher can run over the title and content lines and report offsets in
/// the original page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    /// One entry per line, in order; `lines.len()` is the number of pieces
    /// of the text split at `\n`, `\r\n` and lone `\r`.
    pub lines: Vec<Line>,
    /// The metadata.
    pub meta: Meta,
}

impl Article {
    /// Index of the title line, if any.
    pub fn title_index(&self) -> Option<usize> {
        self.lines.iter().position(|l| l.label == Label::Title)
    }

    /// The title line's text (with its site suffix, as on the page).
    pub fn title(&self, text: &str) -> Option<String> {
        self.title_index().map(|i| {
            slice(text, self.lines[i].start, self.lines[i].end)
                .trim()
                .to_owned()
        })
    }

    /// The content lines, in order.
    pub fn content_lines(&self) -> impl Iterator<Item = &Line> {
        self.lines.iter().filter(|l| l.label == Label::Content)
    }

    /// The body: the content lines (trimmed), joined with `\n`.
    pub fn body(&self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        self.body_chars(&chars)
    }

    /// [`Article::body`] over the text's characters.
    pub fn body_chars(&self, chars: &[char]) -> String {
        let size: usize = self.content_lines().map(|l| l.end - l.start + 1).sum();
        let mut out = String::with_capacity(size * 2);
        for l in self.content_lines() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.extend(text::trim_chars(&chars[l.start..l.end]));
        }
        out
    }
}

/// `chars` without surrounding whitespace and invisible characters.
pub fn trim(chars: &[char]) -> &[char] {
    text::trim_chars(chars)
}

/// The range of `chars` that [`trim`] keeps.
pub fn trim_range(chars: &[char]) -> (usize, usize) {
    text::trim_range(chars)
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// Options of a cleaning call.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The time relative dates ("منذ 3 ساعات", "أمس") count back from;
    /// without it they are recognised as dates but give no value.
    pub reference: Option<DateTime>,
    /// The site's name, when the caller knows it: a title suffix equal to
    /// it is split off even without other evidence.
    pub site_name: Option<String>,
}

/// Cleans one page.
pub fn clean(text: &str, options: &Options) -> Article {
    let chars: Vec<char> = text.chars().collect();
    clean_chars(&chars, options, None)
}

/// Cleans one page given as characters, with optional site templates (the
/// template set of the page's site, from [`Templates::site`]).
pub fn clean_chars(
    chars: &[char],
    options: &Options,
    templates: Option<&SiteTemplates>,
) -> Article {
    let doc = features::analyse(chars, options, templates);
    let labels = decide::decide(&doc);
    let meta = meta::extract(&doc, &labels, options);
    let lines = doc
        .lines
        .iter()
        .zip(labels.lines)
        .map(|(info, (label, kind, reason))| Line {
            start: info.start,
            end: info.end,
            label,
            kind,
            reason,
        })
        .collect();
    Article { lines, meta }
}

/// Cleans many pages in parallel on `threads` threads, keeping order.
pub fn clean_batch(texts: &[&str], options: &Options, threads: usize) -> Vec<Article> {
    crate::parallel::map(texts, threads, |t| clean(t, options))
}

#[cfg(test)]
mod tests;
