//! Places, their levels, and how ambiguous each of their names is.

use crate::error::{Error, Result};
use std::fmt;

/// The kind of a place, from the largest to the smallest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// A governorate (muhafaza), admin level 1.
    Governorate,
    /// A district (mantiqa), admin level 2.
    District,
    /// A sub-district (nahiya), admin level 3.
    Subdistrict,
    /// A city, town or village (OCHA "community").
    Community,
    /// A named quarter of a city.
    Neighbourhood,
    /// A named site: a camp, prison, airport, oil field, dam, bridge, crossing.
    Site,
    /// A named region that is no admin unit: شرق الفرات, الجزيرة السورية, a river.
    Region,
}

impl Level {
    /// Every level, in order.
    pub const ALL: [Level; 7] = [
        Level::Governorate,
        Level::District,
        Level::Subdistrict,
        Level::Community,
        Level::Neighbourhood,
        Level::Site,
        Level::Region,
    ];

    /// The lowercase name used in data files and in Python.
    pub fn name(self) -> &'static str {
        match self {
            Level::Governorate => "governorate",
            Level::District => "district",
            Level::Subdistrict => "subdistrict",
            Level::Community => "community",
            Level::Neighbourhood => "neighbourhood",
            Level::Site => "site",
            Level::Region => "region",
        }
    }

    /// Parses a level name; common synonyms are accepted (village, town and
    /// city are communities; admin1..admin3 are the admin levels).
    pub fn parse(s: &str) -> Result<Level> {
        let s = s.trim();
        let lower;
        let s = if s.bytes().any(|b| b.is_ascii_uppercase()) {
            lower = s.to_ascii_lowercase();
            lower.as_str()
        } else {
            s
        };
        Ok(match s {
            "governorate" | "admin1" | "province" => Level::Governorate,
            "district" | "admin2" => Level::District,
            "subdistrict" | "sub-district" | "admin3" => Level::Subdistrict,
            "community" | "village" | "town" | "city" | "admin4" | "" => Level::Community,
            "neighbourhood" | "neighborhood" => Level::Neighbourhood,
            "site" => Level::Site,
            "region" => Level::Region,
            _ => {
                return Err(Error::invalid_data(format!(
                    "unknown level {s:?} (expected one of: governorate, district, subdistrict, \
                     community, neighbourhood, site, region)"
                )));
            }
        })
    }

    /// How much a bare name prefers this level when several places share it:
    /// a name that is a governorate and its capital means the governorate
    /// unless a cue says otherwise.
    pub(crate) fn rank(self) -> f32 {
        match self {
            Level::Governorate => 4.0,
            Level::District => 3.0,
            Level::Subdistrict => 2.0,
            Level::Region => 2.0,
            Level::Community => 1.0,
            Level::Neighbourhood | Level::Site => 1.0,
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How much evidence a name needs before a mention of it counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Ambiguity {
    /// Never a common word: always a place.
    #[default]
    None,
    /// A rarer word or personal name (هجين, البصيرة): a cue, a coordinated
    /// place, or a place of the same governorate elsewhere in the text.
    Weak,
    /// An everyday word (الطبقة, المدينة, الصور): local evidence only (a cue
    /// word or a coordinated place).
    Strong,
    /// A month, a country, a nisba adjective or a cue word (آذار, تركيا,
    /// العراقية): only right after a settlement cue (قرية تركيا).
    Cue,
}

impl Ambiguity {
    /// Every flag, in order (their discriminants are their indices).
    pub(crate) const ALL: [Ambiguity; 4] = [
        Ambiguity::None,
        Ambiguity::Weak,
        Ambiguity::Strong,
        Ambiguity::Cue,
    ];

    /// Parses a flag of a name in a data file.
    pub fn parse(s: &str) -> Result<Ambiguity> {
        Ok(match s.trim() {
            "" | "none" => Ambiguity::None,
            "weak" => Ambiguity::Weak,
            "strong" => Ambiguity::Strong,
            "cue" => Ambiguity::Cue,
            other => {
                return Err(Error::invalid_data(format!(
                    "unknown name flag {other:?} (expected none, weak, strong or cue)"
                )));
            }
        })
    }

    /// The name used in data files.
    pub fn name(self) -> &'static str {
        match self {
            Ambiguity::None => "none",
            Ambiguity::Weak => "weak",
            Ambiguity::Strong => "strong",
            Ambiguity::Cue => "cue",
        }
    }
}

/// One name of a place with its matching flags.
#[derive(Clone, Debug, PartialEq)]
pub struct Name {
    /// The name as written.
    pub text: String,
    /// How much evidence a mention needs.
    pub ambiguity: Ambiguity,
    /// Proclitic sequences (normalized, e.g. "و", "وب") that must not be
    /// split off this name: the glued form is a word of its own.
    pub no_clitic: Vec<String>,
}

impl Name {
    /// A name with no flags.
    pub fn plain(text: impl Into<String>) -> Name {
        Name {
            text: text.into(),
            ambiguity: Ambiguity::None,
            no_clitic: Vec::new(),
        }
    }

    /// Parses `text~flag~noclitic=و,ب` (the flags are optional).
    pub fn parse(item: &str) -> Result<Name> {
        let mut parts = item.split('~');
        let text = parts.next().unwrap_or("").trim().to_owned();
        let mut name = Name::plain(text);
        for part in parts {
            if let Some(list) = part.strip_prefix("noclitic=") {
                name.no_clitic = list
                    .split(',')
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect();
            } else {
                name.ambiguity = Ambiguity::parse(part)?;
            }
        }
        Ok(name)
    }
}

/// A place: an OCHA admin unit or community, or one of furat's own regions,
/// neighbourhoods and sites.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// The id: an OCHA P-code (SY08, C4360), or furat's own (FR001 regions,
    /// FN001 neighbourhoods, FS001 sites), or the user's.
    pub id: String,
    /// The kind of place.
    pub level: Level,
    /// The Arabic name (OCHA's, for OCHA places).
    pub name_ar: String,
    /// The English name (OCHA's, for OCHA places).
    pub name_en: String,
    /// Every name the matcher knows for the place, with flags.
    pub names: Vec<Name>,
    /// The governorate, district and sub-district the place lies in (ids),
    /// with their English and Arabic names when the gazetteer has them.
    pub admin: [Option<Admin>; 3],
    /// Latitude (WGS84), when known.
    pub lat: Option<f64>,
    /// Longitude (WGS84), when known.
    pub lon: Option<f64>,
    /// How well known the place is (0 for an obscure village; curated towns
    /// and big cities 40-65): breaks ties among places that share a name.
    pub prior: f32,
}

/// An admin unit a place lies in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Admin {
    /// Its id (P-code).
    pub id: String,
    /// Its English name, if the gazetteer has the unit.
    pub name_en: Option<String>,
    /// Its Arabic name, if the gazetteer has the unit.
    pub name_ar: Option<String>,
}

impl Place {
    /// The admin unit of level 1, 2 or 3.
    pub fn admin(&self, level: usize) -> Option<&Admin> {
        self.admin
            .get(level.wrapping_sub(1))
            .and_then(|a| a.as_ref())
    }

    /// The id of the admin unit of level 1, 2 or 3.
    pub fn admin_id(&self, level: usize) -> Option<&str> {
        self.admin(level).map(|a| a.id.as_str())
    }

    /// The English names (name_en first), for scorers and displays.
    pub fn names_en(&self) -> Vec<&str> {
        let mut out = vec![self.name_en.as_str()];
        for n in &self.names {
            if !n.text.chars().any(is_arabic) && !out.contains(&n.text.as_str()) {
                out.push(&n.text);
            }
        }
        out
    }
}

/// Whether `c` is an Arabic-script letter.
pub(crate) fn is_arabic(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// What a user gives for one place (`Gazetteer::from_records`): everything but
/// the id and one name is optional.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Record {
    /// The id; must be unique.
    pub id: String,
    /// The level name (default: community).
    pub level: String,
    /// The Arabic name.
    pub name_ar: String,
    /// The English name.
    pub name_en: String,
    /// More names, each optionally with flags (`name~weak`).
    pub names: Vec<String>,
    /// Admin unit ids (governorate, district, sub-district).
    pub admin: [String; 3],
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// How well known (breaks ties); default 0.
    pub prior: f32,
}
