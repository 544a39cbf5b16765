"""Regenerate the administrative-unit gazetteer in ``data/gazetteer/``.

The units of both eras of Vietnam's map, the one in force until 30 June 2025
("pre2025": 63 provinces, districts, communes) and the one from 1 July 2025
("2025": 34 provinces, communes, no district level), are derived from the
``vietnamadminunits`` package (MIT, Tran Ngoc Minh Hieu). The package is only
needed to run this script, never at run time: ``kg.gazetteer`` reads the CSV.

Run from the repository root::

    pip install vietnamadminunits==1.0.4
    python scripts/build_gazetteer.py

It writes ``data/gazetteer/units.csv`` and
``data/gazetteer/LICENSE-vietnamadminunits.txt``; the output is deterministic,
and ``tests/test_gazetteer.py`` checks that the shipped files equal it.

The package's map is the one of 2025, so units merged away in the 2019-2024
mergers are not on it. ``data/gazetteer/history.csv`` adds them, and the
districts that communes still on the map lay in before: the GSO lists of
2020, 2021 and 2023 as the ``vietnam-provinces`` package shipped them, read
from its wheels (nothing is installed) and compared with the 2025 map::

    pip download --no-deps -d wheels vietnam-provinces==0.2 vietnam-provinces==0.3.0 \
        vietnam-provinces==0.5.0 vietnam-provinces==0.5.8
    python scripts/build_gazetteer.py --history wheels/*.whl

What is taken from where in the package:

* ``data/dataset.db``, table ``admin_units_legacy``: the pre2025 units, one row
  per commune (or per district without communes), with GSO codes.
* table ``admin_units``: the 2025 units.
* ``data/converter_2025.json``: which old units became which new ones, keyed by
  the package's ASCII keys (``tinhbackan_thanhphobackan_phuongsongcau``).

Type and proper name are split from the *full* name ("Phường Sông Cầu"), not
taken from the package's ``*Type``/``*Short`` columns: those carry
disambiguation suffixes ("Yên Viên (Thị trấn)") and a few wrong types (quận
Phú Nhuận's "Phường 5" typed as a xã; four 2025 units with xã and phường
swapped), while the full names agree with the official lists.
"""
from __future__ import annotations

import csv
import datetime as dt
import importlib.metadata
import importlib.util
import io
import json
import os
import sqlite3
import sys
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:   # run as a plain script from a checkout
    sys.path.insert(0, str(REPO))

from kg.tables import unit_types  # noqa: E402
from kg.text import collapse_spaces, fold, normalize  # noqa: E402

PACKAGE = "vietnamadminunits"
VERSION = "1.0.4"
OUT_DIR = REPO / "data" / "gazetteer"
UNITS_FILE = "units.csv"
LICENSE_FILE = "LICENSE-vietnamadminunits.txt"

COLUMNS = ["era", "level", "code", "unit_type", "name", "parent_code",
           "successor_codes", "valid_from", "valid_through", "former_parent_codes"]
HISTORY_FILE = "history.csv"
HISTORY_COLUMNS = ["level", "code", "unit_type", "name", "parent_code", "listed_on", "gone_by"]
ERA_ORDER = {"pre2025": 0, "2025": 1}
LEVEL_ORDER = {"province": 0, "district": 1, "commune": 2}
REFORM_EVE = "2025-06-30"
REFORM_DAY = "2025-07-01"

# Longest first, so that "thị xã" is not read as "thị" + "xã …".
TYPE_WORDS = sorted(unit_types(), key=len, reverse=True)


@dataclass
class Row:
    era: str
    level: str
    code: str
    unit_type: str
    name: str
    parent_code: str = ""
    successors: set[str] = field(default_factory=set)
    valid_from: str = ""
    valid_through: str = ""
    former_parents: set[str] = field(default_factory=set)

    def sort_key(self) -> tuple[int, int, str]:
        return ERA_ORDER[self.era], LEVEL_ORDER[self.level], self.code


def split_full_name(full: str) -> tuple[str, str]:
    """``"Thành Phố Bắc Kạn"`` -> ``("thành phố", "Bắc Kạn")``; ``"Phường 12"`` -> ``("phường", "12")``."""
    text = collapse_spaces(normalize(full))
    lowered = text.lower()
    for word in TYPE_WORDS:
        if lowered.startswith(word + " "):
            return word, text[len(word) + 1:]
    raise ValueError(f"no type word in {full!r}")


def package_dir() -> Path:
    """The installed package's folder, found without importing it (its
    ``__init__`` pulls in geopy and shapely, which the build does not need)."""
    installed = importlib.metadata.version(PACKAGE)
    if installed != VERSION:
        raise SystemExit(f"{PACKAGE} {installed} is installed; this build expects {VERSION}")
    spec = importlib.util.find_spec(PACKAGE)
    assert spec is not None and spec.submodule_search_locations
    return Path(spec.submodule_search_locations[0])


def build_rows(pkg: Path) -> list[Row]:
    db = sqlite3.connect(f"file:{pkg / 'data' / 'dataset.db'}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    legacy = db.execute("SELECT * FROM admin_units_legacy").fetchall()
    current = db.execute("SELECT * FROM admin_units").fetchall()
    db.close()
    converter = json.loads((pkg / "data" / "converter_2025.json").read_text(encoding="utf-8"))

    units: dict[tuple[str, str], Row] = {}

    def add(row: Row) -> None:
        key = (row.era, row.code)
        if key in units:
            if (units[key].name, units[key].parent_code) != (row.name, row.parent_code):
                raise ValueError(f"code {key} names two units")
            return
        units[key] = row

    # --- the 2025 map
    new_by_key: dict[tuple[str, str], str] = {}          # (province key, ward key) -> code
    new_province_by_key: dict[str, str] = {}
    for r in current:
        add(Row("2025", "province", r["provinceCode"], *split_full_name(r["province"]),
                valid_from=REFORM_DAY))
        add(Row("2025", "commune", r["wardCode"], *split_full_name(r["ward"]),
                parent_code=r["provinceCode"], valid_from=REFORM_DAY))
        new_by_key[r["provinceKey"], r["wardKey"]] = r["wardCode"]
        new_province_by_key[r["provinceKey"]] = r["provinceCode"]

    # --- the pre2025 map
    old_by_key: dict[str, tuple[str, str]] = {}          # converter key -> (district code, ward code)
    old_province_by_key: dict[str, str] = {}
    for r in legacy:
        add(Row("pre2025", "province", r["provinceCode"], *split_full_name(r["province"])))
        add(Row("pre2025", "district", r["districtCode"], *split_full_name(r["district"]),
                parent_code=r["provinceCode"]))
        if r["wardCode"]:   # island districts (Bạch Long Vĩ, Cồn Cỏ, …) had no communes
            add(Row("pre2025", "commune", r["wardCode"], *split_full_name(r["ward"]),
                    parent_code=r["districtCode"]))
        old_by_key[f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey'] or ''}"] = (
            r["districtCode"], r["wardCode"] or "")
        old_province_by_key[r["provinceKey"]] = r["provinceCode"]

    # --- successors. The converter lists, per new commune, the old communes
    # merged whole into it, and separately the old communes split between
    # several new ones; an old commune's successors are the union of both.
    # A ward-less island district appears with an empty commune part and its
    # successor is the special zone (đặc khu) that replaced it.
    def old_unit(old_key: str) -> Row:
        district, ward = old_by_key[old_key]
        return units["pre2025", ward or district]

    for new_province, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, old_keys in wards.items():
            for old_key in old_keys:
                old_unit(old_key).successors.add(new_by_key[new_province, new_ward])
    for new_province, splits in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, new_wards in splits.items():
            for new_ward in new_wards:
                old_unit(old_key).successors.add(new_by_key[new_province, new_ward["newWardKey"]])
    for new_province, old_provinces in converter["DICT_PROVINCE"].items():
        for old_province in old_provinces:
            units["pre2025", old_province_by_key[old_province]].successors.add(
                new_province_by_key[new_province])

    # Districts were abolished. A district still has successors where the new
    # units that took its communes were made of nothing else, so that together
    # they cover exactly its territory (Phú Quốc -> đặc khu Phú Quốc and
    # đặc khu Thổ Châu; quận Ngũ Hành Sơn -> phường Ngũ Hành Sơn).
    communes_of: dict[str, list[Row]] = defaultdict(list)
    for row in units.values():
        if row.era == "pre2025" and row.level == "commune":
            communes_of[row.parent_code].append(row)
    sources: dict[str, set[str]] = defaultdict(set)      # new code -> old districts
    for row in units.values():
        if row.era == "pre2025" and row.level != "province":
            district = row.parent_code if row.level == "commune" else row.code
            for code in row.successors:
                sources[code].add(district)
    for row in units.values():
        if row.era == "pre2025" and row.level == "district" and not row.successors:
            taken = set().union(*(c.successors for c in communes_of[row.code]))
            if taken and all(sources[code] == {row.code} for code in taken):
                row.successors = taken

    missing = [r.code for r in units.values()
               if r.era == "pre2025" and r.level != "district" and not r.successors]
    if missing:
        raise ValueError(f"pre2025 units without a 2025 successor: {missing[:10]}")

    # A pre2025 unit ends on 30 June 2025 unless it passed into the new map
    # unchanged: one successor, of the same type and name, with no other
    # predecessor (tỉnh Nghệ An; the few communes left as they were).
    predecessors: dict[str, int] = defaultdict(int)
    for row in units.values():
        if row.era == "pre2025" and row.level != "district":
            for code in row.successors:
                predecessors[code] += 1
    for row in units.values():
        if row.era != "pre2025":
            continue
        successor = units["2025", next(iter(row.successors))] if len(row.successors) == 1 else None
        unchanged = (row.level != "district" and successor is not None
                     and predecessors[successor.code] == 1
                     and (successor.unit_type, successor.name) == (row.unit_type, row.name))
        row.valid_through = "" if unchanged else REFORM_EVE

    return sorted(units.values(), key=Row.sort_key)


# --- history: the GSO lists of earlier years -----------------------------------

# The date of the GSO list each ``vietnam-provinces`` release was made from (its
# ``__data_version__``, or for releases without one the export its README names).
HISTORY_LISTS = {"0.2": "2020-02-25", "0.3.0": "2021-02-03", "0.5.0": "2023-05-07", "0.5.8": "2025-01-04"}


@dataclass(frozen=True)
class Listing:
    level: str
    code: str
    unit_type: str
    name: str
    parent_code: str


def _listing(level: str, code: int, full: str, parent: int) -> Listing:
    unit_type, name = split_full_name(full)
    if name.isdigit():      # "Phường 06" is phường 6, as on the 2025 map
        name = str(int(name))
    digits, parent_digits = (3, 2) if level == "district" else (5, 3)     # GSO codes' widths
    return Listing(level, f"{code:0{digits}d}", unit_type, name, f"{parent:0{parent_digits}d}")


def read_list(wheel: Path) -> tuple[str, dict[str, Listing]]:
    """The date of a ``vietnam-provinces`` wheel's GSO list, and its districts
    and communes by code."""
    version = wheel.name.split("-")[1]
    if version not in HISTORY_LISTS:
        raise SystemExit(f"{wheel.name}: no known list date for vietnam-provinces {version}")
    with zipfile.ZipFile(wheel) as z:
        flat = json.loads(z.read("vietnam_provinces/data/flat-divisions.json"))
    units: dict[str, Listing] = {}
    for r in flat:
        d = _listing("district", r["district_code"], r["district_name"], r["province_code"])
        units[d.code] = d
        if r.get("ward_code"):
            c = _listing("commune", r["ward_code"], r["ward_name"], r["district_code"])
            units[c.code] = c
    return HISTORY_LISTS[version], units


def history_rows(wheels: list[Path], map_rows: list[Row]) -> list[list[str]]:
    """What the earlier lists say that the 2025 eve's map does not: units that
    ended before it (no later list nor the map has their code), and districts
    that units still on the map lay in before. Each as the last list that shows
    it (``listed_on``) and the date of the next, which no longer does
    (``gone_by``; empty when the last list still does). A unit that ended while
    one of its type and name lived on under the same parent (a commune merged
    into a new one that took its name) adds nothing: the name still finds it."""
    lists = sorted(read_list(w) for w in wheels)
    on_map = {r.code: r for r in map_rows if r.era == "pre2025" and r.level != "province"}
    alive = {(r.parent_code, r.unit_type, fold(r.name)): r.code for r in on_map.values()}
    living_on: dict[str, str] = {}      # code of a unit that ended -> the code its name lives on in
    out: dict[tuple[str, str], Listing] = {}
    dates: dict[tuple[str, str], tuple[str, str]] = {}
    for i, (date, units) in enumerate(lists):
        later = lists[i + 1:]
        gone_by = later[0][0] if later else ""
        for u in units.values():
            if u.code in on_map:
                following = later[0][1].get(u.code) if later else None
                if u.parent_code == on_map[u.code].parent_code \
                        or (following is not None and following.parent_code == u.parent_code):
                    continue
            elif any(u.code in units_then for _, units_then in later) or not gone_by:
                continue
            elif (u.parent_code, u.unit_type, fold(u.name)) in alive:
                living_on[u.code] = alive[u.parent_code, u.unit_type, fold(u.name)]
                continue
            out[u.level, u.code] = u
            dates[u.level, u.code] = (date, gone_by)
    # the parent of a unit that ended under a district whose name lives on is that district
    return [[u.level, u.code, u.unit_type, u.name, living_on.get(u.parent_code, u.parent_code), *dates[k]]
            for k, u in sorted(out.items(), key=lambda kv: (LEVEL_ORDER[kv[0][0]], kv[0][1]))]


def render_history(rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HISTORY_COLUMNS)
    writer.writerows(rows)
    return out.getvalue()


def add_history(rows: list[Row], history: Path) -> list[Row]:
    """The map's rows with history.csv's: an ended unit as a pre2025 row of its
    own, valid through the day before the first list without it; a district a
    unit on the map lay in before as one of its ``former_parent_codes``."""
    by_code = {r.code: r for r in rows if r.era == "pre2025"}
    ended: list[Row] = []
    with history.open(encoding="utf-8", newline="") as f:
        for h in csv.DictReader(f):
            unit = by_code.get(h["code"])
            if unit is not None:
                unit.former_parents.add(h["parent_code"])
                continue
            if h["parent_code"] not in by_code:
                raise ValueError(f"history.csv: {h['code']}'s parent {h['parent_code']} is unknown")
            gone_by = dt.date.fromisoformat(h["gone_by"])
            row = Row("pre2025", h["level"], h["code"], h["unit_type"], h["name"], h["parent_code"],
                      valid_through=(gone_by - dt.timedelta(days=1)).isoformat())
            by_code[row.code] = row
            ended.append(row)
    return sorted(rows + ended, key=Row.sort_key)


def render_units(rows: list[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in rows:
        writer.writerow([r.era, r.level, r.code, r.unit_type, r.name, r.parent_code,
                         " ".join(sorted(r.successors)), r.valid_from, r.valid_through,
                         " ".join(sorted(r.former_parents))])
    return out.getvalue()


def render_license() -> str:
    text = importlib.metadata.distribution(PACKAGE).read_text("licenses/LICENSE")
    if not text:
        raise SystemExit(f"{PACKAGE} ships no licenses/LICENSE")
    return (f"{UNITS_FILE} in this folder is derived from {PACKAGE} {VERSION}\n"
            f"(https://github.com/tranngocminhhieu/vietnamadminunits), "
            f"distributed under this licence:\n\n{text.rstrip()}\n")


def render() -> dict[str, str]:
    """File name -> content of every generated file."""
    rows = add_history(build_rows(package_dir()), OUT_DIR / HISTORY_FILE)
    return {UNITS_FILE: render_units(rows), LICENSE_FILE: render_license()}


def write(name: str, content: str) -> None:
    """Write a generated file whole or not at all: a build stopped halfway
    leaves the shipped file as it was."""
    path = OUT_DIR / name
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(content, encoding="utf-8", newline="")
    os.replace(tmp, path)
    print(f"wrote {path}")


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    if sys.argv[1:2] == ["--history"]:
        # history.csv from the earlier lists, compared with the map as the package gives it
        write(HISTORY_FILE, render_history(history_rows([Path(w) for w in sys.argv[2:]], build_rows(package_dir()))))
        return
    for name, content in render().items():
        write(name, content)


if __name__ == "__main__":
    main()
