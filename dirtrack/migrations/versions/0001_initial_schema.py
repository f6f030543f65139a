"""Initial schema: units, meetings, directives, progress, extensions, limitations, change log.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("before", sa.String(), nullable=True),
        sa.Column("after", sa.String(), nullable=True),
        sa.Column("undone_by", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_change_log_at"), ["at"], unique=False)

    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("chair", sa.String(), nullable=True),
        sa.Column("chair_title", sa.String(), nullable=True),
        sa.Column("doc", sa.String(length=200), nullable=True),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("key", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_date"), ["date"], unique=False)

    op.create_table(
        "unit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("code_key", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=400), nullable=False),
        sa.Column("name_key", sa.String(length=400), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("successor_id", sa.Integer(), nullable=True),
        sa.Column("retired_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["unit.id"],
        ),
        sa.ForeignKeyConstraint(
            ["successor_id"],
            ["unit.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code_key"),
    )
    with op.batch_alter_table("unit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_unit_name_key"), ["name_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_unit_parent_id"), ["parent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_unit_successor_id"), ["successor_id"], unique=False)

    op.create_table(
        "directive",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("original_due", sa.Date(), nullable=True),
        sa.Column("due_text", sa.String(), nullable=True),
        sa.Column("product", sa.String(), nullable=True),
        sa.Column("key", sa.String(length=200), nullable=True),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("completion_note", sa.String(), nullable=True),
        sa.Column("cancelled_on", sa.Date(), nullable=True),
        sa.Column("cancel_reason", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key", "unit_id"),
    )
    with op.batch_alter_table("directive", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_directive_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_directive_original_due"), ["original_due"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_directive_unit_id"), ["unit_id"], unique=False)
        batch_op.create_index("ix_directive_unit_meeting", ["unit_id", "meeting_id"], unique=False)

    op.create_table(
        "limitation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("text_key", sa.String(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("resolved_on", sa.Date(), nullable=True),
        sa.Column("resolve_note", sa.String(), nullable=True),
        sa.Column("repeat_of_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
        ),
        sa.ForeignKeyConstraint(
            ["repeat_of_id"],
            ["limitation.id"],
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("limitation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_limitation_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_limitation_repeat_of_id"), ["repeat_of_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_limitation_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "meeting_attendee",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
        ),
        sa.PrimaryKeyConstraint("meeting_id", "unit_id"),
    )
    with op.batch_alter_table("meeting_attendee", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_attendee_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "unit_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=400), nullable=False),
        sa.Column("alias_key", sa.String(length=400), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("unit_id", "alias_key"),
    )
    with op.batch_alter_table("unit_alias", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_unit_alias_alias_key"), ["alias_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_unit_alias_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "directive_coordinator",
        sa.Column("directive_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["directive_id"], ["directive.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
        ),
        sa.PrimaryKeyConstraint("directive_id", "unit_id"),
    )
    with op.batch_alter_table("directive_coordinator", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_directive_coordinator_unit_id"), ["unit_id"], unique=False
        )

    op.create_table(
        "extension",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("directive_id", sa.Integer(), nullable=False),
        sa.Column("approved_on", sa.Date(), nullable=False),
        sa.Column("new_due", sa.Date(), nullable=False),
        sa.Column("due_text", sa.String(), nullable=True),
        sa.Column("reason", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["directive_id"], ["directive.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("extension", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_extension_directive_id"), ["directive_id"], unique=False
        )

    op.create_table(
        "progress_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("directive_id", sa.Integer(), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=False),
        sa.Column("percent", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["directive_id"], ["directive.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("progress_entry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_progress_entry_directive_id"), ["directive_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("progress_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_progress_entry_directive_id"))

    op.drop_table("progress_entry")
    with op.batch_alter_table("extension", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_extension_directive_id"))

    op.drop_table("extension")
    with op.batch_alter_table("directive_coordinator", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_directive_coordinator_unit_id"))

    op.drop_table("directive_coordinator")
    with op.batch_alter_table("unit_alias", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unit_alias_unit_id"))
        batch_op.drop_index(batch_op.f("ix_unit_alias_alias_key"))

    op.drop_table("unit_alias")
    with op.batch_alter_table("meeting_attendee", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_attendee_unit_id"))

    op.drop_table("meeting_attendee")
    with op.batch_alter_table("limitation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_limitation_unit_id"))
        batch_op.drop_index(batch_op.f("ix_limitation_repeat_of_id"))
        batch_op.drop_index(batch_op.f("ix_limitation_meeting_id"))

    op.drop_table("limitation")
    with op.batch_alter_table("directive", schema=None) as batch_op:
        batch_op.drop_index("ix_directive_unit_meeting")
        batch_op.drop_index(batch_op.f("ix_directive_unit_id"))
        batch_op.drop_index(batch_op.f("ix_directive_original_due"))
        batch_op.drop_index(batch_op.f("ix_directive_meeting_id"))

    op.drop_table("directive")
    with op.batch_alter_table("unit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unit_successor_id"))
        batch_op.drop_index(batch_op.f("ix_unit_parent_id"))
        batch_op.drop_index(batch_op.f("ix_unit_name_key"))

    op.drop_table("unit")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_date"))

    op.drop_table("meeting")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_change_log_at"))

    op.drop_table("change_log")
