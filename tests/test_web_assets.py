"""The package's own JavaScript parses: the view's script (kg/web/view.js),
the query page's (kg/web/query.js) and any other shipped .js file. The
browser tests run them; this catches a syntax error in a part they do not
reach, without a browser. vis-network itself is a vendored asset, not ours."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import kg

SCRIPTS = sorted(p for p in Path(kg.__file__).parent.rglob("*.js") if "vendor" not in p.parts)


def test_the_package_ships_its_scripts():
    names = {p.name for p in SCRIPTS}
    assert {"view.js", "query.js"} <= names


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: str(p.relative_to(Path(kg.__file__).parent)))
def test_script_parses(script):
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the browser tests still run the scripts")
    result = subprocess.run([node, "--check", str(script)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_a_syntax_error_is_caught(tmp_path):
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    broken = tmp_path / "broken.js"
    broken.write_text("function ( {", encoding="utf-8")
    assert subprocess.run([node, "--check", str(broken)], capture_output=True).returncode != 0
