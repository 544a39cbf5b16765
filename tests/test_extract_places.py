"""Places resolved against the gazetteer: codes and eras of the article's own
map, ambiguous names left unresolved with a warning."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_extract_gold import load_article

from kg.extract import extract
from kg.sources.articles import Article

HERE = Path(__file__).parent
DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "articles"  # ../shared, beside the repo


def _places(article: Article) -> dict:
    return {p.name: p for p in extract(article).records.places}


def test_seed_places_carry_pre2025_codes():
    places = _places(load_article(HERE / "articles" / "seed_000_ad74d0d30a1c6eeb.txt"))
    want = {"tỉnh Bắc Kạn": "06", "thành phố Bắc Kạn": "058",
            "phường Sông Cầu": "01837", "xã Dương Quang": "01849"}
    assert {n: (places[n].code, places[n].era) for n in want} == \
        {n: (c, "pre2025") for n, c in want.items()}
    # the names and parents of the article are kept
    assert places["phường Sông Cầu"].parent == "thành phố Bắc Kạn"
    assert places["thành phố Bắc Kạn"].parent == "tỉnh Bắc Kạn"
    assert "phường Bắc Kạn" in places["phường Sông Cầu"].successors


def test_post_reform_commune_gets_2025_code():
    path = DEV / "d08_nghean_lamviec_kimlien.txt"
    if not path.exists():
        import pytest
        pytest.skip("the dev set is not present")
    places = _places(load_article(path))
    kim_lien = places["xã Kim Liên"]
    # "xã Kim Liên" is two communes before 2025 (Hải Dương, Nghệ An): the
    # article's date puts it on the 2025 map, its province picks the unit
    assert (kim_lien.era, kim_lien.code, kim_lien.parent) == ("2025", "17971", "tỉnh Nghệ An")
    assert (places["tỉnh Nghệ An"].era, places["tỉnh Nghệ An"].code) == ("2025", "40")


def _article(text: str, published: dt.date) -> Article:
    title = text.split("\n", 1)[0]
    return Article(key="test", title=title, text=text, body_start=len(title) + 2,
                   url=None, published=published, path=None)


def test_ambiguous_place_left_unresolved_with_warning():
    text = ("Kiểm tra công tác đảng tại xã Kim Liên\n\n"
            "Ngày 5/3/2024, Đoàn kiểm tra làm việc với Đảng ủy xã Kim Liên.")
    result = extract(_article(text, dt.date(2024, 3, 6)))
    kim_lien = next(p for p in result.records.places if p.name == "xã Kim Liên")
    assert kim_lien.code is None and kim_lien.era == "pre2025"
    assert "place xã Kim Liên is ambiguous: left unresolved" in result.warnings


def test_district_without_province_is_resolved_but_gets_no_parent_the_text_does_not_state():
    # the unit's code ties it to the gazetteer (and so to its province there);
    # the parent as extracted is only what the text states
    text = ("Kiểm tra công tác đảng tại huyện Mèo Vạc\n\n"
            "Ngày 5/3/2024, Đoàn kiểm tra làm việc với Huyện ủy Mèo Vạc.")
    result = extract(_article(text, dt.date(2024, 3, 6)))
    meo_vac = next(p for p in result.records.places if p.name == "huyện Mèo Vạc")
    assert (meo_vac.code, meo_vac.parent) == ("027", None)


def _names(text: str) -> set[str]:
    return {p.name for p in extract(_article(text, dt.date(2023, 5, 2))).records.places}


def test_a_two_syllable_district_the_gazetteer_lacks_is_a_place_and_three_syllables_a_person():
    # "Lâm Tân" is no unit of the gazetteer; after "huyện" and before "đã" it is
    # still a district, while three syllables opening with a surname are a person
    assert "huyện Lâm Tân" in _names("Giám sát\n\nNgày 2/5/2023, Ủy ban MTTQ Việt Nam huyện Lâm Tân đã giám sát "
                                     "tại xã Tân Hòa.")
    assert not any(n.startswith("huyện Lâm") for n in _names(
        "Hội nghị\n\nNgày 2/5/2023, Chủ tịch UBND huyện Lâm Văn Tư đã phát biểu tại xã Tân Hòa."))


def test_committees_listed_after_a_known_one_end_at_the_list_not_at_a_word():
    named = _names("Kiểm tra\n\nNgày 2/5/2023, Đoàn kiểm tra làm việc với Ban Thường vụ Huyện ủy Yên Sơn, Kim Phú "
                   "và Đảng ủy Quân sự tỉnh. Sau khi làm việc với Huyện ủy Yên Sơn, Đoàn kiểm tra đã về xã.")
    assert {"huyện Yên Sơn", "huyện Kim Phú"} <= named
    assert "huyện Đoàn" not in named


def test_provinces_listed_after_cac_dia_phuong_with_a_typed_item_and_a_dashed_name():
    named = _names("Kiểm tra\n\nNgày 2/5/2023, Đoàn kiểm tra công bố quyết định đối với Ban Thường vụ Thành ủy, "
                   "Tỉnh ủy các địa phương: TP Cần Thơ, Hậu Giang, Bà Rịa-Vũng Tàu.")
    assert {"thành phố Cần Thơ", "tỉnh Hậu Giang", "tỉnh Bà Rịa - Vũng Tàu"} <= named
    assert "thành phố Bà Rịa" not in named


def test_a_district_in_brackets_is_the_parent_of_the_communes_listed_before_it():
    result = extract(_article("Thăm hỏi\n\nSáng 2/5/2023, lãnh đạo huyện Yên Sơn cùng đoàn đến thăm xã Minh Thanh, "
                              "Tân Trào (Sơn Dương); xã Trung Môn (huyện Yên Sơn).", dt.date(2023, 5, 2)))
    parents = {p.name: p.parent for p in result.records.places}
    assert parents["xã Minh Thanh"] == parents["xã Tân Trào"] == "huyện Sơn Dương"
    assert parents["xã Trung Môn"] == "huyện Yên Sơn"


def test_units_listed_after_nhu_take_the_plural_heads_type():
    named = _names("Giám sát\n\nNgày 9/10/2023, Đoàn giám sát của Huyện ủy Đồng Văn làm việc tại một số xã như "
                   "Lũng Cú, Má Lé và Sủng Là. Cán bộ như thường lệ báo cáo.")
    assert {"xã Lũng Cú", "xã Má Lé", "xã Sủng Là"} <= named
    assert not any(n.startswith("xã Cán") for n in named)


def _parents(text: str, published: dt.date = dt.date(2023, 5, 2)) -> dict[str, str | None]:
    return {p.name: p.parent for p in extract(_article(text, published)).records.places}


def test_a_city_is_one_the_gazetteer_knows():
    # a sentence may end on "TP." and the next begin with a capital: no city there,
    # nor in a committee followed by a person's name
    named = _names("Hội nghị\n\nNgày 2/5/2023, hội nghị quán triệt được tổ chức trên địa bàn TP. Tiếp đó, "
                   "đoàn về huyện Yên Sơn. Phó Bí thư Thành ủy Tạ Quang Vỹ dự.")
    assert "huyện Yên Sơn" in named
    assert not any(n.startswith("thành phố") for n in named)


def test_districts_joined_under_one_type_word_are_each_a_district():
    named = _names("Kiểm tra\n\nNgày 2/5/2023, Đoàn công tác kiểm tra tại huyện Đức Thọ và Hương Sơn. "
                   "Đoàn cũng làm việc với huyện Vũ Quang và Lê Thị Mơ, cán bộ xã.")
    assert {"huyện Đức Thọ", "huyện Hương Sơn", "huyện Vũ Quang"} <= named
    assert not any(n.startswith("huyện Lê") for n in named)


def test_units_listed_in_brackets_after_a_plural_head():
    named = _names("Công nhận\n\nNăm 2023, huyện Sơn Dương có thêm 2 xã (Minh Thanh, Trung Yên) đạt chuẩn; "
                   "xã Hợp Thành (nay là thị trấn) được biểu dương.")
    assert {"xã Minh Thanh", "xã Trung Yên"} <= named


def test_units_listed_after_a_qualified_plural_head_and_nhu_with_a_colon():
    named = _names("Tuyên truyền\n\nNgày 2/5/2023, băng rôn được treo ở các xã vùng biên giới như: Lũng Cú, "
                   "Má Lé; ở một số xã có nhiều hộ nghèo như Sủng Là.")
    assert {"xã Lũng Cú", "xã Má Lé", "xã Sủng Là"} <= named


def test_a_parent_stated_beside_a_unit_is_its_parent():
    # the article's own province (named most) is not the parent of a unit said to lie elsewhere
    parents = _parents("Học tập kinh nghiệm\n\nNgày 2/5/2023, đoàn của tỉnh Hà Tĩnh đến thành phố Vinh (Nghệ An) "
                       "rồi về huyện Đức Thọ, tỉnh Hà Tĩnh; lãnh đạo tỉnh Hà Tĩnh dự.")
    assert parents["thành phố Vinh"] == "tỉnh Nghệ An"
    assert parents["huyện Đức Thọ"] == "tỉnh Hà Tĩnh"


def test_a_district_of_another_province_gets_no_parent_the_text_does_not_state():
    parents = _parents("Học tập kinh nghiệm\n\nNgày 2/5/2023, lãnh đạo huyện Mèo Vạc đến học tập kinh nghiệm "
                       "tại huyện Đức Thọ, tỉnh Hà Tĩnh.")
    assert parents["huyện Đức Thọ"] == "tỉnh Hà Tĩnh"
    assert parents["huyện Mèo Vạc"] is None


def test_an_upper_case_masthead_names_the_province_of_the_page():
    text = ("CỔNG THÔNG TIN ĐIỆN TỬ HÀ TĨNH\nTIN TỨC SỰ KIỆN\n\nLàm việc tại huyện\n\n"
            "Ngày 2/5/2023, đồng chí Bí thư Tỉnh ủy làm việc với Huyện ủy Đức Thọ.")
    parents = {p.name: p.parent for p in extract(Article(key="test", title=None, text=text, body_start=0, url=None,
                                                           published=dt.date(2023, 5, 2), path=None)).records.places}
    assert parents == {"tỉnh Hà Tĩnh": None, "huyện Đức Thọ": "tỉnh Hà Tĩnh"}
