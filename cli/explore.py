"""``kg explore``: the explorer for staff, a local read-only web app (kg.explore)."""
from __future__ import annotations

import signal
import sys

import click

from kg_cli.common import KGClickError, open_store


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback shows the store to the network.")
@click.option("--port", default=7879, show_default=True, type=click.IntRange(0, 65535))
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also answer requests for this host name (the Host header); repeatable.")
@click.pass_context
def explore(ctx, host, port, allow_hosts):
    """Explore the graph in a browser: search officials, bodies, units and
    documents as you type (any case, with or without accents), open a page
    for each (its IRI's path: /id/person/…; Turtle or JSON-LD for clients
    that ask), grow the graph from it, and see the country's oversight by
    level at /overview. Read-only: the store is opened read-only, and the
    explorer needs no network."""
    from werkzeug.serving import make_server

    from kg.endpoint import is_loopback
    from kg.explore.app import create_app
    if not is_loopback(host):
        click.secho(f"warning: listening on {host}: anyone who can reach this address can read the store",
                    fg="yellow", err=True)
    store = open_store(ctx, read_only=True)
    app = create_app(store, host=host, port=port, extra_hosts=allow_hosts, warm=True)
    try:
        server = make_server(host, port, app, threaded=True)
    except OSError as exc:
        raise KGClickError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"explorer: http://{shown}:{server.server_port}/  (read-only; press Ctrl-C to stop)", err=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
