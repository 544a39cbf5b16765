"""Places, round eleven (issue #10): a centrally-run city named bare as a
venue, and lists of communes grouped by their districts. Every sentence is
written for the test; the places are real, the people invented."""
from __future__ import annotations

import datetime as dt

from extracting import places


def test_a_centrally_run_city_named_bare_as_a_venue_is_a_place():
    for text, city in (("Sáng 14/5, tại Hà Nội, Ban Bí thư họp phiên thường kỳ.", "thành phố Hà Nội"),
                       ("Ban Bí thư họp phiên thường kỳ sáng 14/5 tại Đà Nẵng.", "thành phố Đà Nẵng"),
                       ("Đoàn làm việc tại quận Ninh Kiều (Cần Thơ).", "thành phố Cần Thơ")):
        got = places("Họp\n" + text)
        assert city in got and got[city] is None, text
        assert not any(n.startswith("tỉnh ") for n in got), text


def test_a_name_that_is_no_province_after_tai_is_no_place():
    assert places("Họp\nSáng 14/5, tại Nhà Văn hóa, Ban Bí thư họp phiên thường kỳ.") == {}


def test_communes_listed_in_groups_each_closed_by_its_district():
    text = ("Khảo sát\nTừ ngày 4 đến 8/3/2023, Sở Nông nghiệp tỉnh Nghệ An khảo sát 6 xã: Nam Hưng và Nam Thanh, "
            "huyện Nam Đàn; Bồi Sơn, Hồng Sơn và Bài Sơn, huyện Đô Lương; Thọ Sơn, huyện Anh Sơn.")
    got = places(text, dt.date(2023, 3, 20))
    want = {"xã Nam Hưng": "huyện Nam Đàn", "xã Nam Thanh": "huyện Nam Đàn", "xã Bồi Sơn": "huyện Đô Lương",
            "xã Hồng Sơn": "huyện Đô Lương", "xã Bài Sơn": "huyện Đô Lương", "xã Thọ Sơn": "huyện Anh Sơn"}
    assert {k: v for k, v in got.items() if k.startswith("xã ")} == want
    assert {k for k in got if k.startswith("huyện ")} == {"huyện Nam Đàn", "huyện Đô Lương", "huyện Anh Sơn"}


def test_a_commune_after_a_district_and_va_that_lies_in_another_district_is_no_district():
    text = ("Khảo sát\nNgày 4/3/2023, đoàn khảo sát xã Bồi Sơn, huyện Đô Lương và Thọ Sơn, huyện Anh Sơn, "
            "tỉnh Nghệ An.")
    got = places(text, dt.date(2023, 3, 20))
    assert "huyện Thọ Sơn" not in got
    assert got.get("xã Thọ Sơn") == "huyện Anh Sơn"


def test_a_commune_whose_name_holds_a_type_word_is_read_whole():
    got = places("Kiểm tra\nNgày 4/3/2023, đoàn kiểm tra xã Tứ Quận, huyện Yên Sơn, tỉnh Tuyên Quang.",
                 dt.date(2023, 3, 20))
    assert got.get("xã Tứ Quận") == "huyện Yên Sơn"
    assert "xã Tứ" not in got


def test_a_city_after_tai_may_end_its_line_or_run_into_lower_case_words():
    for text in ("Bộ Chính trị họp tại Hà Nội dưới sự chủ trì của Tổng Bí thư.",
                 "Sáng 14/5, tại Hà Nội và TP Hồ Chí Minh, các đoàn làm việc.",
                 "Bộ Chính trị họp tại Hà Nội\nQuang cảnh phiên họp."):
        assert "thành phố Hà Nội" in places("Họp\n" + text), text


def test_listed_communes_each_with_its_district_in_brackets():
    want = {"xã Nam Hưng": "huyện Nam Đàn", "xã Bồi Sơn": "huyện Đô Lương", "xã Thọ Sơn": "huyện Anh Sơn"}
    for listed in ("các xã Nam Hưng (Nam Đàn), Bồi Sơn (Đô Lương) và Thọ Sơn (Anh Sơn), tỉnh Nghệ An",
                   "3 xã: Nam Hưng (huyện Nam Đàn), Bồi Sơn (huyện Đô Lương), Thọ Sơn (huyện Anh Sơn)"):
        got = places(f"Kiểm tra\nNgày 4/3/2023, đoàn kiểm tra tại {listed}.", dt.date(2023, 3, 20))
        assert {k: v for k, v in got.items() if k.startswith("xã ")} == want, listed


def test_a_district_that_opens_on_an_accented_capital_still_closes_the_commune_before_it():
    text = ("Khảo sát\nNgày 4/3/2023, đoàn khảo sát xã Bồi Sơn, huyện Đô Lương và Hòa Lâm, huyện Ứng Hòa, "
            "thành phố Hà Nội.")
    got = places(text, dt.date(2023, 3, 20))
    assert "huyện Hòa Lâm" not in got
