"""Bodies: canonical organisation names qualified with their place.

Grammar (after abbreviation expansion, case-insensitive on the body words):

    central     Bộ Chính trị | Ban Bí thư (Trung ương Đảng) | … (central_bodies.csv)
    organ       Ban Thường vụ | Ban Tuyên giáo | Ủy ban Kiểm tra | …  (bodies.csv, committee)
    committee   Tỉnh ủy | Thành ủy | Huyện ủy | Thị ủy | Quận ủy      (unit_types.csv)
    head        Đảng ủy | Đảng bộ, then a unit type                    (bodies.csv, head)
    place organ Ủy ban nhân dân | Hội đồng nhân dân | …, then a unit type (bodies.csv, place)

    body := central | organ* (committee | head) [Name] | organ+ Trung ương | place-organ type [Name]

A missing name ("Ban Tuyên giáo Tỉnh ủy") is filled from the article's
context; a missing committee ("Ủy viên BTV, Trưởng Ban Tuyên giáo Huyện ủy")
from the rest of a title chain; a truncated organ ("Ban Tuyên Thành ủy") is
completed to the organ of that prefix the article names, else the shortest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.model import OrgKind, UnitLevel

from .lexicon import CAP, LOWER, UPPER, _alt, fold, lexicon, word_start
from .places import COMMUNE_TYPES, Context, Mention, canonical_type, known_unit, name_pattern, trim_place_name

_TERM = re.compile(r"\s+khóa\s+[IVXLC]+\b|\s+nhiệm kỳ\s+\d{4}\s*-\s*\d{4}")
_TERM_OF = re.compile(r"[ \t]+khóa[ \t]+[IVXLC]+(?:[ \t]+của)?(?=[ \t])")


def replace(ref, **changes):
    """``dataclasses.replace`` for BodyRef, without its per-call field walk:
    the frozen dataclass has no ``__post_init__`` and only init fields, so a
    copy of its ``__dict__`` with the changes is the same value."""
    new = object.__new__(type(ref))
    d = new.__dict__
    d.update(ref.__dict__)
    d.update(changes)
    d.pop("_canonical", None)       # (BodyRef.canonical's, of the value copied)
    return new


@dataclass(frozen=True)
class BodyRef:
    start: int
    end: int
    organs: tuple[str, ...] = ()      # canonical organ words, outermost first
    kind: str = "organisation"
    committee: str | None = None      # "Tỉnh ủy"
    head: str | None = None           # "Đảng ủy" / "Đảng bộ"
    place_organ: str | None = None    # "Ủy ban nhân dân"
    unit_type: str | None = None
    name: str | None = None
    central: str | None = None
    truncated: str | None = None      # the organ as written when it was completed
    trailing_person: str | None = None  # a name written right after the body
    implied_type: bool = False        # unit_type comes from the body, not the text ("Sở Y tế")
    written: str | None = None        # named as written, no place to add: "Chi bộ thôn Đông"

    @property
    def complete(self) -> bool:
        return bool(self.central or self.written or self.committee or self.head or self.place_organ)

    @property
    def needs_place(self) -> bool:
        return not (self.central or self.written) and self.name is None

    def place_type(self) -> str | None:
        if self.committee:
            return lexicon().committees[fold(self.committee)]
        return self.unit_type

    def place(self) -> tuple[str, str] | None:
        t = self.place_type()
        return (t, self.name) if t and self.name else None

    def canonical(self) -> str | None:
        # asked for again and again of the same value (each post's label, each citation of
        # the body): worked out once and kept beside the fields (a frozen value cannot
        # change; replace() leaves it behind, and fields alone make eq, hash and repr)
        try:
            return self.__dict__["_canonical"]
        except KeyError:
            name = self.__dict__["_canonical"] = self._canonical()
            return name

    def _canonical(self) -> str | None:
        if self.central or self.written:
            return self.central or self.written
        if not self.complete:
            return None
        if self.name is None:
            # a committee or a state body the text never places ("Ban Thường vụ
            # Tỉnh ủy", "Hội đồng nhân dân huyện", "Đảng ủy phường" in an excerpt
            # that names no province, district or ward) is kept as written, not
            # dropped (its record is the source's own: Organisation.scope)
            if self.committee:
                return " ".join([*self.organs, self.committee])
            if self.place_organ and self.unit_type:
                # "Giám đốc Sở Y tế" stays as written: its implied "tỉnh" is not the text's
                return " ".join([*self.organs, self.place_organ] + ([] if self.implied_type else [self.unit_type]))
            if self.head and self.unit_type and (self.organs or self.head == "Đảng ủy" and self.unit_type in COMMUNE_TYPES):
                # "Ban Chấp hành Đảng bộ tỉnh", "Đảng ủy phường"; not "Đảng bộ tỉnh", the
                # organisation whose congress a story names
                return " ".join([*self.organs, self.head, self.unit_type])
            return None
        parts = list(self.organs)
        if self.committee:
            parts.append(self.committee)
            # a city whose party bodies write its type: "Thành ủy Thành phố Hồ Chí Minh"
            parts.append(_names_in_bodies().get(self.name, self.name))
            return " ".join(parts)
        elif self.head:
            if not self.unit_type:
                return None
            parts += [self.head, self.unit_type]
        elif self.place_organ:
            if not self.unit_type:
                return None
            parts += [self.place_organ, self.unit_type]
        parts.append(self.name)
        return " ".join(parts)

    def locality(self) -> str | None:
        """The place a committee, its standing committee or its people's
        committee stands for ("Ban Thường vụ Huyện ủy X" -> "huyện X")."""
        p = self.place()
        if not p:
            return None
        locality_organs = {"Ban Thường vụ", "Ban Chấp hành", "Thường trực"}
        if set(self.organs) - locality_organs:
            return None
        if self.place_organ and self.place_organ not in ("Ủy ban nhân dân",):
            return None
        return f"{p[0]} {p[1]}"

    def org_kind(self) -> OrgKind:
        if self.organs:
            k = self.kind
        elif self.place_organ:
            # a board named by its task is in no table: its own kind
            k = lexicon().place_organs.get(fold(self.place_organ), (None, self.kind))[1]
        elif self.central:
            k = self.kind
        else:
            k = "party_committee"
        try:
            return OrgKind(k)
        except ValueError:
            return OrgKind.ORGANISATION


_RES: dict[str, re.Pattern] = {}


def _re(key: str) -> re.Pattern:
    if not _RES:
        lx = lexicon()
        name = name_pattern()
        _RES["central"] = re.compile(rf"(?i:{lx.central_re})(?!\w)")
        _RES["organ"] = re.compile(rf"(?i:{lx.organ_re})(?!\w)\s*")
        _RES["trunc"] = re.compile(rf"(?i:Ban)((?:\s+\w+){{1,3}}?)\s+(?=(?i:{lx.committee_re})(?!\w))")
        _RES["committee"] = re.compile(rf"(?i:{lx.committee_re})(?!\w)(?!\s*viên)")
        _RES["head"] = re.compile(rf"(?i:{lx.heads_re})(?!\w)")
        _RES["place_organ"] = re.compile(rf"(?i:{lx.place_organ_re})(?!\w)")
        _RES["type"] = re.compile(rf"\s+(?P<t>(?i:{lx.unit_type_re}))(?!\w)")
        _RES["name"] = re.compile(rf"[ \t]+(?P<n>{name}|\d{{1,2}}(?!\w))")
        # a unit's name may open with a capitalised honorific ("Thành ủy Bà Rịa"), which
        # the name pattern stops at
        _RES["any_name"] = re.compile(rf"[ \t]+(?P<n>(?={UPPER})(?:{lx.honorific_re})(?:[ \t]+{CAP}){{1,7}})")
        _RES["org_after"] = re.compile(rf"[ \t]+(?P<org>(?i:{lx.central_re}))(?!\w)")
        _RES["tw"] = re.compile(rf"\s+(?i:Trung ương)(?:\s+Đảng)?(?!\w)(?!{ASSOCIATION.pattern})")
        # a board named for its task, up to the unit it serves: "Ban Chỉ đạo xây dựng nông thôn
        # mới huyện", "Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh"; its words
        # stop at a clause's ("… làm Trưởng đoàn tại xã …") and at the Centre's, whose boards are named
        # and at another body's ("Ban chỉ đạo NTM, UBND xã X": two bodies)
        # (a state body's words stop it only before a unit: "Ban Chỉ đạo bầu cử đại biểu Hội đồng nhân
        # dân các cấp tỉnh" is one board, "Ban chỉ đạo NTM, UBND xã X" two bodies)
        stop = (rf"(?:tại|đã|đang|sẽ|vừa|với|làm|cùng|đến|cho|của|Trung ương|(?:{lx.honorific_re})"
                rf"|(?:{lx.place_organ_re})(?=[ \t]+(?i:{lx.unit_type_re})(?!\w))"
                rf"|{lx.organ_re}|{lx.committee_re}|{lx.heads_re})(?!\w)")
        # nor at a clause that names the board's head ("Ban Chỉ đạo Đại hội do Phó Bí thư thành phố …")
        clause = rf"(?!(?i:do|là|gồm|nhằm|được)(?!\w))(?!(?:{lx.role_re})(?!\w))"
        _RES["task_board"] = re.compile(
            # (a steering team too: "Tổ chỉ đạo đại hội điểm của tỉnh X", the unit after "của" kept as written)
            rf"(?i:(?:Ban|(?P<team>Tổ))[ \t]+(?P<board>Chỉ đạo|Chỉ huy|Vận động))"
            rf"(?P<task>(?:[ \t]*,?[ \t]+(?!(?i:{stop})){clause}[\w“”\"'&-]+){{1,30}}?)"
            rf"(?(team)(?P<of>[ \t]+của)?)(?=[ \t]+(?i:{lx.unit_type_re})(?!\w))")
        # a central steering committee the tables lack, named by its task after "về" up to a
        # clause ("… chuyển đổi số, Trưởng đoàn …", "… tham nhũng do ông …"): its task may hold
        # commas before lower-case words ("khoa học, công nghệ, đổi mới sáng tạo"); or by the
        # programme it steers, with no "về" ("Ban Chỉ đạo Trung ương (các) Chương trình mục tiêu
        # quốc gia …")
        task_word = rf"(?!(?i:{stop}|do|được|nhằm|là|gồm|và[ \t]+{UPPER}){{1}}(?!\w))[\w/-]+"
        # (or by a programme's name, capitalised, with no "về": "Ban Chỉ đạo Trung ương Chương trình …")
        _RES["central_board"] = re.compile(
            rf"(?i:Ban[ \t]+Chỉ[ \t]+đạo[ \t]+Trung[ \t]+ương)(?!\w)"
            rf"(?:[ \t]+(?P<task>(?:(?i:về)[ \t]+|(?:(?i:các)[ \t]+)?(?i:chương[ \t]+trình)[ \t]+|(?={UPPER})){task_word}"
            rf"(?:(?:[ \t]+|[ \t]*,[ \t]+(?={LOWER})){task_word}){{0,25}}))?")
        # a board named for its task with no unit after it, as a post's body ("Phó Trưởng Ban Thường
        # trực Ban Chỉ đạo các Chương trình mục tiêu quốc gia và …"): its task runs to a punctuation
        # mark, a clause or an oversight verb
        # (a comma goes on with the task only in "phòng, chống": after a board, a comma and a
        # lower-case word are the clause going on, "…, phát biểu")
        verb = rf"(?i:{lx.event_verb_re})(?!\w)"
        _RES["unplaced_task_board"] = re.compile(
            rf"(?i:Ban[ \t]+(?P<board>Chỉ đạo|Chỉ huy|Vận động))(?!\w)"
            rf"(?P<task>(?:(?:[ \t]+|(?<=(?i:phòng))[ \t]*,[ \t]+(?=(?i:chống)(?!\w)))(?!{verb})(?!và[ \t]+{UPPER})"
            rf"{task_word}){{1,25}})"
            rf"(?=[ \t]*(?:[,;.:()]|$)|[ \t]+(?:(?i:{stop}|do|được|là|và|kiêm)(?!\w)|{verb}))", re.M)
        # the party cell of a settlement (no unit of the map): "Chi bộ thôn Đông", "Chi bộ khu phố 3"
        _RES["cell"] = re.compile(
            rf"(?P<cell>(?i:chi bộ|chi đoàn))[ \t]+(?P<kind>(?i:thôn|làng|bản|xóm|ấp|buôn|sóc|khu phố|tổ dân phố|khu dân cư))"
            rf"(?![ \t]+(?i:{lx.unit_type_re})(?!\w))"
            rf"[ \t]+(?P<n>(?:(?:số[ \t]+)?\d{{1,3}}(?!\w)|{CAP})(?:[ \t]+{CAP}){{0,7}})"
            # a numbered part of a named neighbourhood: "Chi bộ khu phố Phú Cường 12"
            rf"(?P<num>[ \t]+\d{{1,3}}(?![\d/.,]\d|\w))?")
        # a zone's board: its kind, its kind's lower-case words, then its capitalised name,
        # perhaps in two parts joined by a dash ("… cửa khẩu Đồng Đăng - Lạng Sơn")
        _RES["zone_board"] = re.compile(
            rf"(?P<party>(?i:đảng ủy|đảng bộ)[ \t]+)?(?i:Ban[ \t]+Quản[ \t]+lý[ \t]+(?:các[ \t]+)?"
            rf"(?:Khu[ \t]+kinh[ \t]+tế|Khu[ \t]+công[ \t]+nghiệp|Khu[ \t]+công[ \t]+nghệ[ \t]+cao))"
            rf"(?:[ \t]+(?:cửa[ \t]+khẩu|ven[ \t]+biển|quốc[ \t]+tế|đặc[ \t]+biệt)(?!\w)){{0,2}}"
            rf"[ \t]+(?P<zone>(?!(?i:{lx.unit_type_re})(?!\w)){CAP}(?:[ \t]+{CAP}){{0,7}}"
            rf"(?:[ \t]*-[ \t]*{CAP}(?:[ \t]+{CAP}){{0,7}})?)")
        # (and a sub-committee named for its field: "Tiểu ban An ninh, Trật tự và Y tế của Hội
        # đồng bầu cử quốc gia")
        _RES["central_task_board"] = re.compile(
            rf"(?P<board>(?i:Ban[ \t]+Chỉ[ \t]+đạo|Tiểu[ \t]+ban))(?P<task>(?:[ \t]*,?[ \t]+"
            rf"(?!(?:của|do|tại|làm|đã|vừa|với|là)(?!\w))[\w/“”\"'&-]+){{1,30}}?)[ \t]+của[ \t]+"
            rf"(?P<org>(?i:{lx.central_re}))(?!\w)")
        # an institution whose party committee a head word opens, up to a clause or a punctuation mark
        _RES["institution"] = re.compile(
            r"[ \t]+(?P<org>(?P<inst>(?i:trường|trung tâm|bệnh viện|viện|học viện|công ty|tổng công ty|ngân hàng"
            r"|chi cục|cục))(?!\w)[^,;.:()\n]{0,60}?)(?=[ \t]+(?i:về|tại|đối với|trong|nhằm|và|năm|theo|để|đã|vừa|do|là|làm|cùng"
            rf"|với|có|được|đến|sẽ|đang|thuộc|trực thuộc|{lx.role_re}|{lx.committee_re}|{lx.heads_re})(?!\w)"
            r"|[ \t]*[,;.:()\n]|[ \t]*$)")
        # a unit's Youth Union committee, named by its unit's kind: "Tỉnh đoàn", "Huyện Đoàn X"
        # (a capital on one of its words: "tỉnh đoàn kết" is no body)
        _RES["youth"] = re.compile(
            rf"(?P<unit>(?:Tỉnh|Thành|Huyện|Quận|Thị)[ \t]+[đĐ]oàn|(?:tỉnh|thành|huyện|quận|thị)[ \t]+Đoàn)(?!\w)"
            rf"(?:[ \t]+(?P<n>{name}))?")
        _RES["type_in"] = re.compile(rf"(?<!\w)(?i:{lx.unit_type_re})(?!\w)")
        _RES["council"] = re.compile(rf"(?i:{lx.council_organ_re})(?!\w)\s*")
        # the name runs to the central body it belongs to, a comma between or not (a comma
        # before a lower-case word is the name's own: "Cục Quản lý đê điều và Phòng, chống thiên tai")
        _RES["department"] = re.compile(
            rf"(?P<unit>(?i:vụ|cục))[ \t]+(?P<n>{UPPER}(?:[^,;.:()\n]|,(?=[ \t]+{LOWER})){{1,60}}?)[ \t]*,?[ \t]*"
            rf"(?=(?i:{lx.central_re})(?!\w))")
        # a body that serves a numbered region rather than one unit (bodies.csv attach "region",
        # from the 2025 reform): "Tòa án nhân dân khu vực 2 - Hà Nội", "Ban Chỉ huy Phòng thủ khu vực 1",
        # perhaps with the province after it; "Thuế cơ sở 3" numbers its office with no "khu vực"
        from kg import tables
        regional = _alt(r["name"] for r in tables.bodies() if r["attach"] == "region")
        _RES["region"] = re.compile(
            rf"(?P<body>(?i:{regional}))[ \t]+(?:(?i:khu[ \t]+vực)[ \t]+|(?<=(?i:sở)[ \t]))(?P<n>\d{{1,2}}|[IVX]{{1,4}})(?!\w)"
            rf"(?:[ \t]*-[ \t]*(?P<name>{name}))?(?:[ \t]+(?P<ut>(?i:{lx.unit_type_re}))[ \t]+(?P<uname>{name}))?")
        # (after a comma, or right before a body's own word: "phòng Chính trị Bộ CHQS tỉnh")
        body_word = rf"(?:{lx.place_organ_re}|{lx.organ_re}|{lx.committee_re}|{lx.heads_re}|{lx.central_re})(?!\w)"
        # (with no comma, its name holds no dash: "Phòng Nội vụ - Phó Chủ tịch UBND huyện" is two posts)
        _RES["section"] = re.compile(
            rf"(?i:phòng)[ \t]+(?:(?P<n>{UPPER}[^,;.:()\n]{{0,40}}?)[ \t]*,[ \t]*(?=\w)"
            rf"|(?P<n2>{UPPER}[^,;.:()\n–-]{{0,40}}?)[ \t]+(?=(?i:{body_word})))")
        cut = [written for written, _ in _cut_central().values()]
        _RES["cut_central"] = re.compile(rf"(?i:{_alt(cut)})(?=[ \t]*(?:[,;\[]|\Z))") if cut else re.compile(r"(?!)")
    return _RES[key]


@lru_cache(maxsize=None)
def _cut_central() -> dict[str, tuple[str, str]]:
    """Central bodies' names cut one syllable short ("Bộ Chính" for "Bộ Chính
    trị": the excerpt's edge or a dropped word), where what is left names
    no other body and the cut falls inside the last word ("Chính trị"); by
    what is left, folded, to (what is left as written, the body's canonical name)."""
    lx = lexicon()
    vocab = {*lx.central, *lx.organs, *lx.place_organs, *lx.committees, *lx.unit_types, *lx.council_organs}
    by_rest: dict[str, set[str]] = {}
    written: dict[str, str] = {}
    from kg import tables
    names = [(r["name"], alias) for r in tables.rows("central_bodies")
             for alias in [r["name"], *(a.strip() for a in r["aliases"].split(";") if a.strip())]]
    for _, alias in names:
        words = alias.split()
        if len(words) >= 3 and words[-2][0].isupper() and words[-1][0].islower():
            # the last word is a compound's second syllable ("Chính trị"), not a
            # word of its own ("Báo Nhân Dân", "Ủy ban Kinh tế của Quốc hội")
            written[fold(" ".join(words[:-1]))] = " ".join(words[:-1])
    for rest in written:
        # every body whose name goes on from what is left: "Bộ Tài" may be two
        by_rest[rest] = {name for name, alias in names if fold(alias).startswith(rest + " ")}
    return {rest: (written[rest], next(iter(names_of))) for rest, names_of in by_rest.items()
            if len(names_of) == 1 and rest not in vocab}


# "… Trung ương Hội": the central organs of an association, not the Party's
ASSOCIATION = re.compile(r"[ \t]+Hội(?!\w)")
_IMPLIED: dict[str, str] | None = None
_IN_BODIES: dict[str, str] | None = None


def _names_in_bodies() -> dict[str, str]:
    """Centrally-run cities whose committees name them otherwise than by their
    bare name (centrally_run_cities.csv ``in_bodies``)."""
    global _IN_BODIES
    if _IN_BODIES is None:
        from kg import tables
        _IN_BODIES = {r["name"]: r["in_bodies"] for r in tables.rows("centrally_run_cities") if r.get("in_bodies")}
    return _IN_BODIES


def _implied_units() -> dict[str, str]:
    """Place organs that belong to one kind of unit (bodies.csv ``unit``), by
    canonical name: a provincial department is the province's when the text
    leaves it unwritten."""
    global _IMPLIED
    if _IMPLIED is None:
        from kg import tables
        _IMPLIED = {r["name"]: r["unit"] for r in tables.bodies() if r.get("unit")}
    return _IMPLIED


def _canon_organ(text: str) -> tuple[str, str]:
    lx = lexicon()
    key = fold(text.strip())
    return lx.organs[key]


# The steps of the extractor (bodies, documents, people, events) each ask for
# the body at the same places: read once per text and place (a BodyRef is frozen).
@lru_cache(maxsize=4096)
def parse_body(text: str, pos: int, known_organs: frozenset[str] = frozenset()) -> BodyRef | None:
    """The body written at ``pos`` (longest reading), or None."""
    ref = _named_zone_board(text, pos) or _regional_body(text, pos) or _tabled_body(text, pos, known_organs)
    return ref or _central_board(text, pos) or _task_board(text, pos) or _settlement_cell(text, pos) \
        or _election_board(text, pos) or _central_task_board(text, pos)


@lru_cache(maxsize=None)
def _regional_names() -> dict[str, tuple[str, str]]:
    from kg import tables
    return {fold(r["name"]): (r["name"], r["kind"]) for r in tables.bodies() if r["attach"] == "region"}


def _regional_body(text: str, pos: int) -> BodyRef | None:
    """"Viện Kiểm sát nhân dân khu vực 3 - Nghệ An", "Thuế cơ sở 2 tỉnh X": a body that
    serves a numbered region, named as written (its region's name, or the province
    after it, kept; a holder's name written after it is not)."""
    m = _re("region").match(text, pos)
    if m is None:
        return None
    canon, kind = _regional_names()[fold(re.sub(r"\s+", " ", m.group("body")))]
    region = "khu vực " if fold("khu vực") in fold(text[m.end("body"):m.start("n")]) else ""
    written, end, person = f"{canon} {region}{m.group('n')}", m.end("n"), None
    for group, sep in (("name", " - "), ("uname", " ")):
        if m.group(group) is None:
            continue
        name, person = trim_place_name(m.group(group).strip())
        if not name:
            break
        written += sep + (f"{canonical_type(m.group('ut'))} " if group == "uname" else "") + name
        end = m.start(group) + m.group(group).index(name) + len(name)
        if person:
            break
    return BodyRef(pos, end, kind=kind, written=written, trailing_person=person)


def _central_task_board(text: str, pos: int) -> BodyRef | None:
    """"Ban Chỉ đạo sơ kết 5 năm thực hiện Chỉ thị 99-CT/TW của Ban Bí thư": a
    steering committee a central body set up for a task, or one of its sub-committees,
    named as written."""
    m = _re("central_task_board").match(text, pos)
    if m is None:
        return None
    canon, kind = lexicon().central[fold(m.group("org"))]
    task = re.sub(r"\s+", " ", m.group("task")).strip()
    if fold(m.group("board")).startswith(fold("Tiểu")):
        return BodyRef(pos, m.end(), kind=kind, written=f"Tiểu ban {task} của {canon}")
    return BodyRef(pos, m.end(), kind="party_agency", written=f"Ban Chỉ đạo {task} của {canon}")


def _named_zone_board(text: str, pos: int) -> BodyRef | None:
    """"Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn", "Đảng ủy Ban Quản lý
    Khu kinh tế Vân Phong": the board of a zone named by its own name (its kind's words,
    then capitalised ones) is named as written, not as the province's board."""
    m = _re("zone_board").match(text, pos)
    if m is None:
        return None
    zone = m.group("zone")
    dash = max(zone.rfind("-"), 0)
    # (a holder's name may follow: only the last part of a dashed name runs into it)
    last, person = trim_place_name(zone[dash:].lstrip("- \t"))
    if not last or not dash and _province_named(last):
        return None        # "Ban Quản lý Khu kinh tế Quảng Ngãi": the province's board
    end = m.end("zone") - len(zone) + zone.rindex(last) + len(last)
    written = re.sub(r"[ \t]*-[ \t]*", " - ", re.sub(r"\s+", " ", text[pos:end]))
    written = written[0].upper() + written[1:]
    if m.group("party"):
        return BodyRef(pos, end, kind="party_committee", written=written, trailing_person=person)
    return BodyRef(pos, end, kind="state_body", written=written, trailing_person=person)


def _province_named(name: str) -> bool:
    return known_unit(name, "tỉnh") or known_unit(name, "thành phố")


# the board or team that runs one constituency's or one polling station's vote, named by its
# number: "Ban bầu cử đơn vị bầu cử số 2", "Ban bầu cử đại biểu HĐND tỉnh ở đơn vị bầu cử số 5",
# "Tổ bầu cử khu vực bỏ phiếu số 12"
_ELECTION_BOARD = re.compile(
    r"(?i:ban|tổ)[ \t]+(?i:bầu[ \t]+cử)(?:[ \t]+(?i:đại[ \t]+biểu)[^,;.:()\n]{1,60}?)?(?:[ \t]+(?i:ở|tại))?"
    r"[ \t]+(?:(?i:đơn[ \t]+vị[ \t]+bầu[ \t]+cử|khu[ \t]+vực[ \t]+bỏ[ \t]+phiếu)[ \t]+)?(?i:số)[ \t]+\d{1,3}(?!\w)")


def _election_board(text: str, pos: int) -> BodyRef | None:
    """"Trưởng Ban bầu cử đơn vị bầu cử số 1": an election board, named as written."""
    m = _ELECTION_BOARD.match(text, pos)
    if m is None:
        return None
    written = re.sub(r"\s+", " ", m.group(0))
    return BodyRef(pos, m.end(), kind="organisation", written=written[0].upper() + written[1:])


def _central_board(text: str, pos: int) -> BodyRef | None:
    """"Ban Chỉ đạo Trung ương về <task>": a central steering committee named
    by its task as written, or bare ("của Ban Chỉ đạo Trung ương")."""
    m = _re("central_board").match(text, pos)
    if m is None:
        return None
    if not m.group("task"):
        return BodyRef(pos, m.end(), kind="party_agency", central="Ban Chỉ đạo Trung ương")
    task, end, person = _task_and_holder(m.group("task"), m.start("task"))
    if not task:
        return BodyRef(pos, m.start("task"), kind="party_agency", central="Ban Chỉ đạo Trung ương", trailing_person=person)
    return BodyRef(pos, end, kind="party_agency", central=f"Ban Chỉ đạo Trung ương {task}", trailing_person=person)


def unplaced_task_board(text: str, pos: int) -> BodyRef | None:
    """A steering, command or campaign board named by its task with no unit
    after it, as a post's body: named as written, no place added."""
    m = _re("unplaced_task_board").match(text, pos)
    if m is None:
        return None
    task, end, person = _task_and_holder(m.group("task"), m.start("task"))
    if not task:
        return None
    return BodyRef(pos, end, written=f"Ban {_BOARD_WORDS[fold(m.group('board'))]} {task}", trailing_person=person)


def _task_and_holder(words: str, start: int) -> tuple[str, int, str | None]:
    """A board's task as written, where it ends, and the holder's name that may
    run on after it ("… nông thôn mới Lê Văn A"): a surname followed by one to
    three capitalised words that end the run."""
    toks = list(re.finditer(r"\S+", words))
    surnames = lexicon().surnames
    for i in range(len(toks) - 1):
        rest = [t.group(0) for t in toks[i:]]
        if 2 <= len(rest) <= 4 and all(w[0].isupper() for w in rest) \
                and (rest[0] in surnames or " ".join(rest[:2]) in surnames):
            task = words[:toks[i].start()].strip(" \t,")
            return re.sub(r"\s+", " ", task), start + len(words[:toks[i].start()].rstrip(" \t,")), " ".join(rest)
    return re.sub(r"\s+", " ", words.strip()), start + len(words.rstrip()), None


def _settlement_cell(text: str, pos: int) -> BodyRef | None:
    """"Bí thư Chi bộ thôn Đông Lê Văn A", "Bí thư Chi đoàn bản Mòn": a village's
    party or Youth Union cell, named as written (its name may run on into the
    holder's, as a place's does)."""
    m = _re("cell").match(text, pos)
    if m is None:
        return None
    name, person = trim_place_name(m.group("n"))
    if not name:
        return None
    end = m.start("n") + len(name)
    if m.group("num") and person is None and not name[-1].isdigit():
        name += " " + m.group("num").strip()
        end = m.end("num")
    kind = m.group("kind").lower()
    # (a Youth Union cell, "Chi đoàn thôn X", is the union's, not the Party's)
    if fold(m.group("cell")).endswith(fold("đoàn")):
        return BodyRef(pos, end, kind="organisation", written=f"Chi đoàn {kind} {name}", trailing_person=person)
    return BodyRef(pos, end, kind="party_committee", written=f"Chi bộ {kind} {name}", trailing_person=person)


_BOARD_WORDS = {fold(w): w for w in ("Chỉ đạo", "Chỉ huy", "Vận động")}


def _task_board(text: str, pos: int) -> BodyRef | None:
    """A steering, command or campaign board the tables lack, named by its
    task and its unit: the task as written, the unit's type and name after."""
    m = _re("task_board").match(text, pos)
    if m is None:
        return None
    t = _re("type").match(text, m.end())
    board = _BOARD_WORDS[fold(m.group("board"))]
    kind = "Tổ" if m.group("team") else "Ban"
    task = re.sub(r"\s+", " ", m.group("task")).strip() + (" của" if m.group("of") else "")
    return with_name(text, BodyRef(pos, t.end(), place_organ=f"{kind} {board} {task}",
                                   unit_type=canonical_type(t.group("t"))))


def _youth_committee(text: str, pos: int, organs: list[str], m: re.Match) -> BodyRef:
    """"Ban Thường vụ Tỉnh đoàn", "Bí thư Thành Đoàn X": a unit's Youth Union committee
    (or its organ), named as written; the unit it serves is not the one a party
    committee's place would be filled from, so none is added."""
    unit = m.group("unit").split()[0].capitalize() + " đoàn"
    end = m.end("unit")
    person = None
    if m.group("n"):
        name, person = trim_place_name(m.group("n"))
        if name:
            unit, end = f"{unit} {name}", m.start("n") + len(name)
    return BodyRef(pos, end, kind="organisation", written=" ".join([*organs, unit]), trailing_person=person)


# a Youth Union committee within a body named as written: its organ's committee is that one
_YOUTH_IN = re.compile(r"(?:Tỉnh|Thành|Huyện|Quận|Thị) đoàn(?: .*)?$")


def _tabled_body(text: str, pos: int, known_organs: frozenset[str]) -> BodyRef | None:
    """A body made of the tables' words (central bodies, organs, committees, heads, place organs)."""
    lx = lexicon()
    m = _re("department").match(text, pos)
    if m:
        # "Vụ Tổng hợp, Ban Tuyên giáo Trung ương": a department of a central body
        # is named with it; one the text leaves without its body is not read
        c = _re("central").match(text, m.end())
        if c:
            canon, kind = lx.central[fold(c.group(0))]
            unit = f"{m.group('unit')[0].upper()}{m.group('unit')[1:]} {m.group('n')}"
            return BodyRef(pos, c.end(), kind=kind, central=f"{unit} {canon}")
    m = _re("section").match(text, pos)
    if m:
        # "phòng Nghiệp vụ 1, Ủy ban Kiểm tra Tỉnh ủy", "phòng Chính trị Bộ CHQS tỉnh": a section of
        # a committee's organ or of a state body, named with it (and placed as it is)
        inner = parse_body(text, m.end(), known_organs)
        if inner is not None and inner.complete and not inner.written:
            section = f"{_SECTION}{m.group('n') or m.group('n2')}"
            department = lx.place_organs.get(fold(section))
            if department and inner.place_organ in _UNIT_ORGANS and inner.unit_type:
                # "Phòng Văn hóa - Thông tin, UBND huyện X": a unit's own department, of that unit
                return replace(inner, start=pos, place_organ=department[0], kind=department[1])
            if inner.central:
                return replace(inner, start=pos, central=f"{section} {inner.central}")
            return replace(inner, start=pos, organs=(section, *inner.organs))
    m = _re("central").match(text, pos)
    if m is None:
        cut = _re("cut_central").match(text, pos)
        if cut:
            _, canon = _cut_central()[fold(cut.group(0))]
            return BodyRef(pos, cut.end(), kind=lx.central[fold(canon)][1], central=canon)
    if m:
        canon, kind = lx.central[fold(m.group(0))]
        end = m.end()
        t = _TERM.match(text, end)
        if t:
            end = t.end()
        o = _re("org_after").match(text, end) if kind == "party_committee" else None
        if o:
            # "Phó Chủ tịch Ban Chấp hành Trung ương Hội Nông dân Việt Nam": the central
            # committee of a mass organisation, not the Party's
            org, org_kind = lx.central[fold(o.group("org"))]
            if org_kind == "organisation":
                return BodyRef(pos, o.end(), kind=org_kind, central=f"{canon} {org}")
        youth = association_central(text, m.end() - len("Trung ương"), canon) \
            if fold(m.group(0)).endswith(CENTRAL_WORD) else None
        if youth is not None:
            # "Ủy viên Ban Chấp hành Trung ương Đoàn": the Youth Union's central committee
            return replace(youth, start=pos)
        if ASSOCIATION.match(text, end):
            # "chuyên viên Ban Tuyên giáo TƯ Hội": the association's central board, not the Party's
            return None
        # "Ban Chấp hành Trung ương" but not "Ban Chấp hành Đảng bộ": the
        # central reading is exact, so it wins only when it matched fully
        return BodyRef(pos, end, kind=kind, central=canon)
    organs: list[str] = []
    kind = "organisation"
    p = pos
    truncated = None
    m = _re("council").match(text, p)
    if m and (_re("place_organ").match(text, m.end()) or fold(m.group(0).strip()) not in lx.place_organs):
        # "Ban Dân tộc HĐND tỉnh" is the council's committee; "Ban Dân tộc tỉnh"
        # is the province's own board, read below as a state body
        # a committee of a people's council: "Ban Dân tộc HĐND tỉnh"
        canon, kind = lx.council_organs[fold(re.sub(r"\s*[-–]\s*", " - ", re.sub(r"\s+", " ", m.group(0).strip())))]
        organs.append(canon)
        p = m.end()
    council = bool(organs)
    po = _re("place_organ").match(text, p) if not council else None
    if po:
        # a state office whose name opens with an organ word: "Văn phòng Điều phối
        # nông thôn mới tỉnh" is one body, not the office of a committee
        om = _re("organ").match(text, p)
        longer = om is None or po.end() > om.end()
    else:
        longer = False
    while not council and not longer:
        m = _re("organ").match(text, p)
        if m:
            canon, k = _canon_organ(m.group(0))
            if not organs:
                kind = k
            organs.append(canon)
            p = m.end()
            continue
        if not organs or organs[-1] in ("Ban Thường vụ", "Ban Chấp hành", "Thường trực"):
            m = _re("trunc").match(text, p)
            if m:
                written = "Ban" + m.group(1)
                options = [v for k, v in lx.organs.items() if k.startswith(fold(written) + " ")]
                if options:
                    options.sort(key=lambda o: (o[0] not in known_organs, len(o[0])))
                    canon, k = options[0]
                    if not organs:
                        kind = k
                    organs.append(canon)
                    truncated = written
                    p = m.end()
                    continue
        break
    ref = BodyRef(pos, p, organs=tuple(organs), kind=kind, truncated=truncated)
    c = _re("central").match(text, p) if organs and not council else None
    if c:
        # "Ban Thường vụ Trung ương Hội Nông dân Việt Nam", "Ban Tuyên giáo Trung ương Đoàn": an
        # organ of a mass organisation's central committee, not of the Party's
        assoc = _association_of(c, text, " ".join([*organs, "Trung ương"]))
        if assoc is not None:
            return replace(assoc, start=pos)
    m = _re("tw").match(text, p) if organs else None
    if m:
        key = fold(" ".join(organs) + " Trung ương")
        if key in lx.central:
            canon, k = lx.central[key]
            return BodyRef(pos, m.end(), kind=k, central=canon)
    if c:
        # "Ban Thường vụ Đảng ủy Công an Trung ương": an organ of a central party
        # committee is a central body of its own
        canon, k = lx.central[fold(c.group(0))]
        # "Đảng đoàn Quốc hội", "Ban cán sự đảng Chính phủ": a state or front body's party group;
        # "Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam": a central organisation's own organ
        of_party = k == "party_committee" or organs in _PARTY_GROUPS
        own = k == "organisation" and set(organs) <= _OWN_ORGANS
        if of_party or own:
            return BodyRef(pos, c.end(), kind=kind, central=" ".join([*organs, canon]))
    y = _re("youth").match(text, p)
    if y:
        return _youth_committee(text, pos, organs, y)
    m = _re("committee").match(text, p)
    if m and organs == ["Ban Chấp hành"]:
        # "Ban Chấp hành Huyện ủy": the executive committee is the party organisation's,
        # "Ban Chấp hành Đảng bộ huyện", as a "Huyện ủy viên" is its member
        ref = replace(ref, head="Đảng bộ", unit_type=lx.committees[fold(m.group(0))], end=m.end())
        return with_name(text, ref)
    if m:
        ref = replace(ref, committee=lx.committee_canon[fold(m.group(0))], end=m.end())
        if not organs:
            ref = replace(ref, kind="party_committee")
        return with_name(text, ref)
    m = _re("head").match(text, p)
    force = None
    if m:
        # "Đảng bộ Quân sự huyện", "Đảng ủy Công an tỉnh": a committee of a
        # force or bloc is a longer body that opens with the head word
        po = _re("place_organ").match(text, p)
        if po and po.end() > m.end():
            m, force = None, po
    if m:
        head = "Đảng ủy" if fold(m.group(0)) == fold("Đảng ủy") else "Đảng bộ"
        ref = replace(ref, head=head, end=m.end())
        if not organs:
            ref = replace(ref, kind="party_committee")
        t = _re("type").match(text, ref.end)
        if t:
            ref = replace(ref, unit_type=canonical_type(t.group("t")), end=t.end())
            return with_name(text, ref)
        if not organs and (institution := _institution_committee(text, ref.end, head)
                           or _state_body_committee(text, ref.end, head)):
            return replace(institution, start=pos)
        return ref
    if not organs or council or organs in (["Thường trực"], ["Ban Thường trực"], ["Văn phòng"], *_PARTY_GROUPS) \
            or force and not truncated:
        # "Ban Thường vụ Đảng ủy Công an tỉnh": a force's committee has organs too
        # "Thường trực HĐND tỉnh", "Ban Dân tộc HĐND tỉnh", "Ủy ban nhân dân huyện",
        # "Văn phòng UBND tỉnh" (the office of a state body is a state body)
        m = _re("place_organ").match(text, p)
        if m:
            canon, kind_of = lx.place_organs[fold(m.group(0))]
            canon = lx.aliases.get(fold(canon), canon)
            ref = replace(ref, place_organ=canon, end=m.end())
            if organs == ["Văn phòng"]:
                ref = replace(ref, kind=kind_of)
            # "Trưởng Đoàn đại biểu Quốc hội khóa XIII của tỉnh": the term, then the unit
            term = _TERM_OF.match(text, ref.end)
            t = _re("type").match(text, term.end() if term else ref.end)
            committee = _re("committee").match(text, ref.end + 1) if not organs and not term \
                and canon not in _UNIT_ORGANS and text[ref.end:ref.end + 1] in (" ", "\t") else None
            if committee:
                # "Chánh Thanh tra Thành ủy X": a committee's own inspectorate or office
                ref = replace(ref, organs=(canon,), place_organ=None, kind="party_agency",
                              committee=lx.committee_canon[fold(committee.group(0))], end=committee.end())
                return with_name(text, ref)
            if not t:
                # a province's department or command needs no "tỉnh": "Giám đốc Sở Tài chính"
                unit = _implied_units().get(canon)
                # and its province may be named bare: "Sở Nội vụ Hòa Bình"
                return with_name(text, replace(ref, unit_type=unit, implied_type=True)) if unit else None
            ref = replace(ref, unit_type=canonical_type(t.group("t")), end=t.end())
            return with_name(text, ref)
        if council:
            return None
        if organs in (["Thường trực"], ["Ban Thường trực"]):
            # "Thường trực Ban Chỉ đạo phòng, chống tham nhũng tỉnh X": the standing organ of a
            # board named by its task, as of a council ("Thường trực HĐND tỉnh X")
            board = _task_board(text, p)
            if board is not None:
                return replace(board, start=pos, organs=ref.organs, kind=ref.kind)
            # and of a central steering committee: "Thường trực Ban Chỉ đạo Trung ương về …"
            c = _re("central").match(text, p)
            central = BodyRef(p, c.end(), central=lx.central[fold(c.group(0))][0]) if c else None
            if central is None or not central.central.startswith(_STEERING):
                central = _central_board(text, p) or _central_task_board(text, p)
            if central is not None:
                return BodyRef(pos, central.end, kind=ref.kind,
                               central=f"{organs[0]} {central.central or central.written}")
    return ref if organs else None


_BLANKS = re.compile(r"[ \t]+")


def _state_body_committee(text: str, pos: int, head: str) -> BodyRef | None:
    """"Đảng ủy Thanh tra tỉnh", "Đảng ủy Sở Y tế": the party committee of a state body
    is that body's, placed as the body is (as "Đảng ủy Công an tỉnh" in the tables)."""
    gap = _BLANKS.match(text, pos)
    body = parse_body(text, gap.end(), frozenset()) if gap else None
    if body is None or not body.place_organ or body.organs or body.committee or body.head \
            or lexicon().place_organs.get(fold(body.place_organ), (None, None))[1] != "state_body":
        return None
    return replace(body, place_organ=f"{head} {body.place_organ}", kind="party_committee")


def _institution_committee(text: str, pos: int, head: str) -> BodyRef | None:
    """"Đảng ủy Trung tâm Y tế huyện", "Đảng bộ Công ty Cổ phần Sông Mây": the party
    committee of an institution, named as written (not a head waiting for the place
    named last). The name stops at its holder's ("… Sông Mây Trần Văn Hoa"; a school's
    own name is often a person's, so there only a second one is its holder's), and a run
    of lower-case words closing it is a clause's ("… Sông Mây phát biểu"), but for a
    unit's type in it ("… y tế thành phố trực thuộc")."""
    m = _re("institution").match(text, pos)
    if m is None:
        return None
    lx = lexicon()
    org = m.group("org")
    words = list(re.finditer(r"\S+", org))[len(m.group("inst").split()):]
    tokens = [w.group(0) for w in words]
    named = [i for i in range(len(tokens) - 2) if tokens[i] in lx.surnames
             and tokens[i + 1] in lx.middle_names and tokens[i + 2][0].isupper()]
    person = None
    if named and named[-1] > 0 and (len(named) > 1 or fold(m.group("inst")) != fold("trường")):
        i = named[-1]
        person = " ".join(t for t in tokens[i:i + 4] if t[0].isupper())
        words = words[:i]
    lower = 0
    while lower < len(words) and words[-1 - lower].group(0)[0].islower():
        lower += 1
    if lower >= 2:
        types = list(_re("type_in").finditer(org, words[-lower].start(), words[-1].end()))
        words = words[:-lower] if not types else [w for w in words if w.end() <= types[-1].end()]
    cut = words[-1].end() if words else m.end("inst") - m.start("org")
    org = org[:cut]
    return BodyRef(pos, m.start("org") + len(org), kind="party_committee",
                   written=f"{head} {' '.join(org.split())}", trailing_person=person)


_DELEGATION_AFTER = re.compile(r"[ \t]+(?i:kiểm tra|giám sát|công tác|khảo sát|đại biểu|số)(?!\w)")


def association_central(text: str, pos: int, organ: str) -> BodyRef | None:
    """The central committee of a mass organisation written at ``pos``
    ("Trung ương Hội Nông dân Việt Nam", "Trung ương Đoàn"), as a body of
    ``organ`` ("Ban Chấp hành Trung ương" -> "Ban Chấp hành Trung ương Đoàn
    Thanh niên Cộng sản Hồ Chí Minh"). None when the words there name no
    such committee, or name it before a delegation's word ("Trung ương Đoàn
    kiểm tra": the Party's body, then a delegation) or a unit (a province's
    branch)."""
    m = _re("central").match(text, pos)
    return _association_of(m, text, organ) if m else None


def _association_of(m: re.Match, text: str, organ: str) -> BodyRef | None:
    """``association_central`` for the central body ``m`` matched."""
    if not fold(m.group(0)).startswith(CENTRAL_WORD):
        return None
    canon, kind = lexicon().central[fold(m.group(0))]
    if kind != "organisation" or _DELEGATION_AFTER.match(text, m.end()) or _re("type").match(text, m.end()):
        return None
    base = organ[:-len(" Trung ương")] if organ.endswith(" Trung ương") else organ
    return BodyRef(m.start(), m.end(), kind=kind, central=f"{base} {canon}")


# "Trung ương" folded, for the cheap test whether a title or body ends or starts with it
CENTRAL_WORD = fold("Trung ương")


# the party groups of a state body, a council, the Front or an association (until 2025), read
# with the body they lead: "Ban cán sự đảng UBND tỉnh", "Đảng đoàn Hội Nông dân tỉnh"
_PARTY_GROUPS = (["Ban cán sự đảng"], ["Đảng đoàn"])
# the organs an organisation elects for itself, which a central organisation's name completes
_OWN_ORGANS = frozenset({"Ban Chấp hành", "Ban Thường vụ", "Ban Thường trực", "Ủy ban Kiểm tra"})


# (a dash between spaces parts items too: "Phó Chủ tịch HĐND - Trưởng Ban …")
_CHAIN_GOES_ON = re.compile(rf"[ \t]*(?:[,;]|[-–][ \t]+(?={UPPER}))")


def bare_unit_organ(text: str, pos: int) -> BodyRef | None:
    """A unit's people's committee, council, Front committee or department
    written with no unit before the chain goes on ("Chủ tịch HĐND, Trưởng Ban …",
    "Trưởng Phòng Nội vụ, Phó Chủ tịch UBND huyện X"): the body with its unit
    left for the chain or the article to fill."""
    m = _re("place_organ").match(text, pos)
    if m is None:
        return None
    lx = lexicon()
    canon, kind = lx.place_organs[fold(m.group(0))]
    canon = lx.aliases.get(fold(canon), canon)
    # (a department may also end the chain: "…, Trưởng Phòng Nội vụ phát biểu"; its unit is
    # the one the chain or the article names)
    if canon.startswith(_SECTION) or canon in _UNIT_ORGANS and _CHAIN_GOES_ON.match(text, m.end()):
        return BodyRef(pos, m.end(), place_organ=canon)
    return None


def unit_type_after(text: str, pos: int) -> tuple[str, int] | None:
    """The unit type written after ``pos`` (blanks first), canonical, and where it ends."""
    t = _re("type").match(text, pos)
    return (canonical_type(t.group("t")), t.end()) if t else None


def with_name(text: str, ref: BodyRef) -> BodyRef:
    at = ref.end
    if ref.committee:
        # the unit's type may be written again: "Thành ủy Thành phố Hồ Chí Minh"
        t = _re("type").match(text, at)
        if t and canonical_type(t.group("t")) == ref.place_type() and _re("name").match(text, t.end()):
            at = t.end()
    m = _re("name").match(text, at)
    if m is None and ref.place_type():
        m = _re("any_name").match(text, at)
        if m and not known_unit(trim_place_name(m.group("n"), ref.place_type())[0], ref.place_type()):
            m = None
    if m and (not m.group("n").isdigit() or ref.unit_type in ("phường", "quận")):
        place, person = trim_place_name(m.group("n"), ref.place_type())
        if not place:
            return replace(ref, trailing_person=person)
        # ("Bà Rịa-Vũng Tàu" is written otherwise than its canonical name)
        end = m.start("n") + len(place) if text.startswith(place, m.start("n")) else m.end("n")
        return replace(ref, name=place, end=end, trailing_person=person)
    return ref


def find_bodies(text: str, begin: int, end: int, known: frozenset[str] = frozenset()) -> list[BodyRef]:
    """Every body written in ``text[begin:end]``, left to right, not overlapping."""
    out = []
    p = begin
    starts = _starts_re()
    while True:
        m = starts.search(text, p, end)
        if not m:
            break
        ref = parse_body(text, m.start(), known)
        if ref and ref.end <= end and (ref.complete or ref.organs):
            out.append(ref)
            p = ref.end
        else:
            p = m.end()
    return out


_STARTS = None


def _starts_re() -> re.Pattern:
    global _STARTS
    if _STARTS is None:
        lx = lexicon()
        _STARTS = re.compile(word_start("|".join([
            lx.central_re, lx.council_organ_re, lx.organ_re, "Ban", lx.committee_re, lx.heads_re, lx.place_organ_re,
        ])) + r"(?!\w)")
    return _STARTS


def resolve(ref: BodyRef, ctx: Context, pos: int | None = None) -> BodyRef:
    """Fill a missing place from the context: the unit of the committee's type
    named nearest before ``pos``."""
    if not ref.complete or not ref.needs_place:
        return ref
    pos = ref.start if pos is None else pos
    t = ref.place_type()
    m: Mention | None
    if t:
        if t == "tỉnh":
            m = ctx.resolve(pos, level=UnitLevel.PROVINCE)
        elif ref.implied_type and ref.head and t in COMMUNE_TYPES:
            # "Đảng ủy viên" in a ward's story is a member of the ward's committee
            m = ctx.resolve(pos, level=UnitLevel.COMMUNE)
            return replace(ref, unit_type=m.unit_type, name=m.name) if m is not None else ref
        else:
            m = ctx.resolve(pos, unit_type=t)
    elif ref.head == "Đảng ủy":
        m = ctx.resolve(pos, level=UnitLevel.COMMUNE)
    else:
        m = None
    if m is None:
        return ref
    if ref.head and not ref.unit_type:
        return replace(ref, unit_type=m.unit_type, name=m.name)
    if t == "tỉnh" and m.unit_type != "tỉnh":
        # a centrally-run city's committee is its Thành ủy; its party organisation and
        # its departments are the city's ("Tỉnh ủy viên" read in Hà Nội, "Sở Y tế")
        if ref.committee:
            return replace(ref, committee="Thành ủy", name=m.name)
        return replace(ref, unit_type=m.unit_type, name=m.name)
    return replace(ref, name=m.name)


def compatible(a: BodyRef, b: BodyRef) -> bool:
    """Can ``b``'s committee and place qualify ``a``'s elided ones?"""
    if a.committee and b.committee:
        return a.committee == b.committee
    if a.head and not a.unit_type:
        return (b.head == a.head or b.place_organ is not None) and (b.unit_type in COMMUNE_TYPES)
    if a.head and a.unit_type:
        # an implied commune ("Đảng ủy viên") may be a ward or a township
        return b.place_type() == a.unit_type or a.implied_type and a.unit_type in COMMUNE_TYPES \
            and b.place_type() in COMMUNE_TYPES and b.name is not None
    if a.place_organ and a.unit_type:
        return b.place_type() == a.unit_type
    if a.place_organ and not a.unit_type and not a.organs:
        # "Bí thư Đảng ủy, Chủ tịch HĐND, …", "Trưởng Phòng Nội vụ, Phó Chủ tịch UBND huyện X": a
        # unit's council, committee or department left without its unit is of the unit the
        # chain's party committee or state body names
        return b.name is not None and b.place_type() is not None and (
            b.committee is not None or b.head is not None and not b.place_organ or b.place_organ in _UNIT_ORGANS)
    if a.committee:
        return b.place_type() == a.place_type() and b.name is not None
    return False


def fill_from(a: BodyRef, b: BodyRef) -> BodyRef:
    """``a`` with the committee (and place) of ``b`` where ``a`` lacks them."""
    if a.place_organ and not a.unit_type and a.place_organ.startswith(_STEERING) and b.place_type():
        # a steering board lent by a board of the same task elsewhere: the unit the chain names
        return replace(a, unit_type=b.place_type(), name=b.name)
    if not a.complete and list(a.organs) in _PARTY_GROUPS:
        # "Bí thư Đảng đoàn, Chủ tịch Hội Nông dân tỉnh", "Bí thư Ban cán sự đảng, Chủ tịch
        # UBND tỉnh": a party group left bare is that of the council, front, association or
        # government the next post heads, not of the unit's party committee
        if b.committee or b.head or b.organs or b.written:
            return a
        if b.central and not _party_body(b):
            return replace(a, kind="party_agency", organs=(), central=f"{a.organs[0]} {b.central}")
        if b.place_organ and b.unit_type:
            return replace(a, kind="party_agency", place_organ=b.place_organ, unit_type=b.unit_type,
                           name=b.name, implied_type=b.implied_type)
        return a
    if a.head == "Đảng ủy" and not a.unit_type and a.name is None and b.written and b.kind == "state_body":
        # "Bí thư Đảng ủy, Trưởng Ban Quản lý Khu kinh tế X": the party committee of the named board
        # (its organ kept: "Chủ nhiệm Ủy ban Kiểm tra Đảng ủy, Phó Trưởng ban …")
        return replace(a, head=None, kind="party_committee", organs=(),
                       written=" ".join([*a.organs, "Đảng ủy", b.written]))
    if not a.complete:
        if b.committee:
            return replace(a, committee=b.committee, name=b.name)
        if b.head:
            return replace(a, head=b.head, unit_type=b.unit_type, name=b.name)
        # "UVBTV, Chủ tịch UBND xã": a party organ of the unit whose state body follows
        c = party_committee_of(b)
        if c is not None:
            return replace(a, committee=c.committee, head=c.head, unit_type=c.unit_type, name=c.name)
        return a
    if a.head == "Đảng ủy" and not a.unit_type and a.name is None and b.place_organ in _force_committees() \
            and b.unit_type not in COMMUNE_TYPES:
        # "Phó Bí thư Đảng ủy, Phó Giám đốc Công an tỉnh": the committee of the force the
        # chain names, not of a commune the article names nearby (a commune's police has a
        # cell, not a committee)
        return replace(a, head=None, place_organ=_force_committees()[b.place_organ], unit_type=b.unit_type,
                       name=b.name, implied_type=b.implied_type)
    if a.head == "Đảng ủy" and not a.unit_type and a.name is None and _department(b):
        # "Bí thư Đảng ủy, Giám đốc Sở Tài chính": the committee of the department the chain
        # names, placed as it is ("Đảng ủy Sở Y tế" read whole: _state_body_committee)
        return replace(a, head=None, kind="party_committee", place_organ=f"{a.head} {b.place_organ}",
                       unit_type=b.unit_type, name=b.name, implied_type=b.implied_type)
    if a.needs_place and compatible(a, b):
        if a.head and not a.unit_type:
            # "Bí thư Đảng ủy, Chủ tịch HĐND xã": the commune's, named or not
            return replace(a, unit_type=b.unit_type, name=b.name)
        if b.name:
            return replace(a, name=b.name,
                           unit_type=b.place_type() if a.implied_type and a.head or not a.unit_type else a.unit_type)
    return a


_STEERING = "Ban Chỉ đạo "
_SECTION = "Phòng "


def _department(b: BodyRef) -> bool:
    """Is ``b`` a state body of a unit other than its government and council
    (a province's department, a district's office), which has a party committee of its own?"""
    return bool(b.place_organ) and not b.organs and b.place_organ not in _UNIT_ORGANS \
        and b.place_organ not in _force_committees() and b.unit_type is not None \
        and lexicon().place_organs.get(fold(b.place_organ), (None, None))[1] == "state_body"


def _party_body(b: BodyRef) -> bool:
    """A body of the Party itself (a committee, its organs, the Politburo), which has no party group."""
    return b.kind.startswith("party_") or b.kind == "standing_committee"


@lru_cache(maxsize=None)
def _force_committees() -> dict[str, str]:
    """The party committee of a police or military command, by the command
    (bodies.csv ``party_committee``): "Công an" -> "Đảng ủy Công an"."""
    from kg import tables
    return {r["name"]: r["party_committee"] for r in tables.bodies() if r.get("party_committee")}


def party_committee_of(b: BodyRef) -> BodyRef | None:
    """The party committee of the unit a body belongs to: "Tỉnh ủy" for
    "Ủy ban nhân dân tỉnh", "Đảng ủy xã X" for "Hội đồng nhân dân xã X" or
    "Ban Tuyên giáo Đảng ủy xã X". None for a central body, a force's own
    committee or a department whose unit the text leaves unwritten."""
    if b.written and (youth := _YOUTH_IN.search(b.written)):
        # "Phó Bí thư, Chủ nhiệm Ủy ban Kiểm tra Tỉnh đoàn": a secretary of the Youth Union committee
        return BodyRef(b.start, b.end, kind="organisation", written=youth.group(0))
    if b.central or b.written:
        return None
    if b.committee or b.head:
        if b.head and not b.unit_type:
            return None
        return BodyRef(b.start, b.end, kind="party_committee", committee=b.committee, head=b.head,
                       unit_type=b.unit_type if b.head else None, name=b.name)
    if not b.place_organ or not b.unit_type or b.implied_type or b.organs:
        return None
    if b.place_organ not in _UNIT_ORGANS and not (b.place_organ in _force_committees() and b.unit_type in COMMUNE_TYPES):
        # (a commune's police or military command has no committee of its own: "UVBTV, Trưởng
        # Công an phường" sits in the ward's)
        return None
    from kg import tables
    unit = tables.unit_types().get(b.unit_type)
    if unit is None:
        return None
    if fold(unit.committee) in lexicon().committees:        # "Tỉnh ủy", "Thành ủy"
        return BodyRef(b.start, b.end, kind="party_committee", committee=unit.committee, name=b.name)
    return BodyRef(b.start, b.end, kind="party_committee", head="Đảng ủy", unit_type=b.unit_type, name=b.name)


# the bodies of a unit's government and front, whose unit's party committee is the
# unit's own ("Chủ tịch UBND xã" sits in the commune's Đảng ủy); a police or
# military command has a party committee of its own
_UNIT_ORGANS = frozenset({"Ủy ban nhân dân", "Hội đồng nhân dân", "Ủy ban Mặt trận Tổ quốc Việt Nam"})


def strip_term(text: str) -> str:
    return _TERM.sub("", text)
