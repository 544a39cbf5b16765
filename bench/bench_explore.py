"""How fast kg explore answers, page by page, on the synthetic national graph (bench/synth.py).

Prints figures, asserts nothing. The app runs under Flask's test client
(server time only: no network, no browser), over an embedded store opened
read-only as `kg explore` opens it. For entities drawn from the data (the
busiest and some at random, per kind) it times, after one warm-up each:
search as you type (JSON, prefixes of real names and document codes),
every page kind (official, body, unit, document, activity, source), Turtle,
the graph's expansion at each node, saving a grown graph as the kg viz page,
and the overview with its filters and a province's drill-down: p50, p95 and
max per kind against the goal (issue #12: 0.3 s at p95).

The one-off costs come first: reading the search keys and counting the
overview (done once per run of kg explore, in the background at its start).
Then the obvious alternatives on the same inputs: a SPARQL scan of every
search key per keystroke (search-scan.rq) against the in-memory index, and
`kg viz --around NAME --depth 1` (kg.graph.project, then the ego graph)
against one expansion.

With --browser, Debian's headless Chromium (/usr/bin/chromium, driven by
Playwright, every request but the explorer's refused) opens each sampled
page served by werkzeug on 127.0.0.1 and the overview, and the time from
navigation until the page's graph holds its neighbours and its layout
stands still (the page's own marks, window.__kgExplore.times) is printed
against the goal of 1 s.

    python bench/synth.py --scale 0.02 --overlap 0.3 --out bench/out/small-overlap.nq
    python bench/bench_explore.py                                  # that file, loaded into a temporary store
    python bench/bench_explore.py --nq bench/out/national-0.2-overlap.nq --sample 10
    python bench/bench_explore.py --store PATH                     # a store already loaded: skip the load

Stores go under bench/out/ (kept out of git) and are removed afterwards.
"""
from __future__ import annotations

import argparse
import math
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
KG = str(Path(sys.executable).with_name("kg"))
GOAL_SECONDS = 0.3

# entities of each kind, by how busy they are (no user value in these queries)
SAMPLES = {
    "official": "SELECT ?x (COUNT(*) AS ?n) WHERE { ?a party:leader ?x } GROUP BY ?x ORDER BY DESC(?n) ?x",
    "body": "SELECT ?x (COUNT(*) AS ?n) WHERE { ?a party:inspector ?x } GROUP BY ?x ORDER BY DESC(?n) ?x",
    "unit": "SELECT ?x (COUNT(*) AS ?n) WHERE { ?a party:target ?x . ?x a party:AdministrativeUnit } "
            "GROUP BY ?x ORDER BY DESC(?n) ?x",
    "document": "SELECT ?x (COUNT(*) AS ?n) WHERE { ?a party:underDocument ?x } GROUP BY ?x ORDER BY DESC(?n) ?x",
    "activity": "SELECT ?x (COUNT(*) AS ?n) WHERE { ?x party:target ?t ; party:inspector ?i } GROUP BY ?x "
                "ORDER BY DESC(?n) ?x",
    "source": "SELECT ?x (COUNT(*) AS ?n) WHERE { ?f prov:wasDerivedFrom ?x } GROUP BY ?x ORDER BY DESC(?n) ?x",
}
PROVINCES = "SELECT ?x (COUNT(*) AS ?n) WHERE { ?u schema:containedInPlace ?x . ?x a party:Province } GROUP BY ?x ORDER BY DESC(?n) ?x"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def sample(store, query: str, n: int, rng: random.Random) -> list[str]:
    """The ``n`` busiest, and ``n`` more at random."""
    found = [row["x"] for row in store.select(query)]
    busiest = found[:n]
    rest = found[n:]
    return busiest + rng.sample(rest, min(n, len(rest)))


def label(store, iri: str) -> str:
    import pyoxigraph as ox
    rows = store.select("SELECT ?l WHERE { ?x rdfs:label ?l } LIMIT 1", {"x": ox.NamedNode(iri)})
    return rows[0]["l"] if rows else iri.rsplit("/", 1)[-1]


class Timer:
    def __init__(self, client, repeat: int):
        self.client, self.repeat = client, repeat
        self.times: dict[str, list[float]] = {}

    def get(self, kind: str, url: str, **kwargs) -> object:
        response = self.client.get(url, **kwargs)        # warm-up
        if response.status_code != 200:
            print(f"  ! {url} -> {response.status_code}")
        for _ in range(self.repeat):
            started = time.perf_counter()
            response = self.client.get(url, **kwargs)
            self.times.setdefault(kind, []).append(time.perf_counter() - started)
        return response

    def post(self, kind: str, url: str, data: dict) -> None:
        self.client.post(url, data=data)
        for _ in range(self.repeat):
            started = time.perf_counter()
            self.client.post(url, data=data)
            self.times.setdefault(kind, []).append(time.perf_counter() - started)

    def report(self) -> None:
        print(f"{'page kind':<22} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  goal p95 <= {GOAL_SECONDS * 1000:.0f} ms")
        for kind, values in self.times.items():
            p95 = percentile(values, 0.95)
            print(f"{kind:<22} {len(values):>5} {percentile(values, 0.5) * 1000:>8.1f} {p95 * 1000:>8.1f} "
                  f"{max(values) * 1000:>8.1f}  {'ok' if p95 <= GOAL_SECONDS else 'OVER'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nq", type=Path, default=HERE / "out" / "small-overlap.nq")
    parser.add_argument("--store", type=Path, help="an embedded store already holding the graph: skip the load")
    parser.add_argument("--sample", type=int, default=5, help="entities per kind: this many busiest, as many at random")
    parser.add_argument("--repeat", type=int, default=3, help="timed requests per URL, after one warm-up")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--no-around", action="store_true", help="skip timing kg viz --around (it projects the whole graph)")
    parser.add_argument("--browser", action="store_true", help="also time drawing in Chromium (needs /usr/bin/chromium)")
    args = parser.parse_args(argv)

    work = None
    store_path = args.store
    if store_path is None:
        if not args.nq.exists():
            print(f"{args.nq} is missing: python bench/synth.py --scale 0.02 --overlap 0.3 --out {args.nq}",
                  file=sys.stderr)
            return 2
        work = Path(tempfile.mkdtemp(prefix="bench-explore-", dir=HERE / "out"))
        store_path = work / "store"
        started = time.perf_counter()
        subprocess.run([KG, "--store", str(store_path), "load", str(args.nq)], check=True, stdout=subprocess.DEVNULL)
        print(f"loaded {args.nq} in {time.perf_counter() - started:.1f} s")
    try:
        run(store_path, args)
    finally:
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def run(store_path: Path, args) -> None:
    from kg.explore import search as explore_search
    from kg.explore.app import create_app
    from kg.explore.links import href
    from kg.store import EmbeddedStore
    from kg.text import fold

    rng = random.Random(args.seed)
    store = EmbeddedStore(store_path, read_only=True)
    print(f"graph: {len(store):,} quads in {len(store.named_graphs())} graphs")
    app = create_app(store)
    client = app.test_client()
    state = app.extensions["kg_explore"]

    started = time.perf_counter()
    index = state["searcher"].index
    print(f"one-off: search index of {len(index.entries):,} keys read in {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    counts = state["overview"].counts
    print(f"one-off: overview counted ({sum(counts.flows.values()):,} level flows over "
          f"{len(counts.province_of):,} bodies and units) in {time.perf_counter() - started:.2f} s")

    entities = {kind: sample(store, query, args.sample, rng) for kind, query in SAMPLES.items()}
    provinces = sample(store, PROVINCES, args.sample, rng)
    timer = Timer(client, args.repeat)

    # search as you type: every prefix a typist sends, of real names and codes
    typed = []
    for kind in ("official", "body", "unit"):
        for iri in entities[kind][: args.sample]:
            name = fold(label(store, iri))
            typed += [name[:n] for n in (3, 6, 10, len(name)) if n <= len(name)]
    for iri in entities["document"][: args.sample]:
        code = store.select("SELECT ?c WHERE { ?x eli:id_local ?c } LIMIT 1", {"x": __import__("pyoxigraph").NamedNode(iri)})
        if code:
            typed += [code[0]["c"][:4], code[0]["c"]]
    for text in typed:
        timer.get("search (json)", "/search", query_string={"q": text, "format": "json"})
    for text in typed[:: max(1, len(typed) // 10)]:
        timer.get("search (html)", "/search", query_string={"q": text})

    for kind, iris in entities.items():
        for iri in iris:
            timer.get(f"page: {kind}", href(iri))
        for iri in iris[:2]:
            timer.get("turtle", href(iri), headers={"Accept": "text/turtle"})
    grown: dict[str, None] = {}
    expanded: list[str] = []
    for kind in ("official", "body", "unit", "document"):
        for iri in entities[kind]:
            response = timer.get("graph: expand", "/graph/neighbours", query_string={"iri": iri})
            if len(grown) < 200:
                expanded.append(iri)
                grown.update(dict.fromkeys(n["id"] for n in response.get_json()["nodes"]))
    timer.post("graph: save", "/graph/save", {"nodes": "\n".join(grown), "expanded": "\n".join(expanded),
                                              "title": "bench"})
    timer.get("overview", "/overview")
    years, kinds = state["overview"].years_and_kinds()
    for year in years[-3:]:
        timer.get("overview", "/overview", query_string={"year": year, "kind": kinds[0]})
    for province in provinces:
        timer.get("overview: province", "/overview", query_string={"province": province})
    timer.report()
    if args.browser:
        browser_times(app, store, [href(iri) for kind in ("official", "body", "unit", "document", "activity")
                                   for iri in entities[kind]])

    # the alternatives
    scan, indexed = [], []
    for text in typed:
        started = time.perf_counter()
        explore_search.scan(store, text)
        scan.append(time.perf_counter() - started)
        started = time.perf_counter()
        index.search(text)
        indexed.append(time.perf_counter() - started)
    print(f"search keys, {len(typed)} queries: in-memory index p50 {percentile(indexed, 0.5) * 1000:.1f} ms, "
          f"p95 {percentile(indexed, 0.95) * 1000:.1f} ms; SPARQL scan (search-scan.rq) "
          f"p50 {percentile(scan, 0.5) * 1000:.1f} ms, p95 {percentile(scan, 0.95) * 1000:.1f} ms")
    if not args.no_around:
        from kg.explore.neighbours import neighbourhood
        from kg.graph import Filters, project
        iri = entities["body"][0]
        name = label(store, iri)
        started = time.perf_counter()
        ego = project(store, Filters(around=name, depth=1))
        around = time.perf_counter() - started
        started = time.perf_counter()
        grown_once = neighbourhood(store, iri)
        expand = time.perf_counter() - started
        print(f"neighbours of {name!r}: kg viz --around --depth 1 (project, then ego) {around:.2f} s for "
              f"{ego.number_of_nodes()} nodes; one expansion {expand * 1000:.1f} ms for {len(grown_once.nodes)} nodes")
    store.close()


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
BROWSER_GOAL_SECONDS = 1.0


def browser_times(app, store, paths: list[str]) -> None:
    """Navigation to drawn-and-still, in Chromium, for each page (after one warm-up load)."""
    import logging
    import threading

    from playwright.sync_api import sync_playwright
    from werkzeug.serving import make_server

    from kg.explore.app import create_app
    logging.getLogger("werkzeug").setLevel(logging.WARNING)   # no line per request in the figures
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    httpd.app = create_app(store, host="127.0.0.1", port=httpd.server_port)
    state = app.extensions["kg_explore"]
    httpd.app.extensions["kg_explore"]["searcher"]._index = state["searcher"].index
    httpd.app.extensions["kg_explore"]["overview"]._counts = state["overview"].counts
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_port}"
    drawn: list[float] = []
    blocked: list[str] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1300, "height": 1000})

            def route(r):
                if r.request.url.startswith(base + "/"):
                    r.continue_()
                else:
                    blocked.append(r.request.url)
                    r.abort()
            context.route("**/*", route)
            page = context.new_page()
            for i, path in enumerate([paths[0], *paths]):
                page.goto(base + path)
                page.wait_for_function("() => window.__kgExplore && window.__kgExplore.ready && "
                                       "!window.__kgExplore.pending && !window.__kgExplore.settling", timeout=60_000)
                times = page.evaluate("() => window.__kgExplore.times")
                if i:   # the first load only warms the cache
                    drawn.append(max(times["ready"], times.get("stabilized") or 0) / 1000)
            overview = []
            for _ in range(3):
                page.goto(base + "/overview")
                page.wait_for_function("() => window.__kgOverview && window.__kgOverview.ready")
                overview.append(page.evaluate("() => performance.now()") / 1000)
            browser.close()
    finally:
        httpd.shutdown()
        thread.join()
    p95 = percentile(drawn, 0.95)
    print(f"Chromium, navigation to graph drawn and still, {len(drawn)} entity pages: p50 "
          f"{percentile(drawn, 0.5) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, max {max(drawn) * 1000:.0f} ms "
          f"(goal {BROWSER_GOAL_SECONDS:.0f} s: {'ok' if p95 <= BROWSER_GOAL_SECONDS else 'OVER'}); overview drawn by "
          f"{percentile(overview, 0.5) * 1000:.0f} ms; requests refused (outside the explorer): {len(blocked)}")


if __name__ == "__main__":
    sys.exit(main())
