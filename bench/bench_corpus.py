"""The news corpus benchmark: load tens of thousands of overlapping articles
with `kg load`, then time the commands people run, and the named queries
over today's union of source graphs against the store's own answer.

Prints its figures, asserts nothing:

(a) the corpus: bench/make_corpus.py --news (made if missing), or --corpus;
    its ground truth (distinct events, officials, posts, documents) if it
    lies beside it;
(b) `kg --store TMP load CORPUS` as a subprocess: wall time, articles/s,
    articles/s per core, CPU seconds, peak RSS (the largest process of the
    command's tree), store size on disk, quads, and what the graph holds
    (distinct activities, officials, posts, documents) against the truth;
(c) p50 / p95 over --repeat runs (after --warmup) of the wall time, interpreter
    start included, and peak RSS of `kg person` (a name unique in its
    province, a common one), `kg org`, `kg directive`, `kg inspections` with
    and without filters, `kg queries run NAME --param …` for every named
    query, and `kg viz` with and without filters;
(d) every named query evaluated in its own process, capped in time
    (--union-timeout) and memory (--union-memory, RLIMIT_AS), three ways
    (--union-modes):
    ``store``  as the store answers it (kg.store.EmbeddedStore.query);
    ``union``  over the union of all named graphs (the sources' and the
               vocabulary's) given as the default graph, pyoxigraph
               ``store.query(text, default_graph=[…], prefixes=kg.vocab.PREFIXES)``;
               a bag: a fact stated by N sources matches N times. pyoxigraph
               looks a pattern up in each listed graph in turn, so this also
               pays a cost per graph;
    ``old``    the layout queries read before facts were held once: a copy
               of the store's named graphs alone (no default graph) queried
               with ``use_default_graph_as_union=True`` (the same bag, one
               index lookup per pattern).

A command that fails is reported as failed with the last line of its
stderr; one that runs past its cap is killed and reported so.

    python bench/bench_corpus.py                          # 50,000 articles (load: several minutes)
    python bench/bench_corpus.py --articles 1000 --repeat 2
    python bench/bench_corpus.py --corpus bench/out/news_50000.jsonl --store bench/out/corpus-store --keep

Everything goes to bench/out/ (git-ignored): the corpus, a work folder with
the store (removed afterwards unless --keep) and bench_corpus_<n>_<time>.json.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
PYTHON = sys.executable
KG = str(Path(PYTHON).with_name("kg"))

# Runs a command and reports, as JSON in a file, its wall time (from just
# before the start, so the command's interpreter start counts), and the CPU
# time and peak RSS of its whole tree (RUSAGE_CHILDREN: the largest process).
# An address-space cap, when asked, applies to the command, not to us.
WRAPPER = r"""
import json, os, resource, subprocess, sys, time
opts = json.loads(sys.argv[1])
def cap():
    if opts.get("memory"):
        resource.setrlimit(resource.RLIMIT_AS, (opts["memory"], opts["memory"]))
started = time.perf_counter()
proc = subprocess.Popen(sys.argv[2:], preexec_fn=cap)
rc = proc.wait()
wall = time.perf_counter() - started
u = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(opts["report"], "w") as f:
    json.dump({"rc": rc, "wall": wall, "maxrss_kb": u.ru_maxrss, "cpu": u.ru_utime + u.ru_stime}, f)
"""

# One named query in a process of its own: "store" as kg's store answers it,
# "union" over the union of every named graph (the sources' and the
# vocabulary's) listed as the default graph, "old" over a store holding only
# the named graphs, with the default graph as their union.
QUERY_WORKER = r"""
import json, sys, time
opts = json.loads(sys.argv[1])
import pyoxigraph as ox
from kg.queries import get
from kg.vocab import PREFIXES
query = get(opts["query"])
bindings = query.bind(opts["params"]) if query.params else {}
if opts["mode"] == "store":
    from kg.store import EmbeddedStore
    store = EmbeddedStore(opts["store"], read_only=True)
    started = time.perf_counter()
    rows = sum(1 for _ in store.query(query.text, bindings or None))
    seconds = time.perf_counter() - started
    graphs = None
elif opts["mode"] == "union":
    from kg.binding import bind_values
    text = bind_values(query.text, bindings) if bindings else query.text
    store = ox.Store.read_only(opts["store"])
    graphs = [g for g in store.named_graphs() if not g.value.startswith("https://w3id.org/party-kg/graph/staging/")]
    started = time.perf_counter()
    rows = sum(1 for _ in store.query(text, default_graph=graphs, prefixes=PREFIXES))
    seconds = time.perf_counter() - started
    graphs = len(graphs)
else:
    from kg.binding import bind_values
    text = bind_values(query.text, bindings) if bindings else query.text
    store = ox.Store.read_only(opts["old_store"])
    started = time.perf_counter()
    rows = sum(1 for _ in store.query(text, use_default_graph_as_union=True, prefixes=PREFIXES))
    seconds = time.perf_counter() - started
    graphs = None
print(json.dumps({"rows": rows, "seconds": seconds, "graphs": graphs}))
"""

# Values to look up when the corpus has no ground truth: the busiest of each
# kind in the store's facts (its default graph).
PROBE_WORKER = r"""
import json, sys
import pyoxigraph as ox
from kg.vocab import PREFIXES
store = ox.Store.read_only(sys.argv[1])
def one(q):
    row = next(iter(store.query(q, prefixes=PREFIXES)), None)
    return row[0].value if row is not None and row[0] is not None else None
out = {
 "person_unique": one("SELECT ?n WHERE { ?a party:leader ?l . ?l foaf:name ?n } GROUP BY ?n ORDER BY DESC(COUNT(?a)) LIMIT 1"),
 "org": one("SELECT ?n WHERE { ?a party:inspector ?o . ?o rdfs:label ?n } GROUP BY ?n ORDER BY DESC(COUNT(?a)) LIMIT 1"),
 "directive": one("SELECT ?c WHERE { ?a party:underDocument ?d . ?d eli:id_local ?c } GROUP BY ?c ORDER BY DESC(COUNT(?a)) LIMIT 1"),
 "target": one("SELECT ?n WHERE { ?a party:target ?t . ?t rdfs:label ?n } GROUP BY ?n ORDER BY DESC(COUNT(?a)) LIMIT 1"),
 "year": one("SELECT ?y WHERE { ?a party:inspector ?o ; schema:startDate ?d BIND(YEAR(?d) AS ?y) } GROUP BY ?y ORDER BY DESC(COUNT(?a)) LIMIT 1"),
 "province": one("SELECT ?n WHERE { ?p a party:Province ; rdfs:label ?n } LIMIT 1"),
}
out["body"] = out["org"]
print(json.dumps({k: v for k, v in out.items() if v}))
"""

# The store's named graphs alone, copied into a new store: the layout before
# facts were held once in the default graph.
COPY_WORKER = r"""
import json, sys, time
import pyoxigraph as ox
src = ox.Store.read_only(sys.argv[1])
dst = ox.Store(sys.argv[2])
started = time.perf_counter()
dst.bulk_extend(q for q in src.quads_for_pattern(None, None, None, None)
                if isinstance(q.graph_name, ox.NamedNode)
                and not q.graph_name.value.startswith("https://w3id.org/party-kg/graph/staging/"))
dst.flush()
dst.optimize()
print(json.dumps({"quads": len(dst), "seconds": time.perf_counter() - started}))
"""

# What the store holds: quads, the default graph (the facts, once each), and
# distinct things in the facts and in the union of the sources' graphs.
COUNT_WORKER = r"""
import json, sys
import pyoxigraph as ox
from kg.vocab import PREFIXES
store = ox.Store.read_only(sys.argv[1])
graphs = [g for g in store.named_graphs() if not g.value.startswith("https://w3id.org/party-kg/graph/staging/")]
out = {"quads": len(store), "named_graphs": len(graphs),
       "default_graph_triples": sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))}
things = {"activities": "party:OversightActivity", "officials": "party:Official",
          "memberships": "org:Membership", "documents": "eli:LegalResource", "organisations": "org:Organization"}
for key, cls in things.items():
    q = f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a {cls} }}"
    out[f"{key}_in_facts"] = int(next(iter(store.query(q, prefixes=PREFIXES)))["n"].value)
    q = f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ GRAPH ?g {{ ?x a {cls} }} }}"
    out[f"{key}_in_sources"] = int(next(iter(store.query(q, prefixes=PREFIXES)))["n"].value)
q = "SELECT ?a WHERE { GRAPH ?g { ?a a party:OversightActivity ; party:inspector ?i } } LIMIT 1"
out["an_activity"] = next((r["a"].value for r in store.query(q, prefixes=PREFIXES)), None)
q = ("SELECT ?a (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a a party:OversightActivity } } "
     "GROUP BY ?a ORDER BY DESC(?n) LIMIT 1")
row = next(iter(store.query(q, prefixes=PREFIXES)), None)
out["most_reported_activity"] = {"iri": row["a"].value, "sources": int(row["n"].value)} if row else None
print(json.dumps(out))
"""


@dataclass
class Run:
    cmd: list[str]
    ok: bool
    wall: float | None = None        # seconds
    rss_mb: float | None = None      # peak RSS of the largest process of the command's tree
    cpu: float | None = None         # user + system seconds of the whole tree
    rc: int | None = None
    error: str | None = None         # the last line of stderr, "killed at N s", "over memory"
    stdout: str = ""


def run(cmd: list[str], timeout: float, memory: int | None = None, keep_stdout: bool = True,
        stdout_file: Path | None = None) -> Run:
    """Run ``cmd`` through the measuring wrapper, in its own process group so
    that a command past ``timeout`` is killed with everything it started."""
    with tempfile.TemporaryDirectory(prefix="bench-run-") as tmp:
        report = Path(tmp) / "report.json"
        out_path = stdout_file or Path(tmp) / "stdout"
        err_path = Path(tmp) / "stderr"
        opts = json.dumps({"report": str(report), "memory": memory})
        with out_path.open("wb") as out, err_path.open("wb") as err:
            proc = subprocess.Popen([PYTHON, "-c", WRAPPER, opts, *cmd], stdout=out, stderr=err,
                                    stdin=subprocess.DEVNULL, start_new_session=True)
            started = time.perf_counter()
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)     # the group this call made, and only it
                proc.wait()
                return Run(cmd, False, time.perf_counter() - started, error=f"killed at {timeout:.0f} s")
            except BaseException:                       # interrupted: leave nothing running behind us
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                raise
        stderr = err_path.read_text(encoding="utf-8", errors="replace")
        stdout = out_path.read_text(encoding="utf-8", errors="replace") if keep_stdout else ""
        if not report.exists():
            return Run(cmd, False, error=_last_line(stderr) or f"wrapper exit {proc.returncode}")
        r = json.loads(report.read_text())
        result = Run(cmd, r["rc"] == 0, r["wall"], r["maxrss_kb"] / 1024, r["cpu"], r["rc"], stdout=stdout)
        if r["rc"] != 0:
            low = stderr.lower()
            if memory and ("memory allocation" in low or "memoryerror" in low or "cannot allocate" in low
                           or "bad_alloc" in low or r["rc"] in (-signal.SIGABRT, -signal.SIGSEGV)):
                result.error = f"over memory ({memory / 2**30:.0f} GB address space): {_last_line(stderr)}"
            else:
                result.error = _last_line(stderr) or f"exit status {r['rc']}"
        return result


def _last_line(text: str) -> str:
    """The last line of stderr, or the error line before a closing "hint:"."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > 1 and lines[-1].lower().startswith("hint"):
        return f"{lines[-2][:240]} ({lines[-1][:120]})"
    return lines[-1][:300] if lines else ""


def percentile(values: list[float], q: float) -> float | None:
    values = sorted(v for v in values if v is not None)
    if not values:
        return None
    return values[max(0, math.ceil(q * len(values)) - 1)]


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


# --- (a) the corpus -------------------------------------------------------------------

def corpus_stage(args) -> tuple[Path, dict | None, dict]:
    sys.path.insert(0, str(HERE))
    import make_corpus
    info: dict = {}
    if args.corpus:
        corpus = args.corpus
    else:
        corpus = OUT / f"news_{args.articles}.jsonl" if args.seed == 0 else OUT / f"news_{args.articles}_s{args.seed}.jsonl"
        truth_path = make_corpus.news_paths(corpus)["truth"]
        if args.regenerate or not corpus.exists() or not truth_path.exists():
            started = time.perf_counter()
            make_corpus.write_news(corpus, args.articles, args.seed)
            info["generated_seconds"] = round(time.perf_counter() - started, 2)
            print(f"generated {corpus} in {info['generated_seconds']:.1f} s", flush=True)
    truth_path = make_corpus.news_paths(corpus)["truth"]
    truth = json.loads(truth_path.read_text(encoding="utf-8")) if truth_path.exists() else None
    info["articles"] = count_articles(corpus)
    info["bytes"] = corpus.stat().st_size if corpus.is_file() else du(corpus)
    info["path"] = str(corpus)
    return corpus, truth, info


def count_articles(path: Path) -> int:
    """Articles in a .jsonl corpus (a line each), a .txt file, or a folder of them."""
    files = [path] if path.is_file() else sorted(path.rglob("*"))
    total = 0
    for f in files:
        if f.suffix == ".txt":
            total += 1
        elif f.suffix == ".jsonl":
            with f.open("rb") as lines:
                total += sum(1 for line in lines if line.strip())
    return total


# --- (b) loading ----------------------------------------------------------------------

def load_stage(corpus: Path, store: Path, articles: int | None, timeout: float, work: Path) -> dict:
    log = work / "load.log"
    r = run([KG, "--store", str(store), "load", str(corpus)], timeout, keep_stdout=False, stdout_file=log)
    tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-3:] if log.exists() else []
    n = cores()
    res = {"ok": r.ok, "error": r.error, "wall_s": r.wall, "cpu_s": r.cpu, "peak_rss_mb": r.rss_mb,
           "cores": n, "output_tail": tail}
    if r.ok and articles and r.wall:
        res["articles_per_s"] = articles / r.wall
        res["articles_per_s_per_core"] = articles / r.wall / n
        res["articles_per_cpu_s"] = articles / r.cpu if r.cpu else None
    m = next((re.search(r"compact\w*[^0-9]*([\d.]+)\s*s", line) for line in tail if "compact" in line), None)
    if m:
        res["compaction_s"] = float(m.group(1))
    return res


def store_stage(store: Path, timeout: float) -> dict:
    res: dict = {"bytes_on_disk": du(store) if store.exists() else None}
    r = run([PYTHON, "-c", COUNT_WORKER, str(store)], timeout)
    if r.ok:
        res.update(json.loads(r.stdout))
    else:
        res["count_error"] = r.error
    r = run([KG, "--store", str(store), "stats", "--format", "json"], timeout)
    if r.ok:
        try:
            res["kg_stats"] = json.loads(r.stdout)
        except ValueError:
            res["kg_stats_error"] = "not JSON"
    else:
        res["kg_stats_error"] = r.error
    return res


# --- (c) commands ---------------------------------------------------------------------

def named_queries() -> dict[str, dict]:
    """Every named query with its parameters (name -> type) and example
    values: from `kg queries --format json` when the command offers it, else
    from `kg queries`' text; parameters from the `# param:` and `# example:`
    lines of kg/queries/*.rq."""
    names: list[str] = []
    r = run([KG, "queries", "--format", "json"], 60)
    if r.ok:
        try:
            data = json.loads(r.stdout)
            items = data if isinstance(data, list) else data.get("queries", data)
            names = [q if isinstance(q, str) else q.get("name") for q in items]
        except (ValueError, AttributeError):
            names = []
    if not names:
        r = run([KG, "queries"], 60)
        if r.ok:
            names = [line.split()[0] for line in r.stdout.splitlines() if line.strip() and not line[0].isspace()]
    files = {p.stem: p for p in sorted((ROOT / "kg" / "queries").glob("*.rq"))}
    if not names:
        names = list(files)
    out = {}
    for name in names:
        params, example = {}, {}
        if name in files:
            for line in files[name].read_text(encoding="utf-8").splitlines():
                m = re.match(r"#\s*param:\s*(\S+)\s+(\S+)", line)
                if m:
                    params[m.group(1)] = m.group(2)
                m = re.match(r"#\s*example:\s*(.*)", line)
                if m:
                    try:
                        words = shlex.split(m.group(1))
                    except ValueError:
                        words = []
                    for i, w in enumerate(words):
                        if w == "--param" and i + 1 < len(words) and "=" in words[i + 1]:
                            k, v = words[i + 1].split("=", 1)
                            example[k] = v
        out[name] = {"params": params, "example": example}
    return out


def probes(truth: dict | None, counts: dict) -> dict[str, str]:
    """Values to look up: from the ground truth's probes when there is one,
    else the examples of the named queries will do."""
    p = dict((truth or {}).get("probes", {}))
    values = {
        "name": p.get("person_unique"), "code": p.get("directive"), "body": p.get("body"),
        "province": p.get("province"), "area": p.get("area"), "unit": p.get("unit"),
        "organisation": p.get("organisation"), "post": p.get("post"), "year": str(p["year"]) if p.get("year") else None,
        "words": p.get("words"),
    }
    # an IRI parameter (activity, fact): the activity the most sources report
    iri = (counts.get("most_reported_activity") or {}).get("iri") or counts.get("an_activity")
    values["activity"] = values["fact"] = iri
    values["date"] = p.get("post_date")
    return {k: v for k, v in values.items() if v}


def command_list(values: dict, truth: dict | None, queries: dict[str, dict], work: Path) -> list[tuple[str, list[str]]]:
    p = (truth or {}).get("probes", {})
    cmds: list[tuple[str, list[str]]] = []
    if p.get("person_unique"):
        cmds.append((f"person (unique: {p['person_unique']}, {p.get('person_unique_articles', '?')} articles)",
                     ["person", p["person_unique"]]))
    if p.get("person_common"):
        cmds.append((f"person (common: {p['person_common']}, {p.get('person_common_provinces', '?')} provinces)",
                     ["person", p["person_common"]]))
    if p.get("org"):
        cmds.append((f"org {p['org']}", ["org", p["org"]]))
    if p.get("directive"):
        cmds.append((f"directive {p['directive']}", ["directive", p["directive"]]))
    cmds.append(("inspections (no filter)", ["inspections"]))
    if p.get("target"):
        cmds.append((f"inspections --target {p['target']}", ["inspections", "--target", p["target"]]))
    if p.get("year"):
        cmds.append((f"inspections --year {p['year']}", ["inspections", "--year", str(p["year"])]))
    if p.get("directive"):
        cmds.append((f"inspections --directive {p['directive']}", ["inspections", "--directive", p["directive"]]))
    if p.get("target") and p.get("year"):
        cmds.append(("inspections --target --year", ["inspections", "--target", p["target"], "--year", str(p["year"])]))
    for name, q in queries.items():
        args = ["queries", "run", name]
        for param in q["params"]:
            value = values.get(param) or q["example"].get(param)
            if value:
                args += ["--param", f"{param}={value}"]
        cmds.append((f"queries run {name}", args + ["--format", "json"]))
    cmds.append(("viz (no filter)", ["viz", "-o", str(work / "viz-all.html")]))
    if p.get("directive"):
        cmds.append((f"viz --directive {p['directive']}", ["viz", "-o", str(work / "viz-directive.html"),
                                                           "--directive", p["directive"]]))
    if p.get("target") and p.get("year"):
        cmds.append((f"viz --target … --from/--to {p['year']}",
                     ["viz", "-o", str(work / "viz-target.html"), "--target", p["target"],
                      "--from", str(p["year"]), "--to", str(p["year"])]))
    if p.get("person_unique"):
        cmds.append(("viz --person (unique)", ["viz", "-o", str(work / "viz-person.html"),
                                               "--person", p["person_unique"]]))
    return cmds


def rows_of(label: str, stdout: str) -> int | None:
    """Rows of a query's JSON results; lines of a command's text output."""
    if label.startswith("queries run"):
        try:
            return len(json.loads(stdout)["results"]["bindings"])
        except (ValueError, KeyError, TypeError):
            return None
    return len(stdout.splitlines())


def time_commands(store: Path, cmds, repeat: int, warmup: int, timeout: float) -> list[dict]:
    results = []
    for label, args in cmds:
        cmd = [KG, "--store", str(store), *args]
        walls, rss, error, rows = [], [], None, None
        for i in range(warmup + repeat):
            r = run(cmd, timeout)
            if not r.ok:
                error = r.error
                break
            if i >= warmup:
                walls.append(r.wall)
                rss.append(r.rss_mb)
            rows = rows_of(label, r.stdout)
        res = {"label": label, "cmd": "kg " + shlex.join(args), "ok": error is None, "error": error,
               "runs": len(walls), "wall_p50": percentile(walls, 0.5), "wall_p95": percentile(walls, 0.95),
               "rss_p50": percentile(rss, 0.5), "rss_p95": percentile(rss, 0.95), "rows": rows}
        results.append(res)
        print("  " + _command_line(res), flush=True)
    return results


# --- (d) today's union --------------------------------------------------------------------

def old_layout(store: Path, work: Path, timeout: float) -> tuple[Path | None, dict]:
    """A copy of the store's named graphs alone, for the ``old`` mode."""
    copy = work / "old-layout"
    r = run([PYTHON, "-c", COPY_WORKER, str(store), str(copy)], timeout)
    if not r.ok:
        return None, {"ok": False, "error": r.error}
    info = json.loads(r.stdout.strip().splitlines()[-1])
    info.update(ok=True, bytes_on_disk=du(copy), rss_mb=r.rss_mb)
    return copy, info


def union_stage(store: Path, old: Path | None, queries: dict[str, dict], values: dict, timeout: float,
                memory: int, modes: list[str]) -> list[dict]:
    results = []
    for name, q in queries.items():
        params = {p: values.get(p) or q["example"].get(p) for p in q["params"]}
        res: dict = {"query": name, "params": params}
        for mode in modes:
            if mode == "old" and old is None:
                res[mode] = {"ok": False, "error": "no copy of the named graphs"}
                continue
            opts = json.dumps({"query": name, "params": params, "mode": mode, "store": str(store),
                               "old_store": str(old)})
            r = run([PYTHON, "-c", QUERY_WORKER, opts], timeout, memory=memory)
            if r.ok:
                try:
                    data = json.loads(r.stdout.strip().splitlines()[-1])
                    res[mode] = {"ok": True, "seconds": data["seconds"], "rows": data["rows"],
                                 "graphs": data.get("graphs"), "rss_mb": r.rss_mb, "wall": r.wall}
                except (ValueError, IndexError, KeyError):
                    res[mode] = {"ok": False, "error": "no result printed"}
            else:
                res[mode] = {"ok": False, "error": r.error, "wall": r.wall, "rss_mb": r.rss_mb}
        results.append(res)
        print("  " + _union_line(res), flush=True)
    return results


# --- printing ---------------------------------------------------------------------------

def _ms(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def _mb(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f} MB"


def _command_line(r: dict) -> str:
    if not r["ok"]:
        return f"{r['label'][:58]:58}  FAILED: {r['error']}"
    rows = "" if r["rows"] is None else f"{r['rows']:,}"
    return (f"{r['label'][:58]:58} {_ms(r['wall_p50']):>10} {_ms(r['wall_p95']):>10} "
            f"{_mb(r['rss_p50']):>9} {_mb(r['rss_p95']):>9} {rows:>8}")


def _union_line(r: dict) -> str:
    def cell(x: dict) -> str:
        if x.get("ok"):
            return f"{_ms(x['seconds']):>10} {x['rows']:>9,} {_mb(x['rss_mb']):>8}"
        return f"{(x.get('error') or 'failed')[:29]:>29}"
    return f"{r['query'][:34]:34} " + "  ".join(cell(r[m]) for m in r if m not in ("query", "params"))


def _interrupted(signum, frame) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=50_000, help="corpus size to generate (50000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus", type=Path, help="an existing corpus (.jsonl, .txt or a folder) instead")
    parser.add_argument("--regenerate", action="store_true", help="make the corpus again even if it exists")
    parser.add_argument("--store", type=Path, help="a store already holding the corpus: skip the load")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (store, views, load log)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each command (5)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs before them (1)")
    parser.add_argument("--timeout", type=float, default=300, help="cap on one run of a command, seconds (300)")
    parser.add_argument("--load-timeout", type=float, default=4 * 3600, help="cap on the load, seconds")
    parser.add_argument("--union-timeout", type=float, default=60, help="cap on one query in (d), seconds (60)")
    parser.add_argument("--union-memory", type=float, default=8, help="address-space cap in (d), GB (8)")
    parser.add_argument("--union-modes", default="store,union,old",
                        help="ways to run each query in (d): store, union, old (all three)")
    parser.add_argument("--skip", default="", help="stages to skip, comma-separated: commands, union")
    parser.add_argument("--only-queries", default="", help="comma-separated named queries (default: all)")
    args = parser.parse_args(argv)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    # a TERM (timeout, kill) ends the run as Ctrl-C does: the running command
    # is killed, the figures so far are written, the work folder removed
    signal.signal(signal.SIGTERM, _interrupted)

    OUT.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    work = Path(tempfile.mkdtemp(prefix=f"bench-corpus-{stamp}-", dir=OUT))
    report: dict = {"started": stamp, "machine": _machine(), "args": {k: str(v) for k, v in vars(args).items()}}
    try:
        print("(a) corpus", flush=True)
        corpus, truth, info = corpus_stage(args)
        report["corpus"] = info
        if truth:
            report["truth"] = {k: truth[k] for k in ("articles", "event_reports", "conference_articles", "events",
                                                     "activity_keys_in_reports", "reports_per_event", "persons",
                                                     "memberships", "documents", "activity_targets") if k in truth}
        _print_corpus(info, truth)

        store = args.store or work / "store"
        if args.store is None:
            print(f"(b) kg load {corpus} …", flush=True)
            report["load"] = load_stage(corpus, store, info.get("articles"), args.load_timeout, work)
        report["store"] = store_stage(store, max(args.timeout, 600))
        _print_load(report.get("load"), report["store"], truth)
        if report.get("load") and not report["load"]["ok"]:
            print("the load failed: nothing to query", flush=True)
            return 1

        queries = named_queries()
        if args.only_queries:
            wanted = {q.strip() for q in args.only_queries.split(",")}
            queries = {k: v for k, v in queries.items() if k in wanted}
        if not truth or "probes" not in truth:
            r = run([PYTHON, "-c", PROBE_WORKER, str(store)], max(args.timeout, 600))
            if r.ok:
                truth = dict(truth or {}, probes=json.loads(r.stdout.strip().splitlines()[-1]))
            else:
                print(f"  no values to look up found in the store: {r.error}", flush=True)
        values = probes(truth, report["store"])
        report["parameters"] = values
        if "commands" not in skip:
            print(f"(c) commands: p50 / p95 of {args.repeat} runs after {args.warmup} warm-up, "
                  f"interpreter start included; peak RSS", flush=True)
            print(f"  {'command':58} {'wall p50':>10} {'wall p95':>10} {'RSS p50':>9} {'RSS p95':>9} {'rows':>8}")
            report["commands"] = time_commands(store, command_list(values, truth, queries, work),
                                               args.repeat, args.warmup, args.timeout)
        if "union" not in skip:
            memory = int(args.union_memory * 2**30)
            modes = [m.strip() for m in args.union_modes.split(",") if m.strip()]
            old = None
            if "old" in modes:
                old, report["old_layout"] = old_layout(store, work, max(args.timeout, 1800))
                if old:
                    print(f"(d) the named graphs alone copied into a store (the old layout): "
                          f"{report['old_layout']['quads']:,} quads in {report['old_layout']['seconds']:.1f} s", flush=True)
                else:
                    print(f"(d) copying the named graphs FAILED: {report['old_layout']['error']}", flush=True)
            print(f"(d) named queries in one process each (cap {args.union_timeout:.0f} s, "
                  f"{args.union_memory:.0f} GB address space): time of the query alone, rows, peak RSS; "
                  f"store = as the store answers; union = default_graph=[every named graph]; "
                  f"old = named graphs alone, use_default_graph_as_union", flush=True)
            print(f"  {'query':34} " + "  ".join(f"{m:>10} {'rows':>9} {'RSS':>8}" for m in modes))
            report["union"] = union_stage(store, old, queries, values, args.union_timeout, memory, modes)
    except KeyboardInterrupt:
        report["interrupted"] = True
        print("interrupted: the figures so far are written", flush=True)
        return 130
    finally:
        report["machine"]["load_after"] = os.getloadavg()
        path = OUT / f"bench_corpus_{report.get('corpus', {}).get('articles') or 'x'}_{stamp}.json"
        path.write_text(json.dumps(report, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
        print(f"figures: {path}")
        if args.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def _machine() -> dict:
    import pyoxigraph
    head = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
                          capture_output=True, text=True).stdout.strip()
    return {"cores": cores(), "python": platform.python_version(), "pyoxigraph": pyoxigraph.__version__,
            "git": head, "load_before": os.getloadavg()}


def _print_corpus(info: dict, truth: dict | None) -> None:
    print(f"  {info['path']}: {info.get('articles') or '?':,} articles, {info['bytes'] / 2**20:.1f} MB")
    if truth:
        print(f"  truth: {truth['events']:,} distinct events in {truth['event_reports']:,} reports "
              f"(per event {truth['reports_per_event']}), {truth['conference_articles']:,} conferences; "
              f"{truth['persons']:,} officials, {truth['memberships']:,} posts held, {truth['documents']:,} documents; "
              f"keying an activity by kind, body, day, leader and targets as reported gives "
              f"{truth['activity_keys_in_reports']:,}")


def _print_load(load: dict | None, st: dict, truth: dict | None) -> None:
    if load:
        if load["ok"]:
            print(f"  kg load: {load['wall_s']:.1f} s wall, {load['cpu_s']:.1f} s CPU, "
                  f"{load.get('articles_per_s', 0):,.1f} articles/s = {load.get('articles_per_s_per_core', 0):,.1f} "
                  f"per core ({load['cores']} cores), peak RSS {_mb(load['peak_rss_mb'])}"
                  + (f", compaction {load['compaction_s']:.1f} s" if load.get("compaction_s") else ""))
            for line in load["output_tail"][-1:]:
                print(f"    {line.strip()}")
        else:
            print(f"  kg load FAILED: {load['error']}")
    size = st.get("bytes_on_disk")
    print(f"  store: {size / 2**20 if size else 0:,.1f} MB on disk, {st.get('quads', 0):,} quads in "
          f"{st.get('named_graphs', 0):,} named graphs, {st.get('default_graph_triples', 0):,} in the default graph"
          + (f"; counting failed: {st['count_error']}" if st.get("count_error") else ""))
    if "activities_in_facts" in st:
        print(f"  {'':14} {'facts':>9} {'sources':>9} {'truth':>9}")
        expected = {"activities": (truth or {}).get("events"), "officials": (truth or {}).get("persons"),
                    "memberships": (truth or {}).get("memberships"), "documents": (truth or {}).get("documents"),
                    "organisations": None}
        for key, exp in expected.items():
            print(f"  {key:14} {st[f'{key}_in_facts']:>9,} {st[f'{key}_in_sources']:>9,} "
                  f"{'' if exp is None else format(exp, ','):>9}")
        if st.get("most_reported_activity"):
            print(f"  the most reported activity is in {st['most_reported_activity']['sources']} sources' graphs")


if __name__ == "__main__":
    sys.exit(main())
