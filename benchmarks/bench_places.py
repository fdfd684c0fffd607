#!/usr/bin/env python3
"""Place matching: furat against pyahocorasick, ahocorasick_rs and FlashText
on the same job, in one process.

    python benchmarks/bench_places.py [--mb 20] [--rounds 5]

The job: every name of furat's built-in gazetteer (Arabic and Latin, as the
data writes them) searched in the sample articles repeated to about 20 MB of
UTF-8, given once as one string and once as a list of paragraphs (one call
per paragraph for the peers, one batch call for furat). Every engine runs
once per round, rounds interleaved, on fresh string objects (so nobody
profits from a UTF-8 buffer an earlier round left cached on them); the best
round counts. MB/s is of UTF-8 input. Ratios compare like with like: a
one-string row with pyahocorasick on the one string, a paragraph row with
pyahocorasick on the paragraphs.

What each one does in that time:

* furat ``find``/``find_batch``: normalization (search profile) with
  offsets, every name variant, proclitics, word boundaries, evidence for
  common-word names, leftmost-longest choice, admin context, spans in the
  original text and a Python ``Match`` object per mention (one list per
  paragraph).
* pyahocorasick ``iter`` and ahocorasick_rs (leftmost-longest): raw
  substring hits of the names as written, no normalization, no boundaries,
  no clitics (they find الحسكة inside الحسكةي and miss الحسكه, للحسكة,
  ديرالزور). "+ filter" adds a plain Python word-boundary check on their
  hits. Neither has a batch call; ahocorasick_rs releases the GIL while it
  matches, so its "all cores" row runs paragraphs on a thread pool.
* FlashText: whole-token matching of the names as written (Arabic letters
  are made non-boundaries, else it degenerates into substring search). It
  is ~20x slower, so it runs on a 2 MB slice and its MB/s is reported.

Peers are optional (``pip install pyahocorasick ahocorasick-rs flashtext``,
or ``make bench``); a missing one is skipped. The machine's load average is
printed before and after: on a shared machine read small differences as
noise.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from _common import Case, build_corpus, fresh, fresh_list, machine, optional_import, run_interleaved, table

import furat

BASE_ONE = "pyahocorasick iter, one string"
BASE_PARA = "pyahocorasick iter, paragraphs"


def boundary_filter(text: str, hits: list[tuple[int, int]]) -> int:
    n = len(text)
    return sum(1 for s, e in hits if (s == 0 or not text[s - 1].isalnum()) and (e == n or not text[e].isalnum()))


def build_time(repeat: int) -> list[float]:
    """Fresh-process build times of the default gazetteer (normalizer table
    included), in seconds."""
    code = "import time, furat; t = time.perf_counter(); furat.Gazetteer.default(); print(time.perf_counter() - t)"
    return sorted(float(subprocess.check_output([sys.executable, "-c", code], text=True)) for _ in range(repeat))


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:  # pragma: no cover
        return "?"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--rounds", "--repeat", type=int, default=5)
    args = ap.parse_args()

    corpus = build_corpus(args.mb)
    big, paragraphs = corpus.big, corpus.paragraphs
    nbytes = corpus.nbytes
    g = furat.Gazetteer.default()
    names = sorted({n for p in g.places() for n in p.names})
    cores = os.cpu_count() or 1
    print(corpus.describe())
    print(f"{len(names):,} names; {machine()}; load average before: {load()}")
    print()

    builds = build_time(7)
    print(
        f"furat default gazetteer build, fresh process (normalizer table included): "
        f"best {builds[0] * 1000:.1f} ms, median {builds[len(builds) // 2] * 1000:.1f} ms of {len(builds)}"
    )

    cases: list[Case] = []
    one = lambda: fresh(big)  # noqa: E731
    paras = lambda: fresh_list(paragraphs)  # noqa: E731

    def add(name: str, prepare: Callable[[], Any], run: Callable[[Any], int], nb: int = nbytes, rounds: int | None = None) -> None:
        cases.append(Case(name, prepare, lambda d, run=run, name=name: hits.__setitem__(name, run(d)), nb, rounds))

    hits: dict[str, int] = {}
    add("furat find, one string", one, lambda t: len(g.find(t)))
    add("furat find_batch, paragraphs, 1 thread", paras, lambda ps: sum(map(len, g.find_batch(ps, threads=1))))
    add(f"furat find_batch, paragraphs, all cores ({cores})", paras, lambda ps: sum(map(len, g.find_batch(ps))))

    ahocorasick = optional_import("ahocorasick")
    if ahocorasick is not None:
        a = ahocorasick.Automaton()
        for i, n in enumerate(names):
            a.add_word(n, (i, len(n)))
        a.make_automaton()

        def spans(t: str) -> list[tuple[int, int]]:
            return [(e - ln + 1, e + 1) for e, (_, ln) in a.iter(t)]

        add(BASE_ONE, one, lambda t: len(spans(t)))
        add("pyahocorasick iter + filter, one string", one, lambda t: boundary_filter(t, spans(t)))
        add(BASE_PARA, paras, lambda ps: sum(1 for p in ps for _ in a.iter(p)))
    else:
        print("pyahocorasick: not installed, skipped")

    ahocorasick_rs = optional_import("ahocorasick_rs")
    if ahocorasick_rs is not None:
        ac = ahocorasick_rs.AhoCorasick(names, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)

        def rs_paras(ps: list[str]) -> int:
            return sum(len(ac.find_matches_as_indexes(p)) for p in ps)

        def rs_paras_pool(ps: list[str]) -> int:
            step = 256
            chunks = [ps[i : i + step] for i in range(0, len(ps), step)]
            with ThreadPoolExecutor(cores) as pool:
                return sum(pool.map(rs_paras, chunks))

        add("ahocorasick_rs leftmost-longest, one string", one, lambda t: len(ac.find_matches_as_indexes(t)))
        add(
            "ahocorasick_rs + filter, one string",
            one,
            lambda t: boundary_filter(t, [(s, e) for _, s, e in ac.find_matches_as_indexes(t)]),
        )
        add("ahocorasick_rs, paragraphs", paras, rs_paras)
        add(f"ahocorasick_rs, paragraphs, all cores ({cores})", paras, rs_paras_pool)
    else:
        print("ahocorasick_rs: not installed, skipped")

    flashtext = optional_import("flashtext")
    if flashtext is not None:
        kp = flashtext.KeywordProcessor(case_sensitive=False)
        for c in "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىة":
            kp.add_non_word_boundary(c)
        for n in names:
            kp.add_keyword(n)
        part = big[: len(big) // max(1, int(args.mb / 2))]
        add(
            "FlashText, one string (2 MB slice)",
            lambda: fresh(part),
            lambda t: len(kp.extract_keywords(t, span_info=True)),
            nb=len(part.encode("utf-8")),
            rounds=min(args.rounds, 3),
        )
    else:
        print("FlashText: not installed, skipped")

    run_interleaved(cases, args.rounds)
    by_name = {c.name: c for c in cases}
    rows = []
    for c in cases:
        base = by_name.get(BASE_PARA if "paragraphs" in c.name else BASE_ONE)
        ratio = f"{c.mbps / base.mbps:.2f}x" if base else "-"
        rows.append([c.name, f"{c.mbps:.1f}", f"{hits.get(c.name, 0):,}", ratio])
    print()
    print(table(rows, ["engine", "MB/s", "hits", "vs pyahocorasick (same input)"]))
    print()
    print(f"best of {args.rounds} interleaved rounds; load average after: {load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
