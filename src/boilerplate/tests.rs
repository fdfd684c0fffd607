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

fn meta_of(text: &str) -> Meta {
    clean(text, &Options::default()).meta
}

const E1: &str = "Local officials in Deir ez-Zor said on Tuesday that residents have been without running water for two weeks, as temperatures rise and no solution is in sight.";
const E2: &str = "Technical teams have begun repairing the main pumping station, but a shortage of spare parts has delayed the work, the officials said in a statement.";
const HE: &str = "Water cuts hit Deir ez-Zor villages for a second week";

#[test]
fn a_photo_agency_after_a_dash_is_a_caption() {
    let page = format!(
        "{H}\n2024/04/15\n\nعناصر من قوات سوريا الديمقراطية في ريف دير الزور - AFP\n\n{P1}\n{P2}"
    );
    let a = clean(&page, &Options::default());
    assert_eq!(a.title(&page).as_deref(), Some(H));
    assert_eq!(a.lines[3].kind, Kind::Caption);
    assert_eq!(a.meta.site, None);
    // The same shape with the headline again on its own line is the
    // page's <title>, even below a skip link.
    let page =
        format!("Skip to main content\n{HE} - Reuters\nHome\n\n{HE}\nMarch 6, 2024\n\n{E1}\n{E2}");
    let a = clean(&page, &Options::default());
    assert_eq!(a.title_index(), Some(1));
    assert_eq!(
        (a.meta.title.as_deref(), a.meta.site.as_deref()),
        (Some(HE), Some("Reuters"))
    );
}

#[test]
fn datelines_need_a_place_before_the_tag() {
    // A two-word place before an outlet's name.
    let page = format!("{H}\n2024/04/15\n\nدير الزور - عنب بلدي\n\n{P1}\n{P2}");
    let m = meta_of(&page);
    assert_eq!(m.dateline.as_deref(), Some("دير الزور"));
    assert_eq!(m.source, None);
    // An outlet with a dateline tag is its own credit.
    let page = format!("{H}\n2024/04/15\n\nتلفزيون سوريا - خاص\n\n{P1}\n{P2}");
    let m = meta_of(&page);
    assert_eq!(m.dateline, None);
    assert_eq!(m.source.as_deref(), Some("تلفزيون سوريا - خاص"));
    // A hyphenated outlet name is no dateline.
    let page = format!("Al-Monitor\n{HE}\nMarch 6, 2024\n\n{E1}\n{E2}");
    assert_eq!(meta_of(&page).dateline, None);
}

#[test]
fn datelines_at_the_start_of_the_first_paragraph() {
    let page = format!(
        "{HE}\nMarch 6, 2024\n\nQAMISHLI, Syria, March 6 (Reuters) - The U.S.-backed Syrian Democratic Forces said on Wednesday they had foiled a plot to storm a prison.\n{E2}"
    );
    assert_eq!(meta_of(&page).dateline.as_deref(), Some("QAMISHLI"));
    let page = format!("{H}\n2024/04/15\n\nالحسكة- {P1}\n{P2}");
    assert_eq!(meta_of(&page).dateline.as_deref(), Some("الحسكة"));
    // A first word that is no name (a function word, a verb) is no dateline.
    for first in ["من", "وأضاف", "عاجل", "محمد - وهو اسم مستعار"] {
        let page = format!("{H}\n2024/04/15\n\n{first} - {P1}\n{P2}");
        assert_eq!(meta_of(&page).dateline, None, "{first}");
    }
}

#[test]
fn bylines_with_a_place_or_a_date() {
    for (line, place) in [
        ("دير الزور/ روناهي حسن", "دير الزور"),
        ("القامشلي (سوريا): كمال شيخو", "القامشلي"),
    ] {
        let page = format!("{H}\n\n٨-٢-٢٠٢٤، الساعة ١١:٢٤\n\n{line}\n\n{P1}\n{P2}");
        let m = meta_of(&page);
        assert_eq!(m.dateline.as_deref(), Some(place), "{line}");
        assert!(
            matches!(m.author.as_deref(), Some("روناهي حسن" | "كمال شيخو")),
            "{line}"
        );
    }
    // A quoted outlet after the place is the source.
    let page = format!("{H}\n12 مارس 2024\nبيروت: «الشرق الأوسط»\n\n{P1}\n{P2}");
    let m = meta_of(&page);
    assert_eq!(
        (m.author, m.source.as_deref(), m.dateline.as_deref()),
        (None, Some("الشرق الأوسط"), Some("بيروت"))
    );
    let page = format!("{H}\nنُشر في 5 ذو الحجة 1444 هـ بواسطة سامي الفراتي\n\n{P1}\n{P2}");
    let a = clean(&page, &Options::default());
    assert_eq!(a.title(&page).as_deref(), Some(H));
    assert_eq!(a.meta.author.as_deref(), Some("سامي الفراتي"));
    assert_eq!(a.lines[1].kind, Kind::Byline);
    let page = format!("{HE}\nPosted on March 3, 2024 by Jane Doe\n\n{E1}\n{E2}");
    let m = meta_of(&page);
    assert_eq!(
        (m.author.as_deref(), m.date.as_deref()),
        (Some("Jane Doe"), Some("2024-03-03"))
    );
}

#[test]
fn a_name_by_the_date_inside_the_body_is_a_byline() {
    let standfirst = "تقول منظمات إنسانية إن أكثر من نصف أطفال المخيم لا يحصلون على أي شكل من أشكال التعليم النظامي، بعد إغلاق مدارس مؤقتة.";
    let page = format!(
        "{H}\n\n{standfirst}\n\nعبدالحليم سليمان مراسل\nالجمعة 23 فبراير 2024 12:15\n\n{P1}\n{P2}"
    );
    let a = clean(&page, &Options::default());
    assert_eq!(a.lines[2].label, Label::Content);
    assert_eq!(a.lines[4].kind, Kind::Byline);
    assert_eq!(a.meta.author.as_deref(), Some("عبدالحليم سليمان"));
    let page = format!("{HE}\nAuthor: Hana Ibrahim, Field Coordinator\n\n{E1}\n{E2}");
    assert_eq!(meta_of(&page).author.as_deref(), Some("Hana Ibrahim"));
}

#[test]
fn site_suffixes_with_a_section_or_a_tagline() {
    let page = format!("{H} | أخبار | الجزيرة نت\n\nالرئيسية\n\n{H}\n\n{P1}\n{P2}");
    let m = meta_of(&page);
    assert_eq!(
        (m.title.as_deref(), m.site.as_deref()),
        (Some(H), Some("الجزيرة نت"))
    );
    let page = format!(
        "{HE} - Al-Monitor: Independent, trusted coverage of the Middle East\n\nHome\n\n{HE}\nMarch 6, 2024\n\n{E1}\n{E2}"
    );
    let a = clean(&page, &Options::default());
    assert_eq!(a.title_index(), Some(0));
    assert_eq!(
        (a.meta.title.as_deref(), a.meta.site.as_deref()),
        (Some(HE), Some("Al-Monitor"))
    );
}

#[test]
fn newsletter_prose_inside_the_body() {
    let page = format!(
        "{HE}\n\n{E1}\n\nThe Daily Briefing newsletter provides all the news you need to start your day. Sign up here.\n\n{E2}\n\n{E1}"
    );
    assert_eq!(
        clean(&page, &Options::default()).lines[4].kind,
        Kind::Newsletter
    );
}

#[test]
fn long_related_headlines_stay_in_their_list() {
    let page = format!(
        "{H}\n2024/04/15\n\n{P1}\n{P2}\n\nأخبار ذات صلة\nمجلس الرقة المدني يعلن عن خطة لتأهيل الطرق الرئيسية داخل المدينة خلال الأشهر المقبلة بتمويل من منظمات دولية\nمزارعون في ريف الرقة الشمالي يشتكون من قلة مياه الري بعد انخفاض منسوب الفرات إلى مستويات غير مسبوقة\nافتتاح مركز صحي جديد في حي الدرعية بمدينة الرقة"
    );
    let (_, labels) = title_and_labels(&page);
    assert_eq!(&labels[7..], ["boilerplate", "boilerplate", "boilerplate"]);
}

#[test]
fn a_headline_with_its_subtitle_above_the_byline() {
    let sub = "اتهامات لـ«الدفاع الوطني» بتسليح مقاتلين عبر نهر الفرات";
    let page = format!(
        "الرئيسية\nالعالم العربي\n\n{H}\n\n{sub}\n\nالقامشلي (سوريا): كمال شيخو\n12 مارس 2024\n\n{P1}\n{P2}"
    );
    let a = clean(&page, &Options::default());
    assert_eq!(a.title(&page).as_deref(), Some(H));
    assert_eq!(a.lines[5].label, Label::Content);
    assert_eq!(a.meta.author.as_deref(), Some("كمال شيخو"));
    // Headlines in a row (a list without a header): the one above the
    // date is the headline.
    let page = format!(
        "الرئيسية\nارتفاع أسعار الخبز في مدينة الميادين\nاعتقالات في بلدة الشحيل بعد هجوم على حاجز\n{H}\n12 مارس 2024\n\n{P1}\n{P2}"
    );
    assert_eq!(title_and_labels(&page).0.as_deref(), Some(H));
    // A ticker line above the headline ("عاجل: ...") is no headline.
    let page = format!(
        "الرئيسية\nأخبار\n\nعاجل: انفجار في مدينة البصيرة شرقي دير الزور\n\n{H}\n12 آذار 2024\n\n{P1}\n{P2}"
    );
    assert_eq!(title_and_labels(&page).0.as_deref(), Some(H));
}

#[test]
fn a_name_signing_the_article_after_its_last_paragraph() {
    let page = format!(
        "{H}\n2024/04/18\nدير الزور-سانا\n\n{P1}\n{P2}\n\nلؤي العبد الله\n\nتابعونا عبر تطبيق واتس أب :\nhttps://whatsapp.com/channel/0029VaDXkZ1Jp2d8"
    );
    let a = clean(&page, &Options::default());
    assert_eq!(a.meta.author.as_deref(), Some("لؤي العبد الله"));
    assert_eq!(a.lines[7].kind, Kind::Byline);
    // Hashtags, or tags without their header, are no signature; nor is a
    // short line after an article that is no dispatch (no dateline).
    for (dateline, after) in [
        (
            "دير الزور-سانا\n",
            "#دير_الزور #البصيرة\n\nتابعونا عبر تطبيق واتس أب :",
        ),
        (
            "دير الزور-سانا\n",
            "دير الزور\nالإدارة الذاتية\nالقمح\n\nتابعونا عبر تطبيق واتس أب :",
        ),
        ("", "أخبار محلية\n\nتابعونا عبر تطبيق واتس أب :"),
        (
            "دير الزور-سانا\n",
            "أخبار محلية\n\nجميع الحقوق محفوظة © 2024",
        ),
    ] {
        let page = format!("{H}\n2024/04/18\n{dateline}\n{P1}\n{P2}\n\n{after}");
        assert_eq!(meta_of(&page).author, None, "{after}");
    }
}

#[test]
fn the_masthead_between_the_page_title_and_the_h1_names_nothing() {
    // A menu item that is a media word, between the <title> line and the
    // h1, is no credited source; "Site - Section" by the date is no author.
    let page = format!(
        "{H}\n\nالمدن\nالرئيسية\nسياسة\nميديا\nمجتمع\n\n{H}\nالمدن - عرب وعالم\nالثلاثاء 2024/01/23 آخر تحديث: 13:05 (بيروت)\n\n{P1}\n{P2}"
    );
    let m = meta_of(&page);
    assert_eq!((m.author, m.source), (None, None));
    assert_eq!(
        (m.date.as_deref(), m.updated.as_deref()),
        (Some("2024-01-23"), Some("2024-01-23T13:05"))
    );
}

#[test]
fn the_date_under_the_headline_beats_the_date_bar_above_it() {
    // Today's date in the masthead, the article's own date under the
    // headline, a related article's date after it.
    let page = format!(
        "الشروق أونلاين\nالأربعاء 10 جويلية 2024\nالعالم\n{H}\n07 جويلية 2024 - 16:30\n\n{P1}\n{P2}\nمقالات ذات صلة\nعنوان آخر عن دير الزور\n28 جوان 2024"
    );
    let a = clean(&page, &Options::default());
    assert_eq!(a.title_index(), Some(3));
    assert_eq!(a.meta.date.as_deref(), Some("2024-07-07T16:30"));
    assert_eq!(a.meta.site.as_deref(), Some("الشروق أونلاين"));
    // "اليوم السابع" is a newspaper, not "today".
    let page = format!(
        "اليوم السابع\nالأحد، 10 ديسمبر 2023 04:00 ص\n{H}\nالجمعة، 08 ديسمبر 2023 01:15 م\n\n{P1}\n{P2}"
    );
    let a = clean(&page, &Options::default());
    assert_eq!(a.lines[0].kind, Kind::Header);
    assert_eq!(a.meta.date.as_deref(), Some("2023-12-08T13:15"));
    // A byline with the date, a Hijri date, the time and a comment count.
    let page = format!(
        "{H}\nبواسطة سامر العبد الله | ١٤ شباط ٢٠٢٤ الموافق ٤ شعبان ١٤٤٥ هـ | ٠٨:٤٥ م | ٣ تعليقات\n\n{P1}\n{P2}"
    );
    let a = clean(&page, &Options::default());
    assert_eq!(a.title_index(), Some(0));
    assert_eq!(
        (a.meta.author.as_deref(), a.meta.date.as_deref()),
        (Some("سامر العبد الله"), Some("2024-02-14T20:45"))
    );
    // Seconds only when they are not zero.
    let page = format!("{H}\n2024-06-03 10:12:00\n\n{P1}\n{P2}");
    assert_eq!(meta_of(&page).date.as_deref(), Some("2024-06-03T10:12"));
    let page = format!("{H}\n2024-06-03 10:12:07\n\n{P1}\n{P2}");
    assert_eq!(meta_of(&page).date.as_deref(), Some("2024-06-03T10:12:07"));
    // Label and value on separate lines: the original publication date.
    let page = format!(
        "{HE}\nSource\nOCHA\nPosted\n14 Feb 2024\nOriginally published\n13 Feb 2024\n\n{E1}\n{E2}"
    );
    assert_eq!(meta_of(&page).date.as_deref(), Some("2024-02-13"));
}

#[test]
fn a_label_and_a_comma_open_a_byline_or_a_caption() {
    // BBC's byline block and image labels: "Author, NAME", "Role, ...",
    // "صدر الصورة، AFP", "التعليق على الصورة، ...".
    let page = format!(
        "BBC News عربي\n\n{H}\nArticle information\nAuthor, ريم حداد\nRole, بي بي سي نيوز عربي\n5 فبراير/ شباط 2024\n\nصدر الصورة، AFP\nالتعليق على الصورة، نساء وأطفال في مخيم الهول بمحافظة الحسكة شمال شرقي سوريا\n{P1}\n{P2}"
    );
    let a = clean(&page, &Options::default());
    assert_eq!(a.title_index(), Some(2));
    assert_eq!(a.meta.author.as_deref(), Some("ريم حداد"));
    assert_eq!(a.lines[8].kind, Kind::Caption);
    assert_eq!(a.lines[9].kind, Kind::Caption);
    // A comma after other words is no separator.
    let page = format!(
        "{HE}\nMarch 6, 2024\n\n{E1}\nRole models, the officials said, are few in the camp.\n{E2}"
    );
    assert_eq!(
        clean(&page, &Options::default()).lines[4].label,
        Label::Content
    );
}

#[test]
fn a_report_page_with_field_labels() {
    // Label and value on separate lines; a download link with a pipe in
    // brackets is neither the headline nor a site suffix; a short label
    // under the headline is not it.
    let page = format!(
        "ReliefWeb\nReport\n{HE} (as of 12 February 2024)\nFormat\nSituation Report\nSource\nOCHA\nPosted\n14 Feb 2024\nOriginally published\n13 Feb 2024\nOrigin\nView original\n\nAttachments\nDownload Report (PDF | 1.21 MB)\n\n{E1}\n{E2}\nFor further information, please contact:\nJane Okafor, Head of Office"
    );
    let a = clean(&page, &Options::default());
    assert_eq!(a.title_index(), Some(2));
    assert_eq!(
        (a.meta.source.as_deref(), a.meta.date.as_deref()),
        (Some("OCHA"), Some("2024-02-13"))
    );
    assert_eq!(a.lines[15].kind, Kind::Ui);
    assert_eq!(a.lines[20].label, Label::Boilerplate);
}

#[test]
fn a_standfirst_above_the_byline_and_credits_after_the_text() {
    let standfirst = "Unless the Syrian Democratic Forces share real authority and oil revenue with Arab communities, the unrest will keep returning.";
    let page = format!(
        "Policy Analysis\n{HE}\n{standfirst}\nby Jonathan Reese\nJan 22, 2024\nAlso available in\nالعربية\nBrief Analysis\n{E1}\n{E2}\nReporting by Lina Haddad in Qamishli; Additional reporting by Huseyin Hayatsever in Ankara; Editing by Tom Perry and Mark Heinrich\nOur Standards: The Thomson Reuters Trust Principles., opens new tab\nThis report was originally published in Arabic and translated into English by Mateo Nelson."
    );
    let a = clean(&page, &Options::default());
    let labels: Vec<&str> = a.lines.iter().map(|l| l.label.name()).collect();
    assert_eq!(
        labels,
        [
            "boilerplate",
            "title",
            "content",
            "boilerplate",
            "boilerplate",
            "boilerplate",
            "boilerplate",
            "boilerplate",
            "content",
            "content",
            "boilerplate",
            "boilerplate",
            "boilerplate"
        ]
    );
    assert_eq!(a.meta.author.as_deref(), Some("Jonathan Reese"));
    // A caption under the headline, its credit in brackets, is no standfirst.
    let page = format!(
        "{H} - الجزيرة نت\nسوريا\n{H}\nمليشيات موالية لإيران في مدينة البوكمال بريف دير الزور الشرقي (الجزيرة)\nمحمد الأحمد\n27/10/2023\n\n{P1}\n{P2}"
    );
    assert_eq!(
        clean(&page, &Options::default()).lines[3].label,
        Label::Boilerplate
    );
    // Without the credit it is the standfirst.
    let page = format!(
        "{H} - الجزيرة نت\nسوريا\n{H}\nمليشيات موالية لإيران تغري الشباب في مدينة البوكمال بريف دير الزور الشرقي\nمحمد الأحمد\n27/10/2023\n\n{P1}\n{P2}"
    );
    assert_eq!(
        clean(&page, &Options::default()).lines[3].label,
        Label::Content
    );
    // The agency's note on its public page.
    let page = format!(
        "{H}\n27/10/2023\n\n{P1}\n{P2}\nالأخبار المنشورة على الصفحة الرسمية لوكالة الأناضول، هي ملخص للأخبار التي يتم بثها للمشتركين عبر نظام تدفق الأخبار (HAS). يرجى التواصل معنا للاشتراك."
    );
    assert_eq!(
        clean(&page, &Options::default()).lines[5].kind,
        Kind::Disclaimer
    );
}

#[test]
fn a_section_page_of_teasers_has_no_article() {
    let teaser = |h: &str, d: &str| format!("{h}\n{d}\n{P1}\nاقرأ المزيد »\n");
    let page = format!(
        "فرات بوست\nالأحد 2 حزيران 2024\nأخبار دير الزور\nجميع الأخبار المتعلقة بمحافظة دير الزور وريفها\n\n{}{}{}",
        teaser(
            "ميليشيا تفرض إتاوات على صيادي الأسماك في الميادين",
            "منذ 3 ساعات"
        ),
        teaser(
            "اشتباكات بين قسد ومسلحين عشائريين في بلدة ذيبان",
            "1 حزيران 2024"
        ),
        teaser(
            "انقطاع الكهرباء عن أحياء في مدينة دير الزور",
            "31 أيار 2024"
        ),
    );
    let a = clean(&page, &Options::default());
    assert_eq!(a.title_index(), None);
    assert!(a.lines.iter().all(|l| l.label != Label::Content));
    assert_eq!(
        (a.meta.date.as_deref(), a.meta.site.as_deref()),
        (None, Some("فرات بوست"))
    );
    // One "read more" after the article is a list header, not a listing.
    let page = format!("{H}\n2024/04/15\n\n{P1}\n{P2}\nاقرأ المزيد »\nعنوان آخر عن دير الزور");
    assert_eq!(
        clean(&page, &Options::default()).lines[3].label,
        Label::Content
    );
}

#[test]
fn an_outlet_and_a_place_either_way_round() {
    for (line, place) in [
        ("عنب بلدي – دير الزور", "دير الزور"),
        ("سكاي نيوز عربية - أبوظبي", "أبوظبي"),
        ("دمشق - «الخليج»", "دمشق"),
    ] {
        let page =
            format!("{H}\n{line}\n12/05/2024\n\n{P1}\n{P2}\nسورياالكوليراالأمم المتحدة\nشارك");
        let a = clean(&page, &Options::default());
        assert_eq!(a.lines[1].kind, Kind::Dateline, "{line}");
        assert_eq!(
            (a.meta.dateline.as_deref(), a.meta.source.as_deref()),
            (Some(place), None),
            "{line}"
        );
        // A tag row that lost its spaces signs nothing.
        assert_eq!(a.meta.author, None, "{line}");
    }
    // A site and a section stay apart.
    let page = format!("{H}\nسكاي نيوز عربية - سياسة\n12/05/2024\n\n{P1}\n{P2}");
    assert_eq!(meta_of(&page).dateline, None);
}

#[test]
fn a_place_and_a_name_by_a_dash_a_byline_word_or_a_pipe() {
    for (line, author, place) in [
        ("قامشلو- دلال سيدو", "دلال سيدو", Some("قامشلو")),
        ("ريم العلي – الحسكة", "ريم العلي", Some("الحسكة")),
        (
            "القامشلي (شمال شرقي سوريا): كمال الحسين",
            "كمال الحسين",
            Some("القامشلي"),
        ),
        ("كتبت هبة سعيد", "هبة سعيد", None),
    ] {
        let page = format!("{H}\n{line}\nالجمعة، 08 ديسمبر 2023 01:15 م\n\n{P1}\n{P2}");
        let m = meta_of(&page);
        assert_eq!(
            (m.author.as_deref(), m.dateline.as_deref()),
            (Some(author), place),
            "{line}"
        );
    }
    let page = format!("{H}\nأحمد زكريا   |22.08.2023 - محدث : 22.08.2023\n\n{P1}\n{P2}");
    assert_eq!(meta_of(&page).author.as_deref(), Some("أحمد زكريا"));
    // A site's name standing alone elsewhere is no place.
    let page = format!("المدن\n{H}\nالمدن - عرب وعالم\n2024/01/23\n\n{P1}\n{P2}");
    assert_eq!(meta_of(&page).author, None);
}

#[test]
fn english_datelines_in_capitals() {
    for (first, place) in [
        ("AMMAN — When", Some("AMMAN")),
        ("ERBIL (Kurdistan24) – The", Some("ERBIL")),
        ("HASAKAH, Syria: For", Some("HASAKAH")),
        ("DEIR EZ-ZOR, Syria (AFP) — The", Some("DEIR EZ-ZOR")),
        ("UN officials said on Tuesday that", None),
        ("NATO-led talks — The", None),
    ] {
        let page = format!(
            "{HE}\nMarch 6, 2024\n\n{first} officials in the region said that residents have been without water for two weeks.\n{E2}"
        );
        assert_eq!(meta_of(&page).dateline.as_deref(), place, "{first}");
    }
}

#[test]
fn a_photo_credited_to_an_outlet_inside_the_body() {
    let page = format!(
        "نورث برس\n{H}\n2024/08/11\n\n{P1}\nنساء يملأن عبوات بالمياه من صهريج في حي غويران بمدينة الحسكة – نورث برس\n{P2}"
    );
    let a = clean(&page, &Options::default());
    assert_eq!(a.lines[5].kind, Kind::Caption);
    assert_eq!(a.lines[6].label, Label::Content);
    // A subheading with a dash and no outlet stays.
    let page = format!("{H}\n2024/08/11\n\n{P1}\nالمياه في الحسكة - أزمة بلا حل\n{P2}");
    assert_eq!(
        clean(&page, &Options::default()).lines[4].label,
        Label::Content
    );
}

#[test]
fn a_capitalised_name_with_digits_is_no_user_name() {
    let page = format!("Kurdistan24\n{HE}\nMarch 6, 2024\n\n{E1}\n{E2}");
    let a = clean(&page, &Options::default());
    assert_ne!(a.lines[0].kind, Kind::Byline);
    assert_eq!(a.meta.author, None);
    let page = format!("{HE}\neditor4\nMarch 6, 2024\n\n{E1}\n{E2}");
    assert_eq!(meta_of(&page).author.as_deref(), Some("editor4"));
}

#[test]
fn an_agency_alone_names_the_site_above_the_headline_and_the_source_below() {
    let page = format!("Reuters\nWorld\nMy News\n{HE}\nAFP\nMarch 6, 2024\n\n{E1}\n{E2}");
    let m = meta_of(&page);
    assert_eq!(
        (m.site.as_deref(), m.source.as_deref()),
        (Some("Reuters"), Some("AFP"))
    );
}
