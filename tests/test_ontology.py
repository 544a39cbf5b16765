"""The ontology defines the whole public vocabulary, the schemes follow the
domain tables, and the shapes and context agree with both."""
from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from kg import ontology, tables
from kg.rdf import doc_type_concept, role_concept
from kg.validate import validate
from kg.vocab import PREFIXES

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO.parent / "shared" / "spec" / "ontology-core.md"
DOMAIN = REPO.parent / "shared" / "spec" / "vn-party-domain.md"

PARTY = rdflib.Namespace(PREFIXES["party"])
ELI = rdflib.Namespace(PREFIXES["eli"])
DEF = "https://w3id.org/party-kg/def"

# The terms of ontology-core.md's tables, kept here so that the test still
# runs where the spec is not checked out; test_kept_terms_cover_the_spec keeps
# the list current when it is.
CORE_TERMS = """
party:Official foaf:Person foaf:name rdfs:label skos:hiddenLabel org:holds
org:Organization party:PartyCommittee party:StandingCommittee party:PartyAgency
party:StateBody party:Delegation org:subOrganizationOf party:jurisdiction skos:altLabel
org:Post org:postIn org:role org:Membership org:member opengov:post org:organization
schema:validFrom schema:validThrough party:attestedOn
party:AdministrativeUnit schema:AdministrativeArea party:Province party:District
party:Commune party:unitType schema:containedInPlace skos:notation
eli:LegalResource eli:id_local eli:number eli:type_document eli:passed_by
eli:date_document dcterms:subject party:continues eli:implements eli:amends
eli:repeals eli:cites
party:OversightActivity prov:Activity schema:Event party:Inspection party:Supervision
party:WorkingSession party:inspector party:delegation party:leader party:target
party:underDocument schema:startDate schema:endDate party:topic party:inspects
party:Source schema:NewsArticle schema:url dcterms:title dcterms:issued
prov:wasDerivedFrom party:evidence
""".split()

# Terms kg/rdf.py and kg/store.py write beyond the spec's tables.
EXTENSION_TERMS = """
party:sourceKind party:contentHash party:era party:succeededBy party:scope
party:replaces schema:honorificPrefix owl:sameAs owl:differentFrom
""".split()

TERM_KINDS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}


def expand(curie: str) -> rdflib.URIRef:
    prefix, local = curie.split(":", 1)
    return rdflib.URIRef(PREFIXES[prefix] + local)


def spec_terms() -> set[str]:
    """Every prefixed name in the first column of the spec's tables."""
    terms = set()
    for line in SPEC.read_text(encoding="utf-8").splitlines():
        if line.startswith("|") and not line.startswith("| ---"):
            first_cell = line.split("|")[1]
            terms.update(re.findall(r"`([a-z]+:[A-Za-z_]+)`", first_cell))
            terms.update(re.findall(r"⊑ ([a-z]+:[A-Za-z_]+)", first_cell))
    terms.discard("term")
    return terms


@pytest.fixture(scope="module")
def vocab() -> rdflib.Graph:
    return ontology.vocabulary_graph()


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return ontology.shapes_graph()


@pytest.mark.skipif(not SPEC.exists(), reason="../shared/spec is not checked out")
def test_kept_terms_cover_the_spec():
    assert spec_terms() - set(CORE_TERMS) == set()


@pytest.mark.parametrize("curie", CORE_TERMS + EXTENSION_TERMS)
def test_every_term_is_defined_in_both_languages(vocab, curie):
    term = expand(curie)
    assert set(vocab.objects(term, RDF.type)) & TERM_KINDS, f"{curie} has no OWL type"
    for prop in (RDFS.label, RDFS.comment):
        languages = {o.language for o in vocab.objects(term, prop)}
        assert {"vi", "en"} <= languages, f"{curie}: {prop} in {languages}"


def test_every_declared_term_has_labels_and_comments(vocab):
    declared = {s for kind in TERM_KINDS for s in vocab.subjects(RDF.type, kind)}
    declared |= set(vocab.subjects(RDF.type, OWL.Ontology))
    assert len(declared) > 80
    for term in declared:
        for prop in (RDFS.label, RDFS.comment):
            assert {o.language for o in vocab.objects(term, prop)} >= {"vi", "en"}, (term, prop)


def test_every_term_the_mapping_writes_is_defined(vocab):
    """kg/rdf.py and kg/store.py may only write terms the ontology defines."""
    names = {"PARTY": "party", "ORG": "org", "OPENGOV": "opengov", "PROV": "prov",
             "SCHEMA": "schema", "SKOS": "skos", "FOAF": "foaf", "DCTERMS": "dcterms",
             "ELI": "eli", "OWL": "owl", "RDFS": "rdfs"}
    used = set()
    for module in ("rdf.py", "store.py"):
        text = (REPO / "kg" / module).read_text(encoding="utf-8")
        used |= {f"{names[ns]}:{local}" for ns, local in
                 re.findall(r"\b(PARTY|ORG|OPENGOV|PROV|SCHEMA|SKOS|FOAF|DCTERMS|ELI|OWL|RDFS)\.(\w+)", text)}
    undefined = {t for t in used if not set(vocab.objects(expand(t), RDF.type))}
    assert undefined == set()


@pytest.mark.parametrize("sub, sup", [
    ("party:Official", "foaf:Person"),
    ("party:PartyCommittee", "org:Organization"),
    ("party:StandingCommittee", "org:Organization"),
    ("party:PartyAgency", "org:Organization"),
    ("party:StateBody", "org:Organization"),
    ("party:Delegation", "org:Organization"),
    ("party:AdministrativeUnit", "schema:AdministrativeArea"),
    ("party:Province", "party:AdministrativeUnit"),
    ("party:District", "party:AdministrativeUnit"),
    ("party:Commune", "party:AdministrativeUnit"),
    ("party:OversightActivity", "prov:Activity"),
    ("party:OversightActivity", "schema:Event"),
    ("party:Inspection", "party:OversightActivity"),
    ("party:Supervision", "party:OversightActivity"),
    ("party:WorkingSession", "party:OversightActivity"),
    ("party:Source", "schema:NewsArticle"),
])
def test_class_hierarchy_as_the_spec_says(vocab, sub, sup):
    assert (expand(sub), RDFS.subClassOf, expand(sup)) in vocab


def test_replaces_is_a_kind_of_repeal(vocab):
    assert (PARTY.replaces, RDFS.subPropertyOf, ELI.repeals) in vocab


def test_the_document_relations_of_the_schema_are_those_the_shapes_check(shapes):
    """kg/schema.yaml says which properties link documents; kg directive and
    the CSV tables read it. The shapes name the same ones."""
    from kg.schema import schema
    written = {rdflib.URIRef(iri) for entry in schema().document_relations for iri in (entry.iri, *entry.also)}
    checked = set(shapes.objects(rdflib.URIRef("https://w3id.org/party-kg/def/shapes#DocumentLinks"),
                                 SH.targetSubjectsOf))
    assert written == checked


def test_ontology_header(vocab):
    header = rdflib.URIRef(DEF)
    assert (header, RDF.type, OWL.Ontology) in vocab
    for prop in (OWL.versionInfo, rdflib.DCTERMS.license, rdflib.DCTERMS.description):
        assert vocab.value(header, prop) is not None, prop


# --- schemes -------------------------------------------------------------------

def load_builder():
    spec = importlib.util.spec_from_file_location("build_schemes", REPO / "ontology" / "build_schemes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_schemes_file_is_generated_from_the_tables():
    committed = (REPO / "ontology" / "schemes.ttl").read_text(encoding="utf-8")
    assert committed == load_builder().render(), "run: python ontology/build_schemes.py"


def concept(vocab, scheme: str, iri: rdflib.URIRef) -> dict:
    assert (iri, SKOS.inScheme, rdflib.URIRef(f"{DEF}/{scheme}")) in vocab, iri
    return {"notations": {str(n) for n in vocab.objects(iri, SKOS.notation)},
            "labels": {(str(l), l.language) for l in vocab.objects(iri, SKOS.prefLabel)}}


def test_every_role_has_the_concept_rdf_points_at(vocab):
    for role in tables.roles().values():
        c = concept(vocab, "role", rdflib.URIRef(role_concept(role.key).value))
        assert {(role.vi, "vi"), (role.en, "en")} == c["labels"]


def test_every_document_type_of_the_table_has_its_concept(vocab):
    for t in tables.document_types().values():
        c = concept(vocab, "document-type", rdflib.URIRef(doc_type_concept(t.key).value))
        assert {t.key, *t.codes} == c["notations"]
        assert {(t.vi, "vi"), (t.en, "en")} == c["labels"]


def domain_document_types() -> list[tuple[str, str]]:
    """(abbreviation or "", Vietnamese name) of every row of §1.1's table."""
    text = DOMAIN.read_text(encoding="utf-8")
    after = text.split("**Document-type abbreviations**", 1)[1].splitlines()
    start = next(i for i, line in enumerate(after) if line.startswith("|"))
    rows = []
    for line in after[start + 2:]:          # past the header and its rule
        if not line.startswith("|"):
            break
        rows.append(line)
    found = []
    for line in rows:
        cells = [c.strip() for c in line.strip("|").split("|")]
        abbreviation = "" if cells[0] == "—" else cells[0]
        found += [(abbreviation, name.strip()) for name in cells[1].split(",")]
    return found


@pytest.mark.skipif(not DOMAIN.exists(), reason="../shared/spec is not checked out")
def test_every_document_type_of_the_domain_reference_has_a_concept(vocab):
    by_label = {str(l): c for c, l in vocab.subject_objects(SKOS.prefLabel)
                if l.language == "vi" and (c, SKOS.inScheme, rdflib.URIRef(f"{DEF}/document-type")) in vocab}
    types = domain_document_types()
    assert len(types) >= 28
    for abbreviation, name in types:
        assert name in by_label, name
        notations = {str(n) for n in vocab.objects(by_label[name], SKOS.notation)}
        # TT is ambiguous (Thông tri in party codes, Thông tư in state codes),
        # so the table leaves it to the issuer and gives neither concept "TT"
        if abbreviation and abbreviation != "TT":
            assert abbreviation in notations, (abbreviation, name, notations)


def test_unit_types_are_notated_by_their_word(vocab):
    for u in tables.unit_types().values():
        c = concept(vocab, "unit-type", rdflib.URIRef(f"{DEF}/unit-type/{u.key}"))
        assert c["notations"] == {u.vi}


# --- shapes and context ---------------------------------------------------------------

def sh_in(shapes: rdflib.Graph, target: str) -> set[str]:
    node = shapes.value(predicate=SH.targetClass, object=expand(target))
    for prop in shapes.objects(node, SH.property):
        if shapes.value(prop, SH.path) == PARTY.unitType:
            return {str(v) for v in rdflib.collection.Collection(shapes, shapes.value(prop, SH["in"]))}
    raise AssertionError(f"no party:unitType list for {target}")


def test_shapes_unit_words_follow_the_table(shapes):
    words = tables.unit_types()
    assert sh_in(shapes, "party:AdministrativeUnit") == set(words)
    # an empty level is a thành phố: a province or a district, never a commune
    for level, or_empty in (("province", True), ("district", True), ("commune", False)):
        expected = {w for w, u in words.items() if u.level == level or (or_empty and not u.level)}
        assert sh_in(shapes, f"party:{level.capitalize()}") == expected, level


def test_every_shape_has_a_message(shapes):
    for prop in shapes.objects(None, SH.property):
        assert shapes.value(prop, SH.message) is not None, shapes.value(prop, SH.path)


def test_the_vocabulary_itself_conforms():
    report = validate(ontology.vocabulary_graph())
    assert report.results == []


def test_context_maps_prefixes_and_terms_to_defined_terms(vocab):
    context = ontology.context()["@context"]
    for prefix in ("party", "org", "opengov", "prov", "schema", "skos", "foaf", "dcterms", "eli", "xsd"):
        assert context[prefix] == PREFIXES[prefix]
    for short in ("name", "holds", "postIn", "role", "member", "post", "validFrom", "code",
                  "inspector", "target", "underDocument", "startDate"):
        assert short in context, short
    assert context["validFrom"]["@type"] == "xsd:date"
    for short, definition in context.items():
        curie = definition["@id"] if isinstance(definition, dict) else definition
        if ":" in curie and not curie.startswith("http") and curie.split(":")[0] != "xsd":
            assert set(vocab.objects(expand(curie), RDF.type)), f"{short} -> {curie} is not defined"


def test_context_round_trips_a_record_through_json_ld():
    import json
    document = {"@context": ontology.context()["@context"], "@id": "https://example.org/p",
                "type": "Official", "name": "Trần Thị Lộc", "validFrom": "2020-01-01"}
    graph = rdflib.Graph().parse(data=json.dumps(document), format="json-ld")
    assert (rdflib.URIRef("https://example.org/p"), RDF.type, PARTY.Official) in graph
    assert rdflib.Literal("Trần Thị Lộc", lang="vi") in set(graph.objects())
    assert rdflib.Literal("2020-01-01", datatype=rdflib.XSD.date) in set(graph.objects())


def test_vocabulary_triples_for_the_store_match_the_files(vocab):
    """The same statements, not only as many: pyoxigraph's reading of the
    files (for the store) against rdflib's."""
    import pyoxigraph as ox
    from rdflib.compare import graph_diff, to_isomorphic
    store_side = rdflib.Graph().parse(
        data=ox.serialize(ontology.vocabulary_triples(), format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    declared = {s for s in vocab.subjects(RDF.type, None) if isinstance(s, rdflib.URIRef)}
    assert {s for s in store_side.subjects(RDF.type, None) if isinstance(s, rdflib.URIRef)} == declared
    _, only_store, only_files = graph_diff(to_isomorphic(store_side), to_isomorphic(vocab))
    assert (sorted(only_store), sorted(only_files)) == ([], [])


def test_loading_the_vocabulary_does_not_import_rdflib():
    code = ("import sys; from kg import ontology; ontology.vocabulary_triples(); ontology.context();"
            "import kg_cli.validate; assert 'rdflib' not in sys.modules and 'pyshacl' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
