"""On SQLite, a trigger per table whose rows point to rows of the same table (unit: parent and
successor; limitation: repeat_of) that refuses deleting a row another row names, whatever the
``foreign_keys`` pragma says: migration 0018 left these links to the pragma, and another program
(DB Browser for SQLite leaves foreign keys off) could delete a unit another unit named as its
parent or successor (``dirtrack.models.own_link_triggers``). PostgreSQL always enforces foreign
keys: nothing there.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05
"""

from alembic import op

from dirtrack.models import own_link_triggers

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name, statement in own_link_triggers().items():
        op.execute(f'DROP TRIGGER IF EXISTS "{name}"')  # a register stamped older by hand
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in own_link_triggers():
        op.execute(f'DROP TRIGGER IF EXISTS "{name}"')
