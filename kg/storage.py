"""What every store offers: the ``Store`` protocol that the embedded store
(kg.store.EmbeddedStore) and a SPARQL server (kg.remote.RemoteStore) both
implement, and what their writes report. The loader, lookups, views and
exports are written against this protocol, never against one store, and
neither store module imports the other.

The layout both keep is kg.facts's: the default graph holds the merged
facts, each source's statements its own named graph, published by its
content hash.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

import pyoxigraph as ox


@dataclass
class GraphChange:
    """What a write did to one source graph."""
    graph: str
    triples: int
    status: str          # "added", "replaced" or "unchanged"


def content_hash(triples: list[ox.Triple]) -> str:
    """A digest of a graph's triples, in order (their N-Triples, written by
    pyoxigraph: three times faster than formatting them in Python)."""
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@runtime_checkable
class Store(Protocol):
    """A store of facts and sources. Reads see the facts (the default
    graph), with each source's graph at hand for ``GRAPH``; values are
    bound as terms (kg.binding), never pasted into query text."""

    def query(self, sparql: str, bindings: Mapping[str, ox.NamedNode | ox.Literal] | None = None): ...

    def select(self, sparql: str, bindings=None) -> list[dict[str, object]]: ...

    def named_graphs(self, *, include_staging: bool = False) -> list[str]: ...

    def dump(self, output, rdf_format: ox.RdfFormat, graph: str | None = None) -> None: ...

    def quads(self) -> Iterator[ox.Quad]: ...

    def facts(self) -> Iterator[ox.Triple]: ...

    def stored_hash(self, graph: str) -> str | None: ...

    def published(self) -> dict[str, str]: ...

    def has_graph(self, graph: str) -> bool: ...

    def staged_quads(self, graph: str, triples: list[ox.Triple], *, replacing: bool) -> Iterator[ox.Quad]: ...

    def replace_graphs(self, graphs: Mapping[str, list[ox.Triple]],
                       hashes: Mapping[str, str] | None = None) -> list[GraphChange]: ...

    def replace_graphs_from_file(self, path: Path | Sequence[Path], rdf_format: ox.RdfFormat,
                                 counts: Mapping[str, int], hashes: Mapping[str, str],
                                 replaced: set[str] | None = None) -> list[GraphChange]: ...

    def remove_graphs(self, graphs: Iterable[str]) -> list[str]: ...

    def repair(self) -> list[str]: ...

    def compact_after(self, written: int) -> float | None: ...

    def close(self) -> None: ...
