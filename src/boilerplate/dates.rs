//! Dates on news pages: Levantine, Egyptian/Gulf, Maghrebi, English and
//! Hijri month names, numeric forms in any digit script (the "search" fold
//! has made them ASCII), weekday names, times with ص/م or am/pm, and
//! relative forms (منذ 3 ساعات, أمس, 2 hours ago) against a reference time.
//!
//! This module only reads a line; whether a date on it counts is the
//! caller's business (dates come from date lines and meta lines in the
//! header and footer, never from body prose).

use super::lexicon::{Lexicon, Month};
use std::fmt;

/// A civil date with an optional time of day, no time zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime {
    /// Year.
    pub year: i32,
    /// Month, 1-12.
    pub month: u8,
    /// Day, 1-31.
    pub day: u8,
    /// Hour, minute and, when given, second.
    pub time: Option<(u8, u8, Option<u8>)>,
}

impl DateTime {
    /// A date, checked.
    pub fn date(year: i32, month: u8, day: u8) -> Option<DateTime> {
        ((1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month)
            && (1..=9999).contains(&year))
        .then_some(DateTime {
            year,
            month,
            day,
            time: None,
        })
    }

    /// This date at a time, checked.
    pub fn at(self, hour: u8, minute: u8, second: Option<u8>) -> Option<DateTime> {
        (hour < 24 && minute < 60 && second.is_none_or(|s| s < 61)).then_some(DateTime {
            time: Some((hour, minute, second)),
            ..self
        })
    }

    /// Parses ISO 8601: `YYYY-MM-DD`, optionally `THH:MM[:SS[.fff]]` (or a
    /// space for `T`) and a zone (`Z`, `+03:00`), which is ignored.
    pub fn parse_iso(s: &str) -> Option<DateTime> {
        let s = s.trim();
        let b = s.as_bytes();
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let date = DateTime::date(num(0..4)? as i32, num(5..7)? as u8, num(8..10)? as u8)?;
        if b.len() == 10 {
            return Some(date);
        }
        if !matches!(b[10], b'T' | b't' | b' ') || b.len() < 16 || b[13] != b':' {
            return None;
        }
        let (h, mi) = (num(11..13)? as u8, num(14..16)? as u8);
        let mut rest = &s[16..];
        let mut sec = None;
        if rest.starts_with(':') {
            sec = Some(num(17..19)? as u8);
            rest = &s[19..];
            if let Some(frac) = rest.strip_prefix('.') {
                let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
                rest = &frac[digits..];
            }
        }
        let zone_ok = rest.is_empty()
            || rest == "Z"
            || rest.len() >= 3 && matches!(rest.as_bytes()[0], b'+' | b'-');
        if !zone_ok {
            return None;
        }
        date.at(h, mi, sec)
    }

    /// Days since 1970-01-01.
    fn days(self) -> i64 {
        days_from_civil(self.year as i64, self.month as i64, self.day as i64)
    }

    fn from_days(days: i64, time: Option<(u8, u8, Option<u8>)>) -> DateTime {
        let (y, m, d) = civil_from_days(days);
        DateTime {
            year: y as i32,
            month: m as u8,
            day: d as u8,
            time,
        }
    }

    /// This time `minutes` earlier (the time of day is kept if known).
    pub(crate) fn minus_minutes(self, minutes: i64) -> DateTime {
        match self.time {
            Some((h, m, s)) => {
                let total = self.days() * 1440 + h as i64 * 60 + m as i64 - minutes;
                let (days, mins) = (total.div_euclid(1440), total.rem_euclid(1440));
                DateTime::from_days(days, Some(((mins / 60) as u8, (mins % 60) as u8, s)))
            }
            None => DateTime::from_days(self.days() - minutes.div_euclid(1440), None),
        }
    }

    /// This date `days` earlier, without a time of day.
    pub(crate) fn minus_days(self, days: i64) -> DateTime {
        DateTime::from_days(self.days() - days, None)
    }

    /// The Gregorian date of a day of the tabular Islamic calendar (the
    /// arithmetic one; Umm al-Qura may differ by a day or two).
    pub(crate) fn from_hijri(year: i32, month: u8, day: u8) -> Option<DateTime> {
        if !(1..=12).contains(&month) || !(1..=30).contains(&day) || year < 1 {
            return None;
        }
        let (y, m, d) = (year as i64, month as i64, day as i64);
        // Fourmilab's islamic_to_jd, shifted to days since 1970-01-01:
        // JD = d + ceil(29.5 (m - 1)) + 354 (y - 1) + floor((3 + 11 y) / 30)
        //      + 1948439.5 - 1, and JD 2440587.5 is 1970-01-01.
        let days =
            d + (59 * (m - 1) + 1) / 2 + 354 * (y - 1) + (3 + 11 * y).div_euclid(30) + 1948439
                - 1
                - 2440587;
        Some(DateTime::from_days(days, None))
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)?;
        match self.time {
            // Seconds only when they say something: "10:12:00" on a page
            // is the minute 10:12.
            Some((h, m, Some(s))) if s != 0 => write!(f, "T{h:02}:{m:02}:{s:02}"),
            Some((h, m, _)) => write!(f, "T{h:02}:{m:02}"),
            None => Ok(()),
        }
    }
}

fn is_leap(y: i32) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's civil-days algorithms.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Word(String),
    Num(u32, usize),
    Sep(char),
}

fn is_letter(c: char) -> bool {
    // Folded text has ASCII digits only.
    super::text::is_word_char(c) && !c.is_ascii_digit()
}

fn digits_value(digits: &[char]) -> u32 {
    digits
        .iter()
        .try_fold(0u32, |v, &c| {
            v.checked_mul(10)?.checked_add(c.to_digit(10)?)
        })
        .unwrap_or(u32::MAX)
}

fn tokenize(folded: &[char]) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < folded.len() {
        let c = folded[i];
        if c.is_ascii_digit() {
            let s = i;
            while i < folded.len() && folded[i].is_ascii_digit() {
                i += 1;
            }
            // "20242:17 PM", "15/1/202410:42 م": a year glued to the time
            // after it, as text extraction joins two elements. Five or six
            // digits before a colon are never one number of a date line.
            let n = i - s;
            if (5..=6).contains(&n)
                && folded.get(i) == Some(&':')
                && matches!((folded[s], folded[s + 1]), ('1', '9') | ('2', '0'))
            {
                out.push(Tok::Num(digits_value(&folded[s..s + 4]), 4));
                out.push(Tok::Num(digits_value(&folded[s + 4..i]), n - 4));
                continue;
            }
            out.push(Tok::Num(digits_value(&folded[s..i]), n));
            continue;
        }
        if is_letter(c) {
            let s = i;
            while i < folded.len() && is_letter(folded[i]) {
                i += 1;
            }
            out.push(Tok::Word(folded[s..i].iter().collect()));
            continue;
        }
        if !c.is_whitespace() {
            out.push(Tok::Sep(c));
        }
        i += 1;
    }
    out
}

/// A date found on a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    /// The value, when it can be known (a relative date needs a reference).
    pub(crate) value: Option<DateTime>,
    /// Words and numbers on the line that are not part of a date, time,
    /// weekday or the usual date-line words: a date line has few.
    pub(crate) others: usize,
    /// The line says "updated".
    pub(crate) updated: bool,
    /// The date was relative (منذ 3 ساعات).
    pub(crate) relative: bool,
    /// The update time, when the line gives the publication date first and
    /// then an update marker and another time ("March 6, 2024 2:17 PM
    /// Updated 3 hours ago", "15/1/2024 | آخر تحديث: 15/1/2024 10:42 م").
    pub(crate) update: Option<DateTime>,
}

const AM: &[&str] = &["am", "ص", "صباحا", "صباحاً", "a"];
const PM: &[&str] = &["pm", "م", "مساء", "مساءا", "ظهرا", "p"];

/// Words that make a date without a digit ("أمس", "منذ ساعتين").
const RELATIVE_WORDS: [&str; 7] = ["منذ", "قبل", "امس", "اليوم", "ago", "yesterday", "today"];

/// Whether a line can hold a date at all: every date form has a digit or
/// a relative word. The cheap test before [`find`].
pub(crate) fn possible(folded: &[char], key: &super::text::Key) -> bool {
    folded.iter().any(|c| c.is_ascii_digit()) || key.iter().any(|w| RELATIVE_WORDS.contains(&w))
}

/// Finds the date on a folded line.
pub(crate) fn find(folded: &[char], lex: &Lexicon, reference: Option<DateTime>) -> Option<Found> {
    let toks = tokenize(folded);
    let raw = scan(&toks, lex);
    if raw.date.is_none() && raw.relative.is_none() {
        return None;
    }
    // A publication date, then an update marker and the update time: two
    // dates, one line. (The marker is a word outside the dates, so only a
    // line that says "updated" is looked at again.)
    let marker = raw
        .updated
        .then(|| {
            toks.iter()
                .position(|t| matches!(t, Tok::Word(w) if lex.words.updated.contains(w.as_str())))
        })
        .flatten();
    if let Some(u) = marker.filter(|&u| u > 0) {
        let first = scan(&toks[..u], lex);
        if let Some(date) = first.date {
            let second = scan(&toks[u..], lex);
            let update = match (second.date, second.time, second.relative) {
                (Some(_), _, _) | (None, _, Some(_)) => resolve(&second, reference).0,
                // "2024/01/23 آخر تحديث: 13:05": the update time of that day.
                (None, Some((h, m, s)), None) => date.at(h, m, s),
                (None, None, None) => None,
            };
            if update.is_some() {
                let (value, _) = resolve(&first, reference);
                return Some(Found {
                    value,
                    others: first.others + second.others,
                    updated: false,
                    relative: false,
                    update,
                });
            }
        }
    }
    let (value, relative) = resolve(&raw, reference);
    Some(Found {
        value,
        others: raw.others,
        updated: raw.updated,
        relative,
        update: None,
    })
}

/// What [`scan`] read from tokens.
struct Raw {
    date: Option<DateTime>,
    time: Option<(u8, u8, Option<u8>)>,
    relative: Option<Rel>,
    others: usize,
    updated: bool,
}

/// The value of a scan (a relative date needs the reference) and whether
/// it was relative.
fn resolve(raw: &Raw, reference: Option<DateTime>) -> (Option<DateTime>, bool) {
    let mut value = raw.date;
    let is_relative = value.is_none() && raw.relative.is_some();
    if is_relative {
        // "3 hours ago" is not precise to the second: minutes at most.
        let r = reference.map(|r| DateTime {
            time: r.time.map(|(h, m, _)| (h, m, None)),
            ..r
        });
        value = r.map(|r| match raw.relative {
            Some(Rel::Minutes(m)) => r.minus_minutes(m),
            Some(Rel::Days(d)) => r.minus_days(d),
            None => r,
        });
    }
    if let (Some(v), Some((h, m, s))) = (value, raw.time) {
        if !is_relative {
            value = v.at(h, m, s);
        }
    }
    (value, is_relative)
}

/// Dates, times, relative forms and the other words of some tokens.
fn scan(toks: &[Tok], lex: &Lexicon) -> Raw {
    let mut used = vec![false; toks.len()];
    let mut greg: Option<DateTime> = None;
    let mut hijri: Option<DateTime> = None;
    let mut time: Option<(u8, u8, Option<u8>)> = None;
    let mut relative = None;
    let month_at = |i: usize| -> Option<(Month, usize)> {
        let Tok::Word(w) = toks.get(i)? else {
            return None;
        };
        if lex.month_first_words.contains(w.as_str()) {
            if let Some(Tok::Word(w2)) = toks.get(i + 1) {
                if let Some(m) = lex.months.get(&format!("{w} {w2}")) {
                    return Some((*m, 2));
                }
            }
        }
        lex.months.get(w.as_str()).map(|m| (*m, 1))
    };
    let num_at = |i: usize| -> Option<(u32, usize)> {
        match toks.get(i)? {
            Tok::Num(v, n) => Some((*v, *n)),
            _ => None,
        }
    };
    let sep_at = |i: usize| -> Option<char> {
        match toks.get(i)? {
            Tok::Sep(c) => Some(*c),
            _ => None,
        }
    };
    let mut i = 0;
    while i < toks.len() {
        // D MONTH [/ ALT-MONTH] [,] Y
        if let (Some((d, _)), Some((m, mw))) = (num_at(i), month_at(i + 1)) {
            let mut j = i + 1 + mw;
            // "24 يناير/كانون الثاني 2024": an alternative name of the same month.
            if sep_at(j) == Some('/') {
                if let Some((m2, mw2)) = month_at(j + 1) {
                    if m2 == m {
                        j += 1 + mw2;
                    }
                }
            } else if let Some((m2, mw2)) = month_at(j) {
                if m2 == m {
                    j += mw2;
                }
            }
            if sep_at(j) == Some(',') {
                j += 1;
            }
            if let Some((y, 4)) = num_at(j) {
                let value = if m.hijri {
                    DateTime::from_hijri(y as i32, m.number, d as u8).map(|v| (v, true))
                } else {
                    DateTime::date(y as i32, m.number, d as u8).map(|v| (v, false))
                };
                if let Some((v, h)) = value {
                    if h {
                        hijri = hijri.or(Some(v))
                    } else {
                        greg = greg.or(Some(v))
                    }
                    used[i..=j].iter_mut().for_each(|u| *u = true);
                    i = j + 1;
                    continue;
                }
            }
        }
        // MONTH D, Y (English)
        if let Some((m, mw)) = month_at(i) {
            let mut j = i + mw;
            if let Some((d, n)) = num_at(j) {
                if n <= 2 {
                    j += 1;
                    if sep_at(j) == Some(',') {
                        j += 1;
                    }
                    if let Some((y, 4)) = num_at(j) {
                        if let Some(v) = (!m.hijri)
                            .then(|| DateTime::date(y as i32, m.number, d as u8))
                            .flatten()
                        {
                            greg = greg.or(Some(v));
                            used[i..=j].iter_mut().for_each(|u| *u = true);
                            i = j + 1;
                            continue;
                        }
                    }
                }
            }
        }
        // Numeric: Y-M-D, D.M.Y, D/M/Y (M/D/Y when the middle is over 12).
        if let (Some((a, an)), Some(s1)) = (num_at(i), sep_at(i + 1)) {
            if matches!(s1, '.' | '/' | '-') && sep_at(i + 3) == Some(s1) {
                if let (Some((b, _)), Some((c, cn))) = (num_at(i + 2), num_at(i + 4)) {
                    let v = if an == 4 {
                        DateTime::date(a as i32, b as u8, c as u8)
                    } else if cn == 4 && b > 12 {
                        DateTime::date(c as i32, a as u8, b as u8)
                    } else if cn == 4 {
                        DateTime::date(c as i32, b as u8, a as u8)
                    } else {
                        None
                    };
                    if let Some(v) = v.filter(|v| (1900..=2100).contains(&v.year)) {
                        greg = greg.or(Some(v));
                        used[i..=i + 4].iter_mut().for_each(|u| *u = true);
                        i += 5;
                        continue;
                    }
                }
            }
            // Time: H:MM[:SS] [am/pm]
            if s1 == ':' && an <= 2 {
                if let Some((mi, 2)) = num_at(i + 2) {
                    let mut j = i + 2;
                    let mut sec = None;
                    if sep_at(j + 1) == Some(':') {
                        if let Some((s, 2)) = num_at(j + 2) {
                            sec = Some(s as u8);
                            j += 2;
                        }
                    }
                    let mut h = a;
                    if let Some(Tok::Word(w)) = toks.get(j + 1) {
                        if PM.contains(&w.as_str()) && h < 12 {
                            h += 12;
                            j += 1;
                        } else if AM.contains(&w.as_str()) {
                            if h == 12 {
                                h = 0;
                            }
                            j += 1;
                        }
                    }
                    if h < 24 && mi < 60 && time.is_none() {
                        time = Some((h as u8, mi as u8, sec));
                        used[i..=j].iter_mut().for_each(|u| *u = true);
                        i = j + 1;
                        continue;
                    }
                }
            }
        }
        // Relative: منذ/قبل [N] UNIT, N UNIT ago, أمس, yesterday, اليوم, today.
        if let Some((minutes, span)) = relative_at(toks, i) {
            relative = relative.or(Some(minutes));
            used[i..i + span].iter_mut().for_each(|u| *u = true);
            i += span;
            continue;
        }
        i += 1;
    }
    let date = greg.or(hijri);
    let mut others = 0;
    let mut updated = false;
    for (t, &u) in toks.iter().zip(&used) {
        if u {
            continue;
        }
        match t {
            Tok::Word(w) => {
                updated |= lex.words.updated.contains(w.as_str());
                let filler = lex.words.weekday.contains(w.as_str())
                    || lex.words.date_filler.contains(w.as_str())
                    || w == "t";
                others += usize::from(!filler);
            }
            Tok::Num(..) => others += 1,
            Tok::Sep(_) => {}
        }
    }
    Raw {
        date,
        time,
        relative,
        others,
        updated,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rel {
    Minutes(i64),
    Days(i64),
}

/// Minutes per unit word (folded), and whether the word is a dual (2).
fn unit(w: &str) -> Option<(Rel, i64)> {
    let (rel, count) = match w {
        "ثانيه" | "ثوان" | "ثواني" | "second" | "seconds" | "sec" | "secs" => {
            (Rel::Minutes(0), 1)
        }
        "دقيقه" | "دقائق" | "minute" | "minutes" | "min" | "mins" => (Rel::Minutes(1), 1),
        "دقيقتين" | "دقيقتان" => (Rel::Minutes(1), 2),
        "ساعه" | "ساعات" | "hour" | "hours" | "hr" | "hrs" => (Rel::Minutes(60), 1),
        "ساعتين" | "ساعتان" => (Rel::Minutes(60), 2),
        "يوم" | "ايام" | "day" | "days" => (Rel::Days(1), 1),
        "يومين" | "يومان" => (Rel::Days(1), 2),
        "اسبوع" | "اسابيع" | "week" | "weeks" => (Rel::Days(7), 1),
        "اسبوعين" | "اسبوعان" => (Rel::Days(7), 2),
        _ => return None,
    };
    Some((rel, count))
}

fn scale(rel: Rel, n: i64) -> Rel {
    match rel {
        Rel::Minutes(m) => Rel::Minutes(m * n),
        Rel::Days(d) => Rel::Days(d * n),
    }
}

fn relative_at(toks: &[Tok], i: usize) -> Option<(Rel, usize)> {
    let word = |j: usize| match toks.get(j) {
        Some(Tok::Word(w)) => Some(w.as_str()),
        _ => None,
    };
    match word(i) {
        Some("امس" | "yesterday") => return Some((Rel::Days(1), 1)),
        Some("اليوم" | "today") => return Some((Rel::Days(0), 1)),
        Some("منذ" | "قبل") => {
            if let Some(Tok::Num(n, _)) = toks.get(i + 1) {
                let (rel, _) = unit(word(i + 2)?)?;
                return Some((scale(rel, *n as i64), 3));
            }
            let (rel, count) = unit(word(i + 1)?)?;
            return Some((scale(rel, count), 2));
        }
        _ => {}
    }
    if let Some(Tok::Num(n, _)) = toks.get(i) {
        let (rel, _) = unit(word(i + 1)?)?;
        if word(i + 2) == Some("ago") {
            return Some((scale(rel, *n as i64), 3));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::LEXICON_DATA;
    use super::*;

    fn f(line: &str, reference: Option<&str>) -> Option<(Option<String>, usize, bool)> {
        let chars: Vec<char> = line.chars().collect();
        let folded = super::super::text::fold(&chars);
        let r = reference.and_then(DateTime::parse_iso);
        find(&folded, &LEXICON_DATA, r)
            .map(|x| (x.value.map(|v| v.to_string()), x.others, x.updated))
    }

    fn v(line: &str) -> Option<String> {
        f(line, None).and_then(|x| x.0)
    }

    #[test]
    fn month_names_of_every_region() {
        assert_eq!(v("24 كانون الثاني 2024"), Some("2024-01-24".into()));
        assert_eq!(v("الأربعاء 24 يناير 2024"), Some("2024-01-24".into()));
        assert_eq!(v("24 جانفي 2024"), Some("2024-01-24".into()));
        assert_eq!(v("3 جويلية 2023"), Some("2023-07-03".into()));
        assert_eq!(v("15 أوت 2023"), Some("2023-08-15".into()));
        assert_eq!(v("7 تشرين الأول 2023"), Some("2023-10-07".into()));
        assert_eq!(v("11 آب 2023"), Some("2023-08-11".into()));
        assert_eq!(v("24 يناير/كانون الثاني 2024"), Some("2024-01-24".into()));
        assert_eq!(v("January 24, 2024"), Some("2024-01-24".into()));
        assert_eq!(v("٢٤ أيار ٢٠٢٣"), Some("2023-05-24".into()));
    }

    #[test]
    fn numeric_forms_and_times() {
        assert_eq!(
            v("2024.01.24 | 13:01 دمشق"),
            Some("2024-01-24T13:01".into())
        );
        assert_eq!(
            v("آخر تحديث: 24.01.2024 | 13:01 دمشق"),
            Some("2024-01-24T13:01".into())
        );
        assert_eq!(v("24/01/2024 - 01:05 م"), Some("2024-01-24T13:05".into()));
        assert_eq!(v("١٢/٠٣/٢٠٢٣"), Some("2023-03-12".into()));
        assert_eq!(v("03/25/2023 10:00 AM"), Some("2023-03-25T10:00".into()));
        assert_eq!(
            v("2024-01-24T13:01:05Z"),
            Some("2024-01-24T13:01:05".into())
        );
        let (_, others, updated) = f("آخر تحديث: 24.01.2024 | 13:01 دمشق", None).unwrap();
        assert_eq!((others, updated), (0, true));
    }

    #[test]
    fn a_year_glued_to_the_time() {
        // Text extraction joins the date and time elements.
        assert_eq!(
            v("March 6, 20242:17 PM GMT+0"),
            Some("2024-03-06T14:17".into())
        );
        assert_eq!(v("15/1/202410:42 م"), Some("2024-01-15T22:42".into()));
        // Not a year: left alone.
        assert_eq!(v("رقم 12345:10"), None);
    }

    #[test]
    fn publication_then_update_on_one_line() {
        let g = |line: &str, r: Option<&str>| {
            let chars: Vec<char> = line.chars().collect();
            let folded = super::super::text::fold(&chars);
            let d = find(&folded, &LEXICON_DATA, r.and_then(DateTime::parse_iso)).unwrap();
            (
                d.value.map(|v| v.to_string()),
                d.update.map(|v| v.to_string()),
                d.updated,
            )
        };
        assert_eq!(
            g(
                "March 6, 20242:17 PM GMT+0Updated 3 hours ago",
                Some("2024-03-06T17:30")
            ),
            (
                Some("2024-03-06T14:17".into()),
                Some("2024-03-06T14:30".into()),
                false
            )
        );
        assert_eq!(
            g(
                "15/1/2024|آخر تحديث: 15/1/202410:42 م (بتوقيت مكة المكرمة)",
                None
            ),
            (
                Some("2024-01-15".into()),
                Some("2024-01-15T22:42".into()),
                false
            )
        );
        assert_eq!(
            g("الثلاثاء 2024/01/23 آخر تحديث: 13:05 (بيروت)", None),
            (
                Some("2024-01-23".into()),
                Some("2024-01-23T13:05".into()),
                false
            )
        );
        // The marker first: the whole line is the update time.
        assert_eq!(
            g("آخر تحديث: 24.01.2024 | 13:01 دمشق", None),
            (Some("2024-01-24T13:01".into()), None, true)
        );
    }

    #[test]
    fn hijri_dates_convert_and_yield_to_gregorian() {
        assert_eq!(v("1 محرم 1445 هـ"), Some("2023-07-19".into()));
        assert_eq!(
            v("12 رجب 1445 هـ الموافق 24 يناير 2024 م"),
            Some("2024-01-24".into())
        );
    }

    #[test]
    fn relative_forms_need_a_reference() {
        assert_eq!(v("منذ 3 ساعات"), None);
        assert!(f("منذ 3 ساعات", None).is_some());
        let r = Some("2024-01-24T13:01");
        assert_eq!(
            f("منذ 3 ساعات", r).unwrap().0,
            Some("2024-01-24T10:01".into())
        );
        assert_eq!(
            f("منذ ساعتين", r).unwrap().0,
            Some("2024-01-24T11:01".into())
        );
        assert_eq!(f("أمس", r).unwrap().0, Some("2024-01-23".into()));
        assert_eq!(
            f("منذ يومين", Some("2024-03-01")).unwrap().0,
            Some("2024-02-28".into())
        );
        assert_eq!(
            f("2 hours ago", r).unwrap().0,
            Some("2024-01-24T11:01".into())
        );
    }

    #[test]
    fn prose_has_many_other_words() {
        let (_, others, _) = f(
            "وأشار إلى أن آخر عملية نفذها التنظيم كانت في 11 كانون الثاني 2022 عندما هاجموا",
            None,
        )
        .unwrap();
        assert!(others > 5);
        assert_eq!(v("قتل 3 أشخاص في القصف"), None);
    }

    #[test]
    fn iso_parsing_and_arithmetic() {
        assert_eq!(DateTime::parse_iso("2024-02-30"), None);
        assert_eq!(
            DateTime::parse_iso("2024-01-24 13:01").unwrap().to_string(),
            "2024-01-24T13:01"
        );
        assert_eq!(DateTime::parse_iso("nope"), None);
        let d = DateTime::parse_iso("2024-03-01T00:30").unwrap();
        assert_eq!(d.minus_minutes(60).to_string(), "2024-02-29T23:30");
        assert_eq!(civil_from_days(days_from_civil(2000, 2, 29)), (2000, 2, 29));
    }
}
