"""What part of the graph to project (``Filters``), the dates the command
line gives for it, and the error for filters that select nothing."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kg.errors import KGError
from kg.model import YearMonth, parse_partial_date


class NothingMatches(KGError):
    """The filters are valid but select nothing."""


def date_bound(text: str, *, end: bool = False) -> dt.date:
    """``2022`` -> 2022-01-01 (or 2022-12-31 for an end bound); ``2022-11`` ->
    the month's first (or last) day; ``2022-11-25`` as is."""
    try:
        value = parse_partial_date(text)
    except ValueError as exc:
        raise KGError(str(exc)) from None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, YearMonth):
        if not end:
            return dt.date(value.year, value.month, 1)
        following = dt.date(value.year + value.month // 12, value.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(value, 12, 31) if end else dt.date(value, 1, 1)


@dataclass(frozen=True)
class Filters:
    """What part of the graph to project. Names are matched on their folded
    form, so ``tran thi loc`` finds ``Trần Thị Lộc``."""
    directive: str | None = None     # a document code: activities carried out under it
    inspector: str | None = None     # a body: activities it carried out
    target: str | None = None        # a unit or body: activities that visited it
    person: str | None = None        # an official: activities led, and posts held
    around: str | None = None        # any node: only what lies within ``depth`` steps of it
    depth: int = 1
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    kind: str | None = None          # an ActivityKind value

    def restricts_activities(self) -> bool:
        """Filters under which an empty set of activities means "nothing matches"."""
        return any(v is not None for v in (self.inspector, self.target, self.date_from,
                                           self.date_to, self.kind))

    def is_focused(self) -> bool:
        return self.restricts_activities() or self.directive is not None or self.person is not None

    def describe(self) -> str:
        parts = [f"--{name} {value}" for name, value in (
            ("directive", self.directive), ("inspector", self.inspector),
            ("target", self.target), ("person", self.person), ("kind", self.kind),
            ("from", self.date_from), ("to", self.date_to)) if value is not None]
        if self.around is not None:
            parts.append(f"--around {self.around} --depth {self.depth}")
        return " ".join(parts) or "(no filters)"
