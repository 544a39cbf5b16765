"""A real Virtuoso 7 for the server tests: Debian's ``virtuoso-t`` (package
virtuoso-opensource-7-bin, which also has ``isql-vt``), started on 127.0.0.1
with free ports, its own database folder and ``virtuoso.ini``, and stopped
(and its folder removed) after. No system service, no port beyond loopback.

Without ``virtuoso-t`` the tests are skipped with the reason.

What a fresh database needs, and what it does (Virtuoso 7.2.5, tried here):

* ``/sparql`` is the query and update endpoint. Updates are refused (HTTP
  500, "No permission to execute procedure DB.DBA.SPARQL_INSERT_DICT_CONTENT")
  until user SPARQL has the SPARQL_UPDATE role: the fixture grants it
  through ``isql-vt``. The same grant opens the Graph Store Protocol at
  ``/sparql-graph-crud`` (PUT/GET/DELETE ``?graph=IRI``, no credentials;
  403 before it). ``/sparql-graph-crud-auth`` and ``/sparql-auth`` want
  HTTP Digest (dba/dba here), which kg does not speak.
* A query POSTed as ``Content-Type: application/sparql-query`` gets no answer
  at all (the connection hangs: openlink/virtuoso-opensource#842); a form
  POST (``query=``), a GET, or ``application/sparql-update`` as the content
  type work. Updates: POST ``application/sparql-update`` or a form ``update=``.
* Virtuoso has no separate default graph. Without FROM (or the
  ``default-graph-uri`` parameter) a query reads every graph, its own system
  graphs (~2,500 triples) too, as a bag (a triple in two graphs comes back
  twice). INSERT/DELETE templates and INSERT DATA without GRAPH are refused
  ("No plain default graph specified in the preamble"). With a default graph
  named (FROM, ``default-graph-uri``, WITH, USING) and no FROM NAMED,
  ``GRAPH <iri>`` matches nothing while ``GRAPH ?g`` still ranges over every
  graph. The ini's ``[SPARQL] DefaultGraph`` changes none of this. So
  ``WITH <D> INSERT { ?s ?p ?o } WHERE { GRAPH <G> { ... } }`` answers 200
  and inserts nothing; ``INSERT { GRAPH <D> { ?s ?p ?o } } WHERE { GRAPH <G>
  { ... } }`` (no dataset clause) works.
* ``SELECT ?g WHERE { GRAPH ?g { } }`` gives one empty row, not the graphs.
* A CONSTRUCT answers in SPARQL JSON results whenever the Accept header
  lists ``application/sparql-results+json`` (whatever its q); with
  ``Accept: application/n-triples`` alone it answers N-Triples.

So on Virtuoso "the default graph" has to be one named graph that kg names
itself (``KG_FACTS_GRAPH``, kg.remote): ``default_graph`` below is the one
these tests use.

Without ``virtuoso-t`` the tests are skipped with the reason, unless CI is
set: .ci/run installs it, so there they fail.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kg.serve import free_port

# The named graph that stands for the store's default graph (the merged
# facts) on Virtuoso. Nothing in Virtuoso makes it special: reads name it
# (FROM, or ``default-graph-uri``), update templates write into it with
# GRAPH <it>, and ``GRAPH ?other`` filters must leave it out.
VIRTUOSO_DEFAULT_GRAPH = "urn:x-party-kg:default"

_INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 10
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {folder}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
MaxClientConnections = 10
ServerThreads = 10
Charset = UTF-8
EnabledDavVSP = 0

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""


@dataclass(frozen=True)
class Virtuoso:
    """A running Virtuoso: its base URL, endpoints and SQL port."""
    url: str            # http://127.0.0.1:PORT (what `kg --store` gets)
    query_url: str      # URL/sparql (form POST or GET; not application/sparql-query)
    update_url: str     # URL/sparql (POST application/sparql-update)
    gsp_url: str        # URL/sparql-graph-crud (?graph=IRI; PUT, GET, DELETE; no credentials)
    default_graph: str  # the named graph standing for the default graph
    default_query_url: str  # query_url?default-graph-uri=<default_graph>: reads see only it
    sql_port: int       # isql-vt 127.0.0.1:PORT dba dba
    folder: Path
    system_graphs: frozenset[str] = frozenset()   # the graphs of the fresh database (Virtuoso's own)

    def environ(self) -> dict[str, str]:
        """The variables that point kg's RemoteStore at these endpoints and
        name the graph of the facts."""
        return {"KG_QUERY_URL": self.query_url, "KG_UPDATE_URL": self.update_url,
                "KG_GSP_URL": self.gsp_url, "KG_FACTS_GRAPH": self.default_graph}

    def isql(self, sql: str) -> str:
        """Run SQL as dba; its output (fails on a Virtuoso error)."""
        return _isql(self.sql_port, sql)

    def graphs(self) -> set[str]:
        """Every graph that holds a triple, Virtuoso's own included."""
        return _graphs(self.query_url)

    def wipe(self) -> None:
        """Back to the fresh database: every graph but Virtuoso's own dropped."""
        extra = sorted(self.graphs() - self.system_graphs)
        if extra:
            body = " ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in extra).encode("utf-8")
            request = urllib.request.Request(self.update_url, data=body, method="POST",
                                             headers={"Content-Type": "application/sparql-update"})
            with urllib.request.urlopen(request, timeout=60) as response:
                response.read()


def virtuoso_binary() -> str:
    found = shutil.which("virtuoso-t")
    if not found or not shutil.which("isql-vt"):
        missing = ("Virtuoso is not installed (virtuoso-t and isql-vt: "
                   "apt-get install virtuoso-opensource-7-bin)")
        if os.environ.get("CI"):
            pytest.fail(f"CI needs Virtuoso: {missing}")
        pytest.skip(missing)
    return found


def _graphs(query_url: str) -> set[str]:
    # a form POST: Virtuoso never answers a body sent as application/sparql-query;
    # GROUP BY: Virtuoso takes 100 times longer over DISTINCT ?g
    body = urllib.parse.urlencode({"query": "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"}).encode("ascii")
    request = urllib.request.Request(query_url, data=body, method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded",
                                              "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        rows = json.loads(response.read())["results"]["bindings"]
    return {row["g"]["value"] for row in rows if "g" in row}


def _isql(port: int, sql: str) -> str:
    done = subprocess.run(["isql-vt", f"127.0.0.1:{port}", "dba", "dba", f"exec={sql}"],
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    output = done.stdout + done.stderr
    if done.returncode != 0 or "*** Error" in output:
        raise AssertionError(f"isql-vt {sql!r} failed: {output.strip()}")
    return output


def _two_free_ports() -> tuple[int, int]:
    first = free_port()
    while (second := free_port()) == first:
        pass
    return first, second


def _log_tail(folder: Path) -> str:
    text = ""
    for name in ("output.log", "virtuoso.log"):
        path = folder / name
        if path.is_file():
            text += path.read_text(errors="replace")[-2000:]
    return text


def _wait_until_answering(process: subprocess.Popen, url: str, folder: Path, seconds: float = 60) -> None:
    """Return once the SPARQL endpoint answers a query; fail if the process
    dies or time runs out."""
    probe = url + "/sparql?" + urllib.parse.urlencode({"query": "ASK {}"})
    deadline = time.monotonic() + seconds
    while True:
        if process.poll() is not None:
            raise AssertionError(f"virtuoso-t stopped: {_log_tail(folder)}")
        try:
            with urllib.request.urlopen(probe, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        assert time.monotonic() < deadline, f"Virtuoso did not answer within {seconds:.0f} s: {_log_tail(folder)}"
        time.sleep(0.1)


@contextlib.contextmanager
def virtuoso_server(folder: Path) -> Iterator[Virtuoso]:
    """A running Virtuoso over a new database in ``folder`` (made; removed
    after), with SPARQL updates and the Graph Store Protocol open to
    anonymous loopback clients."""
    binary = virtuoso_binary()
    folder = Path(folder).resolve()
    folder.mkdir(parents=True)
    sql_port, http_port = _two_free_ports()
    (folder / "virtuoso.ini").write_text(_INI.format(folder=folder, sql_port=sql_port, http_port=http_port))
    url = f"http://127.0.0.1:{http_port}"
    with (folder / "output.log").open("wb") as output:
        # Its output goes to a file, not a pipe that nobody reads and that could fill.
        process = subprocess.Popen([binary, "+foreground", "+configfile", str(folder / "virtuoso.ini")],
                                   cwd=folder, stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT)
    try:
        _wait_until_answering(process, url, folder)
        _isql(sql_port, 'GRANT SPARQL_UPDATE TO "SPARQL";')
        query_url = f"{url}/sparql"
        yield Virtuoso(
            url=url, query_url=query_url, update_url=query_url, gsp_url=f"{url}/sparql-graph-crud",
            default_graph=VIRTUOSO_DEFAULT_GRAPH,
            default_query_url=f"{query_url}?" + urllib.parse.urlencode({"default-graph-uri": VIRTUOSO_DEFAULT_GRAPH}),
            sql_port=sql_port, folder=folder, system_graphs=frozenset(_graphs(query_url)))
    finally:
        process.terminate()     # SIGTERM: Virtuoso's quick shutdown, well under a second
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory) -> Iterator[Virtuoso]:
    """One Virtuoso for the session (see ``Virtuoso``); tests share its
    database, so each should use graphs of its own or clean up."""
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso") / "db") as server:
        yield server


@pytest.fixture()
def virtuoso_env(virtuoso, monkeypatch) -> Virtuoso:
    """The session's Virtuoso, with KG_QUERY_URL, KG_UPDATE_URL, KG_GSP_URL
    and KG_FACTS_GRAPH set for this test, so ``RemoteStore(virtuoso.url)``
    and ``kg --store URL`` use its endpoints and its facts graph."""
    for name, value in virtuoso.environ().items():
        monkeypatch.setenv(name, value)
    return virtuoso


@pytest.fixture()
def fresh_virtuoso(virtuoso_env) -> Iterator[Virtuoso]:
    """``virtuoso_env`` over an empty store: whatever earlier tests left
    (Virtuoso's own graphs aside) is dropped before the test, and what it
    leaves is dropped after."""
    virtuoso_env.wipe()
    yield virtuoso_env
    virtuoso_env.wipe()
