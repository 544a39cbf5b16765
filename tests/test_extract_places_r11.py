"""Places, round eleven (issue #10): a centrally-run city named bare as a
venue, and lists of communes grouped by their districts. Every sentence is
written for the test; the places are real, the people invented."""
from __future__ import annotations

import datetime as dt

from kg.extract import extract
from kg.sources.articles import text_article


def places(text: str, published: dt.date = dt.date(2024, 5, 20)) -> dict[str, str | None]:
    out = extract(text_article(text, key="t", published=published)).to_json()
    return {p["name"]: p["parent"] for p in out["places"]}


def test_a_centrally_run_city_named_bare_as_a_venue_is_a_place():
    for text, city in (("Sáng 14/5, tại Hà Nội, Ban Bí thư họp phiên thường kỳ.", "thành phố Hà Nội"),
                       ("Ban Bí thư họp phiên thường kỳ sáng 14/5 tại Đà Nẵng.", "thành phố Đà Nẵng"),
                       ("Đoàn làm việc tại quận Ninh Kiều (Cần Thơ).", "thành phố Cần Thơ")):
        got = places("Họp\n" + text)
        assert city in got and got[city] is None, text
        assert not any(n.startswith("tỉnh ") for n in got), text


def test_a_name_that_is_no_province_after_tai_is_no_place():
    assert places("Họp\nSáng 14/5, tại Nhà Văn hóa, Ban Bí thư họp phiên thường kỳ.") == {}
