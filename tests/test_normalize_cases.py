"""The shared case table ``testdata/normalize.toml`` through the Python API
(``tests/normalize_cases.rs`` runs the same table against the Rust core)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

import furat

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CASES: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).resolve().parent.parent / "testdata" / "normalize.toml").read_text(encoding="utf-8")
)["case"]


def test_table_is_large() -> None:
    assert len(CASES) > 50
    assert {c["profile"] for c in CASES} == {"search", "clean", "camel", "none"}


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    n = furat.Normalizer(case["profile"], **case.get("options", {}))
    text, expected = case["input"], case["expected"]
    assert n.normalize(text) == expected
    assert n.normalize(expected) == expected, "not idempotent"
    out, al = n.normalize_with_offsets(text)
    assert out == expected
    assert (al.original_length, al.normalized_length) == (len(text), len(out))
    for ns, ne, os_, oe in case.get("spans", []):
        assert al.to_original(ns, ne) == (os_, oe), (ns, ne)
    for os_, oe, ns, ne in case.get("reverse", []):
        assert al.to_normalized(os_, oe) == (ns, ne), (os_, oe)
    if not case.get("options"):
        assert furat.normalize(text, case["profile"]) == expected
    assert n.normalize_batch([text, expected]) == [expected, expected]
