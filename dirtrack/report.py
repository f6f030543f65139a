"""The review of a period, per unit: counts, truncated rates, overdue list, limitations."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from dirtrack.periods import Period
from dirtrack.records import Record, directive_record, iso, limitation_record
from dirtrack.status import Counts, DirectiveFacts, Status

if TYPE_CHECKING:  # annotations only: the store module imports SQLModel (issue 6)
    from dirtrack.store.limitations import LimitationFacts


@dataclass
class UnitRow:
    code: str
    name: str
    counts: Counts = field(default_factory=Counts)

    def as_dict(self) -> Record:
        return {"code": self.code, "name": self.name, **self.counts.as_dict()}


@dataclass
class Report:
    period: Period
    as_of: date
    units: list[UnitRow]
    totals: Counts
    overdue: list[Record]
    limitations: list[Record]
    meetings: list[Record]

    def as_dict(self) -> Record:
        return {
            "period": {
                "label": self.period.label,
                "start": iso(self.period.start),
                "end": iso(self.period.end),
                "cutoff": self.period.cutoff.value,
            },
            "as_of": iso(self.as_of),
            "units": [row.as_dict() for row in self.units],
            "totals": self.totals.as_dict(),
            "overdue": self.overdue,
            "limitations": self.limitations,
            "meetings": self.meetings,
        }


def scope_end(period: Period, as_of: date) -> date:
    """Directives given at meetings up to this day are in the report."""
    return min(period.end, as_of)


def in_scope(facts: DirectiveFacts, period: Period, as_of: date) -> bool:
    """Given by the period's end (and by T), and not closed before the period began."""
    if facts.meeting_date > scope_end(period, as_of):
        return False
    if facts.completed_on is not None and facts.completed_on < period.start:
        return False
    return not (facts.cancelled_on is not None and facts.cancelled_on < period.start)


def build_report(
    facts: Iterable[DirectiveFacts],
    *,
    period: Period,
    as_of: date,
    limitations: Sequence[LimitationFacts] = (),
    meetings: Sequence[Record] = (),
) -> Report:
    """Count every directive in scope by unit and status as of ``as_of``.

    ``facts`` may hold directives out of scope; they are skipped. Units appear in code order,
    only those with a directive in scope.
    """
    rows: dict[str, UnitRow] = {}
    totals = Counts()
    overdue: list[tuple[int, int, Record]] = []
    for item in facts:
        if not in_scope(item, period, as_of):
            continue
        status = item.status(as_of)
        row = rows.get(item.unit_code)
        if row is None:
            row = rows[item.unit_code] = UnitRow(item.unit_code, item.unit_name)
        has_deadline = item.due_at(as_of) is not None
        extended = any(e.approved_on <= as_of for e in item.extensions)
        row.counts.add(status, has_deadline=has_deadline, extended=extended)
        totals.add(status, has_deadline=has_deadline, extended=extended)
        if status is Status.OVERDUE:
            record = directive_record(item, as_of)
            overdue.append((-(record["days_overdue"] or 0), item.id, record))
    end = scope_end(period, as_of)
    lim_records = [
        limitation_record(lim, as_of)
        for lim in limitations
        if lim.raised_on <= end
        and (
            lim.raised_on >= period.start
            or lim.resolved_on is None
            or lim.resolved_on > min(period.end, as_of)
        )
    ]
    return Report(
        period=period,
        as_of=as_of,
        units=[rows[code] for code in sorted(rows)],
        totals=totals,
        overdue=[record for *_, record in sorted(overdue, key=lambda t: (t[0], t[1]))],
        limitations=lim_records,
        meetings=list(meetings),
    )
