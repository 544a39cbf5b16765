"""Oversight activities: inspections, supervisions and working sessions that
took place.

A sentence reports an activity when a delegation ("Đoàn kiểm tra số 4 của
…", "đoàn") or a body ("Ban Tuyên giáo Huyện ủy đã kiểm tra …") is the
subject of an event verb (event_verbs.csv), and the sentence is neither
planned nor a conference (non_event_cues.csv), nor a count ("đã kiểm tra 26
tổ chức đảng"). One activity is one outing: a date and a leader. A sentence
with a new date or a new leader opens a new activity; one with neither adds
its targets to the current activity, or, before any, frames them all (its
body, kind and topic become the defaults).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from kg.model import UnitLevel
from kg.schema import specific_activity_kinds

from .bodies import BodyRef, find_bodies, parse_body, resolve
from .lexicon import CAP, UPPER, fold, lexicon, word_start
from .normalise import DATE, PERIOD_BOUND, parse_date
from .places import PLURAL_HEAD, Context, canonical_type, place_re


@dataclass
class Event:
    kind: str | None = None
    date: dt.date | None = None
    day: tuple[int, int] | None = None
    inspector: BodyRef | None = None
    leader: str | None = None
    targets: list[str] = field(default_factory=list)
    sentences: list = field(default_factory=list)
    delegation: str | None = None
    topic: str | None = None        # what it looked into, in the article's words (find_activities sets it)
    # the other days of days listed one by one ("Trong 2 ngày 16, 19/6/2023"): one activity each
    other_days: list = field(default_factory=list)
    named_only: bool = False        # its kind comes from a delegation's name only (see Clause)


_RES: dict[str, re.Pattern] = {}
# how an inspection was done, between the verb and its subject matter: "kiểm tra
# thực tế hiện trường về …", "giám sát chuyên đề việc …", "kiểm tra trực tiếp công tác …"
_MANNER = r"(?:chuyên đề|thực tế|trực tiếp|hiện trường|tại chỗ)"
# Who heads an outing, after "làm": a delegation's head, or a team's ("làm Tổ
# trưởng giám sát …", as the 2025 city teams are led). Only after "làm": ", Tổ
# trưởng tổ dân phố" in a chain of titles is a neighbourhood post.
# A delegation's head, as typed in haste too: "làm trưởng doàn" (d for đ)
# or with its tone on the wrong vowel ("trưởng đòan")
_HEAD_OF = r"(?i:trưởng[ \t]+[đd](?:oàn|òan))"
_HEADS = rf"(?:{_HEAD_OF}|(?i:tổ trưởng))"
# a delegation's head with the delegation's kind: "Trưởng đoàn kiểm tra", "Trưởng Đoàn giám sát, kiểm tra"
_HEAD_OF_KIND = (rf"{_HEAD_OF}(?:[ \t]+(?i:kiểm tra|giám sát|công tác|khảo sát)"
                 r"(?:[ \t]*,[ \t]*(?i:kiểm tra|giám sát))?)?")


def _misplaced(alt: str) -> str:
    """``alt`` where "đoàn" may be typed with its tone on the wrong vowel ("Đòan kiểm tra")."""
    return alt.replace("oàn", "(?:oàn|òan)")


# The tone marks a vowel may carry: an event verb typed with one slipped or left
# out ("làm viêc", "kiêm tra", "giám sat") is still the verb, each being two or
# three syllables no other phrase spells the same; the vowel's own letter (a, ă,
# â, …) stays ("lắm việc" is another phrase)
_VOWELS = ("aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị", "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ",
           "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ")
_LOOSE = {c: f"[{group}{group.upper()}]" for group in _VOWELS for c in group + group.upper()}
_VERBS: list[str] = []


def _verbs() -> str:
    """The event verbs' alternation (lexicon.event_verb_re), each vowel matching
    whatever marks it carries."""
    if not _VERBS:
        _VERBS.append("".join(_LOOSE.get(c, c) for c in lexicon().event_verb_re))
    return _VERBS[0]


def _re(key: str) -> re.Pattern:
    if not _RES:
        lx = lexicon()
        # (or a numbered group a meeting split into: "Nhóm 1 do … chủ trì, đã làm việc với …";
        # not the words "đoàn" begins: "các đoàn thể chính trị - xã hội", "đoàn viên", "đoàn kết")
        delegation = word_start(_misplaced(lx.delegation_re) + r"|nhóm(?=[ \t]+\d)")
        _RES["delegation"] = re.compile(
            rf"(?P<d>{delegation})(?!\w)"
            r"(?![ \t]+(?:thể|viên|kết|cấp|trực thuộc|(?i:thanh niên|TNCS))(?!\w))(?:[ \t]+số[ \t]+(?P<num>\d+))?")
        _RES["any_verb"] = re.compile(rf"{word_start(_verbs())}(?!\w)")     # (at C speed, see verb_word)
        _RES["leader_do"] = re.compile(r"(?<!\w)do[ \t]+")
        # (_HEADS written to open with a class, so that re skips at C speed to a "t")
        _RES["leader_la"] = re.compile(
            rf"[tT](?=[rRổỔ])(?i:rưởng[ \t]+[đd](?:oàn|òan)|ổ trưởng)(?:[ \t]+(?:{_verbs()}))?[ \t]+là[ \t]+")
        # whom an activity is with or where ("làm việc với (lãnh đạo) tỉnh X", "kiểm tra tại …")
        _RES["marker"] = re.compile(
            r"(?<!\w)(?:đối với|với|tại|ở|trên địa bàn)[ \t]+"
            r"(?:(?:(?:các đồng chí|đại diện|tập thể)[ \t]+)?lãnh đạo(?:[ \t]+chủ chốt)?[ \t]+(?:của[ \t]+)?"
            # or those sent to speak for it: "làm việc với đại diện Ban Thường vụ Tỉnh ủy các tỉnh: …"
            r"|đại diện[ \t]+(?:của[ \t]+)?"
            # or at its seat: "giám sát tại trụ sở Đảng ủy xã X"
            r"|trụ sở[ \t]+(?:của[ \t]+)?)?")
        # the unit whose congress the activity looks into: "kiểm tra công tác
        # chuẩn bị Đại hội Đảng bộ xã X" inspects xã X
        _RES["congress_of"] = re.compile(r"(?i:đại hội)(?:[ \t]+(?i:đại biểu))?(?:[ \t]+của)?[ \t]+(?=(?i:đảng bộ)[ \t])")
        # "… Đại hội của Đảng bộ các xã: A, B và C": the party organisations of the units listed
        _RES["party_of_units"] = re.compile(rf"(?i:đảng bộ)[ \t]+(?={PLURAL_HEAD}[ \t])")
        # the verb as a predicate, not a noun ("Quyết định kiểm tra, giám sát của …", "kết quả giám sát")
        _RES["oversight_verb"] = re.compile(word_start(
            "kiểm tra|giám sát", (r"\w", "[Cc]ông tác ", "[Kk]ết quả ", "[Qq]uyết định ", "[Kk]ế hoạch ", "[đĐ]oàn ", ", "),
            ignore_case=False) + r"[ \t]+")
        _RES["team_before"] = re.compile(r"(?<!\w)(?i:đoàn|tổ)[ \t]+công tác[ \t]+$")
        # the passive: "Đảng ủy xã X (đã) được Đoàn kiểm tra … kiểm tra …"
        _RES["passive"] = re.compile(r"(?<!\w)(?:(?:đã|vừa)[ \t]+)?được[ \t]+$")
        _RES["joined_oversight"] = re.compile(r"[ \t]+và[ \t]+(?:đi[ \t]+)?(?P<verb>kiểm tra|giám sát)(?!\w)")
        # a body's verb after it: "<body> (đã) (tổ chức hội nghị) công bố quyết định kiểm tra …"
        # (announcing is acting)
        _RES["body_verb"] = re.compile(rf"[ \t]+(?:(?:đã|vừa|trực tiếp|tiến hành|có buổi|tổ chức|hội nghị|công bố"
                                       rf"|quyết định|(?:về|đến)[ \t]+thăm[ \t]+và|tiếp[ \t]+và|về|đến|xuống|đi)[ \t]+)*(?:{_verbs()})(?!\w)")
        _RES["after_doing"] = re.compile(r"(?i:sau khi|trước khi)[ \t]+[^,.;:()\n]{1,100},[ \t]*")
        _RES["members_of"] = re.compile(
            r"(?:(?i:tập thể)[ \t]+)?(?i:ban thường vụ|đảng ủy|đảng uỷ|chi ủy|chi uỷ|ban chấp hành|cấp ủy|cấp uỷ|thường trực)"
            r"[ \t]+và[ \t]+cá nhân[^.;:\n]{0,80}?(?<!\w)(?:trong|thuộc|của|(?i:ủy viên|uỷ viên))[ \t]+")
        _RES["joint_delegation"] = re.compile(
            r"[ \t]+và[ \t]+(?:(?P<team>(?i:đoàn|tổ))(?:[ \t]+(?:công tác|kiểm tra|giám sát|khảo sát)"
            r"(?:[ \t]*,[ \t]*(?:kiểm tra|giám sát))?)?(?:[ \t]+số[ \t]+\d+)?[ \t]+của[ \t]+)?")
        _RES["with_delegation"] = re.compile(r"[ \t,]*(?:và|cùng)[ \t]+(?:các[ \t]+)?")
        # (the official's titles, one or more, each after a comma: "…, Phó Chủ tịch UBND tỉnh, Phó
        # Trưởng ban Thường trực Ban Chỉ đạo các Chương trình … và Đoàn công tác …")
        _RES["title_then_with"] = re.compile(
            rf"(?:[ \t]*,[ \t]*{UPPER}[^,.;:()\n]{{0,120}}?"
            # (or the last title's owner, "của tỉnh", left after the post the tables read)
            rf"|[ \t]+(?i:của)[ \t]+[^,.;:()\n]{{1,40}}?)+[ \t]+(?:và|cùng)[ \t]+(?:các[ \t]+)?")
        # a party organisation or member as the verb's object, which the body tables may not know
        _RES["party_object"] = re.compile(
            r"(?:(?:các|những)[ \t]+)?(?i:chi bộ|đảng bộ|đảng ủy|chi ủy|ban thường vụ|ban cán sự|đảng đoàn|tập thể|đảng viên)(?!\w)")
        _RES["unknown_item"] = re.compile(r"[^,;.:\n]{1,40}?,[ \t]*")
        _RES["tense"] = re.compile(r"[ \t]+(?:đã|vừa)(?!\w)")
        # what a chain of titles does not run across: a clause's end, a place or a verb
        _RES["chain_break"] = re.compile(r"[.;:()]|(?<!\w)(?:đã|vừa|với|tại|đối với|do|làm việc|kiểm tra|giám sát)(?!\w)")
        _RES["about_whom"] = re.compile(r"[ \t]+(?:về|trong)[ \t]+")
        _RES["next_subject"] = re.compile(r"[ \t]*(?:việc|công tác)[ \t]")
        _RES["chaired_by"] = re.compile(
            r"[ \t]*(?i:chủ trì)(?:[ \t]+(?i:buổi làm việc))?[ \t]+(?:có|là)[ \t]+(?:(?:các[ \t]+)?(?i:đồng chí)[ \t]*:?[ \t]+)?")
        _RES["bare_time"] = re.compile(
            rf"[ \t]*(?:(?i:sáng|chiều|tối|trưa)(?:[ \t]+ngày)?|(?i:ngày))[ \t]+(?:{DATE.pattern})[ \t]+")
        _RES["credit"] = re.compile(r"[ \t]*\(?(?i:ảnh)(?:[ \t]+(?i:minh họa))?[ \t]*:")
        _RES["page_marker"] = re.compile(r"[ \t]*date[ \t]+\d{4}-\d{2}(?:-\d{2})?[ \t]*")
        _RES["visit_object"] = re.compile(
            word_start("kiểm tra|giám sát", ignore_case=False) + r"(?:(?:[ \t]*,[ \t]*|[ \t]+và[ \t]+)"
            r"(?:nắm tình hình|chúc Tết|thăm hỏi|thăm|động viên|tặng quà))+[ \t]+"
            r"(?:(?:cán bộ|chiến sĩ|chiến sỹ|công chức|viên chức|nhân viên|người lao động|đảng viên)"
            r"(?:[ \t]*,[ \t]*|[ \t]+và[ \t]+|[ \t]+))*")
        _RES["at_place"] = re.compile(r"(?<!\w)(?:tại|ở)[ \t]+$")
        # what a site's name before its unit does not run across
        _RES["site_break"] = re.compile(
            rf"[,.;:()\n]|(?<!\w)(?:đã|vừa|với|tại|ở|đối với|do|về|và|của|(?i:{_verbs()}))(?!\w)")
        _RES["next_item"] = re.compile(r"[ \t]*;[ \t]*")
        # the delegation role closing an official's chain, its kind and number with it
        # (the mention may end past the comma: "đồng chí X, Trưởng Đoàn kiểm tra, …")
        _RES["head_role_after"] = re.compile(
            rf"(?:[ \t]*[,–-]|(?<=[,–-][ \t])|(?<=[,–-]))[ \t]*{_HEAD_OF_KIND}"
            rf"(?:[ \t]+số[ \t]+\d+)?(?!\w)(?![ \t]+(?i:đại biểu|ĐBQH|Quốc hội))")
        _RES["details_of"] = re.compile(r"[ \t]*(?i:cụ thể)[ \t]*[,:]")
        # a count of activities: "đã giám sát 13 chuyên đề", "tổ chức 5 cuộc kiểm tra"
        _RES["tallied"] = re.compile(rf"(?<!\w)(?:(?i:{_verbs()})[ \t]+\d+|\d+[ \t]+(?:cuộc|đợt)[ \t]+(?:{_verbs()}))(?!\w)")
        _RES["under_programme"] = re.compile(r"(?i:theo)[ \t]+(?i:kế hoạch|chương trình)(?![ \t]*,)")
        _RES["time_comma"] = re.compile(r"[ \t]*,[ \t]*")
        # (this and the other scans of every sentence below open with word_start rather
        # than "(?<!\w)", which re would try at every position: it skips at C speed to a letter
        # a match may open with)
        _RES["chooses"] = re.compile(word_start("lựa chọn|chọn", ignore_case=False) + r"[ \t]+")
        _RES["then_does"] = re.compile(rf"[ \t]+(?:để[ \t]+)?tiến hành[ \t]+(?:{_verbs()})(?!\w)")
        _RES["sites_list"] = re.compile(r"(?<!\w)(?:như|như sau)[ \t]*:")
        _RES["detail_list"] = re.compile(r"(?<!\w)(?:cụ thể|gồm|bao gồm)[ \t]*:[ \t]*")
        # the plural head of a list item: "các đảng ủy phường A, phường B", "các chi bộ …"
        _RES["item_head"] = re.compile(r"[ \t]*(?:(?:các|một số)[ \t]+)?(?i:đảng ủy|đảng bộ|chi bộ)?[ \t]*")
        _RES["count_of"] = re.compile(
            r"(?:\d+|các|một số)[ \t]+[^;:.()\n]{0,50}?(?<!\w)(?:trực thuộc|thuộc|của)[ \t]+")
        # ("… Tỉnh ủy các tỉnh A và B": the units' type written before the list instead)
        units = rf"{PLURAL_HEAD}[ \t]+(?:[^:\n]{{1,12}}:|(?i:{lx.unit_type_re})[ \t]+[A-ZĐ])"
        _RES["organs_of_units"] = re.compile(rf"[ \t]+(?:của[ \t]+)?(?={units})")
        # (a run of organs is checked one organ at a time by _organs_end: a single
        # pattern for the whole run backtracks exponentially on a long run of capitals)
        _RES["units_ahead"] = re.compile(rf"(?=[ \t]+(?:của[ \t]+)?{units})")
        _RES["organ"] = re.compile(rf"[ \t]*,?[ \t]*{UPPER}[^,.;:()\n{UPPER[1:-1]}]{{0,30}}")
        # (or members of the body: "đồng chí X cùng các đồng chí trong Ban Thường vụ Huyện ủy đã đến kiểm tra")
        _RES["co_leaders"] = re.compile(r"(?<!\w)(?:và|cùng)[ \t]+(?:các[ \t]+)?(?:đồng chí[ \t]+)?"
                                        r"(?:lãnh đạo|(?:ủy viên[ \t]+|thành viên[ \t]+)?(?:trong|thuộc|của))[ \t]+$")
        _RES["units_in_brackets"] = re.compile(
            rf"(?<!\w){PLURAL_HEAD}[ \t]+(?i:{lexicon().unit_type_re})[ \t]*\((?=[^()\n]*\))[ \t]*")
        # an official's post alone, and tense or motion words, before the verb (see _continuation)
        _RES["continues"] = re.compile(
            rf"(?:(?i:đồng chí)[ \t]+)?(?:{lx.role_re})[^,.;:()\n]{{0,60}}[ \t]+"
            rf"(?:(?:đã|vừa|trực tiếp|đi|đến)[ \t]+)*(?<!đoàn )(?<![tT]ổ )")
        _RES["goes_on"] = re.compile(rf"[ \t]*(?:(?:đi|đến|về)[ \t]+)?(?:thăm|{_verbs()})(?!\w)")
        # ("về", "để|nhằm|mục đích (là)" then a verb of finding out, or "để"; written out
        # one way at a time, in that order, for word_start)
        grasp = r"[ \t]+(?:nắm bắt|nắm|đánh giá|tìm hiểu)"
        _RES["session_for"] = re.compile(word_start(
            rf"về|để{grasp}|nhằm{grasp}|mục đích(?:[ \t]+là)?{grasp}|để", ignore_case=False) + r"[ \t]+")
        _RES["tally"] = re.compile(r"(?<!\w)(?:[2-9]|\d{2,})[ \t]+$")
        _RES["body_do"] = re.compile(r"[ \t]*,?[ \t]*do[ \t]+")
        _RES["under_chair"] = re.compile(r"(?i:dưới sự (?:chủ trì|dẫn đầu|chỉ đạo) của)[ \t]+")
        _RES["under_chair_after"] = re.compile(r"[ \t]*,?[ \t]*(?i:dưới sự (?:chủ trì|dẫn đầu) của)[ \t]+")
        _RES["likewise"] = re.compile(r"[ \t]*(?i:đồng thời|ngoài ra|bên cạnh đó)(?!\w)")
        _RES["named_session"] = re.compile(
            r"[ \t]*(?i:buổi|cuộc)[ \t]+(?P<verb>làm việc|kiểm tra|giám sát|khảo sát)[ \t]+của[ \t]+")
        _RES["session_with"] = re.compile(r"[ \t]+(?:với|tại|đối với)[ \t]")
        _RES["inspection_body"] = re.compile(r"(?:[ỦUủu][ỷy] ban|[Bb]an)[ \t]+$")
        _RES["heads_then_acts"] = re.compile(rf"(?<!\w)làm[ \t]+{_HEAD_OF}[ \t]*$")
        _RES["subject_noun"] = re.compile(
            r"(?:việc|công tác|tình hình|kết quả|tiến độ|hoạt động|thực hiện|quá trình|chất lượng|tình trạng)(?!\w)")
        _RES["decision_end"] = re.compile(r"(?i:quyết định)[ \t]*$")
        _RES["opening_delegation"] = re.compile(r"[ \t]*(?i:đoàn|tổ)[ \t]+")
        _RES["delegation_end"] = re.compile(r"(?<!\w)(?i:đoàn|tổ)[ \t]*$")
        _RES["name_ends"] = re.compile(
            rf"[ \t]+(?:số[ \t]+\d|do|đã|vừa|có buổi|tiến hành|(?i:{_verbs()}))(?!\w)")
        # "đoàn làm việc với|tại …": a delegation working somewhere, not one named for its work
        _RES["works_with"] = re.compile(r"(?i:làm việc)[ \t]+(?:với|tại)[ \t]")
        # an event verb at a word's start, any case, found at C speed (see lexicon.word_start)
        _RES["verb_word"] = re.compile(rf"{word_start(_verbs())}(?!\w)")
        _RES["went_to"] = re.compile(word_start("tại|ở|đối với", ignore_case=False) + r"(?!\w)")
        _RES["targets_word"] = re.compile(word_start("với|tại|đối với", ignore_case=False) + r"(?!\w)")
        _RES["delegation_asks"] = re.compile(
            r"[ \t]*(?i:đoàn|tổ)(?:[ \t]+(?:công tác|kiểm tra|giám sát|khảo sát))?[ \t]+(?:(?:đã|cũng)[ \t]+)?"
            r"(?:đề nghị|yêu cầu|kiến nghị)[ \t]+")
        _RES["host_side"] = re.compile(r"[ \t]*(?i:về phía)[ \t]+")
        _RES["attends"] = re.compile(r"(?<!\w)(?:tham dự|dự|tiếp|đón)(?!\w)")
        _RES["plural_before"] = re.compile(r"(?<!\w)(?:các|những|hai|ba|bốn|\d+)[ \t]+$")
        _RES["bracketed"] = re.compile(r"[ \t]*\([ \t]*(?P<in>[^()\n]{1,40}?)[ \t]*\)")
        _RES["list_sep"] = re.compile(r"[ \t]*(?:,|và|cùng)[ \t]*")
        # a part of the day, "ngày", or today or yesterday, then the date; each way in
        # written after its first letter, which a class takes, so that re skips at C speed
        # to those letters (a look-behind in front was tried at every position); the
        # ways of one letter keep their order
        # ("Sáng nay (12/4)", "Chiều qua (11/4)": the part of today or yesterday, its day in
        # brackets or not: "sáng nay 23/12"; "Ngày hôm nay (04/3/2026)": the day in brackets
        # after the word for today)
        today = r"[ \t]+(?i:nay|qua)[ \t]*(?:\([ \t]*)?"
        _RES["time"] = re.compile(
            r"[sSſcCtTnNhH](?<!\w[sSſcCtTnNhH])(?:"
            rf"(?<=(?i:s))(?:(?i:áng)(?:[ \t]+ngày)?[ \t]+|(?i:áng){today})"
            rf"|(?<=(?i:c))(?:(?i:hiều)(?:[ \t]+ngày)?[ \t]+|(?i:hiều){today})"
            rf"|(?<=(?i:t))(?:(?i:ối|rưa)(?:[ \t]+ngày)?[ \t]+|(?i:ối|rưa){today})"
            rf"|(?<=(?i:n))(?:(?i:gày)[ \t]+|(?i:gày)[ \t]+(?i:hôm nay|hôm qua)[ \t]*(?:\([ \t]*)?)"
            rf"|(?<=(?i:h))(?i:ôm nay|ôm qua)[ \t]*(?:\([ \t]*)?)(?:{DATE.pattern})")
        _RES["days"] = re.compile(
            rf"(?<!\w)(?:(?i:sáng|chiều)[ \t]+)?(?:(?i:trong)[ \t]+)?(?:(?i:các|hai|\d{{1,2}})[ \t]+)?(?:(?i:từ)[ \t]+)?(?i:ngày)[ \t]+"
            rf"(?P<first>\d{{1,2}})(?:[ \t]*(?:,|và|-|–|đến)[ \t]*(?:(?i:ngày)[ \t]+)?\d{{1,2}}(?=[ \t]*(?:,|và|-|–|đến)))*"
            rf"[ \t]*(?:,|và|-|–|đến)[ \t]*(?:(?i:ngày)[ \t]+)?(?:{DATE.pattern})")
        # a span across months: "từ ngày 11/03 đến ngày 13/03/2018", "từ 28/2 - 2/3/2024"
        _RES["span"] = re.compile(
            rf"(?<!\w)(?i:từ)[ \t]+(?:(?i:ngày)[ \t]+)?(?P<a>\d{{1,2}})[ \t]*[/.-][ \t]*(?P<am>\d{{1,2}})"
            rf"[ \t]*(?:đến|-|–)[ \t]*(?:(?i:ngày)[ \t]+)?(?:{DATE.pattern})")
        # the issue date of a document cited by number only ("Quyết định số 721 ngày 29/3/2018")
        _RES["doc_date"] = re.compile(rf"(?i:{lx.doc_type_re})[ \t]+(?i:số)[ \t]*\S+[ \t]*,?[ \t]*$")
        # a delegation that is the object of its own setting up is not acting:
        # "thành lập 3 đoàn công tác", "kiện toán Đoàn công tác của …"
        _RES["set_up_acts"] = re.compile(rf"[ \t]+(?:(?:để|và|đã)[ \t]+)?(?:(?:tiến hành|đi|đến|về|xuống)[ \t]+)?"
                                         rf"(?i:{_verbs()})(?!\w)")
        _RES["set_up_then_acts"] = re.compile(
            r"(?:[ \t]+(?i:kiểm tra|giám sát|công tác|khảo sát))?(?:[ \t]+số[ \t]+\d+)?" + _RES["set_up_acts"].pattern)
        _RES["set_up"] = re.compile(rf"(?<!về việc )(?<!về )(?:{_cue_alt('establishment')})(?:[ \t]+\d+)?[ \t]*$", re.I)
        # the leader named after "do" or before "dẫn đầu": what ends the person's chain
        # ("do X chủ trì làm việc với …": who chairs a working session leads it)
        leads = rf"[ \t,]*(?:(?:làm|là)[ \t]+{_HEAD_OF}|làm[ \t]+{_HEADS}|(?i:dẫn đầu)|(?:đã[ \t]+)?chủ trì)"
        _RES["leads"] = re.compile(leads)
        _RES["leads_tail"] = re.compile(leads + r"[ \t]*$")
        _RES["presides"] = re.compile(rf"chủ trì[ \t]+(?:(?i:{lx.event_noun_re})|buổi làm việc)")
        # a news agency's tag, bracketed or not ("(TTXVN) - ", "BHG - "), or a
        # phrase before a comma ("Chiều 28/2, ", "Ngày 11.6, ": a dot between digits is a date's),
        # perhaps with an aside in brackets ("Chiều 19/2 (tức mùng 4 Tết), ")
        _RES["adverbial"] = re.compile(
            r"(?:\([^()\n]{2,40}\)[ \t]*[-–][ \t]*|[A-ZĐ][A-ZĐ.]{1,11}[ \t]*[-–][ \t]+"
            r"|(?:[^,.;:\n]|(?<=\d)\.(?=\d)){1,30}(?:[ \t]*\([^()\n]{1,50}\))?,[ \t]*)")
        # (or a team's: "…, Tổ trưởng Tổ công tác số 3 của Ban Thường vụ Tỉnh ủy đã …")
        _RES["heads_delegation"] = re.compile(
            rf"(?:{_HEAD_OF}|(?i:tổ trưởng[ \t]+tổ))(?:[ \t]+(?i:kiểm tra|giám sát|công tác)"
            rf"(?:[ \t]*,[ \t]*(?i:giám sát|kiểm tra))?)?"
            r"(?:[ \t]+số[ \t]+\d+)?[ \t]+(?P<link>của|theo)[ \t]+")
        # what may stand between the official and the verb: a co-subject ("và lãnh
        # đạo một số sở, ngành liên quan"), leading the outing ("làm Trưởng đoàn
        # công tác,"), going there ("đã đi", "đến thăm và chủ trì buổi"), a
        # meeting that announces ("chủ trì Hội nghị công bố Quyết định kiểm tra")
        _RES["official_verb"] = re.compile(
            rf"(?:[ \t]*\([^()\n]{{1,30}}\))?"
            rf"[ \t,]*(?:(?:và|cùng)[ \t]+[^.;:]{{0,120}}?[ \t]+(?=(?:đã|vừa|đi)[ \t]))?"
            rf"(?:(?:và|cùng)[ \t]+(?:(?:các[ \t]+)?thành viên(?:[ \t]+(?:của[ \t]+)?(?i:đoàn|tổ)"
            rf"(?:[ \t]+(?:công tác|kiểm tra|giám sát|khảo sát))?)?"
            rf"|(?:các[ \t]+)?(?i:đoàn|tổ)[ \t]+(?:công tác|kiểm tra|giám sát|khảo sát))[ \t]+)?"
            rf"(?:làm[ \t]+{_HEADS}(?:[ \t]+(?:công tác|kiểm tra|giám sát))?[ \t]*,?[ \t]*)?"
            rf"(?:(?:đã|vừa|trực tiếp|đi|đến thăm|về thăm|đến|về|xuống|thăm[ \t]*,|thăm|và|chủ trì|có|các|buổi|cuộc|chuyến"
            rf"|(?i:hội nghị|công bố|quyết định))[ \t]+)*"
            # (gone somewhere to do it: "đã trực tiếp xuống các bản, đơn vị để kiểm tra …")
            r"(?:(?:(?<=đi )|(?<=đến )|(?<=về )|(?<=xuống )|(?<=tới ))[^.;:\n]{1,80}?[ \t]+(?:để|nhằm)[ \t]+)?"
            r"(?:thông qua[ \t]+(?:dự thảo[ \t]+)?báo cáo[ \t]+(?:kết quả[ \t]+)?(?:(?:của[ \t]+)?(?i:đoàn|tổ)[ \t]+)?"
            # (or a conference announcing the results, chaired by the delegation's head)
            r"|(?P<results>(?:thông báo|công bố)[ \t]+kết quả[ \t]+))?"
            rf"(?:{_verbs()})(?!\w)")
        # an event verb or announcing, as a predicate (see _acts)
        _RES["acting_verb"] = re.compile(rf"(?<!\w)(?:(?i:{_verbs()})|công bố)(?!\w)")
        # what makes such a verb a noun: "công tác kiểm tra", "kết quả giám sát",
        # "thời gian kiểm tra", "được giám sát", "30 ngày làm việc", a delegation's own name ("Đoàn
        # giám sát", but not "làm trưởng đoàn kiểm tra tại …", nor "X dẫn đầu Đoàn giám sát
        # việc … tại …": leading the delegation named for its work is doing that work)
        _RES["verb_as_noun"] = re.compile(
            r"(?:(?i:công tác|kết quả|thời gian|báo cáo|được|ngày)|(?<!rưởng )(?<!dẫn đầu )(?<!rưởng đoàn )(?i:đoàn|tổ))[ \t]+$")
        _RES["done_before"] = re.compile(r"(?i:sau khi|trước đó|sau buổi)[ \t]+(?:làm việc|kiểm tra|giám sát)[ \t]+(?:với|tại)[ \t]")
        _RES["result_of"] = re.compile(r"[ \t]*,?[ \t]*về[ \t]+kết quả[ \t]+(?P<verb>kiểm tra|giám sát)(?=[ \t])")
        # the delegation role closing a chain that stands before the name, the body it acts for last
        _RES["head_role_before"] = re.compile(
            rf"[ \t]*[,–-][ \t]*{_HEAD_OF_KIND}"
            rf"(?:[ \t]+số[ \t]+\d+)?(?:[ \t]+(?P<link>của)[ \t]+)?")
        _RES["numbered_head"] = re.compile(
            rf"{_HEAD_OF_KIND}[ \t]+số[ \t]+(?P<num>\d+)(?:[ \t]+(?P<link>của)[ \t]+)?")
        _RES["delegation_number"] = re.compile(r"số[ \t]+(\d+)")
        _RES["described_units"] = re.compile(
            rf"(?:{PLURAL_HEAD}[ \t]+)?(?P<type>(?i:{lx.unit_type_re}))(?:[ \t]+(?!{UPPER})[^\W\d_]+){{1,2}}[ \t]+(?={UPPER})")
        _RES["role_before"] = re.compile(rf"(?<!\w)(?i:{lx.role_re})[ \t]*$")
        # what may stand between an opening chain and the name: "đồng chí", "các đồng chí:"
        # (or a military or police rank: "Thiếu tướng X")
        _RES["opener_rest"] = re.compile(
            rf"[ \t,–-]*(?:(?:các[ \t]+)?(?:{lx.honorific_re})[ \t]*:?[ \t]+)?(?:(?i:{lx.rank_re})[ \t]+)?")
        _RES["opener_honorific"] = re.compile(rf"(?:(?:{lx.honorific_re})[ \t]+)?")
        # the next official of a list of joint subjects ("A, Bí thư Tỉnh ủy; B, Phó Bí thư …")
        _RES["co_official"] = re.compile(
            rf"[ \t]*(?:[;,][ \t]*(?:(?:và|cùng)[ \t]+)?|(?:và|cùng)[ \t]+)(?:(?:{lx.honorific_re})[ \t]+)?")
        _RES["leads_late"] = re.compile(leads + r"(?!\w)")
        _RES["lead_closes"] = re.compile(
            r"(?:[ \t]+(?:các[ \t]+)?(?i:đoàn|tổ)(?:[ \t]+(?:công tác|kiểm tra|giám sát|khảo sát))?)?[ \t]*[.!]?[ \t]*")
        _RES["chairs_alone"] = re.compile(r"[ \t,]*(?:(?:đã|vừa)[ \t]+)?chủ trì(?:[ \t]+buổi làm việc)?[ \t]*[.!]?[ \t]*$")
        _RES["clause_break"] = re.compile(
            rf"[.;:()]|(?<!\w)(?:với|tại|đối với|đã|vừa|(?:{lx.honorific_re}))(?!\w)")
        # the delegation role closing a chain of posts ("…, Trưởng đoàn kiểm tra,
        # giám sát"); a delegation of deputies ("Trưởng đoàn ĐBQH tỉnh") is a post
        _RES["chain_ends_head"] = re.compile(
            rf"[,–-][ \t]*(?:{_HEAD_OF}(?!\w)(?![ \t]+(?i:đại biểu|ĐBQH|Quốc hội))"
            # or the head of a working team ("…, Tổ trưởng Tổ công tác …"), not of a neighbourhood
            r"|(?i:tổ trưởng)[ \t]+(?i:tổ)[ \t]+(?i:công tác|kiểm tra|giám sát|khảo sát)(?!\w))")
        # a place phrase fronted before the subject ("Ngày 5/6, tại xã X, …")
        # or the seat of the body visited ("Chiều 12/12, tại trụ sở Đảng ủy phường X, …")
        _RES["fronted_place"] = re.compile(
            r"(?:(?<=^)|(?<=[,\n])|(?<=- ))[ \t]*(?i:tại|ở)[ \t]+(?P<seat>(?i:trụ sở)[ \t]+)?")
        _RES["covers"] = re.compile(
            r"(?i:đoàn|tổ)(?:[ \t]+(?:công tác|kiểm tra|giám sát)(?:[ \t]*,[ \t]*(?:kiểm tra|giám sát))?)?"
            r"[ \t]+số[ \t]+\d+[ \t]+(?:gồm|phụ trách)[ \t]+")
        # the official chairing "the meeting", after the chain of titles
        _RES["chairs_meeting"] = re.compile(r"[ \t,]*(?:(?:đã|đồng chí)[ \t]+)?chủ trì[ \t]+(?i:hội nghị|cuộc họp)(?!\w)")
        # an outing told as the frame of a speech: "Trong buổi kiểm tra, làm việc với …"
        _RES["session_frame"] = re.compile(
            rf"(?i:trong|tại)[ \t]+(?i:buổi|chuyến)[ \t]+(?:(?:đi|đến|về)[ \t]+)?"
            rf"(?P<verbs>(?:{_verbs()})(?:[ \t]*(?:,|và)[ \t]*(?:{_verbs()}))*)"
            rf"(?=[ \t]+(?:với|tại|ở)[ \t])")
        # (its subject matter may come first: "kiểm tra công tác chuẩn bị bầu cử … tại tỉnh X")
        _RES["opening_session"] = re.compile(
            rf"(?P<verbs>(?i:{_verbs()})(?:[ \t]*(?:,|và)[ \t]*(?i:{_verbs()}))*)"
            r"(?:[ \t]+(?:công tác|việc|tình hình|tiến độ|kết quả|hoạt động)(?!\w)[^.;:\n]{0,200}?)?"
            r"(?=[ \t]+(?:với|tại|ở)[ \t])")
        # where an official was, the activity named as a noun ("… tại buổi khảo sát, nắm tình hình …")
        _RES["at_session"] = re.compile(
            rf"{word_start('tại|trong')}[ \t]+(?:các[ \t]+)?(?:buổi|chuyến|đợt|cuộc)[ \t]+(?:(?:đi|đến|về)[ \t]+)?"
            rf"(?P<verbs>(?:{_verbs()})(?:[ \t]*(?:,|và)[ \t]*(?:{_verbs()}|nắm tình))*)(?!\w)")
        # the activity as one of a body's: "(Đây) là hoạt động thường xuyên, định kỳ của <body>"
        _RES["activity_of"] = re.compile(
            r"(?<!\w)là[ \t]+(?:một[ \t]+)?(?:trong[ \t]+(?:những|các)[ \t]+)?hoạt động[^.;:\n]{0,50}?[ \t]của[ \t]+")
        # a body that runs activities counted or listed: "… vừa chủ trì tổ chức 03 cuộc giám sát"
        # (or plans them: "<body> (đã) xây dựng kế hoạch giám sát …", then "Ngày …, Đoàn giám sát …")
        _RES["runs_activities"] = re.compile(
            rf"[ \t]+(?:(?:(?:đã|vừa|chủ trì|tổ chức|phối hợp)[ \t]+)+(?:(?:\d+|các|một số)[ \t]+)?(?:cuộc|đợt)"
            rf"|(?:(?:đã|vừa)[ \t]+)?(?:xây dựng|ban hành)[ \t]+kế hoạch)[ \t]+(?:{_verbs()})(?!\w)")
        # a trip the sentence opens on, and where: "Trong chuyến (thăm và) làm việc tại tỉnh X, …"
        _RES["trip_frame"] = re.compile(
            rf"[ \t]*(?i:trong|nhân)[ \t]+(?i:chuyến|đợt)[ \t]+(?:(?:đi|đến|về)[ \t]+)?(?:công tác|thăm(?:[ \t]*(?:,|và)[ \t]*"
            rf"(?:{_verbs()}))?|(?:{_verbs()}))[ \t]+(?:tại|ở)[ \t]+")
        _RES["with_delegation_after"] = re.compile(r"[ \t]+với[ \t]+(?:các[ \t]+)?(?=(?i:đoàn|tổ)(?!\w))")
        # a delegation named by its rank in a list: "Đoàn thứ 2", "Tổ 3", "Đoàn số 4", "Nhóm 1"
        _RES["co_delegation"] = re.compile(
            r"[ \t]+và[ \t]+(?i:đoàn|tổ|nhóm)(?:[ \t]+(?:công tác|kiểm tra|giám sát))?[ \t]+(?:thứ[ \t]+)?(?:số[ \t]+)?\d+(?!\w)")
        _RES["ordinal_delegation"] = re.compile(
            r"[ \t]*(?i:đoàn|tổ|nhóm)(?:[ \t]+(?:công tác|kiểm tra|giám sát))?[ \t]+(?:thứ[ \t]+)?(?:số[ \t]+)?"
            r"(?:\d+|(?i:nhất|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười))(?!\w)")
        # a chain that ends in the delegation role: "…, Trưởng đoàn"
        _RES["chain_heads"] = re.compile(rf"(?:[,–-][ \t]*|(?<!\w)(?:là|làm)[ \t]+){_HEAD_OF}(?!\w)")
        _RES["organises"] = re.compile(r"(?:(?:đã|vừa)[ \t]+)?tổ chức[ \t]+(?:các[ \t]+|\d+[ \t]+)?$")
        _RES["dan_dau"] = re.compile(r"[ \t,]*(?:đã[ \t]+)?(?i:dẫn đầu)[ \t]+")
        # a future cue that can name a subject matter (names_subject) does so after "công tác"
        # or "việc" ("kiểm tra công tác chuẩn bị đại hội"), it does not put the sentence ahead
        # ("Tổ công tác sẽ giám sát …" still does); nor does one that takes the congress or
        # election as its object ("kiểm tra tiến độ triển khai và chuẩn bị Đại hội của Đảng bộ các xã")
        # (case is ignored by parts, not by a flag on the whole: under re.I the
        # leading class of word_start no longer lets re skip ahead at C speed; and the subject
        # readings are ruled out behind the match, where a look-behind costs nothing per position)
        subject_readings = "".join(f"(?<!(?i:{noun} {re.escape(r['phrase'])}))" for r in _cue_rows()
                                   if r["kind"] == "future" and r["names_subject"] for noun in ("công tác", "việc"))
        _RES["future"] = re.compile(f"{word_start(_cue_alt('future'))}(?!\\w){subject_readings}"
                                    f"(?i:(?![ \\t]+(?:cho[ \\t]+)?(?:đại hội|bầu cử)(?!\\w)))")
        # ("nghị quyết Hội nghị Trung ương 11" names a plenum, not this meeting)
        conference = word_start(_cue_alt('conference'), ("(?i:nghị quyết) ", r"\w"))
        _RES["conference"] = re.compile(f"{conference}(?!\\w)")
        # a meeting that announces an inspection is the inspection's first act
        _RES["meeting_of"] = re.compile(r"[ \t]*(?:của[ \t]+)?")
        # what follows a lead-in's time: its place, and nothing else of note ("… tại trụ sở Đảng ủy xã A.")
        _RES["lead_in_place"] = re.compile(r"[ \t]*,?[ \t]*(?:tại|ở)[ \t]+[^.;:!?]*[.]?[ \t]*$")
        # (or adopts the delegation's draft report with the body inspected: "chủ trì Hội nghị thông qua
        # dự thảo báo cáo (kết quả) của Đoàn kiểm tra …", the call of eval/real/README.md)
        _RES["adopts_report"] = re.compile(
            r"(?<!\w)thông qua[ \t]+(?:dự thảo[ \t]+)?báo cáo[ \t]+(?:kết quả[ \t]+)?(?:(?:của[ \t]+)?"
            rf"(?P<team>(?i:đoàn|tổ))[ \t]+)?(?=(?:{_verbs()})(?!\w))")
        _RES["announces"] = re.compile(r"(?<!\w)(?:công bố[ \t]+(?:các[ \t]+)?(?i:quyết định|kế hoạch)"
                                       rf"|(?:thông báo|công bố)[ \t]+kết quả[ \t]+(?:{_verbs()})(?!\w)"
                                       rf"|{_RES['adopts_report'].pattern})")
        # the body the delegation whose report is adopted acts for: "… Đoàn kiểm tra số 1907 của Bộ Chính trị"
        # ("… báo cáo kết quả kiểm tra của Đoàn kiểm tra số 25 của …")
        _RES["report_of_team"] = re.compile(
            rf"(?:{_verbs()})[ \t]+(?:của[ \t]+)?(?i:đoàn|tổ)[ \t]+(?:{_verbs()})(?:[ \t]+số[ \t]+\d+)?[ \t]+của[ \t]+")
        _RES["team_of"] = re.compile(rf"(?:{_verbs()})(?:[ \t]*,[ \t]*(?:{_verbs()}))?(?:[ \t]+số[ \t]+\d+)?[ \t]+của[ \t]+")
        _RES["topic_content"] = re.compile(
            rf"(?:(?i:nội dung)(?:[ \t]+(?:{_verbs()})(?:[ \t]*,[ \t]*(?:{_verbs()}))*)?[ \t]+(?:là|tập trung vào|gồm|bao gồm)(?!\w)[ \t]*:?"
            # or the delegation's name, then a colon: "tổ chức đoàn giám sát: Việc …"
            rf"|(?P<named>(?<!\w)(?i:đoàn|tổ)[ \t]+(?:{_verbs()})[ \t]*:))[ \t]*")
        # the verb, and the verbs joined to it ("kiểm tra, soát xét kết quả …")
        # ("về" is taken apart: its first letter opens the class that re skips to at C
        # speed, the three verbs' first letters with it, so that "pre" holds the rest of it)
        _RES["topic_verb"] = re.compile(
            r"[vkg](?<!\w[vkg])(?:(?<=v)(?P<pre>ề[ \t]+)(?:kiểm tra|giám sát|khảo sát)|(?<=k)(?:iểm tra|hảo sát)|(?<=g)iám sát)"
            # (a joined verb is read whole, with its "về": "kiểm tra, nắm tình hình về công tác …"
            # is not cut to "… nắm tình" before a subject matter "hình về …")
            # ("kiểm tra, nắm tình hình X" without "về": "tình hình X" is what it looked into)
            r"(?:[ \t]*,[ \t]*(?>nắm(?:[ \t]+bắt)?[ \t]+tình[ \t]+hình[ \t]+về|soát xét|đánh giá"
            # ("… nắm tình hình và chúc Tết …": "tình hình" alone names nothing)
            r"|nắm(?:[ \t]+bắt)?(?=[ \t]+tình[ \t]+hình[ \t]+(?!(?:về|và)(?!\w))\w)|nắm(?:[ \t]+bắt)?[ \t]+tình(?:[ \t]+hình)?|nắm bắt)"
            r"(?!\w)|[ \t]+(?:kiểm tra|giám sát)(?!\w))*"
            # (how often, perhaps in brackets: "kiểm tra (thường niên) đối với …" names no subject)
            rf"(?:[ \t]+(?:{_MANNER}|\(?(?:thường xuyên|định kỳ|đột xuất|thường niên|thông thường)\)?)){{0,2}}+[ \t]+(?!về[ \t])")
        _RES["topic_stop"] = re.compile(
            r"[ \t]+(?:tại|trên địa bàn)[ \t]|,[ \t]*(?:trọng tâm|tập trung|ngày|đoàn|Đoàn|những ngày|đồng thời|sáng|chiều|dự kiến|sẽ|"
            r"Sáng|Chiều|nhằm|qua đó|thay thế|sửa đổi|ở[ \t])|;|[ \t]+đối với[ \t]|\.$"
            # who ran it ("… do đồng chí X làm trưởng đoàn", "… do Ban Thường vụ …"), not what caused
            # the matter ("khắc phục hậu quả mưa lũ do hoàn lưu bão số 3")
            r"|[ \t]+do[ \t]+(?!(?!(?:đồng chí|đ/c|ông|bà|các|lãnh đạo|tập thể|đoàn|tổ|ban|ủy ban|thường trực)(?!\w))"
            r"[a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ])"
            # a second activity joined to the first: "làm việc với X về A và kiểm tra B"
            r"|[ \t]+và[ \t]+(?:kiểm tra|giám sát|khảo sát)[ \t]"
            # or a visit joined to it: "… khắc phục hậu quả bão lũ và thăm hỏi, trao quà cho …"
            r"|[ \t]+và[ \t]+(?:thăm hỏi|thăm|trao quà|tặng quà|trao tặng|chúc Tết|chúc tết|động viên)(?!\w)"
            # or the session the delegation named for it then held: "đoàn kiểm tra A đến làm việc với X"
            r"|[ \t]+(?:(?:đã|vừa|đến|xuống)[ \t]+)+làm việc[ \t]+(?:với|tại)[ \t]"
            # the unit it was done in or for: "thực hiện quy chế dân chủ (của) phường X";
            # not the unit that qualifies an organisation ("Đại hội Đảng bộ xã X", "UBND xã X")
            rf"|(?<!bộ)(?<!ủy)(?<!ỦY)(?<!UBND)(?<!HĐND)(?<!dân)(?<!MTTQ)(?<!quốc)(?<!Nam)"
            rf"[ \t]+(?:(?:của|đơn vị)[ \t]+)?(?=(?i:{lx.unit_type_re})[ \t]+[A-ZĐ0-9])"
            # a list of names that follows, as the units of "… của Đảng bộ các xã: A, B"
            r"|[ \t]+(?:như|gồm|bao gồm|cụ thể)[ \t]*:|(?<=[^\W\d_])[ \t]*:(?=[ \t]*[A-ZĐ])"
            # a year that closes the subject matter, then whom it was checked in: "kết quả công
            # tác năm 2024 các đơn vị cấp xã" (not "… năm 2024 của các đơn vị", which is the subject's)
            r"|(?<=\d{4})[ \t]+(?=(?:các|những)[ \t])"
            # the day it took place ends it: "… về công tác cán bộ ngày 5/6/2024"
            r"|[ \t]+(?:vào[ \t]+)?ngày[ \t]+\d"
            # and so does a page's time stamp glued to the line ("… Đại hội 24/07/2025 19:00")
            r"|[ \t]+\d{1,2}/\d{1,2}/\d{4}[ \t]+\d{1,2}:\d{2}"
            # and so does the official who then speaks: "…, đồng chí X yêu cầu …"
            r"|,[ \t]*(?:đồng chí|ông|bà|Chủ tịch|Phó Chủ tịch|Bí thư|Phó Bí thư|Thủ tướng|Phó Thủ tướng|Tổng Bí thư)(?!\w)")
        # what cannot open a subject matter: a joining word, a passive, a modal
        # ("công tác kiểm tra cần bảo đảm dân chủ …" says how, not what), an adverb
        # ("việc kiểm tra cũng nhằm …"), another activity ("kiểm tra, giám sát làm
        # việc với …")
        _RES["passive_before"] = re.compile(r"(?<!\w)(?:được|bị)[ \t]+$")
        _RES["topic_bad"] = re.compile(
            r"^(?:và|với|tại|đối với|số|ở|của|được|đã|theo|nhằm|để|là|trực tiếp|cùng|cũng|do|cần|phải|nên|làm việc|,|\d+"
            # a scope, not a subject matter: "Kế hoạch kiểm tra, giám sát trong Đoàn năm 2019"
            r"|trong"
            # a time then whom: "kiểm tra năm 2026 với Ban Thường vụ …" names no subject
            r"|năm[ \t]+\d{4}[ \t]+(?:với|đối với|tại|của)|bao gồm|gồm|trước|sau|trên địa bàn"
            # "tình hình" with no object of its own: "kiểm tra tình hình, thăm hỏi, chỉ đạo …"
            # (but "về tình hình, kết quả …" lists subject matters)
            rf"|tình hình(?=[ \t]*(?:[,;]|và[ \t])(?![ \t]*{_RES['subject_noun'].pattern})))(?!\w)")
        _RES["towards"] = re.compile(r"đối với[ \t]+")
        _RES["towards_break"] = re.compile(r"[.;:()]|(?<!\w)(?:đã|vừa|tại|ở|với|làm việc)(?!\w)")
        # what a session's purpose opens with before its subject matter: "(để) nghe báo cáo …",
        # "cho ý kiến vào dự thảo …"
        _RES["topic_lead"] = re.compile(
            r"(?:nghe(?:[ \t]+và[ \t]+cho[ \t]+ý[ \t]+kiến)?(?:[ \t]+báo cáo)?(?:[ \t]+về)?|cho[ \t]+ý[ \t]+kiến[ \t]+(?:vào|về|đối với))[ \t]+")
        # a plan for the activity: "(xây dựng) kế hoạch (số …) (về) giám sát …"
        _RES["plan_for"] = re.compile(
            r"(?i:kế hoạch)(?:[ \t]+số[ \t]+\S+)?(?:[^.;:\n]{0,80}?[ \t]về(?:[ \t]+việc)?)?[ \t]+(?:kiểm tra|giám sát|khảo sát)[ \t]")
        _RES["named_delegation"] = re.compile(
            r"(?i:đoàn|tổ)[ \t]+(?:kiểm tra|giám sát|khảo sát)[ \t]*,[ \t]*(?:kiểm tra|giám sát)[ \t]+$")
        _RES["joint_sep"] = re.compile(r"[ \t]*(?:,|và)[ \t]*")
        _RES["of_body"] = re.compile(r"[ \t]+của[ \t]+")
        _RES["name_break"] = re.compile(r"[.;:]|(?<!\w)(?:đã|vừa|làm việc|tại|với|đối với|do)(?!\w)")
        # (or the verb itself: "Tổ công tác chỉ đạo đại hội điểm của Tỉnh ủy kiểm tra tại …")
        _RES["name_closes"] = re.compile(rf"[ \t]*(?:,[ \t]*)?(?:do|đã|vừa|{_verbs()})(?!\w)")
        _RES["doc_word_before"] = re.compile(rf"(?i:{lx.doc_type_re})[ \t]*(?:số[ \t]*\S+[ \t]*)?$")
        # a sentence about the session itself, saying what it was for: "Buổi làm việc nhằm đánh giá
        # …", "Cuộc kiểm tra (lần này) để …", "Chuyến công tác có mục đích …"
        _RES["topic_purpose"] = re.compile(
            r"(?i:buổi|cuộc|đợt|chuyến)[ \t]+(?:làm[ \t]+việc|kiểm[ \t]+tra|giám[ \t]+sát|khảo[ \t]+sát|công[ \t]+tác)"
            r"(?:[ \t]+(?:này|lần này|nói trên|trên))?[ \t]+(?:nhằm(?:[ \t]+mục[ \t]+đích)?|để|với[ \t]+mục[ \t]+đích|có[ \t]+mục[ \t]+đích)"
            r"[ \t]+(?:(?:nắm[ \t]+bắt|nắm|đánh[ \t]+giá|tìm[ \t]+hiểu|xem[ \t]+xét)[ \t]+(?=tình[ \t]+hình|kết[ \t]+quả|việc|công[ \t]+tác))?"
            # (not "nhằm thực hiện Nghị quyết số …": the document it carries out is its basis)
            rf"(?!(?:triển[ \t]+khai[ \t]+)?(?:thực[ \t]+hiện|triển[ \t]+khai)[ \t]+(?i:{lx.doc_type_re})(?!\w))")
        _RES["topic_whose"] = re.compile(r"[ \t]*,[ \t]*của[ \t]+")
        # (its first character taken by a class, then checked: re skips at C speed to one)
        _RES["topic_items"] = re.compile(
            r"[\dc](?=[á\d \t])(?<!\w[\dc])(?:(?<=\d)\d*|(?<=c)ác)[ \t]+nội dung(?:[ \t]+(?:trọng tâm|chính))?[ \t]*(?:,[ \t]*)?(?:(?:gồm|bao gồm|là)[ \t]*)?:[ \t]*")
        _RES["sets_up"] = re.compile(
            rf"{word_start(_cue_alt('establishment'), ())}[ \t]+(?:\d+[ \t]+)?(?i:đoàn|tổ)(?!\w)")
        _RES["announce"] = re.compile(r"(?<!\w)công bố(?!\w)", re.I)
        # a subject matter named only by pointing back: "nội dung này", "công tác nói trên"
        _RES["only_pointer"] = re.compile(r"^(?:[^\W\d_]+[ \t]+){1,2}(?:này|đó|trên|nói trên)$")
        _RES["only_time"] = re.compile(
            r"^(?:(?:trong|của)?[ \t]*(?:năm|quý|tháng|\d+ tháng)[^,;]*?\d{4}|giai đoạn[^,;]*)$")
    return _RES[key]


def _cue_rows():
    from kg import tables
    return tables.rows("non_event_cues")


def _sets_up(text, s) -> bool:
    """Does the sentence set delegations up ("Ban Thường vụ thành lập 3 đoàn",
    "đã ban hành quyết định về việc thành lập 4 đoàn giám sát")? Announcing
    the decision that does ("công bố Quyết định … về việc thành lập Đoàn") is
    the activity's first act, so it does not count."""
    m = _re("sets_up").search(text, s.start, s.end)
    if m is None or _re("announce").search(text, s.start, m.start()):
        return False
    # "Vừa qua, từ ngày 01 – 05/4/2021, huyện X thành lập các đoàn kiểm tra …
    # ở các xã": the days they worked, told as past, not a plan; so is a day told
    # of a delegation set up that then does its work ("Ngày 5/6, <body> đã thành
    # lập Đoàn kiểm tra tiến hành kiểm tra …"); so is a span with its month on both
    # sides ("Từ ngày 09/5 - 11/5/2022, <body> thành lập đoàn kiểm tra …")
    if (_days_worked(text, s.start, m.start()) or _re("time").search(text, s.start, m.start())
            and _re("set_up_then_acts").match(text, m.end())) and not _re("future").search(text, s.start, s.end):
        return False
    # "Thực hiện Quyết định … về thành lập Đoàn …, ngày 7/6, Đoàn đã làm việc":
    # a cited decision's subject, unless the sentence is about issuing it
    if re.search(r"(?<!\w)về(?:[ \t]+việc)?[ \t]+$", text[max(s.start, m.start() - 12):m.start()]):
        return re.search(r"(?<!\w)ban hành(?!\w)", text[s.start:m.start()]) is not None
    return True


def _days_worked(text, start, end) -> re.Match | None:
    """Days listed or spanned in ``text[start:end]`` ("từ ngày 01 - 05/4/2021", "Từ
    ngày 09/5 - 11/5/2022"): the days delegations set up worked, told as past."""
    return _re("days").search(text, start, end) or _re("span").search(text, start, end)


def _cue_alt(kind: str) -> str:
    return "|".join(re.escape(r["phrase"]) for r in _cue_rows() if r["kind"] == kind)


@dataclass
class Clause:
    sentence: object
    subject_end: int
    delegation_body: BodyRef | None
    subject_body: BodyRef | None
    leader: str | None
    date: tuple[int, int, int | None] | None
    date_pos: int | None
    kind: str | None
    delegation: str | None
    subject_start: int | None = None
    # does the subject do something (an event verb, announcing)? a delegation
    # that only receives, meets or is allowed something reports no outing
    acts: bool = True
    end: int | None = None          # where the clause's own words stop
    # one of delegations listed together ("Đoàn 2 do …", a part of a sentence
    # that lists them): with no day of its own, it goes out on its paragraph's day
    listed: bool = False
    # a sentence that goes on with the outing told before (see _continuation)
    continued: bool = False
    # the bodies that host a delegation told as their guest ("<body> làm việc với Đoàn … của …")
    hosts: list = field(default_factory=list)
    named_only: bool = False        # the kind is the delegation's name's; the verb is a working session's
    side: bool = False              # a photo's caption or a subheading under the outing told


# a number after a verb ("kiểm tra 5 tổ chức đảng"), matched in place, not on a copy of the rest of the text
_NUMBER_AFTER = re.compile(r"\s+\d")


def _kind(text: str, start: int, end: int, name_end: int | None = None) -> str | None:
    """The first kiểm tra / giám sát named (delegation names count), else a
    working-session verb; verbs after "về" or used as nouns ("công tác kiểm
    tra") do not count. A "về" before ``name_end`` belongs to the name of the
    body the delegation acts for ("Ban Chỉ đạo Trung ương về phòng, chống …")."""
    lx = lexicon()
    about = text.find(" về ", start if name_end is None else max(start, name_end), end)
    # "đã về kiểm tra …": going there, not what it is about
    while about >= 0 and re.match(rf" về[ \t]+(?i:{_verbs()})", text[about:end]):
        about = text.find(" về ", about + 4, end)
    limit = end if about < 0 else about
    first_other = None
    for m in re.finditer(rf"(?i:{_verbs()})(?!\w)", text[start:limit]):
        a = start + m.start()
        before = text[max(0, a - 14):a]
        # "công tác kiểm tra" is a noun, but "tổ công tác kiểm tra …" is a team that inspects;
        # "Ủy ban Kiểm tra" names a body
        if (before.endswith("công tác ") and not _re("team_before").search(before)) \
                or _re("inspection_body").search(before) or _NUMBER_AFTER.match(text, a + len(m.group(0))):
            continue
        k = lx.event_verbs[fold(m.group(0))]
        if k in specific_activity_kinds():
            return k
        first_other = first_other or k
    if about >= 0 and first_other not in specific_activity_kinds():
        # "làm việc với X về A và kiểm tra B": a second activity joined after the subject matter
        joined = _re("joined_oversight").search(text, about, end)
        if joined:
            return lx.event_verbs[fold(joined.group("verb"))]
    return first_other


def _targets(text: str, start: int, end: int, ctx: Context, people, known) -> list[str]:
    semi = text.find(";", start, end)
    # a semicolon ends the activity's clause, unless the same subject goes on
    # doing what it went for ("đã đi kiểm tra sản xuất; thăm mô hình tại huyện X")
    # (nor one between the subject matters it lists: "giám sát việc A; việc B đối với …")
    # (nor one between the sites of a list the verb's object opens: "kiểm tra các mô hình
    # như: trại A tại xã X; vườn B tại xã Y")
    listed = _re("sites_list").search(text, start, end if semi < 0 else semi)
    while semi >= 0 and (_re("goes_on").match(text, semi + 1, end) or _re("next_subject").match(text, semi + 1, end)
                         or listed is not None):
        semi = text.find(";", semi + 1, end)
    clause_end = end if semi < 0 else semi
    # unless it separates the items of a list the clause announces ("tại 9 đơn
    # vị …, cụ thể: Văn phòng Thị ủy; các đảng ủy phường A, phường B, xã C")
    detail = _re("detail_list").search(text, start, clause_end)
    out: list[str] = []
    p = start
    while True:
        m = _re("marker").search(text, p, detail.start() if detail else clause_end)
        if not m:
            break
        # the organ named bare, then its members in the body named in full: "đối với tập thể Ban
        # Thường vụ và cá nhân các đồng chí Ủy viên Ban Thường vụ Huyện ủy X", "đối với Đảng ủy và
        # cá nhân ba đồng chí trong Đảng ủy Y": that body
        members = _re("members_of").match(text, m.end(), clause_end)
        q = _list_at(text, members.end() if members else m.end(), clause_end, ctx, people, known, out,
                     skip_unknown=True)
        while q > m.end() and (semi_item := _re("next_item").match(text, q, end)):
            # the items of a list set apart by semicolons ("đối với Chi bộ A; Chi bộ B; …"),
            # as long as what follows each is a target too
            had = len(out)
            nxt = text.find(";", semi_item.end(), end)
            r = _list_at(text, semi_item.end(), end if nxt < 0 else nxt, ctx, people, known, out)
            if len(out) == had:
                break
            q = r
        if q == m.end():
            # "tại 09 đơn vị, tổ chức đảng thuộc Thị ủy X": the units are of X
            of = _re("count_of").match(text, q, clause_end)
            if of:
                q = _list_at(text, of.end(), clause_end, ctx, people, known, out)
        p = max(m.end(), q)
    # the units a numbered delegation covers: "… làm Trưởng đoàn kiểm tra số 01 gồm các xã A, B"
    for g in _re("covers").finditer(text, start, clause_end):
        _list_at(text, g.end(), clause_end, ctx, people, known, out)
    # whom the verb takes as its object: "kiểm tra Ban Thường vụ Huyện ủy X về …"
    for v in _re("oversight_verb").finditer(text, start, detail.start() if detail else clause_end):
        _list_at(text, v.end(), clause_end, ctx, people, known, out)
    # or after the visit's other verbs and whose staff: "kiểm tra, nắm tình hình và chúc Tết
    # cán bộ, chiến sĩ Bộ Chỉ huy Quân sự tỉnh"
    for v in _re("visit_object").finditer(text, start, detail.start() if detail else clause_end):
        _list_at(text, v.end(), clause_end, ctx, people, known, out)
    if detail:
        a = detail.end()
        while a < end:
            b = text.find(";", a, end)
            b = end if b < 0 else b
            head = _re("item_head").match(text, a, b)
            _list_at(text, head.end() if head else a, b, ctx, people, known, out, unit_of_organ=True)
            a = b + 1
    return out


def _list_at(text, q, end, ctx, people, known, out: list[str], unit_of_organ=False, skip_unknown=False) -> int:
    """Read the targets listed from ``q`` ("xã A, xã B và Đảng ủy xã C") into
    ``out``; where the list stops."""
    prev_rank, comma = None, False
    first = skip_unknown
    start, had = q, len(out)
    while q < end:
        item = _item(text, q, end, ctx, people, known, unit_of_organ)
        if item is None and first:
            # a first item the tables do not know, then known ones: "làm việc
            # với Ban chỉ đạo NTM, UBND xã X"
            skip = _re("unknown_item").match(text, q, end)
            if skip and not _re("chain_break").search(text, q, skip.end()):
                item = _item(text, skip.end(), end, ctx, people, known, unit_of_organ)
            if item is None and _re("at_place").search(text, max(0, q - 8), q):
                # a site, then the unit it lies in: "kiểm tra tại công trình đường tránh huyện X"
                unit = next((c.pos for c in ctx.mentions if q < c.pos <= min(end, q + 60)), None)
                if unit is not None and place_re().match(text, unit) \
                        and not _re("site_break").search(text, q, unit):
                    item = _item(text, unit, end, ctx, people, known, unit_of_organ)
        first = False
        if item is None:
            break
        at, (value, q) = q, item
        if q > at and (units := _re("organs_of_units").match(text, q, end)) is not None \
                and not any(at <= c.pos < q for c in ctx.mentions):
            # "… và Đảng ủy các xã A, B": an organ named without its place, then the units it is of
            return _list_at(text, units.end(), end, ctx, people, known, out)
        if q >= len(text.rstrip()) and not text.rstrip().endswith(_CLOSERS):
            break          # an excerpt cut off mid-name ("… làm việc tại Thành ủy Bi")
        rank = _RANK.get(ctx.levels.get(value), _POST_RANK if _ARMED_POST.fullmatch(value) else None) if value else None
        # "xã Tân Hợp, huyện Hướng Hóa": a higher unit after a comma
        # locates the one before it; it is not a target of its own
        if comma and rank is not None and prev_rank is not None and rank < prev_rank:
            pass
        elif value and value not in out:
            out.append(value)
            prev_rank = rank
        aside = _re("bracketed").match(text, q, end)
        if aside is not None and (place_re().fullmatch(aside.group("in"))
                                  or any(c.name == aside.group("in") for c in ctx.mentions)):
            # the unit a listed one lies in, in brackets: "tại hai xã A (huyện B), C (huyện D)"
            q = aside.end()
        s = _re("list_sep").match(text, q, end)
        if not s or s.end() == q:
            break
        comma = "," in s.group(0)
        q = s.end()
    units = _re("organs_of_units").match(text, q, end) if q > start else None
    if units is None and q > start:
        # past more organs the tables do not know: "Tỉnh ủy, HĐND, UBND, Trường Chính trị các tỉnh A, B"
        rest = _organs_end(text, q, end)
        if rest is not None and not _re("chain_break").search(text, q, rest):
            units = _re("organs_of_units").match(text, rest, end)
            q = rest if units else q
    if units and not any(start <= c.pos < q for c in ctx.mentions):
        # "đối với Ban Thường vụ Thành ủy, Tỉnh ủy các địa phương: A, B, C": organs
        # named without a place are those of the units listed after them
        del out[had:]
        return _list_at(text, units.end(), end, ctx, people, known, out)
    return q


_CLOSERS = tuple('.!?…"”)')
_RANK = {UnitLevel.PROVINCE: 0, UnitLevel.DISTRICT: 1, UnitLevel.COMMUNE: 2}
# a count before a list of units: "các xã", "hai huyện", "02 xã A, B", "11 xã: A, B"
_PLURAL_HEAD = re.compile(
    rf"{PLURAL_HEAD}[ \t]+(?:(?=\w+(?:[ \t]+\w+)?[ \t]*:)(?P<colon>[^:\n]{{1,12}}:[ \t]*))?")


def _organs_end(text: str, q: int, end: int) -> int | None:
    """Where a run of organs from ``q`` ends if a plural head of units follows it
    ("Tỉnh ủy, HĐND, UBND, Trường Chính trị| các tỉnh A, B"): each organ opens
    with a capital and runs at most 30 characters to the next capital or comma."""
    for ahead in _re("units_ahead").finditer(text, q + 1, end):
        p, at = ahead.start(), q
        while (organ := _re("organ").match(text, at, p)) is not None:
            at = organ.end()        # (an organ opens with a capital, so each one moves on)
        if at == p:
            return p
    return None


def _item(text, q, end, ctx, people, known, unit_of_organ=False):
    """One target at ``q``: a person, a body (as its locality when it is the
    locality's committee), a unit. With ``unit_of_organ`` an organ of a
    placed committee stands for the unit too ("Văn phòng Thị ủy X" among
    the units a delegation visited is X)."""
    for pm in people:
        if pm.honorific and q <= pm.start <= q + len(pm.honorific) + 1:
            return pm.name, pm.end
    # a member by name: "kiểm tra đảng viên Hà Văn A, Bí thư Chi bộ …"
    if (member := _MEMBER.match(text, q, end)) is not None:
        pm = next((p for p in people if p.start == member.end()), None)
        if pm is not None:
            return pm.name, pm.end
    if post := _ARMED_POST.match(text, q, end):
        return re.sub(r"\s+", " ", post.group(0)), post.end()
    # a body named as a whole ("làm việc với tập thể Ban Thường vụ Đảng ủy xã X") is that body
    q = _COLLECTIVE.match(text, q).end()
    if committee := _INSTITUTION_COMMITTEE.match(text, q, end):
        # (the tables read the bare "Đảng ủy" and would place it in the unit named last)
        return f"Đảng ủy {committee.group('org')}", committee.end()
    ref = parse_body(text, q, known)
    if ref is not None and ref.complete and ref.end <= end:
        ref = resolve(ref, ctx, q)
        if ref.organs == ("Ban Thường vụ",) and ref.place_organ and not ref.locality():
            # the standing committee of an organisation's party committee stands for that
            # committee, as a locality's stands for the locality ("Ban Thường vụ Đảng ủy
            # Quân sự tỉnh X" -> "Đảng ủy Quân sự tỉnh X")
            ref = replace(ref, organs=())
        place = ref.place() if unit_of_organ and not ref.central else None
        return (ref.locality() or (f"{place[0]} {place[1]}" if place else None) or ref.canonical()), ref.end
    pl = _PLURAL_HEAD.match(text, q)
    if pl and pl.group("colon"):
        # "tại 11 xã: A, B, C": the first unit of the list stands after the colon
        at, q = q, pl.end()
        here = next((c for c in ctx.mentions if c.pos == q), None)
        if here is not None and text.startswith(here.name, q):
            return here.full, q + len(here.name)
        if not place_re().match(text, q):
            return _cell_at(text, at, end)     # "các chi bộ: chi bộ A, …"
        pl = None          # a unit written with its type: "các địa phương: Thành phố A, B"
    m = place_re().match(text, pl.end() if pl else q)
    if m:
        here = next((c for c in ctx.mentions if c.pos == m.start()), None)
        if here is not None:
            return here.full, (m.start("name") + len(here.name) if text.startswith(here.name, m.start("name"))
                               else m.end("name"))
        return f"{canonical_type(m.group('type'))} {m.group('name')}", m.end()
    described = _re("described_units").match(text, q)
    if described is not None:
        # units of a type told with what they are, then by a name the text gives in full elsewhere:
        # "tại các xã đảo A, B", "các xã biên giới A và B"
        kind = canonical_type(described.group("type"))
        at = described.end()
        full = next((c.full for c in ctx.mentions if c.name and text.startswith(c.name, at)
                     and c.full == f"{kind} {c.name}"), None)
        if full is not None:
            return full, at + len(full) - len(kind) - 1
    # a further item of a list under a plural head ("các xã A, B")
    here = next((c for c in ctx.mentions if c.pos == q), None)
    if here is not None and text.startswith(here.name, q):
        return here.full, q + len(here.name)
    # a unit named without its type where the text names it in full elsewhere,
    # and no other unit by that name: "kiểm tra tại Khun Há" is xã Khun Há
    named = {c.full: c.name for c in ctx.mentions if c.name and text.startswith(c.name, q)
             and not text[q + len(c.name):q + len(c.name) + 1].isalnum()}
    if len(named) == 1 and text[q:q + 1].isupper():
        (full, name), = named.items()
        return full, q + len(name)
    return _cell_at(text, q, end)


# a post of the armed forces named by its own name, which no table lists: "Đồn Biên phòng
# X", "Đồn Biên phòng Cửa khẩu Quốc tế Y", "Trạm Kiểm soát Biên phòng Z", "Đồn Công an W"
_ARMED_POST = re.compile(
    rf"(?:Đồn|Trạm)[ \t]+(?:(?i:kiểm soát)[ \t]+)?(?i:biên phòng|công an)"
    rf"(?:[ \t]+(?i:cửa khẩu)(?:[ \t]+(?i:quốc tế))?)?(?:[ \t]+{CAP}){{1,4}}(?!\w)")
# a named post lies in the unit named after it: "Đồn Biên phòng X, huyện Y" is no visit to Y
_POST_RANK = len(_RANK)


def _cell_at(text, q, end):
    """The party cell of a named organisation, which no table lists: "kiểm tra
    chi bộ Trường Tiểu học X về …" inspects that cell."""
    if cell := _CELL.match(text, _CELL_LEAD.match(text, q).end(), end):
        return f"Chi bộ {cell.group('org')}", cell.end()
    return None


_COLLECTIVE = re.compile(r"(?:(?i:tập thể)[ \t]+)?")
_MEMBER = re.compile(r"(?i:đảng viên)[ \t]+")
# what may stand before a cell's own name: a plural ("các chi bộ: chi bộ A, …", "các chi bộ chi bộ A", the word
# doubled in haste), the cell with its secretary ("Chi bộ và đồng chí Bí thư chi bộ A")
_CELL_LEAD = re.compile(r"(?:(?i:các|những)[ \t]+(?:(?i:chi bộ)[ \t]*:[ \t]*|(?=(?i:chi bộ)[ \t])))?"
                        r"(?:(?i:chi bộ)[ \t]+(?:và[ \t]+(?:(?i:đồng chí)[ \t]+)?(?i:bí thư)[ \t]+)?(?=(?i:chi bộ)[ \t]))?")
# "chi bộ" and a name that opens on a capital, or a neighbourhood's cell named
# by its kind ("chi bộ khu phố 4", "chi bộ thôn Bản Chang"), up to a clause's
# punctuation or the word that follows the object ("về", "tại", …)
# (or an institution's, its kind in lower case: "chi bộ trường mầm non X", "chi bộ phòng Y";
# a name may open on any capital: "Chi bộ Ủy ban nhân dân xã")
_CELL = re.compile(r"(?i:chi bộ)[ \t]+(?P<org>(?:" + UPPER + r"|(?:khu phố|tổ dân phố|thôn|xóm|ấp|bản|khối|buôn|làng"
                   r"|trường|phòng|trung tâm|chi nhánh|văn phòng|bệnh viện|trạm|cơ quan|viện)[ \t]+\w)"
                   r"[^,;.:()\n]{0,60}?)"
                   r"(?=[ \t]+(?:về|tại|đối với|trong|nhằm|và|năm|theo|để|đã|vừa)(?!\w)|[ \t]*[,;.:()\n]|[ \t]*$)")


# an institution's party committee, kept by its name: "Đảng ủy Trung tâm Y tế huyện", "Đảng ủy Bệnh viện Đa khoa"
_INSTITUTION_COMMITTEE = re.compile(
    r"(?i:đảng ủy|đảng uỷ)[ \t]+(?P<org>(?i:trường|trung tâm|bệnh viện|viện|học viện|công ty|tổng công ty|ngân hàng"
    r"|chi cục|cục|ban quản lý)[ \t]+\w[^,;.:()\n]{0,60}?)"
    r"(?=[ \t]+(?:về|tại|đối với|trong|nhằm|và|năm|theo|để|đã|vừa)(?!\w)|[ \t]*[,;.:()\n]|[ \t]*$)")


def find_events(text: str, sentences, title_sentence, ctx: Context, people, docs,
                known: frozenset[str], bodies=None) -> tuple[list[Event], dict]:
    """Activities and the article-level frame (kind, inspector, topic)."""
    clauses = []
    leader_only: list[tuple[object, str]] = []
    chairs: list[tuple[object, str]] = []     # who chaired "the meeting" (see below)
    shaped: list[Clause] = []                 # a delegation that acts in a subheading
    # a paragraph that sets delegations up ("Ban Thường vụ thành lập 3 đoàn công
    # tác, đoàn 1 … làm việc với …") assigns their work: none of it has happened
    planned = {s.paragraph for s in sentences if _sets_up(text, s)}
    # the delegations it sets up, listed one to a paragraph after it ("Đoàn thứ 2
    # do …", "Tổ 3 do …"), are its assignments too, unless one has a day of its own
    for s in sentences:
        if s.paragraph - 1 in planned and s.paragraph not in planned and _re("ordinal_delegation").match(text, s.start) \
                and not _re("time").search(text, s.start, s.end):
            planned.add(s.paragraph)
    headline_sets_up = title_sentence is not None and title_sentence.end > title_sentence.start \
        and _sets_up(text, title_sentence)
    for i, s in enumerate(sentences):
        if s.paragraph in planned:
            continue
        preceding = sentences[i - 1] if i else None
        parts = _delegation_parts(text, s, people)
        if len(parts) > 1:
            # "Đoàn 1 do X … kiểm tra tại xã A; Đoàn 2 do Y … tại xã B": one outing each
            for part in parts:
                c = _clause(text, part, ctx, people, docs, known, bodies)
                if c is None:
                    # "Đoàn 1 do X … làm trưởng đoàn; Đoàn 2 do Y …": who heads
                    # each of the delegations the sentence before sent out
                    lead, _ = _leader(text, part.start, part, people)
                    if lead:
                        c = Clause(part, part.end, None, None, lead, None, None, None, None, part.start, end=part.end)
                if c is not None and c.acts:
                    c.sentence, c.listed = s, True
                    clauses.append(c)
                elif c is not None and c.leader:
                    leader_only.append((s, c.leader))
            continue
        c = _clause(text, s, ctx, people, docs, known, bodies) or _concluded(text, s, ctx, docs) \
            or _named_session(text, s, ctx, known) or _led_session(text, s, people, docs)
        if c is not None and c.date is None and c.leader is None and c.delegation is not None \
                and _re("tally").search(text, max(s.start, c.subject_start - 12), c.subject_start):
            # "Thường trực Tỉnh ủy tổ chức 14 đoàn công tác kiểm tra …" with no day and no
            # head: a tally of the year's delegations, not an outing
            continue
        if c is not None and c.date is None and c.leader is None and c.delegation is not None and headline_sets_up:
            # under "<body> thành lập đoàn giám sát …", a delegation with no day and no head
            # ("Đoàn giám sát trao đổi, làm việc với …") tells what it is set up to do
            continue
        if c is not None and c.date is None and c.leader is None and preceding is not None \
                and _re("details_of").match(text, s.start, s.end) \
                and _re("tallied").search(text, preceding.start, preceding.end):
            # "… đã giám sát 13 chuyên đề. Cụ thể, MTTQ xã A giám sát …; MTTQ xã B …": the
            # items of a count, none of them an outing told on its own
            continue
        if c is not None and c.acts and c.date is None and clauses and not c.listed \
                and (_captioned(text, s) or c.leader is None and _headline_shaped(text, s)):
            # a photo's caption or a subheading under the outing told ("Đoàn công tác làm việc
            # với Huyện ủy X. Ảnh: …"): where it went that day, not an outing of its own
            clauses.append(replace(c, leader=None, side=True))
            continue
        if c is not None and c.acts and c.date is None and planned and _captioned(text, s):
            # a photo's caption in a story that sets delegations up ("<body> thành lập 19 tổ công
            # tác …"): an outing shown as an example, not one the story reports
            continue
        if c is not None and c.acts and not (c.date is None and c.leader is None and _headline_shaped(text, s)):
            c.listed = _re("ordinal_delegation").match(text, s.start) is not None
            clauses.append(c)
            for other in _co_delegation_leaders(text, s, c, people):
                # "Tổ 2 do X chủ trì và Tổ 3 do Y chủ trì đã làm việc với …": one outing each,
                # the same day, with the same hosts
                clauses.append(replace(c, leader=other))
            continue
        if c is not None and c.acts and c.delegation is not None:
            shaped.append(c)
            continue
        if c is not None:
            # the delegation is named but does nothing here ("Thành phần Đoàn
            # giám sát có …", "Đoàn giám sát số 1 tổ chức họp thảo luận …"):
            # at most it tells who leads
            if c.leader:
                leader_only.append((s, c.leader))
            continue
        if clauses and ((c := _continuation(text, s, people)) is not None
                        or (c := _chosen_sites(text, s, ctx, people, known)) is not None):
            clauses.append(c)
            continue
        m = _re("leader_la").search(text, s.start, s.end)
        if m:
            pm = _person_at(people, m.end())
            if pm:
                leader_only.append((s, pm.name))
            continue
        # "Đoàn 1 do đồng chí X, … làm trưởng đoàn; …": the outing's leader told apart
        lead, _ = _leader(text, s.start, s, people) if "do" in text[s.start:s.end] else (None, None)
        if lead:
            leader_only.append((s, lead))
            continue
        # "Đồng chí X, Phó Bí thư Tỉnh ủy, chủ trì buổi làm việc.": who led the session;
        # "Chủ trì có đồng chí X - Ủy viên …, Trưởng đoàn kiểm tra.": whose chain
        # of titles ends in heading the delegation
        chaired = _re("chaired_by").match(text, s.start, s.end)
        if chaired is not None and (pm := _person_at(people, chaired.end())) is not None:
            # "Chủ trì buổi làm việc có đồng chí X, …": who chaired the session just told
            chairs.append((s, pm.name))
            continue
        for pm in people:
            if s.start <= pm.start < s.end and (
                    _re("presides").search(text, pm.start, min(s.end, pm.end + 30)) or _heads_by_title(text, s, pm, people)
                    or _leads_by_title(text, s, pm)):
                leader_only.append((s, pm.name))
                break
            if s.start <= pm.start < s.end and _re("chairs_meeting").match(text, pm.end):
                chairs.append((s, pm.name))
                break
    if not clauses and shaped and (leader_only or chairs):
        # told only by a subheading ("Tổ công tác của Tỉnh ủy kiểm tra tại xã X"),
        # its leader named where the text tells who spoke or chaired
        clauses.append(shaped[0])
    if not clauses:
        # nothing reported head-on: "Trong buổi kiểm tra, làm việc với huyện X về …,
        # Chủ tịch UBND tỉnh Y yêu cầu …" tells the outing as the frame of what was said
        framed = next((c for s in sentences if s.paragraph not in planned
                       for c in [_framed_session(text, s, people)] if c is not None), None)
        if framed is not None:
            clauses.append(framed)
    events: list[Event] = []
    frame = Event()
    for c in clauses:
        targets = c.hosts + [t for t in _targets(text, c.subject_end, c.end or c.sentence.end, ctx, people, known)
                             if t not in c.hosts]
        if c.continued:
            # the places it went, one to an item of its list: "… các công trình: đập …;
            # tuyến đường tại xã A, B; …"
            a = c.subject_end
            while (b := text.find(";", a, c.sentence.end)) >= 0:
                targets += [t for t in _targets(text, b + 1, c.sentence.end, ctx, people, known) if t not in targets]
                a = b + 1
        if c.subject_start is not None and _re("done_before").match(text, c.sentence.start, c.subject_start):
            # "Sau khi làm việc với Huyện ủy, Đoàn đã kiểm tra tại …": whom it met first is a target too
            targets = _targets(text, c.sentence.start, c.subject_start, ctx, people, known) + targets
        if not targets and c.subject_start is not None:
            # the unit named ahead of the subject: "Tại xã X, đồng chí Y … đã kiểm tra …"
            for m in _re("fronted_place").finditer(text, c.sentence.start, c.subject_start):
                # (the seat, or the committee itself: "Ngày 5/6, tại Đảng ủy xã X, Đoàn …")
                ref = parse_body(text, m.end(), known)
                # (a unit the text names without its type: "tại Hà Tĩnh, …")
                if place_re().match(text, m.end()) or any(c.pos == m.end() for c in ctx.mentions) \
                        or (ref is not None and ref.complete and resolve(ref, ctx, m.end()).locality()):
                    item = _item(text, m.end(), c.subject_start, ctx, people, known)
                    if item and item[0]:
                        targets = [item[0]]
                        break
        if not targets:
            m = _re("congress_of").search(text, c.subject_end, c.sentence.end)
            units = _re("party_of_units").match(text, m.end()) if m else None
            if units:
                _list_at(text, units.end(), c.sentence.end, ctx, people, known, targets)
            item = _item(text, m.end(), c.sentence.end, ctx, people, known) if m and not units else None
            if item and item[0]:
                targets = [item[0]]
        if not targets:
            # "Đoàn đã chọn 03 đơn vị: xã A, xã B và thị trấn C để tiến hành kiểm tra"
            targets, _ = _chosen_units(text, c.subject_end, c.end or c.sentence.end, ctx, people, known)
        if not targets and c.subject_start is not None \
                and _re("passive").search(text, c.sentence.start, c.subject_start):
            targets = _passive_subject(text, c, ctx, people, known)
        if not targets and (c.leader or c.date):
            # a unit named with its type in what the verb takes: "kiểm tra công tác
            # chuẩn bị vận hành phường X và xã Y" inspects X and Y
            targets = _object_units(text, c, ctx, people, known, docs)
        trip = _re("trip_frame").match(text, c.sentence.start, c.subject_start) \
            if c.subject_start is not None else None
        if trip is not None:
            # the trip the sentence opens on: "Trong chuyến thăm và làm việc tại tỉnh X, ngày …,
            # đồng chí Y … đã làm việc tại xã Z" went to X as well as Z
            _list_at(text, trip.end(), c.subject_start, ctx, people, known, targets)
        if c.leader and not c.date and c.listed:
            c.date = _listed_date(text, sentences, c, docs)
        lead_in = _lead_in(text, sentences, c) if not c.date else None
        if lead_in is not None:
            # "Trong 2 ngày 16, 19/6/2023 tại trụ sở Đảng ủy xã A và Đảng ủy xã B. Tổ giám sát … đã
            # giám sát …": a fragment of time and place before the act tells when and where
            c.date, c.date_pos = _date_in(text, lead_in.start, lead_in.end, docs)
            if not targets:
                targets = _targets(text, lead_in.start, lead_in.end, ctx, people, known)
        if c.date or c.leader:
            last = events[-1] if events else None
            same = (last is not None
                    and (c.leader is None or last.leader in (None, c.leader))
                    and (c.date is None or last.day in (None, c.date[:2])))
            if not same:
                prev = last
                last = Event()
                if c.listed and prev is not None and prev.sentences \
                        and c.sentence.paragraph - prev.sentences[-1].paragraph in (0, 1):
                    # delegations listed together act for the body that sent them, one to a
                    # sentence or to a paragraph ("Đoàn số 2 do … kiểm tra tại huyện B."),
                    # and go out on the day it sent them, unless one has its own
                    last.inspector, last.kind = prev.inspector, prev.kind
                    if c.date is None and prev.day is not None:
                        last.date, last.day = prev.date, prev.day
                elif prev is not None and c.leader is None and c.delegation_body is None \
                        and c.delegation is not None and fold(c.delegation) == fold("đoàn"):
                    # "Ngày 6/3, đoàn làm việc tại xã B": the same delegation, out on another day
                    last.inspector, last.kind, last.leader = prev.inspector, prev.kind, prev.leader
                events.append(last)
            ev = last
            if c.date:
                ev.day = c.date[:2]
                ev.date = c.date
                ev.other_days = _each_day(text, c.date_pos)[1:]
            ev.leader = ev.leader or c.leader
        elif events:
            ev = events[-1]
        else:
            ev = frame
        ev.sentences.append(c.sentence)
        if ev.kind not in specific_activity_kinds():
            ev.named_only = c.named_only
        ev.kind = ev.kind if ev.kind in specific_activity_kinds() else (c.kind or ev.kind)
        ev.inspector = ev.inspector or c.delegation_body or c.subject_body
        ev.delegation = ev.delegation or c.delegation
        for t in targets:
            # (a caption that names the organisation of a locality visited, "… tại Hội Liên hiệp
            # Phụ nữ xã A" under "… tại 4 xã A, B, …", shows that locality again)
            if t not in ev.targets and not (c.side and any(t.endswith(" " + u) for u in ev.targets)):
                ev.targets.append(t)
    for s, name in leader_only:
        prior = [e for e in events if e.sentences and e.sentences[0].start <= s.start]
        target = prior[-1] if prior else (events[0] if events else frame)
        target.leader = target.leader or name
    for s, name in chairs:
        # "Đồng chí X – Bí thư Huyện ủy đã chủ trì hội nghị." after a working session
        # the standing committee held: the meeting is the session; a meeting that
        # announces an inspection may be chaired by the host, who leads nothing
        prior = [e for e in events if e.sentences and e.sentences[0].start <= s.start]
        if prior and prior[-1].kind == "working_session" and prior[-1].leader is None:
            prior[-1].leader = name
    if not events and frame.sentences:
        events = [frame]
        frame = Event(kind=frame.kind, inspector=frame.inspector)
    for ev in events:
        if not ev.targets and ev is not frame:
            # "Tổ công tác số 1, số 3 của <body> làm việc với Ban Thường vụ Tỉnh ủy các tỉnh: A, B.
            # Tổ công tác số 1 do X chủ trì; …": the outings told after go to the units told before
            ev.targets = list(frame.targets)
    if frame.kind not in specific_activity_kinds() and title_sentence is not None \
            and title_sentence.end > title_sentence.start:
        # "Kiểm tra công tác chuẩn bị đại hội" over "Đoàn … đã có buổi làm việc với …":
        # the headline names what the working session was
        told = _kind(text, title_sentence.start, title_sentence.end)
        if told in specific_activity_kinds():
            frame.kind = told
        for ev in events:
            # "Kiểm tra công tác bầu cử" over "Đoàn giám sát … đã làm việc với …": what the
            # headline calls the session, not the delegation's name, is its kind
            if ev.named_only and told in specific_activity_kinds():
                ev.kind = told
    for ev in events:
        if not ev.targets and ev.sentences:
            host = _host_side(text, sentences, ev, ctx, people, known)
            if host:
                ev.targets.append(host)
    for ev in events:
        if ev.inspector is not None:
            # a body does not inspect itself: "Ủy ban Kiểm tra Huyện ủy X đã kiểm tra
            # Ủy ban Kiểm tra Huyện ủy X và …" names it twice in a list
            own = {ev.inspector.canonical(), ev.inspector.locality()}
            ev.targets = [t for t in ev.targets if t not in own]
    _same_delegation(text, events, people, known)
    # days listed one by one are one activity a day, each with every site the text lists
    events = [e for ev in events for e in [ev] + [replace(ev, date=day, day=day[:2], targets=list(ev.targets),
                                                          sentences=list(ev.sentences), other_days=[])
                                                  for day in ev.other_days]]
    if frame.inspector is None and any(ev.inspector is None for ev in events):
        owner = _owner(text, sentences, ctx, known, bodies)
        # (not a body visited: "Đây là hoạt động thường xuyên của Đảng ủy xã X" where X was visited)
        if owner is not None and not any(t in (owner.canonical(), owner.locality()) for ev in events for t in ev.targets):
            frame.inspector = owner
    return events, {"kind": frame.kind, "inspector": frame.inspector}


def _same_delegation(text, events, people, known) -> None:
    """An outing of a numbered delegation with no head or body told takes those
    of the same delegation told elsewhere: "Trước đó, ngày 24/7, Đoàn kiểm tra
    số 8 đã công bố …" is led by whoever the text names "Trưởng Đoàn kiểm tra
    số 8 (của <body>)", or whoever led its other outing."""
    heads: dict[str, tuple[str | None, BodyRef | None]] = {}
    for ev in events:
        num = _re("delegation_number").search(ev.delegation or "")
        if num is not None and ev.leader is not None:
            heads.setdefault(num.group(1), (ev.leader, ev.inspector))
    if not any(ev.leader is None or ev.inspector is None for ev in events if ev.delegation):
        return
    for m in _re("numbered_head").finditer(text):
        if m.group("num") in heads or text[max(0, m.start() - 4):m.start()].lower().endswith("phó "):
            continue
        # the official whose chain the role closes, after the name or before it
        pm = next((p for p in people if p.start <= m.start() < p.end + 3
                   and re.fullmatch(r"[ \t]*[,–-]?[ \t]*", text[p.end:m.start()] if p.end < m.start() else "")), None)
        body = None
        if m.group("link"):
            ref = _joint_body(text, m.end(), known)
            body = ref if ref is not None and ref.complete else None
        if pm is None:
            after = (body.end if body is not None else m.end())
            pm = next((p for p in people if after <= p.start <= after + 40
                       and _re("opener_rest").fullmatch(text, after, p.start)), None)
        if pm is not None:
            heads[m.group("num")] = (pm.name, body)
    for ev in events:
        num = _re("delegation_number").search(ev.delegation or "")
        if num is not None and num.group(1) in heads:
            leader, body = heads[num.group(1)]
            ev.leader = ev.leader or leader
            ev.inspector = ev.inspector or body


def _owner(text, sentences, ctx, known, bodies) -> BodyRef | None:
    """The body the text names as running the activities, where no sentence
    that reports one does: "<body> vừa chủ trì tổ chức 03 cuộc giám sát …",
    "Đây là hoạt động thường xuyên của <body> nhằm …"."""
    for s in sentences:
        for m in _re("activity_of").finditer(text, s.start, s.end):
            ref = _joint_body(text, m.end(), known)
            if ref is not None and ref.complete:
                return resolve(ref, ctx, m.end())
        here = ([b for b in bodies if s.start <= b.start and b.end <= s.end] if bodies is not None
                else find_bodies(text, s.start, s.end, known))
        for b in here:
            if b.complete and _re("runs_activities").match(text, b.end):
                return resolve(b, ctx, b.start)
    return None


def _host_side(text, sentences, ev, ctx, people, known) -> str | None:
    """The unit that receives an outing whose sentence names none, as the text
    tells who attended on its side: "Về phía Thành ủy X, dự buổi làm việc có …",
    or whom the delegation asks to act: "Đoàn giám sát đề nghị Đảng ủy xã X …"."""
    for s in sentences:
        m = _re("host_side").match(text, s.start, s.end)
        if m is None or not _re("attends").search(text, m.end(), s.end):
            m = _re("delegation_asks").match(text, s.start, s.end)
        if m is None:
            continue
        item = _item(text, m.end(), s.end, ctx, people, known)
        if item and item[0] and (place_re().match(item[0]) or any(c.full == item[0] for c in ctx.mentions)):
            return item[0]
    return None


def _continuation(text, s, people) -> Clause | None:
    """A sentence that goes on with the outing just told, its subject the
    official's post alone or left out: "Đồng chí Chủ tịch UBND huyện đã kiểm
    tra … tại xã X", "Kiểm tra sản xuất tại cánh đồng …, xã Y, đồng chí …":
    it adds the units it names."""
    if _re("verb_word").search(text, s.start, min(s.end, s.start + 220)) is None:
        return None        # no event verb where one could open the sentence: the cheap test first
    at = s.start
    for _ in range(3):
        m = _re("adverbial").match(text, at, s.end)
        if m is None:
            break
        at = m.end()
    # the first event verb, then what stands before it: nothing, or a post and tense words
    v = _re("verb_word").search(text, at, min(s.end, at + 100))
    if v is None or (v.start() > at and (text[v.start() - 1].isalnum()
                                         or not _re("continues").fullmatch(text, at, v.start()))):
        return None
    # not a noun ("Trưởng đoàn giám sát là …"), nor an official named before the verb
    if _re("verb_as_noun").search(text, max(at, v.start() - 12), v.start()) \
            or any(at <= p.start < v.start() for p in people):
        return None
    if v.start() == at:
        # the verb opening the sentence, where it went before the comma ("Kiểm tra sản
        # xuất tại cánh đồng …, đồng chí …"), not a noun phrase ("Giám sát chuyên đề giúp …")
        comma = text.find(",", v.end(), s.end)
        if at != s.start or not _re("went_to").search(text, v.end(), s.end if comma < 0 else comma):
            return None
    kind = _kind(text, v.start(), s.end)
    return Clause(s, v.end(), None, None, None, None, None, kind, None, at, end=s.end, continued=True) if kind else None


def _chosen_sites(text, s, ctx, people, known) -> Clause | None:
    """A sentence after the outing that names the units it picked to go to:
    "<subject> đã chọn 04 đơn vị: huyện A, …, thành phố B để tiến hành kiểm
    tra …" adds them as its targets, whoever the subject is."""
    units, does = _chosen_units(text, s.start, s.end, ctx, people, known)
    if does is None:
        return None
    return Clause(s, does.end(), None, None, None, None, None, _kind(text, does.start(), does.end()), None,
                  s.start, end=does.end(), hosts=units)


def _chosen_units(text, start, end, ctx, people, known) -> tuple[list[str], re.Match | None]:
    """The units listed after "(lựa) chọn" and before "(để) tiến hành <verb>",
    and that verb."""
    for ch in _re("chooses").finditer(text, start, end):
        units: list[str] = []
        q = _list_at(text, ch.end(), end, ctx, people, known, units)
        if units and (does := _re("then_does").match(text, q)) is not None:
            return units, does
    return [], None


def _passive_subject(text, c, ctx, people, known) -> list[str]:
    """Who undergoes the activity told in the passive: the unit or body that
    opens the sentence, after its time and place phrases, right before "được"."""
    at = c.sentence.start
    for m in _re("adverbial").finditer(text, c.sentence.start, c.subject_start):
        if m.start() != at:
            break
        at = m.end()
    out: list[str] = []
    q = _list_at(text, at, c.subject_start, ctx, people, known, out)
    passive = _re("passive").search(text, q, c.subject_start)
    return out if passive is not None and not text[q:passive.start()].strip() else []


def _object_units(text, c, ctx, people, known, docs) -> list[str]:
    """The units listed first after the activity's verb, in its own clause,
    each written with its type ("phường X", "xã Y"), none inside a cited
    document."""
    end = c.end or c.sentence.end
    semi = text.find(";", c.subject_end, end)
    end = end if semi < 0 else semi
    act = _first_act(text, c.subject_end, end)
    if act is None:
        return []
    for m in ctx.mentions:
        if not act < m.pos < end:
            continue
        if any(d.start <= m.pos < d.end for d in docs):
            return []
        opens = _re("units_in_brackets").search(text, max(act, m.pos - 40), end)
        if opens is not None and opens.end() == m.pos:
            # "đánh giá kết quả … 3 xã (A, B, C), … 4 xã (D, E) năm 2024": the units
            # each count lists in brackets
            out = []
            for b in _re("units_in_brackets").finditer(text, act, end):
                close = text.find(")", b.end(), end)
                out += [c.full for c in ctx.mentions if b.end() <= c.pos < close and c.full not in out]
            return out
        if not place_re().match(text, m.pos) or _re("clause_break").search(text, act, m.pos):
            return []
        out: list[str] = []
        _list_at(text, m.pos, end, ctx, people, known, out)
        return out
    return []


def _heads_by_title(text, s, pm, people) -> bool:
    """Does the chain of titles after ``pm`` end in "Trưởng đoàn" (not "Phó
    Trưởng đoàn", not "Trưởng đoàn đại biểu Quốc hội"), in the same clause and
    before any other person?"""
    end = min(s.end, pm.end + 260)
    m = _re("chain_ends_head").search(text, pm.start, end)      # the mention may hold the chain
    if m is None or _re("clause_break").search(text, pm.start, m.start()):
        return False
    return not any(pm.start < p.start < m.start() for p in people if p is not pm)


def _leads_by_title(text, s, pm) -> bool:
    """"Đồng chí X, Ủy viên …, Chủ tịch … làm trưởng đoàn.": a sentence of its
    own that opens on the official and whose chain of titles closes in leading
    the delegation, with no place, verb or other person between."""
    if _re("adverbial").fullmatch(text, s.start, pm.start) is None and \
            not re.fullmatch(rf"[ \t]*(?:(?:{lexicon().honorific_re})[ \t]+)?", text[s.start:pm.start]):
        return False
    lead = _re("leads_late").search(text, pm.end, min(s.end, pm.end + 200))
    if lead is None:
        # "Đồng chí X, Ủy viên …, Chủ tịch HĐND tỉnh chủ trì.": chairing the outing
        # just told (the name's chain may hold the verb)
        chair = _re("chairs_alone").search(text, pm.start, s.end)
        return chair is not None and not _re("clause_break").search(text, pm.start, chair.start())
    # (what it leads may close the sentence: "Đồng chí X, Trưởng ban … dẫn đầu đoàn.")
    return not _re("clause_break").search(text, pm.end, lead.start()) \
        and _re("lead_closes").fullmatch(text, lead.end(), s.end) is not None


def _person_at(people, pos):
    for pm in people:
        if pos <= pm.start <= pos + 12:
            return pm
    return None


def names_activity(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds an activity's verb (the cheap test)."""
    return _re("any_verb").search(text, start, end) is not None


def _clause(text, s, ctx, people, docs, known, bodies=None) -> Clause | None:
    if not names_activity(text, s.start, s.end):
        return None        # no event verb, no activity: the cheap test first
    body = text[s.start:s.end]
    ahead = _ahead(text, s.start, s.end)
    act = _first_act(text, s.start, ahead) if ahead < s.end else None
    while act is not None and (under := _re("under_programme").match(text, ahead, s.end)) is not None:
        # "… đã kiểm tra mô hình tại xã X theo chương trình MTCP2": done under a programme the
        # sentence names after the act, not planned ("Theo kế hoạch, đoàn sẽ …" opens it)
        ahead = _ahead(text, under.end(), s.end)
    if ahead < s.end:
        # a plan ahead of the action ("Theo kế hoạch, đoàn sẽ kiểm tra …", "các
        # đoàn làm việc … bắt đầu từ ngày 2/5"), not a later clause about
        # something else ("đã kiểm tra công tác chuẩn bị đại hội …, dự kiến sẽ
        # được tổ chức vào ngày 20/7")
        act = _first_act(text, s.start, s.end)
        if act is None or ahead < act or not re.search(r",[ \t]*$", text[act:ahead]):
            return None
    subject_end = None
    deleg_body = None
    subject_body = None
    delegation = None
    deleg_start = s.start
    organiser = None
    set_up_acting = False       # a delegation set up on the day told, acting (see above)
    hosts: list[BodyRef] = []
    chosen: list[str] = []
    for m in _re("delegation").finditer(text, s.start, s.end):
        before = text[max(s.start, m.start() - 12):m.start()]
        # (nor one named in a purpose: "… chọn 2 đơn vị để đoàn giám sát đi khảo sát"; nor the
        # Youth Union of a unit: "mỗi tỉnh, thành Đoàn", "huyện Đoàn", "Ban Thường vụ Tỉnh đoàn",
        # or the Union itself: "kiểm tra, giám sát trong Đoàn")
        if re.search(r"(?:với|của|[Tt]rưởng|viên|gia|[Pp]hó|(?<!\w)(?:để|trong))[ \t]*$", before) \
                or m.group("d")[0] == "Đ" and re.search(r"(?<!\w)(?:tỉnh|thành|huyện|quận|thị)[ \t]+$", before) \
                or re.search(r"(?<!\w)(?:Tỉnh|Thành|Huyện|Quận|Thị)[ \t]+$", before):
            continue
        set_up = _re("set_up").search(text, max(s.start, m.start() - 20), m.start())
        if set_up is not None and not ((_re("set_up_acts").match(text, m.end())
                                        or _days_worked(text, s.start, set_up.start()))
                                       and _date_in(text, s.start, set_up.start(), docs)[0] is not None
                                       and not _re("future").search(text, s.start, s.end)):
            # (a delegation set up on a day told, that then does its work, acts: "Ngày 19/3, <body>
            # đã thành lập Đoàn kiểm tra tiến hành kiểm tra …"; so does one set up over the days
            # it worked: "Từ ngày 9 - 11/5/2022, <body> thành lập đoàn kiểm tra … tại …")
            continue
        if any(d.start <= m.start() < d.end for d in docs):
            continue
        if any(p.start <= m.start() < p.end for p in people):
            continue       # the surname Đoàn ("ông Đoàn Minh Thanh"), or a chain's "Trưởng đoàn"
        if fold(m.group("d")) == fold("đoàn") and (whole := parse_body(text, m.start(), known)) is not None \
                and whole.complete and whole.end > m.end():
            continue       # a body whose name opens with the word: "Đoàn đại biểu Quốc hội tỉnh giám sát …"
        end = m.end()
        q = re.compile(r"[ \t]+(?:của[ \t]+)?").match(text, end)
        ref = _joint_body(text, q.end(), known) if q else None
        if ref is not None and ref.complete:
            deleg_body = resolve(ref, ctx, q.end())
            end = ref.end
            partner = _re("joint_delegation").match(text, end)
            other = parse_body(text, partner.end(), known) if partner is not None else None
            if other is not None and other.complete and (partner.group("team") or _re("name_closes").match(text, other.end)):
                # "Đoàn công tác của Ban Thường vụ Thành ủy và Đoàn giám sát của Thường trực HĐND
                # thành phố do …": two groups acting together, joint inspectors as the text joins them;
                # so are two bodies one delegation acts for, where the second closes its name
                # ("Đoàn Giám sát của Ủy ban Kiểm tra Tỉnh ủy X và Ủy ban Kiểm tra Đảng ủy Quân khu 4 do …")
                second = resolve(other, ctx, partner.end())
                deleg_body = replace(deleg_body, end=other.end,
                                     central=f"{deleg_body.canonical()}, {second.canonical()}")
                end = other.end
        elif ref is not None and ref.organs and not ref.committee and not ref.central:
            # "Quyết định … của Ban Thường vụ Tỉnh ủy về việc thành lập Đoàn kiểm
            # tra của Ban Thường vụ …": the organ is the one the sentence named in full
            here = ([b for b in bodies if s.start <= b.start and b.end <= ref.start] if bodies is not None
                    else find_bodies(text, s.start, ref.start, known))
            full = next((b for b in reversed(here) if b.complete and b.organs == ref.organs), None)
            if full is not None:
                deleg_body = resolve(full, ctx, full.start)
                end = ref.end
        if deleg_body is None and ref is None:
            # a name that holds the subject matter: "Đoàn giám sát, kiểm tra công
            # tác bầu cử … của Ủy ban Thường vụ Quốc hội do …": the body that
            # closes the name (not a document's issuer: "… Nghị quyết … của …")
            for of in _re("of_body").finditer(text, end, min(s.end, end + 250)):
                if _re("name_break").search(text, end, of.start()):
                    break
                named = _joint_body(text, of.end(), known)
                if named is not None and (named.complete or named.central) \
                        and _re("name_closes").match(text, named.end) \
                        and not _re("doc_word_before").search(text, max(s.start, of.start() - 14), of.start()):
                    deleg_body, end = resolve(named, ctx, of.end()), named.end
                    break
        if deleg_body is None:
            # "<body> đã tổ chức (các) đoàn kiểm tra …": the body sends the delegations
            org = set_up or _re("organises").search(text, max(s.start, m.start() - 40), m.start())
            if org is not None:
                here = ([b for b in bodies if s.start <= b.start and b.end <= s.end] if bodies is not None
                        else find_bodies(text, s.start, s.end, known))
                b = next((b for b in here if b.complete and b.end <= org.start()
                          and re.fullmatch(r"[ \t]*(?:(?:đã|vừa)[ \t]+)?", text[b.end:org.start()])), None)
                if b is not None and _re("role_before").search(text[max(s.start, b.start - 30):b.start]):
                    # "đồng chí X, Phó Chủ tịch UBND tỉnh Y tổ chức đoàn khảo sát …":
                    # the body closes the official's post; the official sends the delegation
                    organiser = next((p for p in reversed(people) if s.start <= p.start < b.start
                                      and not _re("chain_break").search(text, min(p.end, b.start), b.start)), None)
                    b = None
                if b is not None:
                    deleg_body = resolve(b, ctx, b.start)
        delegation = m.group(0)
        deleg_start = m.start()
        subject_end = end
        set_up_acting = set_up is not None
        break
    if subject_end is None:
        here = ([b for b in bodies if s.start <= b.start and b.end <= s.end] if bodies is not None
                else find_bodies(text, s.start, s.end, known))
        for b in here:
            if not b.complete:
                continue
            verb = _re("body_verb")
            v = verb.match(text, b.end)
            if v is None and _re("body_do").match(text, b.end):
                # "<body> do đồng chí X … làm trưởng đoàn đã có buổi làm việc …": the verb after its head
                _, lead_end = _leader(text, b.end, s, people)
                v = verb.match(text, lead_end) if lead_end is not None else None
            if v is None and (under := _re("under_chair_after").match(text, b.end)):
                # "Bộ Chính trị dưới sự chủ trì của <posts> X đã làm việc …": the verb after who chaired
                pm = next((p for p in people if under.end() <= p.start < under.end() + 150
                           and not _re("clause_break").search(text, under.end(), p.start)), None)
                v = verb.match(text, pm.end + (text[pm.end:pm.end + 1] == ",")) if pm is not None else None
            if v and not re.compile(r"[ \t]+\d").match(text, v.end()):
                before = text[max(s.start, b.start - 12):b.start]
                if re.search(r"(?:với|của|đối với|tại)[ \t]*$", before):
                    continue
                if _re("role_before").search(text[max(s.start, b.start - 30):b.start]) \
                        or any(p.start < b.start < p.end for p in people):
                    continue       # "…, Trưởng Ban Tuyên giáo Tỉnh ủy kiểm tra": a post, the person acts
                if _re("co_leaders").search(text, max(s.start, b.start - 30), b.start):
                    continue       # "đồng chí X cùng lãnh đạo Sở Y đi kiểm tra": X acts, Y comes along
                host = _re("with_delegation_after").match(text, v.end())
                sent = _re("delegation").match(text, host.end()) if host is not None else None
                if sent is not None:
                    # "<body> (tiếp và) làm việc với Đoàn kiểm tra của <B> do X làm trưởng
                    # đoàn": B's delegation works with the body, which hosts it
                    hosts = [resolve(b, ctx, b.start)]
                    q = re.compile(r"[ \t]+(?:của[ \t]+)?").match(text, sent.end())
                    ref = _joint_body(text, q.end(), known) if q else None
                    deleg_body = resolve(ref, ctx, q.end()) if ref is not None and ref.complete else None
                    delegation, deleg_start = sent.group(0), sent.start()
                    subject_end = ref.end if deleg_body is not None else sent.end()
                    break
                subject_body = resolve(b, ctx, b.start)
                subject_end = b.end
                delegation = None
                break
        opener = next((b for b in here if b.complete), None) if subject_end is None else None
        if opener is not None and (opener.start == s.start or _re("adverbial").fullmatch(text, s.start, opener.start)) \
                and (ch := _re("chooses").search(text, opener.end, s.end)) is not None:
            # "<body> đã …, lựa chọn chi bộ X tiến hành giám sát chuyên đề": the one it chose,
            # named before "tiến hành <verb>", is whom its activity is done to
            item = _item(text, ch.end(), s.end, ctx, people, known)
            if item is not None and item[0] and _re("then_does").match(text, item[1]):
                subject_body, subject_end = resolve(opener, ctx, opener.start), item[1]
                chosen.append(item[0])
    leader = None
    official_start = None
    if subject_end is None:
        # one official as the subject: "<time>, đồng chí X, Bí thư Tỉnh ủy đã
        # kiểm tra …", "Tổng Bí thư X đã đến thăm và làm việc với …"
        found = _official_subject(text, s, people, known, docs)
        if found is None:
            return None
        pm, headed, subject_end = found
        leader = pm.name
        official_start = pm.start
        if headed is not None:
            deleg_body = resolve(headed, ctx, headed.start)
    # ("Hội nghị <body> làm việc với …": the body's meeting with its hosts is a session, not a conference)
    if delegation is None and not _re("announces").search(body) and any(
            subject_body is None or not _re("meeting_of").fullmatch(text, s.start + m.end(), subject_body.start)
            for m in _re("conference").finditer(body)):
        return None
    if leader is None and delegation is not None \
            and (heads := _re("heads_then_acts").search(text, max(s.start, deleg_start - 30), deleg_start)):
        # "X, …, Trưởng ban … làm trưởng đoàn Đoàn kiểm tra của … tại …": the official whose chain
        # closes in heading the delegation leads it (a host's head named later with "do" does not)
        pm = next((p for p in reversed(people) if s.start <= p.start and p.end <= heads.start()), None)
        if pm is not None and not _re("chain_break").search(text, pm.end, heads.start()):
            leader = pm.name
    if leader is None:
        leader, lead_end = _leader(text, subject_end, s, people)
        if leader and lead_end is not None and lead_end > subject_end and \
                not _re("targets_word").search(text[subject_end:lead_end]):
            # targets follow the leader ("… do X làm trưởng đoàn làm việc với …")
            subject_end = lead_end
    if leader is None and organiser is not None:
        leader = organiser.name
    if leader is None:
        # "dưới sự chủ trì của <post> X, Đoàn giám sát … đã làm việc …": who chaired it leads
        under = _re("under_chair").search(text, s.start, s.end)
        pm = next((p for p in people if under is not None and under.end() <= p.start < under.end() + 150
                   and "." not in text[under.end():p.start]), None)
        leader = pm.name if pm is not None else None
    if leader is None and delegation is not None:
        # "đồng chí X, Trưởng Ban … và đoàn công tác của Ban … đã làm việc": the
        # official named with the delegation leads it
        # (the chain may end in a title the tables do not know: "…, Giám đốc Học viện cùng đoàn …")
        with_ = next((p for p in people if s.start <= p.start and p.end <= deleg_start
                      and (_re("with_delegation").fullmatch(text, p.end, deleg_start)
                           or _re("title_then_with").fullmatch(text, p.end, deleg_start)
                           and not _re("chain_break").search(text, p.end, deleg_start))), None)
        leader = with_.name if with_ is not None else None
    if leader is None and delegation is not None:
        # "Đoàn giám sát gồm có ông X - Phó Chủ tịch … - Trưởng đoàn giám sát, cùng …": a
        # member whose chain of titles, before the verb, ends in heading the delegation
        act = _first_act(text, deleg_start, s.end)
        leader = next((p.name for p in people if deleg_start < p.start < (s.end if act is None else act)
                       and _heads_by_title(text, s, p, people)), None)
    kind = _kind(text, deleg_start if delegation is not None else subject_end, s.end,
                 subject_end if delegation is not None else None)
    if kind is None:
        return None
    # what the sentence says after a later future clause is not this activity's
    clause_end = ahead
    date, date_pos = _date_in(text, s.start, clause_end, docs)
    subject_start = deleg_start if delegation is not None else (
        subject_body.start if subject_body is not None else official_start)
    # "<body> đã tổ chức các đoàn kiểm tra …": organising the delegations is acting, and
    # so is setting them up on the days they worked
    # (or past the leaders, whose list may hold semicolons: "do X, …; Y, … đã kiểm tra")
    acts = delegation is None or set_up_acting or _acts(text, s.start, s.end) or _acts(text, subject_end, s.end) or \
        _re("organises").search(text, max(s.start, deleg_start - 40), deleg_start) is not None
    # "Đoàn giám sát … đã làm việc với …": the kind only the delegation's name gives
    named_only = delegation is not None and kind in specific_activity_kinds() \
        and _kind(text, subject_end, s.end) not in specific_activity_kinds()
    return Clause(s, subject_end, deleg_body, subject_body, leader,
                  date, date_pos, kind, delegation, subject_start, acts, clause_end,
                  hosts=[h.locality() or h.canonical() for h in hosts] + chosen, named_only=named_only)


def _date_in(text, start, end, docs) -> tuple[tuple[int, int, int | None] | None, int | None]:
    """The day a clause states (day, month, year or None) and where, not a
    cited document's date."""
    told = None
    for t in _re("time").finditer(text, start, end):
        before = text[max(start, t.start() - 40):t.start()]
        if PERIOD_BOUND.search(before[-12:]) or _re("doc_date").search(before):
            continue
        if any(d.start <= t.start() < d.end for d in docs):
            continue
        dm = parse_date(t, dotted=True)     # after "ngày", "Chiều 20.2" is a date
        if dm:
            told = (dm.day, dm.month, dm.year), t.start()
            break
    # days listed or spanned before one month ("Trong các ngày 11, 12/8/2021",
    # "từ ngày 02 – 06/9/2022", "trong 2 ngày 13 và 14-12"): the outing begins on the first,
    # a list that holds the day told in full too ("Ngày 19 và ngày 20/3/2019")
    for t in _re("days").finditer(text, start, end):
        if told is not None and t.start() > told[1]:
            break
        if any(d.start <= t.start() < d.end for d in docs):
            continue
        last = parse_date(t, dotted=True)
        if last and last.day > int(t.group("first")):
            return (int(t.group("first")), last.month, last.year), t.start()
    if told is not None:
        return told
    for t in _re("span").finditer(text, start, end):
        if any(d.start <= t.start() < d.end for d in docs):
            continue
        last = parse_date(t, dotted=True)
        first = (int(t.group("am")), int(t.group("a")))
        if last and 1 <= first[0] <= 12 and first <= (last.month, last.day):
            return (first[1], first[0], last.year), t.start()
    return None, None


def _each_day(text, pos) -> list[tuple[int, int, int | None]]:
    """Each day of days listed one by one at ``pos`` ("ngày 16, 19/6/2023", "Ngày 13
    và 14-5": one outing a day, each with every site, the calls of eval/real/README.md),
    in order; none for a span ("từ ngày 2 – 6/9", "từ ngày 1 đến 5/4": one outing, on
    its first day) or a single day."""
    m = _re("days").match(text, pos) if pos is not None else None
    if m is None or m.group("d") is None or re.search(r"[-–]|(?<!\w)(?i:đến|từ)(?!\w)", text[m.start():m.start("d")]):
        return []
    last = parse_date(m, dotted=True)
    days = [int(d) for d in re.findall(r"\d+", text[m.start("first"):m.start("d")])] + [last.day] if last else []
    if any(a >= b for a, b in zip(days, days[1:])):
        return []
    return [(d, last.month, last.year) for d in days]


def _lead_in(text, sentences, c):
    """The sentence just before ``c``'s, in its paragraph, when it is a fragment
    of time and place with no verb ("Trong 2 ngày 16, 19/6/2023 tại trụ sở Đảng
    ủy xã A."), as a full stop typed too early leaves it."""
    i = next((i for i, s in enumerate(sentences) if s is c.sentence), 0)
    if i == 0 or c.subject_start is None or c.subject_start != c.sentence.start:
        return None
    prev = sentences[i - 1]
    if prev.paragraph != c.sentence.paragraph or names_activity(text, prev.start, prev.end):
        return None
    opens = _re("days").match(text, prev.start, prev.end) or _re("time").match(text, prev.start, prev.end)
    return prev if opens is not None and _re("lead_in_place").match(text, opens.end(), prev.end) else None


def _co_delegation_leaders(text, s, c, people) -> list[str]:
    """The heads of other delegations the subject joins to the first ("Đoàn
    số 1 do X làm trưởng đoàn và Đoàn số 2 do Y làm trưởng đoàn đã kiểm tra
    …"; "các đoàn công tác do đồng chí X, …; đồng chí Y, … đã kiểm tra …"),
    before the verb they share; none when there are none or they are the first's."""
    if c.delegation is None or c.leader is None or c.subject_start is None:
        return []
    if _re("plural_before").search(text, max(s.start, c.subject_start - 8), c.subject_start):
        # delegations in the plural, one to each official listed after "do"
        pm = next((p for p in people if p.name == c.leader and c.subject_start < p.start < s.end), None)
        acts = _chains_then_act(text, pm, s, people) if pm is not None else None
        if acts is not None:
            return [p.name for p in acts[0] if p.name != c.leader]
    act = _first_act(text, c.subject_start, s.end)
    joined = _re("co_delegation").search(text, c.subject_start, act if act is not None else s.end)
    if joined is None:
        return []
    lead, _ = _leader(text, joined.end(), s, people)
    return [lead] if lead is not None and lead != c.leader else []


def _chains_then_act(text, pm, s, people) -> tuple[list, re.Match] | None:
    """The officials listed after ``pm`` as joint subjects and the event verb
    that follows their chains ("X, Bí thư …; Y, Chủ tịch … đã trực tiếp kiểm
    tra …"), or None when no verb follows."""
    followers = _co_officials(text, pm.end, s, people)
    v = _re("official_verb").match(text, followers[-1].end if followers else pm.end)
    return (followers, v) if v is not None else None


def _delegation_parts(text, s, people) -> list:
    """The sentence cut at each semicolon that opens another delegation with
    its own head: "Đoàn 2 do …", "ông Y, … làm Trưởng đoàn kiểm tra số 02 …"."""
    cuts = []
    for semi in re.finditer(";", text[s.start:s.end]):
        a = s.start + semi.end()
        nxt = text.find(";", a, s.end)
        b = s.end if nxt < 0 else nxt
        opens = _re("ordinal_delegation").match(text, a) is not None
        if not opens:
            # a person who heads a delegation of the list and the units it covers
            pm = next((p for p in people if a <= p.start <= a + 14), None)
            lead = _re("leads_late").search(text, pm.start, b) if pm is not None else None
            opens = lead is not None and _re("covers").search(text, lead.start(), b) is not None
        if opens:
            cuts.append(s.start + semi.start())
    if not cuts:
        return [s]
    bounds = [s.start] + [c + 1 for c in cuts]
    ends = cuts + [s.end]
    return [replace(s, start=a, end=b, text=text[a:b]) for a, b in zip(bounds, ends)]


def _listed_date(text, sentences, c, docs):
    """The day given earlier in the paragraph of a listed delegation ("Vừa qua,
    từ ngày 01 – 05/4/2021, huyện … tổ chức các đoàn kiểm tra …. Ông X làm
    Trưởng đoàn số 01 …; ông Y …")."""
    at = c.subject_start if c.subject_start is not None else c.subject_end
    for t in reversed(sentences):
        if t.paragraph != c.sentence.paragraph or t.start >= at:
            continue
        date, _ = _date_in(text, t.start, min(t.end, at), docs)
        if date:
            return date
    return None


def _framed_session(text, s, people) -> Clause | None:
    """"(Trong|Tại) buổi <verbs> với|tại <whom> …, <official> <says> …": the
    official who speaks after the frame led the session it names."""
    # (or the verb alone opening the sentence: "Làm việc tại tỉnh X chiều 20/2, Bộ trưởng Y đề nghị …")
    m = _re("session_frame").search(text, s.start, min(s.end, s.start + 60))
    bare = m is None
    if bare:
        # (after the day it names: "Ngày 23/4, kiểm tra công tác bầu cử tại tỉnh X, <official> đề nghị …")
        day = _re("time").match(text, s.start, s.end)
        after = _re("time_comma").match(text, day.end(), s.end) if day is not None else None
        m = _re("opening_session").match(text, after.end() if after is not None else s.start, s.end)
    if m is None or _re("with_delegation_after").match(text, m.end()):
        return None        # "Tại buổi làm việc với đoàn công tác …, đồng chí X báo cáo": X hosts it
    comma = text.find(",", m.end(), s.end)
    while comma >= 0 and text[comma - 1:comma].isdigit() and text[comma + 1:comma + 2].isdigit():
        comma = text.find(",", comma + 1, s.end)        # "1,5 tỷ" is a number
    if comma < 0:
        return None
    # the first comma past the list of targets and the topic: the frame ends
    # where an official is named after a comma with only titles between
    for c in re.finditer(",", text[comma:s.end]):
        at = comma + c.start()
        if bare and place_re().match(text, _re("time_comma").match(text, at).end()):
            continue       # ", tỉnh Y" locates the unit the frame names
        # (the official's chain of titles opening right after the comma, however long:
        # "…, Ủy viên Bộ Chính trị, Phó Chủ tịch Thường trực Quốc hội, … Lê Văn A đề nghị …")
        titled = next((p for p in people if p.posts and at < p.posts[0].start < p.start <= at + 250
                       and not text[at + 1:p.posts[0].start].strip()), None)
        pm = titled or next((p for p in people if at < p.start <= at + 80), None)
        if bare and (pm is None or titled is None and "," in text[at + 1:pm.start]):
            # the bare verb frames only a sentence whose next clause is the official's:
            # "Làm việc với huyện X, thay mặt đoàn công tác của huyện Y, đồng chí Z …" is another's
            return None
        if pm is not None and (titled is not None or not _re("chain_break").search(text, at + 1, pm.start)):
            kind = _kind(text, m.start("verbs"), m.end("verbs"))
            if kind is None:
                return None
            date, pos = _date_in(text, s.start, at, [])
            return Clause(s, m.end("verbs"), None, None, pm.name, date, pos, kind, None, None, end=at)
    return None


def _headline_shaped(text: str, s) -> bool:
    """A line of its own with no closing stop ("Tỉnh ủy giám sát tình hình thực
    hiện nghị quyết 6 tháng đầu năm" under a kicker line): a headline the
    reader kept in the body. With neither a day nor a leader it reports no
    outing of its own."""
    line_start = text.rfind("\n", 0, s.start) + 1
    # (after the page-date marker the reader leaves on the line: " date 2025-07 <headline>")
    # (what follows the sentence on its line is looked at in place: a copy of the rest of the
    # text for each sentence made the test quadratic in the text's length)
    own_line = (not text[line_start:s.start].strip(" \t")
                or _re("page_marker").fullmatch(text, line_start, s.start) is not None) \
        and _LINE_ENDS.match(text, s.end) is not None
    return own_line and not text[s.start:s.end].rstrip().endswith(_STOPS)


_STOPS = tuple(".!?…:;")
_LINE_ENDS = re.compile(r"[ \t]*(?:\n|\Z)")


def _captioned(text: str, s) -> bool:
    """Is the sentence a photo's caption, its credit after it on the line ("… làm việc
    với huyện X. Ảnh: Y")? With no day of its own it tells no outing of its own."""
    return _re("credit").match(text, s.end) is not None


def _acts(text: str, start: int, end: int) -> bool:
    """Does the clause report doing something: an event verb or announcing
    that is a predicate, not a noun ("kết quả giám sát") or the name of a
    delegation? "Đoàn giám sát số 1 tổ chức họp thảo luận dự thảo báo cáo
    kết quả giám sát", "cho phép đoàn kiểm tra trưng dụng cán bộ" do not."""
    semi = text.find(";", start, end)
    return _first_act(text, start, end if semi < 0 else semi) is not None


def _first_act(text: str, start: int, end: int) -> int | None:
    """Where the first event verb (or "công bố") used as a predicate stands."""
    for m in _re("acting_verb").finditer(text, start, end):
        if not _re("verb_as_noun").search(text, max(start, m.start() - 12), m.start()) \
                or _re("works_with").match(text, m.start(), end):
            return m.start()
    return None


def _concluded(text, s, ctx, docs) -> Clause | None:
    """An activity known from its conclusion: "Thông báo kết luận số … của Ủy
    ban Kiểm tra Tỉnh ủy về kết quả kiểm tra tài chính đảng năm 2018 đối với
    Ban Thường vụ Huyện ủy X" reports an inspection of X by the issuer, on no
    stated day."""
    for d in docs:
        if not (s.start <= d.start < s.end) or d.issuer is None or d.doc_type not in ("KL", "TB"):
            continue
        m = _re("result_of").match(text, d.end, s.end)
        if m:
            kind = lexicon().event_verbs[fold(m.group("verb"))]
            return Clause(s, m.end(), None, resolve(d.issuer, ctx, d.start), None, None, None, kind, None, d.start)
    return None


def _named_session(text, s, ctx, known) -> Clause | None:
    """An activity named as the sentence's subject: "Buổi làm việc của Ban
    Thường vụ Tỉnh ủy với Ban Thường vụ Huyện ủy X nhằm …" is a working session
    of the body with X, on no stated day."""
    m = _re("named_session").match(text, s.start, s.end)
    ref = parse_body(text, m.end(), known) if m else None
    if ref is None or not ref.complete or not _re("session_with").match(text, ref.end, s.end):
        return None
    kind = lexicon().event_verbs[fold(m.group("verb"))]
    return Clause(s, ref.end, None, resolve(ref, ctx, m.end()), None, None, None, kind, None, m.start("verb"))


def _led_session(text, s, people, docs) -> Clause | None:
    """An activity named as what an official was at: "Đó là yêu cầu của đồng chí
    X, <posts> tại buổi khảo sát … tại các xã A, B ngày 6/3": the official whose
    name and posts the session's noun follows led it."""
    for m in _re("at_session").finditer(text, s.start, s.end):
        pm = next((p for p in people if s.start <= p.start and p.end <= m.start()
                   and re.fullmatch(r"[ \t,]*", text[p.end:m.start()])), None)
        if pm is None or _re("with_delegation_after").match(text, m.end()):
            continue       # "… X, Bí thư Huyện ủy tại buổi làm việc với đoàn công tác …": X hosts it
        kind = _kind(text, m.start("verbs"), m.end("verbs"))
        if kind is None:
            return None
        date, pos = _date_in(text, s.start, s.end, docs)
        return Clause(s, m.end("verbs"), None, None, pm.name, date, pos, kind, None, pm.start, end=s.end)
    return None


def _leader(text, subject_end, s, people) -> tuple[str | None, int | None]:
    """The delegation's leader: the person after "do" whose title chain ends
    in "làm trưởng đoàn" or "dẫn đầu", however long the chain and wherever the
    "do" stands after the subject ("Đoàn kiểm tra của X, bao gồm 6 đồng chí do
    đồng chí Y, …, làm Trưởng đoàn"); else a person whose chain ends in "dẫn
    đầu" before the delegation ("ông Y, Bí thư …, dẫn đầu đoàn kiểm tra")."""
    ordered = sorted((p for p in people if s.start <= p.start < s.end), key=lambda p: p.start)
    for m in _re("leader_do").finditer(text, subject_end, s.end):
        # (the person whose titles open after "do": "do Phó Bí thư Thành ủy, Chủ tịch HĐND
        # thành phố X, Chủ tịch Ủy ban Bầu cử … làm Trưởng đoàn")
        opens = _re("opener_honorific").match(text, m.end()).end()
        pm = next((x for x in ordered if m.end() <= x.start <= m.end() + 40
                   and (x.honorific or x.rank or x.start == m.end()) or m.end() < x.start < m.end() + 200
                   and (_lead_after(text, x) or min((p.start for p in x.posts), default=-1) == opens)), None)
        if pm is not None:
            lead = _lead_after(text, pm)
            if lead is None:
                # the chain may hold titles the tables do not know ("…, Chủ tịch Hội
                # đồng Lý luận Trung ương, Giám đốc Học viện … làm trưởng đoàn"):
                # the lead still closes the same clause, with no place or verb between
                lead = _re("leads_late").search(text, pm.end, min(s.end, pm.end + 160))
                if lead is not None and _re("clause_break").search(text, pm.end, lead.start()):
                    lead = None
            if lead is None and _re("chain_heads").search(text, pm.end - 15, pm.end + 1):
                # "do X, Phó Chủ tịch UBND tỉnh, Trưởng đoàn kiểm tra số 4 đã kiểm tra …"
                return pm.name, None
            if lead is None and (acts := _chains_then_act(text, pm, s, people)) is not None:
                # "Đoàn … do đồng chí X, Bí thư … (cùng …) đã kiểm tra …": no word says X heads
                # it, but the delegation's verb follows X's chain (or those listed with X)
                return pm.name, acts[1].start()
            if lead is not None:
                return pm.name, lead.end()
        elif (lead := _re("leads_late").search(text, m.end(), min(s.end, m.end() + 200))) is not None \
                and not _re("clause_break").search(text, m.end(), lead.start()):
            # a chain the people rules could not part from the name ("do Ủy viên Ban Thường vụ,
            # …, Tổ trưởng Tổ chỉ đạo … Lê Văn A làm trưởng đoàn"): the name that closes it,
            # where the text names that person elsewhere
            closing = text[m.end():lead.start()].rstrip(" \t,")
            named = next((p.name for p in people if closing.endswith(" " + p.name)), None)
            if named is None:
                # or a name of two to four syllables, opening on a surname, closing the chain
                named = _closing_name(closing)
            if named is not None:
                return named, lead.end()
    for pm in ordered:
        if pm.end <= subject_end and _re("dan_dau").match(text, pm.end):
            return pm.name, None
    return None, None


def _closing_name(chain: str) -> str | None:
    """The personal name that closes a chain of titles ("… Bộ trưởng Ngoại giao
    Lê Văn A"): its last three, four or two words, each capitalised (no
    capitals inside: not "HĐND"), the first a surname, after a word in lower
    case (not the end of a place's name: "… tỉnh Sơn La Khu …")."""
    words = chain.split()
    surnames = lexicon().surnames
    for k in (3, 4, 2):
        run = words[-k:]
        if len(words) > k and run[0] in surnames and words[-k - 1][:1].islower() \
                and not re.fullmatch(rf"(?i:{lexicon().unit_type_re})", words[-k - 1]) \
                and all(w[:1].isupper() and w[1:].islower() for w in run):
            return " ".join(run)
    return None


def _lead_after(text, pm) -> re.Match | None:
    """"làm trưởng đoàn", "dẫn đầu", "chủ trì" right after the person, or closing
    the mention itself, whose chain may have taken the meeting role in ("do đồng
    chí X chủ trì và …")."""
    lead = _re("leads").match(text, pm.end)
    if lead is None and pm.end - pm.start > len(pm.name):
        lead = _re("leads_tail").search(text, pm.start + len(pm.name), pm.end)
    return lead


def _official_subject(text, s, people, known, docs=()):
    """A person who opens the sentence (after its time phrase) and is
    followed by an event verb in the same clause."""
    from .people import parse_chain
    # the sentence may open with a news agency's tag and up to two adverbials
    # ("(TTXVN) - Chiều 28/2, tại Hà Tĩnh, …") before its subject
    leads = [s.start]
    while len(leads) <= 3 and (m := _re("adverbial").match(text, leads[-1], min(s.end, s.start + 120))):
        leads.append(m.end())
    if len(leads) == 1 and (m := _re("bare_time").match(text, s.start, s.end)):
        leads.append(m.end())      # a time phrase with no comma after it: "Ngày 12/4/2024 đồng chí X …"
    if (m := _re("after_doing").match(text, leads[-1], s.end)) is not None:
        leads.append(m.end())      # "Sáng 15/3, sau khi dự khai mạc … tại nơi cư trú, đồng chí X … đi kiểm tra …"
    # or after a longer clause put ahead of the day: "Tiếp tục chương trình làm việc của Ban Chỉ
    # đạo …, ngày 16/4, Phó Bí thư Thành ủy X đã chủ trì buổi làm việc …"
    if (t := _re("time").search(text, leads[-1], min(s.end, s.start + 250))) is not None \
            and (m := _re("time_comma").match(text, t.end(), s.end)) is not None:
        leads.append(m.end())
    for pm in people:
        # (a chain of titles may run long: "Phó Chủ tịch UBND tỉnh, Phó Trưởng ban thường trực Ban
        # Chỉ huy Phòng, chống thiên tai (PCTT) và Tìm kiếm cứu nạn (TKCN) tỉnh X")
        if not (s.start <= pm.start <= leads[-1] + 200):
            continue
        # only titles and an honorific may stand before the name: "Tổng Bí thư,
        # Chủ tịch nước X", "Thủ tướng Chính phủ, đồng chí X", "đồng chí X"
        heads_before: list = []

        def opens(a: int) -> bool:
            if a > pm.start:
                return False
            # (the honorific may open, before the titles: "đồng chí Bí thư Tỉnh ủy X")
            a = _re("opener_honorific").match(text, a, pm.start).end()
            _, p = parse_chain(text, a, pm.start, known)
            if _re("opener_rest").fullmatch(text, p, pm.start) is not None:
                return True
            # the chain closing in heading a delegation, the body it acts for before the name:
            # "Bí thư …, Trưởng Đoàn Kiểm tra số 8 của Ban Bí thư Trung ương Đảng Lê Văn A đã …"
            hd = _re("head_role_before").match(text, p, pm.start)
            ref = _joint_body(text, hd.end(), known) if hd is not None and hd.group("link") else None
            ref = ref if ref is not None and ref.complete and ref.end <= pm.start else None
            if hd is None or _re("opener_rest").fullmatch(text, ref.end if ref else hd.end(), pm.start) is None:
                return False
            heads_before[:] = [ref]
            return True
        if not any(opens(a) for a in leads):
            continue
        # "X, …, Trưởng đoàn kiểm tra số 11 của Bộ Chính trị đã chủ trì hội nghị
        # công bố quyết định kiểm tra …": the official heads a delegation named
        # in the chain, and the body it acts for is the inspector
        end, body = pm.end, (heads_before[0] if heads_before else None)
        h = _re("heads_delegation").search(text, pm.start, min(s.end, pm.end + 80)) if not heads_before else None
        if h and h.start() <= pm.end + 2 and h.group("link") == "của":
            ref = _joint_body(text, h.end(), known)
            if ref is not None and ref.complete:
                end, body = ref.end, ref
        elif h and h.start() <= pm.end + 2:
            # "…, Trưởng đoàn kiểm tra số 3 theo Kế hoạch số … của Ủy ban X đã …": a
            # delegation set up under a plan acts for the plan's issuer
            plan = next((d for d in docs if d.start == h.end()), None)
            if plan is not None and plan.issuer is not None and plan.issuer.complete:
                end, body = plan.end, plan.issuer
        if body is None:
            # joint subjects: the verb follows the last of them, the first leads
            followers = _co_officials(text, end, s, people)
            end = followers[-1].end if followers else end
        role = _re("head_role_after").match(text, end, s.end)
        if role is not None:
            end = role.end()       # "…, Trưởng Đoàn kiểm tra số 1 chủ trì hội nghị công bố …"
        heads = bool(heads_before) or role is not None or (h is not None and h.start() <= pm.end + 2)
        v = _re("official_verb").match(text, end)
        if v is None:
            # the verb after a chain the tables cut short: "…, chánh văn phòng Nông
            # thôn mới huyện vừa chủ trì buổi làm việc …", in the same clause
            # (a steering committee's full name may run long, one title with no comma inside:
            # "…, Trưởng Ban Chỉ đạo cuộc bầu cử đại biểu Quốc hội … nhiệm kỳ 2026-2031 của tỉnh đã
            # kiểm tra …"; not "…, Chủ nhiệm … cho biết, bám sát …, cấp ủy các cấp đã kiểm tra …")
            tense = _re("tense").search(text, end, min(s.end, end + 160))
            if tense is not None and tense.start() > end + 80 and "," in text[end:tense.start()].lstrip(" \t,–-"):
                tense = None
            if tense is not None and not _re("chain_break").search(text, end, tense.start()):
                v = _re("official_verb").match(text, tense.start())
        if v is None:
            # or after the few words, opening on a capital, that finish a body the
            # tables cut short ("…, Thường trực Ban Bí thư Trung ương Đảng làm việc với …")
            v = _re("official_verb").match(text, _name_rest(text, end, s.end))

        if v and body is None and (adopts := _re("adopts_report").search(text, end, v.end())) is not None \
                and (of := _re("team_of").match(text, adopts.end()) if adopts.group("team")
                     else _re("report_of_team").match(text, adopts.end())) is not None:
            # the draft report of "Đoàn kiểm tra số 1907 của Bộ Chính trị, Ban Bí thư": the body it acts for
            ref = _joint_body(text, of.end(), known)
            body = ref if ref is not None and ref.complete else None
        if v and v.group("results") and not heads:
            continue       # the results told by whoever chairs, not by the delegation's head: a meeting
        if v:
            return pm, body, end
    return None


def _co_officials(text, end, s, people) -> list:
    """The officials listed after the one whose mention ends at ``end``, as joint
    subjects ("A, Bí thư Tỉnh ủy; B, Phó Bí thư …", "A … và đồng chí B, …"), in order."""
    out = []
    for _ in range(8):
        nxt = _re("co_official").match(text, end, s.end)
        follower = next((p for p in people if nxt and nxt.end() <= p.start <= nxt.end() + 1
                         and p.end > end), None) if nxt else None
        if follower is None:
            # past the rest of a chain the tables do not know ("…, Trưởng
            # Ban Chỉ đạo Chương trình … huyện và đồng chí Y, …")
            follower = next((p for p in people if end < p.start <= end + 160 and p.honorific
                             and not _re("chain_break").search(text, end, p.start)), None)
            if follower is None or not _re("co_official").search(text, end, follower.start):
                break
        out.append(follower)
        end = follower.end
    return out


def _name_rest(text: str, pos: int, end: int, most: int = 8) -> int:
    """Where the rest of a name that goes on from ``pos`` stops, before an event
    verb: up to ``most`` words, the first capitalised, with no clause break
    (``pos`` itself when there is none)."""
    v = _re("acting_verb").search(text, pos, min(end, pos + 80))
    if v is None:
        return pos
    # (and one more title the tables do not know, after a comma: "…, Ủy viên Ban Thường vụ
    # Trung ương Hội X, Phụ trách công tác phía Nam đến làm việc với …")
    parts = text[pos:v.start()].split(",")
    # (not a delegation's name: "…, Phó Trưởng Đoàn kiểm tra, giám sát số 15 phát biểu …")
    if len(parts) > 2 or _re("chain_break").search(text, pos, v.start()) \
            or _re("delegation_end").search(text, pos, v.start()):
        return pos
    named = [part.split() for part in parts]
    if not named[-1] or any(not words and i > 0 for i, words in enumerate(named)) \
            or any(words and (len(words) > most or not words[0][0].isupper()) for words in named):
        return pos
    return v.start() - 1


def _joint_body(text, pos, known):
    """A delegation's body, or bodies acting jointly as the text joins them:
    "Bộ Chính trị, Ban Bí thư", "Ban Tổ chức và Ủy ban Kiểm tra Tỉnh ủy"."""
    ref = parse_body(text, pos, known)
    if ref is None or not ref.central:
        return ref
    from .bodies import replace
    # as many as the list joins: "Ban A Trung ương, Bộ B và Tổng cục C"
    while (m := _re("joint_sep").match(text, ref.end)) is not None:
        other = parse_body(text, m.end(), known)
        if other is None or not other.central:
            break
        ref = replace(ref, end=other.end, central=f"{ref.central}, {other.central}"
                      if "," in m.group(0) else f"{ref.central} và {other.central}")
    return ref


def topic(text: str, sentences, events: list[Event], docs=(), known=frozenset()) -> tuple[tuple[int, int] | None, object]:
    """The first span of the body that names what was inspected, as offsets
    into ``text`` (the caller takes the article's own words for it)."""
    # from the first sentence that reports an activity on; before it, only if nothing after names one
    first = min((es.start for ev in events for es in ev.sentences), default=0)
    # (a plan for it told before, "xây dựng kế hoạch giám sát A", names it first); a sentence that
    # adds to what was said ("Ngoài ra, đoàn còn khảo sát B") only if no other names one
    plans = [s for s in sentences if s.start < first and _re("plan_for").search(text, s.start, s.end)]
    ordered = plans + [s for s in sentences if s.start >= first] + [s for s in sentences if s.start < first and s not in plans]
    adds = [s for s in ordered if _re("likewise").match(text, s.start)]
    ordered = [s for s in ordered if s not in adds] + adds
    # a headline the reader kept in the body names the subject matter only if no other sentence does
    shaped = [s for s in ordered if _headline_shaped(text, s)]
    ordered = [s for s in ordered if s not in shaped] + shaped
    preceding = {id(b): a for a, b in zip(sentences, sentences[1:])}
    for s in ordered:
        if _sets_up(text, s):
            continue       # a delegation's assignment, not what it did
        prev = preceding.get(id(s))
        if prev is not None and _re("likewise").match(text, s.start) and _ahead(text, prev.start, prev.end) < prev.end:
            continue       # "Theo đó, Đoàn sẽ kiểm tra A. Đồng thời kiểm tra B.": B is planned too
        # what a sentence says after a future cue ("Đoàn sẽ kiểm tra …", "dự
        # kiến giám sát …") is what will be done, not what was
        ahead = _ahead(text, s.start, s.end)
        m = _re("topic_items").search(text, s.start, ahead)
        if m:
            # "giám sát 2 nội dung gồm: A; B": the first item
            end = text.find(";", m.end(), s.end)
            span = _trim(text, m.end(), s.end if end < 0 else end, " .")
            if span:
                return span, s
        m = _re("topic_content").search(text, s.start, ahead)
        if m:
            # the first of the items it lists ("Nội dung giám sát gồm: A; B")
            whose = None if m.group("named") else _owner_closing(text, m.end(), s.end, known)
            semi = _item_end(text, m.end(), whose.start() if whose else s.end, docs, whose is not None)
            end = semi if semi >= 0 else whose.start() if whose else s.end
            if m.group("named"):
                # told in the sentence's own run, it ends as a verb's subject matter does ("… tại xã X")
                stop = _topic_stop(text, m.end(), end, docs)
                end = stop.start() if stop else end
            span = _trim(text, m.end(), end, " .", left=False)
            if span:
                return span, s
        cands = []
        named = set()       # (those inside a delegation's name)
        purpose = _re("topic_purpose").match(text, s.start, ahead)
        if purpose:
            cands.append(purpose.end())
        for m in _re("topic_verb").finditer(text, s.start, ahead):
            a = m.start() if not m.group("pre") else m.end("pre")
            before = text[max(s.start, a - 16):a]
            if _re("delegation_end").search(before) and _re("subject_noun").match(text, m.end()) \
                    and _opens_sentence(text, s, a):
                # "Chiều 12/8, Đoàn giám sát thực hiện Nghị quyết … của … đã làm việc với …":
                # a delegation that opens its sentence, named for its subject matter
                cands.append(m.end())
                named.add(m.end())
                continue
            if re.search(r"(?:Đoàn|Tổ|quyết định|Quyết định|công tác|[Tt]rưởng đoàn|Qua|Kết quả|ủy ban|Ủy ban)[ \t]*$", before) \
                    and not ((_re("heads_then_acts").search(before) or _re("decision_end").search(before))
                             and _re("subject_noun").match(text, m.end())):
                # (but "do bà X làm trưởng đoàn giám sát việc …": the head's delegation acts on a
                # subject; and "công bố quyết định kiểm tra công tác …" names what it inspects)
                continue
            if re.search(r"(?:quyết định|Quyết định|[Tt]rưởng đoàn)[ \t]+(?:kiểm tra|giám sát)[ \t]*,[ \t]*$", text[max(s.start, a - 30):a]):
                continue
            if _re("delegation_end").search(before) and not _re("subject_noun").match(text, m.end()):
                # "đại diện đoàn giám sát công bố …", "đoàn khảo sát nhóm 2 của …", "đoàn kiểm tra
                # yêu cầu …": the delegation's name, then its number or what it did; what it
                # looks into opens on a subject noun ("các đoàn kiểm tra việc …")
                continue
            if not m.group("pre") and before.rstrip().endswith("về"):
                continue
            if _re("passive_before").search(before) and not _re("subject_noun").match(text, m.end()):
                # "các đơn vị được giám sát lựa chọn …": the supervised, then what they do
                continue
            ref = parse_body(text, m.end(), known)
            if ref is not None and ref.complete:
                # the verb's object is whom it inspects, not what; what it
                # inspects them on follows "về": "kiểm tra Đảng ủy xã X về …"
                # (or after the list of them: "kiểm tra Đảng ủy xã X và Đảng ủy xã Y về …")
                about = re.compile(r"[ \t]+về[ \t]+").search(text, ref.end, ahead)
                if about is not None and not _re("clause_break").search(text, ref.end, about.start()):
                    cands.append(about.end())
                continue
            towards = _re("towards").match(text, m.end())
            if towards and _re("subject_noun").match(text, towards.end()):
                # "giám sát đối với việc tu dưỡng … đối với cán bộ …": a subject matter, not whom
                cands.append(towards.end())
                continue
            if towards:
                # "giám sát (thường xuyên) đối với Chi bộ X (và đồng chí Y) trong việc …": what follows
                # "trong" or "về" past whom; none, no subject matter
                # ("một số đồng chí trong Ban Thường vụ …": "trong" a body is where they are)
                brk = _re("towards_break").search(text, towards.end(), s.end)
                about = next((ab for ab in _re("about_whom").finditer(text, towards.end(), brk.start() if brk else s.end)
                              if text[ab.end():ab.end() + 1].islower()), None)
                if about is not None:
                    cands.append(about.end())
                continue
            where = place_re().match(text, m.end())
            if where:
                # "kiểm tra xã X, huyện Y (về …)": a unit as the verb's object is where it was
                # done, not what; what follows "về" or "trong" is, if anything
                about = _re("about_whom").search(text, where.end(), s.end)
                if about is not None and not _re("clause_break").search(text, where.end(), about.start()):
                    cands.append(about.end())
                continue
            whom = _re("party_object").match(text, m.end())
            if whom:
                # "kiểm tra chi bộ Trường X về việc …", "giám sát các chi bộ trong công tác …":
                # what follows "về" or "trong"
                about = _re("about_whom").search(text, whom.end(), s.end)
                if about is not None and not _re("clause_break").search(text, whom.end(), about.start()):
                    cands.append(about.end())
                continue
            cands.append(m.end())
        for ev in events:
            for es in ev.sentences:
                if es is s:
                    # "làm việc với X về …" / "… để triển khai …" / "… nhằm nắm bắt …": what the session is for
                    for mm in _re("session_for").finditer(text[s.start:ahead]):
                        a = s.start + mm.end()
                        if not re.compile(r"(?:kiểm tra|giám sát|tiếp tục|việc ban hành)").match(text, a):
                            # only a "về" that follows the activity's targets
                            pre = text[s.start:a - len(mm.group(0))]
                            # or the verb itself: "khảo sát về tình hình …"
                            if re.search(r"(?:làm việc|khảo sát)(?:[ \t]+của[^.;]*?)?[ \t]+với[ \t]|(?:kiểm tra|giám sát|làm việc)[^.;]*?[ \t](?:tại|đối với)[ \t]", pre) \
                                    or re.search(rf"(?<!\w)(?:khảo sát|kiểm tra|giám sát)(?:[ \t]+{_MANNER}){{0,2}}[ \t]*$", pre):
                                cands.append(a)
                                break
        for a in sorted(set(cands)):
            stop = _topic_stop(text, a, s.end, docs)
            b = min(stop.start() if stop else s.end, max(ahead, a))
            if a in named:
                # the name ends where the delegation's number or what it did begins
                close = _re("name_ends").search(text, a, b)
                b = close.start() if close else b
            if a in named or _re("named_delegation").search(text, max(s.start, a - 40), a):
                # the subject matter inside a delegation's name ends where the
                # body it acts for is named ("Đoàn giám sát, kiểm tra công tác
                # bầu cử … của Ủy ban Thường vụ Quốc hội do …")
                for of in _re("of_body").finditer(text, a, b):
                    if any(d.code_end <= of.start() < d.end for d in docs):
                        continue       # a cited document's issuer ("Chỉ thị số 35-CT/TW của Bộ Chính trị")
                    ref = parse_body(text, of.end(), known)
                    if ref is not None and (ref.complete or ref.central):
                        b = of.start()
                        break
            lead = _re("topic_lead").match(text, a, b)
            span = _trim(text, lead.end() if lead else a, b, " .,")
            if span is None:
                continue
            if text[span[0]] in '"“' and text[span[1] - 1] in '"”' and span[1] - span[0] > 2 \
                    and not any(q in text[span[0] + 1:span[1] - 1] for q in '"“”'):
                span = (span[0] + 1, span[1] - 1)       # a subject matter quoted whole: "giám sát chuyên đề “A”"
            t = text[span[0]:span[1]]
            if _re("topic_bad").match(t) or _re("only_time").match(t) or _re("only_pointer").match(t) \
                    or len(t.split()) < 2:
                continue
            if span[1] >= len(text.rstrip()) and not text.rstrip().endswith(_CLOSERS):
                continue       # an excerpt cut off mid-word ("… giám sát hoạt độ")
            return span, s
    return None, None


def _owner_closing(text: str, a: int, end: int, known):
    """"…, của Ban Thường vụ Tỉnh ủy X." closing the sentence a subject matter
    opens at ``a``: whose work it was, not what; None if the sentence closes otherwise."""
    for of in _re("topic_whose").finditer(text, a, end):
        ref = parse_body(text, of.end(), known)
        if ref is not None and (ref.complete or ref.central) and _trim(text, ref.end, end, " .") is None:
            return of
    return None


def _item_end(text: str, a: int, end: int, docs, owned: bool) -> int:
    """Where the first item of a list of subject matters that starts at ``a``
    ends: its semicolon (-1: none). But when its owner closes the run
    (``owned``: "việc thực hiện Kết luận số 21-KL/TW … về A; B; C, của Ban
    Thường vụ …"), semicolons after a document cited in it, each followed by a
    lower-case word that opens no subject matter of its own, are inside the
    document's title: the run is one subject matter."""
    semi = text.find(";", a, end)
    while owned and semi >= 0 and any(a <= d.code_start < semi for d in docs):
        nxt = _BLANK_RUN.match(text, semi + 1).end()
        if not text[nxt:nxt + 1].islower() or _re("subject_noun").match(text, nxt):
            break
        semi = text.find(";", nxt, end)
    return semi


_BLANK_RUN = re.compile(r"[ \t]*")


def _opens_sentence(text: str, s, pos: int) -> bool:
    """Is the delegation word before ``pos`` the sentence's first word, after
    its time and place phrases ("Chiều 12/8, Đoàn giám sát …")?"""
    at = s.start
    for _ in range(3):
        m = _re("adverbial").match(text, at, pos)
        if m is None:
            break
        at = m.end()
    return _re("opening_delegation").fullmatch(text, at, pos) is not None


def _topic_stop(text: str, a: int, end: int, docs):
    """Where a subject matter that starts at ``a`` stops."""
    stop = _re("topic_stop").search(text, a, end)
    # a cited document's date and issuer belong to the topic ("việc thực
    # hiện Công văn số 12-CV/HU, ngày 8/12/2023 của Ban Thường vụ …")
    while stop and (any(d.code_end <= stop.start() < d.end for d in docs)
                    or text.count("“", a, stop.start()) > text.count("”", a, stop.start())
                    or text.count('"', a, stop.start()) % 2):
        # nor does a quoted name end it ("mô hình “… tại hộ gia đình”")
        stop = _re("topic_stop").search(text, stop.end(), end)
    return stop


def _ahead(text: str, start: int, end: int) -> int:
    """Where the sentence turns to what will be done ("Đoàn sẽ …", "dự kiến
    …"); a cue that names a cited document ("theo Kế hoạch số 45-KH/TU") does not."""
    for m in _re("future").finditer(text, start, end):
        if not re.match(r"[ \t]+(?:số|\d)", text[m.end():m.end() + 6]):
            return m.start()
    return end


def _trim(text: str, a: int, b: int, chars: str, left: bool = True) -> tuple[int, int] | None:
    while left and a < b and text[a] in chars:
        a += 1
    while b > a and text[b - 1] in chars:
        b -= 1
    return (a, b) if b > a else None
