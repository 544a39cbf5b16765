"""``kg sparql`` and ``kg queries``: SPARQL, ad hoc or named."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from kg_cli.common import KGClickError, echo_json, open_store, reported

RESULT_FORMATS = ("table", "csv", "tsv", "json")


def print_results(results, fmt: str) -> None:
    """Print SELECT rows, an ASK answer or CONSTRUCT triples.

    csv, tsv and json are the standard SPARQL result formats, written by
    pyoxigraph; table is for people."""
    import pyoxigraph as ox
    if isinstance(results, ox.QueryBoolean):
        if fmt == "json":
            echo_json({"head": {}, "boolean": bool(results)})
        else:
            click.echo("true" if results else "false")
        return
    if isinstance(results, ox.QueryTriples):
        sys.stdout.write(ox.serialize(results, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"))
        return
    if fmt != "table":
        formats = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                   "json": ox.QueryResultsFormat.JSON}
        sys.stdout.write(results.serialize(format=formats[fmt]).decode("utf-8"))
        if fmt == "json":
            sys.stdout.write("\n")
        return
    names = [v.value for v in results.variables]
    rows = [[_cell(row[n]) for n in names] for row in results]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    click.echo("  ".join(n.ljust(w) for n, w in zip(names, widths)))
    click.echo("  ".join("-" * w for w in widths))
    for r in rows:
        click.echo("  ".join(c.ljust(w) for c, w in zip(r, widths)))
    click.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})", err=True)


def _cell(term) -> str:
    return "" if term is None else term.value


@click.command()
@click.argument("query_or_file")
@click.option("--format", "fmt", type=click.Choice(RESULT_FORMATS), default="table", show_default=True)
@click.pass_context
def sparql(ctx, query_or_file, fmt):
    """Run a SPARQL query (text, or a file holding it) over all graphs.

    The prefixes party:, org:, opengov:, prov:, schema:, skos:, foaf:,
    dcterms:, eli:, rdfs:, rdf:, xsd:, owl: are declared already."""
    path = Path(query_or_file)
    text = path.read_text(encoding="utf-8") if path.suffix in (".rq", ".sparql") and path.is_file() else query_or_file
    store = open_store(ctx, read_only=True)
    with reported():
        results = store.query(text)
        print_results(results, fmt)


@click.group(invoke_without_command=True)
@click.pass_context
def queries(ctx):
    """List the named queries (or run one with `kg queries run NAME`)."""
    if ctx.invoked_subcommand is None:
        from kg.queries import named_queries
        for query in named_queries().values():
            click.secho(query.name, bold=True)
            click.echo(f"  {query.answers}")
            for p in query.params:
                click.echo(f"  --param {p.name}=…  ({p.type}) {p.description}")
            if query.example:
                click.echo(f"  e.g. {query.example}")


@queries.command("run")
@click.argument("name")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="A parameter's value (repeatable).")
@click.option("--format", "fmt", type=click.Choice(RESULT_FORMATS), default="table", show_default=True)
@click.pass_context
def run(ctx, name, params, fmt):
    """Run the named query NAME with its parameters bound."""
    from kg.queries import run as run_query
    values = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep:
            raise KGClickError(f"--param {item!r}: expected KEY=VALUE")
        values[key.strip()] = value
    store = open_store(ctx, read_only=True)
    with reported():
        print_results(run_query(store, name, values), fmt)


@queries.command("show")
@click.argument("name")
def show(name):
    """Print the text of the named query NAME."""
    from kg.queries import get
    with reported():
        click.echo(get(name).text, nl=False)
