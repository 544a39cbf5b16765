"""Lookups: ``kg person``, ``kg org``, ``kg directive``, ``kg inspections``, ``kg stats``."""
from __future__ import annotations

import click

from kg_cli.common import CLIError, echo, echo_json, format_option, open_store, reported, secho


def _when(valid_from, valid_through, attested, last_attested=None) -> str:
    parts = []
    if valid_from or valid_through:
        parts.append(f"{valid_from or '?'} – {valid_through or 'now'}")
    if attested:
        parts.append(f"attested {attested}" + (f" … {last_attested}" if last_attested not in (None, attested) else ""))
    return "; ".join(parts) or "dates unknown"


def _lookup(ctx, fmt: str, find, value: str, not_found: str) -> list:
    """Run a finder on the store; print JSON and stop there when asked,
    stop with ``not_found`` (exit 1) when nothing matches."""
    store = open_store(ctx, read_only=True)
    with reported():
        matches = find(store, value)
    if fmt == "json":
        echo_json([m.to_dict() for m in matches])
        ctx.exit(0 if matches else 1)
    if not matches:
        raise CLIError(not_found)
    return matches


@click.command()
@click.argument("name")
@format_option("text", "json")
@click.pass_context
def person(ctx, name, fmt):
    """The posts an official holds or held, with dates and sources.

    NAME is matched without regard to case or accents: "tran thi loc" finds
    Trần Thị Lộc. Namesakes are listed apart."""
    from kg.lookup import find_people
    matches = _lookup(ctx, fmt, find_people, name, f"no official named {name!r}")
    for m in matches:
        secho(m.name, bold=True, nl=False)
        echo(f"  <{m.iri}>")
        for alias in m.same_as:
            echo(f"  same as <{alias}>")
        for p in m.posts:
            echo(f"  • {p.post}")
            echo(f"      in {p.organisation}; {_when(p.valid_from, p.valid_through, p.attested_on, p.last_attested)}")
            for s in p.sources:
                echo(f"      source: {s.title or s.source}" + (f" <{s.url}>" if s.url else ""))
                if s.sentence:
                    echo(f"      “{s.sentence}”")
        if not m.posts:
            echo("  (no posts recorded)")


@click.command()
@click.argument("name")
@format_option("text", "json")
@click.pass_context
def org(ctx, name, fmt):
    """A body: its kind, parent, units, posts and holders, documents issued,
    and whom it inspected."""
    from kg.lookup import find_orgs
    matches = _lookup(ctx, fmt, find_orgs, name, f"no organisation named {name!r}")
    for m in matches:
        secho(m.name, bold=True, nl=False)
        echo(f"  <{m.iri}>")
        echo(f"  kind: {', '.join(m.kinds) or 'organisation'}")
        for label, value in (("also called", ", ".join(m.alt_labels)), ("part of", m.parent),
                             ("jurisdiction", m.jurisdiction), ("units", ", ".join(m.units))):
            if value:
                echo(f"  {label}: {value}")
        for p in m.posts:
            echo(f"  post: {p['post']} — {p['person']}")
        for d in m.documents:
            echo(f"  issued: {d['code']}" + (f" ({d['date']})" if d['date'] else ""))
        for a in m.inspected:
            echo(f"  inspected: {a['target']}" + (f" on {a['date']}" if a['date'] else "")
                       + (f" under {a['code']}" if a['code'] else ""))


@click.command()
@click.argument("code")
@format_option("text", "json")
@click.pass_context
def directive(ctx, code, fmt):
    """A document by its code (91-KH/BTGTU): type, issuer, date, links to
    other documents (every relation, both ways), and the activities carried
    out under it.

    CODE is matched without regard to case, accents or spaces; typed with
    other separators ("91-kh-btgtu") it finds the codes that differ only
    there (the party's 91-KH/BTGTU and a state 91/KH-BTGTU, listed apart)."""
    from kg.lookup import find_directives
    matches = _lookup(ctx, fmt, find_directives, code, f"no document with code {code!r}")
    for m in matches:
        secho(m.code, bold=True, nl=False)
        echo(f"  <{m.iri}>")
        for label, value in (("type", m.type), ("issued by", m.issuer), ("date", m.date)):
            if value:
                echo(f"  {label}: {value}")
        for s in m.subjects:
            echo(f"  subject: {s}")
        for link in m.links:
            arrow = f"{link['relation']} {link['code']}" if link["direction"] == "out" \
                else f"{link['code']} {link['relation']} it"
            echo(f"  {arrow}")
        for a in m.activities:
            echo(f"  activity: {a['inspector']} → {a['target']}" + (f" on {a['date']}" if a['date'] else "")
                       + (f", led by {a['leader']}" if a['leader'] else ""))


@click.command()
@click.option("--directive", metavar="CODE", help="Only those carried out under this document.")
@click.option("--inspector", metavar="ORG", help="Only those by this body.")
@click.option("--target", metavar="UNIT", help="Only those of this unit or body.")
@click.option("--year", type=int, help="Only those in this year.")
@format_option("text", "json")
@click.pass_context
def inspections(ctx, directive, inspector, target, year, fmt):
    """Who inspected, supervised or visited whom, when, under which document."""
    from kg.lookup import find_inspections
    store = open_store(ctx, read_only=True)
    with reported():
        found = find_inspections(store, directive=directive, inspector=inspector, target=target, year=year)
    if fmt == "json":
        echo_json([i.to_dict() for i in found])
        return
    if not found:
        echo("no oversight activity matches", err=True)
        ctx.exit(1)
    for i in found:
        secho(f"{i.date or 'date unknown'}  {i.kind}", bold=True)
        echo(f"  {i.inspector} → {', '.join(i.targets)}")
        for label, value in (("led by", i.leader), ("under", i.document), ("topic", i.topic)):
            if value:
                echo(f"  {label}: {value}")


@click.command()
@format_option("text", "json")
@click.pass_context
def stats(ctx, fmt):
    """How many officials, bodies, documents and activities the graph holds."""
    from kg.lookup import stats as count
    store = open_store(ctx, read_only=True)
    with reported():
        figures = count(store)
    if fmt == "json":
        echo_json(figures)
    else:
        width = max(map(len, figures))
        for label, n in figures.items():
            echo(f"{label:<{width}}  {n:>10,}")


@click.command()
@format_option("text", "json")
@click.pass_context
def sources(ctx, fmt):
    """The sources in the store: the articles and files facts were loaded
    from, each its own named graph (its IRI is what `kg remove` takes)."""
    from kg.lookup import sources as list_sources
    store = open_store(ctx, read_only=True)
    with reported():
        rows = list_sources(store)
    if fmt == "json":
        echo_json([row.to_dict() for row in rows])
        return
    for row in rows:
        when = f"{row.published}  " if row.published else ""
        echo(f"{when}{row.title or row.iri}  [{row.kind}]")
        echo(f"    {row.iri}")
        if row.url:
            echo(f"    {row.url}")
    echo(f"{len(rows)} source(s)")
