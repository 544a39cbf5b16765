"""The store as a networkx graph, and the graph questions staff ask of it.

``project(store, filters)`` reads the store in one SPARQL pass per kind of
thing (activities, bodies, places, officials, posts, documents, document
links); a focused view (filters on the activities) reads only the things it
reaches, by their IRIs. The user's filters are applied inside the activity
query as bound values, never pasted into the query text. The result is a
``MultiDiGraph`` whose nodes are keyed by IRI and carry ``kind``
(organisation, place, official, document), ``sub`` (the body's kind or the
unit's level) and ``label``; every edge carries ``kind`` (see the ``E_*``
names below).

Oversight activities are not nodes: each activity becomes one ``inspects``
edge from the inspecting body to each target, and one ``led`` edge from its
leader to each target, both carrying the activity's document, date and
evidence. That is what the view draws and what the questions count.

The questions: ``oversight_chain`` (who inspects those who inspect a unit),
``rank`` (most inspected units, most active inspecting bodies) and
``export_graph`` (GraphML or GEXF for Gephi).
"""
from __future__ import annotations

import datetime as dt
import difflib
import io
import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import BinaryIO

import networkx as nx
import pyoxigraph as ox

from kg import identity
from kg.errors import KGError
from kg.model import YearMonth, parse_partial_date
from kg.safe_output import xml_text
from kg.schema import schema
from kg.text import fold
from kg.vocab import PREFIXES, XSD

# Node kinds.
ORGANISATION, PLACE, OFFICIAL, DOCUMENT = "organisation", "place", "official", "document"

# Edge kinds.
E_INSPECTS = "inspects"          # inspecting body -> target, one per activity and target
E_LED = "led"                    # leader -> target, one per activity and target
E_HOLDS = "holds"                # official -> body, the post as label
E_ISSUED = "issued"              # issuing body -> document
E_DOC_LINK = "document_link"     # document -> document (continues, implements, ...)
E_SUB_ORG = "sub_organisation"   # parent body -> body it contains
E_CONTAINS = "contains"          # parent unit -> unit inside it
E_JURISDICTION = "jurisdiction"  # body -> the unit it governs or serves
ACTIVITY_EDGES = (E_INSPECTS, E_LED)

# The schema's kinds (kg/schema.yaml) by their ontology terms. Every body is
# an org:Organization; its kind is its more specific class, if it has one.
ACTIVITY_CLASSES = {e.value: ox.NamedNode(e.iri) for e in schema().activity_kinds}
_CLASS_TO_KIND = {e.iri: e.value for e in schema().activity_kinds}
_ORG_CLASS_TO_SUB = {e.iri: e.value for e in schema().body_kinds if e.iri != PREFIXES["org"] + "Organization"}
_LEVEL_TO_SUB = {e.iri: e.value for e in schema().unit_levels}
_DOC_RELATIONS = {e.iri: e.value for e in schema().document_relations}
# a link a relation also states (party:replaces is an eli:repeals) is drawn once
_IMPLIED = {e.iri: set(e.also) for e in schema().document_relations}


class UnknownName(KGError):
    """A name given on the command line names nothing in the graph."""

    def __init__(self, what: str, name: str, suggestions: list[str]):
        self.suggestions = suggestions
        hint = ("did you mean: " + "; ".join(suggestions) + "?") if suggestions else None
        super().__init__(f"no {what} called {name!r} in the graph", hint)


class NothingMatches(KGError):
    """The filters are valid but select nothing."""


# --- filters -------------------------------------------------------------------

def date_bound(text: str, *, end: bool = False) -> dt.date:
    """``2022`` -> 2022-01-01 (or 2022-12-31 for an end bound); ``2022-11`` ->
    the month's first (or last) day; ``2022-11-25`` as is."""
    try:
        value = parse_partial_date(text)
    except ValueError as exc:
        raise KGError(str(exc)) from None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, YearMonth):
        if not end:
            return dt.date(value.year, value.month, 1)
        following = dt.date(value.year + value.month // 12, value.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(value, 12, 31) if end else dt.date(value, 1, 1)


@dataclass(frozen=True)
class Filters:
    """What part of the graph to project. Names are matched on their folded
    form, so ``tran thi loc`` finds ``Trần Thị Lộc``."""
    directive: str | None = None     # a document code: activities carried out under it
    inspector: str | None = None     # a body: activities it carried out
    target: str | None = None        # a unit or body: activities that visited it
    person: str | None = None        # an official: activities led, and posts held
    around: str | None = None        # any node: only what lies within ``depth`` steps of it
    depth: int = 1
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    kind: str | None = None          # an ActivityKind value

    def restricts_activities(self) -> bool:
        """Filters under which an empty set of activities means "nothing matches"."""
        return any(v is not None for v in (self.inspector, self.target, self.date_from,
                                           self.date_to, self.kind))

    def is_focused(self) -> bool:
        return self.restricts_activities() or self.directive is not None or self.person is not None

    def describe(self) -> str:
        parts = [f"--{name} {value}" for name, value in (
            ("directive", self.directive), ("inspector", self.inspector),
            ("target", self.target), ("person", self.person), ("kind", self.kind),
            ("from", self.date_from), ("to", self.date_to)) if value is not None]
        if self.around is not None:
            parts.append(f"--around {self.around} --depth {self.depth}")
        return " ".join(parts) or "(no filters)"


# --- name resolution -----------------------------------------------------------

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


def _resolve_name(store, what: str, name: str) -> str:
    """resolve_key over the names ``what`` can match. An exact folded match
    is looked up by its key: reading every unit and body name first took 8 s
    on the national store."""
    key = fold(name)
    if key and store.select(_CANDIDATES[what], {"key": ox.Literal(key)}):
        return key
    return resolve_key(_labels_by_key(store, what), what, name)


def _document_codes(store) -> dict[str, str]:
    """code key -> code, for described documents and for documents that
    activities cite without describing them."""
    out: dict[str, str] = {}
    for row in store.select("SELECT DISTINCT ?code WHERE { ?d a eli:LegalResource ; eli:id_local ?code }"):
        out.setdefault(identity.code_key(row["code"]), row["code"])
    for row in store.select("SELECT DISTINCT ?d WHERE { ?a party:underDocument ?d }"):
        key = _doc_key_from_iri(row["d"])
        if key:
            out.setdefault(key, _code_from_key(key))
    return out


def _doc_key_from_iri(iri: str) -> str | None:
    prefix = identity.base() + "doc/"
    return iri[len(prefix):].split("/")[0] if iri.startswith(prefix) else None


def _code_from_key(key: str) -> str:
    """A readable code for a document known only by its IRI: the key keeps the
    code's digits and separators, only case and diacritics are lost."""
    return key.replace("_", "/").upper()


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


# --- the projection ------------------------------------------------------------

def _iri(curie: str) -> str:
    prefix, local = curie.split(":", 1)
    return PREFIXES[prefix] + local


# IRIs per query when a table is read for given subjects: a VALUES block of
# a few hundred IRIs keeps each query text small, and the engine starts from
# them (an index lookup by subject, ~30 µs each on the national store)
_SUBJECTS_PER_QUERY = 500


def _table(store, cls: str, props: dict[str, str], where: str = "",
           bindings: dict[str, ox.Literal | ox.NamedNode] | None = None,
           subjects: Iterable[str] | None = None) -> dict[str, dict[str, list[str]]]:
    """One pass over one kind of thing: IRI -> property name -> sorted values.

    Each property comes as its own row rather than as a column of one wide
    row: a node described by several sources holds each triple once per named
    graph, and a wide row of OPTIONALs would multiply those copies together.
    (FILTER IN rather than VALUES: pyoxigraph 0.5 plans ``?x ?p ?o`` with
    VALUES as a scan of the whole store, 20 times slower here.)
    ``where`` adds patterns on ``?x`` whose variables are bound by ``bindings``.
    ``subjects``, when given, limits the pass to those IRIs (which come from
    the store, and go into the query as pyoxigraph writes them).
    """
    names = {_iri(curie): name for name, curie in props.items()}
    bound = " ".join(f"?{name}" for name in bindings or {})   # pyoxigraph binds projected variables only

    def solutions(start: str = ""):
        return store.query(f"""
            SELECT DISTINCT ?x ?p ?o {bound} WHERE {{ {start}
              ?x a {cls} . {where}
              ?x ?p ?o . FILTER(?p IN ({', '.join(props.values())})) }}""", bindings)

    if subjects is None:
        rows = solutions()
    else:
        rows = (row for batch in _batches(subjects) for row in solutions(_values("x", batch)))
    # the solutions are read by position, as they come: building a dict per
    # row (store.select) took a third of the projection's time
    table: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        table[row[0].value][names[row[1].value]].append(row[2].value)
    for values in table.values():
        for name in values:
            values[name].sort()
    return table


def _batches(iris: Iterable[str]) -> list[list[str]]:
    """The distinct IRIs, sorted, a query's worth at a time."""
    ordered = sorted(set(iris))
    return [ordered[i:i + _SUBJECTS_PER_QUERY] for i in range(0, len(ordered), _SUBJECTS_PER_QUERY)]


def _values(var: str, iris: list[str]) -> str:
    """A VALUES block binding ``?var`` to each IRI, written by pyoxigraph's serialiser."""
    return f"VALUES ?{var} {{ {' '.join(str(ox.NamedNode(iri)) for iri in iris)} }}"


def _first(values: dict[str, list[str]], name: str) -> str | None:
    found = values.get(name)
    return found[0] if found else None


def _directive_documents(store, key: str) -> list[str]:
    """The documents a code key names: described ones by their key, and
    cited-only ones by their IRI (document IRIs are base/doc/<key>, with
    /<scope> for scoped codes)."""
    described = {row["d"] for row in store.select("SELECT DISTINCT ?d WHERE { ?d skos:hiddenLabel ?key }",
                                                  {"key": ox.Literal(key)})}
    iri = identity.base() + "doc/" + key
    cited = {row[0].value for row in store.query("SELECT DISTINCT ?d WHERE { ?a party:underDocument ?d }")}
    return sorted(described | {d for d in cited if d == iri or d.startswith(iri + "/")})


def _activity_filter(store, filters: Filters) -> tuple[str, dict[str, ox.Literal | ox.NamedNode]]:
    """The user's filters as patterns on the activity ``?x``, each value bound."""
    patterns: list[str] = []
    bindings: dict[str, ox.Literal | ox.NamedNode] = {}
    if filters.kind is not None:
        patterns.append("?x a ?kindClass .")
        bindings["kindClass"] = ACTIVITY_CLASSES[filters.kind]
    if filters.directive is not None:
        # the documents first (0.2 s), then their activities: a FILTER testing
        # every activity's document took 19 s on the national store
        patterns.append(f"{_values('fdoc', _directive_documents(store, filters.directive))} "
                        "?x party:underDocument ?fdoc .")
    if filters.inspector is not None:
        patterns.append("?x party:inspector ?finspector . ?finspector skos:hiddenLabel ?inspectorKey .")
        bindings["inspectorKey"] = ox.Literal(filters.inspector)
    if filters.target is not None:
        patterns.append("?x party:target ?ftarget . ?ftarget skos:hiddenLabel ?targetKey .")
        bindings["targetKey"] = ox.Literal(filters.target)
    if filters.person is not None:
        patterns.append("?x party:leader ?fleader . ?fleader skos:hiddenLabel ?personKey .")
        bindings["personKey"] = ox.Literal(filters.person)
    if filters.date_from is not None or filters.date_to is not None:
        patterns.append("?x schema:startDate ?fdate .")
        if filters.date_from is not None:
            patterns.append("FILTER(?fdate >= ?from)")
            bindings["from"] = ox.Literal(filters.date_from.isoformat(), datatype=XSD.date)
        if filters.date_to is not None:
            patterns.append("FILTER(?fdate <= ?to)")
            bindings["to"] = ox.Literal(filters.date_to.isoformat(), datatype=XSD.date)
    return " ".join(patterns), bindings


@dataclass
class _Activity:
    iri: str
    kind: str
    inspector: str
    date: str | None = None
    document: str | None = None
    leader: str | None = None
    topic: str | None = None
    targets: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    sources: list[tuple[str, str]] = field(default_factory=list)   # (url, title)


def _sources(store) -> dict[str, tuple[str, str] | None]:
    """Source IRI -> (url, title), for sources with a URL."""
    out: dict[str, tuple[str, str] | None] = {}
    for iri, values in _table(store, "party:Source", {"url": "schema:url", "title": "dcterms:title"}).items():
        url = _first(values, "url")
        out[iri] = (url, _first(values, "title") or url) if url else None
    return out


def _sourced(values: dict[str, list[str]], sources: dict[str, tuple[str, str] | None]) -> list[tuple[str, str]]:
    return [sources[s] for s in values.get("source", []) if sources.get(s)]


def _read_activities(store, filters: Filters, sources,
                     subjects: Iterable[str] | None = None) -> list[_Activity]:
    where, bindings = _activity_filter(store, filters)
    table = _table(store, "party:OversightActivity", {
        "type": "rdf:type", "inspector": "party:inspector", "target": "party:target",
        "date": "schema:startDate", "document": "party:underDocument", "leader": "party:leader",
        "topic": "party:topic", "evidence": "party:evidence", "source": "prov:wasDerivedFrom",
    }, where, bindings, subjects)
    activities = []
    for iri, v in sorted(table.items()):
        kind = next((_CLASS_TO_KIND[t] for t in v["type"] if t in _CLASS_TO_KIND), None)
        if kind is None or not v.get("inspector"):
            continue   # not one of the three kinds, or nobody to draw it from
        activities.append(_Activity(
            iri=iri, kind=kind, inspector=v["inspector"][0], date=_first(v, "date"),
            document=_first(v, "document"), leader=_first(v, "leader"), topic=_first(v, "topic"),
            targets=v.get("target", []), evidence=v.get("evidence", []), sources=_sourced(v, sources)))
    return activities


@dataclass
class _Catalogue:
    """Everything but the activities, read once per projection: all of it for
    an unfocused view, what the view reaches for a focused one."""
    orgs: dict[str, dict] = field(default_factory=dict)
    org_subs: dict[str, str] = field(default_factory=dict)
    places: dict[str, dict] = field(default_factory=dict)
    officials: dict[str, dict] = field(default_factory=dict)
    documents: dict[str, dict] = field(default_factory=dict)
    memberships: list[dict] = field(default_factory=list)
    doc_links: list[tuple[str, str, str]] = field(default_factory=list)


# Each reader below reads one kind of thing, every one of them or only the
# ``subjects`` given.

def _orgs(store, subjects: Iterable[str] | None = None) -> tuple[dict[str, dict], dict[str, str]]:
    """Bodies, and the kind of body (``sub``) of those that say."""
    table = _table(store, "org:Organization", {
        "type": "rdf:type", "label": "rdfs:label", "parent": "org:subOrganizationOf",
        "jurisdiction": "party:jurisdiction"}, subjects=subjects)
    subs = {}
    for iri, v in table.items():
        found = [_ORG_CLASS_TO_SUB[t] for t in v["type"] if t in _ORG_CLASS_TO_SUB]
        if found:
            subs[iri] = found[0]
    orgs = {iri: {"label": _first(v, "label") or iri.rsplit("/", 1)[-1], "parent": _first(v, "parent"),
                  "jurisdiction": _first(v, "jurisdiction")} for iri, v in table.items()}
    return orgs, subs


def _places(store, subjects: Iterable[str] | None = None) -> dict[str, dict]:
    table = _table(store, "party:AdministrativeUnit", {
        "type": "rdf:type", "label": "rdfs:label", "unit_type": "party:unitType",
        "parent": "schema:containedInPlace", "code": "skos:notation", "era": "party:era",
        "valid_from": "schema:validFrom", "valid_through": "schema:validThrough"}, subjects=subjects)

    def level(types: list[str]) -> str:
        return next((_LEVEL_TO_SUB[t] for t in types if t in _LEVEL_TO_SUB), "unit")

    return {iri: {"label": _first(v, "label") or iri.rsplit("/", 1)[-1], "level": level(v["type"]),
                  **{k: _first(v, k) for k in ("unit_type", "parent", "code", "era", "valid_from",
                                               "valid_through")}} for iri, v in table.items()}


def _officials(store, subjects: Iterable[str] | None = None) -> dict[str, dict]:
    table = _table(store, "party:Official", {"label": "rdfs:label", "honorific": "schema:honorificPrefix"},
                   subjects=subjects)
    return {iri: {"label": _first(v, "label") or iri.rsplit("/", 1)[-1],
                  "honorifics": " ".join(v.get("honorific", [])) or None} for iri, v in table.items()}


def _documents(store, sources, subjects: Iterable[str] | None = None) -> dict[str, dict]:
    table = _table(store, "eli:LegalResource", {
        "code": "eli:id_local", "label": "rdfs:label", "issuer": "eli:passed_by",
        "date": "eli:date_document", "subject": "dcterms:subject", "evidence": "party:evidence",
        "source": "prov:wasDerivedFrom"}, subjects=subjects)
    return {iri: {"code": v["code"][0], "label": _first(v, "label"),
                  **{k: _first(v, k) for k in ("issuer", "date", "subject")},
                  "evidence": v.get("evidence", []), "sources": _sourced(v, sources)}
            for iri, v in table.items() if v.get("code")}


def _memberships(store, sources, subjects: Iterable[str] | None = None) -> list[dict]:
    """Posts held, in membership IRI order, each with its post's label."""
    table = _table(store, "org:Membership", {
        "person": "org:member", "post": "opengov:post", "org": "org:organization",
        "valid_from": "schema:validFrom", "valid_through": "schema:validThrough",
        "attested_on": "party:attestedOn", "evidence": "party:evidence", "source": "prov:wasDerivedFrom"},
        subjects=subjects)
    posts = _table(store, "org:Post", {"label": "rdfs:label"}, subjects=None if subjects is None else
                   {v["post"][0] for v in table.values() if v.get("post")})
    return [{"person": v["person"][0], "org": v["org"][0],
             "post": _first(posts.get(v["post"][0], {}), "label") or v["post"][0],
             **{k: _first(v, k) for k in ("valid_from", "valid_through", "attested_on")},
             "evidence": v.get("evidence", []), "sources": _sourced(v, sources)}
            for _, v in sorted(table.items())
            if v.get("person") and v.get("org") and v.get("post")]


def _doc_links(store, documents: Iterable[str] | None = None) -> list[tuple[str, str, str]]:
    """Links between documents: every one, or those from or to ``documents``."""
    relations = [str(ox.NamedNode(iri)) for iri in _DOC_RELATIONS]
    if documents is None:
        rows = store.query(f"SELECT DISTINCT ?a ?rel ?b WHERE {{ ?a ?rel ?b . "
                           f"VALUES ?rel {{ {' '.join(relations)} }} }}")
    else:
        # from each end in turn, each bound (FILTER IN: see _table)
        rows = (row for end in ("a", "b") for batch in _batches(documents) for row in store.query(
            f"SELECT DISTINCT ?a ?rel ?b WHERE {{ {_values(end, batch)} ?a ?rel ?b . "
            f"FILTER(?rel IN ({', '.join(relations)})) }}"))
    links = {(row[0].value, row[1].value, row[2].value) for row in rows}
    implied = {(a, also, b) for a, rel, b in links for also in _IMPLIED[rel]}
    return sorted((a, _DOC_RELATIONS[rel], b) for a, rel, b in links if (a, rel, b) not in implied)


def _read_catalogue(store, sources) -> _Catalogue:
    """The whole catalogue, for an unfocused view (about 50 s on the national store)."""
    orgs, org_subs = _orgs(store)
    return _Catalogue(orgs=orgs, org_subs=org_subs, places=_places(store), officials=_officials(store),
                      documents=_documents(store, sources), memberships=_memberships(store, sources),
                      doc_links=_doc_links(store))


def _subjects_pointing_at(store, predicate: str, objects: Iterable[str]) -> set[str]:
    """Every ``?s`` with ``?s predicate ?o`` for one of ``objects``."""
    return {row[0].value for batch in _batches(objects)
            for row in store.query(f"SELECT DISTINCT ?s WHERE {{ {_values('o', batch)} ?s {predicate} ?o }}")}


def _describe(store, cat: _Catalogue, sources, iris: set[str]) -> None:
    """Read ``iris`` into ``cat`` as whatever they are: bodies, units, officials, documents."""
    orgs, org_subs = _orgs(store, iris)
    cat.orgs.update(orgs)
    cat.org_subs.update(org_subs)
    cat.places.update(_places(store, iris))
    cat.officials.update(_officials(store, iris))
    cat.documents.update(_documents(store, sources, iris))


def _focused_catalogue(store, activities: list[_Activity], filters: Filters, sources) -> _Catalogue:
    """The catalogue of what a focused view reaches, read by IRI.

    A focused view draws a few dozen to a few hundred nodes, but reading the
    whole catalogue class by class takes about 50 s on the national store
    (4.7 M triples; 30 s of it the 248 k memberships), while reading a node
    by its IRI is an index lookup (~30 µs). So this follows what project()
    draws, step by step: the activities' ends and documents (and the
    documents of --directive); the posts of the officials among them (or of
    --person); the issuers and linked documents of the documents; the bodies
    and units above every body and unit. Whatever it reads is read whole, as
    the full catalogue would hold it, and reading a little more than is drawn
    changes nothing, so the graph is the one the full catalogue gives.
    """
    cat = _Catalogue()
    described: set[str] = set()

    def describe(iris: Iterable[str | None]) -> set[str]:
        """Read the IRIs not read yet as whatever they are; return those."""
        new = {iri for iri in iris if iri} - described
        described.update(new)
        _describe(store, cat, sources, new)
        return new

    # what the activities draw, and the documents --directive names
    describe({end for act in activities
              for end in (act.inspector, act.leader, act.document, *act.targets)})
    if filters.directive is not None:
        describe(row["d"] for row in store.select(
            "SELECT DISTINCT ?d WHERE { ?d skos:hiddenLabel ?key ; a eli:LegalResource }",
            {"key": ox.Literal(filters.directive)}))

    # the posts of the officials drawn so far, or of every official --person names
    if filters.person is not None:
        members = {row["p"] for row in store.select(
            "SELECT DISTINCT ?p WHERE { ?p skos:hiddenLabel ?key }", {"key": ox.Literal(filters.person)})}
    else:
        members = set(cat.officials)
    cat.memberships = _memberships(store, sources, _subjects_pointing_at(store, "org:member", members))
    describe({iri for m in cat.memberships for iri in (m["person"], m["org"])})

    # the issuers of the documents drawn, and the documents they link to
    documents = {iri for iri in described if iri in cat.documents or _doc_key_from_iri(iri)}
    cat.doc_links = _doc_links(store, documents)
    describe({cat.documents[d]["issuer"] for d in documents if d in cat.documents}
             | {end for link in cat.doc_links for end in (link[0], link[2])})

    # the bodies and units above every body and unit, up to the top
    new = described.copy()
    while new:
        above: set[str | None] = set()
        for iri in new:
            if iri in cat.orgs:
                above |= {cat.orgs[iri]["parent"], cat.orgs[iri]["jurisdiction"]}
            if iri in cat.places:
                above.add(cat.places[iri]["parent"])
        new = describe(above)
    return cat


class _Builder:
    """Adds nodes with their attributes, and edges, to the projection."""

    def __init__(self, cat: _Catalogue):
        self.cat = cat
        self.g = nx.MultiDiGraph()
        self._edge_ids: Counter[str] = Counter()
        self._links_done: set[tuple[str, str, str]] = set()

    def node(self, iri: str) -> str:
        if iri in self.g:
            return iri
        cat = self.cat
        if iri in cat.orgs:
            row = cat.orgs[iri]
            self.g.add_node(iri, kind=ORGANISATION, sub=cat.org_subs.get(iri, "organisation"),
                            label=row["label"])
        elif iri in cat.places:
            row = cat.places[iri]
            self.g.add_node(iri, kind=PLACE, sub=row["level"], label=row["label"], unit_type=row["unit_type"],
                            code=row["code"], era=row["era"], valid_from=row["valid_from"],
                            valid_through=row["valid_through"])
        elif iri in cat.officials:
            row = cat.officials[iri]
            self.g.add_node(iri, kind=OFFICIAL, sub="official", label=row["label"],
                            honorifics=row["honorifics"])
        elif iri in cat.documents:
            row = cat.documents[iri]
            self.g.add_node(iri, kind=DOCUMENT, sub="document", label=row["code"],
                            title=row["label"], date=row["date"], subject=row["subject"],
                            evidence=row["evidence"], sources=row["sources"])
        elif _doc_key_from_iri(iri):
            self.g.add_node(iri, kind=DOCUMENT, sub="document",
                            label=_code_from_key(_doc_key_from_iri(iri)))
        else:
            # named by a source but never described: a body is the likeliest
            self.g.add_node(iri, kind=ORGANISATION, sub="organisation", label=iri.rsplit("/", 1)[-1])
        return iri

    def edge(self, a: str, b: str, kind: str, **attrs) -> None:
        self.node(a)
        self.node(b)
        base = f"{kind}:{a}>{b}:{attrs.get('activity', '')}"
        self._edge_ids[base] += 1
        key = base if self._edge_ids[base] == 1 else f"{base}#{self._edge_ids[base]}"
        self.g.add_edge(a, b, key=key, kind=kind, **{k: v for k, v in attrs.items() if v is not None})

    def activity(self, act: _Activity) -> None:
        doc = self.cat.documents.get(act.document or "")
        code = doc["code"] if doc else (_code_from_key(_doc_key_from_iri(act.document) or "")
                                        if act.document else None)
        attrs = dict(activity=act.iri, activity_kind=act.kind, document=act.document, code=code,
                     date=act.date, year=int(act.date[:4]) if act.date else None,
                     inspector=self.cat.orgs.get(act.inspector, {}).get("label"),
                     leader=self.cat.officials.get(act.leader or "", {}).get("label"),
                     topic=act.topic, evidence=act.evidence or None, sources=act.sources or None)
        for target in act.targets:
            self.edge(act.inspector, target, E_INSPECTS, **attrs)
        if act.leader:
            for target in act.targets or [act.inspector]:
                self.edge(act.leader, target, E_LED, **attrs)
        if act.document:
            self.node(act.document)

    def membership(self, m: dict) -> None:
        org_label = self.cat.orgs.get(m["org"], {}).get("label", "")
        # the post's label is the role followed by the body's name: the edge
        # already points at the body, so the role alone labels it
        role = m["post"][: -len(org_label)].strip() if org_label and m["post"].endswith(org_label) else m["post"]
        self.edge(m["person"], m["org"], E_HOLDS, role=role, post=m["post"],
                  valid_from=m["valid_from"], valid_through=m["valid_through"], attested_on=m["attested_on"],
                  evidence=m["evidence"] or None, sources=m["sources"] or None)

    def document_context(self, iri: str, links_of: dict[str, list[tuple[str, str, str]]]) -> None:
        doc = self.cat.documents.get(iri)
        if doc and doc["issuer"]:
            self.edge(doc["issuer"], iri, E_ISSUED)
        for link in links_of.get(iri, []):
            if link not in self._links_done:
                self._links_done.add(link)
                self.edge(link[0], link[2], E_DOC_LINK, relation=link[1])

    def structure(self) -> None:
        """Ancestors of every body and unit in the graph, and the units bodies serve."""
        cat = self.cat
        pending = [n for n in self.g if n in cat.orgs]
        seen: set[str] = set()
        while pending:
            org = pending.pop()
            if org in seen:
                continue
            seen.add(org)
            row = cat.orgs[org]
            if row["parent"]:
                self.edge(row["parent"], org, E_SUB_ORG)
                if row["parent"] in cat.orgs:
                    pending.append(row["parent"])
            if row["jurisdiction"]:
                self.edge(org, row["jurisdiction"], E_JURISDICTION)
        pending = [n for n in self.g if n in cat.places]
        seen = set()
        while pending:
            place = pending.pop()
            if place in seen:
                continue
            seen.add(place)
            parent = cat.places[place]["parent"]
            if parent:
                self.edge(parent, place, E_CONTAINS)
                if parent in cat.places:
                    pending.append(parent)


def _links_by_document(doc_links: list[tuple[str, str, str]]) -> dict[str, list[tuple[str, str, str]]]:
    """Each document's links, from either end."""
    links_of: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for link in doc_links:
        links_of[link[0]].append(link)
        links_of[link[2]].append(link)
    return links_of


def project(store, filters: Filters = Filters()) -> nx.MultiDiGraph:
    """The part of the store that ``filters`` select, as a networkx graph.

    Without filters: every body, official, document and activity, with the
    units they touch. With filters: the matching activities and their
    context (the leader's posts, the document's issuer and linked documents,
    the bodies and units above every node).
    """
    resolved = Filters(
        directive=resolve_document(store, filters.directive) if filters.directive else None,
        inspector=_resolve_name(store, "body", filters.inspector) if filters.inspector else None,
        target=_resolve_name(store, "unit or body", filters.target) if filters.target else None,
        person=_resolve_name(store, "official", filters.person) if filters.person else None,
        date_from=filters.date_from, date_to=filters.date_to, kind=filters.kind)
    sources = _sources(store)
    activities = _read_activities(store, resolved, sources)
    if resolved.restricts_activities() and not activities:
        raise NothingMatches(f"no activity matches {filters.describe()}",
                             hint="widen the dates or drop a filter; `kg inspections` lists what the graph holds")
    cat = (_focused_catalogue(store, activities, resolved, sources) if resolved.is_focused()
           else _read_catalogue(store, sources))
    links_of = _links_by_document(cat.doc_links)

    b = _Builder(cat)
    for act in activities:
        b.activity(act)
    if resolved.is_focused():
        if resolved.directive:
            # the document itself, even when no activity was carried out under it
            for iri in cat.documents:
                if identity.code_key(cat.documents[iri]["code"]) == resolved.directive:
                    b.node(iri)
        people = {n for n, d in b.g.nodes(data=True) if d["kind"] == OFFICIAL}
        for m in cat.memberships:
            if m["person"] in people or resolved.person is not None:
                b.membership(m)
    else:
        for iri in (*cat.orgs, *cat.officials, *cat.documents):
            b.node(iri)
        for m in cat.memberships:
            b.membership(m)
    for iri in [n for n, d in b.g.nodes(data=True) if d["kind"] == DOCUMENT]:
        b.document_context(iri, links_of)
    b.structure()

    graph = b.g
    if resolved.is_focused() and graph.number_of_edges() == 0 and graph.number_of_nodes() <= 1:
        raise NothingMatches(f"nothing in the graph matches {filters.describe()}")
    if filters.around is not None:
        graph = ego(graph, filters.around, filters.depth)
    return graph


# --- the best-connected nodes of an unfiltered view ------------------------------

# The edges the unfiltered projection draws from what the store says (see
# _Builder), each query giving edge ends (``?from``, ``?to``, or one of them)
# and the number ``?n`` of edges between them. Each is one or two triple
# patterns: joining more (say, checking an activity's kind, or a
# membership's post) took 5-11 s per query on the national store, where
# these take 0.3-3 s. They rely on what the loader writes: one inspector
# and leader per activity, of one of the three kinds; one member, body and
# post per membership. Where a body may name several parents or
# jurisdictions, or a document several issuers, the first is drawn, as
# _Builder does.
_EDGE_COUNTS = [
    # inspects, inspector -> target
    "SELECT ?from ?to (COUNT(*) AS ?n) WHERE { ?a party:inspector ?from ; party:target ?to } GROUP BY ?from ?to",
    # led, leader -> target, or -> inspector when the activity has no target
    "SELECT ?from ?to (COUNT(*) AS ?n) WHERE { ?a party:leader ?from ; party:target ?to } GROUP BY ?from ?to",
    "SELECT ?from ?to (COUNT(*) AS ?n) WHERE { ?a party:leader ?from ; party:inspector ?to "
    "MINUS { ?a party:target ?t } } GROUP BY ?from ?to",
    # holds, official -> body, counted at each end
    "SELECT ?from (COUNT(*) AS ?n) WHERE { ?m org:member ?from } GROUP BY ?from",
    "SELECT ?to (COUNT(*) AS ?n) WHERE { ?m org:organization ?to } GROUP BY ?to",
    # issued, sub_organisation, jurisdiction: one each
    "SELECT ?from ?to (1 AS ?n) WHERE { { SELECT ?to (MIN(?i) AS ?from) WHERE { "
    "?to a eli:LegalResource ; eli:id_local ?code ; eli:passed_by ?i } GROUP BY ?to } }",
    "SELECT ?from ?to (1 AS ?n) WHERE { { SELECT ?to (MIN(?p) AS ?from) WHERE { "
    "?to a org:Organization ; org:subOrganizationOf ?p } GROUP BY ?to } }",
    "SELECT ?from ?to (1 AS ?n) WHERE { { SELECT ?from (MIN(?j) AS ?to) WHERE { "
    "?from a org:Organization ; party:jurisdiction ?j } GROUP BY ?from } }",
]


@dataclass
class _Connections:
    """Every node of the unfiltered projection with its kind and degree (as
    networkx counts it: each edge at both ends), and the document links it draws."""
    kinds: dict[str, str]
    degree: Counter[str]
    doc_links: list[tuple[str, str, str]]


def _connections(store) -> _Connections:
    """What ``project(store)`` would draw, counted by SPARQL aggregates
    (_EDGE_COUNTS) without reading it: 16 s on the national store, where
    the projection took 75-100 s."""
    degree: Counter[str] = Counter()
    for query in _EDGE_COUNTS:
        for row in store.query(query):
            *ends, edges = row
            for end in ends:
                degree[end.value] += int(edges.value)

    def iris(query: str) -> set[str]:
        return {row[0].value for row in store.query(query)}

    orgs = iris("SELECT DISTINCT ?x WHERE { ?x a org:Organization }")
    places = iris("SELECT DISTINCT ?x WHERE { ?x a party:AdministrativeUnit }")
    officials = iris("SELECT DISTINCT ?x WHERE { ?x a party:Official }")   # each with a name
    documents = iris("SELECT DISTINCT ?x WHERE { ?x a eli:LegalResource ; eli:id_local ?code }")
    # nodes drawn without an edge: every body, official and document, and the activities' documents
    nodes = set(degree) | orgs | officials | documents | iris(
        "SELECT DISTINCT ?d WHERE { ?a party:underDocument ?d }")

    def kind(iri: str) -> str:   # as _Builder.node decides it
        if iri in orgs:
            return ORGANISATION
        if iri in places:
            return PLACE
        if iri in officials:
            return OFFICIAL
        return DOCUMENT if iri in documents or _doc_key_from_iri(iri) else ORGANISATION

    # links from or to the documents drawn so far (_Builder.document_context)
    drawn_documents = {n for n in nodes if kind(n) == DOCUMENT}
    doc_links = [link for link in _doc_links(store) if link[0] in drawn_documents or link[2] in drawn_documents]
    for a, _, b in doc_links:
        degree[a] += 1
        degree[b] += 1
        nodes |= {a, b}
    # every unit drawn, and those above it, hangs from its parent (_Builder.structure)
    parents: dict[str, str] = {}
    for row in store.query("SELECT ?x ?p WHERE { ?x a party:AdministrativeUnit ; schema:containedInPlace ?p }"):
        parents[row[0].value] = min(row[1].value, parents.get(row[0].value, row[1].value))
    pending, seen = [n for n in nodes if n in places], set()
    while pending:
        place = pending.pop()
        if place in seen or place not in parents:
            continue
        seen.add(place)
        degree[parents[place]] += 1
        degree[place] += 1
        nodes.add(parents[place])
        if parents[place] in places:
            pending.append(parents[place])
    return _Connections({n: kind(n) for n in nodes}, degree, doc_links)


def _labels(store, iris: list[str], kinds: dict[str, str]) -> dict[str, str]:
    """The labels _Builder.node gives these nodes: a document's code, anything
    else's name, else what its IRI ends with."""
    found: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for batch in _batches(iris):
        for row in store.query(f"SELECT ?x ?p ?o WHERE {{ {_values('x', batch)} ?x ?p ?o . "
                               f"FILTER(?p IN (rdfs:label, eli:id_local, rdf:type)) }}"):
            found[row[0].value][row[1].value].append(row[2].value)
    label, code, types = _iri("rdfs:label"), _iri("eli:id_local"), _iri("rdf:type")
    described = {_iri(c) for c in ("org:Organization", "party:AdministrativeUnit", "party:Official")}

    def of(iri: str) -> str:
        values = found.get(iri, {})
        if described & set(values.get(types, [])):
            return min(values.get(label, []), default=iri.rsplit("/", 1)[-1])
        if kinds[iri] == DOCUMENT:
            return min(values[code]) if values.get(code) else _code_from_key(_doc_key_from_iri(iri))
        return iri.rsplit("/", 1)[-1]

    return {iri: of(iri) for iri in iris}


def project_best_connected(store, max_nodes: int) -> tuple[nx.MultiDiGraph, dict[str, int]]:
    """The unfiltered projection cut to its ``max_nodes`` best-connected
    nodes (most edges first, ties by label, then by IRI), with the edges
    among them, and how many nodes of each kind were left out: what
    kg.view.cap_nodes keeps of ``project(store)``, except that two nodes
    tied on both edges and label at the cut are told apart by IRI here,
    by the projection's order there.

    Projecting the whole national store (4.7 M triples, 208 k nodes, 681 k
    edges) took 75-100 s, only to draw 2,000 or 5,000 of its nodes. The
    degrees are counted by SPARQL aggregates instead, and only the nodes
    kept are read, by IRI, as a focused view reads them. A store with no
    more than ``max_nodes`` nodes is projected whole, as before.
    """
    conn = _connections(store)
    if len(conn.kinds) <= max_nodes:
        return project(store), {}
    by_degree = sorted(conn.kinds, key=lambda n: -conn.degree[n])
    cut = conn.degree[by_degree[max_nodes - 1]]
    keep = [n for n in by_degree if conn.degree[n] > cut]
    tied = [n for n in by_degree if conn.degree[n] == cut]
    labels = _labels(store, tied, conn.kinds)
    keep += sorted(tied, key=lambda n: (labels[n], n))[:max_nodes - len(keep)]
    kept = set(keep)
    omitted = Counter(kind for n, kind in conn.kinds.items() if n not in kept)
    return _project_nodes(store, keep, conn.doc_links), dict(omitted)


def _project_nodes(store, keep: list[str], doc_links: list[tuple[str, str, str]]) -> nx.MultiDiGraph:
    """The unfiltered projection's subgraph on ``keep``, read by IRI: the
    activities, posts, links and structure between kept nodes, described as
    the whole projection describes them (an activity's edges name its
    inspector, leader and document, kept or not)."""
    kept = set(keep)
    sources = _sources(store)

    def pointing_at(predicate: str) -> set[str]:
        return _subjects_pointing_at(store, predicate, kept)

    # activities from a kept inspector or leader to a kept target, or led by
    # a kept official for a kept inspector (those without targets); the
    # activities of kept bodies alone were 35 k of them, read in 12 s
    inspector, leader = pointing_at("party:inspector"), pointing_at("party:leader")
    candidates = ((inspector | leader) & pointing_at("party:target")) | (inspector & leader)
    activities = _read_activities(store, Filters(), sources, candidates)
    cat = _Catalogue(doc_links=[link for link in doc_links if link[0] in kept and link[2] in kept])
    _describe(store, cat, sources, kept | {iri for act in activities
                                           for iri in (act.inspector, act.leader, act.document) if iri})
    cat.memberships = [m for m in _memberships(store, sources, pointing_at("org:member")) if m["org"] in kept]
    links_of = _links_by_document(cat.doc_links)

    b = _Builder(cat)
    for iri in keep:
        b.node(iri)
    for act in activities:
        b.activity(act)
    for m in cat.memberships:
        b.membership(m)
    for iri in keep:
        if b.g.nodes[iri]["kind"] == DOCUMENT:
            b.document_context(iri, links_of)
    b.structure()
    return b.g.subgraph(keep).copy()


def ego(graph: nx.MultiDiGraph, name: str, depth: int) -> nx.MultiDiGraph:
    """Everything within ``depth`` steps of the node called ``name``, in either direction."""
    labels = {fold(d["label"]): d["label"] for _, d in graph.nodes(data=True)}
    key = resolve_key(labels, "node", name)
    centres = [n for n, d in graph.nodes(data=True) if fold(d["label"]) == key]
    undirected = graph.to_undirected(as_view=True)
    keep: set[str] = set()
    for centre in centres:
        keep |= set(nx.single_source_shortest_path_length(undirected, centre, cutoff=depth))
    return graph.subgraph(keep).copy()


def find_nodes(graph: nx.MultiDiGraph, name: str, kinds: tuple[str, ...], what: str) -> list[str]:
    """Every node of the given kinds whose label ``name`` stands for."""
    labels = {fold(d["label"]): d["label"] for _, d in graph.nodes(data=True) if d["kind"] in kinds}
    key = resolve_key(labels, what, name)
    return [n for n, d in graph.nodes(data=True) if d["kind"] in kinds and fold(d["label"]) == key]


# --- the questions ------------------------------------------------------------

@dataclass
class ChainLink:
    """``inspector`` oversaw ``subject`` (through ``via``, a body or unit that
    ``subject`` belongs to or serves, when not ``subject`` itself)."""
    level: int
    inspector: str
    subject: str
    via: str
    activities: list[dict]           # the edges' attributes: kind, code, date, ...


def _oversight_scope(graph: nx.MultiDiGraph, node: str) -> list[str]:
    """What an inspection of ``node`` can go through: a body is overseen when
    it, a body above it, or a unit one of them serves is inspected; a unit
    when it, or a body serving it, is inspected."""
    def edges_of(n: str, kind: str, incoming: bool) -> list[str]:
        edges = graph.in_edges(n, data="kind") if incoming else graph.out_edges(n, data="kind")
        return [(a if incoming else b) for a, b, k in edges if k == kind]

    scope = [node]
    if graph.nodes[node]["kind"] == PLACE:
        scope += edges_of(node, E_JURISDICTION, incoming=True)
        return scope
    ancestors, frontier = [], [node]
    while frontier:
        parents = [p for n in frontier for p in edges_of(n, E_SUB_ORG, incoming=True)
                   if p not in ancestors and p != node]
        ancestors += parents
        frontier = parents
    scope += ancestors
    for body in [node, *ancestors]:
        scope += edges_of(body, E_JURISDICTION, incoming=False)
    return list(dict.fromkeys(scope))


def oversight_chain(graph: nx.MultiDiGraph, units: list[str]) -> list[ChainLink]:
    """Who inspects ``units``, who inspects those inspectors, and so on up,
    breadth first; each inspector appears once, at its nearest level."""
    links: list[ChainLink] = []
    seen = set(units)
    frontier = [(u, 0) for u in units]
    while frontier:
        next_frontier = []
        for subject, level in frontier:
            found: dict[tuple[str, str], list[dict]] = defaultdict(list)
            for via in _oversight_scope(graph, subject):
                for inspector, _, data in graph.in_edges(via, data=True):
                    if data["kind"] == E_INSPECTS and inspector != subject:
                        found[(inspector, via)].append(data)
            for (inspector, via), acts in sorted(found.items(), key=lambda kv: graph.nodes[kv[0][0]]["label"]):
                links.append(ChainLink(level + 1, inspector, subject, via,
                                       sorted(acts, key=lambda a: a.get("date", ""))))
                if inspector not in seen:
                    seen.add(inspector)
                    next_frontier.append((inspector, level + 1))
        frontier = next_frontier
    return links


@dataclass
class Ranking:
    inspected: list[tuple[str, int]]     # (label, activities), most first
    inspectors: list[tuple[str, int]]
    year: int | None


def rank(graph: nx.MultiDiGraph, year: int | None = None, top: int = 10) -> Ranking:
    """Most inspected units and bodies, and most active inspecting bodies,
    counting each activity once (per target, and per inspector)."""
    by_target: dict[str, set[str]] = defaultdict(set)
    by_inspector: dict[str, set[str]] = defaultdict(set)
    for a, b, data in graph.edges(data=True):
        if data["kind"] != E_INSPECTS or (year is not None and data.get("year") != year):
            continue
        by_target[b].add(data["activity"])
        by_inspector[a].add(data["activity"])

    def ordered(counts: dict[str, set[str]]) -> list[tuple[str, int]]:
        rows = [(graph.nodes[n]["label"], len(acts)) for n, acts in counts.items()]
        return sorted(rows, key=lambda r: (-r[1], fold(r[0])))[:top]

    return Ranking(ordered(by_target), ordered(by_inspector), year)


# --- export --------------------------------------------------------------------

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
