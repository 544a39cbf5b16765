"""Officials and their posts.

Names come after an honorific (đồng chí, ông, bà …; an optional rank or
degree in between is kept apart), at the head of a title chain ("Nguyễn Văn
A, Phó Bí thư …", in lists and bylines), or after a title ("Bí thư Tỉnh ủy
Nguyễn Văn A"). A title chain is split at its commas and dashes; each item is
a role (roles.csv) and a body, or a compound title (titles.csv: "Tỉnh ủy
viên"); delegation and meeting roles are skipped. Elided committees and
places are filled from the other items of the chain, then from the article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .bodies import ASSOCIATION, CENTRAL_WORD, BodyRef, association_central, bare_unit_organ, fill_from, parse_body, party_committee_of, replace, resolve, unit_type_after, unplaced_task_board, with_name
from .lexicon import _alt, fold, CAP, LOWER, UPPER, lexicon, word_start
from .places import COMMUNE_TYPES, Context, trim_place_name


@dataclass
class Post:
    role: str            # roles.csv key
    role_label: str
    body: BodyRef
    start: int
    end: int
    fixed_label: str | None = None   # a compound title's post as written (titles.csv "label")

    @property
    def org(self) -> str | None:
        return self.body.canonical()

    @property
    def label(self) -> str | None:
        if self.fixed_label:
            return self.fixed_label
        org = self.org
        return f"{self.role_label} {org}" if org else None


@dataclass
class PersonMention:
    name: str
    start: int
    end: int
    rank: str | None = None
    posts: list[Post] = field(default_factory=list)
    honorific: str | None = None
    byline: bool = False
    appointed: bool = False      # every post came after "được bổ nhiệm", "đảm nhiệm chức vụ" …
    former: bool = False         # titled only by a post once held ("nguyên Bí thư Tỉnh ủy")


_RES: dict[str, re.Pattern] = {}
_SEMI = re.compile(r";[ \t]*")
_AND = re.compile(r"[ \t]*và[ \t]+")
_SEMI_SEP = re.compile(r"[ \t]*;[ \t]*")
_BLANK = re.compile(r"[ \t]*")


def _stop() -> str:
    lx = lexicon()
    return "|".join(f"(?:{w})" for w in (
        rf"(?:{lx.honorific_re})[ \t]", rf"(?:{lx.role_re})[ \t]+\w", lx.organ_re, lx.place_organ_re,
        lx.heads_re + r"(?!\w)", lx.committee_re, lx.central_re, lx.title_re,
        lx.doc_type_re + r"(?!\w)", lx.unit_type_re + r"[ \t]"))


def _re(key: str) -> re.Pattern:
    if not _RES:
        lx = lexicon()
        # (a capital is looked for first: the stop words are tried only before one)
        tok = rf"(?={UPPER})(?!{_stop()}){CAP}"
        # after the first word, neither "Phó" (a deputy's title glued to the name in a
        # caption: "Đ/c A Phó Bí thư …") nor a word in capitals (an abbreviation the
        # tables lack: "A PBTTT") goes on with a name
        rest = rf"(?={UPPER})(?!(?:Phó|{UPPER}{{2,}})(?![\w']))(?!{_stop()}){CAP}"
        name = rf"{tok}(?:[ \t]+{rest}){{0,4}}"
        _RES["name"] = re.compile(name)
        _RES["honorific"] = re.compile(
            rf"(?P<hon>{word_start(lx.honorific_re, ignore_case=False)})[ \t]+(?:(?P<rank>{lx.rank_re})[ \t]*)?(?P<name>{name})")
        _RES["role"] = re.compile(rf"{word_start(lx.role_re, ())}(?!\w)")
        from kg import tables
        lower_only = [r["word"][0].upper() + r["word"][1:] for r in tables.rows("honorifics")
                      if r.get("capitalised") != "yes" and r["word"][0].islower()]
        _RES["initial_honorific"] = re.compile(
            rf"(?P<hon>{_alt(lower_only)})[ \t]+(?:(?P<rank>{lx.rank_re})[ \t]*)?(?P<name>{name})")
        # a party member named by that noun, as badge ceremonies name them: "trao Huy hiệu cho đảng viên A"
        member = word_start(r"đảng[ \t]+viên")
        _RES["party_member"] = re.compile(rf"{member}(?:[ \t]+(?i:lão thành))?[ \t]+(?P<name>{name})")
        # a unit's word right before a capitalised honorific: "Thành ủy Bà Rịa" names a place, not a woman
        _RES["unit_word_before"] = re.compile(rf"(?<!\w)(?i:{lx.committee_re}|{lx.unit_type_re})[ \t]+$")
        _RES["name_after"] = re.compile(rf"[ \t]+(?P<name>{name})(?![ \t]*{CAP})")
        _RES["title"] = re.compile(rf"(?i:{lx.title_re})(?!\w)")
        # where a chain written before its name starts: a role, or a title that opens with none
        # ("Thường trực Ban Bí thư X", "Tỉnh ủy viên X"); one scan for both
        role_at = re.compile(rf"(?i:{lx.role_re})(?!\w)")
        titles = sorted((t for t in _title_phrases() if not role_at.match(t)), key=len, reverse=True)
        _RES["chain_start"] = re.compile(
            word_start("|".join([lx.role_re, *(re.escape(t).replace(r"\ ", r"\s+") for t in titles)]), ())
            + r"(?!\w)")
        _RES["event_role"] = re.compile(rf"(?:{lx.event_role_re})(?!\w)")
        # "Phó Chủ tịch UBND tỉnh kiêm Giám đốc Sở Tài chính": kiêm joins two posts, after a
        # comma too ("…, kiêm Trưởng Ban …"), and so does a slash ("Phó Bí thư Huyện ủy/Chủ tịch UBND huyện")
        _RES["sep"] = re.compile(r"[ \t]*(?:,|-|:|/)[ \t]*(?:kiêm[ \t]+)?|[ \t]+(?:kiêm[ \t]+)?")
        # a role whose body is that of the next post: "Phó Chỉ huy trưởng, Tham mưu trưởng Bộ CHQS tỉnh"
        _RES["bare_role"] = re.compile(rf"{word_start(lx.role_re, ())}(?=[ \t]*[,–-][ \t]*\w)")
        # the post a person is appointed, elected or assigned to, after the name and its chain:
        # "ông A được bổ nhiệm giữ chức vụ Trưởng Ban …", "đồng chí B, <post> làm Bí thư Huyện ủy X",
        # "đồng chí C tái đắc cử Bí thư Huyện ủy X"
        _RES["appointed"] = re.compile(
            r"[ \t]*,?[ \t]*(?:(?:vừa[ \t]+|đã[ \t]+|tiếp tục[ \t]+)?được[ \t]+(?:(?:điều động|luân chuyển|bổ nhiệm|bầu|bầu giữ|"
            r"chỉ định|phân công|giao)[ \t]*,?[ \t]*)+(?:(?:giữ|làm|đảm nhiệm|tham gia)[ \t]+)?"
            r"|(?:giữ|đảm nhiệm|đảm nhận)[ \t]+|làm[ \t]+(?=\w+[ \t]+\w)|(?:tái[ \t]+)?đắc[ \t]+cử[ \t]+)"
            r"(?:(?:chức vụ|chức danh|chức)[ \t]+)?")
        # a title with no body right before a name: "Chủ tịch Nguyễn Văn A", "Bí thư Đảng ủy Lê Văn B"
        _RES["bare_title_name"] = re.compile(
            rf"(?:[ \t]+(?:{lx.heads_re}))?[ \t]*(?<!\w)(?P<name>{name})(?![ \t]*{CAP})")
        # a chain written before the name with a dash between: "Chủ tịch UBND xã - Trần Văn A;"
        # or before its verb: "Chủ tịch HĐND huyện – Trần Văn A phát biểu"
        _RES["dash_name"] = re.compile(rf"[ \t]*[–-][ \t]*(?P<name>{name})(?=[ \t]*(?:[;.,)]|$)|[ \t]+{LOWER})", re.M)
        # "A, <post>", "A - <post>", and "A (<post>)" in lists of the newly elected
        _RES["lead"] = re.compile(rf"(?:(?P<rank>{lx.rank_re})[ \t]*)?(?P<name>{name})(?=[ \t]*[,(-][ \t]*\S)")
        _RES["last_listed"] = re.compile(
            rf"(?:(?P<rank>{lx.rank_re})[ \t]*)?(?P<name>{name})(?=[ \t]+{LOWER}|[ \t]*[.;:]|[ \t]*$)", re.M)
        # a rank needs no title after the name: "…, Trưởng Công an huyện Thượng tá X."
        # (or before its verb: "…, Đại tướng X kiểm tra …")
        _RES["rank_lead"] = re.compile(
            rf"(?P<rank>{lx.rank_re})[ \t]*(?P<name>{name})(?=[ \t]*(?:[,.;:()–-]|$)|[ \t]+và[ \t]|[ \t]+{LOWER})", re.M)
        rank_start = word_start(lx.rank_re, (r"[\w.]",), ignore_case=False)
        _RES["rank_at"] = re.compile(rf"{rank_start}(?=[ \t]*{CAP})")
        # "các đồng chí: …", "gồm …", and "các Phó Giám đốc Công an tỉnh gồm …" (a plural title)
        # ("gồm các đồng chí: A, …" is one opening, not "gồm" before a list that starts "các …")
        # (its first letter is consumed by a class and checked behind, its second looked at
        # ahead, so that re skips at C speed to where it may start: a lookahead in front was
        # tried at every position of every sentence; the alternatives keep their order)
        _RES["list"] = re.compile(
            rf"[cCgG\d](?=[ồỒáÁ\d \t])(?:(?<=[gG])(?i:ồm[ \t]+(?:các đồng chí|các ông|các bà)|ồm)"
            rf"|(?<=[cC])(?i:ác đồng chí|ác ông|ác bà|ác(?=[ \t]+(?:{lx.role_re})[ \t]))"
            rf"|(?<=\d)\d*(?=[ \t]+(?i:{lx.role_re})[ \t]))[ \t]*:?[ \t]*")
        # "3 Phó Bí thư Tỉnh ủy khóa mới gồm các đồng chí: A, B"
        _RES["list_open"] = re.compile(
            r"(?:[ \t]+(?:khóa|khoá)[ \t]+(?:mới|[IVXLC]+))?"
            r"[ \t]*(?::|(?i:gồm|là)(?!\w)(?:[ \t]+(?i:các đồng chí|các ông|các bà))?[ \t]*:?)[ \t]*")
        _RES["rank_only"] = re.compile(rf"(?:(?i:đồng chí|ông|bà)[ \t]+)?(?:(?P<rank>{lx.rank_re})[ \t]*)?")
        _RES["rank_item"] = re.compile(rf"(?:{lx.rank_re})(?=[ \t]*[,–-][ \t]*\w)")
    return _RES[key]


def parse_title(text: str, pos: int, known: frozenset[str]) -> Post | None:
    """One title at ``pos``: a role and its body, or a compound title."""
    lx = lexicon()
    m = _re("title").match(text, pos)
    if m and (ASSOCIATION.match(text, m.end()) or fold(m.group(0)).endswith(CENTRAL_WORD)
              and association_central(text, m.end() - len("Trung ương"), "") is not None):
        # "Ủy viên Ban Chấp hành Trung ương Hội …", "… Trung ương Đoàn": a post in an association, read below
        m = None
    if m:
        role, body_text, label = lx.titles[fold(m.group(0))]
        body = parse_body(body_text, 0) if body_text else BodyRef(0, 0)
        if body is None:
            return None
        # "Bí thư Trung ương Đảng Lê Văn A": the name written right after the title
        after = _re("name_after").match(text, m.end())
        person = after.group("name") if after and _looks_like_name(after.group("name")) else None
        # "Đảng ủy viên" is a member of a commune's, a ward's or a township's committee: its
        # table's "xã" is no word of the text
        implied = body.head is not None and body.unit_type in COMMUNE_TYPES
        body = BodyRef(m.start(), m.end(), trailing_person=person, implied_type=implied, **{
            k: getattr(body, k) for k in (
                "organs", "kind", "committee", "head", "place_organ", "unit_type", "name", "central")})
        return Post(role, lexicon_role_label(role), body, m.start(), m.end(), label)
    m = _re("role").match(text, pos)
    if not m:
        return _standing_member(text, pos, known)
    role = lx.roles_by_label.get(fold(m.group(0)))
    if role is None:
        return None
    p = m.end()
    while p < len(text) and text[p] in " \t":
        p += 1
    body = parse_body(text, p, known)
    if body is not None and body.central == _CENTRAL_BOARD and body.trailing_person is None:
        body = _body_named_before(text, p, role, known) or body
    if body is None:
        body = _unit_government(text, m.end(), role) or _unit_committee(text, m.end(), role) \
            or _body_named_before(text, p, role, known) \
            or (bare_unit_organ(text, p) if role in _GOVERNMENT_ROLES or role in _HEAD_ROLES else None) \
            or _ministry_named_bare(text, p, role) or _settlement_head(text, p, role) \
            or unplaced_task_board(text, p)
    if body is None:
        return None
    if (body.central or body.name and body.name.isdigit()) and body.trailing_person is None:
        # "Chủ tịch Quốc hội Trần Văn A", "Bí thư Đảng ủy Phường 3 Lê Văn B": the name
        # right after a body whose own name cannot run on into it
        after = _re("name_after").match(text, body.end)
        if after and _looks_like_name(after.group("name")):
            body = replace(body, trailing_person=after.group("name"))
    return Post(role, lexicon_role_label(role), body, m.start(), body.end)


_CENTRAL_BOARD = "Ban Chỉ đạo Trung ương"


# "Thường vụ Huyện ủy" as a title: a member of the committee's standing committee, its
# "Ủy viên Ban" left out (capitalised: "thường vụ" in a clause is no title)
_STANDING = re.compile(r"Thường[ \t]+vụ[ \t]+(?=\w)")
_MEMBER = "member"
_ITEM_ENDS = re.compile(r"[ \t]*(?:[,;.()–-]|$)", re.M)


def _standing_member(text: str, pos: int, known: frozenset[str]) -> Post | None:
    """A chain item "Thường vụ Tỉnh ủy": the post of a member of that standing committee."""
    m = _STANDING.match(text, pos)
    committee = parse_body(text, m.end(), known) if m else None
    if committee is None or committee.organs or not (committee.committee or committee.head) \
            or not _ITEM_ENDS.match(text, committee.end):
        # ("…, Thường vụ Tỉnh ủy đã họp": the body, the subject of a clause)
        return None
    body = replace(committee, start=pos, organs=("Ban Thường vụ",), kind="standing_committee")
    return Post(_MEMBER, lexicon_role_label(_MEMBER), body, pos, body.end)


_MINISTERS = frozenset({"minister", "deputy_minister"})
_MINISTRY_WORD = "Bộ "


def _ministry_named_bare(text: str, pos: int, role: str) -> BodyRef | None:
    """"Bộ trưởng Ngoại giao", "Thứ trưởng Tài chính": a minister's ministry named without
    its "Bộ", which the role already says."""
    if role not in _MINISTERS or pos >= len(text) or not text[pos].isupper():
        return None
    line_end = text.find("\n", pos)
    rest = text[pos:line_end if line_end >= 0 else len(text)]
    ref = parse_body(_MINISTRY_WORD + rest, 0)
    if ref is None or not (ref.central or "").startswith(_MINISTRY_WORD) or ref.kind != "state_body":
        return None
    return replace(ref, start=pos, end=pos + ref.end - len(_MINISTRY_WORD))


# "Trưởng thôn Phú Mỹ", "Phó Trưởng ấp 3", "Trưởng khu phố Đông": the head of a settlement (no unit
# of the map, so no body elsewhere), named as written
_SETTLEMENT = re.compile(
    rf"(?P<kind>(?i:thôn|làng|bản|xóm|ấp|buôn|sóc|khu phố|tổ dân phố|khu dân cư))"
    rf"[ \t]+(?P<n>(?:(?:số[ \t]+)?\d{{1,3}}(?!\w)|{CAP})(?:[ \t]+{CAP}){{0,4}})")


def _settlement_head(text: str, pos: int, role: str) -> BodyRef | None:
    if role not in _HEAD_ROLES:
        return None
    m = _SETTLEMENT.match(text, pos)
    if m is None:
        return None
    name, person = trim_place_name(m.group("n"))
    end = m.start("n") + len(name)
    return BodyRef(pos, end, kind="organisation", written=f"{m.group('kind').lower()} {name}", trailing_person=person)


# the chairs of a unit's people's committee, named by the unit alone: "Phó Chủ tịch tỉnh X"
_GOVERNMENT_ROLES = frozenset({"chair", "vice_chair", "standing_vice_chair"})


def _unit_government(text: str, pos: int, role: str) -> BodyRef | None:
    """"Chủ tịch tỉnh Sơn La", "Phó Chủ tịch huyện": news names the people's
    committee of a unit by the unit alone."""
    if role not in _GOVERNMENT_ROLES:
        return None
    t = unit_type_after(text, pos)
    if t is None:
        return None
    return with_name(text, BodyRef(pos, t[1], kind="state_body", place_organ="Ủy ban nhân dân", unit_type=t[0]))


def _unit_committee(text: str, pos: int, role: str) -> BodyRef | None:
    """"Phó Bí thư TP.HCM", "Bí thư huyện Mường Tè": a secretary named by the
    unit alone is the secretary of its party committee."""
    if role not in _party_roles():
        return None
    gov = _unit_government(text, pos, "chair")
    if gov is None or gov.name is None:
        return None
    committee = party_committee_of(gov)
    return replace(committee, start=gov.start, end=gov.end, trailing_person=gov.trailing_person) if committee else None


# "A – Phó Trưởng Ban Dân tộc tỉnh X …; tham gia có đồng chí B - Phó Trưởng Ban", "Chi bộ làng
# X có 13 đảng viên. Ông A - Phó Bí thư Chi bộ - chia sẻ", "Đoàn công tác của Hội đồng Lý luận
# Trung ương do ông A, Phó Chủ tịch Hội đồng …": a title that leaves its board, cell or council
# bare means the last one its paragraph named before it.
@dataclass(frozen=True)
class _BareBody:
    roles: object          # () -> the roles whose title may leave this body bare
    bare: re.Pattern       # the body's word with no name after it
    named: re.Pattern      # where a named one may start
    fits: object           # (BodyRef) -> can the title mean this body?
    forward: bool = False  # failing one before, the sentence may name it after the title


# boards that have no head ("Trưởng"): a committee's standing and executive committees, the Secretariat
_HEADLESS = frozenset({"Ban Thường vụ", "Ban Chấp hành", "Ban Bí thư"})
_HEAD_ROLES = frozenset({"head", "deputy_head", "standing_deputy_head"})
_BARE_BODIES = (
    # "cố vấn Ban Chỉ đạo Trung ương" after "Ban Chỉ đạo Trung ương Chương trình …": the central
    # board the paragraph named in full
    _BareBody(lambda: frozenset(lexicon().roles_by_label.values()),
              re.compile(rf"(?i:ban[ \t]+chỉ[ \t]+đạo[ \t]+trung[ \t]+ương)(?![ \t]+(?:(?i:về)(?!\w)|{UPPER}))(?!\w)"),
              re.compile(r"(?<!\w)(?i:ban[ \t]+chỉ[ \t]+đạo[ \t]+trung[ \t]+ương)[ \t]+\w"),
              lambda ref: (ref.central or "").startswith(_CENTRAL_BOARD + " ")),
    _BareBody(lambda: _HEAD_ROLES,
              re.compile(rf"(?i:ban)(?![ \t]+{UPPER})(?!\w)"),
              re.compile(rf"(?<!\w)Ban[ \t]+{UPPER}"),
              lambda ref: ref.canonical() and not (ref.organs and ref.organs[0] in _HEADLESS)
              and ref.central not in _HEADLESS),
    _BareBody(lambda: _party_roles(),
              re.compile(rf"(?i:chi bộ)(?![ \t]+(?:{UPPER}|\d|(?i:thôn|làng|bản|xóm|ấp|buôn|sóc|khu|tổ)(?!\w)))(?!\w)"),
              re.compile(r"(?<!\w)(?i:chi bộ)[ \t]+\w"),
              lambda ref: ref.written),
    _BareBody(lambda: frozenset({"chair", "vice_chair", "standing_vice_chair"}),
              re.compile(rf"(?i:hội đồng)(?![ \t]+(?:{UPPER}|(?i:nhân dân)(?!\w)))(?!\w)"),
              re.compile(rf"(?<!\w)Hội đồng[ \t]+(?:{UPPER}|nhân dân)"),
              lambda ref: ref.canonical()),
    # "…, Phó Trưởng Ban Chỉ đạo làm Trưởng đoàn": the steering committee the sentence names
    # (before the title, or after it: "Trưởng ban chỉ đạo làm trưởng đoàn Đoàn Kiểm tra của Ban
    # Chỉ đạo tổng kết … của Bộ Chính trị")
    _BareBody(lambda: _HEAD_ROLES,
              re.compile(r"(?i:ban[ \t]+chỉ[ \t]+đạo)(?=[ \t]*(?:[,;.()–-]|$)|[ \t]+(?:làm|và|kiêm|đã|vừa|tại|cùng)(?!\w))",
                         re.M),
              re.compile(r"(?<!\w)(?i:ban[ \t]+chỉ[ \t]+đạo)[ \t]+\w"),
              lambda ref: ref.canonical() and (ref.written or ref.place_organ or ref.central) is not None,
              forward=True),
)


def _body_named_before(text: str, pos: int, role: str, known: frozenset[str]) -> BodyRef | None:
    """The board, cell or council a title leaves bare at ``pos``: the last one
    of its kind the paragraph named before it."""
    para = text.rfind("\n", 0, pos) + 1
    for kind in _BARE_BODIES:
        if role not in kind.roles():
            continue
        bare = kind.bare.match(text, pos)
        if bare is None:
            continue
        found = None
        for b in kind.named.finditer(text, para, pos):
            ref = parse_body(text, b.start(), known)
            if ref is not None and ref.end <= pos and kind.fits(ref):
                found = ref
        if found is None and kind.forward:
            close = _SENTENCE_CLOSE.search(text, bare.end())
            for b in kind.named.finditer(text, bare.end(), close.start() if close else len(text)):
                ref = parse_body(text, b.start(), known)
                if ref is not None and kind.fits(ref):
                    found = ref
                    break
        if found and kind.forward and found.place_organ and found.unit_type:
            # "Phó Bí thư Đảng ủy, Chủ tịch HĐND phường, Trưởng Ban Chỉ đạo" after the district's
            # board was named: the board of that task in the unit the chain names (bodies.fill_from)
            found = replace(found, unit_type=None, name=None, implied_type=False)
        if found:
            return replace(found, start=pos, end=bare.end(), trailing_person=None)
    return None


_SENTENCE_CLOSE = re.compile(r"\.(?:[ \t]|$)|\n", re.M)


def lexicon_role_label(role: str) -> str:
    from kg import tables
    return tables.roles()[role].vi


def parse_chain(text: str, pos: int, end: int, known: frozenset[str],
                holder_named: bool = False) -> tuple[list[Post], int]:
    """The title chain starting at ``pos`` (after the name's separator).
    ``holder_named``: the chain follows its holder's name, so an item that
    names a holder of its own ("A - Chỉ huy trưởng Bộ CHQS tỉnh, Bí thư Thành
    ủy X Trần Văn B") is the next person's post and ends the chain."""
    posts: list[Post] = []
    p = pos
    first = True
    while p < end:
        if not first:
            s = _re("sep").match(text, p)
            if not s or s.end() == p:
                # "Ủy viên Ban Thường vụ Tỉnh ủy; Phó Chủ tịch HĐND tỉnh": a semicolon may
                # part two posts of one person, but not a post that names its own holder
                semi = _SEMI_SEP.match(text, p)
                nxt = parse_title(text, semi.end(), known) if semi else None
                if nxt is None or nxt.end > end or nxt.body.trailing_person \
                        or _re("dash_name").match(text, nxt.end) or _re("lead").match(text, semi.end()):
                    break
                s = semi
            q = s.end()
        else:
            q = p
        # "tân Phó Chủ tịch UBND tỉnh": a post newly taken is a post
        new = _NEWLY.match(text, q)
        if new:
            q = new.end()
        # a post first: "Trưởng Đoàn đại biểu Quốc hội tỉnh" is one, "Trưởng đoàn" alone is a delegation role
        post = parse_title(text, q, known) or _mended_title(text, q, end, known)
        if post is None:
            er = _re("event_role").match(text, q)
            if er:
                # "Phó Trưởng đoàn giám sát số 2, Phó Chủ tịch HĐND tỉnh": the delegation's kind
                # and number belong to the role when the item ends there
                tail = _DELEG_KIND.match(text, er.end(), end) if er.group(0).endswith("đoàn") else None
                p = tail.end() if tail else er.end()
                first = False
                continue
            rank = _re("rank_item").match(text, q, end)
            if rank:
                # "ông A, Đại tá, Chỉ huy trưởng …": a rank in the chain is no post
                p = rank.end()
                first = False
                continue
            bare = _bare_role(text, q, end, known)
            if bare is not None:
                posts.append(bare)
                p = bare.end
                first = False
                continue
            unknown = _unknown_item(text, q, end, known)
            if unknown is not None:
                p = unknown
                first = False
                continue
        if post is not None and post.body.name is None and not (post.body.central or post.body.written) \
                and not post.body.trailing_person and _NAME_GOES_ON.match(text, post.end):
            # "Phó Chủ nhiệm Văn phòng X, …": the body was read only in part
            unknown = _unknown_item(text, q, end, known)
            if unknown is not None and unknown > post.end:
                p = unknown
                first = False
                continue
            after = _re("name").match(text, _BLANK.match(text, post.end).end())
            if not post.body.complete and not (after and _looks_like_name(after.group(0))):
                # "Trưởng Ban Tổ chức Hội thi": an organ whose name goes on into words no body
                # has (nor a holder's name) is an event's board, not one the chain may complete;
                # the chain still reaches past its title, for the verb that may follow
                p = post.end
                break
        if post is None or post.end > end or holder_named and post.body.trailing_person:
            break
        posts.append(post)
        p = post.end
        first = False
    posts = _lend_bodies(posts)
    return [x for x in posts if x.body is not None], p


_WORDS = re.compile(r"\w+(?:[ \t]+\w+)*")
@cache
def _mendable() -> dict[tuple[str, int], list[str]]:
    """The roles and titles of two words or more, by their first word folded
    and their length: a misprint keeps both."""
    from kg import tables
    table: dict[tuple[str, int], list[str]] = {}
    for ph in [r.vi for r in tables.roles().values()] + _title_phrases():
        if len(ph.split()) >= 2:
            table.setdefault((fold(ph.split()[0]), len(ph)), []).append(ph)
    return table


@cache
def _mendable_first_words() -> frozenset[str]:
    """The first words of ``_mendable``'s keys: most chain items no title parses
    open on none of them, and one look-up ends those."""
    return frozenset(first for first, _ in _mendable())


def _mended_title(text: str, pos: int, end: int, known: frozenset[str]) -> Post | None:
    """A title printed with one letter slipped, a diacritic ("Ủy viện Ban
    Thường vụ" for "Ủy viên") or a letter ("Phó Bí thư Thường thực" for
    "Thường trực"), where a chain item is due: read as the title it
    misprints. Only a role or title of two words or more is mended, and only
    by one letter, so a name or a common word is not taken for one."""
    words = _WORDS.match(text, pos, min(end, pos + 40))
    if words is None:
        return None
    toks = words.group(0).split()
    first = fold(toks[0])
    if len(toks) < 2 or first not in _mendable_first_words():
        return None
    for n in range(min(len(toks), 6), 1, -1):
        written = " ".join(toks[:n])
        for phrase in _mendable().get((first, len(written)), ()):
            if not _one_letter_apart(phrase.lower(), written.lower()):
                continue
            # the same length, so the mended text keeps every offset
            span = re.compile(r"[ \t]+".join(map(re.escape, toks[:n]))).match(text, pos)
            if span is None or span.end() - pos != len(phrase):
                continue
            post = parse_title(text[:pos] + phrase + text[span.end():], pos, known)
            if post is not None:
                return post
    return None


def _bare_role(text: str, pos: int, end: int, known: frozenset[str]) -> Post | None:
    """A role written without its body, before another post ("Phó Chỉ huy
    trưởng, Tham mưu trưởng Bộ CHQS tỉnh", "Phó Bí thư, Chủ tịch UBND xã X"):
    its body is lent by the post that follows (``_lend_bodies``)."""
    m = _re("bare_role").match(text, pos, end)
    if m is None:
        return None
    role = lexicon().roles_by_label.get(fold(m.group(0)))
    if role is None or role == "member":      # a bare "Ủy viên" says too little
        return None
    s = _re("sep").match(text, m.end())
    nxt = s.end() if s else m.end()
    if parse_title(text, nxt, known) is None and _re("bare_role").match(text, nxt, end) is None:
        return None
    return Post(role, lexicon_role_label(role), None, m.start(), m.end())


_NAME_GOES_ON = re.compile(rf"[ \t]*{UPPER}")
# an item's words up to the comma that closes it; no digits, brackets or dashes
_ITEM_REST = re.compile(r"[^,;:()\n\d–-]{1,60}?(?=[ \t]*,)")


def _unknown_item(text: str, pos: int, end: int, known: frozenset[str]) -> int | None:
    """The end of a chain item whose role is known and whose body the tables
    lack ("Phó Chủ nhiệm Văn phòng X, Thứ trưởng Bộ Y"), when a post follows it:
    the chain goes on past it rather than ending there with the rest unread."""
    r = _re("role").match(text, pos, end)
    if r is None:
        return None
    m = _ITEM_REST.match(text, r.end(), end)
    if m is None or not m.group(0).startswith((" ", "\t")):
        return None
    if any(_looks_like_name(n.group(0)) for n in _re("name").finditer(text, m.start(), m.end())):
        # "…, Trưởng phòng Nguyễn Văn B, <post>": the item names someone, whose the next post may be
        return None
    s = _re("sep").match(text, m.end())
    nxt = parse_title(text, s.end(), known) if s else None
    return m.end() if nxt is not None and nxt.end <= end else None


def _lend_bodies(posts: list[Post]) -> list[Post]:
    """Give each bare role the body of the next post with one: the same body,
    or, for a party secretary's role, the party committee of that body's unit
    ("Phó Bí thư, Chủ tịch UBND tỉnh" is Phó Bí thư Tỉnh ủy). A bare role left
    with none keeps None and is dropped. A minister's rank before the head of
    a central body that is no ministry ("Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc")
    is one post with it: the head of a ministry-level agency holds that rank."""
    lender = None
    ranked: set[int] = set()
    for i in range(len(posts) - 1, -1, -1):
        post = posts[i]
        if post.body is not None:
            lender = post
            continue
        if lender is None:
            continue
        if post.role == _MINISTER and lender is posts[i + 1] and lender.body.central \
                and not _MINISTRY.match(lender.body.central) and lender.label:
            post.body, post.end = lender.body, lender.end
            post.fixed_label = f"{post.role_label}, {lender.label}"
            ranked.add(id(lender))
            lender = post
            continue
        if lender.fixed_label:
            continue
        if post.role in _party_roles():
            post.body = party_committee_of(lender.body)
        elif lender.role != post.role and (lender.body.place_organ or lender.body.kind == "state_body"
                                           or lender.body.central and lender.body.kind == "organisation"):
            # a state body's posts share it, and so do a central organisation's ("Phó Chủ tịch -
            # Tổng Thư ký Ủy ban Trung ương MTTQ Việt Nam"); a party body is lent to no "Chủ tịch"
            post.body = lender.body
    return [x for x in posts if id(x) not in ranked]


_MINISTER = "minister"
_MINISTRY = re.compile(r"Bộ(?!\w)")
_PARTY_ROLES: frozenset[str] | None = None


def _party_roles() -> frozenset[str]:
    """Roles held in a party committee (roles.csv ``party``)."""
    global _PARTY_ROLES
    if _PARTY_ROLES is None:
        from kg import tables
        _PARTY_ROLES = frozenset(r["key"] for r in tables.rows("roles") if r.get("party") == "yes")
    return _PARTY_ROLES


def complete_chain(posts: list[Post], ctx: Context) -> None:
    """Fill elided committees and places: from later items, then earlier ones,
    then from the article's context."""
    for i, post in enumerate(posts):
        body = post.body
        for other in posts[i + 1:] + posts[:i][::-1]:
            if body.complete and not body.needs_place:
                break
            body = fill_from(body, other.body)
        post.body = body
    for post in posts:
        post.body = resolve(post.body, ctx, post.start)
    # a filled place may have come from a context resolution of a later item
    for i, post in enumerate(posts):
        if post.body.needs_place:
            for other in posts[i + 1:] + posts[:i][::-1]:
                post.body = fill_from(post.body, other.body)
    for post in posts:
        body = post.body
        if body.organs and not body.complete:
            # "đồng chí B, Phó Trưởng Ban Tuyên giáo" after "A, Trưởng Ban Tuyên giáo Huyện ủy X"
            earlier = ctx.organ_bodies.get(body.organs)
            if earlier is not None and earlier[0] < post.start:
                post.body = replace(earlier[1], start=body.start, end=body.end, trailing_person=body.trailing_person)
            else:
                # "đồng chí A, Phó Bí thư Thường trực Quận ủy; đồng chí B, UV BTV, Trưởng Ban Dân vận":
                # a party organ whose committee a list leaves out is of the committee its item before names
                near = [c for at, c in ctx.committee_bodies if 0 < post.start - at <= _NEAR]
                if near:
                    c = near[-1]
                    post.body = replace(body, committee=c.committee, head=c.head, unit_type=c.unit_type, name=c.name)
        elif body.complete and not body.needs_place and (body.committee or body.head and body.unit_type):
            if body.organs:
                ctx.organ_bodies[body.organs] = (post.start, body)
            ctx.committee_bodies.append((post.start, body))


# how far before an organ left without its committee a post may be to lend it its
# committee: an item or two of a list
_NEAR = 200


def find_people(text: str, sentences, ctx: Context, known: frozenset[str],
                body_start: int) -> list[PersonMention]:
    """Every person mention with the title chain that follows it."""
    out: list[PersonMention] = []
    taken: list[tuple[int, int]] = []
    # the sentence before opened a list set out line by line ("… các đồng chí:"), or was an
    # item of one that named a person
    in_list = False
    for s in sentences:
        read_before = len(out)
        # honorific + name
        prev = None
        for m in _re("honorific").finditer(text, s.start, s.end):
            if m.group("hon")[0].isupper() and (
                    _re("unit_word_before").search(text, max(s.start, m.start() - 12), m.start())
                    or m.group("hon") in _NAME_WORDS
                    and _NAME_WORD_BEFORE.search(text, max(s.start, m.start() - 12), m.start())):
                # "Dinh Ông Nam Hải", "Chùa Bà X": a capitalised "Ông" or "Bà" that goes on a
                # proper name is a word of that name, not an honorific
                continue
            pm = _mention(text, m.group("name"), m.start("name"), m.end("name"), m.group("rank"),
                          m.group("hon"), s.end, ctx, known)
            if pm.appointed and prev is not None and not prev.posts \
                    and _AND.fullmatch(text, prev.end, m.start()):
                # "ông A và ông B đảm nhiệm chức vụ …": both are appointed
                prev.posts = list(pm.posts)
            out.append(pm)
            taken.append((m.start(), pm.end))
            prev = pm
        # "Anh Nguyễn Văn A, …", "Cụ Lê Văn B …": an honorific read only in lower case (capitalised,
        # "Anh" is a given name) opens its sentence or a list's line capitalised
        lead_in = _BULLET.match(text, s.start, s.end)
        m = _re("initial_honorific").match(text, lead_in.end() if lead_in else s.start, s.end)
        if m and _looks_like_name(m.group("name")) and not any(a <= m.start("name") < b for a, b in taken):
            pm = _mention(text, m.group("name"), m.start("name"), m.end("name"), m.group("rank"),
                          m.group("hon"), s.end, ctx, known)
            out.append(pm)
            taken.append((m.start(), pm.end))
        for m in _re("party_member").finditer(text, s.start, s.end):
            if _looks_like_name(m.group("name")) and not any(a <= m.start("name") < b for a, b in taken):
                pm = _mention(text, m.group("name"), m.start("name"), m.end("name"), None, None, s.end, ctx, known)
                out.append(pm)
                taken.append((m.start(), pm.end))
        # names heading a title chain: at the start of a sentence or of a list item
        bullet = _BULLET.match(text, s.start, s.end)
        starts = [bullet.end() if bullet else s.start]
        lm = _re("list").search(text, s.start, s.end)
        listed: set[int] = set()
        if lm:
            starts.append(lm.end())
            # "miễn nhiệm 2 Ủy viên UBND tỉnh là ông A, ông B": a post taken away is no one's
            removed = _REMOVED_BEFORE.search(text, max(s.start, lm.start() - 40), lm.start())
            list_end = 0 if removed else _shared_post_list(text, lm.end(), s.end, ctx, known, out, taken)
            if list_end:
                # the list is read; what follows it ("…; <post> B") is read as usual
                taken.append((lm.start(), list_end))
        starts += [m.end() for m in _SEMI.finditer(text, s.start, s.end)]
        # "… Ủy ban Bầu cử tỉnh: A – <post>; B – <post>": a colon opens a list even when
        # the words before it are no chain the tables can read
        starts += [m.end() for m in _AFTER_COLON.finditer(text, s.start, s.end)]
        if lm:
            # "các đồng chí: A, <post>; B, <title the tables lack>; …": an item of
            # the list is a person even when none of its titles is known
            listed = {st for st in starts if st >= lm.end()}
        if in_list and (bullet or text[s.start - 1:s.start] == "\n"):
            # "…:\n- A, <post>;\n- B, <a post the excerpt cuts off>": a line of a list of
            # people is a person even when none of its titles is read
            listed.add(starts[0])
        # a rank or degree anywhere opens a name: "…, TS. Đào Minh Sơn, Ủy viên …"
        ranked = [m.start() for m in _re("rank_at").finditer(text, s.start, s.end)]
        starts += ranked
        # "Dự có A, <post> và B, <post>", "do A, <post> làm trưởng đoàn", "làm việc với A, <post>": a
        # name after such a word heads a chain, and so does each next one after a person with a post
        # (a name without a post there is no one: "có Hà Nội, …")
        introduced = {m.end() for m in _INTRODUCED.finditer(text, s.start, s.end)}
        starts += sorted(introduced)
        def next_item(pm: PersonMention) -> None:
            # "các đồng chí: A, <post>, B, <post>": the next item opens after this one's separator;
            # "các đồng chí A và B, <post>": after the name of one with no post
            sep = _LIST_SEP.match(text, pm.end if pm.posts else pm.start + len(pm.name))
            nxt = sep.end() if sep and sep.end() > pm.start + len(pm.name) else pm.end
            if (sep or not pm.posts) and nxt not in listed:
                starts.append(nxt)
                listed.add(nxt)

        i = 0
        while i < len(starts):
            st = starts[i]
            i += 1
            if any(a <= st < b for a, b in taken):
                # "Các đồng chí A, <post>, B, <post>": the first item was read after its
                # honorific; the list goes on after it all the same
                first = next((x for x in out if x.start == st), None) if st in listed else None
                if first is not None:
                    next_item(first)
                continue
            m = _re("lead").match(text, st, s.end) or (
                _re("rank_lead").match(text, st, s.end) if st in ranked else None)
            last_listed = None
            if m is None and st in listed:
                # "các đồng chí A, B lần lượt …": the list's last name, the clause going on after it
                m = last_listed = _re("last_listed").match(text, st, s.end)
            if not m or not _looks_like_name(m.group("name")):
                continue
            pm = _mention(text, m.group("name"), m.start("name"), m.end("name"), m.group("rank"),
                          None, s.end, ctx, known)
            ranked_person = m.group("rank") and st == m.start() and not _alone_on_its_line(
                text, st, m.end("name"))
            if pm.posts or pm.former or ranked_person or st in listed and (pm.end > m.end("name") or last_listed):
                # a rank is a person's as surely as a title: "do Đại tướng X, Bộ trưởng …";
                # but a degree and a name on a line of their own are an author's credit ("ThS. X")
                out.append(pm)
                taken.append((m.start(), pm.end))
                if st in listed:
                    next_item(pm)
                elif st in introduced and pm.posts:
                    sep = _LIST_SEP.match(text, pm.end)
                    if sep and sep.end() not in introduced:
                        starts.append(sep.end())
                        introduced.add(sep.end())
        # title before the name: "Bí thư Huyện ủy Lục Yên Đặng Quốc Hưng"
        for m in _re("chain_start").finditer(text, s.start, s.end):
            if any(a <= m.start() < b for a, b in taken):
                continue
            posts, p = parse_chain(text, m.start(), s.end, known)
            if not posts:
                # "Bí thư Đảng ủy Võ Hải Ninh và Chủ tịch Nguyễn Xuân Thê": a bare title
                # names a person whose post the text leaves untold
                bare = _re("bare_title_name").match(text, m.end(), s.end)
                if bare and _looks_like_name(bare.group("name")) and len(bare.group("name").split()) >= 3:
                    pm = PersonMention(name=bare.group("name"), start=bare.start("name"), end=bare.end("name"))
                    pm.posts = _bare_minister(text, m)
                    out.append(pm)
                    taken.append((m.start(), bare.end("name")))
                continue
            person, ps = posts[-1].body.trailing_person, posts[-1].end + 1
            dash = _re("dash_name").match(text, p, s.end) if not person else None
            if dash and _looks_like_name(dash.group("name")):
                person, ps = dash.group("name"), dash.start("name")
            if not person:
                # "Trưởng Công an huyện Thượng tá X": a rank between the post and the name
                ranked_name = _re("rank_lead").match(text, _BLANK.match(text, p).end(), s.end)
                if ranked_name and _looks_like_name(ranked_name.group("name")):
                    person, ps = ranked_name.group("name"), ranked_name.start("name")
            if not person and not any(x.label for x in posts):
                # "Bí thư Đảng ủy Võ Hải Ninh": a body too bare to name, then the name
                bare = _re("bare_title_name").match(text, p, s.end)
                if bare and _looks_like_name(bare.group("name")) and len(bare.group("name").split()) >= 3:
                    person, ps = bare.group("name"), bare.start("name")
            if not person:
                # "Bí thư Trung ương Đảng, Phó Thủ tướng Chính phủ, Trưởng Đoàn kiểm
                # tra số 892 của Ban Bí thư X": the delegation role ends the chain
                person, ps = _named_after_delegation(text, p, s.end, known)
                if not person:
                    holder = _appositive_holder(text, s.start, m.start(), p, out)
                    if holder is not None:
                        complete_chain(posts, ctx)
                        holder.posts = [x for x in posts if x.label]
                    continue
            end = ps + len(person)
            # "Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh A, Chủ tịch Ủy ban bầu cử tỉnh làm Trưởng
            # đoàn": the chain written before the name may go on after it
            after = _CHAIN_AFTER_NAME.match(text, end, s.end)
            if after:
                more, q = parse_chain(text, after.end(), s.end, known, holder_named=True)
                if more and not _names_next(text, q, s.end):
                    posts, end = posts + more, q
            complete_chain(posts, ctx)
            pm = PersonMention(name=person, start=ps, end=end)
            # "nguyên Thủ tướng X": a former post names the person but is no post of theirs
            pm.former = bool(_FORMER_BEFORE.search(text, max(s.start, m.start() - 8), m.start()))
            pm.posts = [] if pm.former else [x for x in posts if x.label]
            out.append(pm)
            taken.append((m.start(), pm.end))
        in_list = s.text.endswith(":") or in_list and len(out) > read_before
    _keep_written_places(text, out)
    out = _drop_cut_names(text, out)
    _one_spelling(out)
    return out


# where an excerpt is cut: its "[…]" mark, or the end of the text
_CUT = re.compile(r"[ \t]*(?:\[[ \t]*(?:…|\.\.\.)[ \t]*\]|\s*\Z)")
_NEVER_LAST: frozenset[str] | None = None


def _never_last() -> frozenset[str]:
    """Middle names that never end a name (middle_names.csv ``never_last``: "Thị", "Văn")."""
    global _NEVER_LAST
    if _NEVER_LAST is None:
        from kg import tables
        _NEVER_LAST = frozenset(r["word"] for r in tables.rows("middle_names") if r.get("never_last") == "yes")
    return _NEVER_LAST


def _drop_cut_names(text: str, mentions: list[PersonMention]) -> list[PersonMention]:
    """A name the excerpt cuts off ("… Lê Văn […]") is the start of a name,
    not a person: dropped when it ends in a middle name or another name
    of the text goes on from it."""
    names = {m.name for m in mentions}
    out = []
    for m in mentions:
        if _CUT.match(text, m.start + len(m.name)) and (
                m.name.split()[-1] in _never_last()
                or any(n != m.name and n.startswith(m.name) for n in names)):
            continue
        out.append(m)
    return out


def _one_spelling(mentions: list[PersonMention]) -> None:
    """One person printed two ways, a tone mark slipping in one letter ("Lê
    Văn Thưởng" … "Lê Văn Thường" two lines on): a spelling named with no post
    of its own, or none but the other's, is the spelling named most (with
    posts first). Two names with posts of their own stay two people."""
    groups: dict[str, list[PersonMention]] = {}
    for m in mentions:
        if len(m.name.split()) >= 3:
            groups.setdefault(fold(m.name), []).append(m)
    for group in groups.values():
        spellings = {m.name for m in group}
        if len(spellings) < 2:
            continue
        posts = {n: {p.label for m in group if m.name == n for p in m.posts} for n in spellings}
        order = sorted(spellings, key=lambda n: (-len(posts[n]), -sum(m.name == n for m in group),
                                                 min(m.start for m in group if m.name == n)))
        main = order[0]
        for other in order[1:]:
            if _one_letter_apart(main, other) and posts[other] <= posts[main]:
                for m in group:
                    if m.name == other:
                        m.name = main


def _one_letter_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1


def _title_phrases() -> list[str]:
    from kg import tables
    return [r["phrase"] for r in tables.rows("titles")]


def _alone_on_its_line(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` all its line holds (blanks and a full stop aside)?"""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[text.rfind("\n", 0, start) + 1:start].strip() and not text[end:line_end].strip(" \t.")


def _keep_written_places(text: str, mentions: list[PersonMention]) -> None:
    """A post whose place the text leaves out ("A – Phó Trưởng Ban Dân tộc tỉnh"
    in a caption) is the one the same person was named with before, place
    written ("A – Phó Trưởng Ban Dân tộc tỉnh Quảng Ngãi"), not the unit that
    the context last named (another province the story is about)."""
    written: dict[tuple, Post] = {}
    for pm in sorted(mentions, key=lambda x: x.start):
        for i, post in enumerate(pm.posts):
            b = post.body
            if b.central or b.name is None:
                continue
            key = (pm.name, post.role, b.organs, b.committee, b.head, b.place_organ, b.unit_type)
            if b.name in text[b.start:b.end]:
                written.setdefault(key, post)
            elif key in written:
                pm.posts[i] = written[key]


_FORMER = re.compile(r"(?i:nguyên)[ \t]+")
_REMOVED_BEFORE = re.compile(r"(?i:miễn nhiệm|bãi nhiệm|cách chức|cho thôi|thôi giữ|thôi làm)[^.;:]{0,30}$")
_NEWLY = re.compile(r"tân[ \t]+(?=\w)")
_FORMER_BEFORE = re.compile(r"(?<!\w)(?i:nguyên)[ \t]+$")


_DELEG_KIND = re.compile(r"[ \t]+(?i:kiểm tra|giám sát|công tác|khảo sát)(?:[ \t]+số[ \t]+\d+)?(?=[ \t]*[,;–-])")
_DELEG_TAIL = re.compile(r"(?<=[Đđ]oàn)(?:[ \t]+(?i:kiểm tra|giám sát|công tác)(?:[ \t]*,[ \t]*(?i:giám sát|kiểm tra))?)?"
                         r"(?:[ \t]+số[ \t]+\d+)?(?:[ \t]+(?P<of>của)[ \t]+)?")


def _named_after_delegation(text, p, end, known) -> tuple[str | None, int]:
    """The person named after a chain that ends in "Trưởng đoàn [kiểm tra] [số
    N] [của <body>]", with the position of the name."""
    role = re.compile(r"[ \t]*[,–-][ \t]*(?i:trưởng đoàn)(?!\w)").match(text, p, end)
    if role is None and not re.search(r"(?<!\w)(?i:trưởng đoàn)$", text[max(0, p - 12):p]):
        return None, p
    m = _DELEG_TAIL.match(text, role.end() if role else p, end)
    q = m.end()
    if m.group("of"):
        body = parse_body(text, q, known)
        if body is None:
            return None, p
        q = body.end
    after = _re("name_after").match(text, q, end)
    if after and after.start() > p and _looks_like_name(after.group("name")):
        return after.group("name"), after.start("name")
    return None, p




@cache
def _appositive() -> re.Pattern:
    """The comma, honorific and rank that set off a post's holder after it:
    ", ông ", ", Thượng úy "."""
    return re.compile(rf"[ \t]*,[ \t]*(?P<hon>(?i:ông|bà|đồng chí)[ \t]+)?(?P<rank>(?:{lexicon().rank_re})[ \t]*)?")


def _appositive_holder(text, sentence_start, chain_start, chain_end, mentions) -> PersonMention | None:
    """"Chủ tịch UBND huyện X, ông A, cho biết …": the post a sentence opens
    with, then its holder set off by commas after an honorific or a rank. The holder is
    the mention read after that honorific, when it has no post of its own and
    no one is named before the post in the sentence (in "đồng chí B, <post>,
    đồng chí A, …" the post is B's)."""
    a = _appositive().match(text, chain_end)
    if a is None or not (a.group("hon") or a.group("rank")):
        return None
    holder = None
    for pm in mentions:
        if sentence_start <= pm.start < chain_start:
            return None
        if pm.start == a.end() or pm.start > a.end() and not text[a.end():pm.start].strip():
            holder = pm
    if holder is None or holder.posts or not _HOLDER_ENDS.match(text, holder.start + len(holder.name)):
        return None
    return holder


# the holder set off after a post is followed by a comma, or by its verb: "Bộ trưởng Bộ X, Đại tướng A
# kiểm tra …"
_HOLDER_ENDS = re.compile(rf"[ \t]*,|[ \t]+{LOWER}")


def _names_next(text: str, pos: int, end: int) -> bool:
    """Does a name (a rank before it or not) follow ``pos``? A chain that runs
    into one ("…, Trưởng Công an huyện Thượng tá A") is that person's."""
    at = _BLANK.match(text, pos).end()
    ranked = _re("rank_lead").match(text, at, end)
    if ranked:
        return _looks_like_name(ranked.group("name"))
    bare = _re("name").match(text, at, end)
    return bare is not None and _looks_like_name(bare.group(0))


_MINISTRY_AT = re.compile(r"(?<!\w)Bộ[ \t]+(?=[A-ZĐ])")


def _bare_minister(text: str, title: re.Match) -> list[Post]:
    """"Bộ trưởng A", the ministry unsaid: the one ministry the article names, or
    none, the rank as written; with two ministries named, no post is sure."""
    role = lexicon().roles_by_label.get(fold(title.group(0)))
    if role not in _MINISTERS:
        return []
    ministries = set()
    for at in _MINISTRY_AT.finditer(text):
        ref = parse_body(text, at.start())
        if ref is not None and ref.central and ref.kind == "state_body" and _MINISTRY.match(ref.central) \
                and not ref.central.startswith("Bộ Tư lệnh"):
            ministries.add(ref.central)
    label = lexicon_role_label(role)
    if len(ministries) == 1:
        body = BodyRef(title.start(), title.end(), kind="state_body", central=ministries.pop())
        return [Post(role, label, body, title.start(), title.end())]
    if ministries:
        return []
    return [Post(role, label, BodyRef(title.start(), title.end()), title.start(), title.end(), label)]


_CLOSING_COMMA = re.compile(r"[ \t]*,")
_NAME_WORD_BEFORE = re.compile(rf"(?<!\w){UPPER}\w*[ \t]+$")
# the honorifics that are words of proper names too ("Dinh Ông", "Chùa Bà"); "Hòa thượng" after
# a capitalised word ("chúc Tết Hòa thượng A") is still a title
_NAME_WORDS = frozenset({"Ông", "Bà"})
# the mark that opens an item of a list set out line by line: "- A, <post>;", "+ B, <post>"
_BULLET = re.compile(r"[-–•+*][ \t]*(?=\w)")
_CHAIN_AFTER_NAME = re.compile(r"[ \t]*[,–-][ \t]*")
# (word_start: the scan skips to the words' first letters, not a lookbehind tried everywhere)
_INTRODUCED = re.compile(word_start("có|do|là|với|cùng") + rf"[ \t]+(?={UPPER})")
_LIST_SEP = re.compile(r"[ \t]*[,;][ \t]*(?:và[ \t]+)?|[ \t]+và[ \t]+")
_COMMA_SEP = re.compile(r"[ \t]*,[ \t]*(?:và[ \t]+)?|[ \t]+và[ \t]+")
_COLON = re.compile(r"[ \t]*:[ \t]*")
# where _COLON's matches end, found from the colons (``re`` skips to a literal; a
# pattern that opens with optional blanks is tried at every position)
_AFTER_COLON = re.compile(r":[ \t]*")


def _shared_post_list(text, pos, end, ctx, known, out, taken) -> int:
    """"các đồng chí Phó Bí thư Tỉnh ủy: A - <post>, B, C", "các Phó Giám đốc
    Công an tỉnh gồm A và B": the titles before the colon (or "gồm") are every
    listed person's; each name may add its own. Returns where the list ends (0: no list)."""
    shared, p = parse_chain(text, pos, end, known)
    colon = _re("list_open").match(text, p) if shared else None
    if colon is None:
        # the chain ran on through the colon into the first item's own post
        for i, x in enumerate(shared[:-1]):
            c = _COLON.match(text, x.end)
            if c:
                shared, p, colon = shared[:i + 1], x.end, c
                break
        if colon is None:
            return 0
    complete_chain(shared, ctx)
    shared = [x for x in shared if x.label]
    p, found = colon.end(), 0
    while p < end:
        # "… gồm Thượng tá A và Thượng tá B": each name may carry its rank
        r = _re("rank_only").match(text, p, end)
        m = _re("name").match(text, r.end() if r else p, end)
        if not m or not _looks_like_name(m.group(0)):
            # "các đồng chí Ủy viên Bộ Chính trị: Chủ nhiệm … A, Trưởng ban … B": an item
            # may write its own post before the name
            pm = _titled_item(text, p, end, ctx, known)
            if pm is None:
                break
            pm.posts = shared + pm.posts
            out.append(pm)
            taken.append((p, pm.end))
            found = pm.end
            sep = _COMMA_SEP.match(text, pm.end)
            if not sep or sep.end() == pm.end:
                break       # a semicolon closes the shared titles: the next group has its own
            p = sep.end()
            continue
        pm = _mention(text, m.group(0), m.start(), m.end(), r.group("rank") if r else None, None, end, ctx, known)
        pm.posts = shared + pm.posts
        if re.fullmatch(r"[ \t,:-]*", text[m.end():pm.end]):
            pm.end = m.end()        # a bare name: its separator belongs to the list
        out.append(pm)
        taken.append((m.start(), pm.end))
        found = pm.end
        sep = _LIST_SEP.match(text, pm.end)
        if not sep or sep.end() == pm.end:
            break
        p = sep.end()
    return found


def _titled_item(text, pos, end, ctx, known) -> PersonMention | None:
    """A list item written post first, name last: "Trưởng ban Tổ chức Trung ương Lê Văn A"."""
    posts, _ = parse_chain(text, pos, end, known)
    person = posts[-1].body.trailing_person if posts else None
    if not person:
        return None
    start = text.find(person, posts[-1].end, end)
    if start < 0:
        return None
    complete_chain(posts, ctx)
    pm = PersonMention(name=person, start=start, end=start + len(person))
    pm.posts = [x for x in posts if x.label]
    return pm


# the clan prefix of K'Ho, Mạ and Êđê names, written onto the first syllable: "K'Mák", "H'Hoa"
_PREFIXED_NAME = re.compile(r"[KH]['’]\w+")


def _looks_like_name(name: str) -> bool:
    lx = lexicon()
    toks = name.split()
    if not 2 <= len(toks) <= 5:
        return False
    return toks[0] in lx.surnames or " ".join(toks[:2]) in lx.surnames or bool(_PREFIXED_NAME.fullmatch(toks[0]))


def _mention(text, name, start, end, rank, hon, limit, ctx, known) -> PersonMention:
    pm = PersonMention(name=name, start=start, end=end, rank=rank, honorific=hon)
    place_in_photo = _PLACE_IN_PHOTO.match(text, end)
    s = _AFTER_NAME.match(text, place_in_photo.end() if place_in_photo else end)
    f = _FORMER.match(text, s.end())
    if f and parse_title(text, f.end(), known) is not None:
        # "X, nguyên Bí thư Tỉnh ủy": a person, with no post of theirs told
        # but the one the sentence goes on to give them ("…, đã được bầu làm Phó Chủ tịch UBND tỉnh")
        pm.former = True
        _, p = parse_chain(text, f.end(), limit, known)
        a = _re("appointed").match(text, p, limit)
        taken, q = parse_chain(text, a.end(), limit, known) if a and a.end() > p else ([], p)
        complete_chain(taken, ctx)
        pm.posts = [x for x in taken if x.label]
        pm.end = max(end, q)
        return pm
    posts, p = parse_chain(text, s.end(), limit, known, holder_named=True)
    a = _re("appointed").match(text, p, limit)
    if a and a.end() > p:
        more, q = parse_chain(text, a.end(), limit, known, holder_named=True)
        if more:
            pm.appointed = not posts
            posts, p = posts + more, q
    complete_chain(posts, ctx)
    pm.posts = [x for x in posts if x.label]
    pm.end = max(end, p)
    if s.group("paren") and posts:
        close = _CLOSE.match(text, p)
        pm.end = close.end() if close else pm.end
    return pm


_AFTER_NAME = re.compile(r"[ \t]*(?:,|-|:|(?P<paren>\())?[ \t]*")
# where a caption's person stands, in brackets between the name and the chain: "A (thứ hai từ
# trái sang), <post>", "B (bên phải), <post>"
_PLACE_IN_PHOTO = re.compile(
    r"[ \t]*\((?i:thứ|bên|đứng|ngồi|giữa|ở giữa|người|hàng|trái|phải|áo)(?!\w)[^()\n]{0,30}\)")
_CLOSE = re.compile(r"[^()\n]{0,40}?\)")


def byline(text: str, begin: int, ctx: Context, known: frozenset[str]) -> PersonMention | None:
    """The closing byline, when it states its author's post:
    "CTV Bế Thời - Chuyên viên Ban Tuyên giáo Thành ủy"."""
    lines = [m for m in re.finditer(r"[^\n]+", text[begin:]) if m.group(0).strip()]
    if not lines:
        return None
    last = lines[-1]
    a, b = begin + last.start(), begin + last.end()
    line = text[a:b]
    if len(line.split()) > 25 or line.rstrip().endswith((".", "!", "?")) and len(line.split()) > 12:
        return None
    lx = lexicon()
    lead = lx.byline_re.match(line)
    off = a + (lead.end() if lead else 0)
    m = _re("lead").match(text, off, b)
    if not m or _re("initial_honorific").match(text, off, b):
        # ("Anh Nguyễn Văn A, Trưởng bản …" closing a text is a sentence, its honorific no name)
        return None
    pm = _mention(text, m.group("name"), m.start("name"), m.end("name"), m.group("rank"),
                  None, b, ctx, known)
    pm.byline = True
    return pm if pm.posts else None
