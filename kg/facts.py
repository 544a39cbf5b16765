"""How the store holds each fact once, however many sources state it.

The layout (the same on the embedded store and on any SPARQL 1.1 server):

* each source's statements are its **named graph**, named by the source's
  IRI, as the core vocabulary says; the graph also holds its content hash
  (``<graph> party:contentHash "…"``), written last, which marks it
  *published*;
* the **default graph** holds the merged facts: the set union of every
  published graph (less the hash triples). Queries read it, so a triple
  stated by three sources matches once, on every store, whatever the store
  does with a union of graphs (pyoxigraph and Virtuoso evaluate it as a bag);
* provenance stays per source: the facts list a fact's sources
  (``?fact prov:wasDerivedFrom ?source``), and each source's graph says
  with which sentence (``GRAPH ?source { ?fact party:evidence ?sentence }``).

A source's graph joins the facts in one SPARQL Update request (one
transaction): its triples are copied into the default graph and its hash is
written. It leaves them in one request too: the triples that no other
published graph states are deleted from the default graph, and the graph is
dropped. A new version of a source is written beside the old one first:
the embedded store writes only the difference (what it adds in a *staging*
graph, what it drops in a *dropped* graph: ``apply_diff``), a server the
whole version in a staging graph (``swap``); one request then swaps it in
and publishes it, so readers see the old source or the new one, never a half.
Invariants, after every request: every fact of the default graph is stated
by a published graph, and every published graph's triples are facts. A write killed between requests leaves at most unpublished
graphs (no hash, nothing in the facts), which ``repair`` drops.

The update texts are built here from graph IRIs and hashes only, written as
terms by pyoxigraph's serialiser: no user text is pasted into them.

A store without a default graph of its own (Virtuoso: an update template
without ``GRAPH`` is refused there, and a query without a dataset reads
every graph) keeps the facts in a named graph instead, the *facts graph*:
each builder takes it as ``facts_graph`` and then writes ``GRAPH <it>``
into its templates, and the test for "stated by another published graph"
leaves it out. Without it (the embedded store, Oxigraph, Fuseki) the texts
are those of the default graph, unchanged.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping

import pyoxigraph as ox

from kg.vocab import PARTY

# Sources are published in transactions of about this many triples: small
# enough that a transaction's memory stays small, large enough that the cost
# of each request vanishes.
BATCH_TRIPLES = 200_000
BATCH_GRAPHS = 2_000
STAGING_PREFIX = "https://w3id.org/party-kg/graph/staging/"
HASH = PARTY.contentHash

# The published graphs and their hashes, in one query.
PUBLISHED_QUERY = f"SELECT ?g ?h WHERE {{ GRAPH ?g {{ ?g {HASH} ?h }} }}"


def staging_graph(graph: str) -> str:
    """Where the next version of ``graph`` is written before it replaces it."""
    return STAGING_PREFIX + hashlib.blake2b(graph.encode("utf-8"), digest_size=16).hexdigest()


def dropped_graph(graph: str) -> str:
    """Where a write puts what the old version of ``graph`` states and the
    new one does not (``apply_diff``)."""
    return STAGING_PREFIX + "dropped-" + hashlib.blake2b(graph.encode("utf-8"), digest_size=16).hexdigest()


def is_staging(graph: str) -> bool:
    return graph.startswith(STAGING_PREFIX)


def _in_facts(facts_graph: str | None) -> str:
    """``?s ?p ?o`` in the facts: the default graph, or the facts graph."""
    return f"GRAPH {ox.NamedNode(facts_graph)} {{ ?s ?p ?o }}" if facts_graph else "?s ?p ?o"


def _stated_by_no_other(graph: ox.NamedNode, facts_graph: str | None = None) -> str:
    """A filter for a bound ?s ?p ?o: no published graph but ``graph`` states it.

    With the triple bound, FILTER NOT EXISTS is an index lookup per triple
    (MINUS read every quad of every graph); the hash test goes in an EXISTS
    inside the filter, where pyoxigraph evaluates it per graph found (as a
    second pattern of the group it scanned every hash: 40 times slower).
    A facts graph is left out by name too (it holds no hash, but a store
    that evaluates the test in another order must not find the fact there)."""
    others = f"?other != {graph}" + (f" && ?other != {ox.NamedNode(facts_graph)}" if facts_graph else "")
    return (f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} "
            f"FILTER({others} && EXISTS {{ GRAPH ?other {{ ?other {HASH} ?h }} }}) }}")


def retract(graph: str, facts_graph: str | None = None) -> str:
    """Take ``graph`` out of the facts: delete from the default graph (or the
    facts graph) each of its triples that no other published graph states,
    then drop it."""
    g = ox.NamedNode(graph)
    return (f"DELETE {{ {_in_facts(facts_graph)} }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
            f"{_stated_by_no_other(g, facts_graph)} }} ;\n"
            f"DROP SILENT GRAPH {g}")


def swap(graph: str, facts_graph: str | None = None) -> str:
    """Make ``graph`` its staging graph's content, touching only what changed:
    what the old version states and the new one does not leaves the facts
    (unless another published graph states it) and the graph; what is new
    joins the graph (``publish`` then adds it to the facts). A rewrite of
    the whole graph (MOVE) cost three times as much for a typical reload."""
    g, staged = ox.NamedNode(graph), ox.NamedNode(staging_graph(graph))
    # (the old hash stays until the request ends: see commit)
    dropped = (f"GRAPH {g} {{ ?s ?p ?o }} FILTER(?p != {HASH}) "
               f"FILTER NOT EXISTS {{ GRAPH {staged} {{ ?s ?p ?o }} }}")
    return (f"DELETE {{ {_in_facts(facts_graph)} }} WHERE {{ {dropped} {_stated_by_no_other(g, facts_graph)} }} ;\n"
            f"DELETE {{ GRAPH {g} {{ ?s ?p ?o }} }} WHERE {{ {dropped} }} ;\n"
            f"INSERT {{ GRAPH {g} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {staged} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH {g} {{ ?s ?p ?o }} }} }} ;\n"
            f"DROP SILENT GRAPH {staged}")


def apply_diff(graph: str, facts_graph: str | None = None, *, blanks: bool = False) -> str:
    """Make ``graph`` its new version from the difference alone: its staging
    graph holds what the new version adds, its dropped graph what it no
    longer states (kg.store computes them outside the store). What is
    dropped leaves the graph, and the facts unless another published graph
    states it; what is added joins both; the two small graphs go. The
    request's reads and writes are the size of the change, not of the
    source: a 1M-triple source with a tenth changed swapped in by ``swap``
    deleted its whole staging graph in the transaction (85 s, 1.5 GB)."""
    g = ox.NamedNode(graph)
    added, dropped = ox.NamedNode(staging_graph(graph)), ox.NamedNode(dropped_graph(graph))
    # A blank node cannot be named in the dropped graph (a bulk load gives
    # it a new name), and a new version's are never the old one's: when the
    # old version has any (``blanks``), every triple with one goes, and the
    # new version's come in with the added. (Only then: it reads the whole
    # graph.)
    blank = f"GRAPH {g} {{ ?s ?p ?o }} FILTER(isBlank(?s) || isBlank(?o))"
    return ((f"DELETE {{ {_in_facts(facts_graph)} }} WHERE {{ {blank} {_stated_by_no_other(g, facts_graph)} }} ;\n"
             f"DELETE {{ GRAPH {g} {{ ?s ?p ?o }} }} WHERE {{ {blank} }} ;\n" if blanks else "") +
            f"DELETE {{ {_in_facts(facts_graph)} }} WHERE {{ GRAPH {dropped} {{ ?s ?p ?o }} "
            f"{_stated_by_no_other(g, facts_graph)} }} ;\n"
            f"DELETE {{ GRAPH {g} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {dropped} {{ ?s ?p ?o }} }} ;\n"
            f"INSERT {{ GRAPH {g} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {added} {{ ?s ?p ?o }} }} ;\n"
            f"INSERT {{ {_in_facts(facts_graph)} }} WHERE {{ GRAPH {added} {{ ?s ?p ?o }} "
            f"FILTER(?p != {HASH}) FILTER NOT EXISTS {{ {_in_facts(facts_graph)} }} }} ;\n"
            f"DROP SILENT GRAPH {added} ;\nDROP SILENT GRAPH {dropped}")


def publish(hashes: Mapping[str, str], facts_graph: str | None = None) -> str:
    """Copy the given graphs into the facts and mark them published."""
    values = " ".join(str(ox.NamedNode(g)) for g in hashes)
    stamps = " ".join(f"GRAPH {ox.NamedNode(g)} {{ {ox.NamedNode(g)} {HASH} {ox.Literal(h)} }}"
                      for g, h in hashes.items())
    # a fact already there is a read, not a write: in news most facts are
    # restated (a quarter faster, in one run, on the national graph with 30 % overlap)
    # (a hash is not a fact: a store written before the facts had their own
    # graph is published with its hashes already in place)
    return (f"INSERT {{ {_in_facts(facts_graph)} }} WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} "
            f"FILTER(?p != {HASH}) FILTER NOT EXISTS {{ {_in_facts(facts_graph)} }} }} ;\n"
            f"INSERT DATA {{ {stamps} }}")


def commit(hashes: Mapping[str, str], replaced: Iterable[str] = (), facts_graph: str | None = None,
           *, diffs: bool = False, blanks: Iterable[str] = ()) -> str:
    """One request that publishes new graphs and swaps in new versions of
    ``replaced`` graphs: from their staging graphs (``swap``), or, with
    ``diffs``, from their differences (``apply_diff``; ``blanks``: the
    replaced graphs whose old version has blank nodes)."""
    # Each replaced graph keeps its old hash until every swap is done: a
    # swap asks whether another *published* graph states what it drops, and
    # a graph swapped before it in this request is published (in its new
    # version) for that question.
    replaced = list(replaced)
    old_hashes = [f"DELETE {{ {stamp} }} WHERE {{ {stamp} }}"
                  for stamp in (f"GRAPH {ox.NamedNode(g)} {{ {ox.NamedNode(g)} {HASH} ?old }}" for g in replaced)]
    if not diffs:
        return " ;\n".join([*(swap(g, facts_graph) for g in replaced), *old_hashes, publish(hashes, facts_graph)])
    new = {g: h for g, h in hashes.items() if g not in replaced}
    stamps = " ".join(f"GRAPH {ox.NamedNode(g)} {{ {ox.NamedNode(g)} {HASH} {ox.Literal(h)} }}"
                      for g, h in hashes.items() if g in replaced)
    return " ;\n".join([*(apply_diff(g, facts_graph, blanks=g in blanks) for g in replaced), *old_hashes,
                        *([publish(new, facts_graph)] if new else []),
                        *([f"INSERT DATA {{ {stamps} }}"] if stamps else [])])


def remove(graphs: Iterable[str], facts_graph: str | None = None) -> str:
    """One request that takes sources out of the facts and drops them."""
    return " ;\n".join(retract(g, facts_graph) for g in graphs)


def unpublished(named: Iterable[str], published: Iterable[str]) -> list[str]:
    """Graphs that a killed or failed write left without their hash."""
    done = set(published)
    return sorted(g for g in named if g not in done)


def batches(graphs: Iterable[str], sizes: Mapping[str, int]) -> Iterator[list[str]]:
    """Graphs in groups of about BATCH_TRIPLES triples (``sizes``: graph ->
    triples) and at most BATCH_GRAPHS graphs: one transaction each."""
    batch, total = [], 0
    for graph in graphs:
        size = sizes.get(graph, 0)
        if batch and (total + size > BATCH_TRIPLES or len(batch) >= BATCH_GRAPHS):
            yield batch
            batch, total = [], 0
        batch.append(graph)
        total += size
    if batch:
        yield batch
