"""The ``kg`` command group.

Commands live in their own modules and are imported only when run, so that
``kg person`` does not pay for rdflib, pyshacl, networkx or pyvis.
"""
from __future__ import annotations

import importlib

import click

# command name -> "module:function"; each module keeps heavy imports inside
# its functions.
COMMANDS = {
    "load": "kg_cli.load:load",
    "remove": "kg_cli.remove:remove",
    "sources": "kg_cli.lookup:sources",
    "extract": "kg_cli.extract:extract",
    "person": "kg_cli.lookup:person",
    "org": "kg_cli.lookup:org",
    "directive": "kg_cli.lookup:directive",
    "inspections": "kg_cli.lookup:inspections",
    "stats": "kg_cli.lookup:stats",
    "sparql": "kg_cli.sparql:sparql",
    "queries": "kg_cli.sparql:queries",
    "export": "kg_cli.export:export",
    "validate": "kg_cli.validate:validate",
    "demo": "kg_cli.demo:demo",
    "viz": "kg_cli.viz:viz",
    "chain": "kg_cli.graph:chain",
    "rank": "kg_cli.graph:rank",
    "serve": "kg_cli.serve:serve",
    "explore": "kg_cli.explore:explore",
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        return getattr(importlib.import_module(module_name), attr)


@click.group(cls=LazyGroup)
@click.option("--store", "store_location", envvar="KG_STORE", metavar="PATH|URL",
              help="Where the graph lives: a folder for the embedded store, or an "
                   "http(s) SPARQL endpoint. [env: KG_STORE; default: $XDG_DATA_HOME/party-kg/store, "
                   "~/.local/share/party-kg/store]")
@click.version_option(package_name="party-kg")
@click.pass_context
def main(ctx: click.Context, store_location: str | None) -> None:
    """Party KG: a knowledge graph of Vietnam's party organisations, officials,
    directives and oversight, built from news articles and curated records."""
    ctx.obj = store_location
