"""Bulk SQL for import and export: many rows per statement, inside the caller's transaction.

Inserts are SQLAlchemy Core ``insert()`` statements executed with a list of parameter dicts
(executemany; on SQLite 3.35+ and PostgreSQL the rows come back with their ids in the order
given). Nothing here commits: the command's unit of work does, once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    RowMapping,
    Table,
    delete,
    false,
    func,
    insert,
    select,
    text,
    update,
)
from sqlmodel import Session

from dirtrack.models import (
    Directive,
    DirectiveCoordinator,
    Extension,
    Limitation,
    Meeting,
    MeetingAttendee,
    ProgressEntry,
    Unit,
    UnitAlias,
    UnitContact,
    metadata,
    utcnow,
)

Row = dict[str, Any]


def _table(model: type[Any]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


UNIT = _table(Unit)
ALIAS = _table(UnitAlias)
CONTACT = _table(UnitContact)
MEETING = _table(Meeting)
ATTENDEE = _table(MeetingAttendee)
DIRECTIVE = _table(Directive)
COORDINATOR = _table(DirectiveCoordinator)
PROGRESS = _table(ProgressEntry)
EXTENSION = _table(Extension)
LIMITATION = _table(Limitation)

# Tables whose ids a JSON import keeps, so that the export of the copy is identical: every table
# with an id but the change log (the database's own, never exported).
ID_TABLES = tuple(
    table for table in metadata().sorted_tables if "id" in table.c and table.name != "change_log"
)


def _stamped(rows: Sequence[Row]) -> Sequence[Row]:
    """The rows with ``created_at`` set (now) where it is missing; changed in place."""
    now = utcnow()
    for row in rows:
        if not row.get("created_at"):
            row["created_at"] = now
    return rows


def insert_rows(session: Session, table: Table, rows: Sequence[Row]) -> None:
    """Insert ``rows`` into ``table`` (executemany); no ids are returned."""
    if rows:
        if "created_at" in table.c:
            rows = _stamped(rows)
        session.execute(insert(table), list(rows))


def insert_returning_ids(session: Session, table: Table, rows: Sequence[Row]) -> list[int]:
    """Insert ``rows`` and return their new ids, in the order of ``rows``."""
    if not rows:
        return []
    if "created_at" in table.c:
        rows = _stamped(rows)
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return [int(i) for i in session.execute(statement, list(rows)).scalars()]


def insert_with_ids(session: Session, table: Table, rows: Sequence[Row]) -> list[int]:
    """Insert ``rows`` (dicts it fills in with their ``id``) and return the ids, in order.

    On SQLite the ids are given here, counting on from the largest the table ever held (its
    AUTOINCREMENT counter: ids freed by ``undo`` are never given again), once this transaction
    holds the write lock (a zero-row UPDATE takes it), so no other writer can take them
    meanwhile; a plain executemany is many times faster than SQLite's RETURNING row by row.
    Elsewhere the database hands out the ids (INSERT … RETURNING, batched on PostgreSQL).
    """
    if not rows:
        return []
    if session.get_bind().dialect.name != "sqlite":
        return insert_returning_ids(session, table, rows)
    conn = session.connection()
    conn.execute(update(table).where(false()).values(id=table.c.id))
    highest = conn.execute(
        text(
            "SELECT MAX(m) FROM (SELECT MAX(id) AS m FROM " + table.name + " UNION ALL "
            "SELECT seq FROM sqlite_sequence WHERE name = :t)"
        ),
        {"t": table.name},
    ).scalar()
    start = int(highest or 0)
    ids = list(range(start + 1, start + 1 + len(rows)))
    for row, new_id in zip(rows, ids, strict=True):
        row["id"] = new_id
    insert_rows(session, table, rows)
    return ids


def update_by_id(session: Session, model: type[Any], rows: Sequence[Row]) -> None:
    """``UPDATE … SET … WHERE id = row["id"]`` for each row (an ORM bulk update by primary key,
    so that the change log sees it), grouped by the columns set."""
    groups: dict[tuple[str, ...], list[Row]] = defaultdict(list)
    for row in rows:
        groups[tuple(sorted(k for k in row if k != "id"))].append(row)
    for columns, group in groups.items():
        if columns:
            session.execute(update(model), group)


def replace_coordinators(
    session: Session, directive_ids: Sequence[int], rows: Sequence[Row]
) -> None:
    """Give each of ``directive_ids`` exactly the coordinating units in ``rows``."""
    for start in range(0, len(directive_ids), 500):
        chunk = list(directive_ids[start : start + 500])
        session.execute(
            delete(DirectiveCoordinator).where(
                DirectiveCoordinator.directive_id.in_(chunk)  # type: ignore[attr-defined]
            )
        )
    insert_rows(session, COORDINATOR, rows)


def counts(session: Session) -> dict[str, int]:
    """How many units, meetings, directives and limitations the database holds."""
    found = {}
    for name, table in (
        ("units", UNIT),
        ("meetings", MEETING),
        ("directives", DIRECTIVE),
        ("limitations", LIMITATION),
    ):
        found[name] = int(session.execute(select(func.count()).select_from(table)).scalar_one())
    return found


def held_rows(session: Session) -> dict[str, int]:
    """How many rows each table holds (every table but the change log), by table name: one
    query, a count of each table."""
    tables = [table for table in metadata().sorted_tables if table.name != "change_log"]
    # Written as text: compiling the same statement built of two dozen subqueries took ten
    # times as long as running it, in an import that runs it once.
    quote = session.get_bind().dialect.identifier_preparer.quote
    counts = session.execute(
        text("SELECT " + ", ".join(f"(SELECT count(*) FROM {quote(t.name)})" for t in tables))
    ).one()
    return {table.name: int(count) for table, count in zip(tables, counts, strict=True)}


@dataclass(frozen=True)
class MeetingRow:
    id: int
    date: date
    title: str
    doc: str | None
    key: str | None


def all_meetings(session: Session) -> list[MeetingRow]:
    query = select(
        MEETING.c.id, MEETING.c.date, MEETING.c.title, MEETING.c.doc, MEETING.c.key
    ).order_by(MEETING.c.id)
    return [MeetingRow(*row) for row in session.execute(query)]


def directive_ids_by_key(session: Session, keys: Iterable[str]) -> dict[str, list[int]]:
    """Ids of the directives recorded with each of ``keys``."""
    wanted = sorted(set(keys))
    found: dict[str, list[int]] = defaultdict(list)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        query = (
            select(DIRECTIVE.c.key, DIRECTIVE.c.id)
            .where(DIRECTIVE.c.key.in_(chunk))
            .order_by(DIRECTIVE.c.id)
        )
        for key, directive_id in session.execute(query):
            found[key].append(int(directive_id))
    return found


def directive_signatures(
    session: Session, meeting_ids: Iterable[int]
) -> list[tuple[int, int, int, str, str | None]]:
    """(id, meeting id, unit id, text, key) of every directive of ``meeting_ids``."""
    wanted = sorted(set(meeting_ids))
    found: list[tuple[int, int, int, str, str | None]] = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        query = select(
            DIRECTIVE.c.id,
            DIRECTIVE.c.meeting_id,
            DIRECTIVE.c.unit_id,
            DIRECTIVE.c.text,
            DIRECTIVE.c.key,
        ).where(DIRECTIVE.c.meeting_id.in_(chunk))
        found.extend(
            (int(a), int(b), int(c), str(d), e) for a, b, c, d, e in session.execute(query)
        )
    return found


def rows_of(session: Session, table: Table, *order: str) -> Iterable[RowMapping]:
    """Every row of ``table`` as a mapping, ordered by ``order`` (default: id), streamed."""
    columns = [table.c[name] for name in (order or ("id",))]
    result = session.execute(select(table).order_by(*columns).execution_options(yield_per=2000))
    return result.mappings()


def rows_between(
    session: Session, table: Table, key: str, first: int, last: int, *order: str
) -> Iterable[RowMapping]:
    """The rows of ``table`` whose ``key`` column is between ``first`` and ``last``, ordered by
    ``key`` then ``order``."""
    column = table.c[key]
    query = (
        select(table)
        .where(column.between(first, last))
        .order_by(column, *(table.c[name] for name in order))
    )
    return session.execute(query).mappings()


def sync_sequences(session: Session) -> None:
    """After rows were inserted with their ids given, move PostgreSQL's id sequences past them,
    never back (an id once handed out is not handed out again).

    SQLite needs nothing: AUTOINCREMENT counts on from the largest id ever stored.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in ID_TABLES:
        name = table.name
        seq = f"pg_get_serial_sequence('{name}', 'id')"
        top = (
            f"GREATEST(COALESCE((SELECT MAX(id) FROM {name}), 0), "
            f"COALESCE(pg_sequence_last_value({seq}::regclass), 0))"
        )
        session.execute(text(f"SELECT setval({seq}, GREATEST({top}, 1), {top} > 0)"))
