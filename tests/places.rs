//! The held-out place-matching cases of `testdata/places.toml`, run against
//! the built-in gazetteer. Prints precision and recall over the whole set
//! and fails on any case that is wrong (or on a `known_failure` that now
//! passes, so its mark gets removed).

use _furat::gazetteer::Gazetteer;
use std::collections::HashSet;

#[derive(Debug)]
struct Expect {
    text: String,
    pcodes: Vec<String>,
    proclitic: Option<String>,
}

fn load() -> Vec<(String, String, Vec<Expect>, Option<String>)> {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/places.toml"))
            .unwrap();
    let doc: toml::Table = toml::from_str(&text).unwrap();
    let mut out = Vec::new();
    for case in doc["case"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap().to_owned();
        let text = case["text"].as_str().unwrap().to_owned();
        let expect = case["expect"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| Expect {
                text: e["text"].as_str().unwrap().to_owned(),
                pcodes: e["pcode"]
                    .as_str()
                    .unwrap()
                    .split('|')
                    .map(str::to_owned)
                    .collect(),
                proclitic: e.get("proclitic").map(|p| p.as_str().unwrap().to_owned()),
            })
            .collect();
        let known = case
            .get("known_failure")
            .map(|k| k.as_str().unwrap().to_owned());
        out.push((name, text, expect, known));
    }
    out
}

#[test]
fn held_out_places() {
    let g = Gazetteer::builtin();
    let (mut tp, mut npred, mut ngold) = (0usize, 0usize, 0usize);
    let mut wrong = Vec::new();
    for (name, text, expect, known) in load() {
        let found = g.find(&text);
        let chars: Vec<char> = text.chars().collect();
        let mut used = HashSet::new();
        let mut case_tp = 0;
        for e in &expect {
            let hit = found.iter().enumerate().find(|(i, m)| {
                !used.contains(i)
                    && m.text == e.text
                    && e.pcodes.contains(&m.place.id)
                    && e.proclitic.as_ref().is_none_or(|p| p == m.proclitic)
            });
            if let Some((i, _)) = hit {
                used.insert(i);
                case_tp += 1;
            }
        }
        for m in &found {
            assert_eq!(
                chars[m.start..m.end].iter().collect::<String>(),
                m.text,
                "{name}: span"
            );
        }
        tp += case_tp;
        npred += found.len();
        ngold += expect.len();
        let ok = case_tp == expect.len() && found.len() == expect.len();
        let got: Vec<String> = found
            .iter()
            .map(|m| {
                format!(
                    "{}={}{}",
                    m.text,
                    m.place.id,
                    if m.proclitic.is_empty() {
                        String::new()
                    } else {
                        format!("({})", m.proclitic)
                    }
                )
            })
            .collect();
        match (ok, known) {
            (false, None) => wrong.push(format!("{name}: got {got:?}")),
            (true, Some(_)) => wrong.push(format!("{name}: passes now, remove its known_failure")),
            _ => {}
        }
    }
    let p = if npred > 0 {
        tp as f64 / npred as f64
    } else {
        1.0
    };
    let r = if ngold > 0 {
        tp as f64 / ngold as f64
    } else {
        1.0
    };
    eprintln!(
        "held-out places: precision {p:.3} recall {r:.3} ({tp} of {ngold} found, {npred} predicted)"
    );
    assert!(
        wrong.is_empty(),
        "{} wrong cases:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
