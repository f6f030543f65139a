"""On SQLite, a partial index per table holding links to a unit, meeting, series, field or
limitation, of the rows where such a link is a number that is not whole: another program (DB
Browser for SQLite, a script) may write ``1.5`` in an INTEGER column, which SQLite keeps as it
is. It points to no record and falls between two ids, where the look on opening (index lookups
at the gaps between ids) finds nothing, so ``list`` and the reports left its row out without a
word. SQLite keeps these indexes up to date whoever writes; normally empty, they let every
command learn at once that no such link is there (``dirtrack.db.refuse_fractional_links``).
PostgreSQL's INTEGER columns hold only whole numbers: nothing there.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

# Written out, not read from dirtrack.models: a later change there must not change this step.
LINK_COLUMNS = {
    "directive": ("unit_id", "field_id", "meeting_id", "series_id"),
    "directive_coordinator": ("unit_id",),
    "leader_assignment": ("unit_id", "field_id"),
    "limitation": ("unit_id", "repeat_of_id", "meeting_id"),
    "meeting_attendee": ("unit_id", "meeting_id"),
    "pack": ("unit_id",),
    "series": ("unit_id", "meeting_id"),
    "series_coordinator": ("unit_id", "series_id"),
    "unit": ("parent_id", "successor_id"),
    "unit_alias": ("unit_id",),
    "unit_contact": ("unit_id",),
    "urging": ("unit_id",),
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table, columns in LINK_COLUMNS.items():
        op.create_index(
            f"ix_{table}_links_not_ids",
            table,
            [columns[0]],
            unique=False,
            sqlite_where=sa.text(" OR ".join(f"typeof(\"{c}\") = 'real'" for c in columns)),
            if_not_exists=True,  # a register stamped older than its schema (by hand)
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in LINK_COLUMNS:
        op.drop_index(f"ix_{table}_links_not_ids", table_name=table, if_exists=True)
