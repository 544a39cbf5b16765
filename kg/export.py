"""The dataset out of the store, in the standard RDF formats.

Quad formats (N-Quads, TriG) keep everything: the facts in the default graph
and each source's statements in its named graph (kg.facts). Triple formats
(Turtle, N-Triples, JSON-LD) give the facts, each triple once."""
from __future__ import annotations

from typing import BinaryIO

import pyoxigraph as ox

QUAD_FORMATS = {"nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}
TRIPLE_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}


def export(store, fmt: str, output: BinaryIO) -> None:
    if fmt in QUAD_FORMATS:
        ox.serialize(store.quads(), output, format=QUAD_FORMATS[fmt])
    elif fmt in TRIPLE_FORMATS:
        ox.serialize(store.facts(), output, format=TRIPLE_FORMATS[fmt],
                     **({"prefixes": _prefixes()} if fmt == "ttl" else {}))
    elif fmt == "jsonld":
        export_jsonld(store, output)
    else:
        raise ValueError(f"unknown export format {fmt!r}")


def _prefixes() -> dict[str, str]:
    from kg.vocab import PREFIXES
    return dict(PREFIXES)


def export_jsonld(store, output: BinaryIO) -> None:
    """The facts as JSON-LD, compacted with the project's context
    (ontology/context.jsonld)."""
    import json

    import rdflib

    from kg.ontology import context
    graph = rdflib.Graph()
    graph.parse(data=ox.serialize(store.facts(), format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    # the context file is a whole document ({"@context": {...}}): rdflib wants what is inside
    text = graph.serialize(format="json-ld", context=context()["@context"], auto_compact=True)
    output.write(json.dumps(json.loads(text), ensure_ascii=False, indent=1).encode("utf-8"))
