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


@contextlib.contextmanager
def oxigraph_server(location: Path, *extra: str, read_only: bool = False) -> Iterator[str]:
    """The base URL of a running oxigraph server over ``location``."""
    port = free_port()
    argv = [oxigraph_binary(), "serve-read-only" if read_only else "serve", "--location", str(location),
            "--bind", f"127.0.0.1:{port}", *extra]
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"oxigraph stopped: {process.stderr.read().decode()}")
            try:
                with urllib.request.urlopen(url + "/", timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stderr.close()
