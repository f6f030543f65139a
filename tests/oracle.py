"""The reference: the report computed in plain Python from the facts of every directive.

Product code asks the database (:mod:`dirtrack.store.rules`, :mod:`dirtrack.store.counts`) and
reads only what the report lists (:mod:`dirtrack.report`). This module computes the same from
each directive's :class:`~dirtrack.status.DirectiveFacts`, one at a time, the straightforward
way: the tests compare the two on random registers, on SQLite and PostgreSQL. Nothing in
``dirtrack/`` imports it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from sqlmodel import Session, select

from dirtrack import risk
from dirtrack.models import Meeting
from dirtrack.moves import Move, attribute
from dirtrack.periods import Period
from dirtrack.records import Record, directive_record, limitation_record
from dirtrack.report.rollup import rollup_targets
from dirtrack.report.sections import (
    Lists,
    Report,
    ReviewInput,
    UnitRow,
    assemble,
    causes,
    due_soon,
    repeated,
    scope_end,
    summary_row,
)
from dirtrack.risk import RiskRules
from dirtrack.status import Counts, DirectiveFacts, Status
from dirtrack.store.limitations import LimitationFacts
from dirtrack.text import fold, nfc


def classify(
    due: date | None,
    completed_on: date | None,
    cancelled_on: date | None,
    as_of: date,
    withdrawn_on: date | None = None,
) -> Status:
    """The status rule of CLI.md for one directive (product code: ``store.rules.status_case``).

    Cancelled by T; else withdrawn by T; else done by T (late if after the deadline in force;
    the deadline day itself is on time); else overdue if that deadline is before T; else open
    in time.
    """
    if cancelled_on is not None and cancelled_on <= as_of:
        return Status.CANCELLED
    if withdrawn_on is not None and withdrawn_on <= as_of:
        return Status.WITHDRAWN
    if completed_on is not None and completed_on <= as_of:
        if due is not None and completed_on > due:
            return Status.DONE_LATE
        return Status.DONE_ON_TIME
    if due is not None and due < as_of:
        return Status.OVERDUE
    return Status.OPEN_IN_TIME


def due_at(facts: DirectiveFacts, as_of: date) -> date | None:
    """The deadline in force at ``as_of``: the latest extension approved by then (in recorded
    order), else the original (product code: ``store.rules.judgement``)."""
    due = facts.original_due
    for ext in facts.extensions:
        if ext.approved_on <= as_of:
            due = ext.new_due
    return due


def last_news(facts: DirectiveFacts, as_of: date) -> date:
    """The latest day on or before T something was heard of the directive."""
    days = [facts.meeting_date]
    days += [p.reported_on for p in facts.progress if p.reported_on <= as_of]
    days += [e.approved_on for e in facts.extensions if e.approved_on <= as_of]
    days += [r.asked_on for r in facts.requests if r.asked_on <= as_of]
    return max(days)


def pending_requests(facts: DirectiveFacts, as_of: date) -> int:
    return sum(1 for r in facts.requests if r.asked_on <= as_of and r.decision_at(as_of) is None)


def directive_risk(
    facts: DirectiveFacts,
    as_of: date,
    status: Status,
    due: date | None,
    rules: RiskRules | None = None,
) -> str:
    """The colour of one directive as of T, given its status and deadline in force at T
    (product code: ``store.rules.risk_case``)."""
    rules = rules or risk.current()
    if status.is_done:
        return risk.GREEN
    if status.is_closed_out:
        return risk.GREY
    if status is Status.OVERDUE:
        return risk.RED
    if due is None:
        return risk.GREY
    left = (due - as_of).days
    progress = facts.progress_at(as_of) or 0
    if left <= rules.red_days and progress < rules.low_progress:
        return risk.RED
    if left <= rules.soon_days and progress < rules.low_progress:
        return risk.YELLOW
    if (as_of - last_news(facts, as_of)).days > rules.stale_days:
        return risk.YELLOW
    if rules.pending_request and pending_requests(facts, as_of):
        return risk.YELLOW
    return risk.GREEN


def judge(facts: DirectiveFacts, as_of: date) -> DirectiveFacts:
    """``facts`` judged as of ``as_of`` by the rules above, in place of the database's."""
    due = due_at(facts, as_of)
    status = classify(due, facts.completed_on, facts.cancelled_on, as_of, facts.withdrawn_on)
    judged = replace(facts, judged_on=as_of, due_in_force=due, judged_status=status)
    return replace(judged, judged_risk=directive_risk(judged, as_of, status, due))


def in_scope(facts: DirectiveFacts, period: Period, as_of: date) -> bool:
    """Given by the period's end (and by T), and not closed before the period began unless
    issued in it (an occurrence of a series done ahead of its period)."""
    if facts.given_on > scope_end(period, as_of):
        return False
    if facts.issued_on is not None and facts.issued_on >= period.start:
        return True
    if facts.completed_on is not None and facts.completed_on < period.start:
        return False
    if facts.withdrawn_on is not None and facts.withdrawn_on < period.start:
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
        item = judge(item, as_of)
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


def _scoped(inp: ReviewInput, as_of: date) -> list[DirectiveFacts]:
    held = attribute(inp.facts, inp.moves, as_of, inp.names)
    if inp.unit_ids is None:
        return held
    return [f for f in held if f.unit_id in inp.unit_ids]


def build_review(inp: ReviewInput) -> Record:
    """The whole review of ``inp.period`` as of ``inp.as_of``, as one JSON-ready object."""
    period, as_of = inp.period, inp.as_of
    current = [judge(f, as_of) for f in _scoped(inp, as_of)]
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


def moved_directive_ids(moves: dict[int, list[Move]], unit_ids: Sequence[int]) -> list[int]:
    """Directives that some unit of ``unit_ids`` held before a move."""
    wanted = set(unit_ids)
    return sorted(
        directive_id
        for directive_id, items in moves.items()
        if any(m.from_unit_id in wanted or m.to_unit_id in wanted for m in items)
    )


def meeting_chairs(
    session: Session, *, held_on_or_before: date | None = None
) -> dict[int, tuple[str | None, str | None]]:
    """Chair and chair title of every meeting, by meeting id."""
    query = select(Meeting.id, Meeting.chair, Meeting.chair_title)
    if held_on_or_before is not None:
        query = query.where(Meeting.date <= held_on_or_before)
    return {
        meeting_id: (chair, title)
        for meeting_id, chair, title in session.exec(query)
        if meeting_id is not None
    }


def gather_review(
    session: Session,
    period: Period,
    as_of: date,
    *,
    unit: str | None = None,
    rollup: bool = False,
    due_within: int = 7,
) -> Record:
    """Fetch what the review of ``period`` as of ``as_of`` needs and build it.

    Every directive in scope read as facts (ORM session), the report computed in Python by
    :func:`build_review`: what :func:`dirtrack.report.build` must equal.
    """
    from dirtrack.records import meeting_record
    from dirtrack.store.directives import DirectiveFilter, iter_facts
    from dirtrack.store.limitations import list_limitations
    from dirtrack.store.meetings import attendee_ids, list_meetings
    from dirtrack.store.units import UnitIndex, load_moves

    index = UnitIndex.load(session)
    end = scope_end(period, as_of)
    since = period.previous().start
    unit_ids: frozenset[int] | None = None
    top: str | None = None
    if unit:
        found = index.resolve(unit)
        assert found.id is not None
        top = found.code
        unit_ids = frozenset(index.descendants(found.id))
    moves = load_moves(session.connection())
    flt = DirectiveFilter(
        unit_ids=sorted(unit_ids) if unit_ids is not None else None,
        held_on_or_before=end,
        closed_not_before=since,
    )
    facts = list(iter_facts(session, flt, as_of=as_of))  # judged again by build_review
    if unit_ids is not None and moves:
        # A directive another unit holds now may have been this unit's on the day judged.
        known = {f.id for f in facts}
        extra = [i for i in moved_directive_ids(moves, sorted(unit_ids)) if i not in known]
        if extra:
            facts += iter_facts(
                session,
                DirectiveFilter(ids=extra, held_on_or_before=end, closed_not_before=since),
                as_of=as_of,
            )
    held = list_meetings(session, start=period.start, end=end)
    attending = attendee_ids(session, [m.id for m in held if m.id is not None])
    meetings = [
        meeting_record(m, [index.code(u) for u in attending.get(m.id or 0, [])]) for m in held
    ]
    return build_review(
        ReviewInput(
            period=period,
            as_of=as_of,
            facts=facts,
            limitations=list_limitations(session, raised_on_or_before=end),
            meetings=meetings,
            chairs=meeting_chairs(session, held_on_or_before=end),
            names={uid: (u.code, u.name) for uid, u in index.units.items()},
            parents={info.code: info.parent for info in index.all_info()},
            moves=moves,
            unit_ids=unit_ids,
            top=top,
            rollup=rollup,
            due_within=due_within,
        )
    )
