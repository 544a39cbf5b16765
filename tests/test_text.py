"""kg.text: the display form (normalize) and the key form (fold, slug)."""
import unicodedata

import pytest

from kg.text import collapse_spaces, fold, modern_tones, normalize, slug, unify_dashes, wraps_on


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


def test_normalize_composes_nfd():
    assert len(nfd("Tuyên giáo")) == 12
    assert normalize(nfd("Tuyên giáo")) == "Tuyên giáo"
    assert unicodedata.is_normalized("NFC", normalize(nfd("Ban Thường vụ Tỉnh ủy Lạng Sơn")))


@pytest.mark.parametrize("old, new", [
    ("Uỷ ban", "Ủy ban"), ("uỷ ban", "ủy ban"), ("Tỉnh uỷ", "Tỉnh ủy"), ("UỶ BAN", "ỦY BAN"),
    ("hoà", "hòa"), ("văn hoá", "văn hóa"), ("thuỷ lợi", "thủy lợi"), ("khoẻ", "khỏe"),
])
def test_normalize_moves_old_tones(old, new):
    assert normalize(old) == new
    assert normalize(nfd(old)) == new


@pytest.mark.parametrize("word", ["hoàng", "Hoàng", "quý", "Quý", "Quỳnh", "thuyền", "khoảng", "ủy", "hòa"])
def test_normalize_leaves_closed_and_modern_syllables(word):
    assert normalize(word) == word


def test_modern_tones_alone():
    assert modern_tones("Thuỷ và Hoà") == "Thủy và Hòa"


@pytest.mark.parametrize("text", ["oÀ", "Quỳ", "quỳ", "QUỲ", "hoàng", "Hoà1", "xoàix"])
def test_modern_tones_leaves_what_is_no_old_placement(text):
    # a capital tone after a small letter is no syllable's old placement; after
    # "q" the "u" is part of the consonant; a letter or digit after it goes on with the word
    assert modern_tones(text) == text


def test_modern_tones_at_the_edges_of_a_text():
    assert modern_tones("oà") == "òa" and modern_tones("Hoà-Thuỷ") == "Hòa-Thủy"


def test_normalize_lookalikes_and_spaces():
    assert normalize("567/QÐ-UBND") == "567/QĐ-UBND"          # Latin ETH
    assert normalize("Kế hoạch số\u00a012-KH/BTGTU") == "Kế hoạch số 12-KH/BTGTU"
    assert normalize("Tỉnh\u200b ủy\u200d\ufeff") == "Tỉnh ủy"
    assert normalize("20\u202f000") == "20 000"


def test_unify_dashes_and_spaces():
    assert unify_dashes("03 \u2013 KH\u2014BTGHU \u2212 1") == "03 - KH-BTGHU - 1"
    assert collapse_spaces("  a \n\t b  ") == "a b"


def test_fold_matches_nfc_nfd_and_ascii():
    assert fold("Trần Thị Lộc") == fold(nfd("Trần Thị Lộc")) == fold("tran thi loc") == "tran thi loc"
    assert fold("TRẦN  THỊ\u00a0LỘC") == "tran thi loc"


def test_fold_maps_d_with_stroke():
    # Đ has no decomposition: without the explicit map "Đảng" would fold to "đang".
    assert fold("Đảng ủy") == "dang uy"
    assert fold("đồng chí") == "dong chi"
    assert fold("\u00d0oàn") == "doan"


def test_slug():
    assert slug("Ban Tuyên giáo Tỉnh ủy Bắc Kạn") == "ban-tuyen-giao-tinh-uy-bac-kan"
    assert slug("91-KH/BTGTU") == "91-kh-btgtu"
    assert slug(nfd("Đắk Lắk")) == slug("Đắk Lắk") == "dak-lak"


@pytest.mark.parametrize(("before", "after", "wraps"), [
    ("Đoàn đã tổ chức kiểm", "tra kết quả", True),          # a word cut by the width
    ("Tại xã Hòa Bình,", "đoàn làm việc", True),           # a comma, then the clause goes on
    ("thời gian từ ngày", "07/11/2024", True),             # a word that wants its number
    ("Kết luận số", "21-KL/TW", True),
    ("Họp báo ngày 3", "17 giờ", False),                   # a number, but nothing wants it
    ("Đoàn kiểm tra số 2 làm việc.", "sau đó", False),     # a sentence ends
    ("Kiểm tra công tác bầu cử", "Ngày 12/4, đoàn", False),  # a headline, then a capital
    ("", "tra", False),
    ("kiểm", "", False),
])
def test_a_line_wraps_inside_a_sentence_only_where_the_sentence_goes_on(before, after, wraps):
    assert wraps_on(before, after) is wraps


def test_dates_are_found_where_a_scan_of_the_whole_text_finds_them():
    # dates_in tries DATE only where a run of digits starts: the same dates as a
    # full scan, however the range cuts the text and whatever numbers come first
    from kg.extract.normalise import DATE, dates_in, parse_date
    text = ("Ngày 12/3/2024, số 115-KH/TU; 3.5 tỷ đồng; từ 20-10 đến 2/11, ngày 7 tháng 8 năm 2023; "
            "mã 123/4567 và 9/9/99; 05 tháng 11, 31.12.2022")
    for begin in range(0, len(text), 7):
        for end in (None, len(text) - 5, begin + 30):
            full = [parse_date(m) for m in DATE.finditer(text, begin, len(text) if end is None else end)]
            assert dates_in(text, begin, end) == [d for d in full if d], (begin, end)


def test_an_article_offset_maps_to_the_working_text_and_back():
    from kg.extract.normalise import working_text
    original = "Ngày 2/5, UBND tỉnh và UBMTTQ huyện họp; Quyết định 12 - QĐ/TU được công bố."
    w = working_text(original)
    assert w.text != original          # expanded abbreviations and a canonical code move the offsets
    for word in ("Ngày", "tỉnh", "huyện", "Quyết", "công bố"):
        i = original.index(word)
        assert w.text[w.working_offset(i):].startswith(word)
        assert w.orig(w.working_offset(i)) == i


def test_a_dotted_abbreviation_against_a_word_expands_to_a_word_and_offsets_map_back():
    from kg.extract.normalise import working_text
    original = "Phường Long Toàn (TP.Bà Rịa) và TP. Vũng Tàu"
    w = working_text(original)
    assert w.text == "Phường Long Toàn (thành phố Bà Rịa) và thành phố Vũng Tàu"
    for word in ("Bà Rịa", "Vũng Tàu"):
        i = original.index(word)
        assert w.text[w.working_offset(i):].startswith(word)
        assert w.orig(w.working_offset(i)) == i


def test_the_working_text_finds_codes_brackets_and_abbreviations_where_a_full_scan_would():
    # they are looked for only where a match may start (a digit, a bracket, a capital):
    # the matches must be those of the combined pattern tried at every position
    from kg.extract.normalise import _combined, _combined_matches
    lines = ["Kế hoạch 12 - KH/TU, Nghị định 45/2020/NĐ-CP và Luật 3/2019/QH14 (số 7-KL/TW)",
             "UBND tỉnh  (UBND)\t(HĐND) huyện (abc) ( TP.HCM) x(TU)", "UV BTV Tỉnh ủy, Phó Ban Dân vận, Ủy viên Thường vụ",
             "P.Tân Định, Q.1, TX.Phú Mỹ; a/P.Tân, Trần P. Lộc, 2024/Q.3, số 5/KH-UBND ngày 2/5/2024"]
    for text in lines + [" ".join(lines), "\n".join(lines).upper(), "\n".join(lines).lower()]:
        assert [(m.span(), m.lastgroup) for m in _combined_matches(text)] == \
               [(m.span(), m.lastgroup) for m in _combined().finditer(text)], text
    assert all(list(_combined_matches(line)) for line in lines)


def test_codes_are_found_where_a_full_scan_finds_them():
    from kg.extract.documents import _re
    from kg.extract.normalise import code_matches
    text = ("12-KH/TU, 3/2019/QH14, 45/2020/NĐ-CP, 12 - KL/TW, 1/ĐA-BCĐ; a12-KH/TU, /12-KH/TU, 123456/QĐ-UBND, "
            "ngày 2/5/2024, 2024/ĐA, 7-kl/tw")
    for begin in (0, 1, 5, 40):
        assert [m.span() for m in code_matches(_re("mention"), text, begin)] == \
               [m.span() for m in _re("mention").finditer(text, begin)]
    assert len(list(code_matches(_re("mention"), text))) == 5      # the five before ";"

# --- the year and the directive of a story's activity ------------------------------------------------

def _event_dates(text: str) -> list[str | None]:
    from kg.extract import extract
    from kg.sources.articles import text_article
    return [e["date"] for e in extract(text_article(text, key="t")).to_json()["events"]]


def test_a_document_the_delegation_checks_dates_the_activity_only_if_issued_before_its_day():
    # a document is checked after its issue: "12/8" before "15/9/2016" is in a
    # later year, which the text does not give
    checked = ("Ngày 12/8, Đoàn kiểm tra của Ban Thường vụ Tỉnh ủy kiểm tra Ban Thường vụ Huyện ủy Yên Thế về "
               "việc thực hiện Chỉ thị 05-CT/TW ngày {} của Bộ Chính trị.")
    assert _event_dates(checked.format("15/9/2016")) == [None]
    assert _event_dates(checked.format("15/5/2016")) == ["2016-08-12"]
    told_apart = ("Đoàn kiểm tra của Ban Thường vụ Tỉnh ủy làm việc với Huyện ủy Yên Thế ngày 12/8. Nội dung là "
                  "việc thực hiện Kết luận 21-KL/TW, ngày 25/10/2021 và Chỉ thị 05-CT/TW ngày 15/5/2016.")
    assert _event_dates(told_apart) == [None]
    # the document the outing carries out, and a date the page gives, still date it
    carried_out = ("Thực hiện Kế hoạch số 12-KH/TU ngày 2/8/2023 của Ban Thường vụ Tỉnh ủy, ngày 12/8, Đoàn kiểm "
                   "tra số 2 kiểm tra Ban Thường vụ Huyện ủy Yên Thế về việc thực hiện Chỉ thị 05-CT/TW ngày "
                   "15/9/2016 của Bộ Chính trị.")
    assert _event_dates(carried_out) == ["2023-08-12"]
    assert _event_dates("Cập nhật 14/8/2023\n" + checked.format("15/9/2016")) == ["2023-08-12"]


def test_a_list_or_range_of_years_gives_the_activity_no_year():
    told = ("Ngày 20-5, Đoàn giám sát của Thường trực HĐND tỉnh giám sát Sở Tài chính về việc quản lý "
            "vốn sự nghiệp {}.")
    for period in ("trong 2 năm 2021, 2022", "năm 2021 và năm 2022", "năm 2021 - 2022"):
        assert _event_dates(told.format(period)) == [None], period
    assert _event_dates(told.format("trong năm 2022")) == ["2022-05-20"]


def test_a_month_or_quarter_with_its_year_names_the_year_as_the_year_word_does():
    told = ("Ngày 20-5, Đoàn giám sát của Thường trực HĐND tỉnh giám sát Sở Tài chính về việc quản lý "
            "vốn sự nghiệp {}.")
    for period in ("quý I-2022", "quý 1/2022", "tháng 4/2022", "tháng 4 - 2022", "tháng 4 năm 2022"):
        assert _event_dates(told.format(period)) == ["2022-05-20"], period
    assert _event_dates(told.format("từ tháng 4/2021 đến nay")) == [None]


def test_a_team_set_up_under_a_plan_carries_the_plan_out():
    from kg.extract import extract
    from kg.sources.articles import text_article
    told = ["Ngày 5/3/2026, đồng chí Lò Văn Páo, Phó Chủ tịch UBND tỉnh, Trưởng đoàn kiểm tra số 4 theo Kế hoạch "
            "số 31/KH-UBBC của Ủy ban bầu cử tỉnh đã kiểm tra công tác bầu cử tại xã Mường Toong.",
            "Ngày 5/3/2026, Tổ công tác số 4 theo Kế hoạch số 31/KH-UBBC của Ủy ban bầu cử tỉnh do đồng chí Lò Văn "
            "Páo làm tổ trưởng đã kiểm tra công tác bầu cử tại xã Mường Toong."]
    for text in told:
        events = extract(text_article(text, key="t")).to_json()["events"]
        assert [e["directive"] for e in events] == ["31/KH-UBBC"], text
    # a plan named after the outing is no longer the team's
    later = ("Ngày 5/3/2026, đồng chí Lò Văn Páo, Phó Chủ tịch UBND tỉnh, đã kiểm tra công tác bầu cử tại xã Mường "
             "Toong, nơi triển khai theo Kế hoạch số 31/KH-UBBC.")
    assert [e["directive"] for e in extract(text_article(later, key="t")).to_json()["events"]] == [None]
