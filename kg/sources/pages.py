"""Saved web pages (``.html``, ``.htm``) and web archives (``.warc``,
``.warc.gz``) as articles.

A page's main text, title and URL (its canonical link or ``og:url``) are
taken by trafilatura, and its publication date by htmldate, which
trafilatura calls with the options below: libraries made for exactly this,
which tell a story from the menus, breadcrumbs, share bars, related-article
lists and comments around it, and the story's date from the dates of those.
Nothing here strips boilerplate by hand.

A web archive (read with warcio) is a crawl: every HTML response in it is
one article, keyed by its target URL. Its date is the page's publication
date when the page states one, else the day it was captured. Requests,
revisits and metadata records are ignored; responses that are not HTML
pages (images, style sheets, redirects, errors) are skipped and counted in
one warning. A URL captured more than once is read from its latest capture
only (see ``_survey``): one URL is one source, as a reloaded file is.

Every problem is a SourceError naming the file, and in an archive the
record's number and URL; a bad record does not stop the others.
"""
from __future__ import annotations

import codecs
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from kg.errors import SourceError
from kg.tables import rows

from .articles import MAX_ARTICLE_BYTES, Article, make_article, read_bounded, too_big, warnings_of
from .encodings import Decoded, decode, repair_mojibake

HTML_TYPES = ("text/html", "application/xhtml+xml")
# How far into a page its <meta charset> is looked for (HTML5 says 1024
# bytes; old CMS templates put long comments and scripts before it).
CHARSET_SNIFF_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


# --- one page --------------------------------------------------------------------

def read_page(path: Path, name: str, published: dt.date | None) -> Article | SourceError:
    """A saved page: keyed by the URL it states, else by its file name."""
    try:
        data = read_bounded(path, empty_hint="remove it or save the page again")
        return page_article(data, where=str(path), path=path, key=None, fallback_key=name,
                            published=published)
    except SourceError as e:
        return e
    except OSError as e:
        return SourceError(path, f"cannot read: {e.strerror}")


def page_article(data: bytes, *, where: str, path: Path, key: str | None, fallback_key: str,
                 published: dt.date | None, charset: str | None = None,
                 captured: dt.date | None = None) -> Article:
    """The article of one page's bytes. ``key`` (an archive's target URL)
    wins over the URL the page states, which wins over ``fallback_key``;
    ``published`` over the page's date, which wins over ``captured``.
    ``where`` names the page in errors. Raises SourceError."""
    import trafilatura   # lazy: a second to import, needed only for pages

    decoded = decode_page(data, where, charset)
    latest = (captured or dt.date.today()).isoformat()   # nothing is dated after its capture
    # favor_precision: an index or tag page gives no text rather than its
    # link lists; no tables: old portals lay the whole page out in one.
    doc = trafilatura.bare_extraction(decoded.text, url=key, with_metadata=True, include_comments=False,
                                      include_images=False, include_tables=False, favor_precision=True,
                                      prune_xpath=_vietnamese_blocks(),
                                      date_extraction_params=_STATED_DATE | {"max_date": latest})
    text = (doc.text or "").strip() if doc is not None else ""
    if not text:
        raise SourceError(where, "no article text found in the page (only menus, links or scripts)",
                          hint="is it an index, tag or search page? save the article's own page")
    title = " ".join((doc.title or "").split())
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if lines and title and _same_words(lines[0], title):
        lines = lines[1:]   # pages print their headline above the story too
    if not lines:
        raise SourceError(where, "no article text found in the page: it has a headline and nothing else",
                          hint="is it an index, tag or search page? save the article's own page")
    # Mojibake hides in pages declared as Latin-1 that hold TCVN3 or VNI.
    fixed = repair_mojibake(f"{title}\n" + "\n\n".join(lines), where)
    title, _, body = fixed.text.partition("\n")
    stated_url = doc.url or None
    page_day = _date(doc.date) or _shown_date(decoded.text, latest)
    return make_article(key=key or stated_url or fallback_key, title=title, body=body,
                        url=key or stated_url, published=published or page_day or captured,
                        path=path, warnings=warnings_of(decoded, fixed))


# A page's date, in two steps. First what the page states for machines
# (article:published_time, JSON-LD, <time>, the URL), the original date
# rather than a later update. Failing that, htmldate's search of the visible
# text, taking the date the page shows as its own ("Ngày đăng: 05/09/2023")
# over the others: asked for the original date there, it takes the oldest
# date on the page, which is a related article's.
_STATED_DATE = {"extensive_search": False, "original_date": True}
_SHOWN_DATE = {"extensive_search": True, "original_date": False}


@cache
def _vietnamese_blocks() -> list[str]:
    """trafilatura's own XPath option to drop the blocks that Vietnamese
    sites name in Vietnamese (comments "binh-luan", related "tin-lien-quan"),
    which its English lists miss: a class or id equal to a name of
    kg/tables/page_blocks.csv."""
    names = [r["name"] for r in rows("page_blocks")]
    assert all(re.fullmatch(r"[a-z0-9-]+", n) for n in names), "page_blocks.csv: names are [a-z0-9-]"
    # one expression, so that the page is walked once and not once per name
    tests = " or ".join(f"contains($c, ' {n} ') or @id='{n}'" for n in names)
    return ["//*[" + tests.replace("$c", "concat(' ', normalize-space(@class), ' ')") + "]"]


def _shown_date(html: str, latest: str) -> dt.date | None:
    import htmldate
    return _date(htmldate.find_date(html, max_date=latest, **_SHOWN_DATE))


def _same_words(a: str, b: str) -> bool:
    return a.casefold().split() == b.casefold().split()


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def decode_page(data: bytes, where: str, charset: str | None = None) -> Decoded:
    """A page's text: in the charset it declares (``charset``, from the HTTP
    header, else its ``<meta>``), or, when it declares none or UTF-8, read as
    any article is (UTF-8, or a legacy Vietnamese encoding recognised with
    confidence: ``kg.sources.encodings``)."""
    declared = charset or _meta_charset(data[:CHARSET_SNIFF_BYTES])
    codec = _codec(declared)
    if codec in (None, "utf-8") or data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                                                      codecs.BOM_UTF16_BE)):
        return decode(data, where)
    try:
        return Decoded(data.decode(codec))
    except UnicodeDecodeError as e:
        raise SourceError(where, f"the page says it is {declared}, but byte 0x{data[e.start]:02x} "
                                 f"at offset {e.start} is not {declared}",
                          hint="save the page again from the browser (as UTF-8)") from None


def _meta_charset(head: bytes) -> str | None:
    m = _META_CHARSET.search(head)
    return m.group(1).decode("ascii") if m else None


def _codec(charset: str | None) -> str | None:
    """Python's name for a declared charset; None for none or an unknown one
    (the page is then read as if it declared nothing)."""
    if not charset:
        return None
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None


# --- web archives --------------------------------------------------------------------

@dataclass
class _Capture:
    number: int          # the record's place in the archive, from 1
    url: str
    captured: dt.date | None
    stamp: str           # WARC-Date as written, for ordering captures of one URL
    charset: str | None


@dataclass
class _Survey:
    pages: dict[int, _Capture] = field(default_factory=dict)   # record number -> the capture to read
    records: int = 0
    not_html: Counter = field(default_factory=Counter)           # content type -> responses
    not_ok: Counter = field(default_factory=Counter)             # HTTP status -> HTML responses
    recaptured: int = 0                                          # earlier captures of a URL, not read
    broken: SourceError | None = None                            # where reading stopped


def read_warc(path: Path, published: dt.date | None) -> Iterator[Article | SourceError]:
    """Every HTML page of a web archive, as articles (see the module's doc);
    a record that cannot be read is yielded as its SourceError."""
    survey = _survey(path)
    if not survey.pages and survey.broken is None:
        what = _skipped(survey)
        yield SourceError(path, f"no HTML page among its {survey.records} records"
                                + (f" ({what})" if what else ""),
                          hint="a web archive of the articles' pages is needed (e.g. wget --warc-file)")
        return
    notice = _skipped(survey)
    yielded = 0
    for number, record in _records(path):
        if isinstance(record, SourceError):
            break   # the survey met the same break and reports it below
        capture = survey.pages.get(number)
        if capture is None:
            continue
        item = _record_article(path, capture, record, published)
        if isinstance(item, Article) and notice and not yielded:
            # one notice per archive, carried by its first article
            item = _with_warning(item, notice)
        yielded += isinstance(item, Article)
        yield item
        if number >= max(survey.pages):
            break
    if survey.broken is not None:
        yield survey.broken


def _survey(path: Path) -> _Survey:
    """First pass over the headers: which records are pages to read (the
    latest capture of each URL), and what is skipped. Content is not parsed,
    so this costs a fraction of the extraction."""
    survey = _Survey()
    latest: dict[str, _Capture] = {}
    for number, record in _records(path):
        if isinstance(record, SourceError):
            survey.broken = record
            break
        headers = record.http_headers.total_len if record.http_headers is not None else 0
        if (kept := headers + _drain(record.raw_stream)) < (length := record.length or 0):
            # warcio reads a cut record (and a cut gzip member) without complaint
            survey.broken = _broken(path, number, f"it ends after {kept:,} of its {length:,} bytes")
            break
        survey.records = number
        if record.rec_type not in ("response", "resource"):
            continue   # requests, revisits, metadata, warcinfo: not pages
        if record.rec_type == "response" and record.http_headers is not None:
            content_type = record.http_headers.get_header("Content-Type") or ""
            status = record.http_headers.get_statuscode() or ""
        else:
            content_type, status = record.rec_headers.get_header("Content-Type") or "", "200"
        media = content_type.split(";")[0].strip().lower()
        if media not in HTML_TYPES:
            survey.not_html[media or "no content type"] += 1
            continue
        if not status.startswith("2"):
            survey.not_ok[status or "no status"] += 1
            continue
        url = record.rec_headers.get_header("WARC-Target-URI") or f"{path.name}#record-{number}"
        stamp = record.rec_headers.get_header("WARC-Date") or ""
        capture = _Capture(number, url, _date(stamp[:10]), stamp, _charset(content_type))
        if url in latest:
            survey.recaptured += 1
            if (stamp, number) < (latest[url].stamp, latest[url].number):
                continue
        latest[url] = capture
    survey.pages = {c.number: c for c in latest.values()}
    return survey


def _drain(stream, chunk: int = 1 << 16) -> int:
    """Read a record's content to its end; how many bytes it held."""
    total = 0
    while data := stream.read(chunk):
        total += len(data)
    return total


def _records(path: Path) -> Iterator[tuple[int, object]]:
    """(number, record) for each record of the archive, numbered from 1; a
    break (a truncated or corrupt file) ends it as (number, SourceError)."""
    import zlib

    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        with path.open("rb") as f:
            # a record's content is read (or skipped) before the next is parsed
            for number, record in enumerate(ArchiveIterator(f), start=1):
                yield number, record
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError) as e:
        yield number + 1, _broken(path, number + 1, str(e))
    except OSError as e:
        yield number + 1, SourceError(path, f"cannot read: {e.strerror or e}")


def _broken(path: Path, number: int, why: str) -> SourceError:
    why = " ".join(why.split())[:200]
    return SourceError(path, f"record {number}: the archive is cut short or corrupt ({why}); "
                             f"the {number - 1} records before it were read",
                       hint="download or write the archive again; with --keep-going the pages before "
                            "this record still load")


def _record_article(path: Path, capture: _Capture, record, published: dt.date | None) -> Article | SourceError:
    where = f"{path} record {capture.number} ({capture.url})"
    try:
        try:
            data = record.content_stream().read(MAX_ARTICLE_BYTES + 1)
        except Exception as e:   # warcio raises what its decoders raise (zlib, brotli, chunked)
            raise SourceError(where, f"cannot read the page's content: {e}") from None
        if len(data) > MAX_ARTICLE_BYTES:
            raise too_big(where, len(data))
        return page_article(data, where=where, path=path, key=capture.url, fallback_key=capture.url,
                            published=published, charset=capture.charset, captured=capture.captured)
    except SourceError as e:
        return e


def _charset(content_type: str) -> str | None:
    m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type, re.IGNORECASE)
    return m.group(1) if m else None


def _skipped(survey: _Survey) -> str:
    """What the archive held besides the pages read, in one line."""
    parts = []
    if survey.not_html:
        kinds = ", ".join(f"{t} {n}" for t, n in survey.not_html.most_common())
        parts.append(f"{sum(survey.not_html.values())} non-HTML responses skipped ({kinds})")
    if survey.not_ok:
        codes = ", ".join(f"HTTP {s} {n}" for s, n in sorted(survey.not_ok.items()))
        parts.append(f"{sum(survey.not_ok.values())} HTML responses that are not pages skipped ({codes})")
    if survey.recaptured:
        parts.append(f"{survey.recaptured} earlier captures of a URL captured again skipped "
                     "(the latest capture is read)")
    return "; ".join(parts)


def _with_warning(article: Article, warning: str) -> Article:
    return replace(article, warnings=article.warnings + (warning,))
