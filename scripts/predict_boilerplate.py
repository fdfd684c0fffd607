#!/usr/bin/env python3
"""Writes furat's boilerplate predictions for a labelled JSONL set.

    python scripts/predict_boilerplate.py [GOLD.jsonl] [PRED.jsonl]
    python3 ../shared/eval/score.py boilerplate GOLD.jsonl PRED.jsonl

GOLD defaults to ../shared/eval/dev/boilerplate.jsonl and PRED to
target/boilerplate_pred.jsonl (ignored by git). Each input record needs "id" and "text" (labels and
meta are ignored here); each output record is {"id", "labels", "meta"}, one
label per line of text.split("\\n"), meta without the fields furat did not
find. An optional "reference" (ISO 8601) in a record is passed to clean().
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import furat


def predict(record: dict[str, object]) -> dict[str, object]:
    text = record["text"]
    assert isinstance(text, str)
    reference = record.get("reference")
    article = furat.clean(text, reference=reference if isinstance(reference, str) else None)
    labels = article.labels
    if len(labels) != len(text.split("\n")):
        raise SystemExit(f"{record['id']}: {len(labels)} labels for {len(text.split(chr(10)))} lines")
    meta = {k: v for k, v in article.meta.items() if v is not None}
    return {"id": record["id"], "labels": labels, "meta": meta}


def main(argv: list[str]) -> int:
    gold = Path(argv[0] if argv else "../shared/eval/dev/boilerplate.jsonl")
    out = Path(argv[1] if len(argv) > 1 else "target/boilerplate_pred.jsonl")
    out.parent.mkdir(parents=True, exist_ok=True)
    with gold.open(encoding="utf-8") as f, out.open("w", encoding="utf-8") as w:
        for line in f:
            if line.strip():
                w.write(json.dumps(predict(json.loads(line)), ensure_ascii=False) + "\n")
    print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
