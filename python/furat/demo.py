"""The README's first command runs this: furat's main job on the sample
articles that ship in the repository (``examples/articles``).

    python -m furat.demo examples/articles
"""

from __future__ import annotations

import sys
from pathlib import Path

import furat


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0] if args else "examples/articles")
    files = sorted(folder.glob("*.txt"))
    if not files:
        print(f"no .txt files in {folder}", file=sys.stderr)
        return 1
    search = furat.Normalizer("search")
    for path in files:
        text = path.read_text(encoding="utf-8")
        lines = [line for line in text.split("\n") if line.strip()]
        print(f"== {path.name}: {len(lines)} lines, {len(text)} characters")
        for line in lines[:2]:
            print("   original  :", line[:90])
            print("   normalized:", search.normalize(line)[:90])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
