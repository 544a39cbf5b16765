"""Text normalisation for extraction, beyond ``kg.text.normalize``.

The extractor reads a *working text*: the article's text with every dash a
hyphen, document codes canonical (``03 - KH/BTGHU`` -> ``03-KH/BTGHU``,
``TƯ`` -> ``TW``, ``Ð`` -> ``Đ``), parenthesised abbreviations after a name
dropped (``Ủy ban Kiểm tra (UBKT) Tỉnh ủy``) and abbreviations expanded
(``UV BTV`` -> ``Ủy viên Ban Thường vụ``). Expansion changes lengths, so the
working text keeps a map back to the article's offsets: evidence always
indexes ``Article.text``.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from kg.text import normalize, unify_dashes, wraps_on

from .lexicon import UPPER, lexicon

PARTY_CODE = re.compile(
    r"(?<![\w/])(?P<n>\d{1,4})\s*-\s*(?P<type>[A-ZĐ][A-Za-zĐđ]{0,5})\s*/\s*"
    r"(?P<iss>[A-ZĐƯ][A-Za-zĐđƯư]{1,12})(?![\w/])")
STATE_CODE = re.compile(
    r"(?<![\w/])(?P<n>\d{1,5})(?:/(?P<year>(?:19|20)\d{2}))?/(?P<type>[A-ZĐ][A-Za-zĐđ]{0,5})-"
    r"(?P<iss>[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*)(?![\w/])")
LAW_CODE = re.compile(r"(?<![\w/])\d{1,4}/(?:19|20)\d{2}/QH\d{1,2}(?![\w/])")
PAREN_ABBR = re.compile(r"\s*\([A-ZĐ]{2,10}\)")
# where one of the codes above may start: a digit after no word or slash, whose number
# (five digits at most) goes on to a "/" or "-" and a capital
CODE_START = re.compile(r"\d(?<![\w/]\d)(?=\d{0,4}(?:/(?:(?:19|20)\d\d/)?|\s*-\s*)[A-ZĐ])")


def code_matches(pattern: re.Pattern, text: str, pos: int = 0) -> Iterator[re.Match]:
    """``pattern.finditer(text, pos)`` for a pattern of the codes above, which
    opens with a lookahead on the digit (so ``re`` tries it at every
    position): matched only where ``CODE_START`` finds that a code may start,
    which is found at C speed. The same matches."""
    while (at := CODE_START.search(text, pos)) is not None:
        m = pattern.match(text, at.start())
        if m is None:
            pos = at.start() + 1
        else:
            yield m
            pos = m.end()


def canonical_party_code(n: str, doc_type: str, issuer: str) -> str:
    issuer = issuer.replace("TƯ", "TW").replace("Tư", "TW")
    if doc_type not in lexicon().doc_type_codes and doc_type.replace("D", "Đ") in lexicon().doc_type_codes:
        doc_type = doc_type.replace("D", "Đ")        # ASCII-folded "QD"
    return f"{n}-{doc_type}/{issuer}"


@dataclass
class Text:
    """The working text and its map back to the article's offsets."""
    original: str
    text: str
    _e: list[int]
    _o: list[int]

    def orig(self, i: int) -> int:
        """Article offset of working-text offset ``i``."""
        k = bisect.bisect_right(self._e, i) - 1
        if k < 0:
            return i
        e, o = self._e[k], self._o[k]
        nxt = self._o[k + 1] if k + 1 < len(self._o) else len(self.original)
        return min(o + (i - e), max(nxt, o))

    def working_offset(self, i: int) -> int:
        """Working-text offset of article offset ``i`` (the inverse of ``orig``)."""
        k = bisect.bisect_right(self._o, i) - 1
        if k < 0:
            return i
        o, e = self._o[k], self._e[k]
        nxt = self._e[k + 1] if k + 1 < len(self._e) else len(self.text)
        return min(e + (i - o), max(nxt, e))


_COMBINED = None


def _combined() -> re.Pattern:
    global _COMBINED
    if _COMBINED is None:
        firsts = re.escape("".join(sorted({r["abbr"][0] for r in lexicon().abbreviations} | set(_UNIT_LETTERS))))
        # codes first (they start with a digit, so the scan is cheap), then
        # parenthesised abbreviations, then abbreviations to expand; one guard on
        # the first characters of all three before their own (a lookahead is
        # tried at every position, and one costs less than three)
        _COMBINED = re.compile(
            "(?=[\\d\\s(" + firsts + "])(?:"
            "(?=\\d)(?:(?P<law>" + LAW_CODE.pattern + ")|(?P<state>" + STATE_CODE.pattern.replace("?P<", "?P<s_") + ")"
            "|(?P<party>" + PARTY_CODE.pattern.replace("?P<", "?P<p_") + "))"
            "|(?=[\\s(])(?P<paren>" + PAREN_ABBR.pattern + ")|(?=[" + firsts + "])(?:" + _DOTTED_UNIT.pattern
            + "|(?P<abbr>" + lexicon().abbr_re.pattern + ")))")
    return _COMBINED


_COMBINED_STARTS = None


def _combined_matches(text: str) -> Iterator[re.Match]:
    """``_combined().finditer(text)``, found faster. The combined pattern opens
    with a lookahead, which ``re`` tries at every position (every blank
    entered the pattern for the bracket branch); a pattern that opens with a
    class is searched at C speed. So a scan of such a class finds where a
    match may start (a digit opening a code, a bracket, a capital opening a
    word whose next letter opens an abbreviation or a unit's initials) and
    the combined pattern is matched there: the same matches, as only there
    can one start. A bracket's match starts at the blanks before it."""
    global _COMBINED_STARTS
    if _COMBINED_STARTS is None:
        abbrs = [r["abbr"] for r in lexicon().abbreviations] + list(_UNIT_LETTERS)
        firsts = re.escape("".join(sorted({a[0] for a in abbrs})))
        # a unit's initials go on with "." ("P.", "TX."), an abbreviation with its second letter
        seconds = re.escape("".join(sorted({a[1] for a in abbrs if len(a) > 1} | {"."})))
        ahead = f"(?=[{seconds}])" if all(len(a) > 1 for a in lexicon().abbreviations) else ""
        code_rest = CODE_START.pattern.removeprefix(r"\d")      # the digit is the class's
        _COMBINED_STARTS = re.compile(
            rf"[\d({firsts}](?:(?<=\d){code_rest}"
            rf"|(?<=\()|(?<=[{firsts}])(?<!\w[{firsts}]){ahead})")
    combined = _combined()
    pos = 0
    while (at := _COMBINED_STARTS.search(text, pos)) is not None:
        start = at.start()
        if text[start] == "(":
            while start > pos and text[start - 1].isspace():    # what \s takes
                start -= 1
        m = combined.match(text, start)
        if m is None:
            pos = at.start() + 1
        else:
            yield m
            pos = m.end()


# a unit's type word written as its dotted initials against the name, as southern
# papers write them ("P.Tân Định, Q.1", "X. Phú Lạc"); "TP." is an abbreviation
# (abbreviations.csv). The initials are those kg.gazetteer.ABBREVIATIONS reads.
_UNIT_LETTERS = ("TX", "P", "Q", "X", "H")
_DOTTED_UNIT = re.compile(rf"(?<![\w.])(?P<unit>{'|'.join(_UNIT_LETTERS)})\.[ \t]*(?={UPPER}|\d)")
_UNIT_NAME = re.compile(rf"\d{{1,2}}(?!\w)|{UPPER}\w*(?:[ \t]+{UPPER}\w*){{0,3}}")


def _dotted_unit(text: str, m: re.Match) -> str | None:
    """The type word a unit's dotted initials stand for, when the gazetteer
    knows a unit of that type by the name after them and no surname or middle
    name comes before them (a letter and a dot are also a person's initial,
    "Trần P. Lộc"): "P.Tân Định" -> "phường "."""
    from kg.gazetteer import ABBREVIATIONS
    from .places import known_unit
    before = text[max(0, m.start() - 12):m.start()].split()
    lx = lexicon()
    if before and (before[-1] in lx.surnames or before[-1] in lx.middle_names):
        return None
    unit_type = ABBREVIATIONS[m.group("unit").lower()]
    name = _UNIT_NAME.match(text, m.end())
    if name is None:
        return None
    words = name.group(0).split()
    if any(known_unit(" ".join(words[:k]), unit_type) for k in range(len(words), 0, -1)):
        return unit_type + " "
    return None


def _lower_capitals_lines(text: str) -> str:
    """A line in capitals ("BÍ THƯ HUYỆN ỦY LÀM VIỆC TẠI …", a district
    site's headline) gives no cue to where a name starts or ends: read it in
    lower case (same length, so offsets hold), and only its words count."""
    lines = text.split("\n")
    if not any(line.isupper() for line in lines):     # the common case, at C speed
        return text
    out = []
    for line in lines:
        if line.isupper() and len(line.split()) >= 3 and len(line.lower()) == len(line):
            line = line.lower()
        out.append(line)
    return "\n".join(out)


def _join_wrapped_lines(text: str) -> str:
    """A sentence wrapped over lines is read as one line: each such break
    becomes a space (the same length, so offsets hold). The breaks are few, so
    they are visited one by one rather than by a pattern tried everywhere."""
    chars = None
    i = text.find("\n")
    while i >= 0:
        j = i
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        if wraps_on(text[max(0, j - 6):j], text[i + 1:i + 2]):
            chars = chars if chars is not None else list(text)
            chars[j:i + 1] = " " * (i + 1 - j)
        i = text.find("\n", i + 1)
    return text if chars is None else "".join(chars)


@cache
def _abbreviations() -> dict[str, dict]:
    return {r["abbr"]: r for r in lexicon().abbreviations}


def _names_place(expansion: str) -> bool:
    """Whether an abbreviation's expansion is a unit named with its type ("Thành phố Hồ Chí Minh")."""
    return _unit_named_with_type().match(expansion) is not None


@cache
def _unit_named_with_type() -> re.Pattern:
    return re.compile(rf"(?i:{lexicon().unit_type_re})[ \t]+{UPPER}")


@cache
def _dotted_ranks() -> tuple[str, ...]:
    """Ranks and degrees written with a full stop ("TS."), which ends no sentence."""
    return tuple(w for w in lexicon().ranks if w.endswith("."))


def working_text(text: str) -> Text:
    original = text
    text = _join_wrapped_lines(_lower_capitals_lines(unify_dashes(normalize(text).replace("\u2026", "…"))))
    abbr = _abbreviations()
    out, es, os_ = [], [0], [0]
    pos, epos = 0, 0
    for m in _combined_matches(text):
        if m.group("law"):
            rep = m.group(0)
        elif m.group("state"):
            rep = m.group(0).replace("Ư", "W") if m.group(0).endswith("TƯ") else m.group(0)
        elif m.group("party"):
            rep = canonical_party_code(m.group("p_n"), m.group("p_type"), m.group("p_iss"))
        elif m.group("unit"):
            rep = _dotted_unit(text, m)
            if rep is None:
                continue
        elif m.group("paren"):
            # a news agency's tag opening a line ("…\n(ĐTO) Ngày 4-3, …") keeps the
            # line break: dropped with it, the headline ran on into the lead
            rep = "\n" if "\n" in m.group(0) else ""
            # but a place in brackets says where the unit before it lies: "phường
            # Thủ Dầu Một (TPHCM)" is expanded, not dropped
            inner = m.group(0).strip()[1:-1]
            if inner in abbr and _names_place(abbr[inner]["expansion"]):
                rep = m.group(0).replace(inner, abbr[inner]["expansion"])
        else:
            row = abbr.get(m.group(0))
            if row is None:
                continue
            if row["after"]:
                before = text[max(0, m.start() - 30):m.start()].rstrip()
                if not any(before.endswith(a) for a in row["after"].split("|")):
                    continue
            rep = row["expansion"]
            # "TP.Bà Rịa": a dotted abbreviation printed against the next word
            # still ends a word once expanded
            if text[m.end():m.end() + 1].isalnum() and rep[-1:].isalnum():
                rep += " "
        if rep == m.group(0):
            continue
        out.append(text[pos:m.start()])
        epos += m.start() - pos
        es.append(epos); os_.append(m.start())
        out.append(rep)
        epos += len(rep)
        es.append(epos); os_.append(m.end())
        pos = m.end()
    out.append(text[pos:])
    return Text(original, "".join(out), es, os_)


# --- sentences ---------------------------------------------------------------

@dataclass(frozen=True)
class Sentence:
    start: int          # working-text offsets
    end: int
    text: str
    paragraph: int
    index: int


_LINE = re.compile(r"[^\n]+")
# the stop is matched, not looked behind for: ``re`` then skips at C speed to
# the stops, where a lookbehind is tried at every position; the split starts after it
_SPLIT = re.compile(rf"[.!?][\"”»]?\s+(?=[\"“«]?(?:{UPPER}|\d))")


def split_sentences(text: str, begin: int = 0) -> list[Sentence]:
    """Sentences of ``text[begin:]`` with their offsets; a paragraph (line) always
    ends a sentence, a full stop after a rank or degree ("TS.") does not."""
    dotted = _dotted_ranks()
    out: list[Sentence] = []
    para = 0
    for line in _LINE.finditer(text, begin):
        s0 = line.start()
        chunk = line.group(0)
        if not chunk.strip():
            continue
        cut = 0
        for m in _SPLIT.finditer(chunk):
            stop = m.start() + 1
            if _last_word(chunk, stop).endswith(dotted):
                continue
            _add(out, text, s0 + cut, s0 + stop, para)
            cut = m.end()
        _add(out, text, s0 + cut, s0 + len(chunk), para)
        para += 1
    return out


def _last_word(line: str, end: int) -> str:
    """The word that ends at ``end``, found from its end (splitting the
    whole line before every full stop took time in the square of its length)."""
    start = end
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    return line[start:end]


def _add(out, text, a, b, para):
    seg = text[a:b]
    lead = len(seg) - len(seg.lstrip())
    seg = seg.strip()
    if seg:
        out.append(Sentence(a + lead, a + lead + len(seg), seg, para, len(out)))


# --- dates --------------------------------------------------------------------

_D = r"(?P<d>\d{1,2})"
_M = r"(?P<m>\d{1,2})"
_Y = r"(?P<y>(?:19|20)\d{2})"
DATE = re.compile(
    rf"(?=\d)(?<![\d/-]){_D}\s*(?P<sep>[/.-])\s*{_M}(?:\s*(?P=sep)\s*{_Y})?(?![\d/-])"
    rf"|(?=\d)(?<!\d)(?P<d2>\d{{1,2}})\s+tháng\s+(?P<m2>\d{{1,2}})(?:\s*,?\s*năm\s+(?P<y2>(?:19|20)\d{{2}}))?")

# what makes the date or year after it the bound of a period ("từ ngày 1/3 đến nay",
# "trước năm 2020"): it dates what is told of, not when the story's activity took place
PERIOD_BOUND = re.compile(r"(?:[Tt]ừ|đến|hết|[Tt]rước|[Ss]au|tính từ|kể từ)[ \t]*$")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    day: int
    month: int
    year: int | None

    def date(self, year: int | None = None) -> dt.date | None:
        y = self.year or year
        if y is None:
            return None
        try:
            return dt.date(y, self.month, self.day)
        except ValueError:
            return None


def parse_date(m: re.Match, dotted: bool = False) -> DateMention | None:
    """The date matched by ``DATE``; ``dotted`` says the match follows a day
    word, so "20.2" there is a date, not a number."""
    if m.group("d2"):
        d, mo, y = m.group("d2"), m.group("m2"), m.group("y2")
    else:
        d, mo, y = m.group("d"), m.group("m"), m.group("y")
        if m.group("sep") == "." and not y and not dotted:
            return None          # "3.5" is a number, not a date
    d, mo = int(d), int(mo)
    if not (1 <= d <= 31 and 1 <= mo <= 12):
        return None
    return DateMention(m.start(), m.end(), d, mo, int(y) if y else None)


# ("\d\d*", not "\d+": a pattern that opens with a repeat gives re no class to skip to)
_DIGITS = re.compile(r"\d\d*")


def dates_in(text: str, begin: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date ``DATE`` finds in ``text[begin:end]``, as its scan would find
    them. A date starts where a run of digits does, so only those places are
    tried: ``DATE`` opens with lookarounds, which ``re`` would try at every
    position of the text, at twice the cost."""
    end = len(text) if end is None else end
    out = []
    after = begin          # where the last date ended: a scan goes on from there
    for run in _DIGITS.finditer(text, begin, end):
        if run.start() < after:
            continue
        m = DATE.match(text, run.start(), end)
        if m:
            after = m.end()
            dm = parse_date(m)
            if dm:
                out.append(dm)
    return out
