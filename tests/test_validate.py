"""SHACL validation: a well-formed graph conforms; each broken one fails with
a message that names the node, the property and what is wrong."""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner

from kg import identity, ontology
from kg.model import (
    Activity, ActivityKind, Document, DocumentLink, Evidence, Membership, Official,
    Organisation, OrgKind, Place, Records, Relation, Source, SourceKind, UnitLevel, YearMonth,
)
from kg.rdf import records_to_triples
from kg.store import EmbeddedStore
from kg.validate import Report, qname, validate, validate_store
from kg.vocab import PREFIXES
from kg_cli.main import main

ORG = rdflib.Namespace(PREFIXES["org"])
ELI = rdflib.Namespace(PREFIXES["eli"])
PARTY = rdflib.Namespace(PREFIXES["party"])
SCHEMA = rdflib.Namespace(PREFIXES["schema"])
ARTICLE = "https://backancity.gov.vn/kiem-tra-cong-tac-tuyen-giao"
LOC = "Trần Thị Lộc"
BTG = "Ban Tuyên giáo Tỉnh ủy Bắc Kạn"


def seed_records() -> Records:
    """The seed article's facts, as the extractor or a curator would write them."""
    source = Source(ARTICLE, SourceKind.ARTICLE, title="Kiểm tra công tác tuyên giáo tại Thành ủy Bắc Kạn",
                    url=ARTICLE, published=dt.date(2022, 11, 26))
    said = [Evidence(ARTICLE, "Ngày 25/11, Đoàn kiểm tra số 2 của Ban Tuyên giáo Tỉnh ủy do đồng chí "
                              "Trần Thị Lộc làm Trưởng đoàn đã kiểm tra tại Thành ủy Bắc Kạn.")]
    return Records(
        source,
        places=[
            Place("tỉnh Bắc Kạn", "tỉnh", UnitLevel.PROVINCE, code="06", era="pre2025"),
            Place("thành phố Bắc Kạn", "thành phố", UnitLevel.DISTRICT, parent="tỉnh Bắc Kạn", era="pre2025"),
            Place("phường Sông Cầu", "phường", UnitLevel.COMMUNE, parent="thành phố Bắc Kạn", era="pre2025",
                  valid_through=dt.date(2025, 6, 30)),
            Place("xã Dương Quang", "xã", UnitLevel.COMMUNE, parent="thành phố Bắc Kạn", era="pre2025"),
        ],
        organisations=[
            Organisation("Tỉnh ủy Bắc Kạn", OrgKind.PARTY_COMMITTEE, jurisdiction="tỉnh Bắc Kạn"),
            Organisation(BTG, OrgKind.PARTY_AGENCY, parent="Tỉnh ủy Bắc Kạn", alt_labels=["BTG Tỉnh ủy Bắc Kạn"]),
            Organisation("Thành ủy Bắc Kạn", OrgKind.PARTY_COMMITTEE, jurisdiction="thành phố Bắc Kạn"),
            Organisation("Đoàn kiểm tra số 2", OrgKind.DELEGATION, parent=BTG),
        ],
        officials=[Official(LOC, context="tỉnh Bắc Kạn")],
        memberships=[
            Membership(LOC, "head", BTG, person_context="tỉnh Bắc Kạn",
                       attested_on=dt.date(2022, 11, 26), evidence=said),
            Membership(LOC, "member", "Tỉnh ủy Bắc Kạn", person_context="tỉnh Bắc Kạn",
                       valid_from=YearMonth(2020, 10), evidence=said),
        ],
        documents=[Document("91-KH/BTGTU", "KH", issuer=BTG, date=dt.date(2022, 3, 1),
                            subject="kiểm tra công tác tuyên giáo năm 2022", scope="tỉnh Bắc Kạn",
                            evidence=said)],
        document_links=[DocumentLink("01-KL/TW", Relation.CONTINUES, "05-CT/TW")],
        activities=[Activity(ActivityKind.INSPECTION, BTG,
                             ["Thành ủy Bắc Kạn", "phường Sông Cầu", "xã Dương Quang"],
                             delegation="Đoàn kiểm tra số 2", leader=LOC, leader_context="tỉnh Bắc Kạn",
                             document="91-KH/BTGTU", document_scope="tỉnh Bắc Kạn",
                             date=dt.date(2022, 11, 25), topic="công tác tuyên giáo năm 2022",
                             evidence=said)],
    )


def to_rdflib(triples: list[ox.Triple]) -> rdflib.Graph:
    """Through N-Triples, the way any other tool would read the graph."""
    text = "".join(f"{t} .\n" for t in triples)
    return rdflib.Graph().parse(data=text, format="nt")


@pytest.fixture
def good() -> rdflib.Graph:
    return to_rdflib(records_to_triples(seed_records()))


def the(graph: rdflib.Graph, cls: rdflib.URIRef) -> rdflib.term.Node:
    return sorted(graph.subjects(rdflib.RDF.type, cls))[0]


# --- the breakages -------------------------------------------------------------------

def two_members(g: rdflib.Graph) -> None:
    membership = sorted(g.subjects(ORG.member, None))[0]
    g.add((membership, ORG.member, rdflib.URIRef(identity.person_iri("Phạm Quyết Chiến"))))


def document_without_code(g: rdflib.Graph) -> None:
    g.remove((the(g, ELI.LegalResource), ELI.id_local, None))


def activity_without_inspector(g: rdflib.Graph) -> None:
    g.remove((the(g, PARTY.OversightActivity), PARTY.inspector, None))


def english_only_label(g: rdflib.Graph) -> None:
    org = rdflib.URIRef(identity.org_iri(BTG))
    g.remove((org, rdflib.RDFS.label, None))
    g.add((org, rdflib.RDFS.label, rdflib.Literal("Propaganda Department of Bắc Kạn", lang="en")))


def year_as_activity_date(g: rdflib.Graph) -> None:
    activity = the(g, PARTY.OversightActivity)
    g.set((activity, SCHEMA.startDate, rdflib.Literal("2022", datatype=rdflib.XSD.gYear)))


def unknown_role(g: rdflib.Graph) -> None:
    g.set((the(g, ORG.Post), ORG.role, rdflib.URIRef("https://w3id.org/party-kg/def/role/pope")))


def commune_that_is_a_province(g: rdflib.Graph) -> None:
    g.set((rdflib.URIRef(identity.place_iri("xã Dương Quang", "pre2025", None, "thành phố Bắc Kạn")),
           PARTY.unitType, rdflib.Literal("tỉnh")))


BREAKAGES: list[tuple[Callable[[rdflib.Graph], None], str, str, str]] = [
    # breakage, focus label (prefix), path, message fragment
    (two_members, f"membership {LOC} & ", "org:member", "exactly one org:member"),
    (document_without_code, "Kế hoạch 91-KH/BTGTU", "eli:id_local", "exactly one eli:id_local"),
    (activity_without_inspector, f"Kiểm tra: {BTG}, 2022-11-25", "party:inspector",
     "at least one party:inspector"),
    (english_only_label, "Propaganda Department of Bắc Kạn", "rdfs:label", "no Vietnamese label"),
    (year_as_activity_date, f"Kiểm tra: {BTG}", "schema:startDate", "must be an xsd:date"),
    (unknown_role, f"Trưởng {BTG}", "org:role", "a concept of the role scheme"),
    (commune_that_is_a_province, "xã Dương Quang", "party:unitType", "a party:Commune is a xã, phường"),
]


def test_the_seed_graph_conforms(good):
    report = validate(good)
    assert report.results == [], [r.message for r in report.results]
    assert report.conforms and report.graphs == 1 and report.triples == len(good)
    assert report.summary().startswith("conforms (1 graph")


def test_validate_leaves_the_given_graph_alone(good):
    size = len(good)
    validate(good)
    assert len(good) == size


@pytest.mark.parametrize("breakage, focus, path, message", BREAKAGES,
                         ids=[b[0].__name__ for b in BREAKAGES])
def test_a_broken_graph_fails_readably(good, breakage, focus, path, message):
    breakage(good)
    report = validate(good)
    assert not report.conforms
    matching = [r for r in report.violations if r.path == path and message in r.message]
    assert matching, [(r.focus_label, r.path, r.message) for r in report.results]
    assert matching[0].focus_label.startswith(focus)
    assert "violation" in report.summary()


def test_missing_provenance_is_a_warning_not_a_violation(good):
    activity = the(good, PARTY.OversightActivity)
    good.remove((activity, rdflib.URIRef(PREFIXES["prov"] + "wasDerivedFrom"), None))
    report = validate(good)
    assert report.conforms
    assert [r.path for r in report.warnings] == ["prov:wasDerivedFrom"]
    assert "1 warning" in report.summary()


def test_qname():
    assert qname(PREFIXES["eli"] + "id_local") == "eli:id_local"
    assert qname("https://example.org/x") == "<https://example.org/x>"


# --- files and the store ----------------------------------------------------------------

def write(graph: rdflib.Graph, path: Path, rdf_format: str = "turtle") -> Path:
    graph.serialize(path, format=rdf_format, encoding="utf-8")
    return path


def test_an_nquads_file_is_validated_graph_by_graph(tmp_path, good):
    broken = to_rdflib(records_to_triples(seed_records()))
    document_without_code(broken)
    path = tmp_path / "two.nq"
    path.write_text("".join(f"{s.n3()} {p.n3()} {o.n3()} <{name}> .\n"
                            for name, graph in (("https://example.org/good", good),
                                                ("https://example.org/broken", broken))
                            for s, p, o in graph), encoding="utf-8")
    report = validate(path)
    assert report.graphs == 2
    assert {r.graph for r in report.violations} == {"https://example.org/broken"}


def seeded_store(path: Path, records: Records) -> EmbeddedStore:
    store = EmbeddedStore(path)
    store.replace_graphs({identity.source_iri(records.source.key): records_to_triples(records),
                          identity.VOCAB_GRAPH: ontology.vocabulary_triples()})
    return store


def test_the_store_is_validated_per_source_without_the_vocabulary_graph(tmp_path):
    store = seeded_store(tmp_path / "store", seed_records())
    report = validate_store(store)
    assert isinstance(report, Report)
    assert report.conforms and report.graphs == 1, report.results


def test_kg_validate_on_the_store(tmp_path):
    seeded_store(tmp_path / "store", seed_records()).close()
    result = CliRunner().invoke(main, ["--store", str(tmp_path / "store"), "validate"])
    assert result.exit_code == 0, result.output
    assert result.output.strip().startswith("conforms (1 graph")


# --- the command ---------------------------------------------------------------------------

def test_kg_validate_fails_on_a_broken_file_and_says_where(tmp_path, good):
    document_without_code(good)
    english_only_label(good)
    result = CliRunner().invoke(main, ["validate", str(write(good, tmp_path / "broken.ttl"))])
    assert result.exit_code == 1, result.output
    assert "Violation: Kế hoạch 91-KH/BTGTU" in result.output
    assert "path:    eli:id_local" in result.output
    assert "Violation: Propaganda Department of Bắc Kạn" in result.output
    assert "path:    rdfs:label" in result.output
    assert "2 violations" in result.output.splitlines()[-1]


def test_kg_validate_passes_a_good_file(tmp_path, good):
    result = CliRunner().invoke(main, ["validate", str(write(good, tmp_path / "good.nt", "nt"))])
    assert result.exit_code == 0, result.output
    assert result.output.count("\n") == 1 and result.output.startswith("conforms")


def test_kg_validate_json_for_scripts(tmp_path, good):
    activity_without_inspector(good)
    result = CliRunner().invoke(main, ["validate", "--format", "json",
                                       str(write(good, tmp_path / "broken.jsonld", "json-ld"))])
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["conforms"] is False and report["violations"] == 1
    assert report["results"][0]["path"] == "party:inspector"


@pytest.mark.parametrize("name, content, expected", [
    ("missing.ttl", None, "no such file"),
    ("bad.ttl", "<a> <b> .", "not valid"),
    ("data.csv", "a,b", "unknown RDF file type"),
])
def test_kg_validate_reports_unreadable_input(tmp_path, name, content, expected):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and expected in result.stderr


def test_kg_validate_without_a_store(tmp_path):
    result = CliRunner().invoke(main, ["--store", str(tmp_path / "none"), "validate"])
    assert result.exit_code == 2
    assert "no store at" in result.stderr
