"""Names from the sources may hold any character. Whatever kg writes stays
what it claims to be: XML exports parse with a strict parser, CSV cells never
run in a spreadsheet, and a terminal never receives a raw control character."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest

from kg.load import load_records
from kg.model import (
    Activity, ActivityKind, Document, Evidence, Membership, Official, Organisation, OrgKind, Place, Records, Source,
    SourceKind, UnitLevel,
)
from kg.safe_output import FORMULA_STARTS, spreadsheet_cell, terminal_text, unicode_escaped, xml_text
from kg.store import EmbeddedStore

ESC, BEL, CSI, RLO = "\x1b", "\x07", "\x9b", "\u202e"
# A body whose name a spreadsheet would run, and which repaints a terminal
BODY = f'=HYPERLINK("https://example.org/x") Ban {ESC}[2J{ESC}]0;kg{BEL} Kiểm tra'
PLACE = f"xã Đỏ{ESC}[31m {RLO}Tây"
PERSON = f"+Lê Văn{BEL} Tư"
TOPIC = f"@SUM(1+1) {CSI}31m chủ đề\u2028mới\x85"
SENTENCE = f"-2+3 là câu chứng cứ {ESC}[1A có ký tự lạ\r."
# what may never reach a terminal raw: C0 but line breaks, DEL, C1, bidi overrides
UNSAFE_ON_TERMINAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def hostile_records() -> Records:
    key = "https://example.org/hostile-names"
    ev = [Evidence(key, SENTENCE)]
    return Records(
        source=Source(key, SourceKind.ARTICLE, title=f"Tin {ESC}[5m nhấp nháy", url=key, published=dt.date(2023, 1, 2)),
        places=[Place("tỉnh Thử", "tỉnh", UnitLevel.PROVINCE),
                Place(PLACE, "xã", UnitLevel.COMMUNE, parent="tỉnh Thử")],
        organisations=[Organisation(BODY, OrgKind.PARTY_AGENCY, jurisdiction="tỉnh Thử")],
        officials=[Official(PERSON, context="tỉnh Thử")],
        memberships=[Membership(PERSON, "head", BODY, person_context="tỉnh Thử", attested_on=dt.date(2023, 1, 2),
                                evidence=ev)],
        documents=[Document("7-KH/KT", "KH", issuer=BODY, date=dt.date(2023, 1, 1), subject=f"=1+1{BEL}")],
        activities=[Activity(ActivityKind.INSPECTION, BODY, targets=[PLACE], leader=PERSON, leader_context="tỉnh Thử",
                             document="7-KH/KT", date=dt.date(2023, 1, 2), topic=TOPIC, evidence=ev)],
    )


@pytest.fixture()
def hostile_store(store_path):
    from kg.load import vocabulary_graph
    with EmbeddedStore(store_path) as store:
        load_records(store, [hostile_records()])
        vocabulary = vocabulary_graph()       # as kg load writes it: the named queries read it
        store.replace_graphs({vocabulary.graph: vocabulary.triples}, {vocabulary.graph: vocabulary.digest})
    return store_path


# --- XML -------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_exports_parse_as_xml_whatever_the_names(hostile_store, kg, tmp_path, fmt):
    out = tmp_path / f"graph.{fmt}"
    result = kg("export", "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    root = ET.parse(out).getroot()     # expat: any character XML 1.0 forbids is a parse error
    text = " ".join(v for element in root.iter() for v in [*element.attrib.values(), element.text or ""])
    # the control characters are there to be seen, as escapes
    assert "Ban \\x1b[2J\\x1b]0;kg\\x07 Kiểm tra" in text
    assert f"xã Đỏ\\x1b[31m {RLO}Tây" in text    # XML may hold a bidi override: the terminal may not


def test_xml_text_keeps_every_character_xml_allows_and_escapes_the_rest():
    # every code point of the BMP and the first of the next planes, surrogates included
    everything = "".join(map(chr, range(0x30000)))
    escaped = xml_text(everything)
    ET.fromstring(f"<a b='{_xml_attr(escaped)}'>{_xml_attr(escaped)}</a>")
    kept = set(escaped)
    for allowed in ("\t", "\n", "\r", " ", "ầ", "\ud7ff", "\ue000", "\ufffd", "\U00010000"):
        assert allowed in kept
    for forbidden in ("\x00", "\x1b", "\x07", "\ufffe", "\uffff", "\ud800"):
        assert forbidden not in kept
    assert xml_text(f"a{ESC}b\ufffe") == "a\\x1bb\\ufffe"


def _xml_attr(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&apos;")


def test_a_failed_graph_export_exits_non_zero_and_leaves_no_file(hostile_store, kg, tmp_path, monkeypatch):
    import networkx

    def broken_writer(graph, out):
        out.write(b"<?xml version='1.0'?><gexf")     # a half file, then the failure
        raise networkx.NetworkXError("no room for this attribute")
    monkeypatch.setattr(networkx, "write_gexf", broken_writer)
    out = tmp_path / "graph.gexf"
    result = kg("export", "--format", "gexf", "-o", str(out))
    assert result.exit_code == 2
    assert "cannot write the graph as gexf: no room for this attribute" in result.output
    assert list(tmp_path.glob("graph.gexf*")) == []


def test_a_failed_rdf_export_leaves_no_half_file(hostile_store, kg, tmp_path, monkeypatch):
    from kg import export as rdf_export
    from kg.errors import KGError

    def broken(store, output):
        output.write(b'{"@context": ')
        raise KGError("the context cannot be read")
    monkeypatch.setattr(rdf_export, "export_jsonld", broken)
    out = tmp_path / "all.jsonld"
    result = kg("export", "--format", "jsonld", "-o", str(out))
    assert result.exit_code == 2 and "the context cannot be read" in result.output
    assert list(tmp_path.glob("all.jsonld*")) == []


def test_an_export_onto_a_folder_says_so_and_leaves_nothing(hostile_store, kg, tmp_path):
    (tmp_path / "taken").mkdir()
    for fmt in ("ttl", "graphml"):
        result = kg("export", "--format", fmt, "-o", str(tmp_path / "taken"))
        assert result.exit_code == 2 and f"cannot write {tmp_path / 'taken'}" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store", "taken"]


# --- CSV -------------------------------------------------------------------------

def test_spreadsheet_cells_begin_with_a_quote_when_they_would_run():
    for start in FORMULA_STARTS:
        assert spreadsheet_cell(f"{start}1+1") == f"'{start}1+1"
    for harmless in ("Trần Thị Lộc", "2022-11-25", "1", "", "https://example.org/a=b", "a-b", " =1"):
        assert spreadsheet_cell(harmless) == harmless


def _cells(rows: list[list[str]]) -> list[str]:
    return [cell for row in rows for cell in row]


def test_csv_tables_never_hold_a_cell_a_spreadsheet_runs(hostile_store, tmp_path):
    from kg.tables_export import export_csv
    with EmbeddedStore(hostile_store, read_only=True) as store:
        files = export_csv(store, tmp_path / "csv")
    tables = {p.stem: list(csv.reader(p.open(encoding="utf-8", newline=""))) for p in files}
    every_cell = [c for rows in tables.values() for c in _cells(rows)]
    assert [c for c in every_cell if c.startswith(FORMULA_STARTS)] == []
    persons = list(csv.DictReader(io.StringIO((tmp_path / "csv" / "persons.csv").read_text(encoding="utf-8"))))
    assert [p["name"] for p in persons] == ["'" + PERSON]
    orgs = {o["name"] for o in csv.DictReader((tmp_path / "csv" / "organizations.csv").open(encoding="utf-8"))}
    assert "'" + BODY in orgs
    (activity,) = csv.DictReader((tmp_path / "csv" / "activities.csv").open(encoding="utf-8"))
    assert activity["topic"] == "'" + TOPIC and activity["leader"] == "'" + PERSON


def test_sparql_csv_and_tsv_never_hold_a_cell_a_spreadsheet_runs(hostile_store, kg):
    query = ("SELECT ?name ?topic ?n WHERE { ?a party:topic ?topic ; party:leader/foaf:name ?name ; "
             "party:inspector/rdfs:label ?body BIND(-1 AS ?n) }")
    result = kg("sparql", query, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output, newline="")))
    assert rows == [["name", "topic", "n"], ["'" + PERSON, "'" + TOPIC, "'-1"]]
    tsv = kg("sparql", query, "--format", "tsv").output.split("\n")     # a literal may hold U+2028
    assert tsv[0] == "?name\t?topic\t?n"
    name, topic, number = tsv[1].split("\t")
    assert name == f'"\'{PERSON}"@vi' and topic.startswith('"\'@SUM(1+1)')
    assert number == "-1"       # a number is a number in a spreadsheet, not a formula


# --- terminals -------------------------------------------------------------------

def test_terminal_text_shows_control_characters_as_escapes():
    assert terminal_text(f"a{ESC}[31mb{BEL}{CSI}{RLO}\r\n") == "a\\x1b[31mb\\x07\\x9b\\u202e\\x0d\\x0a"
    assert terminal_text("dòng một\ndòng hai", keep_newlines=True) == "dòng một\ndòng hai"
    assert terminal_text("Trần Thị Lộc\tđi") == "Trần Thị Lộc\\x09đi"


@pytest.mark.parametrize("args", [
    ("person", "van"),
    ("org", "kiem tra"),
    ("directive", "7-KH/KT"),
    ("inspections",),
    ("sources",),
    ("chain", "xã đỏ"),
    ("rank",),
    ("sparql", "SELECT ?label ?topic WHERE { ?x rdfs:label ?label OPTIONAL { ?x party:topic ?topic } }"),
    ("queries", "run", "activities-led-by", "--param", f"name={PERSON}"),
])
def test_commands_never_send_a_control_character_to_the_terminal(hostile_store, kg, args):
    result = kg(*args)
    assert result.exit_code == 0, result.output
    assert "\\x1b" in result.output or "\\x07" in result.output     # shown, as an escape
    assert UNSAFE_ON_TERMINAL.findall(result.output) == []


@pytest.mark.parametrize("args, value", [
    (("person", "van", "--format", "json"), PERSON),
    (("inspections", "--format", "json"), TOPIC),
    (("sparql", "SELECT ?topic WHERE { ?x party:topic ?topic }", "--format", "json"), TOPIC),
])
def test_json_output_escapes_controls_and_keeps_the_value(hostile_store, kg, args, value):
    result = kg(*args)
    assert result.exit_code == 0, result.output
    assert UNSAFE_ON_TERMINAL.findall(result.output) == []
    assert value in _strings(json.loads(result.output))     # decoded, the exact name


def _strings(value) -> set[str]:
    if isinstance(value, dict):
        return set().union(*map(_strings, value.values()))
    if isinstance(value, list):
        return set().union(*map(_strings, value))
    return {value} if isinstance(value, str) else set()


def test_construct_output_is_n_triples_with_escapes(hostile_store, kg):
    import pyoxigraph as ox
    result = kg("sparql", "CONSTRUCT { ?x party:topic ?t } WHERE { ?x party:topic ?t }")
    assert UNSAFE_ON_TERMINAL.findall(result.output) == []
    (triple,) = ox.parse(result.output.encode(), format=ox.RdfFormat.N_TRIPLES)
    assert triple.object.value == TOPIC


def test_error_messages_show_the_data_they_quote_escaped(hostile_store, kg):
    result = kg("chain", "t")     # in many names: the hint lists those that contain it
    assert result.exit_code == 2
    assert "xã Đỏ\\x1b[31m \\u202eTây" in result.output
    assert UNSAFE_ON_TERMINAL.findall(result.output) == []


def test_unicode_escaped_is_the_same_json_value():
    value = {"name": f"a{ESC}\x7f{CSI}{RLO}b"}
    text = unicode_escaped(json.dumps(value, ensure_ascii=False))
    assert UNSAFE_ON_TERMINAL.findall(text) == [] and json.loads(text) == value
