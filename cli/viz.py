"""``kg viz``: the interactive view, one offline HTML file."""
from __future__ import annotations

import click

from kg_cli.common import KGClickError, open_store, reported


class ActivityKind(click.Choice):
    """A choice of the schema's activity kinds, read when click first needs
    them: `kg --help` imports this module for its one-line help and need not
    parse kg/schema.yaml for it."""

    def __init__(self) -> None:   # no choices to store: they are read below
        self.case_sensitive = True

    @property
    def choices(self) -> tuple[str, ...]:
        from kg.schema import schema
        return tuple(entry.value for entry in schema().activity_kinds)


@click.command()
@click.option("-o", "--output", default="party-kg.html", show_default=True,
              type=click.Path(dir_okay=False), help="The HTML file to write.")
@click.option("--directive", metavar="CODE", help="Only activities under this document (91-KH/BTGTU).")
@click.option("--inspector", metavar="BODY", help="Only activities of this inspecting body.")
@click.option("--target", metavar="UNIT", help="Only activities that visited this unit or body.")
@click.option("--person", metavar="NAME", help="Only activities this official led, and the posts held.")
@click.option("--around", metavar="NAME", help="Only what lies within --depth steps of this node.")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(0, 10), help="Steps for --around.")
@click.option("--from", "date_from", metavar="DATE", help="Activities on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--to", "date_to", metavar="DATE", help="Activities on or before DATE.")
@click.option("--kind", type=ActivityKind(), help="Only this kind of activity.")
@click.option("--max-nodes", default=5000, show_default=True, type=click.IntRange(1),
              help="Above this, the least connected nodes are left out (and the command says which).")
@click.option("--layout", default="force", show_default=True, type=click.Choice(["force", "tree", "physics"]),
              help="force: positions computed beforehand; tree: the organisation tree, top down; "
                   "physics: the browser settles the graph in a bounded number of steps.")
@click.option("--title", help="The page's heading.")
@click.pass_context
def viz(ctx, output, directive, inspector, target, person, around, depth, date_from, date_to, kind,
        max_nodes, layout, title):
    """Write the oversight network as one self-contained HTML page that opens
    offline: who inspects whom under which document, officials and their
    posts, documents and how they link. Filters compose.

    Names match without regard to case or accents ("song cau" finds
    phường Sông Cầu); an unknown name gets the closest matches."""
    from kg.errors import KGError
    from kg.graph import NothingMatches, date_bound
    from kg.view import write_view
    with reported():
        filters = dict(directive=directive, inspector=inspector, target=target, person=person,
                       around=around, depth=depth, kind=kind,
                       date_from=date_bound(date_from) if date_from else None,
                       date_to=date_bound(date_to, end=True) if date_to else None)
    store = open_store(ctx, read_only=True)
    try:
        summary = write_view(store, output, title=title, layout=layout, max_nodes=max_nodes, **filters)
    except NothingMatches as exc:
        # nothing to draw is an answer, not a usage error: exit 1, and no page
        click.echo(f"Error: {exc}", err=True)
        ctx.exit(1)
    except KGError as exc:
        raise KGClickError(str(exc)) from None
    click.echo(f"wrote {summary.path} ({summary.nodes:,} nodes, {summary.edges:,} edges, "
               f"{summary.bytes / 1e6:.1f} MB, {summary.seconds:.1f} s)")
    if summary.omitted_message():
        click.echo("note: " + summary.omitted_message(), err=True)
