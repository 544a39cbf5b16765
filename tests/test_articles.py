"""Reading articles: .txt, .jsonl and folders; bad input; legacy encodings.

Legacy-encoded bytes are made here from Vietnamese text with encoders built
from kg/tables/legacy_encodings.csv, and the tables themselves are checked
against known answers (the domain reference's examples) and by round trips.
"""
import csv
import datetime as dt
import json
import unicodedata
from importlib import resources
from pathlib import Path

import pytest

from kg.errors import SourceError
from kg.sources import articles as articles_module
from kg.sources import headlines
from kg.sources.articles import Article, iter_articles, read_articles
from kg.sources.encodings import decode, repair_mojibake, vietnamese_score

TITLE = "Ban Tuyên giáo Tỉnh ủy Cao Bằng kiểm tra tại huyện Trùng Khánh"
BODY = ("Ngày 12/10, Đoàn kiểm tra của Ban Tuyên giáo Tỉnh ủy do đồng chí Nông Thị Hạnh "
        "làm Trưởng đoàn đã kiểm tra việc thực hiện Nghị quyết số 35-NQ/TW tại huyện Trùng Khánh.\n\n"
        "Đồng chí Sầm Thị Nguyệt, Trưởng Ban Tuyên giáo Huyện ủy báo cáo kết quả công tác tuyên truyền "
        "trong chín tháng đầu năm; huyện đã tổ chức học tập nghị quyết cho cán bộ, đảng viên ở cơ sở.")
FRONT = "---\nurl: https://example.invalid/a1\npublished: 2023-10-14\n---\n"

# Lower-case syllables only where tones fall on capitals: TCVN3 has no toned capitals.
LEGACY_TEXT = ("Uỷ ban nhân dân tỉnh Cao Bằng. Đoàn kiểm tra của Ban Tuyên giáo Tỉnh uỷ do đồng chí "
               "Nông Thị Hạnh làm trưởng đoàn đã kiểm tra việc thực hiện nghị quyết về công tác "
               "tuyên truyền ở huyện Trùng Khánh, xã Đàm Thủy, thị trấn Hòa Thuận.")


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def one(path: Path, **kw) -> Article:
    [article] = list(read_articles(path, **kw))
    return article


def error(path: Path, **kw) -> SourceError:
    with pytest.raises(SourceError) as e:
        list(read_articles(path, **kw))
    return e.value


# --- legacy encoders for the tests, from the table file -------------------------------

def _table(encoding: str) -> dict[str, bytes]:
    with resources.files("kg").joinpath("tables", "legacy_encodings.csv").open(encoding="utf-8") as f:
        return {r["char"]: bytes.fromhex(r["bytes"]) for r in csv.DictReader(f) if r["encoding"] == encoding}


def to_legacy(text: str, encoding: str) -> bytes:
    """``text`` in TCVN3 or VNI; ASCII stays as it is; anything else fails."""
    table = _table(encoding)
    out = b""
    for c in unicodedata.normalize("NFC", text):
        out += table[c] if c in table else c.encode("ascii")
    return out


TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Windows writes it: base letter precomposed where the
    code page has it, tone as a combining mark after it."""
    out = b""
    for c in unicodedata.normalize("NFC", text):
        try:
            out += c.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", c)
            base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in TONES))
            out += base.encode("cp1258") + "".join(p for p in parts if p in TONES).encode("cp1258")
    return out


# --- the tables ----------------------------------------------------------------------------

def test_table_file_is_consistent():
    with resources.files("kg").joinpath("tables", "legacy_encodings.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        assert bytes.fromhex(row["bytes"]).decode("latin-1") == row["looks_like"], row
        assert unicodedata.is_normalized("NFC", row["char"]) and len(row["char"]) == 1, row
    for encoding in ("tcvn3", "vni"):
        chars = [r["char"] for r in rows if r["encoding"] == encoding]
        seqs = [r["bytes"] for r in rows if r["encoding"] == encoding]
        assert len(set(chars)) == len(chars) and len(set(seqs)) == len(seqs), encoding


def test_tcvn3_known_answers():
    # Domain reference §6.7: "Uû ban nh©n d©n" is TCVN3 for "Uỷ ban nhân dân"; © = â, § = Đ, ® = đ.
    assert to_legacy("Uỷ ban nhân dân", "tcvn3") == "Uû ban nh©n d©n".encode("latin-1")
    assert to_legacy("Đảng đoàn", "tcvn3") == "§¶ng ®oµn".encode("latin-1")
    assert repair_mojibake("Uû ban nh©n d©n tØnh vµ §¶ng bé huyÖn ®· kiÓm tra c«ng t¸c "
                           "tuyªn truyÒn cña c¸c x· trong n¨m", "t").text == \
        "Uỷ ban nhân dân tỉnh và Đảng bộ huyện đã kiểm tra công tác tuyên truyền của các xã trong năm"


def test_vni_known_answers():
    # Domain reference §6.7: VNI looks like "Xin chaøo".
    assert to_legacy("Xin chào", "vni") == "Xin chaøo".encode("latin-1")
    assert to_legacy("Việt Nam", "vni") == "Vieät Nam".encode("latin-1")
    assert to_legacy("Đảng ủy", "vni") == "Ñaûng uûy".encode("latin-1")
    assert to_legacy("ơ ư ớ ự ĩ ỵ", "vni") == "ô ö ôù öï ó î".encode("latin-1")


WORDS = ("Uỷ ban nhân dân tỉnh Đảng ủy huyện Trùng Khánh Bắc Kạn Lạng Sơn Quảng Ngãi Hồ Chí Minh "
         "kiểm tra giám sát làm việc khảo sát nghị quyết chỉ thị kế hoạch quyết định hướng dẫn "
         "đồng chí trưởng đoàn phó chủ tịch hội đồng mặt trận tổ quốc thường vụ tuyên giáo dân vận "
         "Nguyễn Trần Lê Phạm Hoàng Huỳnh Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Thị Văn Hữu Đức Thạch Sơn "
         "ưu tiên mười ngữ cảnh thuở xưa ươm tơ khuỷu tay nguyễn khuya yểng ngoẵng quỳnh")


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_every_table_character_round_trips(encoding):
    table = _table(encoding)
    chars = " ".join(table)   # one word each: a word of capitals would be made all capitals
    back = decode(to_legacy(f"{WORDS} {chars}", encoding), "t.txt").text
    assert unicodedata.normalize("NFC", back) == unicodedata.normalize("NFC", f"{WORDS} {chars}")


# --- .txt ----------------------------------------------------------------------------------

def test_txt_with_front_matter(tmp_path):
    a = one(write(tmp_path / "a.txt", FRONT + TITLE + "\n\n" + BODY + "\n"))
    assert a.key == a.url == "https://example.invalid/a1"
    assert a.published == dt.date(2023, 10, 14)
    assert a.title == TITLE
    assert a.text == TITLE + "\n\n" + BODY
    assert a.body == BODY and a.text[a.body_start:] == BODY
    assert a.path == str(tmp_path / "a.txt") and a.line is None and a.warnings == ()


def test_txt_without_front_matter_is_keyed_by_name(tmp_path):
    a = one(write(tmp_path / "d02.txt", TITLE + "\n\n" + BODY))
    assert (a.key, a.url, a.published, a.title) == ("d02.txt", None, None, TITLE)


def test_published_argument_fills_and_overrides(tmp_path):
    day = dt.date(2024, 1, 2)
    assert one(write(tmp_path / "a.txt", TITLE + "\n" + BODY), published=day).published == day
    assert one(write(tmp_path / "b.txt", FRONT + TITLE + "\n" + BODY), published=day).published == day


def test_bom_crlf_and_nfd(tmp_path):
    raw = unicodedata.normalize("NFD", FRONT + TITLE + "\n\n" + BODY).replace("\n", "\r\n")
    a = one(write(tmp_path / "a.txt", b"\xef\xbb\xbf" + raw.encode("utf-8")))
    assert a.text == TITLE + "\n\n" + BODY
    assert a.published == dt.date(2023, 10, 14)
    assert "\r" not in a.text and "\ufeff" not in a.text


def test_utf16_with_bom(tmp_path):
    a = one(write(tmp_path / "a.txt", (TITLE + "\n" + BODY).encode("utf-16")))
    assert a.title == TITLE


def test_text_is_normalised(tmp_path):
    a = one(write(tmp_path / "a.txt", "Tỉnh uỷ Lâm Đồng\n\nUỷ ban\u00a0nhân dân\u200b tỉnh, 1456/QÐ-UBND"))
    assert a.text == "Tỉnh ủy Lâm Đồng\n\nỦy ban nhân dân tỉnh, 1456/QĐ-UBND"


@pytest.mark.parametrize("content", [b"", b"  \n\r\n\t"])
def test_empty_txt(tmp_path, content):
    e = error(write(tmp_path / "empty.txt", content))
    assert "empty.txt" in str(e) and "empty file" in str(e)


def test_front_matter_without_text_or_end(tmp_path):
    assert "no title" in str(error(write(tmp_path / "a.txt", FRONT)))
    e = error(write(tmp_path / "b.txt", "---\nurl: x\n" + TITLE))
    assert e.line == 1 and "never closed" in str(e)


def test_bad_published_in_front_matter(tmp_path):
    e = error(write(tmp_path / "a.txt", "---\npublished: 14/10/2023\n---\n" + TITLE))
    assert (e.line, e.field) == (2, "published") and "YYYY-MM-DD" in str(e)


def test_binary_files(tmp_path):
    e = error(write(tmp_path / "scan.txt", b"%PDF-1.7\n\x00\x01\x02binary"))
    assert "scan.txt" in str(e) and "binary" in str(e) and "PDF" in str(e)
    e = error(write(tmp_path / "noise.txt", bytes(range(1, 32)) * 50 + "chữ".encode()))
    assert "binary" in str(e)


def test_article_over_the_limit_is_refused_unread(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(20 * 1024 * 1024)   # 20 MB: never read, refused on its size
    e = error(big)
    assert "big.txt" in str(e) and "too large" in str(e) and "20.0 MB" in str(e)


def test_other_files_and_missing_paths(tmp_path):
    assert "not an article" in str(error(write(tmp_path / "a.pdf", "<p>")))
    assert "no such file" in str(error(tmp_path / "missing.txt"))
    (tmp_path / "empty_dir").mkdir()
    assert "no article files" in str(error(tmp_path / "empty_dir"))


# --- legacy encodings ------------------------------------------------------------------------

@pytest.mark.parametrize("name, encode", [
    ("TCVN3", lambda s: to_legacy(s, "tcvn3")),
    ("VNI", lambda s: to_legacy(s, "vni")),
    ("cp1258", to_cp1258),
])
def test_legacy_file_is_converted_with_a_warning(tmp_path, name, encode):
    data = encode(TITLE + "\n\n" + LEGACY_TEXT)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    a = one(write(tmp_path / "old.txt", data))
    assert a.title == TITLE
    assert a.body == "Ủy ban nhân dân tỉnh Cao Bằng. Đoàn kiểm tra của Ban Tuyên giáo Tỉnh ủy" + \
        LEGACY_TEXT.split("Tỉnh uỷ", 1)[1]
    [warning] = a.warnings
    assert "not valid UTF-8" in warning and name in warning


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_mojibake_in_utf8_is_converted(tmp_path, encoding):
    seen = to_legacy(TITLE + "\n" + LEGACY_TEXT, encoding).decode("latin-1")
    a = one(write(tmp_path / "moji.txt", seen))
    assert a.title == TITLE
    assert a.body.startswith("Ủy ban nhân dân tỉnh Cao Bằng.")
    assert "mis-read" in a.warnings[0]


def test_mojibake_in_jsonl_is_converted(tmp_path):
    seen = to_legacy(LEGACY_TEXT, "tcvn3").decode("latin-1")
    line = json.dumps({"title": "Tin", "text": seen})   # escaped: \u00a9 and so on
    a = one(write(tmp_path / "c.jsonl", line + "\n"))
    assert a.body.startswith("Ủy ban nhân dân tỉnh Cao Bằng.") and a.warnings


def test_tcvn3_capitals_font(tmp_path):
    # Headlines used a capitals font over the lower-case codes: "§¶NG Bé" is "ĐẢNG BỘ".
    seen = to_legacy(LEGACY_TEXT, "tcvn3").decode("latin-1")
    a = one(write(tmp_path / "h.txt", "§¶NG Bé HUYÖN TRïNG KH¸NH\n" + seen))
    assert a.title == "ĐẢNG BỘ HUYỆN TRÙNG KHÁNH"


def test_short_legacy_text_is_refused_naming_the_encoding(tmp_path):
    e = error(write(tmp_path / "short.txt", to_legacy("Uỷ ban nhân dân\n\nkiểm tra", "tcvn3")))
    assert "short.txt" in str(e) and "TCVN3" in str(e) and "too few" in str(e) and "UniKey" in str(e)


def test_short_mojibake_is_refused_naming_the_encoding(tmp_path):
    e = error(write(tmp_path / "short.txt", "Tin\n\nUû ban nh©n d©n"))
    assert "short.txt" in str(e) and "TCVN3" in str(e) and "too few" in str(e)


def test_undecodable_non_vietnamese_is_refused(tmp_path):
    e = error(write(tmp_path / "x.txt", "Report\n\nCafé “naïve” façade — déjà vu".encode("cp1252")))
    assert "not valid UTF-8" in str(e) and "save it as UTF-8" in str(e)


@pytest.mark.parametrize("text", [
    "Giá 5 € © 2024 Báo Cao Bằng — Đoàn kiểm tra làm việc với Huyện ủy; nhiệt độ 30°C, ½ số xã.",
    "Müller schreibt über Straße und Größe; señor año niño; Ærø øl; «citation»",
])
def test_real_utf8_with_latin1_symbols_is_left_alone(text):
    assert repair_mojibake(text, "t").text == text


def test_vietnamese_score():
    assert vietnamese_score(LEGACY_TEXT)[0] == 1.0
    assert vietnamese_score(to_legacy(LEGACY_TEXT, "tcvn3").decode("latin-1"))[0] < 0.6
    assert vietnamese_score(to_legacy(LEGACY_TEXT, "vni").decode("latin-1"))[0] < 0.6


# --- .jsonl ----------------------------------------------------------------------------------

def jsonl(*objs: object) -> str:
    return "".join((o if isinstance(o, str) else json.dumps(o, ensure_ascii=False)) + "\n" for o in objs)


def test_jsonl_corpus(tmp_path):
    path = write(tmp_path / "c.jsonl", jsonl(
        {"url": "https://example.invalid/1", "published": "2024-06-07", "title": TITLE, "text": BODY},
        "",
        "   ",
        {"title": "Tin thứ hai", "text": "Đồng chí Lộc phát biểu.", "published": "2024-06-08T08:30:00+07:00"},
        {"text": "Huyện ủy Sơn Hà họp\nNội dung hội nghị.", "url": None},
    ))
    a, b, c = read_articles(path)
    assert (a.key, a.published, a.title, a.body, a.line) == \
        ("https://example.invalid/1", dt.date(2024, 6, 7), TITLE, BODY, 1)
    assert (b.key, b.published, b.url, b.line) == ("c.jsonl#4", dt.date(2024, 6, 8), None, 4)
    assert (c.key, c.title, c.body) == ("c.jsonl#5", "Huyện ủy Sơn Hà họp", "Nội dung hội nghị.")


@pytest.mark.parametrize("line, message, field", [
    ('{"title": "x", "text": "y"', "not JSON", None),
    ('["a", "b"]', "not an object", None),
    ('{"title": "x"}', "missing", "text"),
    ('{"title": "x", "text": ""}', "empty", "text"),
    ('{"title": "x", "text": 3}', "not a string", "text"),
    ('{"title": "x", "text": "y", "published": "hôm qua"}', "not a date", "published"),
    ('{"title": "x", "text": "y", "published": 2024}', "not a date", "published"),
])
def test_jsonl_bad_line(tmp_path, line, message, field):
    path = write(tmp_path / "c.jsonl", jsonl({"title": "a", "text": "b"}, line))
    e = error(path)
    assert (e.path, e.line, e.field) == (str(path), 2, field)
    assert message in str(e) and "c.jsonl:2" in str(e)


def test_jsonl_is_read_lazily(tmp_path):
    # The broken line 3 is not reached until the reader gets there.
    articles = read_articles(write(tmp_path / "c.jsonl", jsonl({"title": "a", "text": "b"}, "{", "{")))
    assert next(articles).title == "a"
    with pytest.raises(SourceError):
        next(articles)


def test_jsonl_overlong_line_is_skipped_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(articles_module, "MAX_ARTICLE_BYTES", 1000)
    path = write(tmp_path / "c.jsonl", jsonl(
        {"title": "a", "text": "x" * 5000}, {"title": "b", "text": "ngắn"}))
    items = list(iter_articles([path], keep_going=True))
    assert isinstance(items[0], SourceError) and items[0].line == 1 and "too large" in str(items[0])
    assert isinstance(items[1], Article) and items[1].title == "b" and items[1].line == 2


def test_empty_jsonl(tmp_path):
    assert "empty file" in str(error(write(tmp_path / "c.jsonl", "\n\n")))


def test_jsonl_line_in_a_legacy_encoding(tmp_path):
    line = b'{"title": "Tin", "text": "' + to_legacy(LEGACY_TEXT, "vni") + b'"}\n'
    a = one(write(tmp_path / "c.jsonl", line))
    assert a.body.startswith("Ủy ban nhân dân") and "VNI" in a.warnings[0]


# --- folders and keep-going ------------------------------------------------------------------

def test_folder_sorted_recursive_other_files_ignored(tmp_path):
    write(tmp_path / "b.txt", "B\n\nbody")
    write(tmp_path / "a.txt", "A\n\nbody")
    write(tmp_path / "sub" / "c.jsonl", jsonl({"title": "C", "text": "body"}))
    write(tmp_path / "sub" / "notes.md", "# not an article")
    write(tmp_path / "sub" / "img.png", b"\x89PNG\x00")
    got = [(a.key, a.title) for a in read_articles(tmp_path)]
    assert got == [("a.txt", "A"), ("b.txt", "B"), ("sub/c.jsonl#1", "C")]


def test_keep_going_lists_bad_articles_and_keeps_good_ones(tmp_path):
    write(tmp_path / "1_good.txt", "Tin một\n\nNội dung.")
    write(tmp_path / "2_empty.txt", "")
    write(tmp_path / "3_corpus.jsonl", jsonl({"title": "Tin hai", "text": "x"}, "not json",
                                             {"title": "Tin ba", "text": "y"}))
    write(tmp_path / "4_binary.txt", b"\x00\x01")
    items = list(iter_articles([tmp_path, tmp_path / "missing"], keep_going=True))
    good = [i.title for i in items if isinstance(i, Article)]
    bad = [(Path(i.path).name, i.line) for i in items if isinstance(i, SourceError)]
    assert good == ["Tin một", "Tin hai", "Tin ba"]
    assert bad == [("2_empty.txt", None), ("3_corpus.jsonl", 2), ("4_binary.txt", None), ("missing", None)]


def test_without_keep_going_the_first_error_is_raised(tmp_path):
    write(tmp_path / "1_good.txt", "Tin một\n\nNội dung.")
    write(tmp_path / "2_empty.txt", "")
    write(tmp_path / "3_good.txt", "Tin hai\n\nNội dung.")
    seen = []
    with pytest.raises(SourceError, match="2_empty.txt"):
        for article in iter_articles([tmp_path]):
            seen.append(article.title)
    assert seen == ["Tin một"]


# --- headline, lead and page date (kg.sources.headlines) ---------------------------------------

STORY = ("Đoàn kiểm tra của Ban Thường vụ Huyện ủy làm việc với Đảng ủy xã Minh Tiến về công tác "
         "cán bộ năm 2024.")


@pytest.mark.parametrize("first", [
    "Chiều 22/2, " + STORY,                # a lead opens on a time of day and a date
    "Sáng nay (14/4), " + STORY,
    "Hôm nay 5/3 " + STORY,
    "Ngày 2 tháng 3 năm 2024, " + STORY,
    "(ĐCSVN) - " + STORY,                  # a news agency's tag opens a lead
    "đã kiểm tra tại Đảng ủy xã Minh Tiến",  # cut mid-sentence
    "Ban Dân vận Huyện ủy đã tổ chức giám sát việc thực hiện quy chế dân chủ ở cơ sở tại "
    "Đảng ủy xã Hòa Bình trong tháng Ba!",  # long, and ends as a sentence does
    # a photo's caption, a sentence and then its credit, is body text
    "Bà Lý Thị Quế, Phó Bí thư Huyện ủy làm việc với Đảng ủy xã Minh Tiến. Ảnh: Hoàng Vân - TTXVN",
    "Đoàn công tác kiểm tra tại xã Minh Tiến. (Ảnh minh họa: Cổng TTĐT)",
])
def test_a_first_line_that_is_no_headline_leaves_the_text_untitled(first):
    a = articles_module.text_article(f"{first}\n\n{MORE_TEXT}", key="t")
    assert a.title == "" and a.text.startswith(first)


@pytest.mark.parametrize("first", [
    "Ban Tổ chức Tỉnh ủy kiểm tra tại huyện Yên Sơn",
    "Ảnh: Kiểm tra công tác cán bộ tại huyện Yên Sơn",   # no sentence before "Ảnh:": no caption
    "Vì sao nhiều đảng viên chưa nộp đảng phí?",          # short: a headline may ask
    "KIỂM TRA CÔNG TÁC CÁN BỘ TẠI HUYỆN YÊN SƠN",
])
def test_a_headline_is_the_title(first):
    a = articles_module.text_article(f"{first}\n{MORE_TEXT}", key="t")
    assert a.title == first and a.body == MORE_TEXT


def test_a_long_sentence_printed_twice_is_a_headline():
    line = ("Ban Dân vận Huyện ủy đã tổ chức giám sát việc thực hiện quy chế dân chủ ở cơ sở tại "
            "Đảng ủy xã Hòa Bình trong tháng Ba!")
    assert articles_module.text_article(f"{line}\n{line}\n{MORE_TEXT}", key="t").title == line


MORE_TEXT = "Đồng chí Lê Thị Hoa, Bí thư Đảng ủy xã báo cáo kết quả thực hiện nghị quyết."


@pytest.mark.parametrize("opening, date", [
    (" date 2024-03-05 ", dt.date(2024, 3, 5)),
    (" date 2024-13-05 21:29 , 06/03/2024\n", dt.date(2024, 3, 6)),   # an impossible marker: the dateline dates it
    ("21:29 , 05/03/2024\n", dt.date(2024, 3, 5)),
    ("08:15, Thứ hai, 04/03/2024\n", dt.date(2024, 3, 4)),
    ("Thứ Ba, 05/03/2024 - 21:29 (GMT+7)\n\n", dt.date(2024, 3, 5)),
    ("Cập nhật: 05/03/2024 08:15\nNgày 05-03-2024\n", dt.date(2024, 3, 5)),
])
def test_datelines_date_an_untitled_text_and_its_lead_starts_after_them(opening, date):
    text = f"{opening}Chiều 4/3, {STORY}\n\n{MORE_TEXT}"
    a = articles_module.text_article(text, key="t")
    assert (a.title, a.published) == ("", date)
    assert a.text[headlines.lead_start(a.text):].startswith("Chiều 4/3, ")


@pytest.mark.parametrize("opening, bound", [(" date 2024-03 ", dt.date(2024, 3, 31)),
                                             (" date 2024-02\n", dt.date(2024, 2, 29))])
def test_a_month_only_marker_gives_no_page_date_but_bounds_the_story_s_dates(opening, bound):
    # a page's date is a fact written to the graph: a month is not one
    a = articles_module.text_article(f"{opening}Chiều 4/3, {STORY}\n\n{MORE_TEXT}", key="t")
    assert (a.title, a.published, a.written_by) == ("", None, bound)
    assert a.text[headlines.lead_start(a.text):].startswith("Chiều 4/3, ")


def test_words_after_a_date_make_no_dateline():
    a = articles_module.text_article(f"05/03/2024 | 329 lượt xem\n{MORE_TEXT}", key="t")
    assert a.published is None and headlines.lead_start(a.text) == 0


def test_a_stated_date_wins_over_the_page_date():
    a = articles_module.text_article(f" date 2024-03-05 {STORY}", key="t", published=dt.date(2024, 3, 9))
    assert a.published == dt.date(2024, 3, 9)


@pytest.mark.parametrize("banner", ["Chủ đề công tác năm 2021: \"Đoàn kết, kỷ cương\" (03/02/1930 - 03/02/2021)",
                                    "CHỦ ĐỀ NĂM 2021 - NĂM DÂN VẬN KHÉO"])
def test_a_site_banner_for_the_year_tops_the_page_and_dates_nothing_of_the_story(banner):
    from kg.extract import extract
    story = ("Kiểm tra tiến độ công trình\n\nNgày 16/11, đồng chí Hoàng Văn Tùng, Chủ tịch UBND huyện đã đi kiểm "
             "tra tiến độ thi công các công trình tại xã Dực Yên.")
    text = f"{banner}\n\n{story}"
    assert headlines.banner_end(text) == len(banner)
    assert headlines.banner_end(story) == 0
    events = extract(articles_module.text_article(text, key="t")).to_json()["events"]
    assert [e["date"] for e in events] == [None]
    # the story's own year still dates it
    dated = text.replace("Ngày 16/11,", "Ngày 16/11/2021,")
    assert [e["date"] for e in extract(articles_module.text_article(dated, key="t")).to_json()["events"]] == \
        ["2021-11-16"]


@pytest.mark.parametrize("occasion, date", [
    ("nhân dịp Tết Nguyên đán Ất Tỵ 2025", dt.date(2025, 2, 2)),
    ("nhân dịp đón Xuân Ất Tỵ năm 2025", dt.date(2025, 2, 2)),
    ("trước Tết 2025", dt.date(2025, 2, 2)),
])
def test_the_tet_an_undated_story_s_activity_is_done_for_gives_its_year(occasion, date):
    from kg.extract import extract
    for day, expected in (("2/2", date), ("28/12", dt.date(date.year - 1, 12, 28))):
        text = (f"Thăm đơn vị\n\nNgày {day}, đồng chí Bí thư Tỉnh ủy cùng đoàn công tác đến kiểm tra tình hình "
                f"trực sẵn sàng chiến đấu tại Bộ Chỉ huy Quân sự tỉnh {occasion}.")
        events = extract(articles_module.text_article(text, key="t")).to_json()["events"]
        # the run-up to a Tết of the new year is December of the year before
        assert [e["date"] for e in events] == [expected.isoformat()], (occasion, day)


def test_the_headline_s_body_is_the_inspector_only_where_the_headline_has_it_act():
    from kg.extract import extract
    lead = "Ngày 12/3/2024, ông Lò Văn Pắng, Phó Chủ tịch UBND tỉnh, làm việc với huyện Mường Tè về giải ngân vốn."
    for headline, inspector in [("Ủy ban nhân dân tỉnh kiểm tra giải ngân vốn đầu tư công tại Mường Tè",
                                 "Ủy ban nhân dân tỉnh"),
                                ("Ủy ban nhân dân tỉnh yêu cầu các địa phương đẩy nhanh giải ngân vốn", None),
                                ("Ủy ban nhân dân tỉnh đề nghị đẩy nhanh giải ngân vốn đầu tư công", None)]:
        events = extract(articles_module.text_article(f"{headline}\n\n{lead}", key="t")).to_json()["events"]
        assert [e["inspector"] for e in events] == [inspector], headline


@pytest.mark.parametrize("stamp", ["", " 05/03/2024 08:15", " 05/03/2024"])
def test_a_headline_on_the_page_date_marker_s_line_is_the_title(stamp):
    headline = "Ban Tổ chức Tỉnh ủy kiểm tra tại huyện Yên Sơn"
    a = articles_module.text_article(f" date 2024-03 {headline}{stamp}\n\nChiều 4/3, {STORY}\n\n{MORE_TEXT}", key="t")
    assert (a.title, a.published, a.written_by) == (headline, None, dt.date(2024, 3, 31))
    assert a.text[a.body_start:].startswith("Chiều 4/3, ")
    # a lead on the marker's line is no headline: the text stays untitled
    b = articles_module.text_article(f" date 2024-03-05 Chiều 4/3, {STORY}\n\n{MORE_TEXT}", key="t")
    assert (b.title, b.published) == ("", dt.date(2024, 3, 5))
