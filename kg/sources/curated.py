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
    SameAs, Source, SourceKind, UnitLevel, parse_partial_date,
)
from kg.text import fold, normalize, slug

SECTIONS = ("source", "places", "organisations", "people", "documents", "activities",
            "same_as", "different_from", "same_activity", "different_activities")
# the fields of a reference to a reported activity (same_activity, different_activities)
ACTIVITY_REF_FIELDS = ("kind", "inspector", "date", "leader", "leader_context", "leader_key",
                       "delegation", "targets", "document", "source")


class _Node:
    """A YAML value with the line it starts on (1-based)."""

    def __init__(self, value: Any, line: int):
        self.value, self.line = value, line


def _compose(node: yaml.Node) -> _Node:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        return _Node({k.value: _compose(v) for k, v in node.value}, line)
    if isinstance(node, yaml.SequenceNode):
        return _Node([_compose(v) for v in node.value], line)
    # scalars: let PyYAML resolve the type (dates, numbers, null) as it would
    return _Node(yaml.SafeLoader("").construct_object(node, deep=True), line)


class _Reader:
    """Turns the composed YAML into records, collecting every problem."""

    def __init__(self, path: Path):
        self.path = path
        self.errors: list[SourceError] = []
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
            self.error(node, f"{where}.{key}", str(exc))
            return None
        if not partial and not isinstance(parsed, dt.date):
            self.error(node, f"{where}.{key}", "needs a full date, YYYY-MM-DD")
            return None
        return parsed

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
        self.check_references(records, top)
        self.check_people(records, top)
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
        return Place(name or "", unit_type or "", level or UnitLevel.COMMUNE,
                     parent=self.text(fields, "parent", where),
                     code=None if code is None or code.value is None else str(code.value),
                     era=self.text(fields, "era", where),
                     valid_from=self.date(fields, "valid_from", where, partial=True),
                     valid_through=self.date(fields, "valid_through", where, partial=True),
                     successors=self.texts(fields, "successors", where),
                     evidence=self.evidence(fields, where))

    def organisation(self, node: _Node, where: str, records: Records) -> Organisation | None:
        self._parent_line = node
        fields = self.mapping(node, where, ("name", "kind", "parent", "jurisdiction", "alt_labels", "evidence"))
        if fields is None:
            return None
        return Organisation(self.text(fields, "name", where, required=True) or "",
                            kind=self.choice(fields, "kind", where, OrgKind, default=OrgKind.ORGANISATION),
                            parent=self.text(fields, "parent", where),
                            jurisdiction=self.text(fields, "jurisdiction", where),
                            alt_labels=self.texts(fields, "alt_labels", where),
                            evidence=self.evidence(fields, where))

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
            records.memberships.append(Membership(
                name, role.key if role else "", self.text(post_fields, "organisation", post_where, required=True) or "",
                person_context=context,
                valid_from=self.date(post_fields, "from", post_where, partial=True),
                valid_through=self.date(post_fields, "until", post_where, partial=True),
                attested_on=self.date(post_fields, "attested_on", post_where),
                evidence=self.evidence(post_fields, post_where), person_key=key))

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
                records.document_links.append(DocumentLink(code, relation, target, source_scope=scope))
        return Document(code, doc_type.key if doc_type else None,
                        issuer=self.text(fields, "issuer", where),
                        date=self.date(fields, "date", where),
                        subject=self.text(fields, "subject", where), scope=scope,
                        evidence=self.evidence(fields, where))

    def activity(self, node: _Node, where: str, records: Records) -> Activity | None:
        self._parent_line = node
        fields = self.mapping(node, where, ("kind", "inspector", "delegation", "leader", "leader_context",
                                            "leader_key", "targets", "document", "date", "end_date", "topic",
                                            "evidence"))
        if fields is None:
            return None
        kind = self.choice(fields, "kind", where, ActivityKind)
        targets = self.texts(fields, "targets", where)
        if not targets:
            self.error(fields.get("targets") or node, f"{where}.targets", "at least one target is required")
        return Activity(kind or ActivityKind.INSPECTION,
                        self.text(fields, "inspector", where, required=True) or "",
                        targets=targets,
                        delegation=self.text(fields, "delegation", where),
                        leader=self.text(fields, "leader", where),
                        leader_context=self.text(fields, "leader_context", where),
                        leader_key=self.key(fields, "leader_key", where),
                        document=self.text(fields, "document", where),
                        date=self.date(fields, "date", where),
                        end_date=self.date(fields, "end_date", where),
                        topic=self.text(fields, "topic", where),
                        evidence=self.evidence(fields, where))

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

    def check_people(self, records: Records, top: dict[str, _Node]) -> None:
        """A leader named without a key, where the file describes namesakes of
        that name and context only with keys: the one, or an error."""
        keyed: dict[tuple[str, str], list[str | None]] = {}
        for person in records.officials:
            keyed.setdefault((fold(person.name), fold(person.context or "")), []).append(person.key)
        nodes = self.items(top, "activities")
        for index, activity in enumerate(records.activities):
            if not activity.leader or activity.leader_key:
                continue
            keys = keyed.get((fold(activity.leader), fold(activity.leader_context or "")), [])
            if not keys or None in keys:
                continue
            if len(set(keys)) == 1:
                activity.leader_key = keys[0]
            else:
                node = nodes[index] if index < len(nodes) else None
                field_node = node.value.get("leader") if node and isinstance(node.value, dict) else node
                self.error(field_node, f"activities[{index}].leader",
                           f"{len(set(keys))} people named {activity.leader!r} "
                           f"{'in ' + activity.leader_context + ' ' if activity.leader_context else ''}"
                           f"are described, with keys {', '.join(sorted(set(keys)))}: give leader_key")

    def check_references(self, records: Records, top: dict[str, _Node]) -> None:
        """Names that must point at something described in the same file."""
        places = {fold(p.name) for p in records.places}
        for index, (place, node) in enumerate(zip(records.places, self.items(top, "places"))):
            for field, name in [("parent", place.parent)] + [("successors", s) for s in place.successors]:
                if name and fold(name) not in places:
                    self.error(node.value.get(field), f"places[{index}].{field}",
                               f"{name!r} is not described under places:")
        for index, (org, node) in enumerate(zip(records.organisations, self.items(top, "organisations"))):
            if org.jurisdiction and fold(org.jurisdiction) not in places:
                self.error(node.value.get("jurisdiction"), f"organisations[{index}].jurisdiction",
                           f"{org.jurisdiction!r} is not described under places:")
        scopes = {fold(d.code): d.scope for d in records.documents}
        for link in records.document_links:
            link.target_scope = scopes.get(fold(link.target_code))
        for activity in records.activities:
            if activity.document:
                activity.document_scope = scopes.get(fold(activity.document))


def read_curated(path: Path) -> Records:
    """The records of one curated YAML file, or SourceErrors listing every problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(path, f"not UTF-8 text (byte {exc.start})",
                          hint="save the file as UTF-8") from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise SourceError(path, f"YAML syntax: {exc.problem}", line=mark.line + 1 if mark else None) from None
    if root is None:
        raise SourceError(path, "the file is empty", hint="see the README for the curated format")
    reader = _Reader(path)
    records = reader.read(_compose(root))
    if reader.errors:
        raise SourceErrors(reader.errors)
    return records
