"""Counts by the database: per unit, per chair, per field, per status and risk colour;
requests, occurrences and limitations per unit; the ids the report's lists show.

The counts of :class:`~dirtrack.status.Counts` are aggregates over the rows
:mod:`dirtrack.store.rules` judges; nothing here reads a directive into Python.

A report counts the directives of its period per unit, those of the period before per unit (for
the trends), those of its period per meeting chair, and lists its overdue and due-soon ones. On
a large register every pass over the directives costs about the same, whatever it computes, so
:func:`count_report` makes one: the directives of either period are judged as of both days into
a common table expression (the deadlines in force in an inner step, the statuses over them,
each written once) and aggregated four ways in one statement, the parts told apart by their
first column.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from dataclasses import fields as dataclass_fields
from datetime import date
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    CTE,
    ColumnElement,
    Connection,
    Date,
    Integer,
    Select,
    String,
    Subquery,
    and_,
    case,
    cast,
    distinct,
    func,
    literal,
    literal_column,
    not_,
    null,
    or_,
    select,
    union_all,
)

from dirtrack import risk
from dirtrack.status import Counts, Status
from dirtrack.store.rules import (
    CLOSED_NAMES,
    Closed,
    RiskDays,
    Scope,
    given_on,
    holding_unit,
    in_scope,
    judgement,
    not_closed_before,
    risk_case,
    risks,
    states,
    status_case,
    text_constant,
)
from dirtrack.store.rules import status_code as code
from dirtrack.store.tables import directive, holds_rows, limitation, meeting, request
from dirtrack.text import person_keys


@dataclass(frozen=True)
class ChairGroup:
    """Directives in scope given at meetings with one spelling of chair and chair title."""

    chair: str | None
    chair_title: str | None
    meetings: int
    latest: date
    counts: Counts = field(default_factory=Counts)
    #: the person the chair is (:func:`~dirtrack.text.person_keys`, set by
    #: :func:`count_report` from every spelling counted); none is ``""``
    key: str = ""


@dataclass(frozen=True)
class LimitationCounts:
    """One unit's limitations raised by a report's end, counted as the summary counts them."""

    raised: int
    resolved: int
    still_open: int
    repeated: int


@dataclass(frozen=True)
class ReportCounts:
    """What :func:`count_report` reads.

    Attributes:
        units: counts per unit id (the unit that held each directive on T).
        earlier: the same for the previous period (as of its own day).
        chairs: counts per chair and chair title as written.
        watched: ids of the directives overdue at T, then of those open in time with a deadline
            by the due-soon day, by deadline in force and id (the overdue list's order).
        fields: with ``sections``, counts per (field id, unit id, day closed by T or None).
        risks: with ``sections``, the risk colours at T of the directives open on T, counted
            per (unit id, field id).
    """

    units: dict[int, Counts]
    earlier: dict[int, Counts]
    chairs: list[ChairGroup]
    watched: list[int]
    fields: dict[tuple[int | None, int, date | None], Counts] = field(default_factory=dict)
    risks: dict[tuple[int, int | None], dict[str, int]] = field(default_factory=dict)


# The parts of the report's one counting statement, told apart by its first column, and the
# figures of Counts it pivots into columns.
UNITS, EARLIER, CHAIRS, WATCHED = range(4)
FIGURES = (
    "done_on_time",
    "done_late",
    "open_in_time",
    "overdue",
    "cancelled",
    "withdrawn",
    "no_deadline",
    "extended",
)
assert sorted(FIGURES) == sorted(f.name for f in dataclass_fields(Counts)), "one per field"
# A row's figures (in the order of FIGURES) in the order of Counts' fields: Counts are made by
# position, not by keyword (a large report makes one per unit, field and day closed).
_IN_FIELD_ORDER = itemgetter(*(FIGURES.index(f.name) for f in dataclass_fields(Counts)))


def _counts(figures: Sequence[int]) -> Counts:
    """The :class:`Counts` of ``figures``, given in the order of :data:`FIGURES`."""
    return Counts(*_IN_FIELD_ORDER(figures))


def report_counts_from(rows: Iterable[Sequence[Any]], *, sections: bool = False) -> ReportCounts:
    """A :class:`ReportCounts` from the rows of the counting statement, read by position in
    the order of :data:`COLUMNS`: ``part``, ``unit_id``, ``chair``, ``chair_title``, the
    :data:`FIGURES`, ``meetings``, ``day`` (a date), ``id``, ``field_id`` and the counts of
    each risk colour, ordered by part, day and id. (By position, not by name: a large register
    gives tens of thousands of rows, and a row's attribute costs a lookup by name.)

    With ``sections``, a unit's rows are per field and day closed (``day``): they are the
    counts per field, and their sums the unit's; the colours are those of its rows not closed
    on T (its open directives, per field)."""
    found = ReportCounts({}, {}, [], [])
    at = POSITION
    unit_id, chair, title, meetings = at["unit_id"], at["chair"], at["chair_title"], at["meetings"]
    day, ident, field_id = at["day"], at["id"], at["field_id"]
    figures = slice(at[FIGURES[0]], at[FIGURES[-1]] + 1)
    colours = slice(at[risk.COLOURS[0]], at[risk.COLOURS[-1]] + 1)
    watched, risks, fields = found.watched, found.risks, found.fields
    sums: dict[int, list[int]] = {}
    for row in rows:
        part = row[0]
        if part == WATCHED:
            watched.append(row[ident])
            continue
        if part == UNITS:
            uid, counted = row[unit_id], row[figures]
            summed = sums.get(uid)
            if summed is None:
                sums[uid] = list(counted)
            else:
                sums[uid] = [a + b for a, b in zip(summed, counted, strict=True)]
            if sections:
                fields[row[field_id], uid, row[day]] = _counts(counted)
                if row[day] is None:
                    tally = zip(risk.COLOURS, row[colours], strict=True)
                    risks[uid, row[field_id]] = {c: n for c, n in tally if n}
            continue
        counts = _counts(row[figures])
        if part == EARLIER:
            found.earlier[row[unit_id]] = counts
        else:
            found.chairs.append(ChairGroup(row[chair], row[title], row[meetings], row[day], counts))
    found.units.update((uid, _counts(summed)) for uid, summed in sums.items())
    keys = person_keys(g.chair for g in found.chairs if g.chair)
    found.chairs[:] = [replace(g, key=keys[g.chair] if g.chair else "") for g in found.chairs]
    return found


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """The rows that meet ``condition``: ``count(*) FILTER (WHERE …)`` (SQLite 3.30, PostgreSQL
    9.4), which SQLite steps through faster than ``count(CASE WHEN … THEN 1 END)``."""
    return func.count().filter(condition)


def asked_late() -> tuple[Any, ColumnElement[bool]]:
    """``request`` joined to its directive and to the extension in force on the day each
    request was asked, and the condition that it was asked after that deadline had passed
    (the deadline judged by :func:`dirtrack.store.rules.judgement` as of the request's day)."""
    # only the deadline in force is read: no closure is joined
    judged = judgement(request.c.asked_on, "ext_asked", past=False)
    joined = request.join(directive, directive.c.id == request.c.directive_id).outerjoin(
        judged.ext, judged.on
    )
    return joined, and_(judged.due.is_not(None), request.c.asked_on > judged.due)


def occurrence_counts(
    conn: Connection, scope: Scope, ids: Sequence[int]
) -> dict[tuple[int, int], Counts]:
    """Counts per series id and unit (the one that held them on T) of the occurrences ``ids``
    in ``scope``, as of ``scope.as_of``: the figures the report's counting statement
    (:func:`count_report`) gives, over those rows."""
    rows = states(scope)
    found: dict[tuple[int, int], Counts] = {}
    figures = _figures(rows.c.status, rows.c.due, rows.c.extended)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        query = (
            select(directive.c.series_id, rows.c.unit_id, *(figures[name] for name in FIGURES))
            .select_from(rows.join(directive, directive.c.id == rows.c.id))
            .where(rows.c.id.in_(chunk))
            .group_by(directive.c.series_id, rows.c.unit_id)
        )
        for series_id, unit_id, *counted in conn.execute(query):
            found.setdefault((series_id, unit_id), Counts()).merge(_counts(counted))
    return found


def late_request_ids(conn: Connection, as_of: date) -> set[int]:
    """The requests asked by ``as_of`` after the deadline in force on the day they were asked
    had passed: the deadline judged by the status rules (:func:`store.rules.judgement`) as of
    each request's own day, in one statement."""
    joined, late = asked_late()
    query = select(request.c.id).select_from(joined).where(request.c.asked_on <= as_of, late)
    return set(conn.execute(query).scalars())


def requested_directive_ids(conn: Connection, as_of: date) -> list[int]:
    """The directives with a request asked by ``as_of``, by id."""
    query = select(request.c.directive_id).distinct().where(request.c.asked_on <= as_of)
    return sorted(set(conn.execute(query).scalars()))


def held_directive_ids(conn: Connection, scope: Scope, units: Iterable[int]) -> list[int]:
    """The directives that one of ``units`` held on the scope's day (after ``unit retire``
    moves, as ``scope.holders`` gives them)."""
    query = select(directive.c.id).where(holding_unit(scope).in_(sorted(units)))
    return list(conn.execute(query).scalars())


def red_ids(conn: Connection, scope: Scope, limit: int) -> list[int]:
    """The first ``limit`` red directives open on T in ``scope``, most overdue first (by
    deadline in force, then id)."""
    rows = risks(scope)
    query = select(rows.c.id).where(rows.c.risk == risk.RED).order_by(rows.c.due, rows.c.id)
    return list(conn.execute(query.limit(limit)).scalars())


def repeated_limitations(conn: Connection, scope: Scope) -> dict[str, int]:
    """Per unit code, its limitations still unresolved on T that repeat an earlier one (from
    meetings held by T; of the scope's units when it names them)."""
    from dirtrack.store.tables import unit

    query = (
        select(unit.c.code, func.count())
        .select_from(limitation.join(unit, unit.c.id == limitation.c.unit_id))
        .join(meeting, meeting.c.id == limitation.c.meeting_id)
        .where(
            limitation.c.repeat_of_id.is_not(None),
            meeting.c.date <= scope.as_of,
            (limitation.c.resolved_on.is_(None)) | (limitation.c.resolved_on > scope.as_of),
        )
        .group_by(unit.c.code)
    )
    if scope.unit_ids is not None:
        query = query.where(limitation.c.unit_id.in_(sorted(scope.unit_ids)))
    return {str(code): int(n) for code, n in conn.execute(query)}


def request_counts(
    conn: Connection, scope: Scope, start: date, end: date
) -> dict[str, dict[str, int]]:
    """Per kind, the requests on directives in ``scope`` asked from ``start`` to ``end``:
    ``asked``, ``granted`` and ``refused`` (answered by T, :meth:`RequestFact.decision_at
    <dirtrack.status.RequestFact.decision_at>`), ``pending`` on T, ``moot`` on T (unanswered,
    the directive completed, cancelled or withdrawn by T) and ``asked_late``."""
    if not holds_rows(conn, "request"):  # no request was ever asked: nothing to count
        return {}
    joined, late = asked_late()
    day = scope.as_of
    judged = judgement(day, "ext_t", past=scope.past_closures)
    if judged.past is not None:
        joined = joined.outerjoin(judged.past, judged.past_on)
    answered = and_(
        request.c.decided_on.is_not(None),
        request.c.decided_on <= day,
        request.c.decision.is_not(None),
        request.c.decision != "",
    )
    granted = and_(answered, request.c.decision == "approved")
    # unanswered on T, its directive completed, cancelled or withdrawn by T (by the closure in
    # force at T): nothing is left to answer (records.request_status)
    closed = judged.closed.by(day)
    query = (
        select(
            request.c.kind,
            func.count(),
            _count_if(granted),
            _count_if(and_(answered, request.c.decision != "approved")),
            _count_if(late),
            _count_if(and_(not_(answered), closed)),
        )
        .select_from(joined)
        .where(
            request.c.asked_on >= start,
            request.c.asked_on <= end,
            *in_scope(scope, closed=judged.closed),
        )
        .group_by(request.c.kind)
    )
    return {
        kind: {
            "asked": asked,
            "granted": yes,
            "refused": no,
            "pending": asked - yes - no - moot,
            "moot": moot,
            "asked_late": tardy,
        }
        for kind, asked, yes, no, tardy, moot in conn.execute(query)
    }


def limitation_counts(
    conn: Connection, unit_ids: Sequence[int] | None, start: date, end: date
) -> dict[int, LimitationCounts]:
    """Per unit id with a limitation raised by ``end`` that the period sees (raised in it,
    resolved in it or still open at ``end``: a unit whose limitations were all overcome before
    ``start`` has no row): raised from ``start``, resolved from ``start`` to ``end``, still open
    at ``end``, raised from ``start`` as a repeat."""
    raised = meeting.c.date >= start
    resolved = and_(limitation.c.resolved_on.is_not(None), limitation.c.resolved_on <= end)
    resolved_in = and_(resolved, limitation.c.resolved_on >= start)
    # "+ 0": grouped by the column itself, SQLite would walk the limitations in the order of
    # their unit index, one random page per row (seven times slower on a large register).
    unit_id = (limitation.c.unit_id + literal_column("0")).label("unit_id")
    query = (
        select(
            unit_id,
            _count_if(raised),
            _count_if(resolved_in),
            _count_if(~resolved),
            _count_if(and_(raised, limitation.c.repeat_of_id.is_not(None))),
        )
        .join(meeting, meeting.c.id == limitation.c.meeting_id)
        .where(meeting.c.date <= end, or_(raised, resolved_in, ~resolved))
        .group_by(unit_id)
    )
    if unit_ids is not None:
        query = query.where(limitation.c.unit_id.in_(list(unit_ids)))
    return {
        uid: LimitationCounts(n_raised, n_resolved, n_open, n_repeated)
        for uid, n_raised, n_resolved, n_open, n_repeated in conn.execute(query)
    }


# The columns every part of the statement gives (NULL where a part has nothing to say): the
# counts are pivoted, one column per figure of Counts, so a unit or a chair is one row.
LAYOUT = (
    ("unit_id", Integer),
    ("chair", String),
    ("chair_title", String),
    *((figure, Integer) for figure in FIGURES),
    ("meetings", Integer),
    ("day", Date),
    ("id", Integer),
    ("field_id", Integer),
    *((colour, Integer) for colour in risk.COLOURS),
)
# The statement's columns, in order, and the position of each.
COLUMNS = ("part", *(name for name, _ in LAYOUT))
POSITION = {name: i for i, name in enumerate(COLUMNS)}


def _part(number: int, **columns: ColumnElement[Any]) -> Select[Any]:
    return select(
        literal(number).label("part"),
        *(columns.get(name, cast(null(), kind)).label(name) for name, kind in LAYOUT),
    )


def _figures(
    status: ColumnElement[str], due: ColumnElement[Any], extended: ColumnElement[int]
) -> dict[str, ColumnElement[Any]]:
    """The counts of :class:`~dirtrack.status.Counts` as aggregates over judged rows."""
    counted = status.not_in([code(Status.CANCELLED), code(Status.WITHDRAWN)])
    found = {s.value: _count_if(status == code(s)) for s in Status}
    found["no_deadline"] = _count_if(and_(counted, due.is_(None)))
    found["extended"] = _count_if(and_(counted, extended == 1))
    return found


def _either(now: Scope, then: Scope) -> list[ColumnElement[bool]]:
    """Conditions every directive of either scope meets: cheap, read before any join."""
    if now.closed_not_before is None or then.closed_not_before is None:
        return []
    return [not_closed_before(min(now.closed_not_before, then.closed_not_before))]


# The dates a status is judged by besides the deadline, on each day: read by the inner step
# only.
_CLOSED = tuple(f"{name}{day}" for day in ("_now", "_then") for name in CLOSED_NAMES)


def _dated(now: Scope, then: Scope, sections: bool) -> Subquery:
    """One row per directive of either scope: its meeting, the unit that held it and the
    deadline in force (and whether extended) on each day, whether it is in each scope, and
    the closure in force on each day, which its status is judged by (with ``sections``, also
    its field and the day it was closed by T)."""
    at_now = judgement(now.as_of, "ext_now", past=now.past_closures)
    at_then = judgement(then.as_of, "ext_then", past=then.past_closures)
    held_on = given_on(meeting.c.date)
    in_now = case((and_(*in_scope(now, held_on=held_on, closed=at_now.closed)), 1), else_=0)
    in_then = case((and_(*in_scope(then, held_on=held_on, closed=at_then.closed)), 1), else_=0)
    more: list[ColumnElement[Any]] = []
    if sections:
        more = [directive.c.field_id, at_now.closed.closed_day(now.as_of).label("closed_now")]
    dated = (
        select(
            directive.c.id,
            directive.c.meeting_id,
            *at_now.closed.columns("_now"),
            *at_then.closed.columns("_then"),
            meeting.c.chair,
            meeting.c.chair_title,
            meeting.c.date.label("held_on"),
            holding_unit(now).label("unit_now"),
            at_now.due.label("due_now"),
            at_now.extended.label("extended_now"),
            in_now.label("in_now"),
            holding_unit(then).label("unit_then"),
            at_then.due.label("due_then"),
            at_then.extended.label("extended_then"),
            in_then.label("in_then"),
            *more,
        )
        .select_from(
            at_then.joined(
                at_now.joined(directive.join(meeting, meeting.c.id == directive.c.meeting_id))
            )
        )
        .where(*_either(now, then))
    )
    return dated.subquery("dated")


def _judged(now: Scope, then: Scope, sections: bool) -> CTE:
    """One row per directive of either scope, judged as of both days: the columns of
    :func:`_dated` and the status on each day (with ``sections``, also the risk colour at T),
    each computed once from the deadline in force."""
    d = _dated(now, then, sections).c

    def status(due: ColumnElement[Any], day: date, suffix: str) -> ColumnElement[str]:
        closed = Closed.of(d, suffix)
        return status_case(due, closed.completed_on, closed.cancelled_on, day, closed.withdrawn_on)

    statuses = select(
        *(column for column in d if column.name not in _CLOSED),
        status(d.due_now, now.as_of, "_now").label("status_now"),
        status(d.due_then, then.as_of, "_then").label("status_then"),
    ).where(or_(d.in_now == 1, d.in_then == 1))
    if not sections:
        return statuses.cte("judged")
    s = statuses.subquery("statuses").c
    colour = risk_case(
        s.status_now, s.due_now, s.held_on, now.as_of, RiskDays.of(now.as_of), ident=s.id
    )
    return select(*s, colour.label("risk_now")).cte("judged")


def count_report(
    conn: Connection, now: Scope, then: Scope, due_by: date, *, sections: bool = False
) -> ReportCounts:
    """Per-unit counts of ``now`` and ``then`` (the period and the one before), per-chair counts
    of ``now``, and its overdue and due-soon ids (due soon: open in time, due by ``due_by``);
    with ``sections``, also the counts of ``now`` per field, unit and day closed, and the risk
    colours of its directives open on T per unit and field.

    Equal to the references of ``tests/oracle.py``: ``unit_counts`` (a plain statement per scope)
    per unit, the Python per chair and in the lists.
    """
    rows = _judged(now, then, sections)
    c = rows.c
    # Grouped by unit (or chair) only: one row each, whose figures are pivoted into columns.
    # With sections, a unit's rows are per field and day closed (summed per unit in Python):
    # the counts per field and the colours of the open directives come from the same pass.
    extra: dict[str, ColumnElement[Any]] = {}
    keys = [c.unit_now]
    if sections:
        is_open = c.status_now.in_([code(Status.OPEN_IN_TIME), code(Status.OVERDUE)])
        extra = {
            colour: _count_if(and_(is_open, c.risk_now == text_constant(colour)))
            for colour in risk.COLOURS
        }
        extra.update(field_id=c.field_id, day=c.closed_now)
        keys += [c.field_id, c.closed_now]
    units = (
        _part(
            UNITS,
            unit_id=c.unit_now,
            **_figures(c.status_now, c.due_now, c.extended_now),
            **extra,
        )
        .where(c.in_now == 1)
        .group_by(*keys)
    )
    earlier = (
        _part(EARLIER, unit_id=c.unit_then, **_figures(c.status_then, c.due_then, c.extended_then))
        .where(c.in_then == 1)
        .group_by(c.unit_then)
    )
    # Meetings are counted distinct per chair and title.
    chairs = (
        _part(
            CHAIRS,
            chair=c.chair,
            chair_title=c.chair_title,
            **_figures(c.status_now, c.due_now, c.extended_now),
            meetings=func.count(distinct(c.meeting_id)),
            day=func.max(c.held_on),
        )
        .where(c.in_now == 1)
        .group_by(c.chair, c.chair_title)
    )
    soon = and_(
        c.status_now == code(Status.OPEN_IN_TIME), c.due_now.is_not(None), c.due_now <= due_by
    )
    watched = _part(WATCHED, day=c.due_now, id=c.id).where(
        c.in_now == 1, or_(c.status_now == code(Status.OVERDUE), soon)
    )
    query = union_all(units, earlier, chairs, watched).order_by("part", "day", "id")
    # Built for each report and run once: no cache key (a walk of the whole statement).
    once = {"compiled_cache": None}
    return report_counts_from(conn.execute(query, execution_options=once), sections=sections)
