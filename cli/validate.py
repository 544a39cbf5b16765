"""``kg validate [FILE]``: check a file, or the store, against the SHACL shapes."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click


@click.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text for people, json for scripts")
@click.pass_context
def validate(ctx: click.Context, file: Path | None, output_format: str) -> None:
    """Check FILE, or every source graph of the store, against the ontology's
    SHACL shapes (ontology/shapes.ttl).

    FILE may be Turtle (.ttl), N-Triples (.nt), N-Quads (.nq), TriG (.trig) or
    JSON-LD (.jsonld); its named graphs are checked one by one, like the
    store's sources. Each problem is printed with the node's label, the
    property and what is wrong.

    Exit status: 0 when the graph conforms (warnings are printed but allowed),
    1 when there are violations, 2 when the file or store cannot be read.
    """
    # rdflib and pyshacl load here, not when `kg` starts
    from kg import validate as shacl
    from kg.errors import KGError

    try:
        if file is not None:
            report = shacl.validate(file)
        else:
            from kg.store import open_store
            report = shacl.validate_store(open_store(ctx.obj, read_only=True))
    except KGError as exc:
        click.echo(f"Error: {exc}", err=True)
        ctx.exit(2)

    if output_format == "json":
        json.dump(report.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        click.echo()
    else:
        _print_text(report)
    ctx.exit(0 if report.conforms else 1)


def _print_text(report) -> None:
    graph = None
    for result in report.results:
        if result.graph != graph:
            graph = result.graph
            if graph:
                click.echo(f"\nIn graph <{graph}>:")
        click.echo(f"{result.severity}: {result.focus_label}")
        if result.path:
            click.echo(f"  path:    {result.path}")
        click.echo(f"  message: {result.message}")
        if result.value:
            click.echo(f"  value:   {result.value}")
        if result.focus != result.focus_label:
            click.echo(f"  node:    {result.focus}")
    if report.results:
        click.echo()
    click.echo(report.summary())
