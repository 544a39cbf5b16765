"""Administrative units named in an article, and the article's place context.

A unit is named by its type word and proper name ("phường Sông Cầu", "TP Bắc
Kạn" after expansion, "Phường 12"), or as the qualifier of a body ("Tỉnh ủy
Cao Bằng" names tỉnh Cao Bằng, "Thị ủy Vĩnh Châu" thị xã Vĩnh Châu). The
context answers "which district is 'Huyện ủy' here?": the nearest unit of
that type named before the phrase, else the first one named after it.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from dataclasses import dataclass, field

from kg.model import Place, UnitLevel
from kg.sources.headlines import MAX_HEADLINE_CHARS

from .lexicon import _alt, fold, CAP, LOWER, UPPER, lexicon, word_start

REFORM_DAY = dt.date(2025, 7, 1)
COMMUNE_TYPES = ("xã", "phường", "thị trấn", "đặc khu")
# the types whose units the gazetteer lists in full, in both eras: a name it does
# not know under them is no such unit (new districts and communes it may lack)
CLOSED_TYPES = ("tỉnh", "thành phố")


def _stop() -> str:
    lx = lexicon()
    # a role stops a name only when a capitalised word follows it ("… Chánh Văn
    # phòng"): "Chánh" ends "Bình Chánh," as a syllable of the place
    words = [lx.honorific_re, lx.organ_re, lx.place_organ_re, lx.heads_re, lx.committee_re,
             lx.central_re, rf"(?:{lx.role_re})[ \t]+{UPPER}", lx.title_re, lx.doc_type_re,
             # nor a rank or an activity: "Trưởng Công an huyện Thượng tá X" names
             # no "huyện Thượng", "Huyện ủy Kiểm tra …" no "Huyện ủy Kiểm"
             lx.rank_re, rf"(?i:{lx.event_verb_re})"]
    return "|".join(f"(?:{w})" for w in words if w)


_NAME = None
_PLACE_RE = None
_COMMITTEE_NAME_RE = None


def _dashed_names() -> dict[str, str]:
    """Gazetteer names with a dash, by their folded, dash-normalised form."""
    from kg.gazetteer import gazetteer
    global _DASHED
    if _DASHED is None:
        g = gazetteer()
        _DASHED = {fold(u.name): u.name for u in g._by_code.values() if " - " in u.name}
    return _DASHED


_DASHED = None


def _stop_led_names(stop: str) -> str:
    """The gazetteer's names (without a dash) whose first word would stop a
    place name, as an alternation, longest first."""
    from kg.gazetteer import gazetteer
    opens = re.compile(rf"(?:{stop})(?!\w)")
    g = gazetteer()
    names = {u.name for era in ("pre2025", "2025") for u in g.units(era) if " - " not in u.name and opens.match(u.name)}
    return "|".join(r"[ \t]+".join(map(re.escape, n.split())) for n in sorted(names, key=len, reverse=True))


def _type_word_names() -> str:
    """The gazetteer's names (without a dash) with a unit's type word after
    their first word ("Tứ Quận"), as an alternation, longest first."""
    from kg.gazetteer import gazetteer
    typed = re.compile(rf"[ \t]+(?i:{lexicon().unit_type_re})(?!\w)")
    g = gazetteer()
    names = {u.name for era in ("pre2025", "2025") for u in g.units(era) if " - " not in u.name and typed.search(u.name)}
    return "|".join(r"[ \t]+".join(map(re.escape, n.split())) for n in sorted(names, key=len, reverse=True))


def _numbered_names() -> str:
    """The gazetteer's names that end in a number ("Hà Giang 1", wards numbered
    by the town they split), as an alternation, longest first: the name
    pattern's syllables are capitalised words and would stop before it."""
    from kg.gazetteer import gazetteer
    numbered = re.compile(r"\D[ \t]+\d{1,2}$")
    g = gazetteer()
    # (a prefix tree: it is tried wherever a name may start)
    return _alt(u.name for era in ("pre2025", "2025") for u in g.units(era) if " - " not in u.name and numbered.search(u.name))


def name_pattern() -> str:
    """A place's proper name: one to four capitalised syllables that do not
    start a body, a title or an honorific."""
    global _NAME
    if _NAME is None:
        stop = _stop()
        # a unit whose name opens with such a word ("Bà Rịa", "Ông Đình": "bà" is an
        # honorific) is still named by it: the gazetteer lists those names
        led = _stop_led_names(stop)
        unless = rf"(?!(?:{led})(?!\w))" if led else ""
        # nor a unit's type word: "Thành ủy Thành phố Tây Ninh" names no "thành phố Thành"
        # (a capital is looked for first: the stop words are tried only before one)
        tok = rf"(?={UPPER})(?!{unless}(?:{stop}|(?i:{lexicon().unit_type_re}))(?!\w)){CAP}"
        # the few units whose names hold a dash ("Bà Rịa - Vũng Tàu"), however
        # the dash is spaced ("Bà Rịa-Vũng Tàu")
        hyph = "|".join(r"[ \t]*[-–][ \t]*".join(r"[ \t]+".join(map(re.escape, part.split()))
                                                   for part in n.split(" - "))
                        for n in sorted(_dashed_names().values(), key=len, reverse=True))
        # and the few whose names hold a type word after their first ("xã Tứ Quận", "xã Tân Xã")
        typed = _type_word_names()
        numbered = _numbered_names()
        _NAME = (rf"(?:{hyph})(?![ \t]*\w)|" if hyph else "") + (rf"(?:{typed})(?!\w)|" if typed else "") \
            + (rf"(?:{numbered})(?![\w/]|[.,]\d)|" if numbered else "") + rf"{tok}(?:[ \t]+{tok}){{0,6}}"
    return _NAME


# a unit's type word starts a word, and not in "Thông tấn xã Việt Nam" (the news
# agency) nor in "Hợp tác xã Dịch vụ" (a cooperative)
_NOT_BEFORE_TYPE = (r"\w", "(?i:thông tấn) ", "(?i:hợp tác) ")


def place_re() -> re.Pattern:
    global _PLACE_RE
    if _PLACE_RE is None:
        lx = lexicon()
        _PLACE_RE = re.compile(
            rf"(?P<type>{word_start(lx.unit_type_re, _NOT_BEFORE_TYPE)})"
            # "Bí thư Tỉnh Đoàn": the province's Youth Union, no "tỉnh Đoàn"
            rf"(?![ \t]+Đoàn(?![ \t]*\w))"
            rf"[ \t]+(?P<name>{name_pattern()}|\d{{1,2}}(?!\w))")
    return _PLACE_RE


def committee_name_re() -> re.Pattern:
    global _COMMITTEE_NAME_RE
    if _COMMITTEE_NAME_RE is None:
        lx = lexicon()
        _COMMITTEE_NAME_RE = re.compile(
            rf"(?P<committee>{word_start(lx.committee_re)})(?!\s*viên)[ \t]+(?P<name>{name_pattern()})")
    return _COMMITTEE_NAME_RE


def known_unit(name: str, unit_type: str) -> bool:
    """Does the gazetteer (either era) know a unit of this type by this name?"""
    return known_in(name, unit_type, "pre2025") or known_in(name, unit_type, "2025")


@lru_cache(maxsize=8192)
def known_in(name: str, unit_type: str, era: str) -> bool:
    """Does the gazetteer know a unit of this type by this name on the map of ``era``?"""
    from kg.gazetteer import gazetteer
    try:
        return bool(gazetteer().find(name, unit_type, era=era))
    except ValueError:       # a type word the gazetteer does not know
        return False


def planned_units(mentions: list[Mention], when: dt.date | None) -> set[str]:
    """The communes only the 2025 map has that a text of 2025 before the
    reform names: the units being set up, whose parent is their province."""
    if when is None or not (when.year == REFORM_DAY.year and when < REFORM_DAY):
        return set()
    return {m.full for m in mentions if m.unit_type in COMMUNE_TYPES
            and known_in(m.name, m.unit_type, "2025") and not known_in(m.name, m.unit_type, "pre2025")}


def era_of_units(mentions: list[Mention]) -> str | None:
    """The map whose units a text names, when the units only one map has
    ("phường Thủ Dầu Một" is a ward only after the 2025 reform, every "huyện"
    only before it) are all of that one map; else None."""
    only = set()
    for m in mentions:
        before, after = known_in(m.name, m.unit_type, "pre2025"), known_in(m.name, m.unit_type, "2025")
        if before != after:
            only.add("pre2025" if before else "2025")
    return only.pop() if len(only) == 1 else None


# (cached: a story names its units again and again, and every step that meets
# a unit's name trims it; the answer rests on the name and the tables alone)
@lru_cache(maxsize=8192)
def trim_place_name(name: str, unit_type: str | None = None) -> tuple[str, str | None]:
    """A place name as matched may run on into a person's name when a title
    comes before the name ("Bí thư Huyện ủy Lục Yên Đặng Quốc Hưng"): split
    where a surname starts a run of two to four syllables after at least one
    syllable of place name. Without such a run, a place name has at most
    four syllables. With the unit's type, the gazetteer decides first: the
    longest known unit wins ("Hoài Châu Bắc" is not "Hoài" + "Châu Bắc"), and
    a run that is no known unit but reads as a person's name (three or four
    syllables opening with a surname; two will do after "Tỉnh ủy", whose
    provinces are a closed list) is a person with the place elided
    ("Trưởng Ban Tổ chức Tỉnh ủy Đoàn Minh Khoa làm trưởng đoàn")."""
    if "-" in name or "–" in name:
        dashed = _dashed_names().get(fold(re.sub(r"[ \t]*[-–][ \t]*", " - ", name)))
        if dashed:
            return dashed, None
    toks = name.split()
    surnames = lexicon().surnames
    known = 0
    if unit_type:
        for k in range(min(len(toks), 4), 0, -1):
            if known_unit(" ".join(toks[:k]), unit_type):
                tail = toks[k:]
                if not tail:
                    return " ".join(toks[:k]), None
                if 2 <= len(tail) <= 4 and (tail[0] in surnames or " ".join(tail[:2]) in surnames):
                    return " ".join(toks[:k]), " ".join(tail)
                known = k       # a person's name may only start after the known unit
                break
        else:
            # no prefix is a known unit of this type: three or four syllables opening
            # with a surname are the person the title belongs to ("Bí thư Thành ủy
            # Nguyễn Văn Quảng tại …" names no "thành phố Nguyễn"); two will do after
            # "Tỉnh ủy", whose provinces are a closed list, but not after a district's
            # or commune's word: one the gazetteer lacks (dissolved or renamed before
            # its snapshot) is often two syllables ("huyện Nông Sơn đã …")
            if (2 if unit_type == "tỉnh" else 3) <= len(toks) <= 4 \
                    and (toks[0] in surnames or " ".join(toks[:2]) in surnames):
                return "", name
            if unit_type in CLOSED_TYPES:
                # nor is any other run a province: "UBND tỉnh Đại hội …" names no "tỉnh Đại";
                # nor a city: a sentence ending on "TP." ("… trên địa bàn TP. Đối tượng …")
                # names no "thành phố Đối"
                return "", None
    # of two surnames in the run, the one a middle name follows starts the person: "thôn Xuân
    # Thạch Đinh Văn Nghĩa" (Thạch is a surname too) names Đinh Văn Nghĩa; else the first
    first = None
    for i in range(max(1, known), len(toks) - 1):
        if 2 <= len(toks) - i <= 4 and (toks[i] in surnames or " ".join(toks[i:i + 2]) in surnames):
            if toks[i + 1] in lexicon().middle_names:
                return " ".join(toks[:i]), " ".join(toks[i:])
            if first is None:
                first = i
    if first is not None:
        return " ".join(toks[:first]), " ".join(toks[first:])
    return " ".join(toks[:known or 4]), None


def canonical_type(word: str) -> str:
    return lexicon().unit_types[fold(word)]


def level_of(unit_type: str, name: str, era: str) -> UnitLevel:
    lv = lexicon().unit_levels.get(unit_type, "")
    if lv:
        return UnitLevel(lv)
    # thành phố: a centrally-run city is a province, any other a district
    # (before 2025) or, after the reform, a province too
    if fold(name) in lexicon().centrally_run or era == "2025":
        return UnitLevel.PROVINCE
    return UnitLevel.DISTRICT


@dataclass
class Mention:
    pos: int
    unit_type: str
    name: str
    # the unit named right after it as where it lies, (type, name): "huyện Thạch Thành,
    # tỉnh Thanh Hóa", "thành phố Vinh (Nghệ An)"; its parent if one level up
    within: tuple[str, str] | None = field(default=None, compare=False)
    # "xã Kim Liên": the key the context counts and looks units up by, asked
    # for many times per mention, so written once
    full: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.full = f"{self.unit_type} {self.name}"


@dataclass
class Context:
    """The places an article names, in text order, and the article's era."""
    mentions: list[Mention] = field(default_factory=list)
    era: str = "pre2025"
    # the article's date: a unit merged away before it is no longer one it means
    when: dt.date | None = None
    levels: dict[str, UnitLevel] = field(default_factory=dict)
    # the placed bodies of the posts read so far, by their organs: a later post that
    # names the organ alone ("Phó Trưởng Ban Tuyên giáo") is of the one named before
    organ_bodies: dict = field(default_factory=dict)
    # the placed committee bodies of the posts read so far, with where each was read: a
    # party organ a list item leaves without its committee is of the one just before it
    committee_bodies: list = field(default_factory=list)
    # the parents the text states beside its units, by unit (build_places)
    stated: dict[str, str] = field(default_factory=dict)
    # communes of the 2025 map that an article of the months before the reform
    # names as what is being set up ("vận hành thử nghiệm phường Cao Lãnh"), by unit
    planned: set[str] = field(default_factory=set)
    # the units a site's masthead names (masthead_units): places of the article, with no
    # parent, that qualify none of its bodies
    masthead: list[Mention] = field(default_factory=list)
    # the text names a term that opens with the reform or after ("nhiệm kỳ 2026-2031"): with
    # units of the new map, it dates what it tells after the reform though it states no year (later_term)
    later_term: bool = False

    def add(self, pos: int, unit_type: str, name: str, within: tuple[str, str] | None = None) -> Mention:
        m = Mention(pos, unit_type, name, within)
        self.mentions.append(m)
        return m

    def finish(self) -> None:
        self.mentions.sort(key=lambda m: m.pos)
        self.mentions = _mend_tone_slips(self.mentions)
        for m in self.mentions:
            self.levels.setdefault(m.full, level_of(m.unit_type, m.name, self.era))

    def level(self, m: Mention) -> UnitLevel:
        return self.levels.get(m.full) or level_of(m.unit_type, m.name, self.era)

    def resolve(self, pos: int, unit_type: str | None = None,
                level: UnitLevel | None = None) -> Mention | None:
        """The unit of this type (or level) named nearest before ``pos``, else
        the first named after it."""
        def ok(m: Mention) -> bool:
            if unit_type is not None and m.unit_type != unit_type:
                return False
            if level is not None and self.level(m) != level:
                return False
            return True
        # (at ``pos`` itself only a district named in brackets after the communes
        # that begin there: "xã A, B (huyện C)", see _bracketed_parents)
        # the last in the list at or before ``pos``, else the first at or after it,
        # found by walking from either end rather than by listing them all
        for m in reversed(self.mentions):
            if m.pos <= pos and ok(m):
                return m
        for m in self.mentions:
            if m.pos >= pos and ok(m):
                return m
        return None

    def province(self) -> Mention | None:
        return self.main(UnitLevel.PROVINCE)

    def main(self, level: UnitLevel) -> Mention | None:
        """The unit of this level named most often; of those named as often, the first."""
        counts: dict[str, int] = {}
        first: dict[str, Mention] = {}
        for m in self.mentions:
            if self.level(m) == level:
                counts[m.full] = counts.get(m.full, 0) + 1
                first.setdefault(m.full, m)
        if not counts:
            return None
        best = max(counts.values())
        # the counts are in the order the units were first named
        return next(first[k] for k, n in counts.items() if n == best)


def _mend_tone_slips(mentions: list[Mention]) -> list[Mention]:
    """A unit's name written once with a tone mark slipped ("xã Thinh Sơn" a
    line after "xã Thịnh Sơn") is the unit spelt right: of two spellings of one
    type that differ in tone marks only, one a unit the gazetteer knows by that
    exact spelling and the other not, the other is mended to it. Two units whose
    names differ only so ("Quang Bình", "Quảng Bình") are both known, and kept."""
    spellings: dict[tuple[str, str], set[str]] = {}
    for m in mentions:
        spellings.setdefault((m.unit_type, fold(m.name)), set()).add(m.name)
    mended: dict[tuple[str, str], str] = {}
    for (unit_type, _), names in spellings.items():
        if len(names) > 1:
            exact = [n for n in names if _known_as_spelt(n, unit_type)]
            if len(exact) == 1:
                mended.update({(unit_type, n): exact[0] for n in names if n != exact[0]})
    if not mended:
        return mentions
    return [Mention(m.pos, m.unit_type, mended[m.unit_type, m.name], m.within)
            if (m.unit_type, m.name) in mended else m for m in mentions]


@lru_cache(maxsize=4096)
def _known_as_spelt(name: str, unit_type: str) -> bool:
    """Does the gazetteer (either era) know a unit of this type by exactly this
    spelling (case aside), tone marks included?"""
    from kg.gazetteer import gazetteer
    g = gazetteer()
    try:
        return any(u.name.lower() == name.lower() for era in ("pre2025", "2025")
                   for u in g.find(name, unit_type, era=era))
    except ValueError:       # a type word the gazetteer does not know
        return False


def scan_places(text: str, begin: int = 0) -> list[Mention]:
    """Every unit named directly or as a committee's qualifier; after a plural
    head ("các xã Cát Thịnh, Thượng Bằng La"), every unit of the list."""
    out = []
    lx = lexicon()
    for m in place_re().finditer(text, begin):
        if m.group("name").isdigit() and fold(m.group("type")) not in ("phuong", "quan"):
            continue
        ut = canonical_type(m.group("type"))
        name = trim_place_name(m.group("name"), ut)[0]
        if not name or _cut_off(text, m.start("name") + len(name), name, ut) or _abbreviated(name, ut):
            continue
        out.append(Mention(m.start(), ut, name, _within(text, m.start("name") + len(name), (ut, name))))
        if _PLURAL.search(text[max(0, m.start() - 6):m.start()]):
            out += _coordinated(text, m.start("name") + len(name), ut)
        elif ut in COMMUNE_TYPES:
            # "xã Phước Mỹ, Phước Năng, thị trấn Khâm Đức": with no plural head, only
            # communes the gazetteer knows, each ending where the list goes on
            out += _coordinated(text, m.start("name") + len(name), ut,
                                (ut,) + tuple(t for t in COMMUNE_TYPES if t != ut), strict=True)
        elif ut in _DISTRICT_TYPES:
            # "huyện Thạch Hà và Lộc Hà": the same, with districts of the head's own type
            # (a city's name is often its province's: "thành phố Vinh và Nghệ An" lists no city)
            out += _coordinated(text, m.start("name") + len(name), ut, (ut,), strict=True)
    for m in committee_name_re().finditer(text, begin):
        ut = lx.committees[fold(m.group("committee"))]
        name = trim_place_name(m.group("name"), ut)[0]
        if name and not _cut_off(text, m.start("name") + len(name), name, ut) and not _abbreviated(name, ut):
            out.append(Mention(m.start(), ut, name))
            # "Ban Thường vụ Huyện ủy Hòa Thành, Trảng Bàng": committees of one kind, listed
            # (the committee's word gives the type; the gazetteer may know the unit by a later
            # type of its level, a district made a town after the story)
            out += _coordinated(text, m.start("name") + len(name), ut, (ut,),
                                after_known=any(known_unit(name, t) for t in _same_level(ut)))
    # a province named bare where a place is expected: "(Bắc Kạn)", "tại Hà Tĩnh,"
    # (provinces are a closed list, so the gazetteer decides)
    # (one that the unit before it says is a district is not: "xã A (B)", see bare_parent_type)
    # (a district's bracketed centrally-run city is its province: "quận Ninh Kiều (Cần Thơ)")
    districts_within = {x.within[1] for x in out if x.within and x.within[0] != "tỉnh"
                        and not (x.unit_type in _DISTRICT_TYPES and _province_type(x.within[1]) == "thành phố")}
    # (a centrally-run city too: "tại Hà Nội," is thành phố Hà Nội)
    for m in _bare_province_re().finditer(text, begin):
        province_type = _province_type(m.group("name"))
        if province_type and m.group("name") not in districts_within:
            out.append(Mention(m.start("name"), province_type, m.group("name")))
    # a province named bare as an address's tail, after a unit of its own: "giống chè Tà Xùa,
    # Sơn La", "(Mường Tè, Lai Châu)"; the gazetteer must hold the first name within the second
    tail_re, unit_re = _address_tail_re()
    for m in tail_re.finditer(text, begin):
        name = m.group("name")
        province_type = None if name in districts_within else _province_type(name)
        if province_type is None:
            continue
        unit = unit_re.search(text, max(begin, m.start() - 40), m.start())
        if unit and _in_province(unit.group("unit"), name):
            out.append(Mention(m.start("name"), province_type, name))
    # a province named bare after one of its departments: "Sở Nội vụ Hòa Bình"
    for m in _department_province_re().finditer(text, begin):
        name = trim_place_name(m.group("name"), "tỉnh")[0]
        if name:
            out.append(Mention(m.start("name"), "tỉnh", name))
    # a list announced by a colon: "tại 11 xã: A, B, C", "Ban Thường vụ huyện ủy: A, B"
    # (found from the colons, which are few, rather than by a scan of every position)
    colon = text.find(":", begin)
    while colon >= 0:
        m = _list_head_re().search(text, max(begin, colon - 40), colon + 1)
        if m and m.end() == colon + 1:
            if m.group("region"):
                ut, types = "tỉnh", ("tỉnh", "thành phố")
            else:
                ut = canonical_type(m.group("type")) if m.group("type") else lx.committees[fold(m.group("committee"))]
                types = (ut,)
            after = colon + 1
            while after < len(text) and text[after] in " \t":
                after += 1
            out += _coordinated(text, after, ut, types, first=True)
        colon = text.find(":", colon + 1)
    # a list in brackets after a plural head: "nâng cao 3 xã (A, B, C)"
    p = text.find("(", begin)
    while p >= 0:
        head = _plural_type_open().search(text, max(begin, p - 30), p + 1)
        if head:
            ut = canonical_type(head.group("type"))
            after = p + 1
            while after < len(text) and text[after] in " \t":
                after += 1
            out += _coordinated(text, after, ut, (ut,), first=True)
        p = text.find("(", p + 1)
    # a list announced by "như": "tại các xã như A, B và C" (no type word before each name)
    for m in _NHU.finditer(text, begin):
        head = _plural_type_before().search(text, max(begin, m.start() - 80), m.start())
        if head:
            ut = canonical_type(head.group("type"))
            out += _coordinated(text, m.end(), ut, (ut,), first=True)
    out += _bracketed_parents(text, begin, out)
    return out


_ABBREVIATION = re.compile(rf"{UPPER}{{2,}}(?!\w)")
_ROMAN = re.compile(r"[IVX]+(?!\w)")


def _abbreviated(name: str, unit_type: str) -> bool:
    """Whether a "name" after a type word opens with an abbreviation, which says
    what kind of unit it is rather than which: "xã NTM" (nông thôn mới, a
    commune meeting the new-countryside standard), "huyện NTM nâng cao". A
    numbered ward's Roman numeral ("phường III") and a name the gazetteer
    knows are names."""
    return bool(_ABBREVIATION.match(name)) and not _ROMAN.match(name) and not known_unit(name, unit_type)


def _cut_off(text: str, end: int, name: str, unit_type: str) -> bool:
    """Whether a name ending at ``end`` is where an excerpt stops mid-word
    ("… ở tổ dân phố 3, phường Ngh"): no closing punctuation after it, and no
    unit the gazetteer knows by it."""
    # (the rest of the text is looked at in place, not copied for each name)
    return _BLANK_TO_END.match(text, end) is not None and not text.rstrip().endswith(_CLOSERS) \
        and not known_unit(name, unit_type)


_CLOSERS = tuple('.!?…"”)')
_BLANK_TO_END = re.compile(r"\s*\Z")
_APPOSED = None


def bare_parent_type(name: str, unit: tuple[str, str] | None = None) -> str | None:
    """The type of a unit named bare in brackets after another, as where that
    one lies: "xã A (B)", "huyện C (D)". A province when the gazetteer knows one
    by the name, else a district it knows ("xã Sông Trà (Hiệp Đức)"); when it
    knows both (names are compared without their tones, so "Quang Bình" is
    also "Quảng Bình"), the district if the unit before the bracket lies in it
    and not in the province: a bracket names where a unit is, and the
    gazetteer says where it is."""
    province = known_unit(name, "tỉnh")
    districts = [t for t in _DISTRICT_TYPES if known_unit(name, t)]
    if not districts or unit is None:
        return "tỉnh" if province else (districts[0] if districts else None)
    if not province:
        return districts[0]
    holders = [t for t in ("tỉnh", *districts) if _holds(t, name, *unit)]
    return holders[0] if len(holders) == 1 else "tỉnh"


@lru_cache(maxsize=4096)
def _holds(parent_type: str, parent_name: str, unit_type: str, unit_name: str) -> bool:
    """Does a unit the gazetteer knows by this type and name (before the reform)
    hold one of this type and name?"""
    from kg.gazetteer import gazetteer
    g = gazetteer()
    try:
        return any(g.find(unit_name, unit_type, era="pre2025", within=parent)
                   for parent in g.find(parent_name, parent_type, era="pre2025"))
    except ValueError:       # a type word the gazetteer does not know
        return False


def _within(text: str, end: int, unit: tuple[str, str] | None = None) -> tuple[str, str] | None:
    """The unit a place is said to lie in, right after its name: after a comma
    with its type ("huyện Thạch Thành, tỉnh Thanh Hóa"), or alone in brackets
    ("thành phố Long Xuyên (tỉnh An Giang)", "(An Giang)", a province then).
    Whether it is the place's parent (one level up) is for its level to say."""
    global _APPOSED
    if _APPOSED is None:
        types = f"(?i:{lexicon().unit_type_re})"
        _APPOSED = re.compile(
            rf"[ \t]*(?:,[ \t]*(?P<type>{types})[ \t]+(?P<name>{name_pattern()})"
            rf"|\([ \t]*(?:(?P<btype>{types})[ \t]+)?(?P<bname>{name_pattern()})[ \t]*\))")
    m = _APPOSED.match(text, end)
    if m is None:
        return None
    type_word, name = (m.group("type"), m.group("name")) if m.group("name") else (m.group("btype"), m.group("bname"))
    if type_word is None:
        ut = _district_type_named_before(text, end, name) or bare_parent_type(name, unit)
        return (ut, name) if ut else None
    ut = canonical_type(type_word)
    name = trim_place_name(name, ut)[0]
    return (ut, name) if name else None


_DISTRICT_TYPE_BEFORE = re.compile(r"(?P<type>(?i:huyện|thị xã|quận|thành phố))[ \t]+$")


def _district_type_named_before(text: str, end: int, name: str) -> str | None:
    """The district type the text gave a name before ``end`` ("huyện A, xã B (A)"):
    a bracket's bare name is of that type, whatever type the gazetteer knows it
    by now (a district made a town after the story). A province's name is left
    to the gazetteer (``bare_parent_type``): a city may bear it."""
    if _province_type(name):
        return None
    i = text.rfind(name, 0, end)
    while i > 0:
        t = _DISTRICT_TYPE_BEFORE.search(text, max(0, i - 12), i)
        if t:
            return canonical_type(t.group("type"))
        i = text.rfind(name, 0, i)
    return None


def masthead_provinces(original: str) -> list[tuple[int, str, str]]:
    """The province an upper-case masthead names at the top of a page ("ĐÀI
    PHÁT THANH VÀ TRUYỀN HÌNH <PROVINCE>"), as (offset of its line, type,
    name): a masthead names the province the page is about. Its last words
    are tried, longest first, against the gazetteer's provinces and
    centrally-run cities; the working text reads such a line in lower case,
    so no other scan finds the name."""
    out = []
    pos = 0
    for line in original.split("\n")[:_MASTHEAD_LINES]:
        words = line.split()
        if len(words) >= 2 and line.isupper():
            for k in range(min(4, len(words)), 1, -1):
                name = " ".join(w.capitalize() for w in words[-k:])
                unit_type = _province_type(name)
                if unit_type:
                    out.append((pos + line.index(words[0]), unit_type, name))
                    break
        pos += len(line) + 1
    return out


# a line that names the site: its title ("Trang thông tin điện tử xã X", "Cổng TTĐT huyện Y"),
# or a greeting in capitals ("CHÀO MỪNG ĐẾN … UBND XÃ X")
_SITE_LINE = re.compile(r"(?i:(?:trang|cổng)[ \t]+(?:thông[ \t]+tin|tin|ttđt)(?:[ \t]+điện[ \t]+tử)?)(?!\w)")
_TYPE_WORD = None


def masthead_units(original: str) -> list[Mention]:
    """The unit a site's masthead names at its end, with its type ("Trang thông
    tin điện tử xã quảng phú", "… UBND XÃ QUẢNG PHÚ"), when the gazetteer knows
    one of that type by that name: a line in capitals or in lower case gives no
    cue to where a name starts but the type word before it."""
    global _TYPE_WORD
    if _TYPE_WORD is None:
        _TYPE_WORD = re.compile(rf"(?<!\w)(?i:{lexicon().unit_type_re})(?!\w)")
    out: list[Mention] = []
    pos = 0
    for line in original.split("\n", _MASTHEAD_LINES + 1)[:_MASTHEAD_LINES]:
        if line.isupper() or _SITE_LINE.match(line.strip()):
            for t in reversed(list(_TYPE_WORD.finditer(line))):
                rest = line[t.end():].split()
                unit_type = canonical_type(t.group(0))
                name = " ".join(w.capitalize() for w in rest)
                if 1 <= len(rest) <= 4 and known_unit(name, unit_type):
                    out.append(Mention(pos + t.start(), unit_type, name))
                    break
        pos += len(line) + 1
    return out


def _province_type(name: str) -> str | None:
    """The type of the province-level unit ``name`` is, if any: "tỉnh", or
    "thành phố" for a centrally-run city (the gazetteer's closed list)."""
    if known_unit(name, "tỉnh"):
        return "tỉnh"
    if fold(name) in lexicon().centrally_run and known_unit(name, "thành phố"):
        return "thành phố"
    return None


# how far down a page a masthead may be: it tops the page, above the headline
_MASTHEAD_LINES = 5
# the words before a colon opening a headline ("Thái Bình: Sẵn sàng …", "TP. HỒ CHÍ MINH: …"),
# perhaps with their type word
_PREFIX = re.compile(r"[ \t]*(?:(?i:tỉnh|thành phố|tp\.?)[ \t]*)?(?P<name>\w+(?:[ \t]+\w+){0,3})[ \t]*:[ \t]+\S")


def headline_provinces(original: str) -> list[tuple[int, str, str]]:
    """The province a headline names before a colon at its head ("Thái Bình:
    Sẵn sàng ứng phó …"), as (offset of its name, type, name): news sites head
    a story so with the province it is about. The headline is looked for among
    the lines that top the page, as a masthead is; the gazetteer's provinces and
    centrally-run cities are a closed list, so a district ("Nông Sơn: …") or a
    credit ("Nguồn Hà Tĩnh: …") names none."""
    out = []
    pos = 0
    for line in original.split("\n", _MASTHEAD_LINES + 1)[:_MASTHEAD_LINES + 1]:
        m = _PREFIX.match(line)
        if m and len(line.strip()) <= MAX_HEADLINE_CHARS:
            name = m.group("name")
            if name.isupper():
                name = " ".join(w.capitalize() for w in name.split())
            unit_type = _province_type(name)
            if unit_type:
                out.append((pos + m.start("name"), unit_type, name))
        pos += len(line) + 1
    return out


# a plural head before a unit's type: "các xã", "hai huyện", "02 xã"
PLURAL_HEAD = r"(?:(?i:các|hai|ba|bốn|năm)|\d{1,3})"
# the word first, its start checked behind it: ``re`` then scans for the word at C speed
_NHU = re.compile(r"như(?<!\wnhư):?[ \t]+(?=[^\W\d_])")
_PLURAL_TYPE = None


def _plural_type_before() -> re.Pattern:
    """A plural head and a unit type ending right before "như": "các xã "."""
    global _PLURAL_TYPE
    if _PLURAL_TYPE is None:
        # up to six lower-case words may qualify the units before "như": "các xã
        # vùng cao như", "một số xã có tỷ lệ thấp như"
        _PLURAL_TYPE = re.compile(rf"(?<!\w)(?:(?i:một số|nhiều)|{PLURAL_HEAD})[ \t]+"
                                  rf"(?P<type>(?i:{lexicon().unit_type_re}))(?:[ \t]+{LOWER}\w*){{0,6}}[ \t]+$")
    return _PLURAL_TYPE


_PLURAL_TYPE_OPEN = None


def _plural_type_open() -> re.Pattern:
    """A plural head and a unit type ending with a bracket: "3 xã (", "các phường ("."""
    global _PLURAL_TYPE_OPEN
    if _PLURAL_TYPE_OPEN is None:
        _PLURAL_TYPE_OPEN = re.compile(rf"(?<!\w){PLURAL_HEAD}[ \t]+(?P<type>(?i:{lexicon().unit_type_re}))[ \t]*\($")
    return _PLURAL_TYPE_OPEN


_BRACKET_PARENT = None
_DISTRICT_TYPES = ("huyện", "thị xã", "quận", "thành phố")
_CLAUSE_EDGE = re.compile(r"[.;:\n()]")


def _bracketed_parents(text: str, begin: int, found: list[Mention]) -> list[Mention]:
    """A district named in brackets after communes is their parent: "xã Sông
    Trà (Hiệp Đức)", "xã A, B, thị trấn C (huyện D)". The district is
    registered where the communes it qualifies begin, so that each of them
    finds it as the district named nearest before it (``Context.resolve``)
    rather than one named earlier in the text. A bare name is a district
    when the gazetteer knows it as one."""
    global _BRACKET_PARENT
    if _BRACKET_PARENT is None:
        _BRACKET_PARENT = re.compile(
            rf"\([ \t]*(?:(?P<type>(?i:{'|'.join(_DISTRICT_TYPES)}))[ \t]+)?(?P<name>{name_pattern()})[ \t]*[),–-]")
    out = []
    p = text.find("(", begin)
    while p >= 0:
        m = _BRACKET_PARENT.match(text, p)
        if m:
            edge = max((e.end() for e in _CLAUSE_EDGE.finditer(text, max(begin, p - 300), p)), default=begin)
            listed = [x for x in found if edge <= x.pos < p and x.unit_type in COMMUNE_TYPES]
            if m.group("type"):
                ut = canonical_type(m.group("type"))
                name = trim_place_name(m.group("name"), ut)[0]
            else:
                # a bare name the gazetteer knows as a province is the province
                # ("huyện Quan Sơn (Thanh Hóa)"), though a district may bear its
                # name, unless the commune before it lies in the district only
                name = m.group("name")
                last = max(listed, key=lambda x: x.pos, default=None)
                ut = _district_type_named_before(text, p, name) \
                    or bare_parent_type(name, (last.unit_type, last.name) if last else None)
                ut = None if ut == "tỉnh" else ut
            if listed and ut and name:
                out.append(Mention(min(x.pos for x in listed), ut, name))
        p = text.find("(", p + 1)
    return out


_BARE_PROVINCE = None
_DEPARTMENT_PROVINCE = None


def _department_province_re() -> re.Pattern:
    """A body that is always a province's (bodies.csv ``unit``) followed by a
    name: the name is the province's when the gazetteer knows it."""
    global _DEPARTMENT_PROVINCE
    if _DEPARTMENT_PROVINCE is None:
        from kg import tables
        organs = [r["name"] for r in tables.bodies() if r.get("unit") == "tỉnh"]
        alt = "|".join(re.escape(o).replace(r"\ ", r"[ \t]+") for o in sorted(organs, key=len, reverse=True))
        _DEPARTMENT_PROVINCE = re.compile(rf"{word_start(alt)}[ \t]+(?P<name>{name_pattern()})")
    return _DEPARTMENT_PROVINCE


def _bare_province_re() -> re.Pattern:
    global _BARE_PROVINCE
    if _BARE_PROVINCE is None:
        _BARE_PROVINCE = re.compile(
            # each way in opens with its own letter, so that ``re`` skips to them at C speed
            # (after "tại", the name may end its line or go on into lower-case words: "họp tại Hà
            # Nội dưới sự chủ trì …", "tại Hà Nội và TP Hồ Chí Minh")
            rf"(?:\((?=[^)\n]{{2,30}}\))(?P<bracketed>)|t(?<!\wt)ại[ \t]+)(?P<name>{name_pattern()})"
            rf"(?=[ \t]*[),.;]|(?(bracketed)(?!)|(?:[ \t]*$|[ \t]+{LOWER})))", re.M)
    return _BARE_PROVINCE


_ADDRESS_TAIL = None


def _address_tail_re() -> tuple[re.Pattern, re.Pattern]:
    """The province after the comma (a scan that stops only at commas), and the
    unit's name that ends right before it (searched in the few words before)."""
    global _ADDRESS_TAIL
    if _ADDRESS_TAIL is None:
        _ADDRESS_TAIL = (
            re.compile(rf",[ \t]*(?P<name>{name_pattern()})(?![ \t]*(?:,|và)[ \t]*[A-ZĐ])(?!\w)"),
            re.compile(rf"(?<![\w,])[ \t]*(?P<unit>{name_pattern()})$"))
    return _ADDRESS_TAIL


@lru_cache(maxsize=4096)
def _in_province(unit: str, province: str) -> bool:
    """Does the gazetteer (either era) hold a unit called ``unit`` within the province ``province``?"""
    from kg.gazetteer import gazetteer
    g = gazetteer()
    for era in ("pre2025", "2025"):
        for prov in g.find(province, "tỉnh", era=era) + g.find(province, "thành phố", era=era):
            if prov.level == UnitLevel.PROVINCE and g.find(unit, era=era, within=prov):
                return True
    return False


_PLURAL = re.compile(rf"(?<!\w){PLURAL_HEAD}[ \t]+$")
_LIST_HEAD = None


def _list_head_re() -> re.Pattern:
    global _LIST_HEAD
    if _LIST_HEAD is None:
        lx = lexicon()
        _LIST_HEAD = re.compile(
            rf"(?<!\w)(?:{PLURAL_HEAD}[ \t]+(?P<type>(?i:{lx.unit_type_re}))"
            rf"|(?P<committee>(?i:{lx.committee_re}))"
            # "đối với Ban Thường vụ Tỉnh ủy các địa phương: A, B, C": provinces
            rf"|(?P<region>(?i:các địa phương|các tỉnh,[ \t]*thành phố|các tỉnh,[ \t]*thành)))[ \t]*:")
    return _LIST_HEAD


_COORD = _COORD_FIRST = _COORD_GROUP = None


def _coordinated(text: str, p: int, unit_type: str, types: tuple[str, ...] | None = None,
                 first: bool = False, after_known: bool = False, strict: bool = False) -> list[Mention]:
    """The further items of a list under a plural head: bare names after ","
    or "và", each a unit of the head's type the gazetteer knows (or, failing
    that, of another type it knows the name as). ``after_known``: the list's
    head unit is one the gazetteer knows, so the list is one of units.
    ``strict``: only whole items the gazetteer knows, ending where the list
    goes on or stops."""
    global _COORD, _COORD_FIRST, _COORD_GROUP
    if _COORD is None:
        _COORD = re.compile(rf"[ \t]*(?:,|và)[ \t]*(?P<name>{name_pattern()})")
        _COORD_FIRST = re.compile(rf"(?P<name>{name_pattern()})")
        _COORD_GROUP = re.compile(rf"[ \t]*(?:,|và|;)[ \t]*(?P<name>{name_pattern()})")
    if types is None:
        types = (unit_type,) + tuple(x for x in COMMUNE_TYPES + ("huyện", "thị xã", "thành phố") if x != unit_type)
    out = []
    started = grouped = False
    group_start = 0
    while True:
        # "các xã A (Nam Đàn), B (Đô Lương)": an item's unit in brackets says where it lies
        w = _within(text, p, (out[-1].unit_type, out[-1].name) if out else None) if _OPEN_BRACKET.match(text, p) else None
        if w is not None:
            if out and out[-1].within is None:
                out[-1].within = w
            p = text.index(")", p) + 1
        # "12 xã: A và B, huyện X; C, huyện Y": a group closed by the unit it lies in
        # goes on after a semicolon
        m = (_COORD_FIRST if first and not started else _COORD_GROUP if grouped else _COORD).match(text, p)
        if not m:
            # an item written with its type ("TP Hồ Chí Minh, Bình Dương") is found
            # by the scan for typed units; the list goes on after it
            t = _typed_item_re().match(text, p)
            if t is None or t.end() == p or (started and not t.group("sep")):
                break
            ut = canonical_type(t.group("type"))
            if t.group("sep") == "," and ut in _UNITS_ABOVE.get(unit_type, ()):
                # "A, B và C, huyện X": the unit of a higher level that closes a group is where
                # its items lie ("xã A, B, thị trấn C" is one list)
                name = trim_place_name(t.group("name"), ut)[0]
                for item in out[group_start:]:
                    if item.within is None and name:
                        item.within = (ut, name)
            p, started, grouped, group_start = t.end(), True, True, len(out)
            continue
        started, grouped = True, False
        toks = m.group("name").split()
        found = None
        written = m.group("name")
        # a name with a dash ("Bà Rịa - Vũng Tàu", however spaced) is one name
        dashed = _dashed_names().get(fold(re.sub(r"[ \t]*[-–][ \t]*", " - ", written))) \
            if "-" in written or "–" in written else None
        if dashed:
            found = next(((dashed, t) for t in types if known_unit(dashed, t)), None)
            if found:
                out.append(Mention(m.start("name"), found[1], found[0]))
                p = m.end("name")
                continue
        for k in range(min(len(toks), 4), 0, -1):
            cand = " ".join(toks[:k])
            for t in types:
                if known_unit(cand, t):
                    found = (cand, t)
                    break
            if found:
                break
        if strict and found is None and _lacked_district(text, p, m, unit_type, toks):
            # "huyện Thạch Hà và Lộc Hà": the last of two districts, one the gazetteer
            # lacks (merged away before its snapshot)
            out.append(Mention(m.start("name"), unit_type, " ".join(toks)))
            break
        if strict and (found is None or found[0] != " ".join(toks) or not _ITEM_END.match(text, m.end("name"))):
            break
        if (not found or found[0] != " ".join(toks)) and len(toks) <= 3 and unit_type in types and (
                out or after_known and not _person_like(toks) and _ITEM_END.match(text, m.end("name"))) \
                and not _INITIAL.match(text, m.start("name")):
            # well inside a list of known units, the whole item is the name even
            # when the gazetteer lacks it (a unit renamed or new) or knows only
            # its first word: items are separated by commas, not cut short; but
            # a letter with a full stop is an initial or an abbreviation ("P.Láng Tròn")
            # and a letter that ends the text the start of a name cut off
            found = (" ".join(toks), unit_type)
        if not found:
            break
        out.append(Mention(m.start("name"), found[1], found[0]))
        p = m.start("name") + len(found[0])
    return out


_HIGHER_TYPES = ("tỉnh",) + _DISTRICT_TYPES
# the types a unit of each type may lie in
_UNITS_ABOVE = {**{t: _HIGHER_TYPES for t in COMMUNE_TYPES}, **{t: ("tỉnh", "thành phố") for t in _DISTRICT_TYPES}}


def _same_level(unit_type: str) -> tuple[str, ...]:
    """The types of a unit's level: a district's, a commune's, a province's."""
    for level in (_DISTRICT_TYPES, COMMUNE_TYPES, ("tỉnh", "thành phố")):
        if unit_type in level:
            return level
    return (unit_type,)


def _lacked_district(text: str, p: int, m: re.Match, unit_type: str, toks: list[str]) -> bool:
    """Whether the item ``m`` after a district is a second district the
    gazetteer does not know: joined by "và" right after the first, two or
    three syllables ending the list, no person's name and no province or
    district the gazetteer knows ("huyện Yên Sơn và Tuyên Quang" names the
    province); a commune may bear the name (a district's seat often does)."""
    name = " ".join(toks)
    if _IN_UNIT.match(text, m.end("name")):
        return False        # "huyện A và B, huyện C": B lies in huyện C, so is no district
    return (unit_type in _DISTRICT_TYPES and 2 <= len(toks) <= 3 and "và" in text[p:m.start("name")]
            and not _person_like(toks) and _LIST_END.match(text, m.end("name")) is not None
            and not any(known_unit(name, t) for t in _HIGHER_TYPES))


_OPEN_BRACKET = re.compile(r"[ \t]*\(")
_IN_UNIT = re.compile(rf"[ \t]*,[ \t]*(?i:huyện|quận|thị xã|thành phố|tỉnh)[ \t]+{UPPER}")
# where a list ends: a clause's punctuation, the line's end
_LIST_END = re.compile(r"[ \t]*(?:[,;.:()]|$)", re.M)
_TYPED_ITEM = None


def _typed_item_re() -> re.Pattern:
    global _TYPED_ITEM
    if _TYPED_ITEM is None:
        lx = lexicon()
        _TYPED_ITEM = re.compile(
            rf"[ \t]*(?P<sep>,|và)?[ \t]*(?P<type>(?i:{lx.unit_type_re}))[ \t]+(?P<name>{name_pattern()})")
    return _TYPED_ITEM


# one letter and a full stop, or one letter where an excerpt is cut off ("…, Trần Phán, Đ")
_INITIAL = re.compile(r"\w(?:\.|[ \t]*\Z)")
# a list item ends where the list goes on or stops ("Hòa Thành, Trảng Bàng và …"),
# not before lower-case words ("Phú Lương, Đoàn kiểm tra …")
_ITEM_END = re.compile(r"[ \t]*(?:[,;.:()]|và(?!\w)|$)", re.M)


def _person_like(toks: list[str]) -> bool:
    """Three or four syllables opening with a surname: a person, not a unit."""
    surnames = lexicon().surnames
    return 3 <= len(toks) <= 4 and (toks[0] in surnames or " ".join(toks[:2]) in surnames)


def build_places(ctx: Context, used: list[Mention]) -> list[Place]:
    """One Place per unit named, with its parent: the next level up as it
    stood on the article's date, from the article's own context."""
    seen: dict[str, Place] = {}
    prov = ctx.province()
    stated = _stated_parents(ctx, used)
    for m in used:
        if m.full in seen:
            continue
        level = ctx.level(m)
        parent = stated.get(m.full) or _context_parent(ctx, m, level, prov)
        seen[m.full] = Place(name=m.full, unit_type=m.unit_type, level=level, parent=parent,
                             era=ctx.era)
    for m in ctx.masthead:
        if m.full not in seen:
            seen[m.full] = Place(name=m.full, unit_type=m.unit_type, level=ctx.level(m), parent=None,
                                 era=ctx.era)
    return list(seen.values())


def _context_parent(ctx: Context, m: Mention, level: UnitLevel, prov: Mention | None) -> str | None:
    """A unit's parent from the article's context: the province it names most
    for a district (and for a commune after the reform, or one being set up
    for it), else the district named nearest before the commune."""
    if level == UnitLevel.DISTRICT or level == UnitLevel.COMMUNE and (_dated_after_reform(ctx) or m.full in ctx.planned):
        return prov.full if prov else None
    if level == UnitLevel.COMMUNE and ctx.era == "2025":
        # the new map read off the units alone, the text dating nothing: a commune may lie in
        # a province its text names or in one merged into it, so no parent is sure
        return None
    if level == UnitLevel.COMMUNE:
        d = ctx.resolve(m.pos, level=UnitLevel.DISTRICT)
        return d.full if d else None
    return None


def _dated_after_reform(ctx: Context) -> bool:
    """Is the article on the 2025 map because its text dates it after the
    reform (not because the units it names are those of the new map)?"""
    return ctx.era == "2025" and (ctx.when is not None or ctx.later_term)


# (the first letter in a case-sensitive class, which re skips to at C speed; "(?i:n…" it tries everywhere)
_TERM_FROM = re.compile(r"[nN](?i:hiệm[ \t]+kỳ)[ \t]+(?P<y>20\d\d)[ \t]*[-–][ \t]*20\d\d")


def later_term(text: str) -> bool:
    """Does the text name a term that opens in the year of the reform or after
    ("đại biểu HĐND nhiệm kỳ 2026-2031", "Đại hội Đảng bộ xã nhiệm kỳ 2025-2030")? Only
    read when the units it names are on the new map."""
    return any(int(m.group("y")) >= REFORM_DAY.year for m in _TERM_FROM.finditer(text))


def _stated_parents(ctx: Context, used: list[Mention]) -> dict[str, str]:
    """The parents the text states beside the units ("huyện A, tỉnh B"), by the
    units' names: the first stated one level up (on the article's map: after
    the reform a commune's is its province)."""
    up = {UnitLevel.DISTRICT: UnitLevel.PROVINCE,
          UnitLevel.COMMUNE: UnitLevel.PROVINCE if ctx.era == "2025" else UnitLevel.DISTRICT}
    out: dict[str, str] = {}
    for m in used:
        if m.within and m.full not in out and \
                level_of(m.within[0], m.within[1], ctx.era) == up.get(ctx.level(m)):
            out[m.full] = f"{m.within[0]} {m.within[1]}"
    ctx.stated = out
    return out


# gazetteer answers by (place name, type, era, code of the unit searched within)
_FOUND: dict[tuple, list] = {}


def resolve_places(places: list[Place], ctx: Context, warnings: list[str]) -> None:
    """Resolve each place against the gazetteer of the article's era, in
    place: the unit's GSO ``code``, ``era``, dates of validity and successors
    are filled in when exactly one unit answers to the name. The article's
    province (and, before 2025, the commune's district) narrows the search.
    A name that stays ambiguous keeps no code and adds a warning. Names and
    parents stay those of the article, except that a district or commune
    whose parent the article never names gets the gazetteer's, when the unit
    is unambiguous and the article names its province, and that one the
    gazetteer knows only elsewhere loses the parent its context gave it."""
    from kg.gazetteer import gazetteer
    g = gazetteer()
    era = ctx.era
    units: dict[str, object] = {}       # place name -> Unit, for the parents of later places

    def lookup(p: Place, within) -> list:
        key = (p.name, p.unit_type, era, within.code if within is not None else None)
        found = _FOUND.get(key)
        if found is None:
            if len(_FOUND) > 100_000:
                _FOUND.clear()
            found = _FOUND[key] = _lookup(p, within)
        # the units not yet ended on the article's date (as find(on=) keeps), filtered
        # here so that the answers are cached whatever the date
        when = ctx.when
        if when is None or not any(u.valid_through and u.valid_through < when for u in found):
            return found
        return [u for u in found if not (u.valid_through and u.valid_through < when)]

    def _lookup(p: Place, within) -> list:
        name = p.name.split(" ", len(p.unit_type.split()))[-1]
        try:
            found = g.find(name, p.unit_type, era=era, within=within)
            bare = re.sub(r"['\u2019\u02bc]", "", name)
            if not found and bare != name:     # "Đưng K'Nớ" is "Đưng KNớ" in the data
                found = g.find(bare, p.unit_type, era=era, within=within)
            return found
        except ValueError:       # a type word the gazetteer does not know
            return []

    order = {UnitLevel.PROVINCE: 0, UnitLevel.DISTRICT: 1, UnitLevel.COMMUNE: 2}
    prov = ctx.province()
    named = {m.full for m in ctx.mentions}
    for p in sorted(places, key=lambda p: order.get(p.level, 3)):
        within = units.get(p.parent) if p.parent else None
        if within is None and p.level != UnitLevel.PROVINCE:
            within = units.get(prov.full) if prov else None
        found = lookup(p, within)
        stray = False
        if not found and within is not None:
            # the article's context may be wrong about where it lies: only an
            # unambiguous unit anywhere in the era is taken
            found = lookup(p, None)
            # a district of another province ("the delegation of huyện Chợ Đồn
            # worked with huyện Thạch Thành, tỉnh Thanh Hóa") is not the article's
            # province's, nor a commune of another district of the same province the
            # one named near it ("… xã Phú Hưng, huyện Cái Nước" said of another
            # commune): its parent is only one the text names. (A commune the
            # gazetteer knows only in another province is more likely one it lacks,
            # merged away before its snapshot, than a stray.)
            if len(found) == 1 and p.name not in ctx.stated and (
                    p.level == UnitLevel.DISTRICT or p.level == UnitLevel.COMMUNE and within.level == UnitLevel.DISTRICT
                    and g.province(found[0]) == g.province(within)):
                p.parent = None
                stray = True
        if p.level != UnitLevel.PROVINCE or len(found) > 1:
            found = [u for u in found if u.level == p.level] or found
        if len(found) != 1:
            p.era = era
            if len(found) > 1:
                warnings.append(f"place {p.name} is ambiguous: left unresolved")
            continue
        u = found[0]
        units[p.name] = u
        q = g.to_place(u)
        p.code, p.era = q.code, q.era
        p.valid_from, p.valid_through, p.successors = q.valid_from, q.valid_through, q.successors
        # the gazetteer's parent only within a province the text names: an
        # excerpt that never names it states no parent, and none is invented
        # (or the text names the unit's own parent, and its context's was another)
        if p.parent is None and q.parent is not None and p.level != UnitLevel.PROVINCE \
                and (prov is not None or stray) and q.parent in named:
            if _dated_after_reform(ctx) or p.level == UnitLevel.DISTRICT or stray:
                p.parent = q.parent
        # a district from the context that the gazetteer lacks on the article's date
        # ("huyện Thạch Hà và Lộc Hà; … xã Thạch Ngọc", written after Lộc Hà's merger)
        # yields to the one the gazetteer puts the commune in, when the text names that one too
        elif p.level == UnitLevel.COMMUNE and p.parent is not None and p.parent not in units \
                and p.name not in ctx.stated and q.parent in named and q.parent != p.parent \
                and not g.find(p.parent, era=era, on=ctx.when):
            p.parent = q.parent
