"""Documents per second and peak memory of the ``furat`` command.

    python benchmarks/bench_cli.py                    # furat process, the main job
    python benchmarks/bench_cli.py --job normalize    # any other job

Throughput: the sample articles (examples/articles) repeated to 10,000
documents, as a directory of plain-text files and as one JSONL file, with 1
and 2 jobs in each parallel mode; best of ``--repeat`` runs, wall clock of
the whole command (start-up included).

Memory: peak resident memory of the command on JSONL inputs of growing
size up to 100,000 documents, output to stdout (discarded): the main
process alone (from wait4), and the main process plus its worker processes
(sampled from /proc every 50 ms). Streaming means it stays flat as the
number of documents grows.

Self-contained (standard library only); inputs are generated once under
.bench-data/ (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / ".bench-data" / "cli"
#: (jobs, --parallel) of each run.
RUNS = [(1, "threads"), (2, "threads"), (2, "processes"), (2, "engine")]


def articles() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "articles").glob("*.txt"))]
    if not texts:
        sys.exit("no sample articles in examples/articles")
    return texts


def make_directory(n: int) -> Path:
    path = DATA / f"dir-{n}"
    if path.is_dir() and sum(1 for _ in path.rglob("*.txt")) == n:
        return path
    shutil.rmtree(path, ignore_errors=True)
    texts = articles()
    for i in range(n):
        sub = path / f"{i // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i:06d}.txt").write_text(texts[i % len(texts)], encoding="utf-8")
    return path


def make_jsonl(n: int) -> Path:
    path = DATA / f"docs-{n}.jsonl"
    if path.is_file():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    texts = articles()
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"doc-{i}", "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return path


def furat_command(job: str, inputs: Path, jobs: int, parallel: str, extra: list[str]) -> list[str]:
    return [sys.executable, "-m", "furat.cli", job, str(inputs), "-j", str(jobs), "--parallel", parallel, "-q", *extra]


def timed(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and all its processes)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr.decode()}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _children(pid: int) -> list[int]:
    """Child processes of ``pid`` (of any of its threads), cheaply: scanning
    all of /proc would steal the CPU being measured."""
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out.extend(int(c) for c in f.read().split())
    except OSError:
        pass
    return out


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def peak_memory(cmd: list[str]) -> tuple[float, float, float]:
    """(seconds, peak RSS of the main process, peak RSS of it and its
    worker processes together), in MiB."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    tree_peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal tree_peak
        while not done.is_set():
            total = _rss_kib(proc.pid) + sum(_rss_kib(c) for c in _children(proc.pid))
            tree_peak = max(tree_peak, total)
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({code}):\n{proc.stderr.read().decode() if proc.stderr else ''}")
    proc.returncode = code
    if proc.stderr:
        proc.stderr.close()
    main_peak = usage.ru_maxrss / 1024  # KiB on Linux
    return elapsed, main_peak, max(tree_peak / 1024, main_peak)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--job", default="process", choices=("process", "clean", "places", "normalize"))
    ap.add_argument("--docs", type=int, default=10_000, help="documents for the throughput runs")
    ap.add_argument("--memory-docs", default="10000,30000,100000", help="document counts for the memory runs")
    ap.add_argument("--repeat", type=int, default=3, help="runs per throughput measure (best kept)")
    ap.add_argument("--skip-memory", action="store_true")
    args = ap.parse_args()

    print(f"furat {args.job}: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, load {os.getloadavg()[0]:.1f}")
    out = DATA / "out.jsonl"
    inputs = {"directory": make_directory(args.docs), "jsonl": make_jsonl(args.docs)}
    print(f"\nthroughput, {args.docs:,} documents, best of {args.repeat} (wall clock, start-up included)")
    print("(cpu: CPU seconds of all the command's processes: what the run costs, whatever the load)")
    print(f"{'input':10} {'jobs':>4} {'parallel':10} {'seconds':>8} {'docs/s':>9} {'cpu s':>7}")
    for kind, path in inputs.items():
        for jobs, parallel in RUNS:
            cmd = furat_command(args.job, path, jobs, parallel, ["-o", str(out)])
            best, cpu = min(timed(cmd) for _ in range(args.repeat))
            label = parallel if jobs > 1 else "-"
            print(f"{kind:10} {jobs:>4} {label:10} {best:8.2f} {args.docs / best:9,.0f} {cpu:7.2f}", flush=True)

    if not args.skip_memory:
        counts = [int(c) for c in args.memory_docs.split(",")]
        print("\npeak memory, JSONL input, output to stdout (discarded)")
        print(f"{'documents':>10} {'jobs':>4} {'parallel':10} {'seconds':>8} {'main MiB':>9} {'all MiB':>8}")
        for n in counts:
            path = make_jsonl(n)
            for jobs, parallel in RUNS[:3]:
                seconds, main_mib, tree_mib = peak_memory(furat_command(args.job, path, jobs, parallel, []))
                label = parallel if jobs > 1 else "-"
                print(f"{n:>10,} {jobs:>4} {label:10} {seconds:8.2f} {main_mib:9.1f} {tree_mib:8.1f}", flush=True)
    out.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
