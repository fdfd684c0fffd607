"""The held-out place cases of ``testdata/places.toml`` (shared with
``cargo test --test places``), run through the Python API."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

import furat

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CASES: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).resolve().parent.parent / "testdata" / "places.toml").read_text(encoding="utf-8")
)["case"]


def found_ok(case: dict[str, Any], found: list[furat.Match]) -> tuple[int, bool]:
    used: set[int] = set()
    tp = 0
    for e in case["expect"]:
        for i, m in enumerate(found):
            if (
                i not in used
                and m.text == e["text"]
                and m.place.pcode in e["pcode"].split("|")
                and e.get("proclitic", m.proclitic) == m.proclitic
            ):
                used.add(i)
                tp += 1
                break
    return tp, tp == len(case["expect"]) == len(found)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    g = furat.Gazetteer.default()
    text = case["text"]
    found = g.find(text)
    for m in found:
        assert text[m.start : m.end] == m.text
    _, ok = found_ok(case, found)
    got = [(m.text, m.place.pcode, m.proclitic) for m in found]
    if "known_failure" in case:
        assert not ok, f"passes now: remove known_failure ({case['known_failure']})"
    else:
        assert ok, got


def test_precision_recall_over_the_set() -> None:
    g = furat.Gazetteer.default()
    results = g.find_batch([c["text"] for c in CASES])
    tp = npred = ngold = 0
    for case, found in zip(CASES, results):
        t, _ = found_ok(case, found)
        tp, npred, ngold = tp + t, npred + len(found), ngold + len(case["expect"])
    precision, recall = tp / npred, tp / ngold
    print(f"held-out places: precision {precision:.3f} recall {recall:.3f}")
    assert precision >= 0.97 and recall >= 0.97
