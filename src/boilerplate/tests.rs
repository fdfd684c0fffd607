//! Tests of the whole pipeline on small pages.

use super::*;

fn labels(text: &str) -> Vec<&'static str> {
    clean(text, &Options::default()).lines.iter().map(|l| l.label.name()).collect()
}

#[test]
fn empty_and_blank_pages() {
    assert_eq!(labels(""), vec!["blank"]);
    assert_eq!(labels("\u{a0}\n \n"), vec!["blank", "blank", "blank"]);
}

/// `FURAT_DUMP=path cargo test dump -- --ignored --nocapture` prints the
/// decision for a page: a development aid.
#[test]
#[ignore]
fn dump() {
    let path = std::env::var("FURAT_DUMP").expect("FURAT_DUMP");
    for entry in path.split(',') {
        let text = std::fs::read_to_string(entry).unwrap();
        let a = clean(&text, &Options::default());
        let chars: Vec<char> = text.chars().collect();
        eprintln!("== {entry}\n{:?}", a.meta);
        for l in &a.lines {
            let t: String = chars[l.start..l.end].iter().take(70).collect();
            eprintln!("{:11} {:12} {:45} | {}", l.label.name(), l.kind.name(), l.reason.chars().take(45).collect::<String>(), t);
        }
    }
}
