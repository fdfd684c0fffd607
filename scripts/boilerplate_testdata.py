#!/usr/bin/env python3
"""Builds testdata/boilerplate/heldout.jsonl from the labelled pages in
testdata/boilerplate/pages/*.txt (the format is in testdata/boilerplate/README.md).

    python scripts/boilerplate_testdata.py            # writes heldout.jsonl
    python scripts/predict_boilerplate.py testdata/boilerplate/heldout.jsonl pred.jsonl
    python3 ../shared/eval/score.py boilerplate testdata/boilerplate/heldout.jsonl pred.jsonl

The tests import `load_page` from this file, so the pages are the one source.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "testdata" / "boilerplate"
LABELS = {"T": "title", "C": "content", "B": "boilerplate", "_": "blank"}
TOKENS = {"<NBSP>": "\u00a0", "<ZWSP>": "\u200b", "<TAB>": "\t"}


def load_page(path: Path) -> dict[str, object]:
    """One labelled page as a record: id, text, labels, meta (and reference)."""
    record: dict[str, object] = {"meta": {}}
    lines: list[str] = []
    labels: list[str] = []
    newline = "\n"
    for n, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if raw.startswith("#"):
            key, _, value = raw[1:].partition(":")
            value = value.strip()
            if key == "meta":
                record["meta"] = json.loads(value)
            elif key == "newline":
                newline = {"crlf": "\r\n", "lf": "\n"}[value]
            else:
                record[key] = value
            continue
        if raw in ("", "_"):
            lines.append("")
            labels.append("blank")
            continue
        code, sep, text = raw.partition(" ")
        if code not in LABELS or not sep:
            raise ValueError(f"{path}:{n}: a line starts with T, C, B or _ and a space")
        for token, char in TOKENS.items():
            text = text.replace(token, char)
        lines.append(text)
        labels.append(LABELS[code])
    # The file's own last newline is not a page line.
    while lines and lines[-1] == "" and labels[-1] == "blank":
        lines.pop()
        labels.pop()
    if not lines:
        lines, labels = [""], ["blank"]
    record["text"] = newline.join(lines)
    record["labels"] = labels
    return record


def load_all() -> list[dict[str, object]]:
    return [load_page(p) for p in sorted((ROOT / "pages").glob("*.txt"))]


def main() -> int:
    out = ROOT / "heldout.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for record in load_all():
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
