"""The README's curated-YAML example is what a new user copies first: it
loads as it stands, and its activity's leader is the person it describes
(it once pointed at a different, empty person, and nothing said so)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from pyoxigraph import NamedNode

from kg import identity
from kg.store import EmbeddedStore

ROOT = Path(__file__).resolve().parent.parent
KG = str(Path(sys.executable).with_name("kg"))


def test_the_readme_yaml_example_loads_and_its_leader_is_the_described_person(tmp_path):
    example = re.search(r"```yaml\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S).group(1)
    (tmp_path / "hand.yaml").write_text(example, encoding="utf-8")
    result = subprocess.run([KG, "--store", str(tmp_path / "store"), "load", str(tmp_path / "hand.yaml")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    store = EmbeddedStore(tmp_path / "store", read_only=True)
    try:
        leaders = {r["leader"] for r in store.select("SELECT ?leader WHERE { ?a party:leader ?leader }")}
        described = identity.person_iri("Nông Thị Hạnh", "tỉnh Cao Bằng")
        assert leaders == {described}
        # and it is the person whose post the file describes
        assert store.select("SELECT ?m WHERE { ?m org:member ?p }", {"p": NamedNode(described)})
    finally:
        store.close()
