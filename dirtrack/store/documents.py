"""What an office's documents read besides the report: meetings by number and date, urgings."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, select
from sqlmodel import Session

from dirtrack.store.tables import meeting


def meeting_refs(conn: Connection) -> dict[int, tuple[date, str | None]]:
    """Every meeting's date and document number, by id (documents name meetings by them)."""
    rows = conn.execute(select(meeting.c.id, meeting.c.date, meeting.c.doc))
    return {row.id: (row.date, row.doc) for row in rows}


def record_urging(
    session: Session,
    *,
    unit_id: int,
    issued_on: date,
    as_of: date,
    number: str | None,
    reply_by: date | None,
    overdue: list[int],
    due_soon: list[int],
) -> int:
    """Record a letter sent to a unit and the directives it names; returns its id."""
    from dirtrack.models import Urging, UrgingDirective

    urging = Urging(
        unit_id=unit_id, issued_on=issued_on, as_of=as_of, number=number, reply_by=reply_by
    )
    session.add(urging)
    session.flush()
    assert urging.id is not None
    for directive_id in overdue:
        session.add(UrgingDirective(urging_id=urging.id, directive_id=directive_id, overdue=True))
    for directive_id in due_soon:
        session.add(UrgingDirective(urging_id=urging.id, directive_id=directive_id, overdue=False))
    session.flush()
    return urging.id


def urged_before(session: Session, unit_id: int, before: date) -> int:
    """How many letters were sent to the unit before ``before`` (this one not counted)."""
    from sqlalchemy import func

    from dirtrack.models import Urging

    table = Urging.__table__  # type: ignore[attr-defined]
    query = select(func.count()).where(table.c.unit_id == unit_id, table.c.issued_on <= before)
    return int(session.execute(query).scalar_one())


def urgings_between(conn: Connection, start: date, end: date) -> dict[str, int]:
    """How many urging letters each unit (by code) was sent from ``start`` to ``end``."""
    from sqlalchemy import func

    from dirtrack.models import Urging
    from dirtrack.store.tables import unit

    table = Urging.__table__  # type: ignore[attr-defined]
    query = (
        select(unit.c.code, func.count())
        .select_from(table.join(unit, unit.c.id == table.c.unit_id))
        .where(table.c.issued_on >= start, table.c.issued_on <= end)
        .group_by(unit.c.code)
        .order_by(unit.c.code)
    )
    return {code: int(n) for code, n in conn.execute(query)}
