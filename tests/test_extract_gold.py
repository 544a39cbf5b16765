"""The extractor against gold annotations: the seed and the project's own
test articles must be exact, in the JSON of ``kg extract`` and in what ``kg
load`` writes to a store (read back with kg.lookup and a query), so that a
fact lost between extraction and RDF fails; the shared dev set must score F1
>= 0.95 with the evaluation's own scorer (skipped where it is not present)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from pyoxigraph import Literal

from kg import identity, lookup
from kg.extract import extract
from kg.load import load
from kg.sources.articles import Article, read_articles
from kg.store import EmbeddedStore

HERE = Path(__file__).parent
SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"  # ../shared, beside the repo
DEV = SCORER.parent


def load_article(path: Path) -> Article:
    """The article as ``kg extract`` and ``kg load`` read it."""
    [article] = read_articles(path)
    return article


def scorer():
    if not SCORER.exists():
        pytest.skip("the evaluation scorer is not present")
    spec = importlib.util.spec_from_file_location("kg_eval_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _own_facts(doc: dict) -> dict[str, set]:
    """Exact facts without the scorer: the same flattening, strings compared as written."""
    out: dict[str, set] = {}
    add = lambda k, v: out.setdefault(k, set()).add(v)  # noqa: E731
    for p in doc.get("persons", []):
        add("persons", p["name"])
        for post in p["posts"]:
            add("posts", (p["name"], post))
    for d in doc.get("documents", []):
        add("documents", (d["code"], d["type"], d["issuer"], d["date"]))
    for r in doc.get("document_relations", []):
        add("relations", (r["from"], r["relation"], r["to"]))
    for e in doc.get("events", []):
        add("events", (e["kind"], e["date"], e["inspector"], e["leader"], frozenset(e["targets"]),
                       e["directive"], e["topic"]))
    for p in doc.get("places", []):
        add("places", (p["name"], p["type"], p["parent"]))
    return out


GOLDS = sorted((HERE / "gold").glob("*.json"))


@pytest.mark.parametrize("gold_path", GOLDS, ids=[g.stem for g in GOLDS])
def test_own_articles_exact(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    result = extract(load_article(HERE / "articles" / gold["article"]))
    got = _own_facts(result.to_json())
    want = _own_facts(gold)
    for key in set(got) | set(want):
        assert got.get(key, set()) == want.get(key, set()), key


def _f1(mod, pairs) -> float:
    tp = n_pred = n_gold = 0
    for gold, pred in pairs:
        g, p = mod.facts(gold), mod.facts(pred)
        for cat in set(g) | set(p):
            tp += mod.matches(cat, g[cat], p[cat])
            n_pred += len(p[cat])
            n_gold += len(g[cat])
    return mod.prf(tp, n_pred, n_gold)[2]


def test_seed_scores_one():
    mod = scorer()
    gold = json.loads((HERE / "gold" / "seed.json").read_text(encoding="utf-8"))
    pred = extract(load_article(HERE / "articles" / gold["article"])).to_json()
    assert _f1(mod, [(gold, pred)]) == 1.0


def test_dev_set_f1():
    mod = scorer()
    golds = sorted((DEV / "gold").glob("*.json"))
    if not golds:
        pytest.skip("no dev set")
    pairs = []
    for g in golds:
        gold = json.loads(g.read_text(encoding="utf-8"))
        pairs.append((gold, extract(load_article(DEV / "articles" / gold["article"])).to_json()))
    assert _f1(mod, pairs) >= 0.95


def test_evidence_indexes_the_article_text():
    gold = json.loads((HERE / "gold" / "seed.json").read_text(encoding="utf-8"))
    art = load_article(HERE / "articles" / gold["article"])
    out = extract(art).to_json()
    facts = out["persons"] + out["documents"] + out["document_relations"] + out["events"] + out["places"]
    assert facts
    for f in facts:
        ev = f["evidence"]
        assert art.text[ev["start"]:ev["end"]] == ev["sentence"]


# --- what kg load writes ---------------------------------------------------------------

@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """One store holding every gold article, loaded as ``kg load`` does."""
    store = EmbeddedStore(tmp_path_factory.mktemp("gold") / "store")
    load(store, [HERE / "articles" / json.loads(g.read_text(encoding="utf-8"))["article"] for g in GOLDS])
    yield store
    store.close()


def _gold_and_source(gold_path: Path, store) -> tuple[dict, str]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    source = identity.source_iri(load_article(HERE / "articles" / gold["article"]).key)
    assert source in {row.iri for row in lookup.sources(store)}
    return gold, source


@pytest.mark.parametrize("gold_path", GOLDS, ids=[g.stem for g in GOLDS])
def test_loaded_officials_hold_their_gold_posts_on_the_article_s_word(gold_path, loaded):
    gold, source = _gold_and_source(gold_path, loaded)
    for person in gold["persons"]:
        matches = [m for m in lookup.find_people(loaded, person["name"]) if m.name == person["name"]]
        assert matches, person["name"]
        # each post with this article as its source: one sentence often states two posts
        attested = {held.post for match in matches for held in match.posts
                    if any(a.source == source for a in held.sources)}
        assert set(person["posts"]) <= attested, person["name"]


@pytest.mark.parametrize("gold_path", GOLDS, ids=[g.stem for g in GOLDS])
def test_loaded_documents_and_their_links_are_the_gold_ones(gold_path, loaded):
    gold, _ = _gold_and_source(gold_path, loaded)
    for doc in gold["documents"]:
        want = (doc["type"], doc["issuer"], doc["date"])
        found = [(d.type, d.issuer, d.date) for d in lookup.find_directives(loaded, doc["code"]) if d.code == doc["code"]]
        # what the article leaves unsaid (None) another article may state: the store merges them
        assert any(all(w is None or w == f for w, f in zip(want, stored)) for stored in found), (doc["code"], found)
    for link in gold["document_relations"]:
        links = {(x["relation"], x["direction"], x["code"])
                 for d in lookup.find_directives(loaded, link["from"]) if d.code == link["from"] for x in d.links}
        assert (link["relation"], "out", link["to"]) in links, link


@pytest.mark.parametrize("gold_path", GOLDS, ids=[g.stem for g in GOLDS])
def test_loaded_activities_are_the_gold_events(gold_path, loaded):
    gold, _ = _gold_and_source(gold_path, loaded)
    stored = {(i.kind, i.date, i.inspector, i.leader, frozenset(i.targets), i.document, i.topic)
              for i in lookup.find_inspections(loaded)}
    for event in gold["events"]:
        assert (event["kind"], event["date"], event["inspector"], event["leader"], frozenset(event["targets"]),
                event["directive"], event["topic"]) in stored, event


_PLACE = """SELECT ?name ?type ?parent WHERE {
  ?unit a party:AdministrativeUnit ; rdfs:label ?label ; party:unitType ?type .
  FILTER(STR(?label) = ?name)
  OPTIONAL { ?unit schema:containedInPlace/rdfs:label ?parent }
}"""


@pytest.mark.parametrize("gold_path", GOLDS, ids=[g.stem for g in GOLDS])
def test_loaded_places_have_the_gold_type_and_parent(gold_path, loaded):
    gold, _ = _gold_and_source(gold_path, loaded)
    for place in gold["places"]:
        rows = {(r["type"], r["parent"]) for r in loaded.select(_PLACE, {"name": Literal(place["name"])})}
        assert (place["type"], place["parent"]) in rows, place["name"]


def test_the_store_holds_no_activity_beyond_the_gold_events(loaded):
    # one activity a gold event: none doubled, none merged away, none invented
    assert len(lookup.find_inspections(loaded)) == sum(
        len(json.loads(g.read_text(encoding="utf-8"))["events"]) for g in GOLDS)
