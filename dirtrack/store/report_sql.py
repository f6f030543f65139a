"""Statuses and per-unit counts computed by the database, not in Python (issue 6).

The status rules of :mod:`dirtrack.status`, written once as portable SQLAlchemy Core that runs
on SQLite and PostgreSQL, so that a report over a million directives reads a few hundred rows
instead of a million objects:

- the deadline in force at T is the ``new_due`` of the extension approved latest on or before T
  (ties by id, as :meth:`DirectiveFacts.due_at` takes the last in recorded order), else the
  original deadline: one outer join on ``extension`` per directive, no Python loop;
- the status is one ``CASE`` over that deadline, the completion and the cancellation dates;
- :func:`unit_counts` groups by unit and status and returns :class:`Counts` per unit id;
- :func:`directive_ids` lists the ids with a given status in id order or most overdue first,
  for ``list``, ``overdue`` and the report's overdue list.

``tests/test_report_sql.py`` checks on random registers, on both databases, that these give
exactly what :func:`dirtrack.report.build_report` computes in Python from the same rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    Subquery,
    and_,
    bindparam,
    case,
    exists,
    func,
    literal_column,
    or_,
    select,
)

from dirtrack.status import COUNTED, Counts, Status
from dirtrack.store.scope import OPEN, Scope
from dirtrack.store.tables import directive, extension, meeting


def _latest_extension_join(as_of: date, name: str = "ext") -> tuple[Any, ColumnElement[bool]]:
    """The extension in force at ``as_of`` for each directive, as an outer-join target."""
    ext = extension.alias(name)
    newer = extension.alias(f"{name}_newer" if name != "ext" else "newer")
    superseded = exists().where(
        newer.c.directive_id == ext.c.directive_id,
        newer.c.approved_on <= as_of,
        or_(
            newer.c.approved_on > ext.c.approved_on,
            and_(newer.c.approved_on == ext.c.approved_on, newer.c.id > ext.c.id),
        ),
    )
    on = and_(ext.c.directive_id == directive.c.id, ext.c.approved_on <= as_of, ~superseded)
    return ext, on


def status_code(status: Status) -> ColumnElement[str]:
    # Inlined constants, not parameters: PostgreSQL then types the CASE as text at once.
    return literal_column(f"'{status.value}'")


def status_case(
    due: ColumnElement[Any],
    completed_on: ColumnElement[Any],
    cancelled_on: ColumnElement[Any],
    as_of: date,
) -> ColumnElement[str]:
    """:func:`dirtrack.status.classify` as a SQL ``CASE`` giving the status code."""
    return case(
        (
            and_(cancelled_on.is_not(None), cancelled_on <= as_of),
            status_code(Status.CANCELLED),
        ),
        (
            and_(completed_on.is_not(None), completed_on <= as_of),
            case(
                (and_(due.is_not(None), completed_on > due), status_code(Status.DONE_LATE)),
                else_=status_code(Status.DONE_ON_TIME),
            ),
        ),
        (and_(due.is_not(None), due < as_of), status_code(Status.OVERDUE)),
        else_=status_code(Status.OPEN_IN_TIME),
    )


def held_by(day: date) -> ColumnElement[bool]:
    """The directive was given at a meeting held on or before ``day``.

    A correlated EXISTS, not ``meeting_id IN (…)``: an IN list lets SQLite drive the query
    from the meetings' index and fetch the directives one random page at a time, ten times
    slower on a large register than reading the table straight through.
    """
    return exists().where(meeting.c.id == directive.c.meeting_id, meeting.c.date <= day)


def _inline(name: str, ids: Iterable[int]) -> Any:
    # unique: one statement may judge two days, each with its own holders (count_review).
    return bindparam(name, list(ids), expanding=True, literal_execute=True, unique=True)


def holding_unit(scope: Scope) -> ColumnElement[int]:
    """The unit that held the directive on T: the stored one unless ``scope.holders`` says."""
    if not scope.holders:
        return directive.c.unit_id
    # Rendered inline: a unit that took over a few thousand directives must not run into the
    # databases' limits on bound parameters.
    return case(
        *((directive.c.id.in_(_inline(f"held_{uid}", ids)), uid) for uid, ids in scope.holders),
        else_=directive.c.unit_id,
    )


@dataclass(frozen=True)
class Judgement:
    """A directive judged as of a day: the extension to outer-join (``ext`` on ``on``), and
    the deadline in force, whether an extension was approved, and the status code."""

    ext: Any
    on: ColumnElement[bool]
    due: ColumnElement[Any]
    extended: ColumnElement[int]
    status: ColumnElement[str]


def judgement(as_of: date, name: str = "ext") -> Judgement:
    """The columns of a directive as of ``as_of`` (``name`` tells two judgements apart)."""
    ext, on = _latest_extension_join(as_of, name)
    due = func.coalesce(ext.c.new_due, directive.c.original_due)
    extended = case((ext.c.id.is_(None), 0), else_=1)
    status = status_case(due, directive.c.completed_on, directive.c.cancelled_on, as_of)
    return Judgement(ext, on, due, extended, status)


def in_scope(scope: Scope, held_on: ColumnElement[Any] | None = None) -> list[ColumnElement[bool]]:
    """The conditions on ``directive`` (and its meeting) of being in ``scope``, whatever T.

    ``held_on``: the meeting's day when the query joins the meeting anyway (else EXISTS).
    """
    found = []
    if scope.held_on_or_before is not None:
        if held_on is None:
            found.append(held_by(scope.held_on_or_before))
        else:
            found.append(held_on <= scope.held_on_or_before)
    if scope.closed_not_before is not None:
        start = scope.closed_not_before
        found += [
            or_(directive.c.completed_on.is_(None), directive.c.completed_on >= start),
            or_(directive.c.cancelled_on.is_(None), directive.c.cancelled_on >= start),
        ]
    if scope.open_at is not None:
        day = scope.open_at
        found += [
            or_(directive.c.completed_on.is_(None), directive.c.completed_on > day),
            or_(directive.c.cancelled_on.is_(None), directive.c.cancelled_on > day),
        ]
    if scope.unit_ids is not None:
        found.append(holding_unit(scope).in_(sorted(scope.unit_ids)))
    if scope.meeting_id is not None:
        found.append(directive.c.meeting_id == scope.meeting_id)
    return found


def states(scope: Scope) -> Subquery:
    """One row per directive in ``scope``: ``id``, ``unit_id`` (the unit that held it on T),
    ``meeting_id``, ``due`` (in force at T), ``extended`` (1 if an extension was approved by T,
    else 0) and ``status`` at T."""
    return states_query(scope).subquery("states")


def states_query(scope: Scope) -> Select[int, int, int, Any, int, str]:
    """The query of :func:`states`."""
    judged = judgement(scope.as_of)
    query = select(
        directive.c.id,
        holding_unit(scope).label("unit_id"),
        directive.c.meeting_id,
        judged.due.label("due"),
        judged.extended.label("extended"),
        judged.status.label("status"),
    ).select_from(directive.outerjoin(judged.ext, judged.on))
    return query.where(*in_scope(scope))


def unit_counts_query(scope: Scope) -> Select[int, str, int, int, int]:
    """``unit_id, status, no_deadline, extended, count`` of the directives in ``scope``."""
    rows = states(scope)
    no_deadline = case((rows.c.due.is_(None), 1), else_=0)
    flags = select(
        rows.c.unit_id,
        rows.c.status,
        no_deadline.label("no_deadline"),
        rows.c.extended,
    ).subquery("flags")
    # Grouped by status first: grouped by unit first, SQLite would walk the directives in
    # unit_id index order, one random page per row, instead of reading the table through.
    query = select(
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
        add_count(counts.setdefault(unit_id, Counts()), status, nodl, extended, n)
    return counts


def add_count(counts: Counts, status: str, no_deadline: int, extended: int, n: int) -> None:
    """Add ``n`` directives of one status, deadline and extension flag to ``counts``."""
    if status == Status.CANCELLED.value:
        counts.cancelled += n
        return
    setattr(counts, status, getattr(counts, status) + n)
    if no_deadline:
        counts.no_deadline += n
    if extended:
        counts.extended += n


def wanted_statuses(name: str) -> tuple[Status, ...] | None:
    """The statuses a ``list --status`` word names: a code, ``open``, or ``all`` (None)."""
    if name == "all":
        return None
    if name == "open":
        return OPEN
    return (Status(name),)


def directive_ids(
    scope: Scope,
    statuses: Iterable[Status] | None = None,
    *,
    most_overdue_first: bool = False,
) -> Select[int]:
    """The ids of the directives in ``scope`` with one of ``statuses`` (None: any).

    In id order, or, with ``most_overdue_first``, by deadline in force (earliest, so most days
    overdue, first), then id: the order of :func:`dirtrack.status.most_overdue_first`.
    """
    if statuses is not None and all(s.is_open for s in statuses):
        # Implied by the status; said outright so an index on the dates can serve it.
        day = scope.as_of
        scope = replace(scope, open_at=day)
    rows = states(scope)
    query = select(rows.c.id)
    if statuses is not None:
        query = query.where(rows.c.status.in_([s.value for s in statuses]))
    if most_overdue_first:
        # A directive without a deadline is never overdue; nulls last keeps the order total.
        query = query.order_by(case((rows.c.due.is_(None), 1), else_=0), rows.c.due, rows.c.id)
    else:
        query = query.order_by(rows.c.id)
    return query


def count_by_status(conn: Connection, scope: Scope) -> dict[Status, int]:
    """How many directives in ``scope`` have each status (for a quick total)."""
    rows = states(scope)
    found = dict.fromkeys((*COUNTED, Status.CANCELLED), 0)
    query = select(rows.c.status, func.count()).group_by(rows.c.status)
    for status, n in conn.execute(query):
        found[Status(status)] = n
    return found


__all__ = [
    "OPEN",
    "Scope",
    "add_count",
    "count_by_status",
    "directive_ids",
    "Judgement",
    "holding_unit",
    "in_scope",
    "judgement",
    "states",
    "states_query",
    "status_case",
    "status_code",
    "unit_counts",
    "unit_counts_query",
    "wanted_statuses",
]
