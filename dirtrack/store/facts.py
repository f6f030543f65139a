"""The lean read path: directive facts, units and limitations through SQLAlchemy Core (issue 6).

The same facts as :func:`dirtrack.store.directives.iter_facts` and friends, read with the Core
tables of :mod:`dirtrack.store.tables` on a plain :class:`~sqlalchemy.Connection`, so a command
that only reads starts without SQLModel or the ORM, and streams: the ids come from a query
(usually :func:`dirtrack.store.report_sql.directive_ids`) a batch at a time, and each batch
costs four queries whatever the register's size. Memory stays flat as the register grows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any, cast

from sqlalchemy import BindParameter, Connection, Select, bindparam, or_, select

from dirtrack.status import DirectiveFacts
from dirtrack.store.fact_rows import BATCH, facts_from_rows
from dirtrack.store.limitations import LimitationFacts
from dirtrack.store.report_sql import held_by
from dirtrack.store.tables import (
    directive,
    directive_coordinator,
    extension,
    limitation,
    meeting,
    meeting_attendee,
    progress_entry,
    unit,
    unit_alias,
)
from dirtrack.store.units import UnitIndex


def filter_ids(
    *,
    ids: Sequence[int] | None = None,
    unit_ids: Sequence[int] | None = None,
    meeting_id: int | None = None,
    held_on_or_before: date | None = None,
    closed_not_before: date | None = None,
) -> Select[int]:
    """The ids of the directives a :class:`~dirtrack.store.directives.DirectiveFilter` names,
    in id order (None: no restriction)."""
    query = select(directive.c.id)
    if ids is not None:
        query = query.where(directive.c.id.in_(list(ids)))
    if unit_ids is not None:
        query = query.where(directive.c.unit_id.in_(list(unit_ids)))
    if meeting_id is not None:
        query = query.where(directive.c.meeting_id == meeting_id)
    if held_on_or_before is not None:
        query = query.where(held_by(held_on_or_before))
    if closed_not_before is not None:
        query = query.where(
            or_(directive.c.completed_on.is_(None), directive.c.completed_on >= closed_not_before),
            or_(directive.c.cancelled_on.is_(None), directive.c.cancelled_on >= closed_not_before),
        )
    return query.order_by(directive.c.id)


def iter_facts(conn: Connection, ids: Select[int]) -> Iterator[DirectiveFacts]:
    """Yield the facts of the directives whose ids ``ids`` selects, in its order.

    The ids are streamed (a server-side cursor on PostgreSQL) and the facts fetched a batch at a
    time, so neither the ids nor the facts of the whole register are ever held at once.
    """
    for batch in iter_batches(conn, ids):
        yield from batch


def iter_batches(conn: Connection, ids: Select[int]) -> Iterator[list[DirectiveFacts]]:
    """As :func:`iter_facts`, a batch of at most :data:`BATCH` facts at a time."""
    for part in iter_ids(conn, ids):
        yield facts_of(conn, part)


def iter_ids(conn: Connection, ids: Select[int]) -> Iterator[list[int]]:
    """The ids ``ids`` selects, in its order, :data:`BATCH` at a time, streamed."""
    # An option of this statement only: Connection.execution_options() would change the
    # connection itself, and a later INSERT would go out as a server-side cursor.
    result = conn.execute(ids, execution_options={"yield_per": BATCH})
    try:
        for part in result.partitions():
            yield [row[0] for row in part]
    finally:
        # Also when the caller stops early: the server-side cursor is closed, not left to GC.
        result.close()


# The four queries of a batch, built once: the ids go in as one expanding parameter, so
# SQLAlchemy neither builds nor compiles a clause per id (a third of the time of a batch).
_IDS: BindParameter[int] = bindparam("ids", expanding=True)
_MAIN = (
    select(
        directive.c.id,
        directive.c.meeting_id,
        meeting.c.date,
        directive.c.unit_id,
        unit.c.code,
        unit.c.name,
        directive.c.text,
        directive.c.original_due,
        directive.c.completed_on,
        directive.c.cancelled_on,
        directive.c.due_text,
        directive.c.product,
        directive.c.key,
        directive.c.completion_note,
        directive.c.cancel_reason,
    )
    .join(meeting, meeting.c.id == directive.c.meeting_id)
    .join(unit, unit.c.id == directive.c.unit_id)
    .where(directive.c.id.in_(_IDS))
)
_EXTENSIONS = (
    select(
        extension.c.directive_id,
        extension.c.approved_on,
        extension.c.new_due,
        extension.c.reason,
        extension.c.due_text,
    )
    .where(extension.c.directive_id.in_(_IDS))
    .order_by(extension.c.approved_on, extension.c.id)
)
_PROGRESS = (
    select(
        progress_entry.c.directive_id,
        progress_entry.c.reported_on,
        progress_entry.c.percent,
        progress_entry.c.note,
    )
    .where(progress_entry.c.directive_id.in_(_IDS))
    .order_by(progress_entry.c.reported_on, progress_entry.c.id)
)
_COORDINATORS = (
    select(directive_coordinator.c.directive_id, unit.c.code)
    .join(unit, unit.c.id == directive_coordinator.c.unit_id)
    .where(directive_coordinator.c.directive_id.in_(_IDS))
)


def facts_of(conn: Connection, ids: Sequence[int]) -> list[DirectiveFacts]:
    """The facts of ``ids`` (at most a few thousand), in the order given; unknown ids are left
    out."""
    if not ids:
        return []
    wanted = list(ids)
    params = {"ids": wanted}
    return facts_from_rows(
        wanted,
        conn.execute(_MAIN, params).fetchall(),
        conn.execute(_EXTENSIONS, params),
        conn.execute(_PROGRESS, params),
        conn.execute(_COORDINATORS, params),
    )


def load_units(conn: Connection) -> UnitIndex:
    """The :class:`UnitIndex` of every unit, read with Core rows instead of ORM objects."""
    units = sorted(conn.execute(select(unit)), key=lambda row: row.code_key)
    aliases: dict[int, list[Any]] = defaultdict(list)
    for row in conn.execute(select(unit_alias).order_by(unit_alias.c.id)):
        aliases[row.unit_id].append(row)
    # The index reads only attributes (id, code, name, parent_id…), which Core rows have too.
    return UnitIndex(cast(Any, units), cast(Any, aliases))


def list_meetings(conn: Connection, *, start: date | None, end: date | None) -> list[Any]:
    """Meetings held between ``start`` and ``end`` (inclusive), by date then id."""
    query = select(meeting)
    if start is not None:
        query = query.where(meeting.c.date >= start)
    if end is not None:
        query = query.where(meeting.c.date <= end)
    return list(conn.execute(query.order_by(meeting.c.date, meeting.c.id)))


def attendee_ids(conn: Connection, meeting_ids: Sequence[int]) -> dict[int, list[int]]:
    """Attending unit ids per meeting id."""
    found: dict[int, list[int]] = defaultdict(list)
    query = select(meeting_attendee.c.meeting_id, meeting_attendee.c.unit_id).where(
        meeting_attendee.c.meeting_id.in_(_IDS)
    )
    wanted = list(meeting_ids)
    # In batches: a long period holds more meetings than a statement may take parameters.
    for start in range(0, len(wanted), BATCH):
        for meeting_id, unit_id in conn.execute(query, {"ids": wanted[start : start + BATCH]}):
            found[meeting_id].append(unit_id)
    return found


def list_limitations(
    conn: Connection,
    *,
    unit_ids: Sequence[int] | None = None,
    raised_on_or_before: date | None = None,
    ids: Sequence[int] | None = None,
    listed_from: date | None = None,
) -> list[LimitationFacts]:
    """As :func:`dirtrack.store.limitations.list_limitations`, without the ORM.

    ``ids`` keeps only those; ``listed_from`` only those a report from that day to
    ``raised_on_or_before`` lists: raised in it, or not resolved by its end.
    """
    query = select(limitation, meeting.c.date, unit.c.code).join(
        meeting, meeting.c.id == limitation.c.meeting_id
    )
    query = query.join(unit, unit.c.id == limitation.c.unit_id)
    if unit_ids is not None:
        query = query.where(limitation.c.unit_id.in_(list(unit_ids)))
    if ids is not None:
        query = query.where(limitation.c.id.in_(bindparam("ids", list(ids), expanding=True)))
    if raised_on_or_before is not None:
        query = query.where(meeting.c.date <= raised_on_or_before)
    if listed_from is not None:
        assert raised_on_or_before is not None, "a listing runs to a day"
        query = query.where(
            or_(
                meeting.c.date >= listed_from,
                limitation.c.resolved_on.is_(None),
                limitation.c.resolved_on > raised_on_or_before,
            )
        )
    query = query.order_by(meeting.c.date, limitation.c.id)
    return [
        LimitationFacts(
            id=row.id,
            meeting_id=row.meeting_id,
            unit_id=row.unit_id,
            unit_code=row.code,
            text=row.text,
            category=row.category,
            raised_on=row.date,
            resolved_on=row.resolved_on,
            resolve_note=row.resolve_note,
            repeat_of_id=row.repeat_of_id,
        )
        for row in conn.execute(query)
    ]
