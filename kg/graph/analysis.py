"""Questions asked of a projected graph: the part of it around a node
(``ego``), the nodes a name stands for (``find_nodes``), who inspects those
who inspect a unit (``oversight_chain``), and the most inspected units and
most active inspecting bodies (``rank``)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from kg.graph.names import resolve_key
from kg.graph.rules import E_INSPECTS, E_JURISDICTION, E_SUB_ORG, PLACE
from kg.text import fold


def ego(graph: nx.MultiDiGraph, name: str, depth: int) -> nx.MultiDiGraph:
    """Everything within ``depth`` steps of the node called ``name``, in either direction."""
    labels = {fold(d["label"]): d["label"] for _, d in graph.nodes(data=True)}
    key = resolve_key(labels, "node", name)
    centres = [n for n, d in graph.nodes(data=True) if fold(d["label"]) == key]
    undirected = graph.to_undirected(as_view=True)
    keep: set[str] = set()
    for centre in centres:
        keep |= set(nx.single_source_shortest_path_length(undirected, centre, cutoff=depth))
    return graph.subgraph(keep).copy()


def find_nodes(graph: nx.MultiDiGraph, name: str, kinds: tuple[str, ...], what: str) -> list[str]:
    """Every node of the given kinds whose label ``name`` stands for."""
    labels = {fold(d["label"]): d["label"] for _, d in graph.nodes(data=True) if d["kind"] in kinds}
    key = resolve_key(labels, what, name)
    return [n for n, d in graph.nodes(data=True) if d["kind"] in kinds and fold(d["label"]) == key]



@dataclass
class ChainLink:
    """``inspector`` oversaw ``subject`` (through ``via``, a body or unit that
    ``subject`` belongs to or serves, when not ``subject`` itself)."""
    level: int
    inspector: str
    subject: str
    via: str
    activities: list[dict]           # the edges' attributes: kind, code, date, ...


def _oversight_scope(graph: nx.MultiDiGraph, node: str) -> list[str]:
    """What an inspection of ``node`` can go through: a body is overseen when
    it, a body above it, or a unit one of them serves is inspected; a unit
    when it, or a body serving it, is inspected."""
    def edges_of(n: str, kind: str, incoming: bool) -> list[str]:
        edges = graph.in_edges(n, data="kind") if incoming else graph.out_edges(n, data="kind")
        return [(a if incoming else b) for a, b, k in edges if k == kind]

    scope = [node]
    if graph.nodes[node]["kind"] == PLACE:
        scope += edges_of(node, E_JURISDICTION, incoming=True)
        return scope
    ancestors, frontier = [], [node]
    while frontier:
        parents = [p for n in frontier for p in edges_of(n, E_SUB_ORG, incoming=True)
                   if p not in ancestors and p != node]
        ancestors += parents
        frontier = parents
    scope += ancestors
    for body in [node, *ancestors]:
        scope += edges_of(body, E_JURISDICTION, incoming=False)
    return list(dict.fromkeys(scope))


def oversight_chain(graph: nx.MultiDiGraph, units: list[str]) -> list[ChainLink]:
    """Who inspects ``units``, who inspects those inspectors, and so on up,
    breadth first; each inspector appears once, at its nearest level."""
    links: list[ChainLink] = []
    seen = set(units)
    frontier = [(u, 0) for u in units]
    while frontier:
        next_frontier = []
        for subject, level in frontier:
            found: dict[tuple[str, str], list[dict]] = defaultdict(list)
            for via in _oversight_scope(graph, subject):
                for inspector, _, data in graph.in_edges(via, data=True):
                    if data["kind"] == E_INSPECTS and inspector != subject:
                        found[(inspector, via)].append(data)
            for (inspector, via), acts in sorted(found.items(), key=lambda kv: graph.nodes[kv[0][0]]["label"]):
                links.append(ChainLink(level + 1, inspector, subject, via,
                                       sorted(acts, key=lambda a: a.get("date", ""))))
                if inspector not in seen:
                    seen.add(inspector)
                    next_frontier.append((inspector, level + 1))
        frontier = next_frontier
    return links


@dataclass
class Ranking:
    inspected: list[tuple[str, int]]     # (label, activities), most first
    inspectors: list[tuple[str, int]]
    year: int | None


def rank(graph: nx.MultiDiGraph, year: int | None = None, top: int = 10) -> Ranking:
    """Most inspected units and bodies, and most active inspecting bodies,
    counting each activity once (per target, and per inspector)."""
    by_target: dict[str, set[str]] = defaultdict(set)
    by_inspector: dict[str, set[str]] = defaultdict(set)
    for a, b, data in graph.edges(data=True):
        if data["kind"] != E_INSPECTS or (year is not None and data.get("year") != year):
            continue
        by_target[b].add(data["activity"])
        by_inspector[a].add(data["activity"])

    def ordered(counts: dict[str, set[str]]) -> list[tuple[str, int]]:
        rows = [(graph.nodes[n]["label"], len(acts)) for n, acts in counts.items()]
        return sorted(rows, key=lambda r: (-r[1], fold(r[0])))[:top]

    return Ranking(ordered(by_target), ordered(by_inspector), year)

