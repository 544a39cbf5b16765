"""The extractor's word alternations (kg.extract.lexicon): written as prefix
trees for speed, they must match exactly what the plain longest-first
alternation matches, with and without case, at every position."""
from __future__ import annotations

import random
import re
import sys
from itertools import product

import pytest

import kg.extract.lexicon  # noqa: F401  (the package exports a function of the same name)
from kg import tables

lexicon_module = sys.modules["kg.extract.lexicon"]

ADVERSARIAL = [
    ["Ban", "Ban Tuyên giáo", "Ban Tổ chức", "Bí thư", "Phó Bí thư", "Phó Bí thư Thường trực"],
    ["Phó Trưởng đoàn", "Phó trưởng đoàn", "Trưởng đoàn", "trưởng"],      # words that differ in case only
    ["Ban", "Bộ Chính trị Trung ương", "ban tổ"],     # under (?i) "ban tổ" must win over "Ban"
    ["a", "ab", "abc", "abd", "b", "ab c", "ab  c", "a.b", "a+b", "(x)"],  # prefixes, spaces, specials
    ["đồng chí", "Đồng chí", "đ/c", "Đ/c", "ông", "Ông"],
    ["Y tế", "Y\ttế", "K+", "T&T", "Tổ", "Ủy ban", "ủy viên"],     # second letters word_start looks ahead to
]


def _table_lists() -> list[list[str]]:
    central = [r["name"] for r in tables.rows("central_bodies")]
    central += [a.strip() for r in tables.rows("central_bodies") for a in r["aliases"].split(";") if a.strip()]
    return [[r.vi for r in tables.roles().values()], [r["phrase"] for r in tables.rows("titles")],
            [r["name"] for r in tables.bodies()], [t.vi for t in tables.document_types().values()],
            [r["phrase"] for r in tables.rows("event_verbs")], central]


def _texts(words: list[str], rng: random.Random, n: int = 60) -> list[str]:
    """Texts that put words, their prefixes and case variants side by side."""
    pieces = words + [w[:k] for w in words for k in range(1, len(w))] + ["x", " ", "  ", ",", "\n", "1"]
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 8)):
            p = rng.choice(pieces)
            parts.append(rng.choice([p, p.upper(), p.lower(), p.capitalize()]))
        out.append(rng.choice(["", " "]).join(parts))
    return out


@pytest.mark.parametrize("case", ["(?i:{})", "(?:{})"])
@pytest.mark.parametrize("index", range(len(ADVERSARIAL) + 6))
def test_a_prefix_tree_matches_what_the_longest_first_list_matches(case, index):
    words = (ADVERSARIAL + _table_lists())[index]
    tree, plain = lexicon_module._alt(words), lexicon_module._longest_first(words)
    rng = random.Random(index)
    for tail in (r"(?!\w)", "", r"\s+[a-z]"):   # what follows decides how far back a match gives way
        t_re = re.compile(case.format(tree) + tail)
        p_re = re.compile(case.format(plain) + tail)
        for text in _texts(words, rng):
            assert [m.span() for m in t_re.finditer(text)] == [m.span() for m in p_re.finditer(text)], text


def test_the_tables_are_written_as_trees():
    # the speed of extraction depends on it: words that differ in case only
    # ("Đảng ủy C…", "Đảng ủy c…") keep a list below their branch, not above
    for words in _table_lists():
        tree = lexicon_module._alt(words)
        assert len(lexicon_module._top_level(tree)) < len(set(words)), tree


@pytest.mark.parametrize("index", range(len(ADVERSARIAL) + 6))
def test_a_word_start_matches_what_the_guarded_alternation_matches(index):
    # word_start consumes the first letter to let re skip ahead: the matches,
    # their spans and the alternative chosen must stay those of the plain form
    words = (ADVERSARIAL + _table_lists())[index]
    tree = lexicon_module._alt(words)
    rng = random.Random(100 + index)
    for not_after, ignore_case in product(((r"\w",), (r"\w", "(?i:ông) "), ()), (True, False)):
        fast = re.compile(f"(?P<w>{lexicon_module.word_start(tree, not_after, ignore_case)})(?!\\w)")
        lookbehinds = "".join(f"(?<!{x})" for x in not_after)
        plain = re.compile(f"{lookbehinds}(?P<w>(?{'i' if ignore_case else ''}:{tree}))(?!\\w)")
        for text in _texts(words, rng) + [f"ông {w}" for w in words] + [f"x{w} {w.upper()}" for w in words]:
            assert [(m.span(), m.group("w")) for m in fast.finditer(text)] == \
                   [(m.span(), m.group("w")) for m in plain.finditer(text)], text


def test_a_word_start_over_classes_of_tones_matches_the_guarded_alternation():
    # the event verbs are written with a class of a vowel's tones ("d[uùúủũụ]yệt"): the
    # letters word_start looks ahead to must hold every member of a class, in any case
    alt = "d[uùúủũụ]y[eèé]t|l[aàá]m\\s+vi[eêệ]c|k[iì]|h[oó]p"
    text = "duyet DÙYÉT dũyèt duyêt làm việc LÀM  VIỆC lam\tviec ki KÌ kỉ xduyet hóp HỌP hop."
    for ignore_case in (True, False):
        fast = re.compile(lexicon_module.word_start(alt, ignore_case=ignore_case) + r"(?!\w)")
        plain = re.compile(rf"(?<!\w)(?{'i' if ignore_case else ''}:{alt})(?!\w)")
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert "(?=[" in lexicon_module.word_start(alt)


def test_a_word_start_takes_every_case_of_its_first_letters():
    # "ſ" and the Kelvin sign are what (?i) also takes for "s" and "k"
    fast = re.compile(lexicon_module.word_start(lexicon_module._alt(["sở", "khối", "đảng"])))
    assert [m.group(0) for m in fast.finditer("SỞ ſở Khối \u212Ahối ĐẢNG đảng xsở")] == \
           ["SỞ", "ſở", "Khối", "\u212Ahối", "ĐẢNG", "đảng"]
