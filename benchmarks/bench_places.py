#!/usr/bin/env python3
"""Place matching: furat against pyahocorasick, ahocorasick_rs and FlashText
on the same job, in one process.

    python benchmarks/bench_places.py [--mb 20] [--repeat 3]

The job: every name of furat's built-in gazetteer (Arabic and Latin, as the
data writes them) searched in the sample articles (``examples/articles``)
repeated to about 20 MB of UTF-8, given once as one string and once as a
list of paragraphs. Best of ``--repeat`` runs; MB means 10^6 bytes of UTF-8.

What each one does in that time:

* furat ``find``: normalization (search profile) with offsets, every name
  variant, proclitics, word boundaries, evidence for common-word names,
  leftmost-longest choice, admin context, spans in the original text and a
  Python ``Match`` object per mention.
* pyahocorasick ``iter`` and ahocorasick_rs (leftmost-longest): raw substring
  hits of the names as written, no normalization, no boundaries, no clitics
  (they find الحسكة inside الحسكةي and miss الحسكه, للحسكة, ديرالزور).
  "+filter" adds a plain Python word-boundary check on their hits.
* FlashText: whole-token matching of the names as written (Arabic letters
  are made non-boundaries, else it degenerates into substring search). It
  is ~100x slower, so it runs on a 2 MB slice and its MB/s is reported.

Peers are optional (``pip install pyahocorasick ahocorasick-rs flashtext``,
or ``make bench``); a missing one is skipped.
"""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import furat

ROOT = Path(__file__).resolve().parent.parent


def corpus(mb: float) -> tuple[str, list[str]]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "articles").glob("*.txt"))]
    one = "\n\n".join(texts)
    size = len(one.encode("utf-8"))
    big = "\n\n".join([one] * max(1, int(mb * 1e6 / size)))
    paragraphs = [p for p in big.split("\n") if p.strip()]
    return big, paragraphs


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times = []
    out = None
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def is_word(c: str) -> bool:
    return c.isalnum()


def boundary_filter(text: str, hits: list[tuple[int, int]]) -> int:
    n = len(text)
    return sum(1 for s, e in hits if (s == 0 or not is_word(text[s - 1])) and (e == n or not is_word(text[e])))


def build_time(repeat: int) -> float:
    code = "import time, furat; t = time.perf_counter(); furat.Gazetteer.default(); print(time.perf_counter() - t)"
    return min(float(subprocess.check_output([sys.executable, "-c", code], text=True)) for _ in range(repeat))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    big, paragraphs = corpus(args.mb)
    nbytes = len(big.encode("utf-8"))
    mb = nbytes / 1e6
    g = furat.Gazetteer.default()
    names = sorted({n for p in g.places() for n in p.names})
    print(f"corpus: {mb:.1f} MB, {len(big):,} chars, {len(paragraphs):,} paragraphs; {len(names):,} names")
    print("machine: shared, noisy (2 cores, other jobs running): best of", args.repeat)
    print()

    t_build = build_time(5)
    print(f"furat default gazetteer build (fresh process, best of 5): {t_build * 1000:.1f} ms")
    # name -> function returning the number of hits; every engine runs once
    # per round, rounds interleaved, so that all see the same machine load.
    jobs: dict[str, Callable[[], int]] = {
        "furat find, one string, 1 thread": lambda: len(g.find(big)),
        "furat find_batch, paragraphs, 1 thread": lambda: sum(map(len, g.find_batch(paragraphs, threads=1))),
        "furat find_batch, paragraphs, all cores": lambda: sum(map(len, g.find_batch(paragraphs))),
    }
    scale: dict[str, float] = {}
    try:
        import ahocorasick

        a = ahocorasick.Automaton()
        t0 = time.perf_counter()
        for i, n in enumerate(names):
            a.add_word(n, (i, len(n)))
        a.make_automaton()
        print(f"pyahocorasick build: {(time.perf_counter() - t0) * 1000:.0f} ms")

        def pyac_one() -> list[tuple[int, int]]:
            return [(e - ln + 1, e + 1) for e, (_, ln) in a.iter(big)]

        jobs["pyahocorasick iter, one string"] = lambda: len(pyac_one())
        jobs["pyahocorasick iter + boundary filter"] = lambda: boundary_filter(big, pyac_one())
        jobs["pyahocorasick iter, paragraphs"] = lambda: sum(1 for p in paragraphs for _ in a.iter(p))
    except ImportError:
        print("pyahocorasick: not installed, skipped")
    try:
        import ahocorasick_rs

        t0 = time.perf_counter()
        ac = ahocorasick_rs.AhoCorasick(names, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        print(f"ahocorasick_rs build: {(time.perf_counter() - t0) * 1000:.0f} ms")
        jobs["ahocorasick_rs leftmost-longest, one string"] = lambda: len(ac.find_matches_as_indexes(big))
        jobs["ahocorasick_rs + boundary filter"] = lambda: boundary_filter(
            big, [(s, e) for _, s, e in ac.find_matches_as_indexes(big)]
        )
        jobs["ahocorasick_rs, paragraphs"] = lambda: sum(len(ac.find_matches_as_indexes(p)) for p in paragraphs)
    except ImportError:
        print("ahocorasick_rs: not installed, skipped")
    try:
        from flashtext import KeywordProcessor

        kp = KeywordProcessor(case_sensitive=False)
        for c in "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىة":
            kp.add_non_word_boundary(c)
        t0 = time.perf_counter()
        for n in names:
            kp.add_keyword(n)
        print(f"FlashText build: {(time.perf_counter() - t0) * 1000:.0f} ms")
        part = big[: len(big) // max(1, int(mb / 2))]
        part_mb = len(part.encode("utf-8")) / 1e6
        name = f"FlashText (on {part_mb:.1f} MB, scaled)"
        jobs[name] = lambda: len(kp.extract_keywords(part, span_info=True))
        scale[name] = mb / part_mb
    except ImportError:
        print("FlashText: not installed, skipped")

    times: dict[str, float] = {}
    hits: dict[str, int] = {}
    for _ in range(args.repeat):
        for name, fn in jobs.items():
            t, n = best(fn, 1)
            times[name] = min(times.get(name, t), t)
            hits[name] = n
    rows = [(name, times[name] * scale.get(name, 1.0), int(hits[name] * scale.get(name, 1.0))) for name in jobs]
    print()
    base = next((t for name, t, _ in rows if name == "pyahocorasick iter, one string"), None)
    print(f"{'engine':48} {'MB/s':>8} {'hits':>10} {'vs pyahocorasick':>18}")
    for name, t, n in rows:
        ratio = f"{base / t:.2f}x" if base else "-"
        print(f"{name:48} {mb / t:8.1f} {n:10,} {ratio:>18}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
