"""kg explore in a real browser: Debian's headless Chromium against the app
served on 127.0.0.1 by werkzeug in a thread, every request to anywhere else
refused and recorded. Search → page → expand → filter → save; hostile
strings as text; the overview drawn.

Playwright from PyPI drives /usr/bin/chromium; it never downloads a browser.
Without /usr/bin/chromium these tests are skipped, except in CI (env CI set),
where they fail. Screenshots go to $KG_TEST_ARTIFACTS, else pytest's tmp_path.
"""
from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import pytest

from browser_fixtures import artifacts, browser, require_chromium  # noqa: F401 (fixtures)
from cookbook_fixtures import cookbook_graphs
from graph_fixtures import HOSTILE_NAME, HOSTILE_SCRIPT, HOSTILE_URL, hostile_records, oversight_records, seed_records
from kg import identity
from kg.rdf import records_to_triples
from kg.store import EmbeddedStore


pytestmark = pytest.mark.browser

require_chromium()

ID = identity.base()
TU_ALPHA = ID + "org/tinh-uy-alpha"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from werkzeug.serving import make_server

    from kg.explore.app import create_app
    path = tmp_path_factory.mktemp("explore") / "store"
    writer = EmbeddedStore(path)
    graphs = cookbook_graphs()
    for records in (seed_records(), oversight_records(), hostile_records()):
        graphs[identity.source_iri(records.source.key)] = records_to_triples(records)
    writer.replace_graphs(graphs)
    writer.close()
    store = EmbeddedStore(path, read_only=True)
    httpd = make_server("127.0.0.1", 0, create_app(store, host="127.0.0.1", port=0), threaded=True)
    port = httpd.server_port
    # the app checks the Host header against the port it was given: make it again with the real one
    httpd.app = create_app(store, host="127.0.0.1", port=port)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    httpd.shutdown()
    thread.join()
    store.close()


class Session:
    """A browser context that may reach only the explorer. Waits are written as
    functions: Playwright evaluates a bare expression with eval, which the
    explorer's Content-Security-Policy rightly refuses."""

    def __init__(self, browser, base: str):
        self.base = base
        self.context = browser.new_context(viewport={"width": 1300, "height": 1000}, accept_downloads=True)
        self.errors: list[str] = []
        self.blocked: list[str] = []

        def route(r):
            if r.request.url.startswith(base + "/"):
                r.continue_()
            else:
                self.blocked.append(r.request.url)
                r.abort()
        self.context.route("**/*", route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def open(self, path: str) -> None:
        self.page.goto(self.base + path)

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def wait_graph(self) -> None:
        self.page.wait_for_function("() => window.__kgExplore && window.__kgExplore.ready && !window.__kgExplore.pending",
                                    timeout=30_000)

    def click_node(self, label: str) -> None:
        x, y = self.js("""label => {
            const api = window.__kgExplore, n = api.nodes().find(n => n.label === label);
            const p = api.network.canvasToDOM(api.network.getPositions([n.id])[n.id]);
            const r = document.getElementById("kg-graph").getBoundingClientRect();
            return [p.x + r.left, p.y + r.top]; }""", label)
        self.page.mouse.click(x, y)


@pytest.fixture()
def session(browser, server):
    s = Session(browser, server)
    yield s
    s.context.close()


def test_search_page_expand_filter_save(session, artifacts):
    session.open("/")
    session.page.locator("#kg-q").type("nguyen van an", delay=20)
    suggest = session.page.locator("#kg-suggest li")
    suggest.first.wait_for()
    texts = suggest.all_inner_texts()
    assert any("tỉnh Alpha" in t for t in texts) and any("tỉnh Gamma" in t for t in texts)
    session.page.locator("#kg-suggest li", has_text="tỉnh Alpha").first.click()
    session.page.wait_for_url(re.compile(r"/id/person/nguyen-van-an/tinh-alpha$"))
    session.wait_graph()
    labels = {n["label"] for n in session.js("window.__kgExplore.nodes()")}
    assert {"Nguyễn Văn An", "Tỉnh ủy Alpha", "Huyện ủy Beta"} <= labels
    assert "Đảng ủy xã Một" not in labels
    session.page.screenshot(path=str(artifacts / "explore-official.png"))

    # expand: a click on Huyện ủy Beta fetches its neighbours and adds them
    session.click_node("Huyện ủy Beta")
    session.page.wait_for_function("() => window.__kgExplore.nodes().some(n => n.label === 'Đảng ủy xã Một')", timeout=15_000)
    assert "Huyện ủy Beta" in session.page.locator("#kg-graph-info").inner_text()
    session.wait_graph()

    # filter: only 2023's activities stay; edges that are not activities stay too
    session.page.select_option("#kg-f-year", "2023")
    edges = session.js("window.__kgExplore.visibleEdges()")
    assert edges and all(e["act"] is None or e["act"]["y"] == 2023 for e in edges)
    assert any(e["act"] and e["act"]["y"] == 2023 for e in edges)
    session.page.select_option("#kg-f-year", "")
    session.page.select_option("#kg-f-kind", "supervision")
    assert all(e["act"] is None or e["act"]["k"] == "supervision" for e in session.js("window.__kgExplore.visibleEdges()"))
    session.page.select_option("#kg-f-kind", "")

    # save: the download is the offline page kg viz writes, of the nodes shown
    shown = {n["label"] for n in session.js("window.__kgExplore.nodes()")}
    with session.page.expect_download() as info:
        session.page.locator("#kg-save").click()
    saved = Path(info.value.path()).read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', saved, re.S).group(1))
    assert {n["label"] for n in data["nodes"]} == shown
    assert session.errors == [] and session.blocked == []


def test_hostile_strings_show_as_text(session, artifacts):
    session.open("/id/org/" + identity.tail(identity.org_iri(HOSTILE_NAME), "org"))
    session.wait_graph()
    assert session.js("window.__pwned") is None
    assert session.page.locator("h1").inner_text() == HOSTILE_NAME
    assert session.page.locator("main img, main script:not([type='application/json'])").count() == 0
    assert HOSTILE_NAME in {n["label"] for n in session.js("window.__kgExplore.nodes()")}
    # its activity's report: the sentence is text, the javascript: address no link
    session.page.locator("#s-done a[href^='/id/activity/']").first.click()
    session.page.wait_for_load_state()
    assert HOSTILE_SCRIPT in session.page.locator("#s-sources").inner_text()
    assert session.page.locator(f"a[href='{HOSTILE_URL}']").count() == 0
    assert session.js("window.__pwned") is None
    # the search box shows the name as text too
    session.page.locator("#kg-q").type("dac biet", delay=20)
    session.page.locator("#kg-suggest li").first.wait_for()
    assert HOSTILE_NAME in session.page.locator("#kg-suggest").inner_text()
    assert session.page.locator("#kg-suggest img").count() == 0
    session.page.screenshot(path=str(artifacts / "explore-hostile.png"))
    assert session.js("window.__pwned") is None
    assert session.errors == [] and session.blocked == []


def test_overview_draws_and_drills_down(session, artifacts):
    session.open("/overview")
    session.page.wait_for_function("() => window.__kgOverview && window.__kgOverview.ready")
    assert session.js("window.__kgOverview.edges") >= 3
    session.page.screenshot(path=str(artifacts / "explore-overview.png"))
    session.page.locator("a", has_text="tỉnh Alpha").first.click()
    session.page.wait_for_function("() => window.__kgOverview && window.__kgOverview.ready")
    assert "Huyện ủy Beta" in session.page.locator("main").inner_text()
    assert session.errors == [] and session.blocked == []
