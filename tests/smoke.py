"""A smoke test run in a fresh venv per CPython version by
scripts/check_pythons.sh: the wheel imports and its engines answer, on
strings of every PEP 393 width."""

import json
import pickle
import sys

import furat

assert furat.normalize("دَيْر الزُّوْر") == "دير الزور"
n = furat.Normalizer("search")
out, al = n.normalize_with_offsets("في  الحَسَكَة")
assert out == "في الحسكه" and al.to_original(3, 9) == (4, 13)
assert pickle.loads(pickle.dumps(n)) == n
assert n.normalize_batch(["أ", "ة"] * 1000) == ["ا", "ه"] * 1000
assert n.normalize_batch(["أ", "ة"] * 1000, threads=1) == ["ا", "ه"] * 1000
# 1-byte (Latin-1), 2-byte, 4-byte strings; lone surrogates; unchanged input.
assert n.normalize("ÀB\xa0c") == "àb c"
assert n.normalize("👍  أَ") == "👍 ا"
assert n.normalize("\ud800\u064e") == "\ud800"
s = "دير"
assert n.normalize(s) is s
page = "قصف على ريف دير الزور - موقع\n24 كانون الثاني 2024\nقال مصدر محلي إن القصف استهدف مواقع في ريف دير الزور الشرقي، وأسفر عن أضرار.\nاترك تعليقاً"
a = furat.clean(page)
assert a.labels == ["title", "boilerplate", "content", "boilerplate"] and a.meta["date"] == "2024-01-24"
assert pickle.loads(pickle.dumps(a)) == a and furat.clean_batch([page] * 100)[99] == a
# process (issue 5): clean plus the places of title and body, spans in the page.
p = furat.process(page, id=1)
assert [(m.text, m.part) for m in p.places] == [("دير الزور", "title"), ("دير الزور", "body")]
assert all(page[m.start : m.end] == m.text for m in p.places)
assert pickle.loads(pickle.dumps(p)) == p and furat.process_batch([page] * 100)[99].places == p.places
assert p.to_dict(lines=False)["places"][0]["pcode"] == "SY09"
assert json.loads(p.to_json()) == p.to_dict() and json.loads(p.to_json(lines=False, as_bytes=True)) == p.to_dict(lines=False)
print(f"furat {furat.__version__} ok on Python {sys.version.split()[0]}")

# pipelines (issue 5): the command-line tool runs on this Python, with no
# optional dependency installed.
import subprocess

proc = subprocess.run(
    [sys.executable, "-m", "furat.cli", "normalize", "-", "-q"],
    input="دَيْرُ الزُّوْر".encode(),
    capture_output=True,
    check=True,
)
assert json.loads(proc.stdout)["text"] == "دير الزور", proc
proc = subprocess.run(
    [sys.executable, "-m", "furat.cli", "process", "-", "-q"], input=page.encode(), capture_output=True, check=True
)
assert [m["surface"] for m in json.loads(proc.stdout)["places"]] == ["دير الزور", "دير الزور"], proc
