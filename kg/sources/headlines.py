"""Whether a text opens with its headline, and the page date it may open with.

A saved article starts with its headline. An excerpt or a story copied from
a page often does not: it starts with the lead itself ("Chiều 22/2, Đoàn
kiểm tra số 3 …"), with a dateline ("21:29 , 09/09/2022", "Thứ Tư,
02/10/2013 - 10:12") or with the page-date marker of saved excerpts
(" date 2022-09-09"). Taking such a first line as the title would hide the
story's first sentence from extraction, so the first line is a headline
unless it has one of the shapes below; otherwise the text has no title and
all of it is body.

A marker or a line that is only a dateline also gives the page's date (day
first, as Vietnamese writes it). The line itself stays in the body: the
extractor may read the year from it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from kg.tables import rows

# A line longer than this is a paragraph: Vietnamese news headlines run to
# about 200 characters at most, even the all-capitals ones of district sites.
MAX_HEADLINE_CHARS = 300

_MARKER = re.compile(r"\s*date\s+(\d{4})-(\d{2})-(\d{2})\b")
_DATE = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"
_TIME = r"\d{1,2}\s*[:h]\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*[AaPp][Mm])?"
_WEEKDAY = r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật|cn)"
_SEP = r"[\s,|\-–—]*"
# A whole line that only dates the page: "21:29 , 09/09/2022",
# "Thứ Tư, 02/10/2013 - 10:12", "Ngày 14-04-2021", "13/08/2025 | 329 lượt xem"
# is not one (words after the date), "Ngày 14/4/2021, Tỉnh ủy …" neither.
_DATELINE = re.compile(
    rf"\s*(?:(?:cập\s+nhật|đăng|ngày\s+đăng|ngày)\s*:?\s*)?(?:{_WEEKDAY}{_SEP})?(?:ngày\s+)?"
    rf"(?:{_TIME}{_SEP})?{_DATE}(?:{_SEP}{_TIME})?(?:\s*\(?GMT\s*[+-]\s*\d{{1,2}}\)?)?[\s|\d,()\-–—]*",
    re.IGNORECASE)
# A news agency's or site's tag before the lead: "(PLO)-", "(ĐCSVN) –", "(Baothanhhoa.vn) -".
_AGENCY_TAG = re.compile(r"\s*\([^()\n]{2,40}\)\s*[-–—:]")


@cache
def _lead_opening() -> re.Pattern[str]:
    """A lead that opens on a time of day and a date: "Chiều 22/2,",
    "Sáng ngày 19/9/2025,", "Sáng nay (14/4),". The words are the
    extractor's own table of times of day (kg/tables/time_words.csv)."""
    words = "|".join(re.escape(r["word"]) for r in rows("time_words"))
    return re.compile(rf"\s*(?:{words})(?:\s+(?:nay|qua|mai))?(?:\s+ngày)?\s*\(?\s*\d{{1,2}}\s*[/.-]\s*\d{{1,2}}",
                      re.IGNORECASE)


@dataclass(frozen=True)
class Opening:
    title: str               # "" when the text has no headline
    body: str
    dated: dt.date | None    # the page's date, from a marker or a dateline


def split_headline(text: str) -> Opening:
    """The headline (the first non-blank line, if it is one) and the body of
    ``text``, with the page date that a marker or a dateline opening the
    text (or following the headline) gives."""
    lines = text.lstrip("\n").split("\n")
    first = lines[0]
    if is_headline(first):
        rest = "\n".join(lines[1:])
        return Opening(first, rest, page_date(rest.lstrip().split("\n", 1)[0]))
    return Opening("", "\n".join(lines), page_date(first))


def is_headline(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_HEADLINE_CHARS:
        return False
    if _MARKER.match(line) or _DATELINE.fullmatch(line) or _AGENCY_TAG.match(line):
        return False
    if _lead_opening().match(line):
        return False
    if stripped[0].islower() or stripped.startswith(("…", "...")):
        return False   # cut mid-sentence
    # a sentence, not a headline: headlines end without a full stop
    return not (stripped.endswith((".", ";", ",")) and not stripped.endswith("..."))


def page_date(line: str) -> dt.date | None:
    """The date of a page-date marker or of a line that is only a dateline."""
    if m := _MARKER.match(line):
        year, month, day = map(int, m.groups())
    elif m := _DATELINE.fullmatch(line):
        day, month, year = map(int, m.groups())
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
