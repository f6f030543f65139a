"""``returned_completion.returned_by``: who sent the completion back (``return``), which only
the change log held (the actor of the ``return`` that set the result's ``returned_on``): the
rows kept so far are given it from there, where the change log still holds that return (none
where the register came from an import, or the return was not recorded by dirtrack).

``closure.returned_on`` and ``closure.return_reason`` are dropped: a completion a reopening
ended was never returned (``return`` opens the directive again, and ``done`` clears the return
from the result it writes), so ``reopen`` only ever copied nothing into them and no reader found
anything there. On SQLite, the closure's partial index of rows holding a day not stored as
dirtrack stores it is made again without ``returned_on``.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-05
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

# Written out, not read from dirtrack.models: a later change there must not change this step.
CLOSURE_DAYS = ("closed_on", "claimed_on", "doc_date", "accepted_on", "reopened_on")
OLD_CLOSURE_DAYS = (
    "closed_on",
    "claimed_on",
    "doc_date",
    "accepted_on",
    "returned_on",
    "reopened_on",
)


def _unreadable(days: tuple[str, ...]) -> str:
    return " OR ".join(
        f'("{c}" IS NOT NULL AND NOT (length("{c}") = 10 AND "{c}" GLOB '
        "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'))"
        for c in days
    )


def _returners(conn: sa.Connection) -> dict[tuple[int, str], str]:
    """The actor of each return the change log holds, not undone, by directive id and the day
    it returned the completion: an update of the directive's result row setting
    ``returned_on`` (the latest, when the same day was set twice)."""
    log = sa.table(
        "change_log",
        sa.column("id", sa.Integer()),
        sa.column("actor", sa.String()),
        sa.column("action", sa.String()),
        sa.column("entity", sa.String()),
        sa.column("entity_id", sa.Integer()),
        sa.column("before", sa.String()),
        sa.column("after", sa.String()),
        sa.column("undone_by", sa.Integer()),
    )
    found: dict[tuple[int, str], str] = {}
    rows = conn.execute(
        sa.select(log.c.entity_id, log.c.actor, log.c.before, log.c.after)
        .where(
            log.c.action == "update",
            log.c.entity == "directive_result",
            log.c.undone_by.is_(None),
        )
        .order_by(log.c.id)
    )
    for entity_id, actor, before, after in rows:
        try:
            old, new = json.loads(before or "{}"), json.loads(after or "{}")
        except ValueError:
            continue
        day = new.get("returned_on") if isinstance(new, dict) else None
        if entity_id is None or not day or (isinstance(old, dict) and old.get("returned_on")):
            continue
        found[(int(entity_id), str(day))] = str(actor)[:200]
    return found


def upgrade() -> None:
    conn = op.get_bind()
    op.add_column(
        "returned_completion", sa.Column("returned_by", sa.String(length=200), nullable=True)
    )
    kept = sa.table(
        "returned_completion",
        sa.column("id", sa.Integer()),
        sa.column("directive_id", sa.Integer()),
        sa.column("returned_on", sa.Date()),
        sa.column("returned_by", sa.String()),
    )
    rows = conn.execute(sa.select(kept.c.id, kept.c.directive_id, kept.c.returned_on)).all()
    if rows:
        returners = _returners(conn)
        for ident, directive_id, returned_on in rows:
            day = returned_on.isoformat() if hasattr(returned_on, "isoformat") else returned_on
            actor = returners.get((directive_id, str(day)))
            if actor is not None:
                conn.execute(sa.update(kept).where(kept.c.id == ident).values(returned_by=actor))
    sqlite = conn.dialect.name == "sqlite"
    if sqlite:
        op.drop_index("ix_closure_unreadable_days", table_name="closure")
    seq = _sequence(conn)
    with op.batch_alter_table("closure", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_column("returned_on")
        batch.drop_column("return_reason")
    _set_sequence(conn, seq)
    if sqlite:
        op.create_index(
            "ix_closure_unreadable_days",
            "closure",
            ["id"],
            unique=False,
            sqlite_where=sa.text(_unreadable(CLOSURE_DAYS)),
        )


def _sequence(conn: sa.Connection) -> int | None:
    """On SQLite, the largest closure id ever given (``AUTOINCREMENT``), which rebuilding the
    table would forget: ids are never given twice (migration 0003)."""
    if conn.dialect.name != "sqlite":
        return None
    found = conn.execute(sa.text("SELECT seq FROM sqlite_sequence WHERE name = 'closure'")).scalar()
    return None if found is None else int(found)


def _set_sequence(conn: sa.Connection, seq: int | None) -> None:
    if seq is None:
        return
    conn.execute(sa.text("DELETE FROM sqlite_sequence WHERE name = 'closure'"))
    conn.execute(
        sa.text(
            "INSERT INTO sqlite_sequence (name, seq) "
            "SELECT 'closure', MAX(:seq, COALESCE((SELECT MAX(id) FROM closure), 0))"
        ),
        {"seq": seq},
    )


def downgrade() -> None:
    conn = op.get_bind()
    sqlite = conn.dialect.name == "sqlite"
    if sqlite:
        op.drop_index("ix_closure_unreadable_days", table_name="closure")
    seq = _sequence(conn)
    with op.batch_alter_table("closure", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.add_column(sa.Column("returned_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("return_reason", sa.String(), nullable=True))
    _set_sequence(conn, seq)
    if sqlite:
        op.create_index(
            "ix_closure_unreadable_days",
            "closure",
            ["id"],
            unique=False,
            sqlite_where=sa.text(_unreadable(OLD_CLOSURE_DAYS)),
        )
    with op.batch_alter_table("returned_completion") as batch:
        batch.drop_column("returned_by")
