"""RemoteStore against a real oxigraph server: loads are idempotent, reads
agree with the embedded store, parameters are bound and never pasted, and
failures say what happened."""
from __future__ import annotations

import re
import shlex
import urllib.parse

import pyoxigraph as ox
import pytest

from cookbook_fixtures import AN, cookbook_graphs, cookbook_store
from kg.errors import QueryError, StoreError
from kg.queries import named_queries, run
from kg.remote import RemoteStore, bind_values
from kg.serve import free_port
from oxigraph_fixtures import oxigraph_server

pytestmark = pytest.mark.server

HOSTILE = ['"', "'", "}", "{", "\\", "\n", '"} ; DROP ALL ; {', "\"\"\" } } DROP ALL", "?name", "#", "<x>"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph") / "db") as url:
        yield url


@pytest.fixture(scope="module")
def loaded(server):
    store = RemoteStore(server)
    store.replace_graphs(cookbook_graphs())
    return store


@pytest.fixture(scope="module")
def embedded(tmp_path_factory):
    store = cookbook_store(tmp_path_factory.mktemp("embedded") / "store")
    yield store
    store.close()


def table(results) -> list[tuple]:
    names = [v.value for v in results.variables]
    return sorted(tuple("" if row[n] is None else str(row[n]) for n in names) for row in results)


def test_load_is_idempotent_and_replaces_whole_graphs(server):
    store = RemoteStore(server)
    graphs = cookbook_graphs()
    first = store.replace_graphs(graphs)
    assert {c.status for c in first} <= {"added", "replaced"}
    size = len(store)
    again = store.replace_graphs(graphs)
    assert {c.status for c in again} == {"unchanged"}
    assert len(store) == size
    assert set(graphs) <= set(store.named_graphs())
    # replacing a graph with fewer triples leaves exactly those
    name = next(iter(graphs))
    store.replace_graphs({name: graphs[name][:10]})
    assert sum(1 for q in store.quads() if q.graph_name == ox.NamedNode(name)) == 10 + 1   # + its hash
    store.replace_graphs(graphs)
    assert len(store) == size


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_named_queries_give_the_same_rows_as_the_embedded_store(loaded, embedded, name):
    query = named_queries()[name]
    args = shlex.split(query.example)
    params = dict(args[i + 1].split("=", 1) for i, a in enumerate(args) if a == "--param")
    assert table(run(loaded, name, params)) == table(run(embedded, name, params))


def test_lookups_with_bound_values_agree(loaded, embedded):
    for name, params in [("career-path", {"name": AN}), ("units-without-activity", {"province": "tỉnh Alpha", "year": "2022"}),
                         ("directive-lineage", {"code": "05-CT/TW"}), ("concurrent-posts-on-date", {"date": "2022-06-01"})]:
        remote = table(run(loaded, name, params))
        assert remote and remote == table(run(embedded, name, params))
    assert len(loaded) == len(embedded)
    assert loaded.select("SELECT ?n WHERE { ?p foaf:name ?n } ORDER BY ?n LIMIT 3") == \
        embedded.select("SELECT ?n WHERE { ?p foaf:name ?n } ORDER BY ?n LIMIT 3")


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_are_bound_not_pasted(loaded, value):
    size = len(loaded)
    assert table(run(loaded, "career-path", {"name": value})) == []
    assert table(run(loaded, "documents-about", {"words": value})) == []
    # the value comes back exactly as given: it was a literal, not query text
    results = loaded.query("SELECT ?v ?iri WHERE { }", {"v": ox.Literal(value), "iri": ox.NamedNode("http://x/")})
    assert [(row["v"].value, row["iri"].value) for row in results] == [(value, "http://x/")]
    assert len(loaded) == size


def test_values_go_into_every_where_group():
    text = bind_values('SELECT ?x { ?s ?p "{ SELECT }" . { SELECT ?s { ?s ?q ?x } } } # {', {"x": ox.Literal("a")})
    assert text.count('VALUES (?x) { ("a") }') == 2
    with pytest.raises(QueryError, match="not a SPARQL variable"):
        bind_values("SELECT ?x {}", {"x } DROP ALL {": ox.Literal("a")})
    with pytest.raises(QueryError, match="long form"):
        bind_values("CONSTRUCT WHERE { ?s ?p ?x }", {"x": ox.Literal("a")})


def test_construct_and_ask_give_pyoxigraph_types(loaded):
    assert isinstance(loaded.query("ASK { ?s a party:Official }"), ox.QueryBoolean)
    triples = loaded.query("CONSTRUCT { ?s a party:Official } WHERE { ?s a party:Official }")
    assert isinstance(triples, ox.QueryTriples) and len(list(triples)) == 4


def test_malformed_query_reports_line_and_column(loaded):
    with pytest.raises(QueryError) as info:
        loaded.query("SELECT ?s\nWHERE { ?s ?p }")
    assert re.search(r"\b2:\d+", str(info.value)), str(info.value)
    with pytest.raises(QueryError) as info:
        loaded.query("SELECT ?s WHERE { ?s ?p }")
    # line 1's column is the user's, not shifted by the prefixes sent before it
    assert re.search(r"\b1:(2[0-9])\b", str(info.value)), str(info.value)


def test_unreachable_server_gives_a_clear_error():
    port = free_port()
    store = RemoteStore(f"http://127.0.0.1:{port}")
    with pytest.raises(StoreError) as info:
        store.query("ASK {}")
    assert f"127.0.0.1:{port}" in str(info.value) and "cannot reach" in str(info.value)
    assert "KG_STORE" in str(info.value)


def test_credentials_never_come_from_the_url():
    with pytest.raises(StoreError, match="carries credentials"):
        RemoteStore("http://user:secret@127.0.0.1:1/ds")


def test_read_only_store_refuses_writes(server):
    with pytest.raises(StoreError, match="read-only"):
        RemoteStore(server, read_only=True).replace_graphs({"http://x/g": []})


def test_failed_put_names_written_and_unwritten_graphs(server, monkeypatch):
    store = RemoteStore(server)
    graphs = {f"http://example.org/g{i}": [ox.Triple(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"),
                                                      ox.Literal(str(i)))] for i in range(3)}
    sent = []
    real_send = store._send

    def failing_send(method, url, *args, **kwargs):
        if len(sent) == 1:
            raise StoreError("the SPARQL store at 127.0.0.1 failed (replacing graph): HTTP 500")
        sent.append(url)
        return real_send(method, url, *args, **kwargs)
    monkeypatch.setattr(store, "_send", failing_send)
    with pytest.raises(StoreError) as info:
        store.replace_graphs(graphs)
    message = str(info.value)
    # the three are one batch, published together or not at all
    assert "sources published: none" in message
    assert "not published (the store holds their previous version, or nothing): " \
           "http://example.org/g0, http://example.org/g1, http://example.org/g2" in message
    # the server failing still, the graph sent before the failure stays,
    # unpublished: not among the facts, and dropped by the next write
    monkeypatch.undo()
    assert not store.select("SELECT ?o WHERE { <http://x/s> <http://x/p> ?o }")
    assert store.repair() == ["http://example.org/g0"]
    assert not any(g.startswith("http://example.org/g") for g in store.named_graphs(include_staging=True))


def test_bulk_load_of_a_quad_file_replaces_its_graphs(server, tmp_path):
    store = RemoteStore(server)
    quads = [ox.Quad(ox.NamedNode(f"http://x/s{i}"), ox.NamedNode("http://x/p"), ox.Literal(str(i)),
                     ox.NamedNode(f"http://example.org/bulk{i % 3}")) for i in range(30)]
    path = tmp_path / "bulk.nq"
    ox.serialize(quads, str(path), ox.RdfFormat.N_QUADS)
    graphs = {f"http://example.org/bulk{i}": 10 for i in range(3)}
    hashes = dict.fromkeys(graphs, "digest")
    assert {c.status for c in store.replace_graphs_from_file(path, ox.RdfFormat.N_QUADS, graphs, hashes)} == {"added"}
    # again: the hashes say unchanged, nothing is sent; new hashes: replaced, not doubled
    assert {c.status for c in store.replace_graphs_from_file(path, ox.RdfFormat.N_QUADS, graphs, hashes)} == {"unchanged"}
    store.replace_graphs_from_file(path, ox.RdfFormat.N_QUADS, graphs, dict.fromkeys(graphs, "other"))
    got = [q for q in store.quads() if str(q.graph_name).startswith("<http://example.org/bulk")
           and q.predicate.value != "https://w3id.org/party-kg/def#contentHash"]
    assert sorted(map(str, got)) == sorted(map(str, quads))
    assert store.stored_hash("http://example.org/bulk0") == "other"
    store.remove_graphs([f"http://example.org/bulk{i}" for i in range(3)])
    assert not store.select("SELECT ?o WHERE { ?s <http://x/p> ?o }")
    assert not any(g.startswith("http://example.org/bulk") for g in store.named_graphs())


def test_server_that_reads_the_union_as_default_graph_is_named(tmp_path):
    with oxigraph_server(tmp_path / "db", "--union-default-graph") as url:
        store = RemoteStore(url)
        store.replace_graphs(cookbook_graphs())
        with pytest.raises(StoreError, match="union"):
            RemoteStore(url).query("SELECT * WHERE { ?s ?p ?o } LIMIT 1")


def test_query_past_the_timeout_is_stopped_and_says_so(tmp_path):
    with oxigraph_server(tmp_path / "db", "--timeout-s", "1") as url:
        store = RemoteStore(url)
        store.replace_graphs(cookbook_graphs())
        slow = ("SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i "
                "FILTER(STR(?c) = STR(?i) && STR(?f) = STR(?i) && ?a != ?d) }")
        with pytest.raises(QueryError, match="time limit"):
            list(store.query(slow))


def test_queries_go_as_form_posts_asking_for_one_media_type(loaded, monkeypatch):
    """The protocol's form POST (Virtuoso never answers a body sent as
    application/sparql-query), and one media type per query form (Virtuoso
    answers a CONSTRUCT in SPARQL JSON results if the Accept header names them)."""
    loaded.query("ASK {}")   # the store's first query checks the server: not recorded
    sent = []
    real_open = loaded._open

    def recording_open(method, url, body=None, headers=None, **kwargs):
        sent.append((method, headers or {}, urllib.parse.parse_qs((body or b"").decode("ascii"))))
        return real_open(method, url, body, headers, **kwargs)
    monkeypatch.setattr(loaded, "_open", recording_open)
    assert bool(loaded.query("PREFIX construct: <http://x/> # CONSTRUCT\nASK { ?s a party:Official }"))
    triples = loaded.query("# SELECT\nPREFIX select: <http://x/>\nDESCRIBE ?s WHERE { ?s a party:Official } LIMIT 1")
    assert isinstance(triples, ox.QueryTriples) and list(triples)
    assert loaded.select("SELECT ?s WHERE { ?s a party:Official } LIMIT 1")
    assert [(m, h["Content-Type"], h["Accept"]) for m, h, _ in sent] == [
        ("POST", "application/x-www-form-urlencoded", "application/sparql-results+json"),
        ("POST", "application/x-www-form-urlencoded", "application/n-triples"),
        ("POST", "application/x-www-form-urlencoded", "application/sparql-results+json")]
    # the query, and no dataset: the server's own default graph holds the facts
    assert [sorted(fields) for _, _, fields in sent] == [["query"]] * 3
    assert sent[0][2]["query"][0].endswith("ASK { ?s a party:Official }")


def test_a_facts_graph_on_a_server_with_a_default_graph_is_named(tmp_path):
    """KG_FACTS_GRAPH is for Virtuoso: a standard server, told that the
    default graph is a named graph, hides every other graph from GRAPH ?g."""
    with oxigraph_server(tmp_path / "db") as url:
        store = RemoteStore(url, environ={"KG_FACTS_GRAPH": "urn:x-party-kg:default"})
        store.replace_graphs(cookbook_graphs())
        with pytest.raises(StoreError, match="KG_FACTS_GRAPH") as info:
            store.query("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
        assert "unset it" in info.value.hint
    with pytest.raises(StoreError, match="not an IRI"):
        RemoteStore("http://127.0.0.1:1", environ={"KG_FACTS_GRAPH": "facts"})


def test_a_load_fails_whole_across_batches(server, monkeypatch):
    """Every graph is sent before any is published, and all are published
    in one request: a failure on the last graph publishes none (each batch
    was published on its own before)."""
    from kg import facts
    monkeypatch.setattr(facts, "BATCH_GRAPHS", 1)
    store = RemoteStore(server)
    graphs = {f"http://example.org/whole{i}": [ox.Triple(ox.NamedNode("http://x/whole"), ox.NamedNode("http://x/p"),
                                                          ox.Literal(str(i)))] for i in range(3)}
    real_send = store._send

    def failing_send(method, url, *args, **kwargs):
        if method == "PUT" and url.endswith(urllib.parse.quote("http://example.org/whole2", safe="")):
            raise StoreError("the SPARQL store at 127.0.0.1 failed (writing graph): HTTP 500")
        return real_send(method, url, *args, **kwargs)
    monkeypatch.setattr(store, "_send", failing_send)
    with pytest.raises(StoreError) as info:
        store.replace_graphs(graphs)
    assert "sources published: none" in str(info.value)
    monkeypatch.setattr(store, "_send", real_send)
    assert not store.select("SELECT ?o WHERE { <http://x/whole> <http://x/p> ?o }")
    assert not any(g.startswith("http://example.org/whole") for g in store.named_graphs(include_staging=True))
    # and loading again completes it
    assert {c.status for c in store.replace_graphs(graphs)} == {"added"}
    assert len(store.select("SELECT ?o WHERE { <http://x/whole> <http://x/p> ?o }")) == 3


def test_a_publish_whose_answer_is_lost_is_reported_as_written(server, monkeypatch):
    """The server did the update but its answer never came: the message says
    what the server holds, not what kg assumed."""
    store = RemoteStore(server)
    graphs = {f"http://example.org/lost{i}": [ox.Triple(ox.NamedNode("http://x/lost"), ox.NamedNode("http://x/p"),
                                                         ox.Literal(str(i)))] for i in range(2)}
    real_update = store._update

    def answer_lost(text, *, what):
        real_update(text, what=what)
        if what == "publishing sources":
            raise StoreError("the connection to the SPARQL store at 127.0.0.1 failed (publishing sources): reset")
    monkeypatch.setattr(store, "_update", answer_lost)
    with pytest.raises(StoreError) as info:
        store.replace_graphs(graphs)
    message = str(info.value)
    assert "sources published: http://example.org/lost0, http://example.org/lost1" in message
    assert "holds their previous version, or nothing): none" in message
    monkeypatch.undo()
    assert {c.status for c in store.replace_graphs(graphs)} == {"unchanged"}
