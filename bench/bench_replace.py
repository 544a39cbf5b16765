"""What replacing a big source costs against adding it, in one run.

Writes one big N-Triples source (version 1), and a new version of the same
file in which a share of the triples changed (``--change``); then, each in
its own ``kg load`` process on a fresh store:

* **add**: version 1 into an empty store;
* **replace**: version 2 into a store holding version 1 (the same source, so
  its graph is swapped: kg.facts);
* **remove**: ``kg remove`` of the source from a store holding it.

Wall time and the process's peak RSS (from ``wait4``) are printed side by
side. The issue that asked for this saw 329 s / 7.5 GB to replace 4M triples
against 40 s / 1.9 GB to add them.

    python bench/bench_replace.py                      # 1M triples, 10 % changed
    python bench/bench_replace.py --triples 4000000    # the issue's size
    python bench/bench_replace.py --change 1.0         # every triple changed
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KG = str(Path(sys.executable).with_name("kg"))


def write_version(path: Path, triples: int, version: int, change: float) -> None:
    """``triples`` lines; in version 2 the object of every triple whose index
    falls in the changed share says so (spread over the file, not a block)."""
    every = max(1, round(1 / change)) if change > 0 else 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(triples):
            changed = version > 1 and every and i % every == 0
            out.write(f"<https://example.org/bench/thing/{i // 8}> <https://example.org/bench/p{i % 8}> "
                      f"\"value {i}{' v2' if changed else ''}\" .\n")


def run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one kg process."""
    started = time.perf_counter()
    process = subprocess.Popen([KG, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    out, err = process.stdout.read().decode(), process.stderr.read().decode()
    process.stdout.close()
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"kg {' '.join(args)} failed:\n{out}{err}")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--change", type=float, default=0.1, help="share of triples changed in version 2")
    parser.add_argument("--folder", type=Path, default=None, help="work folder (default: a temporary one)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-replace-", dir=args.folder))
    try:
        v1, v2 = folder / "v1" / "big.nt", folder / "v2" / "big.nt"   # one file name: one source
        for path, version in ((v1, 1), (v2, 2)):
            path.parent.mkdir()
            write_version(path, args.triples, version, args.change)
        env = {**os.environ, "TMPDIR": str(folder)}
        print(f"{args.triples:,} triples, {args.change:.0%} changed in version 2; load average "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        rows = []
        store = folder / "store"
        rows.append(("add (empty store)", *run(["--store", str(store), "load", str(v1)], env)))
        shutil.copytree(store, folder / "store-v1")
        rows.append(("replace (new version)", *run(["--store", str(store), "load", str(v2)], env)))
        rows.append(("replace (unchanged)", *run(["--store", str(store), "load", str(v2)], env)))
        removing = folder / "store-v1"
        rows.append(("remove", *run(["--store", str(removing), "remove", str(v1)], env)))
        add_seconds, add_mb = rows[0][1], rows[0][2]
        print(f"{'':24} {'seconds':>8} {'peak MB':>8} {'time/add':>8} {'RSS/add':>8}")
        for name, seconds, mb in rows:
            print(f"{name:24} {seconds:8.1f} {mb:8.0f} {seconds / add_seconds:8.2f} {mb / add_mb:8.2f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
