"""The synthetic national graph generator (bench/synth.py) at a tiny scale."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.model import ActivityKind, OrgKind, Relation

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import synth  # noqa: E402  (bench/ is not a package)

TINY = dict(scale=0.02, provinces=3)    # a few communes in each of three provinces
PARTY_CODE = re.compile(r"^\d+-[A-Za-zĐđ]+/[A-ZĐƯ]+$")     # 29-NQ/TU, 12-KH/BTGDVTU
STATE_CODE = re.compile(r"^\d+/[A-Za-zĐđ]+-[A-ZĐ]+$")      # 45/QĐ-UBND


@pytest.fixture(scope="module")
def sources():
    return synth.generate(**TINY, seed=7)


@pytest.fixture(scope="module")
def nquads(tmp_path_factory, sources) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("synth") / "tiny.nq"
    return path, synth.write_nquads(sources, path)


def test_same_seed_same_triples(nquads, tmp_path):
    path, _ = nquads
    again = tmp_path / "again.nq"
    synth.write_nquads(synth.generate(**TINY, seed=7), again)
    assert again.read_bytes() == path.read_bytes()
    other = tmp_path / "other.nq"
    synth.write_nquads(synth.generate(**TINY, seed=8), other)
    assert other.read_bytes() != path.read_bytes()


def test_every_kind_of_record(sources):
    counts = synth.summary(sources)
    for kind in ("places", "organisations", "officials", "memberships", "documents",
                 "document_links", "activities"):
        assert counts[kind] > 0, kind
    assert counts["sources"] == 4                   # the nation and three provinces
    orgs = {o.kind for r in sources for o in r.organisations}
    assert {OrgKind.PARTY_COMMITTEE, OrgKind.STANDING_COMMITTEE, OrgKind.PARTY_AGENCY,
            OrgKind.STATE_BODY, OrgKind.ORGANISATION} <= orgs
    assert {a.kind for r in sources for a in r.activities} == set(ActivityKind)
    assert {Relation.IMPLEMENTS, Relation.CITES, Relation.CONTINUES} <= {
        link.relation for r in sources for link in r.document_links}
    codes = [d.code for r in sources for d in r.documents]
    assert all(PARTY_CODE.match(c) or STATE_CODE.match(c) for c in codes), codes[:20]
    assert any(c.endswith("-NQ/TU") for c in codes) and any("/BTGDVTU" in c for c in codes)


def test_records_as_json_lines(sources, tmp_path):
    lines = synth.write_jsonl(sources, tmp_path / "tiny.jsonl")
    assert lines == sum(len(r) for r in sources) + len(sources)


def test_rdf_loads_with_kg_load(nquads, tmp_path):
    pytest.importorskip("kg_cli.load", reason="kg load is not written yet")
    from kg.store import EmbeddedStore
    path, count = nquads
    store = tmp_path / "store"
    kg = Path(sys.executable).with_name("kg")
    proc = subprocess.run([str(kg), "--store", str(store), "load", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    loaded = EmbeddedStore(store, read_only=True)
    assert len(loaded) >= count            # plus the loader's own bookkeeping
    assert len(loaded.named_graphs()) >= 4
