"""What every command shares: opening the store, reporting errors, JSON."""
from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator

import click

from kg.errors import KGError


class KGClickError(click.ClickException):
    """A Party KG error, printed as ``Error: …`` with its hint; exit status 2."""
    exit_code = 2


@contextlib.contextmanager
def reported() -> Iterator[None]:
    """Turn library errors into clean messages instead of tracebacks."""
    try:
        yield
    except KGError as exc:
        raise KGClickError(str(exc)) from None


def open_store(ctx: click.Context, *, read_only: bool):
    """The store named by --store / KG_STORE, closed when the command ends
    (also on error, so that its lock is never held longer than the command)."""
    from kg.store import open_store as _open
    with reported():
        store = _open(ctx.find_root().obj, read_only=read_only)
    ctx.call_on_close(store.close)
    return store


def format_option(*choices: str, default: str = "text"):
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=default,
                        show_default=True, help="Output format (json for scripts).")


def echo_json(value) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
