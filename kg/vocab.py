"""The namespaces of the core vocabulary (../shared/spec/ontology-core.md) and
the IRIs the project uses from them, as pyoxigraph terms."""
from __future__ import annotations

from pyoxigraph import NamedNode

PREFIXES = {
    "party": "https://w3id.org/party-kg/def#",
    "org": "http://www.w3.org/ns/org#",
    "opengov": "http://www.w3.org/ns/opengov#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "http://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "sh": "http://www.w3.org/ns/shacl#",
}

SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


class _Namespace:
    def __init__(self, iri: str):
        self._iri = iri

    def __getattr__(self, name: str) -> NamedNode:
        return NamedNode(self._iri + name)

    def __getitem__(self, name: str) -> NamedNode:
        return NamedNode(self._iri + name)


PARTY = _Namespace(PREFIXES["party"])
ORG = _Namespace(PREFIXES["org"])
OPENGOV = _Namespace(PREFIXES["opengov"])
PROV = _Namespace(PREFIXES["prov"])
SCHEMA = _Namespace(PREFIXES["schema"])
SKOS = _Namespace(PREFIXES["skos"])
FOAF = _Namespace(PREFIXES["foaf"])
DCTERMS = _Namespace(PREFIXES["dcterms"])
ELI = _Namespace(PREFIXES["eli"])
RDFS = _Namespace(PREFIXES["rdfs"])
RDF = _Namespace(PREFIXES["rdf"])
XSD = _Namespace(PREFIXES["xsd"])
OWL = _Namespace(PREFIXES["owl"])
