"""``kg export``: the dataset as a file."""
from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

from kg_cli.common import KGClickError, open_store, reported

RDF = ("ttl", "nt", "nq", "trig", "jsonld")
GRAPHS = ("graphml", "gexf")


@click.command()
@click.option("--format", "fmt", type=click.Choice(RDF + GRAPHS + ("csv",)), default="trig", show_default=True,
              help="nq and trig keep the facts (default graph) and every source's graph; ttl, nt and "
                   "jsonld give the facts, each once; "
                   "graphml and gexf give the oversight network for Gephi; csv writes Popolo-like tables.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File (a folder for csv); default: stdout.")
@click.pass_context
def export(ctx, fmt, output):
    """Write the whole dataset out in a standard format."""
    store = open_store(ctx, read_only=True)
    with reported():
        if fmt == "csv":
            if output is None:
                raise KGClickError("--format csv writes one file per table: give a folder with -o")
            from kg.tables_export import export_csv
            for path in export_csv(store, output):
                click.echo(path)
            return
        try:
            stream = output.open("wb") if output else contextlib.nullcontext(sys.stdout.buffer)
        except OSError as exc:
            raise KGClickError(f"cannot write {output}: {exc.strerror}") from None
        with stream as out:
            if fmt in GRAPHS:
                from kg.graph import export_graph
                export_graph(store, fmt, out)
            else:
                from kg.export import export as export_rdf
                export_rdf(store, fmt, out)
    if output:
        click.echo(f"wrote {output}", err=True)
