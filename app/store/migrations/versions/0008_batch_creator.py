"""Who scanned a batch: ``batches.created_by`` (a login; empty for batches scanned before this).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


# Plain ALTER TABLE, never a batch-mode table copy: with foreign keys on, dropping the old
# ``batches`` table would cascade into its pages and documents.
def upgrade() -> None:
    op.add_column("batches", sa.Column("created_by", sa.String(length=32), nullable=True))


def downgrade() -> None:
    op.drop_column("batches", "created_by")
