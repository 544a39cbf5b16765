"""The extractor's vocabulary: every domain word list comes from a CSV table in
``kg/tables/`` (loaded through ``kg.tables.rows``), compiled once into the
regular expressions the other modules use. Nothing here names an article's
people, places or codes."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from kg import tables
from kg.schema import relation_phrases
from kg.text import fold as _fold


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """``kg.text.fold``, cached: the same phrases are looked up again and again."""
    return _fold(text)


def _longest_first(words) -> str:
    """An alternation of literal words, longest first, each space matching
    any run of white space."""
    uniq = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in uniq)


def _alt(words) -> str:
    """An alternation of literal words that matches what ``_longest_first``
    matches, written as a prefix tree: "Ban (?:Tuyên giáo|Tổ chức)|…".

    ``re`` tries an alternation's words one after the other wherever a match
    may start, and under (?i) it cannot even skip a word by its first
    letter, so a table of a few dozen words made every scan slow; in a tree
    each letter is tried once. At every branch the longer continuations come
    before ending there, so of the words that match at a position the
    longest wins, as in a longest-first list. That holds where no branch
    offers two letters that differ only in case (under (?i) both would
    match, and the tree would prefer one branch whatever the lengths): below
    such a branch ("Đảng ủy C…", "Đảng ủy c…") the words' ends are listed
    longest first instead."""
    tree: dict = {}
    for word in {w for w in words if w}:
        node = tree
        for c in word:
            node = node.setdefault(r"\s+" if c == " " else re.escape(c), {})
        node[""] = {}
    return "|".join(_branches(tree))


def _branches(node: dict) -> list[str]:
    """The alternatives below ``node``: the deepest continuations first, ending here ("") last."""
    if _case_twins(node):
        # each key stands for one letter of the word, so the longest end has the most keys
        return ["".join(keys) for keys in sorted(_ends(node), key=len, reverse=True)]
    keys = sorted((k for k in node if k), key=lambda k: (-_depth(node[k]), k))
    out = []
    for key in keys:
        rest = _branches(node[key])
        out.append(key + (rest[0] if len(rest) == 1 else "(?:" + "|".join(rest) + ")"))
    if "" in node:
        out.append("")
    return out


def _case_twins(node: dict) -> bool:
    """Whether ``node`` offers two letters that differ only in case."""
    letters = [k for k in node if len(k) == 1]
    return any(a.lower() == b.lower() or a.upper() == b.upper() or a.casefold() == b.casefold()
               for i, a in enumerate(letters) for b in letters[i + 1:])


def _ends(node: dict) -> list[tuple[str, ...]]:
    """Every way down from ``node`` to the end of a word, as its keys."""
    return [(key, *end) if key else () for key, child in node.items()
            for end in (_ends(child) if key else [()])]


def _depth(node: dict) -> int:
    return max((1 + _depth(child) for key, child in node.items() if key), default=0)


def _top_level(alt: str) -> list[str]:
    """The alternatives of ``alt`` outside any group."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(alt):
        c = alt[i]
        if c == "\\":
            i += 2
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(alt[start:i])
            start = i + 1
        i += 1
    parts.append(alt[start:])
    return parts


def word_start(alt: str, not_after: tuple[str, ...] = (r"\w",), ignore_case: bool = True) -> str:
    """``(?i:alt)`` (or ``(?:alt)``, when not ``ignore_case``) where no
    ``not_after`` (fixed-width patterns) ends, written so that ``re`` can
    skip to where it may start. ``re`` scans fast only for a pattern that
    opens with a case-sensitive character class (its "charset prefix"), and
    neither a lookahead on the first letter nor a lookbehind
    such as ``not_after``'s in front gives it one: they are tried at every
    position, and a scan of a whole text that way cost about three times as
    much. So the first letter is consumed by a class of every character it
    may be in any case; the alternatives, grouped by their first letter,
    then check it behind once a group (``(?<=(?i:T))``) and go on: the same
    matches, alternatives tried in the same order (only those of one first
    letter can match at a position, and a group keeps their order), the
    same start. One check per group rather than per alternative matters: the
    tables joined into one pattern start with a few letters many times over.
    Falls back to the plain alternation, behind lookbehinds, when an
    alternative does not start with a plain letter."""
    parts = _top_level(alt)
    lookbehinds = "".join(f"(?<!{x})" for x in not_after)
    group = "(?i:" if ignore_case else "(?:"
    if any(not a or not a[0].isalpha() or a[1:2] in ("?", "*", "+", "{") for a in parts):
        return f"{lookbehinds}{group}{alt})"
    firsts = {a[0] for a in parts}
    cls = _any_case_class(firsts) if ignore_case else "[" + "".join(sorted(firsts)) + "]"
    shifted = "".join(f"(?<!{x}{cls})" for x in not_after)
    # the first letters are common ones ("t", "c", "h"), and each stop on one tried the
    # groups' checks one after the other; one look at the two letters after it turns
    # most stops away at once (the rests decide which letters those are), and more of
    # them than ``not_after`` does, so it comes first
    ahead = _letters_after_first([a[1:] for a in parts], ignore_case)
    by_first: dict[str, tuple[str, list[str]]] = {}   # the letters re takes for a first letter -> it, the rests
    for a in parts:
        key = _any_case_class({a[0]}) if ignore_case else a[0]
        by_first.setdefault(key, (a[0], []))[1].append(a[1:])
    branches = "|".join(f"(?<={group}{first})){group}{'|'.join(rests)})" for first, rests in by_first.values())
    return f"{cls}{ahead}{shifted}(?:{branches})"


def _letters_after_first(rests: list[str], ignore_case: bool) -> str:
    """A look-ahead on the two characters after a word's first letter, given
    the words' ``rests`` (each a regular expression): a class of those the
    rests can open with, then one of those that can come next. Only the
    first class when a rest may end after one character or goes on with a
    run of blanks; nothing when one may match nothing or is not plain enough
    to tell."""
    opened = [o for rest in rests for o in (_openings(rest) or [None])]
    if None in opened:
        return ""
    nexts = [_openings(after) if letter != r"\s" else None for letter, after in opened]
    classes = [_class_of([letter for letter, _ in opened], ignore_case)]
    if None not in nexts:
        classes.append(_class_of([letter for n in nexts for letter, _ in n], ignore_case))
    return "(?=" + "".join(classes) + ")"


def _openings(rest: str) -> list[tuple[str, str]] | None:
    """What a match of ``rest`` can open with, each with what follows it: a
    character (one of a class of plain characters too), or ``\\s`` for the
    first of a run of blanks. None when ``rest`` may match nothing or opens
    with anything else (a class with ranges or escapes, a look-around, an
    optional part)."""
    out = []
    for part in _top_level(rest):
        if part.startswith("(?:"):
            depth, i = 0, 0
            while True:                 # to the group's own ")"
                if part[i] == "\\":
                    i += 2
                    continue
                depth += {"(": 1, ")": -1}.get(part[i], 0)
                if depth == 0:
                    break
                i += 1
            inner = _openings(part[3:i])
            if inner is None or part[i + 1:i + 2] in ("?", "*", "+", "{"):
                return None
            out += [(letter, after + part[i + 1:]) for letter, after in inner]
        elif part.startswith(r"\s+"):
            out.append((r"\s", r"\s*" + part[3:]))
        elif part.startswith("["):
            # a vowel with whatever tone marks: "[aàáảãạ]"
            close = part.find("]")
            letters, after = part[1:close], part[close + 1:]
            if close < 2 or any(c in letters for c in "^-\\[") or after[:1] in ("?", "*", "+", "{") \
                    or any(ord(c) > 0xFFFF for c in letters):
                return None
            out += [(letter, after) for letter in letters]
        else:
            escaped = part.startswith("\\")
            letter, after = (part[1:2], part[2:]) if escaped else (part[:1], part[1:])
            if not letter or (letter.isalnum() if escaped else letter in "()[].^$|?*+{") \
                    or after[:1] in ("?", "*", "+", "{") or ord(letter) > 0xFFFF:
                return None
            out.append((letter, after))
    return out


def _class_of(letters: list[str], ignore_case: bool) -> str:
    """A class of ``letters`` (``\\s`` among them for blanks), in any case when ``ignore_case``."""
    chars = {c for c in letters if c != r"\s"}
    inner = _any_case_class(chars)[1:-1] if ignore_case else "".join(re.escape(c) for c in sorted(chars))
    return "[" + inner + (r"\s" if r"\s" in letters else "") + "]"


_LOWER_OF: dict[int, list[int]] | None = None


def _any_case_class(letters: set[str]) -> str:
    """A case-sensitive class of every character that ``re`` matches to one of
    ``letters`` under (?i): those whose simple lower case is the letter's, or
    one ``re`` treats as its equal ("ſ" for "s"). Case pairs outside the
    first plane stay outside it, so the first plane is all that is searched."""
    import _sre
    from re._casefix import _EXTRA_CASES
    global _LOWER_OF
    if _LOWER_OF is None:
        _LOWER_OF = {}
        for c in range(0x10000):
            low = _sre.unicode_tolower(c)
            _LOWER_OF.setdefault(low, []).append(c)
    chars = set()
    for letter in letters:
        low = _sre.unicode_tolower(ord(letter))
        for target in (low, *_EXTRA_CASES.get(low, ())):
            chars.update(_LOWER_OF.get(target, [target]))
    return "[" + "".join(re.escape(chr(c)) for c in sorted(chars)) + "]"


# Upper- and lower-case Vietnamese letters as regex classes.
_LETTERS = [chr(c) for r in ((0x41, 0x250), (0x1E00, 0x1F00)) for c in range(*r) if chr(c).isalpha()]
UPPER = "[" + "".join(c for c in _LETTERS if c.isupper()) + "]"
LOWER = "[" + "".join(c for c in _LETTERS if c.islower()) + "]"
# One capitalised syllable of a name: "Lộc", "K'Ning", "H'Maryam"; numbers for
# numbered wards are handled by the place grammar.
CAP = rf"{UPPER}[\w']*"
WORD = r"[\w']+"


@dataclass(frozen=True)
class Lexicon:
    abbreviations: list[dict]
    abbr_re: re.Pattern
    honorific_re: str
    rank_re: str
    ranks: dict[str, str]
    surnames: frozenset[str]
    middle_names: frozenset[str]
    byline_re: re.Pattern
    role_re: str
    roles_by_label: dict[str, str]          # folded vi label -> role key
    titles: dict[str, tuple[str, str, str | None]]   # folded phrase -> (role key, body, post as written)
    title_re: str
    organs: dict[str, tuple[str, str]]      # folded organ -> (canonical, kind)
    organ_re: str
    place_organs: dict[str, tuple[str, str]]
    council_organs: dict[str, tuple[str, str]]   # folded -> (canonical, kind): "Ban Dân tộc" of a HĐND
    council_organ_re: str
    place_organ_re: str
    heads_re: str                           # Đảng ủy / Đảng bộ
    committees: dict[str, str]              # folded "tỉnh ủy" -> unit type "tỉnh"
    committee_canon: dict[str, str]         # folded -> "Tỉnh ủy"
    committee_re: str
    unit_types: dict[str, str]              # folded -> "thị trấn"
    unit_levels: dict[str, str]             # unit type -> province|district|commune|""
    unit_type_re: str
    central: dict[str, tuple[str, str]]     # folded alias -> (canonical, kind)
    central_re: str
    aliases: dict[str, str]
    issuer_levels: dict[str, tuple[str, str]]   # code -> (name, level)
    issuer_departments: dict[str, str]
    doc_types: dict[str, str]               # folded vi -> key
    doc_type_codes: dict[str, str]          # code abbreviation -> key
    activity_dating_types: frozenset[str]   # keys of the types whose date dates the activity
    doc_type_re: str
    relations: list[tuple[str, str]]        # (folded phrase, relation) longest first
    event_verbs: dict[str, str]
    event_verb_re: str
    event_noun_re: str
    delegation_re: str
    event_role_re: str
    non_event: dict[str, str]
    centrally_run: frozenset[str]


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


@cache
def lexicon() -> Lexicon:
    abbreviations = sorted(tables.rows("abbreviations"), key=lambda r: len(r["abbr"]), reverse=True)
    parts = [re.escape(r["abbr"]) + ("" if r["abbr"].endswith(".") else r"(?!\w)") for r in abbreviations]
    abbr_re = re.compile(r"(?<![\w/-])(?:" + "|".join(parts) + r")(?![-/]\w)")

    ranks = {r["word"]: r["kind"] for r in tables.rows("ranks")}
    rank_re = "|".join(re.escape(w).replace(r"\ ", r"\s*") for w in sorted(ranks, key=len, reverse=True))

    roles_by_label = {fold(r.vi): r.key for r in tables.roles().values()}
    role_re = _alt([r.vi for r in tables.roles().values()])
    titles = {fold(r["phrase"]): (r["role"], r["body"], r.get("label") or None) for r in tables.rows("titles")}
    title_re = _alt([r["phrase"] for r in tables.rows("titles")])

    body_rows = tables.bodies()
    organs = {fold(r["name"]): (r["name"], r["kind"]) for r in body_rows if r["attach"] == "committee"}
    place_organs = {fold(r["name"]): (r["name"], r["kind"]) for r in body_rows if r["attach"] == "place"}
    heads = [r["name"] for r in body_rows if r["attach"] == "head"]
    council = {fold(r["name"]): (r["name"], r["kind"]) for r in body_rows if r["attach"] == "council"}
    aliases = {fold(r["alias"]): r["name"] for r in tables.rows("body_aliases")}

    committees, committee_canon, unit_types, unit_levels = {}, {}, {}, {}
    for ut in tables.unit_types().values():
        unit_types[fold(ut.vi)] = ut.vi
        unit_levels[ut.vi] = ut.level
        if len(ut.committee.split()) == 2:      # "Tỉnh ủy"; "Đảng ủy xã" is a head + type
            committees[fold(ut.committee)] = ut.vi
            committee_canon[fold(ut.committee)] = ut.committee

    central = {}
    for r in tables.rows("central_bodies"):
        for alias in [r["name"], *_split(r["aliases"])]:
            central[fold(alias)] = (r["name"], r["kind"])

    issuer_levels, issuer_departments = {}, {}
    for r in tables.rows("issuers"):
        if r["kind"] == "level":
            issuer_levels[r["code"]] = (r["name"], r["level"])
        else:
            issuer_departments[r["code"]] = r["name"]

    doc_types, doc_type_codes = {}, {}
    for t in tables.document_types().values():
        doc_types[fold(t.vi)] = t.key
        for c in t.codes:
            doc_type_codes[c] = t.key
        doc_type_codes.setdefault(t.key, t.key)

    relations = sorted(((fold(phrase), relation) for phrase, relation in relation_phrases()),
                       key=lambda x: len(x[0]), reverse=True)
    event_verbs = {fold(r["phrase"]): r["kind"] for r in tables.rows("event_verbs")}

    return Lexicon(
        abbreviations=abbreviations,
        abbr_re=abbr_re,
        honorific_re=_alt([r["word"] for r in tables.rows("honorifics")]
                          + [r["word"][0].upper() + r["word"][1:] for r in tables.rows("honorifics")
                             if r.get("capitalised") == "yes"]),
        rank_re=rank_re,
        ranks=ranks,
        surnames=frozenset(r["surname"] for r in tables.rows("surnames")),
        middle_names=frozenset(r["word"] for r in tables.rows("middle_names")),
        byline_re=re.compile(rf"^(?:{_alt([r['prefix'] for r in tables.rows('bylines')])})\s+"),
        role_re=role_re,
        roles_by_label=roles_by_label,
        titles=titles,
        title_re=title_re,
        organs=organs,
        organ_re=_alt(organs[k][0] for k in organs),
        place_organs=place_organs,
        place_organ_re=_alt(place_organs[k][0] for k in place_organs),
        heads_re=_alt(heads),
        council_organs=council,
        council_organ_re=_longest_first(council[k][0] for k in council).replace(r"\s+\-\s+", r"\s*[-–]\s*"),
        committees=committees,
        committee_canon=committee_canon,
        committee_re=_alt(committee_canon.values()),
        unit_types=unit_types,
        unit_levels=unit_levels,
        unit_type_re=_alt(unit_types.values()),
        central=central,
        central_re=_alt([r["name"] for r in tables.rows("central_bodies")]
                        + [a for r in tables.rows("central_bodies") for a in _split(r["aliases"])]),
        aliases=aliases,
        issuer_levels=issuer_levels,
        issuer_departments=issuer_departments,
        doc_types=doc_types,
        doc_type_codes=doc_type_codes,
        activity_dating_types=frozenset(t.key for t in tables.document_types().values() if t.dates_activity),
        doc_type_re=_alt([t.vi for t in tables.document_types().values()]),
        relations=relations,
        event_verbs=event_verbs,
        event_verb_re=_alt(r["phrase"] for r in tables.rows("event_verbs")),
        event_noun_re=_alt(r["phrase"] for r in tables.rows("event_nouns")),
        delegation_re=_alt(r["phrase"] for r in tables.rows("delegations")),
        event_role_re=_alt(r["phrase"] for r in tables.rows("event_roles")),
        non_event={fold(r["phrase"]): r["kind"] for r in tables.rows("non_event_cues")},
        centrally_run=frozenset(fold(r["name"]) for r in tables.rows("centrally_run_cities")),
    )
