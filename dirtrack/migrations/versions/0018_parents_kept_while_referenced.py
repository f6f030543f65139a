"""On SQLite, a trigger per parent table (unit, meeting, series, field) that refuses
deleting a row while rows of another table point to it without ON DELETE, whatever the pragma
says: another program (DB Browser for SQLite leaves foreign keys off) deleting a unit or a
meeting under its directives left them pointing at nothing, and the counts left them out
without a word (``dirtrack.models.orphan_triggers``). PostgreSQL always enforces foreign keys:
nothing there.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04
"""

from alembic import op

from dirtrack.models import orphan_triggers

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name, statement in orphan_triggers().items():
        op.execute(f'DROP TRIGGER IF EXISTS "{name}"')  # a register stamped older by hand
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in orphan_triggers():
        op.execute(f'DROP TRIGGER IF EXISTS "{name}"')
