//! The shared case table `testdata/normalize.toml`, run against the Rust
//! core (pytest runs the same table through the Python API).

use _furat::normalize::{Normalizer, Options, Profile};
use toml::Value;

fn load() -> Vec<toml::Table> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/normalize.toml");
    let text = std::fs::read_to_string(path).expect("read testdata/normalize.toml");
    let doc: toml::Table = toml::from_str(&text).expect("parse testdata/normalize.toml");
    doc["case"]
        .as_array()
        .expect("[[case]] entries")
        .iter()
        .map(|c| c.as_table().expect("a case is a table").clone())
        .collect()
}

fn normalizer(case: &toml::Table) -> Normalizer {
    let profile =
        Profile::parse(case["profile"].as_str().expect("profile")).expect("known profile");
    let mut opts = Options::profile(profile);
    if let Some(over) = case.get("options").and_then(Value::as_table) {
        for (k, v) in over {
            match v {
                Value::Boolean(b) => opts.set_bool(k, *b).expect("switch"),
                Value::String(s) => opts.set_mode(k, s).expect("mode"),
                other => panic!("option {k}: unsupported value {other}"),
            }
        }
    }
    Normalizer::new(opts)
}

fn quads(case: &toml::Table, key: &str) -> Vec<[usize; 4]> {
    let Some(list) = case.get(key).and_then(Value::as_array) else {
        return Vec::new();
    };
    list.iter()
        .map(|q| {
            let v: Vec<usize> = q
                .as_array()
                .expect("a span is an array")
                .iter()
                .map(|x| usize::try_from(x.as_integer().expect("an int")).expect("non-negative"))
                .collect();
            [v[0], v[1], v[2], v[3]]
        })
        .collect()
}

#[test]
fn shared_cases() {
    let cases = load();
    assert!(cases.len() > 50, "the table has {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().expect("name");
        let input = case["input"].as_str().expect("input");
        let expected = case["expected"].as_str().expect("expected");
        let n = normalizer(case);
        let got = n.normalize(input);
        if got != expected {
            failures.push(format!(
                "{name}: {input:?} -> {got:?}, expected {expected:?}"
            ));
            continue;
        }
        let again = n.normalize(&got);
        if again != got {
            failures.push(format!("{name}: not idempotent: {got:?} -> {again:?}"));
        }
        let (out, al) = n.normalize_with_alignment(input);
        assert_eq!(out, got, "{name}: normalize_with_alignment differs");
        assert_eq!(al.original_len(), input.chars().count(), "{name}");
        assert_eq!(al.normalized_len(), out.chars().count(), "{name}");
        for [ns, ne, os, oe] in quads(case, "spans") {
            let m = al.to_original(ns, ne);
            if m != Some((os, oe)) {
                failures.push(format!(
                    "{name}: to_original({ns}, {ne}) = {m:?}, expected ({os}, {oe})"
                ));
            }
        }
        for [os, oe, ns, ne] in quads(case, "reverse") {
            let m = al.to_normalized(os, oe);
            if m != Some((ns, ne)) {
                failures.push(format!(
                    "{name}: to_normalized({os}, {oe}) = {m:?}, expected ({ns}, {ne})"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
