"""Answers to the everyday questions: an official's posts, a body, a
directive, inspections, and counts.

Names are looked up by their folded key (``skos:hiddenLabel``), an indexed
exact match; only when that finds nothing does a lookup fall back to a
substring scan. Every user value is bound into the query as an RDF term.
This module stays light (pyoxigraph only) because ``kg person`` must answer
in a blink.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from pyoxigraph import Literal, NamedNode

from kg.identity import code_key
from kg.text import fold

# A holding stated by hundreds of sources carries hundreds of attestation
# dates: dates and sources are two queries, or their cross product (360,000
# rows for an official named in 600 articles) is built and thrown away.
_HOLDINGS = """
SELECT ?membership ?postLabel ?orgLabel ?from ?until (MIN(?attested) AS ?first) (MAX(?attested) AS ?last)
WHERE {
  ?membership org:member ?person ; opengov:post ?post ; org:organization ?org .
  ?post rdfs:label ?postLabel . ?org rdfs:label ?orgLabel .
  OPTIONAL { ?membership schema:validFrom ?from }
  OPTIONAL { ?membership schema:validThrough ?until }
  OPTIONAL { ?membership party:attestedOn ?attested }
}
GROUP BY ?membership ?postLabel ?orgLabel ?from ?until
ORDER BY ?from ?first ?postLabel
"""
_ATTESTATIONS = """
SELECT ?membership ?source ?sourceTitle ?url ?evidence
WHERE {
  ?membership org:member ?person .
  # the facts list every source of the holding; each source's own graph gives its
  # sentence. GRAPH with ?source bound is one lookup; with it unbound, pyoxigraph
  # looked in every graph in turn (2 s for an official of 600 articles, not 26 ms)
  ?membership prov:wasDerivedFrom ?source
  OPTIONAL { GRAPH ?source { ?membership party:evidence ?evidence } }
  OPTIONAL { ?source rdfs:label ?sourceTitle }
  OPTIONAL { ?source schema:url ?url }
}
"""


@dataclass(frozen=True)
class Attestation:
    source: str | None
    title: str | None
    url: str | None
    sentence: str | None


@dataclass
class PostHeld:
    post: str
    organisation: str
    valid_from: str | None
    valid_through: str | None
    attested_on: str | None          # the first day a source shows it current
    last_attested: str | None        # and the last
    sources: list[Attestation] = field(default_factory=list)


@dataclass
class PersonMatch:
    iri: str
    name: str
    same_as: list[str]
    posts: list[PostHeld]

    def to_dict(self) -> dict:
        return asdict(self)


def _by_key(store, cls: str, key: str, extra: str = "") -> list[dict]:
    """Nodes of a class whose folded label is ``key``; else whose folded label contains it."""
    exact = store.select(f"SELECT DISTINCT ?key ?node ?label WHERE {{ ?node skos:hiddenLabel ?key ; a {cls} ; "
                         f"rdfs:label ?label . {extra} }} ORDER BY ?label ?node", {"key": Literal(key)})
    if exact or not key:
        return exact
    return store.select(f"SELECT DISTINCT ?key ?node ?label WHERE {{ ?node a {cls} ; skos:hiddenLabel ?k ; "
                        f"rdfs:label ?label . FILTER(CONTAINS(?k, ?key)) {extra} }} ORDER BY ?label ?node LIMIT 50",
                        {"key": Literal(key)})


def find_people(store, name: str) -> list[PersonMatch]:
    """Officials whose name folds to ``name`` (or contains it), each with the
    posts they held and the sources that say so. Namesakes come apart."""
    matches = []
    for row in _by_key(store, "party:Official", fold(name)):
        person = NamedNode(row["node"])
        same = [r["other"] for r in store.select(
            "SELECT DISTINCT ?person ?other WHERE { { ?person owl:sameAs ?other } UNION { ?other owl:sameAs ?person } }",
            {"person": person})]
        posts: dict[str, PostHeld] = {}
        for node in [person] + [NamedNode(s) for s in same]:
            for r in store.select(_HOLDINGS, {"person": node}):
                posts.setdefault(r["membership"], PostHeld(r["postLabel"], r["orgLabel"], r["from"], r["until"],
                                                           r["first"], r["last"]))
            # per post: one sentence often states two posts, and both are its word
            seen: set[tuple[str, Attestation]] = set()
            for r in store.select(_ATTESTATIONS, {"person": node}):
                attestation = Attestation(r["source"], r["sourceTitle"], r["url"], r["evidence"])
                if r["membership"] in posts and (r["membership"], attestation) not in seen:
                    seen.add((r["membership"], attestation))
                    posts[r["membership"]].sources.append(attestation)
        matches.append(PersonMatch(row["node"], row["label"], same, list(posts.values())))
    return matches


@dataclass
class OrgMatch:
    iri: str
    name: str
    kinds: list[str]
    alt_labels: list[str]
    parent: str | None
    jurisdiction: str | None
    units: list[str]
    posts: list[dict]
    documents: list[dict]
    inspected: list[dict]

    def to_dict(self) -> dict:
        return asdict(self)


def find_orgs(store, name: str) -> list[OrgMatch]:
    out = []
    for row in _by_key(store, "org:Organization", fold(name)):
        org = NamedNode(row["node"])
        b = {"org": org}
        kinds = [r["kind"] for r in store.select(
            "SELECT DISTINCT ?org ?kind WHERE { ?org a ?c . ?c rdfs:label ?kind FILTER(lang(?kind) = 'en') }", b)]
        alts = [r["alt"] for r in store.select("SELECT DISTINCT ?org ?alt WHERE { ?org skos:altLabel ?alt } ORDER BY ?alt", b)]
        up = store.select("SELECT ?org ?parent ?place WHERE { OPTIONAL { ?org org:subOrganizationOf/rdfs:label ?parent } "
                          "OPTIONAL { ?org party:jurisdiction/rdfs:label ?place } } LIMIT 1", b)
        units = [r["label"] for r in store.select(
            "SELECT DISTINCT ?org ?label WHERE { ?unit org:subOrganizationOf ?org ; rdfs:label ?label } ORDER BY ?label", b)]
        posts = store.select(
            "SELECT DISTINCT ?org ?post ?person WHERE { ?m org:organization ?org ; opengov:post/rdfs:label ?post ; "
            "org:member/foaf:name ?person } ORDER BY ?post ?person", b)
        docs = store.select(
            "SELECT DISTINCT ?org ?code ?date WHERE { ?d eli:passed_by ?org ; eli:id_local ?code "
            "OPTIONAL { ?d eli:date_document ?date } } ORDER BY ?date ?code", b)
        inspected = store.select(
            "SELECT DISTINCT ?org ?date ?target ?code WHERE { ?a party:inspector ?org ; party:target/rdfs:label ?target "
            "OPTIONAL { ?a schema:startDate ?date } OPTIONAL { ?a party:underDocument/eli:id_local ?code } } "
            "ORDER BY ?date ?target", b)
        parent = up[0]["parent"] if up else None
        place = up[0]["place"] if up else None
        out.append(OrgMatch(row["node"], row["label"], sorted(kinds), alts, parent, place, units,
                            posts, docs, inspected))
    return out


@dataclass
class DirectiveMatch:
    iri: str
    code: str
    type: str | None
    issuer: str | None
    date: str | None
    subjects: list[str]
    links: list[dict]          # {"relation", "direction": "out"|"in", "code"}
    activities: list[dict]

    def to_dict(self) -> dict:
        return asdict(self)


def _document_relations() -> tuple[dict[str, str], dict[str, set[str]]]:
    """The relations between documents (kg/schema.yaml, the one list kg
    writes them from): each relation's property -> its name, and for each
    relation the others it also states ("replaces" is written with
    eli:repeals too, so that queries on either find it)."""
    from kg.schema import schema    # here, not at the top: kg person stays light
    relations = schema().document_relations
    names = {entry.iri: entry.value for entry in relations}
    implied = {entry.value: {names[iri] for iri in entry.also} for entry in relations}
    return names, implied


def _document_links(store, doc: NamedNode) -> list[dict]:
    """Every link between ``doc`` and another document, both ways, each once:
    a link a relation implies is left out where the relation itself is shown."""
    names, implied = _document_relations()
    properties = " ".join(f"<{iri}>" for iri in names)   # the table's IRIs, never user text
    rows = store.select(
        "SELECT DISTINCT ?doc ?p ?direction ?code WHERE { VALUES ?p { " + properties + " } "
        "{ ?doc ?p ?other BIND('out' AS ?direction) } UNION { ?other ?p ?doc BIND('in' AS ?direction) } "
        "?other eli:id_local ?code }", {"doc": doc})
    links = {(names[r["p"]], r["direction"], r["code"]) for r in rows}
    shown = {link for link in links
             if not any((stronger, link[1], link[2]) in links
                        for stronger, also in implied.items() if link[0] in also)}
    return [{"doc": doc.value, "relation": relation, "direction": direction, "code": code}
            for relation, direction, code in sorted(shown, key=lambda link: (link[1], link[0], link[2]))]


def _documents_by_code(store, code: str) -> list[dict]:
    """Documents whose code is ``code`` in any case, accents and spacing;
    if none, those whose code matches it with its separators typed any way
    ("91-kh-btgtu" for 91-KH/BTGTU): party and state codes differ only
    there (91-KH/BTGTU, 91/KH-BTGTU), so both are listed if both exist."""
    key = code_key(code)
    exact = store.select("SELECT DISTINCT ?key ?doc ?code WHERE { ?doc skos:hiddenLabel ?key ; eli:id_local ?code } "
                         "ORDER BY ?doc", {"key": Literal(key)})
    bare = re.sub(r"[-_]", "", key)
    if exact or not bare:
        return exact
    return store.select("SELECT DISTINCT ?bare ?doc ?code WHERE { ?doc eli:id_local ?code ; skos:hiddenLabel ?key "
                        "FILTER(REPLACE(?key, '[-_]', '') = ?bare) } ORDER BY ?doc", {"bare": Literal(bare)})


def find_directives(store, code: str) -> list[DirectiveMatch]:
    out = []
    for row in _documents_by_code(store, code):
        b = {"doc": NamedNode(row["doc"])}
        info = store.select(
            "SELECT ?doc ?type ?issuer ?date WHERE { OPTIONAL { ?doc eli:type_document/skos:prefLabel ?type "
            "FILTER(lang(?type) = 'vi') } OPTIONAL { ?doc eli:passed_by/rdfs:label ?issuer } "
            "OPTIONAL { ?doc eli:date_document ?date } } LIMIT 1", b)[0]
        subjects = [r["s"] for r in store.select("SELECT DISTINCT ?doc ?s WHERE { ?doc dcterms:subject ?s }", b)]
        activities = store.select(
            "SELECT DISTINCT ?doc ?activity ?date ?inspector ?target ?leader WHERE { ?activity party:underDocument ?doc ; "
            "party:inspector/rdfs:label ?inspector ; party:target/rdfs:label ?target "
            "OPTIONAL { ?activity schema:startDate ?date } OPTIONAL { ?activity party:leader/foaf:name ?leader } } "
            "ORDER BY ?date ?target", b)
        out.append(DirectiveMatch(row["doc"], row["code"], info["type"], info["issuer"], info["date"],
                                  subjects, _document_links(store, b["doc"]), activities))
    return out


@dataclass
class Inspection:
    iri: str
    kind: str
    date: str | None
    inspector: str
    targets: list[str]
    leader: str | None
    document: str | None
    topic: str | None

    def to_dict(self) -> dict:
        return asdict(self)


def find_inspections(store, *, directive: str | None = None, inspector: str | None = None,
                     target: str | None = None, year: int | None = None) -> list[Inspection]:
    """Oversight activities matching every filter given. Each filter adds a
    fixed pattern to the query; the user's value is always a bound term."""
    from kg.schema import schema, sparql_values
    patterns, bindings = [], {}
    if directive:
        patterns.append("?activity party:underDocument/skos:hiddenLabel ?directiveKey .")
        bindings["directiveKey"] = Literal(code_key(directive))
    if inspector:
        patterns.append("?activity party:inspector/skos:hiddenLabel ?inspectorKey .")
        bindings["inspectorKey"] = Literal(fold(inspector))
    if target:
        patterns.append("?activity party:target ?t . { ?t skos:hiddenLabel ?targetKey } UNION "
                        "{ ?t party:jurisdiction/skos:hiddenLabel ?targetKey } .")
        bindings["targetKey"] = Literal(fold(target))
    if year is not None:
        patterns.append("?activity schema:startDate ?d . FILTER(YEAR(?d) = ?year)")
        from kg.vocab import XSD
        bindings["year"] = Literal(str(int(year)), datatype=XSD.integer)
    rows = store.select(
        "SELECT " + " ".join(f"?{name}" for name in bindings) +
        " ?activity ?kind ?date ?inspector ?target ?leader ?document ?topic WHERE { "
        + sparql_values(("class", "kind"), schema().activity_kinds) + " ?activity a ?class . "
        + " ".join(patterns) +
        " ?activity party:inspector/rdfs:label ?inspector ; party:target/rdfs:label ?target . "
        "OPTIONAL { ?activity schema:startDate ?date } OPTIONAL { ?activity party:leader/foaf:name ?leader } "
        "OPTIONAL { ?activity party:underDocument/eli:id_local ?document } "
        "OPTIONAL { ?activity party:topic ?topic } } ORDER BY ?date ?activity ?target", bindings)
    found: dict[str, Inspection] = {}
    for r in rows:
        item = found.setdefault(r["activity"], Inspection(
            r["activity"], r["kind"], r["date"], r["inspector"], [], r["leader"], r["document"], r["topic"]))
        if r["target"] not in item.targets:
            item.targets.append(r["target"])
    return list(found.values())


def stats(store) -> dict[str, int]:
    """How many things of each kind (kg/schema.yaml's entity kinds) the graph
    holds, and its size."""
    from kg.schema import schema    # here, not at the top: kg person stays light
    out = {}
    for kind in schema().entity_kinds:   # the schema's own IRIs, not user text
        rows = store.select(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a <{kind.iri}> }}")
        out[kind.counted] = int(rows[0]["n"])
    out["facts"] = int(store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"])
    out["named graphs"] = len(store.named_graphs())
    out["quads"] = len(store)
    return out


@dataclass
class SourceRow:
    iri: str
    kind: str | None
    title: str | None
    url: str | None
    published: str | None

    def to_dict(self) -> dict:
        return asdict(self)


def sources(store) -> list[SourceRow]:
    """Every source in the store, oldest first."""
    rows = store.select(
        # sources describe themselves among the facts
        "SELECT ?source ?kind ?title ?url ?published WHERE { ?source a party:Source "
        "OPTIONAL { ?source party:sourceKind ?kind } OPTIONAL { ?source rdfs:label ?title } "
        "OPTIONAL { ?source schema:url ?url } OPTIONAL { ?source dcterms:issued ?published } } "
        "ORDER BY ?published ?source")
    return [SourceRow(r["source"], r["kind"], r["title"], r["url"], r["published"]) for r in rows]
