"""Where the graph lives: pyoxigraph's embedded on-disk store by default.

One named graph per source, and the merged facts in the default graph
(kg.facts). ``replace_graphs`` swaps whole graphs: the caller builds and
checks every triple first, then the store writes them (a new version of a
published source as its difference from the stored one) through
pyoxigraph's fast bulk path and publishes them in transactions; a write that
fails or is killed leaves every source old or new, never half. Storage
failures (a full disk, a damaged store) are messages naming the store. A source whose content is
unchanged is skipped, so loading twice changes nothing.

Readers open the store read-only (``Store.read_only``), which works beside a
running writer; a second writer is refused with a clear message.
"""
from __future__ import annotations

import contextlib
import errno
import functools
import itertools
import os
import re
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import pyoxigraph as ox

from kg import facts, scratch
from kg.binding import bind_values
from kg.errors import QueryError, StoreError
from kg.storage import GraphChange, content_hash
from kg.vocab import PARTY, PREFIXES

# pyoxigraph's bulk writes leave the store in many overlapping sorted files, and
# each index lookup then seeks in every one of them. Compacting once after a
# write that is a large share of the store made lookups three times faster on
# the national graph (35 µs instead of 102; 11–16 s of compaction after a
# 36–57 s load; kg load prints it); a small load into a big store is not
# worth compacting it all again.
COMPACT_FROM_QUADS = 100_000
COMPACT_FROM_SHARE = 0.25
# A big source's new version is compared with the stored one on disk, in
# buckets of about this much N-Triples text from both (about 4 times as
# much memory).
DIFF_BUCKET_BYTES = 32 * 1024 * 1024
# Triples per write while a file is split or converted (memory stays flat).
SPLIT_BATCH = 50_000
HASH = PARTY.contentHash
# An N-Triples line (as pyoxigraph writes it) whose subject or object is a blank node.
BLANK_LINE = re.compile(rb"^_:| _:\S+ \.\n$")

DEFAULT_LOCATION_HELP = "$KG_STORE, else $XDG_DATA_HOME/party-kg/store (~/.local/share/party-kg/store)"


def default_location() -> str:
    data_home = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return os.path.join(data_home, "party-kg", "store")


def storage_error(exc: Exception, where: str, doing: str = "writing") -> StoreError:
    """A storage failure as a message naming ``where`` (the store at …, a
    scratch folder), with what to do: a full disk, a damaged store, or the
    system's own words."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if getattr(exc, "errno", None) == errno.ENOSPC or "no space left" in text.lower():
        return StoreError(f"the disk is full: {doing} {where} failed ({text})",
                          hint=f"free space on the disk of the store, and of the scratch folder "
                               f"{tempfile.gettempdir()} (TMPDIR), then run the command again; the store "
                               "holds every source whole, in its old version or its new one")
    if isinstance(exc, RuntimeError) or "corrupt" in text.lower():
        return StoreError(f"{where} is damaged ({text})",
                          hint="restore the folder from a backup, or move it aside and load the sources "
                               "again into a new store (kg load …)")
    return StoreError(f"{doing} {where} failed: {text}",
                      hint="check the folder's permissions and its disk, then run the command again")


def _guarded(method):
    """A store method whose storage failures (OSError, pyoxigraph's
    RuntimeError) end in a StoreError naming the store (storage_error)."""
    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (OSError, RuntimeError) as exc:
            raise storage_error(exc, f"the store at {self.path}") from None
    return guarded


# how often a read-only open is tried while a write removes the files it lists
READ_ONLY_ATTEMPTS = 8


class EmbeddedStore:
    """A pyoxigraph store in a folder."""

    def __init__(self, path: str | os.PathLike, *, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        # replaced graphs whose old version has blank nodes (staged_quads):
        # their swap reads the whole graph for them (kg.facts.apply_diff)
        self._blank_graphs: set[str] = set()
        self._check_folder()
        if not read_only:
            # pyoxigraph makes the store's own folder, not its parents: a fresh
            # machine has no ~/.local/share/party-kg yet
            try:
                self.path.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot make the store folder {self.path}: {exc.strerror}") from None
        try:
            self._store = self._open_read_only() if read_only else ox.Store(str(self.path))
        except OSError as exc:
            text = str(exc)
            if "lock" in text.lower():
                raise StoreError(
                    f"the store at {self.path} is in use by another kg process (a load is running?)",
                    hint="wait for it to finish, then try again") from None
            raise storage_error(exc, f"the store at {self.path}", "opening") from None
        except RuntimeError as exc:   # pyoxigraph's word for a damaged store
            raise storage_error(exc, f"the store at {self.path}", "opening") from None

    def _open_read_only(self) -> ox.Store:
        """A read-only view, beside a write that may be running. Opening reads
        the list of the store's files, then the files; a write that compacts
        in between deletes some of them, which RocksDB reports as corruption.
        The store is whole: opening again reads the new list."""
        attempt = 0
        while True:
            try:
                return ox.Store.read_only(str(self.path))
            except (OSError, RuntimeError) as exc:
                attempt += 1
                if "No such file or directory" not in str(exc) or attempt >= READ_ONLY_ATTEMPTS:
                    raise
                time.sleep(0.05 * attempt)

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
        """Run a SPARQL query over the facts (the default graph, each fact
        once: kg.facts), with each source's graph at hand for ``GRAPH``, and
        the project's prefixes (kg.vocab.PREFIXES) declared.

        ``bindings`` go in as escaped RDF terms (kg.binding), never as pasted
        text, so a value with quotes, braces or newlines is just a value.
        """
        text = bind_values(sparql, bindings) if bindings else sparql
        try:
            return self._store.query(text, prefixes=PREFIXES)
        except SyntaxError as exc:
            if text is not sparql:
                _check_syntax(sparql)   # report positions in the user's text, not the bound one
            raise QueryError(f"malformed query: {_short(str(exc))}") from None

    def select(self, sparql: str, bindings=None) -> list[dict[str, object]]:
        """SELECT rows as dicts of variable name -> Python value (str, or None)."""
        solutions = self.query(sparql, bindings)
        names = [v.value for v in solutions.variables]
        return [{n: _py(row[n]) for n in names} for row in solutions]

    def named_graphs(self, *, include_staging: bool = False) -> list[str]:
        """The sources' graphs (and the vocabulary's); staging graphs of a
        write under way only when asked."""
        return sorted(g.value for g in self._store.named_graphs()
                      if include_staging or not facts.is_staging(g.value))

    def __len__(self) -> int:
        """Every quad: the facts and each source's statements."""
        return len(self._store)

    def dump(self, output, rdf_format: ox.RdfFormat, graph: str | None = None) -> None:
        """One source's graph; else, in a quad format, the facts (default
        graph) and every source's graph; in a triple format, the facts."""
        if graph:
            self._store.dump(output, rdf_format, from_graph=ox.NamedNode(graph))
        elif rdf_format.supports_datasets:
            ox.serialize(self.quads(), output, rdf_format)
        else:
            self._store.dump(output, rdf_format, from_graph=ox.DefaultGraph())

    def quads(self):
        """The facts (in the default graph) and every published source's graph."""
        return (q for q in self._store if not (isinstance(q.graph_name, ox.NamedNode)
                                               and facts.is_staging(q.graph_name.value)))

    def facts(self):
        """The merged facts, each triple once."""
        return (ox.Triple(q.subject, q.predicate, q.object)
                for q in self._store.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    # --- writing -------------------------------------------------------------
    # The layout and its invariants: kg.facts. Writes put a source's triples in
    # its named graph (a staging graph for a new version), then publish them
    # in batches, each one transaction.

    def stored_hash(self, graph: str) -> str | None:
        node = ox.NamedNode(graph)
        for quad in self._store.quads_for_pattern(node, PARTY.contentHash, None, node):
            return quad.object.value
        return None

    def has_graph(self, graph: str) -> bool:
        return self._store.contains_named_graph(ox.NamedNode(graph))

    @_guarded
    def replace_graphs(self, graphs: Mapping[str, list[ox.Triple]],
                       hashes: Mapping[str, str] | None = None) -> list[GraphChange]:
        """Make each source graph hold exactly the given triples, and the
        facts follow. A graph whose hash is unchanged is not written again."""
        self._require_writable()
        self.repair()
        changes, todo = [], {}
        for graph, triples in graphs.items():
            digest = (hashes or {}).get(graph) or content_hash(triples)
            if self.stored_hash(graph) == digest:
                changes.append(GraphChange(graph, len(triples), "unchanged"))
                continue
            todo[graph] = digest
            changes.append(GraphChange(graph, len(triples), "replaced" if self.has_graph(graph) else "added"))
        if todo:
            replaced = {c.graph for c in changes if c.status == "replaced"}
            self._write(lambda: self._store.bulk_extend(
                q for g in todo for q in self.staged_quads(g, graphs[g], replacing=g in replaced)),
                todo, replaced, {c.graph: c.triples for c in changes})
        return changes

    def staged_quads(self, graph: str, triples: list[ox.Triple], *, replacing: bool) -> Iterator[ox.Quad]:
        """What a write puts in the store for this version of ``graph``: its
        triples, in the graph itself, when it is new; when it replaces a
        published version, the difference alone (kg.facts.apply_diff): what
        it adds in the staging graph, what it no longer states in the
        dropped graph. Computed here, in memory (a source read into memory
        is small); a big file's is computed on disk (``_diff_on_disk``)."""
        node = ox.NamedNode(graph)
        if not replacing:
            return (ox.Quad(t.subject, t.predicate, t.object, node) for t in triples)
        # triples with blank nodes are not compared: every old one goes, every
        # new one comes (kg.facts.apply_diff)
        old = set()
        for q in self._store.quads_for_pattern(None, None, None, node):
            if _has_blank(q):
                self._blank_graphs.add(graph)
            elif q.predicate != HASH:
                old.add(ox.Triple(q.subject, q.predicate, q.object))
        new = set(triples)
        added, dropped = ox.NamedNode(facts.staging_graph(graph)), ox.NamedNode(facts.dropped_graph(graph))
        return itertools.chain((ox.Quad(t.subject, t.predicate, t.object, added) for t in new - old),
                               (ox.Quad(t.subject, t.predicate, t.object, dropped) for t in old - new))

    @_guarded
    def replace_graphs_from_file(self, path: Path | Sequence[Path], rdf_format: ox.RdfFormat,
                                 counts: Mapping[str, int], hashes: Mapping[str, str],
                                 replaced: set[str] | None = None) -> list[GraphChange]:
        """Make each graph of an RDF file (or of the parts of one) hold exactly
        what the file says.

        ``counts`` (graph -> triples) are the graphs, checked by the caller. A
        quad file names each triple's graph; when the caller wrote it with
        ``replaced``, it holds their differences already (``staged_quads``);
        else those of the graphs it replaces are computed here. A triple
        file is the one graph of ``counts``. It goes through
        pyoxigraph's bulk loader, so a large load needs no more memory than
        a small one. Graphs whose hash is unchanged are skipped when all of
        them are."""
        self._require_writable()
        self.repair()
        if all(self.stored_hash(g) == hashes[g] for g in counts):
            return [GraphChange(g, n, "unchanged") for g, n in counts.items()]
        existing = {g for g in counts if self.has_graph(g)}
        changes = [GraphChange(g, n, "replaced" if g in existing else "added") for g, n in counts.items()]
        is_quads = rdf_format in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG)
        parts = [path] if isinstance(path, (str, Path)) else list(path)
        with scratch.folder("staged") as folder:
            to_graph = {}
            if replaced is not None:
                existing = set(replaced)    # the caller's parts hold the differences already
            elif not is_quads and existing:
                (graph,) = counts
                new = _canonical_triples(parts, rdf_format, folder / "new.nt")
                parts, rdf_format = [self._diff_on_disk(graph, new, folder)], ox.RdfFormat.N_QUADS
            elif not is_quads:
                (graph,) = counts
                to_graph = {"to_graph": ox.NamedNode(graph)}
            elif existing:
                # a user's quad file names the graphs themselves: the graphs it
                # replaces are split out and each one's difference goes in
                # instead, the new graphs as they are
                new_graphs, versions = _split_replaced(parts, rdf_format, existing, folder)
                parts, rdf_format = [new_graphs, *(self._diff_on_disk(g, versions[g], folder)
                                                   for g in sorted(existing))], ox.RdfFormat.N_QUADS

            def write() -> None:
                for part in parts:
                    self._store.bulk_load(path=str(part), format=rdf_format, **to_graph)

            self._write(write, dict(hashes), existing, dict(counts))
        return changes

    def _diff_on_disk(self, graph: str, new: Path, folder: Path) -> Path:
        """An N-Quads file of the difference between ``graph``'s stored
        version and ``new`` (N-Triples written by pyoxigraph), as
        ``staged_quads`` gives it, computed in bounded memory: both versions
        are spread over buckets by line, and each bucket is compared in
        memory (DIFF_BUCKET_BYTES of text at most)."""
        old = folder / "old.nt"
        with old.open("wb") as out:
            self._store.dump(out, ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))
        hash_line = f"{ox.NamedNode(graph)} {HASH} ".encode()
        buckets = 1 + (old.stat().st_size + new.stat().st_size) // DIFF_BUCKET_BYTES
        old_parts, new_parts = _bucketed(old, buckets, folder / "old"), _bucketed(new, buckets, folder / "new")
        diff = folder / f"diff-{len(list(folder.glob('diff-*')))}.nq"
        added = f" {ox.NamedNode(facts.staging_graph(graph))} .\n".encode()
        dropped = f" {ox.NamedNode(facts.dropped_graph(graph))} .\n".encode()
        with diff.open("wb") as out:
            for old_part, new_part in zip(old_parts, new_parts):
                before = set(_lines(old_part))
                after = set(_lines(new_part))
                # an N-Triples line ends with " .\n": the graph goes before it
                out.writelines(line[:-3] + added for line in after - before)
                gone = [line for line in before - after if not line.startswith(hash_line)]
                if any(BLANK_LINE.search(line) for line in gone):
                    self._blank_graphs.add(graph)
                out.writelines(line[:-3] + dropped for line in gone if not BLANK_LINE.search(line))
        old.unlink()
        for part in (*old_parts, *new_parts):
            if part not in (old, new):
                part.unlink()
        return diff

    def _write(self, write, hashes: Mapping[str, str], replaced: set[str], sizes: Mapping[str, int]) -> None:
        """``write()`` the new triples into their target graphs, then publish
        them batch by batch. If anything fails, what was not published is
        dropped again (repair), and the error goes on."""
        try:
            write()
            self._store.flush()
            self._run_updates([facts.commit({g: hashes[g] for g in batch}, [g for g in batch if g in replaced],
                                            diffs=True, blanks=self._blank_graphs)
                               for batch in facts.batches(list(hashes), sizes)])
        except BaseException:
            # a full disk may refuse the clean-up too: the next write does it
            with contextlib.suppress(StoreError):
                self.repair()
            raise
        finally:
            self._blank_graphs.clear()

    def _run_updates(self, updates: list[str]) -> None:
        for text in updates:
            self._store.update(text)
        self._store.flush()

    @_guarded
    def remove_graphs(self, graphs: Iterable[str]) -> list[str]:
        """Take sources out: each fact only they state goes with them. The
        graphs that were there, in order."""
        self._require_writable()
        self.repair()
        present = [g for g in graphs if self.has_graph(g)]
        self._run_updates([facts.remove(batch) for batch in facts.batches(present, {})])
        return present

    def published(self) -> dict[str, str]:
        """Each published graph's content hash."""
        return {row[0].value: row[1].value for row in self._store.query(facts.PUBLISHED_QUERY)}

    @_guarded
    def repair(self) -> list[str]:
        """Drop what a killed write left unpublished (kg.facts); the graphs dropped."""
        self._require_writable()
        published = self.published()
        leftover = facts.unpublished(self.named_graphs(include_staging=True), published)
        if leftover:
            self._run_updates([facts.remove(batch) for batch in facts.batches(leftover, {})])
        if published and next(self._store.quads_for_pattern(None, None, None, ox.DefaultGraph()), None) is None:
            # a store written before the facts had a default graph of their own
            self._run_updates([facts.publish({g: published[g] for g in batch})
                               for batch in facts.batches(sorted(published), {})])
        return leftover

    @_guarded
    def compact_after(self, written: int) -> float | None:
        """Compact the store when a load wrote ``written`` quads, if they are a
        large share of it (COMPACT_FROM_SHARE); the seconds it took, or None."""
        if written < COMPACT_FROM_QUADS or written < COMPACT_FROM_SHARE * len(self._store):
            return None
        started = time.perf_counter()
        self._store.optimize()
        return time.perf_counter() - started

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


def _canonical_triples(paths: Sequence[Path], rdf_format: ox.RdfFormat, out: Path) -> Path:
    """Triple files rewritten as N-Triples by pyoxigraph (one way of writing
    each triple, as the store's dump writes it), streamed."""
    with out.open("wb") as f:
        ox.serialize((t for path in paths for t in ox.parse(path=str(path), format=rdf_format)),
                     f, ox.RdfFormat.N_TRIPLES)
    return out


def _split_replaced(paths: Sequence[Path], rdf_format: ox.RdfFormat, replaced: set[str],
                    folder: Path) -> tuple[Path, dict[str, Path]]:
    """Quad files split into the quads of the graphs not ``replaced`` (one
    N-Quads file) and one N-Triples file for each replaced graph; streamed
    in batches, so memory stays flat however big they are."""
    files = {g: folder / f"version-{i}.nt" for i, g in enumerate(sorted(replaced))}
    for file in files.values():
        file.touch()
    batches: dict[str, list[ox.Triple]] = {}
    others: list[ox.Quad] = []
    new_graphs = folder / "new-graphs.nq"
    with new_graphs.open("wb") as rest:
        for quad in (q for path in paths for q in ox.parse(path=str(path), format=rdf_format)):
            name = quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else None
            if name not in replaced:
                others.append(quad)
                if len(others) >= SPLIT_BATCH:
                    ox.serialize(others, rest, ox.RdfFormat.N_QUADS)
                    others.clear()
                continue
            batch = batches.setdefault(name, [])
            batch.append(ox.Triple(quad.subject, quad.predicate, quad.object))
            if len(batch) >= SPLIT_BATCH:
                with files[name].open("ab") as out:
                    ox.serialize(batches.pop(name), out, ox.RdfFormat.N_TRIPLES)
        ox.serialize(others, rest, ox.RdfFormat.N_QUADS)
    for name, batch in batches.items():
        with files[name].open("ab") as out:
            ox.serialize(batch, out, ox.RdfFormat.N_TRIPLES)
    return new_graphs, files


def _bucketed(path: Path, buckets: int, stem: Path) -> list[Path]:
    """A file's lines spread over ``buckets`` files by their hash (the file
    itself when one bucket is enough)."""
    if buckets == 1:
        return [path]
    parts = [stem.with_name(f"{stem.name}-{i}") for i in range(buckets)]
    outs = [p.open("wb") for p in parts]
    try:
        for line in _lines(path):
            outs[hash(line) % buckets].write(line)
    finally:
        for out in outs:
            out.close()
    return parts


def _has_blank(quad: ox.Quad | ox.Triple) -> bool:
    return isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode)


def _lines(path: Path) -> Iterator[bytes]:
    with path.open("rb") as f:
        yield from f


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
