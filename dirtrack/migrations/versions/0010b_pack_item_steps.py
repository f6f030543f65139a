"""What each answer a pack brought in did to its directive: ``pack_item.steps``.

``pack in`` tells the office's changes from the units' answers: an answer applies where the
office changed nothing since the pack was made. Another unit's answer on the same directive
(a coordinating unit's note, the lead's progress) is no change of the office's, so each answer
applied keeps the directive's fingerprint right before and right after it, a JSON list of
``[before, after]`` pairs (one per reading that changed something). Items answered before this
revision have none (NULL): their answers count as the office's, as they did.

Revision ID: 0010b
Revises: 0008
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0010b"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("pack_item", sa.Column("steps", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pack_item") as batch:
        batch.drop_column("steps")
