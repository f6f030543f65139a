"""``doctor --repair``: a record that rows point to but that is not there (a unit, meeting,
series, field deleted by another program with foreign keys off, before the triggers kept them)
re-created as a placeholder with its id, so that every row is kept and every command opens the
register again; a limitation a later one repeats is not re-created, the link is cleared. A
closure that repeats an earlier one of its directive in every value (another program's copy,
which counts the directive twice on its days) is removed: nothing it says is lost. Other
closures ``doctor`` finds overlapping are left to the office, which alone knows which day is
right (:func:`dirtrack.store.health.check_closures`). A directive closed on or before the day
its unit retired that an older dirtrack left with the successor (the closure recorded after the
retirement: :func:`dirtrack.store.units.held_after_closing`) is settled as every closure writer
settles one today (:func:`dirtrack.store.units.settle_closed`): the retired unit's again.

A placeholder changes no count: a unit is live (not retired), as the deleted one was when its
rows were counted; a meeting takes the earliest day its rows hold, which no deadline, closing,
progress or extension precedes (else the day the first of them was recorded), and doctor says
which row's day it is. ``doctor`` names every placeholder still as the repair left it
(:func:`placeholders`), so that the clerk renames it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select
from sqlmodel import col

from dirtrack.i18n import Phrase
from dirtrack.models import KEPT_LINKS
from dirtrack.periods import office_today
from dirtrack.store.history import REPAIR

if TYPE_CHECKING:
    from sqlmodel import Session

# The days that rows pointing to a meeting hold, none of which may precede the meeting: what a
# placeholder meeting's day is the earliest of. (table, column naming the meeting, day columns)
_MEETING_DAYS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "directive",
        "meeting_id",
        ("original_due", "issued_on", "completed_on", "cancelled_on", "withdrawn_on"),
    ),
    ("limitation", "meeting_id", ("resolved_on",)),
    ("series", "meeting_id", ("starts_on",)),
)
# The same for the rows of a directive of that meeting.
_DIRECTIVE_PART_DAYS = (
    ("progress_entry", ("reported_on",)),
    ("extension", ("approved_on", "new_due")),
)


@dataclass(frozen=True)
class Made:
    """A record the repair re-created (or, for a limitation, the links to it it cleared; for
    ``series_coordinator``, the coordinating units of series ``id`` it removed)."""

    table: str
    id: int
    rows: int  # the rows that point to it
    code: str | None = None  # a unit's or a field's
    day: date | None = None  # a meeting's day, a series' first day
    day_from: Phrase | None = None  # what a meeting's day is (the deadline of directive 4)
    directive: int | None = None  # a closure's
    first: int | None = None  # the closure a removed one copies
    retired: date | None = None  # a directive given back: the day its unit retired (``code``)
    heir: str | None = None  # … the successor that held it


def missing_records(conn: Connection) -> dict[str, dict[int, int]]:
    """The records rows point to that are not there: by table (a unit first, as
    :data:`dirtrack.models.KEPT_LINKS` lists them), each missing id with the number of rows
    pointing to it. Every link is read (:func:`dirtrack.db.refuse_missing_records` looks for
    the first only)."""
    found: dict[str, dict[int, int]] = {}
    for parent, links in KEPT_LINKS.items():
        counts: dict[int, int] = {}
        for child, column in links:
            rows = conn.exec_driver_sql(
                f'SELECT c."{column}", count(*) FROM "{child}" AS c '
                f'WHERE c."{column}" IS NOT NULL AND NOT EXISTS '
                f'(SELECT 1 FROM "{parent}" AS p WHERE p.id = c."{column}") '
                f'GROUP BY c."{column}"'
            )
            for ident, n in rows:
                counts[int(ident)] = counts.get(int(ident), 0) + int(n)
        if counts:
            found[parent] = dict(sorted(counts.items()))
    return found


def copied_closures(conn: Connection) -> list[tuple[int, int, int]]:
    """The closures that repeat an earlier one (a lower id) of the same directive in every
    value: each as (its directive, its id, the first one it copies), by directive and id."""
    from sqlalchemy import and_, func

    from dirtrack import models

    closure = models.metadata().tables["closure"]
    first = closure.alias("first")
    same = [
        column.is_not_distinct_from(first.c[column.name])
        for column in closure.c
        if column.name != "id"
    ]
    query = (
        select(closure.c.directive_id, closure.c.id, func.min(first.c.id))
        .join(first, and_(first.c.id < closure.c.id, *same))
        .group_by(closure.c.directive_id, closure.c.id)
        .order_by(closure.c.directive_id, closure.c.id)
    )
    return [(int(d), int(i), int(f)) for d, i, f in conn.execute(query)]


def plan(session: Session) -> list[Made]:
    """What :func:`repair` would do, in the order it does it; nothing written."""
    return [made for made, _values in _planned(session)]


def repair(session: Session, lang: str) -> list[Made]:
    """Re-create every missing record as a placeholder (a missing limitation: clear the links
    to it; a missing series with no occurrence and no meeting in the register: remove its
    coordinating units, which nothing counts), remove the copied closures, settle the closed
    directives an older dirtrack left with a retired unit's successor, in this unit of work;
    the change log records each row, so ``undo`` takes it back. Texts of the placeholders are
    in ``lang``."""
    from dirtrack.models import (
        Closure,
        Directive,
        DirectiveField,
        Limitation,
        Meeting,
        Series,
        SeriesCoordinator,
        Unit,
    )
    from dirtrack.store.units import settle_closed

    done: list[Made] = []
    for made, values in _planned(session):
        if made.table == "unit":
            code = made.code or ""
            name = _text("repair_unit_name", lang, made)
            session.add(Unit(id=made.id, code=code, code_key=_fold(code), name=name,
                             name_key=_fold(name)))  # fmt: skip
        elif made.table == "field":
            code = made.code or ""
            name = _text("repair_field_name", lang, made)
            session.add(DirectiveField(id=made.id, code=code, code_key=_fold(code), name=name,
                                       name_key=_fold(name)))  # fmt: skip
        elif made.table == "meeting":
            title = _text("repair_meeting_title", lang, made)
            session.add(Meeting(id=made.id, date=made.day or office_today(), title=title))
        elif made.table == "series":
            text = _text("repair_series_text", lang, made)
            session.add(Series(id=made.id, text=text, **values))
        elif made.table == "closure":
            session.delete(session.get(Closure, made.id))
        elif made.table == "directive":
            held = session.get(Directive, made.id)
            assert held is not None  # it was read in this transaction
            settle_closed(session, held)
        elif made.table == "series_coordinator":
            kept = select(SeriesCoordinator).where(col(SeriesCoordinator.series_id) == made.id)
            for link in session.scalars(kept):
                session.delete(link)
        else:
            repeats = select(Limitation).where(col(Limitation.repeat_of_id) == made.id)
            for row in session.scalars(repeats):
                row.repeat_of_id = None
        session.flush()  # each before the next, which may point to it (a series to a meeting)
        done.append(made)
    return done


def _text(key: str, lang: str, made: Made) -> str:
    from dirtrack.i18n import t

    return t(key, lang, id=made.id)


def _fold(text: str) -> str:
    from dirtrack.text import fold

    return fold(text)


def _planned(session: Session) -> list[tuple[Made, dict[str, Any]]]:
    from dirtrack.store.units import UnitIndex, held_after_closing

    conn = session.connection()
    missing = missing_records(conn)
    found: list[tuple[Made, dict[str, Any]]] = []
    units = UnitIndex.load(session)
    for table in ("unit", "field"):
        taken = {
            str(key)
            for (key,) in conn.exec_driver_sql(f'SELECT code_key FROM "{table}"')  # noqa: S608
        }
        for ident, rows in missing.get(table, {}).items():
            code = f"MISSING-{ident}"
            n = 1
            # a code someone gave already; for a unit, also a former code or an alias of one
            while _fold(code) in taken or (
                table == "unit" and units.holder(code, spelled=False) is not None
            ):
                n += 1
                code = f"MISSING-{ident}-{n}"
            taken.add(_fold(code))
            found.append((Made(table, ident, rows, code=code), {}))
    meetings = missing.get("meeting", {})
    for ident, rows in meetings.items():
        day, source = _meeting_day(conn, ident)
        found.append((Made("meeting", ident, rows, day=day, day_from=source), {}))
    for ident, rows in missing.get("series", {}).items():
        values = _series_values(conn, ident, meetings)
        if values is not None:
            found.append((Made("series", ident, rows, day=values["starts_on"]), values))
        else:  # nothing left of it but its coordinating units, no meeting to re-create it for
            found.append((Made("series_coordinator", ident, rows), {}))
    for ident, rows in missing.get("limitation", {}).items():
        found.append((Made("limitation", ident, rows), {}))
    for directive, ident, copied in copied_closures(conn):
        found.append((Made("closure", ident, 1, directive=directive, first=copied), {}))
    for held in held_after_closing(conn):
        given = Made("directive", held.directive, 1, code=held.unit, day=held.closed_on,
                     retired=held.retired_on, heir=held.heir)  # fmt: skip
        found.append((given, {}))
    return found


def _day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _meeting_day(conn: Connection, meeting: int) -> tuple[date, Phrase]:
    """The earliest day the rows pointing to ``meeting`` hold (deadlines, closings, issue days,
    progress, extensions, resolutions, a series' first day); without one, the earliest day one
    of them was recorded (a meeting comes before what is recorded of it); without that, today.
    With the day, what it is, for doctor to say (``the deadline of directive 4``)."""
    days: list[tuple[date, Phrase]] = []
    recorded: list[tuple[date, Phrase]] = []
    for table, column, columns in _MEETING_DAYS:
        for name, found in (*((c, days) for c in columns), ("created_at", recorded)):
            row = conn.exec_driver_sql(
                f'SELECT id, "{name}" FROM "{table}" WHERE "{column}" = ? AND "{name}" IS NOT '
                f'NULL ORDER BY "{name}", id LIMIT 1',
                (meeting,),
            ).first()
            day = _day(row[1]) if row is not None else None
            if row is not None and day is not None:
                key = f"rp_day_{table}_{name}" if found is days else f"rp_day_recorded_{table}"
                found.append((day, Phrase(key, row=row[0])))
    for table, columns in _DIRECTIVE_PART_DAYS:
        for name in columns:
            row = conn.exec_driver_sql(
                f'SELECT d.id, p."{name}" FROM "{table}" AS p JOIN directive AS d ON '
                f'd.id = p.directive_id WHERE d.meeting_id = ? AND p."{name}" IS NOT NULL '
                f'ORDER BY p."{name}", d.id LIMIT 1',
                (meeting,),
            ).first()
            day = _day(row[1]) if row is not None else None
            if row is not None and day is not None:
                days.append((day, Phrase(f"rp_day_{table}_{name}", row=row[0])))
    found = days or recorded
    if not found:
        return office_today(), Phrase("rp_day_today")
    return min(found, key=lambda pair: pair[0])  # the first listed of the same day


def _every(label: str | None) -> str:
    """The period a series' occurrence label says (``2025-03``, ``2025-Q1``, ``2025-H1``,
    ``2025``)."""
    text = label or ""
    if "-Q" in text:
        return "quarter"
    if "-H" in text:
        return "half-year"
    if "-" not in text and text.isdigit():
        return "year"
    return "month"


def _series_values(
    conn: Connection, series: int, meetings: dict[int, int]
) -> dict[str, Any] | None:
    """A placeholder series' columns from its occurrences: their meeting and lead unit (the
    first's), their period, the first and last issue day; no occurrence is made any more
    (``next_start`` empty). Without occurrences (only coordinating units left), the register's
    first meeting and the first coordinating unit; None when there is no meeting at all."""
    row = conn.exec_driver_sql(
        "SELECT meeting_id, unit_id, period, min(issued_on) OVER (), max(issued_on) OVER () "
        "FROM directive WHERE series_id = ? ORDER BY issued_on, id LIMIT 1",
        (series,),
    ).first()
    if row is not None:
        meeting, unit, label, first, last = row
    else:
        meeting = conn.exec_driver_sql("SELECT id FROM meeting ORDER BY date, id LIMIT 1").scalar()
        if meeting is None and meetings:
            meeting = next(iter(meetings))
        unit = conn.exec_driver_sql(
            "SELECT unit_id FROM series_coordinator WHERE series_id = ? ORDER BY unit_id LIMIT 1",
            (series,),
        ).scalar()
        label = first = last = None
        if meeting is None:
            return None
    start = _day(first) or _meeting_day(conn, int(meeting))[0]
    return {
        "meeting_id": int(meeting),
        "unit_id": int(unit),
        "every": _every(label),
        "starts_on": start,
        "ends_on": _day(last) or start,
        "next_start": None,
    }


# --- what doctor names --------------------------------------------------------------------------

# The column of each placeholder that the clerk changes when giving the record its own name.
_NAMED_BY = {"unit": ("code", "name"), "field": ("code", "name"), "meeting": ("title",),
             "series": ("text",)}  # fmt: skip


def makes_placeholders(made: Iterable[Made]) -> bool:
    """Whether a repair that did ``made`` re-created a record (a placeholder that doctor names
    until renamed), rather than only clearing links, removing copies or giving directives back
    to the unit that held them (the ``retirements`` check)."""
    return any(item.table in _NAMED_BY for item in made)


def placeholders(conn: Connection) -> list[tuple[str, int, str | None]]:
    """The records a repair re-created (not undone) that still hold what it gave them: their
    table, id and code (a unit's or a field's), in the order made.

    Raises:
        DatabaseError: an entry of a repair's history is not JSON (edited by hand), naming it
            (:func:`dirtrack.store.history.load_image`).
    """
    from sqlalchemy import text

    from dirtrack.store.history import load_image

    log = conn.execute(
        text(
            "SELECT id, after FROM change_log WHERE action = :name AND entity = 'command' "
            "AND undone_by IS NULL ORDER BY id"
        ),
        {"name": REPAIR},
    ).all()
    found: list[tuple[str, int, str | None]] = []
    for entry, summary in log:
        first, last = load_image(summary, entry)["rows"]
        rows = conn.execute(
            text(
                "SELECT id, entity, entity_id, after FROM change_log WHERE id BETWEEN :first AND "
                ":last AND action = 'create' ORDER BY id"
            ),
            {"first": int(first), "last": int(last)},
        ).all()
        for made, entity, ident, after in rows:
            columns = _NAMED_BY.get(str(entity))
            if columns is None or ident is None:
                continue
            image = load_image(after, made)
            names = ", ".join(f'"{c}"' for c in columns)
            now = conn.execute(
                text(f'SELECT {names} FROM "{entity}" WHERE id = :id'), {"id": int(ident)}
            ).first()
            if now is not None and list(now) == [image.get(c) for c in columns]:
                found.append((str(entity), int(ident), image.get("code")))
    return found
