"""Ids are never handed out twice: SQLite tables get AUTOINCREMENT.

Without it SQLite gives a new row the largest id + 1, so after ``undo`` removed the newest
directive the next ``assign`` took its id again, and ``history`` showed the changes of two
directives as one. With AUTOINCREMENT, SQLite remembers the largest id a table ever held (in
``sqlite_sequence``) and counts on from it. Adding it means rebuilding each table (Alembic's batch
mode: create the new table, copy every row, drop the old one, rename); the rows, their ids,
indexes and constraints stay as they were. :func:`dirtrack.db.upgrade` runs the migrations on
SQLite with foreign-key enforcement off, since dropping a table with it on would delete the rows
that refer to it (``ON DELETE CASCADE``); the keys are checked here once the tables are rebuilt.

PostgreSQL's ``SERIAL`` sequences never go back, so nothing changes there.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Every table with an ``id`` primary key, parents before the tables that refer to them.
TABLES = (
    "unit",
    "unit_alias",
    "meeting",
    "directive",
    "progress_entry",
    "extension",
    "limitation",
    "change_log",
)


def _rebuild(autoincrement: bool) -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    if conn.execute(sa.text("PRAGMA foreign_keys")).scalar():
        # DROP TABLE would delete every row that refers to the table (ON DELETE CASCADE).
        raise RuntimeError("rebuilding tables needs foreign-key enforcement off")
    for name in TABLES:
        with op.batch_alter_table(
            name, recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
        ):
            pass
    if autoincrement:
        # Count on from the largest id each table holds or the change log saw it hold (the
        # rows that undo removed before this migration), whichever is larger.
        for name in TABLES:
            conn.execute(sa.text("DELETE FROM sqlite_sequence WHERE name = :t"), {"t": name})
            conn.execute(
                sa.text(
                    "INSERT INTO sqlite_sequence (name, seq) SELECT :t, MAX(m) FROM ("
                    f"SELECT MAX(id) AS m FROM {name} UNION ALL "
                    "SELECT MAX(entity_id) FROM change_log WHERE entity = :t"
                    ") HAVING MAX(m) IS NOT NULL"
                ),
                {"t": name},
            )
    broken = conn.execute(sa.text("PRAGMA foreign_key_check")).fetchall()
    if broken:
        raise RuntimeError(f"foreign keys broken by the rebuild: {broken[:5]}")


def upgrade() -> None:
    _rebuild(True)


def downgrade() -> None:
    _rebuild(False)
