"""The office profile (the issuing office's details its documents carry, one row) and the
urging letters (công văn đôn đốc) written to units, with the directives each names.

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "office",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("parent_body", sa.String(length=400), nullable=True),
        sa.Column("body", sa.String(length=400), nullable=True),
        sa.Column("code", sa.String(length=64), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=True),
        sa.Column("signer_name", sa.String(length=200), nullable=True),
        sa.Column("signer_title", sa.String(length=200), nullable=True),
        sa.Column("signer_authority", sa.String(length=200), nullable=True),
        sa.Column("recipients", sa.String(), nullable=True),
        sa.Column("template", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "urging",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("number", sa.String(length=200), nullable=True),
        sa.Column("reply_by", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"]),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_urging_unit_id", "urging", ["unit_id"])
    op.create_index("ix_urging_issued_on", "urging", ["issued_on"])
    op.create_table(
        "urging_directive",
        sa.Column("urging_id", sa.Integer(), nullable=False),
        sa.Column("directive_id", sa.Integer(), nullable=False),
        sa.Column("overdue", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["urging_id"], ["urging.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["directive_id"], ["directive.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("urging_id", "directive_id"),
    )
    op.create_index("ix_urging_directive_directive_id", "urging_directive", ["directive_id"])


def downgrade() -> None:
    op.drop_table("urging_directive")
    op.drop_table("urging")
    op.drop_table("office")
