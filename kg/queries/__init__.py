"""Named SPARQL queries: one ``.rq`` file each in this folder, whose header
comment says what it answers and which parameters it takes::

    # answers: Which posts has a given official held …?
    # param: name fold  the official's name, any case or accents
    # param: year integer  a year, e.g. 2022
    # example: kg queries run official-posts --param name="Trần Thị Lộc"

A parameter is a variable of the query (``?name``) whose value is bound as an
RDF term when the query runs (``kg.binding``), never pasted into its text.
The queries here also SELECT their parameters, so that every row says what
it answers. Its type says how the
text given on the command line becomes a term:

| type    | term                                                      |
|---------|-----------------------------------------------------------|
| string  | a plain literal                                           |
| fold    | a plain literal of the folded search key (``kg.text.fold``) |
| code    | a plain literal of a document code's key (``kg.identity.code_key``), matched against ``skos:hiddenLabel`` |
| integer | an ``xsd:integer`` literal                                |
| date    | an ``xsd:date`` literal                                   |
| iri     | an IRI                                                    |
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pyoxigraph import Literal, NamedNode

from kg.errors import QueryError
from kg.identity import code_key
from kg.text import fold
from kg.vocab import XSD

PARAM_TYPES = ("string", "fold", "code", "integer", "date", "iri")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    description: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    answers: str
    params: tuple[Param, ...]
    example: str | None
    text: str

    def bind(self, values: dict[str, str]) -> dict[str, NamedNode | Literal]:
        """Turn command-line strings into RDF terms for this query's parameters."""
        known = {p.name: p for p in self.params}
        unknown = set(values) - set(known)
        if unknown:
            raise QueryError(f"query {self.name!r} has no parameter {', '.join(sorted(unknown))}",
                             hint=f"its parameters: {', '.join(known) or 'none'}")
        missing = [p for p in known if p not in values]
        if missing:
            raise QueryError(f"query {self.name!r} needs --param {missing[0]}=…",
                             hint=self.example)
        return {name: to_term(known[name], value) for name, value in values.items()}


def to_term(param: Param, value: str) -> NamedNode | Literal:
    try:
        if param.type == "fold":
            return Literal(fold(value))
        if param.type == "code":
            return Literal(code_key(value))
        if param.type == "integer":
            return Literal(str(int(value)), datatype=XSD.integer)
        if param.type == "date":
            return Literal(dt.date.fromisoformat(value).isoformat(), datatype=XSD.date)
        if param.type == "iri":
            if not re.match(r"^[a-z][a-z0-9+.-]*:[^\s<>\"{}|\\^`]*$", value, re.I):
                raise ValueError("not an absolute IRI")
            return NamedNode(value)
        return Literal(value)
    except ValueError as exc:
        raise QueryError(f"--param {param.name}={value!r}: {exc} (expected {param.type})") from None


def parse(name: str, text: str) -> NamedQuery:
    answers, example, params = [], None, []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        body = line.lstrip("#").strip()
        key, _, rest = body.partition(":")
        if key == "answers":
            answers.append(rest.strip())
        elif key == "param":
            pname, ptype, *desc = rest.split(maxsplit=2)
            if ptype not in PARAM_TYPES:
                raise ValueError(f"{name}.rq: parameter {pname} has unknown type {ptype}")
            params.append(Param(pname, ptype, desc[0] if desc else ""))
        elif key == "example":
            example = rest.strip()
    if not answers:
        raise ValueError(f"{name}.rq has no '# answers:' comment")
    return NamedQuery(name, " ".join(answers), tuple(params), example, text)


@cache
def named_queries() -> dict[str, NamedQuery]:
    folder = resources.files("kg.queries")
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[:-3]
            found[name] = parse(name, entry.read_text(encoding="utf-8"))
    return found


def get(name: str) -> NamedQuery:
    queries = named_queries()
    if name not in queries:
        import difflib
        close = difflib.get_close_matches(name, queries, n=3)
        raise QueryError(f"no named query {name!r}",
                         hint=f"did you mean {', '.join(close)}?" if close else "`kg queries` lists them")
    return queries[name]


def run(store, name: str, values: dict[str, str]):
    """Run a named query with its parameters bound; returns the store's results."""
    query = get(name)
    return store.query(query.text, query.bind(values))
