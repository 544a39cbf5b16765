"""The explorer's named queries (``queries/*.rq``), run with their values bound."""
from __future__ import annotations

from functools import cache
from importlib import resources

import pyoxigraph as ox


@cache
def text(name: str) -> str:
    """The SPARQL text of ``queries/<name>.rq``."""
    return (resources.files("kg.explore") / "queries" / f"{name}.rq").read_text(encoding="utf-8")


def names() -> list[str]:
    folder = resources.files("kg.explore") / "queries"
    return sorted(entry.name[:-3] for entry in folder.iterdir() if entry.name.endswith(".rq"))


def select(store, name: str, **bindings: ox.NamedNode | ox.Literal) -> list[dict[str, str | None]]:
    """Rows of the named SELECT, each variable's value as a string (or None)."""
    return store.select(text(name), bindings or None)


def construct(store, name: str, **bindings: ox.NamedNode | ox.Literal) -> list[ox.Triple]:
    return list(store.query(text(name), bindings or None))
