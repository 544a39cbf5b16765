"""Officials and posts as real news writes them, round two: lists whose items
each carry a chain, the Front's committee abbreviated with a space, and the
central committees of mass organisations. Every sentence is written for the
test; none is copied from a page."""
from __future__ import annotations

from kg.extract import extract
from kg.sources.articles import text_article


def posts(text: str) -> dict[str, list[str]]:
    out = extract(text_article(text, key="t")).to_json()
    return {p["name"]: p["posts"] for p in out["persons"]}


def test_every_item_of_a_list_opened_by_cac_dong_chi_keeps_its_own_chain():
    want = {"Lương Văn Quế": ["Phó Bí thư Thường trực Tỉnh ủy"],
            "Mẫn Thị Hồng": ["Phó Bí thư Tỉnh ủy", "Chủ tịch Ủy ban nhân dân tỉnh"]}
    # the same two people, told with commas, with dashes, and with the list opened by a colon
    for text in (
            "Các đồng chí Lương Văn Quế, Phó bí thư Thường trực Tỉnh ủy, Mẫn Thị Hồng, Phó bí thư Tỉnh ủy, "
            "Chủ tịch UBND tỉnh cùng chủ trì buổi họp.",
            "Các đồng chí Lương Văn Quế - Phó Bí thư Thường trực Tỉnh ủy, Mẫn Thị Hồng - Phó Bí thư Tỉnh ủy, "
            "Chủ tịch UBND tỉnh đồng chủ trì.",
            "Dự họp có các đồng chí: Lương Văn Quế, Phó Bí thư Thường trực Tỉnh ủy; Mẫn Thị Hồng, Phó Bí thư "
            "Tỉnh ủy, Chủ tịch UBND tỉnh."):
        got = posts("Họp Thường trực Tỉnh ủy\nSáng 8-2, Thường trực Tỉnh ủy Bắc Giang họp phiên thường kỳ. " + text)
        assert {k: v for k, v in got.items() if k in want} == {
            k: [p + " Bắc Giang" for p in v] for k, v in want.items()}, text


def test_a_list_item_with_no_chain_does_not_open_a_next_item():
    got = posts("Chúc Tết\nCác đồng chí Hầu Văn Sử và Nguyễn Thị Nhàn đã đến thăm gia đình ông Phương Văn Ba.")
    assert got.get("Hầu Văn Sử") == []
    assert "Phương Văn Ba" in got and got["Phương Văn Ba"] == []


def test_the_fronts_committee_abbreviated_with_a_space_and_a_standing_member_of_the_units_committee():
    want = ["Ủy viên Ban Thường vụ Huyện ủy Na Rì", "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam huyện Na Rì"]
    for chain in ("- Ủy viên Ban Thường vụ - Chủ tịch UB MTTQ huyện", ", UV BTV Huyện ủy, Chủ tịch UB MTTQ VN huyện",
                  ", Ủy viên Ban Thường vụ Huyện ủy, Chủ tịch Ủy ban MTTQ Việt Nam huyện"):
        got = posts("Giám sát tại xã\nChiều 2/6, tại huyện Na Rì, đồng chí Hứa Thị Dung " + chain
                    + " đã làm việc với xã Côn Minh.")
        assert got["Hứa Thị Dung"] == want, chain


def test_the_central_committees_of_mass_organisations_are_theirs_not_the_partys():
    got = posts("Làm việc với Hội Nông dân tỉnh\nNgày 9-3, đồng chí Kim Văn Hậu, Ủy viên Ban Thường vụ Trung ương Hội "
                "Nông dân Việt Nam, đến làm việc với Hội Nông dân tỉnh Lào Cai. Cùng đi có bà Vi Thị Nguyệt, Ủy viên "
                "Ban Chấp hành Trung ương Đoàn; ông Đinh Công Sáu, Phó Trưởng Ban Tổ chức Trung ương Đoàn; bà Giàng "
                "Thị Mỷ, Ủy viên Ban Thường vụ Trung ương Hội LHPN Việt Nam; ông Lục Văn Hải, Ủy viên Ban Chấp hành "
                "Trung ương Đảng, Bí thư Tỉnh ủy Lào Cai.")
    assert got["Kim Văn Hậu"] == ["Ủy viên Ban Thường vụ Trung ương Hội Nông dân Việt Nam"]
    assert got["Vi Thị Nguyệt"] == ["Ủy viên Ban Chấp hành Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh"]
    assert got["Đinh Công Sáu"] == ["Phó Trưởng Ban Tổ chức Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh"]
    assert got["Giàng Thị Mỷ"] == ["Ủy viên Ban Thường vụ Trung ương Hội Liên hiệp Phụ nữ Việt Nam"]
    # the Party's own central committee and boards are read as before
    assert got["Lục Văn Hải"] == ["Ủy viên Ban Chấp hành Trung ương Đảng", "Bí thư Tỉnh ủy Lào Cai"]


def test_a_party_central_body_before_a_delegation_word_stays_the_partys():
    from kg.extract.bodies import parse_body
    # "Đoàn kiểm tra" after the Party's inspection committee is its delegation, not the Youth Union
    ref = parse_body("Ủy ban Kiểm tra Trung ương Đoàn kiểm tra số 3 làm việc", 0)
    assert ref.canonical() == "Ủy ban Kiểm tra Trung ương"
    assert parse_body("Ủy ban Kiểm tra Trung ương Đoàn làm việc", 0).canonical() == \
        "Ủy ban Kiểm tra Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh"


def test_a_slash_parts_two_posts_as_a_comma_does():
    want = ["Phó Bí thư Huyện ủy Tháp Mười", "Chủ tịch Ủy ban nhân dân huyện Tháp Mười"]
    for chain in ("Phó Bí thư Huyện ủy/Chủ tịch UBND huyện", "Phó Bí thư Huyện ủy / Chủ tịch UBND huyện",
                  "Phó Bí thư Huyện ủy, Chủ tịch UBND huyện"):
        got = posts(f"Kiểm tra đại hội\nNgày 6/3, đồng chí Châu Văn Lễ - {chain} Tháp Mười làm việc với xã Mỹ An.")
        assert got["Châu Văn Lễ"] == want, chain


def test_a_full_time_deputy_secretary_and_the_joint_offices_of_councils():
    got = posts("Hội nghị\nDự có bà Thạch Thị Nhung, Phó Bí thư chuyên trách Đảng ủy UBND tỉnh Trà Vinh; ông Kiên Văn "
                "Rết, Chánh Văn phòng Đoàn ĐBQH và HĐND tỉnh; ông Sơn Minh Út, Phó Chánh Văn phòng HĐND-UBND huyện "
                "Cầu Kè; bà Lâm Thị Sa, Chánh Văn phòng HĐND và UBND xã Phong Thạnh.")
    assert got["Thạch Thị Nhung"] == ["Phó Bí thư chuyên trách Đảng ủy Ủy ban nhân dân tỉnh Trà Vinh"]
    assert got["Kiên Văn Rết"] == ["Chánh Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh Trà Vinh"]
    assert got["Sơn Minh Út"] == ["Phó Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Cầu Kè"]
    assert got["Lâm Thị Sa"] == ["Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã Phong Thạnh"]


def test_a_title_misprinted_by_one_letter_is_read_as_the_title_and_a_name_is_not_mended():
    want = ["Phó Bí thư Thường trực Tỉnh ủy Quảng Bình", "Phó Chủ tịch Ủy ban nhân dân tỉnh Quảng Bình"]
    for misprint in ("Phó Bí thư Thường thực", "Phó Bí thư Thường trục", "Phó Bí thư Thường trực"):
        got = posts(f"Làm việc\nTiếp đoàn có các đồng chí: Đinh Văn Khoa - {misprint} Tỉnh ủy Quảng Bình, Phó Chủ "
                    "tịch UBND tỉnh; Hồ Thị Lài - Giám đốc Sở Y tế.")
        assert got["Đinh Văn Khoa"] == want, misprint
    # two letters off is no misprint the reader can trust
    got = posts("Làm việc\nTiếp đoàn có các đồng chí: Đinh Văn Khoa - Phó Bí thư Thương thực Tỉnh ủy Quảng Bình; "
                "Hồ Thị Lài - Giám đốc Sở Y tế.")
    assert got["Đinh Văn Khoa"] == []


def test_a_provinces_mass_organisations_and_tax_department_are_bodies_of_posts():
    got = posts("Hội nghị\nTại tỉnh Hà Tĩnh, dự có bà Thái Thị Vân, Chủ tịch Hội Chữ thập đỏ tỉnh; ông Phan Văn Sở, "
                "Chủ tịch Liên minh Hợp tác xã tỉnh; ông Đậu Văn Lực, Cục trưởng Cục Thuế tỉnh; bà Hồ Thị Nga, Chủ "
                "tịch Hội Khuyến học huyện Can Lộc.")
    assert got["Thái Thị Vân"] == ["Chủ tịch Hội Chữ thập đỏ tỉnh Hà Tĩnh"]
    assert got["Phan Văn Sở"] == ["Chủ tịch Liên minh Hợp tác xã tỉnh Hà Tĩnh"]
    assert got["Đậu Văn Lực"] == ["Cục trưởng Cục Thuế tỉnh Hà Tĩnh"]
    assert got["Hồ Thị Nga"] == ["Chủ tịch Hội Khuyến học huyện Can Lộc"]


def test_a_post_that_opens_the_sentence_then_its_holder_set_off_by_commas():
    want = ["Chủ tịch Ủy ban nhân dân huyện Văn Bàn"]
    for sentence in ("Chủ tịch UBND huyện Văn Bàn, ông Hoàng Văn Thắm, cho biết đường đã thông xe.",
                     "Ông Hoàng Văn Thắm, Chủ tịch UBND huyện Văn Bàn, cho biết đường đã thông xe.",
                     "Theo Chủ tịch UBND huyện Văn Bàn Hoàng Văn Thắm, đường đã thông xe."):
        got = posts("Thông xe tuyến đường\n" + sentence)
        assert got["Hoàng Văn Thắm"] == want, sentence


def test_a_post_after_a_named_person_stays_theirs_and_not_the_next_persons():
    got = posts("Gặp mặt\nDự có đồng chí Lò Văn Giáp, Phó Chủ tịch UBND tỉnh Sơn La, đồng chí Quàng Thị Én, Trưởng "
                "Ban Dân tộc tỉnh, cùng đại diện các sở.")
    assert got["Lò Văn Giáp"] == ["Phó Chủ tịch Ủy ban nhân dân tỉnh Sơn La"]
    assert got["Quàng Thị Én"] == ["Trưởng Ban Dân tộc tỉnh Sơn La"]


def test_party_groups_of_state_bodies_councils_and_the_front_are_bodies_of_posts():
    got = posts("Hội nghị\nTại tỉnh Tuyên Quang, dự có ông Ma Thế Hồng, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, Bí thư "
                "Ban cán sự đảng UBND tỉnh; bà Hầu Thị Dợ, Chủ tịch HĐND tỉnh, Bí thư Đảng đoàn HĐND tỉnh; ông Trương "
                "Văn Kiên, Bí thư Đảng đoàn Quốc hội, Chủ tịch Quốc hội.")
    assert got["Ma Thế Hồng"] == ["Phó Bí thư Tỉnh ủy Tuyên Quang", "Chủ tịch Ủy ban nhân dân tỉnh Tuyên Quang",
                                  "Bí thư Ban cán sự đảng Ủy ban nhân dân tỉnh Tuyên Quang"]
    assert got["Hầu Thị Dợ"] == ["Chủ tịch Hội đồng nhân dân tỉnh Tuyên Quang",
                                 "Bí thư Đảng đoàn Hội đồng nhân dân tỉnh Tuyên Quang"]
    assert got["Trương Văn Kiên"] == ["Bí thư Đảng đoàn Quốc hội", "Chủ tịch Quốc hội"]


def test_the_fronts_central_committee_abbreviated_and_two_of_its_posts_joined_by_a_dash():
    got = posts("Hội nghị\nChủ trì có ông Khổng Văn Đạt, Phó Chủ tịch - Tổng Thư ký UBTƯ MTTQ Việt Nam; các Phó Chủ "
                "tịch UBTƯ MTTQ Việt Nam: Lê Thị Gấm, Đàm Văn Hữu.")
    body = "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"
    assert got["Khổng Văn Đạt"] == [f"Phó Chủ tịch {body}", f"Tổng Thư ký {body}"]
    assert got["Lê Thị Gấm"] == got["Đàm Văn Hữu"] == [f"Phó Chủ tịch {body}"]


def test_a_councils_committees_abbreviated_and_the_communes_economic_and_social_committee():
    got = posts("Giám sát\nNgày 9/10/2025, ông Đoàn Văn Lịch, Trưởng Ban KT-NS HĐND tỉnh Hưng Yên, và bà Khúc Thị "
                "Nhàn, Phó Trưởng Ban Kinh tế - Xã hội HĐND xã Tiên Lữ, đã giám sát tại xã Tiên Lữ.")
    assert got["Đoàn Văn Lịch"] == ["Trưởng Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh Hưng Yên"]
    assert got["Khúc Thị Nhàn"] == ["Phó Trưởng Ban Kinh tế - Xã hội Hội đồng nhân dân xã Tiên Lữ"]


def test_a_numbered_part_of_a_named_neighbourhood_belongs_to_its_cells_name():
    from kg.extract.bodies import parse_body
    for written, want in (("Chi bộ khu phố Tân Hòa 4 đã", "Chi bộ khu phố Tân Hòa 4"),
                          ("chi bộ thôn Đồng Xuân 2, thôn Đồng Xuân 3", "Chi bộ thôn Đồng Xuân 2"),
                          ("Chi bộ khu phố Tân Hòa năm 2024", "Chi bộ khu phố Tân Hòa"),
                          ("Chi bộ khu phố Tân Hòa 12/2024", "Chi bộ khu phố Tân Hòa")):
        assert parse_body(written, 0).canonical() == want, written
    got = posts("Sinh hoạt chi bộ\nDự có ông Đoàn Văn Tư, Bí thư Chi bộ khu phố Tân Hòa 4, phường Tân Đông.")
    assert got["Đoàn Văn Tư"] == ["Bí thư Chi bộ khu phố Tân Hòa 4"]


def test_a_steering_board_named_by_a_long_task_that_holds_a_state_bodys_words():
    from kg.extract.bodies import parse_body
    from kg.extract.normalise import working_text
    board = ("Ban Chỉ đạo cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021-2026 "
             "tỉnh Quảng Ngãi")
    ref = parse_body(working_text(board + " do ông Tô Văn Hải làm trưởng đoàn").text, 0)
    assert ref.canonical() == board.replace("HĐND", "Hội đồng nhân dân")
    # a state body before a unit is a body of its own, not part of the board's task
    assert parse_body(working_text("Ban chỉ đạo giảm nghèo, UBND xã Tịnh Hà").text, 0) is None


def test_a_bare_party_committee_in_a_police_or_military_officers_chain_is_the_forces():
    got = posts("Kiểm tra tại xã\nNgày 6/5/2024, tại xã Đức Liễu, huyện Bù Đăng, tỉnh Bình Phước, Đại tá Lâm Văn Tiến, "
                "Phó Bí thư Đảng ủy, Chủ nhiệm Ủy ban Kiểm tra Đảng ủy, Phó Giám đốc Công an tỉnh, làm việc với "
                "Đảng ủy xã. Dự có Đại tá Kiều Văn Sáu, Bí thư Đảng ủy, Chính ủy Bộ CHQS tỉnh, và ông Điểu Văn "
                "Lộc, Bí thư Đảng ủy, Chủ tịch HĐND xã Đức Liễu.")
    assert got["Lâm Văn Tiến"] == ["Phó Bí thư Đảng ủy Công an tỉnh Bình Phước",
                                   "Chủ nhiệm Ủy ban Kiểm tra Đảng ủy Công an tỉnh Bình Phước",
                                   "Phó Giám đốc Công an tỉnh Bình Phước"]
    assert got["Kiều Văn Sáu"] == ["Bí thư Đảng ủy Quân sự tỉnh Bình Phước",
                                   "Chính ủy Bộ Chỉ huy Quân sự tỉnh Bình Phước"]
    # a commune's own committee is still the commune's
    assert got["Điểu Văn Lộc"] == ["Bí thư Đảng ủy xã Đức Liễu", "Chủ tịch Hội đồng nhân dân xã Đức Liễu"]


def test_a_member_of_a_grassroots_committee_is_of_the_ward_or_township_the_story_is_about():
    want = "Ủy viên Ban Chấp hành Đảng bộ phường Tân An"
    for text in ("Tại phường Tân An, ông Kha Văn Lợi, Đảng ủy viên, Trưởng Công an phường Tân An báo cáo.",
                 "Tại phường Tân An, ông Kha Văn Lợi, Đảng ủy viên, báo cáo với đoàn."):
        got = posts("Kiểm tra\n" + text)
        assert got["Kha Văn Lợi"][0] == want, text
    got = posts("Kiểm tra\nTại xã Tân Lập, ông Kha Văn Lợi, Đảng ủy viên, báo cáo với đoàn.")
    assert got["Kha Văn Lợi"] == ["Ủy viên Ban Chấp hành Đảng bộ xã Tân Lập"]


def test_a_central_organisations_own_organs_and_the_bloc_committee_written_without_cac():
    got = posts("Hội nghị\nTại tỉnh Phú Thọ, dự có bà Hồ Thị Thoa, Ủy viên Ban Chấp hành Tổng Liên đoàn Lao động Việt "
                "Nam, Chủ tịch Liên đoàn Lao động tỉnh; ông Mẫn Văn Tình, Ủy viên Đoàn Chủ tịch UBTƯ MTTQ Việt Nam; "
                "ông Tăng Văn Tấn, Phó Bí thư Thường trực Đảng ủy Khối cơ quan và doanh nghiệp tỉnh.")
    assert got["Hồ Thị Thoa"] == ["Ủy viên Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam",
                                  "Chủ tịch Liên đoàn Lao động tỉnh Phú Thọ"]
    assert got["Mẫn Văn Tình"] == ["Ủy viên Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"]
    assert got["Tăng Văn Tấn"] == ["Phó Bí thư Thường trực Đảng ủy Khối các cơ quan và Doanh nghiệp tỉnh Phú Thọ"]


def test_a_list_whose_first_person_has_no_post_goes_on_after_va_or_a_comma():
    for joined in (" và ", ", "):
        got = posts(f"Báo cáo\nTại huyện Giồng Trôm, các đồng chí Thạch Văn Sang{joined}Kim Thị Đẹp, Phó Chủ tịch "
                    "UBND huyện, báo cáo với đoàn.")
        assert "Thạch Văn Sang" in got, joined
        assert got["Kim Thị Đẹp"] == ["Phó Chủ tịch Ủy ban nhân dân huyện Giồng Trôm"], joined


def test_a_full_time_deputy_of_a_provinces_deputies_written_after_the_body():
    want = ["Phó Trưởng Đoàn đại biểu Quốc hội tỉnh Hà Giang"]
    for post in ("Phó Trưởng Đoàn ĐBQH chuyên trách tỉnh", "Phó Trưởng đoàn chuyên trách Đoàn ĐBQH tỉnh",
                 "Phó Trưởng Đoàn ĐBQH tỉnh"):
        got = posts(f"Giám sát\nTại tỉnh Hà Giang, bà Sùng Thị Dợ, {post}, làm trưởng đoàn giám sát.")
        assert got["Sùng Thị Dợ"] == want, post


def test_the_short_forms_lists_and_captions_write_chairs_and_boards_in():
    got = posts("Kiểm tra tại xã\nNgày 4/4/2024, tại huyện Bình Gia, dự có các đồng chí: Tô Văn Lự, UV BTV HU, CN UBKT "
                "Huyện ủy; Hoàng Thị Sen, PBT ĐU, CT UBND xã Hoa Thám; Lộc Văn Pù, Trưởng BTC Huyện ủy.")
    assert got["Tô Văn Lự"] == ["Ủy viên Ban Thường vụ Huyện ủy Bình Gia", "Chủ nhiệm Ủy ban Kiểm tra Huyện ủy Bình Gia"]
    assert got["Hoàng Thị Sen"] == ["Phó Bí thư Đảng ủy xã Hoa Thám", "Chủ tịch Ủy ban nhân dân xã Hoa Thám"]
    assert got["Lộc Văn Pù"] == ["Trưởng Ban Tổ chức Huyện ủy Bình Gia"]
    # the same letters inside a document code stay the code's
    out = extract(text_article("Kế hoạch\nNgày 2/3/2024, Đảng ủy xã Hoa Thám ban hành Kế hoạch số 15-KH/ĐU về "
                               "kiểm tra.", key="t")).to_json()
    assert [d["code"] for d in out["documents"]] == ["15-KH/ĐU"]


def test_a_standing_member_who_heads_a_wards_police_sits_in_the_wards_committee():
    got = posts("Hội nghị\nTại phường Quang Trung, dự có đồng chí Vũ Văn Khải - UVBTV, Trưởng Công an phường; đồng "
                "chí Lê Văn Bảo - Đảng ủy viên, Chỉ huy trưởng Ban CHQS phường Quang Trung.")
    assert got["Vũ Văn Khải"] == ["Ủy viên Ban Thường vụ Đảng ủy phường Quang Trung", "Trưởng Công an phường Quang Trung"]
    assert got["Lê Văn Bảo"] == ["Ủy viên Ban Chấp hành Đảng bộ phường Quang Trung",
                                 "Chỉ huy trưởng Ban Chỉ huy Quân sự phường Quang Trung"]


def test_a_cell_secretary_left_bare_is_of_the_cell_the_paragraph_named_before():
    for sentence in ("Ông Mang Văn Rờ - Bí thư Chi bộ - cho biết chi bộ đã đổi mới sinh hoạt.",
                     "Ông Mang Văn Rờ, Bí thư Chi bộ, cho biết chi bộ đã đổi mới sinh hoạt."):
        got = posts("Sinh hoạt chi bộ\nChi bộ thôn Tà Nung có 21 đảng viên. " + sentence)
        assert got["Mang Văn Rờ"] == ["Bí thư Chi bộ thôn Tà Nung"], sentence
    # with no cell named before it, the bare title is no post
    got = posts("Sinh hoạt chi bộ\nÔng Mang Văn Rờ, Bí thư Chi bộ, cho biết chi bộ đã đổi mới sinh hoạt.")
    assert got["Mang Văn Rờ"] == []


def test_a_units_council_or_committee_left_without_its_unit_is_the_chains_units():
    got = posts("Hội nghị\nTại phường Tân Mai, dự có bà Lưu Thị Nụ - Bí thư Đảng ủy, Chủ tịch HĐND, Trưởng Ban Dân vận; "
                "ông Giáp Văn Hòe - Phó Bí thư Tỉnh ủy Bắc Giang, Chủ tịch UBND, Trưởng Ban Chỉ đạo.")
    assert got["Lưu Thị Nụ"][:2] == ["Bí thư Đảng ủy phường Tân Mai", "Chủ tịch Hội đồng nhân dân phường Tân Mai"]
    assert got["Giáp Văn Hòe"][:2] == ["Phó Bí thư Tỉnh ủy Bắc Giang", "Chủ tịch Ủy ban nhân dân tỉnh Bắc Giang"]
    # with nothing in the chain to place it, the bare council is no post
    got = posts("Hội nghị\nDự có bà Lưu Thị Nụ - Chủ tịch HĐND, phát biểu.")
    assert got["Lưu Thị Nụ"] == []


def test_a_chairs_title_left_bare_is_of_the_council_its_paragraph_named_before():
    got = posts("Làm việc\nNgày 2-4, tại Bắc Kạn, Hội đồng Lý luận Trung ương có buổi trao đổi với Tỉnh ủy; ông Lại "
                "Văn Tâm, Phó Chủ tịch Hội đồng, dẫn đầu đoàn công tác.")
    assert got["Lại Văn Tâm"] == ["Phó Chủ tịch Hội đồng Lý luận Trung ương"]
    got = posts("Làm việc\nNgày 2-4, ông Lại Văn Tâm, Phó Chủ tịch Hội đồng, đã làm việc với tỉnh Bắc Kạn.")
    assert got["Lại Văn Tâm"] == []


def test_an_event_board_in_a_chain_is_no_partys_board_and_dc_is_an_honorific():
    got = posts("Hội thi\nĐc Phùng Văn Khuê – Chủ tịch UB MTTQ xã Tự Lập, Trưởng Ban Tổ chức Hội thi phát biểu.")
    assert got["Phùng Văn Khuê"] == ["Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã Tự Lập"]
    # the party's board, its committee left to the chain, and a holder named after a bare board
    got = posts("Hội nghị\nĐc Phùng Văn Khuê – Phó Bí thư Đảng ủy xã Tự Lập, Trưởng Ban Tổ chức phát biểu. Dự có "
                "Trưởng Ban Dân vận Kiều Thị Loan.")
    assert got["Phùng Văn Khuê"] == ["Phó Bí thư Đảng ủy xã Tự Lập", "Trưởng Ban Tổ chức Đảng ủy xã Tự Lập"]
    assert "Kiều Thị Loan" in got


def test_officials_of_the_highlands_and_the_south_whose_surnames_the_tables_lacked():
    names = ["Rơ Mah Lanh", "Rcom H'Bia", "Đàng Năng Khoa", "Chau Sóc Ty", "Hờ A Lử", "Tráng A Páo", "A Thiên"]
    got = posts("Hội nghị\nDự có các đồng chí: " + "; ".join(f"{n}, Phó Chủ tịch UBND huyện" for n in names) + ".")
    assert all(got.get(n) == ["Phó Chủ tịch Ủy ban nhân dân huyện"] for n in names), got
    got = posts("Hội nghị\nBí thư Huyện ủy Ia Pa Rơ Mah Lanh dự họp.")
    assert got["Rơ Mah Lanh"] == ["Bí thư Huyện ủy Ia Pa"]


def test_a_communes_departments_after_the_reform_and_thai_surnames():
    got = posts("Kiểm tra tại xã\nTại xã Chiềng Sơ, dự có các đồng chí: Tòng Thị Hoa, Trưởng Phòng Văn hóa - Xã hội xã; "
                "Vì Văn Minh, Phó Chủ tịch Ủy ban MTTQ Việt Nam xã, Chủ tịch Hội Nông dân xã.")
    assert got["Tòng Thị Hoa"] == ["Trưởng Phòng Văn hóa - Xã hội xã Chiềng Sơ"]
    assert got["Vì Văn Minh"] == ["Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã Chiềng Sơ",
                                  "Chủ tịch Hội Nông dân xã Chiềng Sơ"]


def test_officials_introduced_by_co_without_an_honorific_and_a_holder_set_off_by_a_rank():
    want = {"Đỗ Văn Tùng": ["Chủ tịch Ủy ban nhân dân xã Thạch Bình"],
            "Hà Thị Vui": ["Phó Chủ tịch Hội đồng nhân dân xã Thạch Bình"]}
    for lead in ("Dự có Đỗ Văn Tùng, Chủ tịch UBND xã Thạch Bình và Hà Thị Vui, Phó Chủ tịch HĐND xã.",
                 "Dự có đồng chí Đỗ Văn Tùng, Chủ tịch UBND xã Thạch Bình và đồng chí Hà Thị Vui, Phó Chủ tịch "
                 "HĐND xã.",
                 "Tiếp đoàn có Đỗ Văn Tùng - Chủ tịch UBND xã Thạch Bình; Hà Thị Vui - Phó Chủ tịch HĐND xã."):
        got = posts("Làm việc tại xã\n" + lead)
        assert {k: got.get(k) for k in want} == want, lead
    got = posts("Làm việc tại xã\nTheo Trưởng Công an xã Thạch Bình, Đại úy Lê Văn Cẩn, tình hình đã ổn định.")
    assert got["Lê Văn Cẩn"] == ["Trưởng Công an xã Thạch Bình"]
    # provinces after "có" are no people, with or without a comma between them
    got = posts("Hội nghị\nTham dự có Hà Nội, Lâm Đồng, Hà Giang và Cao Bằng.")
    assert got == {}


def test_a_name_heads_a_chain_after_do_la_voi_and_cung_as_after_co():
    got = posts("Kiểm tra\nNgày 6/6/2023, đoàn kiểm tra do Lưu Văn Bảy, Phó Bí thư Huyện ủy Tân Hồng làm trưởng đoàn "
                "đã làm việc với Kiều Văn Tư, Bí thư Đảng ủy xã Tân Thành, cùng Âu Thị Sáu, Chánh Văn phòng Huyện ủy.")
    assert got["Lưu Văn Bảy"] == ["Phó Bí thư Huyện ủy Tân Hồng"]
    assert got["Kiều Văn Tư"] == ["Bí thư Đảng ủy xã Tân Thành"]
    assert got["Âu Thị Sáu"] == ["Chánh Văn phòng Huyện ủy Tân Hồng"]


def test_the_standing_deputy_prime_minister_is_one_post_before_or_after_the_name():
    for text, want in (
            ("Ngày 5/6, Phó Thủ tướng thường trực Đỗ Minh Tâm dẫn đầu đoàn công tác đến tỉnh Yên Bái.",
             ["Phó Thủ tướng Thường trực"]),
            ("Chiều 12-3, Phó Thủ tướng Thường trực Chính phủ Đỗ Minh Tâm làm việc với tỉnh Hòa Bình.",
             ["Phó Thủ tướng Thường trực Chính phủ"]),
            ("Dự có đồng chí Đỗ Minh Tâm, Ủy viên Bộ Chính trị, Phó Thủ tướng Thường trực Chính phủ.",
             ["Ủy viên Bộ Chính trị", "Phó Thủ tướng Thường trực Chính phủ"])):
        assert posts("Làm việc\n" + text)["Đỗ Minh Tâm"] == want, text


def test_a_units_treasury_social_insurance_policy_bank_and_customs_are_bodies_of_that_unit():
    got = posts("Hội nghị\nDự có đồng chí Phùng Văn Tú, Giám đốc Kho bạc Nhà nước tỉnh Vĩnh Phúc; bà Kiều Thị Mai, "
                "Giám đốc Bảo hiểm xã hội huyện Tam Dương; ông Lê Văn Bảy, Giám đốc Chi nhánh Ngân hàng Chính sách "
                "xã hội tỉnh Vĩnh Phúc; ông Võ Văn Hòa, Cục trưởng Cục Hải quan tỉnh Lạng Sơn.")
    assert got["Phùng Văn Tú"] == ["Giám đốc Kho bạc Nhà nước tỉnh Vĩnh Phúc"]
    assert got["Kiều Thị Mai"] == ["Giám đốc Bảo hiểm xã hội huyện Tam Dương"]
    assert got["Lê Văn Bảy"] == ["Giám đốc Chi nhánh Ngân hàng Chính sách xã hội tỉnh Vĩnh Phúc"]
    assert got["Võ Văn Hòa"] == ["Cục trưởng Cục Hải quan tỉnh Lạng Sơn"]


def test_the_youth_union_of_a_commune_or_ward_and_its_central_first_secretary():
    for chain, unit in ((", Bí thư Đoàn Thanh niên xã Quang Trung", "xã Quang Trung"),
                        (" - Bí thư Đoàn TNCS Hồ Chí Minh phường Hòa Bình", "phường Hòa Bình"),
                        (", Phó Bí thư Đảng ủy, Bí thư Đoàn Thanh niên xã Tân Lập", "xã Tân Lập")):
        got = posts("Ra quân tình nguyện\nDự có đồng chí Mạc Văn Tiến" + chain + ".")
        assert got["Mạc Văn Tiến"][-1] == "Bí thư Đoàn Thanh niên Cộng sản Hồ Chí Minh " + unit, chain
    got = posts("Làm việc\nÔng Lò Văn Quý, Bí thư thứ nhất Trung ương Đoàn, và ông Hà Văn Lâm, Bí thư Trung ương Đoàn.")
    assert got["Lò Văn Quý"] == ["Bí thư thứ nhất Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh"]
    assert got["Hà Văn Lâm"] == ["Bí thư Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh"]


def test_general_departments_the_state_bank_and_central_armed_forces():
    got = posts("Làm việc\nDự có đồng chí Mai Văn Thắng, Tổng cục trưởng Tổng cục Thuế; ông Lê Văn Nam, Phó Tổng cục "
                "trưởng Tổng cục Hải quan; bà Đào Thị Hương, Phó Thống đốc Ngân hàng Nhà nước Việt Nam; Trung tướng "
                "Vương Văn Nam, Tư lệnh Bộ đội Biên phòng; Thiếu tướng Lê Đức Thái, Phó Tư lệnh Bộ Tư lệnh Cảnh sát biển.")
    assert got["Mai Văn Thắng"] == ["Tổng cục trưởng Tổng cục Thuế"]
    assert got["Lê Văn Nam"] == ["Phó Tổng cục trưởng Tổng cục Hải quan"]
    assert got["Đào Thị Hương"] == ["Phó Thống đốc Ngân hàng Nhà nước Việt Nam"]
    assert got["Vương Văn Nam"] == ["Tư lệnh Bộ đội Biên phòng"]
    assert got["Lê Đức Thái"] == ["Phó Tư lệnh Cảnh sát biển Việt Nam"]


def test_kiem_joins_two_posts_after_a_comma_or_a_dash_as_without_one():
    want = ["Chủ tịch Hội đồng nhân dân phường Trần Phú", "Trưởng Ban Xây dựng Đảng Đảng ủy phường Trần Phú"]
    for sep in (", kiêm ", " kiêm ", " - kiêm "):
        got = posts("Hội nghị\nĐồng chí Hoàng Văn Tú, Chủ tịch HĐND phường Trần Phú" + sep
                    + "Trưởng Ban Xây dựng Đảng Đảng ủy phường Trần Phú phát biểu.")
        assert got["Hoàng Văn Tú"] == want, sep


def test_a_regional_court_procuracy_or_defence_command_after_the_reform_is_named_as_written():
    got = posts("Hội nghị\nDự có đồng chí Đặng Văn Minh, Chánh án Tòa án nhân dân khu vực 1 - Hà Nội; bà Lê Thị Hoa, "
                "Viện trưởng VKSND khu vực 3 tỉnh Nghệ An; Đại tá Vũ Văn Tân, Chỉ huy trưởng Ban Chỉ huy Phòng thủ "
                "khu vực 2 - Hải Hậu; ông Trần Văn Lực, Trưởng Thuế cơ sở 4 tỉnh Hưng Yên.")
    assert got["Đặng Văn Minh"] == ["Chánh án Tòa án nhân dân khu vực 1 - Hà Nội"]
    assert got["Lê Thị Hoa"] == ["Viện trưởng Viện Kiểm sát nhân dân khu vực 3 tỉnh Nghệ An"]
    assert got["Vũ Văn Tân"] == ["Chỉ huy trưởng Ban Chỉ huy Phòng thủ khu vực 2 - Hải Hậu"]
    assert got["Trần Văn Lực"] == ["Trưởng Thuế cơ sở 4 tỉnh Hưng Yên"]
    # a court named with a count, not a region, is no body
    assert posts("Hội nghị\nÔng Đặng Văn Minh, Chánh án Tòa án nhân dân 2 cấp phát biểu.").get("Đặng Văn Minh") == []


def test_a_department_of_a_ministry_whose_name_holds_a_comma():
    got = posts("Kiểm tra đê\nĐi cùng có ông Vũ Đức Hải, Cục trưởng Cục Quản lý đê điều và Phòng, chống thiên tai, "
                "Bộ Nông nghiệp và Môi trường; bà Hà Thị Vân, Phó Cục trưởng Cục Phòng, chống tệ nạn xã hội, Bộ Công an.")
    assert got["Vũ Đức Hải"] == ["Cục trưởng Cục Quản lý đê điều và Phòng, chống thiên tai Bộ Nông nghiệp và Môi trường"]
    assert got["Hà Thị Vân"] == ["Phó Cục trưởng Cục Phòng, chống tệ nạn xã hội Bộ Công an"]


def test_the_head_of_a_village_or_neighbourhood_is_named_by_it_but_the_village_is_no_place():
    got = facts_of("Thăm hộ nghèo\nÔng Lê Văn Khoa, Trưởng thôn Phú Mỹ, xã Yên Lạc cho biết thôn có 12 hộ thoát nghèo. "
                   "Trưởng bản Nà Lừa Lò Văn Panh và Phó Trưởng ấp 3 Nguyễn Văn Tư cùng dự; bà Trần Thị Lan - Trưởng "
                   "khu phố Đông Hòa chia sẻ.")
    persons = {p["name"]: p["posts"] for p in got["persons"]}
    assert persons["Lê Văn Khoa"] == ["Trưởng thôn Phú Mỹ"]
    assert persons["Lò Văn Panh"] == ["Trưởng bản Nà Lừa"]
    assert persons["Nguyễn Văn Tư"] == ["Phó Trưởng ấp 3"]
    assert persons["Trần Thị Lan"] == ["Trưởng khu phố Đông Hòa"]
    assert [p["name"] for p in got["places"]] == ["xã Yên Lạc"]


def facts_of(text: str) -> dict:
    return extract(text_article(text, key="t")).to_json()


def test_a_steering_board_named_by_its_task_with_no_unit_is_named_as_written():
    for chain, want in (
            (", Phó Chủ tịch UBND tỉnh, Phó trưởng Ban Thường trực Ban Chỉ đạo các Chương trình mục tiêu quốc gia "
             "và Đoàn công tác của tỉnh đã kiểm tra tại xã.",
             "Phó Trưởng ban Thường trực Ban Chỉ đạo các Chương trình mục tiêu quốc gia"),
            (", Phó Trưởng Ban Chỉ đạo giảm nghèo bền vững, phát biểu.", "Phó Trưởng Ban Chỉ đạo giảm nghèo bền vững"),
            (" - Trưởng Ban Chỉ đạo phòng, chống thiên tai làm trưởng đoàn.", "Trưởng Ban Chỉ đạo phòng, chống thiên tai")):
        got = posts("Kiểm tra\nNgày 23/7, đồng chí Lò Văn Hùng" + chain)
        assert got["Lò Văn Hùng"][-1] == want, chain
    # written before the name, the board's task ends where the holder's name starts
    got = posts("Kiểm tra\nTrưởng Ban Chỉ đạo xây dựng nông thôn mới Nguyễn Văn Hải kiểm tra tại xã Tân Lập.")
    assert got["Nguyễn Văn Hải"] == ["Trưởng Ban Chỉ đạo xây dựng nông thôn mới"]


def test_a_central_board_named_bare_after_its_full_name_is_that_board():
    board = "Ban Chỉ đạo Trung ương Chương trình mục tiêu quốc gia xây dựng nông thôn mới"
    for text in (f"Chiều 28-10, {board} do đồng chí Lê Văn Ngọ, cố vấn Ban chỉ đạo Trung ương làm trưởng đoàn "
                 "đã làm việc tại tỉnh.",
                 f"Đoàn công tác của {board} do ông Lê Văn Ngọ, Phó Trưởng Ban Chỉ đạo Trung ương dẫn đầu."):
        got = posts("Làm việc\n" + text)
        assert got["Lê Văn Ngọ"][0].endswith(board), text


def test_abbreviations_of_military_state_and_mass_bodies_are_expanded_in_chains():
    got = posts("Hội nghị\nDự có đồng chí Hà Văn Tú, Chủ nhiệm UBKT ĐUQS tỉnh Sơn La; Đại tá Lò Văn Dũng, Chỉ huy "
                "trưởng BCHQS huyện Mai Sơn; bà Cầm Thị Lan, Giám đốc BHXH tỉnh Sơn La; ông Quàng Văn Sơn, Chủ tịch "
                "LĐLĐ tỉnh Sơn La; ông Lò Văn Pọm, Bí thư ĐTN xã Chiềng Mung; bà Lò Thị Ánh, PGĐ KBNN huyện Mai Sơn; "
                "ông Tòng Văn Hải, PBTTT Huyện ủy Mai Sơn.")
    assert got["Hà Văn Tú"] == ["Chủ nhiệm Ủy ban Kiểm tra Đảng ủy Quân sự tỉnh Sơn La"]
    assert got["Lò Văn Dũng"] == ["Chỉ huy trưởng Ban Chỉ huy Quân sự huyện Mai Sơn"]
    assert got["Cầm Thị Lan"] == ["Giám đốc Bảo hiểm xã hội tỉnh Sơn La"]
    assert got["Quàng Văn Sơn"] == ["Chủ tịch Liên đoàn Lao động tỉnh Sơn La"]
    assert got["Lò Văn Pọm"] == ["Bí thư Đoàn Thanh niên Cộng sản Hồ Chí Minh xã Chiềng Mung"]
    assert got["Lò Thị Ánh"] == ["Phó Giám đốc Kho bạc Nhà nước huyện Mai Sơn"]
    assert got["Tòng Văn Hải"] == ["Phó Bí thư Thường trực Huyện ủy Mai Sơn"]


def test_a_section_named_with_its_body_after_a_comma_and_inspectors_of_an_inspection_committee():
    got = posts("Thành lập đoàn\nThành viên đoàn gồm đồng chí Hà Văn An, Trưởng phòng Nghiệp vụ 1, Ủy ban Kiểm tra "
                "Tỉnh ủy; đồng chí Lê Thị Bình, Phó Trưởng phòng Tổng hợp, Văn phòng Tỉnh ủy Hà Giang; đồng chí Lò Văn "
                "Cường, Phó Trưởng phòng Tổ chức cán bộ, Bộ Nội vụ; đồng chí Vàng Thị Dua, Kiểm tra viên chính UBKT "
                "Tỉnh ủy; đồng chí Sùng Văn Lử, Chuyên viên chính Ban Tổ chức Tỉnh ủy.")
    assert got["Hà Văn An"] == ["Trưởng Phòng Nghiệp vụ 1 Ủy ban Kiểm tra Tỉnh ủy Hà Giang"]
    assert got["Lê Thị Bình"] == ["Phó Trưởng Phòng Tổng hợp Văn phòng Tỉnh ủy Hà Giang"]
    assert got["Lò Văn Cường"] == ["Phó Trưởng Phòng Tổ chức cán bộ Bộ Nội vụ"]
    assert got["Vàng Thị Dua"] == ["Kiểm tra viên chính Ủy ban Kiểm tra Tỉnh ủy Hà Giang"]
    assert got["Sùng Văn Lử"] == ["Chuyên viên chính Ban Tổ chức Tỉnh ủy Hà Giang"]


def test_a_district_department_left_without_its_unit_is_that_of_the_unit_the_chain_names():
    for chain in (", Trưởng Phòng Nội vụ, Phó Chủ tịch UBND huyện Vị Xuyên",
                  " - Trưởng Phòng Nội vụ - Phó Chủ tịch UBND huyện Vị Xuyên",
                  ", Phó Chủ tịch UBND huyện Vị Xuyên, Trưởng Phòng Nội vụ"):
        got = posts("Hội nghị\nĐồng chí Hà Văn An" + chain + " phát biểu.")
        assert sorted(got["Hà Văn An"]) == ["Phó Chủ tịch Ủy ban nhân dân huyện Vị Xuyên",
                                             "Trưởng Phòng Nội vụ huyện Vị Xuyên"], chain
    got = posts("Hội nghị\nĐồng chí Hà Văn An, Trưởng Phòng Văn hóa - Thông tin, UBND huyện Vị Xuyên phát biểu.")
    assert got["Hà Văn An"] == ["Trưởng Phòng Văn hóa - Thông tin huyện Vị Xuyên"]
    # a council left without its unit before a dash, as before a comma
    got = posts("Hội nghị\nĐồng chí Hà Văn An - Phó Chủ tịch HĐND - Trưởng Ban Kinh tế - Xã hội HĐND huyện Vị Xuyên.")
    assert got["Hà Văn An"] == ["Phó Chủ tịch Hội đồng nhân dân huyện Vị Xuyên",
                                "Trưởng Ban Kinh tế - Xã hội Hội đồng nhân dân huyện Vị Xuyên"]


def test_a_units_service_centres_are_its_bodies():
    got = posts("Hội nghị\nĐồng chí Lò Văn Tú, Giám đốc Trung tâm Phục vụ hành chính công xã Mường Bú; ông Quàng Văn "
                "Sơn, Giám đốc Trung tâm Y tế huyện Mai Sơn; bà Lò Thị Ánh, Phó Giám đốc Trung tâm Văn hóa - Thể thao "
                "và Truyền thông huyện Mai Sơn.")
    assert got["Lò Văn Tú"] == ["Giám đốc Trung tâm Phục vụ hành chính công xã Mường Bú"]
    assert got["Quàng Văn Sơn"] == ["Giám đốc Trung tâm Y tế huyện Mai Sơn"]
    assert got["Lò Thị Ánh"] == ["Phó Giám đốc Trung tâm Văn hóa - Thể thao và Truyền thông huyện Mai Sơn"]


def test_a_degree_written_in_full_opens_a_name_like_its_short_form():
    for degree in ("Thạc sĩ", "ThS.", "Bác sĩ", "Kỹ sư"):
        got = posts(f"Hội nghị\n{degree} Lê Văn Hải, Phó Giám đốc Sở Y tế tỉnh Nghệ An phát biểu.")
        assert got["Lê Văn Hải"] == ["Phó Giám đốc Sở Y tế tỉnh Nghệ An"], degree


def test_the_boards_of_the_national_assemblys_standing_committee():
    for board in ("Ban Công tác đại biểu thuộc Ủy ban Thường vụ Quốc hội",
                  "Ban Công tác đại biểu của Ủy ban Thường vụ Quốc hội", "Ban Công tác đại biểu"):
        got = posts(f"Làm việc\nĐồng chí Lê Văn Hải, Phó Trưởng {board}, làm trưởng đoàn.")
        assert got["Lê Văn Hải"] == ["Phó Trưởng Ban Công tác đại biểu thuộc Ủy ban Thường vụ Quốc hội"], board


def test_where_a_caption_places_the_person_does_not_part_the_name_from_the_chain():
    for note in ("(thứ 2 từ trái sang)", "(giữa)", "(bên phải)", "(thứ hai, từ phải sang)"):
        got = posts(f"Kiểm tra\nĐồng chí Nguyễn Văn An {note}, Phó Bí thư Tỉnh ủy Phú Thọ kiểm tra tại xã Tân Lập.")
        assert got["Nguyễn Văn An"] == ["Phó Bí thư Tỉnh ủy Phú Thọ"], note
    got = posts("Kiểm tra\nÔng Nguyễn Văn An (bên trái) - Chủ tịch UBND xã Tân Lập trao đổi với đoàn.")
    assert got["Nguyễn Văn An"] == ["Chủ tịch Ủy ban nhân dân xã Tân Lập"]


def test_the_last_name_of_a_list_of_people_followed_by_its_clause_is_a_person():
    for text, names in (
            ("Các đồng chí Nguyễn Văn An, Trần Thị Bình và Lê Văn Cường đã tặng quà.",
             {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"}),
            ("Các đồng chí Nguyễn Văn An, Trần Thị Bình lần lượt phát biểu.", {"Nguyễn Văn An", "Trần Thị Bình"}),
            ("Đoàn gồm các ông Nguyễn Văn An, Trần Văn Bình.", {"Nguyễn Văn An", "Trần Văn Bình"})):
        assert set(posts("Tin\n" + text)) == names, text


def test_an_honorific_read_only_in_lower_case_opens_its_sentence_capitalised():
    for hon in ("Anh", "Chị", "Già làng", "- Anh"):
        got = posts(f"Tin\n{hon} Nguyễn Văn An, Bí thư Chi bộ thôn A Rông cho biết thôn đã hoàn thành.")
        assert got["Nguyễn Văn An"] == ["Bí thư Chi bộ thôn A Rông"], hon
    assert "Lê Văn Cường" in posts("Tin\nCụ Lê Văn Cường, đảng viên 70 năm tuổi Đảng chia sẻ.")
    # a district whose name opens with the word, and a given name that ends a name, are no honorifics
    got = posts("Tin\nAnh Sơn là huyện miền núi. Nguyễn Tuấn Anh, Phó Chủ tịch UBND xã phát biểu.")
    assert set(got) == {"Nguyễn Tuấn Anh"}


def test_a_units_buddhist_executive_board():
    for board, unit in (("Giáo hội Phật giáo Việt Nam tỉnh Phú Thọ", "tỉnh Phú Thọ"),
                        ("GHPGVN huyện Thanh Ba", "huyện Thanh Ba")):
        got = posts(f"Tin\nThượng tọa Thích Minh Đức, Phó Trưởng ban Trị sự {board} phát biểu.")
        assert got["Thích Minh Đức"] == [f"Phó Trưởng Ban Trị sự Giáo hội Phật giáo Việt Nam {unit}"], board


def test_an_acting_post_keeps_its_quyen():
    got = posts("Tin\nĐồng chí Lê Văn An, Quyền Chủ tịch UBND tỉnh Yên Bái; ông Trần Văn Bình, Quyền Giám đốc Sở Nội vụ "
                "tỉnh Yên Bái; ông Hà Văn Cường, Quyền Trưởng Ban Tổ chức Tỉnh ủy. Quyền Bộ trưởng Bộ Y tế Đào Hồng "
                "Lan và Quyền Bí thư Huyện ủy Lục Yên Nông Văn Dũng cùng dự.")
    assert got["Lê Văn An"] == ["Quyền Chủ tịch Ủy ban nhân dân tỉnh Yên Bái"]
    assert got["Trần Văn Bình"] == ["Quyền Giám đốc Sở Nội vụ tỉnh Yên Bái"]
    assert got["Hà Văn Cường"] == ["Quyền Trưởng Ban Tổ chức Tỉnh ủy Yên Bái"]
    assert got["Đào Hồng Lan"] == ["Quyền Bộ trưởng Bộ Y tế"]
    assert got["Nông Văn Dũng"] == ["Quyền Bí thư Huyện ủy Lục Yên"]


def test_of_two_surnames_after_a_place_the_one_a_middle_name_follows_starts_the_holder():
    for text, name, post in (
            ("Trưởng thôn Xuân Thạch Đinh Văn Nghĩa cho biết thôn đã hoàn thành.", "Đinh Văn Nghĩa",
             "Trưởng thôn Xuân Thạch"),
            ("Bí thư Chi bộ thôn Kim Đinh Lò Thị Hoa cho biết chi bộ có 30 đảng viên.", "Lò Thị Hoa",
             "Bí thư Chi bộ thôn Kim Đinh")):
        got = posts("Tin\n" + text)
        assert got[name] == [post], text


def test_standing_and_full_time_members_of_a_committee():
    got = posts("Giám sát\nThiếu tướng Nguyễn Minh Đức, Ủy viên Thường trực Ủy ban Quốc phòng và An ninh của Quốc hội; "
                "bà Lê Thị Hoa, Ủy viên chuyên trách Ủy ban Pháp luật của Quốc hội; ông Hà Văn Nam, Ủy viên Thường trực "
                "HĐND tỉnh Quảng Nam.")
    assert got["Nguyễn Minh Đức"] == ["Ủy viên Thường trực Ủy ban Quốc phòng và An ninh của Quốc hội"]
    assert got["Lê Thị Hoa"] == ["Ủy viên chuyên trách Ủy ban Pháp luật của Quốc hội"]
    assert got["Hà Văn Nam"] == ["Ủy viên Thường trực Hội đồng nhân dân tỉnh Quảng Nam"]


def test_a_section_named_right_before_its_body():
    got = posts("Kiểm tra\nTham gia đoàn có Trung tá Lò Thị Hằng, Trưởng phòng Chính trị Bộ CHQS tỉnh Điện Biên; ông Lò "
                "Văn Bình, Phó Trưởng phòng Cảnh sát hình sự Công an tỉnh Điện Biên; ông Hà Văn Tú, Trưởng Phòng Nội vụ "
                "huyện Mường Nhé.")
    assert got["Lò Thị Hằng"] == ["Trưởng Phòng Chính trị Bộ Chỉ huy Quân sự tỉnh Điện Biên"]
    assert got["Lò Văn Bình"] == ["Phó Trưởng Phòng Cảnh sát hình sự Công an tỉnh Điện Biên"]
    # a district's own department is no section of another body
    assert got["Hà Văn Tú"] == ["Trưởng Phòng Nội vụ huyện Mường Nhé"]


def test_a_committee_abbreviated_after_its_organ_and_secretaries_abbreviated_whole():
    for chain, want in (
            ("UVBTV TU, Trưởng BTC TU Phú Thọ", ["Ủy viên Ban Thường vụ Tỉnh ủy Phú Thọ", "Trưởng Ban Tổ chức Tỉnh ủy Phú Thọ"]),
            ("Chủ nhiệm UBKT HU Thanh Ba", ["Chủ nhiệm Ủy ban Kiểm tra Huyện ủy Thanh Ba"]),
            ("BTHU, CT HĐND huyện Thanh Ba", ["Bí thư Huyện ủy Thanh Ba", "Chủ tịch Hội đồng nhân dân huyện Thanh Ba"]),
            ("PBTTU, Chủ tịch UBND tỉnh Phú Thọ", ["Phó Bí thư Tỉnh ủy Phú Thọ", "Chủ tịch Ủy ban nhân dân tỉnh Phú Thọ"])):
        got = posts(f"Ảnh\nĐ/c Lê Văn An - {chain} phát biểu.")
        assert got["Lê Văn An"] == want, chain


def test_a_post_set_off_before_its_holder_who_goes_on_with_a_verb():
    for text, name, want in (
            ("Bộ trưởng Bộ Quốc phòng, Đại tướng Phan Văn Giang kiểm tra tại đơn vị.", "Phan Văn Giang",
             ["Bộ trưởng Bộ Quốc phòng"]),
            ("Chủ tịch UBND huyện Thanh Ba, ông Lê Văn An cho biết huyện đã hoàn thành.", "Lê Văn An",
             ["Chủ tịch Ủy ban nhân dân huyện Thanh Ba"]),
            ("Chủ tịch UBND huyện Thanh Ba, ông Lê Văn An, cho biết huyện đã hoàn thành.", "Lê Văn An",
             ["Chủ tịch Ủy ban nhân dân huyện Thanh Ba"])):
        assert posts("Tin\n" + text)[name] == want, text
    # a post already someone's stays theirs
    got = posts("Tin\nĐồng chí Nguyễn Văn Cường, Phó Chủ tịch UBND tỉnh, ông Lê Văn An cùng dự.")
    assert got == {"Nguyễn Văn Cường": ["Phó Chủ tịch Ủy ban nhân dân tỉnh"], "Lê Văn An": []}


def test_a_villages_youth_union_cell_and_a_closing_sentence_opened_by_an_honorific():
    # the sentence closes the text, where a byline would be: its honorific is still no word of the name
    for text, want in (("Tin\nAnh Lò Văn Tú, Bí thư Chi đoàn bản Mòn cho biết.", ["Bí thư Chi đoàn bản Mòn"]),
                       ("Tin\nAnh Lò Văn Tú, Trưởng bản Mòn cho biết.", ["Trưởng bản Mòn"]),
                       ("Tin\nĐồng chí Lò Văn Tú, Bí thư Chi bộ thôn Đông phát biểu.", ["Bí thư Chi bộ thôn Đông"])):
        assert posts(text) == {"Lò Văn Tú": want}, text
