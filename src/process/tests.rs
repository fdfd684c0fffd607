//! Unit tests of `process`: spans in the page, parts, nothing from
//! boilerplate, and equality with cleaning then matching the same lines.

use super::*;
use crate::boilerplate::{Label, Options, clean};

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

fn slice(page: &[char], s: usize, e: usize) -> String {
    page[s..e].iter().collect()
}

/// A page with chrome around a short article; place names in the chrome
/// too (menu, related headline, footer).
const PAGE: &str = "الرئيسية | الرقة | دير الزور | الحسكة\n\
    تعزيزات عسكرية تصل إلى البوكمال - موقع المثال\n\
    24 كانون الثاني 2024\n\
    \n\
    \u{a0}قال مصدر محلي إن رتلاً من التعزيزات وصل إلى مدينة البوكمال قادماً من الميادين، في ريف دير الزور الشرقي.\n\
    وأضاف المصدر أن الرتل ضم آليات ثقيلة وعناصر من الفرقة الرابعة، وأن الطريق بين الميادين والبوكمال شهد حركة كثيفة.\r\n\
    مقالات ذات صلة\n\
    قصف على منبج وريف الحسكة\n\
    جميع الحقوق محفوظة لموقع المثال 2024";

fn builtin() -> Gazetteer {
    Gazetteer::builtin()
}

#[test]
fn spans_index_the_page_and_say_their_part() {
    let page = chars(PAGE);
    let out = process_chars(&page, &Options::default(), None, &builtin());
    assert!(!out.places.is_empty());
    for m in &out.places {
        let f = &m.found;
        assert_eq!(slice(&page, f.start, f.end), f.text, "{m:?}");
        let line = out
            .article
            .lines
            .iter()
            .find(|l| l.start <= f.start && f.end <= l.end)
            .expect("a mention lies inside one line");
        let want = match m.part {
            Part::Title => Label::Title,
            Part::Body => Label::Content,
        };
        assert_eq!(line.label, want, "{m:?}");
    }
    let found: Vec<(&str, Part)> = out
        .places
        .iter()
        .map(|m| (m.found.text.as_str(), m.part))
        .collect();
    assert_eq!(
        found,
        [
            ("البوكمال", Part::Title),
            ("البوكمال", Part::Body),
            ("الميادين", Part::Body),
            ("دير الزور", Part::Body),
            ("الميادين", Part::Body),
            ("البوكمال", Part::Body),
        ]
    );
    // In page order.
    assert!(
        out.places
            .windows(2)
            .all(|w| w[0].found.start < w[1].found.start)
    );
}

#[test]
fn nothing_from_boilerplate_lines() {
    let page = chars(PAGE);
    let out = process_chars(&page, &Options::default(), None, &builtin());
    let names: Vec<&str> = out.places.iter().map(|m| m.found.text.as_str()).collect();
    // الرقة, الحسكة (menu), منبج (a related headline): all boilerplate.
    for chrome in ["الرقة", "الحسكة", "منبج"] {
        assert!(!names.contains(&chrome), "{chrome} in {names:?}");
    }
    // ...while matching the raw page finds them.
    let raw: Vec<String> = builtin().find(PAGE).into_iter().map(|m| m.text).collect();
    assert!(raw.iter().any(|t| t == "منبج") && raw.iter().any(|t| t == "الرقة"));
}

#[test]
fn equals_matching_title_and_body_as_one_text() {
    let page = chars(PAGE);
    let g = builtin();
    let out = process_chars(&page, &Options::default(), None, &g);
    let article = clean(PAGE, &Options::default());
    let doc = format!("{}\n{}", article.title(PAGE).unwrap(), article.body(PAGE));
    let expected: Vec<(String, String, &str, f32)> = g
        .find(&doc)
        .into_iter()
        .map(|m| (m.text, m.place.id.clone(), m.proclitic, m.score))
        .collect();
    let got: Vec<(String, String, &str, f32)> = out
        .places
        .iter()
        .map(|m| {
            let f = &m.found;
            (f.text.clone(), f.place.id.clone(), f.proclitic, f.score)
        })
        .collect();
    assert_eq!(got, expected);
    assert_eq!(Document::new(&page, &out.article).chars, chars(&doc));
}

#[test]
fn evidence_comes_from_the_article_only() {
    // هجين is a name that is also a word: a place of its governorate in the
    // same text is evidence for it. Named only in a related headline (chrome),
    // دير الزور must not count.
    let g = builtin();
    let alone = g.find("وصلت التعزيزات إلى هجين صباح اليوم");
    let with_gov = g.find("وصلت التعزيزات إلى هجين صباح اليوم\nتعزيزات في دير الزور");
    let alone_ok = alone.iter().any(|m| m.text == "هجين");
    let with_ok = with_gov.iter().any(|m| m.text == "هجين");
    assert!(
        !alone_ok && with_ok,
        "the gazetteer's evidence rules changed: pick another name that needs a place of its governorate"
    );
    let page = "خبر عاجل\n\
        وصول تعزيزات جديدة - موقع المثال\n\
        قال ناشطون إن التعزيزات وصلت إلى هجين صباح اليوم وسط استنفار كبير لعناصر الفرقة المنتشرة هناك منذ أشهر.\n\
        مقالات ذات صلة\n\
        اشتباكات في دير الزور";
    let out = process(page, &Options::default(), &g);
    assert!(out.article.lines[4].label != Label::Content);
    assert!(
        out.places.iter().all(|m| m.found.text != "هجين"),
        "{:?}",
        out.places
    );
}

#[test]
fn pages_without_title_body_or_text() {
    let g = builtin();
    let empty = process("", &Options::default(), &g);
    assert!(empty.places.is_empty() && empty.article.lines.len() == 1);
    let blank = process(" \n\u{a0}\n", &Options::default(), &g);
    assert!(blank.places.is_empty());
    // A single line: whatever it is labelled, spans hold.
    let one = "الحسكة";
    let out = process(one, &Options::default(), &g);
    for m in &out.places {
        assert_eq!(slice(&chars(one), m.found.start, m.found.end), m.found.text);
    }
}

#[test]
fn document_maps_spans_back_and_refuses_straddling_ones() {
    let page = chars(PAGE);
    let article = clean(PAGE, &Options::default());
    let doc = Document::new(&page, &article);
    let nl = doc.chars.iter().position(|&c| c == '\n').unwrap();
    // A span inside the title and one inside the first body line.
    let (s, e, p) = doc.to_page(0, 3).unwrap();
    assert_eq!(
        (slice(&page, s, e), p),
        (doc.chars[0..3].iter().collect(), Part::Title)
    );
    let (s, e, p) = doc.to_page(nl + 1, nl + 4).unwrap();
    assert_eq!(
        (slice(&page, s, e), p),
        (doc.chars[nl + 1..nl + 4].iter().collect(), Part::Body)
    );
    assert!(doc.to_page(nl - 1, nl + 2).is_none());
    assert!(doc.to_page(5, 2).is_none());
}

#[test]
fn site_templates_apply() {
    use crate::boilerplate::{TemplateParams, Templates};
    // A paragraph on every page of a site (an "about the region" blurb):
    // content on one page, template across the site.
    let promo = "وتشهد مدينة الرقة منذ أشهر توترا أمنيا متصاعدا بين الفصائل المحلية والقوات المسيطرة على المنطقة.";
    let pages: Vec<String> = (0..6)
        .map(|i| {
            format!(
                "عنوان الخبر رقم {i} عن الحسكة\n\
                 قال مصدر محلي إن دورية جابت شوارع الحسكة في اليوم {i} وسط انتشار أمني واسع في الأحياء الشرقية للمدينة.\n\
                 {promo}"
            )
        })
        .collect();
    let refs: Vec<&str> = pages.iter().map(String::as_str).collect();
    let t = Templates::fit(&refs, None, TemplateParams::default(), 1).unwrap();
    let page = chars(&pages[0]);
    let g = builtin();
    let without = process_chars(&page, &Options::default(), None, &g);
    assert!(without.places.iter().any(|m| m.found.text == "الرقة"));
    let with = process_chars(&page, &Options::default(), t.site(""), &g);
    assert!(
        with.places.iter().all(|m| m.found.text != "الرقة"),
        "{:?}",
        with.places
    );
    let lines = &with.article.lines;
    assert_ne!(lines[lines.len() - 1].label, Label::Content);
}

#[test]
fn batch_keeps_order() {
    let g = builtin();
    let texts = [PAGE, "", "في الحسكة"];
    let out = process_batch(&texts, &Options::default(), &g, 2);
    assert_eq!(out.len(), 3);
    for (t, o) in texts.iter().zip(&out) {
        let one = process(t, &Options::default(), &g);
        assert_eq!(one.article, o.article);
        assert_eq!(one.places.len(), o.places.len());
    }
}

#[test]
fn part_names_round_trip() {
    for p in [Part::Title, Part::Body] {
        assert_eq!(Part::parse(p.name()), Some(p));
        assert_eq!(p.to_string(), p.name());
    }
    assert_eq!(Part::parse("footer"), None);
}
