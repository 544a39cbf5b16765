"""The domain schema (kg/schema.yaml) is the one place that lists activity
kinds, document relations, body kinds and unit levels: the record model,
the RDF writer, the vocabulary and the queries follow it, and no module of
kg/ or cli/ keeps a list of its own (adding a kind is one schema entry)."""
from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.model import ActivityKind, OrgKind, Relation, UnitLevel
from kg.ontology import vocabulary_triples
from kg.schema import schema

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = {"activity_kinds": ActivityKind, "document_relations": Relation, "body_kinds": OrgKind,
            "unit_levels": UnitLevel}
# The schema and its reader are the lists themselves (the extractor reads
# its Vietnamese cue words from its own tables, kg/tables/, and the kinds
# from the schema like every other part).
NOT_CHECKED = {"kg/schema.py", "kg/schema.yaml"}
# Named subsets, chosen for what a query answers, not lists of every kind:
# a new kind is not meant to join them.
SUBSETS = {
    "kg/queries/directive-lineage.rq": "a lineage follows continues and implements only",
    "kg/queries/cq3-documents-of-body.rq": "later documents that build on one: continues, implements, amends",
    "kg/tables_export.py": "a docstring explaining that a replacement is a repeal too",
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


def _code_files():
    for folder, pattern in (("kg", "**/*.py"), ("cli", "*.py"), ("kg", "**/*.rq"), ("kg", "**/*.js")):
        for path in sorted((ROOT / folder).glob(pattern)):
            relative = path.relative_to(ROOT).as_posix()
            if relative not in NOT_CHECKED | set(SUBSETS):
                yield relative, path.read_text(encoding="utf-8")


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
    terms = [e.iri.replace("https://w3id.org/party-kg/def#", "party:")
             .replace("http://data.europa.eu/eli/ontology#", "eli:") for e in entries]
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
