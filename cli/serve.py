"""``kg serve``: a SPARQL endpoint over the local store (see kg.serve)."""
from __future__ import annotations

import os
import signal
import sys

import click

from kg_cli.common import KGClickError, reported

MIB = 1024 * 1024


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback exposes the endpoint to the network.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535))
@click.option("--timeout", "timeout", default=30, show_default=True, type=click.IntRange(1, None),
              metavar="SECONDS", help="Stop a query that runs longer than this, whatever its shape.")
@click.option("--max-result-size", default=64, show_default=True, type=click.IntRange(1, None),
              metavar="MIB", help="Refuse an answer larger than this (HTTP 413).")
@click.option("--max-query-memory", default=1024, show_default=True, type=click.IntRange(192, None),
              metavar="MIB", help="Stop a query whose worker needs more memory than this.")
@click.option("--max-memory", default=1536, show_default=True, type=click.IntRange(256, None),
              metavar="MIB", help="Memory all running queries may use together; past it the biggest is stopped.")
@click.option("--workers", default=4, show_default=True, type=click.IntRange(1, 64),
              help="Short queries answered at once.")
@click.option("--long-queries", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Queries running longer than 0.5 s allowed at once; one more is refused as busy.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also answer requests for this host name (the Host header); repeatable.")
@click.option("--allow-service", is_flag=True,
              help="Let queries use SERVICE, which makes this server fetch other endpoints.")
@click.option("--allow-updates", is_flag=True,
              help="Accept SPARQL updates and graph-store writes from clients that send "
                   "`Authorization: Bearer $KG_SERVE_TOKEN` (the token is read from the environment). "
                   "Needs the oxigraph server: pip install oxigraph.")
@click.pass_context
def serve(ctx, host, port, timeout, max_result_size, max_query_memory, max_memory, workers, long_queries,
          allow_hosts, allow_service, allow_updates):
    """Serve the store as a SPARQL 1.1 endpoint: /query, with a query page at /.

    Read-only unless --allow-updates; the default graph is the facts, each
    once, and GRAPH ?source reaches what each source says. Every query is
    bounded: it stops at --timeout or when its client leaves, within
    --max-query-memory, and its answer within --max-result-size. A
    read-only server shows the store as it was when it started: restart it
    after `kg load`."""
    from kg.endpoint import is_loopback
    from kg.query_pool import Limits
    from kg.serve import TOKEN_ENV, start
    from kg.store import default_location
    location = ctx.obj or os.environ.get("KG_STORE") or default_location()
    if location.startswith(("http://", "https://")):
        raise KGClickError(f"the store is already a SPARQL endpoint ({location}); "
                           "kg serve serves a local store folder")
    if not is_loopback(host):
        click.secho(f"warning: listening on {host}: anyone who can reach this address can query the store",
                    fg="yellow", err=True)
    limits = Limits(timeout=timeout, max_result_bytes=max_result_size * MIB,
                    max_query_memory=max_query_memory * MIB, max_memory=max_memory * MIB,
                    workers=workers, long_queries=long_queries)
    with reported():
        server = start(location, host=host, port=port, limits=limits, allow_updates=allow_updates,
                       token=os.environ.get(TOKEN_ENV) if allow_updates else None,
                       extra_hosts=allow_hosts, allow_service=allow_service, echo=True)
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
