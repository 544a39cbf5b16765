"""``kg demo``: the sample loaded and toured."""
from __future__ import annotations

import click

from kg_cli.common import open_store, reported


@click.command()
@click.option("--view", "view_path", default="party-kg.html", show_default=True,
              type=click.Path(dir_okay=False), help="Where to write the interactive view.")
@click.pass_context
def demo(ctx, view_path):
    """Load the sample data into the store and show a short tour: each
    official's posts, and who inspected whom under which document."""
    from kg.demo import sample_paths
    from kg.load import load
    from kg.lookup import find_inspections, find_people
    store = open_store(ctx, read_only=False)
    with reported():
        report = load(store, sample_paths())
        people = store.select("SELECT DISTINCT ?name WHERE { ?p a party:Official ; foaf:name ?name } ORDER BY ?name")
        click.secho(f"Loaded the sample into {getattr(store, 'path', ctx.obj)}", bold=True)
        click.echo(f"  {sum(1 for c in report.changes if c.status != 'unchanged')} source(s) written, "
                   f"{len(store):,} quads in the store\n")
        click.secho("Officials and their posts", bold=True)
        for row in people:
            for match in find_people(store, row["name"]):
                click.echo(f"  {match.name}")
                for post in match.posts:
                    click.echo(f"    • {post.post}")
        click.secho("\nWho inspected whom, under which document", bold=True)
        for act in find_inspections(store):
            click.echo(f"  {act.date or 'date unknown'}: {act.inspector} → {', '.join(act.targets)}")
            click.echo(f"    under {act.document or '(no document)'}, led by {act.leader or '(unknown)'}")
    from kg.view import write_view
    with reported():
        summary = write_view(store, view_path)
    click.echo(f"\nInteractive view: {summary.path}")
