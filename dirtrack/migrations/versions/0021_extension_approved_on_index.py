"""An index on the day each extension was approved (``extension.approved_on``).

The report's causes are the reasons given for the extensions approved in its period
(``store/facts.extension_causes``): without this index SQLite read every extension the register
ever recorded to find the period's few (17.5 ms of a report at a million directives), with it a
range of the index.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-05
"""

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_extension_approved_on", "extension", ["approved_on"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_extension_approved_on", table_name="extension")
