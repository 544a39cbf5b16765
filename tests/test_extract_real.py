"""Extraction on the shapes of published party news (issue #10): texts with no
headline, datelines, bodies the text never places, title chains, joint
inspectors, target lists. Every sentence here is written for the test in the
shape real pages use; none is copied from a page."""
from __future__ import annotations

import datetime as dt

from kg.extract import extract
from kg.extract.normalise import read_head
from kg.sources.articles import Article


def art(text: str, published: dt.date | None = None) -> Article:
    """An article whose first line is taken as its title by the reader, as a .txt is."""
    title, _, body = text.partition("\n")
    return Article(key="t", title=title, text=f"{title}\n\n{body.strip()}", body_start=len(title) + 2,
                   published=published)


def facts(text: str, published: dt.date | None = None) -> dict:
    return extract(art(text, published)).to_json()


# --- the head of a text ------------------------------------------------------------

def test_a_text_that_opens_with_its_lead_has_no_headline():
    lead = "Sáng 12/3, Đoàn kiểm tra của Ban Thường vụ Huyện ủy làm việc với Đảng ủy xã Minh Tiến."
    head = read_head(lead)
    assert head.title_start == head.title_end == 0
    out = facts(lead + "\nNội dung kiểm tra là công tác cán bộ năm 2024.", dt.date(2024, 4, 1))
    assert [(e["date"], e["kind"]) for e in out["events"]] == [("2024-03-12", "inspection")]


def test_a_long_first_line_ending_a_sentence_is_the_lead_but_a_repeated_one_is_a_headline():
    long_line = ("Thực hiện kế hoạch năm, Ban Dân vận Huyện ủy đã tổ chức giám sát việc thực hiện "
                 "quy chế dân chủ ở cơ sở tại Đảng ủy xã Hòa Bình do đồng chí Trưởng ban làm trưởng đoàn.")
    assert read_head(long_line).title_end == 0
    assert read_head(long_line + "\n" + long_line).title_end == len(long_line)
    assert read_head("Ban Tổ chức Tỉnh ủy kiểm tra tại huyện Yên Sơn\nNgày 2/3, …").title_end > 0


def test_a_page_date_marker_and_a_dateline_date_the_page():
    assert read_head(" date 2025-05-06 Chiều 5/5, Đoàn giám sát làm việc.".strip()).page_date == dt.date(2025, 5, 6)
    head = read_head("08:15 , 21/10/2021\nỦy ban Kiểm tra Thị ủy giám sát tại phường 3\nSáng 20/10, …")
    assert head.page_date == dt.date(2021, 10, 21)
    assert head.title_end > head.title_start     # the line after the dateline is the headline
    out = facts("date 2023-09-14 Sáng 13/9, Đoàn kiểm tra của Ban Thường vụ Tỉnh ủy do đồng chí "
                "Hoàng Văn Lực, Phó Bí thư Tỉnh ủy làm trưởng đoàn đã kiểm tra tại huyện Na Rì.")
    assert [e["date"] for e in out["events"]] == ["2023-09-13"]


# --- bodies the text never places ----------------------------------------------------

def test_a_committee_the_text_never_places_is_kept_as_written():
    out = facts("Giám sát tại xã\nNgày 4/6/2024, Đoàn giám sát của Ban Dân vận Huyện ủy do đồng chí "
                "Lê Thị Hoa, Phó Trưởng Ban Dân vận Huyện ủy làm trưởng đoàn đã giám sát tại Đảng ủy xã Tân Lập.")
    assert out["persons"][0]["posts"] == ["Phó Trưởng Ban Dân vận Huyện ủy"]
    assert out["events"][0]["inspector"] == "Ban Dân vận Huyện ủy"
    assert all(p["parent"] is None for p in out["places"])


# --- titles and chains -------------------------------------------------------------

def test_central_titles_keep_their_written_form():
    out = facts("Làm việc tại tỉnh\nNgày 3/4/2024, đồng chí Vũ Đức Tâm, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, "
                "Trưởng Ban Nội chính Trung ương; đồng chí Hà Minh Khoa, Ủy viên Trung ương Đảng, "
                "Bí thư Tỉnh ủy Cao Bằng dự buổi làm việc.")
    posts = {p["name"]: p["posts"] for p in out["persons"]}
    assert posts["Vũ Đức Tâm"] == ["Ủy viên Bộ Chính trị", "Bí thư Trung ương Đảng", "Trưởng Ban Nội chính Trung ương"]
    assert posts["Hà Minh Khoa"] == ["Ủy viên Ban Chấp hành Trung ương Đảng", "Bí thư Tỉnh ủy Cao Bằng"]


def test_posts_named_alone_before_the_name():
    out = facts("Tin tức\nChiều 2/5/2024, Tổng Bí thư, Chủ tịch nước Lương Văn Định đã làm việc với tỉnh Nam Định.")
    assert out["persons"] == [{"name": "Lương Văn Định", "posts": ["Tổng Bí thư", "Chủ tịch nước"],
                               "evidence": out["persons"][0]["evidence"]}]


def test_a_2025_central_party_committee_is_one_body_despite_its_comma():
    out = facts("Tin tức\nDự hội nghị có đồng chí Đinh Thị Lan, Bí thư Đảng ủy MTTQ, các đoàn thể Trung ương, "
                "Chủ tịch Ủy ban Trung ương MTTQ Việt Nam.")
    assert out["persons"][0]["posts"] == ["Bí thư Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương",
                                          "Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"]


def test_lower_case_chains_and_unplaced_state_bodies_and_departments():
    out = facts("Trao huy hiệu\nChiều 4/7, đồng chí Lò Văn Sinh, phó Bí thư thường trực huyện ủy, Chủ tịch "
                "Hội đồng nhân dân huyện, đồng chí Vi Thị Mai, ủy viên ban thường vụ huyện ủy, Trưởng ban Tổ chức, "
                "trưởng phòng Nội vụ huyện đã trao huy hiệu cho đảng viên.")
    posts = {p["name"]: p["posts"] for p in out["persons"]}
    assert posts["Lò Văn Sinh"] == ["Phó Bí thư Thường trực Huyện ủy", "Chủ tịch Hội đồng nhân dân huyện"]
    assert posts["Vi Thị Mai"] == ["Ủy viên Ban Thường vụ Huyện ủy", "Trưởng Ban Tổ chức Huyện ủy",
                                   "Trưởng Phòng Nội vụ huyện"]
    assert out["events"] == []


# --- places ---------------------------------------------------------------------------

def test_lists_of_units_after_a_count_a_colon_or_a_committee():
    out = facts("Giám sát bầu cử\nNgày 5/1, Đoàn giám sát của Ban Thường vụ Tỉnh ủy đã giám sát tại 3 xã: "
                "Nga Sơn, Nga Thắng, Hoằng Hóa. Đoàn làm việc với Ban Thường vụ Huyện ủy Tĩnh Gia, Hậu Lộc "
                "và Thành ủy Thành phố Sầm Sơn.")
    names = {p["name"] for p in out["places"]}
    assert {"xã Nga Sơn", "xã Nga Thắng", "huyện Hậu Lộc", "thành phố Sầm Sơn"} <= names
    assert "thành phố Thành" not in names


def test_no_parent_is_invented_for_an_excerpt_that_names_no_province():
    out = facts("Kiểm tra\nNgày 2/3/2019, Ủy ban Kiểm tra Tỉnh ủy kiểm tra Ban Thường vụ Huyện ủy Đức Linh.")
    assert [(p["name"], p["parent"]) for p in out["places"]] == [("huyện Đức Linh", None)]
