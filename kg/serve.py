"""``kg serve``: a SPARQL 1.1 Protocol endpoint over the local store.

The endpoint is the ``oxigraph`` server from PyPI, pinned to the version of
pyoxigraph (``pyproject.toml``) so that both read the same on-disk format;
nothing here answers SPARQL itself. It serves ``/query`` (and the YASGUI
query page at ``/``) with the store's default graph, the merged facts
(kg.facts), as every kg command sees the data, and stops queries at a timeout
(oxigraph's ``--timeout-s``).

Read-only by default: ``oxigraph serve-read-only`` on the store folder,
bound directly to the requested address. It shows the store as it was when
it started: restart it after ``kg load``.

With ``--allow-updates`` oxigraph runs read-write on a private loopback port
and a small threaded reverse proxy takes the public address. Oxigraph has no
authentication, so the proxy lets a request change the store (anything but
GET, HEAD, OPTIONS and POST /query) only with ``Authorization: Bearer
$KG_SERVE_TOKEN``. The read-write server holds the store's lock, so a
concurrent ``kg load`` is refused rather than racing it. The private port is
reachable by other local users; the token guards the network, not the host.
"""
from __future__ import annotations

import hmac
import http.client
import ipaddress
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kg.errors import StoreError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30          # seconds a query may run
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


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


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
    """A running endpoint: the oxigraph process and, for updates, the proxy."""
    url: str
    process: subprocess.Popen
    output: _Output
    proxy: ThreadingHTTPServer | None = None

    def wait(self) -> int:
        return self.process.wait()

    def stop(self) -> None:
        if self.proxy is not None:
            self.proxy.shutdown()
            self.proxy.server_close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.output.text()
        if self.process.stdout:
            self.process.stdout.close()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def start(location: str | os.PathLike, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          timeout: int = DEFAULT_TIMEOUT, allow_updates: bool = False, token: str | None = None,
          oxigraph: str | None = None, echo: bool = False) -> Server:
    """Start the endpoint over the store folder and wait until it answers."""
    location = Path(location)
    if allow_updates and not token:
        raise StoreError(f"--allow-updates needs a token in {TOKEN_ENV}",
                         hint=f"export {TOKEN_ENV}=$(python -c 'import secrets; print(secrets.token_urlsafe(32))'); "
                              "clients send it as `Authorization: Bearer …`")
    if not allow_updates and not (location / "CURRENT").is_file():
        raise StoreError(f"no store at {location}",
                         hint="run `kg load PATH…` or `kg demo` first, or point --store/KG_STORE at one")
    if timeout <= 0:
        raise StoreError("--timeout must be a positive number of seconds")
    binary = oxigraph or find_oxigraph()
    inner_host, inner_port = (DEFAULT_HOST, free_port()) if allow_updates else (host, port)
    argv = [binary, "serve" if allow_updates else "serve-read-only",
            "--location", str(location), "--bind", _bind_arg(inner_host, inner_port),
            "--timeout-s", str(timeout)]
    # an argv list, never a shell line: the location is passed as it is
    process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, preexec_fn=_die_with_parent)
    output = _Output(process, echo)
    inner_url = f"http://{_bind_arg(inner_host, inner_port)}"
    try:
        _wait_until_ready(process, output, inner_url)
        if not allow_updates:
            return Server(inner_url, process, output)
        proxy = _make_proxy(host, port, (inner_host, inner_port), token or "", timeout)
        threading.Thread(target=proxy.serve_forever, name="kg-serve-proxy", daemon=True).start()
        return Server(f"http://{_bind_arg(host, proxy.server_address[1])}", process, output, proxy)
    except BaseException:
        Server(inner_url, process, output).stop()
        raise


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


def _make_proxy(host: str, port: int, upstream: tuple[str, int], token: str,
                timeout: int) -> ThreadingHTTPServer:
    expected = f"Bearer {token}".encode("utf-8")

    class Handler(_ProxyHandler):
        pass
    Handler.upstream = upstream
    Handler.authorised = staticmethod(
        lambda header: hmac.compare_digest((header or "").encode("utf-8"), expected))
    # the read side waits for oxigraph's own timeout to answer first
    Handler.upstream_timeout = timeout + 30

    class Proxy(ThreadingHTTPServer):
        daemon_threads = True
        address_family = socket.AF_INET6 if ":" in host else socket.AF_INET

    try:
        return Proxy((host.strip("[]"), port), Handler)
    except OSError as exc:
        raise StoreError(f"cannot listen on {_bind_arg(host, port)}: {exc.strerror}",
                         hint="is the port in use? choose another with --port") from None


class _ProxyHandler(BaseHTTPRequestHandler):
    """Forwards every request to oxigraph; writes need the bearer token."""
    upstream: tuple[str, int]
    authorised: Callable[[str | None], bool]
    upstream_timeout: int
    server_version = "kg-serve"

    def do_GET(self) -> None:
        self._forward()

    do_HEAD = do_OPTIONS = do_GET

    def do_POST(self) -> None:
        if self.path.split("?")[0] == "/query" or self._check_token():
            self._forward()

    def do_PUT(self) -> None:
        if self._check_token():
            self._forward()

    do_DELETE = do_PATCH = do_PUT

    def _check_token(self) -> bool:
        if self.authorised(self.headers.get("Authorization")):
            return True
        body = b"updates need the server's token: send `Authorization: Bearer <KG_SERVE_TOKEN>`\n"
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Bearer realm="kg serve"')
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return False

    def _forward(self) -> None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self.send_error(411, "send a Content-Length: chunked request bodies are not forwarded")
            return
        length = int(self.headers.get("Content-Length") or 0)
        connection = http.client.HTTPConnection(*self.upstream, timeout=self.upstream_timeout)
        answered = False
        try:
            connection.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
            for name, value in self.headers.items():
                if name.lower() not in HOP_BY_HOP:
                    connection.putheader(name, value)
            connection.endheaders()
            remaining = length
            while remaining > 0:   # stream the body: a graph PUT may be large
                chunk = self.rfile.read(min(CHUNK, remaining))
                if not chunk:
                    break
                connection.send(chunk)
                remaining -= len(chunk)
            response = connection.getresponse()
            self.send_response(response.status, response.reason)
            for name, value in response.getheaders():
                if name.lower() not in HOP_BY_HOP:
                    self.send_header(name, value)
            # HTTP/1.0: without a Content-Length the body ends when the connection closes
            self.end_headers()
            answered = True
            if self.command != "HEAD":
                while chunk := response.read(CHUNK):
                    self.wfile.write(chunk)
        except (OSError, http.client.HTTPException) as exc:
            if not answered:   # else the client sees the answer cut short
                self.send_error(502, f"the oxigraph server failed: {exc}")
        finally:
            connection.close()

    def log_message(self, format: str, *args) -> None:
        sys.stderr.write(f"{self.address_string()} {format % args}\n")
