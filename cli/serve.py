"""``kg serve``: a SPARQL endpoint over the local store (see kg.serve)."""
from __future__ import annotations

import os
import signal
import sys

import click

from kg_cli.common import KGClickError, reported


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback exposes the endpoint to the network.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535))
@click.option("--timeout", "timeout", default=30, show_default=True, type=click.IntRange(1, None),
              metavar="SECONDS", help="Stop a query that runs longer than this.")
@click.option("--allow-updates", is_flag=True,
              help="Accept SPARQL updates and graph-store writes from clients that send "
                   "`Authorization: Bearer $KG_SERVE_TOKEN` (the token is read from the environment).")
@click.pass_context
def serve(ctx, host, port, timeout, allow_updates):
    """Serve the store as a SPARQL 1.1 endpoint: /query, with a query page at /.

    Read-only unless --allow-updates; the default graph is the facts, each
    once, and GRAPH ?source reaches what each source says. A read-only
    server shows the store as it was when it started: restart it after
    `kg load`."""
    from kg.serve import TOKEN_ENV, is_loopback, start
    from kg.store import default_location
    location = ctx.obj or os.environ.get("KG_STORE") or default_location()
    if location.startswith(("http://", "https://")):
        raise KGClickError(f"the store is already a SPARQL endpoint ({location}); "
                           "kg serve serves a local store folder")
    if not is_loopback(host):
        click.secho(f"warning: listening on {host}: anyone who can reach this address can query the store",
                    fg="yellow", err=True)
    with reported():
        server = start(location, host=host, port=port, timeout=timeout, allow_updates=allow_updates,
                       token=os.environ.get(TOKEN_ENV) if allow_updates else None, echo=True)
    mode = "updates allowed with the token" if allow_updates else "read-only"
    click.echo(f"SPARQL endpoint: {server.url}/query ({mode}; queries stop after {timeout} s)", err=True)
    click.echo(f"query page:      {server.url}/", err=True)
    click.echo("press Ctrl-C to stop", err=True)
    # `kill` stops the server like Ctrl-C does
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        status = server.wait()
    except KeyboardInterrupt:
        status = 0
    finally:
        server.stop()
    if status:
        raise KGClickError(f"the oxigraph server stopped with exit status {status}")
