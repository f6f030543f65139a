"""The tables as plain SQLAlchemy Core objects, for the lean read path (issue 6).

:mod:`dirtrack.models` declares the tables with SQLModel, whose import (pydantic and the ORM)
costs a third of a second, longer than a whole ``report`` on a small register. The commands that
must start fast (``report``, ``overdue``, ``list``) read through these Core tables instead. They
describe the same columns with the same types (so dates come back as ``date`` on SQLite and
PostgreSQL alike); ``tests/test_report_sql.py`` checks them against the models, and the
migrations stay the one owner of the schema.
"""

from __future__ import annotations

from sqlalchemy import Column, Date, DateTime, Integer, MetaData, String, Table

metadata = MetaData()

unit = Table(
    "unit",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(64), nullable=False),
    Column("code_key", String(64), nullable=False),
    Column("name", String(400), nullable=False),
    Column("name_key", String(400), nullable=False),
    Column("parent_id", Integer),
    Column("successor_id", Integer),
    Column("retired_on", Date),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

unit_alias = Table(
    "unit_alias",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("unit_id", Integer, nullable=False),
    Column("alias", String(400), nullable=False),
    Column("alias_key", String(400), nullable=False),
)

meeting = Table(
    "meeting",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("date", Date, nullable=False),
    Column("title", String, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("chair", String),
    Column("chair_title", String),
    Column("doc", String(200)),
    Column("note", String),
    Column("key", String(200)),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

meeting_attendee = Table(
    "meeting_attendee",
    metadata,
    Column("meeting_id", Integer, primary_key=True),
    Column("unit_id", Integer, primary_key=True),
)

directive = Table(
    "directive",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("meeting_id", Integer, nullable=False),
    Column("unit_id", Integer, nullable=False),
    Column("text", String, nullable=False),
    Column("original_due", Date),
    Column("due_text", String),
    Column("product", String),
    Column("key", String(200)),
    Column("completed_on", Date),
    Column("completion_note", String),
    Column("cancelled_on", Date),
    Column("cancel_reason", String),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

directive_coordinator = Table(
    "directive_coordinator",
    metadata,
    Column("directive_id", Integer, primary_key=True),
    Column("unit_id", Integer, primary_key=True),
)

extension = Table(
    "extension",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("directive_id", Integer, nullable=False),
    Column("approved_on", Date, nullable=False),
    Column("new_due", Date, nullable=False),
    Column("due_text", String),
    Column("reason", String),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

progress_entry = Table(
    "progress_entry",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("directive_id", Integer, nullable=False),
    Column("reported_on", Date, nullable=False),
    Column("percent", Integer),
    Column("note", String),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

limitation = Table(
    "limitation",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("meeting_id", Integer, nullable=False),
    Column("unit_id", Integer, nullable=False),
    Column("text", String, nullable=False),
    Column("text_key", String, nullable=False),
    Column("category", String(32), nullable=False),
    Column("resolved_on", Date),
    Column("resolve_note", String),
    Column("repeat_of_id", Integer),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Issue 5: the history (see dirtrack.store.history), read by `overdue` and `remind`.
change_log = Table(
    "change_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("action", String(64), nullable=False),
    Column("entity", String(64), nullable=False),
    Column("entity_id", Integer),
    Column("before", String),
    Column("after", String),
    Column("undone_by", Integer),
    Column("directive_id", Integer),  # the directive a change row belongs to (migration 0002)
)
