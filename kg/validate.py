"""SHACL validation of Party KG graphs against ontology/shapes.ttl.

Each source graph is validated on its own, with the ontology and the SKOS
schemes added to it:

* per source, because pySHACL does not finish when handed a pyoxigraph store
  (it walks the graph triple by triple through rdflib's store API), while an
  rdflib graph of one source validates in seconds; one named graph per source
  is also the unit a load replaces, so a report points at what to fix;
* with the vocabulary added, so that class targets reach subclasses through
  rdfs:subClassOf and a post's role or a document's type can be checked
  against its scheme. (pySHACL's own ``ont_graph`` mixing copies only class
  and property axioms, not the schemes' concepts, so the vocabulary is added
  here instead.)

Inference is ``"none"``: the shapes check what a graph *states*. kg/rdf.py
writes every class explicitly (an official is both party:Official and
foaf:Person), and SHACL's targets already follow rdfs:subClassOf in the data.
RDFS inference would let rdfs:domain/range assert types the source never
stated, so a stray ``party:inspector`` would make anything an activity, and
it multiplies the time pySHACL takes.

rdflib and pyshacl are heavy to import; this module is imported only by
``kg validate`` and the tests, never on the lookup path.
"""
from __future__ import annotations

import io
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyoxigraph as ox
import pyshacl
import rdflib
from rdflib.namespace import RDFS, SH

from kg import identity, ontology
from kg.errors import KGError, SourceError
from kg.vocab import PREFIXES

FOAF_NAME = rdflib.URIRef(PREFIXES["foaf"] + "name")
SKOS_PREFLABEL = rdflib.URIRef(PREFIXES["skos"] + "prefLabel")
ORG_MEMBER = rdflib.URIRef(PREFIXES["org"] + "member")
OPENGOV_POST = rdflib.URIRef(PREFIXES["opengov"] + "post")
XSD_STRING = PREFIXES["xsd"] + "string"

# File extension -> pyoxigraph format; quad formats may name their graphs.
FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
}

SEVERITIES = ("Violation", "Warning", "Info")


@dataclass(frozen=True)
class Result:
    """One validation result, ready to print."""
    graph: str                 # the named graph (a source's IRI), or "" for a file's default graph
    severity: str              # "Violation", "Warning" or "Info"
    focus_label: str           # the focus node's @vi label, else its IRI
    path: str                  # the property as a prefixed name ("eli:id_local"), "" for node-level results
    message: str
    focus: str                 # the focus node's IRI (or blank node id)
    value: str = ""            # the offending value, when there is one


@dataclass
class Report:
    results: list[Result] = field(default_factory=list)
    graphs: int = 0
    triples: int = 0           # data triples checked, without the vocabulary
    seconds: float = 0.0       # wall time, reading the graphs included

    @property
    def violations(self) -> list[Result]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[Result]:
        return [r for r in self.results if r.severity != "Violation"]

    @property
    def conforms(self) -> bool:
        """True when there is no sh:Violation (warnings do not fail a graph)."""
        return not self.violations

    def extend(self, other: Report) -> None:
        self.results += other.results
        self.graphs += other.graphs
        self.triples += other.triples
        self.seconds += other.seconds

    def to_dict(self) -> dict:
        return {"conforms": self.conforms, "graphs": self.graphs, "triples": self.triples,
                "seconds": round(self.seconds, 3),
                "violations": len(self.violations), "warnings": len(self.warnings),
                "results": [asdict(r) for r in self.results]}

    def summary(self) -> str:
        counts = f"{self.graphs} graph{'s' * (self.graphs != 1)}, {self.triples:,} triples, {self.seconds:.2f} s"
        warned = f", {len(self.warnings)} warning{'s' * (len(self.warnings) != 1)}" if self.warnings else ""
        if self.conforms:
            return f"conforms ({counts}{warned})"
        n = len(self.violations)
        return f"{n} violation{'s' * (n != 1)}{warned} ({counts})"


# --- terms --------------------------------------------------------------------

def qname(iri: str) -> str:
    """``http://data.europa.eu/eli/ontology#id_local`` -> ``eli:id_local``."""
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return f"<{iri}>"
    prefix = next(p for p, ns in PREFIXES.items() if ns == best)
    return f"{prefix}:{iri[len(best):]}"


class _Converter:
    """pyoxigraph terms to rdflib terms, each distinct term built once."""

    def __init__(self) -> None:
        self._cache: dict[object, rdflib.term.Node] = {}

    def __call__(self, term) -> rdflib.term.Node:
        node = self._cache.get(term)
        if node is None:
            node = self._cache[term] = self._convert(term)
        return node

    @staticmethod
    def _convert(term) -> rdflib.term.Node:
        if isinstance(term, ox.NamedNode):
            return rdflib.URIRef(term.value)
        if isinstance(term, ox.BlankNode):
            return rdflib.BNode(term.value)
        if isinstance(term, ox.Literal):
            if term.language:
                return rdflib.Literal(term.value, lang=term.language)
            # rdflib keeps "x" and "x"^^xsd:string apart; RDF 1.1 does not:
            # plain is what rdflib's own parsers make
            datatype = term.datatype.value
            return rdflib.Literal(term.value, datatype=None if datatype == XSD_STRING else rdflib.URIRef(datatype))
        raise KGError(f"cannot validate RDF-star triple terms: {term}")


def _graphs_from_quads(quads: Iterable[ox.Quad]) -> dict[str, rdflib.Graph]:
    """Group quads into one rdflib graph per graph name ("" = default graph)."""
    convert = _Converter()
    graphs: dict[str, rdflib.Graph] = {}
    for q in quads:
        name = "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        graph = graphs.get(name)
        if graph is None:
            graph = graphs[name] = rdflib.Graph()
        graph.add((convert(q.subject), convert(q.predicate), convert(q.object)))
    return graphs


# --- validation -------------------------------------------------------------------

def validate(data: rdflib.Graph | str | Path, *, graph_name: str = "") -> Report:
    """Validate one graph, or every graph of an RDF file, against the shapes.

    ``data`` is an rdflib graph (left unchanged) or the path of a Turtle,
    N-Triples, N-Quads, TriG or JSON-LD file; a file's named graphs are
    validated one by one, like the store's.
    """
    started = time.perf_counter()
    shapes, vocabulary = ontology.shapes_graph(), ontology.vocabulary_graph()
    if isinstance(data, rdflib.Graph):
        work = rdflib.Graph()
        for triple in data:
            work.add(triple)
        graphs = {graph_name: work}
    else:
        graphs = read_file(Path(data))
    report = Report()
    for name, graph in sorted(graphs.items()):
        report.extend(_validate_graph(graph, len(graph), name, shapes, vocabulary))
    report.seconds = time.perf_counter() - started
    return report


def validate_store(store) -> Report:
    """Validate every named graph of the store, one graph at a time.

    The vocabulary graph (kg.identity.VOCAB_GRAPH) is not validated as data:
    the ontology files are added to each graph instead.
    """
    started = time.perf_counter()
    report = Report()
    shapes, vocabulary = ontology.shapes_graph(), ontology.vocabulary_graph()
    for name in store.named_graphs():
        if name == identity.VOCAB_GRAPH:
            continue
        quads = ox.parse(store_graph_bytes(store, name), format=ox.RdfFormat.N_TRIPLES)
        graph = _graphs_from_quads(quads).get("", rdflib.Graph())
        report.extend(_validate_graph(graph, len(graph), name, shapes, vocabulary))
    report.seconds = time.perf_counter() - started
    return report


def store_graph_bytes(store, name: str) -> bytes:
    """One named graph of the store as N-Triples (the store's public dump)."""
    buffer = io.BytesIO()
    store.dump(buffer, ox.RdfFormat.N_TRIPLES, graph=name)
    return buffer.getvalue()


def read_file(path: Path) -> dict[str, rdflib.Graph]:
    """An RDF file as rdflib graphs by graph name, parsed by pyoxigraph (fast,
    and its syntax errors carry line numbers)."""
    rdf_format = FORMATS.get(path.suffix.lower())
    if rdf_format is None:
        raise SourceError(path, f"unknown RDF file type {path.suffix or '(none)'}",
                          hint="use .ttl, .nt, .nq, .trig or .jsonld")
    if not path.is_file():
        raise SourceError(path, "no such file")
    try:
        quads = list(ox.parse(path=str(path), format=rdf_format))
    except SyntaxError as exc:
        raise SourceError(path, f"not valid {rdf_format.name}: {exc}") from None
    return _graphs_from_quads(quads) or {"": rdflib.Graph()}


def _validate_graph(work: rdflib.Graph, data_triples: int, name: str,
                    shapes: rdflib.Graph, vocabulary: rdflib.Graph) -> Report:
    """Validate ``work`` (which this function may change) against the shapes."""
    started = time.perf_counter()
    for triple in vocabulary:
        work.add(triple)
    _conforms, results_graph, _text = pyshacl.validate(
        work, shacl_graph=shapes, inference="none", inplace=True,
        allow_warnings=True, advanced=False, meta_shacl=False)
    results = [_result(results_graph, node, work, name)
               for node in results_graph.objects(None, SH.result)]
    return Report(sorted(set(results), key=_order), 1, data_triples,
                  time.perf_counter() - started)


def _order(r: Result) -> tuple:
    return (r.graph, SEVERITIES.index(r.severity) if r.severity in SEVERITIES else 9,
            r.focus_label, r.path, r.message, r.value)


def _result(report: rdflib.Graph, node, data: rdflib.Graph, graph: str) -> Result:
    focus = report.value(node, SH.focusNode)
    path = report.value(node, SH.resultPath)
    severity = report.value(node, SH.resultSeverity)
    messages = sorted(str(m) for m in report.objects(node, SH.resultMessage))
    value = report.value(node, SH.value)
    return Result(
        graph=graph,
        severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
        focus_label=_label(data, focus),
        path=qname(str(path)) if isinstance(path, rdflib.URIRef) else (path.n3() if path else ""),
        message="; ".join(messages) or "does not conform",
        focus=str(focus),
        value=_value_text(value),
    )


def _label(graph: rdflib.Graph, node) -> str:
    """The node's Vietnamese label or name, else any label, else its IRI.

    A membership has no label of its own, so it is named by its holder and
    post ("Trần Thị Lộc: Trưởng Ban …"), the way a reader thinks of it.
    """
    labels = [l for prop in (RDFS.label, FOAF_NAME, SKOS_PREFLABEL) for l in graph.objects(node, prop)]
    vi = sorted(str(l) for l in labels if getattr(l, "language", None) == "vi")
    if vi or labels:
        return (vi or sorted(str(l) for l in labels))[0]
    holders = sorted(_label(graph, m) for m in graph.objects(node, ORG_MEMBER))
    posts = sorted(_label(graph, p) for p in graph.objects(node, OPENGOV_POST))
    if holders or posts:
        return f"membership {' & '.join(holders) or '?'}: {' & '.join(posts) or '?'}"
    return str(node)


def _value_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, rdflib.Literal):
        if value.language:
            return f'"{value}"@{value.language}'
        if value.datatype:
            return f'"{value}"^^{qname(str(value.datatype))}'
        return f'"{value}"'
    if isinstance(value, rdflib.URIRef):
        return qname(str(value)) if any(str(value).startswith(ns) for ns in PREFIXES.values()) else str(value)
    return value.n3()
