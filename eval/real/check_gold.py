#!/usr/bin/env python3
"""Check that real-news gold files follow the gold schema of ../../../shared/eval/README.md.

    python eval/real/check_gold.py eval/real/dev/gold eval/real/heldout/gold

Prints one line per problem (file, field, what is wrong) and exits 1 if there is any.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

TOP = {"query", "url", "article", "persons", "documents", "document_relations", "events", "places"}
KINDS = {"inspection", "supervision", "working_session"}
RELATIONS = {"continues", "implements", "amends", "replaces", "cites"}
PLACE_TYPES = {"tỉnh", "thành phố", "thị xã", "huyện", "xã", "phường", "thị trấn", "quận", "đặc khu"}
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The conventions write ủy, hóa: the old style puts the tone on the first vowel of a syllable
# that ends there. Inside a longer syllable (thoái, toán, khuỷu) that place is right.
OLD_SPELLING = re.compile(r"(?i:uỷ|oá)(?!\w)")


def problems(path: Path) -> list[str]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        return [f"not valid JSON: {err}"]
    out = []
    if set(doc) != TOP:
        out.append(f"top-level keys {sorted(doc)} should be {sorted(TOP)}")
    if doc.get("article") != path.stem + ".txt":
        out.append(f"article {doc.get('article')!r} should be {path.stem + '.txt'!r}")
    for key in ("query", "url"):
        if not isinstance(doc.get(key), str) or not doc[key]:
            out.append(f"{key} missing")
    facts = {k: v for k, v in doc.items() if k not in ("query", "url")}
    text = json.dumps(facts, ensure_ascii=False)
    if unicodedata.normalize("NFC", text) != text:
        out.append("strings are not NFC")
    if OLD_SPELLING.search(text):
        out.append("old spelling (uỷ/oá) in gold facts")
    names = [p.get("name") for p in doc.get("persons", [])]
    if len(names) != len(set(names)):
        out.append("a person is listed twice")
    for p in doc.get("persons", []):
        if not p.get("name") or not isinstance(p.get("posts"), list):
            out.append(f"person {p} needs name and posts")
    codes = [d.get("code") for d in doc.get("documents", [])]
    if len(codes) != len(set(codes)):
        out.append("a document is listed twice")
    for d in doc.get("documents", []):
        if set(d) != {"code", "type", "issuer", "date"} or not d.get("code") or " " in d["code"]:
            out.append(f"document {d} needs code (no spaces), type, issuer, date")
        if d.get("date") is not None and not ISO.match(d["date"]):
            out.append(f"document {d.get('code')} date {d['date']!r} is not ISO")
    for r in doc.get("document_relations", []):
        if r.get("relation") not in RELATIONS or r.get("from") not in codes or r.get("to") not in codes:
            out.append(f"relation {r} must link listed codes with one of {sorted(RELATIONS)}")
    place_names = {p.get("name") for p in doc.get("places", [])}
    for e in doc.get("events", []):
        if set(e) != {"kind", "date", "inspector", "leader", "targets", "directive", "topic"}:
            out.append(f"event keys {sorted(e)} are wrong")
        if e.get("kind") not in KINDS:
            out.append(f"event kind {e.get('kind')!r} not in {sorted(KINDS)}")
        if e.get("date") is not None and not ISO.match(e["date"]):
            out.append(f"event date {e['date']!r} is not ISO")
        if e.get("leader") is not None and e["leader"] not in names:
            out.append(f"event leader {e['leader']!r} is not among the persons")
        if e.get("directive") is not None and e["directive"] not in codes:
            out.append(f"event directive {e['directive']!r} is not among the documents")
        if not isinstance(e.get("targets"), list):
            out.append("event targets must be a list")
    for p in doc.get("places", []):
        if p.get("type") not in PLACE_TYPES or not str(p.get("name", "")).startswith(str(p.get("type")) + " "):
            out.append(f"place {p} must be named '<type> <Name>' with a known type")
        if p.get("parent") is not None and p["parent"] not in place_names:
            out.append(f"place {p.get('name')} parent {p['parent']!r} is not listed")
    return out


def main(argv: list[str]) -> int:
    bad = 0
    for folder in argv or ["."]:
        for path in sorted(Path(folder).glob("*.json")):
            for msg in problems(path):
                print(f"{path}: {msg}")
                bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
