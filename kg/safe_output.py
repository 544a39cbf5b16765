"""Text from the graph made safe for where it is written.

Names, titles and sentences come from news articles and files anyone can
write, so they may hold any character. Three destinations need care:

* XML (GraphML, GEXF): XML 1.0 cannot hold most C0 control characters, not
  even as character references (``&#27;`` is as invalid as a raw ESC), nor
  U+FFFE/U+FFFF or lone surrogates. ``xml_text`` writes each such character
  as its visible escape (``\\x1b``), so a reader sees what the source held.
* Spreadsheets (CSV): a cell beginning with ``=``, ``+``, ``-``, ``@``, a tab
  or a carriage return is run as a formula by Excel, LibreOffice and Google
  Sheets. ``spreadsheet_cell`` prefixes it with a single quote, as OWASP's
  advice on CSV injection says; the spreadsheet then shows it as text.
* Terminals: ESC, BEL, CR, DEL, the C1 controls (U+0080–U+009F, U+009B
  starts an escape sequence in some terminals) and the bidirectional
  overrides (which reorder what is shown) can rewrite or hide what is on the
  screen. ``terminal_text`` shows them as escapes instead; ``unicode_escaped``
  does the same in JSON and N-Triples with ``\\uXXXX``, which every reader
  of those formats decodes back to the same character.
"""
from __future__ import annotations

import re

# XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Cc (C0, DEL, C1) and the bidirectional embeddings, overrides and isolates
_BIDI = "\u202a-\u202e\u2066-\u2069"
_TERMINAL_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
_TERMINAL_UNSAFE_BUT_NEWLINE = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f{_BIDI}]")
# JSON and N-Triples writers escape C0 already; these they leave raw
_SERIALISED_UNSAFE = re.compile(f"[\x7f-\x9f{_BIDI}]")
# OWASP, "CSV Injection": the first characters a spreadsheet reads as a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else (f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")


def xml_text(text: str) -> str:
    """``text`` with every character XML 1.0 cannot hold written as its escape."""
    return _NOT_XML.sub(_escape, text)


def spreadsheet_cell(text: str) -> str:
    """``text`` as a CSV cell a spreadsheet shows and never runs."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def terminal_text(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with its control characters shown as escapes; with
    ``keep_newlines``, line breaks stay (for whole messages, not values)."""
    pattern = _TERMINAL_UNSAFE_BUT_NEWLINE if keep_newlines else _TERMINAL_UNSAFE
    return pattern.sub(_escape, text)


def unicode_escaped(serialised: str) -> str:
    """Serialised JSON or N-Triples with the controls their writers leave
    raw written as ``\\uXXXX``: the same data, safe on a terminal. (Such a
    character can only stand inside a string or an IRI, where both formats
    read the escape as the character.)"""
    return _SERIALISED_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04X}", serialised)
