"""``returned_completion``: a completion the office sent back (``return``), kept when the unit
reports the directive done again. ``done`` overwrote the directive's one result row and its
completion note: the first document, file, SHA-256, note and the return with its reason were
left only in the change log, which neither ``show`` nor ``export`` reads. The status rules do
not read this table (a returned completion never counted).

On SQLite, its partial index of rows holding a day not stored as dirtrack stores it (as
migration 0016 made for the other tables, ``dirtrack.models.LATER_DAY_COLUMNS``).

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

# Written out, not read from dirtrack.models: a later change there must not change this step.
DAYS = ("claimed_on", "doc_date", "returned_on")
UNREADABLE = " OR ".join(
    f'("{c}" IS NOT NULL AND NOT (length("{c}") = 10 AND "{c}" GLOB '
    "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'))"
    for c in DAYS
)


def upgrade() -> None:
    op.create_table(
        "returned_completion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("directive_id", sa.Integer(), nullable=False),
        sa.Column("claimed_on", sa.Date(), nullable=False),
        sa.Column("doc", sa.String(length=200), nullable=True),
        sa.Column("doc_date", sa.Date(), nullable=True),
        sa.Column("file", sa.String(), nullable=True),
        sa.Column("file_hash", sa.String(length=128), nullable=True),
        sa.Column("verdict", sa.String(length=16), nullable=True),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("returned_on", sa.Date(), nullable=False),
        sa.Column("return_reason", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["directive_id"], ["directive.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_returned_completion_directive_id", "returned_completion", ["directive_id"])
    if op.get_bind().dialect.name == "sqlite":
        op.create_index(
            "ix_returned_completion_unreadable_days",
            "returned_completion",
            ["id"],
            unique=False,
            sqlite_where=sa.text(UNREADABLE),
        )


def downgrade() -> None:
    op.drop_table("returned_completion")
