"""kg sparql, kg queries and kg export as researchers use them."""
from __future__ import annotations

import csv
import io
import json

import rdflib
import rdflib.compare


def test_sparql_formats(sample_store, kg, tmp_path):
    query = "SELECT ?name WHERE { ?p a party:Official ; foaf:name ?name } ORDER BY ?name"
    table = kg("sparql", query)
    assert table.exit_code == 0 and "Phạm Quyết Chiến" in table.output
    rows = list(csv.reader(io.StringIO(kg("sparql", query, "--format", "csv").output)))
    assert rows == [["name"], ["Bế Thời"], ["Phạm Quyết Chiến"], ["Trần Thị Lộc"]]
    tsv = kg("sparql", query, "--format", "tsv").output.splitlines()
    assert tsv[0] == "?name" and tsv[1] == '"Bế Thời"@vi'
    data = json.loads(kg("sparql", query, "--format", "json").output)
    assert [b["name"]["value"] for b in data["results"]["bindings"]] == ["Bế Thời", "Phạm Quyết Chiến", "Trần Thị Lộc"]
    rq = tmp_path / "ask.rq"
    rq.write_text("ASK { ?d eli:id_local '91-KH/BTGTU' }", encoding="utf-8")
    assert kg("sparql", str(rq)).output.strip() == "true"


def test_malformed_query_gets_the_parsers_message(sample_store, kg):
    result = kg("sparql", "SELECT ?x WHERE {\n ?x ?y \n")
    assert result.exit_code == 2
    assert "malformed query: error at 3:1" in result.output


def test_queries_lists_and_runs_named_queries(sample_store, kg):
    listing = kg("queries")
    assert "cq1-official-posts" in listing.output and "--param name=" in listing.output
    result = kg("queries", "run", "cq2-activities-under-document", "--param", "code=91-KH/BTGTU", "--format", "csv")
    assert result.exit_code == 0 and result.output.count("Trần Thị Lộc") == 3
    missing = kg("queries", "run", "cq1-official-posts")
    assert missing.exit_code == 2 and "needs --param name" in missing.output
    unknown = kg("queries", "run", "cq1-oficial-posts")
    assert unknown.exit_code == 2 and "did you mean cq1-official-posts" in unknown.output


def test_queries_list_as_json_for_scripts(kg):
    listing = kg("queries", "--format", "json")
    assert listing.exit_code == 0, listing.output
    queries = {q["name"]: q for q in json.loads(listing.output)}
    from kg.queries import named_queries
    assert set(queries) == set(named_queries())
    cq1 = queries["cq1-official-posts"]
    assert cq1["answers"].startswith("Which posts") and cq1["example"].startswith("kg queries run cq1-official-posts")
    assert [p["name"] for p in cq1["params"]] == ["name"] and cq1["params"][0]["type"] == "fold"


def test_cq1_first_column_is_the_officials_name(sample_store, kg):
    result = kg("queries", "run", "cq1-official-posts", "--param", "name=tran thi loc", "--format", "csv")
    header, *rows = list(csv.reader(io.StringIO(result.output)))
    assert header[0] == "official" and {r[0] for r in rows} == {"Trần Thị Lộc"}


def test_help_gives_the_real_store_default(kg, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", "/nonexistent/xdg")
    text = kg("--help").output
    assert "party-kg-store" not in text
    assert "$XDG_DATA_HOME/party-kg/store" in text and "~/.local/share/party-" in text


def test_export_keeps_named_graphs_where_the_format_has_them(sample_store, kg, tmp_path):
    for fmt, parse_as in (("trig", "trig"), ("nq", "nquads")):
        out = tmp_path / f"all.{fmt}"
        assert kg("export", "--format", fmt, "-o", str(out)).exit_code == 0
        dataset = rdflib.Dataset()
        dataset.parse(out, format=parse_as)
        names = {str(g.identifier) for g in dataset.graphs() if len(g)}
        assert any("/source/seed-" in n for n in names)
    ttl = tmp_path / "all.ttl"
    assert kg("export", "--format", "ttl", "-o", str(ttl)).exit_code == 0
    graph = rdflib.Graph().parse(ttl, format="turtle")
    assert (None, rdflib.URIRef("http://data.europa.eu/eli/ontology#id_local"), rdflib.Literal("91-KH/BTGTU")) in graph


def test_export_jsonld_uses_the_project_context(sample_store, kg, tmp_path):
    out = tmp_path / "all.jsonld"
    result = kg("export", "--format", "jsonld", "-o", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["@context"]["party"] == "https://w3id.org/party-kg/def#"   # the context, not a document in it
    facts = rdflib.Graph().parse(out, format="json-ld")
    ttl = tmp_path / "all.ttl"
    assert kg("export", "--format", "ttl", "-o", str(ttl)).exit_code == 0
    assert rdflib.compare.isomorphic(facts, rdflib.Graph().parse(ttl, format="turtle"))
    assert any(str(o) == "Trần Thị Lộc" for o in facts.objects())


def test_export_jsonld_reads_the_same_in_a_strict_processor(sample_store, kg, tmp_path):
    """pyld follows the JSON-LD 1.1 algorithms to the letter (a context
    nested in a context failed there while rdflib read it): expanded, it
    gives every fact the Turtle export gives, and only those."""
    from pyld import jsonld

    def no_remote_documents(url, options=None):
        raise AssertionError(f"the export made the processor fetch {url}")
    out, ttl = tmp_path / "all.jsonld", tmp_path / "all.ttl"
    assert kg("export", "--format", "jsonld", "-o", str(out)).exit_code == 0
    assert kg("export", "--format", "ttl", "-o", str(ttl)).exit_code == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    options = {"documentLoader": no_remote_documents}
    expanded = jsonld.expand(document, options)
    assert any(value.get("@value") == "Trần Thị Lộc"
               for node in expanded for values in node.values() if isinstance(values, list)
               for value in values if isinstance(value, dict))
    nquads = jsonld.to_rdf(document, {**options, "format": "application/n-quads"})
    strict = rdflib.Graph().parse(data=nquads, format="nt")
    facts = rdflib.Graph().parse(ttl, format="turtle")
    assert len(strict) == len(facts)
    assert rdflib.compare.isomorphic(strict, facts)


def test_export_to_an_unwritable_path_says_so(sample_store, kg, tmp_path):
    result = kg("export", "--format", "ttl", "-o", str(tmp_path / "no" / "such" / "dir" / "x.ttl"))
    assert result.exit_code == 2 and "cannot write" in result.output
