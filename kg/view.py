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
from importlib import resources
from pathlib import Path

import networkx as nx

from kg import graph as kgraph
from kg.errors import KGError
from kg.graph import (
    DOCUMENT, E_CONTAINS, E_DOC_LINK, E_HOLDS, E_INSPECTS, E_ISSUED, E_JURISDICTION, E_LED,
    E_SUB_ORG, OFFICIAL, PLACE, Filters,
)
from kg.schema import schema

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

# Node styles by kind and level: vis-network group -> (shape, colour, size,
# legend label, legend glyph). The glyph stands for the shape in the legend.
GROUPS: dict[str, tuple[str, str, int, str, str]] = {
    **{entry.value: (entry.view.shape, entry.view.colour, entry.view.size, f"{entry.legend} ({entry.en})",
                     entry.view.glyph)
       for entry in (*schema().body_kinds, *schema().unit_levels)},
    "unit": ("hexagon", "#a5d6a7", 13, "Đơn vị hành chính (unit)", "⬢"),
    "official": ("star", "#f9a825", 15, "Cán bộ (official)", "★"),
    "document": ("box", "#eceff1", 10, "Văn bản (document)", "▣"),
}
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
            "nodes": [[g, GROUPS[g][3], GROUPS[g][4], GROUPS[g][1] if g != "document" else "#546e7a"]
                      for g in GROUPS if g in groups_present],
            "edges": [[k, s[3], s[0], bool(s[1])] for k, s in EDGE_STYLES.items() if k in kinds_present],
            "documents": [[code, colours[code], count] for code, count in
                          sorted(doc_counts.items(), key=lambda kv: (-kv[1], kv[0]))],
        },
        "kinds": sorted({act["k"] for act in acts}),
        "years": sorted({act["y"] for act in acts if "y" in act}),
        "options": vis_options(layout, len(graph.nodes), detailed),
    }


def vis_options(layout: str, node_count: int, detailed: bool = True) -> dict:
    # vis-network can leave its edges out while the view is dragged or
    # zoomed; a big view gives it only the few around a clicked node
    hide_edges = detailed and node_count > NODE_LABEL_LIMIT
    groups = {}
    for name, (shape, colour, size, _, _) in GROUPS.items():
        style = {"shape": shape, "size": size,
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

PAGE_CSS = """
html, body { margin: 0; height: 100%; font-family: %FONT%; color: #263238; background: #fafafa; }
body { display: flex; flex-direction: column; }
header { padding: 6px 12px; background: #263238; color: #fff; display: flex; flex-wrap: wrap;
         align-items: center; gap: 8px 16px; }
header h1 { font-size: 17px; margin: 0; font-weight: 600; }
header label { font-size: 13px; }
header input, header select, header button { font: inherit; font-size: 13px; padding: 2px 6px; }
#kg-status { font-size: 12px; color: #cfd8dc; }
#kg-note { font-size: 12px; color: #ffcc80; width: 100%; }
#kg-body { flex: 1; display: flex; min-height: 300px; }
#kg-main { position: relative; flex: 1; }
#kg-network { position: absolute; inset: 0; background: #ffffff; }
#kg-side { width: 310px; overflow: auto; border-left: 1px solid #b0bec5; background: #fff; font-size: 12px; }
.kg-panel { padding: 6px 10px; }
#kg-legend h2 { font-size: 12px; margin: 6px 0 2px; }
#kg-legend .row { line-height: 18px; }
#kg-legend .glyph { display: inline-block; width: 18px; text-align: center; font-size: 15px; }
#kg-legend .line { display: inline-block; width: 22px; margin: 0 6px 3px 0; border-top-width: 3px;
                   vertical-align: middle; }
#kg-details { display: none; border-bottom: 1px solid #b0bec5; background: #fffde7; }
#kg-details button { float: right; }
#kg-tooltip { position: absolute; display: none; pointer-events: none; max-width: 420px; z-index: 10;
              background: rgba(255,255,255,0.97); border: 1px solid #b0bec5; border-radius: 4px;
              font-size: 12px; padding: 6px 8px; box-shadow: 0 1px 4px rgba(0,0,0,.2); }
.kg-info .tip-title { font-weight: 600; font-size: 13px; margin-bottom: 3px; }
.kg-info .tip-key { color: #607d8b; }
.kg-info blockquote { margin: 4px 0; padding-left: 6px; border-left: 3px solid #cfd8dc; font-style: italic; }
.kg-info a { color: #1565c0; word-break: break-all; }
""".replace("%FONT%", FONT)

PAGE_JS = r"""
(function () {
  "use strict";
  // phase marks (ms since navigation start), read by bench/bench_view.py
  var T = window.__kgTimes = { start: performance.now() };
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  T.parsed = performance.now();
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fold(s) {
    return String(s).replace(/[đĐ]/g, "d").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  // Every string from the data goes in as text; a link is an <a> whose href
  // is set only for http(s).
  function infoElement(info) {
    var box = el("div", "kg-info");
    box.appendChild(el("div", "tip-title", info.t));
    (info.l || []).forEach(function (pair) {
      var row = el("div");
      row.appendChild(el("span", "tip-key", pair[0] + ": "));
      row.appendChild(document.createTextNode(pair[1]));
      box.appendChild(row);
    });
    (info.e || []).forEach(function (sentence) { box.appendChild(el("blockquote", null, sentence)); });
    (info.s || []).forEach(function (source) {
      var row = el("div");
      row.appendChild(el("span", "tip-key", "Nguồn: "));
      if (/^https?:\/\//i.test(source[0])) {
        var a = el("a", null, source[1]);
        a.href = source[0];
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        row.appendChild(a);
      } else {
        row.appendChild(document.createTextNode(source[1] + " (" + source[0] + ")"));
      }
      box.appendChild(row);
    });
    return box;
  }

  // What the data leaves to the page (every MB of it is read, decoded and
  // parsed before anything is drawn): an edge's id is its place in the
  // list, its colour its kind's; an activity's edges take their kind of activity,
  // document, year and label from the activity, and an inspection's edge
  // its document's colour. A small view's edges take their width and
  // dashes by kind, and a curve when second or later between the same two
  // nodes (a big view's lines take theirs in rebuildOverview and paintLines).
  var docColours = new Map(DATA.legend.documents.map(function (d) { return [d[0], d[1]]; }));
  DATA.edges.forEach(function (e, i) {
    var style = DATA.styles[e.kind];
    e.id = i;
    e.color = style[3];
    if (e.act !== undefined) {
      var act = DATA.acts[e.act];
      e.akind = act.k;
      if (act.d) e.doc = act.d;
      if (act.y) e.year = act.y;
      if (e.kind === "led") {
        e.lbl = DATA.words.led + (act.dt ? " · " + act.dt : "");
      } else {
        if (act.d) e.color = docColours.get(act.d);
        e.lbl = [act.d, act.dt].filter(Boolean).join(" · ") || DATA.words[act.k];
      }
    }
    if (DATA.detailed) {
      if (e.lbl !== undefined) { e.label = e.lbl; delete e.lbl; }
      e.width = style[0];
      if (style[1]) e.dashes = style[1];
      if (e.sm) e.smooth = { enabled: true, type: "curvedCW", roundness: 0.25 * e.sm };
    }
  });
  // a node's name is its label; a big view gives the network a label only
  // for the nodes in sight once they are big enough to read (labelInView)
  DATA.nodes.forEach(function (n) { n.name = n.label; if (DATA.lazyLabels) delete n.label; });
  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  T.datasets = performance.now();
  var visibleNodes = null, visibleEdges = null;   // null: no in-page filter
  var nodesView = new vis.DataView(nodes, { filter: function (n) { return !visibleNodes || visibleNodes.has(n.id); } });
  var edgesView = new vis.DataView(edges, { filter: function (e) { return !visibleEdges || visibleEdges.has(e.id); } });
  // A big view gives vis-network no edges to build (its cost per edge:
  // EDGE_DETAIL_LIMIT in kg/view.py). The page joins all edges of one kind
  // and colour between the same two nodes into one line (overview), paints
  // the lines itself, one path per stroke style, before vis-network draws
  // the nodes on top (paintLines), and finds the line under the pointer
  // itself (lineAt). Only the lines around a clicked node go to vis-network
  // (drawn), which draws them with labels and arrows. Hovering or clicking
  // a line shows every edge it stands for. A small view gives vis-network
  // every edge.
  var big = !DATA.detailed;
  var drawn = big ? new vis.DataSet() : null;
  // line: {from, to, kind, colour, k: its place among the lines between the
  // same two nodes (0 straight, then curved further and further), members:
  // the ids of the edges it stands for}
  var overview = [];
  var strokes = [];   // {colour, width, dashes, lines: [index into overview]}
  function rebuildOverview() {
    var lineOf = new Map(), pairs = new Map(), strokeAt = new Map();
    overview.length = 0;
    strokes.length = 0;
    // (straight from the data: a DataView's forEach copies every item)
    DATA.edges.forEach(function (e) {
      if (visibleEdges && !visibleEdges.has(e.id)) return;
      // (e.color: a string; only a small view dims its edges, making it an object)
      var c = e.color, key = e.from + ">" + e.to + ">" + e.kind + ">" + c, i = lineOf.get(key);
      if (i === undefined) {
        var pair = Math.min(e.from, e.to) + "-" + Math.max(e.from, e.to), k = pairs.get(pair) || 0;
        pairs.set(pair, k + 1);
        i = overview.length;
        overview.push({ from: e.from, to: e.to, kind: e.kind, colour: c, k: k, members: [] });
        lineOf.set(key, i);
        var style = c + ">" + e.kind, stroke = strokeAt.get(style);
        if (stroke === undefined) {
          stroke = { colour: c, width: DATA.styles[e.kind][0], dashes: DATA.styles[e.kind][1] || [], lines: [] };
          strokeAt.set(style, stroke);
          strokes.push(stroke);
        }
        stroke.lines.push(i);
      }
      overview[i].members.push(e.id);
    });
  }
  if (big) rebuildOverview();
  // the edges a line (big view) or edge (small view) stands for
  function edgesOf(id) { return big ? overview[id].members.map(function (i) { return edges.get(i); }) : [edges.get(id)]; }
  function drawnLabel(id) {
    var list = edgesOf(id), first = list[0].lbl;
    return first === undefined ? undefined : first + (list.length > 1 ? " (+" + (list.length - 1) + ")" : "");
  }
  // A physics view needs the lines as springs while it settles: it gives
  // them to vis-network hidden (hidden edges still pull), and takes them
  // back once the simulation stops.
  if (big && DATA.layout === "physics") {
    drawn.add(overview.map(function (line, i) { return { id: i, from: line.from, to: line.to, hidden: true }; }));
  }
  var network = new vis.Network($("kg-network"), { nodes: nodesView, edges: drawn || edgesView }, DATA.options);
  T.network = performance.now();

  // --- a big view's lines, painted by the page ----------------------------------
  // vis-network's curvedCW control point for roundness 0.25 k (the curve a
  // second or later edge between two nodes gets in a small view), so that a
  // line keeps its shape when a click hands it to vis-network
  function control(line, a, b) {
    var round = 0.25 * line.k, dx = b.x - a.x, dy = a.y - b.y, reach = (0.5 * round + 0.5) * Math.sqrt(dx * dx + dy * dy);
    var angle = Math.atan2(dy, dx) + (0.5 * round + 0.5) * Math.PI;
    return { x: a.x + reach * Math.sin(angle), y: a.y + reach * Math.cos(angle) };
  }
  var LOOP = 12;   // a line from a node to itself: a circle of this radius (k: a wider one) by the node
  function loopOf(line, a) { var r = LOOP * (line.k + 1); return { x: a.x + 0.7 * r, y: a.y - 0.7 * r, r: r }; }
  var lit = new Set();   // the lines vis-network draws (around a clicked node): not painted
  // vis-network calls this with its context in network coordinates, before
  // it draws the nodes. Node positions are read from vis-network's own node
  // objects (network.body.nodes), as it draws them: a node being dragged
  // takes its lines along, and getPositions() would copy every node each frame.
  function paintLines(ctx) {
    var at = network.body.nodes, scale = network.getScale();
    ctx.save();
    // while a node's neighbourhood is lit, every painted line is dimmed
    ctx.globalAlpha = highlighted ? 0.08 : 1;
    strokes.forEach(function (stroke) {
      ctx.beginPath();
      stroke.lines.forEach(function (i) {
        if (lit.has(i)) return;
        var line = overview[i], a = at[line.from], b = at[line.to];
        if (a === undefined || b === undefined) return;
        if (a === b) {
          var o = loopOf(line, a);
          ctx.moveTo(o.x + o.r, o.y);
          ctx.arc(o.x, o.y, o.r, 0, 2 * Math.PI);
        } else {
          ctx.moveTo(a.x, a.y);
          if (line.k) { var c = control(line, a, b); ctx.quadraticCurveTo(c.x, c.y, b.x, b.y); }
          else ctx.lineTo(b.x, b.y);
        }
      });
      ctx.strokeStyle = stroke.colour;
      // widths in network units, as vis-network draws edges: lines thicken
      // as one zooms in, never thinner than 0.3 screen pixels
      ctx.lineWidth = Math.max(stroke.width, 0.3 / scale);
      ctx.setLineDash(stroke.dashes);
      ctx.stroke();
    });
    ctx.restore();
  }
  // squared distance from (x, y) to the segment from (x1, y1) to (x2, y2)
  function segmentDistance2(x, y, x1, y1, x2, y2) {
    var dx = x2 - x1, dy = y2 - y1, len2 = dx * dx + dy * dy;
    var t = len2 ? Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / len2)) : 0;
    var ex = x1 + t * dx - x, ey = y1 + t * dy - y;
    return ex * ex + ey * ey;
  }
  var CURVE_STEPS = 8;
  // The painted line nearest (x, y), in network coordinates, within 6 screen
  // pixels, or null. A curve is measured as 8 chords along it: they stray
  // from it by 1/128 of the control point's distance from the middle of
  // the straight line, well within the tolerance, where that one straight
  // line would miss a curve's middle entirely.
  function lineAt(x, y) {
    var at = network.body.nodes, tolerance = 6 / network.getScale(), best = null, bestDistance = tolerance * tolerance;
    for (var i = 0; i < overview.length; i++) {
      var line = overview[i], a = at[line.from], b = at[line.to], d;
      if (a === undefined || b === undefined) continue;
      if (a === b) {
        var o = loopOf(line, a), off = Math.sqrt((x - o.x) * (x - o.x) + (y - o.y) * (y - o.y)) - o.r;
        d = off * off;
      } else if (!line.k) {
        d = segmentDistance2(x, y, a.x, a.y, b.x, b.y);
      } else {
        var c = control(line, a, b), px = a.x, py = a.y;
        d = Infinity;
        for (var s = 1; s <= CURVE_STEPS; s++) {
          var t = s / CURVE_STEPS, u = 1 - t;
          var qx = u * u * a.x + 2 * u * t * c.x + t * t * b.x, qy = u * u * a.y + 2 * u * t * c.y + t * t * b.y;
          d = Math.min(d, segmentDistance2(x, y, px, py, qx, qy));
          px = qx; py = qy;
        }
      }
      if (d <= bestDistance) { bestDistance = d; best = i; }
    }
    return best;
  }
  if (big) network.on("beforeDrawing", paintLines);

  window.kgView = { network: network, nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView, drawn: drawn,
                   overview: overview, lineAt: lineAt,
                   info: function (id) { return nodeInfo(nodes.get(id)); },
                   edgeInfo: function (id) { return edgeInfo(edges.get(id)); } };

  function ready() {
    if (window.__kgReady !== undefined) return;
    window.__kgReady = T.drawn = performance.now();
    document.body.setAttribute("data-ready", "1");
  }
  if (DATA.layout === "physics") {
    // bounded: after the fixed stabilisation iterations the simulation stops
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });
      if (big) drawn.clear();   // the springs: from now on the lines are painted
      network.once("afterDrawing", ready);
      network.redraw();
    });
  } else {
    network.fit({ animation: false });
    // fit() knows the nodes but not their labels: leave room for those
    network.moveTo({ scale: network.getScale() * 0.9, animation: false });
    network.once("afterDrawing", ready);
  }

  // --- legend ----------------------------------------------------------------
  var legend = $("kg-legend");
  legend.appendChild(el("h2", null, "Nút (nodes)"));
  DATA.legend.nodes.forEach(function (g) {
    var row = el("div", "row");
    var glyph = el("span", "glyph", g[2]);
    glyph.style.color = g[3];
    row.appendChild(glyph);
    row.appendChild(document.createTextNode(" " + g[1]));
    legend.appendChild(row);
  });
  legend.appendChild(el("h2", null, "Cạnh (edges)"));
  DATA.legend.edges.forEach(function (k) {
    var row = el("div", "row");
    var line = el("span", "line");
    line.style.borderTopStyle = k[3] ? "dashed" : "solid";
    line.style.borderTopColor = k[2];
    row.appendChild(line);
    row.appendChild(document.createTextNode(k[1]));
    legend.appendChild(row);
  });
  if (DATA.legend.documents.length) {
    legend.appendChild(el("h2", null, "Văn bản (documents)"));
    DATA.legend.documents.slice(0, 15).forEach(function (d) {
      var row = el("div", "row");
      var line = el("span", "line");
      line.style.borderTopStyle = "solid";
      line.style.borderTopColor = d[1];
      row.appendChild(line);
      row.appendChild(document.createTextNode(d[0] + " (" + d[2] + ")"));
      legend.appendChild(row);
    });
    if (DATA.legend.documents.length > 15) {
      legend.appendChild(el("div", "row", "… và " + (DATA.legend.documents.length - 15) + " văn bản khác: chọn ở bộ lọc"));
    }
  }

  // --- hover tooltips and click details --------------------------------------
  var tooltip = $("kg-tooltip"), details = $("kg-details"), detailsBody = $("kg-details-body");
  // one info, or a list of them (a drawn edge that stands for several)
  function infoBox(infos) {
    if (!Array.isArray(infos)) return infoElement(infos);
    var box = el("div");
    infos.slice(0, 12).forEach(function (info) { box.appendChild(infoElement(info)); });
    if (infos.length > 12) box.appendChild(el("div", "tip-key", "… và " + (infos.length - 12) + " cạnh khác"));
    return box;
  }
  function edgeInfos(id) {
    var list = edgesOf(id);
    return list.length === 1 ? edgeInfo(list[0]) : list.map(edgeInfo);
  }
  function showTooltip(info, pointer) {
    tooltip.replaceChildren(infoBox(info));
    var main = $("kg-main");
    tooltip.style.display = "block";
    var x = pointer.x + 14, y = pointer.y + 14;
    if (x + tooltip.offsetWidth > main.clientWidth) x = Math.max(0, pointer.x - tooltip.offsetWidth - 14);
    if (y + tooltip.offsetHeight > main.clientHeight) y = Math.max(0, pointer.y - tooltip.offsetHeight - 14);
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }
  function hideTooltip() { tooltip.style.display = "none"; }
  network.on("hoverNode", function (p) { showTooltip(nodeInfo(nodes.get(p.node)), p.pointer.DOM); });
  // --- what a tooltip shows, made when it is shown --------------------------
  function labelOf(id) { return nodes.get(id).name; }
  function lines(pairs) {
    return pairs.filter(function (p) { return p[1] !== undefined && p[1] !== null && p[1] !== ""; })
                .map(function (p) { return [p[0], String(p[1])]; });
  }
  function period(a, b) { return a || b ? (a || "…") + " – " + (b || "nay") : null; }
  var adjacency = null;   // node id -> {in: [edges], out: [edges]}, made at the first hover
  function around(id, kind, incoming) {
    if (!adjacency) {
      adjacency = new Map();
      var slot = function (n) { var s = adjacency.get(n); if (!s) { s = { in: [], out: [] }; adjacency.set(n, s); } return s; };
      edges.forEach(function (e) { slot(e.from).out.push(e); slot(e.to).in.push(e); });
    }
    var s = adjacency.get(id);
    return s ? s[incoming ? "in" : "out"].filter(function (e) { return e.kind === kind; }) : [];
  }
  function names(id, kind, incoming) {
    return around(id, kind, incoming).map(function (e) { return labelOf(incoming ? e.from : e.to); }).join(", ");
  }
  function nodeInfo(n) {
    var f = n.f || {}, id = n.id, info = { t: f.title || n.name, l: [] };
    if (n.kind === "organisation") {
      info.l = lines([["Loại", DATA.orgKinds[n.group] || n.group], ["Trực thuộc", names(id, "sub_organisation", true)],
                      ["Địa bàn", names(id, "jurisdiction", false)]].concat(
        around(id, "holds", true).map(function (e) { return ["Cán bộ", (e.label || e.lbl || "") + " – " + labelOf(e.from)]; })));
    } else if (n.kind === "place") {
      info.l = lines([["Loại", f.ut], ["Mã", f.code], ["Thuộc", names(id, "contains", true)], ["Hiệu lực", period(f.vf, f.vt)]]);
    } else if (n.kind === "official") {
      info.l = lines([["Danh xưng", f.hon]].concat(around(id, "holds", false).map(function (e) {
        var h = e.f || {};
        return ["Chức vụ", (h.post || "") + (h.vf || h.vt ? " (" + period(h.vf, h.vt) + ")" : "")
                           + (h.att ? " – ghi nhận " + h.att : "")];
      })));
    } else if (n.kind === "document") {
      info.l = lines([["Ngày", f.date], ["Trích yếu", f.subj], ["Ban hành", names(id, "issued", true)]]);
      info.e = f.ev || []; info.s = f.src || [];
    }
    return info;
  }
  function edgeInfo(e) {
    if (e.act === undefined) {
      var a = labelOf(e.from), b = labelOf(e.to);
      if (e.kind === "holds") {
        var h = e.f || {};
        return { t: h.post || (e.label || e.lbl || "") + " " + b,
                 l: lines([["Cán bộ", a], ["Từ", h.vf], ["Đến", h.vt], ["Ghi nhận ngày", h.att]]),
                 e: h.ev || [], s: h.src || [] };
      }
      if (e.kind === "document_link") return { t: a + " " + (e.label || e.lbl) + " " + b };
      return { t: a + " → " + b, l: [["Quan hệ", DATA.styles[e.kind][2]]] };
    }
    var act = DATA.acts[e.act];
    return { t: DATA.words[act.k] + ": " + (act.i || "") + " → " + labelOf(e.to),
             l: lines([["Văn bản", act.d], ["Ngày", act.dt], ["Trưởng đoàn", act.ld], ["Nội dung", act.tp]]),
             e: act.e || [], s: act.s || [] };
  }
  network.on("hoverEdge", function (p) { showTooltip(edgeInfos(p.edge), p.pointer.DOM); });
  network.on("blurNode", hideTooltip);
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);
  // vis-network knows nothing of the painted lines: the page hit-tests them
  // under the pointer, once a frame, whenever vis-network has no node or
  // edge of its own there (those have their own tooltips)
  if (big) {
    var box = $("kg-network"), onVis = { node: false, edge: false }, hoveredLine = null, pointerEvent = null, frame = 0;
    network.on("hoverNode", function () { onVis.node = true; });
    network.on("blurNode", function () { onVis.node = false; });
    network.on("hoverEdge", function () { onVis.edge = true; });
    network.on("blurEdge", function () { onVis.edge = false; });
    var hoverLine = function () {
      frame = 0;
      var r = box.getBoundingClientRect(), at = { x: pointerEvent.clientX - r.left, y: pointerEvent.clientY - r.top };
      var onLine = null;
      if (!pointerEvent.buttons && !onVis.node && !onVis.edge) {
        var c = network.DOMtoCanvas(at);
        onLine = lineAt(c.x, c.y);
      }
      if (onLine === hoveredLine) return;
      if (onLine !== null) showTooltip(edgeInfos(onLine), at);
      else if (!onVis.node && !onVis.edge) hideTooltip();
      hoveredLine = onLine;
    };
    box.addEventListener("mousemove", function (e) {
      pointerEvent = e;
      if (!frame) frame = requestAnimationFrame(hoverLine);
    });
    box.addEventListener("mouseleave", function () {
      if (frame) { cancelAnimationFrame(frame); frame = 0; }
      if (hoveredLine !== null) { hoveredLine = null; hideTooltip(); }
    });
    // a drag or zoom hides the tooltip: the line under the pointer is shown again at the next move
    network.on("dragStart", function () { hoveredLine = null; });
    network.on("zoom", function () { hoveredLine = null; });
  }

  // --- a big view's node labels, given when they can be read -------------------
  // vis-network measures every label it is given while it builds the network
  // and fits the view, even those too small to draw (under 5 px on screen,
  // as all are when 2,000 nodes fit the screen); a big view gives labels
  // only to the nodes in sight once the zoom makes them readable.
  var labelled = new Set(), labelTimer = null;
  function labelInView() {
    labelTimer = null;
    if (!DATA.lazyLabels || network.getScale() * 14 < 5) return;
    var box = $("kg-network"), pad = 150;
    var a = network.DOMtoCanvas({ x: 0, y: 0 }), b = network.DOMtoCanvas({ x: box.clientWidth, y: box.clientHeight });
    var positions = network.getPositions(), todo = [];
    Object.keys(positions).forEach(function (key) {
      var p = positions[key], id = Number(key);
      if (labelled.has(id) || p.x < a.x - pad || p.x > b.x + pad || p.y < a.y - pad || p.y > b.y + pad) return;
      labelled.add(id);
      todo.push({ id: id, label: nodes.get(id).name });
    });
    if (todo.length) nodes.update(todo);
  }
  function labelSoon() { if (DATA.lazyLabels && !labelTimer) labelTimer = setTimeout(labelInView, 100); }
  network.on("zoom", labelSoon);
  network.on("dragEnd", labelSoon);
  function showDetails(info) {
    detailsBody.replaceChildren(infoBox(info));
    details.style.display = "block";
  }
  $("kg-details-close").addEventListener("click", function () { details.style.display = "none"; clearHighlight(); });

  // --- neighbourhood highlight -------------------------------------------------
  var highlighted = false;
  // A small view dims the edges outside the neighbourhood. An edge's colour
  // is a string as the data gives it, an object once dimmed.
  function colourOf(e) { return typeof e.color === "string" ? e.color : e.color.color; }
  function dimEdges(nodeId) {
    var keepEdges = new Set(network.getConnectedEdges(nodeId));
    edges.update(edges.get().map(function (e) {
      var on = keepEdges.has(e.id), c = colourOf(e);
      return { id: e.id, font: { color: on ? "#37474f" : "rgba(55,71,79,0.12)" },
               color: { color: c, highlight: c, hover: c, opacity: on ? 1 : 0.08 } };
    }));
  }
  // A big view hands the lines touching the node to vis-network, which
  // draws them with labels and arrows; the page paints the others dimmed.
  // The neighbours come from those lines: vis-network holds no others.
  function lightLines(nodeId) {
    var keepNodes = new Set([nodeId]), items = [];
    lit.clear();
    overview.forEach(function (line, i) {
      if (line.from !== nodeId && line.to !== nodeId) return;
      keepNodes.add(line.from);
      keepNodes.add(line.to);
      lit.add(i);
      var style = DATA.styles[line.kind], label = drawnLabel(i);
      var item = { id: i, from: line.from, to: line.to, color: line.colour, width: style[0],
                   arrows: { to: { enabled: true, scaleFactor: 0.5 } } };
      if (style[1]) item.dashes = style[1];
      if (line.k) item.smooth = { enabled: true, type: "curvedCW", roundness: 0.25 * line.k };
      if (label !== undefined) item.label = label;
      items.push(item);
    });
    drawn.clear();
    drawn.add(items);
    return keepNodes;
  }
  function highlight(nodeId) {
    var keepNodes = big ? lightLines(nodeId) : new Set(network.getConnectedNodes(nodeId).concat([nodeId]));
    nodes.update(nodes.get({ fields: ["id"] }).map(function (n) {
      var on = keepNodes.has(n.id);
      return { id: n.id, opacity: on ? 1 : 0.15, font: { color: on ? "#263238" : "#cfd8dc" } };
    }));
    if (!big) dimEdges(nodeId);
    highlighted = true;
  }
  function clearHighlight() {
    if (!highlighted) return;
    nodes.update(nodes.get({ fields: ["id"] }).map(function (n) { return { id: n.id, opacity: 1, font: { color: "#263238" } }; }));
    if (big) {
      lit.clear();
      drawn.clear();
    } else {
      edges.update(edges.get().map(function (e) {
        var c = colourOf(e);
        return { id: e.id, font: { color: "#37474f" }, color: { color: c, highlight: c, hover: c, opacity: 1 } };
      }));
    }
    highlighted = false;
  }
  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    labelInView();
    highlight(id);
    showDetails(nodeInfo(nodes.get(id)));
  }
  network.on("click", function (p) {
    hideTooltip();
    if (p.nodes.length) { highlight(p.nodes[0]); showDetails(nodeInfo(nodes.get(p.nodes[0]))); }
    else if (p.edges.length) { clearHighlight(); showDetails(edgeInfos(p.edges[0])); }
    else {
      clearHighlight();
      var line = big ? lineAt(p.pointer.canvas.x, p.pointer.canvas.y) : null;
      if (line !== null) showDetails(edgeInfos(line));
      else details.style.display = "none";
    }
  });

  // --- search ------------------------------------------------------------------
  var search = $("kg-search"), status = $("kg-status"), matches = [], matchAt = -1, lastQuery = null;
  function runSearch() {
    var q = fold(search.value.trim());
    if (!q) return;
    if (q !== lastQuery) {
      lastQuery = q;
      matches = nodesView.getIds({ filter: function (n) { return fold(n.name).indexOf(q) >= 0; } });
      matchAt = -1;
    }
    if (!matches.length) { status.textContent = "Không tìm thấy (no match)"; return; }
    matchAt = (matchAt + 1) % matches.length;
    focusNode(matches[matchAt]);
    status.textContent = (matchAt + 1) + "/" + matches.length + ": " + nodes.get(matches[matchAt]).name;
  }
  search.addEventListener("keydown", function (e) { if (e.key === "Enter") runSearch(); });
  $("kg-search-go").addEventListener("click", runSearch);

  // --- in-page filters ---------------------------------------------------------
  function addOptions(select, values, text) {
    values.forEach(function (v) { var o = el("option", null, text(v)); o.value = String(v); select.appendChild(o); });
  }
  var docSel = $("kg-doc"), kindSel = $("kg-kind"), yearSel = $("kg-year");
  addOptions(docSel, DATA.legend.documents.map(function (d) { return d[0]; }), function (v) { return v; });
  addOptions(kindSel, DATA.kinds, function (v) { return DATA.words[v] || v; });
  addOptions(yearSel, DATA.years, function (v) { return v; });
  function applyFilters() {
    var doc = docSel.value, kind = kindSel.value, year = yearSel.value;
    clearHighlight();
    if (!doc && !kind && !year) {
      visibleNodes = visibleEdges = null;
    } else {
      visibleNodes = new Set(); visibleEdges = new Set();
      edges.forEach(function (e) {
        if (e.akind && (!doc || e.doc === doc) && (!kind || e.akind === kind) && (!year || String(e.year) === year)) {
          visibleEdges.add(e.id); visibleNodes.add(e.from); visibleNodes.add(e.to);
        }
      });
      if (doc) nodes.forEach(function (n) { if (n.kind === "document" && n.name === doc) visibleNodes.add(n.id); });
      edges.forEach(function (e) {
        if (!e.akind && visibleNodes.has(e.from) && visibleNodes.has(e.to)) visibleEdges.add(e.id);
      });
    }
    nodesView.refresh(); edgesView.refresh();
    if (big) {
      rebuildOverview();
      network.redraw();
    }
    lastQuery = null;
    status.textContent = nodesView.length + " nút, " + edgesView.length + " cạnh";
  }
  [docSel, kindSel, yearSel].forEach(function (s) { s.addEventListener("change", applyFilters); });
  status.textContent = nodes.length + " nút, " + edges.length + " cạnh";
})();
"""


def page_html(data: dict, title: str, note: str | None = None) -> str:
    """The whole page. Only ``title`` and ``note`` are written as HTML text,
    escaped; everything else reaches the page as JSON data."""
    script, style = _vis_assets()
    heading = html.escape(title)
    note_html = f'<div id="kg-note">{html.escape(note)}</div>' if note else ""
    return "".join([
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        # the page needs nothing from the network; say so to the browser too
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
        "connect-src 'none'; base-uri 'none'; form-action 'none'\">\n",
        f"<title>{heading}</title>\n",
        "<style>", style, "</style>\n<style>", PAGE_CSS, "</style>\n",
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
        "<script>", PAGE_JS, "</script>\n</body>\n</html>\n",
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
