"""What every command shares: opening the store, reporting errors, printing.

Whatever a command prints may hold names and sentences from the sources,
so it goes through ``echo``/``secho``/``echo_json`` here, which show control
characters as escapes (kg.safe_output) instead of sending them to the
terminal raw."""
from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator

import click

from kg.errors import KGError


class CLIError(click.ClickException):
    """A message that ends the command (``Error: …``, exit status 1), its
    control characters shown as escapes: it may quote the data."""

    def format_message(self) -> str:
        from kg.safe_output import terminal_text
        return terminal_text(super().format_message(), keep_newlines=True)


class KGClickError(CLIError):
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


def echo(line: str = "", **kwargs) -> None:
    """click.echo of one line that may quote the data: a line break in a
    name is shown as ``\\x0a`` too, so no value can forge a line."""
    from kg.safe_output import terminal_text
    click.echo(terminal_text(line), **kwargs)


def secho(line: str = "", **kwargs) -> None:
    from kg.safe_output import terminal_text
    click.secho(terminal_text(line), **kwargs)


def echo_json(value) -> None:
    """JSON on stdout; C0 controls are escaped by json, the others by
    kg.safe_output.unicode_escaped: the same value, safe on a terminal."""
    from kg.safe_output import unicode_escaped
    sys.stdout.write(unicode_escaped(json.dumps(value, ensure_ascii=False, indent=2)))
    sys.stdout.write("\n")
