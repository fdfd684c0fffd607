"""furat's normalizer against its peers, on the same mapping, in one process.

The mapping every chain applies (the "common chain" of the research notes):
delete U+064B-0652, U+0670 and tatweel U+0640; أ إ آ ٱ → ا; ى → ي; ة → ه.
furat runs it as ``Normalizer("none", diacritics="basic", tatweel=True,
alef="basic", alef_maksura=True, teh_marbuta=True)``; every peer's output is
checked equal to furat's before anything is timed.

Three shapes: one big string (the sample articles repeated to ~20 MB), one
call per paragraph, and the batch call over all paragraphs. Also: the floor
of ``s.encode()`` + ``decode()``, ``normalize_with_offsets``, the ``search``
profile, and the batch call on 1 thread vs all threads.

    python benchmarks/bench_normalize.py [--size-mb 20] [--rounds 7]

Peers that are not installed are skipped (``make bench`` installs them).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Case, build_corpus, fresh, fresh_list, machine, optional_import, run_interleaved, table

import furat

COMMON = furat.Normalizer(
    "none", diacritics="basic", tatweel=True, alef="basic", alef_maksura=True, teh_marbuta=True
)
SEARCH = furat.Normalizer("search")


def pure_python_chain() -> Callable[[str], str]:
    """The best pure-Python chain: one ``re.sub`` for the deletions, then
    ``str.replace`` for the six folds."""
    marks = re.compile("[\u064b-\u0652\u0670\u0640]")
    folds = [("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه")]

    def chain(s: str) -> str:
        s = marks.sub("", s)
        for a, b in folds:
            s = s.replace(a, b)
        return s

    return chain


def camel_chain() -> Callable[[str], str] | None:
    """CAMeL Tools' light chain. It keeps tatweel, so one ``str.replace``
    deletes it to reach the same mapping."""
    dediac = optional_import("camel_tools.utils.dediac")
    norm = optional_import("camel_tools.utils.normalize")
    if dediac is None or norm is None:
        return None
    d, a, m, t = (
        dediac.dediac_ar,
        norm.normalize_alef_ar,
        norm.normalize_alef_maksura_ar,
        norm.normalize_teh_marbuta_ar,
    )
    return lambda s: d(m(t(a(s)))).replace("\u0640", "")


def pyarabic_chain() -> Callable[[str], str] | None:
    """PyArabic's nearest functions. Its ``normalize_alef`` also turns ى into
    ا (a known quirk), so ى → ي is done first with ``str.replace``."""
    araby = optional_import("pyarabic.araby")
    if araby is None:
        return None

    def chain(s: str) -> str:
        s = araby.strip_tashkeel(s)
        s = araby.strip_small(s)
        s = araby.strip_tatweel(s)
        s = s.replace("ى", "ي")
        s = araby.normalize_alef(s)
        return araby.normalize_teh(s)

    return chain


def arabic_norm_fns() -> tuple[Callable[[str], str], Callable[[list[str]], list[str]]] | None:
    an = optional_import("arabic_norm")
    if an is None:
        return None
    return (lambda s: an.normalize(s, ta_marbuta=True)), (lambda xs: an.normalize_batch(xs, ta_marbuta=True))


def check_same(name: str, f: Callable[[str], str], corpus_big: str, paragraphs: list[str]) -> bool:
    """Whether ``f`` gives furat's output on the big string and on every
    paragraph; prints what differs otherwise."""
    want = COMMON.normalize(corpus_big)
    got = f(corpus_big)
    ok = got == want
    bad = [p for p in paragraphs[:2000] if f(p) != COMMON.normalize(p)]
    if not ok or bad:
        diff = sum(1 for a, b in zip(got, want) if a != b) + abs(len(got) - len(want))
        print(f"  !! {name}: output differs from furat's ({diff} characters of the big string, "
              f"{len(bad)} of the first 2000 paragraphs); its numbers are not comparable")
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size-mb", type=float, default=20.0)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--slow-rounds", type=int, default=3, help="rounds for the slow pure-Python peers")
    args = ap.parse_args(argv)

    corpus = build_corpus(args.size_mb)
    big, paras = corpus.big, corpus.paragraphs
    nb, npb = corpus.nbytes, corpus.paragraph_bytes
    threads = os.cpu_count() or 1
    print(f"bench_normalize: {machine()}; furat {furat.__version__}")
    print(corpus.describe())
    print(f"best of {args.rounds} interleaved rounds ({args.slow_rounds} for slow peers); MB/s of UTF-8 input\n")

    big_in = lambda: fresh(big)  # noqa: E731
    paras_in = lambda: fresh_list(paras)  # noqa: E731
    slow = args.slow_rounds

    # shape -> chain -> Case
    cases: dict[str, dict[str, Case]] = {"big": {}, "paragraph": {}, "batch": {}}

    def add(shape: str, name: str, run: Callable[[object], object], rounds: int | None = None) -> None:
        prepare = big_in if shape == "big" else paras_in
        cases[shape][name] = Case(name, prepare, run, nb if shape == "big" else npb, rounds)

    def add_one(name: str, f: Callable[[str], object], rounds: int | None = None) -> None:
        add("big", name, lambda s: f(s), rounds)  # type: ignore[arg-type]
        add("paragraph", name, lambda ps: [f(p) for p in ps], rounds)  # type: ignore[attr-defined]

    add("big", "floor: encode+decode", lambda s: s.encode("utf-8").decode("utf-8"))  # type: ignore[attr-defined]
    add("paragraph", "floor: encode+decode", lambda ps: [p.encode("utf-8").decode("utf-8") for p in ps])  # type: ignore[attr-defined]

    add_one("furat", COMMON.normalize)
    add("batch", "furat", lambda ps: COMMON.normalize_batch(ps))  # type: ignore[arg-type]
    add("batch", "furat threads=1", lambda ps: COMMON.normalize_batch(ps, threads=1))  # type: ignore[arg-type]
    # The same text cut into 10,000-character pieces: how the batch scales
    # when the work per item outweighs building its result object.
    pieces = [big[i : i + 10_000] for i in range(0, len(big), 10_000)]
    pieces_in = lambda: fresh_list(pieces)  # noqa: E731
    cases["batch"]["furat, 10k-char texts"] = Case(
        "furat, 10k-char texts", pieces_in, lambda ps: COMMON.normalize_batch(ps), nb
    )
    cases["batch"]["furat, 10k-char texts, threads=1"] = Case(
        "furat, 10k-char texts, threads=1", pieces_in, lambda ps: COMMON.normalize_batch(ps, threads=1), nb
    )
    add_one("furat normalize_with_offsets", COMMON.normalize_with_offsets)
    add_one("furat search profile", SEARCH.normalize)
    add("batch", "furat search profile", lambda ps: SEARCH.normalize_batch(ps))  # type: ignore[arg-type]

    peers: list[str] = []
    an = arabic_norm_fns()
    if an is not None and check_same("arabic-norm", an[0], big, paras):
        add_one("arabic-norm", an[0])
        add("batch", "arabic-norm", lambda ps: an[1](ps))  # type: ignore[arg-type]
        peers.append("arabic-norm")
    for name, chain, rounds in [
        ("pure Python re.sub+str.replace", pure_python_chain(), None),
        ("CAMeL Tools light chain", camel_chain(), slow),
        ("PyArabic", pyarabic_chain(), slow),
    ]:
        if chain is None:
            print(f"  (skipped {name}: not installed)")
            continue
        if check_same(name, chain, big, paras):
            add_one(name, chain, rounds)
            peers.append(name)

    all_cases = [c for shape in cases.values() for c in shape.values()]
    run_interleaved(all_cases, args.rounds)

    names = list(dict.fromkeys(n for shape in cases.values() for n in shape))
    rows = []
    for n in names:
        row = [n]
        for shape in ("big", "paragraph", "batch"):
            c = cases[shape].get(n)
            row.append(f"{c.mbps:,.0f}" if c else "")
        rows.append(row)
    print()
    print(table(rows, ["chain", "big string", "per paragraph", f"batch ({threads} threads)"]))

    print("\nfurat (common chain) / peer, by shape:")
    ratio_rows = []
    for p in ["floor: encode+decode", *peers]:
        row = [p]
        for shape in ("big", "paragraph", "batch"):
            f, c = cases[shape].get("furat"), cases[shape].get(p)
            row.append(f"{f.mbps / c.mbps:.2f}x" if f and c else "")
        ratio_rows.append(row)
    print(table(ratio_rows, ["peer", "big string", "per paragraph", "batch"]))

    b, b1 = cases["batch"]["furat"], cases["batch"]["furat threads=1"]
    off = cases["big"]["furat normalize_with_offsets"]
    offp = cases["paragraph"]["furat normalize_with_offsets"]
    print(f"\nbatch, {threads} threads vs 1 thread: {b.mbps:,.0f} / {b1.mbps:,.0f} MB/s = {b.mbps / b1.mbps:.2f}x")
    lb, lb1 = cases["batch"]["furat, 10k-char texts"], cases["batch"]["furat, 10k-char texts, threads=1"]
    print(
        f"batch of 10k-character texts, {threads} threads vs 1 thread: "
        f"{lb.mbps:,.0f} / {lb1.mbps:,.0f} MB/s = {lb.mbps / lb1.mbps:.2f}x"
    )
    print(f"normalize_with_offsets: {off.mbps:,.0f} MB/s (big string), {offp.mbps:,.0f} MB/s (per paragraph)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
