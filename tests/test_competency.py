"""The eight competency questions of the ontology spec, each answered by one
named query, with its exact answer on the sample."""
from __future__ import annotations

import pytest

from kg import queries
from kg.load import load_records
from kg.model import Activity, ActivityKind, Membership, Official, Organisation, OrgKind, Place, Records, Source, \
    SourceKind, UnitLevel
from kg.store import EmbeddedStore

COMPETENCY = ["cq1-official-posts", "cq2-activities-under-document", "cq3-documents-of-body", "cq4-units-within",
              "cq5-inspected-units-in-year", "cq6-concurrent-posts", "cq7-post-holder-on-date", "cq8-oversight-chain"]


def rows(store_path, query_name, columns, **params):
    with EmbeddedStore(store_path, read_only=True) as store:
        results = queries.run(store, query_name, {k: str(v) for k, v in params.items()})
        return sorted(tuple(None if r[c] is None else r[c].value for c in columns) for r in results)


def test_every_competency_question_is_a_named_query_that_says_what_it_answers():
    named = queries.named_queries()
    for name in COMPETENCY:
        assert name in named
        assert named[name].answers.endswith("?") or "?" in named[name].answers
        assert named[name].example and name in named[name].example


def test_cq1_posts_of_an_official_with_source_and_sentence(sample_store):
    found = rows(sample_store, "cq1-official-posts", ["post", "organisation", "attestedOn"], name="tran thi loc")
    assert found == [
        ("Trưởng Ban Tuyên giáo Tỉnh ủy Bắc Kạn", "Ban Tuyên giáo Tỉnh ủy Bắc Kạn", "2022-11-25"),
        ("Ủy viên Ban Thường vụ Tỉnh ủy Bắc Kạn", "Ban Thường vụ Tỉnh ủy Bắc Kạn", "2022-11-25"),
    ]
    evidence = rows(sample_store, "cq1-official-posts", ["official", "sources", "sentence"], name="Trần Thị Lộc")
    assert [e[:2] for e in evidence] == [("Trần Thị Lộc", "1")] * 2
    assert all(e[2].startswith("Ngày 25/11, Đoàn công tác số 01") for e in evidence)


def test_cq2_who_inspected_whom_under_a_document(sample_store):
    found = rows(sample_store, "cq2-activities-under-document",
                 ["kind", "date", "inspector", "target", "leader"], code="91-KH/BTGTU")
    assert found == [("inspection", "2022-11-25", "Ban Tuyên giáo Tỉnh ủy Bắc Kạn", t, "Trần Thị Lộc")
                     for t in ("phường Sông Cầu", "thành phố Bắc Kạn", "xã Dương Quang")]


def test_cq3_documents_of_a_body_and_what_continues_them(sample_store):
    found = rows(sample_store, "cq3-documents-of-body", ["document", "type", "date", "relation", "laterDocument"],
                 body="Bộ Chính trị")
    assert found == [("01-KL/TW", "Kết luận", "2021-05-18", None, None),
                     ("05-CT/TW", "Chỉ thị", None, "continues", "01-KL/TW")]


def test_cq4_units_within_then_and_now(sample_store):
    found = rows(sample_store, "cq4-units-within", ["unit", "parent", "era", "successor"], area="tỉnh Bắc Kạn")
    assert found == [("phường Sông Cầu", "thành phố Bắc Kạn", "pre2025", "phường Bắc Kạn"),
                     ("xã Dương Quang", "thành phố Bắc Kạn", "pre2025", "xã Phong Quang")]


def test_cq5_units_inspected_in_a_year(sample_store):
    found = rows(sample_store, "cq5-inspected-units-in-year", ["unit", "times"], province="tỉnh Bắc Kạn", year=2022)
    assert found == [("phường Sông Cầu", "1"), ("thành phố Bắc Kạn", "1"), ("xã Dương Quang", "1")]
    assert rows(sample_store, "cq5-inspected-units-in-year", ["unit"], province="tỉnh Bắc Kạn", year=2021) == []


def test_cq6_concurrent_posts(sample_store):
    found = rows(sample_store, "cq6-concurrent-posts", ["name", "postA", "postB"])
    assert found == [
        ("Phạm Quyết Chiến", "Giám đốc Trung tâm Chính trị thành phố Bắc Kạn", "Trưởng Ban Tuyên giáo Thành ủy Bắc Kạn"),
        ("Phạm Quyết Chiến", "Giám đốc Trung tâm Chính trị thành phố Bắc Kạn", "Ủy viên Ban Thường vụ Thành ủy Bắc Kạn"),
        ("Phạm Quyết Chiến", "Trưởng Ban Tuyên giáo Thành ủy Bắc Kạn", "Ủy viên Ban Thường vụ Thành ủy Bắc Kạn"),
        ("Trần Thị Lộc", "Trưởng Ban Tuyên giáo Tỉnh ủy Bắc Kạn", "Ủy viên Ban Thường vụ Tỉnh ủy Bắc Kạn"),
    ]


def test_cq7_holder_of_a_post_on_a_date(sample_store):
    post = "Trưởng Ban Tuyên giáo Tỉnh ủy Bắc Kạn"
    assert rows(sample_store, "cq7-post-holder-on-date", ["name"], post=post, date="2022-11-25") == [("Trần Thị Lộc",)]
    assert rows(sample_store, "cq7-post-holder-on-date", ["name"], post=post, date="2024-01-01") == []


def test_cq7_uses_recorded_start_and_end(store_path):
    records = Records(Source("terms", SourceKind.CURATED))
    records.organisations.append(Organisation("Tỉnh ủy Cao Bằng", OrgKind.PARTY_COMMITTEE))
    records.officials += [Official("Lại Văn Một"), Official("Lại Văn Hai")]
    records.memberships += [
        Membership("Lại Văn Một", "secretary", "Tỉnh ủy Cao Bằng", valid_from=2015, valid_through=2020),
        Membership("Lại Văn Hai", "secretary", "Tỉnh ủy Cao Bằng", valid_from=2021),
    ]
    with EmbeddedStore(store_path) as store:
        load_records(store, [records])
    for date, holder in (("2016-05-01", "Lại Văn Một"), ("2023-05-01", "Lại Văn Hai")):
        assert rows(store_path, "cq7-post-holder-on-date", ["name"], post="Bí thư Tỉnh ủy Cao Bằng",
                    date=date) == [(holder,)]


def test_cq8_oversight_chain_on_the_sample(sample_store):
    assert rows(sample_store, "cq8-oversight-chain", ["inspector", "inspected"], unit="xã Dương Quang") == [
        ("Ban Tuyên giáo Tỉnh ủy Bắc Kạn", "xã Dương Quang")]


def test_cq8_follows_the_chain_through_bodies_and_the_units_they_govern(store_path):
    records = Records(Source("chain", SourceKind.CURATED))
    records.places += [Place("tỉnh Cao Bằng", "tỉnh", UnitLevel.PROVINCE),
                       Place("huyện Trùng Khánh", "huyện", UnitLevel.DISTRICT, parent="tỉnh Cao Bằng"),
                       Place("xã Đàm Thủy", "xã", UnitLevel.COMMUNE, parent="huyện Trùng Khánh")]
    records.organisations += [
        Organisation("Huyện ủy Trùng Khánh", OrgKind.PARTY_COMMITTEE, jurisdiction="huyện Trùng Khánh"),
        Organisation("Ban Thường vụ Huyện ủy Trùng Khánh", OrgKind.STANDING_COMMITTEE, parent="Huyện ủy Trùng Khánh"),
        Organisation("Ban Tuyên giáo Tỉnh ủy Cao Bằng", OrgKind.PARTY_AGENCY)]
    records.activities += [
        Activity(ActivityKind.INSPECTION, "Ban Thường vụ Huyện ủy Trùng Khánh", ["xã Đàm Thủy"]),
        Activity(ActivityKind.SUPERVISION, "Ban Tuyên giáo Tỉnh ủy Cao Bằng", ["huyện Trùng Khánh"])]
    with EmbeddedStore(store_path) as store:
        load_records(store, [records])
    assert rows(store_path, "cq8-oversight-chain", ["inspector", "inspected"], unit="xa dam thuy") == [
        ("Ban Thường vụ Huyện ủy Trùng Khánh", "xã Đàm Thủy"),
        ("Ban Tuyên giáo Tỉnh ủy Cao Bằng", "huyện Trùng Khánh")]


@pytest.mark.parametrize("value", ['x" } ; DROP ALL ; { "', "x\\", "x\n}", "{x}"])
def test_parameters_are_bound_never_pasted(sample_store, value):
    assert rows(sample_store, "cq1-official-posts", ["post"], name=value) == []
    assert rows(sample_store, "cq2-activities-under-document", ["target"], code=value) == []
    assert rows(sample_store, "cq1-official-posts", ["post"], name="Trần Thị Lộc") != []
