"""Turning an article's bytes into text, and refusing what is not text.

Articles should be UTF-8, but Vietnamese news still turns up in the 8-bit
encodings of the 1990s (domain reference §6.7): TCVN3 (ABC fonts such as
.VnTime), VNI (VNI-Times) and Windows-1258. They arrive two ways:

* as raw bytes that are not valid UTF-8 (a file saved by an old editor);
* as *mojibake*: the legacy bytes were once read as Latin-1/Windows-1252 and
  saved as UTF-8, so the file is valid UTF-8 but reads ``Uû ban nh©n d©n``
  (TCVN3 for ``Uỷ ban nhân dân``) or ``Xin chaøo`` (VNI for ``Xin chào``).

Both are handled the same way: every legacy reading is tried and scored by
the share of its accented words that are well-formed Vietnamese syllables.
A reading that is clearly Vietnamese is used, with a warning; anything less
is refused with a message naming the likely encoding and how to convert it.
Nothing is ever guessed silently.

The TCVN3 and VNI tables are data, ``kg/tables/legacy_encodings.csv`` (byte
sequence, how it looks when read as Latin-1, the Unicode character). They
were written by hand from the encodings' structure and then checked
independently: every TCVN3 row against glibc's ``iconv -f TCVN5712-1`` (TCVN3
is the upper half of TCVN 5712 VN1 without its toned capitals), every VNI row
against the VNI-Windows table of the xvnkb keyboard driver; the tests check
them again with round trips of real Vietnamese words and the spec's examples.
Windows-1258 is Python's own codec.
"""
from __future__ import annotations

import codecs
import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kg.errors import SourceError

# Share of accented words that must read as Vietnamese syllables before a
# legacy reading is trusted, and how many accented words it takes to judge.
# Real Vietnamese text scores above 0.97 (the misses are foreign names);
# mojibake scores below 0.6.
CONFIDENT = 0.9
PLAUSIBLE = 0.5
MIN_WORDS = 10

# More than this share of C0 control bytes and a file is binary, not text:
# real text has almost none, random or compressed bytes about 11 %.
MAX_CONTROL_SHARE = 0.01
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f") + b"\x7f"

# File signatures worth naming when a "text" file turns out to be binary.
_SIGNATURES = {
    b"%PDF": "a PDF document; extract its text first (e.g. pdftotext)",
    b"PK\x03\x04": "a ZIP archive (a .docx or .odt?); save it as UTF-8 plain text",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file (.doc?); save it as UTF-8 plain text",
    b"\x1f\x8b": "gzip-compressed; decompress it first",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
}

_HOW_TO_CONVERT = {
    "TCVN3": "convert it to Unicode (UTF-8) with UniKey's converter (Ctrl+Shift+F6, "
             "source TCVN3 (ABC), destination Unicode) and save as UTF-8",
    "VNI": "convert it to Unicode (UTF-8) with UniKey's converter (Ctrl+Shift+F6, "
           "source VNI Windows, destination Unicode) and save as UTF-8",
    "cp1258": "convert it with `iconv -f CP1258 -t UTF-8 FILE > FILE.utf8`",
}


@dataclass(frozen=True)
class Decoded:
    text: str
    warning: str | None = None   # set when the text was converted from a legacy encoding


@cache
def _tables() -> dict[str, dict[str, str]]:
    """``{"tcvn3": {...}, "vni": {...}}``: the legacy sequence, as the
    Latin-1 characters of its bytes, to the Unicode character it stands for."""
    tables: dict[str, dict[str, str]] = {}
    path = resources.files("kg").joinpath("tables", "legacy_encodings.csv")
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            seq = bytes.fromhex(row["bytes"]).decode("latin-1")
            tables.setdefault(row["encoding"], {})[seq] = row["char"]
    return tables


# Legacy bytes that were mis-read as Windows-1252 differ from Latin-1 only in
# 0x80-0x9F, which neither TCVN3 nor VNI uses; Windows-1258 does, so its
# table maps each byte's Windows-1252 reading to its Windows-1258 one.
def _cp1252_to_cp1258() -> dict[int, str]:
    table = {}
    for b in range(0x80, 0x100):
        try:
            seen, meant = bytes([b]).decode("cp1252"), bytes([b]).decode("cp1258")
        except UnicodeDecodeError:
            continue
        if seen != meant:
            table[ord(seen)] = meant
    return table


_CP1258 = _cp1252_to_cp1258()


@cache
def _vni_pattern() -> re.Pattern[str]:
    # Longest first: "ôù" (ớ) before "ô" (ơ).
    seqs = sorted(_tables()["vni"], key=len, reverse=True)
    return re.compile("|".join(map(re.escape, seqs)))


# TCVN3 had no code points for toned capitals: headlines were set in a
# separate capitals font over the lowercase codes, so "§¶NG Bé" arrives as
# "ĐảNG Bộ" for "ĐẢNG BỘ". A line with no lowercase ASCII letter is such a
# headline; elsewhere, a word with two capitals or more and no lowercase
# ASCII letter ("HUYÖN") is one. "Uû ban" (Uỷ ban) keeps its case.
def _restore_caps(line: str) -> str:
    if not any(c.islower() and c.isascii() for c in line):
        return line.upper()
    return re.sub(r"\w+", _restore_word_caps, line)


def _restore_word_caps(match: re.Match[str]) -> str:
    word = match.group(0)
    if sum(c.isupper() for c in word) >= 2 and not any(c.islower() and c.isascii() for c in word):
        return word.upper()
    return word


@cache
def _tcvn3_table() -> dict[int, str]:
    return {ord(k): v for k, v in _tables()["tcvn3"].items()}


def _from_tcvn3(text: str) -> str:
    return "\n".join(map(_restore_caps, text.translate(_tcvn3_table()).split("\n")))


def _from_vni(text: str) -> str:
    table = _tables()["vni"]
    return _vni_pattern().sub(lambda m: table[m.group(0)], text)


def _from_cp1258(text: str) -> str:
    return unicodedata.normalize("NFC", text.translate(_CP1258))


# Each reading takes the text as its bytes look in Windows-1252.
_READINGS = {"TCVN3": _from_tcvn3, "VNI": _from_vni, "cp1258": _from_cp1258}


# --- how Vietnamese does a text look -----------------------------------------

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
# The vowel groups of Vietnamese spelling, tone marks removed; a syllable is
# an initial consonant, one of these, and a final consonant (k for minority
# place names such as Đắk Lắk).
_NUCLEI = """a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi
    oo ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê iêu yêu oai oao oay oeo uây uôi ươi ươu
    uya uyê uyu""".split()
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?"
    "(?:" + "|".join(sorted(_NUCLEI, key=len, reverse=True)) + ")"
    r"(?:ch|ng|nh|[cmnptk])?")
# A word: a run of anything but spaces, ASCII digits and punctuation, and the
# typographic punctuation of U+2000-U+206F. Latin-1 symbols stay inside words
# because in TCVN3 they are letters ("nh©n").
_WORD = re.compile(r"[^\s!-@\[-`{-~\u2000-\u206f]+")
# Latin-1 characters that are not Vietnamese letters. A text without any is
# not mojibake of TCVN3 or VNI, so most articles skip the scoring below.
# (Ð/ð are left out: they are look-alikes of Đ/đ, fixed by kg.text.normalize.)
_VIETNAMESE_LATIN1 = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
_SUSPECT = re.compile("[" + "".join(
    chr(c) for c in range(0xA1, 0x100)
    if chr(c) not in _VIETNAMESE_LATIN1 and chr(c) not in "Ðð") + "]")


def _is_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(c in _TONES for c in decomposed) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return _SYLLABLE.fullmatch(bare) is not None


def vietnamese_score(text: str) -> tuple[float, int]:
    """Share of the words with a non-ASCII character that are well-formed
    Vietnamese syllables, and how many such words there were.

    ASCII words say nothing (``ban``, ``UBND`` look the same in every
    encoding), so only the others are counted.
    """
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    if not words:
        return 1.0, 0
    return sum(map(_is_syllable, words)) / len(words), len(words)


# --- decoding ------------------------------------------------------------------

def decode(data: bytes, path: str, line: int | None = None) -> Decoded:
    """The text of ``data``: UTF-8 (BOM or not), UTF-16 with a BOM, or a
    legacy Vietnamese encoding recognised with confidence.

    Raises SourceError for binary data and for text in an encoding that
    cannot be recognised with confidence. Does not check for mojibake: see
    ``repair_mojibake`` (for JSON, it must run on the decoded strings).
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"))
        except UnicodeDecodeError as e:
            raise SourceError(path, f"broken UTF-16 at byte {e.start}", line=line,
                              hint="save the file as UTF-8") from None
    if (utf16 := _utf16_without_bom(data)) is not None:
        return _decode_utf16(data, utf16, path, line)
    _refuse_binary(data, path, line)
    try:
        return Decoded(data.decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        bad = e.start
    return _decode_legacy(data, path, line, bad)


# UTF-16 without a byte-order mark: in text whose letters are Latin
# (Vietnamese: U+0000-U+01FF and U+1E00-U+1EFF) one byte of each pair is
# mostly zero, the high byte for ASCII letters, spaces and digits; binary data
# has zeros at both places. A share this lopsided is UTF-16 and nothing else.
UTF16_ZERO_SHARE = 0.3
UTF16_OTHER_ZERO_SHARE = 0.02
UTF16_SAMPLE = 1 << 16


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the bytes look like it, else None."""
    sample = data[:UTF16_SAMPLE]
    pairs = len(sample) // 2
    if pairs < 2 or b"\x00" not in sample:
        return None
    even, odd = sample[0:2 * pairs:2].count(0) / pairs, sample[1:2 * pairs:2].count(0) / pairs
    if odd >= UTF16_ZERO_SHARE and even <= UTF16_OTHER_ZERO_SHARE:
        return "utf-16-le"
    if even >= UTF16_ZERO_SHARE and odd <= UTF16_OTHER_ZERO_SHARE:
        return "utf-16-be"
    return None


def _decode_utf16(data: bytes, codec: str, path: str, line: int | None) -> Decoded:
    name = codec.upper().replace("UTF-16-", "UTF-16")
    if len(data) % 2:
        raise SourceError(path, f"this looks like {name} text without a byte-order mark, but it has an "
                                "odd number of bytes", line=line, hint="save the file as UTF-8")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as e:
        raise SourceError(path, f"this looks like {name} text without a byte-order mark, but it is "
                                f"broken at byte {e.start}", line=line, hint="save the file as UTF-8") from None
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f")
    if controls > MAX_CONTROL_SHARE * len(text):
        raise SourceError(path, f"binary data, not text ({controls} control characters when read as {name})",
                          line=line, hint="give a UTF-8 .txt article or a .jsonl corpus")
    return Decoded(text, f"{name} without a byte-order mark: read as {name}")


def _refuse_binary(data: bytes, path: str, line: int | None) -> None:
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if b"\x00" not in data and controls <= MAX_CONTROL_SHARE * len(data):
        return
    kind = next((what for sig, what in _SIGNATURES.items() if data.startswith(sig)), None)
    why = "it contains NUL bytes" if b"\x00" in data else f"{controls} control bytes"
    raise SourceError(path, f"binary data, not text ({why})", line=line,
                      hint=f"this looks like {kind}" if kind
                      else "give a UTF-8 .txt article or a .jsonl corpus")


def _best_reading(seen: str) -> tuple[str, str, float, int]:
    """The legacy reading of ``seen`` (text as its bytes look in Windows-1252)
    that looks most Vietnamese: (encoding, text, score, words)."""
    scored = []
    for name, read in _READINGS.items():
        text = read(seen)
        score, words = vietnamese_score(text)
        scored.append((score, words, name, text))
    score, words, name, text = max(scored, key=lambda s: (s[0], s[1]))
    return name, text, score, words


def _decode_legacy(data: bytes, path: str, line: int | None, bad: int) -> Decoded:
    where = f"not valid UTF-8 (byte 0x{data[bad]:02x} at offset {bad})"
    name, text, score, words = _best_reading(data.decode("cp1252", errors="replace"))
    if score >= CONFIDENT and words >= MIN_WORDS:
        return Decoded(text, f"{where}; read as {name} and converted to Unicode "
                             f"({score:.0%} of {words} accented words are Vietnamese)")
    if score >= PLAUSIBLE and words:
        raise SourceError(path, f"{where}; it may be {name}, but {_doubt(score, words)}",
                          line=line, hint=_HOW_TO_CONVERT[name])
    raise SourceError(path, f"{where}, and not TCVN3, VNI or Windows-1258 either",
                      line=line, hint="save it as UTF-8")


# --- UTF-8 read as Windows-1252 ---------------------------------------------------
#
# The commonest mojibake of all: UTF-8 bytes shown as Windows-1252 and saved
# again, so that "Tuyên giáo" reads "TuyÃªn giÃ¡o". Each character of the
# original becomes a lead character (Ã, Ä, Æ, á, ...) and one to three
# continuation characters (€-¿). Encoding the text back to Windows-1252
# gives the original bytes; when they are all valid UTF-8 the repair is
# certain. Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D undefined; a
# program that kept them kept them as U+0081 etc., which map back the same.

def _cp1252_bytes() -> dict[str, int]:
    table = {}
    for b in range(256):
        try:
            table[bytes([b]).decode("cp1252")] = b
        except UnicodeDecodeError:
            table[chr(b)] = b
    return table


_CP1252_BYTE = _cp1252_bytes()
_AS_CP1252 = {b: c for c, b in _CP1252_BYTE.items()}


def _chars(low: int, high: int) -> str:
    return re.escape("".join(_AS_CP1252[b] for b in range(low, high + 1)))


_CONT = f"[{_chars(0x80, 0xBF)}]"
_UTF8_MISREAD = re.compile(f"[{_chars(0xC2, 0xDF)}]{_CONT}|[{_chars(0xE0, 0xEF)}]{_CONT}{{2}}"
                           f"|[{_chars(0xF0, 0xF4)}]{_CONT}{{3}}")


def _undo_utf8_misread(text: str) -> str | None:
    """The text whose UTF-8 bytes, read as Windows-1252, gave ``text``; None
    when some character has no Windows-1252 byte or the bytes are not UTF-8."""
    try:
        return bytes(_CP1252_BYTE[c] for c in text).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return None


def repair_mojibake(text: str, path: str, line: int | None = None) -> Decoded:
    """``text`` itself, or its repair when it is UTF-8 mis-read as
    Windows-1252 (``TuyÃªn giÃ¡o``) or a legacy Vietnamese encoding
    mis-read as Windows-1252 (``Uû ban nh©n d©n``); see ``_repair_legacy``.

    UTF-8 mis-read is repaired when the whole text reverses to valid UTF-8
    (repeatedly: a text mis-read twice is repaired twice). When it does not
    (bytes lost on the way, or mixed with good text) and the text does not
    read as Vietnamese as it stands, it is refused."""
    repairs, first = 0, None
    while len(text) <= MAX_REPAIR_CHARS and (found := _UTF8_MISREAD.search(text)) and repairs < 3:
        fixed = _undo_utf8_misread(text)
        if fixed is None:
            break
        first = first or found.group(0)
        text, repairs = fixed, repairs + 1
    if repairs:
        warning = (f"UTF-8 that was read as Windows-1252 and saved again (\"{first}\" for "
                   f"\"{_undo_utf8_misread(first)}\"){' twice' if repairs == 2 else ''}; repaired")
        return Decoded(_repair_legacy(text, path, line).text, warning)
    decoded = _repair_legacy(text, path, line)
    if decoded.warning is None and (found := _UTF8_MISREAD.search(text)):
        score, words = vietnamese_score(text)
        letters = [m.group(0) for m in _UTF8_MISREAD.finditer(text)
                   if _undo_utf8_misread(m.group(0)) in _VIETNAMESE_LETTERS]
        # a stray pair such as "Ô”" in good text is not enough: that is a
        # capital and a quote; "Ã¡" twice, or a text that does not read as
        # Vietnamese, is
        if (words and score < CONFIDENT) or len(letters) >= 2:
            sample = letters[0] if letters else found.group(0)
            raise SourceError(path, "the text looks like UTF-8 that was read as Windows-1252 "
                                    f"(\"{sample}\" for \"{_undo_utf8_misread(sample)}\", {len(letters)} such "
                                    f"letters; {score:.0%} of {words} accented words read as Vietnamese), but it "
                                    "cannot be repaired with certainty: some of its bytes were lost or it is "
                                    "mixed with good text; not converted", line=line,
                              hint="take the text again from its original, saved as UTF-8")
    return decoded


_VIETNAMESE_LETTERS = frozenset(
    unicodedata.normalize("NFC", base + tone) for vowel in "aăâeêioôơuưy"
    for base in (vowel, vowel.upper()) for tone in ("", *_TONES)) | frozenset("đĐ")

# Texts longer than this are not reversed as a whole (an article is far
# shorter; MAX_ARTICLE_BYTES bounds what reaches here anyway).
MAX_REPAIR_CHARS = 8 * 1024 * 1024


def _repair_legacy(text: str, path: str, line: int | None = None) -> Decoded:
    """``text`` itself, or its conversion when it is TCVN3, VNI or
    Windows-1258 that was once mis-read as Windows-1252 (valid UTF-8 but
    ``Uû ban nh©n d©n``).

    A text is only suspected when it holds Latin-1 symbols that Vietnamese
    does not use, and only converted when it reads much more like Vietnamese
    afterwards. Text in another language is left alone; a text that is
    neither one thing nor the other is refused.
    """
    if not _SUSPECT.search(text):
        return Decoded(text)
    score, words = vietnamese_score(text)
    if score >= CONFIDENT or not words:
        return Decoded(text)
    name, converted, new_score, new_words = _best_reading(text)
    if new_score < score + 0.2:
        return Decoded(text)   # no legacy reading helps: another language, not mojibake
    what = (f"the text looks like {name} mis-read as Latin-1 (only {score:.0%} of its accented "
            f"words are Vietnamese as it stands, {new_score:.0%} after converting from {name})")
    if new_score >= CONFIDENT and new_words >= MIN_WORDS:
        return Decoded(converted, what + "; converted to Unicode")
    raise SourceError(path, f"{what}, but {_doubt(new_score, new_words)}", line=line,
                      hint=_HOW_TO_CONVERT[name] + ", from the original legacy file")


def _doubt(score: float, words: int) -> str:
    """Why a legacy reading is not trusted."""
    if words < MIN_WORDS:
        return f"{words} accented words are too few to be sure; not converted"
    return f"only {score:.0%} of {words} accented words read as Vietnamese that way; not converted"
