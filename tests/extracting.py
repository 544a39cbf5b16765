"""What the extraction tests read off one article written for a test: its
facts as `kg extract --format json` prints them, or one kind of them."""
from __future__ import annotations

import datetime as dt

from kg.extract import extract
from kg.sources.articles import text_article

# the day a test article is published on when the test does not say
SOME_DAY = dt.date(2024, 5, 20)


def facts(text: str, published: dt.date | None = None) -> dict:
    return extract(text_article(text, key="t", published=published)).to_json()


def events(text: str, published: dt.date | None = None) -> list[dict]:
    return facts(text, published)["events"]


def posts(text: str) -> dict[str, list[str]]:
    return {p["name"]: p["posts"] for p in facts(text)["persons"]}


def places(text: str, published: dt.date = SOME_DAY) -> dict[str, str | None]:
    return {p["name"]: p["parent"] for p in facts(text, published)["places"]}


def topics(text: str, published: dt.date = SOME_DAY) -> list[str | None]:
    return [e["topic"] for e in events(text, published)]


def shape(ev: dict) -> tuple:
    """An activity's kind, day, inspector, leader and targets."""
    return ev["kind"], ev["date"], ev["inspector"], ev["leader"], sorted(ev["targets"])
