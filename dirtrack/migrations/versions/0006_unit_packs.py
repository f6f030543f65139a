"""Units report back: their contacts, the packs sent to them and what each pack held.

``unit_contact``: a unit's focal person and head (one of each), with e-mail and phone.
``pack``: one unit's workbook of a period (``pack out``), with when it was sent and to whom, and
when it was first answered. ``pack_item``: each directive of a pack, with the fingerprint of
what the office knew of it then, so ``pack in`` can tell what changed since on either side.

Revision ID: 0006
Revises: 0003
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0007"
branch_labels = None
depends_on = None


def _fk(
    name: str, target: str, *, nullable: bool = False, ondelete: str | None = None
) -> sa.Column[int]:
    return sa.Column(
        name, sa.Integer(), sa.ForeignKey(target, ondelete=ondelete), nullable=nullable
    )


def upgrade() -> None:
    op.create_table(
        "unit_contact",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("unit_id", "unit.id", ondelete="CASCADE"),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("unit_id", "role"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_unit_contact_unit_id", "unit_contact", ["unit_id"])
    op.create_table(
        "pack",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("token", sa.String(length=64), nullable=False, unique=True),
        _fk("unit_id", "unit.id"),
        sa.Column("period_label", sa.String(length=64), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("made_on", sa.Date(), nullable=False),
        sa.Column("answer_by", sa.Date(), nullable=False),
        sa.Column("file", sa.String(), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_to", sa.String(), nullable=True),
        sa.Column("sent_cc", sa.String(), nullable=True),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_pack_unit_id", "pack", ["unit_id"])
    op.create_index("ix_pack_period", "pack", ["period_start", "period_end"])
    op.create_table(
        "pack_item",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("pack_id", "pack.id", ondelete="CASCADE"),
        _fk("directive_id", "directive.id", ondelete="CASCADE"),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("base", sa.String(length=64), nullable=False),
        sa.Column("shown", sa.String(), nullable=False),
        sa.Column("answer", sa.String(length=64), nullable=True),
        sa.Column("settled", sa.String(length=64), nullable=True),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.UniqueConstraint("pack_id", "directive_id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_pack_item_pack_id", "pack_item", ["pack_id"])
    op.create_index("ix_pack_item_directive_id", "pack_item", ["directive_id"])


def downgrade() -> None:
    op.drop_table("pack_item")
    op.drop_table("pack")
    op.drop_table("unit_contact")
