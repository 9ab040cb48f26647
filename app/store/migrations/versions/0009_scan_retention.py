"""When a page's scan was removed by the retention period: ``pages.scan_purged_at``.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


# Plain ALTER TABLE (see 0008): a batch-mode copy of ``pages`` would lose its foreign keys' cascade.
def upgrade() -> None:
    op.add_column("pages", sa.Column("scan_purged_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    op.drop_column("pages", "scan_purged_at")
