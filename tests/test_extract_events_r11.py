"""Activities in wordings the rules had not met (issue #10, round 11): a day
told as "sáng nay 23/12", a leader whose titles open after "do", a
committee's meeting that works with its hosts, days listed one by one, a
conference that adopts a delegation's draft report. Every sentence is
written for the test; names are invented."""
from __future__ import annotations

from extracting import events, shape


def test_the_part_of_today_dates_the_activity_with_or_without_brackets():
    told = [
        "Sáng nay 14/11, đồng chí Vi Văn Khải, Phó Bí thư Tỉnh ủy đã làm việc với Đảng ủy xã Quế Lâm.",
        "Sáng nay (14/11), đồng chí Vi Văn Khải, Phó Bí thư Tỉnh ủy đã làm việc với Đảng ủy xã Quế Lâm.",
        "Đồng chí Vi Văn Khải, Phó Bí thư Tỉnh ủy đã làm việc với Đảng ủy xã Quế Lâm chiều nay 14/11.",
    ]
    for text in told:
        out = events(" date 2024-11-14 Tin địa phương\n" + text)
        assert [shape(e) for e in out] == [
            ("working_session", "2024-11-14", None, "Vi Văn Khải", ["xã Quế Lâm"])], text
    # a number after "nay" that is no day is no date
    assert [e["date"] for e in events(" date 2024-11-14 Tin\nĐồng chí Vi Văn Khải, Phó Bí thư Tỉnh ủy đã làm "
                                      "việc với Đảng ủy xã Quế Lâm, nơi nay có 12 thôn.")] == [None]


def test_a_leader_whose_titles_open_after_do_leads_the_delegation():
    told = [
        "Ngày 8/5/2024, Đoàn kiểm tra của Ban Thường vụ Tỉnh ủy do Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh "
        "Hoàng Văn Lương, Trưởng Ban Chỉ đạo bầu cử tỉnh làm Trưởng đoàn đã làm việc với huyện Bảo Yên.",
        "Ngày 8/5/2024, Đoàn kiểm tra của Ban Thường vụ Tỉnh ủy do đồng chí Hoàng Văn Lương, Phó Bí thư Tỉnh ủy, "
        "Chủ tịch HĐND tỉnh làm Trưởng đoàn đã làm việc với huyện Bảo Yên.",
    ]
    for text in told:
        out = events("Kiểm tra bầu cử\n" + text)
        assert [(e["date"], e["leader"], e["targets"]) for e in out] == [
            ("2024-05-08", "Hoàng Văn Lương", ["huyện Bảo Yên"])], text
    # the titled person after "do" whose chain does not end in leading is no leader
    plain = events("Kiểm tra bầu cử\nNgày 8/5/2024, Đoàn kiểm tra của Ban Thường vụ Tỉnh ủy đã làm việc với huyện "
                   "Bảo Yên do Phó Bí thư Tỉnh ủy Hoàng Văn Lương đề nghị.")
    assert [e["leader"] for e in plain] == [None]


def test_a_committees_meeting_that_works_with_its_hosts_is_a_working_session():
    out = events("Tin\nHội nghị Ban Thường vụ Huyện ủy Văn Bàn làm việc với Đảng ủy xã Dương Quỳ.")
    assert [shape(e) for e in out] == [
        ("working_session", None, "Ban Thường vụ Huyện ủy Văn Bàn", None, ["xã Dương Quỳ"])]
    # a conference the committee holds on its own work is still no activity
    assert events("Tin\nBan Thường vụ Huyện ủy Văn Bàn tổ chức Hội nghị kiểm điểm công tác giám sát năm 2024.") == []


def test_days_listed_are_one_activity_a_day_a_span_is_one():
    listed = events("Giám sát\nTrong 02 ngày 11, 14/3/2024, Tổ giám sát của Ban Tuyên giáo Huyện ủy đã giám sát tại "
                    "xã Hòa Bình và xã Tân Lợi.")
    assert [shape(e) for e in listed] == [
        ("supervision", day, "Ban Tuyên giáo Huyện ủy", None, ["xã Hòa Bình", "xã Tân Lợi"])
        for day in ("2024-03-11", "2024-03-14")]
    spanned = events("Giám sát\nTừ ngày 11 - 14/3/2024, Tổ giám sát của Ban Tuyên giáo Huyện ủy đã giám sát tại "
                     "xã Hòa Bình và xã Tân Lợi.")
    assert [e["date"] for e in spanned] == ["2024-03-11"]
    running = events("Giám sát\nTrong 2 ngày 11 và 12/3/2024, Tổ giám sát của Ban Tuyên giáo Huyện ủy đã giám sát tại "
                     "xã Hòa Bình và xã Tân Lợi.")
    # days that run on, listed, are one activity a day too (the calls of eval/real/README.md)
    assert [e["date"] for e in running] == ["2024-03-11", "2024-03-12"]


def test_a_fragment_of_time_and_place_before_the_act_dates_it_and_names_its_sites():
    told = [
        # a full stop typed before the subject
        "Giám sát\nThực hiện kế hoạch năm 2024. Ngày 11/3/2024 tại trụ sở Đảng ủy xã Hòa Bình và Đảng ủy Bệnh "
        "viện Đa khoa huyện. Tổ giám sát của Ban Tuyên giáo Huyện ủy đã tiến hành giám sát việc học tập nghị quyết.",
        # the same told in one sentence
        "Giám sát\nThực hiện kế hoạch năm 2024. Ngày 11/3/2024, Tổ giám sát của Ban Tuyên giáo Huyện ủy đã tiến "
        "hành giám sát việc học tập nghị quyết tại trụ sở Đảng ủy xã Hòa Bình và Đảng ủy Bệnh viện Đa khoa huyện.",
    ]
    for text in told:
        assert [shape(e) for e in events(text)] == [
            ("supervision", "2024-03-11", "Ban Tuyên giáo Huyện ủy", None,
             ["xã Hòa Bình", "Đảng ủy Bệnh viện Đa khoa huyện"])], text
    # a sentence before that tells something else gives neither
    other = events("Giám sát\nNgày 11/3/2024 xã Hòa Bình đón bằng công nhận nông thôn mới. Tổ giám sát của Ban "
                   "Tuyên giáo Huyện ủy đã tiến hành giám sát việc học tập nghị quyết.")
    assert [(e["date"], e["targets"]) for e in other] == [(None, [])]


def test_a_conference_adopting_a_delegations_draft_report_is_its_inspection():
    told = [
        "Chiều 4/6/2025, đồng chí Đinh Quang Hải, Trưởng Đoàn kiểm tra, đã chủ trì Hội nghị thông qua dự thảo "
        "báo cáo của Đoàn kiểm tra số 25 của Bộ Chính trị đối với Ban Thường vụ Tỉnh ủy Hà Giang.",
        "Chiều 4/6/2025, đồng chí Đinh Quang Hải, Trưởng Đoàn kiểm tra, chủ trì Hội nghị thông qua dự thảo báo "
        "cáo kết quả kiểm tra của Đoàn kiểm tra số 25 của Bộ Chính trị đối với Ban Thường vụ Tỉnh ủy Hà Giang.",
    ]
    for text in told:
        assert [shape(e) for e in events("Hội nghị\n" + text)] == [
            ("inspection", "2025-06-04", "Bộ Chính trị", "Đinh Quang Hải", ["tỉnh Hà Giang"])], text
    # a conference that adopts something else is no activity
    assert events("Hội nghị\nChiều 4/6/2025, đồng chí Đinh Quang Hải, Bí thư Tỉnh ủy, đã chủ trì Hội nghị thông qua "
                  "dự thảo báo cáo chính trị.") == []


def test_the_working_session_told_by_the_verb_opening_the_sentence():
    told = [
        "Làm việc tại tỉnh Lai Châu chiều 20/2/2024, Bộ trưởng Phan Văn Khoa đề nghị tỉnh chú trọng đào tạo nghề.",
        "Trong buổi làm việc tại tỉnh Lai Châu chiều 20/2/2024, Bộ trưởng Phan Văn Khoa đề nghị tỉnh chú trọng "
        "đào tạo nghề.",
    ]
    for text in told:
        assert [shape(e) for e in events("Tin\n" + text)] == [
            ("working_session", "2024-02-20", None, "Phan Văn Khoa", ["tỉnh Lai Châu"])], text
    # the verb with no official after the frame tells no session
    assert events("Tin\nLàm việc tại tỉnh Lai Châu là mong muốn của nhiều kỹ sư trẻ.") == []


def test_a_youth_union_or_a_delegation_named_in_a_purpose_does_not_act():
    out = events("Giám sát chuyên đề\nMỗi tỉnh, thành Đoàn được giám sát chọn 2 cơ sở để đoàn giám sát đi thực tế "
                 "khảo sát mô hình thanh niên tình nguyện.")
    assert out == []
    # under a headline that sets delegations up, one with no day and no head tells its task
    planned = events("Tỉnh ủy thành lập đoàn giám sát\nĐoàn giám sát làm việc với Ban Thường vụ các huyện về "
                     "công tác cán bộ.")
    assert planned == []
    told = events("Tỉnh ủy giám sát công tác cán bộ\nĐoàn giám sát làm việc với Ban Thường vụ Huyện ủy Mường Tè "
                  "về công tác cán bộ.")
    assert [e["kind"] for e in told] == ["supervision"]


def test_two_groups_acting_together_are_joint_inspectors_and_the_headline_names_the_kind():
    text = ("Ngày 6/3/2021, Đoàn công tác số 2 của Ban Thường vụ Tỉnh ủy Yên Bái và Đoàn giám sát của Thường trực "
            "HĐND tỉnh Yên Bái do đồng chí Tạ Văn Long, Phó Bí thư Tỉnh ủy làm Trưởng đoàn đã làm việc với huyện "
            "Trấn Yên về công tác bầu cử.")
    out = events("Kiểm tra công tác bầu cử tại huyện Trấn Yên\n" + text)
    assert [shape(e) for e in out] == [
        ("inspection", "2021-03-06", "Ban Thường vụ Tỉnh ủy Yên Bái, Thường trực Hội đồng nhân dân tỉnh Yên Bái",
         "Tạ Văn Long", ["huyện Trấn Yên"])]
    # the name sets the kind when the headline names none, and when the verb says it
    assert [e["kind"] for e in events("Tin bầu cử\n" + text)] == ["supervision"]
    said = text.replace("đã làm việc với", "đã giám sát tại")
    assert [e["kind"] for e in events("Kiểm tra công tác bầu cử tại huyện Trấn Yên\n" + said)] == ["supervision"]


def test_the_official_who_heads_a_delegation_named_for_its_work_leads_it_not_the_hosts_head():
    told = [
        "Ngày 7/5/2024 đồng chí Lò Văn Tâm, Phó Bí thư Tỉnh ủy, Trưởng ban chỉ đạo làm trưởng đoàn Đoàn Kiểm tra "
        "của Ban Thường vụ Tỉnh ủy tại Đảng ủy xã Mường Khoa do đồng chí Vì Văn Sơn, Bí thư Đảng ủy xã làm "
        "trưởng đoàn.",
        "Ngày 7/5/2024 đồng chí Lò Văn Tâm, Phó Bí thư Tỉnh ủy làm trưởng đoàn Đoàn Kiểm tra của Ban Thường vụ "
        "Tỉnh ủy tại Đảng ủy xã Mường Khoa.",
    ]
    for text in told:
        out = events("Kiểm tra\n" + text)
        assert [(e["kind"], e["date"], e["leader"], e["targets"]) for e in out] == [
            ("inspection", "2024-05-07", "Lò Văn Tâm", ["xã Mường Khoa"])], text


def test_a_leader_the_people_rules_cannot_part_from_a_chain_is_the_name_the_text_gives_elsewhere():
    # (a title the tables lack, in capitals, runs into the name)
    lead = ("Chiều 12/10/2024, đoàn công tác của Tỉnh ủy Sơn La do Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Tỉnh "
            "ủy, Trưởng nhóm Điều Phối Đại Hội Điểm Cầm Văn Hải làm trưởng đoàn có buổi làm việc "
            "với Đảng ủy xã Chiềng Mai.")
    named = events("Kiểm tra đại hội\n" + lead + "\nTrưởng Ban Dân vận Tỉnh ủy Sơn La Cầm Văn Hải đề nghị xã "
                   "chuẩn bị chu đáo.")
    assert [(e["date"], e["leader"], e["targets"]) for e in named] == [("2024-10-12", "Cầm Văn Hải", ["xã Chiềng Mai"])]
    # told only there, the name that closes the chain, opening on a surname after a word in lower case
    alone = ("Chiều 12/10/2024, đoàn công tác của Tỉnh ủy Sơn La do Phó Bí thư Tỉnh ủy, người phụ trách tổ công "
             "tác đặc biệt Cầm Văn Hải làm trưởng đoàn có buổi làm việc với Đảng ủy xã Chiềng Mai.")
    assert [e["leader"] for e in events("Kiểm tra đại hội\n" + alone)] == ["Cầm Văn Hải"]
    # capitalised words that open on no surname, or end a place's name, are no name
    for other in ("Khu Vực Hai", "của tỉnh Sơn La"):
        unnamed = events("Kiểm tra đại hội\n" + alone.replace("Cầm Văn Hải", other))
        assert [e["leader"] for e in unnamed] == [None], other
    assert [e["leader"] for e in events("Kiểm tra đại hội\n" + lead)] == [None]


def test_two_bodies_one_delegation_acts_for_are_joint_inspectors():
    out = events("Giám sát\nNgày 9/9/2024, Đoàn giám sát của Ủy ban Kiểm tra Tỉnh ủy Hà Tĩnh và Ủy ban Kiểm tra Đảng "
                 "ủy Quân khu 4 do đồng chí Lê Văn Phú, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy làm trưởng đoàn đã giám "
                 "sát Ban Thường vụ Đảng ủy Quân sự tỉnh Hà Tĩnh.")
    assert [e["inspector"] for e in out] == ["Ủy ban Kiểm tra Tỉnh ủy Hà Tĩnh, Ủy ban Kiểm tra Đảng ủy Quân khu 4"]
    # the body the delegation meets after "và" is no partner
    met = events("Giám sát\nNgày 9/9/2024, Đoàn giám sát của Ủy ban Kiểm tra Tỉnh ủy Hà Tĩnh và Ban Thường vụ Đảng "
                 "ủy Quân sự tỉnh Hà Tĩnh về việc chấp hành Điều lệ Đảng đã được công bố.")
    assert [e["inspector"] for e in met] == ["Ủy ban Kiểm tra Tỉnh ủy Hà Tĩnh"]


def test_an_organ_named_bare_then_its_members_in_the_body_named_in_full_targets_that_body():
    told = [
        "đối với tập thể Ban Thường vụ và cá nhân các đồng chí Ủy viên Ban Thường vụ Huyện ủy Si Ma Cai.",
        "đối với Ban Thường vụ và cá nhân hai đồng chí trong Ban Thường vụ Huyện ủy Si Ma Cai.",
        "đối với Ban Thường vụ Huyện ủy Si Ma Cai.",
    ]
    for tail in told:
        out = events("Kiểm tra\nNgày 5/6/2024, Đoàn kiểm tra của Ban Thường vụ Tỉnh ủy Lào Cai đã công bố quyết định "
                     "kiểm tra " + tail)
        assert [e["targets"] for e in out] == [["huyện Si Ma Cai"]], tail
    # an institution's party committee likewise, by its own name
    out = events("Kiểm tra\nNgày 5/6/2024, Đoàn kiểm tra của Ban Thường vụ Tỉnh ủy Lào Cai đã công bố quyết định kiểm "
                 "tra đối với Đảng ủy và cá nhân ba đồng chí trong Đảng ủy Trường Cao đẳng Lào Cai.")
    assert [e["targets"] for e in out] == [["Đảng ủy Trường Cao đẳng Lào Cai"]]


def test_the_bare_verb_frames_only_the_official_who_speaks_next():
    # another clause between the frame and the official: someone speaking for a visiting delegation
    out = events("Tin\nLàm việc với huyện Mai Sơn, tỉnh Sơn La, thay mặt đoàn công tác của huyện Bạch Thông, đồng chí "
                 "Hà Thị Liên, Phó Bí thư Huyện ủy đã giới thiệu tình hình kinh tế của huyện.")
    assert out == []
    # the unit's province after a comma is no such clause
    told = events("Tin\nLàm việc với huyện Mai Sơn, tỉnh Sơn La chiều 3/4/2024, Phó Chủ tịch UBND tỉnh Hà Thị Liên "
                  "đề nghị huyện đẩy nhanh giải ngân vốn.")
    assert [(e["kind"], e["leader"], e["targets"]) for e in told] == [
        ("working_session", "Hà Thị Liên", ["huyện Mai Sơn"])]


def test_the_bare_verb_after_the_day_frames_the_session_too():
    told = [
        "Ngày 20/2/2024, làm việc tại tỉnh Lai Châu, Bộ trưởng Phan Văn Khoa đề nghị tỉnh chú trọng đào tạo nghề.",
        "Làm việc tại tỉnh Lai Châu ngày 20/2/2024, Bộ trưởng Phan Văn Khoa đề nghị tỉnh chú trọng đào tạo nghề.",
    ]
    for text in told:
        assert [shape(e) for e in events("Tin\n" + text)] == [
            ("working_session", "2024-02-20", None, "Phan Văn Khoa", ["tỉnh Lai Châu"])], text


def test_an_official_after_a_clause_of_what_came_before_or_a_long_post_still_acts():
    told = [
        # a clause of what the official did first, between the day and the name
        "Sáng 15/3/2026, sau khi dự lễ khai mạc cùng cử tri tại nơi cư trú, đồng chí Lò Văn Mừng, Phó Bí thư "
        "Tỉnh ủy đã đi kiểm tra công tác bầu cử tại xã Mường Bú.",
        # a post the tables do not know, long, before the verb
        "Sáng 15/3/2026, đồng chí Lò Văn Mừng, Phó Bí thư Tỉnh ủy, Trưởng Ban Chỉ đạo cuộc bầu cử đại biểu "
        "Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026-2031 của tỉnh đã đi kiểm tra công "
        "tác bầu cử tại xã Mường Bú.",
    ]
    for text in told:
        assert [shape(e) for e in events("Bầu cử\n" + text)] == [
            ("inspection", "2026-03-15", None, "Lò Văn Mừng", ["xã Mường Bú"])], text


def test_a_report_on_the_years_checks_after_a_long_aside_is_no_activity_of_the_speaker():
    out = events("Sơ kết\nTrình bày báo cáo, đồng chí Lò Văn Mừng - Ủy viên Ban Thường vụ Huyện ủy, Chủ nhiệm Ủy ban "
                 "Kiểm tra Huyện ủy cho biết, bám sát chương trình công tác năm của huyện, trong 6 tháng qua cấp ủy "
                 "các cấp đã kiểm tra 12 tổ chức đảng.")
    assert out == []
