"""The read-only SPARQL 1.1 Protocol endpoint of ``kg serve``: HTTP in front
of the bounded query pool (kg.query_pool).

Besides answering ``/query``, it refuses what a read-only endpoint on a
person's machine must not do:

- requests whose ``Host`` is not the address it serves (a web page that
  rebinds its own DNS name to 127.0.0.1 would otherwise read the store
  through the user's browser);
- queries with ``SERVICE``, which would make the server fetch any address
  the query names (server-side request forgery), unless the operator
  enabled federation;
- updates, and any method but GET, HEAD and POST.
"""
from __future__ import annotations

import contextlib
import ipaddress
import re
import select
import socket
import sys
import urllib.parse
from collections.abc import Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources

from kg.query_pool import QueryPool, QueryRefused, Request

MAX_QUERY_BYTES = 1024 * 1024
# SPARQL applies \u and \U escapes to the whole query text before parsing
# (SPARQL 1.1 §19.2), so "\u0053ERVICE" is the keyword too.
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# What a query's text holds besides keywords: strings, IRIs and comments,
# matched left to right, so that "SERVICE" inside one of them is not taken
# for the keyword and a keyword is never hidden inside one.
_NOT_KEYWORDS = re.compile("|".join((
    r'"""(?:[^"\\]|\\.|"(?!""))*"""', r"'''(?:[^'\\]|\\.|'(?!''))*'''",
    r'"(?:[^"\\\n]|\\.)*"', r"'(?:[^'\\\n]|\\.)*'",
    r'<[^<>"{}|^`\\\s]*>', r"#[^\n]*")))
# SERVICE as a keyword, not inside a prefixed name (ex:service), a
# variable (?service) or a longer word
_SERVICE = re.compile(r"(?<![\w:?$-])SERVICE(?![\w:-])", re.IGNORECASE)
PAGE_FILES = {"/": ("query.html", "text/html; charset=utf-8"),
              "/query.js": ("query.js", "text/javascript; charset=utf-8"),
              "/query.css": ("query.css", "text/css; charset=utf-8")}
SECURITY_HEADERS = {"Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'",
                    "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


def uses_service(query: str) -> bool:
    """Whether ``query`` has a SERVICE clause (outside strings, IRIs and comments)."""
    unescaped = _CODEPOINT.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), query)
    return bool(_SERVICE.search(_NOT_KEYWORDS.sub(" ", unescaped)))


def allowed_hosts(host: str, port: int, extra: Iterable[str] = ()) -> frozenset[str]:
    """The ``Host`` header values the endpoint answers: the address it is
    bound to, the loopback names when that is loopback, and the names the
    operator adds (``--allow-host``); each with and without the port."""
    names = {host.strip("[]").lower(), *(name.lower() for name in extra)}
    if is_loopback(host):
        names |= {"localhost", "127.0.0.1", "::1"}
    values = set()
    for name in names:
        bracketed = f"[{name}]" if ":" in name else name
        values |= {bracketed, f"{bracketed}:{port}"}
    return frozenset(values)


def host_allowed(header: str | None, allowed: frozenset[str], wildcard_bind: bool) -> bool:
    if not header:
        return False
    header = header.strip().lower()
    if header in allowed:
        return True
    # bound to every interface: any IP literal is one of ours, and a
    # rebinding attack needs a DNS name, so only names must be listed
    if wildcard_bind:
        address = header.rsplit(":", 1)[0] if header.count(":") == 1 or header.startswith("[") else header
        with contextlib.suppress(ValueError):
            ipaddress.ip_address(address.strip("[]"))
            return True
    return False


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def make_server(pool: QueryPool, host: str, port: int, *, extra_hosts: Iterable[str] = (),
                allow_service: bool = False) -> ThreadingHTTPServer:
    """An HTTP server (not yet serving) that answers queries with ``pool``."""
    class Handler(QueryHandler):
        pass
    Handler.pool = pool
    Handler.allow_service = allow_service
    Handler.wildcard_bind = host.strip("[]") in ("0.0.0.0", "::", "")

    class Server(ThreadingHTTPServer):
        daemon_threads = True
        request_queue_size = 512        # many clients connect at once: never drop their SYNs
        address_family = socket.AF_INET6 if ":" in host else socket.AF_INET

    server = Server((host.strip("[]"), port), Handler)
    Handler.hosts = allowed_hosts(host, server.server_address[1], extra_hosts)
    return server


class GuardedHandler(BaseHTTPRequestHandler):
    """Host checking, plain-text errors and logging shared by the endpoint
    and the proxy that guards a read-write oxigraph (kg.serve)."""
    hosts: frozenset[str]
    wildcard_bind: bool
    allow_service: bool
    server_version = "kg-serve"

    def host_ok(self) -> bool:
        if host_allowed(self.headers.get("Host"), self.hosts, self.wildcard_bind):
            return True
        self.send_text(403, "this server answers only requests for its own address (Host header); "
                            "add other names with kg serve --allow-host")
        return False

    def query_ok(self, query: str) -> bool:
        if self.allow_service or not uses_service(query):
            return True
        self.send_text(403, "SERVICE is disabled: this endpoint does not fetch other endpoints "
                            "(kg serve --allow-service enables it)")
        return False

    def send_text(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        body = (message + "\n").encode("utf-8")
        self.send_response(status)
        for name, value in {**SECURITY_HEADERS, **(headers or {})}.items():
            self.send_header(name, value)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def client_gone(self) -> bool:
        """Whether the client closed its connection while we work."""
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            return bool(readable) and self.connection.recv(1, socket.MSG_PEEK) == b""
        except OSError:
            return True

    def log_message(self, format: str, *args) -> None:
        # the request line is the client's text: shown escaped, never raw
        sys.stderr.write(f"{self.address_string()} {(format % args).encode('unicode_escape').decode('ascii')}\n")


class QueryHandler(GuardedHandler):
    """SPARQL 1.1 Protocol queries (GET and POST /query), the query page at
    /, and a refusal for everything that would write."""
    pool: QueryPool
    protocol_version = "HTTP/1.1"       # keep-alive: clients reuse their connection

    def do_GET(self) -> None:
        if not self.host_ok():
            return
        path, _, params = self.path.partition("?")
        if path == "/query":
            self._query(urllib.parse.parse_qs(params, keep_blank_values=True))
        elif path in PAGE_FILES:
            name, content_type = PAGE_FILES[path]
            body = resources.files("kg.web").joinpath(name).read_bytes()
            self.send_response(200)
            for header, value in SECURITY_HEADERS.items():
                self.send_header(header, value)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
        else:
            self.send_text(404, "not found; queries go to /query")

    do_HEAD = do_GET

    def do_POST(self) -> None:
        if not self.host_ok():
            return
        path, _, params = self.path.partition("?")
        body = self._body()
        if body is None:
            return
        if path != "/query":
            self.send_text(403 if path in ("/update", "/store") else 404,
                           "this endpoint is read-only" if path in ("/update", "/store") else "not found")
            return
        fields = urllib.parse.parse_qs(params, keep_blank_values=True)
        content_type = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type == "application/x-www-form-urlencoded":
            for name, values in urllib.parse.parse_qs(body.decode("utf-8", "replace"),
                                                      keep_blank_values=True).items():
                fields.setdefault(name, []).extend(values)
        elif content_type == "application/sparql-query":
            fields["query"] = [body.decode("utf-8", "replace")]
        else:
            self.send_text(415, "send the query as application/sparql-query or as a form "
                                "(application/x-www-form-urlencoded)")
            return
        self._query(fields)

    def do_PUT(self) -> None:
        if self.host_ok():
            self.send_text(403, "this endpoint is read-only")

    do_DELETE = do_PATCH = do_PUT

    def _body(self) -> bytes | None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_QUERY_BYTES:
            self.close_connection = True
            self.send_text(413, f"a request body must be at most {MAX_QUERY_BYTES // 1024} KiB")
            return None
        return self.rfile.read(length)

    def _query(self, fields: dict[str, list[str]]) -> None:
        queries = fields.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            self.send_text(400, "give exactly one query (the `query` parameter)")
            return
        if not self.query_ok(queries[0]):
            return
        request = Request(queries[0], accept=_accepted(self.headers.get("Accept", "")),
                          default_graph_uris=tuple(fields.get("default-graph-uri", [])),
                          named_graph_uris=tuple(fields.get("named-graph-uri", [])))
        try:
            answer = self.pool.run(request, client_gone=self.client_gone)
        except QueryRefused as refused:
            if refused.status == 499:   # nobody is listening any more
                self.close_connection = True
                return
            self.send_text(refused.status, refused.message,
                           {"Retry-After": "5"} if refused.status == 503 else None)
            return
        self.send_response(200)
        for header, value in SECURITY_HEADERS.items():
            self.send_header(header, value)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.end_headers()
        if self.command != "HEAD":
            with contextlib.suppress(OSError):   # the client may leave before the end
                self.wfile.write(answer.body)


def _accepted(header: str) -> tuple[str, ...]:
    """The media types of an Accept header, most preferred first (RFC 9110 §12.5.1)."""
    ranked = []
    for position, item in enumerate(header.split(",")):
        media, *params = (part.strip() for part in item.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                with contextlib.suppress(ValueError):
                    quality = float(value)
        if media and quality > 0:
            ranked.append((-quality, position, media.lower()))
    return tuple(media for _, _, media in sorted(ranked))
