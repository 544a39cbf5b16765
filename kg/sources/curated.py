"""Curated records in YAML: the format people use to enter or correct facts
by hand. The README documents it with an example; ``data/sample.yaml`` is a
full one. docs/identity.md documents the fields that decide identity: a
person's ``key`` (and ``leader_key``) that tells apart same-named people of
one province, and ``same_activity`` / ``different_activities``, which
overrule kg.merge's rules for activities.

Every record is checked, and every problem is reported with its file, line
and field, all at once (``SourceErrors``); nothing is loaded from a file that
has any.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from kg import identity, tables
from kg.errors import SourceError, SourceErrors
from kg.model import (
    Activity, ActivityKind, ActivityRef, DifferentActivities, DifferentFrom, Document, DocumentLink,
    Evidence, Membership, Official, Organisation, OrgKind, Place, Records, Relation, SameActivity,
    SameAs, Source, SourceKind, UnitLevel, YearMonth, format_date, parse_partial_date,
)
from kg.rdf import unit_type_of
from kg.text import fold, normalize, slug

from .safe_yaml import Node as _Node, Refused, compose, to_nodes

SECTIONS = ("source", "places", "organisations", "people", "documents", "activities",
            "same_as", "different_from", "same_activity", "different_activities")
# the fields of a reference to a reported activity (same_activity, different_activities)
ACTIVITY_REF_FIELDS = ("kind", "inspector", "date", "leader", "leader_context", "leader_key",
                       "delegation", "targets", "document", "source")


class _Reader:
    """Turns the composed YAML into records, collecting every problem."""

    def __init__(self, path: Path):
        self.path = path
        self.errors: list[SourceError] = []
        # id(record) -> the fields it was read from and where, for the checks
        # of references, which run once every record has been read
        self.origin: dict[int, tuple[dict[str, _Node], str]] = {}
        self.source_key = path.name

    def error(self, node: _Node | None, field: str, message: str) -> None:
        self.errors.append(SourceError(self.path, message, line=node.line if node else None, field=field))

    # --- field helpers ---------------------------------------------------------

    def mapping(self, node: _Node, where: str, allowed: tuple[str, ...]) -> dict[str, _Node] | None:
        if not isinstance(node.value, dict):
            self.error(node, where, "expected a mapping of field: value")
            return None
        for key, value in node.value.items():
            if key not in allowed:
                self.error(value, f"{where}.{key}", f"unknown field (expected one of: {', '.join(allowed)})")
        return node.value

    def text(self, fields: dict[str, _Node], key: str, where: str, required: bool = False) -> str | None:
        node = fields.get(key)
        if node is None or node.value is None:
            if required:
                self.error(node or self._parent_line, f"{where}.{key}", "required")
            return None
        if isinstance(node.value, (dict, list)):
            self.error(node, f"{where}.{key}", "expected text")
            return None
        value = normalize(str(node.value)).strip()
        if required and not value:
            self.error(node, f"{where}.{key}", "must not be empty")
        return value or None

    def texts(self, fields: dict[str, _Node], key: str, where: str) -> list[str]:
        node = fields.get(key)
        if node is None or node.value is None:
            return []
        items = node.value if isinstance(node.value, list) else [node]
        out = []
        for item in items:
            if isinstance(item.value, (dict, list)) or item.value is None:
                self.error(item, f"{where}.{key}", "expected a list of names")
            else:
                out.append(normalize(str(item.value)).strip())
        return out

    def date(self, fields: dict[str, _Node], key: str, where: str, partial: bool = False):
        node = fields.get(key)
        if node is None or node.value is None:
            return None
        value = node.value
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return value
        try:
            parsed = parse_partial_date(str(value))
        except ValueError as exc:
            why = str(exc)
            # fromisoformat's own words ("day is out of range for month") do not name the value
            self.error(node, f"{where}.{key}", why if repr(str(value).strip()) in why
                       else f"{str(value).strip()!r} is not a date: {why}")
            return None
        if not partial and not isinstance(parsed, dt.date):
            self.error(node, f"{where}.{key}", "needs a full date, YYYY-MM-DD")
            return None
        return parsed

    def date_range(self, fields: dict[str, _Node], start: str, end: str, where: str,
                   partial: bool = False) -> tuple[Any, Any]:
        """Two dates that bound a span; the end before the start is an error."""
        first, last = self.date(fields, start, where, partial), self.date(fields, end, where, partial)
        if first is not None and last is not None:
            try:
                inverted = _days(last)[1] < _days(first)[0]
            except ValueError:   # year 0: said by nothing but a typo, and not comparable
                inverted = False
            if inverted:
                self.error(fields.get(end), f"{where}.{end}",
                           f"{format_date(last)} is before {start} {format_date(first)}")
        return first, last

    def choice(self, fields: dict[str, _Node], key: str, where: str, enum, default=None):
        node = fields.get(key)
        if node is None or node.value is None:
            if default is None:
                self.error(self._parent_line, f"{where}.{key}", "required")
            return default
        try:
            return enum(str(node.value))
        except ValueError:
            self.error(node, f"{where}.{key}",
                       f"{node.value!r} is not one of: {', '.join(e.value for e in enum)}")
            return default

    def evidence(self, fields: dict[str, _Node], where: str) -> list[Evidence]:
        sentence = self.text(fields, "evidence", where)
        return [Evidence(self.source_key, sentence)] if sentence else []

    # --- sections ----------------------------------------------------------------

    def read(self, root: _Node) -> Records:
        self._parent_line = root
        top = self.mapping(root, "file", SECTIONS) or {}
        source = self.source(top.get("source"))
        records = Records(source)
        for key, reader, target in (
            ("places", self.place, records.places),
            ("organisations", self.organisation, records.organisations),
            ("documents", self.document, records.documents),
            ("activities", self.activity, records.activities),
        ):
            for index, item in enumerate(self.items(top, key)):
                record = reader(item, f"{key}[{index}]", records)
                if record is not None:
                    target.append(record)
        for index, item in enumerate(self.items(top, "people")):
            self.person(item, f"people[{index}]", records)
        # identity statements: which people, and which reported activities, are one or apart
        for key, read, cls, target in (
                ("same_as", self.identity, SameAs, records.same_as),
                ("different_from", self.identity, DifferentFrom, records.different_from),
                ("same_activity", self.activity_refs, SameActivity, records.same_activity),
                ("different_activities", self.activity_refs, DifferentActivities, records.different_activities)):
            for index, item in enumerate(self.items(top, key)):
                refs = read(item, f"{key}[{index}]")
                if refs:
                    target.append(cls(refs))
        self.check_references(records)
        self.resolve_leaders(records)
        return records

    def items(self, top: dict[str, _Node], key: str) -> list[_Node]:
        node = top.get(key)
        if node is None or node.value is None:
            return []
        if not isinstance(node.value, list):
            self.error(node, key, "expected a list")
            return []
        return node.value

    def source(self, node: _Node | None) -> Source:
        if node is None:
            return Source(self.path.name, SourceKind.CURATED, path=str(self.path))
        self._parent_line = node
        fields = self.mapping(node, "source", ("id", "title", "url", "published")) or {}
        self.source_key = self.text(fields, "id", "source") or self.path.name
        return Source(self.source_key, SourceKind.CURATED,
                      title=self.text(fields, "title", "source"),
                      url=self.text(fields, "url", "source"),
                      published=self.date(fields, "published", "source"),
                      path=str(self.path))

    def place(self, node: _Node, where: str, records: Records) -> Place | None:
        self._parent_line = node
        fields = self.mapping(node, where, ("name", "type", "level", "parent", "code", "era",
                                            "valid_from", "valid_through", "successors", "evidence"))
        if fields is None:
            return None
        name = self.text(fields, "name", where, required=True)
        unit_type = self.text(fields, "type", where, required=True)
        known = tables.unit_types()
        if unit_type and unit_type not in known:
            self.error(fields.get("type"), f"{where}.type",
                       f"{unit_type!r} is not a unit type (expected one of: {', '.join(known)})")
            unit_type = None  # one mistake, one message: skip the checks that depend on it
        # the type word says the level, except "thành phố", which can be either,
        # so then the level is required; a missing or bad type was reported already
        if unit_type is None:
            default_level = UnitLevel.COMMUNE
        else:
            default_level = UnitLevel(known[unit_type].level) if known[unit_type].level else None
        level = self.choice(fields, "level", where, UnitLevel, default=default_level)
        if name and unit_type and not fold(name).startswith(fold(unit_type) + " "):
            self.error(fields.get("name"), f"{where}.name",
                       f"write the name with its type word: '{unit_type} {name}'")
        code = fields.get("code")
        valid_from, valid_through = self.date_range(fields, "valid_from", "valid_through", where, partial=True)
        return self.came_from(Place(name or "", unit_type or "", level or UnitLevel.COMMUNE,
                     parent=self.text(fields, "parent", where),
                     code=None if code is None or code.value is None else str(code.value),
                     era=self.text(fields, "era", where),
                     valid_from=valid_from, valid_through=valid_through,
                     successors=self.texts(fields, "successors", where),
                     evidence=self.evidence(fields, where)), fields, where)

    def organisation(self, node: _Node, where: str, records: Records) -> Organisation | None:
        self._parent_line = node
        fields = self.mapping(node, where, ("name", "kind", "parent", "jurisdiction", "alt_labels", "evidence"))
        if fields is None:
            return None
        return self.came_from(Organisation(
            self.text(fields, "name", where, required=True) or "",
            kind=self.choice(fields, "kind", where, OrgKind, default=OrgKind.ORGANISATION),
            parent=self.text(fields, "parent", where),
            jurisdiction=self.text(fields, "jurisdiction", where),
            alt_labels=self.texts(fields, "alt_labels", where),
            evidence=self.evidence(fields, where)), fields, where)

    def person(self, node: _Node, where: str, records: Records) -> None:
        self._parent_line = node
        fields = self.mapping(node, where, ("name", "context", "key", "honorifics", "posts", "evidence"))
        if fields is None:
            return
        name = self.text(fields, "name", where, required=True) or ""
        context = self.text(fields, "context", where)
        key = self.key(fields, "key", where)
        records.officials.append(Official(name, context, self.texts(fields, "honorifics", where),
                                          self.evidence(fields, where), key=key))
        for index, post in enumerate(self.items(fields, "posts")):
            post_where = f"{where}.posts[{index}]"
            self._parent_line = post
            post_fields = self.mapping(post, post_where, ("role", "organisation", "from", "until",
                                                          "attested_on", "evidence"))
            if post_fields is None:
                continue
            role_text = self.text(post_fields, "role", post_where, required=True)
            role = tables.find_role(role_text) if role_text else None
            if role_text and role is None:
                self.error(post_fields.get("role"), f"{post_where}.role",
                           f"unknown role {role_text!r} (see kg/tables/roles.csv)")
            valid_from, valid_through = self.date_range(post_fields, "from", "until", post_where, partial=True)
            records.memberships.append(self.came_from(Membership(
                name, role.key if role else "", self.text(post_fields, "organisation", post_where, required=True) or "",
                person_context=context,
                valid_from=valid_from, valid_through=valid_through,
                attested_on=self.date(post_fields, "attested_on", post_where),
                evidence=self.evidence(post_fields, post_where), person_key=key), post_fields, post_where))

    def document(self, node: _Node, where: str, records: Records) -> Document | None:
        self._parent_line = node
        relations = tuple(r.value for r in Relation)
        fields = self.mapping(node, where, ("code", "type", "issuer", "date", "subject", "scope",
                                            "evidence") + relations)
        if fields is None:
            return None
        code = self.text(fields, "code", where, required=True) or ""
        type_text = self.text(fields, "type", where)
        doc_type = tables.find_document_type(type_text) if type_text else None
        if type_text and doc_type is None:
            self.error(fields.get("type"), f"{where}.type",
                       f"unknown document type {type_text!r} (see kg/tables/document_types.csv)")
        scope = self.text(fields, "scope", where)
        for relation in Relation:
            for target in self.texts(fields, relation.value, where):
                records.document_links.append(self.came_from(
                    DocumentLink(code, relation, target, source_scope=scope), fields, where))
        return self.came_from(Document(code, doc_type.key if doc_type else None,
                        issuer=self.text(fields, "issuer", where),
                        date=self.date(fields, "date", where),
                        subject=self.text(fields, "subject", where), scope=scope,
                        evidence=self.evidence(fields, where)), fields, where)

    def activity(self, node: _Node, where: str, records: Records) -> Activity | None:
        self._parent_line = node
        fields = self.mapping(node, where, ("kind", "inspector", "delegation", "leader", "leader_context",
                                            "leader_key", "targets", "document", "date", "end_date", "topic",
                                            "evidence"))
        if fields is None:
            return None
        kind = self.choice(fields, "kind", where, ActivityKind)
        date, end_date = self.date_range(fields, "date", "end_date", where)
        targets = self.texts(fields, "targets", where)
        if not targets:
            self.error(fields.get("targets") or node, f"{where}.targets", "at least one target is required")
        return self.came_from(Activity(kind or ActivityKind.INSPECTION,
                        self.text(fields, "inspector", where, required=True) or "",
                        targets=targets,
                        delegation=self.text(fields, "delegation", where),
                        leader=self.text(fields, "leader", where),
                        leader_context=self.text(fields, "leader_context", where),
                        leader_key=self.key(fields, "leader_key", where),
                        document=self.text(fields, "document", where),
                        date=date, end_date=end_date,
                        topic=self.text(fields, "topic", where),
                        evidence=self.evidence(fields, where)), fields, where)

    def came_from(self, record, fields: dict[str, _Node], where: str):
        self.origin[id(record)] = (fields, where)
        return record

    def refer_error(self, record, field: str, message: str, index: int | None = None) -> None:
        """An error about one of ``record``'s references (``index``: which
        item of a list field), at the line that names it."""
        fields, where = self.origin[id(record)]
        node = fields.get(field)
        if index is not None and node is not None and isinstance(node.value, list) and index < len(node.value):
            node = node.value[index]
        self.error(node or self._parent_line, f"{where}.{field}", message)

    def key(self, fields: dict[str, _Node], key: str, where: str) -> str | None:
        """A person's disambiguating key ("hung-1970"): part of the IRI, so it
        must hold letters or digits."""
        value = self.text(fields, key, where)
        if value is not None and not slug(value):
            self.error(fields.get(key), f"{where}.{key}", "must hold letters or digits (it becomes part of the IRI)")
            return None
        return value

    def identity(self, node: _Node, where: str) -> list[tuple[str, str | None, str | None]]:
        if not isinstance(node.value, list) or len(node.value) < 2:
            self.error(node, where, "expected a list of two or more people (a name, or {name, context, key})")
            return []
        names = []
        for item in node.value:
            if isinstance(item.value, dict):
                self._parent_line = item
                fields = self.mapping(item, where, ("name", "context", "key")) or {}
                names.append((self.text(fields, "name", where, required=True) or "",
                              self.text(fields, "context", where), self.key(fields, "key", where)))
            else:
                names.append((normalize(str(item.value)).strip(), None, None))
        if where.startswith("different_from"):
            iris = [identity.person_iri(*n) for n in names]
            if len(set(iris)) < len(iris):
                self.error(node, where, "names the same person twice (same name, context and key): "
                                        "give each namesake its own key, e.g. {name, context, key: hung-1970}")
        return names

    def activity_refs(self, node: _Node, where: str) -> list[ActivityRef]:
        """A same_activity or different_activities item: two or more
        references to reported activities."""
        if not isinstance(node.value, list) or len(node.value) < 2:
            self.error(node, where, "expected a list of two or more activities "
                                    "({kind, inspector, date}, and any of leader, delegation, targets, source…)")
            return []
        refs = []
        for index, item in enumerate(node.value):
            item_where = f"{where}[{index}]"
            self._parent_line = item
            fields = self.mapping(item, item_where, ACTIVITY_REF_FIELDS)
            if fields is None:
                continue
            kind = self.choice(fields, "kind", item_where, ActivityKind)
            inspector = self.text(fields, "inspector", item_where, required=True)
            date = self.date(fields, "date", item_where)
            if fields.get("date") is None or fields["date"].value is None:
                self.error(fields.get("date") or item, f"{item_where}.date",
                           "required (an undated activity is never merged with another)")
            if kind is None or not inspector or date is None:
                continue
            refs.append(ActivityRef(kind, inspector, date,
                                    leader=self.text(fields, "leader", item_where),
                                    leader_context=self.text(fields, "leader_context", item_where),
                                    leader_key=self.key(fields, "leader_key", item_where),
                                    delegation=self.text(fields, "delegation", item_where),
                                    targets=self.texts(fields, "targets", item_where),
                                    document=self.text(fields, "document", item_where),
                                    source=self.text(fields, "source", item_where)))
        return refs if len(refs) == len(node.value) else []

    def resolve_leaders(self, records: Records) -> None:
        """An activity's leader is a person described under people: the one
        its name (and leader_context, leader_key where given) picks out,
        whose context and key it then takes; no one or several is an error.
        Among namesakes of one context, a leader without a key is the one
        described without a key, if there is one."""
        people: dict[str, list[Official]] = {}
        for person in records.officials:
            people.setdefault(fold(person.name), []).append(person)
        for activity in records.activities:
            if not activity.leader:
                continue
            found = people.get(fold(activity.leader), [])
            if activity.leader_context:
                found = [p for p in found if fold(p.context or "") == fold(activity.leader_context)]
            if activity.leader_key:
                found = [p for p in found if p.key == activity.leader_key]
            elif any(p.key is None for p in found):
                found = [p for p in found if p.key is None]
            who = {identity.person_iri(p.name, p.context, p.key): p for p in found}
            if len(who) == 1:
                (person,) = who.values()
                activity.leader_context, activity.leader_key = person.context, person.key
                continue
            named = repr(activity.leader) + (f" in {activity.leader_context}" if activity.leader_context else "")
            if not who:
                keyed = f" with key {activity.leader_key}" if activity.leader_key else ""
                self.refer_error(activity, "leader", f"{named}{keyed} is not described under people: describe "
                                                     "them there (name, context) so that the activity points at them")
            elif len({fold(p.context or "") for p in who.values()}) == 1:
                keys = sorted({p.key for p in who.values() if p.key})
                self.refer_error(activity, "leader", f"{len(who)} people named {named} are described, "
                                                     f"with keys {', '.join(keys)}: give leader_key")
            else:
                contexts = sorted({p.context or "(no context)" for p in who.values()})
                self.refer_error(activity, "leader", f"{len(who)} people named {named} are described, "
                                                     f"in {', '.join(contexts)}: give leader_context")

    def check_references(self, records: Records) -> None:
        """Names that must point at something described in the same file:
        places (parent, successors, jurisdiction, a document's scope) and
        documents (an activity's, a relation's target). A body is named by
        its name or one of its alt_labels, which then stands for its name; a
        body the file does not describe is the one every source names so
        (a body's IRI is its name). A target is a described place, body or
        person, or a place named with its unit word."""
        places = {fold(p.name) for p in records.places}
        for place in records.places:
            for field, name in [("parent", place.parent)] + [("successors", s) for s in place.successors]:
                if name and fold(name) not in places:
                    self.refer_error(place, field, f"{name!r} is not described under places:",
                                     None if field == "parent" else place.successors.index(name))
        orgs = self.org_names(records)
        for org in records.organisations:
            if org.jurisdiction and fold(org.jurisdiction) not in places:
                self.refer_error(org, "jurisdiction", f"{org.jurisdiction!r} is not described under places:")
            org.parent = self.org_ref(org, "parent", org.parent, orgs)
        for membership in records.memberships:
            membership.organisation = self.org_ref(membership, "organisation", membership.organisation, orgs)
        documents = {fold(d.code): d for d in records.documents}
        for doc in records.documents:
            if doc.scope and fold(doc.scope) not in places:
                self.refer_error(doc, "scope", f"{doc.scope!r} is not described under places: "
                                               "(a scope is the place a local code belongs to)")
            doc.issuer = self.org_ref(doc, "issuer", doc.issuer, orgs)
        for link in records.document_links:
            target = documents.get(fold(link.target_code))
            if target is None:
                self.refer_error(link, link.relation.value, f"{link.target_code!r} is not described under "
                                 "documents: (give its code, and its scope if it is a local document)",
                                 self._index_of(link, link.relation.value, link.target_code))
            else:
                link.target_scope = target.scope
        people = {fold(p.name) for p in records.officials}
        for activity in records.activities:
            activity.inspector = self.org_ref(activity, "inspector", activity.inspector, orgs)
            activity.delegation = self.org_ref(activity, "delegation", activity.delegation, orgs)
            if activity.document:
                document = documents.get(fold(activity.document))
                if document is None:
                    self.refer_error(activity, "document", f"{activity.document!r} is not described under "
                                     "documents: (give its code, and its scope if it is a local document)")
                else:
                    activity.document_scope = document.scope
            for index, target in enumerate(activity.targets):
                key = fold(target)
                if key in orgs and key not in places and key not in people:
                    activity.targets[index] = self.org_ref(activity, "targets", target, orgs, index)
                elif key not in places and key not in people and unit_type_of(target) is None:
                    self.refer_error(activity, "targets", f"{target!r} is not described under places:, "
                                     "organisations: or people:, and is not a place named with its unit word "
                                     "(xã …, huyện …)", index)

    def org_names(self, records: Records) -> dict[str, list[str]]:
        """Folded name or alt label -> the names of the bodies it stands for."""
        names: dict[str, list[str]] = {}
        for org in records.organisations:
            names.setdefault(fold(org.name), []).insert(0, org.name)   # a name before any alt label
        for org in records.organisations:
            for alt in org.alt_labels:
                if org.name not in names.setdefault(fold(alt), []):
                    names[fold(alt)].append(org.name)
        return names

    def org_ref(self, record, field: str, name: str | None, orgs: dict[str, list[str]],
                index: int | None = None) -> str | None:
        """The described body ``name`` stands for (by name, else by alt
        label), or ``name`` itself when the file does not describe it."""
        if not name:
            return name
        found = orgs.get(fold(name), [])
        if not found or fold(found[0]) == fold(name):
            return found[0] if found else name
        if len(found) > 1:
            self.refer_error(record, field, f"{name!r} is an alt_label of {len(found)} organisations "
                                            f"({', '.join(found)}): give the name", index)
            return name
        return found[0]

    def _index_of(self, record, field: str, value: str) -> int | None:
        fields, _ = self.origin[id(record)]
        node = fields.get(field)
        items = node.value if node is not None and isinstance(node.value, list) else []
        return next((i for i, item in enumerate(items) if normalize(str(item.value)).strip() == value), None)


def _days(value) -> tuple[dt.date, dt.date]:
    """The first and last day a full or partial date stands for."""
    if isinstance(value, dt.date):
        return value, value
    if isinstance(value, YearMonth):
        following = dt.date(value.year + value.month // 12, value.month % 12 + 1, 1)
        return dt.date(value.year, value.month, 1), following - dt.timedelta(days=1)
    return dt.date(value, 1, 1), dt.date(value, 12, 31)


def read_curated(path: Path) -> Records:
    """The records of one curated YAML file, or SourceErrors listing every problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(path, f"not UTF-8 text (byte {exc.start})",
                          hint="save the file as UTF-8") from None
    try:
        root = compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        what = exc.problem if isinstance(exc, Refused) else f"YAML syntax: {exc.problem}"
        if exc.context:
            what += f" ({exc.context}" + (f" at line {exc.context_mark.line + 1})" if exc.context_mark else ")")
        raise SourceError(path, what, line=mark.line + 1 if mark else None,
                          hint="nothing was read from this file") from None
    except yaml.reader.ReaderError as exc:   # a control character, before any parsing
        raise SourceError(path, f"character #x{exc.character:04x} is not allowed in YAML",
                          line=text.count("\n", 0, exc.position) + 1,
                          hint="remove it (a control character, or a stray byte)") from None
    if root is None:
        raise SourceError(path, "the file is empty", hint="see the README for the curated format")
    problems: list[tuple[int, str]] = []
    reader = _Reader(path)
    records = reader.read(to_nodes(root, problems))
    errors = [SourceError(path, message, line=line) for line, message in problems] + reader.errors
    if errors:
        raise SourceErrors(sorted(errors, key=lambda e: e.line or 0))
    return records
