"""``kg sparql`` and ``kg queries``: SPARQL, ad hoc or named."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from kg_cli.common import KGClickError, echo, echo_json, format_option, open_store, reported, secho

RESULT_FORMATS = ("table", "csv", "tsv", "json")
FORMAT_HELP = ("table for people; csv, tsv and json are the SPARQL result formats, except that a cell a "
               "spreadsheet would run as a formula (beginning =, +, -, @) begins with a single quote.")


def print_results(results, fmt: str) -> None:
    """Print SELECT rows, an ASK answer or CONSTRUCT triples.

    csv, tsv and json are the standard SPARQL result formats; table is for
    people. What a spreadsheet opens (csv, tsv) has its formula cells
    neutralised, and control characters reach a terminal only as escapes
    (kg.safe_output)."""
    import pyoxigraph as ox

    from kg.safe_output import unicode_escaped
    if isinstance(results, ox.QueryBoolean):
        if fmt == "json":
            echo_json({"head": {}, "boolean": bool(results)})
        else:
            echo("true" if results else "false")
        return
    if isinstance(results, ox.QueryTriples):
        sys.stdout.write(unicode_escaped(ox.serialize(results, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")))
        return
    if fmt == "csv":
        _write_csv(results)
        return
    if fmt == "tsv":
        _write_tsv(results.serialize(format=ox.QueryResultsFormat.TSV).decode("utf-8"))
        return
    if fmt == "json":
        sys.stdout.write(unicode_escaped(results.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8")) + "\n")
        return
    names = [v.value for v in results.variables]
    rows = [[_cell(row[n]) for n in names] for row in results]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    echo("  ".join(n.ljust(w) for n, w in zip(names, widths)))
    echo("  ".join("-" * w for w in widths))
    for r in rows:
        echo("  ".join(c.ljust(w) for c, w in zip(r, widths)))
    echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})", err=True)


def _cell(term) -> str:
    from kg.safe_output import terminal_text
    return "" if term is None else terminal_text(term.value)


def _shown(cell: str) -> str:
    """A cell as the terminal may see it: escaped there, exact in a file or pipe."""
    from kg.safe_output import terminal_text
    return terminal_text(cell) if sys.stdout.isatty() else cell


def _write_csv(results) -> None:
    """SPARQL 1.1 CSV results (a term's plain value, blank nodes as _:id),
    each cell as kg.safe_output.spreadsheet_cell makes it."""
    import csv

    import pyoxigraph as ox

    from kg.safe_output import spreadsheet_cell
    names = [v.value for v in results.variables]
    writer = csv.writer(sys.stdout, lineterminator="\r\n")
    writer.writerow(names)
    for row in results:
        cells = []
        for name in names:
            term = row[name]
            value = "" if term is None else f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value
            cells.append(_shown(spreadsheet_cell(value)))
        writer.writerow(cells)


def _write_tsv(serialised: str) -> None:
    """pyoxigraph's SPARQL 1.1 TSV, with every literal a spreadsheet would run
    ("=…", "+…", "-…", "@…") given its single quote inside the quotes. A
    literal's tabs and line feeds are escaped in TSV, so fields split on
    tabs and rows on line feeds (not on every break str.splitlines knows:
    a literal may hold U+2028 or U+0085 raw)."""
    from kg.safe_output import spreadsheet_cell
    for line in serialised.split("\n")[:-1]:
        fields = [f'"{spreadsheet_cell(f[1:])}' if f.startswith('"') else f for f in line.split("\t")]
        sys.stdout.write("\t".join(_shown(f) for f in fields) + "\n")


@click.command()
@click.argument("query_or_file")
@click.option("--format", "fmt", type=click.Choice(RESULT_FORMATS), default="table", show_default=True,
              help=FORMAT_HELP)
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
@format_option("text", "json")
@click.pass_context
def queries(ctx, fmt):
    """List the named queries (or run one with `kg queries run NAME`)."""
    if ctx.invoked_subcommand is None:
        from kg.queries import named_queries
        if fmt == "json":
            echo_json([{"name": q.name, "answers": q.answers, "example": q.example,
                        "params": [{"name": p.name, "type": p.type, "description": p.description}
                                   for p in q.params]} for q in named_queries().values()])
            return
        for query in named_queries().values():
            secho(query.name, bold=True)
            echo(f"  {query.answers}")
            for p in query.params:
                echo(f"  --param {p.name}=…  ({p.type}) {p.description}")
            if query.example:
                echo(f"  e.g. {query.example}")


@queries.command("run")
@click.argument("name")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="A parameter's value (repeatable).")
@click.option("--format", "fmt", type=click.Choice(RESULT_FORMATS), default="table", show_default=True,
              help=FORMAT_HELP)
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
        click.echo(get(name).text, nl=False)   # the project's own query file
