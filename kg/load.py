"""Loading sources into the store: files or folders in, one named graph per
source out.

The whole input is read and checked before anything is written: curated YAML
becomes records, articles are extracted, RDF files are parsed. Only when every
file is good (or, with ``keep_going``, for the good ones) does the store
change, so a failing load leaves it exactly as it was.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg import identity
from kg.errors import KGError, SourceError
from kg.model import Records
from kg.store import GraphChange, content_hash

CURATED_SUFFIXES = {".yaml", ".yml"}
ARTICLE_SUFFIXES = {".txt", ".jsonl"}
RDF_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
}
SUPPORTED = CURATED_SUFFIXES | ARTICLE_SUFFIXES | set(RDF_FORMATS)
# RDF files above this size go through pyoxigraph's bulk loader after a
# checking parse, instead of being held in memory as triples.
BULK_BYTES = 32 * 1024 * 1024


@dataclass
class PendingGraph:
    """A source read and checked, ready to be written as one named graph."""
    graph: str
    label: str
    triples: list[ox.Triple]
    digest: str


@dataclass
class PendingBulkFile:
    path: Path
    rdf_format: ox.RdfFormat
    graph: str | None      # None: the file names its own graphs
    digest: str
    triples: int


@dataclass
class LoadReport:
    changes: list[GraphChange] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    records: dict[str, int] = field(default_factory=dict)   # kind -> count, over the changed sources
    failures: list[KGError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def expand(paths: list[Path]) -> list[Path]:
    """The supported files under the given files and folders, in a stable order."""
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise SourceError(path, "no such file or folder")
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
            if not found:
                raise SourceError(path, "the folder holds no file that can be loaded",
                                  hint=f"supported: {', '.join(sorted(SUPPORTED))}")
            files += found
        elif path.suffix.lower() in SUPPORTED:
            files.append(path)
        else:
            raise SourceError(path, f"cannot load a {path.suffix or 'suffix-less'} file",
                              hint=f"supported: {', '.join(sorted(SUPPORTED))}")
    return files


def records_graph(records: Records) -> PendingGraph:
    from kg.rdf import records_to_triples
    triples = records_to_triples(records)
    return PendingGraph(identity.source_iri(records.source.key),
                        records.source.title or records.source.key, triples, content_hash(triples))


def read_file(path: Path, warn: Callable[[str], None]) -> Iterator[PendingGraph | PendingBulkFile | KGError]:
    """Read one file into pending graphs; problems come out as errors, in order."""
    suffix = path.suffix.lower()
    if suffix in CURATED_SUFFIXES:
        from kg.sources.curated import read_curated
        try:
            yield records_graph(read_curated(path))
        except KGError as exc:
            yield exc
    elif suffix in ARTICLE_SUFFIXES:
        yield from read_articles(path, warn)
    else:
        try:
            yield from read_rdf(path)
        except KGError as exc:
            yield exc


def read_articles(path: Path, warn: Callable[[str], None]) -> Iterator[PendingGraph | KGError]:
    from kg.extract import extract
    from kg.sources.articles import iter_articles
    for item in iter_articles([path], keep_going=True):
        if isinstance(item, KGError):
            yield item
            continue
        extraction = extract(item)
        for message in extraction.warnings:
            warn(f"{item.path or item.key}: {message}")
        yield records_graph(extraction.records)


def read_rdf(path: Path) -> list[PendingGraph | PendingBulkFile]:
    """Parse an RDF file completely, so that a syntax error stops the load
    before anything is written. Its triples go to the file's own graph; a
    file that names graphs (N-Quads, TriG) fills those graphs."""
    rdf_format = RDF_FORMATS[path.suffix.lower()]
    graph = identity.source_iri(path.name)
    digest = _file_digest(path)
    try:
        if path.stat().st_size > BULK_BYTES:
            count = sum(1 for _ in ox.parse(path=str(path), format=rdf_format))
            names_graphs = rdf_format in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG)
            return [PendingBulkFile(path, rdf_format, None if names_graphs else graph, digest, count)]
        quads = list(ox.parse(path=str(path), format=rdf_format))
    except SyntaxError as exc:
        raise SourceError(path, f"RDF syntax: {exc}", hint="fix the file; nothing was written") from None
    except (OSError, ValueError) as exc:
        raise SourceError(path, f"cannot read it as RDF: {exc}") from None
    by_graph: dict[str, list[ox.Triple]] = {}
    for q in quads:
        name = graph if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        by_graph.setdefault(name, []).append(ox.Triple(q.subject, q.predicate, q.object))
    if not by_graph:
        raise SourceError(path, "the file holds no triples")
    return [PendingGraph(name, path.name if name == graph else name, triples, content_hash(triples))
            for name, triples in by_graph.items()]


def _file_digest(path: Path) -> str:
    digest = hashlib.blake2b(digest_size=16)
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def vocabulary_graph() -> PendingGraph:
    from kg.ontology import vocabulary_triples
    triples = vocabulary_triples()
    return PendingGraph(identity.VOCAB_GRAPH, "vocabulary", triples, content_hash(triples))


def load(store, paths: list[Path], *, keep_going: bool = False,
         progress: Callable[[Iterator], Iterator] | None = None) -> LoadReport:
    """Load files and folders into the store: all of them, or nothing.

    With ``keep_going`` the good sources load and the bad ones are listed in
    the report's failures; without it, the first bad source stops the load
    before anything is written.
    """
    report = LoadReport()
    files = expand(paths)
    pending: list[PendingGraph] = []
    bulk: list[PendingBulkFile] = []
    items = (item for path in files for item in read_file(path, report.warnings.append))
    for item in (progress(items) if progress else items):
        if isinstance(item, KGError):
            if not keep_going:
                raise item
            report.failures.append(item)
        elif isinstance(item, PendingBulkFile):
            bulk.append(item)
        else:
            pending.append(item)
    _check_unique(pending)
    pending.append(vocabulary_graph())
    report.labels = {p.graph: p.label for p in pending}
    report.changes += store.replace_graphs({p.graph: p.triples for p in pending},
                                           {p.graph: p.digest for p in pending})
    for item in bulk:
        change = store.bulk_load_file(item.path, item.rdf_format, item.graph, item.digest)
        change.triples = item.triples
        report.labels[change.graph] = item.path.name
        report.changes.append(change)
    report.changes = [c for c in report.changes if c.graph != identity.VOCAB_GRAPH]
    return report


def _check_unique(pending: list[PendingGraph]) -> None:
    seen: dict[str, str] = {}
    for p in pending:
        if p.graph in seen:
            raise KGError(f"two inputs are the same source ({p.label!r} and {seen[p.graph]!r})",
                          hint="give each curated file its own source id, and each article its own URL")
        seen[p.graph] = p.label


def load_records(store, records: list[Records]) -> list[GraphChange]:
    """Records made in code (the synthetic generator, tests) into the store."""
    pending = [records_graph(r) for r in records]
    _check_unique(pending)
    return store.replace_graphs({p.graph: p.triples for p in pending},
                                {p.graph: p.digest for p in pending})
