"""A smoke test run in a fresh venv per CPython version by
scripts/check_pythons.sh: the wheel imports and its engines answer."""

import pickle
import sys

import furat

assert furat.normalize("دَيْر الزُّوْر") == "دير الزور"
n = furat.Normalizer("search")
out, al = n.normalize_with_offsets("في  الحَسَكَة")
assert out == "في الحسكه" and al.to_original(3, 9) == (4, 13)
assert pickle.loads(pickle.dumps(n)) == n
assert n.normalize_batch(["أ", "ة"] * 1000) == ["ا", "ه"] * 1000
page = "قصف على ريف دير الزور - موقع\n24 كانون الثاني 2024\nقال مصدر محلي إن القصف استهدف مواقع في ريف دير الزور الشرقي، وأسفر عن أضرار.\nاترك تعليقاً"
a = furat.clean(page)
assert a.labels == ["title", "boilerplate", "content", "boilerplate"] and a.meta["date"] == "2024-01-24"
assert pickle.loads(pickle.dumps(a)) == a and furat.clean_batch([page] * 100)[99] == a
print(f"furat {furat.__version__} ok on Python {sys.version.split()[0]}")
