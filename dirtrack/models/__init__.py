"""The tables, as SQLModel classes, and the enums stored in them.

Text columns hold NFC; each searchable text has a ``*_key`` twin holding :func:`dirtrack.text.fold`
so that matching ignores case, accents and tone placement in SQL on SQLite and PostgreSQL alike.
This is the one definition of the schema: the Core tables of :mod:`dirtrack.store.tables` are
these classes' ``__table__``, and a test checks that the Alembic migrations in
``dirtrack/migrations`` build exactly this metadata on SQLite and PostgreSQL.

Building a class costs (SQLModel, pydantic and the ORM mapping: a fifth of a command's
start-up for all of them), so the tables that the register's directives, meetings, units and
limitations do not refer to, and that few commands use, are in submodules built when first
named (``from dirtrack.models import Pack`` imports :mod:`dirtrack.models.packs`); each
refers only to tables built before it. What needs every table (creating the schema, the
migrations, the writers' foreign keys, an import or a backup) reads :func:`metadata`.
"""

import datetime as dt
from importlib import import_module
from typing import TYPE_CHECKING, Any

from pydantic import ConfigDict
from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    UniqueConstraint,
    event,
    true,
)
from sqlalchemy import text as sql_text
from sqlmodel import Field, SQLModel

from dirtrack.kinds import Category, MeetingKind

if TYPE_CHECKING:
    from dirtrack.models.calendar import CalendarDay as CalendarDay
    from dirtrack.models.closures import Closure as Closure
    from dirtrack.models.contacts import UnitContact as UnitContact
    from dirtrack.models.leaders import Leader as Leader
    from dirtrack.models.leaders import LeaderAssignment as LeaderAssignment
    from dirtrack.models.office import Office as Office
    from dirtrack.models.packs import Pack as Pack
    from dirtrack.models.packs import PackItem as PackItem
    from dirtrack.models.returns import ReturnedCompletion as ReturnedCompletion
    from dirtrack.models.urgings import Urging as Urging
    from dirtrack.models.urgings import UrgingDirective as UrgingDirective

__all__ = ["Category", "MeetingKind"]

# The classes built when first named: the submodule that declares each, and its table.
LATER = {
    "CalendarDay": ("calendar", "calendar_day"),
    "Closure": ("closures", "closure"),
    "UnitContact": ("contacts", "unit_contact"),
    "Leader": ("leaders", "leader"),
    "LeaderAssignment": ("leaders", "leader_assignment"),
    "Office": ("office", "office"),
    "Pack": ("packs", "pack"),
    "PackItem": ("packs", "pack_item"),
    "ReturnedCompletion": ("returns", "returned_completion"),
    "Urging": ("urgings", "urging"),
    "UrgingDirective": ("urgings", "urging_directive"),
}


def __getattr__(name: str) -> Any:
    if name in LATER:
        return getattr(import_module(f"dirtrack.models.{LATER[name][0]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def metadata() -> MetaData:
    """``SQLModel.metadata`` with every table of the schema declared on it."""
    for module in sorted({module for module, _table in LATER.values()}):
        import_module(f"dirtrack.models.{module}")
    tables = SQLModel.metadata.tables
    for table, columns in LINK_COLUMNS.items():
        name = links_not_ids_name(table)
        if not any(index.name == name for index in tables[table].indexes):
            Index(
                name, tables[table].c[columns[0]], sqlite_where=sql_text(links_not_ids(table))
            ).ddl_if(dialect="sqlite")
    return SQLModel.metadata


# On SQLite, a parent row (a unit, a meeting, a series, a field) is kept while rows of another
# table point to it without ON DELETE, whatever the ``foreign_keys`` pragma says: another program
# (DB Browser for SQLite leaves foreign keys off) deleting a unit under its directives left them
# pointing at nothing, and the counts left them out without a word. A trigger per parent table
# refuses the delete as SQLite's own foreign key check does ('FOREIGN KEY constraint failed'),
# so dirtrack, which deletes children first, sees no change. The ON DELETE CASCADE and SET NULL
# ones are left to the pragma: dirtrack relies on their cascade. The links within a table (a
# unit's parent and successor, a limitation's repeat_of) have their own trigger
# (:func:`own_link_triggers`). PostgreSQL always enforces foreign keys: nothing there.
ORPHAN_REFUSAL = "FOREIGN KEY constraint failed"


def orphan_triggers() -> dict[str, str]:
    """The ``CREATE TRIGGER`` statement of each parent table (migration 0018 and new files)."""
    conditions: dict[str, list[str]] = {}
    for table in sorted(metadata().tables.values(), key=lambda t: t.name):
        for fk in sorted(table.foreign_keys, key=lambda fk: fk.parent.name):
            if fk.ondelete is None and fk.column.table is not table:
                conditions.setdefault(fk.column.table.name, []).append(
                    f'EXISTS (SELECT 1 FROM "{table.name}" '
                    f'WHERE "{fk.parent.name}" = OLD."{fk.column.name}")'
                )
    return {
        f"{parent}_keeps_references": (
            f'CREATE TRIGGER "{parent}_keeps_references" BEFORE DELETE ON "{parent}" '
            f"FOR EACH ROW WHEN {' OR '.join(found)} "
            f"BEGIN SELECT RAISE(ABORT, '{ORPHAN_REFUSAL}'); END"
        )
        for parent, found in sorted(conditions.items())
    }


def own_link_triggers() -> dict[str, str]:
    """The ``CREATE TRIGGER`` statement of each table whose rows point to rows of the same table
    (a unit's parent and successor, a limitation's repeat_of; migration 0019 and new files): on
    SQLite, whatever the ``foreign_keys`` pragma, a row another row names is kept, refused as the
    foreign key would. A row naming itself does not keep itself. dirtrack's own deletes of rows
    that name each other (``undo`` of an import, ``delete``) clear those links first
    (:func:`dirtrack.store.history.delete_rows`), since the trigger looks row by row."""
    conditions: dict[str, list[str]] = {}
    for table in sorted(metadata().tables.values(), key=lambda t: t.name):
        for fk in sorted(table.foreign_keys, key=lambda fk: fk.parent.name):
            if fk.ondelete is None and fk.column.table is table:
                key = fk.column.name
                conditions.setdefault(table.name, []).append(
                    f'EXISTS (SELECT 1 FROM "{table.name}" '
                    f'WHERE "{fk.parent.name}" = OLD."{key}" AND "{key}" <> OLD."{key}")'
                )
    return {
        f"{table}_keeps_own_references": (
            f'CREATE TRIGGER "{table}_keeps_own_references" BEFORE DELETE ON "{table}" '
            f"FOR EACH ROW WHEN {' OR '.join(found)} "
            f"BEGIN SELECT RAISE(ABORT, '{ORPHAN_REFUSAL}'); END"
        )
        for table, found in sorted(conditions.items())
    }


# The digests of :func:`triggers` by name (:func:`trigger_digest`), written out so that a command
# opening a register to write looks for another program's trigger, or one under dirtrack's name
# with another body, without building a model (:func:`dirtrack.db.refuse_foreign_triggers`);
# tests/test_migrations.py checks them.
TRIGGER_DIGESTS = {
    "field_keeps_references": "6751055d5ca2fce1",
    "limitation_keeps_own_references": "5ea63529e514d0ff",
    "meeting_keeps_references": "0369c3b51087dc1b",
    "series_keeps_references": "f946852029986df4",
    "unit_keeps_own_references": "1fd6be2c2075357f",
    "unit_keeps_references": "a10e292474ef7d05",
}


def trigger_digest(sql: str | None) -> str:
    """A trigger's SQL text as compared with dirtrack's own: word by word (the white space
    SQLite keeps as it was written aside), hashed short."""
    from hashlib import sha256

    return sha256(" ".join(str(sql or "").split()).encode()).hexdigest()[:16]


def triggers() -> dict[str, str]:
    """Every trigger dirtrack makes on SQLite, by name: :func:`orphan_triggers` and
    :func:`own_link_triggers` (``doctor`` names one missing or with another body)."""
    return {**orphan_triggers(), **own_link_triggers()}


# Every link into the tables those triggers keep, by the table it points to (a unit first): the
# rows (table, column) a command opening a SQLite register looks for in the gaps between the ids
# that are there (dirtrack.db.refuse_missing_records), since a register damaged before the
# triggers may hold them. Written out, not read from the models, so that opening a register
# builds no model; tests/test_migrations.py checks it against the models' foreign keys.
KEPT_LINKS: dict[str, tuple[tuple[str, str], ...]] = {
    "unit": (
        ("directive", "unit_id"),
        ("directive_coordinator", "unit_id"),
        ("leader_assignment", "unit_id"),
        ("limitation", "unit_id"),
        ("meeting_attendee", "unit_id"),
        ("pack", "unit_id"),
        ("series", "unit_id"),
        ("series_coordinator", "unit_id"),
        ("unit", "parent_id"),
        ("unit", "successor_id"),
        ("unit_alias", "unit_id"),
        ("unit_contact", "unit_id"),
        ("urging", "unit_id"),
    ),
    "field": (("directive", "field_id"), ("leader_assignment", "field_id")),
    "limitation": (("limitation", "repeat_of_id"),),
    "meeting": (
        ("directive", "meeting_id"),
        ("limitation", "meeting_id"),
        ("meeting_attendee", "meeting_id"),
        ("series", "meeting_id"),
    ),
    "series": (("directive", "series_id"), ("series_coordinator", "series_id")),
}

# The link columns of each table holding one (:data:`KEPT_LINKS` by the table holding them).
# SQLite keeps a number that is not whole (another program's ``1.5``) in an INTEGER column: it
# points to no record, falls between two ids where the look on opening finds nothing, and the
# lists and counts joining on it left its row out without a word. On SQLite each such table has
# a partial index of the rows holding one (migration 0024): SQLite keeps it up to date whoever
# writes, so a command learns from an index that is empty that there is none
# (dirtrack.db.refuse_fractional_links).
LINK_COLUMNS: dict[str, tuple[str, ...]] = {
    table: tuple(c for links in KEPT_LINKS.values() for t, c in links if t == table)
    for table in sorted({t for links in KEPT_LINKS.values() for t, _c in links})
}


def links_not_ids(table: str) -> str:
    """The SQL condition that a row of ``table`` holds a link that is a number not whole."""
    return " OR ".join(f"typeof(\"{c}\") = 'real'" for c in LINK_COLUMNS[table])


def links_not_ids_name(table: str) -> str:
    """The name of ``table``'s partial index of rows whose link is a number not whole."""
    return f"ix_{table}_links_not_ids"


def _create_orphan_triggers(_target: MetaData, connection: Any, **_kw: Any) -> None:
    if connection.dialect.name == "sqlite":
        for statement in triggers().values():
            connection.exec_driver_sql(statement)


event.listen(SQLModel.metadata, "after_create", _create_orphan_triggers)


# Ids are never handed out twice, even after `undo` removed the newest rows: every table with an
# id says sqlite_autoincrement (migration 0003); PostgreSQL's sequences never go back.
# Ids are INTEGER columns: 32 bits on PostgreSQL. A larger id names no record on either backend
# (dirtrack.cli.common.positive_id says so before any query, where PostgreSQL would refuse it).
MAX_ID = 2**31 - 1


# Every table's ``model_config``: pydantic builds a row's validator when one is first needed, not
# at import, which saves every command about a fifth of building these classes. Said in each
# class rather than by a base class of them all: SQLAlchemy's declarative scan and its mapper
# walk every class's bases, a base of their own once more per class (7 M instructions of a
# command's start-up, with building that base).
DEFERRED: Any = ConfigDict(defer_build=True)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# The days the counts compare, by table (and the column that names a row): SQLite keeps any
# text in a DATE column, and every query compares the stored text, so a day another program
# wrote as '2024-3-5', '05/03/2024', with a time after it or as '' would be counted wrong
# without a word. On SQLite each table has a partial index of the rows holding such a day
# (migration 0016): SQLite keeps it up to date whoever writes, so that a command learns at
# once, from an index that is empty, that there are none (dirtrack.db.refuse_unreadable_days).
DAY_COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "unit": ("id", ("retired_on",)),
    "meeting": ("id", ("date",)),
    "directive": (
        "id",
        ("original_due", "completed_on", "cancelled_on", "withdrawn_on", "issued_on"),
    ),
    "progress_entry": ("id", ("reported_on",)),
    "extension": ("id", ("approved_on", "new_due")),
    "limitation": ("id", ("resolved_on",)),
    "directive_result": (
        "directive_id",
        ("claimed_on", "doc_date", "accepted_on", "returned_on"),
    ),
    "request": ("id", ("asked_on", "to_due", "decided_on")),
}
# The tables made after migration 0016, which reads DAY_COLUMNS as it stands: each such table's
# migration makes its own index (0020: closure, made again by 0023; 0022: returned_completion).
# Every check reads ALL_DAY_COLUMNS.
LATER_DAY_COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "closure": (
        "id",
        ("closed_on", "claimed_on", "doc_date", "accepted_on", "reopened_on"),
    ),
    "returned_completion": ("id", ("claimed_on", "doc_date", "returned_on")),
}
ALL_DAY_COLUMNS = {**DAY_COLUMNS, **LATER_DAY_COLUMNS}


def day_form(column: str) -> str:
    """The SQL condition that ``column`` (quoted as needed) holds a day as dirtrack stores it
    on SQLite: ``YYYY-MM-DD``, ten characters."""
    return f"length({column}) = 10 AND {column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"


def unreadable_days(table: str) -> str:
    """The SQL condition that a row of ``table`` holds a day not in :func:`day_form`."""
    return " OR ".join(
        f'("{c}" IS NOT NULL AND NOT ({day_form(chr(34) + c + chr(34))}))'
        for c in ALL_DAY_COLUMNS[table][1]
    )


def unreadable_days_name(table: str) -> str:
    """The name of ``table``'s partial index of rows holding a day not in :func:`day_form`."""
    return f"ix_{table}_unreadable_days"


def unreadable_days_index(table: str) -> Index:
    """The partial index of :data:`DAY_COLUMNS` on SQLite (none on PostgreSQL, whose DATE
    columns hold nothing but days)."""
    key = ALL_DAY_COLUMNS[table][0]
    return Index(
        unreadable_days_name(table), key, sqlite_where=sql_text(unreadable_days(table))
    ).ddl_if(dialect="sqlite")


def _fk(
    target: str, *, nullable: bool = False, ondelete: str | None = None, name: str | None = None
) -> Column[int]:
    foreign = ForeignKey(target, ondelete=ondelete, name=name)
    return Column(Integer, foreign, nullable=nullable, index=True)


class Unit(SQLModel, table=True):
    """A cơ quan / đơn vị. Never deleted once referenced; retired units point to a successor."""

    model_config = DEFERRED

    __tablename__ = "unit"
    __table_args__ = (unreadable_days_index("unit"), {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=64)
    code_key: str = Field(max_length=64, unique=True)
    name: str = Field(max_length=400)
    name_key: str = Field(max_length=400, index=True)
    parent_id: int | None = Field(default=None, sa_column=_fk("unit.id", nullable=True))
    successor_id: int | None = Field(default=None, sa_column=_fk("unit.id", nullable=True))
    retired_on: dt.date | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)


class UnitAlias(SQLModel, table=True):
    model_config = DEFERRED
    __tablename__ = "unit_alias"
    __table_args__ = (UniqueConstraint("unit_id", "alias_key"), {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(sa_column=_fk("unit.id", ondelete="CASCADE"))
    alias: str = Field(max_length=400)
    alias_key: str = Field(max_length=400, index=True)


class Meeting(SQLModel, table=True):
    """A meeting whose chair concluded directives and named limitations."""

    model_config = DEFERRED

    __tablename__ = "meeting"
    __table_args__ = (unreadable_days_index("meeting"), {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    date: dt.date = Field(index=True)
    title: str
    kind: str = Field(default=MeetingKind.WORKING_SESSION.value, max_length=32)
    chair: str | None = None
    chair_title: str | None = None
    doc: str | None = Field(default=None, max_length=200)
    note: str | None = None
    key: str | None = Field(default=None, max_length=200, unique=True)
    created_at: dt.datetime = Field(default_factory=utcnow)


class MeetingAttendee(SQLModel, table=True):
    model_config = DEFERRED
    __tablename__ = "meeting_attendee"

    meeting_id: int = Field(
        sa_column=Column(Integer, ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True)
    )
    unit_id: int = Field(
        sa_column=Column(Integer, ForeignKey("unit.id"), primary_key=True, index=True)
    )


class Series(SQLModel, table=True):
    """A periodic directive (định kỳ): one occurrence, a directive of its own, per period.

    ``every`` is ``month``, ``quarter``, ``half-year`` or ``year``; the deadline of each
    occurrence is day ``day`` of the period's last month, or ``offset`` days after the period's
    end, or (neither) the Nghị định 09/2019 cut-off (the 14th of the last month), moved to the
    next working day when it falls on a day off. Occurrences exist from the period containing
    ``starts_on`` to the one containing ``ends_on``; ``next_start`` is the first day of the
    first period not created yet (NULL once every period is).
    """

    model_config = DEFERRED

    __tablename__ = "series"
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(sa_column=_fk("meeting.id"))
    unit_id: int = Field(sa_column=_fk("unit.id"))
    text: str
    every: str = Field(max_length=16)
    day: int | None = None
    offset: int | None = None
    starts_on: dt.date
    ends_on: dt.date | None = None
    next_start: dt.date | None = Field(default=None, index=True)
    product: str | None = None
    key: str | None = Field(default=None, max_length=200)
    created_at: dt.datetime = Field(default_factory=utcnow)


class SeriesCoordinator(SQLModel, table=True):
    model_config = DEFERRED
    __tablename__ = "series_coordinator"

    series_id: int = Field(
        sa_column=Column(Integer, ForeignKey("series.id", ondelete="CASCADE"), primary_key=True)
    )
    unit_id: int = Field(
        sa_column=Column(Integer, ForeignKey("unit.id"), primary_key=True, index=True)
    )


# Only occurrences of a series have an issue day; on SQLite the index of that day leaves out
# the other directives. With them in it, SQLite (which has no statistics of its own) reads
# "given by a day" (``store/rules.held_by``: issued by then, or not issued and held by then)
# as two ranges of that index, the second one every directive not issued. PostgreSQL weighs
# the rows an index range holds, and declaring its own option for a partial index would load
# its dialect at every start: there the index is whole.
ISSUED = sql_text("issued_on IS NOT NULL")


class Directive(SQLModel, table=True):
    """A task a meeting gave to one lead unit. Status is derived, never stored.

    An occurrence of a :class:`Series` names it (``series_id``) and its ``period`` (label, e.g.
    ``2025-03``, unique within the series); ``issued_on`` is the day it was given, the start of
    its period, which the report's scope reads instead of the meeting's date.
    """

    model_config = DEFERRED

    __tablename__ = "directive"
    __table_args__ = (
        UniqueConstraint("key", "unit_id"),
        # Named as migration 0007 named them, so that a new file has the names an upgraded one has.
        UniqueConstraint("series_id", "period", name="uq_directive_series_id_period"),
        Index("ix_directive_unit_meeting", "unit_id", "meeting_id"),
        # What judging a directive reads of it (migration 0011): a report's pass over the
        # directives reads this index instead of the table; completed_on first, for the open.
        Index(
            "ix_directive_judged",
            "completed_on",
            "cancelled_on",
            "withdrawn_on",
            "issued_on",
            "original_due",
            "meeting_id",
            "unit_id",
            "field_id",
        ),
        # The occurrences' issue days (migration 0012): with ix_directive_judged, a period's
        # scope is read as a few index ranges instead of a scan of every directive.
        Index("ix_directive_issued_on", "issued_on", sqlite_where=ISSUED),
        unreadable_days_index("directive"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(sa_column=_fk("meeting.id"))
    unit_id: int = Field(sa_column=_fk("unit.id"))
    text: str
    original_due: dt.date | None = Field(default=None, index=True)
    due_text: str | None = None
    product: str | None = None
    key: str | None = Field(default=None, max_length=200)
    completed_on: dt.date | None = None
    # False: the exact day is unknown and completed_on is its bound, the day by which it was
    # done (an office sheet's "Đã hoàn thành" as of its own date).
    completed_on_exact: bool = Field(
        default=True, sa_column=Column(Boolean, nullable=False, server_default=true())
    )
    completion_note: str | None = None
    cancelled_on: dt.date | None = None
    cancel_reason: str | None = None
    series_id: int | None = Field(
        default=None,
        sa_column=_fk("series.id", nullable=True, name="fk_directive_series_id_series"),
    )
    period: str | None = Field(default=None, max_length=16)
    issued_on: dt.date | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)
    # Withdrawn from the programme (rút khỏi chương trình) by an approved withdrawal request.
    withdrawn_on: dt.date | None = None
    field_id: int | None = Field(default=None, sa_column=_fk("field.id", nullable=True))


class DirectiveCoordinator(SQLModel, table=True):
    model_config = DEFERRED
    __tablename__ = "directive_coordinator"

    directive_id: int = Field(
        sa_column=Column(Integer, ForeignKey("directive.id", ondelete="CASCADE"), primary_key=True)
    )
    unit_id: int = Field(
        sa_column=Column(Integer, ForeignKey("unit.id"), primary_key=True, index=True)
    )


class ProgressEntry(SQLModel, table=True):
    model_config = DEFERRED
    __tablename__ = "progress_entry"
    __table_args__ = (unreadable_days_index("progress_entry"), {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    directive_id: int = Field(sa_column=_fk("directive.id", ondelete="CASCADE"))
    reported_on: dt.date
    percent: int | None = None
    note: str | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)


class Extension(SQLModel, table=True):
    """An approved new deadline; the directive's original deadline is never overwritten."""

    model_config = DEFERRED

    __tablename__ = "extension"
    __table_args__ = (unreadable_days_index("extension"), {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    directive_id: int = Field(sa_column=_fk("directive.id", ondelete="CASCADE"))
    # Indexed (migration 0021): the report reads the extensions approved in its period.
    approved_on: dt.date = Field(index=True)
    new_due: dt.date
    due_text: str | None = None
    reason: str | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)


class Limitation(SQLModel, table=True):
    """A hạn chế raised about a unit at a meeting; ``repeat_of_id`` links a recurrence."""

    model_config = DEFERRED

    __tablename__ = "limitation"
    __table_args__ = (unreadable_days_index("limitation"), {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(sa_column=_fk("meeting.id"))
    unit_id: int = Field(sa_column=_fk("unit.id"))
    text: str
    text_key: str
    category: str = Field(default=Category.OTHER.value, max_length=32)
    resolved_on: dt.date | None = None
    resolve_note: str | None = None
    repeat_of_id: int | None = Field(default=None, sa_column=_fk("limitation.id", nullable=True))
    created_at: dt.datetime = Field(default_factory=utcnow)


class DirectiveField(SQLModel, table=True):
    """A lĩnh vực (kinh tế, văn hóa – xã hội, nội chính…): a directive has at most one."""

    model_config = DEFERRED

    __tablename__ = "field"
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=64)
    code_key: str = Field(max_length=64, unique=True)
    name: str = Field(max_length=400)
    name_key: str = Field(max_length=400, index=True)


class DirectiveResult(SQLModel, table=True):
    """The result of a completion: the unit's result document, the verdict, and the office's
    acceptance or return. One row per directive; the last completion claimed."""

    model_config = DEFERRED

    __tablename__ = "directive_result"
    __table_args__ = (unreadable_days_index("directive_result"),)

    directive_id: int = Field(
        sa_column=Column(Integer, ForeignKey("directive.id", ondelete="CASCADE"), primary_key=True)
    )
    claimed_on: dt.date
    doc: str | None = Field(default=None, max_length=200)
    doc_date: dt.date | None = None
    file: str | None = None
    file_hash: str | None = Field(default=None, max_length=128)
    verdict: str | None = Field(default=None, max_length=16)
    accepted_on: dt.date | None = None
    returned_on: dt.date | None = None
    return_reason: str | None = None


class Request(SQLModel, table=True):
    """A unit's request: more time (``extend``) or leave the programme (``withdraw``), and
    its answer. An approved extension request makes an :class:`Extension` dated on the
    approval."""

    model_config = DEFERRED

    __tablename__ = "request"
    __table_args__ = (unreadable_days_index("request"), {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    directive_id: int = Field(sa_column=_fk("directive.id", ondelete="CASCADE"))
    kind: str = Field(max_length=16)
    asked_on: dt.date
    to_due: dt.date | None = None
    due_text: str | None = None
    reason: str
    doc: str | None = Field(default=None, max_length=200)
    decision: str | None = Field(default=None, max_length=16)
    decided_on: dt.date | None = None
    decision_doc: str | None = Field(default=None, max_length=200)
    decision_reason: str | None = None
    objective: bool = False
    extension_id: int | None = Field(
        default=None, sa_column=_fk("extension.id", nullable=True, ondelete="SET NULL")
    )


class ChangeLog(SQLModel, table=True):
    """Who changed what and when, with the values before and after (JSON text).

    ``directive_id`` is the directive a change row of a directive part belongs to (see
    ``dirtrack.store.history.DIRECTIVE_PARTS``), else NULL: who last touched a directive is an
    index lookup (migration 0002); so are the rows of one action (the moves `report` reads).
    """

    model_config = DEFERRED

    __tablename__ = "change_log"
    __table_args__ = (
        Index("ix_change_log_directive_id", "directive_id", "id"),
        # `report` looks up the moves of `unit retire` by action (migration 0002).
        Index("ix_change_log_action", "action", "id"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=utcnow, index=True)
    actor: str = Field(max_length=200)
    action: str = Field(max_length=64)
    entity: str = Field(max_length=64)
    entity_id: int | None = None
    before: str | None = None
    after: str | None = None
    undone_by: int | None = None
    directive_id: int | None = None
