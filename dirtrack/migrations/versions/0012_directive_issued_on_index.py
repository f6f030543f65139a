"""An index on the issue day of the occurrences of a series (``directive.issued_on``).

A period's scope keeps a directive closed before the period began when it was issued in it
(an occurrence done ahead of its own period). Stated as index ranges (not completed, completed
since the start, or issued since the start: ``store/rules.not_closed_before``), the scope is
read from ``ix_directive_judged`` and this index instead of a scan of every directive: a report
at a million directives reads the 90,000 not closed before its two periods, not the million.

On SQLite the index holds only the occurrences (the others have no issue day), so that it
offers no range of the directives not issued: see ISSUED in ``dirtrack/models``.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_directive_issued_on",
        "directive",
        ["issued_on"],
        unique=False,
        sqlite_where=sa.text("issued_on IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_directive_issued_on", table_name="directive")
