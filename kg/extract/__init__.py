"""The rule-based extractor: one article in, the facts of the record model out,
each with the sentence that states it.

    from kg.extract import extract
    result = extract(article)
    result.records      # kg.model.Records
    result.warnings     # what was left unresolved, and why
    result.to_json()    # the evaluation shape, with "evidence" beside each fact

The stages live in their own modules: ``normalise`` (working text, sentences,
dates), ``places``, ``bodies``, ``people``, ``documents`` and ``events``;
their vocabularies are the CSV tables in ``kg/tables/``.
"""
from __future__ import annotations

import bisect
import datetime as dt
import os
import re
from dataclasses import dataclass, field

from kg.model import (Activity, ActivityKind, Document, DocumentLink, Evidence, Membership,
                      Official, Organisation, OrgKind, Records, Relation, Source, SourceKind)
from kg.schema import fallback_activity_kind, specific_activity_kinds
from kg.sources.articles import Article
from kg.sources.headlines import lead_start

from . import documents as docs_mod
from . import events as events_mod
from .bodies import BodyRef, find_bodies, parse_body, resolve
from .lexicon import first_guard, fold, lexicon
from .normalise import Sentence, dates_in, split_sentences, working_text
from .people import PersonMention, byline, find_people
from .places import REFORM_DAY, Context, build_places, resolve_places, scan_places

__all__ = ["Extraction", "extract"]


@dataclass
class Extraction:
    records: Records
    warnings: list[str] = field(default_factory=list)
    _json: dict = field(default_factory=dict, repr=False)

    def to_json(self) -> dict:
        """The evaluation shape (``article``, ``persons``, ``documents``,
        ``document_relations``, ``events``, ``places``) with an ``evidence``
        object ({"sentence", "start", "end"}) beside each fact."""
        return self._json


_ORGAN_SCAN = None


def _known_organs(text: str) -> frozenset[str]:
    global _ORGAN_SCAN
    lx = lexicon()
    if _ORGAN_SCAN is None:
        _ORGAN_SCAN = re.compile(rf"{first_guard(lx.organ_re)}(?<!\w)(?i:{lx.organ_re})(?!\w)")
    return frozenset(lx.organs[fold(re.sub(r"\s+", " ", m.group(0)))][0] for m in _ORGAN_SCAN.finditer(text))


def extract(article: Article) -> Extraction:
    T = working_text(article.text)
    E = T.text
    warnings: list[str] = []
    title_start, title_end = _title_span(E, bool(article.title))
    title = Sentence(title_start, title_end, E[title_start:title_end], -1, -1)
    body = split_sentences(E, title_end)
    # the reader put the page's own date (a marker or dateline) here when nothing else dated it
    published = article.published
    everything = [title] + body

    spans: dict[tuple[int, int], tuple[str, int, int]] = {}   # a sentence's article text and offsets

    def evidence(s: Sentence | None) -> Evidence:
        if s is None:
            return Evidence(source=article.key)
        span = spans.get((s.start, s.end))
        if span is None:
            a, b = T.orig(s.start), T.orig(s.end)
            span = spans[s.start, s.end] = (article.text[a:b], a, b)
        return Evidence(source=article.key, sentence=span[0], start=span[1], end=span[2])

    # --- the article's date and era ------------------------------------------
    full_dates = sorted(d.date() for d in dates_in(E) if d.year and d.date())
    ref_date = published or (full_dates[-1] if full_dates else None)
    ctx = Context(era="2025" if ref_date and ref_date >= REFORM_DAY else "pre2025")
    for m in scan_places(E):
        ctx.add(m.pos, m.unit_type, m.name)
    ctx.finish()
    known = _known_organs(E)

    # --- documents --------------------------------------------------------------
    mentions = docs_mod.find_documents(E, 0, ctx, known)
    docs_mod.date_undated(mentions, published)
    bodies = find_bodies(E, title_end, len(E), known)
    docs_mod.apply_issuing_subjects(E, body, mentions, ctx, known, bodies)
    starts = [s.start for s in everything]

    def sent_of(pos: int) -> Sentence | None:
        k = bisect.bisect_right(starts, pos) - 1
        return everything[k] if k >= 0 else None

    # --- people -------------------------------------------------------------------
    pms = find_people(E, everything, ctx, known, title_end)
    bl = byline(E, title_end, ctx, known)
    if bl is not None and not any(p.start == bl.start for p in pms):
        pms.append(bl)
    full_names = _full_names(pms)
    people: dict[str, dict] = {}
    for pm in sorted(pms, key=lambda p: p.start):
        name = _canonical_person(pm.name, full_names)
        if name is None:
            continue
        pm.name = name
        rec = people.setdefault(name, {"posts": [], "post_objs": [], "rank": pm.rank, "s": sent_of(pm.start)})
        for post in pm.posts:
            if post.label not in rec["posts"]:
                rec["posts"].append(post.label)
                rec["post_objs"].append((post, sent_of(post.start)))
        rec["rank"] = rec["rank"] or pm.rank
    pms = [p for p in pms if p.name in people]

    # --- events ---------------------------------------------------------------------
    evs, frame = events_mod.find_events(E, body, title, ctx, pms, mentions, known, bodies)
    title_body = _title_body(E, title, ctx, known)
    directive, directive_s = _directive(E, body, mentions)
    span, topic_s = events_mod.topic(E, body, evs, mentions, known) if evs else (None, None)
    # the topic in the article's own words: abbreviations stay as printed
    topic = article.text[T.orig(span[0]):T.orig(span[1])] if span else None
    dir_mention = next((d for d in mentions if d.code == directive), None)
    dir_date = _merged_date(mentions, directive) if directive else None
    year_hint = max((d.year for d in full_dates), default=None)
    for ev in evs:
        ev.inspector = ev.inspector or frame["inspector"] or title_body or (
            dir_mention.issuer if dir_mention else None)
        ev.kind = ev.kind if ev.kind in specific_activity_kinds() else (
            frame["kind"] if frame["kind"] in specific_activity_kinds() else ev.kind or frame["kind"])
        if ev.date is not None:
            d, mth, y = ev.date
            # last resort: the year its own sentence names ("… quyết định kiểm tra năm 2026 …")
            own = _YEAR_WORD.search(E, ev.sentences[0].start, ev.sentences[0].end) if ev.sentences else None
            ev.date = _infer_date(d, mth, y, published, dir_date, year_hint or (int(own.group(1)) if own else None),
                                  warnings)

    # --- places -------------------------------------------------------------------------
    places = build_places(ctx, ctx.mentions)
    resolve_places(places, ctx, warnings)

    # --- records ---------------------------------------------------------------------------
    prov = ctx.province()
    context = prov.full if prov else None
    source = Source(key=article.key, kind=SourceKind.ARTICLE, title=article.title, url=article.url,
                    published=published, path=article.path)
    records = Records(source=source)
    place_ev = {}
    for m in ctx.mentions:
        place_ev.setdefault(m.full, sent_of(m.pos))
    for p in places:
        p.evidence.append(evidence(place_ev.get(p.name)))
    records.places = places

    orgs: dict[str, Organisation] = {}

    def org(ref: BodyRef | None, s: Sentence | None) -> str | None:
        if ref is None or not ref.canonical():
            return None
        name = ref.canonical()
        if name not in orgs:
            parent = None
            if ref.organs and (ref.committee or ref.head):
                parent = BodyRef(0, 0, committee=ref.committee, head=ref.head,
                                 unit_type=ref.unit_type, name=ref.name).canonical()
            p = ref.place()
            # named without its place: this source's own body (Organisation.scope)
            scope = source.key if ref.needs_place else None
            orgs[name] = Organisation(name=name, kind=ref.org_kind(), parent=parent,
                                      jurisdiction=f"{p[0]} {p[1]}" if p else None, scope=scope)
            if parent and scope and parent not in orgs:
                orgs[parent] = Organisation(parent, OrgKind.PARTY_COMMITTEE, scope=scope)
            if ref.truncated:
                warnings.append(f"body {ref.truncated!r} read as {ref.organs[-1]!r}")
        if s is not None:
            orgs[name].evidence.append(evidence(s))
        return name

    persons_json = []
    for name, rec in people.items():
        records.officials.append(Official(name=name, context=context,
                                          honorifics=[rec["rank"]] if rec["rank"] else [],
                                          evidence=[evidence(rec["s"])]))
        for post, s in rec["post_objs"]:
            records.memberships.append(Membership(
                person=name, role=post.role, organisation=org(post.body, s), person_context=context,
                attested_on=published, evidence=[evidence(s)]))
        persons_json.append({"name": name, "posts": rec["posts"], "evidence": _ej(evidence(rec["s"]))})

    # documents, merged by code
    by_code: dict[str, dict] = {}
    types = _type_labels()
    for d in mentions:
        if d.anaphor:
            continue
        rec = by_code.setdefault(d.code, {"type": None, "ctype": None, "issuer": None, "date": None,
                                          "s": sent_of(d.start)})
        rec["type"] = rec["type"] or d.type_key
        rec["ctype"] = rec["ctype"] or d.code_type
        rec["issuer"] = rec["issuer"] or d.issuer
        rec["date"] = rec["date"] or d.date
    docs_json = []
    for code, rec in by_code.items():
        key = rec["type"] or rec["ctype"]
        issuer = org(rec["issuer"], rec["s"])
        if rec["issuer"] is not None and issuer and "/" in code:
            iss_code = code.split("/", 1)[1]
            # a department's code names it (BTGTU is Ban Tuyên giáo Tỉnh ủy); a
            # level's code (TU, HU) names a whole committee, so it is no alias
            if orgs[issuer].kind is OrgKind.PARTY_AGENCY and "-" not in iss_code and iss_code != "TW" \
                    and iss_code not in orgs[issuer].alt_labels:
                orgs[issuer].alt_labels.append(iss_code)
        scope = docs_mod.scope_of(code, rec["issuer"], ctx)
        records.documents.append(Document(code=code, doc_type=key, issuer=issuer, date=rec["date"],
                                          scope=scope, evidence=[evidence(rec["s"])]))
        docs_json.append({"code": code, "type": types.get(key), "issuer": issuer,
                          "date": rec["date"].isoformat() if rec["date"] else None,
                          "evidence": _ej(evidence(rec["s"]))})
    scopes = {d.code: d.scope for d in records.documents}
    links = docs_mod.find_links(E, body, mentions)
    rel_json, seen_links = [], set()
    for ln in links:
        k = (ln.source, ln.relation, ln.target)
        if k in seen_links:
            continue
        seen_links.add(k)
        records.document_links.append(DocumentLink(ln.source, Relation(ln.relation), ln.target,
                                                   scopes.get(ln.source), scopes.get(ln.target),
                                                   [evidence(ln.sentence)]))
        rel_json.append({"from": ln.source, "relation": ln.relation, "to": ln.target,
                         "evidence": _ej(evidence(ln.sentence))})

    events_json = []
    for ev in evs:
        s = ev.sentences[0] if ev.sentences else None
        inspector = org(ev.inspector, s)
        if ev.date is None:
            warnings.append("an activity with no day stated: its date is left empty")
        if inspector is None:
            warnings.append("an activity whose inspecting body is not named")
        delegation = None
        if ev.delegation and inspector:
            # the delegation is a body of its own, named after the body it acts for
            delegation = f"{ev.delegation[0].upper()}{ev.delegation[1:]} của {inspector}"
            orgs.setdefault(delegation, Organisation(delegation, OrgKind.DELEGATION, parent=inspector,
                                                     scope=orgs[inspector].scope if inspector in orgs else None))
            orgs[delegation].evidence.append(evidence(s))
        act = Activity(kind=ActivityKind(ev.kind or fallback_activity_kind()), inspector=inspector or "",
                       targets=list(ev.targets), delegation=delegation, leader=ev.leader,
                       leader_context=context if ev.leader else None, document=directive,
                       document_scope=scopes.get(directive) if directive else None,
                       date=ev.date, topic=topic,
                       evidence=[evidence(x) for x in ev.sentences])
        records.activities.append(act)
        events_json.append({"kind": act.kind.value, "date": ev.date.isoformat() if ev.date else None,
                            "inspector": inspector, "leader": ev.leader, "targets": list(ev.targets),
                            "directive": directive, "topic": topic, "evidence": _ej(evidence(s))})
    _add_parent_committees(orgs, places)
    records.organisations = list(orgs.values())
    places_json = [{"name": p.name, "type": p.unit_type, "parent": p.parent,
                    "evidence": _ej(p.evidence[0]) if p.evidence else None} for p in places]
    name = os.path.basename(article.path) if article.path else article.key
    payload = {"article": name, "persons": persons_json, "documents": docs_json,
               "document_relations": rel_json, "events": events_json, "places": places_json,
               "warnings": warnings}
    return Extraction(records=records, warnings=warnings, _json=payload)


def _title_span(text: str, titled: bool) -> tuple[int, int]:
    """Where the headline is in the working text: its first line when the
    reader found one (``Article.title``), else an empty span where the lead
    begins, after the marker and datelines that date the page."""
    if not titled:
        start = lead_start(text)
        return start, start
    first = re.search(r"[^\n]*\S[^\n]*", text)
    if first is None:
        return len(text), len(text)
    line = first.group(0)
    start = first.start() + len(line) - len(line.lstrip())
    return start, start + len(line.strip())


def _add_parent_committees(orgs: dict[str, Organisation], places: list) -> None:
    """Bodies name their committee ("Ban Tuyên giáo Tỉnh ủy X" is part of
    "Tỉnh ủy X"): describe each such committee, and tie a committee to the one
    of the unit above ("Thành ủy Bắc Kạn" to "Tỉnh ủy Bắc Kạn")."""
    from kg import tables
    by_name = {p.name: p for p in places}
    committee_of = {}
    for p in places:
        unit = tables.unit_types().get(p.unit_type)
        if unit and unit.committee:
            # "Tỉnh ủy" + "Bắc Kạn"; a commune's word carries its type: "Đảng ủy xã" + "Kim Liên"
            committee_of[p.name] = f"{unit.committee} {p.name[len(p.unit_type) + 1:]}"
    place_of_committee = {v: k for k, v in committee_of.items()}
    for org in list(orgs.values()):
        if org.parent and org.parent not in orgs and org.parent in place_of_committee:
            orgs[org.parent] = Organisation(org.parent, OrgKind.PARTY_COMMITTEE,
                                            jurisdiction=place_of_committee[org.parent])
    for org in list(orgs.values()):
        if org.kind is OrgKind.PARTY_COMMITTEE and org.parent is None and org.jurisdiction in by_name:
            above = by_name[org.jurisdiction].parent
            if above in committee_of:
                org.parent = committee_of[above]
                if org.parent not in orgs:
                    orgs[org.parent] = Organisation(org.parent, OrgKind.PARTY_COMMITTEE, jurisdiction=above)


def _ej(e: Evidence | None) -> dict | None:
    if e is None:
        return None
    return {"sentence": e.sentence, "start": e.start, "end": e.end}


_TYPE_LABELS = None


def _type_labels() -> dict[str, str]:
    global _TYPE_LABELS
    if _TYPE_LABELS is None:
        from kg import tables
        _TYPE_LABELS = {k: t.vi for k, t in tables.document_types().items()}
    return _TYPE_LABELS


def _full_names(pms: list[PersonMention]) -> list[str]:
    names = {p.name for p in pms if len(p.name.split()) >= 2}
    out = []
    for n in names:
        toks = n.split()
        if any(len(o.split()) > len(toks) and o.split()[-len(toks):] == toks for o in names):
            continue
        out.append(n)
    return out


def _canonical_person(name: str, full: list[str]) -> str | None:
    if name in full:
        return name
    toks = name.split()
    hits = [f for f in full if f.split()[-len(toks):] == toks]
    return hits[0] if len(hits) == 1 else None


def _title_body(E: str, title: Sentence, ctx: Context, known) -> BodyRef | None:
    """The body a title opens with ("Ban Tuyên giáo Tỉnh ủy … kiểm tra …",
    "Đoàn kiểm tra của Ban Thường vụ Tỉnh ủy làm việc …")."""
    m = re.match(r"(?i:đoàn)[ \t]+\w+(?:[ \t]+\w+)?[ \t]+của[ \t]+", E[title.start:title.end])
    pos = title.start + (m.end() if m else 0)
    ref = parse_body(E, pos, known)
    if ref is None or not ref.complete:
        return None
    return resolve(ref, ctx, pos)


# "Thực hiện <doc>" opening a sentence, after its time phrase if it has one
# ("Sáng ngày 7/11/2024, thực hiện Quyết định …"), and perhaps after what is
# carried out ("Thực hiện nhiệm vụ theo quyết định …")
_CARRIES_OUT = re.compile(
    r"(?:[^,.;\n]{1,30},[ \t]*)?(?i:thực hiện|triển khai)[ \t]+(?:(?:nhiệm vụ|chỉ đạo|kế hoạch)[ \t]+(?:theo[ \t]+)?)?")
# a document that sets up the delegation is the one its work carries out
_SETS_UP = re.compile(r"[ \t]*,?[ \t]*(?:về việc|về)[ \t]+thành lập[ \t]+(?:các[ \t]+)?(?i:đoàn|tổ)(?!\w)")


def _directive(E: str, body: list[Sentence], mentions) -> tuple[str | None, Sentence | None]:
    """The document the activity carries out: "Thực hiện <doc>" opening a
    sentence, "<Buổi làm việc …> theo <doc>", "công bố <doc>" in the
    activity's sentence, or the document that sets up the delegation."""
    lx = lexicon()
    noun = re.compile(rf"(?i:{lx.event_noun_re})")
    for s in body:
        here = [d for d in mentions if s.start <= d.start < s.end and not d.anaphor]
        if not here:
            continue
        m = _CARRIES_OUT.match(E, s.start, s.end)
        if m and here[0].start == m.end():
            return here[0].code, s
        for d in here:
            if _SETS_UP.match(E, d.end):
                return d.code, s
        for d in here:
            pre = E[max(s.start, d.start - 24):d.start]
            if re.search(r"công bố[ \t]+$", pre):
                return d.code, s
            # "Cuộc giám sát nhằm thực hiện Nghị quyết số …"
            if re.search(r"(?<!\w)(?:nhằm|để)[ \t]+(?:thực hiện|triển khai|cụ thể hóa)[ \t]+$", pre) \
                    and noun.match(E, s.start):
                return d.code, s
            if re.search(r"(?<!\w)theo[ \t]+$", pre) and noun.match(E, s.start):
                return d.code, s
    return None, None


_YEAR_WORD = re.compile(r"(?<!\w)năm[ \t]+((?:19|20)\d{2})(?!\d)")


def _merged_date(mentions, code):
    return next((d.date for d in mentions if d.code == code and d.date), None)


def _infer_date(day, month, year, published, directive_date, year_hint, warnings):
    def make(y):
        try:
            return dt.date(y, month, day)
        except ValueError:
            return None
    if year:
        return make(year)
    if published:
        d = make(published.year)
        if d and d > published:
            d = make(published.year - 1)
        return d
    if directive_date:
        d = make(directive_date.year)
        if d and d < directive_date:
            d = make(directive_date.year + 1)
        return d
    if year_hint:
        return make(year_hint)
    warnings.append(f"no year for the activity of {day}/{month}: none invented")
    return None
