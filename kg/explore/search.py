"""Search as you type over officials, bodies, units and documents.

Names match by their folded key (kg.text.fold: any case, with or without
accents), documents by their code's key (kg.identity.code_key) or with its
separators typed any way. The keys are read once into memory: the store is
read-only for the explorer's whole life, and a substring match over a list of
keys answers each keystroke in milliseconds where a SPARQL scan of every key
(``search-scan.rq``, timed beside it by bench/bench_explore.py) costs much more.
Namesakes come apart with the province they are known in and their latest post.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass

import pyoxigraph as ox

from kg import identity
from kg.explore import sparql
from kg.explore.links import href, kinds
from kg.text import fold

LIMIT = 20


@dataclass(frozen=True)
class Entry:
    iri: str
    kind: str
    label: str
    key: str          # folded name, or a document code's key
    bare: str         # a document's key without separators; else the key


def _bare(key: str) -> str:
    return re.sub(r"[-_]", "", key)


class SearchIndex:
    def __init__(self, entries: list[Entry]):
        self.entries = entries

    @classmethod
    def from_store(cls, store) -> SearchIndex:
        table = kinds()
        entries = []
        for row in sparql.select(store, "search-keys"):
            kind = table[row["class"]].name
            key = row["key"] or ""
            label = row["label"] or row["node"].rsplit("/", 1)[-1]
            entries.append(Entry(row["node"], kind, label, key, _bare(key) if kind == "document" else key))
        return cls(entries)

    def search(self, text: str, limit: int = LIMIT) -> list[Entry]:
        """The best matches: the whole key first, then keys starting with the
        text, then a word starting with it, then containing it."""
        name = fold(text)
        code = identity.code_key(text)
        bare = _bare(code)
        if not name and not bare:
            return []
        best: dict[str, tuple[tuple, Entry]] = {}
        for entry in self.entries:
            if entry.kind == "document":
                key, needle = (entry.key, code) if code and code in entry.key else (entry.bare, bare)
            else:
                key, needle = entry.key, name
            if not needle:
                continue
            at = key.find(needle)
            if at < 0:
                continue
            rank = 0 if key == needle else 1 if at == 0 else 2 if key[at - 1] in " -_/" else 3
            score = (rank, len(entry.label), entry.label, entry.iri)
            if entry.iri not in best or score < best[entry.iri][0]:
                best[entry.iri] = (score, entry)
        return [entry for _, entry in sorted(best.values(), key=lambda item: item[0])[:limit]]


def scan(store, text: str) -> list[dict]:
    """The alternative to the index: one SPARQL scan of every key (bench only)."""
    return sparql.select(store, "search-scan", needle=ox.Literal(fold(text)))


def province_of(store, person_iri: str) -> str | None:
    """The province an official is known in: their IRI names it by its slug
    (kg.identity.person_iri), which folds to the unit's search key."""
    rest = identity.tail(person_iri, "person") or ""
    parts = rest.split("/")
    if len(parts) < 2 or parts[1] in ("", "-"):
        return None
    key = parts[1].replace("-", " ")
    rows = sparql.select(store, "place-by-key", key=ox.Literal(key))
    return rows[0]["label"] if rows else key


def latest_post(store, person_iri: str) -> str | None:
    rows = sparql.select(store, "person-latest-post", person=ox.NamedNode(person_iri))
    if not rows:
        return None

    def latest(row: dict) -> str:
        return max((row[k] for k in ("from", "until", "last") if row[k]), default="")

    return max(rows, key=lambda row: (latest(row), row["postLabel"]))["postLabel"]


class Searcher:
    """The index, built on first use (a few seconds on the national graph)."""

    def __init__(self, store):
        self.store = store
        self._index: SearchIndex | None = None
        self._lock = threading.Lock()

    @property
    def index(self) -> SearchIndex:
        with self._lock:
            if self._index is None:
                self._index = SearchIndex.from_store(self.store)
            return self._index

    def results(self, text: str, limit: int = LIMIT) -> list[dict]:
        """Matches as JSON-ready dicts; officials with their province and latest post."""
        out = []
        for entry in self.index.search(text, limit):
            item = {"iri": entry.iri, "href": href(entry.iri), "label": entry.label, "kind": entry.kind,
                    "kindLabel": next(k.vi for k in kinds().values() if k.name == entry.kind)}
            if entry.kind == "official":
                item["province"] = province_of(self.store, entry.iri)
                item["post"] = latest_post(self.store, entry.iri)
            out.append(item)
        return out
