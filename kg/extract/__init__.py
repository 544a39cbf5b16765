"""The rule-based extractor: one article in, the facts of the record model out,
each with the sentence that states it.

    from kg.extract import extract
    result = extract(article)
    result.records      # kg.model.Records
    result.warnings     # what was left unresolved, and why
    result.to_json()    # the evaluation shape, with "evidence" beside each fact

``extract`` runs the steps below in order, each in its own function: read
the text (working text, headline, sentences, date) → place it (era, the
places it names) → find documents and bodies → find people and their posts
→ find activities (with the directive they carry out and their topic) →
resolve the places named → assemble the records and the JSON. The rules of each step
live in their own modules (``normalise``, ``places``, ``bodies``,
``people``, ``documents``, ``events``); their vocabularies are the CSV
tables in ``kg/tables/`` and the schema.
"""
from __future__ import annotations

import bisect
import datetime as dt
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from kg.model import (Activity, ActivityKind, Document, DocumentLink, Evidence, Membership,
                      Official, Organisation, OrgKind, Place, Records, Relation, Source, SourceKind)
from kg.schema import fallback_activity_kind, specific_activity_kinds
from kg.sources.articles import Article
from kg.sources.headlines import banner_end, lead_start

from . import documents as docs_mod
from . import events as events_mod
from .bodies import BodyRef, find_bodies, parse_body, resolve
from .documents import DocMention
from .events import Event
from .lexicon import fold, lexicon, word_start
from .normalise import PERIOD_BOUND, DateMention, Sentence, Text, dates_in, split_sentences, working_text
from .people import PersonMention, Post, byline, find_people
from .places import (REFORM_DAY, Context, build_places, era_of_units, headline_provinces, masthead_provinces,
                     later_term, masthead_units, planned_units, resolve_places, scan_places)

__all__ = ["Extraction", "extract"]


@dataclass
class Extraction:
    records: Records
    warnings: list[str] = field(default_factory=list)
    _json: dict = field(default_factory=dict, repr=False)

    def to_json(self) -> dict:
        """The evaluation shape (``article``, ``persons``, ``documents``,
        ``document_relations``, ``events``, ``places``) with an ``evidence``
        object ({"sentence", "start", "end"}) beside each fact."""
        return self._json


def extract(article: Article) -> Extraction:
    """The facts ``article`` states, each with its evidence; the steps in order."""
    reading = read_text(article)
    ctx = place_context(reading)
    known = _known_organs(reading.text)
    found = find_documents_and_bodies(reading, ctx, known)
    people, mentions = find_people_and_posts(reading, ctx, known)
    activities = find_activities(reading, ctx, known, mentions, found)
    places = resolve_named_places(reading, ctx)
    return assemble(reading, ctx, people, found, activities, places)


# --- reading the text --------------------------------------------------------------

@dataclass
class Reading:
    """The article as the steps read it: its working text (``text``, offsets
    of every step index it) with the map back to the article's own text,
    which evidence quotes."""
    article: Article
    working: Text
    title: Sentence                 # an empty span where the lead begins when the text has no headline
    body: list[Sentence]
    published: dt.date | None       # the page's date: the date posts are attested on
    stated: list[DateMention]       # every full date the text states below its site banners, in text order
    story_start: int = 0            # where the site banners topping the page end (kg.sources.headlines)
    dates: list[dt.date] = field(init=False)   # the same dates, earliest first
    warnings: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(init=False)   # the headline, then the body's sentences
    _starts: list[int] = field(init=False, repr=False)
    # each sentence's evidence, made once: a sentence is cited by many facts (an Evidence is frozen)
    _quoted: dict[tuple[int, int], Evidence] = field(default_factory=dict, repr=False)

    @property
    def written_by(self) -> dt.date | None:
        """The latest the page can be: the year a day and month without one
        falls in (its date, else the month a page-date marker gives)."""
        return self.published or self.article.written_by

    def __post_init__(self) -> None:
        self.dates = sorted(d.date() for d in self.stated)
        self.sentences = [self.title] + self.body
        self._starts = [s.start for s in self.sentences]

    @property
    def text(self) -> str:
        return self.working.text

    def sentence_at(self, pos: int) -> Sentence | None:
        """The sentence (or headline) that working-text offset ``pos`` is in."""
        k = bisect.bisect_right(self._starts, pos) - 1
        return self.sentences[k] if k >= 0 else None

    def evidence(self, sentence: Sentence | None) -> Evidence:
        """The sentence quoted from the article's own text, with its offsets there."""
        key = self.article.key
        if sentence is None:
            return Evidence(source=key)
        quoted = self._quoted.get((sentence.start, sentence.end))
        if quoted is None:
            a, b = self.working.orig(sentence.start), self.working.orig(sentence.end)
            quoted = self._quoted[sentence.start, sentence.end] = Evidence(
                source=key, sentence=self.article.text[a:b], start=a, end=b)
        return quoted

    def quote(self, start: int, end: int) -> str:
        """The article's own words for a working-text span (abbreviations stay as printed)."""
        return self.article.text[self.working.orig(start):self.working.orig(end)]


def read_text(article: Article) -> Reading:
    """The working text, its headline (as the reader found it) and sentences,
    and the dates that place it in time."""
    working = working_text(article.text)
    text = working.text
    title_start, title_end = _title_span(text, bool(article.title))
    title = Sentence(title_start, title_end, text[title_start:title_end], -1, -1)
    story_start = banner_end(text)
    stated = [d for d in dates_in(text, story_start) if d.year and d.date()]
    # the reader put the page's own date (a marker or dateline) here when nothing else dated it
    return Reading(article, working, title, split_sentences(text, title_end), article.published, stated,
                   story_start)


_FIRST_LINE = re.compile(r"[^\n]*\S[^\n]*")


def _title_span(text: str, titled: bool) -> tuple[int, int]:
    """Where the headline is in the working text: its first line when the
    reader found one (``Article.title``), else an empty span where the lead
    begins, after the marker and datelines that date the page."""
    if not titled:
        start = lead_start(text)
        return start, start
    first = _FIRST_LINE.search(text)
    if first is None:
        return len(text), len(text)
    line = first.group(0)
    start = first.start() + len(line) - len(line.lstrip())
    return start, start + len(line.strip())


def place_context(reading: Reading) -> Context:
    """The map the article is read on (before or after the 2025 reform, by
    its date, else the latest date it states, else the map whose units it
    names) and the places it names."""
    when = reading.written_by or (reading.dates[-1] if reading.dates else None)
    ctx = Context(era="2025" if when and when >= REFORM_DAY else "pre2025", when=when)
    for m in scan_places(reading.text):
        ctx.add(m.pos, m.unit_type, m.name, m.within)
    for pos, unit_type, name in masthead_provinces(reading.article.text) + headline_provinces(reading.article.text):
        ctx.add(reading.working.working_offset(pos), unit_type, name)
    ctx.masthead = masthead_units(reading.article.text)
    ctx.later_term = later_term(reading.text)
    if when is None:
        ctx.era = era_of_units(ctx.mentions) or ctx.era
    ctx.planned = planned_units(ctx.mentions, when)
    ctx.finish()
    return ctx


_ORGAN_SCAN = None


def _known_organs(text: str) -> frozenset[str]:
    """The committees' organs the text names anywhere ("Ban Tuyên giáo"), by
    their canonical names: a body named later may be cut short earlier."""
    global _ORGAN_SCAN
    lx = lexicon()
    if _ORGAN_SCAN is None:
        _ORGAN_SCAN = re.compile(rf"{word_start(lx.organ_re)}(?!\w)")
    return frozenset(lx.organs[fold(m.group(0))][0] for m in _ORGAN_SCAN.finditer(text))


# --- documents and bodies ----------------------------------------------------------

@dataclass
class DocumentsFound:
    mentions: list[DocMention]      # every mention of a document, with what its sentence says of it
    bodies: list[BodyRef]           # every body the body of the text names


def find_documents_and_bodies(reading: Reading, ctx: Context, known: frozenset[str]) -> DocumentsFound:
    text = reading.text
    mentions = docs_mod.find_documents(text, 0, ctx, known)
    docs_mod.date_undated(mentions, reading.written_by)
    bodies = find_bodies(text, reading.title.end, len(text), known)
    docs_mod.apply_issuing_subjects(text, reading.body, mentions, ctx, known, bodies)
    return DocumentsFound(mentions, bodies)


# --- people and their posts --------------------------------------------------------

@dataclass
class PersonFound:
    """One official of the article under their fullest name, with every post
    stated of them (once each) and where."""
    rank: str | None
    sentence: Sentence | None                        # where they are first named
    posts: list[tuple[Post, Sentence | None]] = field(default_factory=list)

    @property
    def post_labels(self) -> list[str]:
        return [post.label for post, _ in self.posts]


def find_people_and_posts(reading: Reading, ctx: Context,
                          known: frozenset[str]) -> tuple[dict[str, PersonFound], list[PersonMention]]:
    """The officials by name, and the mentions of them (renamed to the full
    name) that later steps read leaders from. A short name ("Lộc") is the
    one full name it ends; one that ends several is nobody."""
    text, begin = reading.text, reading.title.end
    mentions = find_people(text, reading.sentences, ctx, known, begin)
    signed = byline(text, begin, ctx, known)
    if signed is not None and not any(p.start == signed.start for p in mentions):
        mentions.append(signed)
    full_names = _full_names(mentions)
    people: dict[str, PersonFound] = {}
    for mention in sorted(mentions, key=lambda p: p.start):
        name = _canonical_person(mention.name, full_names)
        if name is None:
            continue
        mention.name = name
        person = people.setdefault(name, PersonFound(mention.rank, reading.sentence_at(mention.start)))
        for post in mention.posts:
            if post.label not in person.post_labels:
                person.posts.append((post, reading.sentence_at(post.start)))
        person.rank = person.rank or mention.rank
    return people, [p for p in mentions if p.name in people]


def _full_names(mentions: list[PersonMention]) -> list[str]:
    """The names of two syllables or more that are not the end of a longer one."""
    names = {p.name for p in mentions if len(p.name.split()) >= 2}
    out = []
    for n in names:
        toks = n.split()
        if any(len(o.split()) > len(toks) and o.split()[-len(toks):] == toks for o in names):
            continue
        out.append(n)
    return out


def _canonical_person(name: str, full: list[str]) -> str | None:
    if name in full:
        return name
    toks = name.split()
    hits = [f for f in full if f.split()[-len(toks):] == toks]
    return hits[0] if len(hits) == 1 else None


# --- activities --------------------------------------------------------------------

@dataclass
class ActivitiesFound:
    events: list[Event]             # each with its inspector, kind and date settled
    directive: str | None           # the code of the document the activities carry out


def find_activities(reading: Reading, ctx: Context, known: frozenset[str], people: list[PersonMention],
                    found: DocumentsFound) -> ActivitiesFound:
    """The activities the text reports, with what the article as a whole says
    of them: who inspects when a sentence does not say (the frame, the
    headline's body, the directive's issuer), the kind, the year of a date
    written without one, the directive and the topic."""
    text, mentions = reading.text, found.mentions
    events, frame = events_mod.find_events(text, reading.body, reading.title, ctx, people, mentions, known,
                                           found.bodies)
    headline_body = _title_body(text, reading.title, ctx, known)
    directive = _directive(text, reading.body, mentions)
    span, _ = events_mod.topic(text, reading.body, events, mentions, known) if events else (None, None)
    topic = reading.quote(*span) if span else None
    directive_mention = next((d for d in mentions if d.code == directive), None)
    dating = lexicon().activity_dating_types
    # (a plan or a decision dates the outing it sets in train; a standing guidance or resolution
    # the activity carries out years on does not: "thực hiện hướng dẫn 04-HD/TW ngày 9/12/2020")
    directive_date = _merged_date(mentions, directive) \
        if directive_mention is not None and directive_mention.doc_type in dating else None
    # the issue dates of the documents the activity does not carry out (what a
    # delegation checks: "… Kết luận 21-KL/TW ngày 25/10/2021 …") date those
    # documents, not the story; a plan's or decision's own date is directive_date, a standing
    # directive's dates only itself
    other_docs = [(d.code_end, d.end) for d in mentions if d.code != directive or d.doc_type not in dating]
    in_docs = [any(a <= d.start < b for a, b in other_docs) for d in reading.stated]
    story_year = max((d.year for d, doc in zip(reading.stated, in_docs) if not doc), default=None)
    latest_doc = max((d.date() for d, doc in zip(reading.stated, in_docs) if doc), default=None)
    # a year the text names alone ("9 tháng năm 2024"), when it names only one
    named_years = set(_years_named(text, reading.story_start, len(text)))
    only_year = next(iter(named_years)) if len(named_years) == 1 else None
    specific = specific_activity_kinds()
    for ev in events:
        ev.inspector = ev.inspector or frame["inspector"] or headline_body or (
            directive_mention.issuer if directive_mention else None)
        ev.kind = ev.kind if ev.kind in specific else (
            frame["kind"] if frame["kind"] in specific else ev.kind or frame["kind"])
        if ev.date is not None:
            day, month, year = ev.date
            # last resorts: the year its own sentence names ("… quyết định kiểm tra năm 2026 …")
            # (the Tết it is done for first: "… nhân dịp Xuân Giáp Thìn năm 2024" dates a
            # day of December in 2023), else the one year the whole text names
            own = (_tet_year(text, ev.sentences[0].start, ev.sentences[0].end, month)
                   or next(_years_named(text, ev.sentences[0].start, ev.sentences[0].end), None)) \
                if ev.sentences else None
            ev.date = _infer_date(day, month, year, reading.written_by, directive_date,
                                  _latest_year(story_year, latest_doc, day, month) or own or only_year,
                                  reading.warnings)
        # several activities: each takes what its own sentences name ("Đợt 1 giám sát A …
        # Đợt 2 giám sát B …"), the article's subject matter where they name none
        own_span, _ = events_mod.topic(text, ev.sentences, [ev], mentions, known) if len(events) > 1 else (None, None)
        ev.topic = reading.quote(*own_span) if own_span else topic
    return ActivitiesFound(events, directive)


_DELEGATION_OF = re.compile(r"(?i:đoàn)[ \t]+\w+(?:[ \t]+\w+)?[ \t]+của[ \t]+")


def _title_body(text: str, title: Sentence, ctx: Context, known) -> BodyRef | None:
    """The body a title opens with ("Ban Tuyên giáo Tỉnh ủy … kiểm tra …",
    "Đoàn kiểm tra của Ban Thường vụ Tỉnh ủy làm việc …"), when an activity's
    verb follows it there: a body that only asks or says something in the
    headline ("UBND tỉnh yêu cầu …") oversees nothing by it."""
    m = _DELEGATION_OF.match(text[title.start:title.end])
    pos = title.start + (m.end() if m else 0)
    ref = parse_body(text, pos, known)
    if ref is None or not ref.complete or not events_mod.names_activity(text, ref.end, title.end):
        return None
    return resolve(ref, ctx, pos)


# "Thực hiện <doc>" opening a sentence, after its time phrase if it has one
# ("Sáng ngày 7/11/2024, thực hiện Quyết định …"), and perhaps after what is
# carried out ("Thực hiện nhiệm vụ theo quyết định …")
_CARRIES_OUT = re.compile(
    r"(?:[^,.;\n]{1,30},[ \t]*)?(?i:thực hiện|triển khai)[ \t]+(?:(?:nhiệm vụ|chỉ đạo|kế hoạch)(?![ \t]+(?:số|\d))[ \t]+(?:theo[ \t]+)?)?")
# a document that sets up the delegation is the one its work carries out
_SETS_UP = re.compile(r"[ \t]*,?[ \t]*(?:về việc|về)[ \t]+thành lập[ \t]+(?:các[ \t]+)?(?i:đoàn|tổ)(?!\w)")
# what comes right before a document the activity's sentence carries out:
# "công bố <doc>", "nhằm thực hiện <doc>", "theo <doc>"
_ANNOUNCES = re.compile(r"công bố[ \t]+$")
_IN_ORDER_TO = re.compile(r"(?<!\w)(?:nhằm|để)[ \t]+(?:thực hiện|triển khai|cụ thể hóa)[ \t]+$")
_UNDER = re.compile(r"(?<!\w)theo[ \t]+$")
# a team set up under a document acts for it: "Trưởng đoàn kiểm tra số 13 theo Kế hoạch …"
# (or carries out its contents: "Đoàn kiểm tra thực hiện các nội dung hướng dẫn 04-HD/…", the call of
# eval/real/README.md; not "Đoàn giám sát thực hiện Nghị quyết …", named for what it oversees)
_TEAM_UNDER = re.compile(r"(?<!\w)(?i:đoàn|tổ)(?:[ \t]+(?:công tác|kiểm tra|giám sát|khảo sát))?"
                         r"(?:[ \t]+số[ \t]+\d+)?[ \t]+(?:theo|thực hiện[ \t]+(?:các[ \t]+)?nội dung)[ \t]+$")
_EVENT_NOUN = None
_TYPE_WORD = None


def _directive(text: str, body: list[Sentence], mentions: list[DocMention]) -> str | None:
    """The code of the document the activity carries out: "Thực hiện <doc>"
    opening a sentence, "<Buổi làm việc …> theo <doc>", "công bố <doc>" in
    the activity's sentence, the document a team works under ("đoàn kiểm tra
    số 3 theo <doc>"), or the document that sets up the delegation."""
    global _EVENT_NOUN, _TYPE_WORD
    if _EVENT_NOUN is None:
        _EVENT_NOUN = re.compile(rf"(?i:{lexicon().event_noun_re})")
        _TYPE_WORD = re.compile(rf"(?i:{lexicon().doc_type_re})(?![ \t]*(?:số|\d))(?!\w)")
    noun = _EVENT_NOUN
    for s in body:
        here = [d for d in mentions if s.start <= d.start < s.end and not d.anaphor]
        if not here:
            continue
        m = _CARRIES_OUT.match(text, s.start, s.end)
        if m and here[0].start == m.end():
            return here[0].code
        if m and (named := _TYPE_WORD.match(text, m.end())) is not None and here[0].type_key is not None \
                and lexicon().doc_types.get(fold(named.group(0))) == here[0].type_key:
            # "Thực hiện Kế hoạch kiểm tra … năm 2019 của …; kế hoạch số: 69-KH/… ngày …": the plan
            # named first by what it is about, then by its code
            return here[0].code
        for d in here:
            if _SETS_UP.match(text, d.end):
                return d.code
        for d in here:
            pre = text[max(s.start, d.start - 24):d.start]
            if _ANNOUNCES.search(pre):
                return d.code
            # "Cuộc giám sát nhằm thực hiện Nghị quyết số …"
            if (_IN_ORDER_TO.search(pre) or _UNDER.search(pre)) and noun.match(text, s.start):
                return d.code
            if _TEAM_UNDER.search(text, max(s.start, d.start - 60), d.start):
                return d.code
    return None


# a year named alone: "năm 2018", and "tháng 4/2018" or "quý I-2018" as well; each
# alternative opens with its word, its start checked behind it, so that ``re``
# scans for the words at C speed. A year that opens a list or a range of years
# ("năm 2016, 2017", "năm 2021 - 2022", "năm 2019 và năm 2020") names a period,
# which does not date an outing
_YEAR_WORD = re.compile(r"(?:năm(?<!\wnăm)[ \t]+|tháng(?<!\wtháng)[ \t]+\d{1,2}[ \t]*[/-][ \t]*"
                        r"|quý(?<!\wquý)[ \t]+(?:[IV]{1,3}|[1-4])[ \t]*[/-][ \t]*)((?:19|20)\d{2})(?!\d)"
                        r"(?P<more>[ \t]*(?:,|-|và|đến)[ \t]*(?:năm[ \t]+)?(?:19|20)\d{2}(?!\d))?")


# a goal set for a year, which dates no outing: "xã X về đích nông thôn mới năm 2018",
# "phấn đấu đạt chuẩn … năm 2020" (not "chương trình mục tiêu quốc gia năm 2021": a programme's year)
_GOAL_BEFORE = re.compile(r"(?<!\w)(?:về đích|đạt chuẩn|phấn đấu)(?!\w)[^.;:,\n]{0,60}$")


def _years_named(text: str, start: int, end: int) -> Iterator[int]:
    """The years ``text[start:end]`` names alone ("năm 2024"), not those that
    bound a period ("từ năm 2018 đến nay") or span one ("năm 2016, 2017"), nor a goal's."""
    for m in _YEAR_WORD.finditer(text, start, end):
        if not m.group("more") and not PERIOD_BOUND.search(text, max(start, m.start() - 12), m.start()) \
                and not _GOAL_BEFORE.search(text, max(start, m.start() - 80), m.start()):
            yield int(m.group(1))


# the lunar new year named with its year: "Tết Nguyên đán Giáp Thìn 2024", "Xuân Ất
# Tỵ năm 2025", "Tết 2023". It falls between late January and late February, and
# what is done on its occasion (visits, greetings, gifts) in the weeks around it
_TET_YEAR = re.compile(
    r"(?:T(?<!\wT)ết|X(?<!\wX)uân)(?:[ \t]+(?i:nguyên)[ \t]+(?i:đán))?"
    r"(?:[ \t]+(?:Giáp|Ất|Bính|Đinh|Mậu|Kỷ|Canh|Tân|Nhâm|Quý)[ \t]+(?:Tý|Sửu|Dần|Mão|Mẹo|Thìn|Tỵ|Tị|Ngọ|Mùi|Thân|Dậu|Tuất|Hợi))?"
    r"[ \t]+(?:năm[ \t]+)?((?:19|20)\d{2})(?!\d)")


def _tet_year(text: str, start: int, end: int, month: int) -> int | None:
    """The year of an activity of ``month`` done on the occasion of a Tết whose
    year ``text[start:end]`` names: that year, or the one before for a day of
    November or December (the run-up to a Tết that falls in the new year)."""
    m = _TET_YEAR.search(text, start, end)
    if m is None:
        return None
    return int(m.group(1)) - (1 if month >= 11 else 0)


def _latest_year(story_year: int | None, latest_doc: dt.date | None, day: int, month: int) -> int | None:
    """The latest year the text dates anything in, for an activity of ``day``
    and ``month``: what an activity checks was issued before it, so the latest
    checked document's year holds only for a day not before that document's
    (an earlier day falls in a later year, which the text does not give)."""
    try:
        after_doc = latest_doc is not None and dt.date(latest_doc.year, month, day) >= latest_doc
    except ValueError:
        after_doc = False
    if not after_doc:
        return story_year
    return max(story_year or latest_doc.year, latest_doc.year)


def _merged_date(mentions: list[DocMention], code: str) -> dt.date | None:
    return next((d.date for d in mentions if d.code == code and d.date), None)


def _infer_date(day, month, year, published, directive_date, year_hint, warnings):
    """The date of an activity written as a day and a month: in its own year,
    else the latest one not after the publication, else the first one not
    before its directive, else the year the text names."""
    def make(y):
        try:
            return dt.date(y, month, day)
        except ValueError:
            return None
    if year:
        return make(year)
    if published:
        d = make(published.year)
        if d and d > published:
            d = make(published.year - 1)
        return d
    if directive_date:
        d = make(directive_date.year)
        if d and d < directive_date:
            d = make(directive_date.year + 1)
        return d
    if year_hint:
        return make(year_hint)
    warnings.append(f"no year for the activity of {day}/{month}: none invented")
    return None


# --- places --------------------------------------------------------------------------

def resolve_named_places(reading: Reading, ctx: Context) -> list[Place]:
    """The units the text named, each found in the gazetteer of its era where
    it can be told apart (else left unresolved, with a warning)."""
    places = build_places(ctx, ctx.mentions)
    resolve_places(places, ctx, reading.warnings)
    return places


# --- assembling the records ----------------------------------------------------------

def assemble(reading: Reading, ctx: Context, people: dict[str, PersonFound], found: DocumentsFound,
             activities: ActivitiesFound, places: list[Place]) -> Extraction:
    """The records (kg.model) and the evaluation JSON of what the steps found,
    each fact with its evidence."""
    article = reading.article
    province = ctx.province()
    # the province an official is named in tells namesakes apart
    context = province.full if province else None
    source = Source(key=article.key, kind=SourceKind.ARTICLE, title=article.title, url=article.url,
                    published=reading.published, path=article.path)
    records = Records(source=source)
    _cite_places(reading, ctx, places)
    records.places = places
    bodies = BodyRegistry(reading, source.key)
    persons_json = _add_officials(reading, people, context, bodies, records)
    documents_json = _add_documents(reading, ctx, found.mentions, bodies, records)
    scopes = {d.code: d.scope for d in records.documents}
    relations_json = _add_document_links(reading, found.mentions, scopes, records)
    events_json = _add_activities(reading, activities, context, scopes, bodies, records)
    _add_parent_committees(bodies.orgs, places)
    records.organisations = list(bodies.orgs.values())
    places_json = [{"name": p.name, "type": p.unit_type, "parent": p.parent,
                    "evidence": _evidence_json(p.evidence[0]) if p.evidence else None} for p in places]
    payload = {"article": os.path.basename(article.path) if article.path else article.key,
               "persons": persons_json, "documents": documents_json, "document_relations": relations_json,
               "events": events_json, "places": places_json, "warnings": reading.warnings}
    return Extraction(records=records, warnings=reading.warnings, _json=payload)


def _cite_places(reading: Reading, ctx: Context, places: list[Place]) -> None:
    """Each place's evidence: the sentence that first names it."""
    first_named: dict[str, Sentence | None] = {}
    for m in ctx.mentions:
        first_named.setdefault(m.full, reading.sentence_at(m.pos))
    for p in places:
        p.evidence.append(reading.evidence(first_named.get(p.name)))


class BodyRegistry:
    """The organisations of the records by canonical name: each described
    once, when first met, and cited by every sentence that names it."""

    def __init__(self, reading: Reading, source_key: str) -> None:
        self.reading = reading
        self.source_key = source_key
        self.orgs: dict[str, Organisation] = {}

    def add(self, ref: BodyRef | None, sentence: Sentence | None) -> str | None:
        """The canonical name of ``ref``, described if new; None if it has none."""
        name = ref.canonical() if ref is not None else None
        if not name:
            return None
        if name not in self.orgs:
            parent = None
            if ref.organs and (ref.committee or ref.head):
                parent = BodyRef(0, 0, committee=ref.committee, head=ref.head,
                                 unit_type=ref.unit_type, name=ref.name).canonical()
            p = ref.place()
            # named without its place: this source's own body (Organisation.scope)
            scope = self.source_key if ref.needs_place else None
            self.orgs[name] = Organisation(name=name, kind=ref.org_kind(), parent=parent,
                                           jurisdiction=f"{p[0]} {p[1]}" if p else None, scope=scope)
            if parent and scope and parent not in self.orgs:
                self.orgs[parent] = Organisation(parent, OrgKind.PARTY_COMMITTEE, scope=scope)
            if ref.truncated:
                self.reading.warnings.append(f"body {ref.truncated!r} read as {ref.organs[-1]!r}")
        if sentence is not None:
            self.orgs[name].evidence.append(self.reading.evidence(sentence))
        return name


def _add_officials(reading: Reading, people: dict[str, PersonFound], context: str | None,
                   bodies: BodyRegistry, records: Records) -> list[dict]:
    out = []
    for name, person in people.items():
        records.officials.append(Official(name=name, context=context,
                                          honorifics=[person.rank] if person.rank else [],
                                          evidence=[reading.evidence(person.sentence)]))
        for post, sentence in person.posts:
            records.memberships.append(Membership(
                person=name, role=post.role, organisation=bodies.add(post.body, sentence), person_context=context,
                attested_on=reading.published, evidence=[reading.evidence(sentence)]))
        out.append({"name": name, "posts": person.post_labels,
                    "evidence": _evidence_json(reading.evidence(person.sentence))})
    return out


@dataclass
class _MergedDocument:
    """What all the mentions of one code say of its document (the first that says each)."""
    sentence: Sentence | None
    type_key: str | None = None     # from the type word before the code
    code_type: str | None = None    # from the code itself
    issuer: BodyRef | None = None
    date: dt.date | None = None


def _add_documents(reading: Reading, ctx: Context, mentions: list[DocMention], bodies: BodyRegistry,
                   records: Records) -> list[dict]:
    by_code: dict[str, _MergedDocument] = {}
    for d in mentions:
        if d.anaphor:
            continue
        merged = by_code.setdefault(d.code, _MergedDocument(reading.sentence_at(d.start)))
        merged.type_key = merged.type_key or d.type_key
        merged.code_type = merged.code_type or d.code_type
        merged.issuer = merged.issuer or d.issuer
        merged.date = merged.date or d.date
    type_labels = _type_labels()
    out = []
    for code, merged in by_code.items():
        doc_type = merged.type_key or merged.code_type
        issuer = bodies.add(merged.issuer, merged.sentence)
        if merged.issuer is not None and issuer and "/" in code:
            issuer_code = code.split("/", 1)[1]
            # a department's code names it (BTGTU is Ban Tuyên giáo Tỉnh ủy); a
            # level's code (TU, HU) names a whole committee, so it is no alias
            org = bodies.orgs[issuer]
            if org.kind is OrgKind.PARTY_AGENCY and "-" not in issuer_code and issuer_code != "TW" \
                    and issuer_code not in org.alt_labels:
                org.alt_labels.append(issuer_code)
        scope = docs_mod.scope_of(code, merged.issuer, ctx)
        evidence = reading.evidence(merged.sentence)
        records.documents.append(Document(code=code, doc_type=doc_type, issuer=issuer, date=merged.date,
                                          scope=scope, evidence=[evidence]))
        out.append({"code": code, "type": type_labels.get(doc_type), "issuer": issuer,
                    "date": merged.date.isoformat() if merged.date else None,
                    "evidence": _evidence_json(evidence)})
    return out


def _add_document_links(reading: Reading, mentions: list[DocMention], scopes: dict[str, str | None],
                        records: Records) -> list[dict]:
    out, seen = [], set()
    for link in docs_mod.find_links(reading.text, reading.body, mentions):
        key = (link.source, link.relation, link.target)
        if key in seen:
            continue
        seen.add(key)
        evidence = reading.evidence(link.sentence)
        records.document_links.append(DocumentLink(link.source, Relation(link.relation), link.target,
                                                   scopes.get(link.source), scopes.get(link.target), [evidence]))
        out.append({"from": link.source, "relation": link.relation, "to": link.target,
                    "evidence": _evidence_json(evidence)})
    return out


def _add_activities(reading: Reading, found: ActivitiesFound, context: str | None,
                    scopes: dict[str, str | None], bodies: BodyRegistry, records: Records) -> list[dict]:
    directive, warnings = found.directive, reading.warnings
    out = []
    for ev in found.events:
        first = ev.sentences[0] if ev.sentences else None
        inspector = bodies.add(ev.inspector, first)
        if ev.date is None:
            warnings.append("an activity with no day stated: its date is left empty")
        if inspector is None:
            warnings.append("an activity whose inspecting body is not named")
        delegation = None
        if ev.delegation and inspector:
            # the delegation is a body of its own, named after the body it acts for
            delegation = f"{ev.delegation[0].upper()}{ev.delegation[1:]} của {inspector}"
            orgs = bodies.orgs
            orgs.setdefault(delegation, Organisation(delegation, OrgKind.DELEGATION, parent=inspector,
                                                     scope=orgs[inspector].scope if inspector in orgs else None))
            orgs[delegation].evidence.append(reading.evidence(first))
        act = Activity(kind=ActivityKind(ev.kind or fallback_activity_kind()), inspector=inspector or "",
                       targets=list(ev.targets), delegation=delegation, leader=ev.leader,
                       leader_context=context if ev.leader else None, document=directive,
                       document_scope=scopes.get(directive) if directive else None,
                       date=ev.date, topic=ev.topic,
                       evidence=[reading.evidence(s) for s in ev.sentences])
        records.activities.append(act)
        out.append({"kind": act.kind.value, "date": ev.date.isoformat() if ev.date else None,
                    "inspector": inspector, "leader": ev.leader, "targets": list(ev.targets),
                    "directive": directive, "topic": ev.topic, "evidence": _evidence_json(reading.evidence(first))})
    return out


def _add_parent_committees(orgs: dict[str, Organisation], places: list[Place]) -> None:
    """Bodies name their committee ("Ban Tuyên giáo Tỉnh ủy X" is part of
    "Tỉnh ủy X"): describe each such committee, and tie a committee to the one
    of the unit above ("Thành ủy Bắc Kạn" to "Tỉnh ủy Bắc Kạn")."""
    from kg import tables
    by_name = {p.name: p for p in places}
    committee_of = {}
    for p in places:
        unit = tables.unit_types().get(p.unit_type)
        if unit and unit.committee:
            # "Tỉnh ủy" + "Bắc Kạn"; a commune's word carries its type: "Đảng ủy xã" + "Kim Liên";
            # named as the bodies name it ("Thành ủy Thành phố Hồ Chí Minh")
            name = p.name[len(p.unit_type) + 1:]
            if len(unit.committee.split()) == 2:
                ref = BodyRef(0, 0, committee=unit.committee, name=name)
            else:
                ref = BodyRef(0, 0, head="Đảng ủy", unit_type=p.unit_type, name=name)
            committee_of[p.name] = ref.canonical()
    place_of_committee = {v: k for k, v in committee_of.items()}
    for org in list(orgs.values()):
        if org.parent and org.parent not in orgs and org.parent in place_of_committee:
            orgs[org.parent] = Organisation(org.parent, OrgKind.PARTY_COMMITTEE,
                                            jurisdiction=place_of_committee[org.parent])
    for org in list(orgs.values()):
        if org.kind is OrgKind.PARTY_COMMITTEE and org.parent is None and org.jurisdiction in by_name:
            above = by_name[org.jurisdiction].parent
            if above in committee_of:
                org.parent = committee_of[above]
                if org.parent not in orgs:
                    orgs[org.parent] = Organisation(org.parent, OrgKind.PARTY_COMMITTEE, jurisdiction=above)


def _evidence_json(e: Evidence | None) -> dict | None:
    if e is None:
        return None
    return {"sentence": e.sentence, "start": e.start, "end": e.end}


_TYPE_LABELS = None


def _type_labels() -> dict[str, str]:
    global _TYPE_LABELS
    if _TYPE_LABELS is None:
        from kg import tables
        _TYPE_LABELS = {k: t.vi for k, t in tables.document_types().items()}
    return _TYPE_LABELS
