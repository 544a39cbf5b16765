"""A write killed at any moment leaves facts and provenance consistent.

A store holds the first version of 48 overlapping sources. In a child
process, ``kg load`` adds new sources, or replaces them with a second version
(half of them changed, some new), or ``kg remove`` takes some out; the child
is killed (SIGKILL, and some SIGTERM) at a random moment of the write. After
each kill the whole store is checked: every fact is stated by a published
source, every published source's statements are facts, each source holds
exactly its old or its new version (or, added or removed, is absent or
whole), the vocabulary is intact. Then the next write leaves no staging
graph and no scratch folder, and completes the work.

The kill points are drawn from a seeded generator: KG_FAULT_SEED repeats a
run (a failure prints its seed); KG_FAULT_KILLS sets how many kills (the
default keeps the file quick; 60 is a full run)."""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import identity
from kg.load import vocabulary_graph
from kg.store import EmbeddedStore

KG = str(Path(sys.executable).with_name("kg"))
SOURCES = 48
ADDED = range(SOURCES, SOURCES + SOURCES // 4)     # sources that only the second version has
REMOVED = range(0, SOURCES, 3)                      # sources that ``kg remove`` takes out
SHARED = 60         # facts every source states (labels of the bodies they all name)
OWN = 100           # facts only one source states
KILLS = int(os.environ.get("KG_FAULT_KILLS", "6"))
SEED = int(os.environ.get("KG_FAULT_SEED", random.SystemRandom().randrange(1 << 30)))
SCENARIOS = ("add", "replace", "remove")

FACT_WITHOUT_SOURCE = """SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o
  FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o . ?g party:contentHash ?h } } }"""
SOURCE_WITHOUT_FACT = """SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g party:contentHash ?h . ?s ?p ?o }
  FILTER(?p != party:contentHash) FILTER NOT EXISTS { ?s ?p ?o } }"""


def graph_name(i: int) -> str:
    return f"https://example.org/source/{i}"


def version(i: int, v: int) -> list[ox.Triple]:
    """What source ``i`` states in version ``v``: the shared facts, and its
    own (which change in v2 for every other source); the even sources of
    version 2 also stop stating some shared facts that others keep."""
    own = v if i % 2 == 0 else 1
    shared = range(SHARED - 5 if own == 2 else SHARED)
    return [ox.Triple(ox.NamedNode(f"https://example.org/body/{k}"), ox.NamedNode("https://example.org/label"),
                      ox.Literal(f"body {k}")) for k in shared] + \
        [ox.Triple(ox.NamedNode(f"https://example.org/fact/{i}/{k}"),
                   ox.NamedNode("https://example.org/value"), ox.Literal(f"v{own}")) for k in range(OWN)]


def write_version(path: Path, v: int, sources) -> Path:
    ox.serialize((ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(graph_name(i)))
                  for i in sources for t in version(i, v)), str(path), ox.RdfFormat.N_QUADS)
    return path


def count(store: EmbeddedStore, query: str) -> int:
    return int(store.select(query)[0]["n"])


def check_consistent(store: EmbeddedStore) -> dict[int, int]:
    """The invariants of kg.facts and an intact vocabulary; each published
    example source's version (1 or 2)."""
    assert count(store, FACT_WITHOUT_SOURCE) == 0, "a fact that no published source states"
    assert count(store, SOURCE_WITHOUT_FACT) == 0, "a published source's statement missing from the facts"
    vocabulary = vocabulary_graph()
    assert store.stored_hash(identity.VOCAB_GRAPH) == vocabulary.digest, "the vocabulary is not published"
    assert sum(1 for _ in store._store.quads_for_pattern(None, None, None, ox.NamedNode(identity.VOCAB_GRAPH))) \
        == len(set(vocabulary.triples)) + 1, "the vocabulary graph is not whole"
    versions = {}
    for graph in store.published():
        if not graph.startswith("https://example.org/source/"):
            continue
        i = int(graph.rsplit("/", 1)[1])
        got = {q for q in store._store.quads_for_pattern(None, None, None, ox.NamedNode(graph))
               if q.predicate.value != "https://w3id.org/party-kg/def#contentHash"}
        for v in (1, 2):
            if got == {ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(graph)) for t in version(i, v)}:
                versions[i] = v
                break
        else:
            raise AssertionError(f"{graph} holds neither its old nor its new version")
    return versions


def allowed(scenario: str, versions: dict[int, int], *, complete: bool) -> None:
    """Each source as the scenario may leave it: killed, old or new; complete, new."""
    for i in range(SOURCES + len(ADDED)):
        got = versions.get(i)
        new = 2 if i % 2 == 0 else 1    # an odd source's second version is its first
        if scenario == "add":
            want = {1} if i < SOURCES else ({new} if complete else {None, new})
        elif scenario == "replace":
            want = {new} if complete else ({None, new} if i >= SOURCES else {1, new})
        else:
            want = {1} if i not in REMOVED and i < SOURCES else (
                {None} if complete else {None, 1} if i < SOURCES else {None})
        assert got in want, f"source {i} holds {got}, expected one of {want}"


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> dict:
    """A store with version 1 of the sources, the inputs of each scenario,
    and how long each takes uninterrupted."""
    folder = tmp_path_factory.mktemp("faults")
    base = folder / "base"
    v1 = write_version(folder / "v1.nq", 1, range(SOURCES))
    subprocess.run([KG, "--store", str(base), "load", str(v1)], check=True, capture_output=True)
    commands = {
        "add": ["load", str(write_version(folder / "added.nq", 2, ADDED))],
        "replace": ["load", str(write_version(folder / "v2.nq", 2, range(SOURCES + len(ADDED))))],
        "remove": ["remove", str(write_version(folder / "removed.nq", 1, REMOVED))],
    }
    seconds = {}
    for scenario, command in commands.items():
        trial = folder / f"trial-{scenario}"
        shutil.copytree(base, trial)
        started = time.monotonic()
        subprocess.run([KG, "--store", str(trial), *command], check=True, capture_output=True)
        seconds[scenario] = time.monotonic() - started
        with EmbeddedStore(trial, read_only=True) as store:
            allowed(scenario, check_consistent(store), complete=True)
    return {"base": base, "commands": commands, "seconds": seconds}


def kill_points() -> list[tuple[str, int, float]]:
    """(scenario, signal, share of the uninterrupted run) for each kill: the
    scenarios in turn, every third round of them by SIGTERM."""
    rng = random.Random(SEED)
    return [(SCENARIOS[k % 3], signal.SIGTERM if k // 3 % 3 == 1 else signal.SIGKILL, rng.uniform(0.05, 0.9))
            for k in range(KILLS)]


def _state(scenario: str, versions: dict[int, int]) -> str:
    """"as before", "complete" or "part-way" (each source whole): for the figures of a run."""
    try:
        allowed(scenario, versions, complete=True)
        return "complete"
    except AssertionError:
        return "as before" if versions == {i: 1 for i in range(SOURCES)} else "part-way"


def scratch_folders(tmp: Path) -> list[str]:
    return sorted(p.name for p in tmp.iterdir())


@pytest.mark.parametrize("scenario, signum, at", kill_points(),
                         ids=[f"{s}-{signal.Signals(n).name}-{a:.2f}" for s, n, a in kill_points()])
def test_a_killed_write_leaves_every_source_old_or_new(world, tmp_path, scenario, signum, at):
    context = f"(KG_FAULT_SEED={SEED}, {scenario}, {signal.Signals(signum).name} at {at:.2f} of the run)"
    store_path = tmp_path / "store"
    shutil.copytree(world["base"], store_path)
    # a killed write's scratch folders go to this test's own folder
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp)}
    command = [KG, "--store", str(store_path), *world["commands"][scenario]]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(at * world["seconds"][scenario])
    process.send_signal(signum)
    _, stderr = process.communicate()
    if signum == signal.SIGTERM:
        # stopped cleanly (143), finished first (0), or ended while Python
        # was still starting, before kg had begun (-15): no traceback, no
        # scratch folder left
        assert b"Traceback" not in stderr, f"{context}\n{stderr.decode()}"
        assert process.returncode in (0, 143, -signal.SIGTERM), \
            f"{context}: exit {process.returncode}\n{stderr.decode()}"
        assert scratch_folders(tmp) == [], context
    try:
        with EmbeddedStore(store_path, read_only=True) as reader:
            versions = check_consistent(reader)
        allowed(scenario, versions, complete=False)
        print(f"{context}: exit {process.returncode}, store {_state(scenario, versions)}")
        # the command, run again, completes; nothing of the killed one is left
        # (the finished remove has nothing left to remove: that is the refusal)
        again = subprocess.run(command, env=env, capture_output=True)
        assert again.returncode == 0 or (scenario == "remove" and b"no such source" in again.stderr), \
            again.stderr.decode()
        assert scratch_folders(tmp) == [], "a scratch folder of the killed write is left"
        with EmbeddedStore(store_path) as store:
            store.repair()   # for a remove that was refused: the next write cleans up too
            assert store.named_graphs(include_staging=True) == sorted(store.published()), "a staging graph is left"
            allowed(scenario, check_consistent(store), complete=True)
    except AssertionError as exc:
        raise AssertionError(f"{context}: {exc}") from None


def test_a_reader_during_a_replacement_sees_each_source_old_or_new(world, tmp_path):
    """Another process opening the store while the replacement runs sees a
    whole state every time (never, say, a source's graph empty)."""
    store_path = tmp_path / "store"
    shutil.copytree(world["base"], store_path)
    process = subprocess.Popen([KG, "--store", str(store_path), *world["commands"]["replace"]],
                               env={**os.environ, "TMPDIR": str(tmp_path)},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    looks = 0
    while process.poll() is None or looks == 0:
        with EmbeddedStore(store_path, read_only=True) as reader:
            allowed("replace", check_consistent(reader), complete=False)
        looks += 1
    assert process.wait() == 0
    assert looks >= 2


def test_the_next_write_removes_a_dead_process_scratch_folder_and_keeps_a_live_one(tmp_path, monkeypatch):
    from kg import scratch
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)
    with scratch.folder("live") as live:
        # a process that dies (as by SIGKILL) while its folder is in use
        subprocess.run([sys.executable, "-c", "import os\nfrom kg import scratch\n"
                        "held = scratch.folder('dead')\nheld.__enter__()\nos._exit(9)"], check=False)
        assert len(scratch_folders(tmp_path)) == 2
        assert [p.name.startswith("kg-scratch-dead-") for p in scratch.sweep()] == [True]
        assert scratch_folders(tmp_path) == [live.name]
    assert scratch_folders(tmp_path) == []
