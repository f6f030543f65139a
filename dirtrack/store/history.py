"""The change log's SQL: row images, writing one command's changes, and reading them back.

A command that changed something leaves, in ``change_log``, one row per changed table row
(``action`` ``create``, ``update`` or ``delete``; ``entity`` the table; ``before`` and ``after``
the whole row as JSON; ``directive_id`` the directive the row belongs to when the table is one
of :data:`DIRECTIVE_PARTS`, so that who last touched a directive is an index lookup) and then
one *command row* (``entity`` = ``command``, ``action`` the command's name) whose ``after``
names the range of ids of its change rows. Rows of one command are written together while the
writer holds the database's write lock, so the range holds exactly that command's rows.
:mod:`dirtrack.audit` decides what to record; this module only reads and writes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    BindParameter,
    Column,
    ColumnElement,
    Connection,
    Select,
    Table,
    bindparam,
    delete,
    exists,
    false,
    func,
    insert,
    select,
    text,
    true,
    tuple_,
    update,
)

from dirtrack.errors import InvalidInput
from dirtrack.models import MAX_ID
from dirtrack.store.tables import change_log as LOG
from dirtrack.store.tables import id_values, row_pages
from dirtrack.text import may_be_stored, path_text

if TYPE_CHECKING:  # annotations only: `overdue` reads last_touched without an ORM session
    from sqlalchemy.orm import Session

COMMAND = "command"
CREATE, UPDATE, DELETE = "create", "update", "delete"
UNDO = "undo"  # the command row of an undo (which is never undone)

# A JSON-safe copy of one table row, column name -> value (dates as ISO text).
Image = dict[str, Any]
PK = tuple[Any, ...]

_CHUNK = 400
BATCH = 2000  # rows read, or change rows written, at a time when a command changed many

# The rows that belong to a directive, and the column of their image that says which
# (change_log.directive_id).
DIRECTIVE_PARTS = {
    "directive": "id",
    "progress_entry": "directive_id",
    "extension": "directive_id",
    "directive_coordinator": "directive_id",
    "directive_result": "directive_id",
    "request": "directive_id",
    "closure": "directive_id",
    "returned_completion": "directive_id",
    "urging_directive": "directive_id",
}


def directive_of(entity: str, image: dict[str, Any] | None) -> int | None:
    """The directive a change row of ``entity`` with this image belongs to (the column
    ``change_log.directive_id``): the image's :data:`DIRECTIVE_PARTS` column for a directive
    part, else None. ``image`` is the row after the change, or before it for a deletion."""
    column = DIRECTIVE_PARTS.get(entity)
    value = image.get(column) if column is not None and image is not None else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def returned_by(conn: Connection, directive_id: int, returned_on: date) -> str | None:
    """Who returned the directive's completion on ``returned_on``: the actor of the change,
    not undone, that set its result's ``returned_on`` to that day (the latest, if twice); None
    when the change log holds none (a result imported with its return). Migration 0023 reads
    the rows kept before it the same way."""
    rows = conn.execute(
        select(LOG.c.id, LOG.c.actor, LOG.c.before, LOG.c.after)
        .where(
            LOG.c.directive_id == directive_id,
            LOG.c.entity == "directive_result",
            LOG.c.action == UPDATE,
            LOG.c.undone_by.is_(None),
        )
        .order_by(LOG.c.id.desc())
    )
    day = returned_on.isoformat()
    for entry, actor, before, after in rows:
        old, new = load_image(before, entry) or {}, load_image(after, entry) or {}
        if new.get("returned_on") == day and not old.get("returned_on"):
            return str(actor)
    return None


def default_actor() -> str:
    """Who is at the keyboard (or which account runs cron): ``DIRTRACK_ACTOR``, else the OS user."""
    actor = os.environ.get("DIRTRACK_ACTOR", "").strip()
    if actor:
        return actor
    import getpass  # here: a command that only reads names no actor

    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown"


def json_safe(value: Any) -> Any:
    """A command's options as the change log keeps them (enums by value, the rest as text): a
    file's name holding bytes that are not UTF-8 (the one value the parser lets through with
    them) with those bytes written ``\\xff``, as no text column holds them as they are."""
    if isinstance(value, str):
        return path_text(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    return str(value.value) if hasattr(value, "value") else str(value)


_ENCODER = json.JSONEncoder(ensure_ascii=False)  # as json.dumps(…, ensure_ascii=False), once


def _dump(image: Any) -> str | None:
    """A row image (or a command's summary) as the change log keeps it: JSON, text as typed."""
    return None if image is None else _ENCODER.encode(image)


# The rows (table, id) the named actions of a unit of work name (:func:`log_action`).
NAMED_ROWS = "dirtrack.named_rows"


def log_action(
    session: Session,
    *,
    action: str,
    entity: str,
    entity_id: int | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    """Add one change row of a named action (a directive moved, a limitation linked) to the unit
    of work, beside the rows :mod:`dirtrack.audit` records for it: reports read these."""
    from dirtrack.models import ChangeLog

    if entity_id is not None:
        session.info.setdefault(NAMED_ROWS, set()).add((entity, entity_id))
    session.add(
        ChangeLog(
            actor=default_actor(),
            action=action,
            entity=entity,
            entity_id=entity_id,
            before=_dump(before),
            after=_dump(after),
        )
    )


# Rows that belong to a meeting, a unit or a limitation, and the column that says which.
MEETING_PARTS = {"meeting": "id", "meeting_attendee": "meeting_id"}
UNIT_PARTS = {
    "unit": "id",
    "unit_alias": "unit_id",
    "unit_contact": "unit_id",
    "leader_assignment": "unit_id",  # a leader put in charge of the unit
}
LIMITATION_PARTS = {"limitation": "id"}


def _metadata() -> Any:
    # The models' metadata, with the foreign keys and their ON DELETE, for the writers.
    from dirtrack import models

    return models.metadata()


def audited_tables() -> list[Table]:
    """Every table whose changes are recorded, parents before children."""
    return [t for t in _metadata().sorted_tables if t.name != LOG.name]


def table_named(name: str) -> Table | None:
    table = _metadata().tables.get(name)
    return table if isinstance(table, Table) and table.name != LOG.name else None


def built_tables() -> list[Table]:
    """The audited tables whose classes are built so far, in the order of
    :func:`audited_tables`.

    The classes of :data:`dirtrack.models.LATER` are built when first named, and only a table
    whose class is built can be written to; none of the others refers to them, so that sorting
    these alone puts them in the order they have among all. A unit of work records its changes
    in these: a command that writes only to the register's main tables builds no other class.
    """
    return [t for t in LOG.metadata.sorted_tables if t.name != LOG.name]


def built_table(name: str) -> Table | None:
    """:func:`table_named` among the tables built so far (:func:`built_tables`)."""
    table = LOG.metadata.tables.get(name)
    return table if isinstance(table, Table) and table.name != LOG.name else None


@cache
def int_pk(table: Table) -> Column[Any] | None:
    """The table's primary key column when it is one integer column, else None."""
    cols = list(table.primary_key.columns)
    if len(cols) == 1 and _python_type(cols[0]) is int:
        return cols[0]
    return None


@cache
def _names(table: Table) -> tuple[str, ...]:
    return tuple(c.name for c in table.columns)


@cache
def _pk_names(table: Table) -> tuple[str, ...]:
    return tuple(c.name for c in table.primary_key.columns)


def pk_of(table: Table, image: Image) -> PK:
    return tuple(image[name] for name in _pk_names(table))


def pk_key(pk: Iterable[Any]) -> PK:
    """A primary key as images hold it (:func:`pk_of`: a date as ISO text), whichever form it
    came in: the ORM's identities and the values of an INSERT hold ``date`` objects, and a key
    of one form is not found among keys of the other (``calendar_day``, keyed by its day)."""
    return tuple(v.isoformat() if isinstance(v, date) else v for v in pk)


def pk_order(pk: PK) -> tuple[str, ...]:
    """The order change rows list a table's rows in (numeric for integer keys)."""
    return tuple(str(v).zfill(20) for v in pk)


@cache
def _dated(table: Table) -> tuple[str, ...]:
    """The columns of ``table`` that may hold a date or a time (those whose Python type is a
    date's, a datetime's, or not known)."""
    return tuple(
        c.name for c in table.columns if (kind := _python_type(c)) is None or issubclass(kind, date)
    )


def image_of(table: Table, row: Any) -> Image:
    """A row of ``select(table)`` (columns in the table's order) as an image."""
    image = dict(zip(_names(table), row, strict=True))
    for name in _dated(table):
        value = image[name]
        if isinstance(value, date):  # datetimes too
            image[name] = value.isoformat()
    return image


def python_values(table: Table, image: Image) -> dict[str, Any]:
    """An image's values as the column types want them back (dates from ISO text)."""
    return {column.name: _python_value(column, image.get(column.name)) for column in table.columns}


def _python_value(column: Column[Any], value: Any) -> Any:
    """An image's value as the column's type wants it back (a date from ISO text)."""
    if isinstance(value, str):
        kind = _python_type(column)
        if kind is datetime:
            return datetime.fromisoformat(value)
        if kind is date:
            return date.fromisoformat(value)
    return value


def _python_type(column: Column[Any]) -> type | None:
    """The Python type of a column, looking through type decorators (SQLModel's UTCDateTime)."""
    for kind in (column.type, getattr(column.type, "impl_instance", None)):
        try:
            found = kind.python_type if kind is not None else None
        except NotImplementedError:
            continue
        if found is not None and found is not object:
            return found
    return None


def _pk_match(table: Table, pks: Sequence[PK]) -> ColumnElement[bool]:
    cols = list(table.primary_key.columns)
    if len(cols) == 1:
        return cols[0].in_([_python_value(cols[0], pk[0]) for pk in pks])
    return tuple_(*cols).in_(
        [tuple(_python_value(c, v) for c, v in zip(cols, pk, strict=True)) for pk in pks]
    )


def fetch_rows(conn: Connection, table: Table, pks: Iterable[PK]) -> dict[PK, Image]:
    """The rows with these primary keys as they are now (missing ones are left out)."""
    wanted = list(dict.fromkeys(pks))
    found: dict[PK, Image] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        for row in conn.execute(select(table).where(_pk_match(table, chunk))):
            img = image_of(table, row)
            found[pk_of(table, img)] = img
    return found


def fetch_where(
    conn: Connection, table: Table, where: ColumnElement[bool], params: dict[str, Any] | None
) -> dict[PK, Image]:
    """The rows a bulk UPDATE or DELETE with this WHERE clause is about to change."""
    found: dict[PK, Image] = {}
    for row in conn.execute(select(table).where(where), params or {}):
        img = image_of(table, row)
        found[pk_of(table, img)] = img
    return found


def fetch_cascade(
    conn: Connection, table: Table, pks: Sequence[PK]
) -> list[tuple[Table, dict[PK, Image]]]:
    """The rows the database deletes along with these (``ON DELETE CASCADE``), recursively."""
    found: list[tuple[Table, dict[PK, Image]]] = []
    if int_pk(table) is None or not pks:
        return found
    ids = [pk[0] for pk in pks]
    for child in audited_tables():
        for fk in child.foreign_keys:
            if fk.column.table is not table or (fk.ondelete or "").upper() != "CASCADE":
                continue
            rows: dict[PK, Image] = {}
            for start in range(0, len(ids), _CHUNK):
                query = select(child).where(fk.parent.in_(ids[start : start + _CHUNK]))
                for row in conn.execute(query):
                    img = image_of(child, row)
                    rows[pk_of(child, img)] = img
            if rows:
                found.append((child, rows))
                found.extend(fetch_cascade(conn, child, list(rows)))
    return found


def max_ids(conn: Connection, tables: Iterable[Table] | None = None) -> dict[str, int]:
    """The highest id of each table with an integer key (of ``tables``; default every
    audited table): rows above it are new (one query). For a link table (:func:`age_key`), the
    greater of the highest id of the table it refers to and the highest reference it holds: a
    link a register damaged by another program holds to a row that is not there (which
    ``doctor --repair`` re-creates) is old, not made by the unit of work that re-creates it.

    The query is written as text: every writing command runs it, and compiling it from a dozen
    subqueries took twenty times as long as running it.
    """
    quote = conn.dialect.identifier_preparer.quote
    greatest = "max" if conn.dialect.name == "sqlite" else "greatest"

    def highest(table: Table, column: Column[Any]) -> str:
        return f"coalesce((SELECT max({quote(column.name)}) FROM {quote(table.name)}), 0)"

    found: dict[str, str] = {}
    for t in audited_tables() if tables is None else tables:
        age = age_key(t)
        if age is None:
            continue
        column, name = age
        if name == t.name:
            found[t.name] = highest(t, column)
            continue
        parent = built_table(name)
        parent_key = int_pk(parent) if parent is not None else None
        if parent is not None and parent_key is not None:
            found[t.name] = f"{greatest}({highest(t, column)}, {highest(parent, parent_key)})"
    if not found:
        return {}
    row = conn.execute(text(f"SELECT {', '.join(found.values())}")).one()
    return dict(zip(found, map(int, row), strict=True))


@cache
def age_key(table: Table) -> tuple[Column[Any], str] | None:
    """The key column that tells a row newer than a given moment, and the table it refers to
    (:func:`max_ids` gives the highest at that moment under the name of ``table`` itself); None
    for a table without one.

    A table's own integer key; for a link table (its key a pair of references, such as
    ``directive_coordinator``), the first key column, which refers to the table named: a link
    to a row that did not exist then did not exist either.
    """
    column = int_pk(table)
    if column is not None:
        return column, table.name
    first = next(iter(table.primary_key.columns))
    for fk in first.foreign_keys:
        parent = fk.column.table
        if isinstance(parent, Table) and int_pk(parent) is fk.column:
            return first, parent.name
    return None


def pages_above(conn: Connection, table: Table, baseline: int) -> Iterator[list[Image]]:
    """The rows whose :func:`age_key` is above ``baseline`` as images, in the order of their
    primary key, :data:`BATCH` at a time (each page a query from the last key of the one
    before, as :func:`dirtrack.store.tables.pages`)."""
    found = age_key(table)
    assert found is not None
    column = found[0]
    keys = list(table.primary_key.columns)
    if len(keys) == 1:
        for rows in row_pages(conn, table, BATCH, above=baseline, key=column):
            yield [image_of(table, row) for row in rows]
        return
    marks: list[BindParameter[Any]] = [bindparam(f"after_{i}") for i in range(len(keys))]
    query = select(table).where(column > baseline).order_by(*keys).limit(BATCH)
    after: PK | None = None
    while True:
        step = query if after is None else query.where(tuple_(*keys) > tuple_(*marks))
        values = {} if after is None else {f"after_{i}": v for i, v in enumerate(after)}
        page = [image_of(table, row) for row in conn.execute(step, values)]
        if not page:
            return
        yield page
        if len(page) < BATCH:
            return
        after = pk_of(table, page[-1])


def lock_writers(conn: Connection) -> None:
    """On PostgreSQL, one writer at a time until commit, as SQLite's write lock does."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(727275)"))


def defer_foreign_keys(conn: Connection) -> None:
    """Check foreign keys at commit rather than per statement (SQLite; a no-op elsewhere)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")


def insert_rows(conn: Connection, table: Table, images: Sequence[Image]) -> None:
    if images:
        conn.execute(insert(table), [python_values(table, image) for image in images])


def update_row(conn: Connection, table: Table, image: Image) -> None:
    values = python_values(table, image)
    pk = pk_of(table, image)
    conn.execute(update(table).where(_pk_match(table, [pk])).values(**values))


def delete_rows(conn: Connection, table: Table, pks: Sequence[PK]) -> None:
    """Delete these rows. Those that point at each other (a unit and its parent or successor
    removed together, a repeat of a limitation deleted with it) are unlinked first: on SQLite a
    trigger, looking row by row, keeps a row another row of its table names
    (:func:`dirtrack.models.own_link_triggers`)."""
    _clear_own_links(conn, table, pks)
    for start in range(0, len(pks), _CHUNK):
        conn.execute(delete(table).where(_pk_match(table, pks[start : start + _CHUNK])))


def _clear_own_links(conn: Connection, table: Table, pks: Sequence[PK]) -> None:
    key = int_pk(table)
    if key is None:
        return
    ids = {pk[0] for pk in pks}
    for fk in table.foreign_keys:
        if fk.column.table is not table or not fk.parent.nullable:
            continue
        linked: list[Any] = []
        for start in range(0, len(pks), _CHUNK):
            chunk = [pk[0] for pk in pks[start : start + _CHUNK]]
            query = select(key, fk.parent).where(key.in_(chunk), fk.parent.is_not(None))
            linked += [row_id for row_id, target in conn.execute(query) if target in ids]
        for start in range(0, len(linked), _CHUNK):
            chunk = linked[start : start + _CHUNK]
            conn.execute(update(table).where(key.in_(chunk)).values({fk.parent.name: None}))


@dataclass(frozen=True)
class Change:
    """One row of one table, before and after a command (None: the row did not exist)."""

    table: Table
    before: Image | None
    after: Image | None

    @property
    def action(self) -> str:
        return CREATE if self.before is None else DELETE if self.after is None else UPDATE

    @property
    def pk(self) -> PK:
        image = self.after if self.after is not None else self.before
        assert image is not None
        return pk_of(self.table, image)


class ChangeWriter:
    """Writes one command's change rows as they come, :data:`BATCH` at a time, then its
    command row, so that a command that changed many rows never holds all of them at once.

    The first change row takes the write lock (:func:`lock_writers`; on SQLite a write
    statement), so the ids of the command's change rows form one range no other writer can
    enter. On SQLite the ids are given here, counting on from the largest, and the rows go in
    with the driver's plain executemany: SQLite would run ``INSERT … RETURNING`` row by row, and
    every value is already what the driver takes (text, integers; ``at`` converted once).
    PostgreSQL hands out the ids (``RETURNING``, batched there).
    """

    _COLUMNS = (
        "id",
        "at",
        "actor",
        "action",
        "entity",
        "entity_id",
        "before",
        "after",
        "directive_id",
    )

    def __init__(self, conn: Connection, *, at: datetime, actor: str) -> None:
        self.conn = conn
        self.at = at
        self.actor = actor
        self.first: int | None = None
        self.last = 0
        self.count = 0
        self._next: int | None = None  # the next id on SQLite, once the lock is held
        self._sql = ""  # SQLite's INSERT, and `at` as the driver takes it
        self._at: Any = at
        # (action, entity, entity_id, before, after, directive_id) of the rows not written yet
        self._rows: list[tuple[str, str, int | None, str | None, str | None, int | None]] = []

    def add(self, change: Change) -> None:
        self._add(change.action, change.table, change.before, change.after)

    def add_created(self, table: Table, images: Iterable[Image]) -> None:
        """A change row for each of ``images``, rows of ``table`` the command created: as
        :meth:`add` of ``Change(table, None, image)`` each, without building the change (an
        import creates thousands)."""
        for image in images:
            self._add(CREATE, table, None, image)

    def _add(self, action: str, table: Table, before: Image | None, after: Image | None) -> None:
        image = after if after is not None else before
        assert image is not None
        entity_id = image[_pk_names(table)[0]] if int_pk(table) is not None else None
        self._rows.append(
            (
                action,
                # a plain str: the driver looks a str subclass (the table's quoted_name) up among
                # its adapters, a call of the name's __getattr__ for every change row
                str(table.name),
                entity_id,
                _dump(before),
                _dump(after),
                directive_of(table.name, image),
            )
        )
        if len(self._rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the change rows added since the last flush."""
        rows, self._rows = self._rows, []
        if not rows:
            return
        if self.conn.dialect.name == "sqlite":
            low, high = self._write_sqlite(rows)
        else:
            low, high = self._write_returning(rows)
        self.first = low if self.first is None else min(self.first, low)
        self.last = max(self.last, high)
        self.count += len(rows)

    def _write_sqlite(self, rows: list[tuple[Any, ...]]) -> tuple[int, int]:
        conn = self.conn
        if self._next is None:
            conn.execute(update(LOG).where(false()).values(id=LOG.c.id))  # the write lock
            self._next = int(conn.execute(select(func.max(LOG.c.id))).scalar() or 0) + 1
            sql = insert(LOG).compile(dialect=conn.dialect, column_keys=list(self._COLUMNS))
            assert list(sql.positiontup or ()) == list(self._COLUMNS)
            self._sql = str(sql)
            convert = LOG.c.at.type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
            self._at = convert(self.at) if convert is not None else self.at
        first = self._next
        conn.exec_driver_sql(
            self._sql,
            [(first + n, self._at, self.actor, *row) for n, row in enumerate(rows)],
        )
        self._next = first + len(rows)
        return first, self._next - 1

    def _write_returning(self, rows: list[tuple[Any, ...]]) -> tuple[int, int]:
        conn = self.conn
        if self.first is None:
            lock_writers(conn)
        names = self._COLUMNS[1:]
        statement = insert(LOG).returning(LOG.c.id, sort_by_parameter_order=True)
        params = [dict(zip(names, (self.at, self.actor, *row), strict=True)) for row in rows]
        got = [int(i) for i in conn.execute(statement, params).scalars()]
        return min(got), max(got)

    def finish(self, *, name: str, params: dict[str, Any], undoes: Sequence[int] = ()) -> int:
        """Write the command row after the change rows; return its id."""
        self.flush()
        assert self.first is not None, "a command row needs change rows"
        conn = self.conn
        summary: dict[str, Any] = {
            "params": params,
            "rows": [self.first, self.last],
            "count": self.count,
        }
        if undoes:
            summary["undoes"] = list(undoes)
        result = conn.execute(
            insert(LOG).returning(LOG.c.id),
            {
                "at": self.at,
                "actor": self.actor,
                "action": name,
                "entity": COMMAND,
                "entity_id": None,
                "before": None,
                "after": _dump(summary),
                "directive_id": None,
            },
        )
        command_id = int(result.scalar_one())
        for undone in undoes:
            first, last = _range_of(conn, undone)
            conn.execute(
                update(LOG)
                .where((LOG.c.id == undone) | LOG.c.id.between(first, last))
                .values(undone_by=command_id)
            )
            conn.execute(
                update(LOG)
                .where(_named_actions_before(first), LOG.c.undone_by.is_(None))
                .values(undone_by=command_id)
            )
        return command_id


def _named_actions_before(first: int) -> ColumnElement[bool]:
    """The rows of named actions (:func:`log_action`: a directive moved, a limitation linked)
    of the command whose change rows begin at ``first``: the unit of work adds them before its
    change rows are written, so they lie between the previous command row and ``first``
    (a writing unit holds the write lock from its start, so no other command's rows come
    between). Undoing the command undoes them too: readers of moves and links skip them then."""
    previous = (
        select(func.coalesce(func.max(LOG.c.id), 0))
        .where(LOG.c.entity == COMMAND, LOG.c.id < first)
        .scalar_subquery()
    )
    return (
        (LOG.c.id > previous)
        & (LOG.c.id < first)
        & (LOG.c.entity != COMMAND)
        & LOG.c.action.not_in([CREATE, UPDATE, DELETE])
    )


def _range_of(conn: Connection, command_id: int) -> tuple[int, int]:
    raw = conn.execute(select(LOG.c.after).where(LOG.c.id == command_id)).scalar_one()
    first, last = load_image(raw, command_id)["rows"]
    return int(first), int(last)


# --- reading -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CommandEntry:
    """One recorded command: who ran it, when, and the ids of its change rows."""

    id: int
    at: datetime
    actor: str
    name: str
    params: dict[str, Any]
    first: int
    last: int
    count: int
    undoes: tuple[int, ...]
    undone_by: int | None


@dataclass(frozen=True)
class ChangeEntry:
    """One change row."""

    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: int | None
    before: Image | None
    after: Image | None
    undone_by: int | None

    @property
    def image(self) -> Image:
        found = self.after if self.after is not None else self.before
        return found or {}


def load_image(raw: str | None, entry: int | None = None) -> Any:
    """A change row's ``before`` or ``after`` (JSON text) read back; None for NULL.

    Raises:
        DatabaseError: it is not JSON (edited by hand or by another program), naming the
            history entry ``entry`` where the reader knows it; doctor's check ``history``
            names every such entry.
    """
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except ValueError:  # JSONDecodeError, or text that is not UTF-8
        from dirtrack.errors import DatabaseError

        if entry is None:
            raise DatabaseError.of("db_history_not_json_unnamed") from None
        raise DatabaseError.of("db_history_not_json", id=entry) from None


def _command(row: Any) -> CommandEntry:
    info = load_image(row.after, row.id) or {}
    first, last = info.get("rows", [0, -1])
    return CommandEntry(
        id=row.id,
        at=row.at,
        actor=row.actor,
        name=row.action,
        params=info.get("params") or {},
        first=int(first),
        last=int(last),
        count=int(info.get("count", 0)),
        undoes=tuple(info.get("undoes", ())),
        undone_by=row.undone_by,
    )


def _change(row: Any) -> ChangeEntry:
    return ChangeEntry(
        id=row.id,
        at=row.at,
        actor=row.actor,
        action=row.action,
        entity=row.entity,
        entity_id=row.entity_id,
        before=load_image(row.before, row.id),
        after=load_image(row.after, row.id),
        undone_by=row.undone_by,
    )


def former_names(conn: Connection, entity: str, column: str) -> dict[int, str]:
    """The ``column`` (a code, a name) of every ``entity`` row the change log saw deleted, by
    id, as it was when deleted: ``history`` says a unit, field or leader an undo (or a
    deletion) took away since by its code or name, as it says those still there, not ``#1``.
    Read by the log's index of actions (deletions are few); ids are never handed out twice."""
    query = (
        select(LOG.c.id, LOG.c.entity_id, LOG.c.before)
        .where(LOG.c.action == DELETE, LOG.c.entity == entity, LOG.c.entity_id.is_not(None))
        .order_by(LOG.c.id)
    )
    found: dict[int, str] = {}
    for entry, ident, before in conn.execute(query):
        image = load_image(before, entry) or {}
        if image.get(column) is not None:
            found[int(ident)] = str(image[column])
    return found


def check_limit(limit: int) -> int:
    """``history --limit``: how many commands, 0 for all; never fewer than none."""
    if limit < 0:
        raise InvalidInput.of("bad_limit", n=limit)
    return limit


def recent_commands(
    session: Session, *, limit: int | None = None, actor: str | None = None
) -> list[CommandEntry]:
    """Recorded commands, newest first."""
    query = select(LOG).where(LOG.c.entity == COMMAND)
    if actor is not None:
        named = actors_named(session, actor)
        if not named:
            return []
        query = query.where(LOG.c.actor.in_(sorted(named)))
    query = query.order_by(LOG.c.id.desc())
    # No more commands than ids (INTEGER) can be: a larger limit is none, on either backend.
    if limit and limit <= MAX_ID:
        query = query.limit(limit)
    return [_command(row) for row in session.connection().execute(query)]


#: The command name of the occurrences of periodic directives that a reading command created
#: (:func:`dirtrack.cli.common.ensure_occurrences`): a bare ``undo`` passes over it, since the
#: next reading command would create them again; ``undo ID`` still undoes it, and a command it
#: touched since is undone with it (:func:`dirtrack.audit.undo`).
GENERATE = "series generate"
#: The name of ``doctor --repair``'s command row: its placeholders are what ``doctor`` names
#: until renamed (:func:`dirtrack.store.repair.placeholders`), and its undo puts back rows pointing
#: to records that are not there (:func:`dirtrack.audit.undo`).
REPAIR = "doctor --repair"


def commands_to_undo(
    session: Session, count: int, *, actor: str | None = None
) -> list[CommandEntry]:
    """The newest ``count`` commands not undone yet (of ``actor`` only, when given), newest
    first; an undo is never undone, nor are the occurrences a reading command created
    (:data:`GENERATE`)."""
    query = (
        select(LOG)
        .where(
            LOG.c.entity == COMMAND,
            LOG.c.undone_by.is_(None),
            LOG.c.action.not_in((UNDO, GENERATE)),
        )
        .order_by(LOG.c.id.desc())
        .limit(count)
    )
    if actor is not None:
        query = query.where(_by(actor))
    return [_command(row) for row in session.connection().execute(query)]


def actors_named(session: Session, name: str) -> set[str]:
    """The actors of the change log that ``name`` (``history --by``) names: as units and
    search match, regardless of case, accents and where the tones are placed (``nguyen van
    a``, ``NGUYỄN VĂN A`` and ``Nguyễn Văn A`` are one; :func:`dirtrack.text.fold`). Compared
    here, not by the database, so that SQLite and PostgreSQL find the same (the log holds as
    many names as people who ran commands)."""
    from dirtrack.text import fold

    if not may_be_stored(name):
        return set()
    key = fold(name)
    query = select(LOG.c.actor).where(LOG.c.entity == COMMAND).distinct()
    return {a for a in session.connection().execute(query).scalars() if fold(a) == key}


def _by(actor: str) -> ColumnElement[bool]:
    """The changes of ``actor``, whichever style their name's tones were typed in (``Hoà`` and
    ``Hòa`` are one person: :func:`dirtrack.text.tone_spellings`)."""
    from dirtrack.text import tone_spellings

    return LOG.c.actor.in_(sorted({actor, *tone_spellings(actor)}))


def command_named(session: Session, ident: int) -> CommandEntry | None:
    """The command ``ident`` names: its command row, or one of its change rows; None for an
    id that is neither (a named action such as a move belongs to no range)."""
    conn = session.connection()
    row = conn.execute(select(LOG).where(LOG.c.id == ident)).first()
    if row is None:
        return None
    if row.entity == COMMAND:
        return _command(row)
    after = select(LOG).where(LOG.c.entity == COMMAND, LOG.c.id > ident).order_by(LOG.c.id).limit(1)
    owner = conn.execute(after).first()
    found = _command(owner) if owner is not None else None
    return found if found is not None and found.first <= ident <= found.last else None


def later_commands_touching(
    session: Session,
    command: CommandEntry,
    changes: Sequence[ChangeEntry],
    *,
    skip: Iterable[int] = (),
) -> list[CommandEntry]:
    """The commands after ``command``, not undone, that changed a row it changed, or that
    point at a row it created (a directive at a meeting it recorded): undoing ``command``
    would take their work with it. ``skip``: commands being undone together with it.

    An undo counts only when it reverted a command older than ``command``: one that reverted
    later commands put the rows back as ``command`` left them.
    """
    from dirtrack import models  # noqa: F401  (registers the tables)

    skipped = set(skip)
    touched: set[tuple[str, PK]] = set()
    created: dict[str, set[Any]] = {}
    for change in changes:
        table = table_named(change.entity)
        if table is None:
            continue
        pk = pk_of(table, change.image)
        touched.add((table.name, pk))
        if change.action == CREATE and int_pk(table) is not None:
            created.setdefault(table.name, set()).add(pk[0])
    links: dict[str, list[tuple[str, str]]] = {}  # table -> (column, table it points at)
    for table in audited_tables():
        for fk in table.foreign_keys:
            if fk.column.table.name in created:
                links.setdefault(table.name, []).append((fk.parent.name, fk.column.table.name))
    entities = sorted({name for name, _ in touched} | set(links))
    if not entities:
        return []
    conn = session.connection()
    query = (
        select(LOG.c.id, LOG.c.entity, LOG.c.before, LOG.c.after)
        .where(
            LOG.c.id > command.last,
            LOG.c.entity.in_(entities),
            LOG.c.undone_by.is_(None),
            LOG.c.action.in_([CREATE, UPDATE, DELETE]),
        )
        .order_by(LOG.c.id)
    )
    hits: list[int] = []
    for ident, entity, raw_before, raw_after in conn.execute(query):
        table = table_named(entity)
        if table is None:
            continue
        images = [
            img for img in (load_image(raw_before, ident), load_image(raw_after, ident)) if img
        ]
        if not images:
            continue
        if (entity, pk_of(table, images[-1])) in touched or any(
            img.get(column) in created[parent]
            for img in images
            for column, parent in links.get(entity, ())
        ):
            hits.append(ident)
    if not hits:
        return []
    owners: dict[int, CommandEntry] = {}
    pending = iter(hits)
    hit: int | None = next(pending)
    commands = (
        select(LOG)
        .where(LOG.c.entity == COMMAND, LOG.c.id > hits[0])
        .order_by(LOG.c.id)
        .execution_options(yield_per=500)
    )
    result = conn.execute(commands)
    try:
        for row in result:
            owner = _command(row)
            while hit is not None and hit <= owner.last:
                if owner.first <= hit:
                    owners[owner.id] = owner
                hit = next(pending, None)
            if hit is None:
                break
    finally:
        result.close()  # stopped early: the server-side cursor is closed, not left to GC
    return [
        owner
        for owner in owners.values()
        if owner.id not in skipped
        and owner.undone_by is None
        and not (owner.name == UNDO and owner.undoes and min(owner.undoes) > command.id)
    ]


def command_changes(session: Session, command: CommandEntry) -> list[ChangeEntry]:
    query = (
        select(LOG)
        .where(LOG.c.id.between(command.first, command.last), LOG.c.entity != COMMAND)
        .order_by(LOG.c.id)
    )
    return [_change(row) for row in session.connection().execute(query)]


def command_of(session: Session, change_ids: Sequence[int]) -> dict[int, CommandEntry]:
    """The command each change row belongs to (the command row right after its range)."""
    if not change_ids:
        return {}
    low = min(change_ids)
    query = select(LOG).where(LOG.c.entity == COMMAND, LOG.c.id > low).order_by(LOG.c.id)
    commands = [_command(row) for row in session.connection().execute(query)]
    found: dict[int, CommandEntry] = {}
    for change_id in change_ids:
        for command in commands:
            if command.first <= change_id <= command.last:
                found[change_id] = command
                break
    return found


def changes_of(
    session: Session, parts: dict[str, str], entity_id: int, *, include_undone: bool = True
) -> list[ChangeEntry]:
    """Every change to one thing and its parts (``parts``: table -> column naming the thing)."""
    query = select(LOG).where(LOG.c.entity.in_(list(parts))).order_by(LOG.c.id)
    if not include_undone:
        query = query.where(LOG.c.undone_by.is_(None))
    found = []
    for row in session.connection().execute(query):
        change = _change(row)
        if change.image.get(parts[change.entity]) == entity_id:
            found.append(change)
    return found


@cache
def _touched_query(dialect: str) -> Select[int, datetime, str]:
    """The newest change row not undone of each directive of the parameter ``ids``: its
    directive, time and actor (one row per directive that has one)."""
    wanted = id_values(dialect)
    if dialect == "postgresql":
        # Per directive, one backward step down the index on (directive_id, id): a plan that
        # holds even before the table's statistics catch up with a large import.
        newest = (
            select(LOG.c.at, LOG.c.actor)
            .where(LOG.c.directive_id == wanted.c.value, LOG.c.undone_by.is_(None))
            .order_by(LOG.c.id.desc())
            .limit(1)
            .lateral("newest")
        )
        return select(wanted.c.value, newest.c.at, newest.c.actor).select_from(
            wanted.join(newest, true())
        )
    # SQLite: per directive of the list, the same backward step down the index, which stops at
    # the newest row not undone (one row read) instead of reading every row of the directive
    # to take the largest id (a long-lived directive has dozens, each on a page of its own in a
    # large log).
    row = LOG.alias("latest")
    latest = (
        select(row.c.id)
        .where(row.c.directive_id == wanted.c.value, row.c.undone_by.is_(None))
        .order_by(row.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    ids = select(latest).select_from(wanted)
    return select(LOG.c.directive_id, LOG.c.at, LOG.c.actor).where(LOG.c.id.in_(ids))


def last_touched(conn: Connection, directive_ids: Iterable[int]) -> dict[int, tuple[datetime, str]]:
    """When, and by whom, each directive (or its progress, extensions…) was last changed.

    That is the newest change row not undone among those whose ``directive_id`` names the
    directive (the highest id: the rows of one command share their time), read through the
    index on ``(directive_id, id)``, in one statement however many directives. A directive
    without such a row is left out. A listing reads the same with its rows:
    :func:`touched_columns`.
    """
    query = _touched_query(conn.dialect.name)
    found: dict[int, tuple[datetime, str]] = {}
    for directive_id, at, actor in conn.execute(query, {"ids": sorted(set(directive_ids))}):
        found[int(directive_id)] = (at, actor)
    return found


def changed_after_creation(conn: Connection, directive_id: int) -> bool:
    """Whether a change not undone names the directive (or its progress, requests,
    coordinators…) after the command that created it: the latest creation not undone, whose
    rows end at the next command row (an undo that restored it creates it again); any change
    when no creation was logged (rows written in bulk, as an import does). The rows an undo
    wrote do not count: they put back what was there before."""
    created = (
        select(func.max(LOG.c.id))
        .where(
            LOG.c.entity == "directive",
            LOG.c.action == CREATE,
            LOG.c.entity_id == directive_id,
            LOG.c.undone_by.is_(None),
        )
        .scalar_subquery()
    )
    command = (
        select(func.min(LOG.c.id))
        .where(LOG.c.entity == COMMAND, LOG.c.id > created)
        .scalar_subquery()
    )
    row, owner = LOG.alias("row"), LOG.alias("owner")
    # the command a row belongs to: the first command row after it
    its_command = (
        select(owner.c.action)
        .where(owner.c.entity == COMMAND, owner.c.id > row.c.id)
        .order_by(owner.c.id)
        .limit(1)
        .scalar_subquery()
    )
    later = exists().where(
        row.c.directive_id == directive_id,
        row.c.undone_by.is_(None),
        row.c.id > func.coalesce(command, 0),
        # what an undo wrote puts back what was there before: nothing recorded of its own
        func.coalesce(its_command, "") != UNDO,
    )
    return bool(conn.execute(select(later)).scalar())


# What a sheet imported again by key compares with the register, as the change log holds each:
# the tables whose rows change it, and the column of a directive row's image that holds it
# (a row of the other tables is a change of it whatever it holds: the coordinating units; an
# extension, which changes the deadline in force).
EDITABLE: dict[str, tuple[tuple[str, ...], str | None]] = {
    "text": (("directive",), "text"),
    "product": (("directive",), "product"),
    "unit": (("directive",), "unit_id"),
    "with": (("directive_coordinator",), None),
    "due": (("directive", "extension"), "original_due"),
}


@dataclass(frozen=True)
class Correction:
    """A directive's ``field`` as ``edit directive`` last left it: ``change``, the number of
    that command; ``before``, the field's value (its image's column, as the log keeps it)
    before the edits that followed each other on it (None for the coordinating units)."""

    change: int
    before: Any = None


def corrected_by_edit(conn: Connection, directive_id: int, field: str) -> Correction | None:
    """How ``edit directive`` corrected the directive's ``field`` (a key of :data:`EDITABLE`),
    when the latest change of it not undone is such an edit; else None (never corrected, or
    changed since by another command: an import, ``extend``, an undo). A sheet imported again by
    key leaves such a correction as it is and says so: the sheet's old value would otherwise
    replace it without a word."""
    entities, column = EDITABLE[field]
    rows = conn.execute(
        select(LOG.c.id, LOG.c.entity, LOG.c.action, LOG.c.before, LOG.c.after)
        .where(
            LOG.c.directive_id == directive_id,
            LOG.c.entity.in_(entities),
            LOG.c.undone_by.is_(None),
        )
        .order_by(LOG.c.id.desc())
    )
    found: Correction | None = None
    for change_id, entity, action, before, after in rows:
        old, new = load_image(before, change_id) or {}, load_image(after, change_id) or {}
        if entity == "directive" and (action != UPDATE or old.get(column) == new.get(column)):
            if action == CREATE:
                break
            continue
        owner = conn.execute(
            select(LOG.c.id, LOG.c.action)
            .where(LOG.c.entity == COMMAND, LOG.c.id > change_id)
            .order_by(LOG.c.id)
            .limit(1)
        ).first()
        if owner is None or owner.action != "edit directive":
            break
        was = old.get(column) if entity == "directive" and column is not None else None
        found = Correction(found.change if found else int(owner.id), was)
    return found


def touched_columns(ident: ColumnElement[int]) -> tuple[ColumnElement[Any], ColumnElement[Any]]:
    """What :func:`last_touched` gives, when and by whom, of the directive whose id is
    ``ident`` (a column of the statement they go in): two subqueries correlated on it, NULL
    when no change row names it, so that a listing reads them with its own rows instead of
    a statement of its own per batch. Each is one backward step down the index on
    ``(directive_id, id)``; the second reads the pages the first has just read."""

    def newest(name: str, column: str) -> ColumnElement[Any]:
        row = LOG.alias(name)
        return (
            select(row.c[column])
            .where(row.c.directive_id == ident, row.c.undone_by.is_(None))
            .order_by(row.c.id.desc())
            .limit(1)
            .scalar_subquery()
        )

    return newest("touched_at", "at"), newest("touched_by", "actor")
