"""Officials and posts, round eleven (issue #10): a party group or a board
that a chain leaves bare, and the posts of election and steering boards.
Every sentence is written for the test; names, places and codes are invented
or used only as place names."""
from __future__ import annotations

from extracting import posts


def test_a_bare_party_group_is_that_of_the_body_the_next_post_heads():
    # told three ways: a provincial association, a council after a committee post, a national association
    cases = [
        ("Sáng 5/6, ông Hồ Văn Khải, Bí thư Đảng đoàn, Chủ tịch Hội Nông dân tỉnh Nghệ An phát biểu.",
         "Hồ Văn Khải", ["Bí thư Đảng đoàn Hội Nông dân tỉnh Nghệ An", "Chủ tịch Hội Nông dân tỉnh Nghệ An"]),
        ("Dự hội nghị có bà Đinh Thị Loan, Phó Bí thư Tỉnh ủy, Bí thư Đảng đoàn, Chủ tịch HĐND tỉnh Nghệ An.",
         "Đinh Thị Loan", ["Phó Bí thư Tỉnh ủy Nghệ An", "Bí thư Đảng đoàn Hội đồng nhân dân tỉnh Nghệ An",
                           "Chủ tịch Hội đồng nhân dân tỉnh Nghệ An"]),
        ("Đồng chí Vi Văn Tâm, Bí thư Đảng đoàn, Chủ tịch Hội Cựu chiến binh Việt Nam chủ trì.",
         "Vi Văn Tâm", ["Bí thư Đảng đoàn Hội Cựu chiến binh Việt Nam", "Chủ tịch Hội Cựu chiến binh Việt Nam"]),
    ]
    for sentence, name, want in cases:
        assert posts("Hội nghị\n" + sentence)[name] == want, sentence


def test_a_bare_government_party_group_is_the_peoples_committees_not_the_provincial_committees():
    got = posts("Làm việc\nÔng Lục Văn Đông, Phó Bí thư Tỉnh ủy, Bí thư Ban cán sự đảng, Chủ tịch UBND tỉnh "
                "Hà Nam dự buổi làm việc.")
    assert got["Lục Văn Đông"] == ["Phó Bí thư Tỉnh ủy Hà Nam", "Bí thư Ban cán sự đảng Ủy ban nhân dân tỉnh Hà Nam",
                                   "Chủ tịch Ủy ban nhân dân tỉnh Hà Nam"]


def test_a_chain_written_before_the_name_goes_on_after_it():
    want = ["Phó Bí thư Tỉnh ủy Yên Bái", "Chủ tịch Hội đồng nhân dân tỉnh Yên Bái",
            "Chủ tịch Ủy ban bầu cử tỉnh Yên Bái"]
    for text in (
            "Chiều 2/3, đoàn công tác do Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Vương Đình Khôi, Chủ tịch Ủy ban "
            "bầu cử tỉnh làm trưởng đoàn đã đến xã Tân Lập.",
            "Chiều 2/3, ông Vương Đình Khôi, Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh, Chủ tịch Ủy ban bầu cử tỉnh "
            "đã đến xã Tân Lập."):
        got = posts("Bầu cử ở tỉnh Yên Bái\n" + text)
        assert got["Vương Đình Khôi"] == want, text


def test_a_post_after_a_name_that_names_its_own_holder_is_the_next_persons():
    got = posts("Làm việc ở huyện\nDự có Phó Chủ tịch UBND huyện Mường Khoa Đỗ Văn Hà, Trưởng ban Dân vận Huyện ủy "
                "Lê Thị Tâm, Trưởng Công an huyện Thượng tá Kha Văn Thành.")
    assert got["Lê Thị Tâm"] == ["Trưởng Ban Dân vận Huyện ủy Mường Khoa"]
    assert got["Kha Văn Thành"] == ["Trưởng Công an huyện Mường Khoa"]


def test_election_boards_and_teams_are_posts_named_as_written():
    got = posts("Bầu cử ở huyện\nBà Hà Thị Dung, Phó Chủ tịch UBND huyện Yên Lập, Trưởng Ban bầu cử đơn vị bầu cử "
                "số 3 phát biểu. Ông Phan Văn Tú, Tổ trưởng Tổ bầu cử số 15 báo cáo.")
    assert got["Hà Thị Dung"] == ["Phó Chủ tịch Ủy ban nhân dân huyện Yên Lập", "Trưởng Ban bầu cử đơn vị bầu cử số 3"]
    assert got["Phan Văn Tú"] == ["Tổ trưởng Tổ bầu cử số 15"]


def test_a_steering_team_is_a_post_named_with_its_unit():
    want = ["Ủy viên Ban Thường vụ Tỉnh ủy Bắc Kạn", "Trưởng Ban Tổ chức Tỉnh ủy Bắc Kạn",
            "Tổ trưởng Tổ Chỉ đạo đại hội điểm của tỉnh Bắc Kạn"]
    for text in (
            "Sáng 9/10, đoàn công tác do Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh ủy, Tổ trưởng Tổ chỉ đạo "
            "đại hội điểm của tỉnh Bắc Kạn Ma Văn Khải làm trưởng đoàn đã làm việc với Đảng ủy xã Đồng Phúc.",
            "Sáng 9/10, ông Ma Văn Khải, Ủy viên Ban Thường vụ Tỉnh ủy Bắc Kạn, Trưởng Ban Tổ chức Tỉnh ủy, "
            "Tổ trưởng Tổ chỉ đạo đại hội điểm của tỉnh Bắc Kạn đã làm việc với Đảng ủy xã Đồng Phúc."):
        assert posts("Đại hội điểm\n" + text)["Ma Văn Khải"] == want, text


def test_a_working_teams_head_is_still_no_post():
    got = posts("Kiểm tra\nChiều 5/11, ông Lê Văn Hà, Ủy viên Ban Thường vụ Tỉnh ủy Bắc Kạn, Tổ trưởng Tổ công tác "
                "số 3 đã kiểm tra xã Đồng Phúc.")
    assert got["Lê Văn Hà"] == ["Ủy viên Ban Thường vụ Tỉnh ủy Bắc Kạn"]


def test_a_zones_board_is_named_by_the_zone_not_by_its_province():
    got = posts("Làm việc\nÔng Trần Văn An, Trưởng Ban Quản lý Khu kinh tế Dung Quất, phát biểu. Bí thư Đảng ủy Ban "
                "Quản lý Khu kinh tế Vân Phong Lê Văn Bình dự. Bà Lê Thị Cúc, Phó Trưởng Ban Quản lý Khu kinh tế "
                "Quảng Ngãi dự.")
    assert got["Trần Văn An"] == ["Trưởng Ban Quản lý Khu kinh tế Dung Quất"]
    assert got["Lê Văn Bình"] == ["Bí thư Đảng ủy Ban Quản lý Khu kinh tế Vân Phong"]
    # a province's own name after the board's kind is the province's board
    assert got["Lê Thị Cúc"] == ["Phó Trưởng Ban Quản lý Khu kinh tế tỉnh Quảng Ngãi"]


def test_a_bare_party_committee_before_a_zones_board_is_the_boards():
    want = ["Bí thư Đảng ủy Ban Quản lý Khu kinh tế cửa khẩu Tà Lùng - Cao Bằng",
            "Trưởng Ban Quản lý Khu kinh tế cửa khẩu Tà Lùng - Cao Bằng"]
    for chain in ("Bí thư Đảng ủy, Trưởng Ban Quản lý Khu kinh tế cửa khẩu Tà Lùng - Cao Bằng",
                  "Bí thư Đảng ủy - Trưởng Ban Quản lý Khu kinh tế cửa khẩu Tà Lùng-Cao Bằng"):
        got = posts(f"Kiểm tra\nDự buổi làm việc có ông Nông Văn Đức, {chain}.")
        assert got["Nông Văn Đức"] == want, chain


def test_a_bare_minister_takes_the_one_ministry_the_article_names_else_stays_as_written():
    alone = posts("Bộ trưởng Hà Văn Tú thăm tỉnh Gia Lai\nSáng 4/4, Bộ trưởng Hà Văn Tú làm việc với tỉnh Gia Lai.")
    assert alone["Hà Văn Tú"] == ["Bộ trưởng"]
    one = posts("Làm việc\nĐoàn công tác của Bộ Y tế làm việc với tỉnh Gia Lai. Về phía Bộ có Thứ trưởng "
                "Hà Văn Tú và lãnh đạo các vụ.")
    assert one["Hà Văn Tú"] == ["Thứ trưởng Bộ Y tế"]
    two = posts("Làm việc\nBộ Y tế và Bộ Tài chính họp liên ngành. Dự có Thứ trưởng Hà Văn Tú.")
    assert two["Hà Văn Tú"] == []


def test_a_bare_steering_title_is_of_the_board_its_sentence_names():
    board = "Ban Chỉ đạo tổng kết 5 năm thực hiện Chỉ thị 07-CT/TW của Ban Bí thư"
    for text in (
            # the board named after the title, or before it
            f"Ngày 3/6, bà Kiều Thị Nga, Trưởng ban chỉ đạo làm trưởng đoàn khảo sát của {board} tại tỉnh Gia Lai.",
            f"Ngày 3/6, đoàn khảo sát của {board} do bà Kiều Thị Nga, Trưởng Ban Chỉ đạo làm trưởng đoàn đã làm "
            "việc tại tỉnh Gia Lai."):
        assert posts("Khảo sát\n" + text)["Kiều Thị Nga"] == [f"Trưởng {board}"], text


def test_a_bare_steering_title_takes_the_task_named_before_and_the_unit_of_its_own_chain():
    got = posts("Hội nghị\nDự có ông Lý Văn Sơn, Phó Bí thư Huyện ủy, Trưởng Ban Chỉ đạo xây dựng nông thôn mới "
                "huyện Bảo Lâm. Phát biểu có bà Nông Thị Hà, Bí thư Đảng ủy, Chủ tịch HĐND xã Lý Bôn, Trưởng Ban "
                "Chỉ đạo.")
    assert got["Lý Văn Sơn"][-1] == "Trưởng Ban Chỉ đạo xây dựng nông thôn mới huyện Bảo Lâm"
    assert got["Nông Thị Hà"][-1] == "Trưởng Ban Chỉ đạo xây dựng nông thôn mới xã Lý Bôn"


def test_ministries_written_with_dashes_or_commas_are_the_ministry():
    got = posts("Làm việc\nDự có ông Hồ Văn Phong, Thứ trưởng Bộ Lao động, Thương binh và Xã hội và bà Lê Thị Hà, "
                "Thứ trưởng Bộ Văn hóa - Thể thao - Du lịch.")
    assert got["Hồ Văn Phong"] == ["Thứ trưởng Bộ Lao động - Thương binh và Xã hội"]
    assert got["Lê Thị Hà"] == ["Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch"]


def test_a_central_bodys_sub_committee_is_a_post_named_as_written():
    got = posts("Giám sát bầu cử\nĐoàn do ông Phan Văn Kỳ, Phó Chủ tịch Quốc hội, Trưởng Tiểu ban Thông tin, Tuyên "
                "truyền của Hội đồng Bầu cử quốc gia làm trưởng đoàn đã làm việc tại tỉnh Gia Lai.")
    assert got["Phan Văn Kỳ"] == ["Phó Chủ tịch Quốc hội",
                                  "Trưởng Tiểu ban Thông tin, Tuyên truyền của Hội đồng Bầu cử quốc gia"]
