"""kg explore with Flask's test client, over the cookbook's graph, the seed
article's, one step of oversight above it, and a source whose strings are
hostile: search, every page kind, content negotiation, the graph's
expansion and save, the overview, the guards, and a crawl of every link."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pyoxigraph as ox
import pytest

from cookbook_fixtures import A1_SENTENCE, cookbook_graphs
from graph_fixtures import HOSTILE_NAME, HOSTILE_URL, hostile_records, oversight_records, seed_records
from kg import identity
from kg.explore.app import create_app
from kg.rdf import records_to_triples
from kg.store import EmbeddedStore

ID = identity.base()
AN_ALPHA = ID + "person/nguyen-van-an/tinh-alpha"
AN_GAMMA = ID + "person/nguyen-van-an/tinh-gamma"
TU_ALPHA = ID + "org/tinh-uy-alpha"
HOSTILE_BODY = identity.org_iri(HOSTILE_NAME)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("explore") / "store"
    store = EmbeddedStore(path)
    graphs = cookbook_graphs()
    for records in (seed_records(), oversight_records(), hostile_records()):
        graphs[identity.source_iri(records.source.key)] = records_to_triples(records)
    store.replace_graphs(graphs)
    store.close()
    return path


@pytest.fixture(scope="module")
def store(store_path):
    store = EmbeddedStore(store_path, read_only=True)
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(store):
    return create_app(store).test_client()


def search(client, text: str) -> list[dict]:
    response = client.get("/search", query_string={"q": text}, headers={"Accept": "application/json"})
    assert response.status_code == 200
    return response.get_json()["results"]


# --- search ---------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["nguyen van an", "NGUYỄN VĂN AN", "Nguyễn  Văn An", "van an"])
def test_search_finds_officials_in_any_case_and_accents_with_namesakes_apart(client, typed):
    people = [r for r in search(client, typed) if r["kind"] == "official"]
    assert {r["iri"] for r in people} == {AN_ALPHA, AN_GAMMA}
    by_iri = {r["iri"]: r for r in people}
    assert by_iri[AN_ALPHA]["province"] == "tỉnh Alpha"
    assert by_iri[AN_GAMMA]["province"] == "tỉnh Gamma"
    # the latest post tells them apart: the Gamma namesake's is from July 2025
    assert by_iri[AN_GAMMA]["post"] == "Phó Bí thư Tỉnh ủy Gamma"
    assert by_iri[AN_ALPHA]["post"] is not None
    assert by_iri[AN_ALPHA]["href"] == "/id/person/nguyen-van-an/tinh-alpha"


@pytest.mark.parametrize("typed", ["20-KH/TU", "20-kh/tu", "20 KH TU", "20-kh-tu", "20/KH-TU"])
def test_search_finds_documents_by_code_in_any_spelling(client, typed):
    documents = [r for r in search(client, typed) if r["kind"] == "document"]
    assert documents and documents[0]["label"] == "Kế hoạch 20-KH/TU"
    assert documents[0]["province"] == "tỉnh Alpha"   # the place a local code is scoped to


def test_search_covers_bodies_and_units_best_match_first(client):
    results = search(client, "tinh uy alpha")
    assert results[0]["iri"] == TU_ALPHA
    assert [r["province"] for r in search(client, "xa mot") if r["kind"] == "unit"] == ["huyện Beta"]
    assert search(client, "   ") == []
    assert search(client, "zzzz nothing") == []


def test_search_page_in_html_too(client):
    page = client.get("/search?q=tinh+alpha").get_data(as_text=True)
    assert 'href="/id/place/pre2025/90"' in page and "tỉnh Alpha" in page


# --- pages ------------------------------------------------------------------------------------

def html(client, path: str, **kwargs) -> str:
    response = client.get(path, **kwargs)
    assert response.status_code == 200, (path, response.status_code)
    assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


def test_official_page_has_posts_in_order_activities_led_and_sources(client):
    page = html(client, "/id/person/nguyen-van-an/tinh-alpha")
    posts = page[page.index('id="s-posts"'):page.index('id="s-led"')]
    assert posts.index("Bí thư Tỉnh ủy Alpha") < posts.index("Trưởng Ủy ban Kiểm tra Tỉnh ủy Alpha")
    led = page[page.index('id="s-led"'):]
    assert "2022-05-10" in led and "2023-04-04" in led and "20-KH/TU" in led
    assert "Ủy ban Kiểm tra Tỉnh ủy Alpha kiểm tra Huyện ủy Beta" in page   # the source's title


def test_body_page_holders_on_a_chosen_date(client):
    before = html(client, "/id/org/uy-ban-kiem-tra-tinh-uy-alpha?on=2022-06-01")
    holders = before[before.index('id="s-holders"'):before.index('id="s-documents"')]
    assert "Nguyễn Văn An" in holders
    after = html(client, "/id/org/uy-ban-kiem-tra-tinh-uy-alpha?on=2024-01-01")
    assert "Nguyễn Văn An" not in after[after.index('id="s-holders"'):after.index('id="s-documents"')]
    tu = html(client, "/id/org/tinh-uy-alpha")
    assert "Huyện ủy Beta" in tu and "20-KH/TU" in tu and "Ủy ban Kiểm tra Trung ương" in tu
    assert client.get("/id/org/tinh-uy-alpha?on=yesterday").status_code == 400


def test_unit_page_children_successors_bodies_and_inspections(client):
    alpha = html(client, "/id/place/pre2025/90")
    assert "huyện Beta" in alpha and "tỉnh Gamma" in alpha and "Tỉnh ủy Alpha" in alpha
    commune = html(client, "/id/place/pre2025/90101")
    assert "xã Mới" in commune and "2022-07-01" in commune   # successor; supervision received


def test_document_page_lineage_and_activities(client):
    page = html(client, "/id/doc/20-kh_tu/tinh-alpha")
    assert "tiếp tục thực hiện" in page and "10-KH/TU" in page and "30-KH/HU" in page
    assert "2022-05-10" in page and "Tỉnh ủy Alpha" in page
    cited = html(client, "/id/doc/99-nq_tw")   # cited, never described: still a page
    assert "10-KH/TU" in cited


def test_activity_page_every_report_with_its_sentence(client):
    page = html(client, "/id/activity/" + identity.tail(_activity_a1(), "activity"))
    assert "Huyện ủy Beta" in page and "công tác kiểm tra năm 2022" in page
    assert A1_SENTENCE in page


def _activity_a1() -> str:
    from cookbook_fixtures import A1, activity_iri
    return activity_iri(A1)


def test_unknown_iri_is_404_and_other_iris_have_pages(client):
    assert client.get("/id/person/nobody").status_code == 404
    assert client.get("/entity?iri=not%20an%20iri").status_code == 404
    assert client.get("/entity").status_code == 400
    # a class IRI from the vocabulary is a node too
    assert client.get("/entity", query_string={"iri": "https://w3id.org/party-kg/def#Official"}).status_code == 200


@pytest.fixture()
def schema_with_committees(monkeypatch):
    """kg.schema reading a copy of the schema with one more entity kind, a
    party committee, put before bodies; the kinds the explorer keeps are
    read again from it, and from the schema itself after the test."""
    import functools

    from kg import schema as schema_module
    from kg.explore import links
    text = (Path(schema_module.__file__).parent / "schema.yaml").read_text(encoding="utf-8")
    committee = "\n  party_committee:\n    class: party:PartyCommittee\n    vi: Cấp ủy\n    en: committee\n" \
                "    counted: committees\n"
    assert "\n  body:\n" in text
    copy = text.replace("\n  body:\n", committee + "  body:\n", 1)
    read = functools.cache(lambda: schema_module.parse(copy))
    monkeypatch.setattr(schema_module, "schema", read)
    monkeypatch.setattr(links, "schema", read)
    links.kinds.cache_clear()
    yield
    links.kinds.cache_clear()


def test_page_kinds_are_the_schemas_entity_kinds_in_its_order(client, schema_with_committees):
    committee = html(client, "/id/org/tinh-uy-alpha")
    assert '<article class="entity kind-party_committee">' in committee
    assert 'Cấp ủy <span class="en">(committee)</span>' in committee
    agency = html(client, "/id/org/uy-ban-kiem-tra-tinh-uy-alpha")   # a body of another kind
    assert '<article class="entity kind-body">' in agency


# --- content negotiation --------------------------------------------------------------------

def test_turtle_and_json_ld_for_clients_that_ask(client):
    path = "/id/org/tinh-uy-alpha"
    turtle = client.get(path, headers={"Accept": "text/turtle"})
    assert turtle.mimetype == "text/turtle" and turtle.headers["Vary"] == "Accept"
    triples = [q.triple for q in ox.parse(turtle.data, format=ox.RdfFormat.TURTLE)]
    assert ox.Triple(ox.NamedNode(TU_ALPHA), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                     ox.Literal("Tỉnh ủy Alpha", language="vi")) in triples
    assert all(t.subject == ox.NamedNode(TU_ALPHA) for t in triples)
    jsonld = client.get(path, headers={"Accept": "application/ld+json"})
    assert jsonld.mimetype == "application/ld+json"
    assert any(node.get("@id") == TU_ALPHA for node in json.loads(jsonld.data))
    browser = client.get(path, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert browser.mimetype == "text/html"
    assert client.get(path + "?format=ttl").mimetype == "text/turtle"
    assert client.get("/id/org/nobody", headers={"Accept": "text/turtle"}).status_code == 404


# --- the graph --------------------------------------------------------------------------------

def test_neighbours_as_kg_viz_draws_them(client):
    data = client.get("/graph/neighbours", query_string={"iri": TU_ALPHA}).get_json()
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes[TU_ALPHA]["group"] == "party_committee"
    kinds = {(e["kind"], e["from"], e["to"]) for e in data["edges"]}
    assert ("sub_organisation", TU_ALPHA, ID + "org/huyen-uy-beta") in kinds
    assert ("holds", AN_ALPHA, TU_ALPHA) in kinds
    assert ("jurisdiction", TU_ALPHA, ID + "place/pre2025/90") in kinds
    inspected = [e for e in data["edges"] if e["kind"] == "inspects"]
    assert inspected and inspected[0]["act"]["k"] == "working_session" and inspected[0]["act"]["y"] == 2023
    assert all(n["href"].startswith("/id/") for n in data["nodes"])
    assert client.get("/graph/neighbours?iri=not%20an%20iri").status_code == 400


def test_save_writes_the_offline_page_of_the_shown_nodes(client):
    shown = [TU_ALPHA, ID + "org/huyen-uy-beta", AN_ALPHA, ID + "org/uy-ban-kiem-tra-trung-uong"]
    response = client.post("/graph/save", data={"nodes": "\n".join(shown), "title": "Tỉnh ủy <b>Alpha</b>"})
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment")
    page = response.get_data(as_text=True)
    data = json.loads(re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page, re.S)
                      .group(1))
    assert {n["label"] for n in data["nodes"]} == {"Tỉnh ủy Alpha", "Huyện ủy Beta", "Nguyễn Văn An",
                                                   "Ủy ban Kiểm tra Trung ương"}
    assert {e["kind"] for e in data["edges"]} == {"sub_organisation", "holds", "inspects", "led"}
    assert "Tỉnh ủy &lt;b&gt;Alpha&lt;/b&gt;" in page
    assert client.post("/graph/save", data={"nodes": ""}).status_code == 400


# --- the overview -----------------------------------------------------------------------------

def flows_of(page: str) -> dict[tuple[str, str], int]:
    data = json.loads(re.search(r'id="kg-flows">(.*?)</script>', page, re.S).group(1))
    return {(f["from"], f["to"]): f["n"] for f in data["flows"]}


def test_overview_counts_by_level_year_and_kind(client):
    flows = flows_of(html(client, "/overview"))
    assert flows[("central", "province")] == 2     # UBKTTW → Tỉnh ủy Alpha, BTGTW → Tỉnh ủy Bắc Kạn
    assert flows[("province", "district")] == 2    # UBKT → Huyện ủy Beta, the seed's → thành phố Bắc Kạn
    assert flows[("district", "commune")] == 1
    assert flows_of(html(client, "/overview?year=2023&kind=supervision")) == {("central", "province"): 1}
    assert client.get("/overview?year=last").status_code == 400
    assert client.get("/overview?kind=raid").status_code == 400


def test_overview_drills_down_to_a_province(client):
    page = html(client, "/overview", query_string={"province": ID + "place/pre2025/90"})
    assert "Huyện ủy Beta" in page and "Đảng ủy xã Một" in page and "huyện Beta" in page
    assert flows_of(page)[("district", "commune")] == 1
    assert client.get("/overview", query_string={"province": TU_ALPHA}).status_code == 404   # a body, not a province


def test_warm_start_reads_the_keys_and_counts_in_the_background(store):
    import time
    app = create_app(store, warm=True)
    state = app.extensions["kg_explore"]
    deadline = time.monotonic() + 30
    while (state["searcher"]._index is None or state["overview"]._counts is None) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert state["searcher"]._index is not None and state["overview"]._counts is not None


# --- guards -----------------------------------------------------------------------------------

def test_refuses_other_hosts_and_sets_a_strict_policy(client):
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 403
    assert client.get("/", headers={"Host": "localhost:7879"}).status_code == 200
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "unsafe-inline" not in policy


def test_hostile_strings_are_text(client):
    page = html(client, "/id/org/" + identity.tail(HOSTILE_BODY, "org"))
    assert "<script>window.__pwned" not in page and "<img src=x" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    activity = re.search(r'href="(/id/activity/[^"]+)"', page).group(1)
    report = html(client, activity)
    assert "<script>window" not in report and "onerror=\"" not in report
    assert f'href="{HOSTILE_URL}"' not in report and HOSTILE_URL in report   # shown, never a link
    found = client.get("/search", query_string={"q": "dac biet", "format": "json"}).get_json()["results"]
    assert found[0]["label"] == HOSTILE_NAME   # JSON carries the text; the page's script sets it as text


# --- every link resolves -------------------------------------------------------------------------

class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self.outside: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("href", "src", "action"):
            value = attrs.get(name)
            if value is None:
                continue
            if urlsplit(value).scheme:
                # a link out to a source is allowed; nothing is ever loaded from outside
                if tag != "a" or name != "href":
                    self.outside.append(value)
            elif not (tag == "form" and attrs.get("method", "get").lower() == "post"):
                self.found.append(value)


def test_crawl_every_link_of_every_page_kind(client, store):
    starts = ["/", "/overview", "/search?q=alpha", "/id/person/nguyen-van-an/tinh-alpha",
              "/id/org/tinh-uy-alpha", "/id/place/pre2025/90", "/id/doc/20-kh_tu/tinh-alpha",
              "/id/activity/" + identity.tail(_activity_a1(), "activity"), "/overview?province=" + ID + "place/pre2025/90"]
    before = len(store)
    seen, queue, kinds = set(), list(starts), set()
    while queue and len(seen) < 600:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        assert response.status_code == 200, f"{path} -> {response.status_code}"
        if response.mimetype != "text/html":
            continue
        kinds |= set(re.findall(r'<article class="entity kind-(\w+)"', response.get_data(as_text=True)))
        parser = Links()
        parser.feed(response.get_data(as_text=True))
        assert parser.outside == [], path
        for link in parser.found:
            target = urljoin("http://localhost" + path, link)
            parts = urlsplit(target)
            if parts.path.startswith("/id/") or parts.path in ("/", "/overview", "/search", "/entity") \
                    or parts.path.startswith(("/static/", "/vis/")):
                queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    assert {"official", "body", "unit", "document", "activity", "source", "membership", "thing"} <= kinds
    assert len(store) == before   # nothing was written


def test_cli_help_and_a_missing_store(tmp_path):
    from click.testing import CliRunner

    from kg_cli.main import main
    runner = CliRunner()
    assert "Explore the graph in a browser" in runner.invoke(main, ["explore", "--help"]).output
    result = runner.invoke(main, ["--store", str(tmp_path / "none"), "explore"])
    assert result.exit_code != 0 and "no store at" in result.output and "Traceback" not in result.output


def test_every_query_says_what_it_answers_and_is_bounded():
    from kg.explore import sparql
    assert len(sparql.names()) > 20
    for name in sparql.names():
        text = sparql.text(name)
        assert text.startswith("# answers:"), name
        assert "LIMIT" in text, name


@pytest.mark.server
def test_over_a_remote_store(tmp_path):
    """`kg --store URL explore`: the same pages over a SPARQL server."""
    from oxigraph_fixtures import oxigraph_server

    from kg.remote import RemoteStore
    with oxigraph_server(tmp_path / "db") as url:
        RemoteStore(url).replace_graphs(cookbook_graphs())
        remote = create_app(RemoteStore(url, read_only=True)).test_client()
        people = [r for r in search(remote, "nguyen van an") if r["kind"] == "official"]
        assert {r["province"] for r in people} == {"tỉnh Alpha", "tỉnh Gamma"}
        page = html(remote, "/id/org/tinh-uy-alpha")
        assert "Huyện ủy Beta" in page and "20-KH/TU" in page
        edges = remote.get("/graph/neighbours", query_string={"iri": TU_ALPHA}).get_json()["edges"]
        assert ("sub_organisation", TU_ALPHA, ID + "org/huyen-uy-beta") in {(e["kind"], e["from"], e["to"]) for e in edges}
        assert flows_of(html(remote, "/overview"))[("central", "province")] == 1
        assert remote.get("/id/org/tinh-uy-alpha", headers={"Accept": "text/turtle"}).mimetype == "text/turtle"
