"""The lookups people use from the command line, on the sample."""
from __future__ import annotations

import json
import unicodedata

import pytest

from kg.load import load_records
from kg.model import Membership, Official, Organisation, Records, Source, SourceKind
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
