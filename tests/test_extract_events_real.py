"""Activities told in the wordings of published news that the first rules
missed (issue #10, round 10): an activity carried by a noun phrase or by
leading a delegation named for it, a second delegation joined to the first,
a leader named by the end of a chain of titles, sites listed after "như:".
Every sentence is written for the test; names are invented."""
from __future__ import annotations

import datetime as dt

from kg.extract import extract
from kg.sources.articles import text_article


def events(text: str, published: dt.date | None = None) -> list[dict]:
    return extract(text_article(text, key="t", published=published)).to_json()["events"]


def shape(ev: dict) -> tuple:
    return ev["kind"], ev["date"], ev["leader"], sorted(ev["targets"])


# --- the activity carried by what the official does ---------------------------------

def test_mass_organisations_are_not_a_delegation():
    # "các đoàn thể" (the mass organisations) in the subject matter is no delegation that fails to act
    out = events("Tin cơ sở\nNgày 5/8/2024, đồng chí Lò Thị Mai - Chủ tịch Ủy ban MTTQ huyện làm trưởng đoàn "
                 "đã có buổi giám sát việc cấp kinh phí cho các đoàn thể chính trị - xã hội trên địa bàn xã Tân Phong.")
    assert [shape(e) for e in out] == [("supervision", "2024-08-05", "Lò Thị Mai", ["xã Tân Phong"])]


def test_leading_a_delegation_named_for_its_work_is_the_activity():
    told = [
        "Sáng 9/10/2023, đồng chí Hà Văn Sơn - Phó Trưởng Ban Pháp chế HĐND tỉnh dẫn đầu Đoàn giám sát "
        "việc thực hiện chính sách hỗ trợ nhà ở tại huyện Lục Yên.",
        "Sáng 9/10/2023, Đoàn giám sát do đồng chí Hà Văn Sơn - Phó Trưởng Ban Pháp chế HĐND tỉnh làm trưởng đoàn "
        "đã giám sát việc thực hiện chính sách hỗ trợ nhà ở tại huyện Lục Yên.",
        "Sáng 9/10/2023, đồng chí Hà Văn Sơn - Phó Trưởng Ban Pháp chế HĐND tỉnh làm trưởng đoàn "
        "đã có buổi giám sát việc thực hiện chính sách hỗ trợ nhà ở tại huyện Lục Yên.",
    ]
    for text in told:
        assert [shape(e) for e in events("Tin tức\n" + text)] == \
            [("supervision", "2023-10-09", "Hà Văn Sơn", ["huyện Lục Yên"])], text


def test_leading_a_delegation_ahead_is_no_activity():
    out = events("Tin tức\nTuần tới, đồng chí Hà Văn Sơn - Phó Trưởng Ban Pháp chế HĐND tỉnh sẽ dẫn đầu Đoàn giám sát "
                 "việc thực hiện chính sách hỗ trợ nhà ở tại huyện Lục Yên.")
    assert out == []


def test_an_official_with_a_title_the_tables_do_not_know_still_acts():
    out = events("Tin tức\nNgày 14/4/2022, đồng chí Vi Văn Khánh, Ủy viên Ban Chấp hành Hội Làm vườn Việt Nam, "
                 "Phụ trách khu vực duyên hải đến làm việc với Hội Làm vườn tỉnh.")
    assert [(e["kind"], e["leader"]) for e in out] == [("working_session", "Vi Văn Khánh")]


# --- who leads ---------------------------------------------------------------------

def test_a_member_whose_chain_ends_in_heading_the_delegation_leads_it():
    told = [
        "Ngày 3/6/2023, Đoàn giám sát gồm có bà Trịnh Thu Hà - Phó Chủ tịch Ủy ban MTTQ Việt Nam huyện - "
        "Trưởng đoàn giám sát, cùng ba thành viên khác về làm việc với xã Tân Hòa.",
        "Ngày 3/6/2023, Đoàn giám sát do bà Trịnh Thu Hà - Phó Chủ tịch Ủy ban MTTQ Việt Nam huyện "
        "làm trưởng đoàn đã đến làm việc với xã Tân Hòa.",
    ]
    for text in told:
        assert [shape(e) for e in events("Tin tức\n" + text)] == \
            [("supervision", "2023-06-03", "Trịnh Thu Hà", ["xã Tân Hòa"])], text


def test_two_delegations_joined_in_one_subject_are_two_outings():
    out = events("Tin tức\nChiều 4/9/2025, Tổ công tác số 1 của Ban Thường vụ Tỉnh ủy do đồng chí Nông Văn Hải chủ trì "
                 "và Tổ công tác số 4 của Ban Thường vụ Tỉnh ủy do đồng chí Lục Thị Dung chủ trì đã làm việc với "
                 "Ban Thường vụ Đảng ủy các xã: Tân Tiến, Hồng Phong.")
    assert sorted(e["leader"] for e in out) == ["Lục Thị Dung", "Nông Văn Hải"]
    assert all(sorted(e["targets"]) == ["xã Hồng Phong", "xã Tân Tiến"] for e in out)


# --- whom and where ----------------------------------------------------------------

def test_the_representatives_of_a_body_stand_for_it():
    out = events("Tin tức\nChiều 2/7/2025, Tổ công tác số 4 của Bộ Chính trị làm việc với đại diện Ban Thường vụ "
                 "Tỉnh ủy các tỉnh: Yên Bái, Lào Cai.")
    assert sorted(out[0]["targets"]) == ["tỉnh Lào Cai", "tỉnh Yên Bái"]


def test_sites_listed_after_nhu_are_all_targets():
    out = events("Tin tức\nNgày 11/5/2022, Đoàn công tác của Hội Nông dân tỉnh đã kiểm tra các mô hình như: trại gà "
                 "giống tại xã Tân Lập; vườn cam tại xã Phú Mỹ; ao cá tại xã Đồng Tâm.")
    assert sorted(out[0]["targets"]) == ["xã Phú Mỹ", "xã Tân Lập", "xã Đồng Tâm"]


# --- who inspects --------------------------------------------------------------------

def test_the_body_that_drew_up_the_plan_runs_its_activity():
    out = events("Tin tức\nBan Thường trực Ủy ban MTTQ Việt Nam huyện Cờ Đỏ xây dựng kế hoạch giám sát việc chi trả "
                 "trợ cấp tại xã Thới Hưng.\nNgày 8/9/2021, Đoàn giám sát đến làm việc với xã Thới Hưng.")
    assert [e["inspector"] for e in out] == ["Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam huyện Cờ Đỏ"]


def test_a_body_that_goes_to_inspect_acts():
    told = ["Ngày 12/3/2024, Thường trực Huyện ủy đi kiểm tra thực tế tại xã Nà Hẩu.",
            "Ngày 12/3/2024, Thường trực Huyện ủy đã kiểm tra thực tế tại xã Nà Hẩu."]
    for text in told:
        assert [(e["kind"], e["inspector"], e["targets"]) for e in events("Tin tức\n" + text)] == \
            [("inspection", "Thường trực Huyện ủy", ["xã Nà Hẩu"])], text


def test_the_official_who_goes_with_members_of_a_body_leads():
    out = events("Tin tức\nNgày 12/3/2024, đồng chí Sầm Văn Lợi - Bí thư Huyện ủy cùng các đồng chí trong Ban Thường vụ "
                 "Huyện ủy đã đến kiểm tra tại xã Nà Hẩu.")
    assert [(e["leader"], e["targets"]) for e in out] == [("Sầm Văn Lợi", ["xã Nà Hẩu"])]


def test_an_official_who_leads_the_delegation_in_a_sentence_of_his_own():
    told = ["Đồng chí Sầm Văn Lợi, Trưởng ban Kinh tế - Ngân sách HĐND tỉnh dẫn đầu đoàn.",
            "Đồng chí Sầm Văn Lợi, Trưởng ban Kinh tế - Ngân sách HĐND tỉnh làm trưởng đoàn."]
    for lead in told:
        out = events("Tin tức\nNgày 12/3/2024, Ban Kinh tế - Ngân sách HĐND tỉnh khảo sát tại xã Nà Hẩu. " + lead)
        assert [(e["leader"], e["targets"]) for e in out] == [("Sầm Văn Lợi", ["xã Nà Hẩu"])], lead


def test_a_committee_fronted_before_the_delegation_is_its_target():
    told = ["Ngày 12/3/2024, tại Đảng ủy xã Nà Hẩu, Đoàn kiểm tra của Huyện ủy do đồng chí Sầm Văn Lợi làm trưởng đoàn "
            "đã công bố quyết định kiểm tra.",
            "Ngày 12/3/2024, Đoàn kiểm tra của Huyện ủy do đồng chí Sầm Văn Lợi làm trưởng đoàn đã công bố quyết định "
            "kiểm tra tại Đảng ủy xã Nà Hẩu."]
    for text in told:
        assert [(e["leader"], e["targets"]) for e in events("Tin tức\n" + text)] == [("Sầm Văn Lợi", ["xã Nà Hẩu"])], text


def test_an_organ_named_before_the_units_it_is_of_stands_for_each_unit():
    told = ["Ngày 12/3/2024, đồng chí Sầm Văn Lợi, Phó Bí thư Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Mường Khương "
            "và Đảng ủy các xã Nà Hẩu, Pha Long.",
            "Ngày 12/3/2024, đồng chí Sầm Văn Lợi, Phó Bí thư Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Mường Khương, "
            "Đảng ủy xã Nà Hẩu và Đảng ủy xã Pha Long."]
    for text in told:
        out = events("Tin tức\n" + text)
        assert [sorted(e["targets"]) for e in out] == [["huyện Mường Khương", "xã Nà Hẩu", "xã Pha Long"]], text


def test_a_body_whose_name_opens_with_doan_acts_as_itself():
    out = events("Tin tức\nNgày 12/3/2024, Đoàn đại biểu Quốc hội tỉnh giám sát việc thực hiện chính sách tại huyện "
                 "Mường Khương.")
    assert [(e["kind"], e["inspector"], e["targets"]) for e in out] == \
        [("supervision", "Đoàn đại biểu Quốc hội tỉnh", ["huyện Mường Khương"])]


def test_the_one_a_body_chose_before_tien_hanh_is_its_target():
    told = ["Ủy ban Kiểm tra Đảng ủy xã Pha Long đã rà soát các chi bộ, lựa chọn chi bộ thôn Làng Mới tiến hành "
            "giám sát chuyên đề.",
            "Ủy ban Kiểm tra Đảng ủy xã Pha Long đã tiến hành giám sát chuyên đề đối với chi bộ thôn Làng Mới."]
    for text in told:
        out = events("Tin tức\n" + text)
        assert [(e["kind"], e["inspector"], e["targets"]) for e in out] == \
            [("supervision", "Ủy ban Kiểm tra Đảng ủy xã Pha Long", ["Chi bộ thôn Làng Mới"])], text
    # choosing what to do, with no one chosen to undergo it, reports nothing
    assert events("Tin tức\nỦy ban Kiểm tra Đảng ủy xã Pha Long đã lựa chọn nội dung trọng tâm để tiến hành "
                  "giám sát trong năm.") == []


def test_a_plan_named_after_the_act_is_no_plan_ahead():
    out = events("Tin tức\nNgày 11/5/2022, Đoàn công tác đã khảo sát mô hình trồng chè tại xã Tân Lập theo chương trình "
                 "MTQG gắn với xây dựng nông thôn mới.")
    assert [(e["date"], e["targets"]) for e in out] == [("2022-05-11", ["xã Tân Lập"])]
    # opening the sentence, the plan is ahead of the act, with or without a year
    for opener in ("Theo kế hoạch, ", "Theo kế hoạch năm 2022, "):
        assert events("Tin tức\n" + opener + "Ủy ban MTTQ Việt Nam tỉnh tiến hành giám sát tại 3 huyện.") == [], opener


def test_the_official_after_a_clause_put_ahead_of_the_day_acts():
    out = events("Tin tức\nTiếp tục chương trình làm việc của Ban Chỉ đạo xây dựng Đảng trong doanh nghiệp, ngày 16/4/2013, "
                 "Phó Bí thư Thành ủy Tạ Văn Lâm đã chủ trì buổi làm việc với Quận ủy Hoàn Kiếm.")
    assert [(e["leader"], e["targets"]) for e in out] == [("Tạ Văn Lâm", ["quận Hoàn Kiếm"])]


def test_a_deputy_head_named_by_his_delegation_role_in_a_caption_reports_nothing():
    out = events("Tin tức\nÔng Vũ Đình Hòa, Phó Bí thư Đảng ủy Khối, Phó Trưởng Đoàn kiểm tra, giám sát số 9 phát biểu "
                 "tại buổi làm việc.")
    assert out == []


def test_the_items_of_a_count_are_no_outings():
    told = "Trong 6 tháng đầu năm 2024, Ủy ban MTTQ các xã đã giám sát 9 chuyên đề. {} MTTQ xã Pha Long giám sát " \
           "việc chi trả trợ cấp; MTTQ xã Nà Hẩu giám sát công tác vệ sinh môi trường."
    assert events("Tin tức\n" + told.format("Cụ thể,")) == []
    # an item with a day of its own is an outing
    out = events("Tin tức\n" + told.format("Cụ thể, ngày 3/4/2024,"))
    assert [e["date"] for e in out] == ["2024-04-03"]


def test_an_official_whose_chain_closes_in_heading_the_delegation_acts():
    told = ["Ngày 12/3/2024, đồng chí Sầm Văn Lợi – Phó Bí thư Thường trực Huyện ủy, Trưởng Đoàn kiểm tra số 2 chủ trì "
            "hội nghị công bố quyết định kiểm tra tại Đảng ủy xã Nà Hẩu.",
            "Ngày 12/3/2024, Đoàn kiểm tra số 2 do đồng chí Sầm Văn Lợi – Phó Bí thư Thường trực Huyện ủy làm trưởng đoàn "
            "đã công bố quyết định kiểm tra tại Đảng ủy xã Nà Hẩu."]
    for text in told:
        out = events("Tin tức\n" + text)
        assert [(e["kind"], e["leader"], e["targets"]) for e in out] == \
            [("inspection", "Sầm Văn Lợi", ["xã Nà Hẩu"])], text


def test_a_party_member_named_as_the_object_is_a_target():
    out = events("Tin tức\nNgày 12/3/2024, Ủy ban Kiểm tra Huyện ủy tiến hành kiểm tra đảng viên Lò Văn Pao, "
                 "Bí thư Chi bộ thôn Làng Mới.")
    assert [e["targets"] for e in out] == [["Lò Văn Pao"]]


def test_the_head_of_a_team_as_of_a_delegation():
    told = ["Ngày 5/8/2025, đồng chí Sầm Văn Lợi, Ủy viên Ban Thường vụ Tỉnh ủy, Tổ trưởng Tổ công tác số 3 của Ban "
            "Thường vụ Tỉnh ủy đã làm việc với Ban Thường vụ Đảng ủy xã Nà Hẩu.",
            "Ngày 5/8/2025, Tổ công tác số 3 của Ban Thường vụ Tỉnh ủy làm việc với Ban Thường vụ Đảng ủy xã Nà Hẩu. "
            "Tổ trưởng là đồng chí Sầm Văn Lợi, Ủy viên Ban Thường vụ Tỉnh ủy."]
    for text in told:
        out = events("Tin tức\n" + text)
        assert [(e["inspector"], e["leader"], e["targets"]) for e in out] == \
            [("Ban Thường vụ Tỉnh ủy", "Sầm Văn Lợi", ["xã Nà Hẩu"])], text


# --- round 13: wordings a fresh set of real news used -------------------------------

def test_the_official_after_do_leads_when_the_verb_follows_the_chain():
    # no "làm trưởng đoàn", "dẫn đầu": the delegation's verb follows the official's chain of titles
    told = ["Ngày 5/6/2024, đoàn công tác do đồng chí Lê Văn An, Bí thư Huyện ủy đã kiểm tra tại xã Tân Phú.",
            "Chiều 5-6-2024, Đoàn công tác của huyện do đồng chí Lê Văn An - Bí thư Huyện ủy, Chủ tịch HĐND huyện "
            "cùng lãnh đạo các phòng, ban đã đến kiểm tra tại xã Tân Phú.",
            "Ngày 05/6/2024, đoàn công tác do đồng chí Lê Văn An, Bí thư Huyện ủy đã trực tiếp xuống các thôn, "
            "bản để kiểm tra tại xã Tân Phú."]
    for text in told:
        out = events("Tin tức\n" + text)
        assert [shape(e) for e in out] == [("inspection", "2024-06-05", "Lê Văn An", ["xã Tân Phú"])], text


def test_delegations_in_the_plural_with_officials_listed_after_do_are_one_outing_each():
    told = ["Ngày 25/8/2025, các đoàn công tác do đồng chí Lò Văn Pha, Bí thư Đảng ủy xã; đồng chí Cầm Thị Na – "
            "Chủ tịch UBND xã, cùng lực lượng Công an xã đã xuống các bản để kiểm tra công tác phòng, chống bão.",
            "Ngày 25/8/2025, hai đoàn công tác do đồng chí Lò Văn Pha, Bí thư Đảng ủy xã và đồng chí Cầm Thị Na, "
            "Chủ tịch UBND xã đã kiểm tra công tác phòng, chống bão."]
    for text in told:
        out = events("Tin tức\n" + text)
        assert sorted((e["date"], e["leader"]) for e in out) == \
            [("2025-08-25", "Cầm Thị Na"), ("2025-08-25", "Lò Văn Pha")], text


def test_an_official_with_several_titles_and_a_delegation_leads_it():
    out = events("Tin tức\nNgày 2/7/2019, đồng chí Quàng Văn Lả, Phó Chủ tịch UBND tỉnh, Phó Trưởng ban Thường trực "
                 "Ban Chỉ đạo các Chương trình mục tiêu quốc gia của tỉnh và Đoàn công tác của tỉnh đã kiểm tra tiến độ "
                 "xây dựng nông thôn mới tại xã Mường Khoa.")
    assert [shape(e) for e in out] == [("inspection", "2019-07-02", "Quàng Văn Lả", ["xã Mường Khoa"])]


def test_the_unit_a_listed_one_lies_in_may_follow_it_in_brackets():
    told = ["Ngày 2/7/2019, Đoàn công tác của tỉnh đã kiểm tra tại hai xã Mường Khoa (Bắc Yên), Chiềng Sại (Yên Châu).",
            "Ngày 2/7/2019, Đoàn công tác của tỉnh đã kiểm tra tại các xã Mường Khoa (huyện Bắc Yên), "
            "Chiềng Sại (huyện Yên Châu) và Tà Xùa (huyện Bắc Yên)."]
    expected = [["xã Chiềng Sại", "xã Mường Khoa"], ["xã Chiềng Sại", "xã Mường Khoa", "xã Tà Xùa"]]
    for text, targets in zip(told, expected):
        assert [sorted(e["targets"]) for e in events("Tin tức\n" + text)] == [targets], text


def test_a_caption_under_the_outing_adds_where_it_went():
    told = ["Ngày 2/7/2019, Đoàn công tác của tỉnh đã kiểm tra tại xã Mường Khoa.\n\n"
            "Đoàn công tác làm việc với Thường trực Huyện ủy Bắc Yên\n\nĐoàn thăm mô hình trồng chè.",
            "Ngày 2/7/2019, Đoàn công tác của tỉnh đã kiểm tra tại xã Mường Khoa.\n"
            "Đoàn công tác làm việc với Ban Thường vụ Huyện ủy Bắc Yên. Ảnh: Minh Châu\n"
            "Đoàn ghi nhận kết quả của xã."]
    for text in told:
        out = events("Tin tức\n" + text)
        assert [(e["date"], sorted(e["targets"])) for e in out] == \
            [("2019-07-02", ["huyện Bắc Yên", "xã Mường Khoa"])], text


def test_a_caption_names_the_organisation_of_a_locality_visited_again():
    out = events("Tin tức\nTừ ngày 14/6 - 16/6/2021, Hội Liên hiệp Phụ nữ huyện thành lập đoàn kiểm tra việc thu hội phí "
                 "tại 2 xã Tân Lập, Yên Hòa.\n\n Hội Liên hiệp Phụ nữ huyện kiểm tra tại Hội Liên hiệp Phụ nữ xã Tân Lập\n\n"
                 "Đoàn ghi nhận kết quả.")
    assert [(e["date"], sorted(e["targets"])) for e in out] == [("2021-06-14", ["xã Tân Lập", "xã Yên Hòa"])]


def test_a_caption_in_a_story_that_sets_delegations_up_is_no_outing():
    out = events("Tin tức\nBan Thường vụ Thành ủy quyết định thành lập 12 tổ công tác giám sát các phường.\n"
                 "Phó Bí thư Thành ủy Lâm Văn Đức giám sát hoạt động của phường Tân An vào tháng 7. Ảnh: Hải Yến\n"
                 "Mỗi tổ phụ trách từ 8 đến 10 phường.")
    assert out == []


def test_delegations_set_up_over_the_days_they_worked_acted():
    told = ["Từ ngày 14/6 - 16/6/2021, Hội Liên hiệp Phụ nữ huyện thành lập đoàn kiểm tra việc thu hội phí tại "
            "4 xã Tân Lập, Yên Hòa, Phú Cường, Đông Sơn.",
            "Từ ngày 14/6 đến 16/6/2021, Hội Liên hiệp Phụ nữ huyện đã thành lập đoàn kiểm tra việc thu hội phí tại "
            "4 xã Tân Lập, Yên Hòa, Phú Cường, Đông Sơn."]
    for text in told:
        out = events("Tin tức\n" + text)
        assert [(e["date"], e["inspector"], len(e["targets"])) for e in out] == \
            [("2021-06-14", "Hội Liên hiệp Phụ nữ huyện", 4)], text


def test_whom_the_delegation_asks_to_act_received_it():
    told = ["Ngày 29/4/2020, Đoàn giám sát của Ủy ban MTTQ huyện đã giám sát việc rèn luyện của cán bộ trong quy hoạch. "
            "Đoàn giám sát đề nghị Đảng ủy xã Yên Hòa tiếp tục quan tâm công tác cán bộ.",
            "Ngày 29/4/2020, Đoàn giám sát của Ủy ban MTTQ huyện đã giám sát việc rèn luyện của cán bộ trong quy hoạch. "
            "Đoàn đã kiến nghị Ban Thường vụ Đảng ủy xã Yên Hòa chỉ đạo khắc phục hạn chế."]
    for text in told:
        assert [e["targets"] for e in events("Tin tức\n" + text)] == [["xã Yên Hòa"]], text


def test_a_post_of_the_armed_forces_is_a_target_by_its_name():
    told = ["Sáng 25/2/2021, đồng chí Lò Thị Mai, Phó Chủ tịch UBND tỉnh đã đến thăm, làm việc tại Đồn Biên phòng "
            "Pà Vầy, huyện Mèo Lâm.",
            "Sáng 25/2/2021, đồng chí Lò Thị Mai, Phó Chủ tịch UBND tỉnh đã làm việc với Đồn Biên phòng Pà Vầy."]
    for text in told:
        assert [e["targets"] for e in events("Tin tức\n" + text)] == [["Đồn Biên phòng Pà Vầy"]], text


def test_a_goal_year_dates_no_outing():
    told = ["Chiều 15.8, đồng chí Lý Văn Tiến, Phó Chủ tịch UBND tỉnh đã kiểm tra tiến độ xây dựng nông thôn mới "
            "tại xã Tân Lập. Xã Tân Lập được chọn về đích nông thôn mới năm 2018.",
            "Chiều 15.8, đồng chí Lý Văn Tiến, Phó Chủ tịch UBND tỉnh đã kiểm tra tiến độ xây dựng nông thôn mới "
            "tại xã Tân Lập. Xã phấn đấu đạt chuẩn nông thôn mới vào năm 2020."]
    for text in told:
        assert [e["date"] for e in events(text)] == [None], text
    # a programme's year is the story's
    out = events("Chiều 15.8, đồng chí Lý Văn Tiến, Phó Chủ tịch UBND tỉnh đã làm việc với huyện Yên Hòa về giải ngân "
                 "vốn chương trình mục tiêu quốc gia năm 2021.")
    assert [e["date"] for e in out] == ["2021-08-15"]


def test_a_central_steering_committee_named_by_its_programme_inspects():
    board = "Ban Chỉ đạo Trung ương Chương trình mục tiêu quốc gia giảm nghèo bền vững"
    out = events(f"Tin tức\nChiều 28-10, {board} do đồng chí Lê Văn Hòa, Phó Trưởng ban làm trưởng đoàn đã có buổi "
                 "làm việc tại tỉnh Yên Thạch.")
    assert [(e["kind"], e["inspector"], e["leader"]) for e in out] == [("working_session", board, "Lê Văn Hòa")]


def test_a_team_that_will_act_is_no_activity_but_checking_preparations_is():
    # "công tác" before a cue that can name a subject matter makes it one ("công tác chuẩn bị
    # đại hội"); a working team ("Tổ công tác") that "sẽ" act is still a plan
    planned = [
        "Ngày 3/4/2024, Tổ công tác sẽ giám sát việc chi trả trợ cấp tại xã Hồng Lĩnh.",
        "Ngày 3/4/2024, Tổ công tác của huyện dự kiến kiểm tra việc chi trả trợ cấp tại xã Hồng Lĩnh.",
    ]
    for text in planned:
        assert events("Tin cơ sở\n" + text) == [], text
    done = events("Tin cơ sở\nNgày 3/4/2024, Tổ công tác của huyện đã kiểm tra CÔNG TÁC CHUẨN BỊ đại hội "
                  "tại xã Hồng Lĩnh.")
    assert [(e["kind"], e["date"], e["targets"]) for e in done] == [("inspection", "2024-04-03", ["xã Hồng Lĩnh"])]
