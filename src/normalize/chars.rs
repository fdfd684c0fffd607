//! The character data behind each operation: which code points each option
//! deletes or folds, and to what. One place, so that the table builder, the
//! docs and the tests agree.

/// Arabic combining marks deleted by `diacritics = "all"`: every
/// non-spacing mark of the Arabic blocks (Unicode 16), plus the small
/// Quranic letters U+06E5/U+06E6 (modifier letters that play the part of
/// marks, like the dagger alef).
///
/// U+06D6-06ED is the Quranic annotation block, less three characters in it
/// that are not marks and would be *visible* losses: U+06DD END OF AYAH (a
/// format character that encloses the verse number), U+06DE ۞ and U+06E9 ۩
/// (symbols). `tests/test_normalize_unicode.py` checks this list against the
/// running Python's Unicode database.
pub(crate) const MARKS_ALL: &[(u32, u32)] = &[
    (0x0610, 0x061A),   // honorifics and Quranic small letters above
    (0x064B, 0x065F),   // harakat, tanwin, shadda, sukun, maddah, hamza above/below ...
    (0x0670, 0x0670),   // dagger alef
    (0x06D6, 0x06DC),   // Quranic annotation marks (small high ligatures ...)
    (0x06DF, 0x06E8),   // ... small high rounded zero ... small high noon
    (0x06EA, 0x06ED),   // ... empty centre low stop ... small low meem
    (0x0897, 0x089F),   // Arabic Extended-B marks (U+0897 pepet, Unicode 16)
    (0x08CA, 0x08E1),   // Arabic Extended-A marks
    (0x08E3, 0x08FF),   // (U+08E2 is a format character, not a mark)
    (0x10EFA, 0x10EFF), // Arabic Extended-C marks
];

/// The marks deleted by `diacritics = "basic"` (CAMeL's `AR_DIAC_CHARSET`
/// minus nothing: harakat, tanwin, shadda, sukun, dagger alef).
pub(crate) const MARKS_BASIC: &[(u32, u32)] = &[(0x064B, 0x0652), (0x0670, 0x0670)];

pub(crate) const SHADDA: u32 = 0x0651;
pub(crate) const TATWEEL: u32 = 0x0640;

/// Alef forms for `alef = "basic"`: آ أ إ ٱ.
pub(crate) const ALEF_BASIC: &[u32] = &[0x0622, 0x0623, 0x0625, 0x0671];
/// Extra alef forms for `alef = "all"`: ٲ ٳ ٵ (wavy hamza above/below, high hamza).
pub(crate) const ALEF_EXTRA: &[u32] = &[0x0672, 0x0673, 0x0675];
pub(crate) const ALEF: u32 = 0x0627;

/// Hamza on a carrier → the carrier.
pub(crate) const HAMZA_CARRIERS: &[(u32, u32)] = &[(0x0624, 0x0648), (0x0626, 0x064A)];

pub(crate) const ALEF_MAKSURA: u32 = 0x0649;
pub(crate) const YEH: u32 = 0x064A;
pub(crate) const TEH_MARBUTA: u32 = 0x0629;
pub(crate) const HEH: u32 = 0x0647;

/// Farsi yeh ی. Decided: before another letter it is ي; at the end of a word
/// it is written dotless like alef maksura, so it becomes ى, and then the
/// `alef_maksura` option applies (with it on, ی is always ي).
pub(crate) const FARSI_YEH: u32 = 0x06CC;

/// Persian, Urdu, Kurdish, Pashto, Sindhi and Maghrebi letters → the Arabic
/// letter a reader of Arabic news would write for them. Where the letter
/// carries a hamza (ۀ ۂ ۓ), the hamza is kept as U+0654 or the carrier
/// letter, so that the `diacritics` and `hamza` options decide its fate.
pub(crate) const PERSIAN: &[(u32, &str)] = &[
    (0x0620, "\u{064A}"),         // ؠ kashmiri yeh
    (0x063B, "\u{0643}"),         // ػ keheh with two dots above
    (0x063C, "\u{0643}"),         // ؼ keheh with three dots below
    (0x063D, "\u{064A}"),         // ؽ farsi yeh with inverted v
    (0x063E, "\u{064A}"),         // ؾ farsi yeh with two dots above
    (0x063F, "\u{064A}"),         // ؿ farsi yeh with three dots above
    (0x066E, "\u{0628}"),         // ٮ dotless beh
    (0x066F, "\u{0642}"),         // ٯ dotless qaf
    (0x0676, "\u{0648}"),         // ٶ high hamza waw
    (0x0677, "\u{0648}"),         // ٷ u with hamza above
    (0x0678, "\u{064A}"),         // ٸ high hamza yeh
    (0x0679, "\u{062A}"),         // ٹ tteh
    (0x067A, "\u{062A}"),         // ٺ tteheh
    (0x067B, "\u{0628}"),         // ٻ beeh
    (0x067C, "\u{062A}"),         // ټ teh with ring
    (0x067D, "\u{062A}"),         // ٽ teh with three dots above downwards
    (0x067E, "\u{0628}"),         // پ peh
    (0x067F, "\u{062A}"),         // ٿ teheh
    (0x0680, "\u{0628}"),         // ڀ beheh
    (0x0683, "\u{062C}"),         // ڃ nyeh
    (0x0684, "\u{062C}"),         // ڄ dyeh
    (0x0686, "\u{062C}"),         // چ tcheh
    (0x0687, "\u{062C}"),         // ڇ tcheheh
    (0x0688, "\u{062F}"),         // ڈ ddal
    (0x0689, "\u{062F}"),         // ډ dal with ring
    (0x068A, "\u{062F}"),         // ڊ dal with dot below
    (0x068C, "\u{062F}"),         // ڌ dahal
    (0x068D, "\u{062F}"),         // ڍ ddahal
    (0x068E, "\u{062F}"),         // ڎ dul
    (0x0691, "\u{0631}"),         // ڑ rreh
    (0x0692, "\u{0631}"),         // ڒ reh with small v
    (0x0693, "\u{0631}"),         // ړ reh with ring
    (0x0694, "\u{0631}"),         // ڔ reh with dot below
    (0x0695, "\u{0631}"),         // ڕ reh with small v below (Kurdish)
    (0x0696, "\u{0631}"),         // ږ reh with dot below and dot above
    (0x0697, "\u{0632}"),         // ڗ reh with two dots above
    (0x0698, "\u{0632}"),         // ژ jeh
    (0x0699, "\u{0631}"),         // ڙ reh with four dots above
    (0x069A, "\u{0633}"),         // ښ seen with dot below and dot above
    (0x069B, "\u{0633}"),         // ڛ seen with three dots below
    (0x069C, "\u{0634}"),         // ڜ seen with three dots below and three dots above
    (0x069D, "\u{0635}"),         // ڝ sad with two dots below
    (0x069E, "\u{0635}"),         // ڞ sad with three dots above
    (0x069F, "\u{0637}"),         // ڟ tah with three dots above
    (0x06A0, "\u{0639}"),         // ڠ ain with three dots above
    (0x06A1, "\u{0641}"),         // ڡ dotless feh
    (0x06A2, "\u{0641}"),         // ڢ feh with dot moved below (Maghrebi)
    (0x06A3, "\u{0641}"),         // ڣ feh with dot below
    (0x06A4, "\u{0641}"),         // ڤ veh
    (0x06A5, "\u{0641}"),         // ڥ feh with three dots below
    (0x06A6, "\u{0641}"),         // ڦ peheh
    (0x06A7, "\u{0642}"),         // ڧ qaf with dot above (Maghrebi)
    (0x06A8, "\u{0642}"),         // ڨ qaf with three dots above (Algerian g)
    (0x06A9, "\u{0643}"),         // ک keheh
    (0x06AA, "\u{0643}"),         // ڪ swash kaf
    (0x06AB, "\u{0643}"),         // ګ kaf with ring
    (0x06AC, "\u{0643}"),         // ڬ kaf with dot above
    (0x06AD, "\u{0643}"),         // ڭ ng
    (0x06AE, "\u{0643}"),         // ڮ kaf with three dots below
    (0x06AF, "\u{0643}"),         // گ gaf
    (0x06B0, "\u{0643}"),         // ڰ gaf with ring
    (0x06B1, "\u{0643}"),         // ڱ ngoeh
    (0x06B2, "\u{0643}"),         // ڲ gaf with two dots below
    (0x06B3, "\u{0643}"),         // ڳ gueh
    (0x06B4, "\u{0643}"),         // ڴ gaf with three dots above
    (0x06B5, "\u{0644}"),         // ڵ lam with small v (Kurdish)
    (0x06B6, "\u{0644}"),         // ڶ lam with dot above
    (0x06B7, "\u{0644}"),         // ڷ lam with three dots above
    (0x06B8, "\u{0644}"),         // ڸ lam with three dots below
    (0x06BA, "\u{0646}"),         // ں noon ghunna
    (0x06BB, "\u{0646}"),         // ڻ rnoon
    (0x06BC, "\u{0646}"),         // ڼ noon with ring
    (0x06BD, "\u{0646}"),         // ڽ noon with three dots above
    (0x06BE, "\u{0647}"),         // ھ heh doachashmee
    (0x06C0, "\u{0647}\u{0654}"), // ۀ heh with yeh above: heh + hamza above
    (0x06C1, "\u{0647}"),         // ہ heh goal
    (0x06C2, "\u{0647}\u{0654}"), // ۂ heh goal with hamza above
    (0x06C3, "\u{0629}"),         // ۃ teh marbuta goal
    (0x06C4, "\u{0648}"),         // ۄ waw with ring
    (0x06C5, "\u{0648}"),         // ۅ kirghiz oe
    (0x06C6, "\u{0648}"),         // ۆ oe (Kurdish o)
    (0x06C7, "\u{0648}"),         // ۇ u
    (0x06C8, "\u{0648}"),         // ۈ yu
    (0x06C9, "\u{0648}"),         // ۉ kirghiz yu
    (0x06CA, "\u{0648}"),         // ۊ waw with two dots above
    (0x06CB, "\u{0648}"),         // ۋ ve
    (0x06CD, "\u{064A}"),         // ۍ yeh with tail
    (0x06CE, "\u{064A}"),         // ێ yeh with small v (Kurdish ê)
    (0x06CF, "\u{0648}"),         // ۏ waw with dot above
    (0x06D0, "\u{064A}"),         // ې e
    (0x06D1, "\u{064A}"),         // ۑ yeh with three dots below
    (0x06D2, "\u{064A}"),         // ے yeh barree
    (0x06D3, "\u{0626}"),         // ۓ yeh barree with hamza above
    (0x06D5, "\u{0647}"),         // ە ae (Kurdish e)
    (0x06EE, "\u{062F}"),         // ۮ dal with inverted v
    (0x06EF, "\u{0631}"),         // ۯ reh with inverted v
    (0x06FA, "\u{0634}"),         // ۺ sheen with dot below
    (0x06FB, "\u{0636}"),         // ۻ dad with dot below
    (0x06FC, "\u{063A}"),         // ۼ ghain with dot below
    (0x06FF, "\u{0647}"),         // ۿ heh with inverted v
];

/// Ligatures without a Unicode decomposition, expanded from their names so
/// that nothing is deleted: ﷽ and the honorifics added in Unicode 14.
pub(crate) const LIGATURES: &[(u32, &str)] = &[
    (0xFD40, "رحمه الله تعالى"),
    (0xFD41, "رضي الله عنه"),
    (0xFD42, "رضي الله عنها"),
    (0xFD43, "رضي الله عنهم"),
    (0xFD44, "رضي الله عنهما"),
    (0xFD45, "رضي الله عنهن"),
    (0xFD46, "صلى الله عليه وآله"),
    (0xFD47, "عليه السلام"),
    (0xFD48, "عليهم السلام"),
    (0xFD49, "عليهما السلام"),
    (0xFD4A, "عليه الصلاة والسلام"),
    (0xFD4B, "قدس سره"),
    (0xFD4C, "صلى الله عليه وآله وسلم"),
    (0xFD4D, "عليها السلام"),
    (0xFD4E, "تبارك وتعالى"),
    (0xFD4F, "رحمهم الله"),
    (0xFDCF, "سلامه علينا"),
    (0xFDFD, "بسم الله الرحمن الرحيم"),
    (0xFDFE, "سبحانه وتعالى"),
    (0xFDFF, "عز وجل"),
];

/// Whether `c` lies in the presentation-form blocks the option covers.
pub(crate) fn is_presentation_form(c: u32) -> bool {
    (0xFB50..=0xFDFF).contains(&c) || (0xFE70..=0xFEFF).contains(&c)
}

/// Digits: ٠-٩ (U+0660-0669) and ۰-۹ (U+06F0-06F9) → 0-9; the Arabic
/// decimal and thousands separators go with them.
pub(crate) fn digit(c: u32) -> Option<&'static str> {
    const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
    match c {
        0x0660..=0x0669 => Some(DIGITS[(c - 0x0660) as usize]),
        0x06F0..=0x06F9 => Some(DIGITS[(c - 0x06F0) as usize]),
        0x066B => Some("."), // ٫ Arabic decimal separator
        0x066C => Some(","), // ٬ Arabic thousands separator
        _ => None,
    }
}

/// Arabic punctuation, dashes and the ellipsis → ASCII.
pub(crate) fn punctuation(c: u32) -> Option<&'static str> {
    Some(match c {
        0x060C => ",", // ، Arabic comma
        0x060D => "/", // ؍ Arabic date separator
        0x061B => ";", // ؛ Arabic semicolon
        0x061F => "?", // ؟ Arabic question mark
        0x066A => "%", // ٪ Arabic percent sign
        0x066D => "*", // ٭ Arabic five pointed star
        0x06D4 => ".", // ۔ Arabic (Urdu) full stop
        0x2010..=0x2015 | 0x2212 | 0xFE58 | 0xFE63 | 0xFF0D => "-",
        0x2026 => "...", // … horizontal ellipsis
        _ => return None,
    })
}

/// Quote variants → `"` or `'`.
pub(crate) fn quote(c: u32) -> Option<&'static str> {
    Some(match c {
        0x00AB | 0x00BB | 0x201C | 0x201D | 0x201E | 0x201F | 0x2033 | 0x301D | 0x301E | 0xFF02 => {
            "\""
        }
        0x2018 | 0x2019 | 0x201A | 0x201B | 0x2039 | 0x203A | 0x2032 | 0xFF07 => "'",
        _ => return None,
    })
}

/// Invisible and bidi controls deleted by `invisibles` (ZWJ/ZWNJ apart).
pub(crate) fn is_invisible(c: u32) -> bool {
    matches!(c,
        0x00AD          // soft hyphen
        | 0x034F        // combining grapheme joiner
        | 0x061C        // Arabic letter mark
        | 0x180E        // Mongolian vowel separator
        | 0x200B        // zero width space
        | 0x200E | 0x200F // LRM, RLM
        | 0x202A..=0x202E // LRE, RLE, PDF, LRO, RLO
        | 0x2060..=0x2064 // word joiner, invisible operators
        | 0x2066..=0x206F // isolates, deprecated format controls
        | 0xFEFF        // BOM / zero width no-break space
    )
}

/// ZWNJ and ZWJ, deleted by `joiners`.
pub(crate) fn is_joiner(c: u32) -> bool {
    c == 0x200C || c == 0x200D
}

/// Horizontal whitespace: collapsed by `lines`/`collapse`, mapped to a
/// space by `spaces`.
pub(crate) fn is_horizontal_space(c: u32) -> bool {
    matches!(
        c,
        0x09 | 0x20 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x202F | 0x205F | 0x3000
    )
}

/// Line breaks: each becomes `\n` under `lines` (CRLF as one).
pub(crate) fn is_line_break(c: u32) -> bool {
    matches!(c, 0x0A | 0x0B | 0x0C | 0x0D | 0x85 | 0x2028 | 0x2029)
}

/// Arabic-script letters, for the word-final test of Farsi yeh.
pub(crate) fn is_arabic_letter(c: u32) -> bool {
    matches!(c,
        0x0620..=0x064A | 0x066E..=0x066F | 0x0671..=0x06D3 | 0x06D5 | 0x06EE..=0x06EF
        | 0x06FA..=0x06FC | 0x06FF | 0x0750..=0x077F | 0x08A0..=0x08C9)
}

pub(crate) fn in_ranges(c: u32, ranges: &[(u32, u32)]) -> bool {
    ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi)
}
