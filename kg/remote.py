"""A SPARQL 1.1 Protocol + Graph Store HTTP Protocol server as the store.

``kg --store https://host/ds`` (or ``KG_STORE=…``) makes every command read
and write a remote triple store: Oxigraph, Fuseki, GraphDB, Virtuoso, or
QLever for reads. ``RemoteStore`` has the interface of
``kg.store.EmbeddedStore`` and gives back the same pyoxigraph types.

Endpoints, from the base URL unless the environment names them:

| what                     | default       | override        |
|--------------------------|---------------|-----------------|
| SPARQL query             | ``URL/query`` | ``KG_QUERY_URL``|
| SPARQL update            | ``URL/update``| ``KG_UPDATE_URL``|
| Graph Store HTTP Protocol| ``URL/store`` | ``KG_GSP_URL``  |

(Oxigraph's own layout.) ``KG_FACTS_GRAPH`` names the graph of the facts
on a server without a default graph of its own (below).

Per server (Virtuoso run here, Oxigraph in the tests; the others from their
documentation, not tried):

* **Oxigraph** (``oxigraph serve``): nothing to set. Not with
  ``--union-default-graph``.
* **Apache Jena Fuseki**: ``KG_GSP_URL=URL/data`` (``URL/query`` and
  ``URL/update`` are Fuseki's too). The dataset without
  ``tdb2:unionDefaultGraph``: with it, the stored default graph (the
  facts) is out of every plain query.
* **Virtuoso 7**: ``KG_QUERY_URL=URL/sparql``, ``KG_UPDATE_URL=URL/sparql``,
  ``KG_GSP_URL=URL/sparql-graph-crud``, and ``KG_FACTS_GRAPH`` set to an IRI
  of your choosing (e.g. ``urn:x-party-kg:default``): Virtuoso has no
  default graph apart from its named graphs (an update without ``GRAPH`` is
  refused; a query without a dataset reads every graph, Virtuoso's own
  too, as a bag). Once, as dba (``isql-vt``): ``GRANT SPARQL_UPDATE TO
  "SPARQL";``, which opens updates and the Graph Store Protocol to
  anonymous clients (``/sparql-auth`` wants HTTP Digest, which kg does not
  speak): keep that port to loopback or a trusted network. Known limits
  (Virtuoso 7.2.5): in a query of yours, ``GRAPH <iri> { … }`` matches
  nothing (and ASK says true) because the facts graph is the query's
  default graph: write ``VALUES ?g { <iri> } GRAPH ?g { … }``; a GRAPH
  variable that is also a term of its pattern, with an OPTIONAL beside it,
  gets one extra row with the OPTIONAL unbound (``kg sources``, ``kg
  person``); GROUP_CONCAT drops language tags; the named query
  units-without-activity fails in Virtuoso's SQL compiler.
* **GraphDB** (RDF4J): ``KG_QUERY_URL=URL/repositories/ID``,
  ``KG_UPDATE_URL=URL/repositories/ID/statements``,
  ``KG_GSP_URL=URL/repositories/ID/rdf-graphs/service``; a repository with
  the ``empty`` ruleset. Its query default graph is always the default
  graph merged with every named graph, so kg's check below refuses it;
  ``KG_FACTS_GRAPH`` does not help (a named default graph hides the named
  graphs there). Would need reads wrapped in ``GRAPH sesame:nil``: not done.
* **QLever**: reads of a dataset indexed from kg's export converted to
  N-Quads. Its default graph is the union of all graphs unless started
  with ``union-graph-as-default-graph=false`` (a recent setting: check your
  version); without it, kg's check refuses it.

Decisions worth knowing:

* **The facts in the default graph.** Party KG keeps the merged facts in
  the store's default graph and each source's statements in its named graph
  (kg.facts), so the server must read its real default graph, not the union
  of its graphs (``oxigraph serve`` as it starts, Fuseki without
  ``tdb2:unionDefaultGraph``). The store checks this once, on its first
  query, and says what to change.
* **Or in the facts graph** (``KG_FACTS_GRAPH``), on a server without a
  default graph of its own: every query names it as the dataset's default
  graph (``default-graph-uri``), the updates write it with ``GRAPH``
  (kg.facts), and kg lists, counts and repairs only the graphs it owns (a
  hash, or a staging graph's name), never the facts graph or the server's
  own graphs. Every write then goes through staging graphs, so that what a
  write cut short leaves is a staging graph that ``repair`` finds.
* **Queries** go as form POSTs (``query=``, the protocol's most portable
  form), asking for SPARQL JSON results (SELECT, ASK) or N-Triples
  (CONSTRUCT, DESCRIBE) alone.
* **Parameters.** The protocol has no bindings, so each bound value goes in
  as a ``VALUES`` row at the start of every ``WHERE`` group of the query
  (the outer one and each sub-select), written by pyoxigraph's own
  N-Triples serialiser: a value is never pasted as text, and a quote, brace
  or newline in it is just part of the literal.
* **Writes.** Each source's graph is sent by one GSP ``PUT`` of
  N-Triples (a new version to its staging graph), then one SPARQL Update per
  batch of sources publishes them: it copies them into the facts, swaps new
  versions in and writes their content hashes, in one transaction on
  Oxigraph, Fuseki and GraphDB. Not on Virtuoso: there an operation that
  fails leaves those before it done (tried), so a server error in the
  middle of a publishing request can leave a source half swapped in, and
  unpublished, until it is loaded again. An unchanged graph is not sent
  again.
* **Credentials** come from ``KG_STORE_TOKEN`` (a bearer token),
  ``KG_STORE_USER`` + ``KG_STORE_PASSWORD``, or the netrc file
  (``$NETRC``, else ``~/.netrc``): never from the command line or the URL.

Only the standard library speaks HTTP here.
"""
from __future__ import annotations

import base64
import contextlib
import netrc
import os
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import pyoxigraph as ox

from kg import facts, scratch
from kg.binding import _TOKENS, bind_values
from kg.errors import QueryError, StoreError
from kg.storage import GraphChange, content_hash
from kg.vocab import PARTY, PREFIXES

# Every prefix on one line, so that the line numbers in the server's syntax
# errors stay those of the user's query (only line 1's columns shift, and
# are shifted back in the message).
PREFIX_LINE = " ".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items()) + " "
DEFAULT_TIMEOUT = 300.0   # seconds of silence from the server before giving up
RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
FORM = "application/x-www-form-urlencoded"
# The named graph that holds the merged facts on a server without a default
# graph of its own (Virtuoso); unset, the facts are in the default graph.
FACTS_GRAPH_ENV = "KG_FACTS_GRAPH"
# A split bulk file is written to disk in batches of this many triples per graph.
_SPLIT_BATCH = 50_000


class RemoteStore:
    """The graph in a SPARQL 1.1 server, named by its base URL."""

    def __init__(self, url: str, *, read_only: bool = False,
                 environ: Mapping[str, str] | None = None, timeout: float | None = None,
                 facts_graph: str | None = None):
        env = os.environ if environ is None else environ
        parts = urllib.parse.urlsplit(url)
        if parts.username or parts.password:
            raise StoreError(f"the store URL {_redact(url)} carries credentials",
                             hint="put them in KG_STORE_TOKEN, KG_STORE_USER/KG_STORE_PASSWORD "
                                  "or ~/.netrc, never in the URL or on the command line")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise StoreError(f"{url} is not an http(s) URL of a SPARQL server")
        base = url.rstrip("/")
        self.url = base
        self.read_only = read_only
        self.query_url = env.get("KG_QUERY_URL") or f"{base}/query"
        self.update_url = env.get("KG_UPDATE_URL") or f"{base}/update"
        self.gsp_url = env.get("KG_GSP_URL") or f"{base}/store"
        self.timeout = timeout or float(env.get("KG_STORE_TIMEOUT") or DEFAULT_TIMEOUT)
        self._auth = _auth_header(parts.hostname, env)
        # None: the facts are in the server's default graph (kg.facts)
        self.facts_graph = _facts_graph(facts_graph or env.get(FACTS_GRAPH_ENV) or None)
        self._default_graph_checked = False

    # --- reading -------------------------------------------------------------

    def query(self, sparql: str, bindings: Mapping[str, ox.NamedNode | ox.Literal] | None = None):
        """Run a SPARQL query on the server, with the project's prefixes and
        the bindings as VALUES rows. SELECT and ASK give pyoxigraph's
        QuerySolutions / QueryBoolean, CONSTRUCT and DESCRIBE QueryTriples."""
        if not self._default_graph_checked:
            self._default_graph_checked = True
            self._check_default_graph()
        text = bind_values(sparql, bindings) if bindings else sparql
        return self._query(text)

    def select(self, sparql: str, bindings=None) -> list[dict[str, object]]:
        """SELECT rows as dicts of variable name -> Python value (str, or None)."""
        solutions = self.query(sparql, bindings)
        names = [v.value for v in solutions.variables]
        return [{n: None if row[n] is None else row[n].value for n in names} for row in solutions]

    def named_graphs(self, *, include_staging: bool = False) -> list[str]:
        """The sources' graphs (and the vocabulary's); staging graphs of a
        write under way only when asked. With a facts graph, only the graphs
        kg owns: those with a hash, and staging graphs (the server's own
        graphs, the facts graph and anyone else's are not kg's to list or drop)."""
        if self.facts_graph:
            graphs = set(self.published())
            if include_staging:
                # GROUP BY, not DISTINCT: Virtuoso answers it 100 times faster;
                # the prefix is tested here, not in a FILTER run on every quad
                rows = self._query("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
                graphs.update(g for g in (row["g"].value for row in rows if row["g"] is not None)
                              if facts.is_staging(g))
            return sorted(graphs)
        rows = self._query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        # (a server may answer one row without ?g: RDF4J, Virtuoso)
        return sorted(g for g in (row["g"].value for row in rows if row["g"] is not None)
                      if include_staging or not facts.is_staging(g))

    def __len__(self) -> int:
        """Every quad: the facts and each source's statements."""
        if self.facts_graph:
            # the default graph is the facts graph (see _query); of the
            # named graphs, those kg owns (published) count
            text = (f"SELECT (COUNT(*) AS ?n) WHERE {{ {{ ?s ?p ?o }} UNION "
                    f"{{ GRAPH ?g {{ ?g {PARTY.contentHash} ?h }} GRAPH ?g {{ ?s ?p ?o }} }} }}")
        else:
            text = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
        rows = list(self._query(text))
        return int(rows[0]["n"].value)

    def dump(self, output, rdf_format: ox.RdfFormat, graph: str | None = None) -> None:
        """One source's graph; else, in a quad format, the facts (default
        graph) and every source's graph; in a triple format, the facts."""
        if graph is None and rdf_format.supports_datasets:
            ox.serialize(self.quads(), output, rdf_format)
            return
        triples = self._graph_triples(graph)
        if graph is not None and rdf_format.supports_datasets:
            node = ox.NamedNode(graph)
            triples = (ox.Quad(t.subject, t.predicate, t.object, node) for t in triples)
        ox.serialize(triples, output, rdf_format)

    def quads(self) -> Iterator[ox.Quad]:
        """The facts, then every source's graph, one graph fetched at a time."""
        for t in self._graph_triples(None):
            yield ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
        for graph in self.named_graphs():
            node = ox.NamedNode(graph)
            for t in self._graph_triples(graph):
                yield ox.Quad(t.subject, t.predicate, t.object, node)

    def facts(self) -> Iterator[ox.Triple]:
        """The merged facts, each triple once."""
        return self._graph_triples(None)

    def _graph_triples(self, graph: str | None) -> Iterator[ox.Triple]:
        """A named graph's triples, or the facts' (None): the default graph's,
        or the facts graph's."""
        if graph is None and self.facts_graph:
            try:
                response = self._open("GET", self._graph_url(self.facts_graph), headers={"Accept": N_TRIPLES},
                                      what=f"reading the facts graph {self.facts_graph}")
            except _NotFound:
                return   # no facts yet: the server has no such graph
        else:
            url = self._graph_url(graph) if graph else f"{self.gsp_url}?default"
            response = self._open("GET", url, headers={"Accept": N_TRIPLES},
                                  what=f"reading graph {graph or 'the default graph'}")
        with response:
            # pyoxigraph parses straight from the socket: no copy of the graph in memory
            yield from ox.parse(response, ox.RdfFormat.N_TRIPLES)

    # --- writing -------------------------------------------------------------

    def stored_hash(self, graph: str) -> str | None:
        node = ox.NamedNode(graph)
        if self.facts_graph:
            # with the facts graph as the dataset's default graph, Virtuoso
            # reads GRAPH <constant> as an empty group, but matches GRAPH ?g
            # over every graph
            text = f"SELECT ?h WHERE {{ VALUES ?g {{ {node} }} GRAPH ?g {{ ?g {PARTY.contentHash} ?h }} }}"
        else:
            text = f"SELECT ?h WHERE {{ GRAPH {node} {{ {node} {PARTY.contentHash} ?h }} }}"
        rows = list(self._query(text))
        return rows[0]["h"].value if rows else None

    def published(self) -> dict[str, str]:
        """Each published graph's content hash, in one round trip."""
        return {row["g"].value: row["h"].value for row in self._query(facts.PUBLISHED_QUERY)}

    def has_graph(self, graph: str) -> bool:
        return self.stored_hash(graph) is not None

    def target_graph(self, graph: str, replaced: set[str]) -> str:
        """Where a write sends ``graph``'s new triples (kg.facts): the graph
        itself when it is new, its staging graph when it replaces one. With
        a facts graph, always the staging graph: there ``repair`` finds only
        the graphs kg owns, so a write cut short must leave nothing but
        staging graphs (publishing swaps them in, kg.facts.swap)."""
        return facts.staging_graph(graph) if self.facts_graph or graph in replaced else graph

    def staged_quads(self, graph: str, triples: list[ox.Triple], *, replacing: bool) -> Iterator[ox.Quad]:
        """What a write sends for this version of ``graph``: all its triples,
        to ``target_graph`` (a server swaps whole graphs: kg.facts.swap)."""
        node = ox.NamedNode(self.target_graph(graph, {graph} if replacing else set()))
        return (ox.Quad(t.subject, t.predicate, t.object, node) for t in triples)

    def replace_graphs(self, graphs: Mapping[str, list[ox.Triple]],
                       hashes: Mapping[str, str] | None = None) -> list[GraphChange]:
        """Make each source graph hold exactly the given triples, and the facts
        follow: one PUT per changed graph, then one update per batch that
        publishes them (kg.facts). If a request fails, the error names the
        sources that were written and those that were not."""
        self._require_writable()
        self.repair()
        stored = self.published() if graphs else {}
        changes: list[GraphChange] = []
        todo: dict[str, str] = {}
        for graph, triples in graphs.items():
            digest = (hashes or {}).get(graph) or content_hash(triples)
            if stored.get(graph) == digest:
                changes.append(GraphChange(graph, len(triples), "unchanged"))
                continue
            todo[graph] = digest
            changes.append(GraphChange(graph, len(triples), "replaced" if graph in stored else "added"))
        replaced = set(todo) if self.facts_graph else {g for g in todo if g in stored}

        def put(graph: str) -> None:
            body = ox.serialize(graphs[graph], format=ox.RdfFormat.N_TRIPLES)
            target = self.target_graph(graph, replaced)
            self._send("PUT", self._graph_url(target), body, N_TRIPLES, what=f"writing graph {graph}")

        self._publish(todo, replaced, {g: len(graphs[g]) for g in todo}, put)
        return changes

    def replace_graphs_from_file(self, path: Path | Sequence[Path], rdf_format: ox.RdfFormat,
                                 counts: Mapping[str, int], hashes: Mapping[str, str],
                                 replaced: set[str] | None = None) -> list[GraphChange]:
        """Make each graph of an RDF file, or of the parts of one (checked by
        the caller; ``counts``: graph -> triples), hold exactly what it says. A quad file names
        each triple's target graph (``target_graph`` with ``replaced``).

        The file is split into one N-Triples file per graph on disk (memory
        stays flat however big it is); each changed graph is sent by one PUT
        and published by batches (kg.facts)."""
        self._require_writable()
        self.repair()
        stored = self.published()
        changes = [GraphChange(g, n, "unchanged" if stored.get(g) == hashes[g] else
                               "replaced" if g in stored else "added") for g, n in counts.items()]
        todo = {c.graph: hashes[c.graph] for c in changes if c.status != "unchanged"}
        if not todo:
            return changes
        is_quads = rdf_format in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG)
        # a new version goes to its staging graph (with a facts graph, every
        # graph does: target_graph); the loader's spool names those already
        # (``replaced``), a user's quad file names the graphs themselves
        staged = set(todo) if self.facts_graph else {g for g in todo if g in stored}
        targets = {g: self.target_graph(g, staged) for g in todo}
        in_file = {(g if replaced is None else self.target_graph(g, replaced)): targets[g] for g in todo}
        with scratch.folder("split") as folder:
            single = None if is_quads else next(iter(targets.values()))
            parts = _split_by_graph([path] if isinstance(path, (str, Path)) else list(path),
                                    rdf_format, folder, in_file, single)
            empty = folder / "empty.nt"
            empty.touch()

            def put(graph: str) -> None:
                part = parts.get(targets[graph]) or empty
                with part.open("rb") as body:
                    self._send("PUT", self._graph_url(targets[graph]), body, N_TRIPLES,
                               what=f"writing graph {graph}", length=part.stat().st_size)

            self._publish(todo, staged, {g: counts[g] for g in todo}, put)
        return changes

    def _publish(self, hashes: Mapping[str, str], replaced: set[str], sizes: Mapping[str, int], put) -> None:
        """``put`` every graph's new triples first (unpublished: no reader
        sees them), then publish them all in one update request: one
        transaction on Oxigraph, Fuseki and GraphDB, so that the load is all
        or nothing there (a server killed part-way through the load left 243
        of 400 sources published when each batch was published on its own).
        On Virtuoso, whose update is not one transaction, a failure may leave
        some published: the error says which, as the server says it after
        the failure (never assumed), and what was not published is dropped,
        so that loading again completes it."""
        try:
            for graph in hashes:
                put(graph)
            self._update(" ;\n".join(facts.commit({g: hashes[g] for g in batch}, [g for g in batch if g in replaced],
                                                   self.facts_graph)
                                      for batch in facts.batches(list(hashes), sizes)),
                         what="publishing sources")
        except StoreError as exc:
            raise self._partial(exc, hashes) from None

    def _partial(self, exc: StoreError, hashes: Mapping[str, str]) -> StoreError:
        """The failure, with the sources the server now holds in their new
        version and those it does not, asked of the server itself (an update
        whose answer was lost may have been done); what was left
        unpublished is dropped."""
        try:
            stored = self.published()
        except StoreError:
            return StoreError(f"{exc.message}\n  the server could not be asked which of the {len(hashes)} "
                              "source(s) it now holds in their new version",
                              hint=exc.hint or "load again when the server answers: the sources it holds "
                                               "already are skipped, the others written")
        with contextlib.suppress(StoreError):
            self.repair()
        done = [g for g in hashes if stored.get(g) == hashes[g]]
        return _partial(exc, done, [g for g in hashes if stored.get(g) != hashes[g]])

    def remove_graphs(self, graphs: Iterable[str]) -> list[str]:
        """Take sources out: each fact only they state goes with them. The
        graphs that were there, in order."""
        self._require_writable()
        self.repair()
        stored = self.published()
        present = [g for g in graphs if g in stored]
        for batch in facts.batches(present, {}):
            self._update(facts.remove(batch, self.facts_graph), what="removing sources")
        return present

    def repair(self) -> list[str]:
        """Drop what a killed write left unpublished (kg.facts); the graphs dropped."""
        leftover = facts.unpublished(self.named_graphs(include_staging=True), self.published())
        for batch in facts.batches(leftover, {}):
            self._update(facts.remove(batch, self.facts_graph), what="dropping unpublished graphs")
        return leftover

    def compact_after(self, written: int) -> None:
        """Nothing: a server keeps its own storage in shape."""
        return None

    def close(self) -> None:
        """Nothing to release: every request has its own connection."""

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _update(self, text: str, *, what: str) -> None:
        self._send("POST", self.update_url, text.encode("utf-8"), "application/sparql-update", what=what)

    def _require_writable(self) -> None:
        if self.read_only:
            raise StoreError("the store was opened read-only")

    # --- HTTP ------------------------------------------------------------------

    def _graph_url(self, graph: str) -> str:
        return f"{self.gsp_url}?graph={urllib.parse.quote(graph, safe='')}"

    def _query(self, text: str):
        """POST the query as a form (the protocol's ``query=``; Virtuoso never
        answers a body sent as application/sparql-query), with the facts
        graph, if any, as the dataset's default graph."""
        fields = [("query", PREFIX_LINE + text)]
        if self.facts_graph:
            fields.append(("default-graph-uri", self.facts_graph))
        form = _query_form(text)
        # one media type per form: Virtuoso answers a CONSTRUCT in SPARQL JSON
        # results whenever the Accept header names them, whatever their q
        accept = (RESULTS_JSON if form in ("SELECT", "ASK") else N_TRIPLES if form else
                  f"{RESULTS_JSON}, {N_TRIPLES};q=0.9, text/turtle;q=0.5")
        response = self._open("POST", self.query_url, urllib.parse.urlencode(fields).encode("ascii"),
                              {"Content-Type": FORM, "Accept": accept},
                              what="querying", query_offset=len(PREFIX_LINE))
        with response:
            media_type = response.headers.get_content_type()
            data = response.read()
        if media_type in (RESULTS_JSON, "application/json"):
            _check_complete(data, self.timeout)
            return ox.parse_query_results(data, ox.QueryResultsFormat.JSON)
        rdf_format = ox.RdfFormat.from_media_type(media_type)
        if rdf_format is None:
            raise StoreError(f"the server at {self.query_url} answered in {media_type}, "
                             "neither SPARQL JSON results nor RDF")
        # A QueryTriples, the type the embedded store gives, comes only out of
        # a query: the triples go through a throwaway in-memory store.
        scratch = ox.Store()
        scratch.load(data, rdf_format)
        return scratch.query("CONSTRUCT WHERE { ?s ?p ?o }")

    def _check_default_graph(self) -> None:
        """A graph's hash triple lives in that graph only: if the default
        graph shows it, the server reads the union of its graphs as the
        default graph, where Party KG keeps the merged facts (kg.facts).
        With a facts graph (the default graph of every query), the hash is
        never there; but a server that follows the standard then hides every
        named graph from ``GRAPH ?g``: facts without any source beside them
        say so."""
        rows = list(self._query(f"SELECT ?g ?h WHERE {{ GRAPH ?g {{ ?g {PARTY.contentHash} ?h }} }} LIMIT 1"))
        if not rows:
            if self.facts_graph and bool(self._query("ASK { ?s ?p ?o }")):
                raise StoreError(
                    f"the SPARQL server at {self.query_url} shows the facts graph {self.facts_graph} "
                    f"({FACTS_GRAPH_ENV}) but none of the sources' graphs beside it",
                    hint=f"{FACTS_GRAPH_ENV} is for a server without a default graph of its own (Virtuoso); "
                         "Oxigraph, Fuseki and GraphDB keep the facts in their default graph: unset it")
            return
        g, h = rows[0]["g"], rows[0]["h"]
        if bool(self._query(f"ASK {{ {g} {PARTY.contentHash} {h} }}")):
            raise StoreError(
                f"the SPARQL server at {self.query_url} reads the union of its named graphs as the "
                "default graph, so every fact would count once per source that states it",
                hint="Party KG keeps the merged facts in the default graph: start the server without its "
                     "union-default-graph setting (`oxigraph serve` without --union-default-graph, "
                     "Fuseki without tdb2:unionDefaultGraph); on Virtuoso, which has no default graph "
                     f"of its own, set {FACTS_GRAPH_ENV} to the IRI of a graph for the facts")

    def _send(self, method: str, url: str, body, content_type: str | None, *, what: str,
              length: int | None = None) -> None:
        headers = {"Content-Type": content_type} if content_type else {}
        if length is not None:
            headers["Content-Length"] = str(length)
        self._open(method, url, body, headers, what=what).close()

    def _open(self, method: str, url: str, body=None, headers: dict[str, str] | None = None, *,
              what: str, query_offset: int = 0):
        request = urllib.request.Request(url, data=body, method=method, headers=dict(headers or {}))
        if self._auth:
            request.add_header("Authorization", self._auth)
        host = urllib.parse.urlsplit(url).netloc
        try:
            return urllib.request.urlopen(request, timeout=self.timeout)
        except urllib.error.HTTPError as exc:
            message = _error_text(exc)
            raise _http_error(exc.code, exc.reason, message, host, url, what, query_offset, self.timeout) from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (TimeoutError, socket.timeout)):
                raise _timed_out(what, self.timeout) from None
            raise StoreError(f"cannot reach the SPARQL store at {host} ({what}): {exc.reason}",
                             hint="is the server running? check KG_STORE (and KG_QUERY_URL, "
                                  "KG_UPDATE_URL, KG_GSP_URL if set)") from None
        except (TimeoutError, socket.timeout):
            raise _timed_out(what, self.timeout) from None
        except (ConnectionError, OSError) as exc:
            raise StoreError(f"the connection to the SPARQL store at {host} failed ({what}): {exc}",
                             hint="is the server running and reachable?") from None


class _NotFound(StoreError):
    """HTTP 404 from a GSP request."""


def _error_text(exc: urllib.error.HTTPError) -> str:
    try:
        return exc.read(4000).decode("utf-8", "replace").strip()
    except OSError:
        return ""


def _http_error(status: int, reason: str, message: str, host: str, url: str, what: str,
                query_offset: int, timeout: float) -> StoreError | QueryError:
    detail = f": {message}" if message else ""
    if status in (401, 403) and "read-only" in message.lower():
        return StoreError(f"the SPARQL store at {host} is read-only ({what})",
                          hint="point KG_UPDATE_URL/KG_GSP_URL at a writable endpoint, or use "
                               "`kg serve --allow-updates` with KG_SERVE_TOKEN")
    if status in (401, 403):
        return StoreError(f"the SPARQL store at {host} refused the request ({what}): HTTP {status} {reason}",
                          hint=f"give credentials for {urllib.parse.urlsplit(url).hostname} in KG_STORE_TOKEN, "
                               "KG_STORE_USER and KG_STORE_PASSWORD, or ~/.netrc")
    lowered = message.lower()
    if "no plain default graph" in lowered:   # Virtuoso, on an update without GRAPH
        return StoreError(f"the SPARQL store at {host} has no default graph for the facts ({what}){detail}",
                          hint=f"Virtuoso has no default graph of its own: set {FACTS_GRAPH_ENV} to the IRI "
                               "of a graph for the merged facts (e.g. urn:x-party-kg:default)")
    if status in (503, 504, 408) or "timeout" in lowered or "timed out" in lowered or "cancel" in lowered:
        if what == "querying":
            return _timed_out(what, timeout, message)
    if status == 400 and what == "querying":
        return QueryError(f"malformed query: {_shift_position(message, query_offset)}")
    if status == 404:
        return _NotFound(f"the SPARQL store at {host} has no {url.split('?')[0]} (HTTP 404, {what}){detail}",
                         hint="check KG_STORE, or set KG_QUERY_URL / KG_UPDATE_URL / KG_GSP_URL "
                              "to the server's endpoints")
    return StoreError(f"the SPARQL store at {host} failed ({what}): HTTP {status} {reason}{detail}")


def _timed_out(what: str, timeout: float, message: str = "") -> QueryError:
    server = f" ({message})" if message else ""
    return QueryError(f"the query ran past the time limit and was stopped{server}",
                      hint=f"narrow it (a parameter, a LIMIT), or raise the server's timeout "
                           f"(`kg serve --timeout`) and KG_STORE_TIMEOUT (now {timeout:g} s)")


def _check_complete(data: bytes, timeout: float) -> None:
    """Oxigraph streams results; when a query is cancelled midway (its
    timeout), the error text follows the partial JSON in a 200 answer."""
    tail = data[-400:].rstrip()   # a slice: the answer may be hundreds of megabytes
    if tail.endswith(b"}"):
        return
    message = tail.decode("utf-8", "replace")
    message = message[message.rfind("]") + 1:].strip() if "]" in message else message
    if "cancel" in message.lower() or "timeout" in message.lower():
        raise _timed_out("querying", timeout, message)
    raise StoreError(f"the SPARQL server broke off its answer: {message}")


def _shift_position(message: str, offset: int) -> str:
    """Give line-1 positions relative to the user's text: the project's
    prefixes were prepended on that line. Oxigraph says ``1:35``, Jena
    ``line 1, column 35``."""
    def fix(match: re.Match) -> str:
        column = max(1, int(match.group("col")) - offset)
        return match.group(0)[:match.start("col") - match.start()] + str(column)
    message = re.sub(r"(?<![\d.])1:(?P<col>\d+)", fix, message)
    return re.sub(r"line 1, column (?P<col>\d+)", fix, message)


def _partial(exc: StoreError, published: list[str], not_published: list[str]) -> StoreError:
    done = ", ".join(published) or "none"
    missing = ", ".join(not_published) or "none"
    return StoreError(f"{exc.message}\n  sources published: {done}\n  sources not published (the store "
                      f"holds their previous version, or nothing): {missing}",
                      hint=exc.hint or "fix the problem and load again: published sources will be skipped")


def _facts_graph(iri: str | None) -> str | None:
    """The facts graph's IRI, checked (KG_FACTS_GRAPH)."""
    if iri is None:
        return None
    try:
        return ox.NamedNode(iri).value
    except ValueError:
        raise StoreError(f"{FACTS_GRAPH_ENV}={iri!r} is not an IRI",
                         hint="name the graph for the facts by an absolute IRI, "
                              "e.g. urn:x-party-kg:default") from None


def _query_form(text: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the query's first keyword after
    its prologue (comments, IRIs and strings skipped); None if not found."""
    for match in _TOKENS.finditer(text):
        if match.lastgroup == "word":
            word = match.group().upper()
            if word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
                return word
    return None


def _redact(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    netloc = parts.hostname + (f":{parts.port}" if parts.port else "") if parts.hostname else ""
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


def _auth_header(host: str, env: Mapping[str, str]) -> str | None:
    """The Authorization header from the environment or the netrc file."""
    if env.get("KG_STORE_TOKEN"):
        return f"Bearer {env['KG_STORE_TOKEN']}"
    user, password = env.get("KG_STORE_USER"), env.get("KG_STORE_PASSWORD")
    if user and password is not None:
        return _basic(user, password)
    if user:
        raise StoreError("KG_STORE_USER is set without KG_STORE_PASSWORD")
    path = env.get("NETRC") or os.path.join(os.path.expanduser("~"), ".netrc")
    if not os.path.isfile(path):
        return None
    try:
        entry = netrc.netrc(path).authenticators(host)
    except (netrc.NetrcParseError, OSError) as exc:
        raise StoreError(f"cannot read the netrc file {path}: {exc}") from None
    if entry is None:
        return None
    login, _, password = entry
    return _basic(login, password or "")


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode("utf-8")).decode("ascii")


def _split_by_graph(paths: Sequence[Path], rdf_format: ox.RdfFormat, folder: Path, wanted: Mapping[str, str],
                    single: str | None) -> dict[str, Path]:
    """One N-Triples file per wanted graph of RDF files (``wanted``: its
    name in the file -> the graph it is sent to; ``single``: the graph of a
    triple format's triples), keyed by the graph it is sent to, written in
    batches so that memory stays flat however big the file is."""
    files: dict[str, Path] = {}
    batches: dict[str, list[ox.Triple]] = {}

    def flush(name: str) -> None:
        if name not in files:
            files[name] = folder / f"{len(files)}.nt"
        with files[name].open("ab") as out:
            ox.serialize(batches.pop(name), out, ox.RdfFormat.N_TRIPLES)

    for quad in (q for path in paths for q in ox.parse(path=str(path), format=rdf_format)):
        name = single or (None if isinstance(quad.graph_name, ox.DefaultGraph)
                          else wanted.get(quad.graph_name.value))
        if name is None:
            continue
        batch = batches.setdefault(name, [])
        batch.append(ox.Triple(quad.subject, quad.predicate, quad.object))
        if len(batch) >= _SPLIT_BATCH:
            flush(name)
    for name in list(batches):
        flush(name)
    return files


# --- binding parameters as VALUES rows ------------------------------------------
