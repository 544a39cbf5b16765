"""What safe outputs and loose code lookups cost, each against the plain way
in the same run, on a loaded store (e.g. the national graph with overlap).

Prints figures, asserts nothing:

* ``kg directive``: a code as stored (``2-NQ/ĐU``, an indexed key lookup)
  against the same code typed with other separators (``2-nq-đu``, which
  falls back to a scan of every document's key), median of ``--repeat``;
* GraphML and GEXF: preparing the projection for export with every string
  made XML-safe (kg.safe_output.xml_text) against a plain copy, and the
  writer's own time for scale;
* CSV tables: ``export_csv`` with every cell checked for a formula start
  (kg.safe_output.spreadsheet_cell) against cells written as they are.

    python bench/synth.py --scale 0.2 --overlap 0.3 --out bench/out/national-0.2-overlap.nq
    kg --store bench/out/national-store load bench/out/national-0.2-overlap.nq
    python bench/bench_outputs.py --store bench/out/national-store
"""
from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def timed(fn, repeat: int) -> tuple[float, object]:
    """Median wall seconds of ``repeat`` calls, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def bench_directive(store, repeat: int, codes: int) -> None:
    from kg.lookup import find_directives
    rows = store.select("SELECT DISTINCT ?code WHERE { ?d a eli:LegalResource ; eli:id_local ?code } LIMIT 5000")
    picked = [r["code"] for r in rows][:: max(1, len(rows) // codes)][:codes]
    exact, loose = [], []
    for code in picked:
        typed = code.lower().replace("/", "-")
        t_exact, found = timed(lambda: find_directives(store, code), repeat)
        t_loose, found_loose = timed(lambda: find_directives(store, typed), repeat)
        assert {m.iri for m in found} <= {m.iri for m in found_loose}, code
        exact.append(t_exact)
        loose.append(t_loose)
    print(f"kg directive, {len(picked)} codes, median of {repeat} each:")
    print(f"  code as stored (key lookup)            {statistics.median(exact) * 1000:8.1f} ms")
    print(f"  other separators (scan of doc keys)    {statistics.median(loose) * 1000:8.1f} ms")


def _plain_for_export(graph):
    """kg.graph.for_export as it was before it made strings XML-safe."""
    import networkx as nx

    def flat(value):
        if isinstance(value, (list, tuple)):
            return " | ".join(flat(v) if not isinstance(v, tuple) else " ".join(map(str, v)) for v in value)
        return value
    out = nx.MultiDiGraph()
    for n, data in graph.nodes(data=True):
        out.add_node(n, **{k: flat(v) for k, v in data.items() if v is not None})
    for a, b, key, data in graph.edges(keys=True, data=True):
        attrs = {k: flat(v) for k, v in data.items() if v is not None}
        attrs.setdefault("label", data.get("code") or data.get("role") or data.get("relation") or data["kind"])
        out.add_edge(a, b, key=key, **attrs)
    return out


def bench_graph_export(store, repeat: int) -> None:
    import networkx as nx

    from kg.graph import for_export, project
    t_project, graph = timed(lambda: project(store), 1)
    print(f"graph export ({graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges; "
          f"projection {t_project:.1f} s):")
    t_safe, safe = timed(lambda: for_export(graph), repeat)
    t_plain, _ = timed(lambda: _plain_for_export(graph), repeat)
    print(f"  prepare, strings made XML-safe         {t_safe:8.2f} s")
    print(f"  prepare, plain copy                    {t_plain:8.2f} s")
    for name, writer in (("graphml", nx.write_graphml), ("gexf", nx.write_gexf)):
        t_write, _ = timed(lambda: writer(safe, io.BytesIO()), 1)
        print(f"  write {name:<8}                         {t_write:8.2f} s")


def bench_csv(store, repeat: int) -> None:
    """The two ways alternate, so that neither gets the warmer cache."""
    import kg.tables_export as tables_export
    checked = tables_export.spreadsheet_cell
    times: dict[str, list[float]] = {"safe": [], "plain": []}
    with tempfile.TemporaryDirectory() as folder:
        for i in range(repeat):
            for way in ("plain", "safe") if i % 2 else ("safe", "plain"):
                tables_export.spreadsheet_cell = checked if way == "safe" else (lambda text: text)
                try:
                    seconds, files = timed(lambda: tables_export.export_csv(store, Path(folder) / way), 1)
                finally:
                    tables_export.spreadsheet_cell = checked
                times[way].append(seconds)
        size = sum(p.stat().st_size for p in files)
    print(f"CSV tables ({size / 1e6:.1f} MB), median of {repeat}, the two ways alternating:")
    print(f"  cells checked for formula starts       {statistics.median(times['safe']):8.2f} s")
    print(f"  cells as they are                      {statistics.median(times['plain']):8.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", required=True, help="a loaded embedded store (kg --store DIR load …)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--codes", type=int, default=20, help="document codes to look up")
    parser.add_argument("--only", choices=("directive", "graph", "csv"), action="append")
    args = parser.parse_args()
    from kg.store import EmbeddedStore
    only = set(args.only or ("directive", "graph", "csv"))
    with EmbeddedStore(args.store, read_only=True) as store:
        print(f"store {args.store}: {len(store):,} quads")
        if "directive" in only:
            bench_directive(store, args.repeat, args.codes)
        if "graph" in only:
            bench_graph_export(store, args.repeat)
        if "csv" in only:
            bench_csv(store, args.repeat)


if __name__ == "__main__":
    main()
