"""Described records: each document's fields, issuer and scope flags, its result code, and the
never-reused sequence behind result codes.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("record", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("result_code", sa.String(length=120), nullable=True))
        batch.add_column(sa.Column("result_seq", sa.Integer(), nullable=True))
        batch.create_unique_constraint("uq_documents_result_code", ["result_code"])
    op.create_table(
        "code_sequences",
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_code_sequences"),
    )
    op.create_table(
        "released_codes",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=120), nullable=False),
        sa.Column("released_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_released_codes"),
    )


def downgrade() -> None:
    op.drop_table("released_codes")
    op.drop_table("code_sequences")
    with op.batch_alter_table("documents") as batch:
        batch.drop_constraint("uq_documents_result_code", type_="unique")
        batch.drop_column("result_seq")
        batch.drop_column("result_code")
        batch.drop_column("record")
