"""The SPARQL endpoint under load: many clients, some of them sending
runaway queries.

Prints figures, asserts nothing. For each server, ``kg serve`` (kg's bounded
worker pool) and, as the obvious alternative, ``oxigraph serve-read-only
--timeout-s`` over the same store:

* ``--clients`` concurrent clients for ``--seconds``; ``--runaway`` of them
  send runaway queries (a cartesian product, counted or ordered) and give up
  after the timeout plus 5 s, the others send named queries (an official's
  posts, the inspections of a unit) with
  parameters drawn from the data, each after a think time of 0.5–1.5 s;
* p50 / p95 / max latency of the normal queries and how many failed;
* how runaway queries ended (status, seconds);
* the server's peak memory (its process and its children, sampled every
  0.2 s) and whether it still burns CPU once every client has gone.

The alternative's memory is watched too: past ``--memory-cap`` GiB it is
killed, so that a runaway ORDER BY cannot take the machine down.

    python bench/synth.py --scale 0.02 --overlap 0.3 --out bench/out/small-overlap.nq
    python bench/bench_endpoint.py --nq bench/out/small-overlap.nq
    python bench/bench_endpoint.py --nq bench/out/national-0.2-overlap.nq --seconds 60

The store goes under bench/out/ (kept out of git) and is removed afterwards
unless --keep.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from kg.binding import bind_values  # noqa: E402
from kg.queries import get as named_query  # noqa: E402
from kg.serve import find_oxigraph, free_port  # noqa: E402
from kg.vocab import SPARQL_PREFIXES  # noqa: E402

KG = str(Path(sys.executable).with_name("kg"))
WARM_UP = 5        # seconds: the first runaway queries of every client reach a short query's worker
RUNAWAYS = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
            "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i")
# named queries with the parameter each takes, drawn from the data
NORMAL = {"cq1-official-posts": "SELECT DISTINCT ?v WHERE { ?p a party:Official ; foaf:name ?v } LIMIT 200",
          "inspections-of-unit": """SELECT DISTINCT ?v WHERE { ?a party:target ?u .
                                    ?u a party:AdministrativeUnit ; skos:hiddenLabel ?v } LIMIT 200"""}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nq", type=Path, default=HERE / "out" / "small-overlap.nq")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--runaway", type=int, default=20, help="clients of the --clients that send runaway queries")
    parser.add_argument("--seconds", type=float, default=40)
    parser.add_argument("--timeout", type=int, default=5)
    parser.add_argument("--memory-cap", type=float, default=6.0, help="GiB at which the alternative is killed")
    parser.add_argument("--only", choices=("kg", "oxigraph"))
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    if not args.nq.is_file():
        sys.exit(f"{args.nq} does not exist: make it with bench/synth.py (see --help)")
    work = Path(tempfile.mkdtemp(prefix="bench-endpoint-", dir=HERE / "out"))
    store = work / "store"
    try:
        started = time.perf_counter()
        subprocess.run([KG, "--store", str(store), "load", str(args.nq)], check=True,
                       stdout=subprocess.DEVNULL)
        print(f"store: {args.nq.name}, loaded in {time.perf_counter() - started:.1f} s")
        workload = Workload.from_store(store)
        print(f"load: {args.clients} clients ({args.runaway} runaway) for {args.seconds:g} s, "
              f"timeout {args.timeout} s, think time 0.5–1.5 s\n")
        servers = {"kg": kg_serve_argv, "oxigraph": oxigraph_argv}
        for name, argv in servers.items():
            if args.only in (None, name):
                report(name, run(argv(store, args.timeout), workload, args))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def kg_serve_argv(store: Path, timeout: int) -> tuple[list[str], str]:
    port = free_port()
    return [KG, "--store", str(store), "serve", "--port", str(port), "--timeout", str(timeout)], \
        f"http://127.0.0.1:{port}"


def oxigraph_argv(store: Path, timeout: int) -> tuple[list[str], str]:
    port = free_port()
    return [find_oxigraph(), "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{port}",
            "--timeout-s", str(timeout)], f"http://127.0.0.1:{port}"


class Workload:
    """The normal queries, bound to values drawn from the store."""

    def __init__(self, queries: list[str]):
        self.queries = queries

    @classmethod
    def from_store(cls, store: Path) -> Workload:
        import pyoxigraph as ox
        from kg.vocab import PREFIXES
        data = ox.Store.read_only(str(store))
        queries = []
        for name, values_query in NORMAL.items():
            query = named_query(name)
            param = query.params[0].name
            values = [row["v"].value for row in data.query(values_query, prefixes=PREFIXES)]
            queries += [SPARQL_PREFIXES + bind_values(query.text, query.bind({param: value})) for value in values]
        del data
        return cls(queries)


def run(command: tuple[list[str], str], workload: Workload, args) -> dict:
    argv, url = command
    server = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(url)
        watch = MemoryWatch(server.pid, args.memory_cap * 2**30)
        watch.start()
        normal: list[float] = []
        failed: list[str] = []
        runaway: list[tuple[str, float]] = []
        stop_at = time.monotonic() + args.seconds
        begun = time.perf_counter()
        threads = [threading.Thread(target=runaway_client, args=(url, args.timeout + 5, stop_at, runaway))
                   for _ in range(args.runaway)]
        threads += [threading.Thread(target=normal_client, args=(url, workload, stop_at, normal, failed))
                    for _ in range(args.clients - args.runaway)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        time.sleep(1)
        busy = cpu_seconds(server.pid, 2.0)
        watch.stop()
        return {"normal": [latency for _, latency in normal],
                "warm": [latency for sent, latency in normal if sent - begun >= WARM_UP], "failed": failed, "runaway": runaway, "peak": watch.peak,
                "killed": watch.killed, "busy_after": busy, "exit": server.poll()}
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def normal_client(url: str, workload: Workload, stop_at: float, latencies: list[float], failed: list[str]) -> None:
    rng = random.Random()
    while time.monotonic() < stop_at:
        time.sleep(rng.uniform(0.5, 1.5))
        started = time.perf_counter()
        status = post(url, rng.choice(workload.queries), timeout=60)
        if status == 200:
            latencies.append((started, time.perf_counter() - started))
        else:
            failed.append(str(status))


def runaway_client(url: str, patience: float, stop_at: float, outcomes: list[tuple[str, float]]) -> None:
    rng = random.Random()
    while time.monotonic() < stop_at:
        started = time.perf_counter()
        status = post(url, rng.choice(RUNAWAYS), timeout=patience)
        outcomes.append((str(status), time.perf_counter() - started))


def post(url: str, query: str, timeout: float):
    request = urllib.request.Request(url + "/query", data=urllib.parse.urlencode({"query": query}).encode(),
                                     headers={"Accept": "application/sparql-results+json",
                                              "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except TimeoutError:
        return "gave up"
    except OSError as exc:
        return type(exc).__name__


def wait_until_up(url: str) -> None:
    deadline = time.monotonic() + 60
    while True:
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(url + "/", timeout=2):
                return
        if time.monotonic() > deadline:
            raise SystemExit(f"{url} did not answer")
        time.sleep(0.1)


def tree(pid: int) -> list[int]:
    """``pid`` and its descendants (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
    found, frontier = [pid], [pid]
    while frontier:
        frontier = [child for child, parent in parents.items() if parent in frontier]
        found += frontier
    return found


def rss(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError, IndexError, ValueError):
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * 4096
    return total


def cpu_seconds(pid: int, window: float) -> float:
    """CPU seconds the process tree used over ``window`` seconds."""
    def ticks() -> int:
        total = 0
        for member in tree(pid):
            with contextlib.suppress(OSError, IndexError, ValueError):
                fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])
        return total
    before = ticks()
    time.sleep(window)
    return (ticks() - before) / 100


class MemoryWatch(threading.Thread):
    """Samples the server's memory; kills it past ``cap`` bytes."""

    def __init__(self, pid: int, cap: float):
        super().__init__(daemon=True)
        self.pid, self.cap, self.peak, self.killed = pid, cap, 0, False
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.wait(0.2):
            pids = tree(self.pid)
            used = rss(pids)
            self.peak = max(self.peak, used)
            if used > self.cap and not self.killed:
                self.killed = True
                for pid in pids:
                    with contextlib.suppress(OSError):
                        subprocess.run(["kill", "-9", str(pid)], check=False)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def report(name: str, result: dict) -> None:
    normal = sorted(result["normal"])
    print(f"== {name}")
    if normal:
        p95 = normal[max(0, int(len(normal) * 0.95) - 1)]
        print(f"  normal queries: {len(normal)} answered, p50 {statistics.median(normal) * 1000:.0f} ms, "
              f"p95 {p95 * 1000:.0f} ms, max {normal[-1] * 1000:.0f} ms; {len(result['failed'])} failed "
              f"{json.dumps(summary(result['failed']))}")
        warm = sorted(result["warm"])
        if warm:
            print(f"  after the first {WARM_UP} s: p50 {statistics.median(warm) * 1000:.0f} ms, "
                  f"p95 {warm[max(0, int(len(warm) * 0.95) - 1)] * 1000:.0f} ms, max {warm[-1] * 1000:.0f} ms")
    else:
        print(f"  normal queries: none answered; {len(result['failed'])} failed {json.dumps(summary(result['failed']))}")
    runaway = result["runaway"]
    ends = summary(status for status, _ in runaway)
    durations = sorted(seconds for _, seconds in runaway)
    if durations:
        print(f"  runaway queries: {len(runaway)} ended {json.dumps(ends)}, "
              f"median {statistics.median(durations):.1f} s, max {durations[-1]:.1f} s")
    print(f"  server memory peak: {result['peak'] / 2**30:.2f} GiB"
          + (" (killed at the cap)" if result["killed"] else ""))
    print(f"  CPU the server used in 2 s after every client left: {result['busy_after']:.1f} s")


def summary(values) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


if __name__ == "__main__":
    main()
