#!/usr/bin/env python3
"""Writes furat's place predictions for a labelled set, in the format
``shared/eval/score.py places`` reads.

    python scripts/predict_places.py [GOLD.jsonl] [PRED.jsonl]
    python3 ../shared/eval/score.py places GOLD.jsonl PRED.jsonl ../shared/eval/dev/place_ids.json

GOLD defaults to ``../shared/eval/dev/places.jsonl`` and PRED to
``places.pred.jsonl`` in the current directory. Only ``id`` and ``text`` of
the gold file are read.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import furat


def predict(text: str, gazetteer: furat.Gazetteer) -> list[dict[str, object]]:
    return [
        {
            "start": m.start,
            "end": m.end,
            "pcode": m.place.pcode,
            "names": m.place.names_en,
            "level": m.place.level,
            "text": m.text,
            "score": round(m.score, 3),
        }
        for m in gazetteer.find(text)
    ]


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parent.parent
    gold = Path(argv[1]) if len(argv) > 1 else root.parent / "shared" / "eval" / "dev" / "places.jsonl"
    out = Path(argv[2]) if len(argv) > 2 else Path("places.pred.jsonl")
    g = furat.Gazetteer.default()
    n = 0
    with open(gold, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as w:
        for line in f:
            if not line.strip():
                continue
            doc = json.loads(line)
            w.write(json.dumps({"id": doc["id"], "mentions": predict(doc["text"], g)}, ensure_ascii=False) + "\n")
            n += 1
    print(f"wrote {out}: {n} documents", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
