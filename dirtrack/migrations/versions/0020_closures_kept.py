"""``closure``: a directive's completion, cancellation or withdrawal that a reopening ended,
with the day it was reopened and why. ``reopen`` cleared them from the directive and only the
change log kept them, which neither the status rules nor ``show``, ``list``, the report or
``export`` read: a report as of a day the closure was in force counted the directive open.
The status rules read a row here on the days it was in force (``dirtrack.store.rules``).

On SQLite, its partial index of rows holding a day not stored as dirtrack stores it (as
migration 0016 made for the other tables, ``dirtrack.models.LATER_DAY_COLUMNS``).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

# Written out, not read from dirtrack.models: a later change there must not change this step.
DAYS = ("closed_on", "claimed_on", "doc_date", "accepted_on", "returned_on", "reopened_on")
UNREADABLE = " OR ".join(
    f'("{c}" IS NOT NULL AND NOT (length("{c}") = 10 AND "{c}" GLOB '
    "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'))"
    for c in DAYS
)


def upgrade() -> None:
    op.create_table(
        "closure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("directive_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=False),
        sa.Column("completed_on_exact", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("claimed_on", sa.Date(), nullable=True),
        sa.Column("doc", sa.String(length=200), nullable=True),
        sa.Column("doc_date", sa.Date(), nullable=True),
        sa.Column("file", sa.String(), nullable=True),
        sa.Column("file_hash", sa.String(length=128), nullable=True),
        sa.Column("verdict", sa.String(length=16), nullable=True),
        sa.Column("accepted_on", sa.Date(), nullable=True),
        sa.Column("returned_on", sa.Date(), nullable=True),
        sa.Column("return_reason", sa.String(), nullable=True),
        sa.Column("reopened_on", sa.Date(), nullable=False),
        sa.Column("reopen_reason", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["directive_id"], ["directive.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_closure_directive_id", "closure", ["directive_id"])
    if op.get_bind().dialect.name == "sqlite":
        op.create_index(
            "ix_closure_unreadable_days",
            "closure",
            ["id"],
            unique=False,
            sqlite_where=sa.text(UNREADABLE),
        )


def downgrade() -> None:
    op.drop_table("closure")
