"""The review's counts in one pass over the directives (issue 6).

A review counts the directives of its period per unit, those of the period before per unit (for
the trends), those of its period per meeting chair, and lists its overdue and due-soon ones. On
a large register every pass over the directives costs about the same, whatever it computes, so
:func:`count_review` makes one: the directives of either period are judged as of both days into
a common table expression (materialised: it is read five times) and aggregated five ways in one
statement, the parts told apart by their first column.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    CTE,
    ColumnElement,
    Connection,
    Date,
    Integer,
    Select,
    String,
    and_,
    case,
    cast,
    distinct,
    func,
    literal,
    null,
    or_,
    select,
    union_all,
)

from dirtrack.review.lean import (
    CHAIRS,
    EARLIER,
    FIGURES,
    UNITS,
    WATCHED,
    ReviewCounts,
    review_counts_from,
)
from dirtrack.status import Status
from dirtrack.store.report_sql import Scope, holding_unit, in_scope, judgement
from dirtrack.store.report_sql import status_code as code
from dirtrack.store.tables import directive, meeting

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
)


def _part(number: int, **columns: ColumnElement[Any]) -> Select[Any]:
    return select(
        literal(number).label("part"),
        *(columns.get(name, cast(null(), kind)).label(name) for name, kind in LAYOUT),
    )


def _figures(
    status: ColumnElement[str], no_deadline: ColumnElement[int], extended: ColumnElement[int]
) -> dict[str, ColumnElement[Any]]:
    """The counts of :class:`~dirtrack.status.Counts` as aggregates over judged rows."""

    def count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return func.count(case((condition, 1)))

    counted = status != code(Status.CANCELLED)
    found = {s.value: count_if(status == code(s)) for s in Status}
    found["no_deadline"] = count_if(and_(counted, no_deadline == 1))
    found["extended"] = count_if(and_(counted, extended == 1))
    return found


def _either(now: Scope, then: Scope) -> list[ColumnElement[bool]]:
    """Conditions every directive of either scope meets: cheap, read before any join."""
    if now.closed_not_before is None or then.closed_not_before is None:
        return []
    start = min(now.closed_not_before, then.closed_not_before)
    return [
        or_(directive.c.completed_on.is_(None), directive.c.completed_on >= start),
        or_(directive.c.cancelled_on.is_(None), directive.c.cancelled_on >= start),
    ]


def _judged(now: Scope, then: Scope) -> CTE:
    """One row per directive of either scope, judged as of both days."""
    at_now, at_then = judgement(now.as_of, "ext_now"), judgement(then.as_of, "ext_then")
    in_now = and_(*in_scope(now, held_on=meeting.c.date))
    in_then = and_(*in_scope(then, held_on=meeting.c.date))
    return (
        select(
            directive.c.id,
            directive.c.meeting_id,
            meeting.c.chair,
            meeting.c.chair_title,
            meeting.c.date.label("held_on"),
            holding_unit(now).label("unit_now"),
            at_now.due.label("due_now"),
            case((at_now.due.is_(None), 1), else_=0).label("no_deadline_now"),
            at_now.extended.label("extended_now"),
            at_now.status.label("status_now"),
            case((in_now, 1), else_=0).label("in_now"),
            holding_unit(then).label("unit_then"),
            case((at_then.due.is_(None), 1), else_=0).label("no_deadline_then"),
            at_then.extended.label("extended_then"),
            at_then.status.label("status_then"),
            case((in_then, 1), else_=0).label("in_then"),
        )
        .select_from(
            directive.join(meeting, meeting.c.id == directive.c.meeting_id)
            .outerjoin(at_now.ext, at_now.on)
            .outerjoin(at_then.ext, at_then.on)
        )
        .where(*_either(now, then), or_(in_now, in_then))
        .cte("judged")
    )


def count_review(conn: Connection, now: Scope, then: Scope, due_by: date) -> ReviewCounts:
    """Per-unit counts of ``now`` and ``then`` (the period and the one before), per-chair counts
    of ``now``, and its overdue and due-soon ids (due soon: open in time, due by ``due_by``).

    Equal to :func:`dirtrack.store.report_sql.unit_counts` of each scope, and to what the
    reference computes per chair and lists (``tests/test_review_sql.py``).
    """
    rows = _judged(now, then)
    c = rows.c
    # Grouped by unit (or chair) only: one row each, whose figures are pivoted into columns.
    units = (
        _part(
            UNITS, unit_id=c.unit_now, **_figures(c.status_now, c.no_deadline_now, c.extended_now)
        )
        .where(c.in_now == 1)
        .group_by(c.unit_now)
    )
    earlier = (
        _part(
            EARLIER,
            unit_id=c.unit_then,
            **_figures(c.status_then, c.no_deadline_then, c.extended_then),
        )
        .where(c.in_then == 1)
        .group_by(c.unit_then)
    )
    # Meetings are counted distinct per chair and title.
    chairs = (
        _part(
            CHAIRS,
            chair=c.chair,
            chair_title=c.chair_title,
            **_figures(c.status_now, c.no_deadline_now, c.extended_now),
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
    return review_counts_from(conn.execute(query))
