"""Units, directive facts, meetings and limitations read with :mod:`sqlite3` (issue 6).

The same values as the Core readers of :mod:`dirtrack.store.facts`, from the same SQL, on a
connection from :func:`dirtrack.store.lite.open_lite`: nothing here imports SQLAlchemy. Rows
that the shared code reads by attribute (units, aliases, meetings) come as
:class:`types.SimpleNamespace` with dates as :class:`datetime.date`.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from types import SimpleNamespace
from typing import Any, cast

from dirtrack.status import DirectiveFacts
from dirtrack.store.fact_rows import BATCH, facts_from_rows
from dirtrack.store.limitations import LimitationFacts
from dirtrack.store.lite import day, id_list
from dirtrack.store.units import UnitIndex


def objects(cursor: sqlite3.Cursor, dates: Sequence[str] = ()) -> list[Any]:
    """Every row of ``cursor`` as an object with a attribute per column, ``dates`` read as
    dates."""
    names = [d[0] for d in cursor.description]
    found = []
    for row in cursor:
        item = SimpleNamespace(**dict(zip(names, row, strict=True)))
        for name in dates:
            setattr(item, name, day(getattr(item, name)))
        found.append(item)
    return found


def load_units(conn: sqlite3.Connection) -> UnitIndex:
    """The :class:`UnitIndex` of every unit (as :func:`dirtrack.store.facts.load_units`)."""
    units = objects(conn.execute("SELECT * FROM unit"), ("retired_on",))
    units.sort(key=lambda u: u.code_key)
    aliases: dict[int, list[Any]] = defaultdict(list)
    for alias in objects(conn.execute("SELECT * FROM unit_alias ORDER BY id")):
        aliases[alias.unit_id].append(alias)
    return UnitIndex(cast(Any, units), cast(Any, aliases))


_MAIN = """
SELECT directive.id, directive.meeting_id, meeting.date, directive.unit_id, unit.code,
       unit.name, directive.text, directive.original_due, directive.completed_on,
       directive.cancelled_on, directive.due_text, directive.product, directive."key",
       directive.completion_note, directive.cancel_reason
FROM directive JOIN meeting ON meeting.id = directive.meeting_id
JOIN unit ON unit.id = directive.unit_id
WHERE directive.id IN ({ids})"""
_EXTENSIONS = """
SELECT directive_id, approved_on, new_due, reason, due_text FROM extension
WHERE directive_id IN ({ids}) ORDER BY approved_on, id"""
_PROGRESS = """
SELECT directive_id, reported_on, percent, note FROM progress_entry
WHERE directive_id IN ({ids}) ORDER BY reported_on, id"""
_COORDINATORS = """
SELECT directive_coordinator.directive_id, unit.code
FROM directive_coordinator JOIN unit ON unit.id = directive_coordinator.unit_id
WHERE directive_coordinator.directive_id IN ({ids})"""


def facts_of(conn: sqlite3.Connection, ids: Sequence[int]) -> list[DirectiveFacts]:
    """The facts of ``ids`` (at most a few thousand), in the order given; unknown ids are left
    out."""
    if not ids:
        return []
    wanted = list(ids)
    listed = id_list(wanted)
    return facts_from_rows(
        wanted,
        conn.execute(_MAIN.format(ids=listed)).fetchall(),
        conn.execute(_EXTENSIONS.format(ids=listed)),
        conn.execute(_PROGRESS.format(ids=listed)),
        conn.execute(_COORDINATORS.format(ids=listed)),
        day=day,
    )


def list_meetings(conn: sqlite3.Connection, *, start: date | None, end: date | None) -> list[Any]:
    """Meetings held between ``start`` and ``end`` (inclusive), by date then id."""
    where = []
    values = {}
    if start is not None:
        where.append("date >= :start")
        values["start"] = start.isoformat()
    if end is not None:
        where.append("date <= :end")
        values["end"] = end.isoformat()
    sql = "SELECT * FROM meeting" + (" WHERE " + " AND ".join(where) if where else "")
    return objects(conn.execute(sql + " ORDER BY date, id", values), ("date",))


def attendee_ids(conn: sqlite3.Connection, meeting_ids: Sequence[int]) -> dict[int, list[int]]:
    """Attending unit ids per meeting id."""
    found: dict[int, list[int]] = defaultdict(list)
    wanted = list(meeting_ids)
    for start in range(0, len(wanted), BATCH):
        part = id_list(wanted[start : start + BATCH])
        sql = f"SELECT meeting_id, unit_id FROM meeting_attendee WHERE meeting_id IN ({part})"
        for meeting_id, unit_id in conn.execute(sql):
            found[meeting_id].append(unit_id)
    return found


def list_limitations(
    conn: sqlite3.Connection,
    *,
    unit_ids: Sequence[int] | None = None,
    raised_on_or_before: date | None = None,
    ids: Sequence[int] | None = None,
    listed_from: date | None = None,
) -> list[LimitationFacts]:
    """As :func:`dirtrack.store.facts.list_limitations`."""
    where = []
    values: dict[str, str] = {}
    if unit_ids is not None:
        where.append(f"limitation.unit_id IN ({id_list(unit_ids)})")
    if ids is not None:
        where.append(f"limitation.id IN ({id_list(ids)})")
    if raised_on_or_before is not None:
        where.append("meeting.date <= :end")
        values["end"] = raised_on_or_before.isoformat()
    if listed_from is not None:
        assert raised_on_or_before is not None, "a listing runs to a day"
        where.append(
            "(meeting.date >= :start OR limitation.resolved_on IS NULL"
            " OR limitation.resolved_on > :end)"
        )
        values["start"] = listed_from.isoformat()
    sql = (
        "SELECT limitation.id, limitation.meeting_id, limitation.unit_id, unit.code,"
        " limitation.text, limitation.category, meeting.date, limitation.resolved_on,"
        " limitation.resolve_note, limitation.repeat_of_id"
        " FROM limitation JOIN meeting ON meeting.id = limitation.meeting_id"
        " JOIN unit ON unit.id = limitation.unit_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY meeting.date, limitation.id"
    )
    return [
        LimitationFacts(
            id=lid,
            meeting_id=meeting_id,
            unit_id=unit_id,
            unit_code=code,
            text=text,
            category=category,
            raised_on=cast(date, day(raised)),
            resolved_on=day(resolved),
            resolve_note=note,
            repeat_of_id=repeat_of,
        )
        for (lid, meeting_id, unit_id, code, text, category, raised, resolved, note, repeat_of) in (
            conn.execute(sql, values)
        )
    ]
