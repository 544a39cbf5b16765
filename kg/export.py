"""The whole dataset out of the store, in the standard RDF formats.

Quad formats (N-Quads, TriG) keep the named graphs; triple formats (Turtle,
N-Triples, JSON-LD) give the union of all graphs."""
from __future__ import annotations

from typing import BinaryIO

import pyoxigraph as ox

QUAD_FORMATS = {"nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}
TRIPLE_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}


def export(store, fmt: str, output: BinaryIO) -> None:
    if fmt in QUAD_FORMATS:
        ox.serialize(store.quads(), output, format=QUAD_FORMATS[fmt])
    elif fmt in TRIPLE_FORMATS:
        ox.serialize(_union(store), output, format=TRIPLE_FORMATS[fmt],
                     **({"prefixes": _prefixes()} if fmt == "ttl" else {}))
    elif fmt == "jsonld":
        export_jsonld(store, output)
    else:
        raise ValueError(f"unknown export format {fmt!r}")


def _union(store):
    seen = set()
    for q in store.quads():
        t = ox.Triple(q.subject, q.predicate, q.object)
        if t not in seen:
            seen.add(t)
            yield t


def _prefixes() -> dict[str, str]:
    from kg.vocab import PREFIXES
    return dict(PREFIXES)


def export_jsonld(store, output: BinaryIO) -> None:
    """JSON-LD with the project's context (ontology/context.jsonld), one
    object per named graph."""
    import json

    import rdflib

    from kg.ontology import context
    dataset = rdflib.Dataset()
    data = ox.serialize(store.quads(), format=ox.RdfFormat.N_QUADS)
    dataset.parse(data=data.decode("utf-8"), format="nquads")
    text = dataset.serialize(format="json-ld", context=context(), auto_compact=True)
    output.write(json.dumps(json.loads(text), ensure_ascii=False, indent=1).encode("utf-8"))
