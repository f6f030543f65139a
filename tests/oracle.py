"""The reference: the report computed in plain Python from the facts of every directive.

Product code asks the database (:mod:`dirtrack.store.rules`, :mod:`dirtrack.store.counts`) and
reads only what the report lists (:mod:`dirtrack.report`). This module computes the same from
each directive's :class:`~dirtrack.status.DirectiveFacts`, one at a time, the straightforward
way: the tests compare the two on random registers, on SQLite and PostgreSQL. Also the per-unit
counts as one plain statement per scope (:func:`unit_counts`), that ``count_report``'s one pass is
held to. Nothing in ``dirtrack/`` imports it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from fractions import Fraction
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, Select, case, func
from sqlmodel import Session, select

from dirtrack import risk
from dirtrack.models import Meeting
from dirtrack.moves import Move, attribute
from dirtrack.periods import Period
from dirtrack.records import Record, directive_record, iso, limitation_record
from dirtrack.report.rollup import rollup_targets
from dirtrack.report.sections import (
    Lists,
    Report,
    ReportInput,
    UnitRow,
    assemble,
    due_soon,
    repeated,
    scope_end,
    summary_row,
)
from dirtrack.risk import RiskRules
from dirtrack.status import Counts, DirectiveFacts, Status
from dirtrack.store.limitations import LimitationFacts
from dirtrack.store.rules import Scope, states
from dirtrack.text import nfc, person_keys


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


def progress_at(facts: DirectiveFacts, as_of: date) -> int | None:
    """The latest percentage reported on or before ``as_of`` (the last in recorded order), or
    None (product code: ``store.rules.progress_at``)."""
    percent: int | None = None
    for entry in facts.progress:
        if entry.reported_on <= as_of and entry.percent is not None:
            percent = entry.percent
    return percent


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
    if status in (Status.CANCELLED, Status.WITHDRAWN):  # out of every count and rate
        return risk.GREY
    if status is Status.OVERDUE:
        return risk.RED
    if due is None:
        return risk.GREY
    left = (due - as_of).days
    progress = progress_at(facts, as_of) or 0
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
    judged = replace(
        facts,
        judged_on=as_of,
        due_in_force=due,
        judged_status=status,
        judged_progress=progress_at(facts, as_of),
    )
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


def count(
    counts: Counts, status: Status, *, has_deadline: bool, extended: bool = False, n: int = 1
) -> None:
    """Count ``n`` directives of ``status`` into ``counts`` as the report counts them
    (:mod:`dirtrack.store.counts` does it in SQL): cancelled and withdrawn ones apart, the
    others in their status, in ``no_deadline`` too when they have none, and in ``extended``
    when an extension was approved by T."""
    if status is Status.CANCELLED:
        counts.cancelled += n
        return
    if status is Status.WITHDRAWN:
        counts.withdrawn += n
        return
    setattr(counts, status.value, getattr(counts, status.value) + n)
    if not has_deadline:
        counts.no_deadline += n
    if extended:
        counts.extended += n


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
        count(row.counts, status, has_deadline=has_deadline, extended=extended)
        count(totals, status, has_deadline=has_deadline, extended=extended)
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


def _scoped(inp: ReportInput, as_of: date) -> list[DirectiveFacts]:
    held = attribute(inp.facts, inp.moves, as_of, inp.names)
    if inp.unit_ids is None:
        return held
    return [f for f in held if f.unit_id in inp.unit_ids]


def build_whole_report(inp: ReportInput) -> Record:
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


def causes(facts: Sequence[DirectiveFacts], period: Period, as_of: date) -> list[Record]:
    """Causes where recorded: reasons given for deadlines extended in the period, and the latest
    note on each overdue directive (product code: ``store.facts.extension_causes`` and
    ``report.sections.note_cause``)."""
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

    Chairs are matched without regard to case, accents or tone placement, and told apart by
    their marks as leaders are (``Nguyễn Văn Hòa`` and ``Nguyễn Văn Hóa`` are two people; one
    typed without marks is the only marked spelling it agrees with): :func:`person_keys` of
    the chairs of the directives in scope. The spelling and title shown are those of the latest
    meeting. Directives from meetings without a recorded chair are grouped under ``chair:
    null``, last.
    """
    groups: dict[str, tuple[list[str | None], Counts, set[int], list[date]]] = {}
    in_scope = {chairs.get(item.meeting_id, (None, None))[0] for item in facts}
    keys = person_keys(c for c in in_scope if c)
    for item in facts:
        chair, title = chairs.get(item.meeting_id, (None, None))
        key = keys[chair] if chair else ""
        if key not in groups:
            groups[key] = ([chair, title], Counts(), set(), [item.meeting_date])
        shown, counts, meetings, latest = groups[key]
        if item.meeting_date >= latest[0]:
            shown[:] = [chair, title]
            latest[0] = item.meeting_date
        meetings.add(item.meeting_id)
        has_deadline = item.due_at(as_of) is not None
        extended = any(e.approved_on <= as_of for e in item.extensions)
        count(counts, item.status(as_of), has_deadline=has_deadline, extended=extended)
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


def limitation_summary(inp: ReportInput, limitations: Sequence[LimitationFacts]) -> Record:
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
        resolved = lim.resolved_on if lim.resolved_on and lim.resolved_on <= end else None
        flags = {
            "raised": period.start <= lim.raised_on,
            "resolved": resolved is not None and resolved >= period.start,
            "still_open": resolved is None,
            "repeated": period.start <= lim.raised_on and lim.repeat_of_id is not None,
        }
        if not (flags["raised"] or flags["still_open"] or flags["resolved"]):
            continue  # nothing the period sees: no row for it
        row = rows.setdefault(code, summary_row(code, names.get(code, code)))
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


def gather_report(
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
    :func:`build_whole_report`: what :func:`dirtrack.report.build` must equal.
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
    facts = list(iter_facts(session, flt, as_of=as_of))  # judged again by build_whole_report
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
    return build_whole_report(
        ReportInput(
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


# --- the per-unit counts in one plain statement ------------------------------------------------


def unit_counts_query(scope: Scope) -> Select[int, str, int, int, int]:
    """``unit_id, status, no_deadline, extended, count`` of the directives in ``scope``: the
    statuses of :func:`dirtrack.store.rules.states` counted the plain way, one statement per scope
    (``count_report`` counts both periods in one pass; ``make bench`` times this one as the
    floor)."""
    rows = states(scope)
    no_deadline = case((rows.c.due.is_(None), 1), else_=0)
    flags = sa.select(
        rows.c.unit_id,
        rows.c.status,
        no_deadline.label("no_deadline"),
        rows.c.extended,
    ).subquery("flags")
    # Grouped by status first: grouped by unit first, SQLite would walk the directives in
    # unit_id index order, one random page per row, instead of reading the table through.
    query = sa.select(
        flags.c.unit_id, flags.c.status, flags.c.no_deadline, flags.c.extended, func.count()
    ).group_by(flags.c.status, flags.c.no_deadline, flags.c.extended, flags.c.unit_id)
    return query


def unit_counts(conn: Connection, scope: Scope) -> dict[int, Counts]:
    """Counts per lead unit id of the directives in ``scope``, as of ``scope.as_of``.

    A unit without a directive in scope is absent. Equal to what
    :meth:`dirtrack.status.Counts.add` gives directive by directive.
    """
    counts: dict[int, Counts] = {}
    for unit_id, status, nodl, extended, n in conn.execute(unit_counts_query(scope)):
        unit_count = counts.setdefault(unit_id, Counts())
        count(unit_count, Status(status), has_deadline=not nodl, extended=bool(extended), n=n)
    return counts


# --- registers as a clerk records them ----------------------------------------------------
#
# What follows knows nothing of dirtrack's code: a register is described as the clerk records it
# (units, the office's days off, meetings, directives with their deadlines as written, and what
# happened to each, on its day), and the figures a report, ``list`` and ``overdue`` must show are
# computed from README's words alone: the status rules, the report's scope, extensions dated on
# their approval, working days on the office's calendar, periodic directives and their
# ``issued_on``, completions dated by their result document, withdrawals, reopening, and
# directives moved to a successor by ``unit retire``. tests/test_report_numbers.py records each
# register through the CLI and compares.


@cache
def _law(year: int) -> Any:
    import holidays

    return holidays.country_holidays("VN", years=year)


def law_off(day: date) -> bool:
    """Off by the national calendar: a public holiday or a day the Government gave off, or a
    Saturday or Sunday not worked in place of one (the ``holidays`` library's calendar)."""
    found = _law(day.year)
    if day in found:
        return True
    return day.weekday() >= 5 and day not in found.weekend_workdays


@dataclass(frozen=True)
class OfficeCalendar:
    """The office's calendar: the law's, but where the office recorded a day (``calendar add
    DATE --off|--on``), its word wins."""

    office: Mapping[date, bool] = field(default_factory=dict)  # day: off?

    def off(self, day: date) -> bool:
        return self.office[day] if day in self.office else law_off(day)

    def next_working(self, day: date) -> date:
        while self.off(day):
            day += timedelta(days=1)
        return day

    def previous_working(self, day: date) -> date:
        while self.off(day):
            day -= timedelta(days=1)
        return day

    def add(self, day: date, n: int) -> date:
        """The n-th working day after ``day`` (the count starts the day after)."""
        while n:
            day += timedelta(days=1)
            if not self.off(day):
                n -= 1
        return day


@dataclass(frozen=True)
class Due:
    """A deadline as the clerk types it (``assign --due``): ``date`` (kept as written), ``span``
    (a month: its last day), ``wd`` (N working days from the meeting), ``before`` (``trước ngày
    D``: that day, or the last working day before it) or ``early`` (``đầu tháng M``: the 10th,
    or the next working day)."""

    form: str
    day: date | None = None  # date, before; a day of the month for span, early
    n: int = 0  # wd

    def words(self) -> str:
        day = self.day
        if self.form == "wd":
            return f"trong {self.n} ngày làm việc"
        assert day is not None
        if self.form == "date":
            return day.isoformat()
        if self.form == "span":
            return f"tháng {day.month}/{day.year}"
        if self.form == "before":
            return f"trước ngày {day.day}/{day.month}/{day.year}"
        return f"đầu tháng {day.month}/{day.year}"

    def resolve(self, given: date, calendar: OfficeCalendar) -> date:
        day = self.day
        if self.form == "wd":
            return calendar.add(given, self.n)
        assert day is not None
        if self.form == "date":
            return day
        if self.form == "span":
            return month_end(day.year, day.month)
        if self.form == "before":
            return calendar.previous_working(day)
        return calendar.next_working(date(day.year, day.month, 10))


def month_end(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


@dataclass(frozen=True)
class Act:
    """One thing recorded about a directive, on ``day`` (the day the command is dated).

    ``extend`` (to ``to``, typed as ``to_words`` when not a plain date); ``ask_extend`` (a
    request for ``to`` asked on ``asked``, approved on ``day``, or refused then when not
    ``granted``); ``done`` (its result document dated ``doc_day`` if given); ``accept`` and
    ``return`` (the office's answer to a completion); ``cancel``; ``withdraw`` (a request
    asked on ``asked``, approved on ``day``); ``reopen``.
    """

    kind: str
    day: date
    to: date | None = None
    doc_day: date | None = None
    asked: date | None = None
    to_words: Due | None = None
    granted: bool = True


@dataclass
class Duty:
    """A directive of the register: given at ``meeting`` (day ``given``: the meeting's, or an
    occurrence's ``issued_on``) to ``unit`` (an index into the register's units)."""

    meeting: int
    given: date
    unit: int
    due: date | None  # the original deadline, as resolved on the office's calendar
    acts: list[Act] = field(default_factory=list)
    with_units: tuple[int, ...] = ()
    due_words: Due | None = None
    series: int | None = None
    issued_in_own_period: bool = False  # an occurrence (counts in its period even done ahead)


@dataclass(frozen=True)
class Retirement:
    unit: int
    successor: int
    on: date


@dataclass(frozen=True)
class Limitation:
    meeting: int
    unit: int
    resolved: date | None = None


@dataclass(frozen=True)
class RecordedState:
    """A directive's record after its acts up to a moment: what the database holds then."""

    extensions: tuple[tuple[date, date], ...]  # (approved on, new deadline), in order
    completed: date | None
    cancelled: date | None
    withdrawn: date | None
    # the closures reopenings ended: ((completed, cancelled, withdrawn), reopened on), in order
    ended: tuple[tuple[tuple[date | None, date | None, date | None], date], ...] = ()

    def closed_at(self, as_of: date) -> tuple[date | None, date | None, date | None]:
        """(completed, cancelled, withdrawn) of the closure in force on ``as_of``: one a
        reopening ended, from its day to the day before the reopening, else the record's."""
        for closed, reopened in self.ended:
            day = next(d for d in closed if d is not None)
            if day <= as_of < reopened:
                return closed
        return self.completed, self.cancelled, self.withdrawn


def recorded(duty: Duty, upto: date | None = None, by_acceptance: bool = False) -> RecordedState:
    """The record after the acts dated up to ``upto`` (all of them when None). ``reopen``
    ends the completion, cancellation or withdrawal: it was the closure from its day to the day
    before the reopening, as README's "Correcting records" says; ``return`` clears the
    completion (the completion sent back is not one). The day a completion counts from (C) is
    its result document's when given, else the day reported; the acceptance's when the office
    decides by acceptance (``by_acceptance``)."""
    exts: list[tuple[date, date]] = []
    completed = cancelled = withdrawn = None
    ended: list[tuple[tuple[date | None, date | None, date | None], date]] = []
    for act in duty.acts:
        if upto is not None and act.day > upto:
            break
        if act.kind == "extend" or (act.kind == "ask_extend" and act.granted):
            assert act.to is not None
            exts.append((act.day, act.to))
        elif act.kind == "done" and not by_acceptance:
            completed = act.doc_day or act.day
        elif act.kind == "accept" and by_acceptance:
            completed = act.day
        elif act.kind == "return":
            completed = None
        elif act.kind == "cancel":
            cancelled = act.day
        elif act.kind == "withdraw":
            withdrawn = act.day
        elif act.kind == "reopen":
            ended.append(((completed, cancelled, withdrawn), act.day))
            completed = cancelled = withdrawn = None
    return RecordedState(tuple(exts), completed, cancelled, withdrawn, tuple(ended))


def deadline_at(duty: Duty, state: RecordedState, as_of: date) -> date | None:
    due = duty.due
    for approved, new in state.extensions:
        if approved <= as_of:
            due = new
    return due


@dataclass
class Register:
    """A register as recorded: unit codes (as they are at the end: a renamed unit's new code),
    the office's days, meeting days, directives, limitations, and at most one retirement
    (recorded at the end of its day, after everything else dated that day)."""

    codes: list[str]
    calendar: OfficeCalendar
    meetings: list[date]
    duties: list[Duty]
    limitations: list[Limitation] = field(default_factory=list)
    retirement: Retirement | None = None
    by_acceptance: bool = False  # office set --accept-completions yes --on-time-by acceptance
    parents: Mapping[int, int] = field(default_factory=dict)  # unit: its parent (unit add --parent)

    def under(self, unit: int) -> set[int]:
        """The unit and every unit under it."""
        found = {unit}
        while grown := {c for c, p in self.parents.items() if p in found} - found:
            found |= grown
        return found

    def top(self, unit: int) -> int:
        """The unit a roll-up counts ``unit`` under: its topmost parent."""
        while unit in self.parents:
            unit = self.parents[unit]
        return unit

    def record(self, duty: Duty, upto: date | None = None) -> RecordedState:
        return recorded(duty, upto, self.by_acceptance)

    def passed_on(self, duty: Duty, as_of: date) -> bool:
        """Whether the retired unit's part in ``duty`` (its lead or its coordination) is its
        successor's on ``as_of``: from the day it retired, if the directive was still open
        then (:meth:`closed_on` says not); one closed then and opened again after it
        (``reopen``) from the day of the reopening (README, "unit retire")."""
        ret = self.retirement
        if ret is None or as_of < ret.on:
            return False
        if not self.closed_on(duty, ret.on):
            return True
        return any(a.kind == "reopen" and ret.on < a.day <= as_of for a in duty.acts)

    def holder(self, duty: Duty, as_of: date) -> int:
        """The unit that held ``duty`` on ``as_of``: its own, or its successor's once the
        retirement passed it on (:meth:`passed_on`)."""
        ret = self.retirement
        if ret is not None and duty.unit == ret.unit and self.passed_on(duty, as_of):
            return ret.successor
        return duty.unit

    def held_by(self, unit: int, as_of: date, ended: Callable[[date], bool]) -> int:
        """The unit that held on ``as_of`` a series ``unit`` leads: its
        successor's from the day ``unit`` retired, unless it had ``ended`` by that day."""
        ret = self.retirement
        if ret is None or unit != ret.unit or as_of < ret.on or ended(ret.on):
            return unit
        return ret.successor

    def series_holder(self, unit: int, last: date, as_of: date) -> int:
        """The unit that held on ``as_of`` a series of ``unit`` whose last day is ``last``:
        ``unit retire`` hands over the series still running on its day."""
        return self.held_by(unit, as_of, lambda day: last < day)

    def closed_on(self, duty: Duty, day: date) -> bool:
        """``duty`` closed on ``day``: the completion, cancellation or withdrawal in force that
        day (one a reopening ended, while it held, else the last) dated on or before it,
        whenever it was recorded: a completion reported after the retirement with a result
        document dated before it, or accepted before it, closed the directive before the unit
        retired, as does one recorded first (the register's meaning does not depend on the
        order the clerk typed things in); a completion sent back (``return``) never closed it."""
        closed = self.record(duty).closed_at(day)
        return any(d is not None and d <= day for d in closed)

    def coordinators(self, duty: Duty, as_of: date) -> tuple[int, ...]:
        """The units coordinating ``duty`` on ``as_of``: once the retirement passed it on
        (:meth:`passed_on`), a retired unit's part is its successor's, which only leaves it
        where the successor leads or coordinates it already."""
        ret = self.retirement
        if ret is None or not self.passed_on(duty, as_of):
            return duty.with_units
        holder = self.holder(duty, as_of)
        # a unit never coordinates what it leads: a successor that coordinated a directive the
        # retirement moves to it leads it from that day
        kept = [u for u in duty.with_units if u not in (ret.unit, holder)]
        if ret.unit in duty.with_units and ret.successor != holder and ret.successor not in kept:
            kept.append(ret.successor)
        return tuple(sorted(kept))

    def status(self, duty: Duty, as_of: date) -> tuple[Status, date | None]:
        state = self.record(duty)
        due = deadline_at(duty, state, as_of)
        completed, cancelled, withdrawn = state.closed_at(as_of)
        return classify(due, completed, cancelled, as_of, withdrawn), due

    def in_scope(self, duty: Duty, start: date, end: date, as_of: date) -> bool:
        """README's scope: given by the period's end (and by T); not completed, cancelled or
        withdrawn before the period began by the closure in force at T, unless an occurrence
        issued in the period."""
        if duty.given > min(end, as_of):
            return False
        if duty.issued_in_own_period and duty.given >= start:
            return True
        closed = self.record(duty).closed_at(as_of)
        return not any(d is not None and d < start for d in closed)


def truncated_rate(num: int, den: int) -> Record:
    """A rate as README prints it: the percentage cut (not rounded) to two decimals."""
    return {"num": num, "den": den, "pct": None if den == 0 else (num * 10000 // den) / 100}


COUNTED = ("done_on_time", "done_late", "open_in_time", "overdue")


def count_row(items: Sequence[tuple[Status, date | None, bool]]) -> Record:
    """The counts of one unit row (or the totals) from (status, deadline in force, extended)."""
    row = dict.fromkeys((*COUNTED, "no_deadline", "cancelled", "withdrawn", "extended"), 0)
    for status, due, extended in items:
        if status in (Status.CANCELLED, Status.WITHDRAWN):
            row[status.value] += 1
            continue
        row[status.value] += 1
        row["no_deadline"] += due is None
        row["extended"] += extended
    row["total"] = sum(row[key] for key in COUNTED)
    done = row["done_on_time"] + row["done_late"]
    row["completion_rate"] = truncated_rate(done, done + row["overdue"])
    row["on_time_rate"] = truncated_rate(row["done_on_time"], done)
    return row


def register_report(
    reg: Register,
    start: date,
    end: date,
    as_of: date,
    unit: int | None = None,
    rollup: bool = False,
) -> Record:
    """What ``report`` must show of the period ``start``–``end`` judged at ``as_of``: unit
    rows (by the code of the unit that held each directive on T; with ``rollup``, of its
    topmost parent), totals, the overdue list (ids and days overdue, most overdue first),
    limitations and meetings (ids). With ``unit`` (``report --unit``), only what that unit and
    the units under it held on T, and their limitations."""
    mine = reg.under(unit) if unit is not None else None
    by_unit: dict[int, list[tuple[Status, date | None, bool]]] = {}
    everything: list[tuple[Status, date | None, bool]] = []
    overdue: list[tuple[int, int]] = []
    for number, duty in enumerate(reg.duties):
        if not reg.in_scope(duty, start, end, as_of):
            continue
        if mine is not None and reg.holder(duty, as_of) not in mine:
            continue
        status, due = reg.status(duty, as_of)
        extended = any(approved <= as_of for approved, _ in recorded(duty).extensions)
        item = (status, due, extended)
        holder = reg.holder(duty, as_of)
        by_unit.setdefault(reg.top(holder) if rollup else holder, []).append(item)
        everything.append(item)
        if status is Status.OVERDUE:
            assert due is not None
            overdue.append((number, (as_of - due).days))
    units = {reg.codes[unit]: count_row(items) for unit, items in by_unit.items()}
    seen_by = min(end, as_of)
    limitations = [
        number
        for number, lim in enumerate(reg.limitations)
        if reg.meetings[lim.meeting] <= seen_by
        and (mine is None or lim.unit in mine)
        and (reg.meetings[lim.meeting] >= start or lim.resolved is None or lim.resolved > seen_by)
    ]
    return {
        "units": dict(sorted(units.items())),
        "totals": count_row(everything),
        "overdue": overdue,
        "limitations": limitations,
        "meetings": [n for n, held in enumerate(reg.meetings) if start <= held <= seen_by],
    }


def register_statuses(reg: Register, as_of: date) -> dict[int, Status]:
    """Every directive given by ``as_of`` and its status then (``list --status all``)."""
    return {
        number: reg.status(duty, as_of)[0]
        for number, duty in enumerate(reg.duties)
        if duty.given <= as_of
    }


def register_overdue(reg: Register, as_of: date) -> list[tuple[int, int]]:
    """``overdue --as-of``: (directive, days overdue), most overdue first, then by id."""
    found = []
    for number, duty in enumerate(reg.duties):
        if duty.given > as_of:
            continue
        status, due = reg.status(duty, as_of)
        if status is Status.OVERDUE:
            assert due is not None
            found.append((number, (as_of - due).days))
    return found


def monthly_occurrences(
    first: date, until: date, day: int | None, calendar: OfficeCalendar
) -> list[tuple[date, date]]:
    """(issued_on, deadline) of each occurrence of ``assign --every month [--day N] --until``
    from ``first``: day N of the month (its last day when it has no N; the 14th without
    ``--day``), moved to the next working day when off; a first month whose deadline would fall
    before ``first`` skipped; given on the month's first day, the series' first day for the
    first month."""
    found = []
    year, month = first.year, first.month
    while (year, month) <= (until.year, until.month):
        last = month_end(year, month)
        scheduled = date(year, month, min(day or 14, last.day))
        due = calendar.next_working(scheduled)
        if not (not found and due < first):
            found.append((max(date(year, month, 1), first), due))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def register_requests(reg: Register, start: date, end: date, as_of: date) -> Record:
    """The report's ``requests``: per kind, those on directives in scope asked in the period
    (by T); granted when approved by T, else pending; asked late when asked after the deadline
    in force that day had passed; refused when rejected by T. (The registers recorded here
    answer every request, and never close a directive while one waits: none moot.)"""
    found = {
        kind: {"asked": 0, "granted": 0, "refused": 0, "pending": 0, "moot": 0, "asked_late": 0}
        for kind in ("extend", "withdraw")
    }
    for duty in reg.duties:
        if not reg.in_scope(duty, start, end, as_of):
            continue
        for act in duty.acts:
            if act.asked is None or not start <= act.asked <= min(end, as_of):
                continue
            row = found["extend" if act.kind == "ask_extend" else "withdraw"]
            row["asked"] += 1
            if act.day > as_of:
                row["pending"] += 1
            else:
                row["granted" if act.granted else "refused"] += 1
            due = deadline_at(duty, recorded(duty), act.asked)
            row["asked_late"] += due is not None and act.asked > due
    return found


def register_series(
    reg: Register,
    series: Mapping[int, tuple[date, date, int]],
    start: date,
    end: date,
    as_of: date,
    rollup: bool = False,
) -> dict[tuple[int, int], Record]:
    """The report's section per periodic directive, by series (its index) and the unit that
    held each occurrence on T (:meth:`Register.holder`, the per-unit counts' rule; with
    ``rollup``, the top unit it rolls up into, :meth:`Register.top`, as the per-unit table has
    it, the occurrences of the units rolled into it together, by day given): the counts
    of its occurrences of the period (in scope, their month overlapping it), ``carried`` (those
    of earlier months it still counts) and the occurrences listed (index, status, deadline in
    force, days late). ``series`` gives each one's first and last day and its unit. A row for
    each unit holding an occurrence counted; a series that runs during the period is listed
    under the unit that held the series on T (its own, or its successor's from the day it
    retired, if the series still ran then) even with no occurrence counted there."""
    found: dict[tuple[int, int], Record] = {}
    parts: dict[tuple[int, int], list[tuple[int, Status, date | None, bool]]] = {}
    carried: dict[tuple[int, int], int] = {}
    units: dict[int, set[int]] = {}  # each series' units holding an occurrence counted
    for number, duty in enumerate(reg.duties):
        if duty.series is None or not reg.in_scope(duty, start, end, as_of):
            continue
        holder = reg.holder(duty, as_of)
        key = (duty.series, reg.top(holder) if rollup else holder)
        units.setdefault(duty.series, set()).add(key[1])
        month_first = date(duty.given.year, duty.given.month, 1)
        if month_end(month_first.year, month_first.month) < start:
            carried[key] = carried.get(key, 0) + 1
            continue
        status, due = reg.status(duty, as_of)
        extended = any(approved <= as_of for approved, _ in recorded(duty).extensions)
        parts.setdefault(key, []).append((number, status, due, extended))
    for s, (first, last, lead) in series.items():
        if first > min(end, as_of):
            continue  # not assigned yet on T
        held = set(units.get(s, ()))
        if first <= end and last >= start:  # runs during the period
            holder = reg.series_holder(lead, last, as_of)
            held.add(reg.top(holder) if rollup else holder)
        for unit in sorted(held):
            mine = sorted(parts.get((s, unit), []), key=lambda p: (reg.duties[p[0]].given, p[0]))
            row = count_row([(status, due, ext) for _, status, due, ext in mine])
            row["carried"] = carried.get((s, unit), 0)
            state = {n: reg.record(reg.duties[n]) for n, *_ in mine}
            row["occurrences"] = [
                (n, status.value, due, days_late(status, due, state[n].closed_at(as_of)[0], as_of))
                for n, status, due, _ in mine
            ]
            found[s, unit] = row
    return found


def days_late(status: Status, due: date | None, completed: date | None, as_of: date) -> int | None:
    if status is Status.DONE_LATE and due is not None and completed is not None:
        return (completed - due).days
    if status is Status.OVERDUE and due is not None:
        return (as_of - due).days
    return None


def register_lists(reg: Register, start: date, end: date, as_of: date) -> Record:
    """The report's lists of directives: ``directives`` (every one in scope: its status at T
    and the code of the unit that held it then), ``next_period`` (those still open at T, to be
    ordered by deadline in force, none last, then id, which the caller knows), ``due_soon``
    (those open in time whose deadline falls within 7 days from T, T included) and
    ``limitation_summary`` per unit code (raised in the period, resolved in it, still open at
    its end; by T)."""
    directives: dict[int, tuple[str, str]] = {}
    still_open: list[tuple[bool, date, int]] = []
    soon: list[int] = []
    for number, duty in enumerate(reg.duties):
        if not reg.in_scope(duty, start, end, as_of):
            continue
        status, due = reg.status(duty, as_of)
        directives[number] = (status.value, reg.codes[reg.holder(duty, as_of)])
        if status.is_open:
            still_open.append((due is None, due or as_of, number))
        if status is Status.OPEN_IN_TIME and due is not None and due <= as_of + timedelta(7):
            soon.append(number)
    seen_by = min(end, as_of)
    summary: dict[str, Record] = {}
    for lim in reg.limitations:
        raised = reg.meetings[lim.meeting]
        if raised > seen_by:
            continue
        resolved = lim.resolved if lim.resolved is not None and lim.resolved <= seen_by else None
        flags = {
            "raised": raised >= start,
            "resolved": resolved is not None and resolved >= start,
            "still_open": resolved is None,
        }
        if not any(flags.values()):
            continue
        row = summary.setdefault(
            reg.codes[lim.unit], {"raised": 0, "resolved": 0, "still_open": 0, "repeated": 0}
        )
        for key, hit in flags.items():
            row[key] += hit
    return {
        "directives": directives,
        "next_period": still_open,  # (no deadline, deadline, directive): by id on a tie
        "due_soon": sorted(soon),
        "limitation_summary": dict(sorted(summary.items())),
    }


def register_points(
    reg: Register,
    start: date,
    end: date,
    as_of: date,
    outcome: Mapping[str, Fraction | None],
    coordinator: Fraction,
) -> dict[str, Fraction | None]:
    """``score``'s points per unit code under a rule file of base 0, scale 100, lead weight 1,
    ``coordinator`` weight for the units coordinating a directive on T (``--with``, handed over
    by a retirement), the share of each
    status ``outcome`` (None: not scored; cancelled never), no verdict or delay: 100 × Σ(weight
    × share) / Σ weight over the scored directives of the report's scope (the lead under the
    unit that held it on T), exactly; None for a unit with nothing scored."""
    sums: dict[int, tuple[Fraction, Fraction]] = {}
    for duty in reg.duties:
        if not reg.in_scope(duty, start, end, as_of):
            continue
        status, _ = reg.status(duty, as_of)
        share = None if status is Status.CANCELLED else outcome.get(status.value)
        if share is None:
            continue
        weights = [(reg.holder(duty, as_of), Fraction(1))]
        weights += [(u, coordinator) for u in reg.coordinators(duty, as_of) if coordinator]
        for unit, weight in weights:
            got, total = sums.get(unit, (Fraction(0), Fraction(0)))
            sums[unit] = (got + weight * share, total + weight)
    return {
        reg.codes[unit]: (100 * got / total if total else None)
        for unit, (got, total) in sums.items()
    }
