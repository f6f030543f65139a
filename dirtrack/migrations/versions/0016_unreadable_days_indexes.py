"""On SQLite, a partial index per table of the rows holding a day not stored as dirtrack stores
it (``YYYY-MM-DD``): another program (DB Browser for SQLite, a script) may write '2024-3-5',
'05/03/2024', a day with a time or '' in a DATE column, and every query compares the stored
text, so the counts would be wrong without a word. SQLite keeps these indexes up to date
whoever writes; normally empty, they let every command learn at once that no such day is there
(``dirtrack.db.refuse_unreadable_days``). PostgreSQL's DATE columns hold only days: nothing
there.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from dirtrack.models import DAY_COLUMNS, unreadable_days, unreadable_days_name

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table, (key, _columns) in DAY_COLUMNS.items():
        op.create_index(
            unreadable_days_name(table),
            table,
            [key],
            unique=False,
            sqlite_where=sa.text(unreadable_days(table)),
            if_not_exists=True,  # a register stamped older than its schema (by hand)
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in DAY_COLUMNS:
        op.drop_index(unreadable_days_name(table), table_name=table, if_exists=True)
