"""Binding values into SPARQL text, safely.

pyoxigraph's own ``substitutions`` bind a value only to a projected variable,
and apply it after evaluating the whole pattern: a lookup by name took 10 s on
a 4.7-million-quad store instead of 0.4 ms. The SPARQL protocol has no
bindings at all. So a bound value goes in as a ``VALUES`` row at the start of
every WHERE group of the query (the outer one and each sub-select), where the
engine uses it to choose its index. The row is written by pyoxigraph's
N-Triples serialiser, so a quote, brace, backslash or newline in a value is
escaped as part of the term; no user text is ever pasted into a query.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

import pyoxigraph as ox

from kg.errors import QueryError

_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# The tokens that matter for finding WHERE groups: braces inside strings,
# IRIs and comments are not structure.
_TOKENS = re.compile(r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][A-Za-z0-9_]+)
  | (?P<word>[A-Za-z_][\w.-]*(?::[\w.%-]*)?|:[\w.%-]*)
  | (?P<open>\{)
  | (?P<close>\})
  | (?P<other>\S)
""", re.X | re.S)


def bind_values(sparql: str, bindings: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """The query with one VALUES row of the bindings at the start of each
    WHERE group (the query's and every sub-select's), which binds them as
    SEP-0007 substitution does for the variables a query projects."""
    names, terms = [], []
    for name, term in bindings.items():
        if not _VARIABLE.match(name):
            raise QueryError(f"{name!r} is not a SPARQL variable name")
        if not isinstance(term, (ox.NamedNode, ox.Literal)):
            raise QueryError(f"?{name} can only be bound to an IRI or a literal")
        names.append(f"?{name}")
        terms.append(str(term))   # pyoxigraph's N-Triples form: escaped, never raw text
    values = f" VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }} "
    positions = _where_groups(sparql)
    if not positions:
        raise QueryError("cannot bind parameters: the query has no WHERE group",
                         hint="write CONSTRUCT queries in their long form, CONSTRUCT { … } WHERE { … }")
    out, last = [], 0
    for pos in positions:
        out += [sparql[last:pos], values]
        last = pos
    out.append(sparql[last:])
    return "".join(out)


@lru_cache(maxsize=256)
def _where_groups(sparql: str) -> tuple[int, ...]:
    """Offsets just after the opening brace of each query's WHERE group
    (kept per query text: named queries are bound again and again, and
    tokenising a long one costs more than running it)."""
    positions: list[int] = []
    pending = False          # a query form was seen; its WHERE group is next
    template_depth = None    # inside a CONSTRUCT template, the depth it closes at
    after_construct = False
    depth = 0
    for match in _TOKENS.finditer(sparql):
        kind, text = match.lastgroup, match.group()
        if kind in ("comment", "string", "iri", "var"):
            after_construct = False
            continue
        if kind == "word":
            word = text.upper()
            if word in ("SELECT", "ASK", "DESCRIBE"):
                pending = True
            elif word == "CONSTRUCT":
                after_construct = True
                continue
            elif after_construct and word == "WHERE":
                # CONSTRUCT WHERE { … } allows triple patterns only: no VALUES
                after_construct = False
                continue
        elif kind == "open":
            depth += 1
            if after_construct:
                template_depth = depth
            elif pending and template_depth is None:
                positions.append(match.end())
                pending = False
        elif kind == "close":
            if template_depth == depth:
                template_depth = None
                pending = True
            depth -= 1
        after_construct = False
    return tuple(positions)
