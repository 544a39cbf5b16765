"""The domain tables, kept as CSV files in ``kg/tables/`` (one readable table
each), loaded once into small typed rows.

Edit the CSV, not the code: ``ontology/build_schemes.py`` turns the
document-type, role and unit-type tables into the SKOS schemes of the
ontology, and the extractor reads the same rows.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kg.text import fold


def rows(name: str) -> list[dict[str, str]]:
    """The rows of ``kg/tables/<name>.csv`` as dicts of stripped strings."""
    with resources.files("kg").joinpath("tables", f"{name}.csv").open(encoding="utf-8") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]


@cache
def bodies() -> list[dict[str, str]]:
    """The rows of ``bodies.csv``, and one more for each other way of writing
    a body (``body_aliases.csv``: "Sở Kế hoạch - Đầu tư"), with the kind,
    attachment and unit of the body it names, so that an alias is found where
    its body is and is written once."""
    body_rows = rows("bodies")
    by_name = {r["name"]: r for r in body_rows}
    return [*body_rows, *({**by_name[a["name"]], "name": a["alias"]} for a in rows("body_aliases"))]


@dataclass(frozen=True)
class DocumentType:
    key: str          # the concept's notation: "KH"
    vi: str           # "Kế hoạch"
    en: str           # "Plan"
    codes: tuple[str, ...]   # abbreviations that stand for it inside a document code
    dates_activity: bool     # its issue date dates the activity carrying it out (a plan, a decision)


@dataclass(frozen=True)
class Role:
    key: str          # "head"
    vi: str           # "Trưởng": a post's label is this, a space, the organisation's name
    en: str


@dataclass(frozen=True)
class UnitType:
    key: str          # "thanh-pho"
    vi: str           # "thành phố"
    en: str
    level: str        # province | district | commune; empty where it depends (thành phố)
    committee: str    # the party committee's word: "Thành ủy"


@cache
def document_types() -> dict[str, DocumentType]:
    return {r["key"]: DocumentType(r["key"], r["vi"], r["en"], tuple(r["codes"].split()),
                                 r["dates_activity"] == "yes")
            for r in rows("document_types")}


@cache
def roles() -> dict[str, Role]:
    return {r["key"]: Role(r["key"], r["vi"], r["en"]) for r in rows("roles")}


@cache
def unit_types() -> dict[str, UnitType]:
    return {r["vi"]: UnitType(r["key"], r["vi"], r["en"], r["level"], r["committee"])
            for r in rows("unit_types")}


@cache
def _role_index() -> dict[str, Role]:
    index = {}
    for role in roles().values():
        index[fold(role.key)] = role
        index[fold(role.vi)] = role
        index[fold(role.en)] = role
    return index


def find_role(text: str) -> Role | None:
    """A role by its key, Vietnamese or English label, case and accents ignored."""
    return _role_index().get(fold(text.replace("_", " "))) or _role_index().get(fold(text))


@cache
def _doc_type_index() -> dict[str, DocumentType]:
    index = {}
    for t in document_types().values():
        index[fold(t.vi)] = t
        index[t.key.casefold()] = t
        for code in t.codes:
            index.setdefault(code.casefold(), t)
    return index


def find_document_type(text: str) -> DocumentType | None:
    """A document type by its key, a code abbreviation or its Vietnamese name."""
    return _doc_type_index().get(text.casefold()) or _doc_type_index().get(fold(text))
