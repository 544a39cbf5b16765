"""Bodies and titles the rules had not read (issue #10, round 11): the standing
organ of a board named by its task, a ministry a minister's title names without
its "Bộ", the deputy head "on duty". Every sentence is written for the test;
names are invented."""
from __future__ import annotations

from kg.extract import extract
from kg.extract.bodies import parse_body
from kg.sources.articles import text_article


def posts(text: str) -> dict[str, list[str]]:
    return {p["name"]: p["posts"] for p in extract(text_article(text, key="t")).to_json()["persons"]}


def test_the_standing_organ_of_a_task_board_is_the_board_s_as_of_a_council():
    board = "Ban Chỉ đạo phòng, chống lãng phí, tiêu cực tỉnh Yên Bái"
    for organ in ("Thường trực", "Ban Thường trực"):
        ref = parse_body(f"{organ} {board} làm việc với Sở Xây dựng.", 0)
        assert ref is not None and ref.complete
        assert ref.canonical() == f"{organ} {board}"
    # the board alone stays the board
    assert parse_body(f"{board} họp phiên thứ ba.", 0).canonical() == board
    # a standing organ of nothing the rules know is still incomplete
    assert not parse_body("Thường trực đã họp sáng nay.", 0).complete


def test_a_minister_s_ministry_may_be_named_without_its_word_for_ministry():
    told = [
        "Đoàn do Phó Thủ tướng Chính phủ, Bộ trưởng Ngoại giao Hà Văn Lộc dẫn đầu đã thăm tỉnh.",
        "Đoàn do Phó Thủ tướng Chính phủ, Bộ trưởng Bộ Ngoại giao Hà Văn Lộc dẫn đầu đã thăm tỉnh.",
        "Phó Thủ tướng Chính phủ, Bộ trưởng Ngoại giao Hà Văn Lộc đã thăm tỉnh.",
    ]
    for text in told:
        assert posts(text) == {"Hà Văn Lộc": ["Phó Thủ tướng Chính phủ", "Bộ trưởng Bộ Ngoại giao"]}, text
    assert posts("Ông Đào Minh Quý, Thứ trưởng Tài chính, phát biểu.") == {
        "Đào Minh Quý": ["Thứ trưởng Bộ Tài chính"]}
    # a word that names no ministry gives no post
    assert posts("Ông Đào Minh Quý, Thứ trưởng Vận động, phát biểu.").get("Đào Minh Quý", []) == []


def test_the_deputy_head_on_duty_is_a_post_of_its_own():
    out = posts("Bà Kiều Thị Lan, Phó Trưởng ban trực Ban Dân vận Tỉnh ủy Yên Bái, phát biểu.")
    assert out == {"Kiều Thị Lan": ["Phó Trưởng ban trực Ban Dân vận Tỉnh ủy Yên Bái"]}
