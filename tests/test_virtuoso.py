"""``kg --store URL`` on Virtuoso 7: the merged facts in the named graph
KG_FACTS_GRAPH (Virtuoso has no default graph of its own), each source in
its graph, and the same end-to-end checks as tests/test_sources.py (one set
of facts however many outlets state them, provenance per outlet, removal
and reload that take a fact away only when no other source states it).

One Virtuoso for the session (tests/virtuoso_fixtures.py), emptied before
each test; skipped when Virtuoso is not installed."""
from __future__ import annotations

import io
import json
import shlex

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import test_sources
from cookbook_fixtures import cookbook_graphs, cookbook_store
from kg import facts
from kg.errors import QueryError, StoreError
from kg.queries import named_queries, run
from kg.remote import RemoteStore
from kg_cli.main import main
from virtuoso_fixtures import fresh_virtuoso, virtuoso, virtuoso_env  # noqa: F401 (fixtures)

pytestmark = pytest.mark.server

# Named queries that Virtuoso answers differently from pyoxigraph, and why.
# GROUP_CONCAT gives a plain string where pyoxigraph keeps the language tag
# its values share (the text is the same):
LANGUAGE_TAG_DROPPED = {"delegations", "reform-2025-successors"}
# Virtuoso's SQL compiler fails on MINUS { SELECT … ?x schema:containedInPlace+ … }:
# "SQ200: No column s_24_33_t11.unitNode" (a Virtuoso bug, with or without the facts graph)
VIRTUOSO_FAILS = {"units-without-activity"}


@pytest.fixture()
def kg(fresh_virtuoso):
    """``kg --store URL …`` in-process against an empty Virtuoso (the
    fixture tests/test_sources.py's checks use)."""
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, ["--store", fresh_virtuoso.url, *args], catch_exceptions=False)
    return invoke


# The end-to-end checks of tests/test_sources.py, run here with the `kg` above.
test_the_seed_from_several_outlets_is_one_set_of_facts = \
    test_sources.test_the_seed_from_several_outlets_is_one_set_of_facts
test_an_unknown_source_removes_nothing = test_sources.test_an_unknown_source_removes_nothing
test_reloading_a_source_drops_a_fact_only_when_no_other_states_it = \
    test_sources.test_reloading_a_source_drops_a_fact_only_when_no_other_states_it


test_removing_a_source_takes_only_what_no_other_source_states = \
    test_sources.test_removing_a_source_takes_only_what_no_other_source_states
test_reports_that_differ_in_detail_are_one_activity = test_sources.test_reports_that_differ_in_detail_are_one_activity
test_a_report_loaded_later_joins_the_event_already_known = \
    test_sources.test_a_report_loaded_later_joins_the_event_already_known
test_the_membership_table_has_a_row_per_holding_whatever_its_sources = \
    test_sources.test_the_membership_table_has_a_row_per_holding_whatever_its_sources
test_a_career_path_has_a_row_per_holding_whatever_its_sources = \
    test_sources.test_a_career_path_has_a_row_per_holding_whatever_its_sources
test_a_late_attestation_is_laid_at_the_source_that_makes_it = \
    test_sources.test_a_late_attestation_is_laid_at_the_source_that_makes_it
test_the_activity_table_has_a_row_per_event_whatever_its_reports_say = \
    test_sources.test_the_activity_table_has_a_row_per_event_whatever_its_reports_say


def test_the_facts_graph_holds_exactly_what_the_sources_state(kg, tmp_path, fresh_virtuoso):
    assert kg("load", *test_sources.outlets(tmp_path, 2)).exit_code == 0
    assert kg("remove", str(tmp_path / "news")).exit_code == 0
    # what is left is the vocabulary: the facts graph holds exactly what it states
    store = RemoteStore(fresh_virtuoso.url)
    (vocabulary,) = store.named_graphs()
    assert len(store) == 2 * len(list(store._graph_triples(vocabulary))) - 1   # its hash is not a fact


@pytest.fixture(scope="module")
def embedded(tmp_path_factory):
    store = cookbook_store(tmp_path_factory.mktemp("embedded") / "store")
    yield store
    store.close()


@pytest.fixture()
def loaded(fresh_virtuoso) -> RemoteStore:
    store = RemoteStore(fresh_virtuoso.url)
    assert {c.status for c in store.replace_graphs(cookbook_graphs())} == {"added"}
    return store


def table(results, *, terms: bool = True) -> list[tuple]:
    names = [v.value for v in results.variables]
    return sorted(tuple("" if row[n] is None else str(row[n]) if terms else row[n].value for n in names)
                  for row in results)


def test_the_store_holds_what_the_embedded_one_does(loaded, embedded, fresh_virtuoso):
    # only kg's graphs: not Virtuoso's own, not the facts graph
    assert loaded.named_graphs() == embedded.named_graphs()
    assert fresh_virtuoso.system_graphs and not set(loaded.named_graphs()) & fresh_virtuoso.system_graphs
    assert fresh_virtuoso.default_graph in fresh_virtuoso.graphs()
    assert len(loaded) == len(embedded)
    assert sorted(map(str, loaded.facts())) == sorted(map(str, embedded.facts()))
    assert sorted(map(str, loaded.quads())) == sorted(map(str, embedded.quads()))
    remote, local = io.BytesIO(), io.BytesIO()
    loaded.dump(remote, ox.RdfFormat.N_TRIPLES)
    embedded.dump(local, ox.RdfFormat.N_TRIPLES)
    assert sorted(remote.getvalue().splitlines()) == sorted(local.getvalue().splitlines())
    graph = loaded.named_graphs()[0]
    assert loaded.stored_hash(graph) == embedded.stored_hash(graph) and loaded.has_graph(graph)
    assert loaded.published() == embedded.published()
    # a plain query counts each fact once (the facts graph, not every graph as a bag)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert loaded.select(count) == embedded.select(count)


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_named_queries_give_the_same_rows_as_the_embedded_store(loaded, embedded, name):
    query = named_queries()[name]
    args = shlex.split(query.example)
    params = dict(args[i + 1].split("=", 1) for i, a in enumerate(args) if a == "--param")
    if name in VIRTUOSO_FAILS:
        with pytest.raises(StoreError, match="SQ200"):
            run(loaded, name, params)
        return
    terms = name not in LANGUAGE_TAG_DROPPED
    assert table(run(loaded, name, params), terms=terms) == table(run(embedded, name, params), terms=terms)


def test_reads_ask_for_what_virtuoso_answers(loaded):
    assert isinstance(loaded.query("ASK { ?s a party:Official }"), ox.QueryBoolean)
    triples = loaded.query("CONSTRUCT { ?s a party:Official } WHERE { ?s a party:Official }")
    assert isinstance(triples, ox.QueryTriples) and len(list(triples)) == 4
    value = '"} ; DROP ALL ; {\n'
    rows = loaded.query("SELECT ?v WHERE { }", {"v": ox.Literal(value)})
    assert [row["v"].value for row in rows] == [value]
    with pytest.raises(QueryError, match="malformed query"):
        loaded.query("SELECT ?s WHERE { ?s ?p }")


def test_provenance_by_graph_variable_works_a_constant_graph_does_not(loaded):
    """With the facts graph as the default graph of a query, Virtuoso still
    matches GRAPH ?g over every graph, but reads GRAPH <iri> as an empty
    group: no rows for SELECT, one for COUNT, true for ASK. kg's own
    queries bind the graph with VALUES; a user's query must do the same."""
    (graph,) = [g for g in loaded.named_graphs() if "cookbook" in g]
    by_variable = f"SELECT ?s WHERE {{ VALUES ?g {{ <{graph}> }} GRAPH ?g {{ ?s prov:wasDerivedFrom ?g }} }}"
    assert loaded.select(by_variable)
    assert not loaded.select(f"SELECT ?s WHERE {{ GRAPH <{graph}> {{ ?s prov:wasDerivedFrom <{graph}> }} }}")
    assert bool(loaded.query(f"ASK {{ GRAPH <{graph}> {{ ?s <http://example.org/nothing> ?o }} }}"))   # sic
    assert loaded.stored_hash(graph) and loaded.stored_hash("http://example.org/nothing") is None


def test_a_write_cut_short_leaves_only_staging_graphs(fresh_virtuoso, monkeypatch):
    """Each graph goes to its staging graph first, so what a failed write
    leaves is a staging graph that repair finds and drops; Virtuoso's own
    graphs are never the unpublished graphs repair drops."""
    store = RemoteStore(fresh_virtuoso.url)
    graphs = {f"http://example.org/g{i}": [ox.Triple(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"),
                                                      ox.Literal(str(i)))] for i in range(3)}
    real_send, sent = store._send, []

    def failing_send(method, url, *args, **kwargs):
        if len(sent) == 1:
            raise StoreError("the SPARQL store at 127.0.0.1 failed (writing graph): HTTP 500")
        sent.append(url)
        return real_send(method, url, *args, **kwargs)
    monkeypatch.setattr(store, "_send", failing_send)
    monkeypatch.setattr(store, "repair", lambda: [])   # as if killed: nothing cleans up
    with pytest.raises(StoreError, match="sources published: none"):
        store.replace_graphs(graphs)
    monkeypatch.undo()
    assert not store.select("SELECT ?o WHERE { <http://x/s> <http://x/p> ?o }")
    assert store.named_graphs() == []
    assert store.repair() == [facts.staging_graph("http://example.org/g0")]
    assert fresh_virtuoso.graphs() == set(fresh_virtuoso.system_graphs)
    assert store.replace_graphs(graphs)[0].status == "added"
    assert sorted(row["o"] for row in store.select("SELECT ?o WHERE { <http://x/s> <http://x/p> ?o }")) == \
        ["0", "1", "2"]


def test_bulk_load_of_a_quad_file_replaces_its_graphs(fresh_virtuoso, tmp_path):
    store = RemoteStore(fresh_virtuoso.url)
    quads = [ox.Quad(ox.NamedNode(f"http://x/s{i}"), ox.NamedNode("http://x/p"), ox.Literal(str(i % 5)),
                     ox.NamedNode(f"http://example.org/bulk{i % 3}")) for i in range(30)]
    path = tmp_path / "bulk.nq"
    ox.serialize(quads, str(path), ox.RdfFormat.N_QUADS)
    graphs = {f"http://example.org/bulk{i}": 10 for i in range(3)}
    hashes = dict.fromkeys(graphs, "digest")
    for expected in ("added", "unchanged"):
        changes = store.replace_graphs_from_file(path, ox.RdfFormat.N_QUADS, graphs, hashes)
        assert {c.status for c in changes} == {expected}
    changes = store.replace_graphs_from_file(path, ox.RdfFormat.N_QUADS, graphs, dict.fromkeys(graphs, "other"))
    assert {c.status for c in changes} == {"replaced"}
    got = [q for q in store.quads() if isinstance(q.graph_name, ox.NamedNode) and q.predicate != facts.HASH]
    assert sorted(map(str, got)) == sorted(map(str, quads))
    assert store.stored_hash("http://example.org/bulk0") == "other"
    assert len(store.select("SELECT ?s ?o WHERE { ?s <http://x/p> ?o }")) == 30
    # a new version that states less, from a triple file: what it no longer states leaves the facts
    lines = [f"<http://x/s{i}> <http://x/p> \"{i % 5}\" ." for i in range(0, 30, 3)]
    single = tmp_path / "bulk0.nt"
    single.write_text("\n".join(lines[:2]) + "\n")
    store.replace_graphs_from_file(single, ox.RdfFormat.N_TRIPLES, {"http://example.org/bulk0": 2},
                                   {"http://example.org/bulk0": "fewer"})
    assert len(store.select("SELECT ?s ?o WHERE { ?s <http://x/p> ?o }")) == 22
    assert store.remove_graphs([f"http://example.org/bulk{i}" for i in range(3)]) == sorted(graphs)
    assert not store.select("SELECT ?o WHERE { ?s <http://x/p> ?o }")
    assert store.named_graphs(include_staging=True) == [] and len(store) == 0
    assert list(store.facts()) == []


def test_without_a_facts_graph_virtuoso_is_named_with_what_to_set(fresh_virtuoso, monkeypatch):
    RemoteStore(fresh_virtuoso.url).replace_graphs(cookbook_graphs())
    monkeypatch.delenv("KG_FACTS_GRAPH")
    store = RemoteStore(fresh_virtuoso.url)
    # reads: every graph is the default graph there (a union, as a bag)
    with pytest.raises(StoreError) as info:
        store.query("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    assert "union" in str(info.value) and "KG_FACTS_GRAPH" in info.value.hint
    # writes: an update template without GRAPH is refused
    graph = {"http://example.org/other": [ox.Triple(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"),
                                                    ox.Literal("o"))]}
    with pytest.raises(StoreError) as info:
        store.replace_graphs(graph)
    assert "KG_FACTS_GRAPH" in info.value.hint


def test_the_facts_graph_must_be_an_iri(fresh_virtuoso):
    with pytest.raises(StoreError, match="KG_FACTS_GRAPH"):
        RemoteStore(fresh_virtuoso.url, facts_graph="not an iri")
