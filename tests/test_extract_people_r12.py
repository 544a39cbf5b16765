"""Officials and posts, round twelve (issue #10): lists of people set out
line by line, a department's party committee left bare, Youth Union
committees, the standing committee's member named "Thường vụ …", and a
capitalised "Ông" inside a proper name. Every sentence is written for the
test; names, places and codes are invented or used only as place names."""
from __future__ import annotations

from extracting import posts


def test_each_line_of_a_dashed_list_of_people_is_a_person_with_its_chain():
    listing = ("Kỷ luật\nỦy ban Kiểm tra Tỉnh ủy Cao Bằng quyết định khiển trách các đồng chí:\n"
               "{mark}Hoàng Văn Lực, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Hà Quảng;\n"
               "{mark}Nông Thị Duyên, Phó Giám đốc Sở Nội vụ;\n"
               "{mark}Lục Văn Sìn, nguyên Bí thư Huyện ủy Hà Quảng;\n"
               "{mark}Bế Văn Tòng, Ủy vi")
    want = {"Hoàng Văn Lực": ["Phó Bí thư Huyện ủy Hà Quảng", "Chủ tịch Ủy ban nhân dân huyện Hà Quảng"],
            "Nông Thị Duyên": ["Phó Giám đốc Sở Nội vụ tỉnh Cao Bằng"],
            # a "nguyên" chain gives no post; a post the excerpt cuts off gives none either
            "Lục Văn Sìn": [], "Bế Văn Tòng": []}
    # the same list with a dash, an en dash, a plus sign or no mark at all
    for mark in ("- ", "– ", "+ ", ""):
        got = posts(listing.format(mark=mark))
        assert {n: got.get(n) for n in want} == want, repr(mark)


def test_a_dashed_line_that_follows_no_list_of_people_names_no_one_by_its_cut_post():
    got = posts("Tin\nHội nghị bàn ba việc.\n- Trần Văn Hiển, Ủy vi")
    assert "Trần Văn Hiển" not in got


def test_a_bare_party_committee_before_a_department_is_that_departments():
    want = ["Bí thư Đảng ủy Sở Tài chính tỉnh Cao Bằng", "Giám đốc Sở Tài chính tỉnh Cao Bằng"]
    for sentence in ("Ông Ma Văn Khiêm, Bí thư Đảng ủy, Giám đốc Sở Tài chính phát biểu.",
                     "Ông Ma Văn Khiêm, Bí thư Đảng ủy, Giám đốc Sở Tài chính tỉnh Cao Bằng phát biểu.",
                     "Ông Ma Văn Khiêm, Bí thư Đảng ủy Sở Tài chính, Giám đốc Sở Tài chính phát biểu."):
        assert posts("Tỉnh Cao Bằng họp\nTại tỉnh Cao Bằng, " + sentence)["Ma Văn Khiêm"] == want, sentence
    # a commune's government and a force keep their own committees
    got = posts("Họp\nÔng Ma Văn Khiêm, Bí thư Đảng ủy, Chủ tịch UBND xã Quang Trung phát biểu.")
    assert got["Ma Văn Khiêm"] == ["Bí thư Đảng ủy xã Quang Trung", "Chủ tịch Ủy ban nhân dân xã Quang Trung"]


def test_a_provinces_union_of_associations_is_a_body_of_its_own():
    got = posts("Hội nghị\nTại tỉnh Cao Bằng, bà La Thị Hiền, Bí thư Đảng đoàn, Chủ tịch Liên hiệp các Hội "
                "Khoa học và Kỹ thuật tỉnh phát biểu.")
    assert got["La Thị Hiền"] == ["Bí thư Đảng đoàn Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Cao Bằng",
                                  "Chủ tịch Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Cao Bằng"]


def test_a_youth_union_committee_is_named_as_written():
    want = ["Phó Bí thư Thường trực Tỉnh đoàn", "Chủ nhiệm Ủy ban Kiểm tra Tỉnh đoàn"]
    # the secretary's committee left bare, or written out; the head's "Ủy ban" printed in lower case
    for chain in ("Phó Bí thư Thường trực, Chủ nhiệm Ủy ban Kiểm tra Tỉnh đoàn",
                  "Phó Bí thư Thường trực Tỉnh đoàn, Chủ nhiệm ủy Ban Kiểm tra Tỉnh đoàn"):
        got = posts(f"Kiểm tra\nĐoàn kiểm tra do đồng chí Lăng Văn Phúc – {chain} làm trưởng đoàn.")
        assert got["Lăng Văn Phúc"] == want, chain
    got = posts("Tin\nÔng Lăng Văn Phúc, Bí thư Huyện Đoàn Thạch An phát biểu.")
    assert got["Lăng Văn Phúc"] == ["Bí thư Huyện đoàn Thạch An"]


def test_a_youth_union_word_in_a_clause_is_no_body():
    got = posts("Tin\nÔng Lăng Văn Phúc, Bí thư Huyện ủy Thạch An nói cả tỉnh đoàn kết.")
    assert got["Lăng Văn Phúc"] == ["Bí thư Huyện ủy Thạch An"]


def test_thuong_vu_before_a_committee_is_a_standing_committee_members_post():
    want = ["Ủy viên Ban Thường vụ Huyện ủy Thạch An", "Trưởng Ban Dân vận Huyện ủy Thạch An"]
    for chain in ("Thường vụ Huyện ủy, Trưởng ban Dân vận Huyện ủy Thạch An",
                  "Ủy viên Ban Thường vụ Huyện ủy, Trưởng Ban Dân vận Huyện ủy Thạch An",
                  "Thường vụ huyện ủy Thạch An, Trưởng ban Dân vận huyện ủy"):
        got = posts(f"Tin\nHội nghị do đồng chí Đàm Văn Thắng - {chain} chủ trì.")
        assert got["Đàm Văn Thắng"] == want, chain
    # the standing committee as a clause's subject after the chain is no post of the person's
    got = posts("Tin\nĐồng chí Đàm Văn Thắng, Bí thư Huyện ủy Thạch An, Thường vụ Huyện ủy đã họp.")
    assert got["Đàm Văn Thắng"] == ["Bí thư Huyện ủy Thạch An"]


def test_a_capitalised_ong_inside_a_proper_name_is_no_honorific():
    assert posts("Tin\nĐoàn đến thăm Dinh Ông Hòn Khoai và Miếu Bà Thủy Long.") == {}
    assert list(posts("Tin\nTại Cao Bằng, Ông Đàm Văn Thắng cho biết.")) == ["Đàm Văn Thắng"]
    # a religious title keeps its holder after a capitalised word ("chúc Tết")
    assert list(posts("Tin\nĐoàn thăm, chúc Tết Hòa thượng Thạch Sà Rết tại chùa.")) == ["Thạch Sà Rết"]


def test_an_organ_of_a_bare_party_committee_keeps_its_organ_when_the_next_post_names_the_body():
    got = posts("Tin\nTại tỉnh Cao Bằng, ông Ma Văn Khiêm, Chủ nhiệm Ủy ban Kiểm tra Đảng ủy, Phó Giám đốc Sở "
                "Tài chính phát biểu.")
    assert got["Ma Văn Khiêm"] == ["Chủ nhiệm Ủy ban Kiểm tra Đảng ủy Sở Tài chính tỉnh Cao Bằng",
                                   "Phó Giám đốc Sở Tài chính tỉnh Cao Bằng"]
    # a zone's board, its name abbreviated
    got = posts("Tin\nÔng Ma Văn Khiêm, Chủ nhiệm Ủy ban Kiểm tra Đảng ủy, Phó Trưởng ban Quản lý KKT Trà Lĩnh "
                "phát biểu.")
    assert got["Ma Văn Khiêm"] == ["Chủ nhiệm Ủy ban Kiểm tra Đảng ủy Ban Quản lý Khu kinh tế Trà Lĩnh",
                                   "Phó Trưởng Ban Quản lý Khu kinh tế Trà Lĩnh"]
