#!/usr/bin/env python3
"""furat.clean against trafilatura, jusText, resiliparse and boilerpy3.

    python benchmarks/bench_clean.py [--docs 1000] [--repeat 3] [--quick]

All tools run in this one process on the same documents: the sample
articles (``examples/articles``) and the labelled held-out pages
(``testdata/boilerplate/pages``), repeated to ``--docs`` documents. furat
reads the plain text; each peer reads the same text with every line wrapped
as a ``<p>`` in a minimal HTML page (plain text is what furat is for; the
peers need HTML). Times are the best of ``--repeat`` rounds (each round runs
every tool once, so load bursts on a shared machine hit all tools alike),
single-threaded unless said; MB/s counts the plain text (UTF-8) for every
tool.

It then scores each tool's content lines (F1, as ``../shared/eval/score.py``
does) on the labelled pages: a line counts as kept by a peer when its text
is in the peer's output. Peers that are not installed are skipped
(``pip install furat[peers]`` or ``make bench`` installs them).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import furat

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "dev" / "boilerplate.jsonl"


def labelled_pages() -> list[dict[str, object]]:
    """The sample articles (with their gold labels when ../shared is here)
    and the held-out pages."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from boilerplate_testdata import load_all  # noqa: PLC0415 - a script, not a package

    pages: list[dict[str, object]] = []
    if DEV.exists():
        pages += [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
    else:
        for p in sorted((ROOT / "examples" / "articles").glob("*.txt")):
            pages.append({"id": p.stem, "text": p.read_text(encoding="utf-8")})
    return pages + load_all()


def to_html(text: str) -> str:
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.split("\n"))
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"><title></title></head><body>\n{body}</body></html>'


def peers() -> dict[str, Callable[[str], str]]:
    """name -> function(html) -> extracted text, for the installed peers."""
    out: dict[str, Callable[[str], str]] = {}
    try:
        import trafilatura  # noqa: PLC0415

        out["trafilatura"] = lambda h: trafilatura.extract(h) or ""
        out["trafilatura fast"] = lambda h: trafilatura.extract(h, fast=True) or ""
    except ImportError:
        pass
    try:
        import justext  # noqa: PLC0415

        stop = justext.get_stoplist("Arabic")
        out["jusText (Arabic)"] = lambda h: "\n".join(
            p.text for p in justext.justext(h.encode("utf-8"), stop) if not p.is_boilerplate
        )
    except ImportError:
        pass
    try:
        from resiliparse.extract.html2text import extract_plain_text  # noqa: PLC0415

        out["resiliparse main_content"] = lambda h: extract_plain_text(h, main_content=True)
    except ImportError:
        pass
    try:
        from boilerpy3 import extractors  # noqa: PLC0415

        largest = extractors.LargestContentExtractor(raise_on_failure=False)
        article = extractors.ArticleExtractor(raise_on_failure=False)
        out["boilerpy3 LargestContent"] = lambda h: largest.get_content(h) or ""
        out["boilerpy3 Article"] = lambda h: article.get_content(h) or ""
    except ImportError:
        pass
    return out


def best_time(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def fold(s: str) -> str:
    return " ".join(s.split())


def line_f1(pages: list[dict[str, object]], kept: Callable[[dict[str, object]], list[bool]]) -> tuple[float, float, float]:
    tp = npred = ngold = 0
    for page in pages:
        labels = page.get("labels")
        if not isinstance(labels, list):
            continue
        for gold, k in zip(labels, kept(page)):
            if gold == "blank":
                continue
            ngold += gold == "content"
            npred += k
            tp += gold == "content" and k
    p = tp / npred if npred else 1.0
    r = tp / ngold if ngold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="200 documents, 1 repeat")
    args = ap.parse_args()
    if args.quick:
        args.docs, args.repeat = 200, 1

    pages = labelled_pages()
    texts = [str(p["text"]) for p in pages]
    docs = (texts * (args.docs // len(texts) + 1))[: args.docs]
    htmls = [to_html(t) for t in docs]
    mb = sum(len(t.encode("utf-8")) for t in docs) / 1e6
    mb_html = sum(len(h.encode("utf-8")) for h in htmls) / 1e6
    print(f"{len(docs)} documents ({len(texts)} distinct), {mb:.2f} MB of text, {mb_html:.2f} MB as HTML")
    print(f"cores: {os.cpu_count()}; best of {args.repeat}; a shared machine, so expect noise\n")

    # Rounds interleave the tools, and each keeps its best round: on a
    # shared machine a burst of load then hurts every tool alike instead of
    # whichever happened to be running.
    # furat's body text is joined on first access; the peers return their
    # text, so furat's runs ask for the body too.
    tools: list[tuple[str, Callable[[], object]]] = [
        ("furat.clean", lambda: [furat.clean(t).body for t in docs]),
        ("furat.clean_batch threads=1", lambda: [a.body for a in furat.clean_batch(docs, threads=1)]),
        ("furat.clean_batch all cores", lambda: [a.body for a in furat.clean_batch(docs)]),
    ]
    peer_fns = peers()
    for name, fn in peer_fns.items():
        tools.append((name, lambda fn=fn: [fn(h) for h in htmls]))
    best = {name: float("inf") for name, _ in tools}
    for _ in range(args.repeat):
        for name, run in tools:
            best[name] = min(best[name], best_time(run, 1))
    rows = [(name, best[name]) for name, _ in tools]

    base = rows[0][1]
    print(f"{'tool':32} {'seconds':>8} {'docs/s':>9} {'MB/s':>7}  furat.clean is")
    for name, secs in rows:
        if name == "furat.clean":
            ratio = "(baseline)"
        elif name.startswith("furat"):
            ratio = f"({base / secs:.2f}x the speed of furat.clean)"
        else:
            ratio = f"{secs / base:7.1f}x faster"
        print(f"{name:32} {secs:8.3f} {len(docs) / secs:9.0f} {mb / secs:7.2f}  {ratio}")

    print("\ncontent-line quality on the labelled pages (precision / recall / F1)")

    def furat_kept(page: dict[str, object]) -> list[bool]:
        return [lab == "content" for lab in furat.clean(str(page["text"])).labels]

    def peer_kept(fn: Callable[[str], str]) -> Callable[[dict[str, object]], list[bool]]:
        def kept(page: dict[str, object]) -> list[bool]:
            text = str(page["text"])
            out = fold(fn(to_html(text)))
            return [bool(fold(line)) and fold(line) in out for line in text.split("\n")]

        return kept

    sets = {
        "sample": [p for p in pages if str(p["id"]).startswith("0")],
        "held-out": [p for p in pages if not str(p["id"]).startswith("0")],
    }
    print(f"{'tool':32} " + "  ".join(f"{k:>20}" for k in sets))
    for name, kept in [("furat.clean", furat_kept)] + [(n, peer_kept(f)) for n, f in peer_fns.items()]:
        cells = []
        for subset in sets.values():
            p, r, f = line_f1(subset, kept)
            cells.append(f"{p:.2f} / {r:.2f} / {f:.3f}")
        print(f"{name:32} " + "  ".join(f"{c:>20}" for c in cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
