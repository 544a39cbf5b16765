"""The adversarial catalogue of issue #13 for inputs: YAML bombs, impossible
dates, references that point nowhere, text in the wrong encoding. Each is
answered by a message naming the file (and line, and field), never a
traceback, and nothing reaches the store from a refused file."""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from kg import identity
from kg.errors import SourceError, SourceErrors
from kg.rdf import PARTY, records_to_triples
from kg.sources.articles import read_articles
from kg.sources.curated import read_curated
from kg.sources.encodings import decode, repair_mojibake

CB = "tỉnh Cao Bằng"
BODY = ("Đoàn kiểm tra của Ban Tuyên giáo Tỉnh ủy Cao Bằng do đồng chí Nông Thị Hạnh làm trưởng đoàn "
        "đã kiểm tra việc thực hiện nghị quyết về công tác tuyên truyền ở huyện Trùng Khánh, xã Đàm Thủy "
        "và thị trấn Hòa Thuận; các đồng chí trong đoàn ghi nhận nhiều kết quả tốt.")


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(textwrap.dedent(content), encoding="utf-8")
    return path


def errors_of(path: Path) -> list[SourceError]:
    with pytest.raises((SourceError, SourceErrors)) as caught:
        read_curated(path)
    return caught.value.errors if isinstance(caught.value, SourceErrors) else [caught.value]


def only_error(path: Path) -> SourceError:
    (error,) = errors_of(path)
    assert error.path == str(path)
    return error


# --- YAML read safely ----------------------------------------------------------------------------

def billion_laughs() -> str:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level, name in enumerate("bcdefghi"):
        previous = "abcdefghi"[level]
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 10)}]")
    return "\n".join(lines) + "\n"


def test_a_billion_laughs_file_is_refused_at_the_alias_that_passes_the_bound(tmp_path):
    error = only_error(write(tmp_path, "laughs.yaml", billion_laughs()))
    assert error.line is not None and 1 < error.line <= 9
    assert "aliases expand to more than" in error.message


def test_a_recursive_alias_is_refused(tmp_path):
    error = only_error(write(tmp_path, "loop.yaml", "r: &r [*r]\n"))
    assert (error.line, "recursive alias") == (1, "recursive alias") and "recursive alias" in error.message


def test_a_recursive_alias_inside_a_mapping_is_refused(tmp_path):
    error = only_error(write(tmp_path, "loop.yaml", "source: &s\n  id: x\n  again: *s\n"))
    assert error.line == 3 and "recursive alias" in error.message


@pytest.mark.parametrize("text", [
    "a: " + "[" * 900 + "]" * 900 + "\n",
    "".join("  " * i + "-\n" for i in range(900)),
    "a: " + "{b: " * 900 + "c" + "}" * 900 + "\n",
])
def test_nine_hundred_levels_of_nesting_are_refused(tmp_path, text):
    error = only_error(write(tmp_path, "deep.yaml", text))
    assert "nested more than 40 levels" in error.message and error.line is not None


def test_aliases_that_nest_deep_only_once_expanded_are_refused(tmp_path):
    # each anchor holds the previous one: two levels as written, 100 expanded
    lines = ["a0: &a0 [x]"] + [f"a{i}: &a{i} [*a{i - 1}]" for i in range(1, 100)]
    error = only_error(write(tmp_path, "chain.yaml", "\n".join(lines) + "\n"))
    assert "once its aliases are expanded" in error.message


def test_an_alias_reused_a_few_times_still_reads(tmp_path):
    path = write(tmp_path, "ok.yaml", """\
        source: {id: reuse}
        organisations:
          - {name: Tỉnh ủy Cao Bằng, kind: party_committee, evidence: &say Một câu.}
          - {name: Ban Tuyên giáo Tỉnh ủy Cao Bằng, kind: party_agency, evidence: *say}
        """)
    assert [o.evidence[0].sentence for o in read_curated(path).organisations] == ["Một câu."] * 2


def test_duplicate_keys_are_an_error_naming_both_lines(tmp_path):
    error = only_error(write(tmp_path, "dup.yaml", """\
        source:
          id: first
          title: Hand corrections
          id: second
        """))
    assert error.line == 4 and "duplicate key 'id' (first at line 2)" in error.message


def test_duplicate_keys_are_listed_with_the_other_errors(tmp_path):
    found = errors_of(write(tmp_path, "dup.yaml", """\
        people:
          - name: Nông Thị Hạnh
            name: Nông Thị Mai
        documents:
          - type: Kế hoạch
        """))
    assert {(e.line, e.field) for e in found} == {(3, None), (5, "documents[0].code")}


@pytest.mark.parametrize("text, what", [
    ("? [a, b]\n: c\n", "a key must be plain text"),
    ("source: {id: !!python/object:os.system x}\n", "could not determine a constructor"),
    ("source: {id: !!binary aGVsbG8=}\n", "a binary value"),
])
def test_keys_and_tags_the_format_has_no_use_for(tmp_path, text, what):
    error = only_error(write(tmp_path, "odd.yaml", text))
    assert error.line == 1 and what in error.message


# --- impossible and inverted dates -----------------------------------------------------------------

@pytest.mark.parametrize("value", ["2023-05-32", "2023-13-01", "2023-02-30", "2023-13-45"])
@pytest.mark.parametrize("quote", ["", '"'])
def test_an_impossible_date_is_a_field_error(tmp_path, value, quote):
    path = write(tmp_path, "dates.yaml", f"""\
        source: {{id: dates}}
        documents:
          - code: 12-KH/BTGTU
            date: {quote}{value}{quote}
        """)
    error = only_error(path)
    assert (error.line, error.field) == (4, "documents[0].date")
    assert str(error).startswith(f"{path}:4: documents[0].date: '{value}' is not a date: ")


@pytest.mark.parametrize("record, line, field", [
    ("people:\n  - name: Nông Thị Hạnh\n    posts:\n      - {role: Trưởng, organisation: Tỉnh ủy Cao Bằng,"
     " from: 2024-03, until: 2020}\n", 5, "people[0].posts[0].until"),
    ("places:\n  - {name: tỉnh Cao Bằng, type: tỉnh, valid_from: 2025-07-01, valid_through: 2025-06-30}\n",
     3, "places[0].valid_through"),
    ("places: [{name: xã Đàm Thủy, type: xã}]\nactivities:\n  - {kind: inspection, inspector: Tỉnh ủy Cao Bằng,"
     " targets: [xã Đàm Thủy], date: 2023-10-12, end_date: 2023-10-11}\n", 4, "activities[0].end_date"),
])
def test_an_end_before_its_start_is_an_error(tmp_path, record, line, field):
    error = only_error(write(tmp_path, "inverted.yaml", "source: {id: inverted}\n" + record))
    assert (error.line, error.field) == (line, field) and "is before" in error.message


def test_a_month_ending_the_month_it_starts_is_not_inverted(tmp_path):
    path = write(tmp_path, "ok.yaml", "people:\n  - name: Nông Thị Hạnh\n    posts:\n      - {role: Trưởng, "
                                      "organisation: Tỉnh ủy Cao Bằng, from: 2024-03-05, until: 2024-03}\n")
    assert len(read_curated(path).memberships) == 1


def test_impossible_dates_in_front_matter_and_corpus_lines_name_file_line_and_field(tmp_path):
    txt = write(tmp_path, "a.txt", f"---\npublished: 2023-02-30\n---\nTin\n\n{BODY}\n")
    corpus = write(tmp_path, "c.jsonl", json.dumps({"text": BODY, "published": "2023-13-01"}) + "\n")
    for path, line in ((txt, 2), (corpus, 1)):
        with pytest.raises(SourceError) as caught:
            list(read_articles(path))
        assert (caught.value.path, caught.value.line, caught.value.field) == (str(path), line, "published")


def test_keep_going_loads_the_rest_of_a_folder_past_an_impossible_date(tmp_path, kg):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "bad.yaml", "source: {id: bad}\ndocuments:\n  - {code: 1-KH/X, date: 2023-05-32}\n")
    write(folder, "good.yaml", "source: {id: good}\npeople:\n  - name: Nông Thị Hạnh\n")
    result = kg("load", "--keep-going", str(folder))
    assert "Traceback" not in result.output
    assert "1 added" in result.output
    assert "bad.yaml:3: documents[0].date: '2023-05-32' is not a date" in result.output


# --- curated references resolve or fail ----------------------------------------------------------------

README_LIKE = f"""\
    source: {{id: corrections}}
    places:
      - {{name: {CB}, type: tỉnh}}
      - {{name: huyện Trùng Khánh, type: huyện, parent: {CB}}}
    organisations:
      - {{name: Ban Tuyên giáo Tỉnh ủy Cao Bằng, kind: party_agency, alt_labels: [BTGTU]}}
    people:
      - name: Nông Thị Hạnh
        context: {CB}
    documents:
      - {{code: 12-KH/BTGTU, type: Kế hoạch, scope: {CB}}}
    activities:
      - kind: inspection
        inspector: BTGTU
        leader: Nông Thị Hạnh
        targets: [huyện Trùng Khánh]
        document: 12-KH/BTGTU
        date: 2023-10-12
    """


def test_a_leader_without_context_is_the_one_person_of_that_name_described(tmp_path):
    # the README's example: before, the activity pointed at a nameless person
    records = read_curated(write(tmp_path, "hand.yaml", README_LIKE))
    triples = records_to_triples(records)
    leader = next(t.object.value for t in triples if t.predicate == PARTY.leader)
    assert leader == identity.person_iri("Nông Thị Hạnh", CB)
    assert any(t.subject.value == leader and t.predicate.value.endswith("/name") for t in triples)


def test_an_alt_label_stands_for_the_body_it_labels(tmp_path):
    (activity,) = read_curated(write(tmp_path, "hand.yaml", README_LIKE)).activities
    assert activity.inspector == "Ban Tuyên giáo Tỉnh ủy Cao Bằng"


def test_a_leader_of_two_contexts_is_an_error(tmp_path):
    text = README_LIKE.replace("    documents:", "      - {name: Nông Thị Hạnh, context: tỉnh Hà Giang}\n    documents:")
    error = only_error(write(tmp_path, "hand.yaml", text))
    assert error.field == "activities[0].leader"
    assert "2 people named 'Nông Thị Hạnh' are described, in tỉnh Cao Bằng, tỉnh Hà Giang: give leader_context" \
        in error.message


@pytest.mark.parametrize("change, field, what", [
    (("leader: Nông Thị Hạnh", "leader: Hoàng Văn Khải"), "activities[0].leader",
     "'Hoàng Văn Khải' is not described under people:"),
    (("leader: Nông Thị Hạnh", "leader: Nông Thị Hạnh\n        leader_context: tỉnh Hà Giang"),
     "activities[0].leader", "'Nông Thị Hạnh' in tỉnh Hà Giang is not described under people:"),
    (("document: 12-KH/BTGTU", "document: 99-KH/BTGTU"), "activities[0].document",
     "'99-KH/BTGTU' is not described under documents:"),
    (("scope: tỉnh Cao Bằng}", "scope: tỉnh Hà Giang}"), "documents[0].scope",
     "'tỉnh Hà Giang' is not described under places:"),
    (("type: Kế hoạch,", "type: Kế hoạch, implements: [35-NQ/TW],"), "documents[0].implements",
     "'35-NQ/TW' is not described under documents:"),
    (("targets: [huyện Trùng Khánh]", "targets: [huyện Trùng Khánh, Trùng Khánh]"), "activities[0].targets",
     "'Trùng Khánh' is not described under places:, organisations: or people:"),
])
def test_a_reference_to_nothing_described_is_an_error(tmp_path, change, field, what):
    error = only_error(write(tmp_path, "hand.yaml", README_LIKE.replace(*change)))
    assert error.field == field and what in error.message


def test_an_alt_label_of_two_bodies_is_an_error(tmp_path):
    text = README_LIKE.replace("    people:", "      - {name: Ban Tổ chức Tỉnh ủy Cao Bằng, kind: party_agency, "
                                              "alt_labels: [BTGTU]}\n    people:")
    error = only_error(write(tmp_path, "hand.yaml", text))
    assert error.field == "activities[0].inspector" and "alt_label of 2 organisations" in error.message


def test_kg_validate_no_longer_passes_a_leader_who_is_nobody(tmp_path, kg):
    result = kg("load", str(write(tmp_path, "hand.yaml", README_LIKE.replace("leader: Nông Thị Hạnh",
                                                                             "leader: Hoàng Văn Khải"))))
    assert result.exit_code == 2 and "activities[0].leader" in result.output


# --- text reading says what it did ---------------------------------------------------------------------

def misread_as_cp1252(text: str) -> str:
    """UTF-8 shown as Windows-1252 and saved again (undefined bytes kept as C1 controls)."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8"))


def test_utf8_misread_as_cp1252_is_repaired_with_a_warning(tmp_path, kg):
    seen = misread_as_cp1252("Ban Tuyên giáo kiểm tra\n\n" + BODY)
    assert "TuyÃªn giÃ¡o" in seen
    path = write(tmp_path, "moji.txt", seen)
    (article,) = read_articles(path)
    assert article.title == "Ban Tuyên giáo kiểm tra"
    result = kg("load", str(path))
    assert result.exit_code == 0
    assert f"warning: {path}: UTF-8 that was read as Windows-1252" in result.stderr


def test_utf8_misread_twice_is_repaired_twice():
    twice = misread_as_cp1252(misread_as_cp1252(BODY))
    assert repair_mojibake(twice, "t").text == BODY


def test_utf8_misread_with_bytes_lost_is_refused(tmp_path):
    # the undefined Windows-1252 bytes dropped: "nhỏ" (…\x8f) cannot come back
    lossy = "".join(bytes([b]).decode("cp1252", errors="ignore") for b in ("Tin\n\nhuyện nhỏ " + BODY).encode())
    with pytest.raises(SourceError) as caught:
        list(read_articles(write(tmp_path, "lossy.txt", lossy)))
    assert "lossy.txt" in str(caught.value) and "cannot be repaired with certainty" in str(caught.value)


def test_misread_words_inside_good_text_are_refused():
    with pytest.raises(SourceError, match="UTF-8 that was read as Windows-1252"):
        repair_mojibake(BODY + " " + misread_as_cp1252("Tuyên giáo") + " và", "t")


def test_a_capital_before_a_quote_is_not_taken_for_mojibake():
    text = BODY + " “TÔ”"   # Ô” are the bytes D4 94, UTF-8 for a Cyrillic letter
    assert repair_mojibake(text, "t").text == text


def to_tcvn3(text: str) -> bytes:
    import csv
    from importlib import resources
    with resources.files("kg").joinpath("tables", "legacy_encodings.csv").open(encoding="utf-8") as f:
        table = {r["char"]: bytes.fromhex(r["bytes"]) for r in csv.DictReader(f) if r["encoding"] == "tcvn3"}
    return b"".join(table.get(c) or c.encode("ascii") for c in text)


def test_a_legacy_encoding_converted_is_a_warning_on_stderr_naming_the_file(tmp_path, kg):
    body = BODY.replace("Đoàn", "đoàn")   # TCVN3 has no toned capitals
    path = write(tmp_path, "old.txt", to_tcvn3("Tin ngắn\n\n" + body))
    load = kg("load", str(path))
    assert load.exit_code == 0 and f"warning: {path}: not valid UTF-8" in load.stderr and "TCVN3" in load.stderr
    extract = kg("extract", str(path))
    assert f"warning: {path}: not valid UTF-8" in extract.stderr


@pytest.mark.parametrize("codec, name", [("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")])
def test_utf16_without_a_bom_is_recognised_with_a_warning(tmp_path, codec, name):
    path = write(tmp_path, "wide.txt", ("Tin\n\n" + BODY).encode(codec))
    (article,) = read_articles(path)
    assert article.body == BODY and article.warnings == (f"{name} without a byte-order mark: read as {name}",)


def test_broken_utf16_without_a_bom_says_what_it_probably_is():
    with pytest.raises(SourceError) as caught:
        decode(("Tin " + BODY).encode("utf-16-le") + b"x", "odd.txt")
    assert "looks like UTF-16LE text without a byte-order mark" in str(caught.value)
    assert "binary" not in str(caught.value)


def test_binary_with_nul_bytes_everywhere_is_still_binary():
    with pytest.raises(SourceError, match="binary data"):
        decode(bytes(range(256)) * 8, "noise.txt")


def test_a_control_character_in_yaml_is_a_message_with_its_line(tmp_path):
    # found by tests/test_hypothesis.py: PyYAML's ReaderError is no MarkedYAMLError
    error = only_error(write(tmp_path, "ctl.yaml", "source:\n  id: a\x7fb\n"))
    assert error.line == 2 and "#x007f is not allowed" in error.message


def test_a_quad_file_naming_a_graph_by_a_blank_node_is_refused(tmp_path, kg):
    # found by tests/test_hypothesis.py: it ended in a ValueError traceback
    path = write(tmp_path, "blank.nq", '<http://example.org/a> <http://example.org/b> "c" _:g .\n')
    result = kg("load", str(path))
    assert result.exit_code == 2 and f"{path}: a graph named by a blank node" in result.output


@pytest.mark.parametrize("graph", ["https://w3id.org/party-kg/graph/vocabulary",
                                   "https://w3id.org/party-kg/graph/staging/0123"])
def test_a_quad_file_filling_one_of_kgs_own_graphs_is_refused(sample_store, tmp_path, kg, graph):
    # found by tests/test_hypothesis.py: the vocabulary was replaced by the file's triple
    # (and reported as no change); a staging graph was published as a source
    from kg.store import EmbeddedStore
    store = EmbeddedStore(sample_store)
    before = set(store.quads())
    store.close()
    path = write(tmp_path, "own.nq", f'<http://example.org/a> <http://example.org/b> "c" <{graph}> .\n')
    result = kg("load", str(path))
    assert result.exit_code == 2 and f"{path}: the file fills <{graph}>, one of kg's own graphs" in result.output
    store = EmbeddedStore(sample_store)
    assert set(store.quads()) == before
    store.close()
