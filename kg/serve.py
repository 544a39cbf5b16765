"""``kg serve``: a SPARQL 1.1 Protocol endpoint over the local store.

Read-only by default: kg's own endpoint (kg.endpoint) answers ``/query``,
and a query page at ``/``, from worker processes that hold the store open
read-only (kg.query_pool), so that every query is bounded in time, memory
and answer size and stops when its client leaves; no oxigraph server is
needed. It shows the store as it was when it started: restart it after
``kg load``. The default graph is the merged facts (kg.facts), as every kg
command sees the data.

With ``--allow-updates`` the ``oxigraph`` server from PyPI, pinned to the
version of pyoxigraph (``pyproject.toml``) so that both read the same
on-disk format, runs read-write on a private loopback port, and a small
threaded reverse proxy takes the public address. Oxigraph has no
authentication, so the proxy lets a request change the store (anything but
GET, HEAD, OPTIONS and POST /query) only with ``Authorization: Bearer
$KG_SERVE_TOKEN``, and applies the endpoint's Host and SERVICE checks. The
read-write server holds the store's lock, so a concurrent ``kg load`` is
refused rather than racing it; its queries stop at oxigraph's own timeout,
which not every query shape observes (docs/queries.md). The private port is
reachable by other local users; the token guards the network, not the host.
"""
from __future__ import annotations

import hmac
import http.client
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path

from kg.endpoint import MAX_QUERY_BYTES, GuardedHandler, allowed_hosts, make_server
from kg.errors import StoreError
from kg.query_pool import Limits, QueryPool, QueryRefused

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
STARTUP_SECONDS = 30
TOKEN_ENV = "KG_SERVE_TOKEN"
# Headers that describe one hop of a connection, not the message (RFC 9110 §7.6.1).
HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
              "trailer", "transfer-encoding", "upgrade", "authorization"}
CHUNK = 64 * 1024


def find_oxigraph() -> str:
    """The oxigraph server: the one installed beside this Python (the pinned
    one, in the project's virtualenv) first, then PATH."""
    folder = Path(sys.executable).parent
    for name in ("oxigraph", "oxigraph.exe"):
        candidate = folder / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise StoreError("the oxigraph server is not installed",
                     hint="pip install oxigraph==0.5.13 (the version pinned with pyoxigraph: "
                          "both must read the same store format)")


def free_port(host: str = DEFAULT_HOST) -> int:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _bind_arg(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host and not host.startswith("[") else f"{host}:{port}"


class _Output:
    """Drains the server's output (so that a full pipe never blocks it),
    echoing it if asked and keeping the last lines for error messages."""

    def __init__(self, process: subprocess.Popen, echo: bool):
        self.lines: deque[str] = deque(maxlen=20)
        self._echo = echo
        self._thread = threading.Thread(target=self._run, args=(process.stdout,),
                                        name="kg-serve-output", daemon=True)
        self._thread.start()

    def _run(self, stream) -> None:
        for raw in stream:
            line = raw.decode("utf-8", "replace").rstrip()
            self.lines.append(line)
            if self._echo:
                print(line, file=sys.stderr, flush=True)

    def text(self) -> str:
        self._thread.join(timeout=2)
        return "\n".join(self.lines).strip()


@dataclass
class Server:
    """A running endpoint: kg's HTTP server, in front of either the query
    workers (read-only) or a read-write oxigraph process."""
    url: str
    http: ThreadingHTTPServer
    thread: threading.Thread
    pool: QueryPool | None = None
    process: subprocess.Popen | None = None
    output: _Output | None = None

    def wait(self) -> int:
        """Block until the server stops; the exit status of oxigraph, if any."""
        if self.process is not None:
            return self.process.wait()
        self.thread.join()
        return 0

    def stop(self) -> None:
        self.http.shutdown()
        self.http.server_close()
        if self.pool is not None:
            self.pool.close()
        if self.process is not None:
            _stop_process(self.process, self.output)

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def start(location: str | os.PathLike, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          limits: Limits = Limits(), allow_updates: bool = False, token: str | None = None,
          extra_hosts: Iterable[str] = (), allow_service: bool = False,
          oxigraph: str | None = None, echo: bool = False) -> Server:
    """Start the endpoint over the store folder; return once it answers."""
    location = Path(location)
    if allow_updates and not token:
        raise StoreError(f"--allow-updates needs a token in {TOKEN_ENV}",
                         hint=f"export {TOKEN_ENV}=$(python -c 'import secrets; print(secrets.token_urlsafe(32))'); "
                              "clients send it as `Authorization: Bearer …`")
    if not allow_updates and not (location / "CURRENT").is_file():
        raise StoreError(f"no store at {location}",
                         hint="run `kg load PATH…` or `kg demo` first, or point --store/KG_STORE at one")
    if limits.timeout <= 0:
        raise StoreError("--timeout must be a positive number of seconds")
    if allow_updates:
        return _start_read_write(location, host, port, limits, token or "", extra_hosts, allow_service,
                                 oxigraph, echo)
    try:
        pool = QueryPool(str(location), limits)
    except QueryRefused as exc:
        raise StoreError(exc.message) from None
    try:
        http = make_server(pool, host, port, extra_hosts=extra_hosts, allow_service=allow_service)
    except OSError as exc:
        pool.close()
        raise StoreError(f"cannot listen on {_bind_arg(host, port)}: {exc.strerror}",
                         hint="is the port in use? choose another with --port") from None
    thread = threading.Thread(target=http.serve_forever, name="kg-serve", daemon=True)
    thread.start()
    return Server(f"http://{_bind_arg(host, http.server_address[1])}", http, thread, pool=pool)


def _start_read_write(location: Path, host: str, port: int, limits: Limits, token: str,
                      extra_hosts: Iterable[str], allow_service: bool, oxigraph: str | None,
                      echo: bool) -> Server:
    binary = oxigraph or find_oxigraph()
    inner = (DEFAULT_HOST, free_port())
    argv = [binary, "serve", "--location", str(location), "--bind", _bind_arg(*inner),
            "--timeout-s", str(int(limits.timeout))]
    # an argv list, never a shell line: the location is passed as it is
    process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, preexec_fn=_die_with_parent)
    output = _Output(process, echo)
    try:
        _wait_until_ready(process, output, f"http://{_bind_arg(*inner)}")
        proxy = _make_proxy(host, port, inner, token, limits, extra_hosts, allow_service)
        thread = threading.Thread(target=proxy.serve_forever, name="kg-serve-proxy", daemon=True)
        thread.start()
        return Server(f"http://{_bind_arg(host, proxy.server_address[1])}", proxy, thread,
                      process=process, output=output)
    except BaseException:
        _stop_process(process, output)
        raise


def _stop_process(process: subprocess.Popen, output: _Output | None) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if output is not None:
        output.text()
    if process.stdout:
        process.stdout.close()


def _die_with_parent() -> None:
    """In the child, on Linux: be sent SIGTERM when kg dies, however it dies,
    so that no server outlives the command that started it."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal
        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _wait_until_ready(process: subprocess.Popen, output: _Output, url: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            message = output.text()
            hint = "is the port in use? choose another with --port" if "in use" in message.lower() else None
            raise StoreError(f"the oxigraph server stopped at once: {message or f'exit status {process.returncode}'}",
                             hint=hint)
        try:
            with urllib.request.urlopen(url + "/", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.1)
    raise StoreError(f"the oxigraph server did not answer at {url} within {STARTUP_SECONDS} s")


def _make_proxy(host: str, port: int, upstream: tuple[str, int], token: str, limits: Limits,
                extra_hosts: Iterable[str], allow_service: bool) -> ThreadingHTTPServer:
    expected = f"Bearer {token}".encode("utf-8")

    class Handler(_ProxyHandler):
        pass
    Handler.upstream = upstream
    Handler.authorised = staticmethod(
        lambda header: hmac.compare_digest((header or "").encode("utf-8"), expected))
    # the read side waits for oxigraph's own timeout to answer first
    Handler.upstream_timeout = limits.timeout + 30
    Handler.max_answer = limits.max_result_bytes
    Handler.allow_service = allow_service
    Handler.wildcard_bind = host.strip("[]") in ("0.0.0.0", "::", "")

    class Proxy(ThreadingHTTPServer):
        daemon_threads = True
        request_queue_size = 512
        address_family = socket.AF_INET6 if ":" in host else socket.AF_INET

    try:
        proxy = Proxy((host.strip("[]"), port), Handler)
    except OSError as exc:
        raise StoreError(f"cannot listen on {_bind_arg(host, port)}: {exc.strerror}",
                         hint="is the port in use? choose another with --port") from None
    Handler.hosts = allowed_hosts(host, proxy.server_address[1], extra_hosts)
    return proxy


class _ProxyHandler(GuardedHandler):
    """Forwards requests for its own Host to oxigraph; writes need the
    bearer token; queries are checked for SERVICE and their answers capped."""
    upstream: tuple[str, int]
    authorised: Callable[[str | None], bool]
    upstream_timeout: float
    max_answer: int

    def do_GET(self) -> None:
        if not self.host_ok():
            return
        path, _, params = self.path.partition("?")
        if path == "/query":
            queries = urllib.parse.parse_qs(params).get("query", [])
            if not all(self.query_ok(query) for query in queries):
                return
        self._forward(b"")

    do_HEAD = do_OPTIONS = do_GET

    def do_POST(self) -> None:
        if not self.host_ok():
            return
        if self.path.split("?")[0] != "/query":
            if self._check_token():
                self._forward(None)
            return
        body = self._small_body()
        if body is not None and self.query_ok(_posted_query(self.headers.get("Content-Type", ""), body)):
            self._forward(body)

    def do_PUT(self) -> None:
        if self.host_ok() and self._check_token():
            self._forward(None)

    do_DELETE = do_PATCH = do_PUT

    def _check_token(self) -> bool:
        if self.authorised(self.headers.get("Authorization")):
            return True
        self.send_text(401, "updates need the server's token: send `Authorization: Bearer <KG_SERVE_TOKEN>`",
                       {"WWW-Authenticate": 'Bearer realm="kg serve"'})
        return False

    def _small_body(self) -> bytes | None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_QUERY_BYTES:
            self.close_connection = True
            self.send_text(413, f"a query must be at most {MAX_QUERY_BYTES // 1024} KiB")
            return None
        return self.rfile.read(length)

    def _forward(self, body: bytes | None) -> None:
        """Send the request on; ``body`` None streams the client's body (a
        graph PUT may be large). Query answers are read whole, up to the
        cap, so that a client never takes a cut answer for a complete one."""
        if body is None and "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self.send_text(411, "send a Content-Length: chunked request bodies are not forwarded")
            return
        is_query = self.path.split("?")[0] == "/query"
        connection = http.client.HTTPConnection(*self.upstream, timeout=self.upstream_timeout)
        answered = False
        try:
            connection.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
            for name, value in self.headers.items():
                if name.lower() not in HOP_BY_HOP and not (body is not None and name.lower() == "content-length"):
                    connection.putheader(name, value)
            if body is not None:
                connection.putheader("Content-Length", str(len(body)))
            connection.endheaders()
            if body is not None:
                connection.send(body)
            else:
                remaining = int(self.headers.get("Content-Length") or 0)
                while remaining > 0:
                    chunk = self.rfile.read(min(CHUNK, remaining))
                    if not chunk:
                        break
                    connection.send(chunk)
                    remaining -= len(chunk)
            response = connection.getresponse()
            answer = response.read(self.max_answer + 1) if is_query else None
            if answer is not None and len(answer) > self.max_answer:
                self.send_text(413, f"the answer is larger than {self.max_answer // 2**20} MiB "
                                    "(kg serve --max-result-size); add a LIMIT or select fewer columns")
                return
            self.send_response(response.status, response.reason)
            for name, value in response.getheaders():
                if name.lower() not in HOP_BY_HOP and name.lower() != "content-length":
                    self.send_header(name, value)
            if answer is not None:
                self.send_header("Content-Length", str(len(answer)))
            # HTTP/1.0: without a Content-Length the body ends when the connection closes
            self.end_headers()
            answered = True
            if self.command == "HEAD":
                return
            if answer is not None:
                self.wfile.write(answer)
            else:
                while chunk := response.read(CHUNK):
                    self.wfile.write(chunk)
        except (OSError, http.client.HTTPException) as exc:
            if not answered:   # else the client sees the answer cut short
                self.send_text(502, f"the oxigraph server failed: {exc}")
        finally:
            connection.close()


def _posted_query(content_type: str, body: bytes) -> str:
    """The query text of a POST /query, form-encoded or sent directly."""
    text = body.decode("utf-8", "replace")
    if content_type.split(";")[0].strip().lower() == "application/x-www-form-urlencoded":
        return "\n".join(urllib.parse.parse_qs(text).get("query", []))
    return text
