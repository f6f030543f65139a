"""The sections of the report, from what the database counted and the lists it read.

The report of a period is the core report (``period``, ``as_of``, ``units``, ``totals``,
``overdue``, ``limitations``, ``meetings``: the keys CLI.md fixes) plus trends, rankings, due
soon, the per-chair view, the limitation summary, repeated limitations, causes, what carries
over to the next period and every directive in scope. Nothing here reads the database or
prints; :mod:`dirtrack.report` reads and calls these.

``tests/oracle.py`` computes the same object from the facts of every directive in plain Python;
the tests compare the two on random registers, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from dirtrack.moves import Move
from dirtrack.periods import Period, SpanKind, containing
from dirtrack.records import Record, RecordStream, directive_record, iso
from dirtrack.repeats import chains
from dirtrack.report.compare import rankings, trends
from dirtrack.report.rollup import rolled_record, rollup_rows, rollup_targets
from dirtrack.status import Counts, DirectiveFacts, Status
from dirtrack.store.counts import ChairGroup, LimitationCounts
from dirtrack.store.facts import ExtensionCause
from dirtrack.store.limitations import LimitationFacts
from dirtrack.text import nfc


@dataclass
class UnitRow:
    """A unit's row of the review: its code, name and counts."""

    code: str
    name: str
    counts: Counts = field(default_factory=Counts)

    def as_dict(self) -> Record:
        return {"code": self.code, "name": self.name, **self.counts.as_dict()}


@dataclass
class Report:
    """The counts of a period as of a day, per unit and in all, with its overdue directives,
    limitations and meetings."""

    period: Period
    as_of: date
    units: list[UnitRow]
    totals: Counts
    overdue: list[Record]
    limitations: list[Record]
    meetings: list[Record]

    def as_dict(self) -> Record:
        return {
            "period": period_record(self.period),
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


DEFAULT_DUE_WITHIN = 7


@dataclass(frozen=True)
class ReportInput:
    """What the report is computed from.

    Attributes:
        period: the period under review.
        as_of: T, the day statuses are judged.
        facts: directives as stored, covering the previous period too (given at meetings up to
            the period's end and not closed before the previous period began).
        limitations: every limitation raised by T, of every unit (chains cross ``--unit``).
        meetings: the meetings held in the period, as records.
        chairs: chair and chair title by meeting id.
        names: code and name by unit id.
        parents: parent code by unit code.
        moves: directives moved between units (``unit retire``), by directive id.
        unit_ids: the units in scope (``--unit`` and everything under it); None for all.
        top: the code of the ``--unit`` unit, which roll-ups stop at.
        rollup: roll child units up into their parent.
        due_within: the due-soon window in days after T.
    """

    period: Period
    as_of: date
    facts: Sequence[DirectiveFacts]
    limitations: Sequence[LimitationFacts] = ()
    meetings: Sequence[Record] = ()
    chairs: Mapping[int, tuple[str | None, str | None]] = field(default_factory=dict)
    names: Mapping[int, tuple[str, str]] = field(default_factory=dict)
    parents: Mapping[str, str | None] = field(default_factory=dict)
    moves: Mapping[int, Sequence[Move]] = field(default_factory=dict)
    unit_ids: frozenset[int] | None = None
    top: str | None = None
    rollup: bool = False
    due_within: int = DEFAULT_DUE_WITHIN


def period_record(period: Period) -> Record:
    return {
        "label": period.label,
        "start": iso(period.start),
        "end": iso(period.end),
        "cutoff": period.cutoff.value,
    }


def _unit_rows(inp: ReportInput, report: Report) -> list[Record]:
    if not inp.rollup:
        return [row.as_dict() for row in report.units]
    targets = rollup_targets(inp.parents, inp.top)
    names = dict(inp.names.values())
    return [
        rolled_record(row, members) for row, members in rollup_rows(report.units, targets, names)
    ]


@dataclass(frozen=True)
class Lists:
    """The sections of the report that list directives and limitations, however computed.

    ``carried`` and ``directives`` may be a :class:`~dirtrack.records.RecordStream`, read
    as a format writes them; every other value is plain.
    """

    due_soon: Record
    by_chair: list[Record]
    limitation_summary: Record
    repeated_limitations: list[Record]
    causes: list[Record]
    carried: Sequence[Record] | RecordStream
    directives: Sequence[Record] | RecordStream


def assemble(inp: ReportInput, report: Report, earlier: Report, lists: Lists) -> Record:
    """The report's JSON object from the counts of the period, that of the previous period
    (``earlier``, judged as of the earlier of its end and T) and the listing sections.

    The reference of ``tests/oracle.py`` ends here too, so that both objects have the same keys
    in the same order.
    """
    result = report.as_dict()
    result["units"] = _unit_rows(inp, report)
    earlier_rows = _unit_rows(inp, earlier)
    earlier_totals = earlier.totals.as_dict()
    result.update(
        {
            "scope": {"unit": inp.top, "rollup": inp.rollup},
            "previous": {
                "period": period_record(earlier.period),
                "as_of": iso(earlier.as_of),
                "units": earlier_rows,
                "totals": earlier_totals,
            },
            "trends": trends(result["units"], earlier_rows, result["totals"], earlier_totals),
            "rankings": rankings(result["units"]),
            "due_soon": lists.due_soon,
            "by_chair": lists.by_chair,
            "limitation_summary": lists.limitation_summary,
            "repeated_limitations": lists.repeated_limitations,
            "causes": lists.causes,
            "next_period": {
                "period": period_record(report.period.next()),
                "directives": lists.carried,
            },
            "directives": lists.directives,
        }
    )
    return result


def due_soon(facts: Sequence[DirectiveFacts], as_of: date, within: int) -> Record:
    """Open directives whose deadline falls within ``within`` days from T (T included)."""
    last = as_of + timedelta(days=within)
    found = []
    for item in facts:
        due = item.due_at(as_of)
        if item.status(as_of) is Status.OPEN_IN_TIME and due is not None and due <= last:
            found.append((due, item.id, directive_record(item, as_of)))
    return {
        "within_days": within,
        "from": iso(as_of),
        "to": iso(last),
        "directives": [record for *_, record in sorted(found, key=lambda t: (t[0], t[1]))],
    }


def extension_cause_records(
    rows: Iterable[ExtensionCause], units: Mapping[int, str]
) -> list[Record]:
    """The causes of :func:`dirtrack.store.facts.extension_causes`' rows, each under the code
    of the unit ``units`` says held its directive."""
    return [
        {
            "directive_id": row.directive_id,
            "unit": units[row.directive_id],
            "kind": "extension",
            "date": iso(row.approved_on),
            "text": row.reason,
            "due": iso(row.new_due),
        }
        for row in rows
    ]


def note_cause(item: DirectiveFacts, as_of: date) -> Record | None:
    """The cause an overdue directive's latest progress note by ``as_of`` gives, if any."""
    if item.status(as_of) is not Status.OVERDUE:
        return None
    notes = [p for p in item.progress if p.note and p.reported_on <= as_of]
    if not notes:
        return None
    return {
        "directive_id": item.id,
        "unit": item.unit_code,
        "kind": "progress",
        "date": iso(notes[-1].reported_on),
        "text": notes[-1].note,
        "due": iso(item.due_at(as_of)),
    }


def cause_order(cause: Record) -> tuple[str, str, int]:
    """Causes by unit, day, directive; one directive's extensions before its note (stable)."""
    return (cause["unit"], cause["date"], cause["directive_id"])


def summary_row(code: str, name: str) -> Record:
    return {"code": code, "name": name, "raised": 0, "resolved": 0, "still_open": 0, "repeated": 0}


def repeated(inp: ReportInput, listed: Sequence[Record]) -> list[Record]:
    """Limitations of the report that were raised more than once, with how often and since when.

    ``since`` is the label of the quarter (under the report's cut-off) in which the limitation
    was first raised.
    """
    end = scope_end(inp.period, inp.as_of)
    shown = {record["id"] for record in listed}
    found = []
    for chain in chains(inp.limitations, raised_on_or_before=end):
        if chain.times < 2 or not any(m.id in shown for m in chain.members):
            continue
        first, latest = chain.first, chain.latest
        resolved = latest.resolved_on if latest.resolved_on and latest.resolved_on <= end else None
        found.append(
            {
                "id": first.id,
                "unit": latest.unit_code,
                "text": latest.text,
                "first_text": first.text,
                "category": latest.category,
                "times": chain.times,
                "first_raised_on": iso(first.raised_on),
                "last_raised_on": iso(latest.raised_on),
                "since": containing(first.raised_on, SpanKind.QUARTER, inp.period.cutoff).label,
                "ids": [m.id for m in chain.members],
                "meeting_ids": [m.meeting_id for m in chain.members],
                "open": resolved is None,
            }
        )
    return sorted(found, key=lambda r: (-r["times"], r["unit"], r["id"]))


def report_of(
    period: Period,
    as_of: date,
    counts: Mapping[int, Counts],
    names: Mapping[int, tuple[str, str]],
    *,
    overdue: Sequence[Record] = (),
    limitations: Sequence[Record] = (),
    meetings: Sequence[Record] = (),
) -> Report:
    """The report whose per-unit counts the database gave by unit id: rows in code order."""
    rows = sorted(
        (UnitRow(names[uid][0], names[uid][1], found) for uid, found in counts.items()),
        key=lambda row: row.code,
    )
    totals = Counts()
    for row in rows:
        totals.merge(row.counts)
    return Report(
        period=period,
        as_of=as_of,
        units=rows,
        totals=totals,
        overdue=list(overdue),
        limitations=list(limitations),
        meetings=list(meetings),
    )


def chair_ties(groups: Iterable[ChairGroup]) -> dict[str, date]:
    """Chairs whose latest meeting day has more than one spelling (or title): the day.

    The reference shows the spelling of the directive it meets last on that day, in the order
    of unit code then id; :func:`shown_chair` picks it from that day's directives.
    """
    latest: dict[str, date] = {}
    spellings: dict[str, set[tuple[str | None, str | None]]] = defaultdict(set)
    for group in groups:
        day = latest.get(group.key)
        if day is None or group.latest > day:
            latest[group.key] = group.latest
            spellings[group.key] = {(group.chair, group.chair_title)}
        elif group.latest == day:
            spellings[group.key].add((group.chair, group.chair_title))
    return {key: latest[key] for key, found in spellings.items() if len(found) > 1}


def shown_chair(
    key: str,
    on_day: Iterable[tuple[int, int, str | None, str | None]],
    names: Mapping[int, tuple[str, str]],
    keys: Mapping[str, str],
) -> tuple[str | None, str | None]:
    """Chair and title of the directive last in (unit code, id) order among ``on_day``'s
    ``(id, unit id, chair, chair title)`` whose chair is the person ``key`` (``keys``: the
    person each chair spelling is, :attr:`ChairGroup.key`)."""
    best = max(
        ((names[uid][0], did), chair, title)
        for did, uid, chair, title in on_day
        if (keys[chair] if chair else "") == key
    )
    return best[1], best[2]


def chair_rows(
    groups: Iterable[ChairGroup], shown: Mapping[str, tuple[str | None, str | None]]
) -> list[Record]:
    """``by_chair``: the groups by the person chairing (:attr:`ChairGroup.key`), with the
    spelling and title of the latest meeting (``shown`` settles the ties of
    :func:`chair_ties`); no chair last."""
    folded: dict[str, list[ChairGroup]] = defaultdict(list)
    for group in groups:
        folded[group.key].append(group)
    rows = []
    for key in sorted(folded, key=lambda k: (k == "", k)):
        members = folded[key]
        counts = Counts()
        for member in members:
            counts.merge(member.counts)
        if key in shown:
            chair, title = shown[key]
        else:
            last = max(members, key=lambda m: m.latest)
            chair, title = last.chair, last.chair_title
        rows.append(
            {
                "chair": nfc(chair) if chair else None,
                "chair_title": title,
                "meetings": sum(m.meetings for m in members),
                **counts.as_dict(),
            }
        )
    return rows


def limitation_summary_of(
    counts: Mapping[str, LimitationCounts],
    targets: Mapping[str, str],
    names: Mapping[str, str],
) -> Record:
    """``limitation_summary`` from the counts per unit code (each unit with a limitation raised
    by the report's end), rolled into ``targets`` (empty: no roll-up)."""
    rows: dict[str, Record] = {}
    totals = summary_row("", "")
    for code, found in counts.items():
        target = targets.get(code, code)
        row = rows.setdefault(target, summary_row(target, names.get(target, target)))
        for key, n in (
            ("raised", found.raised),
            ("resolved", found.resolved),
            ("still_open", found.still_open),
            ("repeated", found.repeated),
        ):
            row[key] += n
            totals[key] += n
    del totals["code"], totals["name"]
    return {"units": [rows[code] for code in sorted(rows)], "totals": totals}


def _path(limitation_id: int, links: Mapping[int, int]) -> list[int]:
    """The ids :func:`dirtrack.repeats.first_of` walks, the first occurrence last."""
    walked = [limitation_id]
    seen = {limitation_id}
    current = limitation_id
    while (parent := links.get(current)) is not None and parent not in seen:
        seen.add(parent)
        walked.append(parent)
        current = parent
    return walked


def chain_members(listed: Iterable[int], links: Mapping[int, int]) -> set[int]:
    """Ids of the limitations that ``repeated_limitations`` reads: every member of a chain of
    repeats that a listed limitation belongs to, with the links walked to its first occurrence.

    Args:
        listed: ids of the limitations the report lists.
        links: ``repeat_of_id`` of every limitation raised by the report's end that has one.
    """
    heads = {_path(lid, links)[-1] for lid in listed}
    candidates = set(links) | set(links.values()) | set(listed)
    chains: dict[int, list[list[int]]] = defaultdict(list)
    for lid in candidates:
        walked = _path(lid, links)
        if walked[-1] in heads:
            chains[walked[-1]].append(walked)
    found: set[int] = set()
    for paths in chains.values():
        if len(paths) > 1:  # raised once is no repeat
            for walked in paths:
                found.update(walked)
    return found


def in_unit_order(
    held: Iterable[tuple[int, int]], names: Mapping[int, tuple[str, str]]
) -> list[int]:
    """The ids of ``held`` ``(id, unit id)`` pairs by unit code, then id: the order of
    ``directives``. Sorted here, not by the database, which may sort text by locale."""
    return [did for _, did in sorted((names[uid][0], did) for did, uid in held)]
