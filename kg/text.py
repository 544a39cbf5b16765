"""Vietnamese text normalisation shared by every stage.

Two forms matter:

* the *display* form: NFC, modern tone placement (``Ủy``, ``hòa``), one kind
  of dash, ``Đ`` for its look-alikes. Labels in the graph use it.
* the *key* form (``fold``): the display form lower-cased with diacritics
  removed and ``đ`` mapped to ``d``. Names are looked up by it
  (``skos:hiddenLabel``), so ``tran thi loc`` finds ``Trần Thị Lộc``.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import filterfalse

# Old-style tone placement on open syllables (hoà, thuỷ) mapped to the modern
# one (hòa, thủy). Only at a syllable's end: 'hoàng' keeps its tone where it is,
# and 'quý' is already right because 'qu' is one consonant.
_OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_OLD_TONES.update({k[0].upper() + k[1:]: v[0].upper() + v[1:] for k, v in _OLD_TONES.items()})
_OLD_TONES.update({k.upper(): v.upper() for k, v in list(_OLD_TONES.items())})
# Written as a class of first letters, then the tone, then the check on the
# letter before ("q"): a pattern that opens with a class is searched for at C
# speed, one that opens with a look-behind or an alternation tries every
# position. The classes admit pairs that are no key ("oÀ"): those stay as
# they are.
_OLD_TONE_RE = re.compile(
    "[" + "".join(sorted({k[0] for k in _OLD_TONES})) + "](?<![qQ].)["
    + "".join(sorted({k[1] for k in _OLD_TONES})) + r"](?!\w)")

# Every dash-like code point, mapped to one hyphen-minus where a dash is
# structural (inside codes) and to an en dash in prose.
DASHES = "\u002d\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_DASH_RE = re.compile(f"[{DASHES[1:]}]")

# Look-alikes seen in real data: Latin ETH for Đ, zero-width characters left by
# web editors, non-breaking spaces.
_LOOKALIKE_MAP = {
    "\u00d0": "\u0110",  # Ð -> Đ
    "\u00f0": "\u0111",  # ð -> đ
    "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None,
    "\u00a0": " ", "\u202f": " ", "\u2007": " ",
}
_LOOKALIKES = str.maketrans(_LOOKALIKE_MAP)
# str.translate looks every character up in a dict; most texts hold no
# look-alike at all, and a class search says so at C speed
_ANY_LOOKALIKE = re.compile("[" + "".join(_LOOKALIKE_MAP) + "]")


def modern_tones(text: str) -> str:
    """``Uỷ ban`` -> ``Ủy ban``; ``hoà`` -> ``hòa``; ``hoàng`` unchanged."""
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONES.get(m.group(0), m.group(0)), text)


def normalize(text: str) -> str:
    """The display form: NFC, look-alikes replaced, modern tone placement."""
    text = unicodedata.normalize("NFC", text)
    if _ANY_LOOKALIKE.search(text):
        text = text.translate(_LOOKALIKES)
    return modern_tones(text)


def unify_dashes(text: str, dash: str = "-") -> str:
    return _DASH_RE.sub(dash, text)


_SPACES = re.compile(r"\s+")


def collapse_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


_FOLD_TABLE = str.maketrans({"đ": "d", "Đ": "d", "\u00d0": "d", "\u00f0": "d"})


# Names recur: the same body, place or person is folded for every fact that
# mentions it, so the results are cached (bounded, a few MB at most).
@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """The search key: lower case, no diacritics, ``đ`` -> ``d``, single spaces.

    ``fold("Trần Thị Lộc") == fold("tran thi loc") == "tran thi loc"``; NFD
    input folds the same as NFC.
    """
    text = unicodedata.normalize("NFD", text.translate(_FOLD_TABLE))
    text = "".join(filterfalse(unicodedata.combining, text))     # (a C loop, not a generator)
    text = text.translate(_FOLD_TABLE).lower()
    return collapse_spaces(_DASH_RE.sub("-", text))


@lru_cache(maxsize=1 << 16)
def slug(text: str) -> str:
    """IRI-safe key: the folded form with every run of other characters as '-'.

    ``slug("Ban Tuyên giáo Tỉnh ủy Bắc Kạn") == "ban-tuyen-giao-tinh-uy-bac-kan"``;
    ``slug("91-KH/BTGTU") == "91-kh-btgtu"``.
    """
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


# a word that wants its number on the next line ("đến ngày", then "07/11/2024")
_WANTS_NUMBER = re.compile(r"(?<!\w)(?:ngày|tháng|năm|số)$")


def wraps_on(before: str, after: str) -> bool:
    """Whether a line ending in ``before`` (its trailing blanks stripped) is
    broken inside a sentence that the next line, opening with ``after``, goes
    on with, as pages copied from print or wrapped by width are: a lower-case
    letter or a comma before the break and a lower-case letter after it, or
    a word that wants its number before a number."""
    if not before or not after:
        return False
    if after[0].isdigit():
        return _WANTS_NUMBER.search(before[-6:]) is not None
    return after[0].islower() and (before[-1].islower() or before[-1] == ",")
