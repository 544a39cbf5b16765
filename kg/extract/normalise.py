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
from dataclasses import dataclass

from kg.text import normalize, unify_dashes

from .lexicon import UPPER, lexicon

PARTY_CODE = re.compile(
    r"(?<![\w/])(?P<n>\d{1,4})\s*-\s*(?P<type>[A-ZĐ][A-Za-zĐđ]{0,5})\s*/\s*"
    r"(?P<iss>[A-ZĐƯ][A-Za-zĐđƯư]{1,12})(?![\w/])")
STATE_CODE = re.compile(
    r"(?<![\w/])(?P<n>\d{1,5})(?:/(?P<year>(?:19|20)\d{2}))?/(?P<type>[A-ZĐ][A-Za-zĐđ]{0,5})-"
    r"(?P<iss>[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*)(?![\w/])")
LAW_CODE = re.compile(r"(?<![\w/])\d{1,4}/(?:19|20)\d{2}/QH\d{1,2}(?![\w/])")
PAREN_ABBR = re.compile(r"\s*\([A-ZĐ]{2,10}\)")


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


_COMBINED = None


def _combined() -> re.Pattern:
    global _COMBINED
    if _COMBINED is None:
        firsts = re.escape("".join(sorted({r["abbr"][0] for r in lexicon().abbreviations})))
        # codes first (they start with a digit, so the scan is cheap), then
        # parenthesised abbreviations, then abbreviations to expand
        _COMBINED = re.compile(
            "(?=\\d)(?:(?P<law>" + LAW_CODE.pattern + ")|(?P<state>" + STATE_CODE.pattern.replace("?P<", "?P<s_") + ")"
            "|(?P<party>" + PARTY_CODE.pattern.replace("?P<", "?P<p_") + "))"
            "|(?=[\\s(])(?P<paren>" + PAREN_ABBR.pattern + ")|(?=[" + firsts + "])(?P<abbr>" + lexicon().abbr_re.pattern + ")")
    return _COMBINED


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


def working_text(text: str) -> Text:
    original = text
    text = _lower_capitals_lines(unify_dashes(normalize(text).replace("\u2026", "…")))
    abbr = {r["abbr"]: r for r in lexicon().abbreviations}
    out, es, os_ = [], [0], [0]
    pos, epos = 0, 0
    for m in _combined().finditer(text):
        if m.group("law"):
            rep = m.group(0)
        elif m.group("state"):
            rep = m.group(0).replace("Ư", "W") if m.group(0).endswith("TƯ") else m.group(0)
        elif m.group("party"):
            rep = canonical_party_code(m.group("p_n"), m.group("p_type"), m.group("p_iss"))
        elif m.group("paren"):
            # a news agency's tag opening a line ("…\n(ĐTO) Ngày 4-3, …") keeps the
            # line break: dropped with it, the headline ran on into the lead
            rep = "\n" if "\n" in m.group(0) else ""
        else:
            row = abbr.get(m.group(0))
            if row is None:
                continue
            if row["after"]:
                before = text[max(0, m.start() - 30):m.start()].rstrip()
                if not any(before.endswith(a) for a in row["after"].split("|")):
                    continue
            rep = row["expansion"]
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


_SPLIT = re.compile(rf"(?<=[.!?])[\"”»]?\s+(?=[\"“«]?(?:{UPPER}|\d))")


def split_sentences(text: str, begin: int = 0) -> list[Sentence]:
    """Sentences of ``text[begin:]`` with their offsets; a paragraph (line) always
    ends a sentence, a full stop after a rank or degree ("TS.") does not."""
    dotted = {w for w in lexicon().ranks if w.endswith(".")}
    out: list[Sentence] = []
    para = 0
    for line in re.finditer(r"[^\n]+", text[begin:]):
        s0 = begin + line.start()
        chunk = line.group(0)
        if not chunk.strip():
            continue
        cut = 0
        for m in _SPLIT.finditer(chunk):
            prev = chunk[:m.start()].split()
            if prev and any(prev[-1].endswith(d) for d in dotted):
                continue
            _add(out, text, s0 + cut, s0 + m.start(), para)
            cut = m.end()
        _add(out, text, s0 + cut, s0 + len(chunk), para)
        para += 1
    return out


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


def dates_in(text: str, begin: int = 0, end: int | None = None) -> list[DateMention]:
    out = []
    for m in DATE.finditer(text, begin, len(text) if end is None else end):
        dm = parse_date(m)
        if dm:
            out.append(dm)
    return out


# --- the head of a text: page date, datelines, headline or lead ---------------------

# A page's date as a leading marker (" date 2026-02-26 …", how saved pages and
# excerpts carry it), and a dateline alone on its line ("21:29 , 09/09/2022",
# "Thứ hai, 02/10/2023", "Ngày 14-04-2021", "05/07/2022 08:15"): both date the
# page, neither is a headline.
_PAGE_DATE = re.compile(r"[ \t]*date[ \t]+(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)[ \t]*")
_DATELINE = re.compile(
    r"[ \t]*(?:\d{1,2}:\d{2}(?::\d{2})?[ \t]*,?[ \t]*)?(?:(?:Thứ[ \t]+\w+|Chủ nhật|THỨ[ \t]+\w+)[ \t]*,?[ \t]*)?"
    r"(?:(?i:ngày)[ \t]+)?(?P<d>\d{1,2})[ \t]*[/.-][ \t]*(?P<m>\d{1,2})[ \t]*[/.-][ \t]*(?P<y>(?:19|20)\d{2})"
    r"(?:[ \t]*[,|-]?[ \t]*\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*(?:GMT|\(GMT)[^\n]*)?)?[ \t]*$")
# A lead opens with the day of what it reports ("Chiều 22/2, …", "Sáng ngày
# 07/11/2024, …", "Ngày 16/04/2024 …"); a headline never does.
_LEAD_OPENING = re.compile(
    rf"(?:(?i:sáng|chiều|tối|trưa)(?:[ \t]+(?i:ngày))?|(?i:ngày)|(?i:hôm nay))[ \t]+(?:{DATE.pattern})")
# A headline does not end a sentence; a line that does, and is long, is the lead.
_SENTENCE_END = re.compile(r"[.!?…:;][\"”»)]?[ \t]*$")
LEAD_MIN_WORDS = 15


@dataclass(frozen=True)
class Head:
    title_start: int            # the headline's span; empty when the text opens with its lead
    title_end: int
    page_date: dt.date | None   # from a date marker or a dateline


def _safe_date(y: str, m: str, d: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def read_head(text: str, titled: bool = True) -> Head:
    """Where the headline is, if there is one, and the page's date.

    Saved pages and excerpts often start mid-story: a date marker or
    dateline, then the lead sentence ("Chiều 22/2, Đoàn kiểm tra …"). Taking
    that first line as a title would lose the lead's event, so the first line
    after any marker and datelines is a headline only if it neither opens
    with the day of the story nor ends as a long sentence does (unless the
    next line repeats it, as pages print a headline twice). ``titled`` False
    says the reader already found no headline."""
    page_date = None
    pos = 0
    m = _PAGE_DATE.match(text)
    if m:
        page_date = _safe_date(m.group("y"), m.group("m"), m.group("d"))
        pos = m.end()
    lines = [x for x in re.finditer(r"[^\n]+", text[pos:]) if x.group(0).strip()]
    i = 0
    while i < len(lines) and (d := _DATELINE.fullmatch(lines[i].group(0))):
        page_date = page_date or _safe_date(d.group("y"), d.group("m"), d.group("d"))
        i += 1
    if i == len(lines):
        return Head(len(text), len(text), page_date)
    first = lines[i]
    a, b = pos + first.start(), pos + first.end()
    line = text[a:b].strip()
    a += len(text[a:b]) - len(text[a:b].lstrip())
    repeated = i + 1 < len(lines) and lines[i + 1].group(0).strip() == line
    lead = not titled or bool(_LEAD_OPENING.match(line)) or (
        _SENTENCE_END.search(line) is not None and len(line.split()) >= LEAD_MIN_WORDS and not repeated)
    if lead:
        return Head(a, a, page_date)
    return Head(a, a + len(line), page_date)
