"""Both stores implement the one Store protocol (kg.storage), method by
method with the same parameters, and no two modules of kg/ import each
other (the store modules used to)."""
from __future__ import annotations

import ast
import inspect
import itertools
from pathlib import Path

import pytest

from kg.remote import RemoteStore
from kg.storage import Store
from kg.store import EmbeddedStore

ROOT = Path(__file__).resolve().parent.parent
PROTOCOL_METHODS = sorted(name for name, value in vars(Store).items()
                          if callable(value) and not name.startswith("_"))


@pytest.mark.parametrize("store_class", [EmbeddedStore, RemoteStore])
@pytest.mark.parametrize("method", PROTOCOL_METHODS)
def test_each_store_has_the_protocol_method(store_class, method):
    assert hasattr(store_class, method), f"{store_class.__name__} lacks {method}"
    expected = list(inspect.signature(getattr(Store, method)).parameters)
    assert list(inspect.signature(getattr(store_class, method)).parameters) == expected


def test_an_embedded_store_is_a_store(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    try:
        assert isinstance(store, Store)
    finally:
        store.close()


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return found


def test_no_two_modules_import_each_other():
    modules = {}
    for path in (ROOT / "kg").rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        modules[name] = _imports(path)
    for path in (ROOT / "cli").glob("*.py"):
        modules[f"kg_cli.{path.stem}"] = _imports(path)
    mutual = [(a, b) for a, b in itertools.combinations(sorted(modules), 2)
              if b in modules[a] and a in modules[b]]
    assert mutual == []
