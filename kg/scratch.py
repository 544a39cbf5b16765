"""Scratch folders of a write (the load's spool, a diff's buckets, a split
file), and a clean stop on SIGTERM.

A scratch folder holds a lock (``flock``) for as long as its process lives.
A SIGTERM or an error removes the folder on the way out (``folder``); a
SIGKILL cannot, so the next write removes every scratch folder whose lock
nobody holds any more (``sweep``): the kernel releases a dead process's
locks, so a folder in use is never taken, and a recycled process id does
not matter.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

PREFIX = "kg-scratch-"
LOCK = ".kg-scratch-lock"
# A folder without its lock is being made, or its process died while making
# it: removed once it is this old.
UNLOCKED_SECONDS = 60.0


class Terminated(BaseException):
    """SIGTERM arrived: the write stops, drops what it left unpublished and
    removes its scratch folders on the way out. A BaseException, so that no
    ``except KGError`` / ``except Exception`` of a load takes it for a bad
    source."""


@contextlib.contextmanager
def folder(kind: str) -> Iterator[Path]:
    """A new scratch folder (``kind`` names what it is for), locked while it
    is in use and removed when the block ends, however it ends."""
    path = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{kind}-"))
    # locked under another name, then renamed: a lock file that a sweep can
    # see is always held already (the lock goes with the file)
    lock = os.open(path / f"{LOCK}.new", os.O_CREAT | os.O_WRONLY, 0o600)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.rename(path / f"{LOCK}.new", path / LOCK)
        yield path
    finally:
        os.close(lock)
        shutil.rmtree(path, ignore_errors=True)


def sweep(where: str | os.PathLike | None = None) -> list[Path]:
    """Remove the scratch folders that a killed process left (their lock is
    free); the folders removed."""
    removed = []
    for path in Path(where or tempfile.gettempdir()).glob(f"{PREFIX}*"):
        if not path.is_dir() or path.is_symlink():
            continue
        try:
            lock = os.open(path / LOCK, os.O_RDONLY)
        except FileNotFoundError:
            # being made right now, or its process died while making it
            with contextlib.suppress(OSError):
                if time.time() - path.stat().st_mtime > UNLOCKED_SECONDS:
                    shutil.rmtree(path, ignore_errors=True)
                    removed.append(path)
            continue
        except OSError:
            continue
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue   # in use
        finally:
            os.close(lock)
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


@contextlib.contextmanager
def stop_on_sigterm() -> Iterator[None]:
    """Within the block, SIGTERM raises Terminated (once: a second SIGTERM
    during the clean-up is ignored, so that the clean-up finishes). A native
    call under way (a bulk load, a transaction) ends first: Python runs the
    handler between its own steps."""
    def handler(signum, frame):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise Terminated()
    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
