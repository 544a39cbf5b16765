"""The record model: every fact Party KG knows, as typed records.

Sources (curated YAML, extracted articles, the synthetic generator) produce
these records; ``kg.identity`` gives them IRIs; ``kg.rdf`` turns them into
triples. Nothing downstream of a source passes dicts around.

Records refer to one another by *name*, the way a person writing YAML or an
article does ("Ban Tuyên giáo Tỉnh ủy Bắc Kạn", "91-KH/BTGTU"); names are
resolved to IRIs in one place, ``kg.identity``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import Union

from kg.schema import Entry, schema


def _kinds(name: str, entries: tuple[Entry, ...], doc: str) -> type[Enum]:
    """An enum of the schema's values (kg/schema.yaml): ``INSPECTION = "inspection"``."""
    kinds = Enum(name, [(entry.value.upper(), entry.value) for entry in entries], type=str, module=__name__)
    kinds.__doc__ = doc
    return kinds

# A date as precise as the source gives it: a day, a month (year, month) or a year.
PartialDate = Union[dt.date, "YearMonth", int]


@dataclass(frozen=True, order=True)
class YearMonth:
    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def format_date(value: PartialDate | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, YearMonth):
        return str(value)
    return f"{value:04d}"


def parse_partial_date(text: str) -> PartialDate:
    """``2022-11-25`` -> date; ``2022-11`` -> YearMonth; ``2022`` -> 2022."""
    text = str(text).strip()
    parts = text.split("-")
    if len(parts) == 3:
        return dt.date.fromisoformat(text)
    if len(parts) == 2 and len(parts[0]) == 4:
        year, month = int(parts[0]), int(parts[1])
        if not 1 <= month <= 12:
            raise ValueError(f"month out of range in {text!r}")
        return YearMonth(year, month)
    if len(parts) == 1 and len(text) == 4 and text.isdigit():
        return int(text)
    raise ValueError(f"not a date (YYYY-MM-DD, YYYY-MM or YYYY): {text!r}")


# --- provenance -------------------------------------------------------------

class SourceKind(str, Enum):
    ARTICLE = "article"
    CURATED = "curated"
    RDF = "rdf"


@dataclass(frozen=True)
class Source:
    """An article or a data file that facts were loaded from.

    ``key`` identifies it (a URL, or a path-independent name for curated
    files); its IRI, and so the name of its graph, is derived from the key.
    """
    key: str
    kind: SourceKind
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    path: str | None = None


@dataclass(frozen=True)
class Evidence:
    """Where a fact comes from: the sentence that states it and its span."""
    source: str                      # Source.key
    sentence: str | None = None
    start: int | None = None         # character offsets of the sentence
    end: int | None = None           # in the source's normalised text


# --- places and bodies ------------------------------------------------------

UnitLevel = _kinds("UnitLevel", schema().unit_levels, "Levels of administrative unit.")


@dataclass
class Place:
    """An administrative unit. ``name`` is written with its type word:
    "phường Sông Cầu", "thành phố Bắc Kạn", "tỉnh Bắc Kạn".

    ``era`` says which map the unit belongs to ("pre2025" for the units before
    the 1 July 2025 reform, "2025" after it): codes were reused in 2025, so the
    era is part of the unit's identity.
    """
    name: str
    unit_type: str                   # tỉnh, thành phố, huyện, quận, thị xã, xã, phường, thị trấn, đặc khu
    level: UnitLevel
    parent: str | None = None        # Place.name of the unit one level up
    code: str | None = None          # statistics-office (GSO) code
    era: str | None = None
    valid_from: PartialDate | None = None
    valid_through: PartialDate | None = None
    successors: list[str] = field(default_factory=list)   # Place.name of the units that took it over
    evidence: list[Evidence] = field(default_factory=list)


OrgKind = _kinds("OrgKind", schema().body_kinds, "Kinds of body, each a class of the ontology.")


@dataclass
class Organisation:
    """A body, by its canonical name qualified with its place:
    "Ban Tuyên giáo Tỉnh ủy Bắc Kạn", "Ủy ban nhân dân xã Đàm Thủy"."""
    name: str
    kind: OrgKind = OrgKind.ORGANISATION
    parent: str | None = None        # Organisation.name it belongs to
    jurisdiction: str | None = None  # Place.name it governs or serves
    alt_labels: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    # A body the source names without its place ("Tỉnh ủy" in an excerpt that
    # never names its province) is that source's own: the key of the source,
    # so that two provinces' "Tỉnh ủy" never become one body.
    scope: str | None = None


# --- people and posts -------------------------------------------------------

@dataclass
class Official:
    """A person named in a source.

    ``context`` is the province (a Place name) the person is known in; two
    officials with the same name but different contexts are kept apart.
    ``key`` (curated only) tells apart two same-named people of one province
    ("hung-1970"); it becomes part of the person's IRI (docs/identity.md).
    """
    name: str
    context: str | None = None
    honorifics: list[str] = field(default_factory=list)   # Đại tá, TS., ThS. …
    evidence: list[Evidence] = field(default_factory=list)
    key: str | None = None


@dataclass
class Membership:
    """One holding of a post: ``person`` holds ``role`` in ``organisation``.

    The post's label is the role's Vietnamese label followed by the
    organisation's name ("Trưởng" + "Ban Tuyên giáo Tỉnh ủy Bắc Kạn").
    """
    person: str                      # Official.name
    role: str                        # key of the role table (kg/tables/roles.csv)
    organisation: str                # Organisation.name
    person_context: str | None = None
    valid_from: PartialDate | None = None
    valid_through: PartialDate | None = None
    attested_on: dt.date | None = None
    evidence: list[Evidence] = field(default_factory=list)
    person_key: str | None = None    # Official.key


# --- documents --------------------------------------------------------------

Relation = _kinds("Relation", schema().document_relations, "Links between documents.")


@dataclass
class Document:
    """A party or state document, by its canonical code ("91-KH/BTGTU").

    ``doc_type`` is a key of the document-type table ("KH"); ``scope`` is the
    place whose bodies issued it, for codes that recur in every province
    (``29-NQ/TU``); it is part of the document's identity.
    """
    code: str
    doc_type: str | None = None
    issuer: str | None = None        # Organisation.name
    date: dt.date | None = None
    subject: str | None = None
    scope: str | None = None         # Place.name
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class DocumentLink:
    source_code: str
    relation: Relation
    target_code: str
    source_scope: str | None = None
    target_scope: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


# --- oversight --------------------------------------------------------------

ActivityKind = _kinds("ActivityKind", schema().activity_kinds,
                     "Kinds of oversight: inspection, supervision, working session.")


@dataclass
class Activity:
    """An inspection, supervision or working session that took place.

    Targets are names of places or organisations (or of a person, when an
    individual party member is the subject).

    ``iri`` is the activity's IRI when ``kg.merge`` has resolved it (the IRI
    of the event other sources already reported, or a new one); when unset,
    the IRI is a function of this report alone (``identity.activity_iri``).
    """
    kind: ActivityKind
    inspector: str                   # Organisation.name
    targets: list[str] = field(default_factory=list)
    delegation: str | None = None    # Organisation.name of the delegation
    leader: str | None = None        # Official.name
    leader_context: str | None = None
    document: str | None = None      # Document.code it carries out
    document_scope: str | None = None
    date: dt.date | None = None
    end_date: dt.date | None = None
    topic: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    leader_key: str | None = None    # Official.key of the leader
    iri: str | None = None           # set by kg.merge.resolve_activities


# --- identity statements (curated) -------------------------------------------

# A person named in an identity statement: (name, context) or (name, context, key).
PersonRef = Union[tuple[str, Union[str, None]], tuple[str, Union[str, None], Union[str, None]]]


@dataclass
class SameAs:
    """Curated: these names (with optional contexts and keys) are one person."""
    names: list[PersonRef]
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class DifferentFrom:
    """Curated: these same-named people are different persons."""
    names: list[PersonRef]
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class ActivityRef:
    """Curated: which reported activity a rule is about. Kind, inspector and
    day are required; every other field given narrows it (the leader, a
    delegation, targets the activity includes, the source that reports it)."""
    kind: ActivityKind
    inspector: str                   # Organisation.name (a delegation resolves to its body)
    date: dt.date
    leader: str | None = None
    leader_context: str | None = None
    leader_key: str | None = None
    delegation: str | None = None
    targets: list[str] = field(default_factory=list)
    document: str | None = None
    source: str | None = None        # Source.key of the report


@dataclass
class SameActivity:
    """Curated: the reports these references match are one activity, whatever
    the matching rules say (kg.merge)."""
    refs: list[ActivityRef]
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class DifferentActivities:
    """Curated: reports matching different references are different
    activities, even where the matching rules would merge them (kg.merge)."""
    refs: list[ActivityRef]
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Records:
    """Everything one source says."""
    source: Source
    places: list[Place] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    document_links: list[DocumentLink] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    same_as: list[SameAs] = field(default_factory=list)
    different_from: list[DifferentFrom] = field(default_factory=list)
    same_activity: list[SameActivity] = field(default_factory=list)
    different_activities: list[DifferentActivities] = field(default_factory=list)

    def __len__(self) -> int:
        return sum(len(x) for x in (
            self.places, self.organisations, self.officials, self.memberships,
            self.documents, self.document_links, self.activities))
