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
first, as Vietnamese writes it). The line itself stays in the text, so that
evidence offsets index what was read; ``lead_start`` says where the story
begins after it.

This is the one place that decides: the reader of texts
(``kg.sources.articles``) puts its answer in the Article (``title``,
``published``) and the extractor takes it from there. (A saved page's title
and date are trafilatura's and htmldate's.)
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from kg.tables import rows
from kg.text import wraps_on

# A line longer than this is a paragraph: Vietnamese news headlines run to
# about 200 characters at most, even the all-capitals ones of district sites.
MAX_HEADLINE_CHARS = 300
# A first line that ends as a sentence does and is at least this long is the
# lead, not a headline (unless the next line repeats it, as pages print a
# headline twice); shorter ones are headlines ending in "!" or "?".
LEAD_MIN_WORDS = 15

# The marker may give only a year and a month (" date 2021-03"): that is no
# page date, but the page is no later than the month's last day, so that a
# day and month in the story ("17/3") still fall in that year.
_MARKER = re.compile(r"[ \t]*date[ \t]+(\d{4})-(\d{2})(?:-(\d{2}))?(?![\d-])[ \t]*")
_DATE = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"
_TIME = r"\d{1,2}\s*[:h]\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*[AaPp][Mm])?"
_WEEKDAY = r"(?:thứ\s+\w+|chủ\s+nhật|cn)"
_SEP = r"[\s,|\-–—]*"
# A whole line that only dates the page: "21:29 , 09/09/2022",
# "Thứ Tư, 02/10/2013 - 10:12", "08:15, Thứ hai, 02/10/2023",
# "Ngày 14-04-2021", "05/07/2022 08:15 (GMT+7)"; "13/08/2025 | 329 lượt xem"
# is not one (words after the date), "Ngày 14/4/2021, Tỉnh ủy …" neither.
_DATELINE = re.compile(
    rf"\s*(?:(?:cập\s+nhật|đăng|ngày\s+đăng|ngày)\s*:?\s*)?(?:{_TIME}{_SEP})?(?:{_WEEKDAY}{_SEP})?(?:ngày\s+)?"
    rf"(?:{_TIME}{_SEP})?{_DATE}(?:{_SEP}{_TIME})?(?:\s*\(?GMT[^\n]*)?[\s|\d,()\-–—]*",
    re.IGNORECASE)
# A news agency's or site's tag before the lead: "(PLO)-", "(ĐCSVN) –", "(Baothanhhoa.vn) -".
_AGENCY_TAG = re.compile(r"\s*\([^()\n]{2,40}\)\s*[-–—:]")
# A line that ends as a sentence does (a headline ends without punctuation, or with "!" or "?").
_SENTENCE_END = re.compile(r"[.!?…:;][\"”»)]?[ \t]*$")


@cache
def _lead_opening() -> re.Pattern[str]:
    """A lead that opens on a time of day and a date: "Chiều 22/2,",
    "Sáng ngày 19/9/2025,", "Sáng nay (14/4),", "Hôm nay 5/3", "Ngày 2 tháng
    3". The words are the extractor's own table of times of day
    (kg/tables/time_words.csv)."""
    words = "|".join(re.escape(r["word"]) for r in rows("time_words"))
    return re.compile(rf"\s*(?:(?:{words})(?:\s+(?:nay|qua|mai))?|hôm\s+(?:nay|qua))(?:\s+ngày)?"
                      rf"\s*\(?\s*\d{{1,2}}(?:\s*[/.-]\s*|\s+tháng\s+)\d{{1,2}}", re.IGNORECASE)


# A site's banner for the year above the story ("Chủ đề công tác năm 2020: …",
# "Chủ đề năm 2023 - …"): the year is the site's, not the story's.
_BANNER = re.compile(r"[ \t]*(?i:chủ đề)(?:[ \t]+\w+){0,3}[ \t]+(?i:năm)[ \t]+\d{4}\b[^\n]*")
# how far down a page such a banner may be: it tops the page, above the headline
_BANNER_LINES = 5


def banner_end(text: str) -> int:
    """Where the site banners topping ``text`` end (0 when there is none):
    the years they name date the site's theme, not the story. A banner is a
    line no longer than a headline; a paragraph is the story's."""
    end = 0
    pos = 0
    for line in text.split("\n", _BANNER_LINES)[:_BANNER_LINES]:
        if len(line) <= MAX_HEADLINE_CHARS and _BANNER.fullmatch(line):
            end = pos + len(line)
        pos += len(line) + 1
    return end


@dataclass(frozen=True)
class Opening:
    title: str               # "" when the text has no headline
    body: str
    dated: dt.date | None    # the page's date, from a marker or a dateline
    dated_by: dt.date | None = None  # no page date, but the page is no later than this (a month-only marker)


def split_headline(text: str) -> Opening:
    """The headline (the first non-blank line, if it is one) and the body of
    ``text``, with the page date that a marker or the datelines opening the
    text (or following the headline) give."""
    lines = text.lstrip("\n").split("\n")
    first = lines[0]
    following = next((line for line in lines[1:] if line.strip()), None)
    # a page-date marker, then the headline on the same line, perhaps with the
    # page's time stamp after it (" date 2025-07 <headline> 24/07/2025 19:00")
    if (marker := _MARKER.match(first)) and first[marker.end():].strip():
        headline = _STAMP_AFTER.sub("", first[marker.end():])
        if is_headline(headline, following):
            rest = "\n".join(lines[1:])
            return Opening(headline, rest, page_date(marker.group(0)) or _dating(rest.lstrip())[1],
                           month_bound(marker.group(0)))
    # (a first line that runs on into the next, a sentence wrapped by width, is the lead's start)
    if is_headline(first, following) and not (len(lines) > 1 and wraps_on(first.rstrip(" \t"), lines[1])):
        rest = "\n".join(lines[1:])
        return Opening(first, rest, *_dating(rest.lstrip())[1:])
    body = "\n".join(lines)
    return Opening("", body, *_dating(body)[1:])


_STAMP_AFTER = re.compile(rf"[ \t]+{_DATE}(?:[ \t]+{_TIME})?[ \t]*$")
_CAPTION_CREDIT = re.compile(r"[.!?…][\"”)]?[ \t]+\(?(?:Ả|ả)nh(?:[ \t]+minh[ \t]+họa)?[ \t]*:")


def is_headline(line: str, next_line: str | None = None) -> bool:
    """Whether ``line``, the first of a text, is its headline; ``next_line``
    is the next non-blank one (a page may print its headline twice)."""
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
    if stripped.endswith((".", ";", ",")) and not stripped.endswith("..."):
        return False
    # a photo's caption: a sentence, then its credit ("… làm việc với Y. Ảnh: Z - TTXVN")
    if _CAPTION_CREDIT.search(stripped):
        return False
    repeated = next_line is not None and next_line.strip() == stripped
    return not (_SENTENCE_END.search(stripped) and len(stripped.split()) >= LEAD_MIN_WORDS and not repeated)


def lead_start(text: str) -> int:
    """Where the story begins in a text without a headline: after a leading
    page-date marker and the lines that only date the page (``len(text)``
    when nothing follows them)."""
    return _dating(text)[0]


def page_date(line: str) -> dt.date | None:
    """The date of a page-date marker or of a line that is only a dateline."""
    if (m := _MARKER.match(line)) and m.group(3):
        year, month, day = map(int, m.groups())
    elif m:
        return None     # a month, not a date: see month_bound
    elif m := _DATELINE.fullmatch(line):
        day, month, year = map(int, m.groups())
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_bound(line: str) -> dt.date | None:
    """The last day of the month that a month-only page-date marker gives."""
    m = _MARKER.match(line)
    if not m or m.group(3) or not 1 <= int(m.group(2)) <= 12:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _dating(text: str) -> tuple[int, dt.date | None, dt.date | None]:
    """The offset after the marker and datelines that open ``text`` (and the
    blank space around them), the first valid date they give, and the bound
    a month-only marker gives."""
    date, bound, pos = None, None, 0
    if m := _MARKER.match(text):
        date, bound, pos = page_date(m.group(0)), month_bound(m.group(0)), m.end()
    for line in re.finditer(r"[^\n]*", text[pos:]):
        content = line.group(0)
        if not content.strip():
            continue
        if not _DATELINE.fullmatch(content):
            return pos + line.start() + len(content) - len(content.lstrip()), date, bound
        date = date or page_date(content)
    return len(text), date, bound
