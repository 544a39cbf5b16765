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

import bisect
import re
import threading
from dataclasses import dataclass

import pyoxigraph as ox

from kg import identity
from kg.explore import sparql
from kg.explore.links import href, kinds
from kg.schema import entity_kind
from kg.text import fold

LIMIT = 15


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
    """The keys, shortest label first, joined into one text per field, in
    which ``str.find`` (C speed) finds the occurrences in the order they are
    shown. The whole key comes first (a dict), then keys starting with the
    text, then a word starting with it, then keys containing it, among the
    first ``MAX_HITS`` occurrences. (A Python loop over 40,000 keys took
    150-500 ms per keystroke; a regular expression per rank, 30-100 ms.)"""

    MAX_HITS = 3000

    def __init__(self, entries: list[Entry]):
        self.entries = sorted(entries, key=lambda e: (len(e.label), e.label, e.iri))
        self._haystacks = [
            _Haystack([e.key if e.kind != "document" else "" for e in self.entries]),
            _Haystack([e.key if e.kind == "document" else "" for e in self.entries]),
            _Haystack([e.bare if e.kind == "document" else "" for e in self.entries])]

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
        name = fold(text)
        code = identity.code_key(text)
        needles = (name, code, _bare(code))
        ranked: list[list[int]] = [[], [], [], []]   # whole key, start, word start, inside
        for haystack, needle in zip(self._haystacks, needles):
            if not needle:
                continue
            ranked[0] += haystack.exact.get(needle, [])
            for i, at in haystack.find(needle, self.MAX_HITS):
                key = haystack.keys[i]
                ranked[1 if at == 0 else 2 if key[at - 1] in " _/-" else 3].append(i)
        found: dict[str, Entry] = {}
        for indices in ranked:
            for i in indices:
                found.setdefault(self.entries[i].iri, self.entries[i])
                if len(found) >= limit:
                    return list(found.values())
        return list(found.values())


class _Haystack:
    """Keys joined by newlines (which no key holds), where each starts, and
    each whole key's entries."""

    def __init__(self, keys: list[str]):
        self.keys = keys
        self.starts = []
        self.exact: dict[str, list[int]] = {}
        offset = 0
        for i, key in enumerate(keys):
            self.starts.append(offset)
            offset += len(key) + 1
            if key:
                self.exact.setdefault(key, []).append(i)
        self.text = "\n".join(keys)

    def find(self, needle: str, most: int):
        """(key index, offset in the key) of the first ``most`` occurrences."""
        at = self.text.find(needle)
        while at >= 0 and most > 0:
            i = bisect.bisect_right(self.starts, at) - 1
            yield i, at - self.starts[i]
            most -= 1
            at = self.text.find(needle, at + 1)


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
        self._details: dict[str, tuple[str | None, str | None]] = {}

    @property
    def index(self) -> SearchIndex:
        with self._lock:
            if self._index is None:
                self._index = SearchIndex.from_store(self.store)
            return self._index

    def details(self, entry: Entry) -> tuple[str | None, str | None]:
        """What tells namesakes apart: an official's province and latest post,
        the unit a unit lies in, a document's scope or issuer. Kept: each
        keystroke of a name asks again for the same entries."""
        if entry.iri not in self._details:
            if entry.kind == "official":
                found = (province_of(self.store, entry.iri), latest_post(self.store, entry.iri))
            else:
                rows = sparql.select(self.store, "where", x=ox.NamedNode(entry.iri))
                found = (rows[0]["where"] if rows else None, None)
            self._details[entry.iri] = found
        return self._details[entry.iri]

    def results(self, text: str, limit: int = LIMIT) -> list[dict]:
        """Matches as JSON-ready dicts; officials with their province and latest
        post, units and documents with where they belong."""
        out = []
        for entry in self.index.search(text, limit):
            item = {"iri": entry.iri, "href": href(entry.iri), "label": entry.label, "kind": entry.kind,
                    "kindLabel": entity_kind(entry.kind).vi}
            if entry.kind != "body":   # a body's name says whose it is
                item["province"], item["post"] = self.details(entry)
            out.append(item)
        return out
