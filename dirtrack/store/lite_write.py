"""Writing with :mod:`sqlite3` alone: ``assign`` and its change log (issue 6).

A single ``assign`` on a small register must finish in a quarter of a second, and importing
SQLAlchemy and SQLModel alone takes more than that. So on a connection from
:func:`dirtrack.store.lite.open_lite`, inside :func:`dirtrack.store.lite.transaction`
(``BEGIN IMMEDIATE``), ``assign`` runs here, as plain SQL, and leaves exactly what the ORM path
(:func:`dirtrack.store.directives.add_directive` under :mod:`dirtrack.audit`) leaves: the same
rows, stored as SQLAlchemy stores them (:func:`dirtrack.store.lite.params`), the same refusals
in the same order, and the same change log: one ``create`` row per inserted row, parents
first and within a table in key order, each with the row's whole image as JSON, then the
command row (:class:`ChangeLog`, which writes as :class:`dirtrack.store.history.ChangeWriter`
does on SQLite). ``tests/test_lite_assign.py`` holds the two paths equal.

Nothing here imports SQLAlchemy, SQLModel or pydantic.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from dirtrack.errors import InvalidInput, NotFound
from dirtrack.store import lite_read
from dirtrack.store.change_rows import default_actor as default_actor
from dirtrack.store.change_rows import directive_of, json_safe
from dirtrack.store.change_rows import dump as _dump
from dirtrack.store.directive_values import directive_text, optional
from dirtrack.store.lite import day, id_list, params, stored
from dirtrack.text import nfc

COMMAND = "command"
CREATE = "create"

# The columns of each table a lite command writes, in the models' order (dirtrack.models): the
# order of the keys of a change row's JSON image. The DATETIME columns come back as SQLAlchemy
# reads them and :func:`dirtrack.store.history.image_of` writes them: ISO with a ``T``.
DIRECTIVE_COLUMNS = (
    "id",
    "meeting_id",
    "unit_id",
    "text",
    "original_due",
    "due_text",
    "product",
    "key",
    "completed_on",
    "completion_note",
    "cancelled_on",
    "cancel_reason",
    "created_at",
)
COORDINATOR_COLUMNS = ("directive_id", "unit_id")
# SQLModel's UTCDateTime: stored as UTC without an offset, read back as UTC with one.
DATETIME_COLUMNS = frozenset({"created_at"})


def _quoted(name: str) -> str:
    return f'"{name}"'


def _insert(table: str, names: Sequence[str]) -> str:
    columns = ", ".join(_quoted(n) for n in names)
    values = ", ".join(f":{n}" for n in names)
    return f"INSERT INTO {table} ({columns}) VALUES ({values})"


def images(
    conn: sqlite3.Connection, table: str, columns: Sequence[str], where: str, order: Sequence[str]
) -> list[dict[str, Any]]:
    """The rows of ``table`` that ``where`` selects, as :func:`dirtrack.store.history.image_of`
    writes them into the change log (dates stay ``YYYY-MM-DD``; timestamps read back as
    SQLAlchemy reads them, then ISO)."""
    sql = (
        f"SELECT {', '.join(_quoted(c) for c in columns)} FROM {table} WHERE {where}"
        f" ORDER BY {', '.join(_quoted(c) for c in order)}"
    )
    found = []
    for row in conn.execute(sql):
        image = dict(zip(columns, row, strict=True))
        for name in DATETIME_COLUMNS.intersection(image):
            if isinstance(image[name], str):
                read = datetime.fromisoformat(image[name])
                image[name] = (read if read.tzinfo else read.replace(tzinfo=UTC)).isoformat()
        found.append(image)
    return found


class ChangeLog:
    """One command's rows in ``change_log``, written as :mod:`dirtrack.audit` writes them.

    :meth:`add` keeps each change row; :meth:`finish` writes them, numbered on from the largest
    id (the caller holds the write lock: ``BEGIN IMMEDIATE``), all with the same ``at`` and
    actor, then the command row naming their range. A command that changed nothing leaves
    nothing. Each row's columns are named once, in :meth:`_row`.
    """

    def __init__(self, conn: sqlite3.Connection, *, actor: str) -> None:
        self.conn = conn
        self.actor = actor[:200]
        # (action, entity, entity_id, before, after) of each change row, in order
        self._changes: list[tuple[str, str, int | None, Any, Any]] = []

    def add(self, action: str, entity: str, entity_id: int | None, before: Any, after: Any) -> None:
        self._changes.append((action, entity, entity_id, before, after))

    def created(self, entity: str, rows: Sequence[dict[str, Any]], *, int_key: bool) -> None:
        """A ``create`` row for each new row of ``entity`` (``int_key``: its key is ``id``)."""
        for image in rows:
            self.add(CREATE, entity, image["id"] if int_key else None, None, image)

    def _row(
        self,
        at: str,
        action: str,
        entity: str,
        entity_id: int | None,
        before: Any,
        after: Any,
    ) -> dict[str, Any]:
        return {
            "at": at,
            "actor": self.actor,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "before": _dump(before),
            "after": _dump(after),
            "directive_id": directive_of(entity, after if after is not None else before),
        }

    def finish(self, *, name: str, options: dict[str, Any]) -> int | None:
        """Write the change rows, then the command row; its id (None: nothing changed)."""
        if not self._changes:
            return None
        conn = self.conn
        at = stored(datetime.now(UTC))
        top = conn.execute("SELECT max(id) FROM change_log").fetchone()
        first = int(top[0] or 0) + 1
        rows = [
            {"id": first + n, **self._row(at, *change)} for n, change in enumerate(self._changes)
        ]
        conn.executemany(_insert("change_log", list(rows[0])), rows)
        last = first + len(rows) - 1
        summary = {"params": json_safe(options), "rows": [first, last], "count": len(rows)}
        command = self._row(at, str(name or "api")[:64], COMMAND, None, None, summary)
        cursor = conn.execute(_insert("change_log", list(command)), command)
        self._changes = []
        assert cursor.lastrowid is not None
        return int(cursor.lastrowid)


# --- assign ------------------------------------------------------------------------------------


def find_by_key(conn: sqlite3.Connection, key: str) -> list[int]:
    """The ids of the directives recorded with ``key`` (as typed; compared in NFC)."""
    sql = 'SELECT id FROM directive WHERE "key" = :key ORDER BY id'
    return [int(row[0]) for row in conn.execute(sql, {"key": nfc(key)})]


_INSERT_DIRECTIVE = _insert("directive", DIRECTIVE_COLUMNS[1:])
_INSERT_COORDINATOR = _insert("directive_coordinator", COORDINATOR_COLUMNS)


def add_directive(
    conn: sqlite3.Connection,
    *,
    meeting_id: int,
    held: date,
    unit_id: int,
    text: str,
    due: date | None,
    due_text: str | None,
    coordinator_ids: Sequence[int],
    product: str | None,
    key: str | None,
) -> int:
    """As :func:`dirtrack.store.directives.add_directive`: one directive for one lead unit.

    Raises:
        InvalidInput: empty text, or a deadline before the meeting.
    """
    text = directive_text(text, due, held)
    values = {
        "meeting_id": meeting_id,
        "unit_id": unit_id,
        "text": text,
        "original_due": due,
        "due_text": optional(due_text),
        "product": optional(product),
        "key": optional(key),
        "completed_on": None,
        "completion_note": None,
        "cancelled_on": None,
        "cancel_reason": None,
        "created_at": datetime.now(UTC),
    }
    cursor = conn.execute(_INSERT_DIRECTIVE, params(values))
    assert cursor.lastrowid is not None
    directive_id = int(cursor.lastrowid)
    conn.executemany(
        _INSERT_COORDINATOR,
        [{"directive_id": directive_id, "unit_id": u} for u in coordinator_ids if u != unit_id],
    )
    return directive_id


def assign(
    conn: sqlite3.Connection,
    log: ChangeLog,
    *,
    meeting_id: int,
    text: str,
    units: Sequence[str],
    attendees: bool,
    due: str | None,
    coordinators: Sequence[str],
    product: str | None,
    key: str | None,
    when: Callable[[str, date], date],
) -> list[int]:
    """Record a directive of meeting ``meeting_id`` for each lead unit (``units``, or every
    unit that attended), checked in the order of the ORM path; the ids of the new directives.

    ``when`` turns the deadline as typed into a day, relative to the meeting's date. The caller
    checks ``key`` first (:func:`find_by_key`) and writes ``log`` at the end.

    Raises:
        NotFound: no such meeting, or an unknown unit.
        Conflict: an ambiguous unit.
        InvalidInput: no attendees, an empty text, a bad deadline or one before the meeting.
    """
    found = conn.execute("SELECT date FROM meeting WHERE id = :id", {"id": meeting_id}).fetchone()
    if found is None:
        raise NotFound.of("no_meeting", id=meeting_id)
    held = day(found[0])
    assert held is not None
    index = lite_read.load_units(conn)
    if attendees:
        attending = lite_read.attendee_ids(conn, [meeting_id])[meeting_id]
        leads = [index.units[u] for u in attending]
        if not leads:
            raise InvalidInput.of("no_attendees", id=meeting_id)
    else:
        leads = index.resolve_many(units)
    others = [int(u.id) for u in index.resolve_many(coordinators) if u.id is not None]
    deadline = when(due, held) if due else None
    ids = [
        add_directive(
            conn,
            meeting_id=meeting_id,
            held=held,
            unit_id=int(lead.id),
            text=text,
            due=deadline,
            due_text=due,
            coordinator_ids=others,
            product=product,
            key=key,
        )
        for lead in leads
        if lead.id is not None
    ]
    # As dirtrack.audit records them: the table of the parents first, each in key order.
    listed = id_list(ids)
    log.created(
        "directive",
        images(conn, "directive", DIRECTIVE_COLUMNS, f"id IN ({listed})", ["id"]),
        int_key=True,
    )
    log.created(
        "directive_coordinator",
        images(
            conn,
            "directive_coordinator",
            COORDINATOR_COLUMNS,
            f"directive_id IN ({listed})",
            COORDINATOR_COLUMNS,
        ),
        int_key=False,
    )
    return ids
