//! Reading gazetteer CSV files: the built-in one and users' own.
//!
//! A small RFC 4180 reader (quoted fields, doubled quotes, CRLF) that keeps
//! line numbers, so a malformed file gets an error naming the file, the line
//! and the column. Columns are found by name; the OCHA-style names of the
//! shared source file are accepted as aliases (pcode, alt_names,
//! admin1_pcode...), so `from_csv` reads that file as it is.

use super::place::Record;
use crate::error::{Error, Result};
use std::borrow::Cow;

/// One parsed row: its fields and the line it starts on (1-based).
struct Row<'a> {
    line: usize,
    fields: Vec<Cow<'a, str>>,
}

/// Splits CSV text into rows of fields. Unquoted fields (nearly all) are
/// borrowed from the text; quoted ones are unescaped into new strings.
fn parse_rows<'a>(text: &'a str, source: &str) -> Result<Vec<Row<'a>>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let b = text.as_bytes();
    let mut rows = Vec::new();
    let mut fields: Vec<Cow<'a, str>> = Vec::new();
    let mut line = 1usize;
    let mut row_line = 1usize;
    let mut i = 0usize;
    // Each iteration reads one field and the delimiter after it.
    while i <= b.len() {
        let field: Cow<'a, str>;
        if i < b.len() && b[i] == b'"' {
            let quote_line = line;
            let mut out = String::new();
            let mut j = i + 1;
            let mut seg = j;
            loop {
                match b.get(j) {
                    None => {
                        return Err(Error::invalid_data(format!(
                            "{source}, line {quote_line}: a quoted field is never closed"
                        )));
                    }
                    Some(b'"') if b.get(j + 1) == Some(&b'"') => {
                        out.push_str(&text[seg..=j]);
                        j += 2;
                        seg = j;
                    }
                    Some(b'"') => {
                        out.push_str(&text[seg..j]);
                        j += 1;
                        break;
                    }
                    Some(b'\n') => {
                        line += 1;
                        j += 1;
                    }
                    Some(_) => j += 1,
                }
            }
            // Anything between the closing quote and the delimiter is kept.
            let mut k = j;
            while k < b.len() && !matches!(b[k], b',' | b'\n' | b'\r') {
                k += 1;
            }
            out.push_str(&text[j..k]);
            field = Cow::Owned(out);
            i = k;
        } else {
            let mut k = i;
            while k < b.len() && !matches!(b[k], b',' | b'\n' | b'\r') {
                k += 1;
            }
            field = Cow::Borrowed(&text[i..k]);
            i = k;
        }
        fields.push(field);
        match b.get(i) {
            Some(b',') => i += 1,
            Some(b'\r') | Some(b'\n') | None => {
                if b.get(i) == Some(&b'\r') && b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                if !(fields.len() == 1 && fields[0].is_empty()) {
                    rows.push(Row {
                        line: row_line,
                        fields: std::mem::take(&mut fields),
                    });
                }
                fields.clear();
                line += 1;
                row_line = line;
                i += 1;
            }
            Some(_) => unreachable!("fields end at a delimiter"),
        }
    }
    Ok(rows)
}

/// Column positions, by the names furat writes and their aliases.
struct Columns {
    id: usize,
    level: Option<usize>,
    name_ar: Option<usize>,
    name_en: Option<usize>,
    names: Option<usize>,
    admin: [Option<usize>; 3],
    lat: Option<usize>,
    lon: Option<usize>,
    prior: Option<usize>,
}

impl Columns {
    fn find(header: &[Cow<'_, str>], source: &str) -> Result<Columns> {
        let pos = |aliases: &[&str]| {
            header
                .iter()
                .position(|h| aliases.iter().any(|a| h.trim().eq_ignore_ascii_case(a)))
        };
        let id = pos(&["id", "pcode", "p_code"]).ok_or_else(|| {
            Error::invalid_data(format!(
                "{source}, line 1: no 'id' (or 'pcode') column; the columns are: {}",
                header.join(", ")
            ))
        })?;
        let cols = Columns {
            id,
            level: pos(&["level"]),
            name_ar: pos(&["name_ar", "name_arabic"]),
            name_en: pos(&["name_en", "name", "name_english"]),
            names: pos(&["names", "alt_names", "alternate_names"]),
            admin: [
                pos(&["admin1", "admin1_pcode"]),
                pos(&["admin2", "admin2_pcode"]),
                pos(&["admin3", "admin3_pcode"]),
            ],
            lat: pos(&["lat", "latitude"]),
            lon: pos(&["lon", "lng", "longitude"]),
            prior: pos(&["prior"]),
        };
        if cols.name_ar.is_none() && cols.name_en.is_none() && cols.names.is_none() {
            return Err(Error::invalid_data(format!(
                "{source}, line 1: no name column (name_ar, name_en or names); the columns are: {}",
                header.join(", ")
            )));
        }
        Ok(cols)
    }
}

fn number(text: &str, source: &str, line: usize, column: &str) -> Result<Option<f64>> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(Error::invalid_data(format!(
            "{source}, line {line}, column '{column}': {t:?} is not a number"
        ))),
    }
}

/// Reads records from CSV text. `source` names the file in errors.
pub(crate) fn read_records(text: &str, source: &str) -> Result<Vec<(usize, Record)>> {
    let rows = parse_rows(text, source)?;
    let Some((header, body)) = rows.split_first() else {
        return Err(Error::invalid_data(format!(
            "{source}: the file is empty (no header line)"
        )));
    };
    let cols = Columns::find(&header.fields, source)?;
    let width = header.fields.len();
    let mut out = Vec::with_capacity(body.len());
    for row in body {
        if row.fields.len() != width {
            return Err(Error::invalid_data(format!(
                "{source}, line {}: {} fields where the header has {width}",
                row.line,
                row.fields.len()
            )));
        }
        let field = |i: Option<usize>| i.map_or("", |i| row.fields[i].trim());
        let get = |i: Option<usize>| field(i).to_owned();
        let num = |i: Option<usize>| {
            let column = i.map_or("", |i| header.fields[i].trim());
            number(field(i), source, row.line, column)
        };
        let prior = num(cols.prior)?;
        out.push((
            row.line,
            Record {
                id: get(Some(cols.id)),
                level: get(cols.level),
                name_ar: get(cols.name_ar),
                name_en: get(cols.name_en),
                names: field(cols.names)
                    .split('|')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect(),
                admin: [get(cols.admin[0]), get(cols.admin[1]), get(cols.admin[2])],
                lat: num(cols.lat)?,
                lon: num(cols.lon)?,
                prior: prior.unwrap_or(0.0) as f32,
            },
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_and_crlf() {
        let text = "id,name_en,names\r\nA,\"Deir, ez-Zor\",\"x|\"\"y\"\"\"\r\nB,Hasakah,\n";
        let recs = read_records(text, "t.csv").unwrap();
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].1.name_en, "Deir, ez-Zor");
        assert_eq!(recs[0].1.names, vec!["x", "\"y\""]);
        assert_eq!(recs[1].0, 3);
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let e = read_records("id,name_en,lat\nA,x,1\nB,y,north\n", "my.csv").unwrap_err();
        assert_eq!(
            e.message(),
            "my.csv, line 3, column 'lat': \"north\" is not a number"
        );
        let e = read_records("id,name_en\nA,x,extra\n", "my.csv").unwrap_err();
        assert!(
            e.message()
                .contains("line 2: 3 fields where the header has 2"),
            "{e}"
        );
        let e = read_records("name_en\nx\n", "my.csv").unwrap_err();
        assert!(e.message().contains("no 'id'"), "{e}");
        let e = read_records("id,name_en\nA,\"open\n", "my.csv").unwrap_err();
        assert!(
            e.message()
                .contains("line 2: a quoted field is never closed"),
            "{e}"
        );
        let e = read_records("", "my.csv").unwrap_err();
        assert!(e.message().contains("empty"), "{e}");
    }
}
