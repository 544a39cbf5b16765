"""``kg serve`` as a user runs it: a subprocess on a free port over a store
that pyoxigraph wrote, read-only unless updates are allowed with a token."""
from __future__ import annotations

import contextlib
import json
import os
import signal
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
from kg.serve import free_port, is_loopback
from oxigraph_fixtures import oxigraph_binary, wait_until_answering

pytestmark = pytest.mark.server

KG = str(Path(sys.executable).with_name("kg"))
TOKEN = "test-token-0123456789"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    """A store written by pyoxigraph (the embedded store), closed again."""
    path = tmp_path_factory.mktemp("serve") / "store"
    cookbook_store(path).close()
    return path


def _servers_over(path: Path) -> list[int]:
    """The pids of oxigraph processes serving ``path`` (from /proc)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                argv = (entry / "cmdline").read_bytes().split(b"\0")
                if b"oxigraph" in argv[0] and str(path).encode() in argv:
                    pids.append(int(entry.name))
    return pids


@contextlib.contextmanager
def kg_serve(store: Path, *args: str, env: dict[str, str] | None = None):
    oxigraph_binary()   # skip (or fail in CI) without the server
    port = free_port()
    process = subprocess.Popen([KG, "--store", str(store), "serve", "--port", str(port), *args],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, **(env or {})})
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(process, url, "kg serve")
        yield url
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()
        process.stderr.close()
    time.sleep(0.2)
    assert _servers_over(store) == [], "kg serve left its oxigraph server running"


def http(method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None):
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def count_officials(url: str) -> int:
    query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?p a <https://w3id.org/party-kg/def#Official> }"})
    status, body = http("GET", f"{url}/query?{query}", headers={"Accept": "application/sparql-results+json"})
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def test_pinned_server_and_library_share_the_store_format(store_path):
    version = subprocess.run([oxigraph_binary(), "--version"], capture_output=True, text=True, check=True).stdout
    assert version.split()[-1] == ox.__version__
    # the store pyoxigraph wrote is read by the server: same data through SPARQL
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
