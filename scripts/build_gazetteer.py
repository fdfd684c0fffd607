#!/usr/bin/env python3
"""Builds furat's built-in gazetteer, ``data/gazetteer/places.csv``.

    python scripts/build_gazetteer.py [SOURCE_DIR]

SOURCE_DIR (default ``../shared/data/gazetteer``) holds ``syria_places.csv``
(OCHA COD-AB places with GeoNames variants) and ``syria_geonames_sy.csv``;
``data/gazetteer/curated/`` holds furat's own lists (names news writes,
extra places, cue words). The output is committed and embedded in the
extension, so nothing here runs at import time.

It needs ``furat`` itself (the same ``search`` normalization the matcher
uses) and ``wordfreq`` (Arabic and English word frequencies, to tell which
names are also common words): ``pip install wordfreq``, then run it with the
project's venv. Two runs give the same bytes.

What it does:

1. One row per OCHA governorate, district, sub-district and community, plus
   the curated regions, neighbourhoods and sites.
2. Names: the OCHA Arabic and English names (without "مركز", which OCHA
   puts before the name of a district's or sub-district's centre unit),
   the parts of OCHA names that join two names, the curated names, and the
   GeoNames alternate names that survive the filter below.
3. Centre links: a governorate, the district that is its centre, the
   sub-district that is that district's centre and the community that is the
   sub-district's centre are one town at four levels (الحسكة is SY08,
   SY0800, SY080000 and C4360): they share their names.
4. Ambiguity of every (place, name), from data: a name that is also a
   frequent word (wordfreq) needs evidence before it counts; months,
   countries, nisba adjectives (السورية, العراقية: the masculine form is a
   frequent word) and cue words need an explicit cue. Curated flags win.
5. Proclitic blocks: a glued form that is itself a frequent word and not
   just the name with a clitic (ورد is "roses", not و + رد) is recorded so
   the matcher does not split it.
"""

from __future__ import annotations

import csv
import io
import math
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import furat

try:
    import wordfreq
except ImportError:  # pragma: no cover - a build-time dependency only
    sys.exit("build_gazetteer.py needs wordfreq: pip install wordfreq")

ROOT = Path(__file__).resolve().parent.parent
CURATED = ROOT / "data" / "gazetteer" / "curated"
OUTPUT = ROOT / "data" / "gazetteer" / "places.csv"

# Zipf thresholds (log10 of frequency per billion words). A single-word
# Arabic name at or above STRONG is an everyday word (المدينة, جديدة, الصور);
# between WEAK and STRONG it is a real but rarer word or a personal name
# (هجين, البصيرة, زبيدة). Below WEAK a village name is, in practice, only a
# village name. English thresholds are one step higher: Latin names are
# transliterations and collide with English words less.
AR_WEAK, AR_STRONG = 2.0, 4.0
EN_WEAK, EN_STRONG = 3.0, 4.0
# A multi-word name is a common phrase when every word is this frequent
# (صباح الخير, أبو عمر, الدير القديم "the old monastery").
AR_PHRASE_WEAK, AR_PHRASE_STRONG = 3.5, 4.5
# Names of admin units and curated towns are in wordfreq *because* they are
# towns (يبرود, كوباني, الحسكة): only a word clearly more frequent than a
# town name would be is flagged.
FAMOUS_WEAK, FAMOUS_STRONG = 3.0, 4.5
# A nisba adjective: الـXية whose masculine الـXي is this frequent.
NISBA_MASC = 3.5
# A glued form clitic+name is a word of its own when it is this frequent and
# not much rarer than the name itself.
GLUED_MIN, GLUED_MARGIN = 3.0, 1.0

PROCLITICS = ["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"]

# Language facts, not sample text: months (Syriac and Gregorian names as
# Levantine Arabic writes them) and countries, whose names are also village
# names (آذار, تركيا, قطر) and must never match without a cue.
MONTHS_AR = (
    "كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|كانون الأول|"
    "كانون|تشرين|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يونيه|يوليو|يوليه|أغسطس|سبتمبر|أكتوبر|"
    "نوفمبر|ديسمبر"
).split("|")
MONTHS_EN = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
).split("|")
COUNTRIES_AR = (
    "سوريا|سورية|العراق|تركيا|إيران|ايران|لبنان|الأردن|فلسطين|إسرائيل|مصر|ليبيا|تونس|الجزائر|المغرب|"
    "السودان|اليمن|عمان|قطر|الكويت|البحرين|الإمارات|السعودية|روسيا|أمريكا|أميركا|الصين|فرنسا|ألمانيا|"
    "بريطانيا|إيطاليا|إسبانيا|اليونان|قبرص|أرمينيا|أذربيجان|جورجيا|أفغانستان|باكستان|الهند|اليابان|"
    "كوريا|أوكرانيا|بلجيكا|هولندا|السويد|النرويج|الدنمارك|النمسا|سويسرا|كندا|البرازيل|الصومال|"
    "موريتانيا|جيبوتي|إثيوبيا|كردستان|الشام|الحجاز|نجد|أوروبا|آسيا|أفريقيا|إفريقيا|القدس|بيروت|"
    "بغداد|عمان|القاهرة|الرياض|أنقرة|طهران|موسكو|واشنطن|باريس|لندن|برلين|اسطنبول|إسطنبول|غزة|"
    "الموصل|البصرة|أربيل|كركوك|دهوك|السليمانية|الأنبار|القائم|الرمادي|الفلوجة|تكريت|سامراء|"
    "غازي عنتاب|أورفا|ماردين|شانلي أورفا|نصيبين|جيلان بينار|كيليس|هاتاي|أنطاكيا|أضنة|مرسين"
).split("|")
COUNTRIES_EN = (
    "syria|iraq|turkey|iran|lebanon|jordan|palestine|israel|egypt|libya|qatar|kuwait|bahrain|oman|"
    "yemen|russia|america|china|france|germany|britain|italy|spain|greece|cyprus|armenia|georgia|"
    "sudan|tunisia|algeria|morocco|saudi arabia|india|japan|korea|canada|brazil|europe|asia|africa|"
    "baghdad|beirut|amman|cairo|riyadh|ankara|tehran|moscow|washington|paris|london|berlin|istanbul|"
    "mosul|basra|erbil|kirkuk|ramadi|fallujah|tikrit|jerusalem|gaza|bethlehem|damascus gate"
).split("|")

# English words that OCHA's calqued village names start with ("Eastern
# Deir", "Upper Rmeilan", "New Kharab"). News writes them as ordinary words
# before a place ("eastern Deir ez-Zor"), so such a name needs evidence: a
# capital at least, and it loses to an unambiguous name it overlaps.
QUALIFIERS_EN = (
    "eastern|western|northern|southern|east|west|north|south|upper|lower|middle|central|"
    "new|old|big|small|little|great|greater|inner|outer"
).split("|")

# Words that OCHA adds to the name of each part of a split village (علوك
# الشرقي, علوك الغربي; بقرص فوقاني, بقرص تحتاني). News names the village
# whole (علوك), so every part also gets the bare name (see derive_names).
PART_WORDS_AR = (
    "الشرقي|الغربي|الشمالي|الجنوبي|الشرقية|الغربية|الشمالية|الجنوبية|الفوقاني|التحتاني|فوقاني|"
    "تحتاني|الفوقانية|التحتانية|فوقانية|تحتانية|الكبير|الصغير|الكبيرة|الصغيرة|كبير|صغير|الكبرى|"
    "الصغرى|شرقي|غربي|شمالي|جنوبي|الوسطى|الأوسط|القبلي"
).split("|")
# How much evidence a name needs, in order.
AMBIGUITY_ORDER = ["none", "weak", "strong", "cue"]

ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
SPLITTERS = re.compile(r"\s*(?:_|/|\\| - |\(|\))\s*")


def ending_variants(name: str) -> list[str]:
    """A Latin name with its final ة transliterated the other ways (a, ah,
    eh): Areesheh → Areesha, Areeshah. At least three letters must stay."""
    last = name.rsplit(" ", 1)[-1].rsplit("-", 1)[-1]
    for have in ("ah", "eh", "a"):
        if name.endswith(have) and len(last) >= len(have) + 3:
            stem = name[: -len(have)]
            return [stem + e for e in ("a", "ah", "eh") if e != have]
    return []


def norm(s: str) -> str:
    return furat.normalize(s)


def is_arabic(s: str) -> bool:
    return bool(ARABIC.search(s))


def ascii_fold(s: str) -> str:
    """Latin diacritics off (Ḩawl → Hawl), ‘ and ` to an apostrophe."""
    s = s.replace("\u2018", "'").replace("\u2019", "'").replace("`", "'").replace("\u02bf", "'")
    s = s.replace("\u02be", "'").replace("ı", "i")
    out = unicodedata.normalize("NFKD", s)
    return "".join(c for c in out if not unicodedata.combining(c))


class Freq:
    """wordfreq lookups on search-normalized words (Arabic forms that fold to
    the same key add up)."""

    def __init__(self) -> None:
        self.ar: dict[str, float] = defaultdict(float)
        for w in wordfreq.iter_wordlist("ar", "large"):
            f = wordfreq.word_frequency(w, "ar", "large")
            if f < 1e-8:  # Zipf 1.0: far below anything that matters here
                break
            self.ar[norm(w)] += f

    def zipf_ar(self, word: str) -> float:
        f = self.ar.get(word, 0.0)
        return math.log10(f) + 9 if f > 0 else 0.0

    @staticmethod
    def zipf_en(word: str) -> float:
        return wordfreq.zipf_frequency(word.lower(), "en", "large")


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE))


def strip_centre(name_ar: str) -> str:
    return name_ar[len("مركز ") :] if name_ar.startswith("مركز ") else name_ar


def stem(name: str) -> str:
    n = norm(strip_centre(name))
    return n[2:] if n.startswith("ال") else n


class Builder:
    def __init__(self, source: Path) -> None:
        self.freq = Freq()
        with open(source / "syria_places.csv", encoding="utf-8", newline="") as f:
            self.ocha = list(csv.DictReader(f))
        with open(source / "syria_geonames_sy.csv", encoding="utf-8", newline="") as f:
            self.geonames = list(csv.DictReader(f))
        self.cues = {norm(r["word"]) for r in read_tsv(CURATED / "cues.tsv") if r["kind"] not in ("after", "person")}
        self.lexical_ar = {norm(w) for w in MONTHS_AR + COUNTRIES_AR} | self.cues
        self.lexical_en = set(MONTHS_EN + COUNTRIES_EN)
        self.dropped: dict[str, set[str]] = defaultdict(set)
        for r in read_tsv(CURATED / "drop_names.tsv"):
            self.dropped[r["id"]].add(norm(r["name"]))
        self.places: dict[str, dict] = {}
        # names[id] = {name: flag or ""}, in insertion order
        self.names: dict[str, dict[str, str]] = defaultdict(dict)

    # ------------------------------------------------------------ places
    def add_ocha(self) -> None:
        split_parts: dict[str, list[str]] = {}
        for r in self.ocha:
            level = r["level"]
            admin1 = r["admin1_pcode"]
            admin2 = r["admin2_pcode"] if level in ("subdistrict", "community") else ""
            admin3 = r["admin3_pcode"] if level == "community" else ""
            if level == "district":
                admin2 = r["pcode"]
            if level == "subdistrict":
                admin3 = r["pcode"]
            self.places[r["pcode"]] = {
                "id": r["pcode"],
                "level": level,
                "name_ar": r["name_ar"],
                "name_en": r["name_en"],
                "admin1": admin1 if level != "governorate" else r["pcode"],
                "admin2": admin2,
                "admin3": admin3,
                "lat": r["lat"],
                "lon": r["lon"],
                "prior": 0,
            }
            for n in self.ocha_names(r):
                self.add_name(r["pcode"], n, "")
            parts = [p for p in r["name_split_parts"].split("|") if p]
            if parts:
                split_parts[r["pcode"]] = parts
        # A part of a split name that is an admin unit's own name names that
        # unit, not this village ("ديروتان / جبلة" is Deirotan, in Jableh).
        units = {
            norm(n)
            for p in self.places.values()
            if p["level"] != "community"
            for n in (strip_centre(p["name_ar"]), p["name_en"])
            if n
        }
        for pid, parts in split_parts.items():
            for n in parts:
                if norm(n) not in units:
                    self.add_name(pid, n, "")

    @staticmethod
    def ocha_names(r: dict[str, str]) -> list[str]:
        out = []
        for field in ("name_ar", "name_en"):
            name = strip_centre(r[field]) if field == "name_ar" else r[field]
            if not SPLITTERS.search(name):
                out.append(name)
        return out

    def add_extra(self) -> None:
        for r in read_tsv(CURATED / "extra_places.tsv"):
            pid = r["id"]
            assert pid[:2] in ("FR", "FN", "FS") and pid not in self.places, pid
            self.places[pid] = {
                "id": pid,
                "level": r["level"],
                "name_ar": r["name_ar"],
                "name_en": r["name_en"],
                "admin1": r["admin1"],
                "admin2": r["admin2"],
                "admin3": r["admin3"],
                "lat": r["lat"],
                "lon": r["lon"],
                "prior": 40,
            }
            for item in r["names"].split("|"):
                name, _, flag = item.partition("~")
                self.add_name(pid, name, flag)

    def add_curated_names(self) -> None:
        for r in read_tsv(CURATED / "names.tsv"):
            assert r["id"] in self.places, r
            # An empty flag here means: news uses this name for this place
            # and hardly anything else (كوباني, منبج are in wordfreq *as*
            # towns); the curator writes weak/strong/cue where it is not so.
            self.add_name(r["id"], r["name"], r["flags"] or "none", override=True)
            self.places[r["id"]]["prior"] = max(self.places[r["id"]]["prior"], 40)

    def derive_names(self) -> None:
        """Names news writes that the sources lack, made by rule: the bare
        name of a split village for each of its parts (علوك for علوك الشرقي
        and علوك الغربي), always needing evidence (at least `weak`); and for
        towns (admin units and centres) the Latin spellings of a final ة
        (Khan Arnaba, Arnabah, Arnabeh). Neither is added where it is
        already another place's own name. (Villages get no ending variants:
        Sala would become Saleh, a surname.)

        And the other way round: a one-word Arabic village name with its
        article added or dropped (دردارة / الدردارة) is added only where it
        *is* already another place's name. It then makes no new mention,
        only another choice for a mention the other place's name already
        makes, and the text's other places decide (قرى تل طويل والدردارة
        في ريف الحسكة is the Hasakah دردارة, not the الدردارة of Banyas).
        Added everywhere, such forms found one village and made nine false
        mentions on furat's labelled pages (العشائر, الخالد, مدينة)."""
        owned: dict[str, set[str]] = defaultdict(set)
        for pid, names in self.names.items():
            for n in names:
                owned[norm(n)].add(pid)
        part_words = {norm(w) for w in PART_WORDS_AR}
        derived: list[tuple[str, str, str]] = []  # place, name, least flag
        alternatives: list[tuple[str, str]] = []  # place, another place's name
        for pid, p in self.places.items():
            famous = self.is_famous(pid)
            for name in list(self.names[pid]):
                words = name.split(" ")
                if is_arabic(name):
                    if p["level"] == "community" and len(words) > 1 and norm(words[-1]) in part_words:
                        if len(norm(" ".join(words[:-1]))) >= 3:
                            derived.append((pid, " ".join(words[:-1]), "weak"))
                    elif p["level"] == "community" and len(words) == 1:
                        alt = name[2:] if name.startswith("ال") else "ال" + name
                        if len(alt) >= 4 and owned.get(norm(alt), set()) - {pid}:
                            alternatives.append((pid, alt))
                elif famous:
                    derived += [(pid, alt, "none") for alt in ending_variants(name)]
        for pid, alt, least in derived:
            if owned.get(norm(alt), set()) - {pid}:
                continue
            amb = self.ambiguity(alt, self.is_famous(pid))
            self.add_name(pid, alt, max(amb, least, key=AMBIGUITY_ORDER.index))
        for pid, alt in alternatives:
            amb = self.ambiguity(alt, self.is_famous(pid))
            self.add_name(pid, alt, max(amb, "weak", key=AMBIGUITY_ORDER.index))

    def add_name(self, pid: str, name: str, flag: str, override: bool = False) -> None:
        name = " ".join(name.split())
        if not name or "|" in name or "~" in name:
            return
        key = norm(name)
        if key in self.dropped.get(pid, set()) | self.dropped.get("*", set()):
            return
        if len(key.replace(" ", "")) < 3:
            return
        have = self.names[pid]
        for existing in list(have):
            if norm(existing) == key:
                if override and flag:
                    have[existing] = flag
                return
        have[name] = flag

    # --------------------------------------------------------- geonames
    def add_geonames(self) -> None:
        """GeoNames alternate names of linked places, filtered: airport codes
        (DEZ, KAC), machine romanisations with no capital (alshdadt, dyr
        alzwr, dai er zu er), names of length < 4, and names that are the
        OCHA name of another place (Hajin's record lists Abu Hardub, a
        neighbouring village)."""
        own_names: dict[str, set[str]] = defaultdict(set)
        for r in self.ocha:
            for n in self.ocha_names(r):
                own_names[norm(n)].add(r["pcode"])
        for g in self.geonames:
            pid = g["linked_ocha_pcode"]
            if not pid:
                continue
            pop = int(float(g["population"] or 0))
            if pop:
                self.places[pid]["prior"] = max(self.places[pid]["prior"], round(10 * math.log10(pop + 1)))
            for alt in [g["name"]] + g["alternatenames"].split("|"):
                alt = alt.strip()
                if not alt or not (is_arabic(alt) or LATIN_LETTER.search(alt)):
                    continue
                if is_arabic(alt) and LATIN_LETTER.search(alt):
                    continue
                if not is_arabic(alt):
                    if alt.isupper() and len(alt) <= 4:
                        continue  # airport codes
                    if not any(c.isupper() for c in alt):
                        continue  # machine romanisation
                    if not all(LATIN_LETTER.match(c) or c in " -'’‘`ʿʾ" for c in alt):
                        continue
                    alt = ascii_fold(alt)
                key = norm(alt)
                if len(key.replace(" ", "")) < 4 or any(len(w) < 2 for w in key.split(" ")):
                    continue
                if key.split(" ")[0] in self.cues:
                    continue  # مدينة حمص: the cue word is context, not name
                others = own_names.get(key, set()) - {pid}
                if others and pid not in own_names.get(key, set()):
                    continue  # another place's own name
                self.add_name(pid, alt, "")

    # ------------------------------------------------------- centre links
    def link_centres(self) -> None:
        by_level: dict[str, list[dict]] = defaultdict(list)
        for p in self.places.values():
            by_level[p["level"]].append(p)
        children: dict[str, list[dict]] = defaultdict(list)
        for p in self.places.values():
            if p["id"].startswith("F"):
                continue
            parent = {"district": p["admin1"], "subdistrict": p["admin2"], "community": p["admin3"]}.get(
                p["level"]
            )
            if parent:
                children[parent].append(p)
        chains = []
        for g in by_level["governorate"]:
            chain = [g["id"]]
            node = g
            while True:
                kids = [k for k in children[node["id"]] if stem(k["name_ar"]) == stem(g["name_ar"])]
                if not kids:
                    break
                kids.sort(key=lambda k: (-k["prior"], k["id"]))
                node = kids[0]
                chain.append(node["id"])
            chains.append(chain)
        for level in ("district", "subdistrict"):
            for unit in by_level[level]:
                if any(unit["id"] in c for c in chains):
                    continue
                chain = [unit["id"]]
                node = unit
                while True:
                    kids = [k for k in children[node["id"]] if stem(k["name_ar"]) == stem(unit["name_ar"])]
                    if not kids:
                        break
                    kids.sort(key=lambda k: (-k["prior"], k["id"]))
                    node = kids[0]
                    chain.append(node["id"])
                if len(chain) > 1:
                    chains.append(chain)
        self.chains = [c for c in chains if len(c) > 1]
        self.in_chain = {pid for c in self.chains for pid in c}
        for chain in self.chains:
            shared: dict[str, str] = {}
            for pid in chain:
                for name, flag in self.names[pid].items():
                    if norm(name) not in {norm(n) for n in shared}:
                        shared[name] = flag
                    elif flag:
                        for n in shared:
                            if norm(n) == norm(name):
                                shared[n] = flag
            prior = max(self.places[pid]["prior"] for pid in chain)
            for pid in chain:
                for name, flag in shared.items():
                    self.add_name(pid, name, flag, override=True)
                self.places[pid]["prior"] = prior

    # ---------------------------------------------------------- ambiguity
    def is_famous(self, pid: str) -> bool:
        return self.places[pid]["level"] != "community" or self.places[pid]["prior"] >= 40 or pid in self.in_chain

    def ambiguity(self, name: str, famous: bool) -> str:
        key = norm(name)
        words = key.split(" ")
        if is_arabic(name):
            if key in self.lexical_ar:
                return "cue"
            if len(words) == 1:
                w = words[0]
                if w.startswith("ال") and w.endswith("يه") and len(w) > 5:
                    if self.freq.zipf_ar(w[:-1]) >= NISBA_MASC:
                        return "cue"  # nisba adjective: السوريه, العراقيه
                z = self.freq.zipf_ar(w)
                weak, strong = (FAMOUS_WEAK, FAMOUS_STRONG) if famous else (AR_WEAK, AR_STRONG)
                return "strong" if z >= strong else "weak" if z >= weak else "none"
            if famous:
                return "none"
            zs = [self.freq.zipf_ar(w) for w in words]
            return "strong" if min(zs) >= AR_PHRASE_STRONG else "weak" if min(zs) >= AR_PHRASE_WEAK else "none"
        low = ascii_fold(key)
        if low in self.lexical_en:
            return "cue"
        bare = re.sub(r"^(?:al|el|ar|as|ash|ad|at|az|an|ath|adh|ez|es|et|ed|er|en)[- ']", "", low)
        parts = [p for p in re.split(r"[- ']+", bare) if p]
        if not parts:
            return "none"
        if len(parts) == 1:
            z = self.freq.zipf_en(parts[0])
            return "strong" if z >= EN_STRONG else "weak" if z >= EN_WEAK else "none"
        zs = [self.freq.zipf_en(p) for p in parts]
        if min(zs) >= EN_STRONG or (parts[0] in QUALIFIERS_EN and not famous):
            return "weak"
        return "none"

    def blocked_clitics(self, name: str) -> list[str]:
        if not is_arabic(name) or " " in norm(name):
            return []  # the rest of a multi-word name must match too
        first = norm(name)
        z_name = self.freq.zipf_ar(first)
        out = []
        for c in PROCLITICS:
            forms = [c + first]
            if c.endswith("ل") and first.startswith("ال"):
                forms = [c + first[1:]]  # لل: the alef of ال drops
            z = max(self.freq.zipf_ar(f) for f in forms)
            if z >= GLUED_MIN and z >= z_name - GLUED_MARGIN and not first.startswith("ال"):
                out.append(c)
        return out

    # ------------------------------------------------------------- output
    def write(self) -> None:
        rows = []
        order = {"governorate": 0, "district": 1, "subdistrict": 2, "community": 3}
        for pid, p in sorted(
            self.places.items(), key=lambda kv: (kv[0].startswith("F"), order.get(kv[1]["level"], 4), kv[0])
        ):
            items = []
            for name, flag in self.names[pid].items():
                amb = flag or self.ambiguity(name, self.is_famous(pid))
                blocks = self.blocked_clitics(name)
                item = name
                if amb != "none" or blocks:
                    item += "~" + amb
                if blocks:
                    item += "~noclitic=" + ",".join(blocks)
                items.append(item)
            # A dropped name that is the place's own name_ar/name_en stays a
            # name of the place (the loader always adds those), so it is
            # written as cue-only: it matches after "village of" and the like.
            dropped = self.dropped.get(pid, set()) | self.dropped.get("*", set())
            for own in (p["name_ar"], p["name_en"]):
                if own and norm(own) in dropped:
                    items.append(own + "~cue")
            if not items:
                continue
            rows.append(
                [
                    pid,
                    p["level"],
                    p["name_ar"],
                    p["name_en"],
                    p["admin1"],
                    p["admin2"],
                    p["admin3"],
                    p["lat"],
                    p["lon"],
                    str(p["prior"]),
                    "|".join(items),
                ]
            )
        OUTPUT.parent.mkdir(parents=True, exist_ok=True)
        with open(OUTPUT, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["id", "level", "name_ar", "name_en", "admin1", "admin2", "admin3", "lat", "lon", "prior", "names"])
            w.writerows(rows)
        print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(rows)} places, {sum(len(r[10].split('|')) for r in rows)} names")


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "data" / "gazetteer"
    b = Builder(source)
    b.add_ocha()
    b.add_extra()
    b.add_geonames()
    b.add_curated_names()
    b.link_centres()
    b.derive_names()
    b.write()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
