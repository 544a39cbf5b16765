"""Store benchmarks on the synthetic national graph (bench/synth.py).

Prints figures, asserts nothing. Each measurement that has a memory figure
runs in its own subprocess, and its peak resident memory is that process's
``ru_maxrss`` (from ``os.wait4``), so stages do not inherit each other's heap.

    python bench/bench_store.py --scale 0.1          # quick: about a minute
    python bench/bench_store.py --scale 1.0          # the national graph

Stages (``--only`` picks some):
  rdflib     rdflib parses the N-Quads into a memory Dataset. At full scale on
             a slice of the file (``--rdflib-max`` quads), extrapolated linearly.
  bulk_load  pyoxigraph ``Store.bulk_load(path=…)`` into a fresh on-disk store.
  kg_load    the real ``kg --store DIR load FILE`` into a fresh store.
  records    Records in memory -> ``records_to_triples`` + ``EmbeddedStore.replace_graphs``
             per source, against pyoxigraph's transactional ``Store.extend``.
  person     ``kg person NAME`` on the kg_load store, wall time of the whole
             command, and the import time of its module.
  queries    p50/p95 of each named competency query on the kg_load store.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402  (bench/ is not a package)
from kg.model import Records  # noqa: E402
from kg.rdf import post_label  # noqa: E402

PYTHON = sys.executable
KG = str(Path(PYTHON).with_name("kg"))
STAGES = ("rdflib", "bulk_load", "kg_load", "records", "person", "queries")
HEAVY_MODULES = ("rdflib", "networkx", "pyvis", "pyshacl")


# --- measuring a subprocess -------------------------------------------------------

def measured(cmd: list[str]) -> float:
    """Run ``cmd``; its wall seconds."""
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return seconds


def measured_rss(cmd: list[str], timeout: float | None = None) -> tuple[float, float, str]:
    """Run ``cmd``; its wall seconds, peak RSS in MB and stdout. The child is
    reaped with ``os.wait4`` to read its own ru_maxrss (KiB on Linux); its
    output goes to files so that no pipe can fill up while we wait."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        deadline = None if timeout is None else started + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG if deadline else 0)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                raise subprocess.TimeoutExpired(cmd, timeout)
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)   # reaped: keep Popen from waiting again
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err.read().decode()[-3000:]}")
        return seconds, usage.ru_maxrss / 1024, out.read().decode()


def stage(name: str, args: argparse.Namespace, *extra: str, timeout: float | None = None) -> dict:
    """Run one stage of this script in a fresh interpreter; its JSON result
    plus the process's wall time and peak RSS."""
    cmd = [PYTHON, str(Path(__file__).resolve()), "--stage", name, "--file", str(args.file),
           "--scale", str(args.scale), "--seed", str(args.seed), *extra]
    wall, rss, out = measured_rss(cmd, timeout)
    result = json.loads(out.strip().splitlines()[-1])
    result.update(wall=wall, rss_mb=rss)
    return result


def fresh(path: Path) -> Path:
    """An empty place for a new store."""
    shutil.rmtree(path, ignore_errors=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def disk_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file()) / 1e6


# --- stages, each run in its own process ---------------------------------------------

def run_rdflib(args: argparse.Namespace) -> dict:
    import rdflib
    limit = args.rdflib_max
    with open(args.file, "rb") as f:
        lines = f.readlines() if limit <= 0 else [line for _, line in zip(range(limit), f)]
    data = b"".join(lines)
    started = time.perf_counter()
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format="nquads")
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "quads": len(lines), "stored": sum(1 for _ in dataset.quads())}


def run_bulk_load(args: argparse.Namespace) -> dict:
    import pyoxigraph as ox
    store = ox.Store(str(fresh(Path(args.store))))
    started = time.perf_counter()
    store.bulk_load(path=str(args.file), format=ox.RdfFormat.N_QUADS)
    store.flush()
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "quads": len(store)}


def run_records(args: argparse.Namespace) -> dict:
    """The curated/extracted path: Records -> triples -> one graph per source."""
    import pyoxigraph as ox
    from kg import identity
    from kg.rdf import records_to_triples
    from kg.store import EmbeddedStore

    sources = synth.generate(args.scale, args.seed)
    result: dict[str, float] = {}

    store = EmbeddedStore(fresh(Path(args.store) / "replace"))
    to_triples = write = 0.0
    per_source: list[tuple[str, list[ox.Triple]]] = []
    for records in sources:
        t0 = time.perf_counter()
        triples = records_to_triples(records)
        t1 = time.perf_counter()
        graph = identity.source_iri(records.source.key)
        store.replace_graphs({graph: triples})
        t2 = time.perf_counter()
        to_triples, write = to_triples + t1 - t0, write + t2 - t1
        per_source.append((graph, triples))
    count = sum(len(triples) for _, triples in per_source)
    result.update(triples=count, to_triples=to_triples, replace_graphs=write, stored=len(store))
    store.close()

    # the obvious alternative: pyoxigraph's transactional extend, same triples
    raw = ox.Store(str(fresh(Path(args.store) / "extend")))
    extend = 0.0
    for graph, triples in per_source:
        node = ox.NamedNode(graph)
        quads = [ox.Quad(t.subject, t.predicate, t.object, node) for t in triples]
        t0 = time.perf_counter()
        raw.extend(quads)
        extend += time.perf_counter() - t0
    raw.flush()
    result.update(extend=extend)
    return result


# --- lookups on the loaded store ---------------------------------------------------------

@cache
def generated(scale: float, seed: int) -> list[Records]:
    return synth.generate(scale, seed)


def pick_people(sources: list[Records]) -> list[str]:
    """The name borne by most officials (namesakes in several provinces), and
    a name borne by one official only."""
    names = Counter(o.name for r in sources for o in r.officials)
    common = max(names, key=lambda n: (names[n], n))
    rare = min(n for n in names if names[n] == 1)
    return [common, rare]


def param_values(sources: list[Records]) -> dict[str, str]:
    """A value for each parameter name the named queries use, picked from the
    generated data: the biggest province, its first commune and its committee,
    the busiest party plan there, the central body with most documents, a namesake."""
    from kg import identity
    national, provinces = sources[0], sources[1:]
    biggest = max(provinces, key=lambda r: len(r.places))
    # a party plan: state codes (1/QĐ-UBND) recur in every commune and province
    plans = Counter(a.document for a in biggest.activities if a.document and "-KH/" in a.document)
    plan = plans.most_common(1)[0][0]
    issuers = Counter(d.issuer for d in national.documents)
    chair = next(m for m in biggest.memberships if m.role == "chair")
    act = next(a for a in biggest.activities if a.document == plan)
    return {
        "name": pick_people(sources)[0],
        "code": plan,
        "body": issuers.most_common(1)[0][0],
        "area": biggest.places[0].name,
        "province": biggest.places[0].name,
        "unit": biggest.places[1].name,
        "organisation": biggest.organisations[0].name,
        "post": post_label(chair.role, chair.organisation),
        "year": "2024",
        "date": "2024-06-01",
        "words": "chuyển đổi số",
        "activity": identity.activity_iri(act.kind.value, act.inspector, act.date.isoformat(),
                                          act.leader, act.targets, biggest.source.key),
    }


def run_query(args: argparse.Namespace) -> dict:
    """One named query, repeated on the read-only store until ``--runs`` runs
    or ``--query-budget`` seconds: its times and row count."""
    from kg.queries import run
    from kg.store import EmbeddedStore
    store = EmbeddedStore(args.store, read_only=True)
    values = json.loads(args.params)
    times: list[float] = []
    rows = 0
    while len(times) < args.runs and sum(times) < args.query_budget:
        started = time.perf_counter()
        rows = sum(1 for _ in run(store, args.query, values))
        times.append(time.perf_counter() - started)
    return {"times": times, "rows": rows}


def time_command(cmd: list[str], runs: int) -> list[float]:
    measured(cmd)   # warm the page cache and the bytecode cache
    return [measured(cmd) for _ in range(runs)]


def import_time(module: str) -> tuple[float, list[str]]:
    """Cumulative import time of ``module`` in ms, and which heavy libraries it pulls in."""
    proc = subprocess.run([PYTHON, "-X", "importtime", "-c", f"import {module}"],
                          capture_output=True, text=True, check=True)
    total = 0
    heavy = set()
    for line in proc.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        if not match:
            continue
        cumulative, indent, name = int(match.group(1)), match.group(2), match.group(3)
        if len(indent) == 1:            # a top-level import: its cumulative time counts once
            total += cumulative
        if name.split(".")[0] in HEAVY_MODULES:
            heavy.add(name.split(".")[0])
    return total / 1000, sorted(heavy)


# --- reporting ----------------------------------------------------------------------------

def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, what: str, time_text: str, rate: str = "", note: str = "") -> None:
        self.rows.append((what, time_text, rate, note))
        print(f"  {what}: {time_text} {rate} {note}", file=sys.stderr, flush=True)

    def print(self) -> None:
        header = ("measurement", "time", "rate / ratio", "notes")
        widths = [max(len(r[i]) for r in [header, *self.rows]) for i in range(4)]
        line = "  ".join("{:<%d}" % w for w in widths)
        print(line.format(*header))
        print(line.format(*("-" * w for w in widths)))
        for row in self.rows:
            print(line.format(*row))


def per_s(count: float, seconds: float) -> str:
    return f"{count / seconds:,.0f} triples/s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=synth.DEFAULT_SEED)
    parser.add_argument("--file", type=Path, help="the N-Quads file (default: bench/out/national-<scale>.nq, generated if missing)")
    parser.add_argument("--work", type=Path, default=HERE / "out" / "stores", help="where the fresh stores go")
    parser.add_argument("--only", default=",".join(STAGES), help=f"comma-separated stages of {STAGES}")
    parser.add_argument("--skip-rdflib", action="store_true")
    parser.add_argument("--rdflib-max", type=int, default=600_000,
                        help="parse at most this many quads with rdflib and extrapolate (0: the whole file)")
    parser.add_argument("--runs", type=int, default=10, help="runs of each timed lookup/query")
    parser.add_argument("--query-budget", type=float, default=30.0,
                        help="stop repeating a query after this many seconds")
    parser.add_argument("--query-timeout", type=float, default=120.0,
                        help="give up on a query whose runs take longer than this in all")
    parser.add_argument("--queries", choices=("competency", "all"), default="competency",
                        help="the eight competency queries (cq*), or every named query")
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--store", help=argparse.SUPPRESS)
    parser.add_argument("--query", help=argparse.SUPPRESS)
    parser.add_argument("--params", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.file = args.file or HERE / "out" / f"national-{args.scale:g}.nq"

    if args.stage:   # a worker: one measurement, one JSON line
        stages = {"rdflib": run_rdflib, "bulk_load": run_bulk_load, "records": run_records,
                  "query": run_query}
        print(json.dumps(stages[args.stage](args)))
        return 0

    only = set(args.only.split(","))
    if args.skip_rdflib:
        only.discard("rdflib")
    if not args.file.exists():
        print(f"generating {args.file} (scale {args.scale:g}) …", file=sys.stderr)
        synth.write_nquads(synth.generate(args.scale, args.seed), args.file)
    with open(args.file, "rb") as f:
        quads = sum(1 for _ in f)
    print(f"{args.file}: {quads:,} quads, {args.file.stat().st_size / 1e6:,.0f} MB; "
          f"python {sys.version.split()[0]}, {os.cpu_count()} cores", file=sys.stderr)
    # the machine is shared: a load above the core count slows every figure
    load_before = os.getloadavg()[0]

    table = Table()
    table.add("graph", f"{quads:,} quads", "", f"scale {args.scale:g}, seed {args.seed}")
    bulk = rdf = kg_wall = None

    if "rdflib" in only:
        r = stage("rdflib", args, "--rdflib-max", str(args.rdflib_max))
        factor = quads / r["quads"]
        rdf = r["seconds"] * factor
        note = f"peak {r['rss_mb']:,.0f} MB"
        if factor > 1.001:
            note = (f"slice of {r['quads']:,} quads: {r['seconds']:.1f} s, peak {r['rss_mb']:,.0f} MB; "
                    f"×{factor:.1f} extrapolated linearly: peak ~{r['rss_mb'] * factor:,.0f} MB")
        table.add("rdflib Dataset.parse (N-Quads, memory)", f"{rdf:.1f} s", per_s(quads, rdf), note)

    if "bulk_load" in only:
        r = stage("bulk_load", args, "--store", str(args.work / "bulk"))
        bulk = r["wall"]
        # what the store held before the facts had a default graph of their own:
        # the sources' graphs alone, read as a union (kg.facts)
        table.add("pyoxigraph Store.bulk_load(path)", f"{r['seconds']:.1f} s",
                  per_s(quads, r["seconds"]),
                  f"process {r['wall']:.1f} s, peak {r['rss_mb']:,.0f} MB, {r['quads']:,} stored, "
                  f"{disk_mb(args.work / 'bulk'):,.0f} MB on disk")

    if "kg_load" in only:
        store = fresh(args.work / "kg")
        kg_wall, rss, _ = measured_rss([KG, "--store", str(store), "load", str(args.file)])
        ratios = []
        if bulk:
            ratios.append(f"{bulk / kg_wall:.0%} of bulk_load's rate (target ≥ 80%)")
        if rdf:
            ratios.append(f"{rdf / kg_wall:.1f}× rdflib (target ≥ 8×)")
        table.add("kg load FILE (whole command)", f"{kg_wall:.1f} s", per_s(quads, kg_wall),
                  f"peak {rss:,.0f} MB; {disk_mb(store):,.0f} MB on disk (the sources' graphs and the "
                  f"merged facts); " + "; ".join(ratios))

    if "records" in only:
        r = stage("records", args, "--store", str(args.work / "records"))
        n = r["triples"]
        both = r["to_triples"] + r["replace_graphs"]
        table.add("records → store: records_to_triples + replace_graphs", f"{both:.1f} s", per_s(n, both),
                  f"{n:,} triples: to_triples {r['to_triples']:.1f} s ({per_s(n, r['to_triples'])}), "
                  f"replace_graphs {r['replace_graphs']:.1f} s ({per_s(n, r['replace_graphs'])}); "
                  f"target ≥ 150,000/s; process peak {r['rss_mb']:,.0f} MB")
        alt = r["to_triples"] + r["extend"]
        table.add("records → store: records_to_triples + Store.extend", f"{alt:.1f} s", per_s(n, alt),
                  f"extend alone {r['extend']:.1f} s ({per_s(n, r['extend'])})")

    store = args.work / "kg"
    if ("person" in only or "queries" in only) and not (store / "CURRENT").exists():
        print(f"no store at {store}: run the kg_load stage first", file=sys.stderr)
        only -= {"person", "queries"}

    if "person" in only:
        for name in pick_people(generated(args.scale, args.seed)):
            times = time_command([KG, "--store", str(store), "person", name], args.runs)
            table.add(f"kg person {name!r}", f"p50 {statistics.median(times) * 1000:.0f} ms",
                      f"min {min(times) * 1000:.0f} ms", f"{args.runs} runs, warm; target ≤ 100 ms")
        ms, heavy = import_time("kg_cli.lookup")
        table.add("import kg_cli.lookup (-X importtime)", f"{ms:.0f} ms", "",
                  "heavy modules: " + (", ".join(heavy) if heavy else "none of " + "/".join(HEAVY_MODULES)))

    if "queries" in only:
        from kg.queries import named_queries
        values = param_values(generated(args.scale, args.seed))
        for name, query in named_queries().items():
            if args.queries == "competency" and not name.startswith("cq"):
                continue
            params = {p.name: values[p.name] for p in query.params if p.name in values}
            if len(params) < len(query.params):
                table.add(f"query {name}", "skipped", "", "no value for its parameters")
                continue
            shown = ", ".join(f"{k}={v}" for k, v in params.items())
            try:
                r = stage("query", args, "--store", str(store), "--query", name, "--params",
                          json.dumps(params), "--runs", str(args.runs),
                          "--query-budget", str(args.query_budget), timeout=args.query_timeout)
            except subprocess.TimeoutExpired:
                table.add(f"query {name}", f"> {args.query_timeout:g} s", "", f"one run timed out; {shown}")
                continue
            times = r["times"]
            table.add(f"query {name}", f"p50 {pct(times, 0.5) * 1000:,.1f} ms",
                      f"p95 {pct(times, 0.95) * 1000:,.1f} ms", f"{len(times)} runs, {r['rows']:,} rows; {shown}")

    table.add("machine load (1-min average)", f"{load_before:.1f} → {os.getloadavg()[0]:.1f}", "",
              f"{os.cpu_count()} cores; above that, other processes were competing")
    print()
    table.print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
