"""``kg export``: the dataset as a file."""
from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

from kg_cli.common import KGClickError, echo, open_store, reported

RDF = ("ttl", "nt", "nq", "trig", "jsonld")
GRAPHS = ("graphml", "gexf")


@click.command()
@click.option("--format", "fmt", type=click.Choice(RDF + GRAPHS + ("csv",)), default="trig", show_default=True,
              help="nq and trig keep the facts (default graph) and every source's graph; ttl, nt and "
                   "jsonld give the facts, each once; "
                   "graphml and gexf give the oversight network for Gephi; csv writes Popolo-like tables "
                   "(a cell a spreadsheet would run as a formula begins with a single quote).")
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
                echo(str(path))
            return
        # a file is written beside its name and renamed when complete: a
        # failed export leaves no half file that looks like a good one
        partial = output.with_name(output.name + ".part") if output else None
        try:
            stream = partial.open("wb") if partial else contextlib.nullcontext(sys.stdout.buffer)
        except OSError as exc:
            raise KGClickError(f"cannot write {output}: {exc.strerror}") from None
        try:
            with stream as out:
                if fmt in GRAPHS:
                    from kg.graph import export_graph
                    export_graph(store, fmt, out)
                else:
                    from kg.export import export as export_rdf
                    export_rdf(store, fmt, out)
            if partial:
                partial.replace(output)
        except OSError as exc:     # a full disk, a folder in the way, a closed pipe
            raise KGClickError(f"cannot write {output or 'to stdout'}: {exc.strerror}") from None
        finally:
            if partial:
                partial.unlink(missing_ok=True)
    if output:
        echo(f"wrote {output}", err=True)
