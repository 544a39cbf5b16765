"""Names given on the command line, resolved to what the graph holds: a
folded key for a body, unit or official, a code key for a document, with
"did you mean" suggestions when nothing matches; and the readable code of a
document known only by its IRI."""
from __future__ import annotations

import difflib

import pyoxigraph as ox

from kg import identity
from kg.errors import KGError
from kg.text import fold


class UnknownName(KGError):
    """A name given on the command line names nothing in the graph."""

    def __init__(self, what: str, name: str, suggestions: list[str]):
        self.suggestions = suggestions
        hint = ("did you mean: " + "; ".join(suggestions) + "?") if suggestions else None
        super().__init__(f"no {what} called {name!r} in the graph", hint)


_CANDIDATES = {
    # what -> SPARQL giving every (key, label) a name of that kind can match
    "body": "SELECT DISTINCT ?key ?label WHERE { ?x a org:Organization ; skos:hiddenLabel ?key ; rdfs:label ?label }",
    "unit or body": """SELECT DISTINCT ?key ?label WHERE {
        { ?x a org:Organization } UNION { ?x a party:AdministrativeUnit } UNION { ?x a party:Official }
        ?x skos:hiddenLabel ?key ; rdfs:label ?label }""",
    "official": "SELECT DISTINCT ?key ?label WHERE { ?x a party:Official ; skos:hiddenLabel ?key ; rdfs:label ?label }",
}


def _closest(query: str, labels_by_key: dict[str, str], limit: int = 5) -> list[str]:
    """Labels whose folded form contains the query, else the nearest by difflib."""
    contained = sorted({labels_by_key[k] for k in labels_by_key if query in k})
    if contained:
        return contained[:limit]
    # a thing has several keys ("song cau", "phuong song cau"): its label once
    keys = difflib.get_close_matches(query, list(labels_by_key), n=len(labels_by_key), cutoff=0.6)
    return list(dict.fromkeys(labels_by_key[k] for k in keys))[:limit]


def resolve_key(labels_by_key: dict[str, str], what: str, name: str) -> str:
    """The folded key that ``name`` stands for: an exact folded match, else the
    one label that contains it; otherwise UnknownName with suggestions."""
    query = fold(name)
    if query in labels_by_key:
        return query
    containing = {labels_by_key[k]: k for k in labels_by_key if query and query in k}
    if len(containing) == 1:
        return next(iter(containing.values()))
    raise UnknownName(what, name, _closest(query, labels_by_key))


def _labels_by_key(store, what: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for row in store.select(_CANDIDATES[what]):
        out.setdefault(row["key"], row["label"])
    return out


def resolve_name(store, what: str, name: str) -> str:
    """resolve_key over the names ``what`` ("body", "unit or body",
    "official") can match. An exact folded match is looked up by its key:
    reading every unit and body name first took 8 s on the national store."""
    key = fold(name)
    if key and store.select(_CANDIDATES[what], {"key": ox.Literal(key)}):
        return key
    return resolve_key(_labels_by_key(store, what), what, name)


def doc_key_from_iri(iri: str) -> str | None:
    prefix = identity.base() + "doc/"
    return iri[len(prefix):].split("/")[0] if iri.startswith(prefix) else None


def code_from_key(key: str) -> str:
    """A readable code for a document known only by its IRI: the key keeps the
    code's digits and separators, only case and diacritics are lost."""
    return key.replace("_", "/").upper()


def _document_codes(store) -> dict[str, str]:
    """code key -> code, for described documents and for documents that
    activities cite without describing them."""
    out: dict[str, str] = {}
    for row in store.select("SELECT DISTINCT ?code WHERE { ?d a eli:LegalResource ; eli:id_local ?code }"):
        out.setdefault(identity.code_key(row["code"]), row["code"])
    for row in store.select("SELECT DISTINCT ?d WHERE { ?a party:underDocument ?d }"):
        key = doc_key_from_iri(row["d"])
        if key:
            out.setdefault(key, code_from_key(key))
    return out


def resolve_document(store, code: str) -> str:
    key = identity.code_key(code)
    # a described document is looked up by its key (every code's key is one
    # of its document's hidden labels) before reading every code (1 s)
    described = store.select("SELECT DISTINCT ?code WHERE { ?d skos:hiddenLabel ?key ; "
                             "a eli:LegalResource ; eli:id_local ?code }", {"key": ox.Literal(key)})
    if any(identity.code_key(row["code"]) == key for row in described):
        return key
    codes = _document_codes(store)
    if key in codes:
        return key
    close = difflib.get_close_matches(key, list(codes), n=len(codes), cutoff=0.5)
    suggestions = list(dict.fromkeys(codes[k] for k in close))[:5]
    raise UnknownName("document", code, suggestions)
