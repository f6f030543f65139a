"""What a column can hold, checked before the database sees a value, on both backends alike.

The lengths are the models' own: every ``max_length`` (``String(n)``) column of
:mod:`dirtrack.models` (a unit's code 64, a meeting's doc and key 200…). PostgreSQL refuses a
longer value with a DataError, SQLite stores it, so a register kept on SQLite could not always
move to PostgreSQL. Every INSERT and UPDATE, from the ORM or from Core (import's bulk
statements), passes :func:`check_row` first (:func:`install` puts it on the engine): a value too
long is an :class:`~dirtrack.errors.InvalidInput` naming the column, whichever the backend.

Ids have their limit in :data:`dirtrack.models.MAX_ID`, PostgreSQL's INTEGER: a row the
database numbers past it (the register holds an imported id of 2,147,483,647) is refused, after
its INSERT, with the transaction (:func:`check_ids`); PostgreSQL's sequence refuses it first
(``dirtrack.cli.app`` says both alike). SQLite stored it, under an id no command could name.
A table another program gave the id 2**63 - 1 (or whose counter it set there) takes no row at
all on SQLite, which says its disk is full: :func:`ids_held_past_limit` says which record (or
counter) holds the ids up, as ``doctor`` names it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    ExceptionContext,
    Insert,
    Table,
    Update,
    event,
    func,
    select,
)

from dirtrack.errors import InvalidInput


def _lengths(table: Table) -> dict[str, int]:
    found = table.info.get("dirtrack.lengths")
    if found is None:
        # String(n), or SQLModel's AutoString(n) (a TypeDecorator over String, with .length).
        found = {
            column.key: length
            for column in table.columns
            if isinstance(length := getattr(column.type, "length", None), int)
        }
        table.info["dirtrack.lengths"] = found
    return found


def lengths(table: Table) -> Mapping[str, int]:
    """The length each column of ``table`` that sets one holds, by column name."""
    return _lengths(table)


def sets_length(name: str) -> bool:
    """Whether a column named ``name`` sets its own length in some table (a key, a doc, a
    unit's code or name): a text for it is held to that length, which :func:`check_row` says,
    never to the general one of :data:`dirtrack.text.MAX_TEXT` (a key of 40,000 characters was
    said to be more than the 32767 it can hold, not the 200)."""
    from dirtrack.models import metadata

    return any(name in _lengths(table) for table in metadata().tables.values())


def too_long(table: Table, name: str, value: object) -> InvalidInput | None:
    """Why ``value`` does not fit column ``name`` of ``table`` (the error :func:`check_row`
    raises), or None when it fits. For a reader that says so of a row before anything is
    written (an imported sheet's ``--dry-run``)."""
    limit = _lengths(table).get(name)
    if limit is None or not isinstance(value, str) or len(value) <= limit:
        return None
    from dirtrack.i18n import Field

    return InvalidInput.of(
        "too_long", field=Field(f"{table.name}.{name}"), length=len(value), limit=limit
    )


def check_row(table: Table, row: Mapping[str, Any]) -> None:
    """Raise InvalidInput if a text of ``row`` is longer than its column of ``table`` holds."""
    for name in _lengths(table):
        error = too_long(table, name, row.get(name))
        if error is not None:
            raise error


def _before_execute(
    _conn: Connection,
    clause: Any,
    multiparams: Sequence[Mapping[str, Any]],
    params: Mapping[str, Any],
    _options: Any,
) -> None:
    if not isinstance(clause, Insert | Update) or not isinstance(clause.table, Table):
        return
    if not _lengths(clause.table):
        return
    for row in list(multiparams) or [params or {}]:
        check_row(clause.table, row)


def ids_exhausted(table: str) -> InvalidInput:
    """The error for a row of ``table`` that would be numbered past the largest id."""
    from dirtrack.models import MAX_ID

    return InvalidInput.of("ids_exhausted", table=table, limit=MAX_ID)


def check_ids(
    conn: Connection,
    clause: Any,
    _multiparams: Any,
    _params: Any,
    _options: Any,
    _result: Any,
) -> None:
    """After an INSERT into a table numbered by the database: refuse a row numbered past
    :data:`dirtrack.models.MAX_ID` (its largest id, one look up its primary key's index)."""
    if not isinstance(clause, Insert) or not isinstance(clause.table, Table):
        return
    ident = clause.table.c.get("id")
    if ident is None or not ident.primary_key or not ident.autoincrement:
        return
    from dirtrack.models import MAX_ID

    top = conn.execute(select(func.max(ident))).scalar()
    if top is not None and top > MAX_ID:
        raise ids_exhausted(clause.table.name)


def ids_held_past_limit(context: ExceptionContext) -> InvalidInput | None:
    """An INSERT SQLite refused as 'database or disk is full' into a table holding an id above
    :data:`dirtrack.models.MAX_ID`, or whose counter is there (2**63 - 1: SQLite numbers no
    row after it): the error naming the table and that record or counter in ``doctor``'s words,
    not a full disk. None for any other failure (a disk truly full is said as such)."""
    if context.dialect.name != "sqlite" or "database or disk is full" not in str(
        context.original_exception
    ):
        return None
    compiled = getattr(context.execution_context, "compiled", None)
    clause = getattr(compiled, "statement", None)
    if not isinstance(clause, Insert) or not isinstance(clause.table, Table):
        return None
    from dirtrack.i18n import Entity, Phrase
    from dirtrack.models import MAX_ID

    name = clause.table.name
    raw = context.connection.connection.dbapi_connection if context.connection else None
    if raw is None or "id" not in clause.table.c:
        return None
    # on the connection's own DBAPI cursor: the statement failed, the transaction is still
    # this command's, and SQLAlchemy's connection is handling the error
    cursor = raw.cursor()
    try:
        cursor.execute(f'SELECT max(id) FROM "{name}"')
        top = (cursor.fetchone() or (None,))[0]
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (name,))
        seq = (cursor.fetchone() or (None,))[0]
    finally:
        cursor.close()
    if top is not None and top > MAX_ID:
        found = Phrase("hc_id_too_large", entity=Entity(name), id=top, limit=MAX_ID)
    elif seq is not None and seq > MAX_ID:
        found = Phrase("hc_counter_too_large", entity=Entity(name), n=seq, limit=MAX_ID)
    else:
        return None
    return InvalidInput.of("ids_exhausted_held", table=name, found=found)


def _handle_error(context: ExceptionContext) -> None:
    exhausted = ids_held_past_limit(context)
    if exhausted is not None:
        raise exhausted


def install(engine: Engine) -> None:
    """Check every INSERT and UPDATE run on ``engine`` with :func:`check_row`, and every
    INSERT's new ids with :func:`check_ids`; an INSERT SQLite refused for want of an id is
    said as such (:func:`ids_held_past_limit`)."""
    event.listen(engine, "before_execute", _before_execute)
    event.listen(engine, "after_execute", check_ids)
    event.listen(engine, "handle_error", _handle_error)
