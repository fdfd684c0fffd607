//! Context rules shared by every gazetteer: cue words and negative contexts.
//!
//! Both are curated data files (`data/gazetteer/curated/cues.tsv` and
//! `negative_contexts.tsv`, with a note on every row), embedded in the
//! extension and folded with the `search` profile when first used.

use super::place::Level;
use crate::normalize::{Normalizer, Profile};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

const CUES_TSV: &str = include_str!("../../data/gazetteer/curated/cues.tsv");
const NEGATIVE_TSV: &str = include_str!("../../data/gazetteer/curated/negative_contexts.tsv");

/// What a cue word says about the name next to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// A noun naming a kind of place (مدينة, قرية, ريف, village of).
    Settlement,
    /// The surroundings of a place (أطراف, محيط, أهالي).
    Vicinity,
    /// A direction (شرق, جنوبي, near): weak evidence.
    Direction,
}

/// A cue word.
#[derive(Clone, Debug)]
pub(crate) struct Cue {
    pub(crate) kind: CueKind,
    /// The levels the cue points at, most likely first (empty: any).
    pub(crate) levels: Vec<Level>,
}

/// The words before and after a name that rule it out.
#[derive(Clone, Debug, Default)]
pub(crate) struct Negative {
    pub(crate) before: FxHashSet<String>,
    pub(crate) after: FxHashSet<String>,
}

/// Every context rule.
pub(crate) struct Rules {
    /// Cue words before a name, by folded word.
    pub(crate) before: FxHashMap<String, Cue>,
    /// Cue words after a name ("Hajin town"), by folded word.
    pub(crate) after: FxHashMap<String, Cue>,
    /// Negative contexts, by folded name.
    pub(crate) negative: FxHashMap<String, Negative>,
    /// Words before a name that make it part of a person's name (عبد, أبو,
    /// الرئيس, Bashar): the `person` rows of `cues.tsv`.
    pub(crate) person: FxHashSet<String>,
    /// Words between a place and an admin unit after it that say the first
    /// lies in the second: في, ريف, محافظة, شرق ... (X بريف دير الزور).
    pub(crate) linking: FxHashSet<String>,
}

fn fold(n: &Normalizer, s: &str) -> String {
    n.normalize(s.trim())
}

fn data_lines(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(|l| l.split('\t').collect())
}

impl Rules {
    fn load() -> Rules {
        let n = Normalizer::from_profile(Profile::Search);
        let mut before = FxHashMap::default();
        let mut after = FxHashMap::default();
        let mut person = FxHashSet::default();
        for cols in data_lines(CUES_TSV) {
            let (word, kind, levels) = (
                cols[0],
                cols.get(1).copied().unwrap_or(""),
                cols.get(2).copied().unwrap_or(""),
            );
            let levels: Vec<Level> = levels
                .split(' ')
                .filter(|l| *l != "any" && !l.is_empty())
                .filter_map(|l| Level::parse(l).ok())
                .collect();
            let (map, kind) = match kind {
                "settlement" => (&mut before, CueKind::Settlement),
                "vicinity" => (&mut before, CueKind::Vicinity),
                "direction" => (&mut before, CueKind::Direction),
                "after" => (&mut after, CueKind::Settlement),
                "person" => {
                    person.insert(fold(&n, word));
                    continue;
                }
                _ => continue,
            };
            map.insert(fold(&n, word), Cue { kind, levels });
        }
        let mut negative: FxHashMap<String, Negative> = FxHashMap::default();
        for cols in data_lines(NEGATIVE_TSV) {
            let entry = negative.entry(fold(&n, cols[0])).or_default();
            let words = |i: usize| -> Vec<String> {
                cols.get(i)
                    .map(|s| {
                        s.split('|')
                            .filter(|w| !w.is_empty())
                            .map(|w| fold(&n, w))
                            .collect()
                    })
                    .unwrap_or_default()
            };
            entry.before.extend(words(1));
            entry.after.extend(words(2));
        }
        let linking = [
            "في",
            "ريف",
            "محافظة",
            "منطقة",
            "بادية",
            "مدينة",
            "ناحية",
            "شرق",
            "غرب",
            "شمال",
            "جنوب",
            "شرقي",
            "غربي",
            "شمالي",
            "جنوبي",
            "قرب",
            "جنوب شرق",
            "شمال شرق",
            "in",
            "near",
            "of",
            "province",
            "governorate",
            "countryside",
            "east",
            "west",
            "north",
            "south",
            "eastern",
            "western",
            "northern",
            "southern",
            "rural",
            "the",
        ]
        .iter()
        .map(|w| fold(&n, w))
        .collect();
        Rules {
            before,
            after,
            negative,
            person,
            linking,
        }
    }

    /// The rules, loaded once.
    pub(crate) fn get() -> &'static Rules {
        static RULES: LazyLock<Rules> = LazyLock::new(Rules::load);
        &RULES
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_load_and_fold() {
        let r = Rules::get();
        let city = r.before.get("مدينه").expect("مدينة folds to مدينه");
        assert_eq!(city.kind, CueKind::Settlement);
        assert_eq!(city.levels, vec![Level::Community]);
        assert!(
            r.before
                .get("شرق")
                .is_some_and(|c| c.kind == CueKind::Direction)
        );
        assert!(r.after.contains_key("village"));
        let jazira = r
            .negative
            .get("الجزيره")
            .expect("negative contexts of الجزيرة");
        assert!(jazira.before.contains("قناه"));
        assert!(r.person.contains("ابو"));
    }
}
