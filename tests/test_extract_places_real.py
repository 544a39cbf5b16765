"""Places named the way real news names them in passing (issue #10): a
province as the tail of an address. Every sentence is written for the test."""
from __future__ import annotations

import datetime as dt

from kg.extract import extract
from kg.sources.articles import text_article


def place_names(text: str) -> set[str]:
    out = extract(text_article(text, key="t", published=dt.date(2024, 5, 1))).to_json()
    return {p["name"] for p in out["places"]}


def test_a_province_named_as_an_addresss_tail_after_one_of_its_units():
    # "Tà Xùa, Sơn La": the gazetteer holds a commune Tà Xùa in Sơn La
    text = ("Hội Nông dân tỉnh khảo sát mô hình\nĐoàn đã khảo sát mô hình trồng chè Tà Xùa, Sơn La "
            "của các hộ hội viên tại xã Phước Hà.")
    assert "tỉnh Sơn La" in place_names(text)
    # and in brackets, as a caption writes it
    assert "tỉnh Sơn La" in place_names("Mô hình chè\nMô hình chè (Tà Xùa, Sơn La) cho thu nhập cao.")


def test_no_province_from_a_pair_the_gazetteer_does_not_hold():
    # Tà Xùa is not in Lai Châu, and a person's name before a comma is no unit
    assert "tỉnh Lai Châu" not in place_names("Mô hình chè\nGiống chè Tà Xùa, Lai Châu được trồng thử.")
    assert "tỉnh Hà Giang" not in place_names("Tin tức\nTác giả Trần Minh Khôi, Hà Giang gửi bài.")


def test_a_list_of_names_is_no_address():
    # "A, B và C": items of one list, not a unit and its province
    names = place_names("Tin tức\nCác huyện Mèo Vạc, Yên Minh và Đồng Văn đã hoàn thành kế hoạch.")
    assert "tỉnh Yên Minh" not in names and "tỉnh Hà Giang" not in names


def parents(text: str) -> dict[str, str | None]:
    out = extract(text_article(text, key="t", published=dt.date(2019, 5, 1))).to_json()
    return {p["name"]: p["parent"] for p in out["places"]}


def test_a_bracketed_district_is_of_the_type_the_text_named_it_with_before():
    # Duy Tiên, Kim Bảng and Trảng Bàng were districts (huyện) then, towns (thị xã) in the gazetteer
    for text, district, communes in (
            ("Đoàn giám sát tại huyện Duy Tiên, xã Mộc Bắc, xã Tiên Nội (Duy Tiên), tỉnh Hà Nam.",
             "huyện Duy Tiên", ("xã Mộc Bắc", "xã Tiên Nội")),
            ("Đoàn kiểm tra huyện Kim Bảng và xã Thụy Lôi (Kim Bảng) trong tháng 4.", "huyện Kim Bảng", ("xã Thụy Lôi",)),
            ("Ngày 3/4, UBND huyện Trảng Bàng báo cáo; đoàn về các xã Đôn Thuận, Hưng Thuận (Trảng Bàng).",
             "huyện Trảng Bàng", ("xã Đôn Thuận", "xã Hưng Thuận"))):
        got = parents("Giám sát\n" + text)
        assert not any(name.startswith("thị xã") for name in got), text
        assert all(got[c] == district for c in communes), text


def test_committees_of_one_kind_listed_after_one_committee_word_are_all_of_its_type():
    for text, want in (
            ("Đoàn đã làm việc với Ban Thường vụ Huyện ủy Hoài Nhơn, Tuy Phước và Đảng ủy Quân sự tỉnh Bình Định.",
             {"huyện Hoài Nhơn", "huyện Tuy Phước"}),
            ("Đoàn làm việc với Huyện ủy Duy Tiên, Kim Bảng, tỉnh Hà Nam.", {"huyện Duy Tiên", "huyện Kim Bảng"}),
            ("Đoàn làm việc với Ban Thường vụ các Huyện ủy Lục Yên và Văn Yên.", {"huyện Lục Yên", "huyện Văn Yên"})):
        got = parents("Làm việc\n" + text)
        assert want <= set(got), text
        assert not any(name.startswith("thị xã") for name in got), text


def test_a_ward_numbered_after_the_town_it_split_from_keeps_its_number():
    text = ("Làm việc\nNgày 3/9/2025, đồng chí Nông Văn An, Bí thư Đảng ủy, Chủ tịch HĐND phường Hà Giang 1 đón đoàn. "
            "Chiều cùng ngày, đoàn làm việc tại phường Hà Giang 2, tỉnh Tuyên Quang.")
    out = extract(text_article(text, key="t", published=dt.date(2025, 9, 4))).to_json()
    got = {p["name"]: p["parent"] for p in out["places"]}
    assert got["phường Hà Giang 1"] == "tỉnh Tuyên Quang"
    assert got["phường Hà Giang 2"] == "tỉnh Tuyên Quang"
    assert "phường Hà Giang" not in got
    person = next(p for p in out["persons"] if p["name"] == "Nông Văn An")
    assert person["posts"] == ["Bí thư Đảng ủy phường Hà Giang 1", "Chủ tịch Hội đồng nhân dân phường Hà Giang 1"]
    # a number that is no part of a name the gazetteer holds stays out ("xã Tân Lập 2 hộ" is no unit)
    assert "xã Tân Lập" in place_names("Hỗ trợ\nXã Tân Lập 2 năm liền đạt chuẩn; đoàn về xã Tân Lập.")


def test_a_town_abbreviated_tx_is_a_thi_xa():
    for written in ("TX Nghi Sơn", "TX. Nghi Sơn", "thị xã Nghi Sơn"):
        got = parents(f"Kiểm tra\nĐoàn kiểm tra tại xã Hải Nhân, {written}, tỉnh Thanh Hóa năm 2019.")
        assert got["thị xã Nghi Sơn"] == "tỉnh Thanh Hóa", written
        assert got["xã Hải Nhân"] == "thị xã Nghi Sơn", written
