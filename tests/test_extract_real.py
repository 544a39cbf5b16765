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
