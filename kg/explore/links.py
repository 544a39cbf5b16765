"""Where the explorer shows a node: the path that mirrors its IRI, and the
kind of page it gets (kinds.csv: class -> kind, in order of precedence)."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources
from urllib.parse import quote

from kg import identity
from kg.vocab import PREFIXES

ID_PREFIX = "/id/"


@dataclass(frozen=True)
class Kind:
    name: str
    vi: str
    en: str


@cache
def kinds() -> dict[str, Kind]:
    """Class IRI -> kind of page, in the table's order."""
    text = (resources.files("kg.explore") / "kinds.csv").read_text(encoding="utf-8")
    out = {}
    for row in csv.DictReader(text.splitlines()):
        prefix, local = row["class"].split(":", 1)
        out[PREFIXES[prefix] + local] = Kind(row["kind"], row["vi"], row["en"])
    return out


GENERIC = Kind("thing", "Mục", "Item")
CITED_DOCUMENT = Kind("document", "Văn bản", "Document")


def kind_of(types: list[str], iri: str) -> Kind:
    """The page kind of a node with these classes; a document that is only
    cited has none, and is known by its IRI."""
    table = kinds()
    for cls, kind in table.items():
        if cls in types:
            return kind
    if identity.tail(iri, "doc"):
        return CITED_DOCUMENT
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
