"""The networkx projection, its filters, the graph questions, the exports, and
the HTML view's source (what the browser tests cannot see: what the file says)."""
from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
import sys
from collections import Counter

import networkx as nx
import pytest
from click.testing import CliRunner

from graph_fixtures import (
    BTG_TU, BTG_TW, HOSTILE_IMG, HOSTILE_NAME, HOSTILE_PLACE, HOSTILE_SCRIPT, SEED_URL, TU,
    hostile_records, load, oversight_records, seed_records,
)
from kg import graph as kg_graph
from kg.graph import E_HOLDS, E_INSPECTS, E_LED, Filters, NothingMatches, UnknownName, projection, reading, rules
from kg.model import Activity, ActivityKind, Official, Organisation, OrgKind, Records, Source, SourceKind
from kg.view import Shown, _script_json, _vis_assets, cap_nodes, render, write_view


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = load(tmp_path_factory.mktemp("kg") / "store", seed_records(), oversight_records(), hostile_records())
    yield s
    s.close()


def labels(g: nx.MultiDiGraph) -> set[str]:
    return {d["label"] for _, d in g.nodes(data=True)}


def edges_of(g: nx.MultiDiGraph, kind: str) -> list[tuple[str, str, dict]]:
    return [(g.nodes[a]["label"], g.nodes[b]["label"], d) for a, b, d in g.edges(data=True) if d["kind"] == kind]


# --- projection ----------------------------------------------------------------

def test_projection_holds_the_seed_inspection(store):
    g = kg_graph.project(store)
    inspections = {(a, b): d for a, b, d in edges_of(g, E_INSPECTS) if d.get("code") == "91-KH/BTGTU"
                   and a == BTG_TU}
    assert set(inspections) == {(BTG_TU, "thành phố Bắc Kạn"), (BTG_TU, "phường Sông Cầu"),
                                (BTG_TU, "xã Dương Quang")}
    one = inspections[(BTG_TU, "phường Sông Cầu")]
    assert (one["date"], one["year"], one["activity_kind"], one["leader"]) == \
        ("2022-11-25", 2022, "inspection", "Trần Thị Lộc")
    assert one["sources"] == [(SEED_URL, "Ban Tuyên giáo Tỉnh ủy kiểm tra công tác Tuyên giáo năm 2022")]
    assert "Trần Thị Lộc" in one["evidence"][0]
    # the leader is tied to what she led, and to the body by her post
    assert {(a, b) for a, b, _ in edges_of(g, E_LED)} >= {("Trần Thị Lộc", "xã Dương Quang")}
    assert [(a, b, d["role"]) for a, b, d in edges_of(g, E_HOLDS)] == [("Trần Thị Lộc", BTG_TU, "Trưởng")]
    # documents, with their issuers and links; bodies and units with what is above them
    assert ("91-KH/BTGTU", "implements", "12-KH/BTGTW") in {
        (a, d["relation"], b) for a, b, d in edges_of(g, "document_link")}
    assert (BTG_TU, "91-KH/BTGTU") in {(a, b) for a, b, _ in edges_of(g, "issued")}
    assert (TU, BTG_TU) in {(a, b) for a, b, _ in edges_of(g, "sub_organisation")}
    assert ("tỉnh Bắc Kạn", "thành phố Bắc Kạn") in {(a, b) for a, b, _ in edges_of(g, "contains")}
    kinds = {d["label"]: (d["kind"], d["sub"]) for _, d in g.nodes(data=True)}
    assert kinds["Tỉnh ủy Bắc Kạn"] == ("organisation", "party_committee")
    assert kinds["xã Dương Quang"] == ("place", "commune")
    assert kinds["91-KH/BTGTU"] == ("document", "document")


def test_filters_compose(store):
    by_doc = kg_graph.project(store, Filters(directive="91-kh/btgtu"))
    assert {d["code"] for _, _, d in edges_of(by_doc, E_INSPECTS)} == {"91-KH/BTGTU"}
    assert {a for a, _, _ in edges_of(by_doc, E_INSPECTS)} == {BTG_TU, HOSTILE_NAME}

    in_2023 = kg_graph.project(store, Filters(date_from=dt.date(2023, 1, 1)))
    assert {d["date"][:4] for _, _, d in edges_of(in_2023, E_INSPECTS)} == {"2023"}

    supervision = kg_graph.project(store, Filters(kind="supervision"))
    assert [(a, b) for a, b, _ in edges_of(supervision, E_INSPECTS)] == [(BTG_TW, TU)]

    both = kg_graph.project(store, Filters(inspector="ban tuyen giao tinh uy bac kan", target="Sông Cầu",
                                           date_to=kg_graph.date_bound("2022", end=True)))
    # the 2022 visit, with all three of its targets; not the 2023 one
    assert sorted((b, d["date"]) for a, b, d in edges_of(both, E_INSPECTS)) == [
        ("phường Sông Cầu", "2022-11-25"), ("thành phố Bắc Kạn", "2022-11-25"), ("xã Dương Quang", "2022-11-25")]

    person = kg_graph.project(store, Filters(person="tran thi loc"))
    assert {a for a, _, _ in edges_of(person, E_LED)} == {"Trần Thị Lộc"}
    assert edges_of(person, E_HOLDS)


_FOCUSED = [Filters(directive="91-kh/btgtu"), Filters(target="phường Sông Cầu"), Filters(person="tran thi loc"),
            Filters(inspector="ban tuyen giao tinh uy bac kan"), Filters(kind="supervision"),
            Filters(date_from=dt.date(2023, 1, 1))]


@pytest.mark.parametrize("filters", _FOCUSED, ids=Filters.describe)
def test_a_focused_projection_is_part_of_the_whole(store, filters):
    # a focused view reads only what it reaches, yet draws each node and edge
    # as the unfocused one (which reads everything) does
    whole, part = kg_graph.project(store), kg_graph.project(store, filters)
    assert part.number_of_edges()
    for node, data in part.nodes(data=True):
        assert whole.nodes[node] == data
    for a, b, key, data in part.edges(keys=True, data=True):
        assert whole.edges[a, b, key] == data
    # with the posts of every official it draws
    for node, kind in part.nodes(data="kind"):
        if kind == kg_graph.OFFICIAL:
            assert {k for _, _, k, d in whole.out_edges(node, keys=True, data="kind") if d == E_HOLDS} <= \
                {k for _, _, k in part.out_edges(node, keys=True)}


def test_a_focused_projection_reads_the_catalogue_by_iri(store, monkeypatch):
    asked: list[tuple[str, bool]] = []
    table = reading._table

    def recording_table(store, cls, props, where="", bindings=None, subjects=None):
        asked.append((cls, subjects is None))
        return table(store, cls, props, where, bindings, subjects)

    monkeypatch.setattr(reading, "_table", recording_table)
    kg_graph.project(store, Filters(target="phường Sông Cầu"))
    read_whole = {cls for cls, whole in asked if whole}
    # the activities (filtered in the query) and the few sources are read as
    # a whole; bodies, units, officials, documents, posts and memberships by IRI
    assert read_whole == {"party:OversightActivity", "party:Source"}
    assert {"org:Organization", "org:Membership", "org:Post"} <= {cls for cls, _ in asked}


def test_around_is_an_ego_graph(store):
    g = kg_graph.project(store, Filters(around="Trần Thị Lộc", depth=1))
    assert labels(g) == {"Trần Thị Lộc", BTG_TU, "thành phố Bắc Kạn", "phường Sông Cầu", "xã Dương Quang"}
    assert len(kg_graph.project(store, Filters(around="Trần Thị Lộc", depth=2))) > len(g)


def test_date_bounds():
    assert kg_graph.date_bound("2022") == dt.date(2022, 1, 1)
    assert kg_graph.date_bound("2022", end=True) == dt.date(2022, 12, 31)
    assert kg_graph.date_bound("2024-02", end=True) == dt.date(2024, 2, 29)
    assert kg_graph.date_bound("2022-12", end=True) == dt.date(2022, 12, 31)
    with pytest.raises(Exception, match="not a date"):
        kg_graph.date_bound("25/11/2022")


# --- bad input -----------------------------------------------------------------

def test_unknown_names_get_suggestions(store):
    with pytest.raises(UnknownName) as err:
        kg_graph.project(store, Filters(directive="91-KH/BTGT"))
    assert err.value.suggestions[0] == "91-KH/BTGTU"
    with pytest.raises(UnknownName) as err:
        kg_graph.project(store, Filters(inspector="Ban Tuyen giao"))   # two bodies contain it
    assert {BTG_TU, BTG_TW} <= set(err.value.suggestions)
    with pytest.raises(UnknownName) as err:
        kg_graph.project(store, Filters(target="xa duong quong"))
    assert "xã Dương Quang" in err.value.suggestions
    with pytest.raises(UnknownName):
        kg_graph.project(store, Filters(person="Nguyễn Văn Không"))


def test_did_you_mean_names_each_thing_once(store):
    # phường Sông Cầu answers to "song cau" and "phuong song cau": two close keys, one unit
    with pytest.raises(UnknownName) as err:
        kg_graph.project(store, Filters(target="song cauu"))
    assert err.value.suggestions == ["phường Sông Cầu"]
    assert err.value.hint.count("phường Sông Cầu") == 1
    with pytest.raises(UnknownName) as err:
        kg_graph.project(store, Filters(target="xa duong quong"))
    assert len(err.value.suggestions) == len(set(err.value.suggestions))
    with pytest.raises(UnknownName) as err:
        kg_graph.project(store, Filters(directive="91-KH/BTGTUU"))
    assert len(err.value.suggestions) == len(set(err.value.suggestions))


def test_a_filter_matching_nothing_says_so(store):
    with pytest.raises(NothingMatches, match="no activity matches --target"):
        kg_graph.project(store, Filters(target="phường Sông Cầu", date_from=dt.date(2030, 1, 1)))


def test_hostile_filter_values_are_values(store):
    # quotes, braces and SPARQL syntax in a name are looked up, not executed
    for name in ['x" } ; DROP ALL ; {', "' OR 1=1 --", "}} UNION {{ ?s ?p ?o }}"]:
        with pytest.raises(UnknownName):
            kg_graph.project(store, Filters(inspector=name))


# --- questions -----------------------------------------------------------------

def test_chain_of_oversight_goes_up(store):
    g = kg_graph.project(store)
    units = kg_graph.find_nodes(g, "phuong song cau", (kg_graph.PLACE, kg_graph.ORGANISATION), "unit")
    chain = kg_graph.oversight_chain(g, units)
    steps = [(c.level, g.nodes[c.inspector]["label"], g.nodes[c.subject]["label"], g.nodes[c.via]["label"])
             for c in chain]
    assert steps == [(1, BTG_TU, "phường Sông Cầu", "phường Sông Cầu"),
                     (2, BTG_TW, BTG_TU, TU)]
    assert [a.get("code") for a in chain[0].activities] == ["91-KH/BTGTU", None]   # 2022, then 2023
    with pytest.raises(UnknownName) as err:
        kg_graph.find_nodes(g, "phuong song cao", (kg_graph.PLACE,), "unit")
    assert "phường Sông Cầu" in err.value.suggestions


def test_rank_counts_activities_once(store):
    g = kg_graph.project(store)
    ranking = kg_graph.rank(g)
    assert ranking.inspected[0] == ("phường Sông Cầu", 2)
    assert ranking.inspectors[0] == (BTG_TU, 2)
    in_2023 = kg_graph.rank(g, year=2023)
    assert dict(in_2023.inspected) == {"phường Sông Cầu": 1, TU: 1}
    assert dict(in_2023.inspectors) == {BTG_TU: 1, BTG_TW: 1}
    assert kg_graph.rank(g, year=1990).inspected == []


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_export_for_gephi(store, tmp_path, fmt, reader):
    path = tmp_path / f"kg.{fmt}"
    exported = kg_graph.export_graph(store, fmt, path)
    back = reader(path)
    assert back.number_of_nodes() == exported.number_of_nodes()
    assert back.number_of_edges() == exported.number_of_edges()
    assert any(d.get("code") == "91-KH/BTGTU" and d.get("date") == "2022-11-25" for _, _, d in back.edges(data=True))
    stream = io.BytesIO()
    kg_graph.export_graph(store, fmt, stream)
    assert stream.getvalue().startswith(b"<?xml")
    with pytest.raises(Exception, match="unknown graph format"):
        kg_graph.export_graph(store, "dot", tmp_path / "x.dot")


# --- the page's source ---------------------------------------------------------------

def _page_data(page: str) -> dict:
    match = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page, re.S)
    return json.loads(match.group(1))


def test_page_is_self_contained_and_escaped(store, tmp_path):
    path = tmp_path / "view.html"
    summary = write_view(store, path, title=f"Kiểm tra {HOSTILE_SCRIPT}")
    page = path.read_text(encoding="utf-8")
    assert summary.nodes == kg_graph.project(store).number_of_nodes() and summary.bytes == len(page.encode())
    # nothing to fetch: no external script, stylesheet, link or font
    assert not re.search(r'<(script|link|img|iframe)[^>]*\s(src|href)=', page, re.I)
    assert not re.search(r"(https?:)?//(cdn|cdnjs|unpkg|code\.jquery|fonts\.googleapis)", page, re.I)
    assert "bootstrap" not in page.lower()
    # exactly our script elements, so no string from the data closed one
    # (vis-network's own code holds a harmless "<script>" string literal)
    ours = page.replace(_vis_assets()[0], "")
    assert len(re.findall(r"<script", ours, re.I)) == 3
    assert ours.count("</script>") == 3
    for hostile in (HOSTILE_SCRIPT, HOSTILE_IMG, HOSTILE_PLACE, "onerror=\""):
        assert hostile not in page
    assert "<h1>Kiểm tra &lt;script&gt;window.__pwned=1&lt;/script&gt;</h1>" in page
    # ... yet the data holds every hostile string intact, as text
    data = _page_data(page)
    node_labels = {n["label"] for n in data["nodes"]}
    assert {HOSTILE_NAME, HOSTILE_PLACE, "phường Sông Cầu", "Trần Thị Lộc"} <= node_labels
    assert "\u2028" not in page.split('id="kg-data"')[1]


def test_script_json_cannot_break_out():
    text = _script_json({"a": "</script><script>alert(1)</script>", "b": "x\u2028y\u2029z & <!--"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><script>alert(1)</script>", "b": "x\u2028y\u2029z & <!--"}


def test_node_cap_says_what_it_left_out(store):
    g = kg_graph.project(store)
    page, summary = render(g, title="capped", max_nodes=5)
    assert summary.nodes == 5 and summary.total_nodes == g.number_of_nodes()
    assert sum(summary.omitted.values()) == g.number_of_nodes() - 5
    assert "--around NAME --depth N" in summary.omitted_message()
    assert len(_page_data(page)["nodes"]) == 5
    for layout in ("force", "tree", "physics"):
        data = _page_data(render(g, title="t", layout=layout)[0])
        assert all(("x" in n) == (layout != "physics") for n in data["nodes"])


# --- the commands -------------------------------------------------------------

def kg(store, *args):
    from kg_cli.main import main
    return CliRunner().invoke(main, ["--store", str(store.path), *args])


def test_viz_command(store, tmp_path):
    out = tmp_path / "v.html"
    result = kg(store, "viz", "-o", str(out), "--directive", "91-KH/BTGTU", "--kind", "inspection")
    assert result.exit_code == 0, result.output
    assert out.exists() and "wrote" in result.output

    nothing = tmp_path / "none.html"
    result = kg(store, "viz", "-o", str(nothing), "--target", "Sông Cầu", "--from", "2030")
    assert result.exit_code == 1 and "no activity matches" in result.output and not nothing.exists()

    result = kg(store, "viz", "-o", str(nothing), "--directive", "91-KH/BTGT")
    assert result.exit_code != 0 and "did you mean: 91-KH/BTGTU" in result.output and not nothing.exists()

    result = kg(store, "viz", "-o", str(tmp_path / "no-such-folder" / "v.html"))
    assert result.exit_code != 0 and "does not exist" in result.output
    result = kg(store, "viz", "-o", str(tmp_path))
    assert result.exit_code != 0

    result = kg(store, "viz", "-o", str(tmp_path / "capped.html"), "--max-nodes", "3")
    assert result.exit_code == 0 and "left out" in result.output


def test_chain_and_rank_commands(store):
    result = kg(store, "chain", "phuong song cau")
    assert result.exit_code == 0, result.output
    assert f"← {BTG_TU} oversees phường Sông Cầu" in result.output
    assert f"← {BTG_TW} oversees {BTG_TU} (through {TU})" in result.output
    assert "kiểm tra, 91-KH/BTGTU, 2022-11-25" in result.output
    result = kg(store, "chain", "phuong song cao")
    assert result.exit_code != 0 and "did you mean: phường Sông Cầu" in result.output
    result = kg(store, "rank", "--year", "2023", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.output)["most_active_inspectors"][0]["activities"] == 1
    result = kg(store, "rank")
    assert "2  phường Sông Cầu" in result.output


def test_cli_modules_import_nothing_heavy():
    code = ("import sys, kg_cli.main, kg_cli.viz, kg_cli.graph; "
            "print(sorted(m for m in ('networkx', 'pyvis', 'igraph', 'kg.graph', 'kg.view') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_big_components_set_single_neighbour_nodes_round_their_neighbour(monkeypatch):
    """Above LEAF_STRIP_FROM nodes a component is laid out without its
    one-neighbour nodes, which then sit close to their neighbour."""
    import math
    import random

    import igraph

    import kg.view
    monkeypatch.setattr(kg.view, "LEAF_STRIP_FROM", 10)
    ring = [(i, (i + 1) % 12) for i in range(12)]
    leaves = [(i, 12 + 3 * i + k) for i in range(12) for k in range(3)]   # three leaves on each ring node
    g = igraph.Graph(n=48, edges=ring + leaves)
    coords = kg.view._component_layout(g, random.Random(0))
    ring_edge = sorted(math.dist(coords[a], coords[b]) for a, b in ring)[6]
    for hub, leaf in leaves:
        assert 0 < math.dist(coords[hub], coords[leaf]) < ring_edge
    assert len({(round(x, 6), round(y, 6)) for x, y in coords}) == 48


def _drawn(shown) -> tuple[dict, list]:
    return ({n: d for n, d in shown.nodes.items()},
            sorted((a, b, sorted(d.items(), key=str)) for a, b, d in shown.edges))


@pytest.fixture(scope="module")
def corner_store(tmp_path_factory):
    """The fixtures, and what the node cap must get right besides: an activity
    led without targets (its edge goes to the inspector), and bodies with no
    edges whose labels sort the other way round from their IRIs."""
    key = "https://example.org/corners"
    corners = Records(
        source=Source(key, SourceKind.ARTICLE, title="Corners", url=key),
        organisations=[Organisation("Zeta", OrgKind.STATE_BODY), Organisation("alpha", OrgKind.STATE_BODY),
                       Organisation(BTG_TW, OrgKind.PARTY_AGENCY)],
        officials=[Official("Nguyễn Văn Bình")],
        activities=[Activity(ActivityKind.WORKING_SESSION, BTG_TW, leader="Nguyễn Văn Bình",
                             date=dt.date(2023, 9, 1))])
    s = load(tmp_path_factory.mktemp("kg") / "store", seed_records(), oversight_records(), hostile_records(),
             corners)
    yield s
    s.close()


def test_best_connected_projection_is_the_capped_whole(corner_store):
    """Counting degrees in SPARQL and reading only the kept nodes draws what
    capping the whole projection draws, at every cap."""
    store = corner_store
    whole = kg_graph.project(store)
    assert ("Nguyễn Văn Bình", BTG_TW) in {(a, b) for a, b, _ in edges_of(whole, E_LED)}
    assert {"Zeta", "alpha"} <= labels(whole)
    for max_nodes in range(1, whole.number_of_nodes() + 2):
        part, left_out = kg_graph.project_best_connected(store, max_nodes)
        expected, expected_left_out = cap_nodes(whole, max_nodes)
        assert _drawn(Shown(part)) == _drawn(expected), max_nodes
        assert {(a, b, k) for a, b, k in part.edges(keys=True)} == \
            {(a, b, k) for a, b, k in whole.subgraph(expected.nodes).edges(keys=True)}, max_nodes
        assert left_out == expected_left_out, max_nodes
        assert (max_nodes < whole.number_of_nodes()) == bool(left_out)


# an edge kind the project does not have: from an activity's document to each of its targets
_UNDER_DOCUMENT = rules.EdgeRule("under_document", rules.ACTIVITIES, "document", "target")


@pytest.mark.parametrize("added", [(), (_UNDER_DOCUMENT,)], ids=["the rules", "one rule added"])
def test_both_projections_follow_one_table_of_edge_rules(corner_store, monkeypatch, added):
    """The whole and the focused projection draw by the edge rules, and the
    capped one counts every node's edges in SPARQL derived from the same
    rules: an edge kind added as one EdgeRule is drawn and counted alike."""
    store = corner_store
    monkeypatch.setattr(rules, "EDGE_RULES", rules.EDGE_RULES + added)
    whole = kg_graph.project(store)
    drawn_kinds = {d["kind"] for _, _, d in whole.edges(data=True)}
    assert ("under_document" in drawn_kinds) == bool(added)
    if added:
        assert ("91-KH/BTGTU", "phường Sông Cầu") in {(a, b) for a, b, _ in edges_of(whole, "under_document")}
    # a focused view, which reads only what the rules reach, draws it as the whole does
    focused = kg_graph.project(store, Filters(target="phường Sông Cầu"))
    assert ("under_document" in {d["kind"] for _, _, d in focused.edges(data=True)}) == bool(added)
    for node, data in focused.nodes(data=True):
        assert whole.nodes[node] == data
    for a, b, key, data in focused.edges(keys=True, data=True):
        assert whole.edges[a, b, key] == data
    counted = projection._connections(store)
    assert counted.kinds == dict(whole.nodes(data="kind"))
    assert +counted.degree == +Counter(dict(whole.degree()))
    for max_nodes in range(2, whole.number_of_nodes(), 3):
        part, _ = kg_graph.project_best_connected(store, max_nodes)
        assert _drawn(Shown(part)) == _drawn(cap_nodes(whole, max_nodes)[0]), max_nodes


def test_unfiltered_view_reads_only_what_it_draws(store, tmp_path, monkeypatch):
    def no_whole_projection(store, filters=Filters()):
        raise AssertionError("projected the whole store for a capped view")

    whole_page, whole_summary = render(kg_graph.project(store), title="t", max_nodes=7)
    monkeypatch.setattr(kg_graph, "project", no_whole_projection)
    monkeypatch.setattr(projection, "project", no_whole_projection)
    summary = write_view(store, tmp_path / "view.html", max_nodes=7)
    assert (summary.nodes, summary.edges, summary.total_nodes, summary.omitted_message()) == \
        (whole_summary.nodes, whole_summary.edges, whole_summary.total_nodes, whole_summary.omitted_message())
