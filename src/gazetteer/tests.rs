//! Unit tests of the matcher on small gazetteers and on the built-in one.
//! The table-driven held-out set is `testdata/places.toml` (tests/places.rs).

use super::*;

fn ids(g: &Gazetteer, text: &str) -> Vec<(String, String, &'static str)> {
    g.find(text)
        .into_iter()
        .map(|m| (m.text, m.place.id.clone(), m.proclitic))
        .collect()
}

fn small() -> Gazetteer {
    let csv = "id,level,name_ar,name_en,names,admin1\n\
               G1,governorate,الحسكة,Al-Hasakah,Hasakah|Hassakeh,G1\n\
               C1,community,دير الزور,Deir ez-Zor,Deir Ezzor,G1\n\
               C2,community,دير حافر,Dayr Hafir,,G1\n\
               C3,community,هجين,Hajin,هجين~weak,G1\n\
               C4,community,جديدة,Jdideh,جديدة~strong,G1\n";
    Gazetteer::from_csv_str(csv, "small.csv").unwrap()
}

#[test]
fn clitics_and_spans() {
    let g = small();
    let text = "بين دير الزور والحسكة وللحسكة";
    let found = g.find(text);
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(
        (found[1].text.as_str(), found[1].proclitic),
        ("الحسكة", "و")
    );
    assert_eq!(
        (found[2].text.as_str(), found[2].proclitic),
        ("لحسكة", "ول")
    );
    let chars: Vec<char> = text.chars().collect();
    let m = &found[1];
    assert_eq!(chars[m.start..m.end].iter().collect::<String>(), "الحسكة");
}

#[test]
fn boundaries_and_longest() {
    let g = small();
    assert!(ids(&g, "مديرالزور").is_empty());
    assert!(ids(&g, "الحسكةي").is_empty());
    assert_eq!(ids(&g, "في دير حافر")[0].1, "C2");
    assert!(ids(&g, "دير").is_empty());
    assert_eq!(ids(&g, "ديرالزور")[0].1, "C1");
    assert_eq!(ids(&g, "in deir ezzor.")[0].1, "C1");
    assert_eq!(ids(&g, "in Deir-ez-Zor's east")[0].1, "C1");
}

#[test]
fn ambiguous_names_need_evidence() {
    let g = small();
    assert!(ids(&g, "خطة جديدة").is_empty());
    assert_eq!(ids(&g, "قرية جديدة")[0].1, "C4");
    assert!(ids(&g, "سيارة هجين").is_empty());
    assert_eq!(ids(&g, "اشتباكات في هجين والحسكة")[0].1, "C3");
}

#[test]
fn bad_records_are_reported() {
    let e = Gazetteer::from_csv_str("id,name_en\nA,x\nA,y\n", "f.csv").unwrap_err();
    assert_eq!(
        e.message(),
        "f.csv, line 3: duplicate id \"A\" (first at f.csv, line 2)"
    );
    let e = Gazetteer::from_csv_str("id,name_en,name_ar\nA,,\n", "f.csv").unwrap_err();
    assert!(
        e.message().contains("line 2: place \"A\" has no name"),
        "{e}"
    );
    let e = Gazetteer::from_csv_str("id,name_en,level\nA,x,planet\n", "f.csv").unwrap_err();
    assert!(
        e.message()
            .contains("line 2, column 'level': unknown level"),
        "{e}"
    );
    let e = Gazetteer::from_records(vec![Record {
        id: " ".into(),
        name_en: "x".into(),
        ..Default::default()
    }])
    .unwrap_err();
    assert_eq!(e.message(), "records[0]: the id is empty");
}

#[test]
fn builtin_loads() {
    let g = Gazetteer::builtin();
    assert!(g.len() > 7900);
    let p = g.get("C4360").unwrap();
    assert_eq!(p.level, Level::Community);
    assert_eq!(p.admin_id(1), Some("SY08"));
    assert_eq!(
        p.admin(1).and_then(|a| a.name_ar.as_deref()),
        Some("الحسكة")
    );
    assert_eq!(g.search("ديرالزور")[0].id, "SY09");
}

#[test]
fn shipped_key_table_is_current() {
    // `data/gazetteer/keys.bin` must be what the current code and
    // normalizer make from the built-in places; FURAT_WRITE_KEY_TABLE=1
    // (`make gazetteer-table`) rewrites it.
    let g = Gazetteer::from_csv_str(BUILTIN_CSV, "places.csv").unwrap();
    let n = Normalizer::from_profile(Profile::Search);
    let fresh = table::KeyTable::from_places(g.places(), &n);
    let bytes = fresh.encode(table::fingerprint(BUILTIN_CSV));
    if std::env::var_os("FURAT_WRITE_KEY_TABLE").is_some() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/gazetteer/keys.bin");
        std::fs::write(path, &bytes).unwrap();
        return;
    }
    assert!(
        bytes == BUILTIN_KEYS,
        "data/gazetteer/keys.bin is out of date (places.csv, keys.rs, table.rs or the \
         normalizer changed): run `make gazetteer-table`, then rebuild"
    );
    // What the built-in gazetteer reads back is that very table.
    let read = table::KeyTable::decode(BUILTIN_KEYS, table::fingerprint(BUILTIN_CSV), g.len());
    assert!(read.as_ref() == Some(&fresh));
    assert_eq!(Gazetteer::builtin().stats(), g.stats());
}
