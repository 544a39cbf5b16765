"""The bodies an article names become organisations with the right kind,
parent and jurisdiction, committees and delegations included."""
from __future__ import annotations

from pathlib import Path

from kg.demo import sample_paths
from kg.extract import extract
from kg.model import OrgKind
from kg.sources.articles import read_articles


def seed_orgs():
    article = next(read_articles(sample_paths()[0]))
    return {o.name: o for o in extract(article).records.organisations}, extract(article).records


def test_committees_named_by_their_departments_are_described_and_chained():
    orgs, _ = seed_orgs()
    tinh, thanh = orgs["Tỉnh ủy Bắc Kạn"], orgs["Thành ủy Bắc Kạn"]
    assert (tinh.kind, tinh.parent, tinh.jurisdiction) == (OrgKind.PARTY_COMMITTEE, None, "tỉnh Bắc Kạn")
    assert (thanh.kind, thanh.parent, thanh.jurisdiction) == (
        OrgKind.PARTY_COMMITTEE, "Tỉnh ủy Bắc Kạn", "thành phố Bắc Kạn")
    assert orgs["Ban Tuyên giáo Thành ủy Bắc Kạn"].parent == "Thành ủy Bắc Kạn"


def test_kinds_follow_the_domain_tables():
    orgs, _ = seed_orgs()
    assert orgs["Bộ Chính trị"].kind is OrgKind.STANDING_COMMITTEE
    assert orgs["Ban Bí thư"].kind is OrgKind.PARTY_AGENCY
    assert orgs["Trung tâm Chính trị thành phố Bắc Kạn"].kind is OrgKind.STATE_BODY
    assert orgs["Ban Thường vụ Tỉnh ủy Bắc Kạn"].kind is OrgKind.STANDING_COMMITTEE


def test_a_departments_code_is_its_alias_but_a_levels_code_is_not():
    orgs, _ = seed_orgs()
    assert orgs["Ban Tuyên giáo Tỉnh ủy Bắc Kạn"].alt_labels == ["BTGTU"]
    assert orgs["Ban Thường vụ Tỉnh ủy Bắc Kạn"].alt_labels == []   # 29-NQ/TU: TU is the whole Tỉnh ủy
    assert orgs["Ban Bí thư"].alt_labels == []


def test_the_delegation_is_a_body_acting_for_the_inspector():
    orgs, records = seed_orgs()
    (activity,) = records.activities
    assert activity.delegation == "Đoàn công tác số 01 của Ban Tuyên giáo Tỉnh ủy Bắc Kạn"
    delegation = orgs[activity.delegation]
    assert (delegation.kind, delegation.parent) == (OrgKind.DELEGATION, "Ban Tuyên giáo Tỉnh ủy Bắc Kạn")
    assert delegation.evidence[0].sentence.startswith("Ngày 25/11, Đoàn công tác số 01")


def test_a_commune_committee_after_the_reform_sits_under_the_province(tmp_path: Path):
    text = ("Ban Tổ chức Tỉnh ủy làm việc tại xã Kim Liên\n\n"
            "Ngày 12/9/2025, Ban Tổ chức Tỉnh ủy Nghệ An làm việc với Ban Thường vụ Đảng ủy xã Kim Liên "
            "về công tác cán bộ. Đồng chí Hồ Văn Tám, Ủy viên Ban Thường vụ Đảng ủy xã Kim Liên báo cáo "
            "kết quả thực hiện.\n")
    path = tmp_path / "kimlien.txt"
    path.write_text(text, encoding="utf-8")
    orgs = {o.name: o for o in extract(next(read_articles(path))).records.organisations}
    assert orgs["Đảng ủy xã Kim Liên"].parent == "Tỉnh ủy Nghệ An"
    assert orgs["Tỉnh ủy Nghệ An"].kind is OrgKind.PARTY_COMMITTEE


def test_the_committee_of_a_city_whose_bodies_carry_its_type(tmp_path: Path):
    path = tmp_path / "hcm.txt"
    path.write_text("Làm việc\n\nNgày 3/4/2024, Ban Tổ chức Thành ủy TPHCM làm việc với Đảng ủy phường Bến Nghé. "
                    "Đồng chí Lâm Văn Tú, Trưởng Ban Tổ chức Thành ủy TPHCM chủ trì.\n", encoding="utf-8")
    out = extract(next(read_articles(path))).to_json()
    assert out["persons"][0]["posts"] == ["Trưởng Ban Tổ chức Thành ủy Thành phố Hồ Chí Minh"]
    assert "thành phố Hồ Chí Minh" in {p["name"] for p in out["places"]}


def test_a_city_whose_bodies_write_its_type_has_its_committee_described_by_that_name(tmp_path: Path):
    text = ("Hội nghị cán bộ\n\nNgày 4/4/2024, đồng chí Lâm Văn Sáu, Trưởng Ban Tổ chức Thành ủy Thành phố "
            "Hồ Chí Minh, dự hội nghị.\n")
    path = tmp_path / "hcm.txt"
    path.write_text(text, encoding="utf-8")
    orgs = {o.name: o for o in extract(next(read_articles(path))).records.organisations}
    assert orgs["Ban Tổ chức Thành ủy Thành phố Hồ Chí Minh"].parent == "Thành ủy Thành phố Hồ Chí Minh"
    assert orgs["Thành ủy Thành phố Hồ Chí Minh"].kind is OrgKind.PARTY_COMMITTEE


def test_a_board_named_by_its_task_runs_to_the_unit_it_serves(tmp_path: Path):
    """Steering, command and campaign boards the tables lack are read from
    "Ban Chỉ đạo|Chỉ huy|Vận động" to the unit's word, commas and quotes
    inside; a clause after the board's words ("… làm Trưởng đoàn tại xã")
    is no part of its name."""
    path = tmp_path / "boards.txt"
    path.write_text("Kiểm tra\n\nNgày 5/8/2024, ông Lư Văn Thọ, Phó Chủ tịch UBND huyện Yên Thế, Trưởng Ban Chỉ đạo "
                    "phòng, chống dịch bệnh gia súc huyện Yên Thế kiểm tra xã Đồng Tâm. Dự có bà Hứa Thị Nga, "
                    "Trưởng ban Vận động quỹ “Đền ơn đáp nghĩa” huyện và ông Tôn Văn Lực, Phó Trưởng Ban Chỉ đạo "
                    "làm tổ trưởng tại xã Đồng Tâm.\n", encoding="utf-8")
    out = extract(next(read_articles(path)))
    got = {p["name"]: p["posts"] for p in out.to_json()["persons"]}
    assert got["Lư Văn Thọ"] == ["Phó Chủ tịch Ủy ban nhân dân huyện Yên Thế",
                                 "Trưởng Ban Chỉ đạo phòng, chống dịch bệnh gia súc huyện Yên Thế"]
    assert got["Hứa Thị Nga"] == ["Trưởng Ban Vận động quỹ “Đền ơn đáp nghĩa” huyện Yên Thế"]
    assert got["Tôn Văn Lực"] == []
    orgs = {o.name: o for o in out.records.organisations}
    assert orgs["Ban Chỉ đạo phòng, chống dịch bệnh gia súc huyện Yên Thế"].jurisdiction == "huyện Yên Thế"


def test_the_secretariats_standing_member_and_a_central_board_with_a_comma(tmp_path: Path):
    path = tmp_path / "central.txt"
    path.write_text("Làm việc\n\nNgày 2/3/2025, Thường trực Ban Bí thư Phùng Văn Khải chủ trì buổi làm việc; dự có "
                    "ông Lã Văn Đức, Ủy viên Trung ương Đảng, Phó Trưởng Ban Chính sách, chiến lược Trung ương và "
                    "bà Âu Thị Hằng, Ủy viên Bộ Chính trị, Thường trực Ban Bí thư.\n", encoding="utf-8")
    got = {p["name"]: p["posts"] for p in extract(next(read_articles(path))).to_json()["persons"]}
    assert got["Phùng Văn Khải"] == ["Thường trực Ban Bí thư"]
    assert got["Lã Văn Đức"] == ["Ủy viên Ban Chấp hành Trung ương Đảng", "Phó Trưởng Ban Chính sách, chiến lược Trung ương"]
    assert got["Âu Thị Hằng"] == ["Ủy viên Bộ Chính trị", "Thường trực Ban Bí thư"]


def test_a_central_steering_committee_is_named_by_its_task_as_written(tmp_path: Path):
    """"Ban Chỉ đạo Trung ương về <task>": a central body the tables need not
    list, its task running over commas before lower-case words and stopping
    at the clause or the next title; bare, it is named bare."""
    path = tmp_path / "board.txt"
    path.write_text("Kiểm tra\n\nNgày 7/5/2025, đoàn của Ban Chỉ đạo Trung ương về chuyển đổi số, cải cách hành chính "
                    "và phát triển kinh tế tư nhân do ông Thân Văn Quý, Phó Trưởng ban Thường trực Ban Chỉ đạo Trung "
                    "ương về chuyển đổi số, cải cách hành chính và phát triển kinh tế tư nhân, Thứ trưởng Bộ Nội vụ "
                    "làm trưởng đoàn đã làm việc với tỉnh Yên Bái. Đoàn công bố kế hoạch của Ban Chỉ đạo Trung ương "
                    "và lịch làm việc.\n", encoding="utf-8")
    out = extract(next(read_articles(path)))
    board = "Ban Chỉ đạo Trung ương về chuyển đổi số, cải cách hành chính và phát triển kinh tế tư nhân"
    got = {p["name"]: p["posts"] for p in out.to_json()["persons"]}
    assert got["Thân Văn Quý"] == ["Phó Trưởng ban Thường trực " + board, "Thứ trưởng Bộ Nội vụ"]
    orgs = {o.name: o for o in out.records.organisations}
    assert orgs[board].kind is OrgKind.PARTY_AGENCY


def test_the_standing_board_of_a_front_committee_and_the_front_named_bare(tmp_path: Path):
    """"Ban Thường trực Ủy ban MTTQ tỉnh X" and "Ban Thường trực Mặt trận Tổ
    quốc Việt Nam huyện Y" are the same kind of body: the standing board of the
    unit's Front committee, which "Mặt trận Tổ quốc" alone also names."""
    path = tmp_path / "front.txt"
    path.write_text("Giám sát\n\nNgày 4/9/2024, Ban Thường trực Ủy ban MTTQ tỉnh Hưng Yên giám sát tại xã Tân Dân. "
                    "Dự có bà Kiều Thị Mến, Ủy viên Ban Thường trực Mặt trận Tổ quốc Việt Nam huyện Khoái Châu, "
                    "và ông Lưu Văn Tài, Chủ tịch Mặt trận Tổ quốc huyện Khoái Châu.\n", encoding="utf-8")
    out = extract(next(read_articles(path)))
    assert [e["inspector"] for e in out.to_json()["events"]] == [
        "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hưng Yên"]
    got = {p["name"]: p["posts"] for p in out.to_json()["persons"]}
    assert got["Kiều Thị Mến"] == ["Ủy viên Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam huyện Khoái Châu"]
    assert got["Lưu Văn Tài"] == ["Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam huyện Khoái Châu"]


def test_a_task_boards_words_stop_at_the_clause_that_names_its_head(tmp_path: Path):
    """"Tổ công tác của Ban Chỉ đạo Đại hội do Phó Bí thư thành phố X làm tổ
    trưởng": the board is not "Ban Chỉ đạo Đại hội do Phó Bí thư thành phố X";
    with no unit of its own it is no placed body at all."""
    path = tmp_path / "board.txt"
    path.write_text("Kiểm tra\n\nNgày 3/7/2025, Tổ công tác số 2 Ban Chỉ đạo Đại hội do Phó Bí thư thành phố Cần Thơ "
                    "Đoàn Văn Lực làm tổ trưởng làm việc với Đảng ủy phường Cái Khế.\n", encoding="utf-8")
    out = extract(next(read_articles(path)))
    assert not any("Ban Chỉ đạo Đại hội" in o.name for o in out.records.organisations)
    assert {p["name"]: p["posts"] for p in out.to_json()["persons"]} == {
        "Đoàn Văn Lực": ["Phó Bí thư Thành ủy Cần Thơ"]}


def test_the_national_assemblys_ethnic_council_is_named_as_its_committees_are(tmp_path: Path):
    """"Hội đồng Dân tộc", with or without "(của) Quốc hội", is one body named
    like the Assembly's committees: "… của Quốc hội"."""
    for written in ("Hội đồng Dân tộc Quốc hội", "Hội đồng Dân tộc của Quốc hội", "Hội đồng Dân tộc"):
        path = tmp_path / "council.txt"
        path.write_text(f"Kiểm tra\n\nÔng Lầu Văn Sính, Chủ tịch {written}, làm việc với tỉnh Điện Biên.\n",
                        encoding="utf-8")
        got = {p["name"]: p["posts"] for p in extract(next(read_articles(path))).to_json()["persons"]}
        assert got == {"Lầu Văn Sính": ["Chủ tịch Hội đồng Dân tộc của Quốc hội"]}, written
