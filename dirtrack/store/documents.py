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


def urge_counts(conn: Connection, start: date, end: date) -> tuple[dict[str, int], dict[int, int]]:
    """How many urging letters were sent from ``start`` to ``end``: to each unit (by code) and
    naming each directive (by id), read in one statement (a letter and what it names)."""
    from dirtrack.store.tables import holds_rows, unit

    if not holds_rows(conn, "urging"):  # no letter was ever recorded: nothing to read
        return {}, {}
    from dirtrack.models import Urging, UrgingDirective

    letter = Urging.__table__  # type: ignore[attr-defined]
    named = UrgingDirective.__table__  # type: ignore[attr-defined]
    query = (
        select(unit.c.code, letter.c.id, named.c.directive_id)
        .select_from(
            letter.join(unit, unit.c.id == letter.c.unit_id).outerjoin(
                named, named.c.urging_id == letter.c.id
            )
        )
        .where(letter.c.issued_on >= start, letter.c.issued_on <= end)
    )
    letters: dict[str, set[int]] = {}
    directives: dict[int, int] = {}
    for code, letter_id, directive_id in conn.execute(query):
        letters.setdefault(code, set()).add(letter_id)
        if directive_id is not None:
            directives[directive_id] = directives.get(directive_id, 0) + 1
    return {code: len(ids) for code, ids in sorted(letters.items())}, directives
