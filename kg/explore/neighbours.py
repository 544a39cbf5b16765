"""The graph that grows: a node's neighbourhood as `kg viz` draws it (the
node kinds, groups and edge kinds of kg.graph and kg.view), as JSON for the
page to add, and the shown subgraph as the offline page `kg viz` writes.

Each expansion is one bounded query at the node (``neighbours.rq``, LIMIT)
and one small query per new node for its label and classes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import networkx as nx
import pyoxigraph as ox

from kg import identity
from kg.explore import sparql
from kg.explore.entity import ACTIVITY_KINDS, RELATIONS
from kg.explore.links import href
from kg.schema import entity_kind, schema

# Nodes a saved page may hold: the page the explorer shows, not the country.
MAX_SAVED_NODES = 500
# neighbours.rq's LIMIT on a node's activity edges: reaching it means more were left out
ACTIVITY_EDGES_LIMIT = 300


@cache
def groups() -> list[tuple[str, str, str]]:
    """(class IRI, node kind, vis group), most specific first: each entity
    kind the graph draws (kg/schema.yaml), its own kinds (kinds of body,
    levels of unit) before itself, each that the view has a style for."""
    return [(entry.iri, kind.node, entry.value)
            for kind in schema().entity_kinds if kind.node
            for entry in (*kind.kinds, kind) if entry.view]


@dataclass
class Node:
    iri: str
    label: str
    kind: str       # kg.graph's node kinds: official, organisation, place, document
    group: str      # kg.view.GROUPS

    def to_json(self) -> dict:
        return {"id": self.iri, "label": self.label, "kind": self.kind, "group": self.group, "href": href(self.iri)}


@dataclass
class Edge:
    kind: str
    source: str
    target: str
    activity: str | None = None
    activity_kind: str | None = None
    date: str | None = None
    code: str | None = None
    role: str | None = None
    relation: str | None = None

    @property
    def id(self) -> str:
        return "|".join([self.kind, self.source, self.target, self.activity or "", self.role or "",
                         self.relation or ""])

    def to_json(self) -> dict:
        item = {"id": self.id, "from": self.source, "to": self.target, "kind": self.kind}
        if self.activity:
            item["act"] = {k: v for k, v in {"k": self.activity_kind, "dt": self.date, "d": self.code,
                                             "y": int(self.date[:4]) if self.date else None,
                                             "href": href(self.activity)}.items() if v is not None}
        if self.role:
            item["lbl"] = self.role
        if self.relation:
            item["relation"] = self.relation
        return item


@dataclass
class Neighbourhood:
    centre: str
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    truncated: bool = False

    def to_json(self) -> dict:
        return {"centre": self.centre, "nodes": [n.to_json() for n in self.nodes.values()],
                "edges": [e.to_json() for e in self.edges], "truncated": self.truncated}


def node(store, iri: str) -> Node | None:
    """The node as the graph draws it, or None if it is not one of the
    graph's kinds (an activity, a source)."""
    values: dict[str, list[str]] = {}
    for r in sparql.select(store, "node", x=ox.NamedNode(iri)):
        values.setdefault(r["p"].rsplit("#", 1)[-1], []).append(r["o"])
    types = set(values.get("type", []))
    label = min(values.get("label", []), default=None)
    code = min(values.get("id_local", []), default=None)
    document = entity_kind("document")
    for cls, kind, group in groups():
        if cls in types:
            return Node(iri, code if kind == document.node and code else label or iri.rsplit("/", 1)[-1], kind, group)
    cited = identity.tail(iri, "doc")
    if cited:   # a document only cited: known by its IRI
        return Node(iri, cited.split("/")[0].upper().replace("_", "/"), document.node, document.value)
    return None


def edges_at(store, iri: str) -> tuple[list[Edge], bool]:
    rows = sparql.select(store, "neighbours", x=ox.NamedNode(iri))
    truncated = sum(1 for r in rows if r["activity"]) >= ACTIVITY_EDGES_LIMIT
    seen: dict[str, Edge] = {}
    for r in rows:
        edge = Edge(r["edge"], r["from"], r["to"], r["activity"], ACTIVITY_KINDS.get(r["class"] or ""),
                    r["date"], r["code"], r["role"], RELATIONS.get(r["relation"] or ""))
        seen.setdefault(edge.id, edge)
    return list(seen.values()), truncated


def neighbourhood(store, iri: str) -> Neighbourhood:
    found = Neighbourhood(iri)
    centre = node(store, iri)
    if centre is not None:
        found.nodes[iri] = centre
    edges, found.truncated = edges_at(store, iri)
    for edge in edges:
        for end in (edge.source, edge.target):
            if end not in found.nodes:
                drawn = node(store, end)
                if drawn is not None:
                    found.nodes[end] = drawn
        if edge.source in found.nodes and edge.target in found.nodes:
            found.edges.append(edge)
    return found


def subgraph(store, iris: list[str], expanded: list[str]) -> nx.MultiDiGraph:
    """The shown nodes and the edges between them, as kg.graph projects
    them, for kg.view.render. Every edge the page shows came from the
    neighbourhood of a node it expanded, so only those are read again."""
    graph = nx.MultiDiGraph()
    kept: dict[str, Node] = {}
    for iri in dict.fromkeys(iris):
        drawn = node(store, iri)
        if drawn is not None:
            kept[iri] = drawn
    for drawn in kept.values():
        graph.add_node(drawn.iri, kind=drawn.kind, sub=drawn.group, label=drawn.label)
    for iri in dict.fromkeys(expanded):
        if iri not in kept:
            continue
        for edge in edges_at(store, iri)[0]:
            if edge.source in kept and edge.target in kept and not graph.has_edge(edge.source, edge.target, edge.id):
                attrs = {"kind": edge.kind}
                if edge.activity:
                    attrs.update(activity=edge.activity, activity_kind=edge.activity_kind, code=edge.code,
                                 date=edge.date, year=int(edge.date[:4]) if edge.date else None,
                                 inspector=kept[edge.source].label if edge.kind == "inspects" else None)
                if edge.role:
                    attrs.update(role=edge.role, post=edge.role)
                if edge.relation:
                    attrs["relation"] = edge.relation
                graph.add_edge(edge.source, edge.target, key=edge.id,
                               **{k: v for k, v in attrs.items() if v is not None})
    return graph


def saved_page(store, iris: list[str], expanded: list[str], title: str) -> str:
    """The offline page `kg viz` writes, for the nodes the explorer shows."""
    from kg.view import render
    graph = subgraph(store, iris[:MAX_SAVED_NODES], expanded[:MAX_SAVED_NODES])
    page, _ = render(graph, title=title, layout="force", max_nodes=MAX_SAVED_NODES)
    return page
