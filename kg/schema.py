"""The domain schema (kg/schema.yaml), read once into typed entries.

Every part of kg that lists activity kinds, relations between documents,
kinds of body or levels of unit takes the list from here, so that adding
one is one entry in the YAML file. The entries keep the ontology terms as
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


@dataclass(frozen=True)
class Schema:
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


def _entries(section: dict) -> tuple[Entry, ...]:
    entries = []
    for value, fields in section.items():
        term = fields.get("class") or fields["property"]
        view = fields.get("view")
        entries.append(Entry(
            value=value, iri=expand(term), vi=fields["vi"], en=fields["en"],
            legend=fields.get("legend", fields["vi"]),
            also=tuple(expand(name) for name in fields.get("also", ())),
            view=View(view["shape"], view["colour"], int(view["size"]), view["glyph"]) if view else None,
            fallback=bool(fields.get("fallback", False))))
    return tuple(entries)


@cache
def schema() -> Schema:
    text = resources.files("kg").joinpath("schema.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return Schema(**{name: _entries(data[name]) for name in
                     ("activity_kinds", "document_relations", "body_kinds", "unit_levels")})


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
