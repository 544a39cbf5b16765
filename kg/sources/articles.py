"""News articles as input: ``.txt`` files (title on the first line, after an
optional ``---`` front-matter block with ``url:`` and ``published:``),
``.jsonl`` corpora (one article a line: ``url``, ``published``, ``title``,
``text``), saved web pages (``.html``, ``.htm``) and web archives (``.warc``,
``.warc.gz``; both read by ``kg.sources.pages``), or folders of them.

A text whose first line is not a headline (an excerpt that starts with the
story's lead, a dateline or a page-date marker) has no title: all of it is
body (``kg.sources.headlines``).

Reading is streaming: a corpus is read a line at a time, so memory does not
grow with its size. Every problem in an input is a ``SourceError`` naming the
file (and the line, in a corpus) and saying what to do. ``read_articles``
raises the first one; ``iter_articles(..., keep_going=True)`` yields them in
place of the bad articles so that a caller can load the good ones and list
the bad ones at the end.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import SourceError
from kg.text import normalize

from .encodings import Decoded, decode, repair_mojibake
from .headlines import split_headline

# The largest article accepted. A long provincial news story is 20-50 kB and
# a full party congress report a few hundred kB; 5 MB is ten times that, and
# anything bigger is a dump, a mis-saved file or a corpus named .txt, whose
# parsing would only stall the run.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024

SUFFIXES = (".txt", ".jsonl", ".html", ".htm", ".warc", ".warc.gz")
PAGE_SUFFIXES = (".html", ".htm")
ARCHIVE_SUFFIXES = (".warc", ".warc.gz")


def suffix(path: Path) -> str:
    """The suffix that says how to read ``path``, lower-cased: ``.warc.gz``
    for a compressed web archive, else the last one."""
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


@dataclass(frozen=True)
class Article:
    """One article, its text already normalised (``kg.text.normalize``).

    ``text`` is the title line, a blank line, then the body, so that character
    offsets of evidence sentences index into it; ``body_start`` is where the
    body begins. A text without a headline has an empty title, and its
    ``text`` is the body alone (its first line the lead, a dateline or a
    page-date marker, which the extractor reads).
    """
    key: str                 # its URL when it has one, else its file name (and #line, in a corpus)
    title: str
    text: str
    body_start: int
    url: str | None = None
    published: dt.date | None = None
    # no publication date is known, but the page is no later than this (a
    # month-only page-date marker): the story's dates are read against it
    written_by: dt.date | None = None
    path: str | None = None
    line: int | None = None  # line number in a .jsonl corpus
    warnings: tuple[str, ...] = ()   # what was repaired or skipped on reading (a legacy encoding converted)

    @property
    def body(self) -> str:
        return self.text[self.body_start:]


def read_articles(path: Path, *, published: dt.date | None = None) -> Iterator[Article]:
    """The articles in ``path``: a ``.txt`` article, a ``.jsonl`` corpus, a
    saved page, a web archive, or a folder of them (searched recursively, in
    sorted order; other files are ignored).

    ``published``, when given, is the date of every article, whatever its
    front matter or corpus line says. Raises the first SourceError met, after
    yielding the articles before it.
    """
    for item in iter_articles([path], published=published):
        assert isinstance(item, Article)   # without keep_going, errors are raised
        yield item


def iter_articles(paths: Iterable[Path], *, published: dt.date | None = None,
                  keep_going: bool = False) -> Iterator[Article | SourceError]:
    """The articles in each of ``paths``, in order (see ``read_articles``).

    With ``keep_going`` a bad article, file or corpus line is yielded as its
    SourceError and reading goes on; without it the first one is raised.
    """
    for path in paths:
        for item in _read_path(Path(path), published):
            if isinstance(item, SourceError) and not keep_going:
                raise item
            yield item


def _read_path(path: Path, published: dt.date | None) -> Iterator[Article | SourceError]:
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if suffix(p) in SUFFIXES and p.is_file())
        if not files:
            yield SourceError(path, f"no article files in this folder ({', '.join(SUFFIXES)})")
        for file in files:
            yield from _read_file(file, file.relative_to(path).as_posix(), published)
    elif path.is_file():
        yield from _read_file(path, path.name, published)
    else:
        yield SourceError(path, "no such file or folder")


def _read_file(path: Path, name: str, published: dt.date | None) -> Iterator[Article | SourceError]:
    kind = suffix(path)
    if kind == ".jsonl":
        yield from _read_jsonl(path, name, published)
    elif kind == ".txt":
        yield _read_txt(path, name, published)
    elif kind in PAGE_SUFFIXES:
        from .pages import read_page   # lazy: trafilatura takes a second to import
        yield read_page(path, name, published)
    elif kind in ARCHIVE_SUFFIXES:
        from .pages import read_warc
        yield from read_warc(path, published)
    else:
        yield SourceError(path, f"not an article: {kind or 'no suffix'}",
                          hint="give a .txt article, a .jsonl corpus, a saved .html page, "
                               "a .warc web archive or a folder of them")


# --- .txt ------------------------------------------------------------------------

def _read_txt(path: Path, name: str, published: dt.date | None) -> Article | SourceError:
    try:
        data = read_bounded(path, empty_hint="remove it or give the article's text")
        decoded = decode(data, str(path))
        fixed = repair_mojibake(decoded.text, str(path))
        text = fixed.text.replace("\r\n", "\n").replace("\r", "\n")
        meta, content = _split_txt(text, path)
        url = meta.get("url") or None
        if published is None and "published" in meta:
            line, value = meta["published"]
            published = _parse_date(value, path, line)
        return text_article(content, key=url or name, url=url, published=published,
                            path=path, warnings=warnings_of(decoded, fixed))
    except SourceError as e:
        return e
    except OSError as e:
        return SourceError(path, f"cannot read: {e.strerror}")


def _split_txt(text: str, path: Path) -> tuple[dict[str, Any], str]:
    """Front matter (``{"url": str, "published": (line, str)}``), and the
    text after it."""
    lines = text.split("\n")
    meta: dict[str, Any] = {}
    start = 0
    if lines[0].strip() == "---":
        try:
            end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
        except StopIteration:
            raise SourceError(path, "front matter opened with '---' is never closed", line=1,
                              hint="end it with a line holding only '---'") from None
        for i in range(1, end):
            if not lines[i].strip():
                continue
            key, sep, value = lines[i].partition(":")
            if not sep:
                raise SourceError(path, f"front matter line is not 'key: value': {lines[i].strip()!r}",
                                  line=i + 1)
            key, value = key.strip().lower(), value.strip().strip("\"'")
            if key == "url":
                meta["url"] = value
            elif key == "published" and value:
                meta["published"] = (i + 1, value)
            # other keys (source, author, …) are allowed and not used
        start = end + 1
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start == len(lines):
        raise SourceError(path, "no title or text: the file has front matter but nothing after it")
    return meta, "\n".join(lines[start:])


# --- .jsonl ----------------------------------------------------------------------

def _read_jsonl(path: Path, name: str, published: dt.date | None) -> Iterator[Article | SourceError]:
    try:
        f = path.open("rb")
    except OSError as e:
        yield SourceError(path, f"cannot read: {e.strerror}")
        return
    with f:
        lineno, seen = 0, False
        # readline with a limit: an overlong line is never held whole in memory.
        while raw := f.readline(MAX_ARTICLE_BYTES + 1):
            lineno += 1
            if len(raw) > MAX_ARTICLE_BYTES and not raw.endswith(b"\n"):
                size = len(raw)
                while (chunk := f.readline(1 << 20)) and not chunk.endswith(b"\n"):
                    size += len(chunk)
                yield too_big(path, size + len(chunk), lineno)
                seen = True
                continue
            if not raw.strip():
                continue
            seen = True
            yield _jsonl_article(raw, path, name, lineno, published)
    if not seen:
        yield SourceError(path, "empty file", hint="a corpus holds one JSON object a line")


def _jsonl_article(raw: bytes, path: Path, name: str, line: int,
                   published: dt.date | None) -> Article | SourceError:
    try:
        decoded = decode(raw, str(path), line)
        try:
            obj = json.loads(decoded.text)
        except json.JSONDecodeError as e:
            raise SourceError(path, f"not JSON: {e.msg} at column {e.colno}", line=line,
                              hint="each line must be one JSON object; fix or remove this line") from None
        if not isinstance(obj, dict):
            raise SourceError(path, f"a JSON {type(obj).__name__}, not an object", line=line)
        body = _string(obj, "text", path, line, required=True)
        title = " ".join(_string(obj, "title", path, line).split())   # one line, whatever it held
        url = _string(obj, "url", path, line) or None
        if published is None and obj.get("published") is not None:
            value = obj["published"]
            if not isinstance(value, str):
                raise SourceError(path, f"not a date: {value!r}", line=line, field="published",
                                  hint="write it as a string, YYYY-MM-DD")
            published = _parse_date(value, path, line)
        # Mojibake hides behind JSON escapes, so it is looked for in the strings.
        fixed = repair_mojibake(f"{title}\n{body}", str(path), line)
        text = fixed.text.replace("\r\n", "\n").replace("\r", "\n")
        key, warnings = url or f"{name}#{line}", warnings_of(decoded, fixed)
        if not title:   # no title field: the text's first line is the title if it is a headline, as in a .txt
            return text_article(text.lstrip("\n"), key=key, url=url, published=published, path=path,
                                line=line, warnings=warnings)
        title, _, body = text.partition("\n")
        return make_article(key=key, title=title, body=body, url=url, published=published, path=path,
                            line=line, warnings=warnings)
    except SourceError as e:
        return e


def _string(obj: dict[str, Any], field: str, path: Path, line: int, required: bool = False) -> str:
    value = obj.get(field)
    if value is None or value == "":
        if required:
            raise SourceError(path, "missing" if value is None else "empty", line=line, field=field,
                              hint=f"every line needs a non-empty {field!r}")
        return ""
    if not isinstance(value, str):
        raise SourceError(path, f"a JSON {type(value).__name__}, not a string", line=line, field=field)
    return value


# --- shared --------------------------------------------------------------------------

def text_article(text: str, *, key: str, url: str | None = None, published: dt.date | None = None,
                 path: Path | None = None, warnings: tuple[str, ...] = (), line: int | None = None) -> Article:
    """An Article of a text as a .txt holds it after its front matter: its
    first line is the title if it is a headline, and a page-date marker or a
    dateline dates it when ``published`` is not given (``kg.sources.headlines``)."""
    opening = split_headline(text)
    return make_article(key=key, title=opening.title, body=opening.body, url=url,
                        published=published or opening.dated, path=path, warnings=warnings, line=line,
                        written_by=None if published else opening.dated_by)


def make_article(*, key: str, title: str, body: str, url: str | None, published: dt.date | None,
                 path: Path | None, warnings: tuple[str, ...], line: int | None = None,
                 written_by: dt.date | None = None) -> Article:
    """An Article of a title (possibly empty) and a body, both normalised."""
    title, body = normalize(title).strip(), normalize(body).strip()
    head = f"{title}\n\n" if title else ""
    return Article(key=key, title=title, text=head + body, body_start=len(head), url=url,
                   published=published, written_by=written_by, path=str(path) if path is not None else None,
                   line=line, warnings=warnings)


def warnings_of(*steps: Decoded) -> tuple[str, ...]:
    return tuple(s.warning for s in steps if s.warning)


def read_bounded(path: Path, *, empty_hint: str) -> bytes:
    """A one-article file's bytes; SourceError when it is too big to be one
    article or empty. (OSError is the caller's: it names what it was reading.)"""
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise too_big(path, size)
    data = path.read_bytes()
    if not data.strip():
        raise SourceError(path, "empty file", hint=empty_hint)
    return data


def too_big(path: Path, size: int, line: int | None = None) -> SourceError:
    return SourceError(path, f"article too large: {size / 2**20:.1f} MB, the limit is "
                             f"{MAX_ARTICLE_BYTES / 2**20:.0f} MB", line=line,
                       hint="is this really one article? split it, or give a corpus as .jsonl")


def _parse_date(value: str, path: Path, line: int | None) -> dt.date:
    """An ISO date (``2024-10-16``) or timestamp (``2024-10-16T08:30:00+07:00``,
    as scraped corpora have them)."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        raise SourceError(path, f"not a date: {value!r}", line=line, field="published",
                          hint="write it as YYYY-MM-DD, e.g. 2024-10-16") from None
