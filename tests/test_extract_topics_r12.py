"""What an activity is about, round twelve (issue #10): "nắm tình hình X",
a visit joined to the activity, a session's stated purpose, and a cited
document whose title holds semicolons. Every sentence is written for the
test; names, places and codes are invented."""
from __future__ import annotations

from extracting import topics


def test_the_situation_a_joined_verb_takes_without_ve_is_the_subject_matter():
    head = "Kiểm tra\nNgày 12/5, đồng chí Lò Văn Nam, Bí thư Huyện ủy Mường Khoa đã "
    tail = " việc sửa chữa nhà ở cho hộ nghèo tại xã Tân Lập."
    for verb, want in (("kiểm tra, nắm tình hình", "tình hình việc sửa chữa nhà ở cho hộ nghèo"),
                       ("kiểm tra, nắm bắt tình hình", "tình hình việc sửa chữa nhà ở cho hộ nghèo"),
                       ("kiểm tra, nắm tình hình về", "việc sửa chữa nhà ở cho hộ nghèo")):
        assert topics(head + verb + tail) == [want], verb


def test_a_visit_joined_to_the_activity_ends_its_subject_matter():
    head = "Kiểm tra\nNgày 12/5, đồng chí Lò Văn Nam, Bí thư Huyện ủy Mường Khoa đã kiểm tra việc dựng lại cầu treo"
    for visit in (" và thăm hỏi, trao quà cho người dân", " và tặng quà các hộ khó khăn",
                  " và động viên lực lượng xung kích"):
        assert topics(head + visit + " tại xã Tân Lập.") == ["việc dựng lại cầu treo"], visit


def test_a_session_said_to_be_for_something_is_about_that():
    lead = "Làm việc\nNgày 12/5, Tổ công tác của Tỉnh ủy Lai Châu làm việc với Ban Thường vụ Huyện ủy Mường Khoa.\n"
    for purpose in ("Buổi làm việc nhằm cho ý kiến vào dự thảo báo cáo chính trị của huyện.",
                    "Cuộc làm việc này để cho ý kiến vào dự thảo báo cáo chính trị của huyện.",
                    "Buổi làm việc có mục đích cho ý kiến về dự thảo báo cáo chính trị của huyện."):
        assert topics(lead + purpose) == ["dự thảo báo cáo chính trị của huyện"], purpose


def test_a_session_for_carrying_out_a_document_names_its_basis_not_its_subject():
    text = ("Kiểm tra\nNgày 12/5, Đoàn kiểm tra của Thường trực HĐND tỉnh Lai Châu làm việc với UBND huyện Mường Khoa.\n"
            "Cuộc kiểm tra nhằm thực hiện Nghị quyết số 07/NQ-HĐND của HĐND tỉnh.\n"
            "Nội dung kiểm tra là việc quản lý chợ nông thôn.")
    assert topics(text) == ["việc quản lý chợ nông thôn"]


def test_semicolons_inside_a_cited_documents_title_closed_by_its_owner_do_not_end_the_subject_matter():
    title = ("Kết luận số 88-KL/TW của Ban Chấp hành Trung ương về tăng cường kỷ luật; kiên quyết xử lý vi phạm; "
             "nâng cao chất lượng sinh hoạt chi bộ")
    lead = "Kiểm tra\nNgày 12/5, Đoàn kiểm tra của Ban Bí thư làm việc với Ban Thường vụ Tỉnh ủy Lai Châu. "
    # the owner closing the run makes it one noun phrase, semicolons and all
    for owner in (", của Ban Thường vụ Tỉnh ủy Lai Châu.", ", của Ban Bí thư."):
        assert topics(lead + "Nội dung kiểm tra là việc thực hiện " + title + owner) == \
            ["việc thực hiện " + title], owner
    # without it, the first semicolon ends the first item as usual
    first = "việc thực hiện " + title.split(";")[0]
    assert topics(lead + "Nội dung kiểm tra là việc thực hiện " + title + ".") == [first]
    assert topics(lead + "Nội dung kiểm tra gồm: " + first + "; việc quản lý đảng viên, của Ban Thường vụ "
                  "Tỉnh ủy Lai Châu.") == [first]


def test_a_plans_own_name_names_no_subject_matter_its_about_clause_does():
    plan = ("Thực hiện Kế hoạch kiểm tra, giám sát{scope} năm 2024 của Ban Thường vụ Hội Nông dân tỉnh Lai Châu; "
            "Kế hoạch số 12-KH/HND ngày 2/3/2024 của Ban Thường vụ Hội Nông dân tỉnh về việc kiểm tra công tác "
            "phát triển hội viên năm 2024.\nNgày 20/3/2024, Đoàn kiểm tra của Ban Thường vụ Hội Nông dân tỉnh đã làm "
            "việc với huyện Mường Khoa.")
    # the plan named with its scope ("trong Hội") or with its year alone
    for scope in (" trong Hội", ""):
        assert topics("Kiểm tra\n" + plan.format(scope=scope)) == ["công tác phát triển hội viên năm 2024"], scope


def test_the_situation_alone_before_another_act_names_no_subject_matter():
    text = ("Thăm\nNgày 12/5, đồng chí Lò Văn Nam, Bí thư Huyện ủy Mường Khoa đã đến kiểm tra, nắm tình hình và chúc "
            "Tết cán bộ, chiến sĩ Đồn Biên phòng Pa Tần.")
    assert topics(text) == [None]
