"""Records to RDF: the one place where the record model meets the core terms.

``records_to_triples(records)`` gives the triples of one source; the loader
puts them into the source's named graph. Names that records use to refer to
one another are resolved here, against the records of the same source: a
place, an organisation or a person named but not described becomes a bare
node with its label. An activity's IRI is the one ``kg.merge`` resolved
(``Activity.iri``: the event other sources already reported), else that of
its own details.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from pyoxigraph import Literal, NamedNode, Triple

from kg import identity, tables
from kg.model import (
    Activity, ActivityKind, Document, DocumentLink, Evidence, Membership, Official,
    Organisation, OrgKind, PartialDate, Place, Records, Relation, Source, UnitLevel, YearMonth,
)
from kg.schema import schema
from kg.text import fold
from kg.vocab import (
    DCTERMS, ELI, FOAF, OPENGOV, ORG, OWL, PARTY, PROV, RDF, RDFS, SCHEMA, SKOS, XSD,
)

A = RDF.type

# The ontology terms of the schema's kinds (kg/schema.yaml), keyed by the model's values.
ORG_CLASSES = {OrgKind(e.value): NamedNode(e.iri) for e in schema().body_kinds}
LEVEL_CLASSES = {UnitLevel(e.value): NamedNode(e.iri) for e in schema().unit_levels}
ACTIVITY_CLASSES = {ActivityKind(e.value): NamedNode(e.iri) for e in schema().activity_kinds}
ACTIVITY_WORDS = {ActivityKind(e.value): e.vi for e in schema().activity_kinds}
# each relation's own property first, then those it also is ("thay thế" is
# party:replaces, a sub-property of eli:repeals: both are written so that
# queries on either find it)
RELATION_PROPERTIES = {Relation(e.value): tuple(NamedNode(iri) for iri in (e.iri, *e.also))
                       for e in schema().document_relations}


def vi(text: str) -> Literal:
    return Literal(text, language="vi")


def date_literal(value: PartialDate) -> Literal:
    if isinstance(value, dt.date):
        return Literal(value.isoformat(), datatype=XSD.date)
    if isinstance(value, YearMonth):
        return Literal(str(value), datatype=XSD.gYearMonth)
    return Literal(f"{value:04d}", datatype=XSD.gYear)


def role_concept(key: str) -> NamedNode:
    return NamedNode(identity.concept_iri("role", key))


def doc_type_concept(key: str) -> NamedNode:
    return NamedNode(identity.concept_iri("document-type", key))


def post_label(role_key: str, organisation: str) -> str:
    role = tables.roles().get(role_key)
    return f"{role.vi if role else role_key} {organisation}"


def unit_type_of(name: str) -> tables.UnitType | None:
    """The unit type a place name starts with, longest word first, so that
    "thị xã Vĩnh Châu" is a thị xã and not a xã."""
    folded = fold(name)
    for unit_type in sorted(tables.unit_types().values(), key=lambda t: -len(t.vi)):
        word = fold(unit_type.vi) + " "
        # "Huyện ủy Ba Bể" is a committee, not a huyện
        if folded.startswith(word) and not folded[len(word):].startswith("uy "):
            return unit_type
    return None


def document_number(code: str) -> str | None:
    match = re.match(r"\s*(\d+)", code)
    return match.group(1) if match else None


class _Resolver:
    """Turns the names one source uses into IRIs, and makes a bare node for
    a name that the source mentions without describing it."""

    def __init__(self, records: Records):
        self.places = {fold(p.name): p for p in records.places}
        self.orgs = {fold(o.name): o for o in records.organisations}
        self.org_scopes = {fold(o.name): o.scope for o in records.organisations if o.scope}
        self.people_by_name = {fold(p.name): p for p in records.officials}
        self.extra: list[Triple] = []
        self._bare: set[str] = set()
        self._typed: set[str] = set()
        self.posts_described: set[str] = set()

    def place(self, name: str) -> NamedNode:
        place = self.places.get(fold(name))
        if place is None:
            return self._bare_place(name)
        return NamedNode(identity.place_iri(place.name, place.era, place.code, place.parent))

    def _bare_place(self, name: str) -> NamedNode:
        """A unit named but not described: typed by its leading unit word
        ("huyện Ba Bể" is a district), so that it is still a well-formed unit."""
        node = self._bare_node(identity.place_iri(name, None), name, PARTY.AdministrativeUnit)
        unit_type = unit_type_of(name)
        if unit_type is not None and node.value not in self._typed:
            self._typed.add(node.value)
            self.extra.append(Triple(node, PARTY.unitType, Literal(unit_type.vi)))
            if unit_type.level:
                self.extra.append(Triple(node, A, LEVEL_CLASSES[UnitLevel(unit_type.level)]))
        return node

    def org_scope(self, name: str) -> str | None:
        return self.org_scopes.get(fold(name))

    def org_iri(self, name: str) -> str:
        """The IRI of a body this source names (scoped to the source when it
        names it without its place)."""
        return identity.org_iri(name, self.org_scope(name))

    def org(self, name: str) -> NamedNode:
        node = NamedNode(self.org_iri(name))
        if fold(name) not in self.orgs:
            self._bare_node(node.value, name, ORG.Organization)
        return node

    def person(self, name: str, context: str | None, key: str | None = None) -> NamedNode:
        return NamedNode(identity.person_iri(name, context, key))

    def target(self, name: str) -> NamedNode:
        """A target is a place, a body, or an individual party member; a name
        described by none of them is a place when it starts with a unit word."""
        key = fold(name)
        if key in self.places:
            return self.place(name)
        if key in self.orgs:
            return self.org(name)
        if key in self.people_by_name:
            person = self.people_by_name[key]
            return self.person(person.name, person.context, person.key)
        if unit_type_of(name) is not None:
            return self._bare_place(name)
        return self.org(name)

    def _bare_node(self, iri: str, label: str, cls: NamedNode) -> NamedNode:
        node = NamedNode(iri)
        if iri not in self._bare:
            self._bare.add(iri)
            self.extra += [Triple(node, A, cls), Triple(node, RDFS.label, vi(label)),
                           Triple(node, SKOS.hiddenLabel, Literal(fold(label)))]
        return node


def records_to_triples(records: Records) -> list[Triple]:
    """All triples that one source's records state."""
    resolver = _Resolver(records)
    source = NamedNode(identity.source_iri(records.source.key))
    out: list[Triple] = list(_source(records.source, source))
    for place in records.places:
        out += _place(place, resolver)
    for org in records.organisations:
        out += _organisation(org, resolver)
    for person in records.officials:
        out += _official(person)
    for membership in records.memberships:
        out += _membership(membership, resolver, source)
    for doc in records.documents:
        out += _document(doc, resolver, source)
    for link in records.document_links:
        out += _document_link(link)
    for activity in records.activities:
        out += _activity(activity, resolver, source, records.source.key)
    for same in records.same_as:
        nodes = [resolver.person(*ref) for ref in same.names]
        out += [Triple(nodes[0], OWL.sameAs, other) for other in nodes[1:]]
    for different in records.different_from:
        nodes = [resolver.person(*ref) for ref in different.names]
        out += [Triple(a, OWL.differentFrom, b) for i, a in enumerate(nodes) for b in nodes[i + 1:]]
    return out + resolver.extra


def _evidence(node: NamedNode, evidence: list[Evidence], source: NamedNode) -> Iterator[Triple]:
    yield Triple(node, PROV.wasDerivedFrom, source)
    for ev in evidence:
        if ev.sentence:
            yield Triple(node, PARTY.evidence, vi(ev.sentence))


def _source(src: Source, node: NamedNode) -> Iterator[Triple]:
    yield Triple(node, A, PARTY.Source)
    yield Triple(node, PARTY.sourceKind, Literal(src.kind.value))
    yield Triple(node, RDFS.label, vi(src.title or src.key))
    if src.title:
        yield Triple(node, DCTERMS.title, vi(src.title))
    if src.url:
        yield Triple(node, SCHEMA.url, Literal(src.url, datatype=XSD.anyURI))
    if src.published:
        yield Triple(node, DCTERMS.issued, date_literal(src.published))


def _place(place: Place, r: _Resolver) -> Iterator[Triple]:
    node = r.place(place.name)
    yield Triple(node, A, PARTY.AdministrativeUnit)
    yield Triple(node, A, LEVEL_CLASSES[place.level])
    yield Triple(node, RDFS.label, vi(place.name))
    yield Triple(node, SKOS.hiddenLabel, Literal(fold(place.name)))
    # the bare name as well ("Bắc Kạn"), which may be shared by several units
    if fold(place.name).startswith(fold(place.unit_type) + " "):
        yield Triple(node, SKOS.hiddenLabel, Literal(fold(place.name)[len(fold(place.unit_type)) + 1:]))
    yield Triple(node, PARTY.unitType, Literal(place.unit_type))
    if place.parent:
        yield Triple(node, SCHEMA.containedInPlace, r.place(place.parent))
    if place.code:
        yield Triple(node, SKOS.notation, Literal(place.code))
    if place.era:
        yield Triple(node, PARTY.era, Literal(place.era))
    if place.valid_from is not None:
        yield Triple(node, SCHEMA.validFrom, date_literal(place.valid_from))
    if place.valid_through is not None:
        yield Triple(node, SCHEMA.validThrough, date_literal(place.valid_through))
    for successor in place.successors:
        yield Triple(node, PARTY.succeededBy, r.place(successor))


def _organisation(org: Organisation, r: _Resolver) -> Iterator[Triple]:
    node = r.org(org.name)
    yield Triple(node, A, ORG.Organization)
    yield Triple(node, A, ORG_CLASSES[org.kind])
    yield Triple(node, RDFS.label, vi(org.name))
    yield Triple(node, SKOS.hiddenLabel, Literal(fold(org.name)))
    for alt in org.alt_labels:
        yield Triple(node, SKOS.altLabel, vi(alt))
        yield Triple(node, SKOS.hiddenLabel, Literal(fold(alt)))
    if org.parent:
        yield Triple(node, ORG.subOrganizationOf, r.org(org.parent))
    if org.jurisdiction:
        yield Triple(node, PARTY.jurisdiction, r.place(org.jurisdiction))


def _official(person: Official) -> Iterator[Triple]:
    node = NamedNode(identity.person_iri(person.name, person.context, person.key))
    yield Triple(node, A, PARTY.Official)
    yield Triple(node, A, FOAF.Person)
    yield Triple(node, FOAF.name, vi(person.name))
    yield Triple(node, RDFS.label, vi(person.name))
    yield Triple(node, SKOS.hiddenLabel, Literal(fold(person.name)))
    for prefix in person.honorifics:
        yield Triple(node, SCHEMA.honorificPrefix, vi(prefix))


def _membership(m: Membership, r: _Resolver, source: NamedNode) -> Iterator[Triple]:
    person = r.person(m.person, m.person_context, m.person_key)
    org = r.org(m.organisation)
    scope = r.org_scope(m.organisation)
    post = NamedNode(identity.post_iri(m.role, m.organisation, scope))
    node = NamedNode(identity.membership_iri(m.person, m.person_context, m.role, m.organisation, m.person_key,
                                             scope))
    if post.value not in r.posts_described:   # a post held by several people is described once
        r.posts_described.add(post.value)
        label = post_label(m.role, m.organisation)
        yield Triple(post, A, ORG.Post)
        yield Triple(post, RDFS.label, vi(label))
        yield Triple(post, SKOS.hiddenLabel, Literal(fold(label)))
        yield Triple(post, ORG.postIn, org)
        yield Triple(post, ORG.role, role_concept(m.role))
    yield Triple(person, ORG.holds, post)
    yield Triple(node, A, ORG.Membership)
    yield Triple(node, ORG.member, person)
    yield Triple(node, OPENGOV.post, post)
    yield Triple(node, ORG.organization, org)
    if m.valid_from is not None:
        yield Triple(node, SCHEMA.validFrom, date_literal(m.valid_from))
    if m.valid_through is not None:
        yield Triple(node, SCHEMA.validThrough, date_literal(m.valid_through))
    if m.attested_on is not None:
        yield Triple(node, PARTY.attestedOn, date_literal(m.attested_on))
    yield from _evidence(node, m.evidence, source)


def _document(doc: Document, r: _Resolver, source: NamedNode) -> Iterator[Triple]:
    node = NamedNode(identity.document_iri(doc.code, doc.scope))
    doc_type = tables.document_types().get(doc.doc_type or "")
    yield Triple(node, A, ELI.LegalResource)
    yield Triple(node, ELI.id_local, Literal(doc.code))
    yield Triple(node, SKOS.hiddenLabel, Literal(identity.code_key(doc.code)))
    label = f"{doc_type.vi} {doc.code}" if doc_type else doc.code
    yield Triple(node, RDFS.label, vi(label))
    number = document_number(doc.code)
    if number:
        yield Triple(node, ELI.number, Literal(number))
    if doc_type:
        yield Triple(node, ELI.type_document, doc_type_concept(doc_type.key))
    if doc.issuer:
        yield Triple(node, ELI.passed_by, r.org(doc.issuer))
    if doc.date:
        yield Triple(node, ELI.date_document, date_literal(doc.date))
    if doc.subject:
        yield Triple(node, DCTERMS.subject, vi(doc.subject))
    if doc.scope:
        yield Triple(node, PARTY.scope, r.place(doc.scope))
    yield from _evidence(node, doc.evidence, source)


def _document_link(link: DocumentLink) -> Iterator[Triple]:
    a = NamedNode(identity.document_iri(link.source_code, link.source_scope))
    b = NamedNode(identity.document_iri(link.target_code, link.target_scope))
    for prop in RELATION_PROPERTIES[link.relation]:
        yield Triple(a, prop, b)


def _activity(act: Activity, r: _Resolver, source: NamedNode, source_key: str) -> Iterator[Triple]:
    date = act.date.isoformat() if act.date else None
    # kg.merge sets act.iri when other sources report the same event
    node = NamedNode(act.iri or identity.activity_iri(act.kind.value, act.inspector, date, act.leader,
                                                      act.targets, source_key))
    inspector = r.org(act.inspector)
    yield Triple(node, A, PARTY.OversightActivity)
    yield Triple(node, A, ACTIVITY_CLASSES[act.kind])
    yield Triple(node, A, PROV.Activity)
    yield Triple(node, A, SCHEMA.Event)
    label = f"{ACTIVITY_WORDS[act.kind]}: {act.inspector}" + (f", {date}" if date else "")
    yield Triple(node, RDFS.label, vi(label))
    yield Triple(node, PARTY.inspector, inspector)
    if act.delegation:
        yield Triple(node, PARTY.delegation, r.org(act.delegation))
    if act.leader:
        yield Triple(node, PARTY.leader, r.person(act.leader, act.leader_context, act.leader_key))
    for target in act.targets:
        target_node = r.target(target)
        yield Triple(node, PARTY.target, target_node)
        yield Triple(inspector, PARTY.inspects, target_node)
    if act.document:
        yield Triple(node, PARTY.underDocument,
                     NamedNode(identity.document_iri(act.document, act.document_scope)))
    if act.date:
        yield Triple(node, SCHEMA.startDate, date_literal(act.date))
    if act.end_date:
        yield Triple(node, SCHEMA.endDate, date_literal(act.end_date))
    if act.topic:
        yield Triple(node, PARTY.topic, vi(act.topic))
    yield from _evidence(node, act.evidence, source)
