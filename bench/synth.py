"""A synthetic national graph: Vietnam's 34 provinces and ~3,300 communes on
the 2025 map, their party committees, agencies and state bodies, the officials
who hold posts in them, the documents they issue and the oversight they carry
out. Deterministic: the same seed and scale give the same records and triples.

At ``--scale 1.0`` it makes about 150k officials, 250k memberships, 30k
documents and 100k activities. The scale shrinks the communes of each province
and the province-level bodies alike (every province is always there).

    python bench/synth.py --scale 1.0 --out bench/out/national.nq
    python bench/synth.py --scale 0.01 --out bench/out/small.nq --records bench/out/small.jsonl

Sources: one per province (its places, bodies, officials, memberships, local
documents and activities) and one national source (central bodies and their
documents). Each source is one named graph of the N-Quads file, named by
``kg.identity.source_iri`` of its key, as the loader names a source's graph.

With ``--overlap SHARE`` (0 by default) facts are stated by several sources,
as news repeat each other: each province's press (``synth:press:<code>``,
and ``synth:press:central`` for the national source) states again that share
of the source's memberships, documents and activities, drawn at random, with
the places, bodies and officials they name, so that the same facts (same
IRIs, same values) appear in two named graphs.

    python bench/synth.py --scale 0.01 --overlap 0.2 --out bench/out/small-overlap.nq
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator
from enum import Enum
from pathlib import Path

import pyoxigraph as ox

from kg import identity, tables
from kg.gazetteer import ERA_2025, Gazetteer, Unit, gazetteer
from kg.model import (
    Activity, ActivityKind, Document, DocumentLink, Membership, Official, Organisation, OrgKind,
    Records, Relation, Source, SourceKind, UnitLevel, YearMonth, format_date,
)
from kg.rdf import records_to_triples
from kg.text import fold

DEFAULT_SEED = 2025

# --- names --------------------------------------------------------------------

# Surname shares of the population (approximate, from published surveys); the
# remaining surnames of kg/tables/surnames.csv share what is left evenly.
SURNAME_WEIGHTS = {
    "Nguyễn": 38.0, "Trần": 11.0, "Lê": 9.5, "Phạm": 7.1, "Hoàng": 5.1, "Huỳnh": 4.0,
    "Phan": 4.5, "Vũ": 3.9, "Võ": 3.0, "Đặng": 2.1, "Bùi": 2.0, "Đỗ": 1.4, "Hồ": 1.3,
    "Ngô": 1.3, "Dương": 1.0, "Lý": 0.5,
}
MALE_MIDDLES = ["Văn", "Đức", "Hữu", "Đình", "Công", "Quốc", "Xuân", "Minh", "Thanh",
                "Trọng", "Quang", "Duy", "Mạnh", "Tiến", "Bá", "Thế", "Ngọc", "Anh"]
FEMALE_MIDDLES = ["Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc", "Kim", "Minh", "Bích",
                  "Hồng", "Thùy", "Mai", "Phương"]
MALE_GIVEN = [
    "An", "Anh", "Bảo", "Bình", "Cường", "Chiến", "Chính", "Công", "Dũng", "Duy",
    "Dương", "Đạt", "Điệp", "Định", "Đông", "Đức", "Giang", "Hải", "Hào", "Hiếu",
    "Hiệp", "Hòa", "Hoàng", "Học", "Hùng", "Huy", "Hưng", "Khải", "Khánh", "Khoa",
    "Kiên", "Lâm", "Lộc", "Long", "Luân", "Lực", "Mạnh", "Minh", "Nam", "Nghĩa",
    "Nhân", "Ninh", "Phong", "Phúc", "Phương", "Quân", "Quang", "Quyết", "Sơn", "Tài",
    "Tân", "Thắng", "Thanh", "Thành", "Thịnh", "Thông", "Toàn", "Trung", "Trường", "Tú",
    "Tuấn", "Tùng", "Văn", "Việt", "Vinh", "Vũ", "Xuân",
]
FEMALE_GIVEN = [
    "An", "Anh", "Bích", "Châu", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh",
    "Hằng", "Hiền", "Hoa", "Hòa", "Hồng", "Huệ", "Hương", "Hường", "Lan", "Liên",
    "Linh", "Loan", "Lộc", "Mai", "My", "Nga", "Ngân", "Nhung", "Oanh", "Phương",
    "Quyên", "Quỳnh", "Tâm", "Thảo", "Thơm", "Thu", "Thủy", "Thúy", "Trang", "Tuyết",
    "Uyên", "Vân", "Xuân", "Yến",
]
HONORIFICS = ["ThS.", "TS.", "PGS.TS.", "Đại tá", "Thượng tá"]

# --- bodies ---------------------------------------------------------------------

# A body's posts: (role key of kg/tables/roles.csv, how many hold it). Counts
# marked as bulk ("member", "specialist") shrink with the scale; leaders do not.
Slots = list[tuple[str, int]]
BULK_ROLES = {"member", "specialist"}

COMMUNE_BODIES: list[tuple[str, OrgKind, Slots]] = [
    # name prefix, kind, posts; "{c}" is the commune's party committee
    ("Ban Thường vụ {c}", OrgKind.STANDING_COMMITTEE, [("member", 4)]),
    ("Ủy ban Kiểm tra {c}", OrgKind.PARTY_AGENCY, [("head", 1), ("deputy_head", 1), ("member", 3)]),
    ("Văn phòng {c}", OrgKind.PARTY_AGENCY, [("chief_of_office", 1), ("deputy_chief_of_office", 1), ("specialist", 2)]),
    ("Ban Xây dựng Đảng {c}", OrgKind.PARTY_AGENCY, [("head", 1), ("deputy_head", 1), ("specialist", 2)]),
]
COMMUNE_STATE: list[tuple[str, OrgKind, Slots]] = [
    # "{p}" is the commune's name with its type word
    ("Ủy ban nhân dân {p}", OrgKind.STATE_BODY, [("vice_chair", 2), ("member", 7)]),
    ("Hội đồng nhân dân {p}", OrgKind.STATE_BODY, [("vice_chair", 1), ("member", 15)]),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam {p}", OrgKind.ORGANISATION, [("chair", 1), ("vice_chair", 2)]),
]
PROVINCE_AGENCIES: list[tuple[str, str, Slots]] = [
    # name prefix, code of the agency in a document code, posts
    ("Ban Tổ chức", "BTC", [("head", 1), ("deputy_head", 3), ("specialist", 25)]),
    ("Ban Tuyên giáo và Dân vận", "BTGDV", [("head", 1), ("deputy_head", 3), ("specialist", 25)]),
    ("Ủy ban Kiểm tra", "UBKT", [("head", 1), ("deputy_head", 3), ("member", 6), ("specialist", 25)]),
    ("Văn phòng", "VP", [("chief_of_office", 1), ("deputy_chief_of_office", 3), ("specialist", 25)]),
    ("Ban Nội chính", "BNC", [("head", 1), ("deputy_head", 2), ("specialist", 15)]),
    ("Ban Chính sách chiến lược", "BCSCL", [("head", 1), ("deputy_head", 2), ("specialist", 15)]),
]
DEPARTMENTS = ["Sở Nội vụ", "Sở Tài chính", "Sở Xây dựng", "Sở Nông nghiệp và Môi trường",
               "Sở Công Thương", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Khoa học và Công nghệ",
               "Sở Văn hóa, Thể thao và Du lịch", "Sở Tư pháp", "Thanh tra", "Sở Dân tộc và Tôn giáo"]
DEPARTMENT_SLOTS: Slots = [("director", 1), ("deputy_director", 3), ("specialist", 24)]

CENTRAL_ISSUERS = [
    # issuer, code suffix, document types, share of national documents
    ("Ban Chấp hành Trung ương", "TW", ["NQ", "QĐ", "KL"], 1),
    ("Bộ Chính trị", "TW", ["NQ", "CT", "KL", "QĐi"], 4),
    ("Ban Bí thư", "TW", ["CT", "KL", "TB", "QĐ"], 4),
    ("Ủy ban Kiểm tra Trung ương", "UBKTTW", ["QĐ", "HD", "TB", "KH"], 2),
    ("Ban Tổ chức Trung ương", "BTCTW", ["HD", "QĐ", "CV"], 2),
    ("Ban Tuyên giáo và Dân vận Trung ương", "BTGDVTW", ["HD", "KH", "CV"], 2),
]

TOPICS = [
    "công tác xây dựng Đảng", "thực hiện Nghị quyết Đại hội Đảng bộ", "công tác cán bộ",
    "thu, nộp, quản lý và sử dụng đảng phí", "kê khai tài sản, thu nhập",
    "công tác phòng, chống tham nhũng, lãng phí, tiêu cực", "thực hiện quy chế dân chủ ở cơ sở",
    "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "công tác dân vận",
    "quản lý đất đai", "chuyển đổi số", "xây dựng nông thôn mới", "công tác tuyên giáo",
    "giải quyết đơn thư, khiếu nại, tố cáo", "sắp xếp tổ chức bộ máy",
    "thực hiện nhiệm vụ kiểm tra, giám sát", "quản lý tài chính, ngân sách",
]
SUBJECTS = [
    "về phát triển kinh tế - xã hội", "về công tác kiểm tra, giám sát năm {y}",
    "về tăng cường sự lãnh đạo của Đảng đối với công tác dân vận",
    "về thực hiện chương trình mục tiêu quốc gia", "về công tác cán bộ nhiệm kỳ 2025-2030",
    "về chuyển đổi số và đổi mới sáng tạo", "về công tác tuyên truyền năm {y}",
    "về phòng, chống tham nhũng, lãng phí", "về sắp xếp tổ chức bộ máy tinh gọn",
    "về xây dựng Đảng bộ trong sạch, vững mạnh",
]
COMMITTEE_DOC_TYPES = ["NQ", "CT", "KL", "KH", "QĐ", "TB", "BC", "CTr"]
AGENCY_DOC_TYPES = ["KH", "HD", "BC", "TB", "CV"]
STATE_DOC_TYPES = ["QĐ", "KH", "CV", "BC"]
ACTIVITY_KINDS = [ActivityKind.INSPECTION] * 5 + [ActivityKind.SUPERVISION] * 4 + [ActivityKind.WORKING_SESSION]

# Per unit at scale 1: totals come to ~150k officials, ~250k memberships,
# ~30k documents and ~100k activities.
COMMUNE_PEOPLE = 40
COMMUNE_DOCS = 5
COMMUNE_ACTIVITIES = 25
PROVINCE_PEOPLE = 480
PROVINCE_DOCS = 390
PROVINCE_ACTIVITIES = 500
NATIONAL_DOCS = 600
NATIONAL_ACTIVITIES = 200

COMMUNE_TERM_START = dt.date(2025, 7, 1)       # the two-tier communes began on 1 July 2025
PROVINCE_TERM_START = dt.date(2020, 10, 15)    # provincial congresses of October 2020
FIRST_DAY = dt.date(2021, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)


def source_key(province: Unit | None) -> str:
    return f"synth:province:{province.code}" if province else "synth:national"


class _Namer:
    """Vietnamese personal names, distinct within one province (a namesake in
    the same province would be the same official in the model: kg.identity
    keys people by name and province)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        others = [s for s in (r["surname"] for r in tables.rows("surnames")) if s not in SURNAME_WEIGHTS]
        rest = max(0.0, 100.0 - sum(SURNAME_WEIGHTS.values())) / max(1, len(others))
        self.surnames = list(SURNAME_WEIGHTS) + others
        self.weights = list(SURNAME_WEIGHTS.values()) + [rest] * len(others)
        self.used: set[str] = set()

    def name(self) -> str:
        rng = self.rng
        for _ in range(50):
            surname = rng.choices(self.surnames, self.weights)[0]
            if rng.random() < 0.35:
                middle, given = rng.choice(FEMALE_MIDDLES), rng.choice(FEMALE_GIVEN)
            else:
                middle, given = rng.choice(MALE_MIDDLES), rng.choice(MALE_GIVEN)
            if rng.random() < 0.12:   # two-syllable middle names: "Nguyễn Thị Thu Hà"
                middle += " " + rng.choice(MALE_MIDDLES + FEMALE_MIDDLES)
            full = f"{surname} {middle} {given}"
            if full not in self.used:
                self.used.add(full)
                return full
        raise RuntimeError("name space exhausted for one province")


class _DocCodes:
    """Document numbers run per issuer code and scope, as real registers do.
    Shared by all provinces: commune names recur across provinces, and the
    document's identity is only its code and the scope's name."""

    def __init__(self) -> None:
        self.counters: Counter[tuple[str, str]] = Counter()

    def party(self, doc_type: str, issuer_code: str, scope: str | None) -> str:
        number = self._next(issuer_code, scope)
        return f"{number}-{doc_type}/{issuer_code}"

    def state(self, doc_type: str, issuer_code: str, scope: str | None) -> str:
        number = self._next(issuer_code, scope)
        return f"{number}/{doc_type}-{issuer_code}"

    def _next(self, issuer_code: str, scope: str | None) -> int:
        key = (issuer_code, fold(scope or ""))
        self.counters[key] += 1
        return self.counters[key]


def _scaled(count: int, scale: float) -> int:
    return max(1, round(count * scale))


def _day(rng: random.Random, start: dt.date = FIRST_DAY, end: dt.date = LAST_DAY) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


class _Unit:
    """One committee's world while it is being generated: its bodies, the
    posts filled in each, its documents."""

    def __init__(self, committee: str) -> None:
        self.committee = committee
        self.holders: dict[str, list[str]] = {}   # body -> people holding a post in it
        self.leaders: dict[str, list[str]] = {}   # body -> its head and deputies
        self.documents: list[Document] = []


class _Province:
    """Builds the records of one province."""

    def __init__(self, g: Gazetteer, province: Unit, communes: list[Unit], scale: float,
                 seed: int, codes: _DocCodes, national_docs: list[Document],
                 duplicate_names: set[str]) -> None:
        self.rng = random.Random(f"{seed}:{province.code}")
        self.scale = scale
        self.codes = codes
        self.national_docs = national_docs
        self.province = province
        self.place = province.full_name
        self.namer = _Namer(self.rng)
        self.records = Records(Source(
            key=source_key(province), kind=SourceKind.CURATED,
            title=f"Dữ liệu tổng hợp (synthetic): {province.full_name}"))
        self.records.places.append(g.to_place(province))
        self.communes = communes
        self.duplicate_names = duplicate_names
        for commune in communes:
            self.records.places.append(g.to_place(commune))

    def build(self) -> Records:
        top = self._province_level()
        for commune in self.communes:
            self._commune(commune, top)
        return self.records

    # --- people and posts ------------------------------------------------------

    def _people(self, count: int) -> list[str]:
        names = [self.namer.name() for _ in range(count)]
        for name in names:
            honorifics = [self.rng.choice(HONORIFICS)] if self.rng.random() < 0.08 else []
            self.records.officials.append(Official(name, context=self.place, honorifics=honorifics))
        return names

    def _org(self, name: str, kind: OrgKind, parent: str | None, jurisdiction: str | None) -> str:
        self.records.organisations.append(Organisation(name, kind, parent=parent, jurisdiction=jurisdiction))
        return name

    def _hold(self, unit: _Unit, person: str, role: str, body: str, start: dt.date) -> None:
        rng = self.rng
        valid_from: dt.date | YearMonth | None = start
        valid_through = None
        attested = None
        roll = rng.random()
        if roll < 0.10:      # a post that ended: transfer, retirement
            valid_through = _day(rng, start + dt.timedelta(days=90), LAST_DAY)
        elif roll < 0.25:    # only seen in a report, start unknown
            valid_from, attested = None, _day(rng, start, LAST_DAY)
        elif roll < 0.40:    # start known to the month only
            valid_from = YearMonth(start.year, start.month)
        self.records.memberships.append(Membership(
            person, role, body, person_context=self.place, valid_from=valid_from,
            valid_through=valid_through, attested_on=attested))
        unit.holders.setdefault(body, []).append(person)
        if role not in BULK_ROLES:
            unit.leaders.setdefault(body, []).append(person)

    def _staff(self, unit: _Unit, body: str, slots: Slots, pool: list[str], start: dt.date) -> None:
        """Fill a body's posts from a pool of the unit's people; people hold
        several posts at once, as they do."""
        for role, count in slots:
            n = _scaled(count, self.scale) if role in BULK_ROLES else count
            for person in self.rng.sample(pool, min(n, len(pool))):
                self._hold(unit, person, role, body, start)

    # --- province level --------------------------------------------------------

    def _province_level(self) -> _Unit:
        p = self.province
        word = tables.unit_types()[p.unit_type].committee     # Tỉnh ủy / Thành ủy
        committee = f"{word} {p.name}"
        unit = _Unit(committee)
        start = PROVINCE_TERM_START
        # at least enough people for the leaders and one of each bulk post
        people = self._people(max(20, _scaled(PROVINCE_PEOPLE, self.scale)))
        rng = self.rng

        self._org(committee, OrgKind.PARTY_COMMITTEE, None, self.place)
        standing = self._org(f"Ban Thường vụ {committee}", OrgKind.STANDING_COMMITTEE, committee, self.place)
        leaders = people[:4]
        self._hold(unit, leaders[0], "secretary", committee, start)
        self._hold(unit, leaders[1], "standing_deputy_secretary", committee, start)
        for person in leaders[2:]:
            self._hold(unit, person, "deputy_secretary", committee, start)
        members = people[4:4 + _scaled(50, self.scale)]
        for person in members:
            self._hold(unit, person, "member", committee, start)
        for person in leaders + members[:_scaled(12, self.scale)]:
            self._hold(unit, person, "member", standing, start)

        rest = people[4:]
        agencies = []
        for prefix, code, slots in PROVINCE_AGENCIES:
            body = self._org(f"{prefix} {committee}", OrgKind.PARTY_AGENCY, committee, self.place)
            self._staff(unit, body, slots, rest, start)
            agencies.append((body, code + "TU"))
        people_cmte = self._org(f"Đảng ủy Ủy ban nhân dân {p.full_name}", OrgKind.PARTY_COMMITTEE,
                                committee, self.place)
        self._staff(unit, people_cmte, [("secretary", 1), ("deputy_secretary", 2), ("member", 12)], rest, start)

        ubnd = self._org(f"Ủy ban nhân dân {p.full_name}", OrgKind.STATE_BODY, None, self.place)
        self._hold(unit, leaders[2], "chair", ubnd, start)
        self._staff(unit, ubnd, [("standing_vice_chair", 1), ("vice_chair", 4), ("member", 15)], rest, start)
        hdnd = self._org(f"Hội đồng nhân dân {p.full_name}", OrgKind.STATE_BODY, None, self.place)
        self._hold(unit, leaders[0], "chair", hdnd, start)
        self._staff(unit, hdnd, [("standing_vice_chair", 1), ("vice_chair", 2), ("member", 60)], rest, start)
        for name in DEPARTMENTS:
            dept = self._org(f"{name} {p.full_name}", OrgKind.STATE_BODY, ubnd, self.place)
            self._staff(unit, dept, DEPARTMENT_SLOTS, rest, start)

        # documents: the committee's, its agencies', the provincial government's
        issuers = [(committee, "TU", COMMITTEE_DOC_TYPES, True)] * 4
        issuers += [(body, code, AGENCY_DOC_TYPES, True) for body, code in agencies]
        issuers += [(ubnd, "UBND", STATE_DOC_TYPES, False)]
        for _ in range(_scaled(PROVINCE_DOCS, self.scale)):
            issuer, code, types, party = rng.choice(issuers)
            self._document(unit, issuer, code, rng.choice(types), party, self.place,
                           upstream=self.national_docs)

        # oversight of the communes' bodies by the province's agencies
        inspectors = [f"Ủy ban Kiểm tra {committee}"] * 3 + [standing, f"Ban Tổ chức {committee}",
                                                            f"Ban Tuyên giáo và Dân vận {committee}"]
        # a committee, or the commune itself ("kiểm tra xã Dương Quang")
        targets = [f"Đảng ủy {self._commune_label(c)}" for c in self.communes] + [people_cmte]
        targets += [c.full_name for c in self.communes]
        self._activities(unit, _scaled(PROVINCE_ACTIVITIES, self.scale), inspectors, targets)
        return unit

    # --- communes -----------------------------------------------------------------

    def _commune_label(self, commune: Unit) -> str:
        """The commune as bodies' names say it; a name that recurs in other
        provinces is told apart by its province, as the press does."""
        if commune.full_name in self.duplicate_names:
            return f"{commune.full_name}, {self.place}"
        return commune.full_name

    def _commune(self, commune: Unit, top: _Unit) -> None:
        rng = self.rng
        label = self._commune_label(commune)
        place = commune.full_name
        committee = self._org(f"Đảng ủy {label}", OrgKind.PARTY_COMMITTEE, top.committee, place)
        unit = _Unit(committee)
        start = COMMUNE_TERM_START
        people = self._people(COMMUNE_PEOPLE)
        secretary, standing_deputy, deputy = people[:3]
        self._hold(unit, secretary, "secretary", committee, start)
        self._hold(unit, standing_deputy, "standing_deputy_secretary", committee, start)
        self._hold(unit, deputy, "deputy_secretary", committee, start)
        for person in people[3:18]:
            self._hold(unit, person, "member", committee, start)
        for prefix, kind, slots in COMMUNE_BODIES:
            body = self._org(prefix.format(c=committee), kind, committee, place)
            self._staff(unit, body, slots, people[3:18] if kind is OrgKind.STANDING_COMMITTEE else people[3:], start)
        standing = f"Ban Thường vụ {committee}"
        for person in (secretary, standing_deputy, deputy):
            self._hold(unit, person, "member", standing, start)
        state = []
        for prefix, kind, slots in COMMUNE_STATE:
            body = self._org(prefix.format(p=label), kind, None, place)
            state.append(body)
            self._staff(unit, body, slots, people[3:], start)
        # the 2025 rule: the secretary chairs the people's council, a deputy the people's committee
        self._hold(unit, secretary, "chair", state[1], start)
        self._hold(unit, deputy, "chair", state[0], start)

        issuers = [(committee, "ĐU", COMMITTEE_DOC_TYPES, True)] * 3 + [
            (f"Ủy ban Kiểm tra {committee}", "UBKTĐU", AGENCY_DOC_TYPES, True),
            (state[0], "UBND", STATE_DOC_TYPES, False)]
        for _ in range(COMMUNE_DOCS):
            issuer, code, types, party = rng.choice(issuers)
            self._document(unit, issuer, code, rng.choice(types), party, place,
                           upstream=top.documents, start=start)

        inspectors = [f"Ủy ban Kiểm tra {committee}"] * 3 + [standing]
        targets = state + [place] + rng.sample(people, 5)   # bodies, the commune, party members
        self._activities(unit, COMMUNE_ACTIVITIES, inspectors, targets, start=start)

    # --- documents and oversight ------------------------------------------------------

    def _document(self, unit: _Unit, issuer: str, issuer_code: str, doc_type: str, party: bool,
                  scope: str, upstream: list[Document], start: dt.date = FIRST_DAY) -> None:
        rng = self.rng
        code = (self.codes.party if party else self.codes.state)(doc_type, issuer_code, scope)
        date = _day(rng, start)
        subject = rng.choice(SUBJECTS).format(y=date.year)
        doc = Document(code, doc_type, issuer=issuer, date=date, subject=subject, scope=scope)
        self.records.documents.append(doc)
        links = self.records.document_links
        if upstream and rng.random() < 0.6:
            target = rng.choice(upstream)
            links.append(DocumentLink(code, Relation.IMPLEMENTS, target.code, scope, target.scope))
        if upstream and rng.random() < 0.4:
            target = rng.choice(upstream)
            links.append(DocumentLink(code, Relation.CITES, target.code, scope, target.scope))
        same_issuer = [d for d in unit.documents[-20:] if d.issuer == issuer and d.doc_type == doc_type]
        if same_issuer and rng.random() < 0.5:
            links.append(DocumentLink(code, Relation.CONTINUES, same_issuer[-1].code, scope, scope))
        unit.documents.append(doc)

    def _activities(self, unit: _Unit, count: int, inspectors: list[str], targets: list[str],
                    start: dt.date = FIRST_DAY) -> None:
        rng = self.rng
        plans = [d for d in unit.documents if d.doc_type in ("KH", "CTr", "QĐ")] or unit.documents
        for _ in range(count):
            inspector = rng.choice(inspectors)
            leaders = unit.leaders.get(inspector) or unit.holders.get(inspector) or [None]
            doc = rng.choice(plans) if plans and rng.random() < 0.8 else None
            self.records.activities.append(Activity(
                kind=rng.choice(ACTIVITY_KINDS),
                inspector=inspector,
                targets=rng.sample(targets, min(len(targets), rng.choice((1, 1, 1, 2, 3)))),
                leader=rng.choice(leaders),
                leader_context=self.place,
                document=doc.code if doc else None,
                document_scope=doc.scope if doc else None,
                date=_day(rng, max(start, doc.date) if doc and doc.date else start),
                topic=rng.choice(TOPICS) if rng.random() < 0.7 else None,
            ))


def _national(g: Gazetteer, provinces: list[Unit], scale: float, seed: int, codes: _DocCodes) -> Records:
    """Central bodies, their leaders, their documents, and their oversight of
    the provinces (which are described here too, so that targets resolve to
    the same place IRIs as in the provinces' own sources)."""
    rng = random.Random(f"{seed}:national")
    records = Records(Source(key=source_key(None), kind=SourceKind.CURATED,
                             title="Dữ liệu tổng hợp (synthetic): Trung ương"))
    records.places = [g.to_place(p) for p in provinces]
    for row in tables.rows("central_bodies"):
        records.organisations.append(Organisation(row["name"], OrgKind(row["kind"])))
    issuers = [(name, code, types) for name, code, types, share in CENTRAL_ISSUERS for _ in range(share)]
    for _ in range(_scaled(NATIONAL_DOCS, scale)):
        issuer, code, types = rng.choice(issuers)
        doc_type = rng.choice(types)
        date = _day(rng, dt.date(2016, 1, 1), LAST_DAY)
        doc = Document(codes.party(doc_type, code, None), doc_type, issuer=issuer, date=date,
                       subject=rng.choice(SUBJECTS).format(y=date.year))
        earlier = [d for d in records.documents if d.date and d.date < date]
        if earlier and rng.random() < 0.3:
            records.document_links.append(
                DocumentLink(doc.code, rng.choice((Relation.CONTINUES, Relation.CITES)), rng.choice(earlier).code))
        records.documents.append(doc)
    for name in {d.issuer for d in records.documents} - {o.name for o in records.organisations}:
        records.organisations.append(Organisation(name, OrgKind.PARTY_AGENCY))

    # the central inspection commission's leaders, and its oversight of provinces
    inspector = "Ủy ban Kiểm tra Trung ương"
    namer = _Namer(rng)
    leaders = [namer.name() for _ in range(8)]
    records.officials = [Official(name) for name in leaders]
    records.memberships = [Membership(name, "chair" if i == 0 else "vice_chair" if i < 4 else "member",
                                      inspector, valid_from=dt.date(2021, 2, 1))
                           for i, name in enumerate(leaders)]
    plans = [d for d in records.documents if d.issuer == inspector] or records.documents
    for _ in range(_scaled(NATIONAL_ACTIVITIES, scale)):
        doc = rng.choice(plans)
        records.activities.append(Activity(
            kind=rng.choice(ACTIVITY_KINDS), inspector=inspector,
            targets=[p.full_name for p in rng.sample(provinces, rng.choice((1, 1, 2)))],
            leader=rng.choice(leaders), document=doc.code,
            date=_day(rng, max(FIRST_DAY, doc.date or FIRST_DAY)), topic=rng.choice(TOPICS)))
    return records


def generate(scale: float = 1.0, seed: int = DEFAULT_SEED, provinces: int | None = None,
             overlap: float = 0.0) -> list[Records]:
    """The national source, then one source per province (in code order);
    ``provinces`` keeps only the first few, for tests. With ``overlap`` > 0,
    each source is followed by its press source (``press``), which states
    that share of its memberships, documents and activities again."""
    g = gazetteer()
    chosen = g.units(ERA_2025, UnitLevel.PROVINCE)[:provinces]
    communes = g.units(ERA_2025, UnitLevel.COMMUNE)
    names = Counter(c.full_name for c in communes)
    duplicates = {name for name, n in names.items() if n > 1}
    codes = _DocCodes()
    national = _national(g, chosen, scale, seed, codes)
    sources = [national]
    for province in chosen:
        own = [c for c in communes if c.parent_code == province.code]
        own = own[:_scaled(len(own), scale)]
        sources.append(_Province(g, province, own, scale, seed, codes, national.documents, duplicates).build())
    if overlap > 0:
        sources = [s for source in sources for s in (source, press(source, overlap, seed))]
    return sources


def press_key(source_key: str) -> str:
    """synth:province:04 -> synth:press:04; synth:national -> synth:press:central."""
    if source_key == source_key_national():
        return "synth:press:central"
    return "synth:press:" + source_key.rsplit(":", 1)[-1]


def source_key_national() -> str:
    return source_key(None)


def press(records: Records, share: float, seed: int = DEFAULT_SEED) -> Records:
    """A second source stating again ``share`` of the memberships, documents
    (with their links) and activities of ``records``, drawn with a seeded
    generator, and the places, bodies and officials those name: the same
    facts, word for word, in another named graph."""
    rng = random.Random(f"{seed}:press:{records.source.key}")
    title = (records.source.title or records.source.key).replace("Dữ liệu tổng hợp", "Báo chí tổng hợp")
    out = Records(Source(key=press_key(records.source.key), kind=SourceKind.ARTICLE, title=title))
    out.memberships = [m for m in records.memberships if rng.random() < share]
    out.documents = [d for d in records.documents if rng.random() < share]
    out.activities = [a for a in records.activities if rng.random() < share]
    shared_docs = {(d.code, d.scope) for d in out.documents}
    out.document_links = [link for link in records.document_links
                          if (link.source_code, link.source_scope) in shared_docs]
    orgs = ({m.organisation for m in out.memberships} | {d.issuer for d in out.documents if d.issuer}
            | {a.inspector for a in out.activities} | {t for a in out.activities for t in a.targets})
    people = ({m.person for m in out.memberships} | {a.leader for a in out.activities if a.leader}
              | {t for a in out.activities for t in a.targets})
    out.organisations = [o for o in records.organisations if o.name in orgs]
    # the places named (targets, scopes, jurisdictions) and those above them,
    # described as the source describes them, so that they get the same IRIs
    by_name = {p.name: p for p in records.places}
    named = ({t for a in out.activities for t in a.targets} | {d.scope for d in out.documents if d.scope}
             | {o.jurisdiction for o in out.organisations if o.jurisdiction})
    places: dict[str, object] = {}
    for name in sorted(n for n in named if n in by_name):
        while name in by_name and name not in places:
            places[name] = by_name[name]
            name = by_name[name].parent
    out.places = [p for p in records.places if p.name in places]
    out.officials = [o for o in records.officials if o.name in people]
    return out


# --- output ---------------------------------------------------------------------------

def source_triples(records: Records) -> list[ox.Triple]:
    """The distinct triples of one source, in a stable order."""
    return list(dict.fromkeys(records_to_triples(records)))


def write_nquads(sources: list[Records], path: Path) -> int:
    """One N-Quads file, a named graph per source; returns the number of quads."""
    path.parent.mkdir(parents=True, exist_ok=True)
    total = 0
    with path.open("wb") as out:
        for records in sources:
            graph = ox.NamedNode(identity.source_iri(records.source.key))
            triples = source_triples(records)
            total += len(triples)
            ox.serialize((ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples),
                         out, ox.RdfFormat.N_QUADS)
    return total


def _jsonable(value: object) -> object:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (dt.date, YearMonth)):
        return format_date(value)
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items() if v not in (None, [], ())}
    return value


def record_lines(sources: list[Records]) -> Iterator[dict]:
    """Every record as a flat dict: ``record`` (the record class), ``source``
    (its source key) and the record's own fields, dates as ISO text."""
    for records in sources:
        yield {"record": "Source", **_jsonable(dataclasses.asdict(records.source))}
        for field in dataclasses.fields(records):
            if field.name == "source":
                continue
            for record in getattr(records, field.name):
                yield {"record": type(record).__name__, "source": records.source.key,
                       **_jsonable(dataclasses.asdict(record))}


def write_jsonl(sources: list[Records], path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for line in record_lines(sources):
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
            count += 1
    return count


def summary(sources: list[Records]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for records in sources:
        for field in dataclasses.fields(records):
            if field.name != "source":
                counts[field.name] += len(getattr(records, field.name))
    counts["sources"] = len(sources)
    return dict(counts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1.0: the national graph; 0.01: a quick one")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--provinces", type=int, help="only the first N of the 34 provinces")
    parser.add_argument("--out", type=Path, default=Path("bench/out/national.nq"),
                        help="the N-Quads file to write (a named graph per source)")
    parser.add_argument("--records", type=Path, help="also write the records as JSON lines here")
    parser.add_argument("--overlap", type=float, default=0.0, metavar="SHARE",
                        help="state this share (0-1) of each source's memberships, documents and activities "
                             "again in a press source (synth:press:<code>); default 0: none")
    args = parser.parse_args(argv)
    if not 0.0 <= args.overlap <= 1.0:
        parser.error("--overlap is a share between 0 and 1")

    started = time.perf_counter()
    sources = generate(args.scale, args.seed, args.provinces, args.overlap)
    generated = time.perf_counter()
    print(f"generated {len(sources)} sources in {generated - started:.1f} s: "
          + ", ".join(f"{k} {v:,}" for k, v in summary(sources).items() if k != "sources"), file=sys.stderr)
    quads = write_nquads(sources, args.out)
    print(f"wrote {quads:,} triples to {args.out} in {time.perf_counter() - generated:.1f} s", file=sys.stderr)
    if args.records:
        lines = write_jsonl(sources, args.records)
        print(f"wrote {lines:,} records to {args.records}", file=sys.stderr)
    print(quads)
    return 0


if __name__ == "__main__":
    sys.exit(main())
