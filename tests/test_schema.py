"""The domain schema (kg/schema.yaml) is the one place that lists entity
kinds, activity kinds, document relations (with the phrases that state
them), body kinds and unit levels: the record model, the RDF writer, the
vocabulary, the queries, the view, the explorer and the extractor follow it,
and no module of kg/ or cli/ keeps a list of its own (adding a kind is one
schema entry)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.model import ActivityKind, OrgKind, Relation, UnitLevel
from kg.ontology import vocabulary_triples
from kg.schema import schema
from kg.text import fold
from kg.vocab import PREFIXES

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = {"activity_kinds": ActivityKind, "document_relations": Relation, "body_kinds": OrgKind,
            "unit_levels": UnitLevel}
# The schema and its reader are the lists themselves (the extractor reads
# its other Vietnamese cue words from its own tables, kg/tables/, and the
# kinds and the relations' phrases from the schema like every other part).
NOT_CHECKED = {"kg/schema.py", "kg/schema.yaml"}
# Named subsets, chosen for what a query answers, not lists of every kind:
# a new kind is not meant to join them.
SUBSETS = {
    "kg/queries/directive-lineage.rq": "a lineage follows continues and implements only",
    "kg/queries/cq3-documents-of-body.rq": "later documents that build on one: continues, implements, amends",
    "kg/tables_export.py": "a docstring explaining that a replacement is a repeal too",
}
# Named subsets of the entity kinds, by path prefix: only these sections of
# these files may name two of their classes.
ENTITY_SUBSETS = {
    "kg/explore/queries/search-": "search finds what a user types the name or code of: officials, bodies, units, "
                                  "documents",
    "kg/graph": "a name given to a filter is that of an official, a body or a unit (which, per filter)",
}


@pytest.mark.parametrize("section", SECTIONS)
def test_the_model_has_the_schema_values(section):
    assert [kind.value for kind in SECTIONS[section]] == [e.value for e in getattr(schema(), section)]


def test_every_term_is_in_the_vocabulary_with_its_value_as_notation():
    vocabulary = ox.Store()
    vocabulary.extend(ox.Quad(t.subject, t.predicate, t.object) for t in vocabulary_triples())
    for section in SECTIONS:
        for entry in getattr(schema(), section):
            # the schema's own IRIs, not user text
            notations = {row[0].value for row in vocabulary.query(
                f"SELECT ?n WHERE {{ <{entry.iri}> <http://www.w3.org/2004/02/skos/core#notation> ?n }}")}
            assert entry.value in notations, entry
            defined = vocabulary.query(f"ASK {{ <{entry.iri}> a ?type }}")
            assert bool(defined) or entry.iri.startswith(("http://www.w3.org/ns/org#", "http://data.europa.eu/eli/")), \
                f"{entry.iri} is not defined in ontology/party.ttl"


def test_one_activity_kind_is_the_fallback():
    from kg.schema import fallback_activity_kind, specific_activity_kinds
    fallbacks = [e.value for e in schema().activity_kinds if e.fallback]
    assert fallbacks == [fallback_activity_kind()]
    assert specific_activity_kinds() == {e.value for e in schema().activity_kinds} - set(fallbacks)


def _code_files(patterns=(("kg", "**/*.py"), ("cli", "*.py"), ("kg", "**/*.rq"), ("kg", "**/*.js"))):
    for folder, pattern in patterns:
        for path in sorted((ROOT / folder).glob(pattern)):
            relative = path.relative_to(ROOT).as_posix()
            if relative not in NOT_CHECKED | set(SUBSETS):
                yield relative, path.read_text(encoding="utf-8")


def _prefixed(iri: str) -> str:
    return next((f"{prefix}:{iri[len(namespace):]}" for prefix, namespace in PREFIXES.items()
                 if iri.startswith(namespace)), iri)


def _listings(terms: list[str], text: str) -> list[str]:
    """Lines that name two or more of ``terms``: a list kept by hand."""
    found = []
    for line in text.splitlines():
        named = {term for term in terms if re.search(rf"(?<![\w#/]){re.escape(term)}(?![\w])", line)}
        if len(named) >= 2 and not line.lstrip().startswith(("#", "//", '"""', "*")):
            found.append(line.strip())
    return found


@pytest.mark.parametrize("section", SECTIONS)
def test_no_module_keeps_its_own_list(section):
    entries = getattr(schema(), section)
    values = [e.value for e in entries]
    terms = [_prefixed(e.iri) for e in entries]
    offenders = {}
    for relative, text in _code_files():
        lines = _listings(values, text) + _listings(terms, text)
        # prose in docstrings names kinds in sentences ("inspection, supervision or working session");
        # a list is quoted values or terms
        lines = [line for line in lines if re.search(r"""["'](?:%s)["']|(?:%s)\b""" % (
            "|".join(map(re.escape, values)), "|".join(map(re.escape, terms))), line)]
        if lines:
            offenders[relative] = lines
    assert not offenders, f"these list the {section} by hand; read kg.schema instead: {offenders}"


def test_no_module_keeps_its_own_list_of_entity_kinds():
    """Entity kinds by their classes: their values are everyday words
    ("source", "document") that code uses in other senses."""
    terms = [_prefixed(e.iri) for e in schema().entity_kinds]
    offenders = {}
    for relative, text in _code_files():
        if relative.startswith(tuple(ENTITY_SUBSETS)):
            continue
        lines = _listings(terms, text)
        if lines:
            offenders[relative] = lines
    assert not offenders, f"these list the entity kinds by hand; read kg.schema instead: {offenders}"


def test_no_table_or_module_keeps_its_own_relation_phrases():
    """A phrase named with its relation (a table row, a dict entry), as
    written or folded, anywhere in kg/ or cli/ but the schema."""
    pairs = [(form, e.value) for e in schema().document_relations for phrase in e.phrases
             for form in {phrase, fold(phrase)}]
    offenders = {}
    for relative, text in _code_files((("kg", "**/*.py"), ("cli", "*.py"), ("kg", "**/*.csv"), ("kg", "**/*.yaml"),
                                       ("kg", "**/*.rq"), ("kg", "**/*.js"))):
        for line in text.splitlines():
            if any(re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", line, re.IGNORECASE)
                   and re.search(rf"[\"',]{relation}(?:[\"',]|$)", line) for phrase, relation in pairs):
                offenders.setdefault(relative, []).append(line.strip())
    assert not offenders, f"these pair relation phrases with relations by hand; read kg.schema instead: {offenders}"


def test_each_entity_kind_is_counted_and_each_drawn_kind_is_read_by_the_graph():
    from kg.graph.rules import NODE_KINDS
    assert all(e.counted for e in schema().entity_kinds)
    # a kind the view draws (it has a node kind) is a thing the projection reads, by its class
    read = {_prefixed(e.iri) for e in schema().entity_kinds if e.node}
    assert read == {reading.cls for reading in NODE_KINDS}
    assert {e.node for e in schema().entity_kinds if e.node} == set(NODE_KINDS.values())


# A relation the schema lacks, given only to a copy of it: "đính chính"
# (corrects), with ELI's property for it.
NEW_RELATION = """
  corrects:
    property: eli:corrects
    vi: đính chính
    en: corrects
    phrases:
      - đính chính
"""
ARTICLE = """Tỉnh ủy sửa một quyết định

Ngày 5/3/2024, Ban Thường vụ Tỉnh ủy ban hành Quyết định số 12-QĐ/TU đính chính Quyết định số 10-QĐ/TU.
"""
# Runs kg with kg.schema reading the copy, set before any other module reads it.
WITH_SCHEMA = """
import functools, sys
from pathlib import Path
import kg.schema
text = Path(sys.argv[1]).read_text(encoding="utf-8")
kg.schema.schema = functools.cache(lambda: kg.schema.parse(text))
from kg_cli.main import main
main(sys.argv[2:])
"""


def test_a_relation_added_to_the_schema_alone_is_extracted_written_and_shown(tmp_path):
    """Nothing but the schema entry: the extractor's phrases, the record
    model, the RDF writer and `kg directive` take it from there."""
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    text = (ROOT / "kg" / "schema.yaml").read_text(encoding="utf-8")
    assert "\ndocument_relations:\n" in text
    schemas = {"as it is": text,
               "with corrects": text.replace("\ndocument_relations:\n", "\ndocument_relations:" + NEW_RELATION, 1)}
    for name, schema_text in schemas.items():
        (tmp_path / f"{name}.yaml").write_text(schema_text, encoding="utf-8")
    store = tmp_path / "store"

    def kg(schema_name: str, *args: str) -> str:
        done = subprocess.run([sys.executable, "-c", WITH_SCHEMA, str(tmp_path / f"{schema_name}.yaml"),
                               "--store", str(store), *args], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def relations(schema_name: str) -> list[tuple[str, str, str]]:
        extracted = json.loads(kg(schema_name, "extract", "--format", "json", str(article)))
        return [(r["from"], r["relation"], r["to"]) for r in extracted["document_relations"]]

    assert relations("as it is") == []       # the phrase states nothing without the entry
    assert relations("with corrects") == [("12-QĐ/TU", "corrects", "10-QĐ/TU")]
    kg("with corrects", "load", str(article))
    assert "<http://data.europa.eu/eli/ontology#corrects>" in kg("with corrects", "export", "--format", "nt")
    [directive] = json.loads(kg("with corrects", "directive", "12-QĐ/TU", "--format", "json"))
    assert [(link["relation"], link["direction"], link["code"]) for link in directive["links"]] == \
        [("corrects", "out", "10-QĐ/TU")]
