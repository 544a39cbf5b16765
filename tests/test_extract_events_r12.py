"""Activities in wordings the rules had not met (issue #10, round 12): days
listed one by one, a delegation set up and sent out on a told day, the units
it picked, a code whose issuer has two parts, the directive a delegation
carries out, an outing told as a fronted purpose, a delegation's head whose
chain names it before the name, an earlier outing of a numbered delegation,
teams that share one list of units, units told with what they are. Every
sentence is written for the test; names and codes are invented."""
from __future__ import annotations

from extracting import facts, shape


def test_days_listed_are_one_activity_a_day_a_span_is_one():
    told = [
        "Ngày 7 và ngày 8/4/2023, Đoàn kiểm tra của Ban Tổ chức Huyện ủy đã kiểm tra tại xã Pa Vệ Sủ.",
        "Trong hai ngày 7 và 8/4/2023, Đoàn kiểm tra của Ban Tổ chức Huyện ủy đã kiểm tra tại xã Pa Vệ Sủ.",
        "Ngày 7, 8/4/2023, Đoàn kiểm tra của Ban Tổ chức Huyện ủy đã kiểm tra tại xã Pa Vệ Sủ.",
    ]
    for text in told:
        assert [shape(e) for e in facts("Kiểm tra\n" + text)["events"]] == [
            ("inspection", day, "Ban Tổ chức Huyện ủy", None, ["xã Pa Vệ Sủ"])
            for day in ("2023-04-07", "2023-04-08")], text
    spans = [
        "Từ ngày 7 đến 9/4/2023, Đoàn kiểm tra của Ban Tổ chức Huyện ủy đã kiểm tra tại xã Pa Vệ Sủ.",
        "Từ ngày 7 - 9/4/2023, Đoàn kiểm tra của Ban Tổ chức Huyện ủy đã kiểm tra tại xã Pa Vệ Sủ.",
    ]
    for text in spans:
        assert [e["date"] for e in facts("Kiểm tra\n" + text)["events"]] == ["2023-04-07"], text


def test_the_youth_union_named_by_its_level_or_within_is_no_delegation():
    assert facts("Kế hoạch\nThực hiện Kế hoạch kiểm tra, giám sát trong Đoàn năm 2023 của Ban Thường vụ Tỉnh đoàn, "
                 "các cơ sở đoàn đã rà soát hồ sơ.")["events"] == []
    assert facts("Tin\nBan Thường vụ Huyện đoàn giám sát việc sinh hoạt chi đoàn theo kế hoạch năm.")["events"] == []


def test_a_delegation_set_up_on_a_told_day_that_does_its_work_acts_for_the_body_that_set_it_up():
    told = [
        "Ngày 5/6/2023, Ban Tuyên giáo Huyện ủy Mường Tè đã thành lập Đoàn kiểm tra tiến hành kiểm tra việc học "
        "tập nghị quyết tại xã Bum Tở.",
        "Ngày 5/6/2023, Ban Tuyên giáo Huyện ủy Mường Tè thành lập Đoàn kiểm tra để kiểm tra việc học tập nghị "
        "quyết tại xã Bum Tở.",
    ]
    for text in told:
        assert [shape(e) for e in facts("Kiểm tra\n" + text)["events"]] == [
            ("inspection", "2023-06-05", "Ban Tuyên giáo Huyện ủy Mường Tè", None, ["xã Bum Tở"])], text
    # setting one up, with no day, or ahead, assigns its work: nothing took place
    assert facts("Kiểm tra\nBan Tuyên giáo Huyện ủy Mường Tè đã thành lập Đoàn kiểm tra để kiểm tra việc học tập "
                 "nghị quyết tại xã Bum Tở.")["events"] == []
    assert facts("Kiểm tra\nNgày 5/6/2023, Ban Tuyên giáo Huyện ủy Mường Tè sẽ thành lập Đoàn kiểm tra để kiểm tra "
                 "việc học tập nghị quyết tại xã Bum Tở.")["events"] == []


def test_the_units_picked_for_the_outing_are_its_targets():
    out = facts("Kiểm tra\nNgày 5/6/2023, Đoàn kiểm tra của Ban Tuyên giáo Huyện ủy Mường Tè đã làm việc tại huyện. "
                "Đoàn đã chọn 03 đơn vị: xã Bum Tở, xã Mù Cả và thị trấn Mường Tè để tiến hành kiểm tra.")
    assert [sorted(e["targets"]) for e in out["events"]] == [["thị trấn Mường Tè", "xã Bum Tở", "xã Mù Cả"]]
    # picking, with no outing after, adds nothing
    none = facts("Kiểm tra\nNgày 5/6/2023, Đoàn kiểm tra của Ban Tuyên giáo Huyện ủy Mường Tè đã làm việc tại xã "
                 "Bum Tở. Huyện đã chọn xã Mù Cả làm điểm xây dựng nông thôn mới.")
    assert [e["targets"] for e in none["events"]] == [["xã Bum Tở"]]


def test_a_party_code_whose_issuer_names_its_office_too_is_one_code():
    out = facts("Kế hoạch\nBan Thường vụ Huyện ủy ban hành Kế hoạch số 45-KH/HU-BTG ngày 2/3/2024 về học tập "
                "nghị quyết.")
    assert [(d["code"], d["date"]) for d in out["documents"]] == [("45-KH/HU-BTG", "2024-03-02")]
    # the plain code stays as it was
    plain = facts("Kế hoạch\nBan Thường vụ Huyện ủy ban hành Kế hoạch số 45-KH/HU ngày 2/3/2024 về học tập "
                  "nghị quyết.")
    assert [d["code"] for d in plain["documents"]] == ["45-KH/HU"]


def test_the_document_a_delegation_carries_out_is_its_directive():
    told = [
        "Ngày 3/10/2022, Đoàn kiểm tra số 12 của Ban Bí thư làm việc với Ban Thường vụ Tỉnh ủy Lai Châu. Đồng chí "
        "Lò Văn Pâng cho biết Đoàn kiểm tra thực hiện các nội dung hướng dẫn 17-HD/TW ngày 2/4/2022 của Ban Bí thư.",
        "Ngày 3/10/2022, Đoàn kiểm tra số 12 của Ban Bí thư làm việc với Ban Thường vụ Tỉnh ủy Lai Châu. Đồng chí "
        "Lò Văn Pâng cho biết Đoàn kiểm tra số 12 thực hiện nội dung hướng dẫn 17-HD/TW ngày 2/4/2022 của Ban Bí thư.",
    ]
    for text in told:
        assert [e["directive"] for e in facts("Kiểm tra\n" + text)["events"]] == ["17-HD/TW"], text
    # a delegation named for the carrying out it oversees does not carry the document out
    named = facts("Giám sát\nChiều 3/10/2022, Đoàn giám sát thực hiện Nghị quyết số 17-NQ/TW ngày 2/4/2020 của Ban "
                  "Chấp hành Trung ương có buổi làm việc với Thường trực Tỉnh ủy Lai Châu.")
    assert [e["directive"] for e in named["events"]] == [None]
    # a plan named first by what it is about, then by its code, in the sentence that carries it out
    plan = facts("Kiểm tra\nThực hiện Kế hoạch kiểm tra năm 2023 của Ban Thường vụ Huyện ủy; kế hoạch số: "
                 "31-KH/HU-UBKT ngày 4/1/2023 về kiểm tra công tác cán bộ. Ngày 9/3/2023, Đoàn kiểm tra của Ban "
                 "Thường vụ Huyện ủy Mường Tè đã kiểm tra tại xã Bum Tở.")
    assert [e["directive"] for e in plan["events"]] == ["31-KH/HU-UBKT"]


def test_an_outing_told_as_a_fronted_purpose_then_the_official_with_a_long_chain():
    told = [
        "Ngày 12/5/2021, kiểm tra công tác chuẩn bị bầu cử các cấp, nhiệm kỳ 2021 - 2026 tại tỉnh Điện Biên, Ủy "
        "viên Bộ Chính trị, Phó Chủ tịch Quốc hội, Phó Chủ tịch Hội đồng Bầu cử quốc gia Vũ Văn Khải đề nghị tỉnh "
        "rà soát danh sách cử tri.",
        "Ngày 12/5/2021, kiểm tra tại tỉnh Điện Biên, Ủy viên Bộ Chính trị, Phó Chủ tịch Quốc hội, Phó Chủ tịch "
        "Hội đồng Bầu cử quốc gia Vũ Văn Khải đề nghị tỉnh rà soát danh sách cử tri.",
    ]
    for text in told:
        assert [shape(e) for e in facts("Tin\n" + text)["events"]] == [
            ("inspection", "2021-05-12", None, "Vũ Văn Khải", ["tỉnh Điện Biên"])], text
    # another clause between the purpose and the official: someone else speaks
    other = facts("Tin\nNgày 12/5/2021, kiểm tra công tác chuẩn bị bầu cử tại tỉnh Điện Biên, thay mặt cử tri "
                  "huyện Mường Nhé, Phó Chủ tịch Hội đồng nhân dân huyện Vũ Văn Khải phát biểu.")
    assert other["events"] == []


def test_the_head_of_a_numbered_delegation_named_before_the_name_leads_its_results_conference():
    told = [
        "Chiều 6/12/2023, Bí thư Trung ương Đảng, Trưởng Ban Dân vận Trung ương, Trưởng Đoàn kiểm tra số 17 của "
        "Ban Bí thư Hoàng Văn Luận đã chủ trì Hội nghị thông báo kết quả kiểm tra đối với Ban Thường vụ Tỉnh ủy "
        "Lai Châu.",
        "Chiều 6/12/2023, đồng chí Hoàng Văn Luận, Bí thư Trung ương Đảng, Trưởng Ban Dân vận Trung ương, Trưởng "
        "Đoàn kiểm tra số 17 của Ban Bí thư đã chủ trì Hội nghị thông báo kết quả kiểm tra đối với Ban Thường vụ "
        "Tỉnh ủy Lai Châu.",
    ]
    for text in told:
        assert [shape(e) for e in facts("Kiểm tra\n" + text)["events"]] == [
            ("inspection", "2023-12-06", "Ban Bí thư", "Hoàng Văn Luận", ["tỉnh Lai Châu"])], text
    # a host who chairs the conference that tells the results leads nothing
    host = facts("Kiểm tra\nChiều 6/12/2023, Bí thư Tỉnh ủy Lai Châu Lò Văn Pâng đã chủ trì Hội nghị thông báo kết "
                 "quả kiểm tra của Đoàn kiểm tra số 17 của Ban Bí thư.")
    assert [e["leader"] for e in host["events"]] == []


def test_an_earlier_outing_of_a_numbered_delegation_is_led_by_its_head():
    out = facts("Kiểm tra\nChiều 6/12/2023, Bí thư Trung ương Đảng, Trưởng Đoàn kiểm tra số 17 của Ban Bí thư Hoàng "
                "Văn Luận đã chủ trì Hội nghị thông báo kết quả kiểm tra đối với Ban Thường vụ Tỉnh ủy Lai Châu. "
                "Trước đó, ngày 12/7/2023, Đoàn kiểm tra số 17 đã công bố quyết định kiểm tra đối với Ban Thường "
                "vụ Tỉnh ủy Lai Châu.")
    assert sorted(shape(e) for e in out["events"]) == [
        ("inspection", "2023-07-12", "Ban Bí thư", "Hoàng Văn Luận", ["tỉnh Lai Châu"]),
        ("inspection", "2023-12-06", "Ban Bí thư", "Hoàng Văn Luận", ["tỉnh Lai Châu"])]
    # another delegation's number takes nothing from it
    other = facts("Kiểm tra\nChiều 6/12/2023, Bí thư Trung ương Đảng, Trưởng Đoàn kiểm tra số 17 của Ban Bí thư Hoàng "
                  "Văn Luận đã chủ trì Hội nghị thông báo kết quả kiểm tra đối với Ban Thường vụ Tỉnh ủy Lai Châu. "
                  "Ngày 12/7/2023, Đoàn kiểm tra số 18 đã công bố quyết định kiểm tra đối với Ban Thường vụ Tỉnh ủy "
                  "Sơn La.")
    assert sorted((e["date"], e["leader"]) for e in other["events"]) == [
        ("2023-07-12", None), ("2023-12-06", "Hoàng Văn Luận")]


def test_teams_told_after_one_list_of_units_go_to_every_unit_of_it():
    told = [
        "Tổ công tác số 2, số 5 của Ban Bí thư làm việc với Ban Thường vụ Tỉnh ủy các tỉnh: Lai Châu, Sơn La, "
        "Điện Biên.\nTổ công tác số 2 do Bí thư Trung ương Đảng Hoàng Văn Luận chủ trì; tổ công tác số 5 do Trưởng "
        "Ban Nội chính Trung ương Vũ Văn Khải chủ trì.",
        "Tổ công tác số 2, số 5 của Ban Bí thư làm việc với Ban Thường vụ Tỉnh ủy các tỉnh Lai Châu, Sơn La và Điện "
        "Biên.\nTổ công tác số 2 do Bí thư Trung ương Đảng Hoàng Văn Luận chủ trì; tổ công tác số 5 do Trưởng Ban "
        "Nội chính Trung ương Vũ Văn Khải chủ trì.",
    ]
    for text in told:
        out = facts("Tin\n" + text)
        assert [(e["leader"], sorted(e["targets"])) for e in out["events"]] == [
            (lead, ["tỉnh Lai Châu", "tỉnh Sơn La", "tỉnh Điện Biên"]) for lead in ("Hoàng Văn Luận", "Vũ Văn Khải")
        ], text


def test_units_told_with_what_they_are_then_by_name():
    out = facts("Kiểm tra\nNgày 9/8/2024, đồng chí Lò Văn Pâng, Bí thư Huyện ủy đã kiểm tra tại các xã biên giới Mù "
                "Cả, Bum Tở và Pa Vệ Sủ. Tại xã Mù Cả, xã Bum Tở và xã Pa Vệ Sủ, đồng chí đề nghị giữ vững an ninh.")
    assert [sorted(e["targets"]) for e in out["events"]] == [["xã Bum Tở", "xã Mù Cả", "xã Pa Vệ Sủ"]]
    # a unit of another type after the words is not one of them
    other = facts("Kiểm tra\nNgày 9/8/2024, đồng chí Lò Văn Pâng, Bí thư Huyện ủy đã kiểm tra tại các xã thuộc "
                  "huyện Mường Tè.")
    assert all("xã Mường Tè" not in e["targets"] for e in other["events"])


def test_a_standing_guidance_carried_out_does_not_date_the_outing_a_plan_does():
    guided = facts("Kiểm tra\nNgày 18/9, Đoàn kiểm tra số 12 của Ban Bí thư làm việc với Ban Thường vụ Tỉnh ủy Lai "
                   "Châu. Đoàn kiểm tra thực hiện các nội dung hướng dẫn 17-HD/TW ngày 2/12/2020 của Ban Bí thư.")
    assert [(e["date"], e["directive"]) for e in guided["events"]] == [(None, "17-HD/TW")]
    # (the first 18/9 after the plan's day)
    planned = facts("Kiểm tra\nThực hiện Kế hoạch số 31-KH/TU ngày 2/12/2020 của Ban Thường vụ Tỉnh ủy, ngày 18/9, "
                    "Đoàn kiểm tra của Ban Thường vụ Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Mường Tè.")
    assert [(e["date"], e["directive"]) for e in planned["events"]] == [("2021-09-18", "31-KH/TU")]
