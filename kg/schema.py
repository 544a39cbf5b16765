"""The domain schema (kg/schema.yaml), read once into typed entries.

Every part of kg that lists kinds of entity, activity kinds, relations
between documents (with the phrases that state them), kinds of body or
levels of unit takes the list from here, so that adding one is one entry in
the YAML file. The entries keep the ontology terms as
full IRIs (strings); modules that write RDF make them terms.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from kg.vocab import PREFIXES


@dataclass(frozen=True)
class View:
    """How the interactive view draws a node kind."""
    shape: str
    colour: str
    size: int
    glyph: str
    glyph_colour: str             # the legend glyph's colour: the node's unless a pale box needs darker


@dataclass(frozen=True)
class Entry:
    """One kind: its model value, ontology term, labels and view style."""
    value: str                    # the record model's value ("inspection")
    iri: str                      # its class or property
    vi: str
    en: str
    legend: str                   # the view legend's Vietnamese label
    also: tuple[str, ...] = ()    # further properties written with it
    view: View | None = None
    fallback: bool = False        # the activity kind nothing more specific was said of
    phrases: tuple[str, ...] = () # a document relation's cue phrases, as written
    node: str | None = None       # an entity kind's node kind in the graph and the view
    kinds: tuple[Entry, ...] = () # an entity kind's own kinds (a body's, a unit's), most specific first
    counted: str | None = None    # an entity kind's name in `kg stats`


@dataclass(frozen=True)
class Schema:
    entity_kinds: tuple[Entry, ...]      # in order of precedence
    activity_kinds: tuple[Entry, ...]
    document_relations: tuple[Entry, ...]
    body_kinds: tuple[Entry, ...]
    unit_levels: tuple[Entry, ...]


def expand(name: str) -> str:
    """A prefixed name of the schema file as a full IRI."""
    prefix, _, local = name.partition(":")
    if prefix not in PREFIXES:
        raise ValueError(f"kg/schema.yaml: unknown prefix in {name!r}")
    return PREFIXES[prefix] + local


SECTIONS = ("activity_kinds", "document_relations", "body_kinds", "unit_levels")


def _entries(section: dict, sections: dict[str, tuple[Entry, ...]] | None = None) -> tuple[Entry, ...]:
    entries = []
    for value, fields in section.items():
        term = fields.get("class") or fields["property"]
        view = fields.get("view")
        entries.append(Entry(
            value=value, iri=expand(term), vi=fields["vi"], en=fields["en"],
            legend=fields.get("legend", fields["vi"]),
            also=tuple(expand(name) for name in fields.get("also", ())),
            view=View(view["shape"], view["colour"], int(view["size"]), view["glyph"],
                      view.get("glyph_colour", view["colour"])) if view else None,
            fallback=bool(fields.get("fallback", False)),
            phrases=tuple(fields.get("phrases", ())),
            node=fields.get("node"),
            kinds=sections[fields["kinds"]] if "kinds" in fields else (),
            counted=fields.get("counted")))
    return tuple(entries)


def parse(text: str) -> Schema:
    """The schema in ``text`` (the YAML of kg/schema.yaml)."""
    data = yaml.safe_load(text)
    sections = {name: _entries(data[name]) for name in SECTIONS}
    return Schema(entity_kinds=_entries(data["entity_kinds"], sections), **sections)


@cache
def schema() -> Schema:
    return parse(resources.files("kg").joinpath("schema.yaml").read_text(encoding="utf-8"))


def entity_kind(value: str) -> Entry:
    """The entity kind ``value`` ("official", "document")."""
    return next(entry for entry in schema().entity_kinds if entry.value == value)


def relation_phrases() -> list[tuple[str, str]]:
    """(phrase, relation) for every cue phrase of every document relation,
    in the schema's order."""
    return [(phrase, entry.value) for entry in schema().document_relations for phrase in entry.phrases]


def specific_body_kinds() -> tuple[Entry, ...]:
    """The body kinds with a class of their own: every body has the body
    entity kind's class (org:Organization), so that class says no more."""
    generic = entity_kind("body").iri
    return tuple(e for e in schema().body_kinds if e.iri != generic)


@cache
def specific_activity_kinds() -> frozenset[str]:
    """The activity kinds that say more than the fallback ("inspection",
    "supervision" against a working session)."""
    return frozenset(e.value for e in schema().activity_kinds if not e.fallback)


@cache
def fallback_activity_kind() -> str:
    return next(e.value for e in schema().activity_kinds if e.fallback)


def sparql_values(variables: tuple[str, str], entries: tuple[Entry, ...]) -> str:
    """``VALUES (?class ?kind) { (<iri> "value") … }`` for a query: the
    schema's own terms and values, never user text."""
    rows = " ".join(f'(<{entry.iri}> "{entry.value}")' for entry in entries)
    return f"VALUES (?{variables[0]} ?{variables[1]}) {{ {rows} }}"
