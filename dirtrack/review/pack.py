"""The review pack: the core report plus trends, rankings, due-soon, limitations, per-leader.

:func:`build_review` is pure: the CLI fetches facts and hands them over with the period and
the day T; the result is the report's JSON object. The keys CLI.md fixes (``period``,
``as_of``, ``units``, ``totals``, ``overdue``, ``limitations``, ``meetings``) keep their
meaning; everything else is added beside them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from dirtrack.periods import Period, SpanKind, containing
from dirtrack.records import Record, RecordStream, directive_record, iso
from dirtrack.report import Report, build_report, in_scope, scope_end
from dirtrack.review.compare import rankings, trends
from dirtrack.review.moves import Move, attribute
from dirtrack.review.repeats import chains
from dirtrack.review.rollup import rolled_record, rollup_rows, rollup_targets
from dirtrack.status import Counts, DirectiveFacts, Status
from dirtrack.store.limitations import LimitationFacts
from dirtrack.text import fold, nfc

DEFAULT_DUE_WITHIN = 7


@dataclass(frozen=True)
class ReviewInput:
    """What the review is computed from.

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


def _scoped(inp: ReviewInput, as_of: date) -> list[DirectiveFacts]:
    held = attribute(inp.facts, inp.moves, as_of, inp.names)
    if inp.unit_ids is None:
        return held
    return [f for f in held if f.unit_id in inp.unit_ids]


def _unit_rows(inp: ReviewInput, report: Report) -> list[Record]:
    if not inp.rollup:
        return [row.as_dict() for row in report.units]
    targets = rollup_targets(inp.parents, inp.top)
    names = dict(inp.names.values())
    return [
        rolled_record(row, members) for row, members in rollup_rows(report.units, targets, names)
    ]


@dataclass(frozen=True)
class Lists:
    """The sections of the review that list directives and limitations, however computed.

    ``carried`` and ``directives`` may be a :class:`~dirtrack.records.RecordStream` on the
    lean path (issue 6); every other value is plain.
    """

    due_soon: Record
    by_chair: list[Record]
    limitation_summary: Record
    repeated_limitations: list[Record]
    causes: list[Record]
    carried: Sequence[Record] | RecordStream
    directives: Sequence[Record] | RecordStream


def build_review(inp: ReviewInput) -> Record:
    """The whole review of ``inp.period`` as of ``inp.as_of``, as one JSON-ready object."""
    period, as_of = inp.period, inp.as_of
    current = _scoped(inp, as_of)
    in_units = [
        lim for lim in inp.limitations if inp.unit_ids is None or lim.unit_id in inp.unit_ids
    ]
    report = build_report(
        current, period=period, as_of=as_of, limitations=in_units, meetings=inp.meetings
    )
    before = period.previous()
    before_as_of = min(before.end, as_of)
    earlier = build_report(_scoped(inp, before_as_of), period=before, as_of=before_as_of)
    in_scope_now = sorted(
        (f for f in current if in_scope(f, period, as_of)), key=lambda f: (f.unit_code, f.id)
    )
    lists = Lists(
        due_soon=due_soon(in_scope_now, as_of, inp.due_within),
        by_chair=by_chair(in_scope_now, inp.chairs, as_of),
        limitation_summary=limitation_summary(inp, in_units),
        repeated_limitations=repeated(inp, report.limitations),
        causes=causes(in_scope_now, period, as_of),
        carried=carried_over(in_scope_now, as_of),
        directives=[directive_record(f, as_of) for f in in_scope_now],
    )
    return assemble(inp, report, earlier, lists)


def assemble(inp: ReviewInput, report: Report, earlier: Report, lists: Lists) -> Record:
    """The review's JSON object from the report of the period, that of the previous period
    (``earlier``, judged as of the earlier of its end and T) and the listing sections.

    Both builders end here, so that their objects have the same keys in the same order.
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


def carried_over(facts: Sequence[DirectiveFacts], as_of: date) -> list[Record]:
    """Directives still open at T, for the next period: by deadline, none last."""
    open_ones = [f for f in facts if f.status(as_of).is_open]
    open_ones.sort(key=lambda f: (f.due_at(as_of) is None, f.due_at(as_of) or as_of, f.id))
    return [directive_record(f, as_of) for f in open_ones]


def by_chair(
    facts: Sequence[DirectiveFacts],
    chairs: Mapping[int, tuple[str | None, str | None]],
    as_of: date,
) -> list[Record]:
    """Directives in scope grouped by the chair of the meeting that gave them.

    Chairs are matched without regard to case, accents or tone placement; the spelling and
    title shown are those of the latest meeting. Directives from meetings without a recorded
    chair are grouped under ``chair: null``, last.
    """
    groups: dict[str, tuple[list[str | None], Counts, set[int], list[date]]] = {}
    for item in facts:
        chair, title = chairs.get(item.meeting_id, (None, None))
        key = fold(chair) if chair else ""
        if key not in groups:
            groups[key] = ([chair, title], Counts(), set(), [item.meeting_date])
        shown, counts, meetings, latest = groups[key]
        if item.meeting_date >= latest[0]:
            shown[:] = [chair, title]
            latest[0] = item.meeting_date
        meetings.add(item.meeting_id)
        has_deadline = item.due_at(as_of) is not None
        extended = any(e.approved_on <= as_of for e in item.extensions)
        counts.add(item.status(as_of), has_deadline=has_deadline, extended=extended)
    rows = []
    for key in sorted(groups, key=lambda k: (k == "", k)):
        shown, counts, meetings, _ = groups[key]
        rows.append(
            {
                "chair": nfc(shown[0]) if shown[0] else None,
                "chair_title": shown[1],
                "meetings": len(meetings),
                **counts.as_dict(),
            }
        )
    return rows


def causes(facts: Sequence[DirectiveFacts], period: Period, as_of: date) -> list[Record]:
    """Causes where recorded: reasons given for deadlines extended in the period, and the latest
    note on each overdue directive."""
    end = scope_end(period, as_of)
    found: list[Record] = []
    for item in facts:
        for ext in item.extensions:
            if ext.reason and period.start <= ext.approved_on <= end:
                found.append(
                    {
                        "directive_id": item.id,
                        "unit": item.unit_code,
                        "kind": "extension",
                        "date": iso(ext.approved_on),
                        "text": ext.reason,
                        "due": iso(ext.new_due),
                    }
                )
        if item.status(as_of) is Status.OVERDUE:
            notes = [p for p in item.progress if p.note and p.reported_on <= as_of]
            if notes:
                found.append(
                    {
                        "directive_id": item.id,
                        "unit": item.unit_code,
                        "kind": "progress",
                        "date": iso(notes[-1].reported_on),
                        "text": notes[-1].note,
                        "due": iso(item.due_at(as_of)),
                    }
                )
    return sorted(found, key=lambda c: (c["unit"], c["date"], c["directive_id"]))


def summary_row(code: str, name: str) -> Record:
    return {"code": code, "name": name, "raised": 0, "resolved": 0, "still_open": 0, "repeated": 0}


def limitation_summary(inp: ReviewInput, limitations: Sequence[LimitationFacts]) -> Record:
    """Per unit: limitations raised in the period, resolved in it, still open at its end, and
    raised in it as a repeat of an earlier one."""
    period = inp.period
    end = scope_end(period, inp.as_of)
    targets = rollup_targets(inp.parents, inp.top) if inp.rollup else {}
    names = dict(inp.names.values())
    rows: dict[str, Record] = {}
    totals = summary_row("", "")
    for lim in limitations:
        if lim.raised_on > end:
            continue
        code = targets.get(lim.unit_code, lim.unit_code)
        row = rows.setdefault(code, summary_row(code, names.get(code, code)))
        resolved = lim.resolved_on if lim.resolved_on and lim.resolved_on <= end else None
        flags = {
            "raised": period.start <= lim.raised_on,
            "resolved": resolved is not None and resolved >= period.start,
            "still_open": resolved is None,
            "repeated": period.start <= lim.raised_on and lim.repeat_of_id is not None,
        }
        if not (flags["raised"] or flags["still_open"] or flags["resolved"]):
            continue
        for key, hit in flags.items():
            if hit:
                row[key] += 1
                totals[key] += 1
    del totals["code"], totals["name"]
    return {"units": [rows[code] for code in sorted(rows)], "totals": totals}


def repeated(inp: ReviewInput, listed: Sequence[Record]) -> list[Record]:
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
