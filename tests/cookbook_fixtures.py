"""A small graph for the query cookbook, made from kg.model records, with
exactly one answer (or a known handful) for each named query.

tỉnh Alpha (pre-2025) holds huyện Beta, which holds xã Một and xã Hai; all
four ended on 30 June 2025, tỉnh Alpha and the two communes with successors
on the 2025 map (tỉnh Gamma, xã Mới). Nguyễn Văn An is the provincial
secretary and, for a while, head of its inspection commission; a namesake
is known in tỉnh Gamma.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from kg import identity
from kg.model import (
    Activity, ActivityKind, Document, DocumentLink, Evidence, Membership, Official, Organisation,
    OrgKind, Place, Records, Relation, Source, SourceKind, UnitLevel, YearMonth,
)

SOURCE_KEY = "https://example.org/cookbook-article"
SOURCE_TITLE = "Ủy ban Kiểm tra Tỉnh ủy Alpha kiểm tra Huyện ủy Beta"
A1_SENTENCE = "Ngày 10/5, Đoàn kiểm tra 01 do đồng chí Nguyễn Văn An làm Trưởng đoàn kiểm tra Huyện ủy Beta."

ALPHA, GAMMA = "tỉnh Alpha", "tỉnh Gamma"
TU = "Tỉnh ủy Alpha"
UBKT = "Ủy ban Kiểm tra Tỉnh ủy Alpha"
HU = "Huyện ủy Beta"
UBKTTW = "Ủy ban Kiểm tra Trung ương"
DELEGATION = "Đoàn kiểm tra 01"
CENTRAL_DELEGATION = "Đoàn công tác Trung ương"
AN, BINH, CUONG = "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"

A1 = Activity(ActivityKind.INSPECTION, UBKT, [HU], delegation=DELEGATION, leader=AN, leader_context=ALPHA,
              document="20-KH/TU", document_scope=ALPHA, date=dt.date(2022, 5, 10),
              topic="công tác kiểm tra năm 2022", evidence=[Evidence(SOURCE_KEY, A1_SENTENCE)])
A2 = Activity(ActivityKind.SUPERVISION, HU, ["xã Một"], leader=BINH, leader_context=ALPHA,
              document="30-KH/HU", document_scope="huyện Beta", date=dt.date(2022, 7, 1))
A3 = Activity(ActivityKind.WORKING_SESSION, UBKTTW, [TU], delegation=CENTRAL_DELEGATION,
              date=dt.date(2023, 3, 3))
A4 = Activity(ActivityKind.INSPECTION, UBKT, [CUONG], leader=AN, leader_context=ALPHA,
              document="77-KH/UBKTTU", date=dt.date(2023, 4, 4))


def activity_iri(activity: Activity) -> str:
    return identity.activity_iri(activity.kind.value, activity.inspector, activity.date.isoformat(),
                                 activity.leader, activity.targets, SOURCE_KEY)


def cookbook_records() -> Records:
    pre, new = "pre2025", "2025"
    end, start = dt.date(2025, 6, 30), dt.date(2025, 7, 1)
    places = [
        Place(ALPHA, "tỉnh", UnitLevel.PROVINCE, code="90", era=pre, valid_through=end, successors=[GAMMA]),
        Place("huyện Beta", "huyện", UnitLevel.DISTRICT, parent=ALPHA, code="901", era=pre, valid_through=end),
        Place("xã Một", "xã", UnitLevel.COMMUNE, parent="huyện Beta", code="90101", era=pre,
              valid_through=end, successors=["xã Mới"]),
        Place("xã Hai", "xã", UnitLevel.COMMUNE, parent="huyện Beta", code="90102", era=pre,
              valid_through=end, successors=["xã Mới"]),
        Place(GAMMA, "tỉnh", UnitLevel.PROVINCE, code="91", era=new, valid_from=start),
        Place("xã Mới", "xã", UnitLevel.COMMUNE, parent=GAMMA, code="91001", era=new, valid_from=start),
    ]
    organisations = [
        Organisation("Bộ Chính trị", OrgKind.STANDING_COMMITTEE),
        Organisation(UBKTTW, OrgKind.PARTY_AGENCY),
        Organisation(TU, OrgKind.PARTY_COMMITTEE, jurisdiction=ALPHA),
        Organisation(UBKT, OrgKind.PARTY_AGENCY, parent=TU, jurisdiction=ALPHA),
        Organisation(HU, OrgKind.PARTY_COMMITTEE, parent=TU, jurisdiction="huyện Beta"),
        Organisation("Đảng ủy xã Một", OrgKind.PARTY_COMMITTEE, parent=HU, jurisdiction="xã Một"),
        Organisation("Đảng ủy xã Hai", OrgKind.PARTY_COMMITTEE, parent=HU, jurisdiction="xã Hai"),
        Organisation("Tỉnh ủy Gamma", OrgKind.PARTY_COMMITTEE, jurisdiction=GAMMA),
        Organisation(DELEGATION, OrgKind.DELEGATION),
        Organisation(CENTRAL_DELEGATION, OrgKind.DELEGATION),
    ]
    officials = [Official(AN, ALPHA), Official(BINH, ALPHA), Official(CUONG, ALPHA), Official(AN, GAMMA)]
    memberships = [
        Membership(AN, "secretary", TU, ALPHA, valid_from=dt.date(2020, 10, 15)),
        # ended in June 2023, yet a source shows it current in September: a contradiction
        Membership(AN, "head", UBKT, ALPHA, valid_from=2021, valid_through=YearMonth(2023, 6),
                   attested_on=dt.date(2023, 9, 1)),
        # attested within its last month: no contradiction
        Membership(BINH, "secretary", HU, ALPHA, valid_from=dt.date(2019, 5, 1), valid_through=end,
                   attested_on=dt.date(2025, 6, 15)),
        Membership(BINH, "member", TU, ALPHA, valid_from=start),
        Membership(CUONG, "secretary", "Đảng ủy xã Một", ALPHA, attested_on=dt.date(2024, 3, 10)),
        Membership(AN, "deputy_secretary", "Tỉnh ủy Gamma", GAMMA, valid_from=start),
    ]
    documents = [
        Document("05-CT/TW", "CT", issuer="Bộ Chính trị", date=dt.date(2016, 5, 15),
                 subject="về tăng cường công tác kiểm tra, giám sát"),
        Document("10-KH/TU", "KH", issuer=TU, date=dt.date(2021, 2, 1), subject="về chuyển đổi số", scope=ALPHA),
        Document("20-KH/TU", "KH", issuer=TU, date=dt.date(2022, 2, 1), subject="về công tác cán bộ", scope=ALPHA),
        Document("30-KH/HU", "KH", issuer=HU, date=dt.date(2022, 3, 1), scope="huyện Beta"),
    ]
    links = [
        DocumentLink("10-KH/TU", Relation.IMPLEMENTS, "05-CT/TW", source_scope=ALPHA),
        DocumentLink("20-KH/TU", Relation.CONTINUES, "10-KH/TU", ALPHA, ALPHA),
        DocumentLink("30-KH/HU", Relation.IMPLEMENTS, "20-KH/TU", "huyện Beta", ALPHA),
        # cited, never described: never seen issued
        DocumentLink("10-KH/TU", Relation.CITES, "99-NQ/TW", source_scope=ALPHA),
    ]
    source = Source(SOURCE_KEY, SourceKind.ARTICLE, title=SOURCE_TITLE, url=SOURCE_KEY,
                    published=dt.date(2022, 5, 11))
    return Records(source, places=places, organisations=organisations, officials=officials,
                   memberships=memberships, documents=documents, document_links=links,
                   activities=[A1, A2, A3, A4])


def cookbook_graphs() -> dict[str, list]:
    """The source's graph and the vocabulary graph (for role labels), as kg load writes them."""
    from kg.ontology import vocabulary_triples
    from kg.rdf import records_to_triples
    records = cookbook_records()
    return {identity.source_iri(records.source.key): list(dict.fromkeys(records_to_triples(records))),
            identity.VOCAB_GRAPH: vocabulary_triples()}


def cookbook_store(path: Path):
    from kg.store import EmbeddedStore
    store = EmbeddedStore(path)
    store.replace_graphs(cookbook_graphs())
    return store
