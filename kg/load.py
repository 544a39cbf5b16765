"""Loading sources into the store: files or folders in, one named graph per
source out.

The whole input is read and checked before anything is written: curated YAML
becomes records, articles are extracted, RDF files are parsed. Only when every
file is good (or, with ``keep_going``, for the good ones) does the store
change, so a failing load leaves it exactly as it was.
"""
from __future__ import annotations

import contextlib
import fnmatch
import hashlib
import io
import os
import re
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg import identity, scratch
from kg.errors import KGError, SourceError
from kg.merge import ActivityIndex, resolve_activities, resolve_all
from kg.model import Records
from kg.sources.articles import SUFFIXES as _ARTICLE_SUFFIXES, suffix as file_suffix
from kg.storage import GraphChange, content_hash

CURATED_SUFFIXES = {".yaml", ".yml"}
ARTICLE_SUFFIXES = set(_ARTICLE_SUFFIXES)   # .txt .jsonl, saved pages, web archives
RDF_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
}
# formats with one statement a line, which can be checked in slices
LINE_FORMATS = (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS)
SUPPORTED = CURATED_SUFFIXES | ARTICLE_SUFFIXES | set(RDF_FORMATS)
# RDF files above this size go through pyoxigraph's bulk loader after a
# checking parse, instead of being held in memory as triples.
BULK_BYTES = 32 * 1024 * 1024
# In a folder, files whose names begin so are its documentation, not sources.
DOCUMENT_NAMES = ("README", "LICENSE", "LICENCE", "COPYING", "NOTICE", "CHANGELOG", "AUTHORS")
# A file in a folder that lists, one glob a line, the files of the folder
# that `kg load FOLDER` leaves out.
IGNORE_FILE = ".kgignore"
# The spool is bulk-loaded in parts of about this many quads (see Spool).
SPOOL_PART_QUADS = 450_000


@dataclass
class PendingGraph:
    """A source read and checked, ready to be written as one named graph:
    each triple once (a fact stated twice in one article is one triple)."""
    graph: str
    label: str
    triples: list[ox.Triple]
    digest: str
    origin: str = ""     # the file (and line) it was read from, for messages

    @classmethod
    def of(cls, graph: str, label: str, triples: list[ox.Triple], origin: str = "") -> PendingGraph:
        triples = list(dict.fromkeys(triples))
        return cls(graph, label, triples, content_hash(triples), origin)


@dataclass
class PendingBulkFile:
    """A large RDF file, parsed once to check it, to be bulk-loaded as it is."""
    path: Path
    rdf_format: ox.RdfFormat
    counts: dict[str, int]   # graph -> triples: the file's own graph, or the graphs it names
    digest: str


@dataclass
class LoadReport:
    changes: list[GraphChange] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    failures: list[KGError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)   # files of the folders that are not sources, why
    compaction_seconds: float | None = None   # the store compacted after the write (kg.store)

    def triples_written(self) -> int:
        return triples_written(self.changes)


def triples_written(changes: list[GraphChange]) -> int:
    return sum(c.triples for c in changes if c.status != "unchanged" and c.triples > 0)


def expand(paths: list[Path], skipped: list[tuple[Path, str]] | None = None) -> list[Path]:
    """The supported files under the given files and folders, in a stable
    order. A file named is loaded; in a folder, the files that are not
    sources are skipped (``not_sources``) and added to ``skipped``."""
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise SourceError(path, "no such file or folder")
        if path.is_dir():
            found, passed = [], []
            for p in sorted(p for p in path.rglob("*") if p.is_file() and file_suffix(p) in SUPPORTED):
                if why := not_sources(path, p):
                    passed.append((p, why))
                else:
                    found.append(p)
            if skipped is not None:
                skipped += passed
            if not found:
                raise SourceError(path, "the folder holds no file that can be loaded",
                                  hint=f"supported: {', '.join(sorted(SUPPORTED))}")
            files += found
        elif file_suffix(path) in SUPPORTED:
            files.append(path)
        else:
            raise SourceError(path, f"cannot load a {path.suffix or 'suffix-less'} file",
                              hint=f"supported: {', '.join(sorted(SUPPORTED))}")
    return files


def not_sources(folder: Path, path: Path) -> str | None:
    """Why a file found in a folder is not loaded as a source, or None: it
    is hidden (a part of its path begins with "."), documentation (README,
    LICENSE and the like: DOCUMENT_NAMES), or listed in a ``.kgignore`` file
    of the folder or of a folder between (one glob a line, relative to that
    folder; # begins a comment)."""
    relative = path.relative_to(folder)
    if any(part.startswith(".") for part in relative.parts):
        return "hidden"
    if path.name.upper().startswith(DOCUMENT_NAMES):
        return "documentation"
    for depth in range(len(relative.parts)):
        base = folder.joinpath(*relative.parts[:depth])
        ignore = base / IGNORE_FILE
        if ignore.is_file():
            inside = path.relative_to(base).as_posix()
            for line in ignore.read_text(encoding="utf-8", errors="replace").splitlines():
                pattern = line.split("#", 1)[0].strip()
                if pattern and (fnmatch.fnmatch(inside, pattern) or fnmatch.fnmatch(path.name, pattern)):
                    return f"listed in {ignore}"
    return None


def records_graph(records: Records, events: ActivityIndex | None = None, origin: str = "") -> PendingGraph:
    """One source's records as its pending graph; with ``events``, its
    activities first take the IRIs of the events other sources reported
    (kg.merge)."""
    from kg.rdf import records_to_triples
    if events is not None:
        resolve_activities(records, events)
    return PendingGraph.of(identity.source_iri(records.source.key), records.source.title or records.source.key,
                           records_to_triples(records), origin)


def read_file(path: Path, warn: Callable[[str], None],
              events: ActivityIndex | None = None) -> Iterator[PendingGraph | PendingBulkFile | KGError]:
    """Read one file into pending graphs; problems come out as errors, in order."""
    suffix = file_suffix(path)
    if suffix in CURATED_SUFFIXES:
        from kg.sources.curated import read_curated
        try:
            yield records_graph(read_curated(path), events, str(path))
        except KGError as exc:
            yield exc
    elif suffix in ARTICLE_SUFFIXES:
        yield from read_articles(path, warn, events)
    else:
        try:
            yield from read_rdf(path)
        except KGError as exc:
            yield exc


def read_articles(path: Path, warn: Callable[[str], None],
                  events: ActivityIndex | None = None) -> Iterator[PendingGraph | KGError]:
    from kg.extract import extract
    from kg.sources.articles import iter_articles
    for item in iter_articles([path], keep_going=True):
        if isinstance(item, KGError):
            yield item
            continue
        extraction = extract(item)
        for message in (*item.warnings, *extraction.warnings):   # reading's, then extraction's
            where = f"{item.path}:{item.line}" if item.path and item.line else (item.path or item.key)
            warn(f"{where}: {message}")
        where = f"{item.path}:{item.line}" if item.path and item.line else str(item.path or path)
        yield records_graph(extraction.records, events, where)


def read_rdf(path: Path) -> list[PendingGraph | PendingBulkFile]:
    """Parse an RDF file completely, so that a syntax error stops the load
    before anything is written. Its triples go to the file's own graph; a
    file that names graphs (N-Quads, TriG) fills those graphs."""
    rdf_format = RDF_FORMATS[path.suffix.lower()]
    graph = identity.source_iri(path.name)
    digest = _file_digest(path)
    try:
        if path.stat().st_size > BULK_BYTES:
            return [PendingBulkFile(path, rdf_format, _count_graphs(path, rdf_format, graph), digest)]
        quads = list(ox.parse(path=str(path), format=rdf_format))
    except SyntaxError as exc:
        raise SourceError(path, f"RDF syntax: {exc}", hint="fix the file; nothing was written") from None
    except (OSError, ValueError) as exc:
        raise SourceError(path, f"cannot read it as RDF: {exc}") from None
    by_graph: dict[str, list[ox.Triple]] = {}
    for q in quads:
        if isinstance(q.graph_name, ox.BlankNode):   # a source's graph needs a name that lasts
            raise SourceError(path, f"a graph named by a blank node (_:{q.graph_name.value})",
                              hint="name every graph with an IRI; nothing was written")
        name = graph if isinstance(q.graph_name, ox.DefaultGraph) else _own_graph(path, q.graph_name.value)
        by_graph.setdefault(name, []).append(ox.Triple(q.subject, q.predicate, q.object))
    if not by_graph:
        raise SourceError(path, "the file holds no triples")
    return [PendingGraph.of(name, path.name if name == graph else name, triples, str(path))
            for name, triples in by_graph.items()]


def _line_naming(path: Path, iri: str) -> int | None:
    """The first line of a file that holds ``iri``, if one does."""
    needle = iri.encode("utf-8")
    with path.open("rb") as f:
        for number, line in enumerate(f, 1):
            if needle in line:
                return number
    return None


def _count_graphs(path: Path, rdf_format: ox.RdfFormat, own_graph: str) -> dict[str, int]:
    """Triples per graph of a large file, read whole so that a syntax error
    stops the load before anything is written. A triple file is the file's
    own graph; a quad file must name the graph of every triple.

    Line-based files (N-Triples, N-Quads) are checked in slices, one process
    a core: iterating pyoxigraph's parser from Python costs about as much as
    a quarter of the bulk load itself, and this halves it on two cores."""
    slices = _line_slices(path, os.cpu_count() or 1) if rdf_format in LINE_FORMATS else [(0, None)]
    jobs = [(str(path), path.suffix.lower(), start, stop, own_graph) for start, stop in slices]
    if len(jobs) > 1:
        with ProcessPoolExecutor(len(jobs)) as pool:
            results = list(pool.map(_count_slice, jobs))
    else:
        results = [_count_slice(jobs[0])]
    counts: dict[str, int] = {}
    for (start, _), (part, problem) in zip(slices, results):
        if problem is not None:
            raise SourceError(path, _absolute_lines(problem, path, start),
                              hint="fix the file; nothing was written")
        for graph, n in part.items():
            counts[_own_graph(path, graph)] = counts.get(graph, 0) + n
    return counts


def _own_graph(path: Path, graph: str) -> str:
    """A graph a file names: never kg's own (the vocabulary, a write's staging
    graphs), which a file would otherwise replace."""
    from kg.facts import is_staging
    if graph == identity.VOCAB_GRAPH or is_staging(graph):
        line = _line_naming(path, graph)
        raise SourceError(path, f"the file fills <{graph}>, one of kg's own graphs"
                                + (f" (line {line})" if line else ""),
                          hint="name the file's graphs with IRIs of your own; nothing was written")
    return graph


def _line_slices(path: Path, parts: int) -> list[tuple[int, int | None]]:
    """Byte ranges of about equal size that start and end at line breaks."""
    size = path.stat().st_size
    cuts = [0]
    with path.open("rb") as f:
        for i in range(1, parts):
            f.seek(size * i // parts)
            f.readline()              # to the start of the next line
            if f.tell() > cuts[-1]:
                cuts.append(f.tell())
    return [(a, b) for a, b in zip(cuts, cuts[1:] + [None])]


class _Slice(io.RawIOBase):
    """A file read from ``start`` for ``length`` bytes (to its end if None)."""

    def __init__(self, f, length: int | None):
        self._f, self._left = f, length

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        want = len(buffer) if self._left is None else min(len(buffer), self._left)
        data = self._f.read(want)
        buffer[:len(data)] = data
        if self._left is not None:
            self._left -= len(data)
        return len(data)


def _count_slice(job: tuple[str, str, int, int | None, str]) -> tuple[dict[str, int], str | None]:
    """Parse one slice of a file: its triples per graph, or the parser's message."""
    path, suffix, start, stop, own_graph = job
    rdf_format = RDF_FORMATS[suffix]
    counts: dict[str, int] = {}
    with open(path, "rb") as f:
        f.seek(start)
        reader = io.BufferedReader(_Slice(f, None if stop is None else stop - start), 1 << 20)
        try:
            if rdf_format not in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
                return {own_graph: sum(1 for _ in ox.parse(reader, format=rdf_format))}, None
            for quad in ox.parse(reader, format=rdf_format):
                graph = quad.graph_name
                if not isinstance(graph, ox.NamedNode):   # none, or a blank node
                    return {}, "a large quad file must name the graph of every triple with an IRI"
                counts[graph.value] = counts.get(graph.value, 0) + 1
        except SyntaxError as exc:
            return {}, f"RDF syntax: {exc}"
    return counts, None


def _absolute_lines(message: str, path: Path, start: int) -> str:
    """A slice's parser message with line numbers counted from the file's start."""
    before, left = 0, start
    with path.open("rb") as f:
        while left:
            block = f.read(min(1 << 20, left))
            if not block:
                break
            before += block.count(b"\n")
            left -= len(block)
    return re.sub(r"line (\d+)", lambda m: f"line {int(m.group(1)) + before}", message)


def _file_digest(path: Path) -> str:
    digest = hashlib.blake2b(digest_size=16)
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def vocabulary_graph() -> PendingGraph:
    from kg.ontology import vocabulary_triples
    return PendingGraph.of(identity.VOCAB_GRAPH, "vocabulary", vocabulary_triples())


class Spool:
    """Checked graphs waiting to be written, kept on disk as N-Quads rather
    than in memory, so that loading 10,000 articles takes no more memory than
    loading one. Written to the store by bulk loads when all is read, one
    part file at a time: pyoxigraph's bulk loader sorts what it is given in
    memory (1.25 GB for 1.75 million quads; 0.46 GB in parts of 450,000). A
    new version of a published source goes as its difference from the
    stored one (kg.store.staged_quads), which replaces the old one in one
    step (kg.facts.apply_diff)."""

    def __init__(self, folder: Path, store):
        self._folder = folder
        self._store = store
        self.paths: list[Path] = []
        self._file = None
        self._in_part = 0
        self.counts: dict[str, int] = {}
        self.hashes: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        self.replaced: set[str] = set()

    def add(self, pending: PendingGraph, *, replacing: bool) -> None:
        if replacing:
            self.replaced.add(pending.graph)
        if self._file is None or self._in_part >= SPOOL_PART_QUADS:
            self.close()
            self.paths.append(self._folder / f"pending-{len(self.paths)}.nq")
            self._file, self._in_part = self.paths[-1].open("wb"), 0
        ox.serialize(self._store.staged_quads(pending.graph, pending.triples, replacing=replacing),
                     self._file, format=ox.RdfFormat.N_QUADS)
        self._in_part += len(pending.triples)
        self.counts[pending.graph] = len(pending.triples)
        self.hashes[pending.graph] = pending.digest
        self.labels[pending.graph] = pending.label

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def load(store, paths: list[Path], *, keep_going: bool = False,
         progress: Callable[[Iterator], Iterator] | None = None) -> LoadReport:
    """Load files and folders into the store: all of them, or nothing.

    With ``keep_going`` the good sources load and the bad ones are listed in
    the report's failures; without it, the first bad source stops the load
    before anything is written. Sources whose content is unchanged since
    they were last loaded are skipped. A write killed part-way keeps the
    sources it had published, each whole, and none of the others (kg.facts).
    """
    report = LoadReport()
    # curated files first: their same_activity / different_activities rules
    # act on the articles read after them (kg.merge)
    files = sorted(expand(paths, report.skipped), key=lambda p: p.suffix.lower() not in CURATED_SUFFIXES)
    scratch.sweep()   # what a killed write left
    events = ActivityIndex.from_store(store)
    bulk: list[PendingBulkFile] = []
    with scratch.folder("load") as folder, _scratch_errors(folder):
        spool = Spool(folder, store)
        items = (item for path in files for item in read_file(path, report.warnings.append, events))
        origins: dict[str, str] = {}    # graph -> where it was read, to name both of a clash
        for item in (progress(items) if progress else items):
            if not isinstance(item, KGError):
                item = _first_of_its_sources(item, origins)
            if isinstance(item, KGError):
                if not keep_going:
                    raise item
                report.failures.append(item)
            elif isinstance(item, PendingBulkFile):
                bulk.append(item)
            else:
                if (stored := store.stored_hash(item.graph)) == item.digest:
                    report.changes.append(GraphChange(item.graph, len(item.triples), "unchanged"))
                    report.labels[item.graph] = item.label
                else:
                    spool.add(item, replacing=stored is not None)
        vocabulary = vocabulary_graph()
        if (stored := store.stored_hash(vocabulary.graph)) != vocabulary.digest:
            spool.add(vocabulary, replacing=stored is not None)
        spool.close()
        report.labels.update(spool.labels)
        report.changes += store.replace_graphs_from_file(spool.paths, ox.RdfFormat.N_QUADS, spool.counts,
                                                         spool.hashes, spool.replaced)
    for item in bulk:
        report.changes += store.replace_graphs_from_file(item.path, item.rdf_format, item.counts,
                                                         dict.fromkeys(item.counts, item.digest))
        report.labels.update(dict.fromkeys(item.counts, item.path.name))
    report.compaction_seconds = store.compact_after(report.triples_written())
    report.changes = [c for c in report.changes if c.graph != identity.VOCAB_GRAPH]
    return report


@contextlib.contextmanager
def _scratch_errors(folder: Path) -> Iterator[None]:
    """A failure to write the load's scratch files (a full disk) as a message
    naming the folder, not a traceback."""
    from kg.store import storage_error
    try:
        yield
    except OSError as exc:
        raise storage_error(exc, f"the load's scratch folder {folder}") from None


def _first_of_its_sources(item: PendingGraph | PendingBulkFile,
                          origins: dict[str, str]) -> PendingGraph | PendingBulkFile | KGError:
    """The item, if none of its graphs was read before in this load (noted
    in ``origins``: graph -> where); else the error naming both places."""
    if isinstance(item, PendingBulkFile):
        graphs, here = list(item.counts), str(item.path)
    else:
        graphs, here = [item.graph], item.origin or item.label
    for graph in graphs:
        if graph in origins:
            return KGError(f"two inputs are the same source {graph}: {origins[graph]} and {here}",
                           hint="give each curated file its own source id, and each article its own URL")
    origins.update(dict.fromkeys(graphs, here))
    return item


def _check_unique(pending: list[PendingGraph]) -> None:
    origins: dict[str, str] = {}
    for p in pending:
        if isinstance(problem := _first_of_its_sources(p, origins), KGError):
            raise problem


def load_records(store, records: list[Records]) -> list[GraphChange]:
    """Records made in code (the synthetic generator, tests) into the store."""
    resolve_all(records, ActivityIndex.from_store(store))
    pending = [records_graph(r) for r in records]
    _check_unique(pending)
    changes = store.replace_graphs({p.graph: p.triples for p in pending},
                                   {p.graph: p.digest for p in pending})
    store.compact_after(triples_written(changes))
    return changes


def sources_in_files(paths: list[Path]) -> dict[str, str]:
    """The source graphs that loading these files writes (graph -> label),
    found by reading them as ``load`` does, without extracting anything."""
    from kg.sources.articles import iter_articles
    from kg.sources.curated import read_curated
    graphs: dict[str, str] = {}
    for path in expand(paths):
        suffix = file_suffix(path)
        if suffix in CURATED_SUFFIXES:
            source = read_curated(path).source
            graphs[identity.source_iri(source.key)] = source.title or source.key
        elif suffix in ARTICLE_SUFFIXES:
            for article in iter_articles([path], keep_going=True):
                if not isinstance(article, KGError):
                    graphs[identity.source_iri(article.key)] = article.title or article.key
        else:
            for pending in read_rdf(path):
                names = pending.counts if isinstance(pending, PendingBulkFile) else [pending.graph]
                graphs.update(dict.fromkeys(names, path.name))
    return graphs


def remove(store, refs: list[str]) -> dict[str, str]:
    """Take sources out of the store; each fact that only they state goes
    with them. A reference is a file or folder that was loaded, a source's
    IRI, or its key (an article's URL, a curated file's source id).
    Every reference is resolved first: an unknown one removes nothing.
    The graphs removed -> their labels."""
    scratch.sweep()   # what a killed write left
    published = store.published()
    graphs: dict[str, str] = {}
    unknown: list[str] = []
    for ref in refs:
        if Path(ref).exists():
            found = {g: label for g, label in sources_in_files([Path(ref)]).items() if g in published}
            if not found:
                unknown.append(f"{ref} (no source of it is in the store)")
            graphs.update(found)
            continue
        graph = ref if ref in published else identity.source_iri(ref)
        if graph in published and graph != identity.VOCAB_GRAPH:
            graphs[graph] = ref
        else:
            unknown.append(ref)
    if unknown:
        raise KGError(f"no such source in the store: {', '.join(unknown)}",
                      hint="give a loaded file or folder, a source's IRI or its key (an article's URL); "
                           "`kg sources` lists them")
    store.remove_graphs(list(graphs))
    return graphs
