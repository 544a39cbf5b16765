"""``kg remove``: take sources out of the store."""
from __future__ import annotations

import click

from kg_cli.common import open_store, reported
from kg_cli.load import stopped_cleanly


@click.command()
@click.argument("sources", nargs=-1, required=True)
@click.pass_context
def remove(ctx, sources):
    """Take SOURCES out of the store: loaded files or folders, source IRIs, or
    source keys (an article's URL, a curated file's source id). A fact goes
    only when no other source still states it. If any SOURCE is unknown,
    nothing is removed."""
    store = open_store(ctx, read_only=False)
    from kg.load import remove as remove_sources
    with reported(), stopped_cleanly("remove"):
        removed = remove_sources(store, list(sources))
    for graph, label in removed.items():
        click.echo(f"  removed   {label} ({graph})")
    click.echo(f"{len(removed)} source(s) removed")
