"""Deterministic IRIs: each one a pure function of what identifies the thing.

Loading the same input twice, or on another machine, gives the same IRIs, so a
reload replaces rather than duplicates. The base is
``https://w3id.org/party-kg/id/`` unless ``KG_BASE_IRI`` says otherwise.

| thing         | identified by                                   | IRI                                  |
|---------------|-------------------------------------------------|--------------------------------------|
| source        | its key (URL or curated name)                   | source/<slug or hash>                |
| official      | folded name + the province known in (+ curated key) | person/<name>[/<province>[/<key>]] |
| organisation  | canonical name                                  | org/<name>                           |
| post          | role + organisation                             | post/<role>/<org>                    |
| membership    | person + post                                   | membership/<hash>                    |
| place         | era + GSO code, else era + name + parent        | place/<era>/<code> or place/<era>/<name>--<parent> |
| document      | code (+ the place that scopes a local code)     | doc/<code>[/<scope>]                 |
| activity      | kind + inspector + date (+ leader, targets)     | activity/<hash>                      |

An activity's IRI is the one exception to "a pure function of one record":
several sources report one event with different details, so ``kg.merge``
gives a report the IRI of the event already known when its rules say they are
the same, and ``activity_iri`` of the report only for a new event. The rules
are in docs/identity.md.
"""
from __future__ import annotations

import hashlib
import os
import re

from kg.text import fold, slug

DEFAULT_BASE = "https://w3id.org/party-kg/id/"
VOCAB_GRAPH = "https://w3id.org/party-kg/graph/vocabulary"


def base() -> str:
    value = os.environ.get("KG_BASE_IRI", DEFAULT_BASE)
    return value if value.endswith(("/", "#")) else value + "/"


def _digest(*parts: object) -> str:
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def source_iri(key: str) -> str:
    readable = slug(re.sub(r"^[a-z]+://", "", key))[:60].strip("-")
    return f"{base()}source/{readable}-{_digest(key)}"


def person_iri(name: str, context: str | None = None, key: str | None = None) -> str:
    """``person/<name>[/<province>[/<key>]]``. The key (curated) tells apart
    same-named people of one province; without a province it follows a ``-``
    segment, so that it is never read as one."""
    tail = f"/{slug(context)}" if context else ""
    if key:
        tail = f"{tail or '/-'}/{slug(key)}"
    return f"{base()}person/{slug(name)}{tail}"


def org_iri(name: str, scope: str | None = None) -> str:
    """``org/<name>``; a body named without its place is scoped to its source
    (``Organisation.scope``): ``org/<name>/-/<digest of the source key>``."""
    return f"{base()}org/{slug(name)}" + (f"/-/{_digest(scope)}" if scope else "")


def post_iri(role_key: str, org_name: str, org_scope: str | None = None) -> str:
    return f"{base()}post/{slug(role_key)}/{slug(org_name)}" + (f"/-/{_digest(org_scope)}" if org_scope else "")


def membership_iri(person: str, person_context: str | None, role_key: str, org_name: str,
                   person_key: str | None = None, org_scope: str | None = None) -> str:
    keyed = (slug(person_key),) if person_key else ()
    scoped = (org_scope,) if org_scope else ()
    return f"{base()}membership/{_digest(fold(person), fold(person_context or ''), role_key, fold(org_name), *keyed, *scoped)}"


def place_iri(name: str, era: str | None, code: str | None = None, parent: str | None = None) -> str:
    era_part = era or "undated"
    if code:
        return f"{base()}place/{era_part}/{code}"
    tail = f"--{slug(parent)}" if parent else ""
    return f"{base()}place/{era_part}/{slug(name)}{tail}"


def code_key(code: str) -> str:
    """A document code's search key: folded, without spaces, ``TƯ`` read as
    ``TW``. The separators stay apart: party ``91-KH/BTGTU`` and state
    ``91/KH-BTGTU`` are different documents."""
    code = re.sub(r"T[Ưư](?![^\W\d_])", "TW", code)
    return re.sub(r"[^a-z0-9_-]+", "", fold(code).replace("/", "_"))


def document_iri(code: str, scope: str | None = None) -> str:
    tail = f"/{slug(scope)}" if scope else ""
    return f"{base()}doc/{code_key(code)}{tail}"


def activity_iri(kind: str, inspector: str, date: str | None, leader: str | None,
                 targets: list[str], source_key: str | None = None, *, apart: str | None = None) -> str:
    """The IRI of a new activity, from one report. ``kg.merge`` decides when
    a report is an activity already known and reuses that one's IRI instead.

    Without a date, two reports cannot be told to be the same outing, so the
    source becomes part of the key and keeps them apart. ``apart`` (a source
    key) keeps a report apart from a known activity whose IRI its own
    details would give, when the rules say it is another event."""
    key_source = None if date else source_key
    extra = ("apart", apart) if apart else ()
    return f"{base()}activity/{_digest(kind, fold(inspector), date, fold(leader or ''), *sorted(fold(t) for t in targets), key_source, *extra)}"


def tail(iri: str, kind: str) -> str | None:
    """The path after ``<base>/<kind>/`` ("person", "doc"), or None for an
    IRI of another kind or base."""
    start = f"{base()}{kind}/"
    return iri[len(start):] if iri.startswith(start) else None


def concept_iri(scheme: str, key: str) -> str:
    """A concept of one of the vocabulary's schemes. Keys are case-sensitive
    and Đ is spelt DD, so that "ĐA" (Đề án) and "DA" (Dự án) stay apart."""
    ascii_key = re.sub(r"[^A-Za-z0-9_-]", "", key.replace("Đ", "DD").replace("đ", "dd"))
    return f"https://w3id.org/party-kg/def/{scheme}/{ascii_key}"
