"""The view in a real browser: Debian's headless Chromium opens the page from
file:// with no network and we read from the page itself what it holds.

Playwright from PyPI drives /usr/bin/chromium; it never downloads a browser.
Without /usr/bin/chromium these tests are skipped, except in CI (env CI set),
where they fail. Screenshots go to $KG_TEST_ARTIFACTS, else pytest's tmp_path.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from browser_fixtures import artifacts, browser, require_chromium  # noqa: F401 (fixtures)
from graph_fixtures import (
    BTG_TU, HOSTILE_IMG, HOSTILE_NAME, HOSTILE_PLACE, HOSTILE_SCRIPT, SEED_URL, hostile_records, load,
    oversight_records, seed_records,
)
from kg.view import write_view


pytestmark = pytest.mark.browser

require_chromium()


class Opened:
    """A page opened from file://, with what it logged and asked for."""

    def __init__(self, browser, path: Path):
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.blocked: list[str] = []

        def route(r):
            # the only thing the page may load is itself
            if r.request.url.startswith("file://"):
                r.continue_()
            else:
                self.blocked.append(r.request.url)
                r.abort()
        self.context.route("**/*", route)
        self.page = self.context.new_page()
        self.page.on("request", lambda req: self.requests.append(req.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.as_uri())
        self.page.wait_for_function("window.__kgReady !== undefined", timeout=30_000)

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def node_at(self, label: str) -> tuple[float, float]:
        """Where the node called ``label`` is drawn, in page coordinates."""
        return tuple(self.js("""label => {
            const v = window.kgView, id = v.nodes.get({filter: n => n.label === label})[0].id;
            const p = v.network.canvasToDOM(v.network.getPositions([id])[id]);
            const r = document.getElementById("kg-network").getBoundingClientRect();
            return [p.x + r.left, p.y + r.top]; }""", label))

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def fixture_store(tmp_path_factory):
    store = load(tmp_path_factory.mktemp("kg") / "store", seed_records(), oversight_records(), hostile_records())
    yield store
    store.close()


@pytest.fixture()
def opened(browser, fixture_store, tmp_path):
    path = tmp_path / "view.html"
    write_view(fixture_store, path, title="Party KG — kiểm tra")
    page = Opened(browser, path)
    yield page
    page.close()


def test_page_draws_what_the_graph_holds(opened, artifacts):
    nodes = opened.js("window.kgView.nodes.get().map(n => n.label)")
    assert {BTG_TU, "thành phố Bắc Kạn", "phường Sông Cầu", "xã Dương Quang", "Trần Thị Lộc",
            "91-KH/BTGTU", HOSTILE_NAME, HOSTILE_PLACE} <= set(nodes)
    edges = opened.js("""(() => { const v = window.kgView, label = id => v.nodes.get(id).label;
        return v.edges.get().map(e => [label(e.from), label(e.to), e.kind, e.label || ""]); })()""")
    for target in ("thành phố Bắc Kạn", "phường Sông Cầu", "xã Dương Quang"):
        assert [BTG_TU, target, "inspects", "91-KH/BTGTU · 2022-11-25"] in edges
        assert ["Trần Thị Lộc", target, "led", "Trưởng đoàn · 2022-11-25"] in edges
    assert ["Trần Thị Lộc", BTG_TU, "holds", "Trưởng"] in edges
    assert ["91-KH/BTGTU", "12-KH/BTGTW", "document_link", "triển khai thực hiện"] in edges
    # the network drew them all, and the page says so
    assert opened.js("window.kgView.network.body.nodeIndices.length") == len(nodes)
    assert opened.page.locator("#kg-status").inner_text() == f"{len(nodes)} nút, {len(edges)} cạnh"
    legend = opened.page.locator("#kg-legend").inner_text()
    assert "Xã, phường, thị trấn" in legend and "91-KH/BTGTU" in legend
    opened.page.screenshot(path=str(artifacts / "view-fixture.png"))
    assert opened.errors == [] and opened.blocked == []
    assert all(url.startswith("file://") for url in opened.requests)


def test_hostile_strings_show_as_text(opened, artifacts):
    assert opened.js("window.__pwned") is None
    # hover: the tooltip shows the name as text, with no element made from it
    x, y = opened.node_at(HOSTILE_NAME)
    opened.page.mouse.move(x, y)
    tooltip = opened.page.locator("#kg-tooltip")
    tooltip.wait_for(state="visible")
    assert HOSTILE_NAME in tooltip.inner_text()
    assert tooltip.locator("img, script").count() == 0
    opened.page.screenshot(path=str(artifacts / "view-hostile-tooltip.png"))
    # click the hostile activity edge: its evidence sentence is text, and its
    # javascript: source is not a link
    (x1, y1), (x2, y2) = opened.node_at(HOSTILE_NAME), opened.node_at(HOSTILE_PLACE)
    opened.page.mouse.click((x1 + x2) / 2, (y1 + y2) / 2)
    details = opened.page.locator("#kg-details")
    details.wait_for(state="visible")
    text = details.inner_text()
    assert HOSTILE_SCRIPT in text and HOSTILE_IMG in text and "javascript:window.__pwned=1" in text
    assert details.locator("img, script").count() == 0
    assert details.locator("a").count() == 0
    assert opened.js("window.__pwned") is None
    assert opened.errors == [] and opened.blocked == []


def test_tooltips_show_posts_evidence_and_source_link(opened):
    x, y = opened.node_at("Trần Thị Lộc")
    opened.page.mouse.move(x, y)
    tooltip = opened.page.locator("#kg-tooltip")
    tooltip.wait_for(state="visible")
    assert "Trưởng Ban Tuyên giáo Tỉnh ủy Bắc Kạn" in tooltip.inner_text()
    # the seed inspection's edge: evidence sentence and a real link to the source
    (x1, y1), (x2, y2) = opened.node_at(BTG_TU), opened.node_at("xã Dương Quang")
    opened.page.mouse.click((x1 + x2) / 2, (y1 + y2) / 2)
    details = opened.page.locator("#kg-details")
    details.wait_for(state="visible")
    if "91-KH/BTGTU" not in details.inner_text():
        pytest.skip("another edge lies over the midpoint in this layout")
    assert "Đoàn công tác số 01" in details.inner_text()
    assert details.locator("a").first.get_attribute("href") == SEED_URL
    assert opened.requests == [opened.page.url]   # showing a link fetched nothing


def test_click_search_and_filters(opened, artifacts):
    page = opened.page
    page.fill("#kg-search", "duong quang")
    page.press("#kg-search", "Enter")
    assert "xã Dương Quang" in page.locator("#kg-status").inner_text()
    selected = opened.js("window.kgView.network.getSelectedNodes()")
    assert opened.js("id => window.kgView.nodes.get(id).label", selected[0]) == "xã Dương Quang"
    # the neighbourhood stays lit, the rest is dimmed
    dimmed = opened.js("window.kgView.nodes.get().filter(n => n.opacity < 1).map(n => n.label)")
    assert BTG_TU not in dimmed and "Trần Thị Lộc" not in dimmed and "Tỉnh ủy Bắc Kạn" in dimmed
    page.screenshot(path=str(artifacts / "view-search-highlight.png"))

    page.select_option("#kg-year", "2023")
    years = opened.js("window.kgView.edgesView.get().filter(e => e.akind).map(e => e.year)")
    assert years and set(years) == {2023}
    page.select_option("#kg-year", "")
    page.select_option("#kg-doc", "91-KH/BTGTU")
    docs = opened.js("window.kgView.edgesView.get().filter(e => e.akind).map(e => e.doc)")
    assert docs and set(docs) == {"91-KH/BTGTU"}
    assert "12-KH/BTGTW" not in opened.js("window.kgView.nodesView.get().map(n => n.label)")
    page.select_option("#kg-doc", "")
    page.select_option("#kg-kind", "supervision")
    assert opened.js("window.kgView.edgesView.get().filter(e => e.akind).map(e => e.akind)") == ["supervision"]
    assert opened.errors == []


def test_physics_layout_settles_and_stops(browser, fixture_store, tmp_path):
    path = tmp_path / "physics.html"
    write_view(fixture_store, path, layout="physics")
    opened = Opened(browser, path)
    try:
        assert opened.js("window.kgView.network.physics.physicsEnabled") is False
        assert opened.errors == [] and opened.blocked == []
    finally:
        opened.close()


def test_the_seed_sample_in_the_browser(browser, sample_store, tmp_path, artifacts):
    """The curated seed article, as `kg demo` loads it: the inspection of 25
    Nov 2022 under 91-KH/BTGTU, led by Trần Thị Lộc, of three units."""
    from kg.store import EmbeddedStore
    store = EmbeddedStore(sample_store, read_only=True)
    path = tmp_path / "sample.html"
    write_view(store, path, directive="91-KH/BTGTU")
    opened = Opened(browser, path)
    try:
        edges = opened.js("""(() => { const v = window.kgView, label = id => v.nodes.get(id).label;
            return v.edges.get().filter(e => e.akind).map(e => [label(e.from), label(e.to), e.kind, e.doc, e.year]); })()""")
        for target in ("thành phố Bắc Kạn", "phường Sông Cầu", "xã Dương Quang"):
            assert [BTG_TU, target, "inspects", "91-KH/BTGTU", 2022] in edges
            assert ["Trần Thị Lộc", target, "led", "91-KH/BTGTU", 2022] in edges
        opened.page.screenshot(path=str(artifacts / "view-seed-sample.png"))
        assert opened.errors == [] and opened.blocked == []
    finally:
        opened.close()
        store.close()


def test_tooltips_are_made_in_the_page(opened):
    """Node tooltips are built when shown, from the node's facts and edges."""
    info = opened.js("""label => { const v = window.kgView;
        return v.info(v.nodes.get({filter: n => n.label === label})[0].id); }""", BTG_TU)
    lines = [tuple(pair) for pair in info["l"]]
    assert info["t"] == BTG_TU
    assert ("Trực thuộc", "Tỉnh ủy Bắc Kạn") in lines and ("Cán bộ", "Trưởng – Trần Thị Lộc") in lines
    doc = opened.js("""() => { const v = window.kgView;
        return v.info(v.nodes.get({filter: n => n.label === "91-KH/BTGTU"})[0].id); }""")
    assert ("Ban hành", BTG_TU) in [tuple(pair) for pair in doc["l"]]


@pytest.fixture()
def big_view(browser, fixture_store, tmp_path, monkeypatch):
    """The fixture graph as a big view: its edges joined into lines the page paints."""
    import kg.view
    monkeypatch.setattr(kg.view, "EDGE_DETAIL_LIMIT", 0)
    path = tmp_path / "big.html"
    write_view(fixture_store, path)
    page = Opened(browser, path)
    yield page
    page.close()


# A painted activity line that stands alone at its middle: straight, its
# middle in sight, no node within 30 px of it, and the line the page finds
# there. The longest such line; where it is on the page and in the network.
CLEAR_LINE = """() => {
    const v = window.kgView, net = v.network, box = document.getElementById("kg-network");
    const at = net.getPositions(), nodesOnScreen = Object.values(at).map(p => net.canvasToDOM(p));
    let best = null;
    v.overview.forEach((line, i) => {
        if (line.kind !== "inspects" || line.k || line.from === line.to) return;
        const a = at[line.from], b = at[line.to], middle = {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2};
        const dom = net.canvasToDOM(middle), length = Math.hypot(a.x - b.x, a.y - b.y);
        if (dom.x < 20 || dom.y < 20 || dom.x > box.clientWidth - 20 || dom.y > box.clientHeight - 20) return;
        if (nodesOnScreen.some(p => Math.hypot(p.x - dom.x, p.y - dom.y) < 30)) return;
        if (v.lineAt(middle.x, middle.y) !== i || (best && best.length >= length)) return;
        best = {line: i, length, middle, dom};
    });
    if (!best) return null;
    const r = box.getBoundingClientRect(), line = v.overview[best.line];
    return {line: best.line, pageX: best.dom.x + r.left, pageY: best.dom.y + r.top, boxX: best.dom.x, boxY: best.dom.y,
            colour: line.colour, texts: line.members.map(id => v.edgeInfo(id).t)};
}"""

# The network canvas's pixels (RGBA) in the 5 x 5 square round a point of the
# network box, in CSS pixels.
PIXELS_AROUND = """([x, y]) => {
    const canvas = document.querySelector("#kg-network canvas"), ratio = canvas.width / canvas.clientWidth;
    const data = canvas.getContext("2d").getImageData(Math.round(x * ratio) - 2, Math.round(y * ratio) - 2, 5, 5).data;
    const pixels = [];
    for (let i = 0; i < data.length; i += 4) pixels.push([data[i], data[i + 1], data[i + 2], data[i + 3]]);
    return pixels;
}"""


def clear_line(opened: Opened) -> dict:
    found = opened.js(CLEAR_LINE)
    assert found is not None, "no painted activity line stands alone in this layout"
    return found


def test_big_views_paint_their_lines_and_draw_details_around_the_clicked_node(big_view):
    """Above the edge limit vis-network is given no edges: the page paints
    one line per kind and colour between two nodes, and hands vis-network
    the lines around a clicked node, with labels and arrows."""
    opened = big_view
    assert opened.js("[window.kgView.drawn.length, Object.keys(window.kgView.network.body.edges).length]") == [0, 0]
    lines = opened.js("""() => { const v = window.kgView;
        return v.overview.map(l => [l.from, l.to, l.kind, l.colour, l.members.length]); }""")
    edge_count = opened.js("window.kgView.edges.length")
    assert 0 < len(lines) <= edge_count
    assert sum(line[4] for line in lines) == edge_count   # every edge stands in exactly one line
    x, y = opened.node_at(BTG_TU)
    opened.page.mouse.click(x, y)
    btg = opened.js("name => window.kgView.nodes.get({filter: n => n.name === name})[0].id", BTG_TU)
    around = {i for i, line in enumerate(lines) if btg in line[:2]}
    assert set(opened.js("window.kgView.drawn.getIds()")) == around
    shown = opened.js("""() => Object.values(window.kgView.network.body.edges)
        .filter(e => e.options.arrows.to.enabled).map(e => e.options.label)""")
    assert len(shown) == len(around) and "91-KH/BTGTU · 2022-11-25" in shown
    # the neighbours found from the painted lines stay lit, the rest is dimmed
    dimmed = opened.js("window.kgView.nodes.get().filter(n => n.opacity < 1).map(n => n.name)")
    assert "xã Dương Quang" not in dimmed and "Trần Thị Lộc" not in dimmed and dimmed
    # a filter joins the edges it keeps again and hands nothing to vis-network
    opened.page.select_option("#kg-year", "2023")
    kept = opened.js("window.kgView.overview.length")
    assert 0 < kept < len(lines)
    assert opened.js("[window.kgView.drawn.length, Object.keys(window.kgView.network.body.edges).length]") == [0, 0]
    shown_nodes, shown_edges = opened.js("[window.kgView.nodesView.length, window.kgView.edgesView.length]")
    assert opened.page.locator("#kg-status").inner_text() == f"{shown_nodes} nút, {shown_edges} cạnh"
    assert opened.errors == [] and opened.blocked == []
    assert all(url.startswith("file://") for url in opened.requests)


def test_big_views_paint_pixels_for_their_lines(big_view, artifacts):
    opened = big_view
    line = clear_line(opened)
    colour = tuple(int(line["colour"][i:i + 2], 16) for i in (1, 3, 5))
    pixels = opened.js(PIXELS_AROUND, [line["boxX"], line["boxY"]])
    opened.page.screenshot(path=str(artifacts / "view-big-painted.png"))
    # vis-network draws no edge here: only the page's painter can have drawn
    # the line's colour at its middle
    assert any(a > 0 and max(abs(c - w) for c, w in zip(rgb, colour)) <= 40 for *rgb, a in pixels), pixels
    assert opened.errors == []


def test_big_views_hover_a_painted_line(big_view):
    opened = big_view
    line = clear_line(opened)
    opened.page.mouse.move(line["pageX"] - 40, line["pageY"] - 40)
    opened.page.mouse.move(line["pageX"], line["pageY"])
    tooltip = opened.page.locator("#kg-tooltip")
    tooltip.wait_for(state="visible")
    text = tooltip.inner_text()
    assert line["texts"] and all(t in text for t in line["texts"][:12])
    # off the line, the tooltip goes
    opened.page.mouse.move(5, 5)
    tooltip.wait_for(state="hidden")
    assert opened.errors == [] and opened.blocked == []


def test_big_views_click_a_painted_line(big_view):
    opened = big_view
    line = clear_line(opened)
    opened.page.mouse.click(line["pageX"], line["pageY"])
    details = opened.page.locator("#kg-details")
    details.wait_for(state="visible")
    text = details.inner_text()
    assert all(t in text for t in line["texts"][:12])
    assert opened.errors == [] and opened.blocked == []


def test_big_physics_views_settle_on_their_lines_then_paint_them(browser, fixture_store, tmp_path, monkeypatch):
    """A big physics view gives vis-network its lines as hidden springs while
    it settles, then takes them back and paints them."""
    import kg.view
    monkeypatch.setattr(kg.view, "EDGE_DETAIL_LIMIT", 0)
    path = tmp_path / "big-physics.html"
    write_view(fixture_store, path, layout="physics")
    opened = Opened(browser, path)
    try:
        assert opened.js("window.kgView.network.physics.physicsEnabled") is False
        assert opened.js("[window.kgView.drawn.length, Object.keys(window.kgView.network.body.edges).length]") == [0, 0]
        # the springs pulled: joined nodes lie closer together than nodes do on average
        joined, overall = opened.js("""() => {
            const v = window.kgView, at = v.network.getPositions(), ids = Object.keys(at);
            const d = (a, b) => Math.hypot(at[a].x - at[b].x, at[a].y - at[b].y), mean = xs => xs.reduce((s, x) => s + x, 0) / xs.length;
            return [mean(v.overview.map(l => d(l.from, l.to))), mean(ids.flatMap(a => ids.map(b => d(a, b))))]; }""")
        assert joined < 0.6 * overall, (joined, overall)
        line = clear_line(opened)
        assert opened.js(PIXELS_AROUND, [line["boxX"], line["boxY"]]) != [[0, 0, 0, 0]] * 25
        assert opened.errors == [] and opened.blocked == []
    finally:
        opened.close()


def test_big_views_label_nodes_when_zoomed_in(browser, fixture_store, tmp_path, monkeypatch):
    """Above the node limit the network is given no node labels until the
    zoom makes them readable; names still serve hover, search and filters."""
    import kg.view
    monkeypatch.setattr(kg.view, "NODE_LABEL_LIMIT", 0)
    path = tmp_path / "lazy.html"
    write_view(fixture_store, path)
    opened = Opened(browser, path)
    try:
        names = opened.js("window.kgView.nodes.get().map(n => n.name)")
        assert {BTG_TU, "xã Dương Quang", HOSTILE_NAME} <= set(names)
        opened.js("window.kgView.network.moveTo({scale: 0.2, animation: false})")
        assert opened.js("window.kgView.nodes.get().filter(n => n.label !== undefined).length") == 0
        drawn = opened.js("Object.values(window.kgView.network.body.nodes).filter(n => n.options.label).length")
        assert drawn == 0
        id_ = opened.js("name => window.kgView.nodes.get({filter: n => n.name === name})[0].id", BTG_TU)
        assert opened.js("id => window.kgView.info(id).t", id_) == BTG_TU
        # zooming in by the wheel labels what is in sight
        box = opened.page.locator("#kg-network").bounding_box()
        opened.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        for _ in range(10):   # each step zooms by a tenth
            opened.page.mouse.wheel(0, -300)
        count = "Object.values(window.kgView.network.body.nodes).filter(n => n.options.label).length"
        for _ in range(50):   # labels follow the zoom after a short pause
            if opened.js(count):
                break
            opened.page.wait_for_timeout(100)
        assert opened.js(count) > 0, opened.js("window.kgView.network.getScale()")
        assert opened.js("window.kgView.network.getScale()") * 14 >= 5
        opened.js("window.kgView.network.moveTo({scale: 0.2, animation: false})")
        # a search zooms to the node: it and its neighbours get their labels
        opened.page.fill("#kg-search", "duong quang")
        opened.page.press("#kg-search", "Enter")
        assert "xã Dương Quang" in opened.page.locator("#kg-status").inner_text()
        shown = opened.js("Object.values(window.kgView.network.body.nodes).map(n => n.options.label).filter(Boolean)")
        assert "xã Dương Quang" in shown and BTG_TU in shown
        assert opened.errors == [] and opened.blocked == []
    finally:
        opened.close()
