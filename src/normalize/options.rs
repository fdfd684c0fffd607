//! The normalizer's options and the named profiles that set them.
//!
//! Every operation is one option. A profile is only a named set of option
//! values; a caller starts from a profile and overrides single options by
//! name (`Options::set`), which is what `furat.Normalizer("search", x=...)`
//! does in Python. Options print and parse as `name=value` pairs in one fixed
//! order, so `to_dict`/`from_dict` and `__repr__` are stable.

use crate::error::{Error, Result};
use std::fmt;

/// Which Arabic combining marks to delete.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Diacritics {
    /// Keep every mark.
    Keep,
    /// Only the basic harakat, tanwin, shadda, sukun and dagger alef
    /// (U+064B-0652, U+0670): what CAMeL Tools' `dediac_ar` deletes.
    Basic,
    /// Every Arabic combining mark: U+0610-061A, U+064B-065F, U+0670,
    /// U+06D6-06ED (less U+06DD, U+06DE, U+06E9, which are not marks),
    /// U+0897-089F, U+08CA-08E1, U+08E3-08FF, U+10EFA-10EFF.
    All,
    /// As `All`, but shadda (U+0651) stays: it marks a doubled consonant.
    KeepShadda,
}

/// Which alef forms fold to bare alef ا.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Alef {
    /// Keep every alef form.
    Keep,
    /// أ إ آ ٱ → ا: what CAMeL Tools' `normalize_alef_ar` does.
    Basic,
    /// أ إ آ ٱ ٲ ٳ ٵ → ا.
    All,
}

/// What happens to whitespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Whitespace {
    /// Leave every whitespace character as it is.
    Keep,
    /// Map NBSP, tab and the other horizontal Unicode spaces to U+0020, one
    /// for one; no collapsing, line breaks untouched.
    Spaces,
    /// Collapse each run of horizontal spaces to one U+0020 and trim each
    /// line; every line break becomes one `\n` (CRLF counts as one), so the
    /// number of lines never changes.
    Lines,
    /// Collapse each run of whitespace, line breaks included, to one U+0020
    /// and trim both ends of the text.
    Collapse,
}

/// The named profiles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Profile {
    /// Aggressive folding for indexing and matching; the gazetteer uses it.
    Search,
    /// Conservative repair: invisibles, presentation forms and whitespace;
    /// letters and diacritics kept.
    Clean,
    /// Exactly CAMeL Tools' `dediac_ar(normalize_alef_maksura_ar(
    /// normalize_teh_marbuta_ar(normalize_alef_ar(text))))`.
    Camel,
    /// Every operation off: the identity, a base for custom option sets.
    None,
}

impl Profile {
    /// All profiles, in documentation order.
    pub const ALL: [Profile; 4] = [
        Profile::Search,
        Profile::Clean,
        Profile::Camel,
        Profile::None,
    ];

    /// The profile's name as Python spells it.
    pub fn name(self) -> &'static str {
        match self {
            Profile::Search => "search",
            Profile::Clean => "clean",
            Profile::Camel => "camel",
            Profile::None => "none",
        }
    }

    /// Parses a profile name.
    pub fn parse(name: &str) -> Result<Profile> {
        Profile::ALL.into_iter().find(|p| p.name() == name).ok_or_else(|| {
            Error::invalid_option(format!(
                "unknown profile {name:?}; expected one of \"search\", \"clean\", \"camel\", \"none\""
            ))
        })
    }
}

/// One value per operation. Build it from a profile, then override.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Options {
    /// Canonical composition (NFC) first, so that ا + U+0654 behaves like أ.
    pub nfc: bool,
    /// Which combining marks to delete.
    pub diacritics: Diacritics,
    /// Delete tatweel (kashida, U+0640).
    pub tatweel: bool,
    /// Which alef forms fold to ا.
    pub alef: Alef,
    /// Hamza on a carrier: ؤ → و, ئ → ي.
    pub hamza: bool,
    /// Alef maksura ى → ي.
    pub alef_maksura: bool,
    /// Teh marbuta ة → ه.
    pub teh_marbuta: bool,
    /// Persian, Urdu, Kurdish and Maghrebi letter forms → the Arabic letter
    /// (ک → ك, ی → ي or ى, گ → ك, ە → ه, پ → ب ...).
    pub persian: bool,
    /// Presentation forms (U+FB50-FDFF, U+FE70-FEFF) → base letters,
    /// losslessly: ﻷ → لأ, ﷺ → صلى الله عليه وسلم.
    pub presentation_forms: bool,
    /// Eastern Arabic and Persian digits → ASCII; ٫ → `.`, ٬ → `,`.
    pub digits: bool,
    /// Arabic punctuation → ASCII (، ؛ ؟ ۔ ٪ ٭ ؍), dashes → `-`, … → `...`.
    pub punctuation: bool,
    /// Quote variants → `"` and `'`.
    pub quotes: bool,
    /// Delete invisible and bidi controls (U+061C, U+200B, U+200E-200F,
    /// U+202A-202E, U+2060-2064, U+2066-206F, U+FEFF, soft hyphen, CGJ).
    pub invisibles: bool,
    /// Delete ZWJ and ZWNJ (U+200C, U+200D) too.
    pub joiners: bool,
    /// Whitespace handling.
    pub whitespace: Whitespace,
    /// Lowercase cased letters (Latin, Greek, Cyrillic...), plus ß → ss,
    /// ς → σ, ſ → s. Expansions keep offsets right.
    pub lowercase: bool,
}

/// The names of all options, in their fixed order.
pub const OPTION_NAMES: [&str; 16] = [
    "nfc",
    "diacritics",
    "tatweel",
    "alef",
    "hamza",
    "alef_maksura",
    "teh_marbuta",
    "persian",
    "presentation_forms",
    "digits",
    "punctuation",
    "quotes",
    "invisibles",
    "joiners",
    "whitespace",
    "lowercase",
];

/// A value of one option: options are either switches or named modes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OptionValue {
    /// A switch.
    Bool(bool),
    /// A named mode (`diacritics`, `alef`, `whitespace`).
    Mode(&'static str),
}

impl fmt::Display for OptionValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OptionValue::Bool(b) => write!(f, "{b}"),
            OptionValue::Mode(m) => f.write_str(m),
        }
    }
}

const DIACRITICS_MODES: [(&str, Diacritics); 4] = [
    ("keep", Diacritics::Keep),
    ("basic", Diacritics::Basic),
    ("all", Diacritics::All),
    ("keep_shadda", Diacritics::KeepShadda),
];
const ALEF_MODES: [(&str, Alef); 3] = [
    ("keep", Alef::Keep),
    ("basic", Alef::Basic),
    ("all", Alef::All),
];
const WHITESPACE_MODES: [(&str, Whitespace); 4] = [
    ("keep", Whitespace::Keep),
    ("spaces", Whitespace::Spaces),
    ("lines", Whitespace::Lines),
    ("collapse", Whitespace::Collapse),
];

fn mode_name<T: PartialEq + Copy>(modes: &[(&'static str, T)], value: T) -> &'static str {
    modes
        .iter()
        .find(|(_, v)| *v == value)
        .map_or("?", |(n, _)| n)
}

fn parse_mode<T: Copy>(option: &str, modes: &[(&'static str, T)], value: &str) -> Result<T> {
    modes
        .iter()
        .find(|(n, _)| *n == value)
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            let names: Vec<String> = modes.iter().map(|(n, _)| format!("{n:?}")).collect();
            Error::invalid_option(format!(
                "invalid value {value:?} for option {option:?}; expected one of {}",
                names.join(", ")
            ))
        })
}

impl Options {
    /// The option values of a profile.
    pub const fn profile(profile: Profile) -> Options {
        match profile {
            Profile::Search => Options {
                nfc: true,
                diacritics: Diacritics::All,
                tatweel: true,
                alef: Alef::All,
                hamza: true,
                alef_maksura: true,
                teh_marbuta: true,
                persian: true,
                presentation_forms: true,
                digits: true,
                punctuation: true,
                quotes: true,
                invisibles: true,
                joiners: true,
                whitespace: Whitespace::Collapse,
                lowercase: true,
            },
            Profile::Clean => Options {
                nfc: true,
                diacritics: Diacritics::Keep,
                tatweel: false,
                alef: Alef::Keep,
                hamza: false,
                alef_maksura: false,
                teh_marbuta: false,
                persian: false,
                presentation_forms: true,
                digits: false,
                punctuation: false,
                quotes: false,
                invisibles: true,
                joiners: false,
                whitespace: Whitespace::Lines,
                lowercase: false,
            },
            Profile::Camel => Options {
                nfc: false,
                diacritics: Diacritics::Basic,
                alef: Alef::Basic,
                alef_maksura: true,
                teh_marbuta: true,
                ..Options::profile(Profile::None)
            },
            Profile::None => Options {
                nfc: false,
                diacritics: Diacritics::Keep,
                tatweel: false,
                alef: Alef::Keep,
                hamza: false,
                alef_maksura: false,
                teh_marbuta: false,
                persian: false,
                presentation_forms: false,
                digits: false,
                punctuation: false,
                quotes: false,
                invisibles: false,
                joiners: false,
                whitespace: Whitespace::Keep,
                lowercase: false,
            },
        }
    }

    /// The profile whose options these are exactly, if any.
    pub fn matching_profile(&self) -> Option<Profile> {
        Profile::ALL
            .into_iter()
            .find(|p| Options::profile(*p) == *self)
    }

    fn bool_field(&mut self, name: &str) -> Option<&mut bool> {
        Some(match name {
            "nfc" => &mut self.nfc,
            "tatweel" => &mut self.tatweel,
            "hamza" => &mut self.hamza,
            "alef_maksura" => &mut self.alef_maksura,
            "teh_marbuta" => &mut self.teh_marbuta,
            "persian" => &mut self.persian,
            "presentation_forms" => &mut self.presentation_forms,
            "digits" => &mut self.digits,
            "punctuation" => &mut self.punctuation,
            "quotes" => &mut self.quotes,
            "invisibles" => &mut self.invisibles,
            "joiners" => &mut self.joiners,
            "lowercase" => &mut self.lowercase,
            _ => return None,
        })
    }

    /// Whether `name` is a switch (`true`) or a mode (`false`); an error
    /// for unknown names.
    pub fn is_switch(name: &str) -> Result<bool> {
        match name {
            "diacritics" | "alef" | "whitespace" => Ok(false),
            _ if Options::profile(Profile::None).bool_field(name).is_some() => Ok(true),
            _ => Err(unknown_option(name)),
        }
    }

    /// Sets a switch by name.
    pub fn set_bool(&mut self, name: &str, value: bool) -> Result<()> {
        if Options::is_switch(name)? {
            if let Some(field) = self.bool_field(name) {
                *field = value;
            }
            Ok(())
        } else {
            Err(Error::invalid_option(format!(
                "option {name:?} takes a mode name (a str), not a bool"
            )))
        }
    }

    /// Sets a mode by name (`diacritics`, `alef`, `whitespace`).
    pub fn set_mode(&mut self, name: &str, value: &str) -> Result<()> {
        match name {
            "diacritics" => self.diacritics = parse_mode(name, &DIACRITICS_MODES, value)?,
            "alef" => self.alef = parse_mode(name, &ALEF_MODES, value)?,
            "whitespace" => self.whitespace = parse_mode(name, &WHITESPACE_MODES, value)?,
            _ => {
                Options::is_switch(name)?;
                return Err(Error::invalid_option(format!(
                    "option {name:?} is a switch and takes a bool, not {value:?}"
                )));
            }
        }
        Ok(())
    }

    /// The value of one option.
    pub fn get(&self, name: &str) -> Result<OptionValue> {
        Ok(match name {
            "diacritics" => OptionValue::Mode(mode_name(&DIACRITICS_MODES, self.diacritics)),
            "alef" => OptionValue::Mode(mode_name(&ALEF_MODES, self.alef)),
            "whitespace" => OptionValue::Mode(mode_name(&WHITESPACE_MODES, self.whitespace)),
            _ => {
                let mut copy = *self;
                OptionValue::Bool(*copy.bool_field(name).ok_or_else(|| unknown_option(name))?)
            }
        })
    }

    /// Every option with its value, in the fixed order.
    pub fn items(&self) -> Vec<(&'static str, OptionValue)> {
        OPTION_NAMES
            .iter()
            .map(|n| (*n, self.get(n).unwrap_or(OptionValue::Bool(false))))
            .collect()
    }
}

fn unknown_option(name: &str) -> Error {
    Error::invalid_option(format!(
        "unknown option {name:?}; the options are {}",
        OPTION_NAMES.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_round_trip_by_name() {
        for p in Profile::ALL {
            assert_eq!(Profile::parse(p.name()).unwrap(), p);
            assert_eq!(Options::profile(p).matching_profile(), Some(p));
        }
        assert!(Profile::parse("fast").is_err());
    }

    #[test]
    fn set_and_get_by_name() {
        let mut o = Options::profile(Profile::Search);
        o.set_bool("teh_marbuta", false).unwrap();
        o.set_mode("diacritics", "keep_shadda").unwrap();
        assert_eq!(o.get("teh_marbuta").unwrap(), OptionValue::Bool(false));
        assert_eq!(
            o.get("diacritics").unwrap(),
            OptionValue::Mode("keep_shadda")
        );
        assert_eq!(o.matching_profile(), None);
        assert!(o.set_bool("diacritics", true).is_err());
        assert!(o.set_mode("tatweel", "all").is_err());
        assert!(o.set_mode("diacritics", "most").is_err());
        let err = o.set_bool("colour", true).unwrap_err();
        assert!(err.message().contains("unknown option \"colour\""), "{err}");
        assert_eq!(o.items().len(), OPTION_NAMES.len());
    }
}
