"""Results, requests, fields and leaders in charge.

- ``directive.withdrawn_on``: the day an approved withdrawal request took the directive out of
  the programme (status ``withdrawn``, outside every count like ``cancelled``);
- ``directive.field_id`` and the table ``field``: the lĩnh vực of each directive;
- ``leader`` and ``leader_assignment``: who is in charge of which fields and units, from a day;
- ``directive_result``: the result document, verdict and the office's acceptance or return;
- ``request``: a unit's extension or withdrawal request and its answer;
- ``office.accepts_completions`` and ``office.on_time_by``: whether the office accepts
  completions, and whether the result document's date or the acceptance decides on time.

The new columns of ``directive`` are added by rebuilding the table on SQLite (Alembic's batch
mode keeps its rows, ids, indexes and AUTOINCREMENT); PostgreSQL adds them in place.

Revision ID: 0008
Revises: 0005
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0005"
branch_labels = None
depends_on = None

AUTOINCREMENT = {"sqlite_autoincrement": True}


def upgrade() -> None:
    op.add_column("office", sa.Column("accepts_completions", sa.Boolean(), nullable=True))
    op.add_column("office", sa.Column("on_time_by", sa.String(length=16), nullable=True))
    op.create_table(
        "field",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("code_key", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=400), nullable=False),
        sa.Column("name_key", sa.String(length=400), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code_key"),
        **AUTOINCREMENT,
    )
    op.create_index("ix_field_name_key", "field", ["name_key"], unique=False)
    op.create_table(
        "leader",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=400), nullable=False),
        sa.Column("name_key", sa.String(length=400), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name_key"),
        **AUTOINCREMENT,
    )
    op.create_table(
        "leader_assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("leader_id", sa.Integer(), nullable=False),
        sa.Column("field_id", sa.Integer(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("start", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["leader_id"], ["leader.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["field_id"], ["field.id"]),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"]),
        sa.PrimaryKeyConstraint("id"),
        **AUTOINCREMENT,
    )
    for column in ("leader_id", "field_id", "unit_id"):
        op.create_index(f"ix_leader_assignment_{column}", "leader_assignment", [column])
    op.add_column("directive", sa.Column("withdrawn_on", sa.Date(), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        # In place, not by rebuilding the table: a rebuild would forget the largest id the
        # table ever held (sqlite_sequence), and an id removed by undo would be given again.
        op.execute("ALTER TABLE directive ADD COLUMN field_id INTEGER REFERENCES field (id)")
    else:
        op.add_column("directive", sa.Column("field_id", sa.Integer(), nullable=True))
        op.create_foreign_key("directive_field_id_fkey", "directive", "field", ["field_id"], ["id"])
    op.create_index("ix_directive_field_id", "directive", ["field_id"])
    op.create_table(
        "directive_result",
        sa.Column("directive_id", sa.Integer(), nullable=False),
        sa.Column("claimed_on", sa.Date(), nullable=False),
        sa.Column("doc", sa.String(length=200), nullable=True),
        sa.Column("doc_date", sa.Date(), nullable=True),
        sa.Column("file", sa.String(), nullable=True),
        sa.Column("file_hash", sa.String(length=128), nullable=True),
        sa.Column("verdict", sa.String(length=16), nullable=True),
        sa.Column("accepted_on", sa.Date(), nullable=True),
        sa.Column("returned_on", sa.Date(), nullable=True),
        sa.Column("return_reason", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["directive_id"], ["directive.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("directive_id"),
    )
    op.create_table(
        "request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("directive_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("asked_on", sa.Date(), nullable=False),
        sa.Column("to_due", sa.Date(), nullable=True),
        sa.Column("due_text", sa.String(), nullable=True),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("doc", sa.String(length=200), nullable=True),
        sa.Column("decision", sa.String(length=16), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decision_doc", sa.String(length=200), nullable=True),
        sa.Column("decision_reason", sa.String(), nullable=True),
        sa.Column("objective", sa.Boolean(), nullable=False),
        sa.Column("extension_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["directive_id"], ["directive.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["extension_id"], ["extension.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        **AUTOINCREMENT,
    )
    op.create_index("ix_request_directive_id", "request", ["directive_id"])
    op.create_index("ix_request_extension_id", "request", ["extension_id"])


def downgrade() -> None:
    op.drop_table("request")
    op.drop_table("directive_result")
    op.drop_index("ix_directive_field_id", table_name="directive")
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        seq = sa.text("SELECT seq FROM sqlite_sequence WHERE name = 'directive'")
        highest = conn.execute(seq).scalar()
        with op.batch_alter_table("directive", table_kwargs=AUTOINCREMENT) as batch:
            batch.drop_column("field_id")
            batch.drop_column("withdrawn_on")
        if highest is not None:  # the rebuild must not forget the largest id ever given
            conn.execute(
                sa.text("UPDATE sqlite_sequence SET seq = :n WHERE name = 'directive'"),
                {"n": highest},
            )
    else:
        op.drop_constraint("directive_field_id_fkey", "directive", type_="foreignkey")
        op.drop_column("directive", "field_id")
        op.drop_column("directive", "withdrawn_on")
    op.drop_table("leader_assignment")
    op.drop_table("leader")
    op.drop_index("ix_field_name_key", table_name="field")
    op.drop_table("field")
    with op.batch_alter_table("office", table_kwargs=AUTOINCREMENT) as batch:
        batch.drop_column("on_time_by")
        batch.drop_column("accepts_completions")
