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
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
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


# =============================================================================
# The news corpus with overlap (--news): one world of officials, many outlets
# =============================================================================
#
# A fixed world (provinces of the map before the 2025 reform, from
# kg.gazetteer; in each, a pool of officials whose posts last a term) carries
# out oversight campaigns: a plan, then one to five outings ("đợt"), each an
# event with an inspecting body, a day, a leader, one to three targets and the
# plan it carries out. Each event is reported by one to four outlets, each in
# its own words and with its own detail. A share of the articles are
# conferences (no oversight activity happened). Everything the articles state
# is also written down as ground truth.

NEWS_FIRST_DAY = dt.date(2019, 1, 2)
NEWS_LAST_DAY = dt.date(2025, 6, 30)      # the last day of the map before the reform
NEWS_EVENT_LAST_DAY = dt.date(2025, 6, 20)
TERM_START = {"province": dt.date(2020, 10, 15), "district": dt.date(2020, 7, 15),
              "commune": dt.date(2020, 5, 15)}

NEWS_SURNAMES = {
    "Nguyễn": 30, "Trần": 10, "Lê": 8, "Phạm": 6, "Hoàng": 5, "Phan": 4, "Vũ": 4, "Võ": 3,
    "Đặng": 2, "Bùi": 2, "Đỗ": 2, "Hồ": 1.5, "Ngô": 1.5, "Dương": 1, "Lý": 1, "Đinh": 1,
    "Đoàn": 1, "Trịnh": 1, "Lương": 1, "Hà": 1.5, "Nông": 1.5, "Bế": 1, "Lục": 0.8, "Sầm": 0.5,
    "Lò": 0.8, "Thạch": 0.6, "Triệu": 0.6, "Đàm": 0.5, "Mai": 0.6, "Cao": 0.6, "Tạ": 0.5,
}
NEWS_MIDDLE = {"m": ["Văn", "Văn", "Đức", "Hữu", "Đình", "Công", "Quốc", "Minh", "Trọng", "Quang",
                     "Tiến", "Mạnh", "Duy", "Thế", "Bá"],
               "f": ["Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Kim", "Bích", "Hồng", "Thùy"]}
NEWS_GIVEN = {"m": ["An", "Bảo", "Bình", "Cường", "Chiến", "Chính", "Dũng", "Đạt", "Điệp", "Định",
                    "Đông", "Giang", "Hải", "Hào", "Hiếu", "Hiệp", "Hòa", "Hùng", "Huy", "Hưng",
                    "Khải", "Khánh", "Khoa", "Kiên", "Lâm", "Lộc", "Long", "Luân", "Lực", "Nam",
                    "Nghĩa", "Nhân", "Ninh", "Phong", "Phúc", "Quân", "Quyết", "Sơn", "Tài", "Tân",
                    "Thắng", "Thành", "Thịnh", "Thông", "Toàn", "Trung", "Trường", "Tú", "Tuấn",
                    "Tùng", "Việt", "Vinh"],
             "f": ["Anh", "Bích", "Châu", "Chi", "Dung", "Duyên", "Hạnh", "Hằng", "Hiền", "Hoa",
                   "Huệ", "Hương", "Hường", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga",
                   "Ngân", "Nhung", "Oanh", "Quyên", "Quỳnh", "Tâm", "Thảo", "Thơm", "Thủy", "Thúy",
                   "Trang", "Tuyết", "Uyên", "Vân", "Yến"]}
# Names given to officials in many provinces (namesakes: kept apart by province).
COMMON_NAMES = ["Nguyễn Văn Hùng", "Nguyễn Thị Hương", "Trần Văn Dũng"]

# A post: (role key of kg/tables/roles.csv, the title, the body it is in).
# Bodies: "tu" the party committee, "btv" its standing committee, "bch" the
# elected committee (written "Tỉnh ủy viên"), "tc" "tg" "dv" "ubkt" "vp" its
# agencies, "ubnd" "hdnd" the people's committee and council.
_BTV = ("member", "Ủy viên", "btv")
_BCH = ("member", "Ủy viên", "bch")
# seat -> posts (memberships first, then the post itself, then one held with it)
PROVINCE_SEATS: dict[str, list[tuple[str, str, str]]] = {
    "secretary": [("secretary", "Bí thư", "tu")],
    "deputy_chair": [("deputy_secretary", "Phó Bí thư", "tu"), ("chair", "Chủ tịch", "ubnd")],
    "standing_deputy": [("standing_deputy_secretary", "Phó Bí thư Thường trực", "tu")],
    "tc_head": [_BTV, ("head", "Trưởng", "tc")],
    "ubkt_head": [_BTV, ("chairman_commission", "Chủ nhiệm", "ubkt")],
    "tg_head": [_BTV, ("head", "Trưởng", "tg")],
    "dv_head": [_BTV, ("head", "Trưởng", "dv")],
    "vp_chief": [_BCH, ("chief_of_office", "Chánh", "vp")],
    "ubnd_vice": [_BCH, ("vice_chair", "Phó Chủ tịch", "ubnd")],
    "hdnd_vice": [("vice_chair", "Phó Chủ tịch", "hdnd")],
    "tc_deputy": [("deputy_head", "Phó Trưởng", "tc")],
    "ubkt_deputy": [("vice_chairman_commission", "Phó Chủ nhiệm", "ubkt")],
    "ubkt_deputy2": [("vice_chairman_commission", "Phó Chủ nhiệm", "ubkt")],
    "tg_deputy": [("deputy_head", "Phó Trưởng", "tg")],
    "tg_deputy2": [("deputy_head", "Phó Trưởng", "tg")],
    "dv_deputy": [("deputy_head", "Phó Trưởng", "dv")],
}
# who may step up to a seat at the congress of 2020
FEEDERS = {"secretary": ["standing_deputy"], "deputy_chair": ["ubnd_vice"],
           "standing_deputy": ["tc_head", "ubkt_head"], "tc_head": ["tc_deputy"],
           "ubkt_head": ["ubkt_deputy", "ubkt_deputy2"], "tg_head": ["tg_deputy", "tg_deputy2"],
           "dv_head": ["dv_deputy"]}
DISTRICT_SEATS = {
    "secretary": [("member", "Ủy viên", "pbch"), ("secretary", "Bí thư", "tu")],
    "standing_deputy": [("standing_deputy_secretary", "Phó Bí thư Thường trực", "tu")],
    "chair": [("deputy_secretary", "Phó Bí thư", "tu"), ("chair", "Chủ tịch", "ubnd")],
    "ubkt_head": [_BTV, ("chairman_commission", "Chủ nhiệm", "ubkt")],
}
COMMUNE_SEATS = {
    "secretary": [("secretary", "Bí thư", "tu")],
    "chair": [("chair", "Chủ tịch", "ubnd")],
}
AGENCY_WORDS = {"tc": ("Ban Tổ chức", "Ban TC", "BTC"), "tg": ("Ban Tuyên giáo", "Ban TG", "BTG"),
                "dv": ("Ban Dân vận", "Ban DV", "BDV"), "ubkt": ("Ủy ban Kiểm tra", "UBKT", "UBKT"),
                "vp": ("Văn phòng", "Văn phòng", "VP")}

# Inspecting bodies: (level, body, share, kinds, leader seats, document types)
INSPECTORS = [
    ("province", "btv", 30, ["inspection"] * 5 + ["supervision"] * 4,
     ["standing_deputy", "tc_head", "ubkt_head", "tg_head", "dv_head", "deputy_chair"], ["KH", "KH", "QĐ"]),
    ("province", "ubkt", 20, ["inspection", "supervision"], ["ubkt_head", "ubkt_deputy", "ubkt_deputy2"], ["KH"]),
    ("province", "tg", 10, ["inspection", "working_session"], ["tg_head", "tg_deputy", "tg_deputy2"], ["KH"]),
    ("province", "tc", 10, ["inspection", "working_session"], ["tc_head", "tc_deputy"], ["KH"]),
    ("province", "dv", 8, ["supervision", "working_session"], ["dv_head", "dv_deputy"], ["KH"]),
    ("district", "btv", 12, ["inspection", "supervision"], ["secretary", "standing_deputy", "ubkt_head"], ["KH", "QĐ"]),
    ("district", "ubkt", 10, ["inspection", "supervision"], ["ubkt_head"], ["KH"]),
]
NEWS_TOPICS = {
    "btv": ["công tác cán bộ", "việc thực hiện Nghị quyết Đại hội Đảng bộ", "công tác xây dựng Đảng",
            "việc thực hiện quy chế dân chủ ở cơ sở", "công tác phòng, chống tham nhũng, tiêu cực",
            "việc lãnh đạo thực hiện nhiệm vụ phát triển kinh tế - xã hội"],
    "ubkt": ["việc thực hiện nhiệm vụ kiểm tra, giám sát", "việc thu, nộp, quản lý và sử dụng đảng phí",
             "việc kê khai tài sản, thu nhập", "việc giải quyết đơn thư, khiếu nại, tố cáo",
             "việc chấp hành Điều lệ Đảng"],
    "tg": ["công tác tuyên giáo", "công tác bảo vệ nền tảng tư tưởng của Đảng",
           "việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"],
    "tc": ["công tác tổ chức, cán bộ", "công tác phát triển đảng viên", "việc sắp xếp tổ chức bộ máy"],
    "dv": ["công tác dân vận", "việc thực hiện dân chủ ở cơ sở", "phong trào thi đua dân vận khéo"],
}
# The templates keep to wordings kg.extract reads. It misreads, and so they avoid:
# * "theo Kế hoạch số …" in the activity's sentence ("theo kế hoạch" is a future cue);
# * "<body> do đồng chí … làm trưởng đoàn đã kiểm tra" (only a delegation takes "do … làm
#   trưởng đoàn"; a body subject gets "Trưởng đoàn là đồng chí …" in a sentence of its own);
# * "Thực hiện Kế hoạch số N-KH/X, ngày D/M, Đoàn …" (the day becomes the plan's date);
# * a delegation word in a document's subject ("về thành lập các đoàn giám sát …");
# * "đoàn" followed by "kiểm tra"/"giám sát" in a closing sentence ("đại diện đoàn đề nghị
#   … tự kiểm tra, giám sát"), read as an activity whose kind overrides a working session's;
# * an article that never names its province (bodies and posts stay unresolved).
KIND_WORDS = {  # kind -> (delegation, verbs before "đối với"/"tại"/"với", noun of the outing)
    "inspection": ("Đoàn kiểm tra", ["kiểm tra", "tiến hành kiểm tra"], "Cuộc kiểm tra"),
    "supervision": ("Đoàn giám sát", ["giám sát", "giám sát chuyên đề"], "Cuộc giám sát"),
    "working_session": ("Đoàn công tác", ["làm việc", "có buổi làm việc"], "Buổi làm việc"),
}
# Outlets: key, a URL pattern, days from the event to publication, how much it
# tells (share of reports naming the leader, listing every target, giving the
# document's date and issuer), its byline
OUTLETS = [
    ("bao", "https://bao-{p}.example.invalid/chinh-tri/{slug}-{n}.html", (1, 2), (0.85, 0.75, 0.6), "PV"),
    ("tinhuy", "https://tinhuy-{p}.example.invalid/tin-hoat-dong/{n}", (0, 1), (0.9, 0.85, 0.8), "BBT"),
    ("ptth", "https://ptth-{p}.example.invalid/thoi-su/{slug}-{n}", (0, 1), (0.6, 0.5, 0.2), "BTV"),
    ("kiemtra", "https://tapchi-kiemtra.example.invalid/{y}/{m}/{n}.html", (3, 9), (0.8, 0.8, 0.9), "CTV"),
    ("trunguong", "https://tintuc-dang.example.invalid/tin-dia-phuong/{slug}-{n}", (1, 3), (0.6, 0.4, 0.3), "TTV"),
]
REPORTS_WEIGHTS = (35, 30, 20, 15)          # 1, 2, 3, 4 outlets report an event
CONFERENCE_SHARE = 0.08
REPORTERS = ["Minh Hằng", "Thu Hà", "Quang Huy", "Thanh Tâm", "Hồng Nhung", "Đức Anh", "Lan Phương",
             "Việt Hà", "Ngọc Mai", "Hoài Nam"]
STATEMENTS = [
    "đã ban hành nhiều văn bản lãnh đạo, chỉ đạo và tổ chức quán triệt cho trên {pct}% cán bộ, đảng viên",
    "đã kịp thời cụ thể hóa các chủ trương của cấp trên bằng chương trình, kế hoạch sát với thực tế",
    "đã tập trung rà soát, bổ sung quy chế làm việc và phân công nhiệm vụ cụ thể cho từng cấp ủy viên",
    "đã chỉ đạo các chi bộ đổi mới nội dung sinh hoạt, nâng tỷ lệ chi bộ hoàn thành tốt nhiệm vụ lên {pct}%",
]
REQUESTS = [
    "đề nghị địa phương tiếp tục quan tâm lãnh đạo, chỉ đạo, khắc phục những hạn chế đã được chỉ ra",
    "đề nghị cấp ủy tập trung rà soát, hoàn thiện hồ sơ và báo cáo kết quả khắc phục trước cuối năm",
    "ghi nhận những kết quả đã đạt được, đồng thời đề nghị phát huy vai trò nêu gương của người đứng đầu",
    "đề nghị cấp ủy phát huy dân chủ, kịp thời phát hiện và chấn chỉnh những thiếu sót",
]


@dataclass(frozen=True)
class NUnit:
    """A unit of the map before the reform, as the news name it."""
    kind: str            # province | district | commune
    unit_type: str       # tỉnh, huyện, thị xã, thành phố, xã, phường, thị trấn
    name: str
    province: str        # the province's full name ("tỉnh Cao Bằng")
    parent: str | None   # the district's full name, for a commune

    @property
    def full(self) -> str:
        return f"{self.unit_type} {self.name}"

    @property
    def committee(self) -> str:
        """"Tỉnh ủy", "Huyện ủy", "Thị ủy", "Thành ủy", "Đảng ủy xã"."""
        return {"tỉnh": "Tỉnh ủy", "huyện": "Huyện ủy", "thị xã": "Thị ủy", "thành phố": "Thành ủy",
                "quận": "Quận ủy"}.get(self.unit_type, f"Đảng ủy {self.unit_type}")

    @property
    def level_code(self) -> str:
        """The level's code in a document number: TU, HU, TXU, ThU, ĐU."""
        return {"tỉnh": "TU", "huyện": "HU", "thị xã": "TXU", "thành phố": "ThU", "quận": "QU"}.get(
            self.unit_type, "ĐU")


def body_name(unit: NUnit, body: str, style: str = "canon") -> str:
    """A body of ``unit`` as the news write it. ``canon`` is the name the
    extractor gives it (and the ground truth uses); ``short`` leaves the
    place to the context ("Ban Tuyên giáo Tỉnh ủy"); ``abbr`` abbreviates."""
    c = unit.committee
    if unit.kind == "commune":
        style = "canon"          # a commune's bodies are always written with its name
    if body == "tu":
        return {"canon": f"{c} {unit.name}", "short": c, "abbr": f"{c} {unit.name}"}[style]
    if body == "btv":
        return {"canon": f"Ban Thường vụ {c} {unit.name}", "short": f"Ban Thường vụ {c}",
                "abbr": f"BTV {c}"}[style]
    if body in ("bch", "pbch"):
        place = unit.province if body == "pbch" else unit.full
        return f"Ban Chấp hành Đảng bộ {place}"
    if body in AGENCY_WORDS:
        full, abbr, _ = AGENCY_WORDS[body]
        return {"canon": f"{full} {c} {unit.name}", "short": f"{full} {c}", "abbr": f"{abbr} {c}"}[style]
    if body in ("ubnd", "hdnd"):
        full, abbr = ("Ủy ban nhân dân", "UBND") if body == "ubnd" else ("Hội đồng nhân dân", "HĐND")
        return {"canon": f"{full} {unit.full}", "short": f"{abbr} {unit.unit_type}",
                "abbr": f"{abbr} {unit.full}"}[style]
    raise ValueError(body)


@dataclass(frozen=True)
class NPost:
    role: str        # roles.csv key
    title: str       # "Trưởng"
    body: str        # a key of body_name
    unit: NUnit

    @property
    def label(self) -> str:
        """The post as the extractor labels it: "Trưởng Ban Tuyên giáo Tỉnh ủy Cao Bằng"."""
        return f"{self.title} {body_name(self.unit, self.body)}"

    def written(self, rng: random.Random, full: bool) -> str:
        """The post as one item of a title chain."""
        if self.body == "bch":        # "Tỉnh ủy viên", "Huyện ủy viên", "Đảng ủy viên"
            return "Đảng ủy viên" if self.unit.kind == "commune" else f"{self.unit.committee} viên"
        if self.body == "pbch":       # a district's secretary in the provincial committee
            return "Tỉnh ủy viên"
        style = "canon" if full else rng.choice(["short", "short", "abbr"])
        return f"{self.title} {body_name(self.unit, self.body, style)}"


@dataclass
class NPerson:
    name: str
    unit: NUnit                               # where the seat is
    seats: dict[int, tuple[str, list[NPost]]] = field(default_factory=dict)   # term -> seat, posts

    @property
    def province(self) -> str:
        return self.unit.province


class NewsWorld:
    """The provinces, their units and the officials who hold their seats."""

    def __init__(self, rng: random.Random, provinces: int, districts: int, communes: int) -> None:
        from kg.gazetteer import PRE2025, gazetteer
        from kg.model import UnitLevel
        from kg.text import fold
        self.rng = rng
        g = gazetteer()
        surnames = set(NEWS_SURNAMES) | set(SURNAMES)
        # "tỉnh Bà Rịa - Vũng Tàu" is left out: the extractor does not read a name with a dash
        candidates = [p for p in g.units(PRE2025, UnitLevel.PROVINCE) if p.unit_type == "tỉnh" and "-" not in p.name]
        chosen = sorted(rng.sample(candidates, min(provinces, len(candidates))), key=lambda u: u.code)
        self.provinces: list[NUnit] = []
        self.districts: dict[str, list[NUnit]] = {}      # province -> districts
        self.communes: dict[str, list[NUnit]] = {}       # district -> communes
        self.people: list[NPerson] = []
        self.holders: dict[tuple[NUnit, str, int], NPerson] = {}   # (unit, seat, term) -> person
        taken_names: set[str] = set()     # a district's name, once: documents are scoped by it

        def plain(name: str) -> bool:
            # no numbered wards, no unit named after a person ("xã Hoàng Văn Thụ")
            words = name.split()
            return (not any(ch.isdigit() for ch in name) and all(w[0].isupper() for w in words)
                    and not (len(words) >= 3 and words[0] in surnames))

        for p in chosen:
            prov = NUnit("province", p.unit_type, p.name, p.full_name, None)
            self.provinces.append(prov)
            ds = [d for d in g.children(p) if d.unit_type in ("huyện", "thị xã", "thành phố")
                  and d.name != p.name and plain(d.name) and d.full_name not in taken_names]
            ds = sorted(rng.sample(ds, min(districts, len(ds))), key=lambda u: u.code)
            all_communes = [c for d in g.children(p) for c in g.children(d)]
            names = Counter(fold(c.name) for c in all_communes)
            district_names = {fold(d.name) for d in g.children(p)}
            self.districts[prov.full] = []
            taken_names.update(d.full_name for d in ds)
            for d in ds:
                dist = NUnit("district", d.unit_type, d.name, prov.full, None)
                self.districts[prov.full].append(dist)
                cs = [c for c in g.children(d) if names[fold(c.name)] == 1 and plain(c.name)
                      and fold(c.name) not in district_names]
                cs = sorted(rng.sample(cs, min(communes, len(cs))), key=lambda u: u.code)
                self.communes[dist.full] = [NUnit("commune", c.unit_type, c.name, prov.full, dist.full)
                                            for c in cs]
        for prov in self.provinces:
            used: set[str] = set()
            self._staff(prov, PROVINCE_SEATS, used)
            for dist in self.districts[prov.full]:
                self._staff(dist, DISTRICT_SEATS, used)
                for com in self.communes[dist.full]:
                    self._staff(com, COMMUNE_SEATS, used)
        self._namesakes()

    # --- officials -----------------------------------------------------------------

    def _name(self, used: set[str]) -> str:
        rng = self.rng
        while True:
            sex = "f" if rng.random() < 0.3 else "m"
            name = (f"{rng.choices(list(NEWS_SURNAMES), list(NEWS_SURNAMES.values()))[0]} "
                    f"{rng.choice(NEWS_MIDDLE[sex])} {rng.choice(NEWS_GIVEN[sex])}")
            if name not in used and name not in COMMON_NAMES:
                used.add(name)
                return name

    def _staff(self, unit: NUnit, seats: dict[str, list[tuple[str, str, str]]], used: set[str]) -> None:
        """Two terms: until the congress of 2020 and after it. Half the holders
        stay; a seat that changes hands goes to a deputy who steps up, or to
        someone new."""
        rng = self.rng

        def posts(seat: str) -> list[NPost]:
            return [NPost(role, title, body, unit) for role, title, body in seats[seat]]

        def new() -> NPerson:
            person = NPerson(self._name(used), unit)
            self.people.append(person)
            return person

        for seat in seats:
            person = new()
            person.seats[0] = (seat, posts(seat))
            self.holders[unit, seat, 0] = person
        taken: set[int] = set()
        for seat in seats:
            before = self.holders[unit, seat, 0]
            person = None
            if rng.random() < 0.5 and id(before) not in taken:
                person = before
            elif rng.random() < 0.5:
                feeders = [self.holders[unit, f, 0] for f in FEEDERS.get(seat, []) if f in seats]
                feeders = [f for f in feeders if id(f) not in taken]
                if feeders:
                    person = rng.choice(feeders)
            if person is None:
                person = new()
            taken.add(id(person))
            person.seats[1] = (seat, posts(seat))
            self.holders[unit, seat, 1] = person

    def _namesakes(self) -> None:
        """Give the common names to a provincial official in most provinces."""
        rng = self.rng
        for name in COMMON_NAMES:
            for prov in self.provinces:
                if rng.random() < 0.7:
                    seat = rng.choice(["tc_head", "ubkt_head", "tg_head", "dv_head", "ubkt_deputy",
                                       "tg_deputy", "tc_deputy", "standing_deputy"])
                    person = self.holders[prov, seat, rng.randrange(2)]
                    if all(p.name != name for p in self.people if p.province == prov.full):
                        person.name = name

    def holder(self, unit: NUnit, seat: str, day: dt.date) -> tuple[NPerson, list[NPost]]:
        term = 0 if day < TERM_START[unit.kind] else 1
        person = self.holders[unit, seat, term]
        return person, person.seats[term][1]


@dataclass
class NDocument:
    code: str
    doc_type: str        # Kế hoạch, Quyết định
    issuer: str          # canonical
    issuer_unit: NUnit
    issuer_body: str
    date: dt.date
    about: str
    scope: str           # the place that scopes the local code
    upstream: tuple[str, str, str, str] | None = None   # a central document it carries out


@dataclass
class NEvent:
    id: int
    kind: str
    level: str
    body: str
    unit: NUnit                   # the inspecting body's unit
    day: dt.date
    leader: NPerson
    leader_posts: list[NPost]
    targets: list[NUnit]
    document: NDocument
    topic: str
    number: int | None            # "Đoàn kiểm tra số 3"
    companions: list[tuple[NPerson, list[NPost]]]
    reports: list[dict] = field(default_factory=list)

    @property
    def inspector(self) -> str:
        return body_name(self.unit, self.body)

    @property
    def province(self) -> str:
        return self.unit.province


DOC_TYPE_WORDS = {"KH": "Kế hoạch", "QĐ": "Quyết định"}


class NewsCorpus:
    """Campaigns and events in a world, and the articles that report them."""

    def __init__(self, n: int, seed: int, provinces: int = 16, districts: int = 8, communes: int = 6,
                 reports_weights: tuple[int, ...] = REPORTS_WEIGHTS,
                 conference_share: float = CONFERENCE_SHARE) -> None:
        self.n = n
        self.seed = seed
        self.rng = random.Random(f"news:{seed}")
        self.world = NewsWorld(self.rng, provinces, districts, communes)
        self.reports_weights = reports_weights
        self.events: list[NEvent] = []
        self.documents: dict[tuple[str, str], NDocument] = {}   # (code, scope) -> document
        self.counters: Counter[tuple[NUnit, str]] = Counter()
        self.conferences = round(n * conference_share)
        self._campaigns(n - self.conferences)

    # --- events ----------------------------------------------------------------------

    def _campaigns(self, reports_wanted: int) -> None:
        rng, w = self.rng, self.world
        weights = [row[2] for row in INSPECTORS]
        reports = 0
        planned: list[NEvent] = []
        while reports < reports_wanted:
            level, body, _, kinds, seats, doc_types = rng.choices(INSPECTORS, weights)[0]
            prov = rng.choice(w.provinces)
            unit = prov if level == "province" else rng.choice(w.districts[prov.full])
            year = rng.randrange(NEWS_FIRST_DAY.year, NEWS_LAST_DAY.year + 1)
            last_plan = dt.date(year, 4, 30) if year == NEWS_LAST_DAY.year else dt.date(year, 10, 31)
            plan_day = dt.date(year, 1, 3) + dt.timedelta(days=rng.randrange((last_plan - dt.date(year, 1, 3)).days))
            kind = rng.choice(kinds)
            topic = rng.choice(NEWS_TOPICS[body])
            doc = self._document(unit, body, rng.choice(doc_types), plan_day, kind, topic)
            outings = rng.choices((1, 2, 3, 4, 5), (25, 30, 25, 12, 8))[0]
            if level == "province":
                pool = list(w.districts[prov.full])
            else:
                pool = list(w.communes[unit.full])
            rng.shuffle(pool)
            leaders = list(seats)
            rng.shuffle(leaders)
            for k in range(outings):
                if not pool:
                    break
                day = plan_day + dt.timedelta(days=rng.randrange(7, 75))
                if day > NEWS_EVENT_LAST_DAY:
                    break
                if level == "province":
                    district = pool.pop()
                    targets = [district]
                    communes = w.communes[district.full]
                    extra = rng.choices((0, 1, 2), (45, 35, 20))[0]
                    targets += rng.sample(communes, min(extra, len(communes)))
                else:
                    targets = [pool.pop() for _ in range(min(len(pool), rng.choices((1, 2, 3), (50, 35, 15))[0]))]
                seat = leaders[k % len(leaders)]
                leader, posts = w.holder(unit, seat, day)
                companions = []
                for other in leaders:
                    if other != seat and len(companions) < rng.randrange(0, 3):
                        person, cposts = w.holder(unit, other, day)
                        if person is not leader:
                            companions.append((person, cposts))
                event = NEvent(0, kind, level, body, unit, day, leader, posts, targets, doc, topic,
                               (k + 1) if body == "btv" else None, companions)
                planned.append(event)
                reports += self._plan_reports(event)
                if reports >= reports_wanted:
                    break
        # the last event loses the reports beyond the number wanted (it keeps one:
        # reports was below the number before it was added)
        over = reports - reports_wanted
        if over > 0:
            del planned[-1].reports[-over:]
        planned.sort(key=lambda e: (e.day, e.unit.full, e.body))
        for i, event in enumerate(planned, 1):
            event.id = i
        self.events = planned

    def _document(self, unit: NUnit, body: str, doc_type: str, day: dt.date, kind: str,
                  topic: str) -> NDocument:
        rng = self.rng
        agency = AGENCY_WORDS[body][2] if body in AGENCY_WORDS else ""
        suffix = f"{agency}{unit.level_code}"
        self.counters[unit, suffix] += rng.randrange(1, 12)
        number = self.counters[unit, suffix]
        code = f"{number}-{doc_type}/{suffix}"
        verb = {"inspection": "kiểm tra", "supervision": "giám sát", "working_session": "làm việc, nắm tình hình về"}[kind]
        about = f"{verb} {topic} năm {day.year}"
        upstream = rng.choice(CENTRAL) if rng.random() < 0.5 else None
        doc = NDocument(code, DOC_TYPE_WORDS[doc_type], body_name(unit, body), unit, body, day, about,
                        unit.full, upstream)
        self.documents[code, unit.full] = doc
        return doc

    def _plan_reports(self, event: NEvent) -> int:
        """Which outlets report the event, when, and with what detail."""
        rng = self.rng
        k = rng.choices(range(1, len(self.reports_weights) + 1), self.reports_weights)[0]
        outlets = list(OUTLETS)
        if event.body != "ubkt":
            outlets = [o for o in outlets if o[0] != "kiemtra"]
        if event.level == "district":
            outlets = [o for o in outlets if o[0] != "trunguong"]
        chosen = rng.sample(outlets, min(k, len(outlets)))
        for outlet in chosen:
            key, _, (lag0, lag1), (p_leader, p_targets, p_doc), _ = outlet
            targets = list(event.targets)
            if len(targets) > 1 and rng.random() > p_targets:
                targets.pop(rng.randrange(1, len(targets)))      # one of the targets left out
            published = min(event.day + dt.timedelta(days=rng.randint(lag0, lag1)), NEWS_LAST_DAY)
            event.reports.append({
                "outlet": key, "published": published,
                "names_leader": rng.random() < p_leader,
                "targets": targets,
                "delegation": rng.random() < 0.6,       # names the delegation, else the body it acts for
                "document": "full" if rng.random() < p_doc else rng.choice(["code", "code", "none"]),
                "central": event.document.upstream is not None and rng.random() < 0.5,
            })
        return len(event.reports)

    # --- articles ------------------------------------------------------------------

    def _date_phrase(self, day: dt.date, lead: bool = True) -> str:
        rng = self.rng
        d, m, y = day.day, day.month, day.year
        text = rng.choice([f"Ngày {d}/{m}/{y}", f"Ngày {d}/{m}", f"Sáng {d}/{m}", f"Chiều {d}/{m}/{y}",
                           f"Sáng ngày {d}/{m}/{y}", f"Ngày {d} tháng {m} năm {y}", f"Chiều ngày {d:02}/{m:02}"])
        return text if lead else text[0].lower() + text[1:]

    def _chain(self, posts: list[NPost]) -> list[NPost]:
        """The posts a mention states: all of them, or without the committee
        memberships, or only the first of the rest."""
        rng = self.rng
        kept = list(posts)
        roll = rng.random()
        if roll < 0.25:
            kept = [p for p in posts if p.body not in ("btv", "bch", "pbch")] or kept
        elif roll < 0.35:
            kept = [next((p for p in posts if p.body not in ("btv", "bch", "pbch")), posts[0])]
        return kept

    def _written(self, posts: list[NPost], full: bool = False) -> str:
        rng = self.rng
        items = []
        for p in posts:
            # district and commune posts always name their unit; the province
            # is the article's own, so its bodies may leave it out
            canon = full or p.unit.kind != "province" or rng.random() < 0.35
            items.append(p.written(rng, canon))
        return ", ".join(items)

    def _person(self, person: NPerson, posts: list[NPost], mentions: list, style: str | None = None,
                full: bool = False) -> str:
        """A person as the news name them, with a title chain; the mention is
        recorded for the ground truth."""
        rng = self.rng
        stated = self._chain(posts)
        mentions.append((person, stated))
        chain = self._written(stated, full)
        style = style or rng.choice(["comma", "comma", "dash", "title"])
        if style == "title" and len(stated) == 1:
            return f"{chain} {person.name}"
        sep = " – " if style == "dash" else ", "
        return f"đồng chí {person.name}{sep}{chain}"

    @staticmethod
    def _target(unit: NUnit, rng: random.Random) -> tuple[str, bool]:
        """A target as written, and whether it is written as a body."""
        if rng.random() < 0.65:
            if unit.kind == "district":
                return rng.choice([f"Ban Thường vụ {unit.committee} {unit.name}", f"{unit.committee} {unit.name}"]), True
            return rng.choice([f"Đảng ủy {unit.full}", f"Đảng ủy {unit.full}", f"Ban Thường vụ Đảng ủy {unit.full}"]), True
        return unit.full, False

    @staticmethod
    def _join(items: list[str]) -> str:
        return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " và " + items[-1]

    def _docref(self, doc: NDocument, detail: str, issuer: bool = False) -> str:
        """A document cited: with its date, issuer and subject ("full"), or
        by its code, with its issuer when ``issuer``."""
        rng = self.rng
        if detail == "full":
            d = doc.date
            date = rng.choice([f"{d.day}/{d.month}/{d.year}", f"{d.day:02}/{d.month:02}/{d.year}", f"{d.day}-{d.month}-{d.year}"])
            issuer = body_name(doc.issuer_unit, doc.issuer_body, "canon" if rng.random() < 0.4 else "short")
            return f"{doc.doc_type} số {doc.code} ngày {date} của {issuer} về {doc.about}"
        if issuer:
            return f"{doc.doc_type} số {doc.code} của {body_name(doc.issuer_unit, doc.issuer_body, 'short')}"
        return f"{doc.doc_type} số {doc.code}"

    def _report(self, event: NEvent, spec: dict, number: int) -> tuple[dict, dict]:
        rng = self.rng
        unit = event.unit
        deleg, verbs, noun = KIND_WORDS[event.kind]
        verb = rng.choice(verbs)
        outlet = next(o for o in OUTLETS if o[0] == spec["outlet"])
        mentions: list = []
        style = "canon" if spec["outlet"] == "trunguong" or rng.random() < 0.45 else rng.choice(["short", "abbr"])
        if event.level == "district" and style == "abbr":
            style = "short"
        body = body_name(unit, event.body, style)

        targets, as_body = [], []
        for t in spec["targets"]:
            text, is_body = self._target(t, rng)
            targets.append(text)
            as_body.append(is_body)
        if event.kind == "working_session":
            tail = f"{verb} với {self._join(targets)} về {event.topic} năm {event.day.year}"
        else:
            marker = "đối với" if as_body[0] or rng.random() < 0.5 else "tại"
            tail = f"{verb} {marker} {self._join(targets)}"

        doc_detail = spec["document"]
        doc_first = doc_detail != "none" and rng.random() < 0.4
        # "Thực hiện Kế hoạch số 4-KH/BTCTU, ngày 21/7, …": the extractor takes
        # that day for the plan's date, so a bare code names its issuer there
        docref = self._docref(event.document, doc_detail, issuer=doc_first) if doc_detail != "none" else None
        leader_named = spec["names_leader"]
        delegation = spec["delegation"]
        delegation_text = None
        sentences: list[str] = []
        led = ""
        if leader_named and delegation:
            who = self._person(event.leader, event.leader_posts, mentions,
                               style=rng.choice(["comma", "dash", "title"]))
            led = f" do {who} làm {rng.choice(['Trưởng đoàn', 'trưởng đoàn'])}"
        if delegation:
            number_text = f" số {event.number}" if event.number and rng.random() < 0.8 else ""
            delegation_text = f"{deleg}{number_text}"
            subject = f"{deleg}{number_text} của {body}"
        else:
            subject = body
        if doc_first:
            lead = f"Thực hiện {docref}, {self._date_phrase(event.day, lead=False)}, {subject}{led} đã {tail}."
        else:
            lead = f"{self._date_phrase(event.day)}, {subject}{led} đã {tail}."
        sentences.append(lead)
        if leader_named and not delegation:
            who = self._person(event.leader, event.leader_posts, mentions, style=rng.choice(["comma", "dash"]))
            sentences.append(f"{rng.choice(['Trưởng đoàn', 'Trưởng đoàn ' + KIND_WORDS[event.kind][1][0]])} là {who}.")
        if event.companions and rng.random() < 0.6:
            who = [self._person(p, posts, mentions, style="comma").removeprefix("đồng chí ")
                   for p, posts in event.companions]
            sentences.append(f"Cùng đi có đồng chí {who[0]}." if len(who) == 1
                             else f"Tham gia đoàn có các đồng chí: {'; '.join(who)}.")
        paragraphs = [" ".join(sentences)]
        para2 = []
        if docref is not None and not doc_first:
            para2.append(rng.choice([f"{noun} được tiến hành theo {docref}.",
                                     f"{noun} nhằm thực hiện {docref}."]))
        central: list[str] = []
        if spec["central"] and docref is not None:
            c_doc, c_issuer, c_date, c_about = event.document.upstream
            para2.append(f"{event.document.doc_type} được ban hành nhằm triển khai {c_doc} ngày {c_date} "
                         f"của {c_issuer} về {c_about}.")
            central = re.findall(r"\d+-[A-ZĐ]+/TW", f"{c_doc} {c_about}")
        if event.kind != "working_session":
            para2.append(f"Nội dung {KIND_WORDS[event.kind][1][0]} tập trung vào {event.topic} "
                         f"{rng.choice(['năm', 'trong năm', '6 tháng đầu năm'])} {event.day.year}.")
        if para2:
            paragraphs.append(" ".join(para2))
        # the province is named at least once: in the inspecting body, or here
        if event.level == "district" or style != "canon" or rng.random() < 0.3:
            district = unit if event.level == "district" else event.targets[0]
            paragraphs.append(f"{district.full[0].upper()}{district.full[1:]}, {event.province} hiện có "
                              f"{rng.randrange(12, 60)} tổ chức cơ sở đảng với hơn {rng.randrange(2, 9)}.{rng.randrange(100, 999)} đảng viên.")
        # the targets report, the leader concludes
        first = spec["targets"][0]
        seat = "secretary"
        reporter, rposts = self.world.holder(first, seat, event.day)
        stmt = rng.choice(STATEMENTS).format(pct=rng.randrange(85, 99))
        who = self._person(reporter, rposts, mentions, style=rng.choice(["comma", "dash", "title"]))
        paragraphs.append(f"Báo cáo với đoàn, {who} cho biết, {first.committee} {first.name} {stmt}.")
        if len(spec["targets"]) > 1 and rng.random() < 0.5:
            commune = spec["targets"][-1]
            chair, cposts = self.world.holder(commune, "chair", event.day)
            who = self._person(chair, cposts, mentions, style="comma")
            paragraphs.append(f"Tại {commune.full}, {who} báo cáo kết quả thực hiện các chỉ tiêu "
                              f"kinh tế - xã hội và xây dựng Đảng ở cơ sở.")
        filler = rng.sample(FILLER, rng.randrange(1, 4))
        paragraphs[2:2] = filler
        request = rng.choice(REQUESTS)
        if leader_named:
            short = event.leader.name.split()[-1] if rng.random() < 0.5 else event.leader.name
            paragraphs.append(f"Phát biểu kết luận, đồng chí {short} {request}.")
        else:
            paragraphs.append(f"Kết luận {noun[0].lower()}{noun[1:]}, đại diện đoàn {request}.")
        paragraphs.append(f"{outlet[4]} {rng.choice(REPORTERS)}")

        title = self._headline(event, spec, noun)
        url = self._url(outlet, event.province, title, spec["published"], number)
        article = {"url": url, "published": spec["published"].isoformat(), "title": title,
                   "text": "\n\n".join(paragraphs)}
        truth = {"url": url, "event": event.id, "outlet": spec["outlet"], "published": article["published"],
                 "kind": event.kind, "inspector": event.inspector, "date": event.day.isoformat(),
                 "delegation": (f"{delegation_text} của {event.inspector}" if delegation_text else None),
                 "leader": event.leader.name if leader_named else None,
                 "targets": [t.full for t in spec["targets"]],
                 "document": event.document.code if docref else None, "document_detail": doc_detail,
                 "central_documents": central, "persons": _persons_truth(mentions)}
        return article, truth

    def _headline(self, event: NEvent, spec: dict, noun: str) -> str:
        rng = self.rng
        first = spec["targets"][0]
        word = KIND_WORDS[event.kind][1][0]
        short = body_name(event.unit, event.body, "short" if event.level == "province" else "canon")
        province = event.province.removeprefix("tỉnh ")
        place = first.full
        options = {
            "bao": [f"{short} {word} {event.topic} tại {place}", f"{short} {word} tại {place}"],
            "tinhuy": [f"{KIND_WORDS[event.kind][0]} của {short} làm việc tại {place}",
                       f"{short} {word} {event.topic} năm {event.day.year}"],
            "ptth": [f"{word[0].upper()}{word[1:]} {event.topic} tại {place}"],
            "kiemtra": [f"{province}: {short} {word} đối với {first.committee} {first.name}"],
            "trunguong": [f"{province}: {noun.lower()} {event.topic} tại {place}"],
        }[spec["outlet"]]
        return rng.choice(options)

    @staticmethod
    def _url(outlet: tuple, province: str, title: str, day: dt.date, number: int) -> str:
        from kg.text import slug
        return outlet[1].format(p=slug(province.removeprefix("tỉnh ")), slug=slug(title)[:60].strip("-"),
                                n=number, y=day.year, m=f"{day.month:02}")

    def _conference(self, number: int) -> tuple[dict, dict]:
        """A conference: officials, documents, counts, a plan for later; no
        oversight activity happened."""
        rng, w = self.rng, self.world
        prov = rng.choice(w.provinces)
        body = rng.choice(["ubkt", "btv", "tg", "dv", "tc"])
        period, step, month, first_day = rng.choice([("6 tháng đầu năm", "sơ kết", 7, 5), ("năm", "tổng kết", 12, 10),
                                                     ("9 tháng đầu năm", "sơ kết", 10, 1)])
        day = dt.date(rng.randrange(NEWS_FIRST_DAY.year, NEWS_LAST_DAY.year), month, first_day + rng.randrange(20))
        mentions: list = []
        head_seat = {"ubkt": "ubkt_head", "btv": "secretary", "tg": "tg_head", "dv": "dv_head", "tc": "tc_head"}[body]
        head, hposts = w.holder(prov, head_seat, day)
        guest, gposts = w.holder(prov, "standing_deputy" if body != "btv" else "deputy_chair", day)
        topic = rng.choice(["kiểm tra, giám sát", "tuyên giáo", "dân vận", "tổ chức xây dựng Đảng"])
        name = body_name(prov, body)      # the province named once, at least
        chair = self._person(head, hposts, mentions, style="comma")
        paragraphs = [f"{self._date_phrase(day)}, {name} tổ chức hội nghị {step} công tác {topic} {period} "
                      f"{day.year}. {chair[0].upper()}{chair[1:]} chủ trì hội nghị."]
        paragraphs.append(f"Dự hội nghị có {self._person(guest, gposts, mentions, style='comma')}.")
        paragraphs.append(f"Theo báo cáo, {period} {day.year}, cấp ủy các cấp trong tỉnh đã kiểm tra "
                          f"{rng.randrange(12, 90)} tổ chức đảng và {rng.randrange(20, 300)} đảng viên; "
                          f"giám sát chuyên đề {rng.randrange(5, 60)} tổ chức đảng.")
        for dist in rng.sample(w.districts[prov.full], min(2, len(w.districts[prov.full]))):
            sec, sposts = w.holder(dist, "secretary", day)
            paragraphs.append(f"Tham luận tại hội nghị, {self._person(sec, sposts, mentions, style='comma')} "
                              f"nêu kinh nghiệm trong lãnh đạo, chỉ đạo thực hiện nhiệm vụ ở cơ sở.")
        paragraphs += rng.sample(FILLER, 2)
        later = rng.choice(w.districts[prov.full])
        paragraphs.append(f"Trong thời gian tới, {body_name(prov, body, 'short')} sẽ kiểm tra tại {later.full}.")
        paragraphs.append(f"{rng.choice(['PV', 'BBT', 'BTV'])} {rng.choice(REPORTERS)}")
        title = f"{body_name(prov, body, 'short')} {step} công tác {topic} {period} {day.year}"
        outlet = rng.choice(OUTLETS[:3])
        published = min(day + dt.timedelta(days=rng.randint(0, 2)), NEWS_LAST_DAY)
        url = self._url(outlet, prov.full, title, published, number)
        article = {"url": url, "published": published.isoformat(), "title": title, "text": "\n\n".join(paragraphs)}
        truth = {"url": url, "event": None, "outlet": outlet[0], "published": article["published"],
                 "persons": _persons_truth(mentions)}
        return article, truth

    def generate(self) -> list[tuple[dict, dict]]:
        """Every article with its ground truth, in order of publication."""
        reports = sorted(((spec["published"], event.id, spec["outlet"], event, spec)
                          for event in self.events for spec in event.reports), key=lambda x: x[:3])
        rows = [self._report(event, spec, number) for number, (*_, event, spec) in enumerate(reports, 1)]
        rows += [self._conference(len(reports) + i) for i in range(1, self.conferences + 1)]
        rows.sort(key=lambda r: (r[0]["published"], r[0]["url"]))
        return rows


def _persons_truth(mentions: list) -> list[dict]:
    out: dict[str, dict] = {}
    for person, posts in mentions:
        rec = out.setdefault(person.name, {"name": person.name, "province": person.province, "posts": []})
        for p in posts:
            if p.label not in rec["posts"]:
                rec["posts"].append(p.label)
    return list(out.values())


def news_paths(out: Path) -> dict[str, Path]:
    """The corpus and its ground-truth files beside it."""
    stem = out.with_suffix("")
    return {"corpus": out, "truth": Path(f"{stem}.truth.json"), "events": Path(f"{stem}.events.jsonl"),
            "reports": Path(f"{stem}.reports.jsonl")}


def write_news(out: Path, n: int, seed: int = 0, provinces: int = 16, districts: int = 8,
               communes: int = 6, txt: Path | None = None, txt_count: int = 0) -> dict:
    """Write the corpus (JSON lines), its ground truth and, with ``txt``, the
    first ``txt_count`` articles as .txt files; returns the truth summary."""
    paths = news_paths(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    corpus = NewsCorpus(n, seed, provinces, districts, communes)
    rows = corpus.generate()
    with paths["corpus"].open("w", encoding="utf-8") as f:
        for article, _ in rows:
            f.write(json.dumps(article, ensure_ascii=False) + "\n")
    with paths["reports"].open("w", encoding="utf-8") as f:
        for _, truth in rows:
            f.write(json.dumps(truth, ensure_ascii=False) + "\n")
    with paths["events"].open("w", encoding="utf-8") as f:
        for e in corpus.events:
            f.write(json.dumps(_event_json(e), ensure_ascii=False) + "\n")
    if txt is not None and txt_count:
        txt.mkdir(parents=True, exist_ok=True)
        picks = rows[:: max(1, len(rows) // txt_count)][:txt_count]
        for i, (article, truth) in enumerate(picks):
            name = f"{i:03}_{'event' if truth['event'] else 'conference'}.txt"
            (txt / name).write_text(f"---\nurl: {article['url']}\npublished: {article['published']}\n---\n"
                                    f"{article['title']}\n\n{article['text']}\n", encoding="utf-8")
    summary = _summary(corpus, rows)
    paths["truth"].write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return summary


def _event_json(e: NEvent) -> dict:
    doc = e.document
    return {"id": e.id, "kind": e.kind, "level": e.level, "province": e.province, "inspector": e.inspector,
            "delegation": (f"{KIND_WORDS[e.kind][0]} số {e.number} của {e.inspector}" if e.number
                           else f"{KIND_WORDS[e.kind][0]} của {e.inspector}"),
            "date": e.day.isoformat(), "leader": e.leader.name,
            "leader_posts": [p.label for p in e.leader_posts], "targets": [t.full for t in e.targets],
            "document": {"code": doc.code, "type": doc.doc_type, "issuer": doc.issuer,
                         "date": doc.date.isoformat(), "scope": doc.scope,
                         "implements": doc.upstream[0] if doc.upstream else None},
            "topic": e.topic, "reports": [r["outlet"] for r in e.reports]}


def _summary(corpus: NewsCorpus, rows: list[tuple[dict, dict]]) -> dict:
    events = corpus.events
    reports = [t for _, t in rows if t["event"]]
    per_person: Counter[tuple[str, str]] = Counter()
    memberships: set[tuple[str, str, str]] = set()
    for _, t in rows:
        for p in t["persons"]:
            per_person[p["name"], p["province"]] += 1
            memberships.update((p["name"], p["province"], label) for label in p["posts"])
    provinces_of: dict[str, set[str]] = {}
    for name, prov in per_person:
        provinces_of.setdefault(name, set()).add(prov)
    keys = {(t["kind"], t["inspector"], t["date"], t["leader"], tuple(sorted(t["targets"]))) for t in reports}
    named_leader = {t["event"] for t in reports if t["leader"]}
    docs_cited = {(t["document"], events[t["event"] - 1].document.scope) for t in reports if t["document"]}
    docs_cited |= {(code, None) for t in reports for code in t.get("central_documents", ())}
    docs_full = {(t["document"], events[t["event"] - 1].document.scope) for t in reports
                 if t["document"] and t["document_detail"] == "full"}
    by_doc = Counter((e.document.code, e.document.scope) for e in events)
    by_target = Counter(t.full for e in events for t in e.targets)
    by_inspector = Counter(e.inspector for e in events)
    by_year = Counter(e.day.year for e in events)
    communes = Counter(t.full for e in events for t in e.targets if t.kind == "commune")
    unique = [(n, key) for key, n in per_person.most_common()
              if len(provinces_of[key[0]]) == 1 and key[0] not in COMMON_NAMES]
    common = max(COMMON_NAMES, key=lambda n: (len(provinces_of.get(n, ())), n))
    (code, scope), _ = by_doc.most_common(1)[0]
    province = next(e.province for e in events if (e.document.code, e.document.scope) == (code, scope))
    prov_unit = next(p for p in corpus.world.provinces if p.full == province)
    tg_head, _ = corpus.world.holder(prov_unit, "tg_head", dt.date(2022, 6, 1))
    post = f"Trưởng {body_name(prov_unit, 'tg')}"
    # a day a report shows the post held (news give no start or end: cq7 finds the holder on that day)
    post_date = next((t["published"] for _, t in rows for p in t["persons"]
                      if p["name"] == tg_head.name and post in p["posts"] and t["published"] >= "2022"), "2022-06-01")
    detail = Counter()
    for t in reports:
        ev = events[t["event"] - 1]
        detail["leader_named"] += bool(t["leader"])
        detail["all_targets"] += len(t["targets"]) == len(ev.targets)
        detail["delegation_named"] += bool(t["delegation"])
        detail[f"document_{t['document_detail']}"] += 1
    return {
        "generator": {"seed": corpus.seed, "articles": corpus.n, "provinces": [p.full for p in corpus.world.provinces],
                      "districts_per_province": max(len(v) for v in corpus.world.districts.values()),
                      "first_day": NEWS_FIRST_DAY.isoformat(), "last_day": NEWS_LAST_DAY.isoformat()},
        "articles": len(rows),
        "event_reports": len(reports),
        "conference_articles": len(rows) - len(reports),
        "events": len(events),
        "note": "events: the distinct oversight activities the articles report, what a graph that "
                "merges reports should hold; activity_keys_in_reports: distinct (kind, inspector, day, "
                "leader named or not, targets listed) over the reports, what keying an activity by "
                "those gives even with perfect extraction",
        "activity_keys_in_reports": len(keys),
        "events_by_kind": dict(Counter(e.kind for e in events)),
        "events_by_level": dict(Counter(e.level for e in events)),
        "events_by_year": dict(sorted(by_year.items())),
        "reports_per_event": dict(sorted(Counter(len(e.reports) for e in events).items())),
        "events_with_leader_named": len(named_leader),
        "activity_targets": sum(len(e.targets) for e in events),
        "report_detail": {k: round(v / max(1, len(reports)), 3) for k, v in sorted(detail.items())},
        "persons": len(per_person),
        "persons_in_world": len(corpus.world.people),
        "persons_in_100_articles_or_more": sum(1 for n in per_person.values() if n >= 100),
        "most_mentioned": [{"name": k[0], "province": k[1], "articles": n} for k, n in per_person.most_common(5)],
        "namesakes": {n: len(p) for n, p in sorted(provinces_of.items()) if len(p) > 1},
        "memberships": len(memberships),
        "documents": len(docs_cited),
        "documents_with_date_and_issuer": len(docs_full),
        "plans": len(corpus.documents),
        "probes": {
            "person_unique": unique[0][1][0], "person_unique_province": unique[0][1][1],
            "person_unique_articles": unique[0][0],
            "person_common": common, "person_common_provinces": len(provinces_of.get(common, ())),
            "org": by_inspector.most_common(1)[0][0],
            "directive": code, "directive_scope": scope, "directive_events": by_doc[code, scope],
            "target": by_target.most_common(1)[0][0], "year": by_year.most_common(1)[0][0],
            "province": province, "organisation": body_name(prov_unit, "tu"),
            "body": by_inspector.most_common(1)[0][0],
            "area": Counter(t.full for e in events for t in e.targets if t.kind == "district").most_common(1)[0][0],
            "unit": communes.most_common(1)[0][0] if communes else None,
            "post": post, "post_date": post_date, "post_holder": tg_head.name,
            "words": "kiểm tra",
        },
    }


def check_news(out: Path, sample: int = 300, show: int = 5) -> dict:
    """Extract ``sample`` articles of the corpus (spread over it) with
    ``kg.extract`` and compare with what each states: the share of event
    reports whose activity comes out with the right kind, inspector, day,
    leader, targets and document, of persons and posts found, and the
    conferences wrongly read as activities. Prints the first mismatches."""
    from kg.extract import extract
    from kg.sources.articles import read_articles
    paths = news_paths(out)
    with paths["reports"].open(encoding="utf-8") as f:
        truths = [json.loads(line) for line in f]
    step = max(1, len(truths) // sample)
    wanted = {i for i in range(0, len(truths), step)}
    found: Counter[str] = Counter()
    misses: dict[str, list[str]] = {}

    def miss(what: str, url: str, expected, got) -> None:
        found[f"{what}_wrong"] += 1
        misses.setdefault(what, [])
        if len(misses[what]) < show:
            misses[what].append(f"{url}: expected {expected!r}, got {got!r}")

    for i, article in enumerate(read_articles(paths["corpus"])):
        if i not in wanted:
            continue
        truth = truths[i]
        assert truth["url"] == article.url, (truth["url"], article.url)
        result = extract(article).to_json()
        events = result["events"]
        persons = {p["name"]: p["posts"] for p in result["persons"]}
        for p in truth["persons"]:
            found["persons"] += 1
            if p["name"] not in persons:
                miss("person", article.url, p["name"], sorted(persons))
                continue
            for label in p["posts"]:
                found["posts"] += 1
                if label not in persons[p["name"]]:
                    miss("post", article.url, f"{p['name']}: {label}", persons[p["name"]])
        if truth["event"] is None:
            found["conferences"] += 1
            if events:
                miss("conference_read_as_activity", article.url, [], [e["kind"] for e in events])
            continue
        found["reports"] += 1
        if len(events) != 1:
            miss("one_activity", article.url, 1, len(events))
            if not events:
                continue
        ev = events[0]
        checks = {"kind": (truth["kind"], ev["kind"]), "inspector": (truth["inspector"], ev["inspector"]),
                  "date": (truth["date"], ev["date"]), "leader": (truth["leader"], ev["leader"]),
                  "targets": (sorted(truth["targets"]), sorted(ev["targets"])),
                  "document": (truth["document"], ev["directive"])}
        for what, (expected, got) in checks.items():
            if expected == got:
                found[f"{what}_ok"] += 1
            else:
                miss(what, article.url, expected, got)
    reports = max(1, found["reports"])
    rates = {what: round(found[f"{what}_ok"] / reports, 3)
             for what in ("kind", "inspector", "date", "leader", "targets", "document")}
    rates["one_activity"] = round(1 - found["one_activity_wrong"] / reports, 3)
    rates["persons"] = round(1 - found["person_wrong"] / max(1, found["persons"]), 3)
    rates["posts"] = round(1 - found["post_wrong"] / max(1, found["posts"]), 3)
    rates["conferences_without_activity"] = round(
        1 - found["conference_read_as_activity_wrong"] / max(1, found["conferences"]), 3)
    print(f"extractor on {found['reports']} event reports and {found['conferences']} conferences "
          f"({found['persons']} person mentions, {found['posts']} posts): share right")
    for what, rate in rates.items():
        print(f"  {what:32} {rate:6.1%}")
    for what, lines in misses.items():
        print(f"  first mismatches, {what}:")
        for line in lines:
            print(f"    {line}")
    return {"sample": found["reports"] + found["conferences"], "rates": rates, "mismatches": misses}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="--news: the corpus with overlap (each oversight event reported by one to four "
               "outlets), with its ground truth beside it (.truth.json, .events.jsonl, .reports.jsonl)")
    parser.add_argument("-n", type=int, help="number of articles (10000; 50000 with --news)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, help="default: bench/out/corpus_<n>.jsonl (news_<n>.jsonl with --news)")
    parser.add_argument("--news", action="store_true",
                        help="the news corpus with overlap: events reported by several outlets, officials who recur")
    parser.add_argument("--provinces", type=int, default=16, help="--news: provinces (16 of the 57 tỉnh)")
    parser.add_argument("--districts", type=int, default=8, help="--news: districts per province at most (8)")
    parser.add_argument("--communes", type=int, default=6, help="--news: communes per district at most (6)")
    parser.add_argument("--txt", type=Path, help="--news: also write some articles as .txt files in this folder")
    parser.add_argument("--txt-count", type=int, default=20)
    parser.add_argument("--check", type=int, default=0, metavar="K",
                        help="--news: then extract K articles and compare with the ground truth")
    args = parser.parse_args(argv)
    if not args.news:
        n = args.n or 10_000
        path = write_corpus(args.out or OUT / f"corpus_{n}.jsonl", n, args.seed)
        print(f"{n} articles -> {path} ({path.stat().st_size / 2**20:.1f} MB)")
        return
    import time
    n = args.n or 50_000
    out = args.out or OUT / f"news_{n}.jsonl"
    started = time.perf_counter()
    summary = write_news(out, n, args.seed, args.provinces, args.districts, args.communes,
                         args.txt, args.txt_count if args.txt else 0)
    seconds = time.perf_counter() - started
    print(f"{summary['articles']:,} articles -> {out} ({out.stat().st_size / 2**20:.1f} MB) in {seconds:.1f} s: "
          f"{summary['events']:,} events in {summary['event_reports']:,} reports "
          f"(reports per event {summary['reports_per_event']}), {summary['conference_articles']:,} conferences; "
          f"{summary['persons']:,} officials named, {summary['memberships']:,} posts, "
          f"{summary['documents']:,} documents; ground truth {news_paths(out)['truth']}")
    if args.check:
        check_news(out, args.check)


if __name__ == "__main__":
    main()
