"""Benchmark the extractor: speed on one core, and memory while streaming.

    python bench/bench_extract.py                    # 1000 articles for speed, 10000 for memory
    python bench/bench_extract.py --speed 300 --memory 2000
    python bench/bench_extract.py --memory 0 --compare b459fa7   # this code against a commit's

1. Speed: ``kg.extract.extract`` over synthetic ~400-word articles
   (bench/make_corpus.py), pinned to one CPU, after a warm-up; reading
   (``read_articles``) is timed separately.
2. Memory: a 10,000-article JSONL corpus (bench/out/corpus_<n>.jsonl, made
   if missing) goes through read_articles + extract twice, each run in a
   fresh process so that its peak is its own:
   * ``stream``: one article at a time, as ``kg load`` does;
   * ``eager``: the obvious alternative, the whole corpus read into a list
     first (like ``readlines`` + ``json.loads``), then extracted.
   Each prints its resident memory after 1k, 5k and 10k articles and its peak.
   Extraction results are dropped in both (the loader writes each article's
   graph and forgets it).

3. ``--compare REV``: the speed of this tree's extractor and of git revision
   REV's (taken out with ``git archive``), each in a fresh
   process, alternating, ``--rounds`` times, in CPU time (other processes on
   a shared machine weigh on it less than on wall time): old and new code
   measured in the same run, on the same corpus.

Memory figures come from /proc/self/statm and getrusage, so this runs on Linux.
"""
from __future__ import annotations

import argparse
import io
import os
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from itertools import islice
from pathlib import Path

from make_corpus import OUT, write_corpus

from kg.extract import extract
from kg.sources.articles import read_articles


def rss_mb() -> float:
    """Current resident set size."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024   # kB on Linux


def speed(corpus: Path, n: int) -> None:
    t0 = time.perf_counter()
    articles = list(islice(read_articles(corpus), n))
    read_s = time.perf_counter() - t0
    words = sum(len(a.text.split()) for a in articles) / len(articles)
    for a in articles[:20]:   # warm-up: compiled patterns, lexicon, gazetteer
        extract(a)
    t0 = time.perf_counter()
    for a in articles:
        extract(a)
    extract_s = time.perf_counter() - t0
    print(f"speed ({len(articles)} articles, {words:.0f} words each on average, one core)")
    print(f"  read_articles      {len(articles) / read_s:8.0f} articles/s")
    print(f"  extract            {len(articles) / extract_s:8.1f} articles/s  "
          f"({1000 * extract_s / len(articles):.2f} ms/article)")


def cpu_rate(corpus: Path, n: int) -> float:
    """Articles extracted per CPU second, after a warm-up."""
    articles = list(islice(read_articles(corpus), n))
    for a in articles[:20]:
        extract(a)
    t0 = time.process_time()
    for a in articles:
        extract(a)
    return len(articles) / (time.process_time() - t0)


def compare(corpus: Path, n: int, rev: str, rounds: int, cpu: int | None) -> None:
    """This tree's extractor against revision ``rev``'s, alternating in fresh processes."""
    repo = Path(__file__).resolve().parents[1]
    # the whole tree: the extractor reads the gazetteer from data/ beside kg/
    archive = subprocess.run(["git", "-C", str(repo), "archive", rev], capture_output=True, check=True).stdout
    rates: dict[str, list[float]] = {"this tree": [], rev: []}
    with tempfile.TemporaryDirectory(prefix="bench-extract-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        for _ in range(rounds):
            for label, path in (("this tree", str(repo)), (rev, tmp)):
                env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [path, os.environ.get("PYTHONPATH")]))}
                run = subprocess.run(
                    [sys.executable, __file__, "--child", "speed", "--corpus", str(corpus), "--speed", str(n)]
                    + (["--cpu", str(cpu)] if cpu is not None else []),
                    capture_output=True, text=True, env=env)
                if run.returncode:
                    sys.exit(f"the extractor of {label} failed:\n{run.stderr}")
                rates[label].append(float(run.stdout))
    print(f"\nthis tree against {rev} ({n} articles, {rounds} rounds alternating, one core, "
          f"articles per CPU second)")
    for label, values in rates.items():
        print(f"  {label:12} median {statistics.median(values):6.1f}   "
              f"min {min(values):6.1f}   max {max(values):6.1f}")


def child(mode: str, corpus: Path, checkpoints: list[int]) -> None:
    """One memory run; prints 'n rss' lines, then 'peak p'."""
    print(f"start {rss_mb():.1f}", flush=True)
    if mode == "eager":
        articles = list(read_articles(corpus))
        print(f"loaded {rss_mb():.1f}", flush=True)
    else:
        articles = read_articles(corpus)
    for i, article in enumerate(articles, 1):
        extract(article)
        if i in checkpoints:
            print(f"{i} {rss_mb():.1f}", flush=True)
    print(f"peak {peak_mb():.1f}", flush=True)


def memory(corpus: Path, n: int, cpu: int | None) -> None:
    checkpoints = sorted({min(1000, n), min(5000, n), n})
    print(f"\nmemory ({n} articles from {corpus.name}, "
          f"{corpus.stat().st_size / 2**20:.1f} MB; resident MB)")
    header = ["mode", "start", "loaded"] + [f"at {c:,}" for c in checkpoints] + ["peak", "time s"]
    print("  " + "".join(f"{h:>10}" for h in header))
    for mode in ("stream", "eager"):
        t0 = time.perf_counter()
        out = subprocess.run(
            [sys.executable, __file__, "--child", mode, "--corpus", str(corpus),
             "--checkpoints", ",".join(map(str, checkpoints))] + (["--cpu", str(cpu)] if cpu is not None else []),
            capture_output=True, text=True, check=True).stdout
        figures = dict(line.split() for line in out.splitlines())
        row = [mode, figures["start"], figures.get("loaded", "-")] + \
              [figures[str(c)] for c in checkpoints] + [figures["peak"], f"{time.perf_counter() - t0:.0f}"]
        print("  " + "".join(f"{v:>10}" for v in row))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--speed", type=int, default=1000, help="articles timed for speed (1000)")
    parser.add_argument("--memory", type=int, default=10_000,
                        help="articles streamed for memory (10000; 0 skips the memory part)")
    parser.add_argument("--cpu", type=int, default=0, help="the CPU to pin to (0)")
    parser.add_argument("--compare", metavar="REV",
                        help="also time git revision REV's extractor against this one, alternating")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of --compare (3)")
    parser.add_argument("--child", choices=["stream", "eager", "speed"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--checkpoints", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.cpu is not None and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {args.cpu})   # one core, whatever the machine has
    if args.child == "speed":
        print(cpu_rate(args.corpus, args.speed))
        return
    if args.child:
        child(args.child, args.corpus, [int(c) for c in args.checkpoints.split(",")])
        return
    size = max(args.speed, args.memory)
    corpus = OUT / f"corpus_{size}.jsonl"
    if not corpus.exists():
        write_corpus(corpus, size)
    speed(corpus, args.speed)
    if args.compare:
        compare(corpus, args.speed, args.compare, args.rounds, args.cpu)
    if args.memory:
        memory(corpus, args.memory, args.cpu)


if __name__ == "__main__":
    main()
