"""A completion whose exact day is unknown: ``directive.completed_on_exact``.

An office sheet may mark a row done ("Đã hoàn thành") without a date. When the sheet's own
date (or ``import --as-of``) settles its status, the directive is recorded as completed by that
day: ``completed_on`` holds the bound and ``completed_on_exact`` is false. Every existing
completion has its exact day: the column defaults to true.

Revision ID: 0009
Revises: 0003
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "directive",
        sa.Column("completed_on_exact", sa.Boolean(), nullable=False, server_default=sa.true()),
    )


def downgrade() -> None:
    with op.batch_alter_table("directive") as batch:
        batch.drop_column("completed_on_exact")
