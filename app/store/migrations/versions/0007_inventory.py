"""The inventory: still-valid paper results counted per issuing agency (as printed), result type and year.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inventory",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_printed", sa.String(length=300), nullable=False),
        sa.Column("agency_key", sa.String(length=100), nullable=False),
        sa.Column("successor_key", sa.String(length=100), nullable=False),
        sa.Column("doc_type", sa.String(length=100), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_inventory"),
        sa.UniqueConstraint(
            "agency_printed", "doc_type", "year", name="uq_inventory_agency_printed_doc_type_year"
        ),
    )


def downgrade() -> None:
    op.drop_table("inventory")
