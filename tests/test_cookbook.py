"""The query cookbook: every named query is documented, parses, runs with
its example's parameters, and the cookbook's queries give exact answers on
a small graph made from records (tests/cookbook_fixtures.py)."""
from __future__ import annotations

import shlex

import pyoxigraph as ox
import pytest

from cookbook_fixtures import A1, ALPHA, AN, BINH, GAMMA, SOURCE_KEY, SOURCE_TITLE, TU, activity_iri, cookbook_store
from kg import identity
from kg.queries import named_queries, run
from kg.vocab import PREFIXES

QUERIES = named_queries()
COOKBOOK = [name for name in QUERIES if not name.startswith("cq")]


def example_params(example: str) -> dict[str, str]:
    args = shlex.split(example)
    return dict(args[i + 1].split("=", 1) for i, arg in enumerate(args) if arg == "--param")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = cookbook_store(tmp_path_factory.mktemp("cookbook") / "store")
    yield store
    store.close()


def rows(store, query: str, **params: str) -> list[dict[str, str | None]]:
    results = run(store, query, params)
    names = [v.value for v in results.variables]
    return [{n: None if row[n] is None else row[n].value for n in names} for row in results]


def test_cookbook_has_at_least_fifteen_queries_beyond_the_competency_questions():
    assert len(COOKBOOK) >= 15


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_query_is_documented_and_parses(name):
    query = QUERIES[name]
    assert query.answers and query.example, name
    assert query.example.startswith(f"kg queries run {name}")
    params = example_params(query.example)
    assert set(params) == {p.name for p in query.params}, "the example gives every parameter"
    for param in query.params:
        assert param.description, f"{name}: --param {param.name} needs a description"
        # every row says what it answers: the queries SELECT their parameters
        # (kg.binding binds them as a VALUES row, which needs no projection)
        assert f"?{param.name}" in query.text.split("WHERE")[0], f"{name}: ?{param.name} is not projected"
    ox.Store().query(query.text, prefixes=PREFIXES)   # raises SyntaxError if malformed


# Examples whose values are in neither the cookbook's graph nor the sample;
# each still runs, and must answer nothing (else it leaves this list)
EXAMPLES_WITHOUT_ANSWERS = {
    "activity-evidence": "the example's activity IRI is a placeholder",
    "fact-sources": "the example's IRI is a placeholder",
    "most-active-leaders": "neither graph has an activity in 2024",
    "units-without-activity": "every unit of tỉnh Bắc Kạn in the sample was inspected in 2022",
}


@pytest.fixture(scope="module")
def examples_store(tmp_path_factory):
    """The cookbook's graph and the sample, where the examples' values live."""
    from kg.demo import curated_sample_path
    from kg.load import load
    store = cookbook_store(tmp_path_factory.mktemp("examples") / "store")
    load(store, [curated_sample_path()])
    yield store
    store.close()


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_query_runs_with_its_example(examples_store, name):
    query, params = QUERIES[name], example_params(QUERIES[name].example)
    results = run(examples_store, name, params)
    columns = [v.value for v in results.variables]
    got = list(results)
    bound = query.bind(params)
    assert set(bound) <= set(columns)
    for row in got:
        assert row[columns[0]] is not None, f"{name}: a row without its first column"
        assert all(row[p] == term for p, term in bound.items()), f"{name}: a row for other parameters"
    if name in EXAMPLES_WITHOUT_ANSWERS:
        assert got == [], f"{name} answers its example now: take it out of EXAMPLES_WITHOUT_ANSWERS"
    else:
        assert got, f"{name}: its example answers nothing on the cookbook's graph and the sample"


def test_examples_give_the_documented_answers(examples_store):
    """A known value for a few of the examples on the sample."""
    def first(name: str, column: str) -> set[str]:
        results = run(examples_store, name, example_params(QUERIES[name].example))
        return {row[column].value for row in results if row[column] is not None}
    assert first("cq1-official-posts", "official") == {"Trần Thị Lộc"}
    assert first("cq2-activities-under-document", "target") == {"phường Sông Cầu", "thành phố Bắc Kạn",
                                                               "xã Dương Quang"}
    assert first("cq8-oversight-chain", "inspector") == {"Ban Tuyên giáo Tỉnh ủy Bắc Kạn"}
    assert "Trưởng Ban Tuyên giáo Tỉnh ủy Bắc Kạn" in first("career-path", "post")


def test_career_path_is_in_order_of_time(store):
    got = [(r["when"], r["level"], r["post"]) for r in rows(store, "career-path", name=BINH)]
    assert got == [("2019-05-01", "District", "Bí thư Huyện ủy Beta"),
                   ("2025-07-01", "Province", "Ủy viên Tỉnh ủy Alpha")]


def test_concurrent_posts_on_a_date(store):
    got = rows(store, "concurrent-posts-on-date", date="2022-06-01")
    assert [(r["name"], r["posts"]) for r in got] == [(AN, "2")]
    # after the commission post ended, and in the new term, nobody holds two
    assert rows(store, "concurrent-posts-on-date", date="2025-09-01") == []


def test_activities_per_province_per_year(store):
    got = {(r["province"], r["year"], r["activities"]) for r in rows(store, "activities-per-province-per-year")}
    # the district committee's supervision counts for its province
    assert got == {(ALPHA, "2022", "2"), (ALPHA, "2023", "1"), ("Trung ương", "2023", "1")}


def test_directive_lineage_is_transitive_both_ways(store):
    got = {(r["direction"], r["document"]) for r in rows(store, "directive-lineage", code="05-CT/TW")}
    assert got == {("downstream", "10-KH/TU"), ("downstream", "20-KH/TU"), ("downstream", "30-KH/HU")}
    got = {(r["direction"], r["document"]) for r in rows(store, "directive-lineage", code="20-kh/tu")}
    assert got == {("upstream", "10-KH/TU"), ("upstream", "05-CT/TW"), ("downstream", "30-KH/HU")}


def test_who_inspects_whom_between_levels(store):
    got = {(r["inspectorLevel"], r["targetLevel"], r["activities"]) for r in rows(store, "inspects-matrix")}
    assert got == {("Province", "District", "1"), ("District", "Commune", "1"),
                   ("Central", "Province", "1"), ("Province", "Member", "1")}


def test_holdings_attested_after_their_end(store):
    got = [(r["name"], r["post"], r["validThrough"], r["attestedOn"]) for r in rows(store, "attested-after-end")]
    # Trần Thị Bình's attestation falls within her last month: not listed
    assert got == [(AN, "Trưởng Ủy ban Kiểm tra Tỉnh ủy Alpha", "2023-06", "2023-09-01")]


def test_documents_cited_but_never_seen_issued(store):
    got = {(r["document"], r["citations"]) for r in rows(store, "documents-cited-never-issued")}
    assert got == {(identity.document_iri("99-NQ/TW"), "1"), (identity.document_iri("77-KH/UBKTTU"), "1")}


def test_units_without_activity_in_a_year(store):
    got = [r["unit"] for r in rows(store, "units-without-activity", province=ALPHA, year="2022")]
    assert got == ["xã Hai"]
    got = [r["unit"] for r in rows(store, "units-without-activity", province="Tinh alpha", year="2023")]
    assert sorted(got) == ["huyện Beta", "xã Hai", "xã Một"]


def test_units_that_ended_in_the_2025_reform_and_their_successors(store):
    got = {(r["unit"], r["level"], r["validThrough"], r["partOf"], r["successor"])
           for r in rows(store, "reform-2025-successors")}
    assert got == {
        (ALPHA, "Province", "2025-06-30", None, "tỉnh Gamma"),
        ("huyện Beta", "District", "2025-06-30", ALPHA, None),
        ("xã Một", "Commune", "2025-06-30", "huyện Beta", "xã Mới"),
        ("xã Hai", "Commune", "2025-06-30", "huyện Beta", "xã Mới"),
    }
    bodies = {r["unit"]: set(r["bodies"].split(" | ")) for r in rows(store, "reform-2025-successors")}
    assert bodies[ALPHA] == {TU, "Ủy ban Kiểm tra Tỉnh ủy Alpha"}


def test_most_active_leaders(store):
    got = {(r["name"], r["activities"]) for r in rows(store, "most-active-leaders", year="2022")}
    assert got == {(AN, "1"), (BINH, "1")}
    assert [(r["name"], r["activities"]) for r in rows(store, "most-active-leaders", year="2023")] == [(AN, "1")]


def test_documents_per_issuer_per_year(store):
    got = {(r["issuer"], r["year"], r["documents"]) for r in rows(store, "documents-per-issuer-per-year")}
    assert got == {("Bộ Chính trị", "2016", "1"), (TU, "2021", "1"), (TU, "2022", "1"), ("Huyện ủy Beta", "2022", "1")}


def test_delegations_and_their_leaders(store):
    got = {(r["delegation"], r["inspector"], r["activities"], r["first"]) for r in rows(store, "delegations")}
    assert got == {("Đoàn kiểm tra 01", "Ủy ban Kiểm tra Tỉnh ủy Alpha", "1", "2022-05-10"),
                   ("Đoàn công tác Trung ương", "Ủy ban Kiểm tra Trung ương", "1", "2023-03-03")}
    led = {r["delegation"]: r["leaders"] for r in rows(store, "delegations")}
    assert led["Đoàn kiểm tra 01"] == AN


def test_activities_by_kind_per_year(store):
    got = {(r["kind"], r["year"], r["activities"]) for r in rows(store, "activities-by-kind-per-year")}
    assert got == {("inspection", "2022", "1"), ("supervision", "2022", "1"),
                   ("inspection", "2023", "1"), ("working_session", "2023", "1")}


def test_officials_of_an_organisation_and_its_bodies(store):
    got = {(r["body"], r["role"], r["name"]) for r in rows(store, "officials-of-organisation", organisation=TU)}
    assert got == {(TU, "Bí thư", AN), (TU, "Ủy viên", BINH), ("Ủy ban Kiểm tra Tỉnh ủy Alpha", "Trưởng", AN),
                   ("Huyện ủy Beta", "Bí thư", BINH), ("Đảng ủy xã Một", "Bí thư", "Lê Văn Cường")}


def test_namesakes_in_different_provinces(store):
    got = rows(store, "namesakes")
    assert [(r["name"], r["people"]) for r in got] == [(AN, "2")]
    assert set(got[0]["provinces"].split(" | ")) == {"tinh-alpha", "tinh-gamma"}


def test_officials_known_to_be_one_person_are_not_namesakes(tmp_path):
    from kg.model import Records, SameAs, Source, SourceKind
    from kg.rdf import records_to_triples
    store = cookbook_store(tmp_path / "store")
    try:
        curated = Records(Source("https://example.org/curated-same", SourceKind.CURATED),
                          same_as=[SameAs([(AN, ALPHA), (AN, GAMMA)])])
        store.replace_graphs({identity.source_iri(curated.source.key): records_to_triples(curated)})
        assert rows(store, "namesakes") == []
    finally:
        store.close()


def test_evidence_for_an_activity(store):
    got = rows(store, "activity-evidence", activity=activity_iri(A1))
    assert [(r["source"], r["title"], r["url"], r["sentence"]) for r in got] == [
        (identity.source_iri(SOURCE_KEY), SOURCE_TITLE, SOURCE_KEY, A1.evidence[0].sentence)]


def test_activities_led_by_and_inspections_of_a_unit(store):
    got = {(r["date"], r["target"]) for r in rows(store, "activities-led-by", name="nguyen van an")}
    assert got == {("2022-05-10", "Huyện ủy Beta"), ("2023-04-04", "Lê Văn Cường")}
    got = [(r["date"], r["inspector"], r["document"]) for r in rows(store, "inspections-of-unit", unit="huyện Beta")]
    assert got == [("2022-05-10", "Ủy ban Kiểm tra Tỉnh ủy Alpha", "20-KH/TU")]


def test_documents_about_words(store):
    assert [r["document"] for r in rows(store, "documents-about", words="Kiểm Tra")] == ["05-CT/TW"]


@pytest.mark.parametrize("value", ['"', "'", "}", "\\", "\n", '"} ; DROP ALL ; {', "?name", "<http://x>"])
def test_hostile_parameter_values_match_nothing(store, value):
    assert rows(store, "career-path", name=value) == []
    assert rows(store, "documents-about", words=value) == []


def test_csv_tables_in_a_popolo_like_shape(store, tmp_path):
    import csv

    from kg.tables_export import export_csv
    files = export_csv(store, tmp_path / "csv")
    tables = {p.stem: list(csv.DictReader(p.open(encoding="utf-8"))) for p in files}
    assert {k: len(v) for k, v in tables.items()} == {
        "persons": 4, "organizations": 10, "posts": 6, "memberships": 6, "activities": 4, "documents": 4}
    head = next(m for m in tables["memberships"] if m["end_date"] == "2023-06")
    assert (head["start_date"], head["attested_on"]) == ("2021", "2023-09-01")
    assert head["person_id"] in {p["id"] for p in tables["persons"]}
    assert head["post_id"] in {p["id"] for p in tables["posts"]}
    kinds = {o["name"]: o["classification"] for o in tables["organizations"]}
    assert (kinds[TU], kinds["Đoàn kiểm tra 01"]) == ("PartyCommittee", "Delegation")
    assert {a["classification"] for a in tables["activities"]} == {"inspection", "supervision", "working_session"}
    a1 = next(a for a in tables["activities"] if a["id"] == activity_iri(A1))
    assert (a1["classification"], a1["leader"], a1["targets"], a1["document"]) == (
        "inspection", AN, "Huyện ủy Beta", "20-KH/TU")
    plan = next(d for d in tables["documents"] if d["identifier"] == "10-KH/TU")
    assert plan["implements_ids"] == identity.document_iri("05-CT/TW")
    assert plan["cites_ids"] == identity.document_iri("99-NQ/TW")


def test_every_named_query_is_documented_for_researchers():
    from pathlib import Path
    text = (Path(__file__).resolve().parents[1] / "docs" / "queries.md").read_text(encoding="utf-8")
    missing = [name for name in QUERIES if f"### `{name}`" not in text]
    assert not missing, f"docs/queries.md lacks {missing}"
