"""Places, round twelve (issue #10): a site's masthead naming a commune or
a district, and communes on the 2025 map that the text does not date.
Every sentence is written for the test; place names are used only as such."""
from __future__ import annotations

import datetime as dt

from extracting import facts


def places(out: dict) -> dict[str, str | None]:
    return {p["name"]: p["parent"] for p in out["places"]}


def test_a_sites_masthead_names_its_unit_without_qualifying_the_story():
    story = ("Huyện ủy làm việc với các xã\n\nSáng 5/3, Bí thư Huyện ủy Nguyễn Văn Hòa làm việc với "
             "Đảng ủy các xã trên địa bàn huyện.")
    for masthead in ("Trang thông tin điện tử xã quảng phú", "CỔNG THÔNG TIN ĐIỆN TỬ UBND XÃ QUẢNG PHÚ",
                     "Cổng thông tin điện tử xã Quảng Phú"):
        out = facts(masthead + "\n" + story)
        assert places(out) == {"xã Quảng Phú": None}, masthead
        # the secretary's committee stays as written: the masthead's unit qualifies nothing
        assert out["persons"][0]["posts"] == ["Bí thư Huyện ủy"], masthead


def test_a_masthead_line_whose_words_name_no_known_unit_names_none():
    out = facts("Trang thông tin điện tử xã bình an lạc phú\nHọp\n\nSáng 5/3, Huyện ủy họp.")
    assert places(out) == {}


def test_communes_on_the_new_map_get_their_province_only_when_the_text_dates_the_activity_after_the_reform():
    body = ("Kiểm tra\n\nSáng 27-11, đồng chí Trần Văn Khoa, Phó Bí thư Tỉnh ủy Gia Lai đã đến kiểm tra "
            "việc khắc phục hậu quả mưa lũ tại các xã: Ngô Mây, Tuy Phước Đông.")
    communes = ("xã Ngô Mây", "xã Tuy Phước Đông")
    undated = places(facts(body))
    assert {c: undated.get(c, "missing") for c in communes} == {c: None for c in communes}
    dated = places(facts(body, published=dt.date(2025, 11, 28)))
    assert {c: dated.get(c, "missing") for c in communes} == {c: "tỉnh Gia Lai" for c in communes}
    # a term that opens after the reform dates it too
    termed = places(facts(body.replace("mưa lũ", "công tác bầu cử đại biểu HĐND nhiệm kỳ 2026-2031")))
    assert {c: termed.get(c, "missing") for c in communes} == {c: "tỉnh Gia Lai" for c in communes}
    # a term that closes before it does not
    earlier = places(facts(body.replace("mưa lũ", "Nghị quyết Đại hội nhiệm kỳ 2020-2025")))
    assert {c: earlier.get(c, "missing") for c in communes} == {c: None for c in communes}
