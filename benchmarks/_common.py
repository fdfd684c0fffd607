"""Helpers shared by the benchmarks: the corpus, fresh inputs, timing, tables.

Every benchmark follows the same rules (issue #2, section 4):

* furat and its peers run side by side in one process, on the same input;
* every timed call gets fresh ``str`` objects, built outside the timer
  (``s.encode().decode()``), so nobody profits from a UTF-8 buffer that an
  earlier call left cached on the string;
* chains run in interleaved rounds and the best round counts, because the
  machine is shared and noisy: one slow round says nothing about a chain;
* throughput is MB/s of UTF-8 *input* (bytes / seconds / 1e6).
"""

from __future__ import annotations

import gc
import json
import os
import platform
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FURAT_SHARED", ROOT.parent / "shared"))
SAMPLE_ARTICLES = SHARED / "eval" / "dev" / "boilerplate.jsonl"
EXAMPLES = ROOT / "examples" / "articles"


def sample_texts() -> list[str]:
    """The sample article texts: ``../shared/eval/dev/boilerplate.jsonl``,
    or the copies shipped in ``examples/articles`` when shared/ is absent."""
    if SAMPLE_ARTICLES.exists():
        with SAMPLE_ARTICLES.open(encoding="utf-8") as f:
            return [json.loads(line)["text"] for line in f if line.strip()]
    return [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]


@dataclass
class Corpus:
    """The sample articles repeated to about ``target_mb`` MB of UTF-8."""

    big: str
    paragraphs: list[str]
    copies: int

    @property
    def nbytes(self) -> int:
        return len(self.big.encode("utf-8"))

    @property
    def paragraph_bytes(self) -> int:
        return sum(len(p.encode("utf-8")) for p in self.paragraphs)

    def describe(self) -> str:
        return (
            f"corpus: {len(sample_texts())} sample articles x {self.copies} = "
            f"{self.nbytes / 1e6:.1f} MB UTF-8, {len(self.big):,} characters; "
            f"{len(self.paragraphs):,} non-empty paragraphs "
            f"(mean {self.paragraph_bytes / max(1, len(self.paragraphs)):.0f} B)"
        )


def build_corpus(target_mb: float = 20.0) -> Corpus:
    """The articles joined with newlines, repeated to about ``target_mb`` MB,
    and its non-empty lines (one call per paragraph)."""
    one = "\n".join(sample_texts())
    copies = max(1, round(target_mb * 1e6 / len(one.encode("utf-8"))))
    big = "\n".join([one] * copies)
    paragraphs = [line for line in big.split("\n") if line.strip()]
    return Corpus(big=big, paragraphs=paragraphs, copies=copies)


def fresh(s: str) -> str:
    """A new ``str`` equal to ``s``, without a cached UTF-8 buffer."""
    return s.encode("utf-8").decode("utf-8")


def fresh_list(items: Sequence[str]) -> list[str]:
    return [fresh(s) for s in items]


@dataclass
class Case:
    """One timed thing: ``run(data)`` is timed; ``prepare()`` builds fresh
    input for each round, outside the timer."""

    name: str
    prepare: Callable[[], Any]
    run: Callable[[Any], Any]
    nbytes: int
    rounds: int | None = None  # at most this many rounds (slow peers)
    times: list[float] = field(default_factory=list)

    @property
    def best(self) -> float:
        return min(self.times) if self.times else float("nan")

    @property
    def mbps(self) -> float:
        return self.nbytes / self.best / 1e6 if self.times else float("nan")


def run_interleaved(cases: Sequence[Case], rounds: int, verbose: bool = True) -> None:
    """Runs every case once per round, round after round, keeping each
    case's times. Garbage collection is off inside the timer."""
    for r in range(rounds):
        for case in cases:
            if case.rounds is not None and r >= case.rounds:
                continue
            data = case.prepare()
            gc.collect()
            gc.disable()
            try:
                t0 = time.perf_counter()
                case.run(data)
                case.times.append(time.perf_counter() - t0)
            finally:
                gc.enable()
            del data
        if verbose:
            print(f"  round {r + 1}/{rounds} done", file=sys.stderr, flush=True)


def machine() -> str:
    cpus = os.cpu_count()
    return f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}, {cpus} CPUs"


def table(rows: Sequence[Sequence[str]], header: Sequence[str]) -> str:
    """A plain-text table with right-aligned numeric columns."""
    cols = list(zip(header, *rows))
    widths = [max(len(c) for c in col) for col in cols]
    out = []
    for i, row in enumerate([list(header), *[list(r) for r in rows]]):
        cells = [c.ljust(w) if j == 0 else c.rjust(w) for j, (c, w) in enumerate(zip(row, widths))]
        out.append("  ".join(cells))
        if i == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def optional_import(name: str) -> Any:
    """The module, or ``None`` when the peer is not installed."""
    try:
        return __import__(name, fromlist=["_"])
    except ImportError:
        return None
