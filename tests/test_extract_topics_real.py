"""What an activity is about (its topic), in the shapes real party news uses
(issue #10): where the subject matter is told, which sentence tells it first,
and where it ends. Every sentence is written for the test; names are invented."""
from __future__ import annotations

import datetime as dt

from kg.extract import extract
from kg.sources.articles import text_article


def topics(text: str, published: dt.date = dt.date(2024, 5, 1)) -> list[str | None]:
    out = extract(text_article(text, key="t", published=published)).to_json()
    return [e["topic"] for e in out["events"]]


# --- a delegation's name is not its subject matter ------------------------------------

def test_a_numbered_group_of_a_delegation_is_not_its_subject_matter():
    text = ("Khảo sát tại tỉnh\nSáng 4/4, đoàn khảo sát nhóm 3 của Ban Chỉ đạo tổng kết công tác dân vận "
            "do đồng chí Lò Văn Khiêm làm trưởng đoàn đã làm việc với Ban Thường vụ Tỉnh ủy Yên Thạch, "
            "khảo sát về công tác dân vận chính quyền trong giai đoạn mới.")
    assert topics(text) == ["công tác dân vận chính quyền trong giai đoạn mới"]


def test_what_a_delegation_then_asks_is_not_its_subject_matter():
    text = ("Giám sát chi bộ\nNgày 8/4, Đảng ủy xã công bố quyết định giám sát đối với Chi bộ Trường Tiểu học. "
            "Tại buổi làm việc, đoàn giám sát yêu cầu chi bộ nghiêm túc thực hiện các nội dung theo kế hoạch.")
    assert topics(text) == [None]


def test_a_delegation_that_looks_into_a_subject_noun_still_names_it():
    # the same fact told three ways: the subject noun opens the topic after "đoàn <verb>"
    told = [
        "Ngày 9/4, Huyện ủy cử đoàn kiểm tra việc thu nộp đảng phí năm 2023 đến làm việc với Đảng ủy xã Mai Lâm.",
        "Ngày 9/4, Đoàn kiểm tra của Huyện ủy đã kiểm tra việc thu nộp đảng phí năm 2023 tại Đảng ủy xã Mai Lâm.",
        "Ngày 9/4, Đoàn kiểm tra của Huyện ủy làm việc với Đảng ủy xã Mai Lâm về việc thu nộp đảng phí năm 2023.",
    ]
    for lead in told:
        assert topics("Kiểm tra tại xã\n" + lead) == ["việc thu nộp đảng phí năm 2023"], lead


# --- which sentence names it first ------------------------------------------------------

def test_a_sentence_that_adds_a_second_subject_does_not_override_the_first():
    text = ("Làm việc với Hội Cựu chiến binh tỉnh\n"
            "Ngày 2/4, đồng chí Hà Minh Tuấn, Phó Chủ tịch Trung ương Hội, đến làm việc với Hội Cựu chiến binh tỉnh.\n"
            "Đoàn đã tiến hành kiểm tra, khảo sát quá trình thực hiện mô hình kinh tế tập thể của hội viên.\n"
            "Ngoài ra, đoàn còn khảo sát việc xây dựng chi hội kiểu mẫu ở các xã vùng cao.")
    assert topics(text) == ["quá trình thực hiện mô hình kinh tế tập thể của hội viên"]


def test_an_added_subject_is_the_topic_when_nothing_else_names_one():
    text = ("Làm việc với Hội Cựu chiến binh tỉnh\n"
            "Ngày 2/4, đồng chí Hà Minh Tuấn, Phó Chủ tịch Trung ương Hội, đến làm việc với Hội Cựu chiến binh tỉnh.\n"
            "Ngoài ra, đoàn còn khảo sát việc xây dựng chi hội kiểu mẫu ở các xã vùng cao.")
    assert topics(text) == ["việc xây dựng chi hội kiểu mẫu ở các xã vùng cao"]


def test_the_plan_told_before_the_session_names_its_subject_matter():
    # the plan first, then the session with a narrower wording: the plan's words count
    plan = ("Thực hiện Kế hoạch số 07/KH-HĐND ngày 3/3/2024 của Thường trực HĐND huyện về giám sát việc giải quyết "
            "kiến nghị của cử tri năm 2023.\n")
    session = ("Ngày 12/3/2024, Đoàn giám sát của HĐND huyện do bà Đinh Thu Hằng làm trưởng đoàn đã giám sát những "
               "kiến nghị cử tri còn tồn đọng tại xã Phú Lương.")
    assert topics("Giám sát kiến nghị cử tri\n" + plan + session) == ["việc giải quyết kiến nghị của cử tri năm 2023"]
    # and with no plan, the session's own words
    assert topics("Giám sát kiến nghị cử tri\n" + session) == ["những kiến nghị cử tri còn tồn đọng"]


def test_a_purpose_stated_before_the_activity_is_not_a_plan():
    text = ("Giám sát tại xã\nNhằm phát huy vai trò của Nhân dân trong giám sát công tác cán bộ, kịp thời phát hiện "
            "hạn chế. Ngày 3/5/2024, Tổ giám sát của Ủy ban MTTQ huyện đã có buổi giám sát tại Đảng ủy xã Tân Hòa "
            "về việc thực hiện quy chế dân chủ.")
    assert topics(text) == ["việc thực hiện quy chế dân chủ"]


# --- how the subject matter is introduced -----------------------------------------------

def test_the_purpose_of_a_working_session_names_its_subject_matter():
    # "mục đích (là) nắm bắt …", "nhằm nắm …", "để nắm bắt …": the same subject
    for purpose in ("mục đích nắm bắt", "mục đích là nắm bắt", "nhằm nắm", "để nắm bắt"):
        text = (f"Làm việc tại xã\nNgày 7/5/2024, đoàn công tác của Ban Dân tộc tỉnh làm việc với xã Na Hang, "
                f"{purpose} tình hình thực hiện chính sách hỗ trợ nhà ở năm 2024.")
        assert topics(text) == ["tình hình thực hiện chính sách hỗ trợ nhà ở năm 2024"], purpose


def test_how_often_a_delegation_supervises_is_not_its_subject_matter():
    text = ("Giám sát tại huyện\nNgày 6/5/2024, Đoàn công tác của Ban Thường vụ Tỉnh ủy làm việc với Huyện ủy Bắc Mê, "
            "giám sát thường xuyên việc thực hiện nhiệm vụ chính trị năm 2024.")
    assert topics(text) == ["việc thực hiện nhiệm vụ chính trị năm 2024"]


def test_the_subject_matter_past_whom_a_delegation_checks_after_doi_voi():
    # whom ("đối với X", with an official beside it), then what: after "trong" or "về"
    told = [
        "Ngày 11/4/2024, Ủy ban Kiểm tra Huyện ủy giám sát đối với Đảng ủy xã Tân Mỹ trong việc quản lý đảng viên đi làm ăn xa.",
        "Ngày 11/4/2024, Ủy ban Kiểm tra Huyện ủy giám sát thường xuyên đối với Đảng ủy xã Tân Mỹ và đồng chí Bí thư "
        "Đảng ủy về việc quản lý đảng viên đi làm ăn xa.",
        "Ngày 11/4/2024, Ủy ban Kiểm tra Huyện ủy giám sát Đảng ủy xã Tân Mỹ về việc quản lý đảng viên đi làm ăn xa.",
    ]
    for lead in told:
        assert topics("Giám sát tại xã\n" + lead) == ["việc quản lý đảng viên đi làm ăn xa"], lead


def test_whom_a_delegation_checks_inside_a_body_is_not_its_subject_matter():
    text = ("Giám sát chuyên đề\nNgày 11/4/2024, Đoàn giám sát của Ban Thường vụ Tỉnh ủy công bố quyết định giám sát "
            "chuyên đề đối với Ban Thường vụ Huyện ủy, một số đồng chí trong Ban Thường vụ Huyện ủy Tân Mỹ.")
    assert topics(text) == [None]


def test_hearing_a_report_or_commenting_on_drafts_is_not_part_of_the_subject_matter():
    for purpose in ("để nghe báo cáo", "để nghe và cho ý kiến về", "để cho ý kiến vào"):
        text = (f"Làm việc tại xã\nNgày 14/5/2024, Ban Thường vụ Huyện ủy làm việc với Đảng ủy xã Tân Mỹ {purpose} "
                f"dự thảo văn kiện Đại hội Đảng bộ xã nhiệm kỳ 2025-2030.")
        assert topics(text) == ["dự thảo văn kiện Đại hội Đảng bộ xã nhiệm kỳ 2025-2030"], purpose


def test_a_subject_matter_quoted_whole_keeps_its_place_phrase_and_drops_the_quotes():
    for quoted in ('"Việc thu gom rác thải sinh hoạt trên địa bàn xã"', "“Việc thu gom rác thải sinh hoạt trên địa bàn xã”"):
        text = f"Giám sát chuyên đề\nNgày 6/6/2024, Thường trực HĐND xã Tân Mỹ tổ chức giám sát chuyên đề {quoted}."
        assert topics(text) == ["Việc thu gom rác thải sinh hoạt trên địa bàn xã"], quoted


def test_a_subject_matter_ends_before_the_examples_it_lists_and_the_unit_it_was_done_in():
    text = ("Khảo sát mô hình\nNgày 6/6/2024, đoàn công tác của Hội Nông dân tỉnh làm việc với Hội Nông dân huyện, "
            "khảo sát kết quả các dự án hỗ trợ hội viên phát triển sản xuất như: Mô hình nuôi dê tại xã Tân Mỹ.")
    assert topics(text) == ["kết quả các dự án hỗ trợ hội viên phát triển sản xuất"]
    text = "Giám sát tại xã\nNgày 6/6/2024, Ủy ban MTTQ huyện giám sát quỹ khuyến học đơn vị xã Tân Mỹ năm 2023."
    assert topics(text) == ["quỹ khuyến học"]


# --- round 13 ---------------------------------------------------------------------------

def test_how_often_an_inspection_is_held_is_not_its_subject_matter():
    for how in ("(thường niên)", "thường niên", "định kỳ", "thông thường"):
        text = (f"Kiểm tra tại tỉnh\nNgày 12/8, Đoàn kiểm tra của Ban Bí thư do đồng chí Lê Văn Hòa làm trưởng đoàn đã "
                f"công bố Quyết định của Ban Bí thư về kiểm tra {how} đối với Ban Thường vụ Tỉnh ủy Yên Thạch.")
        assert topics(text) == [None], how
    text = ("Kiểm tra tại tỉnh\nNgày 12/8, Đoàn kiểm tra do đồng chí Lê Văn Hòa làm trưởng đoàn đã kiểm tra định kỳ "
            "việc thực hiện quy chế làm việc tại huyện Yên Hòa.")
    assert topics(text) == ["việc thực hiện quy chế làm việc"]


def test_a_subject_matter_after_doi_voi():
    # "đối với" opens whom, unless a subject noun follows it; it ends a subject matter too
    told = ["Ngày 29/4/2020, Đoàn giám sát của Ủy ban MTTQ huyện đã giám sát đối với việc rèn luyện đạo đức, lối sống "
            "đối với cán bộ trong quy hoạch của xã Yên Hòa.",
            "Ngày 29/4/2020, Đoàn giám sát của Ủy ban MTTQ huyện đã tiến hành giám sát đối với việc rèn luyện đạo đức, "
            "lối sống đối với cán bộ trong quy hoạch."]
    for text in told:
        assert topics("Giám sát\n" + text) == ["việc rèn luyện đạo đức, lối sống"], text


def test_the_situation_alone_is_no_subject_matter():
    told = ["Ngày 25/8/2025, đồng chí Lò Văn Pha, Bí thư Đảng ủy xã đã đi kiểm tra tình hình, thăm hỏi, động viên "
            "Nhân dân các bản.",
            "Ngày 25/8/2025, đồng chí Lò Văn Pha, Bí thư Đảng ủy xã đã kiểm tra, nắm bắt tình hình, chỉ đạo, hướng dẫn "
            "Nhân dân các bản."]
    for text in told:
        assert topics("Tin tức\n" + text) == [None], text
    # but "tình hình" first in a list of subject matters is one
    text = ("Tin tức\nSáng 23/9, đồng chí Lê Văn Hòa đã làm việc với Ban Thường vụ Tỉnh ủy Yên Thạch về tình hình, "
            "kết quả thực hiện nhiệm vụ năm 2024.")
    assert topics(text) == ["tình hình, kết quả thực hiện nhiệm vụ năm 2024"]
