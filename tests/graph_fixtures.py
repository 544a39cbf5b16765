"""Records for the graph and view tests: the seed article's inspection, one
oversight step above it (for the chain), a second year (for rank and the
year filter), and a source whose strings are hostile (for escaping)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from kg import identity
from kg.model import (
    Activity, ActivityKind, Document, DocumentLink, Evidence, Membership, Official,
    Organisation, OrgKind, Place, Records, Relation, Source, SourceKind, UnitLevel,
)
from kg.rdf import records_to_triples
from kg.store import EmbeddedStore

SEED_URL = "https://backan.gov.vn/seed-article"
HOSTILE_SCRIPT = "<script>window.__pwned=1</script>"
HOSTILE_IMG = '<img src=x onerror="window.__pwned=1">'
HOSTILE_NAME = f'Ban "Đặc biệt" {HOSTILE_IMG} {HOSTILE_SCRIPT}'
HOSTILE_PLACE = "xã </script><script>window.__pwned=1</script> 'Quote'"
HOSTILE_URL = "javascript:window.__pwned=1"
SEED_SENTENCE = ("Ngày 25/11, Đoàn công tác số 01 của Ban Tuyên giáo Tỉnh ủy do đồng chí "
                 "Trần Thị Lộc – Ủy viên BTV Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy Bắc Kạn "
                 "làm Trưởng đoàn có buổi làm việc tại thành phố Bắc Kạn")

BTG_TU = "Ban Tuyên giáo Tỉnh ủy Bắc Kạn"
TU = "Tỉnh ủy Bắc Kạn"
BTG_TW = "Ban Tuyên giáo Trung ương"


def seed_places() -> list[Place]:
    """Every source describes the units it names: a unit named but not
    described gets a bare node of its own, apart from the gazetteer's."""
    return [
        Place("tỉnh Bắc Kạn", "tỉnh", UnitLevel.PROVINCE, era="pre2025", code="06"),
        Place("thành phố Bắc Kạn", "thành phố", UnitLevel.DISTRICT, parent="tỉnh Bắc Kạn", era="pre2025", code="058"),
        Place("phường Sông Cầu", "phường", UnitLevel.COMMUNE, parent="thành phố Bắc Kạn", era="pre2025", code="01834"),
        Place("xã Dương Quang", "xã", UnitLevel.COMMUNE, parent="thành phố Bắc Kạn", era="pre2025", code="01864"),
    ]


def seed_records() -> Records:
    ev = [Evidence(SEED_URL, SEED_SENTENCE)]
    return Records(
        source=Source(SEED_URL, SourceKind.ARTICLE, title="Ban Tuyên giáo Tỉnh ủy kiểm tra công tác Tuyên giáo năm 2022",
                      url=SEED_URL, published=dt.date(2022, 11, 28)),
        places=seed_places(),
        organisations=[
            Organisation(TU, OrgKind.PARTY_COMMITTEE, jurisdiction="tỉnh Bắc Kạn"),
            Organisation(BTG_TU, OrgKind.PARTY_AGENCY, parent=TU, alt_labels=["BTGTU Bắc Kạn"]),
            Organisation(BTG_TW, OrgKind.PARTY_AGENCY),
        ],
        officials=[Official("Trần Thị Lộc", context="tỉnh Bắc Kạn")],
        memberships=[Membership("Trần Thị Lộc", "head", BTG_TU, person_context="tỉnh Bắc Kạn",
                                attested_on=dt.date(2022, 11, 28), evidence=ev)],
        documents=[
            Document("91-KH/BTGTU", "KH", issuer=BTG_TU, date=dt.date(2022, 11, 1),
                     subject="kiểm tra công tác tuyên giáo năm 2022", evidence=ev),
            Document("01-KL/TW", "KL", issuer="Bộ Chính trị", date=dt.date(2021, 5, 18)),
            Document("05-CT/TW", "CT", issuer="Bộ Chính trị"),
        ],
        document_links=[DocumentLink("01-KL/TW", Relation.CONTINUES, "05-CT/TW")],
        activities=[Activity(
            ActivityKind.INSPECTION, BTG_TU,
            targets=["thành phố Bắc Kạn", "phường Sông Cầu", "xã Dương Quang"],
            delegation="Đoàn công tác số 01 của Ban Tuyên giáo Tỉnh ủy Bắc Kạn",
            leader="Trần Thị Lộc", leader_context="tỉnh Bắc Kạn", document="91-KH/BTGTU",
            date=dt.date(2022, 11, 25), topic="công tác Tuyên giáo năm 2022", evidence=ev)],
    )


def oversight_records() -> Records:
    """Ban Tuyên giáo Trung ương supervising Tỉnh ủy Bắc Kạn in 2023: one
    step up the chain from the seed's inspection, and a second year."""
    key = "https://example.org/btgtw-giam-sat"
    ev = [Evidence(key, "Ban Tuyên giáo Trung ương giám sát Tỉnh ủy Bắc Kạn.")]
    return Records(
        source=Source(key, SourceKind.ARTICLE, title="Giám sát", url=key),
        places=seed_places(),
        organisations=[Organisation(TU, OrgKind.PARTY_COMMITTEE, jurisdiction="tỉnh Bắc Kạn"),
                       Organisation(BTG_TW, OrgKind.PARTY_AGENCY)],
        documents=[Document("12-KH/BTGTW", "KH", issuer=BTG_TW, date=dt.date(2023, 2, 1))],
        document_links=[DocumentLink("91-KH/BTGTU", Relation.IMPLEMENTS, "12-KH/BTGTW")],
        activities=[
            Activity(ActivityKind.SUPERVISION, BTG_TW, targets=[TU], document="12-KH/BTGTW",
                     date=dt.date(2023, 3, 14), evidence=ev),
            Activity(ActivityKind.WORKING_SESSION, BTG_TU, targets=["phường Sông Cầu"],
                     date=dt.date(2023, 6, 2), evidence=ev),
        ],
    )


def hostile_records() -> Records:
    """Strings a careless page would run: in a body's name, a place's name, an
    evidence sentence and a source link."""
    key = "hostile-source"
    ev = [Evidence(key, f"Câu chứng cứ {HOSTILE_SCRIPT} {HOSTILE_IMG} \"ngoặc\" 'đơn' & \u2028 hết.")]
    return Records(
        source=Source(key, SourceKind.ARTICLE, title=HOSTILE_SCRIPT, url=HOSTILE_URL),
        places=[*seed_places(), Place(HOSTILE_PLACE, "xã", UnitLevel.COMMUNE, parent="thành phố Bắc Kạn", era="pre2025")],
        organisations=[Organisation(HOSTILE_NAME, OrgKind.STATE_BODY)],
        activities=[Activity(ActivityKind.INSPECTION, HOSTILE_NAME, targets=[HOSTILE_PLACE],
                             document="91-KH/BTGTU", date=dt.date(2022, 12, 1),
                             topic=HOSTILE_SCRIPT, evidence=ev)],
    )


def load(path: Path, *records: Records) -> EmbeddedStore:
    store = EmbeddedStore(path)
    store.replace_graphs({identity.source_iri(r.source.key): records_to_triples(r) for r in records})
    return store
