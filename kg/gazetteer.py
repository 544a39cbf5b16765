"""The administrative units of both eras of Vietnam's map, by GSO code and name.

Two eras: "pre2025", the map in force until 30 June 2025 (63 provinces,
districts, communes), and "2025", the two-tier map from 1 July 2025
(34 provinces and their communes, no district level). GSO codes were reused
in 2025, so a code only means something together with its era.

The data is ``data/gazetteer/units.csv`` (installed as ``kg/data/gazetteer``),
derived from the ``vietnamadminunits`` package by
``scripts/build_gazetteer.py``; see ``data/gazetteer/README.md``. The
pre2025 era also holds the districts and communes merged away in the
2019-2024 mergers, with the day they had ended by (GSO lists of those years).

    >>> g = gazetteer()
    >>> [u.full_name for u in g.find("TP. Bắc Kạn", era="pre2025")]
    ['thành phố Bắc Kạn']
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from kg.model import Place, UnitLevel
from kg.resources import data_path
from kg.tables import unit_types
from kg.text import fold

PRE2025 = "pre2025"
ERA_2025 = "2025"
ERAS = (PRE2025, ERA_2025)
REFORM_DAY = dt.date(2025, 7, 1)

# Abbreviations news writers use for type words, folded ("TP. Bắc Kạn",
# "TX Quảng Yên", "Q.1"). The full type words come from kg/tables/unit_types.csv.
ABBREVIATIONS = {
    "tp": "thành phố", "t.p": "thành phố", "tx": "thị xã", "t.x": "thị xã",
    "tt": "thị trấn", "t.t": "thị trấn", "q": "quận", "p": "phường", "h": "huyện", "x": "xã",
}


@dataclass(frozen=True)
class Unit:
    era: str                         # "pre2025" | "2025"
    code: str                        # GSO code, unique within its era
    unit_type: str                   # "phường"
    name: str                        # "Sông Cầu"; a numbered ward's name is its number, "12"
    level: UnitLevel
    parent_code: str | None
    successor_codes: tuple[str, ...]  # codes in the 2025 map (pre2025 units only)
    valid_from: dt.date | None = None
    valid_through: dt.date | None = None
    # the districts (same era) a commune lay in before the 2019-2024 mergers moved
    # it, from the GSO lists of those years (data/gazetteer/history.csv)
    former_parent_codes: tuple[str, ...] = ()

    @property
    def full_name(self) -> str:
        """The name with its type word: "phường Sông Cầu", "thành phố Hồ Chí Minh"."""
        return f"{self.unit_type} {self.name}"


@cache
def _fold_word(word: str) -> str:
    return fold(word)


def name_key(name: str) -> str:
    """``fold(name)``, computed a syllable at a time: the 14,000 names share
    about 2,000 syllables, and folding each once makes the index several
    times faster to build. Equal to ``fold`` because folding never joins or
    splits across white space."""
    return " ".join(_fold_word(word) for word in name.split())


def _type_words() -> dict[str, str]:
    """Folded type word or abbreviation -> the type word as written in the data."""
    words = {fold(vi): vi for vi in unit_types()}
    words.update(ABBREVIATIONS)
    return words


class Gazetteer:
    """All units of both eras; look-ups by code, name, parent and date."""

    def __init__(self, units: list[Unit]) -> None:
        self._by_code: dict[tuple[str, str], Unit] = {(u.era, u.code): u for u in units}
        self._type_words = _type_words()
        # "thành phố X" or "tp. X": a type word, an optional dot, then the name.
        # Longest first so that "thị xã" wins over a shorter reading.
        alternatives = "|".join(re.escape(w) for w in sorted(self._type_words, key=len, reverse=True))
        self._type_prefix = re.compile(rf"^({alternatives})(?:\.\s*|\s+)(?=\S)")

    @cached_property
    def _by_name(self) -> dict[tuple[str, str], list[Unit]]:
        # Built on the first find(), so that code look-ups never pay for it.
        index: dict[tuple[str, str], list[Unit]] = defaultdict(list)
        for u in self._by_code.values():
            index[u.era, name_key(u.name)].append(u)
        return index

    def __len__(self) -> int:
        return len(self._by_code)

    def units(self, era: str, level: UnitLevel | None = None) -> list[Unit]:
        """Every unit of an era (optionally of one level), by level, then code."""
        _check_era(era)
        return [u for (e, _), u in self._by_code.items()
                if e == era and (level is None or u.level == level)]

    def by_code(self, code: str, era: str) -> Unit | None:
        _check_era(era)
        return self._by_code.get((era, code.strip()))

    def parent(self, unit: Unit) -> Unit | None:
        return self._by_code[unit.era, unit.parent_code] if unit.parent_code else None

    def province(self, unit: Unit) -> Unit:
        while unit.parent_code:
            unit = self._by_code[unit.era, unit.parent_code]
        return unit

    def successors(self, unit: Unit) -> list[Unit]:
        return [self._by_code[ERA_2025, code] for code in unit.successor_codes]

    def children(self, unit: Unit) -> list[Unit]:
        """The units right under ``unit`` on the last day of its era: not
        those merged away earlier (2019-2024), which ``units`` lists too."""
        last_day = REFORM_DAY - dt.timedelta(days=1)
        return [u for (era, _), u in self._by_code.items()
                if era == unit.era and u.parent_code == unit.code
                and (u.valid_through is None or u.valid_through >= last_day)]

    def is_within(self, unit: Unit, ancestor: Unit) -> bool:
        """True if ``ancestor`` is above ``unit`` (a unit is not within itself),
        now or before a merger moved it ("xã Thạch Kim" is within huyện Lộc Hà,
        its district until 2024, and huyện Thạch Hà, which took it over)."""
        if unit.era != ancestor.era:
            return False
        if ancestor.code in unit.former_parent_codes:
            return True
        while unit.parent_code:
            unit = self._by_code[unit.era, unit.parent_code]
            if unit.code == ancestor.code:
                return True
        return False

    def find(self, name: str, unit_type: str | None = None, *, era: str,
             within: Unit | None = None, on: dt.date | None = None) -> list[Unit]:
        """The units of ``era`` called ``name``, in code order.

        Case and diacritics are ignored (the text is compared by ``kg.text.fold``,
        so NFD input works). The name may carry its type word or an abbreviation
        of it ("thành phố Bắc Kạn", "TP Bắc Kạn", "TP. Bắc Kạn"), which then
        restricts the type; ``unit_type`` restricts it too. A name that also
        reads without a type word ("Quan Hóa" is not "quận Hóa") is tried both
        ways. Several matches are all returned: the caller decides.
        ``within`` keeps only units below that unit (same era); ``on`` only
        units not yet ended on that day (a commune merged away in 2020 is
        found for a story of 2018, not for one of 2022).
        """
        _check_era(era)
        if within is not None and within.era != era:
            raise ValueError(f"within= is a {within.era} unit, the search is in {era}")
        wanted = self._type_words.get(fold(unit_type).rstrip(".")) if unit_type else None
        if unit_type and wanted is None:
            raise ValueError(f"unknown unit type {unit_type!r}")

        key = fold(name)
        readings: list[tuple[str, str | None]] = [(key, None)]
        prefix = self._type_prefix.match(key)
        if prefix:
            readings.append((key[prefix.end():], self._type_words[prefix.group(1)]))

        found: dict[str, Unit] = {}
        for bare, implied in readings:
            if wanted and implied and implied != wanted:
                continue
            required = wanted or implied
            for u in self._by_name.get((era, bare), ()):
                if required and u.unit_type != required:
                    continue
                if within is not None and not self.is_within(u, within):
                    continue
                if on is not None and u.valid_through is not None and u.valid_through < on:
                    continue
                found[u.code] = u
        return [found[code] for code in sorted(found)]

    @staticmethod
    def era_for(date: dt.date | None) -> str:
        """The map in force on ``date``: "pre2025" before 1 July 2025, else "2025".

        An undated mention is read against the current map ("2025"): sources
        without a date are current pages, and old articles carry their date.
        """
        return PRE2025 if date is not None and date < REFORM_DAY else ERA_2025

    def to_place(self, unit: Unit) -> Place:
        """The unit as a record of the model, names written with type words."""
        parent = self.parent(unit)
        return Place(
            name=unit.full_name,
            unit_type=unit.unit_type,
            level=unit.level,
            parent=parent.full_name if parent else None,
            code=unit.code,
            era=unit.era,
            valid_from=unit.valid_from,
            valid_through=unit.valid_through,
            successors=[s.full_name for s in self.successors(unit)],
        )


def _check_era(era: str) -> None:
    if era not in ERAS:
        raise ValueError(f"unknown era {era!r}: expected one of {ERAS}")


@cache
def _date(text: str) -> dt.date | None:
    # cached: the file holds a handful of distinct dates, parsed once each
    return dt.date.fromisoformat(text) if text else None


def load(path: Path | None = None) -> Gazetteer:
    levels = {level.value: level for level in UnitLevel}
    with (path or data_path("gazetteer", "units.csv")).open(encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        next(rows)   # era,level,code,unit_type,name,parent_code,successor_codes,valid_from,valid_through,former_parent_codes
        units = [Unit(era, code, unit_type, name, levels[level], parent or None,
                      tuple(successors.split()), _date(valid_from), _date(valid_through),
                      tuple(former.split()))
                 for era, level, code, unit_type, name, parent, successors, valid_from, valid_through, former
                 in rows]
    return Gazetteer(units)


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded on first use and shared."""
    return load()
