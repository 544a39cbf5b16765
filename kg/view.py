"""The interactive view: one self-contained, offline, safe HTML page.

The page is ours, not pyvis's: pyvis 0.3.2 links Bootstrap from a CDN even
with ``cdn_resources="in_line"``, switches every tooltip to raw HTML once one
contains ``href``, and never escapes its heading. We take only the
vis-network 9.1.2 script and stylesheet that pyvis bundles, inline them, and
write the rest (search, filters, legend, tooltips) in plain JS and CSS.

Safety rests on three rules, each kept in one place below:

* data reaches the page only as JSON inside ``<script type="application/json">``,
  with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped (``_script_json``), so
  no string can close the script element;
* the page's script puts data into the DOM only as text nodes
  (``textContent``), and a link only as an ``<a>`` made with
  ``createElement`` whose ``href`` is set only for http(s) URLs; vis-network's
  own ``title`` tooltips are not used; what the script paints on the canvas
  itself (a big view's edges) is lines, never text;
* the heading and page title are ``html.escape``d.

Speed: positions are computed beforehand (python-igraph's grid
Fruchterman-Reingold, leaving a big component's one-neighbour nodes out and
setting them round their neighbour afterwards, or Reingold-Tilford for the
tree layout) and the page draws them with physics off; the ``physics``
layout instead bounds stabilisation to a fixed number of iterations, then
stops the simulation. The data holds what cannot be derived, as the page
reads and parses all of it before it draws: tooltips are made in the page
when shown, from a node's own facts and its edges, or an activity's facts;
an edge's colour, width and dashes follow its kind, and an activity's edges
take their filters, colour and label from the activity, written once for all
its edges. Above ``EDGE_DETAIL_LIMIT`` edges vis-network is given no edges
(it builds an object per edge, about 37 µs each: 330 ms for the 9,000 lines
of a 2,000-node view, then draws each on its own): the page joins the edges
of one kind and colour between two nodes into one line, paints the lines on
vis-network's canvas before it draws the nodes, one path per stroke style,
and finds the line under the pointer itself for hover and click; only the
lines around a clicked node go to vis-network, which draws them with labels
and arrows. Above ``NODE_LABEL_LIMIT`` nodes vis-network is given node
labels only for the nodes in sight once the zoom makes them readable (names
stay in the data for hover, search and details). The page marks its phases
in ``window.__kgTimes`` (bench/bench_view.py prints them). What is left is
mostly vis-network's own cost per node (building its objects), see issue 4.
"""
from __future__ import annotations

import colorsys
import html
import json
import math
import os
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import networkx as nx

from kg import graph as kgraph
from kg.errors import KGError
from kg.graph import (
    DOCUMENT, E_CONTAINS, E_DOC_LINK, E_HOLDS, E_INSPECTS, E_ISSUED, E_JURISDICTION, E_LED,
    E_SUB_ORG, OFFICIAL, PLACE, Filters,
)
from kg.schema import Entry, schema

DEFAULT_MAX_NODES = 5000
LAYOUTS = ("force", "tree", "physics")
PHYSICS_ITERATIONS = 150
# Components above this many nodes are laid out without their one-neighbour
# nodes, which are then set round their neighbour (_component_layout).
LEAF_STRIP_FROM = 1000
# Above this many edges vis-network is given no edges (a "big" view, the
# data's ``detailed`` false). It builds an object per edge, about 37 µs each
# (330 ms for the 9,000 joined lines of the bench's 2,000-node, 13,000-edge
# view, a third of its first draw), and draws each edge, label and arrowhead
# on its own every frame. Instead the page joins the edges of one kind and
# colour between two nodes into one line, paints the lines itself, batched
# by stroke style, under the nodes, and hit-tests them for hover and click;
# it hands vis-network only the lines around a clicked node, to draw with
# labels and arrows.
EDGE_DETAIL_LIMIT = 2000
# Above this many nodes the network is given node labels only for the nodes
# in sight once zoomed in far enough to read them (the page's labelInView):
# vis-network measures every label it holds while it builds and fits, though
# at the zoom that fits 2,000 nodes none is big enough to be drawn. Names
# stay in the data: hover, search and details show them.
NODE_LABEL_LIMIT = 1500
FONT = "'Noto Sans', 'DejaVu Sans', 'Segoe UI', Arial, sans-serif"

# Node styles: vis-network group -> the schema entry whose view draws it,
# for each entity kind the graph draws, its own kinds (kinds of body, levels
# of unit) before itself, in the schema's order (the legend's).
GROUPS: dict[str, Entry] = {
    entry.value: entry for kind in schema().entity_kinds if kind.node
    for entry in (*kind.kinds, kind) if entry.view}
ORG_KIND_WORDS = {entry.value: entry.vi for entry in schema().body_kinds}
ACTIVITY_WORDS = {entry.value: entry.vi for entry in schema().activity_kinds}
RELATION_WORDS = {entry.value: entry.vi for entry in schema().document_relations}
# Edge styles by kind: (colour, dashes, width, legend label). Activity edges
# take their document's colour instead.
EDGE_STYLES: dict[str, tuple[str, bool | list[int], float, str]] = {
    E_INSPECTS: ("#9e9e9e", False, 2.5, "Kiểm tra, giám sát, làm việc (màu = văn bản)"),
    E_LED: ("#b8860b", [6, 4], 1.5, "Trưởng đoàn → nơi đến (led)"),
    E_HOLDS: ("#546e7a", False, 1.2, "Chức vụ (post held)"),
    E_ISSUED: ("#8d6e63", [2, 4], 1.2, "Ban hành (issued)"),
    E_DOC_LINK: ("#5d4037", [8, 3], 1.5, "Văn bản liên quan (continues, implements…)"),
    E_SUB_ORG: ("#bdbdbd", False, 1.0, "Trực thuộc (part of)"),
    E_CONTAINS: ("#c5e1a5", False, 1.0, "Địa giới (contains)"),
    E_JURISDICTION: ("#c5e1a5", [3, 3], 1.0, "Địa bàn phụ trách (jurisdiction)"),
}
# Well-separated colours for the most used documents; later ones are spread
# around the hue circle by the golden angle.
DOC_PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf",
               "#e377c2", "#8c564b", "#bcbd22", "#393b79", "#ad494a", "#637939"]


@dataclass
class ViewSummary:
    """What a view holds and what it left out."""
    nodes: int
    edges: int
    total_nodes: int
    omitted: dict[str, int] = field(default_factory=dict)   # node kind -> nodes left out
    layout: str = "force"
    path: Path | None = None
    bytes: int = 0
    seconds: float = 0.0          # building the page: projection, layout, HTML
    layout_seconds: float = 0.0   # of which placing the nodes

    def omitted_message(self) -> str | None:
        if not self.omitted:
            return None
        kinds = ", ".join(f"{count:,} {kind}{'' if count == 1 else 's'}" for kind, count in sorted(self.omitted.items()))
        return (f"left out {sum(self.omitted.values()):,} of {self.total_nodes:,} nodes, the least "
                f"connected ({kinds}); narrow the view with --directive, --inspector, --target, "
                f"--person, --kind, --from/--to or --around NAME --depth N, or raise --max-nodes")


# --- safe embedding --------------------------------------------------------------

def _script_json(data: object) -> str:
    """JSON that can sit inside a <script> element: ``<``, ``>`` and ``&`` can
    only occur inside JSON strings, where their \\u escapes mean the same."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


@cache
def _vis_assets() -> tuple[str, str]:
    """vis-network 9.1.2's script and stylesheet, as pyvis ships them."""
    lib = resources.files("pyvis") / "lib" / "vis-9.1.2"
    script = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    style = (lib / "vis-network.css").read_text(encoding="utf-8")
    # inlined as they are, they must not be able to end their own element
    if "</script" in script.lower() or "</style" in style.lower():
        raise KGError("the bundled vis-network cannot be inlined safely (it contains </script> or </style>)")
    return script, style


# --- choosing and placing nodes --------------------------------------------------

class Shown:
    """The nodes and edges a view draws, read once from the projection, with
    each node's edges by direction. (A networkx subgraph copy of 2,000 of
    11,000 nodes took longer than the whole page takes to build now.)"""

    def __init__(self, graph: nx.MultiDiGraph, keep: set[str] | None = None):
        self.nodes: dict[str, dict] = {n: d for n, d in graph.nodes(data=True) if keep is None or n in keep}
        self.edges: list[tuple[str, str, dict]] = [
            (a, b, d) for a, b, d in graph.edges(data=True) if keep is None or (a in keep and b in keep)]
        self.out: dict[str, list[tuple[str, dict]]] = {n: [] for n in self.nodes}
        self.into: dict[str, list[tuple[str, dict]]] = {n: [] for n in self.nodes}
        for a, b, d in self.edges:
            self.out[a].append((b, d))
            self.into[b].append((a, d))

    def label(self, node: str) -> str:
        return self.nodes[node]["label"]


def cap_nodes(graph: nx.MultiDiGraph, max_nodes: int) -> tuple[Shown, dict[str, int]]:
    """The ``max_nodes`` best-connected nodes, and how many of each kind were left out."""
    if graph.number_of_nodes() <= max_nodes:
        return Shown(graph), {}
    degree = dict(graph.degree())
    labels = graph.nodes(data="label")
    ranked = sorted(graph.nodes, key=lambda n: (-degree[n], labels[n]))
    keep = set(ranked[:max_nodes])
    omitted = Counter(graph.nodes[n]["kind"] for n in ranked[max_nodes:])
    return Shown(graph, keep), dict(omitted)


def _scaled(coords: list[tuple[float, float]], edges: list[tuple[int, int]],
            edge_length: float) -> list[tuple[float, float]]:
    """Scale a layout so that its median edge is ``edge_length`` pixels."""
    lengths = sorted(((coords[a][0] - coords[b][0]) ** 2 + (coords[a][1] - coords[b][1]) ** 2) ** 0.5
                     for a, b in edges)
    median = lengths[len(lengths) // 2] if lengths else 0.0
    factor = edge_length / median if median > 0 else 1.0
    return [(x * factor, y * factor) for x, y in coords]


def _pack(pieces: list[list[tuple[float, float]]], gap: float) -> list[list[tuple[float, float]]]:
    """Place laid-out components side by side in rows, biggest first, so that
    no component is pushed far away and the whole fits a screen-like box."""
    boxes = []
    for coords in pieces:
        xs, ys = [c[0] for c in coords], [c[1] for c in coords]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + gap, max(ys) - min(ys) + gap))
    row_width = max(max(b[2] for b in boxes), (sum(b[2] * b[3] for b in boxes) * 1.6) ** 0.5)
    placed, x, y, row_height = [], 0.0, 0.0, 0.0
    for coords, (x0, y0, w, h) in zip(pieces, boxes):
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        placed.append([(cx - x0 + x, cy - y0 + y) for cx, cy in coords])
        x, row_height = x + w, max(row_height, h)
    return placed


# The tree layout ranks nodes by the organisation's hierarchy: a body above
# the bodies inside it and the units it serves, a unit above the units inside
# it, an inspector above what it inspects, a body above its documents and the
# officials who hold its posts (holds edges are turned round for that).
_TREE_EDGES = {E_SUB_ORG: False, E_CONTAINS: False, E_JURISDICTION: False, E_INSPECTS: False,
               E_ISSUED: False, E_HOLDS: True}


def _tree_positions(graph: Shown, index: dict[str, int]) -> dict[str, tuple[float, float]]:
    import igraph

    edges = set()
    for a, b, d in graph.edges:
        kind = d["kind"]
        if kind in _TREE_EDGES and a != b:
            edges.add((index[b], index[a]) if _TREE_EDGES[kind] else (index[a], index[b]))
    g = igraph.Graph(n=len(index), edges=sorted(edges), directed=True)
    roots = []
    for members in g.connected_components(mode="weak"):
        tops = [v for v in members if g.indegree(v) == 0]
        roots += tops or [max(members, key=g.outdegree)]
    coords = g.layout_reingold_tilford(mode="out", root=roots).coords
    return {n: (x * 190.0, y * 150.0) for n, (x, y) in zip(graph.nodes, coords)}


# Components up to this many nodes are laid out by igraph's exact
# Fruchterman-Reingold, bigger ones by its grid variant (_fruchterman_reingold).
FR_EXACT_UP_TO = 100


def fr_iterations(nodes: int) -> int:
    """Fruchterman-Reingold steps for a component of ``nodes`` nodes.

    150 for the exact variant's small components: they settle early. On the
    28 components of 20 to 100 nodes of the bench's 2,000-node view, 150
    steps leave as many edge crossings as igraph's 500 (1 % more) and the
    same spacing, in a third of the time (0.14 s of that view's 0.25 s
    layout). igraph's 500 for the grid variant up to 1,000 nodes, where
    fewer steps cost crossings (300: 5 % more on a 546-node component);
    fewer above, as the time grows with nodes times steps (on the 9,000-node
    component of the bench's 10,000-node view, 150 steps take a third of
    500's time and the picture keeps its clusters)."""
    if nodes <= FR_EXACT_UP_TO:
        return 150
    if nodes <= 1000:
        return 500
    return max(150, int(500 * 1000 / nodes))


def _fruchterman_reingold(g, rng: random.Random) -> list[tuple[float, float]]:
    side = g.vcount() ** 0.5
    seed = [[rng.uniform(-side, side), rng.uniform(-side, side)] for _ in range(g.vcount())]
    # the grid variant (repulsion from nearby cells only) above 100 nodes:
    # igraph's "auto" waits for 1,000, and its exact variant took 0.5 s
    # for a 546-node component where the grid took 0.06 s
    return g.layout_fruchterman_reingold(seed=seed, grid=g.vcount() > FR_EXACT_UP_TO,
                                         niter=fr_iterations(g.vcount())).coords


def _component_layout(g, rng: random.Random) -> list[tuple[float, float]]:
    """A connected component's layout. In a big one the nodes with a single
    neighbour (a quarter of the 9,000-node component of the bench's
    10,000-node view: officials with one post, documents...) are left out of
    Fruchterman-Reingold, whose time grows with the nodes it moves, and then
    set round their neighbour, spread evenly, where it would have put them."""
    n = g.vcount()
    if n <= LEAF_STRIP_FROM:
        return _fruchterman_reingold(g, rng)
    neighbours = g.neighborhood(order=1, mindist=1)
    leaves = [v for v in range(n) if len(neighbours[v]) == 1 and len(neighbours[neighbours[v][0]]) > 1]
    if len(leaves) < n // 10:
        return _fruchterman_reingold(g, rng)
    is_leaf = [False] * n
    for v in leaves:
        is_leaf[v] = True
    core = [v for v in range(n) if not is_leaf[v]]
    core_coords = _fruchterman_reingold(g.subgraph(core), rng)
    coords: list[tuple[float, float]] = [(0.0, 0.0)] * n
    for v, xy in zip(core, core_coords):
        coords[v] = (xy[0], xy[1])
    lengths = sorted(math.dist(coords[a], coords[b]) for a, b in g.get_edgelist()
                     if not is_leaf[a] and not is_leaf[b])
    radius = 0.6 * (lengths[len(lengths) // 2] if lengths else 1.0)
    around: dict[int, list[int]] = {}
    for v in leaves:
        around.setdefault(neighbours[v][0], []).append(v)
    for hub, fan in around.items():
        hx, hy = coords[hub]
        # away from the hub's other neighbours, where there is room
        others = [coords[u] for u in neighbours[hub] if not is_leaf[u]]
        away = math.atan2(hy - sum(o[1] for o in others) / len(others),
                          hx - sum(o[0] for o in others) / len(others)) if others else 0.0
        spread = min(2 * math.pi, 0.6 * len(fan)) if others else 2 * math.pi
        for i, v in enumerate(fan):
            angle = away + spread * ((i + 0.5) / len(fan) - 0.5)
            coords[v] = (hx + radius * math.cos(angle), hy + radius * math.sin(angle))
    return coords


def compute_positions(graph: Shown, layout: str) -> dict[str, tuple[float, float]] | None:
    """Node positions in pixels, or None when the page's physics places them."""
    if layout == "physics" or not graph.nodes:
        return None
    import igraph

    index = {n: i for i, n in enumerate(graph.nodes)}
    edges = sorted({(index[a], index[b]) for a, b, _ in graph.edges if a != b})
    if layout == "tree":
        return _tree_positions(graph, index)
    g = igraph.Graph(n=len(index), edges=edges, directed=False)
    edge_length = 150.0 if len(index) > 200 else 240.0
    # seeded start positions; igraph's grid Fruchterman-Reingold is not itself
    # deterministic, so two runs may differ slightly
    rng = random.Random(0)
    members_list = sorted(g.connected_components(), key=len, reverse=True)
    pieces = []
    for members in members_list:
        if len(members) == 1:
            pieces.append([(0.0, 0.0)])
            continue
        sub = g.subgraph(members)
        pieces.append(_scaled(_component_layout(sub, rng), sub.get_edgelist(), edge_length))
    positions: dict[str, tuple[float, float]] = {}
    nodes = list(graph.nodes)
    for members, coords in zip(members_list, _pack(pieces, gap=edge_length)):
        for i, xy in zip(members, coords):
            positions[nodes[i]] = xy
    return positions


# --- what the page shows -------------------------------------------------------------

def document_colours(graph: Shown) -> dict[str, str]:
    """A colour per document code, the most used documents first."""
    counts = Counter(d["code"] for _, _, d in graph.edges
                     if d["kind"] == E_INSPECTS and d.get("code"))
    colours = {}
    for i, (code, _) in enumerate(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))):
        if i < len(DOC_PALETTE):
            colours[code] = DOC_PALETTE[i]
        else:
            r, g, b = colorsys.hls_to_rgb((i * 0.618034) % 1.0, 0.42, 0.65)
            colours[code] = f"#{int(r * 255):02x}{int(g * 255):02x}{int(b * 255):02x}"
    return colours


def node_facts(d: dict) -> dict:
    """A node's own facts that its tooltip shows; the page adds what its
    edges say (the body above, the posts held, the issuer...) when the
    node is hovered, rather than every tooltip being written out here."""
    if d["kind"] == PLACE:
        facts = {"ut": d.get("unit_type"), "code": d.get("code"), "vf": d.get("valid_from"),
                 "vt": d.get("valid_through")}
    elif d["kind"] == OFFICIAL:
        facts = {"hon": d.get("honorifics")}
    elif d["kind"] == DOCUMENT:
        facts = {"title": d.get("title"), "date": d.get("date"), "subj": d.get("subject"),
                 "ev": d.get("evidence") or None, "src": d.get("sources") or None}
    else:
        facts = {}
    return {k: v for k, v in facts.items() if v not in (None, "", [])}


def holds_facts(d: dict) -> dict:
    """A post held, for its edge's tooltip and the official's."""
    facts = {"post": d.get("post"), "vf": d.get("valid_from"), "vt": d.get("valid_through"),
             "att": d.get("attested_on"), "ev": d.get("evidence") or None, "src": d.get("sources") or None}
    return {k: v for k, v in facts.items() if v not in (None, "", [])}


def activity_info(d: dict) -> dict:
    """What the edges of one activity share, written once: an activity has
    an edge per target and kind. Its kind (``k``), document (``d``), date
    (``dt``) and year (``y``) give the page each edge's filters, colour and
    label; with the inspector (``i``), leader (``ld``), topic (``tp``),
    evidence (``e``) and sources (``s``) they make the tooltip of any of
    its edges, which the page writes when it is shown."""
    facts = {"k": d["activity_kind"], "i": d.get("inspector"), "d": d.get("code"), "dt": d.get("date"),
             "y": d.get("year"), "ld": d.get("leader"), "tp": d.get("topic"), "e": d.get("evidence"),
             "s": d.get("sources")}
    return {k: v for k, v in facts.items() if v not in (None, "", [])}


def _edge_label(d: dict) -> str | None:
    """A post's or a document link's label; the page makes an activity
    edge's (document · date, or the kind of activity; for the leader's
    edge "Trưởng đoàn · date") from its activity."""
    kind = d["kind"]
    if kind == E_HOLDS:
        return d.get("role")
    if kind == E_DOC_LINK:
        return RELATION_WORDS[d["relation"]]
    return None


def view_data(graph: Shown, positions: dict[str, tuple[float, float]] | None,
              layout: str) -> dict:
    """Everything the page draws, as plain JSON-ready data."""
    ids = {n: i for i, n in enumerate(graph.nodes)}
    colours = document_colours(graph)
    nodes = []
    for n, d in graph.nodes.items():
        item = {"id": ids[n], "label": d["label"], "group": d["sub"], "kind": d["kind"]}
        facts = node_facts(d)
        if facts:
            item["f"] = facts
        if positions is not None:
            item["x"], item["y"] = round(positions[n][0], 1), round(positions[n][1], 1)
        nodes.append(item)
    edges = []
    detailed = len(graph.edges) <= EDGE_DETAIL_LIMIT
    activities: dict[str, int] = {}
    acts: list[dict] = []
    parallel: Counter[frozenset] = Counter()
    for a, b, d in graph.edges:
        # an edge's id is its place in the list; its colour, width and dashes
        # follow its kind (DATA.styles), an inspection's colour its document,
        # and an activity's edges take their filters and label from it: the
        # page adds them
        item = {"from": ids[a], "to": ids[b], "kind": d["kind"]}
        if d["kind"] in (E_INSPECTS, E_LED):
            if d["activity"] not in activities:
                activities[d["activity"]] = len(acts)
                acts.append(activity_info(d))
            item["act"] = activities[d["activity"]]
        elif d["kind"] == E_HOLDS:
            item["f"] = holds_facts(d)
        # other edges' tooltips ("A → B", the relation, the post) are made by the page
        if detailed:
            # straight edges are cheap to draw; only the second and later edges
            # between the same two nodes curve, so that none hides another (a
            # big view's page curves its joined lines the same way)
            pair = frozenset((a, b))
            if parallel[pair]:
                item["sm"] = parallel[pair]   # the page curves it by 0.25 per step
            parallel[pair] += 1
        label = _edge_label(d)
        if label:
            item["lbl"] = label
        edges.append(item)
    groups_present = {d["sub"] for d in graph.nodes.values()}
    kinds_present = {d["kind"] for _, _, d in graph.edges}
    doc_counts = Counter(d["code"] for _, _, d in graph.edges if d["kind"] == E_INSPECTS and d.get("code"))
    return {
        "layout": layout,
        "detailed": detailed,
        "lazyLabels": len(graph.nodes) > NODE_LABEL_LIMIT,
        "nodes": nodes,
        "edges": edges,
        "acts": acts,
        "orgKinds": ORG_KIND_WORDS,
        "styles": {k: [s[2], s[1] or None, s[3], s[0]] for k, s in EDGE_STYLES.items()},
        "words": {**ACTIVITY_WORDS, E_LED: "Trưởng đoàn"},
        "legend": {
            "nodes": [[g, *legend_entry(g)] for g in GROUPS if g in groups_present],
            "edges": [[k, s[3], s[0], bool(s[1])] for k, s in EDGE_STYLES.items() if k in kinds_present],
            "documents": [[code, colours[code], count] for code, count in
                          sorted(doc_counts.items(), key=lambda kv: (-kv[1], kv[0]))],
        },
        "kinds": sorted({act["k"] for act in acts}),
        "years": sorted({act["y"] for act in acts if "y" in act}),
        "options": vis_options(layout, len(graph.nodes), detailed),
    }


def legend_entry(group: str) -> list[str]:
    """The legend's label, glyph (it stands for the shape) and glyph colour
    for a vis-network group."""
    entry = GROUPS[group]
    return [f"{entry.legend} ({entry.en})", entry.view.glyph, entry.view.glyph_colour]


def vis_options(layout: str, node_count: int, detailed: bool = True) -> dict:
    # vis-network can leave its edges out while the view is dragged or
    # zoomed; a big view gives it only the few around a clicked node
    hide_edges = detailed and node_count > NODE_LABEL_LIMIT
    groups = {}
    for name, entry in GROUPS.items():
        shape, colour = entry.view.shape, entry.view.colour
        style = {"shape": shape, "size": entry.view.size,
                 "color": {"background": colour, "border": "#37474f",
                           "highlight": {"background": colour, "border": "#000000"},
                           "hover": {"background": colour, "border": "#000000"}}}
        if shape == "box":
            style.update(font={"color": "#263238", "size": 12, "face": FONT}, margin=4)
        groups[name] = style
    options = {
        "autoResize": True,
        "groups": groups,
        "nodes": {"font": {"face": FONT, "size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": detailed, "scaleFactor": 0.5}},
                  "font": {"face": FONT, "size": 10, "strokeWidth": 3,
                           "strokeColor": "#ffffff", "color": "#37474f"},
                  "selectionWidth": 1.5, "hoverWidth": 1},
        "interaction": {"hover": True, "tooltipDelay": 150, "keyboard": False,
                        "hideEdgesOnDrag": hide_edges, "hideEdgesOnZoom": hide_edges, "multiselect": False},
        "layout": {"improvedLayout": False},
        "physics": False,
    }
    if layout == "physics":
        options["physics"] = {
            "enabled": True, "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -8000, "springLength": 120, "avoidOverlap": 0.1},
            "stabilization": {"enabled": True, "iterations": PHYSICS_ITERATIONS, "updateInterval": 50,
                              "fit": True},
        }
    return options


# --- the page ---------------------------------------------------------------------------

# The page's own script and style are files of the package (kg/web/view.js,
# kg/web/view.css), checked by the tests like any code, and inlined here:
# the view is one file that works offline.
@cache
def _page_asset(name: str) -> str:
    return resources.files("kg.web").joinpath(name).read_text(encoding="utf-8")




def page_html(data: dict, title: str, note: str | None = None) -> str:
    """The whole page. Only ``title`` and ``note`` are written as HTML text,
    escaped; everything else reaches the page as JSON data."""
    script, style = _vis_assets()
    heading = html.escape(title)
    note_html = f'<div id="kg-note">{html.escape(note)}</div>' if note else ""
    page_css, page_js = _page_asset("view.css"), _page_asset("view.js")
    return "".join([
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        # the page needs nothing from the network; say so to the browser too
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
        "connect-src 'none'; base-uri 'none'; form-action 'none'\">\n",
        f"<title>{heading}</title>\n",
        "<style>", style, "</style>\n<style>", page_css, "</style>\n",
        "<script>", script, "</script>\n</head>\n<body>\n",
        "<header>",
        f"<h1>{heading}</h1>",
        '<label>Tìm (search) <input id="kg-search" type="search" placeholder="tên, mã văn bản…" size="22"></label>',
        '<button id="kg-search-go" type="button">Tìm</button>',
        '<label>Văn bản <select id="kg-doc"><option value="">tất cả</option></select></label>',
        '<label>Loại <select id="kg-kind"><option value="">tất cả</option></select></label>',
        '<label>Năm <select id="kg-year"><option value="">tất cả</option></select></label>',
        '<span id="kg-status"></span>', note_html,
        "</header>\n",
        '<div id="kg-body"><div id="kg-main"><div id="kg-network"></div><div id="kg-tooltip"></div></div>',
        '<aside id="kg-side"><div id="kg-details" class="kg-panel">'
        '<button id="kg-details-close" type="button">×</button><div id="kg-details-body"></div></div>',
        '<div id="kg-legend" class="kg-panel"></div></aside></div>\n',
        '<script id="kg-data" type="application/json">', _script_json(data), "</script>\n",
        "<script>", page_js, "</script>\n</body>\n</html>\n",
    ])


def render(graph: nx.MultiDiGraph, *, title: str, layout: str = "force",
           max_nodes: int = DEFAULT_MAX_NODES, left_out: dict[str, int] | None = None) -> tuple[str, ViewSummary]:
    """The page for ``graph``, and what it holds. ``left_out`` counts, by
    kind, the nodes the projection already left out of ``graph``."""
    if layout not in LAYOUTS:
        raise KGError(f"unknown layout {layout!r}", hint="use " + ", ".join(LAYOUTS))
    total = graph.number_of_nodes() + sum((left_out or {}).values())
    shown, omitted = cap_nodes(graph, max_nodes)
    omitted = dict(Counter(omitted) + Counter(left_out or {}))
    started = time.perf_counter()
    positions = compute_positions(shown, layout)
    summary = ViewSummary(nodes=len(shown.nodes), edges=len(shown.edges), total_nodes=total,
                          omitted=omitted, layout=layout, layout_seconds=time.perf_counter() - started)
    page = page_html(view_data(shown, positions, layout), title, summary.omitted_message())
    summary.bytes = len(page.encode("utf-8"))
    return page, summary


def check_writable(path: Path) -> None:
    """Fail before the work, not after it, when ``path`` cannot be written."""
    if path.is_dir():
        raise KGError(f"cannot write the view to {path}: it is a folder", hint="give a file name, e.g. -o party-kg.html")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise KGError(f"cannot write the view to {path}: folder {parent} does not exist")
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise KGError(f"cannot write the view to {path}: permission denied")


def write_view(store, path: str | os.PathLike, *, title: str | None = None, layout: str = "force",
               max_nodes: int = DEFAULT_MAX_NODES, **filters) -> ViewSummary:
    """Project the store with ``filters`` (the fields of kg.graph.Filters),
    write the page to ``path`` and say what it holds. Raises
    kg.graph.NothingMatches, writing nothing, when the filters select nothing."""
    started = time.perf_counter()
    target = Path(path)
    check_writable(target)
    selection = Filters(**filters)
    if selection.is_focused() or selection.around is not None:
        graph, left_out = kgraph.project(store, selection), {}
    else:
        # only the nodes the page will draw (the whole national store took 75-100 s to project)
        graph, left_out = kgraph.project_best_connected(store, max_nodes)
    if graph.number_of_nodes() == 0:
        raise kgraph.NothingMatches(f"nothing in the graph matches {selection.describe()}",
                                    hint="load data first (`kg load`, `kg demo`) or drop a filter")
    heading = title or ("Party KG" + ("" if not selection.is_focused() and selection.around is None
                                      else f" — {selection.describe()}"))
    page, summary = render(graph, title=heading, layout=layout, max_nodes=max_nodes, left_out=left_out)
    try:
        target.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise KGError(f"cannot write the view to {target}: {exc.strerror}") from None
    summary.path = target.resolve()
    summary.seconds = time.perf_counter() - started
    return summary
