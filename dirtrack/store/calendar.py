"""The office's own days: days it takes off or works against the national calendar."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection, select
from sqlmodel import Session

from dirtrack.models import CalendarDay
from dirtrack.store.tables import calendar_day
from dirtrack.text import clean_optional
from dirtrack.workdays import Workdays


def set_day(session: Session, day: date, *, off: bool, note: str | None = None) -> CalendarDay:
    """Record that the office is off (or works) on ``day``; a second call for the same day
    replaces the first.

    Raises:
        InvalidInput: a year the national calendar does not cover, or a bad note.
    """
    Workdays().check(day)
    note = clean_optional(note, "note")
    found = session.get(CalendarDay, day)
    if found is None:
        found = CalendarDay(day=day, off=off, note=note)
    else:
        found.off, found.note = off, note
    session.add(found)
    session.flush()
    return found


def office_days(conn: Connection, year: int | None = None) -> list[Any]:
    """The office's days (``day``, ``off``, ``note``), in date order; of ``year`` if given."""
    query = select(calendar_day.c.day, calendar_day.c.off, calendar_day.c.note)
    if year is not None:
        query = query.where(
            calendar_day.c.day >= date(year, 1, 1), calendar_day.c.day <= date(year, 12, 31)
        )
    return list(conn.execute(query.order_by(calendar_day.c.day)))


def load_workdays(conn: Connection) -> Workdays:
    """The office's calendar: the national one corrected by the office's days."""
    rows = office_days(conn)
    return Workdays(
        office={row.day: not row.off for row in rows}, notes={row.day: row.note for row in rows}
    )
