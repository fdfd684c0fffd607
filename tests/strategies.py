"""Hypothesis strategies shared by the normalizer's property and
differential tests: Arabic-heavy strings with everything that makes
normalization hard mixed in, and random option sets."""

from __future__ import annotations

from hypothesis import strategies as st

# Pieces of text, drawn with weights: mostly Arabic letters, with marks,
# tatweel, presentation forms, Persian letters, digits, every kind of
# whitespace and invisible, Latin, emoji and lone surrogates mixed in.
ARABIC_LETTERS = [chr(c) for c in range(0x0621, 0x064B)] + ["ٱ", "ٲ", "ٳ", "ٵ", "ء"]
MARKS = [chr(c) for c in range(0x064B, 0x0660)] + [
    "\u0610", "\u0615", "\u061a", "\u0670", "\u06d6", "\u06e5", "\u06ed", "\u08d3", "\u08f0",
    "\U00010efd",
]
PERSIAN = list("یېےکگھہەۀۂۓپچژڤڨۆڕڵیک")
PRESENTATION = [chr(c) for c in (0xFB50, 0xFB8A, 0xFBFC, 0xFBFE, 0xFBFF, 0xFC5E, 0xFC63, 0xFD3E, 0xFD40,
                                 0xFDF2, 0xFDFA, 0xFDFC, 0xFDFD, 0xFE70, 0xFE71, 0xFE7C, 0xFE80, 0xFE8D,
                                 0xFEF5, 0xFEF7, 0xFEF9, 0xFEFB, 0xFEFC)]
DIGITS = list("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123456789٫٬")
PUNCT = list("،؛؟۔٪٭؍.,!?-–—…“”«»„‹›‘’\"'()")
SPACES = [" ", "  ", "\t", "\u00a0", "\u2002", "\u3000", "\u202f", "\n", "\r\n", "\r", "\n\n", "\u2028",
          "\u2029", "\x0b", "\x0c", "\x85"]
INVISIBLES = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\u202a", "\u202e", "\u2066",
              "\u2069", "\ufeff", "\u00ad", "\u034f", "\u2060"]
DECOMPOSED = ["ا\u0654", "ا\u0655", "ا\u0653", "و\u0654", "ي\u0654", "ە\u0654", "ه\u0654", "\u0651\u064e",
              "\u064e\u0651", "A\u030a", "e\u0301", "\u0301"]
LATIN = list("abcXYZßİẞſςΣДé") + ["ǅ", "ﬁ"]
EMOJI = ["👍", "👨\u200d👩\u200d👧", "🇸🇾", "❤\ufe0f", "🏴\U000e0067\U000e0062\U000e007f"]
SURROGATES = ["\ud800", "\udfff", "\udc00"]
OTHER = ["ـ", "ـــ", "۞", "\u06dd", "ﷺ", "\U0001d400", "\U00010400", "\uffff", "\x00"]

PIECES = st.one_of(
    st.sampled_from(ARABIC_LETTERS),
    st.sampled_from(ARABIC_LETTERS),
    st.sampled_from(ARABIC_LETTERS),
    st.sampled_from(MARKS),
    st.sampled_from(SPACES),
    st.sampled_from(SPACES),
    st.sampled_from(PERSIAN),
    st.sampled_from(PRESENTATION),
    st.sampled_from(DIGITS),
    st.sampled_from(PUNCT),
    st.sampled_from(INVISIBLES),
    st.sampled_from(DECOMPOSED),
    st.sampled_from(LATIN),
    st.sampled_from(EMOJI),
    st.sampled_from(SURROGATES),
    st.sampled_from(OTHER),
    st.characters(codec=None, max_codepoint=0x10FFFF),
)

arabic_text = st.lists(PIECES, max_size=40).map("".join)

OPTION_VALUES: dict[str, list[object]] = {
    "nfc": [True, False],
    "diacritics": ["keep", "basic", "all", "keep_shadda"],
    "tatweel": [True, False],
    "alef": ["keep", "basic", "all"],
    "hamza": [True, False],
    "alef_maksura": [True, False],
    "teh_marbuta": [True, False],
    "persian": [True, False],
    "presentation_forms": [True, False],
    "digits": [True, False],
    "punctuation": [True, False],
    "quotes": [True, False],
    "invisibles": [True, False],
    "joiners": [True, False],
    "whitespace": ["keep", "spaces", "lines", "collapse"],
    "lowercase": [True, False],
}

option_sets = st.fixed_dictionaries({k: st.sampled_from(v) for k, v in OPTION_VALUES.items()})
PROFILES = ["search", "clean", "camel", "none"]
