"""What each entity's page shows, as data for one template: a title, the
entity's facts, and sections of rows whose cells are text, links to other
pages, or (http(s) only) links out to a source.

Every page kind reads bounded queries (LIMIT) by the entity's IRI, so that a
page answers in milliseconds whatever the size of the graph.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.explore import sparql
from kg.explore.links import Kind, external_url, href, kind_of
from kg.schema import schema
from kg.vocab import PREFIXES

PARTY = PREFIXES["party"]
ELI = PREFIXES["eli"]
# class or property IRI -> the schema's value ("inspection", "continues"), and value -> Vietnamese word
ACTIVITY_KINDS = {entry.iri: entry.value for entry in schema().activity_kinds}
ACTIVITY_WORDS = {entry.value: entry.vi for entry in schema().activity_kinds}
RELATIONS = {entry.iri: entry.value for entry in schema().document_relations}
RELATION_WORDS = {entry.value: entry.vi for entry in schema().document_relations}


def text(value: object) -> dict:
    return {"text": "" if value is None else str(value)}


def link(iri: str | None, label: str | None = None) -> dict:
    if not iri:
        return text(label)
    return {"text": label or iri.rsplit("/", 1)[-1], "href": href(iri)}


def out_link(url: str | None, label: str | None = None) -> dict:
    """A source's address: a link out if http(s), else plain text."""
    return {"text": label or url or "", "url": external_url(url)}


@dataclass
class Section:
    id: str
    title: str
    columns: list[str]
    rows: list[list[dict]] = field(default_factory=list)
    note: str | None = None


@dataclass
class Page:
    iri: str
    kind: Kind
    title: str
    facts: list[tuple[str, list[dict]]] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


class NotFound(Exception):
    """Nothing in the graph is or points at the IRI."""


def _node(iri: str) -> dict:
    return {"x": ox.NamedNode(iri)}


def page(store, iri: str, *, on: str | None = None) -> Page:
    """The page for ``iri``; ``on`` (YYYY-MM-DD) is the date for a body's holders."""
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        raise NotFound(iri) from None
    types = [r["type"] for r in sparql.select(store, "types", x=node)]
    props = sorted(sparql.select(store, "properties", x=node), key=lambda r: (r["p"], r["o"]))
    if not types and not props and not sparql.select(store, "exists", x=node):
        raise NotFound(iri)
    kind = kind_of(types, iri)
    by_prop: dict[str, list[dict]] = defaultdict(list)
    for row in props:
        by_prop[row["p"]].append(row)
    title = _first(by_prop, "http://www.w3.org/2000/01/rdf-schema#label") or _first(by_prop, ELI + "id_local") \
        or iri.rsplit("/", 1)[-1]
    result = Page(iri, kind, title)
    BUILDERS.get(kind.name, _generic)(store, result, by_prop, on)
    return result


def _first(by_prop: dict[str, list[dict]], prop: str) -> str | None:
    rows = by_prop.get(prop)
    return rows[0]["o"] if rows else None


def _fact(result: Page, label: str, by_prop, prop: str, *, linked: bool = False) -> None:
    values = [_value(r) if linked else text(r["o"]) for r in by_prop.get(prop, [])]
    if values:
        result.facts.append((label, values))


def _value(row: dict) -> dict:
    """An object: a link to its page if it is a node, else its text."""
    return link(row["o"], row["oLabel"]) if row["iri"] == "true" else text(row["o"])


def _activity_rows(store, iri: str) -> dict[str, list[list[dict]]]:
    """The activities ``iri`` took part in, by its role in them."""
    by_role: dict[str, list[list[dict]]] = defaultdict(list)
    for r in sparql.select(store, "activities-of", x=ox.NamedNode(iri)):
        kind = ACTIVITY_WORDS[ACTIVITY_KINDS[r["class"]]]
        by_role[r["role"]].append([
            link(r["activity"], r["date"] or "—"), text(kind), link(r["inspector"], r["inspectorLabel"]),
            link(r["leader"], r["leaderLabel"]) if r["leader"] else text(""), text(r["code"])])
    return by_role


ACTIVITY_COLUMNS = ["Ngày (date)", "Loại (kind)", "Chủ thể (inspector)", "Trưởng đoàn (leader)",
                    "Văn bản (document)"]


def _sources_section(store, fact: str, title: str = "Nguồn và câu chứng cứ (sources and sentences)") -> Section:
    section = Section("sources", title, ["Nguồn (source)", "Ngày đăng (published)", "Câu (sentence)", "Địa chỉ (URL)"])
    for r in sparql.select(store, "fact-sources", fact=ox.NamedNode(fact)):
        section.rows.append([link(r["source"], r["title"]), text(r["published"]), text(r["sentence"]),
                             out_link(r["url"])])
    return section


# entity kind -> what its page shows; a kind without one gets the generic page
BUILDERS: dict[str, Callable[..., None]] = {}


def builds(kind: str):
    """Registers the decorated function as the page builder of ``kind``."""
    def register(function):
        BUILDERS[kind] = function
        return function
    return register


@builds("official")
def _official(store, result: Page, by_prop, on) -> None:
    person = ox.NamedNode(result.iri)
    _fact(result, "Danh xưng (honorific)", by_prop, "http://schema.org/honorificPrefix")
    _fact(result, "Cùng người (same as)", by_prop, "http://www.w3.org/2002/07/owl#sameAs", linked=True)
    posts = Section("posts", "Chức vụ theo thời gian (posts over time)",
                    ["Từ (from)", "Đến (until)", "Nguồn nêu (attested)", "Chức vụ (post)", "Cơ quan (body)"])
    held = sparql.select(store, "official-posts", person=person)
    for r in held:
        attested = " – ".join(dict.fromkeys(v for v in (r["first"], r["last"]) if v))
        posts.rows.append([link(r["membership"], r["from"] or "?"), text(r["until"] or ""), text(attested),
                           link(r["post"], r["postLabel"]), link(r["org"], r["orgLabel"])])
    result.sections.append(posts)
    roles = _activity_rows(store, result.iri)
    result.sections.append(Section("led", "Hoạt động làm trưởng đoàn (activities led)", ACTIVITY_COLUMNS,
                                   roles.get("leader", [])))
    if roles.get("target"):
        result.sections.append(Section("received", "Bị kiểm tra (inspected)", ACTIVITY_COLUMNS, roles["target"]))
    labels = {r["membership"]: r["postLabel"] for r in held}
    sources = Section("sources", "Nguồn và câu chứng cứ (sources and sentences)",
                      ["Chức vụ (post)", "Nguồn (source)", "Câu (sentence)", "Địa chỉ (URL)"])
    for r in sparql.select(store, "official-post-sources", person=person):
        sources.rows.append([link(r["membership"], labels.get(r["membership"])), link(r["source"], r["title"]),
                             text(r["sentence"]), out_link(r["url"])])
    result.sections.append(sources)


def _current(row: dict, on: str) -> bool:
    """Whether a holding whose dates may be a year, a month or a day is current on ``on``."""
    start, end = row["from"], row["until"]
    return (not start or start <= on[:len(start)]) and (not end or end >= on[:len(end)])


@builds("body")
def _body(store, result: Page, by_prop, on) -> None:
    org = ox.NamedNode(result.iri)
    _fact(result, "Tên khác (also called)", by_prop, "http://www.w3.org/2004/02/skos/core#altLabel")
    _fact(result, "Trực thuộc (part of)", by_prop, "http://www.w3.org/ns/org#subOrganizationOf", linked=True)
    _fact(result, "Địa bàn (jurisdiction)", by_prop, PARTY + "jurisdiction", linked=True)
    children = Section("children", "Cơ quan trực thuộc (sub-bodies)", ["Tên (name)"])
    children.rows = [[link(r["child"], r["label"])] for r in sparql.select(store, "children", x=org)]
    result.sections.append(children)
    on = on or dt.date.today().isoformat()
    holders = Section("holders", f"Người giữ chức vụ ngày {on} (post holders on {on})",
                      ["Chức vụ (post)", "Người (official)", "Từ (from)", "Đến (until)", "Nguồn nêu gần nhất (last attested)"])
    for r in sparql.select(store, "body-holders", org=org):
        if _current(r, on):
            holders.rows.append([text(r["postLabel"]), link(r["person"], r["name"]), text(r["from"]),
                                 text(r["until"]), text(r["last"])])
    result.sections.append(holders)
    docs = Section("documents", "Văn bản ban hành (documents issued)", ["Số hiệu (code)", "Ngày (date)", "Tên (title)"])
    docs.rows = [[link(r["doc"], r["code"]), text(r["date"]), text(r["label"])]
                 for r in sparql.select(store, "body-documents", org=org)]
    result.sections.append(docs)
    roles = _activity_rows(store, result.iri)
    result.sections.append(_by_year("done", "Kiểm tra, giám sát đã thực hiện (inspections done)",
                                    roles.get("inspector", [])))
    result.sections.append(_by_year("received", "Kiểm tra, giám sát nhận (inspections received)",
                                    roles.get("target", [])))


def _by_year(id_: str, title: str, rows: list[list[dict]]) -> Section:
    """Activities newest first, with how many per year in the note."""
    years: dict[str, int] = defaultdict(int)
    for row in rows:
        years[row[0]["text"][:4]] += 1
    note = ", ".join(f"{year}: {count}" for year, count in sorted(years.items(), reverse=True)) or None
    return Section(id_, title, ACTIVITY_COLUMNS, rows, note)


@builds("unit")
def _unit(store, result: Page, by_prop, on) -> None:
    unit = ox.NamedNode(result.iri)
    _fact(result, "Loại (unit type)", by_prop, PARTY + "unitType")
    _fact(result, "Thời kỳ (era)", by_prop, PARTY + "era")
    _fact(result, "Mã (code)", by_prop, "http://www.w3.org/2004/02/skos/core#notation")
    _fact(result, "Từ (valid from)", by_prop, "http://schema.org/validFrom")
    _fact(result, "Đến (valid through)", by_prop, "http://schema.org/validThrough")
    _fact(result, "Thuộc (part of)", by_prop, "http://schema.org/containedInPlace", linked=True)
    children = Section("children", "Đơn vị trực thuộc (units within)", ["Tên (name)"])
    children.rows = [[link(r["child"], r["label"])] for r in sparql.select(store, "children", x=unit)]
    result.sections.append(children)
    lineage = Section("lineage", "Trước và sau sắp xếp 1/7/2025 (before and after the 2025 reform)",
                      ["Quan hệ (relation)", "Đơn vị (unit)", "Thời kỳ (era)"])
    words = {"successor": "Đơn vị kế thừa (successor)", "predecessor": "Đơn vị trước (predecessor)"}
    lineage.rows = [[text(words[r["direction"]]), link(r["other"], r["label"]), text(r["era"])]
                    for r in sparql.select(store, "unit-lineage", x=unit)]
    result.sections.append(lineage)
    bodies = Section("bodies", "Cơ quan phụ trách địa bàn (bodies with jurisdiction)", ["Tên (name)"])
    bodies.rows = [[link(r["body"], r["label"])] for r in sparql.select(store, "unit-bodies", x=unit)]
    result.sections.append(bodies)
    roles = _activity_rows(store, result.iri)
    result.sections.append(_by_year("received", "Kiểm tra, giám sát nhận (inspections received)",
                                    roles.get("target", [])))


@builds("document")
def _document(store, result: Page, by_prop, on) -> None:
    doc = ox.NamedNode(result.iri)
    _fact(result, "Số hiệu (code)", by_prop, ELI + "id_local")
    _fact(result, "Cơ quan ban hành (issuer)", by_prop, ELI + "passed_by", linked=True)
    _fact(result, "Ngày (date)", by_prop, ELI + "date_document")
    _fact(result, "Trích yếu (subject)", by_prop, "http://purl.org/dc/terms/subject")
    _fact(result, "Phạm vi (scope)", by_prop, PARTY + "scope", linked=True)
    if not by_prop:
        result.facts.append(("Ghi chú (note)", [text("Chỉ được trích dẫn, chưa có mô tả (cited only)")]))
    lineage = Section("lineage", "Văn bản liên quan (lineage)", ["Quan hệ (relation)", "Văn bản (document)"])
    for r in sparql.select(store, "document-links", x=doc):
        words = RELATION_WORDS[RELATIONS[r["p"]]]
        relation = words if r["direction"] == "out" else f"được {words} bởi (by)"
        lineage.rows.append([text(relation), link(r["other"], r["code"])])
    result.sections.append(lineage)
    roles = _activity_rows(store, result.iri)
    result.sections.append(_by_year("activities", "Hoạt động theo văn bản (activities under it)",
                                    roles.get("document", [])))
    result.sections.append(_sources_section(store, result.iri))


@builds("activity")
def _activity(store, result: Page, by_prop, on) -> None:
    kinds = [ACTIVITY_WORDS[ACTIVITY_KINDS[r["o"]]] for r in by_prop.get(
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", []) if r["o"] in ACTIVITY_KINDS]
    if kinds:
        result.facts.append(("Loại (kind)", [text(k) for k in kinds]))
    _fact(result, "Chủ thể (inspector)", by_prop, PARTY + "inspector", linked=True)
    _fact(result, "Đoàn (delegation)", by_prop, PARTY + "delegation", linked=True)
    _fact(result, "Trưởng đoàn (leader)", by_prop, PARTY + "leader", linked=True)
    targets = [link(r["target"], r["label"]) for r in sparql.select(store, "activity-targets",
                                                                    activity=ox.NamedNode(result.iri))]
    if targets:
        result.facts.append(("Đối tượng (targets)", targets))
    _fact(result, "Văn bản (document)", by_prop, PARTY + "underDocument", linked=True)
    _fact(result, "Ngày (date)", by_prop, "http://schema.org/startDate")
    _fact(result, "Nội dung (topic)", by_prop, PARTY + "topic")
    result.sections.append(_sources_section(store, result.iri, "Các bài đưa tin (every report of it)"))


@builds("source")
def _source(store, result: Page, by_prop, on) -> None:
    _fact(result, "Tiêu đề (title)", by_prop, "http://purl.org/dc/terms/title")
    _fact(result, "Ngày đăng (published)", by_prop, "http://purl.org/dc/terms/issued")
    urls = [out_link(r["o"]) for r in by_prop.get("http://schema.org/url", [])]
    if urls:
        result.facts.append(("Địa chỉ (URL)", urls))
    facts = Section("facts", "Điều nguồn này nêu (facts it states)", ["Mục (fact)"])
    rows = sparql.select(store, "source-facts", x=ox.NamedNode(result.iri))
    facts.rows = [[link(r["fact"], r["label"])] for r in sorted(rows, key=lambda r: (r["label"] or "", r["fact"]))]
    result.sections.append(facts)


@builds("membership")
def _membership(store, result: Page, by_prop, on) -> None:
    _fact(result, "Người (official)", by_prop, "http://www.w3.org/ns/org#member", linked=True)
    _fact(result, "Chức vụ (post)", by_prop, "http://www.w3.org/ns/opengov#post", linked=True)
    _fact(result, "Cơ quan (body)", by_prop, "http://www.w3.org/ns/org#organization", linked=True)
    _fact(result, "Từ (from)", by_prop, "http://schema.org/validFrom")
    _fact(result, "Đến (until)", by_prop, "http://schema.org/validThrough")
    _fact(result, "Nguồn nêu (attested on)", by_prop, PARTY + "attestedOn")
    result.sections.append(_sources_section(store, result.iri))


def _generic(store, result: Page, by_prop, on) -> None:
    """Any other node (a post, a class, a concept): its statements both ways."""
    out = Section("statements", "Thuộc tính (statements)", ["Thuộc tính (property)", "Giá trị (value)"])
    for prop, rows in by_prop.items():
        out.rows += [[text(_short(prop)), _value(r)] for r in rows]
    result.sections.append(out)
    into = Section("incoming", "Được nêu bởi (pointed at by)", ["Thuộc tính (property)", "Từ (from)"])
    incoming = sparql.select(store, "incoming", x=ox.NamedNode(result.iri))
    into.rows = [[text(_short(r["p"])), link(r["s"], r["sLabel"])]
                 for r in sorted(incoming, key=lambda r: (r["p"], r["sLabel"] or "", r["s"]))]
    result.sections.append(into)


def _short(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def describe(store, iri: str) -> list[ox.Triple]:
    """The entity's own statements in the facts, for Turtle and JSON-LD."""
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        raise NotFound(iri) from None
    if not sparql.select(store, "exists", x=node):
        raise NotFound(iri)
    return sparql.construct(store, "describe", x=node)
