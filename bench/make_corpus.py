"""Generate a JSONL corpus of synthetic Vietnamese party-news articles.

Each article is about 400 words in the style of provincial party news: a
delegation of a provincial party body inspects, supervises or works with a
district, under a plan that carries out a central document, with officials,
titles, document codes and dates. Everything is made from the templates and
lists below (fictional people, real places), deterministically from a seed.

    python bench/make_corpus.py -n 10000            # -> bench/out/corpus_10000.jsonl
    python bench/make_corpus.py -n 500 --seed 7 --out /tmp/c.jsonl

The output (bench/out/) is git-ignored.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path

OUT = Path(__file__).parent / "out"

# Province -> {district (with its type) -> communes}; real units before the 2025 reform.
PLACES = {
    "Cao Bằng": {"huyện Trùng Khánh": ["xã Đàm Thủy", "thị trấn Trùng Khánh"],
                 "huyện Hà Quảng": ["xã Trường Hà", "thị trấn Thông Nông"]},
    "Lạng Sơn": {"huyện Văn Lãng": ["thị trấn Na Sầm", "xã Hoàng Văn Thụ"],
                 "huyện Tràng Định": ["xã Đề Thám", "xã Hùng Sơn"]},
    "Hà Giang": {"huyện Mèo Vạc": ["xã Khâu Vai", "xã Pải Lủng"],
                 "huyện Đồng Văn": ["xã Lũng Cú", "xã Sà Phìn"]},
    "Bắc Kạn": {"huyện Ba Bể": ["xã Nam Mẫu", "xã Quảng Khê"],
                "huyện Chợ Đồn": ["xã Bản Thi", "xã Yên Thượng"]},
    "Nghệ An": {"huyện Nam Đàn": ["xã Kim Liên", "xã Nam Giang"],
                "thị xã Cửa Lò": ["phường Nghi Thu", "phường Thu Thủy"]},
    "Quảng Ngãi": {"huyện Sơn Hà": ["xã Sơn Bao", "xã Sơn Thủy"],
                   "huyện Lý Sơn": ["xã An Vĩnh", "xã An Hải"]},
    "Lâm Đồng": {"huyện Lạc Dương": ["xã Đạ Sar", "xã Lát"],
                 "huyện Đơn Dương": ["xã Ka Đô", "xã Lạc Xuân"]},
    "Đồng Tháp": {"huyện Tháp Mười": ["xã Đốc Binh Kiều", "xã Mỹ An"],
                  "huyện Tam Nông": ["xã Phú Cường", "xã Tân Công Sính"]},
    "Sóc Trăng": {"thị xã Vĩnh Châu": ["xã Lai Hòa", "phường Khánh Hòa"],
                  "huyện Mỹ Xuyên": ["xã Tham Đôn", "xã Đại Tâm"]},
    "Thanh Hóa": {"huyện Quan Hóa": ["xã Phú Lệ", "xã Thiên Phủ"],
                  "huyện Thọ Xuân": ["xã Xuân Lập", "xã Thọ Lâm"]},
}
COMMITTEE = {"huyện": "Huyện ủy", "thị xã": "Thị ủy", "thành phố": "Thành ủy"}

SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Vũ Đặng Bùi Đỗ Hồ Ngô Dương Lý Nông Bế Hà Sầm Lục Thạch Đinh".split()
MIDDLE = {"m": "Văn Đức Hữu Minh Quốc Công".split(), "f": "Thị Thị Ngọc Thu Thanh".split()}
GIVEN = {"m": "Hùng Dũng Khoa Thoại Toàn Kiệt Triều Phát Sình Bảo Chung Lơn Hưng".split(),
         "f": "Hạnh Nguyệt Mến Hiền Lài Phiên Quây Mơ Lan Hoa Nguyên Hương".split()}

# (agency, its party code suffix, the leader's post in it, its topic)
AGENCIES = [
    ("Ban Tuyên giáo", "BTGTU", "Trưởng Ban Tuyên giáo",
     "công tác tuyên truyền, giáo dục chính trị tư tưởng"),
    ("Ban Dân vận", "BDVTU", "Trưởng Ban Dân vận", "công tác dân vận và thực hiện dân chủ ở cơ sở"),
    ("Ủy ban Kiểm tra", "UBKTTU", "Chủ nhiệm Ủy ban Kiểm tra",
     "việc thực hiện nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật trong Đảng"),
    ("Ban Tổ chức", "BTCTU", "Trưởng Ban Tổ chức", "công tác tổ chức, cán bộ và phát triển đảng viên"),
]
# (activity, its plan's purpose, what the delegation did to the district's
# standing committee, the delegation, the title)
KINDS = [
    ("kiểm tra", "kiểm tra", "kiểm tra", "Đoàn kiểm tra", "{body} kiểm tra {topic} tại {district}"),
    ("giám sát", "giám sát", "giám sát", "Đoàn giám sát", "{body} giám sát {topic} tại {district}"),
    ("làm việc", "nắm tình hình", "làm việc với", "Đoàn công tác",
     "{body} làm việc với {committee} về {topic}"),
]
# (central document, its issuer, its date, what it is about)
CENTRAL = [
    ("Nghị quyết số 35-NQ/TW", "Bộ Chính trị", "22/10/2018",
     "tăng cường bảo vệ nền tảng tư tưởng của Đảng"),
    ("Chỉ thị số 05-CT/TW", "Bộ Chính trị", "15/5/2016",
     "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
    ("Quy định số 22-QĐ/TW", "Ban Chấp hành Trung ương", "28/7/2021",
     "công tác kiểm tra, giám sát và kỷ luật của Đảng"),
    ("Kết luận số 43-KL/TW", "Ban Bí thư", "07/01/2019",
     "tiếp tục thực hiện Nghị quyết số 25-NQ/TW về công tác dân vận"),
]
FILLER = [
    "Các đại biểu đã thảo luận, làm rõ thêm những khó khăn, vướng mắc trong quá trình triển khai "
    "nhiệm vụ ở cơ sở, nhất là ở các thôn, bản vùng sâu, vùng xa.",
    "Nhiều chi bộ đã đổi mới nội dung sinh hoạt, gắn việc học tập nghị quyết với giải quyết những "
    "vấn đề bức xúc của người dân ở địa phương.",
    "Đội ngũ báo cáo viên, tuyên truyền viên cơ sở thường xuyên được bồi dưỡng, cập nhật thông tin "
    "để kịp thời định hướng dư luận xã hội.",
    "Công tác phối hợp giữa cấp ủy, chính quyền với Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội "
    "tiếp tục được tăng cường, tạo sự đồng thuận trong Nhân dân.",
    "Tuy nhiên, việc sơ kết, tổng kết ở một số nơi còn chậm; chất lượng sinh hoạt chuyên đề ở một "
    "số chi bộ chưa cao, chưa thu hút được đảng viên trẻ.",
    "Địa phương đề nghị cấp trên quan tâm hỗ trợ kinh phí, trang thiết bị cho hệ thống truyền thanh "
    "cơ sở và tăng cường tập huấn nghiệp vụ cho cán bộ.",
    "Trong năm, toàn huyện đã kết nạp thêm nhiều đảng viên mới, phần lớn là đoàn viên thanh niên "
    "ưu tú và người dân tộc thiểu số.",
    "Việc tiếp công dân, đối thoại trực tiếp giữa người đứng đầu cấp ủy với Nhân dân được duy trì "
    "định kỳ, góp phần giải quyết dứt điểm nhiều vụ việc phức tạp.",
]
TARGET_WORDS = 400


def _person(rng: random.Random) -> str:
    sex = rng.choice("mf")
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE[sex])} {rng.choice(GIVEN[sex])}"


def _date(rng: random.Random, year: int) -> dt.date:
    return dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))


def article(rng: random.Random, number: int) -> dict[str, str]:
    """One synthetic article as a corpus line (url, published, title, text)."""
    province = rng.choice(list(PLACES))
    district = rng.choice(list(PLACES[province]))
    communes = PLACES[province][district]
    unit_type = next(t for t in COMMITTEE if district.startswith(t + " "))
    committee = f"{COMMITTEE[unit_type]} {district[len(unit_type) + 1:]}"
    agency, suffix, post, topic = rng.choice(AGENCIES)
    activity, purpose, verb, delegation, title_template = rng.choice(KINDS)
    doc, doc_issuer, doc_date, doc_about = rng.choice(CENTRAL)
    year = rng.choice([2022, 2023, 2024])
    plan_date = _date(rng, year)
    day = plan_date + dt.timedelta(days=rng.randrange(10, 60))
    plan = f"Kế hoạch số {rng.randrange(1, 300)}-KH/{suffix}"
    leader, deputy, secretary, reporter, commune_head = (_person(rng) for _ in range(5))
    body_of = f"{agency} Tỉnh ủy {province}"
    title = title_template.format(body=body_of, topic=topic, district=district, committee=committee)
    paragraphs = [
        f"Thực hiện {plan} ngày {plan_date:%d/%m/%Y} của {agency} Tỉnh ủy về {purpose} {topic} năm {year}, "
        f"ngày {day.day}/{day.month}, {delegation} của {body_of} do đồng chí {leader} – Ủy viên BTV Tỉnh ủy, "
        f"{post} Tỉnh ủy làm Trưởng đoàn đã {verb} Ban Thường vụ {committee}. Cùng đi có đồng chí "
        f"{deputy} – Phó {post[0].lower()}{post[1:]} Tỉnh ủy.",
        f"Kế hoạch được ban hành nhằm triển khai {doc} ngày {doc_date} của {doc_issuer} về {doc_about}. "
        f"Nội dung {activity} tập trung vào {topic} trong {rng.choice(['năm', '6 tháng đầu năm', '9 tháng đầu năm'])} {year}.",
        f"Báo cáo với đoàn, đồng chí {secretary}, Tỉnh ủy viên, Bí thư {committee} cho biết, Ban Thường vụ "
        f"{committee} đã ban hành nhiều văn bản lãnh đạo, chỉ đạo; tổ chức quán triệt cho trên "
        f"{rng.randrange(85, 99)}% cán bộ, đảng viên. Tại {communes[0]}, đồng chí {commune_head}, Chủ tịch "
        f"UBND xã báo cáo kết quả thực hiện các chỉ tiêu kinh tế - xã hội và xây dựng Đảng ở cơ sở.",
        f"Phát biểu kết luận, đồng chí {leader} ghi nhận những kết quả {committee} đạt được, đồng thời đề nghị "
        f"địa phương tiếp tục quan tâm lãnh đạo, chỉ đạo, khắc phục hạn chế, nhất là ở {communes[1]}.",
    ]
    words = sum(len(p.split()) for p in paragraphs) + len(title.split())
    filler = rng.sample(FILLER, len(FILLER))
    while words < TARGET_WORDS:
        sentence = filler.pop() if filler else rng.choice(FILLER)
        paragraphs.insert(rng.randrange(2, len(paragraphs)), sentence)
        words += len(sentence.split())
    paragraphs.append(_person(rng))   # byline
    published = day + dt.timedelta(days=rng.randrange(1, 4))
    return {"url": f"https://example.invalid/bench/{number}", "published": published.isoformat(),
            "title": title, "text": "\n\n".join(paragraphs)}


def articles(n: int, seed: int = 0) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    for i in range(1, n + 1):
        yield article(rng, i)


def write_corpus(path: Path, n: int, seed: int = 0) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for obj in articles(n, seed):
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=10_000, help="number of articles (10000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, help="default: bench/out/corpus_<n>.jsonl")
    args = parser.parse_args()
    path = write_corpus(args.out or OUT / f"corpus_{args.n}.jsonl", args.n, args.seed)
    print(f"{args.n} articles -> {path} ({path.stat().st_size / 2**20:.1f} MB)")


if __name__ == "__main__":
    main()
