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

fn title_and_labels(text: &str) -> (Option<String>, Vec<&'static str>) {
    let a = clean(text, &Options::default());
    (
        a.title(text),
        a.lines.iter().map(|l| l.label.name()).collect(),
    )
}

const P1: &str = "قال مسؤولون محليون في ريف دير الزور إن الأهالي يعانون من انقطاع المياه منذ أسبوعين، في ظل ارتفاع درجات الحرارة وغياب أي حلول.";
const P2: &str = "وأضاف المسؤولون أن الورشات الفنية بدأت العمل على إصلاح الأعطال في محطة الضخ الرئيسية، لكن نقص قطع التبديل يؤخر إنجاز المهمة.";
const P3: &str = "ويعتمد السكان حالياً على شراء المياه من الصهاريج الخاصة بأسعار مرتفعة، ما يثقل كاهل العائلات التي تعاني أصلاً من تدهور الأوضاع.";
const H: &str = "انقطاع المياه عن أحياء في ريف دير الزور لليوم الرابع عشر";

#[test]
fn a_recurring_section_name_is_not_the_headline() {
    // A menu item and the same section label above the headline; a site
    // name and the site's "خاص" line.
    for (a, b) in [
        ("العالم العربي", "العالم العربي"),
        ("دير الزور 24", "دير الزور 24 - خاص"),
    ] {
        let page = format!("{a}\nالرئيسية\nاقتصاد\n\n{H}\n2024/04/15\n{b}\n\n{P1}\n{P2}\n{P3}");
        assert_eq!(title_and_labels(&page).0.as_deref(), Some(H), "{a}");
    }
}

#[test]
fn guillemets_quote_and_do_not_separate() {
    let page = format!(
        "{H}\n24/01/2024\n\nاتهامات لـ«الدفاع الوطني» بتسليح مقاتلين عبر نهر الفرات\n{P1}\nوقال إن «الوضع صعب» في المنطقة.\n{P2}"
    );
    let a = clean(&page, &Options::default());
    assert_ne!(a.lines[3].kind, Kind::Menu);
    assert_eq!(a.lines[5].label, Label::Content);
    // A breadcrumb with » is still one.
    let crumbs = format!("الرئيسية » أخبار سوريا » دير الزور\n{H}\n{P1}\n{P2}");
    assert_eq!(
        clean(&crumbs, &Options::default()).lines[0].kind,
        Kind::Menu
    );
}

#[test]
fn a_cookie_banners_read_more_opens_no_list() {
    let page = format!(
        "يستخدم هذا الموقع ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك في التصفح.\nموافق\nاقرأ المزيد\n\n{H}\n24/01/2024\n\n{P1}\n{P2}"
    );
    assert_eq!(title_and_labels(&page).0.as_deref(), Some(H));
    // Without the banner the same link takes the line after it.
    let page = format!("اقرأ المزيد\n\n{H}\n\n{P1}\n{P2}");
    assert_eq!(
        clean(&page, &Options::default()).lines[2].kind,
        Kind::Related
    );
}

#[test]
fn a_lists_own_chrome_costs_the_body_nothing() {
    // Al Jazeera's inline list: its numbering lines are part of the list,
    // so the short body before it is not cut off.
    let page = format!(
        "{H}\n\n{P1}\n\n{P2}\n\nاقرأ أيضا\nlist of 4 items\nlist 1 of 4\nقسد تعلن مقتل قيادي في تنظيم الدولة بريف دير الزور\nlist 2 of 4\nمسيرة تستهدف موقعا لفصائل موالية لإيران قرب البوكمال\nlist 3 of 4\nالأمم المتحدة تحذر من نقص التمويل في سوريا\nlist 4 of 4\nما الذي يجري في دير الزور؟\nend of list\n\n{P3}\n\n{P1} {P2}\n\n{P3} {P2}"
    );
    let (_, labels) = title_and_labels(&page);
    assert_eq!(labels[2], "content");
    assert_eq!(labels[4], "content");
    assert_eq!(labels[8], "boilerplate");
}
