"""Query benchmarks on the synthetic national graph (bench/synth.py).

Prints figures, asserts nothing:

* load time into the embedded store (``kg load``, its peak memory; it
  includes compacting the store) and into an ``oxigraph serve`` process
  through the Graph Store Protocol (``RemoteStore.replace_graphs_from_file``:
  one PUT per source graph), against oxigraph's offline bulk loader;
* p50 / p95 of every named query (competency questions and cookbook) on the
  embedded store, with parameters drawn from the data (the busiest
  directive, a real official, province, commune…), and of the same
  queries on the server;
* ``kg person`` wall time, the whole command;
* one aggregation in rdflib's memory store against pyoxigraph on the same
  slice of the file (rdflib cannot hold the whole graph in reasonable time).

    python bench/synth.py --scale 1.0 --out bench/out/national.nq
    python bench/bench_queries.py                       # uses that file
    python bench/bench_queries.py --nq bench/out/national-0.01.nq --repeat 3

Stores go under bench/out/ (kept out of git) and are removed afterwards
unless --keep.
"""
from __future__ import annotations

import argparse
import math
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
KG = str(Path(PYTHON).with_name("kg"))
# one aggregation for the rdflib comparison, in both engines on the same slice
AGGREGATION = "activities-by-kind-per-year"


def run_measured(cmd: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) and stdout of a child process, its own
    ru_maxrss read with os.wait4 so that it is not mixed with ours."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode:
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{err.read().decode()[-3000:]}")
        return seconds, usage.ru_maxrss / 1024, out.read().decode()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def timed(fn, repeat: int) -> tuple[list[float], int]:
    """Seconds of each of ``repeat`` runs after one warm-up, and the rows."""
    rows = fn()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        rows = fn()
        times.append(time.perf_counter() - started)
    return times, rows


def ensure_file(path: Path, scale: float) -> None:
    if path.exists():
        return
    print(f"generating {path} (scale {scale})…", file=sys.stderr)
    partial = path.with_suffix(".partial")
    subprocess.run([PYTHON, str(HERE / "synth.py"), "--scale", str(scale), "--out", str(partial)], check=True)
    partial.rename(path)   # whole or absent, should another run look at it meanwhile


def parameters(store) -> dict[str, str]:
    """Values for the named queries' parameters, drawn from the data so that
    each lookup finds something (and the directive is the busiest one)."""
    def one(query: str) -> str:
        rows = store.select(query)
        return next(iter(rows[0].values())) if rows else ""
    year = "2024"
    return {
        "name": one(f"""SELECT ?n WHERE {{ ?a party:leader ?l ; schema:startDate ?d FILTER(YEAR(?d) = {year})
                        ?l foaf:name ?n }} GROUP BY ?n ORDER BY DESC(COUNT(*)) LIMIT 1"""),
        "code": one("""SELECT ?c WHERE { ?a party:underDocument ?d . ?d eli:id_local ?c }
                       GROUP BY ?c ORDER BY DESC(COUNT(*)) LIMIT 1"""),
        "body": "Bộ Chính trị",
        "province": one("SELECT ?l WHERE { ?p a party:Province ; rdfs:label ?l } ORDER BY ?l LIMIT 1"),
        "area": one("SELECT ?l WHERE { ?p a party:Province ; rdfs:label ?l } ORDER BY ?l LIMIT 1"),
        "unit": one("SELECT ?l WHERE { ?p a party:Commune ; rdfs:label ?l } ORDER BY ?l LIMIT 1"),
        "organisation": one("SELECT ?l WHERE { ?o a party:PartyCommittee ; party:jurisdiction/a party:Province ; "
                            "rdfs:label ?l } ORDER BY ?l LIMIT 1"),
        "post": one("SELECT ?l WHERE { ?p a org:Post ; rdfs:label ?l FILTER(STRSTARTS(?l, \"Bí thư Tỉnh ủy\")) } LIMIT 1"),
        "activity": one("SELECT ?a WHERE { ?a a party:Inspection ; party:evidence|prov:wasDerivedFrom ?s } LIMIT 1"),
        # a holding stated by the most sources: the provenance lookup's worst case
        "fact": one("SELECT ?m WHERE { ?m a org:Membership ; prov:wasDerivedFrom ?s } "
                    "GROUP BY ?m ORDER BY DESC(COUNT(?s)) LIMIT 1"),
        "year": year,
        "date": "2025-09-01",
        "words": "chuyển đổi số",
    }


def bench_queries(store, params: dict[str, str], repeat: int, names: list[str] | None = None) -> list[tuple]:
    from kg.queries import named_queries, run
    results = []
    for name, query in named_queries().items():
        if names is not None and name not in names:
            continue
        values = {p.name: params[p.name] for p in query.params}
        times, rows = timed(lambda: sum(1 for _ in run(store, name, values)), repeat)
        results.append((name, rows, percentile(times, 0.5), percentile(times, 0.95)))
        print(f"  {name:40} {rows:>8} rows  p50 {results[-1][2] * 1000:9.1f} ms  "
              f"p95 {results[-1][3] * 1000:9.1f} ms", flush=True)
    return results


def bench_server(nq: Path, work: Path, repeat: int, params: dict[str, str], triples: int) -> None:
    from kg.load import load
    from kg.remote import RemoteStore
    from kg.serve import find_oxigraph, free_port
    # the obvious alternative to loading a running server: oxigraph's own
    # offline bulk loader into the folder it will serve (as kg load + kg serve do)
    started = time.perf_counter()
    subprocess.run([find_oxigraph(), "load", "--location", str(work / "server-bulk"), "--file", str(nq)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    print(f"oxigraph load (offline bulk loader, then serve that folder): {seconds:.1f} s, "
          f"{triples / seconds:,.0f} triples/s")
    shutil.rmtree(work / "server-bulk", ignore_errors=True)
    port = free_port()
    location = work / "server-store"
    proc = subprocess.Popen([find_oxigraph(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph", "--timeout-s", "120"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        store = RemoteStore(url)
        for _ in range(100):
            try:
                len(store)
                break
            except Exception:
                time.sleep(0.1)
        # what `kg --store URL load FILE` does: check the file, then one PUT per
        # source graph, and the vocabulary graph the queries' labels come from
        started = time.perf_counter()
        load(store, [nq])
        seconds = time.perf_counter() - started
        print(f"oxigraph server load (GSP PUT per graph): {seconds:.1f} s, {triples / seconds:,.0f} triples/s; "
              f"server peak RSS {_vm_hwm(proc.pid):.0f} MB")
        print("named queries on the server (SPARQL protocol, JSON results):")
        bench_queries(store, params, repeat)
    finally:
        proc.terminate()
        proc.wait()


def _vm_hwm(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def bench_rdflib(nq: Path, quads: int) -> None:
    """The aggregation in rdflib's memory store and in pyoxigraph's, on the first ``quads`` lines."""
    import pyoxigraph as ox
    import rdflib

    from kg.queries import get
    from kg.vocab import SPARQL_PREFIXES
    with nq.open("rb") as f:
        data = b"".join(line for _, line in zip(range(quads), f))
    query = SPARQL_PREFIXES + get(AGGREGATION).text
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(data=data, format="nquads")
    started = time.perf_counter()
    rdflib_rows = len(list(dataset.query(query)))
    rdflib_seconds = time.perf_counter() - started
    store = ox.Store()
    store.load(data, ox.RdfFormat.N_QUADS)
    times, ox_rows = timed(lambda: sum(1 for _ in store.query(query, use_default_graph_as_union=True)), 3)
    print(f"{AGGREGATION} on a {quads:,}-quad slice: rdflib memory store {rdflib_seconds * 1000:,.0f} ms "
          f"({rdflib_rows} rows); pyoxigraph {percentile(times, 0.5) * 1000:,.1f} ms ({ox_rows} rows)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nq", type=Path, default=HERE / "out" / "national.nq")
    parser.add_argument("--scale", type=float, default=1.0, help="for generating --nq when it is missing")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per query, after one warm-up")
    parser.add_argument("--rdflib-quads", type=int, default=300_000)
    parser.add_argument("--no-server", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the stores under bench/out/")
    parser.add_argument("--store", type=Path, help="an embedded store already holding --nq: skip its load")
    args = parser.parse_args(argv)

    ensure_file(args.nq, args.scale)
    work = Path(tempfile.mkdtemp(prefix="bench-queries-", dir=HERE / "out"))
    try:
        from kg.store import EmbeddedStore
        store_path = args.store or work / "store"
        if args.store is None:
            seconds, rss, _ = run_measured([KG, "--store", str(store_path), "load", str(args.nq)])
        store = EmbeddedStore(store_path, read_only=True)
        triples = len(store)
        print(f"graph: {args.nq} — {triples:,} quads in {len(store.named_graphs())} graphs")
        if args.store is None:
            print(f"embedded load (kg load): {seconds:.1f} s, {triples / seconds:,.0f} triples/s, "
                  f"peak RSS {rss:.0f} MB")

        params = parameters(store)
        print("parameters: " + ", ".join(f"{k}={v!r}" for k, v in params.items()))
        print("named queries on the embedded store:")
        bench_queries(store, params, args.repeat)
        print(f"query process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
        store.close()

        walls = [run_measured([KG, "--store", str(store_path), "person", params["name"]])[0] for _ in range(5)]
        print(f"kg person {params['name']!r}: wall p50 {percentile(walls, 0.5) * 1000:.0f} ms, "
              f"min {min(walls) * 1000:.0f} ms")

        bench_rdflib(args.nq, args.rdflib_quads)
        if not args.no_server:
            bench_server(args.nq, work, args.repeat, params, triples)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
