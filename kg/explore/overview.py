"""The country by level: who inspects whom, aggregated from the bodies of
each level (central, province, district, commune) to the targets of each
level, with counts, by year and kind; and per province, its bodies and units.

The counts are aggregates over every activity, so each is read once and kept
(the store is read-only while the explorer runs); filtering by year and kind
is then a sum over a few hundred rows.
"""
from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass

import pyoxigraph as ox

from kg.explore import sparql
from kg.explore.entity import ACTIVITY_KINDS
from kg.explore.links import href
from kg.schema import schema
from kg.vocab import PREFIXES

# level class -> (key, Vietnamese and English label), from the top down: central bodies
# serve no unit; the others take their level from the schema's unit levels
LEVELS = {None: ("central", "Trung ương (central)"),
          **{e.iri: (e.value, f"Cấp {e.vi.split(',')[0].lower()} ({e.en})") for e in schema().unit_levels},
          PREFIXES["party"] + "Official": ("official", "Cán bộ (officials)")}
LEVEL_ORDER = [key for key, _ in LEVELS.values()]
LEVEL_LABELS = dict(LEVELS.values())


@dataclass(frozen=True)
class Count:
    kind: str
    year: int | None
    source: str
    target: str
    n: int


def _counts(rows: list[dict]) -> list[Count]:
    return [Count(ACTIVITY_KINDS[r["class"]], int(r["year"]) if r["year"] else None, LEVELS[r["fromLevel"]][0],
                  LEVELS[r["toLevel"]][0] if r["toLevel"] in LEVELS else "central", int(r["n"])) for r in rows]


def flows(counts: list[Count], year: int | None, kind: str | None) -> list[dict]:
    """Edges between levels with their counts, for the chosen year and kind."""
    total: Counter[tuple[str, str]] = Counter()
    for c in counts:
        if (year is None or c.year == year) and (kind is None or c.kind == kind):
            total[(c.source, c.target)] += c.n
    order = {key: i for i, key in enumerate(LEVEL_ORDER)}
    return [{"from": a, "to": b, "n": n, "fromLabel": LEVEL_LABELS[a], "toLabel": LEVEL_LABELS[b]}
            for (a, b), n in sorted(total.items(), key=lambda kv: (order[kv[0][0]], order[kv[0][1]]))]


class Overview:
    """The aggregates, read on first use and kept."""

    def __init__(self, store):
        self.store = store
        self._lock = threading.Lock()
        self._levels: list[Count] | None = None
        self._provinces: list[dict] | None = None
        self._in_province: dict[str, list[Count]] = {}

    def levels(self) -> list[Count]:
        with self._lock:
            if self._levels is None:
                self._levels = _counts(sparql.select(self.store, "overview-levels"))
            return self._levels

    def province_rows(self) -> list[dict]:
        with self._lock:
            if self._provinces is None:
                self._provinces = sparql.select(self.store, "overview-provinces")
            return self._provinces

    def years_and_kinds(self) -> tuple[list[int], list[str]]:
        counts = self.levels()
        return sorted({c.year for c in counts if c.year}), sorted({c.kind for c in counts})

    def provinces(self, year: int | None, kind: str | None) -> list[dict]:
        total: Counter[str] = Counter()
        labels = {}
        for r in self.province_rows():
            labels[r["province"]] = r["label"] or r["province"].rsplit("/", 1)[-1]
            if (year is None or (r["year"] and int(r["year"]) == year)) and \
                    (kind is None or ACTIVITY_KINDS[r["class"]] == kind):
                total[r["province"]] += int(r["n"])
        return [{"iri": iri, "label": labels[iri], "n": total[iri], "href": href(iri)}
                for iri in sorted(labels, key=lambda i: (-total[i], labels[i]))]

    def in_province(self, province: str) -> list[Count]:
        with self._lock:
            if province not in self._in_province:
                self._in_province[province] = _counts(sparql.select(
                    self.store, "overview-levels-in-province", province=ox.NamedNode(province)))
            return self._in_province[province]


def province_bodies(store, province: str) -> list[dict]:
    """The province's bodies, the most active first, with counts done and received."""
    bodies: dict[str, dict] = {}
    for r in sparql.select(store, "province-bodies", province=ox.NamedNode(province)):
        item = bodies.setdefault(r["body"], {"href": href(r["body"]), "label": r["label"] or r["body"],
                                             "unit": r["unitLabel"], "unitHref": href(r["unit"]),
                                             "done": 0, "received": 0})
        if r["direction"]:
            item[r["direction"]] = int(r["n"])
    return sorted(bodies.values(), key=lambda b: (-(b["done"] + b["received"]), b["label"]))
