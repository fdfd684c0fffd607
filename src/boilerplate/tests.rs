//! Tests of the whole pipeline on small pages.

use super::*;

fn labels(text: &str) -> Vec<&'static str> {
    clean(text, &Options::default())
        .lines
        .iter()
        .map(|l| l.label.name())
        .collect()
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
            eprintln!(
                "{:11} {:12} {:45} | {}",
                l.label.name(),
                l.kind.name(),
                l.reason.chars().take(45).collect::<String>(),
                t
            );
        }
    }
}

/// `FURAT_DUMP=a.txt,b.txt cargo test --release stage_times -- --ignored --nocapture`
/// times the stages on pages repeated 200 times: a development aid.
#[test]
#[ignore]
fn stage_times() {
    let path = std::env::var("FURAT_DUMP").expect("FURAT_DUMP");
    let texts: Vec<Vec<char>> = path
        .split(',')
        .map(|p| std::fs::read_to_string(p).unwrap().chars().collect())
        .collect();
    let bytes: usize = texts
        .iter()
        .map(|t| t.iter().collect::<String>().len())
        .sum::<usize>()
        * 200;
    let opts = Options::default();
    let _ = clean("warm up", &opts);
    let t = std::time::Instant::now();
    for _ in 0..200 {
        for c in &texts {
            std::hint::black_box(features::analyse(c, &opts, None));
        }
    }
    let analyse = t.elapsed().as_secs_f64();
    let t = std::time::Instant::now();
    for _ in 0..200 {
        for c in &texts {
            std::hint::black_box(clean_chars(c, &opts, None));
        }
    }
    let all = t.elapsed().as_secs_f64();
    let t = std::time::Instant::now();
    for _ in 0..200 {
        for c in &texts {
            for (s, e) in text::split_lines(c) {
                std::hint::black_box(text::fold(&c[s..e]));
            }
        }
    }
    let fold = t.elapsed().as_secs_f64();
    eprintln!(
        "{:.1} MB: fold {fold:.3}s analyse {analyse:.3}s all {all:.3}s = {:.1} MB/s",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / all
    );
}

#[test]
fn line_hash_is_pinned() {
    // Saved Cleaner states hold these hashes: changing the function breaks
    // them (bump templates::FORMAT_VERSION if it must change).
    let h = features::line_hash("مقالات ذات صله");
    assert_eq!(h, features::line_hash("مقالات ذات صله"));
    assert_ne!(h, features::line_hash("مقالات ذات صلة"));
    assert_eq!(format!("{h:016x}"), PINNED);
}

const PINNED: &str = "4ecedb5d11760c8d";

#[test]
fn arabic_end_markers_close_the_article() {
    let page = "تأهيل محطة ضخ مياه الشرب في مدينة البوكمال\n\
                أنهت المؤسسة العامة لمياه الشرب أعمال تأهيل محطة الضخ الرئيسية في البوكمال، بعد توقفها لشهرين.\n\
                انتهى\n\
                ع ع / م ح\n\
                وبين مدير المؤسسة أن الأعمال شملت تركيب مضختين جديدتين وصيانة خطوط الدفع في المدينة.";
    let labels: Vec<&str> = clean(page, &Options::default())
        .lines
        .iter()
        .map(|l| l.label.name())
        .collect();
    assert_eq!(
        labels,
        [
            "title",
            "content",
            "boilerplate",
            "boilerplate",
            "boilerplate"
        ]
    );
}
