"""The store as a networkx graph: ``project`` (the part the filters select)
and ``project_best_connected`` (an unfiltered view cut to its best-connected
nodes), both drawing by kg.graph.rules.

The result is a ``MultiDiGraph`` whose nodes are keyed by IRI and carry
``kind`` (organisation, place, official, document), ``sub`` (the body's kind
or the unit's level) and ``label``; every edge carries ``kind``. Oversight
activities are not nodes: each becomes ``inspects`` edges from the
inspecting body and ``led`` edges from its leader, both carrying the
activity's document, date and evidence.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import networkx as nx

from kg import identity
from kg.graph.analysis import ego
from kg.graph.filters import Filters, NothingMatches
from kg.graph.names import code_from_key, doc_key_from_iri, resolve_document, resolve_name
from kg.graph.reading import (
    Catalogue, batches, describe, doc_links, focused_catalogue, full_iri, memberships, read_activities,
    read_catalogue, read_sources, subjects_pointing_at, values_block,
)
from kg.graph.rules import (
    ACTIVITIES, DOCUMENT, DOCUMENTS, DRAWN_ALONE, MEMBERSHIPS, NODE_KINDS, OFFICIAL, ORGANISATION, PLACE,
    SELECTED, SELF, STRUCTURE, EdgeRule, Reading, document_edges, rules_of, structure_edges,
)


def node_kind(iri: str, things: dict[Reading, Iterable[str]]) -> str:
    """What a node is: a body, unit, official or document the store
    describes; a document it cites by IRI only; else, named by a source but
    never described, a body, the likeliest."""
    for reading, kind in NODE_KINDS.items():
        if iri in things[reading]:
            return kind
    return DOCUMENT if doc_key_from_iri(iri) else ORGANISATION


class _Builder:
    """Adds nodes with their attributes, and edges, to the projection."""

    def __init__(self, cat: Catalogue):
        self.cat = cat
        self.things = cat.things()
        self.g = nx.MultiDiGraph()
        self._edge_ids: Counter[str] = Counter()

    def node(self, iri: str) -> str:
        if iri in self.g:
            return iri
        kind, cat = node_kind(iri, self.things), self.cat
        if kind == ORGANISATION:
            row = cat.orgs.get(iri)
            self.g.add_node(iri, kind=kind, sub=row["sub"] if row else "organisation",
                            label=row["label"] if row else iri.rsplit("/", 1)[-1])
        elif kind == PLACE:
            row = cat.places[iri]
            self.g.add_node(iri, kind=kind, sub=row["level"], label=row["label"], unit_type=row["unit_type"],
                            code=row["code"], era=row["era"], valid_from=row["valid_from"],
                            valid_through=row["valid_through"])
        elif kind == OFFICIAL:
            row = cat.officials[iri]
            self.g.add_node(iri, kind=kind, sub="official", label=row["label"], honorifics=row["honorifics"])
        elif iri in cat.documents:
            row = cat.documents[iri]
            self.g.add_node(iri, kind=kind, sub="document", label=row["code"], title=row["label"],
                            date=row["date"], subject=row["subject"], evidence=row["evidence"],
                            sources=row["sources"])
        else:
            self.g.add_node(iri, kind=kind, sub="document", label=code_from_key(doc_key_from_iri(iri)))
        return iri

    def edge(self, a: str, b: str, kind: str, **attrs) -> None:
        self.node(a)
        self.node(b)
        base = f"{kind}:{a}>{b}:{attrs.get('activity', '')}"
        self._edge_ids[base] += 1
        key = base if self._edge_ids[base] == 1 else f"{base}#{self._edge_ids[base]}"
        self.g.add_edge(a, b, key=key, kind=kind, **{k: v for k, v in attrs.items() if v is not None})

    def _draw(self, reading: Reading, iri: str, thing: dict, **attrs) -> None:
        for rule in rules_of(reading):
            for a, b in rule.ends(iri, thing):
                self.edge(a, b, rule.kind, **attrs)

    def activity(self, act: dict) -> None:
        doc = self.cat.documents.get(act["document"] or "")
        code = doc["code"] if doc else (code_from_key(doc_key_from_iri(act["document"]) or "")
                                        if act["document"] else None)
        self._draw(ACTIVITIES, act["iri"], act, activity=act["iri"], activity_kind=act["kind"],
                   document=act["document"], code=code, date=act["date"],
                   year=int(act["date"][:4]) if act["date"] else None,
                   inspector=self.cat.orgs.get(act["inspector"], {}).get("label"),
                   leader=self.cat.officials.get(act["leader"] or "", {}).get("label"),
                   topic=act["topic"], evidence=act["evidence"] or None, sources=act["sources"] or None)
        if act["document"]:
            self.node(act["document"])

    def membership(self, m: dict) -> None:
        org_label = self.cat.orgs.get(m["org"], {}).get("label", "")
        # the post's label is the role followed by the body's name: the edge
        # already points at the body, so the role alone labels it
        role = m["post"][: -len(org_label)].strip() if org_label and m["post"].endswith(org_label) else m["post"]
        self._draw(MEMBERSHIPS, m["iri"], m, role=role, post=m["post"],
                   valid_from=m["valid_from"], valid_through=m["valid_through"], attested_on=m["attested_on"],
                   evidence=m["evidence"] or None, sources=m["sources"] or None)

    def context(self, documents: list[str]) -> None:
        """The edges of ``documents`` (issuers, links), then of every body and
        unit drawn, up to the top (kg.graph.rules)."""
        links_of = _links_by_document(self.cat.doc_links)
        for kind, a, b, attrs in document_edges(documents, self.cat.documents, links_of):
            self.edge(a, b, kind, **attrs)
        for kind, a, b, attrs in list(structure_edges(self.g, self.things)):
            self.edge(a, b, kind, **attrs)

    def documents_drawn(self) -> list[str]:
        return [n for n, kind in self.g.nodes(data="kind") if kind == DOCUMENT]


def _links_by_document(links: list[tuple[str, str, str]]) -> dict[str, list[tuple[str, str, str]]]:
    """Each document's links, from either end."""
    links_of: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for link in links:
        links_of[link[0]].append(link)
        links_of[link[2]].append(link)
    return links_of


def project(store, filters: Filters = Filters()) -> nx.MultiDiGraph:
    """The part of the store that ``filters`` select, as a networkx graph.

    Without filters: every body, official, document and activity, with the
    units they touch. With filters: the matching activities and their
    context (the leader's posts, the document's issuer and linked documents,
    the bodies and units above every node).
    """
    resolved = Filters(
        directive=resolve_document(store, filters.directive) if filters.directive else None,
        inspector=resolve_name(store, "body", filters.inspector) if filters.inspector else None,
        target=resolve_name(store, "unit or body", filters.target) if filters.target else None,
        person=resolve_name(store, "official", filters.person) if filters.person else None,
        date_from=filters.date_from, date_to=filters.date_to, kind=filters.kind)
    sources = read_sources(store)
    activities = read_activities(store, resolved, sources)
    if resolved.restricts_activities() and not activities:
        raise NothingMatches(f"no activity matches {filters.describe()}",
                             hint="widen the dates or drop a filter; `kg inspections` lists what the graph holds")
    cat = (focused_catalogue(store, activities, resolved, sources) if resolved.is_focused()
           else read_catalogue(store, sources))

    b = _Builder(cat)
    for act in activities:
        b.activity(act)
    if resolved.is_focused():
        if resolved.directive:
            # the document itself, even when no activity was carried out under it
            for iri in cat.documents:
                if identity.code_key(cat.documents[iri]["code"]) == resolved.directive:
                    b.node(iri)
        people = {n for n, d in b.g.nodes(data=True) if d["kind"] == OFFICIAL}
        for m in cat.memberships:
            if m["person"] in people or resolved.person is not None:
                b.membership(m)
    else:
        for reading in DRAWN_ALONE:
            for iri in b.things[reading]:
                b.node(iri)
        for m in cat.memberships:
            b.membership(m)
    b.context(b.documents_drawn())

    graph = b.g
    if resolved.is_focused() and graph.number_of_edges() == 0 and graph.number_of_nodes() <= 1:
        raise NothingMatches(f"nothing in the graph matches {filters.describe()}")
    if filters.around is not None:
        graph = ego(graph, filters.around, filters.depth)
    return graph


# --- the best-connected nodes of an unfiltered view ------------------------------

def count_queries(rule: EdgeRule) -> list[str]:
    """SPARQL aggregates counting the edges ``rule`` draws for every activity
    or membership, without reading them: rows of edge ends (``?from``,
    ``?to``, or one of them) and the number ``?n`` of edges between them.

    Each is one or two triple patterns: joining more (say, checking an
    activity's kind, or a membership's post) took 5-11 s per query on the
    national store, where these take 0.3-3 s. So they rely on what the
    loader writes: one value of each field outside ``many``, the required
    fields, and one of the schema's kinds. A rule whose ends are single
    fields draws one edge per thing, and each end is counted on its own (a
    join of the two patterns over every membership took four times as long).
    """
    props = rule.reading.props
    tail, head = props[rule.tail], props[rule.head]
    if rule.tail not in rule.reading.many and rule.head not in rule.reading.many and rule.fallback is None:
        return [f"SELECT ?{end} (COUNT(*) AS ?n) WHERE {{ ?x {prop} ?{end} }} GROUP BY ?{end}"
                for end, prop in (("from", tail), ("to", head))]
    queries = [f"SELECT ?from ?to (COUNT(*) AS ?n) WHERE {{ ?x {tail} ?from ; {head} ?to }} GROUP BY ?from ?to"]
    if rule.fallback is not None:
        queries.append(f"SELECT ?from ?to (COUNT(*) AS ?n) WHERE {{ ?x {tail} ?from ; {props[rule.fallback]} ?to "
                       f"MINUS {{ ?x {head} ?h }} }} GROUP BY ?from ?to")
    return queries


def _drawn_thing(reading: Reading) -> str:
    """The patterns of a thing ``?x`` of ``reading`` that is drawn: its class and required fields."""
    return f"?x a {reading.cls} " + "".join(f"; {reading.props[name]} ?required{i} "
                                              for i, name in enumerate(reading.required))


def _first_values(store, reading: Reading) -> dict[str, dict[str, str]]:
    """Each thing of ``reading`` with the first value of each field its rules
    draw an edge to or from (as kg.graph.reading gives it), read by SPARQL
    aggregates: the things' other fields are not read."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for name in {end for rule in rules_of(reading) for end in (rule.tail, rule.head) if end != SELF}:
        for row in store.query(f"SELECT ?x (MIN(?v) AS ?first) WHERE {{ {_drawn_thing(reading)}"
                               f"; {reading.props[name]} ?v }} GROUP BY ?x"):
            out[row[0].value][name] = row[1].value
    return out


def _things(store, reading: Reading) -> set[str]:
    return {row[0].value for row in store.query(f"SELECT DISTINCT ?x WHERE {{ {_drawn_thing(reading)} }}")}


@dataclass
class _Connections:
    """Every node of the unfiltered projection with its kind and degree (as
    networkx counts it: each edge at both ends), and the document links it draws."""
    kinds: dict[str, str]
    degree: Counter[str]
    doc_links: list[tuple[str, str, str]]


def _connections(store) -> _Connections:
    """What ``project(store)`` would draw, counted without reading it: the
    activities' and memberships' edges by SPARQL aggregates (count_queries),
    the rest by the walks ``project`` makes (kg.graph.rules), over the first
    values of the fields they draw. Counting took 16 s on the national
    store, where projecting it took 75-100 s."""
    degree: Counter[str] = Counter()
    for rule in (rule for reading in SELECTED for rule in rules_of(reading)):
        for query in count_queries(rule):
            for row in store.query(query):
                *ends, edges = row
                for end in ends:
                    degree[end.value] += int(edges.value)

    things = {reading: _things(store, reading) for reading in NODE_KINDS}
    activity_documents = {row[0].value for row in store.query(
        f"SELECT DISTINCT ?d WHERE {{ ?a {ACTIVITIES.props['document']} ?d }}")}
    nodes = list(dict.fromkeys([*degree, *(iri for reading in DRAWN_ALONE for iri in things[reading]),
                                *activity_documents]))
    kinds = {n: node_kind(n, things) for n in nodes}

    def draw(_kind: str, a: str, b: str, _attrs: dict) -> None:
        for end in (a, b):
            degree[end] += 1
            kinds.setdefault(end, node_kind(end, things))

    links = doc_links(store)
    drawn_documents = [n for n in nodes if kinds[n] == DOCUMENT]
    for edge in document_edges(drawn_documents, _first_values(store, DOCUMENTS), _links_by_document(links)):
        draw(*edge)
    for edge in list(structure_edges(kinds, {reading: _first_values(store, reading)
                                             for reading in STRUCTURE})):
        draw(*edge)
    drawn = set(drawn_documents)
    return _Connections(kinds, degree, [link for link in links if link[0] in drawn or link[2] in drawn])


def _labels(store, iris: list[str], kinds: dict[str, str]) -> dict[str, str]:
    """The labels _Builder.node gives these nodes: a document's code, anything
    else's name, else what its IRI ends with."""
    found: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for batch in batches(iris):
        for row in store.query(f"SELECT ?x ?p ?o WHERE {{ {values_block('x', batch)} ?x ?p ?o . "
                               f"FILTER(?p IN (rdfs:label, eli:id_local, rdf:type)) }}"):
            found[row[0].value][row[1].value].append(row[2].value)
    label, code, types = full_iri("rdfs:label"), full_iri("eli:id_local"), full_iri("rdf:type")
    described = {full_iri(reading.cls) for reading, kind in NODE_KINDS.items() if kind != DOCUMENT}

    def of(iri: str) -> str:
        values = found.get(iri, {})
        if described & set(values.get(types, [])):
            return min(values.get(label, []), default=iri.rsplit("/", 1)[-1])
        if kinds[iri] == DOCUMENT:
            return min(values[code]) if values.get(code) else code_from_key(doc_key_from_iri(iri))
        return iri.rsplit("/", 1)[-1]

    return {iri: of(iri) for iri in iris}


def project_best_connected(store, max_nodes: int) -> tuple[nx.MultiDiGraph, dict[str, int]]:
    """The unfiltered projection cut to its ``max_nodes`` best-connected
    nodes (most edges first, ties by label, then by IRI), with the edges
    among them, and how many nodes of each kind were left out: what
    kg.view.cap_nodes keeps of ``project(store)``, except that two nodes
    tied on both edges and label at the cut are told apart by IRI here,
    by the projection's order there.

    Projecting the whole national store (4.7 M triples, 208 k nodes, 681 k
    edges) took 75-100 s, only to draw 2,000 or 5,000 of its nodes. The
    degrees are counted by SPARQL aggregates instead, and only the nodes
    kept are read, by IRI, as a focused view reads them. A store with no
    more than ``max_nodes`` nodes is projected whole, as before.
    """
    conn = _connections(store)
    if len(conn.kinds) <= max_nodes:
        return project(store), {}
    by_degree = sorted(conn.kinds, key=lambda n: -conn.degree[n])
    cut = conn.degree[by_degree[max_nodes - 1]]
    keep = [n for n in by_degree if conn.degree[n] > cut]
    tied = [n for n in by_degree if conn.degree[n] == cut]
    labels = _labels(store, tied, conn.kinds)
    keep += sorted(tied, key=lambda n: (labels[n], n))[:max_nodes - len(keep)]
    kept = set(keep)
    omitted = Counter(kind for n, kind in conn.kinds.items() if n not in kept)
    return _project_nodes(store, keep, conn.doc_links), dict(omitted)


def _between(store, reading: Reading, kept: set[str]) -> set[str]:
    """The things of ``reading`` that may draw an edge between two ``kept``
    nodes: those naming a kept node at both ends of one of their rules. (The
    activities of the kept bodies alone were 35 k of them, read in 12 s.)"""
    @cache
    def naming(name: str) -> set[str]:
        return set() if name == SELF else subjects_pointing_at(store, reading.props[name], kept)

    found: set[str] = set()
    for rule in rules_of(reading):
        found |= naming(rule.tail) & (naming(rule.head) | (naming(rule.fallback) if rule.fallback else set()))
    return found


def _project_nodes(store, keep: list[str], links: list[tuple[str, str, str]]) -> nx.MultiDiGraph:
    """The unfiltered projection's subgraph on ``keep``, read by IRI: the
    activities, posts, links and structure between kept nodes, described as
    the whole projection describes them (an activity's edges name its
    inspector, leader and document, kept or not)."""
    kept = set(keep)
    sources = read_sources(store)
    activities = read_activities(store, Filters(), sources, _between(store, ACTIVITIES, kept))
    cat = Catalogue(doc_links=[link for link in links if link[0] in kept and link[2] in kept])
    describe(store, cat, sources, kept | {iri for act in activities
                                          for iri in (act["inspector"], act["leader"], act["document"]) if iri})
    cat.memberships = memberships(store, sources, _between(store, MEMBERSHIPS, kept))

    b = _Builder(cat)
    for iri in keep:
        b.node(iri)
    for act in activities:
        b.activity(act)
    for m in cat.memberships:
        b.membership(m)
    b.context([iri for iri in keep if b.g.nodes[iri]["kind"] == DOCUMENT])
    return b.g.subgraph(keep).copy()
