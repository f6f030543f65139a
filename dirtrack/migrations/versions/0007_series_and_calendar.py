"""Periodic directives (series) and the office's calendar of days off and worked days.

- ``series``: a periodic directive (``assign --every``), and ``series_coordinator``;
- ``directive.series_id``, ``directive.period`` (unique together) and ``directive.issued_on``:
  an occurrence of a series, its period, and the day it was given (its period's start);
- ``calendar_day``: a day the office takes off or works against the national calendar.

Revision ID: 0007
Revises: 0003
Create Date: 2026-12-02
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0009"
branch_labels = None
depends_on = None


def _rebuild_directive() -> Any:
    """Batch mode rebuilds ``directive`` on SQLite, which drops its ``sqlite_sequence`` row:
    kept here, so that an id ``undo`` removed is still never handed out again."""
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return op.batch_alter_table("directive", schema=None)
    seq = conn.execute(sa.text("SELECT seq FROM sqlite_sequence WHERE name = 'directive'"))
    _SEQ["directive"] = seq.scalar()
    return op.batch_alter_table(
        "directive", schema=None, table_kwargs={"sqlite_autoincrement": True}
    )


def _restore_sequence() -> None:
    conn = op.get_bind()
    seq = _SEQ.pop("directive", None)
    if conn.dialect.name != "sqlite" or seq is None:
        return
    conn.execute(sa.text("DELETE FROM sqlite_sequence WHERE name = 'directive'"))
    conn.execute(
        sa.text("INSERT INTO sqlite_sequence (name, seq) VALUES ('directive', :seq)"), {"seq": seq}
    )


_SEQ: dict[str, Any] = {}


def upgrade() -> None:
    op.create_table(
        "series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("every", sa.String(length=16), nullable=False),
        sa.Column("day", sa.Integer(), nullable=True),
        sa.Column("offset", sa.Integer(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("next_start", sa.Date(), nullable=True),
        sa.Column("product", sa.String(), nullable=True),
        sa.Column("key", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"]),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"]),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("series", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_series_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_series_unit_id"), ["unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_series_next_start"), ["next_start"], unique=False)
    op.create_table(
        "series_coordinator",
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["series_id"], ["series.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"]),
        sa.PrimaryKeyConstraint("series_id", "unit_id"),
    )
    with op.batch_alter_table("series_coordinator", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_series_coordinator_unit_id"), ["unit_id"], unique=False
        )
    op.create_table(
        "calendar_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("off", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("day"),
    )
    with _rebuild_directive() as batch_op:
        batch_op.add_column(sa.Column("series_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("period", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("issued_on", sa.Date(), nullable=True))
        batch_op.create_foreign_key(
            "fk_directive_series_id_series", "series", ["series_id"], ["id"]
        )
        batch_op.create_unique_constraint("uq_directive_series_id_period", ["series_id", "period"])
        batch_op.create_index(batch_op.f("ix_directive_series_id"), ["series_id"], unique=False)
    _restore_sequence()


def downgrade() -> None:
    with _rebuild_directive() as batch_op:
        batch_op.drop_index(batch_op.f("ix_directive_series_id"))
        batch_op.drop_constraint("uq_directive_series_id_period", type_="unique")
        batch_op.drop_constraint("fk_directive_series_id_series", type_="foreignkey")
        batch_op.drop_column("issued_on")
        batch_op.drop_column("period")
        batch_op.drop_column("series_id")
    _restore_sequence()
    op.drop_table("calendar_day")
    op.drop_table("series_coordinator")
    op.drop_table("series")
