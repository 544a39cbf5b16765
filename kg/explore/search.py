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
    """The keys, shortest label first, joined into one text per field, so
    that the C-level search of the ``re`` module finds the matches in the
    order they are shown: each tier (the whole key, then keys starting with
    the text, a word starting with it, keys containing it) stops once
    ``limit`` are found. (A Python loop over 40,000 keys, then over every
    match of a short prefix, took 150-500 ms per keystroke.)"""

    TIERS = (r"^{}$", r"^{}", r"(?<=[ _/-]){}", r"{}")

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
        found: dict[str, Entry] = {}
        for tier in self.TIERS:
            for haystack, needle in zip(self._haystacks, needles):
                if not needle:
                    continue
                for i in haystack.find(re.compile(tier.format(re.escape(needle)), re.M)):
                    found.setdefault(self.entries[i].iri, self.entries[i])
                    if len(found) >= limit:
                        return list(found.values())
        return list(found.values())


class _Haystack:
    """Keys joined by newlines (which no key holds), and where each starts."""

    def __init__(self, keys: list[str]):
        self.starts = []
        offset = 0
        for key in keys:
            self.starts.append(offset)
            offset += len(key) + 1
        self.text = "\n".join(keys)

    def find(self, pattern: re.Pattern):
        """The index of each key the pattern matches in, in order."""
        for match in pattern.finditer(self.text):
            yield bisect.bisect_right(self.starts, match.start()) - 1


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

    def details(self, iri: str) -> tuple[str | None, str | None]:
        """An official's province and latest post, kept: each keystroke of a
        name asks again for the same people."""
        if iri not in self._details:
            self._details[iri] = (province_of(self.store, iri), latest_post(self.store, iri))
        return self._details[iri]

    def results(self, text: str, limit: int = LIMIT) -> list[dict]:
        """Matches as JSON-ready dicts; officials with their province and latest post."""
        out = []
        for entry in self.index.search(text, limit):
            item = {"iri": entry.iri, "href": href(entry.iri), "label": entry.label, "kind": entry.kind,
                    "kindLabel": next(k.vi for k in kinds().values() if k.name == entry.kind)}
            if entry.kind == "official":
                item["province"], item["post"] = self.details(entry.iri)
            out.append(item)
        return out
