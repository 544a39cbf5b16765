"""A body a source names without its place ("Tỉnh ủy" in an excerpt that
never names its province) is that source's own: two sources' unplaced
"Tỉnh ủy" stay two bodies (with their posts and activities), while a placed
body is one however many sources name it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kg.store import EmbeddedStore

KG = str(Path(sys.executable).with_name("kg"))

UNPLACED = """Sáng 12/3/2024, Ban Thường vụ Tỉnh ủy kiểm tra công tác chuẩn bị đại hội tại xã {commune}.
Đồng chí {leader}, Phó Bí thư Tỉnh ủy làm trưởng đoàn.
"""
PLACED = """Đoàn kiểm tra của Ban Thường vụ Tỉnh ủy Cao Bằng làm việc với huyện {district}

Ngày 14/5/2024, Ban Thường vụ Tỉnh ủy Cao Bằng kiểm tra công tác cán bộ tại huyện {district}.
"""


def load(tmp_path: Path, texts: dict[str, str]) -> EmbeddedStore:
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store_path = tmp_path / "store"
    result = subprocess.run([KG, "--store", str(store_path), "load", *(str(tmp_path / n) for n in texts)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return EmbeddedStore(store_path, read_only=True)


def bodies_labelled(store: EmbeddedStore, label: str) -> set[str]:
    return {r["o"] for r in store.select("SELECT ?o WHERE { ?o a org:Organization ; rdfs:label ?l FILTER(STR(?l) = ?want) }",
                                         {"want": __import__("pyoxigraph").Literal(label)})}


def test_two_sources_unplaced_bodies_stay_apart(tmp_path):
    store = load(tmp_path, {"a.txt": UNPLACED.format(commune="Hòa An", leader="Nguyễn Văn Bình"),
                            "b.txt": UNPLACED.format(commune="Hòa An", leader="Trần Văn Cường")})
    try:
        assert len(bodies_labelled(store, "Ban Thường vụ Tỉnh ủy")) == 2
        assert len(bodies_labelled(store, "Tỉnh ủy")) == 2
        inspectors = store.select("SELECT DISTINCT ?i WHERE { ?a party:inspector ?i }")
        assert len(inspectors) == 2
        posts = store.select("SELECT DISTINCT ?post WHERE { ?m opengov:post ?post }")
        assert len(posts) == 2, "each source's 'Phó Bí thư Tỉnh ủy' is a post of its own body"
    finally:
        store.close()


def test_a_placed_body_is_one_across_sources(tmp_path):
    store = load(tmp_path, {"a.txt": PLACED.format(district="Trùng Khánh"),
                            "b.txt": PLACED.format(district="Hà Quảng")})
    try:
        assert len(bodies_labelled(store, "Ban Thường vụ Tỉnh ủy Cao Bằng")) == 1
    finally:
        store.close()
