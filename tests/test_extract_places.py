"""Places resolved against the gazetteer: codes and eras of the article's own
map, ambiguous names left unresolved with a warning."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from test_extract_gold import load_article

from kg.extract import extract
from kg.sources.articles import Article, text_article

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


def _names(text: str, published: dt.date = dt.date(2023, 5, 2)) -> set[str]:
    return {p.name for p in extract(_article(text, published)).records.places}


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


def _read(text: str, published: dt.date | None = None) -> dict:
    """Extraction of a text read as a .txt is (its first line a title if it is a headline)."""
    return extract(text_article(text, key="t", published=published)).to_json()


def test_a_province_before_a_colon_at_the_head_of_a_headline_places_the_story():
    lead = "Sáng 3/9/2024, Phó Chủ tịch UBND tỉnh Đỗ Hữu Lâm kiểm tra công tác phòng, chống lũ tại huyện Bảo Thắng."
    for head in ("Lào Cai: Chủ động ứng phó với lũ quét", "LÀO CAI: CHỦ ĐỘNG ỨNG PHÓ VỚI LŨ QUÉT",
                 "Thiên tai\n\nTỉnh Lào Cai: Chủ động ứng phó với lũ quét\nTin địa phương"):
        out = _read(f"{head}\n\n{lead}")
        assert {p["name"]: p["parent"] for p in out["places"]} == \
            {"tỉnh Lào Cai": None, "huyện Bảo Thắng": "tỉnh Lào Cai"}, head
        assert [p["posts"] for p in out["persons"]] == [["Phó Chủ tịch Ủy ban nhân dân tỉnh Lào Cai"]]
    # a source credit, a district and a colon deep in the story name no province of the page
    for head in ("Nguồn Lào Cai: https://example.org/tin", "Bảo Thắng: Chủ động ứng phó với lũ quét"):
        out = _read(f"{head}\n\n{lead}")
        assert {p["name"]: p["parent"] for p in out["places"]} == {"huyện Bảo Thắng": None}, head
    deep = "Thiên tai\n\n" + "\n\n".join(["Đoàn đã đi nhiều nơi."] * 6) + "\n\nLào Cai: bài học rút ra.\n\n" + lead
    assert {p["name"] for p in _read(deep)["places"]} == {"huyện Bảo Thắng"}


def test_a_unit_whose_name_opens_with_an_honorific_word_is_named():
    # "bà" is an honorific, but "Bà Rịa" a city: the person after it keeps their name
    told = ["Hội nghị\n\nNgày 4/7/2024, Bí thư Thành ủy Bà Rịa Lê Minh Khang dự hội nghị.",
            "Hội nghị\n\nNgày 4/7/2024, ông Lê Minh Khang, Bí thư Thành ủy Bà Rịa, dự hội nghị.",
            "Hội nghị\n\nNgày 4/7/2024, đồng chí Lê Minh Khang - Bí thư Thành ủy Bà Rịa dự hội nghị."]
    for text in told:
        out = _read(text)
        assert [p["name"] for p in out["places"]] == ["thành phố Bà Rịa"], text
        assert [(p["name"], p["posts"]) for p in out["persons"]] == [("Lê Minh Khang", ["Bí thư Thành ủy Bà Rịa"])]
    # the honorific itself still opens a person's name, not a place's
    out = _read("Hội nghị\n\nNgày 4/7/2024, Bí thư Huyện ủy Châu Đức Bà Lê Thị Hoa dự hội nghị.")
    assert [p["name"] for p in out["places"]] == ["huyện Châu Đức"]


def test_a_dotted_abbreviation_printed_against_the_next_word_expands_to_a_word():
    out = _read("Hội nghị\n\nNgày 4/7/2024, Đảng ủy phường Long Toàn (TP.Bà Rịa) tổ chức hội nghị.")
    assert {p["name"]: p["parent"] for p in out["places"]} == \
        {"phường Long Toàn": "thành phố Bà Rịa", "thành phố Bà Rịa": None}


def test_a_bare_province_in_brackets_after_a_district_is_its_province_not_a_district():
    for where in ("xã Tam Chung, huyện Mường Lát (Thanh Hóa)", "huyện Mường Lát (Thanh Hóa)"):
        out = _read(f"Lũ quét\n\nNgày 6/8/2024, đoàn công tác kiểm tra việc khắc phục hậu quả lũ tại {where}.")
        parents = {p["name"]: p["parent"] for p in out["places"]}
        assert "huyện Thanh Hóa" not in parents and "thành phố Thanh Hóa" not in parents, where
        assert parents["huyện Mường Lát"] == "tỉnh Thanh Hóa"
    # a bare district in brackets after communes is still theirs
    out = _read("Lũ quét\n\nNgày 6/8/2024, đoàn kiểm tra xã Tam Chung, xã Pù Nhi (Mường Lát).")
    parents = {p["name"]: p["parent"] for p in out["places"]}
    assert parents["xã Tam Chung"] == parents["xã Pù Nhi"] == "huyện Mường Lát"


def test_an_undated_text_is_read_on_the_map_whose_units_it_names():
    # "phường Bến Cát" is a ward only on the 2025 map: a ward's parent is then its
    # province, here the one in brackets, as the abbreviation the page prints
    for where in ("phường Bến Cát (TPHCM)", "phường Bến Cát, Thành phố Hồ Chí Minh"):
        out = _read(f"Dân chủ ở khu phố\n\nChiều 3-11, Đảng ủy {where} kiểm tra việc thực hiện quy chế dân chủ.")
        assert {p["name"]: p["parent"] for p in out["places"]} == \
            {"phường Bến Cát": "thành phố Hồ Chí Minh", "thành phố Hồ Chí Minh": None}, where
    # a district is of the old map only; a date decides over the units named
    old = _read("Dân chủ ở khu phố\n\nChiều 3-11, Đảng ủy phường Lái Thiêu (thành phố Thuận An) kiểm tra.")
    assert {p["name"]: p["parent"] for p in old["places"]}["phường Lái Thiêu"] == "thành phố Thuận An"
    dated = _read("Dân chủ ở khu phố\n\nChiều 3-11-2024, Đảng ủy phường Bến Cát (TPHCM) kiểm tra.")
    assert {p["name"]: p["parent"] for p in dated["places"]}["phường Bến Cát"] is None


def test_a_letter_is_no_unit_of_a_list():
    out = _read("Phân công\n\nTổ 3 phụ trách các xã Khánh Bình, Phong Hiệp, Trần Phán và P.Tân Thành, "
                "tổ 4 các xã Đầm Dơi, Tạ An Khương, Đ")
    named = {p["name"] for p in out["places"]}
    assert {"xã Khánh Bình", "xã Phong Hiệp", "xã Trần Phán", "xã Đầm Dơi", "xã Tạ An Khương"} <= named
    assert not any(len(n.split(" ", 1)[1]) == 1 for n in named), named


def test_a_district_named_beside_another_commune_is_not_the_parent_of_one_the_gazetteer_puts_elsewhere():
    # xã Khánh Bình Tây lies in huyện Trần Văn Thời, not in the district named for xã Phú Hưng
    told = ["Đại hội điểm\n\nNgày 2/5/2023, tổ công tác kiểm tra tại xã Khánh Bình Tây và đề nghị rút kinh nghiệm từ "
            "đại hội của Đảng bộ xã Phú Hưng, huyện Cái Nước.",
            "Đại hội điểm\n\nNgày 2/5/2023, tổ công tác rút kinh nghiệm đại hội ở xã Phú Hưng, huyện Cái Nước rồi "
            "kiểm tra tại xã Khánh Bình Tây."]
    for text in told:
        parents = _parents(text)
        assert parents["xã Khánh Bình Tây"] is None, text
        assert parents["xã Phú Hưng"] == "huyện Cái Nước"
    # one the gazetteer knows only in another province is more likely a unit it
    # lacks (merged away before its snapshot): the district the text gives stays
    assert _parents("Đại hội điểm\n\nNgày 2/5/2023, tổ công tác kiểm tra tại xã Trần Hợi (Gia Lộc).")[
        "xã Trần Hợi"] == "huyện Gia Lộc"
    # a commune the gazetteer puts in the district named near it keeps it
    assert _parents("Đại hội điểm\n\nNgày 2/5/2023, tổ công tác kiểm tra tại xã Tân Hưng, huyện Cái Nước và xã "
                    "Phú Hưng.")["xã Phú Hưng"] == "huyện Cái Nước"


def test_a_name_where_an_excerpt_stops_mid_word_is_no_unit():
    cut = "Thăm hỏi\n\nNgày 2/5/2023, đoàn công tác của huyện Đức Thọ đến thăm gia đình ông Lê Văn Tư ở phường Tr"
    assert _names(cut) == {"huyện Đức Thọ"}
    assert _names(cut.replace("phường Tr", "Thị ủy Hồng L")) == {"huyện Đức Thọ"}
    # a unit the gazetteer knows, or one closed by punctuation, is named where it stops
    assert _names(cut.replace("phường Tr", "thị xã Hồng Lĩnh")) == {"huyện Đức Thọ", "thị xã Hồng Lĩnh"}
    assert _names(cut.replace("phường Tr", "phường Tràng.")) == {"huyện Đức Thọ", "phường Tràng"}


def test_a_commune_of_the_new_map_named_in_the_months_before_the_reform_hangs_under_its_province():
    text = ("Chuẩn bị vận hành\n\nNgày {}, Bí thư Tỉnh ủy Đồng Tháp kiểm tra công tác chuẩn bị vận hành thử nghiệm "
            "phường Cao Lãnh và xã Phong Mỹ của huyện Cao Lãnh.")
    before = {p["name"]: p["parent"] for p in _read(text.format("17/6/2025"))["places"]}
    # "phường Cao Lãnh" is only on the 2025 map: it is being set up; "xã Phong Mỹ" is on the old map too
    assert before["phường Cao Lãnh"] == "tỉnh Đồng Tháp"
    assert before["xã Phong Mỹ"] == "huyện Cao Lãnh"
    # a year before, the same words name no unit being set up: the context's district stands
    earlier = {p["name"]: p["parent"] for p in _read(text.format("17/6/2024"))["places"]}
    assert earlier["phường Cao Lãnh"] == "huyện Cao Lãnh"


@pytest.mark.parametrize("published", [dt.date(2023, 5, 2), dt.date(2025, 5, 2)])
def test_a_second_district_the_gazetteer_lacks_is_named_after_one_it_knows(published):
    # "Lộc Hà" was a district until its merger into Thạch Hà (2024): the gazetteer
    # knows it for a story of 2023, and lacks it for one after the merger
    for where in ("huyện Thạch Hà và Lộc Hà.", "huyện Thạch Hà và Lộc Hà, cùng đi có lãnh đạo tỉnh."):
        assert _names(f"Thăm đồng\n\nNgày 2/5, đoàn công tác thăm đồng ở {where}", published) == \
            {"huyện Thạch Hà", "huyện Lộc Hà"}, where
    # a province, a person, words going on after the name are no second district
    for where in ("huyện Thạch Hà và Hà Tĩnh.", "huyện Thạch Hà và Lê Văn Tư."):
        assert _names(f"Thăm đồng\n\nNgày 2/5, đoàn công tác thăm đồng ở {where}", published) <= \
            {"huyện Thạch Hà", "tỉnh Hà Tĩnh"}, where
    # a commune of the one district named after the other is in its own, which the text names
    parents = _parents("Thăm đồng\n\nNgày 2/5, đoàn thăm đồng ở huyện Thạch Hà và Lộc Hà; đoàn cũng đến xã Thạch "
                       "Ngọc.", published)
    assert parents["xã Thạch Ngọc"] == "huyện Thạch Hà"


def test_a_district_merged_away_is_the_parent_of_its_communes_in_its_time():
    # xã Thạch Kim lay in huyện Lộc Hà until the district's merger (2024); named with it
    # in a story of its time, both are resolved (codes) and it keeps that parent
    story = "Về cơ sở\n\nNgày 9/3, đoàn của Huyện ủy làm việc tại xã Thạch Kim, huyện Lộc Hà, tỉnh Hà Tĩnh."
    places = {p.name: p for p in extract(_article(story, dt.date(2021, 3, 10))).records.places}
    assert (places["xã Thạch Kim"].parent, places["xã Thạch Kim"].code) == ("huyện Lộc Hà", "18580")
    assert (places["huyện Lộc Hà"].parent, places["huyện Lộc Hà"].code) == ("tỉnh Hà Tĩnh", "448")
    # after the merger the district is no unit of the map: no code, the text's parent kept
    later = {p.name: p for p in extract(_article(story, dt.date(2025, 3, 10))).records.places}
    assert (later["huyện Lộc Hà"].code, later["xã Thạch Kim"].parent) == (None, "huyện Lộc Hà")
    # paraphrase: the district in brackets, the commune before it
    bracketed = _parents("Về cơ sở\n\nSáng 9/3/2021, Thường trực Tỉnh ủy Hà Tĩnh về xã Thạch Kim (Lộc Hà) kiểm tra.")
    assert bracketed["xã Thạch Kim"] == "huyện Lộc Hà"


def test_a_bare_name_in_brackets_is_the_district_the_commune_before_it_lies_in():
    # "Phù Yên" is a district of Sơn La and, without its tones, the province Phú Yên;
    # "Thạnh Hóa" a district of Long An and, so read, Thanh Hóa: the commune before
    # the bracket lies in the district, so the bracket names the district
    for text, commune, district, province in [
            ("Chiều 14/8, Thường trực Huyện ủy làm việc với Đảng ủy xã Mường Cơi (Phù Yên) về công tác cán bộ.",
             "xã Mường Cơi", "huyện Phù Yên", "tỉnh Phú Yên"),
            ("Đoàn kiểm tra của Tỉnh ủy đã đến xã Thủy Đông (Thạnh Hóa) hôm 14/8 để nắm tình hình.",
             "xã Thủy Đông", "huyện Thạnh Hóa", "tỉnh Thanh Hóa"),
            ("Chiều 14/8, Thường trực Huyện ủy làm việc với Đảng ủy xã Mường Cơi (huyện Phù Yên).",
             "xã Mường Cơi", "huyện Phù Yên", "tỉnh Phú Yên")]:
        parents = _parents(f"Làm việc ở cơ sở\n\n{text}")
        assert parents[commune] == district, text
        assert district in parents and province not in parents, text
    # a commune of the province: the bracket names the province
    parents = _parents("Làm việc ở cơ sở\n\nChiều 14/8, đoàn làm việc với Đảng ủy xã An Ninh Đông (Phú Yên).")
    assert "tỉnh Phú Yên" in parents and "huyện Phù Yên" not in parents


def test_an_abbreviation_after_a_type_word_names_no_unit():
    # "xã NTM" (nông thôn mới) says what kind of commune, not which one
    for sentence in ("Năm nay huyện phấn đấu có thêm 3 xã NTM nâng cao.",
                     "Huyện Yên Sơn được công nhận huyện NTM, xã Trung Môn đạt chuẩn xã NTM kiểu mẫu.",
                     "Đảng ủy xã Trung Môn lãnh đạo xây dựng xã NTM."):
        names = _names(f"Nông thôn mới\n\n{sentence}")
        assert not any("NTM" in n for n in names), sentence
        assert "xã Trung Môn" in names or "Trung Môn" not in sentence
    # a numbered ward's Roman numeral is its name
    assert "phường III" in _names("Phường\n\nNgày 3/4, đoàn làm việc với phường III, thành phố Vị Thanh.")


def test_a_type_word_written_as_its_dotted_initials_names_the_unit():
    # southern papers write "P.Tân Định, Q.1": the same places as written in full
    full = {"phường Tân Định": "quận 1", "quận 1": "thành phố Hồ Chí Minh", "thành phố Hồ Chí Minh": None}
    for where in ("P.Tân Định, Q.1, TP.HCM", "P. Tân Định, Q. 1, TP.HCM", "phường Tân Định, quận 1, TP.HCM"):
        text = f"Về cơ sở\n\nNgày 4/5, Thường trực Thành ủy làm việc với Đảng ủy {where}."
        assert _parents(text, dt.date(2024, 5, 4)) == full, where
        # the evidence still quotes the text as written
        result = extract(_article(text, dt.date(2024, 5, 4)))
        ward = next(p for p in result.records.places if p.name == "phường Tân Định")
        assert ward.evidence[0].sentence.endswith(f"{where}.")
    # a letter and a dot after a surname or a middle name, or before a name the gazetteer
    # does not know as such a unit, are an initial ("phường Tân Định" is one it knows)
    assert _names("Về cơ sở\n\nNgày 4/5, ông Trần P. Tân Định, bà Lê Thị P. Lộc, cán bộ P.Tổ chức, dự họp.",
                  dt.date(2024, 5, 4)) == set()


def test_a_name_written_once_with_a_tone_mark_slipped_is_the_unit_spelt_right():
    for text in ("Đoàn làm việc với Đảng ủy xã Thủy Đông. Lãnh đạo xã Thuy Đông báo cáo kết quả.",
                 "Lãnh đạo xã Thuy Đông báo cáo kết quả. Đoàn làm việc với Đảng ủy xã Thủy Đông."):
        assert _names(f"Về cơ sở\n\nNgày 4/5, {text}") == {"xã Thủy Đông"}, text
    # two units whose names differ in tone marks only are both units the gazetteer knows
    assert _names("Về cơ sở\n\nNgày 4/5, đoàn làm việc tại xã Quang Bình và xã Quảng Bình.") == \
        {"xã Quang Bình", "xã Quảng Bình"}
