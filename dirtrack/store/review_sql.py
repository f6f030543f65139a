"""What the review pack reads on the lean path (issue 6): aggregates and ids, not objects.

Beside :mod:`dirtrack.store.report_sql` (the status rules in SQL) the review needs:

- the counts per unit, per chair and the overdue and due-soon ids, in one pass over the
  directives: :mod:`dirtrack.store.review_counts`;
- the other ids its lists show: those with a reason given for an extension approved in the
  period (:func:`extension_cause_ids`), every directive in scope with the unit that held it
  (:func:`held_directives`), those given on the day two spellings of a chair tie
  (:func:`chair_directives_on`);
- limitations: counts per unit (:func:`limitation_counts`), the links of repeats
  (:func:`repeat_links`);
- the moves of ``unit retire`` (:func:`load_moves`), read from ``change_log`` with Core.

Everything here runs on a plain :class:`~sqlalchemy.Connection`, on SQLite and PostgreSQL, and
returns plain values; the review's rules stay in :mod:`dirtrack.review`. Text is never ordered
by the database (PostgreSQL sorts by locale): callers sort in Python.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from sqlalchemy import (
    ColumnElement,
    Connection,
    and_,
    bindparam,
    case,
    func,
    literal_column,
    select,
)

from dirtrack.review.lean import LimitationCounts
from dirtrack.review.moves import MOVE_ACTION, Move, moves_from
from dirtrack.store.report_sql import Scope, in_scope, states
from dirtrack.store.tables import change_log, directive, extension, limitation, meeting

# --- moves ---------------------------------------------------------------------------------


def load_moves(
    conn: Connection, directive_ids: Collection[int] | None = None
) -> dict[int, list[Move]]:
    """Every recorded move of a directive between units (of ``directive_ids`` only, when
    given), oldest first, by directive id; moves undone since are left out."""
    query = (
        select(change_log.c.entity_id, change_log.c.before, change_log.c.after)
        .where(change_log.c.action == MOVE_ACTION, change_log.c.undone_by.is_(None))
        .order_by(change_log.c.id)
    )
    if directive_ids is not None:
        query = query.where(change_log.c.entity_id.in_(sorted(directive_ids)))
    return moves_from(conn.execute(query))


def stored_units(conn: Connection, ids: Collection[int]) -> dict[int, int]:
    """The unit each of ``ids`` is stored under now."""
    found: dict[int, int] = {}
    wanted = sorted(ids)
    for start in range(0, len(wanted), 1000):
        part = wanted[start : start + 1000]
        query = select(directive.c.id, directive.c.unit_id).where(
            directive.c.id.in_(bindparam("ids", part, expanding=True))
        )
        found.update(dict(conn.execute(query).all()))
    return found


# --- chairs --------------------------------------------------------------------------------


def chair_directives_on(
    conn: Connection, scope: Scope, day: date
) -> list[tuple[int, int, str | None, str | None]]:
    """``(id, unit id, chair, chair title)`` of the directives in scope given at meetings held
    on ``day``: to tell which spelling of a chair the review shows when two tie."""
    rows = states(scope)
    query = (
        select(rows.c.id, rows.c.unit_id, meeting.c.chair, meeting.c.chair_title)
        .select_from(rows.join(meeting, meeting.c.id == rows.c.meeting_id))
        .where(meeting.c.date == day)
    )
    return [(did, uid, chair, title) for did, uid, chair, title in conn.execute(query)]


# --- the ids the review lists ------------------------------------------------------------


def extension_cause_ids(conn: Connection, scope: Scope, start: date, end: date) -> list[int]:
    """Directives in scope with a reason given for an extension approved from ``start`` to
    ``end``, by id. Read from the extensions of those days, not from every directive."""
    query = (
        select(extension.c.directive_id)
        .distinct()
        .join(directive, directive.c.id == extension.c.directive_id)
        .where(
            extension.c.approved_on >= start,
            extension.c.approved_on <= end,
            extension.c.reason.is_not(None),
            extension.c.reason != "",
            *in_scope(scope),
        )
        .order_by(extension.c.directive_id)
    )
    return list(conn.execute(query).scalars())


def held_directives(conn: Connection, scope: Scope) -> list[tuple[int, int]]:
    """``(id, unit id)`` of every directive in scope, the unit being the one that held it."""
    rows = states(scope)
    return [(did, uid) for did, uid in conn.execute(select(rows.c.id, rows.c.unit_id))]


# --- limitations ---------------------------------------------------------------------------


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.count(case((condition, 1)))


def limitation_counts(
    conn: Connection, unit_ids: Sequence[int] | None, start: date, end: date
) -> dict[int, LimitationCounts]:
    """Per unit id with a limitation raised by ``end``: raised from ``start``, resolved from
    ``start`` to ``end``, still open at ``end``, raised from ``start`` as a repeat."""
    raised = meeting.c.date >= start
    resolved = and_(limitation.c.resolved_on.is_not(None), limitation.c.resolved_on <= end)
    # "+ 0": grouped by the column itself, SQLite would walk the limitations in the order of
    # their unit index, one random page per row (seven times slower on a large register).
    unit_id = (limitation.c.unit_id + literal_column("0")).label("unit_id")
    query = (
        select(
            unit_id,
            _count_if(raised),
            _count_if(and_(resolved, limitation.c.resolved_on >= start)),
            _count_if(~resolved),
            _count_if(and_(raised, limitation.c.repeat_of_id.is_not(None))),
        )
        .join(meeting, meeting.c.id == limitation.c.meeting_id)
        .where(meeting.c.date <= end)
        .group_by(unit_id)
    )
    if unit_ids is not None:
        query = query.where(limitation.c.unit_id.in_(list(unit_ids)))
    return {
        uid: LimitationCounts(n_raised, n_resolved, n_open, n_repeated)
        for uid, n_raised, n_resolved, n_open, n_repeated in conn.execute(query)
    }


def repeat_links(conn: Connection, end: date) -> dict[int, int]:
    """``repeat_of_id`` of every limitation raised by ``end`` that repeats another, any unit."""
    query = (
        select(limitation.c.id, limitation.c.repeat_of_id)
        .join(meeting, meeting.c.id == limitation.c.meeting_id)
        .where(meeting.c.date <= end, limitation.c.repeat_of_id.is_not(None))
    )
    return dict(conn.execute(query).all())


__all__ = [
    "chair_directives_on",
    "extension_cause_ids",
    "held_directives",
    "limitation_counts",
    "load_moves",
    "repeat_links",
    "stored_units",
]
