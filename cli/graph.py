"""``kg chain`` and ``kg rank``: questions about the oversight network."""
from __future__ import annotations

import click

from kg_cli.common import echo, echo_json, format_option, open_store, reported, secho


def _activity_text(act: dict) -> str:
    from kg.schema import schema
    kind = next((e for e in schema().activity_kinds if e.value == act.get("activity_kind")), None)
    return ", ".join(x for x in (kind.vi.lower() if kind else "", act.get("code"), act.get("date")) if x)


@click.command()
@click.argument("unit")
@format_option("text", "json")
@click.pass_context
def chain(ctx, unit, fmt):
    """The chain of oversight above UNIT: who inspects it, who inspects
    those, and so on up. A body counts as overseen when it, a body above it,
    or a unit it serves is inspected; a unit, when it or a body serving it is."""
    from kg.graph import ORGANISATION, PLACE, find_nodes, oversight_chain, project
    store = open_store(ctx, read_only=True)
    with reported():
        graph = project(store)
        units = find_nodes(graph, unit, (PLACE, ORGANISATION), "unit or body")
        links = oversight_chain(graph, units)
    label = lambda n: graph.nodes[n]["label"]  # noqa: E731 - a short local reader
    if fmt == "json":
        echo_json({"unit": label(units[0]), "chain": [
            {"level": link.level, "inspector": label(link.inspector), "subject": label(link.subject),
             "via": label(link.via),
             "activities": [{k: a.get(k) for k in ("activity_kind", "code", "date", "activity")}
                            for a in link.activities]} for link in links]})
        return
    secho(f"Chain of oversight above {label(units[0])}", bold=True)
    if not links:
        echo("  nobody in the graph inspects it")
        return
    for link in links:
        indent = "  " * link.level
        via = f" (through {label(link.via)})" if link.via != link.subject else ""
        echo(f"{indent}← {label(link.inspector)} oversees {label(link.subject)}{via}")
        for act in link.activities:
            echo(f"{indent}    {_activity_text(act)}")


@click.command()
@click.option("--year", type=int, help="Count only activities of this year.")
@click.option("--top", default=10, show_default=True, type=click.IntRange(1), help="Rows per list.")
@format_option("text", "json")
@click.pass_context
def rank(ctx, year, top, fmt):
    """The most inspected units and bodies, and the most active inspecting
    bodies, counting each activity once."""
    from kg.graph import project, rank as rank_graph
    store = open_store(ctx, read_only=True)
    with reported():
        ranking = rank_graph(project(store), year=year, top=top)
    if fmt == "json":
        echo_json({"year": year, "most_inspected": [{"name": n, "activities": c} for n, c in ranking.inspected],
                   "most_active_inspectors": [{"name": n, "activities": c} for n, c in ranking.inspectors]})
        return
    scope = f" in {year}" if year else ""
    if not ranking.inspected:
        echo(f"no activities{scope} in the graph")
        ctx.exit(1)
    for heading, rows in ((f"Most inspected{scope}", ranking.inspected),
                          (f"Most active inspecting bodies{scope}", ranking.inspectors)):
        secho(heading, bold=True)
        width = max(len(str(c)) for _, c in rows)
        for name, count in rows:
            echo(f"  {count:>{width}}  {name}")
