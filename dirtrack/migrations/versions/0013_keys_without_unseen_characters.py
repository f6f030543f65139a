"""Search keys made again where their text holds characters that show nothing.

Every searchable text has a ``*_key`` twin, :func:`dirtrack.text.fold` of it, through which
units, aliases, fields, leaders and limitations are found and told apart. ``fold`` now leaves
out the characters that show nothing (a zero-width space or joiner pasted from a web page, a
direction mark, a byte order mark): a key stored before kept them, so a unit named with one
was not found by its name typed without it, and the same name typed again made a second one.
This revision writes each stored key again as ``fold`` gives it now, where they differ.

A key declared unique (a unit's or a field's code) that would become another row's key is left
as it is: the two rows were told apart before and stay so (``dirtrack unit rename`` gives one
the other code by hand).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from dirtrack.text import fold

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# (table, text column, key column, whether the key is unique)
KEYED = (
    ("unit", "code", "code_key", True),
    ("unit", "name", "name_key", False),
    ("unit_alias", "alias", "alias_key", False),
    ("field", "code", "code_key", True),
    ("field", "name", "name_key", False),
    ("leader", "name", "name_key", False),
    ("limitation", "text", "text_key", False),
)


def upgrade() -> None:
    conn = op.get_bind()
    for name, source, key, unique in KEYED:
        table = sa.table(name, sa.column("id", sa.Integer), sa.column(source), sa.column(key))
        rows = conn.execute(sa.select(table.c.id, table.c[source], table.c[key])).all()
        taken = {row[2] for row in rows} if unique else set()
        for row_id, text, stored in rows:
            wanted = fold(text)
            if wanted == stored or wanted in taken:
                continue
            conn.execute(table.update().where(table.c.id == row_id).values({key: wanted}))
            if unique:
                taken.discard(stored)
                taken.add(wanted)


def downgrade() -> None:
    """Nothing to undo: a key without the unseen characters finds what the old one found."""
