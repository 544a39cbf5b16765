"""A load killed at any moment leaves facts and provenance consistent.

A store holds the first version of 120 overlapping sources; a second version
(half of them changed, some new) is loaded by ``kg load`` in a child process
that is killed with SIGKILL at points spread over the load. After each kill:
every fact is stated by a published source, every published source's
statements are facts, and each source holds exactly its old or its new
version, never a mix. The next write drops what the killed one left
unpublished."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.store import EmbeddedStore

KG = str(Path(sys.executable).with_name("kg"))
SOURCES = 120
SHARED = 120        # facts every source states (labels of the bodies they all name)
OWN = 150           # facts only one source states
KILLS = 5

FACT_WITHOUT_SOURCE = """SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o
  FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o . ?g party:contentHash ?h } } }"""
SOURCE_WITHOUT_FACT = """SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g party:contentHash ?h . ?s ?p ?o }
  FILTER(?p != party:contentHash) FILTER NOT EXISTS { ?s ?p ?o } }"""


def graph_name(i: int) -> str:
    return f"https://example.org/source/{i}"


def version(i: int, v: int) -> list[ox.Triple]:
    """What source ``i`` states in version ``v``: the shared facts, and its
    own (which change in v2 for every other source)."""
    own = v if i % 2 == 0 else 1
    shared = [ox.Triple(ox.NamedNode(f"https://example.org/body/{k}"), ox.NamedNode("https://example.org/label"),
                        ox.Literal(f"body {k}")) for k in range(SHARED)]
    return shared + [ox.Triple(ox.NamedNode(f"https://example.org/fact/{i}/{k}"),
                               ox.NamedNode("https://example.org/value"), ox.Literal(f"v{own}"))
                     for k in range(OWN)]


def write_version(path: Path, v: int, sources: range) -> None:
    ox.serialize((ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(graph_name(i)))
                  for i in sources for t in version(i, v)), str(path), ox.RdfFormat.N_QUADS)


def count(store: EmbeddedStore, query: str) -> int:
    return int(store.select(query)[0]["n"])


def check_consistent(store: EmbeddedStore) -> dict[str, int]:
    """The invariants of kg.facts; each published source's version (1 or 2)."""
    assert count(store, FACT_WITHOUT_SOURCE) == 0, "a fact that no published source states"
    assert count(store, SOURCE_WITHOUT_FACT) == 0, "a published source's statement missing from the facts"
    versions = {}
    for graph in store.published():
        if not graph.startswith("https://example.org/source/"):
            continue
        i = int(graph.rsplit("/", 1)[1])
        got = {q for q in store._store.quads_for_pattern(None, None, None, ox.NamedNode(graph))
               if q.predicate.value != "https://w3id.org/party-kg/def#contentHash"}
        for v in (1, 2):
            if got == {ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(graph)) for t in version(i, v)}:
                versions[graph] = v
                break
        else:
            raise AssertionError(f"{graph} holds neither its old nor its new version")
    return versions


@pytest.fixture(scope="module")
def first_version(tmp_path_factory) -> tuple[Path, Path, float]:
    """A store with version 1 of the sources, the version-2 file, and how long
    an uninterrupted load of it takes."""
    folder = tmp_path_factory.mktemp("faults")
    write_version(folder / "v1.nq", 1, range(SOURCES))
    # version 2: the same sources, changed, and a quarter more that are new
    write_version(folder / "v2.nq", 2, range(SOURCES + SOURCES // 4))
    base = folder / "base"
    subprocess.run([KG, "--store", str(base), "load", str(folder / "v1.nq")], check=True, capture_output=True)
    trial = folder / "trial"
    shutil.copytree(base, trial)
    started = time.monotonic()
    subprocess.run([KG, "--store", str(trial), "load", str(folder / "v2.nq")], check=True, capture_output=True)
    return base, folder / "v2.nq", time.monotonic() - started


@pytest.mark.parametrize("at", [(k + 0.5) / KILLS for k in range(KILLS)])
def test_a_killed_load_leaves_every_source_old_or_new(first_version, tmp_path, at):
    base, v2, seconds = first_version
    store_path = tmp_path / "store"
    shutil.copytree(base, store_path)
    # a killed load cannot remove its spool folder: keep it in this test's own folder
    spool = tmp_path / "tmp"
    spool.mkdir()
    process = subprocess.Popen([KG, "--store", str(store_path), "load", str(v2)], env={**os.environ, "TMPDIR": str(spool)},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(at * seconds)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    with EmbeddedStore(store_path, read_only=True) as reader:
        versions = check_consistent(reader)
    # a source of version 1 that version 2 left alone is still there, whatever happened
    assert all(versions.get(graph_name(i)) == 1 for i in range(1, SOURCES, 2))
    with EmbeddedStore(store_path) as store:
        store.repair()
        assert store.named_graphs(include_staging=True) == sorted(store.published())
        check_consistent(store)
    # and the load, run again, completes
    subprocess.run([KG, "--store", str(store_path), "load", str(v2)], check=True, capture_output=True)
    with EmbeddedStore(store_path, read_only=True) as store:
        versions = check_consistent(store)
    assert len(versions) == SOURCES + SOURCES // 4
    assert all(versions[graph_name(i)] == (2 if i % 2 == 0 else 1) for i in range(SOURCES + SOURCES // 4))
