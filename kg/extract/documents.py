"""Documents cited with a code, and the links between them.

A mention is an optional type word ("Kế hoạch", "Quy định" …, with "số" or
"số:"), a code (party ``91-KH/BTGTU``, state ``1234/QĐ-UBND``, legal
``30/2020/NĐ-CP``, law ``64/2025/QH15``), an optional issue date ("ngày …",
after an optional comma) and an optional issuer ("của <body>"). The type
word in the text wins over the code's abbreviation. A body that "ban hành"
(issues) a document is its issuer when no "của" says otherwise.

Links come from the phrase between two documents of one clause (each
relation's phrases in kg/schema.yaml): "A về tiếp tục thực hiện B"
(continues), "A triển khai B" (implements), "A, thay thế B" (replaces) …;
a passive "A được sửa
đổi, bổ sung bằng B" turns the link round. A sentence that opens with a
type word and no code ("Kế hoạch này …", "Quyết định trên …") speaks of the
last document of that type.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass


from .bodies import BodyRef, parse_body, resolve
from .lexicon import fold, lexicon, word_start
from .normalise import DATE, LAW_CODE, PARTY_CODE, STATE_CODE, code_matches, parse_date
from .places import Context


@dataclass
class DocMention:
    code: str
    start: int                 # of the type word, else the code
    code_start: int
    code_end: int
    end: int                   # after the date and issuer
    type_key: str | None       # from the text
    code_type: str | None      # from the code
    date: dt.date | None
    issuer: BodyRef | None
    issuer_text: str | None
    state: bool
    anaphor: bool = False
    day_month: tuple[int, int] | None = None   # an issue date written without its year ("ngày 23/2")

    @property
    def doc_type(self) -> str | None:
        return self.type_key or self.code_type


_RES: dict[str, re.Pattern] = {}
# each word opens with its own letter so that re can skip to it (see word_start)
_DEM = re.compile(r"(?:n(?<=[ \t]n)ày|t(?<=[ \t]t)rên|đ(?<=[ \t]đ)ó)(?!\w)")


def _re(key: str) -> re.Pattern:
    if not _RES:
        lx = lexicon()
        code = (f"(?P<law>{LAW_CODE.pattern})|(?P<state>{STATE_CODE.pattern.replace('?P<', '?P<s_')})"
                f"|(?P<party>{PARTY_CODE.pattern.replace('?P<', '?P<p_')})")
        _RES["mention"] = re.compile(rf"(?=\d)(?:{code})")
        # a second part of a party code's issuer, the office that drafted it ("…/TĐTN-TCKT", "…/TU-BTG"),
        # which the code's own pattern leaves off
        _RES["issuer_tail"] = re.compile(r"-[A-ZĐ][A-Za-zĐđ]{1,12}(?![\w/-])")
        _RES["type_before"] = re.compile(rf"(?P<tw>(?i:{lx.doc_type_re}))(?:[ \t]+(?i:số))?[ \t]*:?[ \t]*$")
        # "ngày15/01/2024": pages drop the space too
        # (or in brackets: "Kế hoạch số 12-KH/TU (ngày 28/7/2021) của …")
        _RES["date"] = re.compile(
            rf"[ \t]*,?[ \t]*(?P<bracket>\([ \t]*)?(?:(?i:ban hành|ký)[ \t]+)?(?i:ngày)[ \t]*(?:{DATE.pattern})"
            rf"(?(bracket)[ \t]*\))")
        # (a resolution is the plenum's that adopted it, and so its committee's: "Nghị quyết số
        # 18-NQ/TW ngày … (của) Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII"; a
        # "Hội nghị Trung ương 6" is the Central Committee's; after a comma, "Hội nghị" opens a clause)
        _RES["issuer"] = re.compile(
            r"[ \t]*(?:,?[ \t]*của[ \t]+|(?=(?i:hội nghị)[ \t]))"
            r"(?:(?i:hội nghị)(?:[ \t]+(?P<central>Trung ương)(?:[ \t]+\d{1,2}(?!\w))?)?"
            r"(?:[ \t]+(?i:lần[ \t]+thứ)[ \t]+\w+)?(?(central)|[ \t]+(?:(?i:của)[ \t]+)?))?")
        _RES["anaphor"] = re.compile(
            rf"(?P<tw>(?i:{lx.doc_type_re}))(?:[ \t]+(?P<dem>này|trên|đó|nói trên))?(?![ \t]*(?:số|:|\d))(?!\w)")
        _RES["anaphor_before"] = re.compile(
            rf"(?P<tw>(?i:{lx.doc_type_re}))[ \t]+(?P<dem>này|trên|đó|nói trên)$")
        _RES["short_ref"] = re.compile(
            rf"(?P<tw>{word_start(lx.doc_type_re, ())})[ \t]+(?:số[ \t]+)?(?P<n>\d{{1,4}})(?![\w/-])")
        # an oversight verb whose object is carrying out the second document:
        # that document is what is overseen ("giám sát việc lãnh đạo, chỉ đạo
        # và tổ chức thực hiện B"), not what the first carries out
        _RES["oversees"] = re.compile(r"(?<!\w)(?:kiểm tra|giám sát|khảo sát)(?!\w)[^;]*?(?<!\w)(?:thực hiện|triển khai)(?!\w)")
        _RES["issues"] = re.compile(r"[ \t]+(?:đã[ \t]+|vừa[ \t]+)?ban hành[ \t]+")
        # "UBND huyện đã có Quyết định số …", "Ban Thường vụ ra Quyết định số …": a body that
        # has or makes the document written right after the verb issued it
        _RES["has"] = re.compile(r"[ \t]+(?:đã[ \t]+|vừa[ \t]+)?(?:có|ra)[ \t]+")
        _RES["type_word"] = re.compile(word_start(lx.doc_type_re, ()))
        # (word_start: re skips at C speed to a letter these open with)
        _RES["issued_by"] = re.compile(word_start("được|do", ignore_case=False) + r"[ \t]+")
        # "(thực hiện) chỉ đạo của <body> tại Công văn số …": the body's instruction is the document
        _RES["instruction_of"] = re.compile(r"(?<!\w)(?i:chỉ đạo|ý kiến chỉ đạo|yêu cầu|hướng dẫn)[ \t]+của[ \t]+$")
        _RES["given_in"] = re.compile(r"[ \t]+(?:tại|theo)[ \t]+")
        _RES["numbered_delegation"] = re.compile(rf"(?i:{lx.delegation_re})[ \t]+(?i:số)[ \t]+\d{{1,4}}(?!\w)")
        _RES["signed"] = re.compile(rf"{word_start('ký ban hành|ban hành|ký')}[ \t]+(?:vào[ \t]+)?(?i:ngày)[ \t]+(?:{DATE.pattern})")
    return _RES[key]


def find_documents(text: str, begin: int, ctx: Context, known: frozenset[str]) -> list[DocMention]:
    lx = lexicon()
    out = []
    for m in code_matches(_re("mention"), text, begin):
        if m.group("law"):
            code, code_type, state = m.group("law"), "L", True
        elif m.group("state"):
            code = m.group("state")
            t = m.group("s_type")
            code_type = lx.doc_type_codes.get(t)
            state = True
        else:
            code = m.group("party")
            code_type = lx.doc_type_codes.get(m.group("p_type"))
            state = False
        tail = _re("issuer_tail").match(text, m.end()) if not m.group("law") else None
        if tail is not None:
            code += tail.group(0)       # "69-KH/TĐTN-TCKT": the issuer and its office, one code
        tb = _re("type_before").search(text, max(0, m.start() - 40), m.start())
        tw = tb.group("tw") if tb else None
        if code_type is None and not tw:
            continue          # neither a type word nor a known type code: not a document
        type_key = lx.doc_types.get(fold(tw)) if tw else None
        cs, ce = m.start(), m.end() if tail is None else tail.end()
        end = ce
        date, day_month = None, None
        d = _re("date").match(text, end)
        if d:
            dm = parse_date(d)
            if dm and dm.year:
                date = dm.date()
            elif dm:
                day_month = (dm.day, dm.month)
            end = d.end()
        issuer, issuer_text = None, None
        i = _re("issuer").match(text, end)
        if i:
            ref = BodyRef(i.start("central"), i.end(), kind="party_committee", central=_CENTRAL_COMMITTEE) \
                if i.group("central") else parse_body(text, i.end(), known) or _numbered_delegation(text, i.end())
            if ref is not None and (ref.complete or ref.central):
                ref = resolve(ref, ctx, i.end())
                if ref.canonical():
                    issuer, issuer_text = ref, text[i.end():ref.end]
                    end = ref.end
        if type_key and code_type and type_key != code_type and tb and (
                fold(text[max(0, tb.start() - 12):tb.start()].strip()).endswith(fold(_type_word(code_type)))
                or fold(tw).startswith(fold(_type_word(code_type)) + " ")):
            # "Thông báo kết luận số 3-TB/…", "Chương trình hành động số 23-CTr/TU": the compound's
            # head is the code's type
            type_key = code_type
        out.append(DocMention(code, tb.start() if tb else m.start(), cs, ce, end, type_key, code_type, date,
                              issuer, issuer_text, state, day_month=day_month))
    _share_issue(text, out)
    _issued_later(text, out, ctx, known)
    return out


def _suffix(code: str) -> str:
    return code.split("/", 1)[1] if "/" in code else ""


def _share_issue(text: str, mentions: list[DocMention]) -> None:
    """One date and issuer written once for a list of documents of one
    issuing level ("Kế hoạch số 12-KH/TU và Kế hoạch số 13-KH/TU ngày
    5/3/2021 của Ban Thường vụ Tỉnh ủy", "Nghị quyết số 18-NQ/TW, Nghị
    quyết số 19-NQ/TW ngày 25/10/2017 …") belong to each of them; a
    document of another level in the list ("Chỉ thị 05-CT/TW và Kế hoạch
    số 12-KH/HU ngày … của Huyện ủy") keeps its own."""
    for a, b in zip(reversed(mentions[:-1]), reversed(mentions[1:])):
        bare = a.end == a.code_end and a.date is None and a.day_month is None and a.issuer is None
        if not bare or _suffix(a.code) != _suffix(b.code) or not _suffix(a.code) \
                or not _LIST_SEP.fullmatch(text, a.end, b.start):
            continue
        a.date, a.day_month, a.issuer, a.issuer_text = b.date, b.day_month, b.issuer, b.issuer_text


_QUOTED = re.compile(r"“[^“”\n]*”|\"[^\"\n]*\"")
_LIST_SEP = re.compile(r"[ \t]*(?:,|và|,[ \t]*và)[ \t]*")


def _issued_later(text: str, mentions: list[DocMention], ctx: Context, known: frozenset[str]) -> None:
    """An issue told after what the documents are about, in the same sentence:
    "Chỉ thị số 06-CT/TU … về “…” vừa được đồng chí X ký ban hành ngày
    01/9/2021", "Bốn nghị quyết (18-NQ/TW, 19-NQ/TW, …) được Ban Chấp hành
    Trung ương ban hành ngày 25/10/2017": the date, and the body that issued
    them, belong to every document of the list (one level) that lacks them."""
    i = 0
    while i < len(mentions):
        run = [mentions[i]]
        while i + 1 < len(mentions) and _LIST_SEP.fullmatch(text, run[-1].end, mentions[i + 1].start) \
                and _suffix(mentions[i + 1].code) == _suffix(run[0].code):
            i += 1
            run.append(mentions[i])
        i += 1
        last = run[-1]
        stop = _SENTENCE_END.search(text, last.end)
        limit = stop.start() if stop else len(text)
        if i < len(mentions):
            limit = min(limit, mentions[i].start)
        m = _re("signed").search(text, last.end, limit)
        dm = parse_date(m) if m else None
        by = None
        for b in _re("issued_by").finditer(text, last.end, limit):
            ref = parse_body(text, b.end(), known)
            if ref is not None and (ref.complete or ref.central) and _re("issues").match(text, ref.end):
                by = resolve(ref, ctx, b.end())
                break
        for d in run:
            if dm and d.date is None and d.day_month is None:
                if dm.year:
                    d.date = dm.date()
                else:
                    d.day_month = (dm.day, dm.month)
            if by is not None and d.issuer is None and by.canonical():
                d.issuer = by


_SENTENCE_END = re.compile(r"[.!?;](?=\s|$)|\n")


_CENTRAL_COMMITTEE = "Ban Chấp hành Trung ương"


def _numbered_delegation(text: str, pos: int) -> BodyRef | None:
    """"quyết định 01-QĐ/ĐTC của Đoàn công tác số 01": a delegation named by its
    number issues the documents of its work; named as written."""
    m = _re("numbered_delegation").match(text, pos)
    if m is None:
        return None
    written = re.sub(r"\s+", " ", m.group(0))
    return BodyRef(pos, m.end(), kind="organisation", written=written[0].upper() + written[1:])


def _type_word(key: str) -> str:
    from kg import tables
    t = tables.document_types().get(key)
    return t.vi if t else key


def date_undated(mentions: list[DocMention], published: dt.date | None) -> None:
    """An issue date written without its year ("Quyết định số 15-QĐ/TW ngày
    23/2") is of the page's year, or the year before if that would be after
    the page."""
    if published is None:
        return
    for d in mentions:
        if d.date is None and d.day_month:
            day, month = d.day_month
            for year in (published.year, published.year - 1):
                try:
                    when = dt.date(year, month, day)
                except ValueError:
                    break
                if when <= published:
                    d.date = when
                    break


def apply_issuing_subjects(text: str, sentences, mentions: list[DocMention], ctx: Context,
                           known: frozenset[str], bodies=None) -> None:
    """"<Body> (đã) ban hành <document>": the body issued the first document
    of the clause that follows, unless a "của" names another issuer; "chỉ đạo
    của <body> tại <document>": the document gives the body's instruction."""
    from .bodies import find_bodies
    for s in sentences:
        here = ([b for b in bodies if s.start <= b.start and b.end <= s.end] if bodies is not None
                else find_bodies(text, s.start, s.end, known))
        for b in here:
            given = _re("given_in").match(text, b.end)
            if given and _re("instruction_of").search(text, max(s.start, b.start - 24), b.start):
                doc = next((d for d in mentions if d.start == given.end()), None)
                ref = resolve(b, ctx, b.start)
                if doc is not None and doc.issuer is None and ref.canonical():
                    doc.issuer = ref
                continue
            m = _re("issues").match(text, b.end)
            has = None if m else _re("has").match(text, b.end)
            if has:
                m = has
            if not m:
                continue
            clause_end = text.find(";", m.end(), s.end)
            clause_end = s.end if clause_end < 0 else clause_end
            after = [d for d in mentions if m.end() <= d.start < clause_end]
            if has and (not after or after[0].start != m.end()):
                continue
            if after and after[0].issuer is None:
                ref = resolve(b, ctx, b.start)
                if ref.canonical():
                    after[0].issuer = ref
                    # and the documents of its level listed with it ("ban hành Kế
                    # hoạch số 12-KH/TU và Kế hoạch số 13-KH/TU")
                    for x, y in zip(after, after[1:]):
                        if y.issuer is not None or x.end != x.code_end and x is not after[0] \
                                or _suffix(y.code) != _suffix(after[0].code) \
                                or not _LIST_SEP.fullmatch(text, x.end, y.start):
                            break
                        y.issuer = ref


@dataclass
class Link:
    source: str
    relation: str
    target: str
    sentence: object


def find_links(text: str, sentences, mentions: list[DocMention]) -> list[Link]:
    if not mentions:
        return []
    lx = lexicon()
    links = []
    first_end = min(d.end for d in mentions)
    by_start = sorted(mentions, key=lambda d: d.start)
    starts = [d.start for d in by_start]
    for s in sentences:
        here = by_start[bisect_left(starts, s.start):bisect_left(starts, s.end)]
        if not here and s.end <= first_end:
            continue    # no document yet: nothing to link or to refer back to
        first_type = _re("type_word").search(text, s.start, s.end)
        if not here and not first_type:
            continue    # neither a document nor a word that could refer back to one
        # anaphors: a type word with no code, opening the sentence or after a
        # relation phrase ("… hướng dẫn thực hiện quy định này")
        cands = []
        a0 = _re("anaphor").match(text, s.start, s.end)
        if a0:
            cands.append(a0)
        for dm in _DEM.finditer(text, s.start, s.end):
            tb = _re("anaphor_before").search(text, max(s.start, dm.start() - 24), dm.end())
            if tb:
                cands.append(tb)
        for a in cands:
            if any(d.start <= a.start() < d.end for d in here):
                continue
            opening = a.start() == s.start
            if not opening and not a.group("dem"):
                continue
            key = lx.doc_types.get(fold(a.group("tw")))
            prior = [d for d in mentions if d.end <= a.start() and not d.anaphor
                     and (d.type_key or d.code_type) == key]
            if not prior:
                continue
            ref = prior[-1]
            here.append(DocMention(ref.code, a.start(), a.start(), a.end(), a.end(), key, None,
                                   None, None, None, ref.state, anaphor=True))
        # a short reference by type and number to a document cited in full
        # elsewhere: "… tiếp tục thực hiện Chỉ thị 05" is Chỉ thị 05-CT/TW
        # (it opens with a type word: none can start before the sentence's first)
        for sm in _re("short_ref").finditer(text, first_type.start(), s.end) if first_type else ():
            if any(d.start <= sm.start() < d.end for d in here):
                continue
            key = lx.doc_types.get(fold(sm.group("tw")))
            full = {d.code for d in mentions if not d.anaphor and (d.type_key or d.code_type) == key
                    and d.code.split("-", 1)[0].split("/", 1)[0].lstrip("0") == sm.group("n").lstrip("0")}
            if len(full) == 1:
                ref = next(d for d in mentions if d.code in full)
                here.append(DocMention(ref.code, sm.start(), sm.start(), sm.end(), sm.end(), key, None,
                                       None, None, None, ref.state, anaphor=True))
        here.sort(key=lambda d: d.start)
        fronted = _fronted_link(text, s, here)
        if fronted is not None:
            links.append(fronted)
        # a document that follows another after a comma or "và" (past the
        # other's quoted title) is an item of a list
        listed = {}
        for x, y in zip(here, here[1:]):
            gap = _QUOTED.sub("", text[x.end:y.start])
            listed[y.code] = bool(re.search(r"(?:,|(?<!\w)và)[ \t]*$", gap)) and len(gap) <= 80 and ";" not in gap
        last: Link | None = None
        for x, y in zip(here, here[1:]):
            between = text[x.end:y.start]
            if ";" in between or len(between) > 80 or x.code == y.code:
                last = None
                continue
            if last is not None and last.target == x.code and re.fullmatch(r"[ \t]*(?:,|và|cùng)[ \t]*(?:và[ \t]*)?", between):
                # "A triển khai B và C": C is a second object of the same link,
                # unless A is itself an item of a list ("quán triệt X, A thực
                # hiện B và C": C goes on the outer list)
                if not listed.get(last.source):
                    last = Link(last.source, last.relation, y.code, s)
                    links.append(last)
                    continue
            if _re("oversees").search(between):
                # "Quyết định A về thành lập Đoàn giám sát việc lãnh đạo, chỉ đạo và tổ chức
                # thực hiện B": B is what is overseen, A carries out nothing of it
                last = None
                continue
            key = " " + fold(between.replace(",", " ")) + " "
            key = re.sub(r"\s+", " ", key)
            rel = next((r for p, r in lx.relations if f" {p} " in key), None)
            if rel is None:
                last = None
                continue
            if re.search(r"\bđược\b.*\b(?:bằng|bởi)\s*$", between):
                links.append(Link(y.code, rel, x.code, s))
                last = None
            else:
                last = Link(x.code, rel, y.code, s)
                links.append(last)
    return links


_CITES = "cites"
# the clause that issues the sentence's second document: "…, Huyện ủy (đã) ban hành <document>"
_ISSUED_AFTER = re.compile(r"(?<!\w)(?:đã[ \t]+|vừa[ \t]+)?(?:ban hành|xây dựng)[ \t]*$")


def _fronted_link(text: str, s, here: list[DocMention]) -> Link | None:
    """"Thực hiện B, Huyện ủy ban hành A", "Triển khai B, … đã ban hành A": a
    sentence that opens with a link's phrase and its document, then issues
    another, states that the issued one carries the link. (A "Căn cứ B, …" that
    opens the sentence grounds the act of issuing, not the document: no link.)"""
    if len(here) < 2:
        return None
    x, y = here[0], here[1]
    phrase = re.sub(r"\s+", " ", fold(text[s.start:x.start]).strip(" \t,:"))
    rel = next((r for p, r in lexicon().relations if p == phrase), None)
    between = text[x.end:y.start]
    if rel is None or rel == _CITES or ";" in between or len(between) > 120 or not _ISSUED_AFTER.search(between):
        return None
    return Link(y.code, rel, x.code, s)


def scope_of(code: str, issuer: BodyRef | None, ctx: Context) -> str | None:
    """The place whose bodies issued a local code (None for /TW and national
    state codes): the issuer's place, else the level the code names."""
    from kg.model import UnitLevel
    lx = lexicon()
    if issuer is not None:
        if issuer.central:
            return None
        p = issuer.place()
        if p:
            return f"{p[0]} {p[1]}"
    if "/" in code and "-" in code.split("/")[0]:
        suffix = code.split("/", 1)[1]
    else:
        return None
    level = None
    for lvl in sorted(lx.issuer_levels, key=len, reverse=True):
        if suffix.endswith(lvl):
            level = lx.issuer_levels[lvl][1]
            break
    if level in (None, "central"):
        return None
    m = ctx.main(UnitLevel(level))
    return m.full if m else None
