"""The committed real-news gold files pass their own checker, and the checker tells old
spelling from words whose tone rightly sits on the first vowel."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

REAL = Path(__file__).resolve().parent.parent / "eval" / "real"
_spec = importlib.util.spec_from_file_location("check_gold", REAL / "check_gold.py")
check_gold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_gold)


@pytest.mark.parametrize("path", sorted(REAL.glob("*/gold/*.json")), ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_committed_gold_follows_the_schema(path):
    assert check_gold.problems(path) == []


def _gold_with_topic(tmp_path, topic):
    path = tmp_path / "g01.json"
    event = {"kind": "inspection", "date": None, "inspector": None, "leader": None,
             "targets": [], "directive": None, "topic": topic}
    path.write_text(json.dumps({"query": "q", "url": "u", "article": "g01.txt", "persons": [],
                                "documents": [], "document_relations": [], "events": [event],
                                "places": []}, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("topic", ["văn hoá cơ sở", "Uỷ ban nhân dân"])
def test_old_spelling_is_flagged(tmp_path, topic):
    assert any("old spelling" in msg for msg in check_gold.problems(_gold_with_topic(tmp_path, topic)))


@pytest.mark.parametrize("topic", ["suy thoái tư tưởng", "kế toán, khoán chi", "văn hóa, Ủy ban"])
def test_tone_inside_a_longer_syllable_is_not_old_spelling(tmp_path, topic):
    assert check_gold.problems(_gold_with_topic(tmp_path, topic)) == []
