"""``kg load``: files and folders of sources into the store."""
from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from kg_cli.common import KGClickError, echo, open_store, reported


MAX_LISTED = 20
EXIT_TERMINATED = 128 + 15   # as a shell reports a process ended by SIGTERM


@contextlib.contextmanager
def stopped_cleanly(command: str) -> Iterator[None]:
    """SIGTERM stops the write cleanly (kg.scratch): the store keeps every
    source old or new, what was left unpublished is dropped, scratch folders
    are removed; then a message instead of a traceback."""
    from kg.scratch import Terminated, stop_on_sigterm
    try:
        with stop_on_sigterm():
            yield
    except Terminated:
        click.echo(f"kg {command}: stopped by SIGTERM; every source in the store is whole, in its old "
                   f"version or its new one; run the same command again to complete it", err=True)
        sys.exit(EXIT_TERMINATED)


def print_report(report) -> None:
    """One line per source that changed, then a summary."""
    counts = {"added": 0, "replaced": 0, "unchanged": 0}
    written = [c for c in report.changes if c.status != "unchanged"]
    for change in report.changes:
        counts[change.status] += 1
        # a line per source for small loads; a corpus gets the summary alone
        if change.status != "unchanged" and len(written) <= MAX_LISTED:
            size = f"{change.triples:,} triples" if change.triples >= 0 else "bulk"
            click.echo(f"  {change.status:<9} {report.labels.get(change.graph, change.graph)} ({size})")
    compacted = ("" if report.compaction_seconds is None
                 else f"; store compacted in {report.compaction_seconds:.1f} s")
    click.echo(f"{len(report.changes)} source(s): {counts['added']} added, {counts['replaced']} replaced, "
               f"{counts['unchanged']} unchanged; {report.triples_written():,} triples written{compacted}")
    for path, why in report.skipped:
        echo(f"skipped (not a source: {why}): {path}", err=True)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--keep-going", is_flag=True,
              help="Load the good sources and list the bad ones at the end (default: load nothing if any is bad).")
@click.pass_context
def load(ctx, paths, keep_going):
    """Load curated YAML, articles (.txt, .jsonl) and RDF files (.ttl, .nt, .nq,
    .trig), or folders of them. Each source becomes its own named graph;
    loading a source again replaces its graph, and an unchanged one is
    skipped. If any file is bad, nothing is written (see --keep-going)."""
    from kg.load import load as load_sources
    store = open_store(ctx, read_only=False)

    def progress(items):
        with click.progressbar(items, label="reading", file=sys.stderr) as bar:
            yield from bar

    with reported(), stopped_cleanly("load"):
        report = load_sources(store, list(paths), keep_going=keep_going,
                              progress=progress if sys.stderr.isatty() else None)
    print_report(report)
    if report.failures:
        click.echo(f"{len(report.failures)} source(s) not loaded:", err=True)
        for failure in report.failures:
            click.echo(f"  {failure}", err=True)
        raise KGClickError("some sources were not loaded (see above)")
