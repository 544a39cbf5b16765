"""The store as a networkx graph, and the graph questions staff ask of it.

One module per concern:

- ``rules``: node and edge kinds, the things read from the store, and the
  rules that make each edge, written once for both projections;
- ``names``: names given on the command line resolved to keys, with
  "did you mean" suggestions;
- ``filters``: ``Filters`` (what part of the graph to project) and dates;
- ``reading``: the SPARQL passes that read things and the catalogue;
- ``projection``: ``project`` (the part the filters select) and
  ``project_best_connected`` (the capped unfiltered view);
- ``analysis``: ``ego``, ``find_nodes``, ``oversight_chain``, ``rank``;
- ``export``: GraphML or GEXF for Gephi.

The names the CLI and the view use are importable from ``kg.graph`` itself.
Importing it imports networkx: the CLI imports it inside its commands.
"""
from kg.graph.analysis import ChainLink, Ranking, ego, find_nodes, oversight_chain, rank
from kg.graph.export import export_graph, for_export
from kg.graph.filters import Filters, NothingMatches, date_bound
from kg.graph.names import UnknownName, resolve_document, resolve_key
from kg.graph.projection import project, project_best_connected
from kg.graph.rules import (
    DOCUMENT, E_CONTAINS, E_DOC_LINK, E_HOLDS, E_INSPECTS, E_ISSUED, E_JURISDICTION, E_LED, E_SUB_ORG,
    OFFICIAL, ORGANISATION, PLACE,
)

__all__ = [
    "DOCUMENT", "E_CONTAINS", "E_DOC_LINK", "E_HOLDS", "E_INSPECTS", "E_ISSUED", "E_JURISDICTION", "E_LED",
    "E_SUB_ORG", "OFFICIAL", "ORGANISATION", "PLACE", "ChainLink", "Filters", "NothingMatches", "Ranking",
    "UnknownName", "date_bound", "ego", "export_graph", "find_nodes", "for_export", "oversight_chain",
    "project", "project_best_connected", "rank", "resolve_document", "resolve_key",
]
