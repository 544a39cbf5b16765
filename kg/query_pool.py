"""Bounded SPARQL queries for ``kg serve``: each query runs in a worker process
that can be stopped.

Oxigraph's engine cannot be interrupted from outside: its own timeout is
checked while results are produced, so a cartesian product under ORDER BY
runs on for minutes after the client has gone (measured: 4.5 min and 5.5 GB
with a 5 s timeout). A process, though, can always be killed. So every query
runs in a worker process that holds the store open read-only, and the pool
kills the worker, and starts another, when the query

- runs past the timeout, or its client hangs up;
- needs more memory than ``max_query_memory`` (the worker's RLIMIT_DATA:
  the allocation fails inside the worker, not in the server);
- writes a result larger than ``max_result_bytes`` (the worker stops
  serialising and reports it).

Short queries must not queue behind runaway ones. A query still running
after ``LONG_AFTER`` seconds becomes a *long* query: its worker is reniced to
the lowest CPU priority and a fresh worker takes its place among the
``workers`` that answer short queries. At most ``long_queries`` long queries
run at once; one more is stopped at once with "busy" (HTTP 503) rather than
taking the CPU from everyone else. The text of a query stopped that way, or
at the timeout, is remembered: sent again, it waits for a long slot (until
its timeout) without taking a short query's worker, so a client that
retries a runaway query in a loop costs a sleeping thread, not a worker.
"""
from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
import queue
import resource
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

LONG_AFTER = 0.5            # seconds: a query running longer is a long query
POLL = 0.02                 # seconds between checks on a running query
KNOWN_LONG = 1000           # query texts remembered as long
MEMORY_POLL = 0.05          # seconds between checks of the workers' memory
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
DEFAULT_RESULTS = "application/sparql-results+json"
DEFAULT_GRAPH_FORMAT = "application/n-triples"


@dataclass(frozen=True)
class Limits:
    timeout: float = 30.0                       # seconds a query may run, queueing included
    max_result_bytes: int = 64 * 1024 * 1024    # one serialised answer
    max_query_memory: int = 1024 * 1024 * 1024  # one worker's data segment
    max_memory: int = 1536 * 1024 * 1024        # all workers together (resident)
    workers: int = 4                            # short queries at once
    long_queries: int = 2                       # long queries at once


@dataclass(frozen=True)
class Request:
    """One SPARQL Protocol query, as the HTTP layer parsed it."""
    query: str
    accept: tuple[str, ...] = ()                # media types the client takes, preferred first
    default_graph_uris: tuple[str, ...] = ()
    named_graph_uris: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    content_type: str
    body: bytes


class QueryRefused(Exception):
    """A query the pool did not answer: ``status`` is the HTTP status to send."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


class QueryPool:
    """Workers over one store folder; ``run`` answers one request."""

    def __init__(self, location: str, limits: Limits = Limits()):
        self.location = str(location)
        self.limits = limits
        self._context = _worker_context()
        # every worker reads this pipe, and only this process holds its
        # writing end: when the server dies, however it dies, they all see
        # it close (a worker's parent is the fork server, not the server)
        self._server_alive, self._server_alive_writer = self._context.Pipe(duplex=False)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._long_slots = threading.BoundedSemaphore(limits.long_queries)
        self._known_long: OrderedDict[str, None] = OrderedDict()
        self._closed = False
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        first = self._spawn()
        first.ready()          # a store that cannot be opened fails here, not on the first query
        self._idle.put(first)
        for _ in range(limits.workers - 1):
            self._idle.put(self._spawn())
        threading.Thread(target=self._guard_memory, name="kg-serve-memory", daemon=True).start()

    def run(self, request: Request, client_gone: Callable[[], bool] = lambda: False) -> Answer:
        deadline = time.monotonic() + self.limits.timeout
        key = " ".join(request.query.split())
        worker = None
        if not self._is_known_long(key):
            worker = self._take(deadline)
            if self._is_known_long(key):   # it ran long for another client while this one waited
                self._idle.put(worker)
                worker = None
        long = worker is None
        if long:
            # a query that ran long before waits for a long slot without
            # holding a worker, then runs on its own at the lowest priority
            if not self._long_slots.acquire(timeout=max(0.0, deadline - time.monotonic())):
                raise QueryRefused(503, f"the server is busy with {self.limits.long_queries} long "
                                        "queries; retry later")
            try:
                worker = self._spawn()
            except BaseException:
                self._long_slots.release()
                raise
            worker.lower_priority()
        started = time.monotonic()
        try:
            worker.send(request, self.limits.max_result_bytes, deadline)
            while not worker.poll(POLL):
                now = time.monotonic()
                if now >= deadline:
                    raise QueryRefused(503, f"the query was stopped after {self.limits.timeout:g} s "
                                            "(kg serve --timeout); add a LIMIT or narrow it")
                if client_gone():
                    raise QueryRefused(499, "the client closed the connection")
                if not long and now - started >= LONG_AFTER:
                    if not self._long_slots.acquire(blocking=False):
                        raise QueryRefused(503, f"the server is busy with {self.limits.long_queries} long "
                                                "queries; retry later")
                    long = True
                    worker.lower_priority()
                    self._replace()   # short queries keep their workers
            answer = worker.receive(self.limits)
        except BaseException as exc:
            # a query stopped for running long is remembered; one that merely
            # ran long on a busy machine and finished is not
            if isinstance(exc, QueryRefused) and (long or exc.status == 503):
                self._remember_long(key)
            self._retire(worker)
            if long:
                self._long_slots.release()
            else:
                self._replace()
            raise
        if long:
            self._retire(worker)     # reniced, and its place in the pool was taken
            self._long_slots.release()
            self._forget_long(key)
        else:
            self._idle.put(worker)
        return answer

    def _guard_memory(self) -> None:
        """Keep the workers' resident memory together under ``max_memory``:
        past it, the biggest worker is killed (its query answers 503).
        Each worker's own limit cannot do this alone: six workers within
        their limits can still take the machine's memory."""
        while not self._closed:
            time.sleep(MEMORY_POLL)
            with self._lock:
                workers = list(self._all)
            sizes = [(worker.resident(), worker) for worker in workers]
            if sum(size for size, _ in sizes) > self.limits.max_memory:
                max(sizes, key=lambda pair: pair[0])[1].kill()

    def _is_known_long(self, key: str) -> bool:
        with self._lock:
            return key in self._known_long

    def _forget_long(self, key: str) -> None:
        with self._lock:
            self._known_long.pop(key, None)

    def _remember_long(self, key: str) -> None:
        with self._lock:
            self._known_long[key] = None
            self._known_long.move_to_end(key)
            while len(self._known_long) > KNOWN_LONG:
                self._known_long.popitem(last=False)

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
        for worker in workers:
            worker.stop()

    def _take(self, deadline: float) -> _Worker:
        while True:
            try:
                worker = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise QueryRefused(503, f"no worker was free within {self.limits.timeout:g} s; "
                                        "retry later") from None
            if worker.alive():
                return worker
            self._retire(worker)
            self._replace()

    def _replace(self) -> None:
        """A fresh worker among the idle ones (none once the pool is closed)."""
        with contextlib.suppress(QueryRefused):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        worker = _Worker(self._context, self.location, self.limits.max_query_memory, self._server_alive)
        with self._lock:
            if self._closed:
                worker.stop()
                raise QueryRefused(503, "the server is stopping")
            self._all.add(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._all.discard(worker)


def _worker_context():
    """Workers are forked from a server process that has pyoxigraph loaded
    (50 ms a worker against 270 ms to spawn a fresh interpreter), never
    from kg serve itself, whose threads a fork would copy mid-step."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["pyoxigraph", "kg.query_pool"])
        return context
    return multiprocessing.get_context("spawn")


class _Worker:
    """One process with the store open read-only, answering over a pipe."""

    def __init__(self, context, location: str, memory: int, server_alive):
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve_queries, args=(child, location, memory, server_alive),
                                        name="kg-serve-query", daemon=True)
        self._process.start()
        child.close()

    def ready(self, seconds: float | None = None) -> None:
        """Wait for the worker's greeting (at most ``seconds``); raise what
        it failed with."""
        if seconds is not None and not self._conn.poll(max(0.0, seconds)):
            raise QueryRefused(503, "no query worker was ready in time (the machine is busy); retry later")
        try:
            kind, message = self._conn.recv()
        except EOFError:
            self._process.join(timeout=5)
            kind, message = "error", (f"the query worker stopped before it opened the store (exit status "
                                      f"{self._process.exitcode}); is --max-query-memory too small?")
        if kind != "ready":
            self.stop()
            raise QueryRefused(500, message)
        self._greeted = True

    def alive(self) -> bool:
        return self._process.is_alive()

    def send(self, request: Request, max_bytes: int, deadline: float) -> None:
        if not getattr(self, "_greeted", False):
            self.ready(deadline - time.monotonic())
        self._conn.send((request, max_bytes))

    def poll(self, seconds: float) -> bool:
        return self._conn.poll(seconds)

    def receive(self, limits: Limits) -> Answer:
        try:
            kind, *payload = self._conn.recv()
        except (EOFError, OSError):
            self._process.join(timeout=1)
            raise QueryRefused(503, f"the query needed more memory than the server allows: "
                                    f"{limits.max_query_memory // 2**20} MiB a query (kg serve --max-query-memory), "
                                    f"{limits.max_memory // 2**20} MiB in all (--max-memory)") from None
        if kind == "ok":
            return Answer(*payload)
        raise QueryRefused(*payload)

    def resident(self) -> int:
        """Resident bytes (Linux; 0 where /proc is missing)."""
        try:
            with open(f"/proc/{self._process.pid}/statm", "rb") as statm:
                return int(statm.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            return 0

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self._process.kill()

    def lower_priority(self) -> None:
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, self._process.pid, 19)

    def stop(self) -> None:
        if self._process.is_alive():
            self._process.kill()
        self._process.join(timeout=5)
        self._conn.close()


# --- in the worker process -------------------------------------------------------

class _BoundedBuffer(io.RawIOBase):
    """Collects a serialised answer; stops the serialiser past ``limit`` bytes."""

    def __init__(self, limit: int):
        self.parts: list[bytes] = []
        self.size = 0
        self.limit = limit

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise _TooBig()
        self.parts.append(bytes(data))
        return len(data)


class _TooBig(Exception):
    pass


def _serve_queries(conn, location: str, memory: int, server_alive) -> None:
    import pyoxigraph as ox
    threading.Thread(target=_exit_with_server, args=(server_alive,), daemon=True).start()
    # RLIMIT_DATA bounds the heap (brk and private mappings): a runaway
    # ORDER BY fails its allocation here and this process dies, not the server
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_DATA, (memory, memory))
    try:
        store = ox.Store.read_only(location)
    except OSError as exc:
        conn.send(("error", f"cannot open the store at {location}: {exc}"))
        return
    conn.send(("ready", ""))
    while True:
        try:
            request, max_bytes = conn.recv()
        except EOFError:
            return
        conn.send(_answer(ox, store, request, max_bytes))


def _exit_with_server(server_alive) -> None:
    """Exit when the server's end of ``server_alive`` closes: a worker deep
    in a runaway query would not read its closed request pipe until the
    query ends (pyoxigraph releases the GIL while it evaluates, so this
    thread runs)."""
    try:
        server_alive.recv()
    except (EOFError, OSError):
        pass
    os._exit(0)


def _answer(ox, store, request: Request, max_bytes: int) -> tuple:
    try:
        results = store.query(
            request.query,
            default_graph=[ox.NamedNode(g) for g in request.default_graph_uris] or None,
            named_graphs=[ox.NamedNode(g) for g in request.named_graph_uris] or None)
    except SyntaxError as exc:
        return "error", 400, f"the query is not valid SPARQL: {exc}"
    except (OSError, ValueError) as exc:
        return "error", 400, f"the query failed: {exc}"
    except MemoryError:
        return "error", 503, "the query needed more memory than the server allows (kg serve --max-query-memory)"
    buffer = _BoundedBuffer(max_bytes)
    try:
        if isinstance(results, ox.QueryTriples):
            output_format = ox.RdfFormat.from_media_type(_first(request.accept, ox.RdfFormat, DEFAULT_GRAPH_FORMAT))
        else:
            output_format = ox.QueryResultsFormat.from_media_type(
                _first(request.accept, ox.QueryResultsFormat, DEFAULT_RESULTS))
        results.serialize(buffer, output_format)
    except _TooBig:
        return "error", 413, (f"the answer is larger than {max_bytes // 2**20} MiB "
                              "(kg serve --max-result-size); add a LIMIT or select fewer columns")
    except MemoryError:
        return "error", 503, "the query needed more memory than the server allows (kg serve --max-query-memory)"
    except (OSError, ValueError) as exc:
        return "error", 400, f"the query failed: {exc}"
    media_type = output_format.media_type
    if "charset" not in media_type and ("json" in media_type or media_type.startswith("text/")):
        media_type += "; charset=utf-8"
    return "ok", media_type, b"".join(buffer.parts)


def _first(accept: tuple[str, ...], format_class, default: str) -> str:
    """The first media type the client accepts that ``format_class`` writes."""
    for media in accept:
        if media in ("*/*", "application/*"):
            return default
        if format_class.from_media_type(media) is not None:
            return media
    return default
