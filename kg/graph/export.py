"""The projection as GraphML or GEXF, for Gephi."""
from __future__ import annotations

import io
import os
from typing import BinaryIO

import networkx as nx

from kg.errors import KGError
from kg.graph.filters import Filters
from kg.graph.projection import project
from kg.safe_output import xml_text


def _flat(value) -> str | int | float | bool:
    """GraphML and GEXF take scalars only, and XML only the characters XML
    1.0 allows (kg.safe_output.xml_text): a name may hold an ESC or a BEL."""
    if isinstance(value, (list, tuple)):
        value = " | ".join(_flat(v) if not isinstance(v, tuple) else " ".join(map(str, v)) for v in value)
    return xml_text(value) if isinstance(value, str) else value


def for_export(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    out = nx.MultiDiGraph()
    for n, data in graph.nodes(data=True):
        out.add_node(_flat(n), **{k: _flat(v) for k, v in data.items() if v is not None})
    for a, b, key, data in graph.edges(keys=True, data=True):
        attrs = {k: _flat(v) for k, v in data.items() if v is not None}
        attrs.setdefault("label", _flat(data.get("code") or data.get("role") or data.get("relation") or data["kind"]))
        out.add_edge(_flat(a), _flat(b), key=_flat(key), **attrs)
    return out


def export_graph(store, fmt: str, output: str | os.PathLike | BinaryIO,
                 filters: Filters = Filters()) -> nx.MultiDiGraph:
    """Write the projection as GraphML or GEXF (for Gephi) to a path or a
    binary stream; returns the exported graph. The file is written whole
    or not at all: it is built in memory first, so a writer's failure
    leaves no half file behind and is a KGError, not a traceback."""
    writers = {"graphml": nx.write_graphml, "gexf": nx.write_gexf}
    if fmt not in writers:
        raise KGError(f"unknown graph format {fmt!r}", hint="use graphml or gexf")
    graph = for_export(project(store, filters))
    buffer = io.BytesIO()
    try:
        writers[fmt](graph, buffer)
    except (ValueError, TypeError, nx.NetworkXError) as exc:
        raise KGError(f"cannot write the graph as {fmt}: {exc}") from None
    if isinstance(output, (str, os.PathLike)):
        try:
            with open(output, "wb") as fh:
                fh.write(buffer.getvalue())
        except OSError as exc:
            raise KGError(f"cannot write {output}: {exc.strerror}") from None
    else:
        output.write(buffer.getvalue())
    return graph
