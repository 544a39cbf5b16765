"""Where the ontology files are, and how to read them.

The repository keeps them in ``ontology/`` (party.ttl, schemes.ttl,
shapes.ttl, context.jsonld). pyproject maps that folder to ``kg.ontology``,
so an installed package has them in ``kg/ontology/`` beside this module.
This module *is* the importable ``kg.ontology``: the data folder has no
``__init__.py`` (and must not get one, or the folder would shadow this
module), so it is reached as a folder of the ``kg`` package rather than via
``importlib.resources.files("kg.ontology")``, which only accepts packages.
In a source checkout or an editable install that folder does not exist and
the repository's ``ontology/`` next to ``kg/`` is used.

rdflib is imported only by the functions that return rdflib objects, so that
the loader (which needs only pyoxigraph triples) stays fast to start.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.errors import KGError
from kg.resources import ontology_path

if TYPE_CHECKING:
    import rdflib

ONTOLOGY = "party.ttl"
SCHEMES = "schemes.ttl"
SHAPES = "shapes.ttl"
CONTEXT = "context.jsonld"

# The ontology's own IRI, the base of the schemes' concept IRIs.
ONTOLOGY_IRI = "https://w3id.org/party-kg/def"


def folder() -> Path:
    """The folder that holds the ontology files."""
    return ontology_path()


def path(name: str) -> Path:
    """One ontology file by name ("party.ttl", "shapes.ttl", …)."""
    found = folder().joinpath(name)
    if not found.is_file():
        raise KGError(f"ontology file {name} is missing from {folder()}",
                      hint="reinstall party-kg, or run ontology/build_schemes.py for schemes.ttl")
    return found


def read_bytes(name: str) -> bytes:
    return path(name).read_bytes()


def vocabulary_triples() -> list[ox.Triple]:
    """The ontology and the SKOS schemes as pyoxigraph triples, for the
    store's vocabulary graph (kg.identity.VOCAB_GRAPH)."""
    triples: list[ox.Triple] = []
    for name in (ONTOLOGY, SCHEMES):
        triples += ox.parse(read_bytes(name), format=ox.RdfFormat.TURTLE)
    return triples


def vocabulary_graph() -> rdflib.Graph:
    """The ontology and the schemes as one rdflib graph (a fresh copy)."""
    import rdflib

    graph = rdflib.Graph()
    for name in (ONTOLOGY, SCHEMES):
        graph.parse(data=read_bytes(name), format="turtle")
    return graph


def shapes_graph() -> rdflib.Graph:
    """The SHACL shapes as an rdflib graph (a fresh copy)."""
    import rdflib

    return rdflib.Graph().parse(data=read_bytes(SHAPES), format="turtle")


@cache
def _context() -> str:
    return read_bytes(CONTEXT).decode("utf-8")


def context() -> dict:
    """The JSON-LD context document (``{"@context": {...}}``), a fresh dict."""
    return json.loads(_context())
