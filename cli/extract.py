"""``kg extract``: print the facts the extractor reads from articles."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from kg_cli.common import KGClickError, echo_json, reported


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "ttl"]), default="json", show_default=True,
              help="json: the evaluation shape with evidence; ttl: the triples of the records.")
@click.option("--published", callback=_date, metavar="DATE",
              help="The publication date of every article (YYYY-MM-DD), whatever the file says.")
@click.option("--keep-going", is_flag=True,
              help="Go on past a bad article; list the bad ones at the end (exit status 1).")
def extract(paths: tuple[Path, ...], fmt: str, published: dt.date | None, keep_going: bool) -> None:
    """Extract officials, posts, bodies, places, documents and oversight
    activities from articles: .txt, .jsonl, saved web pages (.html, .htm),
    web archives (.warc, .warc.gz; one article per HTML page), or folders of
    them.

    JSON prints one object for one article and a list for several; each
    names its "source" (the article's URL, else its file name)."""
    from kg.errors import SourceError
    from kg.extract import extract as run
    from kg.sources.articles import iter_articles

    results, bad = [], []
    with reported():
        for item in iter_articles(paths, published=published, keep_going=keep_going):
            if isinstance(item, SourceError):
                bad.append(str(item))
                continue
            # a legacy encoding converted, mojibake repaired, an archive's records skipped
            for warning in item.warnings:
                click.echo(f"warning: {_where(item)}: {warning}", err=True)
            results.append((item.key, run(item)))
    if fmt == "json":
        # "source" tells apart the pages of one web archive, which share its file name
        out = [{"article": r.to_json().get("article"), "source": key, **r.to_json()} for key, r in results]
        echo_json(out[0] if len(out) == 1 and not bad else out)
    else:
        try:
            from kg.rdf import records_to_triples
        except ImportError:
            raise KGClickError("--format ttl needs kg.rdf.records_to_triples") from None
        _print_ttl([r.records for _, r in results], records_to_triples)
    if bad:
        click.echo(f"{len(bad)} article(s) could not be read:", err=True)
        for b in bad:
            click.echo(f"  {b}", err=True)
        sys.exit(1)


def _where(article) -> str:
    if article.path and article.line:
        return f"{article.path}:{article.line}"
    return article.path or article.key


def _print_ttl(records, records_to_triples) -> None:
    import pyoxigraph
    triples = [t for rec in records for t in records_to_triples(rec)]
    data = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.TURTLE)
    sys.stdout.write(data.decode("utf-8") if isinstance(data, bytes) else str(data))
