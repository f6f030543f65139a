"""The models' tables as SQLAlchemy Core objects, for aggregates, bulk reads and bulk writes.

The schema is defined once, by the SQLModel classes of :mod:`dirtrack.models`; these are the
very tables those classes declare (their ``__table__``), under short names, so that a Core
query reads ``directive.c.unit_id``. The tables of the classes built when first named
(:data:`dirtrack.models.LATER`) are looked up when first named here too.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ARRAY,
    JSON,
    Column,
    Connection,
    Integer,
    Row,
    RowMapping,
    Table,
    TableValuedAlias,
    bindparam,
    func,
    select,
    text,
)
from sqlalchemy.orm import Session
from sqlmodel import SQLModel

from dirtrack import models

_TABLES = SQLModel.metadata.tables

unit = _TABLES["unit"]
unit_alias = _TABLES["unit_alias"]
series = _TABLES["series"]
series_coordinator = _TABLES["series_coordinator"]
meeting = _TABLES["meeting"]
meeting_attendee = _TABLES["meeting_attendee"]
directive = _TABLES["directive"]
directive_coordinator = _TABLES["directive_coordinator"]
extension = _TABLES["extension"]
progress_entry = _TABLES["progress_entry"]
limitation = _TABLES["limitation"]
change_log = _TABLES["change_log"]
field = _TABLES["field"]
directive_result = _TABLES["directive_result"]
request = _TABLES["request"]

# The tables of the classes dirtrack.models builds when first named (models.LATER).
if TYPE_CHECKING:
    calendar_day: Table
    closure: Table
    unit_contact: Table
    pack: Table
    pack_item: Table
    returned_completion: Table
    leader: Table
    leader_assignment: Table
    office: Table
    urging: Table
    urging_directive: Table


def __getattr__(name: str) -> Table:
    for model, (_module, table_name) in models.LATER.items():
        if table_name == name:
            table: Table = getattr(models, model).__table__
            return table
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def holds_rows(conn: Connection, name: str) -> bool:
    """Whether the table ``name`` holds any row, asked by its name alone (no class built,
    nothing compiled). Asked first where an empty table has nothing to give and reading it
    would cost: building a class of :data:`dirtrack.models.LATER` (about 14 M instructions
    each; the four of packs and urging letters were 1.4 % of a report at 100,000 directives)
    or a large statement (the request counts)."""
    return conn.exec_driver_sql(f'SELECT 1 FROM "{name}" LIMIT 1').first() is not None


def pages(
    conn: Connection | Session,
    table: Table,
    size: int,
    *,
    above: int = 0,
    key: Column[Any] | None = None,
) -> Iterator[list[RowMapping]]:
    """The rows of ``table`` whose ``key`` (an integer column, ``id`` by default) is above
    ``above``, in that order, ``size`` rows at a time.

    Each page is one query, from the last key of the one before, read whole before it is handed
    over: the caller may write between pages, and only one page is in memory at a time.
    """
    for rows in row_pages(conn, table, size, above=above, key=key):
        yield [row._mapping for row in rows]


def row_pages(
    conn: Connection | Session,
    table: Table,
    size: int,
    *,
    above: int = 0,
    key: Column[Any] | None = None,
) -> Iterator[Sequence[Row[Any]]]:
    """:func:`pages`, each row as a tuple of the table's columns in order (no mapping made for
    each row, for a caller that reads them by position)."""
    column = table.c.id if key is None else key
    query = select(table).where(column > bindparam("after")).order_by(column).limit(size)
    after = above
    while True:
        page = conn.execute(query, {"after": after}).all()
        if not page:
            return
        yield page
        if len(page) < size:
            return
        after = page[-1]._mapping[column.name]


def ids_out_of_range(conn: Connection | Session) -> Iterator[tuple[str, int]]:
    """Each record (table name, id) whose id dirtrack never gives, another program set: 0 or
    below (:func:`pages` reads from id 1 up, so an export would lose it), or above
    :data:`dirtrack.models.MAX_ID` (no command can name it, its export would not import back,
    and on SQLite the next id after 2**63 - 1 is none: every insert into the table fails).
    Two looks in each table's primary key."""
    for table in models.metadata().sorted_tables:
        column = table.c.get("id")
        if column is None or not column.primary_key:
            continue
        query = select(column).where(column <= 0).order_by(column)
        for (ident,) in conn.execute(query):
            yield table.name, int(ident)
        query = select(column).where(column > models.MAX_ID).order_by(column)
        for (ident,) in conn.execute(query):
            yield table.name, int(ident)


def counters_out_of_range(conn: Connection | Session) -> Iterator[tuple[str, int]]:
    """Each table (name, counter) whose SQLite AUTOINCREMENT counter (``sqlite_sequence``) is
    above :data:`dirtrack.models.MAX_ID`, set by another program: the table's next record
    would be numbered past the largest id (at 2**63 - 1, SQLite numbers none and says its
    disk is full). None on PostgreSQL, whose sequences stop at the column's limit."""
    bind = conn.get_bind() if isinstance(conn, Session) else conn
    if bind.dialect.name != "sqlite":
        return
    kept = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'"
    if conn.execute(text(kept)).first() is None:
        return
    names = set(models.metadata().tables)
    query = text("SELECT name, seq FROM sqlite_sequence WHERE seq > :limit ORDER BY name")
    for name, seq in conn.execute(query, {"limit": models.MAX_ID}):
        if name in names:
            yield str(name), int(seq)


def id_values(dialect: str, name: str = "ids") -> TableValuedAlias:
    """The integers of the parameter ``name`` as rows of one column, ``value``, on ``dialect``
    (the connection's ``dialect.name``).

    The parameter is one value whatever the list's length: a JSON array read by ``json_each``
    on SQLite, an integer array read by ``unnest`` on PostgreSQL. A statement over a list of
    thousands of ids then has one parameter, not one per id (which SQLAlchemy renders and binds
    one at a time, and databases cap), and is compiled once for any length.
    """
    if dialect == "postgresql":
        listed = func.unnest(bindparam(name, type_=ARRAY(Integer))).table_valued("value")
        return listed.render_derived(name=f"{name}_listed")
    return func.json_each(bindparam(name, type_=JSON)).table_valued("value").alias(f"{name}_listed")
