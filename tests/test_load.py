"""Loading: one graph per source, idempotent reloads, all-or-nothing loads,
and clear messages for bad input."""
from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import identity
from kg.demo import curated_sample_path, sample_paths
from kg.errors import SourceError, SourceErrors, StoreError
from kg.load import Spool, expand, load
from kg.store import EmbeddedStore
from kg.vocab import PARTY


def quads(path: Path) -> set:
    store = EmbeddedStore(path, read_only=True)
    try:
        return set(store.quads())
    finally:
        store.close()


def test_sample_goes_into_its_own_named_graph(sample_store):
    store = EmbeddedStore(sample_store, read_only=True)
    graphs = store.named_graphs()
    assert identity.source_iri("seed/000_ad74d0d30a1c6eeb") in graphs
    assert identity.VOCAB_GRAPH in graphs
    assert len(graphs) == 2


def test_loading_twice_changes_nothing(sample_store, kg):
    before = quads(sample_store)
    result = kg("load", str(curated_sample_path()))
    assert result.exit_code == 0, result.output
    assert "0 added, 0 replaced, 1 unchanged" in result.output
    assert quads(sample_store) == before


def test_reloading_a_changed_source_replaces_its_graph(tmp_path, store_path, kg):
    curated = tmp_path / "people.yaml"
    curated.write_text("source: {id: people}\npeople:\n  - name: Nguyễn Văn An\n", encoding="utf-8")
    assert kg("load", str(curated)).exit_code == 0
    curated.write_text("source: {id: people}\npeople:\n  - name: Lê Thị Bình\n", encoding="utf-8")
    result = kg("load", str(curated))
    assert "1 replaced" in result.output
    names = {q.object.value for q in quads(store_path) if q.predicate.value.endswith("/name")}
    assert names == {"Lê Thị Bình"}


def test_a_bad_file_leaves_the_store_exactly_as_it_was(sample_store, tmp_path, kg):
    before = quads(sample_store)
    good = tmp_path / "good.ttl"
    good.write_text("<http://example.org/a> <http://example.org/b> 'c' .\n", encoding="utf-8")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://example.org/a> <http://example.org/b> 'c' .\n<http://example.org/a> oops .\n",
                   encoding="utf-8")
    result = kg("load", str(good), str(bad))
    assert result.exit_code == 2
    assert "bad.ttl" in result.output and "RDF syntax" in result.output
    assert "line 2" in result.output or ":2" in result.output
    assert quads(sample_store) == before


def test_yaml_error_in_the_third_record_names_file_line_and_field(tmp_path, store_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "places:\n"
        "  - name: tỉnh Cao Bằng\n    type: tỉnh\n"
        "  - name: huyện Trùng Khánh\n    type: huyện\n    parent: tỉnh Cao Bằng\n"
        "  - name: xã Đàm Thủy\n    type: làng\n    parent: huyện Trùng Khánh\n",
        encoding="utf-8")
    with pytest.raises(SourceErrors) as caught:
        load(EmbeddedStore(store_path), [bad])
    (error,) = caught.value.errors
    assert (error.path, error.line, error.field) == (str(bad), 8, "places[2].type")
    assert "'làng' is not a unit type" in error.message


def test_every_yaml_problem_is_reported_at_once(tmp_path, store_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "people:\n"
        "  - name: Trần Văn Bốn\n    posts:\n      - role: Vua\n        organisation: Tỉnh ủy Hà Giang\n"
        "documents:\n  - type: Kế hoạch\n    dat: 2023-01-01\n",
        encoding="utf-8")
    with pytest.raises(SourceErrors) as caught:
        load(EmbeddedStore(store_path), [bad])
    found = {(e.line, e.field) for e in caught.value.errors}
    assert (4, "people[0].posts[0].role") in found
    assert (8, "documents[0].dat") in found
    assert (7, "documents[0].code") in found


def test_yaml_syntax_error(tmp_path, store_path):
    bad = tmp_path / "broken.yaml"
    bad.write_text("people:\n  - name: [unclosed\n", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load(EmbeddedStore(store_path), [bad])
    assert caught.value.path == str(bad) and caught.value.line is not None


def test_missing_path_and_empty_folder(tmp_path, kg):
    result = kg("load", str(tmp_path / "nowhere.yaml"))
    assert result.exit_code == 2 and "no such file or folder" in result.output
    empty = tmp_path / "empty"
    empty.mkdir()
    result = kg("load", str(empty))
    assert result.exit_code == 2 and "holds no file that can be loaded" in result.output


def test_a_folder_that_is_not_a_store_is_refused(tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "holiday.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(StoreError, match="not a Party KG store"):
        EmbeddedStore(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["holiday.jpg"]


def test_a_second_writer_is_refused_clearly(sample_store, kg):
    holder = EmbeddedStore(sample_store)
    try:
        result = kg("load", str(curated_sample_path()))
        assert result.exit_code == 2
        assert "in use by another kg process" in result.output
    finally:
        holder.close()


def test_readers_work_beside_a_writer(sample_store, kg):
    holder = EmbeddedStore(sample_store)
    try:
        result = kg("person", "Trần Thị Lộc")
        assert result.exit_code == 0 and "Trưởng Ban Tuyên giáo Tỉnh ủy Bắc Kạn" in result.output
    finally:
        holder.close()


def test_rdf_files_are_sources_and_quad_files_keep_their_graphs(tmp_path, store_path, kg):
    turtle = tmp_path / "extra.ttl"
    turtle.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n", encoding="utf-8")
    nquads = tmp_path / "named.nq"
    nquads.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/d> <http://example.org/g1> .\n",
                      encoding="utf-8")
    result = kg("load", str(turtle), str(nquads))
    assert result.exit_code == 0, result.output
    graphs = set(EmbeddedStore(store_path, read_only=True).named_graphs())
    assert {identity.source_iri("extra.ttl"), "http://example.org/g1"} <= graphs


def test_keep_going_loads_the_good_and_lists_the_bad(tmp_path, store_path, kg):
    good = tmp_path / "good.yaml"
    good.write_text("source: {id: good}\npeople:\n  - name: Hà Văn Năm\n", encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("people:\n  - nam: typo\n", encoding="utf-8")
    result = kg("load", "--keep-going", str(good), str(bad))
    assert result.exit_code == 2
    assert "1 source(s) not loaded" in result.output and "bad.yaml:2" in result.output
    assert identity.source_iri("good") in EmbeddedStore(store_path, read_only=True).named_graphs()


def test_store_location_from_the_environment(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kg_cli.main import main
    monkeypatch.setenv("KG_STORE", str(tmp_path / "env-store"))
    result = CliRunner().invoke(main, ["demo", "--view", str(tmp_path / "view.html")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "env-store" / "CURRENT").is_file()


def test_records_become_the_core_terms(sample_store):
    store = EmbeddedStore(sample_store, read_only=True)
    ask = store.query(
        "ASK { ?m a org:Membership ; org:member ?p ; opengov:post ?post ; org:organization ?o ."
        " ?p foaf:name 'Trần Thị Lộc'@vi ; org:holds ?post . ?post org:postIn ?o ; org:role ?r ."
        " ?r skos:prefLabel 'Trưởng'@vi }")
    assert bool(ask)
    assert bool(store.query(
        "ASK { ?d eli:id_local '91-KH/BTGTU' ; eli:number '91' ; eli:type_document/skos:notation 'KH' ;"
        " eli:date_document '2022-11-01'^^xsd:date }"))


def test_places_named_but_not_described_are_still_typed_units(store_path):
    from kg.load import load_records
    from kg.model import Activity, ActivityKind, Organisation, Records, Source, SourceKind
    records = Records(Source("bare", SourceKind.CURATED))
    records.organisations.append(Organisation("Huyện ủy Ba Bể", jurisdiction="huyện Ba Bể"))
    records.activities.append(Activity(ActivityKind.SUPERVISION, "Huyện ủy Ba Bể", ["thị xã Vĩnh Châu"]))
    with EmbeddedStore(store_path) as store:
        load_records(store, [records])
        rows = store.select("SELECT ?label ?type WHERE { ?u a party:AdministrativeUnit ; rdfs:label ?label ;"
                            " party:unitType ?type } ORDER BY ?label")
        assert rows == [{"label": "huyện Ba Bể", "type": "huyện"}, {"label": "thị xã Vĩnh Châu", "type": "thị xã"}]
        assert bool(store.query("ASK { ?u rdfs:label 'thị xã Vĩnh Châu'@vi ; a party:District }"))
        assert not bool(store.query("ASK { ?u rdfs:label 'thị xã Vĩnh Châu'@vi ; a org:Organization }"))


def test_large_rdf_files_take_the_bulk_path_with_the_same_guarantees(tmp_path, store_path, kg, monkeypatch):
    import kg.load as loader
    monkeypatch.setattr(loader, "BULK_BYTES", 10)   # every file counts as large
    nq = tmp_path / "big.nq"
    nq.write_text("<http://ex.org/a> <http://ex.org/p> \"one\" <http://ex.org/g1> .\n"
                  "<http://ex.org/b> <http://ex.org/p> \"two\" <http://ex.org/g2> .\n", encoding="utf-8")
    assert kg("load", str(nq)).exit_code == 0
    assert "0 added, 0 replaced, 2 unchanged" in kg("load", str(nq)).output
    nq.write_text("<http://ex.org/a> <http://ex.org/p> \"uno\" <http://ex.org/g1> .\n", encoding="utf-8")
    assert kg("load", str(nq)).exit_code == 0
    values = {q.object.value for q in quads(store_path) if q.predicate.value == "http://ex.org/p"}
    assert values == {"uno", "two"}   # g1 replaced whole; g2, not in the file any more, left alone
    broken = tmp_path / "broken.nt"
    broken.write_text("<http://ex.org/a> <http://ex.org/p> \"x\" .\n<http://ex.org/a> nonsense\n", encoding="utf-8")
    before = quads(store_path)
    result = kg("load", str(broken))
    assert result.exit_code == 2 and "broken.nt" in result.output
    assert quads(store_path) == before


def test_a_corpus_with_a_broken_line_loads_nothing_or_with_keep_going_the_rest(tmp_path, store_path, kg):
    import json
    article = {"url": "https://example.invalid/a1", "published": "2023-05-10",
               "title": "Ban Tuyên giáo Tỉnh ủy Cao Bằng kiểm tra tại huyện Trùng Khánh",
               "text": "Ngày 8/5, Đoàn kiểm tra của Ban Tuyên giáo Tỉnh ủy Cao Bằng do đồng chí Nông Văn Ba, "
                       "Trưởng Ban Tuyên giáo Tỉnh ủy làm Trưởng đoàn đã kiểm tra công tác tuyên giáo tại "
                       "huyện Trùng Khánh."}
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps(article, ensure_ascii=False) + "\n{broken\n", encoding="utf-8")
    result = kg("load", str(corpus))
    assert result.exit_code == 2 and "corpus.jsonl:2" in result.output
    assert not store_path.exists() or EmbeddedStore(store_path, read_only=True).named_graphs() == []
    result = kg("load", "--keep-going", str(corpus))
    assert result.exit_code == 2 and "1 source(s) not loaded" in result.output
    person = kg("person", "Nông Văn Ba", "--format", "json")
    (match,) = json.loads(person.output)
    assert match["posts"][0]["post"] == "Trưởng Ban Tuyên giáo Tỉnh ủy Cao Bằng"
    assert match["posts"][0]["sources"][0]["url"] == "https://example.invalid/a1"


def test_large_line_files_are_checked_in_slices_with_file_line_numbers(tmp_path):

    from kg.load import _count_graphs, _line_slices
    lines = [f'<http://ex.org/s{i}> <http://ex.org/p> "v{i}" <http://ex.org/g{i % 3}> .\n' for i in range(1000)]
    good = tmp_path / "good.nq"
    good.write_text("".join(lines), encoding="utf-8")
    slices = _line_slices(good, 4)
    assert len(slices) == 4 and slices[0][0] == 0 and slices[-1][1] is None
    assert _count_graphs(good, ox.RdfFormat.N_QUADS, "own") == {f"http://ex.org/g{k}": n for k, n in
                                                                ((0, 334), (1, 333), (2, 333))}
    lines[900] = "<http://ex.org/broken> oops .\n"
    bad = tmp_path / "bad.nq"
    bad.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(SourceError, match="line 901"):
        _count_graphs(bad, ox.RdfFormat.N_QUADS, "own")


def test_the_default_store_is_made_on_a_fresh_machine(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kg_cli.main import main
    monkeypatch.delenv("KG_STORE", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["demo"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "home" / ".local" / "share" / "party-kg" / "store" / "CURRENT").is_file()
    assert (tmp_path / "party-kg.html").is_file()


class _CountingCompactions:
    """A pyoxigraph store that counts its compactions, passing all else on."""

    def __init__(self, store):
        self._inner, self.compactions = store, 0

    def optimize(self):
        self.compactions += 1
        self._inner.optimize()

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def __len__(self):
        return len(self._inner)


def test_a_load_that_is_most_of_the_store_compacts_it_and_says_so(tmp_path, monkeypatch, kg):
    monkeypatch.setattr("kg.store.COMPACT_FROM_QUADS", 50)
    lines = "".join(f'<https://example.org/s> <https://example.org/p{i}> "{i}" .\n' for i in range(200))
    (tmp_path / "big.nt").write_text(lines, encoding="utf-8")
    result = kg("load", str(tmp_path / "big.nt"))
    assert result.exit_code == 0 and "store compacted in" in result.output
    assert "store compacted" not in kg("load", str(tmp_path / "big.nt")).output   # nothing written


def test_only_a_write_that_is_a_large_share_of_the_store_compacts_it(tmp_path, monkeypatch):
    monkeypatch.setattr("kg.store.COMPACT_FROM_QUADS", 50)
    with EmbeddedStore(tmp_path / "store") as store:
        counting = store._store = _CountingCompactions(store._store)
        node = ox.NamedNode("https://example.org/s")
        store.replace_graphs({"https://example.org/g": [
            ox.Triple(node, ox.NamedNode(f"https://example.org/p{i}"), ox.Literal(str(i))) for i in range(200)]})
        assert store.compact_after(200) is not None and counting.compactions == 1
        # under COMPACT_FROM_QUADS, or under COMPACT_FROM_SHARE of the store's 201:
        # not worth compacting it all again
        assert store.compact_after(49) is None and store.compact_after(50) is None
        assert counting.compactions == 1
        assert len(store) == 401   # the 200 facts, the graph's 200 and its hash


def test_a_store_written_before_the_facts_had_their_graph_is_published_at_the_next_write(tmp_path):
    # the old layout: each source's graph with its hash, nothing in the default graph
    graph = ox.NamedNode("https://example.org/old-source")
    fact = ox.Triple(ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p"), ox.Literal("o"))
    raw = ox.Store(str(tmp_path / "store"))
    raw.extend([ox.Quad(fact.subject, fact.predicate, fact.object, graph),
                ox.Quad(graph, PARTY.contentHash, ox.Literal("old"), graph)])
    del raw
    with EmbeddedStore(tmp_path / "store") as store:
        assert list(store.facts()) == []
        store.repair()
        assert list(store.facts()) == [fact]   # the fact, and not the hash


def test_a_spool_in_many_parts_loads_what_one_part_does(tmp_path, monkeypatch):
    from kg.demo import sample_paths
    whole = EmbeddedStore(tmp_path / "whole")
    load(whole, [*sample_paths(), curated_sample_path()])
    monkeypatch.setattr("kg.load.SPOOL_PART_QUADS", 100)   # a part per source, about
    parted = EmbeddedStore(tmp_path / "parted")
    spooled = []
    real_add = Spool.add
    monkeypatch.setattr(Spool, "add", lambda self, *a, **k: (real_add(self, *a, **k), spooled.append(len(self.paths))))
    load(parted, [*sample_paths(), curated_sample_path()])
    assert max(spooled) == 3   # the article, the curated file, the vocabulary: each in its own part
    assert sorted(map(str, parted.quads())) == sorted(map(str, whole.quads()))
    whole.close()
    parted.close()


def test_a_quad_file_that_replaces_graphs_keeps_the_old_versions_until_the_swap(tmp_path, monkeypatch):
    graph = "https://example.org/g"
    fact = lambda value: ox.Quad(ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p"),
                                 ox.Literal(value), ox.NamedNode(graph))
    for name, value in (("v1.nq", "old"), ("v2.nq", "new")):
        ox.serialize([fact(value)], str(tmp_path / name), ox.RdfFormat.N_QUADS)
    store = EmbeddedStore(tmp_path / "store")
    store.replace_graphs_from_file(tmp_path / "v1.nq", ox.RdfFormat.N_QUADS, {graph: 1}, {graph: "h1"})
    seen_during_write = []
    real_bulk_load = ox.Store.bulk_load

    class Watching:   # the store's pyoxigraph Store, with bulk_load watched
        def __init__(self, inner):
            self._inner = inner

        def __getattr__(self, name):
            return getattr(self._inner, name)

        def bulk_load(self, **kwargs):
            seen_during_write.append(sorted(t.object.value for t in store.facts()))
            return real_bulk_load(self._inner, **kwargs)

    store._store = Watching(store._store)
    changes = store.replace_graphs_from_file(tmp_path / "v2.nq", ox.RdfFormat.N_QUADS, {graph: 1}, {graph: "h2"})
    assert [c.status for c in changes] == ["replaced"]
    # a kill while writing (the new graphs, then the difference) leaves the old version
    assert seen_during_write and all(seen == ["old"] for seen in seen_during_write)
    assert sorted(t.object.value for t in store.facts()) == ["new"]
    assert store.named_graphs(include_staging=True) == [graph] and store.stored_hash(graph) == "h2"
    store.close()


@pytest.mark.parametrize("large", [False, True], ids=["parsed", "bulk"])
def test_a_quad_file_naming_the_vocabulary_graph_is_refused_with_its_line(sample_store, tmp_path, kg, monkeypatch,
                                                                         large):
    import kg.load as loader
    if large:
        monkeypatch.setattr(loader, "BULK_BYTES", 10)
    before = sorted(map(str, EmbeddedStore(sample_store, read_only=True).quads()))
    path = tmp_path / "sneaky.nq"
    path.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> <http://example.org/g> .\n"
                    f"<http://example.org/a> <http://example.org/b> \"x\" <{identity.VOCAB_GRAPH}> .\n",
                    encoding="utf-8")
    result = kg("load", str(path))
    assert result.exit_code == 2 and f"{path}: the file fills <{identity.VOCAB_GRAPH}>" in result.output
    assert "(line 2)" in result.output
    assert sorted(map(str, EmbeddedStore(sample_store, read_only=True).quads())) == before


def test_a_triple_stated_twice_in_one_source_counts_once(tmp_path, store_path, kg):
    seed = sample_paths()[0].read_text(encoding="utf-8")
    title, _, body = seed.partition("\n\n")
    twice = tmp_path / "twice.txt"     # the article's body twice: every fact stated twice
    twice.write_text(f"{title}\n\n{body.strip()}\n\n{body.strip()}\n", encoding="utf-8")
    once = tmp_path / "once.txt"
    once.write_text(seed, encoding="utf-8")
    lines = tmp_path / "lines.nt"
    lines.write_text('<http://example.org/a> <http://example.org/b> "c" .\n' * 3, encoding="utf-8")
    result = kg("load", str(once))
    written = int(result.output.split("written")[0].rsplit(";", 1)[1].split()[0].replace(",", ""))
    with EmbeddedStore(tmp_path / "other", read_only=False) as other:
        report = load(other, [twice, lines])
    assert sorted(c.triples for c in report.changes) == [1, written]
    assert report.triples_written() == written + 1


def test_two_files_of_one_source_are_named_both(tmp_path, store_path, kg):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text("source:\n  id: bulletin-7\norganisations:\n  - name: Tỉnh ủy Bắc Kạn\n", encoding="utf-8")
    second.write_text("source:\n  id: bulletin-7\norganisations:\n  - name: Tỉnh ủy Thái Nguyên\n", encoding="utf-8")
    result = kg("load", str(first), str(second))
    assert result.exit_code == 2 and str(first) in result.output and str(second) in result.output
    # also when the first is already in the store, unchanged
    assert kg("load", str(first)).exit_code == 0
    result = kg("load", str(first), str(second))
    assert result.exit_code == 2 and str(first) in result.output and str(second) in result.output


def test_a_folder_loads_its_sources_and_says_what_it_skipped(tmp_path, store_path, kg):
    data = Path(curated_sample_path()).parent
    result = kg("load", str(data))
    assert result.exit_code == 0, result.output
    assert "1 source(s): 1 added" in result.output     # the seed article alone
    assert "LICENSE-vietnamadminunits.txt" in result.output and "sample.yaml" in result.output
    folder = tmp_path / "corpus"
    (folder / ".cache").mkdir(parents=True)
    shutil.copy(sample_paths()[0], folder / "article.txt")
    shutil.copy(sample_paths()[0], folder / ".cache" / "copy.txt")
    (folder / "README.txt").write_text("what this folder is\n", encoding="utf-8")
    (folder / "draft.txt").write_text("not ready\n", encoding="utf-8")
    (folder / ".kgignore").write_text("# drafts wait\ndraft*.txt\n", encoding="utf-8")
    skipped = []
    assert expand([folder], skipped) == [folder / "article.txt"]
    assert sorted(p.name for p, _ in skipped) == ["README.txt", "copy.txt", "draft.txt"]
    # a file named on the command line is loaded whatever its name
    assert expand([folder / "draft.txt"]) == [folder / "draft.txt"]


def test_a_full_disk_ends_in_a_message_naming_the_store_and_leaves_it_whole(sample_store, tmp_path, kg, monkeypatch):
    import errno
    before = sorted(map(str, EmbeddedStore(sample_store, read_only=True).quads()))
    real_store = ox.Store

    class FullDisk:   # pyoxigraph's Store, whose writes find the disk full
        def __init__(self, *args):
            self._inner = real_store(*args)

        def __getattr__(self, name):
            return getattr(self._inner, name)

        def bulk_load(self, **kwargs):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(ox, "Store", FullDisk)
    monkeypatch.setattr(ox.Store, "read_only", real_store.read_only, raising=False)
    article = tmp_path / "article.txt"
    article.write_text(sample_paths()[0].read_text(encoding="utf-8").replace("Bắc Kạn", "Thái Nguyên"),
                       encoding="utf-8")
    result = kg("load", str(article))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "disk is full" in result.output and str(sample_store) in result.output and "hint:" in result.output
    monkeypatch.undo()
    assert sorted(map(str, EmbeddedStore(sample_store, read_only=True).quads())) == before


def test_a_damaged_store_ends_in_a_message_naming_it(sample_store, kg):
    (sample_store / "CURRENT").write_text("garbage\n", encoding="utf-8")
    for command in (("stats",), ("load", str(curated_sample_path()))):
        result = kg(*command)
        assert result.exit_code == 2, result.output
        assert f"the store at {sample_store} is damaged" in result.output and "hint:" in result.output
