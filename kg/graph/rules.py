"""What the projection draws: its node and edge kinds, the things it reads
from the store, and the rules that make each edge, written once.

Both projections apply these rules: ``project`` to the things it reads
(kg.graph.reading), ``project_best_connected`` to count every node's edges
in SPARQL aggregates derived from the same rules (kg.graph.projection).
Adding an edge kind is one ``EdgeRule`` (and, for a property not read yet,
one field of its ``Reading``).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from kg.schema import entity_kind

# Node kinds: the schema's entity kinds that the projection draws.
ORGANISATION, PLACE, OFFICIAL, DOCUMENT = (entity_kind(kind).node for kind in ("body", "unit", "official", "document"))

# Edge kinds.
E_INSPECTS = "inspects"          # inspecting body -> target, one per activity and target
E_LED = "led"                    # leader -> target, one per activity and target
E_HOLDS = "holds"                # official -> body, the post as label
E_ISSUED = "issued"              # issuing body -> document
E_DOC_LINK = "document_link"     # document -> document (continues, implements, ...): one per relation
                                 # of kg/schema.yaml, read by kg.graph.reading.doc_links
E_SUB_ORG = "sub_organisation"   # parent body -> body it contains
E_CONTAINS = "contains"          # parent unit -> unit inside it
E_JURISDICTION = "jurisdiction"  # body -> the unit it governs or serves


@dataclass(frozen=True, eq=False)
class Reading:
    """One kind of thing the projection reads: its class, and the property
    each field is read from (CURIEs). A field in ``many`` keeps every value,
    any other its first (the smallest), so that an edge from it is drawn
    once; a thing without a ``required`` field is not drawn."""
    cls: str
    props: Mapping[str, str]
    many: frozenset[str] = frozenset()
    required: tuple[str, ...] = ()


ACTIVITIES = Reading("party:OversightActivity", {
    "type": "rdf:type", "inspector": "party:inspector", "target": "party:target", "date": "schema:startDate",
    "document": "party:underDocument", "leader": "party:leader", "topic": "party:topic",
    "evidence": "party:evidence", "source": "prov:wasDerivedFrom"},
    many=frozenset({"type", "target", "evidence", "source"}), required=("inspector",))
MEMBERSHIPS = Reading("org:Membership", {
    "person": "org:member", "post": "opengov:post", "org": "org:organization",
    "valid_from": "schema:validFrom", "valid_through": "schema:validThrough", "attested_on": "party:attestedOn",
    "evidence": "party:evidence", "source": "prov:wasDerivedFrom"},
    many=frozenset({"evidence", "source"}), required=("person", "org", "post"))
BODIES = Reading("org:Organization", {
    "type": "rdf:type", "label": "rdfs:label", "parent": "org:subOrganizationOf",
    "jurisdiction": "party:jurisdiction"}, many=frozenset({"type"}))
UNITS = Reading("party:AdministrativeUnit", {
    "type": "rdf:type", "label": "rdfs:label", "unit_type": "party:unitType", "parent": "schema:containedInPlace",
    "code": "skos:notation", "era": "party:era", "valid_from": "schema:validFrom",
    "valid_through": "schema:validThrough"}, many=frozenset({"type"}))
OFFICIALS = Reading("party:Official", {"label": "rdfs:label", "honorific": "schema:honorificPrefix"},
                    many=frozenset({"honorific"}))
DOCUMENTS = Reading("eli:LegalResource", {
    "code": "eli:id_local", "label": "rdfs:label", "issuer": "eli:passed_by", "date": "eli:date_document",
    "subject": "dcterms:subject", "evidence": "party:evidence", "source": "prov:wasDerivedFrom"},
    many=frozenset({"evidence", "source"}), required=("code",))
POSTS = Reading("org:Post", {"label": "rdfs:label"})
SOURCES = Reading("party:Source", {"url": "schema:url", "title": "dcterms:title"})

# What each thing the store describes is drawn as. The unfiltered view draws
# every body, official and document even without an edge (and each
# activity's document), a unit only when something reaches it.
NODE_KINDS = {BODIES: ORGANISATION, UNITS: PLACE, OFFICIALS: OFFICIAL, DOCUMENTS: DOCUMENT}
DRAWN_ALONE = (BODIES, OFFICIALS, DOCUMENTS)

SELF = "self"   # an edge end that is the thing itself rather than one of its fields


@dataclass(frozen=True)
class EdgeRule:
    """An edge of ``kind`` from each ``tail`` value of a thing of ``reading``
    to each of its ``head`` values (or, when it has none, its ``fallback``)."""
    kind: str
    reading: Reading
    tail: str
    head: str
    fallback: str | None = None

    def ends(self, iri: str, thing: Mapping) -> list[tuple[str, str]]:
        """The edges this rule draws for ``thing`` (a record as kg.graph.reading shapes it)."""
        def values(name: str | None) -> list[str]:
            if name is None:
                return []
            if name == SELF:
                return [iri]
            value = thing.get(name)
            return list(value or ()) if name in self.reading.many else [value] if value else []

        heads = values(self.head) or values(self.fallback)
        return [(a, b) for a in values(self.tail) for b in heads]


EDGE_RULES = (
    EdgeRule(E_INSPECTS, ACTIVITIES, "inspector", "target"),
    # an activity without targets is led at its inspector
    EdgeRule(E_LED, ACTIVITIES, "leader", "target", fallback="inspector"),
    EdgeRule(E_HOLDS, MEMBERSHIPS, "person", "org"),
    EdgeRule(E_ISSUED, DOCUMENTS, "issuer", SELF),
    EdgeRule(E_SUB_ORG, BODIES, "parent", SELF),
    EdgeRule(E_JURISDICTION, BODIES, SELF, "jurisdiction"),
    EdgeRule(E_CONTAINS, UNITS, "parent", SELF),
)

# When each thing's rules are drawn: every activity and membership the
# projection selects draws its edges; then every document drawn so far
# (document_edges); then every body and unit drawn, and every body and unit
# that draws above it, up to the top (structure_edges).
SELECTED = (ACTIVITIES, MEMBERSHIPS)
STRUCTURE = (BODIES, UNITS)


def rules_of(reading: Reading) -> list[EdgeRule]:
    return [rule for rule in EDGE_RULES if rule.reading is reading]


Drawn = tuple[str, str, str, dict]   # (edge kind, from, to, edge attributes)


def document_edges(documents: Iterable[str], described: Mapping[str, Mapping],
                   links_of: Mapping[str, list[tuple[str, str, str]]]) -> Iterator[Drawn]:
    """The edges of each of ``documents`` (``described`` holds those the
    store describes): its own rules, then its links, each link once."""
    done: set[tuple[str, str, str]] = set()
    for iri in documents:
        if iri in described:
            for rule in rules_of(DOCUMENTS):
                for a, b in rule.ends(iri, described[iri]):
                    yield rule.kind, a, b, {}
        for link in links_of.get(iri, []):
            if link not in done:
                done.add(link)
                yield E_DOC_LINK, link[0], link[2], {"relation": link[1]}


def structure_edges(nodes: Iterable[str], things: Mapping[Reading, Mapping[str, Mapping]]) -> Iterator[Drawn]:
    """The edges of every body and unit among ``nodes`` (``things`` holds
    each reading's things by IRI), and of every body and unit those edges
    reach, up to the top: bodies first, so that the units they serve are
    drawn with what contains them."""
    order = list(dict.fromkeys(nodes))
    drawn = set(order)
    for reading in STRUCTURE:
        of = things[reading]
        pending, seen = [n for n in order if n in of], set()
        while pending:
            iri = pending.pop()
            if iri in seen:
                continue
            seen.add(iri)
            for rule in rules_of(reading):
                for a, b in rule.ends(iri, of[iri]):
                    yield rule.kind, a, b, {}
                    for end in (a, b):
                        if end not in drawn:
                            drawn.add(end)
                            order.append(end)
                        if end in of:
                            pending.append(end)
