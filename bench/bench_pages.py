"""Benchmark reading saved pages and web archives against plain text, on one core.

    python bench/bench_pages.py            # 300 articles
    python bench/bench_pages.py --n 1000

The same synthetic ~400-word articles (bench/make_corpus.py) are written
three ways into a temporary folder, nothing kept:

* ``.txt``: front matter (url, published), title, body: the obvious
  alternative, what a researcher gets by saving the text alone;
* ``.html``: each in a news-site page (menu, breadcrumb, share bar, related
  articles and comments with their own dates; half dated by meta tags, half
  only by a visible "Ngày đăng" line);
* one ``.warc.gz``: every page's request and response, and an image
  response per page, as a crawler writes them.

Each is read with ``read_articles`` and extracted with ``kg.extract``;
reading and extraction are timed apart (CPU time), after a warm-up, pinned
to one CPU.
It also checks that the pages give the .txt's title, body and date.
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import os
import tempfile
import time
from pathlib import Path

from make_corpus import articles as synthetic_articles
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kg.extract import extract
from kg.sources.articles import read_articles

PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>{title} - Báo Tỉnh điện tử</title>
{meta}
</head><body>
<div class="topbar">Thứ Hai, 16/10/2023 | <a href="/dang-nhap">Đăng nhập</a></div>
<header><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li>
<li><a href="/xay-dung-dang">Xây dựng Đảng</a></li><li><a href="/kinh-te">Kinh tế</a></li>
<li><a href="/van-hoa-xa-hoi">Văn hóa - Xã hội</a></li><li><a href="/video">Video</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/xay-dung-dang">Xây dựng Đảng</a></div>
<main><article>
<h1>{title}</h1>
<div class="meta"><span class="date">Ngày đăng: {shown}</span> <span class="author">Phóng viên</span></div>
<div class="share"><a href="#">Chia sẻ</a> <a href="#">Zalo</a> <a href="#">In bài</a></div>
<div class="content">
{paragraphs}
</div></article>
<section class="related"><h3>Tin liên quan</h3><ul>
<li><a href="/a1.html">Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ mười</a> <span>{older}</span></li>
<li><a href="/a2.html">Tổng kết công tác dân vận khéo năm trước</a> <span>{older}</span></li></ul></section>
<section class="comments"><h3>Ý kiến bạn đọc</h3>
<div class="comment"><b>Bạn đọc</b> <span class="time">{later}</span><p>Cảm ơn phóng viên đã đưa tin.</p></div>
</section></main>
<footer><p>© Báo Tỉnh điện tử. Giấy phép số 000/GP-BTTTT.</p></footer>
</body></html>
"""


def page(obj: dict[str, str], dated_by_meta: bool) -> str:
    day = dt.date.fromisoformat(obj["published"])
    meta = (f'<link rel="canonical" href="{html.escape(obj["url"])}">\n'
            f'<meta property="article:published_time" content="{day.isoformat()}T08:00:00+07:00">'
            if dated_by_meta else f'<meta property="og:url" content="{html.escape(obj["url"])}">')
    return PAGE.format(title=html.escape(obj["title"]), meta=meta, shown=f"{day:%d/%m/%Y} 08:00",
                       older=f"{day - dt.timedelta(days=40):%d/%m/%Y}",
                       later=f"{day + dt.timedelta(days=3):%d/%m/%Y} 20:15",
                       paragraphs="\n".join(f"<p>{html.escape(p)}</p>" for p in obj["text"].split("\n\n")))


def write_inputs(folder: Path, n: int) -> tuple[Path, Path, Path]:
    txt, pages, archive = folder / "txt", folder / "html", folder / "crawl.warc.gz"
    txt.mkdir()
    pages.mkdir()
    with archive.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for i, obj in enumerate(synthetic_articles(n)):
            (txt / f"{i:05d}.txt").write_text(
                f"---\nurl: {obj['url']}\npublished: {obj['published']}\n---\n{obj['title']}\n\n{obj['text']}\n",
                encoding="utf-8")
            body = page(obj, dated_by_meta=i % 2 == 0).encode("utf-8")
            (pages / f"{i:05d}.html").write_bytes(body)
            captured = f"{dt.date.fromisoformat(obj['published']) + dt.timedelta(days=7)}T00:00:00Z"
            _response(writer, obj["url"], body, "text/html; charset=utf-8", captured)
            _response(writer, obj["url"] + "/anh.jpg", b"\xff\xd8\xff" + bytes(2000), "image/jpeg", captured)
    return txt, pages, archive


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str, captured: str) -> None:
    request = StatusAndHeaders("GET / HTTP/1.1", [("Host", url.split("/")[2])], is_http_request=True)
    writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
    http = StatusAndHeaders("200 OK", [("Content-Type", content_type), ("Content-Length", str(len(body)))],
                            protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                                  warc_headers_dict={"WARC-Date": captured}))


def timed(path: Path):
    """The articles, and the CPU seconds of reading and of extracting them
    (CPU time: the figures hold on a machine shared with other work)."""
    t0 = time.process_time()
    items = list(read_articles(path))
    read_s = time.process_time() - t0
    t0 = time.process_time()
    for a in items:
        extract(a)
    return items, read_s, time.process_time() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=300, help="articles (default 300)")
    args = parser.parse_args()
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp:
        txt, pages, archive = write_inputs(Path(tmp), args.n)
        size = sum(p.stat().st_size for p in pages.iterdir())
        for a in read_articles(txt):   # warm-up: patterns, lexicon, gazetteer, trafilatura's import
            extract(a)
        next(read_articles(pages))
        rows = {}
        for label, path in (("txt", txt), ("html", pages), ("warc.gz", archive)):
            rows[label] = timed(path)
    n = args.n
    print(f"{n} articles of ~400 words, one core, CPU time; pages {size / n / 1024:.1f} kB each, "
          f"the archive {n} HTML + {n} image responses (+ requests)")
    print(f"  {'input':<8} {'read/s':>9} {'extract/s':>10} {'read+extract/s':>15}")
    for label, (items, read_s, extract_s) in rows.items():
        print(f"  {label:<8} {n / read_s:9.0f} {n / extract_s:10.0f} {n / (read_s + extract_s):15.0f}")
    txt_items = {a.key: a for a in rows["txt"][0]}
    for label in ("html", "warc.gz"):
        same = sum(1 for a in rows[label][0] if (t := txt_items.get(a.key)) and
                   (a.title, a.body, a.published) == (t.title, t.body, t.published))
        print(f"  {label}: {same}/{n} articles read with the .txt's title, body and date")


if __name__ == "__main__":
    main()
