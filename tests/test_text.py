"""kg.text: the display form (normalize) and the key form (fold, slug)."""
import unicodedata

import pytest

from kg.text import collapse_spaces, fold, modern_tones, normalize, slug, unify_dashes


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
