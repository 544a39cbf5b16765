"""The extractor against gold annotations: the seed and the project's own
test articles must be exact; the shared dev set must score F1 >= 0.95 with
the evaluation's own scorer (skipped where it is not present)."""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
from pathlib import Path

import pytest

from kg.extract import extract
from kg.sources.articles import Article
from kg.text import normalize

HERE = Path(__file__).parent
SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"  # ../shared, beside the repo
DEV = SCORER.parent


def load_article(path: Path) -> Article:
    """A minimal .txt reader for the tests: optional front matter, title line, body."""
    raw = normalize(path.read_text(encoding="utf-8"))
    meta = {}
    m = re.match(r"---\n(.*?)\n---\n", raw, re.S)
    if m:
        for line in m.group(1).splitlines():
            k, _, v = line.partition(":")
            meta[k.strip()] = v.strip()
        raw = raw[m.end():]
    title, _, body = raw.lstrip("\n").partition("\n")
    title, body = title.strip(), body.strip("\n")
    published = dt.date.fromisoformat(meta["published"]) if meta.get("published") else None
    return Article(key=meta.get("url") or str(path), title=title, text=title + "\n\n" + body,
                   body_start=len(title) + 2, url=meta.get("url"), published=published, path=str(path))


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
