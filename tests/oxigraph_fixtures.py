"""A real ``oxigraph serve`` for the server tests: started on 127.0.0.1 with
a free port and a temporary store, stopped (and its folder removed) after.

Without the oxigraph binary the tests are skipped with the reason, unless
CI is set: there it must be installed, so they fail."""
from __future__ import annotations

import contextlib
import os
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.errors import StoreError
from kg.serve import find_oxigraph, free_port


def oxigraph_binary() -> str:
    try:
        return find_oxigraph()
    except StoreError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs the oxigraph server: {exc}")
        pytest.skip(f"the oxigraph server is not installed ({exc.hint})")


def wait_until_answering(process: subprocess.Popen, url: str, what: str, seconds: float = 30) -> None:
    """Return once ``url`` answers HTTP; fail if the process dies or time runs out."""
    deadline = time.monotonic() + seconds
    while True:
        if process.poll() is not None:
            raise AssertionError(f"{what} stopped: {process.stderr.read().decode()}")
        try:
            with urllib.request.urlopen(url + "/", timeout=1):
                return
        except OSError:
            assert time.monotonic() < deadline, f"{what} did not answer within {seconds:.0f} s"
            time.sleep(0.05)


@contextlib.contextmanager
def oxigraph_server(location: Path, *extra: str, read_only: bool = False) -> Iterator[str]:
    """The base URL of a running oxigraph server over ``location``."""
    port = free_port()
    argv = [oxigraph_binary(), "serve-read-only" if read_only else "serve", "--location", str(location),
            "--bind", f"127.0.0.1:{port}", *extra]
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(process, url, "oxigraph")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stderr.close()
