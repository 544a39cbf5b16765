"""Where the explorer shows a node: the path that mirrors its IRI, and the
kind of page it gets (the schema's entity kinds: class -> kind, in order of
precedence)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from urllib.parse import quote

from kg import identity
from kg.schema import entity_kind, schema

ID_PREFIX = "/id/"


@dataclass(frozen=True)
class Kind:
    name: str
    vi: str
    en: str


def _kind(value: str) -> Kind:
    entry = entity_kind(value)
    return Kind(entry.value, entry.vi, entry.en)


@cache
def kinds() -> dict[str, Kind]:
    """Class IRI -> kind of page, in the schema's order of precedence."""
    return {entry.iri: _kind(entry.value) for entry in schema().entity_kinds}


GENERIC = Kind("thing", "Mục", "item")


def kind_of(types: list[str], iri: str) -> Kind:
    """The page kind of a node with these classes; a document that is only
    cited has none, and is known by its IRI."""
    table = kinds()
    for cls, kind in table.items():
        if cls in types:
            return kind
    if identity.tail(iri, "doc"):
        return _kind("document")
    return GENERIC


def href(iri: str) -> str:
    """The explorer's path for ``iri``: /id/… for the project's IRIs (so that
    they dereference), /entity?iri=… for any other."""
    rest = iri[len(identity.base()):] if iri.startswith(identity.base()) else None
    if rest:
        return ID_PREFIX + quote(rest, safe="/-_.~")
    return "/entity?iri=" + quote(iri, safe="")


def iri_of_path(rest: str) -> str:
    return identity.base() + rest


def external_url(url: str | None) -> str | None:
    """A source's address, only if it is http(s): a ``javascript:`` or
    ``data:`` address is shown as text, never made a link."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None
