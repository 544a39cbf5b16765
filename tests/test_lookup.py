"""The lookups people use from the command line, on the sample."""
from __future__ import annotations

import json
import unicodedata

import pytest

from kg.load import load_records
from kg.model import Document, DocumentLink, Membership, Official, Organisation, Records, Relation, Source, SourceKind
from kg.store import EmbeddedStore

LOC_POSTS = {"Ủy viên Ban Thường vụ Tỉnh ủy Bắc Kạn", "Trưởng Ban Tuyên giáo Tỉnh ủy Bắc Kạn"}
CHIEN_POSTS = {"Ủy viên Ban Thường vụ Thành ủy Bắc Kạn", "Trưởng Ban Tuyên giáo Thành ủy Bắc Kạn",
               "Giám đốc Trung tâm Chính trị thành phố Bắc Kạn"}


@pytest.mark.parametrize("name", [
    "Trần Thị Lộc", "tran thi loc", "TRẦN THỊ LỘC", unicodedata.normalize("NFD", "Trần Thị Lộc"), "  tran   thi loc "])
def test_person_is_found_whatever_the_case_accents_or_normal_form(sample_store, kg, name):
    result = kg("person", name, "--format", "json")
    assert result.exit_code == 0, result.output
    (match,) = json.loads(result.output)
    assert match["name"] == "Trần Thị Lộc"
    assert {p["post"] for p in match["posts"]} == LOC_POSTS


def test_person_shows_organisation_dates_source_and_sentence(sample_store, kg):
    result = kg("person", "Phạm Quyết Chiến")
    assert result.exit_code == 0
    for post in CHIEN_POSTS:
        assert post in result.output
    assert "attested 2022-11-25" in result.output
    assert "source: Ban Tuyên giáo Tỉnh ủy kiểm tra công tác Tuyên giáo năm 2022" in result.output
    assert "Trưởng Ban Tuyên Thành ủy, Giám đốc Trung tâm" in result.output  # the sentence behind it


def test_namesakes_are_listed_apart(store_path, kg):
    records = Records(Source("namesakes", SourceKind.CURATED))
    for province in ("tỉnh Cao Bằng", "tỉnh Nghệ An"):
        records.officials.append(Official("Nguyễn Văn Hùng", province))
        records.organisations.append(Organisation(f"Tỉnh ủy {province[5:]}"))
        records.memberships.append(Membership("Nguyễn Văn Hùng", "secretary", f"Tỉnh ủy {province[5:]}",
                                              person_context=province))
    with EmbeddedStore(store_path) as store:
        load_records(store, [records])
    matches = json.loads(kg("person", "nguyen van hung", "--format", "json").output)
    assert len(matches) == 2
    assert {m["posts"][0]["post"] for m in matches} == {"Bí thư Tỉnh ủy Cao Bằng", "Bí thư Tỉnh ủy Nghệ An"}


@pytest.mark.parametrize("hostile", [
    'Lộc" } ; DROP ALL ; { "', "Lộc' . ?s ?p ?o", "Lộc\\", "Lộc\n}\nINSERT DATA { <a> <b> <c> }",
    "{{name}}", "?person", "<http://x>"])
def test_hostile_names_are_values_not_query_text(sample_store, kg, hostile):
    before = kg("stats", "--format", "json").output
    for command in ("person", "org", "directive"):
        result = kg(command, hostile, "--format", "json")
        assert result.exit_code == 1, result.output  # not found, and nothing broke
        assert json.loads(result.output) == []
    result = kg("inspections", "--inspector", hostile, "--target", hostile, "--directive", hostile, "--format", "json")
    assert json.loads(result.output) == []
    assert kg("stats", "--format", "json").output == before


def test_unknown_person_says_so(sample_store, kg):
    result = kg("person", "Không Có Ai")
    assert result.exit_code == 1 and "no official named" in result.output


def test_org_directive_inspections_and_stats(sample_store, kg):
    org = json.loads(kg("org", "BTGTU", "--format", "json").output)
    assert [o["name"] for o in org] == ["Ban Tuyên giáo Tỉnh ủy Bắc Kạn"]
    assert org[0]["parent"] == "Tỉnh ủy Bắc Kạn" and org[0]["jurisdiction"] == "tỉnh Bắc Kạn"
    (doc,) = json.loads(kg("directive", "91 – kh/btgtu", "--format", "json").output)
    assert (doc["code"], doc["type"], doc["issuer"], doc["date"]) == (
        "91-KH/BTGTU", "Kế hoạch", "Ban Tuyên giáo Tỉnh ủy Bắc Kạn", "2022-11-01")
    (kl,) = json.loads(kg("directive", "01-KL/TW", "--format", "json").output)
    assert kl["links"] == [{"doc": kl["iri"], "relation": "continues", "direction": "out", "code": "05-CT/TW"}]
    (act,) = json.loads(kg("inspections", "--directive", "91-KH/BTGTU", "--year", "2022",
                           "--inspector", "ban tuyen giao tinh uy bac kan", "--target", "xã Dương Quang",
                           "--format", "json").output)
    assert (act["kind"], act["date"], act["leader"], act["document"], act["topic"]) == (
        "inspection", "2022-11-25", "Trần Thị Lộc", "91-KH/BTGTU", "công tác Tuyên giáo năm 2022")
    assert sorted(act["targets"]) == ["phường Sông Cầu", "thành phố Bắc Kạn", "xã Dương Quang"]
    assert json.loads(kg("inspections", "--year", "2023", "--format", "json").output) == []
    figures = json.loads(kg("stats", "--format", "json").output)
    assert (figures["officials"], figures["documents"], figures["oversight activities"]) == (3, 5, 1)


# one link of every relation from 1-KH/TU, each to a document of its own
RELATED = {relation: f"{n}-NQ/TW" for n, relation in enumerate(Relation, start=10)}


def load_every_relation(store_path):
    records = Records(Source("relations", SourceKind.CURATED))
    records.documents.append(Document("1-KH/TU", "KH"))
    for relation, target in RELATED.items():
        records.documents.append(Document(target, "NQ"))
        records.document_links.append(DocumentLink("1-KH/TU", relation, target))
    with EmbeddedStore(store_path) as store:
        load_records(store, [records])


def test_directive_shows_every_relation_between_documents(store_path, kg):
    """Each relation the mapping writes (repeals was missing), both ways, once:
    a replacement is also stated as a repeal, and shown as what it is."""
    load_every_relation(store_path)
    targets = RELATED
    (doc,) = json.loads(kg("directive", "1-KH/TU", "--format", "json").output)
    assert sorted((link["relation"], link["direction"], link["code"]) for link in doc["links"]) == sorted(
        (relation.value, "out", target) for relation, target in targets.items())
    for relation, target in targets.items():
        (other,) = json.loads(kg("directive", target, "--format", "json").output)
        assert [(link["relation"], link["direction"], link["code"]) for link in other["links"]] == [
            (relation.value, "in", "1-KH/TU")]
    text = kg("directive", "1-KH/TU").output
    assert f"repeals {targets[Relation.REPEALS]}" in text and f"replaces {targets[Relation.REPLACES]}" in text
    assert f"repeals {targets[Relation.REPLACES]}" not in text


def test_documents_table_has_a_column_for_every_relation(store_path, tmp_path):
    import csv

    from kg.identity import document_iri
    from kg.tables_export import export_csv
    load_every_relation(store_path)
    with EmbeddedStore(store_path, read_only=True) as store:
        export_csv(store, tmp_path / "csv")
    with (tmp_path / "csv" / "documents.csv").open(encoding="utf-8") as table:
        (row,) = [r for r in csv.DictReader(table) if r["identifier"] == "1-KH/TU"]
    for relation, target in RELATED.items():
        assert document_iri(target) in row[f"{relation.value}_ids"].split(" | "), relation
    # a replacement is a repeal too (party:replaces ⊑ eli:repeals)
    assert set(row["repeals_ids"].split(" | ")) == {document_iri(RELATED[Relation.REPEALS]),
                                                    document_iri(RELATED[Relation.REPLACES])}


@pytest.mark.parametrize("spelling, code", [
    ("91-kh-btgtu", "91-KH/BTGTU"), ("91 KH BTGTU", "91-KH/BTGTU"), ("91.kh.btgtu", "91-KH/BTGTU"),
    ("91_KH_BTGTU", "91-KH/BTGTU"), ("91khbtgtu", "91-KH/BTGTU"),
    ("238-qd-tw", "238-QĐ/TW"), ("238 QĐ TƯ", "238-QĐ/TW"), ("01 – KL – TƯ", "01-KL/TW")])
def test_directive_is_found_whatever_its_case_accents_or_separators(sample_store, kg, spelling, code):
    result = kg("directive", spelling, "--format", "json")
    assert result.exit_code == 0, result.output
    assert [d["code"] for d in json.loads(result.output)] == [code]


def test_separators_typed_loosely_list_party_and_state_codes_both(store_path, kg):
    records = Records(Source("codes", SourceKind.CURATED))
    records.documents += [Document("91-KH/BTGTU", "KH"), Document("91/KH-BTGTU", "KH")]
    with EmbeddedStore(store_path) as store:
        load_records(store, [records])
    loose = json.loads(kg("directive", "91-kh-btgtu", "--format", "json").output)
    assert sorted(d["code"] for d in loose) == ["91-KH/BTGTU", "91/KH-BTGTU"]
    # written as one of them, it is that one
    assert [d["code"] for d in json.loads(kg("directive", "91/kh-btgtu", "--format", "json").output)] == ["91/KH-BTGTU"]


def test_reads_on_a_missing_store_say_what_to_do(kg):
    result = kg("person", "Trần Thị Lộc")
    assert result.exit_code == 2 and "no store at" in result.output and "kg demo" in result.output


def test_demo_tours_the_sample(kg, tmp_path):
    result = kg("demo", "--view", str(tmp_path / "view.html"))
    assert result.exit_code == 0, result.output
    out = result.output
    for post in LOC_POSTS | CHIEN_POSTS:
        assert post in out
    assert "2022-11-25: Ban Tuyên giáo Tỉnh ủy Bắc Kạn → phường Sông Cầu, thành phố Bắc Kạn, xã Dương Quang" in out
    assert "under 91-KH/BTGTU, led by Trần Thị Lộc" in out
