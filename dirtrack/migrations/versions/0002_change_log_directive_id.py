"""The change log names the directive each change row belongs to: ``change_log.directive_id``.

``overdue`` and ``remind`` show who last touched each directive. Without this column that meant
reading and decoding every change row of every directive part (203,000 rows after a 110,000-row
import); with it and the index on ``(directive_id, id)`` it is one index lookup per directive.

The column holds what ``dirtrack.store.history.DIRECTIVE_PARTS`` says: for a change row of
``directive`` its image's ``id``, of ``progress_entry``, ``extension`` or
``directive_coordinator`` its image's ``directive_id`` (the image being ``after``, or ``before``
for a deletion); NULL for every other row (command rows, units, meetings, limitations, and the
``directive.move`` rows of ``unit retire``, whose images name no directive id). Existing rows are
filled here, a batch at a time, the JSON decoded in Python as the log's readers decode it.

Also an index on ``(action, id)``: every ``report`` reads the moves of ``unit retire``
(``action = 'directive.move'``), and without it that was a scan of the whole log (0.9 s of a
report on a register of a million directives and 6.4 million change rows).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# A frozen copy of dirtrack.store.history.DIRECTIVE_PARTS: a migration never changes meaning.
PARTS = {
    "directive": "id",
    "progress_entry": "directive_id",
    "extension": "directive_id",
    "directive_coordinator": "directive_id",
}
BATCH = 5000

log = sa.table(
    "change_log",
    sa.column("id", sa.Integer()),
    sa.column("entity", sa.String()),
    sa.column("before", sa.String()),
    sa.column("after", sa.String()),
    sa.column("directive_id", sa.Integer()),
)


def owner(entity: str, raw: str | None, row: int) -> int | None:
    """The directive change row ``row`` of ``entity`` with this image (JSON text) belongs to.

    Raises:
        DatabaseError: the image is not JSON (edited by hand): which directive the row
            belongs to is not known, and a NULL would hide the row from who last touched the
            directive once the image is corrected; the upgrade stops, nothing changed, naming
            the row to correct.
    """
    if raw is None:
        return None
    try:
        image: Any = json.loads(raw)
    except ValueError:  # JSONDecodeError, or bytes that are not UTF-8
        from dirtrack.errors import DatabaseError

        raise DatabaseError.of("db_upgrade_not_json", table="change_log", id=row) from None
    value = image.get(PARTS[entity]) if isinstance(image, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _put(conn: sa.Connection, found: list[tuple[int, int]], low: int, high: int) -> None:
    """Set ``directive_id`` of each (row id, directive id); the ids are in ``(low, high]``."""
    if conn.dialect.name == "postgresql":
        # One statement for the batch (arrays of ids and owners), not one per row. The id
        # range keeps the plan on the primary key: right after the column was added, the
        # planner has no statistics and would read the whole table for each batch.
        conn.execute(
            sa.text(
                "UPDATE change_log SET directive_id = v.did "
                "FROM unnest(CAST(:ids AS integer[]), CAST(:dids AS integer[])) AS v(id, did) "
                "WHERE change_log.id = v.id AND change_log.id > :low AND change_log.id <= :high"
            ),
            {"ids": [i for i, _ in found], "dids": [d for _, d in found], "low": low, "high": high},
        )
    else:  # SQLite: the driver's executemany of one prepared statement
        conn.execute(
            sa.update(log)
            .where(log.c.id == sa.bindparam("row_id"))
            .values(directive_id=sa.bindparam("did")),
            [{"row_id": i, "did": d} for i, d in found],
        )


def _fill(conn: sa.Connection) -> None:
    """Fill ``directive_id`` of the existing change rows of directive parts, :data:`BATCH` rows
    at a time in id order (a walk down the primary key, whatever the planner knows)."""
    page = (
        sa.select(log.c.id, log.c.entity, sa.func.coalesce(log.c.after, log.c.before))
        .where(log.c.id > sa.bindparam("low"))
        .order_by(log.c.id)
        .limit(BATCH)
    )
    low = (conn.execute(sa.select(sa.func.min(log.c.id))).scalar() or 1) - 1
    while True:
        rows = conn.execute(page, {"low": low}).all()
        if not rows:
            return
        high = int(rows[-1][0])
        filled = [
            (int(i), did)
            for i, entity, raw in rows
            if entity in PARTS and (did := owner(entity, raw, int(i))) is not None
        ]
        if filled:
            _put(conn, filled, low, high)
        low = high


def upgrade() -> None:
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("directive_id", sa.Integer(), nullable=True))
    _fill(op.get_bind())
    # Built once filled, not row by row as it is filled.
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index("ix_change_log_directive_id", ["directive_id", "id"], unique=False)
        batch_op.create_index("ix_change_log_action", ["action", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index("ix_change_log_action")
        batch_op.drop_index("ix_change_log_directive_id")
        batch_op.drop_column("directive_id")
