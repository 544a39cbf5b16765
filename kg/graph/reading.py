"""Reading the store for the projection: one SPARQL pass per kind of thing
(kg.graph.rules' readings), over every thing of that kind or only the IRIs
given, into plain records; the user's filters as bound patterns on the
activities, never pasted into the query text; and the catalogue (everything
but the activities) of an unfocused view, or of what a focused view reaches.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg import identity
from kg.graph.filters import Filters
from kg.graph.names import doc_key_from_iri
from kg.graph.rules import (
    ACTIVITIES, BODIES, DOCUMENTS, MEMBERSHIPS, OFFICIALS, POSTS, SOURCES, STRUCTURE, UNITS, Reading, rules_of,
)
from kg.schema import schema, specific_body_kinds
from kg.vocab import PREFIXES, XSD

# The schema's kinds (kg/schema.yaml) by their ontology terms. Every body is
# an org:Organization; its kind is its more specific class, if it has one.
ACTIVITY_CLASSES = {e.value: ox.NamedNode(e.iri) for e in schema().activity_kinds}
_CLASS_TO_KIND = {e.iri: e.value for e in schema().activity_kinds}
_ORG_CLASS_TO_SUB = {e.iri: e.value for e in specific_body_kinds()}
_LEVEL_TO_SUB = {e.iri: e.value for e in schema().unit_levels}
_DOC_RELATIONS = {e.iri: e.value for e in schema().document_relations}
# a link a relation also states (party:replaces is an eli:repeals) is drawn once
_IMPLIED = {e.iri: set(e.also) for e in schema().document_relations}


def full_iri(curie: str) -> str:
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
    names = {full_iri(curie): name for name, curie in props.items()}
    bound = " ".join(f"?{name}" for name in bindings or {})   # pyoxigraph binds projected variables only

    def solutions(start: str = ""):
        return store.query(f"""
            SELECT DISTINCT ?x ?p ?o {bound} WHERE {{ {start}
              ?x a {cls} . {where}
              ?x ?p ?o . FILTER(?p IN ({', '.join(props.values())})) }}""", bindings)

    if subjects is None:
        rows = solutions()
    else:
        rows = (row for batch in batches(subjects) for row in solutions(values_block("x", batch)))
    # the solutions are read by position, as they come: building a dict per
    # row (store.select) took a third of the projection's time
    table: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        table[row[0].value][names[row[1].value]].append(row[2].value)
    for values in table.values():
        for name in values:
            values[name].sort()
    return table


def _read(store, reading: Reading, where: str = "", bindings=None,
          subjects: Iterable[str] | None = None) -> dict[str, dict]:
    """Every thing of ``reading`` (or those of ``subjects``) as a record:
    each field of ``reading.many`` as its sorted values, any other as its
    first value or None; things without a required field are left out."""
    table = _table(store, reading.cls, reading.props, where, bindings, subjects)
    return {thing: {name: (values.get(name, []) if name in reading.many else first(values, name))
                    for name in reading.props}
            for thing, values in table.items() if all(values.get(name) for name in reading.required)}


def batches(iris: Iterable[str]) -> list[list[str]]:
    """The distinct IRIs, sorted, a query's worth at a time."""
    ordered = sorted(set(iris))
    return [ordered[i:i + _SUBJECTS_PER_QUERY] for i in range(0, len(ordered), _SUBJECTS_PER_QUERY)]


def values_block(var: str, iris: list[str]) -> str:
    """A VALUES block binding ``?var`` to each IRI, written by pyoxigraph's serialiser."""
    return f"VALUES ?{var} {{ {' '.join(str(ox.NamedNode(iri)) for iri in iris)} }}"


def first(values: dict[str, list[str]], name: str) -> str | None:
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
        patterns.append(f"{values_block('fdoc', _directive_documents(store, filters.directive))} "
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


Sources = dict[str, tuple[str, str] | None]


def read_sources(store) -> Sources:
    """Source IRI -> (url, title), for sources with a URL."""
    out: Sources = {}
    for source, row in _read(store, SOURCES).items():
        out[source] = (row["url"], row["title"] or row["url"]) if row["url"] else None
    return out


def _sourced(row: dict, sources: Sources) -> list[tuple[str, str]]:
    return [sources[s] for s in row["source"] if sources.get(s)]


def read_activities(store, filters: Filters, sources: Sources,
                    subjects: Iterable[str] | None = None) -> list[dict]:
    """The activities ``filters`` select (or those of ``subjects``), in IRI
    order, each with its ``kind`` and its sources as (url, title)."""
    where, bindings = _activity_filter(store, filters)
    activities = []
    for activity, row in sorted(_read(store, ACTIVITIES, where, bindings, subjects).items()):
        kind = next((_CLASS_TO_KIND[t] for t in row["type"] if t in _CLASS_TO_KIND), None)
        if kind is not None:   # one of the schema's kinds
            activities.append({**row, "iri": activity, "kind": kind, "sources": _sourced(row, sources)})
    return activities


@dataclass
class Catalogue:
    """Everything but the activities, read once per projection: all of it for
    an unfocused view, what the view reaches for a focused one."""
    orgs: dict[str, dict] = field(default_factory=dict)
    places: dict[str, dict] = field(default_factory=dict)
    officials: dict[str, dict] = field(default_factory=dict)
    documents: dict[str, dict] = field(default_factory=dict)
    memberships: list[dict] = field(default_factory=list)
    doc_links: list[tuple[str, str, str]] = field(default_factory=list)

    def things(self) -> dict[Reading, dict[str, dict]]:
        """The records by reading, as kg.graph.rules' walks take them."""
        return {BODIES: self.orgs, UNITS: self.places, OFFICIALS: self.officials, DOCUMENTS: self.documents}


def _label(thing: str, row: dict) -> str:
    return row["label"] or thing.rsplit("/", 1)[-1]


# Each reader below reads one kind of thing, every one of them or only the
# ``subjects`` given.

def _orgs(store, subjects: Iterable[str] | None = None) -> dict[str, dict]:
    """Bodies, with their kind of body (``sub``): their most specific class."""
    def sub(types: list[str]) -> str:
        return next((_ORG_CLASS_TO_SUB[t] for t in types if t in _ORG_CLASS_TO_SUB), "organisation")

    return {org: {**row, "label": _label(org, row), "sub": sub(row["type"])}
            for org, row in _read(store, BODIES, subjects=subjects).items()}


def _places(store, subjects: Iterable[str] | None = None) -> dict[str, dict]:
    def level(types: list[str]) -> str:
        return next((_LEVEL_TO_SUB[t] for t in types if t in _LEVEL_TO_SUB), "unit")

    return {place: {**row, "label": _label(place, row), "level": level(row["type"])}
            for place, row in _read(store, UNITS, subjects=subjects).items()}


def _officials(store, subjects: Iterable[str] | None = None) -> dict[str, dict]:
    return {official: {"label": _label(official, row), "honorifics": " ".join(row["honorific"]) or None}
            for official, row in _read(store, OFFICIALS, subjects=subjects).items()}


def _documents(store, sources: Sources, subjects: Iterable[str] | None = None) -> dict[str, dict]:
    return {doc: {**row, "sources": _sourced(row, sources)}
            for doc, row in _read(store, DOCUMENTS, subjects=subjects).items()}


def memberships(store, sources: Sources, subjects: Iterable[str] | None = None) -> list[dict]:
    """Posts held, in membership IRI order, each with its post's label."""
    rows = _read(store, MEMBERSHIPS, subjects=subjects)
    posts = _read(store, POSTS, subjects=None if subjects is None else {row["post"] for row in rows.values()})
    return [{**row, "iri": membership, "post": posts.get(row["post"], {}).get("label") or row["post"],
             "sources": _sourced(row, sources)} for membership, row in sorted(rows.items())]


def doc_links(store, documents: Iterable[str] | None = None) -> list[tuple[str, str, str]]:
    """Links between documents: every one, or those from or to ``documents``."""
    relations = [str(ox.NamedNode(iri)) for iri in _DOC_RELATIONS]
    if documents is None:
        rows = store.query(f"SELECT DISTINCT ?a ?rel ?b WHERE {{ ?a ?rel ?b . "
                           f"VALUES ?rel {{ {' '.join(relations)} }} }}")
    else:
        # from each end in turn, each bound (FILTER IN: see _table)
        rows = (row for end in ("a", "b") for batch in batches(documents) for row in store.query(
            f"SELECT DISTINCT ?a ?rel ?b WHERE {{ {values_block(end, batch)} ?a ?rel ?b . "
            f"FILTER(?rel IN ({', '.join(relations)})) }}"))
    links = {(row[0].value, row[1].value, row[2].value) for row in rows}
    implied = {(a, also, b) for a, rel, b in links for also in _IMPLIED[rel]}
    return sorted((a, _DOC_RELATIONS[rel], b) for a, rel, b in links if (a, rel, b) not in implied)


def read_catalogue(store, sources: Sources) -> Catalogue:
    """The whole catalogue, for an unfocused view (about 50 s on the national store)."""
    return Catalogue(orgs=_orgs(store), places=_places(store), officials=_officials(store),
                     documents=_documents(store, sources), memberships=memberships(store, sources),
                     doc_links=doc_links(store))


def subjects_pointing_at(store, predicate: str, objects: Iterable[str]) -> set[str]:
    """Every ``?s`` with ``?s predicate ?o`` for one of ``objects``."""
    return {row[0].value for batch in batches(objects)
            for row in store.query(f"SELECT DISTINCT ?s WHERE {{ {values_block('o', batch)} ?s {predicate} ?o }}")}


def describe(store, cat: Catalogue, sources: Sources, iris: set[str]) -> None:
    """Read ``iris`` into ``cat`` as whatever they are: bodies, units, officials, documents."""
    cat.orgs.update(_orgs(store, iris))
    cat.places.update(_places(store, iris))
    cat.officials.update(_officials(store, iris))
    cat.documents.update(_documents(store, sources, iris))


def focused_catalogue(store, activities: list[dict], filters: Filters, sources: Sources) -> Catalogue:
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
    cat = Catalogue()
    described: set[str] = set()

    def describe_new(iris: Iterable[str | None]) -> set[str]:
        """Read the IRIs not read yet as whatever they are; return those."""
        new = {iri for iri in iris if iri} - described
        described.update(new)
        describe(store, cat, sources, new)
        return new

    # what the activities draw, the bodies and officials their edges name,
    # their documents, and the documents --directive names
    describe_new({end for act in activities
                  for end in (*_edge_ends(ACTIVITIES, act["iri"], act), act["inspector"], act["leader"],
                              act["document"])})
    if filters.directive is not None:
        describe_new(row["d"] for row in store.select(
            "SELECT DISTINCT ?d WHERE { ?d skos:hiddenLabel ?key ; a eli:LegalResource }",
            {"key": ox.Literal(filters.directive)}))

    # the posts of the officials drawn so far, or of every official --person names
    if filters.person is not None:
        members = {row["p"] for row in store.select(
            "SELECT DISTINCT ?p WHERE { ?p skos:hiddenLabel ?key }", {"key": ox.Literal(filters.person)})}
    else:
        members = set(cat.officials)
    cat.memberships = memberships(store, sources, subjects_pointing_at(store, "org:member", members))
    describe_new({end for m in cat.memberships for end in _edge_ends(MEMBERSHIPS, m["iri"], m)})

    # the documents' own edges (their issuers), and the documents they link to
    documents = {iri for iri in described if iri in cat.documents or doc_key_from_iri(iri)}
    cat.doc_links = doc_links(store, documents)
    describe_new({end for d in documents if d in cat.documents
                  for end in _edge_ends(DOCUMENTS, d, cat.documents[d])}
                 | {end for link in cat.doc_links for end in (link[0], link[2])})

    # the bodies and units above every body and unit, up to the top
    things, new = cat.things(), described.copy()
    while new:
        new = describe_new({end for reading in STRUCTURE for thing in new if thing in things[reading]
                            for end in _edge_ends(reading, thing, things[reading][thing])})
    return cat


def _edge_ends(reading: Reading, thing: str, row: dict) -> set[str]:
    """Every end of the edges kg.graph.rules draws for ``thing``."""
    return {end for rule in rules_of(reading) for pair in rule.ends(thing, row) for end in pair}
