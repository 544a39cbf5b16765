"""``kg serve`` as a user runs it: a subprocess on a free port over a store
that pyoxigraph wrote, read-only unless updates are allowed with a token.

Read-only, kg answers queries itself from worker processes, and every query
is bounded: it stops at the timeout or when its client leaves, within its
memory budget, and its answer within the size cap; SERVICE and foreign
Host headers are refused. Nothing here needs the oxigraph server except
--allow-updates."""
from __future__ import annotations

import concurrent.futures
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from cookbook_fixtures import cookbook_store
from kg.remote import RemoteStore
from kg.endpoint import allowed_hosts, host_allowed, is_loopback, uses_service
from kg.serve import free_port
from oxigraph_fixtures import oxigraph_binary, oxigraph_server, wait_until_answering

pytestmark = pytest.mark.server

KG = str(Path(sys.executable).with_name("kg"))
TOKEN = "test-token-0123456789"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    """A store written by pyoxigraph (the embedded store), closed again."""
    path = tmp_path_factory.mktemp("serve") / "store"
    cookbook_store(path).close()
    return path


def descendants(pid: int) -> set[int]:
    """The pids of the live processes below ``pid`` (from /proc): the
    workers are children of a fork server, itself a child of kg serve."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


def cpu_ticks(pid: int) -> int:
    with contextlib.suppress(OSError):
        fields = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    return 0


def alive(pids: set[int]) -> set[int]:
    return {pid for pid in pids if Path(f"/proc/{pid}").exists()
            and (Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z")}


@contextlib.contextmanager
def kg_serve(store: Path, *args: str, env: dict[str, str] | None = None):
    """The URL of ``kg serve`` over ``store``; its process as ``.process``."""
    if "--allow-updates" in args:
        oxigraph_binary()   # skip (or fail in CI) without the server
    port = free_port()
    process = subprocess.Popen([KG, "--store", str(store), "serve", "--port", str(port), *args],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, **(env or {})})
    url = Url(f"http://127.0.0.1:{port}")
    url.process = process
    helpers = set()
    try:
        wait_until_answering(process, url, "kg serve")
        yield url
    finally:
        helpers = descendants(process.pid)
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()
        process.stderr.close()
    deadline = time.monotonic() + 5
    while alive(helpers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(helpers), "kg serve left a worker or its oxigraph server running"


class Url(str):
    process: subprocess.Popen


def http(method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None,
         timeout: float = 30):
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def count_officials(url: str) -> int:
    query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?p a <https://w3id.org/party-kg/def#Official> }"})
    status, body = http("GET", f"{url}/query?{query}", headers={"Accept": "application/sparql-results+json"})
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def test_pinned_server_and_library_share_the_store_format(store_path):
    """--allow-updates runs the oxigraph server over the store pyoxigraph wrote."""
    version = subprocess.run([oxigraph_binary(), "--version"], capture_output=True, text=True, check=True).stdout
    assert version.split()[-1] == ox.__version__
    with oxigraph_server(store_path, read_only=True) as url:
        query = urllib.parse.urlencode({"query": "SELECT ?n WHERE { ?p foaf:name ?n }".replace(
            "foaf:name", "<http://xmlns.com/foaf/0.1/name>")})
        status, body = http("GET", f"{url}/query?{query}", headers={"Accept": "text/csv"})
        assert status == 200
        assert sorted(body.decode().splitlines()[1:]) == sorted(
            r["n"] for r in _embedded_select(store_path, "SELECT ?n WHERE { ?p foaf:name ?n }"))


def test_read_only_server_answers_as_the_embedded_store(store_path):
    with kg_serve(store_path) as url:
        assert count_officials(url) == 4
        remote = RemoteStore(url, read_only=True)
        embedded_names = sorted(r["n"] for r in _embedded_select(store_path, "SELECT ?n WHERE { ?p foaf:name ?n }"))
        assert sorted(r["n"] for r in remote.select("SELECT ?n WHERE { ?p foaf:name ?n }")) == embedded_names
        status, page = http("GET", url + "/")
        assert status == 200 and b"<html" in page.lower()


def _embedded_select(path: Path, query: str):
    from kg.store import EmbeddedStore
    store = EmbeddedStore(path, read_only=True)
    try:
        return store.select(query)
    finally:
        store.close()


def test_read_only_server_refuses_updates(store_path):
    with kg_serve(store_path) as url:
        status, _ = http("POST", url + "/update", b"DROP ALL", {"Content-Type": "application/sparql-update"})
        assert status == 403
        status, _ = http("PUT", url + "/store?graph=http://x/g", b"<http://x/s> <http://x/p> 1 .",
                         {"Content-Type": "application/n-triples"})
        assert status == 403
        assert count_officials(url) == 4


def test_updates_need_the_token_when_enabled(tmp_path):
    path = tmp_path / "store"
    cookbook_store(path).close()
    with kg_serve(path, "--allow-updates", env={"KG_SERVE_TOKEN": TOKEN}) as url:
        insert = b"INSERT DATA { <http://x/p> a <https://w3id.org/party-kg/def#Official> }"
        headers = {"Content-Type": "application/sparql-update"}
        assert http("POST", url + "/update", insert, headers)[0] == 401
        assert http("POST", url + "/update", insert, {**headers, "Authorization": "Bearer wrong"})[0] == 401
        assert http("DELETE", url + "/store?graph=http://x/g")[0] == 401
        assert count_officials(url) == 4   # queries need no token
        # kg's own remote store writes through the proxy with KG_STORE_TOKEN
        remote = RemoteStore(url, environ={"KG_STORE_TOKEN": TOKEN})
        official = ox.Triple(ox.NamedNode("http://x/p"), ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                             ox.NamedNode("https://w3id.org/party-kg/def#Official"))
        remote.replace_graphs({"http://x/g": [official]})
        assert count_officials(url) == 5
        with pytest.raises(Exception, match="refused"):
            RemoteStore(url, environ={}).remove_graphs(["http://x/g"])
        remote.remove_graphs(["http://x/g"])
        assert count_officials(url) == 4
        assert http("POST", url + "/update", insert, {**headers, "Authorization": f"Bearer {TOKEN}"})[0] == 204
        assert count_officials(url) == 5


def test_allow_updates_without_a_token_is_refused(store_path):
    oxigraph_binary()
    env = {k: v for k, v in os.environ.items() if k != "KG_SERVE_TOKEN"}
    result = subprocess.run([KG, "--store", str(store_path), "serve", "--port", str(free_port()), "--allow-updates"],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode != 0 and "KG_SERVE_TOKEN" in result.stderr


def test_a_remote_store_is_not_served_again():
    result = subprocess.run([KG, "--store", "http://127.0.0.1:1/ds", "serve"], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "already a SPARQL endpoint" in result.stderr


def test_loopback_is_recognised():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.2")


# --- bounds: every query shape stops, and a client that leaves stops its query ---

CARTESIAN_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
CARTESIAN_ORDERED = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"
CARTESIAN_GROUPED = ("SELECT ?c (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } "
                     "GROUP BY ?c ORDER BY DESC(?n)")


def post_query(url: str, query: str, accept: str = "application/sparql-results+json", timeout: float = 60,
               headers: dict[str, str] | None = None):
    return http("POST", url + "/query", urllib.parse.urlencode({"query": query}).encode(),
                {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept, **(headers or {})},
                timeout=timeout)


def busy_workers(server: subprocess.Popen, seconds: float = 0.6) -> set[int]:
    """The server's worker processes that used CPU over ``seconds``."""
    before = {pid: cpu_ticks(pid) for pid in descendants(server.pid)}
    time.sleep(seconds)
    return {pid for pid, ticks in before.items() if cpu_ticks(pid) - ticks > 10}


def test_a_query_of_any_shape_stops_at_the_timeout_and_the_server_goes_on(store_path):
    # memory enough for the ordered product to outlast the timeout
    with kg_serve(store_path, "--timeout", "1", "--max-query-memory", "8192") as url:
        for query in (CARTESIAN_COUNT, CARTESIAN_GROUPED, CARTESIAN_ORDERED):
            status, body = post_query(url, query)
            assert status == 503 and b"stopped after 1 s" in body, body
        assert not busy_workers(url.process), "a stopped query still runs"
        assert count_officials(url) == 4


def test_a_query_stops_when_its_client_leaves(store_path):
    with kg_serve(store_path, "--timeout", "600") as url:
        client = socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1])))
        body = urllib.parse.urlencode({"query": CARTESIAN_COUNT}).encode()
        client.sendall(b"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                       + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        deadline = time.monotonic() + 10
        while not busy_workers(url.process, 0.3):
            assert time.monotonic() < deadline, "the query never started"
        client.close()
        deadline = time.monotonic() + 10
        while busy_workers(url.process):
            assert time.monotonic() < deadline, "the query ran on after its client left"
        assert count_officials(url) == 4


def test_a_query_over_its_memory_budget_is_stopped(store_path):
    with kg_serve(store_path, "--max-query-memory", "192") as url:
        status, body = post_query(url, CARTESIAN_ORDERED)
        assert status == 503 and b"--max-query-memory" in body, body
        assert count_officials(url) == 4


def test_an_answer_over_the_size_cap_is_refused_not_cut(tmp_path):
    path = tmp_path / "store"
    store = ox.Store(str(path))
    store.extend(ox.Quad(ox.NamedNode(f"http://x/s{i}"), ox.NamedNode("http://x/p"), ox.Literal("x" * 200))
                 for i in range(8000))
    store.flush()
    del store
    with kg_serve(path, "--max-result-size", "1") as url:
        status, body = post_query(url, "CONSTRUCT WHERE { ?s ?p ?o }", accept="application/n-triples")
        assert status == 413 and b"larger than 1 MiB" in body
        status, body = post_query(url, "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 100", accept="application/n-triples")
        assert status == 200 and len(body.splitlines()) == 100


def test_long_queries_beyond_the_allowance_are_refused_as_busy(store_path):
    with kg_serve(store_path, "--timeout", "4", "--long-queries", "1") as url:
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            first = pool.submit(post_query, url, CARTESIAN_COUNT)
            deadline = time.monotonic() + 10
            while not busy_workers(url.process, 0.3):
                assert time.monotonic() < deadline, "the first query never started"
            status, body = post_query(url, CARTESIAN_GROUPED)
            assert status == 503 and b"busy" in body, body
            # the runaway sent again waits for the long slot, holding no worker:
            # short queries are answered meanwhile
            again = pool.submit(post_query, url, CARTESIAN_COUNT)
            time.sleep(0.5)
            assert count_officials(url) == 4
            assert first.result()[0] == 503
            status, body = again.result()
            assert status == 503 and (b"busy" in body or b"stopped after 4 s" in body), body


def test_memory_of_all_queries_together_is_bounded(store_path):
    with kg_serve(store_path, "--max-memory", "256", "--max-query-memory", "4096") as url:
        status, body = post_query(url, CARTESIAN_ORDERED)
        assert status == 503 and b"--max-memory" in body, body
        assert count_officials(url) == 4


# --- what a read-only endpoint on a person's machine refuses ---

def test_service_is_refused_unless_enabled(store_path):
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    with kg_serve(store_path) as url:
        status, body = post_query(url, query)
        assert status == 403 and b"SERVICE" in body
        status, _ = http("GET", url + "/query?" + urllib.parse.urlencode({"query": query.replace("SERVICE", "\\u0053ERVICE")}))
        assert status == 403
    with kg_serve(store_path, "--allow-service") as url:
        status, body = post_query(url, query)
        assert status == 400 and b"port 9 is not allowed" in body   # tried, and the engine refused the port


@pytest.mark.parametrize(("query", "expected"), [
    ("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }", True),
    ("select * { service silent <http://x/> {} }", True),
    ("SELECT * { \\u0053ERVICE <http://x/> {} }", True),
    ("SELECT * { FILTER(?a<?b) SERVICE <http://x/> {} FILTER(?c>?d) }", True),
    ('SELECT * { ?s ?p "SERVICE" }', False),
    ("SELECT * { ?s ?p '''a\nSERVICE b''' }", False),
    ('SELECT * { ?s ?p "x\\" SERVICE" }', False),
    ("SELECT ?service { ?service ex:service <http://x/SERVICE> } # SERVICE <http://x/>", False),
])
def test_service_is_found_as_a_keyword_only(query, expected):
    assert uses_service(query) is expected


def test_requests_for_another_host_are_refused(store_path):
    ask = "/query?" + urllib.parse.urlencode({"query": "ASK {}"})
    with kg_serve(store_path, "--allow-host", "kg.lan") as url:
        port = url.rsplit(":", 1)[1]
        for host in ("evil.example", f"evil.example:{port}", "127.0.0.1.evil.example"):
            assert http("GET", url + ask, headers={"Host": host})[0] == 403
        for host in (f"127.0.0.1:{port}", f"localhost:{port}", "kg.lan", f"kg.lan:{port}"):
            assert http("GET", url + ask, headers={"Host": host})[0] == 200


def test_host_rules_when_bound_to_every_interface():
    hosts = allowed_hosts("0.0.0.0", 7878, ["kg.lan"])
    assert host_allowed("10.1.2.3:7878", hosts, wildcard_bind=True)
    assert host_allowed("[fe80::1]:7878", hosts, wildcard_bind=True)
    assert host_allowed("kg.lan:7878", hosts, wildcard_bind=True)
    assert not host_allowed("rebind.example:7878", hosts, wildcard_bind=True)
    assert not host_allowed(None, hosts, wildcard_bind=True)


def test_the_query_page_is_served_offline_with_a_strict_policy(store_path):
    with kg_serve(store_path) as url:
        request = urllib.request.Request(url + "/")
        with urllib.request.urlopen(request, timeout=30) as response:
            page = response.read().decode()
            policy = response.headers["Content-Security-Policy"]
        assert "default-src 'self'" in policy
        assert 'src="/query.js"' in page and "http" not in page.split("<body>")[0].replace("charset", "")
        status, script = http("GET", url + "/query.js")
        assert status == 200 and b"textContent" in script and b"innerHTML" not in script
        assert http("GET", url + "/nothing-here")[0] == 404


def test_a_killed_server_leaves_no_worker_behind(store_path):
    with kg_serve(store_path) as url:
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            pool.submit(post_query, url, CARTESIAN_COUNT, timeout=5)
            deadline = time.monotonic() + 10
            while not busy_workers(url.process, 0.3):
                assert time.monotonic() < deadline, "the query never started"
            workers = descendants(url.process.pid)
            url.process.kill()        # SIGKILL: no handler runs
            deadline = time.monotonic() + 10
            while alive(workers):
                assert time.monotonic() < deadline, "workers outlived the killed server"
                time.sleep(0.1)


def test_read_only_serving_needs_no_oxigraph_server(store_path, monkeypatch):
    """The README's first command installs no oxigraph server; kg serve must
    still work (#11): only --allow-updates runs one."""
    import kg.serve

    def missing():
        raise AssertionError("the read-only endpoint looked for the oxigraph server")
    monkeypatch.setattr(kg.serve, "find_oxigraph", missing)
    with kg.serve.start(store_path, port=free_port()) as server:
        status, body = http("GET", server.url + "/query?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}),
                            headers={"Accept": "application/sparql-results+json"})
        assert status == 200 and json.loads(body)["boolean"] is True
