"""Many sources, one graph: a fact stated by several sources is held once,
with every source in its provenance; removing or reloading a source takes a
fact away only when no other source still states it. On the embedded store
and on an oxigraph server through ``--store URL``."""
from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg import identity
from kg.demo import sample_paths
from kg.vocab import PARTY
from kg_cli.main import main
from oxigraph_fixtures import oxigraph_server

SEED = sample_paths()[0]
LOC = "Trần Thị Lộc"


@pytest.fixture(params=["embedded", pytest.param("server", marks=pytest.mark.server)])
def kg(request, tmp_path):
    """``kg --store WHERE …`` in-process, WHERE a fresh embedded store or a fresh oxigraph server."""
    runner = CliRunner()

    def runner_for(location: str):
        def invoke(*args: str):
            return runner.invoke(main, ["--store", location, *args], catch_exceptions=False)
        return invoke

    if request.param == "embedded":
        yield runner_for(str(tmp_path / "store"))
    else:
        with oxigraph_server(tmp_path / "db") as url:
            yield runner_for(url)


def outlets(tmp_path: Path, n: int) -> list[str]:
    """The seed article as published by ``n`` outlets (a source each)."""
    folder = tmp_path / "news"
    folder.mkdir(exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"outlet{i}.txt"
        shutil.copy(SEED, path)
        paths.append(str(path))
    return paths


def table(result) -> list[dict[str, str]]:
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.output)))


def posts(kg) -> list[tuple[str, str, str]]:
    """Trần Thị Lộc's holdings by cq1: (name, post, how many sources state it), sorted."""
    return sorted((r["official"], r["post"], r["sources"])
                  for r in table(kg("queries", "run", "cq1-official-posts", "--param", f"name={LOC}", "--format", "csv")))


def curated(tmp_path: Path, source_id: str, roles: list[tuple[str, str]], attested: str = "2022-11-25",
            until: str | None = None) -> str:
    """A curated file in which ``source_id`` states that Trần Thị Lộc holds these posts
    (shown current on ``attested``, ended on ``until``)."""
    path = tmp_path / f"{source_id}.yaml"
    ended = f"        until: {until}\n" if until else ""
    items = "".join(f"      - role: {role}\n        organisation: {org}\n        attested_on: {attested}\n{ended}"
                    for role, org in roles) or "      []\n"
    path.write_text(f"source:\n  id: {source_id}\npeople:\n  - name: {LOC}\n    context: tỉnh Bắc Kạn\n"
                    f"    posts:\n{items}", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("copies", [1, 2, 3])
def test_the_seed_from_several_outlets_is_one_set_of_facts(kg, tmp_path, copies):
    assert kg("load", *outlets(tmp_path, copies)).exit_code == 0
    assert posts(kg) == [(LOC, "Trưởng Ban Tuyên giáo Tỉnh ủy Bắc Kạn", str(copies)),
                         (LOC, "Ủy viên Ban Thường vụ Tỉnh ủy Bắc Kạn", str(copies))]
    under = table(kg("queries", "run", "cq2-activities-under-document", "--param", "code=91-KH/BTGTU",
                     "--format", "csv"))
    assert sorted(r["target"] for r in under) == ["phường Sông Cầu", "thành phố Bắc Kạn", "xã Dương Quang"]
    result = kg("inspections", "--directive", "91-KH/BTGTU", "--year", "2022", "--format", "json")
    assert result.exit_code == 0, result.output
    (activity,) = json.loads(result.output)
    assert activity["leader"] == LOC
    reports = table(kg("queries", "run", "fact-sources", "--param", f"fact={activity['iri']}", "--format", "csv"))
    # every outlet, each with the same two sentences on the activity
    sentences = {}
    for r in reports:
        sentences.setdefault(r["source"], set()).add(r["sentence"])
    assert len(sentences) == copies and len({frozenset(s) for s in sentences.values()}) == 1
    assert any(s.startswith("Ngày 25/11, Đoàn công tác số 01") for s in sentences[r["source"]])
    stats = json.loads(kg("stats", "--format", "json").output)
    assert (stats["officials"], stats["oversight activities"], stats["sources"]) == (3, 1, copies)


def test_removing_a_source_takes_only_what_no_other_source_states(kg, tmp_path):
    news = outlets(tmp_path, 2)
    extra = curated(tmp_path, "corrections", [("Phó Trưởng", "Ban Dân vận Tỉnh ủy Bắc Kạn")])
    assert kg("load", *news, extra).exit_code == 0
    assert [p[1:] for p in posts(kg)] == [("Phó Trưởng Ban Dân vận Tỉnh ủy Bắc Kạn", "1"),
                                          ("Trưởng Ban Tuyên giáo Tỉnh ủy Bắc Kạn", "2"),
                                          ("Ủy viên Ban Thường vụ Tỉnh ủy Bắc Kạn", "2")]
    # by the file it was loaded from: the post only it stated goes
    removed = kg("remove", extra)
    assert removed.exit_code == 0 and "1 source(s) removed" in removed.output
    assert [p[1:] for p in posts(kg)] == [("Trưởng Ban Tuyên giáo Tỉnh ủy Bắc Kạn", "2"),
                                          ("Ủy viên Ban Thường vụ Tỉnh ủy Bắc Kạn", "2")]
    # by its IRI: the other outlet still states everything
    sources = json.loads(kg("sources", "--format", "json").output)
    (second,) = [s["iri"] for s in sources if "/source/outlet1-" in s["iri"]]
    assert kg("remove", second).exit_code == 0
    assert [p[2] for p in posts(kg)] == ["1", "1"]
    assert kg("inspections", "--directive", "91-KH/BTGTU", "--format", "json").output.count('"iri"') == 1
    # the last one: nothing of the article is left
    assert kg("remove", str(tmp_path / "news")).exit_code == 0
    assert posts(kg) == []
    assert json.loads(kg("stats", "--format", "json").output)["oversight activities"] == 0


def test_an_unknown_source_removes_nothing(kg, tmp_path):
    news = outlets(tmp_path, 1)
    assert kg("load", *news).exit_code == 0
    result = kg("remove", news[0], "https://example.org/never-loaded")
    assert result.exit_code == 2
    assert "no such source in the store: https://example.org/never-loaded" in result.output
    assert len(posts(kg)) == 2


def test_reloading_a_source_drops_a_fact_only_when_no_other_states_it(kg, tmp_path):
    both = [("Trưởng", "Ban Tuyên giáo Tỉnh ủy Bắc Kạn"), ("Ủy viên", "Ban Thường vụ Tỉnh ủy Bắc Kạn")]
    assert kg("load", curated(tmp_path, "first", both),
              curated(tmp_path, "second", both[:1])).exit_code == 0
    assert [p[1:] for p in posts(kg)] == [("Trưởng Ban Tuyên giáo Tỉnh ủy Bắc Kạn", "2"),
                                          ("Ủy viên Ban Thường vụ Tỉnh ủy Bắc Kạn", "1")]
    # the first source now states only the post the second states too
    result = kg("load", curated(tmp_path, "first", both[:1]))
    assert result.exit_code == 0 and "1 replaced" in result.output
    assert [p[1:] for p in posts(kg)] == [("Trưởng Ban Tuyên giáo Tỉnh ủy Bắc Kạn", "2")]
    # and then nothing: the post stays, stated by the second
    assert kg("load", curated(tmp_path, "first", [])).exit_code == 0
    assert [p[1:] for p in posts(kg)] == [("Trưởng Ban Tuyên giáo Tỉnh ủy Bắc Kạn", "1")]


def test_the_membership_table_has_a_row_per_holding_whatever_its_sources(kg, tmp_path):
    post = [("Trưởng", "Ban Tuyên giáo Tỉnh ủy Bắc Kạn")]
    assert kg("load", curated(tmp_path, "spring", post, "2023-03-01"), curated(tmp_path, "autumn", post, "2023-10-20"),
              curated(tmp_path, "summer", post, "2023-06-11")).exit_code == 0
    assert kg("export", "--format", "csv", "-o", str(tmp_path / "tables")).exit_code == 0
    with (tmp_path / "tables" / "memberships.csv").open(encoding="utf-8") as f:
        (row,) = csv.DictReader(f)
    assert (row["attested_on"], row["last_attested"]) == ("2023-03-01", "2023-10-20")
    assert len(row["sources"].split(" | ")) == 3


def test_a_career_path_has_a_row_per_holding_whatever_its_sources(kg, tmp_path):
    post = [("Trưởng", "Ban Tuyên giáo Tỉnh ủy Bắc Kạn")]
    assert kg("load", *(curated(tmp_path, name, post, day) for name, day in
                        (("spring", "2023-03-01"), ("autumn", "2023-10-20"), ("summer", "2023-06-11")))).exit_code == 0
    rows = table(kg("queries", "run", "career-path", "--param", f"name={LOC}", "--format", "csv"))
    assert [(r["post"], r["when"], r["attestedOn"]) for r in rows] == [
        ("Trưởng Ban Tuyên giáo Tỉnh ủy Bắc Kạn", "2023-03-01", "2023-03-01")]


def test_a_late_attestation_is_laid_at_the_source_that_makes_it(kg, tmp_path):
    post = [("Trưởng", "Ban Tuyên giáo Tỉnh ủy Bắc Kạn")]
    # one source ends the holding in June; another still shows it current in October
    assert kg("load", curated(tmp_path, "ended", post, "2023-03-01", until="2023-06-30"),
              curated(tmp_path, "stale", post, "2023-10-20")).exit_code == 0
    rows = table(kg("queries", "run", "attested-after-end", "--format", "csv"))
    assert [(r["validThrough"], r["attestedOn"], r["source"].split("/source/")[1][:6]) for r in rows] == [
        ("2023-06-30", "2023-10-20", "stale-")]


# One inspection as three outlets report it (one names the leader and three
# targets, one neither leader nor the third target, one the delegation's
# number and one target), and another delegation of the same body that day.
REPORTS = {
    "outlet-a": ("2023-06-16", "Ngày 14/6/2023, Đoàn kiểm tra của Ban Thường vụ Tỉnh ủy Quảng Nam do Ủy viên Ban "
                 "Thường vụ Tỉnh ủy, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy Lương Văn Tâm làm trưởng đoàn đã kiểm tra "
                 "đối với Ban Thường vụ Huyện ủy Tiên Phước, Đảng ủy xã Tiên Sơn và Đảng ủy xã Tiên Hà."),
    "outlet-b": ("2023-06-15", "Ngày 14/6/2023, Đoàn kiểm tra của Ban Thường vụ Tỉnh ủy Quảng Nam đã kiểm tra đối "
                 "với Ban Thường vụ Huyện ủy Tiên Phước và Đảng ủy xã Tiên Sơn."),
    "outlet-c": ("2023-06-20", "Ngày 14/6/2023, Đoàn kiểm tra số 3 của Ban Thường vụ Tỉnh ủy Quảng Nam do đồng chí "
                 "Lương Văn Tâm làm trưởng đoàn đã kiểm tra đối với Đảng ủy xã Tiên Hà."),
    "other-delegation": ("2023-06-20", "Ngày 14/6/2023, Đoàn kiểm tra của Ban Thường vụ Tỉnh ủy Quảng Nam do Ủy viên "
                         "Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy Phan Thị Hoa làm trưởng đoàn đã kiểm "
                         "tra đối với Ban Thường vụ Huyện ủy Núi Thành."),
}


def write_reports(tmp_path: Path, names: list[str]) -> list[str]:
    paths = []
    for name in names:
        published, sentence = REPORTS[name]
        path = tmp_path / f"{name}.txt"
        path.write_text(f"---\nurl: https://example.invalid/{name}\npublished: {published}\n---\n"
                        f"Kiểm tra tại Quảng Nam\n\n{sentence}\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def inspections(kg) -> list[tuple[str | None, list[str]]]:
    result = kg("inspections", "--format", "json")
    assert result.exit_code == 0, result.output
    return sorted((a["leader"] or "", sorted(a["targets"])) for a in json.loads(result.output))


def test_reports_that_differ_in_detail_are_one_activity(kg, tmp_path):
    assert kg("load", *write_reports(tmp_path, ["outlet-a", "outlet-b", "outlet-c", "other-delegation"])).exit_code == 0
    # two delegations of one body on one day with different leaders stay two
    assert inspections(kg) == [("Lương Văn Tâm", ["huyện Tiên Phước", "xã Tiên Hà", "xã Tiên Sơn"]),
                               ("Phan Thị Hoa", ["huyện Núi Thành"])]
    activity = next(a["iri"] for a in json.loads(kg("inspections", "--format", "json").output)
                    if a["leader"] == "Lương Văn Tâm")
    reports = table(kg("queries", "run", "fact-sources", "--param", f"fact={activity}", "--format", "csv"))
    assert sorted(r["url"] for r in reports) == [f"https://example.invalid/outlet-{x}" for x in "abc"]
    # each report stays its source's: without the outlet that alone named the
    # leader and all three targets, the event is what the others say
    assert kg("remove", "https://example.invalid/outlet-a").exit_code == 0
    assert inspections(kg)[0] == ("Lương Văn Tâm", ["huyện Tiên Phước", "xã Tiên Hà", "xã Tiên Sơn"])
    assert kg("remove", "https://example.invalid/outlet-c").exit_code == 0
    assert inspections(kg)[0] == ("", ["huyện Tiên Phước", "xã Tiên Sơn"])


def test_the_activity_table_has_a_row_per_event_whatever_its_reports_say(kg, tmp_path):
    # each outlet words the topic its own way
    topics = ["công tác xây dựng Đảng năm 2023", "công tác cán bộ năm 2023"]
    reports = write_reports(tmp_path, ["outlet-a", "outlet-b"])
    for report, topic in zip(reports, topics):
        Path(report).write_text(Path(report).read_text(encoding="utf-8") + f"Nội dung kiểm tra là {topic}.\n",
                                encoding="utf-8")
    assert kg("load", *reports).exit_code == 0
    assert kg("export", "--format", "csv", "-o", str(tmp_path / "tables")).exit_code == 0
    with (tmp_path / "tables" / "activities.csv").open(encoding="utf-8") as f:
        (row,) = csv.DictReader(f)
    assert sorted(row["topic"].split(" | ")) == sorted(topics)
    assert len(row["sources"].split(" | ")) == 2


def test_a_report_loaded_later_joins_the_event_already_known(kg, tmp_path):
    assert kg("load", *write_reports(tmp_path, ["outlet-a", "other-delegation"])).exit_code == 0
    assert kg("load", *write_reports(tmp_path, ["outlet-b"])).exit_code == 0
    assert kg("load", *write_reports(tmp_path, ["outlet-c"])).exit_code == 0
    assert [leader for leader, _ in inspections(kg)] == ["Lương Văn Tâm", "Phan Thị Hoa"]


def quads_file(path: Path, graphs: dict[str, list[str]]) -> str:
    """An N-Quads file: each graph (https://example.org/source/NAME) states
    ``<https://example.org/fact/VALUE> <https://example.org/p> "VALUE"`` for its values."""
    path.write_text("".join(f'<https://example.org/fact/{v}> <https://example.org/p> "{v}" '
                            f"<https://example.org/source/{g}> .\n"
                            for g, values in graphs.items() for v in values), encoding="utf-8")
    return str(path)


def sparql_rows(kg, query: str) -> list[dict[str, str]]:
    return table(kg("sparql", query, "--format", "csv"))


def check_store(kg) -> dict[str, list[str]]:
    """The invariants of kg.facts; each example source's values."""
    assert sparql_rows(kg, "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o . "
                           "?g party:contentHash ?h } } }") == [], "a fact no published source states"
    assert sparql_rows(kg, "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?g party:contentHash ?h . ?s ?p ?o } "
                           "FILTER(?p != party:contentHash) FILTER NOT EXISTS { ?s ?p ?o } }") == [], \
        "a published source's statement missing from the facts"
    values: dict[str, list[str]] = {}
    for row in sparql_rows(kg, "SELECT ?g ?v WHERE { GRAPH ?g { ?g party:contentHash ?h . "
                               "?s <https://example.org/p> ?v } } ORDER BY ?g ?v"):
        values.setdefault(row["g"].rsplit("/", 1)[1], []).append(row["v"])
    return values


@pytest.mark.parametrize("large", [False, True], ids=["spooled", "bulk"])
def test_sources_replaced_together_keep_a_fact_one_drops_and_another_keeps(kg, tmp_path, monkeypatch, large):
    import kg.load as loader
    import kg.store as store_module
    if large:   # the big-file path: the difference computed on disk, in several buckets
        monkeypatch.setattr(loader, "BULK_BYTES", 10)
        monkeypatch.setattr(store_module, "DIFF_BUCKET_BYTES", 100)
    v1 = quads_file(tmp_path / "v1.nq", {"a": ["shared", "a1"], "b": ["shared", "b1"], "c": ["c1"]})
    assert kg("load", v1).exit_code == 0
    # b drops the shared fact, a keeps it; c is unchanged; d is new and states what b dropped
    v2 = quads_file(tmp_path / "v2.nq", {"a": ["shared", "a2"], "b": ["b1", "b2"], "c": ["c1"], "d": ["a1"]})
    result = kg("load", v2)
    assert result.exit_code == 0, result.output
    assert check_store(kg) == {"a": ["a2", "shared"], "b": ["b1", "b2"], "c": ["c1"], "d": ["a1"]}
    assert sparql_rows(kg, "SELECT ?g WHERE { GRAPH ?g { } FILTER(STRSTARTS(STR(?g), "
                           "'https://w3id.org/party-kg/graph/staging/')) }") == []


def test_a_big_source_replaced_holds_its_new_version_exactly(tmp_path, monkeypatch):
    """A triple file replaced through the difference on disk, bucketed,
    with blank nodes (never equal across versions) and an unchanged share."""
    import kg.load as loader
    import kg.store as store_module
    from kg.load import load
    from kg.store import EmbeddedStore
    monkeypatch.setattr(loader, "BULK_BYTES", 10)
    monkeypatch.setattr(store_module, "DIFF_BUCKET_BYTES", 2000)
    big = tmp_path / "big.nt"

    def version(v: int) -> str:
        lines = [f'<https://example.org/t/{i}> <https://example.org/p> "{i if i % 3 else f"{i} v{v}"}" .'
                 for i in range(300)]
        return "\n".join([*lines, f'<https://example.org/t/0> <https://example.org/q> _:b{v} .',
                          f'_:b{v} <https://example.org/p> "blank {v}" .']) + "\n"
    with EmbeddedStore(tmp_path / "store") as store:
        big.write_text(version(1), encoding="utf-8")
        load(store, [big])
        big.write_text(version(2), encoding="utf-8")
        report = load(store, [big])
        assert [c.status for c in report.changes] == ["replaced"]
        graph = identity.source_iri("big.nt")
        expected = ox.Store()
        expected.load(version(2).encode(), ox.RdfFormat.N_TRIPLES)
        stored = ox.Store()
        stored.extend(ox.Quad(q.subject, q.predicate, q.object) for q in store._store.quads_for_pattern(
            None, None, None, ox.NamedNode(graph)) if q.predicate != PARTY.contentHash)
        canon = lambda s: sorted(str(q) for q in s if not isinstance(q.object, ox.BlankNode)
                                 and not isinstance(q.subject, ox.BlankNode))
        assert canon(stored) == canon(expected) and len(stored) == len(expected)
        in_facts = {str(t) for t in store.facts()}
        assert all(str(ox.Triple(q.subject, q.predicate, q.object)) in in_facts for q in stored)
        assert not any("v1" in t or "blank 1" in t for t in in_facts)
        assert store.named_graphs(include_staging=True) == sorted(store.published())
