"""One event, many reports (kg.merge): reports of one inspection from several
sources are one activity, and reports of different events stay apart; curated
YAML forces a merge or a split; same-named people of one province can be told
apart. Every source here is written for the test (fictional officials)."""
from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from kg import identity
from kg.errors import SourceErrors
from kg.merge import ActivityIndex, resolve_activities, resolve_all
from kg.model import (
    Activity, ActivityKind, Organisation, OrgKind, Records, Source, SourceKind,
)
from kg.rdf import records_to_triples
from kg.sources.curated import read_curated
from kg.store import EmbeddedStore
from kg.vocab import OWL, PARTY, PROV

UBKT = "Ủy ban Kiểm tra Tỉnh ủy Cao Bằng"
BTC = "Ban Tổ chức Tỉnh ủy Cao Bằng"
CB = "tỉnh Cao Bằng"
X, Y, Z = "xã Trường Hà", "xã Nà Sác", "xã Lũng Nặm"
KHAI, MAI = "Hoàng Văn Khải", "Nông Thị Mai"
DAY = dt.date(2023, 10, 12)
INSPECTION = ActivityKind.INSPECTION


def report(key: str, *, targets=(X,), leader: str | None = None, inspector: str = UBKT,
           date: dt.date | None = DAY, delegation: str | None = None, document: str | None = None,
           document_scope: str | None = None, kind: ActivityKind = INSPECTION,
           organisations: list[Organisation] | None = None) -> Records:
    """One source (an article) reporting one activity."""
    act = Activity(kind, inspector, targets=list(targets), leader=leader,
                   leader_context=CB if leader else None, delegation=delegation,
                   document=document, document_scope=document_scope, date=date)
    return Records(Source(f"https://example.test/{key}", SourceKind.ARTICLE, title=key),
                   organisations=list(organisations or []), activities=[act])


def own_iri(records: Records) -> str:
    """The IRI a report has on its own (today's identity.activity_iri)."""
    act = records.activities[0]
    return identity.activity_iri(act.kind.value, act.inspector, act.date.isoformat() if act.date else None,
                                 act.leader, act.targets, records.source.key)


def iris(*sources: Records, index: ActivityIndex | None = None) -> list[str]:
    """Resolve the sources in order into one index; the IRI of each one's activity."""
    index = ActivityIndex() if index is None else index
    for records in sources:
        resolve_activities(records, index)
    return [r.activities[0].iri for r in sources]


def store_with(path: Path, *sources: Records) -> EmbeddedStore:
    store = EmbeddedStore(path)
    store.replace_graphs({identity.source_iri(r.source.key): records_to_triples(r) for r in sources})
    return store


# --- one event, many reports -----------------------------------------------------------------

def test_three_reports_of_one_inspection_are_one_activity_with_every_source():
    full = report("full", leader=KHAI, targets=(X, Y, Z))
    no_leader = report("no-leader", targets=(X, Y, Z))
    subset = report("subset", leader=KHAI, targets=(X, Y))
    got = iris(full, no_leader, subset)
    assert got == [own_iri(full)] * 3          # the first report's IRI, kept for the event
    node = own_iri(full)
    triples = [t for r in (full, no_leader, subset) for t in records_to_triples(r)]
    sources = {t.object.value for t in triples if t.subject.value == node and t.predicate == PROV.wasDerivedFrom}
    assert sources == {identity.source_iri(r.source.key) for r in (full, no_leader, subset)}


def test_a_delegation_named_as_inspector_is_the_body_it_acts_for():
    body = report("body", leader=KHAI, targets=(X, Y, Z))
    # "Đoàn kiểm tra số 3", described as acting for the committee
    delegation = report("delegation", inspector="Đoàn kiểm tra số 3", targets=(Y,),
                        organisations=[Organisation("Đoàn kiểm tra số 3", OrgKind.DELEGATION, parent=UBKT)])
    # "Đoàn kiểm tra số 3 của …": named after the body, not described
    named = report("named", inspector=f"Đoàn kiểm tra số 3 của {UBKT}", targets=(Z,))
    assert iris(body, delegation, named) == [own_iri(body)] * 3
    act = delegation.activities[0]
    assert (act.inspector, act.delegation) == (UBKT, "Đoàn kiểm tra số 3")
    assert named.activities[0].delegation == f"Đoàn kiểm tra số 3 của {UBKT}"
    node = own_iri(body)
    triples = set(records_to_triples(delegation))
    assert any(t.subject.value == node and t.predicate == PARTY.inspector
               and t.object.value == identity.org_iri(UBKT) for t in triples)


def test_two_delegations_of_one_body_on_one_day_with_different_leaders_stay_two():
    one, two = report("one", leader=KHAI, targets=(X,)), report("two", leader=MAI, targets=(X,))
    assert iris(one, two) == [own_iri(one), own_iri(two)]
    assert own_iri(one) != own_iri(two)


def test_two_numbered_delegations_of_one_body_stay_two():
    first = report("d1", delegation=f"Đoàn kiểm tra số 1 của {UBKT}", targets=(X,))
    third = report("d3", delegation=f"Đoàn kiểm tra số 3 của {UBKT}", targets=(X,))
    again = report("d3-again", delegation="Đoàn kiểm tra số 03", targets=(X, Y))
    a, b, c = iris(first, third, again)
    assert a != b and c == b


def test_a_report_without_leader_joins_the_one_its_targets_overlap():
    khai = report("khai", leader=KHAI, targets=(X, Y))
    mai = report("mai", leader=MAI, targets=(Z,))
    unnamed = report("unnamed", targets=(Y,))
    assert iris(khai, mai, unnamed) == [own_iri(khai), own_iri(mai), own_iri(khai)]


def test_an_ambiguous_report_is_an_activity_of_its_own():
    khai = report("khai", leader=KHAI, targets=(X,))
    mai = report("mai", leader=MAI, targets=(X,))
    unnamed = report("unnamed", targets=(X,))
    a, b, c = iris(khai, mai, unnamed)
    assert c == own_iri(unnamed) and c not in (a, b)


def test_more_shared_details_decide_between_two_compatible_activities():
    khai = report("khai", leader=KHAI, targets=(X,))
    unnamed = report("unnamed", targets=(Y,))        # no leader, another commune: a second activity
    both = report("both", leader=KHAI, targets=(X, Y))  # fits both; agrees on the leader with one
    a, b, c = iris(khai, unnamed, both)
    assert a != b and c == a


def test_undated_reports_never_merge():
    one, two = report("one", date=None), report("two", date=None)
    a, b = iris(one, two)
    assert a is None and b is None                      # the IRI is today's, with the source in it
    assert own_iri(one) != own_iri(two)
    assert {t.subject.value for t in records_to_triples(one) if t.predicate == PARTY.inspector} == {own_iri(one)}


def test_other_kind_inspector_or_day_is_another_activity():
    base = report("base", leader=KHAI)
    assert len(set(iris(base, report("kind", kind=ActivityKind.SUPERVISION),
                        report("inspector", inspector=BTC),
                        report("day", date=DAY + dt.timedelta(days=1))))) == 4


def test_documents_compatible_with_and_without_scope_but_not_two_codes():
    scoped = report("scoped", document="12-KH/BTGTU", document_scope=CB)
    unscoped = report("unscoped", document="12-KH/BTGTU")
    other = report("other", document="13-KH/BTGTU")
    a, b, c = iris(scoped, unscoped, other)
    assert a == b and c != a


def test_resolution_is_deterministic_and_idempotent():
    def run():
        return iris(report("a", leader=KHAI, targets=(X, Y)), report("b", targets=(Y,)),
                    report("c", leader=MAI, targets=(Y,)), report("d", targets=(X,)))
    first = run()
    assert first == run()
    index = ActivityIndex()
    sources = [report("a", leader=KHAI, targets=(X, Y)), report("b", targets=(Y,))]
    iris(*sources, index=index)
    assert iris(*sources, index=index) == first[:2]    # resolving a source again changes nothing


# --- from the store --------------------------------------------------------------------------

def test_the_index_reads_the_store_in_one_query(tmp_path: Path):
    full = report("full", leader=KHAI, targets=(X, Y, Z))
    iris(full)
    store = store_with(tmp_path / "store", full)
    calls = []
    select = store.select
    store.select = lambda *args, **kw: calls.append(args) or select(*args, **kw)
    index = ActivityIndex.from_store(store)
    assert calls == []                          # read when first needed
    later = report("later", targets=(Z,))
    assert iris(later, index=index) == [own_iri(full)]
    assert len(index) == 1 and len(calls) == 1
    assert index.get(own_iri(full)).sources == {identity.source_iri(r.source.key) for r in (full, later)}
    store.close()


def test_the_index_reads_a_delegation_stated_as_inspector_as_its_body(tmp_path: Path):
    # triples written without kg.merge (an older load, an RDF file): the
    # delegation is the inspector, and the store says whom it acts for
    old = report("old", inspector="Đoàn kiểm tra số 3", leader=KHAI, targets=(X,),
                 organisations=[Organisation("Đoàn kiểm tra số 3", OrgKind.DELEGATION, parent=UBKT)])
    old_iri = own_iri(old)
    store = store_with(tmp_path / "store", old)
    index = ActivityIndex.from_store(store)
    assert iris(report("new", targets=(X, Y)), index=index) == [old_iri]
    store.close()


def test_a_reloaded_source_keeps_its_activity(tmp_path: Path):
    khai, unnamed = report("khai", leader=KHAI, targets=(X,)), report("unnamed", targets=(X,))
    mai = report("mai", leader=MAI, targets=(X,))
    a, b, c = iris(khai, unnamed, mai)     # unnamed joined khai before mai was known
    assert b == a and c != a
    store = store_with(tmp_path / "store", khai, unnamed, mai)
    index = ActivityIndex.from_store(store)
    # on its own, "unnamed" now fits both; it stays where it was
    assert iris(report("unnamed", targets=(X,)), index=index) == [a]
    store.close()


# --- through the extractor -------------------------------------------------------------------

ARTICLE_2019 = """\
---
url: https://example.test/cao-bang/2019/bao-lac
published: 2019-05-12
---
Lãnh đạo tỉnh làm việc tại huyện Bảo Lạc

Ngày 10/5/2019, đồng chí Hoàng Văn Khải, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Cao Bằng làm việc với \
Ban Thường vụ Huyện ủy Bảo Lạc về tình hình phát triển kinh tế - xã hội. Thực hiện Kế hoạch số \
12-KH/BTGTU ngày 20/3/2019 của Ban Tuyên giáo Tỉnh ủy Cao Bằng, huyện đã tổ chức học tập nghị quyết.
"""

ARTICLE_2023 = """\
---
url: https://example.test/cao-bang/2023/ha-quang
published: 2023-10-14
---
Ban Tổ chức Tỉnh ủy kiểm tra tại huyện Hà Quảng

Ngày 12/10/2023, Đoàn kiểm tra số 3 của Ban Tổ chức Tỉnh ủy Cao Bằng do đồng chí Hoàng Văn Khải, \
Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy làm Trưởng đoàn đã kiểm tra tại xã Trường Hà \
và xã Nà Sác, huyện Hà Quảng. Đợt kiểm tra thực hiện theo Kế hoạch số 12-KH/BTGTU.
"""


def extracted(tmp_path: Path, name: str, text: str) -> Records:
    from kg.extract import extract
    from kg.sources.articles import read_articles
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract(next(read_articles(path))).records


def test_one_person_under_different_title_chains_in_one_province(tmp_path: Path):
    early, late = extracted(tmp_path, "2019.txt", ARTICLE_2019), extracted(tmp_path, "2023.txt", ARTICLE_2023)
    people = {identity.person_iri(p.name, p.context, p.key) for r in (early, late) for p in r.officials}
    assert people == {identity.person_iri(KHAI, CB)}
    leader = next(t.object.value for t in records_to_triples(late) if t.predicate == PARTY.leader)
    assert leader == identity.person_iri(KHAI, CB)


def test_a_document_cited_with_and_without_date_and_issuer_is_one_node(tmp_path: Path):
    early, late = extracted(tmp_path, "2019.txt", ARTICLE_2019), extracted(tmp_path, "2023.txt", ARTICLE_2023)
    (cited_fully,), (cited_bare,) = early.documents, late.documents
    assert (cited_fully.issuer, cited_fully.date) == ("Ban Tuyên giáo Tỉnh ủy Cao Bằng", dt.date(2019, 3, 20))
    assert (cited_bare.issuer, cited_bare.date) == (None, None)
    nodes = {t.subject.value for r in (early, late) for t in records_to_triples(r)
             if t.predicate.value.endswith("id_local")}
    assert nodes == {identity.document_iri("12-KH/BTGTU", CB)}


def test_an_article_and_a_curated_record_naming_only_the_delegation_are_one_activity(tmp_path: Path):
    article = extracted(tmp_path, "2023.txt", ARTICLE_2023)
    curated = tmp_path / "delegation.yaml"
    curated.write_text(textwrap.dedent(f"""\
        source: {{id: hand/delegation-3}}
        organisations:
          - name: Đoàn kiểm tra số 3
            kind: delegation
            parent: {BTC}
        activities:
          - kind: inspection
            inspector: Đoàn kiểm tra số 3
            targets: [xã Nà Sác]
            date: 2023-10-12
        """), encoding="utf-8")
    hand = read_curated(curated)
    index = resolve_all([article, hand])
    (a,), (b,) = article.activities, hand.activities
    assert a.iri == b.iri and len(index) == 1
    assert (b.inspector, b.delegation) == (BTC, "Đoàn kiểm tra số 3")


# --- curated: force a merge or a split --------------------------------------------------------

def write(tmp_path: Path, text: str, name: str = "hand.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_curated_same_activity_merges_what_the_rules_keep_apart(tmp_path: Path):
    khai, mai = report("khai", leader=KHAI, targets=(X,)), report("mai", leader=MAI, targets=(X,))
    rules = read_curated(write(tmp_path, f"""\
        source: {{id: hand/same}}
        same_activity:
          - - {{kind: inspection, inspector: {UBKT}, date: 2023-10-12, leader: {KHAI}, leader_context: {CB}}}
            - {{kind: inspection, inspector: {UBKT}, date: 2023-10-12, leader: {MAI}}}
        """))
    resolve_all([rules, khai, mai])
    assert khai.activities[0].iri == mai.activities[0].iri == own_iri(khai)


def test_curated_different_activities_splits_what_the_rules_merge(tmp_path: Path):
    first, second = report("first", targets=(X, Y)), report("second", targets=(Y,))
    assert len(set(iris(report("first", targets=(X, Y)), report("second", targets=(Y,))))) == 1
    rules = read_curated(write(tmp_path, f"""\
        source: {{id: hand/split}}
        different_activities:
          - - {{kind: inspection, inspector: {UBKT}, date: 2023-10-12, source: "https://example.test/first"}}
            - {{kind: inspection, inspector: {UBKT}, date: 2023-10-12, source: "https://example.test/second"}}
        """))
    resolve_all([first, second, rules])          # the rules act first, whatever the order given
    assert first.activities[0].iri == own_iri(first)
    assert second.activities[0].iri == own_iri(second) != own_iri(first)


def test_a_split_whose_own_iri_is_taken_is_kept_apart_by_its_source(tmp_path: Path):
    # the same details, so the same IRI on their own: the split keeps the second apart
    first, second = report("first", targets=(X,)), report("second", targets=(X,))
    rules = read_curated(write(tmp_path, f"""\
        source: {{id: hand/split}}
        different_activities:
          - - {{kind: inspection, inspector: {UBKT}, date: 2023-10-12, source: "https://example.test/first"}}
            - {{kind: inspection, inspector: {UBKT}, date: 2023-10-12, source: "https://example.test/second"}}
        """))
    resolve_all([rules, first, second])
    a, b = first.activities[0].iri, second.activities[0].iri
    assert a == own_iri(first) and b != a and b.startswith(identity.base() + "activity/")


# --- curated: same-named people of one province ------------------------------------------------

PEOPLE = textwrap.dedent(f"""\
    source: {{id: hand/namesakes}}
    people:
      - name: Nguyễn Văn Hùng
        context: {CB}
        key: hung-1970
        posts:
          - {{role: Bí thư, organisation: Huyện ủy Bảo Lạc}}
      - name: Nguyễn Văn Hùng
        context: {CB}
        key: hung-1985
    different_from:
      - - {{name: Nguyễn Văn Hùng, context: {CB}, key: hung-1970}}
        - {{name: Nguyễn Văn Hùng, context: {CB}, key: hung-1985}}
    """)


def test_curated_keys_split_two_same_named_people_of_one_province(tmp_path: Path):
    records = read_curated(write(tmp_path, PEOPLE))
    older = identity.person_iri("Nguyễn Văn Hùng", CB, "hung-1970")
    younger = identity.person_iri("Nguyễn Văn Hùng", CB, "hung-1985")
    assert older == identity.base() + "person/nguyen-van-hung/tinh-cao-bang/hung-1970"
    triples = records_to_triples(records)
    people = {t.subject.value for t in triples if t.object == PARTY.Official}
    assert people == {older, younger}
    assert {(t.subject.value, t.object.value) for t in triples if t.predicate == OWL.differentFrom} == {
        (older, younger)}
    (membership,) = records.memberships
    assert membership.person_key == "hung-1970"
    holder = {t.subject.value for t in triples if t.predicate.value.endswith("#holds")}
    assert holder == {older}


def led_by_hung(key_line: str = "") -> str:
    """PEOPLE, and an inspection led by "Nguyễn Văn Hùng" of Cao Bằng (``key_line``: its leader_key)."""
    return PEOPLE + textwrap.dedent(f"""\
        activities:
          - kind: inspection
            inspector: {UBKT}
            leader: Nguyễn Văn Hùng
            leader_context: {CB}
            {key_line}
            targets: [{X}]
            date: 2023-10-12
        """)


def test_a_leader_names_its_namesake_by_key(tmp_path: Path):
    records = read_curated(write(tmp_path, led_by_hung("leader_key: hung-1985")))
    leader = next(t.object.value for t in records_to_triples(records) if t.predicate == PARTY.leader)
    assert leader == identity.person_iri("Nguyễn Văn Hùng", CB, "hung-1985")


def test_a_leader_without_key_is_the_one_keyed_namesake_described(tmp_path: Path):
    path = write(tmp_path, f"""\
        source: {{id: hand/one-keyed}}
        people:
          - {{name: Nguyễn Văn Hùng, context: {CB}, key: hung-1970}}
        activities:
          - {{kind: inspection, inspector: {UBKT}, leader: Nguyễn Văn Hùng, leader_context: {CB},
              targets: [{X}], date: 2023-10-12}}
        """)
    (activity,) = read_curated(path).activities
    assert activity.leader_key == "hung-1970"


def test_a_leader_without_key_among_keyed_namesakes_is_an_error(tmp_path: Path):
    path = write(tmp_path, led_by_hung())
    with pytest.raises(SourceErrors) as caught:
        read_curated(path)
    (error,) = caught.value.errors
    assert str(error) == (f"{path}:17: activities[0].leader: 2 people named 'Nguyễn Văn Hùng' in {CB} "
                          "are described, with keys hung-1970, hung-1985: give leader_key")


def test_different_from_the_same_iri_twice_is_an_error(tmp_path: Path):
    path = write(tmp_path, f"""\
        source: {{id: hand/bad}}
        different_from:
          - - {{name: Nguyễn Văn Hùng, context: {CB}}}
            - {{name: Nguyễn Văn Hùng, context: {CB}}}
        same_activity:
          - - {{kind: inspection, inspector: {UBKT}, date: 2023-10-12}}
          - - {{kind: inspection, inspector: {UBKT}}}
            - {{kind: inspection, inspector: {UBKT}, date: 2023-10-12}}
        """)
    with pytest.raises(SourceErrors) as caught:
        read_curated(path)
    assert [str(e) for e in caught.value.errors] == [
        f"{path}:3: different_from[0]: names the same person twice (same name, context and key): "
        "give each namesake its own key, e.g. {name, context, key: hung-1970}",
        f"{path}:6: same_activity[0]: expected a list of two or more activities "
        "({kind, inspector, date}, and any of leader, delegation, targets, source…)",
        f"{path}:7: same_activity[1][0].date: required (an undated activity is never merged with another)",
    ]


def test_a_key_without_context_cannot_pass_for_a_province():
    assert identity.person_iri("Nguyễn Văn Hùng", None, "hung-1970") == \
        identity.base() + "person/nguyen-van-hung/-/hung-1970"
    assert identity.person_iri("Nguyễn Văn Hùng", CB) == identity.base() + "person/nguyen-van-hung/tinh-cao-bang"
