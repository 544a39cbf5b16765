"""Where the graph lives: pyoxigraph's embedded on-disk store by default.

One named graph per source. ``replace_graphs`` swaps whole graphs: the caller
builds and checks every triple first, then the store writes them through
pyoxigraph's fast bulk path; if writing fails, the graphs it touched are put
back as they were. A source whose content is unchanged is skipped, so loading
twice changes nothing.

Readers open the store read-only (``Store.read_only``), which works beside a
running writer; a second writer is refused with a clear message.
"""
from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.binding import bind_values
from kg.errors import QueryError, StoreError
from kg.vocab import PARTY, PREFIXES

# pyoxigraph's bulk writes leave the store in many overlapping sorted files, and
# each index lookup then seeks in every one of them. Compacting once after a
# write that is a large share of the store made lookups three times faster on
# the national graph (35 µs instead of 102; 11–16 s of compaction after a
# 36–57 s load; kg load prints it); a small load into a big store is not
# worth compacting it all again.
COMPACT_FROM_QUADS = 100_000
COMPACT_FROM_SHARE = 0.25

DEFAULT_LOCATION_HELP = "$KG_STORE, else $XDG_DATA_HOME/party-kg/store (~/.local/share/party-kg/store)"


def default_location() -> str:
    data_home = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return os.path.join(data_home, "party-kg", "store")


def content_hash(triples: list[ox.Triple]) -> str:
    """A digest of a graph's triples, in order (their N-Triples, written by
    pyoxigraph: three times faster than formatting them in Python)."""
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@dataclass
class GraphChange:
    graph: str
    triples: int
    status: str          # "added", "replaced" or "unchanged"


class EmbeddedStore:
    """A pyoxigraph store in a folder."""

    def __init__(self, path: str | os.PathLike, *, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self._check_folder()
        if not read_only:
            # pyoxigraph makes the store's own folder, not its parents: a fresh
            # machine has no ~/.local/share/party-kg yet
            try:
                self.path.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot make the store folder {self.path}: {exc.strerror}") from None
        try:
            self._store = ox.Store.read_only(str(self.path)) if read_only else ox.Store(str(self.path))
        except OSError as exc:
            text = str(exc)
            if "lock" in text.lower():
                raise StoreError(
                    f"the store at {self.path} is in use by another kg process (a load is running?)",
                    hint="wait for it to finish, then try again") from None
            raise StoreError(f"cannot open the store at {self.path}: {text}") from None

    def _check_folder(self) -> None:
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path} is a file, not a store folder",
                             hint="point --store or KG_STORE at a folder")
        is_store = (self.path / "CURRENT").is_file()
        if self.read_only and not is_store:
            raise StoreError(f"no store at {self.path}",
                             hint="run `kg load PATH…` or `kg demo` first, or point --store/KG_STORE at one")
        if not self.read_only and self.path.is_dir() and not is_store and any(self.path.iterdir()):
            raise StoreError(f"{self.path} is a folder that is not a Party KG store",
                             hint="choose an empty or new folder for --store/KG_STORE")

    # --- reading -------------------------------------------------------------

    def query(self, sparql: str, bindings: Mapping[str, ox.NamedNode | ox.Literal] | None = None):
        """Run a SPARQL query over the union of all graphs, with the project's
        prefixes (kg.vocab.PREFIXES) declared.

        ``bindings`` go in as escaped RDF terms (kg.binding), never as pasted
        text, so a value with quotes, braces or newlines is just a value.
        """
        text = bind_values(sparql, bindings) if bindings else sparql
        try:
            return self._store.query(text, use_default_graph_as_union=True, prefixes=PREFIXES)
        except SyntaxError as exc:
            if text is not sparql:
                _check_syntax(sparql)   # report positions in the user's text, not the bound one
            raise QueryError(f"malformed query: {_short(str(exc))}") from None

    def select(self, sparql: str, bindings=None) -> list[dict[str, object]]:
        """SELECT rows as dicts of variable name -> Python value (str, or None)."""
        solutions = self.query(sparql, bindings)
        names = [v.value for v in solutions.variables]
        return [{n: _py(row[n]) for n in names} for row in solutions]

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs())

    def __len__(self) -> int:
        return len(self._store)

    def dump(self, output, rdf_format: ox.RdfFormat, graph: str | None = None) -> None:
        kwargs = {"from_graph": ox.NamedNode(graph)} if graph else {}
        self._store.dump(output, rdf_format, **kwargs)

    def quads(self):
        return iter(self._store)

    # --- writing -------------------------------------------------------------

    def stored_hash(self, graph: str) -> str | None:
        node = ox.NamedNode(graph)
        for quad in self._store.quads_for_pattern(None, PARTY.contentHash, None, node):
            return quad.object.value
        return None

    def replace_graphs(self, graphs: Mapping[str, list[ox.Triple]],
                       hashes: Mapping[str, str] | None = None) -> list[GraphChange]:
        """Make each named graph hold exactly the given triples.

        Each graph's content hash is written beside it (on the graph's own IRI),
        and a graph whose hash is unchanged is not written again.
        """
        self._require_writable()
        changes, new_quads, digests = [], [], {}
        for graph, triples in graphs.items():
            node = ox.NamedNode(graph)
            digest = (hashes or {}).get(graph) or content_hash(triples)
            if self.stored_hash(graph) == digest:
                changes.append(GraphChange(graph, len(triples), "unchanged"))
                continue
            digests[graph] = digest
            new_quads += [ox.Quad(t.subject, t.predicate, t.object, node) for t in triples]
            changes.append(GraphChange(graph, len(triples), "replaced" if self._has(graph) else "added"))
        if digests:
            self._swap(digests, lambda: self._store.bulk_extend(new_quads))
        return changes

    def replace_graphs_from_file(self, path: Path, rdf_format: ox.RdfFormat, counts: Mapping[str, int],
                                 hashes: Mapping[str, str]) -> list[GraphChange]:
        """Make each graph of an RDF file hold exactly what the file says.

        The file is whole graphs only (``counts``: graph -> triples), checked
        by the caller: a quad format names them; a triple format is the one
        graph of ``counts``. It goes through pyoxigraph's bulk loader, so a
        large load needs no more memory than a small one. Graphs whose hash
        is unchanged are skipped when all of them are.
        """
        self._require_writable()
        if all(self.stored_hash(g) == hashes[g] for g in counts):
            return [GraphChange(g, n, "unchanged") for g, n in counts.items()]
        changes = [GraphChange(g, n, "replaced" if self._has(g) else "added") for g, n in counts.items()]
        to_graph = {}
        if rdf_format not in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
            (graph,) = counts
            to_graph = {"to_graph": ox.NamedNode(graph)}
        self._swap(hashes, lambda: self._store.bulk_load(path=str(path), format=rdf_format, **to_graph))
        return changes

    def _has(self, graph: str) -> bool:
        return self._store.contains_named_graph(ox.NamedNode(graph))

    def _swap(self, digests: Mapping[str, str], write) -> None:
        """Empty the given graphs, ``write()`` their new content, record their
        hashes; if anything fails, put every one of them back as it was."""
        nodes = [ox.NamedNode(g) for g in digests]
        backups = {n: list(self._store.quads_for_pattern(None, None, None, n))
                   for n in nodes if self._store.contains_named_graph(n)}
        try:
            for node in backups:
                self._store.clear_graph(node)
            write()
            self._store.bulk_extend(ox.Quad(n, PARTY.contentHash, ox.Literal(digests[n.value]), n) for n in nodes)
            self._store.flush()
        except BaseException:
            self._restore(list(digests), backups)
            raise

    def compact_after(self, written: int) -> float | None:
        """Compact the store when a load wrote ``written`` quads, if they are a
        large share of it (COMPACT_FROM_SHARE); the seconds it took, or None."""
        if written < COMPACT_FROM_QUADS or written < COMPACT_FROM_SHARE * len(self._store):
            return None
        started = time.perf_counter()
        self._store.optimize()
        return time.perf_counter() - started

    def drop_graph(self, graph: str) -> None:
        self._require_writable()
        self._store.remove_graph(ox.NamedNode(graph))

    def _restore(self, graphs: Iterable[str], backups) -> None:
        """Put the given graphs back to their backed-up quads (none: empty)."""
        for graph in graphs:
            self._store.clear_graph(ox.NamedNode(graph))
        self._store.bulk_extend([q for quads in backups.values() for q in quads])
        self._store.flush()

    def _require_writable(self) -> None:
        if self.read_only:
            raise StoreError("the store was opened read-only")

    def close(self) -> None:
        """Release the store (and its lock); the object is unusable after."""
        self.__dict__.pop("_store", None)

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _check_syntax(sparql: str) -> None:
    """Raise the parser's message for ``sparql`` itself, if it is malformed
    (parsed against an empty in-memory store, so nothing is evaluated)."""
    try:
        ox.Store().query(sparql, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise QueryError(f"malformed query: {_short(str(exc))}") from None


def _short(message: str, limit: int = 200) -> str:
    """The parser's message with its position, without the page-long list of
    every token it would have accepted."""
    first = message.splitlines()[0]
    return first if len(first) <= limit else first[:limit].rsplit(",", 1)[0] + ", …"


def _py(term) -> object:
    return None if term is None else term.value


def open_store(location: str | None, *, read_only: bool = False):
    """The store at ``location`` (a folder or an http(s) SPARQL endpoint)."""
    location = location or os.environ.get("KG_STORE") or default_location()
    if location.startswith(("http://", "https://")):
        from kg.remote import RemoteStore
        return RemoteStore(location, read_only=read_only)
    return EmbeddedStore(location, read_only=read_only)
