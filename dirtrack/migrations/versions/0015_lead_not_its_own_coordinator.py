"""A lead unit taken out of its own directive's (or series') coordinating units.

A directive's lead unit is never one of its coordinating units: ``assign --with`` and ``edit
directive --with`` drop the lead from the list, and an import refuses a file that names it
(``json_own_link``). ``unit retire`` did not keep the rule: a directive moved to a successor
that already coordinated it kept the successor in ``with`` as well as the lead, so the export
of such a register could not be imported again. Retiring now takes the successor out of the
list; this revision does the same for what earlier retirements left.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

# (the coordinating units' table, its column naming the row, the table of the row)
LINKS = (
    ("directive_coordinator", "directive_id", "directive"),
    ("series_coordinator", "series_id", "series"),
)


def upgrade() -> None:
    conn = op.get_bind()
    for name, owner_column, owner_name in LINKS:
        links = sa.table(name, sa.column(owner_column, sa.Integer), sa.column("unit_id"))
        owner = sa.table(owner_name, sa.column("id", sa.Integer), sa.column("unit_id"))
        own = (
            sa.select(owner.c.id)
            .where(owner.c.id == links.c[owner_column])
            .where(owner.c.unit_id == links.c.unit_id)
            .exists()
        )
        conn.execute(links.delete().where(own))


def downgrade() -> None:
    """Nothing to undo: a lead is not its own coordinating unit at any revision."""
