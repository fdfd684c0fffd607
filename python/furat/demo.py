"""The README's first command (``make demo``) runs furat's main job on the
sample articles that ship in the repository and shows, readably, the places
each one mentions:

    furat process examples/articles --output-format pretty

``python -m furat.demo [FOLDER]`` does the same.
"""

from __future__ import annotations

import sys

from furat.cli import main as cli_main


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = args[0] if args else "examples/articles"
    return cli_main(["process", folder, "--output-format", "pretty"])


if __name__ == "__main__":
    raise SystemExit(main())
