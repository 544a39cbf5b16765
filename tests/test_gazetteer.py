"""The gazetteer, checked against facts of both eras of Vietnam's map."""
from __future__ import annotations

import datetime as dt
import importlib.util
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from kg.gazetteer import Gazetteer, gazetteer, name_key
from kg.model import UnitLevel
from kg.text import fold

REPO = Path(__file__).resolve().parent.parent
PRE, NEW = "pre2025", "2025"


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return gazetteer()


def one(g: Gazetteer, name: str, unit_type: str | None = None, *, era: str, within=None):
    found = g.find(name, unit_type, era=era, within=within)
    assert len(found) == 1, [u.full_name for u in found]
    return found[0]


def test_bac_kan_before_the_reform(g):
    province = one(g, "Bắc Kạn", "tỉnh", era=PRE)
    city = one(g, "thành phố Bắc Kạn", era=PRE)
    assert (city.level, g.parent(city)) == (UnitLevel.DISTRICT, province)
    song_cau = one(g, "phường Sông Cầu", era=PRE, within=city)
    duong_quang = one(g, "xã Dương Quang", era=PRE, within=province)
    assert g.parent(song_cau) == g.parent(duong_quang) == city
    assert g.province(song_cau) == province
    assert sorted(u.full_name for u in g.children(city)) == sorted([
        "phường Nguyễn Thị Minh Khai", "phường Sông Cầu", "phường Đức Xuân",
        "phường Phùng Chí Kiên", "phường Huyền Tụng", "phường Xuất Hóa",
        "xã Dương Quang", "xã Nông Thượng"])


def test_bac_kan_went_into_thai_nguyen(g):
    province = one(g, "Bắc Kạn", "tỉnh", era=PRE)
    assert [u.full_name for u in g.successors(province)] == ["tỉnh Thái Nguyên"]
    place = g.to_place(province)
    assert (place.name, place.era, place.code) == ("tỉnh Bắc Kạn", PRE, "06")
    assert place.successors == ["tỉnh Thái Nguyên"]
    assert place.valid_through == dt.date(2025, 6, 30)
    # The old city's communes all went into units of the new Thái Nguyên.
    city = one(g, "TP Bắc Kạn", era=PRE)
    for commune in g.children(city):
        for successor in g.successors(commune):
            assert g.province(successor).full_name == "tỉnh Thái Nguyên"


def test_the_2025_map(g):
    provinces = g.units(NEW, UnitLevel.PROVINCE)
    assert len(provinces) == 34
    assert Counter(u.unit_type for u in provinces) == {"tỉnh": 28, "thành phố": 6}
    assert g.units(NEW, UnitLevel.DISTRICT) == []
    communes = g.units(NEW, UnitLevel.COMMUNE)
    assert Counter(u.unit_type for u in communes) == {"xã": 2621, "phường": 687, "đặc khu": 13}
    assert all(g.parent(u).level == UnitLevel.PROVINCE for u in communes)
    place = g.to_place(one(g, "Thái Nguyên", "tỉnh", era=NEW))
    assert (place.valid_from, place.valid_through, place.successors) == (dt.date(2025, 7, 1), None, [])


def on_the_eve(units):
    """The units in force on 30 June 2025, without those that ended before."""
    return [u for u in units if u.valid_through in (None, dt.date(2025, 6, 30))]


def test_the_map_before_2025(g):
    assert len(g.units(PRE, UnitLevel.PROVINCE)) == 63
    assert len(on_the_eve(g.units(PRE, UnitLevel.DISTRICT))) == 696
    assert len(on_the_eve(g.units(PRE, UnitLevel.COMMUNE))) == 10035
    assert not [u for u in g.units(PRE) if u.unit_type == "đặc khu"]


def test_units_merged_away_before_2025_are_found_for_stories_of_their_time(g):
    # huyện Nông Sơn was merged away in the 2023-2024 round, huyện Thông Nông in 2020:
    # both are on the GSO lists of their time (history.csv), neither on the 2025 eve's
    for name, province, alive_on, ended_on in [
            ("huyện Nông Sơn", "tỉnh Quảng Nam", dt.date(2023, 5, 1), dt.date(2025, 3, 1)),
            ("huyện Thông Nông", "tỉnh Cao Bằng", dt.date(2019, 6, 1), dt.date(2022, 1, 1))]:
        unit = one(g, name, era=PRE)
        assert unit.level == UnitLevel.DISTRICT and g.province(unit).full_name == province
        assert unit.valid_through is not None and unit.valid_through < dt.date(2025, 6, 30)
        assert g.find(name, era=PRE, on=alive_on) == [unit]
        assert g.find(name, era=PRE, on=ended_on) == []
        assert g.find(name, era=PRE) == [unit]            # an undated search finds it
        assert unit not in on_the_eve(g.units(PRE))


def test_a_commune_merged_away_is_one_of_its_namesakes_only_in_its_time(g):
    # three communes called Yên Đĩnh; the one of Bắc Kạn ended with the 2020 mergers
    assert len(g.find("xã Yên Đĩnh", era=PRE, on=dt.date(2019, 3, 1))) == 3
    later = g.find("xã Yên Đĩnh", era=PRE, on=dt.date(2023, 3, 1))
    assert sorted(g.province(u).name for u in later) == ["Bắc Giang", "Hà Giang"]


def test_a_commune_is_within_the_district_it_lay_in_before_a_merger(g):
    # xã Thạch Kim lay in huyện Lộc Hà until that district was merged into Thạch Hà
    loc_ha, thach_ha = one(g, "huyện Lộc Hà", era=PRE), one(g, "huyện Thạch Hà", era=PRE)
    commune = one(g, "xã Thạch Kim", era=PRE)
    assert g.parent(commune) == thach_ha and loc_ha.code in commune.former_parent_codes
    assert g.find("Thạch Kim", era=PRE, within=loc_ha) == [commune]
    assert g.find("Thạch Kim", era=PRE, within=thach_ha) == [commune]
    assert not g.is_within(commune, one(g, "huyện Can Lộc", era=PRE))


@pytest.mark.parametrize("district, unit_type, province", [
    ("Trùng Khánh", "huyện", "Cao Bằng"),
    ("Văn Lãng", "huyện", "Lạng Sơn"),
    ("Vĩnh Châu", "thị xã", "Sóc Trăng"),
])
def test_districts(g, district, unit_type, province):
    found = one(g, f"{unit_type} {district}", era=PRE)
    assert found.level == UnitLevel.DISTRICT
    assert g.province(found).full_name == f"tỉnh {province}"


def test_dam_thuy_in_trung_khanh(g):
    dam_thuy = one(g, "Đàm Thủy", "xã", era=PRE)
    assert g.parent(dam_thuy).full_name == "huyện Trùng Khánh"
    assert g.province(dam_thuy).full_name == "tỉnh Cao Bằng"
    # Old-style tone placement in the query finds the modern spelling.
    assert g.find("xã Đàm Thuỷ", era=PRE) == [dam_thuy]


def test_kim_lien_in_nghe_an_2025(g):
    nghe_an = one(g, "Nghệ An", era=NEW)
    kim_lien = one(g, "Kim Liên", "xã", era=NEW, within=nghe_an)
    assert g.parent(kim_lien) == nghe_an
    assert g.to_place(kim_lien).parent == "tỉnh Nghệ An"
    # Ambiguous: phường Kim Liên (Hà Nội) and xã Kim Liên (Nghệ An).
    both = g.find("Kim Liên", era=NEW)
    assert sorted(g.province(u).name for u in both) == ["Hà Nội", "Nghệ An"]


def test_find_ignores_case_diacritics_and_normal_form(g):
    bac_kan = one(g, "Bắc Kạn", "tỉnh", era=PRE)
    expected = [one(g, "Sông Cầu", "phường", era=PRE, within=bac_kan)]
    for query in ("song cau", "SÔNG CẦU", unicodedata.normalize("NFD", "phường Sông Cầu"),
                  "P. Sông Cầu", "Phuong  Song Cau"):
        assert g.find(query, era=PRE, within=bac_kan) == expected, query
    # Elsewhere there are more: thị trấn Sông Cầu (Khánh Hòa), xã Sông Cầu, …
    assert len(g.find("Sông Cầu", era=PRE)) > 1
    assert one(g, unicodedata.normalize("NFD", "Đàm Thủy"), era=PRE).code == "01495"


def test_type_words_and_abbreviations(g):
    city = one(g, "thành phố Bắc Kạn", era=PRE)
    for query in ("TP Bắc Kạn", "TP. Bắc Kạn", "tp.Bắc Kạn", "Thành Phố Bắc Kạn"):
        assert g.find(query, era=PRE) == [city], query
    assert g.find("Bắc Kạn", "TP", era=PRE) == [city]
    assert {u.full_name for u in g.find("Bắc Kạn", era=PRE)} == {"tỉnh Bắc Kạn", "thành phố Bắc Kạn"}
    assert g.find("huyện Bắc Kạn", era=PRE) == []
    assert g.find("tỉnh Bắc Kạn", "huyện", era=PRE) == []
    # A name that merely starts like a type word ("Quan" ~ "quận") still matches.
    assert one(g, "Quan Hóa", "huyện", era=PRE).full_name == "huyện Quan Hóa"
    # Province-level thành phố.
    hcm = one(g, "TP Hồ Chí Minh", era=NEW)
    assert (hcm.level, hcm.code) == (UnitLevel.PROVINCE, "79")


def test_numbered_wards_keep_their_number(g):
    district_1 = one(g, "Quận 1", era=PRE)
    assert district_1.name == "1"
    wards = g.find("Phường 12", era=PRE)
    assert len(wards) > 5 and all(u.name == "12" and u.full_name == "phường 12" for u in wards)
    go_vap = one(g, "quận Gò Vấp", era=PRE)
    assert len(g.find("Phường 12", era=PRE, within=go_vap)) == 1


def test_era_for(g):
    assert g.era_for(dt.date(2022, 11, 25)) == PRE
    assert g.era_for(dt.date(2025, 6, 30)) == PRE
    assert g.era_for(dt.date(2025, 7, 1)) == NEW
    assert g.era_for(None) == NEW


def test_codes_are_per_era(g):
    # 00229 is phường Kim Liên in both maps; 06 exists only before 2025.
    assert g.by_code("00229", PRE).full_name == g.by_code("00229", NEW).full_name == "phường Kim Liên"
    assert g.by_code("06", NEW) is None
    with pytest.raises(ValueError):
        g.by_code("06", "2008")
    with pytest.raises(ValueError):
        g.find("Kim Liên", era=NEW, within=one(g, "Nghệ An", era=PRE))


def test_every_unit_is_consistent(g):
    for u in g.units(PRE) + g.units(NEW):
        assert u.name == unicodedata.normalize("NFC", u.name) and u.name.strip() == u.name
        assert name_key(u.name) == fold(u.name)
        if u.level != UnitLevel.PROVINCE:
            assert g.parent(u) is not None, u
        assert all(g.by_code(code, NEW) for code in u.successor_codes)
        assert all(g.by_code(code, u.era).level == g.parent(u).level for code in u.former_parent_codes)
        if u.era == PRE and u.level != UnitLevel.DISTRICT and u in on_the_eve([u]):
            assert u.successor_codes, u
    # Units left as they were in 2025 keep no end date (tỉnh Nghệ An).
    assert one(g, "Nghệ An", era=PRE).valid_through is None


@pytest.mark.skipif(importlib.util.find_spec("vietnamadminunits") is None,
                    reason="vietnamadminunits is not installed (build-time only)")
def test_shipped_data_equals_the_build(monkeypatch):
    spec = importlib.util.spec_from_file_location("build_gazetteer", REPO / "scripts" / "build_gazetteer.py")
    build = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the script runs
    monkeypatch.setitem(sys.modules, spec.name, build)
    spec.loader.exec_module(build)
    for name, content in build.render().items():
        shipped = (REPO / "data" / "gazetteer" / name).read_text(encoding="utf-8")
        assert shipped == content, f"data/gazetteer/{name} is stale: run scripts/build_gazetteer.py"


def test_children_are_the_units_under_a_unit_at_the_end_of_its_era(g):
    ha_tinh = one(g, "tỉnh Hà Tĩnh", era=PRE)
    districts = g.children(ha_tinh)
    assert one(g, "huyện Thạch Hà", era=PRE) in districts
    assert one(g, "huyện Lộc Hà", era=PRE) not in districts      # merged into Thạch Hà in 2024
    assert one(g, "huyện Lộc Hà", era=PRE) in g.units(PRE, UnitLevel.DISTRICT)
