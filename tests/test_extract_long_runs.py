"""Reading a list of organs must stay linear in the length of the text: a
long run of capitalised words (a string of names with no comma, common in
photo captions and menus) once sent the list reader's pattern into
exponential backtracking and an article took hours."""
from __future__ import annotations

from kg.extract.events import _organs_end


def test_organs_named_before_the_units_they_belong_to_end_where_the_units_begin():
    text = ", Tỉnh ủy, HĐND, UBND, Trường Chính trị các tỉnh Hà Giang, Cao Bằng"
    assert text[:_organs_end(text, 0, len(text))] == ", Tỉnh ủy, HĐND, UBND, Trường Chính trị"


def test_a_long_run_of_capitalised_words_with_no_units_after_it_is_no_list_of_organs():
    words = "Hội Nông Dân Hội Phụ Nữ Hội Cựu Chiến Binh Đoàn Thanh Niên Thôn Đông Thôn Tây Thôn Nam".split()
    text = ", " + " ".join(words * 3) + " và bà con nhân dân"
    assert _organs_end(text, 0, len(text)) is None


def test_an_organ_that_runs_past_thirty_letters_without_a_capital_ends_the_run():
    text = ", Tỉnh ủy và các cơ quan đơn vị trực thuộc được giao các tỉnh Hà Giang, Cao Bằng"
    assert _organs_end(text, 0, len(text)) is None
