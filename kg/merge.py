"""One event, many reports: which oversight activity a report is.

Several sources report one inspection with different details: one names the
leader and another does not, one lists two of the three units visited, one
names "Đoàn kiểm tra số 3" where another names the committee it acts for.
They must be one activity, one IRI, with every source in its provenance.
An activity's IRI therefore cannot be a function of one report alone
(``identity.activity_iri``); it is decided here, against the activities
already known, before the report becomes triples:

    index = ActivityIndex.from_store(store)      # one SELECT over the facts
    for records in sources:                      # curated YAML first (their rules)
        resolve_activities(records, index)       # sets Activity.iri, learns them
        triples = records_to_triples(records)

The rules (docs/identity.md says the same, with examples). A report is the
same event as a known activity when all of these hold:

1. **same kind** (inspection, supervision, working session);
2. **same inspector**: the body that inspects. A delegation named as the
   inspector stands for the body it acts for when that is known: a
   delegation described in the same source with a parent, a name of the form
   "Đoàn … của <body>", or (in the store) a ``party:Delegation`` with an
   ``org:subOrganizationOf``. The report is rewritten to say so: inspector
   the body, delegation the Đoàn;
3. **same start day**; an undated report never merges (its IRI keeps the
   source in it, as before);
4. **leaders compatible**: equal, or one side names none. Person IRIs are
   compared segment by segment, so a leader named without a province (or
   without a curated key) fits the same name with one, but two provinces,
   or two keys, do not;
5. **delegations compatible**: one side names none, or they do not carry two
   different numbers ("Đoàn kiểm tra số 1" is not "… số 3");
6. **documents compatible**: equal, or one side names none; a code without
   its scope fits the same code with one (``doc/91-kh_btgtu`` and
   ``doc/91-kh_btgtu/tinh-bac-kan``);
7. **targets overlap**, or one side names none. Targets are compared by IRI
   and by folded label, so a unit one source describes (with its code) and
   another only names are one target.

When a report fits several known activities: an activity the same source
stated before (a reload) wins when it is the only such; else the one that
agrees on more named details (a leader, a delegation), then on more targets,
wins if it is alone at the top; else the report is an activity of its own:
no guessing. A report that fits none is a new activity with
``identity.activity_iri`` of its own details (kept apart by its source if
that IRI is already an activity it must not join).

The first report's IRI is kept for the event: later reports reuse it, and
reloading a source keeps the IRI it had. Decisions depend only on the store
and the order of the sources in the load: the same load gives the same IRIs.

Curated YAML can overrule the rules (``same_activity:`` and
``different_activities:``, kg.sources.curated): each item lists references
(kind, inspector, date, and any of leader, delegation, targets, document,
source). A report matching a reference of a ``same_activity`` item joins the
known activity that matches one of its references, whatever rules 4-7 say;
a report matching one reference of a ``different_activities`` item never
joins an activity that matches another. The rules act in the load that
holds the curated file, on the sources resolved after it; an IRI they give
then stays with the reports (rule above), so a correction needs the curated
file loaded once with, and before, the sources it corrects.

Everything is a dict lookup by (kind, inspector, day), rules included, and
filling the index from the store is one query: resolving a report costs well
under a millisecond.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from kg import identity
from kg.model import Activity, ActivityRef, Organisation, OrgKind, Records
from kg.schema import schema
from kg.text import fold

Key = tuple[str, str, str]          # kind, inspector's org IRI, start day (ISO)

KIND_OF_CLASS = {entry.iri: entry.value for entry in schema().activity_kinds}

# Every detail of every activity of the facts, one (activity, detail) a row:
# a union of one scan a property, grouped in Python. (Grouping in SPARQL, with
# GROUP_CONCAT, joined each activity to each of its details in turn and took
# three times as long on pyoxigraph.) A delegation named as the inspector
# comes with the body it acts for, a target with its labels.
QUERY = """
SELECT ?a ?p ?v ?w WHERE {
  { VALUES ?v { """ + " ".join(f"<{iri}>" for iri in KIND_OF_CLASS) + """ } ?a a ?v BIND("kind" AS ?p) }
  UNION { ?a party:inspector ?v OPTIONAL { ?v a party:Delegation ; org:subOrganizationOf ?w } BIND("inspector" AS ?p) }
  UNION { ?a schema:startDate ?v BIND("date" AS ?p) }
  UNION { ?a party:leader ?v BIND("leader" AS ?p) }
  UNION { ?a party:target ?v OPTIONAL { ?v rdfs:label ?w } BIND("target" AS ?p) }
  UNION { ?a party:delegation ?v BIND("delegation" AS ?p) }
  UNION { ?a party:underDocument ?v BIND("document" AS ?p) }
  UNION { ?a a party:OversightActivity ; prov:wasDerivedFrom ?v BIND("source" AS ?p) }
}
"""

# "Đoàn kiểm tra số 3 của Ủy ban Kiểm tra Tỉnh ủy Cao Bằng": a delegation
# named after the body it acts for (the extractor names them so).
_ACTS_FOR = re.compile(r"^(?:Đoàn|Tổ(?!\s+chức))\b.*?\s+của\s+(?P<body>\S.*)$", re.IGNORECASE)
_NUMBER = re.compile(r"(?:^|-)so-(\d+)(?:-|$)")


# --- comparing details ---------------------------------------------------------------

def _fits(a: str, b: str) -> bool:
    """Two IRI tails name the same thing, or one is a less precise name of
    the other: ``name`` fits ``name/province``, which fits ``name/province/key``."""
    if a == b:
        return True
    sa, sb = a.split("/"), b.split("/")
    n = min(len(sa), len(sb))
    return sa[:n] == sb[:n]


@lru_cache(maxsize=1 << 14)
def _number(delegation: str) -> str | None:
    """The number of a delegation ("Đoàn kiểm tra số 3 …" -> "3"), from its slug."""
    match = _NUMBER.search(delegation)
    return match.group(1) if match else None


def _same_delegation(a: str, b: str) -> bool:
    """Two delegations are one when their slugs are equal or both carry the
    same number (the names of one delegation vary: "Đoàn công tác số 01",
    "Đoàn kiểm tra số 1")."""
    if a == b:
        return True
    na, nb = _number(a), _number(b)
    return na is not None and nb is not None and int(na) == int(nb)


def _apart(a: str, b: str) -> bool:
    """Two delegations that cannot be one: both numbered, differently."""
    na, nb = _number(a), _number(b)
    return na is not None and nb is not None and int(na) != int(nb)


def _tail(iri: str, kind: str) -> str:
    return identity.tail(iri, kind) or iri


# --- what is known ------------------------------------------------------------------------

@dataclass(eq=False)
class KnownActivity:
    """An activity the index knows: its IRI and every detail its reports gave."""
    iri: str
    order: int
    leaders: set[str] = field(default_factory=set)       # person IRI tails
    targets: set[str] = field(default_factory=set)       # target IRIs and folded labels
    delegations: set[str] = field(default_factory=set)   # org IRI tails (slugs)
    documents: set[str] = field(default_factory=set)     # doc IRI tails (code[/scope])
    sources: set[str] = field(default_factory=set)       # source IRIs
    keys: set[Key] = field(default_factory=set)          # where the index files it


@dataclass
class _Report:
    """One report's details, in the form they are compared in."""
    key: Key
    source: str                        # source IRI
    leader: str | None
    targets: list[frozenset[str]]      # per target: its IRI and folded label
    delegation: str | None
    document: str | None

    def target_keys(self) -> set[str]:
        return set().union(*self.targets) if self.targets else set()


@dataclass
class _Ref:
    """A curated reference (ActivityRef) in the form it is compared in."""
    key: Key
    source: str | None
    leader: str | None
    targets: list[frozenset[str]]
    delegation: str | None
    document: str | None


@dataclass
class _Rule:
    same: bool
    refs: list[_Ref]


class ActivityIndex:
    """The activities known so far, by (kind, inspector, day): the store's,
    then each report resolved in this load."""

    def __init__(self) -> None:
        self._by_key: dict[Key, list[KnownActivity]] = {}
        self._by_iri: dict[str, KnownActivity] = {}
        self._by_source: dict[str, set[str]] = {}
        self._rules: dict[str, list[_Rule]] = {}     # curated source key -> its rules
        self._rules_by_key: dict[Key, list[_Rule]] = {}
        self._next = 0
        self._store = None                           # read on first need (from_store)

    def __len__(self) -> int:
        self._fill()
        return len(self._by_iri)

    def __contains__(self, iri: str) -> bool:
        self._fill()
        return iri in self._by_iri

    def get(self, iri: str) -> KnownActivity | None:
        self._fill()
        return self._by_iri.get(iri)

    @classmethod
    def from_store(cls, store) -> ActivityIndex:
        """The activities of the store's facts (its default graph), read in
        one SELECT (``store.select``: rows of str values) when the index is
        first needed: a load with no dated activity does not read them."""
        index = cls()
        index._store = store
        return index

    def _fill(self) -> None:
        store, self._store = self._store, None
        if store is None:
            return
        details: dict[str, dict[str, set]] = {}
        for row in store.select(QUERY):
            a, p, v, w = (row.get(x) for x in ("a", "p", "v", "w"))
            if not a or not p or v is None:
                continue
            d = details.setdefault(str(a), {})
            if p == "inspector":
                v = w or v              # a delegation stands for the body it acts for
            elif p == "target" and w:
                d.setdefault("label", set()).add(fold(str(w)))
            d.setdefault(str(p), set()).add(str(v))
        for iri in sorted(details):     # the store's order is no order: sort, for determinism
            d = details[iri]
            kinds = {KIND_OF_CLASS[k] for k in d.get("kind", ()) if k in KIND_OF_CLASS}
            keys = [(k, i, day[:10]) for k in sorted(kinds) for i in sorted(d.get("inspector", ()))
                    for day in sorted(d.get("date", ()))]
            if not keys:                # undated: never merged
                continue
            for key in keys:
                known = self._known(key, iri)
            known.leaders.update(_tail(x, "person") for x in d.get("leader", ()))
            known.targets.update(d.get("target", ()))
            known.targets.update(d.get("label", ()))
            known.delegations.update(_tail(x, "org") for x in d.get("delegation", ()))
            known.documents.update(_tail(x, "doc") for x in d.get("document", ()))
            for source in d.get("source", ()):
                known.sources.add(source)
                self._by_source.setdefault(source, set()).add(iri)

    def add_rules(self, records: Records) -> None:
        """Honour a curated source's ``same_activity`` / ``different_activities``
        from now on in this index (again for the same source: replaced)."""
        if records.same_activity or records.different_activities:
            orgs, resolver = _orgs(records), _target_resolver(records)
            rules = [_Rule(same, [_ref(r, orgs, resolver) for r in item.refs])
                     for same, items in ((True, records.same_activity), (False, records.different_activities))
                     for item in items]
            self._rules[records.source.key] = rules
        elif self._rules.pop(records.source.key, None) is None:
            return
        self._rules_by_key = {}
        for rules in self._rules.values():
            for rule in rules:
                for key in dict.fromkeys(ref.key for ref in rule.refs):
                    self._rules_by_key.setdefault(key, []).append(rule)

    # --- inside ------------------------------------------------------------------------

    def _known(self, key: Key, iri: str) -> KnownActivity:
        known = self._by_iri.get(iri)
        if known is None:
            known = self._by_iri[iri] = KnownActivity(iri, self._next)
            self._next += 1
        if key not in known.keys:
            known.keys.add(key)
            self._by_key.setdefault(key, []).append(known)
        return known

    def _release(self, source: str) -> set[str]:
        """A source is being (re)loaded: what it stated before no longer
        counts as its report. Returns the IRIs it stated."""
        self._fill()
        iris = self._by_source.pop(source, set())
        for iri in iris:
            self._by_iri[iri].sources.discard(source)
        return iris

    def _forget(self, iri: str) -> None:
        known = self._by_iri.pop(iri, None)
        for key in known.keys if known is not None else ():
            bucket = self._by_key[key]
            bucket.remove(known)
            if not bucket:
                del self._by_key[key]

    def _learn(self, report: _Report, iri: str) -> None:
        known = self._known(report.key, iri)
        if report.leader:
            known.leaders.add(report.leader)
        known.targets.update(report.target_keys())
        if report.delegation:
            known.delegations.add(report.delegation)
        if report.document:
            known.documents.add(report.document)
        known.sources.add(report.source)
        self._by_source.setdefault(report.source, set()).add(iri)

    def _matching(self, ref: _Ref) -> list[KnownActivity]:
        return [k for k in self._by_key.get(ref.key, ()) if _ref_fits_known(ref, k)]

    def _choose(self, report: _Report, prior: set[str]) -> tuple[str | None, set[str]]:
        """The IRI of the known activity the report is, or None for a new
        one; and the IRIs it must not take (known, but another event)."""
        excluded: set[str] = set()
        for rule in self._rules_by_key.get(report.key, ()):
            mine = [i for i, ref in enumerate(rule.refs) if _ref_fits_report(ref, report)]
            if not mine:
                continue
            if rule.same:
                for ref in rule.refs:
                    found = self._matching(ref)
                    if found:
                        return found[0].iri, excluded
            else:
                for i, ref in enumerate(rule.refs):
                    if i not in mine:
                        excluded.update(k.iri for k in self._matching(ref))
        fitting = [k for k in self._by_key.get(report.key, ())
                   if k.iri not in excluded and _compatible(report, k)]
        if not fitting:
            return None, excluded
        again = [k for k in fitting if k.iri in prior]
        if len(again) == 1:
            return again[0].iri, excluded
        pool = again or fitting
        if len(pool) == 1:
            return pool[0].iri, excluded
        scored = sorted(((_score(report, k), k.order, k) for k in pool), key=lambda x: (x[0], -x[1]),
                        reverse=True)
        if scored[0][0] > scored[1][0]:
            return scored[0][2].iri, excluded
        return None, excluded | {k.iri for k in pool}


def _compatible(report: _Report, known: KnownActivity) -> bool:
    if report.leader and known.leaders and not any(_fits(report.leader, x) for x in known.leaders):
        return False
    if report.delegation and known.delegations and all(_apart(report.delegation, x) for x in known.delegations):
        return False
    if report.document and known.documents and not any(_fits(report.document, x) for x in known.documents):
        return False
    if report.targets and known.targets and not any(t & known.targets for t in report.targets):
        return False
    return True


def _score(report: _Report, known: KnownActivity) -> tuple[int, int]:
    """How much a report and a compatible activity positively share: named
    details first (leader, delegation), then targets."""
    agree = int(bool(report.leader and any(_fits(report.leader, x) for x in known.leaders)))
    agree += int(bool(report.delegation and any(_same_delegation(report.delegation, x)
                                                for x in known.delegations)))
    return agree, sum(1 for t in report.targets if t & known.targets)


def _ref_fits_report(ref: _Ref, report: _Report) -> bool:
    if ref.key != report.key or (ref.source and ref.source != report.source):
        return False
    if ref.leader and not (report.leader and _fits(ref.leader, report.leader)):
        return False
    if ref.delegation and not (report.delegation and _same_delegation(ref.delegation, report.delegation)):
        return False
    if ref.document and not (report.document and _fits(ref.document, report.document)):
        return False
    keys = report.target_keys()
    return all(t & keys for t in ref.targets)


def _ref_fits_known(ref: _Ref, known: KnownActivity) -> bool:
    if ref.source and ref.source not in known.sources:
        return False
    if ref.leader and not any(_fits(ref.leader, x) for x in known.leaders):
        return False
    if ref.delegation and not any(_same_delegation(ref.delegation, x) for x in known.delegations):
        return False
    if ref.document and not any(_fits(ref.document, x) for x in known.documents):
        return False
    return all(t & known.targets for t in ref.targets)


# --- from records -----------------------------------------------------------------------------

def _orgs(records: Records) -> dict[str, Organisation]:
    return {fold(o.name): o for o in records.organisations}


def _target_resolver(records: Records):
    from kg.rdf import _Resolver   # the names of targets resolve exactly as kg.rdf writes them
    return _Resolver(records)


def body_of(name: str, orgs: dict[str, Organisation]) -> tuple[str, str | None]:
    """The body an inspector name stands for, and the delegation when the
    name is one: ``(body, delegation)``, or ``(name, None)`` for a body."""
    org = orgs.get(fold(name))
    if org is not None and org.kind is OrgKind.DELEGATION and org.parent:
        return org.parent, name
    if org is None or org.kind is OrgKind.DELEGATION:
        match = _ACTS_FOR.match(name)
        if match:
            return match.group("body").strip(), name
    return name, None


def _targets(names: list[str], resolver) -> list[frozenset[str]]:
    return [frozenset((resolver.target(t).value, fold(t))) for t in names if t]


def _ref(ref: ActivityRef, orgs: dict[str, Organisation], resolver) -> _Ref:
    body, _ = body_of(ref.inspector, orgs)
    leader = identity.person_iri(ref.leader, ref.leader_context, ref.leader_key) if ref.leader else None
    return _Ref(key=(ref.kind.value, resolver.org_iri(body), ref.date.isoformat()),
                source=identity.source_iri(ref.source) if ref.source else None,
                leader=_tail(leader, "person") if leader else None,
                targets=_targets(ref.targets, resolver),
                delegation=_tail(resolver.org_iri(ref.delegation), "org") if ref.delegation else None,
                document=_tail(identity.document_iri(ref.document), "doc") if ref.document else None)


def _report(act: Activity, source: str, resolver) -> _Report:
    leader = identity.person_iri(act.leader, act.leader_context, act.leader_key) if act.leader else None
    document = identity.document_iri(act.document, act.document_scope) if act.document else None
    return _Report(key=(act.kind.value, resolver.org_iri(act.inspector), act.date.isoformat()),
                   source=source,
                   leader=_tail(leader, "person") if leader else None,
                   targets=_targets(act.targets, resolver),
                   delegation=_tail(resolver.org_iri(act.delegation), "org") if act.delegation else None,
                   document=_tail(document, "doc") if document else None)


def resolve_activities(records: Records, index: ActivityIndex) -> Records:
    """Give each activity of one source its IRI (``Activity.iri``) and make
    it known to ``index``, so that later sources of the same load find it.

    Call it once per source, before ``kg.rdf.records_to_triples``, in load
    order; curated files first, so that their ``same_activity`` and
    ``different_activities`` act on the sources after them. A delegation
    named as the inspector is rewritten as the body, with the delegation
    as ``delegation``. Returns the same records."""
    index.add_rules(records)
    source = identity.source_iri(records.source.key)
    prior = index._release(source)
    orgs = _orgs(records)
    resolver = None
    chosen: set[str] = set()
    for act in records.activities:
        body, delegation = body_of(act.inspector, orgs) if act.inspector else (act.inspector, None)
        if delegation is not None:
            act.inspector = body
            act.delegation = act.delegation or delegation
        if act.date is None or not act.inspector:
            act.iri = None     # undated: never merged, the IRI keeps the source (identity.activity_iri)
            continue
        if resolver is None:
            resolver = _target_resolver(records)
        report = _report(act, source, resolver)
        iri, avoid = index._choose(report, prior)
        if iri is None:
            iri = identity.activity_iri(act.kind.value, act.inspector, report.key[2], act.leader,
                                        act.targets, records.source.key)
            if iri in avoid or (iri in index and iri not in prior):
                iri = identity.activity_iri(act.kind.value, act.inspector, report.key[2], act.leader,
                                            act.targets, records.source.key, apart=records.source.key)
        act.iri = iri
        chosen.add(iri)
        index._learn(report, iri)
    # what this source alone stated before, and states no more, is gone
    for iri in prior - chosen:
        known = index.get(iri)
        if known is not None and not known.sources:
            index._forget(iri)
    return records


def resolve_all(records: Iterable[Records], index: ActivityIndex | None = None) -> ActivityIndex:
    """Resolve several sources in order (curated ones first, as a load
    should); returns the index."""
    index = index if index is not None else ActivityIndex()
    items = list(records)
    for r in items:
        index.add_rules(r)
    for r in sorted(items, key=lambda r: r.source.kind.value != "curated"):
        resolve_activities(r, index)
    return index


__all__ = ["ActivityIndex", "KnownActivity", "QUERY", "body_of", "resolve_activities", "resolve_all"]
