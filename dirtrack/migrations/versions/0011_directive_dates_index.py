"""An index on ``directive`` that covers what judging a directive reads of it.

A report counts its period's directives in one pass (``store/counts.count_report``): the
closing dates, the issue day, the original deadline, the meeting, the unit and the field of
every directive. Without this index that pass reads the whole table, texts and notes included;
with it, the smaller index. Its leading column, ``completed_on``, also lets ``overdue`` and
``list --status overdue`` find the directives not yet completed without reading the others.

Revision ID: 0011
Revises: 0010b
Create Date: 2026-12-02
"""

from alembic import op

revision = "0011"
down_revision = "0010b"
branch_labels = None
depends_on = None

COLUMNS = [
    "completed_on",
    "cancelled_on",
    "withdrawn_on",
    "issued_on",
    "original_due",
    "meeting_id",
    "unit_id",
    "field_id",
]


def upgrade() -> None:
    op.create_index("ix_directive_judged", "directive", COLUMNS, unique=False)


def downgrade() -> None:
    op.drop_index("ix_directive_judged", table_name="directive")
