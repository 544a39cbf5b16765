"""What an activity is about, round eleven (issue #10): verbs joined to the
activity's own. Every sentence is written for the test; names are invented."""
from __future__ import annotations

import datetime as dt

from extracting import facts, topics


def test_a_joined_verb_with_its_ve_is_read_whole_before_the_subject_matter():
    head = "Kiểm tra bầu cử\nNgày 12/5, đồng chí Lò Văn Nam, Phó Bí thư Huyện ủy Mường Khoa đã "
    tail = " công tác chuẩn bị bầu cử tại xã Tân Lập."
    for verb in ("kiểm tra, nắm tình hình về", "kiểm tra, nắm bắt tình hình về", "kiểm tra về"):
        assert topics(head + verb + tail) == ["công tác chuẩn bị bầu cử"], verb


def test_a_joined_verb_without_ve_keeps_the_situation_it_takes_as_object():
    text = ("Kiểm tra\nNgày 12/5, đoàn kiểm tra của Ban Thường vụ Huyện ủy Mường Khoa đã kiểm tra, nắm bắt "
            "tình hình thực hiện công tác dân vận tại xã Tân Lập.")
    assert topics(text) == ["tình hình thực hiện công tác dân vận"]


def test_a_unit_as_the_verbs_object_is_where_not_what():
    head = ("Kiểm tra\nNgày 12/5, đoàn kiểm tra của Ban Thường vụ Huyện ủy Mường Khoa do ông Lò Văn Nam làm "
            "trưởng đoàn đã kiểm tra xã Tân Lập, huyện Mường Khoa")
    assert topics(head + ".") == [None]
    assert topics(head + " về công tác chuẩn bị đại hội.") == ["công tác chuẩn bị đại hội"]


def test_a_sentence_wrapped_over_lines_is_read_as_one():
    one_line = ("Kiểm tra công tác Hội\nTừ ngày 14/10 đến ngày 25/10/2024, Ban Thường vụ Hội Nông dân huyện Yên Sơn "
                "tổ chức kiểm tra kết quả công tác Hội năm 2024 tại các xã.")
    wrapped = ("Từ ngày 14/10 đến ngày\n25/10/2024, Ban Thường vụ Hội Nông dân huyện Yên Sơn tổ chức kiểm\n"
               "tra kết quả công tác Hội năm 2024 tại các xã.\nĐoàn làm việc với Hội Nông dân xã Tứ Quận")
    for text in (one_line, wrapped):
        out = facts(text, dt.date(2024, 11, 2))
        assert [(e["date"], e["topic"]) for e in out["events"]] == [("2024-10-14", "kết quả công tác Hội năm 2024")], text


def test_a_year_closing_the_subject_matter_ends_it_before_whom():
    head = "Kiểm tra\nNgày 14/10/2024, Ban Thường vụ Hội Nông dân huyện Yên Sơn kiểm tra kết quả công tác Hội năm 2024 "
    assert topics(head + "các cơ sở Hội trên địa bàn.") == ["kết quả công tác Hội năm 2024"]
    assert topics(head + "của các cơ sở Hội.") == ["kết quả công tác Hội năm 2024 của các cơ sở Hội"]


def test_what_the_supervised_do_after_a_passive_verb_is_no_subject_matter():
    text = ("Giám sát\nNgày 14/10/2024, đoàn giám sát của Ban Thường vụ Huyện ủy Yên Sơn làm việc với xã Tứ Quận. "
            "Các chi bộ được giám sát chuẩn bị báo cáo và hồ sơ.")
    assert topics(text) == [None]
    # but a subject noun after the passive is what the supervised were checked on
    active = ("Giám sát\nNgày 14/10/2024, đoàn giám sát của Ban Thường vụ Huyện ủy Yên Sơn làm việc với xã Tứ Quận. "
              "Các chi bộ được giám sát việc thực hiện quy chế làm việc.")
    assert topics(active) == ["việc thực hiện quy chế làm việc"]


def test_do_ends_a_subject_matter_before_who_ran_it_not_before_what_caused_it():
    head = "Kiểm tra\nNgày 14/9/2024, đồng chí Lò Văn Nam, Bí thư Huyện ủy Mường Khoa kiểm tra công tác khắc phục hậu quả "
    assert topics(head + "sạt lở do mưa lớn kéo dài tại xã Tân Lập.") == [
        "công tác khắc phục hậu quả sạt lở do mưa lớn kéo dài"]
    text = ("Kiểm tra\nNgày 14/9/2024, đoàn kiểm tra công tác khắc phục hậu quả sạt lở do đồng chí Lò Văn Nam, Bí thư "
            "Huyện ủy Mường Khoa làm trưởng đoàn đã làm việc với xã Tân Lập.")
    assert topics(text) == ["công tác khắc phục hậu quả sạt lở"]
