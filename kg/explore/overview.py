"""The country by level: who inspects whom, aggregated from the bodies of
each level (central, province, district, commune) to the targets of each
level (and officials), with counts, by year and kind; and per province, its
bodies with what they did and received, and its units.

Counting every activity by SPARQL aggregates took minutes on the national
benchmark graph, and even reading the activities takes seconds. So the
activities, units and bodies are read once, in one pass each, and
aggregated in memory (the store is read-only while the explorer runs):
every overview page is then a sum over a few thousand counters.
"""
from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field

from kg.explore import sparql
from kg.explore.entity import ACTIVITY_KINDS
from kg.explore.links import href
from kg.schema import entity_kind, schema

CENTRAL, OFFICIAL = "central", entity_kind("official").value
UNIT_LEVELS = {e.iri: e.value for e in schema().unit_levels}
PROVINCE = next(e.value for e in schema().unit_levels if e.value == "province")
LEVEL_LABELS = {CENTRAL: "Trung ương (central)",
                **{e.value: f"Cấp {e.vi.split(',')[0].lower()} ({e.en})" for e in schema().unit_levels},
                OFFICIAL: f"{entity_kind(OFFICIAL).vi} ({entity_kind(OFFICIAL).counted})"}
LEVEL_ORDER = list(LEVEL_LABELS)
# (shape, colour) of each level's node: the view's for a level of unit and
# an official; the central level in the colour the view gives a central
# standing committee, shaped as a level
LEVEL_STYLES = {CENTRAL: ("hexagon", "#7f0000"),
                **{e.value: (e.view.shape, e.view.colour) for e in schema().unit_levels},
                OFFICIAL: (entity_kind(OFFICIAL).view.shape, entity_kind(OFFICIAL).view.colour)}
# how far up a body's parents, or a unit's, are followed (the deepest chain is commune → central)
MAX_STEPS = 8


@dataclass
class Counts:
    """What the overview shows, counted once."""
    flows: Counter = field(default_factory=Counter)        # (kind, year, from, to, province) -> activities
    provinces: Counter = field(default_factory=Counter)    # (kind, year, province) -> activities
    done: Counter = field(default_factory=Counter)         # body -> activities it carried out
    received: Counter = field(default_factory=Counter)     # body or unit -> activities it received
    labels: dict[str, str] = field(default_factory=dict)
    body_unit: dict[str, str | None] = field(default_factory=dict)
    province_of: dict[str, str | None] = field(default_factory=dict)
    years: set = field(default_factory=set)
    kinds: set = field(default_factory=set)


def count(store) -> Counts:
    out = Counts()
    units = {r["unit"]: r for r in sparql.select(store, "overview-units") if r["level"] in UNIT_LEVELS}
    bodies = {r["body"]: r for r in sparql.select(store, "overview-bodies")}
    officials = {r["person"] for r in sparql.select(store, "officials")}
    out.labels = {iri: r["label"] or iri.rsplit("/", 1)[-1] for iri, r in (*units.items(), *bodies.items())}

    def unit_province(unit: str | None) -> str | None:
        for _ in range(MAX_STEPS):
            if unit is None or unit not in units:
                return None
            if UNIT_LEVELS[units[unit]["level"]] == PROVINCE:
                return unit
            unit = units[unit]["parent"]
        return None

    def body_unit(body: str) -> str | None:
        for _ in range(MAX_STEPS):
            row = bodies.get(body)
            if row is None:
                return None
            if row["unit"]:
                return row["unit"]
            body = row["parent"]
        return None

    for body in bodies:
        out.body_unit[body] = body_unit(body)
        out.province_of[body] = unit_province(out.body_unit[body])
    for unit in units:
        out.province_of[unit] = unit_province(unit)

    def level(node: str) -> str:
        if node in units:
            return UNIT_LEVELS[units[node]["level"]]
        if node in officials:
            return OFFICIAL
        unit = out.body_unit.get(node)
        return UNIT_LEVELS[units[unit]["level"]] if unit in units else CENTRAL

    seen_flow, seen_province, seen_done, seen_received = set(), set(), set(), set()
    for r in sparql.select(store, "overview-activities"):
        kind = ACTIVITY_KINDS.get(r["class"])
        if kind is None:
            continue
        year = int(r["date"][:4]) if r["date"] else None
        out.years.add(year)
        out.kinds.add(kind)
        activity, inspector, target = r["activity"], r["inspector"], r["target"]
        province = out.province_of.get(target)
        flow = (kind, year, level(inspector), level(target), province)
        if (activity, flow) not in seen_flow:
            seen_flow.add((activity, flow))
            out.flows[flow] += 1
        if province and (activity, province) not in seen_province:
            seen_province.add((activity, province))
            out.provinces[(kind, year, province)] += 1
        if activity not in seen_done:
            seen_done.add(activity)
            out.done[inspector] += 1
        if (activity, target) not in seen_received:
            seen_received.add((activity, target))
            out.received[target] += 1
    out.years.discard(None)
    return out


class Overview:
    """The counts, made on first use (or by a warm-up at start) and kept."""

    def __init__(self, store):
        self.store = store
        self._lock = threading.Lock()
        self._counts: Counts | None = None

    @property
    def counts(self) -> Counts:
        with self._lock:
            if self._counts is None:
                self._counts = count(self.store)
            return self._counts

    def years_and_kinds(self) -> tuple[list[int], list[str]]:
        return sorted(self.counts.years), sorted(self.counts.kinds)

    def flows(self, year: int | None, kind: str | None, province: str | None = None) -> list[dict]:
        """Edges between levels with their counts, for the chosen year, kind and province."""
        total: Counter[tuple[str, str]] = Counter()
        for (k, y, source, target, p), n in self.counts.flows.items():
            if (year is None or y == year) and (kind is None or k == kind) and (province is None or p == province):
                total[(source, target)] += n
        order = {key: i for i, key in enumerate(LEVEL_ORDER)}
        return [{"from": a, "to": b, "n": n, "fromLabel": LEVEL_LABELS[a], "toLabel": LEVEL_LABELS[b]}
                for (a, b), n in sorted(total.items(), key=lambda kv: (order[kv[0][0]], order[kv[0][1]]))]

    def provinces(self, year: int | None, kind: str | None) -> list[dict]:
        counts = self.counts
        total: Counter[str] = Counter({p: 0 for p, level in counts.province_of.items() if p == level})
        for (k, y, p), n in counts.provinces.items():
            if (year is None or y == year) and (kind is None or k == kind):
                total[p] += n
        return [{"iri": p, "label": counts.labels.get(p, p), "n": n, "href": href(p)}
                for p, n in sorted(total.items(), key=lambda kv: (-kv[1], counts.labels.get(kv[0], kv[0])))]

    def bodies_in(self, province: str, limit: int = 300) -> list[dict]:
        """The province's bodies, the most active first, with what they did and received."""
        counts = self.counts
        found = [b for b, p in counts.province_of.items() if p == province and b in counts.body_unit]
        found.sort(key=lambda b: (-(counts.done[b] + counts.received[b]), counts.labels[b]))
        return [{"href": href(b), "label": counts.labels[b], "done": counts.done[b], "received": counts.received[b],
                 "unit": counts.labels.get(counts.body_unit[b]) if counts.body_unit[b] else None,
                 "unitHref": href(counts.body_unit[b]) if counts.body_unit[b] else None}
                for b in found[:limit]]
