"""Bodies and titles the rules had not read (issue #10, round 11): the standing
organ of a board named by its task, a ministry a minister's title names without
its "Bộ", the deputy head "on duty". Every sentence is written for the test;
names are invented."""
from __future__ import annotations

from kg.extract.bodies import parse_body

from extracting import posts


def test_the_standing_organ_of_a_task_board_is_the_board_s_as_of_a_council():
    board = "Ban Chỉ đạo phòng, chống lãng phí, tiêu cực tỉnh Yên Bái"
    for organ in ("Thường trực", "Ban Thường trực"):
        ref = parse_body(f"{organ} {board} làm việc với Sở Xây dựng.", 0)
        assert ref is not None and ref.complete
        assert ref.canonical() == f"{organ} {board}"
    # the board alone stays the board
    assert parse_body(f"{board} họp phiên thứ ba.", 0).canonical() == board
    # and of a central one, named by the table or by its task
    for board in ("Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực",
                  "Ban Chỉ đạo Trung ương về cải cách hành chính",
                  "Ban Chỉ đạo sơ kết 5 năm thực hiện Kết luận 88-KL/TW của Bộ Chính trị"):
        ref = parse_body(f"Thường trực {board} làm việc với Tỉnh ủy Yên Bái.", 0)
        assert ref.canonical() == f"Thường trực {board}", board
    # a standing organ of nothing the rules know is still incomplete
    assert not parse_body("Thường trực đã họp sáng nay.", 0).complete


def test_a_minister_s_ministry_may_be_named_without_its_word_for_ministry():
    told = [
        "Đoàn do Phó Thủ tướng Chính phủ, Bộ trưởng Ngoại giao Hà Văn Lộc dẫn đầu đã thăm tỉnh.",
        "Đoàn do Phó Thủ tướng Chính phủ, Bộ trưởng Bộ Ngoại giao Hà Văn Lộc dẫn đầu đã thăm tỉnh.",
        "Phó Thủ tướng Chính phủ, Bộ trưởng Ngoại giao Hà Văn Lộc đã thăm tỉnh.",
    ]
    for text in told:
        assert posts(text) == {"Hà Văn Lộc": ["Phó Thủ tướng Chính phủ", "Bộ trưởng Bộ Ngoại giao"]}, text
    assert posts("Ông Đào Minh Quý, Thứ trưởng Tài chính, phát biểu.") == {
        "Đào Minh Quý": ["Thứ trưởng Bộ Tài chính"]}
    # a word that names no ministry gives no post
    assert posts("Ông Đào Minh Quý, Thứ trưởng Vận động, phát biểu.").get("Đào Minh Quý", []) == []


def test_the_deputy_head_on_duty_is_a_post_of_its_own():
    out = posts("Bà Kiều Thị Lan, Phó Trưởng ban trực Ban Dân vận Tỉnh ủy Yên Bái, phát biểu.")
    assert out == {"Kiều Thị Lan": ["Phó Trưởng ban trực Ban Dân vận Tỉnh ủy Yên Bái"]}


def test_an_institution_s_party_committee_is_named_as_written_not_placed_in_the_last_unit():
    lead = "Đoàn giám sát của Ban Thường vụ Huyện ủy Lục Ngạn làm việc với xã Tân Sơn.\n\n"
    told = [
        "Ông Khổng Văn Tài, Bí thư Đảng ủy Trung tâm Y tế huyện, báo cáo.",
        "Bí thư Đảng ủy Trung tâm Y tế huyện Khổng Văn Tài báo cáo.",
        "Ông Khổng Văn Tài (Bí thư Đảng ủy Trung tâm Y tế huyện) báo cáo.",
    ]
    for text in told:
        assert posts(lead + text) == {"Khổng Văn Tài": ["Bí thư Đảng ủy Trung tâm Y tế huyện"]}, text
    # a clause after the name is no part of it, nor is the holder's name
    assert posts("Bí thư Đảng bộ Công ty Cổ phần Đá Xanh Khổng Văn Tài phát biểu.") == {
        "Khổng Văn Tài": ["Bí thư Đảng bộ Công ty Cổ phần Đá Xanh"]}
    assert parse_body("Đảng ủy Công ty Cổ phần Đá Xanh phát biểu ý kiến.", 0).canonical() == \
        "Đảng ủy Công ty Cổ phần Đá Xanh"
    # a unit's committee is still placed by its unit
    assert parse_body("Đảng ủy xã Tân Sơn họp.", 0).canonical() == "Đảng ủy xã Tân Sơn"


def test_a_state_body_s_party_committee_is_placed_as_the_body_is():
    assert parse_body("Đảng ủy Thanh tra tỉnh Yên Bái họp.", 0).canonical() == "Đảng ủy Thanh tra tỉnh Yên Bái"
    told = [
        "Ông Khổng Văn Tài, Bí thư Đảng ủy Sở Tư pháp tỉnh Yên Bái, báo cáo.",
        "Bí thư Đảng ủy Sở Tư pháp tỉnh Yên Bái Khổng Văn Tài báo cáo.",
    ]
    for text in told:
        assert posts(text) == {"Khổng Văn Tài": ["Bí thư Đảng ủy Sở Tư pháp tỉnh Yên Bái"]}, text


def test_a_committee_s_inspectorate_is_the_committee_s_not_a_unit_s():
    for written in ("Thanh tra Tỉnh ủy Yên Bái", "thanh tra Tỉnh ủy Yên Bái"):
        ref = parse_body(f"{written} họp.", 0)
        assert ref.canonical() == "Thanh tra Tỉnh ủy Yên Bái", written
    # the unit's own inspectorate stays the state body
    assert parse_body("Thanh tra tỉnh Yên Bái họp.", 0).canonical() == "Thanh tra tỉnh Yên Bái"
    assert posts("Ông Khổng Văn Tài, Chánh thanh tra Tỉnh ủy Yên Bái, báo cáo.") == {
        "Khổng Văn Tài": ["Chánh Thanh tra Tỉnh ủy Yên Bái"]}


def test_an_institution_s_name_keeps_its_unit_type_and_a_school_its_namesake():
    assert parse_body("Đảng bộ Trung tâm y tế thị xã trực thuộc Thị ủy.", 0).canonical() == \
        "Đảng bộ Trung tâm y tế thị xã"
    school = "Đảng ủy Trường Trung học cơ sở Lý Văn Phúc"
    assert parse_body(f"{school} tổ chức hội nghị.", 0).canonical() == school
    ref = parse_body(f"{school} Khổng Văn Tài phát biểu.", 0)
    assert (ref.canonical(), ref.trailing_person) == (school, "Khổng Văn Tài")
