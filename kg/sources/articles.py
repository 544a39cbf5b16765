"""News articles as input: ``.txt`` files (title on the first line, after an
optional ``---`` front-matter block with ``url:`` and ``published:``) and
``.jsonl`` corpora (one article a line: ``url``, ``published``, ``title``,
``text``)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    """One article, its text already normalised (``kg.text.normalize``).

    ``text`` is the title line, a blank line, then the body, so that character
    offsets of evidence sentences index into it; ``body_start`` is where the
    body begins.
    """
    key: str                 # its URL when it has one, else its path (and line, in a corpus)
    title: str
    text: str
    body_start: int
    url: str | None = None
    published: dt.date | None = None
    path: str | None = None
    line: int | None = None  # line number in a .jsonl corpus

    @property
    def body(self) -> str:
        return self.text[self.body_start:]
