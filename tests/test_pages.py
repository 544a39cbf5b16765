"""Saved web pages and web archives as input, and texts without a headline.

The pages in tests/pages/ are written for these tests in the shapes of
Vietnamese news sites (see its README); the legacy-encoded pages and the web
archives are built from them here, with warcio's own writer.
"""
import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kg import identity
from kg.errors import SourceError
from kg.sources.articles import Article, iter_articles, read_articles
from kg.store import EmbeddedStore

PAGES = Path(__file__).parent / "pages"
NEWS = PAGES / "baotinh_kiemtra.html"          # dated by meta tags, canonical URL
PORTAL = PAGES / "conghuyen_giamsat.html"      # table layout, dated only by a visible line, og:url
INDEX = PAGES / "chuyenmuc.html"               # menus and link lists, no story
NEWS_URL = "https://baononnuoc.example/xay-dung-dang/ban-tuyen-giao-kiem-tra-nguyen-binh-20231014.html"
PORTAL_URL = "https://lacduong.example/tin-tuc/chi-tiet?id=4521"


def read_one(path: Path) -> Article:
    [article] = list(read_articles(path))
    return article


def error(path: Path) -> SourceError:
    with pytest.raises(SourceError) as e:
        list(read_articles(path))
    return e.value


# --- saved pages ---------------------------------------------------------------------

def test_a_news_page_gives_its_story_title_url_and_date_without_the_page_around_it():
    article = read_one(NEWS)
    assert article.title == "Ban Tuyên giáo Tỉnh ủy kiểm tra tại huyện Nguyên Bình"
    assert article.body.startswith("Ngày 12/10, Đoàn kiểm tra của Ban Tuyên giáo Tỉnh ủy")
    assert article.key == article.url == NEWS_URL
    # the story's own date: not the later update, the related articles' or the comments'
    assert article.published == dt.date(2023, 10, 14)
    assert "báo cáo viên cơ sở" in article.body
    for around in ("Trang chủ", "Chia sẻ", "Tin liên quan", "Hội nghị Ban Chấp hành Đảng bộ tỉnh",
                   "Ý kiến bạn đọc", "cảm ơn phóng viên", "Giấy phép", "Từ khóa"):
        assert around not in article.body, around


def test_a_portal_page_laid_out_in_tables_is_dated_by_the_line_it_shows():
    article = read_one(PORTAL)
    assert article.title == "Ủy ban Kiểm tra Huyện ủy giám sát Đảng ủy xã Đạ Sar"
    assert article.body.startswith("Chiều 31/8, Ủy ban Kiểm tra Huyện ủy Lạc Dương")
    assert article.key == article.url == PORTAL_URL
    # "Ngày đăng: 05/09/2023", not the sidebar's 28/08, a related item's 19/05 or a comment's 15/09
    assert article.published == dt.date(2023, 9, 5)
    # its comments and other-news blocks are named in Vietnamese ("binh-luan", "tin-khac")
    for around in ("Giới thiệu", "Thống kê truy cập", "Các tin khác", "Trao Huy hiệu", "Cơ quan chủ quản",
                   "Bình luận", "Cảm ơn Văn phòng Huyện ủy", "phát triển đảng viên trong thanh niên"):
        assert around not in article.body, around


def test_a_page_without_a_stated_url_is_keyed_by_its_file_name(tmp_path):
    page = tmp_path / "bai.htm"
    page.write_text(NEWS.read_text(encoding="utf-8").replace(NEWS_URL, ""), encoding="utf-8")
    article = read_one(page)
    assert article.key == "bai.htm" and article.url is None


def test_a_page_without_a_story_is_refused_by_name():
    e = error(INDEX)
    assert e.path == str(INDEX) and "no article text" in str(e)


def test_published_given_on_the_command_line_wins(tmp_path):
    [article] = list(iter_articles([NEWS], published=dt.date(2023, 10, 20)))
    assert article.published == dt.date(2023, 10, 20)


# --- legacy encodings ----------------------------------------------------------------

def _cp1258_page(tmp_path: Path, declared: bool) -> Path:
    from test_articles import to_cp1258   # Windows-1258 as Windows writes it (tones as marks)
    html = NEWS.read_text(encoding="utf-8").replace(
        '<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
        if declared else "")
    page = tmp_path / f"cp1258_{declared}.html"
    page.write_bytes(to_cp1258(html))
    return page


@pytest.mark.parametrize("declared", [True, False])
def test_a_windows_1258_page_reads_as_vietnamese(tmp_path, declared):
    article = read_one(_cp1258_page(tmp_path, declared))
    assert article.title == "Ban Tuyên giáo Tỉnh ủy kiểm tra tại huyện Nguyên Bình"
    assert "đồng chí Sầm Thị Nguyệt, Trưởng Ban Tuyên giáo Huyện ủy Nguyên Bình" in article.body
    if declared:
        assert article.warnings == ()            # read as it says it is
    else:
        assert "cp1258" in article.warnings[0]   # recognised, converted, and said so


def test_a_page_whose_bytes_break_its_declared_charset_is_refused_by_name(tmp_path):
    page = tmp_path / "bad.html"
    page.write_bytes(b'<html><head><meta charset="windows-1258"></head><body><p>Tin \x81 moi</p></body></html>')
    e = error(page)
    assert e.path == str(page) and "windows-1258" in str(e) and "0x81" in str(e)


# --- texts without a headline ----------------------------------------------------------

LEAD = ("Chiều 4/3, Đoàn kiểm tra của Ban Thường vụ Tỉnh ủy do đồng chí Lò Văn Tám, Ủy viên Ban Thường vụ "
        "Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy làm trưởng đoàn đã kiểm tra công tác cán bộ tại Huyện ủy Mường Tè.")
MORE = "Đồng chí Tòng Thị Vui, Bí thư Huyện ủy Mường Tè báo cáo kết quả thực hiện."


@pytest.mark.parametrize("opening, date", [
    ("", None),                                   # the lead itself
    (" date 2024-03-05 ", dt.date(2024, 3, 5)),   # a saved excerpt's page-date marker
    ("21:29 , 05/03/2024\n", dt.date(2024, 3, 5)),  # a dateline
    ("Thứ Ba, 05/03/2024 - 21:29\n\n", dt.date(2024, 3, 5)),
])
def test_a_text_opening_with_its_lead_has_no_title_and_keeps_its_first_sentence(tmp_path, opening, date):
    path = tmp_path / "trich.txt"
    path.write_text(f"{opening}{LEAD}\n\n{MORE}\n", encoding="utf-8")
    article = read_one(path)
    assert article.title == "" and article.published == date
    assert LEAD in article.body and article.text == article.body   # the marker or dateline stays, for the year
    [line] = list(iter_articles([write_jsonl(tmp_path, {"text": f"{opening}{LEAD}\n\n{MORE}"})]))
    assert line.title == "" and LEAD in line.body and line.published == date


def test_a_headline_stays_the_title_and_a_dateline_under_it_dates_the_text(tmp_path):
    path = tmp_path / "bai.txt"
    path.write_text(f"Kiểm tra công tác cán bộ tại Mường Tè\n\n05/03/2024 21:29\n\n{LEAD}\n", encoding="utf-8")
    article = read_one(path)
    assert article.title == "Kiểm tra công tác cán bộ tại Mường Tè"
    assert article.published == dt.date(2024, 3, 5) and LEAD in article.body


def test_the_extractor_reads_the_lead_of_a_text_without_a_title(tmp_path, kg):
    path = tmp_path / "trich.txt"
    path.write_text(f" date 2024-03-05 {LEAD}\n\n{MORE}\n", encoding="utf-8")
    result = kg("extract", "--format", "json", str(path))
    assert result.exit_code == 0, result.output
    names = {p["name"] for p in json.loads(result.output)["persons"]}
    assert "Lò Văn Tám" in names


def write_jsonl(tmp_path: Path, *objects: dict) -> Path:
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects), encoding="utf-8")
    return path


# --- web archives -----------------------------------------------------------------------

def _response(writer: WARCWriter, url: str, body: bytes, content_type: str, date: str,
              status: str = "200 OK") -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))],
                            protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                       warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)


def _request(writer: WARCWriter, url: str) -> None:
    http = StatusAndHeaders("GET / HTTP/1.1", [("Host", url.split("/")[2])], is_http_request=True)
    writer.write_record(writer.create_warc_record(url, "request", http_headers=http))


def crawl(path: Path, pages: list[tuple[str, bytes, str]], *, extras: bool = True) -> Path:
    """A web archive as a crawler writes it: each page's request and
    response, with (if ``extras``) an image, a style sheet, a redirect, a
    404 page and a revisit around them."""
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test crawler"}))
        if extras:
            _response(writer, "https://baononnuoc.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64),
                      "image/png", "2023-10-21T01:00:00Z")
            _response(writer, "https://baononnuoc.example/site.css", b"body{margin:0}", "text/css",
                      "2023-10-21T01:00:01Z")
            _response(writer, "https://baononnuoc.example/old", b"<html><body>moved</body></html>",
                      "text/html", "2023-10-21T01:00:02Z", status="301 Moved Permanently")
            _response(writer, "https://baononnuoc.example/missing", b"<html><body>Not found</body></html>",
                      "text/html; charset=utf-8", "2023-10-21T01:00:03Z", status="404 Not Found")
        for url, body, date in pages:
            _request(writer, url)
            _response(writer, url, body, "text/html; charset=utf-8", date)
        if extras:
            revisit = writer.create_revisit_record(pages[0][0], "sha1:AAAA", pages[0][0], pages[0][2])
            writer.write_record(revisit)
    return path


def two_pages(path: Path, **kw) -> Path:
    return crawl(path, [(NEWS_URL, NEWS.read_bytes(), "2023-10-21T02:00:00Z"),
                        (PORTAL_URL, PORTAL.read_bytes(), "2023-10-21T02:05:00Z")], **kw)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_each_html_page_of_an_archive_is_an_article_keyed_by_its_url(tmp_path, name):
    news, portal = read_articles(two_pages(tmp_path / name))
    assert (news.key, news.published) == (NEWS_URL, dt.date(2023, 10, 14))
    assert (portal.key, portal.published) == (PORTAL_URL, dt.date(2023, 9, 5))
    assert news.title == "Ban Tuyên giáo Tỉnh ủy kiểm tra tại huyện Nguyên Bình"
    # what was skipped is said once, on the archive's first article
    [notice] = news.warnings
    assert "2 non-HTML responses skipped (image/png 1, text/css 1)" in notice
    assert "HTTP 301 1, HTTP 404 1" in notice
    assert portal.warnings == ()


def test_a_page_sent_gzip_compressed_is_read(tmp_path):
    path = tmp_path / "c.warc"
    body = gzip.compress(NEWS.read_bytes())
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=False)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                           ("Content-Encoding", "gzip"), ("Content-Length", str(len(body)))],
                                protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(NEWS_URL, "response", payload=io.BytesIO(body),
                                                      http_headers=http))
    [article] = read_articles(path)
    assert article.title == "Ban Tuyên giáo Tỉnh ủy kiểm tra tại huyện Nguyên Bình"


def test_an_undated_page_takes_its_capture_date(tmp_path):
    undated = b"<html><head><title>Tin</title></head><body><article><p>" + (
        "Đoàn công tác của Huyện ủy đã làm việc với Đảng ủy xã về công tác phát triển đảng viên. " * 4
    ).encode() + b"</p></article></body></html>"
    [article] = read_articles(crawl(tmp_path / "c.warc", [("https://x.example/tin", undated,
                                                            "2024-02-03T04:05:06Z")], extras=False))
    assert article.published == dt.date(2024, 2, 3)


def test_the_latest_capture_of_a_url_is_the_one_read(tmp_path):
    older = NEWS.read_bytes().replace("bà con ở các bản xa".encode(), b"x")
    newer = NEWS.read_bytes().replace("báo cáo viên cơ sở".encode(), "tuyên truyền viên".encode())
    archive = crawl(tmp_path / "c.warc.gz", [(NEWS_URL, newer, "2023-11-01T00:00:00Z"),
                                             (NEWS_URL, older, "2023-10-15T00:00:00Z")], extras=False)
    [article] = read_articles(archive)
    assert "tuyên truyền viên" in article.body
    assert "1 earlier captures of a URL captured again skipped" in article.warnings[0]


def test_an_archive_of_no_html_page_is_refused_saying_what_it_holds(tmp_path):
    path = tmp_path / "assets.warc"
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=False)
        _response(writer, "https://x.example/a.png", b"\x89PNG", "image/png", "2023-10-21T01:00:00Z")
        _response(writer, "https://x.example/b.png", b"\x89PNG", "image/png", "2023-10-21T01:00:00Z")
        _response(writer, "https://x.example/s.js", b"var a;", "application/javascript", "2023-10-21T01:00:00Z")
    e = error(path)
    assert e.path == str(path)
    assert "no HTML page among its 3 records (3 non-HTML responses skipped (image/png 2, " \
           "application/javascript 1))" in str(e)


@pytest.mark.parametrize("name", ["cut.warc", "cut.warc.gz"])
def test_a_truncated_archive_gives_its_pages_before_the_cut_then_an_error_naming_the_record(tmp_path, name):
    whole = two_pages(tmp_path / ("whole" + name[3:]), extras=False).read_bytes()
    # cut inside the second page's response (the last record but one of six)
    cut = tmp_path / name
    cut.write_bytes(whole[:whole.index(b"Ka S\xc3\xb4 Ha Ruy") if not name.endswith(".gz") else len(whole) - 900])
    items = list(iter_articles([cut], keep_going=True))
    assert [type(i) for i in items] == [Article, SourceError]
    assert items[0].key == NEWS_URL
    assert items[1].path == str(cut) and "record 5" in str(items[1]) and "cut short" in str(items[1])


def test_a_record_without_a_story_is_named_by_number_and_url(tmp_path):
    archive = crawl(tmp_path / "c.warc", [("https://baononnuoc.example/xay-dung-dang", INDEX.read_bytes(),
                                           "2023-10-21T02:00:00Z"),
                                          (NEWS_URL, NEWS.read_bytes(), "2023-10-21T02:01:00Z")], extras=False)
    bad, good = iter_articles([archive], keep_going=True)
    assert isinstance(bad, SourceError) and good.key == NEWS_URL
    assert str(bad).startswith(f"{archive} record 3 (https://baononnuoc.example/xay-dung-dang): no article text")


# --- end to end ------------------------------------------------------------------------------

def test_kg_extract_prints_each_page_of_an_archive_with_its_source(tmp_path, kg):
    result = kg("extract", "--format", "json", str(two_pages(tmp_path / "crawl.warc.gz")))
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert [o["source"] for o in out] == [NEWS_URL, PORTAL_URL]
    assert "Nông Thị Hạnh" in {p["name"] for p in out[0]["persons"]}
    assert "non-HTML responses skipped" in result.stderr


def test_kg_load_keys_pages_by_url_and_a_second_load_changes_nothing(tmp_path, store_path, kg):
    archive = two_pages(tmp_path / "crawl.warc.gz")
    first = kg("load", str(archive), str(PORTAL))
    # the saved page and the archive's capture are one source: the URL
    assert first.exit_code == 2 and "two inputs are the same source" in first.output
    first = kg("load", str(archive))
    assert first.exit_code == 0, first.output
    assert "2 source(s): 2 added" in first.output
    published = EmbeddedStore(store_path, read_only=True).published()
    assert {identity.source_iri(NEWS_URL), identity.source_iri(PORTAL_URL)} <= set(published)
    again = kg("load", str(archive))
    assert "2 source(s): 0 added, 0 replaced, 2 unchanged" in again.output


def test_kg_load_keep_going_loads_the_pages_of_a_truncated_archive(tmp_path, store_path, kg):
    whole = two_pages(tmp_path / "whole.warc", extras=False).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[:whole.index("Ka Sô Ha Ruy".encode())])
    refused = kg("load", str(cut), str(INDEX))
    assert refused.exit_code == 2 and "record 5" in refused.output
    assert not store_path.exists() or not EmbeddedStore(store_path, read_only=True).published()
    result = kg("load", "--keep-going", str(cut), str(INDEX))
    assert result.exit_code == 2 and "2 source(s) not loaded" in result.output
    assert "chuyenmuc.html: no article text" in result.output
    assert identity.source_iri(NEWS_URL) in EmbeddedStore(store_path, read_only=True).published()
