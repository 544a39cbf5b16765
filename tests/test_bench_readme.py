"""bench/README.md lists every benchmark script there is (it once said two
when there were six)."""
from __future__ import annotations

import re
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"


def test_the_readme_lists_every_script_in_bench():
    listed = set(re.findall(r"^\| `([\w]+\.py)` \|", (BENCH / "README.md").read_text(encoding="utf-8"), re.M))
    present = {p.name for p in BENCH.glob("*.py")}
    assert present - listed == set(), "add them to the table at the top of bench/README.md"
    assert len(present) > 2
